// Package slnum reads Slovene numbers, amounts, qualifiers, dates and periods
// exactly, from whole strings (a spreadsheet cell) or from running text (a
// paragraph of a report), and says why it refuses what it cannot read for
// sure. A wrong reading is worse than none, so every rule below prefers to
// refuse (with a reason) over guessing.
//
// # Numbers
//
// Slovene groups thousands with a dot or a space (ordinary, no-break U+00A0,
// narrow no-break U+202F, thin U+2009) and writes decimals after a comma:
// 250.109,76; 2 500; 26.115,5; 40,32. A minus is '-' or U+2212 written right
// against the digits. The rules:
//
//   - A group separator must be followed by exactly three digits, the first
//     group has one to three digits, and all separators of one number are of
//     the same kind (dot or space). 1.000 and 22.830 are thousands.
//   - A dot followed by anything but three digits (1.5, 1.23, 1.2345) is
//     ambiguous and refused: it could be an English decimal point or a
//     miswritten thousands separator. Mixed or broken groups (1.23.4,
//     1234.567) and more than one decimal comma (12,345,6) are malformed.
//   - A comma is always the decimal comma: 1,500 is one and a half, as a
//     Slovene reader reads it.
//   - A number with a leading zero (05, 041) is not a quantity: in text it is
//     a telephone number or a code; 0,5 is fine.
//
// # Running text
//
// [Scan] finds every numeric token of a text — digits, number words (dve,
// pet, štirih) and Roman ordinals (II.) — and gives each a [Class] with a
// reason when it is not a [Quantity]. In order of precedence:
//
//   - Dates and periods found by [FindPeriods] give [DatePart] (day, month
//     and year of a date) or [Year] (years of a year period: v letu 2020,
//     2019–2023); an impossible date or a reversed range gives [Malformed].
//   - Digits glued to letters (SO-Ma2, 1a, COVID-19, 15-letni), identifiers
//     (12/2020), telephone numbers (+386 …, 041 123 456: a leading zero) and
//     postal codes (", 3320 Velenje") give [Other]. Letter-spaced headings
//     (2 0 2 0) and rows of box labels (1 2 3) — three or more single
//     characters in a row — give [Other] as well.
//   - Times of day: H:MM always, H.MM when a time word or another time is
//     next to it (od 7.00 do 17.00, ob 9.30, 10.00 ure) give [Time].
//   - Ages: a pair "od A do B let(a)" or "A–B let" (also with ordinal dots,
//     od 15. do 29. leta), or one number with "let(a)" after it and an age or
//     range word before it (starih, do, nad, pod, od, med) give [Age].
//   - Ordinals: a number followed by a dot and a lower-case word (8. prednostne
//     osi, 1. in 2. programu), a number with a dot at the start of a line or
//     before an all-capital word (1. INFORMIRANJE, 2.Lokalna skupina), a
//     number in parentheses at the start of a line ((1) Izobraževalne …) and a
//     Roman numeral with a dot (II. modula) give [Ordinal]. A number with a
//     dot before a capitalised word in the middle of a line ends a sentence
//     and stays a quantity.
//   - Years: a plain four-digit number 1900..2100 (never a grouped one such
//     as 2.500) is a [Year] unless a unit follows it (2020 EUR), a counted
//     noun follows it (2020 udeležencev: a known noun or a genitive plural in
//     -ov/-ev) or a qualifier other than "do" is in front of it (cca 2000).
//   - Everything else that reads as a number is a [Quantity], with its
//     qualifier (the words in front), its unit (% or EUR, before or after)
//     and a multiplier word after it (tisoč, mio, milijonov, mrd).
//     In a range "od A do B …" or "A–B …" of quantities A is at_least and
//     B at_most.
//
// Offsets are byte offsets into the input, so that a fact can point at its
// text. Percentages are read as written: 40,32 % has the value 40.32.
package slnum

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/letopis/letopis"
)

// Class says what a numeric token of running text is.
type Class uint8

// The classes. Only Quantity is a candidate fact value.
const (
	Quantity  Class = iota // a count, amount or percentage: a candidate fact value
	Year                   // 2020, v letu 2020
	Ordinal                // 8. prednostne osi, II. modula, 1. INFORMIRANJE
	Time                   // 7.00 in "od 7.00 do 17.00"
	Age                    // od 6 do 19 let
	DatePart               // part of a date or period
	Malformed              // 1.5, 1.23.4, 12,345,6: refused
	Other                  // a number that is no quantity: telephone, postal code, code glued to letters, letter-spaced text
)

var classNames = [...]string{"quantity", "year", "ordinal", "time", "age", "date_part", "malformed", "other"}

