package main

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestEndToEndScheduleRecordsItsArguments: a scheduled import records its
// own import command line as the run's arguments, not the scheduler's.
func TestEndToEndScheduleRecordsItsArguments(t *testing.T) {
	dir := t.TempDir()
	fixture(t, dir, "kazalniki-2021.csv", "in/k.csv")
	cmd := exec.Command(binary, "schedule", "--cron", "@every 1s", "--", "import", "--workers", "1", "in")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "XDG_CONFIG_HOME="+filepath.Join(dir, ".config"))
	stderr, _ := cmd.StderrPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(stderr)
	var log strings.Builder
	for sc.Scan() {
		log.WriteString(sc.Text() + "\n")
		if strings.Contains(sc.Text(), "schedule: import exited") {
			cmd.Process.Signal(syscall.SIGTERM)
		}
	}
	if err := cmd.Wait(); err != nil || !strings.Contains(log.String(), "schedule: import exited 0") {
		t.Fatalf("schedule: %v\n%s", err, log.String())
	}
	code, out, _ := runBinary(t, dir, "runs", "--format", "csv")
	if code != 0 || !strings.Contains(out, ",import --workers 1 in\n") || strings.Contains(out, "schedule") {
		t.Fatalf("runs: want the import's own arguments:\n%s", out)
	}
}
