package main

import (
	"encoding/json"
	"fmt"

	"github.com/spf13/cobra"
)

// dataCheck is one data check: a read-only query whose rows are findings.
type dataCheck struct {
	name, about, sql string
}

// dataChecks are the checks of `letopis check`, in the order printed.
var dataChecks = []dataCheck{
	{"share-exceeds-value", "facts whose share exceeds the value",
		`SELECT report_year, activity_key, indicator, value, share_value, share_of, source_file, coalesce('p. ' || page, sheet || '!' || cell) AS "where"
FROM facts WHERE share_value > value ORDER BY ALL`},
	{"percent-over-100", "achieved percentages over 100",
		`SELECT report_year, activity_key, indicator, value, target, source_file, coalesce('p. ' || page, sheet || '!' || cell) AS "where"
FROM facts WHERE unit = 'percent' AND value > 100 ORDER BY ALL`},
	{"conflicting-values", "the same indicator twice in one report with different values",
		`SELECT report_year, source_file, activity_key, indicator_key, list(DISTINCT value ORDER BY value) AS "values", count(*) AS facts
FROM facts GROUP BY report_year, source_file, activity_key, indicator_key
HAVING count(DISTINCT value) > 1 ORDER BY ALL`},
	{"activities-without-facts", "activities without facts",
		`SELECT a.report_year, a.activity, a.activity_key, a.source_file
FROM activities a
WHERE NOT EXISTS (SELECT 1 FROM facts f WHERE f.source_sha256 = a.source_sha256 AND f.activity_key = a.activity_key)
ORDER BY ALL`},
	{"single-year-keys", "keys found in one year only, though a near-identical key is found in another year (map them with letopis alias add)",
		`WITH k AS (
    SELECT 'activity' AS kind, NULL AS activity_key, activity_key AS key, list(DISTINCT report_year ORDER BY report_year) AS years
    FROM facts WHERE activity_key IS NOT NULL GROUP BY activity_key
    UNION ALL
    SELECT 'indicator', activity_key, indicator_key, list(DISTINCT report_year ORDER BY report_year)
    FROM facts GROUP BY activity_key, indicator_key
), pairs AS (
    SELECT a.kind, a.activity_key, a.key, a.years, b.key AS similar_key, b.years AS similar_years,
           round(len(list_intersect(string_split(a.key, '-'), string_split(b.key, '-')))
                 / len(list_distinct(list_concat(string_split(a.key, '-'), string_split(b.key, '-')))), 2) AS stems_shared,
           round(jaro_winkler_similarity(a.key, b.key), 2) AS jaro_winkler
    FROM k a JOIN k b ON a.kind = b.kind AND a.activity_key IS NOT DISTINCT FROM b.activity_key AND a.key <> b.key
    WHERE len(a.years) = 1 AND len(list_filter(b.years, y -> y <> a.years[1])) > 0
)
SELECT kind, activity_key, key, years, similar_key, similar_years, stems_shared, jaro_winkler,
       'letopis alias add ' || kind || ' ' || key || ' ' || similar_key AS suggestion
FROM pairs
WHERE stems_shared >= 0.5 OR jaro_winkler >= 0.92
ORDER BY kind, activity_key NULLS FIRST, key, stems_shared DESC, similar_key`},
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
				tab, err := w.Query(cmd.Context(), c.sql)
				if err != nil {
					return fmt.Errorf("check %s: %w", c.name, err)
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
					results[c.name] = rows
				default:
					fmt.Fprintf(s.out, "== %s: %s: %d\n", c.name, c.about, len(tab.Rows))
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
