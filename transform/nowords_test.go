package transform

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/letopis/letopis/extract"
)

// TestNoWordsSameReport: import extracts PDFs without the words of each
// line (extract.Options.NoWords); the report must be the one read with them.
func TestNoWordsSameReport(t *testing.T) {
	for _, name := range []string{"novus-2020-brochure.pdf", "novus-2020-plain.pdf"} {
		path := filepath.Join("..", "testdata", name)
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		read := func(opts extract.Options) (facts, acts int, first any) {
			doc, err := extract.File(context.Background(), path, data, opts)
			if err != nil {
				t.Fatal(err)
			}
			rep, err := Read(doc, Options{})
			if err != nil {
				t.Fatal(err)
			}
			return len(rep.Facts), len(rep.Activities), [2]any{rep.Facts, rep.Activities}
		}
		f1, a1, r1 := read(extract.Options{})
		f2, a2, r2 := read(extract.Options{NoWords: true})
		if f1 != f2 || a1 != a2 || !reflect.DeepEqual(r1, r2) {
			t.Errorf("%s: with words %d facts, %d activities; without %d, %d", name, f1, a1, f2, a2)
		}
	}
}
