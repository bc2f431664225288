package transform

import (
	"testing"

	"github.com/letopis/letopis/transform/units"
)

func FuzzSentence(f *testing.F) {
	for _, s := range []string{
		"190 (od tega Društvo NOVUS – 42) izvedenih dogodkov;",
		"701 oseb, od tega Društvo NOVUS 98 oseb.",
		"V 51 aktivnostih je bilo vključenih 398 uporabnikov.",
		"od 7.00 do 17.00, od 6 do 19 let, (1) x, 2.Lokalna",
		"28 osnovnih in 7 srednjih šol", "(", "od tega (", "»5 «", "5 in",
	} {
		f.Add(s)
	}
	lex := units.Default()
	f.Fuzz(func(t *testing.T, s string) {
		for _, x := range sentences(s) {
			sentenceFacts(x, lex, false)
		}
		Read(doc("# LETNO POROČILO 2020\n# Projekt »X«\n"+s+"\n- "+s+"\n[1] "+s), Options{})
	})
}
