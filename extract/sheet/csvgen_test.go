package sheet

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
)

// longCSV returns a CSV export of an indicator table in Windows-1250 with
// ';' between fields and CRLF line ends, as Excel saves one in Slovenia,
// and the records it holds: a title, a header and n indicator rows, every
// seventh with a quoted field of two lines holding a ';', every eleventh
// with quotes in a quoted field, every thirteenth shorter than the header
// and row 300 wider. If badLine > 0, the first record that starts on or
// after that line is replaced by one with a broken quote ("zlom"x), and
// its line is returned; the records are then those before it.
func longCSV(t testing.TB, n, badLine int) (data []byte, records [][]string, brokenAt int) {
	t.Helper()
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.Comma = ';'
	w.UseCRLF = true
	write := func(rec []string) {
		if err := w.Write(rec); err != nil {
			t.Fatal(err)
		}
		w.Flush()
		records = append(records, rec)
	}
	write([]string{"Društvo Preizkus – poročilo o kazalnikih za leto 2020"})
	write([]string{"Projekt", "Naziv kazalnika", "Merska enota", "Dosežena vrednost", "Opomba"})
	line := 3 // where the next indicator row starts
	for i := 1; i <= n; i++ {
		if badLine > 0 && line >= badLine {
			buf.WriteString("\"zlom\"x;Število oseb;število oseb;1\r\n")
			brokenAt = line
			break
		}
		rec := []string{"", fmt.Sprintf("Število oseb v skupini %d", i), "število oseb", fmt.Sprintf("%d.%03d", i/1000, i%1000), ""}
		if i%50 == 1 {
			rec[0] = fmt.Sprintf("Projekt Mreža %d", i/50+1)
		}
		if i%7 == 0 {
			rec[1] += "\n(nadaljevanje; druga vrstica)"
			line++
		}
		if i%11 == 0 {
			rec[4] = `po oceni "koordinatorja", šola`
		}
		if i%13 == 0 {
			rec = rec[:3]
		}
		if i == 300 {
			rec = append(rec, "", "daleč desno")
		}
		write(rec)
		line++
	}
	if err := w.Error(); err != nil {
		t.Fatal(err)
	}
	data, err := charmap.Windows1250.NewEncoder().Bytes(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	for i, rec := range records { // as encoding/csv reads them back
		for j := range rec {
			rec[j] = strings.ReplaceAll(rec[j], "\r\n", "\n")
		}
		records[i] = rec
	}
	return data, records, brokenAt
}
