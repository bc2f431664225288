package transform

import (
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// tok is a word or a punctuation mark of a text, with its byte span.
type tok struct {
	Text       string
	Start, End int
	Punct      bool
}

// tokenize splits s into words (letters, digits and the marks that hold a
// word together: e-publikaciji, d.o.o., dogodkov/aktivnosti) and single
// punctuation marks.
func tokenize(s string) []tok {
	var out []tok
	i := 0
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsSpace(r):
			i += n
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '%' || r == '€':
			j := i + n
			for j < len(s) {
				r2, n2 := utf8.DecodeRuneInString(s[j:])
				if unicode.IsLetter(r2) || unicode.IsDigit(r2) {
					j += n2
					continue
				}
				// inner joiners: a letter or digit must follow
				if r2 == '-' || r2 == '/' || r2 == '.' || r2 == '&' || r2 == ',' {
					if j+n2 < len(s) {
						r3, _ := utf8.DecodeRuneInString(s[j+n2:])
						if unicode.IsLetter(r3) || unicode.IsDigit(r3) {
							if r2 == ',' && !(unicode.IsDigit(prevRune(s, j)) && unicode.IsDigit(r3)) {
								break
							}
							j += n2
							continue
						}
					}
				}
				break
			}
			out = append(out, tok{Text: s[i:j], Start: i, End: j})
			i = j
		default:
			out = append(out, tok{Text: s[i : i+n], Start: i, End: i + n, Punct: true})
			i += n
		}
	}
	return out
}

func prevRune(s string, i int) rune {
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return r
}

// abbreviations after which a full stop does not end a sentence.
var abbrev = map[string]bool{"d.o.o": true, "o": true, "d": true, "npr": true, "ipd": true, "oz": true, "št": true, "tj": true,
	"itd": true, "dr": true, "mag": true, "cca": true, "prof": true, "ga": true, "g": true, "str": true, "sv": true,
	"s.p": true, "p": true, "t.i": true, "idr": true, "tel": true, "mio": true, "ul": true}

// sentences splits a paragraph into sentences: at . ! ? and ; followed by
// a space and a capital letter, a digit or a bullet, except after
// abbreviations, ordinals, dates and roman numerals (a small number ends
// a sentence when a capitalised word and its verb follow: see
// verbFollows).
func sentences(s string) []string {
	var out []string
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '.' && c != '!' && c != '?' && c != ';' {
			continue
		}
		j := i + 1
		for j < len(s) && (s[j] == ')' || s[j] == '"' || s[j] == '\'') {
			j++
		}
		if j >= len(s) || s[j] != ' ' {
			continue
		}
		k := j
		for k < len(s) && s[k] == ' ' {
			k++
		}
		if k >= len(s) {
			continue
		}
		next, _ := utf8.DecodeRuneInString(s[k:])
		if c == '.' {
			if !(unicode.IsUpper(next) || next == '»' || next == '"' || next == '“' || next == '•' || next == '–') {
				continue
			}
			// the word before the stop
			w := s[start:i]
			if p := strings.LastIndexAny(w, " (\t"); p >= 0 {
				w = w[p+1:]
			}
			lw := strings.ToLower(w)
			if abbrev[lw] || isRomanWord(w) || (len(w) <= 2 && isDigits(w) && !verbFollows(s[k:])) || (utf8.RuneCountInString(w) == 1 && !isDigits(w)) {
				continue
			}
		} else if c == ';' && (!(unicode.IsUpper(next) || unicode.IsLower(next) || unicode.IsDigit(next) || next == '–' || next == '-') || byPronounAfter.MatchString(s[k:])) {
			// `28 žensk; 12 jih je dobilo zaposlitev`: the clause after
			// counts by a pronoun what the one before names
			continue
		}
		if t := strings.TrimSpace(s[start : i+1]); t != "" {
			out = append(out, t)
		}
		start = k
		i = k - 1
	}
	if t := strings.TrimSpace(s[start:]); t != "" {
		out = append(out, t)
	}
	return out
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

func isRomanWord(s string) bool {
	if s == "" || len(s) > 5 {
		return false
	}
	for _, r := range s {
		if !strings.ContainsRune("IVXLC", r) {
			return false
		}
	}
	return true
}

