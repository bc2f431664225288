package load

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"path/filepath"
	"time"

	"github.com/duckdb/duckdb-go/v2"

	"github.com/letopis/letopis"
)

// Outcome is what became of one source.
type Outcome string

// The outcomes of a file in an import.
const (
	Imported  Outcome = "imported"
	Unchanged Outcome = "unchanged"
	Failed    Outcome = "failed"
	Skipped   Outcome = "skipped"
)

// Result says what a Load did.
type Result struct {
	Outcome    Outcome
	Facts      int
	Activities int
	Rejected   int
	Replaced   string // the sha256 of the earlier source under the same path, if one was replaced
	SamePath   string // for Unchanged: the path these bytes were imported under
	// Reviews is how many reviewed facts of this source (and of the
	// earlier version it replaced) keep their corrections; StaleReviews
	// how many corrections no longer apply: their fact is not in the new
	// version (see carryReviews).
	Reviews, StaleReviews int
	// MovedTo is where the importer moved the file after its load (the
	// archive), "" if it stayed; RecordFile records it as the source's
	// place (sources.stored_at).
	MovedTo string
}

// Known returns the path under which a source with these bytes was
// imported, if one was.
func (w *Warehouse) Known(ctx context.Context, sha256 string) (path string, ok bool, err error) {
	err = w.db.QueryRowContext(ctx, `SELECT path FROM sources WHERE sha256 = ?`, sha256).Scan(&path)
	if errors.Is(err, sql.ErrNoRows) {
		return "", false, nil
	}
	if err != nil {
		return "", false, classify(err)
	}
	return path, true, nil
}

// LoadOptions modify a Load.
type LoadOptions struct {
	Force bool  // replace the source even if its bytes are already loaded
	RunID int64 // the import run, 0 if none
}

