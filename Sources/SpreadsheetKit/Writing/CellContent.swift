import Foundation

/// What to put in a cell when writing.
///
/// Prefer ``decimal(_:)`` for amounts: it is written as the `Double` nearest to the decimal, so
/// the stored text rounds back to the same decimal at Excel's 15 significant digits (13759.26 is
/// stored as `13759.26`). Decimals with more than 15 significant digits are refused rather than
/// silently rounded.
///
/// ```swift
/// let row: [CellContent] = [
///     .string("财政拨款收入"),
///     .decimal(Decimal(string: "13759.26")!),
///     .number(0.5),
///     .boolean(true),
///     .formula("SUM(B2:B9)", cachedResult: .decimal(Decimal(string: "27518.52")!)),
///     .blank,
/// ]
/// ```
public enum CellContent: Hashable, Sendable {
    /// Text, at most 32,767 characters.
    case string(String)
    /// A binary floating-point number, written as is; it must be finite.
    case number(Double)
    /// An exact decimal, written so it reads back unchanged at 15 significant digits.
    case decimal(Decimal)
    /// `TRUE` or `FALSE`.
    case boolean(Bool)
    /// A formula, with or without the leading `=`. `cachedResult` is the value stored for
    /// readers that do not calculate; without one, libxlsxwriter 1.1.4 stores `0` (Excel and
    /// LibreOffice recalculate on opening).
    case formula(String, cachedResult: FormulaResult? = nil)
    /// No value. Written only when the cell has a format (a styled blank); otherwise nothing is stored.
    case blank
}

/// The cached value of a formula cell.
///
/// ```swift
/// CellContent.formula("B2*2", cachedResult: .number(4))
/// ```
public enum FormulaResult: Hashable, Sendable {
    /// A numeric result.
    case number(Double)
    /// A numeric result given exactly (stored like ``CellContent/decimal(_:)``).
    case decimal(Decimal)
    /// A text result (stored as `t="str"`).
    case string(String)
}

extension CellContent: ExpressibleByStringLiteral {
    /// A string literal is a ``string(_:)`` cell.
    ///
    /// ```swift
    /// let content: CellContent = "合计"
    /// ```
    public init(stringLiteral value: String) { self = .string(value) }
}
