package transform

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/letopis/letopis"
)

var leadType = regexp.MustCompile(`(?i)^(?:projekt[ia]?|prijekt[ia]?|projek[ti]|program|operacija)\s+`)

// openActivity starts the activity whose heading is g: its title, and what
// the paragraphs right after the heading (its introduction) state about
// its period, lead partner, partners and funders.
func (r *reader) openActivity(items []item, groups []group, gi int, intro map[int]bool) {
	g := groups[gi]
	groupAt := map[int]int{}
	for k, x := range groups {
		groupAt[x.first] = k
	}
	// the introduction: the paragraphs after the heading (and its
	// subtitles and generic headings), up to the first box, list, table or
	// section; a paragraph that starts in lower case continues the one
	// before it (a sentence split by the layout)
	var introText []string
	for j := g.last + 1; j < len(items) && len(introText) < 4; j++ {
		if k, ok := groupAt[j]; ok {
			if x := groups[k]; x.role == roleSubtitle || x.role == roleGeneric {
				j = x.last
				continue
			}
			break
		}
		b := items[j].b
		if b.Kind != letopis.BlockParagraph {
			break
		}
		intro[j] = true
		t := clean(b.Text())
		if len(introText) > 0 && unicode.IsLower(firstRune(t)) {
			introText[len(introText)-1] += " " + t
			continue
		}
		introText = append(introText, t)
	}
	raw := clean(g.text)
	prose := strings.Join(introText, " ")
	// a period in the heading, `Projekt »X« (1. 3. 2021–28. 2. 2023)`, is
	// the activity's and no part of its title
	headPeriod := letopis.Period{}
	for _, pm := range findPeriods(raw) {
		if k := strings.LastIndex(raw[:pm.Start], "("); k >= 0 && !strings.Contains(raw[k:pm.Start], ")") {
			if e := strings.Index(raw[pm.End:], ")"); e >= 0 {
				headPeriod = pm.Period
				raw = clean(raw[:k] + raw[pm.End+e+1:])
				break
			}
		}
	}
	title := titleText(raw)
	// a relative clause of the heading says who funded it, not what it is
	var headFunders []string
	if k := strings.Index(strings.ToLower(title), ", ki "); k > 0 {
		for _, f := range funders(title[k:]) {
			headFunders = append(headFunders, nameCase(f))
		}
		title = title[:k]
	}
	// `Projekt X` is X; `Projekt sodelovanja X` (a project of a kind) keeps
	// its word
	if t := leadType.ReplaceAllString(title, ""); t != "" && len(letters(t)) > 2 && !prepositions[strings.ToLower(strings.Fields(t)[0])] &&
		!(unicode.IsLower(firstRune(t)) && unicode.IsUpper(firstRune(title))) {
		title = t
	}
	title = recase(title, prose, r.forms)
	// a name quoted in the introduction that is most of the title, and
	// leaves out only what the key leaves out (a funder's code: KRVS), is
	// the title as the report writes it in prose; one that starts with the
	// whole title completes it
	for _, q := range quoteSpans(prose) {
		name := clean(prose[q[0]:q[1]])
		ln, lt := letters(name), letters(title)
		if ln != "" && (strings.Contains(lt, ln) && len(ln)*10 >= len(lt)*6 && ActivityKey(name) == ActivityKey(title) || strings.HasPrefix(ln, lt) && len(lt) >= 6) {
			title = name
			break
		}
	}
	a := letopis.Activity{Title: title, Key: ActivityKey(title), Location: letopis.Location{Page: items[g.first].b.Page, BBox: items[g.first].b.BBox}}
	a.Period = headPeriod
	if a.Period.IsZero() {
		a.Period = r.introPeriod(prose)
	}
	if a.Period.IsZero() {
		a.Period = r.eventDay(prose, title)
	}
	a.LeadPartner, a.Partners = parties(prose)
	for i, p := range a.Partners {
		a.Partners[i] = nominative(p)
	}
	a.LeadPartner = nominative(a.LeadPartner)
	a.Funders = append(headFunders, funders(prose)...)
	a.Funders = dedupe(a.Funders)
	// an activity a table named before its heading (a table of the
	// projects, one a row): the heading goes on with it
	for i := range r.rep.Activities {
		if x := &r.rep.Activities[i]; x.Key == a.Key {
			x.Title, x.Location = a.Title, a.Location
			fillActivity(x, a)
			r.act = i
			return
		}
	}
	r.rep.Activities = append(r.rep.Activities, a)
	r.act = len(r.rep.Activities) - 1
}

