#!/usr/bin/env python3
"""Write the legacy .xls fixtures of this folder, and what xlrd reads from each.

Run:  python3 Tests/Fixtures/xls/make_xls_fixtures.py [--skip-libreoffice] [--skip-xlrd]

* `<name>.xls` for every `Tests/Fixtures/workbook/*.xlsx` (except the 100k-row one: BIFF8 stops
  at 65,536 rows) and every `SampleWorkbooks/*.xlsx`, converted by LibreOffice:
  soffice --headless -env:UserInstallation=file:///tmp/lo-xls --convert-to xls --outdir DIR FILE
* `handmade-biff8-records.xls` and `handmade-biff5-gbk.xls`, written record by record with
  `biff_writer.py` (what LibreOffice never writes; see README.md).
* `<name>.xlrd.json` for every .xls: the cells as xlrd 2.x (an independent BIFF reader) reads
  them, in the json dump format of `juesuan dump` (conventions §2). Needs `pip install xlrd`.

Without LibreOffice (or with --skip-libreoffice) the committed conversions are kept; likewise
the committed .xlrd.json files without xlrd. LibreOffice stamps times into the files it
writes, so re-running changes their bytes but not their content; everything else is
byte-identical.
"""

import argparse
import json
import re
import shutil
import struct
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent.parent
sys.path.insert(0, str(HERE))
import biff_writer as bw  # noqa: E402

SKIP = {"xlsxwriter-large-100k.xlsx"}


# --------------------------------------------------------------------------------------
# LibreOffice conversions
# --------------------------------------------------------------------------------------

def libreoffice_sources():
    files = sorted(p for p in (ROOT / "Tests/Fixtures/workbook").glob("*.xlsx") if p.name not in SKIP)
    return files + sorted((ROOT / "SampleWorkbooks").glob("*.xlsx"))


def convert_with_libreoffice():
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        print("soffice not found: keeping the committed conversions", file=sys.stderr)
        return
    sources = libreoffice_sources()
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([soffice, "--headless", "-env:UserInstallation=file:///tmp/lo-xls",
                        "--convert-to", "xls", "--outdir", tmp] + [str(p) for p in sources],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=600)
        for src in sources:
            out = Path(tmp) / (src.stem + ".xls")
            if not out.exists():
                raise SystemExit(f"LibreOffice did not convert {src}")
            shutil.copyfile(out, HERE / out.name)
            print("wrote", out.name)


# --------------------------------------------------------------------------------------
# Hand-made BIFF8: the records LibreOffice does not write
# --------------------------------------------------------------------------------------

