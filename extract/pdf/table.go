package pdf

import (
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/letopis/letopis"
)

// seg is a ruling line: horizontal (y fixed) or vertical (x fixed).
type seg struct {
	horiz    bool
	pos      float64 // y of a horizontal, x of a vertical rule
	from, to float64
}

// ruledTables finds tables drawn with ruling lines: connected sets of
// horizontal and vertical rules forming a grid of at least 2×2 cells with
// text. Their words leave the page flow.
func ruledTables(ws []*word, rules, fills []rect, pageNo int) ([]*word, []*region) {
	if len(rules) < 6 {
		return ws, nil
	}
	segs := make([]seg, 0, len(rules))
	for _, r := range rules {
		if r.h() <= r.w() {
			segs = append(segs, seg{true, (r.y0 + r.y1) / 2, r.x0, r.x1})
		} else {
			segs = append(segs, seg{false, (r.x0 + r.x1) / 2, r.y0, r.y1})
		}
	}
	if len(segs) > 5000 {
		return ws, nil // a drawing, not a table; keep the work bounded
	}
	parent := make([]int, len(segs))
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	const tol = 2.0
	touch := func(a, b seg) bool {
		if a.horiz == b.horiz {
			return math.Abs(a.pos-b.pos) < tol && a.from <= b.to+tol && b.from <= a.to+tol
		}
		if !a.horiz {
			a, b = b, a
		}
		// a horizontal, b vertical
		return b.pos >= a.from-tol && b.pos <= a.to+tol && a.pos >= b.from-tol && a.pos <= b.to+tol
	}
	for i := range segs {
		for j := i + 1; j < len(segs); j++ {
			if touch(segs[i], segs[j]) {
				parent[find(i)] = find(j)
			}
		}
	}
	comps := map[int][]seg{}
	for i, s := range segs {
		comps[find(i)] = append(comps[find(i)], s)
	}
	keys := make([]int, 0, len(comps))
	for k := range comps {
		keys = append(keys, k)
	}
	sort.Ints(keys)
	type grid struct {
		segs   []seg
		xs, ys []float64 // ys top down
	}
	var grids []grid
	for _, k := range keys {
		c := comps[k]
		var xs, ys []float64
		for _, s := range c {
			if s.horiz {
				ys = append(ys, s.pos)
			} else {
				xs = append(xs, s.pos)
			}
		}
		xs, ys = cluster(xs, 3), cluster(ys, 3)
		if len(xs) < 3 || len(ys) < 3 {
			continue
		}
		sort.Sort(sort.Reverse(sort.Float64Slice(ys)))
		grids = append(grids, grid{c, xs, ys})
	}
	// the smaller grids first: a table nested in a cell of another takes
	// its words before the outer table does
	area := func(g grid) float64 { return (g.xs[len(g.xs)-1] - g.xs[0]) * (g.ys[0] - g.ys[len(g.ys)-1]) }
	sort.SliceStable(grids, func(i, j int) bool { return area(grids[i]) < area(grids[j]) })
	var out []*region
	taken := make([]bool, len(ws))
	for _, g := range grids {
		var inner []*region
		for _, r := range out {
			if r.outer == nil && r.x0 >= g.xs[0]-1 && r.x1 <= g.xs[len(g.xs)-1]+1 && r.y0 >= g.ys[len(g.ys)-1]-1 && r.y1 <= g.ys[0]+1 {
				inner = append(inner, r)
			}
		}
		xs, ys, ext := outsideCells(g.xs, g.ys, ws, taken)
		t := gridTable(g.segs, xs, ys, ext, ws, taken, fills, pageNo, inner)
		if t == nil {
			continue
		}
		reg := &region{x0: xs[0], y0: ys[len(ys)-1], x1: xs[len(xs)-1], y1: ys[0], table: t, nested: inner}
		for _, r := range inner {
			r.outer = reg
		}
		out = append(out, reg)
	}
	top := out[:0:0]
	for _, r := range out {
		if r.outer == nil {
			top = append(top, r)
		}
	}
	var rest []*word
	for i, w := range ws {
		if !taken[i] {
			rest = append(rest, w)
		}
	}
	return rest, top
}

