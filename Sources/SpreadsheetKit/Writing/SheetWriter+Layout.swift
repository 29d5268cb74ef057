import CXlsxWriter

extension SheetWriter {
    /// Sets the width, visibility and default format of a block of columns (1-based, inclusive).
    /// Allowed at any time, in both modes.
    ///
    /// ```swift
    /// try sheet.setColumns(1...1, width: 12)          // A
    /// try sheet.setColumns(2...4, width: 16.5)        // B–D
    /// try sheet.setColumns(8...8, hidden: true)       // hide H
    /// ```
    ///
    /// - Parameters:
    ///   - width: In characters of the default font, 0…255; `nil` keeps Excel's 8.43.
    ///   - hidden: Hides the columns.
    ///   - format: Format for cells of these columns that have none of their own.
    public func setColumns(_ columns: ClosedRange<Int>, width: Double? = nil, hidden: Bool = false,
                           format: FormatHandle? = nil) throws {
        let ws = try openWorksheet()
        for column in [columns.lowerBound, columns.upperBound] where column < 1 || column > Limits.maxColumns {
            throw WorkbookWriterError.columnOutOfRange(column)
        }
        if let width, !(width.isFinite && (0...WritingLimits.maxColumnWidth).contains(width)) {
            throw WorkbookWriterError.columnWidthOutOfRange(width)
        }
        let pointer = try resolve(format)
        var options = lxw_row_col_options()
        options.hidden = hidden ? 1 : 0
        try WorkbookWriterError.check(
            worksheet_set_column_opt(ws, lxw_col_t(columns.lowerBound - 1), lxw_col_t(columns.upperBound - 1),
                                     width ?? 8.43, pointer, &options),
            "worksheet_set_column_opt")
    }

    /// Sets the height, visibility and default format of one row. In constant-memory mode the row
    /// must not be above ``firstWritableRow``, and setting it moves the current row there.
    ///
    /// ```swift
    /// try sheet.setRow(1, height: 30)          // a tall title row
    /// try sheet.setRow(5, hidden: true)
    /// ```
    ///
    /// - Parameters:
    ///   - height: In points, 0…409 (0 hides the row, as in Excel); `nil` keeps the default 15.
    public func setRow(_ row: Int, height: Double? = nil, hidden: Bool = false, format: FormatHandle? = nil) throws {
        let ws = try openWorksheet()
        if row < 1 || row > Limits.maxRows { throw WorkbookWriterError.rowOutOfRange(row) }
        if let height, !(height.isFinite && (0...WritingLimits.maxRowHeight).contains(height)) {
            throw WorkbookWriterError.rowHeightOutOfRange(height)
        }
        let pointer = try resolve(format)
        try state.checkRowOrder(row)
        var options = lxw_row_col_options()
        options.hidden = hidden ? 1 : 0
        try WorkbookWriterError.check(worksheet_set_row_opt(ws, lxw_row_t(row - 1), height ?? 15, pointer, &options),
                                      "worksheet_set_row_opt")
        state.touched(row)
    }

    /// Freezes the top `rows` rows and the left `columns` columns, so they stay visible while
    /// scrolling. `freezePanes(rows: 0, columns: 0)` is a no-op.
    ///
    /// ```swift
    /// try sheet.freezePanes(rows: 4, columns: 2) // rows 1–4 and columns A–B stay put
    /// ```
    public func freezePanes(rows: Int, columns: Int = 0) throws {
        let ws = try openWorksheet()
        if rows < 0 || rows >= Limits.maxRows { throw WorkbookWriterError.rowOutOfRange(rows) }
        if columns < 0 || columns >= Limits.maxColumns { throw WorkbookWriterError.columnOutOfRange(columns) }
        guard rows > 0 || columns > 0 else { return }
        worksheet_freeze_panes(ws, lxw_row_t(rows), lxw_col_t(columns))
    }

    /// Sets how the sheet prints (replacing any earlier setup); applied when the workbook closes.
    ///
    /// ```swift
    /// try sheet.setPrintSetup(PrintSetup(paper: .a4, orientation: .landscape, fit: .oneWide,
    ///                                    repeatedRows: 1...3, centerHorizontally: true))
    /// ```
    public func setPrintSetup(_ setup: PrintSetup) throws {
        _ = try openWorksheet()
        try setup.validate()
        state.printSetup = setup
    }

    /// The print setup that will be applied at close, if any.
    ///
    /// ```swift
    /// sheet.printSetup?.orientation // .landscape
    /// ```
    public var printSetup: PrintSetup? { state.printSetup }
}
