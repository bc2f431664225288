package transform

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/letopis/letopis"
)

// item is a block of the document in reading order.
type item struct {
	b       *letopis.Block
	heading bool // a heading, as the extractor says or as its size and case show
}

// group is a run of consecutive headings read as one title.
type group struct {
	first, last int // indexes into the items
	text        string
	size        float64
	level       int
	role        role
	rank        int    // place in the outline: smaller is higher (see ranks)
	depth       int    // depth of its section number: 2.1 is 2, none 0
	number      string // its section number or label (`2.1`, `b)`), "" if none
	numbered    bool   // it has a section number
	typed       bool   // it names its kind: `Projekt …`, a quoted name
}

type role int

const (
	roleSection   role = iota // a section: of the activity it stands in, or of the report
	roleFront                 // the cover, the report's title, the organisation's name
	roleGeneric               // `Doseženi rezultati`: a part of whatever section it is in
	roleActivity              // opens an activity
	roleSubtitle              // a heading right under an activity's heading: part of it
	roleOrg                   // a part about the organisation as a whole (see orgSection)
	roleContainer             // `Programi in projekti`: the activities are its children
	roleKicker                // a small label above a title, naming its kind
	roleCaption               // `Pregled vodenih izletov`: the title of the table right under it
)

var (
	genericRe = regexp.MustCompile(`(?i)^(?:dose[žz]en[ia]|rezultat|kazalnik|u[čc]ink|realizacij|povzetek|uvod|kazalo|vsebina|nagovor|zaklju[čc]ek|finan[čc]n|priloge?)`)
	// captionRe matches the first word of a table's title (`Pregled
	// vodenih izletov`, `Preglednica 2`, `Tabela: udeleženci`).
	captionRe = regexp.MustCompile(`(?i)^(?:pregled|preglednica|tabela|tab\.|razpredelnica|seznam|graf|grafikon|slika)\b`)
	frontRe   = regexp.MustCompile(`(?i)(?:letno|vsebinsko|kon[čc]no)\s+poro[čc]ilo|poro[čc]ilo\s+o\s+(?:delu|dejavnosti|izvedbi|poslovanju)|^poro[čc]ilo\b|^kazalo|^vsebina$`)
)

func headingSize(b *letopis.Block) float64 {
	s := 0.0
	for _, l := range b.Lines {
		s = max(s, l.Size)
	}
	return s
}

func (r *reader) read(doc *letopis.Document) {
	r.act = -1
	var items []item
	for pi := range doc.Pages {
		for bi := range doc.Pages[pi].Blocks {
			b := &doc.Pages[pi].Blocks[bi]
			if b.Page == 0 {
				b.Page = doc.Pages[pi].Number
			}
			if b.Kind == letopis.BlockFurniture {
				continue
			}
			items = append(items, item{b: b, heading: b.Kind == letopis.BlockHeading})
		}
	}
	inferHeadings(items)
	items = sidebarOrder(items)
	items = joinContinued(items)
	items = orphanHeaders(items)
	// heading groups
	var groups []group
	groupAt := map[int]int{}
	for i := 0; i < len(items); i++ {
		if !items[i].heading {
			continue
		}
		g := group{first: i, last: i, size: headingSize(items[i].b), level: items[i].b.Level}
		texts := []string{clean(items[i].b.Text())}
		for i+1 < len(items) && items[i+1].heading && sameTitle(items[i].b, items[i+1].b) {
			i++
			g.last = i
			texts = append(texts, clean(items[i].b.Text()))
		}
		g.text = strings.Join(texts, " ")
		groupAt[g.first] = len(groups)
		groups = append(groups, g)
	}
	top := classify(items, groups, r.rep.Organisation)

	intro := map[int]bool{}
	for i := 0; i < len(items); i++ {
		b := items[i].b
		loc := letopis.Location{Page: b.Page, BBox: b.BBox}
		if gi, ok := groupAt[i]; ok {
			g := groups[gi]
			switch {
			case g.role == roleActivity:
				r.openActivity(items, groups, gi, intro)
				r.sect = ""
			case g.role == roleKicker || g.role == roleSubtitle || g.role == roleCaption:
			case g.rank <= top || g.role == roleFront || g.role == roleContainer ||
				g.role == roleOrg && closingSection.MatchString(fold(titleText(g.text))):
				// the activities' level or above: the activity ends
				r.act, r.sect = -1, ""
				if g.role == roleSection || g.role == roleOrg {
					r.sect = titleText(g.text)
				}
			case g.role == roleSection || g.role == roleOrg:
				r.sect = titleText(g.text)
			}
			for j := g.first; j <= g.last; j++ {
				r.readTextAs(items[j].b, letopis.BlockHeading, false)
			}
			i = g.last
			continue
		}
		if calloutText.MatchString(clean(b.Text())) && i > 0 && calloutLabel(items[i-1], items[i]) {
			// a call-out: its label above its large number (`Posajenih
			// dreves` over `2.400`) read as one statement
			l := items[i-1].b
			joined := *b
			joined.Lines = []letopis.Line{{Text: clean(l.Text()) + ": " + clean(b.Text()), BBox: l.BBox.Union(b.BBox)}}
			joined.BBox = l.BBox.Union(b.BBox)
			r.readText(&joined, intro[i])
			continue
		}
		switch b.Kind {
		case letopis.BlockTable:
			if b.Table != nil {
				res := tableFacts(b.Table, TableContext{Activity: r.actTitle(), ActivityKey: r.actKey(), Year: r.rep.Year, Units: r.lex})
				f, rej := res.facts, res.rejected
				for _, a := range res.activities {
					if a.Location.Page == 0 {
						a.Location = loc
					}
					r.ensureActivity(a)
				}
				for k := range f {
					if f[k].Location.Page == 0 {
						f[k].Location = loc
					}
					r.sections = append(r.sections, r.sect)
				}
				r.rep.Facts = append(r.rep.Facts, f...)
				r.rep.Rejected = append(r.rep.Rejected, rej...)
			}
		default:
			r.readText(b, intro[i])
		}
	}
}

