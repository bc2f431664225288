package transform

import (
	"errors"
	"strings"
	"testing"

	"github.com/letopis/letopis"
)

// doc builds a document from a small markup, one block a line: `# ` a
// heading (size 16), `## ` a sub-heading (size 12), `- ` a list item,
// `[N] ` a result box with label N, `~ ` a new page, else a paragraph.
func doc(src string) *letopis.Document {
	d := &letopis.Document{Format: "pdf", Pages: []letopis.Page{{Number: 1}}}
	for _, line := range strings.Split(src, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		p := &d.Pages[len(d.Pages)-1]
		b := letopis.Block{Kind: letopis.BlockParagraph, Page: p.Number}
		size := 10.0
		switch {
		case strings.HasPrefix(line, "~"):
			d.Pages = append(d.Pages, letopis.Page{Number: p.Number + 1})
			continue
		case strings.HasPrefix(line, "## "):
			b.Kind, b.Level, size, line = letopis.BlockHeading, 2, 12, line[3:]
		case strings.HasPrefix(line, "# "):
			b.Kind, b.Level, size, line = letopis.BlockHeading, 1, 16, line[2:]
		case strings.HasPrefix(line, "- "):
			b.Kind, b.Label, line = letopis.BlockListItem, "•", line[2:]
		case strings.HasPrefix(line, "|"):
			// a table row: cells between bars, joined to a table right above
			var row []letopis.Cell
			for j, c := range strings.Split(strings.Trim(line, "|"), "|") {
				row = append(row, letopis.Cell{Col: j, Kind: letopis.CellText, Text: strings.TrimSpace(c)})
			}
			if n := len(p.Blocks); n > 0 && p.Blocks[n-1].Kind == letopis.BlockTable {
				t := p.Blocks[n-1].Table
				for j := range row {
					row[j].Row = len(t.Rows)
				}
				t.Rows = append(t.Rows, row)
				continue
			}
			b.Kind, b.Table = letopis.BlockTable, &letopis.Table{Page: p.Number, Rows: [][]letopis.Cell{row}}
			p.Blocks = append(p.Blocks, b)
			continue
		case strings.HasPrefix(line, "[") && strings.Contains(line, "] "):
			k := strings.Index(line, "] ")
			b.Kind, b.Label, line = letopis.BlockBox, line[1:k], line[k+2:]
		}
		b.Lines = []letopis.Line{{Text: line, Size: size}}
		p.Blocks = append(p.Blocks, b)
	}
	return d
}

const otherReport = `
# LETNO POROČILO 2022
Zavod Mladi zmaji, Ljubljana
~
# Projekt »Skupaj zmoremo« (1. 3. 2021–28. 2. 2023)
Projekt »Skupaj zmoremo« izvaja Zavod Mladi zmaji v partnerstvu z Društvom Sonček in Zavodom Vezal. Vodilni partner je Zavod Mladi zmaji. Projekt sofinancira Ministrstvo za javno upravo iz Sklada za razvoj NVO.
## DOSEŽENI REZULTATI V LETU 2022:
[1] Izvedenih 24 delavnic za mlade, od tega v Ljubljani 10 delavnic.
[2] 312 (od tega Društvo Sonček – 80) vključenih mladih.
## 1. SVETOVANJE
- Skupno smo opravili 140 ur svetovanj in 35 individualnih obravnav.
# PROGRAM MLADINSKI CENTER ZMAJ
Program Mladinski center Zmaj v letih 2020–2023 sofinancirata Mestna občina Ljubljana in Urad RS za mladino, zato so vse aktivnosti brezplačne.
## POČITNIŠKI PROGRAM
Počitniških delavnic se je v letu 2022 udeležilo 480 otrok.
## IZOBRAŽEVANJA
Izvedli smo 12 izobraževanj za 96 prostovoljcev.
`

