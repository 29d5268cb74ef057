import CXlsxWriter

/// Horizontal alignment of a cell's content.
///
/// ```swift
/// var format = CellFormat()
/// format.horizontalAlignment = .center
/// ```
public enum HorizontalAlignment: Hashable, Sendable, CaseIterable {
    /// Excel's default: text left, numbers right.
    case general
    /// Left-aligned.
    case left
    /// Centred.
    case center
    /// Right-aligned.
    case right
    /// Repeats the content to fill the cell.
    case fill
    /// Justified.
    case justify
    /// Centres across the selection (the adjacent empty cells that share this format).
    case centerAcrossSelection
    /// Spread evenly (distributed).
    case distributed

    var lxwValue: UInt8? {
        switch self {
        case .general: return nil
        case .left: return UInt8(LXW_ALIGN_LEFT.rawValue)
        case .center: return UInt8(LXW_ALIGN_CENTER.rawValue)
        case .right: return UInt8(LXW_ALIGN_RIGHT.rawValue)
        case .fill: return UInt8(LXW_ALIGN_FILL.rawValue)
        case .justify: return UInt8(LXW_ALIGN_JUSTIFY.rawValue)
        case .centerAcrossSelection: return UInt8(LXW_ALIGN_CENTER_ACROSS.rawValue)
        case .distributed: return UInt8(LXW_ALIGN_DISTRIBUTED.rawValue)
        }
    }
}

/// Vertical alignment of a cell's content.
///
/// ```swift
/// var format = CellFormat()
/// format.verticalAlignment = .center
/// ```
public enum VerticalAlignment: Hashable, Sendable, CaseIterable {
    /// At the top of the cell.
    case top
    /// Centred.
    case center
    /// Excel's default.
    case bottom
    /// Justified.
    case justify
    /// Spread evenly (distributed).
    case distributed

    var lxwValue: UInt8? {
        switch self {
        case .top: return UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue)
        case .center: return UInt8(LXW_ALIGN_VERTICAL_CENTER.rawValue)
        case .bottom: return nil
        case .justify: return UInt8(LXW_ALIGN_VERTICAL_JUSTIFY.rawValue)
        case .distributed: return UInt8(LXW_ALIGN_VERTICAL_DISTRIBUTED.rawValue)
        }
    }
}
