import Foundation
import SpreadsheetKit

/// Writes forms in a style, drawn from the style's mapping file: the title, the labelled lines, the
/// money block (its header labels and fund rows), the indicator grid, the total line and the texts,
/// each form on a sheet of its own. The reader finds them again by the same labels, so
/// import → export → import gives the same data. Converting between styles writes what the target
/// style has room for and names what it cannot carry.
///
/// ```swift
/// let warnings = try FormWriter(style: catalog.form(style: "hebei-project")!).write(document, to: url)
/// ```
public struct FormWriter {
    public let style: FormMapping
    public let summaryBands: FormMapping?

    public init(style: FormMapping, summaryBands: FormMapping? = nil) {
        self.style = style
        self.summaryBands = summaryBands
    }

    /// Writes the document; returns warnings (Chinese / English) about what the style could not hold.
    @discardableResult
    public func write(_ document: FormsDocument, to url: URL, replaceExisting: Bool = false) throws -> [String] {
        // indicator tables with weights and scores have a writer of their own (IndexFormWriter.swift)
        if style.kind == "index" { return try IndexFormWriter(style: style).write(document, to: url, replaceExisting: replaceExisting) }
        if style.kind == "summary" {
            let built: BuiltSummary
            if let summary = document.summaries.first, document.forms.isEmpty {
                built = BuiltSummary(rows: summary.rows.map {
                    .init(number: $0.number, project: $0.project, budget: $0.budget?.value, executed: $0.executed?.value,
                          fundType: $0.fundType, score: $0.score?.value, grade: $0.grade?.text ?? "", source: $0.cell)
                }, budget: summary.total?.budget?.value ?? summary.rows.compactMap(\.budget?.value).reduce(.zero, +),
                   executed: summary.total?.executed?.value ?? summary.rows.compactMap(\.executed?.value).reduce(.zero, +),
                   rate: summary.total?.rate ?? "")
            } else {
                var catalog = MappingCatalog(layouts: [])
                catalog.forms = [summaryBands ?? style]
                built = SummaryBuilder(catalog: catalog).build(document.forms, fundType: nil)
            }
            try SummaryWriter().write(built, to: url, replaceExisting: replaceExisting)
            return []
        }
        var warnings: [String] = []
        let writer = try WorkbookWriter(destination: url, options: .init(replaceExisting: replaceExisting))
        do {
            var formats = try Formats(writer)
            if document.forms.isEmpty {
                warnings.append("没有项目自评表可写 / no project form to write")
                _ = try writer.addSheet(named: "自评表")
            }
            for (index, form) in document.forms.enumerated() {
                let sheet = try writer.addSheet(named: "表\(index + 1)")
                warnings += try draw(form, on: sheet, formats: &formats)
            }
            try writer.close()
        } catch {
            writer.discard()
            throw error
        }
        return warnings
    }

    struct Formats {
        let title, label, text, number, center: FormatHandle
        init(_ writer: WorkbookWriter) throws {
            title = try writer.format(CellFormat(fontSize: 14, bold: true, horizontalAlignment: .center))
            label = try writer.format(CellFormat(bold: true, horizontalAlignment: .center, verticalAlignment: .center,
                                                 wrapText: true, borders: .all(.thin)))
            text = try writer.format(CellFormat(verticalAlignment: .center, wrapText: true, borders: .all(.thin)))
            number = try writer.format(CellFormat(horizontalAlignment: .right, verticalAlignment: .center, borders: .all(.thin)))
            center = try writer.format(CellFormat(horizontalAlignment: .center, verticalAlignment: .center, wrapText: true,
                                                  borders: .all(.thin)))
        }
    }

    /// How many columns the form uses: the indicator grid (after column A), or the money block.
    var width: Int {
        let indicators = (style.indicators?.columns.count ?? 0) + 1
        let moneyColumns = style.money?.columns.count ?? 0
        let money = 2 + moneyColumns * (style.money?.value_at == "last" ? 2 : 1)
        return max(indicators, money, 6)
    }

