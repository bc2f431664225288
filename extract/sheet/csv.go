package sheet

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/letopis/letopis"
	"github.com/letopis/letopis/extract"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/transform"
)

// CSV extracts delimited text exports: the encoding (UTF-8 with or without
// a byte order mark, Windows-1250 or ISO-8859-2) and the separator (';',
// ',' or tab) are detected, then encoding/csv reads the records, quoted
// fields with separators and line breaks included.
//
// The table's Sheet is the file's base name without the extension. All
// cells are CellText (or CellEmpty): a CSV has no types, and its numbers
// are in the writer's format ("22.830", "40,32 %") for the Slovene readers
// of transform.
type CSV struct{}

// ErrEncoding is the cause when the bytes are valid in none of the
// encodings read.
var ErrEncoding = errors.New("undetectable encoding (neither UTF-8, Windows-1250 nor ISO-8859-2): save it as UTF-8")

// Extract implements extract.Extractor.
//
// A file of more than letopis.TableHeadRows records is streamed as a long
// worksheet of an .xlsx is: its Table holds the first TableHeadRows
// records, and its More parses data again for the others, decoding it to
// UTF-8 on the fly, so that only one record's cells are in memory at a
// time (see letopis.Table). The rows of More are padded to the width of
// the widest record before them (at least the width of Rows), not to that
// of the widest record of the file, which is known only at its end. Errors
// in the records past the first TableHeadRows (a broken quote, too many
// cells for the file's size) are returned by More. A record that cannot be
// read is a *letopis.InputError with its Line and Column ("PATH: sheet S:
// line 400, column 2: …"). opts.HeadRows, if set, replaces TableHeadRows.
func (CSV) Extract(ctx context.Context, path string, data []byte, opts extract.Options) (*letopis.Document, error) {
	name := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	t, err := readCSVHead(ctx, name, data, opts.Head())
	if err != nil {
		return nil, sheetErr(name, err)
	}
	return &letopis.Document{Format: "csv", Sheets: []letopis.Table{t}}, nil
}

// readCSV reads data as one table named name, streamed past
// letopis.TableHeadRows records.
func readCSV(ctx context.Context, name string, data []byte) (letopis.Table, error) {
	return readCSVHead(ctx, name, data, letopis.TableHeadRows)
}

// readCSVHead decodes, splits and types data as one table named name: all
// of it if it has at most head records, else its first head records, with
// More for the others.
func readCSVHead(ctx context.Context, name string, data []byte, head int) (letopis.Table, error) {
	src, err := newCSVText(data)
	if err != nil {
		return letopis.Table{}, err
	}
	b := newBudget(len(data))
	g := newGrid(name, false, b)
	long := false
	err = src.records(ctx, func(row int, rec []string) error {
		if row >= head {
			long = true
			return errStop
		}
		if err := g.ensure(row, max(len(rec), 1)-1); err != nil {
			return err
		}
		for col, f := range rec {
			c := textCell(f)
			c.Row, c.Col = row, col
			g.t.Rows[row][col] = c
		}
		return nil
	})
	var le *letopis.InputError
	if errors.As(err, &le) && le.Line > 0 && len(g.t.Rows) >= head {
		long = true // the record after the first head ones is broken: More says so
	} else if err != nil && !errors.Is(err, errStop) {
		return letopis.Table{}, err
	}
	if len(g.t.Rows) == 0 {
		return letopis.Table{}, fmt.Errorf("empty CSV file")
	}
	if !long {
		return g.finish(nil)
	}
	t, _, err := g.finishHead(nil, head)
	if err != nil {
		return letopis.Table{}, err
	}
	t.More = src.more(ctx, name, b, len(t.Rows), g.width)
	return t, nil
}

// csvText is the text of a CSV file, read again from its bytes for every
// pass over its records.
type csvText struct {
	data []byte           // the file's bytes, without a UTF-8 byte order mark
	cm   *charmap.Charmap // the 8-bit encoding of data; nil for UTF-8
	sep  rune
}

// newCSVText detects the encoding of data (from all its bytes) and its
// separator (from the first 64 KiB of its text).
func newCSVText(data []byte) (*csvText, error) {
	cm, _, body, err := detectEncoding(data)
	if err != nil {
		return nil, err
	}
	c := &csvText{data: body, cm: cm}
	sample, err := io.ReadAll(io.LimitReader(c.open(), 64<<10))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrEncoding, err)
	}
	c.sep = detectSeparator(string(sample))
	return c, nil
}

// open returns a reader of the text as UTF-8, decoding as it reads.
func (c *csvText) open() io.Reader {
	r := io.Reader(bytes.NewReader(c.data))
	if c.cm != nil {
		r = transform.NewReader(r, c.cm.NewDecoder())
	}
	return r
}

// records calls fn with each record of the text in order and its 0-based
// index, a blank line as a nil record, until fn returns an error, which
// records returns. The record slice is reused between calls. A record
// that cannot be read is a *letopis.InputError with its Line and Column.
func (c *csvText) records(ctx context.Context, fn func(row int, rec []string) error) error {
	r := newCSVReader(c.open(), c.sep)
	for row := 0; ; row++ {
		if row%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		rec, err := r.Read()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return &letopis.InputError{Line: pe.Line, Column: pe.Column, Err: pe.Err}
			}
			return err
		}
		if len(rec) == 1 && rec[0] == "" {
			rec = nil // a blank line
		}
		if err := fn(row, rec); err != nil {
			return err
		}
	}
}

