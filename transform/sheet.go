package transform

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"github.com/letopis/letopis"
)

// sheetInfo is what is read of a visible sheet once, before its rows:
// its header (nil if none; headerOf) and its title rows, the own texts of
// the rows above the header (or of its first 10 rows when it has none),
// one slice per row.
type sheetInfo struct {
	t      *letopis.Table
	head   *header
	titles [][]string
}

// analyseSheets reads the header and the title rows of each visible sheet
// of doc, once for all the rules that need them.
func analyseSheets(doc *letopis.Document) []sheetInfo {
	var out []sheetInfo
	for _, t := range visibleSheets(doc) {
		s := sheetInfo{t: t, head: headerOf(t)}
		end := min(len(t.Rows), 10)
		if s.head != nil {
			end = s.head.row
		}
		for i := 0; i < end; i++ {
			if own := ownTexts(t.Rows[i]); len(own) > 0 {
				s.titles = append(s.titles, own)
			}
		}
		out = append(out, s)
	}
	return out
}

var (
	// sheetYearRe finds the year in a title row: `… za leto 2020`,
	// `Kazalniki 2020`, `Leto poročanja: 2020`.
	sheetYearRe = regexp.MustCompile(`(?i)(?:\bza\s+leto|\bv\s+letu|\bleto(?:\s+poro[čc]anja)?|poro[čc]evalsko\s+leto|kazalnik\S*|realizacij\S*|rezultat\S*)\s*:?\s*((?:19|20)\d\d)\b`)
	// yearLabel is a cell that labels the report year in the next cell.
	yearLabel = regexp.MustCompile(`(?i)^(?:leto|leto poro[čc]anja|poro[čc]evalsko leto|poro[čc]ilo za leto|obdobje poro[čc]anja)\s*:?$`)
	// orgLabel is a cell that labels the organisation in the next cell or
	// after its colon.
	orgLabel = regexp.MustCompile(`(?i)^(?:organizacija|naziv organizacije|ime organizacije|prijavitelj|upravi[čc]enec|izvajalec|nosilec|poro[čc]evalec|dru[šs]tvo)\s*:\s*(.*)$`)
	// projectLabel is a cell that labels the sheet's project.
	projectLabel = regexp.MustCompile(`(?i)^(?:projekt|naziv projekta|ime projekta|program|naziv programa|operacija|naziv operacije)\s*:\s*(.*)$`)
	// reportWords mark a title row that names the report, not the organisation.
	reportWords = regexp.MustCompile(`(?i)poro[čc]il|kazalnik|datum|leto\b|letu\b|realizacij|rezultat|priloga|obrazec`)
	// genericSheet are the words of sheet names that name no project.
	genericSheet = regexp.MustCompile(`(?i)^(?:kazalnik|indikator|poro[čc]il|list|sheet|tabel|podatk|sredstv|financ|rezultat|u[čc]in|leto|zbir|povzet|pregled|realizacij|vnos|obrazec|priloga|navodil|opomb|osnovn|splo[šs]n|skupaj|data|summary|ciljn|vrednost|plan|proračun|prora[čc]un|stro[šs]k|prihod|odhod|primerjav|analiz|graf|[sš]ifrant|seznam|cp\d)`)
)

// labelled returns the value a label cell introduces: the rest of the cell
// after the label's colon, else the next own text of the row.
func labelled(row []string, re *regexp.Regexp) string {
	for i, t := range row {
		m := re.FindStringSubmatch(t)
		if m == nil {
			continue
		}
		if len(m) > 1 && strings.TrimSpace(m[1]) != "" {
			return clean(m[1])
		}
		if i+1 < len(row) {
			return row[i+1]
		}
	}
	return ""
}

// sheetYear reads the report year from the title rows and names of the
// visible sheets, 0 if none states it.
func sheetYear(doc *letopis.Document, sheets []sheetInfo) int {
	for _, sh := range sheets {
		for _, row := range sh.titles {
			for _, re := range []*regexp.Regexp{yearRe, sheetYearRe} {
				for _, txt := range row {
					if m := re.FindStringSubmatch(txt); m != nil {
						y, _ := strconv.Atoi(m[1])
						return y
					}
				}
			}
			if v := labelledAny(row, yearLabel); v != "" {
				if m := yearCell.FindStringSubmatch(v); m != nil {
					y, _ := strconv.Atoi(m[1])
					return y
				}
			}
		}
	}
	if doc.Format != "csv" {
		for _, sh := range sheets {
			if m := sheetYearRe.FindStringSubmatch(sh.t.Sheet); m != nil {
				y, _ := strconv.Atoi(m[1])
				return y
			}
		}
	}
	return 0
}

// labelledAny is labelled for labels that stand alone in their cell.
func labelledAny(row []string, re *regexp.Regexp) string {
	for i, t := range row {
		if re.MatchString(t) && i+1 < len(row) {
			return row[i+1]
		}
	}
	return ""
}

// sheetOrganisation reads the organisation from the title rows: a
// labelled cell (`Organizacija: …`, `Prijavitelj | …`), a text that names
// an organisation (`Društvo …`, `Zavod …`), else the first title row of the
// first sheet when it is a short name, not the report's title.
func sheetOrganisation(sheets []sheetInfo) string {
	for _, sh := range sheets {
		for _, row := range sh.titles {
			if v := labelled(row, orgLabel); v != "" {
				return strings.TrimRight(v, ".,")
			}
		}
	}
	for _, sh := range sheets {
		for _, row := range sh.titles {
			for _, txt := range row {
				for _, part := range regexp.MustCompile(`\s+[–—-]\s+|:\s+|,\s+`).Split(txt, -1) {
					if orgStart.MatchString(part) && len(part) < 120 {
						return strings.TrimRight(part, ".,")
					}
				}
			}
		}
	}
	if len(sheets) > 0 {
		if rows := sheets[0].titles; len(rows) > 1 && len(rows[0]) == 1 {
			if txt := rows[0][0]; len(txt) <= 80 && !reportWords.MatchString(txt) && !strings.ContainsAny(txt, "0123456789:") {
				return txt
			}
		}
	}
	return ""
}

