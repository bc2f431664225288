package sheet

import (
	"context"
	"fmt"
	"runtime"
	"runtime/metrics"
	"testing"

	"github.com/letopis/letopis"
	"github.com/letopis/letopis/extract"
)

// BenchmarkCSV extracts a generated CSV export (Windows-1250, ';', a
// quoted two-line field every seventh row) of 10 000 and 100 000 rows and
// reads every row through EachRow, keeping none. The live heap is sampled
// every 5,000 rows, as in BenchmarkXLSX: peak-heap-MB is the most it held
// above the file's bytes, garbage not yet collected included, which the
// collector lets grow with the heap it keeps (the file's bytes among it);
// peak-live-MB is the most that the last collection before a sample
// found live, what the rows keep, which streaming keeps flat in the rows.
func BenchmarkCSV(b *testing.B) {
	liveHeap := func() uint64 {
		s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
		metrics.Read(s)
		return s[0].Value.Uint64()
	}
	for _, n := range []int{10_000, 100_000} {
		data, _, _ := longCSV(b, n, 0)
		b.Run(fmt.Sprintf("rows=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			var peak, peakLive uint64
			for b.Loop() {
				h := newHeapPeak()
				runtime.GC()
				base, top := liveHeap(), uint64(0)
				sample := func() {
					h.sample()
					if v := liveHeap(); v > base {
						top = max(top, v-base)
					}
				}
				doc, err := CSV{}.Extract(context.Background(), "bench.csv", data, extract.Options{})
				if err != nil {
					b.Fatal(err)
				}
				rows := 0
				err = doc.Sheets[0].EachRow(func(int, []letopis.Cell, bool) bool {
					rows++
					if rows%5000 == 0 {
						sample()
					}
					return true
				})
				if err != nil {
					b.Fatal(err)
				}
				sample()
				peak, peakLive = max(peak, h.peak), max(peakLive, top)
				if rows != n+2 {
					b.Fatalf("%d rows, want %d", rows, n+2)
				}
			}
			b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
			b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
			b.ReportMetric(float64(peak)/float64(n), "peak-heap-B/row")
			b.ReportMetric(float64(peakLive)/(1<<20), "peak-live-MB")
			b.ReportMetric(float64(len(data))/(1<<20), "file-MB")
		})
	}
}
