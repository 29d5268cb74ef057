import Foundation
import SpreadsheetKit

/// Writes forms in a style, drawn as the published form from the style's layout file
/// (Mappings/form-layouts/, ``FormLayout``; a style without one is drawn from its mapping file):
/// merged multi-row headers and label blocks, borders, 宋体 body and a bold title, wrapped text,
/// column widths, `#,##0.00` money in the unit the form states, rates as the form prints them, A4
/// print setup (orientation of the form, one page wide, title rows repeated). One form per sheet.
/// The reader finds the forms again by the same labels, so import → export → import gives the same
/// data. Converting between styles writes what the target style has room for and names what it
/// cannot carry.
///
/// ```swift
/// let writer = FormWriter(style: catalog.form(style: "hebei-project")!, layout: catalog.formLayout(style: "hebei-project"))
/// let warnings = try writer.write(document, to: url)
/// ```
public struct FormWriter {
    public let style: FormMapping
    public let layout: FormLayout
    public let summaryBands: FormMapping?

    public init(style: FormMapping, layout: FormLayout? = nil, summaryBands: FormMapping? = nil) {
        self.style = style
        self.layout = layout ?? FormLayout.generic(from: style)
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
                built = BuiltSummary(summary)
            } else {
                var catalog = MappingCatalog(layouts: [])
                catalog.forms = [summaryBands ?? style]
                built = SummaryBuilder(catalog: catalog).build(document.forms, fundType: nil)
            }
            try SummaryWriter().write(built, to: url, replaceExisting: replaceExisting)
            return []
        }
        var warnings: [String] = []
        var plans: [FormPlan] = []
        if document.forms.isEmpty {
            warnings.append("没有项目自评表可写 / no project form to write")
            plans.append(FormPlan(name: "自评表", layout: layout))
        }
        for (index, form) in document.forms.enumerated() {
            let (plan, lost) = plan(form, sheetName: "表\(index + 1)")
            plans.append(plan)
            warnings += lost
        }
        try FormPlan.write(plans, to: url, replaceExisting: replaceExisting, review: nil)
        return warnings
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

    /// One form drawn on a sheet, and what the style could not carry.
    func plan(_ source: PerformanceForm, sheetName: String) -> (FormPlan, [String]) {
        var warnings: [String] = []
        let form = carryExecutionScore(source, warnings: &warnings)
        var drawing = FormDrawing(form: form, style: style, layout: layout, plan: FormPlan(name: sheetName, layout: layout))
        drawing.draw()
        for what in drawing.lost {
            warnings.append("“\(form.project)”：\(style.style) 样式没有“\(what)”，未写出 / the \(style.style) style has no place for \(what)")
        }
        return (drawing.plan, warnings)
    }
}

/// One sheet as drawn: every cell with its kind, the merges, widths, heights, print setup, and the
/// source cell each drawn value came from (for the review workbook).
struct FormPlan {
    enum Kind: Hashable { case title, plain, right, label, header, text, center, money, number, percent, note }
    struct Entry {
        var content: CellContent
        var kind: Kind
        var numberFormat: String?
        var flag: Finding.Severity?
    }

    var name: String
    var widths: [Double]
    var font: String
    var fontSize: Double
    var titleSize: Double
    var landscape: Bool
    var cells: [CellReference: Entry] = [:]
    var merges: [CellRange] = []
    var heights: [Int: Double] = [:]
    var repeatedRows: ClosedRange<Int>?
    /// Rows kept in view when scrolling (the header of a long indicator table).
    var frozenRows: Int?
    /// Source cell (`Sheet!A1` of the read workbook) → drawn cell.
    var drawnFrom: [String: CellReference] = [:]

    init(name: String, layout: FormLayout) {
        self.name = name
        widths = layout.widths
        font = layout.font ?? "宋体"
        fontSize = layout.font_size ?? 10
        titleSize = layout.title_size ?? 16
        landscape = layout.orientation == "landscape"
    }

    init(name: String, widths: [Double], landscape: Bool) {
        self.name = name
        self.widths = widths
        font = "宋体"
        fontSize = 10
        titleSize = 16
        self.landscape = landscape
    }

