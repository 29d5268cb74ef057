import Foundation
import SpreadsheetKit

/// Drafts the mapping files of a new template (a new year's or province's tables) from a blank or
/// filled workbook: every table found — by the known layouts' titles, or by a title-like cell
/// ending in 表 whose header resembles a known layout — becomes a mapping file in the
/// `juesuan-mapping/1` format, matched against the closest known layout (same statement, measures
/// mapped by header labels, fixed rows by code, label and 行次). What differs from the closest
/// known set is reported: tables added, removed or moved; columns and rows added, removed or
/// renamed. The drafted set loads, imports and exports like any other, without Swift changes.
///
/// ```swift
/// let result = try TemplateLearner(catalog: catalog).learn(workbookAt: "new-template.xlsx", set: "gk10-2025")
/// try result.write(to: "Mappings/gk10-2025")
/// print(result.description)
/// ```
public struct TemplateLearner {
    public let catalog: MappingCatalog

    public init(catalog: MappingCatalog) {
        self.catalog = catalog
    }

    public func learn(workbookAt path: String, set: String) throws -> LearnResult {
        try learn(Workbook(path: path), set: set)
    }

    private struct Found {
        var observed: ObservedTable
        var grid: SheetGrid
        var sheetIndex: Int
        /// Layouts whose title (or alias) the table prints.
        var titleMatches: [TableLayout]
    }

