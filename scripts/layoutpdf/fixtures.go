package main

import (
	"fmt"
	"strconv"
	"strings"
)

// The fixtures' pages. Text is Slovene report prose; the numbers are
// invented.

const (
	body  = 10.0 // body text size, pt
	tsize = 9.0  // table text size, pt
)

var lorem = []string{
	"Društvo je v letu izvajalo programe za otroke, mladostnike in starejše ter sodelovalo z občino, šolami in drugimi društvi v regiji.",
	"Programi so potekali v prostorih društva in na terenu; večino dejavnosti so vodili prostovoljci, ki so se za delo usposobili na izobraževanjih.",
	"Udeleženci so programe ocenili kot koristne, zato jih bomo v prihodnjem letu nadaljevali in razširili na nove kraje.",
}

func prose(n int) string {
	s := ""
	for i := 0; i < n; i++ {
		if i > 0 {
			s += " "
		}
		s += lorem[i%len(lorem)]
	}
	return s
}

func drawBorderless(g *gen) {
	g.newPage()
	x, y, w := margin, margin, pageW-2*margin
	y += g.heading(x, y, 15, "Udeležba na programih")
	y += g.para(x, y, w, body, "V letu 2022 se je programov društva udeležilo več ljudi kot leto prej. Preglednica kaže udeležence po programih; najbolj so zrasle počitniške delavnice.")
	y += g.table(x, y, &tab{name: "udeležba", kind: "borderless", size: tsize, pad: 1.2, header: 1,
		widths: []float64{64, 24, 24, 28}, align: "LRRR", bold: map[int]bool{4: true},
		rows: [][]string{
			{"Program", "2021", "2022", "Sprememba"},
			{"Učna pomoč za osnovnošolce", "142", "168", "18,3 %"},
			{"Počitniške delavnice za otroke iz socialno šibkejših družin", "64", "97", "51,6 %"},
			{"Bralni klub za starejše", "35", "41", "17,1 %"},
			{"Skupaj", "241", "306", "27,0 %"},
		}}) + 4
	y += g.para(x, y, w, body, prose(2))
	y += g.heading(x, y, 11, "Prihodki v letu 2022 (EUR)")
	y += g.table(x, y, &tab{name: "prihodki", kind: "borderless", size: tsize, pad: 1.2, leaders: ".",
		widths: []float64{95, 35}, align: "LR", bold: map[int]bool{4: true},
		rows: [][]string{
			{"Članarine", "4.250,00"},
			{"Donacije podjetij", "12.800,50"},
			{"Javni razpis občine", "18.000,00"},
			{"Prispevki udeležencev", "3.415,20"},
			{"Skupaj prihodki", "38.465,70"},
		}}) + 4
	g.para(x, y, w, body, prose(3))

	g.newPage()
	y = margin
	y += g.heading(x, y, 15, "Delo na terenu")
	// prose in two columns: no table
	cw := (w - 8) / 2
	h1 := g.para(x, y, cw, body, prose(4))
	h2 := g.para(x+cw+8, y, cw, body, prose(5))
	y += max(h1, h2) + 2
	y += g.table(x, y, &tab{name: "izvajalci", kind: "borderless", size: tsize, pad: 1.2, header: 1,
		widths: []float64{48, 27, 22, 27, 32}, align: "LRRRR",
		rows: [][]string{
			{"Izvajalec", "Število udeležencev", "Ure", "Delež žensk", "Sredstva"},
			{"Mladinski center Lokve", "1.204", "2.310", "54 %", "21.400,00 €"},
			{"Terensko delo", "318", "640", "61 %", "8.250,00 €"},
			{"Spletno svetovanje", "77", "152", "70 %", "1.980,00 €"},
		}}) + 4
	y += g.heading(x, y, 11, "Odhodki v letu 2022 (EUR)")
	g.table(x, y, &tab{name: "odhodki", kind: "borderless", size: tsize, pad: 1.2, leaders: ". ",
		widths: []float64{95, 35}, align: "LR",
		rows: [][]string{
			{"Stroški dela", "21.700,00"},
			{"Material za delavnice", "5.312,40"},
			{"Prevozi in potni stroški", "2.160,85"},
			{"Najemnine", "6.000,00"},
		}})
}

