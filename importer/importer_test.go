package importer

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/letopis/letopis"
	"github.com/letopis/letopis/extract"
	_ "github.com/letopis/letopis/extract/all"
	"github.com/letopis/letopis/load"
)

// The warehouse is the Store of a real import.
var _ Store = (*load.Warehouse)(nil)

// fakeStore is a Store in memory that records what the run asked of it,
// and fails or cancels where a test says.
type fakeStore struct {
	mu      sync.Mutex
	known   map[string]string // sha256 → path
	loads   []string          // the paths loaded, in order
	records []string          // "path outcome" of RecordFile, in order
	errs    map[string]string // path → the error recorded
	status  string
	counts  load.RunCounts
	begun   int

	// loadHook, if set, is called before each Load with its 1-based
	// number; an error it returns is Load's.
	loadHook   func(n int) error
	recordFail error // RecordFile's error
}

func newFakeStore() *fakeStore {
	return &fakeStore{known: map[string]string{}, errs: map[string]string{}}
}

func (f *fakeStore) Path() string { return "fake.duckdb" }

func (f *fakeStore) Known(_ context.Context, sha string) (string, bool, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	p, ok := f.known[sha]
	return p, ok, nil
}

func (f *fakeStore) BeginRun(_ context.Context, version, arguments string) (*load.Run, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.begun++
	return &load.Run{ID: 7, Version: version, Arguments: arguments}, nil
}

func (f *fakeStore) Load(ctx context.Context, rep *letopis.Report, opts load.LoadOptions) (load.Result, error) {
	f.mu.Lock()
	n := len(f.loads) + 1
	hook := f.loadHook
	f.mu.Unlock()
	if hook != nil {
		if err := hook(n); err != nil {
			return load.Result{}, err
		}
	}
	if err := rep.Complete(); err != nil {
		return load.Result{}, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if p, ok := f.known[rep.Source.SHA256]; ok && !opts.Force {
		return load.Result{Outcome: load.Unchanged, SamePath: p}, nil
	}
	if opts.RunID != 7 {
		return load.Result{}, fmt.Errorf("run id %d", opts.RunID)
	}
	f.known[rep.Source.SHA256] = rep.Source.Path
	f.loads = append(f.loads, rep.Source.Path)
	return load.Result{Outcome: load.Imported, Facts: len(rep.Facts), Activities: len(rep.Activities)}, nil
}

func (f *fakeStore) RecordFile(_ context.Context, runID int64, path, sha string, res load.Result, ferr error) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.recordFail != nil {
		return f.recordFail
	}
	f.records = append(f.records, path+" "+string(res.Outcome))
	if ferr != nil {
		f.errs[path] = ferr.Error()
	}
	return nil
}

func (f *fakeStore) FinishRun(runID int64, status string, c load.RunCounts) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.status, f.counts = status, c
	return nil
}

// recorder is Events that keeps the order of what it heard.
type recorder struct {
	started  int
	skipped  []string
	files    []FileEvent
	finished *Counts
}

func (r *recorder) Started(n int)             { r.started = n }
func (r *recorder) Skipped(p, _ string)       { r.skipped = append(r.skipped, p) }
func (r *recorder) File(f FileEvent)          { r.files = append(r.files, f) }
func (r *recorder) Finished(c Counts, _ bool) { r.finished = &c }

func (r *recorder) paths() []string {
	var out []string
	for _, f := range r.files {
		out = append(out, f.Path)
	}
	return out
}

// indicatorCSV is a CSV report of 2020 with rows indicator rows; n makes
// each file's bytes its own.
func indicatorCSV(n, rows int) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "Kazalniki 2020\nNaziv kazalnika;Merska enota;Dosežena vrednost\n")
	for i := 0; i < rows; i++ {
		fmt.Fprintf(&b, "Udeleženci delavnice %d;oseb;%d\n", i+1, n*1000+i+1)
	}
	return []byte(b.String())
}

