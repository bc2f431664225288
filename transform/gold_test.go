package transform

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/letopis/letopis"
	"github.com/letopis/letopis/extract"
	_ "github.com/letopis/letopis/extract/pdf"
)

var update = flag.Bool("update", false, "rewrite the golden TSVs of extracted facts")

// goldActivity names, for each project tag of the gold list, a word its
// activity title must contain (the scoring test's own knowledge of the
// fixture, not a rule of the reader).
var goldActivity = map[string]string{
	"mreza": "mrež", "kcm": "karierni", "sticisce": "stičišče", "as": "aktiviraj", "mladi": "projekti za mlade",
	"harmonija": "harmonija", "jejmo": "jejmo", "spin": "spin",
}

// readReport extracts the file at path (any format letopis reads) and
// reads its report.
func readReport(t *testing.T, path string) *letopis.Report {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := extract.File(context.Background(), path, data, extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	rep, err := Read(doc, Options{})
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

func TestGold(t *testing.T) {
	gold := readGold(t, "../testdata/novus-2020.gold.csv")
	for _, name := range []string{"novus-2020-brochure", "novus-2020-plain"} {
		t.Run(name, func(t *testing.T) {
			rep := readReport(t, filepath.Join("..", "testdata", name+".pdf"))
			t.Logf("%s: organisation %q, year %d", name, rep.Organisation, rep.Year)
			for _, a := range rep.Activities {
				t.Logf("  activity %q key=%s period=%s lead=%q partners=%q funders=%q page=%d", a.Title, a.Key, a.Period, a.LeadPartner, a.Partners, a.Funders, a.Location.Page)
			}
			s := score(gold, rep.Facts, func(g goldRow, f letopis.Fact) bool {
				return strings.Contains(strings.ToLower(f.Activity), goldActivity[g.project])
			})
			s.log(t, name)
			if s.recall < 0.95 || s.precision < 0.95 || s.unit < 0.90 || s.activity < 0.95 || s.tsOK != s.tsAll {
				t.Errorf("%s: under the floors (recall 0.95, precision 0.95, unit 0.90, activity 0.95, all targets and shares)", name)
			}
			goldenFacts(t, filepath.Join("testdata", name+".facts.tsv"), rep)
		})
	}
}

// goldenActivities compares the activities with a readable TSV, rewritten
// with -update.
func goldenActivities(t *testing.T, path string, rep *letopis.Report) {
	var b strings.Builder
	b.WriteString("page\ttitle\tkey\tperiod\tlead_partner\tpartners\tfunders\n")
	for _, a := range rep.Activities {
		fmt.Fprintf(&b, "%d\t%s\t%s\t%s\t%s\t%s\t%s\n", a.Location.Page, a.Title, a.Key, a.Period, a.LeadPartner,
			strings.Join(a.Partners, "; "), strings.Join(a.Funders, "; "))
	}
	compareGolden(t, path, b.String())
}

// golden compares the facts with a readable TSV, rewritten with -update.
func goldenFacts(t *testing.T, path string, rep *letopis.Report) {
	var b strings.Builder
	b.WriteString("page\tactivity\tindicator\tkind\tunit\tvalue\tqualifier\ttarget\tshare_value\tshare_of\tperiod\tconfidence\tsnippet\n")
	for _, f := range rep.Facts {
		fmt.Fprintf(&b, "%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%.2f\t%s\n", f.Location.Page, f.Activity, f.Indicator, f.Kind, f.Unit,
			strconv.FormatFloat(f.Value, 'f', -1, 64), f.Qualifier, opt(f.Target), opt(f.ShareValue), f.ShareOf, f.Period, f.Confidence,
			strings.ReplaceAll(f.Snippet, "\t", " "))
	}
	compareGolden(t, path, b.String())
}

// compareGolden compares got with the golden file at path, or rewrites
// the file with -update.
func compareGolden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update)", err)
	}
	if string(want) != got {
		t.Errorf("%s differs from what was read (run with -update and review the diff)", path)
	}
}

func opt(p *float64) string {
	if p == nil {
		return ""
	}
	return strconv.FormatFloat(*p, 'f', -1, 64)
}
