package main

import (
	"errors"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/letopis/letopis/load"
)

type aliasOptions struct {
	db      string
	aliases string
	format  string
}

// aliasFile returns the configured alias file, else aliases.yaml beside
// the warehouse.
func (o aliasOptions) aliasFile() string {
	if o.aliases != "" {
		return o.aliases
	}
	return load.DefaultAliasFile(o.db)
}

func newAliasCmd(s streams) *cobra.Command {
	var o aliasOptions
	cmd := &cobra.Command{
		Use:   "alias add|list|remove|sync|suggest",
		Short: "Map activity or indicator keys across years: by hand, or as letopis suggests",
		Long: `Where letopis's keys cannot know that two wordings name the same activity or
indicator, map one key to another by hand. The aliases live in a YAML file
(--aliases, config key aliases; default aliases.yaml beside the warehouse),
which is the source of truth; every alias command and every import (for the
file beside the warehouse) copy it into the warehouse table key_aliases, and
the views facts and activities show the mapped keys at once, without
re-importing, also to tools that read the warehouse file directly.

A chain (a → b, b → c) maps a to c; a cycle is refused.

letopis matches keys across years by itself: when a report is imported,
each activity and indicator whose key no other year of the organisation has
is compared with the other years' (its words, unit, value, place and kind,
and, for an activity, its indicators). A confident match is applied at once
as an automatic alias (listed by alias list, undone by alias remove); a
doubtful one is only proposed: alias suggest lists them, alias suggest
--apply applies those over a score.`,
		Example: `  letopis alias add activity aktivaci-aktivira-as-socialn aktivira-as
  letopis alias add indicator informir-posamezn-stic informir-posamezn
  letopis alias list
  letopis alias remove activity aktivaci-aktivira-as-socialn
  letopis alias sync
  letopis alias suggest --year 2022
  letopis alias suggest --apply --min 0.6`,
	}
	pf := cmd.PersistentFlags()
	pf.StringVar(&o.db, "db", defaultDB, "warehouse file (env LETOPIS_DB)")
	pf.StringVar(&o.aliases, "aliases", "", "alias file (env LETOPIS_ALIASES; default aliases.yaml beside the warehouse)")

	add := &cobra.Command{
		Use:     "add KIND FROM TO",
		Short:   "Map the key FROM (activity or indicator) to TO",
		Example: `  letopis alias add activity aktivaci-aktivira-as-socialn aktivira-as`,
		Args:    args(cobra.ExactArgs(3)),
		RunE: func(cmd *cobra.Command, a []string) error {
			return aliasChange(cmd, s, o, load.Alias{Kind: a[0], From: a[1], To: a[2]}, false)
		},
	}
	remove := &cobra.Command{
		Use:     "remove KIND FROM",
		Aliases: []string{"rm"},
		Short:   "Remove the alias of the key FROM",
		Example: `  letopis alias remove activity aktivaci-aktivira-as-socialn`,
		Args:    args(cobra.ExactArgs(2)),
		RunE: func(cmd *cobra.Command, a []string) error {
			return aliasChange(cmd, s, o, load.Alias{Kind: a[0], From: a[1]}, true)
		},
	}
	list := &cobra.Command{
		Use:     "list",
		Aliases: []string{"ls"},
		Short:   "List the aliases of the alias file, with the facts each maps",
		Example: `  letopis alias list --format csv`,
		Args:    args(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := checkFormat(o.format); err != nil {
				return err
			}
			al, err := readAliasFile(o.aliasFile())
			if err != nil {
				return err
			}
			resolved, err := load.ResolveAliases(al)
			if err != nil {
				return withCode(exitConfig, fmt.Errorf("alias file %s: %w", o.aliasFile(), err))
			}
			t := &load.Table{Columns: []string{"kind", "from_key", "to_key", "by", "score", "organisation", "activity_key"},
				Types: []string{"VARCHAR", "VARCHAR", "VARCHAR", "VARCHAR", "DOUBLE", "VARCHAR", "VARCHAR"}}
			for _, a := range resolved {
				t.Rows = append(t.Rows, []any{a.Kind, a.From, a.To, "hand", nil, nil, nil})
			}
			// the automatic aliases of the warehouse, when there is one
			if w, err := load.Open(cmd.Context(), o.db, load.Options{ReadOnly: true}); err == nil {
				ms, err := w.KeyMatches(cmd.Context(), load.MatchApplied, 0)
				w.Close()
				if err != nil {
					return err
				}
				for _, m := range ms {
					t.Rows = append(t.Rows, []any{m.Kind, m.From, m.To, "automatic", m.Score, m.Organisation, nullIfEmpty(m.ActivityKey)})
				}
			}
			return printTable(s.out, t, o.format)
		},
	}
	list.Flags().StringVar(&o.format, "format", "table", "output format: table, csv, json or markdown")
	sync := &cobra.Command{
		Use:     "sync",
		Short:   "Copy the alias file into the warehouse (after editing it by hand)",
		Example: `  letopis alias sync --aliases /srv/letopis/aliases.yaml`,
		Args:    args(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			al, err := readAliasFile(o.aliasFile())
			if err != nil {
				return err
			}
			w, err := load.Open(cmd.Context(), o.db, load.Options{AliasFile: o.aliasFile()})
			if err != nil {
				return err
			}
			defer w.Close()
			if err := w.SyncAliases(cmd.Context(), al); err != nil {
				return err
			}
			fmt.Fprintf(s.out, "synced %d aliases from %s\n", len(al), o.aliasFile())
			return nil
		},
	}
	var year int
	var apply bool
	var minScore float64
	suggest := &cobra.Command{
		Use:   "suggest",
		Short: "List the doubtful matches of keys across years; --apply applies those over a score",
		Long: `List the matches of keys across years that letopis found when importing but
was not sure enough of to apply (a score under 0.75): the new key and the
earlier one, the score (0..1), the two wordings and the two sentences or
rows side by side. With --apply, the matches of a score of --min or more
become automatic aliases (listed by alias list, undone by alias remove).`,
		Example: `  letopis alias suggest --year 2022
  letopis alias suggest --apply --min 0.6`,
		Args: args(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := checkFormat(o.format); err != nil {
				return err
			}
			if minScore < 0 || minScore > 1 {
				return usageErrorf("--min %g: want a score from 0 to 1", minScore)
			}
			var w *load.Warehouse
			var err error
			if apply {
				w, err = load.Open(cmd.Context(), o.db, load.Options{AliasFile: o.aliasFile()})
			} else {
				w, err = load.Open(cmd.Context(), o.db, load.Options{ReadOnly: true})
			}
			if err != nil {
				return err
			}
			defer w.Close()
			ms, err := w.KeyMatches(cmd.Context(), load.MatchProposed, year)
			if err != nil {
				return err
			}
			if apply {
				n, err := w.ApplyProposed(cmd.Context(), year, minScore)
				if err != nil {
					return err
				}
				fmt.Fprintf(s.out, "applied %d of %d suggested matches (score %.2f or more)\n", n, len(ms), minScore)
				return nil
			}
			t := &load.Table{Columns: []string{"kind", "report_year", "from_key", "to_key", "to_year", "score", "new", "earlier", "new_snippet", "earlier_snippet"},
				Types: []string{"VARCHAR", "INTEGER", "VARCHAR", "VARCHAR", "INTEGER", "DOUBLE", "VARCHAR", "VARCHAR", "VARCHAR", "VARCHAR"}}
			for _, m := range ms {
				t.Rows = append(t.Rows, []any{m.Kind, m.Year, m.From, m.To, m.ToYear, m.Score, m.FromText, m.ToText, m.FromSnippet, m.ToSnippet})
			}
			return printTable(s.out, t, o.format)
		},
	}
	suggest.Flags().IntVar(&year, "year", 0, "only the matches of this report year's keys")
	suggest.Flags().BoolVar(&apply, "apply", false, "apply the suggested matches of a score of --min or more")
	suggest.Flags().Float64Var(&minScore, "min", 0.6, "the lowest score --apply applies")
	suggest.Flags().StringVar(&o.format, "format", "table", "output format: table, csv, json or markdown")
	cmd.AddCommand(add, remove, list, sync, suggest)
	return cmd
}

