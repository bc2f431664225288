package slnum

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/letopis/letopis"
)

type tokKind uint8

const (
	tkDigits tokKind = iota
	tkWord           // dve, pet
	tkRoman          // II.
	tkPart           // decided by the period finder
)

type tok struct {
	m    Match
	kind tokKind
	lx   numLex
	sign int // start of a minus sign right before the digits, else -1
}

// Scan finds every numeric token of running text — numbers, number words
// and Roman ordinals — in order, and classifies each (see the package
// documentation for the rules). A Quantity carries its qualifier, unit and
// their offsets; any other class carries the reason it is not a quantity.
func Scan(text string) []Match {
	s := text
	hits := scanPeriods(s)
	toks := tokenize(s, hits)
	out := make([]Match, 0, len(toks))
	consumed := 0 // text already claimed by an earlier match (phone, unit, multiplier)
	nextPart := 0 // index of the next token of a date
	for k := range toks {
		t := &toks[k]
		if t.m.Start < consumed && t.kind != tkPart {
			continue
		}
		if t.kind == tkPart {
			out = append(out, t.m)
			continue
		}
		var prev *Match
		if len(out) > 0 {
			prev = &out[len(out)-1]
		}
		var next *tok
		if k+1 < len(toks) {
			next = &toks[k+1]
		}
		for nextPart <= k || nextPart < len(toks) && toks[nextPart].kind != tkPart {
			nextPart++
		}
		limit := len(s) // the next date: nothing may run into it
		if nextPart < len(toks) {
			limit = toks[nextPart].m.Start
		}
		classify(s, t, prev, next, consumed, limit)
		m := t.m
		m.Text = s[m.Start:m.End]
		if m.UnitEnd > consumed {
			consumed = m.UnitEnd
		}
		if m.End > consumed {
			consumed = m.End
		}
		out = append(out, m)
	}
	markRanges(s, out)
	return out
}

// tokenize finds the raw tokens: the numeric parts of periods (already
// classified), digit runs, number words and Roman ordinals.
func tokenize(s string, hits []periodHit) []tok {
	var toks []tok
	hi := 0
	i := 0
	for i < len(s) {
		if hi < len(hits) && i >= hits[hi].start {
			h := &hits[hi]
			for _, p := range h.parts {
				v, _ := parseNumber(s[p.start:p.end])
				toks = append(toks, tok{kind: tkPart, sign: -1, m: Match{
					Start: p.start, End: p.end, QStart: p.start, UnitStart: p.start, UnitEnd: p.end,
					Text: s[p.start:p.end], Value: v, Class: p.class, Reason: p.reason, Qualifier: letopis.Exact}})
			}
			if h.end > i {
				i = h.end
			}
			hi++
			continue
		}
		c := s[i]
		if isDigit(c) {
			lx := lexNumber(s, i, true)
			if hi < len(hits) && lx.end > hits[hi].start {
				// never run into a date: take the digits alone
				j := i
				for j < len(s) && isDigit(s[j]) {
					j++
				}
				lx = numLex{end: j, firstLen: j - i}
				if j > hits[hi].start {
					j = hits[hi].start
					lx.end = j
				}
				if j-i > 1 && s[i] == '0' {
					lx.err = errLeadingZero
				} else {
					v, e := parseNumber(s[i:j])
					lx.val, lx.err = v, e
				}
			}
			t := tok{kind: tkDigits, lx: lx, sign: -1}
			t.m.Start, t.m.End = i, lx.end
			ss := -1
			if i >= 1 && s[i-1] == '-' {
				ss = i - 1
			} else if i >= 3 && s[i-3:i] == "−" {
				ss = i - 3
			}
			if ss >= 0 {
				if r, _ := runeBefore(s, ss); r == -1 || r == ' ' || r == '\n' || r == '\t' || r == '(' || r == 0xA0 {
					t.sign = ss
				}
			}
			toks = append(toks, t)
			i = lx.end
			if i <= t.m.Start {
				i = t.m.Start + 1
			}
			continue
		}
		r, n := runeAt(s, i)
		if !isLetter(r) {
			i += n
			continue
		}
		we := wordEnd(s, i)
		if !alnumBefore(s, i) && !(i >= 2 && s[i-1] == '-' && letterBefore(s, i-1)) {
			w := s[i:we]
			c := w[0] | 0x20
			numWord := len(w) <= 14 && (c == 'e' || c == 'd' || c == 't' || c == 'p' || c == 's' || c == 'o' || w[0] == 0xC5)
			v, ok := 0.0, false
			if numWord {
				v, ok = lookup(numberWords, w)
			}
			if ok && wordCaseOK(s, i, w) {
				toks = append(toks, tok{kind: tkWord, sign: -1, m: Match{Start: i, End: we, Value: v, Word: true}})
			} else if we < len(s) && s[we] == '.' && strings.IndexByte("IVXLC", w[0]) >= 0 && romanOrdinal(s, i, we) {
				v, ok := romanValue(w)
				if !ok {
					i = we
					continue
				}
				toks = append(toks, tok{kind: tkRoman, sign: -1, m: Match{Start: i, End: we, Value: float64(v)}})
			}
		}
		i = we
	}
	return toks
}

