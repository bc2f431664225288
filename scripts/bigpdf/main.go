// Command bigpdf writes a PDF made of one PDF repeated n times, for
// benchmarks: bigpdf -n 40 -o /tmp/big.pdf testdata/novus-2020-brochure.pdf
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/letopis/letopis/internal/pdfrepeat"
)

func main() {
	n := flag.Int("n", 40, "how many copies")
	out := flag.String("o", "big.pdf", "output file")
	flag.Parse()
	if flag.NArg() != 1 || *n < 1 {
		fmt.Fprintln(os.Stderr, "usage: bigpdf [-n 40] [-o big.pdf] FILE.pdf")
		os.Exit(2)
	}
	data, err := os.ReadFile(flag.Arg(0))
	if err != nil {
		fmt.Fprintln(os.Stderr, "bigpdf:", err)
		os.Exit(1)
	}
	big, err := pdfrepeat.Repeat(data, *n)
	if err != nil {
		fmt.Fprintln(os.Stderr, "bigpdf:", err)
		os.Exit(1)
	}
	if err := os.WriteFile(*out, big, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "bigpdf:", err)
		os.Exit(1)
	}
}
