package hostile

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"fmt"
	"sort"
	"strings"
)

// pdfFile builds a PDF object by object, remembering where each starts.
type pdfFile struct {
	b    bytes.Buffer
	offs map[int]int
}

func newPDF(version string) *pdfFile {
	p := &pdfFile{offs: map[int]int{}}
	fmt.Fprintf(&p.b, "%%PDF-%s\n%%\xe2\xe3\xcf\xd3\n", version)
	return p
}

func (p *pdfFile) obj(n int, body string) {
	p.offs[n] = p.b.Len()
	fmt.Fprintf(&p.b, "%d 0 obj\n%s\nendobj\n", n, body)
}

// stream writes a stream object; its /Length is the length of data
// unless dict sets one.
func (p *pdfFile) stream(n int, dict string, data []byte) {
	p.offs[n] = p.b.Len()
	if !strings.Contains(dict, "/Length") {
		dict += fmt.Sprintf(" /Length %d", len(data))
	}
	fmt.Fprintf(&p.b, "%d 0 obj\n<< %s >>\nstream\n", n, strings.TrimSpace(dict))
	p.b.Write(data)
	p.b.WriteString("\nendstream\nendobj\n")
}

// xref writes a classic cross-reference table of objects 0 to size-1 at
// their offsets plus shift, and returns its offset.
func (p *pdfFile) xref(size, shift int) int {
	at := p.b.Len()
	fmt.Fprintf(&p.b, "xref\n0 %d\n0000000000 65535 f \n", size)
	for n := 1; n < size; n++ {
		if off, ok := p.offs[n]; ok {
			fmt.Fprintf(&p.b, "%010d 00000 n \n", off+shift)
		} else {
			p.b.WriteString("0000000000 65535 f \n")
		}
	}
	return at
}

func (p *pdfFile) trailer(dict string) {
	fmt.Fprintf(&p.b, "trailer\n<< %s >>\n", dict)
}

func (p *pdfFile) startxref(at int) {
	fmt.Fprintf(&p.b, "startxref\n%d\n%%%%EOF\n", at)
}

func (p *pdfFile) bytes() []byte { return bytes.Clone(p.b.Bytes()) }

// end writes a correct cross-reference table of objects 0 to size-1 (their
// offsets shifted by shift), a trailer naming the catalog 1 0 R, and
// startxref, and returns the file.
func (p *pdfFile) end(size, shift int) []byte {
	at := p.xref(size, shift)
	p.trailer(fmt.Sprintf("/Size %d /Root 1 0 R", size))
	p.startxref(at)
	return p.bytes()
}

// entry is one entry of a cross-reference stream.
type entry struct {
	typ      int // 1 direct, 2 in an object stream
	off      int // typ 1: file offset; typ 2: object stream number
	idx, gen int // typ 2: index in the stream; typ 1: generation
}

// xrefStream writes object n, a cross-reference stream (W [1 4 2], not
// compressed) of entries, with more keys in extra, and returns its offset.
func (p *pdfFile) xrefStream(n, size int, entries map[int]entry, extra string) int {
	at := p.b.Len()
	p.offs[n] = at
	var data []byte
	ids := make([]int, 0, len(entries))
	for id := range entries {
		ids = append(ids, id)
	}
	sort.Ints(ids)
	var index []string
	for _, id := range ids {
		e := entries[id]
		row := make([]byte, 7)
		row[0] = byte(e.typ)
		binary.BigEndian.PutUint32(row[1:5], uint32(e.off))
		v3 := e.gen
		if e.typ == 2 {
			v3 = e.idx
		}
		binary.BigEndian.PutUint16(row[5:7], uint16(v3))
		data = append(data, row...)
		index = append(index, fmt.Sprintf("%d 1", id))
	}
	p.stream(n, fmt.Sprintf("/Type /XRef /Size %d /W [1 4 2] /Index [%s] %s", size, strings.Join(index, " "), extra), data)
	return at
}

