package importer

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/letopis/letopis"
	"github.com/letopis/letopis/load"
)

// TestTextLog: a line a file on Out, the totals on Err; a dry run lists
// what it would load.
func TestTextLog(t *testing.T) {
	var out, errb bytes.Buffer
	l := &TextLog{Out: &out, Err: &errb}
	rep := &letopis.Report{Organisation: "Društvo X", Year: 2020, Source: letopis.Source{Format: "csv"},
		Activities: []letopis.Activity{{Title: "SPIN"}},
		Facts:      []letopis.Fact{{Location: letopis.Location{Sheet: "S", Cell: "C3"}, Value: 1234.5, Unit: letopis.UnitPersons, Qualifier: letopis.Exact, Activity: "SPIN", Indicator: "Udeleženci"}}}
	l.Skipped("in/notes.txt", "not a format letopis reads")
	l.Started(4)
	l.File(FileEvent{Path: "a.csv", Report: rep, Result: load.Result{Outcome: load.Imported, Facts: 1, Activities: 1, Replaced: "abc"}})
	l.File(FileEvent{Path: "b.csv", Result: load.Result{Outcome: load.Unchanged, SamePath: "old/b.csv"}, MovedTo: "archive/b.csv"})
	l.File(FileEvent{Path: "c.pdf", Result: load.Result{Outcome: load.Failed}, Err: errors.New("c.pdf: empty\nfile"), MovedTo: "q/c.pdf"})
	l.File(FileEvent{Path: "d.csv", Report: rep, Result: load.Result{Outcome: load.Imported, Facts: 1, Activities: 1}, DryRun: true})
	l.Finished(Counts{RunCounts: load.RunCounts{Imported: 1, Unchanged: 1, Failed: 1, Facts: 1}, Skipped: 1}, false)
	want := `skipped   in/notes.txt: not a format letopis reads
imported  a.csv: 1 facts, 1 activities, 0 values refused (Društvo X 2020, csv), replacing the earlier version
unchanged b.csv: same bytes as old/b.csv, already imported → archive/b.csv
failed    c.pdf: empty file → q/c.pdf
would import d.csv: 1 facts, 1 activities, 0 values refused (Društvo X 2020, csv)
  activity  SPIN
  fact      sheet S, cell C3 1234.5 persons exact [SPIN] Udeleženci
`
	if out.String() != want {
		t.Errorf("Out:\n%s\nwant\n%s", out.String(), want)
	}
	if !strings.HasPrefix(errb.String(), "1 imported, 1 unchanged, 1 failed, 1 skipped; 1 facts in ") {
		t.Errorf("Err: %q", errb.String())
	}
}

// TestJSONLog: one record a file with its fields, for a journal.
func TestJSONLog(t *testing.T) {
	var log bytes.Buffer
	l := &JSONLog{Log: &log}
	l.Started(2)
	l.File(FileEvent{Path: "a.csv", SHA256: "aa", Report: &letopis.Report{Organisation: "X", Year: 2020}, Result: load.Result{Outcome: load.Imported, Facts: 3}})
	l.File(FileEvent{Path: "b.pdf", Result: load.Result{Outcome: load.Failed}, Err: errors.New("b.pdf: empty file")})
	l.Finished(Counts{RunCounts: load.RunCounts{Imported: 1, Failed: 1, Facts: 3}}, false)
	for _, want := range []string{`"msg":"import started","files":2`, `"msg":"imported","path":"a.csv","outcome":"imported","sha256":"aa","facts":3`,
		`"organisation":"X","year":2020`, `"level":"ERROR","msg":"failed","path":"b.pdf","outcome":"failed","error":"b.pdf: empty file"`,
		`"msg":"import finished","imported":1,"unchanged":0,"failed":1,"skipped":0,"facts":3,"dry_run":false`} {
		if !strings.Contains(log.String(), want) {
			t.Errorf("log lacks %s:\n%s", want, log.String())
		}
	}
	if strings.Count(log.String(), "\n") != 4 {
		t.Errorf("want 4 records:\n%s", log.String())
	}
}
