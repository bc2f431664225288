package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// runCmd runs letopis in-process and returns its exit code and output.
func runCmd(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(context.Background(), args, streams{in: strings.NewReader(""), out: &out, err: &errb})
	return code, out.String(), errb.String()
}

// TestConfigPrecedence proves flag > environment > config file > default,
// and --config over ./letopis.yaml. The warehouse path chosen shows in the
// error for a warehouse that does not exist.
func TestConfigPrecedence(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(dir, "xdg")) // no user config
	t.Setenv("HOME", dir)
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	userCfg := filepath.Join(dir, "xdg", "letopis", "letopis.yaml")
	tests := []struct {
		name   string
		setup  func()
		args   []string
		wantDB string
	}{
		{"default", func() {}, nil, "letopis.duckdb"},
		{"user config dir", func() {
			os.MkdirAll(filepath.Dir(userCfg), 0o755)
			os.WriteFile(userCfg, []byte("db: user.duckdb\n"), 0o644)
		}, nil, "user.duckdb"},
		{"working directory file over user config", func() { write("letopis.yaml", "db: cwd.duckdb\n") }, nil, "cwd.duckdb"},
		{"--config over working directory", func() { write("other.yaml", "db: other.duckdb\n") }, []string{"--config", "other.yaml"}, "other.duckdb"},
		{"environment over config file", func() { t.Setenv("LETOPIS_DB", "env.duckdb") }, nil, "env.duckdb"},
		{"flag over environment", func() {}, []string{"--db", "flag.duckdb"}, "flag.duckdb"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.setup()
			args := append([]string{"query"}, tt.args...)
			args = append(args, "SELECT 1")
			code, _, stderr := runCmd(t, args...)
			want := "warehouse " + tt.wantDB + ": does not exist"
			if code == 0 || !strings.Contains(stderr, want) {
				t.Fatalf("exit %d, stderr %q; want it to contain %q", code, stderr, want)
			}
		})
	}
}

func TestConfigErrors(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(dir, "xdg"))
	os.WriteFile("bad.yaml", []byte("db: [unclosed\n"), 0o644)
	os.WriteFile("year.yaml", []byte("import:\n  year: twenty\n"), 0o644)
	os.WriteFile("typo.yaml", []byte("db: a.duckdb\nformt: csv\n"), 0o644)
	os.WriteFile("section-typo.yaml", []byte("query:\n  formt: csv\n"), 0o644)
	os.WriteFile("top-format.yaml", []byte("format: csv\n"), 0o644)
	os.WriteFile("query-xml.yaml", []byte("query:\n  format: xml\n"), 0o644)
	os.WriteFile("query-csv.yaml", []byte("query:\n  format: csv\n"), 0o644)
	os.WriteFile("units.tsv", []byte("persons\toseba\nno tab here\n"), 0o644)
	tests := []struct {
		name     string
		env      map[string]string
		args     []string
		wantCode int
		wantErr  string
	}{
		{"unparseable file", nil, []string{"--config", "bad.yaml", "query", "SELECT 1"}, exitConfig, "config file bad.yaml"},
		{"missing --config file", nil, []string{"--config", "missing.yaml", "query", "SELECT 1"}, exitConfig, "config file missing.yaml"},
		{"bad value in file", nil, []string{"--config", "year.yaml", "import", "x.pdf"}, exitConfig, `config file year.yaml: import.year: invalid value "twenty"`},
		{"unknown key", nil, []string{"--config", "typo.yaml", "query", "SELECT 1"}, exitConfig, `config file typo.yaml: unknown key "formt"`},
		{"unknown key of a command", nil, []string{"--config", "section-typo.yaml", "runs"}, exitConfig, `config file section-typo.yaml: unknown key "query.formt": query has no flag --formt`},
		{"key of several commands at the top", nil, []string{"--config", "top-format.yaml", "query", "SELECT 1"}, exitConfig, `config file top-format.yaml: key "format" is read differently by`},
		{"bad value a command checks, from the file", nil, []string{"--config", "query-xml.yaml", "query", "SELECT 1"}, exitConfig, `config file query-xml.yaml: query.format: "xml": want`},
		{"bad value a command checks, from the environment", map[string]string{"LETOPIS_QUERY_FORMAT": "xml"}, []string{"query", "SELECT 1"}, exitConfig, `environment LETOPIS_QUERY_FORMAT: "xml": want`},
		{"one command's key leaves another alone", nil, []string{"--config", "query-csv.yaml", "inspect", "none.pdf"}, exitNoInput, "none.pdf: no such file"},
		{"bad value in environment", map[string]string{"LETOPIS_YEAR": "soon"}, []string{"import", "x.pdf"}, exitConfig, "environment LETOPIS_YEAR"},
		{"missing units file", nil, []string{"import", "--units-file", "none.tsv", "x.pdf"}, exitConfig, "units file none.tsv"},
		{"bad units file from environment", map[string]string{"LETOPIS_UNITS_FILE": "units.tsv"}, []string{"import", "x.pdf"}, exitConfig, "line 2"},
		{"unknown flag", nil, []string{"query", "--nope", "SELECT 1"}, exitUsage, "unknown flag"},
		{"missing argument", nil, []string{"query"}, exitUsage, "accepts 1 arg"},
		{"bad format", nil, []string{"query", "--format", "xml", "SELECT 1"}, exitUsage, "--format"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for k, v := range tt.env {
				t.Setenv(k, v)
			}
			code, _, stderr := runCmd(t, tt.args...)
			if code != tt.wantCode || !strings.Contains(stderr, tt.wantErr) {
				t.Fatalf("exit %d, stderr %q; want exit %d and %q", code, stderr, tt.wantCode, tt.wantErr)
			}
			if n := strings.Count(strings.TrimSpace(stderr), "\n"); n != 0 {
				t.Fatalf("error is not one line: %q", stderr)
			}
		})
	}
}
