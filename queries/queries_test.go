package queries

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/letopis/letopis"
	"github.com/letopis/letopis/load"
)

func TestAllParse(t *testing.T) {
	all, err := All()
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"activity-facts", "indicator-series", "indicator-years", "targets", "unit-totals", "year-change", "year-sources"}
	var got []string
	for _, q := range all {
		got = append(got, q.Name)
		if q.Example == "" || !strings.HasPrefix(q.Example, "letopis query "+q.Name) {
			t.Errorf("%s: example %q", q.Name, q.Example)
		}
		// Every declared parameter is used and every placeholder declared.
		var declared []string
		for _, p := range q.Params {
			declared = append(declared, p.Name)
		}
		used := q.Placeholders()
		if !reflect.DeepEqual(sorted(declared), sorted(used)) {
			t.Errorf("%s: declared params %v, placeholders %v", q.Name, declared, used)
		}
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("queries %v, want %v", got, want)
	}
}

func sorted(s []string) []string {
	out := append([]string(nil), s...)
	for i := range out {
		for j := i + 1; j < len(out); j++ {
			if out[j] < out[i] {
				out[i], out[j] = out[j], out[i]
			}
		}
	}
	return out
}

func TestParse(t *testing.T) {
	tests := []struct {
		name, text string
		want       *Query
		wantErr    string
	}{
		{"q", "-- name: q\n-- answers: what\n--   continues\n-- param: y (int, 2020): the year\n-- param: k (text): a key\n--   of an activity\nSELECT $y, $k",
			&Query{Name: "q", Answers: "what continues", Params: []Param{
				{Name: "y", Type: "int", Default: "2020", Meaning: "the year"},
				{Name: "k", Type: "text", Required: true, Meaning: "a key of an activity"}}}, ""},
		{"q", "-- name: q\nSELECT 1", nil, "needs"},
		{"q", "-- name: other\n-- answers: x\nSELECT 1", nil, `names it "other"`},
		{"q", "-- name: q\n-- answers: x\n-- param: y int: no parens\nSELECT 1", nil, "param line"},
		{"q", "-- name: q\n-- answers: x\n-- param: y (int, soon): bad default\nSELECT 1", nil, "not a whole number"},
	}
	for _, tt := range tests {
		q, err := Parse(tt.name, tt.text)
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("Parse(%q): err %v, want %q", tt.text, err, tt.wantErr)
			}
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		q.SQL = ""
		if !reflect.DeepEqual(q, tt.want) {
			t.Errorf("Parse(%q) =\n%+v\nwant\n%+v", tt.text, q, tt.want)
		}
	}
}

func TestBind(t *testing.T) {
	q, err := Parse("q", "-- name: q\n-- answers: x\n-- param: year (int, null): y\n-- param: key (text): k\n-- param: f (float, 1.5): f\nSELECT $year, $key, $f")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		given   map[string]string
		want    []any
		wantErr string
	}{
		{map[string]string{"key": "a'b"}, []any{sql.Named("year", nil), sql.Named("key", "a'b"), sql.Named("f", 1.5)}, ""},
		{map[string]string{"key": "k", "year": "2021", "f": "2,5"}, []any{sql.Named("year", int64(2021)), sql.Named("key", "k"), sql.Named("f", 2.5)}, ""},
		{map[string]string{"key": "k", "year": ""}, []any{sql.Named("year", nil), sql.Named("key", "k"), sql.Named("f", 1.5)}, ""},
		{map[string]string{}, nil, "needs --param key"},
		{map[string]string{"key": "k", "yaer": "1"}, nil, `no parameter "yaer"`},
		{map[string]string{"key": "k", "year": "2021; DROP TABLE x"}, nil, "not a whole number"},
	}
	for _, tt := range tests {
		got, err := q.Bind(tt.given)
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("Bind(%v): err %v, want %q", tt.given, err, tt.wantErr)
			}
			continue
		}
		if err != nil || !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Bind(%v) = %v, %v; want %v", tt.given, got, err, tt.want)
		}
	}
}

// fact is a short way to write a fact of the small warehouse.
func fact(act, ind string, unit letopis.Unit, value float64, target *float64) letopis.Fact {
	return letopis.Fact{Activity: act, ActivityKey: act, Indicator: ind, IndicatorKey: ind, Kind: letopis.KindOutput,
		Unit: unit, Value: value, Target: target, Qualifier: letopis.Exact, Confidence: 0.9, Snippet: ind}
}

// smallWarehouse holds 2020 in two sources (a PDF and a CSV that repeat
// one fact) and 2021 in one, with a key that has a quote and a semicolon.
func smallWarehouse(t *testing.T) string {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "w.duckdb")
	w, err := load.Open(ctx, path, load.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	reps := []*letopis.Report{
		{Year: 2020, Source: letopis.Source{Path: "novus-2020.pdf", SHA256: "a20", Format: "pdf", Size: 1}, Organisation: "Društvo NOVUS",
			Facts: []letopis.Fact{
				fact("spin", "oseb", letopis.UnitPersons, 701, nil),
				fact("spin", "ur", letopis.UnitHours, 22830, nil),
				fact("as", "oseb", letopis.UnitPersons, 62, letopis.Float(60)),
				fact("as", "delez", letopis.UnitPercent, 40.32, letopis.Float(25)),
				fact("o'hara; drop", "x", letopis.UnitPersons, 7, nil),
			}},
		{Year: 2020, Source: letopis.Source{Path: "kazalniki-2020.csv", SHA256: "c20", Format: "csv", Size: 1}, Organisation: "Društvo NOVUS",
			Facts: []letopis.Fact{fact("spin", "oseb", letopis.UnitPersons, 701, nil)}},
		{Year: 2021, Source: letopis.Source{Path: "kazalniki-2021.csv", SHA256: "c21", Format: "csv", Size: 1}, Organisation: "Društvo NOVUS",
			Facts: []letopis.Fact{
				fact("spin", "oseb", letopis.UnitPersons, 750, nil),
				fact("as", "oseb", letopis.UnitPersons, 55, letopis.Float(60)),
				fact("o'hara; drop", "x", letopis.UnitPersons, 9, nil),
			}},
	}
	for _, r := range reps {
		if _, err := w.Load(ctx, r, load.LoadOptions{}); err != nil {
			t.Fatal(err)
		}
	}
	return path
}