func drawRuled(g *gen) {
	g.newPage()
	x, y, w := margin, margin, pageW-2*margin
	y += g.heading(x, y, 15, "Projekti in rezultati")
	y += g.para(x, y, w, body, "Društvo je v letu 2023 vodilo tri projekte. Rezultati projekta Digitalni mostovi so v preglednici v njegovi vrstici.")
	nested := &tab{name: "kazalniki", kind: "ruled", size: 8.5, pad: 1.2, header: 1, ruled: true,
		widths: []float64{40, 22}, align: "LR",
		rows: [][]string{
			{"Kazalnik", "Vrednost"},
			{"Delavnice", "24"},
			{"Udeleženci", "310"},
			{"Mentorske ure", "1.120"},
		}}
	y += g.table(x, y, &tab{name: "projekti", kind: "ruled", size: tsize, pad: 2, header: 1, ruled: true,
		widths: []float64{45, 55, 70}, align: "LLL",
		nested: map[[2]int]*tab{{2, 2}: nested},
		rows: [][]string{
			{"Projekt", "Partnerji", "Rezultati"},
			{"Mladi za podeželje", "Občina Lokve, Zavod Bitnik", "Izvedenih 12 delavnic za 180 mladih."},
			{"Digitalni mostovi", "Srednja šola Brdonje", ""},
			{"Zeleni vikend", "Turistično društvo Lokve", "Očiščenih 34 km brežin."},
		}}) + 5
	y += g.para(x, y, w, body, "Obiski po enotah društva v zadnjih treh letih:")
	y += g.table(x+42, y, &tab{name: "obiski", kind: "ruled", size: tsize, pad: 1.5, header: 1, ruled: true,
		widths: []float64{26, 26, 26}, align: "RRR", labelW: 42,
		labels: []string{"", "Mladinski center", "Terensko delo", "Spletne vsebine"},
		totals: []string{"Skupaj", "1.930", "2.246", "2.671"},
		rows: [][]string{
			{"2020", "2021", "2022"},
			{"1.204", "1.380", "1.522"},
			{"318", "402", "455"},
			{"408", "464", "694"},
		}}) + 5
	y += g.para(x, y, w, body, "Število prostovoljcev po spolu, z vsoto pod preglednico:")
	g.table(x, y, &tab{name: "prostovoljci", kind: "ruled", size: tsize, pad: 1.5, header: 1, ruled: true,
		widths: []float64{50, 26, 26}, align: "LRR",
		totals: []string{"Skupaj", "38", "51"},
		rows: [][]string{
			{"Skupina", "Ženske", "Moški"},
			{"Mladi do 29 let", "21", "17"},
			{"Odrasli", "12", "20"},
			{"Starejši od 65 let", "5", "14"},
		}})
}

var events = []string{"Zimski pohod", "Delavnica izdelave ptičjih hišic", "Občni zbor", "Predavanje o prvi pomoči",
	"Čistilna akcija", "Bralna urica", "Pohod na Lisco", "Kolesarski izlet", "Poletni tabor", "Koncert ob prazniku"}
var places = []string{"Lokve", "Brdonje", "Sevnica", "Krško", "Laško"}

func drawContinued(g *gen) {
	g.newPage()
	x, y, w := margin, margin+4, pageW-2*margin
	y += g.heading(x, y, 15, "Dogodki v letu 2023")
	y += g.para(x, y, w, body, "Društvo je v letu 2023 pripravilo 46 dogodkov. Preglednica jih navaja po vrsti; nadaljuje se na naslednji strani.")
	rows := [][]string{{"Datum", "Dogodek", "Kraj", "Udeleženci"}}
	for i := 0; i < 46; i++ {
		day, month := 3+(i*5)%25, 1+i/4
		rows = append(rows, []string{fmt.Sprintf("%d. %d. 2023", day, month), events[i%len(events)],
			places[(i*3)%len(places)], strconv.Itoa(12 + (i*37)%140)})
	}
	t := &tab{name: "dogodki", kind: "ruled", size: tsize, pad: 1.4, header: 1, ruled: true,
		widths: []float64{28, 72, 40, 25}, align: "LLLR", rows: rows}
	g.expect(t, g.page)
	// as many rows as fit, then the rest on the next page under the header
	from := 1
	to := from
	for h := g.rowHeight(t, 0); to < len(rows) && y+h+g.rowHeight(t, to) < pageH-25; to++ {
		h += g.rowHeight(t, to)
	}
	g.drawRows(x, y, t, 0, to, true)
	g.newPage()
	y = margin + 4
	y += g.drawRows(x, y, t, to, len(rows), true) + 5
	y += g.heading(x, y, 13, "Ocena leta")
	y += g.para(x, y, w, body, prose(4))
	g.newPage()
	y = margin + 4
	y += g.heading(x, y, 13, "Načrti za leto 2024")
	g.para(x, y, w, body, prose(6))
}

