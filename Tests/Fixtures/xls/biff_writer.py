"""Minimal writers for hand-made legacy .xls fixtures: BIFF5/BIFF8 records and an OLE2
(Compound File Binary, version 3) container. Standard library only.

Written from the published specifications ([MS-XLS], [MS-CFB]), independently of the Swift
reader, so that the fixtures can exercise what LibreOffice never writes: BOOLERR cells, RK and
MULRK numbers, LABEL records, continued STRING records, embedded chart substreams, lying
DIMENSION records, BIFF5 text in a code page, a Workbook stream stored in the mini stream or
listed late in the directory.
"""

import struct

# --------------------------------------------------------------------------------------
# BIFF records
# --------------------------------------------------------------------------------------

BOF, EOF, CODEPAGE, DATEMODE, FILEPASS = 0x0809, 0x000A, 0x0042, 0x0022, 0x002F
FONT, FORMAT, XF, BOUNDSHEET, SST, CONTINUE = 0x0031, 0x041E, 0x00E0, 0x0085, 0x00FC, 0x003C
DIMENSION, ROW, COLINFO, MERGEDCELLS, DBCELL, WINDOW2 = 0x0200, 0x0208, 0x007D, 0x00E5, 0x00D7, 0x023E
NUMBER, RK, MULRK, LABELSST, LABEL, BLANK, MULBLANK, BOOLERR = 0x0203, 0x027E, 0x00BD, 0x00FD, 0x0204, 0x0201, 0x00BE, 0x0205
FORMULA, STRING = 0x0006, 0x0207


def rec(rtype, body=b""):
    return struct.pack("<HH", rtype, len(body)) + body


def bof(dt, biff=8):
    """BOF: dt 0x0005 globals, 0x0010 worksheet, 0x0020 chart."""
    if biff == 8:
        return rec(BOF, struct.pack("<HHHHII", 0x0600, dt, 0x0DBB, 0x07CC, 0, 0x06))
    return rec(BOF, struct.pack("<HHHH", 0x0500, dt, 0x0DBB, 0x07CC))


def eof():
    return rec(EOF)


def u_string(text, length_bytes=2):
    """A BIFF8 (Short)XLUnicodeString: count, option byte, characters (compressed when all
    characters are below U+0100, else UTF-16LE)."""
    count = len(text.encode("utf-16-le")) // 2
    head = struct.pack("<H" if length_bytes == 2 else "<B", count)
    if all(ord(c) < 256 for c in text):
        return head + b"\x00" + text.encode("latin-1")
    return head + b"\x01" + text.encode("utf-16-le")


def font(name="Arial", biff=8):
    body = struct.pack("<HHHHHBBBB", 200, 0, 0x7FFF, 400, 0, 0, 0, 0, 0)
    if biff == 8:
        return rec(FONT, body + u_string(name, 1))
    return rec(FONT, body + bytes([len(name)]) + name.encode("latin-1"))


def fmt(index, code, biff=8, encoding="cp936"):
    if biff == 8:
        return rec(FORMAT, struct.pack("<H", index) + u_string(code))
    raw = code.encode(encoding)
    return rec(FORMAT, struct.pack("<HB", index, len(raw)) + raw)


def xf(format_index, style=False, biff=8):
    flags = 0xFFF5 if style else 0x0001
    if biff == 8:
        return rec(XF, struct.pack("<HHH", 0, format_index, flags) + b"\x20\x00" + bytes(12))
    return rec(XF, struct.pack("<HHH", 0, format_index, flags) + b"\x20\x00" + bytes(8))


def standard_xfs(cell_formats, biff=8):
    """15 style XFs, then one cell XF per format index in `cell_formats` (the first is XF 15)."""
    return b"".join(xf(0, True, biff) for _ in range(15)) + b"".join(xf(f, False, biff) for f in cell_formats)


def boundsheet(name, hidden=0, sheet_type=0, biff=8, encoding="cp936"):
    """BOUNDSHEET with a 0 offset placeholder (patched by `workbook_stream`)."""
    if biff == 8:
        return rec(BOUNDSHEET, struct.pack("<IBB", 0, hidden, sheet_type) + u_string(name, 1))
    raw = name.encode(encoding)
    return rec(BOUNDSHEET, struct.pack("<IBBB", 0, hidden, sheet_type, len(raw)) + raw)


