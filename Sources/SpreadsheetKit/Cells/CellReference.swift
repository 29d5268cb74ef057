/// The position of one cell: 1-based row and column, as Excel numbers them.
///
/// ```swift
/// let ref = CellReference("C12")!      // row 12, column 3
/// ref.a1                               // "C12"
/// CellReference(row: 1, column: 28).a1 // "AB1"
/// ```
public struct CellReference: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// 1-based row number (1…1,048,576 in Excel).
    public var row: Int
    /// 1-based column number (1…16,384 in Excel; A = 1).
    public var column: Int

    public init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }

    /// Parses an A1 reference such as `"B3"` or `"$B$3"`; `nil` when it is not one.
    public init?(_ a1: String) {
        var column = 0, row = 0, sawLetter = false, sawDigit = false
        for byte in a1.utf8 {
            switch byte {
            case UInt8(ascii: "$"): continue
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"):
                if sawDigit { return nil }
                column = column * 26 + Int((byte & 0xDF) - UInt8(ascii: "A") + 1)
                sawLetter = true
                if column > Limits.maxColumns { return nil }
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                row = row * 10 + Int(byte - UInt8(ascii: "0"))
                sawDigit = true
                if row > Limits.maxRows { return nil }
            default: return nil
            }
        }
        guard sawLetter, sawDigit, row >= 1 else { return nil }
        self.init(row: row, column: column)
    }

    /// Column letters for a 1-based column number: 1 → "A", 28 → "AB".
    public static func columnName(_ column: Int) -> String {
        // At most three letters (XFD), built on the stack: every value read or written names its cell.
        var letters: (UInt8, UInt8, UInt8) = (0, 0, 0)
        return withUnsafeMutableBytes(of: &letters) { buffer in
            var n = column, first = 3
            while n > 0 && first > 0 {
                first -= 1
                buffer[first] = UInt8(ascii: "A") + UInt8((n - 1) % 26)
                n = (n - 1) / 26
            }
            guard n == 0 else { return String(column) } // past XFD: not a column Excel has
            return String(decoding: UnsafeRawBufferPointer(rebasing: buffer[first...]), as: UTF8.self)
        }
    }

    /// The reference in A1 notation.
    public var a1: String { Self.columnName(column) + String(row) }
    public var description: String { a1 }

    public static func < (l: Self, r: Self) -> Bool {
        l.row != r.row ? l.row < r.row : l.column < r.column
    }
}

/// A rectangular block of cells, such as a merged range `A1:C1`.
///
/// ```swift
/// let range = CellRange("B3:B4")!
/// range.contains(CellReference("B4")!) // true
/// ```
public struct CellRange: Hashable, Sendable, CustomStringConvertible {
    public var first: CellReference
    public var last: CellReference

    public init(first: CellReference, last: CellReference) {
        self.first = CellReference(row: min(first.row, last.row), column: min(first.column, last.column))
        self.last = CellReference(row: max(first.row, last.row), column: max(first.column, last.column))
    }

    /// Parses `"A1:C1"` (or a single cell `"A1"`, a one-cell range).
    public init?(_ text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        switch parts.count {
        case 1:
            guard let cell = CellReference(String(parts[0])) else { return nil }
            self.init(first: cell, last: cell)
        case 2:
            guard let a = CellReference(String(parts[0])), let b = CellReference(String(parts[1])) else { return nil }
            self.init(first: a, last: b)
        default:
            return nil
        }
    }

    public var rowCount: Int { last.row - first.row + 1 }
    public var columnCount: Int { last.column - first.column + 1 }

    public func contains(_ cell: CellReference) -> Bool {
        (first.row...last.row).contains(cell.row) && (first.column...last.column).contains(cell.column)
    }

    public func overlaps(_ other: CellRange) -> Bool {
        first.row <= other.last.row && other.first.row <= last.row
            && first.column <= other.last.column && other.first.column <= last.column
    }

    public var a1: String { first == last ? first.a1 : "\(first.a1):\(last.a1)" }
    public var description: String { a1 }
}
