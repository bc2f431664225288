#!/usr/bin/env python3
"""Write testdata/blind2/dzz-2024/dzz-2024.fodt, the 2024 annual report of the
invented animal protection society Društvo za zaščito živali Tačka Brezovje, as
an office document: unnumbered upper-case headings (Heading 1) and numbered
sub-headings (Heading 2), a bulleted list, one real footnote, a running header
and footer, an animals table with horizontal rules only and a total row, and a
finance table of income by source. Then, with LibreOffice, the Word file
dzz-2024.docx and dzz-2024-libreoffice.pdf. (Adapted from
scripts/blind/make_vp_fodt.py.)

usage: python3 scripts/blind2/make_dzz_fodt.py [DIR]
Needs soffice (Debian libreoffice-writer-nogui) for the conversions.
"""
import os
import shutil
import subprocess
import sys
import tempfile
from xml.sax.saxutils import escape

out_dir = sys.argv[1] if len(sys.argv) > 1 else "testdata/blind2/dzz-2024"
name = "dzz-2024"

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
<office:meta><dc:title>DZŽ Tačka Brezovje – Letno poročilo 2024</dc:title><dc:language>sl-SI</dc:language></office:meta>
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
<style:style style:name="Title" style:family="paragraph" style:parent-style-name="Standard" style:class="chapter"><style:paragraph-properties fo:margin-top="0.2cm" fo:margin-bottom="0.1cm"/><style:text-properties style:font-name="Liberation Sans" fo:font-size="20pt" fo:font-weight="bold" fo:color="#2e6b30"/></style:style>
<style:style style:name="Subtitle" style:family="paragraph" style:parent-style-name="Standard" style:class="chapter"><style:paragraph-properties fo:margin-bottom="0.1cm"/><style:text-properties style:font-name="Liberation Sans" fo:font-size="14pt" fo:color="#333333"/></style:style>
<style:style style:name="Small" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:margin-bottom="0.5cm" fo:border-bottom="0.8pt solid #2e6b30" fo:padding-bottom="0.1cm"/><style:text-properties style:font-name="Liberation Sans" fo:font-size="8.5pt" fo:color="#555555"/></style:style>
<style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:parent-style-name="Standard" style:next-style-name="Text_20_body" style:default-outline-level="1" style:class="text"><style:paragraph-properties fo:margin-top="0.45cm" fo:margin-bottom="0.2cm" fo:keep-with-next="always"/><style:text-properties style:font-name="Liberation Sans" fo:font-size="12.5pt" fo:font-weight="bold" fo:text-transform="uppercase" fo:letter-spacing="0.04cm" fo:color="#2e6b30"/></style:style>
<style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph" style:parent-style-name="Standard" style:next-style-name="Text_20_body" style:default-outline-level="2" style:class="text"><style:paragraph-properties fo:margin-top="0.25cm" fo:margin-bottom="0.12cm" fo:keep-with-next="always"/><style:text-properties style:font-name="Liberation Sans" fo:font-size="11pt" fo:font-weight="bold" fo:font-style="italic" fo:color="#333333"/></style:style>
<style:style style:name="Footnote" style:family="paragraph" style:parent-style-name="Standard" style:class="extra"><style:paragraph-properties fo:margin-left="0.4cm" fo:text-indent="-0.4cm"/><style:text-properties fo:font-size="8.5pt"/></style:style>
<style:style style:name="Caption" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:margin-top="0.2cm" fo:margin-bottom="0.1cm" fo:keep-with-next="always"/><style:text-properties style:font-name="Liberation Sans" fo:font-size="9.5pt" fo:font-weight="bold"/></style:style>
<style:style style:name="Header" style:family="paragraph" style:parent-style-name="Standard" style:class="extra"><style:paragraph-properties fo:text-align="end"/><style:text-properties style:font-name="Liberation Sans" fo:font-size="8pt" fo:color="#2e6b30"/></style:style>
<style:style style:name="Footer" style:family="paragraph" style:parent-style-name="Standard" style:class="extra"><style:paragraph-properties fo:text-align="center"/><style:text-properties style:font-name="Liberation Sans" fo:font-size="8pt" fo:color="#555555"/></style:style>
<style:style style:name="TH" style:family="paragraph" style:parent-style-name="Standard"><style:text-properties style:font-name="Liberation Sans Narrow" fo:font-size="9pt" fo:font-weight="bold"/></style:style>
<style:style style:name="THNum" style:family="paragraph" style:parent-style-name="TH"><style:paragraph-properties fo:text-align="end"/></style:style>
<style:style style:name="TD" style:family="paragraph" style:parent-style-name="Standard"><style:text-properties style:font-name="Liberation Sans Narrow" fo:font-size="9pt"/></style:style>
<style:style style:name="TDNum" style:family="paragraph" style:parent-style-name="TD"><style:paragraph-properties fo:text-align="end"/></style:style>
<style:style style:name="TDBold" style:family="paragraph" style:parent-style-name="TD"><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="TDNumBold" style:family="paragraph" style:parent-style-name="TDNum"><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="Sign" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:margin-top="0.4cm" fo:text-align="end"/></style:style>
<style:style style:name="List_20_Para" style:display-name="List Para" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:margin-bottom="0.08cm"/></style:style>
<text:list-style style:name="Bullets"><text:list-level-style-bullet text:level="1" text:bullet-char="•"><style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="1.0cm" fo:text-indent="-0.5cm" fo:margin-left="1.0cm"/></style:list-level-properties></text:list-level-style-bullet></text:list-style>
<text:notes-configuration text:note-class="footnote" style:num-format="1" text:start-value="0" text:footnotes-position="page" text:start-numbering-at="document"/>
</office:styles>
<office:automatic-styles>
<style:style style:name="HLand" style:family="paragraph" style:parent-style-name="Heading_20_1" style:master-page-name="Landscape"><style:paragraph-properties style:page-number="auto" fo:margin-top="0cm"/></style:style>
<style:style style:name="HPort" style:family="paragraph" style:parent-style-name="Heading_20_1" style:master-page-name="Standard"><style:paragraph-properties style:page-number="auto" fo:margin-top="0cm"/></style:style>
<style:style style:name="Tbl" style:family="table"><style:table-properties style:width="100%" style:rel-width="100%" table:align="margins" fo:margin-top="0.1cm" fo:margin-bottom="0.2cm"/></style:style>
<style:style style:name="CellH" style:family="table-cell"><style:table-cell-properties fo:background-color="#e3efe3" fo:padding="0.08cm" fo:border="0.5pt solid #2e6b30"/></style:style>
<style:style style:name="CellB" style:family="table-cell"><style:table-cell-properties fo:padding="0.08cm" fo:border-top="none" fo:border-left="none" fo:border-right="none" fo:border-bottom="0.5pt solid #9bbf9c"/></style:style>
<style:style style:name="CellS" style:family="table-cell"><style:table-cell-properties fo:background-color="#f3f7f3" fo:padding="0.08cm" fo:border="0.5pt solid #2e6b30"/></style:style>
<style:page-layout style:name="pmPortrait"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" style:print-orientation="portrait" fo:margin-top="1.3cm" fo:margin-bottom="1.2cm" fo:margin-left="2.3cm" fo:margin-right="2cm"/><style:header-style><style:header-footer-properties fo:min-height="0cm" fo:margin-bottom="0.5cm"/></style:header-style><style:footer-style><style:header-footer-properties fo:min-height="0cm" fo:margin-top="0.4cm"/></style:footer-style></style:page-layout>
<style:page-layout style:name="pmLandscape"><style:page-layout-properties fo:page-width="29.7cm" fo:page-height="21cm" style:print-orientation="landscape" fo:margin-top="1.3cm" fo:margin-bottom="1.2cm" fo:margin-left="2cm" fo:margin-right="2cm"/><style:header-style><style:header-footer-properties fo:min-height="0cm" fo:margin-bottom="0.5cm"/></style:header-style><style:footer-style><style:header-footer-properties fo:min-height="0cm" fo:margin-top="0.4cm"/></style:footer-style></style:page-layout>
%COLSTYLES%
</office:automatic-styles>
<office:master-styles>
<style:master-page style:name="Standard" style:page-layout-name="pmPortrait"><style:header><text:p text:style-name="Header">DZŽ Tačka Brezovje – Letno poročilo 2024</text:p></style:header><style:footer><text:p text:style-name="Footer">Dežurni telefon za najdene živali 041 388 150 · stran <text:page-number text:select-page="current">1</text:page-number></text:p></style:footer></style:master-page>
<style:master-page style:name="Landscape" style:page-layout-name="pmLandscape"><style:header><text:p text:style-name="Header">DZŽ Tačka Brezovje – Letno poročilo 2024</text:p></style:header><style:footer><text:p text:style-name="Footer">Dežurni telefon za najdene živali 041 388 150 · stran <text:page-number text:select-page="current">1</text:page-number></text:p></style:footer></style:master-page>
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




