package extract_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/letopis/letopis"
	"github.com/letopis/letopis/extract"
	"github.com/letopis/letopis/internal/hostile"
)

// hostileDir holds the corpus of hostile files (go run ./scripts/hostile).
var hostileDir = filepath.Join("..", "testdata", "hostile")

// TestHostile extracts every file of the hostile corpus within a deadline:
// each gives its text, with the pages it could not read refused, or a
// one-line error naming the file; the bombs are refused without costing
// more than their budget.
func TestHostile(t *testing.T) {
	tests := []struct {
		name    string
		text    string // a text the document holds
		refused []int  // its pages refused
		reason  string // the reason of the first refused page
		err     string // or: the error, after the file's name
		alloc   int    // if not 0: the most MB the extraction may allocate
		opts    extract.Options
	}{
		{name: "good.pdf", text: hostile.Report},
		{name: "prev-self.pdf", text: hostile.Report},
		{name: "prev-cycle.pdf", text: hostile.Report},
		{name: "xrefstream-prev-self.pdf", text: hostile.Report},
		{name: "objstm-inside-itself.pdf", text: hostile.Report},
		// without OCR (whose outcome depends on Tesseract; the end-to-end
		// test of the import reads it with OCR)
		{name: "scan-objstm-inside-itself.pdf", err: "no text layer (scanned image?): only images on page 1 of 1", opts: extract.Options{OCR: extract.OCRNever}},
		{name: "objstm-extends-self.pdf", err: "page 1: cannot read page: page object unreadable: cannot find object 3 in its object stream"},
		{name: "objstm-length-inside.pdf", text: hostile.Report},
		{name: "objstm-hex-at-end.pdf", text: hostile.Report},
		{name: "page-tree-cycle.pdf", text: hostile.Report},
		{name: "ref-cycle.pdf", text: hostile.Report, refused: []int{1}, reason: "damaged page content: object 8 0 R is only a reference to 9 0 R"},
		{name: "deep-nesting.pdf", text: "Stran tri", refused: []int{2}, reason: "page object unreadable: object nesting exceeds maximum depth 1000"},
		{name: "trailing-nuls.pdf", text: hostile.Report},
		{name: "trailing-comment.pdf", text: hostile.Report},
		{name: "xref-shifted.pdf", text: hostile.Report},
		{name: "no-xref.pdf", text: hostile.Report},
		{name: "xref-huge.pdf", text: hostile.Report},
		{name: "bad-checksum.pdf", text: "Vrstica 40 besedila"},
		{name: "truncated-flate.pdf", text: hostile.Report},
		{name: "length-too-long.pdf", text: hostile.Report},
		{name: "length-too-short.pdf", text: hostile.Report},
		{name: "bad-page.pdf", text: "Stran tri", refused: []int{2}, reason: "damaged page content: unknown filter NoSuchFilter"},
		{name: "flate-bomb.pdf", text: "Stran tri", refused: []int{2}, reason: "page content too large or looping (work limit reached)"},
		{name: "good.xlsx", text: "Število udeležencev"},
		{name: "sst-bomb.xlsx", err: "shared strings: the table inflates to 286 MiB, more than the 256 MiB letopis reads (a shared-strings bomb?)", alloc: 16},
		{name: "sst-text.xlsx", err: "shared strings: more than 1 MiB of text, the most a file of 6 KB may hold (a shared-strings bomb?)", alloc: 16},
		{name: "cell-far.xlsx", err: "sheet Kazalniki: too many cells for the size of the file", alloc: 64},
		{name: "styles-bomb.xlsx", err: "refused: the workbook's styles and settings would inflate past 64 MiB (zip bomb?)", alloc: 16},
	}
	seen := map[string]bool{}
	for _, tc := range tests {
		seen[tc.name] = true
		t.Run(tc.name, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join(hostileDir, tc.name))
			if err != nil {
				t.Fatal(err)
			}
			ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
			defer cancel()
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			start := time.Now()
			doc, err := extract.File(ctx, tc.name, data, tc.opts)
			if err == nil {
				err = readAllRows(doc)
			}
			elapsed := time.Since(start)
			runtime.ReadMemStats(&after)
			if elapsed > 10*time.Second {
				t.Errorf("took %v", elapsed)
			}
			if mb := int((after.TotalAlloc - before.TotalAlloc) >> 20); tc.alloc > 0 && mb > tc.alloc {
				t.Errorf("allocated %d MB, want at most %d", mb, tc.alloc)
			}
			if tc.err != "" {
				want := tc.name + ": " + tc.err
				if err == nil || !strings.HasPrefix(err.Error(), want) || strings.Contains(err.Error(), "\n") {
					t.Fatalf("got error %v, want one line starting %q", err, want)
				}
				return
			}
			if err != nil {
				t.Fatalf("got %v, want a document", err)
			}
			var refused []int
			for _, p := range doc.RefusedPages() {
				refused = append(refused, p.Number)
				if len(refused) == 1 && p.Refused != tc.reason {
					t.Errorf("page %d refused for %q, want %q", p.Number, p.Refused, tc.reason)
				}
			}
			if !equalInts(refused, tc.refused) {
				t.Errorf("refused pages %v, want %v", refused, tc.refused)
			}
			if got := documentText(doc); !strings.Contains(got, tc.text) {
				t.Errorf("text %q does not hold %q", got, tc.text)
			}
		})
	}
	files, _ := filepath.Glob(filepath.Join(hostileDir, "*"))
	for _, f := range files {
		if name := filepath.Base(f); name != "README.md" && !seen[name] {
			t.Errorf("%s is in the corpus but not in the test", name)
		}
	}
}

