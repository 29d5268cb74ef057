/// The decimal text of a number that a legacy `.xls` stores as an IEEE double.
///
/// BIFF keeps no decimal text, so the reader writes the shortest decimal that reads back as the
/// same double (Swift's `description` finds those digits): 13759.26 stays `13759.26`, 0.1 stays
/// `0.1`, a SUM cache stays `2429.5100000000002`. The digits are then laid out as Excel lays out
/// a number in its files: positional from 1E-5 up to (but not including) 1E+17, with an exponent
/// beyond (`1E-7`, `1.5E+300`), and no `.0` on whole numbers.
///
/// ```swift
/// NumberText.decimal(13759.26)   // "13759.26"
/// NumberText.decimal(1e-7)       // "1E-7"
/// NumberText.decimal(123456789012345) // "123456789012345"
/// ```
enum NumberText {
    /// The text, or `nil` for NaN and the infinities (which no cell can hold).
    static func decimal(_ value: Double) -> String? {
        guard value.isFinite else { return nil }
        if value == 0 { return "0" } // also -0
        // Split Swift's shortest round-trip text into its digits and decimal exponent.
        var text = value.magnitude.description
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exponent = Int(text[text.index(after: e)...]) ?? 0
            text = String(text[..<e])
        }
        var digits = ""
        var pointPosition = text.count
        for (i, ch) in text.enumerated() {
            if ch == "." { pointPosition = i } else { digits.append(ch) }
        }
        // value = 0.digits × 10^(pointPosition + exponent), before trimming zeros.
        var scale = pointPosition + exponent
        while digits.hasPrefix("0") && digits.count > 1 { digits.removeFirst(); scale -= 1 }
        while digits.hasSuffix("0") && digits.count > 1 { digits.removeLast() }
        let sign = value < 0 ? "-" : ""
        // The decimal exponent of the first digit (d.ddd × 10^e).
        let e = scale - 1
        if e < -5 || e >= 17 {
            var mantissa = String(digits.first!)
            if digits.count > 1 { mantissa += "." + digits.dropFirst() }
            return sign + mantissa + "E" + (e < 0 ? "-" : "+") + String(e.magnitude)
        }
        if scale <= 0 {
            return sign + "0." + String(repeating: "0", count: -scale) + digits
        }
        if scale >= digits.count {
            return sign + digits + String(repeating: "0", count: scale - digits.count)
        }
        let cut = digits.index(digits.startIndex, offsetBy: scale)
        return sign + digits[..<cut] + "." + digits[cut...]
    }
}
