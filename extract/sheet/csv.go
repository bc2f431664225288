package sheet

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/letopis/letopis"
	"github.com/letopis/letopis/extract"
	"golang.org/x/text/encoding/charmap"
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
func (CSV) Extract(ctx context.Context, path string, data []byte, _ extract.Options) (*letopis.Document, error) {
	name := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	t, err := readCSV(ctx, name, data)
	if err != nil {
		return nil, sheetErr(name, err)
	}
	return &letopis.Document{Format: "csv", Sheets: []letopis.Table{t}}, nil
}

// readCSV decodes, splits and types data as one table named name.
func readCSV(ctx context.Context, name string, data []byte) (letopis.Table, error) {
	text, _, err := decodeText(data)
	if err != nil {
		return letopis.Table{}, err
	}
	sep := detectSeparator(text)
	r := newCSVReader(strings.NewReader(text), sep)
	g := newGrid(name, false, newBudget(len(data)))
	for row := 0; ; row++ {
		if row%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return letopis.Table{}, err
			}
		}
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return letopis.Table{}, fmt.Errorf("line %d, column %d: %v", pe.Line, pe.Column, pe.Err)
			}
			return letopis.Table{}, err
		}
		if len(rec) == 1 && rec[0] == "" {
			rec = nil // a blank line
		}
		if err := g.ensure(row, max(len(rec), 1)-1); err != nil {
			return letopis.Table{}, err
		}
		for col, f := range rec {
			c := textCell(f)
			c.Row, c.Col = row, col
			g.t.Rows[row][col] = c
		}
	}
	if len(g.t.Rows) == 0 {
		return letopis.Table{}, fmt.Errorf("empty CSV file")
	}
	return g.finish(nil)
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

// decodeText returns data as UTF-8 text and the name of its encoding.
//
// Valid UTF-8 (with or without BOM) is UTF-8. Otherwise the bytes 0x80–0x9F
// decide: they are letters and punctuation in Windows-1250 (0x8A Š, 0x9A š,
// 0x8E Ž, 0x9E ž) but C1 control codes in ISO-8859-2, so any of them means
// Windows-1250, and one of the five bytes undefined in Windows-1250 means
// neither. Without them, the encoding whose decoding has more Slovene
// letters wins (ISO-8859-2 has Š š Ž ž at 0xA9 0xB9 0xAE 0xBE, where
// Windows-1250 has © ą ® ľ); a tie goes to Windows-1250.
func decodeText(data []byte) (string, string, error) {
	if bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
		return "", "", fmt.Errorf("UTF-16 text is not read: save it as UTF-8")
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return "", "", fmt.Errorf("%w: the file has NUL bytes (binary or UTF-16?)", ErrEncoding)
	}
	if utf8.Valid(data) {
		return string(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))), "utf-8", nil
	}
	c1 := false
	for _, b := range data {
		if cp1250Undefined[b] {
			return "", "", fmt.Errorf("%w: byte %#02x", ErrEncoding, b)
		}
		if b >= 0x80 && b <= 0x9F {
			c1 = true
		}
	}
	win, err := charmap.Windows1250.NewDecoder().Bytes(data)
	if err != nil {
		return "", "", fmt.Errorf("%w: %v", ErrEncoding, err)
	}
	if c1 {
		return string(win), "windows-1250", nil
	}
	iso, err := charmap.ISO8859_2.NewDecoder().Bytes(data)
	if err != nil {
		return "", "", fmt.Errorf("%w: %v", ErrEncoding, err)
	}
	if slovene(iso) > slovene(win) {
		return string(iso), "iso-8859-2", nil
	}
	return string(win), "windows-1250", nil
}

// slovene counts the letters č š ž ć đ (either case) in s.
func slovene(s []byte) int {
	n := 0
	for _, r := range string(s) {
		switch r {
		case 'č', 'š', 'ž', 'ć', 'đ', 'Č', 'Š', 'Ž', 'Ć', 'Đ':
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
