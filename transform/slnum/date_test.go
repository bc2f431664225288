package slnum

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/letopis/letopis"
)

func d(y int, m time.Month, day int) letopis.Date { return letopis.Date{Year: y, Month: m, Day: day} }

const (
	pDay   = letopis.PrecisionDay
	pMonth = letopis.PrecisionMonth
	pYear  = letopis.PrecisionYear
)

func TestParseDate(t *testing.T) {
	ok := []struct {
		in   string
		want letopis.Date
		p    letopis.Precision
	}{
		{"1. 11. 2019", d(2019, 11, 1), pDay},
		{"1.11.2019", d(2019, 11, 1), pDay},
		{"01. 11. 2019", d(2019, 11, 1), pDay},
		{"1. 11. 2019.", d(2019, 11, 1), pDay},
		{" 1.\u00a011.\u00a02019 ", d(2019, 11, 1), pDay},
		{"1. novembra 2019", d(2019, 11, 1), pDay},
		{"30. septembra 2022", d(2022, 9, 30), pDay},
		{"30. sept. 2022", d(2022, 9, 30), pDay},
		{"30. sep 2022", d(2022, 9, 30), pDay},
		{"15. Februarja 2020", d(2020, 2, 15), pDay},
		{"29. 2. 2020", d(2020, 2, 29), pDay},
		{"2019-11-01", d(2019, 11, 1), pDay},
		{"marec 2022", d(2022, 3, 1), pMonth},
		{"marca 2022", d(2022, 3, 1), pMonth},
		{"v marcu 2022", letopis.Date{}, 0}, // refused below: not only a date
		{"Avgusta 2021", d(2021, 8, 1), pMonth},
		{"dec. 2020", d(2020, 12, 1), pMonth},
		{"2020", d(2020, 1, 1), pYear},
	}
	for _, c := range ok {
		if c.p == 0 {
			continue
		}
		got, p, err := ParseDate(c.in)
		if err != nil || got != c.want || p != c.p {
			t.Errorf("ParseDate(%q) = %v, %v, %v; want %v, %v", c.in, got, p, err, c.want, c.p)
		}
	}
	bad := []struct{ in, reason string }{
		{"31. 2. 2020", "impossible date: day 31 does not exist in February 2020"},
		{"29. 2. 2021", "impossible date"},
		{"0. 5. 2020", "impossible date: day 0"},
		{"1. 13. 2020", "impossible date: month 13"},
		{"32. 1. 2020", "impossible date"},
		{"2020-02-30", "impossible date"},
		{"1. 11.", "no year"},
		{"1. 11. 19", "not a date"},
		{"v marcu 2022", "not a date"},
		{"nov 2020", "not a date"}, // an abbreviation needs its dot
		{"1.5", "not a date"},
		{"", "not a date"},
		{"1. 1. 0999", "year out of range"},
	}
	for _, c := range bad {
		got, p, err := ParseDate(c.in)
		var se *SyntaxError
		if err == nil || !errors.As(err, &se) || !strings.Contains(se.Reason, c.reason) {
			t.Errorf("ParseDate(%q) = %v, %v, %v; want refusal %q", c.in, got, p, err, c.reason)
		}
	}
}

func TestCellDate(t *testing.T) {
	cases := []struct {
		c    letopis.Cell
		want letopis.Date
		ok   bool
	}{
		{letopis.Cell{Kind: letopis.CellDate, Date: d(2021, 2, 15)}, d(2021, 2, 15), true},
		{letopis.Cell{Kind: letopis.CellNumber, Number: 44242, Format: "d. m. yyyy"}, d(2021, 2, 15), true},
		{letopis.Cell{Kind: letopis.CellNumber, Number: 44242, Format: `[$-424]d\. mmmm yyyy`}, d(2021, 2, 15), true},
		{letopis.Cell{Kind: letopis.CellNumber, Number: 44242, Format: "#,##0"}, letopis.Date{}, false},
		{letopis.Cell{Kind: letopis.CellNumber, Number: 0.5, Format: "hh:mm"}, letopis.Date{}, false},
		{letopis.Cell{Kind: letopis.CellText, Text: "15. 2. 2021"}, d(2021, 2, 15), true},
		{letopis.Cell{Kind: letopis.CellText, Text: "Datum"}, letopis.Date{}, false},
		{letopis.Cell{Kind: letopis.CellEmpty}, letopis.Date{}, false},
	}
	for _, c := range cases {
		got, _, err := CellDate(c.c, false)
		if (err == nil) != c.ok || got != c.want {
			t.Errorf("CellDate(%+v) = %v, %v; want %v ok=%v", c.c, got, err, c.want, c.ok)
		}
	}
}

func per(a, b letopis.Date, p letopis.Precision) letopis.Period {
	return letopis.Period{Start: a, End: b, Precision: p}
}

