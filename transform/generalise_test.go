package transform

import (
	"strings"
	"testing"

	"github.com/letopis/letopis"
	"github.com/letopis/letopis/transform/units"
)

// The rules below were found by scoring the reports of bench/gen
// (TestGenerated): general weaknesses, not wordings of the generator.

// An unnamed part of a whole without a noun of its own counts the whole's
// noun; a part with its own noun or a named share is left as it was.
func TestUnnamedPart(t *testing.T) {
	lex := units.Default()
	P, E, H := letopis.UnitPersons, letopis.UnitEvents, letopis.UnitHours
	X := letopis.Exact
	cases := []struct {
		s    string
		want []want
	}{
		{"120 aktivnih prostovoljcev, od tega 37 novih.", []want{{120, P, X, 0, "prostovoljcev"}, {37, P, X, 0, "novih prostovoljcev"}}},
		{"Izvedli smo 24 delavnic, od tega 10 spletnih.", []want{{24, E, X, 0, "delavnic"}, {10, E, X, 0, "spletnih delavnic"}}},
		{"Tečaje je vodilo 8 mentorjev, od tega 5 prostovoljcev.", []want{{8, P, X, 0, "mentorjev"}, {5, P, X, 0, "prostovoljcev"}}},
		{"22.830 opravljenih ur usposabljanj, od tega Društvo NOVUS 5.503 ur.", []want{{22830, H, X, 5503, "ur"}}},
	}
	for _, c := range cases {
		got, _ := sentenceFacts(c.s, lex, false)
		checkFacts(t, c.s, got, c.want)
	}
}

// A paragraph that goes on in the next column or page (it ends without a
// sentence mark, the next one starts in lower case) is read as one.
func TestJoinContinued(t *testing.T) {
	para := func(lines ...string) item {
		b := &letopis.Block{Kind: letopis.BlockParagraph, Page: 1}
		for _, l := range lines {
			b.Lines = append(b.Lines, letopis.Line{Text: l})
		}
		return item{b: b}
	}
	head := para("REGIONALNO STIČIŠČE")
	head.heading = true
	cases := []struct {
		name  string
		items []item
		want  []string
	}{
		{"column break", []item{para("Profil na družbenih omrežjih – 1.330"), para("objav.")}, []string{"Profil na družbenih omrežjih – 1.330 objav."}},
		{"sentence ended", []item{para("Izvedli smo 5 delavnic."), para("nato še 3 tabore.")}, []string{"Izvedli smo 5 delavnic.", "nato še 3 tabore."}},
		{"capital", []item{para("Spletna stran – 636 objav"), para("Profil – 2.500 objav.")}, []string{"Spletna stran – 636 objav", "Profil – 2.500 objav."}},
		{"heading between", []item{para("Skupno 12"), head, para("objav.")}, []string{"Skupno 12", "REGIONALNO STIČIŠČE", "objav."}},
		{"three parts", []item{para("Skupno smo izvedli 26"), para("delavnic in 205 ur"), para("mentorstev.")}, []string{"Skupno smo izvedli 26 delavnic in 205 ur mentorstev."}},
		{"digit is no continuation", []item{para("Skupno smo izvedli"), para("26 delavnic.")}, []string{"Skupno smo izvedli", "26 delavnic."}},
	}
	for _, c := range cases {
		got := joinContinued(append([]item(nil), c.items...))
		var texts []string
		for _, it := range got {
			texts = append(texts, it.b.Text())
		}
		if len(texts) != len(c.want) {
			t.Errorf("%s: got %q, want %q", c.name, texts, c.want)
			continue
		}
		for i := range texts {
			if texts[i] != c.want[i] {
				t.Errorf("%s: got %q, want %q", c.name, texts, c.want)
				break
			}
		}
	}
	// a sentence that goes on at the top of the next column while the
	// first column goes on with other blocks
	at := func(it item, x0, y0, x1, y1 float64) item {
		it.b.BBox = letopis.BBox{X0: x0, Y0: y0, X1: x1, Y1: y1}
		return it
	}
	sect := at(para("NEFORMALNO DRUŽENJE"), 46, 660, 190, 671)
	sect.heading = true
	for _, c := range []struct {
		name  string
		items []item
		want  []string
	}{
		{"next column top", []item{
			at(para("Program je sofinanciran s"), 46, 684, 286, 732),
			sect,
			at(para("Druženje je bilo vsak dan."), 46, 598, 284, 646),
			at(para("strani ministrstva in občine."), 309, 694, 550, 741),
		}, []string{"Program je sofinanciran s strani ministrstva in občine.", "NEFORMALNO DRUŽENJE", "Druženje je bilo vsak dan."}},
		{"lower on the page: no continuation", []item{
			at(para("Program je sofinanciran s"), 46, 684, 286, 732),
			sect,
			at(para("strani nekoga drugega."), 309, 300, 550, 340),
		}, []string{"Program je sofinanciran s", "NEFORMALNO DRUŽENJE", "strani nekoga drugega."}},
		{"same column: no continuation", []item{
			at(para("Program je sofinanciran s"), 46, 684, 286, 732),
			sect,
			at(para("strani nekoga drugega."), 46, 600, 286, 640),
		}, []string{"Program je sofinanciran s", "NEFORMALNO DRUŽENJE", "strani nekoga drugega."}},
	} {
		got := joinContinued(append([]item(nil), c.items...))
		var texts []string
		for _, it := range got {
			texts = append(texts, it.b.Text())
		}
		if strings.Join(texts, "|") != strings.Join(c.want, "|") {
			t.Errorf("%s: got %q, want %q", c.name, texts, c.want)
		}
	}

	// the blocks of the document are not changed
	a, b := para("Profil – 1.330"), para("objav.")
	joinContinued([]item{a, b})
	if len(a.b.Lines) != 1 {
		t.Error("joinContinued changed the first block")
	}
}

