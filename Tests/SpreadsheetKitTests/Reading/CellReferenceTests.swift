import SpreadsheetKit
import XCTest

final class CellReferenceTests: XCTestCase {
    func testA1ParsingAndFormatting() {
        XCTAssertEqual(CellReference("A1"), CellReference(row: 1, column: 1))
        XCTAssertEqual(CellReference("$AB$12"), CellReference(row: 12, column: 28))
        XCTAssertEqual(CellReference("xfd1048576"), CellReference(row: 1_048_576, column: 16_384))
        XCTAssertEqual(CellReference(row: 3, column: 702).a1, "ZZ3")
        XCTAssertEqual(CellReference(row: 3, column: 703).a1, "AAA3")
    }

    func testRejectsWhatIsNotAReference() {
        for text in ["", "A", "12", "A0", "1A", "XFE1", "A1048577", "A-1", "A1B"] {
            XCTAssertNil(CellReference(text), text)
        }
    }

    func testRangesNormaliseAndOverlap() {
        let range = CellRange("C4:A1")!
        XCTAssertEqual(range.a1, "A1:C4")
        XCTAssertTrue(range.contains(CellReference("B2")!))
        XCTAssertTrue(range.overlaps(CellRange("C4:D9")!))
        XCTAssertFalse(range.overlaps(CellRange("D1:D9")!))
        XCTAssertEqual(CellRange("B3")?.a1, "B3")
    }
}
