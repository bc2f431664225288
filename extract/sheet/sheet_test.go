package sheet

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"context"
	"errors"
	"hash/crc32"
	"math"
	"math/rand"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/letopis/letopis"
	"github.com/letopis/letopis/extract"
	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"
)

func fixture(t testing.TB, name string) (string, []byte) {
	t.Helper()
	p := filepath.Join("..", "..", "testdata", name)
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return p, data
}

func extractFixture(t *testing.T, name string) *letopis.Document {
	t.Helper()
	p, data := fixture(t, name)
	doc, err := extract.File(context.Background(), p, data, extract.Options{})
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return doc
}

func cellAt(t *testing.T, tb letopis.Table, ref string) letopis.Cell {
	t.Helper()
	col, row, err := excelize.CellNameToCoordinates(ref)
	if err != nil {
		t.Fatal(err)
	}
	if row-1 >= len(tb.Rows) || col-1 >= len(tb.Rows[row-1]) {
		t.Fatalf("sheet %q: no cell %s", tb.Sheet, ref)
	}
	return tb.Rows[row-1][col-1]
}

// TestFixturesAgree checks that the three forms of the indicator sheet give
// the same texts for the header and the eight indicator rows.
func TestFixturesAgree(t *testing.T) {
	xlsx := extractFixture(t, "kazalniki-2020.xlsx")
	xls := extractFixture(t, "kazalniki-2020.xls")
	csvDoc := extractFixture(t, "kazalniki-2020-cp1250.csv")
	docs := map[string]*letopis.Document{"xlsx": xlsx, "xls": xls, "csv": csvDoc}
	for name, d := range docs {
		if len(d.Sheets) == 0 || len(d.Sheets[0].Rows) != 15 || len(d.Sheets[0].Rows[0]) != 7 {
			t.Fatalf("%s: first sheet is not 15×7: %+v", name, d.Sheets)
		}
	}
	if got, want := csvDoc.Sheets[0].Sheet, "kazalniki-2020-cp1250"; got != want {
		t.Errorf("csv sheet name = %q, want %q", got, want)
	}
	for r := 4; r <= 12; r++ { // header row 5 and the indicator rows 6–13
		for c := 0; c < 7; c++ {
			want := csvDoc.Sheets[0].Rows[r][c]
			for _, name := range []string{"xlsx", "xls"} {
				got := docs[name].Sheets[0].Rows[r][c]
				if got.Text != want.Text || got.Ref != want.Ref {
					t.Errorf("%s %s: text %q, csv has %q", name, got.Ref, got.Text, want.Text)
				}
			}
		}
	}
}