    public func learn(_ workbook: Workbook, set: String) throws -> LearnResult {
        guard !catalog.layouts.isEmpty else { throw ImportError.noMappings }
        var found: [Found] = []
        var unmatched: [String] = []
        for sheet in workbook.sheets where sheet.kind == .worksheet {
            let worksheet = try workbook.worksheet(sheet)
            let grid = SheetGrid(worksheet)
            let observer = TableObserver(grid: grid, layout: worksheet.layout)
            // Title-like cells: a known title, or a cell ending in 表 alone (or nearly) on its row.
            var titles: [(row: Int, column: Int, matches: [TableLayout])] = []
            for row in grid.textRows.keys.sorted() {
                let cells = grid.textRows[row]!.sorted { $0.column < $1.column }
                for (column, text) in cells where TableObserver.isTitleLike(text) {
                    let matches = titleMatches(text)
                    if !matches.isEmpty || cells.count <= 2 { titles.append((row, column, matches)) }
                }
            }
            var lastRowUsed: [(rows: ClosedRange<Int>, columns: ClosedRange<Int>)] = []
            for (i, title) in titles.enumerated() {
                if lastRowUsed.contains(where: { $0.rows.contains(title.row) && $0.columns.contains(title.column) }) { continue }
                let neighbours = titles.filter { abs($0.row - title.row) <= 2 && $0.column != title.column }
                let left = neighbours.filter { $0.column < title.column }.map(\.column).max() ?? 0
                let right = neighbours.filter { $0.column > title.column }.map(\.column).min() ?? (max(grid.columnCount, title.column) + 1)
                let allowed = (left + 1)...max(left + 1, right - 1)
                let next = titles[(i + 1)...].first { $0.row > title.row + 2 && allowed.contains($0.column) }?.row ?? (grid.rowCount + 1)
                let previousEnd = found.last { $0.observed.sheet == grid.name }?.observed.lastRow ?? 0
                let hints = title.matches.first.map { layout in layout.columns.map(\.leafKeys) } ?? []
                guard let observed = observer.observe(titleRow: title.row, titleColumn: title.column, limit: next, allowed: allowed,
                                                      from: max(previousEnd + 1, title.row - 3), hints: hints),
                      observed.columns.count >= (title.matches.isEmpty ? 2 : 1) else { continue }
                found.append(Found(observed: observed, grid: grid, sheetIndex: sheet.index, titleMatches: title.matches))
                lastRowUsed.append((observed.titleRow...max(observed.titleRow, observed.lastRow), observed.firstColumn...observed.lastColumn))
            }
        }

        // The closest known set: the one whose layouts match the most of the template.
        func score(_ f: Found, _ layout: TableLayout) -> Int {
            LayoutDraft.score(f.observed, layout) + (f.titleMatches.contains { $0.id == layout.id } ? 100 : 0)
        }
        var setScores: [String: Int] = [:]
        for s in catalog.sets {
            let layouts = catalog.layouts(inSet: s)
            setScores[s] = found.reduce(0) { sum, f in sum + max(0, layouts.map { score(f, $0) }.max() ?? 0) }
        }
        let closestSet = setScores.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key

        // Each table's closest layout: a title match first, the closest set on a tie.
        var choices: [(Found, TableLayout)] = []
        for f in found {
            let ranked = catalog.layouts.map { ($0, score(f, $0) * 2 + ($0.set == closestSet ? 1 : 0)) }
            guard let best = ranked.max(by: { $0.1 < $1.1 }), f.titleMatches.isEmpty ? LayoutDraft.score(f.observed, best.0) >= 4 : true else {
                unmatched.append("'\(f.observed.sheet)' \(CellReference(row: f.observed.titleRow, column: f.observed.titleColumn).a1) \(f.observed.title)")
                continue
            }
            choices.append((f, best.0))
        }
        guard !choices.isEmpty else { throw LearnError.noTable(file: workbook.fileName) }

        // Table ids: the number printed in the code, else the closest layout's; never twice.
        var ids = Set<String>()
        var drafts: [DraftedTable] = []
        var differences: [LayoutDifference] = []
        var usedClosest: [String: Int] = [:]
        var sequence: [(draft: Int, closest: TableLayout)] = []
        for (f, closest) in choices {
            var table = closest.table
            if let code = f.observed.code, let digits = LabelNormalizer.normalize(code).firstMatch(of: #/\d+/#)?.output, let n = Int(digits) {
                table = String(format: "%0\(max(2, closest.table.count))d", n)
            }
            while ids.contains(table) { table = Self.nextID(table) }
            ids.insert(table)
            var draft = LayoutDraft(observed: f.observed, closest: closest, grid: f.grid, set: set, table: table)
            var layout = draft.draft()
            let fileName = "\(table)-\(Self.fileTitle(layout.title)).yaml"
            layout.source = fileName
            var comments = ["\(layout.code) \(layout.title) — \(set)，由 juesuan learn 从 \((workbook.fileName as NSString).lastPathComponent) 起草",
                            "(drafted by juesuan learn from sheet '\(f.observed.sheet)', closest known layout \(closest.id)); 请核对后使用 / review before use."]
            if !draft.unmappedColumns.isEmpty {
                comments.append("未写入映射的列 / columns left out: \(draft.unmappedColumns.joined(separator: ", "))")
            }
            let yaml = MappingWriter.yaml(layout, comments: comments)
            do { _ = try MappingLoader.load(yaml: yaml, source: fileName) } catch {
                throw LearnError.invalidDraft(file: fileName, reason: (error as? LocalizedError)?.errorDescription ?? "\(error)")
            }
            let first = usedClosest[closest.id] == nil
            if first { usedClosest[closest.id] = drafts.count }
            if closest.set != closestSet || !first {
                differences.append(LayoutDifference(kind: .tableAdded, table: "\(set)/\(table)", closest: closest.id,
                    detail: layout.title, message: "\(set)/\(table) 新增表“\(layout.title)”（按 \(closest.id) 的版式起草）/ added table '\(layout.title)' (drafted after \(closest.id))"))
            } else {
                sequence.append((drafts.count, closest))
            }
            differences += draft.differences
            drafts.append(DraftedTable(layout: layout, closest: closest, fileName: fileName, yaml: yaml, sheet: f.observed.sheet,
                                       titleRow: f.observed.titleRow, unmappedColumns: draft.unmappedColumns))
        }
        if let closestSet {
            for layout in catalog.layouts(inSet: closestSet) where usedClosest[layout.id] == nil {
                differences.append(LayoutDifference(kind: .tableRemoved, table: layout.id, closest: layout.id, detail: layout.title,
                    message: "\(layout.id) 模板中没有表“\(layout.code) \(layout.title)” / table '\(layout.code) \(layout.title)' is not in the template"))
            }
            // Moved: the tables outside the longest run kept in the known set's order.
            let order = catalog.layouts(inSet: closestSet).map(\.table)
            let positions = sequence.map { order.firstIndex(of: $0.closest.table) ?? 0 }
            let kept = Self.longestIncreasing(positions)
            for (k, entry) in sequence.enumerated() where !kept.contains(k) {
                let layout = drafts[entry.draft].layout
                let after = k > 0 ? drafts[sequence[k - 1].draft].layout.code : "（开头 / the start）"
                let knownIndex = positions[k]
                let knownAfter = knownIndex > 0 ? catalog.layout(set: closestSet, table: order[knownIndex - 1])?.code ?? "" : "（开头 / the start）"
                differences.append(LayoutDifference(kind: .tableMoved, table: "\(set)/\(layout.table)", closest: entry.closest.id,
                    detail: "\(layout.code) after \(after)",
                    message: "\(set)/\(layout.table) 表“\(layout.code) \(layout.title)”的位置变了：现在在 \(after) 之后（\(closestSet) 中在 \(knownAfter) 之后）/ moved: now after \(after) (after \(knownAfter) in \(closestSet))"))
            }
        }
        return LearnResult(set: set, closestSet: closestSet, tables: drafts, differences: differences, unmatched: unmatched)
    }

