#!/usr/bin/env python3
"""Write testdata/blind/vp-2024/vp-2024.fodt, the 2024 annual report of the
invented women's shelter society Društvo Varni pristan Javorje, as an office
document: numbered headings and sub-headings (Heading 1 / Heading 2), real
footnotes, a running header and footer, one LANDSCAPE page with a wide
indicator table, and a finance table. Then, with LibreOffice, the Word file
vp-2024.docx and vp-2024-libreoffice.pdf.

usage: python3 scripts/blind/make_vp_fodt.py [DIR]
Needs soffice (Debian libreoffice-writer-nogui) for the conversions.
"""
import os
import shutil
import subprocess
import sys
import tempfile
from xml.sax.saxutils import escape

out_dir = sys.argv[1] if len(sys.argv) > 1 else "testdata/blind/vp-2024"
name = "vp-2024"

HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:meta><dc:title>Društvo Varni pristan Javorje – Poročilo o delu 2024</dc:title><dc:language>sl-SI</dc:language></office:meta>
<office:font-face-decls>
<style:font-face style:name="Liberation Serif" svg:font-family="'Liberation Serif'" style:font-family-generic="roman" style:font-pitch="variable"/>
<style:font-face style:name="Liberation Sans" svg:font-family="'Liberation Sans'" style:font-family-generic="swiss" style:font-pitch="variable"/>
<style:font-face style:name="Liberation Sans Narrow" svg:font-family="'Liberation Sans Narrow'" style:font-family-generic="swiss" style:font-pitch="variable"/>
</office:font-face-decls>
<office:styles>
<style:default-style style:family="paragraph"><style:paragraph-properties style:writing-mode="lr-tb"/><style:text-properties style:font-name="Liberation Serif" fo:font-size="11pt" fo:language="sl" fo:country="SI" fo:hyphenate="false"/></style:default-style>
<style:default-style style:family="table-cell"><style:table-cell-properties style:vertical-align="top"/></style:default-style>
<style:style style:name="Standard" style:family="paragraph" style:class="text"/>
<style:style style:name="Text_20_body" style:display-name="Text body" style:family="paragraph" style:parent-style-name="Standard" style:class="text"><style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0.2cm" fo:text-align="justify" fo:line-height="125%"/></style:style>
<style:style style:name="Title" style:family="paragraph" style:parent-style-name="Standard" style:class="chapter"><style:paragraph-properties fo:margin-top="0.2cm" fo:margin-bottom="0.1cm"/><style:text-properties style:font-name="Liberation Sans" fo:font-size="20pt" fo:font-weight="bold" fo:color="#7a1f4b"/></style:style>
<style:style style:name="Subtitle" style:family="paragraph" style:parent-style-name="Standard" style:class="chapter"><style:paragraph-properties fo:margin-bottom="0.1cm"/><style:text-properties style:font-name="Liberation Sans" fo:font-size="14pt" fo:color="#333333"/></style:style>
<style:style style:name="Small" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:margin-bottom="0.5cm" fo:border-bottom="0.8pt solid #7a1f4b" fo:padding-bottom="0.1cm"/><style:text-properties style:font-name="Liberation Sans" fo:font-size="8.5pt" fo:color="#555555"/></style:style>
<style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:parent-style-name="Standard" style:next-style-name="Text_20_body" style:default-outline-level="1" style:class="text"><style:paragraph-properties fo:margin-top="0.45cm" fo:margin-bottom="0.2cm" fo:keep-with-next="always"/><style:text-properties style:font-name="Liberation Sans" fo:font-size="13pt" fo:font-weight="bold" fo:color="#7a1f4b"/></style:style>
<style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph" style:parent-style-name="Standard" style:next-style-name="Text_20_body" style:default-outline-level="2" style:class="text"><style:paragraph-properties fo:margin-top="0.25cm" fo:margin-bottom="0.12cm" fo:keep-with-next="always"/><style:text-properties style:font-name="Liberation Sans" fo:font-size="11pt" fo:font-weight="bold" fo:font-style="italic" fo:color="#333333"/></style:style>
<style:style style:name="Footnote" style:family="paragraph" style:parent-style-name="Standard" style:class="extra"><style:paragraph-properties fo:margin-left="0.4cm" fo:text-indent="-0.4cm"/><style:text-properties fo:font-size="8.5pt"/></style:style>
<style:style style:name="Caption" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:margin-top="0.2cm" fo:margin-bottom="0.1cm" fo:keep-with-next="always"/><style:text-properties style:font-name="Liberation Sans" fo:font-size="9.5pt" fo:font-weight="bold"/></style:style>
<style:style style:name="Header" style:family="paragraph" style:parent-style-name="Standard" style:class="extra"><style:paragraph-properties fo:text-align="end"/><style:text-properties style:font-name="Liberation Sans" fo:font-size="8pt" fo:color="#7a1f4b"/></style:style>
<style:style style:name="Footer" style:family="paragraph" style:parent-style-name="Standard" style:class="extra"><style:paragraph-properties fo:text-align="center"/><style:text-properties style:font-name="Liberation Sans" fo:font-size="8pt" fo:color="#555555"/></style:style>
<style:style style:name="TH" style:family="paragraph" style:parent-style-name="Standard"><style:text-properties style:font-name="Liberation Sans Narrow" fo:font-size="9pt" fo:font-weight="bold"/></style:style>
<style:style style:name="THNum" style:family="paragraph" style:parent-style-name="TH"><style:paragraph-properties fo:text-align="end"/></style:style>
<style:style style:name="TD" style:family="paragraph" style:parent-style-name="Standard"><style:text-properties style:font-name="Liberation Sans Narrow" fo:font-size="9pt"/></style:style>
<style:style style:name="TDNum" style:family="paragraph" style:parent-style-name="TD"><style:paragraph-properties fo:text-align="end"/></style:style>
<style:style style:name="TDBold" style:family="paragraph" style:parent-style-name="TD"><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="TDNumBold" style:family="paragraph" style:parent-style-name="TDNum"><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="Sign" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:margin-top="0.4cm" fo:text-align="end"/></style:style>
<text:notes-configuration text:note-class="footnote" style:num-format="1" text:start-value="0" text:footnotes-position="page" text:start-numbering-at="document"/>
</office:styles>
<office:automatic-styles>
<style:style style:name="HLand" style:family="paragraph" style:parent-style-name="Heading_20_1" style:master-page-name="Landscape"><style:paragraph-properties style:page-number="auto" fo:margin-top="0cm"/></style:style>
<style:style style:name="HPort" style:family="paragraph" style:parent-style-name="Heading_20_1" style:master-page-name="Standard"><style:paragraph-properties style:page-number="auto" fo:margin-top="0cm"/></style:style>
<style:style style:name="Tbl" style:family="table"><style:table-properties style:width="100%" style:rel-width="100%" table:align="margins" fo:margin-top="0.1cm" fo:margin-bottom="0.2cm"/></style:style>
<style:style style:name="CellH" style:family="table-cell"><style:table-cell-properties fo:background-color="#f1dce7" fo:padding="0.08cm" fo:border="0.5pt solid #7a1f4b"/></style:style>
<style:style style:name="CellB" style:family="table-cell"><style:table-cell-properties fo:padding="0.08cm" fo:border="0.5pt solid #b98aa3"/></style:style>
<style:style style:name="CellS" style:family="table-cell"><style:table-cell-properties fo:background-color="#f7f0f3" fo:padding="0.08cm" fo:border="0.5pt solid #7a1f4b"/></style:style>
<style:page-layout style:name="pmPortrait"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" style:print-orientation="portrait" fo:margin-top="1.3cm" fo:margin-bottom="1.2cm" fo:margin-left="2.3cm" fo:margin-right="2cm"/><style:header-style><style:header-footer-properties fo:min-height="0cm" fo:margin-bottom="0.5cm"/></style:header-style><style:footer-style><style:header-footer-properties fo:min-height="0cm" fo:margin-top="0.4cm"/></style:footer-style></style:page-layout>
<style:page-layout style:name="pmLandscape"><style:page-layout-properties fo:page-width="29.7cm" fo:page-height="21cm" style:print-orientation="landscape" fo:margin-top="1.3cm" fo:margin-bottom="1.2cm" fo:margin-left="2cm" fo:margin-right="2cm"/><style:header-style><style:header-footer-properties fo:min-height="0cm" fo:margin-bottom="0.5cm"/></style:header-style><style:footer-style><style:header-footer-properties fo:min-height="0cm" fo:margin-top="0.4cm"/></style:footer-style></style:page-layout>
%COLSTYLES%
</office:automatic-styles>
<office:master-styles>
<style:master-page style:name="Standard" style:page-layout-name="pmPortrait"><style:header><text:p text:style-name="Header">Društvo Varni pristan Javorje – Poročilo o delu 2024</text:p></style:header><style:footer><text:p text:style-name="Footer">SOS telefon 080 72 72 (24 ur na dan) · stran <text:page-number text:select-page="current">1</text:page-number></text:p></style:footer></style:master-page>
<style:master-page style:name="Landscape" style:page-layout-name="pmLandscape"><style:header><text:p text:style-name="Header">Društvo Varni pristan Javorje – Poročilo o delu 2024</text:p></style:header><style:footer><text:p text:style-name="Footer">SOS telefon 080 72 72 (24 ur na dan) · stran <text:page-number text:select-page="current">1</text:page-number></text:p></style:footer></style:master-page>
</office:master-styles>
<office:body><office:text>
"""

TAIL = "</office:text></office:body></office:document>\n"

body = []
colstyles = []
note_no = [0]


def inline(s):
    """Text with footnotes written as {{fn:text}} and bold as **text**."""
    out = []
    i = 0
    while i < len(s):
        if s.startswith("{{fn:", i):
            j = s.index("}}", i)
            note_no[0] += 1
            n = note_no[0]
            out.append(f'<text:note text:id="ftn{n}" text:note-class="footnote"><text:note-citation>{n}</text:note-citation>'
                       f'<text:note-body><text:p text:style-name="Footnote">{escape(s[i + 5:j])}</text:p></text:note-body></text:note>')
            i = j + 2
        else:
            j = s.find("{{fn:", i)
            j = len(s) if j < 0 else j
            out.append(escape(s[i:j]))
            i = j
    return "".join(out)


def p(text, style="Text_20_body"):
    body.append(f'<text:p text:style-name="{style}">{inline(text)}</text:p>')


def h(level, text, style=None):
    style = style or f"Heading_20_{level}"
    body.append(f'<text:h text:style-name="{style}" text:outline-level="{level}">{escape(text)}</text:h>')


def table(tname, widths, header, rows, num_from, bold_last=False):
    for k, w in enumerate(widths):
        colstyles.append(f'<style:style style:name="{tname}.C{k}" style:family="table-column"><style:table-column-properties style:rel-column-width="{w}*"/></style:style>')
    x = [f'<table:table table:name="{tname}" table:style-name="Tbl">']
    x += [f'<table:table-column table:style-name="{tname}.C{k}"/>' for k in range(len(widths))]
    x.append("<table:table-header-rows><table:table-row>")
    for k, c in enumerate(header):
        ps = "THNum" if k >= num_from else "TH"
        x.append(f'<table:table-cell table:style-name="CellH" office:value-type="string"><text:p text:style-name="{ps}">{escape(c)}</text:p></table:table-cell>')
    x.append("</table:table-row></table:table-header-rows>")
    for r, row in enumerate(rows):
        last = bold_last and r == len(rows) - 1
        x.append("<table:table-row>")
        for k, c in enumerate(row):
            ps = ("TDNum" if k >= num_from else "TD") + ("Bold" if last else "")
            cs = "CellS" if last else "CellB"
            x.append(f'<table:table-cell table:style-name="{cs}" office:value-type="string"><text:p text:style-name="{ps}">{escape(c)}</text:p></table:table-cell>')
        x.append("</table:table-row>")
    x.append("</table:table>")
    body.append("".join(x))


# ---- the report ----
p("DRUŠTVO VARNI PRISTAN JAVORJE", "Title")
p("Poročilo o delu za leto 2024", "Subtitle")
p("Društvo za pomoč ženskam in otrokom, ki so doživeli nasilje · Gorenjska cesta 8, 4272 Javorje · "
  "humanitarna organizacija od leta 2006 · matična številka 2204517000", "Small")

h(1, "1 Uvod")
p("Društvo Varni pristan že 18 let nudi varno namestitev in podporo ženskam in otrokom, ki so doživeli "
  "nasilje. V letu 2024 smo izvajali štiri programe socialnega varstva in projekt Opolnomočene, sofinanciran "
  "iz Evropskega socialnega sklada plus. Ob koncu leta je bilo v društvu zaposlenih devet strokovnih "
  "delavk{{fn:Ena od njih je bila do 30. junija 2024 na porodniškem dopustu in jo je nadomeščala sodelavka, zaposlena za določen čas.}}, "
  "pomagalo pa nam je 34 prostovoljk in prostovoljcev, ki so opravili 2.760 ur prostovoljnega dela.")

h(1, "2 Program Varna hiša Javorje")
p("Program je verificiran pri Socialni zbornici Slovenije. Sofinancira ga Ministrstvo za delo, družino, "
  "socialne zadeve in enake možnosti, skupaj z občinami Javorje, Brinica in Podlog. Program ima dva dela: "
  "namestitev žensk in otrok ter podporo otrokom.")
h(2, "2.1 Namestitev")
p("Varna hiša ima 20 ležišč v petih stanovanjskih enotah na tajnem naslovu. V letu 2024 je bilo v njej "
  "nameščenih 23 žensk in 31 otrok, ki so skupaj preživeli 6.812 oskrbnih dni. Povprečna doba bivanja je "
  "bila 4,2 meseca, zasedenost varne hiše pa 93,1-odstotna.{{fn:Zasedenost je razmerje med oskrbnimi dnevi in zmogljivostjo (20 ležišč × 366 dni).}}")
p("Od 17 žensk, ki so varno hišo v letu 2024 zapustile, se jih je 10 preselilo v samostojno bivanje, pet "
  "k sorodnikom, dve pa v drug program. Nobena se ni vrnila k povzročitelju nasilja.")
h(2, "2.2 Podpora otrokom")
p("Otroci, stari od enega do 16 let, so bili deležni učne pomoči in psihosocialne podpore. Učne pomoči je "
  "bilo 312 ur, izvedli smo 12 skupinskih delavnic, poleti pa še dva izleta, na morje in v živalski vrt.")

h(1, "3 SOS telefon za ženske in otroke – žrtve nasilja")
p("SOS telefon deluje vse dni v letu, 24 ur na dan. Sprejeli smo 1.146 klicev, od tega 402 v nočnem času. "
  "Tretjina klicateljic je poklicala večkrat. Dežurstva je opravljala 21 usposobljena prostovoljka. Program "
  "sofinancirata Ministrstvo za delo, družino, socialne zadeve in enake možnosti in Fundacija za "
  "financiranje invalidskih in humanitarnih organizacij.")

h(1, "4 Svetovalnica za ženske")
p("V svetovalnici smo 141 uporabnicam nudili 688 individualnih svetovanj. Uporabnice smo 97-krat spremljali "
  "na policijo, sodišče, center za socialno delo ali k zdravniku. Delovale so štiri skupine za samopomoč, ki "
  "so se sestajale dvakrat mesečno; vanje je bilo vključenih 29 žensk. Svetovalnico financira Občina Javorje.")

h(1, "5 Preventivni program Ničelna toleranca")
p("Na devetih osnovnih in dveh srednjih šolah smo izvedli 54 delavnic za 1.218 učencev in dijakov, od tega "
  "311 na Srednji šoli Podlog. Za strokovne delavce šol smo pripravili tri izobraževanja, ki se jih je "
  "udeležilo 87 učiteljev in svetovalnih delavcev. Program sofinancira Ministrstvo za vzgojo in izobraževanje.")

h(1, "6 Projekt Opolnomočene – pot do zaposlitve")
p("Projekt (1. 1. 2024–31. 12. 2026) sofinancirata Republika Slovenija in Evropska unija iz Evropskega "
  "socialnega sklada plus. Koordinator projekta je Ljudska univerza Javorje, partnerja sta naše društvo in "
  "Zavod Most. Vrednost projekta je 412.000 EUR, za društvo je namenjenih 96.300 EUR.")
p("V prvem letu smo v projekt vključili 28 žensk{{fn:Ciljna vrednost po pogodbi je 25 vključenih žensk na leto.}}; "
  "12 jih je dobilo zaposlitev, sedem pa se jih je vključilo v formalno izobraževanje.")

h(1, "7 Pregled kazalnikov 2024", "HLand")
p("Kazalniki programov po pogodbah s sofinancerji. Dosežene vrednosti leta 2023 so navedene za primerjavo.", "Text_20_body")
table("Kaz", [1500, 1700, 900, 1000, 1000, 1000, 1300, 1800],
      ["Program", "Kazalnik", "Enota", "Ciljna vrednost 2024", "Dosežena vrednost 2024", "Dosežena vrednost 2023", "Vir financiranja", "Opomba"],
      [["Varna hiša", "Nameščene ženske", "oseba", "20", "23", "19", "MDDSZ, občine", ""],
       ["Varna hiša", "Nameščeni otroci", "oseba", "25", "31", "27", "MDDSZ, občine", ""],
       ["Varna hiša", "Oskrbni dnevi", "dan", "6.500", "6.812", "6.104", "MDDSZ, občine", "zasedenost 93,1 %"],
       ["SOS telefon", "Sprejeti klici", "klic", "1.000", "1.146", "1.032", "MDDSZ, FIHO", "od tega 402 ponoči"],
       ["Svetovalnica", "Individualna svetovanja", "svetovanje", "650", "688", "701", "Občina Javorje", ""],
       ["Svetovalnica", "Uporabnice", "oseba", "130", "141", "138", "Občina Javorje", ""],
       ["Ničelna toleranca", "Delavnice", "delavnica", "50", "54", "48", "MVI", ""],
       ["Ničelna toleranca", "Učenci in dijaki", "oseba", "1.100", "1.218", "1.064", "MVI", "od tega 311 v SŠ Podlog"],
       ["Opolnomočene", "Vključene ženske", "oseba", "25", "28", "–", "ESS+", "projekt od 2024"]],
      num_from=3)

h(1, "8 Finančno poročilo", "HPort")
p("Prihodki društva po virih v letu 2024:")
table("Fin", [3600, 1400, 1000], ["Vir", "Znesek (EUR)", "Delež (%)"],
      [["Ministrstvo za delo, družino, socialne zadeve in enake možnosti", "214.600,00", "68,9"],
       ["Občina Javorje", "38.200,00", "12,3"],
       ["Občini Brinica in Podlog", "17.450,00", "5,6"],
       ["FIHO", "8.900,00", "2,9"],
       ["ESS+ – projekt Opolnomočene", "22.870,00", "7,3"],
       ["Donacije in lastna sredstva", "9.315,40", "3,0"],
       ["Skupaj", "311.335,40", "100,0"]],
      num_from=1, bold_last=True)
p("Odhodki so znašali 308.940,15 EUR, od tega 241.388,60 EUR za plače in druge stroške dela. Poslovno leto "
  "smo končali s presežkom v višini 2.395,25 EUR. Na dobrodelnem koncertu ob dnevu žena smo zbrali 3.460 EUR, "
  "ki smo jih namenili opremi otroške igralnice.")
p("Za leto 2025 načrtujemo razširitev varne hiše na 24 ležišč.")
p("Javorje, 14. februarja 2025", "Text_20_body")
p("Metka Zorman, predsednica društva", "Sign")

xml = HEAD.replace("%COLSTYLES%", "\n".join(colstyles)) + "\n".join(body) + "\n" + TAIL
os.makedirs(out_dir, exist_ok=True)
fodt = os.path.join(out_dir, name + ".fodt")
with open(fodt, "w", encoding="utf-8") as f:
    f.write(xml)
print("wrote", fodt)

tmp = tempfile.mkdtemp()
for conv in ("docx:MS Word 2007 XML", "pdf:writer_pdf_Export"):
    subprocess.run(["soffice", "--headless", "--convert-to", conv, "--outdir", tmp, fodt],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
shutil.move(os.path.join(tmp, name + ".docx"), os.path.join(out_dir, name + ".docx"))
shutil.move(os.path.join(tmp, name + ".pdf"), os.path.join(out_dir, name + "-libreoffice.pdf"))
os.rmdir(tmp)
print("wrote", os.path.join(out_dir, name + ".docx"), "and", os.path.join(out_dir, name + "-libreoffice.pdf"))
