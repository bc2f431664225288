package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"runtime"
	"strings"
	"time"

	"github.com/letopis/letopis"
	"github.com/letopis/letopis/extract"
	"github.com/letopis/letopis/load"
	"github.com/letopis/letopis/transform/units"
)

// fileResult is what a worker made of one file, handed to the one writer.
type fileResult struct {
	in       inputFile
	sha      string
	rep      *letopis.Report // nil if unchanged or failed
	samePath string          // unchanged: the path the bytes were imported under
	err      error
}

// importRun imports files and folders: files are read, extracted and
// transformed by o.workers workers in parallel, and written by one writer
// (this goroutine) in the order they were listed, one transaction each.
func importRun(ctx context.Context, s streams, o importOptions, paths []string, argLine string) error {
	if o.year != 0 && (o.year < 1900 || o.year > 2200) {
		return usageErrorf("--year %d: want a year such as 2020", o.year)
	}
	if o.workers < 0 {
		return usageErrorf("--workers %d: want 1 or more (0: one per core)", o.workers)
	}
	if o.workers == 0 {
		o.workers = runtime.NumCPU()
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
			if err := ensureDir(d.dir); err != nil {
				return withCode(exitIOErr, fmt.Errorf("%s %s: %v", d.flag, d.dir, err))
			}
		}
	}
	lex, err := units.Load(o.unitsFile)
	if err != nil {
		return withCode(exitConfig, fmt.Errorf("units file %s: %v", o.unitsFile, err))
	}
	o.units = lex
	rep := newReporter(s, o.logFormat, o.dryRun)
	files, skipped := listInputs(paths)
	for _, p := range skipped {
		rep.skipped(p)
	}
	if len(files) == 0 {
		return withCode(exitNoInput, fmt.Errorf("no report files found in %s", strings.Join(paths, ", ")))
	}
	rep.start(len(files))

	var w *load.Warehouse
	var run *load.Run
	if !o.dryRun {
		unlock, err := lockWarehouse(ctx, o.db, o.wait)
		if err != nil {
			return err
		}
		defer unlock()
		w, err = openWithRetry(ctx, o.db, o.aliases, o.wait)
		if err != nil {
			return err
		}
		defer w.Close()
		run, err = w.BeginRun(ctx, versionString(), argLine)
		if err != nil {
			return &load.WarehouseError{Path: o.db, Err: err}
		}
	}

	results := extractAll(ctx, w, files, o)
	var counts load.RunCounts
	missing := 0
	var fatal error
	for i := range files {
		r := <-results[i]
		if ctx.Err() != nil {
			break // the file being loaded was committed or rolled back whole
		}
		res := load.Result{Outcome: load.Failed}
		err := r.err
		switch {
		case err != nil:
		case r.rep == nil:
			res = load.Result{Outcome: load.Unchanged, SamePath: r.samePath}
		case w == nil:
			res = load.Result{Outcome: load.Imported, Facts: len(r.rep.Facts), Activities: len(r.rep.Activities), Rejected: len(r.rep.Rejected)}
		default:
			res, err = w.Load(ctx, r.rep, load.LoadOptions{Force: o.force, RunID: run.ID})
			if err != nil {
				if ctx.Err() != nil {
					err = &letopis.InputError{Path: r.in.path, Err: errors.New("interrupted; nothing of it was loaded")}
				} else {
					fatal = &load.WarehouseError{Path: o.db, Err: fmt.Errorf("loading %s: %w", r.in.path, err)}
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
				missing++
			}
		}
		moved := ""
		if r.in.err == nil {
			moved, err = settle(r.in.path, res.Outcome, err, o)
		}
		rep.file(r, res, err, moved)
		if o.dryRun && r.rep != nil {
			printDryRun(s.out, r.rep)
		}
		if w != nil {
			if rerr := w.RecordFile(context.WithoutCancel(ctx), run.ID, r.in.path, r.sha, res, err); rerr != nil && fatal == nil {
				fatal = &load.WarehouseError{Path: o.db, Err: rerr}
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
	if w != nil {
		if err := w.FinishRun(run.ID, status, counts); err != nil && fatal == nil {
			fatal = &load.WarehouseError{Path: o.db, Err: err}
		}
	}
	rep.summary(counts, len(skipped), o.dryRun)
	switch {
	case ctx.Err() != nil:
		return withCode(interruptCode(ctx), context.Cause(ctx))
	case fatal != nil:
		return fatal
	case counts.Failed > 0 && missing == counts.Failed && counts.Imported+counts.Unchanged == 0:
		return &quietError{exitNoInput}
	case counts.Failed > 0:
		return &quietError{exitDataErr}
	}
	return nil
}

// extractAll starts the workers. results[i] receives file i's result. At
// most 2×workers files are read ahead of the writer, so memory is bounded
// by the workers, not by the number of files.
func extractAll(ctx context.Context, w *load.Warehouse, files []inputFile, o importOptions) []chan fileResult {
	results := make([]chan fileResult, len(files))
	for i := range results {
		results[i] = make(chan fileResult, 1)
	}
	jobs := make(chan int)
	ahead := make(chan struct{}, 2*o.workers)
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
	for range o.workers {
		go func() {
			for i := range jobs {
				r := readFile(ctx, w, files[i], o)
				results[i] <- r
				<-ahead
			}
		}()
	}
	return results
}

// readFile reads one file, checks whether its bytes are known, and if not
// extracts and transforms it.
func readFile(ctx context.Context, w *load.Warehouse, in inputFile, o importOptions) fileResult {
	r := fileResult{in: in}
	if in.err != nil {
		r.err = in.err
		return r
	}
	if err := ctx.Err(); err != nil {
		r.err = err
		return r
	}
	data, fi, err := readInput(in.path)
	if err != nil {
		r.err = err
		return r
	}
	sum := sha256.Sum256(data)
	r.sha = hex.EncodeToString(sum[:])
	if w != nil && !o.force {
		p, ok, err := w.Known(ctx, r.sha)
		if err != nil {
			r.err = &load.WarehouseError{Path: w.Path(), Err: err}
			return r
		}
		if ok {
			r.samePath = p
			return r
		}
	}
	r.rep, r.err = readReport(ctx, in.path, r.sha, data, fi, o)
	return r
}

// lockWarehouse takes the exclusive lock file beside the warehouse, so that
// one import runs at a time. With wait > 0 it retries until wait has
// passed; then, or at once without wait, it fails with exit code 75.
func lockWarehouse(ctx context.Context, db string, wait time.Duration) (unlock func(), err error) {
	lock := newFileLock(db + ".lock")
	deadline := time.Now().Add(wait)
	for delay := 100 * time.Millisecond; ; delay = min(2*delay, 5*time.Second) {
		ok, err := lock.TryLock()
		if err != nil {
			return nil, withCode(exitIOErr, fmt.Errorf("lock file %s.lock: %v", db, err))
		}
		if ok {
			return func() { lock.Unlock() }, nil
		}
		if !time.Now().Add(delay).Before(deadline) {
			how := "use --wait 10m to wait for it"
			if wait > 0 {
				how = fmt.Sprintf("waited %s", wait)
			}
			return nil, withCode(exitTempFail, fmt.Errorf("warehouse %s: another letopis import is running (lock %s.lock held); try later or %s", db, db, how))
		}
		select {
		case <-time.After(delay):
		case <-ctx.Done():
			return nil, withCode(interruptCode(ctx), context.Cause(ctx))
		}
	}
}

// openWithRetry opens the warehouse for writing; while another program
// holds it (a BI tool), it retries with backoff until wait has passed.
func openWithRetry(ctx context.Context, db, aliases string, wait time.Duration) (*load.Warehouse, error) {
	deadline := time.Now().Add(wait)
	for delay := 200 * time.Millisecond; ; delay = min(2*delay, 10*time.Second) {
		w, err := load.Open(ctx, db, load.Options{AliasFile: aliases})
		if err == nil || !errors.Is(err, load.ErrLocked) || !time.Now().Add(delay).Before(deadline) {
			return w, err
		}
		select {
		case <-time.After(delay):
		case <-ctx.Done():
			return nil, withCode(interruptCode(ctx), context.Cause(ctx))
		}
	}
}
