import CXlsxWriter
import Foundation

/// Writes the cells, merges, layout, comments and print setup of one sheet.
///
/// Get one from ``WorkbookWriter/addSheet(named:)``. Positions are 1-based ``CellReference``s,
/// as Excel numbers them. Every method checks its input first and throws a
/// ``WorkbookWriterError`` without writing anything when the input is invalid or when the
/// workbook's ``WritingMode`` cannot do it.
///
/// ```swift
/// let sheet = try writer.addSheet(named: "Sheet1")
/// try sheet.write("项目", at: CellReference("A1")!)
/// try sheet.writeRow([.string("合计"), .decimal(Decimal(string: "13759.26")!)],
///                    at: CellReference(row: 2, column: 1), format: money)
/// ```
public final class SheetWriter {
    /// The sheet's name.
    public let name: String
    let workbook: WorkbookWriter
    let state: SheetState

    init(name: String, workbook: WorkbookWriter, state: SheetState) {
        self.name = name
        self.workbook = workbook
        self.state = state
    }

    /// In constant-memory mode, the first row that can still be written (rows above it are
    /// already in libxlsxwriter's temporary file); `nil` in standard mode.
    ///
    /// ```swift
    /// if let row = sheet.firstWritableRow, row > 10 { /* too late for row 10 */ }
    /// ```
    public var firstWritableRow: Int? { state.constantMemory ? state.currentRow : nil }

    // MARK: Single cells

    /// Writes one cell.
    ///
    /// ```swift
    /// try sheet.write(.decimal(Decimal(string: "13759.26")!), at: CellReference("C5")!, format: money)
    /// try sheet.write(.formula("SUM(C2:C4)", cachedResult: .number(42)), at: CellReference("C6")!)
    /// ```
    public func write(_ content: CellContent, at cell: CellReference, format: FormatHandle? = nil) throws {
        let ws = try openWorksheet()
        try Self.checkBounds(cell)
        let pointer = try resolve(format)
        try Self.validate(content, at: cell)
        try state.checkRowOrder(cell.row)
        try emit(content, ws: ws, row: cell.row, column: cell.column, format: pointer)
    }

    /// Writes one cell with a format given by value (registered through the workbook's cache).
    ///
    /// ```swift
    /// try sheet.write("合计", at: CellReference("A9")!, format: CellFormat(bold: true))
    /// ```
    public func write(_ content: CellContent, at cell: CellReference, format: CellFormat) throws {
        try write(content, at: cell, format: workbook.format(format))
    }

    // MARK: Rows (fast paths)

    /// Writes `values` into one row from `start` to the right, all with one format. The whole
    /// row is checked before any cell is written.
    ///
    /// ```swift
    /// try sheet.writeRow(["科目编码", "科目名称", "金额"], at: CellReference("A1")!, format: header)
    /// ```
    public func writeRow(_ values: [CellContent], at start: CellReference, format: FormatHandle? = nil) throws {
        let ws = try openWorksheet()
        let pointer = try resolve(format)
        try checkRow(values, start: start)
        for (offset, value) in values.enumerated() {
            try emit(value, ws: ws, row: start.row, column: start.column + offset, format: pointer)
        }
    }

    /// Writes `values` into one row from `start`, `formats[i]` for `values[i]`; values beyond
    /// the end of `formats` get no format. The whole row is checked before any cell is written.
    ///
    /// ```swift
    /// try sheet.writeRow([.string("101"), .string("工资福利支出"), .decimal(amount)],
    ///                    at: CellReference(row: 7, column: 1), formats: [code, text, money])
    /// ```
    public func writeRow(_ values: [CellContent], at start: CellReference, formats: [FormatHandle?]) throws {
        let ws = try openWorksheet()
        var pointers: [UnsafeMutablePointer<lxw_format>?] = []
        pointers.reserveCapacity(formats.count)
        for format in formats { pointers.append(try resolve(format)) }
        try checkRow(values, start: start)
        for (offset, value) in values.enumerated() {
            try emit(value, ws: ws, row: start.row, column: start.column + offset,
                     format: offset < pointers.count ? pointers[offset] : nil)
        }
    }

