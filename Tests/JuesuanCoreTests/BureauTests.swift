import Foundation
import JuesuanCore
import TestSupport
import XCTest

/// The bureau side: consolidation equals independently computed sums; diff lists exactly the changes.
final class BureauTests: XCTestCase {
    var catalog: MappingCatalog { SampleImportTests.catalog }

    /// Departments' expected data (transcriptions, not the importer), summed here with plain Decimals.
    private func independentSums(_ transcriptions: [String]) throws -> [String: [String: [String: Decimal]]] {
        var sums: [String: [String: [String: Decimal]]] = [:] // table id → row key → column → 元
        for path in transcriptions {
            let root = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as! [String: Any]
            for table in root["tables"] as! [[String: Any]] {
                let id = table["id"] as! String
                for row in table["rows"] as! [[String: Any]] {
                    let key = (row["code"] as? String) ?? (row["line"] as? String) ?? (row["key"] as! String)
                    for (column, text) in row["values"] as? [String: String] ?? [:] {
                        let isCount = (row["quantity"] as? String) == "count"
                        let value = Decimal(string: text)! * (isCount ? 1 : 10_000)
                        sums[id, default: [:]][key, default: [:]][column, default: 0] += value
                    }
                }
            }
        }
        return sums
    }

    func testConsolidatingGk10DepartmentsEqualsIndependentSums() throws {
        let departments = Fixtures.url("departments")
        let inputs: [(String, String)] = [
            (Fixtures.packageRoot.appendingPathComponent("SampleWorkbooks/zezhou-2024-gk10-stacked.xlsx").path, Fixtures.url("seeds/zezhou-2024.json").path),
            (departments.appendingPathComponent("qingxi-jiaoyu-2024.xlsx").path, departments.appendingPathComponent("qingxi-jiaoyu-2024.expected.json").path),
            (departments.appendingPathComponent("yunling-weijian-2024.xlsx").path, departments.appendingPathComponent("yunling-weijian-2024.expected.json").path),
            (departments.appendingPathComponent("nanhe-nongye-2024.xlsx").path, departments.appendingPathComponent("nanhe-nongye-2024.expected.json").path),
        ]
        let parts = try inputs.map { workbook, _ -> Contribution in
            let report = try Importer(catalog: catalog).importWorkbook(at: workbook).report
            return Contribution(department: report.department!, source: workbook, report: report)
        }
        let consolidated = Consolidator().consolidate(parts, name: "某县汇总", set: "gk10-2024").report
        // Written as the official workbook and read back, so the whole path is covered.
        let dir = try TemporaryDirectory()
        let out = dir.file("bureau.xlsx")
        try WorkbookExporter(catalog: catalog).export(consolidated, set: "gk10-2024", to: out)
        let reread = try Importer(catalog: catalog).importWorkbook(at: out.path).report
        let sums = try independentSums(inputs.map(\.1))
        var compared = 0
        for statement in reread.statements {
            let id = statement.table.table
            guard let table = sums[id] else { continue }
            for row in statement.rows {
                let key = row.line.map(String.init) ?? row.code ?? row.label ?? row.key
                for (measure, value) in row.values {
                    let column = table[key]?.keys.first { Self.measure($0, table: id) == measure }
                    let expected = column.flatMap { table[key]?[$0] } ?? 0
                    XCTAssertEqual(value.amount?.value ?? 0, expected, "\(id) \(key) \(measure)")
                    compared += 1
                }
            }
        }
        XCTAssertGreaterThan(compared, 300)
        // The 01 income total of the four departments, by hand from the transcriptions.
        let total = sums["01"]!["27"]!["income.amount"]!
        XCTAssertEqual(reread.statements.first { $0.kind == "summary" }?.amount(row: "income_total", measure: "amount")?.value, total)
    }

    /// Transcription column keys as canonical measures (as in SampleImportTests).
    static func measure(_ column: String, table: String) -> String {
        if table == "01" || table == "04" { return String(column.split(separator: ".").last!) }
        return column.replacingOccurrences(of: ".", with: "_")
    }