// cluster sorts vs and merges values closer than tol.
func cluster(vs []float64, tol float64) []float64 {
	sort.Float64s(vs)
	var out []float64
	for _, v := range vs {
		if len(out) > 0 && v-out[len(out)-1] < tol {
			continue
		}
		out = append(out, v)
	}
	return out
}

// gridTable fills the grid xs × ys (ys top down) with the words inside it.
// A cell whose separating rule is missing is merged with its neighbour,
// unless it holds a line of its own row (a column of row labels drawn
// without rules between them). ext says which edges of the grid are cells
// set outside the rules (a column of row labels, a totals row): they count
// as ruled off. A table nested in a cell (inner) stands in the cell's text
// as a mark that numberNested turns into "[table N]".
func gridTable(c []seg, xs, ys []float64, ext outside, ws []*word, taken []bool, fills []rect, pageNo int, inner []*region) *letopis.Table {
	nr, nc := len(ys)-1, len(xs)-1
	if nr*nc > 10000 {
		return nil
	}
	hasRule := func(horiz bool, pos, at float64) bool {
		if horiz && ext.left && at < xs[1] || !horiz && ext.bottom && at < ys[nr-1] {
			return true
		}
		for _, s := range c {
			if s.horiz == horiz && math.Abs(s.pos-pos) < 3 && at >= s.from-1 && at <= s.to+1 {
				return true
			}
		}
		return false
	}
	// the words of each cell of the grid
	raw := make([][]*word, nr*nc)
	n := 0
	for i, w := range ws {
		if taken[i] {
			continue
		}
		x, y := w.cx(), (w.base+w.y1)/2
		if x < xs[0] || x > xs[nc] || y > ys[0] || y < ys[nr] {
			continue
		}
		col := sort.SearchFloat64s(xs, x) - 1
		r := sort.Search(nr+1, func(k int) bool { return ys[k] < y }) - 1
		if col < 0 || col >= nc || r < 0 || r >= nr {
			continue
		}
		raw[r*nc+col] = append(raw[r*nc+col], w)
		taken[i] = true
		n++
	}
	if n == 0 {
		return nil
	}
	for _, in := range inner {
		x, y := (in.x0+in.x1)/2, in.y1-1
		col := sort.SearchFloat64s(xs, x) - 1
		r := sort.Search(nr+1, func(k int) bool { return ys[k] < y }) - 1
		if col >= 0 && col < nc && r >= 0 && r < nr {
			raw[r*nc+col] = append(raw[r*nc+col], &word{text: nestMark(in.table), x0: in.x0, x1: in.x1,
				y0: in.y0, y1: in.y1, base: in.y1 - 1, size: 1})
		}
	}
	// ownLine reports whether a word of cell (r, col) stands on the
	// baseline of a word of another cell of row r that is ruled off above
	ownLine := func(r, col int) bool {
		for _, w := range raw[r*nc+col] {
			for c2 := 0; c2 < nc; c2++ {
				if c2 == col || r > 0 && !hasRule(true, ys[r], (xs[c2]+xs[c2+1])/2) {
					continue
				}
				for _, v := range raw[r*nc+c2] {
					if math.Abs(v.base-w.base) < lineTol*min(v.size, w.size) {
						return true
					}
				}
			}
		}
		return false
	}
	// owner[r][c] is the top-left cell of the merged cell holding (r, c)
	owner := make([][2]int, nr*nc)
	for r := 0; r < nr; r++ {
		for col := 0; col < nc; col++ {
			owner[r*nc+col] = [2]int{r, col}
			midY := (ys[r] + ys[r+1]) / 2
			midX := (xs[col] + xs[col+1]) / 2
			if col > 0 && !hasRule(false, xs[col], midY) {
				owner[r*nc+col] = owner[r*nc+col-1]
			} else if r > 0 && !hasRule(true, ys[r], midX) && !ownLine(r, col) {
				owner[r*nc+col] = owner[(r-1)*nc+col]
			}
		}
	}
	cellWords := make([][]*word, nr*nc)
	for k, cw := range raw {
		o := owner[k]
		cellWords[o[0]*nc+o[1]] = append(cellWords[o[0]*nc+o[1]], cw...)
	}
	t := &letopis.Table{Page: pageNo, BBox: bbox(xs[0], ys[nr], xs[nc], ys[0])}
	var marked [][]bool
	for r := 0; r < nr; r++ {
		row := make([]letopis.Cell, nc)
		mark := make([]bool, nc)
		empty := true
		for col := 0; col < nc; col++ {
			o := owner[r*nc+col]
			cell := letopis.Cell{Row: r, Col: col, BBox: bbox(xs[col], ys[r+1], xs[col+1], ys[r])}
			if o != [2]int{r, col} {
				cell.Merged = true
				cell.Kind = letopis.CellEmpty
			} else {
				cw := cellWords[r*nc+col]
				setCellText(&cell, cw)
				mark[col] = mostlyBold(cw) || shadedAt(fills, (xs[col]+xs[col+1])/2, (ys[r]+ys[r+1])/2)
			}
			if cell.Text != "" {
				empty = false
			}
			row[col] = cell
		}
		if !empty {
			t.Rows = append(t.Rows, row)
			marked = append(marked, mark)
		}
	}
	if len(t.Rows) < 2 && nc < 2 {
		return nil
	}
	renumber(t)
	t.HeaderRows = headerRows(t, marked)
	return t
}

