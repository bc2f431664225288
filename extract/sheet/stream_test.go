package sheet

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/letopis/letopis"
	"github.com/letopis/letopis/extract"
	"github.com/xuri/excelize/v2"
)

// longWorkbook returns a workbook whose sheet "Kazalniki" has a title, a
// header on row 3 and indicator rows down to row 500, with merged ranges
// and hidden rows on both sides of the 64th row and across it, a gap of
// empty rows, a wider row far down and a merged range that reaches past
// the last row; and a small second sheet.
func longWorkbook(t testing.TB) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	s := "Kazalniki"
	must(f.SetSheetName("Sheet1", s))
	set := func(ref string, v any) { must(f.SetCellValue(s, ref, v)) }
	set("A1", "Društvo Preizkus – poročilo o kazalnikih za leto 2020")
	must(f.MergeCell(s, "A1", "E1"))
	for i, h := range []string{"Projekt", "Naziv kazalnika", "Merska enota", "Dosežena vrednost", "Opomba"} {
		ref, _ := excelize.CoordinatesToCellName(i+1, 3)
		set(ref, h)
	}
	pct, _ := f.NewStyle(&excelize.Style{NumFmt: 10})
	for r := 4; r <= 500; r++ {
		if r >= 200 && r <= 220 {
			continue // a gap
		}
		if r%50 == 4 || r == 60 {
			set(fmt.Sprintf("A%d", r), fmt.Sprintf("Projekt %d", r/50))
		}
		set(fmt.Sprintf("B%d", r), fmt.Sprintf("Število oseb v skupini %d", r))
		set(fmt.Sprintf("C%d", r), "število oseb")
		set(fmt.Sprintf("D%d", r), r*3)
		if r%97 == 0 {
			must(f.SetCellValue(s, fmt.Sprintf("D%d", r), float64(r%100)/100))
			must(f.SetCellStyle(s, fmt.Sprintf("D%d", r), fmt.Sprintf("D%d", r), pct))
		}
	}
	set("A60", "Projekt čez mejo")
	must(f.MergeCell(s, "A60", "A70"))   // across the 64th row
	must(f.MergeCell(s, "B300", "C301")) // in the streamed rows
	set("E498", "opomba čez konec")      //
	must(f.MergeCell(s, "E498", "E503")) // past the last row
	must(f.MergeCell(s, "A130", "A140")) // a range with no value
	set("H400", "daleč desno")           // a wider row
	for _, r := range []int{63, 64, 65, 66, 250} {
		must(f.SetRowVisible(s, r, false))
	}
	_, err := f.NewSheet("Opombe")
	must(err)
	must(f.SetCellValue("Opombe", "A1", "Vir: lastni podatki"))
	var buf bytes.Buffer
	must(f.Write(&buf))
	return buf.Bytes()
}

// allRows reads every row of t through EachRow, copied, with the hidden
// ones; trailing empty cells that merely pad a row are left out, since a
// streamed row is padded to the width of the rows before it only.
func allRows(t *testing.T, tb *letopis.Table) ([][]letopis.Cell, []int) {
	t.Helper()
	var rows [][]letopis.Cell
	var hidden []int
	err := tb.EachRow(func(i int, r []letopis.Cell, h bool) bool {
		if i != len(rows) {
			t.Fatalf("sheet %q: row %d given as %d", tb.Sheet, len(rows), i)
		}
		n := len(r)
		for n > 0 && r[n-1].Kind == letopis.CellEmpty && !r[n-1].Merged {
			n--
		}
		rows = append(rows, slices.Clone(r[:n]))
		if h {
			hidden = append(hidden, i)
		}
		return true
	})
	if err != nil {
		t.Fatalf("sheet %q: %v", tb.Sheet, err)
	}
	return rows, hidden
}

