package main

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/go-pdf/fpdf"
)

// DefaultFontDir is where Debian's fonts-dejavu-core puts DejaVu Sans.
const DefaultFontDir = "/usr/share/fonts/truetype/dejavu"

// Fonts holds the TrueType files the reports are drawn with.
type Fonts struct{ Regular, Bold []byte }

// LoadFonts reads DejaVuSans.ttf and DejaVuSans-Bold.ttf from dir. A
// missing file is an error that names the Debian package to install.
func LoadFonts(dir string) (Fonts, error) {
	var f Fonts
	var err error
	for _, x := range []struct {
		name string
		dst  *[]byte
	}{{"DejaVuSans.ttf", &f.Regular}, {"DejaVuSans-Bold.ttf", &f.Bold}} {
		p := filepath.Join(dir, x.name)
		if *x.dst, err = os.ReadFile(p); err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return f, fmt.Errorf("font %s not found: install the Debian package fonts-dejavu-core (apt-get install fonts-dejavu-core) or pass -fonts DIR", p)
			}
			return f, err
		}
	}
	return f, nil
}

// WriteAll renders n reports into dir as report-0000.pdf … and returns the
// number of pages written. With gold it also writes each report's gold list
// (report-0000.gold.csv, the corpus format of testdata/CORPUS.md) and its
// projects (report-0000.activities.csv: project tag, title).
func WriteAll(dir string, n int, seed uint64, fonts Fonts, gold bool) (int, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return 0, err
	}
	pages := 0
	for i := range n {
		rep := Generate(seed, i)
		b, np, err := Render(rep, fonts)
		if err != nil {
			return pages, fmt.Errorf("report %d: %w", i, err)
		}
		pages += np
		base := filepath.Join(dir, fmt.Sprintf("report-%04d", i))
		if err := os.WriteFile(base+".pdf", b, 0o644); err != nil {
			return pages, err
		}
		if !gold {
			continue
		}
		var g, a bytes.Buffer
		if err := writeGold(&g, rep); err != nil {
			return pages, err
		}
		if err := writeActivities(&a, rep); err != nil {
			return pages, err
		}
		if err := os.WriteFile(base+".gold.csv", g.Bytes(), 0o644); err != nil {
			return pages, err
		}
		if err := os.WriteFile(base+".activities.csv", a.Bytes(), 0o644); err != nil {
			return pages, err
		}
	}
	return pages, nil
}

// Report is the content of one generated annual report.
type Report struct {
	Org, Short string // `Društvo Korak Celje`, `Korak`
	Town       string
	Year       int
	Projects   []Project
}

// Project is one activity of a report, drawn on its own page.
type Project struct {
	Tag     string // the kind of project, the project column of the gold list
	Title   string
	Name    string   // the activity the title names, where the title says more (who funded it in which year); "" is Title
	Spaced  bool     // the heading is letter-spaced, as in the designed brochure
	Intro   string   // period, partners, funders
	Boxes   []string // result boxes, numbered 1, 2, 3 … in a three-column grid
	Prose   []string // paragraphs, set in two columns
	Table   [][4]string
	Closing string // a full-width paragraph after the columns
	Gold    []Gold // the indicator facts the project's text states
}

// gen draws the varied parts of one report.
type gen struct {
	r     *rand.Rand
	year  int
	short string
	town  string
	gold  []Gold // facts recorded by the project being drawn
}

func (g *gen) n(lo, hi int) int { return lo + g.r.IntN(hi-lo+1) }

// num formats n the Slovene way: 22.830.
func num(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "." + s[i:]
	}
	return s
}

func (g *gen) pick(xs ...string) string { return xs[g.r.IntN(len(xs))] }

// period is a project duration around the report year: 1. 9. 2019–30. 9. 2022.
func (g *gen) period() string {
	from := g.year - g.n(0, 2)
	to := g.year + g.n(1, 2)
	return fmt.Sprintf("%d. %d. %d–%d. %d. %d", g.n(1, 28), g.n(1, 12), from, g.n(1, 28), g.n(1, 12), to)
}

func (g *gen) partners(k int) string {
	pool := []string{"Mladinski center Dravinjske doline", "Zavod Uspešen.si", "Zavod Vozim",
		"Andragoški zavod Ljudska univerza Velenje", "Razvojno izobraževalni center Novo mesto",
		"Podjetniški inkubator Kočevje", "Fundacija Prizma", "Zveza prijateljev mladine Žalec",
		"Savinjsko-šaleška območna razvojna agencija", "Zavod Šentprima", "Društvo Ključ",
		"Inštitut za socialno vključevanje", "Medobčinska zveza prijateljev mladine Celje"}
	idx := g.r.Perm(len(pool))[:k]
	names := make([]string, k)
	for i, j := range idx {
		names[i] = pool[j]
	}
	return strings.Join(names[:k-1], ", ") + " in " + names[k-1]
}