// TestQueryOutputs runs every named query against the small warehouse.
func TestQueryOutputs(t *testing.T) {
	ctx := context.Background()
	w, err := load.Open(ctx, smallWarehouse(t), load.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	tests := []struct {
		query  string
		params map[string]string
		cols   []string // the columns compared
		want   string   // rows as "a|b|c", one a line
	}{
		{"indicator-years", map[string]string{"indicator": "oseb", "activity": "spin"}, []string{"report_year", "value", "sources", "values_differ"},
			"2020|701|2|false\n2021|750|1|false"},
		{"indicator-years", map[string]string{"indicator": "oseb"}, []string{"activity_key", "report_year", "value"},
			"as|2020|62\nas|2021|55\nspin|2020|701\nspin|2021|750"},
		{"targets", nil, []string{"report_year", "activity_key", "indicator_key", "target", "value", "reached_pct", "met"},
			"2020|as|delez|25|40.32|161.3|true\n2020|as|oseb|60|62|103.3|true\n2021|as|oseb|60|55|91.7|false"},
		{"targets", map[string]string{"year": "2021"}, []string{"report_year", "reached_pct"}, "2021|91.7"},
		{"activity-facts", map[string]string{"activity": "spin"}, []string{"report_year", "indicator_key", "value", "sources"},
			"2020|oseb|701|2\n2020|ur|22830|1\n2021|oseb|750|1"},
		{"activity-facts", map[string]string{"activity": "o'hara; drop"}, []string{"report_year", "value"}, "2020|7\n2021|9"},
		{"year-change", map[string]string{"activity": "spin"}, []string{"indicator_key", "previous_year", "previous_value", "year", "value", "change", "change_pct"},
			"oseb|2020|701|2021|750|49|7"},
		{"year-change", map[string]string{"year": "2021"}, []string{"activity_key", "change"}, "as|-7\no'hara; drop|2\nspin|49"},
		{"unit-totals", nil, []string{"report_year", "unit", "total", "indicators", "activities"},
			"2020|hours|22830|1|1\n2020|persons|770|3|3\n2021|persons|814|3|3"},
		{"indicator-series", map[string]string{"activity": "spin"}, []string{"indicator_key", "2020", "2021"}, "oseb|701|750\nur|22830|<nil>"},
		{"year-sources", map[string]string{"year": "2020"}, []string{"path", "format", "facts"},
			"kazalniki-2020.csv|csv|1\nnovus-2020.pdf|pdf|5"},
		// Quotes and semicolons are values: they find nothing, and nothing breaks.
		{"activity-facts", map[string]string{"activity": "spin' OR '1'='1"}, []string{"report_year"}, ""},
		{"indicator-years", map[string]string{"indicator": "oseb'; DROP TABLE fact_rows; --"}, []string{"report_year"}, ""},
		{"year-change", map[string]string{"activity": "x\"; SELECT 1; --"}, []string{"year"}, ""},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%s %v", tt.query, tt.params), func(t *testing.T) {
			q, ok, err := Get(tt.query)
			if err != nil || !ok {
				t.Fatalf("Get: %v %v", ok, err)
			}
			args, err := q.Bind(tt.params)
			if err != nil {
				t.Fatal(err)
			}
			tab, err := w.Query(ctx, q.SQL, args...)
			if err != nil {
				t.Fatal(err)
			}
			if q.Pivot[0] != "" {
				if tab, err = tab.Pivot(q.Pivot[0], q.Pivot[1]); err != nil {
					t.Fatal(err)
				}
			}
			idx := map[string]int{}
			for i, c := range tab.Columns {
				idx[c] = i
			}
			var lines []string
			for _, r := range tab.Rows {
				var cells []string
				for _, c := range tt.cols {
					i, ok := idx[c]
					if !ok {
						t.Fatalf("no column %s in %v", c, tab.Columns)
					}
					cells = append(cells, fmt.Sprint(r[i]))
				}
				lines = append(lines, strings.Join(cells, "|"))
			}
			if got := strings.Join(lines, "\n"); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
	var n int
	if err := w.DB().QueryRow(`SELECT count(*) FROM fact_rows`).Scan(&n); err != nil || n != 9 {
		t.Fatalf("fact_rows = %d, %v after the injection attempts", n, err)
	}
}

// TestChecks: the data checks parse in their order, take no parameters,
// and run read-only on the small warehouse.
func TestChecks(t *testing.T) {
	checks, err := Checks()
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"share-exceeds-value", "percent-over-100", "conflicting-values", "activities-without-facts", "single-year-keys", "gap-years"}
	var got []string
	for _, c := range checks {
		got = append(got, c.Name)
		if len(c.Params) > 0 || len(c.Placeholders()) > 0 {
			t.Errorf("%s: a check takes no parameters", c.Name)
		}
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("checks %v, want %v", got, want)
	}
	ctx := context.Background()
	w, err := load.Open(ctx, smallWarehouse(t), load.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	for _, c := range checks {
		if _, err := w.Query(ctx, c.SQL); err != nil {
			t.Errorf("%s: %v", c.Name, err)
		}
	}
}
