import Foundation
import JuesuanCore
import SpreadsheetKit
import TestSupport
import XCTest

/// Export and convert: the official workbooks regenerated from the canonical model.
final class ExportTests: XCTestCase {
    static var catalog: MappingCatalog { SampleImportTests.catalog }
    private var exporter: WorkbookExporter { WorkbookExporter(catalog: Self.catalog) }

    /// Every sample variant and every other department, converted to its own set, imports back to
    /// the published (or expected) numbers: export → import is a round trip.
    func testConvertedWorkbooksCarryThePublishedNumbers() throws {
        let dir = try TemporaryDirectory()
        var cases: [(URL, SeedTranscription, Int??)] = []
        let samples = Fixtures.packageRoot.appendingPathComponent("SampleWorkbooks")
        for name in try FileManager.default.contentsOfDirectory(atPath: samples.path).sorted() where name.hasSuffix(".xlsx") {
            let seed = try SeedTranscription(url: Fixtures.url(name.hasPrefix("zezhou") ? "seeds/zezhou-2024.json" : "seeds/dachuan-2023.json"))
            cases.append((samples.appendingPathComponent(name), seed, name.hasPrefix("zezhou") ? 2024 : .some(nil)))
        }
        let departments = Fixtures.url("departments")
        for name in try FileManager.default.contentsOfDirectory(atPath: departments.path).sorted() where name.hasSuffix(".expected.json") {
            let workbook = departments.appendingPathComponent(name.replacingOccurrences(of: ".expected.json", with: ".xlsx"))
            cases.append((workbook, try SeedTranscription(url: departments.appendingPathComponent(name)), nil))
        }
        XCTAssertGreaterThanOrEqual(cases.count, 18)
        for (index, (workbook, seed, year)) in cases.enumerated() {
            let report = try Importer(catalog: Self.catalog).importWorkbook(at: workbook.path).report
            let out = dir.file("\(index)-\(workbook.lastPathComponent)")
            let summary = try exporter.export(report, set: seed.set, to: out)
            XCTAssertEqual(summary.withoutData, [], workbook.lastPathComponent)
            XCTAssertTrue(summary.notWritten.isEmpty, "\(workbook.lastPathComponent): \(summary.warnings)")
            try check(out, against: seed, year: year)
        }
    }

    /// convert → convert is stable: the second output equals the first, cell for cell.
    func testConvertingAConvertedWorkbookChangesNothing() throws {
        let dir = try TemporaryDirectory()
        for (sample, set) in [("zezhou-2024-gk10-legacy.xlsx", "gk10-2024"), ("dachuan-2023-sc13-stacked.xlsx", "sc13-2023"),
                              ("dachuan-2023-sc13.xlsx", "gk10-2024")] {
            let input = Fixtures.packageRoot.appendingPathComponent("SampleWorkbooks/\(sample)").path
            let first = dir.file("first-\(sample)"), second = dir.file("second-\(sample)")
            try exporter.export(try Importer(catalog: Self.catalog).importWorkbook(at: input).report, set: set, to: first)
            try exporter.export(try Importer(catalog: Self.catalog).importWorkbook(at: first.path).report, set: set, to: second)
            let a = try cells(first), b = try cells(second)
            XCTAssertEqual(a.count, b.count, sample)
            for (key, value) in a where b[key] != value {
                XCTFail("\(sample) \(key): \(value) vs \(b[key].map { "\($0)" } ?? "missing")")
                break
            }
        }
    }

    private func cells(_ url: URL) throws -> [String: String] {
        let book = try Workbook(path: url.path)
        var result: [String: String] = [:]
        for sheet in book.sheets {
            let ws = try book.worksheet(sheet)
            for row in ws.rows { for cell in row.cells where cell.isShownInDump {
                result["\(sheet.name)!\(cell.reference.a1)"] = cell.value.dumpText + "|" + (cell.numberFormat ?? "")
            } }
            result["\(sheet.name)!merged"] = ws.layout.mergedRanges.map(\.a1).sorted().joined(separator: " ")
        }
        return result
    }

