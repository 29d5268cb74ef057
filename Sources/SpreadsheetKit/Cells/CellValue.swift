import Foundation

/// The value of one cell, shared by the streaming and the eager reading tier.
///
/// Numbers keep the exact text the file stores (`"13759.26"`, `"1E-7"`), so nothing is lost
/// through `Double`; turn them into `Decimal` only when needed with ``decimal``.
///
/// ```swift
/// switch cell.value {
/// case .number(let text): print(text)          // "13759.26"
/// case .string(let s):    print(s)
/// default: break
/// }
/// ```
public enum CellValue: Hashable, Sendable {
    /// No value (a styled blank, or a formula that has no cached value).
    case empty
    /// A number exactly as stored in the file.
    case number(String)
    case string(String)
    case boolean(Bool)
    /// An error value as Excel writes it: `#DIV/0!`, `#N/A`, `#REF!` …
    case error(String)
    /// A number whose number format is a date or time format, or an ISO date cell (`t="d"`).
    case date(ExcelDateTime)

    /// The exact decimal of a number (or of a date's serial); `nil` for other kinds.
    public var decimal: Decimal? {
        switch self {
        case .number(let text): return Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))
        case .date(let d): return d.serial.flatMap { Decimal(string: $0, locale: Locale(identifier: "en_US_POSIX")) }
        default: return nil
        }
    }

    /// The text of a string cell, `nil` otherwise.
    public var string: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    public var isEmpty: Bool {
        if case .empty = self { return true }
        return false
    }
}

/// One cell as read: where it is, its value, its formula, and its style.
public struct Cell: Hashable, Sendable {
    public var reference: CellReference
    public var value: CellValue
    /// The formula text without the leading `=`, where the cell has one.
    public var formula: String?
    /// Index into the workbook's cell formats (`cellXfs`); 0 when the cell has none.
    public var styleIndex: Int
    /// The number format code the style resolves to; `nil` for `General`.
    public var numberFormat: String?

    public init(reference: CellReference, value: CellValue, formula: String? = nil,
                styleIndex: Int = 0, numberFormat: String? = nil) {
        self.reference = reference
        self.value = value
        self.formula = formula
        self.styleIndex = styleIndex
        self.numberFormat = numberFormat
    }

    /// A formula whose result the file does not store (openpyxl writes such cells).
    public var isFormulaWithoutCachedValue: Bool { formula != nil && value == .empty }
}

/// One row as streamed: its 1-based number, its cells in column order, and its stored height.
public struct Row: Hashable, Sendable {
    public var number: Int
    public var cells: [Cell]
    /// Height in points where the file stores one (`ht`).
    public var height: Double?
    public var isHidden: Bool

    public init(number: Int, cells: [Cell], height: Double? = nil, isHidden: Bool = false) {
        self.number = number
        self.cells = cells
        self.height = height
        self.isHidden = isHidden
    }
}
