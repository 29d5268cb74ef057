import Foundation
import SpreadsheetKit

/// Lays out one table of a template set from the mapping file's description and the report's
/// statement: title, code, key lines, the multi-row merged header, 栏次, body rows, notes.
/// Numbers are never invented: a row or value the statement lacks is drawn blank.
struct TableDrawing {
    let layout: TableLayout
    let statement: Statement?
    let report: Report
    let unit: AmountUnit
    /// Said under the table when the source has no data for it (conversion between sets).
    let missingNote: String?

    func plan(sheetName: String) -> SheetPlan {
        let columns = layout.columns
        var plan = SheetPlan(name: sheetName, columnCount: columns.count)
        let last = columns.count
        for (i, column) in columns.enumerated() { plan.widths[i + 1] = column.width ?? 12 }

        // Title, code, key lines.
        plan.merge(CellReference(row: 1, column: 1), CellReference(row: 1, column: last), .string(layout.title), .title)
        plan.put(2, last, .string(layout.code), .code)
        var keyRow = 3
        let department = "\(layout.departmentLabel)：\(report.department ?? "")"
        let unitText = "\(layout.unitLabel)：\(unit.rawValue)"
        let year = report.fiscalYear.map { "\($0)年度" }
        if last >= 3 {
            // Department on the left (merged wide enough for long names), year in the middle, unit on the right.
            let showYear = layout.keyLines.contains(.year) && year != nil
            let yearColumn = last <= 5 ? last - 1 : last / 2 + 1
            let departmentEnd = showYear ? yearColumn - 1 : last - 1
            plan.merge(CellReference(row: keyRow, column: 1), CellReference(row: keyRow, column: max(1, departmentEnd)),
                       .string(department), .keyLineLeft)
            if showYear, let year { plan.put(keyRow, yearColumn, .string(year), .keyLineCenter) }
            plan.put(keyRow, last, .string(unitText), .keyLineRight)
        } else {
            plan.put(keyRow, 1, .string(department), .keyLineLeft)
            keyRow += 1
            plan.put(keyRow, 1, .string([year, unitText].compactMap { $0 }.joined(separator: "  ")), .keyLineLeft)
        }

        // Header: equal neighbouring labels merge across, a path shorter than the depth merges down.
        let headerTop = keyRow + 1
        let depth = layout.headerDepth
        var covered = Set<CellReference>()
        for level in 0..<depth {
            var i = 0
            while i < columns.count {
                let column = columns[i]
                let at = CellReference(row: headerTop + level, column: i + 1)
                guard column.header.count > level, !covered.contains(at) else { i += 1; continue }
                let prefix = Array(column.header[0...level])
                var j = i
                while j + 1 < columns.count, columns[j + 1].header.count > level,
                      Array(columns[j + 1].header[0...level]) == prefix { j += 1 }
                let allLeaves = (i...j).allSatisfy { columns[$0].header.count == level + 1 }
                let bottom = allLeaves ? headerTop + depth - 1 : headerTop + level
                let first = at, lastCell = CellReference(row: bottom, column: j + 1)
                plan.merge(first, lastCell, .string(prefix.last!), .header)
                for r in first.row...lastCell.row { for c in first.column...lastCell.column { covered.insert(CellReference(row: r, column: c)) } }
                i = j + 1
            }
        }
        // Header labels wrap: give each header row room for two lines.
        for r in headerTop..<(headerTop + depth) { plan.heights[r] = 28 }
        var bodyTop = headerTop + depth
        if layout.hasColumnNumbers {
            var offset = 0
            for block in layout.blocks {
                for (k, column) in block.columns.enumerated() {
                    let c = offset + k + 1
                    if let number = column.number {
                        plan.put(bodyTop, c, .string(number), .columnNumber)
                    } else if k == 0 && [.label, .code].contains(column.role) {
                        plan.put(bodyTop, c, .string("栏次"), .columnNumber)
                    } else {
                        plan.put(bodyTop, c, .blank, .columnNumber)
                    }
                }
                offset += block.columns.count
            }
            bodyTop += 1
        }
        plan.repeatedRows = 1...(bodyTop - 1)

        // Body: each block's rows, side by side.
        let blockRows = layout.blocks.map(rows(of:))
        let height = blockRows.map(\.count).max() ?? 0
        var row = bodyTop
        var offset = 0
        var blockOffsets: [String: Int] = [:]
        for block in layout.blocks { blockOffsets[block.id] = offset; offset += block.columns.count }
        for k in 0..<height {
            for (b, block) in layout.blocks.enumerated() {
                let first = blockOffsets[block.id]! + 1
                guard k < blockRows[b].count else {
                    for c in 0..<block.columns.count { plan.put(row, first + c, .blank, .blankCell) }
                    continue
                }
                draw(blockRows[b][k], block: block, firstColumn: first, row: row, into: &plan, lastColumn: last)
            }
            row += 1
        }
        for summary in layout.summaryRows {
            for c in 1...last { plan.put(row, c, .blank, .blankCell) }
            if let labelColumn = column(summary.labelAt, offsets: blockOffsets),
               let valueColumn = column(summary.valueAt, offsets: blockOffsets) {
                plan.put(row, labelColumn, .string(summary.label), .label)
                let value = statement?.row(summary.id)?.values["amount"]
                if let cell = value?.cell { plan.drawnFrom[cell] = CellReference(row: row, column: valueColumn) }
                plan.put(row, valueColumn, amountContent(value, isCount: false), value?.amount == nil ? .blankCell : .amount)
            }
            row += 1
        }
        plan.gridRows = headerTop...max(headerTop, row - 1)

        // What the statement holds that this layout has no row for.
        var drawn = Set(layout.summaryRows.map(\.id))
        for rows in blockRows {
            for body in rows {
                switch body {
                case .item(let item): if let key = item.rowKey { drawn.insert(key) }
                case .total(let total): drawn.insert(total.id)
                case .code(let row): drawn.insert(row.key)
                case .single(let id): drawn.insert(id)
                }
            }
        }
        plan.undrawn = (statement?.rows ?? []).filter { row in
            !drawn.contains(row.key) && row.values.values.contains { ($0.amount ?? .zero) != .zero }
        }

        // Notes, and what is missing.
        var notes = layout.notes
        if statement == nil || isEmpty(statement!) { notes.append(layout.emptyNote ?? "说明：本表无数据") }
        if let missingNote, statement == nil { notes.append(missingNote) }
        let tableWidth = plan.widths.values.reduce(0, +)
        for note in notes {
            // A merged cell does not grow with its text: size the row for the lines the note needs.
            let needed = Double(note.unicodeScalars.reduce(0) { $0 + ($1.value > 0x2E80 ? 2 : 1) })
            plan.heights[row] = max(1, (needed / max(tableWidth, 10)).rounded(.up)) * 13
            plan.merge(CellReference(row: row, column: 1), CellReference(row: row, column: last), .string(note), .note)
            row += 1
        }
        return plan
    }

