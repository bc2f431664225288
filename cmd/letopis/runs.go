package main

import (
	"strconv"

	"github.com/spf13/cobra"
)

type runsOptions struct {
	queryOptions
	limit int
}

func newRunsCmd(s streams) *cobra.Command {
	var o runsOptions
	cmd := &cobra.Command{
		Use:   "runs [flags] [RUN_ID]",
		Short: "List recent import runs, or one run's files",
		Long: `List the recent import runs recorded in the warehouse (start, end, host,
version, status, counts), newest first; with a run id, list that run's files
and what became of each (imported, unchanged, failed with the reason).`,
		Example: `  letopis runs
  letopis runs 12
  letopis runs --format json --limit 5`,
		Args: args(cobra.MaximumNArgs(1)),
		RunE: func(cmd *cobra.Command, a []string) error {
			if len(a) == 1 {
				id, err := strconv.ParseInt(a[0], 10, 64)
				if err != nil {
					return usageErrorf("run id %q: want a number from `letopis runs`", a[0])
				}
				return queryRun(cmd, s, o.queryOptions, `SELECT path, outcome, facts, activities, error, sha256, recorded_at
FROM import_files WHERE run_id = ? ORDER BY recorded_at, path`, id)
			}
			if o.limit < 1 {
				return usageErrorf("--limit %d: want 1 or more", o.limit)
			}
			return queryRun(cmd, s, o.queryOptions, `SELECT run_id, started_at, ended_at, status, files_imported AS imported,
       files_unchanged AS unchanged, files_failed AS failed, facts, host, version, arguments
FROM import_runs ORDER BY run_id DESC LIMIT ?`, o.limit)
		},
	}
	addDBFlag(cmd, &o.db)
	cmd.Flags().StringVar(&o.format, "format", "table", "output format: table, csv or json")
	cmd.Flags().IntVar(&o.limit, "limit", 20, "how many runs to list")
	return cmd
}
