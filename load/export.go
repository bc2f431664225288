package load

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/duckdb/duckdb-go/v2"
)

// ExportViews are the views Export writes, each to a folder of its name.
var ExportViews = []string{"facts", "activities"}

// ExportResult says what Export wrote for one view.
type ExportResult struct {
	View  string
	Dir   string
	Rows  int64
	Files int
}

// Export writes the public views of the warehouse db as files in dir, one
// folder per view, partitioned by report_year in the Hive layout
// (dir/facts/report_year=2020/data_0.parquet) that Spark, Trino and DuckDB
// read as they are. format is "parquet" or "csv". A view folder that
// exists and is not empty is refused unless force, which removes it first.
//
// The warehouse is opened read-only on its own connection that may write
// files (query connections may not).
func Export(ctx context.Context, db, dir, format string, force bool) ([]ExportResult, error) {
	var opts string
	switch format {
	case "parquet":
		opts = "FORMAT parquet, COMPRESSION zstd"
	case "csv":
		opts = "FORMAT csv, HEADER true"
	default:
		return nil, fmt.Errorf("export format %q: want parquet or csv", format)
	}
	if fi, err := os.Stat(db); err != nil || fi.IsDir() {
		if err == nil {
			err = errors.New("is a directory")
		} else if errors.Is(err, os.ErrNotExist) {
			err = errNoWarehouse
		}
		return nil, &WarehouseError{db, err}
	}
	for _, v := range ExportViews {
		d := filepath.Join(dir, v)
		entries, err := os.ReadDir(d)
		if err != nil && !errors.Is(err, os.ErrNotExist) {
			return nil, err
		}
		if len(entries) > 0 {
			if !force {
				return nil, fmt.Errorf("%s exists and is not empty: give another --out or --force to replace it", d)
			}
			if err := os.RemoveAll(d); err != nil {
				return nil, err
			}
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	connector, err := duckdb.NewConnector(db+"?access_mode=read_only", nil)
	if err != nil {
		return nil, &WarehouseError{db, classify(err)}
	}
	defer connector.Close()
	sdb := sql.OpenDB(connector)
	defer sdb.Close()
	var out []ExportResult
	for _, v := range ExportViews {
		d := filepath.Join(dir, v)
		// COPY takes no bound file name; the path is quoted as a literal.
		stmt := fmt.Sprintf(`COPY (SELECT * FROM %s ORDER BY ALL) TO '%s' (%s, PARTITION_BY (report_year))`,
			v, strings.ReplaceAll(d, "'", "''"), opts)
		res, err := sdb.ExecContext(ctx, stmt)
		if err != nil {
			return out, fmt.Errorf("export %s: %s", v, strings.Join(strings.Fields(classify(err).Error()), " "))
		}
		n, _ := res.RowsAffected()
		files, _ := filepath.Glob(filepath.Join(d, "report_year=*", "*."+format))
		out = append(out, ExportResult{View: v, Dir: d, Rows: n, Files: len(files)})
	}
	return out, nil
}
