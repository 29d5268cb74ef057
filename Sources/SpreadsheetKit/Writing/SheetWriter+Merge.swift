import CXlsxWriter

extension SheetWriter {
    /// Merges `range` and writes `content` into its top-left cell; with a `format`, every cell
    /// of the range gets it (so borders show all round).
    ///
    /// Refused, before anything is written: a single cell, a range outside Excel's limits, a
    /// range overlapping an earlier merge, and — in constant-memory mode — a range starting
    /// above ``firstWritableRow`` (libxlsxwriter 1.1.4 would fail or silently drop its text; this
    /// includes a second vertical merge starting on a row another vertical merge already left).
    ///
    /// ```swift
    /// try sheet.merge(CellRange("A1:F1")!, with: "收入支出决算总表", format: title)
    /// try sheet.merge(CellRange("A3:A4")!, with: "项目", format: header) // vertical merge
    /// ```
    public func merge(_ range: CellRange, with content: CellContent = .blank, format: FormatHandle? = nil) throws {
        let ws = try openWorksheet()
        try Self.checkBounds(range.first)
        try Self.checkBounds(range.last)
        if range.first == range.last { throw WorkbookWriterError.singleCellMerge(range) }
        if let existing = state.merges.first(where: { $0.overlaps(range) }) {
            throw WorkbookWriterError.overlappingMerge(range, existing: existing)
        }
        let pointer = try resolve(format)
        try Self.validate(content, at: range.first)
        if state.constantMemory && range.first.row < state.currentRow {
            throw WorkbookWriterError.mergeStartsOnWrittenRow(range, currentRow: state.currentRow)
        }

        // Record the range only (empty text, no format: libxlsxwriter writes no cell), then write
        // the cells ourselves, top-left first, so constant-memory row order is kept and any kind
        // of value can head the merge.
        let code = "".withCString {
            worksheet_merge_range(ws, lxw_row_t(range.first.row - 1), lxw_col_t(range.first.column - 1),
                                  lxw_row_t(range.last.row - 1), lxw_col_t(range.last.column - 1), $0, nil)
        }
        try WorkbookWriterError.check(code, "worksheet_merge_range")
        state.merges.append(range)
        try emit(content, ws: ws, row: range.first.row, column: range.first.column, format: pointer)
        guard pointer != nil else { return }
        for row in range.first.row...range.last.row {
            for column in range.first.column...range.last.column
            where !(row == range.first.row && column == range.first.column) {
                try emit(.blank, ws: ws, row: row, column: column, format: pointer)
            }
        }
    }

    /// Merges with a format given by value.
    ///
    /// ```swift
    /// try sheet.merge(CellRange("A1:F1")!, with: "标题", format: CellFormat(bold: true, horizontalAlignment: .center))
    /// ```
    public func merge(_ range: CellRange, with content: CellContent = .blank, format: CellFormat) throws {
        try merge(range, with: content, format: workbook.format(format))
    }

    /// The merged ranges written so far, in order.
    ///
    /// ```swift
    /// sheet.mergedRanges.map(\.a1) // ["A1:F1", "A3:A4"]
    /// ```
    public var mergedRanges: [CellRange] { state.merges }
}
