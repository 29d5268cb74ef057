import CXlsxWriter
import Foundation
import XCTest
@testable import SpreadsheetKit

/// Constant-memory mode refuses what libxlsxwriter 1.1.4 would lose, and keeps everything it
/// accepts.
final class WritingConstantMemoryTests: XCTestCase {
    typealias S = WriterTestSupport
    typealias E = WorkbookWriterError

    private var folder: URL!

    override func setUpWithError() throws { folder = try S.makeTemporaryDirectory(name) }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    private func makeWriter(_ mode: WritingMode = .constantMemory, file: String = "cm.xlsx") throws -> (WorkbookWriter, SheetWriter, URL) {
        let url = folder.appendingPathComponent(file)
        let writer = try WorkbookWriter(destination: url, options: .init(mode: mode))
        return (writer, try writer.addSheet(named: "S"), url)
    }

    func testRowsMustBeWrittenInOrder() throws {
        let (writer, sheet, url) = try makeWriter()
        XCTAssertEqual(sheet.firstWritableRow, 1)
        try sheet.write("E5", at: S.cell("E5"))
        try sheet.write("A5", at: S.cell("A5")) // same row, any column order
        XCTAssertEqual(sheet.firstWritableRow, 5)
        XCTAssertThrowsWriterError(E.rowAlreadyWritten(row: 3, currentRow: 5), try sheet.write("A3", at: S.cell("A3")))
        XCTAssertThrowsWriterError(E.rowAlreadyWritten(row: 4, currentRow: 5), try sheet.writeRow(["x"], at: S.cell("A4")))
        XCTAssertThrowsWriterError(E.rowAlreadyWritten(row: 4, currentRow: 5), try sheet.writeNumbers([1], at: S.cell("A4")))
        XCTAssertThrowsWriterError(E.rowAlreadyWritten(row: 4, currentRow: 5), try sheet.writeDecimals([1], at: S.cell("A4")))
        XCTAssertThrowsWriterError(E.rowAlreadyWritten(row: 2, currentRow: 5), try sheet.setRow(2, height: 30))
        XCTAssertThrowsWriterError(E.rowAlreadyWritten(row: 1, currentRow: 5), try sheet.addComment("迟到的批注", at: S.cell("A1")))
        // A blank without format stores nothing and does not move the current row.
        try sheet.write(.blank, at: S.cell("A9"))
        XCTAssertEqual(sheet.firstWritableRow, 5)
        try sheet.addComment("当前行的批注", at: S.cell("B5")) // comments do not move the row either
        try sheet.setRow(6, height: 20)
        XCTAssertEqual(sheet.firstWritableRow, 6)
        try sheet.write(.number(6), at: S.cell("A6"))
        // Column settings are kept apart from rows and allowed at any time.
        try sheet.setColumns(1...1, width: 20)
        try sheet.freezePanes(rows: 1)
        try writer.close()

        let xml = try S.part(url, "xl/worksheets/sheet1.xml")
        XCTAssertFalse(xml.contains("<row r=\"3\""))
        XCTAssertFalse(xml.contains("<row r=\"4\""))
        XCTAssertFalse(xml.contains("ht=\"30\""))
        XCTAssertTrue(xml.contains("<row r=\"6\" ht=\"20\" customHeight=\"1\">"), xml)
        let comments = try S.part(url, "xl/comments1.xml")
        XCTAssertTrue(comments.contains("当前行的批注"))
        XCTAssertFalse(comments.contains("迟到的批注"))
    }

    func testMergeStartingOnWrittenRowIsRefused() throws {
        let (writer, sheet, _) = try makeWriter()
        defer { writer.discard() }
        try sheet.write("x", at: S.cell("A5"))
        XCTAssertThrowsWriterError(E.mergeStartsOnWrittenRow(S.range("A3:B6"), currentRow: 5), try sheet.merge(S.range("A3:B6"), with: "标题"))
        XCTAssertThrowsWriterError(E.mergeStartsOnWrittenRow(S.range("C1:D1"), currentRow: 5), try sheet.merge(S.range("C1:D1"), with: "标题"))
        XCTAssertEqual(sheet.mergedRanges, [])
        try sheet.merge(S.range("C5:D5"), with: "同一行可以")
    }

    /// The 1.1.4 trap: a second vertical merge starting on the same row. With a format, the first
    /// merge's formatted blanks move libxlsxwriter to the last row, so the second is refused;
    /// horizontal merges of that row go first, and unformatted vertical merges stay possible.
    func testSecondVerticalMergeOnSameRowIsRefusedNotLost() throws {
        let (writer, sheet, url) = try makeWriter()
        let header = try writer.format(CellFormat(bold: true, borders: .all(.thin)))
        try sheet.merge(S.range("C3:D3"), with: "横向", format: header)
        try sheet.merge(S.range("A3:A4"), with: "项目", format: header)
        XCTAssertEqual(sheet.firstWritableRow, 4)
        XCTAssertThrowsWriterError(E.mergeStartsOnWrittenRow(S.range("B3:B4"), currentRow: 4),
                                   try sheet.merge(S.range("B3:B4"), with: "金额", format: header))
        // Without a format the merge writes only its first cell, so a neighbour can follow.
        try sheet.merge(S.range("A6:A7"), with: "甲")
        try sheet.merge(S.range("B6:B7"), with: "乙")
        XCTAssertEqual(sheet.firstWritableRow, 6)
        try writer.close()

        let script = """
        import json, sys, openpyxl
        ws = openpyxl.load_workbook(sys.argv[1]).active
        print(json.dumps({"merges": sorted(str(r) for r in ws.merged_cells.ranges),
          "values": [ws["A3"].value, ws["C3"].value, ws["B3"].value, ws["A6"].value, ws["B6"].value],
          "bold": [ws["A3"].font.b, ws["A4"].border.left.style, ws["D3"].border.top.style]}, ensure_ascii=False))
        """
        let result = try XCTUnwrap(S.python(script, url) as? [String: Any])
        XCTAssertEqual(result["merges"] as? [String], ["A3:A4", "A6:A7", "B6:B7", "C3:D3"])
        let values = try XCTUnwrap(result["values"] as? [Any])
        XCTAssertEqual(values[0] as? String, "项目")
        XCTAssertEqual(values[1] as? String, "横向")
        XCTAssertTrue(values[2] is NSNull, "the refused merge wrote nothing")
        XCTAssertEqual(values[3] as? String, "甲")
        XCTAssertEqual(values[4] as? String, "乙", "not lost")
        let bold = try XCTUnwrap(result["bold"] as? [Any])
        XCTAssertEqual(bold[0] as? Bool, true)
        XCTAssertEqual(bold[1] as? String, "thin", "the format covers the whole merged area")
        XCTAssertEqual(bold[2] as? String, "thin")
    }