    /// The cell format of an entry: 宋体 body, thin borders inside the grid, wrapped labels and texts.
    func format(_ entry: Entry) -> CellFormat {
        let grid = Borders.all(.thin)
        var f: CellFormat
        switch entry.kind {
        case .title:
            f = CellFormat(fontName: font, fontSize: titleSize, bold: true, horizontalAlignment: .center, verticalAlignment: .center,
                           wrapText: true)
        case .plain:
            f = CellFormat(fontName: font, fontSize: fontSize, horizontalAlignment: .left, verticalAlignment: .center)
        case .right:
            f = CellFormat(fontName: font, fontSize: fontSize, horizontalAlignment: .right, verticalAlignment: .center)
        case .note:
            f = CellFormat(fontName: font, fontSize: fontSize - 1, horizontalAlignment: .left, verticalAlignment: .top, wrapText: true)
        case .label:
            f = CellFormat(fontName: font, fontSize: fontSize, horizontalAlignment: .center, verticalAlignment: .center, wrapText: true,
                           borders: grid)
        case .header:
            f = CellFormat(fontName: font, fontSize: fontSize + 1, bold: true, horizontalAlignment: .center, verticalAlignment: .center,
                           wrapText: true, borders: grid)
        case .center:
            f = CellFormat(fontName: font, fontSize: fontSize, horizontalAlignment: .center, verticalAlignment: .center, wrapText: true,
                           borders: grid)
        case .text:
            f = CellFormat(fontName: font, fontSize: fontSize, horizontalAlignment: .left, verticalAlignment: .center, wrapText: true,
                           borders: grid)
        case .money, .number, .percent:
            f = CellFormat(fontName: font, fontSize: fontSize, horizontalAlignment: .right, verticalAlignment: .center, borders: grid)
        }
        f.numberFormat = entry.numberFormat
        switch entry.flag {
        case .error?:
            f.fillColor = .yellow
            f.fontColor = .red
            f.bold = true
        case .warning?:
            f.fillColor = CellColor(rgb: 0xFFF2CC)
        case nil:
            break
        }
        return f
    }

    /// Writes the sheets; with `review`, first the 审核结果 sheet, the cells findings point at
    /// highlighted and commented (批注).
    static func write(_ plans: [FormPlan], to url: URL, replaceExisting: Bool, review: [Finding]?,
                      reviewTitle: String = ReviewAnnotations.sheetName) throws {
        let writer = try WorkbookWriter(destination: url, options: .init(replaceExisting: replaceExisting))
        writer.properties.comments = "Juesuan 绩效自评表"
        do {
            var handles: [CellFormat: FormatHandle] = [:]
            func handle(_ f: CellFormat) throws -> FormatHandle {
                if let h = handles[f] { return h }
                let h = try writer.format(f)
                handles[f] = h
                return h
            }
            var plans = plans
            var annotations: ReviewAnnotations?
            if let review {
                var placed: [String: (sheet: String, cell: CellReference)] = [:]
                for plan in plans { for (source, cell) in plan.drawnFrom { placed[source] = (plan.name, cell) } }
                let annotated = ReviewAnnotations(findings: review, placed: placed)
                var styles = StyleBook(writer: writer)
                try writeReviewFindings(annotated, title: reviewTitle, to: writer, styles: &styles)
                for i in plans.indices { annotated.flag(&plans[i]) }
                annotations = annotated
            }
            for plan in plans {
                let sheet = try writer.addSheet(named: plan.name)
                for (i, w) in plan.widths.enumerated() { try sheet.setColumns((i + 1)...(i + 1), width: w) }
                for (row, height) in plan.heights.sorted(by: { $0.key < $1.key }) { try sheet.setRow(row, height: height) }
                var covered: [CellReference: CellRange] = [:]
                for range in plan.merges {
                    for r in range.first.row...range.last.row {
                        for c in range.first.column...range.last.column { covered[CellReference(row: r, column: c)] = range }
                    }
                }
                for range in plan.merges {
                    let entry = plan.cells[range.first] ?? FormPlan.Entry(content: .blank, kind: .text)
                    try sheet.merge(range, with: entry.content, format: try handle(plan.format(entry)))
                }
                for (ref, entry) in plan.cells.sorted(by: { $0.key < $1.key }) where covered[ref] == nil {
                    try sheet.write(entry.content, at: ref, format: try handle(plan.format(entry)))
                }
                if let annotations {
                    for (ref, text) in annotations.comments(sheet: plan.name).sorted(by: { $0.key < $1.key }) {
                        try sheet.addComment(CellComment(text, author: "Juesuan 审核"), at: ref)
                    }
                }
                try sheet.setPrintSetup(PrintSetup(paper: .a4, orientation: plan.landscape ? .landscape : .portrait, fit: .oneWide,
                                                   repeatedRows: plan.repeatedRows,
                                                   margins: PageMargins(left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3),
                                                   footer: "&C第 &P 页，共 &N 页", centerHorizontally: true))
                if let rows = plan.frozenRows { try sheet.freezePanes(rows: rows) }
            }
            try writer.close()
        } catch {
            writer.discard()
            throw error
        }
    }

