package load

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/letopis/letopis"
)

// ErrNoSource means there is no source of that id.
var ErrNoSource = errors.New("no such source")

// SourceInfo is one imported file as the review lists it.
type SourceInfo struct {
	ID                          int64
	SHA256, Path, Format        string
	StoredAt                    string // where the import left the file (absolute), "" if not recorded
	Organisation                string
	Year                        int
	Size                        int64
	Facts, Activities, Rejected int // as the import read them
	Reviewed, Added             int // facts read with a review, facts added by review
	ImportedAt                  time.Time
}

const sourceInfoSQL = `WITH ` + latestReviews + `
SELECT s.source_id, s.sha256, s.path, s.format, coalesce(s.stored_at, ''), coalesce(s.organisation, ''),
       coalesce(s.report_year, 0), s.size, s.facts, s.activities, s.rejected,
       (SELECT count(*) FROM fact_rows f JOIN latest r ON r.fact_id = f.fact_id WHERE f.source_id = s.source_id),
       (SELECT count(*) FROM latest r WHERE r.source_sha256 = s.sha256 AND r.status = 'added'
            AND r.fact_id NOT IN (SELECT fact_id FROM fact_rows)),
       s.imported_at
FROM sources s`

func scanSource(s scanner) (*SourceInfo, error) {
	var si SourceInfo
	err := s.Scan(&si.ID, &si.SHA256, &si.Path, &si.Format, &si.StoredAt, &si.Organisation, &si.Year, &si.Size,
		&si.Facts, &si.Activities, &si.Rejected, &si.Reviewed, &si.Added, &si.ImportedAt)
	return &si, err
}

// ReviewSources lists every source with its review progress, the newest
// report years first.
func (w *Warehouse) ReviewSources(ctx context.Context) ([]SourceInfo, error) {
	rows, err := w.db.QueryContext(ctx, sourceInfoSQL+` ORDER BY s.report_year DESC NULLS LAST, s.organisation, s.path`)
	if err != nil {
		return nil, classify(err)
	}
	defer rows.Close()
	var out []SourceInfo
	for rows.Next() {
		si, err := scanSource(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, *si)
	}
	return out, rows.Err()
}

// ReviewSource returns the source with the given bytes (their SHA-256,
// hex); ErrNoSource if there is none.
func (w *Warehouse) ReviewSource(ctx context.Context, sha256 string) (*SourceInfo, error) {
	si, err := scanSource(w.db.QueryRowContext(ctx, sourceInfoSQL+` WHERE s.sha256 = ?`, sha256))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNoSource
	}
	if err != nil {
		return nil, classify(err)
	}
	return si, nil
}

// SourceOfFact returns the SHA-256 of the source a fact was read from or
// added to; ErrNoSource if it is in none.
func (w *Warehouse) SourceOfFact(ctx context.Context, factID string) (string, error) {
	var sha string
	err := w.db.QueryRowContext(ctx, `SELECT s.sha256 FROM fact_rows f JOIN sources s ON s.source_id = f.source_id WHERE f.fact_id = ?
UNION ALL SELECT s.sha256 FROM reviews r JOIN sources s ON s.sha256 = r.source_sha256 WHERE r.fact_id = ?
LIMIT 1`, factID, factID).Scan(&sha)
	if errors.Is(err, sql.ErrNoRows) {
		return "", ErrNoSource
	}
	return sha, classifyErr(err)
}

// ReviewFact is a fact of a source with its review: as it stands now and
// as the import read it.
type ReviewFact struct {
	// Fact is the fact as it stands now, its latest review applied; ID,
	// Location (with its box), Snippet, Confidence, Total and OCR are
	// the import's (or the review's, for an added fact).
	letopis.Fact
	// Read is the fact as the import read it; nil for a fact added by
	// review.
	Read *letopis.Fact
	// Seq is its place in reading order (fact_seq), -1 for an added fact.
	Seq int
	// Status is unreviewed, accepted, corrected, added or rejected.
	Status string
	// Review is its latest review; nil if unreviewed.
	Review *Review
}

// RejectedValue is a value a source's import refused.
type RejectedValue struct {
	letopis.Rejected
	Seq int // its place among the source's refused values
	// PromotedTo is the id of the fact a review made of it, "" if none.
	PromotedTo string
}

