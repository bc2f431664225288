// Package letopis is the common indicator model that every stage of the
// pipeline shares: the source file, the report read from it, its activities
// (projects and programmes) and facts (reported quantities), with their
// periods, units, qualifiers and provenance.
//
// It imports nothing outside the standard library. Extractors (extract/...)
// turn a file into a Document; transform turns a Document into a Report;
// load writes a Report to the DuckDB warehouse; importer, the use case,
// drives them for a batch of files. The vocabularies below are a public
// contract (see README.md, "Schema"): add values, never rename one.
package letopis

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strconv"
	"time"
)

// Kind says whether an indicator is an output (učinek), a result
// (rezultat) or something else.
type Kind string

// The indicator kinds.
const (
	KindOutput Kind = "output"
	KindResult Kind = "result"
	KindOther  Kind = "other"
)

// Valid reports whether k is one of the kinds.
func (k Kind) Valid() bool { return k == KindOutput || k == KindResult || k == KindOther }

// Unit is what a value counts, from the unit vocabulary of the warehouse.
type Unit string

// The unit vocabulary.
const (
	UnitPersons       Unit = "persons"
	UnitEvents        Unit = "events"
	UnitHours         Unit = "hours"
	UnitEUR           Unit = "eur"
	UnitPercent       Unit = "percent"
	UnitOrganisations Unit = "organisations"
	UnitSchools       Unit = "schools"
	UnitServices      Unit = "services"
	UnitDocuments     Unit = "documents"
	UnitPosts         Unit = "posts"
	UnitUnits         Unit = "units"
	UnitLocations     Unit = "locations"
	UnitProjects      Unit = "projects"
	UnitOther         Unit = "other"
)

// Units lists the unit vocabulary in the order of the schema documentation.
var Units = []Unit{UnitPersons, UnitEvents, UnitHours, UnitEUR, UnitPercent,
	UnitOrganisations, UnitSchools, UnitServices, UnitDocuments, UnitPosts,
	UnitUnits, UnitLocations, UnitProjects, UnitOther}

// Valid reports whether u is in the unit vocabulary.
func (u Unit) Valid() bool {
	for _, v := range Units {
		if u == v {
			return true
		}
	}
	return false
}

// Qualifier says how exact the report says a value is.
type Qualifier string

// The qualifier vocabulary.
const (
	Exact    Qualifier = "exact"
	Approx   Qualifier = "approx"    // cca, približno, okoli, okrog, skoraj
	AtLeast  Qualifier = "at_least"  // vsaj, najmanj
	MoreThan Qualifier = "more_than" // preko, več kot, nad
	AtMost   Qualifier = "at_most"   // največ, do
	LessThan Qualifier = "less_than" // manj kot, pod
)

// Valid reports whether q is in the qualifier vocabulary.
func (q Qualifier) Valid() bool {
	switch q {
	case Exact, Approx, AtLeast, MoreThan, AtMost, LessThan:
		return true
	}
	return false
}

// Date is a calendar date without a time of day or a zone. The zero Date
// means "no date".
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// NewDate returns the date y-m-d, or an error if there is no such day (it
// never rolls 31 February over into March).
func NewDate(y int, m time.Month, d int) (Date, error) {
	if y < 1 || y > 9999 {
		return Date{}, fmt.Errorf("year %d out of range", y)
	}
	if m < time.January || m > time.December {
		return Date{}, fmt.Errorf("month %d out of range", int(m))
	}
	if d < 1 || d > DaysIn(y, m) {
		return Date{}, fmt.Errorf("day %d does not exist in %s %d", d, m, y)
	}
	return Date{y, m, d}, nil
}

// DaysIn returns the number of days of month m in year y.
func DaysIn(y int, m time.Month) int {
	return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// IsZero reports whether d is the zero Date.
func (d Date) IsZero() bool { return d == Date{} }

// Time returns d at midnight UTC.
func (d Date) Time() time.Time { return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC) }

// Before reports whether d is before e.
func (d Date) Before(e Date) bool {
	if d.Year != e.Year {
		return d.Year < e.Year
	}
	if d.Month != e.Month {
		return d.Month < e.Month
	}
	return d.Day < e.Day
}

// String formats d as ISO 8601 (2020-01-31), or "" for the zero Date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
}

// DateOf returns the calendar date of t in its own location.
func DateOf(t time.Time) Date { return Date{t.Year(), t.Month(), t.Day()} }

// Precision says how precisely a period's ends were stated.
type Precision int

// The precisions, from the coarsest.
const (
	PrecisionNone Precision = iota
	PrecisionYear
	PrecisionMonth
	PrecisionDay
)

// String names the precision.
func (p Precision) String() string {
	switch p {
	case PrecisionYear:
		return "year"
	case PrecisionMonth:
		return "month"
	case PrecisionDay:
		return "day"
	}
	return "none"
}

// Period is the span of time a value or an activity covers. An open end is
// the zero Date with OpenStart or OpenEnd set (`od leta 2008`).
type Period struct {
	Start, End Date
	Precision  Precision
	OpenStart  bool
	OpenEnd    bool
}

// IsZero reports whether p states nothing.
func (p Period) IsZero() bool {
	return p.Start.IsZero() && p.End.IsZero() && !p.OpenStart && !p.OpenEnd
}