// sectionParties completes each activity's lead partner, partners and
// funders from the whole of its section, where its introduction did not
// name them (`Letovanje so sofinancirale Občina Žalec, …` three paragraphs
// down).
func (r *reader) sectionParties() {
	for i := range r.rep.Activities {
		a := &r.rep.Activities[i]
		text := strings.Join(r.body[i], " ")
		if text == "" {
			continue
		}
		lead, partners := parties(text)
		if a.LeadPartner == "" && lead != "" {
			a.LeadPartner = nominative(lead)
		}
		for _, p := range partners {
			if p = nominative(p); letters(p) != letters(a.LeadPartner) {
				a.Partners = append(a.Partners, p)
			}
		}
		a.Partners = dedupe(a.Partners)
		a.Funders = dedupe(append(a.Funders, funders(text)...))
	}
}

// nameCase gives a name written in capitals the case of a name: each word
// capitalised but the short function words (MESTNA OBČINA VELENJE →
// Mestna Občina Velenje).
func nameCase(s string) string {
	if !isUpperText(s) {
		return s
	}
	words := strings.Fields(strings.ToLower(s))
	for i, w := range words {
		if i == 0 || !(prepositions[w] || coordWords[w]) {
			words[i] = upperFirst(w)
		}
	}
	return strings.Join(words, " ")
}

// recase gives an upper-case heading the casing of the prose: each word as
// the activity's introduction writes it, else as the rest of the document
// does (docForms, see wordForms), else lower case; the first word
// capitalised.
func recase(title, prose string, docForms map[string]string) string {
	if !isUpperText(title) {
		return title
	}
	forms := map[string]string{}
	for _, w := range strings.Fields(prose) {
		w = strings.Trim(w, "»«\"„“”,.;:()")
		lw := strings.ToLower(w)
		if _, ok := forms[lw]; !ok && w != "" {
			forms[lw] = w
		}
	}
	words := strings.Fields(title)
	for i, w := range words {
		core := strings.Trim(w, "»«\"„“”,.;:()")
		rep := strings.ToLower(core)
		if f, ok := forms[strings.ToLower(core)]; ok {
			rep = f
		} else if f, ok := docForms[strings.ToLower(core)]; ok {
			rep = f
		} else if prepositions[rep] || coordWords[rep] {
			// a function word stays lower case
		} else if len([]rune(core)) <= 4 && isUpperText(core) {
			rep = core // an acronym: NVO, SAŠA
		}
		words[i] = strings.Replace(w, core, rep, 1)
	}
	out := strings.Join(words, " ")
	rs := []rune(out)
	for i, c := range rs {
		if unicode.IsLetter(c) {
			rs[i] = unicode.ToUpper(c)
			break
		}
	}
	return string(rs)
}

// introPeriod returns the activity's own period from its introduction: the
// first period with both ends stated outside quoted names that is longer
// than a day (a single day is an event of the activity), is not just the
// report year and is not the years of birth of those it serves (otroci,
// rojeni v letih 2015–2017); periods listed right after it (`od 4. do 11.
// julija in od 18. do 25. julija 2022`) extend it.
func (r *reader) introPeriod(prose string) letopis.Period {
	quotes := quoteSpans(prose)
	pms := findPeriods(prose)
	for k, pm := range pms {
		if inSpans(quotes, pm.Start) {
			continue
		}
		p := pm.Period
		if p.Start.IsZero() || p.End.IsZero() || p == r.year || p.Start == p.End || bornIn(prose[:pm.Start]) {
			continue
		}
		// a time wholly before the report's year (an agreement "iz leta
		// 2017", a newspaper "iz let 1958–1975") or after it (a plan) is
		// not when the activity ran in the year reported
		if !r.year.Start.IsZero() && (p.End.Before(r.year.Start) || r.year.End.Before(p.Start)) {
			continue
		}
		end := pm.End
		for _, next := range pms[k+1:] {
			gap := strings.TrimSpace(prose[end:next.Start])
			if gap != "in" && gap != "ter" && gap != "," || next.Period.End.IsZero() || next.Period.End.Before(p.End) {
				break
			}
			p.End, end = next.Period.End, next.End
		}
		return p
	}
	return letopis.Period{}
}

