#!/usr/bin/env python3
"""Write testdata/blind2/dpm-2024-obcina/dpm-2024-obcina.xlsx: the 2024 report of
the invented children's society DPM Javorov Dol to its municipality, on the
municipality's form for the public call for children's and youth programmes.

usage: /usr/bin/python3 scripts/blind2/make_dpm_xlsx.py [OUT.xlsx]
Needs openpyxl (Debian: python3-openpyxl). The sheet Kazalniki holds one BLOCK
per programme: a merged title row "Program N: …", its own header row, indicator
rows, a derived Indeks R/N column, then an empty row; some numbers are typed as
text. The sheet Sredstva holds the municipality's money per programme with the
period as text (one of them a month only), the source and a derived share.
No formulas: every cell holds its value, as a clerk's saved file does.
"""
import datetime
import sys

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

out = sys.argv[1] if len(sys.argv) > 1 else "testdata/blind2/dpm-2024-obcina/dpm-2024-obcina.xlsx"

thin = Side(style="thin", color="808080")
box = Border(left=thin, right=thin, top=thin, bottom=thin)
head_fill = PatternFill("solid", fgColor="FCE4D6")
prog_fill = PatternFill("solid", fgColor="F4B084")
bold = Font(bold=True)

wb = Workbook()
ws = wb.active
ws.title = "Kazalniki"
for col, w in zip("ABCDEF", (38, 12, 14, 16, 12, 30)):
    ws.column_dimensions[col].width = w

ws["A1"] = "OBČINA JAVOROV DOL"
ws["A1"].font = Font(bold=True, size=12)
ws["A2"] = "Poročilo o izvedbi programov – Javni razpis za sofinanciranje programov za otroke in mladino v letu 2024"
ws["A2"].font = Font(bold=True, size=11)
ws.merge_cells("A2:F2")
ws["A4"] = "Izvajalec:"
ws["B4"] = "Društvo prijateljev mladine Javorov Dol"
ws.merge_cells("B4:D4")
ws["A5"] = "Številka pogodbe:"
ws["B5"] = "430-0017/2024-3"
ws["A6"] = "Število članov društva na dan 31. 12. 2024:"
ws["B6"] = 186
for r in (4, 5, 6):
    ws.cell(r, 1).font = bold

HEADER = ["Kazalnik", "Enota", "Načrt 2024", "Realizacija 2024", "Indeks R/N", "Opomba"]
blocks = [
    ("Program 1: Letovanje otrok na morju", [
        ("Otroci na letovanju", "otrok", 160, 164, "102,5", "od tega 72 zdravstveno letovanje"),
        ("Otroci s subvencijo občine", "otrok", 50, 58, "116,0", ""),
        ("Izmene", "izmena", 4, 4, "100,0", "po 10 dni"),
    ]),
    ("Program 2: Novoletni program", [
        ("Lutkovne predstave", "predstava", 8, 9, "112,5", ""),
        ("Obdarjeni otroci", "otrok", "1.100", "1.140", "103,6", "vsi vrtci in šole v občini"),
    ]),
    ("Program 3: Počitniško varstvo Poletje v parku", [
        ("Vključeni otroci", "otrok", 200, 212, "106,0", "starost 6–11 let"),
        ("Dnevi varstva", "dan", 48, 49, "102,1", ""),
        ("Povprečno število otrok na dan", "otrok", 30, 31, "103,3", ""),
    ]),
]
r = 8
for title, rows in blocks:
    ws.cell(r, 1, title).font = bold
    ws.cell(r, 1).fill = prog_fill
    ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=6)
    r += 1
    for c, v in enumerate(HEADER, 1):
        cell = ws.cell(r, c, v)
        cell.font = bold
        cell.fill = head_fill
        cell.border = box
    r += 1
    for row in rows:
        for c, v in enumerate(row, 1):
            cell = ws.cell(r, c, v)
            cell.border = box
            if c in (3, 4, 5):
                cell.alignment = Alignment(horizontal="right")
        r += 1
    r += 1
ws.cell(r, 1, "Indeks R/N = realizacija / načrt × 100")
ws.cell(r, 1).font = Font(italic=True, size=9)
r += 1
ws.cell(r, 1, "Poročilo pripravila: Maja Kos, tel. 051 219 334")
ws.cell(r, 4, "Datum:")
ws.cell(r, 5, datetime.date(2025, 1, 31)).number_format = "D. M. YYYY"

ws2 = wb.create_sheet("Sredstva")
for col, w in zip("ABCDE", (40, 22, 30, 14, 18)):
    ws2.column_dimensions[col].width = w
ws2["A1"] = "Porabljena sredstva Občine Javorov Dol po programih v letu 2024"
ws2["A1"].font = Font(bold=True, size=11)
ws2.merge_cells("A1:E1")
head = ["Program", "Obdobje izvedbe", "Vir", "Znesek (EUR)", "Delež v vrednosti programa (%)"]
for c, v in enumerate(head, 1):
    cell = ws2.cell(3, c, v)
    cell.font = bold
    cell.fill = head_fill
    cell.border = box
money = [
    ("Letovanje otrok na morju", "1. 7.–9. 8. 2024", "Proračun Občine Javorov Dol", 22000, 0.2936),
    ("Počitniško varstvo Poletje v parku", "24. 6.–30. 8. 2024", "Proračun Občine Javorov Dol", 7000, 0.3182),
    ("Novoletni program", "december 2024", "Proračun Občine Javorov Dol", 9000, 0.6923),
]
r = 4
for row in money:
    for c, v in enumerate(row, 1):
        cell = ws2.cell(r, c, v)
        cell.border = box
        if c == 4:
            cell.number_format = "#,##0.00"
        if c == 5:
            cell.number_format = "0.0%"
    r += 1
ws2.cell(r, 1, "Skupaj").font = bold
ws2.cell(r, 4, 38000).number_format = "#,##0.00"
ws2.cell(r, 4).font = bold
for c in range(1, 6):
    ws2.cell(r, c).border = box

wb.save(out)
print("wrote", out)
