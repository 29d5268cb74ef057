#!/usr/bin/env python3
"""Write hostile / broken inputs for the SpreadsheetKit reader into this folder.

Every file here must make the reader fail with a clear error (or, where README.md says
so, read safely) — never crash, hang, exhaust memory, or touch the file system.

Run:  python3 Tests/Fixtures/hostile/make_hostile.py [--skip-libreoffice] [--skip-bomb]

Needs only the Python standard library and XlsxWriter, except:
* encrypted.xlsx  -> msoffcrypto-tool (pip install msoffcrypto-tool); if missing, the
  committed file is kept. encrypted-handmade-cfb.xlsx needs nothing.
* legacy.xls      -> LibreOffice (`soffice`); if missing, the committed file is kept.

Re-running gives byte-identical files except legacy.xls (LibreOffice stamps metadata).
"""

import argparse
import io
import os
import random
import shutil
import struct
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ZIP_TIME = (1980, 1, 1, 0, 0, 0)

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
CT_WORKBOOK = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
CT_SHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
CT_SST = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
CT_RELS = "application/vnd.openxmlformats-package.relationships+xml"
DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

PASSWORD = "juesuan"

# The zip bomb's sheet part inflates to just under 2 GiB (stays below the 2^31-1 bytes at
# which Python's zipfile needs ZIP64 records, so the archive is a plain 32-bit zip).
BOMB_SIZE = 2**31 - 4096
LYING_SIZE = 4096


# --------------------------------------------------------------------------------------
# package helpers
# --------------------------------------------------------------------------------------

def zinfo(name):
    zi = zipfile.ZipInfo(name, date_time=ZIP_TIME)
    zi.compress_type = zipfile.ZIP_DEFLATED
    zi.external_attr = 0o644 << 16
    return zi


def write_zip(path, parts):
    with zipfile.ZipFile(path, "w") as z:
        for name, data in parts:
            z.writestr(zinfo(name), data.encode("utf-8") if isinstance(data, str) else data)


def content_types(overrides):
    body = "".join(f'<Override PartName="{p}" ContentType="{t}"/>' for p, t in overrides)
    return (DECL + f'<Types xmlns="{CT_NS}"><Default Extension="rels" ContentType="{CT_RELS}"/>'
            f'<Default Extension="xml" ContentType="application/xml"/>{body}</Types>')


def rels(items):
    body = "".join(f'<Relationship Id="{i}" Type="{t}" Target="{tg}"/>' for i, t, tg in items)
    return DECL + f'<Relationships xmlns="{PKG_RELS}">{body}</Relationships>'


def sheet(data, prolog=DECL, before=""):
    return (prolog + f'<worksheet xmlns="{MAIN}" xmlns:r="{R}">{before}'
            f"<sheetData>{data}</sheetData></worksheet>")


def package_parts(sheet_xml=None, sheet_target="worksheets/sheet1.xml", sst_xml=None,
                  include_sheet=True):
    """Parts of a one-sheet package; the sheet part itself is left out if include_sheet=False."""
    sheet_part = "xl/" + sheet_target
    overrides = [("/xl/workbook.xml", CT_WORKBOOK), ("/" + sheet_part, CT_SHEET)]
    wrels = [("rId1", f"{R}/worksheet", sheet_target)]
    if sst_xml is not None:
        overrides.append(("/xl/sharedStrings.xml", CT_SST))
        wrels.append(("rId2", f"{R}/sharedStrings", "sharedStrings.xml"))
    parts = [
        ("[Content_Types].xml", content_types(overrides)),
        ("_rels/.rels", rels([("rId1", f"{R}/officeDocument", "xl/workbook.xml")])),
        ("xl/workbook.xml", DECL + f'<workbook xmlns="{MAIN}" xmlns:r="{R}"><sheets>'
                            '<sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'),
        ("xl/_rels/workbook.xml.rels", rels(wrels)),
    ]
    if include_sheet:
        parts.append((sheet_part, sheet_xml))
    if sst_xml is not None:
        parts.append(("xl/sharedStrings.xml", sst_xml))
    return parts


