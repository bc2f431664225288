package transform

import (
	"fmt"
	"strings"
	"testing"

	"github.com/letopis/letopis"
)

// TestContainerTitle: a heading that only announces the activities below
// it, in the words reports use for them.
func TestContainerTitle(t *testing.T) {
	for title, want := range map[string]bool{
		"Programi in projekti v letu 2021": true,
		"Operacije v izvajanju":            true,
		"Projekti v izvajanju":             true,
		"Zaključene operacije":             true,
		"Naše dejavnosti":                  true,
		"Mladinski programi":               true,
		"Mednarodne dejavnosti":            true,
		"Mladinski program":                false,
		"Mladinska točka Brod":             false,
		"Javni pozivi in izbor operacij":   false,
		"Projekt Gozd nas uči":             false,
		"Delovanje organov in pisarne LAS": false,
	} {
		if got := containerTitle(title); got != want {
			t.Errorf("containerTitle(%q) = %v, want %v", title, got, want)
		}
	}
}

// TestLetteredParts: a heading over parts lettered a), b), c) (the first
// set as a heading, the others as bold list items over paragraphs of their
// own) announces them; the parts are the activities.
func TestLetteredParts(t *testing.T) {
	block := func(kind letopis.BlockKind, label, text string, size float64, bold bool) letopis.Block {
		return letopis.Block{Kind: kind, Label: label, Page: 1, Lines: []letopis.Line{{Text: text, Size: size, Bold: bold}}}
	}
	d := &letopis.Document{Format: "pdf", Pages: []letopis.Page{{Number: 1, Blocks: []letopis.Block{
		block(letopis.BlockParagraph, "", "Društvo X, poročilo o delu 2024", 10, false),
		block(letopis.BlockHeading, "", "ČEBELJA PAŠA", 12, true),
		block(letopis.BlockParagraph, "", "Čebelja paša je trajala do julija, člani so postavili 40 panjev.", 10, false),
		block(letopis.BlockHeading, "", "IZOBRAŽEVANJE IN SVETOVANJE", 12, true),
		block(letopis.BlockHeading, "", "a) Predavanja", 10, true),
		block(letopis.BlockParagraph, "", "Predavanj se je udeležilo 214 poslušalcev.", 10, false),
		block(letopis.BlockListItem, "b)", "Tečaj za začetnike", 10, true),
		block(letopis.BlockParagraph, "", "Tečaj je obiskovalo 11 tečajnikov.", 10, false),
		block(letopis.BlockListItem, "c)", "Čebelarski krožek", 10, true),
		block(letopis.BlockParagraph, "", "V krožek je bilo vključenih 14 učencev.", 10, false),
		block(letopis.BlockHeading, "", "OCENJEVANJE MEDU", 12, true),
		block(letopis.BlockParagraph, "", "Ocenili smo 34 vzorcev medu.", 10, false),
	}}}}
	rep, err := Read(d, Options{Organisation: "Društvo X"})
	if err != nil {
		t.Fatal(err)
	}
	var acts []string
	for _, a := range rep.Activities {
		acts = append(acts, a.Title)
	}
	want := "Čebelja paša|Predavanja|Tečaj za začetnike|Čebelarski krožek|Ocenjevanje medu"
	if strings.Join(acts, "|") != want {
		t.Errorf("activities %q, want %q", strings.Join(acts, "|"), want)
	}
	for _, f := range rep.Facts {
		if f.Value == 11 && f.Activity != "Tečaj za začetnike" || f.Value == 14 && f.Activity != "Čebelarski krožek" {
			t.Errorf("fact %g of %q", f.Value, f.Activity)
		}
	}
}