def ul(items):
    x = ['<text:list text:style-name="Bullets">']
    for it in items:
        x.append(f'<text:list-item><text:p text:style-name="List_20_Para">{inline(it)}</text:p></text:list-item>')
    x.append("</text:list>")
    body.append("".join(x))


# ---- the report ----
p("Društvo za zaščito živali Tačka Brezovje", "Title")
p("Letno poročilo o delu in poslovanju za leto 2024", "Subtitle")
p("Cesta na Ravne 17, 1358 Brezovje · društvo v javnem interesu na področju zaščite živali · "
  "TRR SI56 0316 4100 0287 514 · matična številka 1573620000", "Small")

h(1, "Uvod")
p("Društvo je ob koncu leta 2024 štelo 312 članov, med njimi 41 mladih članov. V društvu so bili "
  "zaposleni štirje oskrbniki in vodja zavetišča, pri delu pa je pomagalo 64 prostovoljcev, ki so skupaj "
  "opravili 7.420 ur prostovoljnega dela. Upravni odbor se je sestal na devetih sejah. Leto je zaznamovalo "
  "poplavljanje potoka Rečnik 6. avgusta, ko smo v dveh urah evakuirali vse živali iz spodnjega dela zavetišča.")

h(1, "Zavetišče Tačka")
p("Zavetišče ima 48 boksov za pse in 60 mest za mačke. Oskrbo zapuščenih živali opravljamo kot javno službo "
  "po pogodbah s tremi občinami – Brezovje, Krnice in Lipovec –, ki oskrbo tudi plačujejo. Po zakonu občina "
  "krije stroške oskrbe za prvih 30 dni bivanja živali v zavetišču.")
