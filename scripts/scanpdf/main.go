// Command scanpdf makes a "scanned" PDF of a PDF: each page rasterised in
// gray by pdftoppm (Debian's poppler-utils), turned by a small angle,
// speckled with noise, stored as a JPEG and written one image a page (as a
// scanner writes it), without a text layer:
//
//	go run ./scripts/scanpdf -dpi 200 -o testdata/novus-2020-scan.pdf testdata/novus-2020-brochure.pdf
//
// The angles and the noise come from -seed, so the same command makes the
// same file.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"image"
	"image/jpeg"
	"math"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"sort"

	"github.com/go-pdf/fpdf"
	"github.com/letopis/letopis/extract/ocr"
)

func main() {
	dpi := flag.Int("dpi", 200, "resolution of the scan")
	out := flag.String("o", "scan.pdf", "output file")
	maxAngle := flag.Float64("angle", 1.2, "largest turn of a page, in degrees")
	noise := flag.Float64("noise", 12, "standard deviation of the gray noise")
	quality := flag.Int("quality", 40, "JPEG quality")
	seed := flag.Uint64("seed", 2020, "seed of the angles and the noise")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: scanpdf [-dpi 200] [-o scan.pdf] FILE.pdf")
		os.Exit(2)
	}
	if err := run(flag.Arg(0), *out, *dpi, *maxAngle, *noise, *quality, *seed); err != nil {
		fmt.Fprintln(os.Stderr, "scanpdf:", err)
		os.Exit(1)
	}
}

func run(in, out string, dpi int, maxAngle, noise float64, quality int, seed uint64) error {
	tmp, err := os.MkdirTemp("", "scanpdf-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	cmd := exec.Command("pdftoppm", "-r", fmt.Sprint(dpi), "-gray", in, filepath.Join(tmp, "p"))
	cmd.Stderr = os.Stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("pdftoppm (Debian: apt-get install poppler-utils): %v", err)
	}
	files, _ := filepath.Glob(filepath.Join(tmp, "p-*.pgm"))
	sort.Strings(files)
	if len(files) == 0 {
		return fmt.Errorf("pdftoppm wrote no pages")
	}
	rng := rand.New(rand.NewPCG(seed, seed^0x5ca9))
	pdf := fpdf.New("P", "pt", "A4", "")
	pdf.SetCompression(false)
	for i, f := range files {
		g, err := readPGM(f)
		if err != nil {
			return err
		}
		angle := (rng.Float64()*2 - 1) * maxAngle
		g = ocr.Rotate(g, angle)
		speckle(g, rng, noise)
		var jb bytes.Buffer
		if err := jpeg.Encode(&jb, g, &jpeg.Options{Quality: quality}); err != nil {
			return err
		}
		w := float64(g.Bounds().Dx()) / float64(dpi) * 72
		h := float64(g.Bounds().Dy()) / float64(dpi) * 72
		pdf.AddPageFormat("P", fpdf.SizeType{Wd: w, Ht: h})
		name := fmt.Sprintf("page%d", i+1)
		pdf.RegisterImageOptionsReader(name, fpdf.ImageOptions{ImageType: "JPG"}, &jb)
		pdf.ImageOptions(name, 0, 0, w, h, false, fpdf.ImageOptions{ImageType: "JPG"}, 0, "")
		fmt.Fprintf(os.Stderr, "page %d: %dx%d px, turned %.2f°\n", i+1, g.Bounds().Dx(), g.Bounds().Dy(), angle)
	}
	return pdf.OutputFileAndClose(out)
}

// speckle adds gray noise of standard deviation sd and a few dark and
// light specks, as a scanner's sensor and dust do.
func speckle(g *image.Gray, rng *rand.Rand, sd float64) {
	for i, p := range g.Pix {
		v := float64(p) + rng.NormFloat64()*sd
		switch r := rng.Float64(); {
		case r < 0.0004:
			v = 0
		case r < 0.0008:
			v = 255
		}
		g.Pix[i] = uint8(math.Max(0, math.Min(255, v)))
	}
}

func readPGM(path string) (*image.Gray, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var w, h, maxv int
	n, err := fmt.Sscan(string(data[:min(len(data), 64)]), new(string), &w, &h, &maxv)
	if err != nil || n != 4 || maxv != 255 || !bytes.HasPrefix(data, []byte("P5")) {
		return nil, fmt.Errorf("%s: not an 8-bit PGM", path)
	}
	off := len(data) - w*h
	if off < 0 {
		return nil, fmt.Errorf("%s: short PGM", path)
	}
	g := image.NewGray(image.Rect(0, 0, w, h))
	copy(g.Pix, data[off:])
	return g, nil
}
