package pdf

import (
	"context"
	"errors"
	"math"
	"strings"

	"github.com/letopis/letopis/internal/lpdf"
)

// glyph is one shown character on the page. Its position is in the
// reading frame of its direction: the page as displayed (its /Rotate
// applied), turned so that the glyph's text runs left to right.
type glyph struct {
	s      string
	x0, x1 float64 // left and right edge
	y      float64 // baseline
	size   float64 // font size in points after all scaling
	font   *fontInfo
	space  bool  // a whitespace character: a word boundary
	dir    uint8 // the quadrant of the text's x-axis on the displayed page: 0 upright, 1 upwards, 2 upside down, 3 downwards
}

// rect is a drawn rectangle (filled or stroked) or an axis-aligned line,
// normalised so that x0 <= x1 and y0 <= y1.
type rect struct {
	x0, y0, x1, y1 float64
	filled         bool
}

func (r rect) w() float64 { return r.x1 - r.x0 }
func (r rect) h() float64 { return r.y1 - r.y0 }

type subpath struct {
	pts    [][2]float64
	curves int
}

// pageContent is what the interpreter reads from one page: glyphs in the
// frames of their directions, shapes on the displayed page.
type pageContent struct {
	glyphs    []glyph
	rects     []rect
	imageArea float64 // area covered by images, for "scanned page" reports
}

// matrix is a PDF transformation [a b c d e f].
type matrix [6]float64

var identity = matrix{1, 0, 0, 1, 0, 0}

// turn returns the matrix that turns a w × h space by q quarter turns
// clockwise as a viewer shows it (a page's /Rotate / 90) and puts it back
// at the origin: the result measures h × w for odd q.
func turn(q int, w, h float64) matrix {
	switch q & 3 {
	case 1:
		return matrix{0, -1, 1, 0, 0, w}
	case 2:
		return matrix{-1, 0, 0, -1, w, h}
	case 3:
		return matrix{0, 1, -1, 0, h, 0}
	}
	return identity
}

// frames returns, for each text direction, the matrix from the displayed
// page (w × h) to that direction's reading frame: the page turned so that
// text of that direction runs left to right.
func frames(w, h float64) [4]matrix {
	return [4]matrix{identity, turn(1, w, h), turn(2, w, h), turn(3, w, h)}
}

// direction returns the quadrant of a text matrix's x-axis: 0 to the
// right, 1 up, 2 to the left, 3 down.
func direction(m matrix) uint8 {
	a, b := m[0], m[1]
	switch {
	case math.Abs(a) >= math.Abs(b) && a >= 0:
		return 0
	case math.Abs(a) >= math.Abs(b):
		return 2
	case b > 0:
		return 1
	}
	return 3
}

// inverse returns the inverse of m (identity if m is singular).
func (m matrix) inverse() matrix {
	det := m[0]*m[3] - m[1]*m[2]
	if det == 0 || math.IsNaN(det) || math.IsInf(det, 0) {
		return identity
	}
	a, b, c, d := m[3]/det, -m[1]/det, -m[2]/det, m[0]/det
	return matrix{a, b, c, d, -(m[4]*a + m[5]*c), -(m[4]*b + m[5]*d)}
}

// mul returns m × n (m applied first).
func (m matrix) mul(n matrix) matrix {
	return matrix{
		m[0]*n[0] + m[1]*n[2], m[0]*n[1] + m[1]*n[3],
		m[2]*n[0] + m[3]*n[2], m[2]*n[1] + m[3]*n[3],
		m[4]*n[0] + m[5]*n[2] + n[4], m[4]*n[1] + m[5]*n[3] + n[5],
	}
}

func (m matrix) apply(x, y float64) (float64, float64) {
	return x*m[0] + y*m[2] + m[4], x*m[1] + y*m[3] + m[5]
}

// Limits on the work spent on one page: a page beyond them is reported, not
// read. They are far above what a report page needs (a dense page has some
// 10,000 operators and 5,000 glyphs).
const (
	maxOpsPerPage    = 4_000_000
	maxGlyphsPerPage = 400_000
	maxRectsPerPage  = 200_000
	maxFormDepth     = 8
)

// errBudget is raised (as a panic inside the interpreter, recovered per
// page) when a page exceeds the limits above.
var errBudget = errors.New("page content too large or looping (work limit reached)")

type gstate struct {
	ctm                  matrix
	tc, tw, th, tl, rise float64
	font                 *fontInfo
	fs                   float64
}

type interp struct {
	ctx    context.Context
	fonts  *fontCache
	out    *pageContent
	ops    int
	frames [4]matrix // from the displayed page to each direction's reading frame
}

func (in *interp) tick() {
	in.ops++
	if in.ops&1023 == 0 {
		if err := in.ctx.Err(); err != nil {
			panic(err)
		}
		if in.ops > maxOpsPerPage || len(in.out.glyphs) > maxGlyphsPerPage || len(in.out.rects) > maxRectsPerPage {
			panic(errBudget)
		}
	}
}

