import CXlsxWriter

/// The line style of one side of a cell's border.
///
/// ```swift
/// let line = Border(.thin)
/// ```
public enum BorderStyle: Hashable, Sendable, CaseIterable {
    /// Thin line (the usual table border).
    case thin
    /// Medium line.
    case medium
    /// Thick line.
    case thick
    /// Dashed line.
    case dashed
    /// Dotted line.
    case dotted
    /// Double line (often under totals).
    case double
    /// Hairline.
    case hair
    /// Medium dashed line.
    case mediumDashed
    /// Dash-dot line.
    case dashDot
    /// Medium dash-dot line.
    case mediumDashDot
    /// Dash-dot-dot line.
    case dashDotDot
    /// Medium dash-dot-dot line.
    case mediumDashDotDot
    /// Slanted dash-dot line.
    case slantDashDot

    var lxwValue: UInt8 {
        let style: lxw_format_borders
        switch self {
        case .thin: style = LXW_BORDER_THIN
        case .medium: style = LXW_BORDER_MEDIUM
        case .thick: style = LXW_BORDER_THICK
        case .dashed: style = LXW_BORDER_DASHED
        case .dotted: style = LXW_BORDER_DOTTED
        case .double: style = LXW_BORDER_DOUBLE
        case .hair: style = LXW_BORDER_HAIR
        case .mediumDashed: style = LXW_BORDER_MEDIUM_DASHED
        case .dashDot: style = LXW_BORDER_DASH_DOT
        case .mediumDashDot: style = LXW_BORDER_MEDIUM_DASH_DOT
        case .dashDotDot: style = LXW_BORDER_DASH_DOT_DOT
        case .mediumDashDotDot: style = LXW_BORDER_MEDIUM_DASH_DOT_DOT
        case .slantDashDot: style = LXW_BORDER_SLANT_DASH_DOT
        }
        return UInt8(style.rawValue)
    }
}

/// One side of a cell's border: a line style and an optional colour (Excel's automatic colour
/// when `nil`).
///
/// ```swift
/// let redLine = Border(.medium, color: .red)
/// ```
public struct Border: Hashable, Sendable {
    /// The line style.
    public var style: BorderStyle
    /// The line colour; `nil` is automatic.
    public var color: CellColor?

    /// ```swift
    /// Border(.thin)                  // thin, automatic colour
    /// Border(.double, color: .blue)
    /// ```
    public init(_ style: BorderStyle, color: CellColor? = nil) {
        self.style = style
        self.color = color
    }
}

/// The four sides of a cell's border; a `nil` side has no line.
///
/// ```swift
/// var boxed = Borders.all(.thin)
/// boxed.bottom = Border(.double)     // a double line under a total
/// ```
public struct Borders: Hashable, Sendable {
    /// The top line.
    public var top: Border?
    /// The bottom line.
    public var bottom: Border?
    /// The left line.
    public var left: Border?
    /// The right line.
    public var right: Border?

    /// ```swift
    /// Borders(bottom: Border(.thin))
    /// ```
    public init(top: Border? = nil, bottom: Border? = nil, left: Border? = nil, right: Border? = nil) {
        self.top = top
        self.bottom = bottom
        self.left = left
        self.right = right
    }

    /// The same line on all four sides.
    ///
    /// ```swift
    /// Borders.all(.thin, color: .black)
    /// ```
    public static func all(_ style: BorderStyle, color: CellColor? = nil) -> Borders {
        let side = Border(style, color: color)
        return Borders(top: side, bottom: side, left: side, right: side)
    }

    /// No lines.
    public static let none = Borders()
}