func drawRotatedPages(g *gen) {
	g.newPage()
	x, y, w := margin, margin, pageW-2*margin
	y += g.heading(x, y, 15, "Pregled po letih")
	y += g.para(x, y, w, body, "Podrobne preglednice so na naslednjih straneh, postavljenih ležeče.")
	g.table(x, y, &tab{name: "povzetek", kind: "ruled", size: tsize, pad: 1.5, header: 1, ruled: true,
		widths: []float64{60, 30}, align: "LR",
		rows: [][]string{{"Kazalnik", "2023"}, {"Člani", "412"}, {"Prostovoljci", "89"}, {"Dogodki", "46"}}})

	g.newPage()
	g.landscape(90, func() {
		x, y, w := margin, margin, g.w-2*margin
		y += g.heading(x, y, 15, "Udeleženci programov 2018–2023")
		y += g.para(x, y, w, body, "Preglednica kaže število udeležencev po programih v zadnjih šestih letih. Leto 2020 je zaznamovala epidemija.")
		y += g.table(x, y, &tab{name: "leta", kind: "rotated", size: tsize, pad: 1.5, header: 1, ruled: true,
			widths: []float64{62, 24, 24, 24, 24, 24, 24, 28}, align: "LRRRRRRR",
			rows: [][]string{
				{"Program", "2018", "2019", "2020", "2021", "2022", "2023", "Skupaj"},
				{"Učna pomoč", "120", "131", "88", "142", "168", "175", "824"},
				{"Počitniške delavnice", "55", "61", "20", "64", "97", "104", "401"},
				{"Bralni klub", "30", "28", "12", "35", "41", "44", "190"},
				{"Pohodi", "210", "245", "96", "230", "260", "281", "1.322"},
			}}) + 4
		g.para(x, y, w, body, prose(2))
	})

	g.newPage()
	g.landscape(270, func() {
		x, y, w := margin, margin, g.w-2*margin
		y += g.heading(x, y, 15, "Sredstva po virih")
		y += g.table(x, y, &tab{name: "viri", kind: "rotated", size: tsize, pad: 1.2, header: 1,
			widths: []float64{70, 32, 32, 32, 30}, align: "LRRRR",
			rows: [][]string{
				{"Vir", "2021", "2022", "2023", "Delež 2023"},
				{"Občina Lokve", "18.000,00", "18.000,00", "21.000,00", "48 %"},
				{"Ministrstvo za delo", "9.500,00", "11.200,00", "12.400,00", "28 %"},
				{"Donacije", "6.120,30", "7.480,00", "6.950,00", "16 %"},
				{"Članarine", "3.800,00", "4.250,00", "3.600,00", "8 %"},
			}}) + 4
		g.para(x, y, w, body, prose(2))
	})
}

func drawRotatedBlocks(g *gen) {
	g.newPage()
	x, y, w := margin, margin, pageW-2*margin
	y += g.heading(x, y, 15, "Poročilo o delu")
	g.para(x, y, w, body, prose(3))
	// a landscape table turned on the portrait page (read with the page
	// turned clockwise): drawn about its top left corner, it grows right by
	// its height and up by its width
	t := &tab{name: "obrat", kind: "rotated", size: tsize, pad: 1.5, header: 1, ruled: true,
		widths: []float64{55, 24, 24, 24, 24}, align: "LRRRR",
		rows: [][]string{
			{"Enota", "2020", "2021", "2022", "2023"},
			{"Mladinski center", "1.204", "1.380", "1.522", "1.610"},
			{"Terensko delo", "318", "402", "455", "470"},
			{"Spletne vsebine", "408", "464", "694", "702"},
		}}
	ax, ay := margin+6, 250.0
	g.turned(90, ax, ay, pageW, pageH, func() { g.table(ax, ay, t) })
	// a table without rules beside it, turned the same way
	t2 := &tab{name: "ure", kind: "rotated", size: tsize, pad: 1.2, header: 1,
		widths: []float64{55, 28, 28}, align: "LRR",
		rows: [][]string{
			{"Dejavnost", "Ure", "Prostovoljci"},
			{"Učna pomoč", "1.240", "18"},
			{"Delavnice", "512", "9"},
			{"Pohodi", "380", "12"},
			{"Svetovanje", "205", "4"},
		}}
	bx := ax + g.tabHeight(t) + 25
	g.turned(90, bx, ay, pageW, pageH, func() { g.table(bx, ay, t2) })
	// a note turned the other way along the right edge
	g.turned(-90, pageW-12, 60, pageW, pageH, func() {
		g.f.SetFont("dejavu", "", 8)
		g.f.Text(pageW-12, 60, "Društvo Svetilnik, Letno poročilo 2023, priloga A")
	})
	g.para(x, 258, w, body, "Preglednici zgoraj sta postavljeni ležeče; berete ju z obrnjeno stranjo.")

	// a page drawn turned as a whole, without /Rotate: read turned upright
	g.newPage()
	g.turned(-90, pageW/2, pageW/2, pageH, pageW, func() {
		x, y, w := margin, margin, g.w-2*margin
		y += g.heading(x, y, 15, "Prostovoljsko delo po mesecih")
		y += g.para(x, y, w, body, "Prostovoljci so v letu opravili 4.210 ur dela. Preglednica kaže ure po četrtletjih in vrstah dela.")
		y += g.table(x, y, &tab{name: "četrtletja", kind: "rotated", size: tsize, pad: 1.5, header: 1, ruled: true,
			widths: []float64{70, 30, 30, 30, 30, 30}, align: "LRRRRR",
			rows: [][]string{
				{"Vrsta dela", "I.", "II.", "III.", "IV.", "Skupaj"},
				{"Učna pomoč", "410", "380", "95", "420", "1.305"},
				{"Delavnice", "220", "310", "480", "260", "1.270"},
				{"Pohodi in izleti", "120", "350", "410", "150", "1.030"},
				{"Pisarna", "160", "150", "130", "165", "605"},
			}}) + 4
		g.para(x, y, w, body, prose(1))
	})
	g.f.SetFont("dejavu", "", 8)
	g.f.Text(pageW/2-3, pageH-8, "2")
}