func (g *gen) funder() string {
	return g.pick("Ministrstvo za javno upravo",
		"Ministrstvo za delo, družino, socialne zadeve in enake možnosti in Evropska unija iz Evropskega socialnega sklada",
		"Mestna občina "+g.town, "Urad RS za mladino", "Fundacija za financiranje invalidskih in humanitarnih organizacij",
		"Republika Slovenija in Evropska unija iz Evropskega socialnega sklada")
}

// filler is prose without numbers, from the 2020 report, so that columns
// read like a report and not like a list of facts.
var filler = []string{
	"Dobro sodelovanje z organizacijami, deležniki v lokalnem okolju in izbranimi delodajalci nam je omogočilo, da smo v aktivnosti vključili več udeležencev, kot je bilo potrebno in pričakovano, ter tako zapisali številne zgodbe uspeha.",
	"Zaradi epidemioloških razmer smo del aktivnosti izvedli virtualno, s pomočjo videokonferenčnih orodij, kar je od udeležencev in izvajalcev zahtevalo hitro prilagajanje.",
	"Po koncu projekta lahko rečemo, da so udeleženci opolnomočeni tako s teoretičnim kot tudi s praktičnim znanjem, kar brez dvoma vpliva na zvišanje ravni njihovih kompetenc pri vstopu na trg dela.",
	"Skozi celotno leto smo spremljali aktualne potrebe in izzive ranljivih skupin prebivalstva ter se nanje odzivali z razvojem novih servisnih storitev.",
	"Aktivnosti so za uporabnike brezplačne, izvajamo pa jih v prostorih društva, v šolah in na terenu, po potrebi tudi v drugih enotah v regiji.",
	"Mladim smo približali miselnost, da so oni tisti, ki morajo biti s poklicem zadovoljni, da morajo odločitve izhajati iz njih samih ter da so interesi in hobiji tiste močne točke, na katerih naj temelji razmišljanje o poklicu.",
	"Pomemben prispevek projekta, ki omogoča tudi njegovo trajnost, je vzpostavljeno sodelovanje med nevladnimi organizacijami, občinami in javnimi zavodi na območju regije.",
	"Z dogodki smo nagovarjali čim večjo populacijo ljudi o pomenu solidarnosti, medgeneracijskega sožitja in aktivnega državljanstva.",
	"Verjamemo, da so z novo pridobljenim znanjem sposobni kritičnega razmišljanja, reševanja problemov in notranje motivacije za nadgradnjo znanja, ki nas spremlja skozi celotno karierno pot.",
	"Posebno pozornost smo namenili vključevanju žensk, starejših in oseb z manj priložnostmi, ki se aktivnosti sicer težje udeležijo.",
}

func (g *gen) fill(k int) []string {
	idx := g.r.Perm(len(filler))[:k]
	out := make([]string, k)
	for i, j := range idx {
		out[i] = filler[j]
	}
	return out
}

