package slnum

import (
	"errors"
	"strings"
	"testing"
)

func TestParseNumber(t *testing.T) {
	ok := []struct {
		in   string
		want float64
	}{
		{"1.000", 1000},
		{"2.500", 2500},
		{"22.830", 22830},
		{"1.000.000", 1e6},
		{"2 500", 2500},
		{"2\u00a0500", 2500},
		{"2\u202f500", 2500},
		{"1 000 000,5", 1000000.5},
		{"250.109,76", 250109.76},
		{"26.115,5", 26115.5},
		{"40,32", 40.32},
		{"1373", 1373},
		{"0", 0},
		{"0,5", 0.5},
		{"0,05", 0.05},
		{"1,500", 1.5}, // the comma is always decimal
		{"-3", -3},
		{"\u22123", -3},
		{"−1.000,5", -1000.5},
		{"+7", 7},
		{"  42 ", 42},
		{"12345678901234567890", 12345678901234567890},
		{"123.456.789.012.345.678,123", 123456789012345678.123},
	}
	for _, c := range ok {
		got, err := ParseNumber(c.in)
		if err != nil || got != c.want {
			t.Errorf("ParseNumber(%q) = %v, %v; want %v", c.in, got, err, c.want)
		}
	}
	bad := []struct{ in, reason string }{
		{"1.5", "ambiguous: 1.5 could be 1,5 or 15"},
		{"1.23", "ambiguous: 1.23 could be 1,23 or 123"},
		{"1.2345", "ambiguous"},
		{"0.500", "ambiguous"},
		{"1234.567", "ambiguous"},
		{"1.23.4", "inconsistent digit groups"},
		{"1.000.00", "inconsistent digit groups"},
		{"1.000 000", "inconsistent digit groups"},
		{"2 50", "inconsistent digit groups"},
		{"1234 567", "inconsistent digit groups"},
		{"12,345,6", "more than one decimal comma"},
		{"1,000.5", "a dot after the decimal comma"},
		{"05", "leading zero"},
		{"041 123 456", "leading zero"},
		{"12.", "ordinal or a date"},
		{"12,", "comma without decimals"},
		{"", "no number"},
		{"-", "no number"},
		{"EUR", "no number"},
		{"12 EUR", "not only a number"},
		{"25 %", "not only a number"},
		{"1a", "not only a number"},
		{"1 2", "inconsistent digit groups"},
		{strings.Repeat("9", 500), "too many digits"},
	}
	for _, c := range bad {
		got, err := ParseNumber(c.in)
		var se *SyntaxError
		if err == nil || !errors.As(err, &se) || !strings.Contains(se.Reason, c.reason) {
			t.Errorf("ParseNumber(%q) = %v, %v; want refusal %q", c.in, got, err, c.reason)
		}
	}
}

func TestFormat(t *testing.T) {
	cases := []struct {
		v    float64
		d    int
		want string
	}{
		{250109.76, 2, "250.109,76"},
		{1000, 0, "1.000"},
		{22830, 0, "22.830"},
		{999, 0, "999"},
		{1234567.891, 3, "1.234.567,891"},
		{-1000.5, 1, "-1.000,5"},
		{0.5, 2, "0,50"},
		{40.32, -1, "40,32"},
		{1e6, -1, "1.000.000"},
		{0, 0, "0"},
	}
	for _, c := range cases {
		if got := Format(c.v, c.d); got != c.want {
			t.Errorf("Format(%v, %d) = %q; want %q", c.v, c.d, got, c.want)
		}
		if back, err := ParseNumber(Format(c.v, c.d)); err != nil || back != c.v && c.d >= 0 && c.d < 3 {
			t.Errorf("ParseNumber(Format(%v, %d)) = %v, %v", c.v, c.d, back, err)
		}
	}
}

func TestParseNumberAllocs(t *testing.T) {
	for _, in := range []string{"250.109,76", "22.830", "2 500", "−3", "1373"} {
		if n := testing.AllocsPerRun(100, func() { _, _ = ParseNumber(in) }); n != 0 {
			t.Errorf("ParseNumber(%q) allocates %v times", in, n)
		}
	}
}
