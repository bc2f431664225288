#!/usr/bin/env python3
"""Check a held-out report's gold list against the text of its PDFs.

usage: scripts/heldout/check.py testdata/heldout/NAME [--numbers]

For every gold row: is the value printed in each PDF (as digits in Slovene
format or as a number word), and do its keyword stems occur near it (same
line or within a short window; table-cell keywords come from the column
header and may be far, so a missing keyword is a warning to check by eye).
With --numbers: every number in the text that is no gold value, with its
context, to compare with the traps listed in NAME.meta.

The xlsx variant (NAME.xlsx) is read with openpyxl when present, a CSV
export (NAME.csv, UTF-8 or Windows-1250, ';' or ',') as text.
"""
import csv
import re
import subprocess
import sys
from pathlib import Path

WORDS = {
    1: ["en", "ena", "eno", "enem", "eni", "enega", "enim"],
    2: ["dva", "dve", "dveh", "dvema", "dvoje", "obe", "oba"],
    3: ["tri", "trije", "treh", "trem", "tremi"],
    4: ["štiri", "štirje", "štirih", "štirim", "štirimi"],
    5: ["pet", "petih", "petim", "petimi"],
    6: ["šest", "šestih", "šestim", "šestimi"],
    7: ["sedem", "sedmih", "sedmim", "sedmimi"],
    8: ["osem", "osmih", "osmim", "osmimi"],
    9: ["devet", "devetih", "devetim", "devetimi"],
    10: ["deset", "desetih", "desetim", "desetimi"],
    11: ["enajst", "enajstih", "enajstim"],
    12: ["dvanajst", "dvanajstih", "dvanajstim", "dvanajstimi"],
    13: ["trinajst", "trinajstih", "trinajstim"],
    14: ["štirinajst", "štirinajstih", "štirinajstim"],
    15: ["petnajst", "petnajstih", "petnajstim"],
    16: ["šestnajst", "šestnajstih"],
    17: ["sedemnajst", "sedemnajstih", "sedemnajstim"],
    18: ["osemnajst", "osemnajstih"],
    19: ["devetnajst"],
    20: ["dvajset", "dvajsetih", "dvajsetim"],
    30: ["trideset", "tridesetih"],
    40: ["štirideset"],
    50: ["petdeset", "petdesetih"],
    100: ["sto"],
}
WORD2VAL = {w: v for v, ws in WORDS.items() for w in ws}
SPACES = "\u00a0\u202f\u2009\u2007"


def pdf_text(pdf):
    out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    for s in SPACES:
        out = out.replace(s, " ")
    return out


def xlsx_text(path):
    import openpyxl
    wb = openpyxl.load_workbook(path, data_only=True)
    lines = []
    for ws in wb.worksheets:
        lines.append("== sheet " + ws.title)
        for row in ws.iter_rows():
            cells = []
            for c in row:
                v = c.value
                if v is None:
                    continue
                if isinstance(v, float) and c.number_format and "%" in c.number_format:
                    v = f"{v * 100:.2f}".rstrip("0").rstrip(".").replace(".", ",") + " %"
                elif isinstance(v, float):
                    v = f"{v:.2f}".replace(".", ",")
                cells.append(str(v))
            if cells:
                lines.append("  |  ".join(cells))
    return "\n".join(lines)


def csv_text(path):
    raw = path.read_bytes()
    try:
        t = raw.decode("utf-8")
    except UnicodeDecodeError:
        t = raw.decode("cp1250")
    sep = ";" if t.count(";") >= t.count(",") else ","
    lines = []
    for row in csv.reader(t.splitlines(), delimiter=sep):
        cells = [c for c in row if c.strip()]
        if cells:
            lines.append("  |  ".join(cells))
    return "\n".join(lines)


def forms(value):
    """Ways a value may be printed in Slovene."""
    v = float(value)
    out = set()
    if v == int(v):
        n = int(v)
        s = str(n)
        out.add(s)
        if n >= 1000:
            g = f"{n:,}"
            out.add(g.replace(",", "."))
            out.add(g.replace(",", " "))
            out.add(g.replace(",", ".") + ",00")
        else:
            out.add(s + ",00")
    else:
        for d in (1, 2):
            t = f"{v:,.{d}f}"
            if float(t.replace(",", "")) != v:
                continue
            ip, fp = t.split(".")
            out.add(ip.replace(",", ".") + "," + fp)
            out.add(ip.replace(",", " ") + "," + fp)
            out.add(ip.replace(",", "") + "," + fp)
    return out


def find_digits(text, f):
    pat = r"(?<![\d.,])" + re.escape(f) + r"(?![\d]|[.,]\d)"
    return [m.start() for m in re.finditer(pat, text)]


def find_words(text, value):
    v = float(value)
    if v != int(v) or int(v) not in WORDS:
        return []
    hits = []
    for w in WORDS[int(v)]:
        for m in re.finditer(r"(?<![\wčšž])" + w + r"(?![\wčšž])", text, re.IGNORECASE):
            hits.append(m.start())
    return hits