// objStm returns the data, /N and /First of an object stream holding the
// objects bodies (by number, in order of ids).
func objStm(ids []int, bodies map[int]string) (data []byte, n, first int) {
	var head, objs bytes.Buffer
	for _, id := range ids {
		fmt.Fprintf(&head, "%d %d ", id, objs.Len())
		objs.WriteString(bodies[id])
		objs.WriteByte('\n')
	}
	return append(head.Bytes(), objs.Bytes()...), len(ids), head.Len()
}

func deflate(data []byte) []byte {
	var b bytes.Buffer
	w, _ := zlib.NewWriterLevel(&b, zlib.BestCompression)
	w.Write(data)
	w.Close()
	return b.Bytes()
}

// The standard objects of a one-page report: 1 catalog, 2 pages, 3 page,
// 4 contents, 5 font.
const (
	catalog = "<< /Type /Catalog /Pages 2 0 R >>"
	pages1  = "<< /Type /Pages /Kids [3 0 R] /Count 1 >>"
	font    = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
)

func page(contents int) string {
	return fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R /Resources << /Font << /F1 5 0 R >> >> >>", contents)
}

// text is a content stream showing s in 14 pt Helvetica.
func text(s string) []byte {
	return []byte(fmt.Sprintf("BT /F1 14 Tf 72 720 Td (%s) Tj ET", s))
}

// Report is the text of every report page of the corpus: a reader that
// gets the file's text finds it.
const Report = "Letno porocilo 2020"

// onePage writes the five objects of a one-page report.
func onePage(p *pdfFile, content []byte, contentDict string) {
	p.obj(1, catalog)
	p.obj(2, pages1)
	p.obj(3, page(4))
	p.stream(4, contentDict, content)
	p.obj(5, font)
}

// goodPDF is a valid one-page report.
func goodPDF() []byte {
	p := newPDF("1.4")
	onePage(p, text(Report), "")
	return p.end(6, 0)
}

// prevSelf: the trailer's /Prev names its own cross-reference section.
func prevSelf() []byte {
	p := newPDF("1.4")
	onePage(p, text(Report), "")
	at := p.xref(6, 0)
	p.trailer(fmt.Sprintf("/Size 6 /Root 1 0 R /Prev %d", at))
	p.startxref(at)
	return p.bytes()
}

// prevCycle: two sections whose /Prev name each other.
func prevCycle() []byte {
	p := newPDF("1.4")
	onePage(p, text(Report), "")
	a := p.xref(6, 0)
	// the second section's offset is known once the first trailer is
	// written: it starts right after it, so write the first trailer with a
	// placeholder of fixed width and patch it
	p.trailer("/Size 6 /Root 1 0 R /Prev 0000000000")
	b := p.b.Len()
	fmt.Fprintf(&p.b, "xref\n0 1\n0000000000 65535 f \ntrailer\n<< /Size 6 /Root 1 0 R /Prev %010d >>\n", a)
	p.startxref(b)
	out := p.bytes()
	return bytes.Replace(out, []byte("/Prev 0000000000"), []byte(fmt.Sprintf("/Prev %010d", b)), 1)
}

// xrefStreamPrevSelf: a cross-reference stream whose /Prev is itself.
func xrefStreamPrevSelf() []byte {
	p := newPDF("1.5")
	onePage(p, text(Report), "")
	at := p.b.Len()
	entries := map[int]entry{}
	for n := 1; n <= 5; n++ {
		entries[n] = entry{typ: 1, off: p.offs[n]}
	}
	entries[6] = entry{typ: 1, off: at}
	p.xrefStream(6, 7, entries, fmt.Sprintf("/Root 1 0 R /Prev %d", at))
	p.startxref(at)
	return p.bytes()
}

// withObjStm writes a report whose catalog, pages and page (1-3) live in
// object stream 6, with the stream's dictionary extra, and a
// cross-reference stream 7; if selfInside, its entry for object 6 says
// the object stream is inside itself.
func withObjStm(extra string, selfInside bool, bodies map[int]string) []byte {
	return withObjStmPage(extra, selfInside, bodies, text(Report), func(p *pdfFile) { p.obj(5, font) })
}

