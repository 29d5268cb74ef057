import Foundation

/// An exact decimal amount. Encoded in JSON as a string (`"24295100"`), so no reader ever
/// passes it through a binary floating-point number.
public struct Amount: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var value: Decimal

    public init(_ value: Decimal) { self.value = value }

    /// Parses a plain decimal text (`"13759.26"`, `"-0.5"`, `"1E-7"`).
    public init?(_ text: String) {
        // Foundation accepts a valid prefix ("12.3.4" → 12.3); an amount must be the whole text.
        guard text.range(of: #"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d{1,3})?$"#, options: .regularExpression) != nil,
              let d = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) else { return nil }
        value = d
    }

    public static let zero = Amount(0)

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let amount = Amount(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a decimal amount: '\(text)'")
        }
        self = amount
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    public static func < (a: Amount, b: Amount) -> Bool { a.value < b.value }
    public static func + (a: Amount, b: Amount) -> Amount { Amount(a.value + b.value) }
    public static func - (a: Amount, b: Amount) -> Amount { Amount(a.value - b.value) }

    /// The plain decimal text, never in exponent form.
    public var description: String {
        var v = value
        return NSDecimalString(&v, Locale(identifier: "en_US_POSIX"))
    }

    /// Rounded to `places` decimals, half up (away from zero on a tie), as published tables round.
    public func rounded(_ places: Int) -> Amount {
        var v = value, r = Decimal()
        NSDecimalRound(&r, &v, places, .plain)
        return Amount(r)
    }

    /// Text with exactly `places` decimals (`"2429.50"`).
    public func formatted(places: Int) -> String {
        let r = rounded(places)
        var text = r.description
        if places > 0 {
            if !text.contains(".") { text += "." }
            let decimals = text.count - 1 - text.distance(from: text.startIndex, to: text.firstIndex(of: ".")!)
            text += String(repeating: "0", count: max(0, places - decimals))
        }
        return text
    }

    /// Rounds a number read from a cell to 15 significant digits, Excel's own precision, so a
    /// typical SUM cache `2429.5100000000002` reads as 2429.51.
    public static func fromCellNumber(_ text: String) -> Amount? {
        Amount(text)?.roundedToCellPrecision()
    }

    /// This amount rounded to 15 significant digits (see ``fromCellNumber(_:)``).
    func roundedToCellPrecision() -> Amount {
        if value == 0 { return self }
        let magnitude = abs(NSDecimalNumber(decimal: value).doubleValue) // only to find the exponent
        let exponent = Int(floor(log10(magnitude)))
        let places = max(0, 14 - exponent)
        return rounded(min(places, 30))
    }

    public func converted(from unit: AmountUnit) -> Amount { Amount(value * unit.yuanPerUnit) }
    public func expressed(in unit: AmountUnit) -> Amount { Amount(value / unit.yuanPerUnit) }
}
