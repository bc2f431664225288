package units

import (
	"strings"
	"testing"

	"github.com/letopis/letopis"
)

func TestLookup(t *testing.T) {
	l := Default()
	for w, want := range map[string]letopis.Unit{
		"oseb": letopis.UnitPersons, "osebe": letopis.UnitPersons, "osebam": letopis.UnitPersons,
		"ur": letopis.UnitHours, "ure": letopis.UnitHours, "uram": letopis.UnitHours,
		"usposabljanji": letopis.UnitEvents, "Uporabnikov": letopis.UnitPersons,
		"e-publikaciji": letopis.UnitDocuments, "podjetji/organizacijami": letopis.UnitOrganisations,
		"NVO": letopis.UnitOrganisations, "EUR": letopis.UnitEUR, "%": letopis.UnitPercent,
		"aktivnostih": letopis.UnitEvents, "šol.": letopis.UnitSchools, "PROJEKTA": letopis.UnitProjects,
		"enota": letopis.UnitUnits, "lokacij": letopis.UnitLocations, "objav": letopis.UnitPosts,
		"storitev": letopis.UnitServices, "anketi": letopis.UnitDocuments,
	} {
		if got, ok := l.Lookup(w); !ok || got != want {
			t.Errorf("Lookup(%q) = %q, %v; want %q", w, got, ok, want)
		}
	}
	for _, w := range []string{"akcijski", "partnerskih", "anketiranih", "tematik", "mentorstev", "zaposlitev"} {
		if got, ok := l.Lookup(w); ok {
			t.Errorf("Lookup(%q) = %q; want none", w, got)
		}
	}
}

func TestUserLexicon(t *testing.T) {
	l := Default()
	if err := l.Read(strings.NewReader("# mine\nother\ttematika tematike tematik\ndocuments\tmentorstev\n")); err != nil {
		t.Fatal(err)
	}
	if u, _ := l.Lookup("tematik"); u != letopis.UnitOther {
		t.Errorf("tematik: %q", u)
	}
	if u, _ := l.Lookup("mentorstev"); u != letopis.UnitDocuments {
		t.Errorf("override: %q", u)
	}
	if err := l.Read(strings.NewReader("furlongs\tmilja\n")); err == nil {
		t.Error("unknown unit accepted")
	}
}
