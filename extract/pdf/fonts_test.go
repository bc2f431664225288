package pdf

import "testing"

func TestFontTextRanges(t *testing.T) {
	f := &fontInfo{
		toUni: map[uint32]string{0x41: "Ž"},
		uniRng: []uniRange{
			{lo: 0x0000, hi: 0xFFFF, base: []rune{0}},        // identity
			{lo: 0x0100, hi: 0x01FF, base: []rune{'f', 'a'}}, // ligature-style, later wins
		},
	}
	for code, want := range map[uint32]string{
		0x41: "Ž", 0x42: "B", 0x10D: "fn", 0x161: "f\u00c2", 0x0161 + 0x1000: "\u1161", 0x10000: "",
	} {
		if got := f.text(code); got != want {
			t.Errorf("text(%#x) = %q, want %q", code, got, want)
		}
	}
}
