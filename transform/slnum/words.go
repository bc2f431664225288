package slnum

import (
	"strings"

	"time"
	"unicode"

	"github.com/letopis/letopis"
)

// monthInfo is a month word: its month and whether it is an abbreviation
// (which must be written with its dot unless a day stands before it).
type monthInfo struct {
	m    time.Month
	abbr bool
}

// months holds the month names in every case form (imenovalnik, rodilnik,
// dajalnik/mestnik, orodnik) and their common abbreviations.
var months = map[string]monthInfo{}

func init() {
	forms := [12][]string{
		{"januar", "januarja", "januarju", "januarjem"},
		{"februar", "februarja", "februarju", "februarjem"},
		{"marec", "marca", "marcu", "marcem"},
		{"april", "aprila", "aprilu", "aprilom"},
		{"maj", "maja", "maju", "majem"},
		{"junij", "junija", "juniju", "junijem"},
		{"julij", "julija", "juliju", "julijem"},
		{"avgust", "avgusta", "avgustu", "avgustom"},
		{"september", "septembra", "septembru", "septembrom"},
		{"oktober", "oktobra", "oktobru", "oktobrom"},
		{"november", "novembra", "novembru", "novembrom"},
		{"december", "decembra", "decembru", "decembrom"},
	}
	abbrs := [12][]string{
		{"jan"}, {"feb", "febr"}, {"mar"}, {"apr"}, nil, {"jun"}, {"jul"},
		{"avg", "aug"}, {"sep", "sept"}, {"okt"}, {"nov"}, {"dec"},
	}
	for i := range forms {
		for _, w := range forms[i] {
			months[w] = monthInfo{time.Month(i + 1), false}
		}
		for _, w := range abbrs[i] {
			months[w] = monthInfo{time.Month(i + 1), true}
		}
	}
}

// numberWords are the number words for small counts in the case forms they
// appear in. "eni" is also "some" (eni pravijo): the fact finder wants a
// counted noun after a number word.
var numberWords = map[string]float64{
	"en": 1, "ena": 1, "eno": 1, "enega": 1, "enemu": 1, "enem": 1, "enim": 1, "eden": 1, "eni": 1,
	"dva": 2, "dve": 2, "dveh": 2, "dvema": 2,
	"tri": 3, "trije": 3, "treh": 3, "trem": 3, "tremi": 3,
	"štiri": 4, "štirje": 4, "štirih": 4, "štirim": 4, "štirimi": 4,
	"sto": 100, "dvesto": 200, "tristo": 300, "štiristo": 400, "petsto": 500, "tisoč": 1000,
}

func init() {
	stems := []struct {
		w string
		v float64
	}{
		{"pet", 5}, {"šest", 6}, {"sedem", 7}, {"osem", 8}, {"devet", 9}, {"deset", 10},
		{"enajst", 11}, {"dvanajst", 12}, {"trinajst", 13}, {"štirinajst", 14}, {"petnajst", 15},
		{"šestnajst", 16}, {"sedemnajst", 17}, {"osemnajst", 18}, {"devetnajst", 19},
		{"dvajset", 20}, {"trideset", 30}, {"štirideset", 40}, {"petdeset", 50},
	}
	for _, s := range stems {
		numberWords[s.w] = s.v
		// the e of sedem and osem falls out before an ending: sedmih, osmim
		stem := s.w
		if strings.HasSuffix(stem, "dem") || strings.HasSuffix(stem, "sem") {
			stem = stem[:len(stem)-2] + "m"
		}
		numberWords[stem+"ih"] = s.v
		numberWords[stem+"im"] = s.v
		numberWords[stem+"imi"] = s.v
	}
}

// qualifierWords are the one-word qualifiers before a number; "kot" is
// looked at with the word before it (več kot, manj kot).
var qualifierWords = map[string]letopis.Qualifier{
	"cca": letopis.Approx, "ca": letopis.Approx, "pribl": letopis.Approx, "približno": letopis.Approx,
	"okoli": letopis.Approx, "okrog": letopis.Approx, "skoraj": letopis.Approx,
	"vsaj": letopis.AtLeast, "najmanj": letopis.AtLeast,
	"preko": letopis.MoreThan, "nad": letopis.MoreThan, "čez": letopis.MoreThan,
	"največ": letopis.AtMost, "do": letopis.AtMost,
	"pod": letopis.LessThan,
}

