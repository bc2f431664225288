package office

import (
	"bytes"
	"context"
	"errors"
	"io"
	"strconv"
	"strings"

	"github.com/letopis/letopis"
	"github.com/letopis/letopis/extract"
)

// ODT reads OpenDocument text documents, zipped (.odt) or flat (.fodt).
type ODT struct{}

// odtStyle is a paragraph or text style, as written.
type odtStyle struct {
	parent      string
	outline     int
	listStyle   string
	bold        int // -1 unset
	size        float64
	sizePct     float64
	breakBefore bool
	breakAfter  bool
	masterPage  string
	name        string // display name, else name
}

// odtListLevel is one level of a list style.
type odtListLevel struct {
	bullet         bool
	format         string // "1", "a", "A", "i", "I", "" (no number)
	prefix, suffix string
	start, display int
}

type odtReader struct {
	ctx       context.Context
	budget    int
	styles    map[string]*odtStyle // "paragraph:Name", "text:Name"
	lists     map[string]map[int]odtListLevel
	counters  map[string][]int
	lastList  string // the style of the last top-level list, for continued numbering
	defSize   float64
	furniture []para
	title     string
	f         *flow
}

// Extract implements extract.Extractor.
func (ODT) Extract(ctx context.Context, path string, data []byte, opts extract.Options) (*letopis.Document, error) {
	r := &odtReader{ctx: ctx, budget: maxElements, styles: map[string]*odtStyle{}, lists: map[string]map[int]odtListLevel{},
		counters: map[string][]int{}, defSize: 12, f: newFlow("odt")}
	var parts []io.Reader
	if bytes.HasPrefix(data, zipMagic) {
		zparts, err := zipParts(data, ".odt document")
		if err != nil {
			return nil, err
		}
		if mt := zparts["mimetype"]; mt != nil {
			rc, err := openPart(mt)
			if err == nil {
				b, _ := io.ReadAll(io.LimitReader(rc, 200))
				rc.Close()
				if m := string(b); strings.HasPrefix(m, "application/vnd.oasis.opendocument.") && !strings.Contains(m, ".text") {
					return nil, errors.New("not a text document: an OpenDocument " + strings.TrimPrefix(m, "application/vnd.oasis.opendocument.") + " file")
				}
			}
		}
		if zparts["content.xml"] == nil {
			if zparts["word/document.xml"] != nil {
				return nil, errors.New("not an .odt document: a Word document (rename it .docx)")
			}
			return nil, errors.New("not an .odt document: no content.xml in the archive")
		}
		for _, name := range []string{"meta.xml", "styles.xml", "content.xml"} {
			zf := zparts[name]
			if zf == nil {
				continue
			}
			rc, err := openPart(zf)
			if err != nil {
				return nil, err
			}
			defer rc.Close()
			parts = append(parts, rc)
		}
	} else {
		trim := bytes.TrimLeft(data, " \t\r\n\xef\xbb\xbf")
		if !bytes.HasPrefix(trim, []byte("<")) {
			return nil, errors.New("not an OpenDocument text file (neither a zip archive nor XML)")
		}
		if !bytes.Contains(data[:min(len(data), 4096)], []byte("opendocument")) {
			return nil, errors.New("not an OpenDocument text file: XML without the OpenDocument namespace")
		}
		parts = append(parts, bytes.NewReader(data))
	}
	for _, p := range parts {
		if err := r.readPart(p); err != nil {
			return nil, err
		}
	}
	// headers and footers: before the first page's content
	r.f.prepend(r.furniture)
	doc := r.f.finish()
	doc.Title = r.title
	return doc, nil
}

var odtWant = map[string]bool{
	"meta": true, "styles": true, "automatic-styles": true, "master-styles": true, "font-face-decls": true,
	"h": true, "p": true, "list": true, "table": true, "soft-page-break": true, "numbered-paragraph": true,
}

