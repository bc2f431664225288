// Package queries holds the named SQL queries analysts run with
// `letopis query NAME --param k=v`. Each query is a .sql file of this
// folder, embedded in the binary, that begins with a header comment:
//
//	-- name: indicator-years
//	-- answers: an indicator's values across years, one row per year
//	-- param: indicator (text): the indicator_key
//	-- param: activity (text, null): the activity_key; null for any
//	-- example: letopis query indicator-years --param indicator=informir-posamezn
//
// A query may end its header with `-- pivot: COLUMN VALUE`: its rows are
// then turned into one row per distinct value of the other columns, with a
// column for each distinct value of COLUMN holding VALUE (a time series
// with a column per year), which DuckDB's PIVOT cannot do for a statement
// with bound parameters.
//
// The statement uses its parameters as $name placeholders, which are bound
// as values by DuckDB, never pasted into the SQL text.
//
// The data checks of `letopis check` are queries of the folder checks, in
// the same format without parameters (the answers line says what a row
// found is); a number before the name orders them: 1-share-exceeds-value.sql.
package queries

import (
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

//go:embed *.sql checks/*.sql
var files embed.FS

// Param is one parameter of a named query.
type Param struct {
	Name    string
	Type    string // text, int or float
	Meaning string
	// Required is true when the header gives no default.
	Required bool
	// Default is the value when the parameter is not given; "null" (or an
	// empty default) is SQL NULL.
	Default string
}

// Query is a named query.
type Query struct {
	Name    string
	Answers string
	Params  []Param
	Example string
	Pivot   [2]string // the column whose values become columns, and the column of their values; empty if none
	SQL     string    // the whole file, header included
}

var paramLine = regexp.MustCompile(`^([a-z][a-z0-9_]*)\s*\(\s*(text|int|float)\s*(?:,\s*([^)]*?))?\s*\)\s*:\s*(.+)$`)

// Parse reads a query file: its header and statement.
func Parse(name, text string) (*Query, error) {
	q := &Query{SQL: text}
	var last *string
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if !strings.HasPrefix(line, "--") {
			break
		}
		body := strings.TrimSpace(strings.TrimPrefix(line, "--"))
		key, val, ok := strings.Cut(body, ":")
		switch key = strings.TrimSpace(key); {
		case ok && key == "name":
			q.Name = strings.TrimSpace(val)
			last = nil
		case ok && key == "answers":
			q.Answers = strings.TrimSpace(val)
			last = &q.Answers
		case ok && key == "example":
			q.Example = strings.TrimSpace(val)
			last = nil
		case ok && key == "pivot":
			f := strings.Fields(val)
			if len(f) != 2 {
				return nil, fmt.Errorf("query %s: pivot line %q: want `-- pivot: COLUMN VALUE`", name, line)
			}
			q.Pivot = [2]string{f[0], f[1]}
			last = nil
		case ok && key == "param":
			m := paramLine.FindStringSubmatch(strings.TrimSpace(val))
			if m == nil {
				return nil, fmt.Errorf("query %s: param line %q: want `-- param: name (type[, default]): meaning`", name, line)
			}
			p := Param{Name: m[1], Type: m[2], Default: m[3], Meaning: m[4], Required: m[3] == ""}
			if !p.Required && !isNull(p.Default) {
				if _, err := convert(p, p.Default); err != nil {
					return nil, fmt.Errorf("query %s: param %s: default %w", name, p.Name, err)
				}
			}
			q.Params = append(q.Params, p)
			last = &q.Params[len(q.Params)-1].Meaning
		case last != nil && body != "":
			*last += " " + body // a continued line
		}
	}
	if q.Name == "" || q.Answers == "" {
		return nil, fmt.Errorf("query %s: the header needs `-- name:` and `-- answers:`", name)
	}
	if q.Name != name {
		return nil, fmt.Errorf("query %s: header names it %q", name, q.Name)
	}
	return q, nil
}

// All returns the embedded queries sorted by name.
func All() ([]*Query, error) { return parseFiles("*.sql") }

