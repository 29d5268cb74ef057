@testable import SpreadsheetKit
import Foundation
import TestSupport
import XCTest

/// Each limit of `ReadingLimits`, through `Workbook.Options` lowered to a few units so that small
/// in-memory packages break them (the corpus in Tests/Fixtures/hostile breaks the real values
/// through the CLI: HostileInputTests). Every refusal must be the limit's own error, naming the
/// file and the part; one unit under each limit must read.
final class ReadingLimitsTests: XCTestCase {
    private let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    private let r = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    /// A one-sheet package with this sheet body (inside <sheetData>) and, optionally, a shared-string table.
    private func package(sheetData: String, sst: String? = nil, extraEntries: Int = 0) -> Data {
        let rels = "http://schemas.openxmlformats.org/package/2006/relationships"
        var wbRels = "<Relationship Id=\"rId1\" Type=\"\(r)/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
        if sst != nil { wbRels += "<Relationship Id=\"rId2\" Type=\"\(r)/sharedStrings\" Target=\"sharedStrings.xml\"/>" }
        var entries: [(name: String, data: [UInt8])] = [
            ("[Content_Types].xml", Array("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>".utf8)),
            ("_rels/.rels", Array("<Relationships xmlns=\"\(rels)\"><Relationship Id=\"rId1\" Type=\"\(r)/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>".utf8)),
            ("xl/workbook.xml", Array("<workbook xmlns=\"\(main)\" xmlns:r=\"\(r)\"><sheets><sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>".utf8)),
            ("xl/_rels/workbook.xml.rels", Array("<Relationships xmlns=\"\(rels)\">\(wbRels)</Relationships>".utf8)),
            ("xl/worksheets/sheet1.xml", Array("<worksheet xmlns=\"\(main)\"><sheetData>\(sheetData)</sheetData></worksheet>".utf8)),
        ]
        if let sst { entries.append(("xl/sharedStrings.xml", Array(sst.utf8))) }
        for i in 0..<extraEntries { entries.append(("x/\(i)", [])) }
        return StoredZip.pack(entries)
    }

    private func readAll(_ data: Data, _ options: Workbook.Options) throws -> Int {
        let book = try Workbook(data: data, name: "limits.xlsx", options: options)
        var cells = 0
        for sheet in book.sheets { cells += try book.worksheet(sheet).rows.reduce(0) { $0 + $1.cells.count } }
        return cells
    }

    private func assertRefused(_ data: Data, _ options: Workbook.Options, file: StaticString = #filePath, line: UInt = #line,
                               _ check: (WorkbookReadError) -> Bool) {
        do {
            let cells = try readAll(data, options)
            XCTFail("read \(cells) cells instead of refusing", file: file, line: line)
        } catch let error as WorkbookReadError {
            XCTAssertTrue(check(error), "\(error)", file: file, line: line)
            XCTAssertTrue(error.localizedDescription.contains("limits.xlsx"), error.localizedDescription, file: file, line: line)
        } catch {
            XCTFail("not a WorkbookReadError: \(error)", file: file, line: line)
        }
    }

    func testZipEntries() throws {
        let data = package(sheetData: "<row><c><v>1</v></c></row>", extraEntries: 5) // 10 entries
        XCTAssertEqual(try readAll(data, Workbook.Options(maxZipEntries: 10)), 1)
        assertRefused(data, Workbook.Options(maxZipEntries: 9)) { $0 == .tooManyZipEntries(file: "limits.xlsx", count: 10, limit: 9) }
    }

    func testCellsPerSheetInBothTiers() throws {
        let data = package(sheetData: "<row><c><v>1</v></c><c><v>2</v></c></row><row><c><v>3</v></c></row>")
        XCTAssertEqual(try readAll(data, Workbook.Options(maxCellsPerSheet: 3)), 3)
        assertRefused(data, Workbook.Options(maxCellsPerSheet: 2)) {
            $0 == .tooManyCells(file: "limits.xlsx", sheet: "S", part: "xl/worksheets/sheet1.xml", cell: "A2", limit: 2)
        }
        // The streaming tier stops at the same cell, having handed on only the rows before it.
        let book = try Workbook(data: data, name: "limits.xlsx", options: Workbook.Options(maxCellsPerSheet: 2))
        var rows = 0
        XCTAssertThrowsError(try book.forEachRow(in: book.sheets[0]) { _ in rows += 1 }) {
            XCTAssertEqual($0 as? WorkbookReadError, .tooManyCells(file: "limits.xlsx", sheet: "S", part: "xl/worksheets/sheet1.xml", cell: "A2", limit: 2))
        }
        XCTAssertEqual(rows, 1)
    }

