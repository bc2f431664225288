package pdf

import (
	"context"
	"math"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/letopis/letopis"
)

// word is a run of glyphs read as one word.
type word struct {
	text           string
	x0, y0, x1, y1 float64
	base           float64
	size           float64
	font           *fontInfo
	bold           bool
	spaceBefore    bool    // an explicit space glyph precedes it
	hard           bool    // a size or weight jump precedes it: never glued to the previous word
	single         bool    // built from one glyph (letter-spacing candidate)
	leader         bool    // dot leaders between two cells of a table row
	stacked        bool    // ends a cell on the edge of a column of right-aligned numbers (markStacks)
	leftEdge       bool    // starts where the cells of a column start on other lines (markStacks)
	stackHead      bool    // starts a cell over a column of numbers right after one over another (markStackHeads)
	num            int8    // whether the text is a number: 0 not known yet, 1 yes, 2 no (see number)
	capSize        float64 // the size of a larger initial capital joined to the word's smaller letters (small capitals)
}

func (w *word) cx() float64 { return (w.x0 + w.x1) / 2 }
func (w *word) cy() float64 { return (w.y0 + w.y1) / 2 }

// Thresholds relative to the font size.
const (
	wordGap   = 0.12 // a gap wider than this (in ems) between glyphs ends a word
	lineTol   = 0.3  // baselines closer than this (in ems) are one line
	sizeJump  = 1.2  // a size ratio above this ends a word
	gutterEms = 1.5  // the narrowest column gutter, in body-text ems
)

// words turns glyphs (in content-stream order) into words: a word ends at
// a space glyph, at a gap wider than wordGap ems, at a change of line, and
// at a jump in size or weight (a 20 pt box number set right against 9.5 pt
// text stays a word of its own).
func words(gs []glyph) []*word {
	var out []*word
	var cur *word
	var last *glyph
	var sb strings.Builder
	pendingSpace := false
	flush := func() {
		if cur != nil {
			cur.text = sb.String()
			out = append(out, cur)
			cur = nil
			sb.Reset()
		}
	}
	for i := range gs {
		g := &gs[i]
		if g.space {
			flush()
			pendingSpace = true
			continue
		}
		hard, initial := false, false
		if last != nil {
			ms := min(g.size, last.size)
			sameLine := math.Abs(g.y-last.y) <= lineTol*ms
			if sameLine && math.Abs(g.x0-last.x0) < 0.05*ms && g.s == last.s {
				continue // the same glyph drawn twice (fake bold, shadow)
			}
			hard = sameLine && (g.size/last.size > sizeJump || last.size/g.size > sizeJump || g.font.bold != last.font.bold)
			gap := g.x0 - last.x1
			if hard && cur != nil && cur.single && capitalInitial(last, g) {
				hard, initial = false, true
			}
			if cur != nil && (!sameLine || gap > wordGap*ms || gap < -0.5*ms || hard) {
				flush()
			}
		}
		if cur == nil {
			cur = &word{x0: g.x0, x1: g.x1, base: g.y, size: g.size, font: g.font, bold: g.font.bold,
				spaceBefore: pendingSpace, hard: hard && !pendingSpace, single: true,
				y0: g.y - 0.22*g.size, y1: g.y + 0.78*g.size}
		} else {
			cur.single = false
			cur.x0, cur.x1 = min(cur.x0, g.x0), max(cur.x1, g.x1)
			cur.y0, cur.y1 = min(cur.y0, g.y-0.22*g.size), max(cur.y1, g.y+0.78*g.size)
			cur.size = max(cur.size, g.size)
			if initial {
				cur.capSize = cur.size
				cur.size = g.size // the word's letters, not its capital
			}
		}
		sb.WriteString(g.s)
		pendingSpace = false
		last = g
	}
	flush()
	return out
}

// capitalInitial reports whether glyph g goes on the word whose first and
// only glyph is c, a capital set larger than the letters after it (small
// capitals, O SNOVNI PODATKI for Osnovni podatki): g a letter set smaller
// on c's baseline in its weight, touching it.
func capitalInitial(c, g *glyph) bool {
	r, _ := utf8.DecodeRuneInString(c.s)
	n, _ := utf8.DecodeRuneInString(g.s)
	return unicode.IsUpper(r) && unicode.IsLetter(n) && g.size < c.size && g.size > 0.5*c.size &&
		g.font.bold == c.font.bold && math.Abs(g.y-c.y) < 0.05*g.size && math.Abs(g.x0-c.x1) < 0.05*g.size
}

// line is a line of words in one column, left to right.
type line struct {
	words          []*word
	x0, y0, x1, y1 float64
	base           float64
	size           float64
	bold           bool
	text           string
}

// makeLines groups words (of one column or cell) into lines, top to
// bottom, and collapses letter-spaced runs.
func makeLines(ws []*word) []*line {
	if len(ws) == 0 {
		return nil
	}
	ws = append([]*word(nil), ws...)
	sort.SliceStable(ws, func(i, j int) bool { return ws[i].base > ws[j].base })
	var lines []*line
	for _, w := range ws {
		var best *line
		for i := len(lines) - 1; i >= 0 && i >= len(lines)-3; i-- {
			l := lines[i]
			if math.Abs(l.base-w.base) < lineTol*min(l.size, w.size) ||
				// a larger word (a box number) sharing the line's extent
				(w.base < l.y1 && w.base > l.y0 && math.Abs(l.base-w.base) < 0.5*max(l.size, w.size) && !overlapsX(l, w)) {
				best = l
				break
			}
		}
		if best == nil {
			best = &line{base: w.base, size: w.size, x0: w.x0, x1: w.x1, y0: w.y0, y1: w.y1}
			lines = append(lines, best)
		}
		best.words = append(best.words, w)
		best.x0, best.x1 = min(best.x0, w.x0), max(best.x1, w.x1)
		best.y0, best.y1 = min(best.y0, w.y0), max(best.y1, w.y1)
	}
	for _, l := range lines {
		sort.SliceStable(l.words, func(i, j int) bool { return l.words[i].x0 < l.words[j].x0 })
		l.words = collapseLetterSpacing(l.words)
		l.finish()
	}
	sort.SliceStable(lines, func(i, j int) bool { return lines[i].base > lines[j].base })
	return lines
}

