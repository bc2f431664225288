package slnum

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/letopis/letopis"
)

// w is one expected match: text, class, value, qualifier, unit and a part
// of the reason.
type w struct {
	text   string
	class  Class
	value  float64
	q      letopis.Qualifier
	unit   letopis.Unit
	reason string
}

func q(text string, v float64) w { return w{text: text, value: v} }
func qq(text string, v float64, ql letopis.Qualifier, u letopis.Unit) w {
	return w{text: text, value: v, q: ql, unit: u}
}
func nq(text string, c Class, v float64, reason string) w {
	return w{text: text, class: c, value: v, reason: reason}
}

func TestScan(t *testing.T) {
	const (
		A  = letopis.Approx
		AL = letopis.AtLeast
		MT = letopis.MoreThan
		AM = letopis.AtMost
		LT = letopis.LessThan
		P  = letopis.UnitPercent
		E  = letopis.UnitEUR
	)
	cases := []struct {
		in   string
		want []w
	}{
		// numbers
		{"Pridobitev 250.109,76 EUR sredstev", []w{qq("250.109,76", 250109.76, "", E)}},
		{"Pridobitev 250.109,76 \nEUR sredstev", []w{qq("250.109,76", 250109.76, "", E)}},
		{"22.830 opravljenih ur, od tega Društvo NOVUS 5.503 ur.", []w{q("22.830", 22830), q("5.503", 5503)}},
		{"– 2.500 objav na FB", []w{q("2.500", 2500)}},
		// a path or a village before the verb of the clause is no street
		{"uredili smo 9 km poti in postavili 15 tabel, v vasi smo obnovili 12 klopi", []w{q("9", 9), q("15", 15), q("12", 12)}},
		{"skupaj 2 500 ur in 2\u00a0500 oseb", []w{q("2 500", 2500), q("2\u00a0500", 2500)}},
		{"26.115,5 ur", []w{q("26.115,5", 26115.5)}},
		{"vključili 1373 otrok, 10 delavnic", []w{q("1373", 1373), q("10", 10)}},
		{"sprememba je -3 oziroma −4,5 odstotka", []w{qq("-3", -3, "", ""), qq("−4,5", -4.5, "", P)}},
		{"Rezultat 25 % 40,32 %", []w{qq("25", 25, "", P), qq("40,32", 40.32, "", P)}},
		{"delež 25% in 40 odstotkov ter 5 odst. več", []w{qq("25", 25, "", P), qq("40", 40, "", P), qq("5", 5, "", P)}},
		{"znesek 1.000 € ali € 2.000 ali EUR 500 ali 300 evrov", []w{qq("1.000", 1000, "", E), qq("2.000", 2000, "", E), qq("500", 500, "", E), qq("300", 300, "", E)}},
		{"proračun 1,2 mio EUR in 5 tisoč evrov", []w{qq("1,2", 1.2e6, "", E), qq("5", 5000, "", E)}},
		// malformed
		{"vrednost 1.5 ali 1.23.4 ali 12,345,6", []w{
			nq("1.5", Malformed, 0, "ambiguous: 1.5 could be 1,5 or 15"),
			nq("1.23.4", Malformed, 0, "inconsistent digit groups"),
			nq("12,345,6", Malformed, 0, "more than one decimal comma")}},
		// number words
		{"pripravili dva projektna predloga in dve publikaciji", []w{{text: "dva", value: 2}, {text: "dve", value: 2}}},
		{"vzpostavitev štirih enot; štiri organizacije; tri strokovne; eno zaposlitev; pet oseb; deset dni; dvajset ur; sto let", []w{
			{text: "štirih", value: 4}, {text: "štiri", value: 4}, {text: "tri", value: 3}, {text: "eno", value: 1},
			{text: "pet", value: 5}, {text: "deset", value: 10}, {text: "dvajset", value: 20}, {text: "sto", class: Age, value: 100, reason: "years: an age, a duration or an anniversary"}}},
		// years, months and minutes counted: an age, an anniversary or a duration
		{"je 72 let, dopolnila 97 let, praznoval 70 let delovanja, sedem let, traja 95 minut, 6 mesecev", []w{
			nq("72", Age, 72, "years: an age, a duration or an anniversary"), nq("97", Age, 97, "years: an age, a duration or an anniversary"),
			nq("70", Age, 70, "years: an age, a duration or an anniversary"), {text: "sedem", class: Age, value: 7, reason: "years: an age, a duration or an anniversary"},
			nq("95", Age, 95, "a duration"), nq("6", Age, 6, "a duration")}},
		{"je 38 članov preživelo sedem dni, tabor je trajal 10 dni, izvedli 14 gozdnih dni", []w{
			nq("38", Quantity, 38, ""), {text: "sedem", class: Age, value: 7, reason: "a duration"},
			nq("10", Age, 10, "a duration"), nq("14", Quantity, 14, "")}},
		{"Dve delavnici. Koncern Ena, d. o. o.", []w{{text: "Dve", value: 2}}},
		{"na osmih rednih sejah in na eni dopisni seji; štirje redno zaposleni, trije mentorji, s sedmimi", []w{
			{text: "osmih", value: 8}, {text: "eni", value: 1}, {text: "štirje", value: 4}, {text: "trije", value: 3}, {text: "sedmimi", value: 7}}},
		// scores and identifiers
		{"v finalu z 2:1, doma 3 : 0", []w{nq("2", Other, 2, "a score or a ratio (2:1)"), nq("1", Other, 1, "a score or a ratio (2:1)"),
			nq("3", Other, 3, "a score or a ratio (2:1)"), nq("0", Other, 0, "a score or a ratio (2:1)")}},
		{"matična številka 3318792000", []w{nq("3318792000", Other, 3318792000, "identifier (a registration, tax or account number)")}},
		{"v dveh krajih, s tremi partnerji, enega dne, petih", []w{{text: "dveh", value: 2}, {text: "tremi", value: 3}, {text: "enega", value: 1}, {text: "petih", value: 5}}},
		// qualifiers
		{"usposobili cca 120 mladih", []w{qq("120", 120, A, "")}},
		{"cca. 120, približno 30, okoli 40, okrog 50, skoraj 60", []w{qq("120", 120, A, ""), qq("30", 30, A, ""), qq("40", 40, A, ""), qq("50", 50, A, ""), qq("60", 60, A, "")}},
		{"vsaj 1.000 oseb, najmanj 5", []w{qq("1.000", 1000, AL, ""), qq("5", 5, AL, "")}},
		{"preko 884 otrok, več kot 47 predavateljev, nad 30", []w{qq("884", 884, MT, ""), qq("47", 47, MT, ""), qq("30", 30, MT, "")}},
		{"največ 20 oseb, do 15 ur", []w{qq("20", 20, AM, ""), qq("15", 15, AM, "")}},
		{"manj kot 10 %, pod 5 odstotkov", []w{qq("10", 10, LT, P), qq("5", 5, LT, P)}},
		{"od tega kar 19 strokovnjakov", []w{q("19", 19)}},
		{"Preko 500 obiskovalcev in VSAJ 25 %", []w{qq("500", 500, MT, ""), qq("25", 25, AL, P)}},
		{"cca dve uri", []w{{text: "dve", value: 2, q: A, unit: ""}}},
		{"od 10 do 20 udeležencev, 3–5 delavnic", []w{qq("10", 10, AL, ""), qq("20", 20, AM, ""), qq("3", 3, AL, ""), qq("5", 5, AM, "")}},
		// years
		{"v letu 2020 in leta 2021", []w{nq("2020", Year, 2020, "year"), nq("2021", Year, 2021, "year")}},
		{"prostovoljstva 2019.", []w{nq("2019", Year, 2019, "year")}},
		{"Strategija (2020) in 2019–2023", []w{nq("2020", Year, 2020, "year"), nq("2019", Year, 2019, "year"), nq("2023", Year, 2023, "year")}},
		{"2020 udeležencev in 1950 ur ter cca 2000 oseb", []w{q("2020", 2020), q("1950", 1950), qq("2000", 2000, A, "")}},
		{"proračun 2020 EUR", []w{qq("2020", 2020, "", E)}},
		{"v šolskem letu 2019/2020", []w{nq("2019", Year, 2019, "school"), nq("2020", Year, 2020, "school")}},
		// ordinals
		{"v okviru 8. \nprednostne osi", []w{nq("8", Ordinal, 8, "ordinal before noun")}},
		{"Izvedba – 1. strokovni posvet", []w{nq("1", Ordinal, 1, "ordinal before noun")}},
		{"pri 1. in 2. programu", []w{nq("1", Ordinal, 1, "ordinal"), nq("2", Ordinal, 2, "ordinal")}},
		{"Znotraj II. modula za III. življenjsko obdobje", []w{nq("II", Ordinal, 2, "Roman"), nq("III", Ordinal, 3, "Roman")}},
		{"2019–2023.\n\n1. INFORMIRANJE\n\n2.Lokalna skupina\n(1) Izobraževalne delavnice", []w{
			nq("2019", Year, 2019, "year"), nq("2023", Year, 2023, "year"),
			nq("1", Ordinal, 1, "section"), nq("2", Ordinal, 2, "list"), nq("1", Ordinal, 1, "list number")}},
		{"bilo jih je 26. V letu", []w{q("26", 26)}},
		{"Skupaj 12 PROJEKTOV in poglavje 3. PROCESI", []w{q("12", 12), nq("3", Ordinal, 3, "section")}},
		{"1.2. Podpoglavje", []w{nq("1.2", Ordinal, 0, "section number")}},
		{"Janez V. Novak", nil},
		// times
		{"od ponedeljka do petka, od 7.00 do 17.00.", []w{nq("7.00", Time, 7, "time of day"), nq("17.00", Time, 17, "time of day")}},
		{"ob 9.30 in ob 10:15, 8.00–12.00", []w{nq("9.30", Time, 9.3, "time"), nq("10:15", Time, 10.15, "time"), nq("8.00", Time, 8, "time"), nq("12.00", Time, 12, "time")}},
		{"vrednost 7.30 ni ura", []w{nq("7.30", Malformed, 0, "ambiguous")}},
		// ages
		{"v starosti od 6 do 19 let", []w{nq("6", Age, 6, "age range"), nq("19", Age, 19, "age range")}},
		{"mladi stari od \n15. do 29. leta, odrasle", []w{nq("15", Age, 15, "age range"), nq("29", Age, 29, "age range")}},
		{"mladi do 29 let in starejši nad 65 let, otroci 6–10 let", []w{nq("29", Age, 29, "age"), nq("65", Age, 65, "age"), nq("6", Age, 6, "age range"), nq("10", Age, 10, "age range")}},
		// dates
		{"(1. 11. 2019–31. 1. 2022) obravnava", []w{
			nq("1", DatePart, 1, "date"), nq("11", DatePart, 11, "date"), nq("2019", DatePart, 2019, "date"),
			nq("31", DatePart, 31, "date"), nq("1", DatePart, 1, "date"), nq("2022", DatePart, 2022, "date")}},
		{"dne 1.11.2019 ob 10.00", []w{nq("1", DatePart, 1, "date"), nq("11", DatePart, 11, "date"), nq("2019", DatePart, 2019, "date"), nq("10.00", Time, 10, "time")}},
		{"do 31. 2. 2020 in 0. 5. 2020", []w{
			nq("31", Malformed, 31, "impossible date"), nq("2", Malformed, 2, "impossible date"), nq("2020", Malformed, 2020, "impossible date"),
			nq("0", Malformed, 0, "impossible date"), nq("5", Malformed, 5, "impossible date"), nq("2020", Malformed, 2020, "impossible date")}},
		{"od 1. 1. 2021 do 1. 1. 2020", []w{
			nq("1", Malformed, 1, "ends before"), nq("1", Malformed, 1, "ends before"), nq("2021", Malformed, 2021, "ends before"),
			nq("1", Malformed, 1, "ends before"), nq("1", Malformed, 1, "ends before"), nq("2020", Malformed, 2020, "ends before")}},
		{"30. septembra 2022 in marca 2022", []w{nq("30", DatePart, 30, "date"), nq("2022", DatePart, 2022, "date"), nq("2022", DatePart, 2022, "date")}},
		// not quantities
		{"SO-Ma2, 1a, COVID-19, 15-letni, 5km", []w{
			nq("2", Other, 2, "glued"), nq("1", Other, 1, "glued"), nq("19", Other, 19, "name or code"),
			nq("15", Other, 15, "compound"), nq("5", Other, 5, "glued")}},
		{"tel. 041 123 456 ali +386 3 898 45 00", []w{nq("041 123 456", Other, 0, "telephone"), nq("+386 3 898 45 00", Other, 386, "telephone")}},
		{"Šaleška cesta 3, 3320 Velenje", []w{nq("3", Other, 3, "house number of an address"), nq("3320", Other, 3320, "postal code")}},
		{"Trg svobode 7 in Cesta na Grad 12", []w{nq("7", Other, 7, "house number of an address"), nq("12", Other, 12, "house number of an address")}},
		{"Uradni list RS, št. 12/2020", []w{nq("12", Other, 12, "identifier"), nq("2020", Other, 2020, "identifier")}},
		{"P R O J E K T I  2 0 2 0", []w{nq("2", Other, 2, "letter-spaced"), nq("0", Other, 0, "letter-spaced"), nq("2", Other, 2, "letter-spaced"), nq("0", Other, 0, "letter-spaced")}},
		{"neaktivne osebe.\n\n1 2 3\nDOSEŽENI", []w{nq("1", Other, 1, "box"), nq("2", Other, 2, "box"), nq("3", Other, 3, "box")}},
	}
	for _, c := range cases {
		got := Scan(c.in)
		if msg := compare(c.in, got, c.want); msg != "" {
			t.Errorf("Scan(%q):\n%s", c.in, msg)
		}
	}
}