func write(t *testing.T, path string, b []byte) string {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestRunOrder: files read by several workers, the large ones slower,
// are loaded, recorded and reported in the order listed.
func TestRunOrder(t *testing.T) {
	dir := t.TempDir()
	var want []string
	for i := range 24 {
		rows := 2
		if i%5 == 0 {
			rows = 3000 // slower to read than the files after it
		}
		want = append(want, write(t, filepath.Join(dir, fmt.Sprintf("r%02d.csv", i)), indicatorCSV(i, rows)))
	}
	write(t, filepath.Join(dir, "notes.txt"), []byte("to do"))
	st := newFakeStore()
	ev := &recorder{}
	c, err := Run(context.Background(), []string{dir}, Options{Store: st, Events: ev, Workers: 4, Version: "v1", Arguments: "import " + dir})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(st.loads, want) {
		t.Errorf("loaded in the order\n%v\nwant\n%v", st.loads, want)
	}
	if !slices.Equal(ev.paths(), want) {
		t.Errorf("reported in the order %v", ev.paths())
	}
	for i, r := range st.records {
		if r != want[i]+" imported" {
			t.Fatalf("record %d: %q", i, r)
		}
	}
	if c.Imported != 24 || c.Failed != 0 || c.Skipped != 1 || ev.started != 24 || len(ev.skipped) != 1 || ev.finished == nil {
		t.Errorf("counts %+v, events started %d skipped %v", c, ev.started, ev.skipped)
	}
	if st.begun != 1 || st.status != "ok" || st.counts != c.RunCounts {
		t.Errorf("run recorded %d times, status %q, counts %+v", st.begun, st.status, st.counts)
	}

	// Again: every file is unchanged, and nothing is loaded.
	st.loads = nil
	c, err = Run(context.Background(), []string{dir}, Options{Store: st, Workers: 3})
	if err != nil || c.Unchanged != 24 || len(st.loads) != 0 {
		t.Errorf("second run: %+v %v, loads %v", c, err, st.loads)
	}
	// With Force, all again.
	c, err = Run(context.Background(), []string{dir}, Options{Store: st, Workers: 3, Force: true})
	if err != nil || c.Imported != 24 || len(st.loads) != 24 {
		t.Errorf("forced run: %+v %v, loads %d", c, err, len(st.loads))
	}
}

// TestRunInterrupted: a cancellation while a file loads lets that file
// finish, loads no other, records the run as interrupted and returns the
// cause; a file whose load was interrupted is never quarantined.
func TestRunInterrupted(t *testing.T) {
	dir := t.TempDir()
	var paths []string
	for i := range 10 {
		paths = append(paths, write(t, filepath.Join(dir, fmt.Sprintf("r%d.csv", i)), indicatorCSV(i, 2)))
	}
	cause := errors.New("interrupted by a test")
	ctx, cancel := context.WithCancelCause(context.Background())
	defer cancel(nil)
	st := newFakeStore()
	st.loadHook = func(n int) error {
		if n == 3 {
			cancel(cause) // the third file is committed as the signal comes
		}
		return nil
	}
	ev := &recorder{}
	c, err := Run(ctx, paths, Options{Store: st, Events: ev, Workers: 2})
	if !errors.Is(err, cause) {
		t.Fatalf("Run returned %v, want the cause of the cancellation", err)
	}
	if len(st.loads) != 3 || c.Imported != 3 || st.status != "interrupted" {
		t.Errorf("loads %v, counts %+v, status %q", st.loads, c, st.status)
	}
	if ev.finished == nil {
		t.Error("no Finished event after an interruption")
	}

	// A load that fails because of the cancellation is the file's failure,
	// not a fault of the store.
	ctx2, cancel2 := context.WithCancelCause(context.Background())
	defer cancel2(nil)
	st2 := newFakeStore()
	st2.loadHook = func(n int) error {
		if n == 2 {
			cancel2(cause)
			return context.Canceled
		}
		return nil
	}
	ev2 := &recorder{}
	quarantine := filepath.Join(dir, "quarantine")
	_, err = Run(ctx2, paths, Options{Store: st2, Events: ev2, Workers: 1, Quarantine: quarantine})
	if !errors.Is(err, cause) || len(ev2.files) != 2 {
		t.Fatalf("Run returned %v after %d files", err, len(ev2.files))
	}
	var we *load.WarehouseError
	if f := ev2.files[1]; f.Err == nil || errors.As(f.Err, &we) || !strings.Contains(f.Err.Error(), "interrupted; nothing of it was loaded") {
		t.Errorf("the file being loaded: %v", f.Err)
	}
	// it is not at fault: it stays where it was, for the next run
	if f := ev2.files[1]; f.MovedTo != "" || !exists(paths[1]) {
		t.Errorf("the interrupted file was moved to %q", f.MovedTo)
	}
}

// TestRunQuarantine: failed files (damaged, of no format, missing, one
// whose extractor panics) are reported and recorded with their reasons and
// moved to the quarantine with NAME.error.txt; the good ones are imported
// and archived; nothing overwrites a file.
func TestRunQuarantine(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "inbox")
	good := write(t, filepath.Join(in, "a-good.csv"), indicatorCSV(1, 3))
	write(t, filepath.Join(in, "b-broken.pdf"), []byte("%PDF-1.4 broken"))
	write(t, filepath.Join(in, "c-empty.xlsx"), nil)
	write(t, filepath.Join(in, "d-boom.boom"), []byte("boom"))
	write(t, filepath.Join(dir, "quarantine", "b-broken.pdf"), []byte("an earlier one"))
	missing := filepath.Join(dir, "missing.csv")
	st := newFakeStore()
	ev := &recorder{}
	c, err := Run(context.Background(), []string{in, missing}, Options{Store: st, Events: ev, Workers: 2,
		Archive: filepath.Join(dir, "archive"), Quarantine: filepath.Join(dir, "quarantine")})
	if err != nil {
		t.Fatal(err)
	}
	if c.Imported != 1 || c.Failed != 4 || c.Missing != 1 || st.status != "failed" {
		t.Errorf("counts %+v, status %q", c, st.status)
	}
	if _, err := os.Stat(filepath.Join(dir, "archive", "a-good.csv")); err != nil || exists(good) {
		t.Errorf("the good file was not archived: %v", err)
	}
	for _, tt := range []struct{ name, moved, why string }{
		{"b-broken.pdf", "b-broken.1.pdf", "b-broken.pdf: "},
		{"c-empty.xlsx", "c-empty.xlsx", "c-empty.xlsx: empty file"},
		{"d-boom.boom", "d-boom.boom", "d-boom.boom: internal error while reading facts (please report it): boom"},
	} {
		q := filepath.Join(dir, "quarantine", tt.moved)
		why, err := os.ReadFile(q + ".error.txt")
		if !exists(q) || err != nil || !strings.Contains(string(why), tt.why) || !strings.Contains(string(why), "moved: "+q) {
			t.Errorf("%s: quarantined as %s with %q (%v)", tt.name, q, why, err)
		}
		if rec := st.errs[filepath.Join(in, tt.name)]; !strings.Contains(rec, tt.why) {
			t.Errorf("%s: recorded error %q", tt.name, rec)
		}
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "quarantine", "b-broken.pdf")); string(b) != "an earlier one" {
		t.Error("the quarantine overwrote a file")
	}
	last := ev.files[len(ev.files)-1]
	if last.Path != missing || !errors.Is(last.Err, fs.ErrNotExist) || last.MovedTo != "" {
		t.Errorf("the missing file: %+v", last)
	}
}