const factColumns = `f.fact_id, f.activity, f.activity_key, f.indicator, f.indicator_key, f.kind::VARCHAR, f.unit::VARCHAR,
    f.value, f.qualifier::VARCHAR, f.target, f.share_value, f.share_of, f.page, f.sheet, f.cell,
    f.bbox_x0, f.bbox_y0, f.bbox_x1, f.bbox_y1, f.snippet, f.confidence, f.fact_seq, coalesce(f.is_total, false), coalesce(f.ocr, false)`

func scanFact(s scanner, extra ...any) (*letopis.Fact, int, error) {
	var f letopis.Fact
	var act, actKey, shareOf, sheet, cell, snippet sql.NullString
	var kind, unit, qual string
	var target, share, x0, y0, x1, y1 sql.NullFloat64
	var page sql.NullInt32
	var seq int
	dest := append([]any{&f.ID, &act, &actKey, &f.Indicator, &f.IndicatorKey, &kind, &unit, &f.Value, &qual, &target, &share, &shareOf,
		&page, &sheet, &cell, &x0, &y0, &x1, &y1, &snippet, &f.Confidence, &seq, &f.Total, &f.OCR}, extra...)
	if err := s.Scan(dest...); err != nil {
		return nil, 0, err
	}
	f.Activity, f.ActivityKey, f.ShareOf, f.Snippet = act.String, actKey.String, shareOf.String, snippet.String
	f.Kind, f.Unit, f.Qualifier = letopis.Kind(kind), letopis.Unit(unit), letopis.Qualifier(qual)
	f.Target, f.ShareValue = floatPtr(target), floatPtr(share)
	f.Location = location(page, sheet, cell, x0, y0, x1, y1)
	return &f, seq, nil
}

// SourceFacts returns a source's facts in reading order, each with its
// review, followed by the facts added to it by review (also those rejected
// since), and its refused values in order.
func (w *Warehouse) SourceFacts(ctx context.Context, sourceID int64) ([]ReviewFact, []RejectedValue, error) {
	facts, err := w.sourceFacts(ctx, sourceID, "")
	if err != nil {
		return nil, nil, err
	}
	rej, err := w.sourceRejected(ctx, sourceID)
	return facts, rej, err
}

// ReviewFactByID returns one fact with its review and the source it
// belongs to; ErrNoSource if there is no such fact.
func (w *Warehouse) ReviewFactByID(ctx context.Context, factID string) (*ReviewFact, *SourceInfo, error) {
	sha, err := w.SourceOfFact(ctx, factID)
	if err != nil {
		return nil, nil, err
	}
	src, err := w.ReviewSource(ctx, sha)
	if err != nil {
		return nil, nil, err
	}
	fs, err := w.sourceFacts(ctx, src.ID, factID)
	if err != nil {
		return nil, nil, err
	}
	if len(fs) == 0 {
		return nil, nil, ErrNoSource
	}
	return &fs[0], src, nil
}

