package transform

import "github.com/letopis/letopis/transform/slnum"

// findPeriods returns the periods stated in a text (slnum.FindPeriods).
func findPeriods(s string) []slnum.PeriodMatch { return slnum.FindPeriods(s) }
