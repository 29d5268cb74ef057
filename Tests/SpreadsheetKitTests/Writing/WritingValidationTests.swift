import Foundation
import XCTest
@testable import SpreadsheetKit

/// Every refused input: the error names the limit, and nothing reaches the file.
final class WritingValidationTests: XCTestCase {
    typealias S = WriterTestSupport
    typealias E = WorkbookWriterError

    private var folder: URL!
    private var url: URL!
    private var writer: WorkbookWriter!
    private var sheet: SheetWriter!

    override func setUpWithError() throws {
        folder = try S.makeTemporaryDirectory(name)
        url = folder.appendingPathComponent("v.xlsx")
        writer = try WorkbookWriter(destination: url)
        sheet = try writer.addSheet(named: "Sheet")
    }

    override func tearDownWithError() throws {
        writer?.discard()
        try? FileManager.default.removeItem(at: folder)
    }

    // MARK: Sheet names

    func testSheetNames() throws {
        XCTAssertThrowsWriterError(E.sheetNameEmpty, try writer.addSheet(named: ""))
        let name32 = String(repeating: "表", count: 32)
        XCTAssertThrowsWriterError(E.sheetNameTooLong(name32), try writer.addSheet(named: name32))
        _ = try writer.addSheet(named: String(repeating: "表", count: 31)) // exactly 31 is fine
        let emoji = String(repeating: "😀", count: 16) // 16 characters, 32 UTF-16 units: Excel refuses
        XCTAssertThrowsWriterError(E.sheetNameTooLong(emoji), try writer.addSheet(named: emoji))
        for character in ["[", "]", ":", "*", "?", "/", "\\"] {
            let name = "收入\(character)支出"
            XCTAssertThrowsWriterError(E.sheetNameInvalidCharacter(name, Character(character)), try writer.addSheet(named: name))
        }
        XCTAssertThrowsWriterError(E.sheetNameApostrophe("'决算"), try writer.addSheet(named: "'决算"))
        XCTAssertThrowsWriterError(E.sheetNameApostrophe("决算'"), try writer.addSheet(named: "决算'"))
        _ = try writer.addSheet(named: "O'Brien") // inside is fine
        XCTAssertThrowsWriterError(E.duplicateSheetName("SHEET"), try writer.addSheet(named: "SHEET"))
        XCTAssertThrowsWriterError(E.duplicateSheetName("sheet"), try writer.addSheet(named: "sheet"))
        XCTAssertThrowsWriterError(E.containsNulCharacter(context: "sheet name"), try writer.addSheet(named: "a\u{0}b"))
        XCTAssertEqual(writer.sheetNames, ["Sheet", String(repeating: "表", count: 31), "O'Brien"])

        let message = E.sheetNameTooLong(name32).localizedDescription
        XCTAssertEqual(message, "工作表名称超过 31 个字符：\(name32) / sheet name longer than 31 characters: \(name32)")
    }

    // MARK: Cells

    func testRowAndColumnLimits() throws {
        XCTAssertThrowsWriterError(E.rowOutOfRange(0), try sheet.write("x", at: CellReference(row: 0, column: 1)))
        XCTAssertThrowsWriterError(E.rowOutOfRange(1_048_577), try sheet.write("x", at: CellReference(row: 1_048_577, column: 1)))
        XCTAssertThrowsWriterError(E.columnOutOfRange(0), try sheet.write("x", at: CellReference(row: 1, column: 0)))
        XCTAssertThrowsWriterError(E.columnOutOfRange(16_385), try sheet.write("x", at: CellReference(row: 1, column: 16_385)))
        try sheet.write("last", at: CellReference(row: Limits.maxRows, column: Limits.maxColumns))
        // A row running past XFD is refused as a whole.
        XCTAssertThrowsWriterError(E.columnOutOfRange(16_385), try sheet.writeRow(["a", "b"], at: CellReference(row: 2, column: 16_384)))
        XCTAssertThrowsWriterError(E.columnOutOfRange(16_385), try sheet.writeNumbers([1, 2], at: CellReference(row: 2, column: 16_384)))
        XCTAssertThrowsWriterError(E.columnOutOfRange(16_385), try sheet.writeDecimals([1, 2], at: CellReference(row: 2, column: 16_384)))
        XCTAssertThrowsWriterError(E.rowOutOfRange(0), try sheet.merge(CellRange(first: CellReference(row: 0, column: 1), last: S.cell("B2"))))
        XCTAssertThrowsWriterError(E.columnOutOfRange(16_385), try sheet.setColumns(16_384...16_385, width: 10))
        XCTAssertThrowsWriterError(E.columnOutOfRange(0), try sheet.setColumns(0...2, width: 10))
        XCTAssertThrowsWriterError(E.rowOutOfRange(1_048_577), try sheet.setRow(1_048_577, height: 10))
        XCTAssertThrowsWriterError(E.rowOutOfRange(-1), try sheet.freezePanes(rows: -1))
        XCTAssertThrowsWriterError(E.columnOutOfRange(16_384), try sheet.freezePanes(rows: 1, columns: 16_384))
        XCTAssertThrowsWriterError(E.rowOutOfRange(0), try sheet.addComment("c", at: CellReference(row: 0, column: 1)))
    }