func compare(in string, got []Match, want []w) string {
	var b strings.Builder
	for k := 0; k < max(len(got), len(want)); k++ {
		switch {
		case k >= len(got):
			fmt.Fprintf(&b, "  missing %+v\n", want[k])
			continue
		case k >= len(want):
			fmt.Fprintf(&b, "  extra %s\n", show(got[k]))
			continue
		}
		g, x := got[k], want[k]
		if x.q == "" {
			x.q = letopis.Exact
		}
		bad := g.Text != x.text || g.Class != x.class || g.Qualifier != x.q && g.Class == Quantity || g.Unit != x.unit ||
			!strings.Contains(g.Reason, x.reason) || (g.Class == Quantity || x.value != 0) && g.Value != x.value ||
			x.class == Quantity && g.Reason != "" || x.class != Quantity && g.Reason == ""
		if g.Text != in[g.Start:g.End] || g.QStart > g.Start || g.UnitStart > g.QStart || g.UnitEnd < g.End {
			bad = true
		}
		if bad {
			fmt.Fprintf(&b, "  got %s\n  want %+v\n", show(g), x)
		}
	}
	return b.String()
}

func show(m Match) string {
	return fmt.Sprintf("{%q %v %v %v %q %q [%d %d %d %d %d]}", m.Text, m.Class, m.Value, m.Qualifier, m.Unit, m.Reason, m.UnitStart, m.QStart, m.Start, m.End, m.UnitEnd)
}

