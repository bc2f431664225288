package pdf

import (
	"context"
	"strings"
	"testing"
)

// setLine lays out the words of text from x on the baseline y in the given
// size (each character half an em wide, words a third of an em apart).
func setLine(x, y, size float64, bold bool, text string) []*word {
	var out []*word
	for _, t := range strings.Fields(text) {
		w := float64(len([]rune(t))) * size / 2
		out = append(out, &word{text: t, x0: x, x1: x + w, y0: y - size*0.2, y1: y + size*0.8, base: y, size: size, bold: bold})
		x += w + size/3
	}
	return out
}

// TestReadingOrder: the order of blocks XY-cut gives pages of common
// layouts, each block named by its first word.
func TestReadingOrder(t *testing.T) {
	column := func(x, top float64, name string, n int) []*word {
		var ws []*word
		for i := 0; i < n; i++ {
			ws = append(ws, setLine(x, top-float64(i)*12, 10, false, name+" besedilo stolpca se nadaljuje")...)
		}
		return ws
	}
	across := func(y float64, name string) []*word {
		return setLine(57, y, 10, false, name+" besedilo čez vso širino strani od roba do roba in še naprej brez presledka med stolpci")
	}
	// a justified column (LibreOffice): each line spread from x0 to x1
	justified := func(x0, x1, top float64, name string, n int) []*word {
		var ws []*word
		texts := []string{"besedilo stolpca se nadaljuje v naslednji vrstici", "in tako naprej do konca odstavka brez", "presledka kjer bi ga pričakovali bralci poročila", "vsaka vrstica ima svoje besede in svoje razmike"}
		for i := 0; i < n; i++ {
			line := setLine(x0, top-float64(i)*14, 8.6, false, name+" "+texts[i%len(texts)])
			inked := 0.0
			for _, w := range line {
				inked += w.x1 - w.x0
			}
			gap, x := (x1-x0-inked)/float64(len(line)-1), x0
			for _, w := range line {
				w.x0, w.x1 = x, x+w.x1-w.x0
				x = w.x1 + gap
			}
			ws = append(ws, line...)
		}
		return ws
	}
	cases := []struct {
		name string
		ws   [][]*word
		want string
	}{
		{"a sidebar heading less than a gutter from the text beside it, the text going on above it",
			[][]*word{justified(171.8, 400, 644, "Zgoraj", 3), setLine(90, 600, 11, true, "Izobraževanje"), setLine(117, 585, 11, true, "vodnikov"),
				justified(171.8, 400, 602, "Desni", 10)}, "Zgoraj Izobraževanje Desni"},
		{"two justified columns with a gutter under one em, lines not level",
			[][]*word{justified(34, 293.5, 700, "Levi", 8), justified(301.5, 560, 695, "Desni", 8)}, "Levi Desni"},
		{"two columns", [][]*word{column(57, 700, "Levi", 6), column(311, 700, "Desni", 6)}, "Levi Desni"},
		{"heading under both columns over text across the page",
			[][]*word{column(57, 700, "Levi", 6), column(311, 700, "Desni", 6),
				setLine(57, 610, 14, true, "Pregled leta"), across(590, "Spodaj")},
			"Levi Desni Pregled Spodaj"},
		{"heading in the left column over its text",
			[][]*word{column(57, 700, "Levi", 6), setLine(57, 610, 14, true, "Naslov levo"), column(57, 590, "Nadaljevanje", 4),
				column(311, 700, "Desni", 10)},
			"Levi Naslov Nadaljevanje Desni"},
		{"left column goes on after the right one ends",
			[][]*word{column(57, 700, "Levi", 10), column(311, 700, "Desni", 4)}, "Levi Desni"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var ws []*word
			for _, w := range c.ws {
				ws = append(ws, w...)
			}
			var got []string
			for _, b := range layoutWords(context.Background(), ws, nil, 1, 595, 842, nil) {
				got = append(got, strings.Fields(b.Text())[0])
			}
			if strings.Join(got, " ") != c.want {
				t.Errorf("order %q, want %q", strings.Join(got, " "), c.want)
			}
		})
	}
}