    func testDifferentTemplateSetsConsolidateThroughTheModel() throws {
        let a = try Importer(catalog: catalog).importWorkbook(at: Fixtures.packageRoot.appendingPathComponent("SampleWorkbooks/zezhou-2024-gk10.xlsx").path).report
        let b = try Importer(catalog: catalog, fiscalYear: 2023).importWorkbook(at: Fixtures.packageRoot.appendingPathComponent("SampleWorkbooks/dachuan-2023-sc13.xlsx").path).report
        let sum = Consolidator().consolidate([Contribution(department: "a", source: "a", report: a),
                                              Contribution(department: "b", source: "b", report: b)], name: "汇总", set: "gk10-2024").report
        // 2429.51 + 1570.16 = 3999.67 万元 (01 本年收入合计 of zezhou and dachuan, as printed).
        XCTAssertEqual(sum.statements.first { $0.kind == "summary" }?.amount(row: "income_total", measure: "amount"), Amount("39996700"))
        // A statement only the sc13 set has (05 财政拨款支出决算明细表) comes from dachuan alone.
        XCTAssertEqual(sum.statements.first { $0.kind == "appropriation_by_economic" }?.amount(row: "301", measure: "total"),
                       b.statements.first { $0.kind == "appropriation_by_economic" }?.amount(row: "301", measure: "total"))
    }

    /// A parent's 对附属单位补助支出 and its unit's 上级补助收入 cancel out; the result still adds up.
    func testInternalTransfersAreEliminated() throws {
        func statement(_ kind: String, _ rows: [StatementRow]) -> Statement {
            Statement(kind: kind, table: TableReference(set: "gk10-2024", table: kind, code: kind, title: kind), sheet: "s", range: "A1",
                      sourceUnit: .wanYuan, unitStated: true, precision: Amount(100), rows: rows)
        }
        func v(_ x: Decimal) -> StatedValue { StatedValue(amount: Amount(x), cell: "s!A1") }
        let parent = Report(department: "局", statements: [
            statement("summary", [StatementRow(key: "general_budget_appropriation", values: ["amount": v(1000)]),
                                  StatementRow(key: "income_total", values: ["amount": v(1000)]),
                                  StatementRow(key: "201", code: "201", values: ["amount": v(1000)]),
                                  StatementRow(key: "expenditure_total", values: ["amount": v(1000)])]),
            statement("expenditure_by_function", [
                StatementRow(key: "total", values: ["total": v(1000), "basic": v(700), "subsidy_units": v(300)]),
                StatementRow(key: "201", code: "201", values: ["total": v(1000), "basic": v(700), "subsidy_units": v(300)])]),
        ])
        let unit = Report(department: "所", statements: [
            statement("summary", [StatementRow(key: "upper_subsidy", values: ["amount": v(300)]),
                                  StatementRow(key: "income_total", values: ["amount": v(300)]),
                                  StatementRow(key: "201", code: "201", values: ["amount": v(300)]),
                                  StatementRow(key: "expenditure_total", values: ["amount": v(300)])]),
            statement("income_by_function", [
                StatementRow(key: "total", values: ["total": v(300), "upper_subsidy": v(300)]),
                StatementRow(key: "201", code: "201", values: ["total": v(300), "upper_subsidy": v(300)])]),
            statement("expenditure_by_function", [
                StatementRow(key: "total", values: ["total": v(300), "basic": v(300)]),
                StatementRow(key: "201", code: "201", values: ["total": v(300), "basic": v(300)])]),
        ])
        let result = Consolidator().consolidate([Contribution(department: "局", source: "p", report: parent),
                                                 Contribution(department: "所", source: "u", report: unit)],
                                                name: "汇总", set: "gk10-2024", eliminate: [GroupRelation(parent: "局", units: ["所"])])
        let s01 = result.report.statements.first { $0.kind == "summary" }!
        XCTAssertEqual(s01.amount(row: "income_total", measure: "amount"), Amount(1000))
        XCTAssertEqual(s01.amount(row: "upper_subsidy", measure: "amount"), Amount(0))
        XCTAssertEqual(s01.amount(row: "expenditure_total", measure: "amount"), Amount(1000))
        XCTAssertEqual(result.report.statements.first { $0.kind == "expenditure_by_function" }?.amount(row: "201", measure: "total"), Amount(1000))
        XCTAssertEqual(result.report.statements.first { $0.kind == "expenditure_by_function" }?.amount(row: "201", measure: "subsidy_units"), Amount(0))
        let touched: Set = ["T01-INCOME-TOTAL", "T01-EXPENDITURE-TOTAL", "T02-ROW-SUM", "T02-HIERARCHY", "T03-ROW-SUM", "T03-HIERARCHY", "X01-03-CLASS"]
        XCTAssertEqual(Checker().check(result.report).filter { $0.severity == .error && touched.contains($0.rule) }, [])
        XCTAssertEqual(try GroupRelation.parse("# 组\n局: 所, 站\n", file: "g.txt"), [GroupRelation(parent: "局", units: ["所", "站"])])
        XCTAssertThrowsError(try GroupRelation.parse("只有名字\n", file: "g.txt"))
    }

