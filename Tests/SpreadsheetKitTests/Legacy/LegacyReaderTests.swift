@testable import SpreadsheetKit
import TestSupport
import XCTest

/// The pieces of the legacy `.xls` reader: number text, RK numbers, the compound-file reader and
/// writer, container sniffing, the stream handed to FreeXL, and the values of the hand-made
/// BIFF8/BIFF5 fixtures (Tests/Fixtures/xls/README.md).
final class LegacyReaderTests: XCTestCase {
    // MARK: Numbers

    func testNumberTextIsTheShortestRoundTripDecimalLaidOutAsExcelDoes() {
        let cases: [(Double, String)] = [
            (13759.26, "13759.26"), (-2429.51, "-2429.51"), (0.1, "0.1"), (0.1 + 0.2, "0.30000000000000004"),
            (123456789012345, "123456789012345"), (42, "42"), (-7, "-7"),
            (1e15, "1000000000000000"), (1e16, "10000000000000000"), (1e17, "1E+17"), (1.5e300, "1.5E+300"),
            (0.00001, "0.00001"), (1e-6, "1E-6"), (1e-7, "1E-7"), (0.2105, "0.2105"), (-0.0, "0"), (0, "0"),
            (45366.573263888888, "45366.57326388889"), (.leastNonzeroMagnitude, "5E-324"), (Double.greatestFiniteMagnitude, "1.7976931348623157E+308"),
        ]
        for (value, text) in cases {
            XCTAssertEqual(NumberText.decimal(value), text, "\(value)")
        }
        XCTAssertNil(NumberText.decimal(.nan))
        XCTAssertNil(NumberText.decimal(.infinity))
        // Whatever the double, the text reads back as the same double.
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let value = Double(bitPattern: generator.next())
            guard value.isFinite, let text = NumberText.decimal(value) else { continue }
            XCTAssertEqual(Double(text), value, text)
            if value.magnitude > 1e-100 && value.magnitude < 1e100 { // Foundation's Decimal range
                XCTAssertNotNil(Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")), text)
            }
        }
    }

    func testRKNumbers() {
        XCTAssertEqual(decodeRK(UInt32(42 << 2) | 2), 42)
        XCTAssertEqual(decodeRK(UInt32(bitPattern: Int32(-7) << 2) | 2), -7)
        XCTAssertEqual(decodeRK(UInt32(1_375_926 << 2) | 3), 13759.26) // integer / 100, as Excel divides
        XCTAssertEqual(decodeRK(0x4004_0000), 2.5)                      // the high 30 bits of a double
        XCTAssertEqual(decodeRK(0x4004_0001), 0.025)
    }

    // MARK: Compound files

    func testCompoundFileWriterAndReaderRoundTripSmallAndLargeStreams() throws {
        // 100 bytes (padded to the mini stream cutoff), one sector exactly, and 8 MB: more than the
        // 109 FAT sectors the header can list, so DIFAT sectors are written and followed.
        for size in [100, 512, 4096, 8_000_000] {
            let contents = (0..<size).map { UInt8(truncatingIfNeeded: ($0 &* 2_654_435_761) >> 13) }
            let file = CompoundFileWriter.singleStream(named: "Workbook", contents: contents)
            let cfb = try CompoundFile(bytes: file)
            XCTAssertEqual(cfb.majorVersion, 3)
            let entry = try XCTUnwrap(cfb.rootStream(named: ["Workbook"]), "size \(size)")
            let read = try cfb.read(entry)
            XCTAssertEqual(Array(read.prefix(size)), contents, "size \(size)")
            XCTAssertTrue(read.dropFirst(size).allSatisfy { $0 == 0 }, "padding is zeros")
            XCTAssertGreaterThanOrEqual(read.count, 4096, "never in the mini stream")
            if size == 8_000_000 { XCTAssertGreaterThan(CompoundFile.u32(file, 72), 0, "DIFAT sectors") }
        }
    }

