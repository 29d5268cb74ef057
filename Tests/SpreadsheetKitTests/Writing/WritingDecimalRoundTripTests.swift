import Foundation
import XCTest
@testable import SpreadsheetKit

/// Exact decimals: what libxlsxwriter's `%.16G` puts in `<v>` must read back as the same decimal
/// once rounded to 15 significant digits (how the project reads numbers), and 13759.26 must be
/// stored as the text `13759.26`.
final class WritingDecimalRoundTripTests: XCTestCase {
    typealias S = WriterTestSupport

    private func cents(_ value: Int) -> Decimal {
        Decimal(sign: value < 0 ? .minus : .plus, exponent: -2, significand: Decimal(value.magnitude))
    }

    private func converted(_ decimal: Decimal, file: StaticString = #filePath, line: UInt = #line) -> Double? {
        guard case .value(let double) = ExactDecimal.double(from: decimal) else {
            XCTFail("\(decimal) refused", file: file, line: line)
            return nil
        }
        return double
    }

    func testDecimalLayoutIsRecognisedOnThisPlatform() {
        XCTAssertNotNil(DecimalBits.layout, "fast path disabled: the Decimal byte layout was not recognised")
    }

    /// The conversion gives the correctly rounded double, the same as `Double(String)`, for all
    /// sorts of decimals — fast path and text path alike.
    func testConversionIsTheNearestDouble() throws {
        var generator = SplitMix64(seed: 20_240_101)
        var checked = 0
        for _ in 0..<200_000 {
            let digits = Int(generator.next() % 15) + 1
            var significand: UInt64 = 0
            for _ in 0..<digits { significand = significand * 10 + generator.next() % 10 }
            let exponent = Int(generator.next() % 40) - 25
            let negative = generator.next() % 2 == 0
            let decimal = Decimal(sign: negative ? .minus : .plus, exponent: exponent, significand: Decimal(significand))
            let expected = Double(decimal.description)!
            XCTAssertEqual(converted(decimal), expected, "\(decimal)")
            XCTAssertEqual(ExactDecimal.slowPath(decimal), .value(expected), "\(decimal)")
            checked += 1
        }
        XCTAssertEqual(checked, 200_000)
        // NSDecimalNumber.doubleValue is not correctly rounded; the writer must not depend on it.
        XCTAssertEqual(converted(S.decimal("0.07")), 0.07)
        XCTAssertEqual(converted(S.decimal("13759.26")), 13759.26)
    }

    /// Every cent amount 0.00 … 2,999.99 and every 31st cent up to 99,999.99 (about 613,000
    /// amounts) round-trip through `%.16G` at 15 significant digits; most (about 89 %) are stored
    /// as their exact text. Set `JUESUAN_EXHAUSTIVE_DECIMALS=1` to check all ten million cents
    /// 0.00 … 99,999.99 (about a minute in a debug build).
    func testCentAmountsRoundTripAtFifteenSignificantDigits() throws {
        var exact = 0, withSixteenthDigit = 0, failures: [String] = []
        func check(_ value: Int) {
            let decimal = cents(value)
            guard let double = converted(decimal) else { return }
            let text = S.printf16G(double)
            var canonical = "\(value / 100)"
            let fraction = value % 100
            if fraction != 0 { canonical += fraction % 10 == 0 ? ".\(fraction / 10)" : (fraction < 10 ? ".0\(fraction)" : ".\(fraction)") }
            if text == canonical {
                exact += 1
            } else {
                withSixteenthDigit += 1
                if S.roundedTo15(text) != decimal { failures.append("\(decimal) → \(text)") }
            }
        }
        if ProcessInfo.processInfo.environment["JUESUAN_EXHAUSTIVE_DECIMALS"] == "1" {
            for value in 0..<10_000_000 { check(value) }
        } else {
            for value in 0..<300_000 { check(value) }
            for value in stride(from: 300_000, to: 10_000_000, by: 31) { check(value) }
        }
        XCTAssertEqual(failures, [])
        XCTAssertGreaterThan(exact, withSixteenthDigit * 6, "most amounts are stored as their exact text")
        print("cent amounts stored exactly: \(exact); with a 16th digit that rounds back: \(withSixteenthDigit)")
    }

