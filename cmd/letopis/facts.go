package main

import (
	"github.com/spf13/cobra"

	"github.com/letopis/letopis/load"
)

type factsOptions struct {
	queryOptions
	year     int
	activity string
}

func newFactsCmd(s streams) *cobra.Command {
	var o factsOptions
	cmd := &cobra.Command{
		Use:   "facts [flags]",
		Short: "List facts with their page and snippet, for a check by eye",
		Long: `List the facts of the warehouse with where each was read (page, or sheet and
cell) and the sentence, list item or table row it came from.`,
		Example: `  letopis facts --year 2020
  letopis facts --activity spin --format csv`,
		Args: args(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			return printQuery(cmd, s, o.queryOptions, func(w *load.Warehouse) (*load.Table, error) {
				return w.Facts(cmd.Context(), load.FactFilter{Year: o.year, Activity: o.activity})
			})
		},
	}
	addDBFlag(cmd, &o.db)
	cmd.Flags().StringVar(&o.format, "format", "table", "output format: table, csv or json")
	cmd.Flags().IntVar(&o.year, "year", 0, "only facts of reports of this year")
	cmd.Flags().StringVar(&o.activity, "activity", "", "only facts of activities whose title or key contains this text")
	return cmd
}