// renumber sets the cells' Row after empty rows were dropped.
func renumber(t *letopis.Table) {
	for r := range t.Rows {
		for c := range t.Rows[r] {
			t.Rows[r][c].Row = r
			t.Rows[r][c].Col = c
		}
	}
}

// setCellText joins a cell's words into its text (lines joined,
// hyphenation resolved) and types it.
func setCellText(c *letopis.Cell, ws []*word) {
	if len(ws) == 0 {
		c.Kind = letopis.CellEmpty
		return
	}
	ws = dropMarks(ws)
	lines := makeLines(ws)
	texts := make([]string, len(lines))
	for i, l := range lines {
		texts[i] = l.text
	}
	texts = dehyphenate(texts)
	var parts []string
	for _, t := range texts {
		if t != "" {
			parts = append(parts, t)
		}
	}
	c.Text = strings.Join(parts, " ")
	c.Kind = letopis.CellText
	if v, format, ok := parseNumber(c.Text); ok {
		c.Kind = letopis.CellNumber
		c.Number = v
		c.Format = format
	}
}

// dropMarks returns a cell's words without its footnote marks (Obiski²,
// Aktivni člani¹; markOf), ws itself when there are none.
func dropMarks(ws []*word) []*word {
	mark := func(m *word) bool {
		if !markText(m.text) {
			return false
		}
		for _, p := range ws {
			if markOf(m, p) && m.x0 > p.x0 {
				return true
			}
		}
		return false
	}
	var out []*word
	for i, w := range ws {
		if mark(w) {
			if out == nil {
				out = append(make([]*word, 0, len(ws)), ws[:i]...)
			}
			continue
		}
		if out != nil {
			out = append(out, w)
		}
	}
	if out == nil {
		return ws
	}
	return out
}

// parseNumber reads a number as Slovene reports write it: `22.830`,
// `40,32 %`, `1.234,5`, `25 %`. Percentages are stored as fractions.
func parseNumber(s string) (float64, string, bool) {
	s = strings.TrimSpace(s)
	pct := strings.HasSuffix(s, "%")
	s = strings.TrimSpace(strings.TrimSuffix(s, "%"))
	eur := strings.HasSuffix(s, "€") || strings.HasSuffix(s, "EUR")
	s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSuffix(s, "€"), "EUR"))
	if s == "" || len(s) > 20 {
		return 0, "", false
	}
	neg := strings.HasPrefix(s, "-") || strings.HasPrefix(s, "−")
	s = strings.TrimPrefix(strings.TrimPrefix(s, "-"), "−")
	intPart, frac, hasFrac := strings.Cut(s, ",")
	groups := strings.Split(intPart, ".")
	for i, g := range groups {
		if !allDigits(g) || i > 0 && len(g) != 3 || i == 0 && len(groups) > 1 && len(g) > 3 {
			return 0, "", false
		}
	}
	if hasFrac && !allDigits(frac) {
		return 0, "", false
	}
	v, err := strconv.ParseFloat(strings.Join(groups, "")+"."+frac+"0", 64)
	if err != nil {
		return 0, "", false
	}
	if neg {
		v = -v
	}
	format := "0"
	if len(groups) > 1 {
		format = "#,##0"
	}
	if hasFrac {
		format += "." + strings.Repeat("0", len(frac))
	}
	if pct {
		v /= 100
		format += "%"
	}
	if eur {
		format += " €"
	}
	return v, format, true
}

