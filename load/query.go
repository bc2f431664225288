package load

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/duckdb/duckdb-go/v2"
)

// ErrWrite means a query statement would change something.
var ErrWrite = errors.New("refused: letopis query only reads")

// ErrBadSQL is the cause of a statement DuckDB cannot prepare: a syntax
// error, an unknown table or column.
var ErrBadSQL = errors.New("the SQL cannot be prepared")

// sqlError is DuckDB's message for a statement it cannot prepare; it is
// an ErrBadSQL.
type sqlError struct{ msg string }

func (e sqlError) Error() string        { return e.msg }
func (e sqlError) Is(target error) bool { return target == ErrBadSQL }

// Table is a query's result.
type Table struct {
	Columns []string
	Types   []string // DuckDB type names
	Rows    [][]any
}

// readStatements are the statement types a query may be.
var readStatements = map[duckdb.StmtType]bool{
	duckdb.STATEMENT_TYPE_SELECT:  true,
	duckdb.STATEMENT_TYPE_EXPLAIN: true,
	duckdb.STATEMENT_TYPE_PRAGMA:  true, // PRAGMA table_info('facts'); settings are locked
}

// Query runs one read-only statement with bound args (positional, or
// sql.Named for $name parameters). A statement that
// would write, or more than one statement, is refused with ErrWrite before
// anything runs.
func (w *Warehouse) Query(ctx context.Context, stmt string, args ...any) (*Table, error) {
	stmt = strings.TrimSpace(stmt)
	n := countStatements(stmt)
	if n == 0 {
		return nil, sqlError{"empty query"}
	}
	if n > 1 {
		return nil, fmt.Errorf("%w: give one statement, not %d", ErrWrite, n)
	}
	conn, err := w.db.Conn(ctx)
	if err != nil {
		return nil, classify(err)
	}
	defer conn.Close()
	var out *Table
	err = conn.Raw(func(dc any) error {
		c := dc.(*duckdb.Conn)
		ps, err := c.PrepareContext(ctx, stmt)
		if err != nil {
			if ctx.Err() != nil {
				return err
			}
			return sqlError{strings.Join(strings.Fields(classify(err).Error()), " ")}
		}
		defer ps.Close()
		st := ps.(*duckdb.Stmt)
		typ, err := st.StatementType()
		if err != nil {
			return err
		}
		if !readStatements[typ] {
			return fmt.Errorf("%w: this is %s", ErrWrite, statementName(typ))
		}
		named := make([]driver.NamedValue, len(args))
		for i, a := range args {
			named[i] = driver.NamedValue{Ordinal: i + 1, Value: a}
			if na, ok := a.(sql.NamedArg); ok { // $name parameters
				named[i] = driver.NamedValue{Name: na.Name, Value: na.Value}
			}
		}
		if err := checkNamed(st, named); err != nil {
			return err
		}
		rows, err := st.QueryContext(ctx, named)
		if err != nil {
			return err
		}
		defer rows.Close()
		out = &Table{Columns: rows.Columns()}
		if tr, ok := rows.(driver.RowsColumnTypeDatabaseTypeName); ok {
			for i := range out.Columns {
				out.Types = append(out.Types, tr.ColumnTypeDatabaseTypeName(i))
			}
		}
		for {
			vals := make([]driver.Value, len(out.Columns))
			if err := rows.Next(vals); err != nil {
				if errors.Is(err, io.EOF) {
					break
				}
				return err
			}
			row := make([]any, len(vals))
			for i, v := range vals {
				row[i] = v
			}
			out.Rows = append(out.Rows, row)
		}
		return nil
	})
	if err != nil {
		if strings.Contains(err.Error(), "file system operations are disabled") {
			return nil, fmt.Errorf("%w the warehouse: it cannot read or write other files", ErrWrite)
		}
		if errors.Is(err, ErrWrite) || errors.Is(err, ErrBadSQL) {
			return nil, err
		}
		if ctx.Err() != nil {
			return nil, context.Cause(ctx)
		}
		return nil, errors.New(strings.Join(strings.Fields(classify(err).Error()), " "))
	}
	return out, nil
}

func statementName(t duckdb.StmtType) string {
	names := map[duckdb.StmtType]string{
		duckdb.STATEMENT_TYPE_INSERT: "an INSERT", duckdb.STATEMENT_TYPE_UPDATE: "an UPDATE",
		duckdb.STATEMENT_TYPE_DELETE: "a DELETE", duckdb.STATEMENT_TYPE_CREATE: "a CREATE",
		duckdb.STATEMENT_TYPE_DROP: "a DROP", duckdb.STATEMENT_TYPE_ALTER: "an ALTER",
		duckdb.STATEMENT_TYPE_COPY: "a COPY", duckdb.STATEMENT_TYPE_ATTACH: "an ATTACH",
		duckdb.STATEMENT_TYPE_DETACH: "a DETACH", duckdb.STATEMENT_TYPE_SET: "a SET",
		duckdb.STATEMENT_TYPE_VARIABLE_SET: "a SET VARIABLE", duckdb.STATEMENT_TYPE_LOAD: "a LOAD",
		duckdb.STATEMENT_TYPE_EXPORT: "an EXPORT", duckdb.STATEMENT_TYPE_TRANSACTION: "a transaction statement",
		duckdb.STATEMENT_TYPE_CALL: "a CALL", duckdb.STATEMENT_TYPE_VACUUM: "a VACUUM",
		duckdb.STATEMENT_TYPE_EXTENSION: "an extension statement", duckdb.STATEMENT_TYPE_CREATE_FUNC: "a CREATE FUNCTION",
	}
	if s, ok := names[t]; ok {
		return s + " statement"
	}
	return "not a read-only statement"
}

