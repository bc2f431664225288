package transform

import (
	"math"
	"regexp"
	"sort"
	"strings"
	"unicode"

	"github.com/letopis/letopis"
)

// The outline of a report: which headings open its activities.
//
// An annual report lists its projects, programmes and sections of work at
// one level of its outline, between an organisational part (foreword,
// membership, bodies, finances, thanks, plans) that belongs to the
// organisation as a whole. The level is read from the headings' sizes and
// section numbers, never from one report's words:
//
//   - a container heading (`Programi in projekti`, `Dejavnosti`) has the
//     activities as its children, at the first level under it;
//   - otherwise the activities are the headings of the outline's top
//     level (the largest headings that occur more than once) that are not
//     of the organisational part;
//   - a heading that names its kind (`Projekt …`, `Program …`, a quoted
//     name) opens an activity wherever it stands outside another one.
//
// Headings under an activity are its sections; a heading of the
// organisational part, or any heading at the activities' level or above,
// closes it.

var (
	// orgSection matches the title of a part of the report about the
	// organisation as a whole (folded: no diacritics, lower case).
	orgSection = regexp.MustCompile(`^(?:uvod|uvodn[aoi]|beseda|nagovor|uvodnik|predgovor|spremna beseda|povzetek|na kratko|leto \d{4}|v stevilkah|kazalo|vsebina|o nas\b|o drustvu|o zavodu|o klubu|osnovni podatki|predstavitev (?:drustva|zavoda|kluba|organizacije|zdruzenja)|poslanstvo|vizija|vrednote|organizacija (?:drustva|zavoda|kluba|zdruzenja|dela)|organi\b|upravni odbor|skupscina|clanstvo|clani\b|clanarina|zaposleni|kadri|kadrovsk|finan|prihodki|odhodki|poslovanje|racunovodsk|premozenj|zahval|zakljuc|sklep|nacrt|pogled naprej|usmeritve|cilji za|priloge?\b|kontakt|podporniki|donatorji|sponzorji|primerjava|realizacija|kljucni kazalniki|pregled kazalnikov|statisti|mediji|odmevi|obvescanje|splosno\b|splosni podatki|kljucni rezultati|kljucni podatki|rezultati leta|poudarki|mentorji\b|mentorstvo|vodstvo|\pL+ komisija|komisij|komuniciranje|odnosi z javnostmi|javni poziv|javni razpis|razpisi\b|izbor (?:operacij|projektov)|delovanje (?:organov|drustva|zavoda|pisarne)|pisarn|stroski)`)
	// closingSection matches the organisational parts that close an
	// activity even when set smaller than it (the finances, thanks and
	// plans after the last project).
	closingSection = regexp.MustCompile(`^(?:finan|prihodki|odhodki|poslovanje|racunovodsk|zahval|zakljuc|nacrt|pogled naprej|organi\b|clanstvo|podporniki|donatorji)`)
	// containerWords are the words of a heading that only announces the
	// activities below it (`Programi in projekti v letu 2021`).
	containerWords = map[string]bool{"programi": true, "projekti": true, "program": true, "projekt": true, "dejavnosti": true, "dejavnost": true,
		"aktivnosti": true, "podrocja": true, "podrocje": true, "dela": true, "delo": true, "delovanje": true, "in": true, "ter": true,
		"nasi": true, "nase": true, "izvedeni": true, "izvedene": true, "izvajani": true, "izvajane": true, "v": true, "letu": true,
		"drustva": true, "zavoda": true, "kluba": true, "centra": true, "zdruzenja": true, "vsebinsko": true, "porocilo": true, "o": true,
		"sekcije": true, "sekcij": true, "skupine": true, "akcije": true, "operacije": true, "operacij": true,
		"izvajanju": true, "izvedbi": true, "tekoce": true, "zakljucene": true, "zakljuceni": true}
	// pluralKinds are the kinds of activity in the plural, which a
	// container heading may qualify with adjectives (Mladinski programi).
	pluralKinds = map[string]bool{"programi": true, "projekti": true, "dejavnosti": true, "aktivnosti": true, "operacije": true,
		"akcije": true, "sekcije": true, "skupine": true}
	// adjective matches the endings of Slovene adjectives of kind in the
	// plural (mladinski, mednarodni, izobraževalne, športne).
	adjective = regexp.MustCompile(`^\pL{3,}(?:ski|ški|čki|ni|ne|ske|ške|lni|lne)$`)
	// typedTitle matches a heading that names its kind of activity.
	typedTitle = regexp.MustCompile(`(?i)^(?:projekt[ia]?|prijekt[ia]?|projek[ti]|program|operacij[ae]|strate[šs]k[oi] partnerstv[oa]|partnerstv[oa]|mre[žz]a|akcija|kampanja|pobuda|mladinska izmenjava)\b`)
	// kickerWord matches a small label set above a title that names its
	// kind (`PROJEKT`, `AKCIJA`) or its part (`UVODNIK`).
	kickerWord = regexp.MustCompile(`(?i)^(?:projekt|program|akcija|operacija|kampanja|pobuda|zagovorni[šs]tvo|izobra[žz]evanje|dogodek|uvodnik|rubrika|sekcija|dejavnost|aktivnost|podro[čc]je)$`)
)

