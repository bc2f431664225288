package review

import (
	"bytes"
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/letopis/letopis"
	"github.com/letopis/letopis/load"
)

// report is a small report of three facts and two refused values.
func report(path, sha string) *letopis.Report {
	return &letopis.Report{
		Source:       letopis.Source{Path: path, SHA256: sha, Size: 10, Format: "pdf"},
		Organisation: "Društvo", Year: 2020,
		Facts: []letopis.Fact{
			{Activity: "Mreža", ActivityKey: "mrez", Indicator: "udeležencev", IndicatorKey: "udelezen", Unit: letopis.UnitPersons, Value: 3,
				Location: letopis.Location{Page: 1, BBox: letopis.BBox{X0: 10, Y0: 10, X1: 50, Y1: 20}}, Snippet: "3 udeležencev", Confidence: 0.9},
			{Activity: "Mreža", ActivityKey: "mrez", Indicator: "delavnic", IndicatorKey: "delavnic", Unit: letopis.UnitEvents, Value: 12,
				Location: letopis.Location{Page: 2}, Snippet: "12 delavnic", Confidence: 0.8},
			{Indicator: "ur", IndicatorKey: "ur", Unit: letopis.UnitHours, Value: 40, Location: letopis.Location{Page: 2}, Confidence: 0.5},
		},
		Rejected: []letopis.Rejected{
			{Text: "2020", Reason: "year", Location: letopis.Location{Page: 1}, Snippet: "v letu 2020"},
			{Text: "25", Reason: "age", Activity: "Mreža", Location: letopis.Location{Page: 2, BBox: letopis.BBox{X0: 1, Y0: 2, X1: 3, Y1: 4}}, Snippet: "mladi do 25 let"},
		},
	}
}

