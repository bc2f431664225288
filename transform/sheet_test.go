package transform

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/letopis/letopis"
	_ "github.com/letopis/letopis/extract/pdf"
	_ "github.com/letopis/letopis/extract/sheet"
)

var sheetFiles = []string{"kazalniki-2020.xlsx", "kazalniki-2020.xls", "kazalniki-2020-cp1250.csv"}

// readFile reads the report of a file of testdata.
func readFile(t *testing.T, name string) *letopis.Report {
	t.Helper()
	return readReport(t, filepath.Join("..", "testdata", name))
}

// indicatorFact is what the three forms of the indicator sheet must agree on.
type indicatorFact struct {
	activityKey, indicatorKey string
	kind                      letopis.Kind
	unit                      letopis.Unit
	value                     string
	target                    string
	period                    string
}

func indicatorOf(f letopis.Fact) indicatorFact {
	return indicatorFact{f.ActivityKey, f.IndicatorKey, f.Kind, f.Unit, strconv.FormatFloat(f.Value, 'f', -1, 64), opt(f.Target), f.Period.String()}
}

var a1 = regexp.MustCompile(`^[A-Z]{1,3}[1-9][0-9]*$`)

// TestSheetsAgree reads kazalniki-2020 as xlsx, xls and CSV: each gives
// the same eight indicator facts (value, unit, kind, target, activity and
// indicator keys, period of 2020), the workbooks also the Sredstva amount
// with its period; and every one of them is a fact of the plain 2020 PDF
// with the same value, unit and activity key (and target, where the PDF
// states one).
func TestSheetsAgree(t *testing.T) {
	pdf := readReport(t, filepath.Join("..", "testdata", "novus-2020-plain.pdf"))
	var first []indicatorFact
	for _, name := range sheetFiles {
		t.Run(name, func(t *testing.T) {
			rep := readFile(t, name)
			if rep.Year != 2020 || rep.Organisation != "Društvo NOVUS" {
				t.Errorf("report of %q %d, want Društvo NOVUS 2020", rep.Organisation, rep.Year)
			}
			var ind []indicatorFact
			var amounts []letopis.Fact
			for _, f := range rep.Facts {
				if f.Location.Sheet == "" || !a1.MatchString(f.Location.Cell) || f.Location.Page != 0 {
					t.Errorf("%g: location %+v, want a sheet and an A1 cell", f.Value, f.Location)
				}
				if f.Snippet == "" || !strings.Contains(f.Snippet, " | ") {
					t.Errorf("%g: snippet %q, want the row", f.Value, f.Snippet)
				}
				if f.Kind == letopis.KindOther {
					amounts = append(amounts, f)
					continue
				}
				ind = append(ind, indicatorOf(f))
				if f.Period != letopis.YearPeriod(2020) {
					t.Errorf("%g: period %s, want 2020", f.Value, f.Period)
				}
				if !pdfStates(pdf, f) {
					t.Errorf("%s %g %s: no fact of the PDF with the same value, unit and activity key", f.ActivityKey, f.Value, f.Unit)
				}
			}
			if len(ind) != 8 {
				t.Errorf("%d indicator facts, want 8: %v", len(ind), ind)
			}
			if first == nil {
				first = ind
			} else if fmt.Sprint(ind) != fmt.Sprint(first) {
				t.Errorf("indicator facts differ from %s:\n got %v\nwant %v", sheetFiles[0], ind, first)
			}
			wantAmounts := 1
			if strings.HasSuffix(name, ".csv") {
				wantAmounts = 0 // the CSV export holds the first sheet only
				if want := strings.TrimSuffix(name, ".csv"); len(rep.Facts) > 0 && rep.Facts[0].Location.Sheet != want {
					t.Errorf("CSV sheet %q, want %q", rep.Facts[0].Location.Sheet, want)
				}
			}
			if len(amounts) != wantAmounts {
				t.Fatalf("%d facts of kind other, want %d", len(amounts), wantAmounts)
			}
			for _, f := range amounts {
				wantPeriod := letopis.Period{Start: letopis.Date{Year: 2019, Month: time.November, Day: 1}, End: letopis.Date{Year: 2021, Month: time.January, Day: 1}, Precision: letopis.PrecisionDay}
				if f.Unit != letopis.UnitEUR || !near(f.Value, 250109.76) || f.Period != wantPeriod || f.Location.Sheet != "Sredstva" || f.Target != nil {
					t.Errorf("amount %+v, want 250109.76 eur 2019-11-01..2021-01-01 on Sredstva", f)
				}
				if !strings.HasPrefix(f.Indicator, "Sredstva, pridobljena") {
					t.Errorf("amount indicator %q, want the description", f.Indicator)
				}
				if !pdfStates(pdf, f) {
					t.Errorf("amount: no fact of the PDF with the same value, unit and activity key %s", f.ActivityKey)
				}
			}
			// the distinct projects are the activities, with the PDF's keys
			keys := map[string]bool{}
			for _, a := range rep.Activities {
				keys[a.Key] = true
				if !a.Period.IsZero() {
					t.Errorf("activity %q has a period %s the sheet does not state", a.Title, a.Period)
				}
			}
			for _, f := range rep.Facts {
				if !keys[f.ActivityKey] {
					t.Errorf("fact's activity %q is no activity of the report", f.Activity)
				}
			}
			if len(rep.Activities) != 3+wantAmounts {
				t.Errorf("%d activities, want %d", len(rep.Activities), 3+wantAmounts)
			}
			same := 0
			for _, f := range rep.Facts {
				for _, p := range pdf.Facts {
					if p.IndicatorKey == f.IndicatorKey && p.ActivityKey == f.ActivityKey && near(p.Value, f.Value) {
						same++
						break
					}
				}
			}
			t.Logf("%s: %d facts, %d of them with the PDF's indicator key too", name, len(rep.Facts), same)
		})
	}
}