// countStatements counts the SQL statements in s: semicolons outside
// quotes and comments separate them; empty statements do not count. It is
// run before DuckDB prepares anything, because preparing a multi-statement
// string executes all but its last statement.
func countStatements(s string) int {
	n := 0
	nonEmpty := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\'' || c == '"':
			nonEmpty = true
			j := i + 1
			for j < len(s) {
				if s[j] == c {
					if j+1 < len(s) && s[j+1] == c { // doubled quote
						j += 2
						continue
					}
					break
				}
				j++
			}
			i = j
		case c == '-' && i+1 < len(s) && s[i+1] == '-':
			for i < len(s) && s[i] != '\n' {
				i++
			}
		case c == '/' && i+1 < len(s) && s[i+1] == '*':
			end := strings.Index(s[i+2:], "*/")
			if end < 0 {
				i = len(s)
			} else {
				i += end + 3
			}
		case c == ';':
			if nonEmpty {
				n++
			}
			nonEmpty = false
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
		default:
			nonEmpty = true
		}
	}
	if nonEmpty {
		n++
	}
	return n
}

// checkNamed makes sure that every $name parameter of a statement is
// given when any argument is named: DuckDB would otherwise bind a missing
// name by position.
func checkNamed(st *duckdb.Stmt, args []driver.NamedValue) error {
	given := map[string]bool{}
	for _, a := range args {
		if a.Name != "" {
			given[a.Name] = true
		}
	}
	if len(given) == 0 {
		return nil
	}
	for i := 1; i <= st.NumInput(); i++ {
		name, err := st.ParamName(i)
		if err != nil {
			return err
		}
		if !given[name] {
			return fmt.Errorf("parameter $%s is not given", name)
		}
	}
	return nil
}

// Pivot turns the rows of t into one row per distinct value of its other
// columns, in the order they first come, with one column for each distinct
// value of the column on (in ascending order) that holds the column value
// (the first of several). It is how a time series gets a column per year.
func (t *Table) Pivot(on, value string) (*Table, error) {
	ci, vi := -1, -1
	for i, c := range t.Columns {
		switch c {
		case on:
			ci = i
		case value:
			vi = i
		}
	}
	if ci < 0 || vi < 0 {
		return nil, fmt.Errorf("pivot: no column %q or %q", on, value)
	}
	var keyCols []int
	for i := range t.Columns {
		if i != ci && i != vi {
			keyCols = append(keyCols, i)
		}
	}
	var heads []any
	seenHead := map[string]bool{}
	for _, r := range t.Rows {
		if k := fmt.Sprint(r[ci]); !seenHead[k] {
			seenHead[k] = true
			heads = append(heads, r[ci])
		}
	}
	sort.SliceStable(heads, func(i, j int) bool { return lessValue(heads[i], heads[j]) })
	headAt := map[string]int{}
	out := &Table{}
	for _, i := range keyCols {
		out.Columns = append(out.Columns, t.Columns[i])
		out.Types = append(out.Types, typeAt(t, i))
	}
	for k, h := range heads {
		headAt[fmt.Sprint(h)] = len(keyCols) + k
		out.Columns = append(out.Columns, fmt.Sprint(h))
		out.Types = append(out.Types, typeAt(t, vi))
	}
	rowAt := map[string]int{}
	for _, r := range t.Rows {
		var kb strings.Builder
		for _, i := range keyCols {
			fmt.Fprintf(&kb, "%v\x00", r[i])
		}
		n, ok := rowAt[kb.String()]
		if !ok {
			row := make([]any, len(out.Columns))
			for k, i := range keyCols {
				row[k] = r[i]
			}
			out.Rows = append(out.Rows, row)
			n = len(out.Rows) - 1
			rowAt[kb.String()] = n
		}
		if c := headAt[fmt.Sprint(r[ci])]; out.Rows[n][c] == nil {
			out.Rows[n][c] = r[vi]
		}
	}
	return out, nil
}

func typeAt(t *Table, i int) string {
	if i < len(t.Types) {
		return t.Types[i]
	}
	return ""
}

// lessValue orders the values of a pivot column: numbers by value, the
// others as text.
func lessValue(a, b any) bool {
	fa, oka := toFloat(a)
	fb, okb := toFloat(b)
	if oka && okb {
		return fa < fb
	}
	return fmt.Sprint(a) < fmt.Sprint(b)
}

func toFloat(v any) (float64, bool) {
	switch x := v.(type) {
	case int32:
		return float64(x), true
	case int64:
		return float64(x), true
	case int:
		return float64(x), true
	case float64:
		return x, true
	}
	return 0, false
}
