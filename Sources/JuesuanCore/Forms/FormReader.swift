import Foundation
import SpreadsheetKit

/// Why a workbook holds no form of a known style.
public enum FormReadError: Error, LocalizedError, Sendable {
    case noForms(file: String, styles: [String])
    case noFormMappings

    public var errorDescription: String? {
        switch self {
        case .noForms(let file, let styles):
            return "在 \(file) 中没有找到决算表或绩效自评表（已按 \(styles.joined(separator: "、")) 的标题查找）/ no disclosure table or self-evaluation form found in \(file) (searched for the titles of \(styles.joined(separator: ", ")))"
        case .noFormMappings:
            return "没有找到绩效自评表的映射文件（Mappings/forms/）/ no form mapping files found (Mappings/forms/)"
        }
    }
}

/// A problem met while reading a form (an amount cell holding text, a missing label).
public struct FormIssue: Sendable, Equatable, CustomStringConvertible {
    public var cell: String
    public var message: String
    public var description: String { "\(cell)：\(message)" }
}

/// Finds every 绩效自评表 and 汇总表 in a workbook — many per sheet or one per sheet, in order — by
/// the anchors of the style mapping files (title, labels, header labels), never by absolute positions.
///
/// ```swift
/// let catalog = try MappingCatalog.load(folders: ["Mappings"])
/// let document = try FormReader(catalog: catalog).read(at: "自评表.xlsx")
/// ```
public struct FormReader {
    public let styles: [FormMapping]
    /// Problems met in the last read (text where an amount belongs …).
    public internal(set) var issues: [FormIssue] = []

    public init(catalog: MappingCatalog) { styles = catalog.forms }
    public init(styles: [FormMapping]) { self.styles = styles }

    public func read(at path: String) throws -> FormsDocument {
        var reader = self
        return try reader.read(Workbook(path: path))
    }

    /// Reads a workbook file, keeping the problems met in ``issues``.
    public mutating func readFile(_ path: String) throws -> FormsDocument {
        try read(Workbook(path: path))
    }

    public mutating func read(_ workbook: Workbook) throws -> FormsDocument {
        guard !styles.isEmpty else { throw FormReadError.noFormMappings }
        issues = []
        var document = FormsDocument(source: workbook.fileName)
        for sheet in workbook.sheets where sheet.kind == .worksheet {
            let grid = FormGrid(try workbook.worksheet(sheet))
            // every title cell of any style, top to bottom
            var titles: [(row: Int, column: Int, style: [FormMapping])] = []
            for row in grid.rowsWithText {
                for (column, text) in grid.texts(in: row) {
                    let matching = styles.filter { style in
                        ([style.title] + (style.also_titles ?? [])).contains { text.contains(LabelNormalizer.normalize($0)) }
                    }
                    // a title is a short line, not a sentence that mentions one
                    if !matching.isEmpty && text.count <= 60 { titles.append((row, column, matching)) }
                }
            }
            for (index, title) in titles.enumerated() {
                let end = index + 1 < titles.count ? titles[index + 1].row - 1 : grid.maxRow
                let span = FormSpan(grid: grid, top: title.row, bottom: end, titleColumn: title.column)
                // among styles whose title matches, the one whose labels are found best
                guard let style = title.style.max(by: { span.score($0) < span.score($1) }) else { continue }
                if style.kind == "summary" {
                    if let summary = readSummary(span, style) { document.summaries.append(summary) }
                } else if style.kind == "index" {
                    if let index = readIndex(span, style) { document.indexForms = (document.indexForms ?? []) + [index] }
                } else if let form = readForm(span, style), !(form.project.isEmpty && form.funds.isEmpty && form.indicators.isEmpty) {
                    // a sentence that names a form ("附表：…自评表") is not a form
                    document.forms.append(form)
                }
            }
        }
        if document.forms.isEmpty && document.summaries.isEmpty && (document.indexForms ?? []).isEmpty {
            throw FormReadError.noForms(file: workbook.fileName, styles: styles.map(\.style))
        }
        return document
    }

