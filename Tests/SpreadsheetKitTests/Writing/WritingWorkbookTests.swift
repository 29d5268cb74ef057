import Foundation
import XCTest
@testable import SpreadsheetKit

/// Writes representative workbooks and checks them twice: in the package XML, and read back
/// through openpyxl.
final class WritingWorkbookTests: XCTestCase {
    typealias S = WriterTestSupport

    private var folder: URL!

    override func setUpWithError() throws {
        folder = try S.makeTemporaryDirectory(name)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    /// A report-like sheet: title merge, header row, values of every kind, formats, layout.
    /// Written top to bottom, so the same calls work in constant-memory mode.
    private func writeReport(mode: WritingMode) throws -> URL {
        let url = folder.appendingPathComponent("report-\(mode).xlsx")
        let writer = try WorkbookWriter(destination: url, options: .init(mode: mode))
        writer.properties = DocumentProperties(title: "2024 年度部门决算", subject: "决算", author: "财务处",
                                               manager: "处长", company: "某某单位", category: "报表",
                                               keywords: "决算,2024", comments: "测试", status: "草稿",
                                               created: Date(timeIntervalSince1970: 1_700_000_000))
        let sheet = try writer.addSheet(named: "收入支出决算总表")
        let title = try writer.format(CellFormat(fontName: "宋体", fontSize: 16, bold: true,
                                                 horizontalAlignment: .center, verticalAlignment: .center))
        let header = try writer.format(CellFormat(bold: true, horizontalAlignment: .center, wrapText: true,
                                                  borders: .all(.thin), fillColor: .lightGray))
        let money = try writer.format(CellFormat(borders: .all(.thin), numberFormat: "#,##0.00"))
        let percent = try writer.format(CellFormat(italic: true, fontColor: .red, numberFormat: "0.00%"))
        let custom = try writer.format(CellFormat(borders: Borders(bottom: Border(.double, color: .blue)),
                                                  numberFormat: "#,##0.00;[Red]-#,##0.00"))

        try sheet.setColumns(1...1, width: 30)
        try sheet.setColumns(2...3, width: 16.5)
        try sheet.setColumns(5...5, width: 12, hidden: true)
        try sheet.setRow(1, height: 28)
        try sheet.merge(S.range("A1:E1"), with: "收入支出决算总表", format: title)
        try sheet.writeRow(["项目", "本年数", "上年数", "增减", "备注"], at: S.cell("A2"), format: header)
        try sheet.writeRow([.string("一般公共预算财政拨款收入"), .decimal(S.decimal("13759.26")),
                            .decimal(S.decimal("123456789012.34")), .number(0.125), .boolean(true)],
                           at: S.cell("A3"), formats: [nil, money, money, percent])
        try sheet.addComment(CellComment("与上年数据不一致，请核对", author: "审核人"), at: S.cell("B3"))
        try sheet.writeRow([.string("事业收入"), .decimal(S.decimal("-0.07")), .decimal(0), .blank, .boolean(false)],
                           at: S.cell("A4"), formats: [nil, custom, money, money])
        try sheet.addComment("来源：财政部门", at: S.cell("A4"))
        try sheet.write(.formula("=SUM(B3:B4)", cachedResult: .decimal(S.decimal("13759.19"))), at: S.cell("B5"), format: money)
        try sheet.write(.formula("C3+C4"), at: S.cell("C5"), format: money)
        try sheet.write(.formula("IF(B5>0,\"盈\",\"亏\")", cachedResult: .string("盈")), at: S.cell("D5"))
        try sheet.write("合计", at: S.cell("A5"), format: CellFormat(bold: true))
        try sheet.writeNumbers([1, 2.5, 1e-7], at: S.cell("A6"))
        try sheet.writeDecimals([S.decimal("99999.99"), S.decimal("0.1")], at: S.cell("D6"), format: money)
        try sheet.setRow(7, height: 22, hidden: true)
        // Horizontal merge first: in constant-memory mode the vertical one moves to row 9.
        try sheet.merge(S.range("B8:C8"), with: .decimal(S.decimal("500.5")), format: money)
        try sheet.merge(S.range("A8:A9"), with: "纵向合并", format: header)
        try sheet.freezePanes(rows: 2, columns: 1)

        let second = try writer.addSheet(named: "附表1")
        try second.write("第二张表", at: S.cell("A1"))
        try writer.close()
        return url
    }

    func testStandardWorkbookXML() throws {
        try checkXML(try writeReport(mode: .standard), sharedStrings: true)
    }

    func testConstantMemoryWorkbookXML() throws {
        try checkXML(try writeReport(mode: .constantMemory), sharedStrings: false)
    }

    private func checkXML(_ url: URL, sharedStrings: Bool) throws {
        let sheet = try S.part(url, "xl/worksheets/sheet1.xml")
        XCTAssertTrue(sheet.contains("<v>13759.26</v>"), "13759.26 must be stored as its exact text")
        XCTAssertTrue(sheet.contains("<v>123456789012.34</v>"))
        XCTAssertTrue(sheet.contains("<v>-0.07000000000000001</v>"), "%.16G of the nearest double to -0.07")
        XCTAssertTrue(sheet.contains("<v>99999.99000000001</v>"), "%.16G of the nearest double to 99999.99")
        XCTAssertTrue(sheet.contains("<v>1E-07</v>"))
        XCTAssertTrue(sheet.contains("<mergeCell ref=\"A1:E1\"/>"))
        XCTAssertTrue(sheet.contains("<mergeCell ref=\"A8:A9\"/>"))
        XCTAssertTrue(sheet.contains("<mergeCell ref=\"B8:C8\"/>"))
        XCTAssertTrue(sheet.contains("<mergeCells count=\"3\">"))
        XCTAssertTrue(sheet.contains("<col min=\"1\" max=\"1\" width=\"30.7109375\" customWidth=\"1\"/>"), sheet)
        XCTAssertTrue(sheet.contains("<col min=\"5\" max=\"5\" width=\"12.7109375\" hidden=\"1\" customWidth=\"1\"/>"), sheet)
        XCTAssertTrue(sheet.contains("<pane xSplit=\"1\" ySplit=\"2\" topLeftCell=\"B3\" activePane=\"bottomRight\" state=\"frozen\"/>"))
        XCTAssertTrue(sheet.contains("ht=\"28\" customHeight=\"1\""))
        XCTAssertTrue(sheet.contains("ht=\"22\" hidden=\"1\" customHeight=\"1\""))
        XCTAssertTrue(sheet.contains("<f>SUM(B3:B4)</f><v>13759.19</v>"))
        XCTAssertTrue(sheet.contains("<f>C3+C4</f><v>0</v>"), "1.1.4 stores 0 when there is no cached result")
        XCTAssertTrue(sheet.contains("t=\"str\"><f>IF(B5&gt;0,\"盈\",\"亏\")</f><v>盈</v>"))
        XCTAssertTrue(sheet.contains("<legacyDrawing r:id="))
        XCTAssertEqual(sheet.contains("t=\"inlineStr\""), !sharedStrings)
        XCTAssertEqual(sheet.contains("t=\"s\""), sharedStrings)

        let styles = try S.part(url, "xl/styles.xml")
        XCTAssertTrue(styles.contains("formatCode=\"#,##0.00\""))
        XCTAssertTrue(styles.contains("formatCode=\"0.00%\""))
        XCTAssertTrue(styles.contains("formatCode=\"#,##0.00;[Red]-#,##0.00\""))
        XCTAssertTrue(styles.contains("<name val=\"宋体\"/>"))
        XCTAssertTrue(styles.contains("<bottom style=\"double\"><color rgb=\"FF0000FF\"/></bottom>"))
        XCTAssertTrue(styles.contains("<patternFill patternType=\"solid\"><fgColor rgb=\"FFD9D9D9\"/>"))

        let comments = try S.part(url, "xl/comments1.xml")
        XCTAssertTrue(comments.contains("<author>审核人</author>"))
        XCTAssertTrue(comments.contains("与上年数据不一致，请核对"))
        XCTAssertTrue(comments.contains("来源：财政部门"))

        let core = try S.part(url, "docProps/core.xml")
        XCTAssertTrue(core.contains("<dc:title>2024 年度部门决算</dc:title>"))
        XCTAssertTrue(core.contains("<dc:creator>财务处</dc:creator>"))
        XCTAssertTrue(core.contains("<dcterms:created xsi:type=\"dcterms:W3CDTF\">2023-11-14T22:13:20Z</dcterms:created>"))
        let app = try S.part(url, "docProps/app.xml")
        XCTAssertTrue(app.contains("<Company>某某单位</Company>"))
        XCTAssertTrue(app.contains("<Manager>处长</Manager>"))

        let workbook = try S.part(url, "xl/workbook.xml")
        XCTAssertTrue(workbook.contains("<sheet name=\"收入支出决算总表\" sheetId=\"1\""))
        XCTAssertTrue(workbook.contains("<sheet name=\"附表1\" sheetId=\"2\""))
    }

    func testStandardWorkbookReadsBackInOpenpyxl() throws {
        try checkOpenpyxl(try writeReport(mode: .standard))
    }

    func testConstantMemoryWorkbookReadsBackInOpenpyxl() throws {
        try checkOpenpyxl(try writeReport(mode: .constantMemory))
    }

    private func checkOpenpyxl(_ url: URL) throws {
        let script = """
        import json, sys, openpyxl
        wb = openpyxl.load_workbook(sys.argv[1])
        ws = wb.worksheets[0]
        out = {
          "sheets": wb.sheetnames,
          "merges": sorted(str(r) for r in ws.merged_cells.ranges),
          "values": {c: repr(ws[c].value) for c in ["A1","A2","E2","A3","B3","C3","D3","E3","B4","C4","E4","B5","C5","D5","A6","B6","C6","D6","E6","A8","B8"]},
          "formats": {c: ws[c].number_format for c in ["B3","D3","B4","B5","D6"]},
          "bold": [ws["A1"].font.b, ws["A2"].font.b, ws["A5"].font.b],
          "font": [ws["A1"].font.name, ws["A1"].font.sz],
          "align": [ws["A1"].alignment.horizontal, ws["A1"].alignment.vertical, ws["A2"].alignment.wrap_text],
          "border": [ws["B3"].border.left.style, ws["B4"].border.bottom.style],
          "fill": ws["A2"].fill.fgColor.rgb,
          "fontColor": ws["D3"].font.color.rgb,
          "comments": [[ws["B3"].comment.text, ws["B3"].comment.author], [ws["A4"].comment.text]],
          "widths": {k: ws.column_dimensions[k].width for k in ["A","B","E"]},
          "spanB": [ws.column_dimensions["B"].min, ws.column_dimensions["B"].max],
          "hidden": [ws.column_dimensions["E"].hidden, ws.column_dimensions["B"].hidden, ws.row_dimensions[7].hidden],
          "heights": [ws.row_dimensions[1].height, ws.row_dimensions[7].height],
          "freeze": ws.freeze_panes,
          "props": [wb.properties.title, wb.properties.creator, wb.properties.subject, wb.properties.keywords],
        }
        print(json.dumps(out, ensure_ascii=False))
        """
        let result = try XCTUnwrap(S.python(script, url) as? [String: Any])
        XCTAssertEqual(result["sheets"] as? [String], ["收入支出决算总表", "附表1"])
        XCTAssertEqual(result["merges"] as? [String], ["A1:E1", "A8:A9", "B8:C8"])
        let values = try XCTUnwrap(result["values"] as? [String: String])
        XCTAssertEqual(values["A1"], "'收入支出决算总表'")
        XCTAssertEqual(values["A2"], "'项目'")
        XCTAssertEqual(values["E2"], "'备注'")
        XCTAssertEqual(values["A3"], "'一般公共预算财政拨款收入'")
        XCTAssertEqual(values["B3"], "13759.26")
        XCTAssertEqual(values["C3"], "123456789012.34")
        XCTAssertEqual(values["D3"], "0.125")
        XCTAssertEqual(values["E3"], "True")
        XCTAssertEqual(values["B4"], "-0.07")
        XCTAssertEqual(values["C4"], "0")
        XCTAssertEqual(values["E4"], "False")
        XCTAssertEqual(values["B5"], "'=SUM(B3:B4)'")
        XCTAssertEqual(values["C5"], "'=C3+C4'")
        XCTAssertEqual(values["D5"], "'=IF(B5>0,\"盈\",\"亏\")'")
        XCTAssertEqual(values["A6"], "1")
        XCTAssertEqual(values["B6"], "2.5")
        XCTAssertEqual(values["C6"], "1e-07")
        XCTAssertEqual(values["D6"], "99999.99")
        XCTAssertEqual(values["E6"], "0.1")
        XCTAssertEqual(values["A8"], "'纵向合并'")
        XCTAssertEqual(values["B8"], "500.5")
        XCTAssertEqual(result["formats"] as? [String: String],
                       ["B3": "#,##0.00", "D3": "0.00%", "B4": "#,##0.00;[Red]-#,##0.00", "B5": "#,##0.00", "D6": "#,##0.00"])
        XCTAssertEqual(result["bold"] as? [Bool], [true, true, true])
        XCTAssertEqual((result["font"] as? [Any])?.first as? String, "宋体")
        XCTAssertEqual((result["font"] as? [Any])?.last as? Double, 16)
        XCTAssertEqual((result["align"] as? [Any])?.compactMap { $0 as? String }, ["center", "center"])
        XCTAssertEqual((result["align"] as? [Any])?.last as? Bool, true)
        XCTAssertEqual(result["border"] as? [String], ["thin", "double"])
        XCTAssertEqual(result["fill"] as? String, "FFD9D9D9")
        XCTAssertEqual(result["fontColor"] as? String, "FFFF0000")
        let comments = try XCTUnwrap(result["comments"] as? [[String]])
        XCTAssertTrue(comments[0][0].contains("与上年数据不一致，请核对"))
        XCTAssertEqual(comments[0][1], "审核人")
        XCTAssertTrue(comments[1][0].contains("来源：财政部门"))
        let widths = try XCTUnwrap(result["widths"] as? [String: Double])
        // libxlsxwriter stores Excel's width including the cell padding, as Excel does:
        // 30 → 30.7109375, 16.5 → 17.28515625, 12 → 12.7109375.
        XCTAssertEqual(widths["A"]!, 30.7109375, accuracy: 1e-9)
        XCTAssertEqual(widths["B"]!, 17.28515625, accuracy: 1e-9)
        XCTAssertEqual(widths["E"]!, 12.7109375, accuracy: 1e-9)
        XCTAssertEqual(result["spanB"] as? [Int], [2, 3], "one <col> element for B:C")
        XCTAssertEqual(result["hidden"] as? [Bool], [true, false, true])
        XCTAssertEqual(result["heights"] as? [Double], [28, 22])
        XCTAssertEqual(result["freeze"] as? String, "B3")
        XCTAssertEqual(result["props"] as? [String], ["2024 年度部门决算", "财务处", "决算", "决算,2024"])
    }

    /// Thousands of cells with equal formats share one `lxw_format` and one `xf` in styles.xml.
    func testEqualFormatsShareOneStyle() throws {
        let url = folder.appendingPathComponent("formats.xlsx")
        let writer = try WorkbookWriter(destination: url)
        let sheet = try writer.addSheet(named: "S")
        for row in 1...2_000 {
            try sheet.write(.number(Double(row)), at: CellReference(row: row, column: 1),
                            format: CellFormat(bold: true, numberFormat: "0.00"))
            try sheet.write(.number(Double(row)), at: CellReference(row: row, column: 2),
                            format: try writer.format(CellFormat(bold: true, numberFormat: "0.00")))
        }
        let h1 = try writer.format(CellFormat(italic: true))
        let h2 = try writer.format(CellFormat(italic: true))
        XCTAssertEqual(h1, h2)
        XCTAssertEqual(writer.formats.pointers.count, 2)
        try writer.close()
        let styles = try S.part(url, "xl/styles.xml")
        // The default xf + bold/0.00; libxlsxwriter leaves out the registered but unused italic.
        XCTAssertTrue(styles.contains("<cellXfs count=\"2\">"), styles)
    }

    /// Every property of `CellFormat` reaches styles.xml.
    func testAllFormatPropertiesReachStyles() throws {
        let url = folder.appendingPathComponent("styles.xlsx")
        let writer = try WorkbookWriter(destination: url)
        let sheet = try writer.addSheet(named: "S")
        var format = CellFormat(fontName: "Arial", fontSize: 9, bold: true, italic: true, underline: .doubleAccounting,
                                strikethrough: true, fontColor: CellColor(hex: "#336699"),
                                horizontalAlignment: .right, verticalAlignment: .top, wrapText: true, indent: 2,
                                borders: Borders(top: Border(.medium), bottom: Border(.thick, color: .black),
                                                 left: Border(.dotted), right: Border(.hair)),
                                fillColor: .yellow, numberFormat: "yyyy-mm-dd")
        try sheet.write(.number(45657), at: S.cell("A1"), format: format)
        format.numberFormat = "General"
        try sheet.write(.number(1), at: S.cell("A2"), format: format)
        try writer.close()
        let styles = try S.part(url, "xl/styles.xml")
        for fragment in ["<b/>", "<i/>", "<strike/>", "<u val=\"doubleAccounting\"/>", "<sz val=\"9\"/>",
                         "<color rgb=\"FF336699\"/>", "<name val=\"Arial\"/>",
                         "horizontal=\"right\"", "vertical=\"top\"", "wrapText=\"1\"", "indent=\"2\"",
                         "<top style=\"medium\">", "<bottom style=\"thick\"><color rgb=\"FF000000\"/>",
                         "<left style=\"dotted\">", "<right style=\"hair\">", "<fgColor rgb=\"FFFFFF00\"/>",
                         "formatCode=\"yyyy-mm-dd\""] {
            XCTAssertTrue(styles.contains(fragment), "missing \(fragment) in \(styles)")
        }
        XCTAssertFalse(styles.contains("formatCode=\"General\""))
    }

    /// Strings with XML specials, control characters and long texts survive, in both modes.
    func testAwkwardStringsRoundTrip() throws {
        for mode in [WritingMode.standard, .constantMemory] {
            let url = folder.appendingPathComponent("strings-\(mode).xlsx")
            let writer = try WorkbookWriter(destination: url, options: .init(mode: mode))
            let sheet = try writer.addSheet(named: "S")
            let long = String(repeating: "决", count: Limits.maxStringLength)
            try sheet.writeRow(["<a & b>", "tab\there", "line\nbreak", "emoji 😀", .string(long), "\"quoted\" 'x'"],
                               at: S.cell("A1"))
            try writer.close()
            let script = """
            import json, sys, openpyxl
            ws = openpyxl.load_workbook(sys.argv[1]).active
            print(json.dumps([ws.cell(1, c).value for c in range(1, 7)], ensure_ascii=False))
            """
            let values = try XCTUnwrap(S.python(script, url) as? [String])
            XCTAssertEqual(values, ["<a & b>", "tab\there", "line\nbreak", "emoji 😀", long, "\"quoted\" 'x'"], "\(mode)")
        }
    }

    /// A visible comment, and a column hidden without a width of its own.
    func testVisibleCommentAndHiddenDefaultWidthColumn() throws {
        let url = folder.appendingPathComponent("visible.xlsx")
        let writer = try WorkbookWriter(destination: url)
        let sheet = try writer.addSheet(named: "S")
        try sheet.write("x", at: S.cell("A1"))
        try sheet.addComment(CellComment("一直显示", author: "甲", visible: true), at: S.cell("A1"))
        try sheet.addComment(CellComment("悬停显示"), at: S.cell("A2"))
        try sheet.setColumns(8...8, hidden: true)
        try writer.close()
        let vml = try S.part(url, "xl/drawings/vmlDrawing1.vml")
        XCTAssertEqual(vml.components(separatedBy: "visibility:visible").count - 1, 1, vml)
        XCTAssertEqual(vml.components(separatedBy: "visibility:hidden").count - 1, 1, vml)
        let xml = try S.part(url, "xl/worksheets/sheet1.xml")
        // Without a width of its own, libxlsxwriter stores a hidden column as width 0 (as Excel does);
        // with one (column E in the report) the width is kept for unhiding.
        XCTAssertTrue(xml.contains("<col min=\"8\" max=\"8\" width=\"0\" hidden=\"1\" customWidth=\"1\"/>"), xml)
    }

    /// An empty workbook (no sheets) still writes a valid file with libxlsxwriter's default sheet.
    func testWorkbookWithoutSheets() throws {
        let url = folder.appendingPathComponent("empty.xlsx")
        try WorkbookWriter(destination: url).close()
        let script = "import json, sys, openpyxl; print(json.dumps(openpyxl.load_workbook(sys.argv[1]).sheetnames))"
        XCTAssertEqual(try S.python(script, url) as? [String], ["Sheet1"])
    }
}
