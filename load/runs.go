package load

import (
	"context"
	"os"
	"time"
)

// Run is one `letopis import` recorded in the warehouse.
type Run struct {
	ID        int64
	Started   time.Time
	Version   string
	Arguments string
}

// RunCounts are a run's totals.
type RunCounts struct {
	Imported, Unchanged, Failed int
	Facts                       int64
}

// BeginRun records the start of an import run and returns its id.
//
// The caller holds the import lock (one import at a time), so a run still
// marked running was killed before it could finish (SIGKILL, a power
// loss): BeginRun first closes every such run as killed, with the counts
// of the files it recorded, which are what it committed.
func (w *Warehouse) BeginRun(ctx context.Context, version, arguments string) (*Run, error) {
	if err := w.closeKilledRuns(ctx); err != nil {
		return nil, classify(err)
	}
	host, _ := os.Hostname()
	r := &Run{Started: time.Now().UTC(), Version: version, Arguments: arguments}
	err := w.db.QueryRowContext(ctx, `INSERT INTO import_runs (run_id, started_at, host, version, arguments, status)
		VALUES (nextval('import_run_ids'), ?, ?, ?, ?, 'running') RETURNING run_id`,
		r.Started, host, version, arguments).Scan(&r.ID)
	if err != nil {
		return nil, classify(err)
	}
	return r, nil
}

// closeKilledRuns marks the runs still running as killed, ended at their
// last recorded file (or their start), with the counts of their files.
func (w *Warehouse) closeKilledRuns(ctx context.Context) error {
	_, err := w.db.ExecContext(ctx, `UPDATE import_runs SET status = 'killed',
    ended_at = coalesce((SELECT max(f.recorded_at) FROM import_files f WHERE f.run_id = import_runs.run_id), started_at),
    files_imported = (SELECT count(*) FROM import_files f WHERE f.run_id = import_runs.run_id AND f.outcome = 'imported'),
    files_unchanged = (SELECT count(*) FROM import_files f WHERE f.run_id = import_runs.run_id AND f.outcome = 'unchanged'),
    files_failed = (SELECT count(*) FROM import_files f WHERE f.run_id = import_runs.run_id AND f.outcome = 'failed'),
    facts = (SELECT coalesce(sum(f.facts), 0) FROM import_files f WHERE f.run_id = import_runs.run_id)
WHERE status = 'running'`)
	return err
}

// RecordFile records one file's outcome in a run. A file the importer
// moved (res.MovedTo, the archive) is recorded as the place of the source
// with its bytes, so the review page finds it there.
func (w *Warehouse) RecordFile(ctx context.Context, runID int64, path, sha256 string, res Result, ferr error) error {
	if res.MovedTo != "" && sha256 != "" && (res.Outcome == Imported || res.Outcome == Unchanged) {
		if _, err := w.db.ExecContext(ctx, `UPDATE sources SET stored_at = ? WHERE sha256 = ?`, absPath(res.MovedTo), sha256); err != nil {
			return err
		}
	}
	var msg any
	if ferr != nil {
		msg = ferr.Error()
	}
	var facts, acts any
	if res.Outcome == Imported {
		facts, acts = res.Facts, res.Activities
	}
	_, err := w.db.ExecContext(ctx, `INSERT INTO import_files (run_id, path, sha256, outcome, facts, activities, error, recorded_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, runID, path, nullString(sha256), string(res.Outcome), facts, acts, msg, time.Now().UTC())
	return err
}

// FinishRun records the end of a run with its status (ok, failed,
// interrupted) and counts. It uses its own context so that an interrupted
// run is still marked.
func (w *Warehouse) FinishRun(runID int64, status string, c RunCounts) error {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	_, err := w.db.ExecContext(ctx, `UPDATE import_runs SET ended_at = ?, status = ?, files_imported = ?, files_unchanged = ?, files_failed = ?, facts = ? WHERE run_id = ?`,
		time.Now().UTC(), status, c.Imported, c.Unchanged, c.Failed, c.Facts, runID)
	return err
}

// Runs lists the limit most recent import runs, newest first: start, end,
// status, the files' counts, facts, host, version and arguments.
func (w *Warehouse) Runs(ctx context.Context, limit int) (*Table, error) {
	return w.Query(ctx, `SELECT run_id, started_at, ended_at, status, files_imported AS imported,
       files_unchanged AS unchanged, files_failed AS failed, facts, host, version, arguments
FROM import_runs ORDER BY run_id DESC LIMIT ?`, limit)
}

// RunFiles lists the files of one import run in the order they were
// recorded, with what became of each.
func (w *Warehouse) RunFiles(ctx context.Context, runID int64) (*Table, error) {
	return w.Query(ctx, `SELECT path, outcome, facts, activities, error, sha256, recorded_at
FROM import_files WHERE run_id = ? ORDER BY recorded_at, path`, runID)
}