    /// diff lists exactly the planted changes, across layouts (元 on separate sheets vs 万元 stacked).
    func testDiffListsExactlyThePlantedChanges() throws {
        let dir = try TemporaryDirectory()
        let yuan = Fixtures.packageRoot.appendingPathComponent("SampleWorkbooks/zezhou-2024-gk10-yuan.xlsx").path
        let stacked = Fixtures.packageRoot.appendingPathComponent("SampleWorkbooks/zezhou-2024-gk10-stacked.xlsx").path
        let shuffled = Fixtures.packageRoot.appendingPathComponent("SampleWorkbooks/zezhou-2024-gk10-shuffled.xlsx").path
        let a = try Importer(catalog: catalog).importWorkbook(at: yuan).report
        let b = try Importer(catalog: catalog).importWorkbook(at: stacked).report
        XCTAssertEqual(ReportDiff.compare(old: a, new: b), [], "the same data in two layouts")
        XCTAssertEqual(ReportDiff.compare(old: try Importer(catalog: catalog).importWorkbook(at: shuffled).report, new: b), [])
        // Plant three changes in the stacked copy, at cells its import recorded.
        let cell03 = b.statements.first { $0.kind == "expenditure_by_function" }!.row("2013101")!.values["basic"]!.cell
        let cell06 = b.statements.first { $0.kind == "basic_expenditure_by_economic" }!.row("30101")!.values["amount"]!.cell
        let cell10 = b.statements.first { $0.kind == "other_info" }!.row("procurement_goods")!.cell! // blank 货物 row: its label cell
        let goodsColumn = b.statements.first { $0.kind == "other_info" }!.row("procurement_total")!.values["amount"]!.cell
        let goodsCell = String(goodsColumn.split(separator: "!")[0]) + "!" + String(goodsColumn.split(separator: "!")[1].filter(\.isLetter))
            + String(cell10.split(separator: "!")[1].filter(\.isNumber))
        let edits: [[String: Any]] = [
            ["sheet": "决算报表", "cell": String(cell03.split(separator: "!")[1]), "value": 366.75],
            ["sheet": "决算报表", "cell": String(cell06.split(separator: "!")[1]), "value": 0],
            ["sheet": "决算报表", "cell": String(goodsCell.split(separator: "!")[1]), "value": 12.5],
        ]
        let editsFile = dir.file("edits.json")
        try JSONSerialization.data(withJSONObject: edits).write(to: editsFile)
        let changed = dir.file("changed.xlsx").path
        let plant = try ProcessRunner.python("plant_errors.py", [stacked, changed, editsFile.path])
        XCTAssertEqual(plant.status, 0, plant.stderr)
        let differences = ReportDiff.compare(old: a, new: try Importer(catalog: catalog).importWorkbook(at: changed).report)
        let summary = Set(differences.map { "\($0.kind) \($0.row) \($0.measure) \($0.old)→\($0.new)" })
        XCTAssertEqual(summary, ["expenditure_by_function 2013101 basic 365.75→366.75",
                                 "basic_expenditure_by_economic 30101 amount 106.51→0.00",
                                 "other_info procurement_goods amount 0.00→12.50"])
    }
}
