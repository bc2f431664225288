package slnum

import (
	"time"

	"github.com/letopis/letopis"
	"github.com/letopis/letopis/internal/slfmt"
)

// span is a numeric piece of a date (day, month or year digits).
type span struct{ start, end int }

// endpoint is one end of a period as written: a full date (1. 11. 2019,
// 1. novembra 2019), a month (marca 2022), a year (2020), or, as the start
// of a range only, a partial date whose missing parts the other end gives
// (1. in "1.–15. 3. 2020", marca in "od marca do junija 2022").
type endpoint struct {
	start, end int // the text of the endpoint
	y, d       int // 0 when not written
	m          time.Month
	nums       [3]span // the digits written, in order
	nn         int
	monthWord  bool   // the month was a word
	isoDate    bool   // written as 2020-03-01
	err        string // an impossible date: why
}

func (e *endpoint) addNum(a, b int) {
	if e.nn < len(e.nums) {
		e.nums[e.nn] = span{a, b}
		e.nn++
	}
}

// full reports whether the endpoint names a year.
func (e *endpoint) full() bool { return e.y != 0 }

// yearOnly reports whether only a year was written.
func (e *endpoint) yearOnly() bool { return e.y != 0 && e.m == 0 && e.d == 0 }

// precision of what is written.
func (e *endpoint) precision() letopis.Precision {
	switch {
	case e.d != 0:
		return letopis.PrecisionDay
	case e.m != 0:
		return letopis.PrecisionMonth
	case e.y != 0:
		return letopis.PrecisionYear
	}
	return letopis.PrecisionNone
}

// first returns the first day the endpoint names; last the last.
func (e *endpoint) first() letopis.Date {
	m, d := e.m, e.d
	if m == 0 {
		m = time.January
	}
	if d == 0 {
		d = 1
	}
	return letopis.Date{Year: e.y, Month: m, Day: d}
}

func (e *endpoint) last() letopis.Date {
	m, d := e.m, e.d
	if m == 0 {
		m = time.December
	}
	if d == 0 {
		d = letopis.DaysIn(e.y, m)
	}
	return letopis.Date{Year: e.y, Month: m, Day: d}
}

// validate checks a full endpoint and sets err for an impossible date. A
// written day 0 is kept as d == -1 so that it is refused, not taken for
// "no day".
func (e *endpoint) validate() {
	if e.err != "" || e.y == 0 || e.d == 0 {
		return
	}
	if e.y < 1000 {
		e.err = "impossible date: year out of range"
		return
	}
	d := e.d
	if d < 0 {
		d = 0
	}
	if _, err := letopis.NewDate(e.y, e.m, d); err != nil {
		e.err = "impossible date: " + err.Error()
	}
}

// readInt reads up to max digits at i; n is 0 if there are none or more.
func readInt(s string, i, max int) (v, n int) {
	for i+n < len(s) && isDigit(s[i+n]) {
		if n == max {
			return 0, 0
		}
		v = v*10 + int(s[i+n]-'0')
		n++
	}
	return v, n
}

// monthWordAt reads a month word at i (with an abbreviation's dot); end is
// after the word (and dot). An abbreviation needs its dot unless a day
// stands before it (1. nov 2020).
func monthWordAt(s string, i int, dayBefore bool) (time.Month, int, bool) {
	e := wordEnd(s, i)
	if e == i || e-i > 20 {
		return 0, i, false
	}
	mi, ok := lookup(months, s[i:e])
	if !ok {
		return 0, i, false
	}
	if mi.abbr {
		if e < len(s) && s[e] == '.' {
			return mi.m, e + 1, true
		}
		if !dayBefore {
			return 0, i, false
		}
	}
	return mi.m, e, true
}

// monthWordYear records the month word m that ends at j and a year written
// after it, if there is one, which it reports.
func (e *endpoint) monthWordYear(s string, m time.Month, j int) bool {
	e.m, e.monthWord, e.end = m, true, j
	k := skipSpace(s, j)
	y, n := yearAt(s, k)
	if n == 0 {
		return false
	}
	e.y = y
	e.addNum(k, k+n)
	e.end = k + n
	return true
}

// yearAt reads a four-digit year at i not followed by more digits or a
// decimal; 0 if none.
func yearAt(s string, i int) (int, int) {
	y, n := readInt(s, i, 4)
	if n != 4 || letterAt(s, i+4) {
		return 0, 0
	}
	if i+5 < len(s) && (s[i+4] == ',' || s[i+4] == '.' || s[i+4] == '/') && digitAt(s, i+5) {
		return 0, 0
	}
	return y, 4
}

