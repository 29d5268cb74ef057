import Foundation
import SpreadsheetKit

/// How one official table is drawn: every cell with its style, the merges, widths and print rows.
/// Built from a mapping file's layout and a statement, written by ``WorkbookExporter``: the
/// plan is plain data, so a layout can be checked without writing a file.
struct SheetPlan {
    enum Style: Hashable {
        case title, code, keyLineLeft, keyLineCenter, keyLineRight, header, columnNumber
        case label, centered, amount, count, notApplicable, blankCell, note
        /// A cell a finding points at (review workbook): highlighted.
        case flagged
        /// A cell only a warning (a rounding tail) points at.
        case flaggedWarning
        /// The findings sheet of the review workbook.
        case listHeader, listCell, link
    }
    struct Entry {
        var content: CellContent
        var style: Style
    }

    var name: String
    var columnCount: Int
    var cells: [CellReference: Entry] = [:]
    var merges: [(CellRange, Entry)] = []
    var widths: [Int: Double] = [:]
    var heights: [Int: Double] = [:]
    /// Title to the last header row: repeated on every printed page.
    var repeatedRows: ClosedRange<Int> = 1...1
    /// Rows from the header to the last body row: drawn with borders.
    var gridRows: ClosedRange<Int> = 1...1
    /// Rows of the statement holding amounts that the layout has no place for (never dropped silently).
    var undrawn: [StatementRow] = []
    /// Where each source cell (`Sheet!A1` of the imported workbook) was drawn: for the review workbook.
    var drawnFrom: [String: CellReference] = [:]

    mutating func put(_ row: Int, _ column: Int, _ content: CellContent, _ style: Style) {
        cells[CellReference(row: row, column: column)] = Entry(content: content, style: style)
    }

    mutating func merge(_ first: CellReference, _ last: CellReference, _ content: CellContent, _ style: Style) {
        if first == last { cells[first] = Entry(content: content, style: style); return }
        merges.append((CellRange(first: first, last: last), Entry(content: content, style: style)))
    }
}
