// Package transform reads an extracted document (letopis.Document) the way
// a careful analyst reads an annual report: it finds the reporting
// organisation and year, splits the report into its activities (projects
// and programmes) from their headings, and turns every reported quantity of
// prose, list items, result boxes and tables into a letopis.Fact with what
// was counted, its unit, qualifier, target and partner share, and the page
// and sentence it came from. Numbers that are no facts (years, dates,
// ordinals, ages, times, box numbers, parts of names) go to
// Report.Rejected with the reason.
//
// Spreadsheets (the Sheets of an xlsx, xls or CSV document) are read
// through the same TableFacts as the tables of a PDF. The rows above a
// sheet's header (its title rows) give the organisation, the year and,
// with a sheet's name, the project a whole sheet belongs to. Hidden and
// empty sheets are not read. A visible sheet without a recognisable header
// is listed in Report.Rejected (reason "sheet not read: …", its name in
// Location.Sheet) when other sheets of the file were read; when no sheet
// has one, Read fails with an InputError naming the file and the sheets
// and wrapping ErrNoHeader.
package transform

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"github.com/letopis/letopis"
	"github.com/letopis/letopis/transform/keys"
	"github.com/letopis/letopis/transform/units"
)

// Options are the settings of Read.
type Options struct {
	// Organisation overrides the reporting organisation; "" finds it in
	// the document (the cover or title page).
	Organisation string
	// Year overrides the report year; 0 finds it in the document
	// (`LETNO POROČILO 2020`, `Poročilo o delu za leto 2021`).
	Year int
	// UnitsFile is an optional user lexicon that extends the built-in
	// unit lexicon. Its format is that of transform/units/units.tsv: one
	// counted noun a line, the unit (persons, events, hours, eur, percent,
	// organisations, schools, services, documents, posts, units,
	// locations, projects, other), a tab, and the noun's forms separated by
	// spaces, lower case (`other	tematika tematike tematik tematikam`);
	// a form ending in * is a stem matching every word that begins with
	// it; lines starting with # are comments; a later line wins.
	UnitsFile string
	// Units, if set, is the lexicon to use (loaded once for a batch); it
	// takes precedence over UnitsFile. A Lexicon is safe for concurrent
	// Reads.
	Units *units.Lexicon
}

// ActivityKey returns the key of an activity title, stable across years and
// wordings: case, quotes, numbering, the order of the words and Slovene
// case endings do not change it.
func ActivityKey(title string) string { return keys.Activity(title) }

// IndicatorKey returns the key of an indicator text of a unit, stable
// across years and wordings like ActivityKey (see keys.IndicatorUnit).
func IndicatorKey(indicator string, unit letopis.Unit) string {
	return keys.IndicatorUnit(indicator, string(unit))
}

// Read turns an extracted document into a report. It sets Organisation,
// Year, Activities, Facts (with Location, Snippet, Confidence, Period: the
// report year unless the text says otherwise, Kind, keys) and Rejected. It
// does not set Source or Fact.ID. A report whose year cannot be found
// returns an error wrapping letopis.ErrNoYear; a workbook or CSV file none
// of whose sheets has a header row returns a *letopis.InputError wrapping
// ErrNoHeader; an error reading the rows of a streamed sheet
// (letopis.Table.More) is returned as a *letopis.InputError naming the file
// and the sheet, and no report. Every error of a document names its file
// (doc.Path, "document" if it has none).
func Read(doc *letopis.Document, opts Options) (*letopis.Report, error) {
	if doc == nil {
		return nil, fmt.Errorf("transform: no document")
	}
	rep, err := read(doc, opts)
	if err != nil {
		return nil, letopis.InFile(orDefault(doc.Path, "document"), err)
	}
	return rep, nil
}

