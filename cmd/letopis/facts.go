package main

import (
	"strings"

	"github.com/spf13/cobra"
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
			var where []string
			var params []any
			if o.year != 0 {
				where = append(where, "report_year = ?")
				params = append(params, o.year)
			}
			if o.activity != "" {
				where = append(where, "(activity ILIKE ? OR activity_key ILIKE ?)")
				params = append(params, "%"+o.activity+"%", "%"+o.activity+"%")
			}
			q := `SELECT report_year AS year, activity, indicator, value, unit, qualifier, target, share_value, share_of,
       coalesce('p. ' || page, sheet || '!' || cell) AS "where", snippet
FROM facts`
			if len(where) > 0 {
				q += " WHERE " + strings.Join(where, " AND ")
			}
			q += " ORDER BY report_year, source_file, fact_seq"
			return queryRun(cmd, s, o.queryOptions, q, params...)
		},
	}
	addDBFlag(cmd, &o.db)
	cmd.Flags().StringVar(&o.format, "format", "table", "output format: table, csv or json")
	cmd.Flags().IntVar(&o.year, "year", 0, "only facts of reports of this year")
	cmd.Flags().StringVar(&o.activity, "activity", "", "only facts of activities whose title or key contains this text")
	return cmd
}