    /// A decent height for a row whose wrapped texts are longer than their cells are wide.
    mutating func fitHeights() {
        var lines: [Int: Int] = [:]
        var spans: [CellReference: CellRange] = [:]
        for range in merges { spans[range.first] = range }
        for (ref, entry) in cells {
            guard case .string(let text) = entry.content, [.text, .label, .note, .title, .center].contains(entry.kind) else { continue }
            let range = spans[ref] ?? CellRange(first: ref, last: ref)
            let width = (range.first.column...range.last.column).reduce(0.0) { $0 + (widths[safe: $1 - 1] ?? 10) }
            let rows = range.last.row - range.first.row + 1
            let needed = text.split(separator: "\n", omittingEmptySubsequences: false).reduce(0) { sum, line in
                sum + max(1, Int((FormPlan.displayWidth(String(line)) * (entry.kind == .title ? titleSize / fontSize : 1) / max(1, width - 1)).rounded(.up)))
            }
            let perRow = Int((Double(needed) / Double(rows)).rounded(.up))
            for r in range.first.row...range.last.row { lines[r] = max(lines[r] ?? 1, perRow) }
        }
        for (row, n) in lines where heights[row] == nil && n > 1 { heights[row] = min(409, Double(n) * (fontSize + 4) + 4) }
    }

    /// Characters as they print: CJK counts double.
    static func displayWidth(_ text: String) -> Double {
        Double(text.unicodeScalars.reduce(0) { $0 + ($1.value > 0x2E80 ? 2 : 1) })
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}

/// Lays one form out on a ``FormPlan`` by its ``FormLayout``.
struct FormDrawing {
    let form: PerformanceForm
    let style: FormMapping
    let layout: FormLayout
    var plan: FormPlan
    /// What the form holds that the layout has no place for.
    var lost: [String] = []
    private var occupied: Set<CellReference> = []
    private var row = 1
    private var used: Set<String> = []

    init(form: PerformanceForm, style: FormMapping, layout: FormLayout, plan: FormPlan) {
        self.form = form
        self.style = style
        self.layout = layout
        self.plan = plan
    }

    /// The amounts are written in the unit the style prints (its mapping's unit).
    var unit: AmountUnit { AmountUnit(text: style.unit) ?? form.unit }

    mutating func draw() {
        for r in layout.head { drawRow(r, firstColumn: 1, bordered: false) }
        plan.repeatedRows = layout.head.isEmpty ? nil : 1...(row - 1)
        for block in layout.blocks { drawBlock(block) }
        for spec in layout.foot ?? [] where !(spec.optional ?? false) || holds(spec) { drawRow(spec, firstColumn: 1, bordered: false) }
        for note in layout.notes ?? [] {
            put(.string(note), row, 1, to: layout.width, kind: .note)
            row += 1
        }
        plan.fitHeights()
        noteLost()
    }

    // MARK: values

    /// A value reference's content and source cell; nil when the form does not hold it.
    mutating func value(_ ref: String) -> (content: CellContent, source: String?, kind: FormPlan.Kind?, format: String?)? {
        used.insert(ref)
        let parts = ref.split(separator: ".", maxSplits: 1).map(String.init)
        let key = parts.count > 1 ? parts[1] : ""
        switch parts[0] {
        case "title":
            return (.string(form.style == style.style ? form.title : style.title), form.cell, nil, nil)
        case "unit":
            return (.string(unit.rawValue), nil, nil, nil)
        case "field":
            if key == "project" { return (.string(form.project), form.fields.first { $0.id == "project" }?.cell, nil, nil) }
            return form.fields.first { $0.id == key }.map { (.string($0.text), $0.cell, nil, nil) }
        case "text":
            return form.texts.first { $0.id == key }.map { (.string($0.text), $0.cell, nil, nil) }
        case "goal":
            let text = key == "target" ? form.goalTarget : key == "actual" ? form.goalActual : key == "rate" ? form.goalRate : nil
            return text.map { (.string($0), nil, nil, nil) }
        case "total":
            switch key {
            case "weight": return form.total.weight.map { (.decimal($0.value.value), $0.cell, .number, nil) }
            case "score": return form.total.score.map { (.decimal($0.value.value), $0.cell, .number, nil) }
            case "grade": return form.total.grade.map { (.string($0.text), $0.cell, .center, nil) }
            default: return nil
            }
        default:
            return nil
        }
    }