    // MARK: project forms

    mutating func readForm(_ span: FormSpan, _ style: FormMapping) -> PerformanceForm? {
        let grid = span.grid
        let unit = span.unit(default: AmountUnit(text: style.unit) ?? .wanYuan)
        var form = PerformanceForm(style: style.style, title: grid.text(span.top, span.titleColumn) ?? style.title,
                                   sheet: grid.name, cell: grid.location(span.top, span.titleColumn), unit: unit,
                                   project: "", fields: [], funds: [], goalTarget: nil, goalActual: nil, goalRate: nil,
                                   indicators: [], total: FormTotal(), texts: [])
        for field in style.fields ?? [] {
            if let value = span.value(of: field) { form.fields.append(value) }
        }
        form.project = form.fields.first { $0.id == "project" }?.text ?? ""
        for goal in style.goals ?? [] {
            let text = span.value(of: goal)?.text
            switch goal.id {
            case "target": form.goalTarget = text
            case "actual": form.goalActual = text
            case "rate": form.goalRate = text
            default: break
            }
        }
        if let money = style.money { form.funds = readMoney(span, money, unit: unit) }
        if let tasks = style.tasks { form.tasks = readTasks(span, tasks, stopAt: style.indicators?.anchor) }
        var totalRow: Int?
        if let indicators = style.indicators {
            (form.indicators, totalRow) = readIndicators(span, indicators, total: style.total)
            if let totalRow { form.total = readTotal(span, row: totalRow, indicators: indicators, style: style) }
        }
        for text in style.texts ?? [] {
            // the texts follow the total line; a few (项目实施内容及过程概述) sit above the grids
            if let value = span.value(of: text, after: totalRow) ?? span.value(of: text) { form.texts.append(value) }
        }
        return form
    }

    mutating func readMoney(_ span: FormSpan, _ money: FormMapping.Money, unit: AmountUnit) -> [FundRow] {
        let grid = span.grid
        guard let anchor = span.find(money.anchor) else { return [] }
        let headerBottom = anchor.row + max(0, (money.header_rows ?? 2) - 1)
        var columns: [(FormMapping.Column, Int)] = []
        var lastHeaderRow = anchor.row
        for column in money.columns {
            let labels = [column.header] + (column.also ?? [])
            guard let hit = span.find(labels: labels, match: column.match, rows: anchor.row...headerBottom) else { continue }
            let range = grid.mergeRange(hit.row, hit.column)
            let col = money.value_at == "last" ? range.last.column : hit.column
            columns.append((column, col))
            lastHeaderRow = max(lastHeaderRow, range.last.row)
        }
        guard let firstValueColumn = columns.map(\.1).min() else { return [] }
        var rows: [FundRow] = []
        var row = lastHeaderRow + 1
        while row <= span.bottom {
            var matched: (id: String, labelColumn: Int)?
            if let single = money.single_row {
                guard rows.isEmpty else { break }
                matched = (single, firstValueColumn)
            }
            for column in 1..<max(1, firstValueColumn) where matched == nil {
                guard let text = grid.text(row, column), grid.isTopLeft(row, column) else { continue }
                if let fund = money.rows.first(where: { FormSpan.matches(text, $0) }) { matched = (fund.id, column); break }
            }
            guard let (fundID, labelColumn) = matched else {
                if rows.isEmpty && row <= lastHeaderRow + 2 { row += 1; continue }
                break
            }
            let label = money.single_row == nil ? grid.rawText(row, labelColumn) ?? "" : ""
            var fundRow = FundRow(id: fundID, label: label, cell: grid.location(row, labelColumn),
                                  amounts: [:], rate: nil, weight: nil, score: nil, reason: nil)
            for (column, col) in columns {
                let location = grid.location(row, col)
                switch column.kind ?? "amount" {
                case "text":
                    let text = grid.rawText(row, col) ?? ""
                    if column.id == "reason" { fundRow.reason = text }
                case "percent", "number":
                    guard let number = readNumber(grid, row, col, percent: column.kind == "percent") else { continue }
                    switch column.id {
                    case "rate": fundRow.rate = number
                    case "weight": fundRow.weight = number
                    case "score": fundRow.score = number
                    default: fundRow.amounts[column.id] = number
                    }
                default:
                    switch AmountCell.read(grid.cell(row, col)) {
                    case .amount(let amount):
                        fundRow.amounts[column.id] = SourcedNumber(value: amount.converted(from: unit),
                                                                   printed: grid.printed(row, col), cell: location)
                    case .invalid(let text):
                        issues.append(FormIssue(cell: location, message: "金额单元格中是文字“\(text)” / text where an amount belongs"))
                    case .formulaWithoutValue(let formula):
                        issues.append(FormIssue(cell: location, message: "公式没有计算结果 =\(formula) / formula without a cached value"))
                    case .blank, .notApplicable:
                        break
                    }
                }
            }
            rows.append(fundRow)
            row += 1
        }
        return rows
    }

