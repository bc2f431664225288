package transform

import (
	"reflect"
	"testing"
	"time"

	"github.com/letopis/letopis"
)

// TestParties reads the lead partner and the partners from introductions
// worded in the ways reports word them.
func TestParties(t *testing.T) {
	tests := []struct {
		prose    string
		lead     string
		partners []string
	}{
		{"Program regionalnega stičišča izvaja društvo Most v partnerstvu z organizacijami Fundacija Prizma in Podjetniški inkubator Kočevje.",
			"Društvo Most", []string{"Fundacija Prizma", "Podjetniški inkubator Kočevje"}},
		{"Program socialne aktivacije zavod Korak izvaja v partnerstvu z organizacijo Ljudska univerza Velenje.",
			"Zavod Korak", []string{"Ljudska univerza Velenje"}},
		{"Društvo NOVUS izvaja v partnerstvu z Mladinskim centrom Velenje.",
			"Društvo NOVUS", []string{"Mladinski center Velenje"}},
		{"Vodilni partner je Zavod Uspešen.si, partnerja sta Društvo A in Društvo B.",
			"Zavod Uspešen.si", nil},
		// the lead named after its role with any noun (nosilec izmenjave,
		// nosilec prireditve), and in a relative clause
		{"Nosilec izmenjave je bil Mladinski center Brdonje, partnerji pa Udruga mladih Vrbas iz Hrvaške.",
			"Mladinski center Brdonje", nil},
		{"Nosilec prireditve je bil KUD Odmev, soorganizatorja pa Turistično društvo Potok.", "KUD Odmev", nil},
		{"Projekt Starejši za starejše, ki ga na državni ravni vodi Zveza društev upokojencev Slovenije, izvajamo že enajsto leto.",
			"Zveza društev upokojencev Slovenije", nil},
		{"Projekt vodi Zavod za zaposlovanje, društvo pa je eden od partnerjev.", "Zavod za zaposlovanje", nil},
		{"Organizator tabora je Gasilska zveza Lipje, ki je tabor pripravila v kampu.", "Gasilska zveza Lipje", nil},
		{"Akcijo Oktober – mesec požarne varnosti na državni ravni vodi Gasilska zveza Slovenije, v društvu pa je potekala pod geslom.",
			"Gasilska zveza Slovenije", nil},
		{"Program na državni ravni vodi Zveza prijateljev mladine Slovenije · tema 2023/24: Šolski sistem", "Zveza prijateljev mladine Slovenije", nil},
		{"Projekt izvajamo s štirimi knjižnicami; vodilna partnerica je Pokrajinska knjižnica Dolga Ravan.", "Pokrajinska knjižnica Dolga Ravan", nil},
		{"Vodilni partner, Zavod za razvoj podeželja Ključ, je oddal končno poročilo.", "Zavod za razvoj podeželja Ključ", nil},
		{"Vseslovenski program Botrstvo · koordinator: Zveza prijateljev mladine Slovenije", "Zveza prijateljev mladine Slovenije", nil},
		// a person who leads a group is no lead partner
		{"Zbor vodi zborovodkinja Nina Lesjak, ki ga je prevzela pred leti.", "", nil},
	}
	for _, tt := range tests {
		lead, partners := parties(tt.prose)
		for i, p := range partners {
			partners[i] = nominative(p)
		}
		if lead != tt.lead {
			t.Errorf("parties(%q) lead = %q, want %q", tt.prose, lead, tt.lead)
		}
		if tt.partners != nil && !reflect.DeepEqual(partners, tt.partners) {
			t.Errorf("parties(%q) partners = %q, want %q", tt.prose, partners, tt.partners)
		}
	}
}

// TestFunders reads the financing bodies in the ways reports name them.
func TestFunders(t *testing.T) {
	tests := []struct {
		prose string
		want  []string
	}{
		{"Letovanje so sofinancirale Občina Žalec, Občina Prebold in Občina Polzela, del stroškov pa so pokrili donatorji.",
			[]string{"Občina Žalec", "Občina Prebold", "Občina Polzela"}},
		{"Izdajo je sofinanciral Javni sklad Republike Slovenije za kulturne dejavnosti s 3.150,00 EUR, preostanek pa smo pokrili z donacijami.",
			[]string{"Javni sklad Republike Slovenije za kulturne dejavnosti"}},
		{"Za obnovo noš smo od Javnega sklada Republike Slovenije za kulturne dejavnosti prejeli 1.850,00 EUR.",
			[]string{"Javni sklad Republike Slovenije za kulturne dejavnosti"}},
		{"Akcijo je finančno podprlo podjetje Enerlux, d. o. o., ki se ukvarja z energijo.", []string{"Enerlux, d. o. o."}},
		{"Praznik sta finančno podprli Občina Dolnji Potok in Lokalna akcijska skupina Zeleni griči.",
			[]string{"Občina Dolnji Potok", "Lokalna akcijska skupina Zeleni griči"}},
		{"Izmenjava je bila financirana iz programa Erasmus+: Mladi v akciji, in sicer v višini 18.400 EUR.", []string{"Erasmus+: Mladi v akciji"}},
		{"Sofinancira ga Ministrstvo za okolje in prostor.", []string{"Ministrstvo za okolje in prostor"}},
		// a strip of fields under a heading, separated by middle dots
		{"Obdobje izvedbe: 1. 7.–9. 8. 2024 · Kraj: dom Galeb · Sofinancerja: Občina Dolnji Potok, Zavod za zdravstveno zavarovanje Slovenije",
			[]string{"Občina Dolnji Potok", "Zavod za zdravstveno zavarovanje Slovenije"}},
		{"Obdobje: jan.–dec. 2024 · Sofinancer: Občina Brezovje · Kraj: mestni park", []string{"Občina Brezovje"}},
	}
	for _, tt := range tests {
		if got := funders(tt.prose); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("funders(%q) = %q, want %q", tt.prose, got, tt.want)
		}
	}
}

