package transform

import (
	"errors"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/letopis/letopis"
	"github.com/letopis/letopis/internal/slfmt"
	"github.com/letopis/letopis/transform/slnum"
	"github.com/letopis/letopis/transform/units"
)

// TableContext is what TableFacts needs to know of the report a table
// belongs to.
type TableContext struct {
	Activity    string         // the activity the table belongs to, "" if none (a project column overrides it)
	ActivityKey string         // its key; computed from Activity if ""
	Year        int            // the report year: the default period, and the column to read when columns are years
	Units       *units.Lexicon // nil: the built-in lexicon

	head   *header // the table's header when it is already known (a worksheet's), nil to find it
	strict bool    // only a header that names its columns' roles (a worksheet's): none found by shape
}

// ErrNoHeader is the cause when a worksheet has no row that names its
// columns, so that nothing in it can be read as an indicator.
var ErrNoHeader = errors.New("no header row naming the columns (such as Naziv kazalnika, Dosežena vrednost, Merska enota, Znesek)")

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
	colFrom    // start of the value's period (Obdobje od)
	colTo      // end of the value's period (Obdobje do)
	colPeriod  // the value's period in one cell (Obdobje)
	colDerived // an index or a difference of other columns (Indeks, R/N)
	colDate    // dates (Datum)
	colAttr    // a property of the row's thing (Nadmorska višina): no result of the year
	colLead    // who leads the row's project (Nosilec, Vodilni partner)
)

// colPatterns name the column roles by the words of their headers; the
// first pattern that matches a header cell wins.
var colPatterns = []struct {
	re   *regexp.Regexp
	role colRole
}{
	{regexp.MustCompile(`(?i)^(?:obdobje|datum|veljavnost)\s+od\b|^od$|^za[čc]etek|^datum za[čc]etka`), colFrom},
	{regexp.MustCompile(`(?i)^(?:obdobje|datum|veljavnost)\s+do\b|^do$|^konec|^datum (?:konca|zaklju[čc]ka)`), colTo},
	{regexp.MustCompile(`(?i)^obdobje\b|^trajanje`), colPeriod},
	{regexp.MustCompile(`(?i)vrsta|tip kazalnika|^tip$`), colKind},
	{regexp.MustCompile(`(?i)izhodi[šs]`), colBaseline},
	{regexp.MustCompile(`(?i)predviden|ciljn|na[čc]rtovan|planiran|^plan|^cilj|^na[čc]rt\b|^odobren|^dodeljen|^pogodben`), colTarget},
	{regexp.MustCompile(`(?i)dose[žz]en|realizacij|realiziran|dejansk|^vrednost|^znesek|^iznos|^porabljen|^izpla[čc]an|^kori[šs][čc]en`), colValue},
	{regexp.MustCompile(`(?i)merska enota|^enota|^em$|^mera`), colUnit},
	{regexp.MustCompile(`(?i)naziv|kazalnik|indikator|^opis|^ime`), colLabel},
	{regexp.MustCompile(`(?i)^projekt|^program|^operacija|^aktivnost$`), colProject},
	{regexp.MustCompile(`(?i)^[šs]ifra|^oznaka|^id$|^št\.?$|^zap`), colCode},
	{regexp.MustCompile(`(?i)nadmorsk|\bn\.\s*v\.|^vi[šs]ina\b|^letnica\b|^leto (?:izgradnje|izdaje|rojstva|ustanovitve)`), colAttr},
	{regexp.MustCompile(`(?i)^nosil(?:ec|ka)\b|^vodilni partner|^koordinator|^prijavitelj`), colLead},
	{regexp.MustCompile(`(?i)^opomb|^vir\b|^viri\b|^komentar|^financer|^sofinancer|^donator|^sklad\b`), colNote},
}

