import SpreadsheetKit

/// A sheet as the importer searches it: cells by position, their normalized text, merges.
/// Built from the workbook layer's eager tier; knows nothing of templates.
struct SheetGrid {
    let name: String
    let cells: [CellReference: Cell]
    /// Normalized text of every string (or number-as-text) cell, by position.
    let texts: [CellReference: String]
    let merges: [CellRange]
    let rowCount: Int
    let columnCount: Int
    /// Rows that hold any text, sorted; the search for titles walks only these.
    let textRows: [Int: [(column: Int, text: String)]]

    /// ``LabelNormalizer/key(_:)`` of each text, computed once per cell when first asked for.
    private let keys = KeyCache()

    private final class KeyCache {
        var byCell: [CellReference: (text: String, key: String)] = [:]
    }

    init(_ sheet: Worksheet) {
        name = sheet.name
        var cells: [CellReference: Cell] = [:], texts: [CellReference: String] = [:]
        var byRow: [Int: [(column: Int, text: String)]] = [:]
        var maxRow = 0, maxColumn = 0
        for row in sheet.rows {
            for cell in row.cells where cell.isShownInDump {
                cells[cell.reference] = cell
                maxRow = max(maxRow, cell.reference.row)
                maxColumn = max(maxColumn, cell.reference.column)
                if case .string(let s) = cell.value {
                    let n = LabelNormalizer.normalize(s)
                    if !n.isEmpty {
                        texts[cell.reference] = n
                        byRow[cell.reference.row, default: []].append((cell.reference.column, n))
                    }
                }
            }
        }
        self.cells = cells
        self.texts = texts
        self.merges = sheet.layout.mergedRanges
        self.rowCount = maxRow
        self.columnCount = maxColumn
        self.textRows = byRow
        self.locationPrefix = SheetGrid.location(sheet: sheet.name, "")
    }

    func cell(_ row: Int, _ column: Int) -> Cell? { cells[CellReference(row: row, column: column)] }
    func text(_ row: Int, _ column: Int) -> String? { texts[CellReference(row: row, column: column)] }

    /// ``LabelNormalizer/key(_:)`` of the cell's text (numbering stripped), memoised: the locator and
    /// the statement reader compare the same header and label cells many times.
    func key(_ row: Int, _ column: Int) -> String? {
        text(row, column).map { key(of: $0, at: row, column) }
    }

    /// ``LabelNormalizer/key(_:)`` of `text`, a normalized text found at this cell (memoised by cell;
    /// a file that stores two cells at one reference gets the key of the very text asked about).
    func key(of text: String, at row: Int, _ column: Int) -> String {
        let at = CellReference(row: row, column: column)
        if let known = keys.byCell[at], known.text == text { return known.key }
        // The texts are normalized already, and normalize is idempotent: key(text) = stripNumbering(text).
        let key = LabelNormalizer.stripNumbering(text)
        keys.byCell[at] = (text, key)
        return key
    }

    /// Whether a row holds nothing in the columns `from…to`.
    func isEmptyRow(_ row: Int, from: Int = 1, to: Int? = nil) -> Bool {
        let last = to ?? columnCount
        guard from <= last else { return true }
        for c in from...last where cell(row, c) != nil { return false }
        return true
    }

    /// `'Sheet name'!B3`, quoted as Excel quotes sheet names in formulas.
    func location(_ row: Int, _ column: Int) -> String {
        locationPrefix + CellReference(row: row, column: column).a1
    }

    /// `'Sheet name'!` (or `Sheet!`): the quoting decided once per sheet, not per cell named.
    private let locationPrefix: String

    static func location(sheet: String, _ a1: String) -> String {
        let plain = sheet.unicodeScalars.allSatisfy { ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_") }
            && !(sheet.first?.isNumber ?? true)
        return plain ? "\(sheet)!\(a1)" : "'\(sheet.replacingOccurrences(of: "'", with: "''"))'!\(a1)"
    }
}
