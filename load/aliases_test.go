package load

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestResolveAliases(t *testing.T) {
	tests := []struct {
		name    string
		in      []Alias
		want    []Alias
		wantErr string
	}{
		{"plain", []Alias{{"activity", "a", "b"}}, []Alias{{"activity", "a", "b"}}, ""},
		{"chain", []Alias{{"activity", "a", "b"}, {"activity", "b", "c"}},
			[]Alias{{"activity", "a", "c"}, {"activity", "b", "c"}}, ""},
		{"kinds apart", []Alias{{"activity", "a", "b"}, {"indicator", "b", "c"}},
			[]Alias{{"activity", "a", "b"}, {"indicator", "b", "c"}}, ""},
		{"self dropped", []Alias{{"indicator", "x", "x"}}, nil, ""},
		{"cycle", []Alias{{"activity", "a", "b"}, {"activity", "b", "a"}}, nil, "cycle"},
		{"bad kind", []Alias{{"project", "a", "b"}}, nil, "want activity or indicator"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ResolveAliases(tt.in)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil || !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("got %v, %v; want %v", got, err, tt.want)
			}
		})
	}
}

func TestAliasFileRoundTrip(t *testing.T) {
	p := filepath.Join(t.TempDir(), "aliases.yaml")
	in := []Alias{{"activity", "aktivaci-aktivira-as-socialn", "aktivira-as"}, {"indicator", "ure-usposabl", "ur-usposabl"}}
	if err := WriteAliases(p, in); err != nil {
		t.Fatal(err)
	}
	got, err := ReadAliases(p)
	if err != nil || !reflect.DeepEqual(got, in) {
		t.Fatalf("read back %v, %v; want %v", got, err, in)
	}
	os.WriteFile(p, []byte("activity: [oops\n"), 0o644)
	if _, err := ReadAliases(p); err == nil || !strings.Contains(err.Error(), p) {
		t.Fatalf("bad file: %v", err)
	}
}

// TestAliasesInViews: aliases change the keys the views show at once, and
// an alias file beside the warehouse is synced on a write-open.
func TestAliasesInViews(t *testing.T) {
	ctx := context.Background()
	w, path := openTemp(t)
	if _, err := w.Load(ctx, sampleReport("a.pdf", "sha-a", 3), LoadOptions{}); err != nil {
		t.Fatal(err)
	}
	if err := w.SyncAliases(ctx, []Alias{{"activity", "mreza", "mreza-partnerstvo"}, {"indicator", "indikator-1", "indikator-0"}}); err != nil {
		t.Fatal(err)
	}
	for q, want := range map[string]int{
		`SELECT count(*) FROM facts WHERE activity_key = 'mreza-partnerstvo'`:      3,
		`SELECT count(*) FROM facts WHERE indicator_key = 'indikator-0'`:           2,
		`SELECT count(*) FROM activities WHERE activity_key = 'mreza-partnerstvo'`: 1,
		`SELECT count(*) FROM facts`:                                               3,
	} {
		if got := count(t, w, q); got != want {
			t.Errorf("%s = %d, want %d", q, got, want)
		}
	}
	w.Close()

	// The file beside the warehouse wins on the next write-open.
	if err := WriteAliases(DefaultAliasFile(path), []Alias{{"activity", "mreza", "m"}}); err != nil {
		t.Fatal(err)
	}
	w2, err := Open(ctx, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer w2.Close()
	if got := count(t, w2, `SELECT count(*) FROM facts WHERE activity_key = 'm'`); got != 3 {
		t.Fatalf("after sync from file: %d facts under m", got)
	}
	if got := count(t, w2, `SELECT count(*) FROM key_aliases`); got != 1 {
		t.Fatalf("key_aliases = %d, want 1", got)
	}
	al, err := w2.Aliases(ctx)
	if err != nil || len(al) != 1 || al[0].To != "m" {
		t.Fatalf("Aliases = %v, %v", al, err)
	}
}