    func holds(_ row: FormLayout.Row) -> Bool {
        var copy = self
        return row.cells.contains { cell in cell.value.map { copy.value($0) != nil } ?? false }
    }

    // MARK: rows and cells

    /// Puts a cell (merged over `to`/`down`), marking what it covers.
    mutating func put(_ content: CellContent, _ r: Int, _ c: Int, to last: Int? = nil, down: Int = 1, kind: FormPlan.Kind,
                      format: String? = nil, source: String? = nil) {
        let first = CellReference(row: r, column: c)
        let end = CellReference(row: r + max(1, down) - 1, column: max(c, last ?? c))
        plan.cells[first] = FormPlan.Entry(content: content, kind: kind, numberFormat: format)
        if end != first { plan.merges.append(CellRange(first: first, last: end)) }
        for rr in first.row...end.row { for cc in first.column...end.column { occupied.insert(CellReference(row: rr, column: cc)) } }
        if let source, plan.drawnFrom[source] == nil { plan.drawnFrom[source] = first }
    }

    func nextFree(_ r: Int, from c: Int) -> Int {
        var c = c
        while occupied.contains(CellReference(row: r, column: c)) { c += 1 }
        return c
    }

    /// Lays out one row's cells from `firstColumn`; returns nothing: the row cursor moves on.
    mutating func drawRow(_ spec: FormLayout.Row, firstColumn: Int, bordered: Bool) {
        var c = firstColumn
        for cell in spec.cells {
            c = nextFree(row, from: cell.at ?? c)
            let last = cell.to ?? (c + max(1, cell.span ?? 1) - 1)
            let kindDefault: FormPlan.Kind = bordered ? .label : .plain
            var kind = kind(cell.style) ?? kindDefault
            var content: CellContent = .blank
            var source: String?
            var format = cell.format
            if let text = cell.text {
                content = text.isEmpty ? .blank : .string(text)
                // the total line's label stands for the total (a finding with no stated total points at it)
                if let total = style.total, FormSpan.matches(text, labels: [total.label] + (total.also ?? []), match: nil) {
                    source = form.total.cell
                }
            } else if let ref = cell.value {
                let v = value(ref)
                if let v {
                    if case .string(let s) = v.content, let prefix = cell.prefix { content = .string(prefix + s) } else { content = v.content }
                    source = v.source
                    format = format ?? v.format
                } else if let prefix = cell.prefix {
                    content = .string(prefix)
                }
                // a value inside the grid: left-aligned wrapped text, or a number
                if cell.style == nil && bordered { kind = v?.kind ?? .text }
            }
            put(content, row, c, to: last, down: cell.down ?? 1, kind: kind, format: format, source: source)
            c = last + 1
        }
        if let height = spec.height { plan.heights[row] = height }
        if bordered { fillRow(row, from: firstColumn) }
        row += 1
    }

    /// Every cell of a grid row gets a border, also the blank ones.
    mutating func fillRow(_ r: Int, from c: Int) {
        for column in c...layout.width where !occupied.contains(CellReference(row: r, column: column)) {
            put(.blank, r, column, kind: .text)
        }
    }

    func kind(_ name: String?) -> FormPlan.Kind? {
        switch name {
        case "title": return .title
        case "label": return .label
        case "text": return .text
        case "plain": return .plain
        case "right": return .right
        case "center": return .center
        case "note": return .note
        default: return nil
        }
    }

