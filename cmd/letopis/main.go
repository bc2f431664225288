// Command letopis imports the annual reports of NGOs and public programmes
// (PDF, xlsx, xls, CSV, in Slovene) into a DuckDB warehouse of indicators
// and queries it. Run `letopis --help`.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, cancel := context.WithCancelCause(context.Background())
	sigs := make(chan os.Signal, 2)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	go func() {
		sig := <-sigs
		cancel(signalError{sig})
		// A second signal while the first is handled: stop at once.
		sig = <-sigs
		os.Exit(128 + int(sig.(syscall.Signal)))
	}()
	os.Exit(run(ctx, os.Args[1:], streams{in: os.Stdin, out: os.Stdout, err: os.Stderr}))
}

// signalError is the cause of a context cancelled by a signal.
type signalError struct{ sig os.Signal }

func (e signalError) Error() string { return fmt.Sprintf("interrupted by %v", e.sig) }

// interruptCode returns 130 for SIGINT, 143 for SIGTERM.
func interruptCode(ctx context.Context) int {
	if se, ok := context.Cause(ctx).(signalError); ok && se.sig == syscall.SIGTERM {
		return exitTerminated
	}
	return exitInterrupted
}