// Checks returns the data checks in the order of their file names.
func Checks() ([]*Query, error) { return parseFiles("checks/*.sql") }

// parseFiles parses the embedded files that match pattern, in the order of their
// names; a file's name, less its folder, its order number and .sql, is the
// name its header must give.
func parseFiles(pattern string) ([]*Query, error) {
	names, err := fs.Glob(files, pattern)
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	var out []*Query
	for _, f := range names {
		b, err := files.ReadFile(f)
		if err != nil {
			return nil, err
		}
		name := strings.TrimSuffix(path.Base(f), ".sql")
		if rest := strings.TrimLeft(name, "0123456789"); rest != name {
			name = strings.TrimPrefix(rest, "-")
		}
		q, err := Parse(name, string(b))
		if err != nil {
			return nil, err
		}
		out = append(out, q)
	}
	return out, nil
}

// Get returns the named query; ok is false if there is none.
func Get(name string) (q *Query, ok bool, err error) {
	all, err := All()
	if err != nil {
		return nil, false, err
	}
	for _, q := range all {
		if q.Name == name {
			return q, true, nil
		}
	}
	return nil, false, nil
}

// Bind turns the given parameter values (name → text, as typed on the
// command line) into arguments for the statement: one sql.Named per
// declared parameter, converted to its type, defaults filled in. An
// unknown name, a missing required parameter or a value of the wrong type
// is an error.
func (q *Query) Bind(given map[string]string) ([]any, error) {
	known := map[string]bool{}
	for _, p := range q.Params {
		known[p.Name] = true
	}
	for k := range given {
		if !known[k] {
			return nil, fmt.Errorf("query %s has no parameter %q (it has: %s)", q.Name, k, q.paramNames())
		}
	}
	args := make([]any, 0, len(q.Params))
	for _, p := range q.Params {
		s, ok := given[p.Name]
		if !ok {
			if p.Required {
				return nil, fmt.Errorf("query %s needs --param %s=… (%s)", q.Name, p.Name, p.Meaning)
			}
			s = p.Default
		}
		var v any
		if !isNull(s) || (ok && p.Type == "text" && s != "") {
			var err error
			if v, err = convert(p, s); err != nil {
				return nil, fmt.Errorf("query %s: --param %s: %w", q.Name, p.Name, err)
			}
		}
		args = append(args, sql.Named(p.Name, v))
	}
	return args, nil
}

func (q *Query) paramNames() string {
	if len(q.Params) == 0 {
		return "none"
	}
	names := make([]string, len(q.Params))
	for i, p := range q.Params {
		names[i] = p.Name
	}
	return strings.Join(names, ", ")
}

// isNull reports whether a default or an optional value means SQL NULL.
func isNull(s string) bool {
	s = strings.TrimSpace(s)
	return s == "" || strings.EqualFold(s, "null")
}

func convert(p Param, s string) (any, error) {
	switch p.Type {
	case "int":
		n, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
		if err != nil {
			return nil, fmt.Errorf("%q is not a whole number", s)
		}
		return n, nil
	case "float":
		f, err := strconv.ParseFloat(strings.ReplaceAll(strings.TrimSpace(s), ",", "."), 64)
		if err != nil {
			return nil, fmt.Errorf("%q is not a number", s)
		}
		return f, nil
	}
	return s, nil
}

var placeholder = regexp.MustCompile(`\$([a-z][a-z0-9_]*)`)

// Placeholders returns the $name placeholders of the statement (outside
// its header), each once, in order of first use.
func (q *Query) Placeholders() []string {
	var out []string
	seen := map[string]bool{}
	for _, line := range strings.Split(q.SQL, "\n") {
		if i := strings.Index(line, "--"); i >= 0 {
			line = line[:i]
		}
		for _, m := range placeholder.FindAllStringSubmatch(line, -1) {
			if !seen[m[1]] {
				seen[m[1]] = true
				out = append(out, m[1])
			}
		}
	}
	return out
}
