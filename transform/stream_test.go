package transform

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"runtime/metrics"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/letopis/letopis"
	"github.com/letopis/letopis/extract"
	"github.com/letopis/letopis/internal/xlsxgen"
	"github.com/xuri/excelize/v2"
)

// streamSheet returns a workbook of one sheet, "Kazalniki": a title naming
// the organisation and year, a header on row 3 and indicator rows down to
// row n, with a project merged over rows 60–70 and hidden rows 63–66, both
// across the 64th row, where streaming begins, and a project per 50 rows.
func streamSheet(t testing.TB, n int) []byte {
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
	for i, h := range []string{"Projekt", "Naziv kazalnika", "Merska enota", "Predvidena vrednost", "Dosežena vrednost"} {
		ref, _ := excelize.CoordinatesToCellName(i+1, 3)
		set(ref, h)
	}
	pct, _ := f.NewStyle(&excelize.Style{NumFmt: 10})
	for r := 4; r <= n; r++ {
		if r%50 == 4 {
			set(fmt.Sprintf("A%d", r), fmt.Sprintf("Projekt Mreža %d", r/50))
		}
		set(fmt.Sprintf("B%d", r), fmt.Sprintf("Število udeležencev delavnice %d", r))
		set(fmt.Sprintf("C%d", r), "število oseb")
		set(fmt.Sprintf("D%d", r), r*2)
		set(fmt.Sprintf("E%d", r), r*3)
		if r%97 == 0 {
			set(fmt.Sprintf("E%d", r), float64(r%100)/100)
			must(f.SetCellStyle(s, fmt.Sprintf("E%d", r), fmt.Sprintf("E%d", r), pct))
		}
	}
	set("A60", "Projekt čez mejo")
	must(f.MergeCell(s, "A60", "A70"))
	for r := 63; r <= 66; r++ {
		must(f.SetRowVisible(s, r, false))
	}
	var buf bytes.Buffer
	must(f.Write(&buf))
	return buf.Bytes()
}

// wholeDoc returns doc with every sheet read whole into Rows.
func wholeDoc(t *testing.T, doc *letopis.Document) *letopis.Document {
	t.Helper()
	d := *doc
	d.Sheets = nil
	for _, tb := range doc.Sheets {
		w := tb
		w.Rows, w.HiddenRows, w.More = nil, map[int]bool{}, nil
		err := tb.EachRow(func(i int, r []letopis.Cell, hidden bool) bool {
			w.Rows = append(w.Rows, slices.Clone(r))
			if hidden {
				w.HiddenRows[i] = true
			}
			return true
		})
		if err != nil {
			t.Fatal(err)
		}
		d.Sheets = append(d.Sheets, w)
	}
	return &d
}

// splitDoc returns doc with the rows of every sheet from k rows below its
// header on given by More, as an extractor streams them (the header and
// the title rows above it stay in Rows, as Table.More promises).
func splitDoc(doc *letopis.Document, k int) *letopis.Document {
	d := *doc
	d.Sheets = nil
	for _, tb := range doc.Sheets {
		h := headerOf(&tb)
		if h == nil {
			d.Sheets = append(d.Sheets, tb)
			continue
		}
		head := h.row + 1 + k
		if len(tb.Rows) <= head {
			d.Sheets = append(d.Sheets, tb)
			continue
		}
		rest, hidden := tb.Rows[head:], tb.HiddenRows
		tb.Rows = tb.Rows[:head]
		tb.More = func(yield func([]letopis.Cell, bool) bool) error {
			for i, r := range rest {
				if !yield(slices.Clone(r), hidden[head+i]) {
					return nil
				}
			}
			return nil
		}
		d.Sheets = append(d.Sheets, tb)
	}
	return &d
}

