package units

import (
	"strings"
	"testing"
)

// FuzzLexicon reads any text as a user lexicon: an error or a lexicon,
// never a panic; what it accepted looks up without a panic, and every unit
// it gives is in the vocabulary.
func FuzzLexicon(f *testing.F) {
	f.Add("persons\toseba osebe oseb\n# comment\nevents\tdelavnic*\n")
	f.Add("nounit\tx\n")
	f.Add("\t\t*\n")
	f.Fuzz(func(t *testing.T, text string) {
		l := Default()
		if err := l.Read(strings.NewReader(text)); err != nil {
			if strings.Contains(err.Error(), "\n") {
				t.Fatalf("error of more than one line: %q", err)
			}
			return
		}
		for _, w := range strings.Fields(text) {
			if u, ok := l.Lookup(w); ok && !u.Valid() {
				t.Fatalf("Lookup(%q) = %q, not in the vocabulary", w, u)
			}
		}
	})
}
