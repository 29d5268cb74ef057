#!/usr/bin/env python3
"""Write the bureau-template fixtures for `juesuan fill` into this folder.

A bureau sends its own template each year: the official tables, blank, with its own styles,
merged headers, print setup, and often a logo, comments, data validation, conditional formats
and formulas. These fixtures are such templates, made by three independent producers from the
published gk10-2024 sample tables (SampleWorkbooks/zezhou-2024-gk10.xlsx, itself made from the
seed transcription, not by Juesuan):

* openpyxl     -> openpyxl-gk10-template.xlsx    (needs Pillow for the image: pip install pillow)
* XlsxWriter   -> xlsxwriter-gk10-template.xlsx  (built cell by cell from the openpyxl template)
* LibreOffice  -> libreoffice-gk10-template.xlsx (the XlsxWriter template converted by soffice)

What every template has:
* every amount (number formatted #,##0.00 or 0) removed, the department name removed from the
  部门名称 lines ("部门名称：" stays), codes, labels, 行次 and 栏次 kept;
* in 公开03表 the row of code 2013602 removed (its code, name and amounts): a code the template
  does not list, so `fill` must report its amounts;
* formulas: 公开03表 合计 (C7:E7) sums the class rows, 公开01表 总计 (收入) adds lines 27–29;
* a PNG logo on 公开01表 (G1), a comment on 公开03表!C4, data validation (decimal >= 0) on the
  amounts of 公开03表, a conditional format (negative → red) on them, a defined name.

Run:  python3 Tests/Fixtures/templates/make_templates.py [--skip-libreoffice]

openpyxl and XlsxWriter outputs are byte-identical between runs (fixed times); the LibreOffice
output is equivalent in content (LibreOffice stamps its own metadata).
"""

import argparse
import datetime as dt
import io
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import zipfile
import zlib
from pathlib import Path

import openpyxl
import xlsxwriter
from openpyxl.comments import Comment
from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import PatternFill
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.workbook.defined_name import DefinedName

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent.parent
SAMPLE = ROOT / "SampleWorkbooks" / "zezhou-2024-gk10.xlsx"
FIXED_TIME = dt.datetime(2024, 1, 1, 0, 0, 0)
ZIP_TIME = (1980, 1, 1, 0, 0, 0)
DROPPED_CODE = "2013602"


def logo_png(width=48, height=24):
    """A small two-colour PNG written with zlib only (a bureau's logo)."""
    rows = []
    for y in range(height):
        row = bytearray([0])
        for x in range(width):
            row += bytes((200, 30, 30)) if (x // 6 + y // 6) % 2 == 0 else bytes((250, 220, 60))
        rows.append(bytes(row))
    raw = b"".join(rows)

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def normalize_python_zip(path):
    """Fixed ZIP entry times and document times, so re-running gives the same bytes."""
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
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = info.external_attr
            zout.writestr(zi, data)
    os.replace(tmp, path)


def blank_template():
    """The published sample with its figures and department removed (openpyxl workbook)."""
    wb = openpyxl.load_workbook(SAMPLE)
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if isinstance(c.value, (int, float)) and c.number_format in ("#,##0.00", "0", "#,##0"):
                    c.value = None
                elif isinstance(c.value, str) and re.match(r"^(部门名称|单位名称|部门|编制单位)[：:]", c.value):
                    c.value = re.sub(r"^((部门名称|单位名称|部门|编制单位)[：:]).*$", r"\1", c.value)
    ws = wb["公开03表"]
    for row in ws.iter_rows():
        if row[0].value == DROPPED_CODE:
            for c in row:
                c.value = None
    return wb


def decorate(wb):
    """Formulas, a comment, validation, a conditional format and a defined name."""
    ws3 = wb["公开03表"]
    class_rows = [c.row for c in ws3["A"] if isinstance(c.value, str) and re.fullmatch(r"\d{3}", c.value)]
    total_row = next(c.row for c in ws3["A"] if c.value == "合计")
    last_row = max(c.row for c in ws3["A"] if isinstance(c.value, str) and re.fullmatch(r"\d{3,7}", c.value))
    for col in "CDE":
        ws3[f"{col}{total_row}"] = "=" + "+".join(f"{col}{r}" for r in class_rows)
    ws3["C4"].comment = Comment("请按决算数填列，单位万元", "财政局")
    dv = DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="0",
                        error="金额不能为负数", errorTitle="输入错误", showErrorMessage=True)
    dv.add(f"C{total_row + 1}:H{last_row}")
    ws3.add_data_validation(dv)
    ws3.conditional_formatting.add(f"C{total_row}:H{last_row}",
                                   CellIsRule(operator="lessThan", formula=["0"], fill=PatternFill("solid", fgColor="FFC7CE")))
    wb.defined_names["填报区域"] = DefinedName("填报区域", attr_text=f"'公开03表'!$C${total_row}:$H${last_row}")

    ws1 = wb["公开01表"]
    rows = {c.value: c.row for c in ws1["A"] if isinstance(c.value, str)}
    grand, total = rows["总计"], rows["本年收入合计"]
    ws1[f"C{grand}"] = f"=C{total}+C{total + 1}+C{total + 2}"
    return class_rows, total_row, last_row