// projects are the kinds of activity a report is made of; each draws its
// own numbers.
var projects = []func(g *gen) Project{
	func(g *gen) Project { // a strategic partnership with action plans
		return Project{
			Tag:   "partnerstvo",
			Title: "Strateško partnerstvo »" + g.pick("Mreža", "Skupaj", "Povezani", "Most") + "«", Spaced: true,
			Intro: fmt.Sprintf("Strateško partnerstvo (%s) obravnava izziv socialne izključenosti različnih ranljivih skupin prebivalstva in rešuje izzive okolij delovanja partnerjev. Partnerji projekta so %s. Aktivnost partnerstva sofinancira %s.", g.period(), g.partners(3), g.funder()),
			Boxes: []string{
				fmt.Sprintf("Izdelanih %d akcijskih načrtov za vsako geografsko območje delovanja partnerjev.", g.fact(g.n(5, 12), "documents", "akcijsk|načrt")),
				fmt.Sprintf("Izvedenih %d skupnih partnerskih usposabljanj in %d individualnih usposabljanj na nivoju partnerja.", g.fact(g.n(5, 15), "events", "skupnih|partnerskih"), g.fact(g.n(5, 20), "events", "individualnih")),
				fmt.Sprintf("Razvitih in izvajanih %d novih storitev za različne ranljive ciljne skupine.", g.fact(g.n(6, 25), "services", "storitev")),
				fmt.Sprintf("Skozi nove razvite storitve nagovorjenih potreb in izzivov vsaj %s oseb iz različnih ranljivih ciljnih skupin.", num(g.factQ(g.n(300, 2500), "persons", atLeast, "oseb"))),
				fmt.Sprintf("Pridobitev %s EUR sredstev, ki so jih partnerske organizacije s pomočjo zaposlenih vpeljale v lokalna okolja delovanja.", g.decimal(g.n(40000, 400000), g.r.IntN(100), 2, "eur", "sredstev|eur")),
				fmt.Sprintf("Spremljanje aktualnih potreb in izzivov %d organizacij in institucij v občinah delovanja partnerjev.", g.fact(g.n(20, 150), "organisations", "organizacij|institucij")),
			},
			Prose: g.fill(5),
		}
	},
	func(g *gen) Project { // a career centre for the young
		tot, own := g.n(80, 260), 0
		own = tot / g.n(3, 6)
		return Project{
			Tag:   "kcm",
			Title: "Karierni center za mlade " + g.town, Spaced: g.r.IntN(2) == 0,
			Intro: fmt.Sprintf("Projekt »Karierni center za mlade« (%s) zajema vzpostavitev enot kariernega centra za krepitev kompetenc karierne orientacije za šolajočo mladino. Projektno partnerstvo sestavljajo %s ter društvo %s. Aktivnost sofinancira %s.", g.period(), g.partners(3), g.short, g.funder()),
			Boxes: []string{
				fmt.Sprintf("Aktivno delovanje %d enot kariernega centra za mlade.", g.fact(g.n(5, 9), "units", "enot|kariern")),
				fmt.Sprintf("%d (od tega %s – %d) izvedenih dogodkov za spoznavanje trga dela in poklicev.", g.fact(tot, "events", "dogodkov|trga|poklic"), g.short, g.share(own)),
				fmt.Sprintf("%d izvedenih skupinskih dogodkov za starše.", g.fact(g.n(10, 60), "events", "skupinskih|starše")),
			},
			Prose: append([]string{
				fmt.Sprintf("V letu %d se je aktivnosti kariernega centra udeležilo preko %d otrok in %d staršev, opravili smo tudi %d individualnih obravnav in svetovanj pri kariernem odločanju.", g.year, g.factQ(g.n(300, 1200), "persons", moreThan, "otrok"), g.fact(g.n(50, 300), "persons", "staršev"), g.fact(g.n(40, 200), "events", "obravnav")),
				fmt.Sprintf("V projekt je bilo vključenih %d osnovnih in %d srednjih šol. Aktivnosti je poleg strokovnega osebja izvajalo še %d zunanjih izvajalcev.", g.fact(g.n(10, 40), "schools", "osnovnih"), g.fact(g.n(5, 15), "schools", "srednjih"), g.fact(g.n(5, 12), "organisations", "zunanjih|izvajalcev")),
			}, g.fill(4)...),
		}
	},
	func(g *gen) Project { // a regional NGO hub
		return Project{
			Tag:   "sticisce",
			Title: "Regionalno stičišče NVO " + g.town,
			Intro: fmt.Sprintf("Program regionalnega stičišča izvaja društvo %s v partnerstvu z organizacijami %s. V obdobju od %s izvajanje programa financira %s.", g.short, g.partners(2), g.period(), g.funder()),
			Prose: []string{
				fmt.Sprintf("Skupno smo v letu %d izvedli %d delavnic z različnih področij, %d ur mentorstev, %d ur svetovanj in pripomogli k %d novo razvitim storitvam NVO.", g.year, g.fact(g.n(12, 40), "events", "delavnic"), g.fact(g.n(80, 300), "hours", "mentorstev"), g.fact(g.n(200, 700), "hours", "svetovanj"), g.fact(g.n(6, 25), "services", "storitv")),
				fmt.Sprintf("Neposredno ciljno informiranje NVO preko elektronske in navadne pošte, po telefonu in osebno v informacijski pisarni – %d informiranih posameznikov.", g.fact(g.n(300, 900), "persons", "informiranih|posameznikov")),
				fmt.Sprintf("Spletna stran stičišča – %d objav na spletni strani. Profil na družbenih omrežjih – %s objav.", g.fact(g.n(200, 800), "posts", "spletn"), num(g.fact(g.n(1000, 3000), "posts", "omrežj|profil"))),
				fmt.Sprintf("Izvajanje servisne podpore in storitev za NVO v regiji – %d uporabnikov storitev servisne podpore.", g.fact(g.n(80, 250), "persons", "uporabnikov|servisn")),
				g.fill(1)[0],
			},
			Closing: fmt.Sprintf("V letu %d smo vzpostavili %d delujoča partnerstva, v katerih sodeluje skupno %d partnerjev, in izvedli %d skupnih akcij za reševanje lokalnih potreb.", g.year, g.fact(g.n(3, 4), "organisations", "partnerstva"), g.fact(g.n(15, 40), "organisations", "partnerjev"), g.fact(g.n(5, 15), "events", "akcij")),
		}
	},
	func(g *gen) Project { // social activation with the funder's indicator table
		plan := g.n(40, 80)
		return Project{
			Tag:   "as",
			Title: "Projekt socialna aktivacija »" + g.pick("AS-Aktiviraj Se!", "Korak naprej", "Nova pot") + "«", Spaced: true,
			Intro: fmt.Sprintf("Program socialne aktivacije društvo %s izvaja v partnerstvu z organizacijami %s. V obdobju od %s izvajanje programa financira %s. Za doseganje opredeljenih specifičnih ciljev so bili v letu %d doseženi naslednji kvantificirani kazalniki učinka in rezultata:", g.short, g.partners(2), g.period(), g.funder(), g.year),
			Table: [][4]string{
				{"Naziv kazalnika", "Vrsta kazalnika", "Predvidene vrednosti", "Dosežene vrednosti"},
				{"Število oseb iz ranljivih ciljnih skupin, vključenih v program.", "Učinek", strconv.Itoa(plan), strconv.Itoa(g.target(plan+g.n(0, 10), plan, "persons", "število|oseb"))},
				{"Delež oseb iz ranljivih ciljnih skupin, vključenih v iskanje zaposlitve ali izobraževanje ob izhodu.", "Rezultat", "25 %", g.targetDecimal(g.n(25, 60), g.r.IntN(100), 25, "percent", "delež") + " %"},
			},
			Prose: append([]string{
				fmt.Sprintf("Praktične izkušnje na trgu dela je pridobivalo %d udeležencev pri %d delodajalcih in organizacijah v %d krajih.", g.fact(g.n(20, 60), "persons", "udeležencev"), g.fact(g.n(8, 25), "organisations", "delodajal"), g.fact(g.n(2, 4), "locations", "kraj")),
			}, g.fill(4)...),
		}
	},
	func(g *gen) Project { // a family centre
		return Project{
			Tag:   "druzine",
			Title: "Program Center za družine " + g.pick("Harmonija", "Mavrica", "Sonček", "Gnezdo"),
			Intro: fmt.Sprintf("Že od leta %d aktivno izvajamo program, katerega namen je delovati preventivno na področju družine. Program je v obdobju %s sofinanciran s strani organizacije %s in Mestne občine %s, zato so vse aktivnosti centra za uporabnike brezplačne.", g.year-g.n(5, 12), g.period(), g.funder(), g.town),
			Prose: []string{
				fmt.Sprintf("Neformalno druženje smo zagotavljali v prostorih centra vsak delovni dan. V letu %d je aktivnosti neformalnega druženja obiskalo %d uporabnikov.", g.year, g.fact(g.n(300, 1000), "persons", "uporabnikov|druženj")),
				fmt.Sprintf("V sklopu vsebin pozitivnega starševstva smo izvedli %d predavanj, %d pogovornih delavnic in %d treningov starševstva, ki se jih je udeležilo skupno %d uporabnikov.", g.fact(g.n(6, 20), "events", "predavanj"), g.fact(g.n(8, 30), "events", "pogovornih|delavnic"), g.fact(g.n(8, 30), "events", "treningov"), g.fact(g.n(150, 500), "persons", "uporabnikov|starševstv")),
				fmt.Sprintf("V %d aktivnostih vsebin zdravega življenjskega sloga, ki smo jih izpeljali v letu %d, je bilo vključenih %d uporabnikov.", g.fact(g.n(20, 80), "events", "aktivnost"), g.year, g.fact(g.n(150, 600), "persons", "uporabnikov|slog")),
				fmt.Sprintf("Počitniških aktivnosti in občasnega varstva otrok se je v letu %d udeležilo %d uporabnikov.", g.year, g.fact(g.n(200, 900), "persons", "uporabnikov|počitni")),
				g.fill(1)[0],
			},
		}
	},
	func(g *gen) Project { // local food
		return Project{
			Tag:   "jejmo",
			Title: "Operacija Jejmo lokalno – ozaveščanje javnosti",
			Intro: fmt.Sprintf("Operacija je prispevala k prednostnemu področju samooskrbe lokalne akcijske skupine. Izvajala se je od %s. Društvo %s je v projektu sodelovalo kot projektni partner, ostali partnerji so bili %s.", g.period(), g.short, g.partners(3)),
			Prose: append([]string{
				fmt.Sprintf("Skupaj smo izvedli %d delavnic, v katere smo vključili %s otrok, %d delavnic, v katere smo vključili %d starostnikov, in %d izobraževalnih delavnic, v katere se je vključilo %d kmetov.", g.fact(g.n(30, 90), "events", "delavnic"), num(g.fact(g.n(500, 2000), "persons", "otrok")), g.fact(g.n(5, 15), "events", "delavnic"), g.fact(g.n(50, 200), "persons", "starostnikov"), g.fact(g.n(10, 30), "events", "izobraževalnih|delavnic"), g.fact(g.n(100, 350), "persons", "kmetov")),
				jobs(g.fact(g.n(1, 3), "other", "zaposlit")),
			}, g.fill(4)...),
		}
	},
	func(g *gen) Project { // employment: SPIN-like
		inc := g.n(400, 900)
		return Project{
			Tag:   "spin",
			Title: "Projekt »SPIN – pripravljeni na spremembe«", Spaced: g.r.IntN(2) == 0,
			Intro: fmt.Sprintf("Projekt se izvaja v okviru operacije za spodbujanje vključevanja oseb, ki so pred izgubo zaposlitve, v ukrepe na trgu dela (%s). Projektno partnerstvo sestavljajo %s. Naložbo sofinancira %s.", g.period(), g.partners(3), g.funder()),
			Boxes: []string{
				fmt.Sprintf("%d oseb vključenih v Aktivnosti za »Razvoj kariere«, od tega društvo %s %d oseb.", g.fact(inc, "persons", "kariere"), g.short, g.share(inc/g.n(4, 8))),
				fmt.Sprintf("%d oseb, vključenih v Aktivnosti za »Razvoj kompetenc«.", g.fact(g.n(300, inc), "persons", "kompetenc")),
				fmt.Sprintf("%s opravljenih ur usposabljanj, od tega društvo %s %s ur.", num(g.fact(g.n(10000, 30000), "hours", "ur|usposabljanj")), g.short, num(g.share(g.n(1000, 8000)))),
				fmt.Sprintf("%d izvedenih srečanj s potencialnimi delodajalci in drugimi deležniki na trgu dela.", g.fact(g.n(15, 50), "events", "srečanj")),
				fmt.Sprintf("%d oseb z ohranjeno ali novo zaposlitvijo.", g.fact(g.n(100, 300), "persons", "zaposlitv")),
				fmt.Sprintf("Novinarske konference se je udeležilo %d različnih predstavnikov medijev.", g.fact(g.n(5, 15), "persons", "predstavnikov|medijev")),
			},
			Prose: append([]string{
				fmt.Sprintf("V letu %d je bilo priglašenih %d novih lokacij, ki omogočajo razpršeno izvajanje projektnih aktivnosti. Pri izvajanju usposabljanj je sodelovalo več kot %d predavateljev, od tega %d strokovnjakov znotraj partnerstva.", g.year, g.fact(g.n(5, 20), "locations", "lokacij"), g.factQ(g.n(30, 60), "persons", moreThan, "predavateljev"), g.fact(g.n(10, 25), "persons", "strokovnjakov")),
			}, g.fill(4)...),
		}
	},
	func(g *gen) Project { // volunteering
		return Project{
			Tag:   "prostovoljstvo",
			Title: "Program prostovoljstva " + g.pick("Roka v roki", "Skupaj zmoremo", "Dobri sosedje"),
			Intro: fmt.Sprintf("Program spodbuja prostovoljstvo med mladimi in starejšimi v Mestni občini %s in okolici. Izvajamo ga od %s, sofinancira ga %s.", g.town, g.period(), g.funder()),
			Boxes: []string{
				fmt.Sprintf("%d aktivnih prostovoljcev, od tega %d novih.", g.fact(g.n(60, 200), "persons", "aktivnih|prostovolj"), g.fact(g.n(10, 50), "persons", "novih")),
				fmt.Sprintf("%s opravljenih ur prostovoljskega dela.", num(g.fact(g.n(2000, 12000), "hours", "ur|prostovoljsk"))),
				fmt.Sprintf("%d izvedenih prostovoljskih akcij v lokalnem okolju.", g.fact(g.n(10, 40), "events", "akcij")),
			},
			Prose: append([]string{
				fmt.Sprintf("V program je bilo vključenih %d šol in %d drugih organizacij, za prostovoljce pa smo izvedli %d usposabljanj in %d supervizijskih srečanj.", g.fact(g.n(5, 20), "schools", "šol"), g.fact(g.n(5, 25), "organisations", "organizacij"), g.fact(g.n(4, 12), "events", "usposabljanj"), g.fact(g.n(6, 20), "events", "supervizij|srečanj")),
			}, g.fill(4)...),
		}
	},
	func(g *gen) Project { // digital skills for older people
		return Project{
			Tag:   "digital",
			Title: "Digitalno opismenjevanje starejših »" + g.pick("E-seniorji", "Klik", "Splet brez strahu") + "«",
			Intro: fmt.Sprintf("Projekt (%s) je namenjen krepitvi digitalnih kompetenc starejših od 65 let. Izvajamo ga v partnerstvu z organizacijami %s, financira ga %s.", g.period(), g.partners(2), g.funder()),
			Boxes: []string{
				fmt.Sprintf("%d starejših, vključenih v tečaje digitalnih veščin.", g.fact(g.n(80, 300), "persons", "starejš")),
				fmt.Sprintf("%d izvedenih tečajev in %d ur individualne pomoči.", g.fact(g.n(10, 30), "events", "tečajev"), g.fact(g.n(100, 400), "hours", "ur|pomoči")),
				fmt.Sprintf("Izdan %d priročnik za e-seniorje v %d izvodih.", g.fact(1, "documents", "priročnik"), g.fact(g.n(200, 1000), "other", "izvod")),
			},
			Prose: append([]string{
				fmt.Sprintf("Tečaje je vodilo %d mentorjev, od tega %d prostovoljcev iz vrst dijakov in študentov. Zadovoljstvo udeležencev je bilo %s %%.", g.fact(g.n(6, 15), "persons", "mentorjev"), g.fact(g.n(3, 8), "persons", "prostovoljc"), g.decimal(g.n(85, 98), g.n(0, 9), 1, "percent", "zadovoljstv")),
			}, g.fill(4)...),
		}
	},
	func(g *gen) Project { // youth projects of the municipality
		return Project{
			Tag:   "mladi",
			Title: fmt.Sprintf("Projekti za mlade, ki jih je v letu %d sofinancirala Mestna občina %s", g.year, g.town), Spaced: true,
			// the relative clause names the funder and the year, not the
			// project: the same projects of another year are these
			Name:  "Projekti za mlade",
			Intro: fmt.Sprintf("V letu %d smo izvedli %d projekta, in sicer Poslovni bonton in Predstavitev poklicev. Cilj je bil razvijati kompetence mladih na področju načrtovanja in vodenja lastne kariere.", g.year, g.fact(2, "projects", "projekt")),
			Prose: append([]string{
				fmt.Sprintf("V projektu Poslovni bonton smo usposobili cca %d mladih, v projektu Predstavitev poklicev pa smo izvedli %d delavnic, ki se jih je udeležilo %d dijakov.", g.factQ(g.n(60, 200), "persons", approx, "mladih"), g.fact(g.n(8, 25), "events", "delavnic"), g.fact(g.n(100, 400), "persons", "dijakov")),
			}, g.fill(5)...),
		}
	},
}

