// Package ocr reads the words of a page image with Tesseract OCR: it
// deskews the image, runs the `tesseract` command (Debian's tesseract-ocr
// with the Slovene model, tesseract-ocr-slv) and returns each word with its
// box and confidence, for the PDF layout analysis to read as it reads the
// words of a text layer. PageImages takes the page images out of a PDF at
// their own resolution, without rendering.
package ocr

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"image"
	"math"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"time"
)

// Lang is the Tesseract model letopis reads with.
const Lang = "slv"

// PageTimeout bounds the OCR of one page.
const PageTimeout = 2 * time.Minute

// MaxPixels is the largest image OCR reads (about an A3 page at 400 dpi);
// a larger one is scaled down first.
const MaxPixels = 40_000_000

// ErrNoTesseract is the cause when a scanned page is met on a machine
// without Tesseract or its Slovene model.
var ErrNoTesseract = errors.New("reading scanned pages needs Tesseract OCR with its Slovene model (Debian: apt-get install tesseract-ocr tesseract-ocr-slv)")

// Word is one word read from the image. Boxes are in pixels of the
// deskewed image, origin top left.
type Word struct {
	Text           string
	X0, Y0, X1, Y1 int
	Conf           float64 // 0..1
	Line           int     // the word's line, numbered on the page from 0
	LineY0, LineY1 int     // the box of its line
}

// Page is what OCR read on one image.
type Page struct {
	Words         []Word
	Width, Height int     // of the image read (after deskewing)
	Angle         float64 // the skew corrected, in degrees (counter-clockwise positive)
}

// Check reports whether the tesseract command and the model lang are
// installed: nil, or an error wrapping ErrNoTesseract.
func Check(ctx context.Context, lang string) error {
	bin, err := exec.LookPath("tesseract")
	if err != nil {
		return ErrNoTesseract
	}
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	out, err := exec.CommandContext(ctx, bin, "--list-langs").CombinedOutput()
	if err != nil {
		return fmt.Errorf("%w: tesseract --list-langs failed: %v", ErrNoTesseract, err)
	}
	for _, l := range strings.Fields(string(out)) {
		if l == lang {
			return nil
		}
	}
	return fmt.Errorf("%w: the model %q is missing", ErrNoTesseract, lang)
}

// Read deskews img and reads its words with Tesseract's model lang; dpi
// is the image's resolution (0: Tesseract guesses).
func Read(ctx context.Context, img image.Image, dpi float64, lang string) (*Page, error) {
	g := Gray(img)
	if b := g.Bounds(); b.Dx()*b.Dy() > MaxPixels {
		f := math.Sqrt(float64(MaxPixels) / float64(b.Dx()*b.Dy()))
		g = scale(g, f)
		dpi *= f
	}
	g, angle := Deskew(g)
	words, err := tesseract(ctx, g, dpi, lang)
	if err != nil {
		return nil, err
	}
	return &Page{Words: words, Width: g.Bounds().Dx(), Height: g.Bounds().Dy(), Angle: angle}, nil
}

// tesseract runs the command on the image (as PGM on its standard input)
// and parses its TSV output.
func tesseract(ctx context.Context, g *image.Gray, dpi float64, lang string) ([]Word, error) {
	bin, err := exec.LookPath("tesseract")
	if err != nil {
		return nil, ErrNoTesseract
	}
	ctx, cancel := context.WithTimeout(ctx, PageTimeout)
	defer cancel()
	args := []string{"stdin", "stdout", "-l", lang, "--psm", "3"}
	if dpi >= 50 && dpi <= 1200 {
		args = append(args, "--dpi", strconv.Itoa(int(math.Round(dpi))))
	}
	args = append(args, "tsv")
	cmd := exec.CommandContext(ctx, bin, args...)
	// one thread a page: pages are read in parallel instead
	cmd.Env = append(os.Environ(), "OMP_THREAD_LIMIT=1")
	cmd.Stdin = bytes.NewReader(pgm(g))
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		if ctx.Err() != nil {
			return nil, fmt.Errorf("OCR took longer than %s", PageTimeout)
		}
		msg := strings.TrimSpace(stderr.String())
		if i := strings.LastIndexByte(msg, '\n'); i >= 0 {
			msg = msg[i+1:]
		}
		return nil, fmt.Errorf("tesseract failed: %v: %s", err, msg)
	}
	return ParseTSV(stdout.Bytes())
}

// pgm encodes g as a binary PGM (P5) image.
func pgm(g *image.Gray) []byte {
	b := g.Bounds()
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "P5\n%d %d\n255\n", b.Dx(), b.Dy())
	for y := b.Min.Y; y < b.Max.Y; y++ {
		i := g.PixOffset(b.Min.X, y)
		buf.Write(g.Pix[i : i+b.Dx()])
	}
	return buf.Bytes()
}

// ParseTSV reads Tesseract's TSV output: the words (level 5) with their
// boxes and confidences, and the boxes of their lines (level 4).
func ParseTSV(tsv []byte) ([]Word, error) {
	type lineKey struct{ block, par, line int }
	type box struct{ y0, y1 int }
	lines := map[lineKey]box{}
	lineNo := map[lineKey]int{}
	var words []Word
	var keys []lineKey
	sc := bufio.NewScanner(bytes.NewReader(tsv))
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	header := true
	for sc.Scan() {
		if header {
			header = false
			if !strings.HasPrefix(sc.Text(), "level") {
				return nil, errors.New("tesseract output is not TSV")
			}
			continue
		}
		f := strings.Split(sc.Text(), "\t")
		if len(f) < 11 {
			continue
		}
		n := make([]int, 10)
		ok := true
		for i := 0; i < 10; i++ {
			v, err := strconv.ParseFloat(f[i], 64)
			if err != nil {
				ok = false
				break
			}
			n[i] = int(v)
		}
		if !ok {
			continue
		}
		k := lineKey{n[2], n[3], n[4]}
		switch n[0] {
		case 4:
			lines[k] = box{n[7], n[7] + n[9]}
			lineNo[k] = len(lineNo)
		case 5:
			text := strings.TrimSpace(strings.Join(f[11:], "\t"))
			conf, _ := strconv.ParseFloat(f[10], 64)
			if text == "" || conf < 0 {
				continue
			}
			words = append(words, Word{Text: text, X0: n[6], Y0: n[7], X1: n[6] + n[8], Y1: n[7] + n[9], Conf: conf / 100})
			keys = append(keys, k)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("reading tesseract output: %v", err)
	}
	for i := range words {
		k := keys[i]
		words[i].Line = lineNo[k]
		if b, ok := lines[k]; ok {
			words[i].LineY0, words[i].LineY1 = b.y0, b.y1
		} else {
			words[i].LineY0, words[i].LineY1 = words[i].Y0, words[i].Y1
		}
	}
	return words, nil
}