    /// A rate, weight or score: numbers, or text such as "99.6%", "100.00"; "/" and blanks are none.
    mutating func readNumber(_ grid: FormGrid, _ row: Int, _ column: Int, percent: Bool) -> SourcedNumber? {
        guard let cell = grid.cell(row, column) else { return nil }
        let location = grid.location(row, column)
        switch cell.value {
        case .number(let text):
            guard var amount = Amount.fromCellNumber(text) else { return nil }
            var printed = grid.printed(row, column)
            if percent, let format = cell.numberFormat, format.contains("%") {
                amount = Amount(amount.value * 100)
                // printed as the format shows it ("0.00%" → "99.49%"), so its decimals are the printed precision
                let places = format.split(separator: "%").first.flatMap { $0.split(separator: ".").dropFirst().first }
                    .map { $0.filter { $0 == "0" || $0 == "#" }.count } ?? 0
                printed = amount.formatted(places: places) + "%"
            }
            return SourcedNumber(value: amount, printed: printed, cell: location)
        case .string(let raw):
            var text = LabelNormalizer.normalize(raw)
            if text.isEmpty || text == "/" || text == "-" || text.allSatisfy({ $0 == "—" }) { return nil }
            if text.hasSuffix("%") { text.removeLast() }
            text = text.replacingOccurrences(of: ",", with: "")
            guard let amount = Amount(text) else {
                issues.append(FormIssue(cell: location, message: "应为数字，实为“\(raw)” / not a number"))
                return nil
            }
            return SourcedNumber(value: amount, printed: raw, cell: location)
        default:
            return nil
        }
    }