func TestWorkbookCells(t *testing.T) {
	tests := []struct {
		sheet, ref string
		want       letopis.Cell
	}{
		{"Kazalniki 2020", "A1", letopis.Cell{Kind: letopis.CellText, Text: "Društvo NOVUS"}},
		{"Kazalniki 2020", "G1", letopis.Cell{Kind: letopis.CellText, Text: "Društvo NOVUS", Merged: true}},
		{"Kazalniki 2020", "B3", letopis.Cell{Kind: letopis.CellDate, Text: "15. 2. 2021", Number: 44242, Date: letopis.Date{Year: 2021, Month: 2, Day: 15}}},
		{"Kazalniki 2020", "F6", letopis.Cell{Kind: letopis.CellNumber, Text: "60", Number: 60}},
		{"Kazalniki 2020", "G6", letopis.Cell{Kind: letopis.CellNumber, Text: "62", Number: 62, Format: "#,##0"}},
		{"Kazalniki 2020", "F7", letopis.Cell{Kind: letopis.CellText, Text: "25 %"}},
		{"Kazalniki 2020", "G7", letopis.Cell{Kind: letopis.CellNumber, Text: "40,32 %", Number: 0.4032, Format: "0.00%"}},
		{"Kazalniki 2020", "F8", letopis.Cell{Kind: letopis.CellEmpty}},
		{"Kazalniki 2020", "G10", letopis.Cell{Kind: letopis.CellText, Text: "22.830"}},
		{"Kazalniki 2020", "A15", letopis.Cell{Kind: letopis.CellText, Text: "Opomba: vrednosti so kumulativne za koledarsko leto 2020."}},
		{"Sredstva", "C2", letopis.Cell{Kind: letopis.CellDate, Text: "1. 11. 2019", Number: 43770, Date: letopis.Date{Year: 2019, Month: 11, Day: 1}}},
		{"Sredstva", "D2", letopis.Cell{Kind: letopis.CellDate, Text: "1. 1. 2021", Number: 44197, Date: letopis.Date{Year: 2021, Month: 1, Day: 1}}},
		{"Sredstva", "E2", letopis.Cell{Kind: letopis.CellNumber, Text: "250.109,76", Number: 250109.76, Format: "#,##0.00"}},
	}
	for _, file := range []string{"kazalniki-2020.xlsx", "kazalniki-2020.xls"} {
		doc := extractFixture(t, file)
		sheets := map[string]letopis.Table{}
		var names []string
		for _, s := range doc.Sheets {
			sheets[s.Sheet] = s
			names = append(names, s.Sheet)
		}
		if got, want := strings.Join(names, "|"), "Kazalniki 2020|Sredstva"; got != want {
			t.Errorf("%s: sheets %q, want %q", file, got, want)
		}
		for _, tc := range tests {
			got := cellAt(t, sheets[tc.sheet], tc.ref)
			want := tc.want
			want.Ref = tc.ref
			want.Row, want.Col = got.Row, got.Col
			if want.Kind == letopis.CellDate {
				want.Format = got.Format // "d. m. yyyy", quoted differently in xls
			}
			if got != want {
				t.Errorf("%s %s!%s:\n got %+v\nwant %+v", file, tc.sheet, tc.ref, got, want)
			}
			if wr := letopis.CellRef(got.Row, got.Col); wr != tc.ref {
				t.Errorf("%s %s: Row/Col give %s", file, tc.ref, wr)
			}
		}
	}
}

// TestXLSXFeatures builds a workbook with a hidden sheet, a hidden row,
// merged cells, inline and shared strings, a formula and a 1904-free date.
func TestXLSXFeatures(t *testing.T) {
	f := excelize.NewFile()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(f.SetSheetName("Sheet1", "Vidno"))
	_, err := f.NewSheet("Skrito")
	must(err)
	must(f.SetSheetVisible("Skrito", false))
	must(f.SetCellValue("Vidno", "A1", "Naslov"))
	must(f.MergeCell("Vidno", "A1", "C2"))
	must(f.SetCellValue("Vidno", "A3", 1234567.891))
	thousands, _ := f.NewStyle(&excelize.Style{NumFmt: 4})
	must(f.SetCellStyle("Vidno", "A3", "A3", thousands))
	must(f.SetCellFormula("Vidno", "B3", "A3*2"))
	must(f.SetCellValue("Vidno", "C3", "'0012"))
	must(f.SetRowVisible("Vidno", 4, false))
	must(f.SetCellValue("Vidno", "A4", "skrita vrstica"))
	must(f.SetCellValue("Vidno", "B5", 44242))
	date, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
	must(f.SetCellStyle("Vidno", "B5", "B5", date))
	must(f.SetCellValue("Skrito", "A1", "x"))
	var buf bytes.Buffer
	must(f.Write(&buf))

	doc, err := XLSX{}.Extract(context.Background(), "t.xlsx", buf.Bytes(), extract.Options{})
	must(err)
	if len(doc.Sheets) != 2 {
		t.Fatalf("got %d sheets", len(doc.Sheets))
	}
	v, h := doc.Sheets[0], doc.Sheets[1]
	if v.Hidden || !h.Hidden {
		t.Errorf("hidden flags: Vidno %v, Skrito %v", v.Hidden, h.Hidden)
	}
	if !v.HiddenRows[3] || len(v.HiddenRows) != 1 {
		t.Errorf("hidden rows = %v, want map[3:true]", v.HiddenRows)
	}
	tests := []struct {
		ref              string
		kind             letopis.CellKind
		text             string
		merged           bool
		wantNumber       float64
		wantFormatPrefix string
	}{
		{"A1", letopis.CellText, "Naslov", false, 0, ""},
		{"C2", letopis.CellText, "Naslov", true, 0, ""},
		{"A3", letopis.CellNumber, "1.234.567,89", false, 1234567.891, "#,##0.00"},
		{"C3", letopis.CellText, "'0012", false, 0, ""},
		{"A4", letopis.CellText, "skrita vrstica", false, 0, ""},
		{"B5", letopis.CellDate, "15. 2. 2021", false, 44242, "m"},
		{"A5", letopis.CellEmpty, "", false, 0, ""},
	}
	for _, tc := range tests {
		got := cellAt(t, v, tc.ref)
		if got.Kind != tc.kind || got.Text != tc.text || got.Merged != tc.merged || got.Number != tc.wantNumber || !strings.HasPrefix(got.Format, tc.wantFormatPrefix) {
			t.Errorf("%s: got %+v, want kind %s text %q merged %v number %v format %q…", tc.ref, got, tc.kind, tc.text, tc.merged, tc.wantNumber, tc.wantFormatPrefix)
		}
	}
}

