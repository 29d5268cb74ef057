import Foundation
import SpreadsheetKit
import TestSupport
import XCTest

/// Legacy `.xls` input, through the CLI: every `.xls` fixture (LibreOffice's conversions of the
/// `.xlsx` fixtures and samples, and two hand-made BIFF files; Tests/Fixtures/xls/README.md) dumps
/// cell by cell as its `.xlsx` twin does and as xlrd reads it; files are recognised by content
/// whatever their names; every command that reads a workbook reads `.xls`.
final class LegacyXLSTests: XCTestCase {
    let mappings = Fixtures.packageRoot.appendingPathComponent("Mappings").path

    /// Every `.xls` fixture with the `.xlsx` it was converted from.
    static func twins() -> [(xls: URL, xlsx: URL)] {
        Fixtures.files(in: "xls", extensions: ["xls"]).compactMap { xls in
            let name = xls.deletingPathExtension().lastPathComponent + ".xlsx"
            for folder in [Fixtures.url("workbook"), Fixtures.packageRoot.appendingPathComponent("SampleWorkbooks")] {
                let candidate = folder.appendingPathComponent(name)
                if FileManager.default.fileExists(atPath: candidate.path) { return (xls, candidate) }
            }
            return nil
        }
    }

    func dumpJSON(_ path: String, file: StaticString = #filePath, line: UInt = #line) throws -> [DumpComparison.Sheet] {
        let result = try JuesuanBinary.run(["dump", "--format", "json", path], timeout: 300, file: file, line: line)
        XCTAssertEqual(result.status, 0, "\(path): \(result.stderr)", file: file, line: line)
        return try DumpComparison.sheets(result.stdout)
    }

    // MARK: Agreement with the .xlsx twin

    /// Cell by cell, for every value kind: text, numbers (compared after rounding to 15
    /// significant digits, Excel's precision), dates and times, booleans, errors, number formats,
    /// merged ranges, sheet names and visibility. The differences allowed are LibreOffice's when
    /// it writes `.xls` (each confirmed by xlrd reading the same `.xls`), listed in `tolerated`.
    func testEveryXLSDumpAgreesWithItsXLSXTwin() throws {
        let twins = Self.twins()
        XCTAssertGreaterThanOrEqual(twins.count, 35, "expected the converted workbook fixtures and all sample variants")
        var checkedCells = 0, kinds = Set<String>()
        for (xls, xlsx) in twins {
            let fixture = xls.lastPathComponent
            let ours = try dumpJSON(xls.path), theirs = try dumpJSON(xlsx.path)
            XCTAssertEqual(ours.map(\.name), theirs.map(\.name), "\(fixture): sheet names")
            for (a, b) in zip(ours, theirs) {
                let place = "\(fixture) [\(a.name)]"
                if a.visible != b.visible && !(b.visible == "veryHidden" && a.visible == "hidden") {
                    XCTFail("\(place): visibility \(a.visible) ≠ \(b.visible)")
                }
                XCTAssertEqual(Set(a.merged), Set(b.merged), "\(place): merged ranges")
                for ref in Set(a.cells.keys).union(b.cells.keys).sorted() {
                    let x = a.cells[ref], y = b.cells[ref]
                    if XLSDump.tolerated(fixture: fixture, ref: ref, xls: x, xlsx: y) != nil { continue }
                    guard let x, let y else {
                        XCTFail("\(place)!\(ref): only in the \(x == nil ? ".xlsx" : ".xls"): \(x ?? y ?? [:])")
                        continue
                    }
                    if let problem = XLSDump.difference(x, y, numbers: .fifteenDigits) {
                        XCTFail("\(place)!\(ref): \(problem) — .xls \(x), .xlsx \(y)")
                    }
                    checkedCells += 1
                    kinds.insert(x["type"] ?? "?")
                }
            }
        }
        XCTAssertGreaterThan(checkedCells, 15_000)
        XCTAssertEqual(kinds, ["string", "number", "date", "boolean", "error"], "every value kind was compared")
    }

    // MARK: Agreement with xlrd