// wordCaseOK accepts a number word in lower case, or capitalised at the
// start of a sentence or line (not "Koncern Ena").
func wordCaseOK(s string, i int, w string) bool {
	r, _ := runeAt(w, 0)
	if !isUpperRune(r) {
		return true
	}
	if !isTitleWord(w) && len(w) > 1 {
		return false
	}
	j := skipSpaceBack(s, i)
	if j == 0 || lineStart(s, i) {
		return true
	}
	switch s[j-1] {
	case '.', '!', '?', ':', '\n':
		return true
	}
	return false
}

// romanValue reads a Roman numeral of I, V, X, L, C (1..399) in capitals.
func romanValue(w string) (int, bool) {
	if w == "" || len(w) > 9 {
		return 0, false
	}
	val := func(c byte) int {
		switch c {
		case 'I':
			return 1
		case 'V':
			return 5
		case 'X':
			return 10
		case 'L':
			return 50
		case 'C':
			return 100
		}
		return 0
	}
	total := 0
	for i := 0; i < len(w); i++ {
		v := val(w[i])
		if v == 0 {
			return 0, false
		}
		if i+1 < len(w) && val(w[i+1]) > v {
			total -= v
		} else {
			total += v
		}
	}
	if total <= 0 || total >= 400 || toRoman(total) != w {
		return 0, false
	}
	return total, true
}