    // MARK: Rows of a block

    private enum BodyRow {
        case item(RowItem)
        case total(TotalRow)
        case code(StatementRow)
        case single(String)
    }

    private func rows(of block: Block) -> [BodyRow] {
        var result: [BodyRow] = []
        switch block.rows.key {
        case .line:
            result = block.rows.items.map { .item($0) }
        case .code:
            if let total = block.rows.total { result.append(.total(total)) }
            if !block.rows.items.isEmpty {
                result += block.rows.items.map { .item($0) }
            } else {
                // Classification rows of the data, 类/款/项 depth first: codes sort so by their digits.
                let codes = (statement?.rows ?? []).filter { $0.code != nil && rowBelongs($0, to: block) }
                result += codes.sorted { $0.code! < $1.code! }.map { .code($0) }
            }
        case .single:
            result = [.single(block.rows.singleID ?? "data")]
        }
        return result
    }

    /// Code rows of a statement belong to the block whose fixed items list them (or the only code block).
    private func rowBelongs(_ row: StatementRow, to block: Block) -> Bool {
        let codeBlocks = layout.blocks.filter { $0.rows.key == .code }
        return codeBlocks.count == 1 || block.rows.items.contains { $0.code == row.code }
    }

    private func draw(_ body: BodyRow, block: Block, firstColumn: Int, row: Int, into plan: inout SheetPlan, lastColumn: Int) {
        func put(_ role: Column.Role, _ content: CellContent, _ style: SheetPlan.Style) {
            if let k = block.columns.firstIndex(where: { $0.role == role }) { plan.put(row, firstColumn + k, content, style) }
        }
        for (k, _) in block.columns.enumerated() { plan.put(row, firstColumn + k, .blank, .blankCell) }
        switch body {
        case .item(let item):
            switch item.kind {
            case .heading(let text):
                plan.merge(CellReference(row: row, column: firstColumn),
                           CellReference(row: row, column: firstColumn + block.columns.count - 1), .string(text), .label)
                return
            case .literal(let texts):
                for (k, text) in texts.enumerated() where k < block.columns.count {
                    plan.put(row, firstColumn + k, text.isEmpty ? .blank : .string(text), .header)
                }
                return
            case .data:
                break
            }
            if let label = item.label { put(.label, .string(label), .label); put(.name, .string(label), .label) }
            if let code = item.code { put(.code, .string(code), .label) }
            if let line = item.line { put(.line, .number(Double(line)), .centered) }
            let stated = item.rowKey.flatMap { statement?.row($0) }
            if let cell = stated?.cell, let k = block.columns.firstIndex(where: { [.label, .code, .name].contains($0.role) }) {
                plan.drawnFrom[cell] = CellReference(row: row, column: firstColumn + k)
            }
            values(stated, block: block, firstColumn: firstColumn, row: row, item: item, into: &plan)
        case .total(let total):
            put(.code, .string(total.label), .centered)
            if let line = total.line { put(.line, .number(Double(line)), .centered) }
            values(statement?.row(total.id), block: block, firstColumn: firstColumn, row: row, item: nil, into: &plan)
        case .code(let stated):
            if let cell = stated.cell, let k = block.columns.firstIndex(where: { $0.role == .code }) {
                plan.drawnFrom[cell] = CellReference(row: row, column: firstColumn + k)
            }
            put(.code, .string(stated.code ?? stated.key), .label)
            put(.name, .string(stated.label ?? ""), .label)
            put(.label, .string(stated.label ?? ""), .label)
            if let line = stated.line { put(.line, .number(Double(line)), .centered) }
            values(stated, block: block, firstColumn: firstColumn, row: row, item: nil, into: &plan)
        case .single(let id):
            values(statement?.row(id), block: block, firstColumn: firstColumn, row: row, item: nil, into: &plan)
        }
    }