// clean collapses runs of white space (what \s matches: tab, newline, form
// feed, carriage return, space) into one space and trims the ends.
func clean(s string) string {
	isWS := func(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' }
	collapse := false
	for i := 0; i < len(s); i++ {
		if isWS(s[i]) && (s[i] != ' ' || i+1 < len(s) && isWS(s[i+1])) {
			collapse = true
			break
		}
	}
	if !collapse {
		return strings.TrimSpace(s)
	}
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if !isWS(s[i]) {
			b = append(b, s[i])
			continue
		}
		b = append(b, ' ')
		for i+1 < len(s) && isWS(s[i+1]) {
			i++
		}
	}
	return strings.TrimSpace(string(b))
}

// diacritics drops the Slovene diacritics (and ć, đ).
var diacritics = strings.NewReplacer("č", "c", "š", "s", "ž", "z", "ć", "c", "đ", "d")

// fold lower-cases s and drops Slovene diacritics, for comparisons.
func fold(s string) string { return diacritics.Replace(strings.ToLower(s)) }

// letters returns the folded letters and digits of s, for loose comparison.
func letters(s string) string {
	var b strings.Builder
	for _, r := range fold(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// quoteSpans returns the byte spans of text inside »…«, „…“, “…” and "…".
func quoteSpans(s string) [][2]int {
	var out [][2]int
	pairs := [][2]string{{"»", "«"}, {"„", "“"}, {"“", "”"}, {"\"", "\""}, {"«", "»"}}
	for _, p := range pairs {
		i := 0
		for {
			a := strings.Index(s[i:], p[0])
			if a < 0 {
				break
			}
			a += i + len(p[0])
			b := strings.Index(s[a:], p[1])
			if b < 0 {
				break
			}
			out = append(out, [2]int{a, a + b})
			i = a + b + len(p[1])
		}
	}
	return out
}

func inSpans(sp [][2]int, i int) bool {
	for _, s := range sp {
		if i >= s[0] && i < s[1] {
			return true
		}
	}
	return false
}

func sortNums(ns []num) {
	sort.SliceStable(ns, func(i, j int) bool { return ns[i].Start < ns[j].Start })
}

// numbering matches a leading section or list number: `1.`, `2.Lokalna`,
// `(3)`, `4)`, `II.`, `a)`.
var numbering = regexp.MustCompile(`^\s*(?:\(\s*\d{1,2}\s*\)|\d{1,2}\s*[.)](?:\s*\d{1,2}\s*[.)])*|[IVX]{1,4}\.|[a-h]\))\s*`)

// letterNumbering matches a section numbered by a capital letter: `B. `.
var letterNumbering = regexp.MustCompile(`^\s*([A-H][.)]\s+)`)

// stripNumbering removes a leading section or list number and returns it.
func stripNumbering(s string) (rest, number string) {
	if m := letterNumbering.FindStringSubmatchIndex(s); m != nil && startsTitle(s[m[3]:]) {
		// `B. SPIN`, `A) Program`: a letter numbers the section when a
		// title follows
		return s[m[3]:], strings.TrimSpace(s[m[2]:m[3]])
	}
	m := numbering.FindStringIndex(s)
	if m == nil {
		return s, ""
	}
	// `1. 11. 2019` and `3.500` are not numbering
	rest = s[m[1]:]
	if rest == "" || unicode.IsDigit(firstRune(rest)) {
		return s, ""
	}
	return rest, strings.TrimSpace(s[:m[1]])
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// isUpperText reports whether s has letters and all of them are upper case.
func isUpperText(s string) bool {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			n++
			if unicode.IsLower(r) {
				return false
			}
		}
	}
	return n > 1
}

// verbFollows reports whether s opens with a capitalised word and a verb
// of its clause (`Vzorci so bili …`): a new sentence after a small number,
// which an ordinal before a name (`38. Kostanjev praznik je`) is not.
func verbFollows(s string) bool {
	f := strings.Fields(s)
	if len(f) < 2 || !unicode.IsUpper(firstRune(f[0])) {
		return false
	}
	switch strings.ToLower(f[1]) {
	case "je", "so", "sta", "smo", "ste", "bo", "bodo", "bosta", "bomo", "se", "pa":
		return true
	}
	return false
}

// byPronounAfter opens a clause that counts by a pronoun: `12 jih je`,
// `sedem pa se jih`.
var byPronounAfter = regexp.MustCompile(`^\S+\s+(?:pa\s+)?(?:se\s+)?jih\b`)
