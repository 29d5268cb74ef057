import Foundation

/// The unit amounts are published in. Canonical amounts are always 元.
public enum AmountUnit: String, Codable, Sendable, Hashable, CaseIterable {
    case yuan = "元"
    case wanYuan = "万元"

    /// How many 元 one unit is.
    public var yuanPerUnit: Decimal { self == .yuan ? 1 : 10_000 }

    /// Parses `元`, `万元`, `yuan`, `wan`.
    public init?(text: String) {
        switch text.trimmingCharacters(in: .whitespaces) {
        case "元", "yuan", "CNY": self = .yuan
        case "万元", "wan", "wanyuan", "10k": self = .wanYuan
        default: return nil
        }
    }
}
