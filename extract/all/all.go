// Package all registers every format letopis reads; import it for its
// side effect.
package all

import (
	_ "github.com/letopis/letopis/extract/office" // docx, odt (and fodt), doc and rtf through LibreOffice
	_ "github.com/letopis/letopis/extract/pdf"    // PDF
	_ "github.com/letopis/letopis/extract/sheet"  // xlsx, xls, CSV
)
