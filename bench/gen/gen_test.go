package main

import (
	"bytes"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestWriteAll renders two reports and checks that they are PDFs, that they
// differ, and that the same seed gives the same bytes. It is skipped where
// DejaVu Sans (Debian fonts-dejavu-core) is not installed.
func TestWriteAll(t *testing.T) {
	fonts, err := LoadFonts(DefaultFontDir)
	if err != nil {
		t.Skip(err)
	}
	dir := t.TempDir()
	pages, err := WriteAll(dir, 2, 7, fonts, false)
	if err != nil {
		t.Fatal(err)
	}
	if pages < 16 {
		t.Errorf("%d pages in 2 reports, want about 10 each", pages)
	}
	var files [2][]byte
	for i, name := range []string{"report-0000.pdf", "report-0001.pdf"} {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.HasPrefix(b, []byte("%PDF-")) || !bytes.HasSuffix(bytes.TrimRight(b, "\r\n"), []byte("%%EOF")) {
			t.Errorf("%s: not a PDF (starts %q, ends %q)", name, b[:min(8, len(b))], b[max(0, len(b)-8):])
		}
		files[i] = b
	}
	if bytes.Equal(files[0], files[1]) {
		t.Error("two reports have the same bytes")
	}
	again, _, err := Render(Generate(7, 1), fonts)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(again, files[1]) {
		t.Error("the same seed and index gave other bytes")
	}
}

func TestLoadFontsMissing(t *testing.T) {
	_, err := LoadFonts(t.TempDir())
	if err == nil || !bytes.Contains([]byte(err.Error()), []byte("fonts-dejavu-core")) {
		t.Errorf("err = %v, want one naming fonts-dejavu-core", err)
	}
}

func TestNum(t *testing.T) {
	for n, want := range map[int]string{7: "7", 830: "830", 22830: "22.830", 1234567: "1.234.567"} {
		if got := num(n); got != want {
			t.Errorf("num(%d) = %q, want %q", n, got, want)
		}
	}
}

// TestGold checks the gold lists against the text they describe: every
// project has facts, each fact's value is written in its project's text
// (as the generator writes numbers: 22.830, 91,3) and one of its keywords
// is there too, and no fact is the report year. It needs no fonts.
func TestGold(t *testing.T) {
	units := map[string]bool{"persons": true, "events": true, "hours": true, "eur": true, "percent": true, "organisations": true,
		"schools": true, "services": true, "documents": true, "posts": true, "units": true, "locations": true, "projects": true, "other": true}
	quals := map[string]bool{exact: true, approx: true, atLeast: true, moreThan: true}
	for _, seed := range []uint64{1, 2, 7} {
		for i := range 5 {
			rep := Generate(seed, i)
			tags := map[string]bool{}
			for _, p := range rep.Projects {
				if p.Tag == "" || tags[p.Tag] {
					t.Errorf("seed %d report %d: project %q has tag %q, empty or repeated", seed, i, p.Title, p.Tag)
				}
				tags[p.Tag] = true
				if len(p.Gold) == 0 {
					t.Errorf("seed %d report %d: project %q states no facts", seed, i, p.Title)
				}
				var all []string
				all = append(all, p.Intro, p.Closing)
				all = append(all, p.Boxes...)
				all = append(all, p.Prose...)
				for _, row := range p.Table {
					all = append(all, strings.Join(row[:], " "))
				}
				text := " " + strings.ToLower(strings.Join(all, " ")) + " "
				for _, g := range p.Gold {
					whole := int(g.Value)
					var forms []string // as the templates write it
					if g.Value == float64(whole) {
						forms = append(forms, num(whole), strconv.Itoa(whole))
					}
					for d, p := range []float64{10, 100} {
						if frac := math.Round((g.Value - float64(whole)) * p); math.Abs(float64(whole)+frac/p-g.Value) < 1e-9 {
							forms = append(forms, fmt.Sprintf("%s,%0*d", num(whole), d+1, int(frac)))
						}
					}
					found := false
					for _, w := range forms {
						for _, ctx := range []string{" " + w + " ", " " + w + ".", "(" + w + " "} {
							found = found || strings.Contains(text, ctx)
						}
					}
					if !found {
						t.Errorf("seed %d report %d %s: value %g (%q) not in the text", seed, i, p.Tag, g.Value, forms)
					}
					if g.Project != p.Tag || !units[g.Unit] || !quals[g.Qualifier] || g.Value == float64(rep.Year) {
						t.Errorf("seed %d report %d: bad row %+v", seed, i, g)
					}
					hit := false
					for _, k := range strings.Split(g.Keywords, "|") {
						hit = hit || (k != "" && k == strings.ToLower(k) && strings.Contains(text, k))
					}
					if !hit {
						t.Errorf("seed %d report %d %s %g: no keyword of %q in the text", seed, i, p.Tag, g.Value, g.Keywords)
					}
				}
			}
		}
	}
}

func TestWriteGold(t *testing.T) {
	var b bytes.Buffer
	rep := Generate(1, 0)
	if err := writeGold(&b, rep); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(b.String()), "\n")
	if lines[0] != "project,value,unit,qualifier,target,share_value,keywords" {
		t.Errorf("header %q", lines[0])
	}
	n := 0
	for _, p := range rep.Projects {
		n += len(p.Gold)
	}
	if len(lines)-1 != n {
		t.Errorf("%d rows, want %d", len(lines)-1, n)
	}
}
