import Foundation
import SpreadsheetKit

/// Reading the indicator tables with weights and scores (`kind: index`) and the 年度主要任务 list,
/// by the anchors of the style's mapping file, never by absolute positions.
extension FormReader {
    // MARK: index tables

    mutating func readIndex(_ span: FormSpan, _ style: FormMapping) -> IndexForm? {
        guard let spec = style.index, let anchor = span.find(spec.anchor) else { return nil }
        let grid = span.grid
        let headerRows = max(1, spec.header_rows ?? 1)
        let headerBottom = anchor.row + headerRows - 1
        let (columns, headerEnd) = span.headerColumns(spec.columns, rows: anchor.row...headerBottom)
        var lastHeaderRow = headerEnd
        // the grading scale: the factors printed in the header rows under its header, left to right
        var scale: [SourcedNumber] = []
        var scaleColumns: [(factor: Amount, column: Int)] = []
        if let scaleSpec = spec.scale,
           let hit = span.find(labels: [scaleSpec.header] + (scaleSpec.also ?? []), match: scaleSpec.match, rows: anchor.row...headerBottom) {
            let range = grid.mergeRange(hit.row, hit.column)
            for row in (range.last.row + 1)...max(range.last.row + 1, headerBottom) where scale.isEmpty {
                var column = hit.column
                while let number = factor(grid, row, column) {
                    scale.append(number)
                    scaleColumns.append((number.value, column))
                    column += 1
                }
                if !scale.isEmpty { lastHeaderRow = max(lastHeaderRow, row) }
            }
        }
        let anchorKeys = ([spec.anchor.label ?? ""] + (spec.anchor.also ?? [])).filter { !$0.isEmpty }.map(FormSpan.key)
        let totalLabels = style.total.map { [$0.label] + ($0.also ?? []) } ?? []
        let kinds = Dictionary(spec.columns.map { ($0.id, $0.kind ?? "text") }, uniquingKeysWith: { a, _ in a })
        let levelIDs = spec.levels

        var rows: [IndexRow] = []
        var total = IndexTotal()
        var current: [String: SourcedText] = [:]
        var row = lastHeaderRow + 1
        while row <= span.bottom {
            let texts = grid.texts(in: row)
            if texts.isEmpty { row += 1; continue }
            // the header printed again after a page break
            if texts.contains(where: { anchorKeys.contains(FormSpan.key($0.text)) }) {
                row += headerRows
                continue
            }
            if let label = texts.first(where: { item in totalLabels.contains { FormSpan.key(item.text) == FormSpan.key($0) } }) {
                total = readIndexTotal(span, row: row, labelColumn: label.column, columns: columns, style: style)
                row += 1
                continue
            }
            // hierarchy labels: a blank continues the label above, a new outer label starts its inner ones afresh
            var changed = false
            for id in levelIDs {
                guard let column = columns[id] else { continue }
                let range = grid.mergeRange(row, column)
                if range.first.column != column {
                    // inside a label spanning several level columns (违规记录 over 分层指标 … 二级指标)
                    current[id] = nil
                    changed = true
                } else if range.first.row != row {
                    // merged down from above: the same label
                } else if let text = grid.rawText(row, column) ?? grid.printedIfNumberOptional(row, column) {
                    current[id] = SourcedText(text: text, cell: grid.location(row, column))
                    changed = true
                } else if changed {
                    current[id] = nil
                }
            }
            var labels = current
            var marks: [String: SourcedText] = [:]
            var weight: SourcedNumber?
            var score: SourcedNumber?
            for column in spec.columns where !levelIDs.contains(column.id) {
                guard let c = columns[column.id], grid.isTopLeft(row, c) else { continue }
                switch kinds[column.id] ?? "text" {
                case "number", "percent":
                    let number = readNumber(grid, row, c, percent: kinds[column.id] == "percent")
                    if column.id == "weight" { weight = number } else if column.id == "score" { score = number }
                case "mark":
                    if let text = grid.rawText(row, c) { marks[column.id] = SourcedText(text: text, cell: grid.location(row, c)) }
                default:
                    if let text = grid.rawText(row, c) ?? grid.printedIfNumberOptional(row, c) {
                        labels[column.id] = SourcedText(text: text, cell: grid.location(row, c))
                    }
                }
            }
            // the scale: one formula across its columns, or a level under each factor
            var formula: SourcedText?
            var levels: [IndexLevel]?
            if let first = scaleColumns.first {
                let spanned = grid.mergeRange(row, first.column).last.column >= (scaleColumns.last?.column ?? first.column)
                let printed = scaleColumns.compactMap { item -> IndexLevel? in
                    guard grid.isTopLeft(row, item.column),
                          let text = grid.rawText(row, item.column) ?? grid.printedIfNumberOptional(row, item.column) else { return nil }
                    return IndexLevel(factor: item.factor, text: text, cell: grid.location(row, item.column))
                }
                if printed.count == 1 && (spanned || printed[0].factor == first.factor) {
                    formula = SourcedText(text: printed[0].text, cell: printed[0].cell)
                } else if !printed.isEmpty {
                    levels = printed
                }
            }
            let counted = !(style.rules?.unscored ?? []).contains { match in
                FormSpan.matches(labels[match.column]?.text ?? "", labels: [match.label], match: match.match)
            }
            let first = columns.values.min() ?? 1
            rows.append(IndexRow(labels: labels, marks: marks, formula: formula, levels: levels, weight: weight, score: score,
                                 counted: counted, cell: grid.location(row, first)))
            row += 1
        }
        let title = grid.rawText(span.top, span.titleColumn) ?? style.title
        var project = ""
        if let pattern = style.project_from_title, let regex = try? NSRegularExpression(pattern: pattern),
           let match = regex.firstMatch(in: title, range: NSRange(title.startIndex..., in: title)), match.numberOfRanges > 1,
           let range = Range(match.range(at: 1), in: title) {
            project = title[range].trimmingCharacters(in: .whitespaces)
        }
        return IndexForm(style: style.style, title: title, sheet: grid.name, cell: grid.location(span.top, span.titleColumn),
                         project: project, scale: scale.isEmpty ? nil : scale, rows: rows, total: total,
                         evaluation: IndexEvaluation(rows: rows, total: total, style: style))
    }

