// Command damage makes slightly damaged copies of the sample PDFs (flipped
// bytes, truncations, removed objects; seeded, so the same copies every
// time) and counts of how many letopis extracts a report's text and of how
// many pdftotext (poppler-utils) does:
//
//	go run ./scripts/damage [-seed 1] [-copies 240] [-keep DIR] [-v]
//
// A reader "reads a report's text" from a copy when its text holds at
// least half of the distinct words (of three letters or more) that the
// same reader reads from the undamaged file. letopis reads in-process
// (extract.File, the code of `letopis inspect` and `import`) with a
// deadline of a minute; pdftotext with the same deadline.
package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"
	"unicode"

	"github.com/letopis/letopis/extract"
	_ "github.com/letopis/letopis/extract/all"
)

const deadline = time.Minute

func main() {
	seed := flag.Uint64("seed", 1, "seed of the damage")
	copies := flag.Int("copies", 240, "how many damaged copies to make")
	keep := flag.String("keep", "", "folder to keep the damaged copies in (default: a temporary folder, removed)")
	verbose := flag.Bool("v", false, "list every copy one of the readers fails")
	flag.Parse()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		fail(errors.New("pdftotext not found: apt-get install poppler-utils"))
	}
	samples, err := samplePDFs()
	if err != nil {
		fail(err)
	}
	dir := *keep
	if dir == "" {
		if dir, err = os.MkdirTemp("", "damage"); err != nil {
			fail(err)
		}
		defer os.RemoveAll(dir)
	} else if err := os.MkdirAll(dir, 0o755); err != nil {
		fail(err)
	}

	type original struct {
		data             []byte
		letopis, poppler map[string]bool
	}
	orig := map[string]*original{}
	for _, s := range samples {
		data, err := os.ReadFile(s)
		if err != nil {
			fail(err)
		}
		lt, err := letopisText(s, data)
		if err != nil {
			fail(fmt.Errorf("the undamaged %s: %v", s, err))
		}
		pt, err := popplerText(s)
		if err != nil {
			fail(fmt.Errorf("the undamaged %s: pdftotext: %v", s, err))
		}
		o := &original{data: data, letopis: words(lt), poppler: words(pt)}
		orig[s] = o
	}

	rng := rand.New(rand.NewPCG(*seed, 0x1e7091))
	kinds := []string{"flipped bytes", "truncated", "object removed"}
	type tally struct{ n, letopis, poppler, both, onlyLetopis, onlyPoppler int }
	counts := map[string]*tally{}
	total := &tally{}
	for i := 0; i < *copies; i++ {
		s := samples[i%len(samples)]
		kind := kinds[(i/len(samples))%len(kinds)]
		data, what := damage(rng, orig[s].data, kind)
		name := filepath.Join(dir, fmt.Sprintf("%03d-%s", i, filepath.Base(s)))
		if err := os.WriteFile(name, data, 0o644); err != nil {
			fail(err)
		}
		lt, lerr := letopisText(name, data)
		pt, perr := popplerText(name)
		lok := lerr == nil && enough(words(lt), orig[s].letopis)
		pok := perr == nil && enough(words(pt), orig[s].poppler)
		for _, t := range []*tally{total, get(counts, kind)} {
			t.n++
			if lok {
				t.letopis++
			}
			if pok {
				t.poppler++
			}
			switch {
			case lok && pok:
				t.both++
			case lok:
				t.onlyLetopis++
			case pok:
				t.onlyPoppler++
			}
		}
		if *verbose && (!lok || !pok) {
			why := "too little text"
			if lerr != nil {
				why = lerr.Error()
			}
			fmt.Printf("%-40s %-40s letopis %-5v pdftotext %-5v %s\n", filepath.Base(name), what, lok, pok, oneLine(why, 140))
		}
	}
	fmt.Printf("%d damaged copies of %d sample PDFs (seed %d): a report's text read by\n", total.n, len(samples), *seed)
	fmt.Printf("%-16s %7s %9s %5s %12s %14s\n", "damage", "letopis", "pdftotext", "both", "only letopis", "only pdftotext")
	for _, k := range append(kinds, "all") {
		t := counts[k]
		if k == "all" {
			t = total
		}
		fmt.Printf("%-16s %3d/%-3d %5d/%-3d %5d %12d %14d\n", k, t.letopis, t.n, t.poppler, t.n, t.both, t.onlyLetopis, t.onlyPoppler)
	}
}

func get[T any](m map[string]*T, k string) *T {
	if m[k] == nil {
		m[k] = new(T)
	}
	return m[k]
}

// samplePDFs lists the sample PDFs of testdata with a text layer: the
// NOVUS report (brochure and office-suite PDF; not its scan, which has no
// text for pdftotext to read) and the corpus reports.
func samplePDFs() ([]string, error) {
	a := []string{filepath.Join("testdata", "novus-2020-brochure.pdf"), filepath.Join("testdata", "novus-2020-plain.pdf")}
	b, err := filepath.Glob(filepath.Join("testdata", "reports", "*", "*.pdf"))
	if err != nil {
		return nil, err
	}
	all := append(a, b...)
	if len(all) == 0 {
		return nil, errors.New("no sample PDFs in testdata (run from the repository's root)")
	}
	sort.Strings(all)
	return all, nil
}

var objRE = regexp.MustCompile(`(?m)^\d+ \d+ obj\b`)

// damage returns a damaged copy of data and says what was done.
func damage(rng *rand.Rand, data []byte, kind string) ([]byte, string) {
	out := bytes.Clone(data)
	switch kind {
	case "flipped bytes":
		n := 1 + rng.IntN(3)
		var at []string
		for range n {
			i := rng.IntN(len(out))
			out[i] ^= byte(1 + rng.IntN(255))
			at = append(at, fmt.Sprint(i))
		}
		return out, "flipped at " + strings.Join(at, ",")
	case "truncated":
		keep := len(out) * (700 + rng.IntN(300)) / 1000
		return out[:keep], fmt.Sprintf("cut at %d of %d", keep, len(out))
	}
	objs := objRE.FindAllIndex(out, -1)
	o := objs[rng.IntN(len(objs))]
	end := bytes.Index(out[o[0]:], []byte("endobj"))
	if end < 0 {
		end = len(out) - o[0]
	} else {
		end += len("endobj")
	}
	what := fmt.Sprintf("removed %q", oneLine(string(out[o[0]:o[1]]), 20))
	return append(out[:o[0]:o[0]], out[o[0]+end:]...), what
}

func letopisText(path string, data []byte) (string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), deadline)
	defer cancel()
	doc, err := extract.File(ctx, path, data, extract.Options{NoWords: true})
	if err != nil {
		return "", err
	}
	var sb strings.Builder
	for _, p := range doc.Pages {
		for i := range p.Blocks {
			sb.WriteString(p.Blocks[i].Text())
			sb.WriteByte('\n')
		}
	}
	return sb.String(), nil
}

func popplerText(path string) (string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), deadline)
	defer cancel()
	out, err := exec.CommandContext(ctx, "pdftotext", "-q", path, "-").Output()
	return string(out), err
}

// words returns the distinct lower-case words of three letters or more.
func words(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) }) {
		if len([]rune(w)) >= 3 {
			m[strings.ToLower(w)] = true
		}
	}
	return m
}

// enough reports whether got holds at least half of the words of want.
func enough(got, want map[string]bool) bool {
	n := 0
	for w := range want {
		if got[w] {
			n++
		}
	}
	return len(want) > 0 && 2*n >= len(want)
}

func oneLine(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > n {
		s = string(r[:n]) + "…"
	}
	return s
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "damage:", err)
	os.Exit(1)
}
