package pdf

import (
	"bytes"
	"fmt"
	"io"

	"github.com/letopis/letopis/internal/lpdf"
)

// Our own reader of content streams. ledongthuc's Interpret allocated a
// string per keyword and a Value per operand, and its tokenizer was most of
// the time spent on a page; this one parses numbers in place, reuses its
// operand stack, and allocates only for strings and names.

// maxContentBytes bounds one page's decoded content: a report page has tens
// of kilobytes; more is a bomb, not a page.
const maxContentBytes = 64 << 20

// opKind is the type of an operand.
type opKind uint8

const (
	kNum opKind = iota
	kName
	kStr
	kArray
	kOther // dictionaries, booleans, null: read and skipped
)

// operand is one operand of a content-stream operator.
type operand struct {
	kind opKind
	num  float64
	s    string    // kName: the name without '/'; kStr: the raw bytes
	arr  []operand // kArray: its elements (valid until the operator returns)
}

// number returns the operand as a number, 0 if it is none.
func (o operand) number() float64 {
	if o.kind == kNum {
		return o.num
	}
	return 0
}

// contentBytes returns the decoded bytes of a content stream, or of an
// array of streams joined by a newline (the spec reads them as one stream
// with whitespace between).
func contentBytes(strm lpdf.Value) []byte {
	var buf bytes.Buffer
	add := func(v lpdf.Value) {
		n, err := buf.ReadFrom(io.LimitReader(v.Reader(), maxContentBytes+1-int64(buf.Len())))
		_ = n
		if err != nil {
			panic(fmt.Errorf("cannot read page content: %v", err))
		}
		if buf.Len() > maxContentBytes {
			panic(errBudget)
		}
		buf.WriteByte('\n')
	}
	if strm.Kind() == lpdf.Array {
		for i := 0; i < strm.Len() && i < 10000; i++ {
			if s := strm.Index(i); s.Kind() == lpdf.Stream {
				add(s)
			}
		}
	} else {
		add(strm)
	}
	return buf.Bytes()
}

// operators are the operator names the interpreter knows, interned so that
// looking one up allocates nothing.
var operators = func() map[string]string {
	m := map[string]string{}
	for _, op := range []string{"q", "Q", "cm", "m", "l", "c", "v", "y", "h", "re", "S", "s",
		"f", "F", "f*", "B", "B*", "b", "b*", "n", "BT", "ET", "Tc", "Tw", "Tz", "TL", "Ts",
		"Tf", "Td", "TD", "Tm", "T*", "Tj", "'", "\"", "TJ", "Do", "BI", "ID", "EI"} {
		m[op] = op
	}
	return m
}()

func isSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0
}

func isDelim(c byte) bool {
	switch c {
	case '(', ')', '<', '>', '[', ']', '{', '}', '/', '%':
		return true
	}
	return false
}

// lexContent reads the content stream b and calls do for each operator
// with its operands. Unknown operators are passed as "" (so that work is
// still counted). Malformed input is skipped byte by byte, never fatal.
func lexContent(b []byte, do func(op string, args []operand)) {
	var stack []operand
	var arena []operand // array elements, reset after each operator
	var marks []int     // stack positions of open '['
	i := 0
	for i < len(b) {
		c := b[i]
		switch {
		case isSpace(c):
			i++
		case c == '%':
			for i < len(b) && b[i] != '\n' && b[i] != '\r' {
				i++
			}
		case c == '/':
			j := i + 1
			for j < len(b) && !isSpace(b[j]) && !isDelim(b[j]) {
				j++
			}
			stack = append(stack, operand{kind: kName, s: string(b[i+1 : j])})
			i = j
		case c == '(':
			s, j := literalString(b, i)
			stack = append(stack, operand{kind: kStr, s: s})
			i = j
		case c == '<' && i+1 < len(b) && b[i+1] == '<':
			i = skipDict(b, i)
			stack = append(stack, operand{kind: kOther})
		case c == '<':
			s, j := hexString(b, i)
			stack = append(stack, operand{kind: kStr, s: s})
			i = j
		case c == '[':
			marks = append(marks, len(stack))
			i++
		case c == ']':
			i++
			if len(marks) == 0 {
				continue
			}
			m := marks[len(marks)-1]
			marks = marks[:len(marks)-1]
			start := len(arena)
			arena = append(arena, stack[m:]...)
			stack = append(stack[:m], operand{kind: kArray, arr: arena[start:len(arena):len(arena)]})
		case c == '>' || c == ')' || c == '{' || c == '}':
			i++ // stray delimiter
		case c == '+' || c == '-' || c == '.' || (c >= '0' && c <= '9'):
			v, j := number(b, i)
			stack = append(stack, operand{kind: kNum, num: v})
			i = j
		default:
			j := i
			for j < len(b) && !isSpace(b[j]) && !isDelim(b[j]) {
				j++
			}
			if j == i {
				i++
				continue
			}
			kw := b[i:j]
			i = j
			switch string(kw) {
			case "true", "false", "null":
				stack = append(stack, operand{kind: kOther})
				continue
			case "BI":
				i = skipInlineImage(b, i)
				stack, arena, marks = stack[:0], arena[:0], marks[:0]
				do("", nil)
				continue
			}
			if len(marks) > 0 { // an operator inside an array: malformed; close them
				marks = marks[:0]
			}
			do(operators[string(kw)], stack)
			stack, arena = stack[:0], arena[:0]
		}
		if len(stack) > 1<<16 { // operands without operators: garbage
			stack, arena, marks = stack[:0], arena[:0], marks[:0]
			do("", nil)
		}
	}
}

