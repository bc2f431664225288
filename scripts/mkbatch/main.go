// Command mkbatch writes N distinct copies of report PDFs for batch
// benchmarks: each copy is the source with its CreationDate rewritten in
// place (same length, so no offset moves), a valid PDF with different bytes.
//
//	go run ./scripts/mkbatch -n 200 -out /tmp/batch testdata/novus-2020-plain.pdf testdata/novus-2020-brochure.pdf
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"
)

func main() {
	n := flag.Int("n", 200, "how many files")
	out := flag.String("out", "", "output folder (created)")
	flag.Parse()
	if *out == "" || flag.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "usage: mkbatch -n N -out DIR FILE.pdf...")
		os.Exit(64)
	}
	var srcs [][]byte
	for _, p := range flag.Args() {
		b, err := os.ReadFile(p)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(66)
		}
		if datePos(b) < 0 {
			fmt.Fprintf(os.Stderr, "%s: no CreationDate (D:YYYYMMDDHHMMSS) to vary\n", p)
			os.Exit(65)
		}
		srcs = append(srcs, b)
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(73)
	}
	base := time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := 0; i < *n; i++ {
		k := i % len(srcs)
		b := bytes.Clone(srcs[k])
		at := datePos(b)
		copy(b[at:], base.Add(time.Duration(i)*time.Minute).Format("20060102150405"))
		name := strings.TrimSuffix(filepath.Base(flag.Arg(k)), ".pdf")
		if err := os.WriteFile(filepath.Join(*out, fmt.Sprintf("%s-%04d.pdf", name, i)), b, 0o644); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(74)
		}
	}
}

// datePos returns the offset of the 14 digits after "CreationDate (D:" (or
// without the space), or -1.
func datePos(b []byte) int {
	i := bytes.Index(b, []byte("CreationDate"))
	if i < 0 {
		return -1
	}
	j := bytes.Index(b[i:], []byte("(D:"))
	if j < 0 || j > 3+len("CreationDate") {
		return -1
	}
	at := i + j + 3
	if at+14 > len(b) {
		return -1
	}
	for _, c := range b[at : at+14] {
		if c < '0' || c > '9' {
			return -1
		}
	}
	return at
}
