package pdf

import (
	"math"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/letopis/letopis"
)

// Tables without rules, found by the whitespace between their columns:
// the gutters that no word of a run of lines crosses (the projection of
// Tabula's stream mode and pdfplumber's text strategy). A run of lines is
// a table when its columns hold what tables hold — numbers, dates, short
// labels — and not prose set in columns. Cells wrapped over several lines
// are joined into their row; drawn horizontal rules, where there are any,
// split the rows. A column of prose beside a table (a sidebar table) is
// left to the page flow.

// gutterLine is one page-wide line of words with its runs of words
// separated by wide gaps.
type gutterLine struct {
	ws         []*word
	segs       [][]*word
	tight      []bool // a seg split from the one before by a column edge of numbers, not a gutter
	y0, y1     float64
	base, size float64
}

func newGutterLine(ws []*word) gutterLine {
	l := gutterLine{ws: ws, y0: lowestW(ws), y1: highestW(ws), base: ws[0].base, size: ws[0].size}
	markLeaders(ws)
	var cur []*word
	tight := false
	for k, w := range ws {
		if w.leader {
			// dot leaders stand for the gap between two cells
			if len(cur) > 0 {
				l.segs, l.tight = append(l.segs, cur), append(l.tight, tight)
			}
			cur, tight = nil, false
			continue
		}
		if len(cur) > 0 {
			gutter := w.x0-ws[k-1].x1 >= splitGap*max(w.size, ws[k-1].size)
			if gutter || stackSplit(ws, k) {
				l.segs, l.tight = append(l.segs, cur), append(l.tight, tight)
				cur, tight = nil, !gutter || w.stackHead
			}
		}
		cur = append(cur, w)
	}
	if len(cur) > 0 {
		l.segs, l.tight = append(l.segs, cur), append(l.tight, tight)
	}
	if len(l.segs) == 0 { // a line of dots alone is no leader
		for _, w := range ws {
			w.leader = false
		}
		l.segs, l.tight = [][]*word{ws}, []bool{false}
	}
	return l
}

// unitWord reports whether a word is a unit sign set after a number
// (40,5 %, 1.200 €).
func unitWord(s string) bool {
	switch s {
	case "%", "€", "EUR", "eur", "kg", "t", "km", "h", "ur", "m":
		return true
	}
	return false
}

// number reports whether a word is a number as a table cell holds it
// (computed once).
func (w *word) number() bool {
	if w.num == 0 {
		w.num = 2
		if numberText(w.text) {
			w.num = 1
		}
	}
	return w.num == 1
}

// numberText is isNumberCell for one word, without the regexp for the
// usual words: digits with separators (2021, 1.204, 18,3) are numbers,
// words that start with no digit, sign or currency sign are not.
func numberText(s string) bool {
	if s == "" {
		return false
	}
	plain := s[0] >= '0' && s[0] <= '9'
	for i := 0; i < len(s) && plain; i++ {
		c := s[i]
		plain = c >= '0' && c <= '9' || c == '.' || c == ','
	}
	if plain {
		return true
	}
	if c := s[0]; !(c >= '0' && c <= '9' || c == '-' || c == '$' || c >= 0x80) {
		return false
	}
	return strings.ContainsAny(s, "0123456789") && isNumberCell(s)
}

// groupEnd returns the index of the last word of the cell text that
// starts with word k of a line: the word, or the unit sign after it.
func groupEnd(ws []*word, k int) int {
	if k+1 < len(ws) && unitWord(ws[k+1].text) && ws[k].number() && ws[k+1].x0-ws[k].x1 < 0.6*ws[k].size {
		return k + 1
	}
	return k
}

