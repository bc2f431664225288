package load

import (
	"context"
	"strings"
)

// FactFilter selects facts for Facts; its zero value selects all.
type FactFilter struct {
	Year     int    // only facts of reports of this year; 0 for all
	Activity string // only facts of activities whose title or key contains this text (any case); "" for all
}

// Facts lists the facts that f selects, for a check by eye: year,
// activity, indicator, value, unit, qualifier, target, share, where it was
// read (page, or sheet and cell) and the snippet, in the order of the
// reports and of the facts in each.
func (w *Warehouse) Facts(ctx context.Context, f FactFilter) (*Table, error) {
	var where []string
	var params []any
	if f.Year != 0 {
		where = append(where, "report_year = ?")
		params = append(params, f.Year)
	}
	if f.Activity != "" {
		where = append(where, "(activity ILIKE ? OR activity_key ILIKE ?)")
		params = append(params, "%"+f.Activity+"%", "%"+f.Activity+"%")
	}
	q := `SELECT report_year AS year, activity, indicator, value, unit, qualifier, target, share_value, share_of,
       coalesce('p. ' || page, sheet || '!' || cell) AS "where", snippet
FROM facts`
	if len(where) > 0 {
		q += " WHERE " + strings.Join(where, " AND ")
	}
	q += " ORDER BY report_year, source_file, fact_seq"
	return w.Query(ctx, q, params...)
}
