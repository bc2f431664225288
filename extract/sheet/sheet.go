// Package sheet extracts spreadsheets into letopis.Documents: workbooks in
// the Office Open XML format (.xlsx, read with excelize plus a streaming
// reader of the worksheet XML), legacy BIFF8 workbooks (.xls, read with
// xlsReader) and CSV exports (.csv, read with encoding/csv after detecting
// the encoding and the separator).
//
// Every worksheet becomes one letopis.Table of typed cells, one Cell per
// grid position (rows padded to the sheet's width), with its A1 reference:
//
//   - numbers are CellNumber with Number as stored and Format the number
//     format; Text is the value as a Slovene reader sees it ("40,32 %" for
//     0.4032 with the format "0.00%", "250.109,76" for "#,##0.00");
//   - date-formatted numbers are CellDate with Date set and Text "15. 2. 2021";
//   - text (also numbers stored as text, "22.830", "25 %") is CellText, left
//     as written for the Slovene readers of transform;
//   - an empty or blank cell is CellEmpty.
//
// A merged range has its top-left value copied into every cell of the range;
// the copies have Merged set. Hidden sheets are imported with Table.Hidden,
// hidden rows are listed in Table.HiddenRows.
//
// A worksheet of an .xlsx with more than letopis.TableHeadRows rows is
// streamed: its Table holds the first TableHeadRows rows, and Table.More
// reads the others again from the file's bytes, one at a time, so that the
// cells of a large sheet never sit in memory (see XLSX.Extract). A CSV
// file of more than TableHeadRows records is streamed the same way, its
// bytes parsed again by More (see CSV.Extract). Legacy .xls workbooks are
// read whole: xlsReader loads a workbook's every cell at once, and such
// files are small by nature.
//
// A CSV file becomes one table whose Sheet is the file's base name without
// the extension ("kazalniki-2020-cp1250"); its cells are CellText or
// CellEmpty, and Ref is the A1 reference of the record (row) and field
// (column), so row 5, field 3 is "C5".
//
// Importing the package registers the formats "xlsx", "xls" and "csv" with
// package extract.
package sheet

import (
	"bytes"
	"errors"
	"math"
	"strings"
	"sync"
	"time"

	"github.com/letopis/letopis"
	"github.com/letopis/letopis/extract"
	"github.com/letopis/letopis/internal/slfmt"
)

// Limits bound the work done on any input.
const (
	// MaxUnzipSize is the most bytes an .xlsx may inflate to in all; a zip
	// bomb is refused before it is inflated.
	MaxUnzipSize = 1 << 30
	// MaxUnzipXMLSize is the size above which excelize keeps a worksheet's
	// XML in a temporary file instead of memory.
	MaxUnzipXMLSize = 16 << 20
	// MaxCells is the most cells (padding and merged copies included) one
	// workbook or CSV file may produce; a file may also produce at most
	// CellsPerByte cells per byte of its size (plus 100 000), so that a few
	// bytes naming a far-away cell cannot make millions of empty ones.
	MaxCells     = 10_000_000
	CellsPerByte = 16
	// MaxSharedStrings is the most bytes of text the shared strings of an
	// .xlsx may hold; a file may also hold at most SharedStringsPerByte
	// bytes of it per byte of its size (plus 1 MiB), and no more strings
	// than its cell budget. MaxSharedStringsXML is the most the table's XML
	// may inflate to; past it the table is refused before it is read.
	MaxSharedStrings     = 64 << 20
	SharedStringsPerByte = 32
	MaxSharedStringsXML  = 256 << 20
	// MaxStylesSize is the most the parts excelize reads for the cell
	// styles (workbook, relationships, styles, theme) may inflate to.
	MaxStylesSize = 64 << 20
)

var (
	zipMagic = []byte("PK\x03\x04")
	oleMagic = []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")
)

func init() {
	extract.Register(extract.Format{
		Name:       "xlsx",
		Extensions: []string{".xlsx"},
		Sniff: func(head []byte) bool {
			// An encrypted .xlsx is an OLE2 file: let Extract say so.
			return bytes.HasPrefix(head, zipMagic) || bytes.HasPrefix(head, oleMagic)
		},
		Extractor: XLSX{},
	})
	extract.Register(extract.Format{
		Name:       "xls",
		Extensions: []string{".xls"},
		Sniff:      func(head []byte) bool { return bytes.HasPrefix(head, oleMagic[:4]) },
		Extractor:  XLS{},
	})
	extract.Register(extract.Format{
		Name:       "csv",
		Extensions: []string{".csv"},
		Sniff:      sniffText,
		Extractor:  CSV{},
	})
}

