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
        // Legacy .xls (Tests/Fixtures/hostile/make_hostile_xls.py)
        ("encrypted.xls", ["密码保护", "password-protected"]),
        ("no-worksheets.xls", ["没有工作表", "no worksheets"]),
        ("truncated.xls", ["OLE2", "truncated"]),
        ("cfb-fat-cycle.xls", ["Workbook", "cycle"]),
        ("cfb-sector-out-of-range.xls", ["Workbook", "invalid sector"]),
        ("biff-record-overrun.xls", [".xls", "cut off"]),
        ("biff-short-cell-record.xls", ["Sheet1", "too short"]),
        ("biff-bad-sheet-offset.xls", ["Sheet1", "no BOF record"]),
        ("grid-bomb.xls", ["Sheet5", "65536 rows × 256 columns"]),
        ("rels-target-escape.xlsx", ["missing"]),
        ("shared-string-index-out-of-range.xlsx", ["Sheet1", "B1", "shared string index"]),
        ("out-of-range-refs.xlsx", ["Sheet1", "XFE1", "invalid cell reference"]),
        // Limits (ReadingLimits, Sources/SpreadsheetKit/Cells/Limits.swift) and nested archives.
        ("sst-lying-count.xlsx", ["xl/sharedStrings.xml", "4294967295", "shared strings", "5000000"]),
        ("nested-zip-bomb.xlsx", ["xl/worksheets/sheet1.xml", "malformed XML"]),
        ("external-entity-http.xlsx", ["xl/worksheets/sheet1.xml", "DTD"]),
        ("external-dtd-http.xlsx", ["xl/worksheets/sheet1.xml", "DTD"]),
        ("too-many-zip-entries.xlsx", ["10001 个条目", "10001 entries", "10000"]),
        ("overlong-shared-string.xlsx", ["xl/sharedStrings.xml", "shared string 0", "1048576 bytes"]),
        ("overlong-inline-string.xlsx", ["Sheet1", "A1", "text longer than 1048576 bytes"]),
        ("too-many-attributes.xlsx", ["xl/worksheets/sheet1.xml", "<c>", "1001 attributes", "limit of 1000"]),
        ("attribute-flood.xlsx", ["xl/worksheets/sheet1.xml", "at least", "limit of 1000"]),
        ("too-many-cells-in-row.xlsx", ["Sheet1", "xl/worksheets/sheet1.xml", "16384 per row", "A1"]),
    ]

    /// The two files that take longest to refuse (a debug build parses 5,000,001 shared strings and
    /// 10,000,001 cells before the limit is reached): read once, as tsv.
    let refusedOnce: [(String, [String])] = [
        ("too-many-shared-strings.xlsx", ["xl/sharedStrings.xml", "5000001 shared strings", "limit of 5000000"]),
        ("too-many-cells.xlsx", ["Sheet1", "xl/worksheets/sheet1.xml", "10000000 per sheet", "A1001"]),
    ]

    func testEveryHostileFileIsRefusedClearly() throws {
        for (name, words, formats) in refused.map({ ($0, $1, ["tsv", "json"]) }) + refusedOnce.map({ ($0, $1, ["tsv"]) }) {
            let path = Fixtures.url("hostile/\(name)").path
            for format in formats {
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
        let huge = try JuesuanBinary.run(["dump", "--format", "json", Fixtures.url("hostile/huge-dimension.xlsx").path])
        XCTAssertEqual(huge.status, 0, huge.stderr)
        XCTAssertTrue(huge.stdoutText.contains("\"XFD1048576\""), huge.stdoutText)

        let odd = try JuesuanBinary.run(["dump", Fixtures.url("hostile/bad-cell-values.xlsx").path])
        XCTAssertFalse(odd.crashed)
        XCTAssertEqual(odd.status, 0, odd.stderr)

        // A DIMENSION claiming the whole BIFF8 grid: FreeXL's grid is sized from the cells instead.
        let hugeXLS = try JuesuanBinary.run(["dump", Fixtures.url("hostile/huge-dimension.xls").path])
        XCTAssertEqual(hugeXLS.status, 0, hugeXLS.stderr)
        XCTAssertEqual(hugeXLS.stdoutText, "# sheet: Sheet1\n1\t1\n3\t\t\t3\n")
    }

    /// The LibreOffice .xls that was refused before legacy input existed is now read.
    func testLegacyXLSIsRead() throws {
        let result = try JuesuanBinary.run(["dump", "--format", "json", Fixtures.url("hostile/legacy.xls").path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdoutText.contains("\"name\": \"决算\""), result.stdoutText)
        XCTAssertTrue(result.stdoutText.contains("中国共产党泽州县委员会政法委员会"), result.stdoutText)
        let tsv = try JuesuanBinary.run(["dump", Fixtures.url("hostile/legacy.xls").path])
        XCTAssertTrue(tsv.stdoutText.hasPrefix("# sheet: 决算\n1\t项目\t金额\t备注\n"), tsv.stdoutText)
    }

    func testMissingFileIsNamed() throws {
        let result = try JuesuanBinary.run(["dump", "/nonexistent/报表.xlsx"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("/nonexistent/报表.xlsx") && result.stderr.contains("找不到文件"), result.stderr)
    }
}

/// A folder given as the input, and a sheet of 1,000,000 nested elements (made here with Python's zipfile).
final class HostileShapeTests: XCTestCase {
    func testAFolderIsNamedAsSuch() throws {
        let dir = try TemporaryDirectory()
        let result = try JuesuanBinary.run(["dump", dir.url.path])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("a folder, not a file"), result.stderr)
    }

    func testDeeplyNestedElementsAreRefused() throws {
        let dir = try TemporaryDirectory()
        let out = dir.file("deep.xlsx").path
        let script = """
        import sys, zipfile
        xml = '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' + '<x>' * 1000000 + '</x>' * 1000000 + '</sheetData></worksheet>'
        src = zipfile.ZipFile(sys.argv[1]); out = zipfile.ZipFile(sys.argv[2], 'w', zipfile.ZIP_DEFLATED)
        for i in src.infolist():
            data = src.read(i.filename)
            if i.filename == 'xl/worksheets/sheet1.xml': data = xml.encode()
            out.writestr(i, data)
        out.close()
        """
        let made = try ProcessRunner.run("/usr/bin/env", ["python3", "-c", script, Fixtures.url("workbook/xlsxwriter-values.xlsx").path, out])
        XCTAssertEqual(made.status, 0, made.stderr)
        let result = try JuesuanBinary.run(["dump", out], timeout: 120)
        XCTAssertFalse(result.crashed)
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("xl/worksheets/sheet1.xml") && result.stderr.contains("nested deeper than 256"), result.stderr)
    }
}