// orgTitle reports whether a folded title is one of the organisational
// part: each of its parts (split at in, ter and commas) begins with a term
// of orgSection (`Zahvala in pogled naprej`), so that `Članstvo in delo v
// vodih` — membership and the troops' work — is no organisational part.
func orgTitle(fb string) bool {
	parts := strings.FieldsFunc(strings.NewReplacer(" in ", ",", " ter ", ",").Replace(fb), func(r rune) bool { return r == ',' })
	if len(parts) == 0 {
		return false
	}
	for _, p := range parts {
		if !orgSection.MatchString(strings.TrimSpace(p)) {
			return false
		}
	}
	return true
}

// containerTitle reports whether a heading only announces the activities
// below it: all its words are the kinds of activity, a year and function
// words.
func containerTitle(t string) bool {
	words := strings.Fields(strings.Trim(fold(t), " :"))
	kind := false
	plural := false // a kind of activity in the plural: adjectives may qualify it
	for _, w := range words {
		plural = plural || pluralKinds[strings.Trim(w, ",.:;()–-")]
	}
	for _, w := range words {
		w = strings.Trim(w, ",.:;()–-")
		switch {
		case w == "":
		case isDigits(w) || strings.Trim(w, "0123456789–-") == "":
		case plural && adjective.MatchString(w):
			// Mladinski programi, Mednarodne dejavnosti
		case containerWords[w]:
			if w != "in" && w != "ter" && w != "v" && w != "letu" && w != "o" {
				kind = kind || strings.HasPrefix(w, "program") || strings.HasPrefix(w, "projekt") || strings.HasPrefix(w, "dejavnost") ||
					strings.HasPrefix(w, "aktivnost") || strings.HasPrefix(w, "podrocj") || strings.HasPrefix(w, "sekcij") || strings.HasPrefix(w, "skupin") ||
					strings.HasPrefix(w, "operacij")
			}
		default:
			return false
		}
	}
	return kind && len(words) > 0
}

// coverPages returns the pages that are a cover: the first page of a
// document of several, when it holds headings and hardly any body text.
func coverPages(items []item) map[int]bool {
	chars := map[int]int{}
	heads := map[int]int{}
	last := 0
	for _, it := range items {
		p := it.b.Page
		last = max(last, p)
		if it.heading {
			heads[p]++
			continue
		}
		if it.b.Kind == letopis.BlockParagraph || it.b.Kind == letopis.BlockListItem {
			chars[p] += len(it.b.Text())
		}
	}
	out := map[int]bool{}
	if len(items) > 0 && last > 1 {
		first := items[0].b.Page
		if heads[first] > 0 && chars[first] < 250 {
			out[first] = true
		}
	}
	return out
}

// largestAlone reports whether heading gi is set larger than every other
// heading of the document, by a quarter at least: the title of the
// report or of the newsletter (a masthead), not a part of it.
func largestAlone(groups []group, gi int) bool {
	next := 0.0
	for k, g := range groups {
		if k != gi {
			next = max(next, g.size)
		}
	}
	return groups[gi].size > 0 && next > 0 && groups[gi].size >= 1.25*next
}

