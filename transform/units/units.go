// Package units maps the counted nouns of Slovene reports to the unit
// vocabulary of the warehouse (letopis.Unit), in every case form a noun takes
// after a number.
//
// The built-in lexicon is the embedded file units.tsv. A user lexicon in the
// same format extends it (see Load): one noun a line, the unit, a tab, and
// the noun's forms separated by spaces; a form ending in * is a stem that
// matches every word beginning with it; lines starting with # are comments.
// A later line wins over an earlier one for the same form, so a user file
// can also correct the built-in one.
package units

import (
	"bufio"
	_ "embed"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/letopis/letopis"
)

//go:embed units.tsv
var builtin string

// Lexicon maps word forms to units.
type Lexicon struct {
	forms map[string]letopis.Unit
	stems []stem // longest first
}

type stem struct {
	prefix string
	unit   letopis.Unit
}

// Default returns a fresh copy of the built-in lexicon.
func Default() *Lexicon {
	l := &Lexicon{forms: map[string]letopis.Unit{}}
	if err := l.Read(strings.NewReader(builtin)); err != nil {
		panic("units: built-in lexicon: " + err.Error())
	}
	return l
}

// Load returns the built-in lexicon extended by the user lexicon in path
// ("" for none).
func Load(path string) (*Lexicon, error) {
	l := Default()
	if path == "" {
		return l, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if err := l.Read(f); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return l, nil
}

// Read adds the lines of a lexicon in the units.tsv format to l.
func (l *Lexicon) Read(r io.Reader) error {
	sc := bufio.NewScanner(r)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		unit, forms, ok := strings.Cut(line, "\t")
		if !ok {
			f := strings.Fields(line)
			if len(f) < 2 {
				return fmt.Errorf("line %d: want a unit, a tab and forms", n)
			}
			unit, forms = f[0], strings.Join(f[1:], " ")
		}
		u := letopis.Unit(strings.TrimSpace(unit))
		if !u.Valid() {
			return fmt.Errorf("line %d: unknown unit %q", n, u)
		}
		for _, f := range strings.Fields(forms) {
			f = strings.ToLower(f)
			if p, ok := strings.CutSuffix(f, "*"); ok && p != "" {
				l.addStem(p, u)
				continue
			}
			l.forms[f] = u
		}
	}
	if err := sc.Err(); err != nil {
		return err
	}
	sort.SliceStable(l.stems, func(i, j int) bool { return len(l.stems[i].prefix) > len(l.stems[j].prefix) })
	return nil
}

func (l *Lexicon) addStem(p string, u letopis.Unit) {
	for i := range l.stems {
		if l.stems[i].prefix == p {
			l.stems[i].unit = u
			return
		}
	}
	l.stems = append(l.stems, stem{p, u})
}

// Lookup returns the unit of a word form (any case; surrounding punctuation
// ignored). A compound with a hyphen (e-publikaciji) or a slash
// (podjetji/organizacijami) is looked up whole, then by its parts. A nil
// Lexicon knows no word.
func (l *Lexicon) Lookup(word string) (letopis.Unit, bool) {
	w := strings.ToLower(strings.Trim(word, ".,;:!?()[]{}\"'«»“”„‘’–—"))
	if w == "" || l == nil {
		return "", false
	}
	if u, ok := l.lookup(w); ok {
		return u, true
	}
	for _, sep := range []string{"/", "-"} {
		if strings.Contains(w, sep) {
			for _, part := range strings.Split(w, sep) {
				if u, ok := l.lookup(part); ok && len(part) > 1 {
					return u, true
				}
			}
		}
	}
	return "", false
}

func (l *Lexicon) lookup(w string) (letopis.Unit, bool) {
	if u, ok := l.forms[w]; ok {
		return u, true
	}
	for _, s := range l.stems {
		if strings.HasPrefix(w, s.prefix) {
			return s.unit, true
		}
	}
	return "", false
}
