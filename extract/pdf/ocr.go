package pdf

import (
	"context"
	"errors"
	"fmt"
	"image"
	"math"
	"runtime"
	"sort"
	"strings"
	"unicode"

	"github.com/letopis/letopis"
	"github.com/letopis/letopis/extract"
	"github.com/letopis/letopis/extract/ocr"
)

// ocrTodo returns the pages to read by OCR: by mode (extract.OCRAuto,
// OCRAlways, OCRNever), among the pages without text that hold an image
// (scanned) and the pages with text that hold a page-sized image
// (pictured).
func ocrTodo(mode string, scanned, pictured []int) []int {
	switch mode {
	case extract.OCRNever:
		return nil
	case extract.OCRAlways:
		all := append(append([]int(nil), scanned...), pictured...)
		sort.Ints(all)
		return all
	}
	return scanned
}

// ocrPages reads the given pages (1-based) of the PDF in data by OCR and
// lays them out as pages of text, in parallel. A page without an image
// OCR can decode fails the file with its number.
func ocrPages(ctx context.Context, data []byte, doc *letopis.Document, pages []int, opts extract.Options) error {
	if err := ocr.Check(ctx, ocr.Lang); err != nil {
		return fmt.Errorf("%w: only images on %s of %d; %w", letopis.ErrNoText, pageList(pages), len(doc.Pages), err)
	}
	imgs, err := ocr.PageImages(data, pages)
	if err != nil {
		return err
	}
	errs := make([]error, len(pages))
	jobs := make(chan int)
	done := make(chan struct{})
	workers := min(runtime.GOMAXPROCS(0), 4, len(pages))
	for w := 0; w < workers; w++ {
		go func() {
			defer func() { done <- struct{}{} }()
			for i := range jobs {
				errs[i] = ocrPage(ctx, &doc.Pages[pages[i]-1], imgs[pages[i]], opts)
			}
		}()
	}
	for i := range pages {
		jobs <- i
	}
	close(jobs)
	for w := 0; w < workers; w++ {
		<-done
	}
	for i, err := range errs {
		if err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			return &letopis.InputError{Page: pages[i], Err: err}
		}
	}
	return nil
}

// ocrPage reads one page image by OCR into page.
func ocrPage(ctx context.Context, page *letopis.Page, img image.Image, opts extract.Options) (err error) {
	if img == nil {
		return errors.New("scanned page whose image OCR cannot decode")
	}
	defer func() {
		if r := recover(); r != nil {
			if e, ok := r.(error); ok && (errors.Is(e, context.Canceled) || errors.Is(e, context.DeadlineExceeded)) {
				err = e
				return
			}
			err = fmt.Errorf("OCR layout failed: %v", r)
		}
	}()
	b := img.Bounds()
	dpi := float64(b.Dx()) / (page.Width / 72)
	res, err := ocr.Read(ctx, img, dpi, ocr.Lang)
	if err != nil {
		return err
	}
	ws := ocrWords(res, page.Width, page.Height)
	blocks := layoutWords(ctx, ws, nil, page.Number, page.Width, page.Height, nil)
	for i := range blocks {
		blocks[i].OCRConfidence = meanConf(res, &blocks[i], page.Width, page.Height)
	}
	page.Blocks = blocks
	page.OCR = true
	if opts.NoWords {
		dropWords(page)
	}
	return nil
}

// ocrWords turns the words OCR read, in pixels of the image, into
// positioned words in points of a page of pw × ph (the image is taken to
// cover the page, as a scanner writes it). A word's size comes from the
// height of its line; lines within a sixth of the page's median line
// height get the median, so that body text is one size and headings stand
// out.
func ocrWords(res *ocr.Page, pw, ph float64) []*word {
	if len(res.Words) == 0 || res.Width == 0 || res.Height == 0 {
		return nil
	}
	sx, sy := pw/float64(res.Width), ph/float64(res.Height)
	var hs []float64
	seen := map[int]bool{}
	for _, w := range res.Words {
		if !seen[w.Line] {
			seen[w.Line] = true
			hs = append(hs, float64(w.LineY1-w.LineY0))
		}
	}
	sort.Float64s(hs)
	median := hs[len(hs)/2]
	ws := make([]*word, 0, len(res.Words))
	for _, w := range res.Words {
		h := float64(w.LineY1 - w.LineY0)
		if math.Abs(h-median) < median/6 {
			h = median
		}
		// a line's box runs from its capitals to its descenders: about
		// 0.95 of the font size
		size := math.Round(h*sy/0.95*2) / 2
		if size <= 0 {
			continue
		}
		bottom := ph - float64(w.LineY1)*sy
		base := bottom + 0.2*size
		ws = append(ws, &word{text: fixDigits(w.Text), x0: float64(w.X0) * sx, x1: float64(w.X1) * sx,
			y0: bottom, y1: base + 0.8*size, base: base, size: size, spaceBefore: true})
	}
	return ws
}

// meanConf is the mean confidence of the OCR words inside block b.
func meanConf(res *ocr.Page, b *letopis.Block, pw, ph float64) float64 {
	sx, sy := pw/float64(res.Width), ph/float64(res.Height)
	sum, n := 0.0, 0
	for _, w := range res.Words {
		cx := float64(w.X0+w.X1) / 2 * sx
		cy := ph - float64(w.Y0+w.Y1)/2*sy
		if cx >= b.BBox.X0-1 && cx <= b.BBox.X1+1 && cy >= b.BBox.Y0-2 && cy <= b.BBox.Y1+2 {
			sum += w.Conf
			n++
		}
	}
	if n == 0 {
		return 0.5
	}
	return math.Round(sum/float64(n)*1000) / 1000
}

// fixDigits settles the letters OCR reads for digits in a number: in a
// word of digits and number punctuation, O and o are 0, l, I and | are 1
// (`1O0` → `100`, `2.5l0` → `2.510`). A word with a letter that is no
// digit look-alike, or with fewer digits than look-alikes, stays as read.
func fixDigits(s string) string {
	digits, alike := 0, 0
	for _, r := range s {
		switch {
		case unicode.IsDigit(r):
			digits++
		case strings.ContainsRune("OolI|", r):
			alike++
		case strings.ContainsRune(".,%€()–-:;/+", r):
		default:
			return s
		}
	}
	if alike == 0 || digits == 0 || alike > digits {
		return s
	}
	return strings.Map(func(r rune) rune {
		switch r {
		case 'O', 'o':
			return '0'
		case 'l', 'I', '|':
			return '1'
		}
		return r
	}, s)
}
