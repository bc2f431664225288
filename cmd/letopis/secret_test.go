package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
)

func TestRedactArgs(t *testing.T) {
	tests := []struct{ in, want string }{
		{"import --password geslo a.pdf", "import --password *** a.pdf"},
		{"import --password=geslo a.pdf", "import --password=*** a.pdf"},
		{"import --password-file pw.txt a.pdf", "import --password-file pw.txt a.pdf"},
		{"import a.pdf --password", "import a.pdf --password"},
		{"import -- --password x.pdf", "import -- --password x.pdf"},
		{"import --db a.duckdb --year 2020 a.pdf", "import --db a.duckdb --year 2020 a.pdf"},
	}
	for _, tc := range tests {
		if got := redactArgs(strings.Fields(tc.in)); got != tc.want {
			t.Errorf("redactArgs(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestEndToEndPasswordNeverStored: a password given on the command line
// (or in a file) opens the encrypted PDF, and neither `letopis runs` nor
// the bytes of the warehouse hold it.
func TestEndToEndPasswordNeverStored(t *testing.T) {
	dir := t.TempDir()
	const pw = "Skrivnost-7d41"
	plain, err := os.ReadFile(filepath.Join("..", "..", "testdata", "novus-2020-plain.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	var enc bytes.Buffer
	if err := api.Encrypt(bytes.NewReader(plain), &enc, model.NewAESConfiguration(pw, pw+"-owner", 256)); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "a", "secret.pdf"), enc.Bytes())
	writeFile(t, filepath.Join(dir, "b", "secret.pdf"), append(enc.Bytes(), '\n'))
	writeFile(t, filepath.Join(dir, "pw.txt"), []byte(pw+"\n"))
	if code, _, stderr := runBinary(t, dir, "import", "--password", pw, "a/secret.pdf"); code != 0 {
		t.Fatalf("import --password: exit %d: %s", code, stderr)
	}
	if code, _, stderr := runBinary(t, dir, "import", "--password-file", "pw.txt", "b/secret.pdf"); code != 0 {
		t.Fatalf("import --password-file: exit %d: %s", code, stderr)
	}
	if code, _, stderr := runBinary(t, dir, "import", "--password", "x", "--password-file", "pw.txt", "b/secret.pdf"); code != 64 || !strings.Contains(stderr, "give one") {
		t.Errorf("both --password and --password-file: exit %d: %s", code, stderr)
	}
	code, runs, _ := runBinary(t, dir, "runs", "--format", "csv")
	if code != 0 || !strings.Contains(runs, "--password ***") || strings.Contains(runs, pw) {
		t.Errorf("runs:\n%s", runs)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "letopis.duckdb*"))
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if bytes.Contains(b, []byte(pw)) {
			t.Errorf("%s holds the password", f)
		}
	}
}