// eventDay reads the day of an activity that is one event: the first two
// sentences of its introduction, one of them opening with the activity's
// title and stating one date of the report's year (`Na Dan odprtih
// čebelnjakov, 26. maja 2024, je …`, `Zajtrk … je bil 15. novembra 2024`).
func (r *reader) eventDay(prose, title string) letopis.Period {
	ft := fold(title)
	if len(strings.Fields(ft)) < 2 {
		return letopis.Period{}
	}
	ss := sentences(prose)
	for _, s := range ss[:min(2, len(ss))] {
		// the sentence opens with the title, or a preposition and the
		// title (a session of a year-long programme, `Občinski otroški
		// parlament je bil …`, names it with other words first)
		fs := fold(s)
		if f := strings.Fields(fs); len(f) > 0 && prepositions[f[0]] {
			fs = strings.TrimSpace(strings.TrimPrefix(fs, f[0]))
		}
		if !strings.HasPrefix(fs, ft) {
			continue
		}
		var day letopis.Period
		n := 0
		for _, pm := range findPeriods(s) {
			if p := pm.Period; !p.Start.IsZero() && p.Start == p.End {
				day = p
				n++
			} else {
				n += 2 // a range or a year: not one day
			}
		}
		if n == 1 && (r.year.Start.IsZero() || day.Start.Year == r.year.Start.Year) {
			return day
		}
	}
	return letopis.Period{}
}

// bornIn reports whether the text before a period says it is a time of
// birth (rojeni v letih, letniki).
func bornIn(before string) bool {
	f := strings.Fields(strings.ToLower(before))
	for i := len(f) - 1; i >= 0 && i >= len(f)-3; i-- {
		if strings.HasPrefix(f[i], "rojen") || strings.HasPrefix(f[i], "letnik") || strings.HasPrefix(f[i], "rojstv") {
			return true
		}
	}
	return false
}