func overlapsX(l *line, w *word) bool {
	for _, v := range l.words {
		if w.x0 < v.x1-0.5 && v.x0 < w.x1-0.5 {
			return true
		}
	}
	return false
}

// finish computes the line's text, dominant size and weight.
func (l *line) finish() {
	var sb strings.Builder
	sizes := map[float64]int{}
	bold, all := 0, 0
	for i, w := range l.words {
		if i > 0 {
			sb.WriteByte(' ')
		}
		sb.WriteString(w.text)
		n := utf8.RuneCountInString(w.text)
		sizes[math.Round(w.size*10)/10] += n
		all += n
		if w.bold {
			bold += n
		}
	}
	l.text = sb.String()
	best, bn := 0.0, -1
	for s, n := range sizes {
		if n > bn || n == bn && s > best {
			best, bn = s, n
		}
	}
	l.size = best
	l.bold = all > 0 && bold*2 > all
	// a line set in small capitals (every letter a capital, words opening
	// with a larger one) is set in the size of its capitals
	if upper := strings.ToUpper(l.text) == l.text; upper {
		for _, w := range l.words {
			if w.capSize > l.size {
				l.size = w.capSize
			}
		}
	}
}

// collapseLetterSpacing joins runs of one-glyph words set with letter
// spacing (`S T R A T E Š K O`) into words. Inside such a run a word ends
// at an explicit space or at a gap clearly wider than the letter gap; real
// one-letter words of ordinary text are never in a run of three.
func collapseLetterSpacing(ws []*word) []*word {
	if len(ws) < 3 {
		return ws
	}
	var out []*word
	for i := 0; i < len(ws); {
		j := i + 1
		// A run goes on across word gaps (up to 1.5 ems, or 4 with a
		// space glyph), so that the short words of a letter-spaced
		// heading (Z A, K I) are part of it; the words are split again
		// below, where the gap is wider than the letter gap.
		// A kerned pair of capitals (TA, AV) is one glyph apart, a piece of
		// the run like a single glyph.
		for j < len(ws) && spacedPiece(ws[j]) && spacedPiece(ws[j-1]) && !ws[j].hard &&
			math.Abs(ws[j].size-ws[j-1].size) < 0.1*ws[j].size &&
			(ws[j].x0-ws[j-1].x1 < 1.5*ws[j].size || ws[j].spaceBefore && ws[j].x0-ws[j-1].x1 < 4.0*ws[j].size) {
			j++
		}
		singles := 0
		for _, w := range ws[i:j] {
			if w.single {
				singles++
			}
		}
		if j-i < 4 || singles*10 < (j-i)*6 || !ws[i].single && !ws[j-1].single && singles < 4 {
			out = append(out, ws[i])
			i++
			continue
		}
		run := ws[i:j]
		// the letter gap: the smallest gap between glyphs not separated by a space
		letter := math.Inf(1)
		for k := 1; k < len(run); k++ {
			if !run[k].spaceBefore {
				letter = min(letter, run[k].x0-run[k-1].x1)
			}
		}
		if math.IsInf(letter, 1) {
			letter = 0
		}
		cur := *run[0]
		for k := 1; k < len(run); k++ {
			gap := run[k].x0 - run[k-1].x1
			if run[k].spaceBefore || gap > 1.6*letter+0.1*run[k].size {
				w := cur
				out = append(out, &w)
				cur = *run[k]
				continue
			}
			cur.text += run[k].text
			cur.x1 = max(cur.x1, run[k].x1)
			cur.y0, cur.y1 = min(cur.y0, run[k].y0), max(cur.y1, run[k].y1)
			cur.single = false
		}
		w := cur
		w.single = false
		out = append(out, &w)
		i = j
	}
	return out
}

// spacedPiece reports whether a word can be a piece of a letter-spaced
// run: one glyph, or two or three capitals set close (a kerned pair).
func spacedPiece(w *word) bool {
	if w.single {
		return true
	}
	n := 0
	for _, r := range w.text {
		if !unicode.IsUpper(r) {
			return false
		}
		n++
	}
	return n <= 3
}

// collapsePage collapses letter-spaced runs on every baseline of the page
// before columns are cut, so that the wide gaps of a letter-spaced heading
// are not taken for column gutters.
func collapsePage(ws []*word) []*word {
	s := append([]*word(nil), ws...)
	sort.SliceStable(s, func(i, j int) bool {
		if math.Abs(s[i].base-s[j].base) > 0.01 {
			return s[i].base > s[j].base
		}
		return s[i].x0 < s[j].x0
	})
	var out []*word
	for i := 0; i < len(s); {
		j := i + 1
		for j < len(s) && math.Abs(s[j].base-s[i].base) <= 0.01 {
			j++
		}
		out = append(out, collapseLetterSpacing(s[i:j])...)
		i = j
	}
	return out
}

// bulletMarks turns small filled squares and discs drawn just left of a
// line of text (list bullets drawn as shapes, not glyphs) into "•" words.
func bulletMarks(rs []rect, ws []*word) []*word {
	var out []*word
	for _, r := range rs {
		if len(out) > 500 {
			break
		}
		if !r.filled || r.w() < 1.5 || r.w() > 8 || r.h() < 1.5 || r.h() > 8 || math.Abs(r.w()-r.h()) > 1.5 {
			continue
		}
		cy := (r.y0 + r.y1) / 2
		var best *word
		for _, w := range ws {
			if w.x0 > r.x1 && w.x0-r.x1 < 3*w.size && cy > w.base && cy < w.base+0.7*w.size &&
				(best == nil || w.x0 < best.x0) {
				best = w
			}
		}
		if best == nil {
			continue
		}
		out = append(out, &word{text: "•", x0: r.x0, x1: r.x1, base: best.base, size: best.size, font: best.font,
			y0: best.y0, y1: best.y1, spaceBefore: true, single: false})
	}
	return out
}

// region is a rectangle of the page that XY-cut keeps whole: a table, a
// drawn box, or text set in another direction (its blocks laid out).
type region struct {
	x0, y0, x1, y1 float64
	table          *letopis.Table
	box            bool
	words          []*word
	shaded         bool
	blocks         []letopis.Block
	nested         []*region // tables nested in the cells of this table
	outer          *region   // the table this one is nested in
}

