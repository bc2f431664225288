package letopis

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestNewDate(t *testing.T) {
	tests := []struct {
		y       int
		m       time.Month
		d       int
		want    string
		wantErr string
	}{
		{2020, 2, 29, "2020-02-29", ""},
		{2021, 2, 29, "", "day 29 does not exist in February 2021"},
		{2020, 2, 31, "", "day 31 does not exist"},
		{2020, 5, 0, "", "day 0 does not exist"},
		{2020, 13, 1, "", "month 13 out of range"},
		{0, 1, 1, "", "year 0 out of range"},
		{2019, 11, 1, "2019-11-01", ""},
	}
	for _, tt := range tests {
		got, err := NewDate(tt.y, tt.m, tt.d)
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("NewDate(%d,%d,%d) error %v, want %q", tt.y, tt.m, tt.d, err, tt.wantErr)
			}
			continue
		}
		if err != nil || got.String() != tt.want {
			t.Errorf("NewDate(%d,%d,%d) = %s, %v; want %s", tt.y, tt.m, tt.d, got, err, tt.want)
		}
	}
}

func TestDateOrder(t *testing.T) {
	a, b := Date{2019, 11, 1}, Date{2020, 1, 31}
	if !a.Before(b) || b.Before(a) || a.Before(a) {
		t.Fatal("Before is wrong")
	}
	if got := YearPeriod(2020).String(); got != "2020-01-01..2020-12-31" {
		t.Fatalf("YearPeriod = %s", got)
	}
	if (Period{}).String() != "" || !(Period{}).IsZero() || (Period{OpenEnd: true}).IsZero() {
		t.Fatal("zero period")
	}
}

func TestFactIDStable(t *testing.T) {
	loc := Location{Page: 3}
	a := FactID("abc", 0, loc, "oseb", 701)
	if a != FactID("abc", 0, loc, "oseb", 701) || len(a) != 24 {
		t.Fatalf("FactID not stable: %s", a)
	}
	for _, other := range []string{
		FactID("abd", 0, loc, "oseb", 701), FactID("abc", 1, loc, "oseb", 701),
		FactID("abc", 0, Location{Page: 4}, "oseb", 701), FactID("abc", 0, loc, "ur", 701),
		FactID("abc", 0, loc, "oseb", 702), FactID("abc", 0, Location{Sheet: "S", Cell: "A1"}, "oseb", 701),
	} {
		if other == a {
			t.Fatal("different facts share an id")
		}
	}
}

func TestInputErrorOneLine(t *testing.T) {
	tests := []struct {
		err  *InputError
		want string
	}{
		{&InputError{Path: "a.pdf", Page: 3, Err: errors.New("bad\ncontent  stream")}, "a.pdf: page 3: bad content stream"},
		{&InputError{Path: "k.xlsx", Sheet: "Kazalniki", Cell: "C5", Err: errors.New("not a number")}, "k.xlsx: sheet Kazalniki, cell C5: not a number"},
		{&InputError{Path: "k.xlsx", Sheet: "Sredstva", Err: ErrNoYear}, "k.xlsx: sheet Sredstva: report year not found; give it with --year"},
		{&InputError{Path: "x.csv", Err: nil}, "x.csv: error"},
		{&InputError{Path: "s.csv", Sheet: "s", Line: 400, Column: 6, Err: errors.New("bare \" in non-quoted-field")}, `s.csv: sheet s: line 400, column 6: bare " in non-quoted-field`},
		{&InputError{Path: "s.csv", Line: 3, Err: errors.New("x")}, "s.csv: line 3: x"},
	}
	for _, tt := range tests {
		if got := tt.err.Error(); got != tt.want {
			t.Errorf("got %q, want %q", got, tt.want)
		}
	}
	if !errors.Is(&InputError{Path: "p", Err: ErrNoYear}, ErrNoYear) {
		t.Fatal("Unwrap")
	}
}

func TestCellRef(t *testing.T) {
	for _, tt := range []struct {
		row, col int
		want     string
	}{{0, 0, "A1"}, {4, 2, "C5"}, {9, 25, "Z10"}, {0, 26, "AA1"}, {0, 701, "ZZ1"}, {0, 702, "AAA1"}} {
		if got := CellRef(tt.row, tt.col); got != tt.want {
			t.Errorf("CellRef(%d,%d) = %s, want %s", tt.row, tt.col, got, tt.want)
		}
	}
}