// TestStreamedSheetFacts checks that a sheet read through Table.More gives
// the report of the same sheet read whole: a generated sheet of 500 rows
// that the xlsx extractor streams, and the fixtures with their rows split
// anywhere below the header.
func TestStreamedSheetFacts(t *testing.T) {
	ctx := context.Background()
	long, err := extract.File(ctx, "long.xlsx", streamSheet(t, 500), extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if tb := long.Sheets[0]; tb.More == nil || len(tb.Rows) != letopis.TableHeadRows {
		t.Fatalf("the 500-row sheet is not streamed: %d rows, More %v", len(tb.Rows), tb.More != nil)
	}
	tests := []struct {
		name             string
		streamed, whole  *letopis.Document
		wantFacts, wantA int // facts and activities, 0: not checked
	}{
		{"xlsx extractor, 500 rows", long, wholeDoc(t, long), 497 - 4, 2},
	}
	for _, name := range []string{"kazalniki-2020.xlsx", "kazalniki-2020.xls", "kazalniki-2020-cp1250.csv"} {
		p := filepath.Join("..", "testdata", name)
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := extract.File(ctx, p, data, extract.Options{})
		if err != nil {
			t.Fatal(err)
		}
		for _, k := range []int{0, 1, 3} {
			tests = append(tests, struct {
				name             string
				streamed, whole  *letopis.Document
				wantFacts, wantA int
			}{fmt.Sprintf("%s split %d rows below the header", name, k), splitDoc(doc, k), doc, 0, 0})
		}
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Read(tc.streamed, Options{})
			if err != nil {
				t.Fatal(err)
			}
			want, err := Read(tc.whole, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("streamed: %d facts, %d rejected, %d activities; whole: %d, %d, %d",
					len(got.Facts), len(got.Rejected), len(got.Activities), len(want.Facts), len(want.Rejected), len(want.Activities))
				for i := range min(len(got.Facts), len(want.Facts)) {
					if !reflect.DeepEqual(got.Facts[i], want.Facts[i]) {
						t.Errorf("first difference: fact %d\n got %+v\nwant %+v", i, got.Facts[i], want.Facts[i])
						break
					}
				}
			}
			if tc.wantFacts > 0 && (len(got.Facts) != tc.wantFacts || len(got.Activities) != tc.wantA) {
				t.Errorf("%d facts, %d activities; want %d, %d", len(got.Facts), len(got.Activities), tc.wantFacts, tc.wantA)
			}
		})
	}
	// Across the 64th row: the merged project names rows 60–70, the
	// hidden rows 63–66 give no fact.
	rep, err := Read(long, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range rep.Facts {
		var row int
		fmt.Sscanf(f.Location.Cell, "E%d", &row)
		if row >= 63 && row <= 66 {
			t.Errorf("fact of hidden row %d: %+v", row, f)
		}
		if (row >= 60 && row <= 70) != (f.Activity == activityTitle("Projekt čez mejo")) {
			t.Errorf("row %d: activity %q", row, f.Activity)
		}
	}
	if rep.Organisation != "Društvo Preizkus" || rep.Year != 2020 {
		t.Errorf("organisation %q, year %d", rep.Organisation, rep.Year)
	}
}

