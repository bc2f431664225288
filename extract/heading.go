package extract

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// sectionNumber matches a heading's section number: `2`, `2.1`, `3.`,
// `1)`, `VIII.`, `B.`, `C)`.
var sectionNumber = regexp.MustCompile(`^(?:\d{1,2}(?:\.\d{1,2}){0,3}[.)]?|[IVXLC]{1,7}\.|[A-H][.)])$`)

// IsSectionNumber reports whether s is a section number as a heading's
// label: `2`, `2.1`, `3.`, `1)`, `VIII.`, `B.`.
func IsSectionNumber(s string) bool { return sectionNumber.MatchString(s) }

// SectionNumber splits a heading's text into its leading section number
// and its title, when a title follows the number (a word in upper case or
// a quotation mark: `2 Programi`, not `2 projekta`); ok is false otherwise.
// Extractors keep the number in the heading block's Label.
func SectionNumber(text string) (num, title string, ok bool) {
	num, rest, found := strings.Cut(strings.TrimSpace(text), " ")
	if !found || !sectionNumber.MatchString(num) {
		return "", text, false
	}
	rest = strings.TrimSpace(rest)
	r, _ := utf8.DecodeRuneInString(rest)
	if !unicode.IsUpper(r) && !strings.ContainsRune("»„“\"", r) {
		return "", text, false
	}
	return num, rest, true
}