// Load writes a report in one transaction: either all of its rows are in
// the warehouse, or none. A source whose bytes are already loaded is left
// alone (Unchanged) unless opts.Force; an earlier source under the same
// path is replaced in the same transaction. Facts without an ID get their
// stable letopis.FactID.
func (w *Warehouse) Load(ctx context.Context, rep *letopis.Report, opts LoadOptions) (res Result, err error) {
	if w.readOnly {
		return res, &WarehouseError{w.path, errors.New("opened read-only")}
	}
	src := rep.Source
	if src.SHA256 == "" || src.Path == "" {
		return res, errors.New("load: report has no source path or SHA-256")
	}
	if rep.Year == 0 {
		return res, fmt.Errorf("%s: %w", src.Path, letopis.ErrNoYear)
	}
	if err := rep.Complete(); err != nil {
		return res, err
	}
	if !opts.Force {
		if p, ok, err := w.Known(ctx, src.SHA256); err != nil {
			return res, err
		} else if ok {
			return Result{Outcome: Unchanged, SamePath: p}, nil
		}
	}

	conn, err := w.db.Conn(ctx)
	if err != nil {
		return res, classify(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "BEGIN TRANSACTION"); err != nil {
		return res, classify(err)
	}
	committed := false
	defer func() {
		if !committed {
			// Rolled back whatever the cause, also on cancellation: use a
			// fresh context so the rollback itself is not cancelled.
			_, _ = conn.ExecContext(context.Background(), "ROLLBACK")
		}
	}()

	// The earlier source under this path (changed bytes) and, with Force,
	// these same bytes: both are replaced.
	rows, err := conn.QueryContext(ctx, `SELECT source_id, sha256 FROM sources WHERE path = ? OR sha256 = ?`, src.Path, src.SHA256)
	if err != nil {
		return res, err
	}
	type oldSource struct {
		id  int32
		sha string
	}
	var old []oldSource
	for rows.Next() {
		var o oldSource
		if err := rows.Scan(&o.id, &o.sha); err != nil {
			rows.Close()
			return res, err
		}
		old = append(old, o)
	}
	rows.Close()
	for _, o := range old {
		for _, table := range []string{"fact_rows", "activity_rows", "rejected_values", "key_matches", "sources"} {
			if _, err := conn.ExecContext(ctx, "DELETE FROM "+table+" WHERE source_id = ?", o.id); err != nil {
				return res, fmt.Errorf("replace earlier source: %w", err)
			}
		}
		if o.sha != src.SHA256 {
			res.Replaced = o.sha
		}
	}
	if err := w.fail("delete"); err != nil {
		return res, err
	}

	var runID any
	if opts.RunID != 0 {
		runID = opts.RunID
	}
	var modified any
	if !src.ModTime.IsZero() {
		modified = src.ModTime.UTC()
	}
	var sourceID int32
	if err := conn.QueryRowContext(ctx, `INSERT INTO sources (source_id, sha256, path, format, size, modified_at, organisation, report_year, imported_at, run_id, facts, activities, rejected, stored_at)
		VALUES (nextval('source_ids'), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING source_id`,
		src.SHA256, src.Path, src.Format, src.Size, modified, nullString(rep.Organisation), rep.Year,
		time.Now().UTC(), runID, len(rep.Facts), len(rep.Activities), len(rep.Rejected), nullString(absPath(src.Path))).Scan(&sourceID); err != nil {
		return res, fmt.Errorf("record source: %w", err)
	}
	if err := w.fail("source"); err != nil {
		return res, err
	}

	err = conn.Raw(func(dc any) error { return w.appendRows(dc.(driver.Conn), sourceID, rep) })
	if err != nil {
		return res, err
	}
	if err := w.matchYears(ctx, conn, sourceID, rep); err != nil {
		return res, err
	}
	if err := w.fail("append"); err != nil {
		return res, err
	}
	if res.Reviews, res.StaleReviews, err = carryReviews(ctx, conn, sourceID, src.Path, src.SHA256); err != nil {
		return res, fmt.Errorf("keep the corrections of reviews: %w", err)
	}
	if err := ctx.Err(); err != nil {
		return res, err
	}
	if _, err := conn.ExecContext(ctx, "COMMIT"); err != nil {
		return res, classify(err)
	}
	committed = true
	res.Outcome = Imported
	res.Facts, res.Activities, res.Rejected = len(rep.Facts), len(rep.Activities), len(rep.Rejected)
	return res, nil
}

func (w *Warehouse) fail(stage string) error {
	if w.failAt == stage {
		return fmt.Errorf("injected failure at %s", stage)
	}
	return nil
}

// appendRows writes the report's facts, activities and rejected values with
// DuckDB's Appender, inside the caller's transaction.
func (w *Warehouse) appendRows(dc driver.Conn, sourceID int32, rep *letopis.Report) error {
	sha := rep.Source.SHA256
	err := appendTable(dc, "fact_rows", "fact", "facts", len(rep.Facts), func(i int, v []driver.Value) ([]driver.Value, error) {
		if w.failAt == "fact" && i == len(rep.Facts)/2 {
			return nil, errors.New("injected failure in the middle of the facts")
		}
		f := &rep.Facts[i]
		if f.ID == "" {
			f.ID = letopis.FactID(sha, i, f.Location, f.Indicator, f.Value)
		}
		v = append(v, f.ID, sourceID, nullString(f.Activity), nullString(f.ActivityKey),
			f.Indicator, f.IndicatorKey, string(f.Kind), string(f.Unit), f.Value, string(f.Qualifier),
			nullFloat(f.Target), nullFloat(f.ShareValue), nullString(f.ShareOf), dateOrNil(f.Period.Start), dateOrNil(f.Period.End),
			nullPage(f.Location.Page), nullString(f.Location.Sheet), nullString(f.Location.Cell),
			nullString(f.Snippet), f.Confidence, int32(i), f.Total, f.OCR)
		return appendBBox(v, f.Location.BBox), nil
	})
	if err != nil {
		return err
	}
	err = appendTable(dc, "activity_rows", "activity", "activities", len(rep.Activities), func(i int, v []driver.Value) ([]driver.Value, error) {
		a := &rep.Activities[i]
		return append(v, sourceID, a.Title, a.Key, dateOrNil(a.Period.Start), dateOrNil(a.Period.End), nullString(a.LeadPartner),
			stringList(a.Partners), stringList(a.Funders), nullPage(a.Location.Page)), nil
	})
	if err != nil {
		return err
	}
	return appendTable(dc, "rejected_values", "rejected value", "rejected values", len(rep.Rejected), func(i int, v []driver.Value) ([]driver.Value, error) {
		r := &rep.Rejected[i]
		v = append(v, sourceID, r.Text, r.Reason, nullString(r.Activity), nullPage(r.Location.Page),
			nullString(r.Location.Sheet), nullString(r.Location.Cell), nullString(r.Snippet))
		return append(appendBBox(v, r.Location.BBox), int32(i)), nil
	})
}

// appendTable appends n rows to table with one Appender, row(i, v)
// appending the values of row i to v (a buffer reused from row to row, so
// that a million rows do not make a million slices); one and many name a
// row and the rows in errors.
func appendTable(dc driver.Conn, table, one, many string, n int, row func(i int, v []driver.Value) ([]driver.Value, error)) error {
	a, err := duckdb.NewAppenderFromConn(dc, "", table)
	if err != nil {
		return err
	}
	var buf []driver.Value
	for i := 0; i < n; i++ {
		vals, err := row(i, buf[:0])
		buf = vals
		if err == nil {
			err = a.AppendRow(vals...)
		}
		if err != nil {
			a.Close()
			return fmt.Errorf("append %s %d: %w", one, i, err)
		}
	}
	if err := a.Close(); err != nil {
		return fmt.Errorf("append %s: %w", many, err)
	}
	return nil
}

// appendBBox appends a box's four corners, or four NULLs for no box.
func appendBBox(v []driver.Value, b letopis.BBox) []driver.Value {
	if b == (letopis.BBox{}) {
		return append(v, nil, nil, nil, nil)
	}
	return append(v, b.X0, b.Y0, b.X1, b.Y1)
}

// absPath returns path made absolute, or "" if it cannot be.
func absPath(path string) string {
	p, err := filepath.Abs(path)
	if err != nil {
		return ""
	}
	return p
}

func dateOrNil(d letopis.Date) any {
	if d.IsZero() {
		return nil
	}
	return d.Time()
}

func nullString(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func nullFloat(f *float64) any {
	if f == nil {
		return nil
	}
	return *f
}

func nullPage(p int) any {
	if p <= 0 {
		return nil
	}
	return int32(p)
}

func stringList(s []string) any {
	if s == nil {
		return []string{}
	}
	return s
}