// item is what XY-cut orders: a word, or a region.
type item struct {
	x0, y0, x1, y1 float64
	w              *word
	r              *region
}

// size is the font size of a word item, 0 for a region.
func (it *item) size() float64 {
	if it.w != nil {
		return it.w.size
	}
	return 0
}

// Layout limits: a page with more shapes than maxLayoutRects is a figure,
// and only its first shapes are used; a page with more words than
// maxLayoutWords gets no table, box or bullet detection (each is quadratic
// in the worst case). Report pages are far below both.
const (
	maxLayoutRects = 3000
	maxLayoutWords = 20000
)

// alive panics with the context's error once it is done; readPage
// recovers it. Layout calls it between phases and in its recursions.
func alive(ctx context.Context) {
	if err := ctx.Err(); err != nil {
		panic(err)
	}
}

// layoutWords lays out a page from its positioned words and drawn shapes:
// the words of the content stream, or those OCR read on a page image.
// turned are the regions of text set in other directions, laid out
// already (see layoutPage).
func layoutWords(ctx context.Context, ws []*word, rects []rect, pageNo int, pw, ph float64, turned []*region) []letopis.Block {
	if len(ws) == 0 && len(turned) == 0 {
		return nil
	}
	if len(rects) > maxLayoutRects {
		rects = rects[:maxLayoutRects]
	}
	if len(ws) > maxLayoutWords {
		rects = nil
	}
	ws = collapsePage(ws)
	ws = append(ws, bulletMarks(rects, ws)...)
	body := bodySize(ws)
	rules, boxes, fills := classifyRects(rects, pw, ph)
	alive(ctx)
	var regions []*region
	ws, regions = ruledTables(ws, rules, fills, pageNo)
	alive(ctx)
	ws, bx := boxRegions(ws, boxes, regions)
	regions = append(regions, bx...)
	alive(ctx)
	if len(ws) <= maxLayoutWords {
		var tabs []*region
		ws, tabs = bandTables(ws, fills, pageNo, body)
		regions = append(regions, tabs...)
		ws, tabs = alignedTables(ws, fills, pageNo, body)
		regions = append(regions, tabs...)
		ws, tabs = gutterTables(ws, rules, fills, pageNo, body)
		regions = append(regions, tabs...)
	}
	alive(ctx)

	items := make([]*item, 0, len(ws)+len(regions))
	for _, w := range ws {
		items = append(items, &item{w.x0, w.y0, w.x1, w.y1, w, nil})
	}
	regions = append(regions, turned...)
	for _, r := range regions {
		items = append(items, &item{r.x0, r.y0, r.x1, r.y1, nil, r})
	}
	var leaves [][]*item
	xycut(ctx, items, body, &leaves, 0)

	var blocks []letopis.Block
	for _, leaf := range leaves {
		alive(ctx)
		var flow []*word
		emitFlow := func() {
			if len(flow) > 0 {
				blocks = append(blocks, runInHeadings(flowBlocks(makeLines(flow), pageNo, body))...)
				flow = nil
			}
		}
		for _, it := range leaf {
			if it.w != nil {
				flow = append(flow, it.w)
				continue
			}
			emitFlow()
			blocks = append(blocks, regionBlocks(it.r, pageNo, body)...)
		}
		emitFlow()
	}
	return numberedBoxes(blocks)
}

// bodySize is the font size of most of the page's text.
func bodySize(ws []*word) float64 {
	count := map[float64]int{}
	for _, w := range ws {
		count[math.Round(w.size*2)/2] += utf8.RuneCountInString(w.text)
	}
	best, bn := 10.0, -1
	for s, n := range count {
		if n > bn || n == bn && s < best {
			best, bn = s, n
		}
	}
	return best
}

// classifyRects splits drawn rectangles into rules (thin lines, and the
// edges of drawn boxes), boxes (outlined rectangles large enough to hold
// text) and fills (shaded backgrounds: table headers, highlights).
func classifyRects(rs []rect, pw, ph float64) (rules, boxes, fills []rect) {
	for _, r := range rs {
		if r.w() > 0.95*pw && r.h() > 0.9*ph {
			continue // page background
		}
		switch {
		case r.h() <= 2 && r.w() > 4:
			rules = append(rules, r)
		case r.w() <= 2 && r.h() > 4:
			rules = append(rules, r)
		case r.w() > 4 && r.h() > 4 && r.filled:
			fills = append(fills, r)
		case r.w() > 4 && r.h() > 4:
			boxes = append(boxes, r)
			{
				rules = append(rules,
					rect{r.x0, r.y0, r.x1, r.y0, false}, rect{r.x0, r.y1, r.x1, r.y1, false},
					rect{r.x0, r.y0, r.x0, r.y1, false}, rect{r.x1, r.y0, r.x1, r.y1, false})
			}
		}
	}
	// Open boxes: two horizontal rules of the same extent joined by a
	// vertical one at an end (paragraph borders of office suites).
	var hs, vs []rect
	for _, r := range rules {
		if r.h() <= 2 {
			hs = append(hs, r)
		} else {
			vs = append(vs, r)
		}
	}
	sort.Slice(hs, func(i, j int) bool { return hs[i].y0 > hs[j].y0 })
	for i := 0; i+1 < len(hs); i++ {
		a, b := hs[i], hs[i+1]
		if math.Abs(a.x0-b.x0) > 2 || math.Abs(a.x1-b.x1) > 2 || a.y0-b.y0 < 8 || a.y0-b.y0 > 300 {
			continue
		}
		for _, v := range vs {
			if (math.Abs(v.x0-a.x0) < 2 || math.Abs(v.x0-a.x1) < 2) && v.y0 <= b.y0+2 && v.y1 >= a.y0-2 {
				boxes = append(boxes, rect{min(a.x0, b.x0), b.y0, max(a.x1, b.x1), a.y1, false})
				break
			}
		}
	}
	return rules, boxes, fills
}

