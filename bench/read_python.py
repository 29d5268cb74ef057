#!/usr/bin/env python3
"""Reads every cell of every sheet with python-calamine or openpyxl (read-only), as a user's script
would, for bench/compare.sh. Usage: read_python.py calamine|openpyxl FILE.xlsx"""
import sys

tool, path = sys.argv[1], sys.argv[2]
rows = cells = 0
if tool == "calamine":
    from python_calamine import CalamineWorkbook
    wb = CalamineWorkbook.from_path(path)
    for name in wb.sheet_names:
        for row in wb.get_sheet_by_name(name).iter_rows():
            rows += 1
            cells += len(row)
elif tool == "openpyxl":
    import openpyxl
    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    for ws in wb.worksheets:
        for row in ws.iter_rows(values_only=True):
            rows += 1
            cells += len(row)
    wb.close()
else:
    sys.exit("usage: read_python.py calamine|openpyxl FILE.xlsx")
print(f"{tool}: {rows} rows, {cells} cells", file=sys.stderr)