def sst(strings):
    body = struct.pack("<II", len(strings), len(strings)) + b"".join(u_string(s) for s in strings)
    assert len(body) <= 8224, "keep hand-made SSTs in one record"
    return rec(SST, body)


def dimension(first_row, last_row_plus_1, first_col, last_col_plus_1, biff=8):
    if biff == 8:
        return rec(DIMENSION, struct.pack("<IIHHH", first_row, last_row_plus_1, first_col, last_col_plus_1, 0))
    return rec(DIMENSION, struct.pack("<HHHHH", first_row, last_row_plus_1, first_col, last_col_plus_1, 0))


def row(r, height_twips=255, hidden=False, custom=False):
    flags = 0x0100 | (0x20 if hidden else 0) | (0x40 if custom else 0)
    return rec(ROW, struct.pack("<HHHHHHHH", r, 0, 10, height_twips, 0, 0, flags, 0x0F))


def colinfo(first, last, width_256, hidden=False, xf_index=15):
    return rec(COLINFO, struct.pack("<HHHHHH", first, last, width_256, xf_index, 1 if hidden else 0, 0))


def merged(ranges):
    return rec(MERGEDCELLS, struct.pack("<H", len(ranges)) + b"".join(struct.pack("<HHHH", *r) for r in ranges))


def number(r, c, value, xf_index=15):
    return rec(NUMBER, struct.pack("<HHHd", r, c, xf_index, value))


def rk_int(r, c, value, xf_index=15, times_100=False):
    raw = ((value << 2) | 2 | (1 if times_100 else 0)) & 0xFFFFFFFF
    return rec(RK, struct.pack("<HHHI", r, c, xf_index, raw))


def rk_float(r, c, value, xf_index=15, times_100=False):
    """An RK holding the high 30 bits of `value` (exact only for doubles whose low 34 bits are 0)."""
    bits = struct.unpack("<Q", struct.pack("<d", value))[0]
    assert bits & 0xFFFFFFFF == 0 and (bits >> 32) & 3 == 0, "not representable as an RK float"
    raw = (bits >> 32) | (1 if times_100 else 0)
    return rec(RK, struct.pack("<HHHI", r, c, xf_index, raw))


def mulrk(r, first_col, values, xf_index=15):
    body = struct.pack("<HH", r, first_col)
    for v in values:
        body += struct.pack("<HI", xf_index, ((v << 2) | 2) & 0xFFFFFFFF)
    return rec(MULRK, body + struct.pack("<H", first_col + len(values) - 1))


def labelsst(r, c, index, xf_index=15):
    return rec(LABELSST, struct.pack("<HHHI", r, c, xf_index, index))


def label(r, c, text, xf_index=15, biff=8, encoding="cp936"):
    if biff == 8:
        return rec(LABEL, struct.pack("<HHH", r, c, xf_index) + u_string(text))
    raw = text.encode(encoding)
    return rec(LABEL, struct.pack("<HHHH", r, c, xf_index, len(raw)) + raw)


def blank(r, c, xf_index=15):
    return rec(BLANK, struct.pack("<HHH", r, c, xf_index))


def mulblank(r, first_col, count, xf_index=15):
    return rec(MULBLANK, struct.pack("<HH", r, first_col) + struct.pack("<H", xf_index) * count
               + struct.pack("<H", first_col + count - 1))


def boolerr(r, c, value, is_error, xf_index=15):
    return rec(BOOLERR, struct.pack("<HHHBB", r, c, xf_index, value, 1 if is_error else 0))


