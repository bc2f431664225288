package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/letopis/letopis/load"
)

// binary is the letopis command built once for the end-to-end tests.
var binary string

func TestMain(m *testing.M) {
	// An import run in this test binary (run, not the built binary) reads
	// its files in children of this binary: be one.
	if len(os.Args) > 1 && os.Args[1] == readChildName {
		os.Exit(run(context.Background(), os.Args[1:], streams{in: os.Stdin, out: os.Stdout, err: os.Stderr}))
	}
	dir, err := os.MkdirTemp("", "letopis-e2e")
	if err != nil {
		panic(err)
	}
	binary = filepath.Join(dir, "letopis")
	out, err := exec.Command("go", "build", "-o", binary, ".").CombinedOutput()
	if err != nil {
		os.Stderr.Write(out)
		panic("building letopis: " + err.Error())
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// runBinary runs the built binary in dir and returns its exit code and output.
func runBinary(t *testing.T, dir string, args ...string) (int, string, string) {
	t.Helper()
	cmd := exec.Command(binary, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "XDG_CONFIG_HOME="+filepath.Join(dir, ".config"))
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return code, out.String(), errb.String()
}

// fixture copies a file of testdata into dir under name.
func fixture(t *testing.T, dir, src, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "testdata", src))
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, name)
	os.MkdirAll(filepath.Dir(p), 0o755)
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func queryInt(t *testing.T, dir, sql string) int {
	t.Helper()
	code, out, stderr := runBinary(t, dir, "query", "--format", "csv", sql)
	if code != 0 {
		t.Fatalf("query %q: exit %d: %s", sql, code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	n, err := strconv.Atoi(lines[len(lines)-1])
	if err != nil {
		t.Fatalf("query %q: %q", sql, out)
	}
	return n
}

func TestEndToEndImport(t *testing.T) {
	dir := t.TempDir()
	fixture(t, dir, "novus-2020-plain.pdf", "reports/novus-2020.pdf")

	code, out, stderr := runBinary(t, dir, "import", "reports/novus-2020.pdf")
	if code != 0 || !strings.Contains(out, "imported  reports/novus-2020.pdf:") {
		t.Fatalf("import: exit %d\n%s%s", code, out, stderr)
	}
	facts := queryInt(t, dir, "SELECT count(*) FROM facts")
	if facts == 0 {
		t.Fatal("no facts imported")
	}
	if n := queryInt(t, dir, "SELECT count(*) FROM facts WHERE report_year = 2020 AND page > 0 AND snippet <> ''"); n != facts {
		t.Fatalf("%d of %d facts have year, page and snippet", n, facts)
	}

	// The same bytes again: unchanged, nothing added.
	code, out, _ = runBinary(t, dir, "import", "reports/novus-2020.pdf")
	if code != 0 || !strings.Contains(out, "unchanged reports/novus-2020.pdf") {
		t.Fatalf("re-import: exit %d\n%s", code, out)
	}
	if n := queryInt(t, dir, "SELECT count(*) FROM facts"); n != facts {
		t.Fatalf("facts after re-import = %d, want %d", n, facts)
	}
	if n := queryInt(t, dir, "SELECT count(DISTINCT fact_id) FROM facts"); n != facts {
		t.Fatalf("distinct fact ids = %d, want %d", n, facts)
	}

	// Changed bytes under the same path (a revised report): the earlier
	// version's rows are replaced, none are left behind.
	fixture(t, dir, "novus-2020-brochure.pdf", "reports/novus-2020.pdf")
	code, out, _ = runBinary(t, dir, "import", "reports/novus-2020.pdf")
	if code != 0 || !strings.Contains(out, "replacing the earlier version") {
		t.Fatalf("changed import: exit %d\n%s", code, out)
	}
	if n := queryInt(t, dir, "SELECT count(*) FROM sources"); n != 1 {
		t.Fatalf("sources = %d, want 1", n)
	}
	if n := queryInt(t, dir, "SELECT count(*) FROM facts f JOIN sources s ON f.source_sha256 = s.sha256"); n != queryInt(t, dir, "SELECT count(*) FROM facts") {
		t.Fatal("facts of the replaced version are left behind")
	}
	facts = queryInt(t, dir, "SELECT count(*) FROM facts")

	// --dry-run writes nothing.
	fixture(t, dir, "novus-2020-plain.pdf", "plain.pdf")
	code, out, _ = runBinary(t, dir, "import", "--dry-run", "plain.pdf")
	if code != 0 || !strings.Contains(out, "would import plain.pdf") {
		t.Fatalf("dry run: exit %d\n%s", code, out)
	}
	if n := queryInt(t, dir, "SELECT count(*) FROM sources"); n != 1 {
		t.Fatalf("dry run wrote: sources = %d", n)
	}

	// query output formats.
	code, out, _ = runBinary(t, dir, "query", "--format", "json", "SELECT activity, value FROM facts ORDER BY value DESC LIMIT 2")
	var rows []map[string]any
	if code != 0 || json.Unmarshal([]byte(out), &rows) != nil || len(rows) != 2 {
		t.Fatalf("json query: exit %d %q", code, out)
	}
	code, out, _ = runBinary(t, dir, "facts", "--year", "2020")
	if code != 0 || !strings.Contains(out, "p. ") {
		t.Fatalf("facts: exit %d %q", code, out)
	}

	// A writing statement is refused and changes nothing.
	code, _, stderr = runBinary(t, dir, "query", "DELETE FROM fact_rows")
	if code == 0 || !strings.Contains(stderr, "refused") {
		t.Fatalf("DELETE: exit %d %q", code, stderr)
	}
	if n := queryInt(t, dir, "SELECT count(*) FROM facts"); n != facts {
		t.Fatalf("facts after refused DELETE = %d", n)
	}
	// The run log holds every run.
	if n := queryInt(t, dir, "SELECT count(*) FROM import_runs WHERE status = 'ok'"); n != 3 {
		t.Fatalf("runs = %d, want 3", n)
	}
}

func TestEndToEndBadInput(t *testing.T) {
	dir := t.TempDir()
	good := fixture(t, dir, "novus-2020-plain.pdf", "good.pdf")
	pdf, _ := os.ReadFile(good)
	bad := map[string][]byte{
		"empty.pdf":     nil,
		"random.pdf":    bytes.Repeat([]byte{0x13, 0x37, 0xfe, 0x00, 0x42}, 2000),
		"page.pdf":      []byte("<!DOCTYPE html><html><body>Not found</body></html>"),
		"truncated.pdf": pdf[:len(pdf)/3],
		"notes.pages":   []byte("PK\x03\x04 not really"),
	}
	args := []string{"import"}
	for name, b := range bad {
		os.WriteFile(filepath.Join(dir, name), b, 0o644)
		args = append(args, name)
	}
	args = append(args, "missing.pdf", "good.pdf")
	code, out, stderr := runBinary(t, dir, args...)
	if code != exitDataErr {
		t.Fatalf("exit %d, want %d\n%s%s", code, exitDataErr, out, stderr)
	}
	if !strings.Contains(out, "imported  good.pdf") {
		t.Fatalf("the good file was not imported after the bad ones:\n%s", out)
	}
	for _, name := range []string{"empty.pdf", "random.pdf", "page.pdf", "truncated.pdf", "notes.pages", "missing.pdf"} {
		found := false
		for _, line := range strings.Split(out, "\n") {
			if strings.HasPrefix(line, "failed    "+name+": ") {
				found = true
			}
		}
		if !found {
			t.Errorf("no one-line failure naming %s in:\n%s", name, out)
		}
	}
	for _, want := range []string{"empty.pdf: empty file", "page.pdf: not a PDF file: its content is an HTML page", "missing.pdf: no such file", "notes.pages: unknown format"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if n := queryInt(t, dir, "SELECT count(*) FROM sources"); n != 1 {
		t.Fatalf("sources = %d, want only the good file", n)
	}
	if n := queryInt(t, dir, "SELECT count(*) FROM import_files WHERE outcome = 'failed'"); n != 6 {
		t.Fatalf("failed files recorded = %d, want 6", n)
	}

	// Only missing input: exit 66.
	code, _, _ = runBinary(t, dir, "import", "nothing-here.pdf")
	if code != exitNoInput {
		t.Fatalf("missing only: exit %d, want %d", code, exitNoInput)
	}
	// A warehouse path that is not DuckDB: one line naming it, exit 74, file untouched.
	os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("just text"), 0o644)
	code, _, stderr = runBinary(t, dir, "import", "--db", "notes.txt", "good.pdf")
	if code != exitIOErr || !strings.Contains(stderr, "notes.txt: not a DuckDB warehouse") {
		t.Fatalf("not a warehouse: exit %d %q", code, stderr)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "notes.txt")); string(b) != "just text" {
		t.Fatal("a file that is not a warehouse was changed")
	}
}

// TestEndToEndLocked holds the warehouse open in this process, as a BI tool
// would, and checks that an import says so clearly with exit 75.
func TestEndToEndLocked(t *testing.T) {
	dir := t.TempDir()
	fixture(t, dir, "novus-2020-plain.pdf", "good.pdf")
	w, err := load.Open(context.Background(), filepath.Join(dir, "letopis.duckdb"), load.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	code, _, stderr := runBinary(t, dir, "import", "good.pdf")
	if code != exitTempFail || !strings.Contains(stderr, "letopis.duckdb: held by another program") {
		t.Fatalf("exit %d %q; want 75 and a clear message", code, stderr)
	}
	if strings.Count(strings.TrimSpace(stderr), "\n") != 0 {
		t.Fatalf("not one line: %q", stderr)
	}
}

func TestEndToEndHelpAndVersion(t *testing.T) {
	dir := t.TempDir()
	for _, args := range [][]string{{"--help"}, {"import", "--help"}, {"query", "--help"}, {"facts", "--help"}, {"inspect", "--help"}, {"version", "--help"}} {
		code, out, _ := runBinary(t, dir, args...)
		if code != 0 || !strings.Contains(out, "Example") {
			t.Errorf("%v: exit %d, no examples:\n%s", args, code, out)
		}
	}
	code, out, _ := runBinary(t, dir, "--help")
	if code != 0 || !strings.Contains(out, "75  warehouse locked") {
		t.Errorf("--help lacks the exit codes:\n%s", out)
	}
	code, _, stderr := runBinary(t, dir, "query", "--db", "none.duckdb", "SELECT 1")
	if code != exitNoInput || !strings.Contains(stderr, "none.duckdb: does not exist") {
		t.Errorf("query of a missing warehouse: exit %d %q", code, stderr)
	}
	code, out, _ = runBinary(t, dir, "version")
	if code != 0 || !strings.HasPrefix(out, "letopis ") || !strings.Contains(out, "schema ") {
		t.Errorf("version: exit %d %q", code, out)
	}
}

func TestEndToEndInspect(t *testing.T) {
	dir := t.TempDir()
	fixture(t, dir, "novus-2020-brochure.pdf", "b.pdf")
	fixture(t, dir, "kazalniki-2020.xlsx", "k.xlsx")
	os.WriteFile(filepath.Join(dir, "bad.pdf"), []byte("<html>not a pdf</html>"), 0o644)
	tests := []struct {
		args     []string
		code     int
		out, err string
	}{
		{[]string{"inspect", "b.pdf"}, 0, "box label=\"1\"", ""},
		{[]string{"inspect", "--format", "json", "k.xlsx"}, 0, `"Sheet": "Sredstva"`, ""},
		{[]string{"inspect", "bad.pdf"}, exitDataErr, "", "bad.pdf: not a PDF file: its content is an HTML page"},
		{[]string{"inspect", "none.pdf"}, exitNoInput, "", "none.pdf: no such file or folder"},
		{[]string{"inspect", "--format", "xml", "b.pdf"}, exitUsage, "", "--format"},
	}
	for _, tt := range tests {
		code, out, stderr := runBinary(t, dir, tt.args...)
		if code != tt.code || !strings.Contains(out, tt.out) || !strings.Contains(stderr, tt.err) {
			t.Errorf("%v: exit %d, stderr %q; want exit %d, %q in stdout, %q in stderr", tt.args, code, stderr, tt.code, tt.out, tt.err)
		}
	}
}

// TestEndToEndNoYear: a report whose year cannot be found fails with one
// line that names the file once and asks for --year; with --year it imports.
func TestEndToEndNoYear(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "noyear.csv"), []byte("Projekt;Naziv kazalnika;Merska enota;Dosežena vrednost\nSPIN;Število udeležencev;oseb;5\n"))
	code, out, _ := runBinary(t, dir, "import", "noyear.csv")
	if code != exitDataErr || !strings.Contains(out, "failed    noyear.csv: report year not found; give it with --year\n") {
		t.Fatalf("exit %d\n%s", code, out)
	}
	code, out, _ = runBinary(t, dir, "import", "--year", "2022", "--org", "Društvo X", "noyear.csv")
	if code != 0 || !strings.Contains(out, "(Društvo X 2022, csv)") {
		t.Fatalf("exit %d\n%s", code, out)
	}
}
