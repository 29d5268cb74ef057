#!/usr/bin/env python3
"""Plants errors in a copy of a workbook, with openpyxl (independent of the code under test).
Usage: plant_errors.py IN.xlsx OUT.xlsx EDITS.json, where EDITS is a list of
{"sheet": NAME, "cell": "C12", "value": 12.34 | "text"} (a number replaces the cell's value)."""
import json
import sys

import openpyxl

src, dst, edits_path = sys.argv[1:4]
wb = openpyxl.load_workbook(src)
with open(edits_path, encoding="utf-8") as f:
    edits = json.load(f)
for edit in edits:
    ws = wb[edit["sheet"]]
    ws[edit["cell"]].value = edit["value"]
wb.save(dst)
