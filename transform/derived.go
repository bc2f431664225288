package transform

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/letopis/letopis"
)

// Numbers that a sentence derives from others or states as a
// circumstance of what it reports: none is a result (see TestDerived).

var (
	// comparative after a number (and one word of its phrase): `5 % več
	// kot leto prej`, `22 več kot lani`, `za 7,7 % višji`; a number after
	// `kot` is the next quantity's qualifier (`12 otrok več kot 100`).
	comparativeAfter = regexp.MustCompile(`(?i)^\s*(?:\pL+\s+)?(?:ve[čc]|manj|vi[šs]j\pL*|ni[žz]j\pL*|ve[čc]j\pL*|manj[šs]\pL*)(?:\s+(?:kot|od)(?:\s+[^\d\s]|\s*$)|\s*[,.;:]|\s*$)`)
	// comparativeShort after `za N`: the comparative alone says the change.
	comparativeShort = regexp.MustCompile(`(?i)^\s*(?:\pL+\s+)?(?:ve[čc]|manj|vi[šs]j\pL*|ni[žz]j\pL*|ve[čc]j\pL*|manj[šs]\pL*)(?:$|[^\pL])`)
	// changeVerb before `za N`: a verb or noun of change (se je povečal,
	// je upadla, porast, znižanje).
	changeVerb = regexp.MustCompile(`(?i)(?:^|[^\pL])(?:(?:pove[čc]a|zmanj[šs]a|zvi[šs]a|zni[žz]a|povi[šs]a)(?:l|n)\pL*|upad\pL*|pad(?:el|l[aoie]|ec)|(?:na|z|po)ras(?:tel|l[aoie])|porast|rast|skr[čc]il\pL*)(?:\s+\pL+){0,3}\s+za\s*$`)
	// timeNoun is a unit of time after a number: a duration.
	timeNoun = regexp.MustCompile(`(?i)^\s*(?:dan|dni|dneva|dnevi|dnevih|dneh|teden|tedna|tedne|tednov|tednih|mesec|meseca|mesece|mesecev|mesecih|let|leta|letih)(?:$|[^\pL])`)
	// timeLocative after `v N`: within so many days, weeks or months.
	timeLocative = regexp.MustCompile(`(?i)^\s*(?:dneh|dnevih|tednih|mesecih|letih|urah)\b`)
	// hoursPer after a number: hours a day or a week, a schedule
	// (`deluje 24 ur na dan`).
	hoursPer = regexp.MustCompile(`(?i)^\s*(?:ur|ure|uri|uro)\s+(?:na|v)\s+(?:dan|teden|tednu|mesec|mesecu)\s*(?:[,.;:)]|$)`)
	// perAny after a rate's phrase: `18 kg na družino`, `3 na družino`.
	perAny = regexp.MustCompile(`(?i)^(?:\s+[\pL-]+){0,3}?\s+na\s+\pL+\s*(?:[,.;:)]|$)`)
	// derivedFrom before a number: it is computed from the numbers before
	// (`…, kar je povprečno 18 kg na družino`).
	derivedFrom = regexp.MustCompile(`(?i)(?:^|[^\pL])kar\s+je\s+(?:povpre[čc]no|v\s+povpre[čc]ju)?\s*$`)
	// targetSubject opens a sentence that states a target (`Ciljna
	// vrednost po pogodbi je 25 …`).
	targetSubject = regexp.MustCompile(`(?i)^[\d\s]*(?:ciljn\pL*|na[čc]rtovan\pL*|predviden\pL*|pri[čc]akovan\pL*)\s+vrednost`)
	// plannedVerb in the clause before a number: what was planned, not
	// done (`smo načrtovali 55-odstotno zasedenost`).
	plannedVerb = regexp.MustCompile(`(?i)(?:^|[^\pL])(?:na[čc]rtoval\pL*|predvideval\pL*|planiral\pL*)(?:$|[^\pL])`)
	// allWords before a number: all or both of a set (v vseh treh občinah).
	allWords = map[string]bool{"vseh": true, "vsem": true, "vsemi": true, "vse": true, "vsi": true, "vsa": true,
		"obeh": true, "obema": true, "oba": true, "obe": true}
	// referenceNoun before a number makes it the number of a part of a
	// document or a telephone: v poglavju 4, v prilogi 2, Preglednica 3,
	// na številko 112 (see reference).
	referenceNoun = map[string]bool{"poglavje": true, "poglavja": true, "poglavju": true, "priloga": true, "priloge": true, "prilogi": true,
		"tabela": true, "tabele": true, "tabeli": true, "preglednica": true, "preglednice": true, "preglednici": true,
		"slika": true, "slike": true, "sliki": true, "graf": true, "grafu": true, "grafikon": true, "grafikonu": true,
		"člen": true, "člena": true, "členu": true, "številka": true, "številko": true, "številki": true}
	// rankPlace is a place in a ranking: 2. mesto, na 14. mestu.
	rankPlace = regexp.MustCompile(`(?i)\d+\.\s*mest(?:o|a|u)\b`)
	// ruleWords make a limit in their clause the limit of a rule: zahteva,
	// predpisuje, dovoljena, mejna vrednost.
	ruleWords = regexp.MustCompile(`(?i)(?:^|[^\pL])(?:zahtev\pL*|predpis\pL*|pravilnik\pL*|dovoljen\pL*|mejn\pL*|prag\pL*|standard\pL*)(?:$|[^\pL])`)
	// priceNoun heads the subject of a price or a fee.
	priceNoun = regexp.MustCompile(`(?i)(?:^|\s)(?:[čc]lanarina|cena|vstopnina|kotizacija|najemnina|[šs]olnina|naro[čc]nina)(?:\s|$)`)
	// rateAdjective says a price is so much a period: letna članarina.
	rateAdjective = regexp.MustCompile(`(?i)(?:^|\s)(?:letn|mese[čc]n|tedensk|dnevn|enkratn|urn)[ao](?:\s|$)`)
)