// sniffText reports whether head looks like text: no NUL bytes and no
// binary container magic.
func sniffText(head []byte) bool {
	if bytes.HasPrefix(head, zipMagic) || bytes.HasPrefix(head, oleMagic[:4]) || bytes.HasPrefix(head, []byte("%PDF-")) {
		return false
	}
	return bytes.IndexByte(head, 0) < 0
}

// ErrTooLarge is the cause when a sheet would produce more cells than its
// file's size allows (see MaxCells).
var ErrTooLarge = errors.New("too many cells for the size of the file (a cell far away from the others, or a huge merged range?)")

// sheetErr returns err as an InputError naming the sheet: the one in
// err's chain gets the sheet if it names none.
func sheetErr(sheet string, err error) error {
	var ie *letopis.InputError
	if errors.As(err, &ie) {
		if ie.Sheet == "" && ie.Page == 0 {
			ie.Sheet = sheet
		}
		return err
	}
	return &letopis.InputError{Sheet: sheet, Err: err}
}

// budget counts the cells produced, to refuse a sheet that would blow up.
// The rows a sheet streams (Table.More) count too, after the extraction:
// a sheet counts the most cells any one reading of its rows made, so that
// reading a sheet again costs nothing more.
type budget struct {
	n, limit int

	mu       sync.Mutex
	streamed map[int]int // a sheet's index → the most cells streamed
	total    int         // the sum of streamed
}

func newBudget(size int) *budget {
	return &budget{limit: min(MaxCells, 100_000+CellsPerByte*size)}
}

func (b *budget) take(n int) error {
	b.n += n
	if b.n > b.limit {
		return ErrTooLarge
	}
	return nil
}

// stream records that one reading of the streamed rows of sheet has made
// n cells so far.
func (b *budget) stream(sheet, n int) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	if n > b.streamed[sheet] {
		if b.streamed == nil {
			b.streamed = map[int]int{}
		}
		b.total += n - b.streamed[sheet]
		b.streamed[sheet] = n
	}
	if b.n+b.total > b.limit {
		return ErrTooLarge
	}
	return nil
}

// grid collects the cells of one sheet.
type grid struct {
	t      letopis.Table
	width  int
	budget *budget
}

func newGrid(name string, hidden bool, b *budget) *grid {
	return &grid{t: letopis.Table{Sheet: name, Hidden: hidden}, budget: b}
}

// set stores c at its Row and Col, growing the grid as needed.
func (g *grid) set(c letopis.Cell) error {
	if err := g.ensure(c.Row, c.Col); err != nil {
		return err
	}
	g.t.Rows[c.Row][c.Col] = c
	return nil
}

// ensure makes row r exist with at least col+1 cells.
func (g *grid) ensure(r, col int) error {
	for len(g.t.Rows) <= r {
		g.t.Rows = append(g.t.Rows, nil)
	}
	row := g.t.Rows[r]
	if len(row) > col {
		return nil
	}
	if err := g.budget.take(col + 1 - len(row)); err != nil {
		return err
	}
	for len(row) <= col {
		row = append(row, letopis.Cell{})
	}
	g.t.Rows[r] = row
	if col+1 > g.width {
		g.width = col + 1
	}
	return nil
}

func (g *grid) hideRow(r int) {
	if g.t.HiddenRows == nil {
		g.t.HiddenRows = map[int]bool{}
	}
	g.t.HiddenRows[r] = true
}

// mergeRange is a merged range, 0-based and inclusive.
type mergeRange struct{ r0, c0, r1, c1 int }

func (m mergeRange) valid() bool { return m.r0 >= 0 && m.c0 >= 0 && m.r1 >= m.r0 && m.c1 >= m.c0 }

// finish spreads the merged ranges, pads every row to the sheet's width
// with empty cells and fills in the references of all cells.
func (g *grid) finish(merges []mergeRange) (letopis.Table, error) {
	t, _, err := g.finishHead(merges, math.MaxInt)
	return t, err
}

