package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestEndToEndQuerySandbox: a query reads the warehouse and nothing else —
// not a file beside it, not DuckDB's temporary folder; SQL that is refused
// or does not parse exits 64; a query past --timeout is stopped.
func TestEndToEndQuerySandbox(t *testing.T) {
	dir := t.TempDir()
	fixture(t, dir, "kazalniki-2021.csv", "k.csv")
	if code, _, stderr := runBinary(t, dir, "import", "k.csv"); code != 0 {
		t.Fatalf("import: exit %d: %s", code, stderr)
	}
	tmp := filepath.Join(dir, "letopis.duckdb.tmp")
	os.MkdirAll(tmp, 0o755)
	writeFile(t, filepath.Join(tmp, "spill.csv"), []byte("skrivnost,1\n"))
	writeFile(t, filepath.Join(dir, "beside.csv"), []byte("skrivnost,1\n"))
	for _, tc := range []struct{ sql, want string }{
		{"SELECT * FROM read_csv('letopis.duckdb.tmp/spill.csv')", "cannot read or write other files"},
		{"SELECT * FROM read_csv('" + filepath.Join(tmp, "spill.csv") + "')", "cannot read or write other files"},
		{"SELECT * FROM read_csv('beside.csv')", "cannot read or write other files"},
		{"SELECT * FROM glob('*')", "cannot read or write other files"},
		{"COPY (SELECT 1) TO 'out.csv'", "refused"},
		{"SET temp_directory = '/tmp'", "refused"},
		{"DELETE FROM fact_rows", "refused"},
		{"SELECT 1; SELECT 2", "refused"},
		{"SELEC 1", "syntax error"},
		{"SELECT nope FROM facts", "nope"},
	} {
		code, out, stderr := runBinary(t, dir, "query", tc.sql)
		if code != exitUsage || !strings.Contains(stderr, tc.want) || strings.Contains(out, "skrivnost") {
			t.Errorf("%s: exit %d, stdout %q, stderr %q; want exit %d and %q", tc.sql, code, out, stderr, exitUsage, tc.want)
		}
	}
	if exists(filepath.Join(dir, "out.csv")) {
		t.Error("COPY wrote a file")
	}
	start := time.Now()
	code, _, stderr := runBinary(t, dir, "query", "--timeout", "1s", "SELECT count(*) FROM range(100000) a, range(1000000) b WHERE a.range * b.range % 7 = 3")
	if code != exitError || !strings.Contains(stderr, "took longer than 1s (--timeout)") || time.Since(start) > 15*time.Second {
		t.Errorf("slow query: exit %d after %v: %s", code, time.Since(start), stderr)
	}
}
