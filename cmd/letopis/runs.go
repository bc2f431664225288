package main

import (
	"strconv"

	"github.com/spf13/cobra"

	"github.com/letopis/letopis/load"
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
				return printQuery(cmd, s, o.queryOptions, func(w *load.Warehouse) (*load.Table, error) { return w.RunFiles(cmd.Context(), id) })
			}
			if o.limit < 1 {
				return usageErrorf("--limit %d: want 1 or more", o.limit)
			}
			return printQuery(cmd, s, o.queryOptions, func(w *load.Warehouse) (*load.Table, error) { return w.Runs(cmd.Context(), o.limit) })
		},
	}
	addDBFlag(cmd, &o.db)
	cmd.Flags().StringVar(&o.format, "format", "table", "output format: table, csv or json")
	cmd.Flags().IntVar(&o.limit, "limit", 20, "how many runs to list")
	return cmd
}
