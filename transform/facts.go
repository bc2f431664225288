package transform

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/letopis/letopis"
	"github.com/letopis/letopis/transform/units"
)

// rawFact is a quantity read from one sentence, before the activity and
// report context are added.
type rawFact struct {
	Indicator  string
	Unit       letopis.Unit
	Value      float64
	Qualifier  letopis.Qualifier
	ShareValue *float64
	ShareOf    string
	Target     *float64       // a planned value stated beside it: (načrtovanih 60)
	Period     letopis.Period // zero: the report year
	Confidence float64
	Pos        int // where the number starts in its sentence
}

// rawReject is a number seen and refused.
type rawReject struct {
	Text, Reason string
}

// stopWords end a noun phrase: conjunctions that open a clause.
var clauseWords = map[string]bool{"ki": true, "kjer": true, "ko": true, "da": true, "ker": true, "saj": true, "kot": true,
	"katere": true, "katerih": true, "kar": true, "pa": true, "je": true, "so": true, "se": true, "smo": true, "sta": true, "bo": true, "bodo": true, "bomo": true, "bosta": true, "in/ali": true}

var coordWords = map[string]bool{"in": true, "ter": true, "ali": true, "oz": true, "oziroma": true}

// prepositions after a number written in words mean it is no count (ena
// izmed, dva od).
var prepositions = map[string]bool{"v": true, "na": true, "za": true, "od": true, "do": true, "izmed": true, "po": true,
	"pri": true, "s": true, "z": true, "iz": true, "k": true, "ob": true, "med": true, "ter": true, "in": true, "krat": true}

// participle matches a participle or adjective that heads a quantity:
// izvedenih, Izdelani, sodelujočih, vključenih, priglašenih.
var participle = regexp.MustCompile(`(?i)^\pL{3,}(?:en|an|n|t|č)(?:ih|i|e|a)$`)

// passiveParticiple matches a past passive participle (vključene,
// izvedenih, opravljeni), which after a comma restricts the noun before
// it: `604 osebe, vključene v Aktivnosti za …`.
var passiveParticiple = regexp.MustCompile(`(?i)^\pL{3,}(?:en|an|jen|t)(?:a|e|i|o|ih|im|ega)$`)

var notParticiple = map[string]bool{"skupno": true, "skupaj": true, "tudi": true, "še": true, "le": true, "vseh": true, "vsi": true,
	"ostali": true, "drugih": true, "teh": true, "letu": true, "leta": true, "višini": true, "znesku": true, "vrednosti": true}

