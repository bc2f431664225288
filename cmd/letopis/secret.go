package main

import (
	"bufio"
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"
)

// secretFlags are the flags whose values are secrets: they are never
// recorded (import_runs.arguments) nor logged; redactArgs puts *** in their
// place.
var secretFlags = map[string]bool{"password": true}

// redactArgs joins a command line for the record, the value of every
// secret flag (--password X, --password=X) replaced by ***.
func redactArgs(args []string) string {
	out := make([]string, 0, len(args))
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			out = append(out, args[i:]...)
			break
		}
		name, _, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if !strings.HasPrefix(a, "--") || !secretFlags[name] {
			out = append(out, a)
			continue
		}
		if hasValue {
			out = append(out, "--"+name+"=***")
			continue
		}
		out = append(out, a)
		if i+1 < len(args) {
			out = append(out, "***")
			i++
		}
	}
	return strings.Join(out, " ")
}

// addPasswordFlags adds --password and --password-file to cmd.
func addPasswordFlags(cmd *cobra.Command, password, file *string, what string) {
	cmd.Flags().StringVar(password, "password", "", "password of "+what+" (env LETOPIS_PASSWORD; a flag's value shows in the process list: prefer --password-file or the environment)")
	cmd.Flags().StringVar(file, "password-file", "", "read the password of "+what+" from the first line of this file")
}

// resolvePassword returns the password of --password or, with
// --password-file, the first line of that file; not both.
func resolvePassword(password, file string) (string, error) {
	if file == "" {
		return password, nil
	}
	if password != "" {
		return "", usageErrorf("--password and --password-file: give one")
	}
	f, err := os.Open(file)
	if err != nil {
		return "", withCode(exitNoInput, fmt.Errorf("--password-file: %v", err))
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	if !sc.Scan() {
		if err := sc.Err(); err != nil {
			return "", withCode(exitIOErr, fmt.Errorf("--password-file %s: %v", file, err))
		}
		return "", usageErrorf("--password-file %s: the file is empty", file)
	}
	return strings.TrimRight(sc.Text(), "\r"), nil
}