func num(v lpdf.Value) float64 { return finite(v.Float64()) }

// finite returns f, or 0 for NaN and infinities.
func finite(f float64) float64 {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return 0
	}
	return f
}

// run interprets one content stream (a page's or a form XObject's).
func (in *interp) run(strm, res lpdf.Value, ctm matrix, depth int) {
	g := gstate{ctm: ctm, th: 1}
	var stack []gstate
	var tm, tlm matrix
	fontByName := map[string]*fontInfo{}
	// current path: subpaths of points in device space
	var path []subpath
	var cur subpath
	flushSub := func() {
		if len(cur.pts) > 0 {
			path = append(path, cur)
			cur = subpath{}
		}
	}
	// paint records the current path: filled, stroked, or both (B, b: a
	// shaded box with an outline is a box, and a shaded area too).
	paint := func(fill, stroke bool) {
		flushSub()
		for _, sp := range path {
			if fill {
				in.addPath(sp, true)
			}
			if stroke {
				in.addPath(sp, false)
			}
		}
		path = path[:0]
	}

	show := func(raw string) {
		f := g.font
		if f == nil {
			return
		}
		trm := matrix{g.fs * g.th, 0, 0, g.fs, 0, g.rise}.mul(tm).mul(g.ctm)
		size := math.Hypot(trm[2], trm[3])
		// the direction holds for the whole string: glyphs only move
		// along it
		dir := direction(trm)
		fr := in.frames[dir]
		for len(raw) > 0 {
			code, n := f.next(raw)
			raw = raw[n:]
			w := f.width(code) * f.scale
			s := unligature(f.text(code))
			x0, y := trm.apply(0, 0)
			x1, y1 := trm.apply(w, 0)
			if dir != 0 {
				x0, y = fr.apply(x0, y)
				x1, _ = fr.apply(x1, y1)
			}
			tx := w*g.fs + g.tc
			if n == 1 && code == 32 {
				tx += g.tw
			}
			tx *= g.th
			if s != "" && size > 0.5 && len(in.out.glyphs) < maxGlyphsPerPage+1 {
				sp := strings.TrimSpace(s) == ""
				if x1 < x0 {
					x0, x1 = x1, x0
				}
				in.out.glyphs = append(in.out.glyphs, glyph{s: s, x0: x0, x1: x1, y: y, size: size, font: f, space: sp, dir: dir})
			}
			tm = matrix{1, 0, 0, 1, tx, 0}.mul(tm)
			trm = matrix{g.fs * g.th, 0, 0, g.fs, 0, g.rise}.mul(tm).mul(g.ctm)
		}
	}

	lexContent(contentBytes(strm), func(op string, args []operand) {
		in.tick()
		n := len(args)
		if n > 64 || op == "" { // no operator takes that many operands
			return
		}
		f := func(i int) float64 {
			if i >= 0 && i < len(args) {
				return finite(args[i].number())
			}
			return 0
		}
		switch op {
		case "q":
			if len(stack) < 256 {
				stack = append(stack, g)
			}
		case "Q":
			if len(stack) > 0 {
				g = stack[len(stack)-1]
				stack = stack[:len(stack)-1]
			}
		case "cm":
			if n == 6 {
				g.ctm = matrix{f(0), f(1), f(2), f(3), f(4), f(5)}.mul(g.ctm)
			}
		case "m":
			flushSub()
			x, y := g.ctm.apply(f(0), f(1))
			cur.pts = append(cur.pts, [2]float64{x, y})
		case "l", "c", "v", "y":
			// a curve counts by its end point: a rounded box is still a box
			x, y := g.ctm.apply(f(n-2), f(n-1))
			if n >= 2 && len(cur.pts) > 0 && len(cur.pts) < 1024 {
				cur.pts = append(cur.pts, [2]float64{x, y})
				if op != "l" {
					cur.curves++
				}
			}
		case "h":
			if len(cur.pts) > 0 {
				cur.pts = append(cur.pts, cur.pts[0])
			}
		case "re":
			flushSub()
			x, y, w, h := f(0), f(1), f(2), f(3)
			var sp subpath
			for _, p := range [][2]float64{{x, y}, {x + w, y}, {x + w, y + h}, {x, y + h}, {x, y}} {
				px, py := g.ctm.apply(p[0], p[1])
				sp.pts = append(sp.pts, [2]float64{px, py})
			}
			path = append(path, sp)
		case "S", "s":
			paint(false, true)
		case "f", "F", "f*":
			paint(true, false)
		case "B", "B*", "b", "b*":
			paint(true, true)
		case "n":
			flushSub()
			path = path[:0]
		case "BT":
			tm, tlm = identity, identity
		case "Tc":
			g.tc = f(0)
		case "Tw":
			g.tw = f(0)
		case "Tz":
			g.th = f(0) / 100
		case "TL":
			g.tl = f(0)
		case "Ts":
			g.rise = f(0)
		case "Tf":
			if n == 2 {
				name := args[0].s
				fi, ok := fontByName[name]
				if !ok {
					fv := res.Key("Font").Key(name)
					if fv.Kind() == lpdf.Dict {
						fi = in.fonts.get(fv)
					}
					fontByName[name] = fi
				}
				g.font = fi
				g.fs = f(1)
			}
		case "Td", "TD":
			if op == "TD" {
				g.tl = -f(1)
			}
			tlm = matrix{1, 0, 0, 1, f(0), f(1)}.mul(tlm)
			tm = tlm
		case "Tm":
			if n == 6 {
				tlm = matrix{f(0), f(1), f(2), f(3), f(4), f(5)}
				tm = tlm
			}
		case "T*":
			tlm = matrix{1, 0, 0, 1, 0, -g.tl}.mul(tlm)
			tm = tlm
		case "Tj":
			if n >= 1 {
				show(args[n-1].s)
			}
		case "'", "\"":
			if op == "\"" && n == 3 {
				g.tw, g.tc = f(0), f(1)
			}
			tlm = matrix{1, 0, 0, 1, 0, -g.tl}.mul(tlm)
			tm = tlm
			if n >= 1 {
				show(args[n-1].s)
			}
		case "TJ":
			if n >= 1 {
				for _, x := range args[n-1].arr {
					if x.kind == kStr {
						show(x.s)
					} else {
						tx := -finite(x.number()) / 1000 * g.fs * g.th
						tm = matrix{1, 0, 0, 1, tx, 0}.mul(tm)
					}
					in.tick()
				}
			}
		case "Do":
			if n != 1 {
				return
			}
			if args[0].kind != kName {
				return
			}
			xo := res.Key("XObject").Key(args[0].s)
			switch xo.Key("Subtype").Name() {
			case "Image":
				x0, y0 := g.ctm.apply(0, 0)
				x1, y1 := g.ctm.apply(1, 1)
				in.out.imageArea += math.Abs((x1 - x0) * (y1 - y0))
			case "Form":
				if depth >= maxFormDepth {
					return
				}
				m := identity
				if mv := xo.Key("Matrix"); mv.Len() == 6 {
					m = matrix{num(mv.Index(0)), num(mv.Index(1)), num(mv.Index(2)), num(mv.Index(3)), num(mv.Index(4)), num(mv.Index(5))}
				}
				r := xo.Key("Resources")
				if r.Kind() != lpdf.Dict {
					r = res
				}
				in.run(xo, r, m.mul(g.ctm), depth+1)
			}
		}
	})
}

