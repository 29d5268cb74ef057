import Foundation
import SpreadsheetKit
import TestSupport
import XCTest

/// A formatted workbook written with the writer reads back the same through the project's own
/// reader and through openpyxl: values, merges, number formats, comments and column widths.
final class WriterReaderRoundTripTests: XCTestCase {
    func testFormattedReportRoundTripsThroughBothReaders() throws {
        let dir = try TemporaryDirectory()
        let url = dir.file("round-trip.xlsx")
        let writer = try WorkbookWriter(destination: url)
        let sheet = try writer.addSheet(named: "公开03表")
        let title = CellFormat(fontName: "黑体", fontSize: 18, bold: true, horizontalAlignment: .center)
        let money = CellFormat(fontName: "宋体", fontSize: 10, borders: .all(.thin), numberFormat: "#,##0.00")
        let percent = CellFormat(numberFormat: "0.00%")
        try sheet.merge(CellRange("A1:H1")!, with: .string("支出决算表"), format: title)
        try sheet.write(.string("公开03表"), at: CellReference("H2")!)
        try sheet.merge(CellRange("A4:B4")!, with: .string("项目"))
        try sheet.merge(CellRange("C4:C5")!, with: .string("本年支出合计"))
        try sheet.write(.string("科目代码"), at: CellReference("A5")!)
        try sheet.write(.string("科目名称"), at: CellReference("B5")!)
        try sheet.write(.string("2010101"), at: CellReference("A6")!)
        try sheet.write(.string("行政运行\n（含“引号”与\t制表符）"), at: CellReference("B6")!)
        try sheet.write(.decimal(Decimal(string: "13759.26")!), at: CellReference("C6")!, format: money)
        try sheet.write(.decimal(Decimal(string: "-2429.51")!), at: CellReference("D6")!, format: money)
        try sheet.write(.decimal(Decimal(string: "123456789012.34")!), at: CellReference("E6")!, format: money)
        try sheet.write(.number(0.2105), at: CellReference("F6")!, format: percent)
        try sheet.write(.boolean(true), at: CellReference("G6")!)
        try sheet.write(.formula("SUM(C6:D6)", cachedResult: .decimal(Decimal(string: "11329.75")!)), at: CellReference("H6")!, format: money)
        try sheet.setColumns(1...1, width: 12)
        try sheet.setColumns(2...2, width: 32.5)
        try sheet.addComment("与上年数据不一致，请核对", author: "审核人", at: CellReference("C6")!)
        let hidden = try writer.addSheet(named: "说明")
        try hidden.write(.string("本表无数据"), at: CellReference("A1")!)
        try writer.close()

        // The project's reader.
        let book = try Workbook(path: url.path)
        XCTAssertEqual(book.sheets.map(\.name), ["公开03表", "说明"])
        let ws = try book.worksheet(book.sheets[0])
        XCTAssertEqual(Set(ws.layout.mergedRanges.map(\.a1)), ["A1:H1", "A4:B4", "C4:C5"])
        XCTAssertEqual(ws.value(row: 1, column: 1), .string("支出决算表"))
        XCTAssertEqual(ws.value(row: 6, column: 1), .string("2010101"))
        XCTAssertEqual(ws.value(row: 6, column: 2), .string("行政运行\n（含“引号”与\t制表符）"))
        XCTAssertEqual(ws.value(row: 6, column: 3), .number("13759.26"))
        XCTAssertEqual(ws.value(row: 6, column: 4), .number("-2429.51"))
        XCTAssertEqual(ws.value(row: 6, column: 5), .number("123456789012.34"))
        XCTAssertEqual(ws.value(row: 6, column: 6).decimal, Decimal(string: "0.2105"))
        XCTAssertEqual(ws.value(row: 6, column: 7), .boolean(true))
        XCTAssertEqual(ws[CellReference("H6")!]?.formula, "SUM(C6:D6)")
        XCTAssertEqual(ws.value(row: 6, column: 8), .number("11329.75"))
        XCTAssertEqual(ws[CellReference("C6")!]?.numberFormat, "#,##0.00")
        XCTAssertEqual(ws[CellReference("F6")!]?.numberFormat, "0.00%")
        XCTAssertEqual(ws.layout.width(ofColumn: 1).map { ($0 * 10).rounded() / 10 }, 12.7) // Excel pads widths by the font's padding
        XCTAssertEqual(ws.layout.width(ofColumn: 2).map { $0 >= 32.5 && $0 < 33.5 }, true)
        let comments = try book.comments(in: book.sheets[0])
        XCTAssertEqual(comments.count, 1)
        XCTAssertEqual(comments.first?.0, CellReference("C6"))
        XCTAssertEqual(comments.first?.1.text, "与上年数据不一致，请核对")
        XCTAssertEqual(comments.first?.1.author, "审核人")

        // openpyxl, an independent reader.
        let result = try ProcessRunner.python("openpyxl_dump.py", [url.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        let root = try XCTUnwrap(JSONSerialization.jsonObject(with: result.stdout) as? [String: Any])
        let sheets = try XCTUnwrap(root["sheets"] as? [[String: Any]])
        XCTAssertEqual(sheets.map { $0["name"] as? String }, ["公开03表", "说明"])
        XCTAssertEqual(Set(sheets[0]["merged"] as? [String] ?? []), ["A1:H1", "A4:B4", "C4:C5"])
        var cells: [String: [String: Any]] = [:]
        for row in sheets[0]["rows"] as? [[String: Any]] ?? [] {
            for cell in row["cells"] as? [[String: Any]] ?? [] { cells[cell["ref"] as! String] = cell }
        }
        XCTAssertEqual(Double(cells["C6"]?["value"] as? String ?? ""), 13759.26)
        XCTAssertEqual(Double(cells["E6"]?["value"] as? String ?? ""), 123456789012.34)
        XCTAssertEqual(cells["C6"]?["format"] as? String, "#,##0.00")
        XCTAssertEqual(cells["F6"]?["format"] as? String, "0.00%")
        XCTAssertEqual(cells["B6"]?["value"] as? String, "行政运行\n（含“引号”与\t制表符）")
        XCTAssertEqual(cells["G6"]?["value"] as? String, "TRUE")
        XCTAssertEqual(cells["H6"]?["formula"] as? String, "SUM(C6:D6)")
        let openpyxlComments = (root["comments"] as? [String: [String: String]])?["公开03表"]
        XCTAssertEqual(openpyxlComments?["C6"], "与上年数据不一致，请核对")
        let widths = (root["column_widths"] as? [String: [String: Double]])?["公开03表"]
        XCTAssertEqual(widths?["A"], ws.layout.width(ofColumn: 1))
        XCTAssertEqual(widths?["B"], ws.layout.width(ofColumn: 2))
    }
}