    /// Large amounts and 15-digit values, both signs.
    func testLargeAndFifteenDigitAmounts() throws {
        let texts = ["123456789012.34", "-123456789012.34", "9999999999999.99", "1234567890123.45",
                     "999999999999999", "0.000000000000001", "100000000000000", "13759.26", "0.07", "-8.03",
                     "0.1", "0.2", "0.3", "1E+20", "12345678901234.5", "4503599627370495", "45657.5"]
        for text in texts {
            let decimal = S.decimal(text)
            if decimal.significand.description.count > 15 { continue }
            guard let double = converted(decimal) else { continue }
            XCTAssertEqual(S.roundedTo15(S.printf16G(double)), decimal, text)
        }
        XCTAssertEqual(S.printf16G(converted(S.decimal("13759.26"))!), "13759.26")
        XCTAssertEqual(S.printf16G(converted(S.decimal("123456789012.34"))!), "123456789012.34")
    }

    /// More than 15 significant digits, or NaN, is refused rather than silently rounded.
    func testUnrepresentableDecimalsAreRefused() {
        for text in ["1234567890123456", "0.1234567890123456", "99999999999999.99", "3.14159265358979323846"] {
            XCTAssertEqual(ExactDecimal.double(from: S.decimal(text)), .notRepresentable, text)
            XCTAssertEqual(ExactDecimal.slowPath(S.decimal(text)), .notRepresentable, text)
        }
        XCTAssertEqual(ExactDecimal.double(from: .nan), .notRepresentable)
        // Trailing zeros are not significant.
        XCTAssertEqual(ExactDecimal.double(from: S.decimal("1000000000000000000000")), .value(1e21))
        XCTAssertEqual(ExactDecimal.double(from: Decimal(sign: .plus, exponent: -4, significand: 1_375_926_00)), .value(13759.26))
    }

    /// The texts that land in the sheet XML, in both modes, for 20,000 amounts.
    func testAmountsInSheetXMLReadBackUnchanged() throws {
        let folder = try S.makeTemporaryDirectory(name)
        defer { try? FileManager.default.removeItem(at: folder) }
        var generator = SplitMix64(seed: 7)
        var amounts: [Decimal] = [S.decimal("13759.26"), S.decimal("123456789012.34"), S.decimal("0.07"),
                                  S.decimal("-99999.99"), 0, S.decimal("9999999999999.99")]
        while amounts.count < 20_000 {
            let value = Int(generator.next() % 10_000_000_000) - 5_000_000_000
            amounts.append(cents(value))
        }
        for mode in [WritingMode.standard, .constantMemory] {
            let url = folder.appendingPathComponent("amounts-\(mode).xlsx")
            let writer = try WorkbookWriter(destination: url, options: .init(mode: mode))
            let sheet = try writer.addSheet(named: "S")
            let money = try writer.format(CellFormat(numberFormat: "#,##0.00"))
            for (index, chunk) in stride(from: 0, to: amounts.count, by: 10).enumerated() {
                let row = Array(amounts[chunk..<min(chunk + 10, amounts.count)])
                if index % 2 == 0 {
                    try sheet.writeDecimals(row, at: CellReference(row: index + 1, column: 1), format: money)
                } else {
                    try sheet.writeRow(row.map { .decimal($0) }, at: CellReference(row: index + 1, column: 1), format: money)
                }
            }
            try writer.close()
            let xml = try S.part(url, "xl/worksheets/sheet1.xml")
            let stored = S.cachedValues(xml)
            XCTAssertEqual(stored.count, amounts.count)
            XCTAssertEqual(stored.first, "13759.26")
            XCTAssertEqual(stored[1], "123456789012.34")
            var mismatches = 0
            for (text, amount) in zip(stored, amounts) where S.roundedTo15(text) != amount {
                mismatches += 1
                if mismatches < 5 { XCTFail("\(mode): \(amount) stored as \(text)") }
            }
            XCTAssertEqual(mismatches, 0, "\(mode)")
        }
    }
}

/// A small deterministic generator, so failures reproduce.
private struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
