#!/usr/bin/env python3
"""Write testdata/blind/cd-2024-obcina/cd-2024-obcina.csv: the 2024 programme
report of the invented beekeepers' society ČD Ajda Lokavica on its
municipality's report form, exported the way an office spreadsheet exports
it on a Slovene Windows machine: Windows-1250, ';' separators, CRLF line ends,
decimal comma, thousands dot, title and key-value rows above the header, the
programme cell left empty on the rows that continue a programme, a total row,
a note and a signature row.

usage: python3 scripts/blind/make_cd_csv.py [OUT.csv]
"""
import sys

out = sys.argv[1] if len(sys.argv) > 1 else "testdata/blind/cd-2024-obcina/cd-2024-obcina.csv"

W = 9  # columns
rows = [
    ["OBČINA LOKAVICA"],
    ["Javni razpis za sofinanciranje programov društev s področja kmetijstva in razvoja podeželja v letu 2024"],
    ["POROČILO O IZVEDBI PROGRAMA ZA LETO 2024 – Obrazec 3"],
    [],
    ["Izvajalec:", "Čebelarsko društvo Ajda Lokavica"],
    ["Sofinancer:", "Občina Lokavica"],
    ["Številka pogodbe:", "430-12/2024-7", "", "", "Datum:", "27. 1. 2025"],
    ["Število članov:", "58"],
    [],
    ["Zap. št.", "Program / aktivnost", "Kazalnik", "Enota", "Načrtovano", "Realizirano", "Obdobje izvedbe",
     "Odobreno (EUR)", "Porabljeno (EUR)"],
    ["1.", "Izobraževanje čebelarjev – predavanja", "Število predavanj", "predavanje", "5", "6", "jan.–dec. 2024",
     "1.200,00", "1.200,00"],
    ["2.", "", "Število udeležencev predavanj", "oseba", "150", "214", "", "", ""],
    ["3.", "Tečaj za začetnike", "Število tečajnikov", "oseba", "10", "11", "3. 2. 2024–23. 3. 2024", "900,00", "900,00"],
    ["4.", "Čebelarski krožek OŠ Lokavica", "Število učencev", "oseba", "12", "14", "sept. 2023–jun. 2024", "500,00",
     "500,00"],
    ["5.", "Zdravstveno varstvo čebel", "Zdravljene čebelje družine", "družina", "1.100", "1.132", "avg.–okt. 2024",
     "1.450,00", "1.450,00"],
    ["6.", "", "Pregledi čebelnjakov", "pregled", "25", "27", "", "", ""],
    ["7.", "Tradicionalni slovenski zajtrk", "Obdarjeni otroci", "otrok", "1.000", "1.020", "15. 11. 2024", "800,00",
     "800,00"],
    ["", "SKUPAJ", "", "", "", "", "", "4.850,00", "4.850,00"],
    [],
    ["Opomba: odobrena sredstva so bila nakazana v dveh obrokih (30. 6. in 30. 11. 2024)."],
    ["Odgovorna oseba: Janez Lavrič, predsednik, tel. 031 447 902"],
]


def cell(s):
    if any(c in s for c in ';"\r\n'):
        return '"' + s.replace('"', '""') + '"'
    return s


with open(out, "wb") as f:
    for r in rows:
        r = r + [""] * (W - len(r))
        f.write((";".join(cell(c) for c in r) + "\r\n").encode("cp1250"))
print("wrote", out)
