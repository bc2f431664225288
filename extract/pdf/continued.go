package pdf

import (
	"math"
	"regexp"
	"strconv"
	"strings"

	"github.com/letopis/letopis"
)

// joinContinued joins a table that goes on over a page break into one:
// the last table of a page (nothing but furniture after it) and the first
// table of the next (nothing but furniture before it), with as many
// columns, when the second repeats the first one's header (the repeat is
// dropped), or when neither has a header and they stand at the same place
// across the page. The rows keep their pages in Table.RowPages; the
// second table's block leaves its page, whose "[table N]" references are
// numbered again. A table may go on over any number of pages.
func joinContinued(doc *letopis.Document) {
	var open *letopis.Table // the table that may go on on the next page
	for pi := range doc.Pages {
		p := &doc.Pages[pi]
		joined := false
		if first := firstContent(p, 0, 1); open != nil && first >= 0 && p.Blocks[first].Kind == letopis.BlockTable {
			next := p.Blocks[first].Table
			if skip, ok := continuation(open, next); ok {
				appendRows(open, next, skip)
				removeTableBlock(p, first)
				joined = true
			}
		}
		last := firstContent(p, len(p.Blocks)-1, -1)
		switch {
		case last >= 0 && p.Blocks[last].Kind == letopis.BlockTable:
			open = p.Blocks[last].Table
		case last < 0 && joined:
			// the page held only the table's middle: it may go on
		default:
			open = nil
		}
	}
}

// firstContent returns the index of the first block that is no furniture,
// going from i by step; -1 if there is none.
func firstContent(p *letopis.Page, i, step int) int {
	for ; i >= 0 && i < len(p.Blocks); i += step {
		if p.Blocks[i].Kind != letopis.BlockFurniture {
			return i
		}
	}
	return -1
}

// continuation reports whether b goes on with table a, and how many rows
// of b repeat a's header.
func continuation(a, b *letopis.Table) (skip int, ok bool) {
	if a == nil || b == nil || a == b || width(a) != width(b) || len(a.Rows) == 0 || len(b.Rows) == 0 {
		return 0, false
	}
	if h := max(a.HeaderRows, 1); len(b.Rows) > h && len(a.Rows) > h {
		same := true
		for r := 0; r < h && same; r++ {
			same = sameRow(a.Rows[r], b.Rows[r])
		}
		if same {
			return h, true
		}
	}
	near := func(x, y float64) bool { return math.Abs(x-y) < 12 }
	if a.HeaderRows == 0 && b.HeaderRows == 0 && near(a.BBox.X0, b.BBox.X0) && near(a.BBox.X1, b.BBox.X1) {
		return 0, true
	}
	return 0, false
}

func width(t *letopis.Table) int {
	n := 0
	for _, r := range t.Rows {
		n = max(n, len(r))
	}
	return n
}

func sameRow(a, b []letopis.Cell) bool {
	if len(a) != len(b) {
		return false
	}
	text := false
	for i := range a {
		x, y := strings.Join(strings.Fields(a[i].Text), " "), strings.Join(strings.Fields(b[i].Text), " ")
		if x != y {
			return false
		}
		text = text || x != ""
	}
	return text
}

// appendRows appends the rows of b after its first skip to a, noting
// their pages.
func appendRows(a, b *letopis.Table, skip int) {
	if a.RowPages == nil {
		a.RowPages = make([]int, len(a.Rows))
		for i := range a.RowPages {
			a.RowPages[i] = a.Page
		}
	}
	for i, row := range b.Rows[skip:] {
		r := len(a.Rows)
		for c := range row {
			row[c].Row = r
		}
		a.Rows = append(a.Rows, row)
		a.RowPages = append(a.RowPages, b.RowPage(skip+i))
	}
}

var tableRef = regexp.MustCompile(`\[table (\d+)\]`)

// removeTableBlock removes the table block i from the page, and numbers
// the "[table N]" references of the page's tables after it one lower.
func removeTableBlock(p *letopis.Page, i int) {
	n := 0
	for k := 0; k <= i; k++ {
		if p.Blocks[k].Kind == letopis.BlockTable {
			n++
		}
	}
	removed := p.Blocks[i].Table
	p.Blocks = append(p.Blocks[:i], p.Blocks[i+1:]...)
	renumber := func(t *letopis.Table) {
		replaceInCells(t, "[table ", tableRef, func(m string) string {
			k, _ := strconv.Atoi(tableRef.FindStringSubmatch(m)[1])
			if k > n {
				k--
			}
			return "[table " + strconv.Itoa(k) + "]"
		})
	}
	renumber(removed) // its rows now belong to the table it goes on
	for k := range p.Blocks {
		if t := p.Blocks[k].Table; t != nil {
			renumber(t)
		}
	}
}
