package transform

import (
	"strings"
	"testing"

	"github.com/letopis/letopis"
	"github.com/letopis/letopis/transform/units"
)

// Constructions of Slovene that reports of other organisations than the
// first ones use, each written as a case before its rule: none is the
// sentence of one report (the corpus reports are scored in TestCorpus).
func TestWording(t *testing.T) {
	lex := units.Default()
	P, E, D, L, O := letopis.UnitPersons, letopis.UnitEvents, letopis.UnitDocuments, letopis.UnitLocations, letopis.UnitOther
	X := letopis.Exact
	cases := []struct {
		name string
		s    string
		want []want
	}{
		// counted nouns of culture, sport, pensioners', humanitarian and
		// environmental work, in the forms numbers and prepositions give them
		{"persons of culture", "Nastopilo je 18 pevk in pevcev ter 24 plesalk in plesalcev.", []want{{18, P, X, 0, "pevk"}, {24, P, X, 0, "plesalk"}}},
		{"persons of sport", "Ekipe je vodilo 14 trenerjev, treniralo je 236 igralcev.", []want{{14, P, X, 0, "trenerjev"}, {236, P, X, 0, "igralcev"}}},
		{"events after a preposition", "Nastopili so na 6 tekmovanjih in 5 gostovanjih.", []want{{6, E, X, 0, "tekmovanjih"}, {5, E, X, 0, "gostovanjih"}}},
		{"events in the genitive", "Odpravili smo se na 22 pohodov in odigrali 139 tekem.", []want{{22, E, X, 0, "pohodov"}, {139, E, X, 0, "tekem"}}},
		{"documents", "Oddali smo 7 pripomb in mnenj.", []want{{7, D, X, 0, "pripomb"}}},
		{"locations", "Predstavilo se je 28 stojnic.", []want{{28, L, X, 0, "stojnic"}}},
		{"a noun outside the lexicon", "Posadili smo 2.400 dreves.", []want{{2400, O, X, 0, "dreves"}}},
		// a number of years, months or minutes is an age, an anniversary or
		// a duration, never a result
		{"an age", "Povprečna starost članov je 72 let.", nil},
		{"an anniversary", "Klub je praznoval 70 let delovanja.", nil},
		{"a duration in words", "Moj vnuk ima sedem let.", nil},
		{"a duration in minutes", "Predstava traja 95 minut.", nil},
		// number words in the forms case gives them
		{"number words after prepositions", "Odbor se je sestal na osmih rednih sejah in na eni dopisni seji.", []want{{8, E, X, 0, "sejah"}, {1, E, X, 0, "seji"}}},
		{"a number word after a relative clause's verb", "Upravo, ki jo sestavlja sedem članov, vodi predsednik.", []want{{7, P, X, 0, "članov"}}},
		{"the partners that make up a project describe it", "Partnerstvo sestavljajo štiri organizacije.", nil},
		{"the noun after a preposition is not what is counted", "Kupili smo 20 kompletov zaščitne opreme za mlade gasilce in obnovili 48 hidrantov v vasi.", []want{{20, O, X, 0, "kompletov"}, {48, O, X, 0, "hidrantov"}}},
		{"a number word after its noun", "Zaposlenih je bilo pet, saj se nam je pridružila nova delavka. Tematskih tednov smo pripravili tri: teden zdravja, teden mladih in teden prostovoljstva.", []want{{5, P, X, 0, "zaposlenih"}, {3, E, X, 0, "tednov"}}},
		{"a noun and its number with the year between", "Individualnih svetovanj je bilo v letu 2022 kar 104, skupinskih delavnic pa 11.", []want{{104, E, X, 0, "svetovanj"}, {11, E, X, 0, "delavnic"}}},
		{"which ones, not how many", "Sejem je obiskalo 610 učencev zadnjih dveh razredov osnovnih šol.", []want{{610, P, X, 0, "učencev"}}},
		{"a count after its noun outside the lexicon", "Redarjev je 13, skrbijo pa za 58 kilometrov poti.", []want{{13, O, X, 0, "redarjev"}, {58, O, X, 0, "kilometrov"}}},
		{"a teen number word in the locative", "Uprava rodu se je v letu 2022 sestala na enajstih sejah.", []want{{11, E, X, 0, "sejah"}}},
		{"a number word in the masculine plural", "Za delo so skrbeli štirje redno zaposleni sodelavci.", []want{{4, P, X, 0, "zaposleni"}}},
		{"one of many is an idiom", "Krvodajalstvo je ena najstarejših dejavnosti, ekipa pa ena najbolj učinkovitih v ligi.", nil},
		{"eni as a pronoun", "Eni so prišli peš, drugi s kolesi.", nil},
		// a part of a whole by place, the place after the part
		{"a share by place after the part", "Razdelili smo 1.240 paketov hrane, od tega 320 v Žalcu, ostale drugje.", []want{{1240, O, X, 320, "paketov"}}},
		{"a share by municipality", "Sodelovali so otroci iz 18 šol, od tega 11 iz Mestne občine Ptuj.", []want{{18, letopis.UnitSchools, X, 11, "šol"}}},
		// derived and descriptive numbers
		{"percentage points are a difference", "Družin z otroki je bilo 41,5 %, kar je 3,2 odstotne točke več kot lani.", []want{{41.5, letopis.UnitPercent, X, 0, ""}}},
		{"a height in parentheses", "Povzpeli smo se na Uršljo goro (1.699 m) in Boč.", nil},
		{"a score", "V finalu je ekipa z 2:1 premagala domačine.", nil},
		{"a limit in parentheses", "Namenili so nam del dohodnine (do 1 %), za kar se zahvaljujemo.", nil},
		// the number after its noun and verb
		{"a number after its noun and verb", "Udeležencev je bilo 138, večinoma srednješolcev.", []want{{138, P, X, 0, "udeležencev"}}},
		{"numbers after their nouns in a list", "Pionirjev je bilo 24, mladincev 28, pripravnikov pa 11.", []want{{24, P, X, 0, "pionirjev"}, {28, P, X, 0, "mladincev"}, {11, P, X, 0, "pripravnikov"}}},
		// a part of a whole: the whole is the value, the part the share of the place before it
		{"a part of a whole named again", "V krožek je bilo vključenih 64 učencev, na Brezju 23 od skupno 64.", []want{{64, P, X, 23, "učencev"}}},
		{"a part of a whole named again with its noun", "Udeležilo se jih je 312 učencev, največ iz partnerske šole: iz Osnovne šole Podgrad 188 od skupno 312 učencev.", []want{{312, P, X, 188, "učencev"}}},
		{"a part of a whole, its place opening the sentence", "V Rečici, kjer smo okrepili skupino, so prostovoljci opravili 74 od skupno 212 obiskov.", []want{{212, O, X, 74, "obiskov"}}},
		{"a part of a whole stated once", "Največ članov je iz Zgornje Dobrave, 375 od skupno 642, ostali so od drugod.", []want{{642, P, X, 375, "članov"}}},
		// counts and percentages written as compounds
		{"times the organisation did something", "Z ekipo smo se letos 14-krat odpravili na teren.", []want{{14, E, X, 0, "odpravili"}}},
		{"times a person did something is a record", "Najzvestejši član je na pohodu sodeloval že 40-krat.", nil},
		{"a percentage as an adjective", "Zasedenost kapacitet je bila 78,4-odstotna.", []want{{78.4, letopis.UnitPercent, X, 0, "zasedenost"}}},
		// parts counted by the pronoun jih, and a list of them with the noun left out
		{"parts by a pronoun and a list", "Od 24 otrok v skupini se jih je 15 vpisalo v nadaljevalni tečaj, pet v plesno šolo, štirje pa so prenehali.",
			[]want{{24, P, X, 0, "otrok"}, {15, P, X, 0, "otrok"}, {5, P, X, 0, "otrok"}, {4, P, X, 0, "otrok"}}},
		{"parts by a pronoun after a semicolon", "Na tečaj smo sprejeli 30 brezposelnih; 22 jih je tečaj končalo, osem pa jih je odstopilo.",
			[]want{{30, P, X, 0, "brezposelnih"}, {22, P, X, 0, "brezposelnih"}, {8, P, X, 0, "brezposelnih"}}},
		{"a part among them with the noun left out", "Vlak je ustavljal na dvanajstih postajah, med njimi na treh ob vrtcih.",
			[]want{{12, O, X, 0, "postajah"}, {3, O, X, 0, "postajah"}}},
		{"a part among them with its noun before", "Gostov je bilo 900, tujih gostov med njimi 210.",
			[]want{{900, P, X, 0, "gostov"}, {210, P, X, 0, "gostov"}}},
		{"a pronoun beside a count with its own noun", "Letovanja se je udeležilo 62 otrok, spremljalo pa jih je 6 prostovoljnih vzgojiteljev.",
			[]want{{62, P, X, 0, "otrok"}, {6, P, X, 0, "vzgojiteljev"}}},
		// the noun left out after an adjective, named by the count before
		{"prizes of a competition", "Prvo nagrado je prejelo 12 fotografij, drugo 9 in tretjo 5.",
			[]want{{12, O, X, 0, "fotografij"}, {9, O, X, 0, "drugo fotografij"}, {5, O, X, 0, "tretjo fotografij"}}},
		{"teams of two kinds", "Na turnirju je igralo 14 članskih ekip, mladinskih 6.", []want{{14, O, X, 0, "ekip"}, {6, O, X, 0, "mladinskih ekip"}}},
		{"a number after its noun and an auxiliary is no gap", "Delavnic je bilo 12, udeležencev pa 56.", []want{{12, E, X, 0, "delavnic"}, {56, P, X, 0, "udeležencev"}}},
		// addresses, formulas and compounds
		{"a house number", "Pisarna društva na Cesti na Grad 12 je odprta ob torkih.", nil},
		{"a formula", "Indeks = realizacija / načrt × 100.", nil},
		{"compounds of a list", "Priznanja smo podelili krvodajalcem, ki so kri darovali 25-, 50- ali 100-krat.", nil},
		// a planned value in parentheses after the value
		{"a target in parentheses", "V program se je vključilo 64 oseb (načrtovali smo jih 60).", []want{{64, P, X, 0, "oseb"}}},
		// the head noun decides what is counted, not a genitive after it
		{"a head noun outside the lexicon before persons", "Zapisali smo 46 spominov starejših krajanov in jih objavili.", []want{{46, O, X, 0, "spominov"}}},
		{"a head noun of things before persons", "Zbrali smo 120 receptov naših babic.", []want{{120, O, X, 0, "receptov"}}},
		{"two nouns joined, one of them counted", "Prireditev je varovalo 8 redarjev in prostovoljcev.", []want{{8, P, X, 0, "prostovoljcev"}}},
		{"two head nouns joined before a genitive", "Prodali smo 612 spominkov in izdelkov lokalnih ponudnikov.", []want{{612, O, X, 0, "spominkov"}}},
		{"a group of a kindergarten is a group", "Obiskali smo vse tri skupine vrtca in 4 oddelke osnovne šole.", []want{{3, O, X, 0, "skupine"}, {4, O, X, 0, "oddelke"}}},
		{"an inspection of hives", "Opravili smo 27 pregledov čebelnjakov.", []want{{27, E, X, 0, "pregledov"}}},
		// persons, organisations and places of beekeeping, libraries, tourism
		{"course participants", "Izpit je opravilo 9 tečajnic in 11 tečajnikov.", []want{{9, P, X, 0, "tečajnic"}, {11, P, X, 0, "tečajnikov"}}},
		{"librarians", "Usposabljanja se je udeležilo 23 knjižničarjev in bibliotekarjev.", []want{{23, P, X, 0, "knjižničarjev"}}},
		{"queen breeders as a label", "Vzrejevalci matic: 3", []want{{3, P, X, 0, "vzrejevalci"}}},
		{"trail markers and guides", "Planinske poti je letos označevalo 13 markacistov, izlete pa je vodilo 5 vodnikov.", []want{{13, P, X, 0, "markacistov"}, {5, P, X, 0, "vodnikov"}}},
		{"vendors", "Na sejmu se je predstavilo 46 ponudnikov domače hrane.", []want{{46, letopis.UnitOrganisations, X, 0, "ponudnikov"}}},
		{"stops", "Bibliobus je ustavljal na 14 postajališčih.", []want{{14, L, X, 0, "postajališčih"}}},
		{"issues of a newsletter", "Izdali smo tri številke glasila v nakladi 300 izvodov.", []want{{3, D, X, 0, "številke"}, {300, O, X, 0, "izvodov"}}},
		// a label, a colon and the value
		{"a label and its value", "Število družin, ki so prejele pomoč: 463", []want{{463, O, X, 0, "število družin"}}},
		{"a label, its value and a measure", "Razdeljena oblačila in obutev: 6.820 kg", []want{{6820, O, X, 0, "oblačila"}}},
	}
	for _, c := range cases {
		got, _ := sentenceFacts(c.s, lex, false)
		checkFacts(t, c.name+": "+c.s, got, c.want)
	}
}

