package slnum

import (
	"math"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/letopis/letopis"
	"github.com/letopis/letopis/internal/slfmt"
)

var numberSeeds = []string{"1.000", "2.500", "22.830", "2 500", "2\u00a0500", "2\u202f500", "250.109,76", "26.115,5",
	"40,32", "1373", "-3", "−3", "1.5", "1.23.4", "12,345,6", "05", "0,5", "1,000.5", "12.", "", " ", "+", "9" + strings.Repeat("0", 30)}

// FuzzParseNumber: no panic, and whatever reads reads back from its Slovene
// formatting as the same value.
func FuzzParseNumber(f *testing.F) {
	for _, s := range numberSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := ParseNumber(s)
		if err != nil {
			return
		}
		if math.IsNaN(v) || math.IsInf(v, 0) {
			t.Fatalf("ParseNumber(%q) = %v", s, v)
		}
		out := Format(v, -1)
		back, err := ParseNumber(out)
		if err != nil || back != v {
			t.Fatalf("ParseNumber(%q) = %v; Format = %q reads back as %v, %v", s, v, out, back, err)
		}
	})
}

// FuzzFormat: a value formatted the Slovene way reads back as the same
// value, alone and in a sentence.
func FuzzFormat(f *testing.F) {
	f.Add(250109.76, int8(2))
	f.Add(1000.0, int8(0))
	f.Add(-0.5, int8(3))
	f.Add(1e300, int8(-1))
	f.Add(5e-324, int8(-1))
	f.Add(2020.0, int8(0))
	f.Fuzz(func(t *testing.T, v float64, d int8) {
		if math.IsNaN(v) || math.IsInf(v, 0) || d > 30 || d < -1 {
			return
		}
		s := Format(v, int(d))
		want, _ := strconv.ParseFloat(strconv.FormatFloat(v, 'f', int(d), 64), 64)
		got, err := ParseNumber(s)
		if err != nil || got != want {
			t.Fatalf("Format(%v, %d) = %q reads back as %v, %v; want %v", v, d, s, got, err, want)
		}
		if len(s) > 200 {
			return
		}
		sentence := "Skupaj smo zabeležili " + s + " oseb."
		var qs []Match
		for _, m := range Scan(sentence) {
			if m.Class == Quantity {
				qs = append(qs, m)
			}
		}
		if len(qs) != 1 || qs[0].Value != want || qs[0].Text != s {
			t.Fatalf("Scan(%q) = %+v; want one quantity %v", sentence, qs, want)
		}
	})
}

var textSeeds = []string{
	"Pridobitev 250.109,76 \nEUR sredstev, od 1. \n11. 2019 do 1. 1. 2021 vpeljale",
	"V letu 2020 se je udeležilo preko 884 otrok in 130 staršev",
	"v starosti od 6 do 19 let, od 15. do 29. leta, od 7.00 do 17.00",
	"v letih 2019, 2020, 2021 in 2022«, v okviru 8. prednostne osi",
	"Znotraj II. modula, ki je pri 1. in 2. programu; SO-Ma2; +386 3 898 45 00; 3320 Velenje",
	"1. INFORMIRANJE\n2.Lokalna\n(1) Izobraževalne\nP R O J E K T  2 0 2 0\n1 2 3",
	"Rezultat 25 % 40,32 %; cca 120 mladih; več kot 47; 1.5; 1.23.4; 12,345,6; 31. 2. 2020",
	"od 1. do 30. 11. 2020; marca–junija 2022; do konca leta 2020; od leta 2008; 2019/2020; € 1.000; 1,2 mio EUR",
	"-5 −3 - 4 -- 0 00 0,0 9.99.999 1..2 ,5 5, . 1 . 2 . 3",
}

// FuzzScan: no panic, and every match is consistent with the text.
func FuzzScan(f *testing.F) {
	for _, s := range textSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		ms := Scan(s)
		last := -1
		for _, m := range ms {
			if !(0 <= m.UnitStart && m.UnitStart <= m.QStart && m.QStart <= m.Start && m.Start < m.End && m.End <= m.UnitEnd && m.UnitEnd <= len(s)) {
				t.Fatalf("Scan(%q): bad offsets %s", s, show(m))
			}
			if m.Start < last {
				t.Fatalf("Scan(%q): out of order %s", s, show(m))
			}
			last = m.End
			if m.Text != s[m.Start:m.End] || m.Class > Other || (m.Class == Quantity) != (m.Reason == "") {
				t.Fatalf("Scan(%q): bad match %s", s, show(m))
			}
			if m.Qualifier == "" || m.Unit != "" && m.Unit != letopis.UnitEUR && m.Unit != letopis.UnitPercent {
				t.Fatalf("Scan(%q): bad qualifier or unit %s", s, show(m))
			}
			if m.Class == Quantity && !m.Word {
				v, err := ParseNumber(m.Text)
				if err != nil {
					t.Fatalf("Scan(%q): quantity %s does not parse: %v", s, show(m), err)
				}
				if v != m.Value && !letterAt(s, skipSpace(s, m.End)) {
					t.Fatalf("Scan(%q): quantity %s has value %v", s, show(m), v)
				}
			}
		}
	})
}

