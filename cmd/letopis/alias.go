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
		Use:   "alias add|list|remove|sync",
		Short: "Map activity or indicator keys by hand, across years",
		Long: `Where letopis's keys cannot know that two wordings name the same activity or
indicator, map one key to another by hand. The aliases live in a YAML file
(--aliases, config key aliases; default aliases.yaml beside the warehouse),
which is the source of truth; every alias command and every import (for the
file beside the warehouse) copy it into the warehouse table key_aliases, and
the views facts and activities show the mapped keys at once, without
re-importing, also to tools that read the warehouse file directly.

A chain (a → b, b → c) maps a to c; a cycle is refused.`,
		Example: `  letopis alias add activity aktivaci-aktivira-as-socialn aktivira-as
  letopis alias add indicator informir-posamezn-stic informir-posamezn
  letopis alias list
  letopis alias remove activity aktivaci-aktivira-as-socialn
  letopis alias sync`,
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
			t := &load.Table{Columns: []string{"kind", "from_key", "to_key"}, Types: []string{"VARCHAR", "VARCHAR", "VARCHAR"}}
			for _, a := range resolved {
				t.Rows = append(t.Rows, []any{a.Kind, a.From, a.To})
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
	cmd.AddCommand(add, remove, list, sync)
	return cmd
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
		return usageErrorf("no %s alias from %q in %s", a.Kind, a.From, path)
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
