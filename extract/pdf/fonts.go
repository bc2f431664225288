package pdf

import (
	"bytes"
	"context"
	"errors"
	"io"
	"strings"
	"sync"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/letopis/letopis/internal/lpdf"
)

// fontInfo is what the layout needs of a font: how to split a string into
// codes, the text and the advance width of each code, and its weight. It is
// decoded once per document (see fontCache) and then only read.
type fontInfo struct {
	name   string
	bold   bool
	italic bool
	cid    bool // Type0: multi-byte codes
	space  [4][]codeRange
	toUni  map[uint32]string
	uniRng []uniRange // large ToUnicode ranges, computed on lookup
	first  int
	widths []float64
	wmap   map[uint32]float64 // CID widths
	dw     float64            // default width, glyph space units
	scale  float64            // glyph space to text space (1/1000, or FontMatrix for Type3)
	simple *[256]string       // simple fonts: the text of each byte by the font's encoding
}

type codeRange struct{ lo, hi []byte }

// uniRange is a bfrange of a ToUnicode CMap mapping lo..hi to base,
// base+1, …: kept as a range, not expanded, when it is large (an identity
// map <0000> <FFFF> <0000> would be 65,536 map entries per font).
type uniRange struct {
	lo, hi uint32
	base   []rune
}

// expandRange is the size up to which a bfrange is expanded into the map.
const expandRange = 256

// maxCMapEntries bounds the work spent on one ToUnicode map.
const maxCMapEntries = 1 << 17

// fontCache decodes each font dictionary of a document once, keyed by the
// dictionary's serialisation (which names its indirect streams by object
// number, so two different fonts never share a key).
type fontCache struct {
	mu    sync.Mutex
	fonts map[string]*fontInfo
}

func newFontCache() *fontCache { return &fontCache{fonts: map[string]*fontInfo{}} }

func (c *fontCache) get(v lpdf.Value) *fontInfo {
	key := v.String()
	c.mu.Lock()
	f, ok := c.fonts[key]
	c.mu.Unlock()
	if ok {
		return f
	}
	f = loadFont(v)
	c.mu.Lock()
	c.fonts[key] = f
	c.mu.Unlock()
	return f
}

// loadFont reads a font dictionary. A damaged font (an object that cannot
// be read) gives what was read of it: its text may be lost, not the page's.
func loadFont(v lpdf.Value) (f *fontInfo) {
	f = &fontInfo{scale: 0.001, dw: 1000}
	defer func() {
		if r := recover(); r != nil {
			if e, ok := r.(error); ok && (errors.Is(e, context.Canceled) || errors.Is(e, context.DeadlineExceeded) || errors.Is(e, errBudget)) {
				panic(r)
			}
		}
	}()
	base := v.Key("BaseFont").Name()
	if i := strings.IndexByte(base, '+'); i >= 0 {
		base = base[i+1:]
	}
	f.name = base
	low := strings.ToLower(base)
	desc := v.Key("FontDescriptor")
	sub := v.Key("Subtype").Name()
	// a font with descendants is a composite font, whatever a damaged
	// /Subtype says
	if sub == "Type0" || v.Key("DescendantFonts").Kind() == lpdf.Array {
		f.cid = true
		df := v.Key("DescendantFonts").Index(0)
		desc = df.Key("FontDescriptor")
		if d := df.Key("DW"); d.Kind() == lpdf.Integer || d.Kind() == lpdf.Real {
			f.dw = d.Float64()
		}
		f.wmap = readCIDWidths(df.Key("W"))
		// Identity-H/V and most embedded CMaps use two-byte codes.
		f.space[1] = []codeRange{{[]byte{0, 0}, []byte{0xff, 0xff}}}
	} else {
		f.first = int(v.Key("FirstChar").Int64())
		w := v.Key("Widths")
		n := min(w.Len(), 256)
		f.widths = make([]float64, n)
		for i := 0; i < n; i++ {
			f.widths[i] = w.Index(i).Float64()
		}
		f.dw = desc.Key("MissingWidth").Float64()
		if f.dw == 0 {
			f.dw = 500 // standard 14 fonts without widths: half an em
		}
		if sub == "Type3" {
			if m := v.Key("FontMatrix"); m.Len() == 6 && m.Index(0).Float64() != 0 {
				f.scale = m.Index(0).Float64()
				f.dw = 0.5 / f.scale
			}
		}
		enc := (&lpdf.Font{V: v}).Encoder()
		var tab [256]string
		for b := 0; b < 256; b++ {
			if s := enc.Decode(string([]byte{byte(b)})); s != "\uFFFD" && utf8.ValidString(s) && (s == "" || s[0] >= 0x20) {
				tab[b] = s
			}
		}
		f.simple = &tab
	}
	flags := desc.Key("Flags").Int64()
	f.bold = strings.Contains(low, "bold") || strings.Contains(low, "black") || strings.Contains(low, "heavy") ||
		strings.Contains(low, "semibold") || strings.Contains(low, "demi") || flags&(1<<18) != 0 ||
		desc.Key("FontWeight").Float64() >= 600
	f.italic = strings.Contains(low, "italic") || strings.Contains(low, "oblique") || flags&(1<<6) != 0
	if tu := v.Key("ToUnicode"); tu.Kind() == lpdf.Stream {
		readToUnicode(tu, f)
	}
	return f
}