// number parses a PDF number (no exponent) at b[i:] without allocating.
func number(b []byte, i int) (float64, int) {
	neg := false
	for i < len(b) && (b[i] == '+' || b[i] == '-') {
		neg = neg != (b[i] == '-')
		i++
	}
	var v float64
	for i < len(b) && b[i] >= '0' && b[i] <= '9' {
		v = v*10 + float64(b[i]-'0')
		i++
	}
	if i < len(b) && b[i] == '.' {
		i++
		scale := 0.1
		for i < len(b) && b[i] >= '0' && b[i] <= '9' {
			v += float64(b[i]-'0') * scale
			scale /= 10
			i++
		}
	}
	// Anything glued to a number (1.2.3, 12abc) is skipped with it.
	for i < len(b) && !isSpace(b[i]) && !isDelim(b[i]) {
		i++
	}
	if neg {
		v = -v
	}
	return v, i
}

// literalString reads a (string) at b[i] with its escapes and balanced
// parentheses, and returns its bytes and the index after it.
func literalString(b []byte, i int) (string, int) {
	i++ // (
	depth := 1
	start := i
	// Fast path: no escapes.
	j := i
	for j < len(b) {
		c := b[j]
		if c == '\\' {
			break
		}
		if c == '(' {
			depth++
		} else if c == ')' {
			depth--
			if depth == 0 {
				return string(b[start:j]), j + 1
			}
		}
		j++
	}
	if j >= len(b) {
		return string(b[start:]), len(b)
	}
	depth = 1
	out := make([]byte, 0, j-start+16)
	for i < len(b) {
		c := b[i]
		switch c {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return string(out), i + 1
			}
		case '\\':
			i++
			if i >= len(b) {
				return string(out), i
			}
			e := b[i]
			switch e {
			case 'n':
				out = append(out, '\n')
			case 'r':
				out = append(out, '\r')
			case 't':
				out = append(out, '\t')
			case 'b':
				out = append(out, '\b')
			case 'f':
				out = append(out, '\f')
			case '\r':
				if i+1 < len(b) && b[i+1] == '\n' {
					i++
				}
			case '\n':
			default:
				if e >= '0' && e <= '7' {
					v := int(e - '0')
					for k := 0; k < 2 && i+1 < len(b) && b[i+1] >= '0' && b[i+1] <= '7'; k++ {
						i++
						v = v*8 + int(b[i]-'0')
					}
					out = append(out, byte(v))
				} else {
					out = append(out, e)
				}
			}
			i++
			continue
		}
		out = append(out, c)
		i++
	}
	return string(out), i
}

func hexDigit(c byte) (byte, bool) {
	switch {
	case c >= '0' && c <= '9':
		return c - '0', true
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10, true
	case c >= 'A' && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}

// decodeHex decodes the digits of a hex string, skipping whitespace and
// anything else; an odd last digit counts as followed by 0.
func decodeHex(h []byte) string {
	out := make([]byte, 0, len(h)/2+1)
	var hi byte
	half := false
	for _, c := range h {
		if v, ok := hexDigit(c); ok {
			if half {
				out = append(out, hi<<4|v)
			} else {
				hi = v
			}
			half = !half
		}
	}
	if half {
		out = append(out, hi<<4)
	}
	return string(out)
}

// hexString reads a <hex string> at b[i].
func hexString(b []byte, i int) (string, int) {
	end := bytes.IndexByte(b[i:], '>')
	if end < 0 {
		return decodeHex(b[i+1:]), len(b)
	}
	return decodeHex(b[i+1 : i+end]), i + end + 1
}

// skipDict skips a << dictionary >> (nested, with strings) at b[i].
func skipDict(b []byte, i int) int {
	depth := 0
	for i < len(b) {
		switch {
		case b[i] == '<' && i+1 < len(b) && b[i+1] == '<':
			depth++
			i += 2
		case b[i] == '>' && i+1 < len(b) && b[i+1] == '>':
			depth--
			i += 2
			if depth == 0 {
				return i
			}
		case b[i] == '(':
			_, i = literalString(b, i)
		case b[i] == '<':
			_, i = hexString(b, i)
		default:
			i++
		}
	}
	return i
}

// skipInlineImage skips an inline image from after BI to after EI: its
// parameters, ID, one whitespace byte, the data, and EI between whitespace.
func skipInlineImage(b []byte, i int) int {
	id := bytes.Index(b[i:], []byte("ID"))
	if id < 0 {
		return len(b)
	}
	i += id + 3
	for i+1 < len(b) {
		k := bytes.Index(b[i:], []byte("EI"))
		if k < 0 {
			return len(b)
		}
		i += k
		before := i == 0 || isSpace(b[i-1])
		after := i+2 >= len(b) || isSpace(b[i+2])
		i += 2
		if before && after {
			return i
		}
	}
	return len(b)
}
