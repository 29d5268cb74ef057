import Foundation
import JuesuanCore
import SpreadsheetKit
import TestSupport
import XCTest

/// The official arithmetic: the seeds' real mistakes are found at their cells, consistent data gives
/// no error, and planted errors of every rule kind are found in every sample variant.
final class CheckTests: XCTestCase {
    var catalog: MappingCatalog { SampleImportTests.catalog }

    private func report(_ path: String) throws -> Report {
        try Importer(catalog: catalog, fiscalYear: 2023).importWorkbook(at: path).report
    }

    private func sample(_ name: String) -> String {
        Fixtures.packageRoot.appendingPathComponent("SampleWorkbooks/\(name)").path
    }

    /// The mistakes printed in the dachuan 2023 disclosure (found while transcribing it): each rule,
    /// the cell it points at, and the wrong figure the seed prints there.
    func testTheSeedsOwnMistakesAreFound() throws {
        let path = sample("dachuan-2023-sc13.xlsx")
        let findings = Checker().check(try report(path))
        let book = try Workbook(path: path)
        let expected: [(rule: String, cell: String, printed: String)] = [
            ("T02-ROW-SUM", "公开02表!C9", "692.31"),          // 20131 本年收入合计 692.31, sources add to 654.90
            ("T02-HIERARCHY", "公开02表!C8", "655.5"),         // 201 ≠ 20131 + 20136
            ("T03-HIERARCHY", "公开03表!C8", "655.5"),         // 201 655.50 ≠ 655.50 + 0.60
            ("T03-ROW-SUM", "公开03表!C9", "655.5"),           // 20131 655.50 vs 654.90
            ("T03-HIERARCHY", "公开03表!D7", "478.09"),        // 合计 基本支出 478.09 vs Σ类 478.88
            ("T04-EXPENDITURE-GRAND-TOTAL", "公开04表!G38", "927.97"), // 总计 一般公共预算 927.97 vs 927.94
            ("S05-HIERARCHY", "公开05表!F49", "11.47"),        // 303 一般公共预算 基本支出 11.47 vs Σ款 10.53
            ("XS05-08-CODE", "公开08表!C19", "0.05"),          // 30199 0.05 in 08, blank in 05
            ("T06-PUBLIC", "公开08表!I34", "75.52"),           // 公用经费合计 75.52 vs 46.99
            ("X05-06-BASIC", "公开06表!D7", "478.89"),         // 06 合计 基本 478.89 vs 431.91 + 75.52
        ]
        for item in expected {
            XCTAssertTrue(findings.contains { $0.rule == item.rule && $0.severity == .error && $0.locations.first == item.cell },
                          "\(item.rule) at \(item.cell) not found")
            let (sheetName, a1) = split(item.cell)
            let ws = try book.worksheet(book.sheet(named: sheetName)!)
            guard case .number(let text)? = ws[CellReference(a1)!]?.value else { XCTFail("\(item.cell) holds no number"); continue }
            XCTAssertEqual(Amount.fromCellNumber(text), Amount(item.printed), "\(item.cell) should hold the seed's figure")
        }
        // Tails (尾数误差) are warnings, as the 01 note says.
        XCTAssertTrue(findings.contains { $0.rule == "T01-INCOME-TOTAL" && $0.severity == .warning }) // 1570.16 vs 1570.17
    }

    func testZezhouHasOnlyRoundingTails() throws {
        let findings = Checker().check(try report(sample("zezhou-2024-gk10.xlsx")))
        XCTAssertEqual(findings.filter { $0.severity == .error }, [])
        let tails = Set(findings.map { "\($0.rule) \($0.locations.first ?? "")" })
        XCTAssertEqual(tails, ["T02-HIERARCHY 公开02表!C18", "T02-HIERARCHY 公开02表!D18", "T03-HIERARCHY 公开03表!C18",
                               "T03-HIERARCHY 公开03表!D18", "T05-HIERARCHY 公开05表!C18", "T05-HIERARCHY 公开05表!D18",
                               "T06-HIERARCHY 公开06表!F6"]) // 20805 71.45 vs 71.44; 302 54.53 vs 54.54
    }