    func testCellsPerRowStopAtExcelsColumnCount() throws {
        let full = String(repeating: "<c r=\"A1\"><v>1</v></c>", count: Limits.maxColumns)
        XCTAssertEqual(try readAll(package(sheetData: "<row r=\"1\">\(full)</row>"), Workbook.Options()), Limits.maxColumns)
        assertRefused(package(sheetData: "<row r=\"1\">\(full)<c r=\"A1\"/></row>"), Workbook.Options()) {
            if case .tooManyCells(_, "S", "xl/worksheets/sheet1.xml", "A1", _) = $0 { return true } else { return false }
        }
    }

    /// A compound file (legacy .xls, or an encrypted OOXML) is read whole: its size is held to the
    /// part-size limit before anything is read.
    func testACompoundFileLargerThanThePartLimitIsRefusedBeforeItIsRead() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("forged.xls")
        var bytes = Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
        bytes.append(Data(count: 64 * 1024))
        try bytes.write(to: path)
        XCTAssertThrowsError(try Workbook(path: path.path, options: Workbook.Options(maxPartSize: 16 * 1024))) { error in
            guard case WorkbookReadError.partTooLarge(let file, _, 16384)? = error as? WorkbookReadError else { return XCTFail("\(error)") }
            XCTAssertEqual(file, path.path)
        }
    }

    /// A cell outside any `<row>` opens the next row: after Excel's last row there is none to open.
    func testAnImplicitRowPastExcelsLastRowIsRefused() throws {
        let last = "<row r=\"\(Limits.maxRows)\"><c><v>1</v></c></row>"
        XCTAssertEqual(try readAll(package(sheetData: last), Workbook.Options()), 1)
        assertRefused(package(sheetData: last + "<c><v>2</v></c>"), Workbook.Options()) {
            if case .invalidCell(_, _, let cell, _) = $0 { return cell == "row \(Limits.maxRows + 1)" } else { return false }
        }
    }

    func testSharedStringCountReadAndDeclared() throws {
        let three = "<sst xmlns=\"\(main)\" uniqueCount=\"1\"><si><t>a</t></si><si><t>b</t></si><si><t>c</t></si></sst>"
        let sheet = "<row><c t=\"s\"><v>2</v></c></row>"
        XCTAssertEqual(try readAll(package(sheetData: sheet, sst: three), Workbook.Options(maxSharedStrings: 3)), 1)
        // The count actually read, whatever uniqueCount says …
        assertRefused(package(sheetData: sheet, sst: three), Workbook.Options(maxSharedStrings: 2)) {
            $0 == .tooManySharedStrings(file: "limits.xlsx", part: "xl/sharedStrings.xml", count: 3, limit: 2)
        }
        // … and a claim past the limit, before anything is reserved (digits that overflow Int too).
        for claim in ["3", "99999999999999999999999"] {
            let lying = "<sst xmlns=\"\(main)\" uniqueCount=\"\(claim)\"><si><t>a</t></si></sst>"
            assertRefused(package(sheetData: "<row><c t=\"s\"><v>0</v></c></row>", sst: lying), Workbook.Options(maxSharedStrings: 2)) {
                if case .tooManySharedStrings(_, "xl/sharedStrings.xml", let count, 2) = $0 { return count > 2 } else { return false }
            }
        }
    }

    func testSharedStringLengthCountsEveryRun() throws {
        // Two runs of 3 bytes: 6 bytes in all. Phonetic runs are not kept and do not count.
        let sst = "<sst xmlns=\"\(main)\"><si><t>ok</t></si><si><r><t>abc</t></r><r><t>def</t></r><rPh><t>zzzzzzzz</t></rPh></si></sst>"
        let sheet = "<row><c t=\"s\"><v>1</v></c></row>"
        XCTAssertEqual(try readAll(package(sheetData: sheet, sst: sst), Workbook.Options(maxStringBytes: 6)), 1)
        assertRefused(package(sheetData: sheet, sst: sst), Workbook.Options(maxStringBytes: 5)) {
            $0 == .stringTooLong(file: "limits.xlsx", part: "xl/sharedStrings.xml", index: 1, limit: 5)
        }
    }

    func testAttributesPerElementCountNamespaceDeclarations() throws {
        // The package's own <Relationship> elements carry 3 attributes: the limits here are 3 and 4.
        let ok = package(sheetData: "<row><c r=\"A1\" s=\"0\" t=\"n\" x=\"1\"><v>1</v></c></row>")
        XCTAssertEqual(try readAll(ok, Workbook.Options(maxAttributesPerElement: 4)), 1)
        assertRefused(ok, Workbook.Options(maxAttributesPerElement: 3)) {
            $0 == .tooManyAttributes(file: "limits.xlsx", part: "xl/worksheets/sheet1.xml", element: "c", line: 1, count: 4, limit: 3)
        }
        let ns = package(sheetData: "<row xmlns:a=\"urn:a\" xmlns:b=\"urn:b\" xmlns:c=\"urn:c\" r=\"1\"><c><v>1</v></c></row>")
        assertRefused(ns, Workbook.Options(maxAttributesPerElement: 3)) {
            if case .tooManyAttributes(_, "xl/worksheets/sheet1.xml", "row", _, 4, 3) = $0 { return true } else { return false }
        }
    }

    /// A start tag longer than a slice of input is counted before libxml2 sees its end (libxml2 2.9
    /// would check 200,000 attribute names for duplicates in quadratic time). A `>` inside a quoted
    /// value does not end the count; a long text with `=` in it is not a tag and reads.
    func testLongStartTagsAreCountedBeforeLibxml2ParsesThem() throws {
        let flood = (0..<20_000).map { " a\($0)=\">\"" }.joined()
        assertRefused(package(sheetData: "<row><c r=\"A1\"\(flood)><v>1</v></c></row>"), Workbook.Options()) {
            if case .tooManyAttributes(_, "xl/worksheets/sheet1.xml", "", _, let count, 1_000) = $0 { return count > 1_000 } else { return false }
        }
        let text = String(repeating: "x=y ", count: 50_000) // 200 KB of text, 50,000 '='
        let book = try Workbook(data: package(sheetData: "<row><c t=\"inlineStr\"><is><t>\(text)</t></is></c></row>"), name: "limits.xlsx")
        XCTAssertEqual(try book.worksheet(book.sheets[0]).rows.first?.cells.first?.value, .string(text))
    }

    /// Integers with more digits than an `Int` holds are clamped, never wrapped to a negative value
    /// that passes a bounds check (the import fuzz target's crash: `styles[cellStyle]` with a wrapped
    /// `s`); a row number that overflows is past Excel's limit.
    func testOverflowingIntegersNeitherWrapNorTrap() throws {
        let huge = "123333333333333333333333333333333333333333333"
        let book = try Workbook(data: package(sheetData: "<row r=\"1\"><c r=\"A1\" s=\"\(huge)\"><v>5</v></c></row>"), name: "limits.xlsx")
        XCTAssertEqual(try book.worksheet(book.sheets[0]).rows.first?.cells.first?.value, .number("5"))
        assertRefused(package(sheetData: "<row r=\"\(huge)\"><c><v>1</v></c></row>"), Workbook.Options()) {
            if case .invalidCell(_, "S", _, _) = $0 { return true } else { return false }
        }
        huge.utf8CString.withUnsafeBufferPointer { chars in
            chars.withMemoryRebound(to: UInt8.self) { bytes in
                XCTAssertEqual(XMLAttributes.integer(UnsafeBufferPointer(rebasing: bytes.dropLast())), Int.max)
            }
        }
    }

    /// The defaults are the documented values (README, ReadingLimits) and `Options()` starts from them.
    func testDefaultsAreTheDocumentedValues() {
        let options = Workbook.Options()
        XCTAssertEqual(options.maxPartSize, 1 << 30)
        XCTAssertEqual(options.maxZipEntries, 10_000)
        XCTAssertEqual(options.maxAttributesPerElement, 1_000)
        XCTAssertEqual(options.maxSharedStrings, 5_000_000)
        XCTAssertEqual(options.maxStringBytes, 1 << 20)
        XCTAssertEqual(options.maxCellsPerSheet, 10_000_000)
        XCTAssertEqual(SAXParser.maxDepth, 256)
    }
}
