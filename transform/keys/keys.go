// Package keys normalises activity titles and indicator texts into keys
// that stay the same across years and small changes of wording: case,
// diacritics, quotes and punctuation, numbering, function words, the order
// of the words and the Slovene case endings do not change a key.
package keys

import (
	"regexp"
	"sort"
	"strings"
	"unicode"
)

// stop are function words that carry no identity.
var stop = set("in ter ali oz oziroma za v na s z iz od do pri po o k h ki je so se smo so bil bila bilo bili "+
	"the of and a an to za-", "")

// generic are words that name the kind of an activity, not the activity.
var generic = set("projekt projekta projekti projektov program programa programi operacija operacije "+
	"strateško strateskega strateska strateski partnerstvo partnerstva", "")

// filler are reporting participles, verbs and adverbs that come and go
// between years without changing what is counted.
var filler = set("izvedenih izvedeni izvedena izvedene izveden izvedeno opravljenih opravljene opravljeni opravljena "+
	"organiziranih organizirani organizirane izdelani izdelanih izdelan izdelane realiziranih realizirani doseženih doseženi "+
	"vključenih vključeni vključene vključena vključen vključenim vključenimi "+
	"izvedli izvedla izvedlo izvedle opravili opravila opravile pripravili pripravila pripravile organizirali organizirala "+
	"realizirali dosegli vključili vključilo vključila vključile imeli imela imelo "+
	"skupno skupaj vsaj več kot cca približno okoli okrog preko nad manj največ najmanj skoraj "+
	"aktivno število stevilo števila stevila", "")

func set(words, _ string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[fold(w)] = true
	}
	return m
}

var foldMap = strings.NewReplacer("č", "c", "š", "s", "ž", "z", "ć", "c", "đ", "d", "Č", "c", "Š", "s", "Ž", "z", "Ć", "c", "Đ", "d")

func fold(s string) string { return foldMap.Replace(strings.ToLower(s)) }

// words splits s into folded words, dropping punctuation, numbers, roman
// numerals used as numbering and one-letter words.
func words(s string) []string {
	s = fold(s)
	f := strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	out := f[:0]
	for _, w := range f {
		if len(w) < 2 || isNumber(w) || isRoman(w) {
			continue
		}
		out = append(out, w)
	}
	return out
}