    func testCompoundFileRefusesCyclesOutOfRangeSectorsAndTruncation() throws {
        let contents = [UInt8](repeating: 7, count: 20_000)
        let file = CompoundFileWriter.singleStream(named: "Workbook", contents: contents)
        // Layout: FAT sector 0, directory sector 1, stream from sector 2.
        func fatEntry(_ sector: Int) -> Int { 512 + 4 * sector }
        func reason(_ bytes: [UInt8]) -> String? {
            do {
                let cfb = try CompoundFile(bytes: bytes)
                _ = try cfb.read(try XCTUnwrap(cfb.rootStream(named: ["Workbook"])))
                return nil
            } catch let error as CompoundFileError {
                return error.reason
            } catch {
                return "\(error)"
            }
        }
        var cycle = file
        cycle.put32(2, at: fatEntry(5))
        XCTAssertTrue(reason(cycle)?.contains("cycle") == true, reason(cycle) ?? "read")
        var outOfRange = file
        outOfRange.put32(0x00FF_FF00, at: fatEntry(4))
        XCTAssertTrue(reason(outOfRange)?.contains("invalid sector") == true, reason(outOfRange) ?? "read")
        let truncated = Array(file.prefix(file.count / 2))
        XCTAssertTrue(reason(truncated)?.contains("truncated") == true, reason(truncated) ?? "read")
        var badName = file
        badName.put16(200, at: 2 * 512 + 128 + 64) // the stream entry's name length
        XCTAssertTrue(reason(badName)?.contains("name length") == true, reason(badName) ?? "read")
        XCTAssertTrue(reason(Array(file.prefix(300)))?.contains("header") == true)
        var badShift = file
        badShift.put16(13, at: 30)
        XCTAssertNotNil(reason(badShift))
    }

    func testStreamsAreFoundThroughTheDirectoryTreeAndTheMiniStream() throws {
        // The hand-made BIFF8 fixture lists the Workbook 6th and keeps it in the mini stream.
        let cfb = try CompoundFile(Data(contentsOf: Fixtures.url("xls/handmade-biff8-records.xls")))
        XCTAssertEqual(Set(cfb.rootStreams.map(\.name)),
                       ["\u{05}SummaryInformation", "\u{05}DocumentSummaryInformation", "\u{01}CompObj", "Ole", "Extra", "Workbook"])
        let entry = try XCTUnwrap(cfb.rootStream(named: ["workbook"]), "names compare without case")
        XCTAssertLessThan(entry.size, 4096)
        let stream = try cfb.read(entry)
        XCTAssertEqual(stream.count, Int(entry.size))
        XCTAssertEqual(stream.u16(0), BIFFRecordType.bof)
    }

    func testContainersAreRecognisedByContent() throws {
        func kind(_ path: String) throws -> ContainerKind { ContainerKind.sniff(try Data(contentsOf: Fixtures.url(path))) }
        XCTAssertEqual(try kind("xls/zezhou-2024-gk10.xls"), .legacyXLS)
        XCTAssertEqual(try kind("xls/handmade-biff5-gbk.xls"), .legacyXLS) // a "Book" stream
        XCTAssertEqual(try kind("hostile/legacy.xls"), .legacyXLS)
        XCTAssertEqual(try kind("hostile/truncated.xls"), .corruptCompoundFile) // its directory is in the lost half
        XCTAssertEqual(try kind("hostile/encrypted-handmade-cfb.xlsx"), .encryptedOOXML)
        XCTAssertEqual(try kind("hostile/encrypted.xlsx"), .encryptedOOXML)
        XCTAssertEqual(try kind("hostile/compound-file-other.xlsx"), .otherCompoundFile)
        XCTAssertEqual(try kind("workbook/openpyxl-values.xlsx"), .zip)
        XCTAssertEqual(ContainerKind.sniff(Data(ContainerKind.cfbSignature) + Data(count: 600)), .corruptCompoundFile)
        // A compound file whose only stream merely mentions "Workbook" in its text is not a workbook.
        var text: [UInt8] = []
        for unit in "Workbook Book".utf16 { text.append(UInt8(unit & 0xFF)); text.append(UInt8(unit >> 8)) }
        let other = CompoundFileWriter.singleStream(named: "WordDocument", contents: text)
        XCTAssertEqual(ContainerKind.sniff(Data(other)), .otherCompoundFile)
    }

    // MARK: What FreeXL is given

    func testFreeXLReadsANormalisedStream() throws {
        let cfb = try CompoundFile(Data(contentsOf: Fixtures.url("xls/handmade-biff8-records.xls")))
        let biff = try BIFFWorkbook(stream: try cfb.read(try XCTUnwrap(cfb.rootStream(named: ["Workbook"]))))
        var extents: [Int: (rows: Int, columns: Int)?] = [:]
        for sheet in biff.sheets { extents[sheet.offset] = try biff.freeXLExtent(ofSheetAt: sheet.offset, sheetName: sheet.name) }
        XCTAssertEqual(extents[biff.sheets[0].offset]??.rows, 101)
        XCTAssertEqual(extents[biff.sheets[0].offset]??.columns, 7)
        let copy = try BIFFWorkbook(stream: try biff.freeXLStream(extents: extents))
        XCTAssertEqual(copy.sheets.map(\.name), biff.sheets.map(\.name))
        for sheet in copy.sheets {
            // Right after the BOF: one DIMENSION stating the true extent; none later, no nested BOF.
            var cursor = BIFFRecordCursor(copy.bytes, at: sheet.offset)
            _ = try cursor.next()
            let dimension = try XCTUnwrap(try cursor.next())
            XCTAssertEqual(dimension.type, BIFFRecordType.dimension, sheet.name)
            var types: [UInt16] = []
            try copy.forEachRecord(ofSheetAt: sheet.offset, { types.append($0.type) }, nested: { _ in XCTFail("nested substream kept") })
            XCTAssertEqual(types.filter { $0 == BIFFRecordType.dimension }.count, 1, sheet.name)
        }
    }

