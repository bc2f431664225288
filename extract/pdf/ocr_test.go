package pdf

import "testing"

func TestFixDigits(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"1O0", "100"},
		{"2.5l0", "2.510"},
		{"1.35O,OO", "1.350,00"},
		{"4O%", "40%"},
		{"Olimpija", "Olimpija"}, // a word
		{"OO1", "OO1"},           // more look-alikes than digits: unsure, kept
		{"lO", "lO"},             // no digit
		{"250.109,76", "250.109,76"},
		{"l2", "12"},
	} {
		if got := fixDigits(c.in); got != c.want {
			t.Errorf("fixDigits(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