// sentenceFacts reads the quantities of one sentence. intro says the
// sentence describes an activity rather than reporting its results.
func sentenceFacts(s string, lex *units.Lexicon, intro bool) ([]rawFact, []rawReject) {
	nums := scanNumbers(s)
	if len(nums) == 0 {
		return nil, nil
	}
	quotes := quoteSpans(s)
	toks := tokenize(s)
	var facts []rawFact
	var rej []rawReject
	type slot struct {
		n        num
		fact     int // index in facts, -1 if none
		consumed bool
		partOf   int // the slot whose unnamed part it is (`120 prostovoljcev, od tega 37 novih`), -1 if none
	}
	slots := make([]slot, len(nums))
	for i := range nums {
		compoundQuantity(s, &nums[i])
		slots[i] = slot{n: nums[i], fact: -1, partOf: -1}
	}
	// numbers that count, by a pronoun, what a number before them counts
	pronoun := make([]bool, len(nums))
	for i := range nums {
		pronoun[i] = nums[i].quantity() && (byPronoun(s, nums[i]) || i > 0 && pronoun[i-1] && listed(s, nums[i-1], nums[i], toks))
	}
	lower := strings.ToLower(s)
	// `partnerstvo sestavljajo štiri organizacije`: who a project is made
	// of describes it; `upravo sestavlja sedem članov` counts a body
	composition := strings.Contains(lower, "sestavlja") && (strings.Contains(lower, "partner") || strings.Contains(lower, "konzorcij"))
	for i := range slots {
		n := slots[i].n
		switch {
		case !n.quantity():
			rej = append(rej, rawReject{n.Text, n.rejectReason()})
			slots[i].consumed = true
		case inSpans(quotes, n.Start):
			rej = append(rej, rawReject{n.Text, "part of a name"})
			slots[i].consumed = true
		case strings.HasSuffix(strings.TrimSpace(s[:n.Start]), "(") && strings.HasPrefix(strings.TrimSpace(s[n.End:]), ")") && strings.TrimSpace(s[:n.Start]) == "(":
			rej = append(rej, rawReject{n.Text, "list number"})
			slots[i].consumed = true
		case firstLast.MatchString(strings.ToLower(wordBefore(s, n.QStart))):
			rej = append(rej, rawReject{n.Text, "which ones (zadnjih dveh razredov), not a count"})
			slots[i].consumed = true
		case n.Word && composition:
			rej = append(rej, rawReject{n.Text, "description of the activity, not a result"})
			slots[i].consumed = true
		case n.Word && !wordCount(s, n, toks) && (n.Value == 1 || nounBefore(s, toks, nums, i, lex) == "") && !pronoun[i]:
			rej = append(rej, rawReject{n.Text, "number word without a counted noun"})
			slots[i].consumed = true
		case n.Word && n.Value == 1 && oneOf(s[n.End:]):
			rej = append(rej, rawReject{n.Text, "one of many (ena najstarejših): an idiom, not a count"})
			slots[i].consumed = true
		case n.Word && ambiguousWord[strings.ToLower(n.Text)] && !nounWithin(s[n.End:], lex, 3):
			rej = append(rej, rawReject{n.Text, "number word without a counted noun"})
			slots[i].consumed = true
		case percentPoints.MatchString(s[n.UnitEnd:]):
			rej = append(rej, rawReject{n.Text, "a difference in percentage points, derived from two shares"})
			slots[i].consumed = true
		case n.Qualifier == letopis.AtMost && strings.HasSuffix(strings.TrimSpace(s[:n.QStart]), "(") && strings.HasPrefix(strings.TrimSpace(s[n.UnitEnd:]), ")"):
			rej = append(rej, rawReject{n.Text, "a limit in parentheses (do 1 %), not a result"})
			slots[i].consumed = true
		case heightInParens.MatchString(s[n.UnitEnd:]) && strings.HasSuffix(strings.TrimSpace(s[:n.QStart]), "("):
			rej = append(rej, rawReject{n.Text, "a height or length in parentheses, describing a place"})
			slots[i].consumed = true
		default:
			if why := derived(s, n); why != "" {
				rej = append(rej, rawReject{n.Text, why})
				slots[i].consumed = true
			}
		}
	}
	// A part and its whole: `v Lokvah 61 od skupno 163` — the whole is the
	// value, the part its share, of the place named before the part; a
	// whole the sentence already states takes the share.
	for i := 0; i+1 < len(slots); i++ {
		if slots[i].consumed || slots[i+1].consumed || !slots[i].n.quantity() || !slots[i+1].n.quantity() {
			continue
		}
		part, whole := slots[i].n, slots[i+1].n
		if !skippable(s, part.Start, whole.QStart) {
			continue
		}
		owner := placeBefore(s[:part.QStart])
		if owner == "" {
			// `V Rečici, kjer …, so jih opravili 74 od skupno 212`: the
			// place the sentence opens with
			if f := strings.Fields(s); len(f) > 1 {
				owner = placeAfter(strings.ToLower(f[0]) + s[len(f[0]):])
			}
		}
		if owner == "" && part.Unit == letopis.UnitEUR && whole.Unit == letopis.UnitEUR {
			// `Društvo bo prejelo 11.200 EUR od skupno 58.400 EUR`: the
			// part of an amount goes to the clause's subject
			if subj := clauseSubject(s[:part.QStart]); partyWords(subj) {
				owner = subj
			}
		}
		if owner == "" {
			continue
		}
		v := part.Value
		slots[i].consumed = true
		target := i + 1
		for j := 0; j < i; j++ {
			if !slots[j].consumed && slots[j].n.quantity() && slots[j].n.Value == whole.Value {
				target = j
				slots[i+1].consumed = true
				rej = append(rej, rawReject{whole.Text, "the whole of a part, stated again"})
			}
		}
		slots[target].n.shareValue = &v
		slots[target].n.shareOf = placeName(owner)
	}
	// Targets in parentheses after a value: `64 oseb (načrtovali smo jih
	// 60)`, `(cilj: 50)`, `(predvidenih 40)`.
	for i := range slots {
		if slots[i].consumed || !slots[i].n.quantity() {
			continue
		}
		n := slots[i].n
		open := strings.LastIndex(s[:n.QStart], "(")
		if open < 0 || strings.Contains(s[open:n.QStart], ")") || !targetWords.MatchString(s[open:n.QStart]) {
			continue
		}
		for j := i - 1; j >= 0; j-- {
			if p := slots[j].n; !slots[j].consumed && p.quantity() && p.End <= open {
				v := n.Value
				slots[j].n.target = &v
				slots[i].consumed = true
				break
			}
		}
	}
	// The part of an amount allotted to a partner, after the whole:
	// `Vrednost projekta je 186.000 EUR, na Knjižnico X odpade 38.600
	// EUR`, `…, za društvo je namenjenih 96.300 EUR`, `Od 94.600 EUR
	// vrednosti projekta je bilo našemu društvu namenjenih 18.250 EUR`.
	for i := range slots {
		n := slots[i].n
		if slots[i].consumed || n.Unit != letopis.UnitEUR {
			continue
		}
		parent := -1
		for j := i - 1; j >= 0; j-- {
			if !slots[j].consumed && slots[j].n.quantity() {
				parent = j
				break
			}
		}
		if parent < 0 || slots[parent].n.Unit != letopis.UnitEUR || slots[parent].n.shareValue != nil {
			continue
		}
		owner := allottedTo(s[slots[parent].n.UnitEnd:n.QStart], s[n.UnitEnd:])
		if owner == "" {
			continue
		}
		v := n.Value
		slots[i].consumed = true
		slots[parent].n.shareValue = &v
		slots[parent].n.shareOf = owner
	}
	// Shares: `190 (od tega Društvo NOVUS – 42)` and `701 oseb …, od tega
	// Društvo NOVUS 98 oseb`. A part with no name (`od tega kar 19
	// strokovnjakov`) is a fact of its own.
	for i := range slots {
		if slots[i].consumed {
			continue
		}
		n := slots[i].n
		parent := -1
		for j := i - 1; j >= 0; j-- {
			if !slots[j].consumed && slots[j].n.quantity() {
				parent = j
				break
			}
		}
		if parent < 0 {
			continue
		}
		between := s[slots[parent].n.UnitEnd:n.QStart]
		lb := strings.ToLower(between)
		k := strings.LastIndex(lb, "od tega")
		if k < 0 {
			continue
		}
		// the share's owner: the words between "od tega" and the number
		owner := between[k+len("od tega"):]
		inParen := strings.Contains(between[:k], "(") && !strings.Contains(between[:k], ")")
		owner = strings.Trim(owner, " \t–—-:,()")
		of := strings.Fields(owner)
		for len(of) > 0 && (of[0] == "kar" || of[0] == "še" || of[0] == "pa" || of[0] == "tudi" || of[0] == "je" || of[0] == "so" || of[0] == "bilo" || of[0] == "bila" || of[0] == "delež") {
			of = of[1:]
		}
		owner = strings.Join(of, " ")
		if owner != "" && !namesParty(owner) {
			// `od tega stroški dela 562.318,20 EUR`: a kind of the whole,
			// no partner or place
			owner = ""
		}
		if owner == "" {
			// `od tega 320 v Žalcu`: the place after the part
			owner = placeAfter(s[n.UnitEnd:])
		}
		if owner == "" {
			slots[i].partOf = parent
		}
		if owner == "" || strings.ContainsAny(owner, ",0123456789") || (!inParen && len(strings.Fields(owner)) > 6) {
			continue
		}
		v := n.Value
		slots[i].consumed = true
		slots[parent].n.shareValue = &v
		slots[parent].n.shareOf = placeName(owner)
	}
	for i := range slots {
		if slots[i].consumed {
			continue
		}
		n := slots[i].n
		if pronoun[i] && slots[i].partOf < 0 {
			// `Od 17 žensk … se jih je 10 preselilo …, pet k sorodnikom`:
			// the whole is the number before that counts something of
			// its own
			for j := i - 1; j >= 0; j-- {
				if slots[j].fact >= 0 && !pronoun[j] {
					slots[i].partOf = j
					break
				}
			}
		}
		if adj := gapped(s, n); adj != "" && slots[i].partOf < 0 && n.Unit == "" {
			// `Zlato priznanje je prejelo 21 vzorcev, srebrno 8 in
			// bronasto 3`: the noun of the count before, left out after
			// an adjective
			for j := i - 1; j >= 0; j-- {
				if slots[j].fact >= 0 && slots[j].n.Unit == "" {
					whole := facts[slots[j].fact]
					f := rawFact{Unit: whole.Unit, Value: n.Value, Pos: n.Start, Qualifier: orQualifier(n.Qualifier),
						Confidence: whole.Confidence - 0.15, Indicator: strings.ToLower(adj) + " " + headWord(whole.Indicator, lex)}
					slots[i].fact = len(facts)
					facts = append(facts, f)
					break
				}
			}
			if slots[i].fact >= 0 {
				continue
			}
		}
		f, ok := nounPhrase(s, toks, nums, i, lex, map[int]bool{})
		if p := slots[i].partOf; p >= 0 && pronoun[i] && !nounAfter(s, n) && !nounBeforePronoun(s, n, lex) {
			// `sedem pa se jih je vključilo v izobraževanje`, `pet v
			// plesno šolo`: a verb or a place follows, no noun of its
			// own; the whole's noun
			whole := facts[slots[p].fact]
			f = rawFact{Unit: whole.Unit, Confidence: whole.Confidence - 0.1,
				Indicator: strings.TrimSpace(strings.Join(clauseWordsAfter(s, n), " ") + " " + headWord(whole.Indicator, lex))}
			ok = true
		}
		if !ok && pronoun[i] {
			// `12 jih je dobilo zaposlitev, sedem pa se jih je vključilo
			// v izobraževanje`, its whole before a semicolon: a count of
			// what the pronoun stands for
			f, ok = rawFact{Unit: letopis.UnitOther, Confidence: 0.5, Indicator: strings.Join(clauseWordsAfter(s, n), " ")}, true
		}
		if !ok {
			rej = append(rej, rawReject{n.Text, "no counted noun"})
			continue
		}
		f.Value, f.Pos = n.Value, n.Start
		f.Qualifier = n.Qualifier
		if f.Qualifier == "" {
			f.Qualifier = letopis.Exact
		}
		f.ShareValue, f.ShareOf, f.Target = n.shareValue, n.shareOf, n.target
		// an unnamed part without a noun of its own (`od tega 37 novih`)
		// counts the noun of its whole
		if p := slots[i].partOf; p >= 0 && slots[p].fact >= 0 && f.Unit == letopis.UnitOther && n.Unit == "" && !hasLexiconWord(f.Indicator, lex) {
			whole := facts[slots[p].fact]
			if noun := firstLexiconWord(whole.Indicator, lex); noun != "" {
				f.Unit = whole.Unit
				f.Indicator += " " + noun
				f.Confidence = whole.Confidence - 0.05
			}
		}
		if n.Word {
			f.Confidence -= 0.15
		}
		if intro {
			f.Confidence -= 0.2
		}
		// a participle right before the number belongs to the indicator
		if w := wordBefore(s, n.QStart); w != "" && participle.MatchString(w) && !notParticiple[strings.ToLower(w)] && !strings.HasSuffix(f.Indicator, ")") {
			f.Indicator = strings.ToLower(w) + " " + f.Indicator
		}
		slots[i].fact = len(facts)
		facts = append(facts, f)
	}
	return facts, rej
}

