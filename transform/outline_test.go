package transform

import "testing"

// TestContainerTitle: a heading that only announces the activities below
// it, in the words reports use for them.
func TestContainerTitle(t *testing.T) {
	for title, want := range map[string]bool{
		"Programi in projekti v letu 2021": true,
		"Operacije v izvajanju":            true,
		"Projekti v izvajanju":             true,
		"Zaključene operacije":             true,
		"Naše dejavnosti":                  true,
		"Mladinski programi":               true,
		"Mednarodne dejavnosti":            true,
		"Mladinski program":                false,
		"Mladinska točka Brod":             false,
		"Javni pozivi in izbor operacij":   false,
		"Projekt Gozd nas uči":             false,
		"Delovanje organov in pisarne LAS": false,
	} {
		if got := containerTitle(title); got != want {
			t.Errorf("containerTitle(%q) = %v, want %v", title, got, want)
		}
	}
}
