package office

import (
	"testing"

	"github.com/letopis/letopis/extract/extracttest"
)

// TestConformance runs the extractor conformance suite on the formats read
// directly (.doc and .rtf go through LibreOffice and are tested with it).
func TestConformance(t *testing.T) {
	for _, s := range []extracttest.Suite{
		{Format: "docx", Samples: extracttest.Files(t, "../../testdata/novus-2020.docx", "../../testdata/reports/sk-2022/sk-2022.docx")},
		{Format: "odt", Samples: extracttest.Files(t, "../../testdata/novus-2020.odt", "../../testdata/reports/sk-2022/sk-2022.fodt")},
	} {
		t.Run(s.Format, func(t *testing.T) { extracttest.Run(t, s) })
	}
}
