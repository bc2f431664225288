package load

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/letopis/letopis"
)

func openTemp(t *testing.T) (*Warehouse, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "w.duckdb")
	w, err := Open(context.Background(), path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	return w, path
}

// sampleReport builds a report with n facts and two activities.
func sampleReport(path, sha string, n int) *letopis.Report {
	rep := &letopis.Report{
		Source:       letopis.Source{Path: path, SHA256: sha, Size: 123, Format: "pdf", ModTime: time.Date(2021, 3, 1, 0, 0, 0, 0, time.UTC)},
		Organisation: "Društvo NOVUS",
		Year:         2020,
		Activities: []letopis.Activity{
			{Title: "SPIN (vzhodna kohezijska regija)", Key: "spin-vzhodna-kohezijska-regija",
				Period:      letopis.Period{Start: letopis.Date{Year: 2019, Month: 11, Day: 1}, End: letopis.Date{Year: 2022, Month: 1, Day: 31}, Precision: letopis.PrecisionDay},
				LeadPartner: "Društvo NOVUS", Partners: []string{"A", "B"}, Funders: []string{"ESS"}, Location: letopis.Location{Page: 3}},
			{Title: "Mreža", Key: "mreza"},
		},
		Rejected: []letopis.Rejected{{Text: "2020", Reason: "year", Location: letopis.Location{Page: 1}, Snippet: "v letu 2020"}},
	}
	for i := 0; i < n; i++ {
		f := letopis.Fact{
			Activity: "Mreža", ActivityKey: "mreza", Indicator: fmt.Sprintf("indikator %d", i), IndicatorKey: fmt.Sprintf("indikator-%d", i),
			Kind: letopis.KindOutput, Unit: letopis.UnitPersons, Value: float64(i) + 0.5, Qualifier: letopis.Exact,
			Location: letopis.Location{Page: 1 + i%10}, Snippet: "snippet", Confidence: 0.9,
		}
		if i%3 == 0 {
			f.Target = letopis.Float(float64(i * 2))
			f.ShareValue = letopis.Float(1)
			f.ShareOf = "Društvo NOVUS"
		}
		rep.Facts = append(rep.Facts, f)
	}
	return rep
}