func (r *odtReader) readPart(rd io.Reader) error {
	inBody := false
	return newXMLReader(rd, &r.budget).stream(odtWant, func(n *node) error {
		if err := r.ctx.Err(); err != nil {
			return err
		}
		switch n.local {
		case "meta":
			if t := n.child("title"); t != nil && r.title == "" {
				r.title = strings.TrimSpace(t.text())
			}
			return nil
		case "styles", "automatic-styles":
			if !inBody {
				r.readStyles(n)
			}
			return nil
		case "master-styles":
			r.readMasters(n)
			return nil
		case "font-face-decls":
			return nil
		}
		inBody = true
		return r.block(n, "", 0)
	})
}

func (r *odtReader) readStyles(n *node) {
	for _, s := range n.elems() {
		switch s.local {
		case "default-style":
			if s.get("family") == "paragraph" {
				if _, size, _ := textProps(s.child("text-properties")); size > 0 {
					r.defSize = size
				}
			}
		case "style":
			fam := s.get("family")
			if fam != "paragraph" && fam != "text" {
				continue
			}
			st := &odtStyle{parent: s.get("parent-style-name"), listStyle: s.get("list-style-name"), bold: -1,
				masterPage: s.get("master-page-name"), name: s.get("display-name")}
			if st.name == "" {
				st.name = s.get("name")
			}
			if v, err := strconv.Atoi(s.get("default-outline-level")); err == nil && v > 0 && v <= 10 {
				st.outline = v
			}
			st.bold, st.size, st.sizePct = textProps(s.child("text-properties"))
			if pp := s.child("paragraph-properties"); pp != nil {
				st.breakBefore = pp.get("break-before") == "page"
				st.breakAfter = pp.get("break-after") == "page"
			}
			r.styles[fam+":"+s.get("name")] = st
		case "list-style":
			levels := map[int]odtListLevel{}
			for _, l := range s.elems() {
				lv, err := strconv.Atoi(l.get("level"))
				if err != nil || lv < 1 || lv > 10 {
					continue
				}
				switch l.local {
				case "list-level-style-bullet", "list-level-style-image":
					levels[lv] = odtListLevel{bullet: true}
				case "list-level-style-number":
					ll := odtListLevel{format: l.get("num-format"), prefix: l.get("num-prefix"), suffix: l.get("num-suffix"), start: 1, display: 1}
					if v, err := strconv.Atoi(l.get("start-value")); err == nil {
						ll.start = v
					}
					if v, err := strconv.Atoi(l.get("display-levels")); err == nil && v > 0 {
						ll.display = v
					}
					levels[lv] = ll
				}
			}
			r.lists[s.get("name")] = levels
		}
	}
}

// textProps reads bold (-1 unset), size in points and size in per cent of
// the parent's from a style:text-properties.
func textProps(tp *node) (bold int, size, pct float64) {
	bold = -1
	if tp == nil {
		return
	}
	if w := tp.get("font-weight"); w != "" {
		bold = 0
		if w == "bold" || w >= "600" && w <= "900" && len(w) == 3 {
			bold = 1
		}
	}
	s := strings.TrimSpace(tp.get("font-size"))
	if p, ok := strings.CutSuffix(s, "%"); ok {
		if v, err := strconv.ParseFloat(p, 64); err == nil && v > 0 && v < 10000 {
			pct = v
		}
		return
	}
	size = length(s)
	return
}

// length reads an ODF length in points.
func length(s string) float64 {
	for _, u := range []struct {
		unit string
		pt   float64
	}{{"pt", 1}, {"cm", 72 / 2.54}, {"mm", 72 / 25.4}, {"in", 72}, {"pc", 12}, {"px", 0.75}} {
		if v, ok := strings.CutSuffix(s, u.unit); ok {
			f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
			if err == nil && f > 0 && f < 2000 {
				return f * u.pt
			}
			return 0
		}
	}
	return 0
}

// odtResolved is a style with its parents applied.
type odtResolved struct {
	outline                 int
	listStyle               string
	bold                    bool
	size                    float64
	breakBefore, breakAfter bool
	masterPage              string
	name                    string
}

