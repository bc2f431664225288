package review

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/letopis/letopis"
	"github.com/letopis/letopis/load"
	"github.com/letopis/letopis/transform"
	"github.com/letopis/letopis/transform/slnum"
)

// Correction is what a reviewer does to one fact.
type Correction struct {
	// Action is accept, reject, edit, add (a fact the import missed) or
	// promote (a refused value made a fact).
	Action string `json:"action"`
	// FactID names the fact to accept, reject or edit.
	FactID string `json:"fact_id,omitempty"`
	// Reason says why a fact is rejected.
	Reason string `json:"reason,omitempty"`
	// Set holds the values an edit, add or promote sets, by field name
	// (Fields), as typed: numbers with a decimal comma (1.234,5) or point
	// (1234.5); "" clears an optional value (target, share_value,
	// share_of, activity).
	Set map[string]string `json:"set,omitempty"`
	// Source is the SHA-256 (hex) of the source a fact is added to or a
	// refused value is promoted from.
	Source string `json:"source,omitempty"`
	// Page, BBox (PDF points: x0, y0, x1, y1), Sheet and Cell say where a
	// missed fact is on its source; Snippet is the text selected there.
	Page    int         `json:"page,omitempty"`
	BBox    *[4]float64 `json:"bbox,omitempty"`
	Sheet   string      `json:"sheet,omitempty"`
	Cell    string      `json:"cell,omitempty"`
	Snippet string      `json:"snippet,omitempty"`
	// RefusedSeq names the refused value to promote.
	RefusedSeq int `json:"refused_seq,omitempty"`
}

// Fields are the values of a fact a correction can set.
var Fields = []string{"value", "unit", "qualifier", "kind", "target", "share_value", "share_of",
	"activity", "activity_key", "indicator", "indicator_key"}

// InvalidError is a correction that cannot be applied as given: a value
// that is not a number, a unit not in the vocabulary, a missing fact.
type InvalidError struct{ Msg string }

func (e *InvalidError) Error() string { return e.Msg }

func invalid(format string, args ...any) error { return &InvalidError{fmt.Sprintf(format, args...)} }

