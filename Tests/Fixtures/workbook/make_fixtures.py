#!/usr/bin/env python3
"""Write the SpreadsheetKit reader fixtures into this folder.

Independent producers, so the Swift reader is never only tested against its own writer:

* openpyxl   (pip install openpyxl)       -> openpyxl-*.xlsx
* XlsxWriter (pip install XlsxWriter)     -> xlsxwriter-*.xlsx
* LibreOffice (`soffice`, Debian package libreoffice-calc) -> libreoffice-*.xlsx
* hand-written ZIP/XML (stdlib zipfile)   -> handmade-*.xlsx, each with a
  handmade-*.expected.json that states the true content in the "dump json" format
  (written from the same data as the XML, not by any reader).

Run:  python3 Tests/Fixtures/workbook/make_fixtures.py [--skip-libreoffice]

Re-running produces equivalent files. openpyxl, XlsxWriter and handmade outputs are
byte-identical between runs (fixed document timestamps, fixed ZIP entry times, seeded
random data); the LibreOffice outputs are equivalent in content (LibreOffice stamps its
own metadata).
"""

import argparse
import datetime as dt
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
from pathlib import Path

HERE = Path(__file__).resolve().parent
FIXED_TIME = dt.datetime(2024, 1, 1, 0, 0, 0)
ZIP_TIME = (1980, 1, 1, 0, 0, 0)

CHINESE_TITLE = "收入支出决算总表"
CHINESE_ORG = "中国共产党泽州县委员会政法委员会"


# --------------------------------------------------------------------------------------
# helpers
# --------------------------------------------------------------------------------------

def normalize_python_zip(path):
    """Make a zip written by Python's zipfile (openpyxl) byte-reproducible.

    Rewrites every entry with a fixed timestamp and pins dcterms:created/modified in
    docProps/core.xml. Only used on openpyxl output, which is written by Python's zipfile
    anyway, so the container producer does not change.
    """
    with zipfile.ZipFile(path) as zin:
        entries = [(info, zin.read(info.filename)) for info in zin.infolist()]
    stamp = FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ")
    tmp = path.with_suffix(".tmp")
    with zipfile.ZipFile(tmp, "w") as zout:
        for info, data in entries:
            if info.filename == "docProps/core.xml":
                text = data.decode("utf-8")
                text = re.sub(r"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:)",
                              lambda m: m.group(1) + stamp + m.group(3), text)
                data = text.encode("utf-8")
            zi = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            zi.compress_type = info.compress_type
            zi.external_attr = info.external_attr
            zout.writestr(zi, data)
    os.replace(tmp, path)


def write_zip(path, parts):
    """Write a package from an ordered list of (part name, str|bytes), deterministically."""
    with zipfile.ZipFile(path, "w") as z:
        for name, data in parts:
            if isinstance(data, str):
                data = data.encode("utf-8")
            zi = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            z.writestr(zi, data)


def write_expected(path, expected):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(expected, f, ensure_ascii=False, indent=1)
        f.write("\n")


def cell(ref, typ, value, formula=None, fmt=None):
    """One cell of an expected dump."""
    d = {"ref": ref, "type": typ, "value": value}
    if fmt is not None:
        d["format"] = fmt
    if formula is not None:
        d["formula"] = formula
    return d


def rows_of(cells):
    """Group expected cells into the dump's sorted rows."""
    from openpyxl.utils.cell import coordinate_from_string, column_index_from_string
    by_row = {}
    for c in cells:
        col, row = coordinate_from_string(c["ref"])
        by_row.setdefault(row, []).append((column_index_from_string(col), c))
    return [{"row": r, "cells": [c for _, c in sorted(by_row[r], key=lambda t: t[0])]}
            for r in sorted(by_row)]


def expected_doc(sheets, date1904=False, column_widths=None, row_heights=None,
                 comments=None, defined_names=None):
    return {
        "sheets": [{"name": n, "visible": vis, "merged": merged, "rows": rows_of(cells)}
                   for (n, vis, merged, cells) in sheets],
        "date1904": date1904,
        "column_widths": column_widths or {},
        "row_heights": row_heights or {},
        "comments": comments or {},
        "defined_names": defined_names or {},
    }


# --------------------------------------------------------------------------------------
# openpyxl
# --------------------------------------------------------------------------------------

def openpyxl_workbook():
    import openpyxl
    wb = openpyxl.Workbook()
    wb.properties.creator = "Juesuan fixtures"
    wb.properties.created = FIXED_TIME
    wb.properties.modified = FIXED_TIME
    return wb


def openpyxl_save(wb, name):
    path = HERE / name
    wb.save(path)
    normalize_python_zip(path)
    return path