    /// xlrd (an independent BIFF reader; its reading is committed as `<name>.xlrd.json`, written by
    /// make_xls_fixtures.py in the dump format) reads the same `.xls` bytes to the same cells:
    /// exactly, numbers as the same double, with no tolerance beyond xlrd's names for built-in
    /// formats and its leaving out chart sheets.
    func testEveryXLSDumpAgreesWithXlrd() throws {
        let files = Fixtures.files(in: "xls", extensions: ["xls"])
        XCTAssertGreaterThanOrEqual(files.count, 37)
        for xls in files {
            let fixture = xls.lastPathComponent
            let reference = xls.deletingPathExtension().appendingPathExtension("xlrd.json")
            let theirs = try DumpComparison.sheets(Data(contentsOf: reference))
            let ours = try dumpJSON(xls.path)
            // xlrd leaves chart sheets out; they have no cells.
            let kept = ours.filter { sheet in theirs.contains { $0.name == sheet.name } }
            for dropped in ours where !kept.contains(where: { $0.name == dropped.name }) {
                XCTAssertTrue(dropped.cells.isEmpty, "\(fixture): sheet \(dropped.name) is missing in xlrd's reading")
            }
            XCTAssertEqual(kept.map(\.name), theirs.map(\.name), "\(fixture): sheets")
            for (a, b) in zip(kept, theirs) {
                let place = "\(fixture) [\(a.name)]"
                XCTAssertEqual(a.visible, b.visible, "\(place): visibility")
                XCTAssertEqual(Set(a.merged), Set(b.merged), "\(place): merged ranges")
                XCTAssertEqual(Set(a.cells.keys), Set(b.cells.keys), "\(place): cells present")
                var failures = 0
                for (ref, x) in a.cells.sorted(by: { $0.key < $1.key }) {
                    guard let y = b.cells[ref], failures < 10 else { continue }
                    if let problem = XLSDump.difference(x, y, numbers: .exact) {
                        failures += 1
                        XCTFail("\(place)!\(ref): \(problem) — ours \(x), xlrd \(y)")
                    }
                }
            }
        }
    }

    // MARK: Recognised by content

    func testRenamedFilesOpenByTheirContent() throws {
        let dir = try TemporaryDirectory()
        let xls = Fixtures.url("xls/zezhou-2024-gk10-legacy.xls")
        let xlsx = Fixtures.packageRoot.appendingPathComponent("SampleWorkbooks/zezhou-2024-gk10-legacy.xlsx")
        let xlsNamedXLSX = dir.file("其实是旧版.xlsx"), xlsxNamedXLS = dir.file("其实是新版.xls")
        try FileManager.default.copyItem(at: xls, to: xlsNamedXLSX)
        try FileManager.default.copyItem(at: xlsx, to: xlsxNamedXLS)
        for (renamed, original) in [(xlsNamedXLSX, xls), (xlsxNamedXLS, xlsx)] {
            for format in ["tsv", "json"] {
                let a = try JuesuanBinary.run(["dump", "--format", format, renamed.path])
                let b = try JuesuanBinary.run(["dump", "--format", format, original.path])
                XCTAssertEqual(a.status, 0, a.stderr)
                XCTAssertEqual(a.stdout, b.stdout, "\(renamed.lastPathComponent) dumps as \(original.lastPathComponent)")
            }
            let imported = try JuesuanBinary.run(["import", renamed.path, "-o", dir.file(renamed.lastPathComponent + ".json").path,
                                                  "--mappings", mappings])
            XCTAssertEqual(imported.status, 0, imported.stderr)
        }
        XCTAssertEqual(try Workbook(path: xlsNamedXLSX.path).format, .xls)
        XCTAssertEqual(try Workbook(path: xlsxNamedXLS.path).format, .xlsx)
    }

    // MARK: Every command