// headingNumber returns a heading group's section number (its label, or
// a number before its title: `2.1 Program …`, `III. Šport`) and its depth
// (2.1 is 2; 1, III. and A) are 1; none is 0).
func headingNumber(items []item, g *group) (number string, depth int) {
	t := clean(g.text)
	_, number = stripNumbering(t)
	if number == "" {
		if f := strings.Fields(t); len(f) > 1 && sectionLabel.MatchString(f[0]) && startsTitle(f[1]) {
			number = f[0]
		}
	}
	if number == "" && g.first < len(items) {
		if l := strings.TrimSpace(items[g.first].b.Label); sectionLabel.MatchString(l) {
			number = l
		}
	}
	if number == "" {
		return "", 0
	}
	core := strings.Trim(number, ".()")
	if core == "" {
		return number, 1
	}
	return number, strings.Count(core, ".") + 1
}

// sectionLabel matches a section number: 1, 2.1, 2.1., 3), IV., A)
var sectionLabel = regexp.MustCompile(`^(?:\d{1,2}(?:\.\d{1,2}){0,3}[.)]?|[IVXLC]{1,7}\.|[A-H]\)|\(?[a-h]\))$`)

// startsTitle reports whether a word can begin a title: upper case or a
// quotation mark.
func startsTitle(w string) bool {
	r := firstRune(strings.TrimLeft(w, "»«„“\"("))
	return r != 0 && (unicode.IsUpper(r) || strings.ContainsRune("»„“\"", firstRune(w)))
}

