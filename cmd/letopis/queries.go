package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/letopis/letopis/load"
	"github.com/letopis/letopis/queries"
)

func newQueriesCmd(s streams) *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "queries [flags] [NAME]",
		Short: "List the named queries, or show one with its SQL",
		Long: `List the named queries built into letopis: what each answers and its
parameters. Run one with letopis query NAME --param name=value. With a NAME,
print that query's header and SQL.`,
		Example: `  letopis queries
  letopis queries indicator-years
  letopis query indicator-years --param indicator=informir-posamezn`,
		Args: args(cobra.MaximumNArgs(1)),
		RunE: func(cmd *cobra.Command, a []string) error {
			if len(a) == 1 {
				q, ok, err := queries.Get(a[0])
				if err != nil {
					return err
				}
				if !ok {
					return usageErrorf("no named query %q (see `letopis queries`)", a[0])
				}
				_, err = fmt.Fprint(s.out, q.SQL)
				return err
			}
			if err := checkFormat(format); err != nil {
				return err
			}
			all, err := queries.All()
			if err != nil {
				return err
			}
			t := &load.Table{Columns: []string{"name", "answers", "params", "example"}}
			for _, q := range all {
				var ps []string
				for _, p := range q.Params {
					d := p.Type
					if !p.Required {
						d += ", default " + p.Default
					}
					ps = append(ps, fmt.Sprintf("%s (%s): %s", p.Name, d, p.Meaning))
				}
				t.Rows = append(t.Rows, []any{q.Name, q.Answers, strings.Join(ps, "; "), q.Example})
			}
			if format == "table" {
				for _, q := range all {
					fmt.Fprintf(s.out, "%s\n  %s\n", q.Name, q.Answers)
					for _, p := range q.Params {
						req := "required"
						if !p.Required {
							req = "default " + p.Default
						}
						fmt.Fprintf(s.out, "  --param %s=%s  (%s) %s\n", p.Name, strings.ToUpper(p.Type), req, p.Meaning)
					}
					fmt.Fprintf(s.out, "  e.g. %s\n\n", q.Example)
				}
				return nil
			}
			return printTable(s.out, t, format)
		},
	}
	cmd.Flags().StringVar(&format, "format", "table", "output format: table, csv, json or markdown")
	return cmd
}
