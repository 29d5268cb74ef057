import Foundation
import SpreadsheetKit

/// Reads one located table into a ``Statement``: rows keyed by code, 行次 or as the single data
/// row, amounts converted exactly to 元, every value with its cell. What cannot be mapped is
/// reported as an ``ImportIssue`` naming the cell, never guessed.
struct StatementReader {
    let grid: SheetGrid
    let table: LocatedTable
    let unit: AmountUnit
    let unitStated: Bool
    private(set) var issues: [ImportIssue] = []

    init(grid: SheetGrid, table: LocatedTable, unit: AmountUnit, unitStated: Bool) {
        self.grid = grid
        self.table = table
        self.unit = unit
        self.unitStated = unitStated
    }

    private var layout: TableLayout { table.layout }

    private mutating func issue(_ severity: ImportIssue.Severity, _ row: Int?, _ column: Int?, _ message: String) {
        let location = row.flatMap { r in column.map { grid.location(r, $0) } }
        issues.append(ImportIssue(severity, table: layout.id, location: location, message))
    }

    mutating func read() -> Statement {
        var rows: [StatementRow] = []
        var seen: [String: Int] = [:]
        let summaryLabels = Set(layout.summaryRows.map { LabelNormalizer.key($0.label) })
        // Rows that carry a summary label anywhere (06's footer spans blocks) are not block rows.
        let summaryRowNumbers = table.dataStart <= table.dataEnd ? Set((table.dataStart...table.dataEnd).filter { r in
            (table.firstColumn...table.lastColumn).contains { grid.key(r, $0).map { summaryLabels.contains($0) } ?? false }
        }) : []
        var columnOffset = 0
        for block in layout.blocks {
            let sheetColumns = Array(table.columnMap[columnOffset..<(columnOffset + block.columns.count)])
            columnOffset += block.columns.count
            for row in readBlock(block, sheetColumns, skipping: summaryRowNumbers) {
                if let previous = seen[row.key] {
                    issue(.warning, row.line, nil, "行“\(row.key)”重复出现，只取第一次（第 \(previous) 行）/ row '\(row.key)' appears twice; the first (row \(previous)) is kept")
                    continue
                }
                seen[row.key] = rows.count + 1
                rows.append(row)
            }
        }
        rows.append(contentsOf: readSummaryRows())
        let range = CellRange(first: CellReference(row: table.titleRow, column: table.firstColumn),
                              last: CellReference(row: max(table.dataEnd, table.titleRow), column: table.lastColumn))
        return Statement(kind: layout.statement,
                         table: TableReference(set: layout.set, table: layout.table, code: layout.code, title: layout.title),
                         sheet: grid.name, range: range.a1, sourceUnit: unit, unitStated: unitStated,
                         precision: precision(of: rows), rows: rows)
    }

    // MARK: Blocks

