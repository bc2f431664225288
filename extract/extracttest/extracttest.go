// Package extracttest is the conformance suite of extractors: every format
// package runs it from its tests, so that a new format inherits the
// promises of package extract on arrival instead of learning them from the
// bugs of the old ones.
//
// # Using it in a new format package
//
// A format package (extract/docx, say) registers its format from an init
// function and adds one test that names the format and a few valid sample
// files of it, kept in the repository's testdata:
//
//	func TestConformance(t *testing.T) {
//		extracttest.Run(t, extracttest.Suite{
//			Format:  "docx",
//			Samples: extracttest.Files(t, "../../testdata/novus-2020.docx"),
//		})
//	}
//
// A package that registers several formats (extract/sheet: xlsx, xls, csv)
// runs one Suite per format. The test runs in the package's own tests, so
// that its init has registered the format. A sample is a file whose name
// has one of the format's extensions; give at least one that has a table
// if the format can hold tables, and, for a format whose long tables are
// streamed, one long enough to stream with a small Options.HeadRows (the
// suite sets HeadRows to 2 and compares with the table read whole).
//
// # What it checks
//
//   - The format is registered under Format, with an Extractor, and the
//     samples' extensions name it (extract.Detect).
//   - Each sample extracts without an error into a document whose Format is
//     Format; its pages are numbered from 1 in order, each block and table
//     says the page it is on, and each sheet has a name; every cell of a
//     table, in Rows and in its streamed rows (More, read through EachRow),
//     sits at its Row and Col and has a Kind; a table streamed with
//     Options.HeadRows 2 has the same rows as the table read whole.
//   - Truncated samples (cut at many lengths, down to nothing), samples
//     with bytes overwritten at random, and random bytes behind the
//     sample's first bytes: the Extractor itself (not extract.File, which
//     must not be what stands between a panic and the user) returns a
//     document or an error, never panics, and returns within Timeout; an
//     error is one line that says what is wrong, and through extract.File
//     it is a *letopis.InputError that names the file first; a page, line
//     or column it names counts from 1. A document it returns passes the checks above, and the
//     errors of its streamed rows are one line naming the file too.
//
// The bytes are random but seeded: a failure reproduces.
package extracttest

import (
	"context"
	"errors"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/letopis/letopis"
	"github.com/letopis/letopis/extract"
)

// Suite says what to check: the registered name of one format and valid
// sample files of it.
type Suite struct {
	Format  string   // the registered name ("pdf", "xlsx")
	Samples []Sample // valid files of the format, at least one
	// Options are passed to every extraction (a password, for instance);
	// HeadRows is set by the suite where it matters.
	Options extract.Options
	// Mutations is how many damaged versions of each sample are tried for
	// each kind of damage (cut, overwritten, random tail); 0 means 24.
	Mutations int
	// Timeout bounds one extraction of damaged bytes; 0 means 20 seconds.
	Timeout time.Duration
}

// Sample is a valid file of the format.
type Sample struct {
	Name string // the file's name, with the format's extension
	Data []byte
}

// Files reads sample files from the paths given (relative to the test's
// package folder, as testdata is), failing the test if one is missing.
func Files(t testing.TB, paths ...string) []Sample {
	t.Helper()
	var out []Sample
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatalf("extracttest: sample %v", err)
		}
		out = append(out, Sample{Name: filepath.Base(p), Data: b})
	}
	return out
}

// Run runs the suite (see the package documentation).
func Run(t *testing.T, s Suite) {
	t.Helper()
	f := registered(t, s.Format)
	if len(s.Samples) == 0 {
		t.Fatalf("extracttest: no samples of %s", s.Format)
	}
	if s.Mutations == 0 {
		s.Mutations = 24
	}
	if s.Timeout == 0 {
		s.Timeout = 20 * time.Second
	}
	for _, sm := range s.Samples {
		t.Run(sm.Name, func(t *testing.T) {
			if got, err := extract.Detect(sm.Name, sm.Data); err != nil || got.Name != s.Format {
				t.Fatalf("extract.Detect(%q) = %q, %v; want the format %s", sm.Name, got.Name, err, s.Format)
			}
			t.Run("valid", func(t *testing.T) { valid(t, s, sm) })
			t.Run("damaged", func(t *testing.T) { damaged(t, s, f, sm) })
		})
	}
}

// registered returns the format named name, failing the test if it is not
// registered or has no extractor.
func registered(t *testing.T, name string) extract.Format {
	t.Helper()
	for _, f := range extract.Formats() {
		if f.Name == name {
			if f.Extractor == nil || len(f.Extensions) == 0 {
				t.Fatalf("extracttest: format %s is registered without an extractor or extensions", name)
			}
			for _, e := range f.Extensions {
				if e != strings.ToLower(e) || !strings.HasPrefix(e, ".") {
					t.Errorf("extracttest: format %s: extension %q is not lower case with its dot", name, e)
				}
			}
			return f
		}
	}
	t.Fatalf("extracttest: format %s is not registered (does the package's init call extract.Register?)", name)
	return extract.Format{}
}