func TestVocabulariesValid(t *testing.T) {
	if !UnitPersons.Valid() || !UnitOther.Valid() || Unit("people").Valid() || Unit("").Valid() {
		t.Fatal("Unit.Valid")
	}
	if !KindResult.Valid() || Kind("impact").Valid() || !MoreThan.Valid() || Qualifier("about").Valid() {
		t.Fatal("Kind.Valid or Qualifier.Valid")
	}
}

func BenchmarkFactID(b *testing.B) {
	loc := Location{Page: 3}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		FactID("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", i, loc, "izvedenih dogodkov za promocijo KCM", 24)
	}
}

func BenchmarkCellRef(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		CellRef(i%100000, i%30)
	}
}

func TestReportComplete(t *testing.T) {
	p2019 := YearPeriod(2019)
	tests := []struct {
		name    string
		fact    Fact
		want    Fact
		wantErr string
	}{
		{"defaults", Fact{Value: 5}, Fact{Value: 5, Kind: KindOther, Unit: UnitOther, Qualifier: Exact, Period: YearPeriod(2020)}, ""},
		{"stated values stay", Fact{Kind: KindOutput, Unit: UnitPersons, Qualifier: Approx, Period: p2019},
			Fact{Kind: KindOutput, Unit: UnitPersons, Qualifier: Approx, Period: p2019}, ""},
		{"open period stays", Fact{Period: Period{OpenEnd: true, Start: Date{2019, 3, 1}}},
			Fact{Kind: KindOther, Unit: UnitOther, Qualifier: Exact, Period: Period{OpenEnd: true, Start: Date{2019, 3, 1}}}, ""},
		{"unit outside the vocabulary", Fact{Unit: "litres", Location: Location{Page: 3}}, Fact{}, `fact 0 (page 3): kind "other", unit "litres" or qualifier "exact" is not in the vocabulary`},
		{"kind outside the vocabulary", Fact{Kind: "impact"}, Fact{}, `kind "impact"`},
	}
	for _, tt := range tests {
		r := &Report{Year: 2020, Facts: []Fact{tt.fact}}
		err := r.Complete()
		switch {
		case tt.wantErr != "":
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("%s: error %v, want %q", tt.name, err, tt.wantErr)
			}
		case err != nil:
			t.Errorf("%s: %v", tt.name, err)
		case !reflect.DeepEqual(r.Facts[0], tt.want):
			t.Errorf("%s: got %+v, want %+v", tt.name, r.Facts[0], tt.want)
		}
	}
}

func TestInFile(t *testing.T) {
	if InFile("a.pdf", nil) != nil {
		t.Error("nil error named a file")
	}
	if got := InFile("a.pdf", errors.New("empty file")).Error(); got != "a.pdf: empty file" {
		t.Errorf("plain error: %q", got)
	}
	ie := &InputError{Sheet: "S", Cell: "B4", Err: errors.New("bad")}
	wrapped := fmt.Errorf("reading: %w", ie)
	if got := InFile("k.xlsx", wrapped); got != wrapped || ie.Path != "k.xlsx" {
		t.Errorf("wrapped InputError: %v, path %q", got, ie.Path)
	}
	named := &InputError{Path: "first.xlsx", Err: errors.New("bad")}
	if InFile("second.xlsx", named); named.Path != "first.xlsx" {
		t.Errorf("a named file was renamed: %q", named.Path)
	}
}

func TestRowPage(t *testing.T) {
	one := &Table{Page: 3, Rows: make([][]Cell, 2)}
	joined := &Table{Page: 3, Rows: make([][]Cell, 3), RowPages: []int{3, 3, 4}}
	for _, c := range []struct {
		t    *Table
		row  int
		want int
	}{{one, 0, 3}, {one, 1, 3}, {joined, 1, 3}, {joined, 2, 4}, {joined, 7, 3}} {
		if got := c.t.RowPage(c.row); got != c.want {
			t.Errorf("RowPage(%d) = %d, want %d", c.row, got, c.want)
		}
	}
}