// String names the class: quantity, year, ordinal, time, age, date_part,
// malformed, other.
func (c Class) String() string {
	if int(c) < len(classNames) {
		return classNames[c]
	}
	return fmt.Sprintf("class(%d)", int(c))
}

// Match is one numeric token of running text, or a whole cell read by
// ParseQuantity.
type Match struct {
	Start, End int               // byte offsets of the number itself (digits or number word) in the input
	QStart     int               // start of the qualifier words if any, else == Start
	Text       string            // input[Start:End]
	Value      float64           // the value, multiplied by a multiplier word (tisoč, mio) if one follows
	Class      Class             // what the token is
	Reason     string            // for any non-Quantity: why
	Qualifier  letopis.Qualifier // letopis.Exact when none
	Unit       letopis.Unit      // letopis.UnitPercent or letopis.UnitEUR when the number carries one; else ""
	UnitEnd    int               // end offset including a unit (and multiplier) after the number; == End if none
	UnitStart  int               // start of a unit written before the number ("EUR 500"), else == QStart
	Word       bool              // written as a number word (dve, pet)

	ageRange bool // an end of an age range: the number after it in the range is an age too
}

// SyntaxError is a refusal: the text that was read and why it is not read
// as a value.
type SyntaxError struct {
	Text   string // the input (or the part of it) refused
	Reason string // why, in words: "ambiguous: 1.5 could be 1,5 or 15"
}

// Error formats the refusal as `"TEXT": REASON`.
func (e *SyntaxError) Error() string { return fmt.Sprintf("%q: %s", e.Text, e.Reason) }

func refuse(text, reason string) error { return &SyntaxError{Text: text, Reason: reason} }

// ---- character helpers ----

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

// digitAt reports whether s[i] is an ASCII digit.
func digitAt(s string, i int) bool { return i >= 0 && i < len(s) && isDigit(s[i]) }

