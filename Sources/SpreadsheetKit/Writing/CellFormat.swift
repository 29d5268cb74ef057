/// How a cell looks: font, alignment, wrapping, borders, fill and number format — a plain value.
///
/// Equal formats share one entry in the workbook: register a format once with
/// ``WorkbookWriter/format(_:)`` and pass the ``FormatHandle`` to every cell that uses it.
/// Properties left at their defaults keep Excel's defaults (Calibri 11, general alignment, no
/// border, no fill, `General` number format).
///
/// ```swift
/// var amount = CellFormat(numberFormat: "#,##0.00")
/// amount.fontName = "宋体"
/// amount.borders = .all(.thin)
///
/// let title = CellFormat(fontSize: 16, bold: true, horizontalAlignment: .center)
/// ```
public struct CellFormat: Hashable, Sendable {
    /// Font family, such as `"宋体"` or `"Arial"`; `nil` keeps the workbook default (Calibri).
    public var fontName: String?
    /// Font size in points (1…409); `nil` keeps the default 11.
    public var fontSize: Double?
    /// Bold font.
    public var bold: Bool
    /// Italic font.
    public var italic: Bool
    /// Underline kind; `nil` for none.
    public var underline: Underline?
    /// Struck-through font.
    public var strikethrough: Bool
    /// Font colour; `nil` is Excel's automatic colour.
    public var fontColor: CellColor?
    /// Horizontal alignment; `.general` is Excel's default.
    public var horizontalAlignment: HorizontalAlignment
    /// Vertical alignment; `.bottom` is Excel's default.
    public var verticalAlignment: VerticalAlignment
    /// Wraps long text onto several lines inside the cell.
    public var wrapText: Bool
    /// Indent level 0…15.
    public var indent: Int
    /// Border lines per side.
    public var borders: Borders
    /// Solid background colour; `nil` for no fill.
    public var fillColor: CellColor?
    /// An Excel number format code such as `"#,##0.00"`, `"0.00%"` or `"yyyy-mm-dd"`;
    /// `nil` (or `"General"`) for Excel's `General`.
    public var numberFormat: String?

    /// Kinds of font underline.
    ///
    /// ```swift
    /// CellFormat(underline: .doubleAccounting)
    /// ```
    public enum Underline: Hashable, Sendable, CaseIterable {
        /// Single underline.
        case single
        /// Double underline.
        case double
        /// Single accounting underline (full cell width).
        case singleAccounting
        /// Double accounting underline (full cell width).
        case doubleAccounting
    }

    /// Every property has a default, so name only what differs from Excel's default.
    ///
    /// ```swift
    /// CellFormat(bold: true, borders: .all(.thin), numberFormat: "#,##0.00")
    /// ```
    public init(fontName: String? = nil, fontSize: Double? = nil, bold: Bool = false, italic: Bool = false,
                underline: Underline? = nil, strikethrough: Bool = false, fontColor: CellColor? = nil,
                horizontalAlignment: HorizontalAlignment = .general,
                verticalAlignment: VerticalAlignment = .bottom,
                wrapText: Bool = false, indent: Int = 0, borders: Borders = .none,
                fillColor: CellColor? = nil, numberFormat: String? = nil) {
        self.fontName = fontName
        self.fontSize = fontSize
        self.bold = bold
        self.italic = italic
        self.underline = underline
        self.strikethrough = strikethrough
        self.fontColor = fontColor
        self.horizontalAlignment = horizontalAlignment
        self.verticalAlignment = verticalAlignment
        self.wrapText = wrapText
        self.indent = indent
        self.borders = borders
        self.fillColor = fillColor
        self.numberFormat = numberFormat
    }

    /// Checks the format against Excel's limits without registering it.
    ///
    /// ```swift
    /// try CellFormat(fontSize: 500).validate() // throws .fontSizeOutOfRange(500)
    /// ```
    public func validate() throws {
        try checkLimits()
    }

    /// ``validate()`` with its error type spelled out, for the writer's own typed paths.
    func checkLimits() throws(WorkbookWriterError) {
        if let size = fontSize, !(size.isFinite && WritingLimits.fontSizes.contains(size)) {
            throw WorkbookWriterError.fontSizeOutOfRange(size)
        }
        if let name = fontName {
            if name.utf16.count > WritingLimits.maxFontNameLength { throw WorkbookWriterError.fontNameTooLong(name) }
            if name.utf8.contains(0) { throw WorkbookWriterError.containsNulCharacter(context: "font name") }
        }
        if let code = numberFormat {
            if code.utf8.count > WritingLimits.maxNumberFormatBytes { throw WorkbookWriterError.numberFormatTooLong(code) }
            if code.utf8.contains(0) { throw WorkbookWriterError.containsNulCharacter(context: "number format") }
        }
        if !WritingLimits.indentLevels.contains(indent) { throw WorkbookWriterError.indentOutOfRange(indent) }
    }
}
