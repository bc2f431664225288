package load

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzReadAliases reads any bytes as an alias file: aliases or a one-line
// error, never a panic; accepted aliases resolve or are refused (cycles).
func FuzzReadAliases(f *testing.F) {
	f.Add([]byte("activity:\n  a: b\nindicator:\n  c: d\n"))
	f.Add([]byte("activity:\n  a: b\n  b: a\n"))
	f.Add([]byte("activity: [1, 2]\n"))
	f.Add([]byte("a: &x [*x]\n"))
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte) {
		p := filepath.Join(dir, "aliases.yaml")
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		al, err := ReadAliases(p)
		if err != nil {
			if strings.Contains(err.Error(), "\n") {
				t.Fatalf("error of more than one line: %q", err)
			}
			return
		}
		if _, err := ResolveAliases(al); err != nil && strings.Contains(err.Error(), "\n") {
			t.Fatalf("error of more than one line: %q", err)
		}
	})
}
