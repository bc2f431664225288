package transform

import (
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