    /// Writes numbers into one row from `start`, straight to `worksheet_write_number`.
    ///
    /// ```swift
    /// try sheet.writeNumbers([1, 2.5, 3], at: CellReference("B2")!, format: money)
    /// ```
    public func writeNumbers(_ values: [Double], at start: CellReference, format: FormatHandle? = nil) throws {
        let ws = try openWorksheet()
        let pointer = try resolve(format)
        try Self.checkBounds(start)
        if !values.isEmpty { try Self.checkBounds(CellReference(row: start.row, column: start.column + values.count - 1)) }
        for (offset, value) in values.enumerated() where !Self.isStorable(value) {
            throw WorkbookWriterError.numberOutOfRange("\(value)", cell: CellReference(row: start.row, column: start.column + offset))
        }
        try state.checkRowOrder(start.row)
        let row = lxw_row_t(start.row - 1)
        var column = lxw_col_t(start.column - 1)
        for value in values {
            try WorkbookWriterError.check(worksheet_write_number(ws, row, column, value, pointer), "worksheet_write_number")
            column += 1
        }
        if !values.isEmpty { state.touched(start.row) }
    }

    /// Writes exact decimals into one row from `start` (see ``CellContent/decimal(_:)``).
    ///
    /// ```swift
    /// try sheet.writeDecimals([Decimal(string: "13759.26")!, 0], at: CellReference("C3")!, format: money)
    /// ```
    public func writeDecimals(_ values: [Decimal], at start: CellReference, format: FormatHandle? = nil) throws {
        let ws = try openWorksheet()
        let pointer = try resolve(format)
        try Self.checkBounds(start)
        if !values.isEmpty { try Self.checkBounds(CellReference(row: start.row, column: start.column + values.count - 1)) }
        for (offset, value) in values.enumerated() {
            if case .notRepresentable = ExactDecimal.double(from: value) {
                throw WorkbookWriterError.decimalNotRepresentable(value, cell: CellReference(row: start.row, column: start.column + offset))
            }
        }
        try state.checkRowOrder(start.row)
        let row = lxw_row_t(start.row - 1)
        var column = lxw_col_t(start.column - 1)
        for value in values {
            guard case .value(let number) = ExactDecimal.double(from: value) else {
                throw WorkbookWriterError.decimalNotRepresentable(value, cell: CellReference(row: start.row, column: Int(column) + 1))
            }
            try WorkbookWriterError.check(worksheet_write_number(ws, row, column, number, pointer), "worksheet_write_number")
            column += 1
        }
        if !values.isEmpty { state.touched(start.row) }
    }

    // MARK: Internals shared by the extensions

    /// The worksheet, or `.workbookClosed`.
    @inline(__always)
    func openWorksheet() throws(WorkbookWriterError) -> UnsafeMutablePointer<lxw_worksheet> {
        guard workbook.isOpen else { throw WorkbookWriterError.workbookClosed }
        return state.worksheet
    }

    @inline(__always)
    func resolve(_ handle: FormatHandle?) throws(WorkbookWriterError) -> UnsafeMutablePointer<lxw_format>? {
        guard let handle else { return nil }
        guard handle.workbookID == workbook.id else { throw WorkbookWriterError.foreignFormatHandle }
        return workbook.formats.pointer(at: handle.index)
    }

    @inline(__always)
    static func checkBounds(_ cell: CellReference) throws(WorkbookWriterError) {
        if cell.row < 1 || cell.row > Limits.maxRows { throw WorkbookWriterError.rowOutOfRange(cell.row) }
        if cell.column < 1 || cell.column > Limits.maxColumns { throw WorkbookWriterError.columnOutOfRange(cell.column) }
    }

    private func checkRow(_ values: [CellContent], start: CellReference) throws(WorkbookWriterError) {
        try Self.checkBounds(start)
        guard !values.isEmpty else { return }
        try Self.checkBounds(CellReference(row: start.row, column: start.column + values.count - 1))
        for (offset, value) in values.enumerated() {
            try Self.validate(value, at: CellReference(row: start.row, column: start.column + offset))
        }
        try state.checkRowOrder(start.row)
    }

    @inline(__always)
    static func isStorable(_ value: Double) -> Bool {
        value.isFinite && value.magnitude <= WritingLimits.maxNumberMagnitude
    }

