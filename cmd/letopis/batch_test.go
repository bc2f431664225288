package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// pdfVariant returns the plain 2020 PDF with its document ID changed: a
// valid PDF with the same content and different bytes (the ID sits after
// the cross-reference table, so no offset moves).
func pdfVariant(t *testing.T, n int) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "testdata", "novus-2020-plain.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	i := bytes.Index(b, []byte("/ID [ <"))
	if i < 0 {
		t.Fatal("fixture has no /ID")
	}
	copy(b[i+7:], fmt.Sprintf("%08X", n))
	return b
}

func writeFile(t *testing.T, path string, b []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

func exists(path string) bool { _, err := os.Stat(path); return err == nil }

// TestEndToEndBatchFolder is the nightly job: a folder with good reports in
// a subfolder, an unsupported file and bad files.
func TestEndToEndBatchFolder(t *testing.T) {
	dir := t.TempDir()
	inbox := filepath.Join(dir, "inbox")
	fixture(t, dir, "novus-2020-plain.pdf", "inbox/novus-2020-plain.pdf")
	fixture(t, dir, "novus-2020-brochure.pdf", "inbox/2020/novus-2020-brochure.pdf")
	writeFile(t, filepath.Join(inbox, "notes.txt"), []byte("to do"))
	writeFile(t, filepath.Join(inbox, "empty.pdf"), nil)
	writeFile(t, filepath.Join(inbox, "random.pdf"), bytes.Repeat([]byte{0xde, 0xad, 0xbe, 0xef}, 999))
	writeFile(t, filepath.Join(inbox, "2020/fake.xlsx"), []byte("name;value\nx;1\n"))
	plain := pdfVariant(t, 1)
	writeFile(t, filepath.Join(inbox, "truncated.pdf"), plain[:len(plain)/2])

	code, out, stderr := runBinary(t, dir, "import", "--quarantine", "quarantine", "inbox")
	if code != exitDataErr {
		t.Fatalf("exit %d, want %d\n%s%s", code, exitDataErr, out, stderr)
	}
	for _, want := range []string{
		"skipped   inbox/notes.txt",
		"imported  inbox/novus-2020-plain.pdf",
		"imported  inbox/2020/novus-2020-brochure.pdf",
		"failed    inbox/empty.pdf: empty file → quarantine/empty.pdf",
		"failed    inbox/random.pdf: not a PDF file",
		"failed    inbox/2020/fake.xlsx: not an XLSX file",
		"failed    inbox/truncated.pdf:",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	for _, name := range []string{"empty.pdf", "random.pdf", "fake.xlsx", "truncated.pdf"} {
		q := filepath.Join(dir, "quarantine", name)
		why, err := os.ReadFile(q + ".error.txt")
		if !exists(q) || err != nil || len(why) == 0 {
			t.Errorf("%s not quarantined with its reason (%v)", name, err)
		}
	}
	if !exists(filepath.Join(inbox, "novus-2020-plain.pdf")) || !exists(filepath.Join(inbox, "notes.txt")) {
		t.Error("good or unsupported files were moved without --archive")
	}
	facts := queryInt(t, dir, "SELECT count(*) FROM facts")
	if n := queryInt(t, dir, "SELECT count(*) FROM import_runs WHERE status = 'failed' AND files_imported = 2 AND files_failed = 4"); n != 1 {
		t.Errorf("run not recorded as failed with 2 imported, 4 failed")
	}
	if n := queryInt(t, dir, "SELECT count(*) FROM import_files WHERE outcome = 'failed' AND error <> ''"); n != 4 {
		t.Errorf("failed files recorded with their errors = %d, want 4", n)
	}

	// The second night: the bad files are gone, everything else unchanged.
	code, out, stderr = runBinary(t, dir, "import", "--quarantine", "quarantine", "inbox")
	if code != 0 || strings.Count(out, "unchanged ") != 2 {
		t.Fatalf("second run: exit %d\n%s%s", code, out, stderr)
	}
	if n := queryInt(t, dir, "SELECT count(*) FROM facts"); n != facts {
		t.Fatalf("facts after second run = %d, want %d", n, facts)
	}

	// With --archive, imported and unchanged files leave the inbox; a name
	// already in the archive is never overwritten.
	writeFile(t, filepath.Join(dir, "archive", "novus-2020-plain.pdf"), []byte("older file"))
	code, out, _ = runBinary(t, dir, "import", "--archive", "archive", "--log-format", "json", "inbox")
	if code != 0 {
		t.Fatalf("archive run: exit %d\n%s", code, out)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "archive", "novus-2020-plain.pdf")); string(b) != "older file" {
		t.Error("archive overwrote a file")
	}
	if !exists(filepath.Join(dir, "archive", "novus-2020-plain.1.pdf")) || !exists(filepath.Join(dir, "archive", "novus-2020-brochure.pdf")) {
		t.Error("files not archived under free names")
	}
	if exists(filepath.Join(inbox, "novus-2020-plain.pdf")) {
		t.Error("archived file still in the inbox")
	}

	// letopis runs lists the runs and one run's files.
	code, out, _ = runBinary(t, dir, "runs", "--format", "csv")
	if code != 0 || strings.Count(out, "\n") != 4 {
		t.Fatalf("runs: exit %d\n%s", code, out)
	}
	code, out, _ = runBinary(t, dir, "runs", "1")
	if code != 0 || !strings.Contains(out, "inbox/empty.pdf") || !strings.Contains(out, "empty file") {
		t.Fatalf("runs 1: exit %d\n%s", code, out)
	}
}

// TestEndToEndJSONLog checks the structured log a scheduler's journal reads.
func TestEndToEndJSONLog(t *testing.T) {
	dir := t.TempDir()
	fixture(t, dir, "novus-2020-plain.pdf", "a.pdf")
	writeFile(t, filepath.Join(dir, "b.pdf"), []byte("%PDF-1.4 broken"))
	code, out, stderr := runBinary(t, dir, "import", "--log-format", "json", "a.pdf", "b.pdf")
	if code != exitDataErr || out != "" {
		t.Fatalf("exit %d, stdout %q", code, out)
	}
	for _, want := range []string{`"msg":"imported","path":"a.pdf"`, `"level":"ERROR","msg":"failed","path":"b.pdf"`, `"msg":"import finished","imported":1`} {
		if !strings.Contains(stderr, want) {
			t.Errorf("log lacks %s:\n%s", want, stderr)
		}
	}
}

// TestEndToEndQuietNight: an inbox with nothing to import (empty, or only
// files letopis does not read) is no failure: exit 0, a run recorded with
// nothing in it, and JSON records only under --log-format json.
func TestEndToEndQuietNight(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "inbox"), 0o755)
	code, out, stderr := runBinary(t, dir, "import", "--log-format", "json", "inbox")
	if code != 0 || out != "" {
		t.Fatalf("empty inbox: exit %d, stdout %q, stderr %s", code, out, stderr)
	}
	for _, line := range strings.Split(strings.TrimSpace(stderr), "\n") {
		if !json.Valid([]byte(line)) {
			t.Errorf("not a JSON record: %q", line)
		}
	}
	if !strings.Contains(stderr, `"msg":"import finished","imported":0`) {
		t.Errorf("no record of the run's end:\n%s", stderr)
	}
	writeFile(t, filepath.Join(dir, "inbox", "notes.txt"), []byte("x"))
	if code, _, stderr := runBinary(t, dir, "import", "inbox"); code != 0 {
		t.Fatalf("inbox of a .txt: exit %d: %s", code, stderr)
	}
	if n := queryInt(t, dir, "SELECT count(*) FROM import_runs WHERE status = 'ok' AND files_imported = 0"); n != 2 {
		t.Errorf("%d quiet runs recorded, want 2", n)
	}
	// a path that does not exist is still no input
	if code, _, _ := runBinary(t, dir, "import", "nowhere"); code != exitNoInput {
		t.Errorf("missing inbox: exit %d, want %d", code, exitNoInput)
	}
}

