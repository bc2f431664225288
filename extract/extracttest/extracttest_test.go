package extracttest

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/letopis/letopis"
	"github.com/letopis/letopis/extract"
)

// broken is an extractor with one fault, to show the suite finds it.
type broken struct{ fault string }

var sample = []byte("BRK1 a valid sample of the broken formats, long enough to be cut")

func (b broken) Extract(_ context.Context, _ string, data []byte, _ extract.Options) (*letopis.Document, error) {
	valid := bytes.Equal(data, sample)
	switch {
	case b.fault == "panic" && !valid && len(data) > 3:
		var t *letopis.Table
		_ = t.Rows // a nil dereference on damaged bytes
	case b.fault == "lines" && !valid:
		return nil, errors.New("bad bytes\nat the second line")
	case !valid:
		return nil, errors.New("not a valid sample")
	}
	doc := &letopis.Document{Pages: []letopis.Page{{Number: 1}}, Sheets: []letopis.Table{{Sheet: "S", Rows: [][]letopis.Cell{{{Kind: letopis.CellText, Text: "a"}, {Kind: letopis.CellText, Text: "b", Col: 1}}}}}}
	switch b.fault {
	case "pages":
		doc.Pages[0].Number = 0
	case "cells":
		doc.Sheets[0].Rows[0][1].Col = 0
	}
	return doc, nil
}

// TestBrokenFormats is run by TestSuiteFindsFaults in a process of its own
// (the registry is the process's): each format has one fault.
func TestBrokenFormats(t *testing.T) {
	if os.Getenv("EXTRACTTEST_BROKEN") == "" {
		t.Skip("run by TestSuiteFindsFaults")
	}
	for _, fault := range []string{"none", "panic", "lines", "pages", "cells"} {
		extract.Register(extract.Format{Name: "brk" + fault, Extensions: []string{".brk" + fault}, Extractor: broken{fault}})
		t.Run(fault, func(t *testing.T) {
			Run(t, Suite{Format: "brk" + fault, Samples: []Sample{{Name: "s.brk" + fault, Data: sample}}, Mutations: 4})
		})
	}
}

// TestSuiteFindsFaults: the suite passes a sound extractor and fails each
// fault it promises to find, saying what is wrong.
func TestSuiteFindsFaults(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the test binary again")
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestBrokenFormats$", "-test.v")
	cmd.Env = append(os.Environ(), "EXTRACTTEST_BROKEN=1")
	out, err := cmd.CombinedOutput()
	if err == nil {
		t.Fatalf("the suite passed broken extractors:\n%s", out)
	}
	for _, want := range []string{
		"--- PASS: TestBrokenFormats/none",
		"--- FAIL: TestBrokenFormats/panic",
		"the extractor panicked: runtime error: invalid memory address",
		"--- FAIL: TestBrokenFormats/lines",
		"the error is not one line saying what is wrong",
		"--- FAIL: TestBrokenFormats/pages",
		"pages count from 1 in order",
		"--- FAIL: TestBrokenFormats/cells",
		"the cell at row 0, column 1 says row 0, column 0",
	} {
		if !strings.Contains(string(out), want) {
			t.Errorf("the suite's output lacks %q:\n%s", want, out)
		}
	}
}