func nullIfEmpty(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// readAliasFile reads the alias file; a missing file has no aliases.
func readAliasFile(path string) ([]load.Alias, error) {
	al, err := load.ReadAliases(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, withCode(exitConfig, err)
	}
	return al, nil
}

// aliasChange adds (or removes) one alias: it checks the result, opens the
// warehouse for writing (so a held warehouse changes nothing), writes the
// file and syncs the table.
func aliasChange(cmd *cobra.Command, s streams, o aliasOptions, a load.Alias, remove bool) error {
	if a.Kind != load.AliasActivity && a.Kind != load.AliasIndicator {
		return usageErrorf("kind %q: want activity or indicator", a.Kind)
	}
	path := o.aliasFile()
	al, err := readAliasFile(path)
	if err != nil {
		return err
	}
	var out []load.Alias
	found := false
	for _, x := range al {
		if x.Kind == a.Kind && x.From == a.From {
			found = true
			continue
		}
		out = append(out, x)
	}
	if remove && !found {
		// an automatic alias: undo it, and keep it from coming back
		w, err := load.Open(cmd.Context(), o.db, load.Options{AliasFile: path})
		if err != nil {
			return err
		}
		defer w.Close()
		n, err := w.RejectMatches(cmd.Context(), a.Kind, a.From)
		if err != nil {
			return err
		}
		if n == 0 {
			return usageErrorf("no %s alias from %q in %s, nor an automatic one", a.Kind, a.From, path)
		}
		fmt.Fprintf(s.out, "undid %d automatic %s alias(es) from %s\n", n, a.Kind, a.From)
		return nil
	}
	if !remove {
		if a.From == a.To {
			return usageErrorf("an alias from %q to itself", a.From)
		}
		out = append(out, a)
	}
	if _, err := load.ResolveAliases(out); err != nil {
		return usageErrorf("%s", err)
	}
	w, err := load.Open(cmd.Context(), o.db, load.Options{AliasFile: path})
	if err != nil {
		return err
	}
	defer w.Close()
	if err := load.WriteAliases(path, out); err != nil {
		return withCode(exitIOErr, fmt.Errorf("alias file %s: %w", path, err))
	}
	if err := w.SyncAliases(cmd.Context(), out); err != nil {
		return err
	}
	if remove {
		fmt.Fprintf(s.out, "removed %s alias %s (%s)\n", a.Kind, a.From, path)
		return nil
	}
	n, err := w.FactsWithKey(cmd.Context(), a.Kind, a.From)
	if err != nil {
		return err
	}
	fmt.Fprintf(s.out, "added %s alias %s → %s (%d facts; %s)\n", a.Kind, a.From, a.To, n, path)
	if n == 0 {
		fmt.Fprintf(s.err, "letopis: note: no fact has the %s_key %q yet\n", a.Kind, a.From)
	}
	return nil
}