    func testTexts() throws {
        let tooLong = String(repeating: "a", count: 32_768)
        XCTAssertThrowsWriterError(E.stringTooLong(length: 32_768, cell: S.cell("A1")), try sheet.write(.string(tooLong), at: S.cell("A1")))
        // 16,384 emoji are 32,768 UTF-16 units: over Excel's limit although only 16,384 characters.
        let emoji = String(repeating: "😀", count: 16_384)
        XCTAssertThrowsWriterError(E.stringTooLong(length: 32_768, cell: S.cell("A1")), try sheet.write(.string(emoji), at: S.cell("A1")))
        try sheet.write(.string(String(repeating: "决", count: 32_767)), at: S.cell("A1"))
        XCTAssertThrowsWriterError(E.containsNulCharacter(context: "text at B1"), try sheet.write("a\u{0}b", at: S.cell("B1")))
        XCTAssertThrowsWriterError(E.stringTooLong(length: 32_768, cell: S.cell("C1")), try sheet.addComment(tooLong, at: S.cell("C1")))
        XCTAssertThrowsWriterError(E.containsNulCharacter(context: "comment author"),
                                   try sheet.addComment(CellComment("x", author: "a\u{0}"), at: S.cell("C1")))
        XCTAssertThrowsWriterError(E.stringTooLong(length: 32_768, cell: S.cell("D1")),
                                   try sheet.write(.formula("A1", cachedResult: .string(tooLong)), at: S.cell("D1")))
    }

    func testNumbersAndDecimals() throws {
        XCTAssertThrowsWriterError(E.numberOutOfRange("nan", cell: S.cell("A1")), try sheet.write(.number(.nan), at: S.cell("A1")))
        XCTAssertThrowsWriterError(E.numberOutOfRange("inf", cell: S.cell("A1")), try sheet.write(.number(.infinity), at: S.cell("A1")))
        XCTAssertThrowsWriterError(E.numberOutOfRange("1e+308", cell: S.cell("A1")), try sheet.write(.number(1e308), at: S.cell("A1")))
        XCTAssertThrowsWriterError(E.numberOutOfRange("-inf", cell: S.cell("C2")),
                                   try sheet.writeNumbers([1, 2, -.infinity], at: S.cell("A2")))
        let precise = S.decimal("1234567890123.456")
        XCTAssertThrowsWriterError(E.decimalNotRepresentable(precise, cell: S.cell("A1")), try sheet.write(.decimal(precise), at: S.cell("A1")))
        XCTAssertThrowsWriterError(E.decimalNotRepresentable(.nan, cell: S.cell("B3")), try sheet.writeDecimals([1, .nan], at: S.cell("A3")))
        XCTAssertThrowsWriterError(E.decimalNotRepresentable(precise, cell: S.cell("A4")),
                                   try sheet.write(.formula("1", cachedResult: .decimal(precise)), at: S.cell("A4")))
        XCTAssertThrowsWriterError(E.numberOutOfRange("nan", cell: S.cell("A4")),
                                   try sheet.write(.formula("1", cachedResult: .number(.nan)), at: S.cell("A4")))
    }

    func testFormulas() throws {
        XCTAssertThrowsWriterError(E.formulaEmpty(cell: S.cell("A1")), try sheet.write(.formula(""), at: S.cell("A1")))
        XCTAssertThrowsWriterError(E.formulaEmpty(cell: S.cell("A1")), try sheet.write(.formula("="), at: S.cell("A1")))
        let long = "=" + String(repeating: "1+", count: 4_096) + "1" // 8,193 characters after "="
        XCTAssertThrowsWriterError(E.formulaTooLong(length: 8_193, cell: S.cell("A1")), try sheet.write(.formula(long), at: S.cell("A1")))
        XCTAssertThrowsWriterError(E.containsNulCharacter(context: "formula at A1"), try sheet.write(.formula("A\u{0}"), at: S.cell("A1")))
    }

