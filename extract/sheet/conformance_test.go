package sheet

import (
	"testing"

	"github.com/letopis/letopis/extract/extracttest"
)

// TestConformance runs the extractor conformance suite on each format of
// the package.
func TestConformance(t *testing.T) {
	for _, s := range []extracttest.Suite{
		{Format: "xlsx", Samples: extracttest.Files(t, "../../testdata/kazalniki-2020.xlsx")},
		{Format: "xls", Samples: extracttest.Files(t, "../../testdata/kazalniki-2020.xls")},
		{Format: "csv", Samples: extracttest.Files(t, "../../testdata/kazalniki-2020-cp1250.csv", "../../testdata/kazalniki-2021.csv")},
	} {
		t.Run(s.Format, func(t *testing.T) { extracttest.Run(t, s) })
	}
}