var (
	// targetWords in a parenthesis before a number make it the planned
	// value of the number before the parenthesis.
	targetWords = regexp.MustCompile(`(?i)\b(?:na[čc]rtova\pL*|na[čc]rt\pL*|cilj\pL*|predvid\pL*|planira\pL*|plan)\b`)
	// percentPoints follows a difference of two percentages.
	percentPoints = regexp.MustCompile(`^\s*(?:odstotn\pL*\s+to[čc]k\pL*|o\.\s?t\.|pp\b)`)
	// heightInParens follows the height of a hill or the length of a
	// route given in parentheses: (609 m), (1.699 m n. v.).
	heightInParens = regexp.MustCompile(`^\s*(?:m|km|m\s*n\.\s*v\.)\s*\)`)
	// countedBefore is a clause that opens with a noun of the genitive
	// plural and says there are so many of it: `Markacistov je`,
	// `Članic je bilo`, `Tekmovalcev smo imeli`, `Obiskov smo našteli`.
	countedBefore = regexp.MustCompile(`(?:^|[,;:]\s*)(\p{L}{3,}(?:ov|ev|ij|ic|k|ih))\s+(?:je(?:\s+bilo)?|so|smo\s+\pL{3,}l[ie]|je\s+letos|je\s+skupaj)\s*(?:kar\s+|že\s+|skupaj\s+|letos\s+)?$`)
	// firstLast before a number picks which ones (`učencev zadnjih dveh
	// razredov`, `prvih deset prijavljenih`).
	firstLast = regexp.MustCompile(`^(?:zadnj|prv|naslednj|pretekl|predhodn)(?:ih|e|a|i|im|ima)$`)
	// ambiguousWord are number words that are also pronouns (eni pravijo).
	ambiguousWord = map[string]bool{"eni": true, "ene": true, "en": true}
)

// oneOf reports whether the words after a number word 1 make it one of
// many (`ena najstarejših dejavnosti`, `eno izmed`, `ena od`).
func oneOf(rest string) bool {
	f := strings.Fields(rest)
	if len(f) == 0 {
		return false
	}
	w := strings.ToLower(strings.Trim(f[0], ",.;:"))
	return strings.HasPrefix(w, "naj") || w == "izmed" || w == "od"
}