    mutating func drawBlock(_ block: FormLayout.Block) {
        let top = row
        let first = block.side == nil ? 1 : 2
        if let rows = block.rows {
            for spec in rows where !(spec.optional ?? false) || holds(spec) { drawRow(spec, firstColumn: first, bordered: true) }
        }
        if let money = block.money { drawMoney(money, firstColumn: first) }
        if let indicators = block.indicators { drawIndicators(indicators, firstColumn: first) }
        if let tasks = block.tasks, let list = form.tasks {
            used.insert("tasks")
            for header in tasks.header { drawRow(header, firstColumn: first, bordered: true) }
            for task in list {
                var c = first
                for cell in tasks.cells {
                    c = cell.at ?? c
                    let last = cell.to ?? (c + max(1, cell.span ?? 1) - 1)
                    let value = cell.task == "name" ? task.name : cell.task == "content" ? task.content : nil
                    put(value.map { .string($0.text) } ?? .blank, row, c, to: last, kind: kind(cell.style) ?? .text, source: value?.cell)
                    c = last + 1
                }
                fillRow(row, from: first)
                row += 1
            }
        }
        if let side = block.side, row > top {
            put(.string(side), top, 1, down: row - top, kind: .label)
        }
    }

    mutating func drawMoney(_ money: FormLayout.Money, firstColumn: Int) {
        for spec in money.header { drawRow(spec, firstColumn: firstColumn, bordered: true) }
        var printed = Set<String>()
        for fundRow in money.rows {
            let fund = form.funds.first { $0.id == fundRow.id }
            guard fund != nil || fundRow.always == true else { continue }
            printed.insert(fundRow.id)
            var c = firstColumn
            for cell in money.cells {
                c = cell.at ?? c
                let last = cell.to ?? (c + max(1, cell.span ?? 1) - 1)
                var content: CellContent = .blank
                var kind: FormPlan.Kind = kind(cell.style) ?? .money
                var format = cell.format
                var source: String?
                switch cell.fund ?? "" {
                case "label":
                    let own = fund.flatMap { f in style.money?.rows.first { $0.id == f.id }.map { FormSpan.matches(f.label, $0) ? f.label : nil } } ?? nil
                    content = .string(cell.labels?[fundRow.id] ?? own ?? fundRow.label)
                    kind = self.kind(cell.style) ?? .text
                    source = cell.labels?[fundRow.id] == nil ? fund?.cell : nil
                case "rate":
                    if let rate = fund?.rate {
                        source = rate.cell
                        if layout.percent == "number" {
                            content = .decimal(rate.value.value)
                            format = format ?? "0.00"
                        } else {
                            content = .string(rate.value.formatted(places: decimals(rate.printed)) + "%")
                        }
                        kind = self.kind(cell.style) ?? .percent
                    }
                case "weight", "score":
                    kind = self.kind(cell.style) ?? .number
                    if let n = cell.fund == "weight" ? fund?.weight : fund?.score {
                        content = .decimal(n.value.value)
                        source = n.cell
                    } else if let blank = fundRow.blank {
                        content = .string(blank)
                        kind = .center
                    }
                case "reason":
                    if let reason = fund?.reason { content = .string(reason) }
                    kind = self.kind(cell.style) ?? .text
                case let measure:
                    if let amount = fund?.amounts[measure] {
                        let shown = amount.value.expressed(in: unit)
                        content = .decimal(shown.value)
                        format = format ?? (shown.rounded(2) == shown ? "#,##0.00" : "#,##0.00##")
                        source = amount.cell
                    }
                }
                put(content, row, c, to: last, down: 1, kind: kind, format: format, source: source)
                c = last + 1
            }
            fillRow(row, from: firstColumn)
            row += 1
        }
        let columns = Set(money.cells.compactMap(\.fund))
        for fund in form.funds {
            guard printed.contains(fund.id) else { lost.append(fund.label); continue }
            for measure in fund.amounts.keys where !columns.contains(measure) { lost.append("\(fund.label) \(measure)") }
            if fund.rate != nil && !columns.contains("rate") { lost.append("\(fund.label) 执行率") }
            if fund.score != nil && !columns.contains("score") { lost.append("\(fund.label) 得分") }
        }
    }