// A pull quote (a paragraph in quotation marks) holds a person's words:
// its numbers are refused, not read as results.
func TestQuotation(t *testing.T) {
	rep, err := Read(doc(`
# LETNO POROČILO 2021
Društvo Jelša
~
# Projekt Čista reka
Na 16 čistilnih akcijah je sodelovalo 412 prostovoljcev.
»Ko smo leta 1994 na Ormoški cesti 28 ustanovili društvo, nas je bilo 12 prostovoljcev. Danes nas je 214 članov.«
`), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Facts) != 2 {
		t.Errorf("%d facts, want the 2 of the prose:%v", len(rep.Facts), rep.Facts)
	}
	quoted := 0
	for _, x := range rep.Rejected {
		if strings.HasPrefix(x.Reason, "in a quotation") {
			quoted++
		}
	}
	if quoted == 0 {
		t.Errorf("no number refused as quoted: %+v", rep.Rejected)
	}
}

// checkFacts compares the facts read from one sentence with the wanted
// ones: value, unit, qualifier, share and a word of the indicator.
func checkFacts(t *testing.T, what string, got []rawFact, wants []want) {
	t.Helper()
	if len(got) != len(wants) {
		t.Errorf("%s: %d facts, want %d:%s", what, len(got), len(wants), fmtFacts(got))
		return
	}
	for i, w := range wants {
		f := got[i]
		sh := 0.0
		if f.ShareValue != nil {
			sh = *f.ShareValue
		}
		if f.Value != w.value || f.Unit != w.unit || f.Qualifier != w.qual || sh != w.share || !strings.Contains(f.Indicator, w.word) {
			t.Errorf("%s: fact %d = %g %s %s share %g [%s], want %+v", what, i, f.Value, f.Unit, f.Qualifier, sh, f.Indicator, w)
		}
	}
}