// headerRows counts the leading rows a reader takes for the header: rows
// whose cells of text or years are set in bold or on a shaded background;
// failing that, a first row of text above rows with numbers.
func headerRows(t *letopis.Table, marked [][]bool) int {
	rowMarked := func(r int) bool {
		all, hit := 0, 0
		for c, cell := range t.Rows[r] {
			if cell.Text == "" {
				continue
			}
			all++
			if marked[r][c] && (cell.Kind != letopis.CellNumber || yearText(cell.Text)) {
				hit++
			}
		}
		return all > 0 && hit == all
	}
	n := 0
	for n < len(t.Rows)-1 && rowMarked(n) {
		n++
	}
	// rows shaded in turn (a striped table) from the last header row on:
	// that row is the first stripe
	if n >= 2 && len(t.Rows)-n >= 4 {
		zebra := true
		for r := n; r < len(t.Rows) && zebra; r++ {
			zebra = rowMarked(r) == ((r-n)%2 == 1)
		}
		if zebra {
			n--
		}
	}
	if n > 0 {
		return n
	}
	if len(t.Rows) > 1 {
		for _, c := range t.Rows[0] {
			if c.Kind == letopis.CellNumber {
				return 0
			}
		}
		for _, row := range t.Rows[1:] {
			for _, c := range row {
				if c.Kind == letopis.CellNumber {
					return 1
				}
			}
		}
	}
	return 0
}

// yearText reports whether a cell is a year as a column header writes it:
// 2021, 2021/22, 2019–2021.
func yearText(s string) bool {
	year := func(s string) bool {
		return len(s) == 4 && allDigits(s) && (s[:2] == "19" || s[:2] == "20")
	}
	a, b, found := strings.Cut(strings.TrimSpace(s), "/")
	if !found {
		a, b, found = strings.Cut(a, "–")
	}
	return year(a) && (!found || year(b) || len(b) == 2 && allDigits(b))
}

// shadedAt reports whether a filled rectangle lies under the point.
func shadedAt(fills []rect, x, y float64) bool {
	for _, f := range fills {
		if f.filled && f.w() > 4 && f.h() > 4 && x > f.x0 && x < f.x1 && y > f.y0 && y < f.y1 {
			return true
		}
	}
	return false
}

func mostlyBold(ws []*word) bool {
	b, n := 0, 0
	for _, w := range ws {
		k := utf8.RuneCountInString(w.text)
		n += k
		if w.bold {
			b += k
		}
	}
	return n > 0 && 2*b > n
}

