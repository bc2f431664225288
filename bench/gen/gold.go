package main

import (
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"strconv"
)

// Gold is one indicator fact a generated report states, a row of its gold
// list in the corpus format (testdata/CORPUS.md): the value, its unit in
// the vocabulary of MODEL.md, the qualifier, the target and the partner's
// share where the text gives them, and keywords (lower-case stems of the
// indicator's words, `|`-separated).
//
// Numbers that are no facts (years, dates, periods, ages, box and page
// numbers) are never recorded: they are drawn with g.n, not g.fact.
type Gold struct {
	Project       string // the tag of the project kind (Project.Tag)
	Value         float64
	Unit          string
	Qualifier     string
	Target, Share *float64
	Keywords      string
}

// Qualifiers of MODEL.md.
const (
	exact    = "exact"
	approx   = "approx"    // cca, približno, okoli
	atLeast  = "at_least"  // vsaj, najmanj
	moreThan = "more_than" // preko, več kot, nad
)

// fact records an exactly stated quantity v and returns it, for a %d slot.
func (g *gen) fact(v int, unit, keywords string) int {
	return g.factQ(v, unit, exact, keywords)
}

// factQ records a quantity with its qualifier and returns it.
func (g *gen) factQ(v int, unit, qual, keywords string) int {
	g.gold = append(g.gold, Gold{Value: float64(v), Unit: unit, Qualifier: qual, Keywords: keywords})
	return v
}

// share sets v as the partner's share of the quantity recorded last
// (`190 (od tega Društvo Korak – 42)`) and returns it.
func (g *gen) share(v int) int {
	s := float64(v)
	g.gold[len(g.gold)-1].Share = &s
	return v
}

// target records the achieved value v of an indicator table row with its
// planned value and returns v.
func (g *gen) target(v, plan int, unit, keywords string) int {
	t := float64(plan)
	g.gold = append(g.gold, Gold{Value: float64(v), Unit: unit, Qualifier: exact, Target: &t, Keywords: keywords})
	return v
}

// decimal records whole + frac/10^digits and returns it written the
// Slovene way with a decimal comma and thousands dots (250.109,76; 91,3).
func (g *gen) decimal(whole, frac, digits int, unit, keywords string) string {
	g.gold = append(g.gold, Gold{Value: float64(whole) + float64(frac)/math.Pow10(digits), Unit: unit, Qualifier: exact, Keywords: keywords})
	return fmt.Sprintf("%s,%0*d", num(whole), digits, frac)
}

// writeGold writes the gold rows of a report in the corpus format.
func writeGold(w io.Writer, rep Report) error {
	cw := csv.NewWriter(w)
	opt := func(p *float64) string {
		if p == nil {
			return ""
		}
		return strconv.FormatFloat(*p, 'f', -1, 64)
	}
	cw.Write([]string{"project", "value", "unit", "qualifier", "target", "share_value", "keywords"})
	for _, p := range rep.Projects {
		for _, r := range p.Gold {
			cw.Write([]string{p.Tag, strconv.FormatFloat(r.Value, 'f', -1, 64), r.Unit, r.Qualifier, opt(r.Target), opt(r.Share), r.Keywords})
		}
	}
	cw.Flush()
	return cw.Error()
}

// writeActivities writes the project tags and names of a report (the
// title, or Name where the title says more): the activities a reader must
// find, one per project page.
func writeActivities(w io.Writer, rep Report) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"project", "title"})
	for _, p := range rep.Projects {
		name := p.Title
		if p.Name != "" {
			name = p.Name
		}
		cw.Write([]string{p.Tag, name})
	}
	cw.Flush()
	return cw.Error()
}

// targetDecimal records an achieved share in percent, whole + frac/100,
// with its planned value and returns it written with a decimal comma.
func (g *gen) targetDecimal(whole, frac, plan int, unit, keywords string) string {
	s := g.decimal(whole, frac, 2, unit, keywords)
	t := float64(plan)
	g.gold[len(g.gold)-1].Target = &t
	return s
}
