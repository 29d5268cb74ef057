import Foundation
@testable import JuesuanCore
import SpreadsheetKit
import TestSupport
import XCTest

/// `learn`: mapping files drafted from a template. From this project's own exported workbooks it
/// reproduces the known layouts; from a variant with a renamed column, an added row and a moved
/// table it reports exactly those, and the learned set imports and exports that variant.
final class LearnTests: XCTestCase {
    static var catalog: MappingCatalog { SampleImportTests.catalog }

    static func sampleReport(_ name: String, year: Int) throws -> Report {
        try Importer(catalog: catalog, fiscalYear: year).importWorkbook(
            at: Fixtures.packageRoot.appendingPathComponent("SampleWorkbooks/\(name)").path).report
    }

    /// The parts of a layout that must survive learning.
    struct Essentials: Equatable, CustomStringConvertible {
        var title: String
        var code: String
        var statement: String
        var headers: [[String]]
        var measures: [String?]
        var roles: [String]
        var blocks: [String]
        var rows: [String]
        var summaries: [String]
        var columnNumbers: Bool

        init(_ l: TableLayout) {
            title = l.title
            code = l.code
            statement = l.statement
            headers = l.columns.map(\.header)
            measures = l.columns.map(\.measure)
            roles = l.columns.map(\.role.rawValue)
            blocks = l.blocks.map { "\($0.id):\($0.rows.key.rawValue):\($0.rows.codeKind?.rawValue ?? "-"):\($0.rows.total.map { "\($0.label)/\($0.id)/\($0.line ?? 0)" } ?? "-"):\($0.rows.singleID ?? "-")" }
            rows = l.blocks.flatMap { b in b.rows.items.map { item in
                switch item.kind {
                case .heading(let t): return "\(b.id) heading \(t)"
                case .literal(let t): return "\(b.id) literal \(t)"
                case .data:
                    return "\(b.id) \(item.line.map(String.init) ?? "-") \(item.code ?? "-") \(item.label ?? "-") \(item.id ?? "-") \(item.notApplicable.sorted()) \(item.isCount)"
                }
            } }
            summaries = l.summaryRows.map { "\($0.id) \($0.label) \($0.labelAt) \($0.valueAt)" }
            columnNumbers = l.hasColumnNumbers
        }

        var description: String { "\(title) \(code)" }
    }

    private func exported(_ report: Report, set: String, catalog: MappingCatalog, in dir: TemporaryDirectory, name: String) throws -> URL {
        let url = dir.file(name)
        try WorkbookExporter(catalog: catalog).export(report, set: set, to: url)
        return url
    }

    private func assertEquivalent(_ result: LearnResult, to set: String, file: StaticString = #filePath, line: UInt = #line) {
        let known = Self.catalog.layouts(inSet: set)
        XCTAssertEqual(result.closestSet, set, file: file, line: line)
        XCTAssertEqual(result.tables.count, known.count, file: file, line: line)
        for layout in known {
            guard let learned = result.tables.first(where: { $0.layout.table == layout.table })?.layout else {
                XCTFail("\(set)/\(layout.table) not learned", file: file, line: line); continue
            }
            let a = Essentials(learned), b = Essentials(layout)
            XCTAssertEqual(a.title, b.title, file: file, line: line)
            XCTAssertEqual(a.code, b.code, file: file, line: line)
            XCTAssertEqual(a.statement, b.statement, file: file, line: line)
            XCTAssertEqual(a.headers, b.headers, "\(layout.id)", file: file, line: line)
            XCTAssertEqual(a.measures, b.measures, "\(layout.id)", file: file, line: line)
            XCTAssertEqual(a.roles, b.roles, "\(layout.id)", file: file, line: line)
            XCTAssertEqual(a.blocks, b.blocks, "\(layout.id)", file: file, line: line)
            XCTAssertEqual(a.rows, b.rows, "\(layout.id)", file: file, line: line)
            XCTAssertEqual(a.summaries, b.summaries, "\(layout.id)", file: file, line: line)
            XCTAssertEqual(a.columnNumbers, b.columnNumbers, "\(layout.id)", file: file, line: line)
            XCTAssertEqual(learned.notes.map(LabelNormalizer.key), layout.notes.map(LabelNormalizer.key), "\(layout.id)", file: file, line: line)
            XCTAssertEqual(learned.departmentLabel, layout.departmentLabel, "\(layout.id)", file: file, line: line)
            XCTAssertEqual(learned.unitLabel, layout.unitLabel, "\(layout.id)", file: file, line: line)
            XCTAssertEqual(learned.columns.map(\.number), layout.columns.map(\.number), "\(layout.id)", file: file, line: line)
        }
        XCTAssertEqual(result.differences.map(\.message), [], file: file, line: line)
    }

