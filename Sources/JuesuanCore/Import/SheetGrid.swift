import SpreadsheetKit

/// A sheet as the importer searches it: cells by position, their normalized text, merges.
/// Built from the workbook layer's eager tier; knows nothing of templates.
struct SheetGrid {
    let name: String
    let merges: [CellRange]
    let rowCount: Int
    let columnCount: Int
    /// Rows that hold any text, sorted; the search for titles walks only these.
    let textRows: [Int: [(column: Int, text: String)]]

    /// The shown cells, their normalized texts (`nil` for other cells) and where each cell is.
    /// The locator and the statement reader ask for cells by position tens of thousands of times per
    /// workbook, so positions resolve through ``CellIndex`` rather than a hashed dictionary.
    private let stored: [Cell]
    private let storedTexts: [String?]
    private let index: CellIndex

    /// ``LabelNormalizer/key(_:)`` of each text, and the dictionaries below, computed when first asked for.
    private let caches = Caches()

    private final class Caches {
        var keys: [String?] = []
        var cells: [CellReference: Cell]?
        var texts: [CellReference: String]?
    }

    init(_ sheet: Worksheet) {
        name = sheet.name
        var stored: [Cell] = [], storedTexts: [String?] = []
        var byRow: [Int: [(column: Int, text: String)]] = [:]
        var maxRow = 0, maxColumn = 0
        for row in sheet.rows {
            for cell in row.cells where cell.isShownInDump {
                maxRow = max(maxRow, cell.reference.row)
                maxColumn = max(maxColumn, cell.reference.column)
                var text: String?
                if case .string(let s) = cell.value {
                    let n = LabelNormalizer.normalize(s)
                    if !n.isEmpty {
                        text = n
                        byRow[cell.reference.row, default: []].append((cell.reference.column, n))
                    }
                }
                stored.append(cell)
                storedTexts.append(text)
            }
        }
        self.stored = stored
        self.storedTexts = storedTexts
        self.index = CellIndex(stored.map(\.reference), rows: maxRow, columns: maxColumn)
        self.merges = sheet.layout.mergedRanges
        self.rowCount = maxRow
        self.columnCount = maxColumn
        self.textRows = byRow
        self.locationPrefix = SheetGrid.location(sheet: sheet.name, "")
        caches.keys = Array(repeating: nil, count: stored.count)
    }

    /// Every shown cell by position (built on first use; prefer ``cell(_:_:)``).
    var cells: [CellReference: Cell] {
        if let known = caches.cells { return known }
        // A file that stores two cells at one reference: the last one wins, as before.
        let built = Dictionary(stored.map { ($0.reference, $0) }, uniquingKeysWith: { _, last in last })
        caches.cells = built
        return built
    }

    /// Normalized text of every string cell by position (built on first use; prefer ``text(_:_:)``).
    var texts: [CellReference: String] {
        if let known = caches.texts { return known }
        var built: [CellReference: String] = [:]
        for (i, text) in storedTexts.enumerated() { if let text { built[stored[i].reference] = text } }
        caches.texts = built
        return built
    }

    func cell(_ row: Int, _ column: Int) -> Cell? {
        index.slot(row, column).map { stored[$0] }
    }

    func text(_ row: Int, _ column: Int) -> String? {
        index.slot(row, column).flatMap { storedTexts[$0] }
    }

    /// ``LabelNormalizer/key(_:)`` of the cell's text (numbering stripped), memoised: the locator and
    /// the statement reader compare the same header and label cells many times.
    func key(_ row: Int, _ column: Int) -> String? {
        text(row, column).map { key(of: $0, at: row, column) }
    }

    /// ``LabelNormalizer/key(_:)`` of `text`, a normalized text found at this cell (memoised by cell;
    /// a text that is not the cell's own is keyed without the cache).
    func key(of text: String, at row: Int, _ column: Int) -> String {
        // The texts are normalized already, and normalize is idempotent: key(text) = stripNumbering(text).
        guard let slot = index.slot(row, column), storedTexts[slot] == text else { return LabelNormalizer.stripNumbering(text) }
        if let known = caches.keys[slot] { return known }
        let key = LabelNormalizer.stripNumbering(text)
        caches.keys[slot] = key
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

/// Where each cell of a sheet is stored: a dense table of positions when the sheet's used range is
/// small next to its number of cells (every 决算 table), a dictionary otherwise (a sheet with a
/// stray cell at XFD1048576 must not allocate the whole grid).
struct CellIndex {
    private let columns: Int
    private let dense: [Int32]
    private let sparse: [CellReference: Int]

    init(_ references: [CellReference], rows: Int, columns: Int) {
        self.columns = columns
        let area = rows.multipliedReportingOverflow(by: columns)
        if !area.overflow, area.partialValue <= max(1 << 16, 8 * references.count) {
            var dense = [Int32](repeating: -1, count: area.partialValue)
            // Readers give rows and columns from 1; anything else cannot be asked for and is left out.
            for (i, ref) in references.enumerated() where ref.row >= 1 && ref.column >= 1 {
                dense[(ref.row - 1) * columns + ref.column - 1] = Int32(i)
            }
            self.dense = dense
            sparse = [:]
        } else {
            dense = []
            var sparse: [CellReference: Int] = [:]
            for (i, ref) in references.enumerated() { sparse[ref] = i }
            self.sparse = sparse
        }
    }

    @inline(__always) func slot(_ row: Int, _ column: Int) -> Int? {
        if dense.isEmpty { return sparse[CellReference(row: row, column: column)] }
        guard row >= 1, column >= 1, column <= columns else { return nil }
        let at = (row - 1) * columns + column - 1
        guard at < dense.count else { return nil }
        let slot = dense[at]
        return slot >= 0 ? Int(slot) : nil
    }
}
