package load

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/letopis/letopis"
)

// The review statuses of a fact (the view facts's review_status; a
// rejected fact is not in the view).
const (
	StatusUnreviewed = "unreviewed"
	StatusAccepted   = "accepted"
	StatusCorrected  = "corrected"
	StatusAdded      = "added"
	StatusRejected   = "rejected"
)

// The actions of a review.
const (
	ActionAccept  = "accept"
	ActionReject  = "reject"
	ActionEdit    = "edit"
	ActionAdd     = "add"
	ActionPromote = "promote"
)

// Review is one correction of a fact, a row of the table reviews.
type Review struct {
	ID       int64
	FactID   string
	Action   string // accept, reject, edit, add, promote
	Status   string // the fact's status after it: accepted, corrected, added, rejected
	Reason   string
	Reviewer string
	At       time.Time
	// SourceSHA256 and SourcePath name the source the fact was read from
	// (or added to).
	SourceSHA256, SourcePath string
	// Fact is the fact after the review: its values, Location and Snippet
	// (Fact.ID is FactID).
	Fact letopis.Fact
	// OldValues is a JSON object of the values the review changed, as they
	// were before it; "" for none.
	OldValues string
	// Read is the fact as the import read it, to find it again in a new
	// version of the report; nil for a fact added by review.
	Read *ReadFact
}

// ReadFact is what a review keeps of the fact as the import read it.
type ReadFact struct {
	ActivityKey, IndicatorKey, Unit string
	Value                           float64
	Seq                             int    // its fact_seq, or for a promoted refused value its rejected_seq
	Text                            string // a promoted refused value: its text; "" for a fact
}

// Promoted reports whether r's fact is a refused value made a fact.
func (r *Review) Promoted() bool { return r.Read != nil && r.Read.Text != "" }

// Added reports whether r's fact was added by review (missed, or promoted
// from a refused value) rather than read as a fact by the import.
func (r *Review) Added() bool { return r.Read == nil || r.Read.Text != "" }

// latestReviews is the CTE of the latest review row of each fact.
const latestReviews = `latest AS (
    SELECT * FROM reviews
    QUALIFY row_number() OVER (PARTITION BY fact_id ORDER BY review_id DESC) = 1
)`

// reviewColumns are the columns of reviews in the order scanReview reads
// and AddReview writes them.
const reviewColumns = `review_id, fact_id, action, status, reason, reviewer, reviewed_at, source_sha256, source_path,
    page, sheet, cell, bbox_x0, bbox_y0, bbox_x1, bbox_y1,
    activity, activity_key, indicator, indicator_key, kind, unit, value, qualifier, target, share_value, share_of, snippet,
    old_values, read_activity_key, read_indicator_key, read_unit, read_value, read_seq, read_text`

type scanner interface{ Scan(dest ...any) error }

func scanReview(s scanner) (*Review, error) {
	var c reviewRow
	if err := s.Scan(c.dest()...); err != nil {
		return nil, err
	}
	return c.review(), nil
}

func floatPtr(f sql.NullFloat64) *float64 {
	if !f.Valid {
		return nil
	}
	return letopis.Float(f.Float64)
}

func location(page sql.NullInt32, sheet, cell sql.NullString, x0, y0, x1, y1 sql.NullFloat64) letopis.Location {
	l := letopis.Location{Page: int(page.Int32), Sheet: sheet.String, Cell: cell.String}
	if x0.Valid && y0.Valid && x1.Valid && y1.Valid {
		l.BBox = letopis.BBox{X0: x0.Float64, Y0: y0.Float64, X1: x1.Float64, Y1: y1.Float64}
	}
	return l
}

// reviewValues are r's values in the order of reviewColumns, without
// review_id.
func reviewValues(r *Review) []any {
	f := &r.Fact
	b := bboxValues(f.Location.BBox)
	v := []any{r.FactID, r.Action, r.Status, nullString(r.Reason), r.Reviewer, r.At.UTC(), r.SourceSHA256, nullString(r.SourcePath),
		nullPage(f.Location.Page), nullString(f.Location.Sheet), nullString(f.Location.Cell), b[0], b[1], b[2], b[3],
		nullString(f.Activity), nullString(f.ActivityKey), f.Indicator, f.IndicatorKey, string(f.Kind), string(f.Unit), f.Value, string(f.Qualifier),
		nullFloat(f.Target), nullFloat(f.ShareValue), nullString(f.ShareOf), nullString(f.Snippet), nullString(r.OldValues)}
	if r.Read == nil {
		return append(v, nil, nil, nil, nil, nil, nil)
	}
	return append(v, nullString(r.Read.ActivityKey), nullString(r.Read.IndicatorKey), nullString(r.Read.Unit), r.Read.Value, int32(r.Read.Seq), nullString(r.Read.Text))
}