    /// Everything about a value that could make libxlsxwriter fail or lose it.
    static func validate(_ content: CellContent, at cell: CellReference) throws(WorkbookWriterError) {
        switch content {
        case .string(let text):
            try validateText(text, at: cell)
        case .number(let value):
            if !isStorable(value) { throw WorkbookWriterError.numberOutOfRange("\(value)", cell: cell) }
        case .decimal(let value):
            if case .notRepresentable = ExactDecimal.double(from: value) { throw WorkbookWriterError.decimalNotRepresentable(value, cell: cell) }
        case .boolean, .blank:
            break
        case .formula(let formula, let result):
            let body = formula.hasPrefix("=") ? formula.dropFirst() : Substring(formula)
            if body.isEmpty { throw WorkbookWriterError.formulaEmpty(cell: cell) }
            let length = body.utf16.count
            if length > WritingLimits.maxFormulaLength { throw WorkbookWriterError.formulaTooLong(length: length, cell: cell) }
            if body.utf8.contains(0) { throw WorkbookWriterError.containsNulCharacter(context: "formula at \(cell.a1)") }
            switch result {
            case .none: break
            case .number(let value)?: if !isStorable(value) { throw WorkbookWriterError.numberOutOfRange("\(value)", cell: cell) }
            case .decimal(let value)?:
                if case .notRepresentable = ExactDecimal.double(from: value) { throw WorkbookWriterError.decimalNotRepresentable(value, cell: cell) }
            case .string(let text)?: try validateText(text, at: cell)
            }
        }
    }

    @inline(__always)
    static func validateText(_ text: String, at cell: CellReference?) throws(WorkbookWriterError) {
        let bytes = text.utf8.count
        // UTF-16 length ≤ UTF-8 length, so short texts need no second count.
        if bytes > Limits.maxStringLength {
            let length = text.utf16.count
            if length > Limits.maxStringLength { throw WorkbookWriterError.stringTooLong(length: length, cell: cell) }
        }
        if text.utf8.contains(0) { throw WorkbookWriterError.containsNulCharacter(context: cell.map { "text at \($0.a1)" } ?? "text") }
    }

    /// Hands one validated value to libxlsxwriter and tracks the row it touched.
    @inline(__always)
    func emit(_ content: CellContent, ws: UnsafeMutablePointer<lxw_worksheet>, row: Int, column: Int,
              format: UnsafeMutablePointer<lxw_format>?) throws(WorkbookWriterError) {
        let r = lxw_row_t(row - 1), c = lxw_col_t(column - 1)
        let code: lxw_error
        let function: StaticString
        switch content {
        case .number(let value):
            code = worksheet_write_number(ws, r, c, value, format)
            function = "worksheet_write_number"
        case .decimal(let value):
            guard case .value(let number) = ExactDecimal.double(from: value) else {
                throw WorkbookWriterError.decimalNotRepresentable(value, cell: CellReference(row: row, column: column))
            }
            code = worksheet_write_number(ws, r, c, number, format)
            function = "worksheet_write_number"
        case .string(let text):
            if text.isEmpty {
                guard format != nil else { return } // libxlsxwriter stores nothing
                code = worksheet_write_blank(ws, r, c, format)
                function = "worksheet_write_blank"
            } else {
                code = text.withCString { worksheet_write_string(ws, r, c, $0, format) }
                function = "worksheet_write_string"
            }
        case .boolean(let value):
            code = worksheet_write_boolean(ws, r, c, value ? 1 : 0, format)
            function = "worksheet_write_boolean"
        case .blank:
            guard format != nil else { return }
            code = worksheet_write_blank(ws, r, c, format)
            function = "worksheet_write_blank"
        case .formula(let formula, let result):
            function = "worksheet_write_formula"
            code = formula.withCString { f -> lxw_error in
                switch result {
                case .none:
                    return worksheet_write_formula(ws, r, c, f, format)
                case .number(let value)?:
                    return worksheet_write_formula_num(ws, r, c, f, format, value)
                case .decimal(let value)?:
                    guard case .value(let number) = ExactDecimal.double(from: value) else { return LXW_ERROR_PARAMETER_VALIDATION }
                    return worksheet_write_formula_num(ws, r, c, f, format, number)
                case .string(let text)?:
                    return text.withCString { worksheet_write_formula_str(ws, r, c, f, format, $0) }
                }
            }
        }
        if code != LXW_NO_ERROR { try WorkbookWriterError.check(code, "\(function)") }
        state.touched(row)
    }
}

@available(*, unavailable, message: "SheetWriter is used from one task at a time")
extension SheetWriter: Sendable {}