// readAllRows reads the streamed rows of doc's sheets, where a sheet's
// errors past its first rows show.
func readAllRows(doc *letopis.Document) error {
	for i := range doc.Sheets {
		if err := doc.Sheets[i].EachRow(func(int, []letopis.Cell, bool) bool { return true }); err != nil {
			return err
		}
	}
	return nil
}

func documentText(doc *letopis.Document) string {
	var sb strings.Builder
	for _, p := range doc.Pages {
		for i := range p.Blocks {
			sb.WriteString(p.Blocks[i].Text())
			sb.WriteByte('\n')
		}
	}
	for i := range doc.Sheets {
		sb.WriteString(doc.Sheets[i].Text())
	}
	return sb.String()
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestHostileCorpusUpToDate checks that testdata/hostile holds what the
// generator writes (go run ./scripts/hostile).
func TestHostileCorpusUpToDate(t *testing.T) {
	for _, f := range hostile.Files() {
		got, err := os.ReadFile(filepath.Join(hostileDir, f.Name))
		if err != nil || !bytes.Equal(got, f.Data) {
			t.Errorf("%s differs from what internal/hostile makes (%v): run go run ./scripts/hostile", f.Name, err)
		}
	}
	got, err := os.ReadFile(filepath.Join(hostileDir, "README.md"))
	if err != nil || !bytes.Equal(got, hostile.README()) {
		t.Errorf("README.md differs from what internal/hostile makes (%v): run go run ./scripts/hostile", err)
	}
}

// TestReadFileRefusesSpecialFiles: a FIFO (which would block a reader
// for ever), a folder and a device are refused before a byte is read; a
// symbolic link to a regular file is read.
func TestReadFileRefusesSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "porocilo.pdf")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("no FIFO here: %v", err)
	}
	good := filepath.Join(dir, "good.pdf")
	if err := os.WriteFile(good, []byte("%PDF-1.4\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.pdf")
	if err := os.Symlink(good, link); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		path, want string
	}{
		{fifo, fifo + ": not a regular file: it is a named pipe (FIFO)"},
		{dir, dir + ": not a regular file: it is a folder"},
		{"/dev/zero", "/dev/zero: not a regular file: it is a character device"},
		{filepath.Join(dir, "none.pdf"), filepath.Join(dir, "none.pdf") + ": no such file or directory"},
		{link, ""},
	}
	for _, tc := range tests {
		done := make(chan error, 1)
		go func() {
			_, _, err := extract.ReadFile(tc.path, 1<<20)
			done <- err
		}()
		select {
		case err := <-done:
			if tc.want == "" {
				if err != nil {
					t.Errorf("%s: %v", tc.path, err)
				}
				continue
			}
			if err == nil || err.Error() != tc.want {
				t.Errorf("got %v, want %s", err, tc.want)
			}
			if strings.Contains(tc.want, "regular") && !errors.Is(err, extract.ErrNotRegular) {
				t.Errorf("%v is not ErrNotRegular", err)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("%s: ReadFile blocked", tc.path)
		}
	}
}
