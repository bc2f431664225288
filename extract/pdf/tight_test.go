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

// oneTable lays out a page of words and returns its one table, failing
// the test when it has another number of tables.
func oneTable(t *testing.T, ws []*word) *letopis.Table {
	t.Helper()
	tables := pageTables(ws, nil)
	if len(tables) != 1 {
		for _, tb := range tables {
			t.Logf("table\n%s", strings.Join(rowTexts(tb), "\n"))
		}
		t.Fatalf("%d tables, want 1", len(tables))
	}
	return tables[0]
}

// firstRows fails the test unless the table's first rows read want.
func firstRows(t *testing.T, tb *letopis.Table, want ...string) {
	t.Helper()
	got := rowTexts(tb)
	for i, w := range want {
		if i >= len(got) || got[i] != w {
			t.Fatalf("rows\n%s\nwant first rows\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
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
	firstRows(t, oneTable(t, ws),
		"Program | Kazalnik | Načrt 2024 | Realizacija 2024",
		" | Dnevi odprtja | 150 | 156",
		"Info točka | Obiskovalci | 4.000 | 4.215",
		" | – od tega tuji gosti | – | 1.498")
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

// TestCentredHeaderCells: a table whose header cells wrap over lines of
// their own, each cell centred in the row's height (a cell of one line
// beside cells of two, the lines of the page overlapping), with footnote
// marks set small and raised after a word: the header is one row of one
// cell a column, its marks kept out of the text; and a body row whose
// label wraps over two lines with its values centred between them is one
// row (a LibreOffice table that came out with three header rows and
// the label's second line a row of its own).
func TestCentredHeaderCells(t *testing.T) {
	var ws []*word
	add := func(w []*word) { ws = append(ws, w...) }
	const size = 11
	// the header: two-line cells at 494 and 476, one-line cells at 484
	add(setLine(64, 484, size, true, "Kazalnik"))
	add(setLine(183, 494, size, true, "Aktivni"))
	add(setLine(187, 474, size, true, "člani"))
	add(setLine(187+5*size/2+0.1, 478, 8.8, true, "1"))
	add(setLine(246, 492.5, size, true, "Novi"))
	add(setLine(246, 475.4, size, true, "člani"))
	add(setLine(287, 482.9, size, true, "Obiski"))
	add(setLine(287+6*size/2+0.1, 487, 8.8, true, "2"))
	add(setLine(345, 492.5, size, true, "Izposoja (enote"))
	add(setLine(360, 475.4, size, true, "gradiva)"))
	rows := [][]string{
		{"Realizacija 2023", "5.812", "498", "98.340", "241.905"},
		{"Načrt 2024", "5.900", "500", "100.000", "245.000"},
		{"Realizacija 2024", "6.047", "512", "103.216", "238.611"},
	}
	rights := []float64{230, 280, 325, 431}
	y := 452.4
	for _, r := range rows {
		add(setLine(64, y, size, false, r[0]))
		for c, v := range r[1:] {
			add(setRight(rights[c], y, size, false, v))
		}
		y -= 21.5
	}
	// a label of two lines, its values centred between them
	add(setLine(64, 387.8, size, false, "Indeks R 2024 / N"))
	add(setLine(64, 370.7, size, false, "2024"))
	for c, v := range []string{"102,5", "102,4", "103,2", "97,4"} {
		add(setRight(rights[c], 379.3, size, false, v))
	}
	tb := oneTable(t, ws)
	firstRows(t, tb,
		"Kazalnik | Aktivni člani | Novi člani | Obiski | Izposoja (enote gradiva)",
		"Realizacija 2023 | 5.812 | 498 | 98.340 | 241.905",
		"Načrt 2024 | 5.900 | 500 | 100.000 | 245.000",
		"Realizacija 2024 | 6.047 | 512 | 103.216 | 238.611",
		"Indeks R 2024 / N 2024 | 102,5 | 102,4 | 103,2 | 97,4")
	if len(tb.Rows) != 5 || tb.HeaderRows != 1 {
		t.Fatalf("%d rows, %d header rows, want 5 and 1", len(tb.Rows), tb.HeaderRows)
	}
}

// setGlyphs lays out the glyphs of text from x on the baseline y, each
// character half an em wide, words apart by a space glyph.
func setGlyphs(x, y, size float64, f *fontInfo, text string) []glyph {
	var out []glyph
	for _, r := range text {
		w := size / 2
		out = append(out, glyph{s: string(r), x0: x, x1: x + w, y: y, size: size, font: f, space: r == ' '})
		x += w
	}
	return out
}

// TestSmallCapsInitial: a heading set in small capitals whose first
// letter is a larger capital (CSS font-variant: small-caps) is read as
// whole words, the capital joined to the letters it touches though their
// size differs; a capital apart from the next word, a drop cap on a
// baseline of its own and a big number against small text stay apart.
func TestSmallCapsInitial(t *testing.T) {
	bold := &fontInfo{bold: true}
	cases := []struct {
		name string
		gs   func() []glyph
		want string
	}{
		{"small caps", func() []glyph {
			gs := setGlyphs(63, 700, 10.5, bold, "O")
			gs = append(gs, setGlyphs(gs[0].x1, 700, 7.5, bold, "SNOVNI PODATKI")...)
			return gs
		}, "OSNOVNI|PODATKI"},
		{"small caps within", func() []glyph {
			gs := setGlyphs(63, 700, 7.5, bold, "PROJEKT ")
			c := setGlyphs(gs[len(gs)-1].x1, 700, 10.5, bold, "Č")
			gs = append(append(gs, c...), setGlyphs(c[0].x1, 700, 7.5, bold, "EBELJA")...)
			return gs
		}, "PROJEKT|ČEBELJA"},
		{"apart", func() []glyph {
			gs := setGlyphs(63, 700, 10.5, bold, "A")
			return append(gs, setGlyphs(gs[0].x1+3, 700, 7.5, bold, "SKUPINA")...)
		}, "A|SKUPINA"},
		{"drop cap", func() []glyph {
			gs := setGlyphs(63, 690, 24, &fontInfo{}, "V")
			return append(gs, setGlyphs(gs[0].x1, 700, 10, &fontInfo{}, "letu")...)
		}, "V|letu"},
		{"number", func() []glyph {
			gs := setGlyphs(63, 700, 20, bold, "4")
			return append(gs, setGlyphs(gs[0].x1, 700, 9.5, bold, "ČLANI")...)
		}, "4|ČLANI"},
	}
	for _, c := range cases {
		var got []string
		for _, w := range words(c.gs()) {
			got = append(got, w.text)
		}
		if g := strings.Join(got, "|"); g != c.want {
			t.Errorf("%s: words %s, want %s", c.name, g, c.want)
		}
	}
	// a line in small capitals is set in the size of its capitals, so that
	// it ranks as the heading it is, not under the body text
	gs := setGlyphs(63, 700, 10.5, bold, "O")
	gs = append(gs, setGlyphs(gs[0].x1, 700, 7.5, bold, "SNOVNI PODATKI")...)
	l := &line{words: words(gs)}
	l.finish()
	if l.size != 10.5 {
		t.Errorf("small capitals: line size %g, want 10.5", l.size)
	}
}

// TestTightHeaderOverStack: the header cell of a column of right-aligned
// numbers, wider than the numbers, reaches to less than a gutter from the
// column before it, on a line of its own (the header cells wrap and are
// centred in the row's height): it starts a column of its own, and the
// two columns of numbers are not read as one ("31 610").
func TestTightHeaderOverStack(t *testing.T) {
	var ws []*word
	add := func(w []*word) { ws = append(ws, w...) }
	const size = 10
	add(setRight(343, 370, size, true, "Novi"))
	add(setRight(343, 358, size, true, "igralci"))
	add(setLine(71, 364, size, true, "Kazalnik"))
	add(setRight(393, 364, size, true, "Treningi"))
	rows := [][3]string{{"Realizacija 2023", "31", "610"}, {"Načrt 2024", "30", "620"}, {"Realizacija 2024", "36", "644"}, {"Indeks", "120,0", "103,9"}}
	for i, r := range rows {
		y := 339 - float64(i)*15
		add(setLine(71, y, size, false, r[0]))
		add(setRight(343, y, size, false, r[1]))
		add(setRight(393, y, size, false, r[2]))
	}
	firstRows(t, oneTable(t, ws), "Kazalnik | Novi igralci | Treningi", "Realizacija 2023 | 31 | 610")
}

// TestFootnoteMarks: footnote marks set small and raised after header
// cells (Igralci¹, Treningi² reaching past the numbers under it) and
// before the footnotes under the table: each mark goes with the word it
// touches, no column of its own and no line of its own, and the
// footnotes stay out of the table (a LibreOffice table that came out as
// two tables, a mark as a column).
func TestFootnoteMarks(t *testing.T) {
	var ws []*word
	add := func(w []*word) { ws = append(ws, w...) }
	const size = 10
	add(setLine(64, 305, size, true, "Kazalnik"))
	add(setLine(350, 304.1, size, true, "Treningi"))
	add(setLine(350+8*size/2+0.05, 307.9, 8, true, "2"))
	add(setLine(412, 312.5, size, true, "Ure vadbe"))
	add(setLine(442, 297.5, size, true, "selekcije)"))
	rows := [][3]string{{"Realizacija 2023", "610", "1.830"}, {"Načrt 2024", "620", "1.860"}, {"Realizacija 2024", "644", "1.932"}, {"Indeks", "103,9", "103,9"}}
	for i, r := range rows {
		y := 278.6 - float64(i)*17.7
		add(setLine(64, y, size, false, r[0]))
		add(setLine(349, y, size, false, r[1]))
		add(setLine(398, y, size, false, r[2]))
	}
	add(setLine(62.5, 197.7, 6.4, false, "1"))
	add(setLine(204.3, 197.7, 6.4, false, "2"))
	add(setLine(68.2, 194.7, 8, false, "Igralci z veljavno registracijo pri zvezi."))
	add(setLine(210.1, 194.7, 8, false, "Vodeni treningi vseh selekcij."))
	tb := oneTable(t, ws)
	firstRows(t, tb,
		"Kazalnik | Treningi | Ure vadbe selekcije)",
		"Realizacija 2023 | 610 | 1.830",
		"Načrt 2024 | 620 | 1.860",
		"Realizacija 2024 | 644 | 1.932",
		"Indeks | 103,9 | 103,9")
	if len(tb.Rows) != 5 {
		t.Fatalf("%d rows, want 5", len(tb.Rows))
	}
}

// TestNewsletterColumns: a page of three columns of text, each with its
// headings, its lines at their own spacing (most lines of the page
// overlap the one above), is read as text, not as a table whose cells
// are the columns' lines (a Chromium newsletter page).
func TestNewsletterColumns(t *testing.T) {
	for _, b := range blindDoc(t, "td-2023/td-2023-chromium.pdf").Pages[0].Blocks {
		if b.Table != nil && strings.Contains(b.Text(), "Beseda predsednika") {
			t.Fatalf("the columns read as a table of %d rows", len(b.Table.Rows))
		}
	}
}
