package letopis

import (
	"errors"
	"strconv"
	"strings"
)

// BBox is a rectangle on a page in PDF points, origin bottom left:
// X0 < X1, Y0 < Y1.
type BBox struct {
	X0, Y0, X1, Y1 float64
}

// Union returns the smallest box holding b and c; a zero box is ignored.
func (b BBox) Union(c BBox) BBox {
	if b == (BBox{}) {
		return c
	}
	if c == (BBox{}) {
		return b
	}
	return BBox{min(b.X0, c.X0), min(b.Y0, c.Y0), max(b.X1, c.X1), max(b.Y1, c.Y1)}
}

// Width returns X1-X0.
func (b BBox) Width() float64 { return b.X1 - b.X0 }

// Height returns Y1-Y0.
func (b BBox) Height() float64 { return b.Y1 - b.Y0 }

// Document is an extracted file: the pages of a PDF with their blocks in
// reading order, or the sheets of a workbook or CSV as tables. It is what
// every extractor returns and what transform reads.
type Document struct {
	Path   string  // the file's path as given
	Format string  // pdf, xlsx, xls, csv
	Title  string  // document metadata title, if any
	Pages  []Page  // PDFs
	Sheets []Table // spreadsheets and CSV: one table per sheet
}

// Page is one PDF page. Its size and every box on it are those of the page
// as it is read: turned by its /Rotate as a viewer shows it, and turned
// further when most of its text runs another way (a landscape page drawn
// sideways), so that most of its text reads left to right.
type Page struct {
	Number        int // 1-based
	Width, Height float64
	Blocks        []Block // in reading order
	OCR           bool    // read by OCR from the page's image (a scan)
	// Refused, if not "", says in one line why the page could not be read
	// (damaged content, a budget or deadline exceeded): the page has no
	// blocks, and the document holds the pages that could be read.
	Refused string `json:",omitempty"`
}

// RefusedPages returns the pages of d that could not be read (Page.Refused).
func (d *Document) RefusedPages() []Page {
	var out []Page
	for _, p := range d.Pages {
		if p.Refused != "" {
			out = append(out, p)
		}
	}
	return out
}

// BlockKind says what a block is.
type BlockKind string

// The block kinds.
const (
	BlockHeading   BlockKind = "heading"
	BlockParagraph BlockKind = "paragraph"
	BlockListItem  BlockKind = "list_item"
	BlockBox       BlockKind = "box" // a result box of a grid: its number apart, in Label
	BlockTable     BlockKind = "table"
	BlockFurniture BlockKind = "furniture" // page numbers, running headers and footers
)

// Block is a run of lines that a person reads as one unit: a heading, a
// paragraph, a list item, a result box, or a table.
type Block struct {
	Kind  BlockKind
	Level int    // heading level, 1 the largest; 0 otherwise
	Label string // a list item's bullet or number, a result box's large number
	Page  int
	BBox  BBox
	Lines []Line
	Table *Table // for BlockTable
	// OCRConfidence is, for a block of a page read by OCR, the mean
	// confidence (0..1) of its words as OCR read them; 0 otherwise.
	OCRConfidence float64
	// Rotation is, for text set turned on its page (a table printed
	// sideways, a note up the margin), how far it is turned from the
	// page's reading direction, counter-clockwise in degrees: 90 (reading
	// upwards), 180 or 270 (reading downwards); 0 for upright text. Its
	// lines and cells are read in their own direction; their boxes are on
	// the page.
	Rotation int `json:",omitempty"`
}

// Text returns the block's lines joined into one string, hyphenation
// already resolved by the extractor.
func (b *Block) Text() string {
	if b.Table != nil && len(b.Lines) == 0 {
		return b.Table.Text()
	}
	var sb strings.Builder
	for i, l := range b.Lines {
		if i > 0 {
			sb.WriteByte(' ')
		}
		sb.WriteString(l.Text)
	}
	return sb.String()
}

