package main

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/duckdb/duckdb-go/v2"

	"github.com/letopis/letopis/transform/keys"
)

// importTwoYears imports the 2020 corpus (both PDFs, the xlsx and the CSV)
// and the 2021 fixture, worded differently, into a warehouse in dir.
func importTwoYears(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	files := []string{"novus-2020-plain.pdf", "novus-2020-brochure.pdf", "kazalniki-2020.xlsx", "kazalniki-2020-cp1250.csv", "kazalniki-2021.csv"}
	for _, f := range files {
		fixture(t, dir, f, f)
	}
	code, out, stderr := runBinary(t, dir, append([]string{"import"}, files...)...)
	if code != 0 {
		t.Fatalf("import: exit %d\n%s%s", code, out, stderr)
	}
	return dir
}

func queryJSON(t *testing.T, dir string, args ...string) []map[string]any {
	t.Helper()
	code, out, stderr := runBinary(t, dir, append(append([]string{"query"}, args...), "--format", "json")...)
	if code != 0 {
		t.Fatalf("query %v: exit %d: %s", args, code, stderr)
	}
	var rows []map[string]any
	if err := json.Unmarshal([]byte(out), &rows); err != nil {
		t.Fatalf("query %v: %v\n%s", args, err, out)
	}
	return rows
}

// TestAcrossYears: the same activity and indicator keep their keys from the
// 2020 reports (PDF prose, spreadsheet rows) to the 2021 sheet, worded
// differently, and indicator-years gives one row per year.
func TestAcrossYears(t *testing.T) {
	dir := importTwoYears(t)
	tests := []struct {
		activity2021, indicator2021 string // as the 2021 fixture words them
		want2020, want2021          float64
	}{
		{"»SPIN« – vzhodna kohezijska regija", "Število oseb, vključenih v aktivnosti za razvoj kariere", 701, 688},
		{"»SPIN« – vzhodna kohezijska regija", "Ure usposabljanj", 22830, 19412},
		{"»SPIN« – vzhodna kohezijska regija", "Osebe z novo ali ohranjeno zaposlitvijo", 225, 241},
		{"»AS – Aktiviraj se!«", "Osebe iz ranljivih ciljnih skupin, vključene v program", 62, 58},
		{"»AS – Aktiviraj se!«", "Delež oseb iz ranljivih ciljnih skupin, ki so ob izhodu vključene v iskanje zaposlitve, izobraževanje/usposabljanje, pridobivanje kvalifikacij ali zaposlitev", 40.32, 31.03},
		{"»VšečKAM in GREM – Karierni center za mlade« KRVS", "Individualnih obravnav šolajoče mladine", 410, 455},
		{"»VšečKAM in GREM – Karierni center za mlade« KRVS", "Dogodki za spoznavanje trga dela in poklicev", 190, 212},
		// Prose in the 2020 PDFs (683 informiranih posameznikov), a table row in 2021.
		{"1. Regionalno stičišče NVO Savinjske regije NOVUS", "Informirani posamezniki", 683, 702},
		{"2. Strateško partnerstvo »Mreža«", "Izdelani akcijski načrti", 3, 2},
	}
	for _, tt := range tests {
		unit := ""
		if strings.HasPrefix(tt.indicator2021, "Delež") {
			unit = "percent"
		}
		act, ind := keys.Activity(tt.activity2021), keys.IndicatorUnit(tt.indicator2021, unit)
		t.Run(act+"/"+ind, func(t *testing.T) {
			rows := queryJSON(t, dir, "indicator-years", "--param", "indicator="+ind, "--param", "activity="+act)
			var got []string
			for _, r := range rows {
				got = append(got, fmt.Sprintf("%v=%v", r["report_year"], r["value"]))
			}
			want := []string{fmt.Sprintf("2020=%v", tt.want2020), fmt.Sprintf("2021=%v", tt.want2021)}
			if strings.Join(got, " ") != strings.Join(want, " ") {
				t.Fatalf("indicator-years %s/%s: %v, want %v", act, ind, got, want)
			}
			for _, r := range rows {
				if r["values_differ"] != false {
					t.Errorf("sources of %v disagree: %v", r["report_year"], r)
				}
			}
		})
	}

	// Targets across years: AS met its 2020 target, not its 2021 one.
	as := keys.Activity("AS-Aktiviraj Se!")
	rows := queryJSON(t, dir, "targets", "--param", "activity="+as)
	var got []string
	for _, r := range rows {
		got = append(got, fmt.Sprintf("%v %v/%v %v%% %v", r["report_year"], r["value"], r["target"], r["reached_pct"], r["met"]))
	}
	want := "2020 40.32/25 161.3% true|2020 62/60 103.3% true|2021 31.03/25 124.1% true|2021 58/60 96.7% false"
	if strings.Join(got, "|") != want {
		t.Errorf("targets:\n got %s\nwant %s", strings.Join(got, "|"), want)
	}
	// The change from 2020 to 2021 for SPIN's hours.
	rows = queryJSON(t, dir, "year-change", "--param", "activity="+keys.Activity("SPIN (vzhodna kohezijska regija)"), "--param", "year=2021")
	found := false
	for _, r := range rows {
		if r["indicator_key"] == keys.Indicator("ure usposabljanj") {
			found = r["change"] == float64(19412-22830) && r["previous_year"] == float64(2020)
		}
	}
	if !found {
		t.Errorf("year-change has no 2020→2021 row for SPIN's hours: %v", rows)
	}
}