def make_openpyxl():
    import openpyxl
    from openpyxl.cell.rich_text import CellRichText, TextBlock
    from openpyxl.cell.text import InlineFont
    from openpyxl.comments import Comment
    from openpyxl.styles import Font
    from openpyxl.utils.datetime import CALENDAR_MAC_1904
    from openpyxl.workbook.defined_name import DefinedName
    from openpyxl.worksheet.formula import ArrayFormula

    # ---- values -------------------------------------------------------------------
    wb = openpyxl_workbook()
    ws = wb.active
    ws.title = CHINESE_TITLE
    ws["A1"] = "项目"
    ws["B1"] = "金额"
    ws["C1"] = "备注"
    ws["A2"] = CHINESE_ORG
    ws["B2"] = 13759.26
    ws["B2"].number_format = "#,##0.00"
    ws["A3"] = CHINESE_TITLE
    ws["B3"] = -2429.51
    ws["B3"].number_format = "#,##0.00_);[Red](#,##0.00)"
    ws["A4"] = "0.1"                 # a string that looks like a number
    ws["B4"] = 0.1
    ws["A5"] = "1e-7"
    ws["B5"] = 1e-7
    ws["A6"] = "大整数"
    ws["B6"] = 123456789012345
    ws["A7"] = "零"
    ws["B7"] = 0
    ws["A8"] = "整数"
    ws["B8"] = 42
    ws["C8"] = -7
    ws["D8"] = 3.0                   # float that is integral
    ws["E8"] = 1.5e300
    ws["A9"] = "百分比"
    ws["B9"] = 0.2105
    ws["B9"].number_format = "0.00%"
    ws["C9"] = 1234.5
    ws["C9"].number_format = "0.00"  # built-in format id 2
    ws["A10"] = "布尔"
    ws["B10"] = True
    ws["C10"] = False
    ws["A11"] = "错误"
    ws["B11"] = "#DIV/0!"            # openpyxl stores known error codes as t="e"
    ws["C11"] = "#N/A"
    ws["A12"] = "特殊字符"
    ws["B12"] = "a\tb"
    ws["C12"] = "line1\nline2"
    ws["D12"] = "C:\\path\\file.txt"
    ws["E12"] = "  leading and trailing  "
    ws["F12"] = "<&>\"'"
    ws["A13"] = "富文本"
    ws["B13"] = CellRichText(["普通", TextBlock(InlineFont(b=True), "加粗"),
                              TextBlock(InlineFont(i=True, color="FFFF0000"), " red italic")])
    ws["A14"] = "项目"               # repeated strings
    ws["B14"] = CHINESE_TITLE
    ws["A15"] = "2010101"            # text code
    ws["B15"] = "=1+1"               # a *string* that starts with "="
    ws["B15"].data_type = "s"
    ws["B2"].comment = Comment("来源：决算报表", "fixture")
    ws["A1"].comment = Comment("header comment", "fixture")
    ws.column_dimensions["A"].width = 40
    ws.column_dimensions["B"].width = 15.5
    ws.column_dimensions["C"].width = 12.5
    ws.row_dimensions[1].height = 30
    ws.row_dimensions[13].height = 20
    quoted = "'" + CHINESE_TITLE + "'"
    wb.defined_names["总计"] = DefinedName("总计", attr_text=f"{quoted}!$B$2:$B$3")
    wb.defined_names["Amounts"] = DefinedName("Amounts", attr_text=f"{quoted}!$B$2:$B$8")
    wb.defined_names["TaxRate"] = DefinedName("TaxRate", attr_text="0.2105")
    ws.defined_names["LocalHeader"] = DefinedName("LocalHeader", attr_text=f"{quoted}!$A$1")
    openpyxl_save(wb, "openpyxl-values.xlsx")

    # ---- formulas, no cached values -------------------------------------------------
    wb = openpyxl_workbook()
    ws = wb.active
    ws.title = "Formulas"
    ws["A1"] = 1
    ws["A2"] = 2
    ws["A3"] = 3.5
    ws["A4"] = "=SUM(A1:A3)"
    ws["B1"] = "=A1*2"
    ws["B2"] = '=IF(A1>1,"大","小")'
    ws["B3"] = "=1/0"
    ws["B4"] = '=CONCATENATE("a","b")'
    ws["B5"] = "=Data!A1"
    ws["B6"] = "=A1>0"
    ws["B7"] = "=DATE(2024,3,15)"
    ws["B7"].number_format = "yyyy-mm-dd"
    ws["C1"] = ArrayFormula("C1:C3", "=A1:A3*2")
    data = wb.create_sheet("Data")
    data["A1"] = 13759.26
    openpyxl_save(wb, "openpyxl-formulas-no-cache.xlsx")

    # ---- dates, 1900 and 1904 --------------------------------------------------------
    def date_sheet(ws, date1904=False):
        early = (("1904-01-02", dt.date(1904, 1, 2), "yyyy-mm-dd") if date1904 else
                 ("1900-03-01", dt.date(1900, 3, 1), "yyyy-mm-dd"))
        rows = [
            ("date", dt.date(2024, 3, 15), "yyyy-mm-dd"),
            ("datetime", dt.datetime(2024, 3, 15, 13, 45, 30), "yyyy-mm-dd hh:mm:ss"),
            ("time", dt.time(13, 45, 30), "hh:mm:ss"),
            ("midnight datetime", dt.datetime(2024, 2, 29, 0, 0, 0), "yyyy-mm-dd hh:mm"),
            ("chinese format", dt.date(2023, 12, 31), 'yyyy"年"m"月"d"日"'),
            ("m/d/yy", dt.date(2000, 1, 1), "m/d/yy"),
            early,                # serial 61 (1900 system) / serial 1 (1904 system)
            ("1950-06-15", dt.date(1950, 6, 15), "d-mmm-yy"),
            ("noon", dt.datetime(2024, 3, 15, 12, 0, 0), "yyyy-mm-dd hh:mm:ss"),
            ("duration", dt.timedelta(hours=36), "[h]:mm:ss"),
        ]
        ws["A1"] = "kind"
        ws["B1"] = "value"
        for i, (label, value, fmt) in enumerate(rows, start=2):
            ws.cell(row=i, column=1, value=label)
            c = ws.cell(row=i, column=2, value=value)
            c.number_format = fmt
        ws.cell(row=len(rows) + 2, column=1, value="serial as plain number")
        ws.cell(row=len(rows) + 2, column=2, value=45366)
        ws.column_dimensions["B"].width = 22

    wb = openpyxl_workbook()
    date_sheet(wb.active)
    wb.active.title = "Dates1900"
    openpyxl_save(wb, "openpyxl-dates-1900.xlsx")

    wb = openpyxl_workbook()
    wb.epoch = CALENDAR_MAC_1904
    date_sheet(wb.active, date1904=True)
    wb.active.title = "Dates1904"
    openpyxl_save(wb, "openpyxl-dates-1904.xlsx")

    # ---- merges ----------------------------------------------------------------------
    wb = openpyxl_workbook()
    ws = wb.active
    ws.title = "Merges"
    ws["A1"] = "横向合并 A1:C1"
    ws.merge_cells("A1:C1")
    ws["E1"] = "纵向 E1:E4"
    ws.merge_cells("E1:E4")
    ws["A3"] = 13759.26
    ws.merge_cells("A3:C5")
    ws["A7"] = "after merges"
    openpyxl_save(wb, "openpyxl-merges.xlsx")

    # ---- hidden sheets ---------------------------------------------------------------
    wb = openpyxl_workbook()
    ws = wb.active
    ws.title = "Visible"
    ws["A1"] = "visible sheet"
    h = wb.create_sheet("Hidden")
    h["A1"] = "hidden sheet"
    h.sheet_state = "hidden"
    vh = wb.create_sheet("VeryHidden")
    vh["A1"] = "very hidden sheet"
    vh.sheet_state = "veryHidden"
    last = wb.create_sheet("第二个可见")
    last["A1"] = 2
    openpyxl_save(wb, "openpyxl-hidden-sheets.xlsx")

    # ---- sparse: skipped rows and columns, styled blanks ------------------------------
    wb = openpyxl_workbook()
    ws = wb.active
    ws.title = "Sparse"
    ws["A1"] = "A1"
    ws["D1"] = "D1"
    ws["B3"].font = Font(bold=True)      # styled blank: <c r="B3" s="1"/>, no value
    ws["B5"] = 5
    ws["F5"] = "F5"
    ws["AA100"] = "AA100"
    ws["XFD1048576"] = "last cell"
    openpyxl_save(wb, "openpyxl-sparse.xlsx")


# --------------------------------------------------------------------------------------
# XlsxWriter
# --------------------------------------------------------------------------------------

def xlsxwriter_workbook(name, options=None):
    import xlsxwriter
    wb = xlsxwriter.Workbook(str(HERE / name), options or {})
    wb.set_properties({"author": "Juesuan fixtures", "created": FIXED_TIME})
    return wb


