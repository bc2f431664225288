package main

import (
	"bytes"
	"testing"

	"github.com/letopis/letopis/load"
)

func TestLocalCellText(t *testing.T) {
	tests := []struct {
		v              any
		locale, column string
		want           string
	}{
		{1234.5, "sl", "value", "1.234,5"},
		{250109.76, "sl", "value", "250.109,76"},
		{-22830.0, "sl", "change", "-22.830"},
		{int64(2020), "sl", "report_year", "2020"},
		{int32(2021), "sl", "previous_year", "2021"},
		{int64(1234567), "sl", "total", "1.234.567"},
		{40.32, "sl", "value", "40,32"},
		{999.0, "sl", "value", "999"},
		{1234.5, "plain", "value", "1234.5"},
		{"1234.5", "sl", "indicator", "1234.5"},
		{nil, "sl", "target", ""},
	}
	for _, tt := range tests {
		if got := localCellText(tt.v, tt.locale, tt.column); got != tt.want {
			t.Errorf("localCellText(%v, %s, %s) = %q, want %q", tt.v, tt.locale, tt.column, got, tt.want)
		}
	}
}

func TestPrintMarkdown(t *testing.T) {
	tab := &load.Table{Columns: []string{"indicator", "value"}, Types: []string{"VARCHAR", "DOUBLE"},
		Rows: [][]any{{"a | b", 1234.5}, {"c\nd", nil}}}
	var b bytes.Buffer
	if err := printTableLocale(&b, tab, "markdown", "sl"); err != nil {
		t.Fatal(err)
	}
	want := "| indicator | value |\n| --- | ---: |\n| a \\| b | 1.234,5 |\n| c d |  |\n"
	if b.String() != want {
		t.Fatalf("got\n%s\nwant\n%s", b.String(), want)
	}
}
