// Package pdfrepeat makes a long PDF of a short one, for benchmarks and
// tests of long reports: the brochure ten times is a 110-page report.
package pdfrepeat

import (
	"bytes"
	"io"

	"github.com/pdfcpu/pdfcpu/pkg/api"
)

// Repeat returns a PDF made of the PDF data n times over.
func Repeat(data []byte, n int) ([]byte, error) {
	api.DisableConfigDir()
	rs := make([]io.ReadSeeker, n)
	for i := range rs {
		rs[i] = bytes.NewReader(data)
	}
	var buf bytes.Buffer
	if err := api.MergeRaw(rs, &buf, false, nil); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
