package transform

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"github.com/letopis/letopis"
	"github.com/letopis/letopis/transform/slnum"
	"github.com/letopis/letopis/transform/units"
)

// A table is read by what its header and its cells say of each column, in
// any of the shapes reports give it:
//
//   - indicators in rows, their value in one column (Dosežena vrednost,
//     Realizacija, Znesek, the report year's column), a target beside it;
//   - things in rows and one count in each column (Selekcija | Število
//     igralcev | Treningov | Tekem): every count cell is a fact, named by its
//     column and its row;
//   - a finance table (Vir | EUR) with section rows (PRIHODKI, ODHODKI) and
//     total rows (Skupaj): totals are facts marked Total;
//   - a header of two rows (Načrt | Realizacija over 2021 | 2022), or none
//     at all;
//   - rows numbered in a column of their own (Št.), or holding a sentence:
//     the numbers of the sentence are read as prose.
//
// Columns of other years, indexes and differences (Indeks, R/N, Razlika),
// row numbers and dates are no facts; their numbers are refused with the
// reason.

var (
	// finSection is a section row of a finance table.
	finSection = regexp.MustCompile(`(?i)^(?:prihodki|odhodki|stro[šs]ki|viri|izdatki|prejemki|sredstva|financiranje|poraba)\b`)
	// shareHead is the header of a column of shares (Delež (%)), derived
	// when a column of the amounts stands beside it.
	shareHead = regexp.MustCompile(`(?i)^\s*dele[žz](?:$|[^\pL])`)
	// derivedHead is the header of a column computed from others.
	derivedHead = regexp.MustCompile(`(?i)indeks|index|razlika|odstopanj|sprememb|\brast\b|\b[rn]\s*/\s*[rn]\b|%\s*realizacij|realizacij\w*\s*(?:v\s*)?%|dose[žz]en\w*\s*(?:v\s*)?%|primerjav|povpre[čc]j`)
	// codeHead is the header of a column of row numbers or codes.
	codeHead = regexp.MustCompile(`(?i)^(?:[šs]t\.?|zap\.?\s*[šs]t\.?|#|no\.?|[šs]ifra|oznaka|id)$`)
	// yearIn finds a year in a header text.
	yearIn = regexp.MustCompile(`\b((?:19|20)\d\d)\b`)
	// signHead is a header that is only a unit: EUR, €, %, v EUR.
	signHead = regexp.MustCompile(`(?i)^(?:v\s+)?(eur|€|%|ur)$`)
	// footMark is a footnote marker after a number: 14*, 23¹, 7 (1).
	footMark = regexp.MustCompile(`^(.*\d)\s*(?:\*+|[¹²³⁴⁵⁶⁷⁸⁹]+|\(\d\))$`)
)

// sourceHead is the header of a column naming where money came from.
var sourceHead = regexp.MustCompile(`(?i)^(?:vir\b|viri\b|financer|sofinancer|donator|podpornik|pla[čc]nik|sklad\b)`)

// stripHeadUnit leaves out the unit a header states in parentheses:
// Znesek (EUR) → Znesek.
func stripHeadUnit(head string) string {
	if m := headUnit.FindStringIndex(head); m != nil {
		return strings.TrimSpace(head[:m[0]])
	}
	return head
}

// columns is what a table's header and cells say of each column.
type columns struct {
	roles    []colRole
	heads    []string       // the header text of each column, its header rows joined
	years    []int          // the year a column's header names, 0 if none
	units    []letopis.Unit // the unit a column's header states
	nouns    []letopis.Unit // the unit of the counted noun a column's header names
	cellUnit []letopis.Unit // the unit most of a column's cells state themselves (300 obiskovalcev)
	values   []int          // the columns read as values
	target   []int          // for a value column, its target column; -1
	notRead  []string       // why a column's numbers are no facts, "" for none
	prose    []int          // text columns holding sentences with numbers
	labelCol int            // the column naming each row, -1 if none
	source   int            // the column naming each row's source of money (Vir, Financer), -1 if none
	period   letopis.Period // the period of the values
}

