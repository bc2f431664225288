package transform

import (
	"fmt"
	"strings"
	"testing"

	"github.com/letopis/letopis"
	"github.com/letopis/letopis/transform/units"
)

// want is one expected fact of a sentence: value, unit, qualifier, share
// (0 for none) and a word the indicator must contain.
type want struct {
	value float64
	unit  letopis.Unit
	qual  letopis.Qualifier
	share float64
	word  string
}

func fmtFacts(fs []rawFact) string {
	var b strings.Builder
	for _, f := range fs {
		sh := ""
		if f.ShareValue != nil {
			sh = fmt.Sprintf(" share=%g of %q", *f.ShareValue, f.ShareOf)
		}
		fmt.Fprintf(&b, "\n  %g %s %s [%s]%s", f.Value, f.Unit, f.Qualifier, f.Indicator, sh)
	}
	return b.String()
}

func TestSentenceFacts(t *testing.T) {
	lex := units.Default()
	P, E, H, O, S, D, Po, U, L, Pr, Sv, Ot := letopis.UnitPersons, letopis.UnitEvents, letopis.UnitHours, letopis.UnitOrganisations,
		letopis.UnitSchools, letopis.UnitDocuments, letopis.UnitPosts, letopis.UnitUnits, letopis.UnitLocations, letopis.UnitProjects, letopis.UnitServices, letopis.UnitOther
	X, MT, AL, AP := letopis.Exact, letopis.MoreThan, letopis.AtLeast, letopis.Approx
	cases := []struct {
		s    string
		want []want
	}{
		// sentences of the kind of the fixture report
		{"Izdelani 3 akcijski načrti (za vsako geografsko območje: Mestni občini Celje in Velenje, Občina Slovenske Konjice).", []want{{3, D, X, 0, "načrti"}}},
		{"Izvedenih 5 skupnih partnerskih usposabljanj, 5 individualnih usposabljanj na nivoju partnerja.", []want{{5, E, X, 0, "skupnih"}, {5, E, X, 0, "individualnih"}}},
		{"Skozi nove razvite storitve nagovorjenih potreb in izzivov vsaj 1.000 oseb iz različnih ranljivih ciljnih skupin.", []want{{1000, P, AL, 0, "oseb"}}},
		{"190 (od tega Društvo NOVUS – 42) izvedenih dogodkov za spoznavanje trga dela in poklicev ter razvijanje interesov šolajoče mladine;", []want{{190, E, X, 42, "dogodkov"}}},
		{"Aktivno delovanje 4 enot kariernega centra za mlade, od tega v Velenju 1 enota;", []want{{4, U, X, 1, "enot"}}},
		{"701 oseb vključenih v Aktivnosti za »Razvoj kariere«, od tega Društvo NOVUS 98 oseb.", []want{{701, P, X, 98, "oseb"}}},
		{"22.830 opravljenih ur usposabljanj, od tega Društvo NOVUS 5.503 ur.", []want{{22830, H, X, 5503, "ur"}}},
		{"V letu 2020 se je aktivnosti kariernega centra – Enota Velenje, udeležilo preko 884 otrok in 130 staršev.", []want{{884, P, MT, 0, "otrok"}, {130, P, X, 0, "staršev"}}},
		{"V projekt je bilo vključenih 28 osnovnih in 7 srednjih šol.", []want{{28, S, X, 0, "osnovnih"}, {7, S, X, 0, "srednjih"}}},
		{"Skupno smo v letu 2020 izvedli 26 delavnic z različnih področij, 205 ur mentorstev, 512 ur svetovanj in pripomogli k 17 novo razvitih storitev NVO.", []want{{26, E, X, 0, "delavnic"}, {205, H, X, 0, "mentorstev"}, {512, H, X, 0, "svetovanj"}, {17, Sv, X, 0, "storitev"}}},
		{"Facebook profil Sticisce Novus (sticiscenvoNOVUS) – 2.500 objav na FB.", []want{{2500, Po, X, 0, "objav"}}},
		{"V letu 2020 smo v sklopu Vsebin pozitivnega starševstva izvedli 12 predavanj, 18 pogovornih delavnic in 18 treningov starševstva, ki se jih je udeležilo skupno 386 uporabnikov.", []want{{12, E, X, 0, "predavanj"}, {18, E, X, 0, "pogovornih"}, {18, E, X, 0, "treningov"}, {386, P, X, 0, "uporabnikov"}}},
		{"Pri izvajanju usposabljanj je do konca leta 2020 sodelovalo več kot 47 vrhunskih predavateljev, od tega kar 19 strokovnjakov znotraj partnerstva in več kot 28 zunanjih strokovnjakov.", []want{{47, P, MT, 0, "predavateljev"}, {19, P, X, 0, "strokovnjakov"}, {28, P, MT, 0, "zunanjih"}}},
		{"V letu 2020 je vzpostavljeno sodelovanje pri izvajanju aktivnosti s 25 novimi podjetji/organizacijami iz Vzhodne kohezijske regije.", []want{{25, O, X, 0, "podjetji"}}},
		{"V 51 aktivnostih vsebin zdravega življenjskega sloga, ki smo jih izpeljali v letu 2020, je bilo vključenih 398 uporabnikov.", []want{{51, E, X, 0, "aktivnostih"}, {398, P, X, 0, "uporabnikov"}}},
		{"usposobili cca 120 mladih;", []want{{120, P, AP, 0, "mladih"}}},
		{"V LETU 2020 SMO IZVEDLI 2 PROJEKTA, IN SICER:", []want{{2, Pr, X, 0, "projekta"}}},
		{"V letu 2020 je bilo priglašenih 13 novih lokacij, ki omogočajo razpršeno izvajanje projektnih aktivnosti.", []want{{13, L, X, 0, "lokacij"}}},
		{"Neformalno druženje smo zagotavljali vsak delovni dan od ponedeljka do petka, od 7.00 do 17.00.", nil},
		{"Skupaj smo izvedli 75 delavnic, v katere smo vključili 1373 otrok, 10 delavnic, v katere smo vključili 103 starostnikov in 20 izobraževalnih delavnic iz 10 tematik,", []want{{75, E, X, 0, "delavnic"}, {1373, P, X, 0, "otrok"}, {10, E, X, 0, "delavnic"}, {103, P, X, 0, "starostnikov"}, {20, E, X, 0, "izobraževalnih"}, {10, Ot, X, 0, "tematik"}}},
		// sentences of other reports, written here to keep the rules general
		{"V letu 2021 smo organizirali 14 taborov, ki se jih je udeležilo 312 otrok, od tega 40 otrok s posebnimi potrebami.", []want{{14, E, X, 0, "taborov"}, {312, P, X, 0, "otrok"}, {40, P, X, 0, "posebnimi"}}},
		{"Svetovalnico je obiskalo približno 450 oseb (od tega Zavod Zora – 120), kar je 12,5 % več kot leto prej.", []want{{450, P, AP, 120, "oseb"}}}, // the change is derived (TestDerived)
		{"Prostovoljci so opravili 3.450 ur prostovoljnega dela v 9 krajih.", []want{{3450, H, X, 0, "prostovoljnega"}, {9, L, X, 0, "krajih"}}},
		{"Za izvedbo programa smo prejeli 48.500,00 EUR sredstev Občine Kranj.", []want{{48500, letopis.UnitEUR, X, 0, "sredstev"}}},
		{"Mladinski center je v letu 2022 sodeloval s 17 šolami in 6 vrtci ter pripravil 2 priročnika.", []want{{17, S, X, 0, "šolami"}, {6, S, X, 0, "vrtci"}, {2, D, X, 0, "priročnika"}}},
		{"Na spletni strani smo objavili 124 novic, na Instagramu pa najmanj 300 objav.", []want{{124, Po, X, 0, "novic"}, {300, Po, AL, 0, "objav"}}},
		{"Delavnice so bile namenjene otrokom od 6 do 12 let, potekale so ob 16.30.", nil},
		{"Pripravili smo dva projektna predloga.", []want{{2, D, X, 0, "predloga"}}},
	}
	for _, c := range cases {
		got, _ := sentenceFacts(c.s, lex, false)
		ok := len(got) == len(c.want)
		for i := 0; ok && i < len(got); i++ {
			w, g := c.want[i], got[i]
			sh := 0.0
			if g.ShareValue != nil {
				sh = *g.ShareValue
			}
			if g.Value != w.value || g.Unit != w.unit || g.Qualifier != w.qual || sh != w.share || !strings.Contains(g.Indicator, w.word) {
				ok = false
			}
		}
		if !ok {
			t.Errorf("%s\n got:%s\nwant: %v", c.s, fmtFacts(got), c.want)
		}
	}
}