    /// A scale factor of the header (0, 0.3 … 1): a number, or a number typed as text.
    func factor(_ grid: FormGrid, _ row: Int, _ column: Int) -> SourcedNumber? {
        let location = grid.location(row, column)
        switch grid.cell(row, column)?.value {
        case .number(let text)?:
            return Amount.fromCellNumber(text).map { SourcedNumber(value: $0, printed: grid.printed(row, column), cell: location) }
        case .string(let raw)?:
            return Amount(LabelNormalizer.normalize(raw)).map { SourcedNumber(value: $0, printed: raw, cell: location) }
        default:
            return nil
        }
    }

    mutating func readIndexTotal(_ span: FormSpan, row: Int, labelColumn: Int, columns: [String: Int], style: FormMapping) -> IndexTotal {
        let grid = span.grid
        var total = IndexTotal(cell: grid.location(row, labelColumn))
        let weightColumn = style.total?.weight_at.flatMap { columns[$0] }
        let scoreColumn = style.total?.score_at.flatMap { columns[$0] }
        if let c = weightColumn, grid.isTopLeft(row, c) { total.weight = readNumber(grid, row, c, percent: false) }
        if let c = scoreColumn, grid.isTopLeft(row, c) { total.score = readNumber(grid, row, c, percent: false) }
        let grades = Set(style.gradeBands.map(\.grade))
        let labelRange = grid.mergeRange(row, labelColumn)
        for (c, text) in grid.texts(in: row) where !labelRange.contains(CellReference(row: row, column: c)) && c != weightColumn && c != scoreColumn {
            if grades.contains(text) {
                total.grade = SourcedText(text: text, cell: grid.location(row, c))
            } else if total.note == nil, let raw = grid.rawText(row, c) {
                total.note = SourcedText(text: raw, cell: grid.location(row, c))
            }
        }
        return total
    }

    // MARK: 年度主要任务

    /// The rows under the task header (任务名称 | 主要内容) until a row that starts another part of
    /// the form (the indicator header, or a new label in the anchor's column).
    mutating func readTasks(_ span: FormSpan, _ spec: FormMapping.Tasks, stopAt: FormMapping.Label?) -> [FormTask]? {
        let grid = span.grid
        guard let anchor = span.find(spec.anchor) else { return nil }
        let (columns, headerRow) = span.headerColumns(spec.columns, rows: anchor.row...(anchor.row + 1))
        guard let nameColumn = columns["name"] else { return nil }
        let anchorRange = grid.mergeRange(anchor.row, anchor.column)
        let stopKeys = stopAt.map { ([$0.label ?? ""] + ($0.also ?? [])).filter { !$0.isEmpty }.map(FormSpan.key) } ?? []
        var tasks: [FormTask] = []
        var row = headerRow + 1
        while row <= span.bottom {
            if grid.texts(in: row).contains(where: { stopKeys.contains(FormSpan.key($0.text)) }) { break }
            // a new label in the anchor's column (年度绩效指标) starts the next part
            if !anchorRange.contains(CellReference(row: row, column: anchor.column)), grid.rawText(row, anchor.column) != nil { break }
            guard grid.isTopLeft(row, nameColumn), let name = grid.rawText(row, nameColumn) else { break }
            let content = columns["content"].flatMap { c -> SourcedText? in
                grid.rawText(row, c).map { SourcedText(text: $0, cell: grid.location(row, c)) }
            }
            tasks.append(FormTask(name: SourcedText(text: name, cell: grid.location(row, nameColumn)), content: content))
            row += 1
        }
        return tasks
    }
}