var (
	leadMark  = regexp.MustCompile(`\((?:vodilni partner|nosilec|prijavitelj)\)`)
	leadAfter = regexp.MustCompile(`(?i)(?:vodiln[ia] partner(?:ica)?|nosil(?:ec|ka)|prijavitelj(?:ica)?|koordinator(?:ica)?|(?:glavni\s+)?organizator(?:ica)?)(?:(?:\s+\pL+)?\s+(?:je\s+(?:bil[aio]?\s+)?|so\s+|:\s*)|\s*:\s*)((?:[^,;.·]|\.\S)+(?:d\.\s?o\.\s?o\.)?(?:[^,;.·]|\.\S)*)`)
	// leadVerb names the organisation that leads an activity as the subject
	// of vodi: `Projekt vodi Zavod za zaposlovanje`; leadRel names it in a
	// relative clause: `…, ki ga na državni ravni vodi Zveza društev …`.
	// leadAppos names the lead in apposition: `Vodilni partner, Zavod X, je …`
	leadAppos  = regexp.MustCompile(`(?i:vodiln[ia] partner(?:ica)?|nosil(?:ec|ka)|koordinator(?:ica)?),\s+(\p{Lu}[^,;.·]*),`)
	leadVerb   = regexp.MustCompile(`^(?:Projekt|Program|Operacijo|Akcijo|Pobudo|Kampanjo|Izmenjavo)\s+(?:[^\s,;.]+\s+){0,10}?(?:vodi|koordinira|vodita|vodijo|organizira|organizirajo)\s+(\p{Lu}[^,;.·]*)`)
	leadRel    = regexp.MustCompile(`\bki\s+(?:ga|jo|ju|jih)\s+(?:\p{Ll}+\s+){0,4}?(?:vodi|vodijo|koordinira|koordinirajo|organizira|organizirajo)\s+(\p{Lu}[^,;.·]*)`)
	inPartner  = regexp.MustCompile(`(?:izvaja(?:mo)?|izvajajo|izvaja(?:l[aoi]?)?)\s+(?:((?:[A-ZČŠŽ]|(?:društvo|zavod|zveza|fundacija|združenje|zadruga|inštitut|ustanova|klub|center|agencija|ljudska univerza)\s)[^,;]*?)\s+)?v partnerstvu (?:z|s)\s+(.+)$`)
	partnersRe = regexp.MustCompile(`(?i)(?:partnerji(?: projekta| operacije| v projektu)?(?: pa)? so(?: bili)?|partnerstvo sestavlja(?:jo|mo)?(?:\s+\S+)?(?:\s+strokovn\S*)?\s+organizacij\S*|partnerji:)\s+(.+)$`)
	funderRe   = regexp.MustCompile(`(?i)(?:so)?financira(?:jo|ta|l[aoie]?)?\s+|(?:so)?financiran[aoie]?\s+(?:s strani|iz sredstev|iz programa|iz)\s+|(?:so)?financer(?:ja|ji|ka|ke)?\s*:\s*|donator(?:ji|ja)?\s*:\s*|iz sredstev\s+|(?:finan[čc]no\s+)?podprl[aoie]?\s+|s (?:finan[čc]no )?podporo\s+|donator(?:ji|ja)? (?:so|je|sta)(?: bil[aio]?)?\s+`)
	// grantFrom names who a grant was received from: `smo od Javnega
	// sklada … prejeli 1.850,00 EUR`, `prejeli smo sredstva od Občine X`.
	grantFrom = regexp.MustCompile(`\bod\s+(\p{Lu}[^,;.]*?)\s+(?:prejel[aoie]?|prejeli|dobil[aoie]?|dobili)\b|\b(?:prejel[aoie]?|prejeli|dobil[aoie]?|dobili)\s+(?:\p{Ll}+\s+){0,4}?od\s+(\p{Lu}[^,;.]*)`)
	funderCut = regexp.MustCompile(`(?i)\s+(?:iz|v okviru|na podlagi|za obdobje|v obdobju|v letih|v letu)\s|\s+(?:že|od|do)\s|,\s*(?:zato|ki|kar|saj|in\s+sicer)\b|,\s*(?:\p{Ll}+\s+){1,3}(?:pa|so|je|smo)\s|\s+[sz]\s+\d|\s+v\s+(?:višini|znesku)\b|,\s*namenjen\pL*|[.;](?:\s|$)|\s*·\s*`)
	relVerb   = regexp.MustCompile(`(?i)^,?\s*ki\s+(?:\S+\s+){0,5}?(?:so)?financira\S*\s+`)
)

// parties reads the lead partner and the partners from an introduction.
func parties(prose string) (lead string, partners []string) {
	for _, s := range sentences(prose) {
		if m := leadMark.FindStringIndex(s); m != nil && lead == "" {
			lead = nameBefore(s[:m[0]])
		}
		if m := leadAfter.FindStringSubmatch(s); m != nil && lead == "" {
			lead = trimName(m[1])
		}
		if m := leadAppos.FindStringSubmatch(s); m != nil && lead == "" {
			lead = trimName(m[1])
		}
		for _, re := range []*regexp.Regexp{leadVerb, leadRel} {
			if m := re.FindStringSubmatch(s); m != nil && lead == "" && orgName(m[1]) {
				lead = trimName(cutAt(m[1]))
			}
		}
		if m := inPartner.FindStringSubmatch(s); m != nil {
			if lead == "" && m[1] != "" {
				lead = trimName(m[1])
			}
			if lead == "" {
				if k := strings.Index(s, " izvaja"); k > 0 {
					lead = nameBefore(s[:k])
				}
			}
			partners = append(partners, splitNames(cutAt(m[2]))...)
		} else if strings.Contains(s, "v partnerstvu z") || strings.Contains(s, "v partnerstvu s") {
			// `Društvo NOVUS izvaja v partnerstvu z …`
			k := strings.Index(s, "v partnerstvu ")
			before := strings.TrimSpace(s[:k])
			if lead == "" {
				if j := strings.LastIndex(before, " izvaja"); j > 0 {
					lead = nameBefore(before[:j])
				}
			}
			rest := s[k+len("v partnerstvu "):]
			if _, after, ok := strings.Cut(rest, " "); ok {
				partners = append(partners, splitNames(cutAt(after))...)
			}
		}
		if m := partnersRe.FindStringSubmatch(s); m != nil {
			partners = append(partners, splitNames(cutAt(m[1]))...)
		}
	}
	var out []string
	for _, p := range dedupe(partners) {
		if m := leadMark.FindStringIndex(p); m != nil {
			p = trimName(p[:m[0]] + p[m[1]:])
		}
		if p != lead && letters(p) != letters(lead) {
			out = append(out, p)
		}
	}
	return lead, out
}