// jobs says how many jobs an operation kept, with the noun in the case its
// number asks for (1 zaposlitev, 2 zaposlitvi, 3 zaposlitve).
func jobs(n int) string {
	noun := map[int]string{1: "zaposlitev", 2: "zaposlitvi", 3: "zaposlitve", 4: "zaposlitve"}[n]
	if noun == "" {
		noun = "zaposlitev"
	}
	return fmt.Sprintf("Poleg tega smo zagotovili %d %s za polovični delovni čas tudi po zaključku operacije.", n, noun)
}

var (
	orgKinds = []string{"Društvo", "Zavod", "Zveza", "Inštitut", "Mladinski center", "Ljudska univerza"}
	orgNames = []string{"NOVUS", "Korak", "Sopotnik", "Ključ", "Iskra", "Pelikan", "Sožitje", "Vezi", "Most", "Zarja", "Odmev", "Vir"}
	towns    = []string{"Velenje", "Celje", "Žalec", "Slovenske Konjice", "Šoštanj", "Mozirje", "Krško", "Ptuj", "Novo mesto", "Škofja Loka"}
)

// Generate draws report i of a seed: the same (seed, i) gives the same
// report, another i other numbers (and usually another organisation and
// year).
func Generate(seed uint64, i int) Report {
	r := rand.New(rand.NewPCG(seed, uint64(i)+0x9e3779b97f4a7c15))
	g := &gen{r: r, year: 2015 + r.IntN(10), short: orgNames[r.IntN(len(orgNames))], town: towns[r.IntN(len(towns))]}
	rep := Report{Org: orgKinds[r.IntN(len(orgKinds))] + " " + g.short + " " + g.town, Short: g.short, Town: g.town, Year: g.year}
	// nine projects of the ten kinds, in a drawn order: a cover and about
	// one page each
	for _, k := range r.Perm(len(projects))[:9] {
		g.gold = nil
		p := projects[k](g)
		for i := range g.gold {
			g.gold[i].Project = p.Tag
		}
		p.Gold = g.gold
		rep.Projects = append(rep.Projects, p)
	}
	return rep
}