// markStacks marks the words that end a cell right-aligned in a column of
// numbers: the right edges of numbers (with their unit signs) that line up
// on three lines or more close together, and of any other word (a header)
// ending on the same edge; and the words that start where cells start
// after a gutter on three lines or more (leftEdge). Tables set tight, with less space between the
// columns than a gutter (office suites ignore the padding of HTML cells),
// are split into cells at these edges (see stackSplit).
func markStacks(lines [][]*word) {
	// the right edges of numbers (and their unit signs), by line
	type mark struct {
		x, x0 float64 // the right edge, and where the number starts
		line  int
	}
	var nums []mark
	for li, l := range lines {
		for k := 0; k < len(l); k++ {
			if l[k].number() {
				nums = append(nums, mark{l[groupEnd(l, k)].x1, l[k].x0, li})
			}
		}
	}
	sort.Slice(nums, func(i, j int) bool { return nums[i].x < nums[j].x })
	var stacks []float64 // the edges of columns of numbers, as x ranges
	var cols []numStack
	var ls []int
	for i := 0; i < len(nums); {
		j := i + 1
		for j < len(nums) && nums[j].x-nums[i].x < 1.5 {
			j++
		}
		if j-i >= 3 {
			ls = ls[:0]
			for _, m := range nums[i:j] {
				ls = append(ls, m.line)
			}
			sort.Ints(ls)
			for k := 0; k+2 < len(ls); k++ {
				if ls[k+2]-ls[k] <= 8 && ls[k] != ls[k+1] && ls[k+1] != ls[k+2] {
					stacks = append(stacks, nums[i].x, nums[j-1].x)
					st := numStack{edge: nums[j-1].x, left: math.Inf(1), first: ls[0], last: ls[len(ls)-1]}
					for _, m := range nums[i:j] {
						st.left = min(st.left, m.x0)
					}
					cols = append(cols, st)
					break
				}
			}
		}
		i = j
	}
	markStackHeads(lines, cols)
	// the left edges of short cells after a gutter (not of the columns of
	// a page set in columns), on three lines or more
	var starts []float64
	for _, l := range lines {
		prev, prevLen := -1, 0 // the start of the run of words before, and its length
		for k := 1; k <= len(l); k++ {
			if k < len(l) && l[k].x0-l[k-1].x1 < splitGap*max(l[k].size, l[k-1].size) {
				continue
			}
			// a run of words ends before k
			start := 0
			if prev >= 0 {
				start = prev
			}
			n := k - start
			if prev > 0 && prevLen <= 5 && n <= 5 {
				starts = append(starts, l[start].x0)
			}
			prev, prevLen = k, n
		}
	}
	sort.Float64s(starts)
	var edges []float64
	for i := 0; i < len(starts); {
		j := i + 1
		for j < len(starts) && starts[j]-starts[i] < 1.5 {
			j++
		}
		if j-i >= 3 {
			edges = append(edges, starts[i], starts[j-1])
		}
		i = j
	}
	if len(stacks) == 0 && len(edges) == 0 {
		return
	}
	on := func(x float64, ranges []float64, tol float64) bool {
		for e := 0; e < len(ranges); e += 2 {
			if x > ranges[e]-tol && x < ranges[e+1]+tol {
				return true
			}
		}
		return false
	}
	for _, l := range lines {
		for k, w := range l {
			w.stacked = on(w.x1, stacks, 1)
			w.leftEdge = k > 0 && on(w.x0, edges, 0.75)
		}
	}
}

// numStack is a column of right-aligned numbers: the right edge its
// numbers end on, the leftmost start of its numbers, and its first and
// last line.
type numStack struct {
	edge, left  float64
	first, last int
}

// markStackHeads marks the words that start a cell over the second of two
// columns of right-aligned numbers side by side, right after a cell over
// the first, the two closer than a gutter (header cells wider than the
// numbers under them: Načrt 2024 Realizacija 2024 over 150 and 156). The
// evidence is the stacks of numbers, not the gap: the cell before ends
// over the first stack, on or short of its edge; the word starts past that
// edge, clearly apart (half an em), and its cell ends over the second
// stack, on or short of its edge; the line is the stacks' or close above.
// A cell after a gutter, or first on its line, over the second stack and
// starting past the first is marked too: its column is split off the one
// before at however narrow a gap (gutterColumns).
func markStackHeads(lines [][]*word, cols []numStack) {
	for _, l := range lines {
		for _, w := range l {
			w.stackHead = false
		}
	}
	if len(cols) < 2 {
		return
	}
	sort.Slice(cols, func(i, j int) bool { return cols[i].edge < cols[j].edge })
	for li, l := range lines {
		for k := 0; k < len(l); k++ {
			b := l[k]
			var a *word
			if k > 0 {
				a = l[k-1]
				if b.x0-a.x1 < 0.5*max(a.size, b.size) {
					continue
				}
			}
			// after a gutter (or first on its line) the cell needs no
			// cell over the first stack before it
			apart := a == nil || b.x0-a.x1 >= splitGap*max(a.size, b.size)
			// the end of the cell starting at b
			end := k
			for end+1 < len(l) && l[end+1].x0-l[end].x1 < 0.5*max(l[end].size, l[end+1].size) {
				end++
			}
			for s := 0; s+1 < len(cols); s++ {
				c1, c2 := cols[s], cols[s+1]
				if c2.left <= c1.edge || li < max(c1.first, c2.first)-3 || li > min(c1.last, c2.last) {
					continue
				}
				if (apart || a.x1 > c1.left && a.x1 <= c1.edge+1.5) && b.x0 > c1.edge+1 &&
					l[end].x1 > c2.left && l[end].x1 <= c2.edge+1.5 {
					b.stackHead = true
				}
			}
		}
	}
}

// stackSplit reports whether a line of a table set tight is split into
// cells before its word k: the cell starting there ends on the edge of a
// column of right-aligned numbers, and the one before it ends on another
// such edge or is text before a number; or a number starts where the
// cells of a column start on other lines, after text.
func stackSplit(ws []*word, k int) bool {
	a, b := ws[k-1], ws[k]
	if b.stackHead {
		return true // a header cell over a column of numbers beside another
	}
	if b.x0-a.x1 < 0.15*b.size || unitWord(b.text) && groupEnd(ws, k-1) == k {
		return false
	}
	if strings.HasSuffix(a.text, ".") && a.number() {
		return false // the day or month of a date (12. 3. 2021)
	}
	if b.leftEdge && b.number() && !a.number() {
		return true // a number where the cells of a column start (register 14. 6. 2006)
	}
	if !ws[groupEnd(ws, k)].stacked {
		return false
	}
	return a.stacked || b.number() && !a.number()
}

