package importer

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// TestListInputs: only regular files are listed, symbolic links are
// followed (a loop once), and anything else is skipped with its reason,
// all without reading a byte (a FIFO would block a reader for ever).
func TestListInputs(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "inbox")
	other := filepath.Join(dir, "other")
	for _, d := range []string{in, filepath.Join(in, "sub"), other} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	write := func(p string) {
		if err := os.WriteFile(p, []byte("%PDF-1.4\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(filepath.Join(in, "a.pdf"))
	write(filepath.Join(in, "notes.txt"))
	write(filepath.Join(in, "sub", "c.pdf"))
	write(filepath.Join(other, "b.pdf"))
	links := map[string]string{
		"link.pdf":   filepath.Join(other, "b.pdf"), // a file elsewhere
		"loop":       in,                            // the folder itself
		"otherdir":   other,                         // a folder elsewhere
		"broken.pdf": filepath.Join(dir, "none.pdf"),
	}
	for name, to := range links {
		if err := os.Symlink(to, filepath.Join(in, name)); err != nil {
			t.Fatal(err)
		}
	}
	fifo := filepath.Join(in, "pipe.pdf")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("no FIFO here: %v", err)
	}
	done := make(chan struct{})
	var files []inputFile
	var skipped []skippedFile
	go func() {
		files, skipped = listInputs([]string{in, fifo, "/dev/null"})
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("listInputs blocked")
	}
	var got []string
	for _, f := range files {
		if f.err != nil {
			t.Errorf("%s: %v", f.path, f.err)
		}
		rel, _ := filepath.Rel(dir, f.path)
		got = append(got, rel)
	}
	want := []string{"inbox/a.pdf", "inbox/link.pdf", "inbox/otherdir/b.pdf", "inbox/sub/c.pdf"}
	if len(got) != len(want) {
		t.Fatalf("files %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("files %v, want %v", got, want)
			break
		}
	}
	reasons := map[string]string{}
	for _, s := range skipped {
		rel, _ := filepath.Rel(dir, s.path)
		if s.path == "/dev/null" {
			rel = s.path
		}
		reasons[rel] = s.reason
	}
	wantSkipped := map[string]string{
		"inbox/notes.txt":  "not a format letopis reads",
		"inbox/loop":       "a link to a folder already listed (a loop?)",
		"inbox/broken.pdf": "a symbolic link to nothing",
		"inbox/pipe.pdf":   "not a regular file: it is a named pipe (FIFO)",
		"/dev/null":        "not a regular file: it is a character device",
	}
	for p, r := range wantSkipped {
		if reasons[p] != r {
			t.Errorf("%s skipped for %q, want %q", p, reasons[p], r)
		}
	}
	// the FIFO named on the command line is skipped as well
	if len(skipped) != len(wantSkipped)+1 {
		t.Errorf("skipped %v", skipped)
	}
}