def real_xlsx_bytes():
    """A small but real workbook written by XlsxWriter, in memory."""
    import datetime as dt
    import xlsxwriter
    buf = io.BytesIO()
    wb = xlsxwriter.Workbook(buf, {"in_memory": True})
    wb.set_properties({"author": "Juesuan fixtures", "created": dt.datetime(2024, 1, 1)})
    ws = wb.add_worksheet("决算")
    ws.write_row(0, 0, ["项目", "金额", "备注"])
    rng = random.Random(7)
    for r in range(1, 200):
        ws.write_string(r, 0, f"20101{r:02d} 中国共产党泽州县委员会政法委员会")
        ws.write_number(r, 1, rng.randrange(0, 10_000_000) / 100)
        ws.write_string(r, 2, f"note {r}")
    ws.write_formula(200, 1, "=SUM(B2:B200)", None, 0)
    wb.close()
    return buf.getvalue()


# --------------------------------------------------------------------------------------
# Compound File Binary (OLE2) writer, stdlib only, version 3 (512-byte sectors)
# --------------------------------------------------------------------------------------

ENDOFCHAIN, FREESECT, FATSECT = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD
NOSTREAM = 0xFFFFFFFF


def build_cfb(streams):
    """streams: list of (name, bytes) in the root storage. Returns the file's bytes."""
    SECTOR, MINI, CUTOFF = 512, 64, 4096
    sectors = []   # list of 512-byte blocks (after the header)
    fat = []       # next-sector entries, parallel to sectors

    def alloc(data):
        if not data:
            return ENDOFCHAIN
        n = (len(data) + SECTOR - 1) // SECTOR
        start = len(sectors)
        data = data + b"\0" * (n * SECTOR - len(data))
        for i in range(n):
            sectors.append(data[i * SECTOR:(i + 1) * SECTOR])
            fat.append(start + i + 1 if i < n - 1 else ENDOFCHAIN)
        return start

    # small streams go to the mini stream
    mini_stream = b""
    minifat = []
    starts = {}
    for name, data in streams:
        if len(data) < CUTOFF:
            if not data:
                starts[name] = ENDOFCHAIN
                continue
            n = (len(data) + MINI - 1) // MINI
            first = len(minifat)
            minifat += [first + i + 1 if i < n - 1 else ENDOFCHAIN for i in range(n)]
            mini_stream += data + b"\0" * (n * MINI - len(data))
            starts[name] = first
    for name, data in streams:
        if len(data) >= CUTOFF:
            starts[name] = alloc(data)
    root_start = alloc(mini_stream)
    minifat_bytes = b"".join(struct.pack("<I", x) for x in minifat)
    if minifat_bytes:
        pad = (-len(minifat_bytes)) % SECTOR
        minifat_bytes += struct.pack("<I", FREESECT) * (pad // 4)
    minifat_start = alloc(minifat_bytes) if minifat_bytes else ENDOFCHAIN
    n_minifat = len(minifat_bytes) // SECTOR

    # directory: root + streams, streams chained as a right-leaning all-black tree in
    # CFB order (shorter names first, then case-insensitive)
    order = sorted(range(len(streams)),
                   key=lambda i: (len(streams[i][0]), streams[i][0].upper()))

    def dirent(name, kind, child, right, start, size):
        raw = name.encode("utf-16-le") + b"\0\0"
        return (raw.ljust(64, b"\0") + struct.pack("<HBB", len(raw), kind, 1) +
                struct.pack("<III", NOSTREAM, right, child) + b"\0" * 16 +
                struct.pack("<I", 0) + b"\0" * 16 + struct.pack("<IQ", start, size))

    entries = [dirent("Root Entry", 5, 1 + order[0] if streams else NOSTREAM, NOSTREAM,
                      root_start, len(mini_stream))]
    right_of = {}
    for a, b in zip(order, order[1:]):
        right_of[a] = 1 + b
    for i, (name, data) in enumerate(streams):
        entries.append(dirent(name, 2, NOSTREAM, right_of.get(i, NOSTREAM), starts[name],
                              len(data)))
    while len(entries) % 4:
        entries.append(b"\0" * 64 + struct.pack("<HBB", 0, 0, 0) +
                       struct.pack("<III", NOSTREAM, NOSTREAM, NOSTREAM) + b"\0" * 48)
    dir_start = alloc(b"".join(entries))

    # FAT sectors go last; find how many are needed (each covers 128 sectors)
    n_fat = 1
    while (len(sectors) + n_fat) > n_fat * 128:
        n_fat += 1
    if n_fat > 109:
        raise ValueError("build_cfb: file too large for a header-only DIFAT")
    fat_first = len(sectors)
    fat += [FATSECT] * n_fat
    fat += [FREESECT] * (n_fat * 128 - len(fat))
    fat_bytes = b"".join(struct.pack("<I", x) for x in fat)
    for i in range(n_fat):
        sectors.append(fat_bytes[i * SECTOR:(i + 1) * SECTOR])

    difat = [fat_first + i for i in range(n_fat)] + [FREESECT] * (109 - n_fat)
    header = (bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 16 +
              struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + b"\0" * 6 +
              struct.pack("<IIIIIIIII", 0, n_fat, dir_start, 0, CUTOFF, minifat_start,
                          n_minifat, ENDOFCHAIN, 0) +
              b"".join(struct.pack("<I", x) for x in difat))
    assert len(header) == 512
    return header + b"".join(sectors)


AGILE_DESCRIPTOR = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
    '<encryption xmlns="http://schemas.microsoft.com/office/2006/encryption" '
    'xmlns:p="http://schemas.microsoft.com/office/2006/keyEncryptor/password">'
    '<keyData saltSize="16" blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" '
    'cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512" saltValue="AAAAAAAAAAAAAAAAAAAAAA=="/>'
    '<dataIntegrity encryptedHmacKey="AAAA" encryptedHmacValue="AAAA"/>'
    '<keyEncryptors><keyEncryptor uri="http://schemas.microsoft.com/office/2006/keyEncryptor/password">'
    '<p:encryptedKey spinCount="100000" saltSize="16" blockSize="16" keyBits="256" hashSize="64" '
    'cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512" '
    'saltValue="AAAAAAAAAAAAAAAAAAAAAA==" encryptedVerifierHashInput="AAAA" '
    'encryptedVerifierHashValue="AAAA" encryptedKeyValue="AAAA"/>'
    '</keyEncryptor></keyEncryptors></encryption>')


