package importer

import (
	"fmt"
	"io"
	"log/slog"
	"strconv"
	"strings"
	"time"

	"github.com/letopis/letopis"
	"github.com/letopis/letopis/load"
)

// Events hears what a run does, in order, from the goroutine that calls
// Run: Skipped for each file that is not imported (of a format letopis
// does not read, not a regular file, a link in a loop) with the reason, Started once with the number of files to import, File for each
// file in the order listed, and Finished once at the end (also of an
// interrupted or failed run, unless there was nothing to import).
type Events interface {
	Started(files int)
	Skipped(path, reason string)
	File(f FileEvent)
	Finished(c Counts, dryRun bool)
}

// FileEvent is what became of one file.
type FileEvent struct {
	Path    string
	SHA256  string          // "" if its bytes were never read
	Report  *letopis.Report // the report read; nil if unchanged or failed
	Result  load.Result     // its outcome and counts
	Err     error           // why it failed, one line naming the file; nil otherwise
	MovedTo string          // where it was archived or quarantined, "" if it stayed
	DryRun  bool            // nothing was written: Result says what would have been
}

// noEvents hears nothing.
type noEvents struct{}

func (noEvents) Started(int)            {}
func (noEvents) Skipped(string, string) {}
func (noEvents) File(FileEvent)         {}
func (noEvents) Finished(Counts, bool)  {}

// TextLog tells a person what a run does: a line a file on Out (imported,
// unchanged, failed and why; in a dry run the activities and facts that
// would be loaded), the totals on Err, and with Progress, on a terminal, a
// progress line on Err that each file's line replaces.
type TextLog struct {
	Out, Err io.Writer
	Progress bool

	total, done int
	facts       int64
	began       time.Time
}

// Started implements Events.
func (t *TextLog) Started(files int) { t.total, t.began = files, time.Now() }

// Skipped implements Events.
func (t *TextLog) Skipped(path, reason string) {
	fmt.Fprintf(t.Out, "skipped   %s: %s\n", path, reason)
}

func (t *TextLog) clearProgress() {
	if t.Progress {
		fmt.Fprint(t.Err, "\r\033[K")
	}
}

// File implements Events.
func (t *TextLog) File(f FileEvent) {
	t.clearProgress()
	res := f.Result
	moved := ""
	if f.MovedTo != "" {
		moved = " → " + f.MovedTo
	}
	switch {
	case f.Err != nil:
		fmt.Fprintf(t.Out, "failed    %s%s\n", oneLine(f.Err.Error()), moved)
	case res.Outcome == load.Unchanged:
		if res.SamePath != "" && res.SamePath != f.Path {
			fmt.Fprintf(t.Out, "unchanged %s: same bytes as %s, already imported%s\n", f.Path, res.SamePath, moved)
		} else {
			fmt.Fprintf(t.Out, "unchanged %s: already imported%s\n", f.Path, moved)
		}
	default:
		extra := ""
		if res.Replaced != "" {
			extra = ", replacing the earlier version"
		}
		org, year, format := "", 0, ""
		if f.Report != nil {
			org, year, format = f.Report.Organisation, f.Report.Year, f.Report.Source.Format
		}
		if org == "" {
			org = "organisation unknown"
		}
		verb := "imported "
		if f.DryRun {
			verb = "would import"
		}
		if f.Report != nil {
			if pages := PagesNotRead(f.Report); len(pages) > 0 {
				extra += "; not read: " + strings.Join(pages, ", ")
			}
		}
		fmt.Fprintf(t.Out, "%s %s: %d facts, %d activities, %d values refused (%s %d, %s)%s%s%s\n",
			verb, f.Path, res.Facts, res.Activities, res.Rejected, org, year, format, extra, reviewsKept(res), moved)
	}
	if f.DryRun && f.Report != nil {
		printDryRun(t.Out, f.Report)
	}
	t.done++
	t.facts += int64(res.Facts)
	if t.Progress && t.done < t.total {
		el := time.Since(t.began)
		fmt.Fprintf(t.Err, "[%d/%d] %d facts, %s, %.1f files/s", t.done, t.total, t.facts,
			el.Round(time.Second), float64(t.done)/max(el.Seconds(), 0.001))
	}
}

