import Foundation
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
    var score: Int
    /// The department printed in front of the title, if any.
    var titlePrefix: String?

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
    private let titleKeys: [(key: String, layout: TableLayout)]
    /// Each layout's header leaf keys, per column (by layout id), computed once rather than per title found.
    private let leafKeys: [String: [Set<String>]]

    init(layouts: [TableLayout]) {
        self.layouts = layouts
        titleKeys = layouts.flatMap { layout in ([layout.title] + layout.aliases).map { (LabelNormalizer.key($0), layout) } }
        var leafKeys: [String: [Set<String>]] = [:]
        var seen: [String: Int] = [:]
        for layout in layouts { seen[layout.id, default: 0] += 1 }
        for layout in layouts where seen[layout.id] == 1 { // a repeated id is computed per match, as before
            leafKeys[layout.id] = layout.columns.map(\.leafKeys)
        }
        self.leafKeys = leafKeys
    }

    /// Every candidate table on the sheet: for each title cell, every layout whose title and
    /// header match. The caller chooses between candidates that overlap.
    func candidates(in grid: SheetGrid) -> [LocatedTable] {
        let keys = titleKeys
        // Every cell that reads as some table's title, with the layouts it may be.
        var hits: [(row: Int, column: Int, text: String, layout: TableLayout, prefix: String?)] = []
        for row in grid.textRows.keys.sorted() {
            // Titles end in 表; skipping other cells keeps the search cheap on 200,000-row sheets.
            for (column, text) in grid.textRows[row] ?? [] where Self.mayBeTitle(text) {
                let key = titleKey(text)
                for (titleKey, layout) in keys {
                    if key == titleKey {
                        hits.append((row, column, text, layout, nil))
                    } else if TextScan.hasSuffix(key, titleKey) {
                        // The department (and year) in front of the title: "某某局2024年度收入决算表".
                        hits.append((row, column, text, layout, String(key.dropLast(titleKey.count))))
                    }
                }
            }
        }
        var found: [LocatedTable] = []
        for hit in hits {
            // Tables side by side: a table's columns lie between the titles to its left and right.
            let neighbours = hits.filter { abs($0.row - hit.row) <= 2 && $0.column != hit.column }
            let left = neighbours.filter { $0.column < hit.column }.map(\.column).max() ?? 0
            let right = neighbours.filter { $0.column > hit.column }.map(\.column).min() ?? Int.max
            guard var table = match(hit.layout, titleRow: hit.row, titleColumn: hit.column, titleText: hit.text,
                                    columns: (left + 1)..<right, in: grid) else { continue }
            if let prefix = hit.prefix {
                table.titlePrefix = Self.departmentInTitle(prefix)
                table.score -= 5 // an exact title at the same cell wins
            }
            found.append(table)
        }
        return found
    }

    /// Ends in 表 and is no longer than 80 characters, tested on the UTF-8 bytes: this runs for every
    /// text cell of every sheet, and `hasSuffix`/`count` walk grapheme clusters.
    static func mayBeTitle(_ text: String) -> Bool {
        let biao: [UInt8] = [0xE8, 0xA1, 0xA8] // 表
        let utf8 = text.utf8
        guard utf8.count >= 3, utf8.count <= 80 * 4 else { return false }
        guard utf8.suffix(3).elementsEqual(biao) else { return false }
        return utf8.count <= 80 || text.count <= 80
    }

    /// The department named in front of a title, with the year and joining words removed.
    static func departmentInTitle(_ prefix: String) -> String? {
        var text = prefix.replacingOccurrences(of: #"(19|20)\d{2}年度?"#, with: "", options: .regularExpression)
        for suffix in ["部门", "的", "单位"] where text.hasSuffix(suffix) && text.count > suffix.count + 2 { text.removeLast(suffix.count) }
        text = text.trimmingCharacters(in: CharacterSet(charactersIn: "-—_:：·"))
        return text.count >= 2 ? text : nil
    }

    /// The title text as compared: numbering and a leading year ("2024年度") stripped.
    private func titleKey(_ text: String) -> String {
        var key = LabelNormalizer.stripNumbering(text)
        if TextScan.contains(key, "年"), let range = key.range(of: #"^\d{4}年度?"#, options: .regularExpression) { key.removeSubrange(range) }
        return LabelNormalizer.stripNumbering(key)
    }

    private func match(_ layout: TableLayout, titleRow: Int, titleColumn: Int, titleText: String,
                       columns allowed: Range<Int>, in grid: SheetGrid) -> LocatedTable? {
        let columns = layout.columns
        let lastSearchRow = min(grid.rowCount, titleRow + headerSearchRows)
        guard titleRow < lastSearchRow else { return nil }
        // Columns are listed left to right, so each leaf is searched right of the previous one;
        // among the cells that fit, the leftmost and then the highest wins. Repeated leaves (01's two
        // 项目, 06's four 科目代码, 09's two 合计) thus fall into place without knowing the grid.
        var positions: [Int] = [], leafRows: [Int] = []
        let wantedPerColumn = leafKeys[layout.id]
            ?? columns.map(\.leafKeys)
        // The keys of the text cells below the title, looked up once for all the columns.
        let window: [(row: Int, cells: [(column: Int, key: String)])] = ((titleRow + 1)...lastSearchRow).map { r in
            (r, (grid.textRows[r] ?? []).map { ($0.column, grid.key(of: $0.text, at: r, $0.column)) })
        }
        // Where each key occurs in the window, in window order: one hash per cell, not one per cell and column.
        var cellsByKey: [String: [CellReference]] = [:]
        for (r, cells) in window {
            for (c, key) in cells where allowed.contains(c) { cellsByKey[key, default: []].append(CellReference(row: r, column: c)) }
        }
        for index in columns.indices {
            var best: CellReference?
            for key in wantedPerColumn[index] {
                for cell in cellsByKey[key] ?? [] where cell.column > (positions.last ?? 0) {
                    // Leftmost, then highest (window order is top to bottom).
                    if best == nil || cell.column < best!.column || (cell.column == best!.column && cell.row < best!.row) { best = cell }
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
            for (_, text) in grid.textRows[r] ?? [] where TextScan.contains(text, code) || TextScan.contains(text, codeAsPrinted) {
                score += 2
                if TextScan.contains(text, layout.code) { score += 1 } // spacing as printed ("公开 01 表")
            }
        }
        return LocatedTable(layout: layout, sheet: grid.name, titleRow: titleRow, titleColumn: titleColumn,
                            columnMap: positions, headerTop: headerTop, headerBottom: headerBottom,
                            dataStart: dataStart, dataEnd: grid.rowCount, score: score, titlePrefix: nil)
    }

    /// The 栏次 row: "栏次" and column numbers, or (三公 tables) bare numbers "1 … 12".
    private func isColumnNumberRow(_ row: Int, _ grid: SheetGrid, _ positions: [Int]) -> Bool {
        var numbers = 0
        // Only the table's own columns: a table beside it may have a data row at the same height.
        for c in positions.min()!...positions.max()! {
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
        let label = grid.textRows[row]?.contains { positions.min()! <= $0.column && $0.column <= positions.max()! && $0.text == "栏次" } == true
        return numbers >= 1 && (numbers >= 2 || label)
    }
}
