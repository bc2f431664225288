package transform

import (
	"regexp"
	"strings"

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
	Class      slnum.Class // Quantity for a countable quantity; otherwise a year, ordinal, date, time, age …
	reason     string      // slnum's reason when it is not a quantity
	Qualifier  letopis.Qualifier
	Unit       letopis.Unit // percent or eur when the number carries it
	UnitEnd    int          // end of the unit sign or word, End if none
	Word       bool         // written in words (dve, eno, štirih)

	shareValue *float64 // set by the share grammar
	shareOf    string
	target     *float64 // set by a planned value in parentheses after it
}

// quantity reports whether n is a countable quantity, a candidate fact.
func (n *num) quantity() bool { return n.Class == slnum.Quantity }

// rejectReason says why n is no fact: its class, and slnum's reason when
// it gives one ("age: age range").
func (n *num) rejectReason() string {
	if n.reason == "" {
		return n.Class.String()
	}
	return n.Class.String() + ": " + n.reason
}

// scanNumbers reads the numbers of a text with slnum.Scan.
func scanNumbers(text string) []num {
	ms := slnum.Scan(text)
	out := make([]num, 0, len(ms))
	for _, m := range ms {
		n := num{Start: m.Start, End: m.End, QStart: m.QStart, Text: m.Text, Value: m.Value,
			Class: m.Class, reason: m.Reason, Qualifier: m.Qualifier, Unit: m.Unit, UnitEnd: m.UnitEnd, Word: m.Word}
		if n.UnitEnd < n.End {
			n.UnitEnd = n.End
		}
		if n.QStart > n.Start {
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

var (
	// timesSuffix glues a count of times to its number: 97-krat.
	timesSuffix = regexp.MustCompile(`^-krat\b`)
	// percentAdjective makes a percentage an adjective: 93,1-odstotna.
	percentAdjective = regexp.MustCompile(`^-odstot\pL*`)
	// weDid is the verb of the first person plural: what the organisation did.
	weDid = regexp.MustCompile(`(?i)(?:^|[^\pL])smo(?:$|[^\pL])`)
)

// compoundQuantity reads a number that slnum leaves as part of a compound
// word as the quantity the compound states: `Uporabnice smo 97-krat
// spremljali` counts events the organisation held (a clause of `smo`; a
// person's `je kri daroval že 131-krat` and a list of compounds `25-, 50-
// ali 100-krat` stay refused), `zasedenost pa 93,1-odstotna` is a
// percentage.
func compoundQuantity(s string, n *num) {
	if n.Class != slnum.Other || !strings.HasPrefix(n.reason, "part of a compound word") {
		return
	}
	rest := s[n.End:]
	switch {
	case timesSuffix.MatchString(rest):
		clause := s[:n.QStart]
		if k := strings.LastIndexAny(clause, ",;:"); k >= 0 {
			clause = clause[k+1:]
		}
		if !weDid.MatchString(clause) || strings.EqualFold(wordBefore(s, n.QStart), "že") {
			return
		}
		n.Unit, n.UnitEnd = letopis.UnitEvents, n.End+len("-krat")
	case percentAdjective.MatchString(rest):
		n.Unit, n.UnitEnd = letopis.UnitPercent, n.End+len(percentAdjective.FindString(rest))
	default:
		return
	}
	n.Class, n.reason = slnum.Quantity, ""
}