// boxRegions makes a region of every drawn box that holds words and no
// other box or table; its words leave the page flow.
func boxRegions(ws []*word, boxes []rect, taken []*region) ([]*word, []*region) {
	sort.Slice(boxes, func(i, j int) bool {
		return boxes[i].w()*boxes[i].h() < boxes[j].w()*boxes[j].h()
	})
	var out []*region
	inside := func(w *word, b rect) bool {
		return w.cx() > b.x0 && w.cx() < b.x1 && w.cy() > b.y0 && w.cy() < b.y1
	}
	owner := make([]int, len(ws))
	for i := range owner {
		owner[i] = -1
	}
	for bi, b := range boxes {
		skip := false
		for _, t := range taken {
			if t.x0 < b.x1 && b.x0 < t.x1 && t.y0 < b.y1 && b.y0 < t.y1 {
				skip = true // overlaps a table
				break
			}
		}
		if skip {
			continue
		}
		for wi, w := range ws {
			if owner[wi] < 0 && inside(w, b) {
				owner[wi] = bi
			}
		}
	}
	byBox := map[int][]*word{}
	var rest []*word
	for wi, w := range ws {
		if owner[wi] < 0 {
			rest = append(rest, w)
			continue
		}
		byBox[owner[wi]] = append(byBox[owner[wi]], w)
	}
	for bi, b := range boxes {
		bw := byBox[bi]
		if len(bw) == 0 {
			continue
		}
		// a box that holds a smaller box is a frame, not a result box:
		// its words go back to the flow
		frame := false
		for bj, c := range boxes {
			if bj != bi && len(byBox[bj]) > 0 && c.x0 >= b.x0-1 && c.x1 <= b.x1+1 && c.y0 >= b.y0-1 && c.y1 <= b.y1+1 && c.w()*c.h() < b.w()*b.h() {
				frame = true
				break
			}
		}
		if frame {
			rest = append(rest, bw...)
			continue
		}
		out = append(out, &region{x0: b.x0, y0: b.y0, x1: b.x1, y1: b.y1, box: true, words: bw, shaded: b.filled})
	}
	return rest, out
}

// xycut orders items by recursive XY-cut and appends the leaves (runs of
// items read as one flow, top to bottom) to out. Slabs (bands of items
// between empty horizontal bands) that share a column gutter are cut into
// columns together, so that columns are read one after the other and a
// paragraph gap that happens to line up across columns does not splice
// them. Slabs holding regions (boxes, tables) are never merged: a grid of
// boxes is read row by row.
func xycut(ctx context.Context, items []*item, body float64, out *[][]*item, depth int) {
	if len(items) == 0 {
		return
	}
	alive(ctx)
	if depth > 40 || len(items) == 1 {
		*out = append(*out, sortTopDown(items))
		return
	}
	slabs := hslabs(items)
	x0, x1 := bounds(items)
	var pending []*item
	var narrow [][][2]float64 // each slab's gaps of narrowEms, for narrowRun
	flush := func() {
		if len(pending) > 0 {
			*out = append(*out, sortTopDown(pending))
			pending = nil
		}
	}
	for i := 0; i < len(slabs); {
		group := slabs[i]
		gut := gutters(slabs[i], x0, x1, body)
		j := i + 1
		// a slab that continues the line above it (a wrapped heading) stays
		// with it rather than opening a column group
		if i > 0 && len(pending) > 0 && continues(slabs[i-1], slabs[i], body) {
			pending = append(pending, group...)
			i++
			continue
		}
		if !hasRegion(slabs[i]) && len(gut) > 0 {
			for j < len(slabs) && !hasRegion(slabs[j]) {
				g2 := intersect(gut, gutters(slabs[j], x0, x1, body), gutterEms*body)
				if len(g2) == 0 {
					break
				}
				// Balanced columns: once the right column has ended, a new
				// paragraph on the left is the next section, not the left
				// column's continuation.
				mid := (g2[0][0] + g2[0][1]) / 2
				if !hasRight(slabs[j-1], mid) && !hasRight(slabs[j], mid) &&
					lowest(slabs[j-1])-highest(slabs[j]) > 0.8*body {
					break
				}
				// A heading set apart under both columns, over a table or
				// text across the page, is that element's title: the
				// columns end above it.
				if hasRight(slabs[j-1], mid) && !hasRight(slabs[j], mid) &&
					lowest(slabs[j-1])-highest(slabs[j]) > 0.8*body && headingSlab(slabs[j], body) &&
					j+1 < len(slabs) && (hasRegion(slabs[j+1]) || len(intersect(g2, gutters(slabs[j+1], x0, x1, body), gutterEms*body)) == 0) {
					break
				}
				gut = g2
				group = append(append([]*item(nil), group...), slabs[j]...)
				j++
			}
		}
		var cols [][]*item
		if j-i == 1 {
			cols = vcut(group, body)
		} else {
			cols = splitAt(group, gut)
			if !wideEnough(cols, body) {
				cols = nil
			}
		}
		// a gutter narrower than gutterEms (an office suite's default
		// column spacing) counts when it runs down several slabs with the
		// next column's left edge aligned
		if len(cols) < 2 && !hasRegion(slabs[i]) {
			if narrow == nil {
				narrow = make([][][2]float64, len(slabs))
			}
			if k, g := narrowRun(slabs, narrow, i, x0, x1, body); k > i {
				var run []*item
				for _, sl := range slabs[i:k] {
					run = append(run, sl...)
				}
				if c := splitAt(run, g); wideEnough(c, body) {
					group, cols, j = run, c, k
				}
			}
			if len(cols) < 2 && j > i+1 {
				// no columns in the group: it goes to the page flow one
				// slab at a time, so that a narrow gutter may open on
				// any of them (a sidebar heading beside the text that
				// started above it)
				group, j = slabs[i], i+1
			}
		}
		if len(cols) > 1 {
			flush()
			for _, c := range cols {
				if len(slabs) == 1 && j-i == 1 && len(c) == len(items) {
					*out = append(*out, sortTopDown(c))
					continue
				}
				xycut(ctx, c, body, out, depth+1)
			}
		} else {
			pending = append(pending, group...)
		}
		i = j
	}
	flush()
}