// page geometry, mm
const (
	pageW, pageH = 210.0, 297.0
	margin       = 18.0
	bottom       = pageH - 20
	textW        = pageW - 2*margin
	gutter       = 6.0
)

// doc is a report being drawn.
type doc struct {
	*fpdf.Fpdf
	rep  Report
	y    float64
	page int
}

// Render draws a report as a PDF and returns its bytes and page count.
// The output depends on the report alone: dates are fixed from its year
// and catalogs sorted.
func Render(rep Report, fonts Fonts) ([]byte, int, error) {
	f := fpdf.New("P", "mm", "A4", "")
	f.SetCatalogSort(true)
	at := time.Date(rep.Year+1, 3, 15, 10, 0, 0, 0, time.UTC)
	f.SetCreationDate(at)
	f.SetModificationDate(at)
	f.SetProducer("letopis bench/gen", false)
	f.SetTitle(fmt.Sprintf("%s – Letno poročilo %d", rep.Org, rep.Year), true)
	f.SetAuthor(rep.Org, true)
	f.AddUTF8FontFromBytes("dejavu", "", fonts.Regular)
	f.AddUTF8FontFromBytes("dejavu", "B", fonts.Bold)
	f.SetAutoPageBreak(false, 0)
	f.SetMargins(margin, margin, margin)
	d := &doc{Fpdf: f, rep: rep}
	d.cover()
	for _, p := range rep.Projects {
		d.project(p)
	}
	if err := f.Error(); err != nil {
		return nil, 0, err
	}
	var buf bytes.Buffer
	if err := f.Output(&buf); err != nil {
		return nil, 0, err
	}
	return buf.Bytes(), d.page, nil
}