// sheetActivity returns the project a whole sheet belongs to: a labelled
// title row (`Projekt: SPIN`), a title row that names a project (`Projekt
// »Mreža«`), or the sheet's name when it is not a generic one (`Kazalniki
// 2020`, `Sredstva`, `List1`) and either reads as a name (an acronym or a
// coined word: `SPIN`, `AS-Aktiviraj`) or several sheets of the workbook
// are named so (a sheet per project: named counts the sheets with a
// header and a name that reads as a project's); "" if none. A CSV file's
// name is no sheet name.
func sheetActivity(doc *letopis.Document, sh sheetInfo, named int) string {
	t := sh.t
	for _, row := range sh.titles {
		if v := labelled(row, projectLabel); v != "" {
			return activityTitle(v)
		}
		for _, txt := range row {
			if typedTitle.MatchString(txt) && !reportWords.MatchString(txt) {
				if a := activityTitle(txt); a != "" {
					return a
				}
			}
		}
	}
	if doc.Format == "csv" || !projectName(t.Sheet) {
		return ""
	}
	if named >= 2 || capitals(t.Sheet) >= 2 {
		return activityTitle(t.Sheet)
	}
	return ""
}

// projectName reports whether a sheet name has a word that is no generic
// sheet word (Kazalniki, List, Sredstva) nor a number.
func projectName(name string) bool {
	for _, w := range strings.FieldsFunc(name, func(r rune) bool { return r == ' ' || r == '_' || r == '-' || r == '.' }) {
		if len(letters(w)) > 1 && !genericSheet.MatchString(fold(w)) && !isDigits(w) {
			return true
		}
	}
	return false
}

func capitals(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsUpper(r) {
			n++
		}
	}
	return n
}

func visibleSheets(doc *letopis.Document) []*letopis.Table {
	var out []*letopis.Table
	for i := range doc.Sheets {
		if t := &doc.Sheets[i]; !t.Hidden && !emptyTable(t) {
			out = append(out, t)
		}
	}
	return out
}

// emptyTable reports whether t has no cell with text. The rows of a
// streamed sheet are read only when those of Rows are all empty, and up
// to the first with text; a sheet whose rows cannot be read is not empty
// (reading it says why).
func emptyTable(t *letopis.Table) bool {
	empty := true
	err := t.EachRow(func(_ int, r []letopis.Cell, _ bool) bool {
		for _, c := range r {
			if c.Kind != letopis.CellEmpty && strings.TrimSpace(c.Text) != "" {
				empty = false
				return false
			}
		}
		return true
	})
	return empty && err == nil
}

// checkSheets returns an error wrapping ErrNoHeader (an InputError naming
// the sheet when there is one) when a document of sheets has no visible
// sheet with a header row.
func checkSheets(doc *letopis.Document, sheets []sheetInfo) error {
	if len(doc.Sheets) == 0 {
		return nil
	}
	var names []string
	for _, sh := range sheets {
		if sh.head != nil {
			return nil
		}
		names = append(names, strconv.Quote(sh.t.Sheet))
	}
	switch len(names) {
	case 0:
		return fmt.Errorf("no visible sheet has any cells: %w", ErrNoHeader)
	case 1:
		return &letopis.InputError{Sheet: sheets[0].t.Sheet, Err: ErrNoHeader}
	}
	return fmt.Errorf("no sheet has a header row (sheets %s): %w", strings.Join(names, ", "), ErrNoHeader)
}

// readSheets reads the facts of the visible sheets of a workbook or CSV
// file through TableFacts, with the activity of the sheet, and lists the
// sheets without a header as rejected. The rows of a streamed sheet
// (Table.More) are read once, forward; an error reading them is returned
// as a *letopis.InputError naming the file and the sheet, and the report
// is then not to be used.
func (r *reader) readSheets(doc *letopis.Document, sheets []sheetInfo) error {
	named := 0
	for _, sh := range sheets {
		if sh.head != nil && projectName(sh.t.Sheet) {
			named++
		}
	}
	for _, sh := range sheets {
		t := sh.t
		act := sheetActivity(doc, sh, named)
		res := tableFacts(t, TableContext{Activity: act, Year: r.rep.Year, Units: r.lex, head: sh.head})
		if res.err != nil {
			var ie *letopis.InputError
			if !errors.As(res.err, &ie) {
				return &letopis.InputError{Sheet: t.Sheet, Err: res.err}
			}
			if ie.Sheet == "" {
				ie.Sheet = t.Sheet
			}
			return res.err
		}
		if res.header < 0 {
			txt := ""
			if len(sh.titles) > 0 {
				txt = strings.Join(sh.titles[0], " | ")
			}
			r.rep.Rejected = append(r.rep.Rejected, letopis.Rejected{Text: txt,
				Reason: "sheet not read: " + ErrNoHeader.Error(), Location: letopis.Location{Sheet: t.Sheet}})
			continue
		}
		for _, a := range res.activities {
			r.ensureActivity(a)
		}
		for range res.facts {
			r.sections = append(r.sections, "")
		}
		if len(r.rep.Facts) == 0 {
			r.rep.Facts = res.facts // no copy: a large sheet's facts are most of the report
		} else {
			r.rep.Facts = append(r.rep.Facts, res.facts...)
		}
		r.rep.Rejected = append(r.rep.Rejected, res.rejected...)
	}
	return nil
}
