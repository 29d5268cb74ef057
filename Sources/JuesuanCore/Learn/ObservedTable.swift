import Foundation
import SpreadsheetKit

/// A table as a blank (or filled) template prints it, read without any layout: title, code, key
/// lines, the header as column paths (from the merged header cells), the 栏次 row, the body rows
/// and the notes. ``LayoutDraft`` turns it into a mapping file by matching it against the closest
/// known layout.
struct ObservedTable {
    struct ObservedColumn {
        /// Sheet column (1-based).
        var column: Int
        /// Header labels from the top header row down, as printed (line breaks removed).
        var path: [String]
        /// The 栏次 number printed under it.
        var number: String?
        var width: Double?

        var leafKey: String { LabelNormalizer.key(path.last ?? "") }
    }

    var sheet: String
    var titleRow: Int
    var titleColumn: Int
    var title: String
    var code: String?
    var keyLines: [KeyLine] = []
    var departmentLabel: String?
    var unitLabel: String?
    var unit: AmountUnit?
    var headerTop = 0
    var headerBottom = 0
    var columns: [ObservedColumn] = []
    var hasColumnNumbers = false
    var dataStart = 0
    var dataEnd = 0
    var notes: [String] = []
    /// The last row the table uses (its notes included).
    var lastRow = 0

    var firstColumn: Int { min(titleColumn, columns.first?.column ?? titleColumn) }
    var lastColumn: Int { columns.last?.column ?? titleColumn }
}

/// Reads ``ObservedTable``s from a sheet.
struct TableObserver {
    let grid: SheetGrid
    let layout: SheetLayout

    /// Text as printed, tidied: line breaks removed, runs of spaces collapsed, trimmed.
    static func clean(_ text: String) -> String {
        var s = text.replacingOccurrences(of: "\r\n", with: "").replacingOccurrences(of: "\n", with: "").replacingOccurrences(of: "\r", with: "")
        while s.contains("  ") { s = s.replacingOccurrences(of: "  ", with: " ") }
        return s.trimmingCharacters(in: .whitespaces)
    }

    /// A stored column width as the characters a writer is asked for: Excel and libxlsxwriter store
    /// the width plus about 0.71 of padding, which would otherwise grow on every round trip.
    static func characterWidth(_ stored: Double) -> Double {
        let fraction = stored - stored.rounded(.down)
        let width = (0.70...0.72).contains(fraction) ? stored - 0.71 : stored
        return max(1, (width * 100).rounded() / 100)
    }

    func raw(_ row: Int, _ column: Int) -> String? {
        guard let cell = grid.cell(row, column) else { return nil }
        switch cell.value {
        case .string(let s): let t = Self.clean(s); return t.isEmpty ? nil : t
        case .number(let n): return n
        default: return nil
        }
    }

    /// The merged range a cell lies in, if any.
    func merge(at ref: CellReference) -> CellRange? {
        grid.merges.first { $0.contains(ref) }
    }