    /// openpyxl reads each exported table and finds the layout transcribed from the seeds (header
    /// labels, merges, 栏次, title, code, notes) — test data independent of the mapping files.
    func testExportedTablesHaveThePublishedLayout() throws {
        let dir = try TemporaryDirectory()
        for (sample, transcription) in [("zezhou-2024-gk10.xlsx", "zezhou-2024.json"), ("dachuan-2023-sc13.xlsx", "dachuan-2023.json")] {
            let seedJSON = try JSONSerialization.jsonObject(with: Data(contentsOf: Fixtures.url("seeds/\(transcription)"))) as! [String: Any]
            let set = seedJSON["set"] as! String
            let out = dir.file("layout-\(sample)")
            let report = try Importer(catalog: Self.catalog, fiscalYear: 2023).importWorkbook(
                at: Fixtures.packageRoot.appendingPathComponent("SampleWorkbooks/\(sample)").path).report
            try exporter.export(report, set: set, to: out)
            let dump = try ProcessRunner.python("openpyxl_dump.py", [out.path])
            XCTAssertEqual(dump.status, 0, dump.stderr)
            let root = try JSONSerialization.jsonObject(with: dump.stdout) as! [String: Any]
            var sheets: [String: (cells: [String: [String: Any]], merged: Set<String>)] = [:]
            for sheet in root["sheets"] as! [[String: Any]] {
                var cells: [String: [String: Any]] = [:]
                for row in sheet["rows"] as! [[String: Any]] { for cell in row["cells"] as! [[String: Any]] { cells[cell["ref"] as! String] = cell } }
                sheets[sheet["name"] as! String] = (cells, Set(sheet["merged"] as! [String]))
            }
            for table in seedJSON["tables"] as! [[String: Any]] {
                let code = table["code"] as! String
                let name = code.filter { !$0.isWhitespace }
                guard let sheet = sheets[name] else { XCTFail("\(sample): no sheet \(name)"); continue }
                let text = { (ref: String) in LabelNormalizer.normalize((sheet.cells[ref]?["value"] as? String) ?? "") }
                XCTAssertEqual(text("A1"), LabelNormalizer.normalize(table["title"] as! String), "\(name) title")
                XCTAssertTrue(sheet.cells.values.contains { ($0["value"] as? String) == code }, "\(name) code \(code)")
                let layout = table["layout"] as! [String: Any]
                let headerRows = layout["header_rows"] as? [[String]] ?? []
                for (i, labels) in headerRows.enumerated() {
                    for (j, label) in labels.enumerated() where !label.isEmpty {
                        let ref = CellReference(row: 4 + i, column: 1 + j).a1
                        XCTAssertEqual(text(ref), LabelNormalizer.normalize(label), "\(name) header \(ref)")
                    }
                }
                for merge in layout["header_merges"] as? [String] ?? [] {
                    let range = CellRange(merge)!
                    let shifted = CellRange(first: CellReference(row: range.first.row + 3, column: range.first.column),
                                            last: CellReference(row: range.last.row + 3, column: range.last.column))
                    XCTAssertTrue(sheet.merged.contains(shifted.a1), "\(name) header merge \(merge) → \(shifted.a1)")
                }
                for note in table["notes"] as? [String] ?? [] {
                    XCTAssertTrue(sheet.cells.values.contains { LabelNormalizer.normalize(($0["value"] as? String) ?? "") == LabelNormalizer.normalize(note) },
                                  "\(name) note \(note)")
                }
                // Amounts are numbers shown as #,##0.00; "——" where the form forbids an amount.
                let amounts = sheet.cells.values.filter { ($0["type"] as? String) == "number" && (($0["value"] as? String) ?? "").contains(".") }
                XCTAssertTrue(amounts.allSatisfy { ($0["format"] as? String) == "#,##0.00" }, "\(name) number formats")
                let naCount = (table["not_applicable"] as? [Any] ?? []).count
                XCTAssertGreaterThanOrEqual(sheet.cells.values.filter { ($0["value"] as? String) == "——" }.count, naCount, "\(name) ——")
            }
        }
    }

    func testYuanOutputAndMissingTablesAreReported() throws {
        let dir = try TemporaryDirectory()
        let report = try Importer(catalog: Self.catalog).importWorkbook(
            at: Fixtures.packageRoot.appendingPathComponent("SampleWorkbooks/zezhou-2024-gk10.xlsx").path).report
        let out = dir.file("yuan.xlsx")
        try exporter.export(report, set: "gk10-2024", unit: .yuan, to: out)
        let book = try Workbook(path: out.path)
        let sheet = try book.worksheet(book.sheet(named: "公开01表")!)
        XCTAssertTrue(sheet.rows.flatMap(\.cells).contains { $0.value == .number("24295100") })
        XCTAssertTrue(sheet.rows.flatMap(\.cells).contains { $0.value == .string("金额单位：元") })
        // gk10 → sc13: the tables the gk10 data cannot fill are named, and drawn empty with a note.
        let summary = try exporter.export(report, set: "sc13-2023", to: dir.file("sc13.xlsx"))
        XCTAssertEqual(summary.withoutData.map(\.table), ["05", "07", "09", "11"])
        let sc13 = try Workbook(path: dir.file("sc13.xlsx").path)
        let t05 = try sc13.worksheet(sc13.sheet(named: "公开05表")!)
        XCTAssertTrue(t05.rows.flatMap(\.cells).contains { $0.value.string?.contains("源数据中没有此表的数据") == true })
        XCTAssertFalse(t05.rows.flatMap(\.cells).contains { if case .number = $0.value { return $0.reference.row > 6 && $0.reference.column > 3 }; return false },
                       "a conversion never invents numbers")
    }
}
