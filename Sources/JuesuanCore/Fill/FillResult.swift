import Foundation
import SpreadsheetKit

/// One cell `fill` writes into the template.
public struct FilledCell: Codable, Sendable, Hashable {
    /// The template's sheet and cell (`公开03表`, `C8`).
    public var sheet: String
    public var cell: String
    /// What was written: a number as its exact decimal text in the template's unit, or text.
    public var value: String
    public var isText: Bool
    /// The table and row key (`gk10-2024/03`, `2010101`) and measure it states; `nil` for key lines.
    public var table: String?
    public var row: String?
    public var measure: String?
}

/// A value of the report that `fill` could not put into the template: named, never dropped silently.
public struct UnplacedValue: Codable, Sendable, Hashable {
    public enum Reason: String, Codable, Sendable {
        /// The template has no row for it (a classification code the template does not list).
        case noRow = "no_row"
        /// The template's table has no column for the measure.
        case noColumn = "no_column"
        /// The template's cell shows "——" (the form forbids an amount there).
        case notApplicableCell = "not_applicable_cell"
        /// The template's cell holds a formula; the formula was kept.
        case formulaCell = "formula_cell"
    }
    public var table: TableReference
    public var row: String
    public var code: String?
    public var label: String?
    public var measure: String
    /// The template column's label for the measure (`项目支出`), where the layout has one.
    public var column: String?
    /// The amount in 元 (or the count).
    public var amount: Amount
    /// The amount as the template shows it (its unit, 2 decimals).
    public var shown: String
    public var unit: AmountUnit
    public var reason: Reason
    /// The template cell, where there is one (`'公开06表'!F12`).
    public var cell: String?

    /// The message for the terminal, Chinese first.
    public var message: String {
        let what = [code.map { "科目 \($0)" } ?? "行“\(row)”", label.map { "（\($0)）" }].compactMap { $0 }.joined()
        let amountText = "\(column ?? measure) \(shown)\(unit == .wanYuan ? " 万元" : " 元")"
        let table = "\(self.table.code) \(self.table.title)"
        switch reason {
        case .noRow:
            return "\(table)：模板中没有\(what)的行，\(amountText) 未写入 / the template has no row for \(code ?? row); \(amountText) not written"
        case .noColumn:
            return "\(table)：模板中没有 \(measure) 列，\(what) 的 \(amountText) 未写入 / the template has no column for \(measure); \(amountText) of \(code ?? row) not written"
        case .notApplicableCell:
            return "\(table)：模板在 \(cell ?? "?") 标为“——”，\(what) 的 \(amountText) 未写入 / the template marks \(cell ?? "?") '——'; \(amountText) of \(code ?? row) not written"
        case .formulaCell:
            return "\(table)：\(cell ?? "?") 是公式，保留公式，\(what) 的 \(amountText) 未写入（请在 Excel 中核对计算结果）/ \(cell ?? "?") holds a formula, kept; \(amountText) of \(code ?? row) not written (check the result in Excel)"
        }
    }
}

/// What `fill` did: the tables it recognised, what it wrote, what it could not write.
public struct FillResult: Codable, Sendable {
    /// The template's tables, each with the report statement filled into it (`nil`: none).
    public struct Table: Codable, Sendable, Hashable {
        public var table: TableReference
        public var sheet: String
        public var unit: AmountUnit
        /// The report table whose values were written; `nil` when the report has none for it.
        public var filledFrom: TableReference?
        public var cells: Int
    }
    public var template: String
    public var output: String?
    public var tables: [Table] = []
    public var written: [FilledCell] = []
    /// Values of the report the template has no place for (exit status 1), and those left to a template formula.
    public var unplaced: [UnplacedValue] = []
    /// Tables of the report the template does not have.
    public var tablesNotInTemplate: [TableReference] = []
    /// Template formula cells whose cached value was removed (Excel recalculates them on opening).
    public var formulasRecalculated: Int = 0
    public var warnings: [String] = []

    /// Whether some value of the report could not be written (a formula kept in its place does not count:
    /// the formula computes it).
    public var isIncomplete: Bool { unplaced.contains { $0.reason != .formulaCell } }
}

/// Why a template could not be filled.
public enum FillError: Error, LocalizedError, Sendable {
    case noTableInTemplate(file: String, looked: [String])

    public var errorDescription: String? {
        switch self {
        case .noTableInTemplate(let file, let looked):
            return "模板 \(file) 中没有找到任何已知版式的表（已按 \(looked.joined(separator: "、")) 查找；新版式请先用 juesuan learn 起草映射）/ no table of a known layout in the template \(file) (searched \(looked.joined(separator: ", ")); learn a new layout with juesuan learn first)"
        }
    }
}
