package transform

import (
	"encoding/csv"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/letopis/letopis"
)

// goldRow is a row of a gold list (testdata/CORPUS.md).
type goldRow struct {
	project  string
	value    float64
	unit     letopis.Unit
	qual     letopis.Qualifier
	target   *float64
	share    *float64
	keywords []string
}

// readGold reads a gold list in the corpus format.
func readGold(t *testing.T, path string) []goldRow {
	t.Helper()
	f, err := os.Open(path)
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

// scores are the measures of one report's facts against its gold list.
type scores struct {
	total, found, extra            int
	unitOK, qualOK, actOK          int
	tsOK, tsAll                    int // rows with a target or share: both right
	recall, precision              float64
	unit, qualifier, activity, tsR float64
	misses                         []string
}

// score matches facts to gold rows (CORPUS.md): same value within 0.01
// and a keyword, each fact at most one row, preferring pairs that also
// agree on unit, activity, target and share. activity says whether a
// fact's activity is the gold row's project.
func score(gold []goldRow, facts []letopis.Fact, activity func(goldRow, letopis.Fact) bool) scores {
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
		if activity(g, f) {
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
	s := scores{total: len(gold)}
	for gi, g := range gold {
		if g.target != nil || g.share != nil {
			s.tsAll++
		}
		fi := match[gi]
		if fi < 0 {
			s.misses = append(s.misses, fmt.Sprintf("  MISS %s %g %s %v", g.project, g.value, g.unit, g.keywords))
			continue
		}
		f := facts[fi]
		s.found++
		if f.Unit == g.unit {
			s.unitOK++
		} else {
			s.misses = append(s.misses, fmt.Sprintf("  UNIT %s %g: got %s want %s [%s]", g.project, g.value, f.Unit, g.unit, f.Indicator))
		}
		if f.Qualifier == g.qual {
			s.qualOK++
		} else {
			s.misses = append(s.misses, fmt.Sprintf("  QUALIFIER %s %g: got %s want %s [%s]", g.project, g.value, f.Qualifier, g.qual, f.Snippet))
		}
		if activity(g, f) {
			s.actOK++
		} else {
			s.misses = append(s.misses, fmt.Sprintf("  ACTIVITY %s %g: got %q", g.project, g.value, f.Activity))
		}
		if g.target != nil || g.share != nil {
			if eqPtr(f.Target, g.target) && eqPtr(f.ShareValue, g.share) {
				s.tsOK++
			} else {
				s.misses = append(s.misses, fmt.Sprintf("  TARGET/SHARE %s %g: got %v/%v want %v/%v", g.project, g.value, ptr(f.Target), ptr(f.ShareValue), ptr(g.target), ptr(g.share)))
			}
		}
	}
	for _, f := range facts {
		if !goldValues[f.Value] && !goldValuesNear(goldValues, f.Value) {
			s.extra++
			s.misses = append(s.misses, fmt.Sprintf("  EXTRA p%d %g %s [%s] %q", f.Location.Page, f.Value, f.Unit, f.Indicator, f.Snippet))
		}
	}
	return s.ratios()
}

// log writes the scores and the misses to the test log.
func (s scores) log(t *testing.T, name string) {
	t.Helper()
	t.Logf("%s: recall %.3f (%d/%d)  precision %.3f (%d extra)  unit %.3f  qualifier %.3f  activity %.3f  targets/shares %d/%d",
		name, s.recall, s.found, s.total, s.precision, s.extra, s.unit, s.qualifier, s.activity, s.tsOK, s.tsAll)
	for _, m := range s.misses {
		t.Log(m)
	}
}

// add sums the counts of two reports' scores (the ratios are recomputed
// by sum).
func (s scores) add(o scores) scores {
	s.total += o.total
	s.found += o.found
	s.extra += o.extra
	s.unitOK += o.unitOK
	s.qualOK += o.qualOK
	s.actOK += o.actOK
	s.tsOK += o.tsOK
	s.tsAll += o.tsAll
	return s
}

// ratios recomputes the ratios of summed counts.
func (s scores) ratios() scores {
	ratio := func(a, b int) float64 {
		if b == 0 {
			return 1
		}
		return float64(a) / float64(b)
	}
	s.recall = ratio(s.found, s.total)
	s.precision = ratio(s.found, s.found+s.extra)
	s.unit, s.qualifier, s.activity = ratio(s.unitOK, s.found), ratio(s.qualOK, s.found), ratio(s.actOK, s.found)
	s.tsR = ratio(s.tsOK, s.tsAll)
	return s
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
