package ocr

import (
	"bytes"
	"fmt"
	"image"
	"image/draw"
	_ "image/jpeg" // page images of PDFs
	_ "image/png"
	"io"
	"math"
	"strconv"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	_ "golang.org/x/image/tiff" // pdfcpu writes CCITT and some other images as TIFF
)

// Gray converts an image to 8-bit gray.
func Gray(img image.Image) *image.Gray {
	if g, ok := img.(*image.Gray); ok {
		return g
	}
	b := img.Bounds()
	g := image.NewGray(image.Rect(0, 0, b.Dx(), b.Dy()))
	draw.Draw(g, g.Bounds(), img, b.Min, draw.Src)
	return g
}

// scale returns g scaled by f < 1 (box filter).
func scale(g *image.Gray, f float64) *image.Gray {
	b := g.Bounds()
	w, h := max(1, int(float64(b.Dx())*f)), max(1, int(float64(b.Dy())*f))
	out := image.NewGray(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		sy0, sy1 := int(float64(y)/f), max(int(float64(y)/f)+1, int(float64(y+1)/f))
		for x := 0; x < w; x++ {
			sx0, sx1 := int(float64(x)/f), max(int(float64(x)/f)+1, int(float64(x+1)/f))
			sum, n := 0, 0
			for yy := sy0; yy < min(sy1, b.Dy()); yy++ {
				row := g.Pix[g.PixOffset(b.Min.X, b.Min.Y+yy):]
				for xx := sx0; xx < min(sx1, b.Dx()); xx++ {
					sum += int(row[xx])
					n++
				}
			}
			if n > 0 {
				out.Pix[y*out.Stride+x] = uint8(sum / n)
			}
		}
	}
	return out
}

// Skew search: angles within ±maxSkew degrees, first in coarse steps on a
// reduced image, then finely around the best.
const (
	maxSkew    = 5.0
	coarseStep = 0.1
	fineStep   = 0.02
)

// Deskew finds the angle by which the text lines of g are turned (the one
// that makes the horizontal projection of its dark pixels the most
// peaked) and returns g turned back, with the angle found in degrees
// (counter-clockwise positive). An image turned by less than 0.05° is
// returned as it is.
func Deskew(g *image.Gray) (*image.Gray, float64) {
	angle := SkewAngle(g)
	if math.Abs(angle) < 0.05 {
		return g, 0
	}
	return Rotate(g, -angle), angle
}

// SkewAngle returns the angle in degrees by which the text lines of g are
// turned counter-clockwise.
func SkewAngle(g *image.Gray) float64 {
	b := g.Bounds()
	f := 1
	for b.Dx()/f > 1000 {
		f++
	}
	small := g
	if f > 1 {
		small = scale(g, 1/float64(f))
	}
	// dark pixels: under a threshold between the page's ink and paper
	th := otsu(small)
	sb := small.Bounds()
	var xs, ys []float64
	for y := 0; y < sb.Dy(); y++ {
		for x := 0; x < sb.Dx(); x++ {
			if small.Pix[y*small.Stride+x] < th {
				xs = append(xs, float64(x))
				ys = append(ys, float64(y))
			}
		}
	}
	if len(xs) < 50 {
		return 0
	}
	h := sb.Dy()
	w := sb.Dx()
	bins := make([]float64, h+w+2)
	peak := func(deg float64) float64 {
		s, c := math.Sincos(deg * math.Pi / 180)
		for i := range bins {
			bins[i] = 0
		}
		// a line turned counter-clockwise by deg rises to the right: its
		// points share y + x·tan(deg) (y grows downwards)
		off := float64(w)
		for i := range xs {
			v := ys[i]*c + xs[i]*s + off
			if v >= 0 && int(v) < len(bins) {
				bins[int(v)]++
			}
		}
		sum := 0.0
		for _, n := range bins {
			sum += n * n
		}
		return sum
	}
	best, bestV := 0.0, peak(0)
	for a := -maxSkew; a <= maxSkew+1e-9; a += coarseStep {
		if v := peak(a); v > bestV {
			best, bestV = a, v
		}
	}
	center := best
	for a := center - coarseStep; a <= center+coarseStep+1e-9; a += fineStep {
		if v := peak(a); v > bestV {
			best, bestV = a, v
		}
	}
	return math.Round(best*100) / 100
}