def make_xlsxwriter():
    # ---- values (shared strings) -----------------------------------------------------
    wb = xlsxwriter_workbook("xlsxwriter-values.xlsx")
    ws = wb.add_worksheet(CHINESE_TITLE)
    money = wb.add_format({"num_format": "#,##0.00"})
    pct = wb.add_format({"num_format": "0.00%"})
    bold = wb.add_format({"bold": True})
    red = wb.add_format({"color": "red", "italic": True})
    ws.write_string("A1", "项目")
    ws.write_string("B1", "金额")
    ws.write_string("A2", CHINESE_ORG)
    ws.write_number("B2", 13759.26, money)
    ws.write_string("A3", CHINESE_TITLE)
    ws.write_number("B3", -2429.51, money)
    ws.write_string("A4", "0.1")
    ws.write_number("B4", 0.1)
    ws.write_number("B5", 1e-7)
    ws.write_number("B6", 123456789012345)
    ws.write_number("B7", 0)
    ws.write_number("B8", 42)
    ws.write_number("C8", -7)
    ws.write_number("B9", 0.2105, pct)
    ws.write_boolean("B10", True)
    ws.write_boolean("C10", False)
    ws.write_string("B12", "a\tb")
    ws.write_string("C12", "line1\nline2")
    ws.write_string("D12", "C:\\path\\file.txt")
    ws.write_string("E12", "  leading and trailing  ")
    ws.write_string("F12", "<&>\"'")
    ws.write_rich_string("B13", "普通", bold, "加粗", red, " red italic")
    ws.write_string("A14", "项目")           # repeated -> same shared string index
    ws.write_string("B14", CHINESE_TITLE)
    ws.write_string("A15", "2010101")
    ws.write_string("B15", "=1+1")           # a string, not a formula
    ws.write_blank("C15", None, bold)        # styled blank
    ws.write_comment("B2", "来源：决算报表")
    ws.set_column("A:A", 40)
    ws.set_column("B:C", 15.5)               # one <col min="2" max="3">
    ws.set_row(0, 30)
    ws.set_row(12, 20)
    wb.define_name("总计", f"='{CHINESE_TITLE}'!$B$2:$B$3")
    wb.define_name("TaxRate", "=0.2105")
    wb.define_name(f"'{CHINESE_TITLE}'!LocalHeader", f"='{CHINESE_TITLE}'!$A$1")
    wb.close()

    # ---- formulas with cached values -------------------------------------------------
    wb = xlsxwriter_workbook("xlsxwriter-formulas-cached.xlsx")
    ws = wb.add_worksheet("Formulas")
    datefmt = wb.add_format({"num_format": "yyyy-mm-dd"})
    ws.write_number("A1", 1)
    ws.write_number("A2", 2)
    ws.write_number("A3", 3.5)
    ws.write_formula("A4", "=SUM(A1:A3)", None, 6.5)
    ws.write_formula("B1", "=A1*2", None, 2)
    ws.write_formula("B2", '=IF(A1>1,"大","小")', None, "小")
    ws.write_formula("B3", "=1/0", None, "#DIV/0!")
    ws.write_formula("B4", '=CONCATENATE("a","b")', None, "ab")
    ws.write_formula("B5", "=Data!A1", None, 13759.26)
    ws.write_formula("B6", "=A1>0", None, True)
    ws.write_formula("B7", "=DATE(2024,3,15)", datefmt, 45366)
    ws.write_formula("B8", "=NA()", None, "#N/A")
    ws.write_formula("B9", '=""', None, "")           # empty-string result
    ws.write_formula("B10", "=A1+A2")                   # no value given: XlsxWriter stores 0
    ws.write_array_formula("C1:C3", "{=A1:A3*2}", None, 2)
    data = wb.add_worksheet("Data")
    data.write_number("A1", 13759.26)
    wb.close()

    # ---- dates 1900 and 1904 ----------------------------------------------------------
    for name, opts in (("xlsxwriter-dates-1900.xlsx", {}),
                       ("xlsxwriter-dates-1904.xlsx", {"date_1904": True})):
        wb = xlsxwriter_workbook(name, opts)
        ws = wb.add_worksheet("Dates")
        rows = [
            (dt.date(2024, 3, 15), "yyyy-mm-dd"),
            (dt.datetime(2024, 3, 15, 13, 45, 30), "yyyy-mm-dd hh:mm:ss"),
            (dt.time(13, 45, 30), "hh:mm:ss"),
            (dt.date(2023, 12, 31), 'yyyy"年"m"月"d"日"'),
            (dt.date(2000, 1, 1), "m/d/yy"),
            (dt.datetime(2024, 2, 29, 0, 0), "yyyy-mm-dd hh:mm"),
        ]
        for i, (value, fmt) in enumerate(rows):
            ws.write_datetime(i, 0, value, wb.add_format({"num_format": fmt}))
        ws.write_number(len(rows), 0, 45366)          # plain number, General
        ws.set_column("A:A", 22)
        wb.close()

    # ---- merges and hidden sheets -----------------------------------------------------
    wb = xlsxwriter_workbook("xlsxwriter-merges-hidden.xlsx")
    ws = wb.add_worksheet("Merges")
    center = wb.add_format({"align": "center", "valign": "vcenter"})
    ws.merge_range("A1:C1", "横向合并 A1:C1", center)
    ws.merge_range("E1:E4", "纵向 E1:E4", center)
    ws.merge_range("A3:C5", 13759.26, center)
    ws.write_string("A7", "after merges")
    hid = wb.add_worksheet("Hidden")
    hid.write_string("A1", "hidden sheet")
    hid.hide()
    vh = wb.add_worksheet("VeryHidden")
    vh.write_string("A1", "very hidden sheet")
    vh.very_hidden()
    ws.activate()
    wb.close()

    # ---- constant_memory: inline strings, rows written in order ------------------------
    wb = xlsxwriter_workbook("xlsxwriter-constant-memory.xlsx", {"constant_memory": True})
    ws = wb.add_worksheet("Streamed")
    money = wb.add_format({"num_format": "#,##0.00"})
    datefmt = wb.add_format({"num_format": "yyyy-mm-dd"})
    bold = wb.add_format({"bold": True})
    ws.write_row(0, 0, ["科目编码", "科目名称", "金额", "日期", "备注"])
    ws.write_string(1, 0, "2010101")
    ws.write_string(1, 1, CHINESE_ORG)
    ws.write_number(1, 2, 13759.26, money)
    ws.write_datetime(1, 3, dt.date(2024, 3, 15), datefmt)
    ws.write_string(1, 4, "a\tb\nc \\ d")
    ws.write_string(2, 0, "2010102")
    ws.write_string(2, 1, CHINESE_TITLE)
    ws.write_number(2, 2, -2429.51, money)
    ws.write_boolean(2, 3, True)
    ws.write_rich_string(2, 4, "普通", bold, "加粗")
    ws.write_formula(3, 2, "=SUM(C2:C3)", money, 11329.75)
    ws.write_string(5, 1, "row 6 after a gap")
    wb.close()

    # ---- 100,000-row sheet ------------------------------------------------------------
    make_large()


