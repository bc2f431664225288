package transform

import (
	"github.com/letopis/letopis"
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