    mutating func drawIndicators(_ spec: FormLayout.Indicators, firstColumn: Int) {
        for header in spec.header { drawRow(header, firstColumn: firstColumn, bordered: true) }
        let top = row
        let indicators = form.indicators
        for (k, indicator) in indicators.enumerated() {
            var c = firstColumn
            for cell in spec.cells {
                // the columns are fixed: a label merged down from the row above keeps its column
                c = cell.at ?? c
                let last = cell.to ?? (c + max(1, cell.span ?? 1) - 1)
                let id = cell.indicator ?? ""
                var down = 1
                if cell.merge == true {
                    // 一级/二级 printed once, merged down over the rows that repeat it
                    let same: (Indicator, Indicator) -> Bool = { a, b in
                        id == "level1" ? a.level1 == b.level1 : a.level1 == b.level1 && a.level2 == b.level2
                    }
                    if k > 0, same(indicators[k - 1], indicator), !LabelNormalizer.normalize(id == "level1" ? indicator.level1 : indicator.level2).isEmpty {
                        c = last + 1
                        continue
                    }
                    while k + down < indicators.count, same(indicators[k + down], indicator) { down += 1 }
                }
                let (content, source) = self.content(of: indicator, id)
                let numeric = id == "weight" || id == "score"
                put(content, row, c, to: last, down: down, kind: kind(cell.style) ?? (numeric ? .number : .center),
                    format: cell.format, source: source)
                if id == "level3" { plan.drawnFrom[indicator.cell] = CellReference(row: row, column: c) }
                c = last + 1
            }
            fillRow(row, from: firstColumn)
            row += 1
        }
        _ = top
        let ids = Set(spec.cells.compactMap(\.indicator))
        for indicator in indicators {
            if indicator.note != nil && !ids.contains("note") { lost.append("\(indicator.level3) 定性值情况说明") }
            if indicator.initial != nil && !ids.contains("initial") { lost.append("\(indicator.level3) 年初指标值") }
            if indicator.remark != nil && !ids.contains("remark") { lost.append("\(indicator.level3) 偏差原因") }
            if indicator.completion != nil && !ids.contains("completion") && !ids.contains("actual") {
                lost.append("\(indicator.level3) 完成情况")
            }
        }
    }

    func content(of indicator: Indicator, _ id: String) -> (CellContent, String?) {
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
        case "level1": return (.string(indicator.level1), nil)
        case "level2": return (.string(indicator.level2), nil)
        case "level3": return (.string(indicator.level3), nil)
        case "initial": return (text(indicator.initial?.text), indicator.initial?.cell)
        case "target": return (text(indicator.target?.text), indicator.target?.cell)
        case "operator": return (part(0), nil)
        case "value": return (part(1), indicator.target?.cell)
        case "unit": return (part(2), nil)
        case "actual": return (text(indicator.actual?.text), indicator.actual?.cell)
        case "completion": return (text(indicator.completion?.text ?? indicator.actual?.text), indicator.completion?.cell)
        case "note": return (text(indicator.note), nil)
        case "weight": return (indicator.weight.map { .decimal($0.value.value) } ?? .blank, indicator.weight?.cell)
        case "score": return (indicator.score.map { .decimal($0.value.value) } ?? .blank, indicator.score?.cell)
        case "remark": return (text(indicator.remark), nil)
        default: return (.blank, nil)
        }
    }

    /// Fields, goals and texts of the form the layout never printed.
    mutating func noteLost() {
        for field in form.fields where field.id != "project" && !used.contains("field.\(field.id)") && !field.text.isEmpty {
            lost.append(field.label)
        }
        for text in form.texts where !used.contains("text.\(text.id)") && !text.text.isEmpty { lost.append(text.label) }
        if let rate = form.goalRate, !rate.isEmpty, !used.contains("goal.rate") { lost.append("总体完成率") }
        if form.goalTarget.map({ !$0.isEmpty }) == true, !used.contains("goal.target") { lost.append("年度目标") }
        if form.goalActual.map({ !$0.isEmpty }) == true, !used.contains("goal.actual") { lost.append("实际完成情况") }
        if let tasks = form.tasks, !tasks.isEmpty, !used.contains("tasks") { lost.append("年度主要任务") }
    }
}

extension BuiltSummary {
    /// A 汇总表 as read, to be drawn again.
    init(_ summary: FormSummary) {
        self.init(rows: summary.rows.map {
            .init(number: $0.number, project: $0.project, budget: $0.budget?.value, executed: $0.executed?.value,
                  fundType: $0.fundType, score: $0.score?.value, grade: $0.grade?.text ?? "", source: $0.cell)
        }, budget: summary.total?.budget?.value ?? summary.rows.compactMap(\.budget?.value).reduce(.zero, +),
           executed: summary.total?.executed?.value ?? summary.rows.compactMap(\.executed?.value).reduce(.zero, +),
           rate: summary.total?.rate ?? "")
    }
}
