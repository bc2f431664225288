package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/exec"
	"os/user"
	"sync"
	"time"

	"github.com/spf13/cobra"

	"github.com/letopis/letopis/load"
	"github.com/letopis/letopis/review"
	"github.com/letopis/letopis/review/web"
)

type reviewOptions struct {
	db       string
	aliases  string
	addr     string
	token    string
	reviewer string
	open     bool
	export   string
	importF  string
}

// reviewWriteWait is how long a correction waits for an import to let go
// of the warehouse before the page is told to try again.
const reviewWriteWait = 2 * time.Second

func newReviewCmd(s streams) *cobra.Command {
	var o reviewOptions
	cmd := &cobra.Command{
		Use:   "review [flags]",
		Short: "Check every fact beside its source in the browser, and correct it",
		Long: `Serve the review page: every imported file with its progress; each PDF page
as the reader sees it with every fact's box and every refused value marked, a
workbook's sheets as grids; a fact list to filter; corrections (accept, reject,
edit, promote a refused value, add a missed fact) recorded in the warehouse
table reviews, which the view facts applies (review_status); and an
indicator's values across years as a chart.

It listens on 127.0.0.1 unless --addr says otherwise, and then only with
--token, which every request must carry. Every write needs the page's
session token. The warehouse is opened only for each request and locked only
for the moment of a write, so an import can run while the page is open (the
page waits for it).

Corrections that re-importing a report keeps or drops are listed on the
page. --export and --import move corrections between warehouses as CSV
(and do nothing else).

` + exitCodesHelp,
		Example: `  letopis review --open
  letopis review --db /srv/letopis.duckdb --addr 0.0.0.0:8765 --token "$(openssl rand -hex 16)"
  letopis review --export corrections.csv
  letopis review --db other.duckdb --import corrections.csv`,
		Args: args(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			return reviewRun(cmd.Context(), s, o)
		},
	}
	addDBFlag(cmd, &o.db)
	f := cmd.Flags()
	f.StringVar(&o.addr, "addr", "127.0.0.1:8765", "address to listen on (beyond loopback only with --token)")
	f.StringVar(&o.token, "token", "", "access token every request must carry (env LETOPIS_TOKEN); needed with an --addr beyond loopback")
	f.StringVar(&o.reviewer, "reviewer", "", "who the corrections are recorded as made by (default: the OS user)")
	f.BoolVar(&o.open, "open", false, "open the page in the browser (xdg-open)")
	f.StringVar(&o.export, "export", "", "write every correction to this CSV file (- for stdout) and exit")
	f.StringVar(&o.importF, "import", "", "add the corrections of this CSV file (made by --export) and exit")
	f.StringVar(&o.aliases, "aliases", "", "alias file synced into the warehouse on a write (env LETOPIS_ALIASES; default aliases.yaml beside the warehouse)")
	return cmd
}

func reviewRun(ctx context.Context, s streams, o reviewOptions) error {
	if o.export != "" && o.importF != "" {
		return usageErrorf("--export and --import: give one")
	}
	if _, err := os.Stat(o.db); err != nil {
		return withCode(exitNoInput, fmt.Errorf("warehouse %s: does not exist (import a report first)", o.db))
	}
	if o.reviewer == "" {
		o.reviewer = osUser()
	}
	// One write-open first, under the lock: it applies the schema's
	// migrations, so that every later read-only open finds it current.
	w, unlock, err := openForImport(ctx, o.db, o.aliases, 0)
	if err != nil {
		return err
	}
	w.Close()
	unlock()
	svc := &review.Service{Open: reviewOpener(o.db, o.aliases), Reviewer: o.reviewer}

	switch {
	case o.export != "":
		return reviewExport(ctx, s, svc, o.export)
	case o.importF != "":
		f, err := os.Open(o.importF)
		if err != nil {
			return withCode(exitNoInput, err)
		}
		defer f.Close()
		res, err := svc.Import(ctx, f, o.importF)
		if err != nil {
			return err
		}
		fmt.Fprintf(s.out, "read %d corrections from %s: %d new; of the facts reviewed, %d corrections apply here and %d do not (their fact is not in this warehouse)\n",
			res.Read, o.importF, res.Added, res.Apply, res.Stale)
		return nil
	}

	ln, err := listen(o.addr, o.token)
	if err != nil {
		return err
	}
	h, err := web.New(web.Options{Service: svc, AccessToken: o.token, Log: slog.New(slog.NewTextHandler(s.err, nil))})
	if err != nil {
		ln.Close()
		return err
	}
	url := "http://" + ln.Addr().String() + "/"
	if o.token != "" {
		url += "?token=" + o.token
	}
	fmt.Fprintf(s.out, "letopis review: %s (warehouse %s; Ctrl-C to stop)\n", url, o.db)
	if o.open {
		if err := exec.Command("xdg-open", url).Start(); err != nil {
			fmt.Fprintf(s.err, "letopis: could not open a browser (%v); open %s\n", err, url)
		}
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
		sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = srv.Shutdown(sctx)
		return nil
	}
}

