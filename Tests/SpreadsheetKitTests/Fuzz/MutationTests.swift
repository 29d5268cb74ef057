@testable import SpreadsheetKit
import Foundation
import TestSupport
import XCTest

/// A deterministic, bounded cousin of the libFuzzer runs (fuzz/run.sh), run by CI: about 1,200
/// byte-flipped, truncated, entry-dropped and XML-mangled variants of the fixture workbooks, each
/// read in-process through every path of `Workbook`. None may crash or hang, and every failure must
/// be a `WorkbookReadError` (which names the file). A watchdog fails the test if a variant hangs;
/// nothing here measures time.
final class MutationTests: XCTestCase {
    /// A fixed seed: the same variants on every run, so a failure is reproducible from its name.
    private var rng = MutationRandom(seed: 0x4A75_6573_7561_6E31)

    func testMutatedWorkbooksFailCleanlyOrRead() throws {
        let fixtures = Fixtures.files(in: "workbook").filter { (try? $0.resourceValues(forKeys: [.fileSizeKey]).fileSize ?? 0) ?? 0 < 65536 }
        XCTAssertGreaterThan(fixtures.count, 10)
        var variants: [(name: String, data: Data)] = []
        for url in fixtures {
            let original = try Data(contentsOf: url)
            let base = url.lastPathComponent
            let entries = StoredZip.entries(of: original)
            XCTAssertFalse(entries.isEmpty, "\(base): could not list its entries")
            let stored = StoredZip.pack(entries)

            // The container: bytes flipped, truncated at many offsets.
            for k in 0..<4 { variants.append(("\(base) flip#\(k)", flipBytes(original, count: 1 + k * 3))) }
            for k in 0..<4 {
                variants.append(("\(base) cut#\(k)", original.prefix(Int(rng.next() % UInt64(original.count)))))
            }
            // Stored entries with valid CRCs: mutations reach the XML itself.
            for k in 0..<3 { variants.append(("\(base) stored-flip#\(k)", flipBytes(stored, count: 2 + k * 4))) }
            for (i, entry) in entries.enumerated() {
                var dropped = entries
                dropped.remove(at: i)
                variants.append(("\(base) drop \(entry.name)", StoredZip.pack(dropped)))
            }
            for (i, entry) in entries.enumerated() where entry.name.hasSuffix(".xml") || entry.name.hasSuffix(".rels") {
                var cut = entries
                cut[i].data = Array(entry.data.prefix(Int(rng.next() % UInt64(max(entry.data.count, 1)))))
                variants.append(("\(base) cut-xml \(entry.name)", StoredZip.pack(cut)))
                var flipped = entries
                flipped[i].data = Array(flipBytes(Data(entry.data), count: 3))
                variants.append(("\(base) flip-xml \(entry.name)", StoredZip.pack(flipped)))
            }
            // Hostile cells spliced into each sheet.
            for (i, entry) in entries.enumerated() where entry.name.contains("worksheets/") {
                for splice in Self.hostileCells {
                    var spliced = entries
                    spliced[i].data = Self.splice(splice, into: entry.data)
                    variants.append(("\(base) splice \(splice.prefix(24)) into \(entry.name)", StoredZip.pack(spliced)))
                }
            }
        }
        XCTAssertGreaterThan(variants.count, 300)

        final class Progress: @unchecked Sendable {
            let lock = NSLock()
            var current = ""
            var failures: [String] = []
            var read = 0, refused = 0
        }
        let progress = Progress()
        let finished = DispatchSemaphore(value: 0)
        let work = variants
        Thread.detachNewThread {
            for (name, data) in work {
                progress.lock.lock(); progress.current = name; progress.lock.unlock()
                let outcome = Self.readEverything(data, name: name)
                progress.lock.lock()
                switch outcome {
                case .read: progress.read += 1
                case .refused: progress.refused += 1
                case .unexpected(let message): progress.failures.append("\(name): \(message)")
                }
                progress.lock.unlock()
            }
            finished.signal()
        }
        // A generous watchdog against hangs (the whole batch reads in seconds); never a timing assertion.
        if finished.wait(timeout: .now() + 600) == .timedOut {
            progress.lock.lock(); defer { progress.lock.unlock() }
            return XCTFail("watchdog: reading the variant '\(progress.current)' did not finish")
        }
        XCTAssertEqual(progress.failures, [], "variants that failed other than with a WorkbookReadError")
        XCTAssertGreaterThan(progress.refused, 0)
        XCTAssertGreaterThan(progress.read, 0)
        XCTAssertEqual(progress.read + progress.refused + progress.failures.count, variants.count)
    }

