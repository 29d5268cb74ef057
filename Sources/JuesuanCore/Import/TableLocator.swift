import SpreadsheetKit

/// Where one table layout was found on a sheet, and how its columns map to the sheet's.
struct LocatedTable {
    let layout: TableLayout
    let sheet: String
    let titleRow: Int
    let titleColumn: Int
    /// Sheet column of each layout column (`layout.columns` order).
    let columnMap: [Int]
    let headerTop: Int
    let headerBottom: Int
    let dataStart: Int
    /// Last row of the table's body (inclusive).
    var dataEnd: Int
    /// How well the find matched; used to choose between sets whose titles agree.
    let score: Int

    var firstColumn: Int { min(titleColumn, columnMap.min() ?? titleColumn) }
    var lastColumn: Int { columnMap.max() ?? titleColumn }
}

/// Finds tables in a sheet: titles first, then each layout's header leaves below the title.
/// Nothing here depends on a particular template: it reads the layouts it is given.
struct TableLocator {
    let layouts: [TableLayout]
    /// How many rows below a title the header may start and end.
    let headerSearchRows = 14

    /// Each layout's title keys (numbering stripped), for the title search.
    private var titleKeys: [(key: String, layout: TableLayout)] {
        layouts.flatMap { layout in ([layout.title] + layout.aliases).map { (LabelNormalizer.key($0), layout) } }
    }

    /// Every candidate table on the sheet: for each title cell, every layout whose title and
    /// header match. The caller chooses between candidates that overlap.
    func candidates(in grid: SheetGrid) -> [LocatedTable] {
        let keys = titleKeys
        var found: [LocatedTable] = []
        for row in grid.textRows.keys.sorted() {
            for (column, text) in grid.textRows[row] ?? [] {
                let key = titleKey(text)
                for (titleKey, layout) in keys where titleKey == key {
                    if let table = match(layout, titleRow: row, titleColumn: column, titleText: text, in: grid) {
                        found.append(table)
                    }
                }
            }
        }
        return found
    }

    /// The title text as compared: numbering stripped, a leading year ("2024年度") and a trailing
    /// department-free suffix left alone.
    private func titleKey(_ text: String) -> String {
        var key = LabelNormalizer.stripNumbering(text)
        // "2024年度收入支出决算总表": a year in front of the title.
        if let range = key.range(of: #"^\d{4}年度?"#, options: .regularExpression) { key.removeSubrange(range) }
        return key
    }

    private func match(_ layout: TableLayout, titleRow: Int, titleColumn: Int, titleText: String,
                       in grid: SheetGrid) -> LocatedTable? {
        let columns = layout.columns
        let lastSearchRow = min(grid.rowCount, titleRow + headerSearchRows)
        guard titleRow < lastSearchRow else { return nil }
        // Columns are listed left to right, so each leaf is searched right of the previous one;
        // among the cells that fit, the leftmost and then the highest wins. Repeated leaves (01's two
        // 项目, 06's four 科目代码, 09's two 合计) thus fall into place without knowing the grid.
        var positions: [Int] = [], leafRows: [Int] = []
        for column in columns {
            let wanted = Set(([column.header.last!] + column.also).map(LabelNormalizer.key))
            var best: CellReference?
            for r in (titleRow + 1)...lastSearchRow {
                for (c, text) in grid.textRows[r] ?? [] where c > (positions.last ?? 0) {
                    guard wanted.contains(LabelNormalizer.stripNumbering(text)) else { continue }
                    if best == nil || c < best!.column { best = CellReference(row: r, column: c) }
                }
            }
            guard let best else { return nil }
            positions.append(best.column)
            leafRows.append(best.row)
        }
        let headerTop = zip(columns, leafRows).map { $1 - ($0.header.count - 1) }.min()!
        guard headerTop > titleRow else { return nil }
        let headerBottom = leafRows.max()!
        var dataStart = headerBottom + 1
        if layout.hasColumnNumbers && isColumnNumberRow(dataStart, grid, positions) { dataStart += 1 }

        var score = 10 * columns.count
        if LabelNormalizer.normalize(layout.title) == titleText { score += 3 } // numbering as printed
        let code = layout.code.filter { !$0.isWhitespace }
        let codeAsPrinted = LabelNormalizer.normalize(layout.code)
        for r in max(1, titleRow - 3)...min(grid.rowCount, headerTop) {
            for (_, text) in grid.textRows[r] ?? [] where text.contains(code) || text.contains(codeAsPrinted) {
                score += 2
                if text.contains(layout.code) { score += 1 } // spacing as printed ("公开 01 表")
            }
        }
        return LocatedTable(layout: layout, sheet: grid.name, titleRow: titleRow, titleColumn: titleColumn,
                            columnMap: positions, headerTop: headerTop, headerBottom: headerBottom,
                            dataStart: dataStart, dataEnd: grid.rowCount, score: score)
    }

    /// The 栏次 row: "栏次" and column numbers, or (三公 tables) bare numbers "1 … 12".
    private func isColumnNumberRow(_ row: Int, _ grid: SheetGrid, _ positions: [Int]) -> Bool {
        var numbers = 0
        for c in grid.cells.keys.filter({ $0.row == row }).map(\.column) {
            guard let cell = grid.cell(row, c) else { continue }
            let text: String
            switch cell.value {
            case .number(let t): text = t
            case .string(let s): text = LabelNormalizer.normalize(s)
            default: return false
            }
            if LabelNormalizer.key(text) == "栏次" { continue }
            guard let n = Int(text), n >= 1, n <= 60 else { return false }
            numbers += 1
        }
        return numbers >= 1 && (numbers >= 2 || grid.textRows[row]?.contains { $0.text == "栏次" } == true)
    }
}
