package slnum

import (
	"math"
	"strconv"
	"strings"

	"github.com/letopis/letopis/internal/slfmt"
)

// numErr is why a run of digits and separators is not a number; kept as a
// code so that reading a number allocates nothing.
type numErr uint8

const (
	errNone          numErr = iota
	errAmbiguousDot         // 1.5, 1.23, 1.2345
	errGroups               // 1.23.4, 1234.567, 1.000 000, 2 50
	errTwoCommas            // 12,345,6
	errDotAfterComma        // 1,000.5
	errLeadingZero          // 05, 041 123 456
	errTooLong              // more digits than a report ever writes
	errNoDigits             // "", "-", "EUR"
	errTrailing             // digits followed by something else
	errTrailingDot          // 12.
	errTrailingComma        // 12,
	errRange                // overflows float64
)

// numLex is one lexed number: where it ends, its value and its shape.
type numLex struct {
	end      int
	val      float64
	err      numErr
	firstLen int  // digits of the first group
	groups   int  // thousands separators
	scale    int  // digits after the decimal comma
	dots     int  // dots read (also in a malformed run)
	sep      byte // '.' or ' ' (any group space) once grouped
}

// plain reports whether the number is only digits.
func (l *numLex) plain() bool { return l.err == errNone && l.groups == 0 && l.scale == 0 }

var pow10 = [...]float64{1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10,
	1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22}

// maxDigits bounds the digits of one number (a float64 has 17 significant
// digits; Format of a large float writes many zeros).
const maxDigits = 400

// lexNumber reads a number whose first digit is s[i]. In text mode it stops
// where the number stops (a space followed by something other than three
// digits ends it); in whole mode (text false) a space or dot that does not
// group thousands is an error. It never allocates on success unless the
// number has more than 15 significant digits.
func lexNumber(s string, i int, text bool) numLex {
	var l numLex
	var mant uint64
	nd := 0      // digits in mant (after leading zeros)
	big := false // mant overflowed 2^53 or too many digits
	add := func(c byte) {
		if nd == 0 && c == '0' {
			return
		}
		nd++
		if nd > 19 {
			big = true
			return
		}
		mant = mant*10 + uint64(c-'0')
	}
	j := i
	for j < len(s) && isDigit(s[j]) {
		add(s[j])
		j++
	}
	l.firstLen = j - i
	if l.firstLen > 1 && s[i] == '0' {
		l.err = errLeadingZero
	}
	intDigits := l.firstLen
	// thousands groups
	for j < len(s) {
		if s[j] == '.' && digitAt(s, j+1) {
			k := j + 1
			for k < len(s) && isDigit(s[k]) {
				k++
			}
			if k-(j+1) == 3 && l.firstLen <= 3 && s[i] != '0' && (l.sep == 0 || l.sep == '.') {
				for m := j + 1; m < k; m++ {
					add(s[m])
				}
				intDigits += 3
				l.groups++
				l.sep = '.'
				l.dots++
				j = k
				continue
			}
			// not a thousands group: consume the whole malformed run
			l.dots++
			k = j
			for k < len(s) && (s[k] == '.' || s[k] == ',') && digitAt(s, k+1) {
				if s[k] == '.' {
					l.dots++
				}
				k++
				for k < len(s) && isDigit(s[k]) {
					k++
				}
			}
			l.dots-- // the first dot was counted twice
			if l.groups == 0 && l.dots == 1 && !strings.Contains(s[i:k], ",") && l.err == errNone {
				l.err = errAmbiguousDot
			} else if l.err == errNone || l.err == errLeadingZero {
				l.err = errGroups
			}
			l.end = k
			return l
		}
		if n := groupSpaceAt(s, j); n > 0 && digitAt(s, j+n) {
			k := j + n
			for k < len(s) && isDigit(s[k]) {
				k++
			}
			ok := k-(j+n) == 3 && l.firstLen <= 3 && s[i] != '0' && (l.sep == 0 || l.sep == ' ')
			if ok && text {
				// in running text a following date or decimal dot is not ours
				ok = !(k < len(s) && s[k] == '.' && digitAt(s, k+1)) && !letterAt(s, k)
			}
			if ok {
				for m := j + n; m < k; m++ {
					add(s[m])
				}
				intDigits += 3
				l.groups++
				l.sep = ' '
				j = k
				continue
			}
			if !text {
				if l.err == errNone {
					l.err = errGroups
				}
				l.end = len(s)
				return l
			}
		}
		break
	}
	// decimals
	if j < len(s) && s[j] == ',' && digitAt(s, j+1) {
		k := j + 1
		for k < len(s) && isDigit(s[k]) {
			add(s[k])
			k++
		}
		l.scale = k - (j + 1)
		j = k
		if j < len(s) && s[j] == ',' && digitAt(s, j+1) {
			for j < len(s) && (s[j] == ',' || s[j] == '.' || isDigit(s[j])) && (isDigit(s[j]) || digitAt(s, j+1)) {
				j++
			}
			l.err = errTwoCommas
		} else if j < len(s) && s[j] == '.' && digitAt(s, j+1) {
			for j < len(s) && (s[j] == ',' || s[j] == '.' || isDigit(s[j])) && (isDigit(s[j]) || digitAt(s, j+1)) {
				j++
			}
			l.err = errDotAfterComma
		}
	}
	l.end = j
	if l.err != errNone {
		return l
	}
	if intDigits+l.scale > maxDigits {
		l.err = errTooLong
		return l
	}
	if !big && mant <= 1<<53 && l.scale <= 22 {
		l.val = float64(mant) / pow10[l.scale]
		if l.scale == 0 {
			l.val = float64(mant)
		}
		return l
	}
	// slow path: more than 15 significant digits
	buf := make([]byte, 0, 64)
	for k := i; k < j; k++ {
		switch c := s[k]; {
		case isDigit(c):
			buf = append(buf, c)
		case c == ',':
			buf = append(buf, '.')
		}
	}
	v, err := strconv.ParseFloat(string(buf), 64)
	if err != nil || math.IsInf(v, 0) {
		l.err = errRange
		return l
	}
	l.val = v
	return l
}