var (
	yearCell = regexp.MustCompile(`^(?:leto\s+)?((?:19|20)\d\d)$`)
	// titleCell is a report title, never a column header, though its
	// words (doseženih kazalnikih) are those of headers.
	titleCell = regexp.MustCompile(`(?i)^(?:letno\s+|zaklju[čc]no\s+|vmesno\s+)?poro[čc]il|^report\b`)
	// headUnit is the unit a column header states: Znesek (EUR), Vrednost v %.
	headUnit = regexp.MustCompile(`(?i)(?:\(\s*|\bv\s+|\[\s*)(eur|€|%|ur|oseb)\s*[)\]]?\s*$`)
	// footnote opens a note row under a table: Opomba: …, * …, Vir: …
	footnote = regexp.MustCompile(`(?i)^(?:opomb[ae]|op\.|pojasnil[oa]|legenda|vir|viri|note|\*+)(?:\s|:|$)`)
	// totalCell is the label of a total row: Skupaj, SKUPAJ:, Skupaj (EUR).
	// Prihodki skupaj, Vsi programi skupaj.
	totalCell = regexp.MustCompile(`(?i)^(?:skupaj|skupno|vsota|se[sš]tevek|zbirno|total|sum)\b|\sskupaj\s*:?$`)
	// kindSection is a row that opens the outputs or the results of a table.
	kindSection = regexp.MustCompile(`(?i)^(?:kazalnik[ia]?\s+)?(?:u[čc]in|rezultat)`)
)

// maxHeaderCell is the longest text a header cell may have: longer cells
// are titles or notes.
const maxHeaderCell = 100

// header is the header row of a table and the role of each column.
type header struct {
	row      int
	roles    []colRole
	units    []letopis.Unit // the unit each column's header states, "" if none
	years    map[int]int    // column → year, for columns headed by a year
	yearCols []int          // the columns headed by a year, in order
	valueYr  int            // the year of the value column when it is a year column, 0 otherwise
	distinct int
}

// headerOf finds the header row of a table by its meaning: the first row
// (of the first 20) whose own cells (merged copies count once) name at
// least two column roles, one of them the value or a year. Report titles
// and long texts are no header cells. Which row it is does not depend on
// the report year; when the values stand in year columns, the value
// column is the last of them until forYear picks the report year's.
// It returns nil when no row is a header.
func headerOf(t *letopis.Table) *header {
	for i, row := range t.Rows {
		if i >= 20 {
			break
		}
		if t.HiddenRows[i] {
			continue
		}
		if h := headerAt(row, i); h != nil {
			return h
		}
	}
	return nil
}

// headerAt reads row i as a header: its own cells name at least two column
// roles, one of them the value or a year; nil if they do not.
func headerAt(row []letopis.Cell, i int) *header { return headerRow(row, i, false) }

// headerRow is headerAt; with labelFirst the first column is the labels'
// whatever its header says (a table turned over: its first header cell
// names the times down the side, Leto).
func headerRow(row []letopis.Cell, i int, labelFirst bool) *header {
	h := &header{row: i, roles: make([]colRole, len(row)), units: make([]letopis.Unit, len(row)), years: map[int]int{}}
	hits := 0
	seen := map[colRole]bool{}
	for j, c := range row {
		txt := clean(c.Text)
		if txt == "" || c.Merged || len(txt) > maxHeaderCell || titleCell.MatchString(txt) {
			continue
		}
		h.distinct++
		if m := yearCell.FindStringSubmatch(txt); m != nil {
			y, _ := strconv.Atoi(m[1])
			h.years[j] = y
			h.yearCols = append(h.yearCols, j)
			continue
		}
		if c.Kind != letopis.CellText {
			continue
		}
		if m := headUnit.FindStringSubmatch(txt); m != nil {
			h.units[j] = signUnit(m[1])
		}
		for _, p := range colPatterns {
			if p.re.MatchString(txt) && (!seen[p.role] || secondPair(h, j, p.role)) {
				h.roles[j] = p.role
				if !seen[p.role] {
					hits++
				}
				seen[p.role] = true
				break
			}
		}
	}
	if labelFirst && len(row) > 0 && h.roles[0] == colNone && !seen[colLabel] {
		h.roles[0] = colLabel
		seen[colLabel] = true
		hits++
	}
	if len(h.yearCols) > 0 && !seen[colValue] {
		pick := h.yearCols[len(h.yearCols)-1]
		h.roles[pick] = colValue
		h.valueYr = h.years[pick]
		seen[colValue] = true
		hits++
	}
	if hits < 2 || !seen[colValue] || h.distinct < 2 {
		return nil
	}
	if !seen[colLabel] {
		// the first unassigned text column is the label
		for j, c := range row {
			if h.roles[j] == colNone && clean(c.Text) != "" && !c.Merged {
				if _, isYear := h.years[j]; !isYear {
					h.roles[j] = colLabel
					break
				}
			}
		}
	}
	return h
}

