package sheet

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/letopis/letopis"
	"github.com/letopis/letopis/extract"
	"github.com/xuri/excelize/v2"
)

// benchWorkbook writes an indicator sheet of n data rows with excelize's
// StreamWriter into dir and returns its bytes.
func benchWorkbook(b *testing.B, dir string, n int) []byte {
	b.Helper()
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		b.Fatal(err)
	}
	pct, _ := f.NewStyle(&excelize.Style{NumFmt: 10})
	thousands, _ := f.NewStyle(&excelize.Style{NumFmt: 3})
	if err := sw.SetRow("A1", []any{"Projekt", "Šifra", "Naziv kazalnika", "Merska enota", "Predvidena vrednost", "Dosežena vrednost", "Delež"}); err != nil {
		b.Fatal(err)
	}
	for i := 0; i < n; i++ {
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		row := []any{
			"Projekt " + fmt.Sprint(i%50), fmt.Sprintf("K%d", i), "Število oseb, vključenih v program",
			"število oseb", i % 1000,
			excelize.Cell{StyleID: thousands, Value: i * 7},
			excelize.Cell{StyleID: pct, Value: float64(i%100) / 100},
		}
		if err := sw.SetRow(cell, row); err != nil {
			b.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		b.Fatal(err)
	}
	p := filepath.Join(dir, fmt.Sprintf("bench-%d.xlsx", n))
	if err := f.SaveAs(p); err != nil {
		b.Fatal(err)
	}
	data, err := os.ReadFile(p)
	if err != nil {
		b.Fatal(err)
	}
	return data
}

// heapPeak samples the live heap; call it now and then during the work.
type heapPeak struct{ base, peak uint64 }

func newHeapPeak() *heapPeak {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return &heapPeak{base: m.HeapAlloc}
}

func (h *heapPeak) sample() {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	if m.HeapAlloc > h.base && m.HeapAlloc-h.base > h.peak {
		h.peak = m.HeapAlloc - h.base
	}
}

// BenchmarkXLSX extracts a generated workbook of 10 000 and 100 000 rows.
//
// "extract" extracts the Document (its first rows, the others left to
// Table.More) and reads every row through EachRow, keeping none: its peak
// live heap (sampled every 5,000 rows, above the workbook's bytes) is flat
// in the rows, and peak-heap-B/row falls as the rows grow. "stream" runs
// the bare sheet reader with a row callback that keeps nothing.
func BenchmarkXLSX(b *testing.B) {
	for _, n := range []int{10_000, 100_000} {
		data := benchWorkbook(b, b.TempDir(), n)
		b.Run(fmt.Sprintf("extract/rows=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			var peak uint64
			for b.Loop() {
				h := newHeapPeak()
				doc, err := XLSX{}.Extract(context.Background(), "bench.xlsx", data, extract.Options{})
				if err != nil {
					b.Fatal(err)
				}
				rows := 0
				err = doc.Sheets[0].EachRow(func(int, []letopis.Cell, bool) bool {
					rows++
					if rows%5000 == 0 {
						h.sample()
					}
					return true
				})
				if err != nil {
					b.Fatal(err)
				}
				h.sample()
				peak = max(peak, h.peak)
				if rows != n+1 {
					b.Fatalf("%d rows, want %d", rows, n+1)
				}
			}
			b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
			b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
			b.ReportMetric(float64(peak)/float64(n), "peak-heap-B/row")
		})
		b.Run(fmt.Sprintf("stream/rows=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			var peak uint64
			for b.Loop() {
				h := newHeapPeak()
				rows := 0
				err := walkXLSX(context.Background(), data, func(s xlsxSheet) error {
					_, err := s.rows(func(r int, hidden bool, cells []letopis.Cell) error {
						rows++
						if rows%5000 == 0 {
							h.sample()
						}
						return nil
					})
					return err
				})
				if err != nil {
					b.Fatal(err)
				}
				h.sample()
				peak = max(peak, h.peak)
				if rows != n+1 {
					b.Fatalf("%d rows, want %d", rows, n+1)
				}
			}
			b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
			b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
		})
	}
}
