package sheet

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unsafe"

	"github.com/letopis/letopis"
	"github.com/letopis/letopis/extract"
	"github.com/letopis/letopis/internal/slfmt"
	"github.com/xuri/excelize/v2"
)

// XLSX extracts Office Open XML workbooks.
//
// A zip that would inflate past MaxUnzipSize is refused before any part is
// inflated. The workbook part and its relationships give the sheet list and
// visibility; excelize, given only the parts it needs for that, gives the
// cell styles (see openStyles). The shared strings and the worksheet XML
// are read with streaming decoders straight from the zip entries, within
// budgets (MaxSharedStrings, MaxCells): excelize's row iterator gives
// neither the cell type nor the style of a cell, its per-cell
// GetCellType/GetCellStyle load the whole worksheet into memory, and it
// would hold the shared strings whole.
type XLSX struct{}

// ErrPasswordWorkbook is the cause for an OLE2 file given as .xlsx: an
// encrypted (password-protected) workbook, or a legacy .xls renamed.
var ErrPasswordWorkbook = errors.New("password-protected workbook (or a legacy .xls saved as .xlsx): remove the password or save it again as .xlsx")

// Extract implements extract.Extractor.
//
// A worksheet of more than opts.Head() rows (letopis.TableHeadRows unless
// opts.HeadRows says otherwise) is streamed: its Table holds its first
// rows, and its More reads the worksheet XML again from data for the
// others (see letopis.Table). Its merged ranges, which the
// XML lists after the rows, are read first by a scan for the end of the
// rows, so that a range spreads over streamed rows as over the others.
// The rows of More are padded to the width of the rows before them (at
// least that of Rows and of the merged ranges), not to the width of the
// whole sheet, which is known only at its end. Errors in the streamed rows
// (a bad cell, too many cells for the file's size) are returned by More.
// A cell that cannot be read is a *letopis.InputError naming the sheet and
// the cell.
func (XLSX) Extract(ctx context.Context, path string, data []byte, opts extract.Options) (*letopis.Document, error) {
	doc := &letopis.Document{Format: "xlsx"}
	head := opts.Head()
	err := walkXLSX(ctx, data, func(s xlsxSheet) error {
		t, err := s.table(ctx, head)
		if err != nil {
			return err
		}
		t.Date1904 = s.date1904
		doc.Sheets = append(doc.Sheets, t)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return doc, nil
}

// errStop ends a reading of rows early.
var errStop = errors.New("stop")

// table reads a worksheet: whole when it has no row past headRows, else its
// first headRows rows, with More for the others.
func (s xlsxSheet) table(ctx context.Context, headRows int) (letopis.Table, error) {
	g := newGrid(s.name, s.hidden, s.budget)
	long := false
	merges, err := s.rows(func(r int, hidden bool, cells []letopis.Cell) error {
		if r >= headRows {
			long = true
			return errStop
		}
		if hidden {
			g.hideRow(r)
		}
		for _, c := range cells {
			if err := g.set(c); err != nil {
				return err
			}
		}
		return nil
	})
	if !long {
		if err != nil {
			return letopis.Table{}, err
		}
		return g.finish(merges)
	}
	if merges, err = s.merges(); err != nil {
		return letopis.Table{}, err
	}
	if err := g.ensure(headRows-1, 0); err != nil {
		return letopis.Table{}, err
	}
	t, tops, err := g.finishHead(merges, headRows)
	if err != nil {
		return letopis.Table{}, err
	}
	*s.streamed = true
	t.More = s.more(ctx, len(t.Rows), g.width, merges, tops)
	return t, nil
}

// more returns the Table.More of a sheet whose rows from start on are
// streamed; width is the width of the rows before, tops the values of the
// merged ranges that start before start.
func (s xlsxSheet) more(ctx context.Context, start, width int, merges []mergeRange, tops []letopis.Cell) func(func([]letopis.Cell, bool) bool) error {
	// The ranges that reach the streamed rows, by their first row; the
	// last row a range makes.
	var order []int
	last := start - 1
	for i, m := range merges {
		if m.valid() && m.r1 >= start {
			order = append(order, i)
			last = max(last, m.r1)
		}
	}
	sort.SliceStable(order, func(a, b int) bool { return merges[order[a]].r0 < merges[order[b]].r0 })
	return func(yield func([]letopis.Cell, bool) bool) error {
		tops := slices.Clone(tops)
		var (
			active []int // the ranges over row r, in the order of merges
			next   int   // the next range of order to become active
			row    []letopis.Cell
			w      = width
			r      = start // the next row to yield
			n      int     // cells made
		)
		// emit yields row r made of cells.
		emit := func(hidden bool, cells []letopis.Cell) (bool, error) {
			for ; next < len(order) && merges[order[next]].r0 <= r; next++ {
				i := order[next]
				at, _ := slices.BinarySearch(active, i)
				active = slices.Insert(active, at, i)
			}
			active = slices.DeleteFunc(active, func(i int) bool { return merges[i].r1 < r })
			for _, c := range cells {
				w = max(w, c.Col+1)
			}
			for _, i := range active {
				w = max(w, merges[i].c1+1)
			}
			n += w
			if err := s.budget.stream(s.index, n); err != nil {
				return false, err
			}
			row = slices.Grow(row[:0], w)[:w]
			clear(row)
			for _, c := range cells {
				row[c.Col] = c
			}
			for _, i := range active {
				m := merges[i]
				if r == m.r0 {
					tops[i] = row[m.c0]
				}
				spread(row, r, m, tops[i])
			}
			fillRefs(row, r)
			r++
			if r%4096 == 0 {
				if err := ctx.Err(); err != nil {
					return false, err
				}
			}
			return yield(row, hidden), nil
		}
		_, err := s.rows(func(rr int, hidden bool, cells []letopis.Cell) error {
			if rr < start {
				return nil
			}
			for r <= rr {
				var ok bool
				var err error
				if r < rr {
					ok, err = emit(false, nil)
				} else {
					ok, err = emit(hidden, cells)
				}
				if err != nil {
					return err
				}
				if !ok {
					return errStop
				}
			}
			return nil
		})
		for err == nil && r <= last { // rows that only merged ranges make
			var ok bool
			if ok, err = emit(false, nil); !ok && err == nil {
				return nil
			}
		}
		if errors.Is(err, errStop) {
			return nil
		}
		if err != nil {
			return sheetErr(s.name, err)
		}
		return nil
	}
}

// xlsxSheet is one worksheet being read.
type xlsxSheet struct {
	name     string
	hidden   bool
	date1904 bool // the workbook's date system
	index    int  // in the workbook's worksheets
	budget   *budget
	streamed *bool // set when the sheet is streamed: its More outlives the extraction
	// rows reads the worksheet's rows, returning its merged ranges.
	rows func(fn func(r int, hidden bool, cells []letopis.Cell) error) ([]mergeRange, error)
	// merges reads the merged ranges only.
	merges func() ([]mergeRange, error)
}

// walkXLSX opens the workbook and calls fn for each worksheet in order.
// The cells slice passed to a row callback is reused between rows.
func walkXLSX(ctx context.Context, data []byte, fn func(xlsxSheet) error) error {
	if bytes.HasPrefix(data, oleMagic) {
		return ErrPasswordWorkbook
	}
	if !bytes.HasPrefix(data, zipMagic) {
		return fmt.Errorf("not an .xlsx workbook (no zip header)")
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return xlsxOpenErr(err)
	}
	var inflated uint64
	parts := map[string]*zip.File{}
	for _, zf := range zr.File {
		inflated += zf.UncompressedSize64
		parts[strings.ToLower(strings.TrimPrefix(strings.ReplaceAll(zf.Name, `\`, "/"), "/"))] = zf
	}
	if inflated > MaxUnzipSize {
		return fmt.Errorf("refused: the workbook would inflate past %d MiB (zip bomb?)", MaxUnzipSize>>20)
	}
	wb, err := readWorkbook(parts)
	if err != nil {
		return err
	}
	if len(wb.sheets) == 0 {
		return fmt.Errorf("workbook has no worksheets")
	}
	f, err := openStyles(zr, wb)
	if err != nil {
		return err
	}
	defer f.Close()
	b := newBudget(len(data))
	sst, err := readSharedStrings(ctx, parts[wb.sharedStrings], len(data), b.limit)
	if err != nil {
		return fmt.Errorf("shared strings: %w", err)
	}
	styles := &styleCache{f: f, byID: map[int]slfmt.Format{}}
	streamed := false
	for i, s := range wb.sheets {
		if err := ctx.Err(); err != nil {
			return err
		}
		zf := parts[s.part]
		if zf == nil {
			return sheetErr(s.name, fmt.Errorf("worksheet part %s is missing", s.part))
		}
		sh := xlsxSheet{name: s.name, hidden: s.hidden, date1904: wb.date1904, index: i, budget: b, streamed: &streamed}
		sh.rows = func(fn func(int, bool, []letopis.Cell) error) ([]mergeRange, error) {
			rc, err := zf.Open()
			if err != nil {
				return nil, err
			}
			defer rc.Close()
			sr := &sheetReader{sst: sst, styles: styles, date1904: wb.date1904}
			return sr.read(ctx, rc, fn)
		}
		sh.merges = func() ([]mergeRange, error) {
			rc, err := zf.Open()
			if err != nil {
				return nil, err
			}
			defer rc.Close()
			return scanMerges(rc)
		}
		if err := fn(sh); err != nil {
			return sheetErr(s.name, err)
		}
	}
	if streamed {
		styles.detach()
	}
	return nil
}

// scanMerges reads the merged ranges of a worksheet without decoding its
// rows: it looks for the end tag of sheetData (`</sheetData>`, with or
// without a namespace prefix: since '<' stands in no text or attribute
// value, only markup holds `</`) and decodes what follows it.
func scanMerges(r io.Reader) ([]mergeRange, error) {
	const keep = 64 // longer than `</prefix:sheetData>`
	buf := make([]byte, 0, 64<<10+keep)
	for {
		n, err := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if i := sheetDataEnd(buf); i >= 0 {
			return decodeMerges(io.MultiReader(bytes.NewReader(buf[i:]), r))
		}
		if err == io.EOF {
			return nil, nil // no end of the rows: reading them says what is wrong
		}
		if err != nil {
			return nil, fmt.Errorf("worksheet XML: %v", err)
		}
		if len(buf) > keep {
			buf = buf[:copy(buf, buf[len(buf)-keep:])]
		}
	}
}

// sheetDataEnd returns the offset after the end tag of sheetData in b, or -1.
func sheetDataEnd(b []byte) int {
	const tag = "sheetData>"
	for off := 0; ; {
		j := bytes.Index(b[off:], []byte(tag))
		if j < 0 {
			return -1
		}
		j += off
		k := j
		if k > 0 && b[k-1] == ':' { // a prefix
			k--
			for k > 0 && isNameByte(b[k-1]) {
				k--
			}
		}
		if k >= 2 && b[k-2] == '<' && b[k-1] == '/' {
			return j + len(tag)
		}
		off = j + len(tag)
	}
}

func isNameByte(c byte) bool {
	return c == '_' || c == '-' || c == '.' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// decodeMerges reads the mergeCell elements of the rest of a worksheet.
func decodeMerges(r io.Reader) ([]mergeRange, error) {
	d := xml.NewDecoder(r)
	var merges []mergeRange
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			return merges, nil
		}
		if err != nil {
			return nil, fmt.Errorf("worksheet XML: %v", err)
		}
		if t, ok := tok.(xml.StartElement); ok && t.Name.Local == "mergeCell" {
			for _, a := range t.Attr {
				if a.Name.Local == "ref" {
					if m, ok := parseRange(a.Value); ok {
						merges = append(merges, m)
					}
				}
			}
		}
	}
}

// xlsxOpenErr words an error of excelize or archive/zip for a user.
func xlsxOpenErr(err error) error {
	msg := err.Error()
	switch {
	case errors.Is(err, excelize.ErrWorkbookFileFormat):
		return ErrPasswordWorkbook
	case strings.Contains(msg, "unzip size exceeds"):
		return fmt.Errorf("refused: the workbook would inflate past %d MiB (zip bomb?)", MaxUnzipSize>>20)
	case errors.Is(err, zip.ErrFormat), errors.Is(err, io.ErrUnexpectedEOF), strings.Contains(msg, "zip:"):
		return fmt.Errorf("damaged or truncated .xlsx workbook: %v", err)
	}
	return fmt.Errorf("cannot open .xlsx workbook: %v", err)
}

// styleCache maps a cell style id to its number format.
type styleCache struct {
	f    *excelize.File // nil once detached
	byID map[int]slfmt.Format
}

func (c *styleCache) get(id int) slfmt.Format {
	if f, ok := c.byID[id]; ok || c.f == nil {
		if !ok {
			return slfmt.Format{Decimals: -1}
		}
		return f
	}
	f := slfmt.Format{Decimals: -1}
	if st, err := c.f.GetStyle(id); err == nil && st != nil {
		code := ""
		if st.CustomNumFmt != nil {
			code = *st.CustomNumFmt
		}
		fid := st.NumFmt
		if code != "" {
			fid = -1
		}
		f = parseFormat(fid, code)
	}
	c.byID[id] = f
	return f
}

// detach reads every cell style of the workbook and lets go of the
// excelize File, which holds the workbook's parts, for the Table.More of
// streamed sheets; then get only reads, and so may be called from several
// goroutines. The ids stop at the first that excelize refuses (past the
// last style).
func (c *styleCache) detach() {
	for id := 0; id < 1<<16; id++ {
		if _, err := c.f.GetStyle(id); err != nil {
			break
		}
		c.get(id)
	}
	c.f = nil
}

type wbSheet struct {
	name   string
	hidden bool
	part   string // lower-case zip path
}

type workbookInfo struct {
	path          string // lower-case zip path of the workbook part
	sheets        []wbSheet
	date1904      bool
	sharedStrings string
}

type xRels struct {
	Rels []struct {
		ID     string `xml:"Id,attr"`
		Type   string `xml:"Type,attr"`
		Target string `xml:"Target,attr"`
	} `xml:"Relationship"`
}

// readWorkbook reads the workbook part and its relationships.
func readWorkbook(parts map[string]*zip.File) (workbookInfo, error) {
	var info workbookInfo
	wbPath := "xl/workbook.xml"
	var root xRels
	if err := readXMLPart(parts["_rels/.rels"], &root); err == nil {
		for _, r := range root.Rels {
			if strings.HasSuffix(r.Type, "/officeDocument") {
				wbPath = resolvePart("", r.Target)
			}
		}
	}
	var wb struct {
		Pr struct {
			Date1904 string `xml:"date1904,attr"`
		} `xml:"workbookPr"`
		Sheets []struct {
			Name  string `xml:"name,attr"`
			State string `xml:"state,attr"`
			RID   string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	if err := readXMLPart(parts[wbPath], &wb); err != nil {
		return info, fmt.Errorf("workbook part: %w", err)
	}
	info.path = wbPath
	info.date1904 = wb.Pr.Date1904 == "1" || wb.Pr.Date1904 == "true"
	dir := path.Dir(wbPath)
	var rels xRels
	if err := readXMLPart(parts[dir+"/_rels/"+path.Base(wbPath)+".rels"], &rels); err != nil {
		return info, fmt.Errorf("workbook relationships: %w", err)
	}
	targets := map[string]string{}
	for _, r := range rels.Rels {
		targets[r.ID] = resolvePart(dir, r.Target)
		if strings.HasSuffix(r.Type, "/sharedStrings") {
			info.sharedStrings = resolvePart(dir, r.Target)
		}
	}
	if info.sharedStrings == "" {
		info.sharedStrings = "xl/sharedstrings.xml"
	}
	for _, s := range wb.Sheets {
		t, ok := targets[s.RID]
		if !ok || !strings.Contains(t, "worksheets/") {
			continue // chart sheets and dialogs have no cells
		}
		info.sheets = append(info.sheets, wbSheet{name: s.Name, hidden: s.State == "hidden" || s.State == "veryHidden", part: t})
	}
	return info, nil
}

// resolvePart returns the lower-case zip path of a relationship target.
func resolvePart(dir, target string) string {
	target = strings.ReplaceAll(target, `\`, "/")
	if strings.HasPrefix(target, "/") {
		return strings.ToLower(strings.TrimPrefix(path.Clean(target), "/"))
	}
	return strings.ToLower(strings.TrimPrefix(path.Clean(path.Join(dir, target)), "/"))
}

// maxXMLPart is the largest workbook or relationships part read: such a
// part lists a few sheets.
const maxXMLPart = 16 << 20

func readXMLPart(zf *zip.File, v any) error {
	if zf == nil {
		return fmt.Errorf("missing")
	}
	if zf.UncompressedSize64 > maxXMLPart {
		return fmt.Errorf("%s inflates to %d MiB, more than the %d MiB such a part may have", zf.Name, zf.UncompressedSize64>>20, maxXMLPart>>20)
	}
	rc, err := zf.Open()
	if err != nil {
		return err
	}
	defer rc.Close()
	return xml.NewDecoder(rc).Decode(v)
}

// openStyles opens with excelize, for the cell styles, a copy of the
// workbook of only the parts that excelize reads for them (content types,
// relationships, workbook, styles, theme), copied without inflating them:
// excelize reads every part it is given into memory (a large shared
// strings table or worksheet into a temporary file), and the worksheets
// and shared strings are streamed here instead. The parts it reads may
// inflate to MaxStylesSize in all.
func openStyles(zr *zip.Reader, wb workbookInfo) (*excelize.File, error) {
	keep := map[string]bool{
		"[content_types].xml": true, "_rels/.rels": true, "xl/styles.xml": true,
		wb.path: true, path.Dir(wb.path) + "/_rels/" + path.Base(wb.path) + ".rels": true,
	}
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for _, zf := range zr.File {
		name := strings.ToLower(strings.TrimPrefix(strings.ReplaceAll(zf.Name, `\`, "/"), "/"))
		if !keep[name] && !strings.HasPrefix(name, "xl/theme/") {
			continue
		}
		if err := zw.Copy(zf); err != nil {
			return nil, xlsxOpenErr(err)
		}
	}
	if err := zw.Close(); err != nil {
		return nil, xlsxOpenErr(err)
	}
	f, err := excelize.OpenReader(&b, excelize.Options{
		UnzipSizeLimit:    MaxStylesSize,
		UnzipXMLSizeLimit: MaxStylesSize,
	})
	if err != nil {
		if strings.Contains(err.Error(), "unzip size exceeds") {
			return nil, fmt.Errorf("refused: the workbook's styles and settings would inflate past %d MiB (zip bomb?)", MaxStylesSize>>20)
		}
		return nil, xlsxOpenErr(err)
	}
	return f, nil
}

// sharedStrings is the shared-string table of a workbook: the text of
// every string in one buffer, so that a string costs its bytes and four
// more.
type sharedStrings struct {
	text []byte
	ends []uint32 // the end of string i in text
}

func (s *sharedStrings) len() int { return len(s.ends) }

// at returns string i. The strings share the buffer, which is never
// changed once read, so they are made without copying it.
func (s *sharedStrings) at(i int) string {
	start := uint32(0)
	if i > 0 {
		start = s.ends[i-1]
	}
	if start == s.ends[i] {
		return ""
	}
	return unsafe.String(&s.text[start], int(s.ends[i]-start))
}

// sharedTextBudget is the most bytes of shared-string text a workbook of
// size bytes may hold.
func sharedTextBudget(size int) int {
	return min(MaxSharedStrings, 1<<20+SharedStringsPerByte*size)
}

// readSharedStrings reads the shared string table with a streaming
// decoder, refusing a table whose XML would inflate past
// MaxSharedStringsXML or whose text passes the budget of a file of size
// bytes (see MaxSharedStrings), or that has more than maxStrings strings
// (the file's cell budget): a table of hundreds of megabytes in a file of
// a few is a bomb, refused before it costs more than its budget.
func readSharedStrings(ctx context.Context, zf *zip.File, size, maxStrings int) (*sharedStrings, error) {
	sst := &sharedStrings{}
	if zf == nil {
		return sst, nil
	}
	if zf.UncompressedSize64 > MaxSharedStringsXML {
		return nil, fmt.Errorf("the table inflates to %d MiB, more than the %d MiB letopis reads (a shared-strings bomb?)", zf.UncompressedSize64>>20, MaxSharedStringsXML>>20)
	}
	budget := sharedTextBudget(size)
	rc, err := zf.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	d := xml.NewDecoder(rc)
	inSI, inT, skip := false, false, 0
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			return sst, nil
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "si":
				inSI = true
			case "t":
				inT = inSI && skip == 0
			case "rPh", "phoneticPr":
				skip++
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "si":
				if inSI {
					if len(sst.ends) >= maxStrings {
						return nil, fmt.Errorf("more than %d strings, the most cells a file of %s may have (a shared-strings bomb?)", maxStrings, sizeText(size))
					}
					sst.ends = append(sst.ends, uint32(len(sst.text)))
					if len(sst.ends)%4096 == 0 {
						if err := ctx.Err(); err != nil {
							return nil, err
						}
					}
				}
				inSI = false
			case "t":
				inT = false
			case "rPh", "phoneticPr":
				skip--
			}
		case xml.CharData:
			if inT {
				if len(sst.text)+len(t) > budget {
					return nil, fmt.Errorf("more than %d MiB of text, the most a file of %s may hold (a shared-strings bomb?)", budget>>20, sizeText(size))
				}
				sst.text = append(sst.text, t...)
			}
		}
	}
}

// sizeText writes a file size for a message: "512 KB", "6 MB".
func sizeText(n int) string {
	if n < 1<<20 {
		return fmt.Sprintf("%d KB", (n+1023)>>10)
	}
	return fmt.Sprintf("%d MB", (n+1<<19)>>20)
}

// sheetReader streams the cells of one worksheet.
type sheetReader struct {
	sst      *sharedStrings
	styles   *styleCache
	date1904 bool
}

// read decodes the worksheet XML from r, calling fn once per row element
// with the row's cells (a slice reused between calls), and returns the
// merged ranges listed after the cells.
func (s *sheetReader) read(ctx context.Context, r io.Reader, fn func(int, bool, []letopis.Cell) error) ([]mergeRange, error) {
	d := xml.NewDecoder(r)
	var (
		merges  []mergeRange
		cells   []letopis.Cell
		row     = -1
		hidden  bool
		inRow   bool
		col     = -1
		cur     cellXML
		inCell  bool
		text    strings.Builder
		capture bool // collecting <v> or <is><t> text
		inIS    bool
		skip    int
		nrows   int
		depth   int
	)
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			if depth != 0 {
				return nil, fmt.Errorf("worksheet XML ends early (truncated?)")
			}
			return merges, nil
		}
		if err != nil {
			return nil, fmt.Errorf("worksheet XML: %v", err)
		}
		switch tok.(type) {
		case xml.StartElement:
			depth++
		case xml.EndElement:
			depth--
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "row":
				nrows++
				if nrows%4096 == 0 {
					if err := ctx.Err(); err != nil {
						return nil, err
					}
				}
				inRow, hidden, cells = true, false, cells[:0]
				next := row + 1
				for _, a := range t.Attr {
					switch a.Name.Local {
					case "r":
						n, err := strconv.Atoi(a.Value)
						if err != nil || n < 1 || n > excelize.TotalRows {
							return nil, fmt.Errorf("row %q: bad row number", a.Value)
						}
						next = n - 1
					case "hidden":
						hidden = a.Value == "1" || a.Value == "true"
					}
				}
				if next <= row {
					return nil, fmt.Errorf("row %d: rows out of order", next+1)
				}
				row, col = next, -1
			case "c":
				if !inRow {
					continue
				}
				inCell, cur = true, cellXML{style: -1}
				col++
				for _, a := range t.Attr {
					switch a.Name.Local {
					case "r":
						c, r, err := excelize.CellNameToCoordinates(a.Value)
						if err != nil {
							return nil, fmt.Errorf("cell %q: bad reference", a.Value)
						}
						if r-1 != row {
							return nil, fmt.Errorf("cell %s outside its row %d", a.Value, row+1)
						}
						col = c - 1
						cur.ref = a.Value
					case "t":
						cur.typ = a.Value
					case "s":
						if n, err := strconv.Atoi(a.Value); err == nil {
							cur.style = n
						}
					}
				}
			case "v":
				if inCell {
					capture = true
					text.Reset()
				}
			case "is":
				if inCell {
					inIS = true
					text.Reset()
				}
			case "t":
				capture = inIS && skip == 0
			case "rPh":
				skip++
			case "mergeCell":
				for _, a := range t.Attr {
					if a.Name.Local == "ref" {
						if m, ok := parseRange(a.Value); ok {
							merges = append(merges, m)
						}
					}
				}
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "v":
				capture = false
				cur.value, cur.hasValue = text.String(), true
			case "t":
				if inIS {
					capture = false
				}
			case "is":
				inIS = false
				cur.value, cur.hasValue = text.String(), true
			case "rPh":
				skip--
			case "c":
				if !inCell {
					continue
				}
				inCell = false
				c, err := s.cell(&cur)
				if err != nil {
					return nil, &letopis.InputError{Cell: letopis.CellRef(row, col), Err: err}
				}
				if c.Kind == letopis.CellEmpty {
					continue
				}
				c.Row, c.Col = row, col
				if cur.ref != "" {
					c.Ref = cur.ref
				}
				cells = append(cells, c)
			case "row":
				inRow = false
				if err := fn(row, hidden, cells); err != nil {
					return nil, err
				}
			}
		case xml.CharData:
			if capture {
				text.Write(t)
			}
		}
	}
}

type cellXML struct {
	ref      string
	typ      string
	style    int
	value    string
	hasValue bool
}

// cell types the value of one <c> element.
func (s *sheetReader) cell(c *cellXML) (letopis.Cell, error) {
	if !c.hasValue {
		return letopis.Cell{Kind: letopis.CellEmpty}, nil
	}
	switch c.typ {
	case "s":
		i, err := strconv.Atoi(strings.TrimSpace(c.value))
		if err != nil || i < 0 || i >= s.sst.len() {
			return letopis.Cell{}, fmt.Errorf("shared string %q out of range", c.value)
		}
		return textCell(s.sst.at(i)), nil
	case "str", "inlineStr":
		return textCell(c.value), nil
	case "e":
		return textCell(c.value), nil
	case "b":
		if c.value == "1" || c.value == "true" {
			return textCell("TRUE"), nil
		}
		return textCell("FALSE"), nil
	case "d":
		v := strings.TrimSpace(c.value)
		if len(v) >= 10 {
			if y, err1 := strconv.Atoi(v[0:4]); err1 == nil {
				m, err2 := strconv.Atoi(v[5:7])
				dd, err3 := strconv.Atoi(v[8:10])
				if err2 == nil && err3 == nil {
					if d, err := letopis.NewDate(y, timeMonth(m), dd); err == nil {
						f := slfmt.Format{Decimals: -1}
						if c.style >= 0 {
							f = s.styles.get(c.style)
						}
						return letopis.Cell{Kind: letopis.CellDate, Text: slfmt.Date(d), Format: f.Code, Date: d}, nil
					}
				}
			}
		}
		return textCell(c.value), nil
	}
	v := strings.TrimSpace(c.value)
	if v == "" {
		return letopis.Cell{Kind: letopis.CellEmpty}, nil
	}
	n, err := strconv.ParseFloat(v, 64)
	if err != nil {
		return letopis.Cell{}, fmt.Errorf("number %q: not a number", c.value)
	}
	f := slfmt.Format{Decimals: -1}
	if c.style >= 0 {
		f = s.styles.get(c.style)
	}
	return numberCell(n, f, s.date1904), nil
}

// parseRange reads "A1:G1" into a 0-based inclusive range.
func parseRange(ref string) (mergeRange, bool) {
	a, b, ok := strings.Cut(ref, ":")
	if !ok {
		b = a
	}
	c0, r0, err1 := excelize.CellNameToCoordinates(a)
	c1, r1, err2 := excelize.CellNameToCoordinates(b)
	if err1 != nil || err2 != nil {
		return mergeRange{}, false
	}
	return mergeRange{min(r0, r1) - 1, min(c0, c1) - 1, max(r0, r1) - 1, max(c0, c1) - 1}, true
}