# --------------------------------------------------------------------------------------
# the files
# --------------------------------------------------------------------------------------

def make_simple():
    (HERE / "empty.xlsx").write_bytes(b"")
    (HERE / "not-a-zip.xlsx").write_text(
        "This is a plain text file named .xlsx.\nIt is not a ZIP archive.\n", encoding="utf-8")
    write_zip(HERE / "zip-without-workbook.xlsx", [
        ("readme.txt", "A valid ZIP archive that holds no workbook parts.\n"),
        ("data/values.csv", "a,b\n1,2\n"),
    ])
    real = real_xlsx_bytes()
    (HERE / "truncated.xlsx").write_bytes(real[: len(real) // 2])

    write_zip(HERE / "missing-sheet-part.xlsx", package_parts(include_sheet=False))

    write_zip(HERE / "malformed-sheet.xlsx", package_parts(
        DECL + f'<worksheet xmlns="{MAIN}"><sheetData><row r="1"><c r="A1"><v>1</v></row>'
        '<row r="2"><c r="A2" t="inlineStr"><is><t>unclosed & bad</t></is></c>'))

    xxe = ('<?xml version="1.0" encoding="UTF-8"?>\n'
           '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n')
    write_zip(HERE / "external-entity.xlsx", package_parts(sheet(
        '<row r="1"><c r="A1" t="inlineStr"><is><t>&e;</t></is></c></row>', prolog=xxe)))
    write_zip(HERE / "external-entity-sst.xlsx", package_parts(
        sheet('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'),
        sst_xml=xxe + f'<sst xmlns="{MAIN}" count="1" uniqueCount="1"><si><t>&e;</t></si></sst>'))

    lol = ['<!ENTITY lol "lol">']
    prev = "lol"
    for i in range(1, 10):
        lol.append(f'<!ENTITY lol{i} "' + f"&{prev};" * 10 + '">')
        prev = f"lol{i}"
    laughs = ('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE lolz [\n ' +
              "\n ".join(lol) + "\n]>\n")
    write_zip(HERE / "billion-laughs.xlsx", package_parts(sheet(
        '<row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row>', prolog=laughs)))

    write_zip(HERE / "rels-target-escape.xlsx", package_parts(
        sheet('<row r="1"><c r="A1"><v>1</v></c></row>'),
        sheet_target="../../../../../../etc/passwd", include_sheet=False))

    write_zip(HERE / "shared-string-index-out-of-range.xlsx", package_parts(
        sheet('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>99</v></c>'
              '<c r="C1" t="s"><v>-1</v></c><c r="D1" t="s"><v>abc</v></c>'
              '<c r="E1" t="s"><v>18446744073709551616</v></c><c r="F1" t="s"><v></v></c></row>'),
        sst_xml=DECL + f'<sst xmlns="{MAIN}" count="1" uniqueCount="1"><si><t>only</t></si></sst>'))

    write_zip(HERE / "sst-lying-count.xlsx", package_parts(
        sheet('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'),
        sst_xml=DECL + f'<sst xmlns="{MAIN}" count="2147483647" uniqueCount="4294967295">'
                       '<si><t>one string, count claims four billion</t></si></sst>'))

    write_zip(HERE / "huge-dimension.xlsx", package_parts(sheet(
        '<row r="1" spans="1:16384"><c r="A1"><v>1</v></c></row>'
        '<row r="1048576"><c r="XFD1048576"><v>2</v></c></row>',
        before='<dimension ref="A1:XFD1048576"/>')))

    write_zip(HERE / "bad-cell-values.xlsx", package_parts(sheet(
        '<row r="1"><c r="A1" t="n"><v>abc</v></c><c r="B1" t="b"><v>2</v></c>'
        '<c r="C1" t="d"><v>not-a-date</v></c><c r="D1" t="zz"><v>1</v></c>'
        '<c r="E1"><v>1e999999</v></c><c r="F1"><v>NaN</v></c>'
        '<c r="G1" t="inlineStr"></c><c r="H1" t="e"><v>#NOT_AN_ERROR</v></c></row>')))

    write_zip(HERE / "out-of-range-refs.xlsx", package_parts(sheet(
        '<row r="1"><c r="A1"><v>1</v></c><c r="XFE1"><v>2</v></c></row>'
        '<row r="1048577"><c r="A1048577"><v>3</v></c></row>'
        '<row r="99999999999999999999"><c r="A99999999999999999999"><v>4</v></c></row>'
        '<row r="0"><c r="A0"><v>5</v></c></row>'
        '<row r="-1"><c r="1A"><v>6</v></c><c r="ZZZZZZZZZZZZZZZZ5"><v>7</v></c>'
        '<c r=""><v>8</v></c></row>')))

    make_encrypted()


def make_bomb():
    head = (DECL + f'<worksheet xmlns="{MAIN}" xmlns:r="{R}"><sheetData>'
            '<row r="1"><c r="A1" t="inlineStr"><is><t>zip bomb</t></is></c></row>').encode()
    tail = b"</sheetData></worksheet>"
    pad = BOMB_SIZE - len(head) - len(tail)
    chunk = b" " * (1 << 20)
    path = HERE / "zip-bomb.xlsx"
    with zipfile.ZipFile(path, "w") as z:
        for name, data in package_parts(include_sheet=False):
            z.writestr(zinfo(name), data)
        zi = zinfo("xl/worksheets/sheet1.xml")
        for attr in ("compress_level", "_compresslevel"):   # 3.13+ / 3.7-3.12
            try:
                setattr(zi, attr, 9)
                break
            except AttributeError:
                pass
        with z.open(zi, "w") as f:
            f.write(head)
            left = pad
            while left:
                n = min(left, len(chunk))
                f.write(chunk[:n])
                left -= n
            f.write(tail)

    # Same archive, but both the local header and the central directory claim the sheet
    # inflates to LYING_SIZE bytes; the CRC stays that of the real ~2 GiB content.
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as z:
        info = z.getinfo("xl/worksheets/sheet1.xml")
    lh = info.header_offset
    assert data[lh:lh + 4] == b"PK\x03\x04" and not (info.flag_bits & 0x08)
    struct.pack_into("<I", data, lh + 22, LYING_SIZE)
    eocd = data.rfind(b"PK\x05\x06")
    n_entries = struct.unpack_from("<H", data, eocd + 10)[0]
    pos = struct.unpack_from("<I", data, eocd + 16)[0]
    for _ in range(n_entries):
        assert data[pos:pos + 4] == b"PK\x01\x02"
        name_len, extra_len, comment_len = struct.unpack_from("<HHH", data, pos + 28)
        if struct.unpack_from("<I", data, pos + 42)[0] == lh:
            struct.pack_into("<I", data, pos + 24, LYING_SIZE)
            break
        pos += 46 + name_len + extra_len + comment_len
    else:
        raise RuntimeError("central directory entry not found")
    (HERE / "zip-bomb-lying-header.xlsx").write_bytes(bytes(data))


def make_encrypted():
    # (1) hand-built CFB: stdlib only, not decryptable, but shaped like Excel's output
    rng = random.Random(1234)
    package = bytes(rng.getrandbits(8) for _ in range(8192))
    info = struct.pack("<HHI", 4, 4, 0x40) + AGILE_DESCRIPTOR.encode("utf-8")
    encrypted_package = struct.pack("<Q", 6000) + package
    (HERE / "encrypted-handmade-cfb.xlsx").write_bytes(
        build_cfb([("EncryptionInfo", info), ("EncryptedPackage", encrypted_package)]))

    # (2) a compound file that is neither encrypted OOXML nor a BIFF workbook
    (HERE / "compound-file-other.xlsx").write_bytes(
        build_cfb([("Contents", b"not a workbook\0" * 10), ("WordDocument", b"\0" * 5000)]))

    # (3) a real password-protected workbook (password: juesuan) via msoffcrypto-tool
    try:
        import msoffcrypto.method.ecma376_agile as agile
        from msoffcrypto.format.ooxml import OOXMLFile
    except ImportError:
        print("warning: msoffcrypto-tool not installed; keeping encrypted.xlsx as it is",
              file=sys.stderr)
        return
    seeded = random.Random(20240315)
    saved = getattr(agile, "_random_buffer", None)
    agile._random_buffer = lambda n: bytes(seeded.getrandbits(8) for _ in range(n))
    try:
        import msoffcrypto.method.container.ecma376_encrypted as container
        import datetime as dt

        class _FixedDateTime(dt.datetime):
            @classmethod
            def now(cls, tz=None):
                return cls(2024, 1, 1)
        saved_dt = container.datetime
        container.datetime = _FixedDateTime
    except (ImportError, AttributeError):
        container = saved_dt = None
    try:
        out = io.BytesIO()
        OOXMLFile(io.BytesIO(real_xlsx_bytes())).encrypt(PASSWORD, out)
        (HERE / "encrypted.xlsx").write_bytes(out.getvalue())
    finally:
        if saved is not None:
            agile._random_buffer = saved
        if container is not None:
            container.datetime = saved_dt


def make_legacy_xls():
    if shutil.which("soffice") is None:
        print("warning: soffice not found; keeping legacy.xls as it is", file=sys.stderr)
        return
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "legacy.xlsx"
        src.write_bytes(real_xlsx_bytes())
        subprocess.run(["soffice", "-env:UserInstallation=file:///tmp/lo-profile-fixtures",
                        "--headless", "--norestore", "--convert-to", "xls:MS Excel 97",
                        "--outdir", tmp, str(src)],
                       check=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=300)
        shutil.copyfile(Path(tmp) / "legacy.xls", HERE / "legacy.xls")


# --------------------------------------------------------------------------------------
# limits (ReadingLimits in Sources/SpreadsheetKit/Cells/Limits.swift) and nested archives
# --------------------------------------------------------------------------------------

MAX_ZIP_ENTRIES = 10_000
MAX_ATTRIBUTES = 1_000
MAX_SHARED_STRINGS = 5_000_000
MAX_STRING_BYTES = 1 << 20
MAX_CELLS = 10_000_000
XXE_PORT = 48213  # HostileInputTests listens here and checks that nothing connects


def zip_bytes(entries):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data in entries:
            z.writestr(zinfo(name), data)
    return buf.getvalue()


def nested_bomb(levels=3, fan_out=16, base=8 << 20):
    """A 42.zip-style archive: `levels` levels of ZIPs of `fan_out` identical ZIPs, over `base` zeros.
    Each level stays small because the copies repeat within deflate's 32 KiB window."""
    inner = zip_bytes([("zeros.bin", b"0" * base)])
    for level in range(levels):
        inner = zip_bytes([(f"level{level + 1}-{i:02}.zip", inner) for i in range(fan_out)])
    return inner  # unpacked recursively: base * fan_out ** levels bytes (32 GiB by default)


def make_limits():
    body = '<row r="1"><c r="A1"><v>1</v></c></row>'

    # Nested ZIP bomb: the sheet part is itself a ZIP of ZIPs of ZIPs (32 GiB unpacked recursively),
    # and so are two entries no relationship names. Parts are read as XML only, never unpacked again.
    bomb = nested_bomb()
    parts = package_parts(bomb)
    parts += [("xl/embeddings/nested-bomb.zip", bomb), ("xl/media/nested-bomb-copy.zip", bomb)]
    write_zip(HERE / "nested-zip-bomb.xlsx", parts)

    # External entity and external DTD over http (to a local port the test listens on).
    http = f"http://127.0.0.1:{XXE_PORT}/juesuan-xxe"
    write_zip(HERE / "external-entity-http.xlsx", package_parts(sheet(
        '<row r="1"><c r="A1" t="inlineStr"><is><t>&e;</t></is></c></row>',
        prolog=f'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM "{http}">]>\n')))
    write_zip(HERE / "external-dtd-http.xlsx", package_parts(sheet(
        body, prolog=f'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE worksheet SYSTEM "{http}.dtd">\n')))

    # One entry more than the limit (the package's own five parts, plus empty entries).
    parts = package_parts(sheet(body))
    parts += [(f"x/{i:05}", b"") for i in range(MAX_ZIP_ENTRIES + 1 - len(parts))]
    write_zip(HERE / "too-many-zip-entries.xlsx", parts)

    # Shared strings: a uniqueCount that understates, then one <si> more than the limit; one
    # string a byte longer than the limit.
    ref = '<row r="1"><c r="A1" t="s"><v>0</v></c></row>'
    write_zip(HERE / "too-many-shared-strings.xlsx", package_parts(sheet(ref), sst_xml=(
        DECL + f'<sst xmlns="{MAIN}" count="1" uniqueCount="1">' + "<si/>" * (MAX_SHARED_STRINGS + 1) + "</sst>")))
    write_zip(HERE / "overlong-shared-string.xlsx", package_parts(sheet(ref), sst_xml=(
        DECL + f'<sst xmlns="{MAIN}" count="1" uniqueCount="1"><si><t>' + "x" * (MAX_STRING_BYTES + 1)
        + "</t></si></sst>")))

    write_zip(HERE / "overlong-inline-string.xlsx", package_parts(sheet(
        '<row r="1"><c r="A1" t="inlineStr"><is><t>' + "x" * (MAX_STRING_BYTES + 1) + "</t></is></c></row>")))

    # Attributes: one more than the limit on a cell (refused by count once libxml2 reports the
    # element), and a start tag with 150,000 (libxml2 2.9 would spend about 9 s checking them for
    # duplicates: refused by the byte-level guard before libxml2 sees the end of the tag).
    attrs = "".join(f' a{i}=""' for i in range(MAX_ATTRIBUTES))
    write_zip(HERE / "too-many-attributes.xlsx", package_parts(sheet(
        f'<row r="1"><c r="A1"{attrs}><v>1</v></c></row>')))
    flood = "".join(f' a{i}="1"' for i in range(150_000))
    write_zip(HERE / "attribute-flood.xlsx", package_parts(sheet(
        f'<row r="1"><c r="A1"{flood}><v>1</v></c></row>')))

    # Cells: one more than the limit per sheet (rows of 10,000 empty cells), and 16,385 cells in
    # one row (all claiming A1).
    row = "<c/>" * 10_000
    rows = "".join(f'<row r="{r + 1}">{row}</row>' for r in range(MAX_CELLS // 10_000)) + '<row><c/></row>'
    write_zip(HERE / "too-many-cells.xlsx", package_parts(sheet(rows)))
    write_zip(HERE / "too-many-cells-in-row.xlsx", package_parts(sheet(
        '<row r="1">' + '<c r="A1"><v>1</v></c>' * 16_385 + "</row>")))


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--skip-libreoffice", action="store_true")
    ap.add_argument("--skip-bomb", action="store_true", help="do not rebuild the zip bombs")
    args = ap.parse_args()
    make_simple()
    make_limits()
    if not args.skip_bomb:
        make_bomb()
    if not args.skip_libreoffice:
        make_legacy_xls()
    for p in sorted(HERE.iterdir()):
        if p.suffix in (".xlsx", ".xls"):
            print(f"{p.stat().st_size:>10}  {p.name}")


if __name__ == "__main__":
    main()
