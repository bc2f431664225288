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

// corpus lists the real reports the golden files are made of.
var corpus = []string{"novus-2020-brochure.pdf", "novus-2020-plain.pdf"}

func TestGolden(t *testing.T) {
	for _, name := range corpus {
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
			golden := filepath.Join("testdata", name+".golden")
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
