package pdf

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/letopis/letopis"
	"github.com/letopis/letopis/extract"
)

// expectedTable is a table a PDF must come out with (NAME.cells.json):
// its cells row by row ("" for an empty cell, not scored), the page where
// it starts (0: any), and how it is drawn: ruled, borderless or rotated.
type expectedTable struct {
	Name string     `json:"name"`
	Kind string     `json:"kind"`
	Page int        `json:"page"`
	Rows [][]string `json:"rows"`
}

// tableFloors are the least fractions of expected cells that must come
// out in the right row and column, by kind of table.
var tableFloors = map[string]float64{"ruled": 0.95, "borderless": 0.90, "rotated": 0.90}

// TestTableStructure scores the tables extracted from every layout
// fixture (testdata/layout, made by scripts/layoutpdf) and every corpus
// report (testdata/reports) against the cells written beside them: the
// fraction of expected cells found in the right row and column of the
// table that holds most of them. It prints the scores (go test
// ./extract/pdf -run TestTableStructure -v) and fails a fixture whose
// tables of one kind score under the floor.
func TestTableStructure(t *testing.T) {
	var pdfs []string
	for _, pat := range []string{"layout/*.pdf", "reports/*/*.pdf"} {
		m, err := filepath.Glob(filepath.Join("..", "..", "testdata", pat))
		if err != nil {
			t.Fatal(err)
		}
		pdfs = append(pdfs, m...)
	}
	if len(pdfs) == 0 {
		t.Fatal("no fixtures in testdata/layout or testdata/reports")
	}
	type score struct{ found, all int }
	total := map[string]*score{}
	var report strings.Builder
	fmt.Fprintf(&report, "\n%-32s %-10s %7s %9s\n", "file", "kind", "score", "cells")
	for _, path := range pdfs {
		exp, err := expectedCells(path)
		if err != nil {
			t.Fatal(err)
		}
		if exp == nil {
			continue
		}
		name := filepath.Base(path)
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := extract.File(context.Background(), name, data, extract.Options{})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		got := map[string]*score{}
		for _, m := range matchTables(exp, doc) {
			s := got[m.exp.Kind]
			if s == nil {
				s = &score{}
				got[m.exp.Kind] = s
			}
			s.found += m.found
			s.all += m.all
			if m.found < m.all {
				t.Logf("%s: table %q: %d of %d cells in place", name, m.exp.Name, m.found, m.all)
			}
		}
		kinds := make([]string, 0, len(got))
		for k := range got {
			kinds = append(kinds, k)
		}
		sort.Strings(kinds)
		for _, k := range kinds {
			s := got[k]
			frac := float64(s.found) / float64(max(s.all, 1))
			fmt.Fprintf(&report, "%-32s %-10s %7.3f %4d/%-4d\n", name, k, frac, s.found, s.all)
			if frac < tableFloors[k] {
				t.Errorf("%s: %s tables score %.3f, under the floor %.2f", name, k, frac, tableFloors[k])
			}
			if total[k] == nil {
				total[k] = &score{}
			}
			total[k].found += s.found
			total[k].all += s.all
		}
	}
	for _, k := range []string{"ruled", "borderless", "rotated"} {
		if s := total[k]; s != nil {
			fmt.Fprintf(&report, "%-32s %-10s %7.3f %4d/%-4d\n", "all", k, float64(s.found)/float64(max(s.all, 1)), s.found, s.all)
		}
	}
	t.Log(report.String())
}

// expectedCells reads the expected tables of the PDF at path: NAME.cells.json
// beside it, NAME its base name or the base name without its last
// -suffixes (sk-2022-libreoffice-b5.pdf → sk-2022.cells.json); nil if none.
func expectedCells(path string) ([]expectedTable, error) {
	base := strings.TrimSuffix(path, ".pdf")
	for {
		data, err := os.ReadFile(base + ".cells.json")
		if err == nil {
			var f struct{ Tables []expectedTable }
			if err := json.Unmarshal(data, &f); err != nil {
				return nil, fmt.Errorf("%s.cells.json: %v", base, err)
			}
			return f.Tables, nil
		}
		i := strings.LastIndexByte(base, '-')
		if i <= strings.LastIndexByte(base, os.PathSeparator) {
			return nil, nil
		}
		base = base[:i]
	}
}

// tableMatch is an expected table with the extracted table that holds
// most of its cells in place, and how many.
type tableMatch struct {
	exp        expectedTable
	got        *letopis.Table
	found, all int
}

// matchTables pairs each expected table with a different extracted table
// (of the page where it starts, if it names one), best pairs first.
func matchTables(exp []expectedTable, doc *letopis.Document) []tableMatch {
	var got []*letopis.Table
	for _, p := range doc.Pages {
		for i := range p.Blocks {
			if b := &p.Blocks[i]; b.Kind == letopis.BlockTable && b.Table != nil {
				got = append(got, b.Table)
			}
		}
	}
	type pair struct{ e, g, found int }
	var pairs []pair
	out := make([]tableMatch, len(exp))
	for ei, e := range exp {
		out[ei] = tableMatch{exp: e, all: countCells(e.Rows)}
		for gi, g := range got {
			if e.Page == 0 || g.Page == e.Page {
				pairs = append(pairs, pair{ei, gi, cellsInPlace(e.Rows, g)})
			}
		}
	}
	sort.SliceStable(pairs, func(i, j int) bool { return pairs[i].found > pairs[j].found })
	usedE, usedG := map[int]bool{}, map[int]bool{}
	for _, p := range pairs {
		if usedE[p.e] || usedG[p.g] || p.found == 0 {
			continue
		}
		usedE[p.e], usedG[p.g] = true, true
		out[p.e].got, out[p.e].found = got[p.g], p.found
	}
	return out
}

func countCells(rows [][]string) int {
	n := 0
	for _, r := range rows {
		for _, c := range r {
			if normCell(c) != "" {
				n++
			}
		}
	}
	return n
}

// cellsInPlace counts the expected cells that t holds at their row and
// column, the grid shifted by the offset (a title row above, a column of
// row numbers) that places the most.
func cellsInPlace(rows [][]string, t *letopis.Table) int {
	best := 0
	for dr := -3; dr <= 3; dr++ {
		for dc := -2; dc <= 2; dc++ {
			n := 0
			for r, row := range rows {
				gr := r + dr
				if gr < 0 || gr >= len(t.Rows) {
					continue
				}
				for c, want := range row {
					gc := c + dc
					if want = normCell(want); want == "" || gc < 0 || gc >= len(t.Rows[gr]) {
						continue
					}
					if normCell(t.Rows[gr][gc].Text) == want {
						n++
					}
				}
			}
			best = max(best, n)
		}
	}
	return best
}

func normCell(s string) string {
	s = strings.NewReplacer("\u00a0", " ", "\u202f", " ", "\u00ad", "").Replace(s)
	return strings.Join(strings.Fields(s), " ")
}