func bboxValues(b letopis.BBox) [4]any {
	if b == (letopis.BBox{}) {
		return [4]any{}
	}
	return [4]any{b.X0, b.Y0, b.X1, b.Y1}
}

// AddReview records one review and sets r.ID.
func (w *Warehouse) AddReview(ctx context.Context, r *Review) error {
	if w.readOnly {
		return &WarehouseError{w.path, errors.New("opened read-only")}
	}
	err := w.db.QueryRowContext(ctx, `INSERT INTO reviews (`+reviewColumns+`) VALUES (nextval('review_ids'), `+placeholders(34)+`) RETURNING review_id`,
		reviewValues(r)...).Scan(&r.ID)
	return classifyErr(err)
}

func placeholders(n int) string { return strings.TrimSuffix(strings.Repeat("?, ", n), ", ") }

func classifyErr(err error) error {
	if err == nil {
		return nil
	}
	return classify(err)
}

// Reviews returns every review in the order they were made.
func (w *Warehouse) Reviews(ctx context.Context) ([]Review, error) {
	return w.reviews(ctx, `SELECT `+reviewColumns+` FROM reviews ORDER BY review_id`)
}

// StaleReviews returns the latest review of each fact that no longer
// applies: a fact read by the import that is not in the warehouse (its
// report was replaced by a version without it, or the review came from
// another warehouse), or a fact added to a source that is not there.
func (w *Warehouse) StaleReviews(ctx context.Context) ([]Review, error) {
	return w.reviews(ctx, `WITH `+latestReviews+` SELECT `+reviewColumns+` FROM latest r
WHERE CASE WHEN r.read_seq IS NOT NULL AND r.read_text IS NULL THEN r.fact_id NOT IN (SELECT fact_id FROM fact_rows)
           ELSE r.source_sha256 NOT IN (SELECT sha256 FROM sources) END
ORDER BY r.source_path, r.page, r.review_id`)
}

// FactReviews returns the reviews of one fact, oldest first.
func (w *Warehouse) FactReviews(ctx context.Context, factID string) ([]Review, error) {
	return w.reviews(ctx, `SELECT `+reviewColumns+` FROM reviews WHERE fact_id = ? ORDER BY review_id`, factID)
}

func (w *Warehouse) reviews(ctx context.Context, q string, args ...any) ([]Review, error) {
	rows, err := w.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, classify(err)
	}
	defer rows.Close()
	var out []Review
	for rows.Next() {
		r, err := scanReview(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, *r)
	}
	return out, rows.Err()
}

