package extract

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/letopis/letopis"
)

func sheetDoc() *letopis.Document {
	t := letopis.Table{Sheet: "Kazalniki", HeaderRows: 1, HiddenRows: map[int]bool{2: true}}
	t.Rows = [][]letopis.Cell{
		{{Kind: letopis.CellText, Text: "Kazalnik", Ref: "A1"}, {Kind: letopis.CellText, Text: "Vrednost", Ref: "B1"}},
		{{Kind: letopis.CellText, Text: "Število oseb iz ranljivih ciljnih skupin, vključenih v program", Ref: "A2"},
			{Kind: letopis.CellNumber, Text: "62", Number: 62, Ref: "B2"}},
		{{Kind: letopis.CellText, Text: "skrito", Ref: "A3"}, {Kind: letopis.CellEmpty, Merged: true, Ref: "B3"}},
	}
	return &letopis.Document{Path: "k.xlsx", Format: "xlsx", Sheets: []letopis.Table{t, {Sheet: "Prazen", Hidden: true}}}
}

func TestPrintSheets(t *testing.T) {
	var a, b bytes.Buffer
	if err := Print(&a, sheetDoc()); err != nil {
		t.Fatal(err)
	}
	if err := Print(&b, sheetDoc()); err != nil {
		t.Fatal(err)
	}
	if a.String() != b.String() {
		t.Error("Print is not deterministic")
	}
	want := `document k.xlsx (xlsx): 0 pages, 2 sheets

=== sheet "Kazalniki": 3 rows, header rows 1
  +-----------------------------------+----------+
  | Kazalnik                          | Vrednost |
  +===================================+==========+
  | Število oseb iz ranljivih ciljnih |       62 |
  | skupin, vključenih v program      |          |
  +-----------------------------------+----------+
  | skrito                            | ^        | (hidden)
  +-----------------------------------+----------+

=== sheet "Prazen" (hidden): 0 rows, header rows 0
  (empty)
`
	if a.String() != want {
		t.Errorf("got\n%s\nwant\n%s", a.String(), want)
	}
}

func TestPrintPage(t *testing.T) {
	tab := &letopis.Table{Page: 1, HeaderRows: 1, Rows: [][]letopis.Cell{
		{{Kind: letopis.CellText, Text: "Vrsta"}, {Kind: letopis.CellText, Text: "Dosežene"}},
		{{Kind: letopis.CellText, Text: "Učinek"}, {Kind: letopis.CellNumber, Text: "40,32 %", Number: 0.4032}},
	}}
	doc := &letopis.Document{Path: "r.pdf", Format: "pdf", Pages: []letopis.Page{
		{Number: 1, Width: 595.3, Height: 841.9, Blocks: []letopis.Block{
			{Kind: letopis.BlockHeading, Level: 1, Page: 1, BBox: letopis.BBox{X0: 40.4, Y0: 700, X1: 300, Y1: 720.6}, Lines: []letopis.Line{{Text: "PROJEKT"}}},
			{Kind: letopis.BlockBox, Label: "2", Page: 1, Lines: []letopis.Line{{Text: "190 (od tega …)"}}},
			{Kind: letopis.BlockTable, Page: 1, Table: tab},
		}},
		{Number: 2, Width: 595.3, Height: 841.9},
	}}
	var buf bytes.Buffer
	if err := Print(&buf, doc); err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{
		"=== page 1 (595 x 842 pt)",
		"[1] heading h1 @(40,700 300,721)\n    PROJEKT",
		`[2] box label="2" @(0,0 0,0)` + "\n    190 (od tega …)",
		"table 2 rows x 2 cols, header rows 1",
		"| Učinek |  40,32 % |",
		"=== page 2 (595 x 842 pt): no text layer",
	} {
		if !strings.Contains(buf.String(), s) {
			t.Errorf("output lacks %q:\n%s", s, buf.String())
		}
	}
	buf.Reset()
	if err := PrintJSON(&buf, doc); err != nil {
		t.Fatal(err)
	}
	var back letopis.Document
	if err := json.Unmarshal(buf.Bytes(), &back); err != nil || back.Pages[0].Blocks[1].Label != "2" {
		t.Errorf("JSON does not round-trip: %v", err)
	}
}

// streamedDoc returns sheetDoc with the rows of its first sheet after the
// first given by Table.More, failing with err after them if err is set.
func streamedDoc(err error) *letopis.Document {
	doc := sheetDoc()
	t := &doc.Sheets[0]
	rest, hidden := t.Rows[1:], t.HiddenRows
	t.Rows, t.HiddenRows = t.Rows[:1], nil
	t.More = func(yield func([]letopis.Cell, bool) bool) error {
		for i, r := range rest {
			if !yield(r, hidden[1+i]) {
				return nil
			}
		}
		return err
	}
	return doc
}

func TestPrintStreamed(t *testing.T) {
	tests := []struct {
		name  string
		print func(*bytes.Buffer, *letopis.Document) error
	}{
		{"text", func(b *bytes.Buffer, d *letopis.Document) error { return Print(b, d) }},
		{"json", func(b *bytes.Buffer, d *letopis.Document) error { return PrintJSON(b, d) }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var whole, streamed bytes.Buffer
			if err := tc.print(&whole, sheetDoc()); err != nil {
				t.Fatal(err)
			}
			if err := tc.print(&streamed, streamedDoc(nil)); err != nil {
				t.Fatal(err)
			}
			if whole.String() != streamed.String() {
				t.Errorf("streamed sheet printed\n%s\nwhole\n%s", streamed.String(), whole.String())
			}
			err := tc.print(&streamed, streamedDoc(&letopis.InputError{Sheet: "Kazalniki", Cell: "B9", Err: errors.New("bad cell")}))
			if err == nil || err.Error() != "k.xlsx: sheet Kazalniki, cell B9: bad cell" {
				t.Errorf("error %v", err)
			}
		})
	}
}
