#!/usr/bin/env python3
"""Sample 部门决算公开 workbooks generated from the seed transcriptions.

Reads  Tests/Fixtures/seeds/zezhou-2024.json  (gk10-2024, 公开01表 … 公开10表)
       Tests/Fixtures/seeds/dachuan-2023.json (sc13-2023, 公开 01 表 … 公开 13 表)
and writes, for each of the two:

  <name>.xlsx              the published tables, one per sheet, laid out as the printed forms
  <name>-yuan.xlsx         (a) amounts in 元 (×10000, exact), unit lines "金额单位：元" / "单位：元"
  <name>-shuffled.xlsx     (b) an unrelated cover sheet first, then the tables in shuffled order
                               on renamed sheets ("Sheet3", "收入", "表五", …)
  <name>-stacked.xlsx      (c) every table on ONE sheet, one under the other, starting at column
                               B, three blank rows between, hidden empty column D inside every table
  <name>-legacy.xlsx       (d) text amounts with thousands separators ("2,429.51", " 1,031.66 "),
                               "-" / " 0.00 " for zero cells of labelled rows
                           (e) header labels with line breaks ("对附属单\\n位补助\\n支出",
                               "上缴 上级\\n支出") and full-/half-width brackets swapped
                           (f) codes (科目代码) as numbers instead of text
  <name>-libreoffice.xlsx  (g) <name>.xlsx re-saved by LibreOffice (only when soffice exists)

openpyxl only; the output is deterministic (fixed document times, fixed ZIP entry times) except
the LibreOffice copy, which LibreOffice writes itself.

Run:  python3 SampleWorkbooks/make_samples.py [--no-libreoffice]
"""
import datetime
import io
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SEEDS = os.path.join(ROOT, "Tests", "Fixtures", "seeds")
FIXED_TIME = datetime.datetime(2025, 1, 1, 0, 0, 0)
AMOUNT_FORMAT = "#,##0.00"
COUNT_FORMAT = "0"

THIN = Side(style="thin")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
LEFT = Alignment(horizontal="left", vertical="center", wrap_text=False)
RIGHT = Alignment(horizontal="right", vertical="center")
NOTE = Alignment(horizontal="left", vertical="top", wrap_text=True)


class Options:
    def __init__(self, scale=1, text_amounts=False, zero_marks=False, header_breaks=False,
                 bracket_swap=False, codes_as_numbers=False, hidden_col=None):
        self.scale = Decimal(scale)
        self.text_amounts = text_amounts        # (d)
        self.zero_marks = zero_marks            # (d)
        self.header_breaks = header_breaks      # (e)
        self.bracket_swap = bracket_swap        # (e)
        self.codes_as_numbers = codes_as_numbers  # (f)
        self.hidden_col = hidden_col            # (c): table column index before which a hidden column sits
        self.counter = 0


# ---------------------------------------------------------------------------
# text variants
# ---------------------------------------------------------------------------

HEADER_BREAKS = {  # (e) explicit breaks for labels printed without them
    "对附属单位补助支出": "对附属单\n位补助\n支出",
    "上缴上级支出": "上缴 上级\n支出",
    "本年收入合计": "本年收入\n合计",
    "本年支出合计": "本年支出\n合计",
    "附属单位上缴收入": "附属单位上\n缴收入",
    "一般公共预算财政拨款": "一般公共预算\n财政拨款",
    "政府性基金预算财政拨款": "政府性基\n金预算财\n政拨款",
    "国有资本经营预算财政拨款": "国有资本经\n营预算财\n政拨款",
    "年初结转和结余": "年初结转\n和结余",
    "年末结转和结余": "年末结转和\n结余",
}

BRACKETS = str.maketrans({"（": "(", "）": ")", "(": "（", ")": "）"})


def header_text(text, printed, opt):
    if not text:
        return None
    if opt.header_breaks:
        if text in HEADER_BREAKS:
            text = HEADER_BREAKS[text]
        elif re.search(r"\s", printed.strip()):
            text = re.sub(r"\s+", "\n", printed.strip())
    if opt.bracket_swap:
        text = text.translate(BRACKETS)
    return text


def label_text(text, opt):
    if opt.bracket_swap and text:
        return text.translate(BRACKETS)
    return text


