import Foundation

// Shared by every fuzz target (compiled into whichever module hosts the harness): the "parts" input
// format and a stored ZIP writer, so that mutations land in the XML instead of the deflate stream.

/// Splits a fuzz input "\n@@NAME\nCONTENT\n@@NAME\nCONTENT…" into package parts (at most 64).
func unpackParts(_ start: UnsafePointer<UInt8>, _ count: Int) -> [(name: String, data: [UInt8])] {
    let bytes = UnsafeBufferPointer(start: start, count: count)
    let marker: [UInt8] = Array("\n@@".utf8)
    func findMarker(from: Int) -> Int? {
        var k = from
        while k + marker.count <= bytes.count {
            if bytes[k] == marker[0] && bytes[k + 1] == marker[1] && bytes[k + 2] == marker[2] { return k }
            k += 1
        }
        return nil
    }
    var entries: [(name: String, data: [UInt8])] = []
    guard var m = findMarker(from: 0) else { return entries }
    while true {
        let i = m + marker.count
        guard let newline = bytes[i...].firstIndex(of: 10) else { break }
        let name = String(decoding: bytes[i..<newline], as: UTF8.self)
        let next = findMarker(from: newline + 1)
        let end = next ?? bytes.count
        entries.append((name, Array(bytes[(newline + 1)..<max(newline + 1, end)])))
        guard let n = next, entries.count < 64 else { break }
        m = n
    }
    return entries
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