// ensureActivity adds an activity named by a table's project column or a
// sheet, unless the report has one with its key.
func (r *reader) ensureActivity(a letopis.Activity) {
	if a.Title == "" {
		return
	}
	if a.Key == "" {
		a.Key = ActivityKey(a.Title)
	}
	for i := range r.rep.Activities {
		if x := &r.rep.Activities[i]; x.Key == a.Key {
			fillActivity(x, a)
			return
		}
	}
	r.rep.Activities = append(r.rep.Activities, a)
}

// fillActivity completes x, an activity already read, with what a, read
// of the same activity elsewhere, states: the period and lead it lacks,
// and partners and funders it does not name.
func fillActivity(x *letopis.Activity, a letopis.Activity) {
	if x.Period.IsZero() {
		x.Period = a.Period
	}
	if x.LeadPartner == "" {
		x.LeadPartner = a.LeadPartner
	}
	x.Partners = dedupe(append(x.Partners, a.Partners...))
	x.Funders = dedupe(append(x.Funders, a.Funders...))
}

// sameTitle reports whether heading c continues heading b (no body between,
// similar size).
func sameTitle(b, c *letopis.Block) bool {
	sb, sc := headingSize(b), headingSize(c)
	if sb > 0 && sc > 0 && (sc < sb*0.75 || sc > sb*1.33) {
		return false
	}
	if b.Level != 0 && c.Level != 0 && b.Level != c.Level {
		return false
	}
	_, nb := stripNumbering(clean(c.Text()))
	return nb == "" && !genericRe.MatchString(clean(c.Text()))
}

func (r *reader) actTitle() string {
	if r.act < 0 {
		return ""
	}
	return r.rep.Activities[r.act].Title
}

// readText reads the facts of a heading, paragraph, list item or box.
func (r *reader) readText(b *letopis.Block, intro bool) {
	r.readTextAs(b, b.Kind, intro)
}