    private mutating func readBlock(_ block: Block, _ columns: [Int], skipping summaryRows: Set<Int>) -> [StatementRow] {
        func column(_ role: Column.Role) -> Int? {
            block.columns.firstIndex { $0.role == role }.map { columns[$0] }
        }
        let codeColumn = column(.code), nameColumn = column(.name), labelColumn = column(.label), lineColumn = column(.line)
        let valueColumns = block.columns.enumerated().compactMap { i, c -> (Column, Int)? in
            (c.role == .amount || c.role == .count) ? (c, columns[i]) : nil
        }
        guard table.dataStart <= table.dataEnd else { return [] }
        let totalKey = block.rows.total.map { LabelNormalizer.key($0.label) }
        // The fixed rows by code and by 行次 (the first of each wins, as a search in printed order would).
        let itemsByCode = Dictionary(block.rows.items.compactMap { item in item.code.map { ($0, item) } }, uniquingKeysWith: { first, _ in first })
        let itemsByLine = Dictionary(block.rows.items.compactMap { item in item.line.map { ($0, item) } }, uniquingKeysWith: { first, _ in first })
        var result: [StatementRow] = []
        for r in table.dataStart...table.dataEnd where !summaryRows.contains(r) {
            let hasValues = valueColumns.contains { grid.cell(r, $0.1) != nil }
            switch block.rows.key {
            case .code:
                let (code, inlineName) = codeText(codeColumn.flatMap { grid.cell(r, $0) })
                var name = inlineName, nameCell: String?
                if let nameColumn, grid.text(r, nameColumn) != nil {
                    name = rawText(r, nameColumn)
                    nameCell = grid.location(r, nameColumn)
                }
                if let code {
                    let item = itemsByCode[code]
                    checkCode(code, kind: block.rows.codeKind, row: r, column: codeColumn!)
                    if !block.rows.items.isEmpty && item == nil {
                        issue(.warning, r, codeColumn, "科目代码 \(code) 不在本表的固定行中 / code \(code) is not one of this form's rows")
                    }
                    var stated = row(key: code, code: code, label: name, line: lineNumber(r, lineColumn),
                                     labelCell: (r, codeColumn!), values: values(r, valueColumns, item: item))
                    stated.nameCell = nameCell
                    result.append(stated)
                } else {
                    let labels = [codeColumn, nameColumn, labelColumn].compactMap { $0.flatMap { grid.key(r, $0) } }
                    if let total = block.rows.total, let totalKey, labels.contains(totalKey) {
                        result.append(row(key: total.id, code: nil, label: total.label, line: lineNumber(r, lineColumn),
                                          labelCell: (r, codeColumn!), values: values(r, valueColumns, item: nil)))
                    } else if !hasValues {
                        continue
                    } else {
                        let c = codeColumn!
                        let found = grid.cell(r, c).map { $0.value.dumpText } ?? ""
                        issue(.error, r, c, "该行有金额但没有可识别的科目代码（“\(found)”）/ the row has amounts but no recognisable code ('\(found)')")
                    }
                }
            case .line:
                guard let lineColumn, let line = lineNumber(r, lineColumn) else {
                    if hasValues, valueColumns.contains(where: { if case .amount = AmountCell.read(grid.cell(r, $0.1)) { return true }; return false }) {
                        issue(.warning, r, lineColumn, "该行有金额但没有行次，已忽略 / the row has amounts but no 行次; ignored")
                    }
                    continue
                }
                guard let item = itemsByLine[line], case .data = item.kind,
                      let key = item.rowKey else {
                    if hasValues { issue(.warning, r, lineColumn, "行次 \(line) 不在本表中，已忽略 / 行次 \(line) is not a row of this form; ignored") }
                    continue
                }
                let printed = labelColumn.flatMap { grid.text(r, $0) }
                if let expected = item.label, printed != nil, labelColumn.flatMap({ grid.key(r, $0) }) != LabelNormalizer.key(expected) {
                    issue(.warning, r, labelColumn, "行次 \(line) 的项目应为“\(expected)”，表中为“\(rawText(r, labelColumn!))” / line \(line) should read '\(expected)'")
                }
                result.append(row(key: key, code: item.code, label: item.label ?? printed, line: line,
                                  labelCell: (r, labelColumn ?? lineColumn), values: values(r, valueColumns, item: item)))
            case .single:
                guard hasValues else { continue }
                result.append(row(key: block.rows.singleID ?? "data", code: nil, label: nil, line: nil,
                                  labelCell: (r, valueColumns.first?.1 ?? columns[0]), values: values(r, valueColumns, item: nil)))
                return result
            }
        }
        return result
    }

    private func row(key: String, code: String?, label: String?, line: Int?, labelCell: (Int, Int),
                     values: [String: StatedValue]) -> StatementRow {
        StatementRow(key: key, code: code, label: label, line: line, cell: grid.location(labelCell.0, labelCell.1), values: values)
    }

