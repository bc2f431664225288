// Package extract turns files into letopis.Documents. Each format lives in
// its own package (extract/pdf, extract/sheet) that registers itself here
// from an init function; importing extract/all registers every format.
//
// An extractor for a new format needs one file that implements Extractor,
// one Register call in its init, a line in extract/all, and a test that
// runs the conformance suite of package extracttest on sample files.
package extract

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"syscall"
	"time"

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
	// HeadRows is how many rows of a long worksheet or CSV file are held
	// in Table.Rows, the others being streamed through Table.More; 0 means
	// letopis.TableHeadRows. Tests set it to stream small sheets.
	HeadRows int
	// PageTimeout bounds the wall time of one PDF page; 0 means
	// DefaultPageTimeout.
	PageTimeout time.Duration
}

// DefaultPageTimeout is how long one page of a PDF may take to read.
const DefaultPageTimeout = 20 * time.Second

// Head returns HeadRows, or letopis.TableHeadRows when it is 0.
func (o Options) Head() int {
	if o.HeadRows > 0 {
		return o.HeadRows
	}
	return letopis.TableHeadRows
}

// PageTime returns PageTimeout, or DefaultPageTimeout when it is 0.
func (o Options) PageTime() time.Duration {
	if o.PageTimeout > 0 {
		return o.PageTimeout
	}
	return DefaultPageTimeout
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
// wrong in one line, and where: an extractor that knows the page, sheet,
// cell or line returns a *letopis.InputError with those fields set and
// Path empty (File names the file, also in the errors of Table.More).
// Pages and sheets are numbered from 1 in the order of the file; a
// table's cells carry their 0-based Row and Col within its rows.
//
// The package extracttest is the conformance suite every extractor runs
// in its tests.
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

// File extracts the document from data, the bytes of the file at path,
// with the format its extension names. Any error, also one of a streamed
// table's More, is a *letopis.InputError naming path. File does not
// recover from a panic of an extractor: extractors must not panic (see
// extracttest), and the caller that reads a file catches what is left,
// once per file (a panic is raised again in the caller's goroutine).
//
// File returns when ctx is done even if the extractor does not: the
// extraction then goes on in its goroutine until it notices the context
// (every extractor checks it between pages, sheets and rows) or ends, and
// its result is dropped. The error then wraps context.Cause(ctx), so that
// a caller's deadline (context.WithTimeoutCause) names itself. An
// extractor stuck where it cannot notice ctx costs its goroutine, not the
// caller; only a child process can take that back.
func File(ctx context.Context, path string, data []byte, opts Options) (*letopis.Document, error) {
	f, err := Detect(path, data)
	if err != nil {
		return nil, letopis.InFile(path, err)
	}
	doc, err := extractWithin(ctx, f, path, data, opts)
	if err != nil {
		return nil, letopis.InFile(path, err)
	}
	doc.Path = path
	if doc.Format == "" {
		doc.Format = f.Name
	}
	for i := range doc.Sheets {
		nameMore(&doc.Sheets[i], path)
	}
	return doc, nil
}

// extractWithin runs f's extractor in a goroutine and returns its result,
// or the cause of ctx when ctx is done first.
func extractWithin(ctx context.Context, f Format, path string, data []byte, opts Options) (*letopis.Document, error) {
	type result struct {
		doc      *letopis.Document
		err      error
		panicked bool
		value    any
	}
	done := make(chan result, 1)
	go func() {
		var res result
		defer func() {
			if r := recover(); r != nil {
				res = result{panicked: true, value: r}
			}
			done <- res
		}()
		res.doc, res.err = f.Extractor.Extract(ctx, path, data, opts)
	}()
	var res result
	select {
	case res = <-done:
	case <-ctx.Done():
		return nil, context.Cause(ctx)
	}
	if res.panicked {
		panic(res.value)
	}
	if res.err == nil && res.doc == nil {
		res.err = fmt.Errorf("%s extractor returned no document", f.Name)
	}
	if res.err != nil && ctx.Err() != nil && !errors.Is(res.err, ctx.Err()) && !errors.Is(res.err, context.Cause(ctx)) {
		res.err = fmt.Errorf("%w (%v)", context.Cause(ctx), res.err)
	}
	return res.doc, res.err
}

// ReadFile reads the file at path for File, at most maxSize bytes. It
// refuses, before a byte is read, anything but a regular file (a symbolic
// link is followed): a folder, a named pipe, a device or a socket could
// block for ever or never end. The file is opened without blocking and
// checked again once open, so a file swapped for a pipe after the first
// check is refused too. Any error is a *letopis.InputError naming path;
// ErrNotRegular is the cause of a file that is not regular.
func ReadFile(path string, maxSize int64) ([]byte, os.FileInfo, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, nil, letopis.InFile(path, unwrapPathError(err))
	}
	if !fi.Mode().IsRegular() {
		return nil, nil, letopis.InFile(path, NotRegular(fi.Mode()))
	}
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, nil, letopis.InFile(path, unwrapPathError(err))
	}
	defer f.Close()
	fi, err = f.Stat()
	if err != nil {
		return nil, nil, letopis.InFile(path, unwrapPathError(err))
	}
	if !fi.Mode().IsRegular() {
		return nil, nil, letopis.InFile(path, NotRegular(fi.Mode()))
	}
	if fi.Size() > maxSize {
		return nil, nil, letopis.InFile(path, fmt.Errorf("file is %d MB, larger than the %d MB letopis reads", fi.Size()>>20, maxSize>>20))
	}
	data, err := io.ReadAll(io.LimitReader(f, maxSize+1))
	if err != nil {
		return nil, nil, letopis.InFile(path, unwrapPathError(err))
	}
	if int64(len(data)) > maxSize {
		return nil, nil, letopis.InFile(path, fmt.Errorf("file grew past the %d MB letopis reads while it was read", maxSize>>20))
	}
	return data, fi, nil
}

// ErrNotRegular is the cause when a path is not a regular file.
var ErrNotRegular = errors.New("not a regular file")

// NotRegular says what a file of mode m is that is not a regular file: an
// ErrNotRegular naming its kind.
func NotRegular(m fs.FileMode) error {
	what := "an irregular file"
	switch {
	case m.IsDir():
		what = "a folder"
	case m&fs.ModeNamedPipe != 0:
		what = "a named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		what = "a socket"
	case m&fs.ModeCharDevice != 0:
		what = "a character device"
	case m&fs.ModeDevice != 0:
		what = "a device"
	}
	return fmt.Errorf("%w: it is %s", ErrNotRegular, what)
}

func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// nameMore makes the errors of t.More name the file path.
func nameMore(t *letopis.Table, path string) {
	if t.More == nil {
		return
	}
	more := t.More
	t.More = func(yield func([]letopis.Cell, bool) bool) error {
		return letopis.InFile(path, more(yield))
	}
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