    /// Our own exports of both sets, filled and blank, are learned back as the known layouts.
    func testLearningOurOwnExportsReproducesTheKnownLayouts() throws {
        let dir = try TemporaryDirectory()
        let learner = TemplateLearner(catalog: Self.catalog)
        for (sample, set, year) in [("zezhou-2024-gk10.xlsx", "gk10-2024", 2024), ("dachuan-2023-sc13.xlsx", "sc13-2023", 2023)] {
            let report = try Self.sampleReport(sample, year: year)
            let filled = try exported(report, set: set, catalog: Self.catalog, in: dir, name: "filled-\(set).xlsx")
            let blank = try exported(Report(department: report.department, fiscalYear: year), set: set, catalog: Self.catalog,
                                     in: dir, name: "blank-\(set).xlsx")
            for workbook in [filled, blank] {
                let result = try learner.learn(workbookAt: workbook.path, set: "learned-\(set)")
                assertEquivalent(result, to: set)
                // The files load, and as a catalog they read the workbook they were learned from.
                let folder = dir.url.appendingPathComponent("\(workbook.deletingPathExtension().lastPathComponent)-mappings").path
                try result.write(to: folder)
                let learned = try MappingCatalog.load(folders: [folder])
                XCTAssertEqual(learned.sets, ["learned-\(set)"])
                if workbook == filled {
                    let again = try Importer(catalog: learned, fiscalYear: year).importWorkbook(at: workbook.path)
                    XCTAssertEqual(again.found.count, learned.layouts.count)
                    try assertSameValues(again.report, report)
                }
            }
        }
    }

    /// A variant: 03's 经营支出 renamed 经营性支出, 10 with a row added (行次 18), 04 moved to the end.
    static func variantCatalog() -> MappingCatalog {
        var layouts = catalog.layouts(inSet: "gk10-2024")
        for i in layouts.indices {
            layouts[i].set = "gk10-variant"
            switch layouts[i].table {
            case "03":
                let b = 0
                let k = layouts[i].blocks[b].columns.firstIndex { $0.measure == "business" }!
                layouts[i].blocks[b].columns[k].header = ["经营性支出"]
            case "10":
                layouts[i].blocks[0].rows.items.append(RowItem(kind: .data, line: 18, label: "(三) 单价50万元(含)以上设备(不含车辆)",
                                                               id: nil, code: nil, notApplicable: [], isCount: true))
            case "04":
                layouts[i].table = "99" // drawn last; its code still reads 公开04表
            default: break
            }
        }
        return MappingCatalog(layouts: layouts)
    }