// alignedTables finds tables drawn without rules: consecutive lines whose
// cells (runs of words separated by gaps of at least cellGap ems) start at
// the same x positions, three or more of them, with the lines in between
// (or right after) that continue a cell within one column. Rows are split
// where the vertical gap is clearly wider than between the lines of a
// cell. Their words leave the page flow.
func alignedTables(ws []*word, fills []rect, pageNo int, body float64) ([]*word, []*region) {
	lines := markedLines(ws)
	if len(lines) < 2 {
		return ws, nil
	}
	// the edges of columns of numbers, for this finder's and
	// gutterTables' cells of tables set tight
	markStacks(lines)
	type tl struct {
		ws     []*word
		starts []float64
	}
	info := make([]tl, len(lines))
	for i, l := range lines {
		info[i] = tl{ws: l, starts: segStarts(l)}
	}
	const tol = 4.0
	match := func(cols, starts []float64) int {
		n := 0
		for _, s := range starts {
			for _, c := range cols {
				if math.Abs(s-c) < tol {
					n++
					break
				}
			}
		}
		return n
	}
	inOneCol := func(cols []float64, l []*word) bool {
		x0, x1 := l[0].x0, l[len(l)-1].x1
		if x1 <= cols[0]+tol {
			return true // left of the known columns: the first column's text
		}
		for i, c := range cols {
			next := math.Inf(1)
			if i+1 < len(cols) {
				next = cols[i+1]
			}
			if x0 >= c-tol && x1 <= next+tol {
				return true
			}
		}
		return false
	}
	taken := map[*word]bool{}
	var out []*region
	for i := 0; i < len(lines); i++ {
		if len(info[i].starts) < 3 {
			continue
		}
		cols := append([]float64(nil), info[i].starts...)
		members := []int{i}
		tabular := 1
		var tentative []int
		last := i
		for j := i + 1; j < len(lines); j++ {
			gap := lowestW(lines[last]) - highestW(lines[j])
			sz := lines[j][0].size
			if gap > 2.5*sz {
				break
			}
			st := info[j].starts
			m := match(cols, st)
			if len(st) >= 2 && (m >= 3 || m >= 2 && m == len(st)) {
				members = append(members, tentative...)
				tentative = nil
				members = append(members, j)
				tabular++
				for _, s := range st {
					if match(cols, []float64{s}) == 0 {
						cols = append(cols, s)
					}
				}
				sort.Float64s(cols)
				last = j
				continue
			}
			if inOneCol(cols, lines[j]) && len(tentative) < 4 {
				tentative = append(tentative, j)
				last = j
				continue
			}
			break
		}
		// trailing continuation lines close to the table
		for _, t := range tentative {
			prev := members[len(members)-1]
			if lowestW(lines[prev])-highestW(lines[t]) < 0.6*lines[t][0].size {
				members = append(members, t)
			} else {
				break
			}
		}
		if tabular < 2 || len(cols) < 3 {
			continue
		}
		t := buildAligned(lines, members, cols, fills, pageNo, tol)
		if t == nil || runningText(t) {
			continue
		}
		for _, m := range members {
			for _, w := range lines[m] {
				taken[w] = true
			}
		}
		out = append(out, &region{x0: t.BBox.X0, y0: t.BBox.Y0, x1: t.BBox.X1, y1: t.BBox.Y1, table: t})
		i = members[len(members)-1]
	}
	if len(out) == 0 {
		return ws, nil
	}
	return untaken(ws, taken), out
}

// runningText reports whether a table's columns read as text set in
// columns (a newsletter of three): half the cells hold four words or more,
// and half of the cells under another go on with its sentence (the one
// above ends without a stop, this one opens in lower case).
func runningText(t *letopis.Table) bool {
	cells, long, pairs, cont := 0, 0, 0, 0
	for r, row := range t.Rows {
		for c, cell := range row {
			f := strings.Fields(cell.Text)
			if len(f) == 0 {
				continue
			}
			cells++
			if len(f) >= 4 {
				long++
			}
			if r+1 >= len(t.Rows) || c >= len(t.Rows[r+1]) || t.Rows[r+1][c].Text == "" {
				continue
			}
			pairs++
			if goesOn(f[len(f)-1], t.Rows[r+1][c].Text) {
				cont++
			}
		}
	}
	return long*2 >= cells && pairs >= 4 && cont*2 >= pairs
}

// untaken returns the words a table finder did not take, in their order
// (ws itself when it took none).
func untaken(ws []*word, taken map[*word]bool) []*word {
	if len(taken) == 0 {
		return ws
	}
	rest := ws[:0:0]
	for _, w := range ws {
		if !taken[w] {
			rest = append(rest, w)
		}
	}
	return rest
}

// cellGap is the narrowest gap, in ems, between two cells of a row.
const cellGap = 0.9

// baselines groups words into page-wide lines (all columns), top down.
func baselines(ws []*word) [][]*word {
	s := append([]*word(nil), ws...)
	sort.SliceStable(s, func(i, j int) bool { return s[i].base > s[j].base })
	var out [][]*word
	for _, w := range s {
		if n := len(out); n > 0 && math.Abs(out[n-1][0].base-w.base) < lineTol*w.size {
			out[n-1] = append(out[n-1], w)
			continue
		}
		out = append(out, []*word{w})
	}
	for _, l := range out {
		sort.SliceStable(l, func(i, j int) bool { return l[i].x0 < l[j].x0 })
	}
	return out
}

