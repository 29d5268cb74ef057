/// Something the importer could not map, or had to assume: said precisely, with the cell.
public struct ImportIssue: Codable, Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Codable, Sendable {
        case error, warning
    }
    public var severity: Severity
    /// The table it concerns (`gk10-2024/03`), if any.
    public var table: String?
    /// `Sheet!A1` where there is a cell to point at.
    public var location: String?
    /// Chinese first, English after.
    public var message: String

    public init(_ severity: Severity, table: String? = nil, location: String? = nil, _ message: String) {
        self.severity = severity
        self.table = table
        self.location = location
        self.message = message
    }

    public var description: String {
        let level = severity == .error ? "错误 / error" : "警告 / warning"
        return [level, table, location].compactMap { $0 }.joined(separator: " ") + ": " + message
    }
}
