package sheet_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/letopis/letopis"
	"github.com/letopis/letopis/extract"
	_ "github.com/letopis/letopis/extract/sheet"
	"github.com/letopis/letopis/transform"
)

// TestStreamedCSVRead checks that transform.Read of a streamed CSV file
// gives a fact a row, and that a broken quote in its streamed records
// fails Read with one line naming the file, the sheet and the line, and
// no report (so nothing is loaded).
func TestStreamedCSVRead(t *testing.T) {
	csvFile := func(bad int) []byte {
		var sb strings.Builder
		sb.WriteString("Naziv kazalnika;Dosežena vrednost\n")
		for r := 2; r <= 300; r++ {
			if r == bad {
				fmt.Fprintf(&sb, "\"Število oseb %d\"x;%d\n", r, r)
				continue
			}
			fmt.Fprintf(&sb, "\"Število oseb %d\n(vključno s prostovoljci; brez osebja)\";%d\n", r, r)
		}
		return []byte(sb.String())
	}
	ctx := context.Background()
	doc, err := extract.File(ctx, "dobra.csv", csvFile(0), extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if tb := doc.Sheets[0]; tb.More == nil || len(tb.Rows) != letopis.TableHeadRows {
		t.Fatalf("not streamed: %d rows, More %v", len(tb.Rows), tb.More != nil)
	}
	rep, err := transform.Read(doc, transform.Options{Year: 2020})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Facts) != 299 {
		t.Errorf("%d facts, want 299", len(rep.Facts))
	}

	doc, err = extract.File(ctx, "bad.csv", csvFile(200), extract.Options{})
	if err != nil {
		t.Fatalf("extract: %v (the broken quote is in the streamed rows)", err)
	}
	rep, err = transform.Read(doc, transform.Options{Year: 2020})
	var ie *letopis.InputError
	if rep != nil || !errors.As(err, &ie) {
		t.Fatalf("got a report (%v) and error %v; want no report and an InputError", rep != nil, err)
	}
	// Row 200 starts on line 398: the records before it span two lines
	// each; column 19 is the byte after the quote (Š is two bytes).
	const want = `bad.csv: sheet bad: line 398, column 19: extraneous or missing " in quoted-field`
	if msg := err.Error(); msg != want {
		t.Errorf("error %q, want %q", msg, want)
	}
}