// boom is a format whose extractor panics: a bug of letopis that must fail
// its file only.
type boom struct{}

func (boom) Extract(context.Context, string, []byte, extract.Options) (*letopis.Document, error) {
	panic("boom")
}

func init() {
	extract.Register(extract.Format{Name: "boom", Extensions: []string{".boom"}, Extractor: boom{}})
}

// TestRunFatalStoreError: a store that cannot load a file ends the run:
// the file fails with the store's error, no later file is loaded, the run
// is recorded as failed, and Run returns a *load.WarehouseError naming the
// store. A store that cannot record a file ends it the same way.
func TestRunFatalStoreError(t *testing.T) {
	dir := t.TempDir()
	var paths []string
	for i := range 6 {
		paths = append(paths, write(t, filepath.Join(dir, fmt.Sprintf("r%d.csv", i)), indicatorCSV(i, 2)))
	}
	st := newFakeStore()
	st.loadHook = func(n int) error {
		if n == 3 {
			return errors.New("disk full")
		}
		return nil
	}
	ev := &recorder{}
	c, err := Run(context.Background(), paths, Options{Store: st, Events: ev, Workers: 3})
	var we *load.WarehouseError
	if !errors.As(err, &we) || we.Path != "fake.duckdb" || !strings.Contains(err.Error(), "loading "+paths[2]+": disk full") {
		t.Fatalf("Run returned %v", err)
	}
	if len(st.loads) != 2 || len(ev.files) != 3 || c.Imported != 2 || c.Failed != 1 || st.status != "failed" {
		t.Errorf("loads %v, %d files reported, counts %+v, status %q", st.loads, len(ev.files), c, st.status)
	}
	if rec := st.errs[paths[2]]; !strings.Contains(rec, "disk full") {
		t.Errorf("the failing file was recorded with %q", rec)
	}

	st = newFakeStore()
	st.recordFail = errors.New("table import_files is gone")
	_, err = Run(context.Background(), paths, Options{Store: st, Workers: 2})
	if !errors.As(err, &we) || len(st.loads) != 1 || st.status != "failed" {
		t.Fatalf("record failure: %v, loads %v, status %q", err, st.loads, st.status)
	}
}

