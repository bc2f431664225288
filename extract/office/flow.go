package office

import (
	"strings"

	"github.com/letopis/letopis"
	"github.com/letopis/letopis/extract"
)

// para is one paragraph as the format readers see it, before it becomes a
// block.
type para struct {
	lines     []string // split at explicit line breaks
	size      float64  // font size in points of most of its text, 0 unknown
	bold      bool     // all its text bold
	heading   int      // outline level (1 the top), 0 for body text
	list      bool     // a list item
	label     string   // its bullet ("•") or number ("2.", "b)")
	furniture bool     // a header or footer
}

func (p *para) empty() bool {
	for _, l := range p.lines {
		if strings.TrimSpace(l) != "" {
			return false
		}
	}
	return true
}

// flow assembles the blocks of a word-processor document in reading
// order. A document keeps no pages of its own (the word processor lays
// them out when it shows it): a page here is what its explicit breaks
// delimit (page breaks, section breaks, a paragraph that starts a page,
// and the soft page breaks a word processor saves where it last laid a
// page out).
type flow struct {
	doc   *letopis.Document
	page  *letopis.Page
	cells int // table cells made so far, against maxCells
}

func newFlow(format string) *flow {
	f := &flow{doc: &letopis.Document{Format: format}}
	f.newPage()
	return f
}

func (f *flow) newPage() {
	f.doc.Pages = append(f.doc.Pages, letopis.Page{Number: len(f.doc.Pages) + 1})
	f.page = &f.doc.Pages[len(f.doc.Pages)-1]
}

// pageBreak starts a new page, unless the current one is still empty.
func (f *flow) pageBreak() {
	if len(f.page.Blocks) > 0 {
		f.newPage()
	}
}

// add appends a paragraph as a block; empty paragraphs are dropped.
func (f *flow) add(p para) {
	if p.empty() {
		return
	}
	b := letopis.Block{Kind: letopis.BlockParagraph, Page: f.page.Number}
	switch {
	case p.furniture:
		b.Kind = letopis.BlockFurniture
	case p.heading > 0:
		b.Kind, b.Level = letopis.BlockHeading, p.heading
		b.Label = p.label
		if b.Label == "" && len(p.lines) > 0 {
			// a section number typed in the heading: kept as its label
			if num, title, ok := extract.SectionNumber(p.lines[0]); ok {
				b.Label, p.lines[0] = num, title
			}
		}
	case p.list:
		b.Kind, b.Label = letopis.BlockListItem, p.label
	}
	for _, l := range p.lines {
		l = strings.Join(strings.Fields(l), " ")
		if l == "" {
			continue
		}
		b.Lines = append(b.Lines, letopis.Line{Text: l, Size: p.size, Bold: p.bold})
	}
	f.page.Blocks = append(f.page.Blocks, b)
}

// prepend puts paragraphs (headers and footers) before the first page's
// blocks.
func (f *flow) prepend(ps []para) {
	cur := f.page
	f.page = &f.doc.Pages[0]
	body := f.page.Blocks
	f.page.Blocks = nil
	for _, p := range ps {
		f.add(p)
	}
	f.page.Blocks = append(f.page.Blocks, body...)
	f.page = cur
}

// addTable appends a table block; a table without text is dropped.
func (f *flow) addTable(t *letopis.Table) {
	if t == nil || len(t.Rows) == 0 || strings.TrimSpace(strings.ReplaceAll(t.Text(), "\t", "")) == "" {
		return
	}
	t.Page = f.page.Number
	f.page.Blocks = append(f.page.Blocks, letopis.Block{Kind: letopis.BlockTable, Page: f.page.Number, Table: t})
}

// finish drops a trailing empty page and returns the document.
func (f *flow) finish() *letopis.Document {
	if n := len(f.doc.Pages); n > 1 && len(f.doc.Pages[n-1].Blocks) == 0 {
		f.doc.Pages = f.doc.Pages[:n-1]
	}
	return f.doc
}

// tableBuilder collects the cells of a table with their spans and spreads
// merged cells: a cell spanning columns or rows is copied into each place
// it covers, marked Merged, so every row has a cell in every column.
type tableBuilder struct {
	rows   [][]letopis.Cell
	header int    // leading rows marked as header by the document
	bold   []bool // each row's text is all bold
	next   int    // the index of the next row added
	f      *flow
}