// outline sets each heading group's role and rank and returns the rank of
// the activities' level (see the comment at the top of this file).
func classify(items []item, groups []group, org string) (top int) {
	cover := coverPages(items)
	for gi := range groups {
		g := &groups[gi]
		t := clean(g.text)
		number, depth := headingNumber(items, g)
		g.number, g.depth = number, depth
		rest := t
		if number != "" {
			rest = strings.TrimSpace(strings.TrimPrefix(t, number))
			g.numbered = true
		}
		bare := strings.Trim(titleText(rest), "»«\"„“ ")
		fb := fold(bare)
		switch {
		case cover[items[g.first].b.Page] || frontRe.MatchString(t) || (org != "" && letters(t) == letters(org)) ||
			gi == 0 && items[g.first].b.Page == items[0].b.Page && (orgKindName(bare) || largestAlone(groups, gi)):
			// the cover, the report's title, or the organisation's name
			// heading the first page
			g.role = roleFront
		case orgTitle(fb):
			g.role = roleOrg
		case genericRe.MatchString(bare) || strings.Contains(fold(t), " smo ") || strings.Contains(fold(t), "in sicer") || strings.HasSuffix(t, ":"):
			g.role = roleGeneric
		case containerTitle(bare):
			g.role = roleContainer
		default:
			g.role = roleSection
			g.typed = typedTitle.MatchString(bare) || strings.ContainsAny(t, "»«„")
		}
	}
	// a title that begins with the word for a table, right over a table:
	// the table's caption, in whatever activity is open
	for gi := range groups {
		g := &groups[gi]
		if g.last+1 < len(items) && items[g.last+1].b.Kind == letopis.BlockTable && captionRe.MatchString(clean(g.text)) {
			g.role = roleCaption
		}
	}
	// a small label right above a larger title, no body between, names
	// the title's kind (`PROJEKT` over `DREVO ZA VSAKEGA OTROKA`)
	for gi := 0; gi+1 < len(groups); gi++ {
		g, next := &groups[gi], &groups[gi+1]
		if g.last+1 == next.first && kickerWord.MatchString(strings.Trim(clean(g.text), " :")) && next.size > g.size*1.15 &&
			items[g.first].b.Page == items[next.first].b.Page {
			if typedTitle.MatchString(clean(g.text)) && next.role == roleSection {
				next.typed = true
			}
			g.role = roleKicker
		}
	}
	ranks(groups)
	// a container announces headings under it: one with none below it
	// (`Družabne in kulturne dejavnosti` over its own text) is a section
	for gi := range groups {
		g := &groups[gi]
		if g.role == roleContainer && (gi+1 == len(groups) || groups[gi+1].rank <= g.rank) {
			g.role = roleSection
		}
	}
	// a heading over parts lettered a), b), c) set smaller than it
	// announces them: the parts are the activities
	for gi := range groups {
		g := &groups[gi]
		if g.role != roleSection {
			continue
		}
		lettered := 0
		for k := gi + 1; k < len(groups) && groups[k].rank > g.rank; k++ {
			if letterLabel.MatchString(groups[k].number) {
				lettered++
			}
		}
		if lettered >= 2 {
			g.role = roleContainer
		}
	}
	// the top level: the highest rank held by more than one heading
	count := map[int]int{}
	top = math.MaxInt
	for _, g := range groups {
		if g.role != roleFront && g.role != roleKicker && g.role != roleCaption {
			count[g.rank]++
		}
	}
	for r, n := range count {
		if n > 1 && r < top {
			top = r
		}
	}
	if top == math.MaxInt {
		for r := range count {
			top = min(top, r)
		}
	}
	containers := false
	for _, g := range groups {
		if g.role == roleContainer && g.rank == top {
			containers = true
		}
	}
	if containers {
		for gi, g := range groups {
			if g.role != roleContainer || g.rank != top {
				continue
			}
			// the children: the first level under the container
			child := math.MaxInt
			end := gi + 1
			for ; end < len(groups) && groups[end].rank > g.rank; end++ {
				if groups[end].role == roleSection {
					child = min(child, groups[end].rank)
				}
			}
			for k := gi + 1; k < end; k++ {
				if groups[k].role == roleSection && groups[k].rank == child {
					groups[k].role = roleActivity
				}
			}
		}
	}
	// the level of the activities; typed headings outside an activity
	open, seenTop := false, false
	openRank := 0 // the rank of the heading that opened the activity open
	for gi := range groups {
		g := &groups[gi]
		if g.rank <= top && g.role != roleKicker && g.role != roleCaption && g.role != roleFront {
			seenTop = true
		}
		switch {
		case g.role == roleKicker || g.role == roleCaption:
			continue
		case g.role == roleActivity:
			open, openRank = true, g.rank
		case g.rank <= top && g.role == roleSection:
			g.role = roleActivity
			open, openRank = true, g.rank
		case g.rank <= top:
			open = false
		case g.role == roleSection && (g.typed && !open || !seenTop && !containers && (!open || g.rank <= openRank)):
			// a typed heading outside an activity; before the first
			// heading of the top level, a smaller heading of its own and
			// the ones of its size after it (the short articles of a
			// newsletter's front page)
			g.role = roleActivity
			open, openRank = true, g.rank
		case g.role == roleOrg && closingSection.MatchString(fold(titleText(g.text))):
			open = false
		}
	}
	// directly under an activity heading, no body between, smaller: a
	// subtitle, part of its title
	for gi := 1; gi < len(groups); gi++ {
		g, prev := &groups[gi], &groups[gi-1]
		if (g.role == roleActivity || g.role == roleSection) && prev.role == roleActivity &&
			prev.last+1 == g.first && (g.size == 0 || g.size < prev.size) {
			g.role = roleSubtitle
		}
	}
	return top
}

// ranks sets each group's rank in the outline: by size (the largest 1),
// or by the extractor's level where sizes are not known; a deeper section
// number (2.1 under 2) of the same size ranks under it.
func ranks(groups []group) {
	sized := true
	for _, g := range groups {
		if g.size <= 0 {
			sized = false
		}
	}
	var sizes []float64
	seen := map[float64]bool{}
	for _, g := range groups {
		s := math.Round(g.size*2) / 2
		if !seen[s] {
			seen[s] = true
			sizes = append(sizes, s)
		}
	}
	sort.Sort(sort.Reverse(sort.Float64Slice(sizes)))
	for gi := range groups {
		g := &groups[gi]
		base := g.level
		if sized {
			s := math.Round(g.size*2) / 2
			base = sort.Search(len(sizes), func(i int) bool { return sizes[i] <= s }) + 1
		} else if base <= 0 {
			base = 9
		}
		g.rank = base*10 + max(g.depth-1, 0)
	}
}