// sortTopDown orders a leaf top to bottom; items side by side on one line
// (overlapping vertically) left to right.
func sortTopDown(items []*item) []*item {
	sort.SliceStable(items, func(i, j int) bool {
		a, b := items[i], items[j]
		ov := min(a.y1, b.y1) - max(a.y0, b.y0)
		if ov > 0.5*min(a.y1-a.y0, b.y1-b.y0) {
			return a.x0 < b.x0
		}
		return a.y1 > b.y1
	})
	return items
}

// continues reports whether slab b, right below a, is set in the same
// size and weight and as close as lines of one paragraph.
func continues(a, b []*item, body float64) bool {
	if hasRegion(a) || hasRegion(b) {
		return false
	}
	sa, sb := a[0].size(), b[0].size()
	return sa > 1.1*body && math.Abs(sa-sb) < 0.5 && a[0].w.bold == b[0].w.bold &&
		lowest(a)-highest(b) < 0.6*sb
}

// headingSlab reports whether a slab is one short line set larger or
// bolder than the body text.
func headingSlab(items []*item, body float64) bool {
	if len(items) == 0 || len(items) > 12 || hasRegion(items) {
		return false
	}
	for _, it := range items {
		if it.w.size < 1.1*body && !it.w.bold {
			return false
		}
	}
	return highest(items)-lowest(items) < 2*items[0].size()
}

func hasRight(items []*item, x float64) bool {
	for _, it := range items {
		if it.x0 > x {
			return true
		}
	}
	return false
}

func lowest(items []*item) float64 {
	y := math.Inf(1)
	for _, it := range items {
		y = min(y, it.y0)
	}
	return y
}

func highest(items []*item) float64 {
	y := math.Inf(-1)
	for _, it := range items {
		y = max(y, it.y1)
	}
	return y
}

func hasRegion(items []*item) bool {
	for _, it := range items {
		if it.r != nil {
			return true
		}
	}
	return false
}

func bounds(items []*item) (x0, x1 float64) {
	x0, x1 = math.Inf(1), math.Inf(-1)
	for _, it := range items {
		x0, x1 = min(x0, it.x0), max(x1, it.x1)
	}
	return
}

// hslabs splits items into horizontal slabs separated by empty bands, top
// to bottom.
func hslabs(items []*item) [][]*item {
	s := append([]*item(nil), items...)
	sort.SliceStable(s, func(i, j int) bool { return s[i].y1 > s[j].y1 })
	var out [][]*item
	var cur []*item
	low := math.Inf(1)
	for _, it := range s {
		if len(cur) > 0 && it.y1 < low-0.01 {
			out = append(out, cur)
			cur = nil
			low = math.Inf(1)
		}
		cur = append(cur, it)
		// a tall word (box number) must not hold a whole column together
		low = min(low, it.y0)
	}
	if len(cur) > 0 {
		out = append(out, cur)
	}
	return out
}

// gutters returns the empty vertical bands of a slab within [x0, x1],
// including bands at its edges. A band between words must be gutterEms
// wide in the larger of the body size and the words' own size (so that
// the word gaps of a large heading are no gutter); between two regions
// any clear gap counts.
func gutters(items []*item, x0, x1, body float64) [][2]float64 {
	s := append([]*item(nil), items...)
	sort.Slice(s, func(i, j int) bool { return s[i].x0 < s[j].x0 })
	var out [][2]float64
	pos := x0
	var prev *item
	for _, it := range s {
		need := gutterEms * max(body, it.size())
		if prev != nil {
			need = max(need, gutterEms*prev.size())
			if prev.r != nil && it.r != nil {
				need = 2
			}
		}
		if it.x0-pos >= need {
			out = append(out, [2]float64{pos, it.x0})
		}
		if it.x1 > pos {
			pos = it.x1
			prev = it
		}
	}
	if x1-pos >= gutterEms*body {
		out = append(out, [2]float64{pos, x1})
	}
	return out
}

// narrowEms is the narrowest gutter, in body ems, of columns whose edges
// line up on both sides of it; narrowSlabs the fewest slabs it must run
// down.
const (
	narrowEms   = 0.5
	narrowSlabs = 5
)

// narrowRun finds a gutter narrower than gutterEms that runs down the
// slabs from i on: a band at least narrowEms wide in each of them, words
// left of it in some, and in narrowSlabs of them or more words right of
// it, seven in ten of which start at one x (the left edge of a column,
// indented list items aside), as an office suite sets two columns with its
// default spacing. Once the right column has ended, a paragraph on the
// left ends the run. It returns the slab after the run and the gutter, or i
// when there is none. cache holds each slab's gaps once computed.
func narrowRun(slabs [][]*item, cache [][][2]float64, i int, x0, x1, body float64) (int, [][2]float64) {
	gapsOf := func(k int) [][2]float64 {
		if cache[k] == nil {
			cache[k] = gaps(slabs[k], x0, x1, narrowEms*body)
			if cache[k] == nil {
				cache[k] = [][2]float64{}
			}
		}
		return cache[k]
	}
	var best [][2]float64
	bestEnd, bestN := i, 0
	for _, g := range gapsOf(i) {
		if g[0] <= x0+0.5 || g[1] >= x1-0.5 {
			continue // a margin
		}
		cur, end := g, i
		var starts []float64 // where the words right of the gutter start
		left := false        // words stand left of the gutter: no margin
		for k := i; k < len(slabs) && !hasRegion(slabs[k]); k++ {
			// of the slab's gaps across the gutter, the one that keeps
			// its right edge (the next column's start)
			var next [2]float64
			found := false
			for _, h := range gapsOf(k) {
				if lo, hi := max(cur[0], h[0]), min(cur[1], h[1]); hi-lo >= narrowEms*body && (!found || hi > next[1]) {
					next, found = [2]float64{lo, hi}, true
				}
			}
			if !found {
				break
			}
			l := math.Inf(1)
			for _, it := range slabs[k] {
				if it.x0 >= next[1]-0.5 {
					l = min(l, it.x0)
				} else if it.x1 <= next[0]+0.5 {
					left = true
				}
			}
			// once the right column has ended, a new paragraph on the
			// left is the next section, not the left column going on
			if math.IsInf(l, 1) && k > i && lowest(slabs[k-1])-highest(slabs[k]) > 0.8*body {
				break
			}
			cur, end = next, k+1
			if !math.IsInf(l, 1) {
				starts = append(starts, l)
			}
		}
		// of the gutters found, the one whose next column starts at its
		// edge in the most slabs (a word gap that lines share by chance
		// loses to the gutter between the columns)
		if n := atEdge(starts, 1.5); left && len(starts) >= narrowSlabs && n*10 >= len(starts)*7 && n > bestN {
			bestEnd, best, bestN = end, [][2]float64{cur}, n
		}
	}
	if best == nil {
		return i, nil
	}
	return bestEnd, best
}