// nounWithin reports whether a counted noun of the lexicon stands among
// the first n words of s.
func nounWithin(s string, lex *units.Lexicon, n int) bool {
	for i, w := range strings.Fields(s) {
		if i >= n {
			break
		}
		if _, ok := lex.Lookup(w); ok {
			return true
		}
	}
	return false
}

func hasLexiconWord(s string, lex *units.Lexicon) bool { return firstLexiconWord(s, lex) != "" }

// firstLexiconWord returns the first word of s that is a counted noun of
// the lexicon, "" if none.
func firstLexiconWord(s string, lex *units.Lexicon) string {
	for _, w := range strings.Fields(s) {
		if _, ok := lex.Lookup(w); ok {
			return w
		}
	}
	return ""
}

func orDefault(s, d string) string {
	if s == "" {
		return d
	}
	return s
}

// wordCount reports whether the number word n counts a noun: a word, not
// a preposition, follows it.
func wordCount(s string, n num, toks []tok) bool {
	for _, t := range toks {
		if t.Start >= n.End {
			return !t.Punct && !prepositions[strings.ToLower(t.Text)] && !isDigits(t.Text)
		}
	}
	return false
}

// wordBefore returns the word that ends right before byte i, "" if a
// punctuation mark comes first.
func wordBefore(s string, i int) string {
	t := strings.TrimRight(s[:i], " ")
	j := strings.LastIndexFunc(t, func(r rune) bool { return !unicode.IsLetter(r) })
	if j < 0 {
		return t
	}
	_, sz := utf8.DecodeRuneInString(t[j:])
	return t[j+sz:]
}

// nounPhrase reads what the i-th number counts: the words after it up to
// the counted noun (a lexicon word) and a short complement, skipping
// parentheses; `28 osnovnih in 7 srednjih šol` borrows the noun of the next
// number.
func nounPhrase(s string, toks []tok, nums []num, i int, lex *units.Lexicon, seen map[int]bool) (rawFact, bool) {
	n := nums[i]
	f := rawFact{Confidence: 0.9, Unit: n.Unit}
	seen[i] = true
	// `Presežek prihodkov nad odhodki v višini 3.542,47 EUR`: an amount
	// introduced as such is of what its clause names before it
	if n.Unit != "" {
		before := strings.TrimRight(s[:n.QStart], " ")
		for _, intro := range []string{"v višini", "v znesku", "v vrednosti"} {
			if strings.HasSuffix(strings.ToLower(before), intro) {
				if subj := phraseBefore(before[:len(before)-len(intro)]); subj != "" {
					f.Indicator = strings.ToLower(subj) + " (" + strings.ToLower(strings.TrimLeft(strings.TrimSpace(s[n.End:n.UnitEnd]), "-")) + ")"
					f.Confidence = 0.75
					return f, true
				}
			}
		}
	}
	start := n.UnitEnd
	var words []string
	head := n.Unit != ""
	complement := 0
	depth := 0
	prevCoord := false
	genHead := false // a noun of the genitive plural outside the lexicon heads the phrase
	quoted := false  // inside a quoted name
	numAt := map[int]int{}
	for j, m := range nums {
		numAt[m.Start] = j
	}
	var k int
	for k = 0; k < len(toks) && toks[k].Start < start; k++ {
	}
	for ; k < len(toks); k++ {
		t := toks[k]
		lt := strings.ToLower(t.Text)
		if depth > 0 {
			if t.Text == "(" {
				depth++
			} else if t.Text == ")" {
				depth--
			}
			continue
		}
		if t.Punct {
			switch t.Text {
			case "(":
				depth = 1
				continue
			case "»", "„", "“":
				quoted = true
				continue
			case "«", "”", "\"":
				quoted = false
				continue
			case "/":
				continue
			}
			if t.Text == "," && !head && k+1 < len(toks) {
				if j, ok := numAt[toks[k+1].Start]; ok && !seen[j] && len(words) > 0 {
					// `28 osnovnih, 7 srednjih šol`
					return borrow(s, toks, nums, j, lex, seen, f, words)
				}
			}
			if t.Text == "," && head && complement == 0 && k+2 < len(toks) && passiveParticiple.MatchString(toks[k+1].Text) &&
				placePrep[strings.ToLower(toks[k+2].Text)] {
				// `604 osebe, vključene v Aktivnosti za …`: a participle
				// after the noun restricts it
				continue
			}
			break
		}
		if j, ok := numAt[t.Start]; ok {
			if !head && prevCoord && len(words) > 0 && !seen[j] && nums[j].quantity() {
				return borrow(s, toks, nums, j, lex, seen, f, words[:len(words)-1])
			}
			break
		}
		if clauseWords[lt] {
			break
		}
		if coordWords[lt] || lt == "in/ali" {
			if head {
				// `100 organizacij in institucij`: a second noun of the same phrase
				if k+1 < len(toks) && !toks[k+1].Punct {
					if _, ok := lex.Lookup(toks[k+1].Text); ok {
						words = append(words, t.Text)
						continue
					}
					// `z ohranjeno ali novo zaposlitvijo`: two adjectives of
					// one case and number, joined
					if len(words) > 0 && complement < 4 && agree(words[len(words)-1], toks[k+1].Text) && !hasLexiconWord(words[len(words)-1], lex) {
						if _, isNum := numAt[toks[k+1].Start]; !isNum {
							words = append(words, t.Text)
							complement++
							continue
						}
					}
				}
				break
			}
			prevCoord = true
			genHead = false // `vodnikov in mentorjev`: two nouns, one counted
			words = append(words, t.Text)
			continue
		}
		prevCoord = false
		if !head {
			if u, ok := lex.Lookup(t.Text); ok {
				head = true
				f.Unit = u
				if genHead {
					// `46 spominov starejših krajanov`, `9 čebelnjakov
					// naših članov`: the noun before heads the phrase, the
					// genitive after it modifies it and is not what is
					// counted
					f.Unit, f.Confidence = letopis.UnitOther, 0.6
				}
				words = append(words, t.Text)
				continue
			}
			genHead = genHead || genitiveHead(t.Text, words)
			if prepositions[lt] && len(words) > 0 && !n.Word {
				// `20 kompletov opreme za mlade gasilce`, `48 hidrantov v
				// vasi`: the noun after a preposition is not what is
				// counted; the phrase before it is
				head = true
				if f.Unit == "" {
					f.Unit = letopis.UnitOther
				}
				complement++
				words = append(words, t.Text)
				continue
			}
			words = append(words, t.Text)
			if len(words) > 6 {
				break
			}
			continue
		}
		// a quoted name goes in whole (Aktivnosti za »Razvoj kompetenc«)
		if complement >= 5 && !(quoted && complement < 12) {
			break
		}
		complement++
		words = append(words, t.Text)
	}
	if label := kvLabel(s, n); label != "" && (len(words) == 0 || !head && len(words) <= 1) {
		// `Število razdeljenih paketov hrane: 1.240`, `Razdeljena oblačila: 6.820 kg`
		f.Indicator = strings.ToLower(label)
		if len(words) == 1 {
			f.Indicator += " (" + strings.ToLower(words[0]) + ")"
		}
		f.Unit, f.Confidence = labelUnit(label, lex), 0.8
		if n.Unit != "" {
			f.Unit = n.Unit
		}
		return f, true
	}
	if len(words) == 0 {
		// `udeležencev: 45`, `Udeležencev je bilo 138`, `Pionirjev je bilo
		// 24, mladincev 28`: the counted noun before the number
		if w := nounBefore(s, toks, nums, i, lex); w != "" && n.Unit == "" {
			u, _ := lex.Lookup(w)
			f.Unit, f.Indicator, f.Confidence = u, strings.ToLower(w), 0.7
			return f, true
		}
		if m := countedBefore.FindStringSubmatch(s[:n.QStart]); m != nil && n.Unit == "" {
			// `Markacistov je 13`: a noun of the genitive plural opens the
			// clause, the number is how many there are
			f.Unit, f.Indicator, f.Confidence = letopis.UnitOther, strings.ToLower(m[1]), 0.6
			return f, true
		}
		if n.Unit != "" {
			// an amount or a share with its own sign and nothing after it
			// counts what its clause is about: `Celotni prihodki zavoda so
			// znašali 203.418,62 EUR, odhodki pa 199.876,15 EUR`
			f.Indicator = strings.ToLower(strings.TrimLeft(strings.TrimSpace(s[n.End:n.UnitEnd]), "-"))
			if subj := clauseSubject(s[:n.QStart]); subj != "" {
				f.Indicator = strings.ToLower(subj) + " (" + f.Indicator + ")"
			}
			f.Confidence = 0.6
			return f, true
		}
		return f, false
	}
	// trailing coordinators and prepositions are not part of the phrase
	for len(words) > 0 {
		lw := strings.ToLower(words[len(words)-1])
		if coordWords[lw] || prepositions[lw] {
			words = words[:len(words)-1]
			continue
		}
		break
	}
	if !head {
		f.Unit = letopis.UnitOther
		f.Confidence = 0.6
		if len(words) > 4 {
			words = words[:4]
		}
	}
	f.Indicator = strings.Join(words, " ")
	if n.Unit != "" {
		f.Indicator = strings.TrimLeft(strings.TrimSpace(s[n.End:n.UnitEnd]), "-") + " " + f.Indicator
	}
	f.Indicator = strings.ToLower(strings.TrimSpace(f.Indicator))
	return f, len(words) > 0 || n.Unit != ""
}

