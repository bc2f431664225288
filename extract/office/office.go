// Package office reads word-processor documents into letopis Documents:
// Office Open XML (.docx), OpenDocument text (.odt, and the flat .fodt,
// the same XML unzipped), and the legacy .doc and .rtf through
// LibreOffice, which converts them to .docx.
//
// A document becomes pages of blocks as a PDF does, so that transform
// reads them all alike: paragraphs, headings (their level from the
// paragraph's outline level or its style's, `Heading 2` → 2), list items
// (their bullet or number, counted as the word processor counts it, in
// Label), tables (cells spanning columns or rows spread into every place
// they cover and marked Merged; header rows as the document marks them, or
// else leading rows in bold), footnotes and text boxes (as paragraphs after
// the paragraph that holds them), and headers and footers (furniture).
// Line sizes and weights come from the styles, for transform's reading of
// headings. Pages are what the document's explicit page breaks, section
// breaks and saved soft page breaks delimit; a word processor's own
// pagination is not in the file.
//
// The XML is read element by element (archive/zip and encoding/xml; no
// Go library reads these formats with their numbering, merges and notes),
// with limits against zip bombs and generated files: at most MaxUnzipSize
// bytes inflated in all, as for .xlsx, MaxPartSize per part, maxElements
// elements and maxCells table cells.
//
// Importing the package registers the formats "docx", "odt", "doc" and
// "rtf" with package extract.
package office

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/letopis/letopis"
	"github.com/letopis/letopis/extract"
)

// Limits bound the work done on any input.
const (
	// MaxUnzipSize is the most bytes a .docx or .odt may inflate to in
	// all (as for .xlsx); a zip bomb is refused before it is inflated.
	MaxUnzipSize = 1 << 30
	// MaxPartSize is the most bytes one part (document.xml, content.xml)
	// may inflate to.
	MaxPartSize = 256 << 20
	maxCells    = 2_000_000
	maxSpan     = 1000 // a cell spans at most this many columns or rows
)

var (
	errTooManyCells = fmt.Errorf("more than %d table cells", maxCells)
	zipMagic        = []byte("PK\x03\x04")
	oleMagic        = []byte("\xd0\xcf\x11\xe0")
)

func init() {
	extract.Register(extract.Format{
		Name:       "docx",
		Extensions: []string{".docx", ".docm", ".dotx"},
		Sniff:      func(h []byte) bool { return bytes.HasPrefix(h, zipMagic) || bytes.HasPrefix(h, oleMagic) },
		Extractor:  DOCX{},
	})
	extract.Register(extract.Format{
		Name:       "odt",
		Extensions: []string{".odt", ".fodt", ".ott"},
		Sniff: func(h []byte) bool {
			return bytes.HasPrefix(h, zipMagic) || bytes.HasPrefix(bytes.TrimLeft(h, " \t\r\n\xef\xbb\xbf"), []byte("<"))
		},
		Extractor: ODT{},
	})
	extract.Register(extract.Format{
		Name:       "doc",
		Extensions: []string{".doc"},
		Sniff:      func(h []byte) bool { return bytes.HasPrefix(h, oleMagic) || bytes.HasPrefix(h, []byte(`{\rtf`)) },
		Extractor:  Converted{Ext: ".doc"},
	})
	extract.Register(extract.Format{
		Name:       "rtf",
		Extensions: []string{".rtf"},
		Sniff:      func(h []byte) bool { return bytes.HasPrefix(h, []byte(`{\rtf`)) },
		Extractor:  Converted{Ext: ".rtf"},
	})
}

