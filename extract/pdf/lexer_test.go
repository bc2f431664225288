package pdf

import (
	"fmt"
	"strings"
	"testing"
)

// render writes what lexContent saw, one operator a line.
func render(content string) string {
	var sb strings.Builder
	var arg func(o operand) string
	arg = func(o operand) string {
		switch o.kind {
		case kNum:
			return fmt.Sprint(o.num)
		case kName:
			return "/" + o.s
		case kStr:
			return fmt.Sprintf("%q", o.s)
		case kArray:
			var parts []string
			for _, e := range o.arr {
				parts = append(parts, arg(e))
			}
			return "[" + strings.Join(parts, " ") + "]"
		}
		return "?"
	}
	lexContent([]byte(content), func(op string, args []operand) {
		var parts []string
		for _, a := range args {
			parts = append(parts, arg(a))
		}
		fmt.Fprintf(&sb, "%s(%s);", op, strings.Join(parts, " "))
	})
	return sb.String()
}

func TestLexContent(t *testing.T) {
	tests := []struct{ in, want string }{
		{"BT /F1 9.5 Tf 1 0 0 1 46.2 -7 Tm (Hello) Tj ET", `BT();Tf(/F1 9.5);Tm(1 0 0 1 46.2 -7);Tj("Hello");ET();`},
		{"[(A) -120 (B)] TJ", `TJ(["A" -120 "B"]);`},
		{`(a\(b\)c\\ \101\n) Tj`, `Tj("a(b)c\\ A\n");`},
		{`(nested (parens) ok) Tj`, `Tj("nested (parens) ok");`},
		{"<48 65 6c6C 6> Tj", `Tj("Hell` + "`" + `");`},
		{"/Span <</MCID 3 /Alt (x>>) >> BDC q Q EMC", `(/Span ?);q();Q();();`},
		{"% comment\n.5 -.25 +3 m", "m(0.5 -0.25 3);"},
		{"BI /W 2 /H 1 ID \x00EI\xffEIx EI\n10 20 l", "();l(10 20);"},
		{"1 2 3 re f", "re(1 2 3);f();"},
		{"] ) } 5 Tw", "Tw(5);"},
		{"[ [1 2] (x) ] TJ", `TJ([[1 2] "x"]);`},
		{"true false null 7 Tc", "Tc(? ? ? 7);"},
		{"1.2.3 xyzzy", "(1.2);"},
		{"(unterminated", ""},
		{"[(open array) Tj", `Tj("open array");`},
	}
	for _, tt := range tests {
		if got := render(tt.in); got != tt.want {
			t.Errorf("lexContent(%q)\n got %s\nwant %s", tt.in, got, tt.want)
		}
	}
}

// FuzzLexContent: any bytes are read without a panic or a hang, and every
// operator's operands are well formed.
func FuzzLexContent(f *testing.F) {
	for _, s := range []string{"BT /F1 12 Tf (x) Tj ET", "[(a) 1 (b)] TJ", "BI /W 1 ID x EI", "<<>>", `(\`, "<4", "[[[[", "1.2.3.4"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		ops := 0
		lexContent(b, func(op string, args []operand) {
			ops++
			for _, a := range args {
				if a.kind > kOther {
					t.Fatalf("bad operand kind %d", a.kind)
				}
			}
		})
		if ops > len(b)+1 {
			t.Fatalf("%d operators from %d bytes", ops, len(b))
		}
	})
}

func BenchmarkLexContent(b *testing.B) {
	page := strings.Repeat("BT /F1 9.5 Tf 1 0 0 1 46.2 700.5 Tm [(Izvedenih 5 skupnih) -250 (partnerskih usposabljanj)] TJ ET\n0.5 w 10 10 200 20 re S\n", 200)
	b.SetBytes(int64(len(page)))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		lexContent([]byte(page), func(string, []operand) {})
	}
}
