import CXlsxWriter

/// One `lxw_format` per distinct ``CellFormat`` of a workbook: thousands of cells with the same
/// format share one entry. The pointers belong to the `lxw_workbook` and die with it.
struct FormatTable {
    private var indexByFormat: [CellFormat: Int32] = [:]
    private(set) var pointers: [UnsafeMutablePointer<lxw_format>] = []

    /// The handle for `format`, creating its `lxw_format` on first use.
    mutating func handle(for format: CellFormat, workbook: UnsafeMutablePointer<lxw_workbook>,
                         workbookID: UInt64) throws(WorkbookWriterError) -> FormatHandle {
        if let index = indexByFormat[format] { return FormatHandle(index: index, workbookID: workbookID) }
        try format.checkLimits()
        // libxlsxwriter keeps a default format and a hyperlink format of its own.
        guard pointers.count + 2 < WritingLimits.maxCellFormats else { throw WorkbookWriterError.tooManyFormats }
        guard let pointer = workbook_add_format(workbook) else {
            throw WorkbookWriterError.libxlsxwriter(function: "workbook_add_format", code: Int(LXW_ERROR_MEMORY_MALLOC_FAILED.rawValue),
                                 message: WorkbookWriterError.libraryMessage(LXW_ERROR_MEMORY_MALLOC_FAILED))
        }
        Self.apply(format, to: pointer)
        let index = Int32(pointers.count)
        pointers.append(pointer)
        indexByFormat[format] = index
        return FormatHandle(index: index, workbookID: workbookID)
    }

    @inline(__always)
    func pointer(at index: Int32) -> UnsafeMutablePointer<lxw_format> {
        pointers[Int(index)]
    }

    /// Copies a validated format into a fresh `lxw_format` (libxlsxwriter copies the strings).
    private static func apply(_ format: CellFormat, to f: UnsafeMutablePointer<lxw_format>) {
        if let name = format.fontName { format_set_font_name(f, name) }
        if let size = format.fontSize { format_set_font_size(f, size) }
        if format.bold { format_set_bold(f) }
        if format.italic { format_set_italic(f) }
        if let underline = format.underline {
            let style: lxw_format_underlines
            switch underline {
            case .single: style = LXW_UNDERLINE_SINGLE
            case .double: style = LXW_UNDERLINE_DOUBLE
            case .singleAccounting: style = LXW_UNDERLINE_SINGLE_ACCOUNTING
            case .doubleAccounting: style = LXW_UNDERLINE_DOUBLE_ACCOUNTING
            }
            format_set_underline(f, UInt8(style.rawValue))
        }
        if format.strikethrough { format_set_font_strikeout(f) }
        if let color = format.fontColor { format_set_font_color(f, color.lxwColor) }
        if let align = format.horizontalAlignment.lxwValue { format_set_align(f, align) }
        if let align = format.verticalAlignment.lxwValue { format_set_align(f, align) }
        if format.wrapText { format_set_text_wrap(f) }
        if format.indent > 0 { format_set_indent(f, UInt8(format.indent)) }
        let borders = format.borders
        if let side = borders.top {
            format_set_top(f, side.style.lxwValue)
            if let color = side.color { format_set_top_color(f, color.lxwColor) }
        }
        if let side = borders.bottom {
            format_set_bottom(f, side.style.lxwValue)
            if let color = side.color { format_set_bottom_color(f, color.lxwColor) }
        }
        if let side = borders.left {
            format_set_left(f, side.style.lxwValue)
            if let color = side.color { format_set_left_color(f, color.lxwColor) }
        }
        if let side = borders.right {
            format_set_right(f, side.style.lxwValue)
            if let color = side.color { format_set_right_color(f, color.lxwColor) }
        }
        if let fill = format.fillColor {
            format_set_pattern(f, UInt8(LXW_PATTERN_SOLID.rawValue))
            format_set_bg_color(f, fill.lxwColor)
        }
        if let code = format.numberFormat, code != "General" { format_set_num_format(f, code) }
    }
}
