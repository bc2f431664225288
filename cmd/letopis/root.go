package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/pprof"
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
	return report(ctx, s, root.ExecuteContext(ctx))
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

Configuration: every flag can also be set in the environment as LETOPIS_<FLAG>
(LETOPIS_DB, LETOPIS_UNITS_FILE, …) or in a YAML config file (--config FILE,
else ./letopis.yaml, else <user config dir>/letopis/letopis.yaml) under the
flag's name. A flag wins over the environment, which wins over the file.

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
	root.AddCommand(newQueriesCmd(s), newAliasCmd(s), newExportCmd(s), newCheckCmd(s), newReadChildCmd(s))
	return root
}

// applyConfig fills every flag of cmd that was not given on the command
// line from the environment (LETOPIS_FLAG_NAME) or the config file, in that
// order of precedence. A fresh viper per run: no global state.
func applyConfig(cmd *cobra.Command, configFile string) error {
	v := viper.New()
	v.SetEnvPrefix("LETOPIS")
	v.SetEnvKeyReplacer(strings.NewReplacer("-", "_"))
	v.AutomaticEnv()
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
	}
	var ferr error
	cmd.Flags().VisitAll(func(f *pflag.Flag) {
		if ferr != nil || f.Changed || f.Name == "config" || f.Name == "help" {
			return
		}
		if !v.IsSet(f.Name) {
			return
		}
		val := v.Get(f.Name)
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
			where := "config file " + configFile
			if os.Getenv("LETOPIS_"+strings.ToUpper(strings.ReplaceAll(f.Name, "-", "_"))) != "" {
				where = "environment LETOPIS_" + strings.ToUpper(strings.ReplaceAll(f.Name, "-", "_"))
			}
			ferr = withCode(exitConfig, fmt.Errorf("%s: %s: invalid value %q: %v", where, f.Name, s, err))
		}
	})
	return ferr
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