    /// A table code as printed (`公开01表`, `公开 01 表`).
    static func isCodeText(_ normalized: String) -> Bool {
        normalized.range(of: #"^(公开|附)?\d{1,3}表$"#, options: .regularExpression) != nil
    }

    /// Whether a cell's text reads like a table title: ends in 表, not a code, not a key line.
    static func isTitleLike(_ normalized: String) -> Bool {
        normalized.hasSuffix("表") && (4...60).contains(normalized.count) && !isCodeText(normalized)
            && !normalized.contains(":") && !normalized.hasPrefix("注") && !normalized.hasPrefix("说明")
    }

    /// Reads the table whose title is at (row, column), looking no further than `limit` (the next
    /// title's row) and only at `allowed` columns; `hints` are header leaves expected (from the
    /// layouts whose titles match), used to find where the header ends. `nil` when no header
    /// follows the title.
    func observe(titleRow: Int, titleColumn: Int, limit: Int, allowed: ClosedRange<Int>, from firstKeyRow: Int,
                 hints: [Set<String>]) -> ObservedTable? {
        guard let title = raw(titleRow, titleColumn) else { return nil }
        var table = ObservedTable(sheet: grid.name, titleRow: titleRow, titleColumn: titleColumn, title: title)
        let last = min(limit - 1, grid.rowCount)
        guard titleRow < last else { return nil }

        // Key lines and code: the rows around the title, before the header.
        func isKeyRow(_ r: Int) -> Bool {
            guard let cells = grid.textRows[r], !cells.isEmpty else { return true }
            return cells.filter { allowed.contains($0.column) }.allSatisfy { _, text in
                Self.isCodeText(text) || KeyLines.unit(in: text) != nil || KeyLines.year(in: text) != nil
                    || KeyLines.departmentLabels.contains { text.hasPrefix($0 + ":") } || text.hasPrefix("表号")
            }
        }
        var headerTop: Int?
        for r in (titleRow + 1)...last {
            let texts = (grid.textRows[r] ?? []).filter { allowed.contains($0.column) }
            if texts.isEmpty { continue }
            if isKeyRow(r) { continue }
            headerTop = r
            break
        }
        guard let top = headerTop else { return nil }
        table.headerTop = top
        readKeyLines(&table, rows: max(1, min(firstKeyRow, titleRow - 3))..<top, allowed: allowed)

        // Header bottom: the expected leaves where known, else the rows that read like a header;
        // then down to the bottom of every merge that starts in the header.
        var bottom = top
        var foundLeaves = 0
        var leafBottom = top
        for wanted in hints {
            let rows = (top...min(last, top + 6)).first { r in
                (grid.textRows[r] ?? []).contains { allowed.contains($0.column) && wanted.contains(LabelNormalizer.stripNumbering($0.text)) }
            }
            if let rows { foundLeaves += 1; leafBottom = max(leafBottom, rows) }
        }
        if !hints.isEmpty && foundLeaves * 2 >= hints.count {
            bottom = leafBottom
        } else {
            while bottom + 1 <= last && isHeaderLike(bottom + 1, allowed: allowed) { bottom += 1 }
        }
        var changed = true
        while changed {
            changed = false
            for m in grid.merges where m.first.row >= top && m.first.row <= bottom && m.last.row > bottom && m.last.row <= last
                && allowed.contains(m.first.column) {
                bottom = m.last.row
                changed = true
            }
        }
        table.headerBottom = bottom

        // Columns: every column with a header label; its path from the merged header cells.
        var columns: [ObservedTable.ObservedColumn] = []
        let spanColumns = (top...bottom).flatMap { r in (grid.textRows[r] ?? []).map(\.column) }.filter { allowed.contains($0) }
        guard let minColumn = spanColumns.min() else { return nil }
        var maxColumn = spanColumns.max()!
        for m in grid.merges where m.first.row >= top && m.first.row <= bottom && allowed.contains(m.first.column) {
            maxColumn = max(maxColumn, min(m.last.column, allowed.upperBound))
        }
        for c in minColumn...maxColumn {
            var path: [String] = []
            var lastAnchor: CellReference?
            for r in top...bottom {
                let ref = CellReference(row: r, column: c)
                let anchor = merge(at: ref)?.first ?? ref
                guard anchor != lastAnchor else { continue }
                lastAnchor = anchor
                if anchor.row >= top, let text = raw(anchor.row, anchor.column), grid.cell(anchor.row, anchor.column)?.value.string != nil {
                    path.append(text)
                }
            }
            if !path.isEmpty && !layout.isColumnHidden(c) {
                columns.append(.init(column: c, path: path, number: nil, width: layout.width(ofColumn: c).map(Self.characterWidth)))
            }
        }
        guard columns.count >= 1 else { return nil }
        table.columns = columns

        // 栏次.
        table.dataStart = bottom + 1
        if bottom + 1 <= last, let numbers = columnNumbers(bottom + 1, columns: columns.map(\.column)) {
            table.hasColumnNumbers = true
            for k in table.columns.indices { table.columns[k].number = numbers[table.columns[k].column] }
            table.dataStart = bottom + 2
        }

        // Body, then notes.
        let first = table.firstColumn, lastCol = table.lastColumn
        var end = table.dataStart - 1
        var blanks = 0
        var r = table.dataStart
        var notesStart: Int?
        while r <= last {
            let texts = (grid.textRows[r] ?? []).filter { (first...lastCol).contains($0.column) }.sorted { $0.column < $1.column }
            if let text = texts.first?.text, Self.isNoteStart(text) { notesStart = r; break }
            if grid.isEmptyRow(r, from: first, to: lastCol) {
                blanks += 1
                if blanks >= 3 { break }
            } else {
                // The next table's code and key lines, just above its title.
                if r >= limit - 4 && isKeyRow(r) && !texts.isEmpty { break }
                blanks = 0
                end = r
            }
            r += 1
        }
        table.dataEnd = end
        table.lastRow = end
        if let start = notesStart {
            var n = start
            while n <= last {
                let texts = (grid.textRows[n] ?? []).filter { (first...lastCol).contains($0.column) }.sorted { $0.column < $1.column }
                guard let firstText = texts.first, n == start || !isKeyRow(n) || !(n >= limit - 4) else { break }
                if let note = raw(n, firstText.column) { table.notes.append(note) }
                table.lastRow = n
                n += 1
            }
        }
        return table
    }

    static func isNoteStart(_ normalized: String) -> Bool {
        normalized.hasPrefix("注") || normalized.hasPrefix("说明") || normalized.hasPrefix("备注")
    }

    /// A row that reads like more header: text only, no codes, numbers, totals or 栏次, not one
    /// label across the whole width (a section heading).
    private func isHeaderLike(_ row: Int, allowed: ClosedRange<Int>) -> Bool {
        var texts = 0
        for c in allowed.lowerBound...min(allowed.upperBound, max(grid.columnCount, 1)) {
            guard let cell = grid.cell(row, c) else { continue }
            guard case .string(let s) = cell.value else { return false }
            let n = LabelNormalizer.normalize(s)
            if n.isEmpty { continue }
            if n.allSatisfy({ $0.isASCIIDigitLike }) || ["栏次", "合计", "总计"].contains(n) || Self.isNoteStart(n) { return false }
            if n.range(of: #"^\d{3,}"#, options: .regularExpression) != nil { return false }
            if let m = merge(at: CellReference(row: row, column: c)), m.columnCount >= 3, m.rowCount == 1 { return false }
            texts += 1
        }
        return texts >= 1
    }

    /// The 栏次 row: "栏次" and whole numbers 1–60 under the columns; the number of each column.
    private func columnNumbers(_ row: Int, columns: [Int]) -> [Int: String]? {
        var numbers: [Int: String] = [:]
        var label = false
        for c in columns.min()!...columns.max()! {
            guard let cell = grid.cell(row, c) else { continue }
            let text: String
            switch cell.value {
            case .number(let t): text = t
            case .string(let s): text = LabelNormalizer.normalize(s)
            default: return nil
            }
            if text.isEmpty { continue }
            if LabelNormalizer.key(text) == "栏次" { label = true; continue }
            guard let n = Int(text), n >= 1, n <= 60 else { return nil }
            numbers[c] = String(n)
        }
        return !numbers.isEmpty && (numbers.count >= 2 || label) ? numbers : nil
    }

    /// Department, year and unit lines, in printed order, with the labels as printed.
    private func readKeyLines(_ table: inout ObservedTable, rows: Range<Int>, allowed: ClosedRange<Int>) {
        guard !rows.isEmpty else { return }
        var seen: [KeyLine] = []
        for r in rows {
            for (column, text) in (grid.textRows[r] ?? []).sorted(by: { $0.column < $1.column }) where allowed.contains(column) {
                var found: [(Int, KeyLine)] = []
                let rawText = raw(r, column) ?? text
                if Self.isCodeText(text) || (text.hasSuffix("表") && text.count <= 10 && text.range(of: #"\d"#, options: .regularExpression) != nil) {
                    if table.code == nil { table.code = rawText }
                    continue
                }
                if let label = KeyLines.departmentLabels.first(where: { text.hasPrefix($0 + ":") }) ?? KeyLines.departmentLabels.first(where: { text.contains($0 + ":") }) {
                    if table.departmentLabel == nil {
                        table.departmentLabel = rawText.components(separatedBy: CharacterSet(charactersIn: ":：")).first.map(Self.clean) ?? label
                    }
                    found.append((text.range(of: label)!.lowerBound.utf16Offset(in: text), .department))
                }
                if let unit = KeyLines.unit(in: text) {
                    if table.unit == nil { table.unit = unit }
                    if table.unitLabel == nil, let range = text.range(of: #"(金额)?单位"#, options: .regularExpression) {
                        table.unitLabel = String(text[range])
                    }
                    found.append((text.range(of: "单位")!.lowerBound.utf16Offset(in: text), .unit))
                }
                if KeyLines.year(in: text) != nil, let range = text.range(of: #"(19|20)\d{2}年"#, options: .regularExpression) {
                    found.append((range.lowerBound.utf16Offset(in: text), .year))
                }
                for (_, line) in found.sorted(by: { $0.0 < $1.0 }) where !seen.contains(line) { seen.append(line) }
            }
        }
        table.keyLines = seen
    }
}