    // MARK: Values

    func testTheHandMadeBIFF8RecordsReadAsTheirValues() throws {
        let book = try Workbook(path: Fixtures.url("xls/handmade-biff8-records.xls").path)
        XCTAssertEqual(book.format, .xls)
        XCTAssertEqual(book.sheets.map(\.name), ["记录", "Hidden", "VeryHidden", "图表", "空表"])
        XCTAssertEqual(book.sheets.map(\.visibility), [.visible, .hidden, .veryHidden, .visible, .visible])
        XCTAssertEqual(book.sheets.map(\.kind), [.worksheet, .worksheet, .worksheet, .chartsheet, .worksheet])
        XCTAssertEqual(book.dateSystem, .from1900)
        let sheet = try book.worksheet(book.sheets[0])
        func value(_ a1: String) -> CellValue { sheet[CellReference(a1)!]?.value ?? .empty }
        XCTAssertEqual(value("A1"), .string("项目"), "the embedded chart's NUMBER must not land on A1")
        XCTAssertEqual(value("A2"), .string("LABEL 文本"))
        XCTAssertEqual(value("B2"), .number("13759.26"))
        XCTAssertEqual(sheet[CellReference("B2")!]?.numberFormat, "#,##0.00")
        XCTAssertEqual(value("C2"), .string("中国共产党泽州县委员会政法委员会"))
        XCTAssertEqual([value("B3"), value("C3"), value("D3")], [.number("42"), .number("13759.26"), .number("2.5")])
        XCTAssertEqual([value("A4"), value("D4")], [.number("1"), .number("-7")])
        XCTAssertEqual([value("A5"), value("B5"), value("C5"), value("D5"), value("E5")],
                       [.boolean(true), .boolean(false), .error("#DIV/0!"), .error("#N/A"), .error("#REF!")])
        XCTAssertEqual([value("A7"), value("B7"), value("C7"), value("D7"), value("E7"), value("F7")],
                       [.number("2429.51"), .string("公式结果"), .boolean(true), .error("#VALUE!"), .string(""),
                        .string("continued 续写的字符串")])
        XCTAssertNil(sheet[CellReference("A7")!]?.formula, "FreeXL gives no formula text; the cached value is read")
        XCTAssertEqual(value("A8"), .date(ExcelDateTime(serial: "45366", system: .from1900)))
        XCTAssertEqual(value("B8").dumpText, "2024-03-15T13:45:30", "FreeXL's own text would drop the time")
        XCTAssertEqual(value("C8").dumpText, "12:00:00")
        XCTAssertEqual(value("D8"), .number("1.5"), "a [h]:mm:ss duration stays a number (FreeXL says 12:00:00)")
        XCTAssertEqual(value("E8").dumpText, "2024-03-15", "an RK integer with a date format")
        XCTAssertEqual(value("G8"), .number("0.2105"))
        XCTAssertEqual(sheet[CellReference("A9")!]?.value, .empty, "a styled blank is a cell without a value")
        XCTAssertEqual([value("E9"), value("F9"), value("G9")], [.number("1E-7"), .number("123456789012345"), .number("1.5E+300")])
        XCTAssertEqual([value("A10"), value("B10"), value("C10")], [.string(""), .string("line1\nline2"), .string("tab\there")])
        XCTAssertEqual(value("A101"), .number("7"))
        XCTAssertEqual(Set(sheet.layout.mergedRanges.map(\.a1)), ["A12:C12", "B14:B15"])
        XCTAssertTrue(sheet.layout.isColumnHidden(4))
        XCTAssertEqual(sheet.layout.width(ofColumn: 1), 20)
        XCTAssertEqual(sheet.rows.first { $0.number == 6 }?.isHidden, true)
        XCTAssertEqual(sheet.rows.first { $0.number == 3 }?.height, 30)
        XCTAssertEqual(sheet.rows.map(\.number), sheet.rows.map(\.number).sorted(), "rows in order")
        XCTAssertEqual(try book.worksheet(book.sheets[2])[CellReference("A1")!]?.value, .number("1"), "a sheet without DIMENSION")
        XCTAssertTrue(try book.worksheet(book.sheets[3]).rows.isEmpty)
        XCTAssertTrue(try book.worksheet(book.sheets[4]).rows.isEmpty)
        XCTAssertTrue(try book.comments(in: book.sheets[0]).isEmpty)
    }