def make_openpyxl():
    from openpyxl.drawing.image import Image  # needs Pillow
    wb = blank_template()
    decorate(wb)
    img = Image(io.BytesIO(logo_png()))
    wb["公开01表"].add_image(img, "H1")
    wb.properties.created = FIXED_TIME
    wb.properties.modified = FIXED_TIME
    wb.properties.creator = "财政局"
    path = HERE / "openpyxl-gk10-template.xlsx"
    wb.save(path)
    normalize_python_zip(path)
    return path


def xlsxwriter_format(book, cell, cache):
    """An XlsxWriter format standing for the openpyxl cell's style (font, alignment, border, number format)."""
    font, al, bd = cell.font, cell.alignment, cell.border
    props = {
        "font_name": font.name or "宋体", "font_size": font.sz or 10, "bold": bool(font.b),
        "num_format": cell.number_format if cell.number_format != "General" else None,
        "align": {"center": "center", "left": "left", "right": "right"}.get(al.horizontal),
        "valign": {"center": "vcenter", "top": "top", "bottom": "bottom"}.get(al.vertical),
        "text_wrap": bool(al.wrap_text), "border": 1 if bd.left is not None and bd.left.style else 0,
    }
    props = {k: v for k, v in props.items() if v not in (None, False, 0) or k == "border"}
    key = tuple(sorted(props.items()))
    if key not in cache:
        cache[key] = book.add_format(props)
    return cache[key]


def make_xlsxwriter(source):
    """The openpyxl template rebuilt with XlsxWriter, with its own image, comment, validation, formats."""
    src = openpyxl.load_workbook(source)
    path = HERE / "xlsxwriter-gk10-template.xlsx"
    book = xlsxwriter.Workbook(str(path))
    book.set_properties({"created": FIXED_TIME, "author": "财政局"})
    cache = {}
    for ws in src.worksheets:
        out = book.add_worksheet(ws.title)
        for letter, dim in ws.column_dimensions.items():
            if dim.width:
                col = openpyxl.utils.column_index_from_string(letter)
                out.set_column(col - 1, col - 1, dim.width)
        merged = {}
        for rng in ws.merged_cells.ranges:
            merged[(rng.min_row, rng.min_col)] = rng
        covered = {(r, c) for rng in ws.merged_cells.ranges for r in range(rng.min_row, rng.max_row + 1)
                   for c in range(rng.min_col, rng.max_col + 1)}
        for row in ws.iter_rows():
            for c in row:
                fmt = xlsxwriter_format(book, c, cache)
                rc = (c.row, c.column)
                if rc in merged:
                    rng = merged[rc]
                    out.merge_range(rng.min_row - 1, rng.min_col - 1, rng.max_row - 1, rng.max_col - 1,
                                    "" if c.value is None else c.value, fmt)
                elif rc in covered:
                    continue
                elif isinstance(c.value, str) and c.value.startswith("="):
                    out.write_formula(c.row - 1, c.column - 1, c.value, fmt, 0)  # cached 0, as XlsxWriter writes
                elif c.value is None:
                    if c.has_style:
                        out.write_blank(c.row - 1, c.column - 1, None, fmt)
                elif isinstance(c.value, str):
                    out.write_string(c.row - 1, c.column - 1, c.value, fmt)
                else:
                    out.write_number(c.row - 1, c.column - 1, c.value, fmt)
        if ws.title == "公开01表":
            out.insert_image("H1", "logo.png", {"image_data": io.BytesIO(logo_png())})
        if ws.title == "公开03表":
            out.write_comment("C4", "请按决算数填列，单位万元", {"author": "财政局"})
            for dv in ws.data_validations.dataValidation:
                for rng in dv.sqref.ranges:
                    out.data_validation(str(rng), {"validate": "decimal", "criteria": ">=", "value": 0,
                                                   "error_message": "金额不能为负数"})
            red = book.add_format({"bg_color": "#FFC7CE"})
            for cf in ws.conditional_formatting:
                for rng in cf.sqref.ranges:
                    out.conditional_format(str(rng), {"type": "cell", "criteria": "<", "value": 0, "format": red})
    for name, dn in src.defined_names.items():
        book.define_name(name, "=" + dn.attr_text)
    book.close()
    return path


def make_libreoffice(source):
    if shutil.which("soffice") is None:
        print("warning: soffice not found; the LibreOffice template was not regenerated", file=sys.stderr)
        return
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        src = tmp / "libreoffice-gk10-template.xlsx"
        shutil.copyfile(source, src)
        out = tmp / "out"
        out.mkdir()
        cmd = ["soffice", "-env:UserInstallation=file:///tmp/lo-profile-templates", "--headless", "--norestore",
               "--convert-to", "xlsx", "--outdir", str(out), str(src)]
        subprocess.run(cmd, check=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=300)
        shutil.copyfile(out / "libreoffice-gk10-template.xlsx", HERE / "libreoffice-gk10-template.xlsx")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-libreoffice", action="store_true")
    args = parser.parse_args()
    first = make_openpyxl()
    second = make_xlsxwriter(first)
    if not args.skip_libreoffice:
        make_libreoffice(second)
    for name in sorted(os.listdir(HERE)):
        if name.endswith(".xlsx"):
            print(name, (HERE / name).stat().st_size)


if __name__ == "__main__":
    main()
