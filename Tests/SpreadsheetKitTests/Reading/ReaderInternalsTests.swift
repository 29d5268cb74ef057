@testable import SpreadsheetKit
import XCTest

final class ReaderInternalsTests: XCTestCase {
    func testSharedFormulaTranslationMovesOnlyRelativeParts() {
        XCTAssertEqual(FormulaTranslator.shift("SUM(A1:B1)", rows: 2, columns: 0), "SUM(A3:B3)")
        XCTAssertEqual(FormulaTranslator.shift("$A$1+A1+$A1+A$1", rows: 1, columns: 1), "$A$1+B2+$A2+B$1")
        XCTAssertEqual(FormulaTranslator.shift("\"A1\"&B2", rows: 1, columns: 0), "\"A1\"&B3")
        XCTAssertEqual(FormulaTranslator.shift("'Sheet A1'!C3*2", rows: 1, columns: 0), "'Sheet A1'!C4*2")
        XCTAssertEqual(FormulaTranslator.shift("LOG10(A1)", rows: 1, columns: 0), "LOG10(A2)")
        XCTAssertEqual(FormulaTranslator.shift("A1", rows: -1, columns: 0), "#REF!")
    }

    func testExcelSerialDatesInBothSystems() {
        XCTAssertEqual(ExcelDateTime(serial: "45657", system: .from1900).iso8601, "2024-12-31")
        XCTAssertEqual(ExcelDateTime(serial: "1", system: .from1900).iso8601, "1900-01-01")
        XCTAssertEqual(ExcelDateTime(serial: "59", system: .from1900).iso8601, "1900-02-28")
        XCTAssertEqual(ExcelDateTime(serial: "60", system: .from1900).iso8601, "1900-02-29")
        XCTAssertEqual(ExcelDateTime(serial: "61", system: .from1900).iso8601, "1900-03-01")
        XCTAssertEqual(ExcelDateTime(serial: "45657.354166666664", system: .from1900).iso8601, "2024-12-31T08:30:00")
        XCTAssertEqual(ExcelDateTime(serial: "0.5", system: .from1900).iso8601, "12:00:00")
        XCTAssertEqual(ExcelDateTime(serial: "0", system: .from1904).iso8601, "1904-01-01")
        XCTAssertEqual(ExcelDateTime(serial: "44195", system: .from1904).iso8601, "2024-12-31")
        XCTAssertEqual(ExcelDateTime(isoText: "2024-12-31T00:00:00Z").iso8601, "2024-12-31")
        XCTAssertEqual(ExcelDateTime(isoText: "2024-12-31T08:30:00.000").iso8601, "2024-12-31T08:30:00")
    }

    func testDateFormatsAreRecognised() {
        for code in ["yyyy-mm-dd", "mm-dd-yy", "h:mm:ss", "yyyy\"年\"m\"月\"d\"日\"",
                     "[$-804]yyyy/m/d", "上午/下午h\"时\"mm\"分\"", "m/d/yy h:mm"] {
            XCTAssertTrue(NumberFormats.isDateFormat(code), code)
        }
        for code in ["General", "0.00", "#,##0.00", "0.00%", "0.00E+00", "\"元\"#,##0.00", "[Red]#,##0",
                     "_(* #,##0.00_);_(* \\(#,##0.00\\);_(* \"-\"??_);_(@_)", "@"] {
            XCTAssertFalse(NumberFormats.isDateFormat(code), code)
        }
    }

    func testOOXMLEscapesAreDecoded() {
        XCTAssertEqual(decodeOOXMLEscapes(Array("a_x000D_b".utf8)), "a\rb")
        XCTAssertEqual(decodeOOXMLEscapes(Array("_x005F_x000D_".utf8)), "_x000D_")
        XCTAssertEqual(decodeOOXMLEscapes(Array("keep_xZZZZ_".utf8)), "keep_xZZZZ_")
    }

    func testRelationshipTargetsResolveAgainstTheSourcePart() {
        XCTAssertEqual(RelationshipsParser.resolve("worksheets/sheet1.xml", from: "xl/workbook.xml"), "xl/worksheets/sheet1.xml")
        XCTAssertEqual(RelationshipsParser.resolve("/xl/worksheets/sheet1.xml", from: "xl/workbook.xml"), "xl/worksheets/sheet1.xml")
        XCTAssertEqual(RelationshipsParser.resolve("../media/a.png", from: "xl/drawings/d1.xml"), "xl/media/a.png")
        XCTAssertEqual(RelationshipsParser.resolve("xl/workbook.xml", from: ""), "xl/workbook.xml")
        XCTAssertEqual(RelationshipsParser.relsPart(of: "xl/workbook.xml"), "xl/_rels/workbook.xml.rels")
    }

    func testNumbersKeepTheirStoredTextAndConvertExactly() {
        let value = CellValue.number("2429.5100000000002")
        XCTAssertEqual(value.dumpText, "2429.5100000000002")
        XCTAssertEqual(CellValue.number("13759.26").decimal, Decimal(string: "13759.26"))
        XCTAssertEqual(CellValue.number("1E-7").decimal, Decimal(string: "0.0000001"))
        XCTAssertEqual(CellValue.number("123456789012345").decimal, Decimal(string: "123456789012345"))
    }

    func testContainerSniffing() {
        XCTAssertEqual(ContainerKind.sniff(Data()), .empty)
        XCTAssertEqual(ContainerKind.sniff(Data("hello".utf8)), .unknown)
        XCTAssertEqual(ContainerKind.sniff(Data([0x50, 0x4B, 0x03, 0x04, 0, 0])), .zip)
        var cfb = Data(ContainerKind.cfbSignature) + Data(count: 100)
        cfb.append(contentsOf: Array("EncryptedPackage".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        XCTAssertEqual(ContainerKind.sniff(cfb), .encryptedOOXML)
    }
}

final class DateTimeKindTests: XCTestCase {
    func testFormatsSortIntoDatesTimesAndDurations() {
        XCTAssertEqual(NumberFormats.dateTimeKind("h:mm:ss"), .timeOfDay)
        XCTAssertEqual(NumberFormats.dateTimeKind("mm:ss"), .timeOfDay)
        XCTAssertEqual(NumberFormats.dateTimeKind("[h]:mm:ss"), .elapsed)
        XCTAssertEqual(NumberFormats.dateTimeKind("yyyy-mm-dd hh:mm"), .date)
        XCTAssertNil(NumberFormats.dateTimeKind("#,##0.00"))
        XCTAssertEqual(ExcelDateTime(serial: "45366.573263888888", system: .from1900, timeOfDay: true).iso8601, "13:45:30")
        XCTAssertEqual(ExcelDateTime(serial: "-1401", system: .from1904).iso8601, "1900-03-01")
    }
}
