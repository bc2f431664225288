// Package importer is the import use case: it lists the report files of
// the paths given, reads them (extract, then transform) with workers in
// parallel, loads them through a Store one at a time in the order listed,
// archives or quarantines each file after its outcome, and tells what
// became of each through Events. Front ends (the command line, the
// scheduler, a later review page) parse their options, wire a Store
// (load.Warehouse) and Events and call Run; they map its errors to what
// they show.
//
// The policy of a run:
//
//   - A file that cannot be read, extracted or transformed fails alone: it
//     is reported and recorded with its one-line reason (naming the file),
//     quarantined if asked, and the others go on. A panic while reading a
//     file is caught once, for that file.
//   - Each file is loaded in one transaction of the Store: all of it or
//     nothing. A file whose bytes the Store knows is unchanged.
//   - A fault of the Store itself (it cannot load or record a file) ends
//     the run: the next file would fail the same way. Run returns it as a
//     *load.WarehouseError.
//   - When ctx is cancelled, the file being loaded is committed or rolled
//     back whole, no further file is loaded, the run is recorded as
//     interrupted, and Run returns the cause of the cancellation. A file
//     whose load or reading was interrupted is left where it was (never
//     quarantined), to be read again by the next run.
package importer

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"runtime"
	"time"

	"github.com/letopis/letopis"
	"github.com/letopis/letopis/load"
	"github.com/letopis/letopis/transform/units"
)

// Store is the warehouse an import writes to; load.Warehouse implements
// it. Its methods may be called from several goroutines at once (Known by
// the workers, the others by the one writer).
type Store interface {
	// Path names the store in errors ("warehouse PATH: …").
	Path() string
	// Known returns the path under which a source with these bytes was
	// imported, if one was.
	Known(ctx context.Context, sha256 string) (path string, ok bool, err error)
	// BeginRun records the start of an import run.
	BeginRun(ctx context.Context, version, arguments string) (*load.Run, error)
	// Load writes a report in one transaction: all of its rows or none. A
	// report whose bytes are already loaded is Unchanged unless
	// opts.Force. An error means nothing of the report was written.
	Load(ctx context.Context, rep *letopis.Report, opts load.LoadOptions) (load.Result, error)
	// RecordFile records one file's outcome in a run, with its error.
	RecordFile(ctx context.Context, runID int64, path, sha256 string, res load.Result, ferr error) error
	// FinishRun records the end of a run with its status (ok, failed,
	// interrupted) and counts; it must work after ctx is cancelled.
	FinishRun(runID int64, status string, c load.RunCounts) error
}

// Options say what to import and how.
type Options struct {
	// Store is where the reports go; nil with DryRun.
	Store Store
	// Events hears what becomes of each file; nil hears nothing.
	Events Events
	// DryRun reads every file and reports what it would load, writing
	// nothing and moving nothing.
	DryRun bool
	// Force loads files whose bytes the Store already knows again.
	Force bool
	// Year and Organisation override what a report says (0 and "": read
	// them from the report).
	Year         int
	Organisation string
	// Password opens encrypted PDFs.
	Password string
	// OCR says which PDF pages are read by OCR (extract.Options.OCR).
	OCR string
	// Units is the unit lexicon (nil: the built-in one).
	Units *units.Lexicon
	// Workers is how many files are read at once; 0 means one per core.
	Workers int
	// Archive, if set, is the folder imported and unchanged files are
	// moved into; Quarantine the folder failed files are moved into, each
	// with NAME.error.txt saying why. Neither overwrites a file.
	Archive, Quarantine string
	// Version and Arguments are recorded with the run: the program's
	// version and the import's own arguments.
	Version, Arguments string
	// FileTimeout bounds the reading of one file (extraction and
	// transform); past it the file fails ("not read within …") and the
	// others go on. 0: no bound.
	FileTimeout time.Duration
	// Read, if not nil, reads a file's report in place of ReadReport in
	// this process: a front end gives one that reads in child processes
	// killed at the file's deadline (package importer/fork), so that a
	// parser that cannot be interrupted costs one file, never the run. It
	// must return when ctx is done.
	Read func(ctx context.Context, req FileRequest) (*letopis.Report, error)
}

// Counts are what a run did.
type Counts struct {
	load.RunCounts
	Skipped int // files of folders in formats letopis does not read
	Missing int // failed files that do not exist
}

// FolderError says that the archive or the quarantine folder cannot be
// made or written to; Run returns it before it reads any file.
type FolderError struct {
	Role string // archive or quarantine
	Dir  string
	Err  error
}

