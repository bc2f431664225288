package slnum

import (
	"github.com/letopis/letopis"
)

// PeriodMatch is a period found in running text: the byte offsets of its
// words (from a leading "od", "do", "v letu", "leta" to the end of the last
// date or year) and the period read.
type PeriodMatch struct {
	Start, End int
	Period     letopis.Period
}

// part is a numeric piece of a period with the class Scan gives it.
type part struct {
	start, end int
	class      Class
	reason     string
}

// periodHit is a period or a refused date found in text.
type periodHit struct {
	start, end int
	period     letopis.Period
	parts      []part
	err        string // refused (impossible date, reversed range): why
}

type prefixKind uint8

const (
	pNone    prefixKind = iota
	pFrom               // od
	pUntil              // do, do konca
	pBetween            // med
	pIn                 // v letu, v letih, leta, letu …
)

const (
	reasonDatePart = "part of a date"
	reasonYear     = "year"
	reasonReversed = "date range ends before it starts"
)

// textYear reports whether y is a plausible year of a report's text.
func textYear(y int) bool { return y >= 1900 && y <= 2100 }

func isYearWord(w string) bool {
	return is(w, "leta", "letu", "leto", "letih", "letom", "letoma", "leti")
}

// FindPeriods finds every date, date range and year period of running
// text, in order, with the offsets of its words:
//
//   - dates 1. 11. 2019, 1.11.2019, 1. novembra 2019, 30. sept. 2022 and
//     months marec 2022, marca 2022 (a single date is a one-day period, a
//     month the whole month);
//   - ranges with a dash (en dash, hyphen, spaces around either or not) or
//     in words: 1. 11. 2019–31. 1. 2022, od 1. 10. 2019 do 30. 9. 2023,
//     med 1. 1. 2020 in 31. 3. 2020; the start may leave out what the end
//     gives (od 1. do 30. 11. 2020, marca–junija 2022);
//   - years and year ranges: v letu 2020 (1. 1.–31. 12. 2020), leta 2020,
//     v letih 2017–2020, 2019–2023, v letih 2019, 2020, 2021 in 2022 (a
//     contiguous list is one period; a list with gaps gives a period per
//     year);
//   - open ends: od leta 2008, od 1. 1. 2016 (OpenEnd), do konca leta 2020,
//     do 30. 9. 2023 (OpenStart).
//
// A lone year without a year word (prostovoljstva 2019) is not a period.
// Impossible dates (31. 2. 2020) and ranges that end before they start are
// left out (Scan reports them as Malformed, ParsePeriod with the reason).
// Precision is the coarser of the two ends.
func FindPeriods(text string) []PeriodMatch {
	var out []PeriodMatch
	for _, h := range scanPeriods(text) {
		if h.err == "" {
			out = append(out, PeriodMatch{Start: h.start, End: h.end, Period: h.period})
		}
	}
	return out
}

// ParsePeriod reads a whole string holding one period or date, in any form
// FindPeriods reads, and also a lone year ("2020") or year range. It
// refuses impossible dates, reversed ranges, year lists with gaps and
// anything left over, with the reason.
func ParsePeriod(s string) (letopis.Period, error) {
	t := trimSpace(s)
	if t == "" {
		return letopis.Period{}, refuse(s, "empty")
	}
	var hits []periodHit
	end, ok := periodAt(t, 0, &hits, true)
	if ok && end < len(t) && t[end] == '.' {
		end++
	}
	switch {
	case !ok || end != len(t):
		return letopis.Period{}, refuse(s, "not a period")
	case len(hits) != 1:
		return letopis.Period{}, refuse(s, "more than one period (years with gaps)")
	case hits[0].err != "":
		return letopis.Period{}, refuse(s, hits[0].err)
	}
	return hits[0].period, nil
}

// scanPeriods finds the periods and refused dates of a text.
func scanPeriods(s string) []periodHit {
	var hits []periodHit
	i := 0
	for i < len(s) {
		c := s[i]
		if c < 0x80 && !isDigit(c) && !(c|0x20 >= 'a' && c|0x20 <= 'z') {
			i++
			continue
		}
		r, n := runeAt(s, i)
		if !isDigit(c) && !isLetter(r) {
			i += n
			continue
		}
		if alnumBefore(s, i) || i >= 2 && (s[i-1] == '.' || s[i-1] == ',' || s[i-1] == '/') && isDigit(s[i-2]) {
			i += n
			continue
		}
		we := i
		if !isDigit(c) {
			we = wordEnd(s, i)
			if we-i > 10 || !mayStartPeriod(c) {
				i = we
				continue
			}
		}
		if j, ok := periodAt(s, i, &hits, false); ok && j > i {
			i = j
			continue
		}
		if isDigit(c) {
			for i < len(s) && isDigit(s[i]) {
				i++
			}
		} else {
			i = we
		}
	}
	return hits
}

