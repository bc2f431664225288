package keys

import "testing"

func TestSameKey(t *testing.T) {
	for _, c := range [][2]string{
		{"Projekt »SPIN (vzhodna kohezijska regija)«", "SPIN – Vzhodna kohezijska regija"},
		{"Strateško partnerstvo »Mreža«", "MREŽA"},
		{"PROGRAM CENTER ZA DRUŽINE HARMONIJA", "Center za družine »Harmonija«"},
		{"1. Regionalno stičišče NVO Savinjske regije", "Regionalnega stičišča NVO savinjske regije"},
		{"Karierni center za mlade", "Center, karierni, za mlade"},
		{"Socialna aktivacija AS-Aktiviraj Se!", "AS-Aktiviraj Se!"},
		{"Projekt »AS-Aktiviraj Se!«", "Socialna aktivacija AS-Aktiviraj Se!"},
		{"Mladinski center MC-Velenje", "MC-Velenje"},
	} {
		if a, b := Activity(c[0]), Activity(c[1]); a != b {
			t.Errorf("Activity: %q → %q, %q → %q", c[0], a, c[1], b)
		}
	}
	for _, c := range [][2]string{
		{"izvedenih dogodkov za promocijo KCM", "Dogodki za promocijo KCM"},
		{"skupnih partnerskih usposabljanj", "skupna partnerska usposabljanja"},
		{"novih storitev", "nove storitve"},
		{"oseb z ohranjeno ali novo zaposlitvijo", "osebe z novo ali ohranjeno zaposlitvijo"},
	} {
		if a, b := Indicator(c[0]), Indicator(c[1]); a != b {
			t.Errorf("Indicator: %q → %q, %q → %q", c[0], a, c[1], b)
		}
	}
	// a description before an acronym, in capitals or after a function
	// word stays part of the key
	for _, c := range [][2]string{
		{"Regionalno stičišče NVO Savinjske regije", "NVO Savinjske regije"},
		{"VšečKAM in GREM – Karierni center za mlade", "GREM – Karierni center za mlade"},
		{"Center za družine Harmonija", "Harmonija"},
		{"Socialna aktivacija AS-Aktiviraj Se!", "Socialna aktivacija"},
		{"Mladi za NVO", "Mladi"},
		{"Program MCV", "Program"},
	} {
		if a, b := Activity(c[0]), Activity(c[1]); a == b {
			t.Errorf("Activity: %q and %q share the key %q", c[0], c[1], a)
		}
	}
	if Indicator("ur mentorstev") == Indicator("ur svetovanj") {
		t.Error("different indicators share a key")
	}
}

// TestSameKeyAcrossYears holds the wordings of one activity or indicator
// in reports of different years and formats (issue 8).
func TestSameKeyAcrossYears(t *testing.T) {
	tests := []struct {
		kind string
		a, b string
	}{
		{"activity", "1. Strateško partnerstvo »Mreža«", "Strateško partnerstvo »Mreža«"},
		{"activity", "»VšečKAM in GREM – Karierni center za mlade« KRVS", "VšečKAM in GREM – Karierni center za mlade"},
		{"activity", "»VšečKAM in GREM – Karierni center za mlade« (KRVS)", "VšečKAM in GREM – Karierni center za mlade"},
		{"activity", "VšečKAM in GREM – Karierni center za mlade KRVS", "VšečKAM in GREM – Karierni center za mlade"},
		{"activity", "»SPIN« – vzhodna kohezijska regija", "SPIN (vzhodna kohezijska regija)"},
		{"activity", "»AS – Aktiviraj se!«", "AS-Aktiviraj Se!"},
		{"activity", "2. Regionalno stičišče NVO Savinjske regije NOVUS", "Regionalno stičišče NVO Savinjske regije NOVUS"},
		{"indicator", "683 informiranih posameznikov", "Informirani posamezniki"},
		{"indicator", "opravljenih ur usposabljanj", "Ure usposabljanj"},
		{"indicator", "Opravljene ure usposabljanj", "urah usposabljanja"},
		{"indicator", "Osebe, vključene v Aktivnosti za Razvoj kariere", "Število oseb, vključenih v aktivnosti za razvoj kariere"},
		{"indicator", "Število oseb iz ranljivih ciljnih skupin, vključenih v program", "Osebe iz ranljivih ciljnih skupin, vključene v programu"},
		{"indicator", "Individualne obravnave za šolajočo mladino", "Individualnih obravnav šolajoče mladine"},
		{"indicator", "izvedenih dogodkov za spoznavanje trga dela in poklicev", "Dogodki za spoznavanje trga dela in poklicev"},
		{"indicator", "dni usposabljanja", "dnevi usposabljanj"},
	}
	for _, tt := range tests {
		f := Activity
		if tt.kind == "indicator" {
			f = Indicator
		}
		if a, b := f(tt.a), f(tt.b); a != b {
			t.Errorf("%s: %q → %q, %q → %q", tt.kind, tt.a, a, tt.b, b)
		}
	}
	// Keys that must stay apart.
	for _, c := range [][2]string{
		{"Regionalno stičišče NVO Savinjske regije", "NVO Savinjske regije"},
		{"VšečKAM in GREM – Karierni center za mlade", "GREM – Karierni center za mlade"},
		{"Center za družine Harmonija", "Harmonija"},
		{"Socialna aktivacija AS-Aktiviraj Se!", "Socialna aktivacija"},
		{"Mladi za NVO", "Mladi"},
		{"Program MCV", "Program"},
	} {
		if a, b := Activity(c[0]), Activity(c[1]); a == b {
			t.Errorf("Activity: %q and %q share the key %q", c[0], c[1], a)
		}
	}
	if Indicator("ur mentorstev") == Indicator("ur svetovanj") {
		t.Error("different indicators share a key")
	}
}
