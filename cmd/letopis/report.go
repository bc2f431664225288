package main

import (
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/letopis/letopis/load"
)

// reporter tells the user what an import does: one line per file (text) or
// one structured record per file (JSON, for a scheduler's journal), and on a
// terminal a progress line.
type reporter interface {
	start(files int)
	skipped(path string)
	file(r fileResult, res load.Result, err error, movedTo string)
	summary(c load.RunCounts, skipped int, dryRun bool)
}

func newReporter(s streams, format string, dryRun bool) reporter {
	if format == "json" {
		return &jsonReporter{log: slog.New(slog.NewJSONHandler(s.err, nil))}
	}
	t := &textReporter{out: s.out, err: s.err, dryRun: dryRun}
	if f, ok := s.err.(*os.File); ok && isTerminal(f) {
		t.progress = true
	}
	return t
}

func isTerminal(f *os.File) bool {
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0 && os.Getenv("TERM") != "dumb"
}

type textReporter struct {
	mu       sync.Mutex
	out, err io.Writer
	progress bool
	dryRun   bool
	total    int
	done     int
	facts    int64
	began    time.Time
}

func (t *textReporter) start(files int) {
	t.total, t.began = files, time.Now()
}

func (t *textReporter) skipped(path string) {
	fmt.Fprintf(t.out, "skipped   %s: not a format letopis reads\n", path)
}

func (t *textReporter) clearProgress() {
	if t.progress {
		fmt.Fprint(t.err, "\r\033[K")
	}
}

func (t *textReporter) file(r fileResult, res load.Result, err error, movedTo string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.clearProgress()
	path := r.in.path
	moved := ""
	if movedTo != "" {
		moved = " → " + movedTo
	}
	switch {
	case err != nil:
		fmt.Fprintf(t.out, "failed    %s%s\n", oneLine(err.Error()), moved)
	case res.Outcome == load.Unchanged:
		if res.SamePath != "" && res.SamePath != path {
			fmt.Fprintf(t.out, "unchanged %s: same bytes as %s, already imported%s\n", path, res.SamePath, moved)
		} else {
			fmt.Fprintf(t.out, "unchanged %s: already imported%s\n", path, moved)
		}
	default:
		extra := ""
		if res.Replaced != "" {
			extra = ", replacing the earlier version"
		}
		org, year, format := "", 0, ""
		if r.rep != nil {
			org, year, format = r.rep.Organisation, r.rep.Year, r.rep.Source.Format
		}
		verb := "imported "
		if t.dryRun {
			verb = "would import"
		}
		fmt.Fprintf(t.out, "%s %s: %d facts, %d activities, %d values refused (%s %d, %s)%s%s\n",
			verb, path, res.Facts, res.Activities, res.Rejected, orUnknown(org), year, format, extra, moved)
	}
	t.done++
	t.facts += int64(res.Facts)
	if t.progress && t.done < t.total {
		el := time.Since(t.began)
		fmt.Fprintf(t.err, "[%d/%d] %d facts, %s, %.1f files/s", t.done, t.total, t.facts,
			el.Round(time.Second), float64(t.done)/max(el.Seconds(), 0.001))
	}
}

func (t *textReporter) summary(c load.RunCounts, skipped int, dryRun bool) {
	t.clearProgress()
	verb := "imported"
	if dryRun {
		verb = "would be imported"
	}
	fmt.Fprintf(t.err, "%d %s, %d unchanged, %d failed, %d skipped; %d facts in %s\n",
		c.Imported, verb, c.Unchanged, c.Failed, skipped, c.Facts, time.Since(t.began).Round(time.Millisecond))
}

type jsonReporter struct {
	log   *slog.Logger
	began time.Time
}

func (j *jsonReporter) start(files int) {
	j.began = time.Now()
	j.log.Info("import started", "files", files)
}

func (j *jsonReporter) skipped(path string) {
	j.log.Info("skipped", "path", path, "reason", "not a format letopis reads")
}

func (j *jsonReporter) file(r fileResult, res load.Result, err error, movedTo string) {
	attrs := []any{"path", r.in.path, "outcome", string(res.Outcome)}
	if r.sha != "" {
		attrs = append(attrs, "sha256", r.sha)
	}
	if movedTo != "" {
		attrs = append(attrs, "moved_to", movedTo)
	}
	if err != nil {
		j.log.Error("failed", append(attrs, "error", oneLine(err.Error()))...)
		return
	}
	if res.Outcome == load.Imported {
		attrs = append(attrs, "facts", res.Facts, "activities", res.Activities, "rejected", res.Rejected)
		if r.rep != nil {
			attrs = append(attrs, "organisation", r.rep.Organisation, "year", r.rep.Year)
		}
		if res.Replaced != "" {
			attrs = append(attrs, "replaced_sha256", res.Replaced)
		}
	}
	if res.SamePath != "" {
		attrs = append(attrs, "same_as", res.SamePath)
	}
	j.log.Info(strings.TrimSpace(string(res.Outcome)), attrs...)
}

func (j *jsonReporter) summary(c load.RunCounts, skipped int, dryRun bool) {
	j.log.Info("import finished", "imported", c.Imported, "unchanged", c.Unchanged, "failed", c.Failed,
		"skipped", skipped, "facts", c.Facts, "dry_run", dryRun, "seconds", time.Since(j.began).Seconds())
}
