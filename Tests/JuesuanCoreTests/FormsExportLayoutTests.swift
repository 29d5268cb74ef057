import Foundation
import JuesuanCore
import TestSupport
import XCTest

/// Exported forms are laid out as the seeds print them. The expectations below are read off the
/// seeds' text (domain.md §5: a label followed by empty cells spans them, empty leading cells below a
/// label are a vertical merge) and the published forms' conventions, not off the writer; the written
/// workbook is read back with openpyxl.
final class FormsExportLayoutTests: XCTestCase {
    static let catalog: MappingCatalog = try! MappingCatalog.load(folders: [Fixtures.packageRoot.appendingPathComponent("Mappings").path])

    struct Sheet {
        var values: [String: String]          // A1 → text
        var merges: [String]                  // "A1:L1"
        var formats: [String: String]
        var fonts: [String: (name: String, size: Double, bold: Bool)]
        var wrap: Set<String>
        var bordered: Set<String>
        var print: [String: Any]
        var columns: Int

        /// The merged range a label's cell heads ("A5:A8"), or the cell itself.
        func span(of label: String, file: StaticString = #filePath, line: UInt = #line) -> String? {
            guard let cell = values.first(where: { $0.value == label })?.key else {
                XCTFail("no cell “\(label)”", file: file, line: line)
                return nil
            }
            return merges.first { $0.hasPrefix(cell + ":") } ?? cell
        }
        func cell(_ label: String) -> String? { values.first { $0.value == label }?.key }
    }