// orgName reports whether a name is an organisation's (`Zveza društev
// upokojencev Slovenije`, `KUD Odmev`), not a person's.
func orgName(s string) bool {
	f := strings.Fields(s)
	if len(f) == 0 {
		return false
	}
	if orgStart.MatchString(s) || isUpperText(strings.Trim(f[0], ".,")) && len(f[0]) >= 2 {
		return true
	}
	for _, w := range f[:min(len(f), 3)] {
		if orgHead[strings.ToLower(w)] {
			return true
		}
		for _, h := range heads {
			if strings.EqualFold(w, h.nom) {
				return true
			}
		}
	}
	return false
}

// cutAt cuts a list of names where the clause that holds it ends; a full
// stop after an abbreviation (d.o.o.) or a Roman numeral (III.) does not
// end it.
func cutAt(s string) string {
	off := 0
	for off < len(s) {
		m := funderCut.FindStringIndex(s[off:])
		if m == nil {
			return s
		}
		a := off + m[0]
		if s[a] == '.' {
			w := s[:a]
			if k := strings.LastIndexAny(w, " ("); k >= 0 {
				w = w[k+1:]
			}
			if abbrev[strings.ToLower(w)] || isRomanWord(w) {
				off = a + 1
				continue
			}
		}
		return s[:a]
	}
	return s
}

// funders reads the financing bodies named after sofinancira, financira,
// sofinanciran s strani, iz sredstev.
func funders(prose string) []string {
	var out []string
	for _, s := range sentences(prose) {
		for _, m := range funderRe.FindAllStringIndex(s, -1) {
			rest := s[m[1]:]
			// `… sofinancirata Republika Slovenija in Evropska unija iz Evropskega socialnega sklada`
			fund := ""
			if k := strings.Index(rest, " iz "); k > 0 {
				tail := rest[k+4:]
				if c := funderCut.FindStringIndex(tail); c != nil {
					tail = tail[:c[0]]
				}
				if strings.Contains(fold(tail), "sklad") {
					fund = nominative(clean(tail))
				}
			}
			for _, n := range splitNames(cutAt(rest)) {
				out = append(out, nominative(n))
			}
			if fund != "" {
				out = append(out, fund)
			}
		}
		for _, m := range grantFrom.FindAllStringSubmatch(s, -1) {
			name := m[1] + m[2]
			for _, n := range splitNames(cutAt(name)) {
				out = append(out, nominative(n))
			}
		}
	}
	return dedupe(out)
}

// splitNames splits a list of organisations at commas and at in/ter where
// a capitalised name follows (Ministrstvo za delo, družino, socialne zadeve
// in enake možnosti stays whole), dropping lower-case role words before a
// name (predstavnik delodajalske organizacije Savinjsko-Šaleška …).
func splitNames(s string) []string {
	s = clean(s)
	var parts []string
	start := 0
	toks := tokenize(s)
	for i, t := range toks {
		if i+1 >= len(toks) {
			break
		}
		next := toks[i+1]
		cap := unicode.IsUpper(firstRune(next.Text))
		if t.Punct && t.Text == "," && (cap || roleThenName(s[next.Start:nextComma(s, next.Start)])) {
			parts = append(parts, s[start:t.Start])
			start = next.Start
		} else if !t.Punct && (t.Text == "in" || t.Text == "ter") && cap && i > 0 {
			parts = append(parts, s[start:t.Start])
			start = next.Start
		}
	}
	parts = append(parts, s[start:])
	var out []string
	for _, p := range parts {
		p = trimName(p)
		if p != "" && hasCapital(p) {
			out = append(out, p)
		}
	}
	return out
}

