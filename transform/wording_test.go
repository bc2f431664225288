package transform

import (
	"strings"
	"testing"

	"github.com/letopis/letopis"
	"github.com/letopis/letopis/transform/units"
)

// Constructions of Slovene that reports of other organisations than the
// first ones use, each written as a case before its rule: none is the
// sentence of one report (the corpus reports are scored in TestCorpus).
func TestWording(t *testing.T) {
	lex := units.Default()
	P, E, D, L, O := letopis.UnitPersons, letopis.UnitEvents, letopis.UnitDocuments, letopis.UnitLocations, letopis.UnitOther
	X := letopis.Exact
	cases := []struct {
		name string
		s    string
		want []want
	}{
		// counted nouns of culture, sport, pensioners', humanitarian and
		// environmental work, in the forms numbers and prepositions give them
		{"persons of culture", "Nastopilo je 18 pevk in pevcev ter 24 plesalk in plesalcev.", []want{{18, P, X, 0, "pevk"}, {24, P, X, 0, "plesalk"}}},
		{"persons of sport", "Ekipe je vodilo 14 trenerjev, treniralo je 236 igralcev.", []want{{14, P, X, 0, "trenerjev"}, {236, P, X, 0, "igralcev"}}},
		{"events after a preposition", "Nastopili so na 6 tekmovanjih in 5 gostovanjih.", []want{{6, E, X, 0, "tekmovanjih"}, {5, E, X, 0, "gostovanjih"}}},
		{"events in the genitive", "Odpravili smo se na 22 pohodov in odigrali 139 tekem.", []want{{22, E, X, 0, "pohodov"}, {139, E, X, 0, "tekem"}}},
		{"documents", "Oddali smo 7 pripomb in mnenj.", []want{{7, D, X, 0, "pripomb"}}},
		{"locations", "Predstavilo se je 28 stojnic.", []want{{28, L, X, 0, "stojnic"}}},
		{"a noun outside the lexicon", "Posadili smo 2.400 dreves.", []want{{2400, O, X, 0, "dreves"}}},
		// a number of years, months or minutes is an age, an anniversary or
		// a duration, never a result
		{"an age", "Povprečna starost članov je 72 let.", nil},
		{"an anniversary", "Klub je praznoval 70 let delovanja.", nil},
		{"a duration in words", "Moj vnuk ima sedem let.", nil},
		{"a duration in minutes", "Predstava traja 95 minut.", nil},
	}
	for _, c := range cases {
		got, _ := sentenceFacts(c.s, lex, false)
		checkFacts(t, c.name+": "+c.s, got, c.want)
	}
}

// checkFacts compares the facts read from one sentence with the wanted
// ones: value, unit, qualifier, share and a word of the indicator.
func checkFacts(t *testing.T, what string, got []rawFact, wants []want) {
	t.Helper()
	if len(got) != len(wants) {
		t.Errorf("%s: %d facts, want %d:%s", what, len(got), len(wants), fmtFacts(got))
		return
	}
	for i, w := range wants {
		f := got[i]
		sh := 0.0
		if f.ShareValue != nil {
			sh = *f.ShareValue
		}
		if f.Value != w.value || f.Unit != w.unit || f.Qualifier != w.qual || sh != w.share || !strings.Contains(f.Indicator, w.word) {
			t.Errorf("%s: fact %d = %g %s %s share %g [%s], want %+v", what, i, f.Value, f.Unit, f.Qualifier, sh, f.Indicator, w)
		}
	}
}
