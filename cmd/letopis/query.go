package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"github.com/letopis/letopis/load"
)

type queryOptions struct {
	db     string
	format string
	locale string // number format of table and markdown: plain (default) or sl
}

func newQueryCmd(s streams) *cobra.Command {
	var o queryOptions
	var params []string
	var timeout time.Duration
	cmd := &cobra.Command{
		Use:   "query [flags] NAME|SQL",
		Short: "Run a named query or one read-only SQL statement against the warehouse",
		Long: `Run a named query (see ` + "`letopis queries`" + `) with its parameters given as
--param name=value, bound as values and never pasted into the SQL; or run one
read-only SQL statement (SELECT, WITH … SELECT, EXPLAIN, PRAGMA) and print its
result. The warehouse is opened read-only and without access to any other
file (its temporary folder included: a query does not spill to disk); a
statement that would write (INSERT, UPDATE, DELETE, CREATE, COPY, ATTACH,
SET, …) or more than one statement is refused before anything runs (exit
64, as for SQL that does not parse). A query that runs longer than
--timeout is stopped.

The views are facts and activities (see README.md, "Schema").`,
		Example: `  letopis query indicator-years --param indicator=informir-posamezn
  letopis query targets --param year=2020 --format markdown
  letopis query "SELECT activity, count(*) FROM facts GROUP BY ALL"
  letopis query --format csv "SELECT * FROM facts WHERE report_year = 2020" > facts.csv
  letopis query --format json "SELECT * FROM activities"`,
		Args: args(cobra.ExactArgs(1)),
		RunE: func(cmd *cobra.Command, a []string) error {
			stmt, bound, pivot, err := namedQuery(a[0], params)
			if err != nil {
				return err
			}
			if timeout < 0 {
				return usageErrorf("--timeout %s: want a duration such as 60s (0: no limit)", timeout)
			}
			return printQuery(cmd, s, o, func(w *load.Warehouse) (*load.Table, error) {
				ctx := cmd.Context()
				if timeout > 0 {
					var cancel context.CancelFunc
					ctx, cancel = context.WithTimeoutCause(ctx, timeout, fmt.Errorf("the query took longer than %s (--timeout): stopped", timeout))
					defer cancel()
				}
				t, err := w.Query(ctx, stmt, bound...)
				if err != nil || pivot[0] == "" {
					return t, err
				}
				return t.Pivot(pivot[0], pivot[1])
			})
		},
	}
	addDBFlag(cmd, &o.db)
	cmd.Flags().StringVar(&o.format, "format", "table", "output format: table, csv, json or markdown")
	cmd.Flags().StringVar(&o.locale, "locale", "plain", "number format of table and markdown: plain (1234.5) or sl (1.234,5)")
	cmd.Flags().StringArrayVar(&params, "param", nil, "a named query's parameter as name=value (repeatable)")
	cmd.Flags().DurationVar(&timeout, "timeout", 60*time.Second, "the longest the query may run (0: no limit)")
	return cmd
}

// openForQuery checks the output options and opens the warehouse read-only,
// for the commands that print query results.
func openForQuery(ctx context.Context, o queryOptions) (*load.Warehouse, error) {
	if err := checkFormat(o.format); err != nil {
		return nil, err
	}
	if err := checkLocale(o.locale); err != nil {
		return nil, err
	}
	return load.Open(ctx, o.db, load.Options{ReadOnly: true})
}

// printQuery opens the warehouse for query and prints the table that
// query reads from it.
func printQuery(cmd *cobra.Command, s streams, o queryOptions, query func(*load.Warehouse) (*load.Table, error)) error {
	w, err := openForQuery(cmd.Context(), o)
	if err != nil {
		return err
	}
	defer w.Close()
	tab, err := query(w)
	if err != nil {
		return err
	}
	return printTableLocale(s.out, tab, o.format, o.locale)
}

func checkFormat(f string) error {
	switch f {
	case "table", "csv", "json", "markdown":
		return nil
	}
	return usageErrorf("--format %q: want table, csv, json or markdown", f)
}

// printTable writes a query result as an aligned table, CSV, JSON or a
// Markdown table, numbers in the plain format.
func printTable(w io.Writer, t *load.Table, format string) error {
	return printTableLocale(w, t, format, "plain")
}

// printTableLocale is printTable with the number format of the table and
// markdown formats: "plain" or "sl" (see numberText).
func printTableLocale(w io.Writer, t *load.Table, format, locale string) error {
	switch format {
	case "markdown":
		return printMarkdown(w, t, locale)
	case "csv":
		cw := csv.NewWriter(w)
		cw.Write(t.Columns)
		for _, r := range t.Rows {
			rec := make([]string, len(r))
			for i, v := range r {
				rec[i] = cellText(v)
			}
			cw.Write(rec)
		}
		cw.Flush()
		return cw.Error()
	case "json":
		out := make([]map[string]any, 0, len(t.Rows))
		for _, r := range t.Rows {
			m := make(map[string]any, len(r))
			for i, v := range r {
				m[t.Columns[i]] = jsonValue(v)
			}
			out = append(out, m)
		}
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	}
	cells := make([][]string, len(t.Rows))
	width := make([]int, len(t.Columns))
	for i, c := range t.Columns {
		width[i] = utf8.RuneCountInString(c)
	}
	numeric := numericColumns(t)
	for r, row := range t.Rows {
		cells[r] = make([]string, len(row))
		for i, v := range row {
			s := oneLineCell(localCellText(v, locale, t.Columns[i]))
			cells[r][i] = s
			width[i] = max(width[i], utf8.RuneCountInString(s))
		}
	}
	line := func(vals []string, header bool) {
		var sb strings.Builder
		for i, v := range vals {
			if i > 0 {
				sb.WriteString("  ")
			}
			pad := strings.Repeat(" ", width[i]-utf8.RuneCountInString(v))
			if numeric[i] && !header {
				sb.WriteString(pad + v)
			} else if i < len(vals)-1 {
				sb.WriteString(v + pad)
			} else {
				sb.WriteString(v)
			}
		}
		fmt.Fprintln(w, strings.TrimRight(sb.String(), " "))
	}
	line(t.Columns, true)
	rule := make([]string, len(width))
	for i, n := range width {
		rule[i] = strings.Repeat("-", n)
	}
	line(rule, true)
	for _, r := range cells {
		line(r, false)
	}
	fmt.Fprintf(w, "(%d rows)\n", len(t.Rows))
	return nil
}

func oneLineCell(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) > 80 {
		r := []rune(s)
		s = string(r[:79]) + "…"
	}
	return s
}

// cellText formats one value of a result.
func cellText(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case time.Time:
		if x.Hour() == 0 && x.Minute() == 0 && x.Second() == 0 && x.Nanosecond() == 0 {
			return x.Format("2006-01-02")
		}
		return x.Format("2006-01-02 15:04:05")
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return strconv.FormatFloat(x, 'g', -1, 64)
		}
		return strconv.FormatFloat(x, 'f', -1, 64)
	case float32:
		return strconv.FormatFloat(float64(x), 'f', -1, 32)
	case []any:
		parts := make([]string, len(x))
		for i, p := range x {
			parts[i] = cellText(p)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case []byte:
		return string(x)
	}
	return fmt.Sprint(v)
}

func jsonValue(v any) any {
	switch x := v.(type) {
	case time.Time:
		return cellText(x)
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return nil
		}
	case []any:
		out := make([]any, len(x))
		for i, p := range x {
			out[i] = jsonValue(p)
		}
		return out
	}
	return v
}