var dateSeeds = []string{"1. 11. 2019", "1.11.2019", "01. 11. 2019", "1. novembra 2019", "30. septembra 2022", "marec 2022",
	"marca 2022", "31. 2. 2020", "0. 5. 2020", "2019-11-01", "2020", "30. sept. 2022", "1. 11.", "99. 99. 9999"}

// FuzzParseDate: no panic, and a date written the Slovene way reads back as
// the same date.
func FuzzParseDate(f *testing.F) {
	for _, s := range dateSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		dt, p, err := ParseDate(s)
		if err != nil {
			return
		}
		if _, err := letopis.NewDate(dt.Year, dt.Month, dt.Day); err != nil || p < letopis.PrecisionYear || p > letopis.PrecisionDay {
			t.Fatalf("ParseDate(%q) = %v, %v: %v", s, dt, p, err)
		}
		back, p2, err := ParseDate(slfmt.Date(dt))
		if err != nil || back != dt || p2 != letopis.PrecisionDay {
			t.Fatalf("ParseDate(%q) = %v; %q reads back as %v, %v", s, dt, slfmt.Date(dt), back, err)
		}
	})
}

// FuzzDateRoundTrip: every real day written the Slovene way (digits and
// month names) reads back, alone and in a sentence; impossible days are
// refused.
func FuzzDateRoundTrip(f *testing.F) {
	f.Add(uint16(2020), uint8(2), uint8(29))
	f.Add(uint16(2021), uint8(2), uint8(29))
	f.Add(uint16(2019), uint8(11), uint8(1))
	f.Add(uint16(2020), uint8(0), uint8(5))
	f.Fuzz(func(t *testing.T, y uint16, m, day uint8) {
		if y < 1000 || y > 9999 || m > 20 || day > 40 {
			return
		}
		want, valid := letopis.NewDate(int(y), time.Month(m), int(day))
		s := strconv.Itoa(int(day)) + ". " + strconv.Itoa(int(m)) + ". " + strconv.Itoa(int(y))
		got, _, err := ParseDate(s)
		if (err == nil) != (valid == nil) || valid == nil && got != want {
			t.Fatalf("ParseDate(%q) = %v, %v; valid %v", s, got, err, valid)
		}
		if valid != nil {
			return
		}
		names := []string{"", "januarja", "februarja", "marca", "aprila", "maja", "junija", "julija", "avgusta", "septembra", "oktobra", "novembra", "decembra"}
		s2 := strconv.Itoa(int(day)) + ". " + names[m] + " " + strconv.Itoa(int(y))
		if got, _, err := ParseDate(s2); err != nil || got != want {
			t.Fatalf("ParseDate(%q) = %v, %v", s2, got, err)
		}
		if y >= 1900 && y <= 2100 {
			text := "Dogodek je bil " + s + " v Velenju."
			ps := FindPeriods(text)
			if len(ps) != 1 || ps[0].Period.Start != want || ps[0].Period.End != want || text[ps[0].Start:ps[0].End] != s {
				t.Fatalf("FindPeriods(%q) = %+v", text, ps)
			}
		}
	})
}

// FuzzFindPeriods: no panic, offsets in order, periods well formed.
func FuzzFindPeriods(f *testing.F) {
	for _, s := range textSeeds {
		f.Add(s)
	}
	for _, s := range dateSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		last := 0
		for _, p := range FindPeriods(s) {
			if p.Start < last || p.End <= p.Start || p.End > len(s) {
				t.Fatalf("FindPeriods(%q): bad offsets %+v", s, p)
			}
			last = p.End
			pp := p.Period
			if pp.Precision < letopis.PrecisionYear || pp.Precision > letopis.PrecisionDay ||
				pp.OpenStart != pp.Start.IsZero() || pp.OpenEnd != pp.End.IsZero() ||
				!pp.Start.IsZero() && !pp.End.IsZero() && pp.End.Before(pp.Start) {
				t.Fatalf("FindPeriods(%q): bad period %+v", s, p)
			}
		}
		_, _ = ParsePeriod(s)
	})
}