// secondPair reports whether column j may take a value or target role
// that an earlier column holds: when its header states another unit
// (Načrtovano | Realizirano | Odobreno (EUR) | Porabljeno (EUR): the
// counts of the row and the money of its project).
func secondPair(h *header, j int, role colRole) bool {
	if role != colValue && role != colTarget {
		return false
	}
	for k := 0; k < j; k++ {
		if h.roles[k] == role && h.units[k] == h.units[j] {
			return false
		}
	}
	return true
}

// forYear returns the header with the value column of the report year
// when the values stand in year columns (the last column headed by year,
// else the last year column), h itself when nothing changes.
func (h *header) forYear(year int) *header {
	if h == nil || h.valueYr == 0 || year == 0 {
		return h
	}
	pick := -1
	for _, j := range h.yearCols {
		if h.years[j] == year {
			pick = j
		}
	}
	if pick < 0 || h.roles[pick] == colValue {
		return h
	}
	c := *h
	c.roles = slices.Clone(h.roles)
	for j, r := range c.roles {
		if r == colValue {
			c.roles[j] = colNone
		}
	}
	c.roles[pick] = colValue
	c.valueYr = year
	return &c
}

// signUnit maps a unit sign or word of a header to a unit.
func signUnit(s string) letopis.Unit {
	switch strings.ToLower(s) {
	case "eur", "€":
		return letopis.UnitEUR
	case "%":
		return letopis.UnitPercent
	case "ur":
		return letopis.UnitHours
	case "oseb":
		return letopis.UnitPersons
	}
	return ""
}

// tableResult is what tableFacts reads from one table.
type tableResult struct {
	header     int // the header row, -1 if none was found
	facts      []letopis.Fact
	rejected   []letopis.Rejected
	activities []letopis.Activity // the distinct projects of a project column or of section rows
	funders    []string           // the funders a form names above its table (Sofinancer: …)
	err        error              // reading the rows of a streamed table (Table.More)
}

// TableFacts reads the facts of a table of indicators: a PDF table or a
// worksheet, both come through here. It finds the header row by its
// meaning (Naziv kazalnika, Vrsta kazalnika, Predvidene vrednosti,
// Dosežene vrednosti, Merska enota, Znesek, Obdobje od/do, a year as a
// column header), so that title rows above it are left out, maps the
// columns to roles and reads each row below it: Učinek → output, Rezultat →
// result, the achieved value (a typed number, with a percent format read
// as percent, or Slovene text `22.830`, `40,32 %`), the target (nil when
// empty), the unit from the unit column, the header (`Znesek (EUR)`), the
// value's own sign or the label's counted noun, and the period from period
// columns or the year column read, else the report year. A project column
// names each row's activity; without one, a row holding one text only
// (a section row) names the activity of the rows below it in a worksheet,
// or opens their kind (`Učinki`, `Rezultati`). Footnote rows (`Opomba: …`),
// rows without a value, merged copies of a value and hidden rows are
// skipped; a total row (`Skupaj`), a value of another year than the one
// read and a value that cannot be read go to the rejected list with the
// reason. Facts carry Location (page, or sheet and the A1 cell of the
// value), Snippet (the row) and Confidence; IDs are left to the loader.
//
// The rows are read once, forward, with Table.EachRow, so a streamed
// worksheet (Table.More) never sits in memory whole: the header is looked
// for in the first 20 rows, which Rows holds. An error reading the
// streamed rows ends the reading and is the last rejected value (reason
// "rows not read: …"); Read returns it as an error instead.
func TableFacts(t *letopis.Table, tc TableContext) ([]letopis.Fact, []letopis.Rejected) {
	res := tableFacts(t, tc)
	if res.err != nil {
		res.rejected = append(res.rejected, letopis.Rejected{Reason: "rows not read: " + res.err.Error(),
			Location: letopis.Location{Page: t.Page, Sheet: t.Sheet}})
	}
	return res.facts, res.rejected
}