// periodAt reads a period starting at i and appends its hits; whole allows
// a lone year and any four-digit year.
func periodAt(s string, i int, hits *[]periodHit, whole bool) (int, bool) {
	kind := pNone
	yearOK := whole
	j := i
	if !isDigit(s[i]) {
		we := wordEnd(s, i)
		w := s[i:we]
		switch {
		case is(w, "od"):
			kind = pFrom
		case is(w, "do"):
			kind = pUntil
		case is(w, "med"):
			kind = pBetween
		case is(w, "v"):
			w2, _, e := nextWord(s, we)
			if !isYearWord(w2) {
				return i, false
			}
			kind, yearOK, we = pIn, true, e
		case isYearWord(w):
			kind, yearOK = pIn, true
		}
		if kind != pNone {
			j = we
			if kind != pIn {
				w2, _, e := nextWord(s, j)
				if kind == pUntil && is(w2, "konca") {
					j, yearOK = e, true
					w2, _, e = nextWord(s, j)
				}
				if isYearWord(w2) {
					j, yearOK = e, true
				}
			}
			j = skipSpace(s, j)
		}
	}
	a, ok := parseEndpoint(s, j, true)
	if !ok {
		return i, false
	}
	startOf := i
	if kind == pNone {
		startOf = a.start
	}
	yearFits := func(e *endpoint) bool { return whole && e.y >= 1000 || textYear(e.y) }

	// the second end of a range
	var b endpoint
	haveB := false
	if kind == pNone || kind == pFrom || kind == pBetween || kind == pIn {
		k := skipSpace(s, a.end)
		bYearOK := yearOK || a.yearOnly()
		bj := -1
		if n := dashAt(s, k); n > 0 && kind != pBetween {
			bj = skipSpace(s, k+n)
		} else if w, _, e := nextWord(s, k); e > k && (kind == pFrom && is(w, "do") || kind == pBetween && is(w, "in") ||
			kind == pNone && is(w, "in") && a.d != 0 && a.m == 0 && a.y == 0) {
			// od … do …, med … in …, and two days of one month: 18. in 19. junija 2022
			bj = e
			w2, _, e2 := nextWord(s, bj)
			if kind == pFrom && is(w2, "konca") {
				bj, bYearOK = e2, true
				w2, _, e2 = nextWord(s, bj)
			}
			if isYearWord(w2) {
				bj, bYearOK = e2, true
			}
			bj = skipSpace(s, bj)
		}
		if bj >= 0 && bj < len(s) && (isDigit(s[bj]) || letterAt(s, bj)) {
			e, ok := parseEndpoint(s, bj, true)
			if ok && !e.full() && e.d != 0 && e.m != 0 {
				// od 4. do 11. julija in od 18. do 25. julija 2022: the year
				// of the next range of the list
				if y := yearAhead(s, e.end); y != 0 {
					e.y = y
					e.validate()
				}
			}
			if ok && e.full() && (!e.yearOnly() || bYearOK && yearFits(&e)) {
				b, haveB = e, true
			}
		}
	}

	if haveB {
		if a.yearOnly() && !yearFits(&a) {
			return i, false
		}
		if a.yearOnly() && kind == pNone && !b.yearOnly() {
			return i, false // 2019 – 1. 1. 2020: not a form anyone writes
		}
		if !a.full() {
			a.y = b.y
			if a.d != 0 && a.m == 0 {
				if b.m == 0 {
					return i, false
				}
				a.m = b.m
			}
			a.validate()
		}
		if kind == pIn && !a.yearOnly() {
			return i, false
		}
		h := periodHit{start: startOf, end: b.end}
		h.addParts(&a, &b)
		switch {
		case a.err != "":
			h.refused(a.err)
		case b.err != "":
			h.refused(b.err)
		default:
			st, en := a.first(), b.last()
			if en.Before(st) {
				h.refused(reasonReversed)
			} else {
				h.period = letopis.Period{Start: st, End: en, Precision: min(a.precision(), b.precision())}
			}
		}
		*hits = append(*hits, h)
		return h.end, true
	}

	if !a.full() {
		return i, false
	}
	if a.yearOnly() && (!yearOK || !yearFits(&a) || kind == pNone && !whole) {
		return i, false
	}
	h := periodHit{start: startOf, end: a.end}
	h.addParts(&a, nil)
	if a.err != "" {
		h.refused(a.err)
		*hits = append(*hits, h)
		return h.end, true
	}
	p := a.precision()
	switch kind {
	case pFrom:
		h.period = letopis.Period{Start: a.first(), Precision: p, OpenEnd: true}
	case pUntil:
		h.period = letopis.Period{End: a.last(), Precision: p, OpenStart: true}
	case pBetween:
		return i, false
	case pIn:
		if !a.yearOnly() {
			return i, false
		}
		return yearList(s, a, h, hits, whole)
	default:
		h.period = letopis.Period{Start: a.first(), End: a.last(), Precision: p}
	}
	*hits = append(*hits, h)
	return h.end, true
}