// Numbers a sentence derives from others or states as a circumstance:
// changes, durations of a state, all of a known set, distributives,
// rates and averages, prices. None is a result: each is refused with its
// reason, and the counts beside it stay facts.
func TestDerived(t *testing.T) {
	lex := units.Default()
	P, E, O, EUR := letopis.UnitPersons, letopis.UnitEvents, letopis.UnitOther, letopis.UnitEUR
	X := letopis.Exact
	cases := []struct {
		name   string
		s      string
		want   []want
		reason string // a word of the reason the derived number is refused with
	}{
		// a change against another year or a plan
		{"a change with za and a comparative", "Stroški ogrevanja so bili za 12 % nižji kot leto prej.", nil, "change"},
		{"a change with za and več", "Letos smo izvedli za 5 delavnic več.", nil, "change"},
		{"a change after a verb of change", "Število izposoj je upadlo za 4 %, obisk pa se je povečal za 350.", nil, "change"},
		{"a change after a count", "Članov je bilo 214, kar je 12 več kot lani.", []want{{214, P, X, 0, "članov"}}, "change"},
		{"a change in percent after a count", "Obiskov smo našteli 8.400, kar je 5 % manj kot v letu 2022.", []want{{8400, O, X, 0, "obiskov"}}, "change"},
		{"a change as a difference after the count", "Na tekmovanju je nastopilo 40 ekip, za 6 manj kot leta 2022.", []want{{40, O, X, 0, "ekip"}}, "change"},
		// a duration of a state the clause describes, not a result
		{"a duration in a relative clause", "Dvorana, ki je bila zaradi obnove tri mesece zaprta, je znova odprta.", nil, "duration"},
		{"a duration in which a thing was done", "V dveh dneh smo spekli 900 palačink.", []want{{900, O, X, 0, "palačink"}}, "duration"},
		{"days of a service are a count", "V 45 dneh tabora se ga je udeležilo 120 otrok.", []want{{45, O, X, 0, "dneh"}, {120, P, X, 0, "otrok"}}, ""},
		// all of a set named before: where, not how many
		{"all of a set after a preposition", "V vseh treh občinah je prevoz za starejše brezplačen.", nil, "all of"},
		{"both of a set after a preposition", "Na obeh šolah smo izvedli 12 delavnic.", []want{{12, E, X, 0, "delavnic"}}, ""},
		// a distributive: so many each
		{"so many each after a count", "Izvedli smo 6 delavnic po tri ure.", []want{{6, E, X, 0, "delavnic"}}, "each"},
		{"so many each alone", "Vsak udeleženec je prejel po dva paketa.", nil, "each"},
		// a rate or an average per person, family or time
		{"hours a day are a schedule", "Dežurna služba deluje 24 ur na dan, vse dni v letu.", nil, "schedule"},
		{"an average per family derived from the count before", "Razdelili smo 450 paketov, kar je povprečno 3 na družino.", []want{{450, O, X, 0, "paketov"}}, "rate"},
		{"an average of a harvest per hive", "Pridelali smo 3.200 kg medu, kar je povprečno 14 kg na panj.", []want{{3200, O, X, 0, "medu"}}, "rate"},
		{"an average a day stated is a fact", "Varstvo je bilo odprto 30 dni, v povprečju je prišlo 25 otrok na dan.", []want{{30, O, X, 0, "dni"}, {25, P, X, 0, "otrok"}}, ""},
		// a target or a plan stated beside the results
		{"a target value", "Ciljna vrednost po pogodbi je 40 vključenih oseb na leto.", nil, "target"},
		{"a planned value", "Zasedenost je bila 61 %, po načrtu smo načrtovali 55-odstotno zasedenost.", []want{{61, letopis.UnitPercent, X, 0, ""}}, "planned"},
		{"a planned value in parentheses stays the target", "V program se je vključilo 64 oseb (načrtovali smo jih 60).", []want{{64, P, X, 0, "oseb"}}, ""},
		// an apposition in dashes describes a thing
		{"an apposition in dashes", "Prijavilo se je 120 otrok, izziv – deset prebranih knjig – pa jih je opravilo 85.", []want{{120, P, X, 0, "otrok"}, {85, P, X, 0, "otrok"}}, "apposition"},
		// the number of a part of the report
		{"a chapter", "Podrobnejši pregled stroškov je v poglavju 4.", nil, "chapter"},
		{"an annex", "Seznam vseh partnerjev je v prilogi 2.", nil, "annex"},
		{"a table opening the sentence", "Preglednica 3 kaže obisk po mesecih.", nil, "table"},
		{"a count after a noun that could be a reference", "Razstavili smo slike 12 avtorjev.", []want{{12, P, X, 0, "avtorjev"}}, ""},
		{"a telephone number", "Otroke smo naučili, kako pokličejo na številko 112.", nil, "telephone"},
		// the field a rank is among, a limit a rule sets
		{"the field of a rank", "Na državnem tekmovanju je ekipa med 36 ekipami zasedla 5. mesto.", nil, "rank"},
		{"the field of a rank after it", "Komisija je vas uvrstila na 3. mesto med 28 ocenjenimi kraji.", nil, "rank"},
		{"a limit a rule sets", "Pravilnik za priznanje zahteva vsebnost vode pod 18 %.", nil, "rule"},
		// a price or a fee, not an amount received or spent
		{"a yearly fee", "Letna članarina znaša 25 € in ostaja nespremenjena.", nil, "price"},
		{"a monthly rent", "Mesečna najemnina za prostor je znašala 250 EUR.", nil, "price"},
		{"a price", "Cena vstopnice je bila 8 EUR.", nil, "price"},
		{"fees received are an amount", "Članarina je prinesla 2.320 EUR.", []want{{2320, EUR, X, 0, ""}}, ""},
		// the same words around counts that are results
		{"all of them as the object is a count", "Obiskali smo vse tri šole v občini.", []want{{3, letopis.UnitSchools, X, 0, "šole"}}, ""},
		{"an average as the subject is a fact", "Skupaj smo izvedli 71 vaj, ki se jih je v povprečju udeležilo 19 otrok.", []want{{71, E, X, 0, "vaj"}, {19, P, X, 0, "otrok"}}, ""},
		{"days open are a result", "Točka je bila odprta 148 dni.", []want{{148, O, X, 0, "dni"}}, ""},
	}
	for _, c := range cases {
		got, rej := sentenceFacts(c.s, lex, false)
		checkFacts(t, c.name+": "+c.s, got, c.want)
		if c.reason == "" {
			continue
		}
		found := false
		for _, r := range rej {
			found = found || strings.Contains(r.Reason, c.reason)
		}
		if !found {
			t.Errorf("%s: %s: no number refused as %q: %v", c.name, c.s, c.reason, rej)
		}
	}
}