func isNumber(w string) bool {
	for _, r := range w {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

func isRoman(w string) bool {
	for _, r := range w {
		if !strings.ContainsRune("ivxlc", r) {
			return false
		}
	}
	return len(w) <= 4 && w != "civ" && w != "ci"
}

// irregular are short or irregular word forms and their stem: the hour
// (ura, ure, ur, urah) has too short a stem for the endings rule.
var irregular = map[string]string{
	"ura": "ur", "ure": "ur", "uri": "ur", "uro": "ur", "urah": "ur", "uram": "ur", "urami": "ur",
	"dni": "dan", "dnevi": "dan", "dnevov": "dan", "dneh": "dan", "dnevih": "dan", "dneva": "dan", "dnevu": "dan",
}

// keepStems are stems that end like a case ending (program, problem,
// sistem): any form of them keeps the whole stem, so that program and
// programu have the same key.
var keepStems = []string{"program", "problem", "sistem", "tandem"}

// endings are Slovene inflectional endings, longest first.
var endings = []string{"ega", "emu", "ima", "ami", "ovi", "ovo", "ev", "ov", "ih", "im", "om", "em", "ah", "am", "ja", "je", "ji", "jo", "ju", "a", "e", "i", "o", "u"}

// Stem strips a Slovene case ending from a folded word, keeping at least
// three letters of stem, undoes the fleeting vowel of genitive plurals
// (storitev/storitve, dogodek/dogodka, usposabljanj/usposabljanje) and cuts
// the stem to eight letters.
func Stem(w string) string {
	if st, ok := irregular[w]; ok {
		return st
	}
	for _, st := range keepStems {
		if strings.HasPrefix(w, st) && len(w)-len(st) <= 3 {
			return cut(st)
		}
	}
	for _, e := range endings {
		if strings.HasSuffix(w, e) && len(w)-len(e) >= 3 {
			// the j of -ja, -ju … is an ending only after r (mentorja,
			// mentor); after other letters it is the stem's (razvoja,
			// razvoj)
			if e[0] == 'j' && w[len(w)-len(e)-1] != 'r' {
				continue
			}
			w = w[:len(w)-len(e)]
			break
		}
	}
	if n := len(w); n > 5 {
		switch {
		case strings.HasSuffix(w, "ek"), strings.HasSuffix(w, "ec"):
			w = w[:n-2] + w[n-1:]
		case (w[n-1] == 'v' || w[n-1] == 'j') && !strings.ContainsRune("aeiou", rune(w[n-2])):
			w = w[:n-1]
		}
	}
	return cut(w)
}

// cut cuts a stem to eight letters.
func cut(w string) string {
	if r := []rune(w); len(r) > 8 {
		w = string(r[:8])
	}
	return w
}

func key(s string, drop ...map[string]bool) string {
	seen := map[string]bool{}
	var out []string
outer:
	for _, w := range words(s) {
		for _, d := range drop {
			if d[w] {
				continue outer
			}
		}
		st := Stem(w)
		if !seen[st] {
			seen[st] = true
			out = append(out, st)
		}
	}
	sort.Strings(out)
	return strings.Join(out, "-")
}

// codeSuffix is a code after a quoted title, like the funder's tag in
// `»VšečKAM in GREM – Karierni center za mlade« KRVS`: upper-case words or
// numbers after the closing quote, bare or in parentheses, which name the programme or funder,
// not the activity.
var codeSuffix = regexp.MustCompile(`([«»"”“’'])(?:[\s,;–(-]*[\p{Lu}\d][\p{Lu}\d./-]{1,9}\)?)+\s*$`)

// trailingCode drops a code in capitals (KRVS, ESS) that ends a title in
// ordinary words once its quotes are gone, as in `VšečKAM in GREM –
// Karierni center za mlade KRVS`: the word before it is in lower case and
// at least three content words come before it, so that a short title
// whose acronym is its content (`Mladi za NVO`) keeps it.
func trailingCode(title string) string {
	f := strings.Fields(title)
	n := len(f)
	if n < 2 {
		return title
	}
	last, prev := strings.Trim(f[n-1], "()[],;."), f[n-2]
	if len([]rune(last)) < 2 || len([]rune(last)) > 6 || strings.ToUpper(last) != last || strings.ToLower(last) == last {
		return title
	}
	if r := []rune(prev); !unicode.IsLower(r[0]) {
		return title
	}
	if len(strings.Split(key(strings.Join(f[:n-1], " "), stop, generic), "-")) < 3 {
		return title
	}
	return strings.Join(f[:n-1], " ")
}

// Activity returns the key of an activity title: `Projekt »SPIN (vzhodna
// kohezijska regija)«` and `SPIN – Vzhodna kohezijska regija` have the same
// key. A title that puts a plain description before a coined name (see
// coinedName) is keyed by the name, so that `Socialna aktivacija
// AS-Aktiviraj Se!` and `AS-Aktiviraj Se!` have the same key.
func Activity(title string) string {
	title = codeSuffix.ReplaceAllString(title, "$1")
	title = trailingCode(title)
	title = coinedName(title)
	if k := key(title, stop, generic); k != "" {
		return k
	}
	return key(title)
}

// Indicator returns the key of an indicator text: `izvedenih dogodkov za
// promocijo KCM` and `Dogodki za promocijo KCM` have the same key.
func Indicator(text string) string { return IndicatorUnit(text, "") }

// IndicatorUnit returns the key of an indicator text of the given unit
// (the unit vocabulary's word, "" if unknown), built from what is counted
// and the words that restrict it: the stems of its content words, in any
// order, without function words, the participles and verbs of reporting
// (vključenih, izvedli, opravljene), counting words (število, skupaj), the
// words that name the kind of an activity (program, projekt, aktivnost)
// and the year. A share is keyed with `delez` whatever its wording
// (`Delež oseb z zaposlitvijo`, `Osebe z zaposlitvijo (v %)`), so that it
// never shares a key with the count of the same things.
func IndicatorUnit(text, unit string) string {
	k := key(text, stop, filler, indicatorGeneric)
	if k == "" {
		k = key(text, stop, filler)
	}
	if k == "" {
		k = key(text)
	}
	if unit == "percent" && !strings.Contains("-"+k+"-", "-delez-") {
		parts := append(strings.Split(k, "-"), "delez")
		if k == "" {
			parts = parts[1:]
		}
		sort.Strings(parts)
		k = strings.Join(parts, "-")
	}
	return k
}

// indicatorGeneric are the words of an indicator that say where it was
// counted rather than what (v program, v aktivnosti), and the words of a
// share, which its unit says (delež, odstotek).
var indicatorGeneric = set("program programa programu programom programi programih projekt projekta projektu projekti projektih "+
	"aktivnost aktivnosti aktivnostih dejavnost dejavnosti dejavnostih leto letu leta delez deleza odstotek odstotka odstotkov", "")

// coinedName returns the part of a title from its coined name on when the
// words before it are a plain description: ordinary words in lower case
// (the first may be capitalised), no function word, no punctuation. A
// coined name is a word with two or more capitals and a lower-case letter
// or a hyphen (AS-Aktiviraj, VšečKAM, MC-Velenje); an acronym alone (NVO,
// SPIN) is not one, nor is a title in capitals. Otherwise it returns the
// title as it is.
func coinedName(title string) string {
	f := strings.Fields(title)
	for k, w := range f {
		if coined(w) {
			if k == 0 {
				return title
			}
			return strings.Join(f[k:], " ")
		}
		if !ordinary(w, k == 0) {
			return title
		}
	}
	return title
}

func coined(w string) bool {
	upper, lower, hyphen := 0, 0, false
	for _, r := range w {
		switch {
		case unicode.IsUpper(r):
			upper++
		case unicode.IsLower(r):
			lower++
		case r == '-':
			hyphen = true
		}
	}
	return upper >= 2 && (lower > 0 || hyphen) && !strings.HasPrefix(w, "-") && !strings.HasSuffix(w, "-")
}

func ordinary(w string, first bool) bool {
	if stop[fold(w)] || len(w) < 3 {
		return false
	}
	for i, r := range []rune(w) {
		if !unicode.IsLetter(r) || (unicode.IsUpper(r) && !(i == 0 && first)) {
			return false
		}
	}
	return true
}