// shapeHeader finds a table's header by its shape when no row names its
// columns' roles: the rows above the first row holding a quantity, up to
// three of them with two cells or more (a row of one text above them is a
// title). It returns a header whose row is -1 when the first row already
// holds quantities, and nil when no row does.
func shapeHeader(t *letopis.Table, lex *units.Lexicon) *header {
	body := -1
	for i, row := range t.Rows {
		if i >= 20 {
			break
		}
		if t.HiddenRows[i] {
			continue
		}
		if quantityRow(row, lex) {
			body = i
			break
		}
	}
	if body < 0 {
		return nil
	}
	// the header: the nearest row above the first quantity with two cells
	// or more; a row of one text between them is a wrapped label or a
	// section of the body
	h := &header{row: -1, years: map[int]int{}}
	for r := body - 1; r >= 0 && r >= body-2; r-- {
		if len(ownTexts(t.Rows[r])) >= 2 {
			h.row = r
			break
		}
	}
	width := 0
	for _, r := range t.Rows {
		width = max(width, len(r))
	}
	h.roles, h.units = make([]colRole, width), make([]letopis.Unit, width)
	return h
}

// quantityRow reports whether a row holds a quantity (a number, or a text
// that reads as one, other than a year) or a sentence with numbers.
func quantityRow(row []letopis.Cell, lex *units.Lexicon) bool {
	for _, c := range row {
		t := clean(c.Text)
		if c.Merged || yearCell.MatchString(t) {
			continue
		}
		if _, _, _, r := cellQuantity(c, lex); r == "" {
			return true
		}
		if len(strings.Fields(t)) >= 5 && hasDigit(t) {
			return true
		}
	}
	return false
}

// extendHeader returns the header block of h: the rows right above its
// row that continue it (a row of group headings spread over the columns,
// `Načrt | Realizacija` over the years), and the rows right below it that
// hold only years or texts (`2021 | 2022` under them). It returns the
// header with its row moved to the last header row, and the first.
func extendHeader(t *letopis.Table, h *header) (*header, int) {
	if h.row < 0 {
		return h, 0
	}
	top := h.row
	for r := h.row - 1; r >= 0 && r >= h.row-2; r-- {
		row := t.Rows[r]
		own := ownTexts(row)
		if len(own) < 1 || !spreads(row) && len(own) < 2 || titleRow(row) || strings.HasSuffix(own[0], ":") {
			break // a form's field (Izvajalec: …) is no header
		}
		top = r
	}
	bottom := h.row
	for r := h.row + 1; r < len(t.Rows) && r <= h.row+2; r++ {
		if !headerLike(t.Rows[r]) {
			break
		}
		bottom = r
	}
	if bottom == h.row {
		return h, top
	}
	c := *h
	c.row = bottom
	return &c, top
}

// headText returns the text of header cell (r, j): a cell covered by a
// merged cell that carries no text of its own takes the text of the cell
// it is merged with, the one on its left in the row, else the one above.
func headText(t *letopis.Table, r, j int) string {
	c := t.Rows[r][j]
	if txt := clean(c.Text); txt != "" || !c.Merged {
		return txt
	}
	for k := j - 1; k >= 0; k-- {
		if x := t.Rows[r][k]; !x.Merged {
			if txt := clean(x.Text); txt != "" {
				return txt
			}
			break
		}
	}
	for q := r - 1; q >= 0; q-- {
		if j < len(t.Rows[q]) && !t.Rows[q][j].Merged {
			return clean(t.Rows[q][j].Text)
		}
	}
	return ""
}

// spreads reports whether a row has a cell spread over several columns.
func spreads(row []letopis.Cell) bool {
	for _, c := range row {
		if c.Merged && strings.TrimSpace(c.Text) != "" {
			return true
		}
	}
	return false
}

// titleRow reports whether a row is a title over the table: one text,
// long, or a report title.
func titleRow(row []letopis.Cell) bool {
	own := ownTexts(row)
	return len(own) == 1 && (len(row) > 2 && !spreads(row) || len(own[0]) > maxHeaderCell || titleCell.MatchString(own[0]))
}

// headerLike reports whether a row under a header continues it: its own
// cells are all years or short texts without digits, at least one a year
// or a role of a column (Načrt | Realizacija under 2022 | 2023).
func headerLike(row []letopis.Cell) bool {
	marks := 0
	for _, c := range row {
		t := clean(c.Text)
		if t == "" || c.Merged {
			continue
		}
		switch {
		case yearCell.MatchString(t):
			marks++
		case hasDigit(t) || len(t) > 40:
			return false
		case roleOf(t) != colNone && roleOf(t) != colLabel:
			marks++
		}
	}
	return marks > 0
}