// TestAnalystCommands covers queries, formats, aliases, check and export
// end to end on one small warehouse.
func TestAnalystCommands(t *testing.T) {
	dir := t.TempDir()
	fixture(t, dir, "kazalniki-2020-cp1250.csv", "k2020.csv")
	fixture(t, dir, "kazalniki-2021.csv", "k2021.csv")
	if code, out, stderr := runBinary(t, dir, "import", "k2020.csv", "k2021.csv"); code != 0 {
		t.Fatalf("import: %d %s%s", code, out, stderr)
	}
	spin := keys.Activity("SPIN (vzhodna kohezijska regija)")
	hours := keys.Indicator("Opravljene ure usposabljanj")

	// The list of named queries.
	code, out, _ := runBinary(t, dir, "queries")
	for _, name := range []string{"indicator-years", "targets", "activity-facts", "year-change", "unit-totals", "year-sources"} {
		if code != 0 || !strings.Contains(out, name+"\n") {
			t.Errorf("queries lacks %s:\n%s", name, out)
		}
	}

	tests := []struct {
		name     string
		args     []string
		wantCode int
		want     []string // substrings of stdout (or stderr when wantCode != 0)
	}{
		{"table sl", []string{"query", "activity-facts", "--param", "activity=" + spin, "--locale", "sl"}, 0, []string{"22.830", "19.412", "  2020  "}},
		{"table plain", []string{"query", "activity-facts", "--param", "activity=" + spin}, 0, []string{"22830"}},
		{"markdown", []string{"query", "indicator-years", "--param", "indicator=" + hours, "--format", "markdown"}, 0,
			[]string{"| report_year | activity_key |", "| ---: | --- |", "| 2021 | " + spin + " | " + hours}},
		{"csv", []string{"query", "unit-totals", "--format", "csv"}, 0, []string{"report_year,unit,total,indicators,activities", "2021,hours,19412,1,1"}},
		{"sources", []string{"query", "year-sources", "--param", "year=2021"}, 0, []string{"k2021.csv", "csv"}},
		{"free SQL", []string{"query", "SELECT count(*) AS n FROM facts WHERE report_year = 2021"}, 0, []string{"10"}},
		{"injection as value", []string{"query", "activity-facts", "--param", "activity=x'; DROP TABLE fact_rows; --"}, 0, []string{"(0 rows)"}},
		{"injection in int", []string{"query", "year-sources", "--param", "year=2020; DROP TABLE sources"}, exitUsage, []string{"not a whole number"}},
		{"missing param", []string{"query", "activity-facts"}, exitUsage, []string{"needs --param activity"}},
		{"unknown param", []string{"query", "targets", "--param", "yaer=2020"}, exitUsage, []string{`no parameter "yaer"`}},
		{"param without name", []string{"query", "SELECT 1", "--param", "a=1"}, exitUsage, []string{"no named query"}},
		{"bad locale", []string{"query", "targets", "--locale", "de"}, exitUsage, []string{"--locale"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, stderr := runBinary(t, dir, tt.args...)
			text := out
			if tt.wantCode != 0 {
				text = stderr
			}
			if code != tt.wantCode {
				t.Fatalf("exit %d, want %d\n%s%s", code, tt.wantCode, out, stderr)
			}
			for _, w := range tt.want {
				if !strings.Contains(text, w) {
					t.Errorf("output lacks %q:\n%s", w, text)
				}
			}
		})
	}
	if n := queryInt(t, dir, "SELECT count(*) FROM fact_rows"); n != 18 {
		t.Fatalf("fact_rows = %d after the injection attempts, want 18", n)
	}

	// An alias applies to the views at once, and is gone when removed.
	other := "spin-drugo-ime"
	code, out, stderr := runBinary(t, dir, "alias", "add", "activity", spin, other)
	if code != 0 || !strings.Contains(out, "added activity alias") {
		t.Fatalf("alias add: %d %s%s", code, out, stderr)
	}
	if b, err := os.ReadFile(filepath.Join(dir, "aliases.yaml")); err != nil || !strings.Contains(string(b), spin+": "+other) {
		t.Fatalf("aliases.yaml: %q %v", b, err)
	}
	if n := queryInt(t, dir, "SELECT count(*) FROM facts WHERE activity_key = '"+other+"'"); n != 8 {
		t.Fatalf("facts under the alias = %d, want 8", n)
	}
	if n := queryInt(t, dir, "SELECT count(*) FROM activities WHERE activity_key = '"+other+"'"); n != 2 {
		t.Fatalf("activities under the alias = %d, want 2", n)
	}
	if code, out, _ := runBinary(t, dir, "alias", "list", "--format", "csv"); code != 0 || !strings.Contains(out, "activity,"+spin+","+other) {
		t.Fatalf("alias list: %d %s", code, out)
	}
	if code, _, stderr := runBinary(t, dir, "alias", "add", "activity", other, spin); code != exitUsage || !strings.Contains(stderr, "cycle") {
		t.Fatalf("cycle: %d %s", code, stderr)
	}
	if code, _, stderr := runBinary(t, dir, "alias", "add", "project", "a", "b"); code != exitUsage {
		t.Fatalf("bad kind: %d %s", code, stderr)
	}
	if code, out, stderr := runBinary(t, dir, "alias", "remove", "activity", spin); code != 0 {
		t.Fatalf("alias remove: %d %s%s", code, out, stderr)
	}
	if n := queryInt(t, dir, "SELECT count(*) FROM facts WHERE activity_key = '"+spin+"'"); n != 8 {
		t.Fatalf("facts under the key after remove = %d, want 8", n)
	}

	// check: the 2021 fixture has nothing doubtful, so only single-year keys
	// may be listed; json is one object per check.
	code, out, stderr = runBinary(t, dir, "check", "--format", "json")
	var checks map[string][]map[string]any
	if code != 0 || json.Unmarshal([]byte(out), &checks) != nil || len(checks) != len(dataChecks) {
		t.Fatalf("check: %d %s%s", code, out, stderr)
	}

	// export, read back by DuckDB with Hive partitioning.
	code, out, stderr = runBinary(t, dir, "export", "--format", "parquet", "--out", "exp")
	if code != 0 || !strings.Contains(out, "exported facts: 18 rows in 2 files") {
		t.Fatalf("export: %d %s%s", code, out, stderr)
	}
	if code, _, stderr := runBinary(t, dir, "export", "--out", "exp"); code == 0 || !strings.Contains(stderr, "--force") {
		t.Fatalf("second export: %d %s", code, stderr)
	}
	c, err := duckdb.NewConnector("", nil)
	if err != nil {
		t.Fatal(err)
	}
	db := sql.OpenDB(c)
	defer c.Close()
	defer db.Close()
	var n2020, n2021 int
	glob := filepath.Join(dir, "exp", "facts", "**", "*.parquet")
	if err := db.QueryRow(`SELECT count(*) FILTER (WHERE report_year = 2020), count(*) FILTER (WHERE report_year = 2021)
		FROM read_parquet(?, hive_partitioning = true)`, glob).Scan(&n2020, &n2021); err != nil || n2020 != 8 || n2021 != 10 {
		t.Fatalf("export read back: 2020 %d, 2021 %d, %v", n2020, n2021, err)
	}
}