def make_large():
    rng = random.Random(20240315)
    heads = ["一般公共服务", "国防", "公共安全", "教育", "科学技术", "文化旅游体育与传媒",
             "社会保障和就业", "卫生健康", "节能环保", "城乡社区", "农林水", "交通运输",
             "资源勘探工业信息", "商业服务业", "金融", "自然资源海洋气象", "住房保障",
             "粮油物资储备", "灾害防治及应急管理", "其他"]
    tails = ["行政运行", "一般行政管理事务", "机关服务", "专项业务", "事业运行",
             "信息化建设", "培训支出", "基本建设", "对个人和家庭的补助", "其他支出",
             "人大会议", "政协会议", "代表工作", "专项服务", "委员视察", "参政议政",
             "政府办公厅", "发展与改革事务", "统计信息事务", "财政事务", "税收事务",
             "审计事务", "海关事务", "纪检监察事务", "商贸事务"]
    labels = [f"{h}{t}" for h in heads for t in tails]          # 500 distinct labels
    codes = [f"2{i // 25 + 1:02d}{i % 25 + 1:02d}{k:02d}" for i in range(500) for k in (1, 2)]

    wb = xlsxwriter_workbook("xlsxwriter-large-100k.xlsx")
    ws = wb.add_worksheet("决算明细")
    money = wb.add_format({"num_format": "#,##0.00"})
    ws.write_row(0, 0, ["科目编码", "科目名称", "年初预算数", "调整预算数", "决算数",
                        "基本支出", "项目支出", "上年结转", "年末结余", "单位"])
    units = [CHINESE_ORG, "泽州县财政局", "泽州县教育局", "泽州县卫生健康局"]
    for r in range(1, 100001):
        i = (r - 1) // 100                                     # sorted by code, like a real ledger
        ws.write_string(r, 0, codes[i])
        ws.write_string(r, 1, labels[i // 2])
        for c in range(2, 9):
            if rng.random() < 0.6:
                ws.write_number(r, c, 0, money)
            else:
                ws.write_number(r, c, rng.randrange(0, 5_000_000) / 100, money)
        ws.write_string(r, 9, units[i % len(units)])
    ws.set_column("B:B", 30)
    wb.close()


# --------------------------------------------------------------------------------------
# LibreOffice
# --------------------------------------------------------------------------------------

FODS = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2"
 office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
 <office:automatic-styles>
  <number:date-style style:name="N37"><number:year number:style="long"/><number:text>-</number:text><number:month number:style="long"/><number:text>-</number:text><number:day number:style="long"/></number:date-style>
  <number:number-style style:name="N4"><number:number number:decimal-places="2" number:min-decimal-places="2" number:min-integer-digits="1" number:grouping="true"/></number:number-style>
  <number:percentage-style style:name="N11"><number:number number:decimal-places="2" number:min-decimal-places="2" number:min-integer-digits="1"/><number:text>%</number:text></number:percentage-style>
  <style:style style:name="co1" style:family="table-column"><style:table-column-properties style:column-width="2.5in"/></style:style>
  <style:style style:name="co2" style:family="table-column"><style:table-column-properties style:column-width="1.2in"/></style:style>
  <style:style style:name="ta1" style:family="table"><style:table-properties table:display="true"/></style:style>
  <style:style style:name="ta2" style:family="table"><style:table-properties table:display="false"/></style:style>
  <style:style style:name="ce1" style:family="table-cell" style:data-style-name="N37"/>
  <style:style style:name="ce2" style:family="table-cell" style:data-style-name="N4"/>
  <style:style style:name="ce3" style:family="table-cell" style:data-style-name="N11"/>
 </office:automatic-styles>
 <office:body>
  <office:spreadsheet>
   <table:table table:name="决算" table:style-name="ta1">
    <table:table-column table:style-name="co1"/>
    <table:table-column table:style-name="co2" table:number-columns-repeated="3"/>
    <table:table-row>
     <table:table-cell office:value-type="string" table:number-columns-spanned="3" table:number-rows-spanned="1"><text:p>收入支出决算总表</text:p></table:table-cell>
     <table:covered-table-cell table:number-columns-repeated="2"/>
     <table:table-cell office:value-type="string"><text:p>单位：元</text:p></table:table-cell>
    </table:table-row>
    <table:table-row>
     <table:table-cell office:value-type="string"><text:p>项目</text:p></table:table-cell>
     <table:table-cell office:value-type="string"><text:p>金额</text:p></table:table-cell>
     <table:table-cell office:value-type="string"><text:p>日期</text:p></table:table-cell>
     <table:table-cell office:value-type="string"><text:p>比例</text:p></table:table-cell>
    </table:table-row>
    <table:table-row>
     <table:table-cell office:value-type="string"><text:p>中国共产党泽州县委员会政法委员会</text:p></table:table-cell>
     <table:table-cell table:style-name="ce2" office:value-type="float" office:value="13759.26"><text:p>13,759.26</text:p></table:table-cell>
     <table:table-cell table:style-name="ce1" office:value-type="date" office:date-value="2024-03-15"><text:p>2024-03-15</text:p></table:table-cell>
     <table:table-cell table:style-name="ce3" office:value-type="percentage" office:value="0.2105"><text:p>21.05%</text:p></table:table-cell>
    </table:table-row>
    <table:table-row>
     <table:table-cell office:value-type="string"><text:p>其他</text:p></table:table-cell>
     <table:table-cell table:style-name="ce2" office:value-type="float" office:value="-2429.51"><text:p>-2,429.51</text:p></table:table-cell>
     <table:table-cell office:value-type="float" office:value="0.1"><text:p>0.1</text:p></table:table-cell>
     <table:table-cell office:value-type="float" office:value="123456789012345"><text:p>123456789012345</text:p></table:table-cell>
    </table:table-row>
    <table:table-row>
     <table:table-cell office:value-type="string"><text:p>合计</text:p></table:table-cell>
     <table:table-cell table:style-name="ce2" table:formula="of:=SUM([.B3:.B4])" office:value-type="float" office:value="11329.75"><text:p>11,329.75</text:p></table:table-cell>
     <table:table-cell table:formula="of:=CONCATENATE([.A3];&quot;!&quot;)" office:value-type="string" office:string-value="中国共产党泽州县委员会政法委员会!"><text:p>中国共产党泽州县委员会政法委员会!</text:p></table:table-cell>
     <table:table-cell table:formula="of:=[.B3]&gt;0" office:value-type="boolean" office:boolean-value="true"><text:p>TRUE</text:p></table:table-cell>
    </table:table-row>
    <table:table-row>
     <table:table-cell office:value-type="boolean" office:boolean-value="false"><text:p>FALSE</text:p></table:table-cell>
     <table:table-cell table:number-columns-repeated="2"/>
     <table:table-cell office:value-type="string"><text:p>line1</text:p><text:p>line2 \\ backslash</text:p></table:table-cell>
    </table:table-row>
    <table:table-row table:number-rows-repeated="2">
     <table:table-cell/>
    </table:table-row>
    <table:table-row>
     <table:table-cell office:value-type="string" table:number-columns-spanned="1" table:number-rows-spanned="2"><text:p>纵向合并</text:p></table:table-cell>
     <table:table-cell office:value-type="float" office:value="1E-07"><text:p>1E-07</text:p></table:table-cell>
    </table:table-row>
    <table:table-row>
     <table:covered-table-cell/>
     <table:table-cell office:value-type="float" office:value="0"><text:p>0</text:p></table:table-cell>
    </table:table-row>
   </table:table>
   <table:table table:name="隐藏" table:style-name="ta2">
    <table:table-row>
     <table:table-cell office:value-type="string"><text:p>hidden sheet</text:p></table:table-cell>
    </table:table-row>
   </table:table>
  </office:spreadsheet>
 </office:body>
</office:document>
"""


def soffice_convert(src, target_filter, outdir):
    profile = "file:///tmp/lo-profile-fixtures"
    cmd = ["soffice", f"-env:UserInstallation={profile}", "--headless", "--norestore",
           "--convert-to", target_filter, "--outdir", str(outdir), str(src)]
    subprocess.run(cmd, check=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                   timeout=300)


def make_libreoffice():
    if shutil.which("soffice") is None:
        print("warning: soffice not found; LibreOffice fixtures not regenerated",
              file=sys.stderr)
        return
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        src = tmp / "libreoffice-from-fods.fods"
        src.write_text(FODS, encoding="utf-8")
        soffice_convert(src, "xlsx", tmp)
        shutil.copyfile(tmp / "libreoffice-from-fods.xlsx", HERE / "libreoffice-from-fods.xlsx")
        # an openpyxl file whose formulas have no cached values: LibreOffice computes them
        src2 = tmp / "libreoffice-recalculated-formulas.xlsx"
        shutil.copyfile(HERE / "openpyxl-formulas-no-cache.xlsx", src2)
        out = tmp / "out"
        out.mkdir()
        soffice_convert(src2, "xlsx:Calc MS Excel 2007 XML", out)
        shutil.copyfile(out / src2.name, HERE / src2.name)


# --------------------------------------------------------------------------------------
# hand-made packages
# --------------------------------------------------------------------------------------

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
STRICT_MAIN = "http://purl.oclc.org/ooxml/spreadsheetml/main"
STRICT_R = "http://purl.oclc.org/ooxml/officeDocument/relationships"

CT_WORKBOOK = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
CT_SHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
CT_SST = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
CT_STYLES = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"
CT_RELS = "application/vnd.openxmlformats-package.relationships+xml"

XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def content_types(overrides):
    body = "".join(f'<Override PartName="{p}" ContentType="{t}"/>' for p, t in overrides)
    return (XML_DECL + f'<Types xmlns="{CT_NS}">'
            f'<Default Extension="rels" ContentType="{CT_RELS}"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            f"{body}</Types>")


def rels(items):
    body = "".join(f'<Relationship Id="{i}" Type="{t}" Target="{tg}"/>' for i, t, tg in items)
    return XML_DECL + f'<Relationships xmlns="{PKG_RELS}">{body}</Relationships>'


def root_rels(rel_ns=R, target="xl/workbook.xml"):
    return rels([("rId1", f"{rel_ns}/officeDocument", target)])


def workbook_xml(sheets, main=MAIN, r=R, date1904=False, extra=""):
    pr = '<workbookPr date1904="1"/>' if date1904 else "<workbookPr/>"
    body = "".join(f'<sheet name="{n}" sheetId="{i}" r:id="{rid}"{st}/>'
                   for i, (n, rid, st) in enumerate(sheets, start=1))
    return (XML_DECL + f'<workbook xmlns="{main}" xmlns:r="{r}">{pr}'
            f"<sheets>{body}</sheets>{extra}</workbook>")


def sheet_xml(sheetdata, main=MAIN, r=R, before="", after=""):
    return (XML_DECL + f'<worksheet xmlns="{main}" xmlns:r="{r}">{before}'
            f"<sheetData>{sheetdata}</sheetData>{after}</worksheet>")


def styles_xml(numfmts, main=MAIN):
    """cellXfs: index 0 General, then one xf per (numFmtId, code-or-None)."""
    custom = [(i, c) for i, c in numfmts if c is not None]
    nf = ""
    if custom:
        nf = (f'<numFmts count="{len(custom)}">' +
              "".join(f'<numFmt numFmtId="{i}" formatCode="{c}"/>' for i, c in custom) +
              "</numFmts>")
    xfs = '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' + "".join(
        f'<xf numFmtId="{i}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
        for i, _ in numfmts)
    return (XML_DECL + f'<styleSheet xmlns="{main}">{nf}'
            '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
            '<fills count="2"><fill><patternFill patternType="none"/></fill>'
            '<fill><patternFill patternType="gray125"/></fill></fills>'
            '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
            '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
            f'<cellXfs count="{len(numfmts) + 1}">{xfs}</cellXfs>'
            '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
            "</styleSheet>")


def sst_xml(items, main=MAIN):
    """items: raw inner XML of each <si>."""
    body = "".join(f"<si>{x}</si>" for x in items)
    return (XML_DECL + f'<sst xmlns="{main}" count="{len(items)}" uniqueCount="{len(items)}">'
            f"{body}</sst>")


def simple_package(path, sheets, sst=None, styles=None, date1904=False, wb_extra=""):
    """sheets: list of (name, sheet xml, state attr string)."""
    overrides = [("/xl/workbook.xml", CT_WORKBOOK)]
    wrels = []
    wsheets = []
    parts = []
    for i, (name, xml, state) in enumerate(sheets, start=1):
        overrides.append((f"/xl/worksheets/sheet{i}.xml", CT_SHEET))
        wrels.append((f"rId{i}", f"{R}/worksheet", f"worksheets/sheet{i}.xml"))
        wsheets.append((name, f"rId{i}", state))
        parts.append((f"xl/worksheets/sheet{i}.xml", xml))
    n = len(sheets)
    if styles is not None:
        overrides.append(("/xl/styles.xml", CT_STYLES))
        wrels.append((f"rId{n + 1}", f"{R}/styles", "styles.xml"))
        parts.append(("xl/styles.xml", styles))
    if sst is not None:
        overrides.append(("/xl/sharedStrings.xml", CT_SST))
        wrels.append((f"rId{n + 2}", f"{R}/sharedStrings", "sharedStrings.xml"))
        parts.append(("xl/sharedStrings.xml", sst))
    write_zip(path, [("[Content_Types].xml", content_types(overrides)),
                     ("_rels/.rels", root_rels()),
                     ("xl/workbook.xml", workbook_xml(wsheets, date1904=date1904,
                                                      extra=wb_extra)),
                     ("xl/_rels/workbook.xml.rels", rels(wrels))] + parts)


def make_handmade():
    # (a) rows and cells without r attributes ------------------------------------------
    # Missing row r = previous row + 1; missing cell r = previous cell's column + 1,
    # restarting at column A in every row.
    data = (
        "<row><c t=\"inlineStr\"><is><t>A1 no r</t></is></c><c><v>2</v></c><c><v>3.5</v></c></row>"
        "<row><c><v>10</v></c><c r=\"D2\"><v>40</v></c><c><v>50</v></c></row>"
        "<row r=\"5\"><c t=\"inlineStr\"><is><t>row 5</t></is></c></row>"
        "<row><c r=\"C6\" t=\"b\"><v>1</v></c><c t=\"inlineStr\"><is><t>D6</t></is></c></row>"
        "<row r=\"8\"><c r=\"B8\"><v>-2429.51</v></c></row>"
        "<row><c><v>1E-7</v></c></row>"
    )
    path = HERE / "handmade-no-r-attributes.xlsx"
    simple_package(path, [("NoRefs", sheet_xml(data), "")])
    write_expected(path.with_suffix(".expected.json"), expected_doc([
        ("NoRefs", "visible", [], [
            cell("A1", "string", "A1 no r"), cell("B1", "number", "2"),
            cell("C1", "number", "3.5"),
            cell("A2", "number", "10"), cell("D2", "number", "40"), cell("E2", "number", "50"),
            cell("A5", "string", "row 5"),
            cell("C6", "boolean", "TRUE"), cell("D6", "string", "D6"),
            cell("B8", "number", "-2429.51"),
            cell("A9", "number", "1e-07"),
        ])]))

    # (b) no sharedStrings part at all: inline strings only -----------------------------
    data = (
        '<row r="1"><c r="A1" t="inlineStr"><is><t>收入支出决算总表</t></is></c>'
        '<c r="B1" t="inlineStr"><is><t xml:space="preserve">  spaced  </t></is></c></row>'
        '<row r="2"><c r="A2" t="inlineStr"><is><r><rPr><b/></rPr><t>加粗</t></r>'
        '<r><t xml:space="preserve"> 普通</t></r></is></c>'
        '<c r="B2"><v>13759.26</v></c>'
        '<c r="C2" t="inlineStr"><is><t>tab\there</t></is></c></row>'
        '<row r="3"><c r="A3" t="inlineStr"><is><t></t></is></c>'
        '<c r="B3" t="inlineStr"><is><t>2010101</t></is></c></row>'
    )
    path = HERE / "handmade-inline-strings-no-sst.xlsx"
    simple_package(path, [("Inline", sheet_xml(data), ""),
                          ("Empty", sheet_xml(""), "")])
    write_expected(path.with_suffix(".expected.json"), expected_doc([
        ("Inline", "visible", [], [
            cell("A1", "string", CHINESE_TITLE), cell("B1", "string", "  spaced  "),
            cell("A2", "string", "加粗 普通"), cell("B2", "number", "13759.26"),
            cell("C2", "string", "tab\there"),
            cell("A3", "string", ""),
            cell("B3", "string", "2010101"),
        ]),
        ("Empty", "visible", [], []),
    ]))

    # (c) absolute targets, odd part names, rel ids out of sheet order ------------------
    path = HERE / "handmade-absolute-targets.xlsx"
    sst = sst_xml(["<t>第一个表</t>", "<t>second</t>"])
    s_a = sheet_xml('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>1</v></c></row>')
    s_b = sheet_xml('<row r="2"><c r="B2" t="s"><v>1</v></c><c r="C2"><v>2.5</v></c></row>')
    s_c = sheet_xml('<row r="1"><c r="A1" t="inlineStr"><is><t>third, relative ../ target</t></is></c></row>')
    write_zip(path, [
        ("[Content_Types].xml", content_types([
            ("/xl/workbook.xml", CT_WORKBOOK),
            ("/xl/worksheets/data_a.xml", CT_SHEET),
            ("/xl/sheets/second-part.xml", CT_SHEET),
            ("/xl/other/third.xml", CT_SHEET),
            ("/xl/text/strings.xml", CT_SST)])),
        ("_rels/.rels", root_rels(target="/xl/workbook.xml")),
        ("xl/workbook.xml", workbook_xml([("数据A", "rId7", ""), ("Second", "rId2", ""),
                                          ("Third", "rId3", "")])),
        ("xl/_rels/workbook.xml.rels", rels([
            ("rId2", f"{R}/worksheet", "/xl/sheets/second-part.xml"),
            ("rId5", f"{R}/sharedStrings", "/xl/text/strings.xml"),
            ("rId3", f"{R}/worksheet", "../xl/other/third.xml"),
            ("rId7", f"{R}/worksheet", "/xl/worksheets/data_a.xml")])),
        ("xl/text/strings.xml", sst),
        ("xl/sheets/second-part.xml", s_b),
        ("xl/other/third.xml", s_c),
        ("xl/worksheets/data_a.xml", s_a),
    ])
    write_expected(path.with_suffix(".expected.json"), expected_doc([
        ("数据A", "visible", [], [cell("A1", "string", "第一个表"), cell("B1", "number", "1")]),
        ("Second", "visible", [], [cell("B2", "string", "second"), cell("C2", "number", "2.5")]),
        ("Third", "visible", [], [cell("A1", "string", "third, relative ../ target")]),
    ]))

    # (d) Strict OOXML ------------------------------------------------------------------
    path = HERE / "handmade-strict-ooxml.xlsx"
    styles = styles_xml([(164, "yyyy-mm-dd"), (4, None)], main=STRICT_MAIN)
    sst = sst_xml(["<t>收入支出决算总表</t>", "<r><t>rich </t></r><r><rPr><b/></rPr><t>strict</t></r>"],
                  main=STRICT_MAIN)
    s1 = sheet_xml(
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>'
        '<row r="2"><c r="A2" s="2"><v>13759.26</v></c><c r="B2"><v>-2429.51</v></c>'
        '<c r="C2"><f>A2+B2</f><v>11329.75</v></c></row>'
        '<row r="3"><c r="A3" s="1"><v>45366</v></c>'
        '<c r="B3" t="d"><v>2024-03-15T13:45:30</v></c>'
        '<c r="C3" t="b"><v>1</v></c><c r="D3" t="e"><v>#N/A</v></c></row>',
        main=STRICT_MAIN, r=STRICT_R,
        after='<mergeCells count="1"><mergeCell ref="A5:C5"/></mergeCells>')
    s2 = sheet_xml('<row r="1"><c r="A1" t="inlineStr"><is><t>hidden strict</t></is></c></row>',
                   main=STRICT_MAIN, r=STRICT_R)
    wb = (XML_DECL + f'<workbook xmlns="{STRICT_MAIN}" xmlns:r="{STRICT_R}" conformance="strict">'
          '<workbookPr dateCompatibility="1"/><sheets>'
          '<sheet name="Strict" sheetId="1" r:id="rId1"/>'
          '<sheet name="StrictHidden" sheetId="2" state="hidden" r:id="rId2"/>'
          '</sheets><definedNames><definedName name="StrictTotal">Strict!$C$2</definedName>'
          '</definedNames></workbook>')
    write_zip(path, [
        ("[Content_Types].xml", content_types([
            ("/xl/workbook.xml", CT_WORKBOOK),
            ("/xl/worksheets/sheet1.xml", CT_SHEET),
            ("/xl/worksheets/sheet2.xml", CT_SHEET),
            ("/xl/styles.xml", CT_STYLES),
            ("/xl/sharedStrings.xml", CT_SST)])),
        ("_rels/.rels", root_rels(rel_ns=STRICT_R)),
        ("xl/workbook.xml", wb),
        ("xl/_rels/workbook.xml.rels", rels([
            ("rId1", f"{STRICT_R}/worksheet", "worksheets/sheet1.xml"),
            ("rId2", f"{STRICT_R}/worksheet", "worksheets/sheet2.xml"),
            ("rId3", f"{STRICT_R}/styles", "styles.xml"),
            ("rId4", f"{STRICT_R}/sharedStrings", "sharedStrings.xml")])),
        ("xl/worksheets/sheet1.xml", s1),
        ("xl/worksheets/sheet2.xml", s2),
        ("xl/styles.xml", styles),
        ("xl/sharedStrings.xml", sst),
    ])
    write_expected(path.with_suffix(".expected.json"), expected_doc([
        ("Strict", "visible", ["A5:C5"], [
            cell("A1", "string", CHINESE_TITLE), cell("B1", "string", "rich strict"),
            cell("A2", "number", "13759.26", fmt="#,##0.00"), cell("B2", "number", "-2429.51"),
            cell("C2", "number", "11329.75", formula="A2+B2"),
            cell("A3", "date", "2024-03-15", fmt="yyyy-mm-dd"),
            cell("B3", "date", "2024-03-15T13:45:30"),
            cell("C3", "boolean", "TRUE"), cell("D3", "error", "#N/A"),
        ]),
        ("StrictHidden", "hidden", [], [cell("A1", "string", "hidden strict")]),
    ], defined_names={"StrictTotal": "Strict!$C$2"}))

    # (e) shared strings: rich runs, phonetic runs, _xHHHH_ escapes ---------------------
    path = HERE / "handmade-sst-rich-phonetic.xlsx"
    items = [
        "<t>plain</t>",
        '<r><rPr><b/><sz val="11"/></rPr><t>收入</t></r><r><t xml:space="preserve"> 支出</t></r>',
        '<t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh><phoneticPr fontId="1" type="noConversion"/>',
        '<r><t>漢字</t></r><rPh sb="0" eb="2"><t>カンジ</t></rPh><phoneticPr fontId="1"/>',
        "<t>line1_x000D__x000A_line2</t>",
        "<t>literal _x005F_x000D_ kept</t>",
        "<t>tab_x0009_and bell_x0007_</t>",
        "<t/>",
        '<t xml:space="preserve">  two spaces  </t>',
        "<t>&lt;&amp;&gt;&quot;&apos;</t>",
        "<t>😀 astral</t>",
    ]
    data = "".join(f'<row r="{i}"><c r="A{i}" t="s"><v>{i - 1}</v></c></row>'
                   for i in range(1, len(items) + 1))
    data += '<row r="20"><c r="A20" t="s"><v>1</v></c><c r="B20" t="s"><v>2</v></c></row>'
    simple_package(path, [("SST", sheet_xml(data), "")], sst=sst_xml(items))
    values = ["plain", "收入 支出", "東京", "漢字", "line1\r\nline2", "literal _x000D_ kept",
              "tab\tand bell\x07", "", "  two spaces  ", "<&>\"'", "😀 astral"]
    cells = [cell(f"A{i}", "string", v) for i, v in enumerate(values, start=1)]
    cells += [cell("A20", "string", "收入 支出"), cell("B20", "string", "東京")]
    write_expected(path.with_suffix(".expected.json"),
                   expected_doc([("SST", "visible", [], cells)]))

    # (f) cell types: t="str", t="e", t="b", t="d", t="n" -------------------------------
    path = HERE / "handmade-cell-types.xlsx"
    styles = styles_xml([(14, None), (164, "yyyy-mm-dd hh:mm:ss")])
    data = (
        '<row r="1"><c r="A1" t="str"><f>CONCATENATE("a","b")</f><v>ab</v></c>'
        '<c r="B1" t="str"><v>str without formula</v></c>'
        '<c r="C1" t="str"><f>A1&amp;"!"</f><v>ab!</v></c>'
        '<c r="D1" t="str"><f>""</f><v></v></c></row>'
        '<row r="2"><c r="A2" t="e"><v>#DIV/0!</v></c><c r="B2" t="e"><v>#N/A</v></c>'
        '<c r="C2" t="e"><v>#REF!</v></c><c r="D2" t="e"><v>#VALUE!</v></c>'
        '<c r="E2" t="e"><v>#NAME?</v></c><c r="F2" t="e"><v>#NUM!</v></c>'
        '<c r="G2" t="e"><v>#NULL!</v></c>'
        '<c r="H2" t="e"><f>1/0</f><v>#DIV/0!</v></c></row>'
        '<row r="3"><c r="A3" t="b"><v>1</v></c><c r="B3" t="b"><v>0</v></c>'
        '<c r="C3" t="b"><f>1&gt;0</f><v>1</v></c></row>'
        '<row r="4"><c r="A4" t="d"><v>2024-03-15T00:00:00</v></c>'
        '<c r="B4" t="d"><v>2024-03-15T13:45:30</v></c>'
        '<c r="C4" t="d" s="2"><v>2024-03-15T13:45:30</v></c>'
        '<c r="D4" t="d"><v>1999-12-31T23:59:59</v></c></row>'
        '<row r="5"><c r="A5" t="n"><v>13759.26</v></c><c r="B5"><v>1E-7</v></c>'
        '<c r="C5"><v>-0.5</v></c><c r="D5"><v>123456789012345</v></c>'
        '<c r="E5" s="1"><v>45366</v></c><c r="F5"><v>1.5E+300</v></c></row>'
        '<row r="6"><c r="A6" s="1"/><c r="B6"/><c r="C6" t="n"/></row>'
    )
    simple_package(path, [("Types", sheet_xml(data), "")], styles=styles)
    write_expected(path.with_suffix(".expected.json"), expected_doc([
        ("Types", "visible", [], [
            cell("A1", "string", "ab", formula='CONCATENATE("a","b")'),
            cell("B1", "string", "str without formula"),
            cell("C1", "string", "ab!", formula='A1&"!"'),
            cell("D1", "string", "", formula='""'),
            cell("A2", "error", "#DIV/0!"), cell("B2", "error", "#N/A"),
            cell("C2", "error", "#REF!"), cell("D2", "error", "#VALUE!"),
            cell("E2", "error", "#NAME?"), cell("F2", "error", "#NUM!"),
            cell("G2", "error", "#NULL!"), cell("H2", "error", "#DIV/0!", formula="1/0"),
            cell("A3", "boolean", "TRUE"), cell("B3", "boolean", "FALSE"),
            cell("C3", "boolean", "TRUE", formula="1>0"),
            cell("A4", "date", "2024-03-15"), cell("B4", "date", "2024-03-15T13:45:30"),
            cell("C4", "date", "2024-03-15T13:45:30", fmt="yyyy-mm-dd hh:mm:ss"),
            cell("D4", "date", "1999-12-31T23:59:59"),
            cell("A5", "number", "13759.26"), cell("B5", "number", "1e-07"),
            cell("C5", "number", "-0.5"), cell("D5", "number", "123456789012345"),
            cell("E5", "date", "2024-03-15", fmt="mm-dd-yy"),
            cell("F5", "number", "1.5e+300"),
        ]),
    ]))

    # (g) shared formulas (and an array formula) ----------------------------------------
    path = HERE / "handmade-shared-formula.xlsx"
    rows = []
    for i in range(1, 5):
        a, b = i, i * 10
        if i == 1:
            f1 = '<f t="shared" ref="C1:C4" si="0">A1+B1</f>'
            f2 = '<f t="shared" ref="D1:D4" si="1">$A$1*B1</f>'
        else:
            f1 = '<f t="shared" si="0"/>'
            f2 = '<f t="shared" si="1"/>'
        rows.append(f'<row r="{i}"><c r="A{i}"><v>{a}</v></c><c r="B{i}"><v>{b}</v></c>'
                    f'<c r="C{i}">{f1}<v>{a + b}</v></c><c r="D{i}">{f2}<v>{1 * b}</v></c></row>')
    rows.append('<row r="5"><c r="A5"><f>SUM(A1:A4)</f><v>10</v></c>'
                '<c r="C5"><f t="shared" ref="C5:E5" si="2">SUM(C1:C4)</f><v>110</v></c>'
                '<c r="D5"><f t="shared" si="2"/><v>100</v></c>'
                '<c r="E5"><f t="shared" si="2"/><v>0</v></c></row>')
    rows.append('<row r="6"><c r="A6"><f t="array" ref="A6">SUM(A1:A4*B1:B4)</f><v>300</v></c></row>')
    simple_package(path, [("Shared", sheet_xml("".join(rows)), "")])
    cells = []
    for i in range(1, 5):
        cells += [cell(f"A{i}", "number", str(i)), cell(f"B{i}", "number", str(i * 10)),
                  cell(f"C{i}", "number", str(i + i * 10), formula=f"A{i}+B{i}"),
                  cell(f"D{i}", "number", str(i * 10), formula=f"$A$1*B{i}")]
    cells += [cell("A5", "number", "10", formula="SUM(A1:A4)"),
              cell("C5", "number", "110", formula="SUM(C1:C4)"),
              cell("D5", "number", "100", formula="SUM(D1:D4)"),
              cell("E5", "number", "0", formula="SUM(E1:E4)"),
              cell("A6", "number", "300", formula="SUM(A1:A4*B1:B4)")]
    write_expected(path.with_suffix(".expected.json"),
                   expected_doc([("Shared", "visible", [], cells)]))

    # (h) prefixed namespaces everywhere (as the .NET Open XML SDK writes them) ---------
    path = HERE / "handmade-prefixed-namespaces.xlsx"
    x = "x"
    wbx = (XML_DECL + f'<x:workbook xmlns:x="{MAIN}" xmlns:r="{R}"><x:sheets>'
           '<x:sheet name="Prefixed" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>')
    shx = (XML_DECL + f'<x:worksheet xmlns:x="{MAIN}"><x:sheetData>'
           '<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1"><x:v>13759.26</x:v></x:c>'
           '<x:c r="C1" t="inlineStr"><x:is><x:t>inline prefixed</x:t></x:is></x:c></x:row>'
           '<x:row r="2"><x:c r="A2"><x:f>B1*2</x:f><x:v>27518.52</x:v></x:c></x:row>'
           '</x:sheetData><x:mergeCells count="1"><x:mergeCell ref="A4:B4"/></x:mergeCells>'
           '</x:worksheet>')
    sstx = (XML_DECL + f'<x:sst xmlns:x="{MAIN}" count="1" uniqueCount="1">'
            '<x:si><x:t>前缀命名空间</x:t></x:si></x:sst>')
    relsx = (XML_DECL + f'<pr:Relationships xmlns:pr="{PKG_RELS}">'
             f'<pr:Relationship Id="rId1" Type="{R}/worksheet" Target="worksheets/sheet1.xml"/>'
             f'<pr:Relationship Id="rId2" Type="{R}/sharedStrings" Target="sharedStrings.xml"/>'
             "</pr:Relationships>")
    write_zip(path, [
        ("[Content_Types].xml", content_types([
            ("/xl/workbook.xml", CT_WORKBOOK), ("/xl/worksheets/sheet1.xml", CT_SHEET),
            ("/xl/sharedStrings.xml", CT_SST)])),
        ("_rels/.rels", root_rels()),
        ("xl/workbook.xml", wbx),
        ("xl/_rels/workbook.xml.rels", relsx),
        ("xl/worksheets/sheet1.xml", shx),
        ("xl/sharedStrings.xml", sstx),
    ])
    write_expected(path.with_suffix(".expected.json"), expected_doc([
        ("Prefixed", "visible", ["A4:B4"], [
            cell("A1", "string", "前缀命名空间"), cell("B1", "number", "13759.26"),
            cell("C1", "string", "inline prefixed"),
            cell("A2", "number", "27518.52", formula="B1*2"),
        ])]))


# --------------------------------------------------------------------------------------

def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--skip-libreoffice", action="store_true")
    args = ap.parse_args()
    make_openpyxl()
    make_xlsxwriter()
    make_handmade()
    if not args.skip_libreoffice:
        make_libreoffice()
    for p in sorted(HERE.glob("*.xlsx")):
        print(f"{p.stat().st_size:>10}  {p.name}")


if __name__ == "__main__":
    main()
