package extract

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/letopis/letopis"
)

// maxCellWidth is the widest a grid column is printed; longer cell text
// wraps onto more lines of the same row.
const maxCellWidth = 36

// Print writes doc in the human-readable inspect format: for a PDF, page
// by page, its blocks in reading order with their kind, label, bounding box
// (rounded to whole points) and text, tables as aligned grids with header
// rows marked; for a workbook or CSV, each sheet as a grid. The output
// depends only on doc, so it makes a stable golden file. The rows of a
// streamed sheet (letopis.Table.More) are read twice, for the widths of the
// columns and to print them, and never held; an error reading them ends the
// output and is returned (a *letopis.InputError naming doc's file).
func Print(w io.Writer, doc *letopis.Document) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "document %s (%s)", doc.Path, doc.Format)
	if doc.Title != "" {
		fmt.Fprintf(bw, " title %q", doc.Title)
	}
	fmt.Fprintf(bw, ": %d pages, %d sheets\n", len(doc.Pages), len(doc.Sheets))
	for _, p := range doc.Pages {
		fmt.Fprintf(bw, "\n=== page %d (%s x %s pt)", p.Number, num(p.Width), num(p.Height))
		switch {
		case p.Refused != "":
			bw.WriteString(": refused: " + p.Refused)
		case len(p.Blocks) == 0:
			bw.WriteString(": no text layer")
		}
		bw.WriteByte('\n')
		nested := nestedTables(&p)
		for i := range p.Blocks {
			printBlock(bw, i+1, &p.Blocks[i], nested[i])
		}
	}
	for i := range doc.Sheets {
		t := &doc.Sheets[i]
		g, err := layout(t)
		if err == nil {
			fmt.Fprintf(bw, "\n=== sheet %q", t.Sheet)
			if t.Hidden {
				bw.WriteString(" (hidden)")
			}
			fmt.Fprintf(bw, ": %d rows, header rows %d\n", g.rows, t.HeaderRows)
			err = printGrid(bw, t, g, "  ")
		}
		if err != nil {
			bw.Flush()
			return letopis.InFile(doc.Path, err)
		}
	}
	return bw.Flush()
}

// tableRef is how a PDF table's cell refers to a table nested in it.
var tableRef = regexp.MustCompile(`\[table (\d+)\]`)

// nestedTables says, for each block of the page that is a table nested in
// a cell of another (referred to as "[table N]", N its number among the
// page's tables), which table it is and where it is nested: "table 2,
// nested in table 1, row 3, column C".
func nestedTables(p *letopis.Page) map[int]string {
	var tables []int // block index of each table of the page
	for i := range p.Blocks {
		if p.Blocks[i].Kind == letopis.BlockTable && p.Blocks[i].Table != nil {
			tables = append(tables, i)
		}
	}
	out := map[int]string{}
	for m, bi := range tables {
		for _, row := range p.Blocks[bi].Table.Rows {
			for _, c := range row {
				for _, ref := range tableRef.FindAllStringSubmatch(c.Text, -1) {
					k, _ := strconv.Atoi(ref[1])
					if k >= 1 && k <= len(tables) {
						out[tables[k-1]] = fmt.Sprintf("table %d, nested in table %d, row %d, column %s", k, m+1, c.Row+1, letopis.ColumnName(c.Col))
					}
				}
			}
		}
	}
	return out
}

// rowPages describes the pages the rows of a table continued over a page
// break are on: "rows 1-20 on page 4, rows 21-35 on page 5".
func rowPages(t *letopis.Table) string {
	var parts []string
	for i := 0; i < len(t.RowPages); {
		j := i
		for j+1 < len(t.RowPages) && t.RowPages[j+1] == t.RowPages[i] {
			j++
		}
		parts = append(parts, fmt.Sprintf("rows %d-%d on page %d", i+1, j+1, t.RowPages[i]))
		i = j + 1
	}
	return strings.Join(parts, ", ")
}

func printBlock(w *bufio.Writer, n int, b *letopis.Block, nested string) {
	fmt.Fprintf(w, "[%d] %s", n, b.Kind)
	if b.Level > 0 {
		fmt.Fprintf(w, " h%d", b.Level)
	}
	if b.Label != "" {
		fmt.Fprintf(w, " label=%q", b.Label)
	}
	if b.Rotation != 0 {
		fmt.Fprintf(w, " rotated=%d", b.Rotation)
	}
	fmt.Fprintf(w, " @%s\n", box(b.BBox))
	if b.Table != nil {
		t := b.Table
		g, _ := layout(t) // a PDF table has no More to fail
		fmt.Fprintf(w, "    table %d rows x %d cols, header rows %d\n", g.rows, len(g.width), t.HeaderRows)
		if nested != "" {
			fmt.Fprintf(w, "    %s\n", nested)
		}
		if len(t.RowPages) > 0 {
			fmt.Fprintf(w, "    %s\n", rowPages(t))
		}
		printGrid(w, t, g, "    ")
	}
	for _, l := range b.Lines {
		w.WriteString("    ")
		w.WriteString(l.Text)
		w.WriteByte('\n')
	}
}

func box(b letopis.BBox) string {
	return fmt.Sprintf("(%s,%s %s,%s)", num(b.X0), num(b.Y0), num(b.X1), num(b.Y1))
}

