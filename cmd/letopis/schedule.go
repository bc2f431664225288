package main

import (
	"context"
	"errors"
	"fmt"
	"sync/atomic"
	"time"

	"github.com/robfig/cron/v3"
	"github.com/spf13/cobra"
)

type scheduleOptions struct {
	spec string
}

func newScheduleCmd(s streams) *cobra.Command {
	var o scheduleOptions
	cmd := &cobra.Command{
		Use:   "schedule --cron SPEC -- import [flags] PATH...",
		Short: "Run an import on a cron schedule, for machines without cron",
		Long: `Run a letopis import on a schedule (standard 5-field cron syntax in local time,
or @daily, @hourly, @every 30m)
until stopped with SIGINT or SIGTERM. A tick that comes while the previous
import still runs is skipped, never run twice at once. Each import takes the
warehouse's lock file like any other, so it also never overlaps an import
started by hand or by cron.

The words after -- are the import's own command line, read once before
the first tick (its flags, the environment and the config file it names);
each run records them as its arguments (letopis runs).`,
		Example: `  letopis schedule --cron "0 3 * * *" -- import --quarantine /srv/inbox/failed --archive /srv/inbox/done /srv/inbox
  letopis schedule --cron "*/15 * * * *" -- import --log-format json --wait 5m inbox/`,
		Args: args(cobra.MinimumNArgs(1)),
		RunE: func(cmd *cobra.Command, a []string) error {
			if o.spec == "" {
				return usageErrorf("--cron is required: when to import, e.g. --cron \"0 3 * * *\"")
			}
			if a[0] != "import" {
				return usageErrorf("schedule runs imports: the words after -- must start with import, not %q", a[0])
			}
			sched, err := cron.ParseStandard(o.spec)
			if err != nil {
				return usageErrorf("--cron %q: %v", o.spec, err)
			}
			// The import's own command line (flags, config, paths) is read
			// once, before the first tick; each tick runs the import with it.
			ctx := cmd.Context()
			var imp *importOptions
			var paths []string
			parse := newRootCmd(s, func(_ context.Context, parsed importOptions, p []string) error {
				imp, paths = &parsed, p
				return nil
			})
			parse.SetArgs(a)
			if err := parse.ExecuteContext(ctx); err != nil {
				var ce *codedError
				if errors.As(err, &ce) {
					return err
				}
				return usageErrorf("import: %v", err)
			}
			if imp == nil {
				return nil // the import's help was asked for and printed
			}
			argLine := redactArgs(a)
			var running atomic.Bool
			job := func() {
				if !running.CompareAndSwap(false, true) {
					fmt.Fprintf(s.err, "%s schedule: previous import still running; tick skipped\n", time.Now().Format(time.RFC3339))
					return
				}
				defer running.Store(false)
				fmt.Fprintf(s.err, "%s schedule: letopis %s\n", time.Now().Format(time.RFC3339), argLine)
				code := report(ctx, s, importRun(ctx, s, *imp, paths, argLine))
				fmt.Fprintf(s.err, "%s schedule: import exited %d\n", time.Now().Format(time.RFC3339), code)
			}
			c := cron.New()
			c.Schedule(sched, cron.FuncJob(job))
			c.Start()
			fmt.Fprintf(s.err, "schedule: next import at %s\n", sched.Next(time.Now()).Format(time.RFC3339))
			<-ctx.Done()
			<-c.Stop().Done() // waits for a running import to finish its file and stop
			fmt.Fprintf(s.err, "%s schedule: stopped\n", time.Now().Format(time.RFC3339))
			return nil
		},
	}
	cmd.Flags().StringVar(&o.spec, "cron", "", `when to import, in cron syntax ("0 3 * * *": every day at 03:00)`)
	return cmd
}