// TestScanOffsets checks the offsets of what was read, so that facts can
// point at their text.
func TestScanOffsets(t *testing.T) {
	cases := []struct {
		in, text string
		qText    string // in[QStart:End]
		uText    string // in[UnitStart:UnitEnd]
	}{
		{"x cca 120 mladih", "120", "cca 120", "cca 120"},
		{"preko 884 otrok", "884", "preko 884", "preko 884"},
		{"in več kot 47 pred", "47", "več kot 47", "več kot 47"},
		{"Pridobitev 250.109,76 EUR", "250.109,76", "250.109,76", "250.109,76 EUR"},
		{"Pridobitev 250.109,76 \nEUR sredstev", "250.109,76", "250.109,76", "250.109,76 \nEUR"},
		{"vsaj 25 %.", "25", "vsaj 25", "vsaj 25 %"},
		{"plačilo € 1.000 danes", "1.000", "1.000", "€ 1.000"},
		{"plačilo EUR 500", "500", "500", "EUR 500"},
		{"delež 40,32 %", "40,32", "40,32", "40,32 %"},
		{"rast −3 %", "−3", "−3", "−3 %"},
		{"vzpostavitev štirih enot", "štirih", "štirih", "štirih"},
		{"1,2 mio EUR", "1,2", "1,2", "1,2 mio EUR"},
		{"stičišča – 2 izdani", "2", "2", "2"},
		{"Šola (1. 11. 2019)", "11", "11", "11"},
		{"od 10 do 20 oseb", "20", "do 20", "do 20"},
		{"od 10 do 20 oseb", "10", "od 10", "od 10"},
		{"tel. +386 3 898 45 00", "+386 3 898 45 00", "+386 3 898 45 00", "+386 3 898 45 00"},
	}
	for _, c := range cases {
		var m *Match
		for _, x := range Scan(c.in) {
			if x.Text == c.text {
				m = &x
				break
			}
		}
		if m == nil {
			t.Errorf("Scan(%q): no %q", c.in, c.text)
			continue
		}
		if c.in[m.QStart:m.End] != c.qText || c.in[m.UnitStart:m.UnitEnd] != c.uText || strings.Index(c.in, c.text) != m.Start {
			t.Errorf("Scan(%q) %q: offsets %d %d [%d %d] %d: qualified %q, with unit %q; want %q, %q", c.in, c.text,
				m.UnitStart, m.QStart, m.Start, m.End, m.UnitEnd, c.in[m.QStart:m.End], c.in[m.UnitStart:m.UnitEnd], c.qText, c.uText)
		}
	}
}

