package slnum

import (
	"strings"
	"testing"

	"github.com/letopis/letopis"
)

func TestParseQuantity(t *testing.T) {
	ok := []struct {
		in    string
		value float64
		q     letopis.Qualifier
		unit  letopis.Unit
		text  string // in[Start:End]
		whole string // in[UnitStart:UnitEnd] (or QStart..UnitEnd)
	}{
		{"25 %", 25, letopis.Exact, letopis.UnitPercent, "25", "25 %"},
		{"40,32%", 40.32, letopis.Exact, letopis.UnitPercent, "40,32", "40,32%"},
		{" 40,32 % ", 40.32, letopis.Exact, letopis.UnitPercent, "40,32", "40,32 %"},
		{"250.109,76 EUR", 250109.76, letopis.Exact, letopis.UnitEUR, "250.109,76", "250.109,76 EUR"},
		{"250.109,76 €", 250109.76, letopis.Exact, letopis.UnitEUR, "250.109,76", "250.109,76 €"},
		{"€ 1.000", 1000, letopis.Exact, letopis.UnitEUR, "1.000", "€ 1.000"},
		{"EUR 500", 500, letopis.Exact, letopis.UnitEUR, "500", "EUR 500"},
		{"1.000 evrov", 1000, letopis.Exact, letopis.UnitEUR, "1.000", "1.000 evrov"},
		{"cca 120", 120, letopis.Approx, "", "120", "cca 120"},
		{"preko 884", 884, letopis.MoreThan, "", "884", "preko 884"},
		{"več kot 47", 47, letopis.MoreThan, "", "47", "več kot 47"},
		{"manj kot 5 %", 5, letopis.LessThan, letopis.UnitPercent, "5", "manj kot 5 %"},
		{"vsaj 25 %", 25, letopis.AtLeast, letopis.UnitPercent, "25", "vsaj 25 %"},
		{"22.830", 22830, letopis.Exact, "", "22.830", "22.830"},
		{"2020", 2020, letopis.Exact, "", "2020", "2020"},
		{"−3", -3, letopis.Exact, "", "−3", "−3"},
		{"1,2 mio EUR", 1.2e6, letopis.Exact, letopis.UnitEUR, "1,2", "1,2 mio EUR"},
		{"dve", 2, letopis.Exact, "", "dve", "dve"},
		{"25 odstotkov", 25, letopis.Exact, letopis.UnitPercent, "25", "25 odstotkov"},
	}
	for _, c := range ok {
		m, err := ParseQuantity(c.in)
		if err != nil || m.Value != c.value || m.Qualifier != c.q || m.Unit != c.unit || m.Class != Quantity ||
			c.in[m.Start:m.End] != c.text || m.Text != c.text || c.in[min(m.UnitStart, m.QStart):m.UnitEnd] != c.whole {
			t.Errorf("ParseQuantity(%q) = %s, %v; want %v %v %q %q %q", c.in, show(m), err, c.value, c.q, c.unit, c.text, c.whole)
		}
	}
	bad := []struct{ in, reason string }{
		{"1.5", "ambiguous"},
		{"1.5 %", "ambiguous"},
		{"12,345,6", "more than one decimal comma"},
		{"25 % oseb", "not only a quantity"},
		{"ni podatka", "no number"},
		{"", "no number"},
		{"12.", "ordinal or a date"},
		{"Učinek 60", "no number"},
	}
	for _, c := range bad {
		m, err := ParseQuantity(c.in)
		if err == nil || !strings.Contains(err.Error(), c.reason) || m.Class != Malformed {
			t.Errorf("ParseQuantity(%q) = %s, %v; want refusal %q", c.in, show(m), err, c.reason)
		}
	}
}
