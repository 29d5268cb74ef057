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

/// Writes a ``BuiltSummary`` as the published 汇总表 (title, unit line, the eight columns, 合计, 填表人).
public struct SummaryWriter {
    public init() {}

    public func write(_ summary: BuiltSummary, to url: URL, replaceExisting: Bool = false) throws {
        let writer = try WorkbookWriter(destination: url, options: .init(replaceExisting: replaceExisting))
        do {
            let sheet = try writer.addSheet(named: "汇总表")
            let title = try writer.format(CellFormat(fontSize: 16, bold: true, horizontalAlignment: .center))
            let header = try writer.format(CellFormat(bold: true, horizontalAlignment: .center, verticalAlignment: .center,
                                                      wrapText: true, borders: .all(.thin)))
            let text = try writer.format(CellFormat(verticalAlignment: .center, wrapText: true, borders: .all(.thin)))
            let center = try writer.format(CellFormat(horizontalAlignment: .center, verticalAlignment: .center, borders: .all(.thin)))
            let money = try writer.format(CellFormat(verticalAlignment: .center, borders: .all(.thin), numberFormat: "#,##0.00"))
            let number = try writer.format(CellFormat(horizontalAlignment: .center, verticalAlignment: .center,
                                                      borders: .all(.thin), numberFormat: "0.##"))
            try sheet.setColumns(1...1, width: 6)
            try sheet.setColumns(2...2, width: 36)
            try sheet.setColumns(3...4, width: 13)
            try sheet.setColumns(5...5, width: 14)
            try sheet.setColumns(6...7, width: 10)
            try sheet.setColumns(8...8, width: 18)
            try sheet.merge(CellRange("A1:H1")!, with: .string("县直部门绩效自评情况汇总表"), format: title)
            try sheet.write(.string("预算部门（盖章）："), at: CellReference("A2")!)
            try sheet.write(.string("单位：万元"), at: CellReference("H2")!)
            let headers = ["序号", "项目名称", "全年预算数", "全年执行数", "资金类型", "自评得分", "自评等级", "自评率\n（应评项目数/已自评项目数）"]
            try sheet.writeRow(headers.map { CellContent.string($0) }, at: CellReference(row: 3, column: 1), format: header)
            func wan(_ amount: Amount?) -> CellContent {
                guard let amount else { return .blank }
                return .decimal(amount.expressed(in: .wanYuan).rounded(2).value)
            }
            var row = 4
            for (index, item) in summary.rows.enumerated() {
                try sheet.write(.string(item.number), at: CellReference(row: row, column: 1), format: center)
                try sheet.write(.string(item.project), at: CellReference(row: row, column: 2), format: text)
                try sheet.write(wan(item.budget), at: CellReference(row: row, column: 3), format: money)
                try sheet.write(wan(item.executed), at: CellReference(row: row, column: 4), format: money)
                try sheet.write(.string(item.fundType), at: CellReference(row: row, column: 5), format: center)
                try sheet.write(item.score.map { .decimal($0.value) } ?? .blank, at: CellReference(row: row, column: 6), format: number)
                try sheet.write(.string(item.grade), at: CellReference(row: row, column: 7), format: center)
                try sheet.write(index == 0 ? .string(summary.rate) : .blank, at: CellReference(row: row, column: 8), format: center)
                row += 1
            }
            try sheet.write(.string("合计"), at: CellReference(row: row, column: 1), format: center)
            try sheet.write(.blank, at: CellReference(row: row, column: 2), format: text)
            try sheet.write(wan(summary.budget), at: CellReference(row: row, column: 3), format: money)
            try sheet.write(wan(summary.executed), at: CellReference(row: row, column: 4), format: money)
            for column in 5...7 { try sheet.write(.blank, at: CellReference(row: row, column: column), format: center) }
            try sheet.write(.string(summary.rate), at: CellReference(row: row, column: 8), format: center)
            try sheet.write(.string("填表人："), at: CellReference(row: row + 2, column: 1))
            try writer.close()
        } catch {
            writer.discard()
            throw error
        }
    }
}
