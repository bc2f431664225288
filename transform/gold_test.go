package transform

import (
	"context"
	"encoding/csv"
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

type goldRow struct {
	project  string
	value    float64
	unit     letopis.Unit
	qual     letopis.Qualifier
	target   *float64
	share    *float64
	keywords []string
}

func readGold(t *testing.T) []goldRow {
	f, err := os.Open("../testdata/novus-2020.gold.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	opt := func(s string) *float64 {
		if s == "" {
			return nil
		}
		v, _ := strconv.ParseFloat(s, 64)
		return &v
	}
	var out []goldRow
	for _, r := range recs[1:] {
		v, _ := strconv.ParseFloat(r[1], 64)
		out = append(out, goldRow{r[0], v, letopis.Unit(r[2]), letopis.Qualifier(r[3]), opt(r[4]), opt(r[5]), strings.Split(r[6], "|")})
	}
	return out
}

// goldActivity names, for each project tag of the gold list, a word its
// activity title must contain (the scoring test's own knowledge of the
// fixture, not a rule of the reader).
var goldActivity = map[string]string{
	"mreza": "mrež", "kcm": "karierni", "sticisce": "stičišče", "as": "aktiviraj", "mladi": "projekti za mlade",
	"harmonija": "harmonija", "jejmo": "jejmo", "spin": "spin",
}

func near(a, b float64) bool { d := a - b; return d < 0.01 && d > -0.01 }

func eqPtr(a, b *float64) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return near(*a, *b)
}

func hasKeyword(f letopis.Fact, kw []string) bool {
	text := strings.ToLower(f.Indicator + " " + f.Snippet)
	for _, k := range kw {
		if strings.Contains(text, k) {
			return true
		}
	}
	return false
}

// score matches facts to gold rows (CORPUS.md): same value within 0.01
// and a keyword, each fact at most one row, preferring pairs that also
// agree on unit, activity, target and share.
func score(t *testing.T, name string, gold []goldRow, facts []letopis.Fact) {
	match := make([]int, len(gold)) // gold → fact
	used := make([]bool, len(facts))
	for i := range match {
		match[i] = -1
	}
	quality := func(g goldRow, f letopis.Fact) int {
		q := 0
		if f.Unit == g.unit {
			q++
		}
		if strings.Contains(strings.ToLower(f.Activity), goldActivity[g.project]) {
			q += 2
		}
		if eqPtr(f.Target, g.target) && eqPtr(f.ShareValue, g.share) {
			q += 2
		}
		return q
	}
	for want := 5; want >= 0; want-- {
		for gi, g := range gold {
			if match[gi] >= 0 {
				continue
			}
			for fi, f := range facts {
				if !used[fi] && near(f.Value, g.value) && hasKeyword(f, g.keywords) && quality(g, f) >= want {
					match[gi], used[fi] = fi, true
					break
				}
			}
		}
	}
	goldValues := map[float64]bool{}
	for _, g := range gold {
		goldValues[g.value] = true
	}
	found, unitOK, actOK, tsOK, tsAll := 0, 0, 0, 0, 0
	var misses []string
	for gi, g := range gold {
		if g.target != nil || g.share != nil {
			tsAll++
		}
		fi := match[gi]
		if fi < 0 {
			misses = append(misses, fmt.Sprintf("  MISS %s %g %s %v", g.project, g.value, g.unit, g.keywords))
			continue
		}
		f := facts[fi]
		found++
		if f.Unit == g.unit {
			unitOK++
		} else {
			misses = append(misses, fmt.Sprintf("  UNIT %s %g: got %s want %s [%s]", g.project, g.value, f.Unit, g.unit, f.Indicator))
		}
		if strings.Contains(strings.ToLower(f.Activity), goldActivity[g.project]) {
			actOK++
		} else {
			misses = append(misses, fmt.Sprintf("  ACTIVITY %s %g: got %q", g.project, g.value, f.Activity))
		}
		if g.target != nil || g.share != nil {
			if eqPtr(f.Target, g.target) && eqPtr(f.ShareValue, g.share) {
				tsOK++
			} else {
				misses = append(misses, fmt.Sprintf("  TARGET/SHARE %s %g: got %v/%v", g.project, g.value, ptr(f.Target), ptr(f.ShareValue)))
			}
		}
	}
	wrong := 0
	for _, f := range facts {
		if !goldValues[f.Value] && !goldValuesNear(goldValues, f.Value) {
			wrong++
			misses = append(misses, fmt.Sprintf("  EXTRA p%d %g %s [%s] %q", f.Location.Page, f.Value, f.Unit, f.Indicator, f.Snippet))
		}
	}
	recall := float64(found) / float64(len(gold))
	precision := float64(found) / float64(found+wrong)
	unitRate := float64(unitOK) / float64(max(found, 1))
	actRate := float64(actOK) / float64(max(found, 1))
	t.Logf("%s: recall %.3f (%d/%d)  precision %.3f (%d extra)  unit %.3f  activity %.3f  targets/shares %d/%d",
		name, recall, found, len(gold), precision, wrong, unitRate, actRate, tsOK, tsAll)
	for _, m := range misses {
		t.Log(m)
	}
	if recall < 0.95 || precision < 0.95 || unitRate < 0.90 || actRate < 0.95 || tsOK != tsAll {
		t.Errorf("%s: under the floors (recall 0.95, precision 0.95, unit 0.90, activity 0.95, all targets and shares)", name)
	}
}

func goldValuesNear(m map[float64]bool, v float64) bool {
	for g := range m {
		if near(g, v) {
			return true
		}
	}
	return false
}

func ptr(p *float64) string {
	if p == nil {
		return "-"
	}
	return strconv.FormatFloat(*p, 'f', -1, 64)
}

func readPDF(t *testing.T, path string) *letopis.Report {
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
	gold := readGold(t)
	for _, name := range []string{"novus-2020-brochure", "novus-2020-plain"} {
		t.Run(name, func(t *testing.T) {
			rep := readPDF(t, filepath.Join("..", "testdata", name+".pdf"))
			t.Logf("%s: organisation %q, year %d", name, rep.Organisation, rep.Year)
			for _, a := range rep.Activities {
				t.Logf("  activity %q key=%s period=%s lead=%q partners=%q funders=%q page=%d", a.Title, a.Key, a.Period, a.LeadPartner, a.Partners, a.Funders, a.Location.Page)
			}
			score(t, name, gold, rep.Facts)
			golden(t, filepath.Join("testdata", name+".facts.tsv"), rep)
		})
	}
}

// golden compares the facts with a readable TSV, rewritten with -update.
func golden(t *testing.T, path string, rep *letopis.Report) {
	var b strings.Builder
	b.WriteString("page\tactivity\tindicator\tkind\tunit\tvalue\tqualifier\ttarget\tshare_value\tshare_of\tperiod\tconfidence\tsnippet\n")
	for _, f := range rep.Facts {
		fmt.Fprintf(&b, "%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%.2f\t%s\n", f.Location.Page, f.Activity, f.Indicator, f.Kind, f.Unit,
			strconv.FormatFloat(f.Value, 'f', -1, 64), f.Qualifier, opt(f.Target), opt(f.ShareValue), f.ShareOf, f.Period, f.Confidence,
			strings.ReplaceAll(f.Snippet, "\t", " "))
	}
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update)", err)
	}
	if string(want) != b.String() {
		t.Errorf("%s differs from the extracted facts (run with -update and review the diff)", path)
	}
}

func opt(p *float64) string {
	if p == nil {
		return ""
	}
	return strconv.FormatFloat(*p, 'f', -1, 64)
}