// TestScanSeed reads the text dump of a real report and checks that every
// quantity the gold list names is found as a quantity, and that known
// non-quantities are not.
func TestScanSeed(t *testing.T) {
	b, err := os.ReadFile("../../testdata/novus-2020.seed.txt")
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	ms := Scan(s)
	quantities := map[float64]int{}
	for _, m := range ms {
		if m.Text != s[m.Start:m.End] {
			t.Fatalf("bad text %q at %d", m.Text, m.Start)
		}
		if m.Class == Quantity {
			quantities[m.Value]++
		}
	}
	for _, v := range []float64{3, 5, 11, 1000, 250109.76, 100, 2, 4, 1, 190, 42, 25, 6, 410, 118, 24, 884, 130, 28, 7, 13,
		683, 636, 2500, 26, 205, 512, 17, 163, 12, 10, 8, 60, 62, 40.32, 120, 768, 18, 386, 51, 398, 748, 75, 1373, 103, 20, 274,
		701, 98, 604, 22830, 5503, 33, 225, 9, 47, 19} {
		if quantities[v] == 0 {
			t.Errorf("quantity %v not found", v)
		}
	}
	for _, v := range []float64{2019, 2020, 2021, 2022, 2023, 2016, 2008, 2017, 29} {
		if quantities[v] > 0 {
			t.Errorf("%v read as a quantity", v)
		}
	}
}