    /// Each sample variant as `.xls` converts to the same official workbook as its `.xlsx` twin
    /// (the dumps of the two outputs are identical), and `check` finds the same things at the same cells.
    func testConvertAndCheckGiveTheSameResultsForXLSAndXLSX() throws {
        let dir = try TemporaryDirectory()
        let samples = Self.twins().filter { $0.xlsx.path.contains("SampleWorkbooks") }
        XCTAssertEqual(samples.count, 12)
        for (xls, xlsx) in samples {
            let name = xls.deletingPathExtension().lastPathComponent
            let target = name.hasPrefix("zezhou") ? "gk10-2024" : "sc13-2023"
            var dumps: [Data] = []
            for input in [xls, xlsx] {
                let out = dir.file("\(name)-\(input.pathExtension).xlsx").path
                let converted = try JuesuanBinary.run(["convert", input.path, "--to", target, "-o", out, "--year", "2023",
                                                       "--mappings", mappings, "--force"])
                XCTAssertEqual(converted.status, 0, "\(input.lastPathComponent): \(converted.stderr)")
                let dump = try JuesuanBinary.run(["dump", "--format", "json", out])
                XCTAssertEqual(dump.status, 0, dump.stderr)
                dumps.append(dump.stdout)
            }
            XCTAssertEqual(dumps[0], dumps[1], "\(name): the converted workbooks differ")

            let checks = try [xls, xlsx].map { try JuesuanBinary.run(["check", $0.path, "--format", "json", "--mappings", mappings]) }
            XCTAssertEqual(checks[0].status, checks[1].status, "\(name): check \(checks[0].stderr)")
            XCTAssertNotEqual(checks[0].status, 2, checks[0].stderr)
            XCTAssertEqual(checks[0].stdout, checks[1].stdout, "\(name): check findings differ")

            let inspections = try [xls, xlsx].map { try JuesuanBinary.run(["inspect", $0.path, "--mappings", mappings]) }
            XCTAssertEqual(inspections[0].status, 0, inspections[0].stderr)
            XCTAssertEqual(inspections[0].stdoutText.replacingOccurrences(of: xls.path, with: "IN"),
                           inspections[1].stdoutText.replacingOccurrences(of: xlsx.path, with: "IN"), "\(name): inspect")
        }
    }

    func testBatchConvertReadsXLS() throws {
        let dir = try TemporaryDirectory()
        let input = dir.url.appendingPathComponent("in"), out = dir.url.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        for name in ["zezhou-2024-gk10-legacy.xls", "zezhou-2024-gk10-stacked.xls", "zezhou-2024-gk10-yuan.xls"] {
            try FileManager.default.copyItem(at: Fixtures.url("xls/\(name)"), to: input.appendingPathComponent("旧版-" + name))
        }
        try FileManager.default.copyItem(at: Fixtures.url("hostile/encrypted.xls"), to: input.appendingPathComponent("加密.xls"))
        let result = try JuesuanBinary.run(["batch", "convert", input.path, "--to", "gk10-2024", "--out", out.path,
                                            "--jobs", "2", "--mappings", mappings], timeout: 600)
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertTrue(result.stdoutText.contains("converted: 3") && result.stdoutText.contains("failed: 1"), result.stdoutText)
        XCTAssertTrue(result.stdoutText.contains("加密.xls"), result.stdoutText)
        XCTAssertTrue(FileManager.default.fileExists(atPath: out.appendingPathComponent("旧版-zezhou-2024-gk10-legacy.xlsx").path))
    }

    /// The README's example, with an `.xls`.
    func testTheReadmeExampleConvertsAnXLS() throws {
        let dir = try TemporaryDirectory()
        let out = dir.file("zezhou-2024-gk10.xlsx").path
        let result = try JuesuanBinary.run(["convert", Fixtures.url("xls/zezhou-2024-gk10-legacy.xls").path,
                                            "--to", "gk10-2024", "-o", out, "--force", "--mappings", mappings])
        XCTAssertEqual(result.status, 0, result.stderr)
        let dump = try JuesuanBinary.run(["dump", out, "--sheet", "公开01表"])
        XCTAssertTrue(dump.stdoutText.contains("收入支出决算总表"), dump.stdoutText)
    }
}

/// How the .xls and .xlsx dumps may differ (the dump itself is read by DumpComparison).
enum XLSDump {

    enum NumberComparison { case exact, fifteenDigits }