    mutating func readIndicators(_ span: FormSpan, _ spec: FormMapping.Indicators, total: FormMapping.Total?)
        -> ([Indicator], Int?) {
        let grid = span.grid
        guard let anchor = span.find(spec.anchor) else { return ([], nil) }
        let headerBottom = anchor.row + max(0, (spec.header_rows ?? 1) - 1)
        let (columns, lastHeaderRow) = span.headerColumns(spec.columns, rows: anchor.row...headerBottom)
        let totalLabels = total.map { [$0.label] + ($0.also ?? []) } ?? []
        var indicators: [Indicator] = []
        var level1 = "", level2 = ""
        var row = lastHeaderRow + 1
        var totalRow: Int?
        while row <= span.bottom {
            // the total line ends the grid
            if grid.texts(in: row).contains(where: { item in totalLabels.contains { FormSpan.key(item.text) == FormSpan.key($0) } }) {
                totalRow = row
                break
            }
            func text(_ id: String) -> String {
                guard let c = columns[id] else { return "" }
                return grid.resolvedRawText(row, c) ?? ""
            }
            let l1 = text("level1"), l2 = text("level2"), l3 = text("level3")
            if !l1.isEmpty { level1 = l1 }
            if !l2.isEmpty { level2 = l2 }
            let weight = columns["weight"].flatMap { readNumber(grid, row, $0, percent: false) }
            let score = columns["score"].flatMap { readNumber(grid, row, $0, percent: false) }
            let first = columns.values.min() ?? 1
            func located(_ id: String) -> String? { columns[id].map { grid.location(row, $0) } }
            var indicator = Indicator(level1: level1, level2: level2, level3: l3, initial: nil, target: nil, actual: nil,
                                      note: nil, completion: nil, weight: weight, score: score, remark: nil,
                                      cell: grid.location(row, first))
            if columns["operator"] != nil {
                let op = text("operator"), value = text("value"), unit = text("unit")
                if !(op + value + unit).isEmpty {
                    indicator.target = IndicatorValue(op: op, value: value, unit: unit, cell: located("value"))
                }
            } else if !text("target").isEmpty {
                indicator.target = IndicatorValue(parsing: text("target"), cell: located("target"))
            }
            if !text("initial").isEmpty { indicator.initial = IndicatorValue(parsing: text("initial"), cell: located("initial")) }
            if !text("actual").isEmpty { indicator.actual = IndicatorValue(parsing: text("actual"), cell: located("actual")) }
            if !text("completion").isEmpty {
                indicator.completion = IndicatorValue(parsing: text("completion"), cell: located("completion"))
            }
            if !text("note").isEmpty { indicator.note = text("note") }
            if !text("remark").isEmpty { indicator.remark = text("remark") }
            // blank slots (Hebei prints three rows per 二级指标) are not indicators
            if !l3.isEmpty || weight != nil || score != nil || indicator.target != nil {
                indicators.append(indicator)
            }
            row += 1
        }
        return (indicators, totalRow)
    }

    mutating func readTotal(_ span: FormSpan, row: Int, indicators spec: FormMapping.Indicators, style: FormMapping) -> FormTotal {
        let grid = span.grid
        var total = FormTotal()
        let totalLabels = style.total.map { [$0.label] + ($0.also ?? []) } ?? []
        let labelColumn = grid.texts(in: row).first { item in
            totalLabels.contains { FormSpan.key(item.text) == FormSpan.key($0) }
        }?.column ?? 1
        total.cell = grid.location(row, labelColumn)
        let labelRange = grid.mergeRange(row, labelColumn)
        let header = span.find(spec.anchor)
        func column(_ id: String) -> Int? {
            guard let header, let spec = spec.columns.first(where: { $0.id == id }) else { return nil }
            let headerBottom = header.row + (spec.header.isEmpty ? 0 : 1)
            return span.find(labels: [spec.header] + (spec.also ?? []), match: spec.match, rows: header.row...headerBottom)?.column
        }
        if let c = column("weight"), !labelRange.contains(CellReference(row: row, column: c)), grid.isTopLeft(row, c) {
            total.weight = readNumber(grid, row, c, percent: false)
        }
        var scoreColumnUsable = false
        if let c = column("score"), !labelRange.contains(CellReference(row: row, column: c)), grid.isTopLeft(row, c) {
            scoreColumnUsable = true
            total.score = readNumber(grid, row, c, percent: false)
        }
        let grades = Set(style.gradeBands.map(\.grade))
        var numbers: [SourcedNumber] = []
        for (c, text) in grid.texts(in: row) where grades.contains(text) {
            total.grade = SourcedText(text: text, cell: grid.location(row, c))
        }
        for c in (labelRange.last.column + 1)...max(labelRange.last.column + 1, grid.maxColumn) {
            if let cell = grid.cell(row, c), grid.isTopLeft(row, c), case .number = cell.value,
               let n = readNumber(grid, row, c, percent: false) { numbers.append(n) }
            else if let text = grid.text(row, c), Amount(text) != nil, let n = readNumber(grid, row, c, percent: false) { numbers.append(n) }
        }
        // no 得分 column to read under the total's label: the last number of the row
        if total.score == nil, !scoreColumnUsable, let last = numbers.last { total.score = last }
        return total
    }

