package transform

import (
	"math"

	"github.com/letopis/letopis"
)

// markOCR marks the facts read from pages that OCR read from their images
// (letopis.Page.OCR): Fact.OCR is set, and the confidence is multiplied by
// the OCR confidence of the block the fact was read from (the mean of its
// words' confidences), so that a fact read from a smudged line ranks below
// one read from a clean line or a text layer.
func markOCR(doc *letopis.Document, rep *letopis.Report) {
	pages := map[int]*letopis.Page{}
	for i := range doc.Pages {
		if doc.Pages[i].OCR {
			pages[doc.Pages[i].Number] = &doc.Pages[i]
		}
	}
	if len(pages) == 0 {
		return
	}
	for i := range rep.Facts {
		f := &rep.Facts[i]
		p := pages[f.Location.Page]
		if p == nil {
			continue
		}
		f.OCR = true
		f.Confidence = math.Max(0.05, math.Round(f.Confidence*ocrConfidence(p, f.Location.BBox)*100)/100)
	}
}

// ocrConfidence is the OCR confidence of the block of page p holding the
// centre of box, else the mean of the page's blocks.
func ocrConfidence(p *letopis.Page, box letopis.BBox) float64 {
	cx, cy := (box.X0+box.X1)/2, (box.Y0+box.Y1)/2
	sum, n := 0.0, 0
	for i := range p.Blocks {
		b := &p.Blocks[i]
		if b.OCRConfidence == 0 {
			continue
		}
		if box != (letopis.BBox{}) && cx >= b.BBox.X0 && cx <= b.BBox.X1 && cy >= b.BBox.Y0 && cy <= b.BBox.Y1 {
			return b.OCRConfidence
		}
		sum += b.OCRConfidence
		n++
	}
	if n == 0 {
		return 0.5
	}
	return sum / float64(n)
}