// pdfStates reports whether the PDF report has a fact with f's value, unit
// and activity key, and f's target where it states one.
func pdfStates(pdf *letopis.Report, f letopis.Fact) bool {
	for _, p := range pdf.Facts {
		if near(p.Value, f.Value) && p.Unit == f.Unit && p.ActivityKey == f.ActivityKey && (p.Target == nil || eqPtr(p.Target, f.Target)) {
			return true
		}
	}
	return false
}

// TestSheetGolden compares the facts read from the three sheet files with
// readable TSVs, rewritten with -update.
func TestSheetGolden(t *testing.T) {
	for _, name := range sheetFiles {
		t.Run(name, func(t *testing.T) {
			rep := readFile(t, name)
			var b strings.Builder
			fmt.Fprintf(&b, "# %s %d\n", rep.Organisation, rep.Year)
			b.WriteString("sheet\tcell\tactivity\tactivity_key\tindicator\tindicator_key\tkind\tunit\tvalue\tqualifier\ttarget\tperiod\tconfidence\tsnippet\n")
			for _, f := range rep.Facts {
				fmt.Fprintf(&b, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%.2f\t%s\n", f.Location.Sheet, f.Location.Cell, f.Activity, f.ActivityKey,
					f.Indicator, f.IndicatorKey, f.Kind, f.Unit, strconv.FormatFloat(f.Value, 'f', -1, 64), f.Qualifier, opt(f.Target), f.Period,
					f.Confidence, strings.ReplaceAll(f.Snippet, "\t", " "))
			}
			for _, x := range rep.Rejected {
				fmt.Fprintf(&b, "rejected\t%s\t%s\t%q\t%s\n", x.Location.Sheet, x.Location.Cell, x.Text, x.Reason)
			}
			writeGolden(t, filepath.Join("testdata", name+".facts.tsv"), b.String())
		})
	}
}

func writeGolden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update)", err)
	}
	if string(want) != got {
		t.Errorf("%s differs from the extracted facts (run with -update and review the diff)", path)
	}
}

