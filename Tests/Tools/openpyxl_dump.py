#!/usr/bin/env python3
"""Dump what openpyxl reads from an .xlsx as the project's "dump json".

Usage:  python3 Tests/Tools/openpyxl_dump.py FILE [--indent N]

Output (stdout, UTF-8 JSON):

  {"sheets": [{"name": ..., "visible": "visible|hidden|veryHidden",
               "merged": ["A1:C1", ...],
               "rows": [{"row": 3, "cells": [{"ref": "B3", "type": ..., "value": "...",
                                               "format": "#,##0.00", "formula": "SUM(B1:B2)"}]}]}],
   "date1904": false,
   "column_widths": {"Sheet": {"A": 12.5}},
   "row_heights": {"Sheet": {"3": 20.0}},
   "comments": {"Sheet": {"B3": "text"}},
   "defined_names": {"name": "Sheet1!$A$1", "Sheet!localname": "Sheet!$A$1"}}

Rules:
* type is one of number, string, boolean, error, date, formula-without-cache.
* value is always a string: numbers as Python repr ("0.1", "1e-07", "123"), booleans
  "TRUE"/"FALSE", errors as written ("#DIV/0!"), dates ISO 8601 ("YYYY-MM-DD" at midnight,
  else "YYYY-MM-DDTHH:MM:SS" rounded to whole seconds, times "HH:MM:SS"); timedeltas
  (openpyxl's reading of [h]:mm:ss formats) become the number of days, type number.
  A formula whose file has no cached value has type formula-without-cache and value "".
* format is the cell's number format, omitted when it is "General".
* formula is the formula text without the leading "=", from the data_only=False load; the
  type/value of a formula cell come from the data_only=True load (the cached value).
* merged ranges are sorted by their top-left cell (row, then column); compare as a set.
* Cells without a value (and without a formula) are left out; rows sorted, cells in
  column order; sheets in workbook order (chartsheets are not listed).
* column_widths: every column covered by a <col> element openpyxl loaded, ranges
  (min..max) expanded to one entry per column letter.
* row_heights: rows whose <row> carries ht.
* defined_names: workbook-scope names by name; sheet-scope names as "Sheet!name".
  openpyxl turns _xlnm.Print_Area/Print_Titles into sheet properties and drops other
  reserved _xlnm names, so those never appear.

On a file openpyxl cannot open, prints a one-line reason to stderr and exits 1.
"""

import argparse
import datetime as dt
import json
import math
import sys
import warnings


def iso_datetime(value):
    # round to whole seconds first, then decide midnight vs. date-time
    if value.microsecond:
        value = value.replace(microsecond=0) + dt.timedelta(
            seconds=1 if value.microsecond >= 500_000 else 0)
    if (value.hour, value.minute, value.second) == (0, 0, 0):
        return value.strftime("%Y-%m-%d") if value.year >= 1000 else \
            f"{value.year:04d}-{value.month:02d}-{value.day:02d}"
    return (f"{value.year:04d}-{value.month:02d}-{value.day:02d}"
            f"T{value.hour:02d}:{value.minute:02d}:{value.second:02d}")


def iso_time(value):
    secs = value.hour * 3600 + value.minute * 60 + value.second
    if value.microsecond >= 500_000:
        secs += 1
    secs %= 86400
    return f"{secs // 3600:02d}:{secs // 60 % 60:02d}:{secs % 60:02d}"


def number_text(value):
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            return repr(value)
        return repr(value)
    # Decimal or other numeric types
    return str(value)


def typed(value, data_type):
    """(type, value-string) for a non-None cell value."""
    if isinstance(value, bool):
        return "boolean", "TRUE" if value else "FALSE"
    if isinstance(value, dt.datetime):
        return "date", iso_datetime(value)
    if isinstance(value, dt.date):
        return "date", f"{value.year:04d}-{value.month:02d}-{value.day:02d}"
    if isinstance(value, dt.time):
        return "date", iso_time(value)
    if isinstance(value, dt.timedelta):
        return "number", repr(value.total_seconds() / 86400)
    if isinstance(value, (int, float)):
        return "number", number_text(value)
    if isinstance(value, str):
        if data_type == "e":
            return "error", value
        return "string", value
    # CellRichText (rich_text=True loads) or anything else: plain text
    return "string", str(value)