// TestEndToEndConcurrentImports starts two imports of the same files on one
// warehouse at once: with --wait both finish, one after the other; without
// it the second may exit 75. Either way each fact is there once.
func TestEndToEndConcurrentImports(t *testing.T) {
	dir := t.TempDir()
	for i := range 6 {
		writeFile(t, filepath.Join(dir, "in", fmt.Sprintf("r%d.pdf", i)), pdfVariant(t, 100+i))
	}
	for _, wait := range []string{"1m", "0s"} {
		t.Run("wait="+wait, func(t *testing.T) {
			db := "w" + wait + ".duckdb"
			var wg sync.WaitGroup
			codes := make([]int, 2)
			errs := make([]string, 2)
			for k := range 2 {
				wg.Add(1)
				go func() {
					defer wg.Done()
					codes[k], _, errs[k] = runBinary(t, dir, "import", "--db", db, "--wait", wait, "in")
				}()
			}
			wg.Wait()
			for k, c := range codes {
				if c != 0 && !(wait == "0s" && c == exitTempFail && strings.Contains(errs[k], "another letopis import is running")) {
					t.Fatalf("import %d: exit %d %s", k, c, errs[k])
				}
			}
			if wait == "1m" && (codes[0] != 0 || codes[1] != 0) {
				t.Fatalf("with --wait both should finish: %v", codes)
			}
			code, out, _ := runBinary(t, dir, "query", "--db", db, "--format", "csv",
				"SELECT count(*) = count(DISTINCT fact_id) AND count(DISTINCT source_sha256) = 6 FROM facts")
			if code != 0 || !strings.Contains(out, "true") {
				t.Fatalf("facts duplicated or missing: %s", out)
			}
		})
	}
}