// YearPeriod returns 1 January to 31 December of year y.
func YearPeriod(y int) Period {
	return Period{Start: Date{y, time.January, 1}, End: Date{y, time.December, 31}, Precision: PrecisionYear}
}

// String formats p as start..end in ISO 8601, with ".." for an open end.
func (p Period) String() string {
	if p.IsZero() {
		return ""
	}
	return p.Start.String() + ".." + p.End.String()
}

// Source is one imported file, known by the SHA-256 of its bytes.
type Source struct {
	Path    string // as given on import
	SHA256  string // hex
	Size    int64
	Format  string // pdf, xlsx, xls, csv
	ModTime time.Time
}

// Location says where a value was read: a PDF page, or a sheet and cell.
type Location struct {
	Page  int    // 1-based page of a PDF, 0 if none
	Sheet string // worksheet name, "" if none
	Cell  string // A1 reference of a spreadsheet cell (CSV: the row and column as A1), "" if none
	BBox  BBox   // on the page, in PDF points; zero if unknown
}

// String formats the location for messages: "page 3", "sheet Kazalniki, cell C5".
func (l Location) String() string {
	switch {
	case l.Page > 0:
		return "page " + strconv.Itoa(l.Page)
	case l.Sheet != "" && l.Cell != "":
		return "sheet " + l.Sheet + ", cell " + l.Cell
	case l.Sheet != "":
		return "sheet " + l.Sheet
	case l.Cell != "":
		return "cell " + l.Cell
	}
	return ""
}

// Report is what was read from one source: the reporting organisation and
// year, its activities, its facts, and the values seen and refused.
type Report struct {
	Source       Source
	Organisation string
	Year         int
	Activities   []Activity
	Facts        []Fact
	Rejected     []Rejected
}

// Activity is a project or programme of a report.
type Activity struct {
	Title       string // as titled in the report, clean of quotes and numbering
	Key         string // stable across years and wordings
	Period      Period // the activity's own duration when stated
	LeadPartner string
	Partners    []string
	Funders     []string
	Location    Location // where its heading was read
}

// Fact is one reported quantity.
type Fact struct {
	ID           string // stable: see FactID
	Activity     string
	ActivityKey  string
	Indicator    string // what is counted, in the report's words
	IndicatorKey string
	Kind         Kind
	Unit         Unit
	Value        float64
	Qualifier    Qualifier
	Target       *float64 // planned value, nil if none stated
	ShareValue   *float64 // part of Value attributed to ShareOf, nil if none
	ShareOf      string
	Period       Period
	Location     Location
	Snippet      string  // the sentence, list item or table row read
	Confidence   float64 // 0..1
	Total        bool    // a total row of a table (Skupaj): a sum of other facts, left out of sums
	OCR          bool    // read by OCR from a page image (a scan)
}

// Complete fills in what the facts of r leave unsaid, as the model reads
// it: a fact without a kind is KindOther, without a unit UnitOther, without
// a qualifier Exact, and without a period it covers the report year. It
// returns an error naming the first fact whose kind, unit or qualifier is
// not in the vocabulary. It is the one place of these defaults: transform
// completes every report it reads, and the loader every report it writes,
// whoever made it.
func (r *Report) Complete() error {
	for i := range r.Facts {
		f := &r.Facts[i]
		if f.Kind == "" {
			f.Kind = KindOther
		}
		if f.Unit == "" {
			f.Unit = UnitOther
		}
		if f.Qualifier == "" {
			f.Qualifier = Exact
		}
		if f.Period.IsZero() && r.Year != 0 {
			f.Period = YearPeriod(r.Year)
		}
		if !f.Kind.Valid() || !f.Unit.Valid() || !f.Qualifier.Valid() {
			return fmt.Errorf("fact %d (%s): kind %q, unit %q or qualifier %q is not in the vocabulary", i, f.Location, f.Kind, f.Unit, f.Qualifier)
		}
	}
	return nil
}

// Rejected is a value that the pipeline saw and refused, with the reason,
// so that nothing read is silently lost.
type Rejected struct {
	Text     string // the text of the value as read
	Reason   string // why it is not a fact (year, ordinal, age, time, …)
	Activity string
	Location Location
	Snippet  string
}

// FactID returns the stable id of the n-th fact (0-based) read at loc from
// the source with the given SHA-256: the same bytes give the same ids on
// every import.
func FactID(sourceSHA256 string, n int, loc Location, indicator string, value float64) string {
	var buf [256]byte
	b := append(buf[:0], sourceSHA256...)
	b = append(b, 0)
	b = strconv.AppendInt(b, int64(n), 10)
	b = append(b, 0)
	b = strconv.AppendInt(b, int64(loc.Page), 10)
	b = append(b, 0)
	b = append(b, loc.Sheet...)
	b = append(b, 0)
	b = append(b, loc.Cell...)
	b = append(b, 0)
	b = append(b, indicator...)
	b = append(b, 0)
	b = strconv.AppendFloat(b, value, 'g', -1, 64)
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:12])
}

// Float returns a pointer to v, for the optional values of a Fact.
func Float(v float64) *float64 { return &v }
