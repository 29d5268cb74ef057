/// Limits of Excel (and of libxlsxwriter 1.1.4) that only matter when writing, checked before
/// anything is written. The limits shared with reading (rows, columns, text length, sheet names)
/// are in ``Limits``.
///
/// ```swift
/// let width = min(requested, WritingLimits.maxColumnWidth)
/// ```
public enum WritingLimits {
    /// Longest formula Excel accepts, in characters.
    public static let maxFormulaLength = 8_192
    /// Widest column, in characters of the default font.
    public static let maxColumnWidth = 255.0
    /// Tallest row, in points.
    public static let maxRowHeight = 409.0
    /// Font sizes Excel accepts, in points.
    public static let fontSizes: ClosedRange<Double> = 1...409
    /// Longest font name Excel accepts.
    public static let maxFontNameLength = 31
    /// Longest number format code libxlsxwriter 1.1.4 keeps, in UTF-8 bytes (it truncates longer ones).
    public static let maxNumberFormatBytes = 127
    /// Most distinct cell formats (`cellXfs`) in one workbook.
    public static let maxCellFormats = 64_000
    /// Longest header or footer, in characters.
    public static let maxHeaderFooterLength = 255
    /// Deepest indent level.
    public static let indentLevels: ClosedRange<Int> = 0...15
    /// Print scales Excel accepts, in percent.
    public static let printScales: ClosedRange<Int> = 10...400
    /// Largest magnitude Excel stores in a number cell.
    public static let maxNumberMagnitude = 9.99999999999999e307
    /// Most significant digits Excel keeps of a number.
    public static let significantDigits = 15
}
