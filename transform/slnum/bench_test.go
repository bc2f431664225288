package slnum

import (
	"os"
	"testing"
)

var benchNumbers = []string{"250.109,76", "22.830", "2 500", "40,32", "1373", "−3", "1.000.000", "26.115,5"}

// BenchmarkParseNumber reports ns per number; it must allocate nothing.
func BenchmarkParseNumber(b *testing.B) {
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		for _, s := range benchNumbers {
			if _, err := ParseNumber(s); err != nil {
				b.Fatal(err)
			}
			n++
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(n), "ns/number")
}

var benchDates = []string{"1. 11. 2019", "1.11.2019", "30. septembra 2022", "marca 2022", "01. 11. 2019", "2019-11-01"}

// BenchmarkParseDate reports ns per date.
func BenchmarkParseDate(b *testing.B) {
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		for _, s := range benchDates {
			if _, _, err := ParseDate(s); err != nil {
				b.Fatal(err)
			}
			n++
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(n), "ns/date")
}

// BenchmarkParseQuantity reports ns per cell.
func BenchmarkParseQuantity(b *testing.B) {
	b.ReportAllocs()
	cells := []string{"25 %", "250.109,76 EUR", "cca 120", "€ 1.000", "22.830"}
	n := 0
	for b.Loop() {
		for _, s := range cells {
			if _, err := ParseQuantity(s); err != nil {
				b.Fatal(err)
			}
			n++
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(n), "ns/cell")
}

func seedText(b *testing.B) string {
	data, err := os.ReadFile("../../testdata/novus-2020.seed.txt")
	if err != nil {
		b.Skip(err)
	}
	return string(data)
}

// BenchmarkScan scans the whole text of a report and reports ns per token.
func BenchmarkScan(b *testing.B) {
	s := seedText(b)
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		n += len(Scan(s))
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(n), "ns/token")
}

// BenchmarkFindPeriods finds the periods of a report's text and reports ns
// per period.
func BenchmarkFindPeriods(b *testing.B) {
	s := seedText(b)
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		n += len(FindPeriods(s))
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(n), "ns/period")
}