func read(doc *letopis.Document, opts Options) (*letopis.Report, error) {
	lex := opts.Units
	if lex == nil {
		var err error
		if lex, err = units.Load(opts.UnitsFile); err != nil {
			return nil, fmt.Errorf("units file: %w", err)
		}
	}
	sheets := analyseSheets(doc)
	if err := checkSheets(doc, sheets); err != nil {
		return nil, err
	}
	rep := &letopis.Report{Organisation: opts.Organisation, Year: opts.Year}
	if rep.Year == 0 && len(doc.Sheets) > 0 {
		rep.Year = sheetYear(doc, sheets)
	}
	if rep.Year == 0 {
		rep.Year = findYear(doc)
	}
	if rep.Year == 0 {
		return nil, letopis.ErrNoYear
	}
	if rep.Organisation == "" && len(doc.Sheets) > 0 {
		rep.Organisation = sheetOrganisation(sheets)
	}
	if rep.Organisation == "" {
		rep.Organisation = findOrganisation(doc)
	}
	r := &reader{rep: rep, lex: lex, year: letopis.YearPeriod(rep.Year), forms: wordForms(doc)}
	r.read(doc)
	r.sectionParties()
	if err := r.readSheets(doc, sheets); err != nil {
		return nil, err
	}
	r.disambiguate()
	markOCR(doc, rep)
	if err := rep.Complete(); err != nil {
		return nil, err
	}
	return rep, nil
}

// reader holds the state of one Read.
type reader struct {
	rep  *letopis.Report
	lex  *units.Lexicon
	year letopis.Period
	act  int    // index of the current activity in rep.Activities, -1 before the first
	sect string // the current section heading inside the activity

	sections []string // the section of each fact, for telling apart equal indicators

	forms map[string]string // how the document's prose writes each word (see wordForms)

	body map[int][]string // the prose of each activity's section, by index in rep.Activities
}

// wordForms maps each word of the document's prose (lower-cased) to how the
// prose writes it, for giving headings set in capitals their case: lower
// case if the word is ever written so, else its capitalised form (Loka,
// NOVUS). The first word of a block or sentence says nothing and is
// skipped; headings and words in capitals are not prose.
func wordForms(doc *letopis.Document) map[string]string {
	forms := map[string]string{}
	for _, p := range doc.Pages {
		for i := range p.Blocks {
			b := &p.Blocks[i]
			if b.Kind == letopis.BlockHeading || b.Kind == letopis.BlockTable {
				continue
			}
			first := true
			for _, l := range b.Lines {
				for _, w := range strings.Fields(l.Text) {
					core := strings.Trim(w, "»«\"„“”,.;:()!?")
					sentenceEnd := strings.HasSuffix(w, ".") || strings.HasSuffix(w, "!") || strings.HasSuffix(w, "?")
					if !first && core != "" && !isUpperText(core) {
						lw := strings.ToLower(core)
						if lw == core {
							forms[lw] = lw
						} else if _, ok := forms[lw]; !ok {
							forms[lw] = core
						}
					}
					first = sentenceEnd
				}
			}
		}
	}
	return forms
}

var (
	yearRe     = regexp.MustCompile(`(?i)poro[čc]ilo[^0-9\n]{0,40}?\b((?:19|20)\d\d)\b`)
	resultYear = regexp.MustCompile(`(?i)(?:rezultati|kazalniki|realizacija)[^0-9\n]{0,30}?\b((?:19|20)\d\d)\b`)
	orgStart   = regexp.MustCompile(`^(?:Društvo|Zavod|Fundacija|Zveza|Združenje|Inštitut|Institut|Ustanova|Zadruga|Center|Mladinski center|Klub|Sklad|Javni zavod|Ljudska univerza)\b`)
)

// blockTexts returns the texts of the first pages' blocks.
func firstTexts(doc *letopis.Document, pages int) []string {
	var out []string
	if doc.Title != "" {
		out = append(out, doc.Title)
	}
	for _, p := range doc.Pages {
		if p.Number > pages && pages > 0 {
			break
		}
		for i := range p.Blocks {
			out = append(out, clean(p.Blocks[i].Text()))
		}
	}
	for _, t := range doc.Sheets {
		for _, row := range t.Rows {
			for _, c := range row {
				if c.Kind == letopis.CellText {
					out = append(out, c.Text)
				}
			}
			if len(out) > 50 {
				break
			}
		}
	}
	return out
}