// atEdge counts the xs within tol of the smallest of them.
func atEdge(xs []float64, tol float64) int {
	if len(xs) == 0 {
		return 0
	}
	lo, n := slices.Min(xs), 0
	for _, x := range xs {
		if x-lo <= tol {
			n++
		}
	}
	return n
}

// gaps returns the empty vertical bands of a slab within [x0, x1] at
// least minW wide, between its items and at its edges.
func gaps(items []*item, x0, x1, minW float64) [][2]float64 {
	s := append([]*item(nil), items...)
	sort.Slice(s, func(i, j int) bool { return s[i].x0 < s[j].x0 })
	var out [][2]float64
	pos := x0
	for _, it := range s {
		if it.x0-pos >= minW {
			out = append(out, [2]float64{pos, it.x0})
		}
		pos = max(pos, it.x1)
	}
	if x1-pos >= minW {
		out = append(out, [2]float64{pos, x1})
	}
	return out
}

func intersect(a, b [][2]float64, minW float64) [][2]float64 {
	var out [][2]float64
	for _, p := range a {
		for _, q := range b {
			lo, hi := max(p[0], q[0]), min(p[1], q[1])
			if hi-lo >= minW {
				out = append(out, [2]float64{lo, hi})
			}
		}
	}
	return out
}

// splitAt splits items into columns at the interior gutters.
func splitAt(items []*item, gut [][2]float64) [][]*item {
	x0, x1 := bounds(items)
	var cuts []float64
	for _, g := range gut {
		if g[0] > x0+0.5 && g[1] < x1-0.5 {
			cuts = append(cuts, (g[0]+g[1])/2)
		}
	}
	if len(cuts) == 0 {
		return nil
	}
	sort.Float64s(cuts)
	cols := make([][]*item, len(cuts)+1)
	for _, it := range items {
		k := sort.SearchFloat64s(cuts, (it.x0+it.x1)/2)
		cols[k] = append(cols[k], it)
	}
	var out [][]*item
	for _, c := range cols {
		if len(c) > 0 {
			out = append(out, c)
		}
	}
	return out
}

// vcut splits one slab into columns at its gutters, if every column is
// wider than a bullet or a number.
func vcut(items []*item, body float64) [][]*item {
	x0, x1 := bounds(items)
	cols := splitAt(items, gutters(items, x0, x1, body))
	if len(cols) < 2 || !wideEnough(cols, body) {
		return nil
	}
	return cols
}

func wideEnough(cols [][]*item, body float64) bool {
	if len(cols) < 2 {
		return false
	}
	for _, c := range cols {
		a, b := bounds(c)
		if b-a < 4*body && !hasRegion(c) {
			return false
		}
	}
	return true
}

// strongBullet reports whether s is a bullet that never starts a wrapped
// line of ordinary text (unlike a dash or a number).
func strongBullet(s string) bool {
	r, n := utf8.DecodeRuneInString(s)
	return n == len(s) && strings.ContainsRune("•◦▪▫●○■□►▸‣⁃∙✓✔➢➤→", r)
}

func isBullet(s string) bool {
	r, n := utf8.DecodeRuneInString(s)
	return n == len(s) && strings.ContainsRune(bullets, r)
}

var bullets = "•◦▪▫●○■□►▸‣⁃∙·*–-—✓✔➢➤→"

// listLabel returns a list item's bullet or number at the start of text and
// the rest, or "" if the line does not start a list item.
func listLabel(l *line) (label string, rest int) {
	if len(l.words) == 0 {
		return "", 0
	}
	first := l.words[0].text
	r, n := utf8.DecodeRuneInString(first)
	if n == len(first) && strings.ContainsRune(bullets, r) && len(l.words) > 1 {
		return first, 1
	}
	if n < len(first) && strings.ContainsRune("•◦▪●○■□►▸‣✓✔➢➤", r) {
		return string(r), 0
	}
	// 1. 1) a) (a) i. I. followed by a word (not "6. 9. 2019")
	t := first
	if strings.HasPrefix(t, "(") {
		if !strings.HasSuffix(t, ")") {
			return "", 0
		}
		t = t[1:]
	}
	if len(l.words) > 1 && !startsWithLetter(l.words[1].text) {
		return "", 0
	}
	if len(l.words) > 1 && (strings.HasSuffix(t, ".") || strings.HasSuffix(t, ")")) {
		core := t[:len(t)-1]
		if core != "" && len(core) <= 3 && (allDigits(core) || (len(core) == 1 && unicode.IsLetter(rune(core[0])) && strings.HasSuffix(t, ")")) || isRoman(core)) {
			return first, 1
		}
	}
	return "", 0
}

func startsWithLetter(s string) bool {
	r, _ := utf8.DecodeRuneInString(strings.TrimLeft(s, "»«\"'„“(["))
	return unicode.IsLetter(r)
}

func allDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

func isRoman(s string) bool {
	for _, r := range s {
		if !strings.ContainsRune("IVXivx", r) {
			return false
		}
	}
	return s != ""
}