// kvLabel returns the label of a value that follows it after a colon
// (`Število družin: 463`): the words from the start of the sentence to
// the colon, when they are few and hold no other number; "" otherwise.
func kvLabel(s string, n num) string {
	before := strings.TrimRight(s[:n.QStart], " ")
	if !strings.HasSuffix(before, ":") {
		return ""
	}
	label := strings.TrimSpace(strings.TrimSuffix(before, ":"))
	if k := strings.LastIndexAny(label, ".;:"); k >= 0 {
		label = strings.TrimSpace(label[k+1:])
	}
	if w := len(strings.Fields(label)); w == 0 || w > 12 || strings.ContainsAny(label, "0123456789") {
		return ""
	}
	return label
}

// labelUnit is the unit of a label's counted noun (`Število razdeljenih
// paketov`, `Delež družin` → percent), other if it names none.
func labelUnit(label string, lex *units.Lexicon) letopis.Unit {
	return tableUnit("", "", label, lex)
}

// clauseSubject returns the words that open the clause ending at the
// end of s (after the last comma, semicolon, colon or dash, or from the
// sentence's start), up to the first verb, preposition or number: what the
// clause is about (`Celotni prihodki zavoda`, `odhodki`); "" if it opens
// with none.
func clauseSubject(s string) string {
	if k := strings.LastIndexAny(s, ",;:–—("); k >= 0 {
		s = s[k+1:]
	}
	var out []string
	for _, w := range strings.Fields(s) {
		core := strings.Trim(w, "»«\"„“”.")
		lw := strings.ToLower(core)
		if core == "" || hasDigit(core) || clauseWords[lw] || prepositions[lw] || coordWords[lw] || verbLike(lw) || lw == "pa" || lw == "tudi" || lw == "še" {
			break
		}
		out = append(out, core)
		if len(out) == 3 {
			break
		}
	}
	return strings.Join(out, " ")
}

// phraseBefore returns the noun phrase that ends at the end of s, back
// to the verb, clause word or governing preposition before it
// (`zaključil s presežkom prihodkov nad odhodki` → `presežkom prihodkov
// nad odhodki`); "" if none.
func phraseBefore(s string) string {
	if k := strings.LastIndexAny(s, ",;:–—("); k >= 0 {
		s = s[k+1:]
	}
	ws := strings.Fields(s)
	var out []string
	for j := len(ws) - 1; j >= 0 && len(out) < 5; j-- {
		core := strings.Trim(ws[j], "»«\"„“”.")
		lw := strings.ToLower(core)
		if core == "" || hasDigit(core) || clauseWords[lw] || coordWords[lw] || verbLike(lw) || governing[lw] || lw == "sicer" || lw == "tudi" || lw == "še" {
			break
		}
		out = append([]string{core}, out...)
	}
	for len(out) > 0 && prepositions[strings.ToLower(out[0])] {
		out = out[1:]
	}
	return strings.Join(out, " ")
}

