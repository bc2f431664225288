package transform

import "testing"

// TestBlind2 scores the reports of testdata/blind2 the way TestBlind scores
// testdata/blind: a third set written by someone who did not read this
// package or extract/, never ran letopis on the reports while writing them,
// and did not change them after the one measurement (its README). It scores
// every PDF, the Word document and the workbook of the set. Score them; do
// not fit rules to them.
//
// The first and only blind measurement (2026-12-04, README of the set): all
// 9 files recall 0.965, precision 0.900, unit 0.881, activity of the facts
// 0.570, activities 25/39 = 0.641, periods 0.880, lead partners 0.680,
// funders 0.520; the worst file's recall 0.914 (dzz-2024-libreoffice), the
// worst precision 0.776 (mh-2024-chromium). The same day the set became a
// check set of later work (rules for what it showed, each a construction
// with a case of its own), so it measures no longer blind; measured after
// that work: all 9 files recall 0.975, precision 0.940, unit 0.897,
// activity of the facts 0.982, activities 37/39, periods 1.000, lead
// partners 0.919, funders 0.946; the worst file's recall 0.929, precision
// 0.818. The floors are set just under that, so that the test fails if the
// reader gets worse. Raise them when it gets better.
func TestBlind2(t *testing.T) {
	scoreSet(t, "blind2", "", floors{
		recall: 0.96, precision: 0.92, activities: 0.92, factActivity: 0.95, parties: 0.90,
		fileRecall: 0.90, filePrecision: 0.80,
	})
}
