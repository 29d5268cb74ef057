/// A whole sheet in memory: the eager tier, built on the row stream.
///
/// ```swift
/// let sheet = try book.worksheet(book.sheets[0])
/// sheet[CellReference("B3")!]?.value   // .number("13759.26")
/// ```
public struct Worksheet: Sendable {
    public let info: SheetInfo
    /// Rows in file order (rows with cells, a stored height, or hidden).
    public let rows: [Row]
    public let layout: SheetLayout
    private let index: [CellReference: Int32Pair]

    private struct Int32Pair: Sendable { var row: Int32; var cell: Int32 }

    init(info: SheetInfo, rows: [Row], layout: SheetLayout) {
        self.info = info
        self.rows = rows
        self.layout = layout
        var index: [CellReference: Int32Pair] = [:]
        for (r, row) in rows.enumerated() {
            for (c, cell) in row.cells.enumerated() { index[cell.reference] = Int32Pair(row: Int32(r), cell: Int32(c)) }
        }
        self.index = index
    }

    public var name: String { info.name }

    /// The cell at a reference, if the file stores one there.
    public subscript(reference: CellReference) -> Cell? {
        guard let at = index[reference] else { return nil }
        return rows[Int(at.row)].cells[Int(at.cell)]
    }

    /// The value at a 1-based row and column (`.empty` where nothing is stored).
    public func value(row: Int, column: Int) -> CellValue {
        self[CellReference(row: row, column: column)]?.value ?? .empty
    }

    /// The last row and column that hold a value.
    public var usedRange: CellRange? {
        var maxRow = 0, maxColumn = 0, minRow = Int.max, minColumn = Int.max
        for row in rows {
            for cell in row.cells where !cell.value.isEmpty || cell.formula != nil {
                maxRow = max(maxRow, cell.reference.row); minRow = min(minRow, cell.reference.row)
                maxColumn = max(maxColumn, cell.reference.column); minColumn = min(minColumn, cell.reference.column)
            }
        }
        guard maxRow > 0 else { return nil }
        return CellRange(first: CellReference(row: minRow, column: minColumn), last: CellReference(row: maxRow, column: maxColumn))
    }
}