// A name quoted in the introduction replaces a heading in capitals only
// when it keeps the heading's key (it gives the case and drops a funder's
// code); a heading that goes on after the name (a town) keeps its words.
func TestQuotedNameTitle(t *testing.T) {
	heading := func(s string) letopis.Block {
		return letopis.Block{Kind: letopis.BlockHeading, Level: 2, Lines: []letopis.Line{{Text: s, Size: 17}}}
	}
	paragraph := func(s string) letopis.Block {
		return letopis.Block{Kind: letopis.BlockParagraph, Lines: []letopis.Line{{Text: s, Size: 10}}}
	}
	cases := []struct {
		head, intro, want string
	}{
		{"KARIERNI CENTER ZA MLADE PTUJ", "Projekt »Karierni center za mlade« zajema vzpostavitev enot kariernega centra.", "Karierni center za mlade Ptuj"},
		{"VŠEČKAM IN GREM – KARIERNI CENTER ZA MLADE KRVS", "Projekt »VšečKAM in GREM – Karierni center za mlade« zajema vzpostavitev enot.", "VšečKAM in GREM – Karierni center za mlade"},
		{"JEJMO LOKALNO", "Operacija »Jejmo lokalno – ozaveščanje javnosti« je prispevala k samooskrbi.", "Jejmo lokalno – ozaveščanje javnosti"},
	}
	for _, c := range cases {
		doc := &letopis.Document{Pages: []letopis.Page{
			{Number: 1, Blocks: []letopis.Block{heading("LETNO POROČILO 2021"), paragraph("Društvo Korak Ptuj")}},
			{Number: 2, Blocks: []letopis.Block{heading(c.head), paragraph(c.intro), paragraph("Izvedli smo 12 delavnic.")}},
		}}
		rep, err := Read(doc, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if len(rep.Activities) != 1 || rep.Activities[0].Title != c.want {
			var got []string
			for _, a := range rep.Activities {
				got = append(got, a.Title)
			}
			t.Errorf("%s: activities %q, want [%q]", c.head, got, c.want)
		}
	}
}
