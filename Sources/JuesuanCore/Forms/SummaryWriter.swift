import Foundation
import SpreadsheetKit

/// Builds the Hebei 县直部门绩效自评情况汇总表 from forms of any style (conventions §7) and writes it.
///
/// ```swift
/// let summary = SummaryBuilder(catalog: catalog).build(forms, fundType: "县级专项项目")
/// try SummaryWriter().write(summary, to: URL(fileURLWithPath: "summary.xlsx"))
/// ```
public struct SummaryBuilder {
    public let styles: [String: FormMapping]
    /// The bands of the summary style (hebei-summary) used where a form prints no grade.
    public let bands: FormMapping

    public init(catalog: MappingCatalog) {
        styles = Dictionary(catalog.forms.map { ($0.style, $0) }, uniquingKeysWith: { $1 })
        bands = catalog.form(style: "hebei-summary") ?? FormMapping.fallback
    }

    /// One row per form, in input order, and the 合计 row; amounts stay exact in 元.
    public func build(_ forms: [PerformanceForm], fundType: String?) -> BuiltSummary {
        var rows: [BuiltSummary.Row] = []
        for (index, form) in forms.enumerated() {
            let figures = SummaryFigures(form, styles: styles)
            let grade = figures.printedGrade?.text ?? figures.score.flatMap { bands.grade(for: $0.value.value) } ?? ""
            let type = form.field("fund_type") ?? fundType ?? ""
            rows.append(.init(number: String(index + 1), project: form.project, budget: figures.budget?.value,
                              executed: figures.executed?.value, fundType: type, score: figures.score?.value, grade: grade,
                              source: form.cell))
        }
        let budget = rows.compactMap(\.budget).reduce(Amount.zero, +)
        let executed = rows.compactMap(\.executed).reduce(Amount.zero, +)
        let evaluated = rows.filter { $0.score != nil }.count
        let rate = rows.isEmpty ? "" : Amount(Decimal(evaluated) / Decimal(rows.count) * 100).formatted(places: 0) + "%"
        return BuiltSummary(rows: rows, budget: budget, executed: executed, rate: rate)
    }
}

/// The 汇总表 as built: rows in input order, amounts in 元.
public struct BuiltSummary: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        public var number: String
        public var project: String
        public var budget: Amount?
        public var executed: Amount?
        public var fundType: String
        public var score: Amount?
        public var grade: String
        /// The form's title cell, for messages.
        public var source: String
    }
    public var rows: [Row]
    public var budget: Amount
    public var executed: Amount
    /// 自评率: forms with a score / forms ("100%").
    public var rate: String
}

/// Writes a ``BuiltSummary`` as the published 汇总表 (dachang): the title over the eight columns,
/// 预算部门（盖章） and 单位：万元, the header row, one row per form with amounts `#,##0.00` in 万元, the
/// 自评率 printed once and merged down over the rows, the 合计 row, 填表人; A4 portrait, one page wide,
/// the title and header rows repeated on every page.
public struct SummaryWriter {
    public init() {}

    public func write(_ summary: BuiltSummary, to url: URL, replaceExisting: Bool = false) throws {
        try FormPlan.write([plan(summary, name: "汇总表", sources: nil)], to: url, replaceExisting: replaceExisting, review: nil)
    }

    /// The summary drawn on a sheet; with `sources` (the 汇总表 as read), each drawn value remembers its source cell.
    func plan(_ summary: BuiltSummary, name: String, sources: FormSummary?) -> FormPlan {
        var plan = FormPlan(name: name, widths: [6, 36, 12, 12, 14, 10, 10, 24], landscape: false)
        func cell(_ r: Int, _ c: Int) -> CellReference { CellReference(row: r, column: c) }
        func put(_ content: CellContent, _ r: Int, _ c: Int, to last: Int? = nil, down: Int = 1, _ kind: FormPlan.Kind,
                 format: String? = nil, source: String? = nil) {
            plan.cells[cell(r, c)] = FormPlan.Entry(content: content, kind: kind, numberFormat: format)
            let end = cell(r + down - 1, last ?? c)
            if end != cell(r, c) { plan.merges.append(CellRange(first: cell(r, c), last: end)) }
            if let source { plan.drawnFrom[source] = cell(r, c) }
        }
        func wan(_ amount: Amount?) -> CellContent {
            guard let amount else { return .blank }
            return .decimal(amount.expressed(in: .wanYuan).rounded(2).value)
        }
        put(.string("县直部门绩效自评情况汇总表"), 1, 1, to: 8, .title, source: sources?.cell)
        plan.heights[1] = 32
        put(.string("预算部门（盖章）："), 2, 1, to: 4, .plain)
        put(.string("单位：万元"), 2, 7, to: 8, .right)
        let headers = ["序号", "项目名称", "全年预算数", "全年执行数", "资金类型", "自评得分", "自评等级", "自评率\n（应评项目数/已自评项目数）"]
        for (i, h) in headers.enumerated() { put(.string(h), 3, i + 1, .label) }
        plan.heights[3] = 40
        plan.repeatedRows = 1...3
        var row = 4
        for (index, item) in summary.rows.enumerated() {
            let read = sources?.rows[safe: index]
            put(.string(item.number), row, 1, .center, source: read?.cell)
            put(.string(item.project), row, 2, .text)
            put(wan(item.budget), row, 3, .money, format: "#,##0.00", source: read?.budget?.cell)
            put(wan(item.executed), row, 4, .money, format: "#,##0.00", source: read?.executed?.cell)
            put(.string(item.fundType), row, 5, .center)
            put(item.score.map { .decimal($0.value) } ?? .blank, row, 6, .number, source: read?.score?.cell)
            put(.string(item.grade), row, 7, .center, source: read?.grade?.cell)
            if index == 0 {
                put(.string(summary.rate), row, 8, down: summary.rows.count, .center)
            }
            row += 1
        }
        let total = sources?.total
        put(.string("合计"), row, 1, to: 2, .center, source: total?.cell)
        put(wan(summary.budget), row, 3, .money, format: "#,##0.00", source: total?.budget?.cell)
        put(wan(summary.executed), row, 4, .money, format: "#,##0.00", source: total?.executed?.cell)
        for column in 5...7 { put(.blank, row, column, .center) }
        put(.string(summary.rate), row, 8, .center)
        put(.string("填表人："), row + 2, 1, to: 4, .plain)
        plan.fitHeights()
        return plan
    }
}