// A part of a whole in the forms other than `od tega`: the whole is the
// value, the part its share, owned by the partner or place the sentence
// names for it.
func TestShareForms(t *testing.T) {
	lex := units.Default()
	P, EUR := letopis.UnitPersons, letopis.UnitEUR
	X := letopis.Exact
	cases := []struct {
		name string
		s    string
		want []want
		of   string // the share's owner
	}{
		{"the part that falls to a partner", "Projekt je vreden 240.000 EUR, na Mladinski center Brdo odpade 52.000 EUR.", []want{{240000, EUR, X, 52000, ""}}, "Mladinski center Brdo"},
		{"the part that falls to us", "Celotna vrednost operacije je 95.000 EUR, na naše društvo odpade 21.300 EUR.", []want{{95000, EUR, X, 21300, ""}}, "naše društvo"},
		{"the part meant for us after the whole", "Skupna vrednost projekta je 80.000 EUR, našemu zavodu je namenjenih 22.500 EUR.", []want{{80000, EUR, X, 22500, ""}}, "naš zavod"},
		{"the part meant for us with za", "Vrednost projekta je 150.000 EUR, za društvo je namenjenih 30.000 EUR.", []want{{150000, EUR, X, 30000, ""}}, "društvo"},
		{"the whole opening the sentence", "Od 64.000 EUR vrednosti projekta je bilo zavodu namenjenih 9.600 EUR.", []want{{64000, EUR, X, 9600, ""}}, "zavod"},
		{"an amount received of a total", "Zavod je prejel 9.000 EUR od skupno 45.000 EUR sredstev projekta.", []want{{45000, EUR, X, 9000, ""}}, "Zavod"},
		{"a part from a place named with an adjective", "Na tabor je šlo 40 otrok, od tega pet iz sosednje občine Lipje.", []want{{40, P, X, 5, "otrok"}}, "sosednje občine Lipje"},
		{"a part of persons from our organisation", "Na tabor je šlo 40 otrok, od tega 12 iz našega društva.", []want{{40, P, X, 12, "otrok"}}, "naše društvo"},
		{"a part named a share of a partner", "Vrednost projekta je 70.000 EUR, od tega delež KUD Zvon 9.500 EUR.", []want{{70000, EUR, X, 9500, ""}}, "KUD Zvon"},
		// no owner: a subgroup stays a fact of its own
		{"a part named by a kind of cost is no share", "Odhodki so znašali 84.000 EUR, od tega stroški dela 52.300 EUR.", []want{{84000, EUR, X, 0, ""}, {52300, EUR, X, 0, ""}}, ""},
		{"a part meant for a purpose is no share", "Prejeli smo 5.000 EUR, od tega je bilo 2.000 EUR namenjenih za nakup opreme.", []want{{5000, EUR, X, 0, ""}, {2000, EUR, X, 0, "opreme"}}, ""},
		{"a part of a total without a partner is no share", "Skupaj smo prejeli 9.000 EUR od skupno 45.000 EUR.", []want{{9000, EUR, X, 0, ""}, {45000, EUR, X, 0, ""}}, ""},
		{"a subgroup is no share", "Na tabor je šlo 40 otrok, od tega 12 deklic.", []want{{40, P, X, 0, "otrok"}, {12, P, X, 0, "deklic"}}, ""},
		{"two amounts of different things are no share", "Za material smo porabili 1.200 EUR, za prevoze pa 800 EUR.", []want{{1200, EUR, X, 0, ""}, {800, EUR, X, 0, ""}}, ""},
	}
	for _, c := range cases {
		got, _ := sentenceFacts(c.s, lex, false)
		checkFacts(t, c.name+": "+c.s, got, c.want)
		if c.of != "" && len(got) > 0 && got[0].ShareOf != c.of {
			t.Errorf("%s: %s: share of %q, want %q", c.name, c.s, got[0].ShareOf, c.of)
		}
	}
}

// A sentence ends after a small number when the next one opens with a
// capitalised word and its verb (`… bronasto 3. Vzorci so …`); an
// ordinal before a name (`Že 38. Kostanjev praznik je …`), a date or a
// rank goes on.
func TestSentenceEnds(t *testing.T) {
	cases := []struct {
		text string
		want int
	}{
		{"Zlato priznanje je prejelo 21 vzorcev, srebrno 8 in bronasto 3. Vzorci so bili ocenjeni po pravilniku.", 2},
		{"Na tekmovanju so sodelovale 4 ekipe, naše pa 2. Ekipe so tekmovale v dveh kategorijah.", 2},
		{"Že 38. Kostanjev praznik je privabil veliko obiskovalcev.", 1},
		{"Ekipa je zasedla 2. mesto med dvanajstimi.", 1},
		{"V tečaj smo vključili 30 brezposelnih; 22 jih je tečaj končalo.", 1},
		{"Izvedli smo 12 delavnic; 5 taborov smo pripravili poleti.", 2},
	}
	for _, c := range cases {
		if got := sentences(c.text); len(got) != c.want {
			t.Errorf("sentences(%q) = %q, want %d", c.text, got, c.want)
		}
	}
}