// governing prepositions open a phrase that an amount introduced by `v
// višini` does not reach back over.
var governing = map[string]bool{"s": true, "z": true, "za": true, "v": true, "na": true, "pri": true, "po": true, "od": true, "do": true, "iz": true, "k": true, "h": true, "o": true}

// verbLike reports whether a word looks like a finite verb or an
// l-participle of a clause (znašali, je, so, smo, prejeli, namenili).
func verbLike(w string) bool {
	if clauseWords[w] {
		return true
	}
	for _, e := range []string{"li", "la", "lo", "le", "l"} {
		if strings.HasSuffix(w, e) && len(w) > 4 && !strings.HasSuffix(w, "eli") || strings.HasSuffix(w, "ali") || strings.HasSuffix(w, "ili") {
			return true
		}
	}
	return false
}

// agree reports whether two lower-case words end alike, as two
// adjectives of one case and number do (ohranjeno ali novo, novih in
// starih).
func agree(a, b string) bool {
	if a == "" || b == "" || !unicode.IsLower(firstRune(a)) || !unicode.IsLower(firstRune(b)) || len(a) < 3 || len(b) < 3 {
		return false
	}
	ra, rb := []rune(a), []rune(b)
	if len(ra) >= 2 && len(rb) >= 2 && ra[len(ra)-2] == rb[len(rb)-2] && ra[len(ra)-1] == rb[len(rb)-1] {
		return true
	}
	return ra[len(ra)-1] == rb[len(rb)-1] && strings.ContainsRune("oaei", ra[len(ra)-1])
}

// nounBefore returns the counted noun that a number with nothing after it
// counts, looking back over the verb and the words of a clause (`Udeležencev
// je bilo 138`, `Največ članov je iz Zgornje Dobrave, 375 od skupno 642`):
// the nearest noun of the lexicon within ten words, not past a number that
// counts something of its own or a sentence mark; "" if none.
func nounBefore(s string, toks []tok, nums []num, i int, lex *units.Lexicon) string {
	n := nums[i]
	k := len(toks) - 1
	for k >= 0 && toks[k].Start >= n.QStart {
		k--
	}
	numAt := map[int]bool{}
	for j, m := range nums {
		if j != i {
			numAt[m.Start] = true
		}
	}
	for steps := 0; k >= 0 && steps < 10; k, steps = k-1, steps+1 {
		t := toks[k]
		if t.Punct {
			if strings.ContainsAny(t.Text, ".;:!?()") {
				return ""
			}
			continue
		}
		if numAt[t.Start] {
			if !skippable(s, t.Start, n.QStart) && !yearPhrase(s, t) {
				return ""
			}
			continue
		}
		if _, ok := lex.Lookup(t.Text); ok {
			return t.Text
		}
	}
	return ""
}

// yearPhrase reports whether a number token is the year of a phrase of
// time (`v letu 2022`, `leta 2022`) that a sentence puts between a noun and
// its number (`Individualnih svetovanj je bilo v letu 2022 kar 104`).
func yearPhrase(s string, t tok) bool {
	if len(t.Text) != 4 || !isDigits(t.Text) || t.Text < "1900" || t.Text > "2100" {
		return false
	}
	w := strings.ToLower(wordBefore(s, t.Start))
	return w == "letu" || w == "leta" || w == "leto"
}

// skippable reports whether a number at i before the number at j is part
// of the same statement (`375 od skupno 642`): only the part's unit and
// `od skupno`, `od`, `izmed` stand between them.
func skippable(s string, i, j int) bool {
	between := strings.Fields(s[i:j])
	if len(between) > 2 && (strings.EqualFold(between[1], "eur") || between[1] == "€" || between[1] == "%") {
		// the unit of the part: `11.200 EUR od skupno 58.400 EUR`
		between = between[1:]
	}
	if len(between) < 2 {
		return false
	}
	rest := strings.ToLower(strings.Join(between[1:], " "))
	return rest == "od skupno" || rest == "od" || rest == "izmed" || rest == "od vseh"
}

// borrow completes an elliptic phrase (`28 osnovnih in 7 srednjih šol`)
// with the counted noun of the number j that follows it.
func borrow(s string, toks []tok, nums []num, j int, lex *units.Lexicon, seen map[int]bool, f rawFact, words []string) (rawFact, bool) {
	g, ok := nounPhrase(s, toks, nums, j, lex, seen)
	delete(seen, j)
	if !ok {
		return f, false
	}
	f.Unit = g.Unit
	gw := strings.Fields(g.Indicator)
	// the noun is the first lexicon word of the other phrase
	noun := ""
	for _, w := range gw {
		if _, ok := lex.Lookup(w); ok {
			noun = w
			break
		}
	}
	if noun == "" && len(gw) > 0 {
		noun = gw[len(gw)-1]
	}
	f.Indicator = strings.ToLower(strings.TrimSpace(strings.Join(words, " ") + " " + noun))
	f.Confidence = g.Confidence - 0.05
	return f, true
}

// placeBefore returns the place named right before a part of a whole
// (`v Lokvah 61 od skupno 163`, `iz Zgornje Dobrave, 375 od skupno 642`):
// a preposition of place and capitalised words, "" if none ends the text.
func placeBefore(s string) string {
	f := strings.Fields(strings.TrimRight(strings.TrimSpace(s), ","))
	k := len(f) - 1
	if k < 0 || !unicode.IsUpper(firstRune(strings.Trim(f[k], ",.;:()"))) {
		return ""
	}
	// back over the name's words (`Osnovne šole Podgrad`) to its
	// preposition, the name opening with a capital
	for k >= 0 && len(f)-k <= 6 && !placePrep[strings.ToLower(f[k])] && (k == len(f)-1 || !strings.ContainsAny(f[k], ",.;:()")) {
		k--
	}
	if k < 0 || k == len(f)-1 || !placePrep[strings.ToLower(f[k])] || !unicode.IsUpper(firstRune(f[k+1])) {
		return ""
	}
	return strings.Trim(strings.Join(f[k:], " "), ",.;:")
}