    /// A row with one bad value writes none of its cells.
    func testInvalidRowWritesNothing() throws {
        XCTAssertThrowsWriterError(E.numberOutOfRange("nan", cell: S.cell("C5")),
                                   try sheet.writeRow([.string("前"), .decimal(1), .number(.nan)], at: S.cell("A5")))
        XCTAssertThrowsWriterError(E.decimalNotRepresentable(.nan, cell: S.cell("B6")),
                                   try sheet.writeDecimals([1, .nan], at: S.cell("A6")))
        XCTAssertThrowsWriterError(E.numberOutOfRange("inf", cell: S.cell("B7")),
                                   try sheet.writeNumbers([1, .infinity], at: S.cell("A7")))
        try sheet.write("ok", at: S.cell("A1"))
        try writer.close()
        let xml = try S.part(url, "xl/worksheets/sheet1.xml")
        XCTAssertFalse(xml.contains("<row r=\"5\""), xml)
        XCTAssertFalse(xml.contains("<row r=\"6\""), xml)
        XCTAssertFalse(xml.contains("<row r=\"7\""), xml)
        XCTAssertTrue(xml.contains("<row r=\"1\""))
    }

    // MARK: Merges

    func testMerges() throws {
        XCTAssertThrowsWriterError(E.singleCellMerge(S.range("B2")), try sheet.merge(S.range("B2:B2"), with: "x"))
        try sheet.merge(S.range("A1:C2"), with: "标题")
        XCTAssertThrowsWriterError(E.overlappingMerge(S.range("C2:D3"), existing: S.range("A1:C2")),
                                   try sheet.merge(S.range("C2:D3"), with: "x"))
        XCTAssertThrowsWriterError(E.overlappingMerge(S.range("A1:C2"), existing: S.range("A1:C2")),
                                   try sheet.merge(S.range("A1:C2")))
        XCTAssertThrowsWriterError(E.overlappingMerge(S.range("B1:B1048576"), existing: S.range("A1:C2")),
                                   try sheet.merge(S.range("B1:B1048576")))
        try sheet.merge(S.range("D1:D2"), with: "旁边") // touching is not overlapping
        XCTAssertEqual(sheet.mergedRanges, [S.range("A1:C2"), S.range("D1:D2")])
        XCTAssertThrowsWriterError(E.numberOutOfRange("nan", cell: S.cell("E1")), try sheet.merge(S.range("E1:F1"), with: .number(.nan)))
        XCTAssertEqual(sheet.mergedRanges.count, 2, "a refused merge is not recorded")
        try writer.close()
        let xml = try S.part(url, "xl/worksheets/sheet1.xml")
        XCTAssertTrue(xml.contains("<mergeCells count=\"2\"><mergeCell ref=\"A1:C2\"/><mergeCell ref=\"D1:D2\"/></mergeCells>"), xml)
    }

    // MARK: Layout and formats

    func testLayoutLimits() throws {
        for width in [-1, 256, .infinity] as [Double] {
            XCTAssertThrowsWriterError(E.columnWidthOutOfRange(width), try sheet.setColumns(1...1, width: width))
        }
        XCTAssertThrowsError(try sheet.setColumns(1...1, width: .nan)) { error in
            guard case E.columnWidthOutOfRange(let value) = error, value.isNaN else { return XCTFail("\(error)") }
        }
        try sheet.setColumns(1...1, width: 255)
        for height in [-0.5, 409.5] as [Double] {
            XCTAssertThrowsWriterError(E.rowHeightOutOfRange(height), try sheet.setRow(1, height: height))
        }
        XCTAssertThrowsError(try sheet.setRow(1, height: .nan)) { error in
            guard case E.rowHeightOutOfRange(let value) = error, value.isNaN else { return XCTFail("\(error)") }
        }
        try sheet.setRow(1, height: 409)
    }

    func testFormatLimits() throws {
        XCTAssertThrowsWriterError(E.fontSizeOutOfRange(0), try writer.format(CellFormat(fontSize: 0)))
        XCTAssertThrowsWriterError(E.fontSizeOutOfRange(410), try writer.format(CellFormat(fontSize: 410)))
        let longName = String(repeating: "x", count: 32)
        XCTAssertThrowsWriterError(E.fontNameTooLong(longName), try writer.format(CellFormat(fontName: longName)))
        let longCode = String(repeating: "0", count: 128)
        XCTAssertThrowsWriterError(E.numberFormatTooLong(longCode), try writer.format(CellFormat(numberFormat: longCode)))
        _ = try writer.format(CellFormat(numberFormat: String(repeating: "0", count: 127)))
        XCTAssertThrowsWriterError(E.indentOutOfRange(16), try writer.format(CellFormat(indent: 16)))
        XCTAssertThrowsWriterError(E.indentOutOfRange(-1), try writer.format(CellFormat(indent: -1)))
        XCTAssertThrowsWriterError(E.containsNulCharacter(context: "number format"), try writer.format(CellFormat(numberFormat: "0\u{0}")))
        XCTAssertThrowsWriterError(E.fontSizeOutOfRange(0), try sheet.write("x", at: S.cell("A1"), format: CellFormat(fontSize: 0)))
        XCTAssertEqual(writer.formats.pointers.count, 1, "refused formats create no lxw_format")
    }

