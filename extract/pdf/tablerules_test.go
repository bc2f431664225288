package pdf

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/letopis/letopis"
	"github.com/letopis/letopis/extract"
)

func TestYearText(t *testing.T) {
	for s, want := range map[string]bool{
		"2021": true, "2021/22": true, "2019–2021": true, "1999": true,
		"2.021": false, "21": false, "3000": false, "2021/2": false, "Leto 2021": false,
	} {
		if got := yearText(s); got != want {
			t.Errorf("yearText(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestMarkLeaders(t *testing.T) {
	for _, c := range []struct {
		line string
		want string // L for a leader, . for a word
	}{
		{"Članarine ........ 4.250,00", ".L."},
		{"Stroški dela . . . . 21.700,00", "..LLLL."},
		{"Uvod … 3", ".L."},
		{"Glej str. 3 in 4.", "....."},
		{"a . b . c", "....."},
	} {
		var ws []*word
		for _, f := range strings.Fields(c.line) {
			ws = append(ws, &word{text: f})
		}
		markLeaders(ws)
		var got strings.Builder
		for _, w := range ws {
			if w.leader {
				got.WriteByte('L')
			} else {
				got.WriteByte('.')
			}
		}
		if got.String() != c.want {
			t.Errorf("%q: leaders %s, want %s", c.line, got.String(), c.want)
		}
	}
}

// table makes a table of rows of texts at the given left and right edge.
func table(x0, x1 float64, header int, rows ...[]string) *letopis.Table {
	t := &letopis.Table{Page: 1, HeaderRows: header, BBox: letopis.BBox{X0: x0, Y0: 100, X1: x1, Y1: 300}}
	for r, texts := range rows {
		var row []letopis.Cell
		for c, s := range texts {
			row = append(row, letopis.Cell{Row: r, Col: c, Text: s, Kind: letopis.CellText})
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

func TestContinuation(t *testing.T) {
	head := []string{"Datum", "Turnir"}
	first := table(60, 540, 1, head, []string{"15. 1. 2022", "Zimski turnir"}, []string{"22. 1. 2022", "Pokal"})
	for _, c := range []struct {
		name string
		next *letopis.Table
		skip int
		ok   bool
	}{
		{"header repeated", table(60, 540, 1, head, []string{"5. 2. 2022", "Kamnik Cup"}), 1, true},
		{"header repeated, not detected there", table(60, 540, 0, head, []string{"5. 2. 2022", "Kamnik Cup"}), 1, true},
		{"another header", table(60, 540, 1, []string{"Selekcija", "Igralci"}, []string{"U9", "31"}), 0, false},
		{"other columns", table(60, 540, 1, []string{"Datum", "Turnir", "Kraj"}, []string{"5. 2.", "Cup", "Kamnik"}), 0, false},
	} {
		skip, ok := continuation(first, c.next)
		if skip != c.skip || ok != c.ok {
			t.Errorf("%s: continuation = %d, %v; want %d, %v", c.name, skip, ok, c.skip, c.ok)
		}
	}
	// neither piece with a header: joined only at the same place
	plain := table(60, 360, 0, []string{"Članarina", "14.250,00 €"}, []string{"Donacije", "1.120,00 €"})
	if _, ok := continuation(plain, table(61, 361, 0, []string{"Skupaj", "35.285,37 €"})); !ok {
		t.Error("a headerless table at the same place is not joined")
	}
	if _, ok := continuation(plain, table(300, 560, 0, []string{"Skupaj", "35.285,37 €"})); ok {
		t.Error("a headerless table elsewhere on the page is joined")
	}
	// joined: the rows and their pages
	next := table(60, 540, 1, head, []string{"5. 2. 2022", "Kamnik Cup"})
	next.Page = 2
	appendRows(first, next, 1)
	if len(first.Rows) != 4 || first.RowPage(3) != 2 || first.RowPage(1) != 1 || first.Rows[3][0].Row != 3 {
		t.Errorf("joined table: %d rows, pages %v", len(first.Rows), first.RowPages)
	}
}

// TestNumberText checks the regexp-free path of numberText against
// isNumberCell.
func TestNumberText(t *testing.T) {
	for _, s := range []string{"2021", "1.204", "18,3", "2021.", "14*", "€", "€4.912,35", "–", "-", "x", "/",
		"-12", "−5", "U11", "2.1a", "Leto", "40%", "11,6t", ".5", ",", "", "3.–5.", "12.", "km"} {
		if got, want := numberText(s), s != "" && strings.ContainsAny(s, "0123456789") && isNumberCell(s); got != want {
			t.Errorf("numberText(%q) = %v, isNumberCell %v", s, got, want)
		}
	}
}

// TestHeaderRuleOnly: a table without rules between its rows, with a rule
// under its header only (and at its top and bottom, as booktabs sets
// them), has a row a line, not one row of all the lines under the rule.
func TestHeaderRuleOnly(t *testing.T) {
	var ws []*word
	cell := func(x, y float64, text string) { ws = append(ws, setLine(x, y, 9, false, text)...) }
	cell(57, 700, "Datum")
	cell(130, 700, "Cilj izleta")
	cell(332.5, 700, "Nadmorska višina (m)")
	cell(459.5, 700, "Udeležencev")
	rows := [][4]string{{"14. 1.", "Krvavec, zimski pohod", "1.853", "41"}, {"11. 3.", "Čaven nad Vipavsko dolino", "1.185", "36"},
		{"6. 5.", "Učka (Vojak)", "1.401", "48"}, {"17. 6.", "Stol", "2.236", "22"}}
	for i, r := range rows {
		y := 680 - float64(i)*16
		cell(57, y, r[0])
		cell(130, y, r[1])
		cell(400, y, r[2])
		cell(500, y, r[3])
	}
	rules := []rect{{57, 693, 540, 693.5, false}, {57, 625, 540, 625.5, false}}
	var tables []*letopis.Table
	for _, b := range layoutWords(context.Background(), ws, rules, 1, 595, 842, nil) {
		if b.Table != nil {
			tables = append(tables, b.Table)
		}
	}
	if len(tables) != 1 || len(tables[0].Rows) != 5 || len(tables[0].Rows[0]) != 4 {
		for _, tb := range tables {
			t.Logf("%d rows x %d", len(tb.Rows), len(tb.Rows[0]))
		}
		t.Fatalf("%d tables, want one of 5 rows x 4 columns", len(tables))
	}
}

// blindDoc extracts a report of testdata/blind.
func blindDoc(t *testing.T, name string) *letopis.Document {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "blind", name))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := extract.File(context.Background(), name, data, extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// blindTable extracts a report of testdata/blind and returns its first
// table whose first cell reads first.
func blindTable(t *testing.T, name, first string) *letopis.Table {
	t.Helper()
	for _, p := range blindDoc(t, name).Pages {
		for _, b := range p.Blocks {
			if tb := b.Table; tb != nil && len(tb.Rows) > 0 && tb.Rows[0][0].Text == first {
				return tb
			}
		}
	}
	t.Fatalf("%s: no table whose first cell is %q", name, first)
	return nil
}

// TestProseUnderTable: a line of a sentence right under a borderless
// table, its last word a number set apart by justification, and a footer
// line split the same way are no rows: the table keeps its three columns
// (a LibreOffice page whose finance table came out as ten rows of two
// columns with the prose in them).
func TestProseUnderTable(t *testing.T) {
	tb := blindTable(t, "td-2024/td-2024-libreoffice.pdf", "EUR")
	if len(tb.Rows) != 9 || len(tb.Rows[0]) != 3 {
		t.Fatalf("finance table of %d rows x %d columns, want 9 x 3", len(tb.Rows), len(tb.Rows[0]))
	}
	if last := tb.Rows[len(tb.Rows)-1][0].Text; last != "Presežek" {
		t.Fatalf("last row %q, want Presežek", last)
	}
}

// TestTotalRules: a borderless table whose only rules stand above its
// totals rows: the rules group rows, each line with its own value stays a
// row (a Chromium page whose finance table came out as four rows, the
// labels and the amounts of a group each poured into one cell).
func TestTotalRules(t *testing.T) {
	tb := blindTable(t, "cd-2024/cd-2024-chromium.pdf", "Članarina")
	if len(tb.Rows) != 13 || len(tb.Rows[0]) != 2 {
		t.Fatalf("finance table of %d rows x %d columns, want 13 x 2", len(tb.Rows), len(tb.Rows[0]))
	}
	for _, r := range tb.Rows {
		if r[0].Text == "Skupaj prihodki" && r[1].Text != "19.592,30 €" {
			t.Fatalf("Skupaj prihodki row holds %q", r[1].Text)
		}
	}
}
