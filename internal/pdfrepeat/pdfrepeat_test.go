package pdfrepeat

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/pdfcpu/pdfcpu/pkg/api"
)

func TestRepeat(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("..", "..", "testdata", "novus-2020-brochure.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	out, err := Repeat(src, 3)
	if err != nil {
		t.Fatal(err)
	}
	n, err := api.PageCount(bytes.NewReader(out), nil)
	if err != nil || n != 33 {
		t.Errorf("%d pages, %v; want 33", n, err)
	}
}