// roleOf returns the role a header text names (see colPatterns), colNone
// if none.
func roleOf(t string) colRole {
	if derivedHead.MatchString(t) {
		return colDerived
	}
	for _, p := range colPatterns {
		if p.re.MatchString(t) {
			return p.role
		}
	}
	return colNone
}

// analyseColumns reads what each column of t is, from the header rows
// top … h.row and the cells of the first rows below them.
func analyseColumns(t *letopis.Table, h *header, top, year int, lex *units.Lexicon) *columns {
	width := len(h.roles)
	for _, r := range t.Rows {
		width = max(width, len(r))
	}
	g := &columns{roles: make([]colRole, width), heads: make([]string, width), years: make([]int, width),
		units: make([]letopis.Unit, width), nouns: make([]letopis.Unit, width), cellUnit: make([]letopis.Unit, width), target: make([]int, width),
		notRead: make([]string, width), labelCol: -1, source: -1}
	copy(g.roles, h.roles)
	for j := range g.target {
		g.target[j] = -1
	}
	// each column's header text, the header rows joined top down; the role
	// a header row's cell names, the lowest row's first (Realizacija
	// under 2023)
	for j := 0; j < width; j++ {
		for r := h.row; r >= top && r >= 0; r-- {
			if j >= len(t.Rows[r]) {
				continue
			}
			if role := roleOf(headText(t, r, j)); role != colNone && r > top || role != colNone && h.roles[j] == colNone {
				g.roles[j] = role
				break
			}
		}
		var parts []string
		for r := top; r <= h.row && r >= 0; r++ {
			if j >= len(t.Rows[r]) {
				continue
			}
			c := headText(t, r, j)
			if c != "" && (len(parts) == 0 || parts[len(parts)-1] != c) && len(c) <= maxHeaderCell && !titleCell.MatchString(c) {
				parts = append(parts, c)
			}
		}
		head := strings.Join(parts, " ")
		g.heads[j] = head
		if y, ok := h.years[j]; ok {
			g.years[j] = y
		} else if m := yearIn.FindStringSubmatch(head); m != nil && len(strings.Fields(head)) <= 4 {
			g.years[j], _ = strconv.Atoi(m[1])
		}
		if m := headUnit.FindStringSubmatch(head); m != nil {
			g.units[j] = signUnit(m[1])
		} else if m := signHead.FindStringSubmatch(head); m != nil {
			g.units[j] = signUnit(m[1])
		} else if j < len(h.units) {
			g.units[j] = h.units[j]
		}
		for _, w := range strings.Fields(head) {
			if u, ok := lex.Lookup(w); ok {
				g.nouns[j] = u
				break
			}
		}
		// a role from the joined text where the header row named none
		if g.roles[j] == colNone && head != "" {
			for _, p := range colPatterns {
				if p.re.MatchString(head) {
					g.roles[j] = p.role
					break
				}
			}
		}
		switch {
		case derivedHead.MatchString(head):
			g.roles[j] = colDerived
		case codeHead.MatchString(head):
			g.roles[j] = colCode
		}
		if g.roles[j] == colValue && g.years[j] == 0 && head != "" && yearCell.MatchString(head) {
			g.years[j], _ = strconv.Atoi(yearCell.FindStringSubmatch(head)[1])
		}
	}
	// what the cells of the first rows below the header hold
	quant, text, dates, sentences, filled := make([]int, width), make([]int, width), make([]int, width), make([]int, width), make([]int, width)
	unitVotes := make([]map[letopis.Unit]int, width)
	seq := make([]bool, width)
	for j := range seq {
		seq[j] = true
	}
	rows := 0
	for i := h.row + 1; i < len(t.Rows) && rows < TableSampleRows; i++ {
		if t.HiddenRows[i] {
			continue
		}
		if own := ownTexts(t.Rows[i]); len(own) > 0 && footnote.MatchString(own[0]) {
			continue
		}
		rows++
		for j, c := range t.Rows[i] {
			s := clean(c.Text)
			if c.Merged || s == "" && c.Kind != letopis.CellNumber {
				continue
			}
			filled[j]++
			if c.Kind == letopis.CellDate {
				dates[j]++
				continue
			}
			if _, u, _, r := cellQuantity(c, lex); r == "" {
				quant[j]++
				if u != "" {
					if unitVotes[j] == nil {
						unitVotes[j] = map[letopis.Unit]int{}
					}
					unitVotes[j][u]++
				}
				if v := cellNumber(c); v != float64(filled[j]) {
					seq[j] = false
				}
				continue
			}
			seq[j] = false
			if _, _, err := slnum.ParseDate(s); err == nil || dateLike(s) {
				dates[j]++
				continue
			}
			if hasLetter(s) {
				text[j]++
				if len(strings.Fields(s)) >= 5 && hasDigit(s) {
					sentences[j]++
				}
			}
		}
	}
	numeric := make([]bool, width)
	for j := 0; j < width; j++ {
		numeric[j] = quant[j] > 0 && quant[j]*2 >= filled[j]
		if numeric[j] && seq[j] && filled[j] >= 2 && (j == 0 || g.heads[j] == "" || g.roles[j] == colCode) && g.roles[j] != colValue {
			g.roles[j] = colCode // 1, 2, 3 … down the first column: row numbers
		}
		// `Enota` over names (MČ – medvedki in čebelice): the rows' own
		// units of the organisation, not units of measure
		if g.roles[j] == colUnit && filled[j] > 0 && !numeric[j] {
			named := 0
			for i, n := h.row+1, 0; i < len(t.Rows) && n < TableSampleRows; i, n = i+1, n+1 {
				if j < len(t.Rows[i]) && !measureText(clean(t.Rows[i][j].Text), lex) && clean(t.Rows[i][j].Text) != "" {
					named++
				}
			}
			if named*2 > filled[j] {
				g.roles[j] = colNone
			}
		}
		// a `Cilj izleta` of places, not numbers: the destination, what
		// the rows are about
		if g.roles[j] == colTarget && quant[j] == 0 && text[j] > 0 && text[j]*2 >= filled[j] {
			g.roles[j] = colNone
		}
		if g.roles[j] == colNone && dates[j] > 0 && dates[j]*2 >= filled[j] {
			g.roles[j] = colDate
		}
		if sentences[j] > 0 && sentences[j]*2 >= text[j] && !numeric[j] {
			g.prose = append(g.prose, j)
			if g.roles[j] == colProject || g.roles[j] == colLabel {
				g.roles[j] = colNone // sentences name no project
			}
		}
		for u, n := range unitVotes[j] {
			if n*2 > quant[j] {
				g.cellUnit[j] = u
			}
		}
	}
	// `Delež (%)` beside a column of amounts or counts: each row's share
	// of that column's total, derived from it
	for j := range g.roles {
		if !numeric[j] || !shareHead.MatchString(g.heads[j]) || g.units[j] != letopis.UnitPercent && g.cellUnit[j] != letopis.UnitPercent && !strings.Contains(g.heads[j], "%") {
			continue
		}
		for k := range g.roles {
			if k != j && numeric[k] && !shareHead.MatchString(g.heads[k]) && g.roles[k] != colCode && g.roles[k] != colDerived &&
				g.units[k] != letopis.UnitPercent && g.cellUnit[k] != letopis.UnitPercent {
				g.roles[j] = colDerived
				g.notRead[j] = "a share of the total (Delež %), derived from the amounts beside it, not a fact"
				break
			}
		}
	}
	// the value columns
	var valueCols []int
	for j, r := range g.roles {
		if r == colValue {
			valueCols = append(valueCols, j)
		}
	}
	if len(valueCols) == 0 {
		for j := range g.roles {
			if g.years[j] > 0 && numeric[j] && (g.roles[j] == colNone || g.roles[j] == colValue) {
				valueCols = append(valueCols, j)
			}
		}
	}
	if len(valueCols) == 0 {
		for j, r := range g.roles {
			if numeric[j] && (r == colNone || r == colLabel && width > 1) && g.years[j] == 0 {
				valueCols = append(valueCols, j)
			}
		}
	}
	// of columns of several years, the report year's (else the last)
	pickYr := 0
	for _, j := range valueCols {
		if g.years[j] == year && year > 0 {
			pickYr = year
		}
	}
	if pickYr == 0 {
		for _, j := range valueCols {
			pickYr = max(pickYr, g.years[j])
		}
	}
	for _, j := range valueCols {
		if g.years[j] != 0 && g.years[j] != pickYr {
			g.notRead[j] = fmt.Sprintf("value of %d, not of the year read (%d)", g.years[j], pickYr)
			continue
		}
		g.values = append(g.values, j)
	}
	switch {
	case pickYr > 0:
		g.period = letopis.YearPeriod(pickYr)
	case year > 0:
		g.period = letopis.YearPeriod(year)
	}
	// targets: of the value's year, else the one target column; of
	// value columns of different units, the target of the value's unit
	for _, v := range g.values {
		for j, r := range g.roles {
			if r == colTarget && (g.years[j] == g.years[v] || g.target[v] < 0 && g.years[j] == 0) && g.units[j] == g.units[v] {
				g.target[v] = j
			}
		}
	}
	for j, r := range g.roles {
		switch {
		case g.notRead[j] != "" || contains(g.values, j) || !numeric[j] && r != colDerived:
		case r == colDerived:
			g.notRead[j] = "derived from other columns (an index or a difference), not a fact"
		case r == colCode:
			g.notRead[j] = "row number or code"
		case r == colAttr:
			g.notRead[j] = "a property of the row's thing (a height, a year of building), not a result of the year"
		case r == colBaseline:
			g.notRead[j] = "baseline value, not a result of the year"
		case r == colTarget && g.years[j] != 0 && g.years[j] != pickYr:
			g.notRead[j] = fmt.Sprintf("target of %d, not of the year read (%d)", g.years[j], pickYr)
		case g.years[j] != 0 && g.years[j] != pickYr:
			g.notRead[j] = fmt.Sprintf("value of %d, not of the year read (%d)", g.years[j], pickYr)
		}
	}
	for j, r := range g.roles {
		if g.roles[j] == colDate {
			g.notRead[j] = "a date or a period, not a quantity"
		}
		if r == colLabel {
			g.labelCol = j
			break
		}
	}
	for j, head := range g.heads {
		if g.roles[j] == colNote && sourceHead.MatchString(head) {
			g.source = j
			break
		}
	}
	if g.labelCol < 0 {
		for j := 0; j < width; j++ {
			if !numeric[j] && text[j] > 0 && (g.roles[j] == colNone || g.roles[j] == colNote) && !contains(g.values, j) {
				g.labelCol = j
				break
			}
		}
	}
	// `Prihodki po virih (EUR) | 2022 | 2023`: a unit stated over the
	// labels is that of every value column that states none
	if g.labelCol >= 0 {
		if m := headUnit.FindStringSubmatch(g.heads[g.labelCol]); m != nil {
			for _, v := range g.values {
				if g.units[v] == "" {
					g.units[v] = signUnit(m[1])
				}
			}
		}
	}
	return g
}