// placeAfter returns the place named right after a part of a whole (`v
// Žalcu`, `iz Mestne občine Ptuj`, `na Vrhniki`, `iz sosednje občine
// Vrhpolje`): a preposition of place and the capitalised words after it,
// with up to two lower-case words before them, up to a comma or a clause;
// "" if none follows.
func placeAfter(s string) string {
	f := strings.Fields(s)
	if len(f) < 2 || !placePrep[f[0]] {
		return ""
	}
	if len(f) > 2 && strings.HasPrefix(f[1], "naš") && partyWords(f[2]) {
		// `od tega 18 iz naše knjižnice`: the reporting organisation
		return f[0] + " " + f[1] + " " + strings.TrimRight(f[2], ",.;:)")
	}
	var name []string
	for _, w := range f[1:] {
		core := strings.TrimRight(w, ",.;:)")
		if core == "" || !unicode.IsUpper(firstRune(core)) && !(len(name) > 0 && prepositions[core] || unicode.IsLower(firstRune(core)) && len(name) < 2) {
			break
		}
		name = append(name, core)
		if core != w {
			break // a comma or a full stop ends the name
		}
	}
	for len(name) > 0 && !unicode.IsUpper(firstRune(name[len(name)-1])) {
		name = name[:len(name)-1]
	}
	if len(name) == 0 {
		return ""
	}
	return f[0] + " " + strings.Join(name, " ")
}

// placePrep are the prepositions that name where a part of a whole was.
var placePrep = map[string]bool{"v": true, "na": true, "iz": true, "pri": true, "za": true, "z": true, "s": true}

// placeName turns the owner of a share into a name: `v Velenju` →
// `Velenje`, `Društvo NOVUS` as is.
func placeName(s string) string {
	s = clean(strings.Trim(s, " –-:()"))
	for _, p := range []string{"v ", "na ", "V ", "iz ", "pri ", "za "} {
		if r, ok := strings.CutPrefix(s, p); ok {
			s = r
			if strings.HasPrefix(s, "naš") {
				// iz naše knjižnice → naša knjižnica
				return nominative(s)
			}
			// locative of -je place names: Velenju → Velenje, Celju → Celje
			if strings.HasSuffix(s, "ju") {
				s = s[:len(s)-1] + "e"
			}
			break
		}
	}
	return s
}

// allotVerb says that an amount falls to or is meant for someone: `na
// Knjižnico X odpade`, `društvu je namenjenih`.
var allotVerb = regexp.MustCompile(`(?i)(?:^|[^\pL])(odpade|odpadlo|odpadejo|pripade|pripadlo|namenjen\pL*)(?:$|[^\pL])`)

// auxWords stand between an allotment's owner and its verb.
var auxWords = map[string]bool{"je": true, "so": true, "bo": true, "bodo": true, "bilo": true, "bila": true, "bil": true, "pa": true, "tudi": true, "še": true, "skupaj": true}

// allottedTo returns the partner that the amount after between is
// allotted to, between being the text from the whole before it and after
// the text that follows the amount: the words before a verb of allotment
// (`na Knjižnico X odpade`, `našemu društvu namenjenih`, `za društvo je
// namenjenih`) or after it (`odpade 38.600 EUR na Knjižnico X`), in the
// nominative; "" if the clause allots nothing or names no partner.
func allottedTo(between, after string) string {
	c := clauseOf(between)
	m := allotVerb.FindStringSubmatchIndex(c)
	if m == nil || strings.TrimSpace(c[m[3]:]) != "" {
		return ""
	}
	// the last run of words before the verb that is no auxiliary
	var seg, run []string
	for _, w := range strings.Fields(c[:m[2]]) {
		if auxWords[strings.ToLower(w)] {
			if len(run) > 0 {
				seg, run = run, nil
			}
			continue
		}
		run = append(run, w)
	}
	if len(run) > 0 {
		seg = run
	}
	if len(seg) == 0 {
		// the partner after the amount: `… odpade 38.600 EUR na Knjižnico X`
		for _, w := range strings.Fields(after) {
			core := strings.TrimRight(w, ",.;:)")
			seg = append(seg, core)
			if core != w || len(seg) == 5 {
				break
			}
		}
	}
	owner := strings.Join(seg, " ")
	if !partyWords(owner) {
		return ""
	}
	return ownerName(owner)
}

// partyWords reports whether a phrase names an organisation: a head noun
// of an organisation's name (društvo, zavod, knjižnica), the possessive
// naš, or an abbreviation in capitals (KUD, PGD).
func partyWords(s string) bool {
	for _, w := range strings.Fields(s) {
		lw := strings.ToLower(strings.Trim(w, ",.;:()"))
		if strings.HasPrefix(lw, "naš") || len(w) >= 2 && isUpperText(w) && !hasDigit(w) {
			return true
		}
		for _, h := range heads {
			if lw == h.nom || slices.Contains(h.forms, lw) {
				return true
			}
		}
	}
	return false
}

// ownerName turns the owner of a share into a name in the nominative:
// `na Knjižnico Zelenbreg` → `Knjižnica Zelenbreg`, `našemu društvu` →
// `naše društvo`.
func ownerName(s string) string {
	f := strings.Fields(s)
	if len(f) > 1 && (governing[strings.ToLower(f[0])]) {
		f = f[1:]
	}
	return nominative(strings.Join(f, " "))
}

// genitiveHead reports whether w, after the words before it in a
// counted phrase, is its head noun in the genitive plural (spominov,
// čebelnjakov, panjev): a lower-case word ending in -ov or -ev, the words
// before it, back to a conjunction, adjectives of the genitive plural
// (starejših).
func genitiveHead(w string, before []string) bool {
	if w == "" || !unicode.IsLower(firstRune(w)) || utf8.RuneCountInString(w) < 5 || !strings.HasSuffix(w, "ov") && !strings.HasSuffix(w, "ev") {
		return false
	}
	for k := len(before) - 1; k >= 0; k-- {
		b := strings.ToLower(before[k])
		if coordWords[b] {
			break // `spominkov in izdelkov lokalnih ponudnikov`
		}
		if !strings.HasSuffix(b, "ih") {
			return false
		}
	}
	return true
}