func (r *reader) readTextAs(b *letopis.Block, kind letopis.BlockKind, intro bool) {
	loc := letopis.Location{Page: b.Page, BBox: b.BBox}
	text := clean(b.Text())
	if b.Kind == letopis.BlockBox && strings.TrimSpace(b.Label) != "" {
		r.add(nil, []rawReject{{strings.TrimSpace(b.Label), "box number"}}, loc, text, "")
	}
	if kind == letopis.BlockListItem || kind == letopis.BlockHeading || kind == letopis.BlockBox {
		rest, number := stripNumbering(text)
		if number != "" {
			r.add(nil, []rawReject{{number, "list or section number"}}, loc, text, "")
			text = rest
		}
	}
	text = strings.TrimLeft(text, "•–—-·▪◦* ")
	quote := quotation(text)
	if r.act >= 0 && !quote && (kind == letopis.BlockParagraph || kind == letopis.BlockListItem) {
		if r.body == nil {
			r.body = map[int][]string{}
		}
		r.body[r.act] = append(r.body[r.act], text)
	}
	for _, s := range blockSentences(b, text) {
		raw, rej := sentenceFacts(s, r.lex, intro)
		if quote {
			// a pull quote: a person's words, not the report's results
			for _, f := range raw {
				rej = append(rej, rawReject{strconv.FormatFloat(f.Value, 'f', -1, 64), "in a quotation: a person's words, not a result"})
			}
			raw = nil
		}
		p := r.sentencePeriod(s)
		if !p.IsZero() {
			for k := range raw {
				raw[k].Period = p
			}
		}
		if at := r.plan(s, p); at >= 0 {
			// `V letu 2022 želimo doseči 250 obiskov`: what is meant to
			// be, in a year after the report's
			kept := raw[:0]
			for _, f := range raw {
				if f.Pos > at && (planClause(s[at:f.Pos]) || planWords.MatchString(clauseOf(s[:f.Pos]))) {
					rej = append(rej, rawReject{strconv.FormatFloat(f.Value, 'f', -1, 64), "a plan for a later year, not a result"})
					continue
				}
				kept = append(kept, f)
			}
			raw = kept
		}
		if b.Kind == letopis.BlockBox || b.Kind == letopis.BlockListItem {
			for k := range raw {
				raw[k].Confidence += 0.05
			}
		}
		r.add(raw, rej, loc, s, letopis.KindOther)
	}
}

// calloutText matches a call-out's large number: 2.400, 11,6 t, 34 km,
// 57 %, € 4.912,35.
var calloutText = regexp.MustCompile(`^[€$]?\s*[0-9][0-9.,\s\x{00a0}\x{202f}]*\s*(?:\pL{1,3}\.?|%|€)?$`)

// calloutLabel reports whether the item before a call-out's number is its
// label: a short text without numbers set right above it, over the same
// left edge.
func calloutLabel(label, number item) bool {
	l, n := label.b, number.b
	t := clean(l.Text())
	if label.heading || l.Kind != letopis.BlockParagraph || t == "" || len(strings.Fields(t)) > 6 || strings.ContainsAny(t, "0123456789.:") || l.Page != n.Page {
		return false
	}
	gap := l.BBox.Y0 - n.BBox.Y1
	return gap > -2 && gap < 2*headingSize(n) && math.Abs(l.BBox.X0-n.BBox.X0) < 12
}

// kvLine matches a line that states one value after a label and a colon:
// `Število razdeljenih paketov hrane: 1.240`, `Razdeljena oblačila: 6.820 kg`.
var kvLine = regexp.MustCompile(`^[^:]{3,90}:\s*(?:cca\.?\s*|približno\s*)?[0-9][0-9.,\s\x{00a0}]*(?:\s*[%€]|\s+\pL{1,6}\.?)?$`)

// blockSentences returns the sentences of a block's text; lines that each
// state a label and a value (`Število družin: 463`) are sentences of their
// own, though the block runs them together.
func blockSentences(b *letopis.Block, text string) []string {
	kv := 0
	for _, l := range b.Lines {
		if kvLine.MatchString(strings.TrimSpace(l.Text)) {
			kv++
		}
	}
	if kv < 2 {
		return sentences(text)
	}
	var out []string
	var run []string
	flush := func() {
		if len(run) > 0 {
			out = append(out, sentences(clean(strings.Join(run, " ")))...)
			run = nil
		}
	}
	for _, l := range b.Lines {
		t := clean(l.Text)
		if kvLine.MatchString(t) {
			flush()
			out = append(out, t)
			continue
		}
		run = append(run, t)
	}
	flush()
	return out
}

// quotation reports whether a block is a quotation set apart (a pull
// quote): its text opens and closes with quotation marks.
func quotation(text string) bool {
	t := strings.TrimSpace(text)
	if len(t) < 20 {
		return false
	}
	first := firstRune(t)
	last, _ := utf8.DecodeLastRuneInString(strings.TrimRight(t, ".!? "))
	return strings.ContainsRune("»„“\"", first) && strings.ContainsRune("«“”\"", last)
}

// titleText cleans a heading into a title: numbering, quotes and extra
// white space removed.
func titleText(s string) string {
	s = clean(s)
	s, _ = stripNumbering(s)
	s = strings.NewReplacer("»", "", "«", "", "„", "", "“", "", "”", "", "\"", "").Replace(s)
	return strings.Trim(clean(s), " :–-")
}