// markLeaders marks the dot leaders of a line (left to right): a word of
// three leader dots or more (....., ……), or a run of three one-dot words
// or more (. . . .).
func markLeaders(ws []*word) {
	dots := func(s string) int {
		if s == "" || s[0] != '.' && s[0] != '_' && s[0] != 0xC2 && s[0] != 0xE2 {
			return 0 // the usual word, at a glance
		}
		n := 0
		for _, r := range s {
			if !strings.ContainsRune(".…·_", r) {
				return 0
			}
			n++
			if r == '…' {
				n += 2
			}
		}
		return n
	}
	for i := 0; i < len(ws); {
		if dots(ws[i].text) >= 3 {
			ws[i].leader = true
			i++
			continue
		}
		j := i
		for j < len(ws) && dots(ws[j].text) > 0 {
			j++
		}
		if j-i >= 3 {
			for _, w := range ws[i:j] {
				w.leader = true
			}
		}
		i = max(j, i+1)
	}
}

// maxTrim is how many lines a run of lines that is no table is shortened
// by, from its end, before it is given up.
const maxTrim = 6

// splitGap is the narrowest gap, in ems, between two cells of a line of a
// table without rules: wider than any word space of justified prose.
const splitGap = 1.5

// numberCell matches a cell that is a number as tables write them, with
// a unit sign or a footnote mark: 14.250,00 €, 40,32 %, 11,6, 14*, –.
var numberCell = regexp.MustCompile(`^(?:[€$]\s*)?[-–−]?\d[\d.,\s\x{00a0}\x{202f}]*(?:\s*(?:€|%|eur|EUR|kg|t|km|h|ur)\.?)?\*?$|^[-–—/x]$`)

// gutterTables finds the tables of a page that have no rules: runs of
// lines split into columns by gutters (and by the edges of columns of
// right-aligned numbers, markStacks). Their words leave the page flow.
func gutterTables(ws []*word, rules []rect, fills []rect, pageNo int, body float64) ([]*word, []*region) {
	raw := markedLines(ws)
	if len(raw) < 3 {
		return ws, nil
	}
	lines := make([]gutterLine, len(raw))
	for i, l := range raw {
		lines[i] = newGutterLine(l)
	}
	var hrules []rect
	for _, r := range rules {
		if r.w() > r.h() {
			hrules = append(hrules, r)
		}
	}
	hrules = joinRules(hrules)
	taken := map[*word]bool{}
	var out []*region
	floor := 0 // the first line no run before took
	for i := 0; i < len(lines); i++ {
		if len(lines[i].segs) < 2 {
			continue
		}
		j := growRun(lines, i)
		if proseRun(lines[i : j+1]) {
			i = j // text set in columns: no table, nothing to try
			floor = j + 1
			continue
		}
		// the lines of one cell above the first split line that are set
		// over it (a header cell wrapped over more lines than the others,
		// centred in the row's height) start the run
		start := i
		for start > floor && len(lines[start-1].segs) < 2 &&
			lines[start].y1-lines[start-1].y0 > 0.15*min(lines[start].size, lines[start-1].size) {
			start--
		}
		// the run may end in a line of the prose under the table: try it
		// a few lines shorter before giving up
		// a line of prose taken in crosses the columns and leaves fewer
		// of them: of the tables the run gives, the one of the most
		// columns, the longest of those
		var best *letopis.Table
		var bestUsed []*word
		bestEnd := -1
		for end := j; end > i && end >= j-maxTrim; end-- {
			t, used := gutterTable(lines[start:end+1], hrules, fills, pageNo, false)
			if t == nil || best != nil && len(t.Rows[0]) <= len(best.Rows[0]) {
				continue
			}
			best, bestUsed, bestEnd = t, used, end
			if !lines[end].prosey() {
				break // no sentence in the run's last line: nothing to trim
			}
		}
		if best != nil {
			for _, w := range bestUsed {
				taken[w] = true
			}
			t := best
			out = append(out, &region{x0: t.BBox.X0, y0: t.BBox.Y0, x1: t.BBox.X1, y1: t.BBox.Y1, table: t})
			i = bestEnd
			floor = bestEnd + 1
		}
	}
	return untaken(ws, taken), out
}

// markedLines groups a page's words into lines (baselines) with each
// footnote mark (a digit or two set small and raised, touching the end of
// a word of letters, Obiski², or the start of the word of a footnote,
// ¹ Aktivni član …; markOf) on the line of its word, which its raise set
// apart, so that it makes no cell and no line of its own and moves no
// word of its line to another.
func markedLines(ws []*word) [][]*word {
	owner := map[*word]*word{}
	for _, m := range ws {
		if !markText(m.text) {
			continue
		}
		for _, p := range ws {
			if markOf(m, p) {
				owner[m] = p
				break
			}
		}
	}
	for m, p := range owner {
		if _, ok := owner[p]; ok {
			delete(owner, m) // a mark of a mark: leave both be
		}
	}
	if len(owner) == 0 {
		return baselines(ws)
	}
	rest := make([]*word, 0, len(ws))
	for _, w := range ws {
		if owner[w] == nil {
			rest = append(rest, w)
		}
	}
	lines := baselines(rest)
	lineOf := make(map[*word]int, len(rest))
	for li, l := range lines {
		for _, w := range l {
			lineOf[w] = li
		}
	}
	for m, p := range owner {
		if li, ok := lineOf[p]; ok {
			lines[li] = append(lines[li], m)
		}
	}
	for _, l := range lines {
		sort.SliceStable(l, func(i, j int) bool { return l[i].x0 < l[j].x0 })
	}
	return lines
}

