package pdf

import (
	"testing"

	"github.com/letopis/letopis/extract/extracttest"
)

// TestConformance runs the extractor conformance suite on the PDF format.
func TestConformance(t *testing.T) {
	extracttest.Run(t, extracttest.Suite{
		Format:  "pdf",
		Samples: extracttest.Files(t, "../../testdata/novus-2020-plain.pdf", "../../testdata/novus-2020-brochure.pdf"),
	})
}
