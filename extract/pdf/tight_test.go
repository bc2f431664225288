package pdf

import (
	"context"
	"strings"
	"testing"

	"github.com/letopis/letopis"
)

// setRight lays out text as setLine does, its last word ending at x1.
func setRight(x1, y, size float64, bold bool, text string) []*word {
	ws := setLine(0, y, size, bold, text)
	shift := x1 - ws[len(ws)-1].x1
	for _, w := range ws {
		w.x0 += shift
		w.x1 += shift
	}
	return ws
}

// pageTables lays out a page of words and returns its tables.
func pageTables(ws []*word, rects []rect) []*letopis.Table {
	var out []*letopis.Table
	for _, b := range layoutWords(context.Background(), ws, rects, 1, 595, 842, nil) {
		if b.Table != nil {
			out = append(out, b.Table)
		}
	}
	return out
}

func rowTexts(tb *letopis.Table) []string {
	var out []string
	for _, r := range tb.Rows {
		var cs []string
		for _, c := range r {
			cs = append(cs, c.Text)
		}
		out = append(out, strings.Join(cs, " | "))
	}
	return out
}

// TestTightNumberColumns: two columns of right-aligned numbers under
// header cells wider than the numbers, the headers closer to each other
// than a gutter (an office suite sets an HTML table's cells without their
// padding): the header line is split between the two stacks of numbers,
// and the table has a column a stack, not one column of "150 156".
func TestTightNumberColumns(t *testing.T) {
	var ws []*word
	add := func(w []*word) { ws = append(ws, w...) }
	const size = 10
	add(setLine(70, 700, size, true, "Program"))
	add(setLine(200, 700, size, true, "Kazalnik"))
	add(setRight(440, 700, size, true, "Načrt 2024"))
	add(setRight(530, 700, size, true, "Realizacija 2024"))
	rows := [][4]string{
		{"", "Dnevi odprtja", "150", "156"},
		{"Info točka", "Obiskovalci", "4.000", "4.215"},
		{"", "– od tega tuji gosti", "–", "1.498"},
		{"", "Prodani spominki", "600", "655"},
		{"Praznik", "Ponudniki na stojnicah", "50", "52"},
		{"", "Pečen kostanj (kg)", "2.000", "2.150"},
	}
	for i, r := range rows {
		y := 680 - float64(i)*20
		if r[0] != "" {
			add(setLine(70, y, size, false, r[0]))
		}
		add(setLine(200, y, size, false, r[1]))
		add(setRight(443, y, size, false, r[2]))
		add(setRight(536, y, size, false, r[3]))
	}
	tables := pageTables(ws, nil)
	if len(tables) != 1 {
		t.Fatalf("%d tables, want 1", len(tables))
	}
	got := rowTexts(tables[0])
	want := []string{
		"Program | Kazalnik | Načrt 2024 | Realizacija 2024",
		" | Dnevi odprtja | 150 | 156",
		"Info točka | Obiskovalci | 4.000 | 4.215",
		" | – od tega tuji gosti | – | 1.498",
	}
	for i, w := range want {
		if i >= len(got) || got[i] != w {
			t.Fatalf("rows\n%s\nwant first rows\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
}

// TestProseRunsOn: a borderless table followed closely by paragraphs,
// one of whose lines has a number where a column of the table starts
// (potekal od 20. junija …) and so is split: the run of lines ends at the
// first line of prose across the table's columns, the table is read (a
// LibreOffice page whose events table came out as a paragraph, so that
// "72 644" read as 72644).
func TestProseRunsOn(t *testing.T) {
	tb := blindTable(t, "knj-2024/knj-2024-libreoffice.pdf", "Vrsta prireditve")
	if len(tb.Rows) != 8 || len(tb.Rows[0]) != 3 {
		t.Fatalf("events table of %d rows x %d columns, want 8 x 3", len(tb.Rows), len(tb.Rows[0]))
	}
	for _, r := range tb.Rows {
		if strings.HasPrefix(r[0].Text, "Bralni klubi") && (r[1].Text != "72" || r[2].Text != "644") {
			t.Fatalf("row %q holds %q, %q", r[0].Text, r[1].Text, r[2].Text)
		}
	}
}