// valid checks the document of a sample, read whole and streamed.
func valid(t *testing.T, s Suite, sm Sample) {
	ctx := context.Background()
	opts := s.Options
	opts.HeadRows = 1 << 30
	whole, err := extract.File(ctx, sm.Name, sm.Data, opts)
	if err != nil {
		t.Fatalf("extracting a valid sample: %v", err)
	}
	if whole.Format != s.Format || whole.Path != sm.Name {
		t.Errorf("document of format %q, path %q; want %q, %q", whole.Format, whole.Path, s.Format, sm.Name)
	}
	wholeRows := checkDocument(t, whole)
	opts.HeadRows = 2
	streamed, err := extract.File(ctx, sm.Name, sm.Data, opts)
	if err != nil {
		t.Fatalf("extracting with HeadRows 2: %v", err)
	}
	if got := checkDocument(t, streamed); !slices.EqualFunc(got, wholeRows, slices.Equal) {
		t.Errorf("the tables read with HeadRows 2 differ from the tables read whole")
	}
}

// checkDocument checks the numbering of pages, blocks, sheets and cells,
// reading every row of every table (the streamed ones too), and returns
// each table's rows as text, one string a row, for comparing readings.
func checkDocument(t *testing.T, doc *letopis.Document) [][]string {
	t.Helper()
	var tables [][]string
	for i, p := range doc.Pages {
		if p.Number != i+1 {
			t.Errorf("page %d of the document is numbered %d; pages count from 1 in order", i+1, p.Number)
		}
		for j := range p.Blocks {
			b := &p.Blocks[j]
			if b.Page != p.Number {
				t.Errorf("page %d, block %d says it is on page %d", p.Number, j+1, b.Page)
			}
			if b.Kind == letopis.BlockTable && b.Table == nil {
				t.Errorf("page %d, block %d is a table without a Table", p.Number, j+1)
			}
			if b.Table != nil {
				if b.Table.Page != p.Number {
					t.Errorf("page %d, block %d: its table says page %d", p.Number, j+1, b.Table.Page)
				}
				tables = append(tables, checkTable(t, fmt.Sprintf("page %d, table of block %d", p.Number, j+1), b.Table))
			}
		}
	}
	for i := range doc.Sheets {
		tb := &doc.Sheets[i]
		if tb.Sheet == "" {
			t.Errorf("sheet %d has no name", i+1)
		}
		if tb.Page != 0 {
			t.Errorf("sheet %q says page %d", tb.Sheet, tb.Page)
		}
		tables = append(tables, checkTable(t, "sheet "+tb.Sheet, tb))
	}
	return tables
}

// checkTable checks that every cell of tb sits at its Row and Col, and
// returns its rows as text.
func checkTable(t *testing.T, where string, tb *letopis.Table) []string {
	t.Helper()
	var rows []string
	for r := range tb.HiddenRows {
		if r < 0 || r >= len(tb.Rows) {
			t.Errorf("%s: hidden row %d is not one of its %d rows", where, r, len(tb.Rows))
		}
	}
	bad := 0
	err := tb.EachRow(func(i int, row []letopis.Cell, hidden bool) bool {
		var sb strings.Builder
		if hidden {
			sb.WriteString("(hidden)")
		}
		last := len(row)
		for last > 0 && row[last-1].Kind == letopis.CellEmpty && !row[last-1].Merged {
			last-- // a streamed row is padded to the rows before it only
		}
		for j, c := range row {
			if (c.Row != i || c.Col != j || c.Kind == "") && bad < 5 {
				bad++
				t.Errorf("%s: the cell at row %d, column %d says row %d, column %d, kind %q", where, i, j, c.Row, c.Col, c.Kind)
			}
			if j < last {
				fmt.Fprintf(&sb, "\t%s|%s|%s|%v", c.Kind, c.Text, c.Ref, c.Merged)
			}
		}
		rows = append(rows, sb.String())
		return true
	})
	if err != nil {
		t.Errorf("%s: reading its rows: %v", where, err)
	}
	return rows
}