// zipParts opens a zip container and returns its files by lower-case name,
// refusing one whose parts would inflate past MaxUnzipSize.
func zipParts(data []byte, what string) (map[string]*zip.File, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("damaged or truncated %s (not a readable zip archive): %v", what, err)
	}
	var total uint64
	parts := map[string]*zip.File{}
	for _, zf := range zr.File {
		total += zf.UncompressedSize64
		if total > MaxUnzipSize {
			return nil, fmt.Errorf("refused: the %s would inflate past %d MiB (zip bomb?)", what, MaxUnzipSize>>20)
		}
		parts[strings.ToLower(strings.TrimPrefix(strings.ReplaceAll(zf.Name, `\`, "/"), "/"))] = zf
	}
	return parts, nil
}

// openPart opens a part of the container, its reading limited to
// MaxPartSize bytes.
func openPart(zf *zip.File) (io.ReadCloser, error) {
	if zf.UncompressedSize64 > MaxPartSize {
		return nil, fmt.Errorf("part %s would inflate to %d MiB, more than %d MiB", zf.Name, zf.UncompressedSize64>>20, MaxPartSize>>20)
	}
	rc, err := zf.Open()
	if err != nil {
		return nil, fmt.Errorf("part %s: %v", zf.Name, err)
	}
	return struct {
		io.Reader
		io.Closer
	}{&partReader{r: io.LimitReader(rc, MaxPartSize+1), name: zf.Name}, rc}, nil
}

// partReader words the errors of a zip part for a user.
type partReader struct {
	r    io.Reader
	name string
	n    int64
}

func (p *partReader) Read(b []byte) (int, error) {
	n, err := p.r.Read(b)
	p.n += int64(n)
	if p.n > MaxPartSize {
		return n, fmt.Errorf("part %s inflates past %d MiB", p.name, MaxPartSize>>20)
	}
	if err != nil && err != io.EOF {
		err = fmt.Errorf("damaged part %s: %v", p.name, err)
	}
	return n, err
}

// Converted reads a legacy .doc or .rtf file by converting it to .docx
// with LibreOffice (`soffice --headless --convert-to docx`).
type Converted struct {
	Ext string // ".doc", ".rtf"
}

// ConvertTimeout bounds one LibreOffice conversion.
const ConvertTimeout = 2 * time.Minute

// ErrNoLibreOffice is the cause when a .doc or .rtf file is read on a
// machine without LibreOffice.
var ErrNoLibreOffice = errors.New("reading .doc and .rtf files needs LibreOffice, which is not installed (Debian: apt-get install libreoffice-writer-nogui)")

// Extract implements extract.Extractor.
func (c Converted) Extract(ctx context.Context, path string, data []byte, opts extract.Options) (*letopis.Document, error) {
	if c.Ext == ".rtf" && !bytes.HasPrefix(data, []byte(`{\rtf`)) {
		return nil, errors.New("not an RTF file: no {\\rtf signature")
	}
	docx, err := convert(ctx, data, c.Ext)
	if err != nil {
		return nil, err
	}
	doc, err := DOCX{}.Extract(ctx, path, docx, opts)
	if err != nil {
		return nil, fmt.Errorf("after conversion to .docx: %w", err)
	}
	doc.Format = strings.TrimPrefix(c.Ext, ".")
	return doc, nil
}

// convert runs LibreOffice on data (a file with extension ext) and returns
// the bytes of the .docx it writes.
func convert(ctx context.Context, data []byte, ext string) ([]byte, error) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		if soffice, err = exec.LookPath("libreoffice"); err != nil {
			return nil, ErrNoLibreOffice
		}
	}
	dir, err := os.MkdirTemp("", "letopis-convert-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	in := filepath.Join(dir, "in"+ext)
	if err := os.WriteFile(in, data, 0o600); err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(ctx, ConvertTimeout)
	defer cancel()
	// a profile of its own: LibreOffice refuses to run twice on one profile
	cmd := exec.CommandContext(ctx, soffice, "-env:UserInstallation=file://"+filepath.ToSlash(filepath.Join(dir, "profile")),
		"--headless", "--norestore", "--convert-to", "docx", "--outdir", filepath.Join(dir, "out"), in)
	cmd.Env = append(os.Environ(), "HOME="+dir)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		if ctx.Err() != nil {
			return nil, fmt.Errorf("LibreOffice did not convert the file within %s", ConvertTimeout)
		}
		return nil, fmt.Errorf("LibreOffice could not convert the file: %v: %s", err, lastLine(out.String()))
	}
	docx, err := os.ReadFile(filepath.Join(dir, "out", "in.docx"))
	if err != nil {
		return nil, fmt.Errorf("LibreOffice could not convert the file (damaged or not a %s file?): %s", ext, lastLine(out.String()))
	}
	return docx, nil
}

func lastLine(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return strings.TrimSpace(lines[len(lines)-1])
}

// boolVal reads an OOXML/ODF on-off value: absent or "true", "1", "on"
// is true.
func boolVal(s string) bool {
	switch strings.ToLower(s) {
	case "0", "false", "off", "none":
		return false
	}
	return true
}
