package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/pprof"
	"sort"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"github.com/spf13/viper"
)

// streams are the command's standard streams, injected so tests can read
// what a command printed.
type streams struct {
	in       io.Reader
	out, err io.Writer
}

// defaultDB is the warehouse file used when none is configured.
const defaultDB = "letopis.duckdb"

// configName is the config file looked for in the working directory and
// then in the user's config directory (…/letopis/letopis.yaml).
const configName = "letopis.yaml"

// run executes the command line args and returns the exit code. Errors are
// printed as one line on stderr.
func run(ctx context.Context, args []string, s streams) int {
	root := newRootCmd(s, nil)
	root.SetArgs(args)
	cmd, err := root.ExecuteContextC(ctx)
	return report(ctx, s, blameConfig(cmd, err))
}

// report prints err as one line on stderr, unless the command already
// printed its details (quietError), and returns its exit code: that of an
// interruption when ctx was cancelled and the command did not succeed.
func report(ctx context.Context, s streams, err error) int {
	if err != nil {
		var quiet *quietError
		if !errors.As(err, &quiet) {
			fmt.Fprintln(s.err, "letopis: "+oneLine(err.Error()))
		}
	}
	code := exitCode(err)
	if cause := context.Cause(ctx); cause != nil && code != exitOK {
		code = interruptCode(ctx)
	}
	return code
}

// quietError is an error whose details the command already printed; only
// its exit code is left to report.
type quietError struct{ code int }

func (e *quietError) Error() string { return fmt.Sprintf("exit %d", e.code) }

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// newRootCmd returns the command line of letopis. importF, if not nil,
// replaces what the import command does with its parsed options and paths
// (schedule parses an import's command line so).
func newRootCmd(s streams, importF importFunc) *cobra.Command {
	var configFile, cpuProfile string
	var stopProfile func()
	root := &cobra.Command{
		Use:   "letopis",
		Short: "Import Slovene annual reports into a DuckDB warehouse of indicators",
		Long: `letopis reads the annual reports of NGOs and public programmes (designed PDF
brochures, office-suite PDFs, Excel workbooks, legacy .xls and CSV exports, in
Slovene) and loads every reported quantity into one DuckDB file, with the page
and sentence it came from. Analysts query the views facts and activities.

Configuration: every flag can also be set in the environment as
LETOPIS_<COMMAND>_<FLAG> or LETOPIS_<FLAG> (LETOPIS_QUERY_FORMAT, LETOPIS_DB)
or in a YAML config file (--config FILE, else ./letopis.yaml, else <user
config dir>/letopis/letopis.yaml) under the command (query: {format: csv}),
or at the top for a key every command reads alike (db, aliases, password-file,
ocr, locale) or that only one command has. A flag wins over the environment,
which wins over the file. An unknown key is an error (exit 78).

` + exitCodesHelp,
		Example: `  letopis import testdata/novus-2020-brochure.pdf
  letopis query "SELECT activity, indicator, value, unit FROM facts ORDER BY page"
  letopis facts --year 2020 --activity SPIN`,
		SilenceUsage:  true,
		SilenceErrors: true,
		PersistentPreRunE: func(cmd *cobra.Command, _ []string) error {
			if cmd.Name() == readChildName {
				return nil // the parent import passes what its child needs
			}
			if cpuProfile != "" {
				stop, err := startCPUProfile(cpuProfile)
				if err != nil {
					return withCode(exitIOErr, err)
				}
				stopProfile = stop
			}
			return applyConfig(cmd, configFile)
		},
		PersistentPostRun: func(*cobra.Command, []string) {
			if stopProfile != nil {
				stopProfile()
			}
		},
	}
	root.SetIn(s.in)
	root.SetOut(s.out)
	root.SetErr(s.err)
	root.PersistentFlags().StringVar(&configFile, "config", "", "config file (default ./"+configName+", else the user config dir)")
	root.PersistentFlags().StringVar(&cpuProfile, "cpuprofile", "", "write a CPU profile (go tool pprof) to this file")
	root.PersistentFlags().MarkHidden("cpuprofile")
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return withCode(exitUsage, err) })
	root.AddCommand(newImportCmd(s, importF), newQueryCmd(s), newFactsCmd(s), newInspectCmd(s), newRunsCmd(s), newScheduleCmd(s), newVersionCmd(s))
	root.AddCommand(newQueriesCmd(s), newAliasCmd(s), newExportCmd(s), newCheckCmd(s), newReadChildCmd(s), newReviewCmd(s))
	return root
}

