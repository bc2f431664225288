package transform

import (
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/letopis/letopis"
	_ "github.com/letopis/letopis/extract/office"
)

// factKey is what a fact says, whatever file it was read from: not its
// page, box or snippet, which depend on the layout.
func factKey(f letopis.Fact) string {
	return fmt.Sprintf("%s | %s | %g %s %s | target %s share %s %s | %s", f.ActivityKey, f.IndicatorKey, f.Value, f.Unit, f.Qualifier,
		opt(f.Target), opt(f.ShareValue), f.ShareOf, f.Kind)
}

// TestOfficeSameFacts reads the 2020 report written as a Word document and
// as an OpenDocument text (testdata/novus-2020.docx, .odt: headings,
// numbered and bulleted lists, nested lists and a table, made by
// scripts/officedocs.sh from the text of the plain PDF) and checks that
// they give the facts of the plain PDF: the same activities and the same
// facts, each with its indicator, value, unit, qualifier, target and share.
func TestOfficeSameFacts(t *testing.T) {
	pdf := readReport(t, filepath.Join("..", "testdata", "novus-2020-plain.pdf"))
	want := map[string]int{}
	for _, f := range pdf.Facts {
		want[factKey(f)]++
	}
	var wantActs []string
	for _, a := range pdf.Activities {
		wantActs = append(wantActs, a.Key)
	}
	for _, name := range []string{"novus-2020.docx", "novus-2020.odt"} {
		t.Run(name, func(t *testing.T) {
			rep := readReport(t, filepath.Join("..", "testdata", name))
			if rep.Organisation != pdf.Organisation || rep.Year != pdf.Year {
				t.Errorf("organisation %q, year %d; the PDF's: %q, %d", rep.Organisation, rep.Year, pdf.Organisation, pdf.Year)
			}
			var acts []string
			for _, a := range rep.Activities {
				acts = append(acts, a.Key)
			}
			if strings.Join(acts, " ") != strings.Join(wantActs, " ") {
				t.Errorf("activities\n%q\nthe PDF's\n%q", acts, wantActs)
			}
			got := map[string]int{}
			for _, f := range rep.Facts {
				got[factKey(f)]++
			}
			var diff []string
			for k, n := range want {
				if got[k] < n {
					diff = append(diff, "missing: "+k)
				}
			}
			for k, n := range got {
				if want[k] < n {
					diff = append(diff, "extra:   "+k)
				}
			}
			sort.Strings(diff)
			t.Logf("%s: %d facts, the PDF %d", name, len(rep.Facts), len(pdf.Facts))
			s := score(readGold(t, "../testdata/novus-2020.gold.csv"), rep.Facts, func(g goldRow, f letopis.Fact) bool {
				return strings.Contains(strings.ToLower(f.Activity), goldActivity[g.project])
			})
			s.log(t, name)
			if len(diff) > 0 {
				t.Errorf("%s: facts differ from the plain PDF's:\n%s", name, strings.Join(diff, "\n"))
			}
		})
	}
}

// TestOfficeCorpus scores the office document of testdata/reports/sk-2022
// as read directly (.fodt) and as LibreOffice saves it (.docx, .odt;
// scripts/officedocs.sh), against its gold lists, beside the scores of its
// PDFs, and prints one table. Run with -v to read it.
//
// The document read from its own XML must score at least as well as its
// PDF renderings: what transform does not read in this report (the issue's
// aim is 0.90) it misses in every format alike.
func TestOfficeCorpus(t *testing.T) {
	dir := filepath.Join("..", "testdata", "reports", "sk-2022")
	base := filepath.Join(dir, "sk-2022")
	var files []string
	for _, ext := range []string{"*.fodt", "*.docx", "*.odt", "*.pdf"} {
		m, _ := filepath.Glob(filepath.Join(dir, ext))
		files = append(files, m...)
	}
	if len(files) < 7 {
		t.Fatalf("expected the .fodt, .docx, .odt and .pdf renderings in %s, found %d files", dir, len(files))
	}
	sort.Slice(files, func(i, j int) bool { // the PDFs first, for the floor
		pi, pj := strings.HasSuffix(files[i], ".pdf"), strings.HasSuffix(files[j], ".pdf")
		return pi && !pj || pi == pj && files[i] < files[j]
	})
	floorRecall, floorPrecision := 0.0, 0.0
	var b strings.Builder
	fmt.Fprintf(&b, "\n%-28s %7s %9s %6s %8s %10s\n", "file", "recall", "precision", "unit", "activity", "activities")
	for _, path := range files {
		name := filepath.Base(path)
		t.Run(name, func(t *testing.T) {
			gold := readGold(t, base+".gold.csv")
			gacts := readGoldActivities(t, base+".activities.csv")
			rep := readReport(t, path)
			matchActivities(gacts, rep.Activities)
			byProject := map[string]*goldActivityRow{}
			found := 0
			for _, g := range gacts {
				byProject[g.project] = g
				if g.matched != nil {
					found++
				}
			}
			s := score(gold, rep.Facts, func(g goldRow, f letopis.Fact) bool {
				if g.project == "org" {
					return f.Activity == ""
				}
				ga := byProject[g.project]
				return ga != nil && ga.matched != nil && f.ActivityKey == ga.matched.Key
			})
			s.log(t, name)
			fmt.Fprintf(&b, "%-28s %7.3f %9.3f %6.3f %8.3f %4d/%-5d\n", name, s.recall, s.precision, s.unit, s.activity, found, len(gacts))
			if strings.HasSuffix(name, ".pdf") {
				floorRecall, floorPrecision = max(floorRecall, s.recall), max(floorPrecision, s.precision)
			} else if s.recall < floorRecall || s.precision < floorPrecision {
				t.Errorf("%s: recall %.3f, precision %.3f: under the PDF's (%.3f, %.3f)", name, s.recall, s.precision, floorRecall, floorPrecision)
			}
		})
	}
	t.Log(b.String())
}
