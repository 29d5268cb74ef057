/// One thing wrong in the arithmetic of a report, pointing at cells (conventions §5).
public struct Finding: Codable, Sendable, Hashable {
    public enum Severity: String, Codable, Sendable, Comparable {
        case warning, error
        public static func < (a: Severity, b: Severity) -> Bool { a == .warning && b == .error }
    }
    /// Stable rule id (`T03-ROW-SUM`).
    public var rule: String
    public var severity: Severity
    /// Chinese first, English after.
    public var message: String
    /// In the unit the checked table is published in, with its published decimals; or a text.
    public var expected: String
    public var actual: String
    /// `Sheet!A1` cells: first the one stating the total, then those it was compared with.
    public var locations: [String]
    /// Extra keys (conventions §5 allows them).
    public var table: String?
    public var code: String?
    public var difference: String?

    public init(rule: String, severity: Severity, message: String, expected: String, actual: String, locations: [String],
                table: String? = nil, code: String? = nil, difference: String? = nil) {
        self.rule = rule
        self.severity = severity
        self.message = message
        self.expected = expected
        self.actual = actual
        self.locations = locations
        self.table = table
        self.code = code
        self.difference = difference
    }
}