// parseEndpoint reads an endpoint at i (which must be a digit or a letter
// not preceded by a letter or digit). bareYear allows a lone year.
func parseEndpoint(s string, i int, bareYear bool) (endpoint, bool) {
	e := endpoint{start: i, end: i}
	if i >= len(s) {
		return e, false
	}
	if !isDigit(s[i]) {
		m, j, ok := monthWordAt(s, i, false)
		if !ok {
			return e, false
		}
		e.monthWordYear(s, m, j)
		return e, true
	}
	v, n := readInt(s, i, 4)
	if n == 0 {
		return e, false
	}
	if n == 4 {
		if digitAt(s, i+4) || letterAt(s, i+4) {
			return e, false
		}
		// ISO 2020-03-01
		if i+10 <= len(s) && s[i+4] == '-' && s[i+7] == '-' {
			mo, n1 := readInt(s, i+5, 2)
			d, n2 := readInt(s, i+8, 2)
			if n1 == 2 && n2 == 2 && !digitAt(s, i+10) && !letterAt(s, i+10) {
				e.y, e.m, e.d = v, time.Month(mo), d
				if d == 0 {
					e.d = -1
				}
				e.isoDate = true
				e.addNum(i, i+4)
				e.addNum(i+5, i+7)
				e.addNum(i+8, i+10)
				e.end = i + 10
				e.validate()
				return e, true
			}
		}
		if !bareYear {
			return e, false
		}
		if _, n := yearAt(s, i); n == 0 {
			return e, false
		}
		e.y = v
		e.addNum(i, i+4)
		e.end = i + 4
		return e, true
	}
	if n > 2 || i+n >= len(s) || s[i+n] != '.' {
		return e, false
	}
	// a day
	e.d = v
	if v == 0 {
		e.d = -1
	}
	e.addNum(i, i+n)
	e.end = i + n + 1
	k := skipSpace(s, i+n+1)
	if k == i+n+1 && !digitAt(s, k) && letterAt(s, k) {
		// "2.Lokalna": a list number, not a day
		if _, _, ok := monthWordAt(s, k, true); !ok {
			return e, false
		}
	}
	if digitAt(s, k) {
		mo, n2 := readInt(s, k, 2)
		if n2 == 0 || k+n2 >= len(s) || s[k+n2] != '.' {
			return e, false
		}
		e.m = time.Month(mo)
		e.addNum(k, k+n2)
		e.end = k + n2 + 1
		l := skipSpace(s, k+n2+1)
		if y, n3 := yearAt(s, l); n3 > 0 {
			e.y = y
			e.addNum(l, l+n3)
			e.end = l + n3
			e.validate()
			return e, true
		}
		if digitAt(s, l) {
			return e, false // 1.1.20 or 1.2.3: not ours
		}
		return e, true // partial: d. m.
	}
	if m, j, ok := monthWordAt(s, k, true); ok {
		if e.monthWordYear(s, m, j) {
			e.validate()
		}
		return e, true
	}
	return e, true // partial: d.
}

// ParseDate reads a whole string holding one date: "1. 11. 2019",
// "1.11.2019", "01. 11. 2019", "1. novembra 2019", "30. sept. 2022",
// "2019-11-01" (day precision); "marec 2022", "marca 2022" (month
// precision, the first day); "2020" (year precision, 1 January). An
// impossible date (31. 2. 2020, 0. 5. 2020) is refused, never rolled over.
func ParseDate(s string) (letopis.Date, letopis.Precision, error) {
	t := trimSpace(s)
	e, ok := parseEndpoint(t, 0, true)
	end := e.end
	if ok && end < len(t) && t[end] == '.' && end+1 == len(t) {
		end++ // a final dot
	}
	switch {
	case !ok || end != len(t):
		return letopis.Date{}, 0, refuse(s, "not a date")
	case e.err != "":
		return letopis.Date{}, 0, refuse(s, e.err)
	case !e.full():
		return letopis.Date{}, 0, refuse(s, "incomplete date: no year")
	}
	if e.y < 1000 {
		return letopis.Date{}, 0, refuse(s, "year out of range")
	}
	return e.first(), e.precision(), nil
}

// CellDate reads the date of a spreadsheet cell: a date cell's Date, a
// number cell with a date format as a serial date of the workbook's date
// system (slfmt.SerialDate), a text cell with ParseDate. Precision is day
// except for text written coarser.
func CellDate(c letopis.Cell, date1904 bool) (letopis.Date, letopis.Precision, error) {
	switch c.Kind {
	case letopis.CellDate:
		if c.Date.IsZero() {
			return letopis.Date{}, 0, refuse(c.Text, "empty date cell")
		}
		return c.Date, letopis.PrecisionDay, nil
	case letopis.CellNumber:
		if !slfmt.IsDateFormat(c.Format) {
			if d, p, err := ParseDate(c.Text); err == nil {
				return d, p, nil
			}
			return letopis.Date{}, 0, refuse(c.Text, "a number without a date format")
		}
		d, err := slfmt.SerialDate(c.Number, date1904)
		return d, letopis.PrecisionDay, err
	case letopis.CellText:
		return ParseDate(c.Text)
	}
	return letopis.Date{}, 0, refuse(c.Text, "empty cell")
}
