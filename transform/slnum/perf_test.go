package slnum

import (
	"strings"
	"testing"
	"time"
)

// TestPerfPathological guards against quadratic time on long repetitive
// input (100 kB of one pattern must take well under a second).
func TestPerfPathological(t *testing.T) {
	units := []string{"1 ", "1.", "1. ", "od ", "a", " ", "(", "1", "1.1.", "2020–", "v letih 2020, ", "1 2 ", "- ", "1,", "€", "cca ", "-1 ", "0 ", "1/", "II. ", "dve ", "1.000 ", "št. 1", "od 1. do ", "do ", "let ", "marca ", "1. marca "}
	for _, u := range units {
		s := strings.Repeat(u, 100000/len(u))
		t0 := time.Now()
		Scan(s)
		d1 := time.Since(t0)
		t0 = time.Now()
		FindPeriods(s)
		d2 := time.Since(t0)
		if d1+d2 > time.Second {
			t.Errorf("%q: Scan %v FindPeriods %v", u, d1, d2)
		}
	}
}