// byPronoun reports whether a number counts by a pronoun beside it what a
// number before it counts (`se jih je 10 preselilo`, `12 jih je dobilo
// zaposlitev`, `sedem pa se jih je vključilo`, `med njimi na petih`): jih,
// njimi or njih among the four words of its clause before it or the three
// after it.
func byPronoun(s string, n num) bool {
	bw := strings.Fields(clauseOf(s[:n.QStart]))
	after := s[n.UnitEnd:]
	if k := strings.IndexAny(after, ",;:.()"); k >= 0 {
		after = after[:k]
	}
	aw := strings.Fields(after)
	if len(bw) > 4 {
		bw = bw[len(bw)-4:]
	}
	if len(aw) > 3 {
		aw = aw[:3]
	}
	for _, w := range append(bw, aw...) {
		switch strings.ToLower(w) {
		case "jih", "njimi", "njih":
			return true
		}
	}
	return false
}

// listed reports whether number b goes on a list after number a with the
// noun left out: it opens the clause after a comma (`…, pet k sorodnikom,
// dve pa v drug program`) and a preposition or a clause word follows it.
func listed(s string, a, b num, toks []tok) bool {
	between := s[a.UnitEnd:b.QStart]
	if !strings.Contains(between, ",") || strings.TrimSpace(clauseOf(between)) != "" {
		return false
	}
	next := strings.Fields(s[b.UnitEnd:])
	return len(next) == 0 || clauseWords[strings.ToLower(next[0])] || prepositions[strings.ToLower(next[0])] || !b.Word && !wordCount(s, b, toks)
}

// clauseWordsAfter returns up to four words of the clause after a number,
// without the words that only join it (pa, se, jih, je).
func clauseWordsAfter(s string, n num) []string {
	after := s[n.UnitEnd:]
	if k := strings.IndexAny(after, ",;:.()"); k >= 0 {
		after = after[:k]
	}
	var out []string
	for _, w := range strings.Fields(after) {
		lw := strings.ToLower(w)
		if lw == "pa" || lw == "se" || lw == "jih" || lw == "je" || lw == "so" {
			continue
		}
		out = append(out, lw)
		if len(out) == 4 {
			break
		}
	}
	return out
}

// nounAfter reports whether a word that may be a noun or an adjective
// follows a number, rather than a verb (`10 preselilo`), a preposition
// (`pet k sorodnikom`), a word of the clause (`dve pa`), the pronoun or the
// end of the clause.
func nounAfter(s string, n num) bool {
	f := strings.Fields(s[n.UnitEnd:])
	if len(f) == 0 {
		return false
	}
	w := strings.TrimRight(strings.ToLower(f[0]), ",.;:!?)")
	if w == "" || !unicode.IsLetter(firstRune(w)) {
		return false
	}
	return !prepositions[w] && !clauseWords[w] && !verbLike(w) && w != "jih" && w != "med"
}

// nounBeforePronoun reports whether a counted noun stands right before the
// pronoun of a part (`tujih gostov med njimi 1.498`): the part counts it.
func nounBeforePronoun(s string, n num, lex *units.Lexicon) bool {
	ws := strings.Fields(clauseOf(s[:n.QStart]))
	for k := len(ws) - 1; k > 0; k-- {
		switch strings.ToLower(ws[k]) {
		case "jih", "njimi", "njih":
			prev := ws[k-1]
			if (strings.EqualFold(prev, "med") || strings.EqualFold(prev, "izmed")) && k > 1 {
				prev = ws[k-2]
			}
			_, ok := lex.Lookup(prev)
			return ok
		}
	}
	return false
}

// namesParty reports whether the owner of a share names a partner or a
// place: a word in capitals or a name's head (partyWords).
func namesParty(s string) bool {
	for _, w := range strings.Fields(s) {
		if unicode.IsUpper(firstRune(w)) {
			return true
		}
	}
	return partyWords(s)
}

// headWord returns the counted noun of an indicator: its first lexicon
// word, else its last word.
func headWord(indicator string, lex *units.Lexicon) string {
	if w := firstLexiconWord(indicator, lex); w != "" {
		return w
	}
	if ws := strings.Fields(indicator); len(ws) > 0 {
		return ws[len(ws)-1]
	}
	return ""
}

func orQualifier(q letopis.Qualifier) letopis.Qualifier {
	if q == "" {
		return letopis.Exact
	}
	return q
}

// notAdjective are words ending like adjectives before a number that are
// adverbs, auxiliaries or qualifiers.
var notAdjective = map[string]bool{"bilo": true, "bila": true, "bili": true, "skupno": true, "približno": true, "letos": true, "tudi": true,
	"še": true, "že": true, "kar": true, "vsaj": true, "največ": true, "najmanj": true, "okoli": true, "okrog": true, "preko": true,
	"čez": true, "manj": true, "več": true, "sicer": true, "dobro": true, "skoraj": true, "natanko": true, "točno": true, "samo": true, "le": true}

// gapped returns the adjective before a number whose noun is left out
// because the count before it names it (`srebrno 8 in bronasto 3`): a
// lower-case word ending as an adjective does, right before the number,
// and nothing after the number but the end of its clause or a
// conjunction; "" if the number is not such.
func gapped(s string, n num) string {
	w := wordBefore(s, n.QStart)
	lw := strings.ToLower(w)
	if w == "" || !unicode.IsLower(firstRune(w)) || utf8.RuneCountInString(w) < 4 || notAdjective[lw] || notParticiple[lw] ||
		clauseWords[lw] || prepositions[lw] || coordWords[lw] || verbLike(lw) || !strings.ContainsAny(lw[len(lw)-1:], "oaei") && !strings.HasSuffix(lw, "ih") {
		return ""
	}
	after := strings.TrimSpace(s[n.UnitEnd:])
	f := strings.Fields(after)
	if after == "" || strings.ContainsAny(after[:1], ",.;") || len(f) > 0 && (f[0] == "in" || f[0] == "ter") {
		return w
	}
	return ""
}