func count(t *testing.T, w *Warehouse, q string) int {
	t.Helper()
	var n int
	if err := w.DB().QueryRow(q).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestLoadIdempotentAndReplace(t *testing.T) {
	ctx := context.Background()
	w, _ := openTemp(t)

	res, err := w.Load(ctx, sampleReport("a.pdf", "sha-a", 10), LoadOptions{})
	if err != nil || res.Outcome != Imported || res.Facts != 10 || res.Activities != 2 {
		t.Fatalf("first load: %+v, %v", res, err)
	}
	// Same bytes again: unchanged, nothing written.
	res, err = w.Load(ctx, sampleReport("a.pdf", "sha-a", 10), LoadOptions{})
	if err != nil || res.Outcome != Unchanged {
		t.Fatalf("second load: %+v, %v", res, err)
	}
	// Same bytes, other path: still unchanged, no double count.
	res, err = w.Load(ctx, sampleReport("copy/a.pdf", "sha-a", 10), LoadOptions{})
	if err != nil || res.Outcome != Unchanged || res.SamePath != "a.pdf" {
		t.Fatalf("copy load: %+v, %v", res, err)
	}
	if got := count(t, w, `SELECT count(*) FROM facts`); got != 10 {
		t.Fatalf("facts after re-import = %d, want 10", got)
	}
	if got := count(t, w, `SELECT count(DISTINCT fact_id) FROM facts`); got != 10 {
		t.Fatalf("distinct fact ids = %d, want 10", got)
	}
	// Force: re-extracted, replaced, still once.
	res, err = w.Load(ctx, sampleReport("a.pdf", "sha-a", 10), LoadOptions{Force: true})
	if err != nil || res.Outcome != Imported {
		t.Fatalf("forced load: %+v, %v", res, err)
	}
	if got := count(t, w, `SELECT count(*) FROM facts`); got != 10 {
		t.Fatalf("facts after force = %d, want 10", got)
	}
	// Changed bytes under the same path replace the earlier rows.
	res, err = w.Load(ctx, sampleReport("a.pdf", "sha-a2", 7), LoadOptions{})
	if err != nil || res.Outcome != Imported || res.Replaced != "sha-a" {
		t.Fatalf("changed load: %+v, %v", res, err)
	}
	for q, want := range map[string]int{
		`SELECT count(*) FROM facts`:                                   7,
		`SELECT count(*) FROM facts WHERE source_sha256 = 'sha-a'`:     0,
		`SELECT count(*) FROM activities`:                              2,
		`SELECT count(*) FROM sources`:                                 1,
		`SELECT count(*) FROM rejected`:                                1,
		`SELECT count(*) FROM facts WHERE source_file = 'a.pdf'`:       7,
		`SELECT count(*) FROM facts WHERE period_start = '2020-01-01'`: 7,
	} {
		if got := count(t, w, q); got != want {
			t.Errorf("%s = %d, want %d", q, got, want)
		}
	}
	// Another file adds its own rows.
	if _, err := w.Load(ctx, sampleReport("b.pdf", "sha-b", 5), LoadOptions{}); err != nil {
		t.Fatal(err)
	}
	if got := count(t, w, `SELECT count(*) FROM facts`); got != 12 {
		t.Fatalf("facts after second file = %d, want 12", got)
	}
}

func TestFactIDsStable(t *testing.T) {
	ctx := context.Background()
	ids := func() []string {
		w, _ := openTemp(t)
		if _, err := w.Load(ctx, sampleReport("a.pdf", "sha-a", 20), LoadOptions{}); err != nil {
			t.Fatal(err)
		}
		tab, err := w.Query(ctx, `SELECT fact_id FROM facts ORDER BY fact_id`)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, r := range tab.Rows {
			out = append(out, r[0].(string))
		}
		return out
	}
	a, b := ids(), ids()
	if len(a) != 20 || !reflect.DeepEqual(a, b) {
		t.Fatalf("fact ids differ between imports of the same bytes:\n%v\n%v", a, b)
	}
}

func TestLoadAllOrNothing(t *testing.T) {
	ctx := context.Background()
	for _, stage := range []string{"delete", "source", "fact", "append"} {
		t.Run(stage, func(t *testing.T) {
			w, _ := openTemp(t)
			if _, err := w.Load(ctx, sampleReport("a.pdf", "sha-a", 10), LoadOptions{}); err != nil {
				t.Fatal(err)
			}
			before := snapshot(t, w)
			w.failAt = stage
			// Changed bytes under the same path: the replacement fails midway.
			_, err := w.Load(ctx, sampleReport("a.pdf", "sha-a2", 50), LoadOptions{})
			if err == nil || !strings.Contains(err.Error(), "injected") {
				t.Fatalf("want injected failure, got %v", err)
			}
			if after := snapshot(t, w); !reflect.DeepEqual(before, after) {
				t.Fatalf("warehouse changed by a failed load:\nbefore %v\nafter  %v", before, after)
			}
			w.failAt = ""
			if res, err := w.Load(ctx, sampleReport("a.pdf", "sha-a2", 50), LoadOptions{}); err != nil || res.Outcome != Imported {
				t.Fatalf("load after failure: %+v %v", res, err)
			}
			if got := count(t, w, `SELECT count(*) FROM facts`); got != 50 {
				t.Fatalf("facts = %d, want 50", got)
			}
		})
	}
}

func TestLoadCancelled(t *testing.T) {
	w, _ := openTemp(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := w.Load(ctx, sampleReport("a.pdf", "sha-a", 10), LoadOptions{}); err == nil {
		t.Fatal("load with a cancelled context succeeded")
	}
	if got := count(t, w, `SELECT count(*) FROM sources`); got != 0 {
		t.Fatalf("sources = %d after cancelled load", got)
	}
}

func snapshot(t *testing.T, w *Warehouse) map[string]int {
	m := map[string]int{}
	for _, tab := range []string{"sources", "fact_rows", "activity_rows", "rejected_values"} {
		m[tab] = count(t, w, "SELECT count(*) FROM "+tab)
	}
	m["sha-a facts"] = count(t, w, `SELECT count(*) FROM facts WHERE source_sha256 = 'sha-a'`)
	return m
}

// TestViewColumns checks the views against MODEL.md, column by column.
func TestViewColumns(t *testing.T) {
	w, _ := openTemp(t)
	want := map[string][][2]string{
		"facts": {
			{"fact_id", "VARCHAR"}, {"report_year", "INTEGER"}, {"organisation", "VARCHAR"}, {"activity", "VARCHAR"},
			{"activity_key", "VARCHAR"}, {"indicator", "VARCHAR"}, {"indicator_key", "VARCHAR"}, {"kind", "VARCHAR"},
			{"unit", "VARCHAR"}, {"value", "DOUBLE"}, {"qualifier", "VARCHAR"}, {"target", "DOUBLE"},
			{"share_value", "DOUBLE"}, {"share_of", "VARCHAR"}, {"period_start", "DATE"}, {"period_end", "DATE"},
			{"source_file", "VARCHAR"}, {"source_sha256", "VARCHAR"}, {"page", "INTEGER"}, {"sheet", "VARCHAR"},
			{"cell", "VARCHAR"}, {"snippet", "VARCHAR"}, {"confidence", "DOUBLE"}, {"fact_seq", "INTEGER"},
			{"is_total", "BOOLEAN"}, {"ocr", "BOOLEAN"}, {"review_status", "VARCHAR"},
			{"bbox_x0", "DOUBLE"}, {"bbox_y0", "DOUBLE"}, {"bbox_x1", "DOUBLE"}, {"bbox_y1", "DOUBLE"},
		},
		"rejected": {
			{"report_year", "INTEGER"}, {"organisation", "VARCHAR"}, {"text", "VARCHAR"}, {"reason", "VARCHAR"},
			{"activity", "VARCHAR"}, {"page", "INTEGER"}, {"sheet", "VARCHAR"}, {"cell", "VARCHAR"}, {"snippet", "VARCHAR"},
			{"source_file", "VARCHAR"}, {"source_sha256", "VARCHAR"},
			{"bbox_x0", "DOUBLE"}, {"bbox_y0", "DOUBLE"}, {"bbox_x1", "DOUBLE"}, {"bbox_y1", "DOUBLE"}, {"rejected_seq", "INTEGER"},
		},
		"activities": {
			{"report_year", "INTEGER"}, {"organisation", "VARCHAR"}, {"activity", "VARCHAR"}, {"activity_key", "VARCHAR"},
			{"period_start", "DATE"}, {"period_end", "DATE"}, {"lead_partner", "VARCHAR"}, {"partners", "VARCHAR[]"},
			{"funders", "VARCHAR[]"}, {"source_file", "VARCHAR"}, {"source_sha256", "VARCHAR"}, {"page", "INTEGER"},
		},
	}
	for view, cols := range want {
		tab, err := w.Query(context.Background(),
			`SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position`, view)
		if err != nil {
			t.Fatal(err)
		}
		var got [][2]string
		for _, r := range tab.Rows {
			got = append(got, [2]string{r[0].(string), r[1].(string)})
		}
		// Columns may be added, never renamed or dropped: the contract is a prefix.
		if len(got) < len(cols) || !reflect.DeepEqual(got[:len(cols)], cols) {
			t.Errorf("view %s columns:\n got %v\nwant %v", view, got, cols)
		}
	}
}

func TestQueryRefusesWrites(t *testing.T) {
	ctx := context.Background()
	w, path := openTemp(t)
	if _, err := w.Load(ctx, sampleReport("a.pdf", "sha-a", 3), LoadOptions{}); err != nil {
		t.Fatal(err)
	}
	w.Close()
	r, err := Open(ctx, path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	copyTarget := filepath.Join(t.TempDir(), "out.csv")
	tests := []struct {
		sql     string
		wantErr string
	}{
		{`SELECT count(*) FROM facts`, ""},
		{`  select 1; `, ""},
		{`WITH x AS (SELECT 1 AS a) SELECT a FROM x`, ""},
		{`SELECT 'a;b' AS s -- comment; DROP TABLE facts`, ""},
		{`PRAGMA table_info('facts')`, ""},
		{`DELETE FROM fact_rows`, "a DELETE statement"},
		{`INSERT INTO sources SELECT * FROM sources`, "an INSERT statement"},
		{`UPDATE fact_rows SET value = 0`, "an UPDATE statement"},
		{`DROP VIEW facts`, "a DROP statement"},
		{`CREATE TABLE x (a INT)`, "a CREATE statement"},
		{`COPY fact_rows TO '` + copyTarget + `'`, "cannot read or write other files"},
		{`SELECT 1; DELETE FROM fact_rows`, "give one statement, not 2"},
		{`ATTACH 'other.duckdb'`, "an ATTACH statement"},
		{`SET enable_external_access = true`, "a SET statement"},
		{`SELECT * FROM read_csv('/etc/passwd')`, "cannot read or write other files"},
		{``, "empty query"},
	}
	for _, tt := range tests {
		_, err := r.Query(ctx, tt.sql)
		switch {
		case tt.wantErr == "" && err != nil:
			t.Errorf("Query(%q) error %v, want none", tt.sql, err)
		case tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)):
			t.Errorf("Query(%q) error %v, want one containing %q", tt.sql, err, tt.wantErr)
		}
	}
	if _, err := os.Stat(copyTarget); err == nil {
		t.Error("COPY wrote a file")
	}
	if got := count(t, r, `SELECT count(*) FROM fact_rows`); got != 3 {
		t.Fatalf("facts = %d after refused writes, want 3", got)
	}
}

func TestQueryBoundParameters(t *testing.T) {
	ctx := context.Background()
	w, _ := openTemp(t)
	if _, err := w.Load(ctx, sampleReport("a.pdf", "sha-a", 3), LoadOptions{}); err != nil {
		t.Fatal(err)
	}
	tab, err := w.Query(ctx, `SELECT count(*) FROM facts WHERE activity = ?`, "Mreža'; DROP TABLE fact_rows; --")
	if err != nil {
		t.Fatal(err)
	}
	if tab.Rows[0][0].(int64) != 0 {
		t.Fatalf("got %v", tab.Rows)
	}
}

func TestOpenErrors(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	notDB := filepath.Join(dir, "text.duckdb")
	os.WriteFile(notDB, []byte("hello, this is not a database\n"), 0o644)
	tests := []struct {
		name, path string
		opts       Options
		want       string
	}{
		{"not duckdb", notDB, Options{}, "not a DuckDB warehouse"},
		{"directory", dir, Options{}, "is a directory"},
		{"missing folder", filepath.Join(dir, "nope", "w.duckdb"), Options{}, "does not exist"},
		{"missing read-only", filepath.Join(dir, "missing.duckdb"), Options{ReadOnly: true}, "does not exist"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w, err := Open(ctx, tt.path, tt.opts)
			if err == nil {
				w.Close()
				t.Fatal("no error")
			}
			if !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), tt.path) {
				t.Fatalf("error %q, want it to name %s and say %q", err, tt.path, tt.want)
			}
			if strings.Contains(err.Error(), "\n") {
				t.Fatalf("error is not one line: %q", err)
			}
		})
	}
	if b, _ := os.ReadFile(notDB); string(b) != "hello, this is not a database\n" {
		t.Fatal("a file that is not a warehouse was changed")
	}
}

