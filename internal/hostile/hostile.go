// Package hostile writes the corpus of hostile files of testdata/hostile:
// files made to hang, crash or exhaust a reader (looping cross-reference
// chains, object streams inside themselves, page-tree cycles, decompression
// and shared-strings bombs) and damaged files that are still reports (bytes
// after %%EOF, a broken cross-reference table, a bad checksum, one
// unreadable page). scripts/hostile writes them; the tests of extract read
// every file within a deadline and the PDF fuzz targets seed from them.
package hostile

import (
	"bytes"
	"fmt"
	"strings"
)

// File is one file of the corpus.
type File struct {
	Name string // file name in testdata/hostile
	What string // what is wrong with it, one line
	Data []byte
}

// Files returns the corpus, the same bytes on every call.
func Files() []File {
	flipLast4 := func(z []byte) []byte { // the Adler-32 checksum
		z = bytes.Clone(z)
		for i := len(z) - 4; i < len(z); i++ {
			z[i] ^= 0xff
		}
		return z
	}
	half := func(z []byte) []byte { return z[:len(z)/2] }
	deep := "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 7 0 R /Resources << /Font << /F1 5 0 R >> >> /Deep " +
		strings.Repeat("[", 20000) + strings.Repeat("]", 20000) + " >>"
	zeros := makeBomb(nil, make([]byte, 1<<20), 100, nil).zlib()
	return []File{
		{"good.pdf", "a valid one-page report (the control)", goodPDF()},
		{"prev-self.pdf", "the trailer's /Prev names its own cross-reference section", prevSelf()},
		{"prev-cycle.pdf", "two cross-reference sections whose /Prev name each other", prevCycle()},
		{"xrefstream-prev-self.pdf", "a cross-reference stream whose /Prev is itself", xrefStreamPrevSelf()},
		{"objstm-inside-itself.pdf", "the cross-reference stream puts an object stream inside itself", withObjStm("", true, nil)},
		{"scan-objstm-inside-itself.pdf", "a scanned page in an object stream put inside itself (pdfcpu, which reads the page images for OCR, fails on it)", scanObjStmInsideItself()},
		{"objstm-extends-self.pdf", "the page is listed in an object stream that lacks it and /Extends itself", objStmExtendsSelf()},
		{"objstm-length-inside.pdf", "an object stream's /Length is an object inside that stream", objStmLengthInside()},
		{"objstm-hex-at-end.pdf", "an object stream ends inside a hex string", hexAtEndOfObjStm()},
		{"page-tree-cycle.pdf", "the page tree's kids name the tree itself", pageTreeCycle()},
		{"ref-cycle.pdf", "page 1's contents are a reference to a reference to themselves", refCycle()},
		{"deep-nesting.pdf", "page 2's dictionary nests 20,000 arrays", threePages(deep, "", text("Stran dve"))},
		{"trailing-nuls.pdf", "8 KiB of NUL bytes after %%EOF", trailing(make([]byte, 8<<10))},
		{"trailing-comment.pdf", "a mail gateway's comment and spaces after %%EOF", trailing([]byte("\r\n% scanned by a mail gateway\r\n   \n"))},
		{"xref-shifted.pdf", "every offset of the cross-reference table is 3 bytes off", xrefShifted()},
		{"no-xref.pdf", "objects only: no cross-reference table, trailer, startxref or %%EOF", noXref()},
		{"xref-huge.pdf", "a cross-reference subsection and /Size of 4 billion objects", xrefHuge()},
		{"bad-checksum.pdf", "the content stream's zlib checksum is wrong", flateContent(flipLast4)},
		{"truncated-flate.pdf", "the content stream's compressed data is cut in half", flateContent(half)},
		{"length-too-long.pdf", "the content stream's /Length runs past the end of the file", badLength(1 << 20)},
		{"length-too-short.pdf", "the content stream's /Length is 5", badLength(5)},
		{"bad-page.pdf", "page 2 of 3 has a content stream in an unknown filter", threePages("", "/Filter /NoSuchFilter", text("Stran dve"))},
		{"flate-bomb.pdf", "page 2's content stream inflates to 100 MiB of zeros", threePages("", "/Filter /FlateDecode", zeros)},
		{"good.xlsx", "a valid workbook (the control)", goodWorkbook()},
		{"sst-bomb.xlsx", "a shared-strings table that inflates to 300 MB", sstBomb(300)},
		{"sst-text.xlsx", "a shared-strings table of 3 MB of text in a file of a few KB", sstText(3)},
		{"cell-far.xlsx", "one cell at XFD1048576 beside the table", cellFar()},
		{"styles-bomb.xlsx", "a styles part that inflates to 200 MB", stylesBomb(200)},
	}
}

// README returns the corpus's README.md: the list of files and what each is.
func README() []byte {
	var b bytes.Buffer
	b.WriteString("# testdata/hostile\n\n")
	b.WriteString("Hostile and damaged files, written by `go run ./scripts/hostile` (package\n")
	b.WriteString("`internal/hostile`); do not edit them by hand. The tests of `extract` read each\n")
	b.WriteString("within a deadline and check its one-line error or the text read; the PDF fuzz\n")
	b.WriteString("targets seed from them. A FIFO is made by the test itself.\n\n")
	b.WriteString("| file | what is wrong |\n|---|---|\n")
	for _, f := range Files() {
		fmt.Fprintf(&b, "| `%s` | %s |\n", f.Name, f.What)
	}
	return b.Bytes()
}