// sharedKeys are the keys that mean the same to every command with a flag
// of that name, and so may stand at the top of the config file. Any other
// key of several commands (format, year, force) lives under the command it
// is for (query.format); a key of one command may stand at the top too.
var sharedKeys = map[string]bool{"db": true, "aliases": true, "ocr": true, "password": true, "password-file": true, "locale": true}

// originKey is the annotation of a flag set from the environment or the
// config file: where its value came from, for an error about that value.
const originKey = "letopis-origin"

// applyConfig fills every flag of cmd that was not given on the command
// line, in this order of precedence: the environment (LETOPIS_CMD_FLAG,
// then LETOPIS_FLAG), the config file's section of the command (cmd.flag),
// the config file's top level (flag; only a shared key or a key of one
// command). A key of the file that no command knows, or that stands at the
// top though commands read it differently, is an error naming the file and
// the key (exit 78). A fresh viper per run: no global state.
func applyConfig(cmd *cobra.Command, configFile string) error {
	v := viper.New()
	if configFile == "" {
		configFile = os.Getenv("LETOPIS_CONFIG")
	}
	if configFile == "" {
		configFile = findConfig()
	} else if _, err := os.Stat(configFile); err != nil {
		return withCode(exitConfig, fmt.Errorf("config file %s: %w", configFile, err))
	}
	if configFile != "" {
		v.SetConfigFile(configFile)
		v.SetConfigType("yaml")
		if err := v.ReadInConfig(); err != nil {
			return withCode(exitConfig, fmt.Errorf("config file %s: %s", configFile, oneLine(err.Error())))
		}
		if err := checkConfigKeys(cmd.Root(), v.AllKeys()); err != nil {
			return withCode(exitConfig, fmt.Errorf("config file %s: %v", configFile, err))
		}
	}
	envName := func(parts ...string) string {
		return "LETOPIS_" + strings.ToUpper(strings.ReplaceAll(strings.Join(parts, "_"), "-", "_"))
	}
	var ferr error
	cmd.Flags().VisitAll(func(f *pflag.Flag) {
		if ferr != nil || f.Changed || f.Name == "config" || f.Name == "help" {
			return
		}
		var val any
		origin := ""
		for _, env := range []string{envName(cmd.Name(), f.Name), envName(f.Name)} {
			if s, ok := os.LookupEnv(env); ok && origin == "" {
				val, origin = s, "environment "+env
			}
		}
		for _, key := range []string{cmd.Name() + "." + f.Name, f.Name} {
			if origin == "" && v.IsSet(key) && (key != f.Name || topLevelKey(cmd.Root(), key)) {
				val, origin = v.Get(key), "config file "+configFile+": "+key
			}
		}
		if origin == "" {
			return
		}
		var s string
		switch x := val.(type) {
		case []any:
			parts := make([]string, len(x))
			for i, p := range x {
				parts[i] = fmt.Sprint(p)
			}
			s = strings.Join(parts, ",")
		default:
			s = fmt.Sprint(x)
		}
		if err := cmd.Flags().Set(f.Name, s); err != nil {
			ferr = withCode(exitConfig, fmt.Errorf("%s: invalid value %q: %v", origin, s, err))
			return
		}
		if f.Annotations == nil {
			f.Annotations = map[string][]string{}
		}
		f.Annotations[originKey] = []string{origin}
	})
	return ferr
}