# Formula results ([MS-XLS] 2.5.133 FormulaValue).
def formula(r, c, result, xf_index=15):
    """`result`: a float, or ("string",), ("bool", b), ("error", code), ("empty",)."""
    if isinstance(result, float):
        value = struct.pack("<d", result)
    else:
        kind = result[0]
        code = {"string": 0, "bool": 1, "error": 2, "empty": 3}[kind]
        payload = result[1] if len(result) > 1 else 0
        value = bytes([code, 0, payload, 0, 0, 0, 0xFF, 0xFF])
    rgce = b"\x17\x00\x00"  # ptgStr "" — the formula text does not matter to the readers under test
    return rec(FORMULA, struct.pack("<HHH", r, c, xf_index) + value + struct.pack("<HIH", 0, 0, len(rgce)) + rgce)


def string_records(text, split_at=None, biff=8, encoding="cp936"):
    """STRING (the cached text of the formula before it); `split_at` continues it in a CONTINUE
    record after that many characters, the continuation restating the option byte."""
    if biff == 5:
        raw = text.encode(encoding)
        return rec(STRING, struct.pack("<H", len(raw)) + raw)
    wide = any(ord(c) >= 256 for c in text)
    enc = (lambda s: s.encode("utf-16-le")) if wide else (lambda s: s.encode("latin-1"))
    option = b"\x01" if wide else b"\x00"
    if split_at is None:
        return rec(STRING, struct.pack("<H", len(text)) + option + enc(text))
    return (rec(STRING, struct.pack("<H", len(text)) + option + enc(text[:split_at]))
            + rec(CONTINUE, option + enc(text[split_at:])))


def workbook_stream(globals_records, sheets, biff=8):
    """Globals (with BOUNDSHEET placeholders in sheet order), then each sheet substream;
    BOUNDSHEET offsets are patched to the substreams' BOF records."""
    data = bytearray(globals_records)
    offsets = []
    for substream in sheets:
        offsets.append(len(data))
        data += substream
    # Patch the BOUNDSHEET records in order.
    pos, k = 0, 0
    while pos + 4 <= len(globals_records):
        rtype, length = struct.unpack_from("<HH", data, pos)
        if rtype == BOUNDSHEET:
            struct.pack_into("<I", data, pos + 4, offsets[k])
            k += 1
        pos += 4 + length
    assert k == len(sheets), "one BOUNDSHEET per substream"
    return bytes(data)


# --------------------------------------------------------------------------------------
# Compound File Binary (OLE2), version 3, 512-byte sectors
# --------------------------------------------------------------------------------------

FREESECT, ENDOFCHAIN, FATSECT, NOSTREAM = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF
SECTOR, MINI, CUTOFF = 512, 64, 4096


