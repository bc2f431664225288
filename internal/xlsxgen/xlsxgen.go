// Package xlsxgen writes generated workbooks for the benchmarks of the
// spreadsheet path, so that extract/sheet and transform measure the same
// file.
package xlsxgen

import (
	"bytes"
	"fmt"

	"github.com/xuri/excelize/v2"
)

// Indicators returns an xlsx workbook of one indicator sheet with a header
// row and n data rows (project, code, indicator, unit, target, a value with
// a thousands format, a share with a percent format), written with
// excelize's StreamWriter.
func Indicators(n int) ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		return nil, err
	}
	pct, _ := f.NewStyle(&excelize.Style{NumFmt: 10})
	thousands, _ := f.NewStyle(&excelize.Style{NumFmt: 3})
	if err := sw.SetRow("A1", []any{"Projekt", "Šifra", "Naziv kazalnika", "Merska enota", "Predvidena vrednost", "Dosežena vrednost", "Delež"}); err != nil {
		return nil, err
	}
	for i := 0; i < n; i++ {
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		row := []any{
			"Projekt " + fmt.Sprint(i%50), fmt.Sprintf("K%d", i), "Število oseb, vključenih v program",
			"število oseb", i % 1000,
			excelize.Cell{StyleID: thousands, Value: i * 7},
			excelize.Cell{StyleID: pct, Value: float64(i%100) / 100},
		}
		if err := sw.SetRow(cell, row); err != nil {
			return nil, err
		}
	}
	if err := sw.Flush(); err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
