package load

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/duckdb/duckdb-go/v2"
)

// TestExportReadBack exports a warehouse of two years and reads the files
// back with DuckDB's read_parquet / read_csv and Hive partitioning: the
// same rows come back.
func TestExportReadBack(t *testing.T) {
	ctx := context.Background()
	w, path := openTemp(t)
	rep := sampleReport("a.pdf", "sha-a", 6)
	if _, err := w.Load(ctx, rep, LoadOptions{}); err != nil {
		t.Fatal(err)
	}
	rep2 := sampleReport("b.pdf", "sha-b", 4)
	rep2.Year = 2021
	if _, err := w.Load(ctx, rep2, LoadOptions{}); err != nil {
		t.Fatal(err)
	}
	w.Close()

	for _, format := range []string{"parquet", "csv"} {
		t.Run(format, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "export 'x'")
			res, err := Export(ctx, path, out, format, false)
			if err != nil {
				t.Fatal(err)
			}
			if len(res) != 2 || res[0].Rows != 10 || res[0].Files != 2 {
				t.Fatalf("result %+v", res)
			}
			if _, err := os.Stat(filepath.Join(out, "facts", "report_year=2021")); err != nil {
				t.Fatal("no Hive partition folder:", err)
			}
			c, err := duckdb.NewConnector(path+"?access_mode=read_only", nil)
			if err != nil {
				t.Fatal(err)
			}
			db := sql.OpenDB(c)
			defer c.Close()
			defer db.Close()
			reader := "read_parquet"
			if format == "csv" {
				reader = "read_csv"
			}
			glob := strings.ReplaceAll(filepath.Join(out, "facts", "**", "*."+format), "'", "''")
			// Rows in the warehouse but not in the files, and the other way.
			cols := `fact_id, report_year::INTEGER, activity_key, indicator_key, value, target, share_of, period_start::DATE, page::INTEGER`
			q := `SELECT (SELECT count(*) FROM (SELECT ` + cols + ` FROM facts EXCEPT ALL SELECT ` + cols + ` FROM ` + reader + `('` + glob + `', hive_partitioning = true))) +
			             (SELECT count(*) FROM (SELECT ` + cols + ` FROM ` + reader + `('` + glob + `', hive_partitioning = true) EXCEPT ALL SELECT ` + cols + ` FROM facts))`
			var diff int
			if err := db.QueryRow(q).Scan(&diff); err != nil {
				t.Fatal(err)
			}
			if diff != 0 {
				t.Fatalf("%d rows differ between the warehouse and the %s export", diff, format)
			}
			var n int
			aglob := strings.ReplaceAll(filepath.Join(out, "activities", "**", "*."+format), "'", "''")
			if err := db.QueryRow(`SELECT count(*) FROM ` + reader + `('` + aglob + `', hive_partitioning = true) WHERE report_year = 2021`).Scan(&n); err != nil || n != 2 {
				t.Fatalf("activities of 2021 read back: %d, %v", n, err)
			}

			// A second export into the same folder is refused without force.
			if _, err := Export(ctx, path, out, format, false); err == nil || !strings.Contains(err.Error(), "--force") {
				t.Fatalf("second export: %v", err)
			}
			if _, err := Export(ctx, path, out, format, true); err != nil {
				t.Fatalf("forced export: %v", err)
			}
		})
	}
	if _, err := Export(ctx, path, t.TempDir(), "xml", false); err == nil {
		t.Fatal("unknown format accepted")
	}
}
