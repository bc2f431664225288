package load

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"
)

// The kinds of key an alias maps.
const (
	AliasActivity  = "activity"
	AliasIndicator = "indicator"
)

// AliasFileName is the alias file looked for beside the warehouse when no
// other is configured.
const AliasFileName = "aliases.yaml"

// Alias maps a key letopis made (From) to the key analysts see (To), for
// activity keys or indicator keys.
type Alias struct {
	Kind string // AliasActivity or AliasIndicator
	From string
	To   string
}

// DefaultAliasFile returns the alias file beside the warehouse db.
func DefaultAliasFile(db string) string {
	return filepath.Join(filepath.Dir(db), AliasFileName)
}

// aliasDoc is the alias file's YAML form: one map per kind, from → to.
type aliasDoc struct {
	Activity  map[string]string `yaml:"activity,omitempty"`
	Indicator map[string]string `yaml:"indicator,omitempty"`
}

// ReadAliases reads an alias file. A file that does not exist is an error
// satisfying errors.Is(err, fs.ErrNotExist).
func ReadAliases(path string) ([]Alias, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var doc aliasDoc
	if err := yaml.Unmarshal(b, &doc); err != nil {
		return nil, fmt.Errorf("alias file %s: %s", path, strings.Join(strings.Fields(err.Error()), " "))
	}
	var out []Alias
	for kind, m := range map[string]map[string]string{AliasActivity: doc.Activity, AliasIndicator: doc.Indicator} {
		for from, to := range m {
			a := Alias{Kind: kind, From: strings.TrimSpace(from), To: strings.TrimSpace(to)}
			if a.From == "" || a.To == "" {
				return nil, fmt.Errorf("alias file %s: %s alias %q → %q: both keys must be given", path, kind, from, to)
			}
			out = append(out, a)
		}
	}
	sortAliases(out)
	return out, nil
}

// WriteAliases writes aliases to path, replacing the file atomically.
func WriteAliases(path string, aliases []Alias) error {
	doc := aliasDoc{Activity: map[string]string{}, Indicator: map[string]string{}}
	for _, a := range aliases {
		switch a.Kind {
		case AliasActivity:
			doc.Activity[a.From] = a.To
		case AliasIndicator:
			doc.Indicator[a.From] = a.To
		default:
			return fmt.Errorf("alias kind %q: want activity or indicator", a.Kind)
		}
	}
	b, err := yaml.Marshal(doc)
	if err != nil {
		return err
	}
	head := "# letopis key aliases: under each kind, the key letopis made: the key analysts see.\n" +
		"# Edit by hand or with `letopis alias add|remove`; the warehouse follows on its next write-open.\n"
	tmp, err := os.CreateTemp(filepath.Dir(path), ".aliases-*.yaml")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.WriteString(head + string(b)); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// ResolveAliases checks aliases and follows chains (a → b, b → c gives
// a → c and b → c). An alias to itself is dropped; a cycle is an error.
func ResolveAliases(aliases []Alias) ([]Alias, error) {
	to := map[[2]string]string{}
	for _, a := range aliases {
		if a.Kind != AliasActivity && a.Kind != AliasIndicator {
			return nil, fmt.Errorf("alias kind %q: want activity or indicator", a.Kind)
		}
		if a.From != a.To {
			to[[2]string{a.Kind, a.From}] = a.To
		}
	}
	var out []Alias
	for k, t := range to {
		seen := map[string]bool{k[1]: true}
		for {
			next, ok := to[[2]string{k[0], t}]
			if !ok {
				break
			}
			if seen[t] {
				return nil, fmt.Errorf("%s aliases form a cycle through %q", k[0], t)
			}
			seen[t] = true
			t = next
		}
		out = append(out, Alias{Kind: k[0], From: k[1], To: t})
	}
	sortAliases(out)
	return out, nil
}

func sortAliases(a []Alias) {
	sort.Slice(a, func(i, j int) bool {
		if a[i].Kind != a[j].Kind {
			return a[i].Kind < a[j].Kind
		}
		return a[i].From < a[j].From
	})
}

// SyncAliases replaces the warehouse's key_aliases with aliases (chains
// resolved) in one transaction; the views show the new keys at once.
func (w *Warehouse) SyncAliases(ctx context.Context, aliases []Alias) error {
	if w.readOnly {
		return &WarehouseError{w.path, errors.New("opened read-only")}
	}
	resolved, err := ResolveAliases(aliases)
	if err != nil {
		return err
	}
	tx, err := w.db.BeginTx(ctx, nil)
	if err != nil {
		return classify(err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `DELETE FROM key_aliases`); err != nil {
		return err
	}
	for _, a := range resolved {
		if _, err := tx.ExecContext(ctx, `INSERT INTO key_aliases (kind, from_key, to_key) VALUES (?, ?, ?)`, a.Kind, a.From, a.To); err != nil {
			return err
		}
	}
	return tx.Commit()
}

// syncAliasFile syncs the alias file at path into the warehouse if the
// file exists; a missing file leaves key_aliases as it is.
func (w *Warehouse) syncAliasFile(ctx context.Context, path string) error {
	aliases, err := ReadAliases(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if err := w.SyncAliases(ctx, aliases); err != nil {
		return fmt.Errorf("alias file %s: %w", path, err)
	}
	return nil
}

// Aliases returns the aliases the warehouse applies, chains resolved.
func (w *Warehouse) Aliases(ctx context.Context) ([]Alias, error) {
	rows, err := w.db.QueryContext(ctx, `SELECT kind, from_key, to_key FROM key_aliases ORDER BY kind, from_key`)
	if err != nil {
		return nil, classify(err)
	}
	defer rows.Close()
	var out []Alias
	for rows.Next() {
		var a Alias
		if err := rows.Scan(&a.Kind, &a.From, &a.To); err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// FactsWithKey counts the facts that carry key as their own activity key
// (kind AliasActivity) or indicator key (AliasIndicator), before any alias
// maps it: how many facts an alias from key would map.
func (w *Warehouse) FactsWithKey(ctx context.Context, kind, key string) (int, error) {
	col := "activity_key"
	if kind == AliasIndicator {
		col = "indicator_key"
	}
	var n int
	err := w.db.QueryRowContext(ctx, `SELECT count(*) FROM fact_rows WHERE `+col+` = ?`, key).Scan(&n)
	return n, err
}