// roleThenName reports whether s is a few lower-case role words and then a
// name (`predstavnik delodajalske organizacije Savinjsko-Šaleška …`), not
// the rest of a name (`socialne zadeve in enake možnosti in Evropska …`).
func roleThenName(s string) bool {
	for i, w := range strings.Fields(s) {
		if unicode.IsUpper(firstRune(w)) {
			return i <= 4
		}
		if coordWords[w] {
			return false
		}
	}
	return false
}

func nextComma(s string, i int) int {
	if k := strings.IndexAny(s[i:], ",;"); k >= 0 {
		return i + k
	}
	return len(s)
}

func hasCapital(s string) bool {
	for _, r := range s {
		if unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

// trimName drops leading lower-case words (roles, `pa so bili`) and
// trailing punctuation from a name.
func trimName(s string) string {
	s = clean(s)
	for {
		f := strings.Fields(s)
		if len(f) == 0 || unicode.IsUpper(firstRune(f[0])) || unicode.IsDigit(firstRune(f[0])) {
			break
		}
		if len(f) > 1 && orgHead[f[0]] && unicode.IsUpper(firstRune(f[1])) {
			// `društvo Most`: the kind of organisation is part of its name
			s = upperFirst(s)
			break
		}
		s = strings.Join(f[1:], " ")
	}
	s = strings.Trim(s, " ,;:–-")
	// a parenthesised abbreviation stays; a dangling one goes
	if strings.Count(s, "(") != strings.Count(s, ")") {
		if k := strings.LastIndex(s, "("); k > 0 {
			s = strings.TrimSpace(s[:k])
		}
	}
	return s
}

// orgHead are the lower-case nouns that, right before a capitalised name,
// are part of an organisation's name (`društvo Most` is Društvo Most).
var orgHead = map[string]bool{"društvo": true, "zavod": true, "zveza": true, "fundacija": true,
	"združenje": true, "zadruga": true, "inštitut": true, "ustanova": true, "klub": true, "agencija": true}

// upperFirst upper-cases the first letter of s.
func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// nameBefore returns the organisation name that ends s: back from the end
// to the first capitalised word after the last comma, colon or verb.
func nameBefore(s string) string {
	s = strings.TrimSpace(s)
	if k := strings.LastIndexAny(s, ",:;«»"); k >= 0 {
		s = s[k+1:]
	}
	f := strings.Fields(s)
	cut := false
	// after the last word that announces a name
	for i := len(f) - 1; i >= 0; i-- {
		if nameCue[strings.ToLower(strings.Trim(f[i], ".,"))] {
			f = f[i+1:]
			cut = true
			break
		}
	}
	// the name starts at the first capitalised word that is not the
	// sentence's first word, or at the first word if it is all there is
	start := -1
	for i, w := range f {
		if unicode.IsUpper(firstRune(w)) && (i > 0 || len(f) == 1 || cut) {
			start = i
			break
		}
	}
	if start < 0 {
		if len(f) > 0 && unicode.IsUpper(firstRune(f[0])) {
			start = 0
		} else {
			return ""
		}
	}
	if start > 0 && orgHead[strings.ToLower(f[start-1])] {
		start-- // `… društvo Most izvaja`: the kind of organisation belongs to the name
	}
	return trimName(strings.Join(f[start:], " "))
}

// nominative turns the first words of an organisation name written in the
// genitive or instrumental into the nominative, for the common heads of
// Slovene organisation names (Ministrstva → Ministrstvo, Mestne občine →
// Mestna občina, Evropskega socialnega sklada → Evropski socialni sklad).
func nominative(name string) string {
	f := strings.Fields(name)
	if len(f) == 0 {
		return name
	}
	// find the head noun among the first three words; a head already in
	// the nominative (Javni sklad Republike Slovenije) leaves the name as
	// it is
	for i := 0; i < len(f) && i < 3; i++ {
		lw := strings.ToLower(f[i])
		for _, h := range heads {
			if lw == h.nom {
				return name
			}
		}
		for _, h := range heads {
			for _, form := range h.forms {
				if lw == form {
					f[i] = matchCase(f[i], h.nom)
					for j := 0; j < i; j++ {
						f[j] = adjNominative(f[j], h.gender)
					}
					return strings.Join(f, " ")
				}
			}
		}
	}
	return name
}

// nameCue are words after which an organisation's name begins.
var nameCue = map[string]bool{"so": true, "sta": true, "je": true, "sestavljajo": true, "sestavljamo": true, "sestavlja": true,
	"organizacije": true, "organizacij": true, "organizaciji": true, "partnerji": true, "partner": true, "partnerja": true, "ipd": true, "itd": true}

type head struct {
	nom    string
	gender byte // m, f, n
	forms  []string
}

var heads = []head{
	{"ministrstvo", 'n', []string{"ministrstva", "ministrstvu", "ministrstvom"}},
	{"občina", 'f', []string{"občine", "občini", "občino"}},
	{"unija", 'f', []string{"unije", "uniji", "unijo"}},
	{"republika", 'f', []string{"republike", "republiki", "republiko"}},
	{"sklad", 'm', []string{"sklada", "skladu", "skladom"}},
	{"zavod", 'm', []string{"zavoda", "zavodu", "zavodom"}},
	{"center", 'm', []string{"centra", "centru", "centrom"}},
	{"inkubator", 'm', []string{"inkubatorja", "inkubatorju", "inkubatorjem"}},
	{"inštitut", 'm', []string{"inštituta", "inštitutu", "inštitutom"}},
	{"društvo", 'n', []string{"društva", "društvu", "društvom"}},
	{"fundacija", 'f', []string{"fundacije", "fundaciji", "fundacijo"}},
	{"agencija", 'f', []string{"agencije", "agenciji", "agencijo"}},
	{"zbornica", 'f', []string{"zbornice", "zbornici", "zbornico"}},
	{"univerza", 'f', []string{"univerze", "univerzi", "univerzo"}},
	{"zveza", 'f', []string{"zveze", "zvezi", "zvezo"}},
	{"urad", 'm', []string{"urada", "uradu", "uradom"}},
	{"služba", 'f', []string{"službe", "službi", "službo"}},
	{"knjižnica", 'f', []string{"knjižnice", "knjižnici", "knjižnico"}},
}

func matchCase(orig, lower string) string {
	if isUpperText(orig) {
		return strings.ToUpper(lower)
	}
	if unicode.IsUpper(firstRune(orig)) {
		return upperFirst(lower)
	}
	return lower
}

// adjNominative puts an adjective before a head noun into the nominative.
func adjNominative(w string, gender byte) string {
	lw := strings.ToLower(w)
	var stem string
	for _, e := range []string{"ega", "emu", "im", "em", "e", "i", "o"} {
		if strings.HasSuffix(lw, e) && len(lw) > len(e)+2 {
			stem = lw[:len(lw)-len(e)]
			break
		}
	}
	if stem == "" {
		return w
	}
	soft := false // a soft stem takes -e in the neuter: naše, domače
	for _, c := range []string{"j", "š", "ž", "č", "c"} {
		soft = soft || strings.HasSuffix(stem, c)
	}
	switch {
	case gender == 'f':
		stem += "a"
	case gender == 'n' && soft:
		stem += "e"
	case gender == 'n':
		stem += "o"
	case stem == "naš" || stem == "vaš" || stem == "svoj":
		// a possessive has no ending in the masculine: naš zavod
	default:
		stem += "i"
	}
	return matchCase(w, stem)
}

func dedupe(xs []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, x := range xs {
		k := letters(x)
		if x == "" || seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, x)
	}
	return out
}