    /// Writes the first form of a sample in a style and reads its first sheet back with openpyxl.
    func export(_ sample: String, style: String, summary: Bool = false) throws -> Sheet {
        var reader = FormReader(catalog: Self.catalog)
        let document = try reader.readFile(Fixtures.packageRoot.appendingPathComponent("SampleWorkbooks/forms/\(sample)").path)
        let dir = try TemporaryDirectory()
        let out = dir.file("\(style).xlsx")
        let mapping = try XCTUnwrap(Self.catalog.form(style: style))
        let one = summary ? document : FormsDocument(forms: Array(document.forms.prefix(1)))
        try FormWriter(style: mapping, layout: Self.catalog.formLayout(style: style), summaryBands: Self.catalog.form(style: "hebei-summary"))
            .write(one, to: out)
        let script = """
        import json, sys, openpyxl
        wb = openpyxl.load_workbook(sys.argv[1]); ws = wb.worksheets[0]
        out = {"values": {}, "formats": {}, "fonts": {}, "wrap": [], "bordered": [], "merges": [str(m) for m in ws.merged_cells.ranges]}
        for row in ws.iter_rows():
            for c in row:
                if c.value is not None:
                    out["values"][c.coordinate] = str(c.value)
                    out["formats"][c.coordinate] = c.number_format
                    out["fonts"][c.coordinate] = [c.font.name, float(c.font.sz or 11), bool(c.font.b)]
                if c.alignment is not None and c.alignment.wrap_text:
                    out["wrap"].append(c.coordinate)
                if c.border is not None and c.border.left is not None and c.border.left.style == "thin":
                    out["bordered"].append(c.coordinate)
        ps = ws.page_setup
        # fitToWidth absent means 1 (its OOXML default)
        out["print"] = {"paper": str(ps.paperSize), "orientation": ps.orientation, "fitToWidth": 1 if ps.fitToWidth is None else ps.fitToWidth,
                        "fitToHeight": ps.fitToHeight, "fitToPage": bool(ws.sheet_properties.pageSetUpPr and ws.sheet_properties.pageSetUpPr.fitToPage),
                        "titleRows": ws.print_title_rows, "left": ws.page_margins.left, "top": ws.page_margins.top}
        out["columns"] = ws.max_column
        print(json.dumps(out, ensure_ascii=False))
        """
        let result = try ProcessRunner.run("/usr/bin/env", ["python3", "-c", script, out.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        let root = try XCTUnwrap(JSONSerialization.jsonObject(with: result.stdout) as? [String: Any])
        let fonts = (root["fonts"] as? [String: [Any]] ?? [:]).mapValues {
            (name: $0[0] as? String ?? "", size: $0[1] as? Double ?? 0, bold: $0[2] as? Bool ?? false)
        }
        return Sheet(values: root["values"] as? [String: String] ?? [:], merges: root["merges"] as? [String] ?? [],
                     formats: root["formats"] as? [String: String] ?? [:], fonts: fonts, wrap: Set(root["wrap"] as? [String] ?? []),
                     bordered: Set(root["bordered"] as? [String] ?? []), print: root["print"] as? [String: Any] ?? [:],
                     columns: root["columns"] as? Int ?? 0)
    }

    /// A4, one page wide, the title rows repeated, margins set.
    func assertPrintSetup(_ sheet: Sheet, landscape: Bool, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(sheet.print["paper"] as? String, "9", "A4", file: file, line: line)
        XCTAssertEqual(sheet.print["orientation"] as? String, landscape ? "landscape" : "portrait", file: file, line: line)
        XCTAssertEqual(sheet.print["fitToPage"] as? Bool, true, file: file, line: line)
        XCTAssertEqual(sheet.print["fitToWidth"] as? Int, 1, file: file, line: line)
        XCTAssertEqual(sheet.print["fitToHeight"] as? Int, 0, file: file, line: line)
        XCTAssertTrue((sheet.print["titleRows"] as? String ?? "").replacingOccurrences(of: "$", with: "").hasPrefix("1:"), "title rows repeated",
                      file: file, line: line)
        XCTAssertLessThan(sheet.print["left"] as? Double ?? 1, 0.7, file: file, line: line)
    }

    func assertTitle(_ sheet: Sheet, through lastColumn: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertTrue(sheet.merges.contains("A1:\(lastColumn)1"), "title over the form's width: \(sheet.merges)", file: file, line: line)
        let title = sheet.fonts["A1"], body = sheet.fonts["A3"] ?? sheet.fonts["A2"]
        XCTAssertEqual(title?.bold, true, file: file, line: line)
        XCTAssertGreaterThan(title?.size ?? 0, (body?.size ?? 99) + 2, "title larger than the body", file: file, line: line)
        XCTAssertEqual(body?.name, "宋体", file: file, line: line)
    }

    func testShanxiIsDrawnAsTheZezhouForms() throws {
        let s = try export("zezhou-shanxi-project-sheets.xlsx", style: "shanxi-project")
        assertTitle(s, through: "L")
        XCTAssertEqual(s.columns, 12)
        assertPrintSetup(s, landscape: true)
        // 项目名称 | (empty) | name …; 主管部门及代码 | | code … | 预算单位 | | code …
        XCTAssertEqual(s.span(of: "项目名称").map { $0.count > 3 }, true)
        let project = try XCTUnwrap(s.cell("项目名称"))
        XCTAssertTrue(s.merges.contains { $0.hasPrefix(project + ":B") }, "项目名称 spans two columns")
        let unit = try XCTUnwrap(s.span(of: "预算单位"))
        XCTAssertTrue(unit.hasPrefix("G") && unit.contains(":H"), "预算单位 over G:H, got \(unit)")
        // the money block: its label down column A over the two header rows and the two fund rows
        let money = try XCTUnwrap(s.span(of: "项目资金预算安排及执行进度(万元)"))
        XCTAssertEqual(rows(money), 4, money)
        XCTAssertEqual(columns(try XCTUnwrap(s.span(of: "年初预算数"))), 2, "年初预算数 over 目标申报数 | 预算编制数")
        XCTAssertEqual(rows(try XCTUnwrap(s.span(of: "全年预算数"))), 2, "全年预算数 merged down the two header rows")
        // 年度目标 vs 实际完成情况, their block label over both rows
        XCTAssertEqual(rows(try XCTUnwrap(s.span(of: "项目年度绩效目标"))), 2)
        // 一级 产出指标 merged down over its rows; the 绩效指标 label over the header and every indicator
        let output = try XCTUnwrap(s.span(of: "产出指标"))
        XCTAssertGreaterThan(rows(output), 1)
        XCTAssertGreaterThan(rows(try XCTUnwrap(s.span(of: "绩效指标"))), rows(output))
        // 总分 | … | 95 | 优: the score under 得分, the grade right of it
        let total = try XCTUnwrap(s.span(of: "总分"))
        XCTAssertEqual(total.split(separator: ":").last.map { String($0.prefix { $0.isLetter }) }, "I", "总分 spans up to 分值")
        let row = String(total.drop { $0.isLetter }.prefix { $0.isNumber })
        XCTAssertEqual(s.values["J" + row], "95")
        XCTAssertEqual(s.values["K" + row], "优")
        // money as the form states it: #,##0.00 万元; 执行率 100.00 without a percent sign
        let budgetHeader = try XCTUnwrap(s.cell("全年预算数"))
        let budgetColumn = String(budgetHeader.prefix { $0.isLetter })
        let firstFundRow = rowNumber(money)
        XCTAssertEqual(s.values["\(budgetColumn)\(firstFundRow + 2)"], "5.76")
        XCTAssertEqual(s.formats["\(budgetColumn)\(firstFundRow + 2)"], "#,##0.00")
        XCTAssertEqual(s.formats["H\(firstFundRow + 3)"], "0.00", "执行率 as the form prints it")
        XCTAssertTrue(s.values.values.contains { $0.hasPrefix("备注:1.“年初预算数”项下") }, "the 备注 printed under the form")
        XCTAssertTrue(s.wrap.contains(try XCTUnwrap(s.cell("项目资金预算安排及执行进度(万元)"))), "long labels wrap")
        XCTAssertTrue(s.bordered.contains(try XCTUnwrap(s.cell("一级指标"))))
    }

    func testSichuanIsDrawnAsTheLuzhouAndDachuanForms() throws {
        let s = try export("luzhou-sichuan-project-sheets.xlsx", style: "sichuan-project")
        assertTitle(s, through: "K")
        XCTAssertEqual(s.columns, 11)
        assertPrintSetup(s, landscape: false)
        XCTAssertEqual(columns(try XCTUnwrap(s.span(of: "项目名称"))), 2, "项目名称 | (empty) | code-name")
        // 预算执行情况（10分） down column A over its header and the five fund rows
        XCTAssertEqual(rows(try XCTUnwrap(s.span(of: "预算执行情况（10分）"))), 6)
        for label in ["总额", "其中：财政资金", "财政专户管理资金", "单位资金", "其他资金"] { XCTAssertNotNil(s.cell(label), label) }
        let indicators = try XCTUnwrap(s.span(of: "绩效指标（90分）"))
        XCTAssertGreaterThan(rows(indicators), 1)
        // 合计 | … | 100 | score: the label up to 完成值, 100 under 权重
        let total = try XCTUnwrap(s.span(of: "合计"))
        XCTAssertTrue(total.hasSuffix("H" + String(total.drop { $0.isLetter }.prefix { $0.isNumber })), total)
        let row = String(total.drop { $0.isLetter }.prefix { $0.isNumber })
        XCTAssertEqual(s.values["I" + row], "100")
        // 评价结论 and the signature line
        XCTAssertNotNil(s.cell("评价结论"))
        XCTAssertTrue(s.values.values.contains { $0.hasPrefix("项目负责人：") })
        XCTAssertTrue(s.values.values.contains { $0.hasPrefix("财务负责人：") })
        // 预算执行率 as printed: 90.81%; amounts #,##0.00
        XCTAssertTrue(s.values.values.contains("90.81%"), "\(s.values.values.filter { $0.hasSuffix("%") })")
        let amount = try XCTUnwrap(s.values.first { $0.value == "23.28" }?.key)
        XCTAssertEqual(s.formats[amount], "#,##0.00")
    }

    func testHebeiIsDrawnAsTheDachangForms() throws {
        let s = try export("dachang-hebei-project-sheets.xlsx", style: "hebei-project")
        assertTitle(s, through: "K")
        assertPrintSetup(s, landscape: false)
        XCTAssertTrue(s.values.values.contains("金额单位：万元"))
        XCTAssertTrue(s.values.values.contains { $0.hasPrefix("填报单位：") })
        XCTAssertEqual(rows(try XCTUnwrap(s.span(of: "二、预算执行情况"))), 4, "header and 预算数 / 财政资金 / 其他")
        XCTAssertEqual(columns(try XCTUnwrap(s.span(of: "预期指标值"))), 3, "预期指标值 over 符号 | 值 | 单位")
        XCTAssertEqual(rows(try XCTUnwrap(s.span(of: "一级指标"))), 2, "the other headers merge down both header rows")
        XCTAssertEqual(rows(try XCTUnwrap(s.span(of: "三、目标完成情况"))), 2)
        XCTAssertNotNil(s.cell("自评总分"))
        XCTAssertTrue(s.values.values.contains("99.6%"), "预算执行进度 as printed")
        for label in ["预算数", "到位数", "执行数"] { XCTAssertNotNil(s.cell(label), label) }
        XCTAssertEqual(s.formats[try XCTUnwrap(s.values.first { $0.value == "16.94" }?.key)], "#,##0.00")
    }

    func testTheSummaryIsDrawnAsTheDachangSummary() throws {
        let s = try export("dachang-hebei-summary.xlsx", style: "hebei-summary", summary: true)
        assertTitle(s, through: "H")
        assertPrintSetup(s, landscape: false)
        for label in ["序号", "项目名称", "全年预算数", "全年执行数", "资金类型", "自评得分", "自评等级"] { XCTAssertNotNil(s.cell(label), label) }
        XCTAssertTrue(s.values.values.contains("单位：万元"))
        XCTAssertEqual(s.formats[try XCTUnwrap(s.values.first { $0.value == "459.11" }?.key)], "#,##0.00")
    }

    func testTheDepartmentFormIsDrawnWithItsTasksAndReadsBack() throws {
        let s = try export("dachuan-sichuan-department-sheets.xlsx", style: "sichuan-department")
        assertTitle(s, through: "H")
        assertPrintSetup(s, landscape: false)
        XCTAssertEqual(rows(try XCTUnwrap(s.span(of: "年度部门整体支出预算"))), 2, "资金总额 | 财政拨款 | 其他资金 over one row")
        var reader = FormReader(catalog: Self.catalog)
        let original = try XCTUnwrap(try reader.readFile(Fixtures.packageRoot.appendingPathComponent("SampleWorkbooks/forms/dachuan-sichuan-department-sheets.xlsx").path).forms.first)
        let tasks = try XCTUnwrap(original.tasks)
        XCTAssertEqual(rows(try XCTUnwrap(s.span(of: "年度主要任务"))), tasks.count + 1, "the list under its header")
        // and it reads back: tasks, indicators, money
        let dir = try TemporaryDirectory()
        let out = dir.file("department.xlsx")
        try FormWriter(style: try XCTUnwrap(Self.catalog.form(style: "sichuan-department")),
                       layout: Self.catalog.formLayout(style: "sichuan-department")).write(FormsDocument(forms: [original]), to: out)
        let again = try XCTUnwrap(try reader.readFile(out.path).forms.first)
        XCTAssertEqual(again.tasks?.map { [$0.name.text, $0.content?.text ?? ""] }, tasks.map { [$0.name.text, $0.content?.text ?? ""] })
        XCTAssertEqual(again.indicators.map { "\($0.level1)/\($0.level2)/\($0.level3) \($0.target?.text ?? "") \($0.weight?.value.description ?? "")" },
                       original.indicators.map { "\($0.level1)/\($0.level2)/\($0.level3) \($0.target?.text ?? "") \($0.weight?.value.description ?? "")" })
        XCTAssertEqual(again.fund("total")?.amounts.mapValues(\.value), original.fund("total")?.amounts.mapValues(\.value))
        XCTAssertEqual(again.goalTarget, original.goalTarget)
    }

    func rowNumber(_ range: String) -> Int { Int(range.drop { $0.isLetter }.prefix { $0.isNumber }) ?? 0 }
    func rows(_ range: String) -> Int {
        let parts = range.split(separator: ":").map(String.init)
        guard parts.count == 2 else { return 1 }
        return rowNumber(parts[1]) - rowNumber(parts[0]) + 1
    }
    func columns(_ range: String) -> Int {
        let parts = range.split(separator: ":").map { String($0.prefix { $0.isLetter }) }
        guard parts.count == 2 else { return 1 }
        func n(_ s: String) -> Int { s.unicodeScalars.reduce(0) { $0 * 26 + Int($1.value) - 64 } }
        return n(parts[1]) - n(parts[0]) + 1
    }
}
