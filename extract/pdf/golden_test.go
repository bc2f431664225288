package pdf

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/letopis/letopis/extract"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// corpus lists the real reports the golden files are made of, besides
// every report of testdata/reports.
var corpus = []string{"novus-2020-brochure.pdf", "novus-2020-plain.pdf"}

func TestGolden(t *testing.T) {
	reports, err := filepath.Glob(filepath.Join("..", "..", "testdata", "reports", "*", "*.pdf"))
	if err != nil || len(reports) == 0 {
		t.Fatalf("no reports in testdata/reports (%v)", err)
	}
	// the layout fixtures of scripts/layoutpdf: rotated text, nested,
	// continued and striped tables, furniture, headings
	layouts, err := filepath.Glob(filepath.Join("..", "..", "testdata", "layout", "*.pdf"))
	if err != nil || len(layouts) == 0 {
		t.Fatalf("no fixtures in testdata/layout (%v)", err)
	}
	reports = append(reports, layouts...)
	names := append([]string(nil), corpus...)
	for _, r := range reports {
		rel, _ := filepath.Rel(filepath.Join("..", "..", "testdata"), r)
		names = append(names, filepath.ToSlash(rel))
	}
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join("..", "..", "testdata", name)
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			doc, err := extract.File(context.Background(), "testdata/"+name, data, extract.Options{})
			if err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			if err := extract.Print(&buf, doc); err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("testdata", filepath.Base(name)+".golden")
			if *update {
				if err := os.MkdirAll("testdata", 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./extract/pdf -update)", err)
			}
			if !bytes.Equal(buf.Bytes(), want) {
				t.Errorf("%s differs from the extracted document; inspect the diff and rerun with -update if it is right", golden)
			}
		})
	}
}
