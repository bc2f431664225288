package sheet

import (
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/letopis/letopis"
	"github.com/letopis/letopis/extract"
)

// TestStreamedCSV checks that a CSV file read in its first records and
// streamed through More has the cells of the same file read whole, and
// those its writer wrote, for any number of first records; and that the
// streamed rows are padded to the widest record before them.
func TestStreamedCSV(t *testing.T) {
	data, records, _ := longCSV(t, 500, 0)
	if len(records) != 502 {
		t.Fatalf("%d records", len(records))
	}
	whole, err := extract.File(context.Background(), "w.csv", data, extract.Options{HeadRows: math.MaxInt})
	if err != nil {
		t.Fatal(err)
	}
	if tb := whole.Sheets[0]; tb.More != nil || len(tb.Rows) != 502 || len(tb.Rows[0]) != 7 {
		t.Fatalf("read whole: %d rows of %d cells, More %v", len(tb.Rows), len(tb.Rows[0]), tb.More != nil)
	}
	wantRows, _ := allRows(t, &whole.Sheets[0])
	for r, rec := range records { // what the writer wrote
		n := len(rec)
		for n > 0 && strings.TrimSpace(rec[n-1]) == "" {
			n--
		}
		if len(wantRows[r]) != n {
			t.Fatalf("row %d: %d cells, the writer wrote %q", r+1, len(wantRows[r]), rec)
		}
		for c, cell := range wantRows[r] {
			if cell.Text != rec[c] && !(cell.Kind == letopis.CellEmpty && strings.TrimSpace(rec[c]) == "") {
				t.Fatalf("%s = %q, the writer wrote %q", cell.Ref, cell.Text, rec[c])
			}
		}
	}
	for _, head := range []int{1, 2, 5, letopis.TableHeadRows, 300, 301, 501, 502} {
		t.Run(fmt.Sprintf("head=%d", head), func(t *testing.T) {
			doc, err := extract.File(context.Background(), "s.csv", data, extract.Options{HeadRows: head})
			if err != nil {
				t.Fatal(err)
			}
			tb := &doc.Sheets[0]
			if tb.Sheet != "s" || (tb.More != nil) != (head < 502) || len(tb.Rows) != min(head, 502) {
				t.Fatalf("sheet %q: %d rows, More %v", tb.Sheet, len(tb.Rows), tb.More != nil)
			}
			// Rows are padded to their widest; streamed rows to the widest
			// row before them: 5 cells (the header), 7 from row 302 on.
			w := len(tb.Rows[0])
			for r, row := range tb.Rows {
				if len(row) != w {
					t.Fatalf("row %d of Rows: %d cells, row 1 has %d", r+1, len(row), w)
				}
			}
			err = tb.EachRow(func(r int, row []letopis.Cell, _ bool) bool {
				want := 5
				if r >= 301 {
					want = 7
				}
				if r >= len(tb.Rows) && len(row) != max(want, w) {
					t.Errorf("row %d: %d cells, want %d", r+1, len(row), max(want, w))
				}
				for c, cell := range row {
					if cell.Row != r || cell.Col != c || cell.Ref != letopis.CellRef(r, c) {
						t.Fatalf("cell at %d,%d says %d,%d %s", r, c, cell.Row, cell.Col, cell.Ref)
					}
				}
				return true
			})
			if err != nil {
				t.Fatal(err)
			}
			got, _ := allRows(t, tb)
			if len(got) != len(wantRows) {
				t.Fatalf("%d rows, want %d", len(got), len(wantRows))
			}
			for r := range wantRows {
				if !reflect.DeepEqual(got[r], wantRows[r]) {
					t.Errorf("row %d:\n got %+v\nwant %+v", r+1, got[r], wantRows[r])
				}
			}
		})
	}
}

