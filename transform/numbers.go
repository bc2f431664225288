package transform

import (
	"github.com/letopis/letopis"
	"github.com/letopis/letopis/transform/slnum"
)

// num is one number read in a text, as the fact finder uses it. It is
// filled from slnum.Scan (see scanNumbers).
type num struct {
	Start, End int    // byte span of the number (with its unit when Unit is set: UnitEnd)
	QStart     int    // start of the qualifier before it (vsaj, preko), Start if none
	Text       string // the number as written
	Value      float64
	Quantity   bool   // a countable quantity; otherwise a year, ordinal, date, time, age …
	Reason     string // why it is not a quantity
	Qualifier  letopis.Qualifier
	Unit       letopis.Unit // percent or eur when the number carries it
	UnitEnd    int          // end of the unit sign or word, End if none
	Word       bool         // written in words (dva, eno, štirih)

	shareValue *float64 // set by the share grammar
	shareOf    string
}

// scanNumbers reads the numbers of a text with slnum.Scan.
func scanNumbers(text string) []num {
	// Workaround: slnum.Scan (baea0be) indexes s[-1] in signAt when the
	// text starts with a digit ("5 delavnic"); a leading space avoids it.
	ms := slnum.Scan(" " + text)
	out := make([]num, 0, len(ms))
	for _, m := range ms {
		m.Start, m.End, m.QStart, m.UnitEnd, m.UnitStart = m.Start-1, m.End-1, m.QStart-1, m.UnitEnd-1, m.UnitStart-1
		if m.Start < 0 {
			continue
		}
		n := num{Start: m.Start, End: m.End, QStart: m.QStart, Text: m.Text, Value: m.Value,
			Quantity: m.Class == slnum.Quantity, Reason: m.Reason, Qualifier: m.Qualifier, Unit: m.Unit, UnitEnd: m.UnitEnd, Word: m.Word}
		if !n.Quantity && n.Reason == "" {
			n.Reason = m.Class.String()
		} else if !n.Quantity {
			n.Reason = m.Class.String() + ": " + m.Reason
		}
		if n.UnitEnd < n.End {
			n.UnitEnd = n.End
		}
		if n.QStart > n.Start || n.QStart < 0 {
			n.QStart = n.Start
		}
		out = append(out, n)
	}
	sortNums(out)
	return out
}

// parseCell reads a whole cell as a quantity with slnum.ParseQuantity.
func parseCell(s string) (float64, letopis.Unit, letopis.Qualifier, error) {
	m, err := slnum.ParseQuantity(s)
	if err != nil {
		return 0, "", "", err
	}
	q := m.Qualifier
	if q == "" {
		q = letopis.Exact
	}
	return m.Value, m.Unit, q, nil
}
