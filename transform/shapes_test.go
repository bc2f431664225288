package transform

import (
	"fmt"
	"strings"
	"testing"

	"github.com/letopis/letopis"
)

// pdfTable builds a table of a PDF page from rows of cell texts; "^"
// is a copy of the cell above spread over it (a merged cell), "<" of the
// cell to the left, "=" a cell covered by a merged cell without text.
func pdfTable(rows ...[]string) *letopis.Table {
	t := &letopis.Table{Page: 1}
	for i, r := range rows {
		var row []letopis.Cell
		for j, s := range r {
			c := letopis.Cell{Row: i, Col: j, Kind: letopis.CellText, Text: s}
			switch {
			case s == "":
				c.Kind = letopis.CellEmpty
			case s == "^":
				c = t.Rows[i-1][j]
				c.Row, c.Merged = i, true
			case s == "<":
				c = row[j-1]
				c.Col, c.Merged = j, true
			case s == "=": // covered by a merged cell, no text of its own (as PDFs give them)
				c.Kind, c.Text, c.Merged = letopis.CellEmpty, "", true
			}
			row = append(row, c)
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

// Tables of every shape a report gives them, each read by the meaning of
// its header and cells (see columns.go).
func TestTableShapes(t *testing.T) {
	P, E, EUR, O := letopis.UnitPersons, letopis.UnitEvents, letopis.UnitEUR, letopis.UnitOther
	type fact struct {
		indicator string // a word of it
		value     float64
		unit      letopis.Unit
		qual      letopis.Qualifier
		target    float64 // 0: none
		total     bool
	}
	X, A := letopis.Exact, letopis.Approx
	cases := []struct {
		name     string
		table    *letopis.Table
		want     []fact
		rejected []string // reasons, in order
	}{
		{"things in rows, a count in each column",
			pdfTable(
				[]string{"Skupina", "Letniki", "Število igralcev", "Treningov", "Tekem", "Uvrstitev"},
				[]string{"U9", "2013–2014", "31", "88", "14", "–"},
				[]string{"U11", "2011–2012", "38", "104", "22", "3. mesto"},
				[]string{"Skupaj", "", "69", "192", "36", ""}),
			[]fact{{"igralcev (U9)", 31, P, X, 0, false}, {"Treningov (U9)", 88, E, X, 0, false}, {"Tekem (U9)", 14, E, X, 0, false},
				{"igralcev (U11)", 38, P, X, 0, false}, {"Treningov (U11)", 104, E, X, 0, false}, {"Tekem (U11)", 22, E, X, 0, false},
				{"igralcev (Skupaj)", 69, P, X, 0, true}, {"Treningov (Skupaj)", 192, E, X, 0, true}, {"Tekem (Skupaj)", 36, E, X, 0, true}},
			[]string{"a date or a period", "a date or a period"}},
		{"a column of the organisation's units (Enota), not units of measure",
			pdfTable(
				[]string{"Enota", "Starost", "Vodov", "Članov"},
				[]string{"MČ – medvedki in čebelice", "7–10 let", "3", "36"},
				[]string{"GG – gozdovniki in gozdovnice", "11–15 let", "4", "51"},
				[]string{"Skupaj", "", "7", "87"}),
			[]fact{{"Vodov (MČ – medvedki in čebelice)", 3, O, X, 0, false}, {"Članov (MČ – medvedki in čebelice)", 36, P, X, 0, false},
				{"Vodov (GG – gozdovniki in gozdovnice)", 4, O, X, 0, false}, {"Članov (GG – gozdovniki in gozdovnice)", 51, P, X, 0, false},
				{"Vodov (Skupaj)", 7, O, X, 0, true}, {"Članov (Skupaj)", 87, P, X, 0, true}},
			nil},
		{"the unit stated over the labels, a column a year",
			pdfTable(
				[]string{"Prihodki po virih (EUR)", "2022", "2023"},
				[]string{"Občina Brdonje", "128.900,00", "139.250,00"},
				[]string{"Lastna dejavnost", "23.617,45", "25.934,15"}),
			[]fact{{"Občina Brdonje", 139250, EUR, X, 0, false}, {"Lastna dejavnost", 25934.15, EUR, X, 0, false}},
			[]string{"value of 2022", "value of 2022"}},
		{"a property of the thing in each row beside its count",
			pdfTable(
				[]string{"Datum", "Cilj izleta", "Nadmorska višina (m)", "Udeležencev"},
				[]string{"14. 1.", "Krvavec", "1.853", "41"},
				[]string{"17. 6.", "Stol", "2.236", "22"}),
			[]fact{{"Udeležencev (Krvavec)", 41, P, X, 0, false}, {"Udeležencev (Stol)", 22, P, X, 0, false}},
			[]string{"a property of the row's thing", "a property of the row's thing"}},
		{"a finance table with section and total rows",
			pdfTable(
				[]string{"PRIHODKI", "<"},
				[]string{"Članarina", "14.250,00 €"},
				[]string{"Donacije", "1.120,00 €"},
				[]string{"Skupaj prihodki", "15.370,00 €"},
				[]string{"ODHODKI", "<"},
				[]string{"Stroški izletov", "14.615,80 €"}),
			[]fact{{"Članarina (prihodki)", 14250, EUR, X, 0, false}, {"Donacije", 1120, EUR, X, 0, false},
				{"Skupaj prihodki", 15370, EUR, X, 0, true}, {"Stroški izletov (odhodki)", 14615.8, EUR, X, 0, false}},
			nil},
		{"a label wrapped over two rows, its value on the second",
			pdfTable(
				[]string{"Vir prihodkov 2021", "EUR"},
				[]string{"Javni razpisi (MOP, MO", ""},
				[]string{"Ptuj)", "51.230,00"},
				[]string{"Fundacije in podjetja", "22.418,00"}),
			[]fact{{"Javni razpisi (MOP, MO Ptuj)", 51230, EUR, X, 0, false}, {"Fundacije", 22418, EUR, X, 0, false}},
			nil},
		{"the amount in a column headed by its unit",
			pdfTable(
				[]string{"Vir prihodkov 2021", "EUR"},
				[]string{"Javni razpisi", "51.230,00"},
				[]string{"Skupaj", "51.230,00"}),
			[]fact{{"Javni razpisi", 51230, EUR, X, 0, false}, {"Skupaj", 51230, EUR, X, 0, true}},
			nil},
		{"columns of three years: the report year's are facts",
			pdfTable(
				[]string{"Kazalnik", "2019", "2020", "2021"},
				[]string{"Objave na spletni strani", "512", "580", "617"},
				[]string{"Udeleženci delavnic", "380", "402", "455"}),
			[]fact{{"Objave", 617, letopis.UnitPosts, X, 0, false}, {"Udeleženci", 455, P, X, 0, false}},
			[]string{"value of 2019", "value of 2020", "value of 2019", "value of 2020"}},
		{"plan, realisation and a derived index",
			pdfTable(
				[]string{"Dejavnost", "Načrt 2021", "Realizacija 2021", "Indeks R/N"},
				[]string{"Razdeljeni paketi hrane", "1.100", "1.240", "112,7"},
				[]string{"Krvodajalske akcije", "13", "14", "107,7"}),
			[]fact{{"paketi", 1240, O, X, 1100, false}, {"akcije", 14, E, X, 13, false}},
			[]string{"derived", "derived"}},
		{"a share of the total beside the amounts is derived",
			pdfTable(
				[]string{"Vir", "Znesek (EUR)", "Delež (%)"},
				[]string{"Občina Brdo", "12.000,00", "60,0"},
				[]string{"Donacije", "8.000,00", "40,0"},
				[]string{"Skupaj", "20.000,00", "100,0"}),
			[]fact{{"Brdo", 12000, EUR, X, 0, false}, {"Donacije", 8000, EUR, X, 0, false}, {"Skupaj", 20000, EUR, X, 0, true}},
			[]string{"share of the total", "share of the total", "share of the total"}},
		{"a share of the total beside counts is derived",
			pdfTable(
				[]string{"Vrsta sadja", "Količina (kg)", "Delež %"},
				[]string{"Jabolka", "1.500", "75"},
				[]string{"Hruške", "500", "25"}),
			[]fact{{"Količina", 1500, O, X, 0, false}, {"Količina", 500, O, X, 0, false}},
			[]string{"share of the total", "share of the total"}},
		{"a share alone is the value",
			pdfTable(
				[]string{"Skupina", "Delež (%)"},
				[]string{"Družine z otroki", "41,5"},
				[]string{"Upokojenci", "27,0"}),
			[]fact{{"Družine", 41.5, letopis.UnitPercent, X, 0, false}, {"Upokojenci", 27, letopis.UnitPercent, X, 0, false}},
			nil},
		{"a header of two rows: plan and realisation over the years",
			pdfTable(
				[]string{"Kazalnik", "Načrt", "<", "Realizacija", "<"},
				[]string{"^", "2020", "2021", "2020", "2021"},
				[]string{"Izvedene delavnice", "40", "45", "38", "47"}),
			[]fact{{"delavnice", 47, E, X, 45, false}},
			[]string{"target of 2020", "value of 2020"}},
		{"a header of two rows whose merged cells carry no text",
			pdfTable(
				[]string{"Kazalnik", "2022", "=", "2023", "="},
				[]string{"=", "Načrt", "Realizacija", "Načrt", "Realizacija"},
				[]string{"Število vaj desetin", "70", "66", "70", "71"}),
			[]fact{{"vaj", 71, E, X, 70, false}},
			[]string{"target of 2022", "value of 2022"}},
		{"attendance with a qualifier and a noun in the cell",
			pdfTable(
				[]string{"Datum", "Prireditev", "Kraj", "Obisk"},
				[]string{"12. 3. 2021", "Pomladni koncert", "Kulturni dom", "približno 300 obiskovalcev"},
				[]string{"3.–5. 9. 2021", "Praznik vasi", "Vaški trg", "okoli 1.100 obiskovalcev"},
				[]string{"18. 12. 2021", "Božični koncert", "Cerkev", "260"}),
			[]fact{{"Pomladni koncert", 300, P, A, 0, false}, {"Praznik vasi", 1100, P, A, 0, false}, {"Božični koncert", 260, P, X, 0, false}},
			[]string{"a date", "a date", "a date"}},
		{"numbered rows of sentences",
			pdfTable(
				[]string{"Št.", "Aktivnost"},
				[]string{"1", "Izvedli smo 12 delavnic in 3 predavanja."},
				[]string{"2", "Vključenih je bilo 45 prostovoljcev."}),
			[]fact{{"delavnic", 12, E, X, 0, false}, {"predavanja", 3, E, X, 0, false}, {"prostovoljcev", 45, P, X, 0, false}},
			[]string{"row number", "row number"}},
		{"no header: label, unit and value",
			pdfTable(
				[]string{"Razdeljeni paketi", "število", "1.240"},
				[]string{"Prostovoljne ure", "ur", "9.460"}),
			[]fact{{"paketi", 1240, O, X, 0, false}, {"ure", 9460, letopis.UnitHours, X, 0, false}},
			nil},
		{"a row of labels over a row of numbers (call-outs)",
			pdfTable(
				[]string{"ČLANOV DRUŠTVA", "PROSTOVOLJCEV", "PROSTOVOLJNIH UR"},
				[]string{"214", "690", "3.860"}),
			[]fact{{"ČLANOV", 214, P, X, 0, false}, {"PROSTOVOLJCEV", 690, P, X, 0, false}, {"UR", 3860, letopis.UnitHours, X, 0, false}},
			nil},
		{"indicators across the top, times down the side (a row a year, plan and realisation)",
			pdfTable(
				[]string{"Kazalnik", "Aktivni člani", "Novi člani", "Obiski"},
				[]string{"Realizacija 2020", "5.812", "498", "98.340"},
				[]string{"Načrt 2021", "5.900", "500", "100.000"},
				[]string{"Realizacija 2021", "6.047", "512", "103.216"},
				[]string{"Indeks R 2021 / N 2021", "102,5", "102,4", "103,2"}),
			[]fact{{"Aktivni člani", 6047, P, X, 5900, false}, {"Novi člani", 512, P, X, 500, false}, {"Obiski", 103216, O, X, 100000, false}},
			[]string{"value of 2020", "derived", "value of 2020", "derived", "value of 2020", "derived"}},
		{"a row a year under a header of things",
			pdfTable(
				[]string{"Leto", "Izposoja", "Obiski", "Prireditve"},
				[]string{"2020", "221.340", "88.100", "96"},
				[]string{"2021", "238.611", "103.216", "124"}),
			[]fact{{"Izposoja", 238611, O, X, 0, false}, {"Obiski", 103216, O, X, 0, false}, {"Prireditve", 124, E, X, 0, false}},
			[]string{"value of 2020", "value of 2020", "value of 2020"}},
		{"a table without quantities: dates, groups and placings",
			pdfTable(
				[]string{"Datum", "Selekcija", "Turnir", "Uvrstitev"},
				[]string{"12. 3. 2022", "U11", "Turnir prijateljstva", "3. mesto"},
				[]string{"18.–19. 6. 2022", "U13", "Sokolov pokal", "1. mesto"}),
			nil, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res := tableFacts(c.table, TableContext{Activity: "Projekt", Year: 2021})
			var got []string
			for _, f := range res.facts {
				tg := 0.0
				if f.Target != nil {
					tg = *f.Target
				}
				got = append(got, fmt.Sprintf("%s %g %s %s target=%g total=%v", f.Indicator, f.Value, f.Unit, f.Qualifier, tg, f.Total))
			}
			if len(res.facts) != len(c.want) {
				t.Fatalf("%d facts, want %d:\n  %s", len(res.facts), len(c.want), strings.Join(got, "\n  "))
			}
			for i, w := range c.want {
				f := res.facts[i]
				tg := 0.0
				if f.Target != nil {
					tg = *f.Target
				}
				if !strings.Contains(f.Indicator, w.indicator) || f.Value != w.value || f.Unit != w.unit || f.Qualifier != w.qual || tg != w.target || f.Total != w.total {
					t.Errorf("fact %d: %s, want %+v", i, got[i], w)
				}
			}
			var reasons []string
			for _, x := range res.rejected {
				reasons = append(reasons, x.Text+": "+x.Reason)
			}
			if len(res.rejected) != len(c.rejected) {
				t.Fatalf("%d rejected, want %d:\n  %s", len(res.rejected), len(c.rejected), strings.Join(reasons, "\n  "))
			}
			for i, w := range c.rejected {
				if !strings.Contains(res.rejected[i].Reason, w) {
					t.Errorf("rejected %d: %s, want %q", i, reasons[i], w)
				}
			}
		})
	}
}

// A table whose header line was left on the page before it (a page break
// between header and body) takes that line as its header.
func TestOrphanHeader(t *testing.T) {
	head := &letopis.Block{Kind: letopis.BlockHeading, Page: 2, Lines: []letopis.Line{{Text: "Kazalnik 2021 2022 Sprememba"}}}
	body := &letopis.Block{Kind: letopis.BlockTable, Page: 3, Table: pdfTable(
		[]string{"Obiski", "6.842", "8.115", "+18,6 %"},
		[]string{"Prostovoljci", "38", "44", "+15,8 %"})}
	items := orphanHeaders([]item{{b: head, heading: true}, {b: body}})
	if len(items) != 1 || items[0].b.Kind != letopis.BlockTable {
		t.Fatalf("%d items, want the table alone", len(items))
	}
	res := tableFacts(items[0].b.Table, TableContext{Year: 2022})
	if len(res.facts) != 2 || res.facts[0].Value != 8115 || res.facts[1].Value != 44 {
		t.Errorf("facts %+v, want the 2022 column", res.facts)
	}
	// a heading over the first column only titles the table
	title := &letopis.Block{Kind: letopis.BlockHeading, Page: 3, BBox: letopis.BBox{X0: 68, Y0: 609, X1: 228, Y1: 618},
		Lines: []letopis.Line{{Text: "Prostovoljstvo – Mladi za mlade"}}}
	placed := pdfTable(
		[]string{"Prostovoljci v programu", "45", "51"},
		[]string{"Prostovoljske ure", "2.800", "3.118"})
	for i, x := range []float64{68, 300, 370} {
		for r := range placed.Rows {
			placed.Rows[r][i].BBox = letopis.BBox{X0: x, Y0: 500 - 20*float64(r), X1: x + 40, Y1: 510 - 20*float64(r)}
		}
	}
	items = orphanHeaders([]item{{b: title, heading: true}, {b: &letopis.Block{Kind: letopis.BlockTable, Page: 3, Table: placed}}})
	if len(items) != 2 {
		t.Errorf("%d items: a heading over the first column was made the table's header", len(items))
	}
}

// TestTotalProjectRow: a total in the project column (Vsi programi skupaj,
// Skupaj sredstva) is a total row of the organisation, no activity.
func TestTotalProjectRow(t *testing.T) {
	res := tableFacts(pdfTable(
		[]string{"Program", "Udeleženci", "Sredstva (EUR)"},
		[]string{"Skupaj proti osamljenosti", "212", "8.400"},
		[]string{"Šport invalidov", "96", "4.100"},
		[]string{"Vsi programi skupaj", "308", "12.500"},
		[]string{"Skupaj sredstva FIHO", "", "12.500"}), TableContext{Year: 2021})
	var acts []string
	for _, a := range res.activities {
		acts = append(acts, a.Title)
	}
	if strings.Join(acts, "|") != "Skupaj proti osamljenosti|Šport invalidov" {
		t.Errorf("activities %q", acts)
	}
	totals := 0
	for _, f := range res.facts {
		if f.Total {
			totals++
			if f.Activity != "" {
				t.Errorf("total %g of activity %q", f.Value, f.Activity)
			}
		}
	}
	if totals != 3 {
		t.Errorf("%d totals, want 3", totals)
	}
}

// TestReportForm reads a funder's report form as a CSV export gives it:
// a field naming the funder above the table, the project cell left empty
// on its second row, counts planned and done beside money approved and
// spent (Realizirano, Porabljeno (EUR)), and a period column.
func TestReportForm(t *testing.T) {
	tb := pdfTable(
		[]string{"Izvajalec:", "Društvo Preizkus", "", "", "", "", "", "", ""},
		[]string{"Sofinancer:", "Občina Dolnji Potok", "", "", "", "", "", "", ""},
		[]string{"Zap. št.", "Program / aktivnost", "Kazalnik", "Enota", "Načrtovano", "Realizirano", "Obdobje izvedbe", "Odobreno (EUR)", "Porabljeno (EUR)"},
		[]string{"1.", "Delavnice za starše", "Število delavnic", "delavnica", "8", "9", "feb.–nov. 2024", "1.000,00", "950,00"},
		[]string{"2.", "", "Število udeležencev", "oseba", "80", "96", "", "", ""},
		[]string{"3.", "Poletni tabor", "Število otrok", "otrok", "30", "34", "1. 7. 2024–7. 7. 2024", "2.500,00", "2.500,00"},
		[]string{"", "SKUPAJ", "", "", "", "", "", "3.500,00", "3.450,00"})
	tb.Page, tb.Sheet = 0, "Obrazec"
	res := tableFacts(tb, TableContext{Year: 2024})
	var got []string
	for _, f := range res.facts {
		tg := 0.0
		if f.Target != nil {
			tg = *f.Target
		}
		got = append(got, fmt.Sprintf("%s|%s|%g %s target %g total=%v", f.Activity, f.Indicator, f.Value, f.Unit, tg, f.Total))
	}
	want := []string{
		"Delavnice za starše|Število delavnic|9 events target 8 total=false",
		"Delavnice za starše|Porabljeno (Delavnice za starše)|950 eur target 1000 total=false",
		"Delavnice za starše|Število udeležencev|96 persons target 80 total=false",
		"Poletni tabor|Število otrok|34 persons target 30 total=false",
		"Poletni tabor|Porabljeno (Poletni tabor)|2500 eur target 2500 total=false",
		"|Porabljeno (EUR)|3450 eur target 3500 total=true",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("facts:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
	var acts []string
	for _, a := range res.activities {
		acts = append(acts, fmt.Sprintf("%s %s..%s %q", a.Title, a.Period.Start, a.Period.End, a.Funders))
	}
	wantActs := []string{
		`Delavnice za starše 2024-02-01..2024-11-30 ["Občina Dolnji Potok"]`,
		`Poletni tabor 2024-07-01..2024-07-07 ["Občina Dolnji Potok"]`,
	}
	if strings.Join(acts, "\n") != strings.Join(wantActs, "\n") {
		t.Errorf("activities:\n  %s\nwant:\n  %s", strings.Join(acts, "\n  "), strings.Join(wantActs, "\n  "))
	}
}

// TestProjectTable reads a table of one project a row: who leads it, when
// it runs and which fund pays for it are the activity's, its value a fact.
func TestProjectTable(t *testing.T) {
	res := tableFacts(pdfTable(
		[]string{"Operacija", "Nosilec", "Obdobje izvajanja", "Vrednost (EUR)", "Sklad"},
		[]string{"Poti ob potoku", "Občina Dolnji Potok", "1. 3. 2024–30. 9. 2025", "86.400,00", "ESRR"},
		[]string{"Stare obrti", "Kulturni zavod Breg", "1. 5. 2024–31. 10. 2025", "44.250,00", "EKSRP"}), TableContext{Year: 2024})
	var acts []string
	for _, a := range res.activities {
		acts = append(acts, fmt.Sprintf("%s|%s|%s..%s|%s", a.Title, a.LeadPartner, a.Period.Start, a.Period.End, strings.Join(a.Funders, ",")))
	}
	want := []string{"Poti ob potoku|Občina Dolnji Potok|2024-03-01..2025-09-30|ESRR", "Stare obrti|Kulturni zavod Breg|2024-05-01..2025-10-31|EKSRP"}
	if strings.Join(acts, "\n") != strings.Join(want, "\n") {
		t.Errorf("activities:\n  %s\nwant:\n  %s", strings.Join(acts, "\n  "), strings.Join(want, "\n  "))
	}
	if len(res.facts) != 2 || res.facts[0].Value != 86400 || res.facts[0].Unit != letopis.UnitEUR || res.facts[0].Activity != "Poti ob potoku" {
		t.Errorf("facts %+v", res.facts)
	}
}
