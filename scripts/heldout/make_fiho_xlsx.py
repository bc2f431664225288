#!/usr/bin/env python3
"""Write testdata/heldout/mdi-2021-fiho/mdi-2021-fiho.xlsx: the 2021 programme
report of MDI Zgornja Dobrava on its funder's (FIHO) indicator template.

usage: /usr/bin/python3 scripts/heldout/make_fiho_xlsx.py [OUT.xlsx]
Needs openpyxl (Debian: python3-openpyxl). The file is written as an office
clerk fills in such a template: title rows, merged programme cells, numbers
typed as text in Slovene format, a date cell, a footnote row, and a second
sheet with the funds per programme, period from/to, source and amount.
"""
import datetime
import sys

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

out = sys.argv[1] if len(sys.argv) > 1 else "testdata/heldout/mdi-2021-fiho/mdi-2021-fiho.xlsx"

thin = Side(style="thin", color="808080")
box = Border(left=thin, right=thin, top=thin, bottom=thin)
head_fill = PatternFill("solid", fgColor="D9E1F2")
bold = Font(bold=True)
wrap = Alignment(wrap_text=True, vertical="top")

wb = Workbook()
ws = wb.active
ws.title = "Kazalniki"
for col, w in zip("ABCDEFG", (8, 34, 44, 12, 15, 15, 30)):
    ws.column_dimensions[col].width = w

ws["A1"] = "FUNDACIJA ZA FINANCIRANJE INVALIDSKIH IN HUMANITARNIH ORGANIZACIJ V REPUBLIKI SLOVENIJI"
ws["A1"].font = Font(bold=True, size=12)
ws.merge_cells("A1:G1")
ws["A2"] = "Poročilo o izvedbi programov za leto 2021 – obrazec P2 (vsebinski del)"
ws["A2"].font = Font(bold=True, size=11)
ws.merge_cells("A2:G2")
ws["A3"] = "Organizacija:"
ws["C3"] = "Medobčinsko društvo invalidov Zgornja Dobrava"
ws.merge_cells("A3:B3")
ws["A4"] = "Matična številka:"
ws["C4"] = "5127468000"
ws.merge_cells("A4:B4")
ws["E4"] = "Datum oddaje:"
ws["F4"] = datetime.date(2022, 2, 28)
ws["F4"].number_format = "D. M. YYYY"
ws["A5"] = "Število članov na dan 31. 12. 2021:"
ws["C5"] = "642"
ws["E5"] = "od tega invalidov:"
ws["F5"] = "518"
ws.merge_cells("A5:B5")
for c in ("A3", "A4", "A5", "E4", "E5"):
    ws[c].font = bold

header = ["Zap. št.", "Program", "Kazalnik", "Enota", "Načrtovano 2021", "Doseženo 2021", "Opomba"]
HR = 7
for i, h in enumerate(header, 1):
    c = ws.cell(row=HR, column=i, value=h)
    c.font = bold
    c.fill = head_fill
    c.border = box
    c.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")

# (program, indicator, unit, plan, achieved, note); plan and achieved typed as
# text the way the clerk entered them, some as numbers.
rows = [
    ("Posebni socialni program »Skupaj proti osamljenosti«", "Število obiskov na domu", "obisk", "200", "212", "od tega 74 v Rečici"),
    (None, "Število obiskanih članov", "oseba", 80, 87, ""),
    (None, "Število družabnih srečanj", "srečanje", "12", "9", "manj srečanj zaradi ukrepov *"),
    (None, "Število udeležencev družabnih srečanj", "oseba", "500", "463", ""),
    (None, "Število predavanj o zdravju", "predavanje", 6, 5, ""),
    ("Obnovitvena rehabilitacija", "Število članov, vključenih v rehabilitacijo", "oseba", "40", "38", "Terme Vrelec, 7 dni"),
    ("Šport in rekreacija invalidov", "Število aktivnih športnikov", "oseba", "60", "64", ""),
    (None, "Število tekmovanj", "tekmovanje", "25", "22", ""),
    (None, "Število osvojenih medalj", "medalja", "–", "17", "ni bilo načrtovano"),
    ("Vsi programi skupaj", "Ure prostovoljnega dela", "ura", "5.000", "5.130", "evidenca ur prostovoljcev"),
]
r = HR + 1
n = 1
starts = []
for prog, ind, unit, plan, done, note in rows:
    if prog is not None:
        starts.append((r, prog))
    vals = [f"{n}.", prog, ind, unit, plan, done, note]
    for i, v in enumerate(vals, 1):
        c = ws.cell(row=r, column=i, value=v)
        c.border = box
        c.alignment = wrap
        if i in (5, 6):
            c.alignment = Alignment(horizontal="right", vertical="top")
    r += 1
    n += 1
last = r - 1
# merge the programme cell over its indicator rows
ends = [s for s, _ in starts[1:]] + [last + 1]
for (s, _), e in zip(starts, ends):
    if e - 1 > s:
        ws.merge_cells(start_row=s, start_column=2, end_row=e - 1, end_column=2)
ws.cell(row=last + 2, column=1,
        value="* Zaradi ukrepov za preprečevanje širjenja covida-19 so bila srečanja v prvih petih mesecih leta odpovedana.")
ws.merge_cells(start_row=last + 2, start_column=1, end_row=last + 2, end_column=7)
ws.cell(row=last + 3, column=1, value="Izpolnila: Mojca Zupan, strokovna delavka, tel. 04 519 22 60")
ws.merge_cells(start_row=last + 3, start_column=1, end_row=last + 3, end_column=7)

fs = wb.create_sheet("Sredstva")
for col, w in zip("ABCDE", (44, 14, 14, 12, 16)):
    fs.column_dimensions[col].width = w
fs["A1"] = "Poročilo o porabi sredstev FIHO za leto 2021 – obrazec P3"
fs["A1"].font = Font(bold=True, size=12)
fs.merge_cells("A1:E1")
fs["A2"] = "Medobčinsko društvo invalidov Zgornja Dobrava"
fs.merge_cells("A2:E2")
fh = ["Program", "Obdobje od", "Obdobje do", "Vir", "Znesek (EUR)"]
for i, h in enumerate(fh, 1):
    c = fs.cell(row=4, column=i, value=h)
    c.font = bold
    c.fill = head_fill
    c.border = box
frows = [
    ("Posebni socialni program »Skupaj proti osamljenosti«", datetime.date(2021, 1, 1), datetime.date(2021, 12, 31), "FIHO", 18920.0),
    ("Obnovitvena rehabilitacija", "6. 9. 2021", "13. 9. 2021", "FIHO", "4.560,00"),
    ("Šport in rekreacija invalidov", datetime.date(2021, 1, 1), datetime.date(2021, 12, 31), "FIHO", 3140.0),
]
for j, row in enumerate(frows, 5):
    for i, v in enumerate(row, 1):
        c = fs.cell(row=j, column=i, value=v)
        c.border = box
        if isinstance(v, datetime.date):
            c.number_format = "D. M. YYYY"
        if isinstance(v, float):
            c.number_format = "#,##0.00"
tr = 5 + len(frows)
fs.cell(row=tr, column=1, value="Skupaj sredstva FIHO").font = bold
c = fs.cell(row=tr, column=5, value=26620.0)
c.number_format = "#,##0.00"
c.font = bold
for i in range(1, 6):
    fs.cell(row=tr, column=i).border = box
fs.cell(row=tr + 2, column=1, value="Zneski so sredstva, nakazana za leto 2021 po pogodbi št. 2021-0412.")

wb.save(out)
print("wrote", out)