func TestReadOtherReport(t *testing.T) {
	rep, err := Read(doc(otherReport), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Year != 2022 || !strings.HasPrefix(rep.Organisation, "Zavod Mladi zmaji") {
		t.Errorf("year %d, organisation %q", rep.Year, rep.Organisation)
	}
	if len(rep.Activities) != 2 {
		for _, a := range rep.Activities {
			t.Logf("activity %q", a.Title)
		}
		t.Fatalf("%d activities, want 2", len(rep.Activities))
	}
	a := rep.Activities[0]
	if a.Title != "Skupaj zmoremo" || a.Period.String() != "2021-03-01..2023-02-28" || a.LeadPartner != "Zavod Mladi zmaji" ||
		len(a.Partners) != 2 || len(a.Funders) == 0 || a.Funders[0] != "Ministrstvo za javno upravo" {
		t.Errorf("activity 1: %+v", a)
	}
	b := rep.Activities[1]
	if b.Title != "Mladinski center Zmaj" || b.Period.String() != "2020-01-01..2023-12-31" || len(b.Funders) != 2 {
		t.Errorf("activity 2: %+v", b)
	}
	type f struct {
		act   string
		value float64
		unit  letopis.Unit
		share float64
	}
	want := []f{{"Skupaj zmoremo", 24, "events", 10}, {"Skupaj zmoremo", 312, "persons", 80}, {"Skupaj zmoremo", 140, "hours", 0},
		{"Skupaj zmoremo", 35, "events", 0}, {"Mladinski center Zmaj", 480, "persons", 0}, {"Mladinski center Zmaj", 12, "events", 0},
		{"Mladinski center Zmaj", 96, "persons", 0}}
	if len(rep.Facts) != len(want) {
		for _, x := range rep.Facts {
			t.Logf("%s %g %s %q", x.Activity, x.Value, x.Unit, x.Indicator)
		}
		t.Fatalf("%d facts, want %d", len(rep.Facts), len(want))
	}
	for i, w := range want {
		x := rep.Facts[i]
		sh := 0.0
		if x.ShareValue != nil {
			sh = *x.ShareValue
		}
		if x.Activity != w.act || x.Value != w.value || x.Unit != w.unit || sh != w.share || x.Location.Page == 0 || x.Snippet == "" {
			t.Errorf("fact %d: %+v, want %+v", i, x, w)
		}
	}
	reasons := map[string]bool{}
	for _, r := range rep.Rejected {
		reasons[r.Reason] = true
	}
	if len(rep.Rejected) == 0 {
		t.Error("nothing rejected (box numbers, years, section numbers)")
	}
}

func TestNoYear(t *testing.T) {
	_, err := Read(doc("# Projekt X\nIzvedli smo 5 delavnic."), Options{})
	if !errors.Is(err, letopis.ErrNoYear) {
		t.Errorf("err = %v", err)
	}
	rep, err := Read(doc("# Projekt X\nIzvedli smo 5 delavnic."), Options{Year: 2019, Organisation: "Društvo Y"})
	if err != nil || rep.Year != 2019 || rep.Organisation != "Društvo Y" || len(rep.Facts) != 1 {
		t.Errorf("override: %v %+v", err, rep)
	}
}

// TestOutlineRoles: which headings open activities, table by table of
// outline constructions; facts named by value and their activity.
func TestOutlineRoles(t *testing.T) {
	cases := []struct {
		name  string
		src   string
		acts  []string
		facts map[float64]string // value → activity ("" the organisation's)
	}{
		{"a table's caption over it is no activity: its rows are the open activity's",
			`Društvo X, poročilo o delu 2023
			# Vodeni izleti
			Pripravili smo 8 izletov.
			# Pregled vodenih izletov 2023
			| Datum | Cilj izleta | Udeležencev |
			| 14. 1. | Krvavec | 41 |
			| 17. 6. | Stol | 22 |
			# Markacijski odsek
			Markacisti so obnovili 12 km poti.`,
			[]string{"Vodeni izleti", "Markacijski odsek"},
			map[float64]string{8: "Vodeni izleti", 41: "Vodeni izleti", 22: "Vodeni izleti", 12: "Markacijski odsek"}},
		{"the organisation's name heading the first page, a general part",
			`# Medobčinsko društvo invalidov Gornji Vrh
			Poročilo o delu za leto 2021
			# A. Splošno o društvu
			Društvo ima 642 članov.
			# B. Šport invalidov
			Tekmovali smo na 9 tekmovanjih.
			# C. Družabne dejavnosti
			Pripravili smo 4 izlete.`,
			[]string{"Šport invalidov", "Družabne dejavnosti"},
			map[float64]string{642: "", 9: "Šport invalidov", 4: "Družabne dejavnosti"}},
		{"plans for the next year are no results",
			`Društvo X, poročilo o delu 2021
			# Obiski na domu
			Prostovoljci so opravili 212 obiskov. V letu 2022 želimo doseči 250 obiskov, v prevoze pa vključiti vsaj 20 voznikov.
			V prihodnjem letu bomo pripravili 6 delavnic, letos pa smo jih 5.
			V letu 2022 bomo prostor odprli že aprila, na poletnem taboru pa pričakujemo do 80 otrok.
			# Prevozi
			Opravili smo 1.146 prevozov.`,
			[]string{"Obiski na domu", "Prevozi"},
			map[float64]string{212: "Obiski na domu", 5: "Obiski na domu", 1146: "Prevozi"}},
		{"the bodies and the key results of the year are of the organisation",
			`Društvo X, poročilo o delu 2023
			# Mentorji in mladinska komisija
			Z mladimi dela 9 mentorjev.
			# Tekmovanja
			Nastopili smo na 6 tekmovanjih.
			# Tabor mladih
			Tabora se je udeležilo 38 otrok.
			# Ključni rezultati leta
			- 11 desetin na tekmovanjih`,
			[]string{"Tekmovanja", "Tabor mladih"},
			map[float64]string{9: "", 6: "Tekmovanja", 38: "Tabor mladih", 11: ""}},
		{"a container's children are the activities, and so are the parts beside it; calls for proposals are the organisation's",
			`Zavod X, poročilo o delu 2024
			# Namestitev
			Hostel ima 64 ležišč.
			## Zmogljivost
			Hostel ima 18 sob.
			## Gostje
			Prenočilo je 9.120 gostov.
			# Javni pozivi
			Objavili smo 3 pozive.
			# Mladinski programi
			Programe vodi ekipa zavoda.
			## Mladinska izmenjava Mostovi
			Sodelovalo je 36 mladih.
			## Hostel kot učilnica
			Praktični pouk je opravilo 14 dijakov.`,
			[]string{"Namestitev", "Mladinska izmenjava Mostovi", "Hostel kot učilnica"},
			map[float64]string{64: "Namestitev", 18: "Namestitev", 9120: "Namestitev", 3: "", 36: "Mladinska izmenjava Mostovi", 14: "Hostel kot učilnica"}},
		{"a table of the projects before their headings: one activity each, with the table's lead; the running costs are the organisation's",
			`Zavod X, poročilo o delu 2024
			# Javni pozivi in izbor operacij
			Objavili smo 3 pozive.
			# Operacije v izvajanju
			| Operacija | Nosilec | Vrednost (EUR) |
			| Poti ob potoku | Občina Potok | 86.400,00 |
			## Poti ob potoku
			Uredili smo 6 km poti.
			## Projekt sodelovanja Podeželje brez meja
			Gostili smo 35 predstavnikov.
			# Stroški delovanja
			Stroški so znašali 12.000 EUR.`,
			[]string{"Poti ob potoku", "Projekt sodelovanja Podeželje brez meja"},
			map[float64]string{3: "", 86400: "Poti ob potoku", 6: "Poti ob potoku", 35: "Projekt sodelovanja Podeželje brez meja", 12000: ""}},
		{"a heading of kinds of activity over its own text, no headings under it, is one activity",
			`Društvo X, poročilo o delu 2021
			# Šport invalidov
			Tekmovali smo na 9 tekmovanjih.
			# Družabne in kulturne dejavnosti
			Pripravili smo 4 izlete.`,
			[]string{"Šport invalidov", "Družabne in kulturne dejavnosti"},
			map[float64]string{9: "Šport invalidov", 4: "Družabne in kulturne dejavnosti"}},
		{"informing the members is of the organisation",
			`Društvo X, poročilo o delu 2023
			# Mladinski odsek
			Odsek ima 40 članov.
			# Obveščanje članov
			Izdali smo 2 številki glasila.
			# Markacijski odsek
			Markacisti so obnovili 12 km poti.`,
			[]string{"Mladinski odsek", "Markacijski odsek"},
			map[float64]string{40: "Mladinski odsek", 2: "", 12: "Markacijski odsek"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rep, err := Read(doc(c.src), Options{Organisation: "Društvo X"})
			if err != nil {
				t.Fatal(err)
			}
			var acts []string
			for _, a := range rep.Activities {
				acts = append(acts, a.Title)
			}
			if strings.Join(acts, "|") != strings.Join(c.acts, "|") {
				t.Errorf("activities %q, want %q", acts, c.acts)
			}
			got := map[float64]string{}
			for _, f := range rep.Facts {
				got[f.Value] = f.Activity
			}
			if len(rep.Facts) != len(c.facts) {
				for _, f := range rep.Facts {
					t.Logf("fact %g %q (%s)", f.Value, f.Indicator, f.Activity)
				}
				t.Errorf("%d facts, want %d", len(rep.Facts), len(c.facts))
			}
			for v, a := range c.facts {
				if g, ok := got[v]; !ok || g != a {
					t.Errorf("fact %g: activity %q (found %v), want %q", v, g, ok, a)
				}
			}
		})
	}
}