func (r *odtReader) resolve(family, name string, base odtResolved) odtResolved {
	out := base
	var chain []*odtStyle
	seen := map[string]bool{}
	for s := r.styles[family+":"+name]; s != nil && !seen[name] && len(chain) < 50; s = r.styles[family+":"+name] {
		seen[name] = true
		chain = append(chain, s)
		name = s.parent
	}
	if len(chain) > 0 {
		out.masterPage = chain[0].masterPage
		out.name = chain[0].name
	}
	// apply from the root down
	for i := len(chain) - 1; i >= 0; i-- {
		s := chain[i]
		if s.outline > 0 {
			out.outline = s.outline
		}
		if s.listStyle != "" {
			out.listStyle = s.listStyle
		}
		if s.bold >= 0 {
			out.bold = s.bold == 1
		}
		if s.size > 0 {
			out.size = s.size
		}
		if s.sizePct > 0 {
			out.size = out.size * s.sizePct / 100
		}
		out.breakBefore = out.breakBefore || s.breakBefore
		out.breakAfter = out.breakAfter || s.breakAfter
	}
	if family == "paragraph" && out.outline == 0 {
		out.outline = headingFromName(out.name)
	}
	return out
}

func (r *odtReader) readMasters(n *node) {
	seen := map[string]bool{}
	for _, mp := range n.elems() {
		if mp.local != "master-page" {
			continue
		}
		for _, hf := range mp.elems() {
			switch hf.local {
			case "header", "footer", "header-left", "footer-left", "header-first", "footer-first":
			default:
				continue
			}
			if !boolVal(hf.get("display")) && hf.has("display") {
				continue
			}
			for _, p := range hf.elems() {
				text := strings.Join(strings.Fields(p.text()), " ")
				if text == "" || seen[text] {
					continue
				}
				seen[text] = true
				r.furniture = append(r.furniture, para{lines: []string{text}, furniture: true})
			}
		}
	}
}

// block adds a body element. list and level are the list style and level
// of an enclosing list.
func (r *odtReader) block(n *node, list string, level int) error {
	switch n.local {
	case "soft-page-break":
		r.f.pageBreak()
	case "p", "h":
		r.paragraph(n, "", 0, false)
	case "numbered-paragraph":
		lv, _ := strconv.Atoi(n.get("level"))
		for _, c := range n.elems() {
			if c.local == "p" || c.local == "h" {
				r.paragraph(c, n.get("style-name"), max(lv, 1), true)
			}
		}
	case "list":
		return r.list(n, list, level)
	case "table":
		t, err := r.table(n)
		if err != nil {
			return err
		}
		r.f.addTable(t)
	case "section", "index-body", "table-of-content", "illustration-index", "alphabetical-index", "user-index", "bibliography":
		for _, c := range n.elems() {
			if err := r.block(c, list, level); err != nil {
				return err
			}
		}
	}
	return nil
}