func readCIDWidths(w lpdf.Value) map[uint32]float64 {
	m := map[uint32]float64{}
	n := w.Len()
	for i := 0; i < n && len(m) < maxCMapEntries; {
		c := w.Index(i)
		if i+1 >= n {
			break
		}
		next := w.Index(i + 1)
		if next.Kind() == lpdf.Array {
			start := uint32(c.Int64())
			for j := 0; j < next.Len() && len(m) < maxCMapEntries; j++ {
				m[start+uint32(j)] = next.Index(j).Float64()
			}
			i += 2
			continue
		}
		if i+2 >= n {
			break
		}
		lo, hi := c.Int64(), next.Int64()
		wd := w.Index(i + 2).Float64()
		for k := lo; k <= hi && k >= 0 && len(m) < maxCMapEntries; k++ {
			m[uint32(k)] = wd
		}
		i += 3
	}
	return m
}

// readToUnicode parses a ToUnicode CMap into f.toUni and, for CID fonts,
// its code space ranges (how many bytes a code has). ledongthuc's own
// CMap reader cannot run the findresource/begin prologue of most CMaps, so
// this reads the stream's few token kinds itself.
func readToUnicode(strm lpdf.Value, f *fontInfo) {
	m := map[uint32]string{}
	var space [4][]codeRange
	func() {
		defer func() { _ = recover() }() // a broken CMap leaves what was read
		rc := strm.Reader()
		defer rc.Close()
		data, _ := io.ReadAll(io.LimitReader(rc, 8<<20))
		var args []cmapTok
		for len(data) > 0 {
			var t cmapTok
			t, data = nextCMapTok(data)
			if t.kind != 'k' {
				if len(args) < 1<<16 {
					args = append(args, t)
				}
				continue
			}
			switch t.s {
			case "endcodespacerange":
				for i := 0; i+1 < len(args); i += 2 {
					lo, hi := args[i].s, args[i+1].s
					if args[i].kind != 's' || len(lo) == 0 || len(lo) != len(hi) || len(lo) > 4 {
						continue
					}
					space[len(lo)-1] = append(space[len(lo)-1], codeRange{[]byte(lo), []byte(hi)})
				}
			case "endbfchar":
				for i := 0; i+1 < len(args) && len(m) < maxCMapEntries; i += 2 {
					src := args[i].s
					if args[i].kind != 's' || len(src) == 0 || len(src) > 4 {
						continue
					}
					m[codeOf(src)] = utf16String(args[i+1].s)
				}
			case "endbfrange":
				for i := 0; i+2 < len(args); i += 3 {
					lo, hi := args[i].s, args[i+1].s
					if len(lo) == 0 || len(lo) > 4 || len(hi) != len(lo) {
						continue
					}
					clo, chi := codeOf(lo), codeOf(hi)
					if chi < clo || chi-clo > maxCMapEntries || len(m) > maxCMapEntries {
						continue
					}
					dst := args[i+2]
					if dst.kind == 'a' {
						for c := clo; c <= chi && int(c-clo) < len(dst.arr); c++ {
							m[c] = utf16String(dst.arr[c-clo])
						}
						continue
					}
					u := utf16.Decode(utf16Units(dst.s))
					if len(u) == 0 {
						continue
					}
					if chi-clo >= expandRange {
						if len(f.uniRng) < 4096 {
							f.uniRng = append(f.uniRng, uniRange{clo, chi, u})
						}
						continue
					}
					for c := clo; c <= chi; c++ {
						r := append([]rune(nil), u...)
						r[len(r)-1] += rune(c - clo)
						m[c] = string(r)
					}
				}
			}
			args = args[:0]
		}
	}()
	f.toUni = m
	if f.cid {
		has := false
		for _, s := range space {
			has = has || len(s) > 0
		}
		if has {
			f.space = space
		}
	}
}

// cmapTok is a token of a CMap: 's' a string (hex or literal, raw bytes),
// 'a' an array of strings, 'n' a number or name, 'k' a keyword.
type cmapTok struct {
	kind byte
	s    string
	arr  []string
}