    func testVariantDifferencesAreReportedExactlyAndTheLearnedSetImportsIt() throws {
        let dir = try TemporaryDirectory()
        let report = try Self.sampleReport("zezhou-2024-gk10.xlsx", year: 2024)
        let variant = try exported(report, set: "gk10-variant", catalog: Self.variantCatalog(), in: dir, name: "variant.xlsx")
        let book = try Workbook(path: variant.path)
        XCTAssertEqual(book.sheets.last?.name, "公开04表")

        let result = try TemplateLearner(catalog: Self.catalog).learn(workbookAt: variant.path, set: "gk10-2025")
        XCTAssertEqual(result.closestSet, "gk10-2024")
        XCTAssertEqual(result.tables.count, 10)
        let differences = result.differences.map { "\($0.kind.rawValue) \($0.table) \($0.detail)" }.sorted()
        XCTAssertEqual(differences, [
            "column_renamed gk10-2025/03 经营支出 → 经营性支出",
            "row_added gk10-2025/10 18 (三) 单价50万元(含)以上设备(不含车辆)",
            "table_moved gk10-2025/04 公开04表 after 公开10表",
        ], result.description)
        XCTAssertTrue(result.description.contains("经营性支出") && result.description.contains("公开04表"), result.description)
        let t03 = result.tables.first { $0.layout.table == "03" }!.layout
        XCTAssertEqual(t03.columns.first { $0.measure == "business" }?.header, ["经营性支出"])
        let t10 = result.tables.first { $0.layout.table == "10" }!.layout
        XCTAssertEqual(t10.blocks[0].rows.items.last?.line, 18)
        XCTAssertEqual(t10.blocks[0].rows.items.last?.isCount, true)

        // The learned set, on the mapping path with the known sets, reads the variant.
        let folder = dir.url.appendingPathComponent("gk10-2025").path
        try result.write(to: folder)
        let catalog = try MappingCatalog.load(folders: [Fixtures.packageRoot.appendingPathComponent("Mappings").path, folder])
        let imported = try Importer(catalog: catalog).importWorkbook(at: variant.path)
        XCTAssertEqual(imported.report.templateSet, "gk10-2025")
        XCTAssertEqual(imported.found.count, 10)
        XCTAssertFalse(imported.hasErrors, "\(imported.issues)")
        try assertSameValues(imported.report, report)
        // And exports it: the renamed column and the added row are drawn.
        let out = dir.file("again.xlsx")
        let summary = try WorkbookExporter(catalog: catalog).export(imported.report, set: "gk10-2025", to: out)
        XCTAssertEqual(summary.withoutData, [])
        let again = try Workbook(path: out.path)
        let texts = try again.worksheet(again.sheet(named: "公开10表")!).rows.flatMap(\.cells).compactMap(\.value.string)
        XCTAssertTrue(texts.contains("(三) 单价50万元(含)以上设备(不含车辆)"))
        // Writing again without replacing is refused; with it, allowed.
        XCTAssertThrowsError(try result.write(to: folder))
        XCTAssertNoThrow(try result.write(to: folder, replaceExisting: true))
    }

    /// A title no known layout has, above a header that resembles one, is learned as an added table.
    func testUnknownTitleIsDraftedFromTheClosestHeader() throws {
        let dir = try TemporaryDirectory()
        var layouts = Self.catalog.layouts(inSet: "gk10-2024").filter { ["03", "05"].contains($0.table) }
        for i in layouts.indices { layouts[i].set = "x" }
        layouts[1].title = "一般公共预算财政拨款支出明细情况表"
        let report = try Self.sampleReport("zezhou-2024-gk10.xlsx", year: 2024)
        let workbook = try exported(report, set: "x", catalog: MappingCatalog(layouts: layouts), in: dir, name: "x.xlsx")
        let result = try TemplateLearner(catalog: Self.catalog).learn(workbookAt: workbook.path, set: "x2")
        XCTAssertEqual(result.tables.map(\.layout.title), ["支出决算表", "一般公共预算财政拨款支出明细情况表"])
        XCTAssertEqual(result.tables[1].closest.id, "gk10-2024/05")
        XCTAssertEqual(result.tables[1].layout.statement, "general_budget_expenditure")
        let kinds = Set(result.differences.map(\.kind))
        XCTAssertTrue(kinds.contains(.titleRenamed), "\(result.differences.map(\.message))")
        XCTAssertTrue(kinds.contains(.tableRemoved))
        XCTAssertEqual(MappingWriter.yaml(result.tables[1].layout).contains("一般公共预算财政拨款支出明细情况表"), true)
    }

    private func assertSameValues(_ got: Report, _ expected: Report, file: StaticString = #filePath, line: UInt = #line) throws {
        for statement in expected.statements {
            guard let other = got.statements(ofKind: statement.kind).first else {
                XCTFail("\(statement.kind) not imported", file: file, line: line); continue
            }
            for row in statement.rows {
                for (measure, value) in row.values where (value.amount ?? .zero) != .zero {
                    let shown = value.isCount == true ? value.amount! : value.amount!.expressed(in: .wanYuan).rounded(2).converted(from: .wanYuan)
                    XCTAssertEqual(other.amount(row: row.key, measure: measure), shown, "\(statement.kind) \(row.key) \(measure)", file: file, line: line)
                }
            }
        }
    }
}
