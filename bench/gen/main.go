// Command gen renders N distinct annual-report PDFs of about ten pages each,
// for the batch benchmark of bench/run.sh.
//
// Every file is an NGO's yearly report in Slovene modelled on the 2020
// NOVUS brochure (testdata/novus-2020.seed.txt): a cover with
// `LETNO POROČILO <year>` and the organisation, then one project per page
// with a heading, an intro paragraph (period, partners, funders), a grid of
// numbered result boxes under `DOSEŽENI REZULTATI V LETU <year>:`, prose in
// two columns and, for some projects, a ruled indicator table. The
// organisation, the year, the projects chosen and every number are drawn
// from a PCG generator seeded with (-seed, file index): the same seed gives
// the same bytes, two indexes give different reports.
//
// It is drawn by github.com/go-pdf/fpdf with the DejaVu Sans TrueType fonts
// of the Debian package fonts-dejavu-core (embedded as subsets, so the text
// has ToUnicode maps like real office-suite PDFs).
//
//	go run ./bench/gen -n 200 -out /tmp/batch
//
// With -gold it also writes, beside each report-0000.pdf, the report's gold
// list in the corpus format of testdata/CORPUS.md (report-0000.gold.csv:
// every indicator fact the text states, with its unit, qualifier, target,
// share and keywords; years, dates, periods, ages, box and page numbers are
// not facts and not listed) and its projects (report-0000.activities.csv:
// project tag and title, the activities a reader must find).
//
// Exit codes: 64 bad usage, 69 the fonts are missing, 74 a file could not
// be written.
package main

import (
	"flag"
	"fmt"
	"os"
)

func main() {
	n := flag.Int("n", 200, "how many report files")
	out := flag.String("out", "", "output folder (created)")
	seed := flag.Uint64("seed", 1, "seed of the numbers; the same seed gives the same files")
	gold := flag.Bool("gold", false, "also write each report's gold list of facts (report-0000.gold.csv) and projects (report-0000.activities.csv)")
	fontDir := flag.String("fonts", DefaultFontDir, "folder with DejaVuSans.ttf and DejaVuSans-Bold.ttf")
	flag.Parse()
	if *out == "" || *n < 1 || flag.NArg() != 0 {
		fmt.Fprintln(os.Stderr, "usage: gen [-n 200] [-seed 1] [-gold] [-fonts DIR] -out DIR")
		os.Exit(64)
	}
	fonts, err := LoadFonts(*fontDir)
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(69)
	}
	pages, err := WriteAll(*out, *n, *seed, fonts, *gold)
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(74)
	}
	fmt.Fprintf(os.Stderr, "gen: %d files, %d pages, in %s\n", *n, pages, *out)
}
