package sheet

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"strings"
	"unicode/utf16"

	"github.com/letopis/letopis"
	"github.com/letopis/letopis/extract"
	"github.com/letopis/letopis/internal/slfmt"
	"github.com/richardlehane/mscfb"
	xlsreader "github.com/shakinm/xlsReader/xls"
)

// XLS extracts legacy BIFF8 workbooks (Excel 97–2003).
//
// The compound file is opened with mscfb, which checks its sector chains
// for cycles, and the Workbook stream is scanned once here for what
// xlsReader does not read: hidden sheets, hidden rows, merged ranges, the
// 1904 date system, formula results and a FILEPASS (password) record.
// The stream is then wrapped in a fresh, well-formed compound file for
// xlsReader, which reads the cell values, the shared strings and the number
// formats; xlsReader's own container code has no cycle checks, so it never
// sees the untrusted container. Any panic of xlsReader is turned into an
// error.
type XLS struct{}

// ErrXLSPassword is the cause for a password-protected .xls workbook.
var ErrXLSPassword = errors.New("password-protected workbook: remove the password or save it again without one")

// Extract implements extract.Extractor.
func (XLS) Extract(ctx context.Context, _ string, data []byte, _ extract.Options) (doc *letopis.Document, err error) {
	if !bytes.HasPrefix(data, oleMagic) {
		if bytes.HasPrefix(data, zipMagic) {
			return nil, fmt.Errorf("not a legacy .xls workbook: it is a zip archive (an .xlsx saved as .xls?)")
		}
		return nil, fmt.Errorf("not a legacy .xls workbook (no OLE2 header)")
	}
	stream, err := workbookStream(data)
	if err != nil {
		return nil, err
	}
	scan, err := scanBIFF(stream)
	if err != nil {
		return nil, err
	}
	sheetName := ""
	defer func() {
		if r := recover(); r != nil {
			doc = nil
			err = sheetErr(sheetName, fmt.Errorf("damaged .xls workbook (reader failed: %v)", r))
			if sheetName == "" {
				err = fmt.Errorf("damaged .xls workbook (reader failed: %v)", r)
			}
		}
	}()
	wb, err := xlsreader.OpenReader(bytes.NewReader(wrapCFB(stream)))
	if err != nil {
		return nil, fmt.Errorf("damaged .xls workbook: %v", err)
	}
	sheets := wb.GetSheets()
	if len(sheets) != len(scan.sheets) {
		return nil, fmt.Errorf("damaged .xls workbook: %d sheets listed, %d read", len(scan.sheets), len(sheets))
	}
	doc = &letopis.Document{Format: "xls"}
	b := newBudget(len(data))
	fmts := map[int]slfmt.Format{}
	format := func(xfIndex int) slfmt.Format {
		if f, ok := fmts[xfIndex]; ok {
			return f
		}
		xf := wb.GetXFbyIndex(xfIndex)
		id := xf.GetFormatIndex()
		f := parseFormat(id, "")
		if id >= 164 {
			fr := wb.GetFormatByIndex(id)
			f = parseFormat(-1, fr.String())
		}
		fmts[xfIndex] = f
		return f
	}
	for i := range sheets {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		info := scan.sheets[i]
		if info.kind != 0 {
			continue // charts, macros and modules hold no cells
		}
		s := &sheets[i]
		sheetName = s.GetName()
		g := newGrid(sheetName, info.hidden, b)
		for r := range info.hiddenRows {
			g.hideRow(r)
		}
		for _, pos := range info.cells {
			var c letopis.Cell
			if pos.formula != nil {
				c = *pos.formula
				if c.Kind == letopis.CellNumber {
					c = numberCell(c.Number, format(pos.xf), scan.date1904)
				}
			} else {
				row, err := s.GetRow(pos.row)
				if err != nil {
					continue
				}
				cd, err := row.GetCol(pos.col)
				if err != nil || cd == nil {
					continue
				}
				switch cd.GetType() {
				case "*record.Number", "*record.Rk":
					c = numberCell(cd.GetFloat64(), format(cd.GetXFIndex()), scan.date1904)
				case "*record.LabelSSt", "*record.LabelBIFF8", "*record.LabelBIFF5", "*record.BoolErr":
					c = textCell(cd.GetString())
				default:
					continue
				}
			}
			if c.Kind == letopis.CellEmpty {
				continue
			}
			c.Row, c.Col = pos.row, pos.col
			if err := g.set(c); err != nil {
				return nil, sheetErr(sheetName, err)
			}
		}
		t, err := g.finish(info.merges)
		if err != nil {
			return nil, sheetErr(sheetName, err)
		}
		t.Date1904 = scan.date1904
		doc.Sheets = append(doc.Sheets, t)
	}
	if len(doc.Sheets) == 0 {
		return nil, fmt.Errorf("workbook has no worksheets")
	}
	return doc, nil
}

