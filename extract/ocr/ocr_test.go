package ocr

import (
	"image"
	"math"
	"strings"
	"testing"
)

// lines draws dark horizontal bars (text lines) on a white page.
func lines(w, h int) *image.Gray {
	g := image.NewGray(image.Rect(0, 0, w, h))
	for i := range g.Pix {
		g.Pix[i] = 255
	}
	for y := 100; y+12 < h-100; y += 40 {
		for yy := y; yy < y+12; yy++ {
			for x := 80; x < w-80; x++ {
				if (x/25)%4 != 3 { // words and gaps
					g.Pix[yy*g.Stride+x] = 20
				}
			}
		}
	}
	return g
}

func TestSkewAngle(t *testing.T) {
	page := lines(1200, 1600)
	for _, deg := range []float64{0, 0.4, -0.8, 1.3, -2.5, 3.9} {
		got := SkewAngle(Rotate(page, deg))
		if math.Abs(got-deg) > 0.06 {
			t.Errorf("turned by %.2f°: found %.2f°", deg, got)
		}
	}
	// turned back, the page is level again
	g, angle := Deskew(Rotate(page, 1.1))
	if math.Abs(angle-1.1) > 0.06 || math.Abs(SkewAngle(g)) > 0.06 {
		t.Errorf("deskewed by %.2f°, left at %.2f°", angle, SkewAngle(g))
	}
}

func TestSkewAngleBlank(t *testing.T) {
	g := image.NewGray(image.Rect(0, 0, 300, 400))
	for i := range g.Pix {
		g.Pix[i] = 255
	}
	if a := SkewAngle(g); a != 0 {
		t.Errorf("blank page: %.2f°", a)
	}
}

func TestParseTSV(t *testing.T) {
	tsv := strings.Join([]string{
		"level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext",
		"1\t1\t0\t0\t0\t0\t0\t0\t1654\t2339\t-1\t",
		"4\t1\t1\t1\t1\t0\t100\t200\t400\t40\t-1\t",
		"5\t1\t1\t1\t1\t1\t100\t205\t120\t30\t96.5\tIzvedli",
		"5\t1\t1\t1\t1\t2\t230\t205\t40\t30\t91\t12",
		"5\t1\t1\t1\t1\t3\t280\t205\t40\t30\t-1\t ",
		"4\t1\t1\t1\t2\t0\t100\t260\t300\t38\t-1\t",
		"5\t1\t1\t1\t2\t1\t100\t262\t150\t30\t45.25\tdelavnic",
	}, "\n")
	ws, err := ParseTSV([]byte(tsv))
	if err != nil {
		t.Fatal(err)
	}
	if len(ws) != 3 {
		t.Fatalf("%d words, want 3: %+v", len(ws), ws)
	}
	want := []Word{
		{Text: "Izvedli", X0: 100, Y0: 205, X1: 220, Y1: 235, Conf: 0.965, Line: 0, LineY0: 200, LineY1: 240},
		{Text: "12", X0: 230, Y0: 205, X1: 270, Y1: 235, Conf: 0.91, Line: 0, LineY0: 200, LineY1: 240},
		{Text: "delavnic", X0: 100, Y0: 262, X1: 250, Y1: 292, Conf: 0.4525, Line: 1, LineY0: 260, LineY1: 298},
	}
	for i := range want {
		if ws[i] != want[i] {
			t.Errorf("word %d: %+v, want %+v", i, ws[i], want[i])
		}
	}
	if _, err := ParseTSV([]byte("<html>")); err == nil {
		t.Error("not TSV: no error")
	}
}
