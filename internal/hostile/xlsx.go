package hostile

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"io"
	"strings"
)

// part is one part of a workbook: its content, or a bomb.
type part struct {
	name string
	data string
	bomb *bomb
}

// repeat is a bomb part: head, n times body, then tail.
func repeat(name, head, body, tail string, n int) part {
	per := max(1, (1<<20)/len(body))
	chunk := strings.Repeat(body, per)
	b := makeBomb([]byte(head), []byte(chunk), n/per, []byte(strings.Repeat(body, n%per)+tail))
	return part{name: name, bomb: &b}
}

// workbook writes an xlsx of one sheet from its sheet XML and shared
// strings, with more parts after them.
func workbook(sheet string, sst part, more ...part) []byte {
	sst.name = "xl/sharedStrings.xml"
	parts := []part{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`, nil},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`, nil},
		{"xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Kazalniki" sheetId="1" r:id="rId1"/></sheets></workbook>`, nil},
		{"xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`, nil},
		{"xl/worksheets/sheet1.xml", sheet, nil},
		sst,
	}
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) {
		return flate.NewWriter(w, flate.BestCompression)
	})
	for _, p := range append(parts, more...) {
		if p.bomb != nil {
			w, err := zw.CreateRaw(&zip.FileHeader{Name: p.name, Method: zip.Deflate, CRC32: p.bomb.crc,
				CompressedSize64: uint64(len(p.bomb.raw)), UncompressedSize64: uint64(p.bomb.size)})
			if err != nil {
				panic(err)
			}
			w.Write(p.bomb.raw)
			continue
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Deflate})
		if err != nil {
			panic(err)
		}
		io.WriteString(w, p.data)
	}
	if err := zw.Close(); err != nil {
		panic(err)
	}
	return b.Bytes()
}

const (
	sheetHead = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`
	sheetTail = `</sheetData></worksheet>`
	sstHead   = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`
	sstTail = `</sst>`
	// a title row with the year, a header row and one row of an
	// indicator, its name a shared string
	rows = `<row r="1"><c r="A1" t="inlineStr"><is><t>Kazalniki 2020</t></is></c></row><row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" t="s"><v>1</v></c></row><row r="3"><c r="A3" t="s"><v>2</v></c><c r="B3"><v>1250</v></c></row>`
)

const strings3 = "<si><t>Kazalnik</t></si><si><t>Vrednost</t></si><si><t>Število udeležencev</t></si>"

// sstBomb is a workbook whose shared-strings table inflates to mb MB.
func sstBomb(mb int) []byte {
	long := "<si><t>" + strings.Repeat("a", 32000) + "</t></si>"
	return workbook(sheetHead+rows+sheetTail, repeat("", sstHead+strings3, long, sstTail, mb*1000/32))
}

// sstText is a workbook whose shared strings hold mb MB of text in a
// table that is not large: past the text budget of a file its size.
func sstText(mb int) []byte {
	long := "<si><t>" + strings.Repeat("b", 10000) + "</t></si>"
	return workbook(sheetHead+rows+sheetTail, repeat("", sstHead+strings3, long, sstTail, mb*100))
}

// cellFar is a workbook with one cell far from A1.
func cellFar() []byte {
	return workbook(sheetHead+rows+`<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>`+sheetTail,
		part{data: sstHead + strings3 + sstTail})
}

// stylesBomb is a workbook whose styles part inflates to mb MB.
func stylesBomb(mb int) []byte {
	return workbook(sheetHead+rows+sheetTail, part{data: sstHead + strings3 + sstTail},
		repeat("xl/styles.xml", `<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><!--`, strings.Repeat(" ", 1000), `--></styleSheet>`, mb*1000))
}

// goodWorkbook is a small valid workbook.
func goodWorkbook() []byte {
	return workbook(sheetHead+rows+sheetTail, part{data: sstHead + strings3 + sstTail})
}
