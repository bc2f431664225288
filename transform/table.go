package transform

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/letopis/letopis"
	"github.com/letopis/letopis/transform/units"
)

// TableContext is what TableFacts needs to know of the report a table
// belongs to.
type TableContext struct {
	Activity    string         // the activity the table belongs to, "" if none (a project column overrides it)
	ActivityKey string         // its key; computed from Activity if ""
	Year        int            // the report year: the default period, and the column to read when columns are years
	Units       *units.Lexicon // nil: the built-in lexicon
}

// column roles
type colRole int

const (
	colNone colRole = iota
	colLabel
	colKind
	colTarget
	colValue
	colUnit
	colProject
	colBaseline
	colCode
	colNote
)

var colPatterns = []struct {
	re   *regexp.Regexp
	role colRole
}{
	{regexp.MustCompile(`(?i)vrsta|tip kazalnika|^tip$`), colKind},
	{regexp.MustCompile(`(?i)izhodi[šs]`), colBaseline},
	{regexp.MustCompile(`(?i)predviden|ciljn|na[čc]rtovan|planiran|^plan|^cilj`), colTarget},
	{regexp.MustCompile(`(?i)dose[žz]en|realizacij|dejansk|^vrednost`), colValue},
	{regexp.MustCompile(`(?i)merska enota|^enota|^em$|^mera`), colUnit},
	{regexp.MustCompile(`(?i)naziv|kazalnik|indikator|^opis|^ime`), colLabel},
	{regexp.MustCompile(`(?i)^projekt|^program|^operacija|^aktivnost$`), colProject},
	{regexp.MustCompile(`(?i)^[šs]ifra|^oznaka|^id$|^št\.?$|^zap`), colCode},
	{regexp.MustCompile(`(?i)^opomb|^vir\b|^komentar`), colNote},
}

var yearCell = regexp.MustCompile(`^(?:leto\s+)?((?:19|20)\d\d)$`)

// headerRow finds the header row of a table by its meaning: the first row
// (of the first 20) whose cells name at least two column roles, or a value
// role and a year. It returns the row index and the role of each column.
func headerRow(t *letopis.Table, year int) (int, []colRole) {
	for i, row := range t.Rows {
		if i >= 20 {
			break
		}
		roles := make([]colRole, len(row))
		hits := 0
		seen := map[colRole]bool{}
		yearCols := []int{}
		for j, c := range row {
			txt := clean(c.Text)
			if txt == "" {
				continue
			}
			if m := yearCell.FindStringSubmatch(txt); m != nil {
				yearCols = append(yearCols, j)
				continue
			}
			for _, p := range colPatterns {
				if p.re.MatchString(txt) && !seen[p.role] {
					roles[j] = p.role
					seen[p.role] = true
					hits++
					break
				}
			}
		}
		if len(yearCols) > 0 && !seen[colValue] {
			// the report year's column, else the last year
			pick := yearCols[len(yearCols)-1]
			for _, j := range yearCols {
				if m := yearCell.FindStringSubmatch(clean(row[j].Text)); m != nil {
					if y, _ := strconv.Atoi(m[1]); y == year {
						pick = j
					}
				}
			}
			roles[pick] = colValue
			seen[colValue] = true
			hits++
		}
		if hits >= 2 && seen[colValue] {
			if !seen[colLabel] {
				// the first unassigned text column is the label
				for j, c := range row {
					if roles[j] == colNone && clean(c.Text) != "" {
						roles[j] = colLabel
						break
					}
				}
			}
			return i, roles
		}
	}
	return -1, nil
}