// workbookStream returns the Workbook stream of an OLE2 compound file.
func workbookStream(data []byte) ([]byte, error) {
	r, err := mscfb.New(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("damaged or truncated .xls workbook: %v", err)
	}
	var book *mscfb.File
	for e, err := r.Next(); ; e, err = r.Next() {
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("damaged or truncated .xls workbook: %v", err)
		}
		switch e.Name {
		case "EncryptionInfo", "EncryptedPackage":
			return nil, ErrPasswordWorkbook
		case "Workbook":
			book = e
		case "Book":
			if book == nil {
				book = e
			}
		}
	}
	if book == nil {
		return nil, fmt.Errorf("not an Excel workbook: the compound file has no Workbook stream (a Word or other Office file?)")
	}
	if book.Size > maxXLSStream {
		return nil, fmt.Errorf("legacy .xls workbook too large (%d MB of cells; at most %d MB are read): save it as .xlsx", book.Size>>20, maxXLSStream>>20)
	}
	if book.Size <= 0 || book.Size > int64(len(data)) {
		return nil, fmt.Errorf("damaged or truncated .xls workbook: Workbook stream of %d bytes in a file of %d", book.Size, len(data))
	}
	stream := make([]byte, book.Size)
	if _, err := io.ReadFull(book, stream); err != nil {
		return nil, fmt.Errorf("damaged or truncated .xls workbook: %v", err)
	}
	return stream, nil
}

// biffSheet is what scanBIFF learns about one BOUNDSHEET.
type biffSheet struct {
	kind       byte // 0 worksheet, 2 chart, …
	hidden     bool
	offset     int
	hiddenRows map[int]bool
	merges     []mergeRange
	cells      []biffCell
}

// biffCell is the position of a cell record, with a formula's result.
type biffCell struct {
	row, col int
	xf       int
	formula  *letopis.Cell
}

type biffScan struct {
	sheets   []biffSheet
	date1904 bool
}

// BIFF record types.
const (
	recEOF         = 0x000A
	recFilePass    = 0x002F
	recDateMode    = 0x0022
	recBoundSheet  = 0x0085
	recBOF         = 0x0809
	recRow         = 0x0208
	recMergedCells = 0x00E5
	recFormula     = 0x0006
	recString      = 0x0207
	recNumber      = 0x0203
	recRK          = 0x027E
	recMulRK       = 0x00BD
	recLabelSST    = 0x00FD
	recLabel       = 0x0204
	recBoolErr     = 0x0205
	recRString     = 0x00D6
)

// records iterates over the BIFF records from off until an EOF record or
// the end of the stream; every step advances, so it always ends.
func records(stream []byte, off int, fn func(typ int, body []byte) error) error {
	for off+4 <= len(stream) {
		typ := int(binary.LittleEndian.Uint16(stream[off:]))
		n := int(binary.LittleEndian.Uint16(stream[off+2:]))
		if off+4+n > len(stream) {
			return fmt.Errorf("damaged or truncated .xls workbook: record %#04x runs past the end", typ)
		}
		if err := fn(typ, stream[off+4:off+4+n]); err != nil {
			return err
		}
		off += 4 + n
		if typ == recEOF {
			return nil
		}
	}
	return fmt.Errorf("damaged or truncated .xls workbook: no end-of-file record")
}