func TestParseFormatDate(t *testing.T) {
	tests := []struct {
		id   int
		code string
		want bool
	}{
		{14, "", true}, {22, "", true}, {10, "", false}, {0, "", false},
		{-1, "d. m. yyyy", true}, {-1, `d". "m". "yyyy`, true}, {-1, "[$-424]dd.mm.yyyy", true},
		{-1, "h:mm", false}, {-1, `0.00" dni"`, false}, {-1, "[Red]#,##0", false}, {-1, "mmm yy", true},
	}
	for _, tc := range tests {
		if got := parseFormat(tc.id, tc.code).Date; got != tc.want {
			t.Errorf("parseFormat(%d, %q).Date = %v, want %v", tc.id, tc.code, got, tc.want)
		}
	}
}

func TestCSVEncodingsAndSeparators(t *testing.T) {
	const text = "Šifra;Število;Opis\r\nž1;\"22.830\";\"čas; več\r\nvrstic\"\r\n"
	win, _ := charmap.Windows1250.NewEncoder().String(text)
	iso, _ := charmap.ISO8859_2.NewEncoder().String(text)
	tests := []struct {
		name, data, wantEnc string
	}{
		{"utf8", text, "utf-8"},
		{"utf8-bom", "\xef\xbb\xbf" + text, "utf-8"},
		{"cp1250", win, "windows-1250"},
		{"iso-8859-2", iso, "iso-8859-2"},
		{"comma", strings.ReplaceAll(text, ";", ","), "utf-8"},
		{"tab", strings.ReplaceAll(text, ";", "\t"), "utf-8"},
	}
	want := [][]string{{"Šifra", "Število", "Opis"}, {"ž1", "22.830", strings.ReplaceAll("čas; več\nvrstic", ";", "SEP")}}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, enc, err := decodeText([]byte(tc.data))
			if err != nil || enc != tc.wantEnc {
				t.Fatalf("encoding = %q, %v; want %q", enc, err, tc.wantEnc)
			}
			tb, err := readCSV(context.Background(), "x", []byte(tc.data))
			if err != nil {
				t.Fatal(err)
			}
			sep := map[string]string{"comma": ",", "tab": "\t"}[tc.name]
			if sep == "" {
				sep = ";"
			}
			for r, row := range want {
				for c, w := range row {
					w = strings.ReplaceAll(w, "SEP", sep)
					got := cellAt(t, tb, letopis.CellRef(r, c))
					if got.Text != w || got.Kind != letopis.CellText {
						t.Errorf("%s = %q (%s), want %q", got.Ref, got.Text, got.Kind, w)
					}
				}
			}
		})
	}
}