def compound_file(streams):
    """`streams`: [(name, bytes)] under the root, directory entries in this order (the reader
    must walk the sibling tree, not assume the Workbook comes first). Streams below 4096 bytes
    go to the mini stream. Returns (file bytes, {name: first sector or mini sector}, fat offset
    of each regular sector entry) for callers that corrupt the result."""
    big = [(n, d) for n, d in streams if len(d) >= CUTOFF]
    small = [(n, d) for n, d in streams if len(d) < CUTOFF]

    # Mini stream: small streams one after the other, each padded to 64 bytes.
    mini_data, mini_fat, mini_start = bytearray(), [], {}
    for name, data in small:
        sectors = max(1, (len(data) + MINI - 1) // MINI)
        mini_start[name] = len(mini_fat)
        for k in range(sectors):
            mini_fat.append(len(mini_fat) + 1 if k < sectors - 1 else ENDOFCHAIN)
        mini_data += data + bytes(sectors * MINI - len(data))

    # Regular sectors: [FAT...][directory...][mini FAT...][mini stream...][big streams...]
    def nsect(n):
        return (n + SECTOR - 1) // SECTOR

    dir_entries = 1 + len(streams)
    dir_sectors = nsect(dir_entries * 128)
    minifat_sectors = nsect(len(mini_fat) * 4) if mini_fat else 0
    ministream_sectors = nsect(len(mini_data)) if mini_data else 0
    big_sectors = [max(1, nsect(len(d))) for _, d in big]
    payload = dir_sectors + minifat_sectors + ministream_sectors + sum(big_sectors)
    fat_sectors = 1
    while fat_sectors * 128 < fat_sectors + payload:
        fat_sectors += 1
    assert fat_sectors <= 109, "hand-made fixtures stay below 109 FAT sectors"

    fat = [FREESECT] * (fat_sectors * 128)
    next_sector = 0

    def chain(count):
        nonlocal next_sector
        first = next_sector
        for k in range(count):
            fat[next_sector] = next_sector + 1 if k < count - 1 else ENDOFCHAIN
            next_sector += 1
        return first

    for k in range(fat_sectors):
        fat[k] = FATSECT
    next_sector = fat_sectors
    dir_first = chain(dir_sectors)
    minifat_first = chain(minifat_sectors) if minifat_sectors else ENDOFCHAIN
    ministream_first = chain(ministream_sectors) if ministream_sectors else ENDOFCHAIN
    big_first = {}
    for (name, _), count in zip(big, big_sectors):
        big_first[name] = chain(count)
    total = next_sector

    out = bytearray((1 + total) * SECTOR)

    def sector_at(s):
        return (s + 1) * SECTOR

    # Header.
    struct.pack_into("<8s16sHHHHH6sIIIIIIIII", out, 0,
                     bytes([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]), bytes(16),
                     0x003E, 0x0003, 0xFFFE, 9, 6, bytes(6),
                     0, fat_sectors, dir_first, 0, CUTOFF,
                     minifat_first, minifat_sectors, ENDOFCHAIN, 0)
    for k in range(109):
        struct.pack_into("<I", out, 76 + 4 * k, k if k < fat_sectors else FREESECT)
    for k, v in enumerate(fat):
        struct.pack_into("<I", out, sector_at(k // 128) + 4 * (k % 128), v)
    for k, v in enumerate(mini_fat):
        struct.pack_into("<I", out, sector_at(minifat_first + k // 128) + 4 * (k % 128), v)
    if mini_data:
        base = sector_at(ministream_first)
        for k in range(ministream_sectors):
            chunk = mini_data[k * SECTOR:(k + 1) * SECTOR]
            out[sector_at(ministream_first + k):sector_at(ministream_first + k) + len(chunk)] = chunk
        del base
    for (name, data), count in zip(big, big_sectors):
        first = big_first[name]
        for k in range(count):
            chunk = data[k * SECTOR:(k + 1) * SECTOR]
            out[sector_at(first + k):sector_at(first + k) + len(chunk)] = chunk

    # Directory: root, then the streams as a right-leaning chain of siblings, sorted as [MS-CFB]
    # orders names (length, then upper case), listed in the order given.
    order = sorted(range(len(streams)), key=lambda i: (len(streams[i][0]), streams[i][0].upper()))
    right = {order[k]: order[k + 1] + 1 for k in range(len(order) - 1)}

    def entry(index, name, kind, child, right_id, start, size):
        base = sector_at(dir_first + (index * 128) // SECTOR) + (index * 128) % SECTOR
        raw = name.encode("utf-16-le")
        out[base:base + len(raw)] = raw
        struct.pack_into("<HBBIII", out, base + 64, len(raw) + 2 if name else 0, kind, 1,
                         NOSTREAM, right_id, child)
        struct.pack_into("<II", out, base + 116, start, size)

    entry(0, "Root Entry", 5, order[0] + 1 if order else NOSTREAM, NOSTREAM,
          ministream_first if mini_data else ENDOFCHAIN, len(mini_data))
    starts = {}
    for i, (name, data) in enumerate(streams):
        start = mini_start[name] if len(data) < CUTOFF else big_first[name]
        starts[name] = start
        entry(i + 1, name, 2, NOSTREAM, right.get(i, NOSTREAM), start, len(data))
    for i in range(dir_entries, dir_sectors * 4):
        base = sector_at(dir_first + (i * 128) // SECTOR) + (i * 128) % SECTOR
        struct.pack_into("<III", out, base + 68, NOSTREAM, NOSTREAM, NOSTREAM)
    return bytes(out), starts, fat_sectors


def fat_entry_offset(sector):
    """Where the FAT entry of a regular sector sits (FAT sectors come first, from sector 0)."""
    return (1 + sector // 128) * SECTOR + 4 * (sector % 128)
