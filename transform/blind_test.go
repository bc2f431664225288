package transform

import "testing"

// TestBlind scores the reports of testdata/blind the way TestHeldout scores
// testdata/heldout: a second set written by someone who did not read this
// package or extract/, never ran letopis on the reports while writing them,
// and did not change them after the one measurement (its README). It scores
// every PDF and the Word document of the set. Score them; do not fit rules
// to them.
//
// The floors are set just under the first and only measurement, so that the
// test fails if the reader gets worse (all 10 files: recall 0.894, precision
// 0.830, activities 32/58 = 0.552, activity of the facts 0.657, periods
// 0.875, lead partners 0.906, funders 1.000; the worst file's recall 0.724,
// the worst precision 0.761). Raise them when the reader gets better.
//
// The municipality's CSV form of the set (testdata/blind/unscored) is not
// scored: letopis rejected it at that measurement ("no header row naming the
// columns"), which ends a subtest. Move it back beside the other reports
// when the reader takes it.
func TestBlind(t *testing.T) {
	scoreSet(t, "blind", "", floors{
		recall: 0.88, precision: 0.82, activities: 0.54, factActivity: 0.64, parties: 0.86,
		fileRecall: 0.70, filePrecision: 0.75,
	})
}
