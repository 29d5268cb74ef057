import Foundation
import SpreadsheetKit

/// Where the rows of one located table sit in a template: each row key (a code, a fixed row's id,
/// the total, the single data row, a summary row) with its sheet row and block. The same row
/// rules as the importer's, read from the template's own cells, so a bureau's template is
/// recognised exactly as a filled workbook of the same layout would be.
struct TemplateRows {
    struct Place: Hashable {
        var row: Int
        /// Index into `layout.blocks`; `nil` for a summary row.
        var block: Int?
        /// The sheet column of the value (summary rows only; block rows use the block's columns).
        var valueColumn: Int?
    }

    let grid: SheetGrid
    let table: LocatedTable
    private(set) var places: [String: Place] = [:]
    /// Row keys in the order the template prints them.
    private(set) var order: [String] = []

    private var layout: TableLayout { table.layout }

    init(grid: SheetGrid, table: LocatedTable) {
        self.grid = grid
        self.table = table
        find()
    }

    /// The sheet columns of a block's columns.
    func columns(ofBlock index: Int) -> [Int] {
        let offset = layout.blocks[..<index].reduce(0) { $0 + $1.columns.count }
        return Array(table.columnMap[offset..<(offset + layout.blocks[index].columns.count)])
    }

    private mutating func put(_ key: String, _ place: Place) {
        guard places[key] == nil else { return } // the first occurrence, as the importer keeps it
        places[key] = place
        order.append(key)
    }

    private mutating func find() {
        let summaryLabels = Set(layout.summaryRows.map { LabelNormalizer.key($0.label) })
        let bodyRows = table.dataStart <= table.dataEnd ? Array(table.dataStart...table.dataEnd) : []
        let summaryRowNumbers = Set(bodyRows.filter { r in
            (table.firstColumn...table.lastColumn).contains { grid.text(r, $0).map { summaryLabels.contains(LabelNormalizer.key($0)) } ?? false }
        })
        for (b, block) in layout.blocks.enumerated() {
            let sheetColumns = columns(ofBlock: b)
            func column(_ role: Column.Role) -> Int? {
                block.columns.firstIndex { $0.role == role }.map { sheetColumns[$0] }
            }
            let codeColumn = column(.code), nameColumn = column(.name), labelColumn = column(.label), lineColumn = column(.line)
            switch block.rows.key {
            case .single:
                // The first row under the header, filled or not (a blank template leaves it empty).
                let row = bodyRows.first { !summaryRowNumbers.contains($0) && hasValues($0, block, sheetColumns) }
                    ?? (isNoteRow(table.dataStart) ? nil : table.dataStart)
                if let row { put(block.rows.singleID ?? "data", Place(row: row, block: b)) }
            case .code:
                for r in bodyRows where !summaryRowNumbers.contains(r) {
                    if let codeColumn, let code = Self.code(in: grid.cell(r, codeColumn)) {
                        put(code, Place(row: r, block: b))
                    } else if let total = block.rows.total {
                        let labels = [codeColumn, nameColumn, labelColumn].compactMap { $0.flatMap { grid.text(r, $0) } }.map(LabelNormalizer.key)
                        if labels.contains(LabelNormalizer.key(total.label)) { put(total.id, Place(row: r, block: b)) }
                    }
                }
            case .line:
                guard let lineColumn else { continue }
                for r in bodyRows where !summaryRowNumbers.contains(r) {
                    guard let line = Self.lineNumber(grid.cell(r, lineColumn)),
                          let item = block.rows.items.first(where: { $0.line == line }), case .data = item.kind,
                          let key = item.rowKey else { continue }
                    put(key, Place(row: r, block: b))
                }
            }
        }
        for summary in layout.summaryRows {
            guard let labelColumn = sheetColumn(summary.labelAt), let valueColumn = sheetColumn(summary.valueAt) else { continue }
            let wanted = LabelNormalizer.key(summary.label)
            for r in bodyRows {
                let hit = (min(labelColumn, valueColumn)...max(labelColumn, valueColumn)).contains {
                    grid.text(r, $0).map(LabelNormalizer.key) == wanted
                } || (1...max(1, valueColumn)).contains { grid.text(r, $0).map(LabelNormalizer.key) == wanted }
                if hit { put(summary.id, Place(row: r, block: nil, valueColumn: valueColumn)); break }
            }
        }
    }

    private func hasValues(_ row: Int, _ block: Block, _ columns: [Int]) -> Bool {
        zip(block.columns, columns).contains { column, c in
            (column.role == .amount || column.role == .count) && grid.cell(row, c) != nil
        }
    }

    /// Whether a row opens the notes under a table.
    private func isNoteRow(_ row: Int) -> Bool {
        guard let first = (table.firstColumn...table.lastColumn).lazy.compactMap({ self.grid.text(row, $0) }).first else { return false }
        return first.hasPrefix("注") || first.hasPrefix("说明") || first.hasPrefix("备注")
    }

    private func sheetColumn(_ position: SummaryRow.Position) -> Int? {
        guard let b = layout.blocks.firstIndex(where: { $0.id == position.block }),
              let k = layout.blocks[b].columns.firstIndex(where: {
                  (position.role == nil || $0.role == position.role) && (position.measure == nil || $0.measure == position.measure)
              }) else { return nil }
        return columns(ofBlock: b)[k]
    }

    /// A classification code as digits: a number cell, digits as text, or digits followed by the name.
    static func code(in cell: Cell?) -> String? {
        guard let cell else { return nil }
        switch cell.value {
        case .number(let t):
            guard let a = Amount.fromCellNumber(t), a.value >= 0, a.rounded(0) == a else { return nil }
            return a.description
        case .string(let s):
            let digits = LabelNormalizer.normalize(s).prefix { $0.isASCIIDigitLike }
            return digits.count >= 3 ? String(digits) : nil
        default:
            return nil
        }
    }

    /// A 行次 as a whole number, from a number or text cell.
    static func lineNumber(_ cell: Cell?) -> Int? {
        guard let cell else { return nil }
        switch cell.value {
        case .number(let t): return Amount.fromCellNumber(t).flatMap { $0.rounded(0) == $0 ? Int($0.description) : nil }
        case .string(let s): return Int(LabelNormalizer.normalize(s))
        default: return nil
        }
    }
}
