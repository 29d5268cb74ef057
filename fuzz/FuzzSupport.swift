import Foundation

// Shared by the fuzz targets: drive every reading path of a workbook, and build stored ZIPs.

/// Reads everything a workbook offers; a `WorkbookReadError` is the expected answer to a bad file,
/// anything else thrown is a bug (and so is a crash, an ASan report, a leak or a hang).
func exerciseReader(_ data: Data) {
    // Small parts keep inflation bounded per input; the limit itself is exercised too.
    let options = Workbook.Options(maxPartSize: 8 << 20)
    do {
        let book = try Workbook(data: data, name: "fuzz.xlsx", options: options)
        _ = book.definedNames
        for sheet in book.sheets {
            try book.forEachRow(in: sheet) { row in
                for cell in row.cells {
                    _ = cell.value.dumpText
                    _ = cell.reference.a1
                }
            }
            let loaded = try book.worksheet(sheet)
            _ = loaded.usedRange
            _ = try book.comments(in: sheet)
            let out = OutputBuffer { _ in }
            try DumpWriter(format: .json, output: out).dump(book, sheets: [sheet])
            try DumpWriter(format: .tsv, output: out).dump(book, sheets: [sheet])
        }
    } catch is WorkbookReadError {
        // The expected answer to a bad file.
    } catch {
        fatalError("reader threw something other than WorkbookReadError: \(error)")
    }
}

/// A ZIP archive with stored (uncompressed) entries and correct CRCs.
func storedZip(_ entries: [(name: String, data: [UInt8])]) -> Data {
    var out = [UInt8](), central = [UInt8]()
    func u16(_ v: Int, _ a: inout [UInt8]) { a += [UInt8(v & 0xFF), UInt8((v >> 8) & 0xFF)] }
    func u32(_ v: UInt32, _ a: inout [UInt8]) { for s in stride(from: 0, to: 32, by: 8) { a.append(UInt8((v >> UInt32(s)) & 0xFF)) } }
    for entry in entries {
        let name = Array(entry.name.utf8), crc = crc32(entry.data), offset = UInt32(out.count)
        u32(0x0403_4B50, &out); u16(20, &out); u16(0, &out); u16(0, &out); u16(0, &out); u16(0x21, &out)
        u32(crc, &out); u32(UInt32(entry.data.count), &out); u32(UInt32(entry.data.count), &out)
        u16(name.count, &out); u16(0, &out); out += name; out += entry.data
        u32(0x0201_4B50, &central); u16(20, &central); u16(20, &central); u16(0, &central); u16(0, &central)
        u16(0, &central); u16(0x21, &central); u32(crc, &central); u32(UInt32(entry.data.count), &central)
        u32(UInt32(entry.data.count), &central); u16(name.count, &central); u16(0, &central); u16(0, &central)
        u16(0, &central); u16(0, &central); u32(0, &central); u32(offset, &central); central += name
    }
    let centralOffset = UInt32(out.count)
    out += central
    u32(0x0605_4B50, &out); u16(0, &out); u16(0, &out); u16(entries.count, &out); u16(entries.count, &out)
    u32(UInt32(central.count), &out); u32(centralOffset, &out); u16(0, &out)
    return Data(out)
}

private let crcTable: [UInt32] = (0..<256).map { n -> UInt32 in
    var c = UInt32(n)
    for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
    return c
}

func crc32(_ bytes: [UInt8]) -> UInt32 {
    var c: UInt32 = 0xFFFF_FFFF
    for b in bytes { c = crcTable[Int((c ^ UInt32(b)) & 0xFF)] ^ (c >> 8) }
    return c ^ 0xFFFF_FFFF
}
