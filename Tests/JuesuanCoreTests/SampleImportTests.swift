import Foundation
import JuesuanCore
import TestSupport
import XCTest

/// Every sample workbook imports to exactly the published data of its seed, transcribed from the
/// seed text by Tests/Fixtures/seeds/transcribe.py (not by the importer): every value, in every variant.
final class SampleImportTests: XCTestCase {
    static let catalog: MappingCatalog = try! MappingCatalog.load(folders: [Fixtures.packageRoot.appendingPathComponent("Mappings").path])

    func testZezhouVariantsImportThePublishedData() throws {
        try checkVariants(prefix: "zezhou-2024-gk10", transcription: "zezhou-2024.json", set: "gk10-2024", year: 2024)
    }

    func testDachuanVariantsImportThePublishedData() throws {
        try checkVariants(prefix: "dachuan-2023-sc13", transcription: "dachuan-2023.json", set: "sc13-2023", year: nil)
    }

    /// Other departments' workbooks, made by an independent generator (Tests/Fixtures/departments/
    /// make_departments.py) with their own legacy quirks: the importer was never tuned to them.
    func testOtherDepartmentsImportTheirExpectedData() throws {
        let folder = Fixtures.url("departments")
        let expectations = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".expected.json") }.sorted()
        XCTAssertGreaterThanOrEqual(expectations.count, 6)
        for name in expectations {
            let seed = try SeedTranscription(url: folder.appendingPathComponent(name))
            let workbook = folder.appendingPathComponent(name.replacingOccurrences(of: ".expected.json", with: ".xlsx"))
            try check(workbook, against: seed)
        }
    }

    private func checkVariants(prefix: String, transcription: String, set: String, year: Int?) throws {
        let seed = try SeedTranscription(url: Fixtures.url("seeds/\(transcription)"))
        XCTAssertEqual(seed.set, set)
        let folder = Fixtures.packageRoot.appendingPathComponent("SampleWorkbooks")
        let variants = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasPrefix(prefix) && $0.hasSuffix(".xlsx") }.sorted()
        XCTAssertGreaterThanOrEqual(variants.count, 6, "expected the sample and its legacy variants")
        for variant in variants {
            try check(folder.appendingPathComponent(variant), against: seed, year: year)
        }
    }

}

/// The seed transcription (schema juesuan-seed-transcription/1), read independently of the importer.
struct SeedTranscription {
    struct Row {
        var key: String
        var label: String
        var code: String?
        var line: Int?
        var values: [String: String]
        var isCount: Bool
    }
    struct Table {
        var id: String
        var rows: [Row]
        var notApplicable: [(row: String, column: String)]
        var columnKeys: [String]
        var isSingleRow: Bool { columnKeys.contains { $0.hasPrefix("budget.") } }

        /// The transcription's column keys, written as the canonical measure ids of Mappings/README.md:
        /// the two-sided 01/04 tables drop their side ("expenditure.total" → "total"), others join with "_".
        func measure(_ column: String) -> String {
            if id == "01" || id == "04" { return String(column.split(separator: ".").last!) }
            return column.replacingOccurrences(of: ".", with: "_")
        }
    }
    var department: String
    var set: String
    var year: Int?
    var tables: [Table]

    init(url: URL) throws {
        let root = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        department = root["department"] as! String
        set = root["set"] as! String
        year = root["year"] as? Int
        tables = (root["tables"] as! [[String: Any]]).map { t in
            let rows = (t["rows"] as! [[String: Any]]).map { r in
                Row(key: r["key"] as! String, label: r["label"] as? String ?? "", code: r["code"] as? String,
                    line: (r["line"] as? String).flatMap(Int.init), values: r["values"] as? [String: String] ?? [:],
                    isCount: (r["quantity"] as? String) == "count")
            }
            let na = (t["not_applicable"] as? [[String: Any]] ?? []).map { ($0["row"] as! String, $0["column"] as! String) }
            let keys = (t["columns"] as? [[String: Any]] ?? []).compactMap { $0["key"] as? String }
            return Table(id: t["id"] as! String, rows: rows, notApplicable: na, columnKeys: keys)
        }
    }
}

/// Comparison of an imported workbook with a transcription, shared by the import and export tests.
extension XCTestCase {
    func check(_ workbook: URL, against seed: SeedTranscription, year: Int?? = nil) throws {
        let variant = workbook.lastPathComponent
        let result = try Importer(catalog: SampleImportTests.catalog).importWorkbook(at: workbook.path)
        XCTAssertEqual(result.report.templateSet, seed.set, variant)
        XCTAssertEqual(result.report.department, seed.department, variant)
        XCTAssertEqual(result.report.fiscalYear, year ?? seed.year, variant)
        XCTAssertEqual(result.issues.filter { $0.severity == .error }, [], variant)
        XCTAssertEqual(result.missingTables, [], variant)
        for table in seed.tables {
            let statements = result.report.statements.filter { $0.table.table == table.id }
            XCTAssertEqual(statements.count, 1, "\(variant) table \(table.id)")
            guard let statement = statements.first else { continue }
            compare(table, statement, variant: variant)
        }
    }

    /// Every transcribed value equals the imported one (万元 × 10000 = 元), every "——" cell is marked,
    /// and the import holds no value the seed does not print.
    func compare(_ table: SeedTranscription.Table, _ statement: Statement, variant: String) {
        var matched = Set<String>()
        for row in table.rows {
            let where_ = "\(variant) \(table.id) row \(row.key)"
            guard let imported = find(row, in: statement, table: table) else {
                if !row.values.isEmpty { XCTFail("\(where_): not imported") }
                continue
            }
            matched.insert(imported.key)
            for (column, printed) in row.values {
                let measure = table.measure(column)
                let expected = row.isCount ? Decimal(string: printed)! : Decimal(string: printed)! * 10_000
                XCTAssertEqual(imported.values[measure]?.amount?.value, expected, "\(where_) \(measure)")
            }
            // Blank and a written zero ("0.00", "-") mean the same in these tables.
            for (measure, value) in imported.values where value.amount != nil && value.amount != .zero {
                XCTAssertTrue(row.values.keys.map(table.measure).contains(measure),
                              "\(where_): imported \(measure) = \(value.amount!) but the seed prints it blank")
            }
        }
        for na in table.notApplicable {
            guard let row = table.rows.first(where: { $0.key == na.row }), let imported = find(row, in: statement, table: table) else {
                XCTFail("\(variant) \(table.id): '——' row \(na.row) not imported"); continue
            }
            XCTAssertEqual(imported.values[table.measure(na.column)]?.notApplicable, true,
                           "\(variant) \(table.id) row \(na.row) \(na.column) should be '——'")
        }
        // No imported row carries values that the seed's rows do not account for.
        for row in statement.rows where !matched.contains(row.key) {
            XCTAssertTrue(row.values.values.allSatisfy { $0.amount == nil || $0.amount == .zero },
                          "\(variant) \(table.id): unexpected row \(row.key)")
        }
    }

    private func find(_ row: SeedTranscription.Row, in statement: Statement, table: SeedTranscription.Table) -> StatementRow? {
        if let code = row.code { return statement.rows.first { $0.code == code } }
        if let line = row.line { return statement.rows.first { $0.line == line } }
        if table.isSingleRow { return statement.rows.first }
        let label = LabelNormalizer.key(row.label)
        return statement.rows.first { $0.label.map(LabelNormalizer.key) == label && $0.code == nil }
    }
}
