package main

import (
	"errors"
	"fmt"
	"io/fs"

	"github.com/letopis/letopis"
	"github.com/letopis/letopis/load"
)

// Exit codes, in one place (sysexits.h where one fits). They are listed in
// `letopis --help` and the README.
const (
	exitOK          = 0   // all files imported or unchanged
	exitError       = 1   // any other failure
	exitUsage       = 64  // bad usage: unknown flag, missing argument
	exitDataErr     = 65  // some files failed (and were quarantined if asked)
	exitNoInput     = 66  // an input file or folder does not exist
	exitIOErr       = 74  // I/O error on the warehouse or an output
	exitTempFail    = 75  // the warehouse is locked by another run or program: try later
	exitConfig      = 78  // bad configuration
	exitInterrupted = 130 // SIGINT (128+2)
	exitTerminated  = 143 // SIGTERM (128+15)
)

const exitCodesHelp = `Exit codes:
  0   all files imported or unchanged
  64  bad usage (unknown flag, missing argument, SQL that is refused or wrong)
  65  some files failed
  66  no input: a file or folder does not exist
  74  I/O error on the warehouse
  75  warehouse locked by another run or program: try again later
  78  bad configuration
  130 interrupted (SIGINT), 143 terminated (SIGTERM)`

// codedError carries an exit code with an error.
type codedError struct {
	code int
	err  error
}

func (e *codedError) Error() string { return e.err.Error() }
func (e *codedError) Unwrap() error { return e.err }

func withCode(code int, err error) error {
	if err == nil {
		return nil
	}
	return &codedError{code, err}
}

func usageErrorf(format string, args ...any) error {
	return withCode(exitUsage, fmt.Errorf(format, args...))
}

// exitCode maps an error to the process's exit code.
func exitCode(err error) int {
	var ce *codedError
	var qe *quietError
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &ce):
		return ce.code
	case errors.As(err, &qe):
		return qe.code
	case errors.Is(err, load.ErrLocked):
		return exitTempFail
	case errors.Is(err, load.ErrWrite), errors.Is(err, load.ErrBadSQL):
		return exitUsage // SQL letopis refuses or DuckDB cannot prepare
	case errors.Is(err, fs.ErrNotExist):
		return exitNoInput
	}
	var ie *letopis.InputError
	if errors.As(err, &ie) {
		return exitDataErr // a file letopis cannot read (inspect)
	}
	var we *load.WarehouseError
	if errors.As(err, &we) {
		return exitIOErr
	}
	return exitError
}