    /// Consistent data — other departments, generated with their arithmetic intact — gives no error.
    func testConsistentDepartmentsGiveNoError() throws {
        let folder = Fixtures.url("departments")
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        where name.hasSuffix(".xlsx") && name.range(of: #"-20\d\d\.xlsx$"#, options: .regularExpression) != nil {
            let findings = Checker().check(try report(folder.appendingPathComponent(name).path))
            XCTAssertEqual(findings.filter { $0.severity == .error && $0.rule != "CODE-NAME" }.map(\.message), [], name)
        }
    }

    /// Planted errors of every rule kind, in every variant (元 or 万元, stacked, shuffled, text amounts,
    /// LibreOffice), are found with the planted cell among the finding's cells.
    func testPlantedErrorsAreFoundInEveryVariant() throws {
        let dir = try TemporaryDirectory()
        let folder = Fixtures.packageRoot.appendingPathComponent("SampleWorkbooks")
        let variants = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".xlsx") }.sorted()
        XCTAssertGreaterThanOrEqual(variants.count, 12)
        for variant in variants {
            let path = folder.appendingPathComponent(variant).path
            let clean = try report(path)
            for plant in plants(for: clean) {
                let out = dir.file("\(plant.rule)-\(variant)")
                try plantErrors(path, out.path, plant.edits)
                let findings = Checker().check(try report(out.path))
                let cell = plant.edits[0].cell
                XCTAssertTrue(findings.contains { $0.rule == plant.rule && $0.severity == plant.severity && $0.locations.contains(cell) },
                              "\(variant): planted \(plant.rule) at \(cell) not found; got \(findings.filter { $0.severity == .error }.map { "\($0.rule) \($0.locations)" })")
            }
        }
    }

    struct Edit { var cell: String; var value: Any }
    struct Plant { var rule: String; var severity: Finding.Severity; var edits: [Edit] }

    /// Where to plant each kind of error in this report, from the cells its import recorded.
    private func plants(for report: Report) -> [Plant] {
        var result: [Plant] = []
        // Every planted change is 1 万元, written in the unit the variant's table is published in.
        func value(_ kind: String, _ row: String, _ measure: String) -> (cell: String, shown: Decimal)? {
            guard let s = report.statements.first(where: { $0.kind == kind }), let v = s.row(row)?.values[measure],
                  let amount = v.amount else { return nil }
            return (v.cell, amount.value / s.sourceUnit.yuanPerUnit)
        }
        func oneWan(_ kind: String) -> Decimal {
            10_000 / (report.statements.first { $0.kind == kind }?.sourceUnit.yuanPerUnit ?? 1)
        }
        func bump(_ rule: String, _ kind: String, _ row: String, _ measure: String) {
            if let v = value(kind, row, measure) {
                result.append(Plant(rule: rule, severity: .error,
                                    edits: [Edit(cell: v.cell, value: NSDecimalNumber(decimal: v.shown + oneWan(kind)).doubleValue)]))
            }
        }
        bump("T03-ROW-SUM", "expenditure_by_function", "2013101", "basic")          // a row sum
        bump("T01-INCOME-TOTAL", "summary", "general_budget_appropriation", "amount") // a fixed sum of 01
        bump("X01-04-INCOME", "summary", "general_budget_appropriation", "amount")    // across tables
        bump("X01-03-CLASS", "summary", "201", "amount")                              // across tables, per class
        bump("T06-PERSONNEL", "basic_expenditure_by_economic", "personnel_total", "amount")
        bump("T10-PROCUREMENT", "other_info", "procurement_total", "amount")
        bump("T09-TOTAL", "three_public", "data", "actual_total")
        bump("T04-BALANCE", "appropriation_summary", "income_grand_total", "amount")
        // A hierarchy: the item and its row total move together, so only 类/款 sums break.
        if let total = value("income_by_function", "2013101", "total"), let part = value("income_by_function", "2013101", "appropriation") {
            result.append(Plant(rule: "T02-HIERARCHY", severity: .error, edits: [
                Edit(cell: total.cell, value: NSDecimalNumber(decimal: total.shown + oneWan("income_by_function")).doubleValue),
                Edit(cell: part.cell, value: NSDecimalNumber(decimal: part.shown + oneWan("income_by_function")).doubleValue)]))
        }
        // A number in a cell the form marks "——".
        if let na = report.statements.lazy.flatMap({ $0.rows }).flatMap({ $0.values.values }).first(where: { $0.notApplicable == true }) {
            result.append(Plant(rule: "NA-HOLDS-NUMBER", severity: .error, edits: [Edit(cell: na.cell, value: 5.5)]))
        }
        // A code named differently in one table.
        if let s = report.statements.first(where: { $0.kind == "expenditure_by_function" }), let nameCell = s.row("2013101")?.nameCell {
            result.append(Plant(rule: "CODE-NAME", severity: .warning, edits: [Edit(cell: nameCell, value: "行政运行经费（改名）")]))
        }
        return result
    }

    private func plantErrors(_ input: String, _ output: String, _ edits: [Edit]) throws {
        let json = try JSONSerialization.data(withJSONObject: edits.map { edit -> [String: Any] in
            let (sheet, a1) = split(edit.cell)
            return ["sheet": sheet, "cell": a1, "value": edit.value]
        })
        let editsFile = output + ".edits.json"
        try json.write(to: URL(fileURLWithPath: editsFile))
        let result = try ProcessRunner.python("plant_errors.py", [input, output, editsFile])
        XCTAssertEqual(result.status, 0, result.stderr)
    }

    /// `'公开 03 表'!C12` → ("公开 03 表", "C12").
    private func split(_ location: String) -> (String, String) {
        let bang = location.lastIndex(of: "!")!
        var sheet = String(location[..<bang])
        if sheet.hasPrefix("'") { sheet = String(sheet.dropFirst().dropLast()).replacingOccurrences(of: "''", with: "'") }
        return (sheet, String(location[location.index(after: bang)...]))
    }

    /// The review workbook: openpyxl finds a comment on the drawn cell of each finding, and the
    /// 审核结果 sheet lists every finding.
    func testReviewWorkbookCarriesCommentsOnTheFlaggedCells() throws {
        let dir = try TemporaryDirectory()
        let report = try report(sample("dachuan-2023-sc13-shuffled.xlsx"))
        let findings = Checker().check(report)
        let out = dir.file("审核.xlsx")
        try ReviewWorkbook(catalog: catalog).write(report, findings: findings, to: out)
        let dump = try ProcessRunner.python("openpyxl_dump.py", [out.path])
        XCTAssertEqual(dump.status, 0, dump.stderr)
        let root = try JSONSerialization.jsonObject(with: dump.stdout) as! [String: Any]
        let sheets = (root["sheets"] as! [[String: Any]]).map { $0["name"] as! String }
        XCTAssertEqual(sheets.first, "审核结果")
        let comments = root["comments"] as? [String: [String: String]] ?? [:]
        // 20131 本年收入合计 692.31 is drawn in 公开02表; its comment names the rule and the source cell.
        let source = findings.first { $0.rule == "T02-ROW-SUM" && $0.severity == .error }!.locations.first!
        let onSheet = comments["公开02表"] ?? [:]
        XCTAssertTrue(onSheet.values.contains { $0.contains("T02-ROW-SUM") && $0.contains(source) }, "\(onSheet)")
        let list = (root["sheets"] as! [[String: Any]])[0]["rows"] as! [[String: Any]]
        XCTAssertEqual(list.count, 2 + findings.count)
    }
}

