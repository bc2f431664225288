package review

import (
	"context"

	"github.com/letopis/letopis"
	"github.com/letopis/letopis/extract"
	"github.com/letopis/letopis/importer"
)

// Grid is a worksheet as the page shows it: the text of its cells, row by
// row, as a person sees them in the workbook (a merged range's text in its
// first cell).
type Grid struct {
	Sheet     string     `json:"sheet"`
	Rows      [][]string `json:"rows"`
	Truncated bool       `json:"truncated"` // more rows or columns than shown
}

// The most rows and columns of a sheet the page shows.
const (
	MaxGridRows = 2000
	MaxGridCols = 60
)

// Sheets reads a workbook or CSV source's sheets from its file (as the
// import read them), for the page to show as grids with the facts'
// cells marked. A sheet past MaxGridRows rows or MaxGridCols columns is
// cut there.
func (s *Service) Sheets(ctx context.Context, sha256 string) ([]Grid, error) {
	src, err := s.SourceFile(ctx, sha256)
	if err != nil {
		return nil, err
	}
	doc, err := importer.Extract(ctx, src.File.Path, extract.Options{})
	if err != nil {
		return nil, err
	}
	var out []Grid
	for i := range doc.Sheets {
		t := &doc.Sheets[i]
		g := Grid{Sheet: t.Sheet}
		err := t.EachRow(func(i int, row []letopis.Cell, _ bool) bool {
			if i >= MaxGridRows {
				g.Truncated = true
				return false
			}
			for len(g.Rows) <= i {
				g.Rows = append(g.Rows, nil)
			}
			texts := make([]string, 0, min(len(row), MaxGridCols))
			for j, c := range row {
				if j >= MaxGridCols {
					g.Truncated = true
					break
				}
				if c.Merged {
					texts = append(texts, "") // the value stands in the range's first cell only
					continue
				}
				texts = append(texts, c.Text)
			}
			for len(texts) > 0 && texts[len(texts)-1] == "" {
				texts = texts[:len(texts)-1]
			}
			g.Rows[i] = texts
			return true
		})
		if err != nil {
			return nil, letopis.InFile(src.File.Path, err)
		}
		out = append(out, g)
	}
	return out, nil
}
