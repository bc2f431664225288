// Package slfmt holds the rules of spreadsheet values that both the
// extractors and transform apply, so that each has one owner: how a
// number and a date are written the Slovene way ("1.234,5", "15. 2. 2021"),
// what a spreadsheet number format code says (a date, a percentage,
// thousands grouped, how many decimals) and which day a serial date number
// is in the 1900 and 1904 date systems.
//
// It imports only the model and the standard library, so that every layer
// may import it (extract/sheet for a cell's display text and date,
// transform/slnum and transform for date columns, cmd for query output).
package slfmt

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/letopis/letopis"
)

// Number rewrites a number written the plain way ("-1234.5", as strconv
// and SQL print it) the Slovene way ("-1.234,5"): a decimal comma and, with
// group, a dot between thousands. A minus before a value that is all zeros
// goes ("-0,00" is "0,00"); a number with an exponent only gets its comma.
func Number(plain string, group bool) string {
	if strings.ContainsAny(plain, "eE") {
		return strings.Replace(plain, ".", ",", 1)
	}
	neg := strings.HasPrefix(plain, "-")
	s := strings.TrimPrefix(plain, "-")
	intPart, frac, hasFrac := strings.Cut(s, ".")
	out := make([]byte, 0, len(s)+len(s)/3+2)
	if neg && strings.Trim(intPart+frac, "0") != "" {
		out = append(out, '-')
	}
	for k := 0; k < len(intPart); k++ {
		if group && k > 0 && (len(intPart)-k)%3 == 0 {
			out = append(out, '.')
		}
		out = append(out, intPart[k])
	}
	if hasFrac {
		out = append(out, ',')
		out = append(out, frac...)
	}
	return string(out)
}

// Date writes d the Slovene way: "15. 2. 2021".
func Date(d letopis.Date) string {
	return strconv.Itoa(d.Day) + ". " + strconv.Itoa(int(d.Month)) + ". " + strconv.Itoa(d.Year)
}

// Format is what a spreadsheet number format code says about how a
// number is shown.
type Format struct {
	Code     string // the format code, "" for General
	Date     bool   // a date (or date and time) format
	Percent  bool   // the value is shown times 100 with a % sign
	Group    bool   // thousands are separated
	Decimals int    // digits after the decimal sign; -1: as many as needed (General)
}

// ParseFormat reads a number format code ("#,##0.00", "0%", "d. m. yyyy",
// `[$-424]d\. mmmm yyyy`). Only its first section, the one for positive
// numbers, counts. Quoted literals, escaped characters, colours and locale
// tags say nothing; elapsed-time brackets ([h]) count as the time codes
// they hold. A format is a date format when it has a day or year code, or
// a month code without an hour, second or digit placeholder (a lone m
// next to h or s is minutes). "General" and "@" (text) are the empty Format.
func ParseFormat(code string) Format {
	if strings.EqualFold(code, "General") {
		code = ""
	}
	f := Format{Code: code, Decimals: -1}
	if code == "" || code == "@" {
		return f
	}
	p := strings.ToLower(plainSection(code))
	if strings.ContainsAny(p, "dy") || (strings.Contains(p, "m") && !strings.ContainsAny(p, "hs0#?")) {
		f.Date = true
		return f
	}
	f.Percent = strings.Contains(p, "%")
	f.Group = strings.Contains(p, ",") && strings.ContainsAny(p, "0#")
	if i := strings.IndexByte(p, '.'); i >= 0 {
		n := 0
		for _, ch := range p[i+1:] {
			if ch != '0' && ch != '#' && ch != '?' {
				break
			}
			n++
		}
		f.Decimals = n
	} else if strings.ContainsAny(p, "0#?") {
		f.Decimals = 0
	}
	return f
}

// IsDateFormat reports whether a number format code shows a date (see
// ParseFormat).
func IsDateFormat(code string) bool { return ParseFormat(code).Date }

// plainSection returns the first section of a format code without its
// quoted literals, escaped characters, fill and padding characters and
// bracketed parts, but for the elapsed-time codes ([h], [mm], [ss]).
func plainSection(code string) string {
	sec := code
	inQuote := false
	for i := 0; i < len(code); i++ {
		if code[i] == '"' {
			inQuote = !inQuote
		}
		if code[i] == ';' && !inQuote {
			sec = code[:i]
			break
		}
	}
	var plain strings.Builder
	for i := 0; i < len(sec); i++ {
		switch ch := sec[i]; ch {
		case '"':
			j := strings.IndexByte(sec[i+1:], '"')
			if j < 0 {
				i = len(sec)
			} else {
				i += j + 1
			}
		case '\\', '_', '*':
			i++
		case '[':
			j := strings.IndexByte(sec[i:], ']')
			if j < 0 {
				i = len(sec)
				break
			}
			switch inner := strings.ToLower(sec[i+1 : i+j]); inner {
			case "h", "hh", "m", "mm", "s", "ss":
				plain.WriteString(inner)
			}
			i += j
		default:
			plain.WriteByte(ch)
		}
	}
	return plain.String()
}

// ShowNumber writes v as a Slovene reader sees it under the format f:
// decimal comma, a full stop between thousands when f groups them, the
// decimals f shows, "40,32 %" for 0.4032 under a percent format. NaN and
// infinities are written as strconv writes them.
func ShowNumber(v float64, f Format) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return strconv.FormatFloat(v, 'g', -1, 64)
	}
	if f.Percent {
		v *= 100
	}
	var s string
	if f.Decimals < 0 {
		s = strconv.FormatFloat(v, 'f', -1, 64)
		if len(s) > 20 {
			s = strconv.FormatFloat(v, 'g', 15, 64)
		}
	} else {
		s = strconv.FormatFloat(v, 'f', f.Decimals, 64)
	}
	out := Number(s, f.Group)
	if f.Percent {
		out += " %"
	}
	return out
}

// SerialDate converts a spreadsheet serial day number to a date. In the
// 1900 system (date1904 false) serial 1 is 1 January 1900, and serial 60 is
// the spreadsheets' 29 February 1900, a day that never was: it is refused.
// In the 1904 system serial 0 is 1 January 1904. A fraction (a time of day)
// is dropped. Serials before the first day, past 31 December 9999, NaN and
// infinities are refused.
func SerialDate(serial float64, date1904 bool) (letopis.Date, error) {
	refuse := func(reason string) (letopis.Date, error) {
		return letopis.Date{}, fmt.Errorf("%q: %s", fmt.Sprint(serial), reason)
	}
	if math.IsNaN(serial) || math.IsInf(serial, 0) {
		return refuse("not a serial date")
	}
	n := math.Floor(serial)
	var base time.Time
	switch {
	case date1904:
		if n < 0 {
			return refuse("serial date before 1 January 1904")
		}
		base = time.Date(1904, 1, 1, 0, 0, 0, 0, time.UTC)
	case n < 1:
		return refuse("serial date before 1 January 1900")
	case n == 60:
		return refuse("29 February 1900 does not exist (a spreadsheet leap-year bug)")
	case n < 60:
		base = time.Date(1899, 12, 31, 0, 0, 0, 0, time.UTC)
	default:
		base = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
	}
	if n > 3e6 {
		return refuse("serial date after 9999")
	}
	d := letopis.DateOf(base.AddDate(0, 0, int(n)))
	if d.Year > 9999 {
		return refuse("serial date after 9999")
	}
	return d, nil
}