func TestNewerSchemaRefused(t *testing.T) {
	ctx := context.Background()
	w, path := openTemp(t)
	if _, err := w.DB().Exec(`INSERT INTO schema_migrations (version, name) VALUES (9999, '9999_future')`); err != nil {
		t.Fatal(err)
	}
	w.Close()
	_, err := Open(ctx, path, Options{})
	if !errors.Is(err, ErrNewer) || !strings.Contains(err.Error(), "9999") {
		t.Fatalf("got %v, want ErrNewer naming version 9999", err)
	}
}

func TestMigrationsRecorded(t *testing.T) {
	w, path := openTemp(t)
	if got := count(t, w, `SELECT max(version) FROM schema_migrations`); got != SchemaVersion() {
		t.Fatalf("schema version %d, want %d", got, SchemaVersion())
	}
	w.Close()
	// Reopening applies nothing twice.
	w2, err := Open(context.Background(), path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer w2.Close()
	if got := count(t, w2, `SELECT count(*) FROM schema_migrations`); got != len(mustMigrations(t)) {
		t.Fatalf("migrations recorded %d times", got)
	}
}

func mustMigrations(t *testing.T) []migration {
	ms, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	return ms
}

func TestCountStatements(t *testing.T) {
	for s, want := range map[string]int{
		"":                         0,
		";;":                       0,
		"select 1":                 1,
		"select 1;":                1,
		"select ';'":               1,
		"select 1; select 2":       2,
		"select 1 -- ; x":          1,
		"select /* ; */ 1":         1,
		`select "a;b" from x; ; `:  1,
		"select 'it''s;' ; drop":   2,
		"select 1 /* unterminated": 1,
	} {
		if got := countStatements(s); got != want {
			t.Errorf("countStatements(%q) = %d, want %d", s, got, want)
		}
	}
}

// BenchmarkLoad loads 1,000,000 synthetic facts through the loader.
func BenchmarkLoad(b *testing.B) {
	const n = 1_000_000
	rep := sampleReport("big.pdf", "sha-big", n)
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		w, err := Open(ctx, filepath.Join(b.TempDir(), fmt.Sprintf("b%d.duckdb", i)), Options{})
		if err != nil {
			b.Fatal(err)
		}
		for j := range rep.Facts {
			rep.Facts[j].ID = ""
		}
		b.StartTimer()
		if _, err := w.Load(ctx, rep, LoadOptions{}); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		w.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "facts/s")
}