    /// The same calls that constant-memory mode refuses are fine in standard mode.
    func testStandardModeAcceptsAnyOrder() throws {
        let (writer, sheet, url) = try makeWriter(.standard, file: "std.xlsx")
        let header = try writer.format(CellFormat(bold: true))
        XCTAssertNil(sheet.firstWritableRow)
        try sheet.write("A5", at: S.cell("A5"))
        try sheet.write("A3", at: S.cell("A3"))
        try sheet.merge(S.range("A1:A2"), with: "项目", format: header)
        try sheet.merge(S.range("B1:B2"), with: "金额", format: header)
        try sheet.addComment("批注", at: S.cell("A1"))
        try writer.close()
        let xml = try S.part(url, "xl/worksheets/sheet1.xml")
        XCTAssertTrue(xml.contains("<mergeCell ref=\"A1:A2\"/><mergeCell ref=\"B1:B2\"/>"))
        let script = """
        import json, sys, openpyxl
        ws = openpyxl.load_workbook(sys.argv[1]).active
        print(json.dumps([ws["A1"].value, ws["B1"].value, ws["A3"].value, ws["A5"].value], ensure_ascii=False))
        """
        XCTAssertEqual(try S.python(script, url) as? [String], ["项目", "金额", "A3", "A5"])
    }

    /// Documents the libxlsxwriter 1.1.4 behaviour the refusals guard against, by calling the C
    /// library directly: the second vertical merge is recorded but its text is gone, and a write
    /// to a flushed row is dropped with an error code.
    func testLibxlsxwriterLosesDataWithoutTheGuards() throws {
        let url = folder.appendingPathComponent("raw.xlsx")
        var options = lxw_workbook_options()
        options.constant_memory = 1
        let workbook = try XCTUnwrap(url.path.withCString { workbook_new_opt($0, &options) })
        let sheet = try XCTUnwrap(workbook_add_worksheet(workbook, "S"))
        let format = try XCTUnwrap(workbook_add_format(workbook))
        format_set_bold(format)
        XCTAssertEqual(worksheet_merge_range(sheet, 2, 0, 3, 0, "项目", format), LXW_NO_ERROR)
        XCTAssertEqual(worksheet_merge_range(sheet, 2, 1, 3, 1, "金额", format), LXW_NO_ERROR) // "succeeds"
        XCTAssertEqual(worksheet_write_string(sheet, 0, 0, "late", nil), LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE)
        XCTAssertEqual(workbook_close(workbook), LXW_NO_ERROR)
        let xml = try S.part(url, "xl/worksheets/sheet1.xml")
        XCTAssertTrue(xml.contains("<mergeCell ref=\"B3:B4\"/>"), "the range is recorded")
        XCTAssertTrue(xml.contains("项目"))
        XCTAssertFalse(xml.contains("金额"), "but its text is lost")
        XCTAssertFalse(xml.contains("late"))
    }

    /// A large sheet in constant-memory mode, read back.
    func testManyRowsReadBack() throws {
        let (writer, sheet, url) = try makeWriter()
        let money = try writer.format(CellFormat(numberFormat: "#,##0.00"))
        var row: [CellContent] = []
        for r in 1...5_000 {
            row.removeAll(keepingCapacity: true)
            row.append(.string("项目\(r)"))
            for c in 1...9 { row.append(.decimal(Decimal(r * 10 + c) / 100)) }
            try sheet.writeRow(row, at: CellReference(row: r, column: 1), format: money)
        }
        try writer.close()
        let script = """
        import json, sys, openpyxl
        ws = openpyxl.load_workbook(sys.argv[1], read_only=True).active
        rows = list(ws.iter_rows(values_only=True))
        print(json.dumps({"count": len(rows), "first": [str(v) for v in rows[0]], "last": [str(v) for v in rows[-1]]}, ensure_ascii=False))
        """
        let result = try XCTUnwrap(S.python(script, url) as? [String: Any])
        XCTAssertEqual(result["count"] as? Int, 5_000)
        XCTAssertEqual(result["first"] as? [String], ["项目1", "0.11", "0.12", "0.13", "0.14", "0.15", "0.16", "0.17", "0.18", "0.19"])
        XCTAssertEqual((result["last"] as? [String])?.prefix(3), ["项目5000", "500.01", "500.02"])
    }
}
