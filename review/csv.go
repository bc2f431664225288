package review

import (
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/letopis/letopis"
	"github.com/letopis/letopis/load"
)

// csvColumns are the columns of an export, one review a row, as the table
// reviews has them (review_id aside: each warehouse numbers its own).
var csvColumns = []string{"fact_id", "action", "status", "reason", "reviewer", "reviewed_at", "source_sha256", "source_path",
	"page", "sheet", "cell", "bbox_x0", "bbox_y0", "bbox_x1", "bbox_y1",
	"activity", "activity_key", "indicator", "indicator_key", "kind", "unit", "value", "qualifier", "target", "share_value", "share_of", "snippet",
	"old_values", "read_activity_key", "read_indicator_key", "read_unit", "read_value", "read_seq", "read_text"}

// Export writes every review of the warehouse as CSV (a header row, then
// one review a row, oldest first) and returns how many.
func (s *Service) Export(ctx context.Context, w io.Writer) (int, error) {
	var rs []load.Review
	if err := s.read(ctx, func(st Store) error {
		var err error
		rs, err = st.Reviews(ctx)
		return err
	}); err != nil {
		return 0, err
	}
	cw := csv.NewWriter(w)
	if err := cw.Write(csvColumns); err != nil {
		return 0, err
	}
	for i := range rs {
		if err := cw.Write(csvRow(&rs[i])); err != nil {
			return 0, err
		}
	}
	cw.Flush()
	return len(rs), cw.Error()
}

func num(f float64) string { return strconv.FormatFloat(f, 'g', -1, 64) }

func optNum(f *float64) string {
	if f == nil {
		return ""
	}
	return num(*f)
}

func csvRow(r *load.Review) []string {
	f := &r.Fact
	box := [4]string{}
	if b := f.Location.BBox; b != (letopis.BBox{}) {
		box = [4]string{num(b.X0), num(b.Y0), num(b.X1), num(b.Y1)}
	}
	page := ""
	if f.Location.Page > 0 {
		page = strconv.Itoa(f.Location.Page)
	}
	row := []string{r.FactID, r.Action, r.Status, r.Reason, r.Reviewer, r.At.UTC().Format(time.RFC3339Nano), r.SourceSHA256, r.SourcePath,
		page, f.Location.Sheet, f.Location.Cell, box[0], box[1], box[2], box[3],
		f.Activity, f.ActivityKey, f.Indicator, f.IndicatorKey, string(f.Kind), string(f.Unit), num(f.Value), string(f.Qualifier),
		optNum(f.Target), optNum(f.ShareValue), f.ShareOf, f.Snippet, r.OldValues}
	if r.Read == nil {
		return append(row, "", "", "", "", "", "")
	}
	return append(row, r.Read.ActivityKey, r.Read.IndicatorKey, r.Read.Unit, num(r.Read.Value), strconv.Itoa(r.Read.Seq), r.Read.Text)
}

// ImportResult says what an import of reviews did.
type ImportResult struct {
	Read, Added  int // reviews in the file, and of them those not already in the warehouse
	Apply, Stale int // reviewed facts of the warehouse whose correction applies, and those whose fact is not here
}

// Import reads reviews exported by Export (from this or another
// warehouse) and adds those not already there, under the warehouse's
// lock. A correction applies where the warehouse has its fact: the same
// source bytes, or a version of the same report that still has it (see
// load.Warehouse.ImportReviews). name names the file in errors, which
// say the line and what is wrong; nothing is added then.
func (s *Service) Import(ctx context.Context, r io.Reader, name string) (*ImportResult, error) {
	rs, err := ReadCSV(r, name)
	if err != nil {
		return nil, err
	}
	res := &ImportResult{Read: len(rs)}
	err = s.write(ctx, func(st Store) error {
		var err error
		res.Added, res.Apply, res.Stale, err = st.ImportReviews(ctx, rs)
		return err
	})
	if err != nil {
		return nil, err
	}
	return res, nil
}

// ReadCSV reads the reviews of an export, checking every value; an error
// names the file and line.
func ReadCSV(r io.Reader, name string) ([]load.Review, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	head, err := cr.Read()
	if errors.Is(err, io.EOF) {
		return nil, &letopis.InputError{Path: name, Err: errors.New("empty file: want the header of a letopis review export")}
	}
	if err != nil {
		return nil, letopis.InFile(name, err)
	}
	col := map[string]int{}
	for i, h := range head {
		col[strings.TrimPrefix(strings.TrimSpace(h), "\ufeff")] = i
	}
	for _, c := range csvColumns {
		if _, ok := col[c]; !ok {
			return nil, &letopis.InputError{Path: name, Line: 1, Err: fmt.Errorf("no column %s: not a letopis review export", c)}
		}
	}
	var out []load.Review
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		line, _ := cr.FieldPos(0)
		if err != nil {
			return nil, letopis.InFile(name, err)
		}
		rv, err := parseRow(func(c string) string {
			if i := col[c]; i < len(rec) {
				return strings.TrimSpace(rec[i])
			}
			return ""
		})
		if err != nil {
			return nil, &letopis.InputError{Path: name, Line: line, Err: err}
		}
		out = append(out, *rv)
	}
}