// ImportReviews adds reviews made elsewhere (another warehouse's export),
// in their order, leaving out each that is already here (the same fact,
// action, reviewer and time), and then finds their facts as an import
// does (see carryReviews). It returns how many were added, and of the
// facts reviewed, how many apply here and how many do not.
func (w *Warehouse) ImportReviews(ctx context.Context, rs []Review) (added, apply, stale int, err error) {
	if w.readOnly {
		return 0, 0, 0, &WarehouseError{w.path, errors.New("opened read-only")}
	}
	conn, err := w.db.Conn(ctx)
	if err != nil {
		return 0, 0, 0, classify(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "BEGIN TRANSACTION"); err != nil {
		return 0, 0, 0, classify(err)
	}
	committed := false
	defer func() {
		if !committed {
			_, _ = conn.ExecContext(context.Background(), "ROLLBACK")
		}
	}()
	for i := range rs {
		r := &rs[i]
		var n int
		if err := conn.QueryRowContext(ctx, `SELECT count(*) FROM reviews WHERE fact_id = ? AND action = ? AND reviewer = ? AND reviewed_at = ?`,
			r.FactID, r.Action, r.Reviewer, r.At.UTC()).Scan(&n); err != nil {
			return 0, 0, 0, err
		}
		if n > 0 {
			continue
		}
		if _, err := conn.ExecContext(ctx, `INSERT INTO reviews (`+reviewColumns+`) VALUES (nextval('review_ids'), `+placeholders(34)+`)`, reviewValues(r)...); err != nil {
			return 0, 0, 0, fmt.Errorf("review %d of fact %s: %w", i+1, r.FactID, err)
		}
		added++
	}
	rows, err := conn.QueryContext(ctx, `SELECT source_id, path, sha256 FROM sources ORDER BY source_id`)
	if err != nil {
		return 0, 0, 0, err
	}
	type src struct {
		id        int32
		path, sha string
	}
	var srcs []src
	for rows.Next() {
		var s src
		if err := rows.Scan(&s.id, &s.path, &s.sha); err != nil {
			rows.Close()
			return 0, 0, 0, err
		}
		srcs = append(srcs, s)
	}
	rows.Close()
	for _, s := range srcs {
		if _, _, err := carryReviews(ctx, conn, s.id, s.path, s.sha); err != nil {
			return 0, 0, 0, err
		}
	}
	if err := conn.QueryRowContext(ctx, `WITH `+latestReviews+`
SELECT count(*) FILTER (WHERE ok), count(*) FILTER (WHERE NOT ok) FROM (
  SELECT CASE WHEN r.read_seq IS NOT NULL AND r.read_text IS NULL THEN r.fact_id IN (SELECT fact_id FROM fact_rows)
              ELSE r.source_sha256 IN (SELECT sha256 FROM sources) END AS ok
  FROM latest r)`).Scan(&apply, &stale); err != nil {
		return 0, 0, 0, err
	}
	if _, err := conn.ExecContext(ctx, "COMMIT"); err != nil {
		return 0, 0, 0, classify(err)
	}
	committed = true
	return added, apply, stale, nil
}

// carryReviews keeps the corrections of a source loaded anew, inside the
// load's transaction: the reviews of its bytes (an import with --force)
// and those left by an earlier version under the same path (replaced in
// this load) or by any version no longer in the warehouse. A correction
// is kept when its fact is still there:
//
//   - a fact the import read: the same fact id (the same bytes), else a
//     fact of the new version with the same activity and indicator keys,
//     unit and value as the import read them, the one nearest in reading
//     order; its reviews then follow it (fact id, source, place);
//   - a refused value promoted to a fact: the same bytes, else a value
//     refused in the new version with the same text, nearest in order;
//   - a fact added by review: the same bytes, else it is carried to the
//     new version unless the import now reads that fact itself (the same
//     activity and indicator keys and value), which would count it twice.
//
// It returns how many reviewed facts keep their corrections and how many
// do not (those stay in reviews, listed by StaleReviews).
func carryReviews(ctx context.Context, conn *sql.Conn, sourceID int32, path, sha string) (kept, stale int, err error) {
	type cand struct {
		factID, sha        string
		readSeq            sql.NullInt32
		readText, rak, rik sql.NullString
		ru                 sql.NullString
		rv                 sql.NullFloat64
		actKey, indKey     sql.NullString
		value              float64
	}
	rows, err := conn.QueryContext(ctx, `WITH `+latestReviews+`
SELECT fact_id, source_sha256, read_seq, read_text, read_activity_key, read_indicator_key, read_unit, read_value, activity_key, indicator_key, value
FROM latest WHERE source_sha256 = ? OR (source_path = ? AND source_sha256 NOT IN (SELECT sha256 FROM sources))
ORDER BY read_seq NULLS LAST, fact_id`, sha, path)
	if err != nil {
		return 0, 0, err
	}
	var cands []cand
	for rows.Next() {
		var c cand
		if err := rows.Scan(&c.factID, &c.sha, &c.readSeq, &c.readText, &c.rak, &c.rik, &c.ru, &c.rv, &c.actKey, &c.indKey, &c.value); err != nil {
			rows.Close()
			return 0, 0, err
		}
		cands = append(cands, c)
	}
	rows.Close()
	if err := rows.Err(); err != nil || len(cands) == 0 {
		return 0, 0, err
	}

	type place struct {
		id                 string
		seq                int
		actKey, indKey, ut string
		value              float64
		text               string
		page               sql.NullInt32
		sheet, cell        sql.NullString
		x0, y0, x1, y1     sql.NullFloat64
	}
	read := func(q string) ([]place, error) {
		rows, err := conn.QueryContext(ctx, q, sourceID)
		if err != nil {
			return nil, err
		}
		defer rows.Close()
		var out []place
		for rows.Next() {
			var p place
			var ak, ik sql.NullString
			if err := rows.Scan(&p.id, &p.seq, &ak, &ik, &p.ut, &p.value, &p.text, &p.page, &p.sheet, &p.cell, &p.x0, &p.y0, &p.x1, &p.y1); err != nil {
				return nil, err
			}
			p.actKey, p.indKey = ak.String, ik.String
			out = append(out, p)
		}
		return out, rows.Err()
	}
	facts, err := read(`SELECT fact_id, fact_seq, activity_key, indicator_key, unit::VARCHAR, value, '', page, sheet, cell, bbox_x0, bbox_y0, bbox_x1, bbox_y1
FROM fact_rows WHERE source_id = ? ORDER BY fact_seq`)
	if err != nil {
		return 0, 0, err
	}
	refused, err := read(`SELECT '', coalesce(rejected_seq, 0), NULL, NULL, '', 0, text, page, sheet, cell, bbox_x0, bbox_y0, bbox_x1, bbox_y1
FROM rejected_values WHERE source_id = ? ORDER BY rejected_seq`)
	if err != nil {
		return 0, 0, err
	}
	byID := make(map[string]bool, len(facts))
	for _, f := range facts {
		byID[f.id] = true
	}
	usedFact, usedRefused := map[int]bool{}, map[int]bool{}
	nearest := func(ps []place, used map[int]bool, seq int, match func(p *place) bool) int {
		best, dist := -1, math.MaxInt
		for i := range ps {
			if used[i] || !match(&ps[i]) {
				continue
			}
			if d := abs(ps[i].seq - seq); d < dist {
				best, dist = i, d
			}
		}
		return best
	}
	move := func(c cand, newID string, p *place) error {
		_, err := conn.ExecContext(ctx, `UPDATE reviews SET fact_id = ?, source_sha256 = ?, source_path = ?, page = ?, sheet = ?, cell = ?,
    bbox_x0 = ?, bbox_y0 = ?, bbox_x1 = ?, bbox_y1 = ?, read_seq = ? WHERE fact_id = ?`,
			newID, sha, path, p.page, p.sheet, p.cell, p.x0, p.y0, p.x1, p.y1, int32(p.seq), c.factID)
		return err
	}
	for _, c := range cands {
		switch {
		case c.readSeq.Valid && !c.readText.Valid: // a fact the import read
			if byID[c.factID] {
				kept++
				continue
			}
			i := nearest(facts, usedFact, int(c.readSeq.Int32), func(p *place) bool {
				return p.actKey == c.rak.String && p.indKey == c.rik.String && p.ut == c.ru.String && p.value == c.rv.Float64
			})
			if i < 0 {
				stale++
				continue
			}
			usedFact[i] = true
			if err := move(c, facts[i].id, &facts[i]); err != nil {
				return 0, 0, err
			}
			kept++
		case c.readText.Valid: // a refused value promoted
			i := nearest(refused, usedRefused, int(c.readSeq.Int32), func(p *place) bool { return p.text == c.readText.String })
			if c.sha == sha && i >= 0 && refused[i].seq == int(c.readSeq.Int32) {
				usedRefused[i] = true
				kept++
				continue
			}
			if i < 0 {
				stale++
				continue
			}
			usedRefused[i] = true
			if err := move(c, c.factID, &refused[i]); err != nil {
				return 0, 0, err
			}
			kept++
		default: // a fact added by review
			if c.sha == sha {
				kept++
				continue
			}
			if nearest(facts, nil, 0, func(p *place) bool {
				return p.actKey == c.actKey.String && p.indKey == c.indKey.String && p.value == c.value
			}) >= 0 {
				stale++
				continue
			}
			if _, err := conn.ExecContext(ctx, `UPDATE reviews SET source_sha256 = ?, source_path = ? WHERE fact_id = ?`, sha, path, c.factID); err != nil {
				return 0, 0, err
			}
			kept++
		}
	}
	return kept, stale, nil
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
