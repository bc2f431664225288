package sheet

import (
	"context"
	"fmt"
	"runtime"
	"testing"

	"github.com/letopis/letopis"
	"github.com/letopis/letopis/extract"
	"github.com/letopis/letopis/internal/xlsxgen"
)

// benchWorkbook returns the generated indicator workbook of n data rows.
func benchWorkbook(b *testing.B, n int) []byte {
	b.Helper()
	data, err := xlsxgen.Indicators(n)
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
		data := benchWorkbook(b, n)
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
