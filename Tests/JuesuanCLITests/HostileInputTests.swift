import Foundation
import TestSupport
import XCTest

/// Bad and hostile inputs: a clear message naming the file (and the part or cell), exit status 2,
/// never a crash or a hang. Fixtures and their expected behaviour: Tests/Fixtures/hostile/README.md.
final class HostileInputTests: XCTestCase {
    /// file → words the message must contain (besides the file name).
    let refused: [(String, [String])] = [
        ("empty.xlsx", ["文件为空", "empty"]),
        ("not-a-zip.xlsx", ["不是 Excel 工作簿", "not an Excel workbook"]),
        ("zip-without-workbook.xlsx", ["[Content_Types].xml"]),
        ("truncated.xlsx", ["truncated"]),
        ("missing-sheet-part.xlsx", ["xl/worksheets/sheet1.xml", "missing"]),
        ("malformed-sheet.xlsx", ["xl/worksheets/sheet1.xml", "第 2 行", "malformed XML"]),
        ("external-entity.xlsx", ["xl/worksheets/sheet1.xml", "DTD"]),
        ("external-entity-sst.xlsx", ["xl/sharedStrings.xml", "DTD"]),
        ("billion-laughs.xlsx", ["DTD"]),
        ("zip-bomb.xlsx", ["xl/worksheets/sheet1.xml", "ZIP bomb"]),
        ("zip-bomb-lying-header.xlsx", ["xl/worksheets/sheet1.xml", "declared 4096 bytes"]),
        ("encrypted.xlsx", ["密码保护", "password-protected"]),
        ("encrypted-handmade-cfb.xlsx", ["password-protected"]),
        ("compound-file-other.xlsx", ["OLE2"]),
        ("legacy.xls", [".xls", "not supported yet"]),
        ("rels-target-escape.xlsx", ["missing"]),
        ("shared-string-index-out-of-range.xlsx", ["Sheet1", "B1", "shared string index"]),
        ("out-of-range-refs.xlsx", ["Sheet1", "XFE1", "invalid cell reference"]),
    ]

    func testEveryHostileFileIsRefusedClearly() throws {
        for (name, words) in refused {
            let path = Fixtures.url("hostile/\(name)").path
            for format in ["tsv", "json"] {
                let result = try JuesuanBinary.run(["dump", path, "--format", format], timeout: 120)
                XCTAssertFalse(result.crashed, "\(name) crashed")
                XCTAssertEqual(result.status, 2, "\(name): \(result.stderr)")
                XCTAssertTrue(result.stderr.contains(name), "\(name): message does not name the file: \(result.stderr)")
                for word in words {
                    XCTAssertTrue(result.stderr.contains(word), "\(name): message lacks '\(word)': \(result.stderr)")
                }
                XCTAssertFalse(result.stderr.contains("root:") || result.stdoutText.contains("root:"),
                               "\(name): an external entity was resolved")
            }
        }
    }

    func testTolerableOddFilesAreReadWithoutAllocatingFromHints() throws {
        let lying = try JuesuanBinary.run(["dump", Fixtures.url("hostile/sst-lying-count.xlsx").path])
        XCTAssertEqual(lying.status, 0, lying.stderr)
        XCTAssertEqual(lying.stdoutText, "# sheet: Sheet1\n1\tone string, count claims four billion\n")

        let huge = try JuesuanBinary.run(["dump", "--format", "json", Fixtures.url("hostile/huge-dimension.xlsx").path])
        XCTAssertEqual(huge.status, 0, huge.stderr)
        XCTAssertTrue(huge.stdoutText.contains("\"XFD1048576\""), huge.stdoutText)

        let odd = try JuesuanBinary.run(["dump", Fixtures.url("hostile/bad-cell-values.xlsx").path])
        XCTAssertFalse(odd.crashed)
        XCTAssertEqual(odd.status, 0, odd.stderr)
    }

    func testMissingFileIsNamed() throws {
        let result = try JuesuanBinary.run(["dump", "/nonexistent/报表.xlsx"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("/nonexistent/报表.xlsx") && result.stderr.contains("找不到文件"), result.stderr)
    }
}
