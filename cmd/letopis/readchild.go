package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/letopis/letopis/importer/fork"
	"github.com/letopis/letopis/transform/units"
)

// readChildName is the hidden command an import runs in its child
// processes, which read the files (package importer/fork).
const readChildName = "read-child"

// newReadChildCmd returns the child of an import: it reads the files its
// parent sends on standard input and answers on standard output. It reads
// no configuration: the parent passes what it needs.
func newReadChildCmd(s streams) *cobra.Command {
	var unitsFile string
	cmd := &cobra.Command{
		Use:    readChildName,
		Short:  "Read files for an import (the import's child process)",
		Hidden: true,
		Args:   args(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			lex, err := units.Load(unitsFile)
			if err != nil {
				return withCode(exitConfig, fmt.Errorf("units file %s: %v", unitsFile, err))
			}
			return fork.Serve(cmd.Context(), s.in, s.out, lex)
		},
	}
	cmd.Flags().StringVar(&unitsFile, "units-file", "", "extra unit lexicon")
	return cmd
}

// newReadPool returns the pool of child processes an import reads its
// files in, or an error if this program cannot be found to run them.
func newReadPool(unitsFile string) (*fork.Pool, error) {
	exe, err := fork.Executable()
	if err != nil {
		return nil, err
	}
	argv := []string{exe, readChildName}
	if unitsFile != "" {
		argv = append(argv, "--units-file", unitsFile)
	}
	return fork.NewPool(argv, nil), nil
}
