package transform

import (
	"regexp"
	"strings"
	"testing"
)

// TestCleanMatchesRegexp: clean collapses white space exactly as
// regexp \s+ → " " followed by TrimSpace did.
func TestCleanMatchesRegexp(t *testing.T) {
	re := regexp.MustCompile(`\s+`)
	for _, s := range []string{"", " ", "a", " a ", "a  b", "a\tb", "a\n\n b", "a \u00a0 b", "\u00a0a\u00a0", "x\r\n\fy ", "a b c", "  ", "ž  č\tš"} {
		want := strings.TrimSpace(re.ReplaceAllString(s, " "))
		if got := clean(s); got != want {
			t.Errorf("clean(%q) = %q, want %q", s, got, want)
		}
	}
}

func FuzzClean(f *testing.F) {
	re := regexp.MustCompile(`\s+`)
	f.Add("a  b\t\nc")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := clean(s), strings.TrimSpace(re.ReplaceAllString(s, " ")); got != want {
			t.Fatalf("clean(%q) = %q, want %q", s, got, want)
		}
	})
}
