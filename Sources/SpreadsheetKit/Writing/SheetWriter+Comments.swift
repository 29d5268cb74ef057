import CXlsxWriter

extension SheetWriter {
    /// Attaches a comment (批注) to a cell. In constant-memory mode the cell must not be above
    /// ``firstWritableRow``; adding a comment does not move the current row.
    ///
    /// ```swift
    /// try sheet.addComment(CellComment("本年数与上年决算数不一致", author: "审核"), at: CellReference("D12")!)
    /// ```
    public func addComment(_ comment: CellComment, at cell: CellReference) throws {
        let ws = try openWorksheet()
        try Self.checkBounds(cell)
        try Self.validateText(comment.text, at: cell)
        if let author = comment.author {
            if author.utf8.contains(0) { throw WorkbookWriterError.containsNulCharacter(context: "comment author") }
        }
        try state.checkRowOrder(cell.row)
        var options = lxw_comment_options()
        options.visible = UInt8(comment.visible ? LXW_COMMENT_DISPLAY_VISIBLE.rawValue : LXW_COMMENT_DISPLAY_DEFAULT.rawValue)
        let row = lxw_row_t(cell.row - 1), column = lxw_col_t(cell.column - 1)
        let code = comment.text.withCString { text -> lxw_error in
            guard let author = comment.author else { return worksheet_write_comment_opt(ws, row, column, text, &options) }
            return author.withCString { name in
                options.author = UnsafeMutablePointer(mutating: name) // copied by libxlsxwriter
                return worksheet_write_comment_opt(ws, row, column, text, &options)
            }
        }
        try WorkbookWriterError.check(code, "worksheet_write_comment_opt")
    }

    /// Attaches a comment given as text and author.
    ///
    /// ```swift
    /// try sheet.addComment("请核对", author: "张三", at: CellReference("B2")!)
    /// ```
    public func addComment(_ text: String, author: String? = nil, at cell: CellReference) throws {
        try addComment(CellComment(text, author: author), at: cell)
    }
}