    /// Moves the execution score between the money block (Shanxi, Sichuan: 得分 of the total row,
    /// 10 points) and an indicator row (Hebei: 预算执行率（10）), as the target style keeps it.
    func carryExecutionScore(_ source: PerformanceForm, warnings: inout [String]) -> PerformanceForm {
        guard source.style != style.style else { return source }
        var form = source
        let targetInMoney = (style.rules?.execution_weight?.value ?? 0) > 0
        let isExecution: (Indicator) -> Bool = { LabelNormalizer.normalize($0.level2 + $0.level3).contains("预算执行") }
        if targetInMoney, let index = form.indicators.firstIndex(where: isExecution),
           let totalIndex = form.funds.firstIndex(where: { $0.id == "total" }) {
            let indicator = form.indicators.remove(at: index)
            form.funds[totalIndex].weight = indicator.weight
            form.funds[totalIndex].score = indicator.score
            warnings.append("“\(form.project)”：“\(indicator.level3)”指标的分值、得分移入预算执行情况 / the execution-rate indicator moved into the money block")
        } else if !targetInMoney, let fund = form.fund("total") ?? form.funds.first(where: { $0.score != nil }),
                  fund.score != nil || fund.weight != nil, !form.indicators.contains(where: isExecution) {
            let weight = fund.weight ?? style.rules?.execution_weight.map { SourcedNumber(value: $0, printed: $0.description, cell: fund.cell) }
                ?? SourcedNumber(value: Amount(10), printed: "10", cell: fund.cell)
            let actual = fund.rate.map { IndicatorValue(parsing: $0.value.description + "%", cell: $0.cell) }
            var score = fund.score
            if score == nil, let total = form.total.score {
                // luzhou leaves it blank: the score the total implies (合计 − Σ 指标得分), when it is within the weight
                let implied = total.value.value - form.indicators.compactMap(\.score).reduce(Decimal(0)) { $0 + $1.value.value }
                if implied >= 0 && implied <= weight.value.value {
                    score = SourcedNumber(value: Amount(implied), printed: Amount(implied).description, cell: total.cell)
                }
            }
            form.indicators.append(Indicator(level1: "预算执行率", level2: "预算执行率", level3: "预算执行进度", initial: nil, target: nil,
                                             actual: actual, note: nil, completion: actual, weight: weight, score: score,
                                             remark: nil, cell: fund.cell))
            if let i = form.funds.firstIndex(where: { $0.id == fund.id }) {
                form.funds[i].score = nil
                form.funds[i].weight = nil
            }
            warnings.append("“\(form.project)”：预算执行得分移入“预算执行率”指标（未填预期指标值）/ the execution score moved into a 预算执行率 indicator (no target stated)")
        }
        return form
    }

