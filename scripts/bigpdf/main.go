// Command bigpdf writes a PDF made of one PDF repeated n times, for
// benchmarks: bigpdf -n 40 -o /tmp/big.pdf testdata/novus-2020-brochure.pdf
package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/pdfcpu/pdfcpu/pkg/api"
)

func main() {
	n := flag.Int("n", 40, "how many copies")
	out := flag.String("o", "big.pdf", "output file")
	flag.Parse()
	if flag.NArg() != 1 || *n < 1 {
		fmt.Fprintln(os.Stderr, "usage: bigpdf [-n 40] [-o big.pdf] FILE.pdf")
		os.Exit(2)
	}
	api.DisableConfigDir()
	data, err := os.ReadFile(flag.Arg(0))
	if err != nil {
		fmt.Fprintln(os.Stderr, "bigpdf:", err)
		os.Exit(1)
	}
	rs := make([]io.ReadSeeker, *n)
	for i := range rs {
		rs[i] = bytes.NewReader(data)
	}
	var buf bytes.Buffer
	if err := api.MergeRaw(rs, &buf, false, nil); err != nil {
		fmt.Fprintln(os.Stderr, "bigpdf:", err)
		os.Exit(1)
	}
	if err := os.WriteFile(*out, buf.Bytes(), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "bigpdf:", err)
		os.Exit(1)
	}
}