// segStarts returns the left edges of a line's cells.
func segStarts(l []*word) []float64 {
	starts := []float64{l[0].x0}
	for k := 1; k < len(l); k++ {
		if l[k].x0-l[k-1].x1 >= cellGap*max(l[k].size, l[k-1].size) || stackSplit(l, k) {
			starts = append(starts, l[k].x0)
		}
	}
	return starts
}

func lowestW(l []*word) float64 {
	y := math.Inf(1)
	for _, w := range l {
		y = min(y, w.y0)
	}
	return y
}

func highestW(l []*word) float64 {
	y := math.Inf(-1)
	for _, w := range l {
		y = max(y, w.y1)
	}
	return y
}

// buildAligned makes the table of the member lines, columns starting at
// cols.
func buildAligned(lines [][]*word, members []int, cols []float64, fills []rect, pageNo int, tol float64) *letopis.Table {
	sort.Ints(members)
	// rows: split where the step from one line to the next is clearly
	// wider than the usual step (the leading inside a cell)
	var steps []float64
	over := 0 // steps between lines set over each other
	for k := 1; k < len(members); k++ {
		a, b := lines[members[k-1]], lines[members[k]]
		steps = append(steps, a[0].base-b[0].base)
		sa, sb := a[0].size, b[0].size
		if highestW(b)-lowestW(a) > 0.15*min(sa, sb) && max(sa, sb) < 1.5*min(sa, sb) {
			over++
		}
	}
	if over*2 > len(steps) {
		// most lines overlap the one above, both of text sizes (body,
		// heading; not a call-out number set large beside its label):
		// columns of text each at its own line spacing (a newsletter
		// page with headings in its columns), not rows
		return nil
	}
	sort.Float64s(steps)
	lead := steps[len(steps)/2]
	var rows [][]int
	for k, m := range members {
		if k == 0 {
			rows = append(rows, []int{m})
			continue
		}
		step := lines[members[k-1]][0].base - lines[m][0].base
		if step > 1.3*lead {
			rows = append(rows, []int{m})
		} else {
			rows[len(rows)-1] = append(rows[len(rows)-1], m)
		}
	}
	if len(rows) < 2 {
		return nil
	}
	nc := len(cols)
	t := &letopis.Table{Page: pageNo}
	var marked [][]bool
	var tb letopis.BBox
	for r, rl := range rows {
		cellWords := make([][]*word, nc)
		for _, m := range rl {
			for _, w := range lines[m] {
				c := sort.SearchFloat64s(cols, w.x0+tol) - 1
				c = max(c, 0)
				cellWords[c] = append(cellWords[c], w)
			}
		}
		row := make([]letopis.Cell, nc)
		mark := make([]bool, nc)
		var ry0, ry1 = math.Inf(1), math.Inf(-1)
		for _, m := range rl {
			ry0, ry1 = min(ry0, lowestW(lines[m])), max(ry1, highestW(lines[m]))
		}
		for c := 0; c < nc; c++ {
			cell := letopis.Cell{Row: r, Col: c}
			x1 := math.Inf(-1)
			for _, w := range cellWords[c] {
				x1 = max(x1, w.x1)
			}
			if len(cellWords[c]) > 0 {
				cell.BBox = bbox(cols[c], ry0, x1, ry1)
				tb = tb.Union(cell.BBox)
				w := cellWords[c][0]
				mark[c] = mostlyBold(cellWords[c]) || shadedAt(fills, w.cx(), w.cy())
			}
			setCellText(&cell, cellWords[c])
			row[c] = cell
		}
		t.Rows = append(t.Rows, row)
		marked = append(marked, mark)
	}
	// every column needs text in two rows, or it is no column; and two
	// columns of prose are text set in columns, no table
	proseCols := 0
	for c := 0; c < nc; c++ {
		n, prose := 0, 0
		for _, row := range t.Rows {
			if row[c].Text != "" {
				n++
				if len(strings.Fields(row[c].Text)) >= 7 {
					prose++
				}
			}
		}
		if n < 2 {
			return nil
		}
		if prose*2 >= n {
			proseCols++
		}
	}
	if proseCols >= 2 {
		return nil
	}
	t.BBox = tb
	t.HeaderRows = headerRows(t, marked)
	return t
}
