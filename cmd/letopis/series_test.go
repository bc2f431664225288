package main

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

// importYears imports the files into a new warehouse and returns its
// folder.
func importYears(t *testing.T, files ...string) string {
	t.Helper()
	dir := t.TempDir()
	for _, f := range files {
		fixture(t, dir, f, f)
	}
	code, out, stderr := runBinary(t, dir, append([]string{"import"}, files...)...)
	if code != 0 {
		t.Fatalf("import: exit %d\n%s%s", code, out, stderr)
	}
	return dir
}

// TestThreeYears imports three years of one organisation, each worded and
// laid out its own way (the 2020 report as an office PDF, the 2021 funder's
// sheet, the 2022 report written anew: testdata/novus-2022.pdf), with no
// alias written by hand: at least eight indicators keep one key over the
// three years (by their keys, or by the matches letopis applies itself),
// and no two different indicators of a report share a key, nor one key
// two units.
func TestThreeYears(t *testing.T) {
	dir := importYears(t, "novus-2020-plain.pdf", "kazalniki-2021.csv", "novus-2022.pdf")
	rows := queryJSON(t, dir, `SELECT activity_key, indicator_key, list(DISTINCT report_year ORDER BY report_year) AS years,
		list(value ORDER BY report_year) AS vals FROM facts GROUP BY ALL HAVING count(DISTINCT report_year) = 3 ORDER BY ALL`)
	var series []string
	for _, r := range rows {
		series = append(series, fmt.Sprintf("%v/%v %v", r["activity_key"], r["indicator_key"], r["vals"]))
	}
	t.Logf("%d indicators over 2020–2022:\n  %s", len(rows), strings.Join(series, "\n  "))
	if len(rows) < 8 {
		t.Errorf("%d indicators keep one key over the three years, want 8 or more", len(rows))
	}
	// a wrong merge: two indicators of one report (two keys as read)
	// under one key, or one key of two units
	merged := queryJSON(t, dir, `SELECT v.source_file, v.activity_key, v.indicator_key, count(DISTINCT r.indicator_key) AS keys_read
		FROM facts v JOIN fact_rows r USING (fact_id) GROUP BY ALL HAVING count(DISTINCT r.indicator_key) > 1`)
	if len(merged) > 0 {
		t.Errorf("indicators of one report merged under one key: %v", merged)
	}
	units := queryJSON(t, dir, `SELECT activity_key, indicator_key, list(DISTINCT unit) AS units FROM facts GROUP BY ALL HAVING count(DISTINCT unit) > 1`)
	if len(units) > 0 {
		t.Errorf("keys of two units: %v", units)
	}
	// the time series, one column per year
	ser := queryJSON(t, dir, "indicator-series", "--param", "activity=kohezijs-regij-spin-vzhodn")
	found := false
	for _, r := range ser {
		if r["indicator_key"] == "ur-usposabl" {
			found = r["2020"] == 22830.0 && r["2021"] == 19412.0 && r["2022"] == 18760.0
		}
	}
	if !found {
		t.Errorf("indicator-series: no row of ur-usposabl with 22830, 19412, 18760: %v", ser)
	}
}

// The matches letopis was not sure of are suggested, applied with
// --apply over a score, listed as automatic aliases and undone by alias
// remove, for good: a later import does not match that pair again.
func TestAliasSuggest(t *testing.T) {
	dir := importYears(t, "novus-2020-plain.pdf", "kazalniki-2021.csv", "novus-2022.pdf")
	suggested := queryJSONCmd(t, dir, "alias", "suggest")
	if len(suggested) == 0 {
		t.Fatal("no suggested match")
	}
	code, out, stderr := runBinary(t, dir, "alias", "suggest", "--apply", "--min", "0.5")
	if code != 0 || !strings.Contains(out, "applied") {
		t.Fatalf("alias suggest --apply: exit %d: %s%s", code, out, stderr)
	}
	if left := queryJSONCmd(t, dir, "alias", "suggest"); len(left) != 0 {
		t.Errorf("suggestions left after --apply --min 0.5: %v", left)
	}
	auto := queryJSONCmd(t, dir, "alias", "list")
	var from string
	for _, r := range auto {
		if r["by"] == "automatic" && r["kind"] == "indicator" {
			from = r["from_key"].(string)
		}
	}
	if from == "" {
		t.Fatalf("alias list shows no automatic indicator alias: %v", auto)
	}
	if code, out, stderr := runBinary(t, dir, "alias", "remove", "indicator", from); code != 0 || !strings.Contains(out, "undid") {
		t.Fatalf("alias remove: exit %d: %s%s", code, out, stderr)
	}
	if code, out, stderr := runBinary(t, dir, "import", "--force", "novus-2022.pdf", "kazalniki-2021.csv"); code != 0 {
		t.Fatalf("import --force: exit %d: %s%s", code, out, stderr)
	}
	for _, r := range queryJSONCmd(t, dir, "alias", "list") {
		if r["by"] == "automatic" && r["from_key"] == from {
			t.Errorf("the undone alias of %s is back after an import: %v", from, r)
		}
	}
}

// queryJSONCmd runs a letopis command with --format json and decodes its
// rows.
func queryJSONCmd(t *testing.T, dir string, args ...string) []map[string]any {
	t.Helper()
	code, out, stderr := runBinary(t, dir, append(args, "--format", "json")...)
	if code != 0 {
		t.Fatalf("%v: exit %d: %s", args, code, stderr)
	}
	var rows []map[string]any
	if err := json.Unmarshal([]byte(out), &rows); err != nil {
		t.Fatalf("%v: %v\n%s", args, err, out)
	}
	return rows
}