// runeAt decodes the rune at s[i]; -1 and 0 past the end.
func runeAt(s string, i int) (rune, int) {
	if i < 0 || i >= len(s) {
		return -1, 0
	}
	if s[i] < utf8.RuneSelf {
		return rune(s[i]), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

// runeBefore decodes the rune ending at s[i]; -1 and 0 at the start.
func runeBefore(s string, i int) (rune, int) {
	if i <= 0 || i > len(s) {
		return -1, 0
	}
	if s[i-1] < utf8.RuneSelf {
		return rune(s[i-1]), 1
	}
	return utf8.DecodeLastRuneInString(s[:i])
}

func isLetter(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= utf8.RuneSelf && unicode.IsLetter(r)
}

func letterAt(s string, i int) bool     { r, _ := runeAt(s, i); return isLetter(r) }
func letterBefore(s string, i int) bool { r, _ := runeBefore(s, i); return isLetter(r) }

// alnumBefore reports whether a letter or digit ends at s[i].
func alnumBefore(s string, i int) bool {
	r, _ := runeBefore(s, i)
	return isLetter(r) || r >= '0' && r <= '9'
}

// spaceAt returns the length of a white space at s[i]: ASCII white space,
// no-break space U+00A0, figure space U+2007, thin space U+2009, narrow
// no-break space U+202F; 0 if none.
func spaceAt(s string, i int) int {
	if i < 0 || i >= len(s) {
		return 0
	}
	switch s[i] {
	case ' ', '\t', '\n', '\r', '\f', '\v':
		return 1
	case 0xC2:
		if i+1 < len(s) && s[i+1] == 0xA0 {
			return 2
		}
	case 0xE2:
		if i+2 < len(s) && s[i+1] == 0x80 && (s[i+2] == 0xAF || s[i+2] == 0x89 || s[i+2] == 0x87) {
			return 3
		}
	}
	return 0
}

// groupSpaceAt is spaceAt without line breaks and tabs: the spaces that may
// group thousands.
func groupSpaceAt(s string, i int) int {
	if i < len(s) && (s[i] == '\n' || s[i] == '\r' || s[i] == '\t' || s[i] == '\f' || s[i] == '\v') {
		return 0
	}
	return spaceAt(s, i)
}

// skipSpace skips white space (line breaks too) from i.
func skipSpace(s string, i int) int {
	for {
		n := spaceAt(s, i)
		if n == 0 {
			return i
		}
		i += n
	}
}

// skipInline skips white space but not line breaks.
func skipInline(s string, i int) int {
	for {
		n := groupSpaceAt(s, i)
		if n == 0 && i < len(s) && s[i] == '\t' {
			n = 1
		}
		if n == 0 {
			return i
		}
		i += n
	}
}

// skipSpaceBack moves back over white space ending at i.
func skipSpaceBack(s string, i int) int {
	for i > 0 {
		switch {
		case s[i-1] == ' ' || s[i-1] == '\t' || s[i-1] == '\n' || s[i-1] == '\r':
			i--
		case i >= 2 && s[i-2] == 0xC2 && s[i-1] == 0xA0:
			i -= 2
		case i >= 3 && s[i-3] == 0xE2 && s[i-2] == 0x80 && (s[i-1] == 0xAF || s[i-1] == 0x89 || s[i-1] == 0x87):
			i -= 3
		default:
			return i
		}
	}
	return i
}

// dashAt returns the length of a range dash at s[i]: hyphen, en dash, em
// dash, figure dash or minus sign; 0 if none.
func dashAt(s string, i int) int {
	if i < 0 || i >= len(s) {
		return 0
	}
	if s[i] == '-' {
		return 1
	}
	if s[i] == 0xE2 && i+2 < len(s) {
		if s[i+1] == 0x80 && s[i+2] >= 0x92 && s[i+2] <= 0x94 { // U+2012..U+2014
			return 3
		}
		if s[i+1] == 0x88 && s[i+2] == 0x92 { // U+2212
			return 3
		}
	}
	return 0
}

// wordEnd returns the end of the run of letters starting at i.
func wordEnd(s string, i int) int {
	for i < len(s) {
		r, n := runeAt(s, i)
		if !isLetter(r) {
			break
		}
		i += n
	}
	return i
}

// wordStartBefore returns the start of the run of letters ending at i.
func wordStartBefore(s string, i int) int {
	for i > 0 {
		r, n := runeBefore(s, i)
		if !isLetter(r) {
			break
		}
		i -= n
	}
	return i
}

// prevWord returns the word before i, skipping white space, and its start.
func prevWord(s string, i int) (string, int) {
	e := skipSpaceBack(s, i)
	b := wordStartBefore(s, e)
	return s[b:e], b
}

// nextWord returns the word at i after white space, and its end.
func nextWord(s string, i int) (string, int, int) {
	b := skipSpace(s, i)
	e := wordEnd(s, b)
	return s[b:e], b, e
}

// lowerKey lowercases w into buf for a map lookup; ok is false if it does
// not fit.
func lowerKey(buf []byte, w string) ([]byte, bool) {
	b := buf[:0]
	for i := 0; i < len(w); {
		c := w[i]
		if c < utf8.RuneSelf {
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			if len(b) == cap(b) {
				return nil, false
			}
			b = append(b, c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(w[i:])
		if len(b)+4 > cap(b) {
			return nil, false
		}
		b = utf8.AppendRune(b, unicode.ToLower(r))
		i += n
	}
	return b, true
}

// lookup finds w in m case-insensitively without allocating.
func lookup[T any](m map[string]T, w string) (T, bool) {
	var buf [48]byte
	var zero T
	if w == "" {
		return zero, false
	}
	if v, ok := m[w]; ok {
		return v, true
	}
	lower := true
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= 'A' && c <= 'Z' || c >= utf8.RuneSelf {
			lower = false
			break
		}
	}
	if lower {
		return zero, false
	}
	b, ok := lowerKey(buf[:], w)
	if !ok {
		return zero, false
	}
	v, ok := m[string(b)]
	return v, ok
}

// is reports whether w equals one of the words, ignoring case.
func is(w string, words ...string) bool {
	for _, x := range words {
		if strings.EqualFold(w, x) {
			return true
		}
	}
	return false
}

// isUpperWord reports whether w has two or more letters, all capitals.
func isUpperWord(w string) bool {
	n := 0
	for _, r := range w {
		if !unicode.IsUpper(r) {
			return false
		}
		n++
	}
	return n >= 2
}

// isTitleWord reports whether w is a capital followed by a lower-case letter.
func isTitleWord(w string) bool {
	r, n := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) || n >= len(w) {
		return false
	}
	r2, _ := utf8.DecodeRuneInString(w[n:])
	return unicode.IsLower(r2)
}

// lineStart reports whether only white space, bullets and an opening
// parenthesis stand between the start of the line and i.
func lineStart(s string, i int) bool {
	for i > 0 {
		c := s[i-1]
		switch {
		case c == '\n' || c == '\r':
			return true
		case c == ' ' || c == '\t' || c == '(' || c == '-' || c == '*':
			i--
		case i >= 2 && s[i-2] == 0xC2 && c == 0xA0:
			i -= 2
		case i >= 3 && s[i-3] == 0xE2 && s[i-2] == 0x80 && (c == 0xA2 || c == 0x93 || c == 0x94 || c == 0xAF): // • – — U+202F
			i -= 3
		case i >= 3 && s[i-3] == 0xEF && s[i-2] == 0x82 && c == 0xB7: // private-use bullet U+F0B7
			i -= 3
		default:
			return false
		}
	}
	return true
}
