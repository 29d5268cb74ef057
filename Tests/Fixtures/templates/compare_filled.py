#!/usr/bin/env python3
"""Compare a filled workbook with the template it was filled from, for the fill tests.

Usage: compare_filled.py TEMPLATE.xlsx FILLED.xlsx

Prints JSON:
  parts:    {"identical": [...], "differ": [...], "only_template": [...], "only_filled": [...]}
            (uncompressed entry bytes compared with Python's zipfile)
  workbook_differs_only_by_full_calc: true when workbook.xml, with fullCalcOnLoad="1" taken out of
            <calcPr> (and a <calcPr/> left empty by that removed), equals the template's
  template / filled: {sheet: {ref: {"value": str|null, "formula": str|null, "s": style id}}}
            values as openpyxl reads them (numbers as repr of the float, formulas as text),
            style ids from the sheet XML (the `s` attribute)
"""
import json
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

import openpyxl

NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"


def parts(path):
    with zipfile.ZipFile(path) as z:
        return {i.filename: z.read(i.filename) for i in z.infolist()}


def strip_full_calc(xml):
    text = xml.decode("utf-8")
    text = re.sub(r'\s+fullCalcOnLoad="(1|true)"', "", text)
    text = re.sub(r"<(\w+:)?calcPr\s*/>", "", text)
    return text


def styles(path):
    """sheet name -> ref -> s attribute, from the raw XML."""
    result = {}
    with zipfile.ZipFile(path) as z:
        wb = ET.fromstring(z.read("xl/workbook.xml"))
        rels = ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))
        targets = {r.get("Id"): r.get("Target") for r in rels}
        for sheet in wb.iter(NS + "sheet"):
            target = targets[sheet.get(REL + "id")]
            part = target.lstrip("/") if target.startswith("/") else "xl/" + target
            root = ET.fromstring(z.read(part))
            cells = {}
            for c in root.iter(NS + "c"):
                cells[c.get("r")] = c.get("s", "0")
            result[sheet.get("name")] = cells
    return result


def cells(path):
    wb = openpyxl.load_workbook(path)
    st = styles(path)
    out = {}
    for ws in wb.worksheets:
        sheet = {}
        for row in ws.iter_rows():
            for c in row:
                if c.value is None:
                    continue
                v = c.value
                formula = v if isinstance(v, str) and v.startswith("=") else None
                value = None if formula else (repr(v) if isinstance(v, (int, float)) else str(v))
                sheet[c.coordinate] = {"value": value, "formula": formula, "s": st.get(ws.title, {}).get(c.coordinate, "0")}
        for ref, s in st.get(ws.title, {}).items():
            sheet.setdefault(ref, {"value": None, "formula": None, "s": s})
        out[ws.title] = sheet
    return out


def main():
    template, filled = sys.argv[1], sys.argv[2]
    a, b = parts(template), parts(filled)
    report = {"parts": {"identical": sorted(n for n in a if n in b and a[n] == b[n]),
                        "differ": sorted(n for n in a if n in b and a[n] != b[n]),
                        "only_template": sorted(n for n in a if n not in b),
                        "only_filled": sorted(n for n in b if n not in a)}}
    wb_part = "xl/workbook.xml"
    report["workbook_differs_only_by_full_calc"] = (
        wb_part in a and wb_part in b and strip_full_calc(a[wb_part]) == strip_full_calc(b[wb_part]))
    report["template"] = cells(template)
    report["filled"] = cells(filled)
    json.dump(report, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