    enum Outcome { case read, refused, unexpected(String) }

    /// Every reading path: sheets streamed and loaded, comments, both dump formats.
    static func readEverything(_ data: Data, name: String) -> Outcome {
        do {
            let book = try Workbook(data: data, name: name, options: Workbook.Options(maxPartSize: 16 << 20))
            _ = book.definedNames
            for sheet in book.sheets {
                try book.forEachRow(in: sheet) { row in for cell in row.cells { _ = cell.value.dumpText } }
                _ = try book.worksheet(sheet).usedRange
                _ = try book.comments(in: sheet)
            }
            for format in DumpFormat.allCases {
                try DumpWriter(format: format, output: OutputBuffer { _ in }).dump(book)
            }
            return .read
        } catch let error as WorkbookReadError {
            let message = error.localizedDescription
            return message.contains(name) ? .refused
                : .unexpected("the message does not name the file: \(message)")
        } catch {
            return .unexpected("\(type(of: error)): \(error)")
        }
    }

    static let hostileCells = [
        #"<row r="1048577"><c r="A1048577"><v>1</v></c></row>"#,
        #"<row r="0"><c r="A0"><v>1</v></c></row>"#,
        #"<row r="2"><c r="XFE2"><v>1</v></c></row>"#,
        #"<row r="3"><c r="B3" t="s"><v>99999999999</v></c><c r="C3" t="s"><v>-1</v></c></row>"#,
        #"<row r="4"><c r="D4" t="s"><v>x</v></c></row>"#,
        #"<row r="5"><c r="E5" s="999999"><v>45657</v></c><c r="F5" t="d"><v>not a date</v></c></row>"#,
        #"<row r="6"><c r="A6"><f t="shared" si="99999999999999999999"/></c><c r="B6"><f t="shared" ref="B6:B9" si="0">A1+</f><v>1</v></c></row>"#,
        #"<row r="7"><c r="A7" t="inlineStr"><is><t>_xD800__x0000__x005F_</t></is></c></row>"#,
        String(repeating: "<row>", count: 3000) + String(repeating: "</row>", count: 3000),
        #"<row r="8"><c r="$$A$$8"><v>1</v></c><c r="ZZZZZZZZZZZZZZZZZZZZ8"><v>1</v></c></row>"#,
        // A row opened inside a cell, after its value (the row's byte buffer restarts under the cell).
        #"<row r="9"><c r="A9"><v>12345</v></c><c r="B9" t="str"><v>text</v><row r="10"/></c><c r="C9"><v>1</v></c><c r="D9" t="s"><v>0</v><row r="11"/></c><c r="E9"><v>2</v></c><c r="F9" t="e"><v>#N/A</v><row r="12"/></c></row>"#,
    ]

    /// Inserts rows after `<sheetData>` (or at the end when the part has none).
    static func splice(_ xml: String, into part: [UInt8]) -> [UInt8] {
        let marker = Array("<sheetData>".utf8)
        guard part.count >= marker.count,
              let at = (0...(part.count - marker.count)).first(where: { part[$0..<($0 + marker.count)].elementsEqual(marker) }) else {
            return part + Array(xml.utf8)
        }
        return Array(part[..<(at + marker.count)]) + Array(xml.utf8) + Array(part[(at + marker.count)...])
    }