func tableFacts(t *letopis.Table, tc TableContext) tableResult {
	res := tableResult{header: -1}
	if t == nil {
		return res
	}
	lex := tc.Units
	if lex == nil {
		lex = units.Default()
	}
	h := tc.head
	if h == nil {
		h = headerOf(t)
	}
	if h == nil && tc.head == nil {
		// indicators across the top, times down the side
		if tt := transposed(t); tt != nil {
			if th := headerRow(tt.Rows[0], 0, true); th != nil {
				t, h = tt, th
			}
		}
	}
	if h == nil && !tc.strict {
		h = shapeHeader(t, lex)
	}
	h = h.forYear(tc.Year)
	if h == nil {
		return res
	}
	h, top := extendHeader(t, h)
	res.header = h.row
	g := analyseColumns(t, h, top, tc.Year, lex)
	formFields(t, top, tc, lex, g.period, &res)
	headRow := h.row
	col := func(r colRole) int {
		for j, x := range g.roles {
			if x == r {
				return j
			}
		}
		return -1
	}
	cKind, cUnit, cProject, cLead := col(colKind), col(colUnit), col(colProject), col(colLead)
	cFrom, cTo, cPeriod := col(colFrom), col(colTo), col(colPeriod)
	blank := false // the row before was empty
	secAct, secKind, secLabel := "", letopis.Kind(""), ""
	seenAct := map[string]int{}         // activity key → index in res.activities
	unitOfCol := map[int]letopis.Unit{} // the unit of each value column's rows, for its total
	pending := ""                       // the first line of a wrapped label
	lastProj := ""                      // the project of the last row that named one
	projMerged := false                 // the project column spreads projects by merged cells
	mixed := g.mixedUnits()             // value columns of counts and of money side by side
	var sumAbove runningSum             // the first value column's rows since the last total
	res.err = t.EachRow(func(i int, row []letopis.Cell, hidden bool) bool {
		if i <= headRow || hidden {
			return true
		}
		cell := func(j int) letopis.Cell {
			if j < 0 || j >= len(row) {
				return letopis.Cell{Kind: letopis.CellEmpty}
			}
			return row[j]
		}
		own := ownTexts(row)
		if len(own) == 0 {
			blank = true
			return true
		}
		// a second table under the first, after an empty row: its own
		// header, its own columns
		if blank {
			blank = false
			if hh := headerAt(row, i); hh != nil && !quantityRow(row, lex) {
				sub := &letopis.Table{Sheet: t.Sheet, Page: t.Page, Date1904: t.Date1904, Rows: [][]letopis.Cell{row}}
				if i < len(t.Rows) {
					sub.Rows = t.Rows[i:]
				}
				hh.row = 0
				g = analyseColumns(sub, hh.forYear(tc.Year), 0, tc.Year, lex)
				headRow = i
				cKind, cUnit, cProject, cLead = col(colKind), col(colUnit), col(colProject), col(colLead)
				cFrom, cTo, cPeriod = col(colFrom), col(colTo), col(colPeriod)
				secAct, secKind, secLabel, pending, lastProj = "", "", "", "", ""
				projMerged, mixed = false, g.mixedUnits()
				clear(unitOfCol)
				return true
			}
		}
		snippet := rowText(row)
		values := g.rowValues(row)
		if footnote.MatchString(own[0]) && (len(own) == 1 || len(values) == 0) {
			return true // a note under the table
		}
		first := math.NaN() // the row's first value, for the sum a total states
		if len(values) > 0 {
			if v, _, _, r := cellQuantity(cell(values[0]), lex); r == "" {
				first = v
			}
		}
		total := isTotalRow(row, values, first, sumAbove)
		switch {
		case total:
			sumAbove = runningSum{}
		case !math.IsNaN(first):
			sumAbove.sum += first
			sumAbove.n++
		}
		act, actKey := tc.Activity, tc.ActivityKey
		if secAct != "" {
			act, actKey = secAct, ""
		}
		projCell := cell(cProject)
		projMerged = projMerged || projCell.Merged
		if p := activityTitle(projCell.Text); p != "" && !total {
			act, actKey = p, ""
			lastProj = p
		} else if cProject >= 0 && lastProj != "" && !total && clean(projCell.Text) == "" && !projMerged {
			// a project cell left empty under a project (a merged cell
			// flattened by a CSV export, or one not drawn): the same
			// project goes on
			act, actKey = lastProj, ""
		}
		if actKey == "" && act != "" {
			actKey = ActivityKey(act)
		}
		reject := func(c letopis.Cell, reason string) {
			res.rejected = append(res.rejected, letopis.Rejected{Text: c.Text, Reason: reason, Activity: act,
				Location: cellLocation(t, c, i), Snippet: snippet})
		}
		// numbers outside the value columns: other years, derived values,
		// row numbers, dates
		for j, why := range g.notRead {
			if c := cell(j); why != "" && !c.Merged && (c.Kind == letopis.CellNumber || c.Kind == letopis.CellDate || hasDigit(c.Text)) {
				reject(c, why)
			}
		}
		if len(values) == 0 {
			// the first line of a label wrapped over two rows, its value
			// on the second (`Javni razpisi (MOP, MO` | `Ptuj)` 51.230,00)
			if len(own) == 1 && !hasNumber(row) && unbalanced(own[0]) {
				pending = own[0]
				return true
			}
			// a section row: one text over the row, no value
			if len(own) == 1 && !hasNumber(row) {
				switch {
				case kindSection.MatchString(own[0]):
					secKind = kindOf(own[0])
				case finSection.MatchString(own[0]) || t.Sheet == "" && !typedTitle.MatchString(own[0]):
					secLabel = own[0]
				case cProject < 0:
					secAct = activityTitle(own[0])
				}
				return true
			}
			// a sentence in a cell, numbers in the prose
			for _, j := range g.prose {
				c := cell(j)
				raw, rej := sentenceFacts(clean(c.Text), lex, false)
				for _, x := range rej {
					reject(letopis.Cell{Text: x.Text, Ref: c.Ref, BBox: c.BBox}, x.Reason)
				}
				for _, f := range raw {
					res.facts = append(res.facts, letopis.Fact{Activity: act, ActivityKey: actKey, Indicator: f.Indicator,
						IndicatorKey: IndicatorKey(f.Indicator, f.Unit), Kind: letopis.KindOther, Unit: f.Unit, Value: f.Value, Qualifier: f.Qualifier,
						ShareValue: f.ShareValue, ShareOf: f.ShareOf, Target: f.Target, Period: g.period, Location: cellLocation(t, c, i),
						Snippet: clean(c.Text), Confidence: f.Confidence})
				}
			}
			return true
		}
		label := g.label(row)
		if pending != "" {
			label, pending = clean(pending+" "+label), ""
		}
		if act != "" {
			k, ok := seenAct[actKey]
			if !ok {
				aloc := letopis.Location{Page: t.Page, Sheet: t.Sheet, Cell: projCell.Ref, BBox: projCell.BBox}
				res.activities = append(res.activities, letopis.Activity{Title: act, Key: actKey, Location: aloc})
				k = len(res.activities) - 1
				seenAct[actKey] = k
			}
			// the period column of a project's row: when it ran
			if a := &res.activities[k]; a.Period.Start.IsZero() && cProject >= 0 && cPeriod >= 0 && clean(projCell.Text) != "" {
				if p, ok := rowPeriod(letopis.Cell{}, letopis.Cell{}, cell(cPeriod), t.Date1904); ok && !p.Start.IsZero() && !p.End.IsZero() {
					a.Period = p
				}
			}
			// a lead column names who leads the row's project
			if cLead >= 0 && cProject >= 0 && res.activities[k].LeadPartner == "" {
				if lead := clean(cell(cLead).Text); lead != "" && hasCapital(lead) {
					res.activities[k].LeadPartner = lead
				}
			}
			// a source column names who funds the row's project
			if j := g.source; j >= 0 && cProject >= 0 {
				if src := clean(cell(j).Text); src != "" && hasCapital(src) {
					a := &res.activities[k]
					a.Funders = dedupe(append(a.Funders, src))
				}
			}
		}
		kind := kindOf(cell(cKind).Text)
		if kind == letopis.KindOther && secKind != "" && clean(cell(cKind).Text) == "" {
			kind = secKind
		}
		for _, j := range values {
			vc := cell(j)
			v, vu, q, reason := cellQuantity(vc, lex)
			if reason != "" {
				reject(vc, reason)
				continue
			}
			ind := label
			switch {
			case g.labelCol >= 0 && g.roles[g.labelCol] == colNote && label != "" && stripHeadUnit(g.heads[j]) != "" && !signHead.MatchString(g.heads[j]):
				// a finance row named by its source: Znesek (Občina Brdonje)
				ind = stripHeadUnit(g.heads[j]) + " (" + label + ")"
			case mixed && g.units[j] == "" && label != "":
				// the row's count beside its project's money: the label
			case mixed && label != "":
				// the money of the row's project: Porabljeno (Tečaj …)
				of := label
				if cProject >= 0 && act != "" {
					of = act
				}
				ind = stripHeadUnit(g.heads[j]) + " (" + of + ")"
			case len(g.values) > 1 && label != "":
				ind = g.heads[j] + " (" + label + ")"
			case label != "" && g.nouns[j] != "" && g.nouns[j] != letopis.UnitEUR && g.nouns[j] != letopis.UnitPercent && !hasLexiconWord(label, lex) && !signHead.MatchString(g.heads[j]):
				// the one count column names what is counted, the row
				// only where: Udeležencev (Krvavec)
				ind = stripHeadUnit(g.heads[j]) + " (" + label + ")"
			case label == "" && g.heads[j] != "":
				ind = g.heads[j]
			}
			if secLabel != "" && ind != "" {
				ind += " (" + strings.ToLower(secLabel) + ")"
			}
			if ind == "" {
				reject(vc, "table row without an indicator")
				continue
			}
			f := letopis.Fact{
				Activity: act, ActivityKey: actKey,
				Indicator: strings.TrimRight(ind, ".: "), Kind: kind,
				Value: v, Qualifier: q, Period: g.period, Location: cellLocation(t, vc, i), Snippet: snippet, Confidence: 0.95,
				Total: total,
			}
			if p, ok := rowPeriod(cell(cFrom), cell(cTo), cell(cPeriod), t.Date1904); ok {
				f.Period = p
			}
			if tj := g.target[j]; tj >= 0 {
				if tcell := cell(tj); !tcell.Merged && (tcell.Kind == letopis.CellNumber || strings.TrimSpace(tcell.Text) != "") {
					if tv, tu, _, r := cellQuantity(tcell, lex); r == "" {
						f.Target = letopis.Float(tv)
						if vu == "" {
							vu = tu
						}
					}
				}
			}
			f.Unit = g.unit(j, vu, clean(cell(cUnit).Text), label, lex)
			switch {
			case total && f.Unit == letopis.UnitOther && unitOfCol[j] != "":
				f.Unit = unitOfCol[j] // Skupaj counts what the rows above count
			case !total:
				unitOfCol[j] = f.Unit
			}
			f.IndicatorKey = IndicatorKey(f.Indicator, f.Unit)
			res.facts = append(res.facts, f)
		}
		return true
	})
	for k := range res.activities {
		res.activities[k].Funders = dedupe(append(res.activities[k].Funders, res.funders...))
	}
	return res
}

