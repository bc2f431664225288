package transform

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/letopis/letopis"
	"github.com/letopis/letopis/extract/ocr"
)

// needOCR skips a test when Tesseract or its Slovene model is missing,
// but fails it under CI (CI set), where scripts/test.sh installs them.
func needOCR(t *testing.T) {
	t.Helper()
	if err := ocr.Check(context.Background(), ocr.Lang); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("%v (scripts/test.sh installs it)", err)
		}
		t.Skipf("%v; run scripts/test.sh", err)
	}
}

// TestScan reads testdata/novus-2020-scan.pdf, the 2020 brochure as a scan
// (rasterised at 200 dpi, each page turned by up to 1.2° and speckled, one
// JPEG a page, no text layer; made by scripts/scanpdf) through OCR and
// scores it against the 2020 gold list: recall and precision at least
// 0.90. Every fact says it was read by OCR, with a confidence lowered by
// the OCR's.
func TestScan(t *testing.T) {
	needOCR(t)
	gold := readGold(t, filepath.Join("..", "testdata", "novus-2020.gold.csv"))
	rep := readReport(t, filepath.Join("..", "testdata", "novus-2020-scan.pdf"))
	t.Logf("organisation %q, year %d, %d activities", rep.Organisation, rep.Year, len(rep.Activities))
	s := score(gold, rep.Facts, func(g goldRow, f letopis.Fact) bool {
		return strings.Contains(strings.ToLower(f.Activity), goldActivity[g.project])
	})
	s.log(t, "novus-2020-scan")
	if s.recall < 0.90 || s.precision < 0.90 {
		t.Errorf("recall %.3f, precision %.3f: under 0.90", s.recall, s.precision)
	}
	if rep.Year != 2020 {
		t.Errorf("year %d, want 2020", rep.Year)
	}
	for _, f := range rep.Facts {
		if !f.OCR || f.Confidence >= 1 || f.Confidence <= 0 {
			t.Errorf("fact %g %q: OCR %v, confidence %.2f", f.Value, f.Indicator, f.OCR, f.Confidence)
			break
		}
	}
}