// startBatch writes n distinct PDFs (IDs from id0) into dir/in and starts
// an import of them with one worker, returning the running command and a
// scanner over its stdout.
func startBatch(t *testing.T, dir string, n, id0 int) (*exec.Cmd, *bufio.Scanner) {
	t.Helper()
	for i := range n {
		writeFile(t, filepath.Join(dir, "in", fmt.Sprintf("r%02d.pdf", i)), pdfVariant(t, id0+i))
	}
	cmd := exec.Command(binary, "import", "--workers", "1", "in")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "XDG_CONFIG_HOME="+filepath.Join(dir, ".config"))
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return cmd, bufio.NewScanner(stdout)
}

// TestEndToEndKilled kills an import (SIGKILL) in the middle of a batch and
// runs it again: no partial source, every file imported once.
func TestEndToEndKilled(t *testing.T) {
	dir := t.TempDir()
	const n = 12
	cmd, sc := startBatch(t, dir, n, 200)
	imported := 0
	for sc.Scan() {
		if strings.HasPrefix(sc.Text(), "imported") {
			imported++
			if imported == 3 {
				// The writer is now inside the next file's load or extraction.
				time.Sleep(20 * time.Millisecond)
				cmd.Process.Signal(syscall.SIGKILL)
				break
			}
		}
	}
	cmd.Wait()
	if imported != 3 {
		t.Fatalf("killed after %d files", imported)
	}
	perFile := queryInt(t, dir, "SELECT max(c) FROM (SELECT count(*) AS c FROM facts GROUP BY source_sha256)")
	if n := queryInt(t, dir, "SELECT count(*) FROM sources s WHERE facts <> (SELECT count(*) FROM fact_rows f WHERE f.source_id = s.source_id)"); n != 0 {
		t.Fatalf("%d partial sources after SIGKILL", n)
	}
	code, out, stderr := runBinary(t, dir, "import", "in")
	if code != 0 {
		t.Fatalf("rerun: exit %d\n%s%s", code, out, stderr)
	}
	if got := queryInt(t, dir, "SELECT count(DISTINCT source_sha256) FROM facts"); got != n {
		t.Fatalf("sources with facts = %d, want %d", got, n)
	}
	if got := queryInt(t, dir, "SELECT count(*) FROM facts"); got != n*perFile {
		t.Fatalf("facts = %d, want %d", got, n*perFile)
	}
	// the next import closed the killed run as killed, with the three files
	// it committed
	if got := queryInt(t, dir, "SELECT count(*) FROM import_runs WHERE status = 'running'"); got != 0 {
		t.Fatalf("%d runs still 'running' after the next import", got)
	}
	if got := queryInt(t, dir, "SELECT files_imported FROM import_runs WHERE status = 'killed'"); got != 3 {
		t.Fatalf("the killed run has %d files imported, want 3", got)
	}
}

