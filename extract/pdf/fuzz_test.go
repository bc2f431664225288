package pdf

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/letopis/letopis"
	"github.com/letopis/letopis/extract"
)

// FuzzExtract mutates real PDFs (and truncated ones, small hand-made ones
// and the hostile corpus of testdata/hostile) and checks that Extract neither panics nor hangs: it must return a
// document or an error within a bounded time.
func FuzzExtract(f *testing.F) {
	for _, name := range corpus {
		data := readCorpus(f, name)
		f.Add(data)
		f.Add(data[:len(data)/3])
		f.Add(data[:len(data)-40])
	}
	// the layout fixtures: rotated pages and text, nested, continued,
	// striped and tight tables, dot leaders, run-in headings
	layouts, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "layout", "*.pdf"))
	if len(layouts) == 0 {
		f.Fatal("no fixtures in testdata/layout")
	}
	for _, path := range layouts {
		data, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add(onePage(stream("", "BT /F1 12 Tf 100 700 Td (Letno porocilo 2020) Tj ET 0 0 100 100 re S"),
		"<< /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >>"))
	f.Add([]byte("%PDF-1.4\n%%EOF\n"))
	// the hostile corpus (go run ./scripts/hostile): looping and broken
	// structure, bombs, damage
	hostile, err := filepath.Glob(filepath.Join("..", "..", "testdata", "hostile", "*.pdf"))
	if err != nil || len(hostile) == 0 {
		f.Fatalf("no hostile corpus: %v", err)
	}
	for _, name := range hostile {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		start := time.Now()
		doc, err := Extract(ctx, "fuzz.pdf", data, extract.Options{PageTimeout: 5 * time.Second})
		if d := time.Since(start); d > 8*time.Second {
			t.Fatalf("Extract took %s", d)
		}
		if err == nil && doc == nil {
			t.Fatal("nil document without an error")
		}
		if err != nil && errors.Is(err, context.DeadlineExceeded) {
			t.Fatalf("Extract hit the deadline: %v", err)
		}
		if err != nil {
			_ = (&letopis.InputError{Path: "fuzz.pdf", Err: err}).Error()
		}
	})
}