// TableSampleRows is how many rows under a header are looked at to tell
// what each column holds.
const TableSampleRows = 60

func contains(xs []int, x int) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// rowValues returns the value columns whose cell in row holds a number.
func (g *columns) rowValues(row []letopis.Cell) []int {
	var out []int
	for _, j := range g.values {
		if j >= len(row) {
			continue
		}
		c := row[j]
		if !c.Merged && (c.Kind == letopis.CellNumber || c.Kind == letopis.CellDate || hasDigit(c.Text)) {
			out = append(out, j)
		}
	}
	return out
}

// label returns what a row's values count: its label cell.
func (g *columns) label(row []letopis.Cell) string {
	if g.labelCol < 0 || g.labelCol >= len(row) {
		return ""
	}
	return clean(row[g.labelCol].Text)
}

// unit decides the unit of column j's value in a row: the value's own sign
// or noun, the unit column, the header's unit sign, then the counted noun
// of the column's header or of the row's label (the column's first when it
// is one of several counts, the label's first when it is the only one).
func (g *columns) unit(j int, vu letopis.Unit, unitText, label string, lex *units.Lexicon) letopis.Unit {
	if vu != "" {
		return vu
	}
	if g.units[j] != "" && unitText == "" {
		return g.units[j]
	}
	if g.cellUnit[j] != "" {
		return g.cellUnit[j]
	}
	if len(g.values) > 1 && g.nouns[j] != "" {
		return g.nouns[j]
	}
	if u := tableUnit("", unitText, label, lex); u != letopis.UnitOther {
		return u
	}
	if g.nouns[j] != "" {
		return g.nouns[j]
	}
	return letopis.UnitOther
}