// Line is one line of text with its words.
type Line struct {
	Text  string
	BBox  BBox
	Size  float64 // dominant font size
	Bold  bool
	Words []Word
}

// Word is a run of glyphs with one font and size.
type Word struct {
	Text string
	BBox BBox
	Font string
	Size float64
	Bold bool
}

// CellKind is the type of a table cell's value.
type CellKind string

// The cell kinds.
const (
	CellEmpty  CellKind = "empty"
	CellText   CellKind = "text"
	CellNumber CellKind = "number"
	CellDate   CellKind = "date"
)

// Table is a grid of cells: a table of a PDF page, or a worksheet. Both go
// through the same table-to-facts path.
//
// A small table holds all its rows in Rows. A large worksheet is streamed:
// Rows holds its first rows (at least TableHeadRows, enough for its title
// rows and header) and More yields the others, read again from the file's
// bytes, so that the cells of a sheet of 100,000 rows never sit in memory
// all at once. Read a table with EachRow, which goes through both.
type Table struct {
	Sheet      string // worksheet name; "" for a PDF table
	Page       int    // 1-based PDF page; 0 for a sheet
	BBox       BBox
	Hidden     bool // a hidden sheet
	HeaderRows int  // how many leading rows the extractor knows to be header
	// Date1904 says that the workbook counts serial dates from 1 January
	// 1904 (a workbook made on an old Mac), not from 1900: a number read
	// as a date in a date column is a serial of this system.
	Date1904   bool `json:",omitempty"`
	Rows       [][]Cell
	HiddenRows map[int]bool // 0-based indexes of the hidden rows of Rows
	// RowPages is, for a PDF table that goes on over several pages (its
	// pieces joined into one, the header repeated on the next page
	// dropped), the 1-based page of each row of Rows; nil when every row
	// is on Page. A cell's BBox is on its row's page. See RowPage.
	RowPages []int `json:",omitempty"`

	// More, if not nil, yields the rows after Rows in order, the first
	// being row len(Rows): row is the row's cells (their Row, Col and Ref
	// set as in Rows; padded to at least the width of Rows), hidden whether
	// the row is hidden (streamed rows are not in HiddenRows). The row
	// slice is reused: it is valid only until yield returns, so copy what
	// you keep. More stops when yield returns false, and returns the first
	// error reading the rows (a *InputError naming the sheet and, where
	// known, the cell), having yielded the rows before it. Each call reads
	// the rows again from the start, at the cost of reading the sheet; it
	// may be called any number of times, not concurrently with itself.
	More func(yield func(row []Cell, hidden bool) bool) error `json:"-"`
}

// RowPage returns the 1-based PDF page that row i of Rows is on: Page,
// unless the table goes on over several pages (RowPages).
func (t *Table) RowPage(i int) int {
	if i >= 0 && i < len(t.RowPages) {
		return t.RowPages[i]
	}
	return t.Page
}

// TableHeadRows is the fewest rows a table with More holds in Rows: a
// header, and the title rows above it, are looked for in them.
const TableHeadRows = 64

// EachRow calls fn with every row of t in order, those of Rows and then
// those of More, with its 0-based index and whether it is hidden, until fn
// returns false. It returns More's error. As with More, row is valid only
// until fn returns.
func (t *Table) EachRow(fn func(i int, row []Cell, hidden bool) bool) error {
	for i, r := range t.Rows {
		if !fn(i, r, t.HiddenRows[i]) {
			return nil
		}
	}
	if t.More == nil {
		return nil
	}
	i := len(t.Rows)
	return t.More(func(r []Cell, hidden bool) bool {
		ok := fn(i, r, hidden)
		i++
		return ok
	})
}

