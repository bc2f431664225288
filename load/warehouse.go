// Package load is the DuckDB warehouse: it opens (and migrates) the
// warehouse file, loads reports one transaction per source with the
// Appender, and runs read-only queries. It is the only package that knows
// DuckDB.
package load

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/duckdb/duckdb-go/v2"
)

//go:embed migrations/*.sql
var migrationFiles embed.FS

// ErrLocked means another process holds the warehouse file.
var ErrLocked = errors.New("held by another program")

// ErrNewer means the warehouse was made by a newer letopis.
var ErrNewer = errors.New("made by a newer letopis")

// ErrNotWarehouse means the file exists but is not a DuckDB database.
var ErrNotWarehouse = errors.New("not a DuckDB warehouse")

// errNoWarehouse says the warehouse file is not there; it is an
// fs.ErrNotExist, so the command exits 66 (no input).
var errNoWarehouse error = noWarehouse{}

type noWarehouse struct{}

func (noWarehouse) Error() string        { return "does not exist (import a report first)" }
func (noWarehouse) Is(target error) bool { return target == fs.ErrNotExist }

// WarehouseError is a problem opening or using the warehouse file; it names
// the file.
type WarehouseError struct {
	Path string
	Err  error
}

func (e *WarehouseError) Error() string {
	return "warehouse " + e.Path + ": " + strings.Join(strings.Fields(e.Err.Error()), " ")
}

// Unwrap returns the cause.
func (e *WarehouseError) Unwrap() error { return e.Err }

// Warehouse is an open warehouse file.
type Warehouse struct {
	path      string
	readOnly  bool
	connector *duckdb.Connector
	db        *sql.DB

	// failAt, set by tests only, makes Load fail at the named stage so that
	// all-or-nothing can be proven.
	failAt string
}

// Options say how to open a warehouse.
type Options struct {
	// ReadOnly opens the file read-only, without external file access; the
	// file must exist. Queries run this way.
	ReadOnly bool
	// AliasFile is the user's alias file, synced into key_aliases on every
	// open that may write; "" means aliases.yaml beside the warehouse. A
	// missing file leaves the synced aliases as they are.
	AliasFile string
}

type migration struct {
	version int
	name    string
	sql     string
}

func migrations() ([]migration, error) {
	entries, err := fs.ReadDir(migrationFiles, "migrations")
	if err != nil {
		return nil, err
	}
	var ms []migration
	for _, e := range entries {
		name := e.Name()
		n, err := strconv.Atoi(strings.SplitN(name, "_", 2)[0])
		if err != nil {
			return nil, fmt.Errorf("migration %s: name must start with its number", name)
		}
		b, err := migrationFiles.ReadFile("migrations/" + name)
		if err != nil {
			return nil, err
		}
		ms = append(ms, migration{n, strings.TrimSuffix(name, ".sql"), string(b)})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].version < ms[j].version })
	return ms, nil
}

// SchemaVersion is the newest schema version this letopis knows.
func SchemaVersion() int {
	ms, _ := migrations()
	if len(ms) == 0 {
		return 0
	}
	return ms[len(ms)-1].version
}