    /// Why two cells differ, or nil when they agree. The `.xls` side has no formula text (FreeXL
    /// and the BIFF scan read cached values only), so formulas are not compared.
    static func difference(_ ours: [String: String], _ theirs: [String: String], numbers: NumberComparison) -> String? {
        if ours["type"] != theirs["type"] { return "type" }
        let a = ours["value"] ?? "", b = theirs["value"] ?? ""
        if ours["type"] == "number" {
            guard let x = Double(a), let y = Double(b) else { return "number text" }
            switch numbers {
            case .exact: if x != y { return "number value" }
            case .fifteenDigits: if rounded15(a) != rounded15(b) { return "number value (15 digits)" }
            }
        } else if numbers == .exact ? a != b
                    : a.replacingOccurrences(of: "\r\n", with: "\n") != b.replacingOccurrences(of: "\r\n", with: "\n") {
            return "value" // (against the .xlsx twin: LibreOffice writes the CR LF of a cell as LF)
        }
        if !sameFormat(ours["format"], theirs["format"]) { return "number format" }
        return nil
    }

    /// A number rounded to 15 significant digits, as the domain reads it.
    static func rounded15(_ text: String) -> Decimal? {
        guard var value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) else { return nil }
        if value.isZero { return 0 }
        let digits = Int(floor(log10(abs(NSDecimalNumber(decimal: value).doubleValue))))
        var result = Decimal()
        NSDecimalRound(&result, &value, 14 - digits, .plain)
        return result
    }

    /// Format codes agree when they are the same after LibreOffice's rewriting (it escapes literal
    /// characters with `\` instead of quotes, upper-cases colour names) or, for date and time
    /// formats, when they show the same kind (LibreOffice writes built-in 14 `mm-dd-yy` as its
    /// locale's `m/d/yyyy`; xlrd names built-in 14 `m/d/yy`).
    static func sameFormat(_ a: String?, _ b: String?) -> Bool {
        func normal(_ code: String?) -> String {
            (code ?? "General").replacingOccurrences(of: "\\", with: "").replacingOccurrences(of: "\"", with: "").uppercased()
        }
        if normal(a) == normal(b) { return true }
        guard let a, let b, let kind = NumberFormats.dateTimeKind(a) else { return false }
        return NumberFormats.dateTimeKind(b) == kind
    }

    /// The differences LibreOffice makes when it writes `.xls` from `.xlsx`, each confirmed by
    /// xlrd reading the `.xls` (testEveryXLSDumpAgreesWithXlrd): the reason, or nil.
    static func tolerated(fixture: String, ref: String, xls: [String: String]?, xlsx: [String: String]?) -> String? {
        // A formula the .xlsx stores without a cached value: LibreOffice computes it on load,
        // the .xls holds its result.
        if xlsx?["type"] == "formula-without-cache" { return "LibreOffice recalculated the formula" }
        // A cell beyond BIFF8's 65,536 rows × 256 columns is dropped.
        if let xlsx, xls == nil, let cell = CellReference(xlsx["ref"] ?? ""), cell.row > 65_536 || cell.column > 256 {
            return "outside BIFF8's grid"
        }
        // LibreOffice writes no cell for an empty string.
        if xls == nil, xlsx?["type"] == "string", xlsx?["value"] == "" { return "empty string not written" }
        // The cached text of a formula LibreOffice did not recalculate is written as the number 0.
        if xlsx?["formula"] != nil, xlsx?["type"] == "string", xls?["type"] == "number", xls?["value"] == "0" {
            return "LibreOffice writes an unrecalculated text result as 0"
        }
        switch (fixture, ref) {
        // `t="d"` ISO date cells without a date format: LibreOffice writes General numbers.
        case ("handmade-cell-types.xls", "A4"), ("handmade-cell-types.xls", "B4"), ("handmade-cell-types.xls", "D4"),
             ("handmade-strict-ooxml.xls", "B3"):
            return xls?["type"] == "number" && xlsx?["type"] == "date" ? "ISO date cell written as a General number" : nil
        // A boolean constant formatted "TRUE";"TRUE";"FALSE": LibreOffice writes the number 0.
        case ("libreoffice-from-fods.xls", "A6"):
            return xls?["type"] == "number" && xlsx?["type"] == "boolean" ? "boolean written as a formatted number" : nil
        // The other cells of an array formula: XlsxWriter stores 0 there, openpyxl nothing;
        // LibreOffice computes them.
        case ("xlsxwriter-formulas-cached.xls", "C2"), ("xlsxwriter-formulas-cached.xls", "C3"),
             ("openpyxl-formulas-no-cache.xls", "C2"), ("openpyxl-formulas-no-cache.xls", "C3"):
            return "array formula recalculated"
        default:
            return nil
        }
    }
}