// commandsWithFlag lists the commands of root (not hidden) with a flag name.
func commandsWithFlag(root *cobra.Command, name string) []string {
	var out []string
	for _, c := range root.Commands() {
		if !c.Hidden && c.Flags().Lookup(name) != nil {
			out = append(out, c.Name())
		}
	}
	return out
}

// topLevelKey reports whether key may stand at the top of the config file.
func topLevelKey(root *cobra.Command, key string) bool {
	return sharedKeys[key] || len(commandsWithFlag(root, key)) == 1
}

// checkConfigKeys returns an error naming the first key of the config file
// that no command reads, or that stands at the top though commands read it
// differently.
func checkConfigKeys(root *cobra.Command, keys []string) error {
	sort.Strings(keys)
	for _, key := range keys {
		if name, flag, ok := strings.Cut(key, "."); ok {
			c, _, err := root.Find([]string{name})
			if err != nil || c == root || c.Hidden || c.Name() != name {
				return fmt.Errorf("unknown key %q: there is no command %s", key, name)
			}
			if c.Flags().Lookup(flag) == nil || flag == "help" || flag == "config" {
				return fmt.Errorf("unknown key %q: %s has no flag --%s", key, name, flag)
			}
			continue
		}
		owners := commandsWithFlag(root, key)
		switch {
		case len(owners) == 0 || key == "help" || key == "config":
			return fmt.Errorf("unknown key %q", key)
		case !topLevelKey(root, key):
			return fmt.Errorf("key %q is read differently by %s: set it under the command it is for (%s.%s)", key, strings.Join(owners, ", "), owners[0], key)
		}
	}
	return nil
}

// blameConfig turns a usage error about a flag's value that came from the
// environment or the config file (the command checks the value: "--format
// \"xml\": want …") into a configuration error naming where it came from:
// the user never gave that flag.
func blameConfig(cmd *cobra.Command, err error) error {
	if cmd == nil || exitCode(err) != exitUsage {
		return err
	}
	msg := err.Error()
	if !strings.HasPrefix(msg, "--") {
		return err
	}
	name := strings.TrimPrefix(msg, "--")
	if i := strings.IndexAny(name, " :="); i >= 0 {
		name = name[:i]
	}
	f := cmd.Flags().Lookup(name)
	if f == nil || len(f.Annotations[originKey]) == 0 {
		return err
	}
	return withCode(exitConfig, fmt.Errorf("%s: %s", f.Annotations[originKey][0], strings.TrimSpace(strings.TrimPrefix(msg, "--"+name))))
}

// startCPUProfile profiles the command into path until stop is called.
func startCPUProfile(path string) (stop func(), err error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, fmt.Errorf("--cpuprofile: %w", err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, fmt.Errorf("--cpuprofile: %w", err)
	}
	return func() { pprof.StopCPUProfile(); f.Close() }, nil
}

// findConfig returns ./letopis.yaml, else <user config dir>/letopis/letopis.yaml,
// whichever exists first, else "".
func findConfig() string {
	candidates := []string{configName}
	if dir, err := os.UserConfigDir(); err == nil {
		candidates = append(candidates, filepath.Join(dir, "letopis", configName))
	}
	for _, c := range candidates {
		if fi, err := os.Stat(c); err == nil && !fi.IsDir() {
			return c
		}
	}
	return ""
}

// addDBFlag adds --db to a command.
func addDBFlag(cmd *cobra.Command, p *string) {
	cmd.Flags().StringVar(p, "db", defaultDB, "warehouse file (env LETOPIS_DB)")
}

// args wraps a cobra argument check so that its error is a usage error.
func args(check cobra.PositionalArgs) cobra.PositionalArgs {
	return func(cmd *cobra.Command, a []string) error {
		return withCode(exitUsage, check(cmd, a))
	}
}