// damaged extracts damaged versions of a sample with the extractor itself.
func damaged(t *testing.T, s Suite, f extract.Format, sm Sample) {
	rng := rand.New(rand.NewSource(int64(len(sm.Data))))
	data := sm.Data
	type input struct {
		what string
		data []byte
	}
	var inputs []input
	for _, n := range []int{0, 1, 2, 4, 8, 16, 64, 512} {
		if n < len(data) {
			inputs = append(inputs, input{fmt.Sprintf("cut to %d bytes", n), data[:n]})
		}
	}
	for i := 1; i <= s.Mutations; i++ {
		n := len(data) * i / (s.Mutations + 1)
		inputs = append(inputs, input{fmt.Sprintf("cut to %d bytes", n), data[:n]})
	}
	for i := 0; i < s.Mutations; i++ {
		b := slices.Clone(data)
		for k := 0; k < 1+rng.Intn(16); k++ {
			b[rng.Intn(len(b))] = byte(rng.Intn(256))
		}
		inputs = append(inputs, input{fmt.Sprintf("overwritten (%d)", i+1), b})
	}
	for i := 0; i < s.Mutations; i++ {
		keep := min(len(data), rng.Intn(64))
		b := make([]byte, keep+rng.Intn(4096))
		copy(b, data[:keep])
		rng.Read(b[keep:])
		inputs = append(inputs, input{fmt.Sprintf("random after %d bytes (%d)", keep, i+1), b})
	}
	for _, in := range inputs {
		doc, err, panicked := extractGuarded(s, f, sm.Name, in.data)
		if panicked != "" {
			t.Errorf("%s: the extractor panicked: %s", in.what, panicked)
			continue
		}
		if doc == nil && err == nil {
			t.Errorf("%s: neither a document nor an error", in.what)
			continue
		}
		if err != nil {
			checkError(t, in.what, sm.Name, err)
			continue
		}
		// Through File, so that the errors of streamed rows name the file.
		doc, err = extract.File(context.Background(), sm.Name, in.data, s.Options)
		if err != nil {
			checkError(t, in.what, sm.Name, err)
			continue
		}
		checkDamagedDocument(t, in.what, sm.Name, doc)
	}
}

// errTimeout says an extraction did not return within the suite's Timeout.
var errTimeout = errors.New("extracttest: no answer within the timeout")

// extractGuarded runs the extractor on data in its own goroutine, turning a
// panic into its message and stack, and gives up waiting after Timeout.
func extractGuarded(s Suite, f extract.Format, name string, data []byte) (doc *letopis.Document, err error, panicked string) {
	type result struct {
		doc      *letopis.Document
		err      error
		panicked string
	}
	done := make(chan result, 1)
	opts := s.Options
	if opts.PageTimeout == 0 {
		opts.PageTimeout = s.Timeout / 4 // a looping page gives up before the whole file's time
	}
	ctx, cancel := context.WithTimeout(context.Background(), s.Timeout)
	defer cancel()
	go func() {
		var r result
		defer func() {
			if p := recover(); p != nil {
				r.panicked = fmt.Sprintf("%v\n%s", p, debug.Stack())
			}
			done <- r
		}()
		r.doc, r.err = f.Extractor.Extract(ctx, name, slices.Clone(data), opts)
	}()
	select {
	case r := <-done:
		return r.doc, r.err, r.panicked
	case <-time.After(s.Timeout + 5*time.Second):
		return nil, errTimeout, ""
	}
}

// checkError checks an error of damaged bytes: one line, and a
// *letopis.InputError naming the file first once File has named it.
func checkError(t *testing.T, what, name string, err error) {
	t.Helper()
	if errors.Is(err, errTimeout) || errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("%s: the extractor did not return in time: %v", what, err)
		return
	}
	if raw := err.Error(); strings.ContainsAny(raw, "\n\r") || strings.TrimSpace(strings.TrimLeft(raw, ": ")) == "" {
		t.Errorf("%s: the error is not one line saying what is wrong: %q", what, raw)
	}
	msg := letopis.InFile(name, err).Error()
	if !strings.HasPrefix(msg, name+": ") {
		t.Errorf("%s: the error does not start with the file's name: %q", what, msg)
	}
	var ie *letopis.InputError
	if errors.As(err, &ie) {
		if ie.Page < 0 || ie.Line < 0 || ie.Column < 0 {
			t.Errorf("%s: the error names page %d, line %d, column %d; they count from 1", what, ie.Page, ie.Line, ie.Column)
		}
	}
}

// checkDamagedDocument reads every row of a document made of damaged
// bytes: no panic, and an error of the streamed rows is one line naming
// the file.
func checkDamagedDocument(t *testing.T, what, name string, doc *letopis.Document) {
	t.Helper()
	for i := range doc.Sheets {
		tb := &doc.Sheets[i]
		func() {
			defer func() {
				if p := recover(); p != nil {
					t.Errorf("%s: reading the rows of sheet %q panicked: %v\n%s", what, tb.Sheet, p, debug.Stack())
				}
			}()
			err := tb.EachRow(func(int, []letopis.Cell, bool) bool { return true })
			if err != nil {
				var ie *letopis.InputError
				if !errors.As(err, &ie) || ie.Path != name || strings.ContainsAny(err.Error(), "\n\r") {
					t.Errorf("%s: reading the rows of sheet %q: %q is not one line naming the file", what, tb.Sheet, err)
				}
			}
		}()
	}
	for i, p := range doc.Pages {
		if p.Number != i+1 {
			t.Errorf("%s: page %d of the document is numbered %d", what, i+1, p.Number)
		}
	}
}