// withObjStmPage is withObjStm with the page's content stream (object 4)
// and a writer of object 5, its font or image.
func withObjStmPage(extra string, selfInside bool, bodies map[int]string, content []byte, five func(*pdfFile)) []byte {
	p := newPDF("1.5")
	ids := []int{1, 2, 3}
	if bodies == nil {
		bodies = map[int]string{1: catalog, 2: pages1, 3: page(4)}
	}
	for id := range bodies {
		if id > 3 {
			ids = append(ids, id)
		}
	}
	sort.Ints(ids)
	data, n, first := objStm(ids, bodies)
	p.stream(4, "", content)
	five(p)
	p.stream(6, fmt.Sprintf("/Type /ObjStm /N %d /First %d %s", n, first, extra), data)
	entries := map[int]entry{4: {typ: 1, off: p.offs[4]}, 5: {typ: 1, off: p.offs[5]}}
	for i, id := range ids {
		entries[id] = entry{typ: 2, off: 6, idx: i}
	}
	at := p.b.Len()
	entries[7] = entry{typ: 1, off: at}
	entries[6] = entry{typ: 1, off: p.offs[6]}
	if selfInside {
		entries[6] = entry{typ: 2, off: 6, idx: 0}
	}
	size := 8
	for _, id := range ids {
		size = max(size, id+1)
	}
	p.xrefStream(7, size, entries, "/Root 1 0 R")
	p.startxref(at)
	return p.bytes()
}

// objStmExtendsSelf: the page is listed in an object stream that does not
// hold it and /Extends itself.
func objStmExtendsSelf() []byte {
	p := newPDF("1.5")
	data, n, first := objStm([]int{1, 2}, map[int]string{1: catalog, 2: pages1})
	p.stream(4, "", text(Report))
	p.obj(5, font)
	p.stream(6, fmt.Sprintf("/Type /ObjStm /N %d /First %d /Extends 6 0 R", n, first), data)
	at := p.b.Len()
	p.xrefStream(7, 8, map[int]entry{
		1: {typ: 2, off: 6, idx: 0}, 2: {typ: 2, off: 6, idx: 1}, 3: {typ: 2, off: 6, idx: 2},
		4: {typ: 1, off: p.offs[4]}, 5: {typ: 1, off: p.offs[5]}, 6: {typ: 1, off: p.offs[6]}, 7: {typ: 1, off: at},
	}, "/Root 1 0 R")
	p.startxref(at)
	return p.bytes()
}

// objStmLengthInside: the object stream's /Length is an object inside it.
func objStmLengthInside() []byte {
	bodies := map[int]string{1: catalog, 2: pages1, 3: page(4), 8: "0"}
	// the /Length object holds the stream's real length, which depends on
	// the digits of that length: measure until it stands still
	for {
		data, _, _ := objStm([]int{1, 2, 3, 8}, bodies)
		l := fmt.Sprint(len(data))
		if bodies[8] == l {
			break
		}
		bodies[8] = l
	}
	return withObjStm("/Length 8 0 R", false, bodies)
}

// hexAtEndOfObjStm: the document information dictionary, in an object
// stream, ends in a hex string that never closes.
func hexAtEndOfObjStm() []byte {
	p := newPDF("1.5")
	data, n, first := objStm([]int{8}, map[int]string{8: "<< /Title <4C65746E6F"})
	data = bytes.TrimRight(data, "\n")
	onePage(p, text(Report), "")
	p.stream(6, fmt.Sprintf("/Type /ObjStm /N %d /First %d", n, first), data)
	at := p.b.Len()
	entries := map[int]entry{8: {typ: 2, off: 6, idx: 0}}
	for id := 1; id <= 6; id++ {
		entries[id] = entry{typ: 1, off: p.offs[id]}
	}
	entries[7] = entry{typ: 1, off: at}
	p.xrefStream(7, 9, entries, "/Root 1 0 R /Info 8 0 R")
	p.startxref(at)
	return p.bytes()
}

// pageTreeCycle: the page tree's kids name the tree itself and a node
// whose kid is the tree again, beside the one real page.
func pageTreeCycle() []byte {
	p := newPDF("1.4")
	p.obj(1, catalog)
	p.obj(2, "<< /Type /Pages /Kids [3 0 R 2 0 R 6 0 R] /Count 3 >>")
	p.obj(3, page(4))
	p.stream(4, "", text(Report))
	p.obj(5, font)
	p.obj(6, "<< /Type /Pages /Parent 2 0 R /Kids [2 0 R 6 0 R] /Count 1 >>")
	return p.end(7, 0)
}

