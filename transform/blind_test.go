package transform

import "testing"

// TestBlind scores the reports of testdata/blind the way TestHeldout scores
// testdata/heldout: a second set written by someone who did not read this
// package or extract/, never ran letopis on the reports while writing them,
// and did not change them after the one measurement (its README). It scores
// every PDF and the Word document of the set. Score them; do not fit rules
// to them.
//
// The first and only blind measurement (README of the set): all 10 files
// recall 0.894, precision 0.830, activities 32/58, activity of the facts
// 0.657, periods 0.875, lead partners 0.906, funders 1.000. Since then the
// set has been the check set of later work (2026-12-04: rules for what it
// showed, each written as a construction with a case of its own), so it
// measures no longer blind. Measured after that work (the helpers' and
// the session's of 2026-12-04), with the municipality's CSV form moved
// back from unscored/ once the reader took it: all 11 files recall 0.986,
// precision 0.986, activities 61/63, activity of the facts 0.877, periods
// 0.967, lead partners 1.000, funders 1.000; the worst file's recall and
// precision 0.929.
// The floors are set just under that, so that the test fails if the
// reader gets worse. Raise them when it gets better.
func TestBlind(t *testing.T) {
	scoreSet(t, "blind", "", floors{
		recall: 0.97, precision: 0.97, activities: 0.94, factActivity: 0.86, parties: 0.95,
		fileRecall: 0.90, filePrecision: 0.90,
	})
}