// Open opens the warehouse at path, creating it if needed (unless
// ReadOnly), and applies pending migrations.
func Open(ctx context.Context, path string, opts Options) (*Warehouse, error) {
	werr := func(err error) error { return &WarehouseError{Path: path, Err: err} }
	if fi, err := os.Stat(path); err == nil {
		if fi.IsDir() {
			return nil, werr(errors.New("is a directory"))
		}
	} else if errors.Is(err, os.ErrNotExist) {
		if opts.ReadOnly {
			return nil, werr(errNoWarehouse)
		}
		if dir := filepath.Dir(path); dir != "" {
			if st, err := os.Stat(dir); err != nil || !st.IsDir() {
				return nil, werr(fmt.Errorf("folder %s does not exist", dir))
			}
		}
	} else {
		return nil, werr(err)
	}
	dsn := path
	if opts.ReadOnly {
		dsn += "?access_mode=read_only"
	}
	connector, err := duckdb.NewConnector(dsn, func(execer driver.ExecerContext) error {
		if opts.ReadOnly {
			// No file access beyond the warehouse: a query cannot COPY TO,
			// ATTACH or read other files, and cannot switch that back on.
			// DuckDB still lets a query read its temporary folder (beside
			// the warehouse); a read-only query need not spill there, so
			// it has none.
			for _, s := range []string{"SET temp_directory = ''", "SET enable_external_access = false", "SET lock_configuration = true"} {
				if _, err := execer.ExecContext(ctx, s, nil); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		return nil, werr(classify(err))
	}
	w := &Warehouse{path: path, readOnly: opts.ReadOnly, connector: connector, db: sql.OpenDB(connector)}
	if err := w.migrate(ctx); err != nil {
		w.Close()
		return nil, werr(classify(err))
	}
	if !opts.ReadOnly {
		af := opts.AliasFile
		if af == "" {
			af = DefaultAliasFile(path)
		}
		if err := w.syncAliasFile(ctx, af); err != nil {
			w.Close()
			return nil, err
		}
	}
	return w, nil
}

var lockHolder = regexp.MustCompile(`Conflicting lock is held in (.*?) \(PID (\d+)\)`)

// classify turns DuckDB's raw errors about the file into letopis errors.
func classify(err error) error {
	msg := err.Error()
	switch {
	case strings.Contains(msg, "Could not set lock") || strings.Contains(msg, "Conflicting lock"):
		if m := lockHolder.FindStringSubmatch(msg); m != nil {
			return fmt.Errorf("%w (%s, PID %s); try again when it has closed the warehouse", ErrLocked, filepath.Base(m[1]), m[2])
		}
		return fmt.Errorf("%w; try again when it has closed the warehouse", ErrLocked)
	case strings.Contains(msg, "not a valid DuckDB database file"),
		strings.Contains(msg, "is not a valid DuckDB"),
		strings.Contains(msg, "database file") && strings.Contains(msg, "not valid"):
		return ErrNotWarehouse
	case strings.Contains(msg, "Permission denied"):
		return errors.New("permission denied")
	}
	return err
}

func (w *Warehouse) migrate(ctx context.Context) error {
	ms, err := migrations()
	if err != nil {
		return err
	}
	latest := ms[len(ms)-1].version
	var exists bool
	if err := w.db.QueryRowContext(ctx,
		`SELECT count(*) > 0 FROM duckdb_tables() WHERE table_name = 'schema_migrations' AND schema_name = 'main'`).Scan(&exists); err != nil {
		return err
	}
	current := 0
	if exists {
		if err := w.db.QueryRowContext(ctx, `SELECT coalesce(max(version), 0) FROM schema_migrations`).Scan(&current); err != nil {
			return err
		}
	} else {
		var n int
		if err := w.db.QueryRowContext(ctx, `SELECT count(*) FROM duckdb_tables() WHERE schema_name = 'main'`).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return errors.New("is a DuckDB database but not a letopis warehouse (it has tables but no schema_migrations)")
		}
	}
	if current > latest {
		return fmt.Errorf("%w (schema version %d; this letopis knows up to %d): upgrade letopis", ErrNewer, current, latest)
	}
	if current == latest {
		return nil
	}
	if w.readOnly {
		return fmt.Errorf("schema version %d is older than this letopis's %d: run an import to upgrade it", current, latest)
	}
	tx, err := w.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if !exists {
		if _, err := tx.ExecContext(ctx, `CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp)`); err != nil {
			return err
		}
	}
	for _, m := range ms {
		if m.version <= current {
			continue
		}
		if _, err := tx.ExecContext(ctx, m.sql); err != nil {
			return fmt.Errorf("migration %s: %w", m.name, err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (version, name) VALUES (?, ?)`, m.version, m.name); err != nil {
			return err
		}
	}
	return tx.Commit()
}

// Path returns the warehouse file's path.
func (w *Warehouse) Path() string { return w.path }

// DB returns the database handle, for queries.
func (w *Warehouse) DB() *sql.DB { return w.db }

// Close closes the warehouse.
func (w *Warehouse) Close() error {
	err := w.db.Close()
	if cerr := w.connector.Close(); err == nil {
		err = cerr
	}
	return err
}