    // MARK: summaries

    mutating func readSummary(_ span: FormSpan, _ style: FormMapping) -> FormSummary? {
        guard let spec = style.summary, let anchor = span.find(spec.anchor) else { return nil }
        let grid = span.grid
        let unit = span.unit(default: AmountUnit(text: style.unit) ?? .wanYuan)
        var columns: [String: (FormMapping.Column, Int)] = [:]
        var lastHeaderRow = anchor.row
        for column in spec.columns {
            guard let hit = span.find(labels: [column.header] + (column.also ?? []), match: column.match,
                                      rows: anchor.row...(anchor.row + 1)) else { continue }
            columns[column.id] = (column, hit.column)
            lastHeaderRow = max(lastHeaderRow, grid.mergeRange(hit.row, hit.column).last.row)
        }
        var summary = FormSummary(style: style.style, title: grid.text(span.top, span.titleColumn) ?? style.title, sheet: grid.name,
                                  cell: grid.location(span.top, span.titleColumn), unit: unit, rows: [], total: nil)
        let totalKeys = ([spec.total.label ?? "合计"] + (spec.total.also ?? [])).map(FormSpan.key)
        var row = lastHeaderRow + 1
        while row <= span.bottom {
            func text(_ id: String) -> String {
                guard let (_, c) = columns[id] else { return "" }
                return grid.rawText(row, c) ?? grid.printedIfNumber(row, c)
            }
            func amount(_ id: String) -> SourcedNumber? {
                guard let (_, c) = columns[id] else { return nil }
                if case .amount(let a) = AmountCell.read(grid.cell(row, c)) {
                    return SourcedNumber(value: a.converted(from: unit), printed: grid.printed(row, c), cell: grid.location(row, c))
                }
                return nil
            }
            let number = text("number")
            let isTotal = grid.texts(in: row).contains { item in totalKeys.contains(FormSpan.key(item.text)) }
            if !isTotal && (Int(LabelNormalizer.normalize(number)) == nil) {
                if !summary.rows.isEmpty { break }
                row += 1
                continue
            }
            let score = columns["score"].flatMap { readNumber(grid, row, $0.1, percent: false) }
            let grade = columns["grade"].flatMap { (_, c) in
                grid.rawText(row, c).map { SourcedText(text: LabelNormalizer.normalize($0), cell: grid.location(row, c)) }
            }
            let firstColumn = columns.values.map(\.1).min() ?? 1
            let item = FormSummaryRow(number: number, project: text("project"), budget: amount("budget"), executed: amount("executed"),
                                  fundType: text("fund_type"), score: score, grade: grade, rate: text("rate"),
                                  cell: grid.location(row, firstColumn))
            if isTotal {
                summary.total = item
                break
            }
            summary.rows.append(item)
            row += 1
        }
        return summary
    }
}

/// A sheet as the form reader searches it: the importer's ``SheetGrid`` (cells, normalized texts),
/// plus each cell's merged range, which forms need (一级指标 merged down over its rows).
struct FormGrid {
    private let base: SheetGrid
    private let byRow: [Int: [(column: Int, text: String)]]
    private let mergeOf: [CellReference: CellRange]

    var name: String { base.name }
    var maxRow: Int { base.rowCount }
    var maxColumn: Int { base.columnCount }

    init(_ sheet: Worksheet) {
        base = SheetGrid(sheet)
        byRow = base.textRows.mapValues { $0.sorted { $0.column < $1.column } }
        var mergeOf: [CellReference: CellRange] = [:]
        for range in sheet.layout.mergedRanges where range.rowCount * range.columnCount <= 10_000 {
            for r in range.first.row...range.last.row {
                for c in range.first.column...range.last.column { mergeOf[CellReference(row: r, column: c)] = range }
            }
        }
        self.mergeOf = mergeOf
    }

