package load

import (
	"context"
	"fmt"
	"strconv"
	"testing"
	"time"

	"github.com/letopis/letopis"
)

// review makes a review of the fact rf with the given action and state.
func reviewOf(rf ReviewFact, src *SourceInfo, action, status string, edit func(f *letopis.Fact)) *Review {
	r := &Review{FactID: rf.ID, Action: action, Status: status, Reviewer: "ana", At: time.Date(2026, 11, 1, 10, 0, 0, 0, time.UTC),
		SourceSHA256: src.SHA256, SourcePath: src.Path, Fact: rf.Fact}
	if rf.Read != nil {
		r.Read = &ReadFact{ActivityKey: rf.Read.ActivityKey, IndicatorKey: rf.Read.IndicatorKey, Unit: string(rf.Read.Unit), Value: rf.Read.Value, Seq: rf.Seq}
	}
	if edit != nil {
		edit(&r.Fact)
	}
	return r
}

func firstSource(t *testing.T, w *Warehouse) *SourceInfo {
	t.Helper()
	srcs, err := w.ReviewSources(context.Background())
	if err != nil || len(srcs) == 0 {
		t.Fatalf("sources: %v, %v", srcs, err)
	}
	return &srcs[0]
}

// TestReviewsApplied: the view facts applies the latest review of each
// fact; reviews follow their fact into a new version of the report, and
// those whose fact is gone are listed as stale.
func TestReviewsApplied(t *testing.T) {
	ctx := context.Background()
	w, _ := openTemp(t)
	rep := sampleReport("a.pdf", "sha-1", 6)
	rep.Facts[0].Location.BBox = letopis.BBox{X0: 10, Y0: 20, X1: 30, Y1: 40}
	rep.Rejected[0].Location.BBox = letopis.BBox{X0: 1, Y0: 2, X1: 3, Y1: 4}
	if _, err := w.Load(ctx, rep, LoadOptions{}); err != nil {
		t.Fatal(err)
	}
	src := firstSource(t, w)
	facts, rej, err := w.SourceFacts(ctx, src.ID)
	if err != nil || len(facts) != 6 || len(rej) != 1 {
		t.Fatalf("SourceFacts: %d facts, %d refused, %v", len(facts), len(rej), err)
	}
	if facts[0].Location.BBox != rep.Facts[0].Location.BBox || rej[0].Location.BBox != rep.Rejected[0].Location.BBox {
		t.Errorf("boxes: %+v, %+v", facts[0].Location, rej[0].Location)
	}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(w.AddReview(ctx, reviewOf(facts[1], src, ActionReject, StatusRejected, nil)))
	must(w.AddReview(ctx, reviewOf(facts[2], src, ActionEdit, StatusCorrected, func(f *letopis.Fact) { f.Value = 99; f.Unit = letopis.UnitEvents })))
	must(w.AddReview(ctx, reviewOf(facts[3], src, ActionAccept, StatusAccepted, nil)))
	added := &Review{FactID: "added-1", Action: ActionAdd, Status: StatusAdded, Reviewer: "ana", At: time.Now(), SourceSHA256: src.SHA256, SourcePath: src.Path,
		Fact: letopis.Fact{Indicator: "prostovoljci", IndicatorKey: "prostovoljc", Kind: letopis.KindOutput, Unit: letopis.UnitPersons, Value: 12, Qualifier: letopis.Exact,
			Location: letopis.Location{Page: 2, BBox: letopis.BBox{X0: 1, Y0: 1, X1: 5, Y1: 5}}}}
	must(w.AddReview(ctx, added))

	status := func() map[string]string {
		t.Helper()
		tab, err := w.Query(ctx, `SELECT fact_id, review_status, value, unit FROM facts ORDER BY fact_seq NULLS LAST`)
		must(err)
		m := map[string]string{}
		for _, r := range tab.Rows {
			m[r[0].(string)] = r[1].(string) + " " + strconv.FormatFloat(r[2].(float64), 'f', -1, 64) + " " + r[3].(string)
		}
		return m
	}
	got := status()
	want := map[string]string{facts[0].ID: "unreviewed 0.5 persons", facts[2].ID: "corrected 99 events", facts[3].ID: "accepted 3.5 persons",
		facts[4].ID: "unreviewed 4.5 persons", facts[5].ID: "unreviewed 5.5 persons", "added-1": "added 12 persons"}
	if len(got) != len(want) {
		t.Errorf("facts view: %v, want %v", got, want)
	}
	for id, s := range want {
		if got[id] != s {
			t.Errorf("fact %s: %q, want %q", id, got[id], s)
		}
	}

	// The same bytes again with --force: every correction stays.
	res, err := w.Load(ctx, sampleReport("a.pdf", "sha-1", 6), LoadOptions{Force: true})
	must(err)
	if res.Reviews != 4 || res.StaleReviews != 0 {
		t.Errorf("force: %d kept, %d stale; want 4, 0", res.Reviews, res.StaleReviews)
	}
	if g := status(); len(g) != len(want) || g[facts[2].ID] != want[facts[2].ID] {
		t.Errorf("after --force: %v", g)
	}

	// A new version: a fact before the others (ids all change), the fact
	// accepted gone. The rejection and the edit follow their facts, the
	// added fact its source, the acceptance no longer applies.
	v2 := sampleReport("a.pdf", "sha-2", 6)
	v2.Facts = append([]letopis.Fact{{Indicator: "novo", IndicatorKey: "nov", Value: 1, Location: letopis.Location{Page: 1}}}, v2.Facts...)
	v2.Facts = append(v2.Facts[:4], v2.Facts[5:]...) // drops indikator 3
	res, err = w.Load(ctx, v2, LoadOptions{})
	must(err)
	if res.Replaced != "sha-1" || res.Reviews != 3 || res.StaleReviews != 1 {
		t.Errorf("new version: %+v; want 3 kept, 1 stale", res)
	}
	tab, err := w.Query(ctx, `SELECT indicator, review_status, value FROM facts WHERE review_status <> 'unreviewed' ORDER BY indicator`)
	must(err)
	if g := fmt.Sprint(tab.Rows); g != "[[indikator 2 corrected 99] [prostovoljci added 12]]" {
		t.Errorf("reviewed facts of the new version: %s", g)
	}
	if n := count(t, w, `SELECT count(*) FROM facts WHERE indicator = 'indikator 1'`); n != 0 {
		t.Errorf("the rejected fact is in facts again (%d)", n)
	}
	stale, err := w.StaleReviews(ctx)
	must(err)
	if len(stale) != 1 || stale[0].FactID != facts[3].ID || stale[0].Action != ActionAccept {
		t.Errorf("stale: %+v", stale)
	}

	// Export and import into another warehouse that has the same bytes.
	all, err := w.Reviews(ctx)
	must(err)
	w2, _ := openTemp(t)
	_, err = w2.Load(ctx, v2, LoadOptions{})
	must(err)
	n, apply, st, err := w2.ImportReviews(ctx, all)
	must(err)
	if n != 4 || apply != 3 || st != 1 {
		t.Errorf("import: %d added, %d apply, %d stale; want 4, 3, 1", n, apply, st)
	}
	n, _, _, err = w2.ImportReviews(ctx, all)
	if err != nil || n != 0 {
		t.Errorf("import again: %d added, %v; want 0", n, err)
	}
}