// TableFacts reads the facts of a table of indicators: a PDF table or a
// worksheet, both come through here. It finds the header row by its
// meaning (Naziv kazalnika, Vrsta kazalnika, Predvidene vrednosti,
// Dosežene vrednosti, Merska enota, a year as a column header), maps the
// columns to roles and reads each row below it: Učinek → output, Rezultat →
// result, the achieved value (a typed number, with a percent format read
// as percent, or Slovene text `22.830`, `40,32 %`), the target, and the
// unit from the unit column, the value's own sign or the label's counted
// noun. A project column names each row's activity. Rows without a value
// (titles, footnotes) and hidden rows are skipped; a value that cannot be
// read goes to the rejected list with the reason. Facts carry Location
// (page or sheet and cell), Snippet (the row) and Period (the report year);
// IDs are left to the loader.
func TableFacts(t *letopis.Table, tc TableContext) ([]letopis.Fact, []letopis.Rejected) {
	if t == nil {
		return nil, nil
	}
	lex := tc.Units
	if lex == nil {
		lex = units.Default()
	}
	hr, roles := headerRow(t, tc.Year)
	if hr < 0 {
		return nil, nil
	}
	col := func(r colRole) int {
		for j, x := range roles {
			if x == r {
				return j
			}
		}
		return -1
	}
	cLabel, cKind, cTarget, cValue, cUnit, cProject := col(colLabel), col(colKind), col(colTarget), col(colValue), col(colUnit), col(colProject)
	period := letopis.Period{}
	if tc.Year > 0 {
		period = letopis.YearPeriod(tc.Year)
	}
	var facts []letopis.Fact
	var rej []letopis.Rejected
	for i := hr + 1; i < len(t.Rows); i++ {
		if t.HiddenRows[i] {
			continue
		}
		row := t.Rows[i]
		cell := func(j int) letopis.Cell {
			if j < 0 || j >= len(row) {
				return letopis.Cell{Kind: letopis.CellEmpty}
			}
			return row[j]
		}
		snippet := rowText(row)
		label := clean(cell(cLabel).Text)
		vc := cell(cValue)
		loc := letopis.Location{Page: t.Page, Sheet: t.Sheet, Cell: vc.Ref, BBox: vc.BBox}
		if t.Page == 0 && t.Sheet == "" && vc.Ref == "" {
			loc.Cell = letopis.CellRef(i, cValue)
		}
		if vc.Kind == letopis.CellEmpty || strings.TrimSpace(vc.Text) == "" && vc.Kind != letopis.CellNumber {
			continue
		}
		act, actKey := tc.Activity, tc.ActivityKey
		if p := clean(cell(cProject).Text); p != "" {
			act, actKey = p, ""
		}
		if actKey == "" && act != "" {
			actKey = ActivityKey(act)
		}
		v, vu, q, reason := cellValue(vc)
		if reason != "" {
			rej = append(rej, letopis.Rejected{Text: vc.Text, Reason: reason, Activity: act, Location: loc, Snippet: snippet})
			continue
		}
		if label == "" {
			rej = append(rej, letopis.Rejected{Text: vc.Text, Reason: "table row without an indicator", Activity: act, Location: loc, Snippet: snippet})
			continue
		}
		f := letopis.Fact{
			Activity: act, ActivityKey: actKey,
			Indicator: strings.TrimRight(label, ". "), Kind: kindOf(cell(cKind).Text),
			Value: v, Qualifier: q, Period: period, Location: loc, Snippet: snippet, Confidence: 0.95,
		}
		f.IndicatorKey = IndicatorKey(f.Indicator)
		if tcell := cell(cTarget); cTarget >= 0 && (tcell.Kind == letopis.CellNumber || strings.TrimSpace(tcell.Text) != "") {
			if tv, tu, _, r := cellValue(tcell); r == "" {
				f.Target = letopis.Float(tv)
				if vu == "" {
					vu = tu
				}
			}
		}
		f.Unit = tableUnit(vu, clean(cell(cUnit).Text), label, lex)
		facts = append(facts, f)
	}
	return facts, rej
}

func rowText(row []letopis.Cell) string {
	var parts []string
	for _, c := range row {
		if t := clean(c.Text); t != "" {
			parts = append(parts, t)
		}
	}
	return strings.Join(parts, " | ")
}

func kindOf(s string) letopis.Kind {
	f := fold(s)
	switch {
	case strings.Contains(f, "ucin") || strings.Contains(f, "output"):
		return letopis.KindOutput
	case strings.Contains(f, "rezult") || strings.Contains(f, "result"):
		return letopis.KindResult
	}
	return letopis.KindOther
}

// cellValue reads a value cell: a typed number (a percent format gives the
// percentage) or Slovene text. It returns the reason when it refuses.
func cellValue(c letopis.Cell) (float64, letopis.Unit, letopis.Qualifier, string) {
	switch c.Kind {
	case letopis.CellNumber:
		if strings.Contains(c.Format, "%") {
			return c.Number * 100, letopis.UnitPercent, letopis.Exact, ""
		}
		return c.Number, "", letopis.Exact, ""
	case letopis.CellDate:
		return 0, "", "", "a date, not a quantity"
	}
	v, u, q, err := parseCell(c.Text)
	if err != nil {
		return 0, "", "", err.Error()
	}
	return v, u, q, ""
}

// tableUnit decides a row's unit: the value's own sign (%, EUR), the unit
// column (število oseb, ur, %), or the label (Delež … → percent, Število
// oseb … → persons).
func tableUnit(vu letopis.Unit, unitText, label string, lex *units.Lexicon) letopis.Unit {
	if vu != "" {
		return vu
	}
	if unitText != "" {
		for _, w := range strings.Fields(unitText) {
			if u, ok := lex.Lookup(w); ok {
				return u
			}
		}
	}
	fl := fold(label)
	if strings.HasPrefix(fl, "delez") || strings.HasPrefix(fl, "odstot") {
		return letopis.UnitPercent
	}
	for _, w := range strings.Fields(label) {
		if u, ok := lex.Lookup(w); ok {
			return u
		}
	}
	return letopis.UnitOther
}
