package main

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/gofrs/flock"

	"github.com/letopis/letopis/load"
)

// openForImport takes the lock of the warehouse at db and opens it for
// writing, syncing the alias file (see load.Options.AliasFile), as an
// import needs it: one import at a time, and a warehouse held by another
// program waited for as long as wait. unlock releases the lock.
func openForImport(ctx context.Context, db, aliases string, wait time.Duration) (w *load.Warehouse, unlock func(), err error) {
	unlock, err = lockWarehouse(ctx, db, wait)
	if err != nil {
		return nil, nil, err
	}
	w, err = openWithRetry(ctx, db, aliases, wait)
	if err != nil {
		unlock()
		return nil, nil, err
	}
	return w, unlock, nil
}

// lockWarehouse takes the exclusive lock file beside the warehouse, so that
// one import runs at a time. With wait > 0 it retries until wait has
// passed; then, or at once without wait, it fails with exit code 75.
func lockWarehouse(ctx context.Context, db string, wait time.Duration) (unlock func(), err error) {
	lock := flock.New(db + ".lock")
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