def unit_line(line, scale):
    if scale == 1:
        return line
    assert line.endswith("万元"), line
    return line[:-2] + "元"


# ---------------------------------------------------------------------------
# one table
# ---------------------------------------------------------------------------

def physical_columns(table):
    """(table column index → value key) for every value cell, plus label/code/line positions."""
    lay = table["layout"]
    kind = lay["kind"]
    keys = [c["key"] for c in table["columns"]]
    if kind == "pair":
        return {"income": {"label": 0, "line": 1, "values": {2: "income.amount"}},
                "expenditure": {"label": 3, "line": 4,
                                "values": {5 + i: k for i, k in enumerate(k for k in keys if k.startswith("expenditure."))}}}
    if kind == "coded":
        first = 3 if lay.get("line_col") is not None else 2
        return {"code": 0, "label": 1, "line": lay.get("line_col"),
                "values": {first + i: k for i, k in enumerate(keys)}}
    if kind == "sangong":
        return {"values": {i: k for i, k in enumerate(keys)}}
    if kind == "stats":
        return {"label": 0, "line": 1, "values": {2: "amount"}}
    if kind == "triplets":
        return {"triplets": lay["triplet_columns"]}
    raise ValueError(kind)


def col_widths(table):
    lay = table["layout"]
    kind, w = lay["kind"], lay["width"]
    if kind == "pair":
        return [34, 6, 14] + ([34, 6, 14] if w == 6 else [34, 6, 14, 14, 14, 14])
    if kind == "coded":
        base = [12, 34] + ([6] if lay.get("line_col") is not None else [])
        return base + [14] * (w - len(base))
    if kind == "triplets":
        return [9, 26, 11] * (w // 3)
    if kind == "sangong":
        return [12] * w
    if kind == "stats":
        return [44, 8, 14]
    raise ValueError(kind)


class Placer:
    def __init__(self, ws, top, left, width, opt):
        self.ws, self.top, self.left, self.width, self.opt = ws, top, left, width, opt

    def col(self, i):
        """sheet column (1-based) of table column i (0-based)."""
        shift = 1 if self.opt.hidden_col is not None and i >= self.opt.hidden_col else 0
        return self.left + i + shift

    def cell(self, r, i):
        return self.ws.cell(row=r, column=self.col(i))

    def merge(self, r1, i1, r2, i2):
        if (r1, i1) != (r2, i2):
            self.ws.merge_cells(start_row=r1, start_column=self.col(i1), end_row=r2, end_column=self.col(i2))


def write_amount(c, raw, opt, count=False):
    if count:
        c.value = int(raw)
        c.number_format = COUNT_FORMAT
        c.alignment = RIGHT
        return
    v = Decimal(raw) * opt.scale
    if opt.text_amounts:
        opt.counter += 1
        s = "{:,.2f}".format(v)
        c.value = (" %s " % s) if opt.counter % 3 == 0 else s
        c.alignment = RIGHT
        return
    c.value = int(v) if v == v.to_integral_value() else float(v)
    c.number_format = AMOUNT_FORMAT
    c.alignment = RIGHT


def write_zero(c, opt, table_index):
    opt.counter += 1
    c.value = "-" if table_index % 2 == 0 else " 0.00 "
    c.alignment = RIGHT


def render(ws, table, top, left, opt, table_index=0):
    """Write one table with its title, code and key lines from row `top`; return the next free row."""
    lay = table["layout"]
    kind, width = lay["kind"], lay["width"]
    p = Placer(ws, top, left, width, opt)
    na = {(x["row"], x["column"]): x["printed"] for x in table["not_applicable"]}
    phys = physical_columns(table)
    r = top

    # title, code, key lines
    c = p.cell(r, 0)
    c.value = table["title"]
    c.font = Font(bold=True, size=16)
    c.alignment = Alignment(horizontal="center", vertical="center")
    p.merge(r, 0, r, width - 1)
    ws.row_dimensions[r].height = 30
    r += 1
    c = p.cell(r, width - 1)
    c.value = table["code"]
    c.alignment = RIGHT
    r += 1
    left_lines = [k for k in table["key_lines"] if not re.search(r"单位：万元$", k) and not re.fullmatch(r"\d{4}年度", k)]
    year_lines = [k for k in table["key_lines"] if re.fullmatch(r"\d{4}年度", k)]
    unit_lines = [k for k in table["key_lines"] if re.search(r"单位：万元$", k)]
    assert len(left_lines) <= 1 and len(year_lines) <= 1 and len(unit_lines) == 1, table["key_lines"]
    if left_lines:
        c = p.cell(r, 0)
        c.value = left_lines[0]
        c.alignment = LEFT
    if year_lines:
        c = p.cell(r, width // 2)
        c.value = year_lines[0]
        c.alignment = Alignment(horizontal="center")
    c = p.cell(r, width - 1)
    c.value = unit_line(unit_lines[0], opt.scale)
    c.alignment = RIGHT
    r += 1

    # header block
    h0 = r
    for hi, (row, printed) in enumerate(zip(lay["header_rows"], lay["header_rows_printed"])):
        for i in range(width):
            c = p.cell(r, i)
            if hi == lay.get("number_row"):
                txt = row[i]
                if txt.isdigit():
                    c.value = int(txt)
                elif txt:
                    c.value = txt
            else:
                c.value = header_text(row[i], printed[i], opt)
            c.alignment = CENTER
            c.border = BORDER
            if hi != lay.get("number_row"):
                c.font = Font(bold=True)
        ws.row_dimensions[r].height = 48 if opt.header_breaks else 30
        r += 1
    for ref in lay["header_merges"]:
        m = re.fullmatch(r"([A-Z]+)(\d+):([A-Z]+)(\d+)", ref)
        ci = lambda s: sum((ord(ch) - 64) * 26 ** k for k, ch in enumerate(reversed(s))) - 1
        p.merge(h0 + int(m.group(2)) - 1, ci(m.group(1)), h0 + int(m.group(4)) - 1, ci(m.group(3)))

    def grid_border(row):
        for i in range(width):
            p.cell(row, i).border = BORDER

    def put_values(row_rec, mapping, rr, labelled):
        for i, key in mapping.items():
            c = p.cell(rr, i)
            raw = row_rec["values"].get(key)
            mark = na.get((row_rec["key"], key))
            if raw is not None:
                write_amount(c, raw, opt, count=row_rec.get("quantity") == "count")
            elif mark is not None:
                c.value = mark
                c.alignment = Alignment(horizontal="center")
            elif opt.zero_marks and labelled and row_rec.get("quantity") != "count":
                write_zero(c, opt, table_index)

    def put_code(c, code):
        if code is None:
            return
        if opt.codes_as_numbers:
            c.value = int(code)
            c.number_format = "0"
        else:
            c.value = code
            c.number_format = "@"
        c.alignment = LEFT

    rows = table["rows"]
    if kind == "pair":
        inc = sorted((x for x in rows if x["key"].startswith("income:")), key=lambda x: int(x["line"]))
        exp = sorted((x for x in rows if x["key"].startswith("expenditure:")), key=lambda x: int(x["line"]))
        assert len(inc) == len(exp)
        for a, b in zip(inc, exp):
            for side, rec in (("income", a), ("expenditure", b)):
                m = phys[side]
                c = p.cell(r, m["label"])
                c.value = label_text(rec["label"], opt) or None
                c.alignment = LEFT
                c = p.cell(r, m["line"])
                c.value = int(rec["line"])
                c.alignment = Alignment(horizontal="center")
                put_values(rec, m["values"], r, bool(rec["label"]))
            grid_border(r)
            r += 1
    elif kind == "coded":
        for rec in rows:
            if rec["key"] == "合计":
                c = p.cell(r, 0)
                c.value = "合计"
                c.alignment = Alignment(horizontal="center")
            else:
                put_code(p.cell(r, 0), rec["code"])
                c = p.cell(r, 1)
                c.value = label_text(rec["label"], opt)
                c.alignment = LEFT
            if phys["line"] is not None:
                c = p.cell(r, phys["line"])
                c.value = int(rec["line"])
                c.alignment = Alignment(horizontal="center")
            put_values(rec, phys["values"], r, True)
            grid_border(r)
            r += 1
    elif kind == "sangong":
        for rec in rows:
            put_values(rec, phys["values"], r, True)
            grid_border(r)
            r += 1
    elif kind == "stats":
        by_key = {x["key"]: x for x in rows}
        for item in lay["body"]:
            if "literal" in item:
                lit = item["literal"]
                heading = lit[1] == "" and lit[2] == ""
                for i, txt in enumerate(lit):
                    if txt:
                        c = p.cell(r, i)
                        c.value = header_text(txt, txt, opt) if not heading else label_text(txt, opt)
                        c.alignment = LEFT if heading else CENTER
                        c.font = Font(bold=True)
                if heading:
                    p.merge(r, 0, r, width - 1)
            else:
                rec = by_key[item["row"]]
                c = p.cell(r, 0)
                c.value = label_text(rec["label"], opt)
                c.alignment = LEFT
                c = p.cell(r, 1)
                c.value = int(rec["line"])
                c.alignment = Alignment(horizontal="center")
                put_values(rec, phys["values"], r, True)
            grid_border(r)
            r += 1
    elif kind == "triplets":
        trip = [[x for x in rows if x.get("triplet") == k + 1] for k in range(len(phys["triplets"]))]
        assert max(len(t) for t in trip) == lay["body_rows"]
        for n in range(lay["body_rows"]):
            for k, cols in enumerate(phys["triplets"]):
                if n < len(trip[k]):
                    rec = trip[k][n]
                    put_code(p.cell(r, cols[0]), rec["code"])
                    c = p.cell(r, cols[1])
                    c.value = label_text(rec["label"], opt)
                    c.alignment = LEFT
                    put_values(rec, {cols[2]: "amount"}, r, True)
            grid_border(r)
            r += 1
        for f in lay["footer"]:
            rec = next(x for x in rows if x["key"] == f["row"])
            c = p.cell(r, f["label_col"])
            c.value = rec["label"]
            c.alignment = Alignment(horizontal="center")
            c.font = Font(bold=True)
            if f["value_col"] - 1 > f["label_col"]:
                p.merge(r, f["label_col"], r, f["value_col"] - 1)
            put_values(rec, {f["value_col"]: "amount"}, r, True)
        grid_border(r)
        r += 1
    else:
        raise ValueError(kind)

    # notes
    for note in table["notes"]:
        c = p.cell(r, 0)
        c.value = note
        c.alignment = NOTE
        p.merge(r, 0, r, width - 1)
        ws.row_dimensions[r].height = 18 * max(1, len(note) // 60 + 1)
        r += 1

    # column widths (the widest wins on a shared sheet)
    for i, wdt in enumerate(col_widths(table)):
        letter = get_column_letter(p.col(i))
        cur = ws.column_dimensions[letter].width or 0
        if wdt > cur:
            ws.column_dimensions[letter].width = wdt
    return r


# ---------------------------------------------------------------------------
# workbooks
# ---------------------------------------------------------------------------

def sheet_name(table):
    return "公开%s表" % table["id"]


def new_workbook():
    wb = Workbook()
    wb.remove(wb.active)
    wb.properties.creator = "Juesuan make_samples.py"
    wb.properties.created = FIXED_TIME
    wb.properties.modified = FIXED_TIME
    return wb


def save(wb, path):
    """Save, then make the file byte-deterministic: fixed dcterms:modified and ZIP entry times."""
    buf = io.BytesIO()
    wb.save(buf)
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                              rb"\g<1>2025-01-01T00:00:00Z\g<2>", data)
            zi = zipfile.ZipInfo(info.filename, date_time=(2025, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o600 << 16
            dst.writestr(zi, data)
    with open(path, "wb") as f:
        f.write(out.getvalue())


def page_setup(ws):
    ws.sheet_view.showGridLines = False
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0


def one_per_sheet(doc, opt, names=None, order=None, cover=None):
    wb = new_workbook()
    if cover:
        cover(wb)
    tables = doc["tables"]
    order = order if order is not None else list(range(len(tables)))
    for n in order:
        t = tables[n]
        ws = wb.create_sheet(names[n] if names else sheet_name(t))
        render(ws, t, 1, 1, opt, n)
        page_setup(ws)
    return wb


def stacked(doc, opt):
    wb = new_workbook()
    ws = wb.create_sheet("决算报表")
    r = 1
    for n, t in enumerate(doc["tables"]):
        r = render(ws, t, r, 2, opt, n) + 3
    hidden = get_column_letter(2 + opt.hidden_col)
    ws.column_dimensions[hidden].hidden = True
    ws.column_dimensions[hidden].width = 4
    ws.column_dimensions["A"].width = 3
    page_setup(ws)
    return wb


def cover_sheet(doc):
    def make(wb):
        ws = wb.create_sheet("封面")
        ws["B2"] = "%d年度部门决算报表" % doc["year"]
        ws["B2"].font = Font(bold=True, size=18)
        ws["B4"] = "报送单位：" + doc["department"]
        ws["B5"] = "报送日期：%d年5月" % (doc["year"] + 1)
        ws["B7"] = "附：本年度资料报送清单"
        ws["B8"], ws["C8"], ws["D8"] = "序号", "资料名称", "份数"
        for i, (name, n) in enumerate((("部门决算报表", 1), ("部门决算情况说明", 1), ("绩效自评报告", 8)), 1):
            ws.cell(row=8 + i, column=2, value=i)
            ws.cell(row=8 + i, column=3, value=name)
            ws.cell(row=8 + i, column=4, value=n)
        ws.column_dimensions["C"].width = 24
    return make


SHUFFLE_NAMES = ["Sheet3", "收入", "表五", "支出", "Sheet1", "三公", "总表", "财拨", "明细(2)", "表十",
                 "Sheet7", "附表", "统计"]


def shuffled(doc, seed):
    tables = doc["tables"]
    rng = random.Random(seed)
    order = list(range(len(tables)))
    rng.shuffle(order)
    pool = SHUFFLE_NAMES[:len(tables)]
    rng.shuffle(pool)
    names = {n: pool[i] for i, n in enumerate(order)}
    wb = one_per_sheet(doc, Options(), names=names, order=order, cover=cover_sheet(doc))
    return wb, [(names[n], tables[n]["code"]) for n in order]


def libreoffice_copy(src, dst):
    soffice = shutil.which("soffice")
    if not soffice:
        print("  soffice not found; %s not written" % os.path.basename(dst))
        return False
    with tempfile.TemporaryDirectory() as tmp:
        indir = os.path.join(tmp, "in")
        outdir = os.path.join(tmp, "out")
        os.makedirs(indir)
        shutil.copy(src, os.path.join(indir, "book.xlsx"))
        cmd = [soffice, "--headless", "-env:UserInstallation=file:///tmp/lo-profile-samples",
               "--convert-to", "xlsx", "--outdir", outdir, os.path.join(indir, "book.xlsx")]
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=300)
        shutil.copy(os.path.join(outdir, "book.xlsx"), dst)
    return True


def main():
    use_lo = "--no-libreoffice" not in sys.argv[1:]
    jobs = [("zezhou-2024.json", "zezhou-2024-gk10", 2024), ("dachuan-2023.json", "dachuan-2023-sc13", 2023)]
    for src, base, seed in jobs:
        with open(os.path.join(SEEDS, src), encoding="utf-8") as f:
            doc = json.load(f)
        out = lambda suffix: os.path.join(HERE, base + suffix + ".xlsx")
        save(one_per_sheet(doc, Options()), out(""))
        save(one_per_sheet(doc, Options(scale=10000)), out("-yuan"))
        wb, mapping = shuffled(doc, seed)
        save(wb, out("-shuffled"))
        save(stacked(doc, Options(hidden_col=2)), out("-stacked"))
        save(one_per_sheet(doc, Options(text_amounts=True, zero_marks=True, header_breaks=True,
                                        bracket_swap=True, codes_as_numbers=True)), out("-legacy"))
        print("%s: wrote %s{,-yuan,-shuffled,-stacked,-legacy}.xlsx" % (src, base))
        print("  shuffled sheets: " + ", ".join("%s=%s" % m for m in mapping))
        if use_lo and libreoffice_copy(out(""), out("-libreoffice")):
            print("  wrote %s-libreoffice.xlsx" % base)


if __name__ == "__main__":
    main()