// TestStreamedCSVMore checks what More promises: it reads again on every
// call, stops when yield says so, and each row has its own index.
func TestStreamedCSVMore(t *testing.T) {
	data, _, _ := longCSV(t, 500, 0)
	doc, err := CSV{}.Extract(context.Background(), "s.csv", data, extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	tb := &doc.Sheets[0]
	if tb.More == nil || len(tb.Rows) != letopis.TableHeadRows {
		t.Fatalf("%d rows in Rows, More %v", len(tb.Rows), tb.More != nil)
	}
	tests := []struct {
		name  string
		stop  int // yield returns false at this row, -1 never
		count int
	}{
		{"all", -1, 502 - letopis.TableHeadRows},
		{"again", -1, 502 - letopis.TableHeadRows},
		{"stop at once", letopis.TableHeadRows, 1},
		{"stop at 300", 299, 300 - letopis.TableHeadRows},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			n, r := 0, letopis.TableHeadRows
			err := tb.More(func(row []letopis.Cell, hidden bool) bool {
				n++
				if row[0].Row != r || row[0].Ref != letopis.CellRef(r, 0) || hidden {
					t.Fatalf("row %d: first cell %+v, hidden %v", r, row[0], hidden)
				}
				r++
				return r-1 != tc.stop
			})
			if err != nil || n != tc.count {
				t.Errorf("%d rows, error %v; want %d", n, err, tc.count)
			}
		})
	}
}

// TestStreamedCSVErrors checks that a record that cannot be read past the
// first rows comes out of More, after the rows before it, as one line
// naming the file, the sheet and the line; and that one in the first rows
// fails the extraction so.
func TestStreamedCSVErrors(t *testing.T) {
	data, records, line := longCSV(t, 500, 400)
	if line != 400 {
		t.Fatalf("the broken record is on line %d, want 400", line)
	}
	lines := func(n int, bad string) []byte { // n records "a;b", bad after them, then more
		var sb strings.Builder
		for i := 0; i < n; i++ {
			fmt.Fprintf(&sb, "a%d;b\n", i)
		}
		sb.WriteString(bad)
		sb.WriteString(strings.Repeat("c;d\n", 100))
		return []byte(sb.String())
	}
	wide := []byte(strings.Repeat(";", 199) + "\n" + strings.Repeat("a\n", 3000)) // 6 KB: 199,000 cells at most
	tests := []struct {
		name string
		data []byte
		head int
		want string
		rows int // rows yielded before the error, -1 not checked
	}{
		{"broken quote at line 400", data, letopis.TableHeadRows, `s.csv: sheet s: line 400, column 6: extraneous or missing " in quoted-field`, len(records) - letopis.TableHeadRows},
		{"broken quote right after Rows", lines(64, "\"x\"y;b\n"), letopis.TableHeadRows, `s.csv: sheet s: line 65, column 3: extraneous or missing " in quoted-field`, 0},
		{"bare quote", lines(100, "x\"y;b\n"), letopis.TableHeadRows, `s.csv: sheet s: line 101, column 2: bare " in non-quoted-field`, 100 - letopis.TableHeadRows},
		{"quote not closed", lines(100, "\"x;b\n"), letopis.TableHeadRows, `s.csv: sheet s: line 201, column 5: extraneous or missing " in quoted-field`, 100 - letopis.TableHeadRows},
		{"too many cells", wide, 2, "s.csv: sheet s: too many cells", -1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := extract.File(context.Background(), "s.csv", tc.data, extract.Options{HeadRows: tc.head})
			if err != nil {
				t.Fatalf("Extract: %v", err)
			}
			tb := &doc.Sheets[0]
			if tb.More == nil {
				t.Fatal("not streamed")
			}
			n := 0
			err = tb.More(func([]letopis.Cell, bool) bool { n++; return true })
			var ie *letopis.InputError
			if err == nil || !errors.As(err, &ie) || ie.Sheet != "s" || ie.Path != "s.csv" {
				t.Fatalf("error %v, want an InputError naming the file and the sheet", err)
			}
			if msg := err.Error(); !strings.HasPrefix(msg, tc.want) || strings.Contains(msg, "\n") {
				t.Errorf("error %q, want one line starting %q", msg, tc.want)
			}
			if tc.rows >= 0 && n != tc.rows {
				t.Errorf("%d rows before the error, want %d", n, tc.rows)
			}
		})
	}
	// In the first rows, the extraction fails.
	_, err := extract.File(context.Background(), "s.csv", lines(10, "\"x\"y;b\n"), extract.Options{})
	if want := `s.csv: sheet s: line 11, column 3: extraneous or missing " in quoted-field`; err == nil || err.Error() != want {
		t.Errorf("error %v, want %q", err, want)
	}
	if !errors.Is(err, csv.ErrQuote) {
		t.Errorf("error %v is not csv.ErrQuote", err)
	}
}