    func testForeignFormatHandle() throws {
        let other = try WorkbookWriter(destination: folder.appendingPathComponent("other.xlsx"))
        defer { other.discard() }
        let foreign = try other.format(CellFormat(bold: true))
        XCTAssertThrowsWriterError(E.foreignFormatHandle, try sheet.write("x", at: S.cell("A1"), format: foreign))
        XCTAssertThrowsWriterError(E.foreignFormatHandle, try sheet.writeRow(["x"], at: S.cell("A1"), formats: [foreign]))
        XCTAssertThrowsWriterError(E.foreignFormatHandle, try sheet.merge(S.range("A1:B1"), format: foreign))
        XCTAssertThrowsWriterError(E.foreignFormatHandle, try sheet.setColumns(1...1, format: foreign))
    }

    func testTooManyFormats() throws {
        var registered = 0
        var refusal: WorkbookWriterError?
        for size in 0..<70_000 {
            do {
                _ = try writer.format(CellFormat(fontSize: 1 + Double(size) / 256))
                registered += 1
            } catch {
                refusal = error as? WorkbookWriterError
                break
            }
        }
        XCTAssertEqual(refusal, .tooManyFormats)
        XCTAssertEqual(registered, WritingLimits.maxCellFormats - 2)
    }

    func testPrintSetupLimits() throws {
        XCTAssertThrowsWriterError(E.printScaleOutOfRange(9), try sheet.setPrintSetup(PrintSetup(scale: 9)))
        XCTAssertThrowsWriterError(E.printScaleOutOfRange(401), try sheet.setPrintSetup(PrintSetup(scale: 401)))
        XCTAssertThrowsWriterError(E.fitToPagesOutOfRange(-1), try sheet.setPrintSetup(PrintSetup(fit: FitToPages(width: -1, height: 0))))
        XCTAssertThrowsWriterError(E.fitToPagesOutOfRange(40_000), try sheet.setPrintSetup(PrintSetup(fit: FitToPages(width: 1, height: 40_000))))
        XCTAssertThrowsWriterError(E.marginOutOfRange(-0.1), try sheet.setPrintSetup(PrintSetup(margins: PageMargins(left: -0.1))))
        XCTAssertThrowsWriterError(E.paperSizeOutOfRange(256), try sheet.setPrintSetup(PrintSetup(paper: PaperSize(code: 256))))
        let long = String(repeating: "页", count: 256)
        XCTAssertThrowsWriterError(E.headerFooterTooLong(long), try sheet.setPrintSetup(PrintSetup(header: long)))
        XCTAssertThrowsWriterError(E.headerFooterPicture("&L&G"), try sheet.setPrintSetup(PrintSetup(footer: "&L&G")))
        XCTAssertThrowsWriterError(E.rowOutOfRange(0), try sheet.setPrintSetup(PrintSetup(repeatedRows: 0...2)))
        XCTAssertThrowsWriterError(E.columnOutOfRange(16_385), try sheet.setPrintSetup(PrintSetup(repeatedColumns: 1...16_385)))
        XCTAssertNil(sheet.printSetup, "a refused setup is not kept")
    }

    // MARK: Lifecycle

    func testClosedWorkbookRefusesEverything() throws {
        try writer.close()
        XCTAssertThrowsWriterError(E.workbookClosed, try writer.close())
        XCTAssertThrowsWriterError(E.workbookClosed, try writer.addSheet(named: "More"))
        XCTAssertThrowsWriterError(E.workbookClosed, try writer.format(CellFormat()))
        XCTAssertThrowsWriterError(E.workbookClosed, try sheet.write("x", at: S.cell("A1")))
        XCTAssertThrowsWriterError(E.workbookClosed, try sheet.writeNumbers([1], at: S.cell("A1")))
        XCTAssertThrowsWriterError(E.workbookClosed, try sheet.merge(S.range("A1:B1")))
        XCTAssertThrowsWriterError(E.workbookClosed, try sheet.setColumns(1...1, width: 3))
        XCTAssertThrowsWriterError(E.workbookClosed, try sheet.addComment("x", at: S.cell("A1")))
        XCTAssertThrowsWriterError(E.workbookClosed, try sheet.setPrintSetup(PrintSetup()))
        XCTAssertFalse(writer.isOpen)
    }

