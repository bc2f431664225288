package importer

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/letopis/letopis"
	"github.com/letopis/letopis/extract"
	"github.com/letopis/letopis/load"
	"github.com/letopis/letopis/transform"
	"github.com/letopis/letopis/transform/units"
)

// MaxFileSize bounds what one input file may be; a larger one is refused,
// not read.
const MaxFileSize = 512 << 20

// inputFile is one file to import.
type inputFile struct {
	path string
	err  error // a problem found while listing it (missing, unreadable)
}

// skippedFile is a file that is not imported, and why.
type skippedFile struct {
	path, reason string
}

// The reasons a file is skipped.
const (
	reasonFormat = "not a format letopis reads"
	reasonLoop   = "a link to a folder already listed (a loop?)"
	reasonBroken = "a symbolic link to nothing"
)

// listInputs expands folders recursively into the files letopis reads, in
// the order given and, within a folder, by name. Only regular files are
// listed: anything else (a named pipe, a device, a socket) is skipped with
// its reason before a byte of it is read, like a file of a format letopis
// does not read. Symbolic links are followed, also inside folders, and
// listed like any other file; a link to a folder already walked (a loop) is
// skipped. Hidden files and folders inside a folder are passed over.
func listInputs(paths []string) (files []inputFile, skipped []skippedFile) {
	walked := map[string]bool{} // the real paths of the folders walked
	for _, p := range paths {
		fi, err := os.Stat(p)
		switch {
		case err != nil:
			files = append(files, inputFile{p, fileError(p, err)})
		case fi.IsDir():
			var found []string
			walkFolder(p, walked, &found, &files, &skipped)
			sort.Strings(found)
			for _, f := range found {
				files = append(files, inputFile{path: f})
			}
		case fi.Mode().IsRegular():
			files = append(files, inputFile{path: p})
		default:
			skipped = append(skipped, skippedFile{p, extract.NotRegular(fi.Mode()).Error()})
		}
	}
	return files, skipped
}

// walkFolder lists the files of the folder dir and its subfolders: the
// report files into found, the folders it cannot read into failed, the
// others into skipped. walked holds the real paths of the folders already
// walked, so that a link back to one is not followed again.
func walkFolder(dir string, walked map[string]bool, found *[]string, failed *[]inputFile, skipped *[]skippedFile) {
	if real, err := filepath.EvalSymlinks(dir); err == nil {
		if abs, err := filepath.Abs(real); err == nil {
			real = abs
		}
		if walked[real] {
			*skipped = append(*skipped, skippedFile{dir, reasonLoop})
			return
		}
		walked[real] = true
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		*failed = append(*failed, inputFile{dir, fileError(dir, err)})
		return
	}
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			continue
		}
		path := filepath.Join(dir, e.Name())
		mode := e.Type()
		if mode&fs.ModeSymlink != 0 {
			fi, err := os.Stat(path)
			if err != nil {
				*skipped = append(*skipped, skippedFile{path, reasonBroken})
				continue
			}
			mode = fi.Mode()
		}
		switch {
		case mode.IsDir():
			walkFolder(path, walked, found, failed, skipped)
		case !mode.IsRegular():
			*skipped = append(*skipped, skippedFile{path, extract.NotRegular(mode).Error()})
		case extract.Supported(path):
			*found = append(*found, path)
		default:
			*skipped = append(*skipped, skippedFile{path, reasonFormat})
		}
	}
}

// fileError is the error of a file the system cannot give: it names the
// file, and a missing one says so plainly.
func fileError(path string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	if errors.Is(err, fs.ErrNotExist) {
		err = errNoSuchFile{}
	}
	return &letopis.InputError{Path: path, Err: err}
}

// errNoSuchFile says a path does not exist; it is an fs.ErrNotExist.
type errNoSuchFile struct{}

func (errNoSuchFile) Error() string        { return "no such file or folder" }
func (errNoSuchFile) Is(target error) bool { return target == fs.ErrNotExist }

// ReadFile reads an input file, refusing anything but a regular file
// before a byte of it is read (see extract.ReadFile) and files larger than
// MaxFileSize. Its errors are *letopis.InputErrors naming the file; a
// missing file's is an fs.ErrNotExist.
func ReadFile(path string) ([]byte, os.FileInfo, error) {
	data, fi, err := extract.ReadFile(path, MaxFileSize)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil, fileError(path, err)
	}
	return data, fi, err
}

// Extract reads the file at path and extracts its document, as an import
// does before it reads the report (inspect shows it). Any error, also a
// panic of an extractor, is one *letopis.InputError naming the file.
func Extract(ctx context.Context, path string, opts extract.Options) (*letopis.Document, error) {
	data, _, err := ReadFile(path)
	if err != nil {
		return nil, err
	}
	var doc *letopis.Document
	err = guard(path, func() (err error) {
		doc, err = extract.File(ctx, path, data, opts)
		return err
	})
	return doc, err
}

// guard runs fn, the reading of the file at path, and returns its error
// naming the file. A panic in fn is a bug of letopis, but it fails this
// file only, never the batch: guard is the one place that catches it.
func guard(path string, fn func() error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = &letopis.InputError{Path: path, Err: fmt.Errorf("internal error while reading facts (please report it): %v", r)}
		}
	}()
	return letopis.InFile(path, fn())
}

// fileResult is what a worker made of one file, handed to the one writer.
type fileResult struct {
	in       inputFile
	sha      string
	rep      *letopis.Report // nil if unchanged or failed
	samePath string          // unchanged: the path the bytes were imported under
	err      error
}

