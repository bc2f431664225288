package keys

import "testing"

// Indicators worded again from one year to the next match their earlier
// key; different indicators of one activity do not.
func TestSimilarity(t *testing.T) {
	c := func(text, unit string, v float64, pos int) Candidate {
		return Candidate{Key: Indicator(text), Text: text, Activity: "a", Unit: unit, Value: v, Position: pos, Kind: "output"}
	}
	tests := []struct {
		name      string
		a, b      Candidate
		confident bool // at Confident or over
		doubtful  bool // under Doubtful (not even proposed)
	}{
		{"reworded with a participle", c("Število vključenih prostovoljcev", "persons", 45, 0), c("Prostovoljci, vključeni v program", "persons", 52, 0), true, false},
		{"a table row and a sentence", c("Izvedene delavnice", "events", 24, 1), c("izvedenih delavnic za mlade", "events", 26, 1), true, false},
		{"another unit", c("Število prostovoljcev", "persons", 45, 0), c("Ure prostovoljcev", "hours", 3000, 0), false, true},
		{"a share and a count", c("Delež oseb z zaposlitvijo", "percent", 40, 2), c("Osebe z zaposlitvijo", "persons", 225, 2), false, true},
		{"other people counted", c("Število otrok", "persons", 120, 0), c("Število staršev", "persons", 118, 3), false, true},
		// the words of one among the other's: the value decides
		{"fewer words of the same count", c("zaposlenih", "persons", 5, -1), c("redno zaposleni sodelavci", "persons", 4, -1), true, false},
		{"fewer words, a count ten times larger", c("mladih", "persons", 412, -1), c("Prostovoljci v programu (mladi za mlade)", "persons", 51, -1), false, false},
	}
	for _, tt := range tests {
		s := Similarity(tt.a, tt.b)
		if tt.confident && s < Confident || !tt.confident && s >= Confident || tt.doubtful && s >= Doubtful {
			t.Errorf("%s: Similarity(%q, %q) = %.3f", tt.name, tt.a.Text, tt.b.Text, s)
		}
	}
}

// Keys from meaning: a rewording keeps the key, a share never takes the
// key of the count of the same things.
func TestIndicatorUnit(t *testing.T) {
	same := [][2]string{
		{"Število vključenih prostovoljcev", "Prostovoljci, vključeni v program"},
		{"Osebe, vključene v aktivnosti razvoja kariere", "Osebe, vključene v Aktivnosti za Razvoj kariere"},
		{"V letu 2022 smo izvedli 26 delavnic", "Izvedene delavnice"},
	}
	for _, c := range same {
		if a, b := IndicatorUnit(c[0], "persons"), IndicatorUnit(c[1], "persons"); a != b {
			t.Errorf("%q → %q, %q → %q", c[0], a, c[1], b)
		}
	}
	if a, b := IndicatorUnit("Delež oseb z zaposlitvijo", "percent"), IndicatorUnit("Osebe z zaposlitvijo (v %)", "percent"); a != b {
		t.Errorf("shares: %q, %q", a, b)
	}
	if a, b := IndicatorUnit("Delež oseb z zaposlitvijo", "percent"), IndicatorUnit("Osebe z zaposlitvijo", "persons"); a == b {
		t.Errorf("a share and a count share the key %q", a)
	}
}

// Match pairs each new indicator with at most one earlier one, the best
// first, and leaves alone those whose key an earlier year already has.
func TestMatch(t *testing.T) {
	c := func(year int, text, unit string, v float64, pos int) Candidate {
		return Candidate{Key: Indicator(text), Text: text, Activity: "a", Unit: unit, Value: v, Position: pos, Year: year}
	}
	olds := []Candidate{
		c(2020, "Število vključenih prostovoljcev", "persons", 45, 0),
		c(2020, "Izvedene delavnice", "events", 24, 1),
		c(2020, "Število otrok", "persons", 300, 2),
	}
	news := []Candidate{
		c(2021, "Prostovoljci, ki so sodelovali pri delavnicah", "persons", 52, 0),
		c(2021, "Izvedene delavnice", "events", 30, 1),
		c(2021, "Število mladih", "persons", 80, 2),
	}
	got := Match(news, olds)
	if len(got) != 1 || got[0].New.Text != news[0].Text || got[0].Old.Text != olds[0].Text || got[0].Score < Doubtful {
		t.Fatalf("Match = %+v, want only the volunteers", got)
	}
}
