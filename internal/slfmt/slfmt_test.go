package slfmt

import (
	"math"
	"strings"
	"testing"
	"time"

	"github.com/letopis/letopis"
)

func TestNumber(t *testing.T) {
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
		if got := Number(tt.plain, tt.group); got != tt.want {
			t.Errorf("Number(%q, %v) = %q, want %q", tt.plain, tt.group, got, tt.want)
		}
	}
}

func TestDate(t *testing.T) {
	for _, tt := range []struct {
		d    letopis.Date
		want string
	}{
		{d(2021, 2, 15), "15. 2. 2021"},
		{d(2019, 11, 1), "1. 11. 2019"},
	} {
		if got := Date(tt.d); got != tt.want {
			t.Errorf("Date(%v) = %q, want %q", tt.d, got, tt.want)
		}
	}
}

func TestShowNumber(t *testing.T) {
	tests := []struct {
		v    float64
		code string
		want string
	}{
		{0.4032, "0.00%", "40,32 %"},
		{0.25, "0%", "25 %"},
		{22830, "#,##0", "22.830"},
		{250109.76, "#,##0.00", "250.109,76"},
		{-1234.5, "#,##0.00", "-1.234,50"},
		{3.5, "", "3,5"},
		{3.5, "General", "3,5"},
		{60, "0", "60"},
		{1234567, "", "1234567"},
		{12.345, `#,##0.0 "€"`, "12,3"},
		{12.5, `0.0" %"`, "12,5"},
		{math.NaN(), "0.00", "NaN"},
	}
	for _, tc := range tests {
		if got := ShowNumber(tc.v, ParseFormat(tc.code)); got != tc.want {
			t.Errorf("ShowNumber(%v, %q) = %q, want %q", tc.v, tc.code, got, tc.want)
		}
	}
}

func TestParseFormatDate(t *testing.T) {
	tests := []struct {
		code string
		want bool
	}{
		{"d. m. yyyy", true}, {`d". "m". "yyyy`, true}, {"[$-424]dd.mm.yyyy", true},
		{`[$-424]d\. mmmm yyyy`, true}, {"m/d/yyyy", true}, {"mmm yy", true}, {"mmmm", true},
		{"h:mm", false}, {"hh:mm", false}, {"mm:ss", false}, {"[h]:mm:ss", false},
		{`0.00" dni"`, false}, {"[Red]#,##0", false}, {"#,##0", false}, {"", false}, {"General", false}, {"@", false},
		{`"Datum "0`, false},
	}
	for _, tc := range tests {
		if got := IsDateFormat(tc.code); got != tc.want {
			t.Errorf("IsDateFormat(%q) = %v, want %v", tc.code, got, tc.want)
		}
	}
}

func d(y int, m time.Month, day int) letopis.Date { return letopis.Date{Year: y, Month: m, Day: day} }

func TestSerialDate(t *testing.T) {
	ok := []struct {
		serial float64
		d1904  bool
		want   letopis.Date
	}{
		{1, false, d(1900, 1, 1)},
		{59, false, d(1900, 2, 28)},
		{61, false, d(1900, 3, 1)},
		{43831, false, d(2020, 1, 1)},
		{43831.75, false, d(2020, 1, 1)},
		{44166, false, d(2020, 12, 1)},
		{44242, false, d(2021, 2, 15)},
		{2958465, false, d(9999, 12, 31)},
		{0, true, d(1904, 1, 1)},
		{42369, true, d(2020, 1, 1)},
	}
	for _, c := range ok {
		got, err := SerialDate(c.serial, c.d1904)
		if err != nil || got != c.want {
			t.Errorf("SerialDate(%v, %v) = %v, %v; want %v", c.serial, c.d1904, got, err, c.want)
		}
	}
	bad := []struct {
		serial float64
		d1904  bool
		reason string
	}{
		{60, false, "29 February 1900"},
		{0, false, "before 1 January 1900"},
		{-5, false, "before"},
		{-1, true, "before 1 January 1904"},
		{2958466, false, "after 9999"},
		{3e6, false, "after 9999"},
		{math.NaN(), false, "not a serial"},
		{math.Inf(1), false, "not a serial"},
	}
	for _, c := range bad {
		got, err := SerialDate(c.serial, c.d1904)
		if err == nil || !strings.Contains(err.Error(), c.reason) {
			t.Errorf("SerialDate(%v, %v) = %v, %v; want refusal %q", c.serial, c.d1904, got, err, c.reason)
		}
	}
}

// FuzzParseFormat: any format code a workbook may hold is read without a
// panic, and a number shown under it reads as Slovene digits.
func FuzzParseFormat(f *testing.F) {
	for _, s := range []string{"#,##0.00", "0%", "d. m. yyyy", `[$-424]d\. mmmm yyyy`, `0.0" %"`, "[h]:mm:ss", `"`, "[", `\`, "0.;;"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, code string) {
		p := ParseFormat(code)
		if p.Decimals < -1 || p.Date && (p.Percent || p.Group) {
			t.Fatalf("ParseFormat(%q) = %+v", code, p)
		}
		if s := ShowNumber(-1234.5, p); strings.ContainsAny(s, "eE") && p.Decimals >= 0 {
			t.Fatalf("ShowNumber(-1234.5, %q) = %q", code, s)
		}
	})
}
