@testable import JuesuanCore
import Foundation
import SpreadsheetKit
import TestSupport
import XCTest

/// The importer's and exporter's fast paths (issue 7's profiling) must give exactly the answers of
/// the straightforward code they replace: here both run side by side on awkward inputs and on every
/// text of the sample workbooks and mapping files.
final class FastPathEquivalenceTests: XCTestCase {
    // MARK: Numbers

    func testCellNumberMatchesAmount() {
        let texts = ["0", "-0", "13759.26", "2429.5100000000002", "1E-7", "1e+3", "1E308", "1e999", "+.5", ".5", "5.", ".",
                     "-", "+", "", " 1", "1 ", "12\n", "12\r\n", "1,000", "١٢", "１２", "12a", "e5", "1e", "1e1234", "1e+12",
                     "99999999999999999999999999999999999999999", "0.000000000000000000000000001", "-93291.67999999999",
                     "1.2.3", "--1", "+-1", "0x10", "NaN", "inf", "4.9406564584124654E-324"]
        for text in texts {
            XCTAssertEqual(CellNumber.amount(text), Amount(text), "Amount(\(text.debugDescription))")
            XCTAssertEqual(CellNumber.fromCellNumber(text), Amount.fromCellNumber(text), "fromCellNumber(\(text.debugDescription))")
            XCTAssertEqual(CellNumber.fromCellNumber(text)?.description, Amount.fromCellNumber(text)?.description)
        }
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let cents = Int64.random(in: -10_000_000_000...10_000_000_000, using: &rng)
            let text = "\(Double(cents) / 100)"
            XCTAssertEqual(CellNumber.fromCellNumber(text), Amount.fromCellNumber(text), text)
        }
    }

    func testExpressedInWanYuanMatchesDivision() {
        var rng = SystemRandomNumberGenerator()
        var values: [Decimal] = [0, 1, -1, Decimal(string: "0.01")!, Decimal(string: "123456789012.34")!, Decimal(string: "-0.005")!]
        for _ in 0..<2000 {
            values.append(Decimal(sign: Bool.random(using: &rng) ? .minus : .plus, exponent: Int.random(in: -6...6, using: &rng),
                                  significand: Decimal(UInt64.random(in: 0...999_999_999_999, using: &rng))))
        }
        for value in values {
            for unit in [AmountUnit.yuan, .wanYuan] {
                let fast = TableDrawing.expressed(Amount(value), in: unit), slow = Amount(value).expressed(in: unit)
                XCTAssertEqual(fast, slow, "\(value) in \(unit)")
                XCTAssertEqual(fast.rounded(2).description, slow.rounded(2).description, "\(value) in \(unit)")
            }
        }
    }

    // MARK: Labels

    func testLabelNormalizerMatchesTheReferenceOnEveryKnownText() throws {
        var texts = Set<String>()
        for url in Fixtures.files(in: "departments") + sampleWorkbooks() {
            let book = try Workbook(path: url.path)
            for sheet in book.sheets where sheet.kind == .worksheet {
                try book.forEachRow(in: sheet) { row in for cell in row.cells { if let s = cell.value.string { texts.insert(s) } } }
            }
        }
        let catalog = try? MappingCatalog.load(folders: [Fixtures.packageRoot.appendingPathComponent("Mappings").path])
        for layout in catalog?.layouts ?? [] {
            texts.insert(layout.title)
            layout.aliases.forEach { texts.insert($0) }
            for column in layout.columns { column.header.forEach { texts.insert($0) }; column.also.forEach { texts.insert($0) } }
        }
        texts.formUnion(["", " ", "（一）行政单位", "(1)行政", "一、财政拨款", "十二、其他", "1.工资", "12、x", "1)a", "第一", "零", "〇",
                         "\u{F9B2}、x", "\u{2F00}、x", "(\u{F9B2})y", "1\u{301}、z", "(1\u{301})w", "\u{3000}合\u{00A0}计\u{2028}", "\u{FEFF}表",
                         "\u{200B}注", "“引号”", "【括号】", "〔2024〕", "——", "―", "─━", "ＡＢＣ１２３", "１、全角", "\u{85}x\u{1680}y",
                         "一", "(", ")", "()", "(一二三四五)", "一二三四五、", "１２３４５、"])
        // Random strings over the characters the normalizer treats specially.
        let alphabet = Array("一二十零〇()（）、.．):：,，1９ 　\u{A0}\u{2028}\u{200B}\u{FEFF}\u{F9B2}\u{301}“”【】—―ＡａBc表")
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<3000 {
            texts.insert(String((0..<Int.random(in: 0...8, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }))
        }
        XCTAssertGreaterThan(texts.count, 3000)
        for text in texts {
            XCTAssertEqual(LabelNormalizer.normalize(text), Reference.normalize(text), text.debugDescription)
            XCTAssertEqual(LabelNormalizer.stripNumbering(text), Reference.stripNumbering(text), text.debugDescription)
            XCTAssertEqual(LabelNormalizer.key(text), Reference.stripNumbering(Reference.normalize(text)), text.debugDescription)
            // The grid's memoised keys rely on normalize being idempotent.
            XCTAssertEqual(LabelNormalizer.normalize(LabelNormalizer.normalize(text)), LabelNormalizer.normalize(text), text.debugDescription)
            for needle: StaticString in ["单位", "年", "公开"] {
                XCTAssertEqual(TextScan.contains(text, needle), text.utf8.elementsEqualOrContains(Array("\(needle)".utf8)), text)
            }
        }
    }

    private func sampleWorkbooks() -> [URL] {
        let dir = Fixtures.packageRoot.appendingPathComponent("SampleWorkbooks")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { $0.hasSuffix(".xlsx") }.sorted().map { dir.appendingPathComponent($0) }
    }

    /// The code the fast paths replaced, kept verbatim as the reference.
    enum Reference {
        static func normalize(_ text: String) -> String {
            var out = String.UnicodeScalarView()
            for scalar in text.unicodeScalars {
                if scalar.properties.isWhitespace || scalar == "\u{3000}" || scalar == "\u{200B}" || scalar == "\u{FEFF}" { continue }
                switch scalar.value {
                case 0xFF01...0xFF5E: out.append(Unicode.Scalar(scalar.value - 0xFEE0)!)
                case 0x201C, 0x201D, 0x201E, 0x300C, 0x300D, 0x300E, 0x300F: out.append("\"")
                case 0x2018, 0x2019: out.append("'")
                case 0x3010, 0x3014: out.append("(")
                case 0x3011, 0x3015: out.append(")")
                case 0x2014, 0x2015, 0x2500, 0x2501: out.append("—")
                default: out.append(scalar)
                }
            }
            return String(out)
        }

        static func stripNumbering(_ text: String) -> String {
            var s = Substring(text)
            if s.first == "(", let close = s.firstIndex(of: ")"), s.distance(from: s.startIndex, to: close) <= 4 {
                let inside = s[s.index(after: s.startIndex)..<close]
                if !inside.isEmpty, inside.allSatisfy({ LabelNormalizer.chineseNumerals.contains($0) || ("0"..."9").contains($0) }) {
                    s = s[s.index(after: close)...]
                    return String(dropSeparator(s))
                }
            }
            let numeral = s.prefix { LabelNormalizer.chineseNumerals.contains($0) || ("0"..."9").contains($0) }
            if !numeral.isEmpty, numeral.count <= 4 {
                let rest = s[numeral.endIndex...]
                if let sep = rest.first, "、.．):：,，".contains(sep) { return String(dropSeparator(rest)) }
            }
            return String(s)
        }

        static func dropSeparator(_ s: Substring) -> Substring {
            var s = s
            while let c = s.first, "、.．):：,，".contains(c) { s = s.dropFirst() }
            return s
        }
    }
}

private extension String.UTF8View {
    func elementsEqualOrContains(_ needle: [UInt8]) -> Bool {
        let hay = Array(self)
        guard needle.count <= hay.count else { return needle.isEmpty }
        return (0...(hay.count - needle.count)).contains { hay[$0..<($0 + needle.count)].elementsEqual(needle) }
    }
}
