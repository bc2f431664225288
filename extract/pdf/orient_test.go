package pdf

import (
	"math"
	"testing"
)

func TestTurnAndDirection(t *testing.T) {
	const w, h = 595.0, 842.0
	for q := 0; q < 4; q++ {
		m := turn(q, w, h)
		tw, th := frameSize(q, w, h)
		// the page's corners land on the turned page's corners
		for _, p := range [][2]float64{{0, 0}, {w, 0}, {0, h}, {w, h}} {
			x, y := m.apply(p[0], p[1])
			if math.Abs(x) > 1e-9 && math.Abs(x-tw) > 1e-9 || math.Abs(y) > 1e-9 && math.Abs(y-th) > 1e-9 {
				t.Errorf("turn(%d): corner %v goes to (%g, %g), off the %g × %g page", q, p, x, y, tw, th)
			}
		}
		// text running in direction q runs left to right in frame q
		angle := float64(q) * math.Pi / 2
		text := matrix{math.Cos(angle), math.Sin(angle), -math.Sin(angle), math.Cos(angle), 100, 200}
		if d := direction(text); int(d) != q {
			t.Errorf("direction of text turned %d° = %d, want %d", q*90, d, q)
		}
		x0, y0 := frames(w, h)[q].apply(text.apply(0, 0))
		x1, y1 := frames(w, h)[q].apply(text.apply(10, 0))
		if math.Abs(x1-x0-10) > 1e-9 || math.Abs(y1-y0) > 1e-9 {
			t.Errorf("frame %d: text goes from (%g, %g) to (%g, %g), not 10 to the right", q, x0, y0, x1, y1)
		}
		if inv := m.inverse().mul(m); math.Abs(inv[0]-1) > 1e-9 || math.Abs(inv[4]) > 1e-9 || math.Abs(inv[5]) > 1e-9 {
			t.Errorf("turn(%d): inverse × turn = %v", q, inv)
		}
	}
}