// zipBomb returns an .xlsx whose worksheet inflates to more than
// MaxUnzipSize bytes of spaces, from a few megabytes of deflate data.
func zipBomb(t testing.TB) []byte {
	t.Helper()
	const chunk = 64 << 20
	zeros := bytes.Repeat([]byte{' '}, chunk)
	var blk bytes.Buffer
	fw, _ := flate.NewWriter(&blk, flate.BestCompression)
	fw.Write(zeros)
	fw.Flush() // non-final blocks ending on a byte boundary: they can be repeated
	n := MaxUnzipSize/chunk + 2
	var raw bytes.Buffer
	crc := crc32.NewIEEE()
	for i := 0; i < n; i++ {
		raw.Write(blk.Bytes())
		crc.Write(zeros)
	}
	raw.Write([]byte{0x03, 0x00}) // final empty block
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	w, _ := zw.Create("[Content_Types].xml")
	w.Write([]byte(`<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`))
	hw, err := zw.CreateRaw(&zip.FileHeader{Name: "xl/worksheets/sheet1.xml", Method: zip.Deflate,
		CRC32: crc.Sum32(), CompressedSize64: uint64(raw.Len()), UncompressedSize64: uint64(n) * chunk})
	if err != nil {
		t.Fatal(err)
	}
	hw.Write(raw.Bytes())
	zw.Close()
	return out.Bytes()
}

func TestBadInput(t *testing.T) {
	_, xlsxData := fixture(t, "kazalniki-2020.xlsx")
	_, xlsData := fixture(t, "kazalniki-2020.xls")
	ole := append(append([]byte{}, oleMagic...), bytes.Repeat([]byte{0}, 2048)...)
	random := make([]byte, 9728)
	rand.New(rand.NewSource(1)).Read(random)
	copy(random, oleMagic)
	broken := func() []byte { // a sheet whose XML ends in the middle of a cell
		f := excelize.NewFile()
		f.SetCellValue("Sheet1", "A1", "x")
		var buf bytes.Buffer
		f.Write(&buf)
		zr, _ := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
		var out bytes.Buffer
		zw := zip.NewWriter(&out)
		for _, zf := range zr.File {
			w, _ := zw.Create(zf.Name)
			if zf.Name == "xl/worksheets/sheet1.xml" {
				w.Write([]byte(`<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0`))
				continue
			}
			rc, _ := zf.Open()
			b := new(bytes.Buffer)
			b.ReadFrom(rc)
			w.Write(b.Bytes())
		}
		zw.Close()
		return out.Bytes()
	}()
	tests := []struct {
		name, path string
		data       []byte
		want       string
	}{
		{"text as xlsx", "a.xlsx", []byte("Projekt;Vrednost\nAS;60\n"), "not an XLSX file"},
		{"truncated xlsx", "b.xlsx", xlsxData[:len(xlsxData)/2], "damaged or truncated .xlsx"},
		{"password xlsx", "c.xlsx", ole, "password-protected workbook"},
		{"zip bomb", "d.xlsx", zipBomb(t), "zip bomb"},
		{"broken sheet XML", "e.xlsx", broken, "sheet Sheet1: worksheet XML"},
		{"truncated xls", "f.xls", xlsData[:len(xlsData)/2], "damaged or truncated .xls"},
		{"random xls", "g.xls", random, ".xls workbook"},
		{"xlsx as xls", "h.xls", xlsxData, "not an XLS file: its content is a zip archive"},
		{"csv encoding", "i.csv", []byte("Projekt;Vrednost\n\x81\x83\x88;60\n"), "sheet i: undetectable encoding"},
		{"csv quotes", "j.csv", []byte("a;b\nc;\"d\"x\n"), "sheet j: line 2"},
		{"csv binary", "k.csv", []byte("a;b\x00\x00"), "not a CSV file"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := extract.File(context.Background(), tc.path, tc.data, extract.Options{})
			if err == nil {
				t.Fatalf("no error; got %d sheets", len(doc.Sheets))
			}
			msg := err.Error()
			if !strings.HasPrefix(msg, tc.path+": ") || !strings.Contains(msg, tc.want) || strings.Contains(msg, "\n") {
				t.Errorf("error %q, want one line starting %q and containing %q", msg, tc.path+": ", tc.want)
			}
		})
	}
}

