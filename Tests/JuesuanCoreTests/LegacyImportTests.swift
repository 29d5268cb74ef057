import Foundation
import JuesuanCore
import SpreadsheetKit
import TestSupport
import XCTest

/// Each sample variant saved as a legacy `.xls` by LibreOffice (Tests/Fixtures/xls/) imports to the
/// same canonical data as its `.xlsx` twin — every statement, row, measure and source cell — and
/// exports to the same official workbook.
final class LegacyImportTests: XCTestCase {
    func catalog() throws -> MappingCatalog {
        try MappingCatalog.load(folders: [Fixtures.packageRoot.appendingPathComponent("Mappings").path])
    }

    static func variants() -> [(xls: URL, xlsx: URL)] {
        let samples = Fixtures.packageRoot.appendingPathComponent("SampleWorkbooks")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: samples.path)) ?? []
        return names.filter { $0.hasSuffix(".xlsx") }.sorted().map { name in
            (Fixtures.url("xls/" + name.replacingOccurrences(of: ".xlsx", with: ".xls")), samples.appendingPathComponent(name))
        }
    }

    func testEveryVariantAsXLSImportsTheSameCanonicalData() throws {
        let variants = Self.variants()
        XCTAssertEqual(variants.count, 12)
        let importer = Importer(catalog: try catalog())
        for (xls, xlsx) in variants {
            let name = xls.lastPathComponent
            let legacy = try importer.importWorkbook(at: xls.path), modern = try importer.importWorkbook(at: xlsx.path)
            XCTAssertEqual(try Workbook(path: xls.path).format, .xls, name)
            compare(legacy.report, modern.report, name)
            XCTAssertEqual(legacy.found, modern.found, "\(name): tables found")
            XCTAssertEqual(legacy.missingTables, modern.missingTables, "\(name): tables missing")
            XCTAssertEqual(legacy.issues.map(\.description), modern.issues.map(\.description), "\(name): import issues")
        }
    }

    /// The `.xls` variants also carry the published data of their seeds (as SampleImportTests
    /// checks the `.xlsx` ones), transcribed independently of the importer.
    func testXLSVariantsCarryThePublishedData() throws {
        for (prefix, transcription, year) in [("zezhou-2024-gk10", "zezhou-2024.json", 2024 as Int?),
                                              ("dachuan-2023-sc13", "dachuan-2023.json", nil)] {
            let seed = try SeedTranscription(url: Fixtures.url("seeds/\(transcription)"))
            for (xls, _) in Self.variants() where xls.lastPathComponent.hasPrefix(prefix) {
                try check(xls, against: seed, year: year)
            }
        }
    }

    func testEveryVariantAsXLSExportsTheSameOfficialWorkbook() throws {
        let dir = try TemporaryDirectory()
        let catalog = try catalog()
        let importer = Importer(catalog: catalog, fiscalYear: 2023)
        let exporter = WorkbookExporter(catalog: catalog)
        for (xls, xlsx) in Self.variants() {
            let name = xls.deletingPathExtension().lastPathComponent
            let set = name.hasPrefix("zezhou") ? "gk10-2024" : "sc13-2023"
            var outputs: [URL] = []
            for input in [xls, xlsx] {
                var report = try importer.importWorkbook(at: input.path).report
                report.sourceFile = nil
                let out = dir.file("\(name).\(input.pathExtension).xlsx")
                try exporter.export(report, set: set, to: out)
                outputs.append(out)
            }
            let a = try Workbook(path: outputs[0].path), b = try Workbook(path: outputs[1].path)
            XCTAssertEqual(a.sheets.map(\.name), b.sheets.map(\.name), name)
            for (sa, sb) in zip(a.sheets, b.sheets) {
                let wa = try a.worksheet(sa), wb = try b.worksheet(sb)
                XCTAssertEqual(wa.layout.mergedRanges, wb.layout.mergedRanges, "\(name) [\(sa.name)]: merges")
                let cellsA = wa.rows.flatMap(\.cells), cellsB = wb.rows.flatMap(\.cells)
                XCTAssertEqual(cellsA.count, cellsB.count, "\(name) [\(sa.name)]: cells")
                for (x, y) in zip(cellsA, cellsB) where x != y {
                    XCTFail("\(name) [\(sa.name)]!\(x.reference.a1): \(x.value) ≠ \(y.reference.a1): \(y.value)")
                    break
                }
            }
        }
    }

    /// Reports compared part by part, so that a failure names the statement, row and measure.
    private func compare(_ a: Report, _ b: Report, _ name: String) {
        XCTAssertEqual(a.department, b.department, "\(name): department")
        XCTAssertEqual(a.fiscalYear, b.fiscalYear, "\(name): fiscal year")
        XCTAssertEqual(a.templateSet, b.templateSet, "\(name): template set")
        XCTAssertEqual(a.statements.map(\.table), b.statements.map(\.table), "\(name): statements")
        for (s, t) in zip(a.statements, b.statements) {
            let place = "\(name) \(s.table.set)/\(s.table.table)"
            XCTAssertEqual(s.sheet, t.sheet, "\(place): sheet")
            XCTAssertEqual(s.range, t.range, "\(place): range")
            XCTAssertEqual(s.sourceUnit, t.sourceUnit, "\(place): unit")
            XCTAssertEqual(s.unitStated, t.unitStated, "\(place): unit stated")
            XCTAssertEqual(s.precision, t.precision, "\(place): precision")
            XCTAssertEqual(s.rows.map(\.key), t.rows.map(\.key), "\(place): rows")
            for (r, q) in zip(s.rows, t.rows) {
                XCTAssertEqual([r.code, r.label, r.cell, r.nameCell], [q.code, q.label, q.cell, q.nameCell], "\(place) row \(r.key)")
                XCTAssertEqual(r.line, q.line, "\(place) row \(r.key): line")
                XCTAssertEqual(Set(r.values.keys), Set(q.values.keys), "\(place) row \(r.key): measures")
                for (measure, value) in r.values {
                    XCTAssertEqual(value, q.values[measure], "\(place) row \(r.key) \(measure)")
                }
            }
        }
        var x = a, y = b
        x.sourceFile = nil; y.sourceFile = nil
        XCTAssertEqual(x, y, "\(name): reports")
    }
}