func TestParsePeriod(t *testing.T) {
	ok := []struct {
		in   string
		want letopis.Period
	}{
		{"1. 11. 2019–31. 1. 2022", per(d(2019, 11, 1), d(2022, 1, 31), pDay)},
		{"1. 11. 2019 – 31. 1. 2022", per(d(2019, 11, 1), d(2022, 1, 31), pDay)},
		{"6. 9. 2019 - 30. 9. 2022", per(d(2019, 9, 6), d(2022, 9, 30), pDay)},
		{"1.11.2019-31.1.2022", per(d(2019, 11, 1), d(2022, 1, 31), pDay)},
		{"od 1. 10. 2019 do 30. 9. 2023", per(d(2019, 10, 1), d(2023, 9, 30), pDay)},
		{"Od 1. oktobra 2019 do 30. septembra 2023", per(d(2019, 10, 1), d(2023, 9, 30), pDay)},
		{"med 1. 1. 2020 in 31. 3. 2020", per(d(2020, 1, 1), d(2020, 3, 31), pDay)},
		{"od 1. do 30. 11. 2020", per(d(2020, 11, 1), d(2020, 11, 30), pDay)},
		{"1.–15. 3. 2020", per(d(2020, 3, 1), d(2020, 3, 15), pDay)},
		{"1. 3.–15. 4. 2020", per(d(2020, 3, 1), d(2020, 4, 15), pDay)},
		{"marec 2022", per(d(2022, 3, 1), d(2022, 3, 31), pMonth)},
		{"februarja 2020", per(d(2020, 2, 1), d(2020, 2, 29), pMonth)},
		{"od marca do junija 2022", per(d(2022, 3, 1), d(2022, 6, 30), pMonth)},
		{"marec–junij 2022", per(d(2022, 3, 1), d(2022, 6, 30), pMonth)},
		{"od 1. 3. 2020 do junija 2021", per(d(2020, 3, 1), d(2021, 6, 30), pMonth)},
		{"1. 11. 2019", per(d(2019, 11, 1), d(2019, 11, 1), pDay)},
		{"v letu 2020", letopis.YearPeriod(2020)},
		{"V LETU 2020", letopis.YearPeriod(2020)},
		{"leta 2020", letopis.YearPeriod(2020)},
		{"2020", letopis.YearPeriod(2020)},
		{"v letih 2017–2020", per(d(2017, 1, 1), d(2020, 12, 31), pYear)},
		{"2019–2023", per(d(2019, 1, 1), d(2023, 12, 31), pYear)},
		{"2019 - 2023", per(d(2019, 1, 1), d(2023, 12, 31), pYear)},
		{"v letih 2019, 2020, 2021 in 2022", per(d(2019, 1, 1), d(2022, 12, 31), pYear)},
		{"med letoma 2019 in 2021", per(d(2019, 1, 1), d(2021, 12, 31), pYear)},
		{"od leta 2008 do leta 2012", per(d(2008, 1, 1), d(2012, 12, 31), pYear)},
		{"od 2008 do 2012", per(d(2008, 1, 1), d(2012, 12, 31), pYear)},
		{"od leta 2008", letopis.Period{Start: d(2008, 1, 1), Precision: pYear, OpenEnd: true}},
		{"od 1. 1. 2016", letopis.Period{Start: d(2016, 1, 1), Precision: pDay, OpenEnd: true}},
		{"do konca leta 2020", letopis.Period{End: d(2020, 12, 31), Precision: pYear, OpenStart: true}},
		{"do 30. 9. 2023", letopis.Period{End: d(2023, 9, 30), Precision: pDay, OpenStart: true}},
		{"2019-11-01", per(d(2019, 11, 1), d(2019, 11, 1), pDay)},
	}
	for _, c := range ok {
		got, err := ParsePeriod(c.in)
		if err != nil || got != c.want {
			t.Errorf("ParsePeriod(%q) = %+v, %v; want %+v", c.in, got, err, c.want)
		}
	}
	bad := []struct{ in, reason string }{
		{"1. 1. 2021–1. 1. 2020", "ends before it starts"},
		{"2023–2019", "ends before it starts"},
		{"od 1. 10. 2019 do 31. 9. 2023", "impossible date: day 31 does not exist in September 2023"},
		{"31. 2. 2020", "impossible date"},
		{"0. 5. 2020–1. 6. 2020", "impossible date"},
		{"v letih 2018 in 2020", "more than one period"},
		{"od 6 do 19 let", "not a period"},
		{"od 7.00 do 17.00", "not a period"},
		{"1. 11. 2019 in še kaj", "not a period"},
		{"", "empty"},
	}
	for _, c := range bad {
		got, err := ParsePeriod(c.in)
		if err == nil || !strings.Contains(err.Error(), c.reason) {
			t.Errorf("ParsePeriod(%q) = %+v, %v; want refusal %q", c.in, got, err, c.reason)
		}
	}
}