// derived returns why the number n of s is no result but a number the
// sentence derives from others or states as a circumstance, "" if it is
// none of them.
func derived(s string, n num) string {
	before := strings.TrimRight(s[:n.QStart], " ")
	after := s[n.UnitEnd:]
	prev := strings.ToLower(wordBefore(s, n.QStart))
	switch {
	case prev == "za" && (comparativeShort.MatchString(after) || changeVerb.MatchString(clauseOf(before))),
		comparativeAfter.MatchString(after):
		return "a change against another year or a plan (za 7,7 % višji, 5 % več kot leto prej), derived from two values"
	case timeNoun.MatchString(after) && inRelativeClause(before):
		return "a duration of a state the clause describes (ki je bila šest tednov zaprta), not a result"
	case prev == "v" && timeLocative.MatchString(after) && !complementAfter(after):
		return "a duration in which something was done (v dveh dneh), not a result"
	case allWords[prev] && prepositions[strings.ToLower(wordBefore(before, len(before)-len(prev)))]:
		return "all of a set (v vseh treh občinah): where, not how many"
	case referenceNoun[prev] && reference(before, prev):
		return "the number of a chapter, table, annex or telephone (v poglavju 4, na številko 112), not a count"
	case prev == "med" && rankPlace.MatchString(s):
		return "the field a rank is among (2. mesto med 41 kraji), not a count"
	case n.Qualifier != letopis.Exact && n.Qualifier != "" && n.Qualifier != letopis.Approx && ruleWords.MatchString(clauseOf(before)):
		return "a limit a rule sets (zahteva vsebnost vode pod 18 %), not a result"
	case prev == "po":
		return "so many each (po štiri ure): a distributive, not a count"
	case hoursPer.MatchString(after):
		return "hours a day or a week: a schedule (deluje 24 ur na dan), not a result"
	case derivedFrom.MatchString(before) && perAny.MatchString(after):
		return "a rate or an average derived from the numbers before (kar je povprečno 18 kg na družino), not a count"
	case targetSubject.MatchString(s) || plannedVerb.MatchString(clauseOf(before)) && !inParens(before):
		return "a target or a planned value (ciljna vrednost je 25, smo načrtovali 55-odstotno), not a result"
	case inDashes(s, n):
		return "an apposition in dashes (izziv – pet prebranih knjig –): it describes a thing, not a result"
	case n.Unit == letopis.UnitEUR && price(before):
		return "a price or a fee (letna članarina znaša 40 €), not an amount received or spent"
	}
	return ""
}

