package transform

import "testing"

// TestDateSystem reads the same serial numbers in the period columns of a
// workbook of each date system: the table's Date1904 says which day they
// are, as the workbook's own setting does.
func TestDateSystem(t *testing.T) {
	for _, tt := range []struct {
		date1904 bool
		want     string
	}{
		{false, "2015-12-31..2016-12-30"},
		{true, "2020-01-01..2020-12-31"},
	} {
		s := sheet("Sredstva",
			[]string{"Projekt", "Opis", "Obdobje od", "Obdobje do", "Znesek (EUR)"},
			[]string{"Mreža", "Pridobljena sredstva", "#42369", "#42734", "250.109,76"})
		s.Date1904 = tt.date1904
		rep, err := Read(workbook(s), Options{Year: 2020})
		if err != nil {
			t.Fatal(err)
		}
		if len(rep.Facts) != 1 || rep.Facts[0].Period.String() != tt.want {
			t.Errorf("Date1904 %v: facts %+v, want one of the period %s", tt.date1904, rep.Facts, tt.want)
		}
	}
}