func (d *doc) newPage() {
	d.AddPage()
	d.page++
	d.y = margin
	if d.page > 1 { // running footer: repeated edge text and a page number
		d.SetFont("dejavu", "", 8)
		d.SetTextColor(110, 110, 110)
		d.Text(margin, pageH-10, fmt.Sprintf("%s – Letno poročilo %d", d.rep.Org, d.rep.Year))
		n := strconv.Itoa(d.page)
		d.Text(pageW-margin-d.GetStringWidth(n), pageH-10, n)
		d.SetTextColor(0, 0, 0)
	}
}

func (d *doc) cover() {
	d.newPage()
	d.SetFillColor(0, 94, 130)
	d.Rect(0, 0, pageW, 110, "F")
	d.SetTextColor(255, 255, 255)
	d.SetFont("dejavu", "B", 34)
	d.Text(margin, 70, fmt.Sprintf("LETNO POROČILO %d", d.rep.Year))
	d.SetFont("dejavu", "", 16)
	d.Text(margin, 90, d.rep.Org)
	d.SetTextColor(0, 0, 0)
	d.SetFont("dejavu", "", 11)
	d.Text(margin, 250, "Za ljudi, skupnosti in prihodnost regije.")
	d.Text(margin, 257, fmt.Sprintf("%s, marec %d", d.rep.Town, d.rep.Year+1))
}