// num prints a coordinate rounded to a whole point.
func num(f float64) string {
	r := math.Round(f)
	if r == 0 {
		r = 0 // no "-0"
	}
	return fmt.Sprintf("%.0f", r)
}

// gridLayout is the size of a table's grid: its rows, and the width of
// each column as printed.
type gridLayout struct {
	rows  int
	width []int
}

// layout measures the grid of t, reading all its rows.
func layout(t *letopis.Table) (gridLayout, error) {
	var g gridLayout
	err := t.EachRow(func(_ int, r []letopis.Cell, _ bool) bool {
		g.rows++
		for len(g.width) < len(r) {
			g.width = append(g.width, 1)
		}
		for c, cell := range r {
			for _, part := range wrap(cellText(cell), maxCellWidth) {
				g.width[c] = max(g.width[c], utf8.RuneCountInString(part))
			}
		}
		return true
	})
	return g, err
}

// printGrid prints a table as an aligned grid of the layout g; header rows
// are followed by a rule of '=' and hidden rows are marked.
func printGrid(w *bufio.Writer, t *letopis.Table, g gridLayout, indent string) error {
	width := g.width
	cols := len(width)
	if cols == 0 {
		fmt.Fprintf(w, "%s(empty)\n", indent)
		return nil
	}
	rule := func(ch string) {
		w.WriteString(indent)
		w.WriteString("+")
		for _, wd := range width {
			w.WriteString(strings.Repeat(ch, wd+2))
			w.WriteString("+")
		}
		w.WriteByte('\n')
	}
	rule("-")
	parts := make([][]string, cols)
	return t.EachRow(func(ri int, r []letopis.Cell, hidden bool) bool {
		clear(parts)
		h := 1
		for c := 0; c < cols; c++ {
			if c < len(r) {
				parts[c] = wrap(cellText(r[c]), maxCellWidth)
			}
			h = max(h, len(parts[c]))
		}
		for k := 0; k < h; k++ {
			w.WriteString(indent)
			w.WriteString("|")
			for c := 0; c < cols; c++ {
				s := ""
				if k < len(parts[c]) {
					s = parts[c][k]
				}
				pad := width[c] - utf8.RuneCountInString(s)
				w.WriteString(" ")
				if c < len(r) && r[c].Kind == letopis.CellNumber {
					w.WriteString(strings.Repeat(" ", pad) + s)
				} else {
					w.WriteString(s + strings.Repeat(" ", pad))
				}
				w.WriteString(" |")
			}
			if k == 0 && hidden {
				w.WriteString(" (hidden)")
			}
			w.WriteByte('\n')
		}
		if ri+1 == t.HeaderRows {
			rule("=")
		} else {
			rule("-")
		}
		return true
	})
}

func cellText(c letopis.Cell) string {
	if c.Merged && c.Text == "" {
		return "^"
	}
	return strings.Join(strings.Fields(c.Text), " ")
}

// wrap breaks s into lines of at most width runes at spaces (a longer
// word is cut).
func wrap(s string, width int) []string {
	if s == "" {
		return nil
	}
	var out []string
	var cur []rune
	for _, word := range strings.Fields(s) {
		r := []rune(word)
		for len(r) > width {
			if len(cur) > 0 {
				out = append(out, string(cur))
				cur = nil
			}
			out = append(out, string(r[:width]))
			r = r[width:]
		}
		if len(cur) > 0 && len(cur)+1+len(r) > width {
			out = append(out, string(cur))
			cur = nil
		}
		if len(cur) > 0 {
			cur = append(cur, ' ')
		}
		cur = append(cur, r...)
	}
	if len(cur) > 0 {
		out = append(out, string(cur))
	}
	return out
}

// PrintJSON writes doc as indented JSON, for tools. Field names are the Go
// names of the letopis model; map keys are sorted, so the output is stable.
// A streamed sheet (letopis.Table.More) is written as if whole: its rows
// are all read into Rows and HiddenRows of a copy, in memory.
func PrintJSON(w io.Writer, doc *letopis.Document) error {
	all, err := whole(doc)
	if err != nil {
		return letopis.InFile(doc.Path, err)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(all)
}

// whole returns doc with the rows of its streamed sheets read into Rows
// (a copy; doc itself if no sheet is streamed).
func whole(doc *letopis.Document) (*letopis.Document, error) {
	streamed := false
	for i := range doc.Sheets {
		streamed = streamed || doc.Sheets[i].More != nil
	}
	if !streamed {
		return doc, nil
	}
	d := *doc
	d.Sheets = make([]letopis.Table, len(doc.Sheets))
	for i, t := range doc.Sheets {
		if t.More != nil {
			t.Rows = slices.Clone(t.Rows)
			t.HiddenRows = maps.Clone(t.HiddenRows)
			err := t.More(func(r []letopis.Cell, hidden bool) bool {
				if hidden {
					if t.HiddenRows == nil {
						t.HiddenRows = map[int]bool{}
					}
					t.HiddenRows[len(t.Rows)] = true
				}
				t.Rows = append(t.Rows, slices.Clone(r))
				return true
			})
			if err != nil {
				return nil, err
			}
			t.More = nil
		}
		d.Sheets[i] = t
	}
	return &d, nil
}