// more returns the Table.More of a file whose records from start on are
// streamed; width is the width of the rows before. The cells it makes
// count in b as those of sheet 0.
func (c *csvText) more(ctx context.Context, name string, b *budget, start, width int) func(func([]letopis.Cell, bool) bool) error {
	return func(yield func([]letopis.Cell, bool) bool) error {
		var row []letopis.Cell
		w, n := width, 0
		err := c.records(ctx, func(r int, rec []string) error {
			if r < start {
				return nil
			}
			w = max(w, len(rec))
			n += w
			if err := b.stream(0, n); err != nil {
				return err
			}
			row = slices.Grow(row[:0], w)[:w]
			clear(row)
			for col, f := range rec {
				row[col] = textCell(f)
			}
			fillRefs(row, r)
			if !yield(row, false) {
				return errStop
			}
			return nil
		})
		if err == nil || errors.Is(err, errStop) {
			return nil
		}
		return sheetErr(name, err)
	}
}

func newCSVReader(r io.Reader, sep rune) *csv.Reader {
	cr := csv.NewReader(r)
	cr.Comma = sep
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = false
	cr.ReuseRecord = true
	return cr
}

// cp1250Undefined are the bytes with no character in Windows-1250.
var cp1250Undefined = [256]bool{0x81: true, 0x83: true, 0x88: true, 0x90: true, 0x98: true}

// detectEncoding returns the 8-bit encoding of data (nil for UTF-8), its
// name, and data without a UTF-8 byte order mark.
//
// Valid UTF-8 (with or without BOM) is UTF-8. Otherwise the bytes 0x80–0x9F
// decide: they are letters and punctuation in Windows-1250 (0x8A Š, 0x9A š,
// 0x8E Ž, 0x9E ž) but C1 control codes in ISO-8859-2, so any of them means
// Windows-1250, and one of the five bytes undefined in Windows-1250 means
// neither. Without them, the encoding whose decoding has more Slovene
// letters wins (ISO-8859-2 has Š š Ž ž at 0xA9 0xB9 0xAE 0xBE, where
// Windows-1250 has © ą ® ľ); a tie goes to Windows-1250.
func detectEncoding(data []byte) (*charmap.Charmap, string, []byte, error) {
	if bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
		return nil, "", nil, fmt.Errorf("UTF-16 text is not read: save it as UTF-8")
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return nil, "", nil, fmt.Errorf("%w: the file has NUL bytes (binary or UTF-16?)", ErrEncoding)
	}
	if utf8.Valid(data) {
		return nil, "utf-8", bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")), nil
	}
	c1 := false
	for _, b := range data {
		if cp1250Undefined[b] {
			return nil, "", nil, fmt.Errorf("%w: byte %#02x", ErrEncoding, b)
		}
		if b >= 0x80 && b <= 0x9F {
			c1 = true
		}
	}
	if !c1 && slovene(data, charmap.ISO8859_2) > slovene(data, charmap.Windows1250) {
		return charmap.ISO8859_2, "iso-8859-2", data, nil
	}
	return charmap.Windows1250, "windows-1250", data, nil
}

// decodeText returns data as UTF-8 text, decoded at once, and the name of
// its encoding (see detectEncoding).
func decodeText(data []byte) (string, string, error) {
	cm, name, body, err := detectEncoding(data)
	if err != nil {
		return "", "", err
	}
	if cm == nil {
		return string(body), name, nil
	}
	text, err := cm.NewDecoder().Bytes(body)
	if err != nil {
		return "", "", fmt.Errorf("%w: %v", ErrEncoding, err)
	}
	return string(text), name, nil
}

// slovene counts the bytes of data that are the letters č š ž ć đ (either
// case) in the 8-bit encoding cm.
func slovene(data []byte, cm *charmap.Charmap) int {
	var letter [128]bool // by byte - 0x80; the letters are all above 0x7F
	for b := range letter {
		switch cm.DecodeByte(byte(b + 0x80)) {
		case 'č', 'š', 'ž', 'ć', 'đ', 'Č', 'Š', 'Ž', 'Ć', 'Đ':
			letter[b] = true
		}
	}
	n := 0
	for _, b := range data {
		if b >= 0x80 && letter[b-0x80] {
			n++
		}
	}
	return n
}

// detectSeparator picks ';', ',' or tab by how consistently it splits the
// first records (quotes respected) into more than one field.
func detectSeparator(text string) rune {
	sample := text
	if len(sample) > 64<<10 {
		sample = sample[:64<<10]
	}
	best, bestScore := ';', -1
	for _, sep := range []rune{';', '\t', ','} {
		r := newCSVReader(strings.NewReader(sample), sep)
		counts := map[int]int{}
		records := 0
		for records < 50 {
			rec, err := r.Read()
			if err != nil {
				break // the end, or a record cut by the sample or broken by this separator
			}
			records++
			if len(rec) > 1 {
				counts[len(rec)]++
			}
		}
		// The score is how many records share the most common field count
		// above one, then that count.
		score := 0
		for n, k := range counts {
			if s := k*1000 + min(n, 999); s > score {
				score = s
			}
		}
		if score > bestScore {
			best, bestScore = sep, score
		}
	}
	return best
}