def handmade_biff8():
    strings = ["项目", "金额", "中国共产党泽州县委员会政法委员会", "line1\nline2", "tab\there"]
    # XF 15 General, 16 built-in 14 (date), 17 yyyy-mm-dd, 18 #,##0.00, 19 hh:mm:ss,
    # 20 built-in 22 (m/d/yy h:mm), 21 built-in 46 ([h]:mm:ss, a duration), 22 0.00%
    globals_ = (bw.bof(0x0005) + bw.rec(bw.CODEPAGE, struct.pack("<H", 1200))
                + bw.rec(bw.DATEMODE, struct.pack("<H", 0))
                + b"".join(bw.font() for _ in range(4))
                + bw.fmt(164, "yyyy-mm-dd") + bw.fmt(165, "#,##0.00") + bw.fmt(166, "hh:mm:ss")
                + bw.standard_xfs([0, 14, 164, 165, 166, 22, 46, 10])
                + bw.boundsheet("记录") + bw.boundsheet("Hidden", hidden=1)
                + bw.boundsheet("VeryHidden", hidden=2) + bw.boundsheet("图表", sheet_type=2)
                + bw.boundsheet("空表")
                + bw.sst(strings) + bw.eof())

    chart_inside = (bw.bof(0x0020) + bw.number(0, 0, 999.0) + bw.dimension(0, 1, 0, 1) + bw.eof())
    records = (
        bw.bof(0x0010)
        # DIMENSION claims A1:C3 (the cells reach G15 and A101): FreeXL alone fails the file.
        + bw.dimension(0, 3, 0, 3)
        + bw.dimension(0, 65536, 0, 256)  # a second, lying DIMENSION
        + bw.colinfo(0, 0, 20 * 256) + bw.colinfo(3, 3, 0, hidden=True)
        + bw.row(0) + bw.row(2, height_twips=600, custom=True) + bw.row(5, hidden=True)
        # row 1
        + bw.labelsst(0, 0, 0) + bw.labelsst(0, 1, 1)
        # row 2
        + bw.label(1, 0, "LABEL 文本") + bw.number(1, 1, 13759.26, 18) + bw.labelsst(1, 2, 2)
        # row 3: RK as an integer, as an integer / 100, as the high bits of a double
        + bw.label(2, 0, "plain latin") + bw.rk_int(2, 1, 42) + bw.rk_int(2, 2, 1375926, times_100=True)
        + bw.rk_float(2, 3, 2.5)
        # row 4: MULRK
        + bw.mulrk(3, 0, [1, 2, 3, -7])
        # row 5: BOOLERR booleans and errors
        + bw.boolerr(4, 0, 1, False) + bw.boolerr(4, 1, 0, False) + bw.boolerr(4, 2, 0x07, True)
        + bw.boolerr(4, 3, 0x2A, True) + bw.boolerr(4, 4, 0x17, True)
        # row 6 (hidden)
        + bw.label(5, 0, "隐藏行")
        # row 7: formula results
        + bw.formula(6, 0, 2429.5100000000002) + bw.formula(6, 1, ("string",)) + bw.string_records("公式结果")
        + bw.formula(6, 2, ("bool", 1)) + bw.formula(6, 3, ("error", 0x0F)) + bw.formula(6, 4, ("empty",))
        + bw.formula(6, 5, ("string",)) + bw.string_records("continued 续写的字符串", split_at=5)
        # row 8: dates, times, a duration
        + bw.number(7, 0, 45366.0, 16) + bw.number(7, 1, 45366.573263888888, 17) + bw.number(7, 2, 0.5, 19)
        + bw.number(7, 3, 1.5, 21) + bw.rk_int(7, 4, 45366, 17) + bw.number(7, 5, 45366.5, 20)
        + bw.number(7, 6, 0.2105, 22)
        # row 9: styled blanks, small/large numbers
        + bw.mulblank(8, 0, 3) + bw.blank(8, 3) + bw.number(8, 4, 1e-7) + bw.number(8, 5, 123456789012345.0)
        + bw.number(8, 6, 1.5e300)
        # row 10: an empty LABEL (FreeXL refuses it as a "crafted file"), then text with escapes
        + bw.label(9, 0, "") + bw.labelsst(9, 1, 3) + bw.labelsst(9, 2, 4)
        + bw.rec(bw.DBCELL, bytes(6))
        # an embedded chart: its records must not reach the sheet (A1 stays 项目)
        + chart_inside
        # a second row block: merges' top-left cells, a far row without a ROW record
        + bw.row(11) + bw.label(11, 0, "合并") + bw.label(13, 1, "纵向合并") + bw.number(100, 0, 7.0)
        + bw.merged([(11, 11, 0, 2), (13, 14, 1, 1)])
        + bw.rec(bw.WINDOW2, struct.pack("<HHHHH", 0x06B6, 0, 0, 0x40, 0) + bytes(8))
        + bw.eof())
    hidden = bw.bof(0x0010) + bw.dimension(0, 1, 0, 1) + bw.label(0, 0, "hidden sheet") + bw.eof()
    very_hidden = bw.bof(0x0010) + bw.number(0, 0, 1.0) + bw.eof()  # no DIMENSION at all
    chart = bw.bof(0x0020) + bw.eof()
    empty = bw.bof(0x0010) + bw.dimension(0, 0, 0, 0) + bw.eof()
    stream = bw.workbook_stream(globals_, [records, hidden, very_hidden, chart, empty])
    summary = b"\xfe\xff" + bytes(46)
    # The Workbook is the 6th directory entry and, below 4096 bytes, lives in the mini stream.
    assert len(stream) < bw.CUTOFF, len(stream)
    data, _, _ = bw.compound_file([("\x05SummaryInformation", summary), ("\x05DocumentSummaryInformation", summary),
                                   ("\x01CompObj", bytes(100)), ("Ole", bytes(20)), ("Extra", bytes(64)),
                                   ("Workbook", stream)])
    return data


