package pdf

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/letopis/letopis"
	"github.com/letopis/letopis/extract"
)

// TestHeadings reads the headings of testdata/layout/headings.pdf (made by
// scripts/layoutpdf): numbered by digits, Roman numerals and letters (the
// number kept as the label), run into their paragraph in bold, and set
// apart by space alone in the text's own type.
func TestHeadings(t *testing.T) {
	path := filepath.Join("..", "..", "testdata", "layout", "headings.pdf")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := Extract(context.Background(), path, data, extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []struct{ label, text string }{
		{"", "Letno poročilo 2023"},
		{"I.", "Delo društva"},
		{"1.", "Programi za mlade"},
		{"1.1", "Učna pomoč"},
		{"A)", "Počitniške delavnice"},
		{"B)", "Bralni klub"},
		{"II.", "Sodelovanje"},
		{"", "Občina"},        // run in: Občina. Občina Lokve je …
		{"", "Šole in vrtci"}, // run in
		{"", "Prostovoljci"},  // set apart by space
		{"", "Finance"},       // set apart by space
	}
	var got []letopis.Block
	for _, p := range doc.Pages {
		for _, b := range p.Blocks {
			if b.Kind == letopis.BlockHeading {
				got = append(got, b)
			}
		}
	}
	if len(got) != len(want) {
		for _, b := range got {
			t.Logf("heading %q %q", b.Label, b.Text())
		}
		t.Fatalf("%d headings, want %d", len(got), len(want))
	}
	for i, w := range want {
		if got[i].Label != w.label || got[i].Text() != w.text {
			t.Errorf("heading %d: %q %q, want %q %q", i+1, got[i].Label, got[i].Text(), w.label, w.text)
		}
	}
	// the paragraph after a run-in heading keeps the rest of its line
	for _, p := range doc.Pages {
		for i, b := range p.Blocks {
			if b.Kind == letopis.BlockHeading && b.Text() == "Občina" {
				if next := p.Blocks[i+1].Lines[0].Text; next[:len("Občina Lokve")] != "Občina Lokve" {
					t.Errorf("paragraph after the run-in heading starts %q", next)
				}
			}
		}
	}
}
