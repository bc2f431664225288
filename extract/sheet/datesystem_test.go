package sheet

import (
	"bytes"
	"context"
	"testing"

	"github.com/letopis/letopis"
	"github.com/letopis/letopis/extract"
	"github.com/xuri/excelize/v2"
)

// TestDateSystem: a workbook of the 1904 date system says so on each of
// its tables, and its date-formatted cells are days of that system.
func TestDateSystem(t *testing.T) {
	for _, date1904 := range []bool{false, true} {
		f := excelize.NewFile()
		if err := f.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: &date1904}); err != nil {
			t.Fatal(err)
		}
		style, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
		f.SetCellValue("Sheet1", "A1", 42369)
		f.SetCellStyle("Sheet1", "A1", "A1", style)
		f.SetCellValue("Sheet1", "B1", 60)
		f.SetCellStyle("Sheet1", "B1", "B1", style)
		var b bytes.Buffer
		if err := f.Write(&b); err != nil {
			t.Fatal(err)
		}
		f.Close()
		doc, err := extract.File(context.Background(), "d.xlsx", b.Bytes(), extract.Options{})
		if err != nil {
			t.Fatal(err)
		}
		tb := doc.Sheets[0]
		want := map[bool]string{false: "2015-12-31", true: "2020-01-01"}[date1904]
		if a := cellAt(t, tb, "A1"); tb.Date1904 != date1904 || a.Kind != letopis.CellDate || a.Date.String() != want {
			t.Errorf("1904 system %v: table says %v, A1 %+v; want a date cell of %s", date1904, tb.Date1904, a, want)
		}
		// Serial 60 is 29 February 1900 in the 1900 system, a day that
		// never was: the cell stays a number.
		if b1 := cellAt(t, tb, "B1"); (b1.Kind == letopis.CellDate) != date1904 {
			t.Errorf("1904 system %v: B1 %+v", date1904, b1)
		}
	}
}