// TestStreamedSheets checks that a sheet read in its first rows and
// streamed through More has the cells, merged copies and hidden rows of the
// same sheet read whole, for any length of the first rows.
func TestStreamedSheets(t *testing.T) {
	_, fixture := fixture(t, "kazalniki-2020.xlsx")
	files := []struct {
		name string
		data []byte
	}{
		{"generated 500 rows", longWorkbook(t)},
		{"kazalniki-2020.xlsx", fixture},
	}
	for _, file := range files {
		whole, err := (XLSX{}).Extract(context.Background(), "w.xlsx", file.data, extract.Options{HeadRows: 1 << 30})
		if err != nil {
			t.Fatal(err)
		}
		for _, head := range []int{1, 2, 5, 64, 499, 500} {
			t.Run(fmt.Sprintf("%s/head=%d", file.name, head), func(t *testing.T) {
				doc, err := (XLSX{}).Extract(context.Background(), "s.xlsx", file.data, extract.Options{HeadRows: head})
				if err != nil {
					t.Fatal(err)
				}
				if len(doc.Sheets) != len(whole.Sheets) {
					t.Fatalf("%d sheets, want %d", len(doc.Sheets), len(whole.Sheets))
				}
				for i := range doc.Sheets {
					got, want := &doc.Sheets[i], &whole.Sheets[i]
					// (the last 3 rows of the long sheet are made by a merged range only)
					if got.More != nil && len(got.Rows) != head || got.More == nil && len(want.Rows) > head+3 {
						t.Errorf("sheet %q of %d rows: %d rows with More %v", got.Sheet, len(want.Rows), len(got.Rows), got.More != nil)
					}
					gr, gh := allRows(t, got)
					wr, wh := allRows(t, want)
					if len(gr) != len(wr) {
						t.Fatalf("sheet %q: %d rows, want %d", got.Sheet, len(gr), len(wr))
					}
					for r := range wr {
						if !reflect.DeepEqual(gr[r], wr[r]) {
							t.Errorf("sheet %q row %d:\n got %+v\nwant %+v", got.Sheet, r+1, gr[r], wr[r])
						}
					}
					if !slices.Equal(gh, wh) {
						t.Errorf("sheet %q: hidden rows %v, want %v", got.Sheet, gh, wh)
					}
				}
			})
		}
	}
}

// TestStreamedMore checks what More promises: it reads again on every
// call, stops when yield says so, and each row has its own index.
func TestStreamedMore(t *testing.T) {
	doc, err := XLSX{}.Extract(context.Background(), "s.xlsx", longWorkbook(t), extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	tb := &doc.Sheets[0]
	if tb.More == nil || len(tb.Rows) != letopis.TableHeadRows {
		t.Fatalf("%d rows in Rows, More %v", len(tb.Rows), tb.More != nil)
	}
	tests := []struct {
		name  string
		stop  int // yield returns false at this row, -1 never
		count int
	}{
		{"all", -1, 503 - letopis.TableHeadRows},
		{"again", -1, 503 - letopis.TableHeadRows},
		{"stop at once", letopis.TableHeadRows, 1},
		{"stop at 300", 299, 300 - letopis.TableHeadRows},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			n, r := 0, letopis.TableHeadRows
			err := tb.More(func(row []letopis.Cell, _ bool) bool {
				n++
				if row[0].Row != r || row[0].Ref != letopis.CellRef(r, 0) {
					t.Fatalf("row %d: first cell %+v", r, row[0])
				}
				r++
				return r-1 != tc.stop
			})
			if err != nil || n != tc.count {
				t.Errorf("%d rows, error %v; want %d", n, err, tc.count)
			}
		})
	}
}

// patchSheet returns data with the XML of worksheet 1 replaced.
func patchSheet(t testing.TB, data []byte, sheetXML string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, zf := range zr.File {
		w, _ := zw.Create(zf.Name)
		if zf.Name == "xl/worksheets/sheet1.xml" {
			w.Write([]byte(sheetXML))
			continue
		}
		rc, _ := zf.Open()
		b := new(bytes.Buffer)
		b.ReadFrom(rc)
		rc.Close()
		w.Write(b.Bytes())
	}
	zw.Close()
	return out.Bytes()
}

// rowsXML returns the XML of a worksheet of n rows of two cells, with
// extra put in row bad and tail after the rows.
func rowsXML(n, bad int, extra, tail string) string {
	var sb strings.Builder
	sb.WriteString(`<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>`)
	for r := 1; r <= n; r++ {
		fmt.Fprintf(&sb, `<x:row r="%d"><x:c r="A%d" t="inlineStr"><x:is><x:t>vrstica %d</x:t></x:is></x:c><x:c r="B%d"><x:v>%d</x:v></x:c>`, r, r, r, r, r)
		if r == bad {
			sb.WriteString(extra)
		}
		sb.WriteString(`</x:row>`)
	}
	sb.WriteString(`</x:sheetData>` + tail + `</x:worksheet>`)
	return sb.String()
}

