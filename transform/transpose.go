package transform

import (
	"regexp"
	"strings"

	"github.com/letopis/letopis"
)

// periodLabel is the label of a row that stands for a time or a state of
// the values, not a thing counted: a year, a plan, a realisation, an
// index of one over the other (Realizacija 2023, Načrt 2024, Indeks R/N).
var periodLabel = regexp.MustCompile(`(?i)^(?:leto\s+)?(?:19|20)\d\d$|^(?:realizacij\pL*|na[čc]rt\pL*|plan\pL*|ocena|dose[žz]en\pL*|predviden\pL*|ciljn\pL*|izhodi[šs][čc]\pL*|indeks|index)\b`)

// transposed returns the table turned over its diagonal when it sets its
// indicators across the top and times down the side (a row a year, a plan
// and a realisation: Kazalnik | Aktivni člani | Obiski / Realizacija 2023
// | 5.812 | 98.340 / Načrt 2024 | …), so that it reads as tables with a
// column a year do; nil when it does not. The header rows the extractor
// found (HeaderRows, at least the first) are joined into one cell a
// column. Cells keep their places (Row, Col, Ref, BBox) in the source.
func transposed(t *letopis.Table) *letopis.Table {
	if t.More != nil || len(t.RowPages) > 0 || len(t.Rows) < 3 {
		return nil
	}
	head := max(t.HeaderRows, 1)
	if head >= len(t.Rows)-1 {
		return nil
	}
	width := 0
	for _, r := range t.Rows {
		width = max(width, len(r))
	}
	if width < 3 {
		return nil
	}
	// the rows of the body: each labelled by a time, with values
	var body [][]letopis.Cell
	labelled, times := 0, 0
	for i, r := range t.Rows[head:] {
		if t.HiddenRows[head+i] || len(ownTexts(r)) == 0 {
			continue
		}
		body = append(body, r)
		if len(r) == 0 || r[0].Merged {
			continue
		}
		if lb := clean(r[0].Text); lb != "" && r[0].Kind == letopis.CellText {
			labelled++
			if periodLabel.MatchString(lb) {
				times++
			}
		}
	}
	if times < 2 || 2*times < labelled+1 {
		return nil
	}
	// the header across: texts naming things, not times
	header := make([]letopis.Cell, width)
	names := 0
	for j := range width {
		var parts []string
		for _, r := range t.Rows[:head] {
			if j < len(r) && !r[j].Merged && clean(r[j].Text) != "" {
				if header[j].Text == "" {
					header[j] = r[j]
				}
				parts = append(parts, clean(r[j].Text))
			}
		}
		header[j].Text = strings.Join(parts, " ")
		header[j].Kind = letopis.CellText
		if header[j].Text == "" {
			header[j].Kind = letopis.CellEmpty
		} else if j > 0 && !periodLabel.MatchString(header[j].Text) {
			names++
		}
	}
	if names < 2 {
		return nil
	}
	out := &letopis.Table{Sheet: t.Sheet, Page: t.Page, BBox: t.BBox, Hidden: t.Hidden, Date1904: t.Date1904, HeaderRows: 1}
	for j := range width {
		row := []letopis.Cell{header[j]}
		for _, r := range body {
			c := letopis.Cell{Kind: letopis.CellEmpty}
			if j < len(r) {
				c = r[j]
			}
			row = append(row, c)
		}
		out.Rows = append(out.Rows, row)
	}
	return out
}
