package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/letopis/letopis"
	"github.com/letopis/letopis/extract"
	_ "github.com/letopis/letopis/extract/all" // every format
	"github.com/letopis/letopis/transform"
	"github.com/letopis/letopis/transform/units"
)

// maxFileSize bounds what one input file may be; larger is refused, not read.
const maxFileSize = 512 << 20

type importOptions struct {
	db         string
	year       int
	org        string
	dryRun     bool
	force      bool
	password   string
	unitsFile  string
	workers    int
	archive    string
	quarantine string
	wait       time.Duration
	logFormat  string
	aliases    string
	ocr        string

	units *units.Lexicon // loaded from unitsFile once for the batch
}

func newImportCmd(s streams) *cobra.Command {
	var o importOptions
	cmd := &cobra.Command{
		Use:   "import [flags] PATH...",
		Short: "Import report files into the warehouse",
		Long: `Import report files (PDF, xlsx, xls, CSV) into the warehouse. A folder is
walked recursively for the formats letopis reads; other files are listed as
skipped.

Each file is loaded in one transaction: all of its facts or none. A file is
known by the SHA-256 of its bytes: importing the same bytes again changes
nothing and says "unchanged"; changed bytes under the same path replace that
path's earlier rows. Each file ends with one line: imported, unchanged or
failed (why). A failed file never stops the others.

` + exitCodesHelp,
		Example: `  letopis import report-2020.pdf
  letopis import --year 2021 --org "Društvo NOVUS" kazalniki.xlsx
  letopis import --dry-run report.pdf      # show what would be loaded, write nothing
  letopis import --db /srv/letopis.duckdb inbox/`,
		Args: args(cobra.MinimumNArgs(1)),
		RunE: func(cmd *cobra.Command, a []string) error {
			return importRun(cmd.Context(), s, o, a, strings.Join(os.Args[1:], " "))
		},
	}
	addDBFlag(cmd, &o.db)
	f := cmd.Flags()
	f.IntVar(&o.year, "year", 0, "the year the report covers, if it cannot be read from the report")
	f.StringVar(&o.org, "org", "", "the reporting organisation, if it cannot be read from the report")
	f.BoolVar(&o.dryRun, "dry-run", false, "print what would be loaded; write nothing")
	f.BoolVar(&o.force, "force", false, "re-extract and replace files whose bytes are already imported")
	f.StringVar(&o.password, "password", "", "password of encrypted PDFs (env LETOPIS_PASSWORD)")
	f.StringVar(&o.unitsFile, "units-file", "", "extra unit lexicon (see README, \"Units\")")
	f.IntVarP(&o.workers, "workers", "j", 0, "files read in parallel (0: one per core); one writer loads them")
	f.StringVar(&o.archive, "archive", "", "move each imported or unchanged file into this folder (never overwrites)")
	f.StringVar(&o.quarantine, "quarantine", "", "move each failed file into this folder, with NAME.error.txt saying why")
	f.DurationVar(&o.wait, "wait", 0, "if another import holds the warehouse, wait this long (e.g. 10m) before giving up with exit 75")
	f.StringVar(&o.aliases, "aliases", "", "alias file synced into the warehouse (env LETOPIS_ALIASES; default aliases.yaml beside the warehouse)")
	f.StringVar(&o.logFormat, "log-format", "text", "text, or json: structured log records on stderr for a scheduler's journal")
	f.StringVar(&o.ocr, "ocr", extract.OCRAuto, "read PDF pages by OCR (Tesseract): auto (pages without text that hold an image), always, never")
	return cmd
}

// inputFile is one file to import.
type inputFile struct {
	path string
	err  error // a problem found while listing it (missing, unreadable)
}

// listInputs expands folders recursively into the files letopis reads.
// Other files in folders are returned as skipped.
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

// readInput reads a file, refusing folders and files too large to be a report.
func readInput(path string) ([]byte, os.FileInfo, error) {
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
	if fi.Size() > maxFileSize {
		return nil, nil, &letopis.InputError{Path: path, Err: fmt.Errorf("file is %d MB, larger than the %d MB letopis reads", fi.Size()>>20, maxFileSize>>20)}
	}
	data, err := io.ReadAll(io.LimitReader(f, maxFileSize+1))
	if err != nil {
		return nil, nil, fileError(path, err)
	}
	return data, fi, nil
}

// readReport extracts and transforms one file's bytes. A panic in either
// step is a bug of letopis, but it fails this file only, never the batch.
func readReport(ctx context.Context, path, sha string, data []byte, fi os.FileInfo, o importOptions) (rep *letopis.Report, err error) {
	defer func() {
		if r := recover(); r != nil {
			rep, err = nil, &letopis.InputError{Path: path, Err: fmt.Errorf("internal error while reading facts (please report it): %v", r)}
		}
	}()
	doc, err := extract.File(ctx, path, data, extract.Options{Password: o.password, NoWords: true, OCR: o.ocr})
	if err != nil {
		return nil, err
	}
	rep, err = transform.Read(doc, transform.Options{Organisation: o.org, Year: o.year, Units: o.units})
	if err != nil {
		var ie *letopis.InputError
		if errors.As(err, &ie) {
			if ie.Path == "" {
				ie.Path = path
			}
			return nil, ie
		}
		return nil, &letopis.InputError{Path: path, Err: err}
	}
	rep.Source = letopis.Source{Path: path, SHA256: sha, Size: int64(len(data)), Format: doc.Format, ModTime: fi.ModTime()}
	return rep, nil
}

func orUnknown(s string) string {
	if s == "" {
		return "organisation unknown"
	}
	return s
}

// printDryRun lists what a report would load.
func printDryRun(w io.Writer, rep *letopis.Report) {
	for _, a := range rep.Activities {
		fmt.Fprintf(w, "  activity  %s", a.Title)
		if !a.Period.IsZero() {
			fmt.Fprintf(w, " (%s)", a.Period)
		}
		fmt.Fprintln(w)
	}
	for _, f := range rep.Facts {
		fmt.Fprintf(w, "  fact      %-8s %s %s %s [%s] %s\n", f.Location, formatValue(f.Value), f.Unit, f.Qualifier, f.Activity, f.Indicator)
	}
}

func formatValue(v float64) string { return cellText(v) }