func (e *FolderError) Error() string { return e.Role + " " + e.Dir + ": " + e.Err.Error() }

// Unwrap returns the cause.
func (e *FolderError) Unwrap() error { return e.Err }

// Run imports the files and folders of paths (see the package
// documentation for its policy). Files whose import failed are counted,
// reported and recorded, not returned as an error: err is an error of the
// run itself (a fault of the Store, an interruption). Paths that hold no
// file to import (an empty inbox) make a run like any other, recorded with
// nothing in it: a quiet night is no failure.
func Run(ctx context.Context, paths []string, o Options) (Counts, error) {
	if o.Store == nil && !o.DryRun {
		return Counts{}, errors.New("importer: no store to import into")
	}
	if o.DryRun {
		o.Store, o.Archive, o.Quarantine = nil, "", ""
	}
	if o.Workers <= 0 {
		o.Workers = runtime.NumCPU()
	}
	for _, d := range []struct{ role, dir string }{{"archive", o.Archive}, {"quarantine", o.Quarantine}} {
		if d.dir != "" {
			if err := CheckFolder(d.dir); err != nil {
				return Counts{}, &FolderError{Role: d.role, Dir: d.dir, Err: err}
			}
		}
	}
	ev := o.Events
	if ev == nil {
		ev = noEvents{}
	}
	var counts Counts
	files, skipped := listInputs(paths)
	counts.Skipped = len(skipped)
	for _, p := range skipped {
		ev.Skipped(p.path, p.reason)
	}
	ev.Started(len(files))

	st := o.Store
	var runID int64
	if st != nil {
		run, err := st.BeginRun(ctx, o.Version, o.Arguments)
		if err != nil {
			return counts, &load.WarehouseError{Path: st.Path(), Err: err}
		}
		runID = run.ID
	}

	results := readAll(ctx, files, o)
	var fatal error
	for i := range files {
		r := <-results[i]
		if ctx.Err() != nil {
			break // the file being loaded was committed or rolled back whole
		}
		res := load.Result{Outcome: load.Failed}
		err := r.err
		interrupted := false
		switch {
		case err != nil:
		case r.rep == nil:
			res = load.Result{Outcome: load.Unchanged, SamePath: r.samePath}
		case st == nil:
			res = load.Result{Outcome: load.Imported, Facts: len(r.rep.Facts), Activities: len(r.rep.Activities), Rejected: len(r.rep.Rejected)}
		default:
			res, err = st.Load(ctx, r.rep, load.LoadOptions{Force: o.Force, RunID: runID})
			if err != nil {
				if ctx.Err() != nil {
					err = &letopis.InputError{Path: r.in.path, Err: errors.New("interrupted; nothing of it was loaded")}
					interrupted = true
				} else {
					fatal = &load.WarehouseError{Path: st.Path(), Err: fmt.Errorf("loading %s: %w", r.in.path, err)}
					err = fatal
				}
				res = load.Result{Outcome: load.Failed}
			}
		}
		switch res.Outcome {
		case load.Imported:
			counts.Imported++
			counts.Facts += int64(res.Facts)
		case load.Unchanged:
			counts.Unchanged++
		default:
			counts.Failed++
			if errors.Is(err, fs.ErrNotExist) {
				counts.Missing++
			}
		}
		moved := ""
		if r.in.err == nil && !interrupted {
			// an interrupted file stays where it was, to be read again next
			// time: it is not at fault
			moved, err = settle(r.in.path, res.Outcome, err, o)
			res.MovedTo = moved
		}
		ev.File(FileEvent{Path: r.in.path, SHA256: r.sha, Report: r.rep, Result: res, Err: err, MovedTo: moved, DryRun: o.DryRun})
		if st != nil {
			if rerr := st.RecordFile(context.WithoutCancel(ctx), runID, r.in.path, r.sha, res, err); rerr != nil && fatal == nil {
				fatal = &load.WarehouseError{Path: st.Path(), Err: rerr}
			}
		}
		if fatal != nil {
			break // a fault of the warehouse itself: the next file would fail the same way
		}
	}

	status := "ok"
	switch {
	case ctx.Err() != nil:
		status = "interrupted"
	case fatal != nil || counts.Failed > 0:
		status = "failed"
	}
	if st != nil {
		if err := st.FinishRun(runID, status, counts.RunCounts); err != nil && fatal == nil {
			fatal = &load.WarehouseError{Path: st.Path(), Err: err}
		}
	}
	ev.Finished(counts, o.DryRun)
	switch {
	case ctx.Err() != nil:
		return counts, context.Cause(ctx)
	case fatal != nil:
		return counts, fatal
	}
	return counts, nil
}
