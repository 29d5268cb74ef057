import Foundation
import SpreadsheetKit
import TestSupport
import XCTest

/// The reader's public API on committed fixtures: both tiers, in-memory bytes, defined names,
/// date systems, visibility, row heights and column widths.
final class WorkbookReaderTests: XCTestCase {
    func testBytesInMemoryReadLikeTheFile() throws {
        let url = Fixtures.url("workbook/xlsxwriter-values.xlsx")
        let fromFile = try Workbook(path: url.path)
        let fromBytes = try Workbook(data: try Data(contentsOf: url), name: "内存中的工作簿")
        XCTAssertEqual(fromBytes.fileName, "内存中的工作簿")
        XCTAssertEqual(fromFile.sheets.map(\.name), fromBytes.sheets.map(\.name))
        for sheet in fromFile.sheets {
            XCTAssertEqual(try fromFile.worksheet(sheet).rows, try fromBytes.worksheet(fromBytes.sheet(named: sheet.name)!).rows)
        }
        XCTAssertThrowsError(try Workbook(data: Data("not a workbook".utf8), name: "x")) { error in
            XCTAssertEqual(error as? WorkbookReadError, .notAWorkbook(file: "x", reason: "不是 ZIP 文件 / not a ZIP file"))
        }
    }

    func testDefinedNamesAndDateSystems() throws {
        let book = try Workbook(path: Fixtures.url("workbook/openpyxl-values.xlsx").path)
        let names = Dictionary(uniqueKeysWithValues: book.definedNames.map { ($0.name, $0) })
        XCTAssertEqual(names["总计"]?.formula, "'收入支出决算总表'!$B$2:$B$3")
        XCTAssertEqual(names["TaxRate"]?.formula, "0.2105")
        XCTAssertEqual(names["LocalHeader"]?.localSheetIndex, 0)
        XCTAssertNil(names["总计"]?.localSheetIndex)
        XCTAssertEqual(try Workbook(path: Fixtures.url("workbook/openpyxl-dates-1904.xlsx").path).dateSystem, .from1904)
        XCTAssertEqual(try Workbook(path: Fixtures.url("workbook/openpyxl-dates-1900.xlsx").path).dateSystem, .from1900)
    }

    func testStreamingTierSeesEveryRowOnceInOrder() throws {
        let book = try Workbook(path: Fixtures.url("workbook/xlsxwriter-large-100k.xlsx").path)
        var count = 0, last = 0, ordered = true
        let layout = try book.forEachRow(in: book.sheets[0]) { row in
            if row.number <= last { ordered = false }
            last = row.number
            count += 1
        }
        XCTAssertTrue(ordered)
        XCTAssertEqual(count, 100_001) // header + 100,000 rows
        XCTAssertEqual(layout.mergedRanges, [])
    }

    func testVisibilityWidthsAndHeights() throws {
        let book = try Workbook(path: Fixtures.url("workbook/openpyxl-hidden-sheets.xlsx").path)
        XCTAssertEqual(book.sheets.map(\.visibility), [.visible, .hidden, .veryHidden, .visible])
        let merges = try Workbook(path: Fixtures.url("workbook/openpyxl-merges.xlsx").path)
        let ws = try merges.worksheet(merges.sheets[0])
        XCTAssertEqual(Set(ws.layout.mergedRanges.map(\.a1)), ["A1:C1", "A3:C5", "E1:E4"])
        XCTAssertEqual(ws.usedRange?.a1, "A1:E7")
    }
}
