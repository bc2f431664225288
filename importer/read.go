package importer

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/letopis/letopis"
	"github.com/letopis/letopis/extract"
	"github.com/letopis/letopis/load"
	"github.com/letopis/letopis/transform"
)

// MaxFileSize bounds what one input file may be; a larger one is refused,
// not read.
const MaxFileSize = 512 << 20

// inputFile is one file to import.
type inputFile struct {
	path string
	err  error // a problem found while listing it (missing, unreadable)
}

// listInputs expands folders recursively into the files letopis reads, in
// the order given and, within a folder, by name. Other files in folders
// are returned as skipped; hidden files and folders are passed over.
func listInputs(paths []string) (files []inputFile, skipped []string) {
	for _, p := range paths {
		fi, err := os.Stat(p)
		if err != nil {
			files = append(files, inputFile{p, fileError(p, err)})
			continue
		}
		if !fi.IsDir() {
			files = append(files, inputFile{path: p})
			continue
		}
		var found []string
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				files = append(files, inputFile{path, fileError(path, err)})
				return nil
			}
			if d.IsDir() {
				if path != p && strings.HasPrefix(d.Name(), ".") {
					return filepath.SkipDir
				}
				return nil
			}
			if !d.Type().IsRegular() || strings.HasPrefix(d.Name(), ".") {
				return nil
			}
			if extract.Supported(path) {
				found = append(found, path)
			} else {
				skipped = append(skipped, path)
			}
			return nil
		})
		if err != nil {
			files = append(files, inputFile{p, fileError(p, err)})
		}
		sort.Strings(found)
		for _, f := range found {
			files = append(files, inputFile{path: f})
		}
	}
	return files, skipped
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

// ReadFile reads an input file, refusing folders and files larger than
// MaxFileSize. Its errors are *letopis.InputErrors naming the file; a
// missing file's is an fs.ErrNotExist.
func ReadFile(path string) ([]byte, os.FileInfo, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, fileError(path, err)
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, nil, fileError(path, err)
	}
	if fi.IsDir() {
		return nil, nil, &letopis.InputError{Path: path, Err: errors.New("is a folder")}
	}
	if fi.Size() > MaxFileSize {
		return nil, nil, &letopis.InputError{Path: path, Err: fmt.Errorf("file is %d MB, larger than the %d MB letopis reads", fi.Size()>>20, MaxFileSize>>20)}
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil, nil, fileError(path, err)
	}
	return data, fi, nil
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

// readFile reads one file, checks whether the Store knows its bytes, and
// if not extracts and transforms it.
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
	r.err = guard(in.path, func() error {
		doc, err := extract.File(ctx, in.path, data, extract.Options{Password: o.Password, NoWords: true, OCR: o.OCR})
		if err != nil {
			return err
		}
		rep, err := transform.Read(doc, transform.Options{Organisation: o.Organisation, Year: o.Year, Units: o.Units})
		if err != nil {
			return err
		}
		rep.Source = letopis.Source{Path: in.path, SHA256: r.sha, Size: int64(len(data)), Format: doc.Format, ModTime: fi.ModTime()}
		r.rep = rep
		return nil
	})
	if r.err != nil {
		r.rep = nil
	}
	return r
}