    private func values(_ stated: StatementRow?, block: Block, firstColumn: Int, row: Int, item: RowItem?,
                        into plan: inout SheetPlan) {
        for (k, column) in block.columns.enumerated() where column.role == .amount || column.role == .count {
            guard let measure = column.measure else { continue }
            let value = stated?.values[measure]
            if let cell = value?.cell { plan.drawnFrom[cell] = CellReference(row: row, column: firstColumn + k) }
            let isCount = column.role == .count || item?.isCount == true
            if item?.notApplicable.contains(measure) == true && value?.amount == nil {
                plan.put(row, firstColumn + k, .string("——"), .notApplicable)
            } else if value?.amount == nil && value?.notApplicable == true {
                plan.put(row, firstColumn + k, .string("——"), .notApplicable)
            } else {
                let content = amountContent(value, isCount: isCount)
                plan.put(row, firstColumn + k, content, content == .blank ? .blankCell : (isCount ? .count : .amount))
            }
        }
    }

    /// An amount in the output unit (万元: rounded to 2 places, half up); zero is drawn blank, as published.
    private func amountContent(_ value: StatedValue?, isCount: Bool) -> CellContent {
        guard let amount = value?.amount, amount != .zero else { return .blank }
        if isCount || value?.isCount == true { return .decimal(amount.value) }
        let shown = unit == .yuan ? amount.rounded(2) : Self.expressed(amount, in: unit).rounded(2)
        return shown == .zero ? .blank : .decimal(shown.value)
    }

    /// ``Amount/expressed(in:)`` for units that are powers of ten (元, 万元): the exact quotient by
    /// moving the exponent, where `Decimal` division (long division on its 16-bit words) showed in profiles.
    static func expressed(_ amount: Amount, in unit: AmountUnit) -> Amount {
        let value = amount.value
        let shift: Int
        switch unit.yuanPerUnit {
        case 1: return amount
        case 10_000: shift = 4
        default: return amount.expressed(in: unit)
        }
        guard value.isFinite, value.exponent - shift >= -128 else { return amount.expressed(in: unit) }
        return Amount(Decimal(sign: value.sign, exponent: value.exponent - shift, significand: value.significand))
    }

    private func column(_ position: SummaryRow.Position, offsets: [String: Int]) -> Int? {
        guard let block = layout.blocks.first(where: { $0.id == position.block }),
              let k = block.columns.firstIndex(where: {
                  (position.role == nil || $0.role == position.role) && (position.measure == nil || $0.measure == position.measure)
              }) else { return nil }
        return offsets[block.id]! + k + 1
    }

    private func isEmpty(_ statement: Statement) -> Bool {
        statement.rows.allSatisfy { row in row.values.values.allSatisfy { ($0.amount ?? .zero) == .zero } }
    }
}