// unitWords are the unit words after a number.
var unitWords = map[string]letopis.Unit{
	"eur": letopis.UnitEUR, "evrov": letopis.UnitEUR, "evra": letopis.UnitEUR, "evro": letopis.UnitEUR,
	"evri": letopis.UnitEUR, "evrih": letopis.UnitEUR, "evrom": letopis.UnitEUR, "evroma": letopis.UnitEUR,
	"euro": letopis.UnitEUR, "eurov": letopis.UnitEUR, "eura": letopis.UnitEUR,
	"odstotkov": letopis.UnitPercent, "odstotka": letopis.UnitPercent, "odstotke": letopis.UnitPercent,
	"odstotek": letopis.UnitPercent, "odstotki": letopis.UnitPercent, "odstotkih": letopis.UnitPercent,
	"odstotkom": letopis.UnitPercent, "odstotkoma": letopis.UnitPercent, "odst": letopis.UnitPercent,
	"procentov": letopis.UnitPercent, "procenta": letopis.UnitPercent, "procente": letopis.UnitPercent,
}

// multiplierWords scale the number before them.
var multiplierWords = map[string]float64{
	"tisoč": 1e3, "tsd": 1e3,
	"mio": 1e6, "milijon": 1e6, "milijona": 1e6, "milijone": 1e6, "milijonov": 1e6, "milijoni": 1e6,
	"mrd": 1e9, "milijard": 1e9, "milijarda": 1e9, "milijarde": 1e9, "milijardi": 1e9,
}

// yearWords before a four-digit number make it a year.
var yearWords = map[string]bool{
	"leto": true, "leta": true, "letu": true, "letom": true, "letih": true, "letoma": true, "leti": true,
	"letnik": true, "letnika": true, "letniku": true, "sezona": true, "sezoni": true, "sezone": true,
	"obdobju": true, "obdobje": true, "konca": true, "koncu": true, "začetka": true, "začetku": true,
	"sredine": true, "jeseni": true, "pomladi": true, "spomladi": true, "poleti": true, "pozimi": true,
	"v": true, "od": true, "do": true, "iz": true, "za": true, "po": true, "pred": true, "med": true,
	"leto-": true,
}

// ageWords before a number followed by "let" make it an age.
var ageWords = map[string]bool{
	"od": true, "do": true, "nad": true, "pod": true, "med": true, "pri": true,
	"star": true, "stara": true, "staro": true, "stari": true, "starih": true, "starim": true, "starimi": true,
	"starejši": true, "starejših": true, "starejše": true, "mlajši": true, "mlajših": true, "mlajše": true,
	"starost": true, "starosti": true, "starostjo": true,
}

// letWords after a number (or a range of numbers) make it an age.
var letWords = map[string]bool{
	"let": true, "leta": true, "letom": true, "letih": true, "leti": true, "letoma": true, "letnik": true, "letnikov": true,
}

// streetWords before a number (within three words) make it a house
// number.
var streetWords = map[string]bool{
	"cesta": true, "cesti": true, "ceste": true, "cesto": true, "ulica": true, "ulici": true, "ulice": true, "ulico": true,
	"trg": true, "trgu": true, "trga": true, "pot": true, "poti": true, "nabrežje": true, "nabrežju": true,
	"naselje": true, "naselju": true, "breg": true, "bregu": true, "vas": true, "vasi": true, "ul": true,
}

// durationWords after a number make it a duration.
var durationWords = map[string]bool{
	"mesec": true, "meseca": true, "meseci": true, "mesecev": true, "mesece": true, "mesecih": true, "mesecem": true,
	"minuta": true, "minute": true, "minuti": true, "minut": true, "minutah": true, "minutami": true,
	"sekund": true, "sekunde": true, "sekundi": true,
}

// countNouns are counted nouns that make a number of 1900..2100 a
// quantity rather than a year (2020 udeležencev); genitive plurals in -ov and
// -ev count as well.
var countNouns = map[string]bool{
	"oseb": true, "otrok": true, "ur": true, "ure": true, "ljudi": true, "mladih": true, "žensk": true,
	"moških": true, "šol": true, "objav": true, "delavnic": true, "storitev": true, "enot": true,
	"organizacij": true, "institucij": true, "družin": true, "ogledov": true, "kosov": true,
	"obiskov": true, "izvodov": true, "mest": true, "točk": true, "dni": true, "tednov": true,
	"evrov": true, "novih": true, "vključenih": true, "izvedenih": true, "različnih": true,
}

// timeWords next to an H.MM make it a time of day.
var timeWords = map[string]bool{
	"od": true, "do": true, "ob": true, "med": true, "ura": true, "ure": true, "uri": true, "uro": true,
	"h": true, "pred": true, "po": true, "okoli": true, "cca": true,
}

// isCountNoun reports whether w is a lower-case counted noun.
func isCountNoun(w string) bool {
	if w == "" || !isLowerStart(w) {
		return false
	}
	if _, ok := lookup(countNouns, w); ok {
		return true
	}
	n := len(w)
	return n > 3 && (w[n-2:] == "ov" || w[n-2:] == "ev")
}

func isLowerStart(w string) bool {
	r, _ := runeAt(w, 0)
	return isLetter(r) && !isUpperRune(r)
}

func isUpperRune(r rune) bool { return unicode.IsUpper(r) }