p("V letu 2024 smo v zavetišče sprejeli 432 živali.{{fn:Vključno s 17 živalmi, ki so jih ob posredovanjih pripeljali policisti.}} "
  "Pregled po vrstah kaže preglednica; ob koncu leta je bilo v zavetišču 37 živali. Povprečna doba bivanja psa "
  "v zavetišču je bila 23 dni, mačke pa 41 dni.")
p("Preglednica 1: Živali v zavetišču v letu 2024", "Caption")
table("Ziv", [2600, 1300, 1500, 1300, 1700],
      ["Vrsta", "Sprejete", "Vrnjene lastnikom", "Posvojene", "Poginile ali evtanazirane"],
      [["Psi", "143", "61", "74", "3"],
       ["Mačke", "268", "12", "197", "29"],
       ["Druge živali (zajci, ptice, želve)", "21", "2", "14", "4"],
       ["Skupaj", "432", "75", "285", "36"]],
      num_from=1, bold_last=True)
p("Poleg oskrbe v zavetišču smo v letu 2024:")
ul(["čipirali 73 živali,",
    "cepili proti steklini 146 psov,",
    "socialno ogroženim lastnikom razdelili 2,4 tone hrane za živali,",
    "odgovorili na 1.920 klicev na dežurni telefon 041 388 150."])

h(1, "Posvojitve")
p("Posvojitvene dneve pripravljamo vsako prvo soboto v mesecu v zavetišču, poleti pa tudi v nakupovalnem "
  "središču Brezovje. Na 11 posvojitvenih dnevih smo predstavili 126 živali, novi dom pa jih je neposredno "
  "na dnevih našlo 38. Pred vsako posvojitvijo psa opravimo ogled doma; opravili smo 96 ogledov, v sedmih "
  "primerih posvojitve nismo odobrili. Najstarejši posvojeni pes, Bor, je bil star 14 let.")

h(1, "Projekti")
h(2, "1 Akcija Mačke brez mladičev")
p("Akcija sterilizacije in kastracije prostoživečih mačk je potekala od 1. februarja do 30. novembra 2024. "
  "Sofinancirala jo je Občina Brezovje, posege pa je po pogodbi opravila Veterinarska ambulanta Kremen. "
  "Sterilizirali smo 184 mačk in kastrirali 97 mačkov, skupaj 281 posegov (načrtovali smo jih 250). Mačke "
  "so prostovoljci ulovili na 52 lokacijah in jih po posegu vrnili v njihovo okolje.")
h(2, "2 Projekt Tačke v šoli")
p("Projekt Tačke v šoli poteka od septembra 2023 do junija 2025. Nosilec projekta je Zavod Mavrica, "
  "društvo pa sodeluje kot partner in izvaja delavnice. Projekt financira Ministrstvo za kmetijstvo, "
  "gozdarstvo in prehrano. V letu 2024 smo obiskali 14 šol in 9 vrtcev, izvedli 62 delavnic in z njimi "
  "dosegli 1.380 otrok, od tega 418 v Krnicah. Otroci so narisali 300 risb za koledar 2025.")

h(1, "Finančno poročilo")
p("Prihodki društva po virih v letu 2024:")
table("Fin", [4300, 1500],
      ["Vir prihodkov", "Znesek v EUR"],
      [["Občine Brezovje, Krnice in Lipovec – oskrba zapuščenih živali", "86.430,00"],
       ["Občina Brezovje – akcija Mačke brez mladičev", "14.000,00"],
       ["Projekt Tačke v šoli (MKGP)", "9.850,00"],
       ["Donacije fizičnih oseb", "31.276,45"],
       ["Namenitev dela dohodnine", "12.904,11"],
       ["Članarine", "4.680,00"],
       ["Skupaj prihodki", "159.140,56"]],
      num_from=1, bold_last=True)
p("Odhodki so znašali 157.902,30 EUR, od tega 92.450,00 EUR za plače zaposlenih in 38.716,84 EUR za hrano, "
  "veterinarske storitve in zdravila. Leto smo zaključili s presežkom prihodkov nad odhodki v višini 1.238,26 EUR. "
  "Letna članarina je ostala 15 EUR. Vsem, ki ste nam namenili do 1 % dohodnine, se iskreno zahvaljujemo.")
p("V letu 2025 želimo zgraditi karantenski objekt za 12 psov in podvojiti število posvojitvenih dni.")
p("Brezovje, 28. februarja 2025", "Text_20_body")
p("Nina Gorjup, predsednica društva", "Sign")

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