// list adds the items of a text:list.
func (r *odtReader) list(n *node, style string, level int) error {
	if s := n.get("style-name"); s != "" {
		style = s
	}
	level++
	if level > 10 {
		level = 10
	}
	if level == 1 {
		cont := n.get("continue-numbering") == "true" || n.has("continue-list")
		if !cont || style != r.lastList {
			delete(r.counters, style)
		}
		r.lastList = style
	}
	for _, item := range n.elems() {
		if item.local != "list-item" && item.local != "list-header" {
			continue
		}
		labelled := item.local == "list-item"
		if v, err := strconv.Atoi(item.get("start-value")); err == nil && labelled {
			c := r.listCounters(style)
			c[level-1] = v - 1
		}
		for _, c := range item.elems() {
			switch c.local {
			case "p", "h":
				r.paragraph(c, style, level, labelled)
				labelled = false
			case "list":
				if err := r.list(c, style, level); err != nil {
					return err
				}
			default:
				if err := r.block(c, style, level); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

func (r *odtReader) listCounters(style string) []int {
	c := r.counters[style]
	if c == nil {
		c = make([]int, 10)
		for i := range c {
			c[i] = r.lists[style][i+1].start - 1
		}
		r.counters[style] = c
	}
	return c
}

// label counts a list item at level (1-based) of the list style and
// returns its label.
func (r *odtReader) label(style string, level int) string {
	levels := r.lists[style]
	lv, ok := levels[level]
	if !ok {
		return "•"
	}
	c := r.listCounters(style)
	c[level-1]++
	for i := level; i < len(c); i++ {
		c[i] = levels[i+1].start - 1
	}
	if lv.bullet {
		return "•"
	}
	if lv.format == "" {
		return ""
	}
	var parts []string
	for l := max(1, level-lv.display+1); l <= level; l++ {
		parts = append(parts, formatNumber(c[l-1], levels[l].format))
	}
	return strings.TrimSpace(lv.prefix + strings.Join(parts, ".") + lv.suffix)
}

// paragraph adds a text:p or text:h. In a list (listStyle, level > 0),
// labelled says it is the item's first paragraph, which carries the label.
func (r *odtReader) paragraph(n *node, listStyle string, level int, labelled bool) {
	st := r.resolve("paragraph", n.get("style-name"), odtResolved{size: r.defSize})
	var p para
	p.heading = st.outline
	if n.local == "h" {
		p.heading = 1
		if v, err := strconv.Atoi(n.get("outline-level")); err == nil && v > 0 && v <= 10 {
			p.heading = v
		}
		if n.get("is-list-header") == "true" {
			labelled = false
		}
	}
	if level > 0 {
		if labelled {
			p.label = r.label(listStyle, level)
		}
		p.list = p.heading == 0 && (labelled || p.label != "")
	}
	if st.breakBefore || st.masterPage != "" {
		r.f.pageBreak()
	}
	ps := &odtPara{r: r, sizes: map[float64]int{}}
	ps.lines = []strings.Builder{{}}
	ps.walk(n, st, 0)
	for _, l := range ps.lines {
		p.lines = append(p.lines, l.String())
	}
	p.size, p.bold = ps.weight(st.size)
	if ps.breakBefore {
		r.f.pageBreak()
	}
	r.f.add(p)
	for _, note := range ps.notes {
		for _, c := range note.elems() {
			_ = r.block(c, "", 0)
		}
	}
	for _, box := range ps.boxes {
		for _, c := range box.elems() {
			_ = r.block(c, "", 0)
		}
	}
	if st.breakAfter || ps.breakAfter {
		r.f.pageBreak()
	}
}

// odtPara collects the text of a paragraph's content.
type odtPara struct {
	r                       *odtReader
	lines                   []strings.Builder
	sizes                   map[float64]int
	runes, boldRunes        int
	notes, boxes            []*node
	breakBefore, breakAfter bool
}

func (ps *odtPara) write(s string, st odtResolved) {
	if s == "" {
		return
	}
	ps.lines[len(ps.lines)-1].WriteString(s)
	n := len([]rune(strings.TrimSpace(s)))
	ps.runes += n
	if st.bold {
		ps.boldRunes += n
	}
	ps.sizes[st.size] += n
}

func (ps *odtPara) hasText() bool {
	for i := range ps.lines {
		if strings.TrimSpace(ps.lines[i].String()) != "" {
			return true
		}
	}
	return false
}

// weight returns the size of most of the text and whether all of it is
// bold.
func (ps *odtPara) weight(def float64) (float64, bool) {
	best, bn := def, -1
	for s, k := range ps.sizes {
		if k > bn || k == bn && s > best {
			best, bn = s, k
		}
	}
	return best, ps.runes > 0 && ps.boldRunes == ps.runes
}

func (ps *odtPara) walk(n *node, st odtResolved, depth int) {
	if depth > maxDepth {
		return
	}
	for _, k := range n.kids {
		s, ok := k.(string)
		if ok {
			// ODF collapses white space in text; breaks are elements
			ps.write(strings.Map(func(r rune) rune {
				if r == '\n' || r == '\r' || r == '\t' {
					return ' '
				}
				return r
			}, s), st)
			continue
		}
		c := k.(*node)
		switch c.local {
		case "s":
			ps.write(" ", st)
		case "tab":
			ps.write(" ", st)
		case "line-break":
			ps.lines = append(ps.lines, strings.Builder{})
		case "soft-page-break":
			if ps.hasText() {
				ps.breakAfter = true
			} else {
				ps.breakBefore = true
			}
		case "note":
			if b := c.child("note-body"); b != nil {
				ps.notes = append(ps.notes, b)
			}
		case "frame":
			for _, tb := range c.elems() {
				if tb.local == "text-box" {
					ps.boxes = append(ps.boxes, tb)
				}
			}
		case "annotation", "annotation-end", "note-citation", "tracked-changes", "change", "change-start", "change-end",
			"bookmark", "bookmark-start", "bookmark-end", "reference-mark", "toc-mark", "alphabetical-index-mark",
			"custom-shape", "image", "object", "rect", "line", "g", "ellipse", "polygon":
		case "span":
			ps.walk(c, ps.r.resolve("text", c.get("style-name"), st), depth+1)
		default:
			// links, fields (page number, date, title), ruby, meta: their text
			ps.walk(c, st, depth+1)
		}
	}
}

// table reads a table:table. A nested table's text goes into its cell.
func (r *odtReader) table(n *node) (*letopis.Table, error) {
	tb := &tableBuilder{f: r.f}
	var walk func(n *node, header bool) error
	walk = func(n *node, header bool) error {
		for _, c := range n.elems() {
			switch c.local {
			case "table-header-rows":
				if err := walk(c, true); err != nil {
					return err
				}
			case "table-rows", "table-row-group":
				if err := walk(c, header); err != nil {
					return err
				}
			case "table-row":
				cells := r.rowCells(c)
				rep := 1
				if v, err := strconv.Atoi(c.get("number-rows-repeated")); err == nil && v > 1 {
					rep = min(v, maxSpan)
					empty := true
					for _, cl := range cells {
						empty = empty && strings.TrimSpace(cl.text) == ""
					}
					if empty {
						rep = 1
					}
				}
				for i := 0; i < rep; i++ {
					if err := tb.addRow(cells, header); err != nil {
						return err
					}
				}
			}
		}
		return nil
	}
	if err := walk(n, false); err != nil {
		return nil, err
	}
	return tb.table(), nil
}

// rowCells reads the cells of a table:table-row; covered cells are left
// out, since the spans of the cells that cover them place every cell.
func (r *odtReader) rowCells(row *node) []cell {
	var cells []cell
	for _, tc := range row.elems() {
		if tc.local != "table-cell" {
			continue
		}
		c := cell{colSpan: 1}
		if v, err := strconv.Atoi(tc.get("number-columns-spanned")); err == nil && v > 1 {
			c.colSpan = v
		}
		if v, err := strconv.Atoi(tc.get("number-rows-spanned")); err == nil && v > 1 {
			c.rowSpan = v
		}
		var texts []string
		bold, any := true, false
		for _, e := range tc.elems() {
			switch e.local {
			case "p", "h":
				st := r.resolve("paragraph", e.get("style-name"), odtResolved{size: r.defSize})
				ps := &odtPara{r: r, sizes: map[float64]int{}}
				ps.lines = []strings.Builder{{}}
				ps.walk(e, st, 0)
				var ls []string
				for _, l := range ps.lines {
					ls = append(ls, l.String())
				}
				t := strings.Join(ls, " ")
				if strings.TrimSpace(t) != "" {
					texts = append(texts, t)
					_, b := ps.weight(st.size)
					bold, any = bold && b, true
				}
			case "list", "table", "section":
				texts = append(texts, e.text())
			}
		}
		c.text = strings.Join(texts, " ")
		c.bold = bold && any
		rep := 1
		if v, err := strconv.Atoi(tc.get("number-columns-repeated")); err == nil && v > 1 {
			rep = min(v, maxSpan)
			if strings.TrimSpace(c.text) == "" {
				rep = min(rep, 64)
			}
		}
		for i := 0; i < rep; i++ {
			cells = append(cells, c)
		}
	}
	return cells
}