// Correct records a correction, under the warehouse's lock, and returns
// the fact as it stands after it.
func (s *Service) Correct(ctx context.Context, c Correction) (*load.ReviewFact, error) {
	for k := range c.Set {
		if !validField(k) {
			return nil, invalid("unknown field %q (want one of %s)", k, strings.Join(Fields, ", "))
		}
	}
	var out *load.ReviewFact
	err := s.write(ctx, func(st Store) error {
		r, err := s.review(ctx, st, c)
		if err != nil {
			return err
		}
		if err := st.AddReview(ctx, r); err != nil {
			return err
		}
		out, _, err = st.ReviewFactByID(ctx, r.FactID)
		return err
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

func validField(k string) bool {
	for _, f := range Fields {
		if f == k {
			return true
		}
	}
	return false
}

// review builds the review row of a correction from the fact's state.
func (s *Service) review(ctx context.Context, st Store, c Correction) (*load.Review, error) {
	r := &load.Review{Action: c.Action, Reviewer: s.Reviewer, At: s.now()}
	switch c.Action {
	case load.ActionAccept, load.ActionReject, load.ActionEdit:
		rf, src, err := st.ReviewFactByID(ctx, c.FactID)
		if errors.Is(err, load.ErrNoSource) {
			return nil, invalid("no fact %q", c.FactID)
		}
		if err != nil {
			return nil, err
		}
		r.FactID, r.SourceSHA256, r.SourcePath, r.Fact = rf.ID, src.SHA256, src.Path, rf.Fact
		if rf.Review != nil {
			r.Read = rf.Review.Read // a fact added by review: what it was made from
		}
		if rf.Read != nil {
			r.Read = &load.ReadFact{ActivityKey: rf.Read.ActivityKey, IndicatorKey: rf.Read.IndicatorKey, Unit: string(rf.Read.Unit), Value: rf.Read.Value, Seq: rf.Seq}
		}
		old := r.Fact
		switch c.Action {
		case load.ActionReject:
			if strings.TrimSpace(c.Reason) == "" {
				return nil, invalid("a rejection needs a reason")
			}
			r.Status, r.Reason = load.StatusRejected, strings.TrimSpace(c.Reason)
			return r, nil
		case load.ActionEdit:
			if len(c.Set) == 0 {
				return nil, invalid("an edit sets no value")
			}
			if err := apply(&r.Fact, c.Set); err != nil {
				return nil, err
			}
			r.OldValues = changed(old, r.Fact)
		}
		r.Reason = strings.TrimSpace(c.Reason)
		r.Status = status(rf, &r.Fact)
		return r, nil
	case load.ActionAdd, load.ActionPromote:
		var src *load.SourceInfo
		var refused *load.RejectedValue
		si, err := st.ReviewSource(ctx, c.Source)
		if errors.Is(err, load.ErrNoSource) {
			return nil, invalid("no source %q", c.Source)
		}
		if err != nil {
			return nil, err
		}
		src = si
		r.SourceSHA256, r.SourcePath, r.Status = src.SHA256, src.Path, load.StatusAdded
		f := &r.Fact
		f.Kind, f.Unit, f.Qualifier = letopis.KindOther, letopis.UnitOther, letopis.Exact
		if c.Action == load.ActionPromote {
			_, rej, err := st.SourceFacts(ctx, src.ID)
			if err != nil {
				return nil, err
			}
			for i := range rej {
				if rej[i].Seq == c.RefusedSeq {
					refused = &rej[i]
				}
			}
			if refused == nil {
				return nil, invalid("source %s has no refused value %d", src.Path, c.RefusedSeq)
			}
			f.Location, f.Snippet, f.Activity = refused.Location, refused.Snippet, refused.Activity
			if f.Activity != "" {
				f.ActivityKey = transform.ActivityKey(f.Activity)
			}
			if v, err := parseNumber(refused.Text); err == nil {
				f.Value = v
			}
			r.Read = &load.ReadFact{Seq: refused.Seq, Text: refused.Text}
			r.FactID = idOf(src.SHA256, "refused", strconv.Itoa(refused.Seq))
		} else {
			if c.Page <= 0 && (c.Sheet == "" || c.Cell == "") {
				return nil, invalid("an added fact needs its page (and box) or its sheet and cell")
			}
			f.Location = letopis.Location{Page: c.Page, Sheet: c.Sheet, Cell: c.Cell}
			if c.BBox != nil {
				b := letopis.BBox{X0: c.BBox[0], Y0: c.BBox[1], X1: c.BBox[2], Y1: c.BBox[3]}
				if b.X0 > b.X1 || b.Y0 > b.Y1 || math.IsNaN(b.X0+b.Y0+b.X1+b.Y1) || math.IsInf(b.X0+b.Y0+b.X1+b.Y1, 0) {
					return nil, invalid("a box must have x0 ≤ x1 and y0 ≤ y1")
				}
				f.Location.BBox = b
			}
			f.Snippet = strings.TrimSpace(c.Snippet)
			r.FactID = idOf(src.SHA256, "added", f.Location.String(), fmt.Sprint(f.Location.BBox), r.At.String(), s.Reviewer)
			if _, ok := c.Set["value"]; !ok {
				return nil, invalid("an added fact needs its value")
			}
		}
		if err := apply(f, c.Set); err != nil {
			return nil, err
		}
		if strings.TrimSpace(f.Indicator) == "" {
			return nil, invalid("an added fact needs its indicator (what is counted)")
		}
		if f.Period.IsZero() && src.Year != 0 {
			f.Period = letopis.YearPeriod(src.Year)
		}
		f.ID = r.FactID
		r.Reason = strings.TrimSpace(c.Reason)
		return r, nil
	}
	return nil, invalid("unknown action %q (want accept, reject, edit, add or promote)", c.Action)
}

// status is the review status of a fact after a review that leaves it in
// state now.
func status(rf *load.ReviewFact, now *letopis.Fact) string {
	if rf.Read == nil {
		return load.StatusAdded
	}
	if changed(*rf.Read, *now) != "" {
		return load.StatusCorrected
	}
	return load.StatusAccepted
}

// apply sets the fields of set on f, checking each value.
func apply(f *letopis.Fact, set map[string]string) error {
	keys := make([]string, 0, len(set))
	for k := range set {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	setInd, setAct := false, false
	for _, k := range keys {
		v := strings.TrimSpace(set[k])
		var err error
		switch k {
		case "value":
			f.Value, err = parseNumber(v)
		case "target":
			f.Target, err = optNumber(v)
		case "share_value":
			f.ShareValue, err = optNumber(v)
		case "share_of":
			f.ShareOf = v
		case "unit":
			if f.Unit = letopis.Unit(v); !f.Unit.Valid() {
				err = fmt.Errorf("not a unit (want one of %v)", letopis.Units)
			}
		case "qualifier":
			if f.Qualifier = letopis.Qualifier(v); !f.Qualifier.Valid() {
				err = errors.New("not a qualifier (want exact, approx, at_least, more_than, at_most or less_than)")
			}
		case "kind":
			if f.Kind = letopis.Kind(v); !f.Kind.Valid() {
				err = errors.New("not a kind (want output, result or other)")
			}
		case "activity":
			f.Activity, setAct = v, true
		case "activity_key":
			f.ActivityKey = v
		case "indicator":
			if v == "" {
				err = errors.New("must not be empty")
			}
			f.Indicator, setInd = v, true
		case "indicator_key":
			if v == "" {
				err = errors.New("must not be empty")
			}
			f.IndicatorKey = v
		}
		if err != nil {
			return invalid("%s %q: %v", k, v, err)
		}
	}
	// A new wording without a key of its own takes the key of its words.
	if _, ok := set["activity_key"]; setAct && !ok {
		f.ActivityKey = ""
		if f.Activity != "" {
			f.ActivityKey = transform.ActivityKey(f.Activity)
		}
	}
	if _, ok := set["indicator_key"]; (setInd || set["unit"] != "" && f.IndicatorKey == "") && !ok {
		f.IndicatorKey = transform.IndicatorKey(f.Indicator, f.Unit)
	}
	if f.IndicatorKey == "" {
		f.IndicatorKey = transform.IndicatorKey(f.Indicator, f.Unit)
	}
	return nil
}

// parseNumber reads a number as a person types it: Slovene (1.234,5,
// 2 500) or with a decimal point (1234.5).
func parseNumber(s string) (float64, error) {
	if v, err := slnum.ParseNumber(s); err == nil {
		return v, nil
	}
	v, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, errors.New("not a number")
	}
	return v, nil
}

func optNumber(s string) (*float64, error) {
	if s == "" {
		return nil, nil
	}
	v, err := parseNumber(s)
	if err != nil {
		return nil, err
	}
	return &v, nil
}

// changed returns the values of old that differ in now, as a JSON object,
// or "" if none does.
func changed(old, now letopis.Fact) string {
	m := map[string]any{}
	str := func(k, a, b string) {
		if a != b {
			m[k] = a
		}
	}
	opt := func(k string, a, b *float64) {
		if (a == nil) != (b == nil) || a != nil && *a != *b {
			if a == nil {
				m[k] = nil
			} else {
				m[k] = *a
			}
		}
	}
	if old.Value != now.Value {
		m["value"] = old.Value
	}
	str("unit", string(old.Unit), string(now.Unit))
	str("qualifier", string(old.Qualifier), string(now.Qualifier))
	str("kind", string(old.Kind), string(now.Kind))
	opt("target", old.Target, now.Target)
	opt("share_value", old.ShareValue, now.ShareValue)
	str("share_of", old.ShareOf, now.ShareOf)
	str("activity", old.Activity, now.Activity)
	str("activity_key", old.ActivityKey, now.ActivityKey)
	str("indicator", old.Indicator, now.Indicator)
	str("indicator_key", old.IndicatorKey, now.IndicatorKey)
	if len(m) == 0 {
		return ""
	}
	b, _ := json.Marshal(m)
	return string(b)
}

// idOf returns a fact id for a fact made by review, of the same form as
// letopis.FactID.
func idOf(parts ...string) string {
	h := sha256.New()
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil)[:12])
}