func TestFindPeriods(t *testing.T) {
	type pm struct {
		text string
		p    letopis.Period
	}
	cases := []struct {
		in   string
		want []pm
	}{
		{"Strateško partnerstvo »Mreža« (1. 11. 2019–31. 1. 2022) obravnava izziv",
			[]pm{{"1. 11. 2019–31. 1. 2022", per(d(2019, 11, 1), d(2022, 1, 31), pDay)}}},
		{"Projekt (6. 9. 2019–30. \n\n9. 2022) zajema",
			[]pm{{"6. 9. 2019–30. \n\n9. 2022", per(d(2019, 9, 6), d(2022, 9, 30), pDay)}}},
		{"že od 1. 1. 2016. V obdobju od 1. \n10. 2019 do 30. 9. 2023 izvajanje",
			[]pm{{"od 1. 1. 2016", letopis.Period{Start: d(2016, 1, 1), Precision: pDay, OpenEnd: true}},
				{"od 1. \n10. 2019 do 30. 9. 2023", per(d(2019, 10, 1), d(2023, 9, 30), pDay)}}},
		{"DOSEŽENI REZULTATI V LETU 2020:", []pm{{"V LETU 2020", letopis.YearPeriod(2020)}}},
		{"Že od leta 2008 aktivno izvajamo; v letih 2017–2020 sofinanciran",
			[]pm{{"od leta 2008", letopis.Period{Start: d(2008, 1, 1), Precision: pYear, OpenEnd: true}},
				{"v letih 2017–2020", per(d(2017, 1, 1), d(2020, 12, 31), pYear)}}},
		{"Pripravljeni na spremembe v letih 2019, 2020, 2021 in 2022«, v okviru 8. prednostne osi",
			[]pm{{"v letih 2019, 2020, 2021 in 2022", per(d(2019, 1, 1), d(2022, 12, 31), pYear)}}},
		{"V letih 2018 in 2020 smo", []pm{{"V letih 2018", letopis.YearPeriod(2018)}, {"2020", letopis.YearPeriod(2020)}}},
		{"je do konca leta 2020 sodelovalo več kot 47", []pm{{"do konca leta 2020", letopis.Period{End: d(2020, 12, 31), Precision: pYear, OpenStart: true}}}},
		{"za podporno okolje 2019–2023. V OBDOBJU 2019–2020", []pm{
			{"2019–2023", per(d(2019, 1, 1), d(2023, 12, 31), pYear)}, {"2019–2020", per(d(2019, 1, 1), d(2020, 12, 31), pYear)}}},
		{"Rok je 30. septembra 2022, poročilo marca 2023.", []pm{
			{"30. septembra 2022", per(d(2022, 9, 30), d(2022, 9, 30), pDay)}, {"marca 2023", per(d(2023, 3, 1), d(2023, 3, 31), pMonth)}}},
		{"Turnir je potekal 18. in 19. junija 2022 na igriščih.", []pm{{"18. in 19. junija 2022", per(d(2022, 6, 18), d(2022, 6, 19), pDay)}}},
		{"v dveh izmenah: od 4. do 11. julija in od 18. do 25. julija 2022.", []pm{
			{"od 4. do 11. julija", per(d(2022, 7, 4), d(2022, 7, 11), pDay)}, {"od 18. do 25. julija 2022", per(d(2022, 7, 18), d(2022, 7, 25), pDay)}}},
		// no periods: lone years, ages, times, ordinals, thousands, impossible dates, reversed ranges
		{"JR za razvoj NVO in prostovoljstva 2019. Strategija 2020", nil},
		{"mladi stari od 15. do 29. leta, od 6 do 19 let, od 7.00 do 17.00", nil},
		{"pri 1. in 2. programu, 1.000 oseb, 22.830 ur, 1.5", nil},
		{"do 31. 2. 2020 in od 1. 1. 2021 do 1. 1. 2020", nil},
		{"Januar je mesec, maj tudi.", nil},
	}
	for _, c := range cases {
		got := FindPeriods(c.in)
		if len(got) != len(c.want) {
			t.Errorf("FindPeriods(%q) = %d periods %+v; want %d", c.in, len(got), got, len(c.want))
			continue
		}
		for k, g := range got {
			if c.in[g.Start:g.End] != c.want[k].text || g.Period != c.want[k].p {
				t.Errorf("FindPeriods(%q)[%d] = %q %+v; want %q %+v", c.in, k, c.in[g.Start:g.End], g.Period, c.want[k].text, c.want[k].p)
			}
		}
	}
}