// TestStreamedReadError checks that a cell that cannot be read in the
// streamed rows of a sheet fails Read with one line naming the file, the
// sheet and the cell, and no report (so nothing is loaded).
func TestStreamedReadError(t *testing.T) {
	var sb strings.Builder
	sb.WriteString(`<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)
	sb.WriteString(`<row r="1"><c r="A1" t="inlineStr"><is><t>Naziv kazalnika</t></is></c><c r="B1" t="inlineStr"><is><t>Dosežena vrednost</t></is></c></row>`)
	for r := 2; r <= 300; r++ {
		fmt.Fprintf(&sb, `<row r="%d"><c r="A%d" t="inlineStr"><is><t>Število oseb %d</t></is></c>`, r, r, r)
		if r == 200 {
			fmt.Fprintf(&sb, `<c r="B%d" t="s"><v>77</v></c></row>`, r)
		} else {
			fmt.Fprintf(&sb, `<c r="B%d"><v>%d</v></c></row>`, r, r)
		}
	}
	sb.WriteString(`</sheetData></worksheet>`)
	f := excelize.NewFile()
	f.SetCellValue("Sheet1", "A1", "x")
	var buf bytes.Buffer
	f.Write(&buf)
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, zf := range zr.File {
		w, _ := zw.Create(zf.Name)
		if zf.Name == "xl/worksheets/sheet1.xml" {
			w.Write([]byte(sb.String()))
			continue
		}
		rc, _ := zf.Open()
		b := new(bytes.Buffer)
		b.ReadFrom(rc)
		rc.Close()
		w.Write(b.Bytes())
	}
	zw.Close()

	doc, err := extract.File(context.Background(), "bad.xlsx", out.Bytes(), extract.Options{})
	if err != nil {
		t.Fatalf("extract: %v (the bad cell is in the streamed rows)", err)
	}
	rep, err := Read(doc, Options{Year: 2020})
	var ie *letopis.InputError
	if rep != nil || !errors.As(err, &ie) {
		t.Fatalf("got a report (%v) and error %v; want no report and an InputError", rep != nil, err)
	}
	const want = `bad.xlsx: sheet Sheet1, cell B200: shared string "77" out of range`
	if msg := err.Error(); msg != want {
		t.Errorf("error %q, want %q", msg, want)
	}
	// TableFacts lists the error as the last rejected value.
	facts, rej := TableFacts(&doc.Sheets[0], TableContext{Year: 2020})
	if len(facts) != 198 || len(rej) == 0 || !strings.HasPrefix(rej[len(rej)-1].Reason, "rows not read: bad.xlsx: sheet Sheet1, cell B200") {
		t.Errorf("TableFacts: %d facts, rejected %v", len(facts), rej)
	}
}

// benchXLSX returns the generated indicator workbook of n data rows (and
// writes it to $LETOPIS_BENCH_XLSX_DIR if set).
func benchXLSX(b *testing.B, n int) []byte {
	b.Helper()
	data, err := xlsxgen.Indicators(n)
	if err != nil {
		b.Fatal(err)
	}
	if dir := os.Getenv("LETOPIS_BENCH_XLSX_DIR"); dir != "" { // for timing the CLI on the same file
		os.WriteFile(filepath.Join(dir, fmt.Sprintf("bench-%d.xlsx", n)), data, 0o644)
	}
	return data
}

// BenchmarkReadXLSX extracts and reads a generated workbook of 10,000 and
// 100,000 indicator rows (extract.File, then Read), as import does before
// the load. The live heap (as of the last collection,
// /gc/heap/live:bytes) is sampled every 2 ms: peak-live-MB is the most it
// held above the workbook's bytes, report-MB what the report holds after
// a collection, B/fact that per fact, and other-B/row the rest of the peak
// per row: the cells, which the streamed rows keep from growing with the
// rows. rows/s is for extraction and reading together.
func BenchmarkReadXLSX(b *testing.B) {
	live := func() uint64 {
		s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
		metrics.Read(s)
		return s[0].Value.Uint64()
	}
	for _, n := range []int{10_000, 100_000} {
		data := benchXLSX(b, n)
		b.Run(fmt.Sprintf("rows=%d", n), func(b *testing.B) {
			var peak, held uint64
			facts := 0
			for b.Loop() {
				runtime.GC()
				base := live()
				var mu sync.Mutex
				top := base
				done := make(chan struct{})
				var wg sync.WaitGroup
				wg.Go(func() {
					tick := time.NewTicker(2 * time.Millisecond)
					defer tick.Stop()
					for {
						select {
						case <-done:
							return
						case <-tick.C:
							v := live()
							mu.Lock()
							top = max(top, v)
							mu.Unlock()
						}
					}
				})
				doc, err := extract.File(context.Background(), "bench.xlsx", data, extract.Options{})
				if err != nil {
					b.Fatal(err)
				}
				rep, err := Read(doc, Options{Year: 2020})
				if err != nil {
					b.Fatal(err)
				}
				close(done)
				wg.Wait()
				runtime.GC()
				now := live()
				top = max(top, now)
				peak = max(peak, top-base)
				held = max(held, now-base)
				facts = len(rep.Facts)
				runtime.KeepAlive(rep)
			}
			if facts != n {
				b.Fatalf("%d facts, want %d", facts, n)
			}
			b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
			b.ReportMetric(float64(peak)/(1<<20), "peak-live-MB")
			b.ReportMetric(float64(held)/(1<<20), "report-MB")
			b.ReportMetric(float64(held)/float64(facts), "B/fact")
			b.ReportMetric((float64(peak)-float64(held))/float64(n), "other-B/row")
		})
	}
}