// unbalanced reports whether a text opens a parenthesis it does not close,
// or ends in a comma or a hyphen: a label that goes on in the next row.
func unbalanced(s string) bool {
	return strings.Count(s, "(") > strings.Count(s, ")") || strings.HasSuffix(s, ",") || strings.HasSuffix(s, "-")
}

// ownTexts returns the distinct texts of a row's own cells (merged copies
// left out), in column order.
func ownTexts(row []letopis.Cell) []string {
	var out []string
	seen := map[string]bool{}
	for _, c := range row {
		t := clean(c.Text)
		if t == "" || c.Merged || seen[t] {
			continue
		}
		seen[t] = true
		out = append(out, t)
	}
	return out
}

func hasNumber(row []letopis.Cell) bool {
	for _, c := range row {
		if c.Kind == letopis.CellNumber && !c.Merged {
			return true
		}
	}
	return false
}

// runningSum adds up a value column's rows since its last total.
type runningSum struct {
	sum float64
	n   int
}

// isTotalRow reports whether a row is a total: a cell before the value
// columns labels it as one (Skupaj, SKUPAJ:, Prihodki skupaj). `Skupaj`
// before a preposition is also the adverb (`Skupaj proti osamljenosti`,
// a programme's name): such a row is a total only when its first value is
// the sum of the rows above it.
func isTotalRow(row []letopis.Cell, values []int, first float64, above runningSum) bool {
	cValue := -1
	if len(values) > 0 {
		cValue = values[0]
	}
	for j, c := range row {
		if j >= cValue && cValue >= 0 {
			break
		}
		t := clean(c.Text)
		if !totalCell.MatchString(t) {
			continue
		}
		if togetherWith.MatchString(t) {
			return above.n >= 2 && !math.IsNaN(first) && math.Abs(first-above.sum) <= 0.005*math.Max(1, math.Abs(first))
		}
		return true
	}
	return false
}