// lineH is the leading of a font size in points, in mm.
func lineH(size float64) float64 { return size * 0.3528 * 1.3 }

// lines sets text at (x, y) in width w, left-aligned, and returns the height
// used; with draw false it only measures.
func (d *doc) lines(x, y, w float64, style string, size float64, text string, draw bool) float64 {
	d.SetFont("dejavu", style, size)
	ls := d.SplitText(text, w)
	if draw {
		for i, l := range ls {
			d.Text(x, y+float64(i)*lineH(size)+size*0.3528, l)
		}
	}
	return float64(len(ls)) * lineH(size)
}

// need starts a new page unless h mm fit below the current position.
func (d *doc) need(h float64) {
	if d.y+h > bottom {
		d.newPage()
	}
}

func (d *doc) heading(title string, spaced bool) {
	d.SetTextColor(0, 94, 130)
	d.SetFont("dejavu", "B", 17)
	t := strings.ToUpper(title)
	if !spaced {
		d.y += d.lines(margin, d.y, textW, "B", 17, t, true) + 4
		d.SetTextColor(0, 0, 0)
		return
	}
	// letter-spaced, one glyph at a time, like the brochure's headings
	x := margin
	for _, w := range strings.Fields(t) {
		ww := 0.0
		for _, c := range w {
			ww += d.GetStringWidth(string(c)) + 1.6
		}
		if x+ww > margin+textW {
			x = margin
			d.y += lineH(17)
		}
		for _, c := range w {
			d.Text(x, d.y+17*0.3528, string(c))
			x += d.GetStringWidth(string(c)) + 1.6
		}
		x += 4.5
	}
	d.y += lineH(17) + 4
	d.SetTextColor(0, 0, 0)
}

