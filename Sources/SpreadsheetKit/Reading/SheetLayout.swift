/// Column information stored in a sheet (`<col>`), for columns `first…last` (1-based).
public struct ColumnInfo: Hashable, Sendable {
    public var first: Int
    public var last: Int
    /// Width in Excel's character units, where stored.
    public var width: Double?
    public var isHidden: Bool
}

/// Everything about a sheet that is not cell values: merges, columns, defaults.
/// Merges come after the cells in the XML, so a stream knows them only at its end.
public struct SheetLayout: Hashable, Sendable {
    public var mergedRanges: [CellRange] = []
    public var columns: [ColumnInfo] = []
    public var defaultColumnWidth: Double?
    public var defaultRowHeight: Double?

    public init() {}

    /// The stored width of a 1-based column, if any.
    public func width(ofColumn column: Int) -> Double? {
        columns.first { $0.first <= column && column <= $0.last }?.width
    }

    /// Whether a 1-based column is hidden.
    public func isColumnHidden(_ column: Int) -> Bool {
        columns.contains { $0.first <= column && column <= $0.last && $0.isHidden }
    }
}