    var rowsWithText: [Int] { byRow.keys.sorted() }
    func texts(in row: Int) -> [(column: Int, text: String)] { byRow[row] ?? [] }
    func cell(_ row: Int, _ column: Int) -> Cell? { base.cell(row, column) }
    func text(_ row: Int, _ column: Int) -> String? { base.text(row, column) }

    /// The cell's text as stored, trimmed.
    func rawText(_ row: Int, _ column: Int) -> String? {
        guard case .string(let s)? = cell(row, column)?.value else { return nil }
        let t = s.trimmingCharacters(in: .whitespacesAndNewlines)
        return t.isEmpty ? nil : t
    }

    /// The cell's text, or nil inside a merged range below its first cell (a 一级指标 merged down over
    /// its rows is printed once, above).
    func resolvedRawText(_ row: Int, _ column: Int) -> String? {
        let at = CellReference(row: row, column: column)
        if let range = mergeOf[at], range.first != at { return nil }
        return rawText(row, column) ?? printedIfNumberOptional(row, column)
    }

    func printedIfNumber(_ row: Int, _ column: Int) -> String { printedIfNumberOptional(row, column) ?? "" }

    func printedIfNumberOptional(_ row: Int, _ column: Int) -> String? {
        if case .number(let n)? = cell(row, column)?.value { return Amount.fromCellNumber(n)?.description ?? n }
        return nil
    }

    /// A number's text (rounded to Excel's 15 digits) or a string as stored.
    func printed(_ row: Int, _ column: Int) -> String {
        switch cell(row, column)?.value {
        case .number(let n)?: return Amount.fromCellNumber(n)?.description ?? n
        case .string(let s)?: return s
        default: return ""
        }
    }

    func mergeRange(_ row: Int, _ column: Int) -> CellRange {
        mergeOf[CellReference(row: row, column: column)]
            ?? CellRange(first: CellReference(row: row, column: column), last: CellReference(row: row, column: column))
    }

    /// Whether a cell is not hidden inside another cell's merge.
    func isTopLeft(_ row: Int, _ column: Int) -> Bool {
        guard let range = mergeOf[CellReference(row: row, column: column)] else { return true }
        return range.first == CellReference(row: row, column: column)
    }

    func location(_ row: Int, _ column: Int) -> String { base.location(row, column) }
}

/// The rows of one form: from its title to the row before the next title.
struct FormSpan {
    let grid: FormGrid
    let top: Int
    let bottom: Int
    let titleColumn: Int

    /// A label compared across typing styles: normalized, numbering stripped, a trailing colon dropped.
    static func key(_ text: String) -> String {
        var k = LabelNormalizer.key(text)
        while let last = k.last, last == ":" || last == "：" { k.removeLast() }
        return k
    }

    static func matches(_ text: String, labels: [String], match: String?) -> Bool {
        let k = key(text)
        return labels.contains { label in
            let l = key(label)
            return k == l || (match == "prefix" && k.hasPrefix(l))
        }
    }

    static func matches(_ text: String, _ fund: FormMapping.FundRowLabel) -> Bool {
        if let labels = fund.labels, matches(text, labels: labels, match: fund.match) { return true }
        if let pattern = fund.pattern { return key(text).range(of: pattern, options: .regularExpression) != nil }
        return false
    }

    func find(_ label: FormMapping.Label) -> (row: Int, column: Int)? {
        if let pattern = label.pattern {
            for row in top...bottom {
                for (column, text) in grid.texts(in: row) where FormSpan.key(text).range(of: pattern, options: .regularExpression) != nil {
                    return (row, column)
                }
            }
        }
        return find(labels: [label.label ?? ""] + (label.also ?? []), match: label.match, rows: top...bottom)
    }

