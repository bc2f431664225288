package pdf

import (
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/letopis/letopis"
	"github.com/letopis/letopis/extract"
)

// structure reads what only the whole document shows, once every page is
// laid out: page furniture (running headers and footers, page numbers, a
// table of contents), tables that go on over a page break, and the
// headings with their levels and section numbers.
func structure(doc *letopis.Document) {
	markFurniture(doc)
	joinContinued(doc)
	classifyHeadings(doc)
	markContents(doc)
}

// The labels of furniture blocks: what kind of furniture they are.
const (
	furnitureRunning  = "running"  // a header or footer repeated on most pages
	furniturePageNo   = "page"     // a page number
	furnitureContents = "contents" // a table of contents
)

// markFurniture marks running headers and footers (text repeated at the
// same place on most pages, page numbers masked) and page numbers as
// furniture. A repeated line counts in the top or bottom sixth of the
// page; a bare page number only at the very edge, where nothing else
// stands.
func markFurniture(doc *letopis.Document) {
	if len(doc.Pages) == 0 {
		return
	}
	type key struct {
		text string
		top  bool
	}
	count := map[key]int{}
	norm := func(s string) string {
		return strings.Map(func(r rune) rune {
			if r >= '0' && r <= '9' {
				return '#'
			}
			return r
		}, strings.Join(strings.Fields(s), " "))
	}
	edge := func(p *letopis.Page, b *letopis.Block, band float64) (top, bottom bool) {
		return b.BBox.Y0 > p.Height*(1-band), b.BBox.Y1 < p.Height*band
	}
	for pi := range doc.Pages {
		p := &doc.Pages[pi]
		seen := map[key]bool{}
		for bi := range p.Blocks {
			b := &p.Blocks[bi]
			top, bottom := edge(p, b, 0.15)
			if !top && !bottom || b.Kind == letopis.BlockTable {
				continue
			}
			k := key{norm(b.Text()), top}
			if !seen[k] {
				seen[k] = true
				count[k]++
			}
		}
	}
	for pi := range doc.Pages {
		p := &doc.Pages[pi]
		for bi := range p.Blocks {
			b := &p.Blocks[bi]
			if b.Kind == letopis.BlockTable {
				continue
			}
			t := strings.TrimSpace(b.Text())
			if top, bottom := edge(p, b, 0.08); (top || bottom) && isPageNumber(t) {
				b.Kind, b.Level, b.Label = letopis.BlockFurniture, 0, furniturePageNo
				continue
			}
			top, bottom := edge(p, b, 0.15)
			if (top || bottom) && len(doc.Pages) >= 3 && count[key{norm(t), top}] >= max(2, (len(doc.Pages)+1)/2) {
				b.Kind, b.Level, b.Label = letopis.BlockFurniture, 0, furnitureRunning
			}
		}
	}
}

// callout matches the text of a call-out's large number: 2.400, 11,6 t,
// 34 km, 57 %, € 4.912,35. It is a value, never a heading.
var callout = regexp.MustCompile(`^[€$]?\s*[0-9][0-9.,\s\x{00a0}\x{202f}]*\s*(?:\pL{1,3}\.?|%|€)?$`)

// classifyHeadings marks as headings the short paragraphs set larger than
// the document's body text, or in bold, or in capitals and bold, and the
// list items among them whose label is a section number (`III.`); levels
// follow the sizes (1 the largest). A heading's leading section number
// (`2.1 Program …`) moves into its Label. A call-out's large number and a
// quotation set large are no headings.
func classifyHeadings(doc *letopis.Document) {
	count := map[float64]int{}
	for _, p := range doc.Pages {
		for _, b := range p.Blocks {
			for _, l := range b.Lines {
				count[math.Round(l.Size*2)/2] += utf8.RuneCountInString(l.Text)
			}
		}
	}
	body, bn := 10.0, -1
	for s, n := range count {
		if n > bn || n == bn && s < body {
			body, bn = s, n
		}
	}
	type ref struct{ p, b int }
	var heads []ref
	sizes := map[float64]bool{}
	for pi := range doc.Pages {
		for bi := range doc.Pages[pi].Blocks {
			b := &doc.Pages[pi].Blocks[bi]
			switch {
			case b.Kind == letopis.BlockParagraph:
			case b.Kind == letopis.BlockListItem && extract.IsSectionNumber(b.Label):
			default:
				continue
			}
			if len(b.Lines) == 0 || len(b.Lines) > 4 {
				continue
			}
			text := strings.TrimSpace(b.Text())
			n := utf8.RuneCountInString(text)
			if n < 2 || n > 200 || callout.MatchString(text) || quotation(text) {
				continue
			}
			size, bold := 0.0, true
			for _, l := range b.Lines {
				size = max(size, l.Size)
				bold = bold && l.Bold
			}
			letters, upper := capitals(text)
			caps := letters >= 3 && upper*10 >= letters*9
			last, _ := utf8.DecodeLastRuneInString(text)
			sentence := (last == '.' || last == ';' || last == ',') && !caps
			big := size >= 1.15*body
			if sentence || letters == 0 || !(big || bold && (caps || n <= 120) || spacedTitle(doc.Pages[pi].Blocks, bi)) {
				continue
			}
			if b.Kind == letopis.BlockListItem && n > 100 {
				continue // a numbered item of bold prose, no title
			}
			b.Kind = letopis.BlockHeading
			if b.Label == "" {
				splitSectionNumber(b)
			}
			heads = append(heads, ref{pi, bi})
			sizes[math.Round(size*2)/2] = true
		}
	}
	var ss []float64
	for s := range sizes {
		ss = append(ss, s)
	}
	sort.Sort(sort.Reverse(sort.Float64Slice(ss)))
	for _, h := range heads {
		b := &doc.Pages[h.p].Blocks[h.b]
		size := 0.0
		for _, l := range b.Lines {
			size = max(size, l.Size)
		}
		b.Level = sort.Search(len(ss), func(i int) bool { return ss[i] <= math.Round(size*2)/2 }) + 1
	}
}