    func testBIFF5TextIsDecodedFromItsCodePage() throws {
        let book = try Workbook(path: Fixtures.url("xls/handmade-biff5-gbk.xls").path)
        XCTAssertEqual(book.sheets.map(\.name), ["收入支出决算总表", "第二表"])
        XCTAssertEqual(book.sheets[1].visibility, .hidden)
        XCTAssertEqual(book.dateSystem, .from1904)
        let sheet = try book.worksheet(book.sheets[0])
        XCTAssertEqual(sheet.value(row: 2, column: 1), .string("中国共产党泽州县委员会政法委员会"))
        XCTAssertEqual(sheet.value(row: 2, column: 2), .number("13759.26"))
        XCTAssertEqual(sheet.value(row: 3, column: 2).dumpText, "2024-03-15", "1904 serial 43904")
        XCTAssertEqual(sheet[CellReference("B3")!]?.numberFormat, "yyyy\"年\"m\"月\"d\"日\"")
        XCTAssertEqual(sheet.value(row: 4, column: 2), .string("SUM ok"))
        XCTAssertEqual(sheet.value(row: 5, column: 1), .boolean(true))
        XCTAssertEqual(sheet.value(row: 5, column: 2), .error("#DIV/0!"))
        XCTAssertEqual(sheet.value(row: 6, column: 2), .string("一般公共服务支出"))
        XCTAssertEqual(sheet.rows.count, 260)
        XCTAssertEqual(BIFFText.decode([0xD6, 0xD0, 0xCE, 0xC4][...], codePage: 936), "中文")
        XCTAssertEqual(BIFFText.decode([0x41, 0xFF, 0x42][...], codePage: 936), "A\u{FFFD}B", "a byte GBK cannot hold")
    }

    func testMemoryAndPathReadingsAgree() throws {
        let url = Fixtures.url("xls/zezhou-2024-gk10-stacked.xls")
        let fromPath = try Workbook(path: url.path)
        let fromMemory = try Workbook(data: Data(contentsOf: url), name: "内存.xls")
        XCTAssertEqual(fromMemory.format, .xls)
        XCTAssertEqual(fromMemory.fileName, "内存.xls")
        XCTAssertEqual(fromPath.sheets, fromMemory.sheets)
        for sheet in fromPath.sheets {
            let a = try fromPath.worksheet(sheet), b = try fromMemory.worksheet(sheet)
            XCTAssertEqual(a.rows, b.rows)
            XCTAssertEqual(a.layout, b.layout)
        }
        // Column D of the stacked variant is hidden and empty; merges span it.
        let stacked = try fromPath.worksheet(fromPath.sheets[0])
        XCTAssertTrue(stacked.layout.isColumnHidden(4))
        XCTAssertFalse(stacked.layout.mergedRanges.isEmpty)
    }

    func testBrokenLegacyFilesFailWithTheirError() {
        func error(_ path: String) -> WorkbookReadError? {
            do { _ = try Workbook(path: Fixtures.url(path).path); return nil } catch { return error as? WorkbookReadError }
        }
        XCTAssertEqual(error("hostile/encrypted.xls"), .passwordProtected(file: Fixtures.url("hostile/encrypted.xls").path))
        XCTAssertEqual(error("hostile/no-worksheets.xls"), .noWorksheets(file: Fixtures.url("hostile/no-worksheets.xls").path))
        guard case .corruptCompoundFile? = error("hostile/truncated.xls") else { return XCTFail("truncated.xls") }
        guard case .corruptCompoundFile? = error("hostile/cfb-fat-cycle.xls") else { return XCTFail("cfb-fat-cycle.xls") }
        guard case .legacyWorkbookUnreadable? = error("hostile/biff-record-overrun.xls") else { return XCTFail("overrun") }
        guard case .legacySheetTooLarge(_, let sheet, let rows, let columns, _, _)? = error("hostile/grid-bomb.xls") else {
            return XCTFail("grid-bomb.xls")
        }
        XCTAssertEqual([sheet, String(rows), String(columns)], ["Sheet5", "65536", "256"])
        // A smaller budget refuses sooner.
        XCTAssertThrowsError(try Workbook(path: Fixtures.url("hostile/huge-dimension.xls").path,
                                          options: .init(maxPartSize: 100)))
    }
}