// disambiguate tells apart facts of one activity that got the same
// indicator key in different sections by adding the section to the
// indicator.
func (r *reader) disambiguate() {
	type k struct{ act, ind string }
	secs := map[k]map[string]bool{}
	for i, f := range r.rep.Facts {
		if i >= len(r.sections) {
			break
		}
		kk := k{f.ActivityKey, f.IndicatorKey}
		if secs[kk] == nil {
			secs[kk] = map[string]bool{}
		}
		secs[kk][r.sections[i]] = true
	}
	for i := range r.rep.Facts {
		if i >= len(r.sections) {
			break
		}
		f := &r.rep.Facts[i]
		if len(secs[k{f.ActivityKey, f.IndicatorKey}]) > 1 && r.sections[i] != "" {
			f.Indicator += " (" + strings.ToLower(r.sections[i]) + ")"
			f.IndicatorKey = IndicatorKey(f.Indicator, f.Unit)
		}
	}
}

// sentencePeriod returns the period a sentence states for its values: a
// period with both ends, outside quoted names, other than the report year.
// planWords are the verbs and nouns of intent: what an organisation wants,
// plans, expects or will do.
var planWords = regexp.MustCompile(`(?i)(?:^|[^\pL])(?:želi(?:mo|jo|ta)?|načrtuje(?:mo|jo)?|nameravamo|namerava|predvidevamo|planiramo|pričakujemo|pričakujejo|pričakuje|bomo|bodo|bosta|bo|v\s+načrtu)(?:$|[^\pL])`)

// planClause reports whether the text from a verb of intent to a number
// keeps to what is intended: one clause, or a clause after it that goes
// on with an infinitive (`…, v projekt pa vključiti vsaj 20 voznikov`) or
// says what is wished (`…, da bi …`).
func planClause(between string) bool {
	k := strings.LastIndexAny(between, ",;")
	if k < 0 {
		return true
	}
	rest := between[k+1:]
	if strings.HasPrefix(strings.TrimSpace(rest), "da ") {
		return true
	}
	for _, w := range strings.Fields(rest) {
		if lw := strings.ToLower(w); len([]rune(lw)) >= 5 && (strings.HasSuffix(lw, "ti") || strings.HasSuffix(lw, "či")) {
			return true
		}
	}
	return false
}

// nextYear names the year after the report's without a number.
var nextYear = regexp.MustCompile(`(?i)\b(?:v\s+)?(?:prihodnjem|naslednjem|novem)\s+letu\b|\bprihodnje\s+leto\b`)

// plan returns where a sentence of period p (zero if it states none)
// starts to say what is to be done after the report's year: the numbers
// after its verb of intent are plans; -1 if it says none.
func (r *reader) plan(s string, p letopis.Period) int {
	m := planWords.FindStringIndex(s)
	if m == nil {
		return -1
	}
	if !p.IsZero() && !r.year.IsZero() {
		if r.year.End.Before(p.Start) {
			return m[0]
		}
		return -1
	}
	if nextYear.MatchString(s) {
		return m[0]
	}
	return -1
}

func (r *reader) sentencePeriod(s string) letopis.Period {
	quotes := quoteSpans(s)
	for _, pm := range findPeriods(s) {
		p := pm.Period
		if inSpans(quotes, pm.Start) || p.Start.IsZero() || p.End.IsZero() || p == r.year {
			continue
		}
		return p
	}
	return letopis.Period{}
}

// orphanHeaders gives a table without a header the header line left on
// the page before it (an office suite breaks a page between a table's
// header and its body, and the header line alone is read as text): a line
// right before the table, of words without sentence marks or numbers other
// than years, as many as the table's columns or more (the first column's
// header takes the extra words: `Vrsta odpadkov | Tone`).
func orphanHeaders(items []item) []item {
	out := items[:0]
	for i := 0; i < len(items); i++ {
		it := items[i]
		if i+1 < len(items) && items[i+1].b.Kind == letopis.BlockTable && items[i+1].b.Table != nil {
			if head := orphanHeader(it.b, items[i+1].b.Table); head != nil {
				b := *items[i+1].b
				t := *b.Table
				t.Rows = append([][]letopis.Cell{head}, t.Rows...)
				for r := 1; r < len(t.Rows); r++ {
					row := append([]letopis.Cell(nil), t.Rows[r]...)
					for c := range row {
						row[c].Row = r
					}
					t.Rows[r] = row
				}
				t.HeaderRows = 1
				b.Table = &t
				out = append(out, item{b: &b})
				i++
				continue
			}
		}
		out = append(out, it)
	}
	return out
}