func parseRow(get func(string) string) (*load.Review, error) {
	r := &load.Review{FactID: get("fact_id"), Action: get("action"), Status: get("status"), Reason: get("reason"), Reviewer: get("reviewer"),
		SourceSHA256: get("source_sha256"), SourcePath: get("source_path"), OldValues: get("old_values")}
	if r.FactID == "" || r.SourceSHA256 == "" || r.Reviewer == "" {
		return nil, errors.New("fact_id, source_sha256 and reviewer must not be empty")
	}
	switch r.Action {
	case load.ActionAccept, load.ActionReject, load.ActionEdit, load.ActionAdd, load.ActionPromote:
	default:
		return nil, fmt.Errorf("action %q: want accept, reject, edit, add or promote", r.Action)
	}
	switch r.Status {
	case load.StatusAccepted, load.StatusCorrected, load.StatusAdded, load.StatusRejected:
	default:
		return nil, fmt.Errorf("status %q: want accepted, corrected, added or rejected", r.Status)
	}
	var err error
	if r.At, err = time.Parse(time.RFC3339Nano, get("reviewed_at")); err != nil {
		return nil, fmt.Errorf("reviewed_at %q: want a time such as 2026-11-26T10:00:00Z", get("reviewed_at"))
	}
	f := &r.Fact
	f.ID = r.FactID
	f.Activity, f.ActivityKey, f.Indicator, f.IndicatorKey = get("activity"), get("activity_key"), get("indicator"), get("indicator_key")
	f.ShareOf, f.Snippet = get("share_of"), get("snippet")
	f.Kind, f.Unit, f.Qualifier = letopis.Kind(get("kind")), letopis.Unit(get("unit")), letopis.Qualifier(get("qualifier"))
	if !f.Kind.Valid() || !f.Unit.Valid() || !f.Qualifier.Valid() {
		return nil, fmt.Errorf("kind %q, unit %q or qualifier %q is not in the vocabulary", f.Kind, f.Unit, f.Qualifier)
	}
	if f.Indicator == "" || f.IndicatorKey == "" {
		return nil, errors.New("indicator and indicator_key must not be empty")
	}
	numField := func(c string) (*float64, error) {
		v := get(c)
		if v == "" {
			return nil, nil
		}
		x, err := strconv.ParseFloat(v, 64)
		if err != nil {
			return nil, fmt.Errorf("%s %q: not a number", c, v)
		}
		return &x, nil
	}
	intField := func(c string) (int, bool, error) {
		v := get(c)
		if v == "" {
			return 0, false, nil
		}
		n, err := strconv.Atoi(v)
		if err != nil {
			return 0, false, fmt.Errorf("%s %q: not a whole number", c, v)
		}
		return n, true, nil
	}
	v, err := numField("value")
	if err != nil {
		return nil, err
	}
	if v == nil {
		return nil, errors.New("value must not be empty")
	}
	f.Value = *v
	if f.Target, err = numField("target"); err != nil {
		return nil, err
	}
	if f.ShareValue, err = numField("share_value"); err != nil {
		return nil, err
	}
	page, _, err := intField("page")
	if err != nil {
		return nil, err
	}
	f.Location = letopis.Location{Page: page, Sheet: get("sheet"), Cell: get("cell")}
	var box [4]*float64
	for i, c := range []string{"bbox_x0", "bbox_y0", "bbox_x1", "bbox_y1"} {
		if box[i], err = numField(c); err != nil {
			return nil, err
		}
	}
	if box[0] != nil && box[1] != nil && box[2] != nil && box[3] != nil {
		f.Location.BBox = letopis.BBox{X0: *box[0], Y0: *box[1], X1: *box[2], Y1: *box[3]}
	}
	seq, ok, err := intField("read_seq")
	if err != nil {
		return nil, err
	}
	if ok {
		rv, err := numField("read_value")
		if err != nil {
			return nil, err
		}
		r.Read = &load.ReadFact{ActivityKey: get("read_activity_key"), IndicatorKey: get("read_indicator_key"), Unit: get("read_unit"), Seq: seq, Text: get("read_text")}
		if rv != nil {
			r.Read.Value = *rv
		}
	}
	return r, nil
}