// reason explains a lexing error for the text t of the number.
func (e numErr) reason(t string) string {
	switch e {
	case errAmbiguousDot:
		dot := strings.IndexByte(t, '.')
		if dot > 0 && dot < len(t)-1 {
			return "ambiguous: " + t + " could be " + t[:dot] + "," + t[dot+1:] + " or " + t[:dot] + t[dot+1:]
		}
		return "ambiguous: a dot not followed by three digits"
	case errGroups:
		return "malformed: inconsistent digit groups (thousands take a dot or space and three digits)"
	case errTwoCommas:
		return "malformed: more than one decimal comma"
	case errDotAfterComma:
		return "malformed: a dot after the decimal comma"
	case errLeadingZero:
		return "leading zero: a telephone number or a code, not a quantity"
	case errTooLong:
		return "malformed: too many digits"
	case errNoDigits:
		return "no number"
	case errTrailing:
		return "malformed: not only a number"
	case errTrailingDot:
		return "a dot after the number: an ordinal or a date, not a quantity"
	case errTrailingComma:
		return "malformed: a comma without decimals"
	case errRange:
		return "out of range"
	}
	return ""
}

// signAt returns the length of a minus or plus sign at s[i] (-, +, U+2212)
// and whether it is a minus.
func signAt(s string, i int) (n int, minus bool) {
	if i < 0 || i >= len(s) {
		return 0, false
	}
	switch {
	case s[i] == '-':
		return 1, true
	case s[i] == '+':
		return 1, false
	case s[i] == 0xE2 && i+2 < len(s) && s[i+1] == 0x88 && s[i+2] == 0x92:
		return 3, true
	}
	return 0, false
}

// trimSpace trims spaceAt spaces from both ends without allocating.
func trimSpace(s string) string {
	i := skipSpace(s, 0)
	j := skipSpaceBack(s, len(s))
	if j < i {
		return ""
	}
	return s[i:j]
}

// ParseNumber reads a whole string holding one plain Slovene number:
// "22.830", "26.115,5", "−3", "2 500", "0,5". Surrounding white space is
// ignored; a sign (-, + or U+2212) may stand right before the digits.
// Anything else — a unit, a trailing dot, an ambiguous dot (1.5), broken
// groups (1.23.4), two decimal commas (12,345,6), a leading zero (05) — is
// refused with a *SyntaxError that says why. It allocates nothing on
// success (for numbers of up to 15 significant digits).
func ParseNumber(s string) (float64, error) {
	v, e := parseNumber(s)
	if e != errNone {
		return 0, refuse(s, e.reason(trimSpace(s)))
	}
	return v, nil
}

func parseNumber(s string) (float64, numErr) {
	t := trimSpace(s)
	n, minus := signAt(t, 0)
	if !digitAt(t, n) {
		return 0, errNoDigits
	}
	l := lexNumber(t, n, false)
	if l.err != errNone {
		return 0, l.err
	}
	if l.end != len(t) {
		switch t[l.end] {
		case '.':
			if l.end+1 == len(t) {
				return 0, errTrailingDot
			}
		case ',':
			if l.end+1 == len(t) {
				return 0, errTrailingComma
			}
		}
		return 0, errTrailing
	}
	if minus {
		return -l.val, errNone
	}
	return l.val, errNone
}

// Format writes v the Slovene way: thousands grouped with dots, a decimal
// comma, decimals digits after it (rounded half to even as strconv does), a
// leading '-' for a negative value. A negative decimals writes as many
// digits as v needs to read back exactly. Format(250109.76, 2) ==
// "250.109,76"; Format(1000, 0) == "1.000". NaN and infinities are written
// as strconv writes them (and do not read back).
func Format(v float64, decimals int) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	return slfmt.Number(strconv.FormatFloat(v, 'f', decimals, 64), true)
}