func TestLoadRefusesUnknownVocabulary(t *testing.T) {
	w, _ := openTemp(t)
	rep := sampleReport("a.pdf", "sha-a", 3)
	rep.Facts[1].Unit = "people"
	_, err := w.Load(context.Background(), rep, LoadOptions{})
	if err == nil || !strings.Contains(err.Error(), `unit "people"`) {
		t.Fatalf("got %v", err)
	}
	if got := count(t, w, `SELECT count(*) FROM sources`); got != 0 {
		t.Fatal("a refused report left rows")
	}
}

// BenchmarkInsertSelect is DuckDB's own ceiling for the load: the same
// number of fact rows made by SQL inside the engine (INSERT … SELECT from
// range), with no client in between, in one transaction.
func BenchmarkInsertSelect(b *testing.B) {
	const n = 1_000_000
	ctx := context.Background()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		w, err := Open(ctx, filepath.Join(b.TempDir(), fmt.Sprintf("s%d.duckdb", i)), Options{})
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		_, err = w.DB().ExecContext(ctx, `INSERT INTO fact_rows SELECT substr(md5(i::VARCHAR), 1, 24), 1, 'Mreža', 'mreza',
			'indikator ' || i, 'indikator-' || i, 'output', 'persons', i + 0.5, 'exact',
			CASE WHEN i % 3 = 0 THEN i * 2 END, CASE WHEN i % 3 = 0 THEN 1 END, CASE WHEN i % 3 = 0 THEN 'Društvo NOVUS' END,
			DATE '2020-01-01', DATE '2020-12-31', 1 + i % 10, NULL, NULL, 'snippet', 0.9 FROM range(?) t(i)`, n)
		if err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		w.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
}

// A total row of a table is loaded as a fact and marked is_total, so that
// a sum over facts can leave it out.
func TestTotalsMarked(t *testing.T) {
	w, _ := openTemp(t)
	rep := sampleReport("a.pdf", "sha-a", 3)
	rep.Facts[2].Total = true
	if _, err := w.Load(context.Background(), rep, LoadOptions{}); err != nil {
		t.Fatal(err)
	}
	if n := count(t, w, `SELECT count(*) FROM facts WHERE is_total`); n != 1 {
		t.Errorf("%d facts marked is_total, want 1", n)
	}
	if n := count(t, w, `SELECT count(*) FROM facts WHERE NOT is_total`); n != 2 {
		t.Errorf("%d facts not marked, want 2", n)
	}
}
