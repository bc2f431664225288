package pdf

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/letopis/letopis"
)

// runInHeadings splits off the run-in heading of a paragraph: the words
// set in bold at its start, up to a full stop, before text that is not
// (`Drobtinica. Tekst …`). The heading becomes a block of its own, without
// its stop, before the paragraph's text; structure makes it a heading.
func runInHeadings(bs []letopis.Block) []letopis.Block {
	var out []letopis.Block
	for _, b := range bs {
		head, rest, ok := runIn(b)
		if !ok {
			out = append(out, b)
			continue
		}
		out = append(out, head, rest)
	}
	return out
}

// maxRunIn is the most words a run-in heading has.
const maxRunIn = 8

// runIn splits a paragraph into its run-in heading and the rest.
func runIn(b letopis.Block) (head, rest letopis.Block, ok bool) {
	if b.Kind != letopis.BlockParagraph || len(b.Lines) == 0 {
		return b, b, false
	}
	first := b.Lines[0]
	n := 0
	for n < len(first.Words) && first.Words[n].Bold {
		n++
	}
	if n == 0 || n > maxRunIn || n == len(first.Words) {
		return b, b, false
	}
	last := first.Words[n-1].Text
	if !strings.HasSuffix(last, ".") || strings.HasSuffix(last, "..") {
		return b, b, false
	}
	r, _ := utf8.DecodeRuneInString(first.Words[0].Text)
	nr, _ := utf8.DecodeRuneInString(first.Words[n].Text)
	if !unicode.IsUpper(r) || !unicode.IsUpper(nr) && !unicode.IsDigit(nr) {
		return b, b, false // a sentence goes on, or a number (2. mesto) is read
	}
	texts := make([]string, n)
	for i, w := range first.Words[:n] {
		texts[i] = w.Text
	}
	prefix := strings.Join(texts, " ")
	if !strings.HasPrefix(first.Text, prefix) || isLabelNumber(prefix) {
		return b, b, false
	}
	hl := letopis.Line{Text: strings.TrimSuffix(prefix, "."), Size: first.Size, Bold: true,
		Words: append([]letopis.Word(nil), first.Words[:n]...)}
	hl.Words[n-1].Text = strings.TrimSuffix(hl.Words[n-1].Text, ".")
	for _, w := range hl.Words {
		hl.BBox = hl.BBox.Union(w.BBox)
	}
	head = letopis.Block{Kind: letopis.BlockParagraph, Page: b.Page, BBox: hl.BBox, Lines: []letopis.Line{hl},
		Rotation: b.Rotation}
	rl := letopis.Line{Text: strings.TrimSpace(first.Text[len(prefix):]), Size: first.Size,
		Words: append([]letopis.Word(nil), first.Words[n:]...)}
	for _, w := range rl.Words {
		rl.BBox = rl.BBox.Union(w.BBox)
	}
	rest = b
	rest.Lines = append([]letopis.Line{rl}, b.Lines[1:]...)
	rest.BBox = letopis.BBox{}
	for _, l := range rest.Lines {
		rest.BBox = rest.BBox.Union(l.BBox)
	}
	return head, rest, true
}
