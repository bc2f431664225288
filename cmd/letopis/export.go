package main

import (
	"fmt"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/letopis/letopis/load"
)

func newExportCmd(s streams) *cobra.Command {
	var db, format, out string
	var force bool
	cmd := &cobra.Command{
		Use:   "export --out DIR [--format parquet|csv] [--force]",
		Short: "Write the views as Parquet or CSV files partitioned by report_year",
		Long: `Write the views facts and activities as files that Spark, Trino or DuckDB
read as they are: one folder per view, partitioned by report_year in the Hive
layout (DIR/facts/report_year=2020/data_0.parquet). Keys are exported as the
views show them, aliases applied. A view folder that exists and is not empty
is left alone unless --force, which replaces it.

The flag --format of export is its own (config key export-format): the config
key format of query does not apply here.`,
		Example: `  letopis export --out export/
  letopis export --format csv --out /srv/share/letopis --force
  duckdb -c "SELECT * FROM read_parquet('export/facts/**/*.parquet', hive_partitioning = true)"`,
		Args: args(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			if out == "" {
				return usageErrorf("--out DIR is required")
			}
			if format != "parquet" && format != "csv" {
				return usageErrorf("--format %q: want parquet or csv", format)
			}
			res, err := load.Export(cmd.Context(), db, out, format, force)
			if err != nil {
				return err
			}
			for _, r := range res {
				fmt.Fprintf(s.out, "exported %s: %d rows in %d files under %s\n", r.View, r.Rows, r.Files, r.Dir)
			}
			return nil
		},
	}
	addDBFlag(cmd, &db)
	// Named export-format so that a configured `format: table` (for query)
	// does not reach export; --format is accepted on the command line.
	cmd.Flags().StringVar(&format, "export-format", "parquet", "file format: parquet or csv (also --format)")
	cmd.Flags().SetNormalizeFunc(func(_ *pflag.FlagSet, name string) pflag.NormalizedName {
		if name == "format" {
			name = "export-format"
		}
		return pflag.NormalizedName(name)
	})
	cmd.Flags().StringVar(&out, "out", "", "output folder")
	cmd.Flags().BoolVar(&force, "force", false, "replace the view folders of an earlier export")
	return cmd
}