func (d *doc) project(p Project) {
	d.newPage()
	d.heading(p.Title, p.Spaced)
	d.y += d.lines(margin, d.y, textW, "", 10, p.Intro, true) + 5
	if len(p.Table) > 0 {
		d.table(p.Table)
	}
	if len(p.Boxes) > 0 {
		d.need(20)
		d.y += d.lines(margin, d.y, textW, "B", 11, fmt.Sprintf("DOSEŽENI REZULTATI V LETU %d:", d.rep.Year), true) + 3
		d.boxes(p.Boxes)
	}
	if len(p.Prose) > 0 {
		d.columns(p.Prose)
	}
	if p.Closing != "" {
		h := d.lines(margin, d.y, textW, "", 10, p.Closing, false)
		d.need(h)
		d.y += d.lines(margin, d.y, textW, "", 10, p.Closing, true) + 4
	}
}

// boxes draws result boxes three to a row: a big number, then the text.
func (d *doc) boxes(texts []string) {
	bw := (textW - 2*gutter) / 3
	pad := 3.0
	for row := 0; row < len(texts); row += 3 {
		end := min(row+3, len(texts))
		h := 0.0
		for _, t := range texts[row:end] {
			h = max(h, d.lines(0, 0, bw-2*pad, "", 9, t, false))
		}
		h += 2*pad + lineH(20) + 2
		d.need(h)
		for i, t := range texts[row:end] {
			x := margin + float64(i)*(bw+gutter)
			d.SetDrawColor(0, 94, 130)
			d.SetFillColor(232, 242, 247)
			d.RoundedRect(x, d.y, bw, h, 3, "1234", "FD")
			d.SetTextColor(0, 94, 130)
			d.SetFont("dejavu", "B", 20)
			d.Text(x+pad, d.y+pad+20*0.3528, strconv.Itoa(row+i+1))
			d.SetTextColor(0, 0, 0)
			d.lines(x+pad, d.y+pad+lineH(20)+2, bw-2*pad, "", 9, t, true)
		}
		d.y += h + gutter
	}
	d.y += 2
}

// columns sets paragraphs in two columns, the left one filled first.
func (d *doc) columns(paras []string) {
	cw := (textW - gutter) / 2
	lh := lineH(10)
	var ls []string // lines; "" between paragraphs
	d.SetFont("dejavu", "", 10)
	for i, p := range paras {
		if i > 0 {
			ls = append(ls, "")
		}
		ls = append(ls, d.SplitText(p, cw)...)
	}
	for len(ls) > 0 {
		room := int((bottom - d.y) / lh)
		if room < 3 {
			d.newPage()
			continue
		}
		// balance the two columns when everything fits on this page
		per := min(room, (len(ls)+1)/2)
		for c := 0; c < 2 && len(ls) > 0; c++ {
			k := min(per, len(ls))
			for i, l := range ls[:k] {
				d.Text(margin+float64(c)*(cw+gutter), d.y+float64(i)*lh+10*0.3528, l)
			}
			ls = ls[k:]
		}
		d.y += float64(per)*lh + 5
		if len(ls) > 0 {
			d.newPage()
		}
	}
}

// table draws a ruled table; the first row is the header.
func (d *doc) table(rows [][4]string) {
	ws := [4]float64{textW - 3*30, 30, 30, 30}
	pad := 1.5
	for r, row := range rows {
		style := ""
		if r == 0 {
			style = "B"
		}
		h := 0.0
		for c, t := range row {
			h = max(h, d.lines(0, 0, ws[c]-2*pad, style, 9, t, false))
		}
		h += 2 * pad
		d.need(h)
		x := margin
		d.SetDrawColor(0, 0, 0)
		for c, t := range row {
			if r == 0 {
				d.SetFillColor(220, 230, 240)
				d.Rect(x, d.y, ws[c], h, "FD")
			} else {
				d.Rect(x, d.y, ws[c], h, "D")
			}
			d.lines(x+pad, d.y+pad, ws[c]-2*pad, style, 9, t, true)
			x += ws[c]
		}
		d.y += h
	}
	d.y += 6
}
