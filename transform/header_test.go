package transform

import "testing"

// TestYearColumns: a sheet whose values stand in year columns is analysed
// once, and the report year then picks its column; without that year's
// column the last year is read.
func TestYearColumns(t *testing.T) {
	s := sheet("Kazalniki",
		[]string{"Naziv kazalnika", "Merska enota", "2019", "2020", "2021"},
		[]string{"Izvedene delavnice", "število", "#3", "#5", "#8"})
	for _, tt := range []struct {
		year   int
		value  float64
		period string
	}{
		{2020, 5, "2020-01-01..2020-12-31"},
		{2019, 3, "2019-01-01..2019-12-31"},
		{2018, 8, "2021-01-01..2021-12-31"},
	} {
		rep, err := Read(workbook(s), Options{Year: tt.year})
		if err != nil {
			t.Fatal(err)
		}
		if len(rep.Facts) != 1 || rep.Facts[0].Value != tt.value || rep.Facts[0].Period.String() != tt.period {
			t.Errorf("year %d: facts %+v, want one of %v in %s", tt.year, rep.Facts, tt.value, tt.period)
		}
		if len(rep.Rejected) != 2 {
			t.Errorf("year %d: rejected %+v, want the two other years' values", tt.year, rep.Rejected)
		}
	}
	// The header found without a year keeps its row for every year.
	h := headerOf(&s)
	if h == nil || h.row != 0 || h.forYear(2019).row != 0 || h.roles[4] != colValue || h.forYear(2019).roles[4] == colValue {
		t.Errorf("header %+v", h)
	}
}