// refCycle: page 1's contents are a reference to a reference to it; page 2
// is a report page.
func refCycle() []byte {
	p := newPDF("1.4")
	p.obj(1, catalog)
	p.obj(2, "<< /Type /Pages /Kids [3 0 R 7 0 R] /Count 2 >>")
	p.obj(3, page(8))
	p.stream(4, "", text(Report))
	p.obj(5, font)
	p.obj(7, page(4))
	p.obj(8, "9 0 R")
	p.obj(9, "8 0 R")
	return p.end(10, 0)
}

// trailing appends junk after %%EOF to a valid file.
func trailing(junk []byte) []byte {
	return append(goodPDF(), junk...)
}

// xrefShifted: every offset of the table is 3 bytes off.
func xrefShifted() []byte {
	p := newPDF("1.4")
	onePage(p, text(Report), "")
	return p.end(6, 3)
}

// noXref: the objects with no cross-reference table, trailer or %%EOF.
func noXref() []byte {
	p := newPDF("1.4")
	onePage(p, text(Report), "")
	return p.bytes()
}

// xrefHuge: a table subsection and /Size of billions of objects.
func xrefHuge() []byte {
	p := newPDF("1.4")
	onePage(p, text(Report), "")
	at := p.b.Len()
	p.b.WriteString("xref\n0 4000000000\n0000000000 65535 f \n")
	p.trailer("/Size 4000000000 /Root 1 0 R")
	p.startxref(at)
	return p.bytes()
}

// longText is a content stream of the report's title and 40 more lines.
func longText() []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "BT /F1 14 Tf 72 760 Td 16 TL (%s) Tj\n", Report)
	for i := 1; i <= 40; i++ {
		fmt.Fprintf(&b, "T* (Vrstica %d besedila, ki ga je treba prebrati do konca.) Tj\n", i)
	}
	b.WriteString("ET\n")
	return b.Bytes()
}

// flateContent writes a report whose content stream is compressed data
// damaged by fn.
func flateContent(fn func([]byte) []byte) []byte {
	p := newPDF("1.4")
	onePage(p, fn(deflate(longText())), "/Filter /FlateDecode")
	return p.end(6, 0)
}

// badLength: the content stream's /Length is far too long, and another's
// far too short.
func badLength(length int) []byte {
	p := newPDF("1.4")
	onePage(p, text(Report), fmt.Sprintf("/Length %d", length))
	return p.end(6, 0)
}

// threePages writes a three-page report whose page 2 has the content
// stream dictionary dict2 and data data2, or the page dictionary page2.
func threePages(page2 string, dict2 string, data2 []byte) []byte {
	p := newPDF("1.4")
	p.obj(1, catalog)
	p.obj(2, "<< /Type /Pages /Kids [3 0 R 6 0 R 8 0 R] /Count 3 >>")
	p.obj(3, page(4))
	p.stream(4, "", text(Report))
	p.obj(5, font)
	if page2 == "" {
		page2 = page(7)
	}
	p.obj(6, page2)
	p.stream(7, dict2, data2)
	p.obj(8, page(9))
	p.stream(9, "", text("Stran tri"))
	return p.end(10, 0)
}

// scanObjStmInsideItself is a scanned page (one page-sized image, no
// text) whose catalog, pages and page live in an object stream that the
// cross-reference stream puts inside itself: letopis reads its structure,
// the OCR's reader of page images (pdfcpu) fails on it.
func scanObjStmInsideItself() []byte {
	bodies := map[int]string{1: catalog, 2: pages1,
		3: "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /XObject << /Im1 5 0 R >> >> >>"}
	img := make([]byte, 64*64)
	for i := range img {
		img[i] = byte(200 + i%50)
	}
	return withObjStmPage("", true, bodies, []byte("q 595 0 0 842 0 0 cm /Im1 Do Q"), func(p *pdfFile) {
		p.stream(5, "/Type /XObject /Subtype /Image /Width 64 /Height 64 /ColorSpace /DeviceGray /BitsPerComponent 8", img)
	})
}
