import CXlsxWriter

/// What the Swift side tracks for one worksheet. Owned by the ``WorkbookWriter`` (so deferred
/// settings survive a dropped ``SheetWriter``); the pointer dies with the workbook.
final class SheetState {
    let worksheet: UnsafeMutablePointer<lxw_worksheet>
    let constantMemory: Bool
    /// Constant-memory mode: libxlsxwriter's current row (1-based). Rows before it are already
    /// in its temporary file; it advances when a cell, a styled blank or a row setting touches
    /// a later row — exactly when libxlsxwriter's `_get_row` flushes.
    var currentRow = 1
    /// Merged ranges so far, to refuse overlaps.
    var merges: [CellRange] = []
    /// Applied at close, so a later setup replaces an earlier one entirely.
    var printSetup: PrintSetup?

    init(worksheet: UnsafeMutablePointer<lxw_worksheet>, mode: WritingMode) {
        self.worksheet = worksheet
        self.constantMemory = mode == .constantMemory
    }

    /// Refuses a row libxlsxwriter has already written out.
    @inline(__always)
    func checkRowOrder(_ row: Int) throws(WorkbookWriterError) {
        if constantMemory && row < currentRow { throw WorkbookWriterError.rowAlreadyWritten(row: row, currentRow: currentRow) }
    }

    /// Records that libxlsxwriter moved to `row`.
    @inline(__always)
    func touched(_ row: Int) {
        if row > currentRow { currentRow = row }
    }

    func apply(_ setup: PrintSetup) throws(WorkbookWriterError) {
        let ws = worksheet
        if let paper = setup.paper { worksheet_set_paper(ws, UInt8(paper.code)) }
        switch setup.orientation {
        case .portrait: worksheet_set_portrait(ws)
        case .landscape: worksheet_set_landscape(ws)
        }
        if let fit = setup.fit { worksheet_fit_to_pages(ws, UInt16(fit.width), UInt16(fit.height)) }
        if let scale = setup.scale { worksheet_set_print_scale(ws, UInt16(scale)) }
        if let rows = setup.repeatedRows {
            try WorkbookWriterError.check(
                worksheet_repeat_rows(ws, lxw_row_t(rows.lowerBound - 1), lxw_row_t(rows.upperBound - 1)),
                "worksheet_repeat_rows")
        }
        if let columns = setup.repeatedColumns {
            try WorkbookWriterError.check(
                worksheet_repeat_columns(ws, lxw_col_t(columns.lowerBound - 1), lxw_col_t(columns.upperBound - 1)),
                "worksheet_repeat_columns")
        }
        if let area = setup.printArea {
            try WorkbookWriterError.check(
                worksheet_print_area(ws, lxw_row_t(area.first.row - 1), lxw_col_t(area.first.column - 1),
                                     lxw_row_t(area.last.row - 1), lxw_col_t(area.last.column - 1)),
                "worksheet_print_area")
        }
        let margins = setup.margins
        if let margins {
            worksheet_set_margins(ws, margins.left, margins.right, margins.top, margins.bottom)
        }
        if let header = setup.header {
            var options = lxw_header_footer_options()
            options.margin = margins?.header ?? 0.3
            try WorkbookWriterError.check(header.withCString { worksheet_set_header_opt(ws, $0, &options) },
                                          "worksheet_set_header_opt")
        }
        if let footer = setup.footer {
            var options = lxw_header_footer_options()
            options.margin = margins?.footer ?? 0.3
            try WorkbookWriterError.check(footer.withCString { worksheet_set_footer_opt(ws, $0, &options) },
                                          "worksheet_set_footer_opt")
        }
        if setup.centerHorizontally { worksheet_center_horizontally(ws) }
        if setup.centerVertically { worksheet_center_vertically(ws) }
        if setup.printGridlines { worksheet_gridlines(ws, UInt8(LXW_SHOW_PRINT_GRIDLINES.rawValue)) }
    }
}