    func draw(_ source: PerformanceForm, on sheet: SheetWriter, formats f: inout Formats) throws -> [String] {
        var warnings: [String] = []
        let form = carryExecutionScore(source, warnings: &warnings)
        let last = width
        var row = 1
        func cell(_ r: Int, _ c: Int) -> CellReference { CellReference(row: r, column: c) }
        func put(_ content: CellContent, _ r: Int, _ c: Int, to endColumn: Int? = nil, _ format: FormatHandle) throws {
            if let endColumn, endColumn > c {
                try sheet.merge(CellRange(first: cell(r, c), last: cell(r, endColumn)), with: content, format: format)
            } else {
                try sheet.write(content, at: cell(r, c), format: format)
            }
        }
        func lost(_ what: String) { warnings.append("“\(form.project)”：\(style.style) 样式没有“\(what)”，未写出 / the \(style.style) style has no place for \(what)") }
        try sheet.setColumns(1...1, width: 14)
        try sheet.setColumns(2...last, width: 13)

        let title = form.style == style.style ? form.title : style.title
        try put(.string(title), row, 1, to: last, f.title); row += 1
        try sheet.write(.string("金额单位：\(form.unit.rawValue)"), at: cell(row, last)); row += 1

        // labelled lines
        let byID = Dictionary((form.fields + form.texts).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for field in style.fields ?? [] where field.id == "project" || byID[field.id] != nil {
            let value = field.id == "project" ? form.project : (byID[field.id]?.text ?? "")
            if let prefix = field.prefix {
                try sheet.write(.string(prefix + value), at: cell(row, 1)); row += 1
                continue
            }
            try put(.string(field.label ?? field.id), row, 1, f.label)
            try put(.string(value), row, 2, to: last, f.text); row += 1
        }
        for field in form.fields where !(style.fields ?? []).contains(where: { $0.id == field.id }) && !field.text.isEmpty {
            lost(field.label)
        }

        // goals: labels side by side, values below
        if let goals = style.goals, !goals.isEmpty {
            let span = max(1, (last - 1) / goals.count)
            for (i, goal) in goals.enumerated() {
                let first = 2 + i * span, end = i == goals.count - 1 ? last : first + span - 1
                let value: String? = goal.id == "target" ? form.goalTarget : goal.id == "actual" ? form.goalActual : form.goalRate
                try put(.string(goal.label ?? goal.id), row, first, to: end, f.label)
                try put(.string(value ?? ""), row + 1, first, to: end, f.text)
            }
            try put(.string("目标完成情况"), row, 1, f.label)
            try put(.blank, row + 1, 1, f.label)
            row += 2
        }
        if style.goals?.contains(where: { $0.id == "rate" }) != true, let rate = form.goalRate, !rate.isEmpty { lost("总体完成率") }

        // money
        if let money = style.money {
            let pair = money.value_at == "last"
            try put(.string(money.anchor.label ?? "预算执行情况"), row, 1, f.label)
            try put(.string("资金来源"), row, 2, f.label)
            var valueColumn: [String: Int] = [:]
            var c = 3
            for column in money.columns {
                if pair {
                    try put(.string(column.header), row, c, to: c + 1, f.label)
                    valueColumn[column.id] = c + 1
                    c += 2
                } else {
                    try put(.string(column.header), row, c, f.label)
                    valueColumn[column.id] = c
                    c += 1
                }
            }
            row += 1
            let known = Set(money.columns.map(\.id))
            for fund in form.funds {
                guard let spec = money.rows.first(where: { $0.id == fund.id }) else { lost(fund.label); continue }
                let label = FormSpan.matches(fund.label, spec) ? fund.label : (spec.labels?.first ?? fund.label)
                try put(.string(label), row, 2, f.text)
                for column in money.columns {
                    guard let col = valueColumn[column.id] else { continue }
                    if pair { try put(.string(label), row, col - 1, f.text) }
                    let content: CellContent
                    switch column.id {
                    case "rate": content = fund.rate.map { number($0, percent: true) } ?? .blank
                    case "weight": content = fund.weight.map { number($0, percent: false) } ?? .blank
                    case "score": content = fund.score.map { number($0, percent: false) } ?? .blank
                    case "reason": content = fund.reason.map { .string($0) } ?? .blank
                    default: content = fund.amounts[column.id].map { .decimal($0.value.expressed(in: form.unit).value) } ?? .blank
                    }
                    try put(content, row, col, column.kind == "text" ? f.text : f.number)
                }
                for measure in fund.amounts.keys where !known.contains(measure) { lost("\(fund.label) \(measure)") }
                if fund.rate != nil && !known.contains("rate") { lost("\(fund.label) 执行率") }
                if fund.score != nil && !known.contains("score") { lost("\(fund.label) 得分") }
                row += 1
            }
        } else if !form.funds.isEmpty {
            lost("预算执行情况")
        }

        // indicators
        if let spec = style.indicators {
            let columns = spec.columns
            for (i, column) in columns.enumerated() { try put(.string(column.header), row, 2 + i, f.label) }
            try put(.string("绩效指标"), row, 1, f.label)
            row += 1
            let ids = Set(columns.map(\.id))
            for indicator in form.indicators {
                for (i, column) in columns.enumerated() {
                    try put(content(of: indicator, column.id), row, 2 + i, column.kind == "number" ? f.number : f.text)
                }
                if indicator.note != nil && !ids.contains("note") { lost("\(indicator.level3) 定性值情况说明") }
                if indicator.initial != nil && !ids.contains("initial") { lost("\(indicator.level3) 年初指标值") }
                if indicator.remark != nil && !ids.contains("remark") { lost("\(indicator.level3) 偏差原因") }
                if indicator.completion != nil && !ids.contains("completion") && !ids.contains("actual") { lost("\(indicator.level3) 完成情况") }
                row += 1
            }
            // total: label up to the weight (or score) column
            let weightColumn = columns.firstIndex { $0.id == "weight" }.map { $0 + 2 }
            let scoreColumn = columns.firstIndex { $0.id == "score" }.map { $0 + 2 } ?? last
            let labelEnd = max(1, min(weightColumn ?? scoreColumn, scoreColumn) - 1)
            try put(.string(style.total?.label ?? "合计"), row, 1, to: labelEnd, f.label)
            if let weightColumn, let weight = form.total.weight { try put(number(weight, percent: false), row, weightColumn, f.number) }
            if let score = form.total.score { try put(number(score, percent: false), row, scoreColumn, f.number) }
            if let grade = form.total.grade { try put(.string(grade.text), row, scoreColumn + 1, f.center) }
            row += 1
        }

        // texts
        for text in style.texts ?? [] where byID[text.id] != nil {
            let value = byID[text.id]?.text ?? ""
            if let prefix = text.prefix {
                try sheet.write(.string(prefix + value), at: cell(row, 1)); row += 1
                continue
            }
            try put(.string(text.label ?? text.id), row, 1, to: 2, f.label)
            try put(.string(value), row, 3, to: last, f.text); row += 1
        }
        let textIDs = Set((style.texts ?? []).map(\.id))
        for text in form.texts where !textIDs.contains(text.id) && !text.text.isEmpty { lost(text.label) }
        return warnings
    }

    func number(_ n: SourcedNumber, percent: Bool) -> CellContent {
        if percent && n.printed.contains("%") { return .string(n.value.description + "%") }
        return .decimal(n.value.value)
    }

    func content(of indicator: Indicator, _ id: String) -> CellContent {
        func text(_ s: String?) -> CellContent { s.map { .string($0) } ?? .blank }
        func part(_ i: Int) -> CellContent {
            guard let target = indicator.target else { return .blank }
            if let cells = target.cells, cells.count == 3 { return cells[i].isEmpty ? .blank : .string(cells[i]) }
            switch i {
            case 0: return text(target.op)
            case 1: return target.number.map { .string($0.description) } ?? .blank
            default: return text(target.number == nil ? target.text : target.unit)
            }
        }
        switch id {
        case "level1": return .string(indicator.level1)
        case "level2": return .string(indicator.level2)
        case "level3": return .string(indicator.level3)
        case "initial": return text(indicator.initial?.text)
        case "target": return text(indicator.target?.text)
        case "operator": return part(0)
        case "value": return part(1)
        case "unit": return part(2)
        case "actual": return text(indicator.actual?.text)
        case "completion": return text(indicator.completion?.text ?? indicator.actual?.text)
        case "note": return text(indicator.note)
        case "weight": return indicator.weight.map { .decimal($0.value.value) } ?? .blank
        case "score": return indicator.score.map { .decimal($0.value.value) } ?? .blank
        case "remark": return text(indicator.remark)
        default: return .blank
        }
    }
}