// TestSidebarPages: headings set in a sidebar left of the text are read
// before the text beside them, on a page of one sidebar heading too when
// another page shows the layout.
func TestSidebarPages(t *testing.T) {
	at := func(kind letopis.BlockKind, page int, x0, y, x1 float64, text string) item {
		return item{b: &letopis.Block{Kind: kind, Page: page, BBox: letopis.BBox{X0: x0, Y0: y - 10, X1: x1, Y1: y},
			Lines: []letopis.Line{{Text: text, Size: 10}}}, heading: kind == letopis.BlockHeading}
	}
	prose := strings.Repeat("Besedilo poročila o delu v letu, ki teče čez vso širino stolpca. ", 4)
	items := []item{
		// page 1: two sidebar headings, read as a column before the text
		at(letopis.BlockHeading, 1, 40, 700, 150, "Namestitev"),
		at(letopis.BlockHeading, 1, 40, 500, 150, "Programi"),
		at(letopis.BlockParagraph, 1, 180, 700, 540, prose),
		at(letopis.BlockParagraph, 1, 180, 500, 540, prose),
		// page 2: one sidebar heading, below text that goes on from page 1
		at(letopis.BlockHeading, 2, 40, 600, 150, "Finance"),
		at(letopis.BlockParagraph, 2, 180, 750, 540, prose),
		at(letopis.BlockParagraph, 2, 180, 600, 540, prose),
	}
	var got []string
	for _, it := range sidebarOrder(items) {
		got = append(got, fmt.Sprintf("%d:%s", it.b.Page, strings.Fields(it.b.Text())[0]))
	}
	want := "1:Namestitev 1:Besedilo 1:Programi 1:Besedilo 2:Besedilo 2:Finance 2:Besedilo"
	if strings.Join(got, " ") != want {
		t.Errorf("order %s, want %s", strings.Join(got, " "), want)
	}
}

// TestNewsletterFront: the masthead of a newsletter (the largest heading,
// alone) is its title, and the short articles of its front page, under
// smaller headings before the first of the top level, are activities.
func TestNewsletterFront(t *testing.T) {
	block := func(kind letopis.BlockKind, text string, size float64) letopis.Block {
		return letopis.Block{Kind: kind, Page: 1, Lines: []letopis.Line{{Text: text, Size: size, Bold: kind == letopis.BlockHeading}}}
	}
	d := &letopis.Document{Format: "pdf", Pages: []letopis.Page{{Number: 1, Blocks: []letopis.Block{
		block(letopis.BlockHeading, "Vaški list", 30),
		block(letopis.BlockParagraph, "Turistično društvo X, poročilo o delu v letu 2023", 10),
		block(letopis.BlockHeading, "Beseda predsednika", 12),
		block(letopis.BlockParagraph, "Društvo je imelo ob koncu leta 164 članov.", 10),
		block(letopis.BlockHeading, "Informacijska točka", 12),
		block(letopis.BlockParagraph, "Točko je obiskalo 3.860 obiskovalcev.", 10),
		block(letopis.BlockHeading, "Turistični krožek", 12),
		block(letopis.BlockParagraph, "Krožek je obiskovalo 12 učencev.", 10),
		block(letopis.BlockHeading, "Kostanjev praznik", 14),
		block(letopis.BlockParagraph, "Praznik je obiskalo 4.500 ljudi.", 10),
		block(letopis.BlockHeading, "Urejanje kraja", 14),
		block(letopis.BlockParagraph, "Zasadili smo 1.250 sadik.", 10),
	}}}}
	rep, err := Read(d, Options{Organisation: "Turistično društvo X"})
	if err != nil {
		t.Fatal(err)
	}
	var acts []string
	for _, a := range rep.Activities {
		acts = append(acts, a.Title)
	}
	if want := "Informacijska točka|Turistični krožek|Kostanjev praznik|Urejanje kraja"; strings.Join(acts, "|") != want {
		t.Errorf("activities %q, want %q", strings.Join(acts, "|"), want)
	}
	for _, f := range rep.Facts {
		if f.Value == 164 && f.Activity != "" || f.Value == 12 && f.Activity != "Turistični krožek" {
			t.Errorf("fact %g of %q", f.Value, f.Activity)
		}
	}
}