// listen listens on addr: a loopback address, or any other with a token.
func listen(addr, token string) (net.Listener, error) {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, usageErrorf("--addr %q: want HOST:PORT, such as 127.0.0.1:8765", addr)
	}
	ip := net.ParseIP(host)
	loopback := host == "localhost" || ip != nil && ip.IsLoopback()
	if !loopback && token == "" {
		return nil, usageErrorf("--addr %s listens beyond this machine: give --token too, which every request must then carry", addr)
	}
	if token != "" && len(token) < 16 {
		return nil, usageErrorf("--token: want at least 16 characters (openssl rand -hex 16)")
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, withCode(exitIOErr, fmt.Errorf("--addr %s: %v", addr, err))
	}
	return ln, nil
}

func reviewExport(ctx context.Context, s streams, svc *review.Service, path string) error {
	var out io.Writer = s.out
	var f *os.File
	if path != "-" {
		var err error
		if f, err = os.Create(path); err != nil {
			return withCode(exitIOErr, fmt.Errorf("--export %s: %v", path, err))
		}
		out = f
	}
	n, err := svc.Export(ctx, out)
	if f != nil {
		if cerr := f.Close(); err == nil && cerr != nil {
			err = withCode(exitIOErr, fmt.Errorf("--export %s: %v", path, cerr))
		}
	}
	if err != nil {
		return err
	}
	if path != "-" {
		fmt.Fprintf(s.err, "wrote %d corrections to %s\n", n, path)
	}
	return nil
}

// reviewOpener opens the warehouse for each use of the review: read-only,
// or for a write under the import's lock, waiting for it a moment only.
// One use at a time: two opens of one DuckDB file in a process share one
// database (and its locked settings), so they must not overlap.
func reviewOpener(db, aliases string) review.Opener {
	var mu sync.Mutex
	return func(ctx context.Context, write bool) (review.Store, func(), error) {
		mu.Lock()
		if !write {
			w, err := load.Open(ctx, db, load.Options{ReadOnly: true})
			if err != nil {
				mu.Unlock()
				return nil, nil, err
			}
			return w, func() { w.Close(); mu.Unlock() }, nil
		}
		unlock, err := lockWarehouse(ctx, db, reviewWriteWait)
		if err != nil {
			mu.Unlock()
			if exitCode(err) == exitTempFail {
				err = fmt.Errorf("%w (%v)", review.ErrBusy, err)
			}
			return nil, nil, err
		}
		w, err := openWithRetry(ctx, db, aliases, reviewWriteWait)
		if err != nil {
			unlock()
			mu.Unlock()
			return nil, nil, err
		}
		return w, func() { w.Close(); unlock(); mu.Unlock() }, nil
	}
}

// osUser is the name of the user running letopis.
func osUser() string {
	if u, err := user.Current(); err == nil && u.Username != "" {
		return u.Username
	}
	if n := os.Getenv("USER"); n != "" {
		return n
	}
	return "unknown"
}
