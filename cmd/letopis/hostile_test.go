package main

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestEndToEndHostileBatch imports the hostile corpus of testdata/hostile,
// and a FIFO made here, in one batch: every file ends with one line within
// its deadline, the files that are still reports are imported (with the
// pages they could not give listed), the others fail with their reason,
// the FIFO is skipped before a byte of it is read, and nothing else
// changes: the inbox is as it was, and a second run changes nothing.
func TestEndToEndHostileBatch(t *testing.T) {
	dir := t.TempDir()
	inbox := filepath.Join(dir, "inbox")
	corpus, err := filepath.Glob(filepath.Join("..", "..", "testdata", "hostile", "*"))
	if err != nil || len(corpus) < 20 {
		t.Fatalf("hostile corpus: %d files, %v", len(corpus), err)
	}
	for _, src := range corpus {
		b, err := os.ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		writeFile(t, filepath.Join(inbox, filepath.Base(src)), b)
	}
	if err := syscall.Mkfifo(filepath.Join(inbox, "pipe.pdf"), 0o644); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, inbox)

	start := time.Now()
	code, out, stderr := runBinary(t, dir, "import", "--file-timeout", "60s", "--workers", "2", "inbox")
	if took := time.Since(start); took > 2*time.Minute {
		t.Errorf("the batch took %v", took)
	}
	if code != exitDataErr {
		t.Fatalf("exit %d, want %d (some files failed)\n%s%s", code, exitDataErr, out, stderr)
	}
	lines := map[string]string{} // file name → its line
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		word, rest, _ := strings.Cut(l, " ")
		path, _, _ := strings.Cut(strings.TrimSpace(rest), ":")
		name := filepath.Base(path)
		if _, dup := lines[name]; dup {
			t.Errorf("two lines for %s", name)
		}
		if word != "imported" && word != "failed" && word != "skipped" {
			t.Errorf("unexpected line %q", l)
		}
		lines[name] = l
	}
	for name := range before {
		if _, ok := lines[name]; !ok {
			t.Errorf("%s has no line", name)
		}
	}
	for name, want := range map[string]string{
		"good.pdf":                 "imported  inbox/good.pdf:",
		"good.xlsx":                "imported  inbox/good.xlsx: 1 facts",
		"prev-self.pdf":            "imported  inbox/prev-self.pdf:",
		"objstm-inside-itself.pdf": "imported  inbox/objstm-inside-itself.pdf:",
		"trailing-nuls.pdf":        "imported  inbox/trailing-nuls.pdf:",
		"bad-checksum.pdf":         "imported  inbox/bad-checksum.pdf: 40 facts",
		"bad-page.pdf":             "not read: page 2 (damaged page content: unknown filter NoSuchFilter)",
		"sst-bomb.xlsx":            "failed    inbox/sst-bomb.xlsx: shared strings: the table inflates to 286 MiB",
		"styles-bomb.xlsx":         "failed    inbox/styles-bomb.xlsx: refused:",
		"cell-far.xlsx":            "failed    inbox/cell-far.xlsx: sheet Kazalniki: too many cells",
		"pipe.pdf":                 "skipped   inbox/pipe.pdf: not a regular file: it is a named pipe (FIFO)",
		"README.md":                "skipped   inbox/README.md: not a format letopis reads",
	} {
		if !strings.Contains(lines[name], want) {
			t.Errorf("%s: line %q, want it to hold %q", name, lines[name], want)
		}
	}
	imported := 0
	for _, l := range lines {
		if strings.HasPrefix(l, "imported") {
			imported++
		}
	}
	if n := queryInt(t, dir, "SELECT count(*) FROM sources"); n != imported {
		t.Errorf("%d sources in the warehouse, %d files imported", n, imported)
	}
	if after := snapshot(t, inbox); !sameSnapshot(before, after) {
		t.Errorf("the inbox changed:\nbefore %v\nafter  %v", before, after)
	}
	facts := queryInt(t, dir, "SELECT count(*) FROM facts")

	code, out, _ = runBinary(t, dir, "import", "--file-timeout", "60s", "inbox")
	if code != exitDataErr || strings.Contains(out, "imported ") || queryInt(t, dir, "SELECT count(*) FROM facts") != facts {
		t.Errorf("second run: exit %d, changed something:\n%s", code, out)
	}
}

// snapshot maps the names of a folder's entries to their type and the
// SHA-256 of a regular file's bytes.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]string{}
	for _, e := range entries {
		if e.Type()&fs.ModeType != 0 {
			m[e.Name()] = e.Type().String()
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		m[e.Name()] = fmt.Sprintf("%x", sha256.Sum256(b))
	}
	return m
}

func sameSnapshot(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	keys := make([]string, 0, len(a))
	for k := range a {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var x, y bytes.Buffer
	for _, k := range keys {
		fmt.Fprintln(&x, k, a[k])
		fmt.Fprintln(&y, k, b[k])
	}
	return x.String() == y.String()
}

// TestEndToEndSlowFile reads a scan by OCR, which takes tens of seconds: a
// --file-timeout shorter than that stops it (the child reading it is
// killed, with its tesseract) and fails that file alone; and the first
// SIGTERM during its reading ends the run within seconds, leaving the file
// where it was.
func TestEndToEndSlowFile(t *testing.T) {
	if _, err := exec.LookPath("tesseract"); err != nil {
		t.Skip("no tesseract: the scan would fail at once (apt-get install tesseract-ocr tesseract-ocr-slv)")
	}
	dir := t.TempDir()
	fixture(t, dir, "novus-2020-scan.pdf", "inbox/a-scan.pdf")
	fixture(t, dir, "kazalniki-2021.csv", "inbox/b.csv")

	start := time.Now()
	code, out, stderr := runBinary(t, dir, "import", "--file-timeout", "3s", "inbox")
	took := time.Since(start)
	if code != exitDataErr || !strings.Contains(out, "failed    inbox/a-scan.pdf: not read within 3s (--file-timeout): stopped") ||
		!strings.Contains(out, "imported  inbox/b.csv") || took > 20*time.Second {
		t.Fatalf("exit %d after %v:\n%s%s", code, took, out, stderr)
	}

	cmd := exec.Command(binary, "import", "--db", "second.duckdb", "--quarantine", "q", "inbox")
	cmd.Dir = dir
	var buf bytes.Buffer
	cmd.Stdout, cmd.Stderr = &buf, &buf
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	time.Sleep(2 * time.Second) // the scan is being read by OCR
	cmd.Process.Signal(syscall.SIGTERM)
	stopped := time.Now()
	cmd.Wait()
	if took := time.Since(stopped); took > 5*time.Second || cmd.ProcessState.ExitCode() != exitTerminated {
		t.Fatalf("after SIGTERM: exit %d in %v\n%s", cmd.ProcessState.ExitCode(), took, buf.String())
	}
	if !exists(filepath.Join(dir, "inbox", "a-scan.pdf")) || exists(filepath.Join(dir, "q", "a-scan.pdf")) {
		t.Errorf("the interrupted file was moved:\n%s", buf.String())
	}
}