def context(text, pos, before=220, after=140):
    return text[max(0, pos - before): pos + after].lower()


def line_of(text, pos):
    a = text.rfind("\n", 0, pos) + 1
    b = text.find("\n", pos)
    return text[a: b if b >= 0 else len(text)]


def check(dirpath, numbers):
    d = Path(dirpath)
    name = d.name
    gold = list(csv.DictReader(open(d / f"{name}.gold.csv", encoding="utf-8")))
    texts = {}
    for pdf in sorted(d.glob(f"{name}*.pdf")):
        texts[pdf.name] = pdf_text(pdf)
    for x in sorted(d.glob("*.xlsx")):
        texts[x.name] = xlsx_text(x)
    for x in sorted(d.glob("*.csv")):
        if not x.name.endswith((".gold.csv", ".activities.csv")):
            texts[x.name] = csv_text(x)
    problems = 0
    print(f"# {name}: {len(gold)} gold rows, sources: {', '.join(texts)}")
    for i, g in enumerate(gold, 2):
        kws = [k for k in g["keywords"].split("|") if k]
        for src, t in texts.items():
            hits = []
            for f in forms(g["value"]):
                hits += find_digits(t, f)
            hits += find_words(t, g["value"])
            if not hits:
                print(f"  MISSING line {i} value {g['value']} ({g['project']}, {g['keywords']}) in {src}")
                problems += 1
                continue
            ok = [k for k in kws if any(k in context(t, h) for h in hits)]
            miss = [k for k in kws if k not in ok]
            if not ok:
                print(f"  NO-KEYWORD line {i} value {g['value']} kws {g['keywords']} in {src}: "
                      + " || ".join(line_of(t, h).strip()[:110] for h in hits[:3]))
                problems += 1
            elif miss:
                print(f"  some-keywords line {i} value {g['value']} missing {'|'.join(miss)} in {src}")
    if numbers:
        gvals = {round(float(g["value"]), 2) for g in gold}
        for g in gold:
            for k in ("target", "share_value"):
                if g.get(k):
                    gvals.add(round(float(g[k]), 2))
        for src, t in list(texts.items())[:1]:
            print(f"## non-gold numbers in {src} (years 1900-2099 and page footers left out)")
            seen = set()
            for m in re.finditer(r"(?<![\w])\d{1,3}(?:[. ]\d{3})+(?:,\d+)?(?![\d])|(?<![\w])\d+(?:,\d+)?", t):
                s = m.group(0)
                cands = set()
                if re.fullmatch(r"\d{1,3}(?:[. ]\d{3})+(?:,\d+)?", s):
                    cands.add(float(s.replace(".", "").replace(" ", "").replace(",", ".")))
                    cands.add(float(s.split(" ")[-1].replace(".", "").replace(",", ".")))
                    s0 = s.split(" ")[0].replace(",", ".")
                    try:
                        cands.add(float(s0))
                    except ValueError:
                        pass
                else:
                    cands.add(float(s.replace(",", ".")))
                gmatch = [g for g in gold if any(round(c, 2) == round(float(g["value"]), 2) for c in cands)]
                tag = ""
                if gmatch:
                    ctx = context(t, m.start(), 160, 100)
                    if any(k in ctx for g in gmatch for k in g["keywords"].split("|") if k):
                        continue
                    tag = "G?"
                elif any(round(c, 2) in gvals for c in cands):
                    continue
                if re.fullmatch(r"(19|20)\d\d", s):
                    continue
                ln = line_of(t, m.start()).strip()
                if re.fullmatch(r"(?i)(stran )?\d+( od \d+)?|[-–] ?\d+ ?[-–]|.*\bstran \d+( od \d+)?|\d+ */ *\d+", ln):
                    continue
                key = (s, ln)
                if key in seen:
                    continue
                seen.add(key)
                print(f"  {tag:>2}{s:>12}  | {ln[:120]}")
            for m in re.finditer(r"(?<![\wčšž])(" + "|".join(sorted(WORD2VAL, key=len, reverse=True)) + r")(?![\wčšž])", t, re.IGNORECASE):
                w = m.group(1).lower()
                if w in ("en", "eni", "eno", "ena", "enem", "enega", "enim", "obe", "oba", "sto"):
                    flag = "?"
                else:
                    flag = ""
                val = WORD2VAL[w]
                gm = [g for g in gold if round(float(g["value"]), 2) == val]
                ctx = context(t, m.start(), 160, 100)
                if gm and not flag and any(k in ctx for g in gm for k in g["keywords"].split("|") if k):
                    continue
                print(f"    WORD {w}{flag} ({val}) | {line_of(t, m.start()).strip()[:120]}")
    print(f"# {problems} problems")
    return problems


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    n = sum(check(a, "--numbers" in sys.argv) for a in args)
    sys.exit(1 if n else 0)