// otsu returns the gray level that best splits g's histogram in two.
func otsu(g *image.Gray) uint8 {
	var hist [256]float64
	for _, p := range g.Pix {
		hist[p]++
	}
	total := float64(len(g.Pix))
	sum := 0.0
	for i, n := range hist {
		sum += float64(i) * n
	}
	var sumB, wB float64
	best, th := 0.0, 128
	for i := 0; i < 256; i++ {
		wB += hist[i]
		if wB == 0 {
			continue
		}
		wF := total - wB
		if wF == 0 {
			break
		}
		sumB += float64(i) * hist[i]
		mB, mF := sumB/wB, (sum-sumB)/wF
		if v := wB * wF * (mB - mF) * (mB - mF); v > best {
			best, th = v, i
		}
	}
	return uint8(th)
}

// Rotate turns g by deg degrees counter-clockwise about its centre
// (bilinear), filling the corners with white.
func Rotate(g *image.Gray, deg float64) *image.Gray {
	b := g.Bounds()
	w, h := b.Dx(), b.Dy()
	out := image.NewGray(image.Rect(0, 0, w, h))
	s, c := math.Sincos(deg * math.Pi / 180)
	cx, cy := float64(w-1)/2, float64(h-1)/2
	at := func(x, y int) float64 {
		if x < 0 || y < 0 || x >= w || y >= h {
			return 255
		}
		return float64(g.Pix[g.PixOffset(b.Min.X+x, b.Min.Y+y)])
	}
	for y := 0; y < h; y++ {
		dy := float64(y) - cy
		for x := 0; x < w; x++ {
			dx := float64(x) - cx
			// the source of (x, y): turned back by deg (y grows downwards,
			// so counter-clockwise on the screen is clockwise in these axes)
			sx := cx + dx*c - dy*s
			sy := cy + dx*s + dy*c
			x0, y0 := int(math.Floor(sx)), int(math.Floor(sy))
			fx, fy := sx-float64(x0), sy-float64(y0)
			v := at(x0, y0)*(1-fx)*(1-fy) + at(x0+1, y0)*fx*(1-fy) + at(x0, y0+1)*(1-fx)*fy + at(x0+1, y0+1)*fx*fy
			out.Pix[y*out.Stride+x] = uint8(v + 0.5)
		}
	}
	return out
}

// PageImages returns the largest image of each of the given pages
// (1-based) of the PDF in data, decoded at its own resolution. A page
// without a readable image is missing from the map.
func PageImages(data []byte, pages []int) (imgs map[int]image.Image, err error) {
	defer func() {
		if r := recover(); r != nil {
			imgs, err = nil, fmt.Errorf("cannot read the page images: %v", r)
		}
	}()
	if len(pages) == 0 {
		return map[int]image.Image{}, nil
	}
	api.DisableConfigDir()
	conf := model.NewDefaultConfiguration()
	conf.ValidationMode = model.ValidationRelaxed
	sel := make([]string, len(pages))
	for i, p := range pages {
		sel[i] = strconv.Itoa(p)
	}
	imgs = map[int]image.Image{}
	size := map[int]int{}
	err = api.ExtractImages(bytes.NewReader(data), sel, func(mi model.Image, _ bool, _ int) error {
		if mi.Thumb || mi.IsImgMask || mi.Reader == nil {
			return nil
		}
		raw, err := io.ReadAll(io.LimitReader(mi, 512<<20))
		if err != nil {
			return nil
		}
		cfg, _, err := image.DecodeConfig(bytes.NewReader(raw))
		if err != nil || cfg.Width <= 0 || cfg.Height <= 0 || cfg.Width*cfg.Height > 4*MaxPixels || cfg.Width*cfg.Height <= size[mi.PageNr] {
			return nil // no image Go can decode, too large, or smaller than one already found
		}
		img, _, err := image.Decode(bytes.NewReader(raw))
		if err != nil {
			return nil
		}
		imgs[mi.PageNr] = img
		size[mi.PageNr] = cfg.Width * cfg.Height
		return nil
	}, conf)
	if err != nil {
		return nil, fmt.Errorf("cannot read the page images: %v", err)
	}
	return imgs, nil
}
