package office

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"fmt"
	"path"
	"strconv"
	"strings"

	"github.com/letopis/letopis"
	"github.com/letopis/letopis/extract"
)

// DOCX reads Office Open XML word-processing documents.
type DOCX struct{}

// docxStyle is a style of styles.xml, as written (not resolved).
type docxStyle struct {
	name, basedOn string
	outline       int // w:outlineLvl + 1, 0 unset
	numID         string
	ilvl          int // -1 unset
	bold          int // -1 unset, 0 off, 1 on
	size          float64
	breakBefore   bool
}

// docxNumLevel is one level of a list definition.
type docxNumLevel struct {
	format, text string // w:numFmt (decimal, bullet …), w:lvlText ("%1.")
	start        int
}

type docxReader struct {
	ctx       context.Context
	parts     map[string]*zip.File
	budget    int
	styles    map[string]*docxStyle
	defStyle  string // the default paragraph style
	defSize   float64
	abstract  map[string]map[int]docxNumLevel
	nums      map[string]string // numId → abstractNumId
	overrides map[string]map[int]int
	counters  map[string][]int // numId → counter of each level
	notes     map[string][]para
	endnotes  map[string][]para
	pendEnd   []string
	f         *flow
}

// Extract implements extract.Extractor.
func (DOCX) Extract(ctx context.Context, path string, data []byte, opts extract.Options) (*letopis.Document, error) {
	if bytes.HasPrefix(data, oleMagic) {
		return nil, errors.New("password-protected or legacy Word file in a .docx name (an OLE2 container): save it as .docx without a password")
	}
	if !bytes.HasPrefix(data, zipMagic) {
		return nil, errors.New("not a .docx document (no zip header)")
	}
	parts, err := zipParts(data, ".docx document")
	if err != nil {
		return nil, err
	}
	r := &docxReader{ctx: ctx, parts: parts, budget: maxElements, styles: map[string]*docxStyle{}, defSize: 10,
		abstract: map[string]map[int]docxNumLevel{}, nums: map[string]string{}, overrides: map[string]map[int]int{},
		counters: map[string][]int{}, notes: map[string][]para{}, endnotes: map[string][]para{}, f: newFlow("docx")}
	main := r.mainPart()
	if parts[main] == nil {
		if parts["content.xml"] != nil {
			return nil, errors.New("not a .docx document: an OpenDocument file (rename it .odt)")
		}
		if parts["xl/workbook.xml"] != nil {
			return nil, errors.New("not a .docx document: an Excel workbook (rename it .xlsx)")
		}
		return nil, errors.New("not a .docx document: no word/document.xml in the archive")
	}
	rels := r.rels(main)
	for _, step := range []func() error{
		func() error { return r.readStyles(rels["styles"]) },
		func() error { return r.readNumbering(rels["numbering"]) },
		func() error { return r.readNotes(rels["footnotes"], "footnote", r.notes) },
		func() error { return r.readNotes(rels["endnotes"], "endnote", r.endnotes) },
	} {
		if err := step(); err != nil {
			return nil, err
		}
	}
	for _, h := range rels["header"] {
		if err := r.readFurniture(h); err != nil {
			return nil, err
		}
	}
	if err := r.readBody(main); err != nil {
		return nil, err
	}
	for _, id := range r.pendEnd {
		for _, p := range r.endnotes[id] {
			r.f.add(p)
		}
	}
	for _, h := range rels["footer"] {
		if err := r.readFurniture(h); err != nil {
			return nil, err
		}
	}
	doc := r.f.finish()
	doc.Title = r.title()
	return doc, nil
}

// mainPart finds the main document part through the package relations.
func (r *docxReader) mainPart() string {
	main := "word/document.xml"
	r.eachRel("_rels/.rels", "", func(typ, target string) {
		if strings.HasSuffix(typ, "/officeDocument") {
			main = target
		}
	})
	return main
}

// rels returns the targets of the main part's relations by kind (the last
// word of the relation type: styles, numbering, header …).
func (r *docxReader) rels(main string) map[string][]string {
	out := map[string][]string{}
	dir := path.Dir(main)
	r.eachRel(path.Join(dir, "_rels", path.Base(main)+".rels"), dir, func(typ, target string) {
		kind := typ[strings.LastIndex(typ, "/")+1:]
		out[kind] = append(out[kind], target)
	})
	for _, kind := range []string{"styles", "numbering", "footnotes", "endnotes"} {
		if len(out[kind]) == 0 { // no relation: the part's usual name
			out[kind] = []string{path.Join(dir, kind+".xml")}
		}
	}
	return out
}

