package main

import (
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
}

func newQueryCmd(s streams) *cobra.Command {
	var o queryOptions
	cmd := &cobra.Command{
		Use:   "query [flags] SQL",
		Short: "Run one read-only SQL statement against the warehouse",
		Long: `Run one read-only SQL statement (SELECT, WITH … SELECT, EXPLAIN, PRAGMA) and
print its result. The warehouse is opened read-only and without access to other
files; a statement that would write (INSERT, UPDATE, DELETE, CREATE, COPY,
ATTACH, SET, …) or more than one statement is refused before anything runs.

The views are facts and activities (see README.md, "Schema").`,
		Example: `  letopis query "SELECT activity, count(*) FROM facts GROUP BY ALL"
  letopis query --format csv "SELECT * FROM facts WHERE report_year = 2020" > facts.csv
  letopis query --format json "SELECT * FROM activities"`,
		Args: args(cobra.ExactArgs(1)),
		RunE: func(cmd *cobra.Command, a []string) error {
			return queryRun(cmd, s, o, a[0])
		},
	}
	addDBFlag(cmd, &o.db)
	cmd.Flags().StringVar(&o.format, "format", "table", "output format: table, csv or json")
	return cmd
}

func queryRun(cmd *cobra.Command, s streams, o queryOptions, stmt string, args ...any) error {
	if err := checkFormat(o.format); err != nil {
		return err
	}
	w, err := load.Open(cmd.Context(), o.db, load.Options{ReadOnly: true})
	if err != nil {
		return err
	}
	defer w.Close()
	tab, err := w.Query(cmd.Context(), stmt, args...)
	if err != nil {
		return err
	}
	return printTable(s.out, tab, o.format)
}

func checkFormat(f string) error {
	switch f {
	case "table", "csv", "json":
		return nil
	}
	return usageErrorf("--format %q: want table, csv or json", f)
}

// printTable writes a query result as an aligned table, CSV or JSON.
func printTable(w io.Writer, t *load.Table, format string) error {
	switch format {
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
	numeric := make([]bool, len(t.Columns))
	for i := range t.Columns {
		if i < len(t.Types) {
			switch t.Types[i] {
			case "INTEGER", "BIGINT", "DOUBLE", "FLOAT", "HUGEINT", "SMALLINT", "TINYINT", "UBIGINT", "UINTEGER", "DECIMAL":
				numeric[i] = true
			}
			if strings.HasPrefix(t.Types[i], "DECIMAL") {
				numeric[i] = true
			}
		}
	}
	for r, row := range t.Rows {
		cells[r] = make([]string, len(row))
		for i, v := range row {
			s := oneLineCell(cellText(v))
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
