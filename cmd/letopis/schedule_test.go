package main

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// tickWriter collects what the scheduler writes and cancels the run once
// an import has ended.
type tickWriter struct {
	mu     sync.Mutex
	buf    bytes.Buffer
	cancel context.CancelFunc
}

func (w *tickWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.buf.Write(p)
	if strings.Contains(w.buf.String(), "schedule: import exited") {
		w.cancel()
	}
	return len(p), nil
}

// TestScheduleRecordsItsArguments: a scheduled import records its own
// import command line as the run's arguments, not the scheduler's.
func TestScheduleRecordsItsArguments(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Dir(fixture(t, dir, "kazalniki-2021.csv", "in/k.csv"))
	db := filepath.Join(dir, "letopis.duckdb")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	w := &tickWriter{cancel: cancel}
	var out bytes.Buffer
	code := run(ctx, []string{"schedule", "--cron", "@every 1s", "--", "import", "--db", db, "--workers", "1", in},
		streams{in: strings.NewReader(""), out: &out, err: w})
	log := w.buf.String()
	if code != 0 || !strings.Contains(log, "schedule: import exited 0") || !strings.Contains(out.String(), "imported  "+in) {
		t.Fatalf("schedule: exit %d\n%s%s", code, out.String(), log)
	}
	code, runs, _ := runBinary(t, dir, "runs", "--format", "csv")
	if want := ",import --db " + db + " --workers 1 " + in + "\n"; code != 0 || !strings.Contains(runs, want) || strings.Contains(runs, "schedule") {
		t.Fatalf("runs: want the import's own arguments %q:\n%s", want, runs)
	}
}
