// Package extract turns files into letopis.Documents. Each format lives in
// its own package (extract/pdf, extract/sheet) that registers itself here
// from an init function; importing extract/all registers every format.
//
// An extractor for a new format needs one file that implements Extractor
// and one Register call.
package extract

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/letopis/letopis"
)

// Options are the settings an extractor may use.
type Options struct {
	Password string // for encrypted PDFs and workbooks
	// NoWords leaves out the words of each line (Line.Words), which only
	// inspect shows: an import reads lines, and a long PDF is then held in
	// less than half the memory.
	NoWords bool
	// OCR says which PDF pages are read by OCR from their images (see
	// extract/ocr): OCRAuto ("" too) the pages without text that hold an
	// image, OCRAlways every page that holds a page-sized image (its text
	// layer, if any, set aside), OCRNever none.
	OCR string
}

// The values of Options.OCR (and of the --ocr flag).
const (
	OCRAuto   = "auto"
	OCRAlways = "always"
	OCRNever  = "never"
)

// ValidOCR reports whether s is a value of Options.OCR.
func ValidOCR(s string) bool {
	return s == "" || s == OCRAuto || s == OCRAlways || s == OCRNever
}

// Extractor reads one format.
//
// Extract must return either a Document or an error, never panic, and
// return within a time bounded by the size of data. Errors name what was
// wrong; the caller wraps them in a letopis.InputError with the path, so an
// extractor that knows the page, sheet or cell returns an
// *letopis.InputError itself with those fields set (Path may be empty).
type Extractor interface {
	Extract(ctx context.Context, path string, data []byte, opts Options) (*letopis.Document, error)
}

// Format describes a registered format.
type Format struct {
	Name       string                 // pdf, xlsx, xls, csv
	Extensions []string               // lower case, with the dot: ".pdf"
	Sniff      func(head []byte) bool // reports whether the first bytes look like this format; nil: extension only
	Extractor  Extractor
}

var (
	mu      sync.RWMutex
	formats = map[string]Format{}
)

// Register makes a format available. It panics if the name or an extension
// is registered twice: that is a programming error.
func Register(f Format) {
	mu.Lock()
	defer mu.Unlock()
	if _, dup := formats[f.Name]; dup {
		panic("extract: Register called twice for format " + f.Name)
	}
	for _, g := range formats {
		for _, e := range g.Extensions {
			for _, e2 := range f.Extensions {
				if e == e2 {
					panic("extract: extension " + e + " registered for " + g.Name + " and " + f.Name)
				}
			}
		}
	}
	formats[f.Name] = f
}

// Formats lists the registered formats by name.
func Formats() []Format {
	mu.RLock()
	defer mu.RUnlock()
	out := make([]Format, 0, len(formats))
	for _, f := range formats {
		out = append(out, f)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// Supported reports whether a file with this name has a registered format.
func Supported(path string) bool {
	_, ok := byExtension(path)
	return ok
}

func byExtension(path string) (Format, bool) {
	ext := strings.ToLower(filepath.Ext(path))
	mu.RLock()
	defer mu.RUnlock()
	for _, f := range formats {
		for _, e := range f.Extensions {
			if e == ext {
				return f, true
			}
		}
	}
	return Format{}, false
}

// Detect returns the format of a file by its extension, checked against its
// first bytes where the format can tell.
func Detect(path string, data []byte) (Format, error) {
	f, ok := byExtension(path)
	if !ok {
		ext := filepath.Ext(path)
		if ext == "" {
			ext = "(none)"
		}
		return Format{}, fmt.Errorf("%w: extension %s is not one letopis reads (%s)", letopis.ErrUnknownFormat, ext, extensionList())
	}
	if len(data) == 0 {
		return Format{}, fmt.Errorf("empty file")
	}
	if f.Sniff != nil && !f.Sniff(head(data)) {
		return Format{}, fmt.Errorf("not %s file: its content %s", article(strings.ToUpper(f.Name)), describe(data))
	}
	return f, nil
}

// File extracts the document from data, the bytes of the file at path. Any
// error is a *letopis.InputError naming path.
func File(ctx context.Context, path string, data []byte, opts Options) (doc *letopis.Document, err error) {
	wrap := func(err error) error {
		if ie, ok := err.(*letopis.InputError); ok {
			if ie.Path == "" {
				ie.Path = path
			}
			return ie
		}
		return &letopis.InputError{Path: path, Err: err}
	}
	f, err := Detect(path, data)
	if err != nil {
		return nil, wrap(err)
	}
	defer func() {
		if r := recover(); r != nil {
			doc, err = nil, wrap(fmt.Errorf("%s extractor failed: %v", f.Name, r))
		}
	}()
	doc, err = f.Extractor.Extract(ctx, path, data, opts)
	if err != nil {
		return nil, wrap(err)
	}
	doc.Path = path
	if doc.Format == "" {
		doc.Format = f.Name
	}
	return doc, nil
}

// article returns "a PDF", "an XLSX": the article as the letters are spoken.
func article(name string) string {
	if name != "" && strings.ContainsRune("AEFHILMNORSX", rune(name[0])) {
		return "an " + name
	}
	return "a " + name
}

func extensionList() string {
	var exts []string
	for _, f := range Formats() {
		exts = append(exts, f.Extensions...)
	}
	sort.Strings(exts)
	return strings.Join(exts, " ")
}

func head(data []byte) []byte {
	if len(data) > 1024 {
		return data[:1024]
	}
	return data
}

// describe says in a few words what data looks like, for an error message.
func describe(data []byte) string {
	h := bytes.TrimLeft(head(data), " \t\r\n\xef\xbb\xbf")
	low := bytes.ToLower(h)
	switch {
	case bytes.HasPrefix(low, []byte("<!doctype html")) || bytes.HasPrefix(low, []byte("<html")):
		return "is an HTML page"
	case bytes.HasPrefix(h, []byte("%PDF-")):
		return "is a PDF"
	case bytes.HasPrefix(h, []byte("PK\x03\x04")):
		return "is a zip archive"
	case bytes.HasPrefix(h, []byte("\xd0\xcf\x11\xe0")):
		return "is an OLE2 compound file (legacy Office)"
	case bytes.HasPrefix(low, []byte("<?xml")):
		return "is XML"
	}
	return "starts with unrecognised bytes"
}