// cellQuantity reads a value cell: a typed number, a Slovene number with
// its sign (22.830, 40,32 %, 14.250,00 €), a number with a footnote
// marker (14*), or a number with its qualifier and counted noun
// (približno 300 obiskovalcev). It returns the reason when it refuses.
func cellQuantity(c letopis.Cell, lex *units.Lexicon) (float64, letopis.Unit, letopis.Qualifier, string) {
	v, u, q, reason := cellValue(c)
	if reason == "" || c.Kind != letopis.CellText {
		return v, u, q, reason
	}
	s := clean(c.Text)
	if m := footMark.FindStringSubmatch(s); m != nil {
		if v, u, q, err := parseCell(m[1]); err == nil {
			return v, u, q, ""
		}
	}
	if !hasLetter(s) {
		return v, u, q, reason
	}
	var found *slnum.Match
	for _, m := range slnum.Scan(s) {
		if m.Class != slnum.Quantity {
			return v, u, q, reason
		}
		if found != nil {
			return v, u, q, reason
		}
		m := m
		found = &m
	}
	if found == nil {
		return v, u, q, reason
	}
	rest := strings.Fields(s[found.UnitEnd:])
	if len(rest) > 3 || strings.TrimSpace(s[:found.QStart]) != "" {
		return v, u, q, reason
	}
	unit := found.Unit
	if unit == "" && len(rest) > 0 {
		unit, _ = lex.Lookup(rest[0])
	}
	qual := found.Qualifier
	if qual == "" {
		qual = letopis.Exact
	}
	return found.Value, unit, qual, ""
}

