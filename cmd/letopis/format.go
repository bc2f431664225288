package main

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/letopis/letopis/internal/slfmt"
	"github.com/letopis/letopis/load"
	"github.com/letopis/letopis/queries"
)

// namedQuery returns the statement, bound arguments and pivot (see
// queries.Query) for the query argument: a named query with its --param
// values, or else the argument as free SQL (which takes no --param).
func namedQuery(arg string, params []string) (string, []any, [2]string, error) {
	q, ok, err := queries.Get(strings.TrimSpace(arg))
	if err != nil {
		return "", nil, [2]string{}, err
	}
	if !ok {
		if len(params) > 0 {
			return "", nil, [2]string{}, usageErrorf("no named query %q (see `letopis queries`); --param goes with a named query", oneLine(arg))
		}
		return arg, nil, [2]string{}, nil
	}
	given := map[string]string{}
	for _, p := range params {
		k, v, ok := strings.Cut(p, "=")
		if !ok || strings.TrimSpace(k) == "" {
			return "", nil, [2]string{}, usageErrorf("--param %q: want name=value", p)
		}
		given[strings.TrimSpace(k)] = v
	}
	args, err := q.Bind(given)
	if err != nil {
		return "", nil, [2]string{}, withCode(exitUsage, err)
	}
	return q.SQL, args, q.Pivot, nil
}

func checkLocale(l string) error {
	switch l {
	case "", "plain", "sl":
		return nil
	}
	return usageErrorf("--locale %q: want plain or sl", l)
}

// numericColumns says which columns hold numbers (right-aligned).
func numericColumns(t *load.Table) []bool {
	numeric := make([]bool, len(t.Columns))
	for i := range t.Columns {
		if i < len(t.Types) {
			switch t.Types[i] {
			case "INTEGER", "BIGINT", "DOUBLE", "FLOAT", "HUGEINT", "SMALLINT", "TINYINT", "UBIGINT", "UINTEGER", "USMALLINT", "UTINYINT":
				numeric[i] = true
			}
			if strings.HasPrefix(t.Types[i], "DECIMAL") {
				numeric[i] = true
			}
		}
	}
	return numeric
}

// localCellText formats a value for the table and markdown formats: in
// the "sl" locale numbers have a decimal comma and thousands grouped with
// dots (1.234,5), except in columns named for a year (2020 stays 2020).
func localCellText(v any, locale, column string) string {
	if locale != "sl" {
		return cellText(v)
	}
	group := !strings.Contains(strings.ToLower(column), "year") && !strings.HasSuffix(column, "_id")
	switch x := v.(type) {
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return cellText(v)
		}
		return slfmt.Number(strconv.FormatFloat(x, 'f', -1, 64), group)
	case float32:
		return slfmt.Number(strconv.FormatFloat(float64(x), 'f', -1, 32), group)
	case int, int8, int16, int32, int64, uint8, uint16, uint32, uint64:
		return slfmt.Number(fmt.Sprint(x), group)
	}
	return cellText(v)
}

// printMarkdown writes a result as a GitHub-flavoured Markdown table,
// numeric columns right-aligned.
func printMarkdown(w io.Writer, t *load.Table, locale string) error {
	numeric := numericColumns(t)
	esc := func(s string) string {
		return strings.ReplaceAll(strings.Join(strings.Fields(s), " "), "|", `\|`)
	}
	var sb strings.Builder
	sb.WriteString("|")
	for _, c := range t.Columns {
		sb.WriteString(" " + esc(c) + " |")
	}
	sb.WriteString("\n|")
	for i := range t.Columns {
		if numeric[i] {
			sb.WriteString(" ---: |")
		} else {
			sb.WriteString(" --- |")
		}
	}
	sb.WriteString("\n")
	for _, r := range t.Rows {
		sb.WriteString("|")
		for i, v := range r {
			sb.WriteString(" " + esc(localCellText(v, locale, t.Columns[i])) + " |")
		}
		sb.WriteString("\n")
	}
	_, err := io.WriteString(w, sb.String())
	return err
}
