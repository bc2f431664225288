package transform

import (
	"regexp"
	"strings"

	"github.com/letopis/letopis"
)

// item is a block of the document in reading order.
type item struct {
	b *letopis.Block
}

// group is a run of consecutive headings read as one title.
type group struct {
	first, last int // indexes into the items
	text        string
	size        float64
	level       int
	role        role
}

type role int

const (
	roleSection role = iota
	roleFront
	roleGeneric
	roleActivity
)

var (
	typeWord   = regexp.MustCompile(`(?i)^(?:projekt[ia]?|prijekt[ia]?|projek[ti]|program[ia]?|operacij[ae]|strate[šs]k[oi] partnerstv[oa]|partnerstv[oa]|mre[žz]a)\b`)
	proseTitle = regexp.MustCompile(`^(?:Projekt|Projekti|Program|Programa|Operacija|Strateško partnerstvo|Partnerstvo)\b`)
	genericRe  = regexp.MustCompile(`(?i)^(?:dose[žz]en[ia]|rezultat|kazalnik|u[čc]ink|realizacij|povzetek|uvod|kazalo|vsebina|nagovor|zaklju[čc]ek|finan[čc]n|priloge?)`)
	frontRe    = regexp.MustCompile(`(?i)poro[čc]ilo|^kazalo|^vsebina$`)
)

func headingSize(b *letopis.Block) float64 {
	s := 0.0
	for _, l := range b.Lines {
		s = max(s, l.Size)
	}
	return s
}

// classify decides which heading groups open activities.
func classify(items []item, groups []group, org string) {
	strongSize := 0.0
	for gi := range groups {
		g := &groups[gi]
		t := clean(g.text)
		_, number := stripNumbering(t)
		switch {
		case frontRe.MatchString(t) || (org != "" && letters(t) == letters(org)):
			g.role = roleFront
		case number != "" || genericRe.MatchString(strings.Trim(t, "»«\"„“ ")) || strings.HasSuffix(t, ":") ||
			strings.Contains(fold(t), " smo ") || strings.Contains(fold(t), "in sicer"):
			g.role = roleGeneric
		case typeWord.MatchString(strings.Trim(t, "»«\"„“ ")) || strings.ContainsAny(t, "»«„"):
			g.role = roleActivity
		case nextProseNames(items, g):
			g.role = roleActivity
		}
		if g.role == roleActivity && g.size > 0 && (strongSize == 0 || g.size < strongSize) {
			strongSize = g.size
		}
	}
	if strongSize == 0 {
		return
	}
	for gi := range groups {
		g := &groups[gi]
		if g.role == roleSection && g.size >= strongSize-0.5 {
			g.role = roleActivity
		}
	}
}

// nextProseNames reports whether the paragraph after the heading g names
// an activity with the heading's words (`Program Regionalnega stičišča …`
// after `REGIONALNO STIČIŠČE …`).
func nextProseNames(items []item, g *group) bool {
	if g.last+1 >= len(items) {
		return false
	}
	b := items[g.last+1].b
	if b.Kind != letopis.BlockParagraph {
		return false
	}
	t := clean(b.Text())
	if !proseTitle.MatchString(t) {
		return false
	}
	head := strings.Fields(fold(g.text))
	prose := fold(t)
	if len(prose) > 200 {
		prose = prose[:200]
	}
	hit := 0
	for _, w := range head {
		w = strings.Trim(w, "»«\"„“,.:–-()")
		if len(w) < 3 {
			continue
		}
		if len(w) > 5 {
			w = w[:5]
		}
		if strings.Contains(prose, w) {
			hit++
		}
	}
	return hit*2 >= len(head) && hit > 0
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
			items = append(items, item{b})
		}
	}
	// heading groups
	var groups []group
	groupAt := map[int]int{}
	for i := 0; i < len(items); i++ {
		if items[i].b.Kind != letopis.BlockHeading {
			continue
		}
		g := group{first: i, last: i, size: headingSize(items[i].b), level: items[i].b.Level}
		texts := []string{clean(items[i].b.Text())}
		for i+1 < len(items) && items[i+1].b.Kind == letopis.BlockHeading && sameTitle(items[i].b, items[i+1].b) {
			i++
			g.last = i
			texts = append(texts, clean(items[i].b.Text()))
		}
		g.text = strings.Join(texts, " ")
		groupAt[g.first] = len(groups)
		groups = append(groups, g)
	}
	classify(items, groups, r.rep.Organisation)

	intro := map[int]bool{}
	for i := 0; i < len(items); i++ {
		b := items[i].b
		loc := letopis.Location{Page: b.Page, BBox: b.BBox}
		if gi, ok := groupAt[i]; ok {
			g := groups[gi]
			switch g.role {
			case roleActivity:
				r.openActivity(items, g, intro)
				r.sect = ""
			case roleGeneric, roleSection:
				if g.role == roleSection {
					r.sect = titleText(g.text)
				}
			}
			for j := g.first; j <= g.last; j++ {
				r.readText(items[j].b, false)
			}
			i = g.last
			continue
		}
		switch b.Kind {
		case letopis.BlockTable:
			if b.Table != nil {
				f, rej := TableFacts(b.Table, TableContext{Activity: r.actTitle(), ActivityKey: r.actKey(), Year: r.rep.Year, Units: r.lex})
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
	for si := range doc.Sheets {
		t := &doc.Sheets[si]
		if t.Hidden {
			continue
		}
		f, rej := TableFacts(t, TableContext{Year: r.rep.Year, Units: r.lex})
		for _, x := range f {
			r.ensureActivity(x.Activity, x.Location)
			r.sections = append(r.sections, "")
		}
		r.rep.Facts = append(r.rep.Facts, f...)
		r.rep.Rejected = append(r.rep.Rejected, rej...)
	}
	r.disambiguate()
}

// ensureActivity adds an activity named by a table's project column.
func (r *reader) ensureActivity(title string, loc letopis.Location) {
	if title == "" {
		return
	}
	k := ActivityKey(title)
	for _, a := range r.rep.Activities {
		if a.Key == k {
			return
		}
	}
	r.rep.Activities = append(r.rep.Activities, letopis.Activity{Title: title, Key: k, Location: loc})
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
	loc := letopis.Location{Page: b.Page, BBox: b.BBox}
	text := clean(b.Text())
	if b.Kind == letopis.BlockBox && strings.TrimSpace(b.Label) != "" {
		r.add(nil, []rawReject{{strings.TrimSpace(b.Label), "box number"}}, loc, text, "")
	}
	if b.Kind == letopis.BlockListItem || b.Kind == letopis.BlockHeading || b.Kind == letopis.BlockBox {
		rest, number := stripNumbering(text)
		if number != "" {
			r.add(nil, []rawReject{{number, "list or section number"}}, loc, text, "")
			text = rest
		}
	}
	text = strings.TrimLeft(text, "•–—-·▪◦* ")
	for _, s := range sentences(text) {
		raw, rej := sentenceFacts(s, r.lex, intro)
		if p := r.sentencePeriod(s); !p.IsZero() {
			for k := range raw {
				raw[k].Period = p
			}
		}
		if b.Kind == letopis.BlockBox || b.Kind == letopis.BlockListItem {
			for k := range raw {
				raw[k].Confidence += 0.05
			}
		}
		r.add(raw, rej, loc, s, letopis.KindOther)
	}
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
			f.IndicatorKey = IndicatorKey(f.Indicator)
		}
	}
}

// sentencePeriod returns the period a sentence states for its values: a
// period with both ends, outside quoted names, other than the report year.
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
