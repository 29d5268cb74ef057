#!/usr/bin/env python3
"""Write the hostile and broken legacy .xls inputs of this folder (see README.md).

Run:  python3 Tests/Fixtures/hostile/make_hostile_xls.py

Standard library only; the BIFF records and the compound file are written with
`Tests/Fixtures/xls/biff_writer.py`. `truncated.xls` is cut from the committed LibreOffice
conversion `Tests/Fixtures/xls/zezhou-2024-gk10.xls`. Every file is byte-identical when
re-generated.
"""

import struct
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
XLS = HERE.parent / "xls"
sys.path.insert(0, str(XLS))
import biff_writer as bw  # noqa: E402


def globals_records(sheets, extra=b""):
    """Workbook globals naming `sheets` [(name, hidden, type)], with `extra` after the BOF."""
    return (bw.bof(0x0005) + extra + bw.rec(bw.CODEPAGE, struct.pack("<H", 1200))
            + b"".join(bw.font() for _ in range(4)) + bw.standard_xfs([0])
            + b"".join(bw.boundsheet(n, hidden=h, sheet_type=t) for n, h, t in sheets) + bw.eof())


def worksheet(body, dim=(0, 1, 0, 1)):
    return bw.bof(0x0010) + bw.dimension(*dim) + body + bw.eof()


def padded(stream):
    """Streams of 4096 bytes or more live in regular sectors, where chains can be damaged."""
    return stream + bytes(max(0, 4096 - len(stream)))


def cfb(stream, others=()):
    data, starts, _ = bw.compound_file([("Workbook", stream)] + list(others))
    return data, starts


def encrypted():
    # FILEPASS right after the BOF (RC4 CryptoAPI, as Excel writes it), then records whose
    # bodies would be ciphertext: here random-looking bytes.
    filepass = bw.rec(bw.FILEPASS, struct.pack("<HHH", 1, 2, 2) + bytes(range(48)))
    stream = bw.workbook_stream(globals_records([("Sheet1", 0, 0)], extra=filepass),
                                [worksheet(bw.rec(0x0203, bytes((i * 37) % 256 for i in range(14))))])
    return cfb(stream)[0]


def no_worksheets():
    # The only sheet is a chart sheet.
    stream = bw.workbook_stream(globals_records([("图表", 0, 2)]), [bw.bof(0x0020) + bw.eof()])
    return cfb(stream)[0]


def fat_cycle():
    stream = padded(bw.workbook_stream(globals_records([("Sheet1", 0, 0)]), [worksheet(bw.number(0, 0, 1.0))]))
    data, starts = cfb(stream)
    data = bytearray(data)
    first = starts["Workbook"]
    struct.pack_into("<I", data, bw.fat_entry_offset(first + 2), first)  # the 3rd sector points back at the 1st
    return bytes(data)


def sector_out_of_range():
    stream = padded(bw.workbook_stream(globals_records([("Sheet1", 0, 0)]), [worksheet(bw.number(0, 0, 1.0))]))
    data, starts = cfb(stream)
    data = bytearray(data)
    struct.pack_into("<I", data, bw.fat_entry_offset(starts["Workbook"] + 2), 0x00FFFF00)
    return bytes(data)


def record_overrun():
    # The sheet's last record claims 8,000 bytes; the stream ends long before.
    stream = bw.workbook_stream(globals_records([("Sheet1", 0, 0)]),
                                [bw.bof(0x0010) + bw.number(0, 0, 1.0) + struct.pack("<HH", 0x0203, 8000) + bytes(20)])
    return cfb(stream)[0]


def short_cell_record():
    # A NUMBER record of 6 bytes: row, column and format, but no value.
    stream = bw.workbook_stream(globals_records([("Sheet1", 0, 0)]),
                                [worksheet(bw.rec(0x0203, struct.pack("<HHH", 0, 0, 15)))])
    return cfb(stream)[0]


def bad_sheet_offset():
    stream = bytearray(bw.workbook_stream(globals_records([("Sheet1", 0, 0)]), [worksheet(bw.number(0, 0, 1.0))]))
    pos = 0
    while True:  # point the BOUNDSHEET past the end of the stream
        rtype, length = struct.unpack_from("<HH", stream, pos)
        if rtype == bw.BOUNDSHEET:
            struct.pack_into("<I", stream, pos + 4, 0x7FFFFFF0)
            break
        pos += 4 + length
    return cfb(bytes(stream))[0]


def huge_dimension():
    # DIMENSION claims the whole BIFF8 grid (65,536 × 256); there are two cells.
    stream = bw.workbook_stream(globals_records([("Sheet1", 0, 0)]),
                                [worksheet(bw.number(0, 0, 1.0) + bw.number(2, 2, 3.0), dim=(0, 65536, 0, 256))])
    return cfb(stream)[0]


def grid_bomb():
    # Six sheets, each with a cell at A1 and at IV65536: FreeXL would allocate 256 MiB per sheet
    # (1.5 GiB in all) for twelve cells.
    sheets = [(f"Sheet{i + 1}", 0, 0) for i in range(6)]
    body = bw.number(0, 0, 1.0) + bw.number(65535, 255, 2.0)
    stream = bw.workbook_stream(globals_records(sheets), [worksheet(body, dim=(0, 65536, 0, 256)) for _ in sheets])
    return cfb(stream)[0]


def truncated():
    source = (XLS / "zezhou-2024-gk10.xls").read_bytes()
    return source[:len(source) // 2]


FILES = {
    "encrypted.xls": encrypted,
    "no-worksheets.xls": no_worksheets,
    "truncated.xls": truncated,
    "cfb-fat-cycle.xls": fat_cycle,
    "cfb-sector-out-of-range.xls": sector_out_of_range,
    "biff-record-overrun.xls": record_overrun,
    "biff-short-cell-record.xls": short_cell_record,
    "biff-bad-sheet-offset.xls": bad_sheet_offset,
    "huge-dimension.xls": huge_dimension,
    "grid-bomb.xls": grid_bomb,
}


def main():
    for name, make in FILES.items():
        (HERE / name).write_bytes(make())
        print("wrote", name)


if __name__ == "__main__":
    main()