// cellNumber returns a cell's number as written, or -1.
func cellNumber(c letopis.Cell) float64 {
	if c.Kind == letopis.CellNumber {
		return c.Number
	}
	v, err := strconv.ParseFloat(strings.TrimSpace(c.Text), 64)
	if err != nil {
		return -1
	}
	return v
}

// stripFootMark removes a footnote marker after a number.
func stripFootMark(s string) string {
	if m := footMark.FindStringSubmatch(s); m != nil {
		return m[1]
	}
	return s
}

// dateLike reports whether s reads as a date or a range of dates
// (12. 3. 2021, 3.–5. 9. 2021, 18.–19. 6.).
func dateLike(s string) bool {
	ps := slnum.FindPeriods(s)
	return len(ps) > 0 && ps[0].Start <= 1 && ps[len(ps)-1].End >= len(s)-1
}

// cellLocation is where a cell of row i of t stands (a PDF table that goes
// on over a page break has rows on several pages).
func cellLocation(t *letopis.Table, c letopis.Cell, i int) letopis.Location {
	loc := letopis.Location{Page: t.RowPage(i), Sheet: t.Sheet, Cell: c.Ref, BBox: c.BBox}
	if t.Page == 0 && t.Sheet == "" && c.Ref == "" {
		loc.Cell = letopis.CellRef(i, c.Col)
	}
	return loc
}

func hasDigit(s string) bool {
	return strings.ContainsAny(s, "0123456789")
}

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// measureText reports whether a unit column's cell names a unit of
// measure: a short text with a counted noun, a sign or a lower-case word
// (število, oseba, ur, EUR, %).
func measureText(s string, lex *units.Lexicon) bool {
	f := strings.Fields(s)
	if len(f) == 0 || len(f) > 3 {
		return false
	}
	if strings.ContainsAny(s, "%€") || signHead.MatchString(s) || unicode.IsLower(firstRune(s)) {
		return true
	}
	for _, w := range f {
		if _, ok := lex.Lookup(w); ok {
			return true
		}
	}
	return len(f) == 1 && len([]rune(s)) <= 4 // EUR, kom, km
}

// mixedUnits reports whether the value columns state different units in
// their headers (Realizirano | Porabljeno (EUR)).
func (g *columns) mixedUnits() bool {
	for _, v := range g.values[min(1, len(g.values)):] {
		if g.units[v] != g.units[g.values[0]] {
			return true
		}
	}
	return false
}