// service opens a new warehouse with the reports loaded, for each use.
func service(t *testing.T, reps ...*letopis.Report) (*Service, string) {
	t.Helper()
	db := filepath.Join(t.TempDir(), "w.duckdb")
	w, err := load.Open(context.Background(), db, load.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range reps {
		if _, err := w.Load(context.Background(), r, load.LoadOptions{}); err != nil {
			t.Fatal(err)
		}
	}
	w.Close()
	open := func(ctx context.Context, write bool) (Store, func(), error) {
		w, err := load.Open(ctx, db, load.Options{ReadOnly: !write})
		if err != nil {
			return nil, nil, err
		}
		return w, func() { w.Close() }, nil
	}
	at := time.Date(2026, 11, 26, 10, 0, 0, 0, time.UTC)
	return &Service{Open: open, Reviewer: "ana", Now: func() time.Time { at = at.Add(time.Second); return at }}, db
}

func TestCorrect(t *testing.T) {
	ctx := context.Background()
	s, _ := service(t, report("a.pdf", "sha-a"))
	p, err := s.Source(ctx, "sha-a")
	if err != nil {
		t.Fatal(err)
	}
	id := func(i int) string { return p.Facts[i].ID }
	for _, tt := range []struct {
		name    string
		c       Correction
		status  string
		check   func(t *testing.T, f *load.ReviewFact)
		invalid string // the error, for a correction refused
	}{
		{name: "accept", c: Correction{Action: "accept", FactID: id(0)}, status: "accepted"},
		{name: "edit a value the Slovene way", c: Correction{Action: "edit", FactID: id(1), Set: map[string]string{"value": "1.234,5"}}, status: "corrected",
			check: func(t *testing.T, f *load.ReviewFact) {
				if f.Value != 1234.5 || f.Review.OldValues != `{"value":12}` || f.Read.Value != 12 {
					t.Errorf("value %v, old %s, read %v", f.Value, f.Review.OldValues, f.Read.Value)
				}
			}},
		{name: "edit back to what was read", c: Correction{Action: "edit", FactID: id(1), Set: map[string]string{"value": "12"}}, status: "accepted"},
		{name: "a new wording takes its key", c: Correction{Action: "edit", FactID: id(2), Set: map[string]string{"indicator": "opravljenih ur prostovoljnega dela", "activity": "Mreža"}}, status: "corrected",
			check: func(t *testing.T, f *load.ReviewFact) {
				if f.IndicatorKey == "ur" || f.IndicatorKey == "" || f.ActivityKey != "mrez" {
					t.Errorf("keys %q, %q", f.IndicatorKey, f.ActivityKey)
				}
			}},
		{name: "clear a target, set a share", c: Correction{Action: "edit", FactID: id(0), Set: map[string]string{"target": "", "share_value": "2", "share_of": "Celje"}}, status: "corrected",
			check: func(t *testing.T, f *load.ReviewFact) {
				if f.Target != nil || f.ShareValue == nil || *f.ShareValue != 2 || f.ShareOf != "Celje" {
					t.Errorf("target %v, share %v of %q", f.Target, f.ShareValue, f.ShareOf)
				}
			}},
		{name: "reject", c: Correction{Action: "reject", FactID: id(2), Reason: " a count of hours of one person "}, status: "rejected",
			check: func(t *testing.T, f *load.ReviewFact) {
				if f.Review.Reason != "a count of hours of one person" || f.Review.Reviewer != "ana" {
					t.Errorf("reason %q by %q", f.Review.Reason, f.Review.Reviewer)
				}
			}},
		{name: "accept what was rejected", c: Correction{Action: "accept", FactID: id(2)}, status: "corrected"},
		{name: "add", c: Correction{Action: "add", Source: "sha-a", Page: 2, BBox: &[4]float64{1, 2, 30, 12}, Snippet: " 7 prostovoljcev ",
			Set: map[string]string{"value": "7", "indicator": "prostovoljcev", "unit": "persons"}}, status: "added",
			check: func(t *testing.T, f *load.ReviewFact) {
				if f.Read != nil || f.Value != 7 || f.Location.BBox.X1 != 30 || f.Snippet != "7 prostovoljcev" || f.IndicatorKey == "" || f.Kind != letopis.KindOther {
					t.Errorf("added %+v", f.Fact)
				}
			}},
		{name: "promote", c: Correction{Action: "promote", Source: "sha-a", RefusedSeq: 1, Set: map[string]string{"indicator": "mladih do 25 let", "unit": "persons"}}, status: "added",
			check: func(t *testing.T, f *load.ReviewFact) {
				if f.Value != 25 || f.Activity != "Mreža" || f.Review.Read == nil || f.Review.Read.Text != "25" || f.Location.BBox.X1 != 3 {
					t.Errorf("promoted %+v, %+v", f.Fact, f.Review.Read)
				}
			}},
		{name: "unknown action", c: Correction{Action: "delete", FactID: id(0)}, invalid: "unknown action"},
		{name: "unknown field", c: Correction{Action: "edit", FactID: id(0), Set: map[string]string{"confidence": "1"}}, invalid: "unknown field"},
		{name: "not a unit", c: Correction{Action: "edit", FactID: id(0), Set: map[string]string{"unit": "osebe"}}, invalid: "not a unit"},
		{name: "not a number", c: Correction{Action: "edit", FactID: id(0), Set: map[string]string{"value": "1,2,3"}}, invalid: "not a number"},
		{name: "empty indicator", c: Correction{Action: "edit", FactID: id(0), Set: map[string]string{"indicator": " "}}, invalid: "must not be empty"},
		{name: "an edit of nothing", c: Correction{Action: "edit", FactID: id(0)}, invalid: "sets no value"},
		{name: "no such fact", c: Correction{Action: "accept", FactID: "x"}, invalid: "no fact"},
		{name: "an added fact without a place", c: Correction{Action: "add", Source: "sha-a", Set: map[string]string{"value": "1", "indicator": "x"}}, invalid: "page"},
		{name: "an added fact without a value", c: Correction{Action: "add", Source: "sha-a", Page: 1, Set: map[string]string{"indicator": "x"}}, invalid: "value"},
		{name: "an added fact without an indicator", c: Correction{Action: "add", Source: "sha-a", Page: 1, Set: map[string]string{"value": "1"}}, invalid: "indicator"},
		{name: "an upside-down box", c: Correction{Action: "add", Source: "sha-a", Page: 1, BBox: &[4]float64{5, 5, 1, 1}, Set: map[string]string{"value": "1", "indicator": "x"}}, invalid: "box"},
		{name: "no such refused value", c: Correction{Action: "promote", Source: "sha-a", RefusedSeq: 9, Set: map[string]string{"indicator": "x"}}, invalid: "no refused value"},
		{name: "no such source", c: Correction{Action: "add", Source: "sha-x", Page: 1, Set: map[string]string{"value": "1", "indicator": "x"}}, invalid: "no source"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			f, err := s.Correct(ctx, tt.c)
			if tt.invalid != "" {
				var inv *InvalidError
				if !errors.As(err, &inv) || !strings.Contains(err.Error(), tt.invalid) {
					t.Fatalf("err %v, want an InvalidError with %q", err, tt.invalid)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if f.Status != tt.status {
				t.Errorf("status %q, want %q", f.Status, tt.status)
			}
			if tt.check != nil {
				tt.check(t, f)
			}
		})
	}
	p, err = s.Source(ctx, "sha-a")
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Facts) != 5 || p.Refused[1].PromotedTo == "" || p.Source.Progress() != 1 {
		t.Errorf("%d facts, promoted %q, progress %v", len(p.Facts), p.Refused[1].PromotedTo, p.Source.Progress())
	}
}

// TestCSV: corrections move between warehouses that hold the same report;
// a file that is not an export is refused with its line.
func TestCSV(t *testing.T) {
	ctx := context.Background()
	a, _ := service(t, report("a.pdf", "sha-a"))
	p, _ := a.Source(ctx, "sha-a")
	for _, c := range []Correction{
		{Action: "reject", FactID: p.Facts[0].ID, Reason: `"quoted", with a comma`},
		{Action: "edit", FactID: p.Facts[1].ID, Set: map[string]string{"value": "13", "target": "20"}},
		{Action: "add", Source: "sha-a", Page: 1, BBox: &[4]float64{1, 2, 3, 4}, Set: map[string]string{"value": "5", "indicator": "šol"}},
		{Action: "promote", Source: "sha-a", RefusedSeq: 0, Set: map[string]string{"indicator": "leto"}},
	} {
		if _, err := a.Correct(ctx, c); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	n, err := a.Export(ctx, &buf)
	if err != nil || n != 4 {
		t.Fatalf("export: %d, %v", n, err)
	}
	b, _ := service(t, report("elsewhere/a.pdf", "sha-a"), report("b.pdf", "sha-b"))
	res, err := b.Import(ctx, bytes.NewReader(buf.Bytes()), "c.csv")
	if err != nil {
		t.Fatal(err)
	}
	if *res != (ImportResult{Read: 4, Added: 4, Apply: 4}) {
		t.Errorf("import: %+v", res)
	}
	pb, _ := b.Source(ctx, "sha-a")
	got := map[string]string{}
	for _, f := range pb.Facts {
		got[f.Indicator] = f.Status
	}
	if got["udeležencev"] != "rejected" || got["delavnic"] != "corrected" || got["šol"] != "added" || got["leto"] != "added" || *pb.Facts[1].Target != 20 {
		t.Errorf("after import: %v", got)
	}
	var again bytes.Buffer
	b.Export(ctx, &again)
	if res, _ := b.Import(ctx, bytes.NewReader(again.Bytes()), "again.csv"); res.Added != 0 {
		t.Errorf("importing the same corrections again added %d", res.Added)
	}

	head := strings.SplitN(buf.String(), "\n", 2)[0]
	for _, tt := range []struct{ name, csv, want string }{
		{"empty", "", "c.csv: empty file"},
		{"not an export", "a,b\n1,2\n", "c.csv: line 1: no column fact_id"},
		{"bad action", head + "\n" + strings.Replace(strings.SplitN(buf.String(), "\n", 3)[1], ",reject,", ",delete,", 1) + "\n", `c.csv: line 2: action "delete"`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadCSV(strings.NewReader(tt.csv), "c.csv")
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("err %v, want %q", err, tt.want)
			}
		})
	}
}