// cell is one cell of a row being built: its text and spans.
type cell struct {
	text       string
	colSpan    int
	rowSpan    int  // ODT: rows spanned; 0 or 1 none
	vMergeCont bool // DOCX: continues the vertical merge of the cell above
	bold       bool // all its text is bold
}

// addRow appends a row of cells; header says the document marks it as a
// header row.
func (tb *tableBuilder) addRow(cells []cell, header bool) error {
	r := tb.next
	tb.next++
	var row []letopis.Cell
	// cells spread down from rows above (ODT row spans) already sit in
	// tb.rows[r] if it exists.
	if r < len(tb.rows) {
		row = tb.rows[r]
	}
	col := 0
	place := func(c letopis.Cell) error {
		if tb.f != nil {
			tb.f.cells++
			if tb.f.cells > maxCells {
				return errTooManyCells
			}
		}
		for len(row) <= col {
			row = append(row, letopis.Cell{Kind: letopis.CellEmpty})
		}
		c.Row, c.Col = r, col
		row[col] = c
		col++
		return nil
	}
	bold, any := true, false
	for _, c := range cells {
		if !c.vMergeCont && strings.TrimSpace(c.text) != "" {
			any = true
			bold = bold && c.bold
		}
	}
	tb.bold = append(tb.bold, bold && any)
	for _, c := range cells {
		// skip places filled by a row span from above
		for col < len(row) && row[col].Merged && row[col].Kind != "" && row[col].Row == r {
			col++
		}
		span := max(1, min(c.colSpan, maxSpan))
		var base letopis.Cell
		if c.vMergeCont && r > 0 && col < len(tb.rows[r-1]) {
			above := tb.rows[r-1][col]
			base = above
			base.Merged = true
		} else {
			base = textCell(c.text)
		}
		first := col
		for i := 0; i < span; i++ {
			cp := base
			if i > 0 {
				cp.Merged = true
			}
			if err := place(cp); err != nil {
				return err
			}
		}
		if c.rowSpan > 1 {
			for dr := 1; dr < min(c.rowSpan, maxSpan); dr++ {
				for len(tb.rows) <= r+dr {
					tb.rows = append(tb.rows, nil)
				}
				below := tb.rows[r+dr]
				for len(below) < first+span {
					below = append(below, letopis.Cell{})
				}
				for i := 0; i < span; i++ {
					cp := base
					cp.Merged = true
					cp.Row, cp.Col = r+dr, first+i
					below[first+i] = cp
				}
				tb.rows[r+dr] = below
			}
		}
	}
	if r < len(tb.rows) {
		tb.rows[r] = row
	} else {
		tb.rows = append(tb.rows, row)
	}
	if header && r == tb.header {
		tb.header++
	}
	return nil
}

// table returns the built table: rows padded to the widest, cells
// numbered, empty rows kept (they are rows of the document).
func (tb *tableBuilder) table() *letopis.Table {
	width := 0
	for _, r := range tb.rows {
		width = max(width, len(r))
	}
	for ri := range tb.rows {
		for len(tb.rows[ri]) < width {
			tb.rows[ri] = append(tb.rows[ri], letopis.Cell{})
		}
		for ci := range tb.rows[ri] {
			c := &tb.rows[ri][ci]
			if c.Kind == "" {
				c.Kind = letopis.CellEmpty
			}
			c.Row, c.Col = ri, ci
		}
	}
	header := tb.header
	if header == 0 {
		// no row marked as header: leading rows set in bold, if the
		// table has rows that are not
		for header < len(tb.bold) && tb.bold[header] {
			header++
		}
		if header == len(tb.rows) {
			header = 0
		}
	}
	return &letopis.Table{Rows: tb.rows, HeaderRows: min(header, len(tb.rows))}
}

// textCell types a cell's text: text or empty. Numbers are read by
// transform from the text, as in a CSV file.
func textCell(s string) letopis.Cell {
	s = strings.Join(strings.Fields(s), " ")
	if s == "" {
		return letopis.Cell{Kind: letopis.CellEmpty}
	}
	return letopis.Cell{Kind: letopis.CellText, Text: s}
}
