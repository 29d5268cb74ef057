import Foundation
import TestSupport
import XCTest

/// Every workbook fixture, dumped by `juesuan dump --format json`, agrees cell by cell with what
/// openpyxl (an independent reader) reads from it — or, for hand-made packages openpyxl cannot
/// read (Strict OOXML, missing `r` attributes …), with the `.expected.json` written beside them.
final class DumpMatchesOpenpyxlTests: XCTestCase {
    func testEveryFixtureMatchesTheIndependentReader() throws {
        let fixtures = Fixtures.files(in: "workbook")
        XCTAssertGreaterThanOrEqual(fixtures.count, 20, "fixture folder looks incomplete")
        for fixture in fixtures {
            let ours = try JuesuanBinary.run(["dump", "--format", "json", fixture.path], timeout: 600)
            XCTAssertEqual(ours.status, 0, "\(fixture.lastPathComponent): \(ours.stderr)")
            let expectedURL = fixture.deletingPathExtension().appendingPathExtension("expected.json")
            let reference: Data
            if FileManager.default.fileExists(atPath: expectedURL.path) {
                reference = try Data(contentsOf: expectedURL)
            } else {
                let theirs = try ProcessRunner.python("openpyxl_dump.py", [fixture.path], timeout: 900)
                XCTAssertEqual(theirs.status, 0, "openpyxl failed on \(fixture.lastPathComponent): \(theirs.stderr)")
                reference = theirs.stdout
            }
            do {
                try DumpComparison.assertEquivalent(ours: ours.stdout, reference: reference, fixture: fixture.lastPathComponent)
            } catch {
                XCTFail("\(fixture.lastPathComponent): \(error)")
            }
        }
    }

    func testSheetOptionSelectsOneSheetAndTSVShowsHiddenState() throws {
        let fixture = Fixtures.url("workbook/openpyxl-hidden-sheets.xlsx").path
        let hidden = try JuesuanBinary.run(["dump", fixture, "--sheet", "Hidden"])
        XCTAssertEqual(hidden.status, 0, hidden.stderr)
        XCTAssertEqual(hidden.stdoutText, "# sheet: Hidden\n# hidden\n1\thidden sheet\n")
        let missing = try JuesuanBinary.run(["dump", fixture, "--sheet", "没有这个表"])
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains("没有这个表") && missing.stderr.contains("openpyxl-hidden-sheets.xlsx"), missing.stderr)
    }

    func testTSVEscapesAndSkippedColumns() throws {
        let result = try JuesuanBinary.run(["dump", Fixtures.url("workbook/handmade-no-r-attributes.xlsx").path])
        XCTAssertEqual(result.status, 0, result.stderr)
        let lines = result.stdoutText.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // Row 2 has values in A, B, E, F: the two skipped columns stay as empty fields.
        XCTAssertTrue(lines.contains("2\t10\t\t\t40\t50"), result.stdoutText)
        let escaped = try JuesuanBinary.run(["dump", Fixtures.url("workbook/handmade-sst-rich-phonetic.xlsx").path])
        XCTAssertTrue(escaped.stdoutText.contains("5\tline1\\r\\nline2\n"), escaped.stdoutText)
        XCTAssertTrue(escaped.stdoutText.contains("7\ttab\\tand bell"), escaped.stdoutText)
    }

    func testUsageErrorsExitWith64() throws {
        XCTAssertEqual(try JuesuanBinary.run(["dump"]).status, 64)
        XCTAssertEqual(try JuesuanBinary.run(["dump", "x.xlsx", "--format", "csv"]).status, 64)
    }
}

/// Compares two dumps in the json dump format, cell by cell.
enum DumpComparison {
    static func assertEquivalent(ours: Data, reference: Data, fixture: String,
                                 file: StaticString = #filePath, line: UInt = #line) throws {
        let a = try sheets(ours), b = try sheets(reference)
        XCTAssertEqual(a.map(\.name), b.map(\.name), "\(fixture): sheet names", file: file, line: line)
        for (ourSheet, refSheet) in zip(a, b) {
            let where_ = "\(fixture) [\(ourSheet.name)]"
            XCTAssertEqual(ourSheet.visible, refSheet.visible, "\(where_): visibility", file: file, line: line)
            XCTAssertEqual(Set(ourSheet.merged), Set(refSheet.merged), "\(where_): merged ranges", file: file, line: line)
            XCTAssertEqual(Set(ourSheet.cells.keys), Set(refSheet.cells.keys),
                           "\(where_): cells present (ours − ref: \(Set(ourSheet.cells.keys).subtracting(refSheet.cells.keys).sorted().prefix(5)), ref − ours: \(Set(refSheet.cells.keys).subtracting(ourSheet.cells.keys).sorted().prefix(5)))",
                           file: file, line: line)
            var failures = 0
            for (ref, ours) in ourSheet.cells.sorted(by: { $0.key < $1.key }) {
                guard let theirs = refSheet.cells[ref], failures < 10 else { continue }
                let problem = difference(ours, theirs)
                if let problem {
                    failures += 1
                    XCTFail("\(where_)!\(ref): \(problem) — ours \(ours), reference \(theirs)", file: file, line: line)
                }
            }
        }
    }

    struct Sheet {
        var name: String
        var visible: String
        var merged: [String]
        var cells: [String: [String: String]]
    }

    static func sheets(_ data: Data) throws -> [Sheet] {
        guard let root = try JSONSerialization.jsonObject(with: data) as? [String: Any],
              let sheets = root["sheets"] as? [[String: Any]] else {
            throw NSError(domain: "DumpComparison", code: 1, userInfo: [NSLocalizedDescriptionKey: "not a dump"])
        }
        return sheets.map { sheet in
            var cells: [String: [String: String]] = [:]
            for row in sheet["rows"] as? [[String: Any]] ?? [] {
                for cell in row["cells"] as? [[String: Any]] ?? [] {
                    var fields: [String: String] = [:]
                    for (k, v) in cell { fields[k] = "\(v)" }
                    cells[fields["ref"] ?? "?"] = fields
                }
            }
            return Sheet(name: sheet["name"] as? String ?? "", visible: sheet["visible"] as? String ?? "",
                         merged: sheet["merged"] as? [String] ?? [], cells: cells)
        }
    }

    /// Why two cells differ, or nil when they agree.
    static func difference(_ ours: [String: String], _ theirs: [String: String]) -> String? {
        if ours["type"] != theirs["type"] { return "type" }
        let a = ours["value"] ?? "", b = theirs["value"] ?? ""
        if ours["type"] == "number" {
            // openpyxl hands back the IEEE double of the stored text; compare as that reader does.
            guard let x = Double(a), let y = Double(b) else { return "number text" }
            if x != y { return "number value" }
        } else if ours["type"] != "formula-without-cache" && a != b {
            return "value"
        }
        if let f = ours["formula"], let g = theirs["formula"], f != g { return "formula" }
        if (ours["formula"] == nil) != (theirs["formula"] == nil) { return "formula presence" }
        if let f = ours["format"], let g = theirs["format"], f != g { return "number format" }
        return nil
    }
}