// TestTruncations cuts the workbooks at many lengths: every cut must give
// an error or a document, never a panic or a hang.
func TestTruncations(t *testing.T) {
	for _, name := range []string{"kazalniki-2020.xlsx", "kazalniki-2020.xls"} {
		p, data := fixture(t, name)
		for n := 0; n < len(data); n += 97 {
			extract.File(context.Background(), p, data[:n], extract.Options{})
		}
		rng := rand.New(rand.NewSource(2))
		for i := 0; i < 300; i++ {
			b := append([]byte{}, data...)
			for k := 0; k < 8; k++ {
				b[8+rng.Intn(len(b)-8)] = byte(rng.Intn(256))
			}
			extract.File(context.Background(), p, b, extract.Options{})
		}
	}
}

// FuzzCSV reads any bytes as a CSV file whole and streamed past its first
// two records (Rows, then More): an error is one line; Rows are padded to
// one width, the rows of More to the width of the rows before them at
// least; every cell has its Row, Col and Ref and no blank text; and the
// streamed file has the cells of the file read whole.
func FuzzCSV(f *testing.F) {
	_, data := fixture(f, "kazalniki-2020-cp1250.csv")
	f.Add(data)
	f.Add([]byte("a,b\n\"c,\nd\",e\n"))
	f.Add([]byte("\xef\xbb\xbfx\ty\n1\t2"))
	f.Add([]byte("\xa9\xb9;\xae\xbe\n"))
	f.Add([]byte("a;b\nc\n\"d;\ne\";f;g\n\nh\n \n"))
	f.Add([]byte("a;b\nc;d\ne;f\ng;\"h\"i\nj;k\n"))
	oneLine := func(t *testing.T, err error) {
		if strings.Contains(err.Error(), "\n") {
			t.Fatalf("error of more than one line: %q", err)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		whole, wholeErr := readCSVHead(context.Background(), "f", data, math.MaxInt)
		if wholeErr != nil {
			oneLine(t, wholeErr)
		}
		tb, err := readCSVHead(context.Background(), "f", data, 2)
		if err != nil {
			oneLine(t, err)
			if wholeErr == nil {
				t.Fatalf("streamed: %v; read whole: no error", err)
			}
			return
		}
		w := len(tb.Rows[0])
		var rows [][]letopis.Cell // trimmed of their padding
		err = tb.EachRow(func(r int, row []letopis.Cell, _ bool) bool {
			if r < len(tb.Rows) && len(row) != w || len(row) < w {
				t.Fatalf("row %d has %d cells, row %d has %d", r+1, len(row), r, w)
			}
			w = len(row)
			for c, cell := range row {
				if cell.Row != r || cell.Col != c || cell.Ref != letopis.CellRef(r, c) {
					t.Fatalf("cell at %d,%d says %d,%d %s", r, c, cell.Row, cell.Col, cell.Ref)
				}
				if cell.Kind == letopis.CellText && strings.TrimSpace(cell.Text) == "" {
					t.Fatalf("blank text cell %s", cell.Ref)
				}
			}
			n := len(row)
			for n > 0 && row[n-1].Kind == letopis.CellEmpty {
				n--
			}
			rows = append(rows, slices.Clone(row[:n]))
			return true
		})
		switch {
		case err != nil:
			oneLine(t, err)
			if wholeErr == nil {
				t.Fatalf("streamed: %v; read whole: no error", err)
			}
			if !errors.Is(wholeErr, ErrTooLarge) && !strings.HasSuffix(err.Error(), wholeErr.Error()) {
				t.Fatalf("streamed: %v; read whole: %v", err, wholeErr)
			}
		case wholeErr != nil:
			if !errors.Is(wholeErr, ErrTooLarge) { // padded to the widest row of the file, it may hold more cells
				t.Fatalf("read whole: %v; streamed: no error", wholeErr)
			}
		default:
			if len(rows) != len(whole.Rows) {
				t.Fatalf("streamed: %d rows; read whole: %d", len(rows), len(whole.Rows))
			}
			for r, row := range rows {
				if !slices.Equal(row, whole.Rows[r][:len(row)]) {
					t.Fatalf("row %d streamed: %+v; read whole: %+v", r+1, row, whole.Rows[r])
				}
			}
		}
	})
}