def handmade_biff5_gbk():
    enc = "cp936"
    globals_ = (bw.bof(0x0005, biff=5) + bw.rec(bw.CODEPAGE, struct.pack("<H", 936))
                + bw.rec(bw.DATEMODE, struct.pack("<H", 1))
                + b"".join(bw.font(biff=5) for _ in range(4))
                + bw.fmt(164, 'yyyy"年"m"月"d"日"', biff=5) + bw.fmt(165, "#,##0.00", biff=5)
                + bw.standard_xfs([0, 164, 165], biff=5)
                + bw.boundsheet("收入支出决算总表", biff=5) + bw.boundsheet("第二表", hidden=1, biff=5)
                + bw.eof())
    # (The formula's cached text is ASCII: whether a BIFF5 STRING counts GBK characters or bytes
    # is read differently by xlrd (characters) and LibreOffice (bytes).)
    body = (bw.label(0, 0, "项目", biff=5) + bw.label(0, 1, "金额", biff=5)
            + bw.label(1, 0, "中国共产党泽州县委员会政法委员会", biff=5) + bw.number(1, 1, 13759.26, 17)
            + bw.label(2, 0, "日期（1904 日期系统）", biff=5) + bw.number(2, 1, 43904.0, 16)
            + bw.label(3, 0, "公式", biff=5) + bw.formula(3, 1, ("string",)) + bw.string_records("SUM ok", biff=5)
            + bw.boolerr(4, 0, 1, False) + bw.boolerr(4, 1, 0x07, True)
            + bw.rk_int(5, 0, 2010101) + bw.label(5, 1, "一般公共服务支出", biff=5))
    # Enough rows that the stream passes 4096 bytes and lives in regular sectors.
    for r in range(6, 260):
        body += bw.rk_int(r, 0, 2010100 + r) + bw.number(r, 1, r * 1.25, 17)
    sheet1 = bw.bof(0x0010, biff=5) + bw.dimension(0, 260, 0, 2, biff=5) + body + bw.eof()
    sheet2 = bw.bof(0x0010, biff=5) + bw.label(0, 0, "第二表的文字", biff=5) + bw.eof()
    stream = bw.workbook_stream(globals_, [sheet1, sheet2], biff=5)
    assert len(stream) >= bw.CUTOFF
    data, _, _ = bw.compound_file([("Book", stream), ("\x05SummaryInformation", b"\xfe\xff" + bytes(46))])
    return data


# --------------------------------------------------------------------------------------
# xlrd's reading, in the dump json format
# --------------------------------------------------------------------------------------

def strip_format(code):
    """The tokens of a format's first section outside quotes, escapes and brackets, and whether a
    bracket holds an elapsed-time unit ([h], [mm], [ss])."""
    section = re.split(r';(?=(?:[^"]*"[^"]*")*[^"]*$)', code)[0]
    out, elapsed, i = [], False, 0
    while i < len(section):
        ch = section[i]
        if ch == '"':
            j = section.find('"', i + 1)
            i = len(section) if j < 0 else j + 1
            continue
        if ch in "\\_*":
            i += 2
            continue
        if ch == "[":
            j = section.find("]", i + 1)
            inner = section[i + 1:j if j >= 0 else len(section)].lower()
            if inner and set(inner) <= set("hms"):
                elapsed = True
            i = len(section) if j < 0 else j + 1
            continue
        if ch in "上下":
            out.append("h")
        elif ch.lower() in "ymdhs":
            out.append(ch.lower())
        i += 1
    return out, elapsed