    func testInvalidPropertiesRefusedBeforeWritingAndWriterStaysOpen() throws {
        writer.properties.title = "a\u{0}b"
        XCTAssertThrowsWriterError(E.containsNulCharacter(context: "document property"), try writer.close())
        XCTAssertTrue(writer.isOpen)
        XCTAssertEqual(try S.listing(folder), [])
        writer.properties.title = "ok"
        try writer.close()
        XCTAssertEqual(try S.listing(folder), ["v.xlsx"])
    }

    func testDecimalCommaIsRefused() {
        XCTAssertThrowsWriterError(E.numericLocaleNotC(decimalPoint: ","), try WorkbookWriter.checkDecimalPoint(","))
        XCTAssertNoThrow(try WorkbookWriter.checkDecimalPoint("."))
        XCTAssertNoThrow(try WorkbookWriter.checkNumericLocale(), "the test process runs in the C numeric locale")
    }

    /// Needs a locale with a decimal comma installed (skipped otherwise).
    func testNumericLocaleWithDecimalCommaIsRefused() throws {
        let candidates = ["de_DE.UTF-8", "de_DE.utf8", "fr_FR.UTF-8", "ru_RU.UTF-8"]
        guard let previous = setlocale(LC_NUMERIC, nil).map({ String(cString: $0) }) else { throw XCTSkip("no locale") }
        guard candidates.contains(where: { setlocale(LC_NUMERIC, $0) != nil }) else {
            throw XCTSkip("no locale with a decimal comma is installed")
        }
        defer { setlocale(LC_NUMERIC, previous) }
        XCTAssertThrowsWriterError(E.numericLocaleNotC(decimalPoint: ","), try writer.close())
        XCTAssertThrowsWriterError(E.numericLocaleNotC(decimalPoint: ","),
                                   try WorkbookWriter(destination: folder.appendingPathComponent("x.xlsx")))
    }

    /// Every error has a Chinese message, then " / ", then an English one.
    func testMessagesAreChineseThenEnglish() {
        let samples: [E] = [.sheetNameEmpty, .sheetNameTooLong("x"), .sheetNameInvalidCharacter("a/b", "/"),
                            .sheetNameApostrophe("'a"), .duplicateSheetName("A"), .rowOutOfRange(0), .columnOutOfRange(0),
                            .stringTooLong(length: 40_000, cell: S.cell("A1")), .containsNulCharacter(context: "x"),
                            .numberOutOfRange("nan", cell: nil), .decimalNotRepresentable(.nan, cell: nil),
                            .formulaEmpty(cell: S.cell("A1")), .formulaTooLong(length: 9_000, cell: S.cell("A1")),
                            .singleCellMerge(S.range("A1")), .overlappingMerge(S.range("A1:B2"), existing: S.range("B2:C3")),
                            .rowAlreadyWritten(row: 1, currentRow: 2), .mergeStartsOnWrittenRow(S.range("A1:A2"), currentRow: 2),
                            .columnWidthOutOfRange(300), .rowHeightOutOfRange(500), .fontSizeOutOfRange(0),
                            .fontNameTooLong("x"), .numberFormatTooLong("0"), .indentOutOfRange(20), .tooManyFormats,
                            .foreignFormatHandle, .headerFooterTooLong("x"), .headerFooterPicture("&G"),
                            .printScaleOutOfRange(5), .fitToPagesOutOfRange(-1), .marginOutOfRange(-1),
                            .paperSizeOutOfRange(300), .workbookClosed, .destinationExists(path: "/x"),
                            .destinationDirectoryMissing(path: "/x"), .fileSystem(operation: "rename", path: "/x", message: "m"),
                            .numericLocaleNotC(decimalPoint: ","), .libxlsxwriter(function: "f", code: 1, message: "m")]
        for error in samples {
            let message = error.localizedDescription
            let parts = message.components(separatedBy: " / ")
            XCTAssertGreaterThanOrEqual(parts.count, 2, message)
            XCTAssertTrue(parts[0].unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }, "Chinese first: \(message)")
            XCTAssertTrue(parts.last!.unicodeScalars.allSatisfy { $0.value < 0x3000 || $0.value > 0x9FFF }, "English last: \(message)")
        }
        XCTAssertEqual(E.rowOutOfRange(0).localizedDescription, "行号 0 超出 Excel 的范围 1–1048576 / row 0 outside Excel's range 1–1048576")
    }
}