// eachRel calls fn with the type and resolved target (lower case, as the
// part map keys) of each relation of a .rels part.
func (r *docxReader) eachRel(relsPart, dir string, fn func(typ, target string)) {
	zf := r.parts[relsPart]
	if zf == nil {
		return
	}
	_ = r.streamPart(zf, map[string]bool{"Relationship": true}, func(n *node) error {
		if strings.EqualFold(n.get("TargetMode"), "External") {
			return nil
		}
		t := strings.ReplaceAll(n.get("Target"), `\`, "/")
		if strings.HasPrefix(t, "/") {
			t = path.Clean(t)[1:]
		} else {
			t = path.Clean(path.Join(dir, t))
		}
		fn(n.get("Type"), strings.ToLower(t))
		return nil
	})
}

// streamPart streams the elements named in want of a part to fn.
func (r *docxReader) streamPart(zf *zip.File, want map[string]bool, fn func(*node) error) error {
	rc, err := openPart(zf)
	if err != nil {
		return err
	}
	defer rc.Close()
	err = newXMLReader(rc, &r.budget).stream(want, fn)
	if err != nil {
		return fmt.Errorf("%s: %w", zf.Name, err)
	}
	return nil
}

func (r *docxReader) part(names []string) *zip.File {
	if len(names) == 0 {
		return nil
	}
	return r.parts[names[0]]
}

func (r *docxReader) readStyles(names []string) error {
	zf := r.part(names)
	if zf == nil {
		return nil
	}
	return r.streamPart(zf, map[string]bool{"style": true, "docDefaults": true}, func(n *node) error {
		if n.local == "docDefaults" {
			if s := n.path("rPrDefault", "rPr", "sz"); s != nil {
				if v, err := strconv.ParseFloat(s.get("val"), 64); err == nil && v > 0 {
					r.defSize = v / 2
				}
			}
			return nil
		}
		st := &docxStyle{ilvl: -1, bold: -1}
		id := n.get("styleId")
		if c := n.child("name"); c != nil {
			st.name = c.get("val")
		}
		if c := n.child("basedOn"); c != nil {
			st.basedOn = c.get("val")
		}
		if ppr := n.child("pPr"); ppr != nil {
			if c := ppr.child("outlineLvl"); c != nil {
				if v, err := strconv.Atoi(c.get("val")); err == nil && v >= 0 && v < 9 {
					st.outline = v + 1
				}
			}
			if c := ppr.child("numPr"); c != nil {
				st.numID, st.ilvl = numPr(c)
			}
			if c := ppr.child("pageBreakBefore"); c != nil {
				st.breakBefore = boolVal(c.get("val"))
			}
		}
		st.bold, st.size = runProps(n.child("rPr"))
		if n.get("type") == "paragraph" && boolVal(n.get("default")) && n.has("default") {
			r.defStyle = id
		}
		r.styles[id] = st
		return nil
	})
}

// numPr reads a w:numPr: the list's id and level.
func numPr(n *node) (string, int) {
	id, lvl := "", -1
	if c := n.child("numId"); c != nil {
		id = c.get("val")
	}
	if c := n.child("ilvl"); c != nil {
		if v, err := strconv.Atoi(c.get("val")); err == nil && v >= 0 && v < 9 {
			lvl = v
		}
	}
	return id, lvl
}

// runProps reads bold (-1 unset) and size (0 unset) from a w:rPr.
func runProps(rpr *node) (bold int, size float64) {
	bold = -1
	if rpr == nil {
		return
	}
	if c := rpr.child("b"); c != nil {
		bold = 0
		if boldOn(c) {
			bold = 1
		}
	}
	if c := rpr.child("sz"); c != nil {
		if v, err := strconv.ParseFloat(c.get("val"), 64); err == nil && v > 0 && v < 4000 {
			size = v / 2
		}
	}
	return
}

func boldOn(c *node) bool { return !c.has("val") || boolVal(c.get("val")) }

// resolved is a style with its inheritance applied.
type resolved struct {
	name         string
	outline      int
	numID        string
	ilvl         int
	bold         bool
	size         float64
	breakBefore  bool
	headingLevel int // from the outline level or the style's name
}

func (r *docxReader) resolve(id string) resolved {
	if id == "" {
		id = r.defStyle
	}
	out := resolved{ilvl: -1}
	bold := -1
	seen := map[string]bool{}
	for s := r.styles[id]; s != nil && !seen[id]; s = r.styles[id] {
		seen[id] = true
		if out.name == "" {
			out.name = s.name
		}
		if out.outline == 0 {
			out.outline = s.outline
		}
		if out.numID == "" && s.numID != "" {
			out.numID, out.ilvl = s.numID, s.ilvl
		}
		if bold < 0 {
			bold = s.bold
		}
		if out.size == 0 {
			out.size = s.size
		}
		out.breakBefore = out.breakBefore || s.breakBefore
		id = s.basedOn
	}
	out.bold = bold == 1
	if out.size == 0 {
		out.size = r.defSize
	}
	out.headingLevel = out.outline
	if out.headingLevel == 0 {
		out.headingLevel = headingFromName(out.name)
	}
	return out
}

// headingFromName reads the heading level from a style's name: `heading 2`,
// `Heading 2`, `Naslov 2` → 2; `Title` → 1.
func headingFromName(name string) int {
	low := strings.ToLower(strings.ReplaceAll(name, "_20_", " "))
	switch low {
	case "title", "naslov":
		return 1
	}
	for _, p := range []string{"heading ", "naslov ", "überschrift "} {
		if rest, ok := strings.CutPrefix(low, p); ok {
			if v, err := strconv.Atoi(strings.TrimSpace(rest)); err == nil && v >= 1 && v <= 9 {
				return v
			}
		}
	}
	return 0
}

func (r *docxReader) readNumbering(names []string) error {
	zf := r.part(names)
	if zf == nil {
		return nil
	}
	return r.streamPart(zf, map[string]bool{"abstractNum": true, "num": true}, func(n *node) error {
		if n.local == "abstractNum" {
			levels := map[int]docxNumLevel{}
			for _, l := range n.elems() {
				if l.local != "lvl" {
					continue
				}
				i, err := strconv.Atoi(l.get("ilvl"))
				if err != nil || i < 0 || i > 8 {
					continue
				}
				lv := docxNumLevel{format: "decimal", start: 1}
				if c := l.child("numFmt"); c != nil {
					lv.format = c.get("val")
				}
				if c := l.child("lvlText"); c != nil {
					lv.text = c.get("val")
				}
				if c := l.child("start"); c != nil {
					if v, err := strconv.Atoi(c.get("val")); err == nil {
						lv.start = v
					}
				}
				levels[i] = lv
			}
			r.abstract[n.get("abstractNumId")] = levels
			return nil
		}
		id := n.get("numId")
		if c := n.child("abstractNumId"); c != nil {
			r.nums[id] = c.get("val")
		}
		for _, o := range n.elems() {
			if o.local != "lvlOverride" {
				continue
			}
			i, err := strconv.Atoi(o.get("ilvl"))
			if s := o.child("startOverride"); s != nil && err == nil && i >= 0 && i < 9 {
				if v, err := strconv.Atoi(s.get("val")); err == nil {
					if r.overrides[id] == nil {
						r.overrides[id] = map[int]int{}
					}
					r.overrides[id][i] = v
				}
			}
		}
		return nil
	})
}

// label counts a list paragraph of list numID at level ilvl and returns
// its bullet or number as the word processor shows it.
func (r *docxReader) label(numID string, ilvl int) (string, bool) {
	if numID == "" || numID == "0" {
		return "", false
	}
	levels, ok := r.abstract[r.nums[numID]]
	if !ok {
		return "", false
	}
	if ilvl < 0 {
		ilvl = 0
	}
	c := r.counters[numID]
	if c == nil {
		c = make([]int, 9)
		for i := range c {
			c[i] = levels[i].start - 1
			if v, ok := r.overrides[numID][i]; ok {
				c[i] = v - 1
			}
		}
		r.counters[numID] = c
	}
	c[ilvl]++
	for i := ilvl + 1; i < 9; i++ {
		c[i] = levels[i].start - 1
		if v, ok := r.overrides[numID][i]; ok {
			c[i] = v - 1
		}
	}
	lv := levels[ilvl]
	if lv.format == "bullet" {
		return "•", true
	}
	if lv.format == "none" {
		return "", true
	}
	text := lv.text
	if text == "" {
		text = "%" + strconv.Itoa(ilvl+1) + "."
	}
	var sb strings.Builder
	for i := 0; i < len(text); i++ {
		if text[i] == '%' && i+1 < len(text) && text[i+1] >= '1' && text[i+1] <= '9' {
			k := int(text[i+1] - '1')
			sb.WriteString(formatNumber(c[k], levels[k].format))
			i++
			continue
		}
		sb.WriteByte(text[i])
	}
	return strings.TrimSpace(sb.String()), true
}

// formatNumber writes n in a list numbering format (decimal, lowerLetter,
// upperRoman …; ODF's "1", "a", "I" too).
func formatNumber(n int, format string) string {
	if n < 1 {
		n = 1
	}
	switch format {
	case "lowerLetter", "a":
		return letters(n, 'a')
	case "upperLetter", "A":
		return letters(n, 'A')
	case "lowerRoman", "i":
		return strings.ToLower(roman(n))
	case "upperRoman", "I":
		return roman(n)
	}
	return strconv.Itoa(n)
}

func letters(n int, base byte) string {
	n = min(n, 1000)
	s := ""
	for n > 0 {
		n--
		s = string(rune(base)+rune(n%26)) + s
		n /= 26
	}
	return s
}

func roman(n int) string {
	if n >= 4000 {
		return strconv.Itoa(n)
	}
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	var sb strings.Builder
	for i, v := range vals {
		for n >= v {
			sb.WriteString(syms[i])
			n -= v
		}
	}
	return sb.String()
}

func (r *docxReader) readNotes(names []string, local string, into map[string][]para) error {
	zf := r.part(names)
	if zf == nil {
		return nil
	}
	return r.streamPart(zf, map[string]bool{local: true}, func(n *node) error {
		if t := n.get("type"); t != "" && t != "normal" {
			return nil // separators
		}
		for _, c := range n.elems() {
			if c.local == "p" {
				pi := r.paragraph(c, false)
				into[n.get("id")] = append(into[n.get("id")], pi.para)
			}
		}
		return nil
	})
}

// readFurniture reads a header or footer part as furniture paragraphs,
// each distinct text once.
func (r *docxReader) readFurniture(name string) error {
	zf := r.parts[name]
	if zf == nil {
		return nil
	}
	return r.streamPart(zf, map[string]bool{"p": true, "tbl": true}, func(n *node) error {
		text := n.text()
		if n.local == "p" {
			pi := r.paragraph(n, false)
			text = strings.Join(pi.lines, " ")
		}
		text = strings.Join(strings.Fields(text), " ")
		if text == "" {
			return nil
		}
		for _, pg := range r.f.doc.Pages {
			for _, b := range pg.Blocks {
				if b.Kind == letopis.BlockFurniture && b.Text() == text {
					return nil
				}
			}
		}
		r.f.add(para{lines: []string{text}, furniture: true})
		return nil
	})
}

func (r *docxReader) readBody(main string) error {
	return r.streamPart(r.parts[main], map[string]bool{"p": true, "tbl": true}, func(n *node) error {
		if err := r.ctx.Err(); err != nil {
			return err
		}
		return r.block(n)
	})
}

// block adds a body element: a paragraph or a table.
func (r *docxReader) block(n *node) error {
	switch n.local {
	case "p":
		pi := r.paragraph(n, true)
		if pi.breakBefore {
			r.f.pageBreak()
		}
		r.f.add(pi.para)
		for _, id := range pi.notes {
			for _, p := range r.notes[id] {
				r.f.add(p)
			}
		}
		r.pendEnd = append(r.pendEnd, pi.endnotes...)
		for _, box := range pi.boxes {
			for _, c := range box.elems() {
				if err := r.containerBlock(c); err != nil {
					return err
				}
			}
		}
		if pi.breakAfter {
			r.f.pageBreak()
		}
	case "tbl":
		t, err := r.table(n)
		if err != nil {
			return err
		}
		r.f.addTable(t)
	}
	return nil
}

// containerBlock adds the content of a text box, content control or custom
// XML element.
func (r *docxReader) containerBlock(n *node) error {
	switch n.local {
	case "p", "tbl":
		return r.block(n)
	case "sdt", "sdtContent", "customXml":
		for _, c := range n.elems() {
			if err := r.containerBlock(c); err != nil {
				return err
			}
		}
	}
	return nil
}

// paraInfo is a paragraph read from a w:p with what it refers to.
type paraInfo struct {
	para
	breakBefore, breakAfter bool
	notes, endnotes         []string
	boxes                   []*node // w:txbxContent of text boxes
}

// paragraph reads a w:p. count says whether its list number is counted
// (not for a header's or a note's paragraph read twice).
func (r *docxReader) paragraph(n *node, count bool) paraInfo {
	var pi paraInfo
	ppr := n.child("pPr")
	styleID := ""
	if c := ppr.child("pStyle"); c != nil {
		styleID = c.get("val")
	}
	st := r.resolve(styleID)
	pi.heading = st.headingLevel
	pi.breakBefore = st.breakBefore
	numID, ilvl := st.numID, st.ilvl
	if ppr != nil {
		if c := ppr.child("outlineLvl"); c != nil {
			if v, err := strconv.Atoi(c.get("val")); err == nil {
				pi.heading = 0
				if v >= 0 && v < 9 {
					pi.heading = v + 1
				}
			}
		}
		if c := ppr.child("numPr"); c != nil {
			id, lvl := numPr(c)
			if id != "" {
				numID = id
			}
			if lvl >= 0 {
				ilvl = lvl
			}
		}
		if c := ppr.child("pageBreakBefore"); c != nil {
			pi.breakBefore = boolVal(c.get("val"))
		}
		if s := ppr.child("sectPr"); s != nil {
			typ := ""
			if c := s.child("type"); c != nil {
				typ = c.get("val")
			}
			pi.breakAfter = typ != "continuous"
		}
	}
	if count {
		if label, ok := r.label(numID, ilvl); ok {
			pi.label = label
			pi.list = pi.heading == 0
		}
	}
	rs := &runState{r: r, pi: &pi, sizes: map[float64]int{}, boldRunes: 0}
	rs.lines = []strings.Builder{{}}
	rs.walk(n, st)
	for _, l := range rs.lines {
		pi.lines = append(pi.lines, l.String())
	}
	best, bn := st.size, -1
	for s, k := range rs.sizes {
		if k > bn || k == bn && s > best {
			best, bn = s, k
		}
	}
	pi.size = best
	pi.bold = rs.runes > 0 && rs.boldRunes == rs.runes
	return pi
}

// runState collects the text of a paragraph's runs.
type runState struct {
	r                *docxReader
	pi               *paraInfo
	lines            []strings.Builder
	sizes            map[float64]int
	runes, boldRunes int
}

func (rs *runState) write(s string, bold bool, size float64) {
	if s == "" {
		return
	}
	rs.lines[len(rs.lines)-1].WriteString(s)
	n := len([]rune(strings.TrimSpace(s)))
	rs.runes += n
	if bold {
		rs.boldRunes += n
	}
	rs.sizes[size] += n
}

func (rs *runState) hasText() bool {
	for i := range rs.lines {
		if strings.TrimSpace(rs.lines[i].String()) != "" {
			return true
		}
	}
	return false
}

// walk reads the runs under n (a paragraph, hyperlink, field, insertion …).
func (rs *runState) walk(n *node, st resolved) {
	for _, c := range n.elems() {
		switch c.local {
		case "r":
			rs.run(c, st)
		case "hyperlink", "ins", "smartTag", "fldSimple", "customXml", "moveTo", "bdo", "dir", "sdt", "sdtContent":
			rs.walk(c, st)
		}
	}
}

// run reads one w:r.
func (rs *runState) run(n *node, st resolved) {
	bold, size := st.bold, st.size
	if rpr := n.child("rPr"); rpr != nil {
		if c := rpr.child("rStyle"); c != nil {
			cs := rs.r.styles[c.get("val")]
			if cs != nil && cs.bold >= 0 {
				bold = cs.bold == 1
			}
			if cs != nil && cs.size > 0 {
				size = cs.size
			}
		}
		b, s := runProps(rpr)
		if b >= 0 {
			bold = b == 1
		}
		if s > 0 {
			size = s
		}
	}
	for _, c := range n.elems() {
		switch c.local {
		case "t":
			rs.write(c.text(), bold, size)
		case "tab", "ptab":
			rs.write(" ", bold, size)
		case "noBreakHyphen":
			rs.write("-", bold, size)
		case "br", "cr":
			switch c.get("type") {
			case "page":
				if rs.hasText() {
					rs.pi.breakAfter = true
				} else {
					rs.pi.breakBefore = true
				}
			case "column":
				rs.write(" ", bold, size)
			default:
				rs.lines = append(rs.lines, strings.Builder{})
			}
		case "lastRenderedPageBreak":
			if !rs.hasText() {
				rs.pi.breakBefore = true
			}
		case "footnoteReference":
			rs.pi.notes = append(rs.pi.notes, c.get("id"))
		case "endnoteReference":
			rs.pi.endnotes = append(rs.pi.endnotes, c.get("id"))
		case "drawing", "pict", "AlternateContent", "object":
			rs.pi.boxes = append(rs.pi.boxes, textBoxes(c)...)
		}
	}
}

// textBoxes finds the w:txbxContent elements under n, skipping the
// fallback copy of markup-compatibility alternatives.
func textBoxes(n *node) []*node {
	var out []*node
	var walk func(*node, int)
	walk = func(n *node, depth int) {
		if depth > maxDepth {
			return
		}
		for _, c := range n.elems() {
			switch c.local {
			case "Fallback":
				continue
			case "txbxContent":
				out = append(out, c)
				continue
			}
			walk(c, depth+1)
		}
	}
	walk(n, 0)
	return out
}

// table reads a w:tbl. A nested table's text goes into its cell.
func (r *docxReader) table(n *node) (*letopis.Table, error) {
	tb := &tableBuilder{f: r.f}
	rows := collectIn(n, "tr")
	for _, tr := range rows {
		header := false
		var cells []cell
		if trPr := tr.child("trPr"); trPr != nil {
			if c := trPr.child("tblHeader"); c != nil {
				header = boldOn(c)
			}
			if c := trPr.child("gridBefore"); c != nil {
				if v, err := strconv.Atoi(c.get("val")); err == nil && v > 0 {
					cells = append(cells, cell{colSpan: v})
				}
			}
		}
		tcs := collectIn(tr, "tc")
		for _, tc := range tcs {
			c := cell{colSpan: 1}
			if tcPr := tc.child("tcPr"); tcPr != nil {
				if g := tcPr.child("gridSpan"); g != nil {
					if v, err := strconv.Atoi(g.get("val")); err == nil && v > 1 {
						c.colSpan = v
					}
				}
				if v := tcPr.child("vMerge"); v != nil && v.get("val") != "restart" {
					c.vMergeCont = true
				}
			}
			var texts []string
			bold, any := true, false
			for _, e := range tc.elems() {
				switch e.local {
				case "p":
					pi := r.paragraph(e, true)
					t := strings.Join(pi.lines, " ")
					if pi.label != "" && pi.label != "•" {
						t = pi.label + " " + t
					}
					if strings.TrimSpace(t) != "" {
						texts = append(texts, t)
						any = true
						bold = bold && pi.bold
					}
				case "tbl", "sdt", "customXml":
					texts = append(texts, e.text())
				}
			}
			c.text = strings.Join(texts, " ")
			c.bold = bold && any
			cells = append(cells, c)
		}
		if err := tb.addRow(cells, header); err != nil {
			return nil, err
		}
	}
	return tb.table(), nil
}

// collectIn returns the child elements of n named local, looking through
// content controls and custom XML that wrap them.
func collectIn(n *node, local string) []*node {
	var out []*node
	var walk func(*node, int)
	walk = func(n *node, depth int) {
		for _, c := range n.elems() {
			switch c.local {
			case local:
				out = append(out, c)
			case "sdt", "sdtContent", "customXml":
				if depth < maxDepth {
					walk(c, depth+1)
				}
			}
		}
	}
	walk(n, 0)
	return out
}

// title reads the document title of docProps/core.xml.
func (r *docxReader) title() string {
	zf := r.parts["docprops/core.xml"]
	if zf == nil {
		return ""
	}
	title := ""
	_ = r.streamPart(zf, map[string]bool{"title": true}, func(n *node) error {
		title = strings.TrimSpace(n.text())
		return nil
	})
	return title
}