    private func flipBytes(_ data: Data, count: Int) -> Data {
        var bytes = [UInt8](data)
        guard !bytes.isEmpty else { return data }
        for _ in 0..<count {
            let at = Int(rng.next() % UInt64(bytes.count))
            bytes[at] = UInt8(truncatingIfNeeded: rng.next())
        }
        return Data(bytes)
    }
}

/// SplitMix64: a tiny deterministic generator.
struct MutationRandom {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Lists a workbook's entries (names from the central directory, contents through the reader's own
/// `ZipArchive`) and packs entries again as a ZIP with stored entries and correct CRCs.
enum StoredZip {
    static func entries(of data: Data) -> [(name: String, data: [UInt8])] {
        let bytes = [UInt8](data)
        func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
        func u32(_ at: Int) -> Int { u16(at) | u16(at + 2) << 16 }
        guard bytes.count >= 22,
              let eocd = stride(from: bytes.count - 22, through: 0, by: -1).first(where: { u32($0) == 0x0605_4B50 }),
              let zip = try? ZipArchive(data: data, name: "fixture", maxEntrySize: 64 << 20) else { return [] }
        var result: [(String, [UInt8])] = []
        var at = u32(eocd + 16)
        for _ in 0..<u16(eocd + 10) {
            guard at + 46 <= bytes.count, u32(at) == 0x0201_4B50 else { break }
            let nameLength = u16(at + 28), extra = u16(at + 30), comment = u16(at + 32)
            let name = String(decoding: bytes[(at + 46)..<(at + 46 + nameLength)], as: UTF8.self)
            var content: [UInt8] = []
            if (try? zip.stream(name, { content += $0 })) != nil { result.append((name, content)) }
            at += 46 + nameLength + extra + comment
        }
        return result
    }

    static func pack(_ entries: [(name: String, data: [UInt8])]) -> Data {
        var out = [UInt8](), central = [UInt8]()
        func u16(_ v: Int, _ a: inout [UInt8]) { a += [UInt8(v & 0xFF), UInt8((v >> 8) & 0xFF)] }
        func u32(_ v: UInt32, _ a: inout [UInt8]) { for s in stride(from: 0, to: 32, by: 8) { a.append(UInt8((v >> UInt32(s)) & 0xFF)) } }
        for entry in entries {
            let name = Array(entry.name.utf8), crc = crc32(entry.data), offset = UInt32(out.count), size = UInt32(entry.data.count)
            u32(0x0403_4B50, &out); u16(20, &out); u16(0, &out); u16(0, &out); u16(0, &out); u16(0x21, &out)
            u32(crc, &out); u32(size, &out); u32(size, &out); u16(name.count, &out); u16(0, &out)
            out += name; out += entry.data
            u32(0x0201_4B50, &central); u16(20, &central); u16(20, &central); u16(0, &central); u16(0, &central)
            u16(0, &central); u16(0x21, &central); u32(crc, &central); u32(size, &central); u32(size, &central)
            u16(name.count, &central); u16(0, &central); u16(0, &central); u16(0, &central); u16(0, &central)
            u32(0, &central); u32(offset, &central); central += name
        }
        let centralOffset = UInt32(out.count)
        out += central
        u32(0x0605_4B50, &out); u16(0, &out); u16(0, &out); u16(entries.count, &out); u16(entries.count, &out)
        u32(UInt32(central.count), &out); u32(centralOffset, &out); u16(0, &out)
        return Data(out)
    }

    private static let table: [UInt32] = (0..<256).map { n -> UInt32 in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var c: UInt32 = 0xFFFF_FFFF
        for b in bytes { c = table[Int((c ^ UInt32(b)) & 0xFF)] ^ (c >> 8) }
        return c ^ 0xFFFF_FFFF
    }
}