// findYear reads the report year from the title or the cover, then from
// headings like `DOSEŽENI REZULTATI V LETU 2020`.
func findYear(doc *letopis.Document) int {
	for _, re := range []*regexp.Regexp{yearRe, resultYear} {
		for _, pages := range []int{2, 0} {
			for _, t := range firstTexts(doc, pages) {
				if m := re.FindStringSubmatch(t); m != nil {
					y, _ := strconv.Atoi(m[1])
					return y
				}
			}
		}
	}
	return 0
}

// findOrganisation reads the organisation from the cover: the first line
// (or part of the document's title, split at a dash or colon) that names
// an organisation — it begins with a kind of organisation (Društvo,
// Zavod …) or has one among its first words (Kulturno umetniško društvo
// Odmev, Rod Sivi sokol, Območno združenje Rdečega križa) — else the part
// of the title that is not the report's name.
func findOrganisation(doc *letopis.Document) string {
	split := regexp.MustCompile(`\s+[–—-]\s+|:\s+|,\s+|\s+·\s+`)
	for _, t := range firstTexts(doc, 1) {
		for _, line := range strings.Split(t, "\n") {
			line = clean(line)
			for _, part := range split.Split(line, -1) {
				if (orgStart.MatchString(part) || orgKindName(part)) && len(part) < 120 {
					return strings.TrimRight(part, ".,")
				}
			}
		}
	}
	if doc.Title != "" {
		for _, part := range split.Split(clean(doc.Title), -1) {
			if part != "" && !reportWords.MatchString(part) && !strings.ContainsAny(part, "0123456789") && hasCapital(part) && len(strings.Fields(part)) <= 10 {
				return part
			}
		}
	}
	return ""
}

// orgKindName reports whether a text is an organisation's name: at most
// twelve words without digits or a verb of a sentence, one of the first
// four a kind of organisation.
func orgKindName(s string) bool {
	f := strings.Fields(s)
	if len(f) < 2 || len(f) > 12 || strings.ContainsAny(s, "0123456789") || !unicode.IsUpper(firstRune(s)) {
		return false
	}
	for i, w := range f {
		lw := strings.ToLower(strings.Trim(w, ",.;:»«"))
		if clauseWords[lw] {
			return false
		}
		if i < 4 && orgKinds[lw] {
			return true
		}
	}
	return false
}

// orgKinds are the nouns that name a kind of organisation.
var orgKinds = map[string]bool{"društvo": true, "zavod": true, "zveza": true, "klub": true, "center": true, "združenje": true,
	"rod": true, "svet": true, "sklad": true, "fundacija": true, "zadruga": true, "inštitut": true, "institut": true, "ustanova": true,
	"univerza": true, "skupnost": true, "sekcija": true, "organizacija": true, "mreža": true, "gibanje": true, "akademija": true,
	"ansambel": true, "zbor": true, "kud": true, "pgd": true, "kd": true, "pd": true, "td": true, "mdi": true, "nk": true, "šd": true}

// add appends raw facts read from a piece of text to the report.
func (r *reader) add(raw []rawFact, rej []rawReject, loc letopis.Location, snippet string, kind letopis.Kind) {
	act := ""
	if r.act >= 0 {
		act = r.rep.Activities[r.act].Title
	}
	for _, f := range raw {
		conf := f.Confidence
		if conf > 1 {
			conf = 1
		}
		if conf < 0.05 {
			conf = 0.05
		}
		r.rep.Facts = append(r.rep.Facts, letopis.Fact{
			Activity:     act,
			ActivityKey:  r.actKey(),
			Indicator:    f.Indicator,
			IndicatorKey: IndicatorKey(f.Indicator, f.Unit),
			Kind:         kind,
			Unit:         f.Unit,
			Value:        f.Value,
			Qualifier:    f.Qualifier,
			ShareValue:   f.ShareValue,
			ShareOf:      f.ShareOf,
			Target:       f.Target,
			Period:       f.Period,
			Location:     loc,
			Snippet:      snippet,
			Confidence:   conf,
		})
		r.sections = append(r.sections, r.sect)
	}
	for _, x := range rej {
		r.rep.Rejected = append(r.rep.Rejected, letopis.Rejected{Text: x.Text, Reason: x.Reason, Activity: act, Location: loc, Snippet: snippet})
	}
}

func (r *reader) actKey() string {
	if r.act < 0 {
		return ""
	}
	return r.rep.Activities[r.act].Key
}
