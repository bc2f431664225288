package pdf

import (
	"math"
	"sort"

	"github.com/letopis/letopis"
)

// Tables whose rows are drawn as shaded bands: a header band and rows
// shaded in turn (the striped tables of office suites), without rules.
// Their rows are the bands and the unshaded gaps between them; their
// columns the gaps that no word of any row crosses (so that a cell's words
// spread wide by justification stay in their cell).

// band is a shaded row: fills side by side at one height, joined.
type band struct{ x0, y0, x1, y1 float64 }

// bandTables finds the striped tables of a page. Their words leave the
// page flow.
func bandTables(ws []*word, fills []rect, pageNo int, body float64) ([]*word, []*region) {
	if len(fills) < 3 || len(ws) == 0 {
		return ws, nil
	}
	bands := joinBands(fills)
	sort.Slice(bands, func(i, j int) bool { return bands[i].y1 > bands[j].y1 })
	taken := map[*word]bool{}
	var out []*region
	used := make([]bool, len(bands))
	for i := range bands {
		if used[i] {
			continue
		}
		// the bands under this one at the same place, each right under
		// the one before or a row's height further down
		run := []band{bands[i]}
		for j := i + 1; j < len(bands); j++ {
			a, b := run[len(run)-1], bands[j]
			if used[j] || math.Abs(a.x0-b.x0) > 3 || math.Abs(a.x1-b.x1) > 3 {
				continue
			}
			gap := a.y0 - b.y1
			if gap < -1 || gap > 3*max(a.y1-a.y0, b.y1-b.y0) {
				break
			}
			run = append(run, b)
			used[j] = true
		}
		if len(run) < 3 {
			continue
		}
		if t, tw := bandTable(run, ws, taken, pageNo, body); t != nil {
			for _, w := range tw {
				taken[w] = true
			}
			out = append(out, &region{x0: t.BBox.X0, y0: t.BBox.Y0, x1: t.BBox.X1, y1: t.BBox.Y1, table: t})
		}
	}
	return untaken(ws, taken), out
}

// joinBands joins the fills side by side at one height into bands.
func joinBands(fills []rect) []band {
	fs := append([]rect(nil), fills...)
	sort.Slice(fs, func(i, j int) bool {
		if math.Abs(fs[i].y1-fs[j].y1) > 1 {
			return fs[i].y1 > fs[j].y1
		}
		return fs[i].x0 < fs[j].x0
	})
	var out []band
	for _, f := range fs {
		if n := len(out); n > 0 {
			b := &out[n-1]
			if math.Abs(b.y1-f.y1) <= 1 && math.Abs(b.y0-f.y0) <= 1 && f.x0 <= b.x1+2 {
				b.x1 = max(b.x1, f.x1)
				continue
			}
		}
		out = append(out, band{f.x0, f.y0, f.x1, f.y1})
	}
	return out
}

// bandTable makes the table of a run of bands (top down), or nil when its
// words are no table; it returns the words it took.
func bandTable(run []band, ws []*word, taken map[*word]bool, pageNo int, body float64) (*letopis.Table, []*word) {
	x0, x1 := run[0].x0, run[0].x1
	top, bottom := run[0].y1, run[len(run)-1].y0
	// row edges: the bands' edges, top down
	var ys []float64
	for _, b := range run {
		for _, y := range []float64{b.y1, b.y0} {
			if len(ys) == 0 || ys[len(ys)-1]-y > 1 {
				ys = append(ys, y)
			}
		}
	}
	var in []*word
	for _, w := range ws {
		if y := (w.base + w.y1) / 2; !taken[w] && w.cx() > x0 && w.cx() < x1 && y < top && y > bottom {
			in = append(in, w)
		}
	}
	if len(in) < 6 {
		return nil, nil
	}
	// columns: the gaps no word crosses, a good part of an em wide
	iv := make([][2]float64, len(in))
	for i, w := range in {
		iv[i] = [2]float64{w.x0, w.x1}
	}
	sort.Slice(iv, func(i, j int) bool { return iv[i][0] < iv[j][0] })
	var cuts []float64
	reach := iv[0][1]
	for _, v := range iv[1:] {
		if v[0]-reach >= 0.4*body {
			cuts = append(cuts, (v[0]+reach)/2)
		}
		reach = max(reach, v[1])
	}
	if len(cuts) == 0 {
		return nil, nil
	}
	nr, nc := len(ys)-1, len(cuts)+1
	cells := make([][][]*word, nr)
	for r := range cells {
		cells[r] = make([][]*word, nc)
	}
	for _, w := range in {
		y := (w.base + w.y1) / 2
		r := sort.Search(len(ys), func(k int) bool { return ys[k] < y }) - 1
		c := sort.SearchFloat64s(cuts, w.cx())
		if r >= 0 && r < nr {
			cells[r][c] = append(cells[r][c], w)
		}
	}
	// every shaded row and every column holds text; no column of prose
	filled := make([]int, nc)
	rows := 0
	for r := range cells {
		any := false
		for c := range cells[r] {
			if len(cells[r][c]) > 0 {
				filled[c]++
				any = true
			}
		}
		if any {
			rows++
		}
	}
	for _, n := range filled {
		if n < 2 {
			return nil, nil
		}
	}
	if rows < 3 || proseColumn(cells, 0, nc-1) {
		return nil, nil
	}
	t := &letopis.Table{Page: pageNo}
	var marked [][]bool
	var tb letopis.BBox
	edges := append(append([]float64{x0}, cuts...), x1)
	for r := range cells {
		row := make([]letopis.Cell, nc)
		mark := make([]bool, nc)
		any := false
		for c := range cells[r] {
			cw := cells[r][c]
			cell := letopis.Cell{Row: len(t.Rows), Col: c, BBox: bbox(edges[c], ys[r+1], edges[c+1], ys[r])}
			setCellText(&cell, cw)
			if len(cw) > 0 {
				any = true
				mark[c] = mostlyBold(cw) || rowShaded(run, ys[r], ys[r+1])
			}
			row[c] = cell
		}
		if any {
			tb = tb.Union(bbox(x0, ys[r+1], x1, ys[r]))
			t.Rows = append(t.Rows, row)
			marked = append(marked, mark)
		}
	}
	t.BBox = tb
	t.HeaderRows = headerRows(t, marked)
	return t, in
}

// rowShaded reports whether the row between y1 (top) and y0 is a band.
func rowShaded(run []band, y1, y0 float64) bool {
	for _, b := range run {
		if math.Abs(b.y1-y1) <= 1 && math.Abs(b.y0-y0) <= 1 {
			return true
		}
	}
	return false
}