// markText reports whether a word's text could be a footnote mark: a
// digit or two, or a star.
func markText(s string) bool {
	return s != "" && len(s) <= 2 && strings.Trim(s, "0123456789*") == ""
}

// markOf reports whether word m is a footnote mark of word p: set
// smaller, raised above p's baseline by less than p's size, touching the
// end of p, a word of letters and no unit (m², km² keep their power), or
// the start of p (the mark before a footnote).
func markOf(m, p *word) bool {
	if m == p || !markText(m.text) || m.size > 0.85*p.size || m.base < p.base+0.15*p.size || m.base > p.base+p.size {
		return false
	}
	if math.Abs(p.x0-m.x1) < 0.5*p.size {
		return true
	}
	if math.Abs(m.x0-p.x1) > 0.15*p.size {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(p.text)
	return unicode.IsLetter(r) && !unitWord(p.text)
}

// prosey reports whether a line holds a run of words of a sentence:
// eight words or more without a gutter, or a line of one run.
func (l gutterLine) prosey() bool {
	if len(l.segs) < 2 {
		return true
	}
	for _, sg := range l.segs {
		if len(sg) >= 8 {
			return true
		}
	}
	return false
}

// growRun returns the last line of the run that starts with the split
// line i: the lines that follow at the run's line spacing, split or
// within the columns, set in a size close to the run's, up to a wide gap.
func growRun(lines []gutterLine, i int) int {
	last := i
	size := lines[i].size
	var edges []float64 // the left and right edges of the run's cells
	addEdges := func(l gutterLine) {
		for _, sg := range l.segs {
			edges = append(edges, sg[0].x0, -sg[len(sg)-1].x1)
		}
	}
	addEdges(lines[i])
	for j := i + 1; j < len(lines); j++ {
		gap := lines[last].y0 - lines[j].y1
		if math.Abs(lines[j].size-size) > 0.25*size {
			break
		}
		// a wider gap (rows with padding) is crossed only by a line whose
		// cells line up with the run's
		if gap > 1.6*size && (gap > 3.5*size || len(lines[j].segs) < 2 || sharedEdges(edges, lines[j]) < 2) {
			break
		}
		if len(lines[j].segs) < 2 && j+1 < len(lines) && len(lines[j+1].segs) >= 2 &&
			sharedEdges(edges, lines[j+1]) < 2 && sectionLine(lines, j) {
			break // a title over rows of other columns: the next table
		}
		if len(lines[j].segs) >= 2 {
			addEdges(lines[j])
		}
		if len(lines[j].segs) < 2 && j-last > 1 {
			break // two lines in a row without a split: prose again
		}
		if len(lines[j].segs) < 2 && mostlySplit(lines[i:last+1]) && crosses(gutterColumns(lines[i:last+1]), lines[j]) {
			break // a line across the columns of a table: the text under it
		}
		last = j
	}
	// the run ends with its last split line or a line close under it
	// that goes on in one of its columns (not a page number centred under
	// the table)
	for last > i && len(lines[last].segs) < 2 && (len(lines[last-1].segs) < 2 || !startsAtEdge(edges, lines[last])) {
		last--
	}
	return last
}

// crosses reports whether a line of one cell runs from a column of a run
// (cols, gutterColumns) into the next: a wrapped cell stays in its
// column, a line of the text under a table runs across them (and
// gutterTable refuses a run that holds one).
func crosses(cols [][2]float64, l gutterLine) bool {
	w := l.ws[0]
	c := colOf(cols, w)
	return c+1 < len(cols) && l.ws[len(l.ws)-1].x1 > cols[c+1][0]
}

// mostlySplit reports whether two thirds of the lines of a run or more
// are split into cells (a table whose cells wrap seldom, not text set in
// columns side by side at their own line spacings).
func mostlySplit(run []gutterLine) bool {
	n := 0
	for _, l := range run {
		if len(l.segs) >= 2 {
			n++
		}
	}
	return n*3 >= len(run)*2
}

// proseRun reports whether a run of lines is prose set in columns: most
// of the runs of words of its split lines hold four words or more.
func proseRun(run []gutterLine) bool {
	segs, long := 0, 0
	for _, l := range run {
		if len(l.segs) < 2 {
			continue
		}
		for _, sg := range l.segs {
			segs++
			if len(sg) >= 4 {
				long++
			}
		}
	}
	return segs > 0 && long*10 >= segs*7
}

// isNumberCell reports whether a cell's text is a number as tables write
// it (see numberCell), cheaply for the texts that are not.
func isNumberCell(s string) bool {
	if !strings.ContainsAny(s, "0123456789") {
		return len(s) <= 3 && numberCell.MatchString(s)
	}
	return numberCell.MatchString(s)
}

// sharedEdges counts the cells of a line that start or end where a cell
// of the run does (right edges are stored negated).
func sharedEdges(edges []float64, l gutterLine) int {
	n := 0
	for _, sg := range l.segs {
		left, right := sg[0].x0, -sg[len(sg)-1].x1
		for _, e := range edges {
			if math.Abs(e-left) < 2.5 || math.Abs(e-right) < 2.5 {
				n++
				break
			}
		}
	}
	return n
}

// sectionLine reports whether line k of a run, of one cell, is the title
// of a section of rows: set in capitals, or in bold under a line that is
// not.
func sectionLine(run []gutterLine, k int) bool {
	l := run[k]
	if len(l.segs) != 1 {
		return false
	}
	letters, upper := 0, 0
	for _, w := range l.ws {
		a, b := capitals(w.text)
		letters, upper = letters+a, upper+b
	}
	if letters >= 3 && upper == letters {
		return true
	}
	return k > 0 && mostlyBold(l.ws) && !mostlyBold(run[k-1].ws)
}

// startsAtEdge reports whether a line starts where a cell of the run
// starts (edges as growRun keeps them: left edges, and right edges
// negated).
func startsAtEdge(edges []float64, l gutterLine) bool {
	for _, e := range edges {
		if e >= 0 && math.Abs(e-l.ws[0].x0) < 2.5 {
			return true
		}
	}
	return false
}

// gutterTable makes the table of a run of lines, or nil when the run is
// no table. It returns the words the table took.
func gutterTable(run []gutterLine, hrules, fills []rect, pageNo int, besideProse bool) (*letopis.Table, []*word) {
	if len(run) < 2 {
		return nil, nil
	}
	cols := gutterColumns(run)
	if len(cols) < 2 {
		return nil, nil
	}
	// rows: drawn rules split them where there are any; else the wider
	// gaps between the lines (a cell's padding), and within a block of
	// lines closer than that, each line with a value in a column of its
	// own (a line of one cell is a wrapped cell: it joins the row of the
	// next line with values if it stands before the block's first, else
	// the row above)
	type rowLines struct{ lines []int }
	var rows []rowLines
	if ruled := rulesBetween(run, hrules, cols); ruled != nil {
		for k := range run {
			if k == 0 || ruled[k] {
				rows = append(rows, rowLines{})
			}
			rows[len(rows)-1].lines = append(rows[len(rows)-1].lines, k)
		}
	} else {
		// lines set over each other are one row: the cells of a row
		// centred in its height, one of one line beside one of two (a
		// header cell over two lines beside one of one, a value beside
		// a label of two lines)
		over := make([]bool, len(run)) // the line overlaps the one above
		for k := 1; k < len(run); k++ {
			over[k] = run[k].y1-run[k-1].y0 > 0.15*min(run[k].size, run[k-1].size)
		}
		intra := math.Inf(1)
		for k := 1; k < len(run); k++ {
			if !over[k] {
				intra = min(intra, run[k-1].y0-run[k].y1)
			}
		}
		if math.IsInf(intra, 1) {
			intra = 0
		}
		// blocks of lines closer than the gaps around them: when in each
		// block the lines after the first hold fewer cells than the first,
		// the gaps are the padding between rows, and a block of more lines
		// is one row with its cells wrapped
		var blocks [][]int
		for k := range run {
			if k == 0 || !over[k] && run[k-1].y0-run[k].y1 > intra+0.25*run[k].size {
				blocks = append(blocks, nil)
			}
			blocks[len(blocks)-1] = append(blocks[len(blocks)-1], k)
		}
		padded, wrapped := len(blocks) >= 3, false
		for _, b := range blocks {
			for _, k := range b[1:] {
				wrapped = true
				padded = padded && len(run[k].segs) < len(run[b[0]].segs)
			}
		}
		padded = padded && wrapped
		for _, block := range blocks {
			if padded {
				rows = append(rows, rowLines{lines: block})
				continue
			}
			var cur *rowLines
			var before []int
			for i := 0; i < len(block); i++ {
				k := block[i]
				if i+1 < len(block) && over[block[i+1]] {
					// lines over each other: one row, with the lines of a
					// wrapped cell before them
					n := i + 1
					for n < len(block) && over[block[n]] {
						n++
					}
					rows = append(rows, rowLines{lines: append(before, block[i:n]...)})
					cur, before = &rows[len(rows)-1], nil
					i = n - 1
					continue
				}
				if sectionLine(run, k) {
					// a section row (ODHODKI) between rows: a row of its own
					if len(before) > 0 {
						rows = append(rows, rowLines{lines: before})
					}
					rows = append(rows, rowLines{lines: []int{k}})
					cur, before = nil, nil
					continue
				}
				if len(run[k].segs) >= 2 || len(block) == 1 {
					rows = append(rows, rowLines{lines: append(before, k)})
					cur, before = &rows[len(rows)-1], nil
					continue
				}
				if cur == nil {
					before = append(before, k)
				} else {
					cur.lines = append(cur.lines, k)
				}
			}
			if len(before) > 0 {
				rows = append(rows, rowLines{lines: before})
			}
		}
	}
	if len(rows) < 2 {
		return nil, nil
	}
	// cells
	nc := len(cols)
	var leaders []*word
	cellWords := make([][][]*word, len(rows))
	for r, rl := range rows {
		cellWords[r] = make([][]*word, nc)
		for _, k := range rl.lines {
			for _, w := range run[k].ws {
				if w.leader {
					leaders = append(leaders, w)
					continue
				}
				c := colOf(cols, w)
				if len(run[k].segs) == 1 {
					// a line of one cell (a wrapped cell) stays in the
					// column it starts in, however far it reaches short
					// of the next column; one that runs into another
					// column is text across the table, no cell
					c = colOf(cols, run[k].segs[0][0])
					if c+1 < nc && w.x1 > cols[c+1][0] {
						return nil, nil
					}
				}
				cellWords[r][c] = append(cellWords[r][c], w)
			}
		}
	}
	cols, cellWords = headerOnly(cols, cellWords)
	nc = len(cols)
	// what the columns hold: numbers, short labels, or prose
	prose, numeric, filled := make([]int, nc), make([]int, nc), make([]int, nc)
	for r := range rows {
		for c := 0; c < nc; c++ {
			ws := cellWords[r][c]
			if len(ws) == 0 {
				continue
			}
			filled[c]++
			text := wordsText(ws)
			switch {
			case isNumberCell(text) || quantityText(text):
				numeric[c]++
			case len(ws) >= 7 || len(ws) >= 5 && strings.ContainsAny(text, ".,;") && lowerStart(text):
				prose[c]++
			}
		}
	}
	// a column of prose at the left or right of the run: the page's text
	// beside a table; the table is the rest
	lo, hi := 0, nc-1
	for lo < hi && filled[lo] > 0 && prose[lo]*2 >= filled[lo] {
		lo++
	}
	for hi > lo && filled[hi] > 0 && prose[hi]*2 >= filled[hi] {
		hi--
	}
	if hi-lo+1 < 2 {
		return nil, nil
	}
	if (lo > 0 || hi < nc-1) && !besideProse {
		// the lines of the run mix the table's with those of the text
		// beside it: read the table again from its own words alone
		return gutterTable(within(run, cols[lo][0], cols[hi][1]), hrules, fills, pageNo, true)
	}
	nums, proseCols := 0, 0
	for c := lo; c <= hi; c++ {
		if filled[c] > 0 && numeric[c]*2 >= filled[c] {
			nums++
		}
		if filled[c] > 0 && prose[c]*3 >= filled[c] {
			proseCols++
		}
	}
	width := hi - lo + 1
	switch {
	case proseCols >= 2 || proseCols >= 1 && nums == 0:
		return nil, nil // prose in columns
	case width == 2 && nums == 0 && !shortCells(cellWords, lo, hi):
		return nil, nil
	case nums == 0 && len(rows) < 3:
		return nil, nil
	case !aligned(cellWords, lo, hi):
		return nil, nil // words spread by justification, no columns
	case continued(cellWords, lo, hi):
		return nil, nil // sentences going on down the columns: text in boxes side by side
	case proseColumn(cellWords, lo, hi):
		return nil, nil // a column of the text beside the table left among its columns
	}
	// build the table of columns lo … hi; rows left empty by dropping the
	// prose columns go
	t := &letopis.Table{Page: pageNo}
	var marked [][]bool
	var used []*word
	var tb letopis.BBox
	for r := range rows {
		row := make([]letopis.Cell, width)
		mark := make([]bool, width)
		any := false
		for c := lo; c <= hi; c++ {
			ws := cellWords[r][c]
			cell := letopis.Cell{Row: len(t.Rows), Col: c - lo}
			if len(ws) > 0 {
				any = true
				used = append(used, ws...)
				x0, y0, x1, y1 := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
				for _, w := range ws {
					x0, y0, x1, y1 = min(x0, w.x0), min(y0, w.y0), max(x1, w.x1), max(y1, w.y1)
				}
				cell.BBox = bbox(x0, y0, x1, y1)
				tb = tb.Union(cell.BBox)
				mark[c-lo] = mostlyBold(ws) || shadedAt(fills, ws[0].cx(), ws[0].cy())
			}
			setCellText(&cell, ws)
			row[c-lo] = cell
		}
		if !any {
			continue
		}
		t.Rows = append(t.Rows, row)
		marked = append(marked, mark)
	}
	if len(t.Rows) < 2 {
		return nil, nil
	}
	t.BBox = tb
	t.HeaderRows = headerRows(t, marked)
	return t, append(used, leaders...)
}

// within returns the lines of a run made of their words between x0 and
// x1 alone (by their middles).
func within(run []gutterLine, x0, x1 float64) []gutterLine {
	var ws []*word
	for _, l := range run {
		for _, w := range l.ws {
			if w.cx() >= x0 && w.cx() <= x1 {
				ws = append(ws, w)
			}
		}
	}
	raw := baselines(ws)
	out := make([]gutterLine, len(raw))
	for i, l := range raw {
		out[i] = newGutterLine(l)
	}
	return out
}

// gutterColumns returns the columns of a run of lines as x ranges: the
// spans between the gutters that no word of the run's split lines crosses,
// at least splitGap ems wide. Lines of one segment are left out, since a
// wrapped cell or a section row may cross a gutter of the others.
func gutterColumns(run []gutterLine) [][2]float64 {
	type iv struct {
		a, b  float64
		tight bool
	}
	var ivs []iv
	size := 0.0
	for _, l := range run {
		if len(l.segs) < 2 {
			continue
		}
		size = max(size, l.size)
		for k, s := range l.segs {
			ivs = append(ivs, iv{s[0].x0, s[len(s)-1].x1, l.tight[k]})
		}
	}
	if len(ivs) == 0 {
		return nil
	}
	// by their left edges; of cells starting together, those split off
	// tight first, so that they decide whether a column starts there
	sort.Slice(ivs, func(i, j int) bool {
		if math.Abs(ivs[i].a-ivs[j].a) > 0.5 {
			return ivs[i].a < ivs[j].a
		}
		return ivs[i].tight && !ivs[j].tight
	})
	var cols [][2]float64
	cur := ivs[0]
	for _, v := range ivs[1:] {
		// a gutter, or a clear gap before a cell split off at the edge of
		// a column of numbers (a table set tight)
		if v.a-cur.b >= splitGap*size*0.8 || v.tight && v.a-cur.b > 0.1*size {
			cols = append(cols, [2]float64{cur.a, cur.b})
			cur = v
			continue
		}
		cur.b = max(cur.b, v.b)
	}
	return append(cols, [2]float64{cur.a, cur.b})
}

// headerOnly joins a column that holds nothing but a header cell (a
// header centred over a column of labels, which the labels under it do
// not reach) to the nearer of the columns beside it.
func headerOnly(cols [][2]float64, cells [][][]*word) ([][2]float64, [][][]*word) {
	if len(cells) < 3 {
		return cols, cells
	}
	for c := 0; c < len(cols) && len(cols) > 2; c++ {
		if len(cells[0][c]) == 0 {
			continue
		}
		alone := true
		for r := 1; r < len(cells) && alone; r++ {
			alone = len(cells[r][c]) == 0
		}
		if !alone {
			continue
		}
		// the distance to the cells of the columns beside it
		x0, x1 := cells[0][c][0].x0, cellRight(cells[0][c])
		dist := func(k int) float64 {
			if k < 0 || k >= len(cols) {
				return math.Inf(1)
			}
			d := math.Inf(1)
			for r := 1; r < len(cells); r++ {
				if ws := cells[r][k]; len(ws) > 0 {
					d = min(d, max(ws[0].x0-x1, x0-cellRight(ws)))
				}
			}
			return d
		}
		to := c - 1
		if dist(c+1) < dist(c-1) {
			to = c + 1
		}
		if math.IsInf(dist(to), 1) {
			continue
		}
		cells[0][to] = append(cells[0][to], cells[0][c]...)
		sort.SliceStable(cells[0][to], func(i, j int) bool { return cells[0][to][i].x0 < cells[0][to][j].x0 })
		cols[to] = [2]float64{min(cols[to][0], cols[c][0]), max(cols[to][1], cols[c][1])}
		cols = append(cols[:c:c], cols[c+1:]...)
		for r := range cells {
			cells[r] = append(cells[r][:c:c], cells[r][c+1:]...)
		}
		c--
	}
	return cols, cells
}

// colOf returns the column a word falls in: the one it overlaps most,
// else the nearest.
func colOf(cols [][2]float64, w *word) int {
	best, bd := 0, math.Inf(1)
	for c, r := range cols {
		if w.cx() >= r[0] && w.cx() <= r[1] {
			return c
		}
		d := math.Min(math.Abs(w.cx()-r[0]), math.Abs(w.cx()-r[1]))
		if d < bd {
			best, bd = c, d
		}
	}
	return best
}

// joinRules joins horizontal rules drawn in pieces (a border under each
// cell of a row) into one rule: pieces at the same height that touch or
// overlap.
func joinRules(hs []rect) []rect {
	if len(hs) < 2 {
		return hs
	}
	hs = append([]rect(nil), hs...)
	sort.Slice(hs, func(i, j int) bool {
		a, b := hs[i], hs[j]
		if math.Abs(a.y0-b.y0) > 0.5 {
			return a.y0 < b.y0
		}
		return a.x0 < b.x0
	})
	out := hs[:1]
	for _, r := range hs[1:] {
		last := &out[len(out)-1]
		if math.Abs(r.y0-last.y0) <= 0.5 && math.Abs(r.y1-last.y1) <= 1 && r.x0 <= last.x1+2 {
			last.x1 = max(last.x1, r.x1)
			last.y1 = max(last.y1, r.y1)
			continue
		}
		out = append(out, r)
	}
	return out
}

// rulesBetween says which lines of the run start a new row because a
// drawn horizontal rule across the columns lies between them and the line
// above; nil if no rule lies inside the run.
func rulesBetween(run []gutterLine, hrules []rect, cols [][2]float64) []bool {
	x0, x1 := cols[0][0], cols[len(cols)-1][1]
	starts := make([]bool, len(run))
	found := false
	for k := 1; k < len(run); k++ {
		top, bottom := run[k-1].y0, run[k].y1
		for _, r := range hrules {
			y := (r.y0 + r.y1) / 2
			if y <= top+0.5 && y >= bottom-0.5 && r.x0 <= x0+(x1-x0)*0.3 && r.x1 >= x1-(x1-x0)*0.3 {
				starts[k] = true
				found = true
				break
			}
		}
	}
	// a rule under the header alone (a booktabs table: rules at the top,
	// under the header and at the bottom) rules no body rows
	body := false
	for k := 2; k < len(run); k++ {
		body = body || starts[k]
	}
	if !found || !body {
		return nil
	}
	// rules over totals alone (a rule above each "Skupaj" row): a band
	// between them of two lines with their own values is two rows, and
	// the rules rule groups of rows, not rows
	values := 0
	for k := range run {
		if starts[k] {
			values = 0
		}
		if run[k].valueRight(cols[0][1]) {
			if values++; values > 1 {
				return nil
			}
		}
	}
	return starts
}

// valueRight reports whether the line holds a number right of x (in a
// column after the first).
func (l gutterLine) valueRight(x float64) bool {
	for _, sg := range l.segs {
		if sg[0].x0 > x {
			for _, w := range sg {
				if w.number() {
					return true
				}
			}
		}
	}
	return false
}

// aligned reports whether the cells of columns lo … hi line up as a
// table's do: in every column but the first, most cells start at the
// column's left edge or end at its right edge (justified prose spreads
// its words anywhere).
func aligned(cells [][][]*word, lo, hi int) bool {
	const tol = 2.5
	for c := lo + 1; c <= hi; c++ {
		left, right := math.Inf(1), math.Inf(-1)
		n := 0
		for r := range cells {
			if ws := cells[r][c]; len(ws) > 0 {
				left, right = min(left, ws[0].x0), max(right, cellRight(ws))
				n++
			}
		}
		if n < 2 {
			continue
		}
		hit := 0
		for r := range cells {
			if ws := cells[r][c]; len(ws) > 0 && (ws[0].x0-left < tol || right-cellRight(ws) < tol) {
				hit++
			}
		}
		if hit*10 < n*7 {
			return false
		}
	}
	return true
}

func cellRight(ws []*word) float64 {
	x := math.Inf(-1)
	for _, w := range ws {
		x = max(x, w.x1)
	}
	return x
}

// continued reports whether the cells of columns lo … hi go on from row to
// row as the lines of a sentence do (a cell ending without a stop, the one
// under it starting in lower case) in a third of the places or more: the
// text of boxes set side by side, not a table.
func continued(cells [][][]*word, lo, hi int) bool {
	pairs, cont := continuations(cells, lo, hi)
	return pairs > 0 && cont*3 >= pairs
}

// continuations counts the pairs of cells one above the other in columns
// lo … hi, and those of them that go on as the lines of a sentence do.
func continuations(cells [][][]*word, lo, hi int) (pairs, cont int) {
	for c := lo; c <= hi; c++ {
		for r := 0; r+1 < len(cells); r++ {
			a, b := cells[r][c], cells[r+1][c]
			if len(a) == 0 || len(b) == 0 {
				continue
			}
			pairs++
			if goesOn(a[len(a)-1].text, b[0].text) {
				cont++
			}
		}
	}
	return pairs, cont
}

// goesOn reports whether a text whose last word is last goes on as a
// sentence in next: last ends without a stop and next opens in lower case.
func goesOn(last, next string) bool {
	return last != "" && !strings.ContainsAny(last[len(last)-1:], ".;:!?") && lowerStart(next)
}

// proseColumn reports whether one of the columns lo … hi goes on down
// its rows as the lines of a sentence do, in half of the places where a
// cell of four words or more stands over another: a column of the text
// beside a table, left among its columns.
func proseColumn(cells [][][]*word, lo, hi int) bool {
	for c := lo; c <= hi; c++ {
		pairs, cont := 0, 0
		for r := 0; r+1 < len(cells); r++ {
			a, b := cells[r][c], cells[r+1][c]
			if len(a) < 4 || len(b) == 0 {
				continue
			}
			pairs++
			if goesOn(a[len(a)-1].text, b[0].text) {
				cont++
			}
		}
		if pairs >= 2 && cont*2 >= pairs {
			return true
		}
	}
	return false
}

// shortCells reports whether columns lo … hi hold labels and values, as
// a table of them does (Naziv | Mladinski center Brdonje, zavod …): the
// cells of the first column short (six words at most) and those of the
// others no longer than a line of a value (ten words), nearly all.
func shortCells(cells [][][]*word, lo, hi int) bool {
	n, short := 0, 0
	for r := range cells {
		for c := lo; c <= hi; c++ {
			if len(cells[r][c]) == 0 {
				continue
			}
			n++
			if k := len(cells[r][c]); k <= 6 || c > lo && k <= 10 {
				short++
			}
		}
	}
	return n > 0 && short*10 >= n*9
}

// quantityText reports whether a cell states a quantity in words around
// its number (približno 300 obiskovalcev, 640 ogledov) or a date.
func quantityText(s string) bool {
	f := strings.Fields(s)
	if len(f) == 0 || len(f) > 4 {
		return false
	}
	digits := 0
	for _, w := range f {
		if strings.ContainsAny(w, "0123456789") {
			digits++
		}
	}
	return digits >= 1
}

func wordsText(ws []*word) string {
	var sb strings.Builder
	for i, w := range ws {
		if i > 0 {
			sb.WriteByte(' ')
		}
		sb.WriteString(w.text)
	}
	return sb.String()
}

func lowerStart(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return unicode.IsLower(r)
		}
	}
	return false
}