    /// The known layouts whose title (or an alias) the text prints: exactly, else after a department
    /// and year (the longest title that ends the text: "…三公经费支出决算表" is not "支出决算表").
    private func titleMatches(_ text: String) -> [TableLayout] {
        let key = Self.titleKey(text)
        let exact = catalog.layouts.filter { ([$0.title] + $0.aliases).contains { Self.titleKey($0) == key } }
        if !exact.isEmpty { return exact }
        var best: [TableLayout] = [], bestLength = 0
        for layout in catalog.layouts {
            for t in [layout.title] + layout.aliases {
                let k = Self.titleKey(t)
                guard key.hasSuffix(k), k.count >= bestLength else { continue }
                if k.count > bestLength { best = []; bestLength = k.count }
                if !best.contains(where: { $0.id == layout.id }) { best.append(layout) }
            }
        }
        return best
    }

    static func titleKey(_ text: String) -> String {
        var key = LabelNormalizer.stripNumbering(LabelNormalizer.normalize(text))
        if let range = key.range(of: #"^\d{4}年度?"#, options: .regularExpression) { key.removeSubrange(range) }
        return LabelNormalizer.stripNumbering(key)
    }

    /// The title for a file name: numbering stripped, characters file systems refuse removed.
    static func fileTitle(_ title: String) -> String {
        var t = title.trimmingCharacters(in: .whitespaces)
        if let r = t.range(of: #"^([一二三四五六七八九十]+、|\d+[、.．]\s*)"#, options: .regularExpression) { t.removeSubrange(r) }
        t = String(t.filter { !"/\\:*?\"<>|\n\r\t".contains($0) })
        return t.isEmpty ? "table" : String(t.prefix(60))
    }

    private static func nextID(_ id: String) -> String {
        if let n = Int(id) { return String(format: "%0\(id.count)d", n + 1) }
        return id + "b"
    }

    /// Indices of one longest strictly increasing subsequence.
    static func longestIncreasing(_ values: [Int]) -> Set<Int> {
        guard !values.isEmpty else { return [] }
        var length = Array(repeating: 1, count: values.count), previous = Array(repeating: -1, count: values.count)
        for i in values.indices {
            for j in 0..<i where values[j] < values[i] && length[j] + 1 > length[i] {
                length[i] = length[j] + 1
                previous[i] = j
            }
        }
        var k = length.indices.max { length[$0] < length[$1] }!
        var result = Set<Int>()
        while k >= 0 { result.insert(k); k = previous[k] }
        return result
    }
}