// flowBlocks splits the lines of one column into blocks.
func flowBlocks(lines []*line, pageNo int, body float64) []letopis.Block {
	if len(lines) == 0 {
		return nil
	}
	// the usual step between lines of a paragraph, per font size
	steps := map[float64][]float64{}
	for i := 1; i < len(lines); i++ {
		a, b := lines[i-1], lines[i]
		if math.Abs(a.size-b.size) < 0.5 {
			k := math.Round(b.size * 2)
			steps[k] = append(steps[k], a.base-b.base)
		}
	}
	leadFor := func(size float64) float64 {
		st := steps[math.Round(size*2)]
		if len(st) < 3 {
			return 1.45 * size
		}
		sort.Float64s(st)
		return st[len(st)/4]
	}
	var blocks []letopis.Block
	var cur []*line
	var label string
	flush := func() {
		if len(cur) == 0 {
			return
		}
		b := makeBlock(cur, pageNo)
		if label != "" {
			b.Kind = letopis.BlockListItem
			b.Label = label
		}
		blocks = append(blocks, b)
		cur, label = nil, ""
	}
	for i, l := range lines {
		lab, n := listLabel(l)
		if lab != "" && i > 0 && !strongBullet(lab) {
			// a number at the start of a wrapped line is a list number only
			// after a line that ends a sentence or another item
			p := strings.TrimSpace(lines[i-1].text)
			if p != "" && !strings.ContainsAny(p[len(p)-1:], ".:;!?") && (label == "" || !sameKind(label, lab)) {
				lab, n = "", 0
			}
		}
		if i > 0 {
			p := lines[i-1]
			step := p.base - l.base
			newBlock := step > leadFor(l.size)*1.35+0.5 ||
				math.Abs(p.size-l.size) > 0.12*max(p.size, l.size) ||
				p.bold != l.bold && (len(cur) > 0 && allBold(cur) || l.bold && len(l.text) < 120) ||
				lab != "" ||
				label != "" && l.x0 < cur[0].x0+1 && lab == "" && false
			if label != "" && lab == "" && l.x0 < cur[0].words[min(1, len(cur[0].words)-1)].x0-2 && cur[0].x0 < l.x0-2 {
				newBlock = true
			}
			// a short line opening a block, over full lines that start
			// where it does: a title set apart by space (see spacedTitle)
			if !newBlock && len(cur) == 1 && label == "" && shortTitle(cur[0], l) {
				newBlock = true
			}
			if newBlock {
				flush()
			}
		}
		if lab != "" {
			label = lab
			if n > 0 {
				l = trimWords(l, n)
			} else {
				l = trimLabelRune(l)
			}
		}
		cur = append(cur, l)
	}
	flush()
	return blocks
}

// shortTitle reports whether line t, alone so far in its block, is a
// title over line l: less than half as wide, starting where it does, in
// capitals first and without a closing mark.
func shortTitle(t, l *line) bool {
	r, _ := utf8.DecodeRuneInString(t.text)
	last, _ := utf8.DecodeLastRuneInString(t.text)
	return t.x1-t.x0 < 0.5*(l.x1-l.x0) && math.Abs(t.x0-l.x0) < 2 && unicode.IsUpper(r) &&
		!strings.ContainsRune(".,;:!?-–…", last) && utf8.RuneCountInString(t.text) <= 60 &&
		math.Abs(t.size-l.size) < 0.5 && t.bold == l.bold
}

func allBold(ls []*line) bool {
	for _, l := range ls {
		if !l.bold {
			return false
		}
	}
	return true
}

func trimWords(l *line, n int) *line {
	c := &line{words: l.words[n:], base: l.base}
	c.x0, c.x1, c.y0, c.y1 = math.Inf(1), math.Inf(-1), math.Inf(1), math.Inf(-1)
	for _, w := range c.words {
		c.x0, c.x1 = min(c.x0, w.x0), max(c.x1, w.x1)
		c.y0, c.y1 = min(c.y0, w.y0), max(c.y1, w.y1)
	}
	c.finish()
	return c
}

func trimLabelRune(l *line) *line {
	w := *l.words[0]
	_, n := utf8.DecodeRuneInString(w.text)
	w.text = strings.TrimSpace(w.text[n:])
	ws := append([]*word{&w}, l.words[1:]...)
	c := &line{words: ws, x0: l.x0, x1: l.x1, y0: l.y0, y1: l.y1, base: l.base}
	c.finish()
	return c
}

// makeBlock builds a paragraph block of lines, hyphenation joined.
func makeBlock(ls []*line, pageNo int) letopis.Block {
	b := letopis.Block{Kind: letopis.BlockParagraph, Page: pageNo}
	texts := make([]string, len(ls))
	for i, l := range ls {
		texts[i] = l.text
	}
	texts = dehyphenate(texts)
	for i, l := range ls {
		ll := toLine(l)
		ll.Text = texts[i]
		if ll.Text == "" && len(b.Lines) > 0 {
			prev := &b.Lines[len(b.Lines)-1]
			prev.BBox = prev.BBox.Union(ll.BBox)
			prev.Words = append(prev.Words, ll.Words...)
			continue
		}
		b.Lines = append(b.Lines, ll)
		b.BBox = b.BBox.Union(ll.BBox)
	}
	for _, l := range b.Lines {
		b.BBox = b.BBox.Union(l.BBox)
	}
	return b
}

func toLine(l *line) letopis.Line {
	ll := letopis.Line{Text: l.text, BBox: bbox(l.x0, l.y0, l.x1, l.y1), Size: l.size, Bold: l.bold}
	ll.Words = make([]letopis.Word, len(l.words))
	for i, w := range l.words {
		name := ""
		if w.font != nil {
			name = w.font.name
		}
		ll.Words[i] = letopis.Word{Text: w.text, BBox: bbox(w.x0, w.y0, w.x1, w.y1), Font: name, Size: round2(w.size), Bold: w.bold}
	}
	return ll
}

func round2(f float64) float64 { return math.Round(f*100) / 100 }

func bbox(x0, y0, x1, y1 float64) letopis.BBox {
	return letopis.BBox{X0: round2(x0), Y0: round2(y0), X1: round2(x1), Y1: round2(y1)}
}

