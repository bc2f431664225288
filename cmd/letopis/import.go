package main

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/spf13/cobra"

	"github.com/letopis/letopis/extract"
	_ "github.com/letopis/letopis/extract/all" // every format
	"github.com/letopis/letopis/importer"
	"github.com/letopis/letopis/transform/units"
)

// defaultFileTimeout is how long one file may take to read unless
// --file-timeout says otherwise: minutes, for OCR of a long scan.
const defaultFileTimeout = 5 * time.Minute

type importOptions struct {
	db         string
	year       int
	org        string
	dryRun     bool
	force      bool
	password   string
	pwFile     string
	unitsFile  string
	workers    int
	archive    string
	quarantine string
	wait       time.Duration
	logFormat  string
	aliases    string
	ocr        string
	fileTime   time.Duration
}

// importFunc does an import with its parsed options and paths.
type importFunc func(ctx context.Context, o importOptions, paths []string) error

// newImportCmd returns the import command; it parses the command line and
// calls runF, or, if runF is nil, importRun with the process's arguments as
// the run's record.
func newImportCmd(s streams, runF importFunc) *cobra.Command {
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
			if runF != nil {
				return runF(cmd.Context(), o, a)
			}
			return importRun(cmd.Context(), s, o, a, redactArgs(os.Args[1:]))
		},
	}
	addDBFlag(cmd, &o.db)
	f := cmd.Flags()
	f.IntVar(&o.year, "year", 0, "the year the report covers, if it cannot be read from the report")
	f.StringVar(&o.org, "org", "", "the reporting organisation, if it cannot be read from the report")
	f.BoolVar(&o.dryRun, "dry-run", false, "print what would be loaded; write nothing")
	f.BoolVar(&o.force, "force", false, "re-extract and replace files whose bytes are already imported")
	addPasswordFlags(cmd, &o.password, &o.pwFile, "encrypted PDFs")
	f.StringVar(&o.unitsFile, "units-file", "", "extra unit lexicon (see README, \"Units\")")
	f.IntVarP(&o.workers, "workers", "j", 0, "files read in parallel (0: one per core); one writer loads them")
	f.StringVar(&o.archive, "archive", "", "move each imported or unchanged file into this folder (never overwrites)")
	f.StringVar(&o.quarantine, "quarantine", "", "move each failed file into this folder, with NAME.error.txt saying why")
	f.DurationVar(&o.wait, "wait", 0, "if another import holds the warehouse, wait this long (e.g. 10m) before giving up with exit 75")
	f.StringVar(&o.aliases, "aliases", "", "alias file synced into the warehouse (env LETOPIS_ALIASES; default aliases.yaml beside the warehouse)")
	f.StringVar(&o.logFormat, "log-format", "text", "text, or json: structured log records on stderr for a scheduler's journal")
	f.StringVar(&o.ocr, "ocr", extract.OCRAuto, "read PDF pages by OCR (Tesseract): auto (pages without text that hold an image), always, never")
	f.DurationVar(&o.fileTime, "file-timeout", defaultFileTimeout, "the longest one file may take to read; past it the file fails and the others go on (0: no limit)")
	return cmd
}

// importRun checks the options of an import, opens and locks the
// warehouse (unless a dry run), runs the import use case with the reports
// the options ask for, and turns its outcome into the command's error:
// nil when every file was imported or unchanged, a quietError with exit
// code 65 (66 when every failure is a missing file) when some failed. args
// is the import's own command line, recorded with the run (its secrets
// redacted: redactArgs).
func importRun(ctx context.Context, s streams, o importOptions, paths []string, args string) error {
	if o.year != 0 && (o.year < 1900 || o.year > 2200) {
		return usageErrorf("--year %d: want a year such as 2020", o.year)
	}
	if o.fileTime < 0 {
		return usageErrorf("--file-timeout %s: want a duration such as 5m (0: no limit)", o.fileTime)
	}
	if o.workers < 0 {
		return usageErrorf("--workers %d: want 1 or more (0: one per core)", o.workers)
	}
	password, err := resolvePassword(o.password, o.pwFile)
	if err != nil {
		return err
	}
	if !extract.ValidOCR(o.ocr) {
		return usageErrorf("--ocr %q: want auto, always or never", o.ocr)
	}
	if o.logFormat != "text" && o.logFormat != "json" {
		return usageErrorf("--log-format %q: want text or json", o.logFormat)
	}
	if o.archive != "" && o.dryRun || o.quarantine != "" && o.dryRun {
		return usageErrorf("--archive and --quarantine move files: not with --dry-run")
	}
	for _, d := range []struct{ flag, dir string }{{"--archive", o.archive}, {"--quarantine", o.quarantine}} {
		if d.dir != "" {
			if err := importer.CheckFolder(d.dir); err != nil {
				return withCode(exitIOErr, fmt.Errorf("%s %s: %v", d.flag, d.dir, err))
			}
		}
	}
	lex, err := units.Load(o.unitsFile)
	if err != nil {
		return withCode(exitConfig, fmt.Errorf("units file %s: %v", o.unitsFile, err))
	}
	opts := importer.Options{
		Events: newEvents(s, o.logFormat), DryRun: o.dryRun, Force: o.force,
		Year: o.year, Organisation: o.org, Password: password, OCR: o.ocr, Units: lex, Workers: o.workers,
		Archive: o.archive, Quarantine: o.quarantine, Version: versionString(), Arguments: args,
		FileTimeout: o.fileTime,
	}
	// Files are read in child processes, killed at a file's deadline or
	// when the run is interrupted: a parser that cannot be stopped from Go
	// costs one file, never the run or the lock.
	pool, err := newReadPool(o.unitsFile)
	if err != nil {
		return err
	}
	defer pool.Close()
	opts.Read = pool.Read
	if !o.dryRun {
		w, unlock, err := openForImport(ctx, o.db, o.aliases, o.wait)
		if err != nil {
			return err
		}
		defer unlock()
		defer w.Close()
		opts.Store = w
	}
	c, err := importer.Run(ctx, paths, opts)
	switch {
	case err != nil:
		return err
	case c.Failed > 0 && c.Missing == c.Failed && c.Imported+c.Unchanged == 0:
		return &quietError{exitNoInput}
	case c.Failed > 0:
		return &quietError{exitDataErr}
	}
	return nil
}

// newEvents returns the reporter of an import: a line a file on stdout
// and the totals on stderr, with a progress line when stderr is a
// terminal; or, for a scheduler's journal, JSON records on stderr.
func newEvents(s streams, format string) importer.Events {
	if format == "json" {
		return &importer.JSONLog{Log: s.err, Out: s.out}
	}
	t := &importer.TextLog{Out: s.out, Err: s.err}
	if f, ok := s.err.(*os.File); ok && isTerminal(f) {
		t.Progress = true
	}
	return t
}

func isTerminal(f *os.File) bool {
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0 && os.Getenv("TERM") != "dumb"
}
