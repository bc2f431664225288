package pdf

import (
	"context"
	"math"

	"github.com/letopis/letopis"
)

// Text in any direction. The interpreter puts each glyph in the reading
// frame of its direction (the displayed page turned so that the glyph's
// text runs left to right, see frames). A page is read in the frame of
// most of its text: the page as displayed, or turned when most of its text
// runs another way (a landscape page drawn sideways). The text of each
// other direction (a table printed sideways on a portrait page, a note up
// the margin) is laid out on its own, as a page of its own frame, and its
// blocks are set back on the page as one region that the page's reading
// order places like a table.

// layoutPage lays out a page whose displayed size is pw × ph and returns
// its blocks in reading order with the size of the page as read.
func layoutPage(ctx context.Context, pc *pageContent, pageNo int, pw, ph float64) ([]letopis.Block, float64, float64) {
	var count [4]int
	for i := range pc.glyphs {
		if !pc.glyphs[i].space {
			count[pc.glyphs[i].dir]++
		}
	}
	if count[1]+count[2]+count[3] == 0 {
		bs := layoutWords(ctx, words(pc.glyphs), pc.rects, pageNo, pw, ph, nil)
		numberNested(bs)
		return bs, pw, ph
	}
	main := 0
	for d := 1; d < 4; d++ {
		if count[d] > count[main] {
			main = d
		}
	}
	fr := frames(pw, ph)
	var turned []*region
	for d := 0; d < 4; d++ {
		if d == main || count[d] == 0 {
			continue
		}
		alive(ctx)
		w, h := frameSize(d, pw, ph)
		bs := layoutWords(ctx, words(glyphsOf(pc.glyphs, d)), turnRects(pc.rects, fr[d]), pageNo, w, h, nil)
		if len(bs) == 0 {
			continue
		}
		back := fr[d].inverse().mul(fr[main])
		r := &region{blocks: bs, x0: math.Inf(1), y0: math.Inf(1), x1: math.Inf(-1), y1: math.Inf(-1)}
		for i := range bs {
			moveBlock(&bs[i], back)
			bs[i].Rotation = (d - main + 4) % 4 * 90
			r.x0, r.y0 = min(r.x0, bs[i].BBox.X0), min(r.y0, bs[i].BBox.Y0)
			r.x1, r.y1 = max(r.x1, bs[i].BBox.X1), max(r.y1, bs[i].BBox.Y1)
		}
		turned = append(turned, r)
	}
	w, h := frameSize(main, pw, ph)
	bs := layoutWords(ctx, words(glyphsOf(pc.glyphs, main)), turnRects(pc.rects, fr[main]), pageNo, w, h, turned)
	numberNested(bs)
	return bs, w, h
}

// frameSize is the size of direction d's reading frame of a pw × ph page.
func frameSize(d int, pw, ph float64) (float64, float64) {
	if d&1 == 1 {
		return ph, pw
	}
	return pw, ph
}

// glyphsOf returns the glyphs of direction d, in their order.
func glyphsOf(gs []glyph, d int) []glyph {
	var out []glyph
	for _, g := range gs {
		if int(g.dir) == d {
			out = append(out, g)
		}
	}
	return out
}

// turnRects returns the shapes of the displayed page in a frame.
func turnRects(rs []rect, m matrix) []rect {
	if m == identity {
		return rs
	}
	out := make([]rect, len(rs))
	for i, r := range rs {
		x0, y0 := m.apply(r.x0, r.y0)
		x1, y1 := m.apply(r.x1, r.y1)
		out[i] = rect{min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1), r.filled}
	}
	return out
}

// moveBlock moves the boxes of a block, its lines, words, table and cells
// by m.
func moveBlock(b *letopis.Block, m matrix) {
	b.BBox = moveBox(b.BBox, m)
	for i := range b.Lines {
		l := &b.Lines[i]
		l.BBox = moveBox(l.BBox, m)
		for j := range l.Words {
			l.Words[j].BBox = moveBox(l.Words[j].BBox, m)
		}
	}
	if t := b.Table; t != nil {
		t.BBox = moveBox(t.BBox, m)
		for r := range t.Rows {
			for c := range t.Rows[r] {
				t.Rows[r][c].BBox = moveBox(t.Rows[r][c].BBox, m)
			}
		}
	}
}

func moveBox(b letopis.BBox, m matrix) letopis.BBox {
	if b == (letopis.BBox{}) {
		return b
	}
	x0, y0 := m.apply(b.X0, b.Y0)
	x1, y1 := m.apply(b.X1, b.Y1)
	return bbox(min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))
}