// addPath records a painted subpath if it is a rectangle or an
// axis-aligned line; curves and slanted lines are not layout.
func (in *interp) addPath(p subpath, fill bool) {
	sp := p.pts
	if len(sp) < 2 || len(in.out.rects) > maxRectsPerPage {
		return
	}
	const eps = 0.5
	x0, y0, x1, y1 := sp[0][0], sp[0][1], sp[0][0], sp[0][1]
	for _, q := range sp {
		x0, y0 = min(x0, q[0]), min(y0, q[1])
		x1, y1 = max(x1, q[0]), max(y1, q[1])
	}
	if p.curves > 0 {
		// a rounded rectangle: a closed path of lines and corner curves
		if p.curves <= 128 && (fill || closed(sp)) && x1-x0 > 2 && y1-y0 > 2 {
			in.out.rects = append(in.out.rects, rect{x0, y0, x1, y1, fill})
		}
		return
	}
	aligned := true
	for i := 1; i < len(sp); i++ {
		p, q := sp[i-1], sp[i]
		if math.Abs(p[0]-q[0]) > eps && math.Abs(p[1]-q[1]) > eps {
			aligned = false
		}
	}
	if !aligned {
		return
	}
	if len(sp) == 2 || !fill && !closed(sp) {
		// open polyline: each segment is a rule
		for i := 1; i < len(sp); i++ {
			p, q := sp[i-1], sp[i]
			in.out.rects = append(in.out.rects, rect{min(p[0], q[0]), min(p[1], q[1]), max(p[0], q[0]), max(p[1], q[1]), false})
		}
		return
	}
	in.out.rects = append(in.out.rects, rect{x0, y0, x1, y1, fill})
}

func closed(sp [][2]float64) bool {
	a, b := sp[0], sp[len(sp)-1]
	return math.Abs(a[0]-b[0]) < 0.5 && math.Abs(a[1]-b[1]) < 0.5
}

// ligatures are the typographic ligatures fonts map one glyph to (ﬁ for
// f and i), spelt out so that words read as they are written.
var ligatures = strings.NewReplacer("ﬀ", "ff", "ﬁ", "fi", "ﬂ", "fl", "ﬃ", "ffi", "ﬄ", "ffl", "ﬅ", "st", "ﬆ", "st")

// unligature spells out a glyph's ligature (U+FB00–FB06), if it is one.
func unligature(s string) string {
	if len(s) >= 3 && s[0] == 0xEF && s[1] == 0xAC {
		return ligatures.Replace(s)
	}
	return s
}
