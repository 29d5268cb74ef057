@testable import SpreadsheetKit
import Foundation
import TestSupport
import XCTest

/// Sheets large enough to be inflated on a second thread (``ZipArchive/overlapThreshold``): read in
/// full and in order; a damaged deflate stream, or XML that breaks near the end while the other
/// thread is still inflating, ends in a `WorkbookReadError` naming the file, never a crash or a hang.
/// The workbooks are written here by Python's zipfile, from rows the test knows.
final class OverlappedInflateTests: XCTestCase {
    static let rows = 60_000

    /// A one-sheet workbook whose sheet XML is well past the threshold; `tail` replaces the last row.
    private func workbook(in dir: TemporaryDirectory, named name: String, tail: String? = nil) throws -> URL {
        let url = dir.file(name)
        let script = """
        import sys, zipfile
        rows, out, tail = int(sys.argv[1]), sys.argv[2], sys.argv[3]
        ct = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
              '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
              '<Default Extension="xml" ContentType="application/xml"/>'
              '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
              '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>')
        rels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        wb = ('<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
              'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="数据" sheetId="1" r:id="rId1"/></sheets></workbook>')
        wbrels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
        body = ''.join('<row r="%d"><c r="A%d" t="inlineStr"><is><t>第%d行</t></is></c><c r="B%d"><v>%d.25</v></c><c r="C%d"><v>%d</v></c></row>'
                       % (r, r, r, r, r * 3, r, r % 977) for r in range(1, rows))
        last = tail if tail != "-" else '<row r="%d"><c r="A%d" t="inlineStr"><is><t>末行</t></is></c></row>' % (rows, rows)
        sheet = ('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
                 + body + last + '</sheetData></worksheet>')
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
            z.writestr("[Content_Types].xml", ct); z.writestr("_rels/.rels", rels)
            z.writestr("xl/workbook.xml", wb); z.writestr("xl/_rels/workbook.xml.rels", wbrels)
            z.writestr("xl/worksheets/sheet1.xml", sheet)
        """
        let result = try ProcessRunner.run("/usr/bin/env", ["python3", "-c", script, String(Self.rows), url.path, tail ?? "-"])
        XCTAssertEqual(result.status, 0, result.stderr)
        return url
    }

    private func readAll(_ url: URL) throws -> (rows: Int, last: Row?) {
        let book = try Workbook(path: url.path)
        var count = 0, last: Row?, previous = 0
        try book.forEachRow(in: book.sheets[0]) { row in
            XCTAssertEqual(row.number, previous + 1, "rows in order")
            previous = row.number
            count += 1
            if row.number % 10_000 == 0 && row.number < Self.rows {
                XCTAssertEqual(row.cells.map(\.value), [.string("第\(row.number)行"), .number("\(row.number * 3).25"), .number("\(row.number % 977)")])
            }
            last = row
        }
        return (count, last)
    }

    func testALargeSheetIsReadWholeAndInOrder() throws {
        let dir = try TemporaryDirectory()
        let url = try workbook(in: dir, named: "large.xlsx")
        let zip = try ZipArchive(path: url.path, maxEntrySize: 1 << 30)
        var declared = 0
        try zip.stream("xl/worksheets/sheet1.xml") { declared += $0.count }
        XCTAssertGreaterThan(Int64(declared), ZipArchive.overlapThreshold, "the sheet must take the overlapped path")
        let (rows, last) = try readAll(url)
        XCTAssertEqual(rows, Self.rows)
        XCTAssertEqual(last?.cells.first?.value, .string("末行"))
    }

    func testXMLBreakingNearTheEndStopsBothThreads() throws {
        let dir = try TemporaryDirectory()
        let url = try workbook(in: dir, named: "broken.xlsx", tail: "<row r=\"\(Self.rows)\"><c r=\"A1\"></x></row>")
        XCTAssertThrowsError(try readAll(url)) { error in
            guard case WorkbookReadError.malformedXML? = error as? WorkbookReadError else { return XCTFail("\(error)") }
            XCTAssertTrue(error.localizedDescription.contains(url.path), error.localizedDescription)
        }
        // and the parse stopping on the first chunk (the handler throws at once) does too
        let book = try Workbook(path: url.path)
        struct Stop: Error {}
        XCTAssertThrowsError(try book.forEachRow(in: book.sheets[0]) { _ in throw Stop() }) { XCTAssertTrue($0 is Stop, "\($0)") }
    }

    func testADamagedDeflateStreamFailsCleanly() throws {
        let dir = try TemporaryDirectory()
        let url = try workbook(in: dir, named: "damaged.xlsx")
        var bytes = try Data(contentsOf: url)
        // The sheet is the last and by far the largest entry: damage the middle of its compressed data.
        let middle = bytes.count / 2
        for i in middle..<(middle + 64) { bytes[i] ^= 0x5A }
        try bytes.write(to: url)
        XCTAssertThrowsError(try readAll(url)) { error in
            XCTAssertTrue(error is WorkbookReadError, "\(error)")
            XCTAssertTrue(error.localizedDescription.contains(url.path), error.localizedDescription)
        }
    }
}
