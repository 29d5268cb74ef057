/// A 24-bit RGB colour for fonts, fills and borders.
///
/// ```swift
/// let red = CellColor.red
/// let paleBlue = CellColor(rgb: 0xDDEBF7)
/// let same = CellColor(hex: "#DDEBF7")   // Optional: nil when the text is not RRGGBB
/// ```
public struct CellColor: Hashable, Sendable {
    /// The colour as `0xRRGGBB`.
    public var rgb: UInt32

    /// A colour from `0xRRGGBB`; bits above the lowest 24 are ignored.
    ///
    /// ```swift
    /// CellColor(rgb: 0xFFFF00) // yellow
    /// ```
    public init(rgb: UInt32) {
        self.rgb = rgb & 0xFF_FFFF
    }

    /// Parses `"RRGGBB"` or `"#RRGGBB"`; `nil` otherwise.
    ///
    /// ```swift
    /// CellColor(hex: "#FF0000") == .red // true
    /// ```
    public init?(hex: String) {
        var text = Substring(hex)
        if text.hasPrefix("#") { text = text.dropFirst() }
        guard text.utf8.count == 6, let value = UInt32(text, radix: 16) else { return nil }
        self.init(rgb: value)
    }

    /// Black, `0x000000`.
    public static let black = CellColor(rgb: 0x000000)
    /// White, `0xFFFFFF`.
    public static let white = CellColor(rgb: 0xFFFFFF)
    /// Red, `0xFF0000`.
    public static let red = CellColor(rgb: 0xFF0000)
    /// Blue, `0x0000FF`.
    public static let blue = CellColor(rgb: 0x0000FF)
    /// Yellow, `0xFFFF00`.
    public static let yellow = CellColor(rgb: 0xFFFF00)
    /// Excel's light grey fill, `0xD9D9D9`.
    public static let lightGray = CellColor(rgb: 0xD9D9D9)

    /// The value libxlsxwriter expects: it reserves 0 for "no colour" and spells black 0x1000000.
    var lxwColor: UInt32 { rgb == 0 ? 0x100_0000 : rgb }
}