    /// The sheet column of each mapped column whose header is found in `rows` (each sheet column taken
    /// once, left to right in mapping order), and the last row the found headers reach (merges included).
    func headerColumns(_ mapped: [FormMapping.Column], rows: ClosedRange<Int>) -> (columns: [String: Int], lastHeaderRow: Int) {
        var columns: [String: Int] = [:]
        var lastHeaderRow = rows.lowerBound
        for column in mapped {
            let labels = [column.header] + (column.also ?? [])
            guard let hit = find(labels: labels, match: column.match, rows: rows,
                                 exclude: Set(columns.values.map { CellReference(row: 0, column: $0) })) else { continue }
            columns[column.id] = hit.column
            lastHeaderRow = max(lastHeaderRow, grid.mergeRange(hit.row, hit.column).last.row)
        }
        return (columns, lastHeaderRow)
    }

    func find(labels: [String], match: String?, rows: ClosedRange<Int>, exclude: Set<CellReference> = []) -> (row: Int, column: Int)? {
        let labels = labels.filter { !$0.isEmpty }
        guard !labels.isEmpty else { return nil }
        let rows = max(rows.lowerBound, top)...max(max(rows.lowerBound, top), min(rows.upperBound, bottom))
        for row in rows {
            for (column, text) in grid.texts(in: row) where !exclude.contains(CellReference(row: 0, column: column)) {
                if FormSpan.matches(text, labels: labels, match: match) { return (row, column) }
            }
        }
        return nil
    }

    /// How many of a style's labels this span holds (to choose between styles whose titles both match).
    func score(_ style: FormMapping) -> Int {
        var labels: [FormMapping.Label] = []
        for f in (style.fields ?? []) + (style.goals ?? []) + (style.texts ?? []) where f.label != nil {
            labels.append(FormMapping.Label(label: f.label, also: f.also, match: f.match, pattern: nil))
        }
        for c in (style.money?.columns ?? []) + (style.indicators?.columns ?? []) + (style.summary?.columns ?? []) {
            labels.append(FormMapping.Label(label: c.header, also: c.also, match: c.match, pattern: nil))
        }
        return labels.filter { find($0) != nil }.count
    }

    /// The unit printed as "金额单位：万元" / "单位：万元" or in a header "(万元)", else the style's.
    func unit(default unit: AmountUnit) -> AmountUnit {
        for row in top...min(bottom, top + 8) {
            for (_, text) in grid.texts(in: row) where text.contains("单位:") || text.contains("单位：") {
                if text.hasSuffix("万元") { return .wanYuan }
                if text.hasSuffix("元") { return .yuan }
            }
        }
        return unit
    }

    /// A labelled value: right of the label's merge, or below it; or the rest of a "前缀：值" cell.
    func value(of field: FormMapping.Field, after row: Int? = nil) -> FormField? {
        if let prefix = field.prefix {
            let p = LabelNormalizer.normalize(prefix)
            for r in top...bottom {
                for c in 1...max(1, grid.maxColumn) {
                    guard let raw = grid.rawText(r, c) else { continue }
                    let n = LabelNormalizer.normalize(raw)
                    guard n.hasPrefix(p) else { continue }
                    // "填报人：李红艳        联系方式：8822149" in one cell: up to the next label
                    var rest = String(raw.drop { $0 != "：" && $0 != ":" }.dropFirst())
                    if let next = rest.range(of: #"\s{2,}\S+[：:]"#, options: .regularExpression) { rest = String(rest[..<next.lowerBound]) }
                    return FormField(id: field.id, label: prefix, text: rest.trimmingCharacters(in: .whitespaces), cell: grid.location(r, c))
                }
            }
            return nil
        }
        let labels = [field.label ?? ""] + (field.also ?? [])
        let from = row.map { max(top, $0) } ?? top
        guard let hit = find(labels: labels, match: field.match, rows: from...bottom) else { return nil }
        let range = grid.mergeRange(hit.row, hit.column)
        let (r, c) = field.at == "below" ? (range.last.row + 1, hit.column) : (hit.row, range.last.column + 1)
        let text = grid.rawText(r, c) ?? grid.printedIfNumber(r, c)
        return FormField(id: field.id, label: grid.rawText(hit.row, hit.column) ?? "", text: text, cell: grid.location(r, c))
    }
}