func (w *Warehouse) sourceFacts(ctx context.Context, sourceID int64, factID string) ([]ReviewFact, error) {
	rows, err := w.db.QueryContext(ctx, `WITH `+latestReviews+`
SELECT `+factColumns+`, r.`+reviewColumns2+`
FROM fact_rows f LEFT JOIN latest r ON r.fact_id = f.fact_id
WHERE f.source_id = ? AND (? = '' OR f.fact_id = ?)
ORDER BY f.fact_seq`, sourceID, factID, factID)
	if err != nil {
		return nil, classify(err)
	}
	var out []ReviewFact
	for rows.Next() {
		var rf ReviewFact
		var rcols reviewRow
		f, seq, err := scanFact(rows, rcols.dest()...)
		if err != nil {
			rows.Close()
			return nil, err
		}
		rf.Fact, rf.Read, rf.Seq, rf.Status = *f, f, seq, StatusUnreviewed
		if rcols.id.Valid {
			r := rcols.review()
			rf.Review, rf.Status = r, r.Status
			now := r.Fact
			now.Location, now.Snippet, now.Confidence, now.Total, now.OCR, now.Period = f.Location, f.Snippet, f.Confidence, f.Total, f.OCR, f.Period
			rf.Fact = now
		}
		out = append(out, rf)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	added, err := w.reviews(ctx, `WITH `+latestReviews+`
SELECT r.`+reviewColumns2+` FROM latest r JOIN sources s ON s.sha256 = r.source_sha256
WHERE s.source_id = ? AND (r.read_seq IS NULL OR r.read_text IS NOT NULL)
  AND r.fact_id NOT IN (SELECT fact_id FROM fact_rows) AND (? = '' OR r.fact_id = ?)
ORDER BY r.page NULLS LAST, r.bbox_y1 DESC NULLS LAST, r.review_id`, sourceID, factID, factID)
	if err != nil {
		return nil, err
	}
	for i := range added {
		r := &added[i]
		f := r.Fact
		f.Confidence = 1
		out = append(out, ReviewFact{Fact: f, Seq: -1, Status: r.Status, Review: r})
	}
	return out, nil
}

// reviewColumns2 is reviewColumns for a table aliased r.
var reviewColumns2 = func() string {
	return "review_id, r.fact_id, r.action, r.status, r.reason, r.reviewer, r.reviewed_at, r.source_sha256, r.source_path, " +
		"r.page, r.sheet, r.cell, r.bbox_x0, r.bbox_y0, r.bbox_x1, r.bbox_y1, " +
		"r.activity, r.activity_key, r.indicator, r.indicator_key, r.kind, r.unit, r.value, r.qualifier, r.target, r.share_value, r.share_of, r.snippet, " +
		"r.old_values, r.read_activity_key, r.read_indicator_key, r.read_unit, r.read_value, r.read_seq, r.read_text"
}()

// reviewRow scans the columns of reviews but review_id, in table order,
// where they may be NULL (a LEFT JOIN without a review).
type reviewRow struct {
	id                                                  sql.NullInt64
	factID, action, status, reason, reviewer, sha, path sql.NullString
	at                                                  sql.NullTime
	page                                                sql.NullInt32
	sheet, cell                                         sql.NullString
	x0, y0, x1, y1                                      sql.NullFloat64
	act, actKey, ind, indKey, kind, unit                sql.NullString
	value                                               sql.NullFloat64
	qual                                                sql.NullString
	target, share                                       sql.NullFloat64
	shareOf, snippet, old, rak, rik, ru                 sql.NullString
	rv                                                  sql.NullFloat64
	rseq                                                sql.NullInt32
	rt                                                  sql.NullString
}

// dest lists the fields in the order of reviewColumns.
func (c *reviewRow) dest() []any {
	return []any{&c.id, &c.factID, &c.action, &c.status, &c.reason, &c.reviewer, &c.at, &c.sha, &c.path,
		&c.page, &c.sheet, &c.cell, &c.x0, &c.y0, &c.x1, &c.y1,
		&c.act, &c.actKey, &c.ind, &c.indKey, &c.kind, &c.unit, &c.value, &c.qual, &c.target, &c.share, &c.shareOf, &c.snippet,
		&c.old, &c.rak, &c.rik, &c.ru, &c.rv, &c.rseq, &c.rt}
}

func (c *reviewRow) review() *Review {
	r := &Review{ID: c.id.Int64, FactID: c.factID.String, Action: c.action.String, Status: c.status.String, Reason: c.reason.String,
		Reviewer: c.reviewer.String, At: c.at.Time.UTC(), SourceSHA256: c.sha.String, SourcePath: c.path.String, OldValues: c.old.String}
	r.Fact = letopis.Fact{ID: r.FactID, Activity: c.act.String, ActivityKey: c.actKey.String, Indicator: c.ind.String, IndicatorKey: c.indKey.String,
		Kind: letopis.Kind(c.kind.String), Unit: letopis.Unit(c.unit.String), Value: c.value.Float64, Qualifier: letopis.Qualifier(c.qual.String),
		Target: floatPtr(c.target), ShareValue: floatPtr(c.share), ShareOf: c.shareOf.String, Snippet: c.snippet.String,
		Location: location(c.page, c.sheet, c.cell, c.x0, c.y0, c.x1, c.y1)}
	if c.rseq.Valid {
		r.Read = &ReadFact{ActivityKey: c.rak.String, IndicatorKey: c.rik.String, Unit: c.ru.String, Value: c.rv.Float64, Seq: int(c.rseq.Int32), Text: c.rt.String}
	}
	return r
}

func (w *Warehouse) sourceRejected(ctx context.Context, sourceID int64) ([]RejectedValue, error) {
	rows, err := w.db.QueryContext(ctx, `WITH `+latestReviews+`
SELECT v.text, v.reason, v.activity, v.page, v.sheet, v.cell, v.snippet, v.bbox_x0, v.bbox_y0, v.bbox_x1, v.bbox_y1,
       coalesce(v.rejected_seq, -1), p.fact_id
FROM rejected_values v JOIN sources s ON s.source_id = v.source_id
LEFT JOIN latest p ON p.source_sha256 = s.sha256 AND p.read_text IS NOT NULL AND p.read_seq = v.rejected_seq AND p.status <> 'rejected'
WHERE v.source_id = ? ORDER BY v.rejected_seq`, sourceID)
	if err != nil {
		return nil, classify(err)
	}
	defer rows.Close()
	var out []RejectedValue
	for rows.Next() {
		var v RejectedValue
		var act, sheet, cell, snippet, promoted sql.NullString
		var page sql.NullInt32
		var x0, y0, x1, y1 sql.NullFloat64
		if err := rows.Scan(&v.Text, &v.Reason, &act, &page, &sheet, &cell, &snippet, &x0, &y0, &x1, &y1, &v.Seq, &promoted); err != nil {
			return nil, err
		}
		v.Activity, v.Snippet, v.PromotedTo = act.String, snippet.String, promoted.String
		v.Location = location(page, sheet, cell, x0, y0, x1, y1)
		out = append(out, v)
	}
	return out, rows.Err()
}

// SeriesPoint is one fact of an indicator across years, from the view
// facts (aliases and reviews applied).
type SeriesPoint struct {
	Year                             int
	Value                            float64
	Unit, Qualifier                  string
	Activity, ActivityKey, Indicator string
	Organisation                     string
	FactID, SourcePath, Status       string
	SourceSHA256                     string
	Page                             int
	Sheet, Cell                      string
	Total                            bool
}

// IndicatorSeries returns the facts of an indicator key (as the view
// facts shows it) by year.
func (w *Warehouse) IndicatorSeries(ctx context.Context, key string) ([]SeriesPoint, error) {
	rows, err := w.db.QueryContext(ctx, `SELECT coalesce(f.report_year, 0), f.value, f.unit, f.qualifier, coalesce(f.activity, ''), coalesce(f.activity_key, ''),
       f.indicator, coalesce(f.organisation, ''), f.fact_id, f.source_file, f.review_status, f.source_sha256, coalesce(f.page, 0),
       coalesce(f.sheet, ''), coalesce(f.cell, ''), f.is_total
FROM facts f
WHERE f.indicator_key = ?
ORDER BY f.report_year, f.organisation, f.activity_key, f.source_file, f.fact_seq NULLS LAST`, key)
	if err != nil {
		return nil, classify(err)
	}
	defer rows.Close()
	var out []SeriesPoint
	for rows.Next() {
		var p SeriesPoint
		if err := rows.Scan(&p.Year, &p.Value, &p.Unit, &p.Qualifier, &p.Activity, &p.ActivityKey, &p.Indicator, &p.Organisation,
			&p.FactID, &p.SourcePath, &p.Status, &p.SourceSHA256, &p.Page, &p.Sheet, &p.Cell, &p.Total); err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// IndicatorKey is an indicator key with how many years report it.
type IndicatorKey struct {
	Key, Indicator string
	Years, Facts   int
}

// IndicatorKeys lists the indicator keys of the view facts, those of more
// years first.
func (w *Warehouse) IndicatorKeys(ctx context.Context, limit int) ([]IndicatorKey, error) {
	rows, err := w.db.QueryContext(ctx, `SELECT indicator_key, min(indicator), count(DISTINCT report_year), count(*)
FROM facts GROUP BY indicator_key ORDER BY 3 DESC, 4 DESC, 1 LIMIT ?`, limit)
	if err != nil {
		return nil, classify(err)
	}
	defer rows.Close()
	var out []IndicatorKey
	for rows.Next() {
		var k IndicatorKey
		if err := rows.Scan(&k.Key, &k.Indicator, &k.Years, &k.Facts); err != nil {
			return nil, err
		}
		out = append(out, k)
	}
	return out, rows.Err()
}