// clauseOf returns the last clause of s: after its last comma,
// semicolon or colon.
func clauseOf(s string) string {
	if k := strings.LastIndexAny(s, ",;:"); k >= 0 {
		return s[k+1:]
	}
	return s
}

// inRelativeClause reports whether the text before a number ends inside
// a relative clause (`…, ki je bila zaradi prenove`).
func inRelativeClause(before string) bool {
	c := strings.ToLower(clauseOf(before))
	f := strings.Fields(c)
	return len(f) > 0 && (f[0] == "ki" || f[0] == "kjer" || f[0] == "ko")
}

// price reports whether the clause before an amount names a price or a
// fee as its subject: a price noun with a word of its period (letna
// članarina, mesečna najemnina) or a price itself (cena vstopnice).
func price(before string) bool {
	subj := strings.ToLower(clauseSubject(before))
	if !priceNoun.MatchString(subj) {
		return false
	}
	return rateAdjective.MatchString(subj) || strings.HasPrefix(subj, "cena") || strings.Contains(subj, " cena")
}

// spacedDash sets off an apposition: ` – `.
var spacedDash = regexp.MustCompile(` [–—] `)

// inDashes reports whether a number stands in an apposition set off by
// dashes inside a sentence (`izziv – pet prebranih knjig v poletnih
// mesecih – pa jih je opravilo 241`): a spaced dash after a word before
// it, another after it, and no third.
func inDashes(s string, n num) bool {
	before, after := spacedDash.FindAllStringIndex(s[:n.QStart], -1), spacedDash.FindAllStringIndex(s[n.UnitEnd:], -1)
	if len(before) != 1 || len(after) != 1 {
		return false
	}
	return strings.TrimSpace(s[:before[0][0]]) != "" && strings.TrimSpace(s[n.UnitEnd+after[0][1]:]) != ""
}

// complementAfter reports whether the time noun after a number takes a
// noun of the genitive (`v 49 dneh varstva`: days of a service, a count),
// rather than ending the phrase or going on with a verb (`v dveh dneh
// spekli`: within two days).
func complementAfter(after string) bool {
	f := strings.Fields(after)
	if len(f) < 2 || strings.ContainsAny(f[0], ",.;:") {
		return false
	}
	w := strings.ToLower(strings.TrimRight(f[1], ",.;:)"))
	return w != "" && unicode.IsLetter(firstRune(w)) && !verbLike(w) && !clauseWords[w] && !prepositions[w] && !coordWords[w]
}

// inParens reports whether the text before a number leaves a parenthesis
// open: the number is inside it.
func inParens(before string) bool {
	return strings.LastIndex(before, "(") > strings.LastIndex(before, ")")
}

// reference reports whether the reference noun noun, the last word of
// before, names what the number after it numbers: it opens the sentence
// or follows a preposition (`v poglavju 4`, `na številko 112`), unlike a
// noun the number after it counts something of (`slike 12 avtorjev`).
func reference(before, noun string) bool {
	rest := strings.TrimSpace(before[:len(before)-len(noun)])
	if rest == "" {
		return true
	}
	prev := strings.ToLower(wordBefore(rest, len(rest)))
	return prepositions[prev] || governing[prev] || prev == "glej"
}
