package main

import (
	"encoding/json"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/letopis/letopis/queries"
)

// dataChecks are the checks of `letopis check` in the order printed: the
// queries of queries/checks, embedded and parsed once (their tests parse
// them too).
var dataChecks = mustChecks()

func mustChecks() []*queries.Query {
	checks, err := queries.Checks()
	if err != nil {
		panic("queries/checks: " + err.Error())
	}
	return checks
}

func newCheckCmd(s streams) *cobra.Command {
	var o queryOptions
	cmd := &cobra.Command{
		Use:   "check [flags]",
		Short: "Run the data checks: doubtful values and keys that may need an alias",
		Long: `Run the data checks on the warehouse (read-only) and print each one's findings:

  share-exceeds-value       facts whose share exceeds the value
  percent-over-100          achieved percentages over 100 where the unit is percent
  conflicting-values        the same indicator twice in one report with different values
  activities-without-facts  activities without facts
  single-year-keys          keys found in one year only, though a near-identical
                            key (half its stems shared, or Jaro-Winkler ≥ 0.92)
                            is found in another year; each with the alias command
                            that would join them

Findings are not errors: the exit code is 0 unless --fail is given.`,
		Example: `  letopis check
  letopis check --format json > checks.json
  letopis check --fail   # exit 65 when anything is found, for scheduled runs`,
		Args: args(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			w, err := openForQuery(cmd.Context(), o)
			if err != nil {
				return err
			}
			defer w.Close()
			fail, _ := cmd.Flags().GetBool("fail")
			found := 0
			results := map[string]any{}
			for _, c := range dataChecks {
				tab, err := w.Query(cmd.Context(), c.SQL)
				if err != nil {
					return fmt.Errorf("check %s: %w", c.Name, err)
				}
				found += len(tab.Rows)
				switch o.format {
				case "json":
					rows := make([]map[string]any, 0, len(tab.Rows))
					for _, r := range tab.Rows {
						m := map[string]any{}
						for i, v := range r {
							m[tab.Columns[i]] = jsonValue(v)
						}
						rows = append(rows, m)
					}
					results[c.Name] = rows
				default:
					fmt.Fprintf(s.out, "== %s: %s: %d\n", c.Name, c.Answers, len(tab.Rows))
					if len(tab.Rows) > 0 {
						if err := printTableLocale(s.out, tab, o.format, o.locale); err != nil {
							return err
						}
					}
					fmt.Fprintln(s.out)
				}
			}
			if o.format == "json" {
				enc := json.NewEncoder(s.out)
				enc.SetIndent("", "  ")
				if err := enc.Encode(results); err != nil {
					return err
				}
			}
			if fail && found > 0 {
				return withCode(exitDataErr, fmt.Errorf("check: %d findings", found))
			}
			return nil
		},
	}
	addDBFlag(cmd, &o.db)
	cmd.Flags().StringVar(&o.format, "format", "table", "output format: table, csv, json or markdown")
	cmd.Flags().StringVar(&o.locale, "locale", "plain", "number format of table and markdown: plain or sl")
	cmd.Flags().Bool("fail", false, "exit 65 when any check finds something")
	return cmd
}