// spacedTitle reports whether block i of a page is a title set apart by
// space alone, in the text's own type: one short line that starts in
// capitals and ends without a mark, with twice the space above it that
// there is below it, more than a line's, over a paragraph it lines up
// with and that follows close under it.
func spacedTitle(bs []letopis.Block, i int) bool {
	b := &bs[i]
	if b.Kind != letopis.BlockParagraph || len(b.Lines) != 1 || i == 0 || i+1 >= len(bs) {
		return false
	}
	text := strings.TrimSpace(b.Text())
	n := utf8.RuneCountInString(text)
	r, _ := utf8.DecodeRuneInString(text)
	last, _ := utf8.DecodeLastRuneInString(text)
	if n < 3 || n > 60 || !unicode.IsUpper(r) || strings.ContainsRune(".,;:!?-–…", last) {
		return false
	}
	prev, next := &bs[i-1], &bs[i+1]
	if prev.Kind == letopis.BlockFurniture || next.Kind != letopis.BlockParagraph && next.Kind != letopis.BlockListItem || len(next.Lines) == 0 {
		return false
	}
	line := 1.2 * b.Lines[0].Size
	above, below := prev.BBox.Y0-b.BBox.Y1, b.BBox.Y0-next.BBox.Y1
	return above >= 1.6*line && below >= -1 && below <= 0.8*line && above >= 2*below &&
		math.Abs(b.BBox.X0-next.BBox.X0) < 3 && prev.BBox.X0 < b.BBox.X1 && b.BBox.X0 < prev.BBox.X1 &&
		math.Abs(next.Lines[0].Size-b.Lines[0].Size) < 0.5 && len(next.Text()) > 2*n
}

// capitals counts the letters of s and those of them in upper case.
func capitals(s string) (letters, upper int) {
	for _, r := range s {
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		}
	}
	return letters, upper
}

// quotation reports whether text is a quotation (a pull quote set large):
// it opens with a quotation mark and is longer than a quoted title.
func quotation(text string) bool {
	r, _ := utf8.DecodeRuneInString(text)
	return strings.ContainsRune("»„“\"", r) && utf8.RuneCountInString(text) > 60
}

// splitSectionNumber moves a heading's leading section number (`2.1`,
// `VIII.`) into its Label when a title follows it (see
// extract.SectionNumber).
func splitSectionNumber(b *letopis.Block) {
	l := &b.Lines[0]
	num, rest, ok := extract.SectionNumber(l.Text)
	if !ok {
		return
	}
	b.Label = num
	l.Text = rest
	if len(l.Words) > 0 && l.Words[0].Text == num {
		l.Words = l.Words[1:]
		l.BBox = letopis.BBox{}
		for _, w := range l.Words {
			l.BBox = l.BBox.Union(w.BBox)
		}
	}
}

// contentsTitle matches the heading of a table of contents.
var contentsTitle = regexp.MustCompile(`(?i)^(?:kazalo(?: vsebine)?|vsebina|contents)\s*:?$`)

// contentsLine matches a line of a table of contents: a title and a page
// number after dot leaders (`Uvod ........ 3`), or a numbered title and a
// page number (`2.1 Program Odprto mladinsko delo 4`).
var contentsLine = regexp.MustCompile(`^(?:.{2,}?(?:\s?[.…·_]){3,}\s*\d{1,3}|(?:\d{1,2}(?:\.\d{1,2})*\.?|[IVX]{1,5}\.)\s+\S.*\s\d{1,3})$`)