// dehyphenate resolves line-end hyphens: a break (`izo-` + `braževanje`)
// is joined without the hyphen; a real hyphen (`e-` + `publikaciji`,
// `SO-` + `Ma`, `2019-` + `2020`) is kept and the word joined. The joined
// word moves to the end of the first line.
func dehyphenate(texts []string) []string {
	for i := 0; i+1 < len(texts); i++ {
		t := texts[i]
		soft := strings.HasSuffix(t, "\u00ad")
		if strings.HasSuffix(t, "–") && len(texts[i+1]) > 0 {
			// a range broken after its dash: 2019– / 2023
			stem := strings.TrimSuffix(t, "–")
			pr, _ := utf8.DecodeLastRuneInString(stem)
			nr, _ := utf8.DecodeRuneInString(texts[i+1])
			if unicode.IsDigit(pr) && unicode.IsDigit(nr) {
				first, rest, _ := strings.Cut(texts[i+1], " ")
				texts[i] = t + first
				texts[i+1] = rest
			}
			continue
		}
		if !soft && !strings.HasSuffix(t, "-") {
			continue
		}
		stem := strings.TrimSuffix(strings.TrimSuffix(t, "\u00ad"), "-")
		sp := strings.LastIndexByte(stem, ' ')
		frag := stem[sp+1:]
		if frag == "" {
			continue // a dash standing alone
		}
		next := texts[i+1]
		if next == "" {
			continue
		}
		first, rest, _ := strings.Cut(next, " ")
		r, _ := utf8.DecodeRuneInString(first)
		fr, _ := utf8.DecodeLastRuneInString(frag)
		letters := 0
		for _, c := range frag {
			if unicode.IsLetter(c) {
				letters++
			}
		}
		url := strings.ContainsAny(frag, "/@") || strings.Contains(frag, "www.") || strings.Contains(first, "/")
		switch {
		case soft || !url && unicode.IsLower(r) && unicode.IsLower(fr) && letters >= 2:
			texts[i] = stem + first
		case unicode.IsLetter(fr) || unicode.IsDigit(fr):
			texts[i] = stem + "-" + first
		default:
			continue
		}
		texts[i+1] = rest
	}
	return texts
}

// regionBlocks turns a table or box region into blocks.
func regionBlocks(r *region, pageNo int, body float64) []letopis.Block {
	if r.blocks != nil {
		return r.blocks
	}
	if r.table != nil {
		bs := []letopis.Block{{Kind: letopis.BlockTable, Page: pageNo, BBox: r.table.BBox, Table: r.table}}
		for _, in := range r.nested {
			bs = append(bs, regionBlocks(in, pageNo, body)...)
		}
		return bs
	}
	lines := makeLines(r.words)
	if len(lines) == 0 {
		return nil
	}
	b := letopis.Block{Kind: letopis.BlockBox, Page: pageNo, BBox: bbox(r.x0, r.y0, r.x1, r.y1)}
	// A box number: a first line that is only a number, or a first word
	// that is a number set clearly larger than the text after it.
	first := lines[0]
	if len(first.words) == 1 && len(lines) > 1 && isLabelNumber(first.words[0].text) {
		b.Label = first.words[0].text
		lines = lines[1:]
	} else if len(first.words) > 1 && isLabelNumber(first.words[0].text) && first.words[0].size > 1.3*first.words[1].size {
		b.Label = first.words[0].text
		lines[0] = trimWords(first, 1)
	}
	inner := makeBlock(lines, pageNo)
	b.Lines = inner.Lines
	return []letopis.Block{b}
}

func isLabelNumber(s string) bool {
	s = strings.TrimRight(s, ".)")
	return len(s) > 0 && len(s) <= 3 && allDigits(s)
}

// numberedBoxes handles boxes whose numbers are set against their text in
// the text's own font (`2190 (od tega …` for box 2 saying 190): when the
// first words of a run of boxes begin with 1, 2, 3, … in sequence, those
// digits are the boxes' numbers, and a box of the run that does not begin
// with the next number continues the previous box (office suites draw a
// paragraph border in pieces). It also joins a box that starts in lower
// case, without a number, to the box before it.
func numberedBoxes(bs []letopis.Block) []letopis.Block {
	var out []letopis.Block
	for _, b := range bs {
		if b.Kind == letopis.BlockBox && len(out) > 0 && out[len(out)-1].Kind == letopis.BlockBox && b.Label == "" && len(b.Lines) > 0 {
			r, _ := utf8.DecodeRuneInString(b.Lines[0].Text)
			if unicode.IsLower(r) {
				joinBox(&out[len(out)-1], b)
				continue
			}
		}
		out = append(out, b)
	}
	unlabeled := func(b *letopis.Block) bool {
		return b.Kind == letopis.BlockBox && b.Label == "" && len(b.Lines) > 0
	}
	var res []letopis.Block
	for i := 0; i < len(out); {
		if !unlabeled(&out[i]) {
			res = append(res, out[i])
			i++
			continue
		}
		j := i
		for j < len(out) && unlabeled(&out[j]) {
			j++
		}
		run := out[i:j]
		k, numbered := 1, 0
		starts := make([]bool, len(run))
		for r := range run {
			n := itoa(k)
			t := run[r].Lines[0].Text
			if strings.HasPrefix(t, n) && len(t) > len(n) && (r > 0 || k == 1) {
				starts[r] = true
				numbered++
				k++
			}
		}
		if numbered < 3 || !starts[0] {
			res = append(res, run...)
			i = j
			continue
		}
		k = 1
		for r := range run {
			b := run[r]
			if !starts[r] {
				joinBox(&res[len(res)-1], b)
				continue
			}
			n := itoa(k)
			k++
			b.Label = n
			l := &b.Lines[0]
			l.Text = strings.TrimSpace(strings.TrimPrefix(l.Text, n))
			if len(l.Words) > 0 {
				l.Words[0].Text = strings.TrimPrefix(l.Words[0].Text, n)
			}
			res = append(res, b)
		}
		i = j
	}
	return res
}

func joinBox(p *letopis.Block, b letopis.Block) {
	if len(p.Lines) > 0 && len(b.Lines) > 0 {
		// a hyphenated break across the pieces
		texts := dehyphenate([]string{p.Lines[len(p.Lines)-1].Text, b.Lines[0].Text})
		p.Lines[len(p.Lines)-1].Text = texts[0]
		b.Lines[0].Text = texts[1]
		if texts[1] == "" {
			b.Lines = b.Lines[1:]
		}
	}
	p.Lines = append(p.Lines, b.Lines...)
	p.BBox = p.BBox.Union(b.BBox)
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

// sameKind reports whether two list labels are of one kind: both numbers,
// or the same bullet.
func sameKind(a, b string) bool {
	return a == b || isLabelNumber(a) && isLabelNumber(b)
}
