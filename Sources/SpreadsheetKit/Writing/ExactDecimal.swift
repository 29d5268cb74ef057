import Foundation

/// Converts a `Decimal` to the `Double` written into the sheet.
///
/// libxlsxwriter 1.1.4 writes every number with `printf("%.16G")`. Writing the *nearest* double
/// to a decimal of at most 15 significant digits guarantees that the 16-digit text rounds back to
/// that decimal at 15 significant digits: the nearest double is within half an ulp (relative
/// error ≤ 2⁻⁵³ ≈ 1.1·10⁻¹⁶), so the printed 16th digit is off by at most one unit, far inside the
/// half unit of the 15th digit. Often the text is the decimal itself (`13759.26`); for about 12 %
/// of two-decimal amounts it carries a 16th digit (`0.07` → `0.07000000000000001`) because no
/// double prints shorter at 16 digits — the nearest double is the best any writer can do through
/// `%.16G`.
///
/// `NSDecimalNumber.doubleValue` is *not* correctly rounded (it is off by one ulp for about a
/// quarter of cent values), so it is not used. The fast path reads the decimal's integer
/// significand `m` and power of ten `e` and computes `m × 10^e` or `m ÷ 10^-e` with one
/// correctly rounded IEEE operation (exact when `m < 2⁵³` and `|e| ≤ 22`); anything else goes
/// through `Double(String)`, which is correctly rounded.
enum ExactDecimal {
    enum Outcome: Equatable {
        /// The nearest double.
        case value(Double)
        /// More than 15 significant digits, NaN, or outside Excel's range.
        case notRepresentable
    }

    static func double(from decimal: Decimal) -> Outcome {
        if let parts = DecimalBits.decode(decimal) {
            if parts.isNaN { return .notRepresentable }
            return convert(mantissa: parts.mantissa, exponent: parts.exponent, negative: parts.negative)
        }
        return slowPath(decimal)
    }

    /// `m × 10^e` from an unnormalised 64-bit significand.
    static func convert(mantissa: UInt64, exponent: Int, negative: Bool) -> Outcome {
        var m = mantissa, e = exponent
        if m == 0 { return .value(0) }
        while m % 10 == 0 { m /= 10; e += 1 }
        guard m < 1_000_000_000_000_000 else { return .notRepresentable } // more than 15 digits
        let magnitude: Double
        if e == 0 {
            magnitude = Double(m)
        } else if e > 0 && e <= 22 {
            magnitude = Double(m) * powersOfTen[e]
        } else if e < 0 && e >= -22 {
            magnitude = Double(m) / powersOfTen[-e]
        } else {
            guard let parsed = Double("\(m)e\(e)") else { return .notRepresentable }
            magnitude = parsed
        }
        guard magnitude.isNormal, magnitude <= WritingLimits.maxNumberMagnitude else { return .notRepresentable }
        return .value(negative ? -magnitude : magnitude)
    }

    /// Through the decimal's text: correct for any layout of `Decimal`, but slower.
    static func slowPath(_ decimal: Decimal) -> Outcome {
        if decimal.isNaN { return .notRepresentable }
        if decimal.isZero { return .value(0) }
        let text = decimal.description
        var digits = text.utf8.filter { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
        while digits.first == UInt8(ascii: "0") { digits.removeFirst() }
        while digits.last == UInt8(ascii: "0") { digits.removeLast() }
        guard digits.count <= WritingLimits.significantDigits,
              let value = Double(text), value.isNormal, value.magnitude <= WritingLimits.maxNumberMagnitude
        else { return .notRepresentable }
        return .value(value)
    }

    /// 10⁰ … 10²², all exact in binary64.
    static let powersOfTen: [Double] = (0...22).map { exponent in
        var value = 1.0
        for _ in 0..<exponent { value *= 10 }
        return value
    }
}

/// Reads the fields of a `Decimal` (an NSDecimal: exponent, length, sign, eight 16-bit mantissa
/// words) straight from its bytes, because Foundation keeps them internal and the public ways
/// to get them allocate. The byte layout is not promised, so it is *verified once at run time*
/// against decimals built from strings; when it does not match a known layout, `decode` returns
/// `nil` and callers use the text-based path.
enum DecimalBits {
    struct Parts: Equatable {
        var mantissa: UInt64
        var exponent: Int
        var negative: Bool
        var isNaN: Bool
    }

    /// Where the length nibble and the sign bit sit in byte 1.
    struct Layout: Equatable {
        var lengthShift: UInt8
        var negativeMask: UInt8
    }

    /// swift-foundation (Linux, Swift 6): length in the high nibble, sign 0x08.
    /// Darwin's C bitfields: length in the low nibble, sign 0x10.
    static let candidates = [Layout(lengthShift: 4, negativeMask: 0x08), Layout(lengthShift: 0, negativeMask: 0x10)]

    static let layout: Layout? = {
        guard MemoryLayout<Decimal>.size == 20 else { return nil }
        let samples: [(String, UInt64, Int, Bool)] = [
            ("13759.26", 1_375_926, -2, false),
            ("-1300", 13, 2, true),
            ("0.07", 7, -2, false),
            ("-0.000001", 1, -6, true),
            ("123456789012.34", 12_345_678_901_234, -2, false),
            ("-98765432109876.5", 987_654_321_098_765, -1, true),
            ("18446744073709551615", UInt64.max, 0, false),
            ("4294967296", 4_294_967_296, 0, false),
            ("65536e-5", 65_536, -5, false),
        ]
        return candidates.first { candidate in
            samples.allSatisfy { text, mantissa, exponent, negative in
                guard let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")),
                      let parts = decode(value, layout: candidate) else { return false }
                var (m, e) = (parts.mantissa, parts.exponent)
                while m != 0 && m % 10 == 0 { m /= 10; e += 1 }
                var (em, ee) = (mantissa, exponent)
                while em != 0 && em % 10 == 0 { em /= 10; ee += 1 }
                return m == em && e == ee && parts.negative == negative && !parts.isNaN
            } && decode(Decimal.nan, layout: candidate)?.isNaN == true
              && decode(Decimal(), layout: candidate) == Parts(mantissa: 0, exponent: 0, negative: false, isNaN: false)
        }
    }()

    /// The fields of `value`, or `nil` when the layout is unknown or the significand needs more
    /// than 64 bits.
    @inline(__always)
    static func decode(_ value: Decimal) -> Parts? {
        guard let layout else { return nil }
        return decode(value, layout: layout)
    }

    static func decode(_ value: Decimal, layout: Layout) -> Parts? {
        withUnsafeBytes(of: value) { raw -> Parts? in
            let exponent = Int(Int8(bitPattern: raw[0]))
            let flags = raw[1]
            let length = Int((flags >> layout.lengthShift) & 0x0F)
            let negative = flags & layout.negativeMask != 0
            if length == 0 {
                return Parts(mantissa: 0, exponent: 0, negative: false, isNaN: negative)
            }
            guard length <= 4 else { return nil }
            var mantissa: UInt64 = 0
            for word in stride(from: length - 1, through: 0, by: -1) {
                let w = UInt16(raw[4 + 2 * word]) | UInt16(raw[5 + 2 * word]) << 8
                mantissa = mantissa << 16 | UInt64(w)
            }
            return Parts(mantissa: mantissa, exponent: exponent, negative: negative, isNaN: false)
        }
    }
}
