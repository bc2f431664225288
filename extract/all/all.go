// Package all registers every format letopis reads; import it for its
// side effect.
package all

import (
	_ "github.com/letopis/letopis/extract/pdf"   // PDF
	_ "github.com/letopis/letopis/extract/sheet" // xlsx, xls, CSV
)