// finishHead is finish for the first rows of a streamed sheet: rows from
// limit on are not made, though every range widens the sheet. It returns
// the value each range spreads (its top-left cell) for the ranges that
// start above limit, by the ranges' index.
func (g *grid) finishHead(merges []mergeRange, limit int) (letopis.Table, []letopis.Cell, error) {
	tops := make([]letopis.Cell, len(merges))
	for i, m := range merges {
		if !m.valid() {
			continue
		}
		if m.r0 >= limit {
			g.width = max(g.width, m.c1+1)
			continue
		}
		if err := g.ensure(m.r0, m.c0); err != nil {
			return letopis.Table{}, nil, err
		}
		top := g.t.Rows[m.r0][m.c0]
		tops[i] = top
		for r := m.r0; r <= min(m.r1, limit-1); r++ {
			if err := g.ensure(r, m.c1); err != nil {
				return letopis.Table{}, nil, err
			}
			spread(g.t.Rows[r], r, m, top)
		}
	}
	for r := range g.t.Rows {
		if len(g.t.Rows[r]) < g.width {
			if err := g.ensure(r, g.width-1); err != nil {
				return letopis.Table{}, nil, err
			}
		}
		fillRefs(g.t.Rows[r], r)
	}
	return g.t, tops, nil
}

// spread copies top, the value of the merged range m, into the cells of m
// in row r (which is wide enough), but for m's top-left cell itself.
func spread(row []letopis.Cell, r int, m mergeRange, top letopis.Cell) {
	for c := m.c0; c <= m.c1; c++ {
		if r == m.r0 && c == m.c0 {
			continue
		}
		cp := top
		cp.Merged = true
		cp.Row, cp.Col, cp.Ref = r, c, ""
		row[c] = cp
	}
}

// fillRefs makes the unset cells of row r empty and sets every cell's
// position and missing reference.
func fillRefs(row []letopis.Cell, r int) {
	for c := range row {
		cell := &row[c]
		if cell.Kind == "" {
			cell.Kind = letopis.CellEmpty
		}
		cell.Row, cell.Col = r, c
		if cell.Ref == "" {
			cell.Ref = letopis.CellRef(r, c)
		}
	}
}

// builtinFormats are the number formats that workbooks refer to by id only.
var builtinFormats = map[int]string{
	0: "", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00",
	5: `"$"#,##0_);("$"#,##0)`, 6: `"$"#,##0_);[Red]("$"#,##0)`,
	7: `"$"#,##0.00_);("$"#,##0.00)`, 8: `"$"#,##0.00_);[Red]("$"#,##0.00)`,
	9: "0%", 10: "0.00%", 11: "0.00E+00", 12: "# ?/?", 13: "# ??/??",
	14: "m/d/yyyy", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy",
	18: "h:mm AM/PM", 19: "h:mm:ss AM/PM", 20: "h:mm", 21: "h:mm:ss", 22: "m/d/yyyy h:mm",
	37: "#,##0_);(#,##0)", 38: "#,##0_);[Red](#,##0)", 39: "#,##0.00_);(#,##0.00)",
	40: "#,##0.00_);[Red](#,##0.00)", 45: "mm:ss", 46: "[h]:mm:ss", 47: "mm:ss.0",
	48: "##0.0E+0", 49: "@",
}

// builtinDate reports whether a built-in format id is a date format
// (including the localised ids 27–36 and 50–58 of East Asian versions).
func builtinDate(id int) bool {
	return (id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 36) || (id >= 50 && id <= 58)
}

// parseFormat reads a cell's number format: its code, else the built-in
// format of its id (-1 if unknown). A built-in date id is a date format
// whatever its code.
func parseFormat(id int, code string) slfmt.Format {
	if code == "" && id >= 0 {
		code = builtinFormats[id]
	}
	f := slfmt.ParseFormat(code)
	if id >= 0 && builtinDate(id) {
		return slfmt.Format{Code: f.Code, Date: true, Decimals: -1}
	}
	return f
}

// numberCell returns the cell of the number v under the format f: a date
// cell (Text "15. 2. 2021") when f is a date format and v a serial date of
// the workbook's date system, else a number cell with v as a Slovene
// reader sees it ("40,32 %").
func numberCell(v float64, f slfmt.Format, date1904 bool) letopis.Cell {
	if f.Date {
		if d, err := slfmt.SerialDate(v, date1904); err == nil {
			return letopis.Cell{Kind: letopis.CellDate, Text: slfmt.Date(d), Number: v, Format: f.Code, Date: d}
		}
	}
	return letopis.Cell{Kind: letopis.CellNumber, Text: slfmt.ShowNumber(v, f), Number: v, Format: f.Code}
}

// textCell returns a text cell, or an empty one for blank text.
func textCell(s string) letopis.Cell {
	if strings.TrimSpace(s) == "" {
		return letopis.Cell{Kind: letopis.CellEmpty}
	}
	return letopis.Cell{Kind: letopis.CellText, Text: s}
}

func timeMonth(m int) time.Month { return time.Month(m) }