def formula_text(value):
    """Formula text without '=' for openpyxl formula values (str, ArrayFormula, DataTableFormula)."""
    text = getattr(value, "text", value)          # ArrayFormula keeps the text in .text
    if text is None:
        # DataTableFormula: no text; describe it like Excel's {=TABLE(r1,r2)}
        attrs = dict(value) if hasattr(value, "__iter__") else {}
        return "TABLE({},{})".format(attrs.get("r1", ""), attrs.get("r2", ""))
    text = str(text)
    return text[1:] if text.startswith("=") else text


def column_letters(lo, hi):
    from openpyxl.utils.cell import get_column_letter
    lo = max(1, lo)
    hi = min(16384, hi)
    return [get_column_letter(i) for i in range(lo, hi + 1)]


def dump(path):
    import openpyxl
    from openpyxl.utils.cell import column_index_from_string
    from openpyxl.utils.datetime import CALENDAR_MAC_1904

    wb = openpyxl.load_workbook(path, data_only=False)
    # Only load a second time if some cell holds a formula.
    has_formula = any(c.data_type == "f" for ws in wb.worksheets for c in ws._cells.values())
    wbv = openpyxl.load_workbook(path, data_only=True) if has_formula else None

    out = {"sheets": [], "date1904": wb.epoch == CALENDAR_MAC_1904, "column_widths": {},
           "row_heights": {}, "comments": {}, "defined_names": {}}

    for index, ws in enumerate(wb.worksheets):
        wsv = wbv.worksheets[index] if wbv is not None else None
        rows = {}
        comments = {}
        for (r, c), cl in sorted(ws._cells.items()):
            if getattr(cl, "comment", None) is not None:
                comments[cl.coordinate] = cl.comment.text
            value = cl._value
            if value is None:
                continue
            fmt = cl.number_format
            entry = {"ref": cl.coordinate}
            if cl.data_type == "f":
                cached_cell = wsv._cells.get((r, c)) if wsv is not None else None
                cached = cached_cell._value if cached_cell is not None else None
                if cached is None:
                    entry["type"], entry["value"] = "formula-without-cache", ""
                else:
                    entry["type"], entry["value"] = typed(cached, cached_cell.data_type)
                if fmt and fmt != "General":
                    entry["format"] = fmt
                entry["formula"] = formula_text(value)
            else:
                entry["type"], entry["value"] = typed(value, cl.data_type)
                if fmt and fmt != "General":
                    entry["format"] = fmt
            rows.setdefault(r, []).append(entry)

        out["sheets"].append({
            "name": ws.title,
            "visible": ws.sheet_state or "visible",
            "merged": [str(m) for m in sorted(ws.merged_cells.ranges,
                                               key=lambda m: (m.min_row, m.min_col,
                                                              m.max_row, m.max_col))],
            "rows": [{"row": r, "cells": rows[r]} for r in sorted(rows)],
        })

        widths = {}
        for key, dim in ws.column_dimensions.items():
            if dim.width is None:
                continue
            lo = dim.min if dim.min else column_index_from_string(key)
            hi = dim.max if dim.max else lo
            for letter in column_letters(lo, hi):
                widths[letter] = float(dim.width)
        if widths:
            out["column_widths"][ws.title] = dict(
                sorted(widths.items(), key=lambda kv: column_index_from_string(kv[0])))

        heights = {str(r): float(d.height) for r, d in sorted(ws.row_dimensions.items())
                   if d.height is not None}
        if heights:
            out["row_heights"][ws.title] = heights
        if comments:
            out["comments"][ws.title] = comments

        for name, defn in getattr(ws, "defined_names", {}).items():
            out["defined_names"][f"{ws.title}!{name}"] = defn.attr_text

    for name, defn in wb.defined_names.items():
        out["defined_names"][name] = defn.attr_text
    return out


def main():
    ap = argparse.ArgumentParser(description="Dump an .xlsx as openpyxl reads it (dump json).")
    ap.add_argument("file")
    ap.add_argument("--indent", type=int, default=None)
    args = ap.parse_args()
    warnings.simplefilter("ignore")        # openpyxl warns about unknown extensions etc.
    try:
        result = dump(args.file)
    except Exception as exc:  # noqa: BLE001 - any failure is reported, never a traceback
        print(f"openpyxl_dump: cannot read {args.file}: {type(exc).__name__}: {exc}",
              file=sys.stderr)
        return 1
    text = json.dumps(result, ensure_ascii=False, indent=args.indent) + "\n"
    try:
        sys.stdout.buffer.write(text.encode("utf-8"))
        sys.stdout.flush()
    except BrokenPipeError:          # e.g. piped into `head`
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