func orphanHeader(b *letopis.Block, t *letopis.Table) []letopis.Cell {
	if len(b.Lines) != 1 || len(t.Rows) < 2 || headerOf(t) != nil || !quantityRow(t.Rows[0], nil) {
		return nil
	}
	text := clean(b.Text())
	if len(text) > 120 || strings.ContainsAny(text, ".;:,!?") {
		return nil
	}
	words := strings.Fields(text)
	width := len(t.Rows[0])
	if width < 2 || len(words) < width {
		return nil
	}
	// the header line reaches over the last column (a heading over the
	// table's first column only is a title, not its header)
	if last := t.Rows[0][width-1].BBox; last != (letopis.BBox{}) && b.BBox != (letopis.BBox{}) && b.BBox.X1 < last.X0 {
		return nil
	}
	for _, w := range words {
		if hasDigit(w) && !yearCell.MatchString(w) {
			return nil
		}
	}
	extra := len(words) - width
	head := make([]letopis.Cell, width)
	for c := range head {
		txt := words[c+extra]
		if c == 0 {
			txt = strings.Join(words[:extra+1], " ")
		}
		head[c] = letopis.Cell{Kind: letopis.CellText, Text: txt, Row: 0, Col: c}
	}
	return head
}

// sidebarOrder puts the headings of a sidebar layout beside the text
// they introduce: on a page whose headings stand in a narrow column left
// of the text (the layout reads that column first), each heading, with
// the short blocks under it in the sidebar (a period, a kicker), goes
// before the first block of the text that starts at its height or lower.
func sidebarOrder(items []item) []item {
	// a page of two sidebar headings or more shows the layout; on the
	// other pages of the document one is enough
	var pages [][]item
	for start := 0; start < len(items); {
		end := start
		for end < len(items) && items[end].b.Page == items[start].b.Page {
			end++
		}
		pages = append(pages, items[start:end])
		start = end
	}
	ordered := make([][]item, len(pages))
	done := make([]bool, len(pages))
	layout := false
	for k, p := range pages {
		ordered[k], done[k] = sidebarPage(p, 2)
		layout = layout || done[k]
	}
	out := make([]item, 0, len(items))
	for k, p := range pages {
		if layout && !done[k] {
			ordered[k], _ = sidebarPage(p, 1)
		}
		out = append(out, ordered[k]...)
	}
	return out
}

// sidebarPage puts the headings of a sidebar before the text beside them,
// when the sidebar holds minHeads headings or more; it reports whether it
// did.
func sidebarPage(page []item, minHeads int) ([]item, bool) {
	// the text column's left edge: where most of the page's prose starts
	chars := map[int]int{}
	for _, it := range page {
		if !it.heading && it.b.Kind == letopis.BlockParagraph {
			chars[int(it.b.BBox.X0/4)] += len(it.b.Text())
		}
	}
	best, textX0 := 0, math.Inf(1)
	for x, n := range chars {
		if n > best || n == best && float64(x*4) < textX0 {
			best, textX0 = n, float64(x*4)
		}
	}
	if best < 200 {
		return page, false
	}
	var side, text []item
	heads := 0
	for _, it := range page {
		if it.b.BBox.X1 < textX0-4 && it.b.Kind != letopis.BlockTable && it.b.Kind != letopis.BlockFurniture {
			side = append(side, it)
			if it.heading {
				heads++
			}
			continue
		}
		text = append(text, it)
	}
	// a sidebar holds headings and short labels, not a column of prose
	sideChars, textChars := 0, 0
	for _, it := range side {
		sideChars += len(it.b.Text())
	}
	for _, it := range text {
		textChars += len(it.b.Text())
	}
	if heads < minHeads || len(text) == 0 || sideChars*5 > textChars {
		return page, false
	}
	out := make([]item, 0, len(page))
	k := 0
	for _, t := range text {
		for k < len(side) && side[k].b.BBox.Y1 >= t.b.BBox.Y1-2 {
			out = append(out, side[k])
			k++
		}
		out = append(out, t)
	}
	return append(out, side[k:]...), true
}