// readAll starts the workers. results[i] receives file i's result. At most
// 2×Workers files are read ahead of the writer, so memory is bounded by the
// workers, not by the number of files.
func readAll(ctx context.Context, files []inputFile, o Options) []chan fileResult {
	results := make([]chan fileResult, len(files))
	for i := range results {
		results[i] = make(chan fileResult, 1)
	}
	jobs := make(chan int)
	ahead := make(chan struct{}, 2*o.Workers)
	go func() {
		defer close(jobs)
		for i := range files {
			select {
			case ahead <- struct{}{}:
			case <-ctx.Done():
				// Unblock the writer for the files never started.
				for j := i; j < len(files); j++ {
					results[j] <- fileResult{in: files[j], err: context.Cause(ctx)}
				}
				return
			}
			jobs <- i
		}
	}()
	for range o.Workers {
		go func() {
			for i := range jobs {
				results[i] <- readFile(ctx, files[i], o)
				<-ahead
			}
		}()
	}
	return results
}

// FileRequest is one file to read into its report: its bytes, and what
// the reading needs to know of the run's options.
type FileRequest struct {
	Path    string
	SHA256  string
	ModTime time.Time
	Data    []byte

	Password     string
	OCR          string
	Organisation string
	Year         int
}

// ReadReport reads the report of one file in this process: extract.File,
// then transform.Read with the unit lexicon lex (nil: the built-in one).
// Any error names the file; a panic is caught here, once per file, and
// fails this file only.
func ReadReport(ctx context.Context, req FileRequest, lex *units.Lexicon) (*letopis.Report, error) {
	var rep *letopis.Report
	err := guard(req.Path, func() error {
		doc, err := extract.File(ctx, req.Path, req.Data, extract.Options{Password: req.Password, NoWords: true, OCR: req.OCR})
		if err != nil {
			return err
		}
		r, err := transform.Read(doc, transform.Options{Organisation: req.Organisation, Year: req.Year, Units: lex})
		if err != nil {
			return err
		}
		r.Source = letopis.Source{Path: req.Path, SHA256: req.SHA256, Size: int64(len(req.Data)), Format: doc.Format, ModTime: req.ModTime}
		// A page the extractor could not read is kept as a value seen and
		// refused: the file is imported with the pages it gave, and the
		// warehouse (rejected) and the run's output say which were not.
		for _, p := range doc.RefusedPages() {
			r.Rejected = append(r.Rejected, letopis.Rejected{Text: fmt.Sprintf("page %d", p.Number),
				Reason: pageNotRead + p.Refused, Location: letopis.Location{Page: p.Number}})
		}
		rep = r
		return nil
	})
	if err != nil {
		return nil, err
	}
	return rep, nil
}

// pageNotRead starts the reason of a page the extractor could not read,
// among a report's Rejected values.
const pageNotRead = "page not read: "

// PagesNotRead returns the pages of rep its extractor could not read, as
// "page 2 (why)", from its Rejected values.
func PagesNotRead(rep *letopis.Report) []string {
	var out []string
	for _, r := range rep.Rejected {
		if why, ok := strings.CutPrefix(r.Reason, pageNotRead); ok && r.Location.Page > 0 {
			out = append(out, fmt.Sprintf("page %d (%s)", r.Location.Page, why))
		}
	}
	return out
}

// errFileTimeout is the cause of a file's reading stopped at its deadline.
type errFileTimeout struct{ d time.Duration }

func (e errFileTimeout) Error() string {
	return fmt.Sprintf("not read within %s (--file-timeout): stopped", e.d)
}

// readFile reads one file, checks whether the Store knows its bytes, and
// if not reads its report (o.Read, or ReadReport in this process) within
// o.FileTimeout.
func readFile(ctx context.Context, in inputFile, o Options) fileResult {
	r := fileResult{in: in}
	if in.err != nil {
		r.err = in.err
		return r
	}
	if err := ctx.Err(); err != nil {
		r.err = err
		return r
	}
	data, fi, err := ReadFile(in.path)
	if err != nil {
		r.err = err
		return r
	}
	sum := sha256.Sum256(data)
	r.sha = hex.EncodeToString(sum[:])
	if o.Store != nil && !o.Force {
		p, ok, err := o.Store.Known(ctx, r.sha)
		if err != nil {
			r.err = &load.WarehouseError{Path: o.Store.Path(), Err: err}
			return r
		}
		if ok {
			r.samePath = p
			return r
		}
	}
	read := o.Read
	if read == nil {
		read = func(ctx context.Context, req FileRequest) (*letopis.Report, error) {
			return ReadReport(ctx, req, o.Units)
		}
	}
	fctx := ctx
	if o.FileTimeout > 0 {
		var cancel context.CancelFunc
		fctx, cancel = context.WithTimeoutCause(ctx, o.FileTimeout, errFileTimeout{o.FileTimeout})
		defer cancel()
	}
	req := FileRequest{Path: in.path, SHA256: r.sha, ModTime: fi.ModTime(), Data: data,
		Password: o.Password, OCR: o.OCR, Organisation: o.Organisation, Year: o.Year}
	r.rep, r.err = read(fctx, req)
	if r.err != nil {
		r.rep = nil
		if ctx.Err() == nil && fctx.Err() != nil {
			// the file's deadline, not the run's end
			r.err = &letopis.InputError{Path: in.path, Err: context.Cause(fctx)}
		} else {
			r.err = letopis.InFile(in.path, r.err)
		}
	}
	return r
}