    private func rawText(_ row: Int, _ column: Int) -> String {
        guard case .string(let s)? = grid.cell(row, column)?.value else { return "" }
        // Most labels have nothing to trim: skip Foundation's trimming for them.
        guard let first = s.unicodeScalars.first, let last = s.unicodeScalars.last,
              first.properties.isWhitespace || last.properties.isWhitespace else { return s }
        return s.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A code as digits: from a number cell (`2010101`), text (`"2010101"`), or text that carries
    /// the name too (`"2010101 行政运行"`, then the name comes back as well).
    private func codeText(_ cell: Cell?) -> (String?, String?) {
        guard let cell else { return (nil, nil) }
        switch cell.value {
        case .number(let t):
            guard let a = CellNumber.fromCellNumber(t), a.value >= 0, a.rounded(0) == a else { return (nil, nil) }
            return (a.description, nil)
        case .string(let s):
            let n = LabelNormalizer.normalize(s)
            let digits = n.prefix { $0.isASCIIDigitLike }
            guard digits.count >= 3 else { return (nil, nil) }
            let rest = n.dropFirst(digits.count)
            if rest.isEmpty { return (String(digits), nil) }
            // Code and name in one cell: the name is the rest, trimmed of separators.
            let name = s.trimmingCharacters(in: .whitespaces).drop { $0.isASCIIDigitLike || $0 == " " || $0 == "　" }
            return (String(digits), name.isEmpty ? nil : String(name).trimmingCharacters(in: .whitespaces))
        default:
            return (nil, nil)
        }
    }

    private mutating func checkCode(_ code: String, kind: RowRule.CodeKind?, row: Int, column: Int) {
        let allowed: Set<Int>
        switch kind {
        case .function?: allowed = [3, 5, 7]
        case .economic?: allowed = [3, 5, 6]
        case nil: return
        }
        if !allowed.contains(code.count) {
            issue(.warning, row, column, "科目代码 \(code) 的位数不符合\(kind == .function ? "功能分类（3/5/7 位）" : "经济分类（3/5 位）") / code \(code) has an unexpected length")
        }
    }

    private func lineNumber(_ row: Int, _ column: Int?) -> Int? {
        guard let column, let cell = grid.cell(row, column) else { return nil }
        switch cell.value {
        case .number(let t): return CellNumber.fromCellNumber(t).flatMap { $0.rounded(0) == $0 ? Int($0.description) : nil }
        case .string(let s): return Int(LabelNormalizer.normalize(s))
        default: return nil
        }
    }

    private mutating func values(_ row: Int, _ columns: [(Column, Int)], item: RowItem?) -> [String: StatedValue] {
        var result: [String: StatedValue] = [:]
        for (column, sheetColumn) in columns {
            guard let measure = column.measure else { continue }
            let isCount = column.role == .count || item?.isCount == true
            let markedNA = item?.notApplicable.contains(measure) == true
            let location = grid.location(row, sheetColumn)
            switch AmountCell.read(grid.cell(row, sheetColumn)) {
            case .blank:
                continue
            case .notApplicable:
                result[measure] = StatedValue(amount: nil, notApplicable: true, cell: location)
            case .amount(let a):
                let amount = isCount ? a : a.converted(from: unit)
                result[measure] = StatedValue(amount: amount, isCount: isCount ? true : nil,
                                              notApplicable: markedNA ? true : nil, cell: location)
            case .invalid(let text):
                issue(.error, row, sheetColumn, "此处应为金额，实为“\(text)” / an amount belongs here, found '\(text)'")
            case .formulaWithoutValue(let formula):
                issue(.error, row, sheetColumn, "公式 =\(formula) 没有计算结果（请在 Excel 中打开并保存）/ formula =\(formula) has no cached value (open and save the file in Excel)")
            }
        }
        return result
    }

    // MARK: Summary rows (06's 人员经费合计 / 公用经费合计)

    private mutating func readSummaryRows() -> [StatementRow] {
        var result: [StatementRow] = []
        guard table.dataStart <= table.dataEnd else { return [] }
        for summary in layout.summaryRows {
            guard let labelColumn = sheetColumn(summary.labelAt), let valueColumn = sheetColumn(summary.valueAt) else { continue }
            let wanted = LabelNormalizer.key(summary.label)
            for r in table.dataStart...table.dataEnd {
                // The label may sit in any cell from the block's start to the value (merged spans vary).
                let hit = (min(labelColumn, valueColumn)...max(labelColumn, valueColumn)).first {
                    grid.key(r, $0) == wanted
                } ?? (1...max(1, valueColumn)).first { grid.key(r, $0) == wanted }
                guard let labelAt = hit else { continue }
                let column = Column(header: [summary.label], also: [], role: .amount, measure: "amount", number: nil, width: nil)
                let values = self.values(r, [(column, valueColumn)], item: nil)
                result.append(row(key: summary.id, code: nil, label: summary.label, line: nil, labelCell: (r, labelAt), values: values))
                break
            }
        }
        return result
    }

    private func sheetColumn(_ position: SummaryRow.Position) -> Int? {
        var offset = 0
        for block in layout.blocks {
            if block.id == position.block {
                guard let i = block.columns.firstIndex(where: {
                    (position.role == nil || $0.role == position.role) && (position.measure == nil || $0.measure == position.measure)
                }) else { return nil }
                return table.columnMap[offset + i]
            }
            offset += block.columns.count
        }
        return nil
    }

    // MARK: Precision

    /// The coarsest rounding all amounts share (conventions §4): 0.01 万元 = 100 元 for tables
    /// published in 万元, and for 元 tables whose amounts are all whole hundreds; else 0.01 元.
    private func precision(of rows: [StatementRow]) -> Amount {
        if unit == .wanYuan { return Amount(100) }
        let amounts = rows.flatMap { $0.values.values }.filter { $0.isCount != true }.compactMap(\.amount)
        let allHundreds = !amounts.isEmpty && amounts.allSatisfy { a in
            let q = Amount(a.value / 100)
            return q.rounded(0) == q
        }
        return allHundreds ? Amount(100) : Amount(Decimal(string: "0.01")!)
    }
}