// scanBIFF reads the globals and every worksheet substream.
func scanBIFF(stream []byte) (*biffScan, error) {
	if len(stream) < 8 || binary.LittleEndian.Uint16(stream) != recBOF {
		return nil, fmt.Errorf("damaged .xls workbook: the Workbook stream does not start with a BOF record")
	}
	if v := binary.LittleEndian.Uint16(stream[4:]); v != 0x0600 {
		return nil, fmt.Errorf("unsupported .xls version (BIFF %#04x; only Excel 97–2003 BIFF8 is read): save it again as .xlsx", v)
	}
	s := &biffScan{}
	err := records(stream, 0, func(typ int, body []byte) error {
		switch typ {
		case recFilePass:
			return ErrXLSPassword
		case recDateMode:
			s.date1904 = len(body) >= 2 && body[0] == 1
		case recBoundSheet:
			if len(body) < 8 {
				return fmt.Errorf("damaged .xls workbook: short BOUNDSHEET record")
			}
			s.sheets = append(s.sheets, biffSheet{
				offset: int(binary.LittleEndian.Uint32(body)),
				hidden: body[4]&3 != 0,
				kind:   body[5],
			})
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(s.sheets) == 0 {
		return nil, fmt.Errorf("damaged .xls workbook: no sheets listed")
	}
	for i := range s.sheets {
		sh := &s.sheets[i]
		if sh.kind != 0 {
			continue
		}
		if sh.offset < 0 || sh.offset+4 > len(stream) || binary.LittleEndian.Uint16(stream[sh.offset:]) != recBOF {
			return nil, fmt.Errorf("damaged or truncated .xls workbook: sheet %d has no BOF record at %d", i+1, sh.offset)
		}
		var pendingString *letopis.Cell
		err := records(stream, sh.offset, func(typ int, body []byte) error {
			if typ != recString {
				pendingString = nil
			}
			switch typ {
			case recRow:
				if len(body) >= 14 && binary.LittleEndian.Uint16(body[12:])&0x20 != 0 {
					if sh.hiddenRows == nil {
						sh.hiddenRows = map[int]bool{}
					}
					sh.hiddenRows[int(binary.LittleEndian.Uint16(body))] = true
				}
			case recMergedCells:
				if len(body) < 2 {
					return nil
				}
				n := int(binary.LittleEndian.Uint16(body))
				for k := 0; k < n && 2+8*k+8 <= len(body); k++ {
					p := body[2+8*k:]
					sh.merges = append(sh.merges, mergeRange{
						r0: int(binary.LittleEndian.Uint16(p)), r1: int(binary.LittleEndian.Uint16(p[2:])),
						c0: int(binary.LittleEndian.Uint16(p[4:])), c1: int(binary.LittleEndian.Uint16(p[6:])),
					})
				}
			case recNumber, recRK, recLabelSST, recLabel, recBoolErr:
				if len(body) >= 6 {
					sh.cells = append(sh.cells, biffCell{row: int(binary.LittleEndian.Uint16(body)), col: int(binary.LittleEndian.Uint16(body[2:]))})
				}
			case recMulRK:
				if len(body) >= 6 {
					row := int(binary.LittleEndian.Uint16(body))
					first := int(binary.LittleEndian.Uint16(body[2:]))
					last := int(binary.LittleEndian.Uint16(body[len(body)-2:]))
					for c := first; c <= last && c-first < (len(body)-6)/6; c++ {
						sh.cells = append(sh.cells, biffCell{row: row, col: c})
					}
				}
			case recRString:
				// Rich text: rare in BIFF8 and not read by xlsReader.
				if len(body) >= 8 {
					row, col := int(binary.LittleEndian.Uint16(body)), int(binary.LittleEndian.Uint16(body[2:]))
					n := int(binary.LittleEndian.Uint16(body[6:]))
					if 8+n <= len(body) {
						c := textCell(decodeLatin1(body[8 : 8+n]))
						sh.cells = append(sh.cells, biffCell{row: row, col: col, formula: &c})
					}
				}
			case recFormula:
				if len(body) < 14 {
					return nil
				}
				bc := biffCell{row: int(binary.LittleEndian.Uint16(body)), col: int(binary.LittleEndian.Uint16(body[2:])), xf: int(binary.LittleEndian.Uint16(body[4:]))}
				res := body[6:14]
				var c letopis.Cell
				if res[6] == 0xFF && res[7] == 0xFF {
					switch res[0] {
					case 0: // string, in the next STRING record
						c = letopis.Cell{Kind: letopis.CellEmpty}
						pendingString = &c
					case 1:
						c = textCell(map[bool]string{true: "TRUE", false: "FALSE"}[res[2] != 0])
					case 2:
						c = textCell("#ERROR")
					default:
						c = letopis.Cell{Kind: letopis.CellEmpty}
					}
				} else {
					v := math.Float64frombits(binary.LittleEndian.Uint64(res))
					c = letopis.Cell{Kind: letopis.CellNumber, Number: v}
				}
				bc.formula = &c
				sh.cells = append(sh.cells, bc)
			case recString:
				if pendingString != nil {
					*pendingString = textCell(readXLString(body))
					pendingString = nil
				}
			}
			if len(sh.cells) > MaxCells {
				return ErrTooLarge
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return s, nil
}

// readXLString decodes a BIFF8 XLUnicodeString (cch, flags, characters).
func readXLString(b []byte) string {
	if len(b) < 3 {
		return ""
	}
	n := int(binary.LittleEndian.Uint16(b))
	if b[2]&1 == 0 {
		return decodeLatin1(b[3:min(len(b), 3+n)])
	}
	u := make([]uint16, 0, n)
	for i := 3; i+1 < len(b) && len(u) < n; i += 2 {
		u = append(u, binary.LittleEndian.Uint16(b[i:]))
	}
	return string(utf16.Decode(u))
}

func decodeLatin1(b []byte) string {
	var sb strings.Builder
	for _, c := range b {
		sb.WriteRune(rune(c))
	}
	return sb.String()
}

// maxXLSStream is the largest Workbook stream wrapCFB can hold: 109 FAT
// sectors (the header's DIFAT) of 128 entries of 512-byte sectors.
const maxXLSStream = (109*128 - 109 - 1) * 512

// wrapCFB returns a minimal well-formed compound file (version 3, 512-byte
// sectors, no mini stream, no DIFAT sectors) holding stream, at most
// maxXLSStream bytes, as its Workbook stream. (xlsReader cannot read
// version 4 files: its header check indexes past its own array.)
func wrapCFB(stream []byte) []byte {
	const ss = 512
	n := (len(stream) + ss - 1) / ss
	if n < 4096/ss {
		n = 4096 / ss // at least the mini stream cutoff: no mini FAT needed
	}
	nFat := 1
	for nFat*(ss/4) < nFat+1+n {
		nFat++
	}
	le := binary.LittleEndian
	out := make([]byte, ss*(1+nFat+1+n))
	h := out[:ss]
	copy(h, oleMagic)
	le.PutUint16(h[0x18:], 0x003E)
	le.PutUint16(h[0x1A:], 3)
	le.PutUint16(h[0x1C:], 0xFFFE)
	le.PutUint16(h[0x1E:], 9)
	le.PutUint16(h[0x20:], 6)
	le.PutUint32(h[0x2C:], uint32(nFat))
	le.PutUint32(h[0x30:], uint32(nFat))
	le.PutUint32(h[0x38:], 0x1000)
	le.PutUint32(h[0x3C:], 0xFFFFFFFE)
	le.PutUint32(h[0x44:], 0xFFFFFFFE)
	for i := 0; i < 109; i++ {
		v := uint32(0xFFFFFFFF)
		if i < nFat {
			v = uint32(i)
		}
		le.PutUint32(h[0x4C+4*i:], v)
	}
	sector := func(i int) []byte { return out[ss*(i+1) : ss*(i+2)] }
	fat := func(i int, v uint32) {
		if i/(ss/4) < nFat {
			le.PutUint32(sector(i / (ss / 4))[4*(i%(ss/4)):], v)
		}
	}
	for i := 0; i < nFat*(ss/4); i++ {
		fat(i, 0xFFFFFFFF)
	}
	for i := 0; i < nFat; i++ {
		fat(i, 0xFFFFFFFD)
	}
	fat(nFat, 0xFFFFFFFE)
	for i := 0; i < n; i++ {
		next := uint32(nFat + 2 + i)
		if i == n-1 {
			next = 0xFFFFFFFE
		}
		fat(nFat+1+i, next)
	}
	dir := sector(nFat)
	entry := func(e []byte, name string, typ byte, child, start uint32, size uint64) {
		u := utf16.Encode([]rune(name))
		for i, c := range u {
			le.PutUint16(e[2*i:], c)
		}
		le.PutUint16(e[0x40:], uint16(2*len(u)+2))
		e[0x42], e[0x43] = typ, 1
		le.PutUint32(e[0x44:], 0xFFFFFFFF)
		le.PutUint32(e[0x48:], 0xFFFFFFFF)
		le.PutUint32(e[0x4C:], child)
		le.PutUint32(e[0x74:], start)
		le.PutUint64(e[0x78:], size)
	}
	entry(dir[0:128], "Root Entry", 5, 1, 0xFFFFFFFE, 0)
	entry(dir[128:256], "Workbook", 2, 0xFFFFFFFF, uint32(nFat+1), uint64(n*ss))
	copy(out[ss*(nFat+2):], stream)
	return out
}