// sheet builds a worksheet from rows of cells in a small markup: "" empty,
// "#62" a number, "#0.4032 0.00%" a number with a format, "@2019-11-01" a
// date, "~" a merged copy of the cell to the left, "^" of the cell above,
// anything else text.
func sheet(name string, rows ...[]string) letopis.Table {
	t := letopis.Table{Sheet: name}
	for i, r := range rows {
		var row []letopis.Cell
		for j, s := range r {
			c := letopis.Cell{Kind: letopis.CellText, Text: s, Row: i, Col: j, Ref: letopis.CellRef(i, j)}
			switch {
			case s == "":
				c.Kind = letopis.CellEmpty
			case s == "~":
				c = row[j-1]
				c.Merged, c.Col, c.Ref = true, j, letopis.CellRef(i, j)
			case s == "^":
				c = t.Rows[i-1][j]
				c.Merged, c.Row, c.Ref = true, i, letopis.CellRef(i, j)
			case strings.HasPrefix(s, "#"):
				num, format, _ := strings.Cut(s[1:], " ")
				v, err := strconv.ParseFloat(num, 64)
				if err != nil {
					panic(s)
				}
				c.Kind, c.Number, c.Format, c.Text = letopis.CellNumber, v, format, num
			case strings.HasPrefix(s, "@"):
				d, err := time.Parse("2006-01-02", s[1:])
				if err != nil {
					panic(s)
				}
				c.Kind, c.Date = letopis.CellDate, letopis.DateOf(d)
				c.Text = fmt.Sprintf("%d. %d. %d", d.Day(), d.Month(), d.Year())
			}
			row = append(row, c)
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

func workbook(sheets ...letopis.Table) *letopis.Document {
	return &letopis.Document{Path: "test.xlsx", Format: "xlsx", Sheets: sheets}
}

var hdr = []string{"Naziv kazalnika", "Merska enota", "Predvidena vrednost", "Dosežena vrednost"}

// A finance sheet's source column names the funders of each row's
// programme.
func TestSheetSourceFunders(t *testing.T) {
	rep, err := Read(workbook(sheet("Financiranje",
		[]string{"Program", "Vir", "Znesek (EUR)"},
		[]string{"Odprto mladinsko delo", "Občina Brdonje", "#42000"},
		[]string{"Odprto mladinsko delo", "Urad RS za mladino", "#18200"},
		[]string{"Mladi za mlade", "Ministrstvo za javno upravo", "#8500"})), Options{Year: 2022})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string][]string{}
	for _, a := range rep.Activities {
		got[a.Title] = a.Funders
	}
	want := map[string][]string{"Odprto mladinsko delo": {"Občina Brdonje", "Urad RS za mladino"}, "Mladi za mlade": {"Ministrstvo za javno upravo"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("funders %q, want %q", got, want)
	}
}

// TestSheetLayouts reads constructed sheets in the layouts of funders'
// templates: where the header is, what the rows around the values are,
// where the project and the year come from, and how values are written.
func TestSheetLayouts(t *testing.T) {
	type want struct {
		cell, activity, indicator string
		kind                      letopis.Kind
		unit                      letopis.Unit
		value                     float64
		target                    string // "" for none
		period                    string // "" for the report year
	}
	cases := []struct {
		name     string
		doc      *letopis.Document
		opts     Options
		org      string
		year     int
		facts    []want
		rejected []string // reasons, in order (a prefix of each)
	}{
		{
			name: "header in row 1",
			doc: workbook(sheet("List1", hdr,
				[]string{"Število udeležencev delavnic", "oseb", "#40", "#45"})),
			opts:  Options{Year: 2021},
			year:  2021,
			facts: []want{{"D2", "", "Število udeležencev delavnic", letopis.KindOther, letopis.UnitPersons, 45, "40", ""}},
		},
		{
			name: "a finance sheet: programme, period from and to, source and amount",
			doc: workbook(sheet("Financiranje 2022",
				[]string{"Program", "Obdobje od", "Obdobje do", "Vir", "Znesek (EUR)"},
				[]string{"Odprto mladinsko delo", "@2022-01-01", "@2022-12-31", "Občina Brdonje", "#42000"},
				[]string{"Mladi za mlade", "@2022-03-01", "@2022-11-30", "Ministrstvo za javno upravo", "#8500"})),
			opts: Options{Year: 2022},
			year: 2022,
			facts: []want{
				{"E2", "Odprto mladinsko delo", "Znesek (Občina Brdonje)", letopis.KindOther, letopis.UnitEUR, 42000, "", "2022-01-01..2022-12-31"},
				{"E3", "Mladi za mlade", "Znesek (Ministrstvo za javno upravo)", letopis.KindOther, letopis.UnitEUR, 8500, "", "2022-03-01..2022-11-30"},
			},
		},
		{
			name: "two tables one below the other",
			doc: workbook(sheet("Kazalniki",
				hdr,
				[]string{"Izvedene delavnice", "število", "", "#24"},
				[]string{},
				[]string{"Vir financiranja", "Znesek (EUR)"},
				[]string{"Občina", "#12000"},
				[]string{"Donacije", "#1500"})),
			opts: Options{Year: 2022},
			year: 2022,
			facts: []want{
				{"D2", "", "Izvedene delavnice", letopis.KindOther, letopis.UnitEvents, 24, "", ""},
				{"B5", "", "Znesek (Občina)", letopis.KindOther, letopis.UnitEUR, 12000, "", ""},
				{"B6", "", "Znesek (Donacije)", letopis.KindOther, letopis.UnitEUR, 1500, "", ""},
			},
		},
		{
			name: "header in row 5 under merged title rows",
			doc: workbook(sheet("Kazalniki",
				[]string{"Zavod Mladi zmaji", "~", "~", "~"},
				[]string{"Poročilo o doseženih kazalnikih za leto 2022", "~", "~", "~"},
				[]string{"Datum poročila:", "@2023-02-15"},
				[]string{},
				hdr,
				[]string{"Izvedene delavnice", "število", "", "#24"})),
			org:   "Zavod Mladi zmaji",
			year:  2022,
			facts: []want{{"D6", "", "Izvedene delavnice", letopis.KindOther, letopis.UnitEvents, 24, "", ""}},
		},
		{
			name: "a form's fields above the header: a label and its number",
			doc: workbook(sheet("Kazalniki",
				[]string{"Poročilo o izvedbi programov za leto 2021", "~", "~", "~"},
				[]string{"Organizacija:", "~", "Društvo invalidov Gornji Vrh"},
				[]string{"Matična številka:", "~", "#5127468000", "", "Datum oddaje:", "@2022-02-28"},
				[]string{"Število članov na dan 31. 12. 2021:", "~", "#642", "", "od tega invalidov:", "#518"},
				[]string{},
				hdr,
				[]string{"Izvedene delavnice", "število", "", "#24"})),
			year: 2021,
			facts: []want{
				{"C4", "", "Število članov na dan 31. 12. 2021", letopis.KindOther, letopis.UnitPersons, 642, "", ""},
				{"F4", "", "od tega invalidov", letopis.KindOther, letopis.UnitPersons, 518, "", ""},
				{"D7", "", "Izvedene delavnice", letopis.KindOther, letopis.UnitEvents, 24, "", ""}},
		},
		{
			name: "organisation and year of the options override the title rows",
			doc: workbook(sheet("Kazalniki",
				[]string{"Zavod Mladi zmaji"},
				[]string{"Poročilo o doseženih kazalnikih za leto 2022"},
				hdr,
				[]string{"Izvedene delavnice", "število", "", "#24"})),
			opts:  Options{Organisation: "Društvo Drugo", Year: 2023},
			org:   "Društvo Drugo",
			year:  2023,
			facts: []want{{"D4", "", "Izvedene delavnice", letopis.KindOther, letopis.UnitEvents, 24, "", ""}},
		},
		{
			name: "organisation and year labelled, not in a known form",
			doc: workbook(sheet("Obrazec",
				[]string{"Prijavitelj:", "Mladinski svet Velenje"},
				[]string{"Leto poročanja", "#2019"},
				hdr,
				[]string{"Ure prostovoljnega dela", "ur", "", "1.250"})),
			org:   "Mladinski svet Velenje",
			year:  2019,
			facts: []want{{"D4", "", "Ure prostovoljnega dela", letopis.KindOther, letopis.UnitHours, 1250, "", ""}},
		},
		{
			name: "total row and footnote row",
			doc: workbook(sheet("Kazalniki 2020", hdr,
				[]string{"Udeleženci delavnic", "oseb", "", "#30"},
				[]string{"Udeleženci predavanj", "oseb", "", "#20"},
				[]string{"Skupaj", "", "", "#50"},
				[]string{},
				[]string{"Opomba: 3 udeleženci so odstopili."})),
			year: 2020,
			facts: []want{
				{"D2", "", "Udeleženci delavnic", letopis.KindOther, letopis.UnitPersons, 30, "", ""},
				{"D3", "", "Udeleženci predavanj", letopis.KindOther, letopis.UnitPersons, 20, "", ""},
				{"D4", "", "Skupaj", letopis.KindOther, letopis.UnitPersons, 50, "", ""}, // a total: a fact marked Total
			},
		},
		{
			name: "year columns",
			doc: workbook(sheet("Primerjava",
				[]string{"Kazalnik", "Enota", "2019", "2020"},
				[]string{"Število članov", "oseb", "#110", "#124"})),
			year:     2020,
			opts:     Options{Year: 2020},
			facts:    []want{{"D2", "", "Število članov", letopis.KindOther, letopis.UnitPersons, 124, "", ""}},
			rejected: []string{"value of 2019"},
		},
		{
			name: "year columns without the report year",
			doc: workbook(sheet("Primerjava",
				[]string{"Kazalnik", "Enota", "2019", "2020"},
				[]string{"Število članov", "oseb", "#110", "#124"})),
			opts:     Options{Year: 2021},
			year:     2021,
			facts:    []want{{"D2", "", "Število članov", letopis.KindOther, letopis.UnitPersons, 124, "", "2020-01-01..2020-12-31"}},
			rejected: []string{"value of 2019"},
		},
		{
			name: "a sheet per project, named by the sheet or a title row",
			doc: workbook(
				sheet("SPIN", hdr, []string{"Opravljene ure usposabljanj", "ur", "", "22.830"}),
				sheet("List2", []string{"Projekt:", "Strateško partnerstvo »Mreža«"}, hdr, []string{"Nove storitve", "storitev", "#10", "#11"})),
			opts: Options{Year: 2020},
			year: 2020,
			facts: []want{
				{"D2", "SPIN", "Opravljene ure usposabljanj", letopis.KindOther, letopis.UnitHours, 22830, "", ""},
				{"D3", "Strateško partnerstvo Mreža", "Nove storitve", letopis.KindOther, letopis.UnitServices, 11, "10", ""},
			},
		},
		{
			name: "sheets named by their projects",
			doc: workbook(
				sheet("Mreža", hdr, []string{"Nove storitve", "storitev", "", "#11"}),
				sheet("Harmonija", hdr, []string{"Svetovanja družinam", "ur", "", "#320"})),
			opts: Options{Year: 2020},
			year: 2020,
			facts: []want{
				{"D2", "Mreža", "Nove storitve", letopis.KindOther, letopis.UnitServices, 11, "", ""},
				{"D2", "Harmonija", "Svetovanja družinam", letopis.KindOther, letopis.UnitHours, 320, "", ""},
			},
		},
		{
			name: "project column, kind column and values as a person sees them",
			doc: workbook(sheet("Kazalniki",
				[]string{"Projekt", "Naziv kazalnika", "Vrsta kazalnika", "Merska enota", "Predvidena vrednost", "Dosežena vrednost"},
				[]string{"Projekt »AS-Aktiviraj Se!«", "Delež oseb, vključenih v zaposlitev", "Rezultat", "%", "25 %", "#0.4032 0.00%"},
				[]string{"^", "Ure usposabljanj", "Učinek", "ur", "", "26.115,5"},
				[]string{"SPIN", "Vključene osebe", "Učinek", "število oseb", "#700", "#701 #,##0"})),
			opts: Options{Year: 2020},
			year: 2020,
			facts: []want{
				{"F2", "AS-Aktiviraj Se!", "Delež oseb, vključenih v zaposlitev", letopis.KindResult, letopis.UnitPercent, 40.32, "25", ""},
				{"F3", "AS-Aktiviraj Se!", "Ure usposabljanj", letopis.KindOutput, letopis.UnitHours, 26115.5, "", ""},
				{"F4", "SPIN", "Vključene osebe", letopis.KindOutput, letopis.UnitPersons, 701, "700", ""},
			},
		},
		{
			name: "section rows name the project and the kind",
			doc: workbook(sheet("Kazalniki", hdr,
				[]string{"Karierni center za mlade", "~", "~", "~"},
				[]string{"Učinki"},
				[]string{"Individualne obravnave", "število", "", "#410"})),
			opts:  Options{Year: 2020},
			year:  2020,
			facts: []want{{"D4", "Karierni center za mlade", "Individualne obravnave", letopis.KindOutput, letopis.UnitEvents, 410, "", ""}},
		},
		{
			name: "amount sheet with serial dates and a sheet without a header",
			doc: workbook(
				sheet("Sredstva",
					[]string{"Projekt", "Opis", "Obdobje od", "Obdobje do", "Znesek (EUR)"},
					[]string{"Mreža", "Pridobljena sredstva", "#43770", "#44197", "250.109,76"}),
				sheet("Navodila", []string{"Vpišite dosežene vrednosti v zavihek Kazalniki."})),
			opts:     Options{Year: 2020},
			year:     2020,
			facts:    []want{{"E2", "Mreža", "Pridobljena sredstva", letopis.KindOther, letopis.UnitEUR, 250109.76, "", "2019-11-01..2021-01-01"}},
			rejected: []string{"sheet not read"},
		},
		{
			name: "a date or an empty value in the value column",
			doc: workbook(sheet("Kazalniki", hdr,
				[]string{"Datum zaključka", "", "", "@2020-12-31"},
				[]string{"Izvedeni dogodki", "število", "#5", ""})),
			opts:     Options{Year: 2020},
			year:     2020,
			rejected: []string{"a date"},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rep, err := Read(c.doc, c.opts)
			if err != nil {
				t.Fatal(err)
			}
			if rep.Year != c.year || (c.org != "" && rep.Organisation != c.org) {
				t.Errorf("report of %q %d, want %q %d", rep.Organisation, rep.Year, c.org, c.year)
			}
			if len(rep.Facts) != len(c.facts) {
				t.Errorf("%d facts, want %d", len(rep.Facts), len(c.facts))
				for _, f := range rep.Facts {
					t.Logf("  %s %g %s [%s] %s", f.Location, f.Value, f.Unit, f.Activity, f.Indicator)
				}
			}
			for i := 0; i < min(len(rep.Facts), len(c.facts)); i++ {
				f, w := rep.Facts[i], c.facts[i]
				period := letopis.YearPeriod(c.year).String()
				if w.period != "" {
					period = w.period
				}
				got := want{f.Location.Cell, f.Activity, f.Indicator, f.Kind, f.Unit, f.Value, opt(f.Target), f.Period.String()}
				w.period = period
				if got != w {
					t.Errorf("fact %d:\n got %+v\nwant %+v", i, got, w)
				}
				if f.Activity != "" && f.ActivityKey != ActivityKey(f.Activity) {
					t.Errorf("fact %d: activity key %q, want %q", i, f.ActivityKey, ActivityKey(f.Activity))
				}
			}
			if len(rep.Rejected) != len(c.rejected) {
				t.Errorf("%d rejected, want %d: %+v", len(rep.Rejected), len(c.rejected), rep.Rejected)
			}
			for i := 0; i < min(len(rep.Rejected), len(c.rejected)); i++ {
				if x := rep.Rejected[i]; !strings.HasPrefix(x.Reason, c.rejected[i]) || x.Location.Sheet == "" {
					t.Errorf("rejected %d: %+v, want the reason %q and a sheet", i, x, c.rejected[i])
				}
			}
		})
	}
}

// TestSheetNoHeader: a workbook where no sheet names its columns is an
// error naming the file and the sheets, and nothing is read.
func TestSheetNoHeader(t *testing.T) {
	cases := []struct {
		name  string
		doc   *letopis.Document
		sheet string   // the InputError's Sheet
		names []string // in the message
	}{
		{"one sheet", workbook(sheet("Podatki", []string{"Društvo NOVUS"}, []string{"62", "604"})), "Podatki", []string{"Podatki"}},
		{"two sheets", workbook(
			sheet("A", []string{"Poročilo o doseženih kazalnikih za leto 2020", "~"}, []string{"Vrednost"}),
			sheet("B", []string{"Opis", "Opomba"}, []string{"x", "#4"})), "", []string{`"A"`, `"B"`}},
		{"empty workbook", workbook(sheet("List1")), "", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rep, err := Read(c.doc, Options{Year: 2020})
			var ie *letopis.InputError
			if rep != nil || !errors.As(err, &ie) || !errors.Is(err, ErrNoHeader) {
				t.Fatalf("got %v, %v; want an InputError wrapping ErrNoHeader", rep, err)
			}
			msg := err.Error()
			if ie.Sheet != c.sheet || !strings.HasPrefix(msg, "test.xlsx: ") || strings.Contains(msg, "\n") {
				t.Errorf("error %q (sheet %q), want one line naming test.xlsx and sheet %q", msg, ie.Sheet, c.sheet)
			}
			for _, n := range c.names {
				if !strings.Contains(msg, n) {
					t.Errorf("error %q does not name %s", msg, n)
				}
			}
		})
	}
}