def date_kind(code):
    """'date', 'time' or None (a number), as the dump conventions present a formatted number."""
    if code in ("General", "@"):
        return None
    tokens, elapsed = strip_format(code)
    if elapsed:
        return None
    has_date = has_time = False
    for k, t in enumerate(tokens):
        if t in "yd":
            has_date = True
        elif t in "hs":
            has_time = True
        elif t == "m":
            before = next((x for x in reversed(tokens[:k]) if x != "m"), None)
            after = next((x for x in tokens[k + 1:] if x != "m"), None)
            if before == "h" or after == "s":
                has_time = True
            else:
                has_date = True
    return "date" if has_date else ("time" if has_time else None)


def iso(serial, datemode, kind):
    import xlrd
    seconds = round(serial * 86400)
    day, second = divmod(seconds, 86400)
    time = "%02d:%02d:%02d" % (second // 3600, second // 60 % 60, second % 60)
    if kind == "time" or (datemode == 0 and day == 0 and 0 < serial < 1):
        return time
    if datemode == 0 and day == 60:
        date = "1900-02-29"
    else:
        y, m, d, _, _, _ = xlrd.xldate_as_tuple(float(day), datemode)
        date = "%04d-%02d-%02d" % (y, m, d)
    return date if second == 0 else date + "T" + time


def a1(r, c):
    letters = ""
    c += 1
    while c:
        c, rem = divmod(c - 1, 26)
        letters = chr(65 + rem) + letters
    return f"{letters}{r + 1}"


def xlrd_dump(path):
    import xlrd
    book = xlrd.open_workbook(str(path), formatting_info=True)
    sheets = []
    for sheet in book.sheets():
        rows = []
        for r in range(sheet.nrows):
            cells = []
            for c in range(sheet.ncols):
                cell = sheet.cell(r, c)
                if cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
                    continue
                xf = book.xf_list[cell.xf_index]
                code = book.format_map[xf.format_key].format_str if xf.format_key in book.format_map else "General"
                entry = {"ref": a1(r, c)}
                if cell.ctype == xlrd.XL_CELL_TEXT:
                    entry.update(type="string", value=cell.value)
                elif cell.ctype in (xlrd.XL_CELL_NUMBER, xlrd.XL_CELL_DATE):
                    kind = date_kind(code)
                    if kind:
                        entry.update(type="date", value=iso(cell.value, book.datemode, kind))
                    else:
                        entry.update(type="number", value=repr(cell.value))
                elif cell.ctype == xlrd.XL_CELL_BOOLEAN:
                    entry.update(type="boolean", value="TRUE" if cell.value else "FALSE")
                elif cell.ctype == xlrd.XL_CELL_ERROR:
                    entry.update(type="error", value=xlrd.error_text_from_code.get(cell.value, "#N/A"))
                if code != "General":
                    entry["format"] = code
                cells.append(entry)
            if cells:
                rows.append({"row": r + 1, "cells": cells})
        merged = [a1(rlo, clo) + ("" if (rhi - rlo, chi - clo) == (1, 1) else ":" + a1(rhi - 1, chi - 1))
                  for rlo, rhi, clo, chi in sheet.merged_cells]
        sheets.append({"name": sheet.name, "visible": ["visible", "hidden", "veryHidden"][sheet.visibility],
                       "rows": rows, "merged": merged})
    return {"sheets": sheets}


def write_xlrd_dumps():
    try:
        import xlrd  # noqa: F401
    except ImportError:
        print("xlrd not installed (pip install xlrd): keeping the committed .xlrd.json files", file=sys.stderr)
        return
    for path in sorted(HERE.glob("*.xls")):
        out = path.with_suffix(".xlrd.json")
        out.write_text(json.dumps(xlrd_dump(path), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print("wrote", out.name)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--skip-libreoffice", action="store_true")
    parser.add_argument("--skip-xlrd", action="store_true")
    args = parser.parse_args()
    if not args.skip_libreoffice:
        convert_with_libreoffice()
    (HERE / "handmade-biff8-records.xls").write_bytes(handmade_biff8())
    (HERE / "handmade-biff5-gbk.xls").write_bytes(handmade_biff5_gbk())
    print("wrote handmade-biff8-records.xls, handmade-biff5-gbk.xls")
    if not args.skip_xlrd:
        write_xlrd_dumps()


if __name__ == "__main__":
    main()