// togetherWith is `skupaj` as the adverb, before a preposition.
var togetherWith = regexp.MustCompile(`(?i)^skupaj\s+(?:proti|z|s|za|v|na|do|od|iz|po|pri|k|h|o|brez|med|nad|pod|pred)\s`)

// activityTitle cleans a project cell or section row into an activity
// title: quotes, numbering and a leading `Projekt`/`Program` removed, as
// the headings of a PDF report are.
func activityTitle(s string) string {
	title := titleText(s)
	if title == "" {
		return ""
	}
	if t := leadType.ReplaceAllString(title, ""); t != title && t != "" && len(letters(t)) > 2 && !prepositions[strings.ToLower(strings.Fields(t)[0])] {
		title = t
	}
	return title
}

// rowPeriod reads a row's period from its period columns: a start and an
// end cell (dates, serial numbers of the date system of the workbook,
// date1904, or Slovene text), or one cell holding a period. A missing end
// leaves the period open.
func rowPeriod(from, to, one letopis.Cell, date1904 bool) (letopis.Period, bool) {
	if one.Kind != letopis.CellEmpty && strings.TrimSpace(one.Text) != "" {
		if p, err := slnum.ParsePeriod(one.Text); err == nil {
			return p, true
		}
		if d, prec, err := slnum.CellDate(one, date1904); err == nil {
			return letopis.Period{Start: d, End: d, Precision: prec}, true
		}
	}
	s, sp, serr := dateCell(from, date1904)
	e, ep, eerr := dateCell(to, date1904)
	switch {
	case serr == nil && eerr == nil:
		if e.Before(s) {
			return letopis.Period{}, false
		}
		return letopis.Period{Start: s, End: e, Precision: min(sp, ep)}, true
	case serr == nil:
		return letopis.Period{Start: s, Precision: sp, OpenEnd: true}, true
	case eerr == nil:
		return letopis.Period{End: e, Precision: ep, OpenStart: true}, true
	}
	return letopis.Period{}, false
}