// inferHeadings marks as headings the short blocks that the extractor left
// as paragraphs or list items but that are set larger than the body text,
// or in capitals at least as large (`REGIONALNO STIČIŠČE NVO …`,
// `1. INFORMIRANJE`, `DOSEŽENI REZULTATI V LETU 2020:`).
func inferHeadings(items []item) {
	count := map[float64]int{}
	for _, it := range items {
		if it.b.Kind == letopis.BlockParagraph || it.b.Kind == letopis.BlockListItem || it.b.Kind == letopis.BlockBox {
			for _, l := range it.b.Lines {
				count[float64(int(l.Size*2+0.5))/2] += len(l.Text)
			}
		}
	}
	body, best := 0.0, 0
	for sz, n := range count {
		if n > best || n == best && sz < body {
			body, best = sz, n
		}
	}
	if body == 0 {
		return
	}
	for i := range items {
		b := items[i].b
		if items[i].heading || (b.Kind != letopis.BlockParagraph && b.Kind != letopis.BlockListItem) {
			continue
		}
		t := clean(b.Text())
		if t == "" || len(t) > 160 || strings.HasSuffix(t, ".") || strings.HasSuffix(t, ";") || strings.HasSuffix(t, ",") || calloutText.MatchString(t) {
			continue
		}
		// a lettered item in bold, a title over a paragraph of its own
		// (`b) Tečaj za začetnike`): a heading of a part, as `a) …` is
		if b.Kind == letopis.BlockListItem && letterLabel.MatchString(strings.TrimSpace(b.Label)) && allBold(b) &&
			len(strings.Fields(t)) <= 8 && i+1 < len(items) && items[i+1].b.Kind == letopis.BlockParagraph {
			items[i].heading = true
			continue
		}
		sz := headingSize(b)
		if sz >= body*1.12 || (isUpperText(t) && sz >= body && len(strings.Fields(t)) <= 14) {
			items[i].heading = true
		}
	}
}

// letterLabel is the label of a part lettered a), b), c).
var letterLabel = regexp.MustCompile(`^\(?[a-zčšž]\)$`)

// allBold reports whether every line of a block is set in bold.
func allBold(b *letopis.Block) bool {
	for _, l := range b.Lines {
		if !l.Bold {
			return false
		}
	}
	return len(b.Lines) > 0
}

// joinContinued joins a paragraph to the one before it when it continues
// that one's sentence across a column or page break: the paragraph before
// ends without a sentence mark and this one starts in lower case
// (`… Profil na družbenih omrežjih – 1.330` | `objav.`). The joined block
// keeps the first one's page and box.
func joinContinued(items []item) []item {
	moveContinuations(items)
	out := items[:0]
	for _, it := range items {
		if n := len(out); n > 0 && continues(out[n-1], it) {
			prev := *out[n-1].b
			prev.Lines = append(append([]letopis.Line(nil), prev.Lines...), it.b.Lines...)
			out[n-1].b = &prev
			continue
		}
		out = append(out, it)
	}
	return out
}

// moveContinuations puts a paragraph that continues an unfinished one from
// the top of the next column right after it, when the layout has the first
// column go on with other blocks: a designed page where an introduction
// ends its first column part mid-sentence (`… sofinanciran s`), headings
// and sections follow below it, and the sentence goes on at the top of the
// next column (`strani Ministrstva …`). The continuation must start in
// lower case, stand on the same page, begin higher than the unfinished
// paragraph ends, and lie to its right.
func moveContinuations(items []item) {
	for i := 0; i+1 < len(items); i++ {
		a := items[i]
		if continues(a, items[i+1]) {
			continue
		}
		for j := i + 2; j < len(items) && items[j].b.Page == a.b.Page; j++ {
			c := items[j]
			if continues(a, c) && c.b.BBox.Y1 > a.b.BBox.Y0 && c.b.BBox.X0 >= a.b.BBox.X1-1 {
				copy(items[i+2:j+1], items[i+1:j])
				items[i+1] = c
				break
			}
		}
	}
}

func continues(prev, next item) bool {
	if prev.heading || next.heading || prev.b.Kind != letopis.BlockParagraph || next.b.Kind != letopis.BlockParagraph {
		return false
	}
	p, n := clean(prev.b.Text()), clean(next.b.Text())
	if p == "" || n == "" || !unicode.IsLower(firstRune(n)) {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(p)
	return !strings.ContainsRune(".!?:;", last)
}