// TestStreamedErrors checks that what is wrong in the streamed rows of a
// sheet comes out of More as one line naming the file, the sheet and the
// cell, after the rows before it.
func TestStreamedErrors(t *testing.T) {
	f := excelize.NewFile()
	f.SetCellValue("Sheet1", "A1", "x")
	var buf bytes.Buffer
	f.Write(&buf)
	base := buf.Bytes()
	tests := []struct {
		name, xml string
		want      string
		rows      int // rows yielded before the error
	}{
		{"bad shared string", rowsXML(300, 200, `<x:c r="C200" t="s"><x:v>99</x:v></x:c>`, ""), "s.xlsx: sheet Sheet1, cell C200: shared string \"99\" out of range", 200 - 64 - 1},
		{"bad number", rowsXML(300, 250, `<x:c r="C250"><x:v>12a</x:v></x:c>`, ""), "s.xlsx: sheet Sheet1, cell C250: number \"12a\"", 250 - 64 - 1},
		{"rows out of order", rowsXML(300, 100, `</x:row><x:row r="90">`, ""), "s.xlsx: sheet Sheet1: row 90: rows out of order", 100 - 64},
		{"far-away row", rowsXML(100, 100, `</x:row><x:row r="1000000"><x:c r="A1000000"><x:v>1</x:v></x:c>`, ""), "s.xlsx: sheet Sheet1: too many cells", -1},
		{"huge merged range", rowsXML(100, 0, "", `<x:mergeCells><x:mergeCell ref="A90:B1048576"/></x:mergeCells>`), "s.xlsx: sheet Sheet1: too many cells", -1},
		{"truncated", strings.TrimSuffix(rowsXML(300, 0, "", ""), `</x:row></x:sheetData></x:worksheet>`), "s.xlsx: sheet Sheet1: worksheet XML", -1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := extract.File(context.Background(), "s.xlsx", patchSheet(t, base, tc.xml), extract.Options{})
			if err != nil {
				t.Fatalf("Extract: %v", err)
			}
			tb := &doc.Sheets[0]
			if tb.More == nil {
				t.Fatal("not streamed")
			}
			n := 0
			err = tb.More(func([]letopis.Cell, bool) bool { n++; return true })
			var ie *letopis.InputError
			if err == nil || !errors.As(err, &ie) || ie.Sheet != "Sheet1" {
				t.Fatalf("error %v, want an InputError naming the sheet", err)
			}
			if msg := err.Error(); !strings.HasPrefix(msg, tc.want) || strings.Contains(msg, "\n") {
				t.Errorf("error %q, want one line starting %q", msg, tc.want)
			}
			if tc.rows >= 0 && n != tc.rows {
				t.Errorf("%d rows before the error, want %d", n, tc.rows)
			}
		})
	}
}

// TestScanMerges checks the scan for the merged ranges after the rows.
func TestScanMerges(t *testing.T) {
	tests := []struct {
		name, xml string
		want      []mergeRange
	}{
		{"plain", `<worksheet><sheetData><row r="1"/></sheetData><mergeCells count="2"><mergeCell ref="A1:B2"/><mergeCell ref="C3"/></mergeCells></worksheet>`,
			[]mergeRange{{0, 0, 1, 1}, {2, 2, 2, 2}}},
		{"prefixed", `<x:worksheet><x:sheetData></x:sheetData><x:mergeCells><x:mergeCell ref="B2:B9"/></x:mergeCells></x:worksheet>`,
			[]mergeRange{{1, 1, 8, 1}}},
		{"start tag only", `<worksheet><sheetData><row><c t="inlineStr"><is><t>sheetData&gt;</t></is></c></row></sheetData><mergeCells><mergeCell ref="A1:A2"/></mergeCells></worksheet>`,
			[]mergeRange{{0, 0, 1, 0}}},
		{"none", `<worksheet><sheetData></sheetData></worksheet>`, nil},
		{"no end of rows", `<worksheet><sheetData><row r="1">`, nil},
		{"end tag across reads", `<worksheet><sheetData>` + strings.Repeat(" ", 64<<10-14) + `</sheetData><mergeCells><mergeCell ref="D4:E5"/></mergeCells></worksheet>`,
			[]mergeRange{{3, 3, 4, 4}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := scanMerges(strings.NewReader(tc.xml))
			if err != nil || !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got %v, %v; want %v", got, err, tc.want)
			}
		})
	}
}