// dateCell reads a cell of a date column: a date cell, a date-formatted
// number, a plain number that is a plausible serial date (1990–2100) or
// Slovene text.
func dateCell(c letopis.Cell, date1904 bool) (letopis.Date, letopis.Precision, error) {
	if c.Kind == letopis.CellNumber && !slfmt.IsDateFormat(c.Format) {
		if d, err := slfmt.SerialDate(c.Number, date1904); err == nil && d.Year >= 1990 && d.Year < 2100 {
			return d, letopis.PrecisionDay, nil
		}
	}
	return slnum.CellDate(c, date1904)
}

// rowText returns the row as text: its own cells' texts joined by " | ".
func rowText(row []letopis.Cell) string {
	var parts []string
	for _, c := range row {
		if t := clean(c.Text); t != "" && !c.Merged {
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
		if strings.Contains(c.Format, "€") || strings.Contains(strings.ToUpper(c.Format), "EUR") {
			return c.Number, letopis.UnitEUR, letopis.Exact, "" // a currency format: 14.250,00 €
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

// identLabel labels a number that identifies or dates rather than counts:
// Matična številka, Davčna številka, Telefon, TRR, Datum oddaje.
var identLabel = regexp.MustCompile(`(?i)mati[čc]n|dav[čc]n|telefon|\btel\b|\btrr\b|iban|ra[čc]un|datum|emšo|emso|po[šs]tn|[šs]ifra|id\b|registrsk|\bleto\b`)

// formFields reads the fields of a form above a table's header (a
// funder's form: `Število članov na dan 31. 12. 2021: | 642 | od tega
// invalidov: | 518`): a label ending in a colon and the number in the next
// cell is a fact of the organisation, named by its label. Fields that
// identify or date (Matična številka, Datum oddaje) are left out.
// funderLabel is the label of a form field that names a funder.
var funderLabel = regexp.MustCompile(`(?i)^(?:so)?financer(?:ji|ka)?$|^donator(?:ji)?$|^financira$`)

func formFields(t *letopis.Table, top int, tc TableContext, lex *units.Lexicon, period letopis.Period, res *tableResult) {
	for i := 0; i < top && i < len(t.Rows); i++ {
		row := t.Rows[i]
		for j := 0; j < len(row); j++ {
			c := row[j]
			label := clean(c.Text)
			if c.Merged || !strings.HasSuffix(label, ":") || !hasLetter(label) {
				continue
			}
			k := j + 1
			for k < len(row) && (row[k].Merged || clean(row[k].Text) == "" && row[k].Kind != letopis.CellNumber) {
				k++
			}
			if k >= len(row) {
				continue
			}
			vc := row[k]
			ind := strings.TrimSpace(strings.TrimSuffix(label, ":"))
			if funderLabel.MatchString(ind) {
				// who funds what the form reports: Sofinancer: Občina X
				if name := clean(vc.Text); hasCapital(name) {
					res.funders = append(res.funders, name)
				}
				continue
			}
			if identLabel.MatchString(ind) {
				continue
			}
			v, vu, q, reason := cellQuantity(vc, lex)
			if reason != "" {
				continue
			}
			unit := vu
			if unit == "" {
				unit = tableUnit("", "", ind, lex)
			}
			res.facts = append(res.facts, letopis.Fact{Activity: tc.Activity, ActivityKey: tc.ActivityKey, Indicator: ind,
				IndicatorKey: IndicatorKey(ind, unit), Kind: letopis.KindOther, Unit: unit, Value: v, Qualifier: q, Period: period,
				Location: cellLocation(t, vc, i), Snippet: label + " " + clean(vc.Text), Confidence: 0.8})
			j = k
		}
	}
}