func toRoman(n int) string {
	vals := []int{100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	var b strings.Builder
	for k, v := range vals {
		for n >= v {
			b.WriteString(syms[k])
			n -= v
		}
	}
	return b.String()
}

// romanOrdinal reports whether a Roman numeral at s[i:we] is an ordinal: a
// dot after it and then a word (a single letter — I., V., X. — only before a
// lower-case word, as initials are capitals too).
func romanOrdinal(s string, i, we int) bool {
	if we >= len(s) || s[we] != '.' {
		return false
	}
	k := skipSpace(s, we+1)
	r, _ := runeAt(s, k)
	if !isLetter(r) {
		return false
	}
	if we-i == 1 {
		return !isUpperRune(r) && k > we+1
	}
	return true
}

// classify decides the class of a digit, word or Roman token.
func classify(s string, t *tok, prev *Match, next *tok, consumed, limit int) {
	m := &t.m
	m.QStart, m.UnitStart, m.UnitEnd = m.Start, m.Start, m.End
	m.Qualifier = letopis.Exact
	switch t.kind {
	case tkRoman:
		m.Class, m.Reason = Ordinal, "Roman numeral ordinal"
		return
	case tkWord:
		if c, r, ok := yearsOrDuration(s, m.Start, m.End); ok {
			m.Class, m.Reason = c, r
			return
		}
		quantity(s, t, prev, consumed)
		return
	}
	lx := &t.lx
	m.Value = lx.val
	text := s[m.Start:m.End]
	set := func(c Class, reason string) { m.Class, m.Reason = c, reason }

	// times of day: 7:30, and 7.00 next to a time word or another time
	if lx.err == errNone && lx.plain() && lx.firstLen <= 2 && m.End+3 <= len(s) && s[m.End] == ':' &&
		digitAt(s, m.End+1) && digitAt(s, m.End+2) && !digitAt(s, m.End+3) {
		h, mm := int(lx.val), int(s[m.End+1]-'0')*10+int(s[m.End+2]-'0')
		if h <= 24 && mm <= 59 {
			m.End += 3
			m.UnitEnd = m.End
			m.Value = float64(h) + float64(mm)/100
			set(Time, "time of day")
			return
		}
	}
	if timeShape(text) {
		if timeContext(s, m.Start, m.End, prev) {
			m.Value = parseTime(text)
			set(Time, "time of day")
			return
		}
	}

	// scores and ratios: 2:1, 3 : 0
	if lx.plain() && lx.firstLen <= 3 && (scoreAfter(s, m.End) || scoreBefore(s, m.Start)) {
		set(Other, "a score or a ratio (2:1)")
		return
	}
	// registration, tax and account numbers: a long run of digits
	if lx.plain() && lx.firstLen >= 8 && lx.end-m.Start == lx.firstLen {
		set(Other, "identifier (a registration, tax or account number)")
		return
	}

	// glued to letters, identifiers
	if t.sign < 0 {
		if letterBefore(s, m.Start) {
			set(Other, "glued to letters: part of a name or code")
			return
		}
		if m.Start >= 2 && (s[m.Start-1] == '-' || s[m.Start-1] == '_') && letterBefore(s, m.Start-1) {
			set(Other, "part of a name or code")
			return
		}
		if m.Start >= 1 && (s[m.Start-1] == '_' || s[m.Start-1] == '#' || s[m.Start-1] == '@') {
			set(Other, "part of a name or code")
			return
		}
	}
	if letterAt(s, m.End) {
		set(Other, "glued to letters: part of a name or code")
		return
	}
	if m.End+1 < len(s) && s[m.End] == '-' && (letterAt(s, m.End+1) || s[m.End+1] == ',' || s[m.End+1] == ' ') {
		set(Other, "part of a compound word (3-letni, 5-krat, 25-, 50- ali 100-krat)")
		return
	}
	// formulas: realizacija / načrt × 100, = 100
	if k := skipSpaceBack(s, m.Start); k >= 1 && (s[k-1] == '=' || s[k-1] == '*' || k >= 2 && s[k-2:k] == "×") {
		set(Other, "part of a formula")
		return
	}
	// house numbers: Cesta na Grad 12, Ormoška cesta 28, Trg svobode 7
	if lx.plain() && lx.firstLen <= 3 && streetBefore(s, m.Start) {
		set(Other, "house number of an address")
		return
	}
	if m.End+1 < len(s) && (s[m.End] == '/' || s[m.End] == '_') && (digitAt(s, m.End+1) || letterAt(s, m.End+1)) ||
		m.Start >= 2 && s[m.Start-1] == '/' && (digitAt(s, m.Start-2) || letterBefore(s, m.Start-1)) {
		if schoolYear(s, m.Start, m.End) {
			set(Year, "school or financial year (2019/2020)")
			return
		}
		set(Other, "identifier or fraction (12/2020, 1/3)")
		return
	}
	if w, _ := prevWord(s, m.Start); is(w, "št") && strings.HasPrefix(s[skipSpaceBack(s, m.Start):], ".") || m.Start > 0 && s[m.Start-1] == '.' && is(w, "št") {
		set(Other, "a number of a document or item (št.)")
		return
	}

	// telephone numbers and codes
	if m.Start > 0 && s[m.Start-1] == '+' || lx.err == errLeadingZero {
		if m.Start > 0 && s[m.Start-1] == '+' {
			m.Start--
		}
		m.End = phoneEnd(s[:limit], m.End)
		m.UnitEnd = m.End
		m.QStart, m.UnitStart = m.Start, m.Start
		if s[m.Start] == '+' {
			set(Other, "telephone number")
		} else {
			set(Other, "leading zero: a telephone number or a code")
		}
		return
	}

	// letter-spaced headings and rows of box labels
	if m.End-m.Start == 1 && t.sign < 0 && letterSpaced(s, m.Start, m.End) {
		set(Other, "letter-spaced text or a row of box labels")
		return
	}

	if lx.err != errNone {
		if lineStart(s, m.Start) && sectionShape(text) {
			set(Ordinal, "section number")
			return
		}
		set(Malformed, lx.err.reason(text))
		return
	}

	// ages
	if ageRange(s, t, next) || prev != nil && prev.ageRange && betweenRange(s, prev.End, m.Start) {
		set(Age, "age range")
		m.ageRange = true
		return
	}
	if lx.plain() && followedByLet(s, m.End) {
		w, _ := prevWord(s, m.Start)
		if _, ok := lookup(ageWords, w); ok {
			set(Age, "age")
			return
		}
	}
	if lx.plain() && t.sign < 0 {
		if c, r, ok := yearsOrDuration(s, m.Start, m.End); ok {
			set(c, r)
			return
		}
	}

	// ordinals
	if lx.plain() && lx.firstLen <= 3 && t.sign < 0 {
		if c, r, ok := ordinal(s, m.Start, m.End); ok {
			set(c, r)
			return
		}
	}

	// years and postal codes
	if lx.plain() && lx.firstLen == 4 && t.sign < 0 {
		y := int(lx.val)
		postal := postalAfter(s, m.End)
		if textYear(y) {
			q, _ := qualifierBefore(s, m.Start)
			u, _, mult := unitAfter(s, m.End)
			w, _, _ := nextWord(s, m.End)
			strongQ := q != letopis.Exact && q != letopis.AtMost
			if !(u != "" || mult != 1 || strongQ || isCountNoun(w)) {
				if postal && commaBefore(s, m.Start) {
					set(Other, "postal code")
					return
				}
				set(Year, reasonYear)
				return
			}
		} else if postal && (commaBefore(s, m.Start) || lineStart(s, m.Start)) {
			set(Other, "postal code")
			return
		}
	}
	quantity(s, t, prev, consumed)
}

// quantity fills in a Quantity: sign, qualifier, units, multiplier.
func quantity(s string, t *tok, prev *Match, consumed int) {
	m := &t.m
	m.Class, m.Reason = Quantity, ""
	if t.sign >= 0 {
		m.Start = t.sign
		m.Value = -m.Value
	}
	q, qs := qualifierBefore(s, m.Start)
	if qs < consumed {
		q, qs = letopis.Exact, m.Start
	}
	m.Qualifier, m.QStart, m.UnitStart = q, qs, qs
	u, ue, mult := unitAfter(s, m.End)
	if u != "" || mult != 1 {
		m.Unit, m.UnitEnd = u, ue
		m.Value *= mult
	}
	if u == "" {
		if ub, us := unitBefore(s, qs); ub != "" && us >= consumed {
			m.Unit, m.UnitStart = ub, us
		}
	}
	if m.Value == 0 {
		m.Value = 0 // no negative zero
	}
}

// qualifierBefore finds a qualifier word ending right before i (after
// white space): cca, približno, okoli, okrog, skoraj, vsaj, najmanj, preko,
// več kot, nad, čez, največ, do, manj kot, pod, ~.
func qualifierBefore(s string, i int) (letopis.Qualifier, int) {
	j := skipSpaceBack(s, i)
	if j > 0 && s[j-1] == '~' {
		return letopis.Approx, j - 1
	}
	if j >= 3 && s[j-3:j] == "≈" {
		return letopis.Approx, j - 3
	}
	k := j
	dot := false
	if k > 0 && s[k-1] == '.' {
		k--
		dot = true
	}
	ws := wordStartBefore(s, k)
	w := s[ws:k]
	if w == "" || alnumBefore(s, ws) || ws > 0 && s[ws-1] == '-' {
		return letopis.Exact, i
	}
	if is(w, "kot") && !dot {
		w2, b2 := prevWord(s, ws)
		switch {
		case is(w2, "več"):
			return letopis.MoreThan, b2
		case is(w2, "manj"):
			return letopis.LessThan, b2
		}
		return letopis.Exact, i
	}
	q, ok := lookup(qualifierWords, w)
	if !ok || dot && !is(w, "cca", "ca", "pribl") {
		return letopis.Exact, i
	}
	return q, ws
}

// unitAfter finds a multiplier (tisoč, mio) and a unit (%, €, EUR, evrov,
// odstotkov) after the number ending at end, across white space.
func unitAfter(s string, end int) (letopis.Unit, int, float64) {
	k := skipSpace(s, end)
	mult := 1.0
	ue := end
	if w := s[k:wordEnd(s, k)]; w != "" {
		if v, ok := lookup(multiplierWords, w); ok {
			mult = v
			ue = k + len(w)
			if ue < len(s) && s[ue] == '.' && is(w, "mio", "mrd", "tsd") {
				ue++
			}
			k = skipSpace(s, ue)
		}
	}
	if k < len(s) && s[k] == '%' {
		return letopis.UnitPercent, k + 1, mult
	}
	if strings.HasPrefix(s[k:], "€") {
		return letopis.UnitEUR, k + len("€"), mult
	}
	we := wordEnd(s, k)
	if w := s[k:we]; w != "" {
		if u, ok := lookup(unitWords, w); ok {
			if is(w, "odst") {
				if we < len(s) && s[we] == '.' {
					return u, we + 1, mult
				}
				return "", ue, mult
			}
			return u, we, mult
		}
	}
	return "", ue, mult
}

// unitBefore finds € or EUR written right before i.
func unitBefore(s string, i int) (letopis.Unit, int) {
	j := skipSpaceBack(s, i)
	if j >= len("€") && s[j-len("€"):j] == "€" {
		return letopis.UnitEUR, j - len("€")
	}
	ws := wordStartBefore(s, j)
	if is(s[ws:j], "eur") && !alnumBefore(s, ws) {
		return letopis.UnitEUR, ws
	}
	return "", i
}

// timeShape reports whether t is H.MM or HH.MM with H <= 24, MM <= 59.
func timeShape(t string) bool {
	d := strings.IndexByte(t, '.')
	if d < 1 || d > 2 || len(t)-d-1 != 2 {
		return false
	}
	for k := 0; k < len(t); k++ {
		if k != d && !isDigit(t[k]) {
			return false
		}
	}
	return parseTime(t) >= 0
}

// parseTime reads H.MM as H + MM/100; -1 if it is no time.
func parseTime(t string) float64 {
	d := strings.IndexByte(t, '.')
	h, mm := 0, 0
	for k := 0; k < d; k++ {
		h = h*10 + int(t[k]-'0')
	}
	mm = int(t[d+1]-'0')*10 + int(t[d+2]-'0')
	if h > 24 || mm > 59 {
		return -1
	}
	return float64(h) + float64(mm)/100
}

// timeContext reports whether a time-shaped token has a time word or
// another time next to it.
func timeContext(s string, start, end int, prev *Match) bool {
	if w, _ := prevWord(s, start); w != "" {
		if _, ok := lookup(timeWords, w); ok {
			return true
		}
	}
	if prev != nil && prev.Class == Time && betweenRange(s, prev.End, start) {
		return true
	}
	k := skipSpace(s, end)
	if w := s[k:wordEnd(s, k)]; w != "" {
		if is(w, "ure", "uri", "uro", "ura", "h") {
			return true
		}
		if is(w, "do") {
			k = skipSpace(s, k+2)
			return timeShapeAt(s, k)
		}
	}
	if n := dashAt(s, k); n > 0 {
		return timeShapeAt(s, skipSpace(s, k+n))
	}
	return false
}

func timeShapeAt(s string, k int) bool {
	j := k
	for j < len(s) && (isDigit(s[j]) || s[j] == '.' || s[j] == ':') {
		j++
	}
	t := strings.ReplaceAll(s[k:j], ":", ".")
	return timeShape(strings.TrimSuffix(t, "."))
}

// betweenRange reports whether s[a:b] is a range joint: "do" or a dash,
// with white space (and a dot after an ordinal) around.
func betweenRange(s string, a, b int) bool {
	if a < len(s) && s[a] == '.' {
		a++
	}
	k := skipSpace(s, a)
	if n := dashAt(s, k); n > 0 {
		return skipSpace(s, k+n) == b
	}
	if w := s[k:wordEnd(s, k)]; is(w, "do") {
		return skipSpace(s, k+2) == b
	}
	return false
}

// streetBefore reports whether one of the three words before i names a
// street, a square or a road (cesta, ulica, trg, pot, nabrežje), so that
// the number at i is a house number.
func streetBefore(s string, i int) bool {
	k := i
	for n := 0; n < 3; n++ {
		w, st := prevWord(s, k)
		if w == "" || clauseWord(w) {
			// `poti in postavili 15 tabel`: a verb or a conjunction
			// between the street word and the number ends the name
			return false
		}
		if _, ok := lookup(streetWords, w); ok {
			return true
		}
		k = st
	}
	return false
}

// clauseWord reports whether a lower-case word is a conjunction, an
// auxiliary or an l-participle (postavili, uredila): a word of a clause,
// never of a street's name.
func clauseWord(w string) bool {
	if w == "" || !unicode.IsLower([]rune(w)[0]) {
		return false
	}
	switch w {
	case "in", "ter", "ali", "pa", "je", "so", "smo", "sta", "bo", "se", "ki":
		return true
	}
	for _, e := range []string{"li", "la", "lo", "le"} {
		if strings.HasSuffix(w, e) && utf8.RuneCountInString(w) > 4 {
			return true
		}
	}
	return false
}

// scoreAfter reports whether a colon and a number of at most three digits
// follow end (2:1), which a time of day (7:30) would not have reached.
func scoreAfter(s string, end int) bool {
	k := skipSpace(s, end)
	if k >= len(s) || s[k] != ':' {
		return false
	}
	k = skipSpace(s, k+1)
	n := 0
	for k+n < len(s) && isDigit(s[k+n]) {
		n++
	}
	return n >= 1 && n <= 3 && !(k+n < len(s) && (s[k+n] == '.' || s[k+n] == ',') && digitAt(s, k+n+1))
}

// scoreBefore reports whether a number of at most three digits and a
// colon stand right before start (the 1 of 2:1).
func scoreBefore(s string, start int) bool {
	k := skipSpaceBack(s, start)
	if k == 0 || s[k-1] != ':' {
		return false
	}
	k = skipSpaceBack(s, k-1)
	n := 0
	for k-n > 0 && isDigit(s[k-n-1]) {
		n++
	}
	return n >= 1 && n <= 3 && !letterBefore(s, k-n)
}

// followedByLet reports whether "let", "leta" … follows the number (with an
// ordinal dot between or not).
func followedByLet(s string, end int) bool {
	if end < len(s) && s[end] == '.' {
		end++
	}
	w, _, _ := nextWord(s, end)
	return letWords[strings.ToLower(w)]
}

// yearsOrDuration decides a number that counts years, months or minutes (`72 let`,
// `60 let delovanja`, `sedem let`, `6 mesecev`, `95 minut`): an age, an
// anniversary or a duration, which annual reports state as context, never
// as a result.
func yearsOrDuration(s string, start, end int) (Class, string, bool) {
	if followedByLet(s, end) {
		return Age, "years: an age, a duration or an anniversary", true
	}
	w, _, _ := nextWord(s, end)
	if durationWords[strings.ToLower(w)] {
		return Age, "a duration", true
	}
	// `je 38 članov preživelo sedem dni`, `tabor je trajal 10 dni`: days
	// spent or lasted (not `14 gozdnih dni`, days that are events)
	if dayWords[strings.ToLower(w)] && spendVerb.MatchString(strings.ToLower(s[max(0, start-40):start])) {
		return Age, "a duration", true
	}
	return 0, "", false
}

// dayWords are the forms of dan after a number.
var dayWords = map[string]bool{"dan": true, "dni": true, "dneva": true, "dnevi": true, "dnevih": true, "noči": true, "noč": true, "nočitve": true}

// spendVerb is a verb of spending or lasting a time, before a number of days.
var spendVerb = regexp.MustCompile(`(?:^|[\s(])(?:(?:preživ|traja|bival|v trajanju)[^\s;,.]*\s+(?:[^\s;,.]+\s+){0,3}|za\s+)$`)

// ageRange reports whether t and the next token make "od A do B let(a)" or
// "A–B let(a)".
func ageRange(s string, t *tok, next *tok) bool {
	if next == nil || next.kind != tkDigits || !t.lx.plain() || !next.lx.plain() || t.sign >= 0 {
		return false
	}
	if !betweenRange(s, t.m.End, next.m.Start) {
		return false
	}
	return followedByLet(s, next.m.End)
}

// ordinal decides "8. prednostne", "1. INFORMIRANJE", "2.Lokalna", "(1) …".
func ordinal(s string, start, end int) (Class, string, bool) {
	if end < len(s) && s[end] == ')' && lineStart(s, start) {
		return Ordinal, "list number", true
	}
	if end >= len(s) || s[end] != '.' || digitAt(s, end+1) {
		return 0, "", false
	}
	k := skipSpace(s, end+1)
	r, _ := runeAt(s, k)
	if !isLetter(r) {
		return 0, "", false
	}
	w := s[k:wordEnd(s, k)]
	if !isUpperRune(r) {
		if k == end+1 && !lineStart(s, start) {
			return Ordinal, "ordinal before noun", true
		}
		return Ordinal, "ordinal before noun", true
	}
	if lineStart(s, start) {
		return Ordinal, "section or list number", true
	}
	if isUpperWord(w) {
		return Ordinal, "section number", true
	}
	if k == end+1 {
		return Ordinal, "list number", true
	}
	return 0, "", false // a sentence ends with the number
}

// sectionShape reports whether t is a section number 1.2 or 1.2.3.
func sectionShape(t string) bool {
	n := 0
	for _, p := range strings.Split(t, ".") {
		if len(p) == 0 || len(p) > 2 {
			return false
		}
		for k := 0; k < len(p); k++ {
			if !isDigit(p[k]) {
				return false
			}
		}
		n++
	}
	return n >= 2
}

// phoneEnd extends a telephone number over its digit groups.
func phoneEnd(s string, end int) int {
	for {
		k := end
		for n := 0; n < 3 && k < len(s) && (s[k] == ' ' || s[k] == '/' || s[k] == '-' || s[k] == ')' || s[k] == '(' || s[k] == '.'); n++ {
			k++
		}
		if k == end || !digitAt(s, k) {
			return end
		}
		j := k
		for j < len(s) && isDigit(s[j]) {
			j++
		}
		if j-k > 4 || letterAt(s, j) {
			return end
		}
		end = j
	}
}

// letterSpaced reports whether the one-character token at start is one of
// three or more single characters in a row separated by spaces.
func letterSpaced(s string, start, end int) bool {
	count := 1
	j := start
	for count < 3 {
		b := j
		for b > 0 && (s[b-1] == ' ' || s[b-1] == '\t') {
			b--
		}
		if b == j || b == 0 {
			break
		}
		r, n := runeBefore(s, b)
		if !(isLetter(r) || r >= '0' && r <= '9') || b-n > 0 && s[b-n-1] != ' ' && s[b-n-1] != '\n' {
			break
		}
		count++
		j = b - n
	}
	j = end
	for count < 3 {
		k := j
		for k < len(s) && (s[k] == ' ' || s[k] == '\t') {
			k++
		}
		if k == j {
			break
		}
		r, n := runeAt(s, k)
		if !(isLetter(r) || r >= '0' && r <= '9') {
			break
		}
		if k+n < len(s) && s[k+n] != ' ' && s[k+n] != '\n' && s[k+n] != '\r' {
			break
		}
		count++
		j = k + n
	}
	return count >= 3
}

// postalAfter reports whether a single space and a capitalised place name
// follow the number.
func postalAfter(s string, end int) bool {
	if end+2 >= len(s) || s[end] != ' ' {
		return false
	}
	we := wordEnd(s, end+1)
	return isTitleWord(s[end+1 : we])
}

// commaBefore reports whether a comma stands before i (across spaces).
func commaBefore(s string, i int) bool {
	j := skipSpaceBack(s, i)
	return j > 0 && s[j-1] == ','
}

// markRanges gives a range of two quantities "od A do B …" or "A–B …" its
// qualifiers: A at_least, B at_most.
func markRanges(s string, out []Match) {
	for k := 0; k+1 < len(out); k++ {
		a, b := &out[k], &out[k+1]
		if a.Class != Quantity || b.Class != Quantity || a.Qualifier != letopis.Exact || b.QStart != b.Start && b.Qualifier != letopis.AtMost {
			continue
		}
		if a.Unit != "" && a.UnitEnd > a.End && b.Unit != a.Unit {
			continue
		}
		joint := a.End
		if a.Unit != "" && a.UnitEnd > a.End {
			joint = a.UnitEnd
		}
		k1 := skipInline(s, joint)
		if n := dashAt(s, k1); n > 0 && k1-joint <= 1 && skipInline(s, k1+n) == b.QStart && b.QStart-(k1+n) <= 1 {
			if b.Qualifier == letopis.Exact && b.QStart == b.Start {
				a.Qualifier, b.Qualifier, b.QStart = letopis.AtLeast, letopis.AtMost, k1
				if b.UnitStart > b.QStart {
					b.UnitStart = b.QStart
				}
			}
			continue
		}
		if w, ws := prevWord(s, a.QStart); is(w, "od") && b.Qualifier == letopis.AtMost && skipSpace(s, joint) == b.QStart {
			a.Qualifier, a.QStart, a.UnitStart = letopis.AtLeast, ws, min(ws, a.UnitStart)
		}
	}
}

// ParseQuantity reads a whole cell holding one quantity: "25 %", "40,32%",
// "250.109,76 EUR", "€ 1.000", "cca 120", "preko 884", "več kot 47",
// "1,2 mio EUR", "dve". Anything else in the cell, or a malformed number,
// is refused with the reason (the Match then has Class Malformed). A plain
// four-digit number is a Quantity here: a cell has no words around it to
// tell a year.
func ParseQuantity(s string) (Match, error) {
	t := trimSpace(s)
	off := skipSpace(s, 0)
	m := Match{Qualifier: letopis.Exact}
	bad := func(reason string) (Match, error) {
		m.Class, m.Reason = Malformed, reason
		return m, refuse(s, reason)
	}
	i := 0
	// a unit before: € 1.000, EUR 500
	if strings.HasPrefix(t, "€") {
		m.Unit = letopis.UnitEUR
		i = skipSpace(t, len("€"))
	} else if we := wordEnd(t, 0); is(t[:we], "eur") {
		m.Unit = letopis.UnitEUR
		i = skipSpace(t, we)
	}
	unitStart := 0
	// qualifiers
	qs := i
	for {
		we := wordEnd(t, i)
		if we == i {
			if i < len(t) && t[i] == '~' {
				m.Qualifier = letopis.Approx
				i = skipSpace(t, i+1)
			}
			break
		}
		w := t[i:we]
		if is(w, "več", "manj") {
			w2, _, e2 := nextWord(t, we)
			if is(w2, "kot") {
				m.Qualifier = letopis.MoreThan
				if is(w, "manj") {
					m.Qualifier = letopis.LessThan
				}
				i = skipSpace(t, e2)
				continue
			}
		}
		if q, ok := lookup(qualifierWords, w); ok {
			m.Qualifier = q
			if we < len(t) && t[we] == '.' && is(w, "cca", "ca", "pribl") {
				we++
			}
			i = skipSpace(t, we)
			continue
		}
		if m.Unit == "" && is(w, "eur") {
			m.Unit = letopis.UnitEUR
			unitStart = i
			i = skipSpace(t, we)
			continue
		}
		break
	}
	if m.Qualifier == letopis.Exact {
		qs = i
	}
	if strings.HasPrefix(t[i:], "€") && m.Unit == "" {
		m.Unit = letopis.UnitEUR
		unitStart = i
		i = skipSpace(t, i+len("€"))
	}
	m.QStart = qs
	m.UnitStart = unitStart
	if m.Unit == "" {
		m.UnitStart = qs
	}
	// the number
	sn, minus := signAt(t, i)
	switch {
	case digitAt(t, i+sn):
		lx := lexNumber(t, i+sn, false)
		m.Start, m.End = i, lx.end
		m.Text = t[i:lx.end]
		if lx.err != errNone {
			m.Start, m.End = off+m.Start, off+m.End
			return bad(lx.err.reason(t[i+sn : lx.end]))
		}
		m.Value = lx.val
		if minus {
			m.Value = -m.Value
		}
	default:
		we := wordEnd(t, i)
		v, ok := lookup(numberWords, t[i:we])
		if !ok {
			return bad("no number")
		}
		m.Start, m.End, m.Text, m.Value, m.Word = i, we, t[i:we], v, true
	}
	m.UnitEnd = m.End
	if m.Unit == "" {
		u, ue, mult := unitAfter(t, m.End)
		if u != "" || mult != 1 {
			m.Unit, m.UnitEnd = u, ue
			m.Value *= mult
		}
	} else if _, ue, mult := unitAfter(t, m.End); mult != 1 {
		m.UnitEnd = ue
		m.Value *= mult
	}
	if m.Value == 0 {
		m.Value = 0
	}
	// shift to offsets in s
	m.Start += off
	m.End += off
	m.QStart += off
	m.UnitStart += off
	m.UnitEnd += off
	if m.UnitEnd-off != len(t) {
		rest := t[m.UnitEnd-off:]
		if rest == "." && m.Unit == letopis.UnitEUR {
			return m, nil
		}
		if m.Unit == "" && (rest == "." || strings.HasPrefix(rest, ".")) {
			return bad(errTrailingDot.reason(""))
		}
		return bad("not only a quantity: " + strings.TrimSpace(rest))
	}
	m.Class = Quantity
	return m, nil
}

// schoolYear reports whether the number at s[start:end] is one of two
// consecutive years joined by a slash: 2019/2020, 2019/20.
func schoolYear(s string, start, end int) bool {
	a, b := start, end
	if end < len(s) && s[end] == '/' {
		b = end + 1
		for b < len(s) && isDigit(s[b]) {
			b++
		}
	} else if start >= 2 && s[start-1] == '/' {
		a = start - 1
		for a > 0 && isDigit(s[a-1]) {
			a--
		}
		b = end
	} else {
		return false
	}
	x := s[a:b]
	sl := strings.IndexByte(x, '/')
	if sl != 4 || alnumBefore(s, a) || letterAt(s, b) || b < len(s) && s[b] == '/' {
		return false
	}
	y1, _ := readInt(x, 0, 4)
	y2, n := readInt(x, 5, 4)
	switch {
	case n == 4:
		return textYear(y1) && y2 == y1+1
	case n == 2:
		return textYear(y1) && y2 == (y1+1)%100
	}
	return false
}
