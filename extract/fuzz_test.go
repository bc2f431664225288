package extract_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/letopis/letopis/extract"
)

// FuzzWorkbook mutates the corpus workbooks: any bytes under an .xlsx or
// .xls name give a document or a one-line error, never a panic or a hang.
func FuzzWorkbook(f *testing.F) {
	for _, name := range []string{"kazalniki-2020.xlsx", "kazalniki-2020.xls"} {
		b, err := os.ReadFile(filepath.Join("..", "testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b, strings.HasSuffix(name, ".xls"))
		f.Add(b[:len(b)/2], strings.HasSuffix(name, ".xls"))
	}
	// the small workbooks of the hostile corpus (the bombs are too large
	// to mutate usefully; TestHostile reads them)
	hostile, _ := filepath.Glob(filepath.Join(hostileDir, "*.xlsx"))
	for _, name := range hostile {
		if b, err := os.ReadFile(name); err == nil && len(b) < 64<<10 {
			f.Add(b, false)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte, xls bool) {
		name := "f.xlsx"
		if xls {
			name = "f.xls"
		}
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		defer cancel()
		start := time.Now()
		doc, err := extract.File(ctx, name, data, extract.Options{})
		if d := time.Since(start); d > 10*time.Second {
			t.Fatalf("%d bytes took %v", len(data), d)
		}
		if err != nil {
			if strings.Contains(err.Error(), "\n") || !strings.HasPrefix(err.Error(), name+": ") {
				t.Fatalf("error not one line naming the file: %q", err)
			}
			return
		}
		if doc == nil {
			t.Fatal("no document and no error")
		}
	})
}