func nextCMapTok(d []byte) (cmapTok, []byte) {
	for len(d) > 0 {
		c := d[0]
		switch {
		case c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0:
			d = d[1:]
			continue
		case c == '%':
			i := bytes.IndexAny(d, "\r\n")
			if i < 0 {
				return cmapTok{kind: 'n'}, nil
			}
			d = d[i:]
			continue
		case c == '<' && len(d) > 1 && d[1] == '<', c == '>' && len(d) > 1 && d[1] == '>':
			return cmapTok{kind: 'n'}, d[2:]
		case c == '<':
			i := bytes.IndexByte(d, '>')
			if i < 0 {
				return cmapTok{kind: 'n'}, nil
			}
			return cmapTok{kind: 's', s: decodeHex(d[1:i])}, d[i+1:]
		case c == '(':
			i := bytes.IndexByte(d, ')')
			if i < 0 {
				return cmapTok{kind: 'n'}, nil
			}
			return cmapTok{kind: 's', s: string(d[1:i])}, d[i+1:]
		case c == '[':
			var t cmapTok
			t.kind = 'a'
			d = d[1:]
			for len(d) > 0 {
				for len(d) > 0 && (d[0] == ' ' || d[0] == '\n' || d[0] == '\r' || d[0] == '\t') {
					d = d[1:]
				}
				if len(d) == 0 {
					break
				}
				if d[0] == ']' {
					d = d[1:]
					break
				}
				var e cmapTok
				e, d = nextCMapTok(d)
				if len(t.arr) < maxCMapEntries {
					t.arr = append(t.arr, e.s)
				}
			}
			return t, d
		}
		i := 0
		for i < len(d) && !bytes.ContainsRune([]byte(" \n\r\t\f\x00<>[]()/%"), rune(d[i])) {
			i++
		}
		if c == '/' {
			i = 1
			for i < len(d) && !bytes.ContainsRune([]byte(" \n\r\t\f\x00<>[]()/%"), rune(d[i])) {
				i++
			}
			return cmapTok{kind: 'n', s: string(d[:i])}, d[i:]
		}
		if i == 0 {
			return cmapTok{kind: 'n'}, d[1:]
		}
		w := string(d[:i])
		if (w[0] >= '0' && w[0] <= '9') || w[0] == '-' || w[0] == '.' {
			return cmapTok{kind: 'n', s: w}, d[i:]
		}
		return cmapTok{kind: 'k', s: w}, d[i:]
	}
	return cmapTok{kind: 'n'}, nil
}

func codeOf(s string) uint32 {
	var c uint32
	for i := 0; i < len(s); i++ {
		c = c<<8 | uint32(s[i])
	}
	return c
}

func utf16Units(s string) []uint16 {
	u := make([]uint16, 0, len(s)/2)
	for i := 0; i+1 < len(s); i += 2 {
		u = append(u, uint16(s[i])<<8|uint16(s[i+1]))
	}
	return u
}

func utf16String(s string) string {
	if len(s) == 1 { // a one-byte destination: take it as Latin-1
		return string(rune(s[0]))
	}
	return string(utf16.Decode(utf16Units(s)))
}

// next splits the first code off raw and returns it with its length.
func (f *fontInfo) next(raw string) (code uint32, n int) {
	if !f.cid {
		return uint32(raw[0]), 1
	}
	for l := 1; l <= 4 && l <= len(raw); l++ {
		for _, r := range f.space[l-1] {
			if inRange(raw[:l], r) {
				return codeOf(raw[:l]), l
			}
		}
	}
	if len(raw) >= 2 {
		return codeOf(raw[:2]), 2
	}
	return uint32(raw[0]), 1
}

func inRange(s string, r codeRange) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < r.lo[i] || s[i] > r.hi[i] {
			return false
		}
	}
	return true
}

// text returns the Unicode text of a code, "" if unknown.
func (f *fontInfo) text(code uint32) string {
	if s, ok := f.toUni[code]; ok {
		return s
	}
	for i := len(f.uniRng) - 1; i >= 0; i-- { // a later range wins
		if r := f.uniRng[i]; code >= r.lo && code <= r.hi {
			if len(r.base) == 1 {
				return string(r.base[0] + rune(code-r.lo))
			}
			out := append([]rune(nil), r.base...)
			out[len(out)-1] += rune(code - r.lo)
			return string(out)
		}
	}
	if f.simple == nil || code > 255 {
		return ""
	}
	return f.simple[code]
}

// width returns a code's advance in glyph space units.
func (f *fontInfo) width(code uint32) float64 {
	if f.cid {
		if w, ok := f.wmap[code]; ok {
			return w
		}
		return f.dw
	}
	i := int(code) - f.first
	if i >= 0 && i < len(f.widths) && f.widths[i] != 0 {
		return f.widths[i]
	}
	return f.dw
}