// TestRunDryRun: no store, nothing moved, the counts of what would be
// loaded.
func TestRunDryRun(t *testing.T) {
	dir := t.TempDir()
	p := write(t, filepath.Join(dir, "a.csv"), indicatorCSV(1, 4))
	ev := &recorder{}
	c, err := Run(context.Background(), []string{p}, Options{DryRun: true, Events: ev, Archive: filepath.Join(dir, "archive")})
	if err != nil || c.Imported != 1 || c.Facts != 4 || !exists(p) || len(ev.files) != 1 || !ev.files[0].DryRun || ev.files[0].Report == nil {
		t.Fatalf("dry run: %+v %v, events %+v", c, err, ev.files)
	}
}

// TestRunFolders: an archive that cannot be made is a FolderError before
// any file is read or any run begun.
func TestRunFolders(t *testing.T) {
	dir := t.TempDir()
	p := write(t, filepath.Join(dir, "a.csv"), indicatorCSV(1, 1))
	st := newFakeStore()
	_, err := Run(context.Background(), []string{p}, Options{Store: st, Archive: filepath.Join(p, "archive")})
	var fe *FolderError
	if !errors.As(err, &fe) || fe.Role != "archive" || st.begun != 0 || !exists(p) {
		t.Fatalf("Run returned %v, run begun %d times", err, st.begun)
	}
}

// TestRunNothing: paths without a file to import make a run with nothing
// in it, no error (a quiet night); a missing file is counted as missing.
func TestRunNothing(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "notes.txt"), []byte("x"))
	st := newFakeStore()
	ev := &recorder{}
	c, err := Run(context.Background(), []string{dir}, Options{Store: st, Events: ev})
	if err != nil || st.begun != 1 || st.status != "ok" || c.Skipped != 1 || ev.finished == nil {
		t.Errorf("empty folder: %+v %v, run begun %d times, status %q", c, err, st.begun, st.status)
	}
	c, err = Run(context.Background(), []string{filepath.Join(dir, "none.pdf")}, Options{Store: st})
	if err != nil || c.Failed != 1 || c.Missing != 1 {
		t.Errorf("missing file: %+v %v", c, err)
	}
}

func exists(p string) bool { _, err := os.Stat(p); return err == nil }

// TestRunFileTimeout: a file whose reading passes FileTimeout fails alone
// with a one-line reason, the others are imported.
func TestRunFileTimeout(t *testing.T) {
	dir := t.TempDir()
	good := write(t, filepath.Join(dir, "a.csv"), indicatorCSV(1, 2))
	slow := write(t, filepath.Join(dir, "b.csv"), indicatorCSV(2, 2))
	st := newFakeStore()
	ev := &recorder{}
	read := func(ctx context.Context, req FileRequest) (*letopis.Report, error) {
		if req.Path == slow {
			<-ctx.Done() // a reader that stops only when it is stopped
			return nil, context.Cause(ctx)
		}
		return ReadReport(ctx, req, nil)
	}
	start := time.Now()
	c, err := Run(context.Background(), []string{good, slow}, Options{Store: st, Events: ev, Read: read, FileTimeout: 200 * time.Millisecond})
	if err != nil || c.Imported != 1 || c.Failed != 1 || time.Since(start) > 5*time.Second {
		t.Fatalf("%+v %v after %v", c, err, time.Since(start))
	}
	if got, want := ev.files[1].Err.Error(), slow+": not read within 200ms (--file-timeout): stopped"; got != want {
		t.Errorf("error %q, want %q", got, want)
	}
}