// markContents marks a table of contents as furniture: the blocks under a
// heading `Kazalo` or `Vsebina` down to the first heading after them,
// with whatever stands beside them in that band of the page (the column
// of page numbers), and any block most of whose lines end in dot leaders
// and a page number.
func markContents(doc *letopis.Document) {
	for pi := range doc.Pages {
		p := &doc.Pages[pi]
		for bi := range p.Blocks {
			b := &p.Blocks[bi]
			if b.Kind == letopis.BlockHeading && contentsTitle.MatchString(strings.TrimSpace(b.Text())) {
				top, bottom := b.BBox.Y1, b.BBox.Y0
				j := bi + 1
				for ; j < len(p.Blocks); j++ {
					c := &p.Blocks[j]
					if c.Kind != letopis.BlockParagraph && c.Kind != letopis.BlockListItem && c.Kind != letopis.BlockFurniture && c.Kind != letopis.BlockTable ||
						c.Kind == letopis.BlockTable && j > bi+1 && !contentsRows(c.Table, len(doc.Pages), 1) {
						break // a table of other things after the contents
					}
					if c.Kind != letopis.BlockFurniture {
						bottom = min(bottom, c.BBox.Y0)
					}
				}
				if j == bi+1 {
					continue
				}
				for k := range p.Blocks {
					c := &p.Blocks[k]
					if c.Kind != letopis.BlockHeading && c.Kind != letopis.BlockFurniture && c.BBox.Y0 >= bottom-1 && c.BBox.Y1 <= top+1 || k == bi {
						c.Kind, c.Level, c.Label = letopis.BlockFurniture, 0, furnitureContents
					}
				}
				continue
			}
			if b.Kind == letopis.BlockTable && contentsTable(b.Table, len(doc.Pages)) {
				b.Kind, b.Level, b.Label = letopis.BlockFurniture, 0, furnitureContents
				continue
			}
			if (b.Kind == letopis.BlockParagraph || b.Kind == letopis.BlockListItem) && len(b.Lines) >= 2 {
				n := 0
				for _, l := range b.Lines {
					if contentsLine.MatchString(strings.TrimSpace(l.Text)) {
						n++
					}
				}
				if n*3 >= len(b.Lines)*2 && strings.ContainsAny(b.Text(), ".…·_") && dotLeaders(b) {
					b.Kind, b.Level, b.Label = letopis.BlockFurniture, 0, furnitureContents
				}
			}
		}
	}
}

// contentsTable reports whether a table is a table of contents: three
// rows or more whose last cell is a page number of the document, never
// going back, beside titles.
func contentsTable(t *letopis.Table, pages int) bool {
	return contentsRows(t, pages, 3)
}

// contentsRows reports whether a table of at least min rows is a table
// of contents as contentsTable says (a piece of one under the heading of
// contents may be shorter).
func contentsRows(t *letopis.Table, pages, min int) bool {
	if t == nil || len(t.Rows) < min {
		return false
	}
	prev := 0
	for _, row := range t.Rows {
		if len(row) < 2 {
			return false
		}
		last := strings.TrimSpace(row[len(row)-1].Text)
		n, err := strconv.Atoi(last)
		if err != nil || n < prev || n < 1 || n > pages {
			return false
		}
		prev = n
		title := ""
		for _, c := range row[:len(row)-1] {
			title += c.Text
		}
		if !strings.ContainsFunc(title, unicode.IsLetter) {
			return false
		}
	}
	return true
}

// dotLeaders reports whether some line of b has a run of leader dots.
func dotLeaders(b *letopis.Block) bool {
	for _, l := range b.Lines {
		if strings.Contains(l.Text, "....") || strings.Contains(l.Text, ". . .") || strings.Contains(l.Text, "…") {
			return true
		}
	}
	return false
}

// isPageNumber reports whether t is a bare page number: "7", "- 7 -",
// "Stran 7", "stran 3 od 10", "7/11".
func isPageNumber(t string) bool {
	t = strings.Trim(t, "-–—| ")
	low := strings.ToLower(t)
	for _, p := range []string{"stran ", "str. ", "page "} {
		low = strings.TrimPrefix(low, p)
	}
	if i := strings.Index(low, " od "); i > 0 {
		low = low[:i]
	}
	if i := strings.IndexAny(low, "/"); i > 0 {
		low = low[:i]
	}
	low = strings.TrimSpace(low)
	if low == "" || len(low) > 4 {
		return false
	}
	for _, r := range low {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}