// TestEndToEndInterrupted sends SIGTERM during a batch: the run is marked
// interrupted, the exit code is 143, and no partial source is left.
func TestEndToEndInterrupted(t *testing.T) {
	dir := t.TempDir()
	cmd, sc := startBatch(t, dir, 12, 300)
	for sc.Scan() {
		if strings.HasPrefix(sc.Text(), "imported") {
			cmd.Process.Signal(syscall.SIGTERM)
			break
		}
	}
	for sc.Scan() {
	}
	err := cmd.Wait()
	if cmd.ProcessState.ExitCode() != exitTerminated {
		t.Fatalf("exit %v, want %d", err, exitTerminated)
	}
	if n := queryInt(t, dir, "SELECT count(*) FROM import_runs WHERE status = 'interrupted'"); n != 1 {
		t.Fatal("run not marked interrupted")
	}
	if n := queryInt(t, dir, "SELECT count(*) FROM sources s WHERE facts <> (SELECT count(*) FROM fact_rows f WHERE f.source_id = s.source_id)"); n != 0 {
		t.Fatalf("%d partial sources after SIGTERM", n)
	}
}

// TestEndToEndSchedule runs imports every second until SIGTERM: the file is
// imported once, later ticks find it unchanged, and the scheduler stops
// cleanly.
func TestEndToEndSchedule(t *testing.T) {
	dir := t.TempDir()
	fixture(t, dir, "novus-2020-plain.pdf", "in/a.pdf")
	cmd := exec.Command(binary, "schedule", "--cron", "@every 1s", "--", "import", "--log-format", "json", "in")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "XDG_CONFIG_HOME="+filepath.Join(dir, ".config"))
	stderr, _ := cmd.StderrPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(stderr)
	var log strings.Builder
	ends := 0
	for sc.Scan() {
		log.WriteString(sc.Text() + "\n")
		if strings.Contains(sc.Text(), "schedule: import exited 0") {
			ends++
			if ends == 2 {
				cmd.Process.Signal(syscall.SIGTERM)
			}
		}
	}
	if err := cmd.Wait(); err != nil {
		t.Fatalf("schedule: %v\n%s", err, log.String())
	}
	if !strings.Contains(log.String(), `"msg":"imported"`) || !strings.Contains(log.String(), `"msg":"unchanged"`) {
		t.Fatalf("want one import then unchanged:\n%s", log.String())
	}
	if n := queryInt(t, dir, "SELECT count(*) FROM sources"); n != 1 {
		t.Fatalf("sources = %d", n)
	}
}

func TestScheduleUsage(t *testing.T) {
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"schedule", "--cron", "61 * * * *", "--", "import", "x"}, "--cron"},
		{[]string{"schedule", "--cron", "@daily", "--", "query", "x"}, "must start with import"},
		{[]string{"schedule", "--cron", "@daily", "--", "import", "--bogus", "x"}, "unknown flag"},
		{[]string{"schedule", "--", "import", "x"}, "cron"},
	} {
		code, _, stderr := runCmd(t, tt.args...)
		if code != exitUsage || !strings.Contains(stderr, tt.want) {
			t.Errorf("%v: exit %d %q; want 64 and %q", tt.args, code, stderr, tt.want)
		}
	}
}

// TestEndToEndImportSyncsAliases: an import with --aliases (or
// LETOPIS_ALIASES) syncs that file into the warehouse, so the views show
// the mapped key even when every file is unchanged.
func TestEndToEndImportSyncsAliases(t *testing.T) {
	dir := t.TempDir()
	fixture(t, dir, "novus-2020-plain.pdf", "a.pdf")
	if code, out, stderr := runBinary(t, dir, "import", "a.pdf"); code != 0 {
		t.Fatalf("import: %d %s%s", code, out, stderr)
	}
	code, out, _ := runBinary(t, dir, "query", "--format", "csv", "SELECT DISTINCT activity_key FROM facts WHERE activity LIKE 'SPIN%'")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != 0 || len(lines) != 2 {
		t.Fatalf("spin key: %q", out)
	}
	writeFile(t, filepath.Join(dir, "conf", "keys.yaml"), []byte("activity:\n  "+lines[1]+": spin\n"))
	if code, out, stderr := runBinary(t, dir, "import", "--aliases", "conf/keys.yaml", "a.pdf"); code != 0 || !strings.Contains(out, "unchanged") {
		t.Fatalf("import with aliases: %d %s%s", code, out, stderr)
	}
	if n := queryInt(t, dir, "SELECT count(*) FROM facts WHERE activity_key = 'spin'"); n == 0 {
		t.Fatal("the alias file given to import was not synced")
	}
}