// Cell is one table cell. Text is what a person sees; for numbers and dates
// Number and Date hold the typed value.
type Cell struct {
	Kind   CellKind
	Text   string
	Number float64 // CellNumber: the stored value (0.4032 for 40,32 %)
	Format string  // the number format, if any ("0.00%", "#,##0")
	Date   Date    // CellDate
	Ref    string  // A1 reference (sheets and CSV), "" for PDF cells
	Row    int     // 0-based
	Col    int     // 0-based
	Merged bool    // spread from a merged range whose value sits elsewhere
	BBox   BBox    // PDF cells
}

// Text returns the table as tab-separated rows: the rows of Rows only,
// not those of More (a streamed sheet is read with EachRow).
func (t *Table) Text() string {
	var sb strings.Builder
	for i, r := range t.Rows {
		if i > 0 {
			sb.WriteByte('\n')
		}
		for j, c := range r {
			if j > 0 {
				sb.WriteByte('\t')
			}
			sb.WriteString(c.Text)
		}
	}
	return sb.String()
}

// ColumnName returns the letters of the 0-based column col (0 → A, 26 → AA).
func ColumnName(col int) string { return string(appendColumn(nil, col)) }

// appendColumn appends the letters of the 0-based column col to b.
func appendColumn(b []byte, col int) []byte {
	if col < 0 {
		return b
	}
	var rev [8]byte
	n := 0
	for col >= 0 && n < len(rev) {
		rev[n] = byte('A' + col%26)
		n++
		col = col/26 - 1
	}
	for n > 0 {
		n--
		b = append(b, rev[n])
	}
	return b
}

// CellRef returns the A1 reference of the 0-based row and column.
func CellRef(row, col int) string {
	var b [16]byte
	out := appendColumn(b[:0], col)
	return string(strconv.AppendInt(out, int64(row)+1, 10))
}

// InputError is a problem with an input file: it names the file and, where
// known, the page, sheet and cell, or the line and column of a text file
// (CSV), in one line a user can act on. Page, Line and Column count from 1.
//
// Extractors and transform return an InputError without Path when they
// know where in the file the problem is; whoever reads the file names it
// once (InFile).
type InputError struct {
	Path   string
	Page   int
	Sheet  string
	Cell   string
	Line   int // the line of a text file (CSV) where the problem is
	Column int // the column on Line, in characters (as encoding/csv counts)
	Err    error
}

// Error formats "PATH: page 3: cause", "PATH: sheet S, cell B4: cause" or
// "PATH: sheet S: line 400, column 6: cause".
func (e *InputError) Error() string {
	var sb strings.Builder
	sb.WriteString(e.Path)
	if loc := (Location{Page: e.Page, Sheet: e.Sheet, Cell: e.Cell}).String(); loc != "" {
		sb.WriteString(": ")
		sb.WriteString(loc)
	}
	if e.Line > 0 {
		sb.WriteString(": line ")
		sb.WriteString(strconv.Itoa(e.Line))
		if e.Column > 0 {
			sb.WriteString(", column ")
			sb.WriteString(strconv.Itoa(e.Column))
		}
	}
	sb.WriteString(": ")
	msg := "error"
	if e.Err != nil {
		msg = e.Err.Error()
	}
	sb.WriteString(strings.Join(strings.Fields(msg), " ")) // one line, always
	return sb.String()
}

// InFile returns err naming the file path: the *InputError in err's chain
// gets path if it has none (and err is returned as it is); any other error
// is wrapped in an *InputError of path. A nil err stays nil.
func InFile(path string, err error) error {
	if err == nil {
		return nil
	}
	var ie *InputError
	if errors.As(err, &ie) {
		if ie.Path == "" {
			ie.Path = path
		}
		return err
	}
	return &InputError{Path: path, Err: err}
}

// Unwrap returns the cause.
func (e *InputError) Unwrap() error { return e.Err }

// Sentinel causes that callers test with errors.Is.
var (
	ErrUnknownFormat = errors.New("unknown format")
	ErrEncrypted     = errors.New("encrypted: a password is needed (use --password)")
	ErrNoText        = errors.New("no text layer (scanned image?)")
	ErrNoYear        = errors.New("report year not found; give it with --year")
)
