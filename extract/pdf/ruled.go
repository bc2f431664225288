package pdf

import (
	"fmt"
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/letopis/letopis"
)

// What a ruled table holds beyond its rules: row labels set left of the
// grid and a totals row set under it without rules (joined to the grid as
// a first column and a last row), and tables nested in its cells (tables
// of their own, which the cell refers to as "[table N]").

// outside says which cells outside the rules a grid was extended by: a
// column of row labels at its left, a totals row at its bottom.
type outside struct{ left, bottom bool }

// outsideCells finds the row labels left of the grid xs × ys (ys top down)
// and the totals row right under it, among the words not taken, and
// returns the grid extended by them: xs with the labels' left edge before
// it, ys with the totals' bottom after it.
//
// Row labels: the words left of the grid, each on the line of a row, in
// two rows or more and in at least half of the rows under the first, short
// (six words at most a row), with nothing of theirs going on above or
// below the grid (that would be a column of text beside the table).
// Totals: the first line under the grid, closer to it than a line's
// height, whose words each fall in one column (or in the label column), in
// two columns or more, one of them a number, with nothing else on the line.
func outsideCells(xs, ys []float64, ws []*word, taken []bool) ([]float64, []float64, outside) {
	var ext outside
	nr := len(ys) - 1
	x0, x1, top, bottom := xs[0], xs[len(xs)-1], ys[0], ys[nr]
	var left []*word // words left of the grid, beside it
	var under []*word
	for i, w := range ws {
		if taken[i] {
			continue
		}
		cy := (w.base + w.y1) / 2
		switch {
		case w.x1 <= x0+1 && cy < top && cy > bottom && x0-w.x0 < max(0.6*(x1-x0), 150):
			left = append(left, w)
		case w.y1 <= bottom+1 && w.y1 > bottom-1.6*w.size:
			under = append(under, w)
		}
	}
	labelX := x0
	if labels := rowLabels(left, xs, ys, ws, taken); labels {
		for _, w := range left {
			labelX = min(labelX, w.x0-1)
		}
		ext.left = true
	}
	// the totals: the first line under the grid
	if len(under) > 0 {
		first := under[0]
		for _, w := range under {
			if w.base > first.base {
				first = w
			}
		}
		var line []*word
		for i, w := range ws {
			if !taken[i] && math.Abs(w.base-first.base) < lineTol*w.size {
				line = append(line, w)
			}
		}
		if bottom-first.y1 < 1.2*first.size && totalsLine(line, xs, labelX) {
			low := bottom
			for _, w := range line {
				low = min(low, w.y0-1)
			}
			ys = append(ys[:nr+1:nr+1], low)
			ext.bottom = true
		}
	}
	if ext.left {
		xs = append([]float64{labelX}, xs...)
	}
	return xs, ys, ext
}

// rowLabels reports whether the words left of a grid are its row labels
// (see outsideCells).
func rowLabels(left []*word, xs, ys []float64, ws []*word, taken []bool) bool {
	if len(left) == 0 {
		return false
	}
	nr := len(ys) - 1
	perRow := make([]int, nr)
	lx0, lx1 := math.Inf(1), math.Inf(-1)
	for _, w := range left {
		y := (w.base + w.y1) / 2
		r := sort.Search(nr+1, func(k int) bool { return ys[k] < y }) - 1
		if r < 0 || r >= nr {
			return false
		}
		perRow[r]++
		lx0, lx1 = min(lx0, w.x0), max(lx1, w.x1)
	}
	rows := 0
	for r := 1; r < nr; r++ {
		if perRow[r] > 6 {
			return false
		}
		if perRow[r] > 0 {
			rows++
		}
	}
	if rows < 2 || rows*2 < nr-1 {
		return false
	}
	// nothing left of the labels on their lines, and no line just above
	// or below the grid that stays in the labels' band (a column of text
	// beside the table goes on there; a caption above runs across)
	size := left[0].size
	for i, w := range ws {
		if taken[i] {
			continue
		}
		if w.x1 < lx0 && w.y0 < ys[0] && w.y1 > ys[nr] && onLineOf(w, left) {
			return false
		}
		near := w.y0 > ys[0] && w.y0 < ys[0]+1.5*size || w.y1 < ys[nr] && w.y1 > ys[nr]-1.5*size
		if near && w.x0 < lx1 && w.x1 > lx0 && !lineReaches(w, ws, taken, xs[0]) {
			return false
		}
	}
	return true
}

// lineReaches reports whether the line of w (the words not taken on its
// baseline) reaches right of x.
func lineReaches(w *word, ws []*word, taken []bool, x float64) bool {
	for i, v := range ws {
		if !taken[i] && v.x1 > x && math.Abs(v.base-w.base) < lineTol*w.size {
			return true
		}
	}
	return false
}

func onLineOf(w *word, ls []*word) bool {
	for _, l := range ls {
		if math.Abs(l.base-w.base) < lineTol*l.size {
			return true
		}
	}
	return false
}

// totalsLine reports whether a line under a grid is its totals row: each
// word within one column of xs, or left of the grid in the label column
// starting at labelX, in two columns or more, one of them a number.
func totalsLine(line []*word, xs []float64, labelX float64) bool {
	cells := map[int][]*word{}
	for _, w := range line {
		c := -1
		switch {
		case w.x1 <= xs[0]+1 && w.x0 >= labelX-1 && labelX < xs[0]:
			c = 0
		default:
			for k := 0; k+1 < len(xs); k++ {
				if w.x0 >= xs[k]-2 && w.x1 <= xs[k+1]+2 {
					c = k + 1
					break
				}
			}
		}
		if c < 0 {
			return false // a word across the columns or beside the table
		}
		cells[c] = append(cells[c], w)
	}
	num := false
	for _, ws := range cells {
		num = num || isNumberCell(wordsText(ws))
	}
	return len(cells) >= 2 && num
}

// nestMark is what stands for a nested table in its outer cell until the
// page's tables are numbered.
func nestMark(t *letopis.Table) string { return fmt.Sprintf("\x00%p\x00", t) }

var nestMarks = regexp.MustCompile("\x00[^\x00]*\x00")

// numberNested writes "[table N]" for the mark of each nested table in the
// cells of the page's tables, N the nested table's number among the table
// blocks of the page (1-based, in reading order).
func numberNested(bs []letopis.Block) {
	nested := false
	for i := range bs {
		if t := bs[i].Table; t != nil && !nested {
			for r := range t.Rows {
				for c := range t.Rows[r] {
					nested = nested || strings.Contains(t.Rows[r][c].Text, "\x00")
				}
			}
		}
	}
	if !nested {
		return
	}
	num := map[string]string{}
	k := 0
	for i := range bs {
		if bs[i].Table != nil && bs[i].Kind == letopis.BlockTable {
			k++
			num[nestMark(bs[i].Table)] = "[table " + strconv.Itoa(k) + "]"
		}
	}
	for i := range bs {
		if t := bs[i].Table; t != nil {
			replaceInCells(t, "\x00", nestMarks, func(m string) string {
				if n, ok := num[m]; ok {
					return n
				}
				return "[table]"
			})
		}
	}
}

// replaceInCells replaces what re matches in the text of each cell of t
// that holds the string has, by what repl returns for it.
func replaceInCells(t *letopis.Table, has string, re *regexp.Regexp, repl func(string) string) {
	for r := range t.Rows {
		for c := range t.Rows[r] {
			if cell := &t.Rows[r][c]; strings.Contains(cell.Text, has) {
				cell.Text = re.ReplaceAllStringFunc(cell.Text, repl)
			}
		}
	}
}
