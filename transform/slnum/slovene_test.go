package slnum

import "testing"

func TestSlovene(t *testing.T) {
	tests := []struct {
		plain string
		group bool
		want  string
	}{
		{"1234.5", true, "1.234,5"},
		{"1234.5", false, "1234,5"},
		{"-250109.76", true, "-250.109,76"},
		{"2020", false, "2020"},
		{"999", true, "999"},
		{"1000000", true, "1.000.000"},
		{"-0.00", true, "0,00"},
		{"-0", false, "0"},
		{"1.5e+21", true, "1,5e+21"},
		{"40.32", true, "40,32"},
	}
	for _, tt := range tests {
		if got := Slovene(tt.plain, tt.group); got != tt.want {
			t.Errorf("Slovene(%q, %v) = %q, want %q", tt.plain, tt.group, got, tt.want)
		}
	}
}