// reviewsKept says what became of the corrections of a file's facts,
// "" if it has none.
func reviewsKept(res load.Result) string {
	if res.Reviews+res.StaleReviews == 0 {
		return ""
	}
	s := fmt.Sprintf("; %d corrections kept", res.Reviews)
	switch res.StaleReviews {
	case 0:
	case 1:
		s += ", 1 no longer applies (letopis review lists it)"
	default:
		s += fmt.Sprintf(", %d no longer apply (letopis review lists them)", res.StaleReviews)
	}
	return s
}

// Finished implements Events.
func (t *TextLog) Finished(c Counts, dryRun bool) {
	t.clearProgress()
	verb := "imported"
	if dryRun {
		verb = "would be imported"
	}
	fmt.Fprintf(t.Err, "%d %s, %d unchanged, %d failed, %d skipped; %d facts in %s\n",
		c.Imported, verb, c.Unchanged, c.Failed, c.Skipped, c.Facts, time.Since(t.began).Round(time.Millisecond))
}

// JSONLog writes one structured record (log/slog JSON) a file and one at
// the start and the end of a run on Log, for a scheduler's journal. In a
// dry run, the activities and facts that would be loaded are listed on Out
// as TextLog lists them.
type JSONLog struct {
	Log, Out io.Writer

	log   *slog.Logger
	began time.Time
}

func (j *JSONLog) logger() *slog.Logger {
	if j.log == nil {
		j.log = slog.New(slog.NewJSONHandler(j.Log, nil))
	}
	return j.log
}

// Started implements Events.
func (j *JSONLog) Started(files int) {
	j.began = time.Now()
	j.logger().Info("import started", "files", files)
}

// Skipped implements Events.
func (j *JSONLog) Skipped(path, reason string) {
	j.logger().Info("skipped", "path", path, "reason", reason)
}

// File implements Events.
func (j *JSONLog) File(f FileEvent) {
	res := f.Result
	attrs := []any{"path", f.Path, "outcome", string(res.Outcome)}
	if f.SHA256 != "" {
		attrs = append(attrs, "sha256", f.SHA256)
	}
	if f.MovedTo != "" {
		attrs = append(attrs, "moved_to", f.MovedTo)
	}
	if f.Err != nil {
		j.logger().Error("failed", append(attrs, "error", oneLine(f.Err.Error()))...)
		return
	}
	if res.Outcome == load.Imported {
		attrs = append(attrs, "facts", res.Facts, "activities", res.Activities, "rejected", res.Rejected)
		if f.Report != nil {
			attrs = append(attrs, "organisation", f.Report.Organisation, "year", f.Report.Year)
			if pages := PagesNotRead(f.Report); len(pages) > 0 {
				attrs = append(attrs, "not_read", strings.Join(pages, ", "))
			}
		}
		if res.Replaced != "" {
			attrs = append(attrs, "replaced_sha256", res.Replaced)
		}
		if res.Reviews+res.StaleReviews > 0 {
			attrs = append(attrs, "corrections_kept", res.Reviews, "corrections_stale", res.StaleReviews)
		}
	}
	if res.SamePath != "" {
		attrs = append(attrs, "same_as", res.SamePath)
	}
	j.logger().Info(strings.TrimSpace(string(res.Outcome)), attrs...)
	if f.DryRun && f.Report != nil && j.Out != nil {
		printDryRun(j.Out, f.Report)
	}
}

// Finished implements Events.
func (j *JSONLog) Finished(c Counts, dryRun bool) {
	j.logger().Info("import finished", "imported", c.Imported, "unchanged", c.Unchanged, "failed", c.Failed,
		"skipped", c.Skipped, "facts", c.Facts, "dry_run", dryRun, "seconds", time.Since(j.began).Seconds())
}

// printDryRun lists what a report would load.
func printDryRun(w io.Writer, rep *letopis.Report) {
	for _, a := range rep.Activities {
		fmt.Fprintf(w, "  activity  %s", a.Title)
		if !a.Period.IsZero() {
			fmt.Fprintf(w, " (%s)", a.Period)
		}
		fmt.Fprintln(w)
	}
	for _, f := range rep.Facts {
		fmt.Fprintf(w, "  fact      %-8s %s %s %s [%s] %s\n", f.Location, strconv.FormatFloat(f.Value, 'f', -1, 64), f.Unit, f.Qualifier, f.Activity, f.Indicator)
	}
}

// oneLine folds the white space of s, line breaks too, into single spaces.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
