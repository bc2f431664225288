package load

import (
	"context"
	"errors"
	"fmt"
	"testing"
)

// TestListings: the tables the commands facts and runs print, and the
// count of facts an alias would map, read from a loaded report.
func TestListings(t *testing.T) {
	ctx := context.Background()
	w, _ := openTemp(t)
	run, err := w.BeginRun(ctx, "test", "import a.pdf b.pdf")
	if err != nil {
		t.Fatal(err)
	}
	rep := sampleReport("a.pdf", "aaa", 4)
	res, err := w.Load(ctx, rep, LoadOptions{RunID: run.ID})
	if err != nil {
		t.Fatal(err)
	}
	if err := w.RecordFile(ctx, run.ID, "a.pdf", "aaa", res, nil); err != nil {
		t.Fatal(err)
	}
	if err := w.RecordFile(ctx, run.ID, "b.pdf", "", Result{Outcome: Failed}, errors.New("b.pdf: empty file")); err != nil {
		t.Fatal(err)
	}
	if err := w.FinishRun(run.ID, "failed", RunCounts{Imported: 1, Failed: 1, Facts: 4}); err != nil {
		t.Fatal(err)
	}

	for _, tt := range []struct {
		filter FactFilter
		want   int
	}{{FactFilter{}, 4}, {FactFilter{Year: 2020}, 4}, {FactFilter{Year: 2021}, 0}, {FactFilter{Activity: "MREŽ"}, 4}, {FactFilter{Activity: "spin"}, 0}} {
		tab, err := w.Facts(ctx, tt.filter)
		if err != nil || len(tab.Rows) != tt.want {
			t.Errorf("Facts(%+v): %v rows, %v; want %d", tt.filter, tabRows(tab), err, tt.want)
		}
		if err == nil && tab.Columns[0] != "year" || err == nil && tab.Columns[len(tab.Columns)-1] != "snippet" {
			t.Errorf("Facts columns %v", tab.Columns)
		}
	}
	runs, err := w.Runs(ctx, 5)
	if err != nil || len(runs.Rows) != 1 || runs.Rows[0][3] != "failed" || runs.Rows[0][10] != "import a.pdf b.pdf" {
		t.Errorf("Runs: %v %v", runs, err)
	}
	files, err := w.RunFiles(ctx, run.ID)
	if err != nil || len(files.Rows) != 2 || files.Rows[1][0] != "b.pdf" || files.Rows[1][4] != "b.pdf: empty file" {
		t.Errorf("RunFiles: %v %v", files, err)
	}
	for _, tt := range []struct {
		kind, key string
		want      int
	}{{AliasActivity, "mreza", 4}, {AliasIndicator, "indikator-1", 1}, {AliasIndicator, "mreza", 0}} {
		if n, err := w.FactsWithKey(ctx, tt.kind, tt.key); err != nil || n != tt.want {
			t.Errorf("FactsWithKey(%s, %s) = %d, %v; want %d", tt.kind, tt.key, n, err, tt.want)
		}
	}
}

func tabRows(t *Table) int {
	if t == nil {
		return -1
	}
	return len(t.Rows)
}

// TestKilledRunClosed: a run left running (its process killed) is closed
// as killed by the next run's start, with the counts of the files it
// recorded.
func TestKilledRunClosed(t *testing.T) {
	ctx := context.Background()
	w, _ := openTemp(t)
	run, err := w.BeginRun(ctx, "test", "import a.pdf b.pdf c.pdf")
	if err != nil {
		t.Fatal(err)
	}
	res, err := w.Load(ctx, sampleReport("a.pdf", "aaa", 4), LoadOptions{RunID: run.ID})
	if err != nil {
		t.Fatal(err)
	}
	if err := w.RecordFile(ctx, run.ID, "a.pdf", "aaa", res, nil); err != nil {
		t.Fatal(err)
	}
	if err := w.RecordFile(ctx, run.ID, "b.pdf", "", Result{Outcome: Failed}, errors.New("b.pdf: empty file")); err != nil {
		t.Fatal(err)
	}
	// the process is killed here: no FinishRun
	next, err := w.BeginRun(ctx, "test", "import c.pdf")
	if err != nil {
		t.Fatal(err)
	}
	tab, err := w.Query(ctx, `SELECT run_id, status, files_imported, files_failed, facts, ended_at IS NOT NULL FROM import_runs ORDER BY run_id`)
	if err != nil {
		t.Fatal(err)
	}
	got := fmt.Sprint(tab.Rows)
	want := fmt.Sprint([][]any{{run.ID, "killed", 1, 1, 4, true}, {next.ID, "running", 0, 0, 0, false}})
	if got != want {
		t.Errorf("runs %s, want %s", got, want)
	}
}