// yearAhead returns the year that ends a list of dates or ranges going on
// after i (`… julija in od 18. do 25. julija 2022`): the first four-digit
// year within a few words that are only numbers, dots, dashes, month names
// and od, do, in; 0 if another word comes first.
func yearAhead(s string, i int) int {
	w, _, e := nextWord(s, skipSpace(s, i))
	if !is(w, "in", "ter") {
		return 0
	}
	k := e
	for steps := 0; steps < 12 && k < len(s); steps++ {
		k = skipSpace(s, k)
		if k >= len(s) {
			return 0
		}
		if isDigit(s[k]) {
			j := k
			for j < len(s) && isDigit(s[j]) {
				j++
			}
			if j-k == 4 {
				if y, _ := yearAt(s, k); textYear(y) {
					return y
				}
				return 0
			}
			k = j
			continue
		}
		if s[k] == '.' || s[k] == '-' {
			k++
			continue
		}
		if n := dashAt(s, k); n > 0 {
			k += n
			continue
		}
		w, _, e := nextWord(s, k)
		if _, ok := lookup(months, w); e <= k || !(is(w, "od", "do", "in") || ok) {
			return 0
		}
		k = e
	}
	return 0
}

// yearList reads "2019, 2020, 2021 in 2022" after a year word: a
// contiguous list is one period, a list with gaps a period per year.
func yearList(s string, a endpoint, h periodHit, hits *[]periodHit, whole bool) (int, bool) {
	years := []endpoint{a}
	k := a.end
	for {
		m := skipSpace(s, k)
		if m < len(s) && s[m] == ',' {
			m = skipSpace(s, m+1)
		} else if w, _, e := nextWord(s, m); is(w, "in", "ter", "ali") {
			m = skipSpace(s, e)
		} else {
			break
		}
		y, n := yearAt(s, m)
		if n == 0 || !(textYear(y) || whole && y >= 1000) {
			break
		}
		e := endpoint{start: m, end: m + n, y: y}
		e.addNum(m, m+n)
		years = append(years, e)
		k = m + n
	}
	contiguous := true
	for x := 1; x < len(years); x++ {
		if years[x].y != years[x-1].y+1 {
			contiguous = false
		}
	}
	if contiguous {
		last := years[len(years)-1]
		h.end = last.end
		h.parts = h.parts[:0]
		for x := range years {
			h.addParts(&years[x], nil)
		}
		h.period = letopis.Period{Start: a.first(), End: last.last(), Precision: letopis.PrecisionYear}
		*hits = append(*hits, h)
		return h.end, true
	}
	for x := range years {
		y := &years[x]
		hx := periodHit{start: y.start, end: y.end, period: letopis.YearPeriod(y.y)}
		if x == 0 {
			hx.start = h.start
		}
		hx.addParts(y, nil)
		*hits = append(*hits, hx)
	}
	return years[len(years)-1].end, true
}

func (h *periodHit) addParts(a, b *endpoint) {
	for _, e := range []*endpoint{a, b} {
		if e == nil {
			continue
		}
		c, r := DatePart, reasonDatePart
		if e.yearOnly() {
			c, r = Year, reasonYear
		}
		for k := 0; k < e.nn; k++ {
			h.parts = append(h.parts, part{e.nums[k].start, e.nums[k].end, c, r})
		}
	}
}

func (h *periodHit) refused(reason string) {
	h.err = reason
	for k := range h.parts {
		h.parts[k].class = Malformed
		h.parts[k].reason = reason
	}
}

// mayStartPeriod reports whether a word with first byte c can start a
// period: od, do, med, v, leta…, or a month name.
func mayStartPeriod(c byte) bool {
	switch c | 0x20 {
	case 'o', 'd', 'm', 'v', 'l', 'j', 'f', 'a', 's', 'n':
		return true
	}
	return false
}
