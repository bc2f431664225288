package pdf

import (
	"bytes"
	"context"
	"io"
	"runtime"
	"testing"

	"github.com/letopis/letopis/extract"
	"github.com/pdfcpu/pdfcpu/pkg/api"
)

// Repeat returns the PDF in data repeated n times as one document, built in
// memory with pdfcpu.
func Repeat(data []byte, n int) ([]byte, error) {
	rs := make([]io.ReadSeeker, n)
	for i := range rs {
		rs[i] = bytes.NewReader(data)
	}
	var out bytes.Buffer
	if err := api.MergeRaw(rs, &out, false, nil); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// BenchmarkExtract440 extracts the brochure repeated 40 times (440 pages)
// and reports pages per second, allocations and the peak heap.
func BenchmarkExtract440(b *testing.B) {
	big, err := Repeat(readCorpus(b, "novus-2020-brochure.pdf"), 40)
	if err != nil {
		b.Skipf("cannot build the 440-page PDF: %v", err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	pages := 0
	var peak uint64
	for i := 0; i < b.N; i++ {
		doc, err := Extract(context.Background(), "big.pdf", big, extract.Options{})
		if err != nil {
			b.Fatal(err)
		}
		pages += len(doc.Pages)
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		peak = max(peak, ms.HeapInuse)
	}
	b.ReportMetric(float64(pages)/b.Elapsed().Seconds(), "pages/s")
	b.ReportMetric(float64(peak)/(1<<20), "heapMB")
}
