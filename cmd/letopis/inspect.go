package main

import (
	"github.com/spf13/cobra"

	"github.com/letopis/letopis/extract"
	"github.com/letopis/letopis/importer"
)

type inspectOptions struct {
	format   string
	password string
	pwFile   string
	ocr      string
}

func newInspectCmd(s streams) *cobra.Command {
	var o inspectOptions
	cmd := &cobra.Command{
		Use:   "inspect [flags] FILE",
		Short: "Show a file as letopis reads it: pages, blocks, tables",
		Long: `Show what letopis extracts from a file, before any fact is read: for a PDF,
its pages with their blocks in reading order (heading, paragraph, list item,
result box, table) and tables as grids; for a workbook or CSV, its sheets as
tables of typed cells. Nothing is written.`,
		Example: `  letopis inspect testdata/novus-2020-brochure.pdf
  letopis inspect --format json testdata/kazalniki-2020.xlsx | jq '.Sheets[0].Rows[0]'`,
		Args: args(cobra.ExactArgs(1)),
		RunE: func(cmd *cobra.Command, a []string) error {
			if o.format != "text" && o.format != "json" {
				return usageErrorf("--format %q: want text or json", o.format)
			}
			password, err := resolvePassword(o.password, o.pwFile)
			if err != nil {
				return err
			}
			doc, err := importer.Extract(cmd.Context(), a[0], extract.Options{Password: password, OCR: o.ocr})
			if err != nil {
				return err
			}
			if o.format == "json" {
				return extract.PrintJSON(s.out, doc)
			}
			return extract.Print(s.out, doc)
		},
	}
	cmd.Flags().StringVar(&o.format, "format", "text", "output format: text or json")
	addPasswordFlags(cmd, &o.password, &o.pwFile, "an encrypted PDF")
	cmd.Flags().StringVar(&o.ocr, "ocr", extract.OCRAuto, "read PDF pages by OCR: auto, always, never")
	return cmd
}
