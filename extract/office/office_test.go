package office

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/letopis/letopis"
	"github.com/letopis/letopis/extract"
)

// zipOf builds a zip archive of the named parts.
func zipOf(t testing.TB, parts map[string]string) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for _, name := range []string{"mimetype", "[Content_Types].xml", "word/document.xml", "word/styles.xml", "word/numbering.xml", "word/footnotes.xml", "content.xml", "styles.xml"} {
		if body, ok := parts[name]; ok {
			w, err := zw.Create(name)
			if err != nil {
				t.Fatal(err)
			}
			w.Write([]byte(body))
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

const wNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`

// docx is a small Word document: styles with a heading, a numbered list,
// a table with a merged header and a vertical merge, a footnote and a
// text box.
func docx(t testing.TB) []byte {
	return zipOf(t, map[string]string{
		"word/styles.xml": `<w:styles ` + wNS + `>
<w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="22"/></w:rPr></w:rPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Naslov2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:rPr><w:b/><w:sz w:val="28"/></w:rPr></w:style>
</w:styles>`,
		"word/numbering.xml": `<w:numbering ` + wNS + `>
<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
<w:lvl w:ilvl="1"><w:numFmt w:val="bullet"/><w:lvlText w:val="-"/></w:lvl></w:abstractNum>
<w:num w:numId="3"><w:abstractNumId w:val="0"/></w:num>
</w:numbering>`,
		"word/footnotes.xml": `<w:footnotes ` + wNS + `><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
<w:footnote w:id="1"><w:p><w:r><w:t>Opomba: brez 3 ekip.</w:t></w:r></w:p></w:footnote></w:footnotes>`,
		"word/document.xml": `<w:document ` + wNS + ` xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>
<w:p><w:pPr><w:pStyle w:val="Naslov2"/></w:pPr><w:r><w:t>Projekt Mreža</w:t></w:r></w:p>
<w:p><w:r><w:t xml:space="preserve">Izvedli smo </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>12</w:t></w:r><w:r><w:t xml:space="preserve"> delavnic.</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r></w:p>
<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr></w:pPr><w:r><w:t>prvi</w:t></w:r></w:p>
<w:p><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="3"/></w:numPr></w:pPr><w:r><w:t>pod</w:t></w:r></w:p>
<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr></w:pPr><w:r><w:t>drugi</w:t></w:r>
<w:r><mc:AlternateContent><mc:Choice><w:drawing><w:txbxContent><w:p><w:r><w:t>V okvirju 5 oseb.</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice>
<mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>V okvirju 5 oseb.</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>
<w:p><w:r><w:br w:type="page"/></w:r><w:r><w:t>Na drugi strani.</w:t></w:r></w:p>
<w:tbl>
<w:tr><w:trPr><w:tblHeader/></w:trPr><w:tc><w:p><w:r><w:t>Skupina</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:r><w:t>Število</w:t></w:r></w:p></w:tc></w:tr>
<w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>U9</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>31</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>88</w:t></w:r></w:p></w:tc></w:tr>
<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc><w:tc><w:p><w:r><w:t>4</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>9</w:t></w:r></w:p></w:tc></w:tr>
</w:tbl>
<w:sectPr/></w:body></w:document>`,
	})
}

// odt is the same content as an OpenDocument text.
func odt(t testing.TB) []byte {
	const ns = `xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"`
	return zipOf(t, map[string]string{
		"mimetype": "application/vnd.oasis.opendocument.text",
		"styles.xml": `<office:document-styles ` + ns + `><office:styles>
<style:default-style style:family="paragraph"><style:text-properties fo:font-size="11pt"/></style:default-style>
<style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph" style:default-outline-level="2"><style:text-properties fo:font-size="130%" fo:font-weight="bold"/></style:style>
</office:styles><office:master-styles><style:master-page style:name="Standard"><style:footer><text:p>stran <text:page-number>1</text:page-number></text:p></style:footer></style:master-page></office:master-styles></office:document-styles>`,
		"content.xml": `<office:document-content ` + ns + `><office:automatic-styles>
<style:style style:name="P1" style:family="paragraph"><style:paragraph-properties fo:break-before="page"/></style:style>
<text:list-style style:name="L1"><text:list-level-style-number text:level="1" style:num-format="1" style:num-suffix="."/><text:list-level-style-bullet text:level="2" text:bullet-char="-"/></text:list-style>
</office:automatic-styles><office:body><office:text>
<text:h text:style-name="Heading_20_2" text:outline-level="2">Projekt Mreža</text:h>
<text:p>Izvedli smo <text:span>12</text:span> delavnic.<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>Opomba: brez 3 ekip.</text:p></text:note-body></text:note></text:p>
<text:list text:style-name="L1"><text:list-item><text:p>prvi</text:p><text:list><text:list-item><text:p>pod</text:p></text:list-item></text:list></text:list-item>
<text:list-item><text:p>drugi<draw:frame><draw:text-box><text:p>V okvirju 5 oseb.</text:p></draw:text-box></draw:frame></text:p></text:list-item></text:list>
<text:p text:style-name="P1">Na drugi strani.</text:p>
<table:table><table:table-column table:number-columns-repeated="3"/>
<table:table-header-rows><table:table-row><table:table-cell><text:p>Skupina</text:p></table:table-cell><table:table-cell table:number-columns-spanned="2"><text:p>Število</text:p></table:table-cell><table:covered-table-cell/></table:table-row></table:table-header-rows>
<table:table-row><table:table-cell table:number-rows-spanned="2"><text:p>U9</text:p></table:table-cell><table:table-cell><text:p>31</text:p></table:table-cell><table:table-cell><text:p>88</text:p></table:table-cell></table:table-row>
<table:table-row><table:covered-table-cell/><table:table-cell><text:p>4</text:p></table:table-cell><table:table-cell><text:p>9</text:p></table:table-cell></table:table-row>
</table:table></office:text></office:body></office:document-content>`,
	})
}

// blocks lists a document's blocks as "kind[level][label] text" lines.
func blocks(doc *letopis.Document) []string {
	var out []string
	for _, p := range doc.Pages {
		for _, b := range p.Blocks {
			s := string(b.Kind)
			if b.Level > 0 {
				s += "(" + string(rune('0'+b.Level)) + ")"
			}
			if b.Label != "" {
				s += "[" + b.Label + "]"
			}
			out = append(out, s+" p"+string(rune('0'+p.Number))+" "+b.Text())
		}
	}
	return out
}

func TestStructure(t *testing.T) {
	want := []string{
		"heading(2) p1 Projekt Mreža",
		"paragraph p1 Izvedli smo 12 delavnic.",
		"paragraph p1 Opomba: brez 3 ekip.",
		"list_item[1.] p1 prvi",
		"list_item[•] p1 pod",
		"list_item[2.] p1 drugi",
		"paragraph p1 V okvirju 5 oseb.",
		"paragraph p2 Na drugi strani.",
		"table p2 Skupina\tŠtevilo\tŠtevilo\nU9\t31\t88\nU9\t4\t9",
	}
	for _, c := range []struct {
		name string
		data []byte
	}{{"r.docx", docx(t)}, {"r.odt", odt(t)}} {
		t.Run(c.name, func(t *testing.T) {
			doc, err := extract.File(context.Background(), c.name, c.data, extract.Options{})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, b := range blocks(doc) {
				if !strings.HasPrefix(b, "furniture") {
					got = append(got, b)
				}
			}
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("blocks:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
			var tab *letopis.Table
			for _, p := range doc.Pages {
				for _, b := range p.Blocks {
					if b.Table != nil {
						tab = b.Table
					}
				}
			}
			if tab == nil || tab.HeaderRows != 1 || !tab.Rows[0][2].Merged || tab.Rows[0][1].Merged || !tab.Rows[2][0].Merged || tab.Page != 2 {
				t.Errorf("table header rows, merges or page wrong: %+v", tab)
			}
			for _, p := range doc.Pages {
				for _, b := range p.Blocks {
					if b.Kind == letopis.BlockHeading && (b.Lines[0].Size <= 11 || !b.Lines[0].Bold) {
						t.Errorf("heading line size %.1f, bold %v: want larger than the body's 11 and bold", b.Lines[0].Size, b.Lines[0].Bold)
					}
				}
			}
		})
	}
}

// TestBadInput: any bytes give a document or a one-line error naming the
// file, never a panic or a hang; a zip bomb is refused before inflating.
func TestBadInput(t *testing.T) {
	good := docx(t)
	bomb := func() []byte { // declares 2 GiB inflated: refused before inflating
		var b bytes.Buffer
		zw := zip.NewWriter(&b)
		w, err := zw.CreateRaw(&zip.FileHeader{Name: "word/document.xml", Method: zip.Store, CompressedSize64: 4, UncompressedSize64: 2 << 30})
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte("<w:d"))
		zw.Close()
		return b.Bytes()
	}()
	deep := zipOf(t, map[string]string{"word/document.xml": `<w:document ` + wNS + `><w:body><w:p>` + strings.Repeat("<w:hyperlink>", 300) + `</w:p></w:body></w:document>`})
	rng := rand.New(rand.NewPCG(1, 2))
	random := make([]byte, 4000)
	for i := range random {
		random[i] = byte(rng.UintN(256))
	}
	cases := []struct {
		name string
		data []byte
		want string
	}{
		{"empty.docx", nil, "empty.docx: empty file"},
		{"random.docx", random, "random.docx: not a DOCX file"},
		{"truncated.docx", good[:len(good)/2], "truncated.docx: damaged or truncated .docx document"},
		{"bomb.docx", bomb, "bomb.docx: refused: the .docx document would inflate past 1024 MiB (zip bomb?)"},
		{"deep.docx", deep, "deep.docx: word/document.xml: XML nested deeper than"},
		{"odt.docx", odt(t), "odt.docx: not a .docx document: an OpenDocument file"},
		{"truncated.odt", odt(t)[:300], "truncated.odt: damaged or truncated .odt document"},
		{"word.odt", good, "word.odt: not an .odt document: a Word document"},
		{"html.fodt", []byte("<html><body>x</body></html>"), "html.fodt: not an OpenDocument text file"},
		{"broken.fodt", []byte(`<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"><office:body><office:text><text:p>a`), "broken.fodt: XML ends early"},
		{"legacy.docx", []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest"), "legacy.docx: password-protected or legacy Word file"},
		{"plain.rtf", []byte("hello"), "plain.rtf: not an RTF file"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
			defer cancel()
			_, err := extract.File(ctx, c.name, c.data, extract.Options{})
			if err == nil {
				t.Fatalf("want error %q, got a document", c.want)
			}
			if msg := err.Error(); !strings.HasPrefix(msg, c.want) || strings.Contains(msg, "\n") {
				t.Errorf("error %q, want one line starting %q", msg, c.want)
			}
			var ie *letopis.InputError
			if !errors.As(err, &ie) {
				t.Errorf("error %T is not a *letopis.InputError", err)
			}
		})
	}
}

// TestNoLibreOffice: a .doc without LibreOffice fails in one line naming
// the package to install.
func TestNoLibreOffice(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	_, err := extract.File(context.Background(), "old.doc", []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest"), extract.Options{})
	if err == nil || !errors.Is(err, ErrNoLibreOffice) || !strings.HasPrefix(err.Error(), "old.doc: ") || !strings.Contains(err.Error(), "libreoffice-writer") {
		t.Errorf("got %v", err)
	}
}

func corpusFiles(t testing.TB) [][]byte {
	var out [][]byte
	for _, name := range []string{"novus-2020.docx", "novus-2020.odt", "reports/sk-2022/sk-2022.fodt"} {
		b, err := os.ReadFile(filepath.Join("..", "..", "testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, b)
	}
	return out
}

// FuzzDOCX and FuzzODT mutate real and hand-made documents: any bytes give
// a document or a one-line error naming the file, within a bounded time.
func FuzzDOCX(f *testing.F) { fuzzFormat(f, "f.docx", docx(f), corpusFiles(f)[0]) }

func FuzzODT(f *testing.F) {
	fs := corpusFiles(f)
	fuzzFormat(f, "f.odt", odt(f), fs[1])
	f.Add(fs[2][:len(fs[2])/2])
	f.Add(fs[2])
}

func fuzzFormat(f *testing.F, name string, small, real []byte) {
	f.Add(small)
	f.Add(small[:len(small)-30])
	f.Add(real)
	f.Fuzz(func(t *testing.T, data []byte) {
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		defer cancel()
		start := time.Now()
		doc, err := extract.File(ctx, name, data, extract.Options{})
		if d := time.Since(start); d > 10*time.Second {
			t.Fatalf("%d bytes took %v", len(data), d)
		}
		if err != nil {
			if strings.Contains(err.Error(), "\n") || !strings.HasPrefix(err.Error(), name+": ") {
				t.Fatalf("error not one line naming the file: %q", err)
			}
			return
		}
		if doc == nil {
			t.Fatal("no document and no error")
		}
		for i, p := range doc.Pages {
			if p.Number != i+1 {
				t.Fatalf("page %d numbered %d", i+1, p.Number)
			}
			for _, b := range p.Blocks {
				if b.Table != nil {
					for r, row := range b.Table.Rows {
						for c, cell := range row {
							if cell.Row != r || cell.Col != c {
								t.Fatalf("cell at %d,%d says %d,%d", r, c, cell.Row, cell.Col)
							}
						}
					}
				}
			}
		}
	})
}
