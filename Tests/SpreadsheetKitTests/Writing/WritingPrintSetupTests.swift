import Foundation
import XCTest
@testable import SpreadsheetKit

/// Print setup reaches the sheet XML (`pageSetup`, `printOptions`, `pageMargins`,
/// `headerFooter`, `sheetPr/pageSetUpPr`) and the workbook's defined names.
final class WritingPrintSetupTests: XCTestCase {
    typealias S = WriterTestSupport

    private var folder: URL!

    override func setUpWithError() throws { folder = try S.makeTemporaryDirectory(name) }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    private func write(_ setup: PrintSetup, mode: WritingMode = .standard, sheetName: String = "决算表") throws -> URL {
        let url = folder.appendingPathComponent("print-\(UUID().uuidString.prefix(6)).xlsx")
        let writer = try WorkbookWriter(destination: url, options: .init(mode: mode))
        let sheet = try writer.addSheet(named: sheetName)
        for row in 1...60 { try sheet.writeRow([.string("行\(row)"), .number(Double(row))], at: CellReference(row: row, column: 1)) }
        try sheet.setPrintSetup(setup)
        try writer.close()
        return url
    }

    func testA4LandscapeFitToWidthWithTitlesMarginsHeaderFooter() throws {
        for mode in [WritingMode.standard, .constantMemory] {
            let setup = PrintSetup(paper: .a4, orientation: .landscape, fit: .oneWide, repeatedRows: 1...3,
                                   margins: PageMargins(left: 0.5, right: 0.4, top: 1, bottom: 0.9, header: 0.35, footer: 0.25),
                                   header: "&C&\"宋体,加粗\"2024 年度决算", footer: "&C第 &P 页，共 &N 页",
                                   centerHorizontally: true)
            let url = try write(setup, mode: mode)
            let sheet = try S.part(url, "xl/worksheets/sheet1.xml")
            XCTAssertTrue(sheet.contains("<pageSetup paperSize=\"9\" fitToHeight=\"0\" orientation=\"landscape\"/>"), sheet)
            XCTAssertTrue(sheet.contains("<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>"))
            XCTAssertTrue(sheet.contains("<printOptions horizontalCentered=\"1\"/>"))
            XCTAssertTrue(sheet.contains("<pageMargins left=\"0.5\" right=\"0.4\" top=\"1\" bottom=\"0.9\" header=\"0.35\" footer=\"0.25\"/>"), sheet)
            XCTAssertTrue(sheet.contains("<oddHeader>&amp;C&amp;\"宋体,加粗\"2024 年度决算</oddHeader>"))
            XCTAssertTrue(sheet.contains("<oddFooter>&amp;C第 &amp;P 页，共 &amp;N 页</oddFooter>"))
            let workbook = try S.part(url, "xl/workbook.xml")
            XCTAssertTrue(workbook.contains("<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"0\">'决算表'!$1:$3</definedName>"), workbook)

            let script = """
            import json, sys, openpyxl
            ws = openpyxl.load_workbook(sys.argv[1]).active
            ps = ws.page_setup
            print(json.dumps({"orientation": ps.orientation, "paper": str(ps.paperSize), "fitW": ps.fitToWidth,
              "fitH": ps.fitToHeight, "fit": ws.sheet_properties.pageSetUpPr.fitToPage,
              "titles": ws.print_title_rows, "center": ws.print_options.horizontalCentered,
              "left": ws.page_margins.left, "header": ws.page_margins.header,
              "footer": ws.oddFooter.center.text}, ensure_ascii=False))
            """
            let result = try XCTUnwrap(S.python(script, url) as? [String: Any])
            XCTAssertEqual(result["orientation"] as? String, "landscape")
            XCTAssertEqual(result["paper"] as? String, "9")
            XCTAssertEqual(result["fitH"] as? Int, 0)
            XCTAssertEqual(result["fit"] as? Bool, true)
            XCTAssertEqual(result["titles"] as? String, "$1:$3")
            XCTAssertEqual(result["center"] as? Bool, true)
            XCTAssertEqual(result["left"] as? Double, 0.5)
            XCTAssertEqual(result["header"] as? Double, 0.35)
            XCTAssertEqual(result["footer"] as? String, "第 &P 页，共 &N 页")
        }
    }

    func testScaleColumnsAreaVerticalCentringGridlines() throws {
        let setup = PrintSetup(paper: .a3, scale: 85, repeatedColumns: 1...2, printArea: S.range("A1:B40"),
                               centerVertically: true, printGridlines: true)
        let url = try write(setup, sheetName: "Sheet One")
        let sheet = try S.part(url, "xl/worksheets/sheet1.xml")
        XCTAssertTrue(sheet.contains("<pageSetup paperSize=\"8\" scale=\"85\" orientation=\"portrait\"/>"), sheet)
        XCTAssertTrue(sheet.contains("<printOptions verticalCentered=\"1\" gridLines=\"1\"/>"), sheet)
        let workbook = try S.part(url, "xl/workbook.xml")
        XCTAssertTrue(workbook.contains("<definedName name=\"_xlnm.Print_Area\" localSheetId=\"0\">'Sheet One'!$A$1:$B$40</definedName>"), workbook)
        XCTAssertTrue(workbook.contains("<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"0\">'Sheet One'!$A:$B</definedName>"), workbook)
    }

    /// A later setup replaces an earlier one entirely (nothing of the first leaks through).
    func testLaterSetupReplacesEarlier() throws {
        let url = folder.appendingPathComponent("replace.xlsx")
        let writer = try WorkbookWriter(destination: url)
        let sheet = try writer.addSheet(named: "S")
        try sheet.write("x", at: S.cell("A1"))
        try sheet.setPrintSetup(PrintSetup(paper: .a4, orientation: .landscape, fit: .oneWide, repeatedRows: 1...1,
                                           centerHorizontally: true))
        try sheet.setPrintSetup(PrintSetup(paper: .letter))
        XCTAssertEqual(sheet.printSetup, PrintSetup(paper: .letter))
        try writer.close()
        let xml = try S.part(url, "xl/worksheets/sheet1.xml")
        XCTAssertTrue(xml.contains("<pageSetup paperSize=\"1\" orientation=\"portrait\"/>"), xml)
        XCTAssertFalse(xml.contains("printOptions"))
        XCTAssertFalse(xml.contains("fitToPage"))
        XCTAssertFalse(try S.part(url, "xl/workbook.xml").contains("Print_Titles"))
    }
}
