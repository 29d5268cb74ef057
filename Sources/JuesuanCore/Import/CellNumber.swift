import Foundation

/// The importer's hot path for numbers read from cells: the same answers as ``Amount/init(_:)``
/// and ``Amount/fromCellNumber(_:)``, without a regular expression (NSRegularExpression and its
/// cache look-up cost more than the parse itself) and without building a `Locale` per call.
enum CellNumber {
    private static let posix = Locale(identifier: "en_US_POSIX")

    /// Whether `text` is a plain ASCII decimal that `^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d{1,3})?$`
    /// certainly matches. Anything else (other scripts' digits, a trailing newline that ICU's `$`
    /// lets through, plain junk) goes down the original path, so the answers stay the same.
    static func isPlainDecimal(_ text: String) -> Bool {
        var utf8 = text.utf8.makeIterator()
        var b = utf8.next()
        if b == UInt8(ascii: "+") || b == UInt8(ascii: "-") { b = utf8.next() }
        var intDigits = 0, fracDigits = 0, sawPoint = false
        while let c = b, c >= 48 && c <= 57 { intDigits += 1; b = utf8.next() }
        if b == UInt8(ascii: ".") {
            sawPoint = true
            b = utf8.next()
            while let c = b, c >= 48 && c <= 57 { fracDigits += 1; b = utf8.next() }
        }
        if intDigits == 0 && (!sawPoint || fracDigits == 0) { return false }
        if b == UInt8(ascii: "e") || b == UInt8(ascii: "E") {
            b = utf8.next()
            if b == UInt8(ascii: "+") || b == UInt8(ascii: "-") { b = utf8.next() }
            var expDigits = 0
            while let c = b, c >= 48 && c <= 57 { expDigits += 1; b = utf8.next() }
            if expDigits < 1 || expDigits > 3 { return false }
        }
        return b == nil
    }

    /// ``Amount/init(_:)``.
    static func amount(_ text: String) -> Amount? {
        guard isPlainDecimal(text) else { return Amount(text) }
        guard let d = Decimal(string: text, locale: posix) else { return nil }
        return Amount(d)
    }

    /// ``Amount/fromCellNumber(_:)``: rounded to 15 significant digits.
    static func fromCellNumber(_ text: String) -> Amount? {
        amount(text)?.roundedToCellPrecision()
    }
}

/// Byte-level pre-checks that let the importer skip a regular expression that cannot match.
enum TextScan {
    /// Whether `needle` occurs in `text` (UTF-8 bytes; a literal in a pattern must occur for it to match).
    static func contains(_ text: String, _ needle: StaticString) -> Bool {
        var text = text
        return text.withUTF8 { find(UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount), in: $0) }
    }

    /// Whether `needle` occurs in `text`, compared as UTF-8 bytes: the importer's texts are normalized
    /// already, and Foundation's `contains` (a `range(of:)` per call) showed in profiles.
    static func contains(_ text: String, _ needle: String) -> Bool {
        var text = text, needle = needle
        return text.withUTF8 { t in needle.withUTF8 { find($0, in: t) } }
    }

    /// `text.hasSuffix(suffix)` on the UTF-8 bytes, falling back to `hasSuffix` (canonical
    /// equivalence) only for texts holding CJK compatibility ideographs, the one place they differ here.
    static func hasSuffix(_ text: String, _ suffix: String) -> Bool {
        let t = text.utf8, s = suffix.utf8
        if t.count >= s.count, t.suffix(s.count).elementsEqual(s) { return true }
        let compatibility = { (scalar: Unicode.Scalar) in (0xF900...0xFAFF).contains(scalar.value) || (0x2F800...0x2FA1F).contains(scalar.value) }
        guard text.unicodeScalars.contains(where: compatibility) || suffix.unicodeScalars.contains(where: compatibility) else { return false }
        return text.hasSuffix(suffix)
    }

    private static func find(_ n: UnsafeBufferPointer<UInt8>, in t: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = n.first else { return true }
        guard t.count >= n.count else { return false }
        var i = 0
        let last = t.count - n.count
        while i <= last {
            if t[i] == first {
                var k = 1
                while k < n.count && t[i + k] == n[k] { k += 1 }
                if k == n.count { return true }
            }
            i += 1
        }
        return false
    }
}