// TestIntroPeriod reads when an activity ran from its introduction; a
// time wholly before or after the report's year names something else.
func TestIntroPeriod(t *testing.T) {
	year := letopis.Period{Start: letopis.Date{Year: 2024, Month: time.January, Day: 1}, End: letopis.Date{Year: 2024, Month: time.December, Day: 31}}
	tests := []struct{ prose, want string }{
		{"Projekt je potekal od 1. 3. 2024 do 30. 11. 2024.", "2024-03-01..2024-11-30"},
		{"Projekt (1. 4. 2024–31. 3. 2025) sofinancira sklad.", "2024-04-01..2025-03-31"},
		{"Operacija poteka v letih 2023–2025.", "2023-01-01..2025-12-31"},
		{"Sofinancirajo jo občine po dogovoru iz leta 2017.", ""},
		{"Digitalizirali smo 1.240 strani časopisa iz let 1958–1975.", ""},
		{"V letih 2025–2026 bomo program razširili.", ""},
	}
	r := &reader{year: year}
	for _, tt := range tests {
		got := ""
		if p := r.introPeriod(tt.prose); !p.Start.IsZero() {
			got = p.Start.String() + ".." + p.End.String()
		}
		if got != tt.want {
			t.Errorf("introPeriod(%q) = %q, want %q", tt.prose, got, tt.want)
		}
	}
}

// TestEventDay reads the day of an activity that is one event from a
// sentence of its introduction that names it.
func TestEventDay(t *testing.T) {
	year := letopis.Period{Start: letopis.Date{Year: 2024, Month: time.January, Day: 1}, End: letopis.Date{Year: 2024, Month: time.December, Day: 31}}
	tests := []struct{ title, prose, want string }{
		{"Dan odprtih čebelnjakov", "Na Dan odprtih čebelnjakov, 26. maja 2024, je svoja vrata odprlo devet čebelnjakov.", "2024-05-26"},
		{"Tradicionalni slovenski zajtrk", "Tradicionalni slovenski zajtrk, ki ga vodi ministrstvo, je bil 15. novembra 2024. Obiskali smo sedem vrtcev.", "2024-11-15"},
		{"Noč knjige", "Že tretje leto smo se pridružili. Noč knjige smo 23. aprila 2024 praznovali z branjem.", "2024-04-23"},
		// a date of one event within a longer activity, and one of another year
		{"Poletni tabor", "Tabor smo pripravili od 1. do 10. julija 2024, obiskal nas je župan 5. julija 2024.", ""},
		{"Dan odprtih vrat", "Dan odprtih vrat je bil 12. 10. 2023, letos ga nismo pripravili.", ""},
		{"Čistilna akcija", "Prvo srečanje je bilo 3. marca 2024.", ""},
		{"Otroški parlament", "V programu so sodelovale vse šole. Občinski otroški parlament je bil 28. februarja 2024.", ""},
	}
	r := &reader{year: year}
	for _, tt := range tests {
		got := ""
		if p := r.eventDay(tt.prose, tt.title); !p.Start.IsZero() {
			got = p.Start.String()
		}
		if got != tt.want {
			t.Errorf("eventDay(%q, %q) = %q, want %q", tt.prose, tt.title, got, tt.want)
		}
	}
}

// TestRecase gives headings set in capitals the case of the prose: the
// introduction first, then the rest of the document.
func TestRecase(t *testing.T) {
	doc := map[string]string{"loka": "Loka", "škofja": "Škofja", "center": "center"}
	tests := []struct{ title, prose, want string }{
		{"REGIONALNO STIČIŠČE NVO ŠKOFJA LOKA", "Program regionalnega stičišča izvaja društvo Most.", "Regionalno stičišče NVO Škofja Loka"},
		{"KARIERNI CENTER ZA MLADE", "Karierni Center je odprt.", "Karierni Center za mlade"},
		{"KARIERNI CENTER ZA MLADE", "", "Karierni center za mlade"},
		{"Že napisano prav", "", "Že napisano prav"},
	}
	for _, tt := range tests {
		if got := recase(tt.title, tt.prose, doc); got != tt.want {
			t.Errorf("recase(%q) = %q, want %q", tt.title, got, tt.want)
		}
	}
}