// runIn draws a paragraph whose first words are a bold run-in heading
// and returns its height.
func (g *gen) runIn(x, y, w float64, head, text string) float64 {
	g.f.SetFont("dejavu", "B", body)
	hw := g.f.GetStringWidth(head + " ")
	g.f.Text(x, y+0.8*body*0.3528, head)
	g.f.SetFont("dejavu", "", body)
	// the first line goes on after the heading, the others from the margin
	first := g.f.SplitText(text, w-hw)
	g.f.Text(x+hw, y+0.8*body*0.3528, first[0])
	rest := strings.TrimSpace(strings.TrimPrefix(text, first[0]))
	h := lineH(body)
	if rest != "" {
		h += g.para(x, y+lineH(body), w, body, rest) - 3
	}
	return h + 3
}

// drawHeadings draws headings as reports set them: numbered (1., 1.1,
// I., A)), in bold run into their paragraph, and set apart by space alone.
func drawHeadings(g *gen) {
	g.newPage()
	x, y, w := margin, margin, pageW-2*margin
	y += g.heading(x, y, 16, "Letno poročilo 2023")
	y += g.para(x, y, w, body, prose(1))
	y += 2 + g.heading(x, y, 13, "I. Delo društva")
	y += g.para(x, y, w, body, prose(2))
	y += 2 + g.heading(x, y, 11, "1. Programi za mlade")
	y += g.para(x, y, w, body, prose(1))
	y += 2 + g.heading(x, y, body, "1.1 Učna pomoč")
	y += g.para(x, y, w, body, prose(2))
	y += 2 + g.heading(x, y, body, "A) Počitniške delavnice")
	y += g.para(x, y, w, body, prose(1))
	y += 2 + g.heading(x, y, body, "B) Bralni klub")
	y += g.para(x, y, w, body, prose(1))
	y += 2 + g.heading(x, y, 13, "II. Sodelovanje")
	y += g.runIn(x, y, w, "Občina.", "Občina Lokve je podprla tri programe društva in nam za delavnice odstopila prostore v kulturnem domu. "+prose(1))
	y += g.runIn(x, y, w, "Šole in vrtci.", "Z osnovnimi šolami smo pripravili 24 delavnic za 310 učencev. "+prose(1))
	y += 8 // a title set apart by space alone, in the text's own type
	g.f.SetFont("dejavu", "", body)
	g.f.Text(x, y+0.8*body*0.3528, "Prostovoljci")
	y += lineH(body) + 1
	y += g.para(x, y, w, body, "V društvu je delalo 89 prostovoljcev, ki so skupaj opravili 4.210 ur dela. "+prose(2))
	y += 8
	g.f.SetFont("dejavu", "", body)
	g.f.Text(x, y+0.8*body*0.3528, "Finance")
	y += lineH(body) + 1
	g.para(x, y, w, body, "Prihodki društva so znašali 38.465,70 EUR. "+prose(1))
}
