import Foundation

/// One department's (or unit's) final accounts for one year: the canonical model in the middle
/// of every conversion. Independent of any template: each table found is kept as a
/// ``Statement`` of a canonical kind, with exact amounts in 元 and the cell each came from.
/// Where two tables state the same quantity, both statements are kept, for the checks.
///
/// Its JSON form (schema `juesuan-report/1`) is what `juesuan import` writes.
public struct Report: Codable, Sendable, Hashable {
    public static let schemaID = "juesuan-report/1"

    public var schema: String = Report.schemaID
    /// 部门名称 as the workbook states it.
    public var department: String?
    /// Department or unit code where the workbook gives one.
    public var departmentCode: String?
    public var fiscalYear: Int?
    /// The workbook the report was read from.
    public var sourceFile: String?
    /// The template set the tables were recognised as (`gk10-2024`).
    public var templateSet: String?
    public var statements: [Statement]

    public init(department: String? = nil, departmentCode: String? = nil, fiscalYear: Int? = nil,
                sourceFile: String? = nil, templateSet: String? = nil, statements: [Statement] = []) {
        self.department = department
        self.departmentCode = departmentCode
        self.fiscalYear = fiscalYear
        self.sourceFile = sourceFile
        self.templateSet = templateSet
        self.statements = statements
    }

    /// The statements of one kind (there may be more than one table stating it).
    public func statements(ofKind kind: String) -> [Statement] {
        statements.filter { $0.kind == kind }
    }
}

/// What one table states.
public struct Statement: Codable, Sendable, Hashable {
    /// Canonical kind (`expenditure_by_function`).
    public var kind: String
    /// The table it was read from.
    public var table: TableReference
    /// Where the table sits: sheet and range.
    public var sheet: String
    public var range: String
    /// The unit the table was published in, and whether it was stated or assumed.
    public var sourceUnit: AmountUnit
    public var unitStated: Bool
    /// The coarsest rounding every amount of the table shares, in 元 (`0.01`, or `100` for 万元 tables).
    public var precision: Amount
    public var rows: [StatementRow]

    public init(kind: String, table: TableReference, sheet: String, range: String, sourceUnit: AmountUnit,
                unitStated: Bool, precision: Amount, rows: [StatementRow]) {
        self.kind = kind
        self.table = table
        self.sheet = sheet
        self.range = range
        self.sourceUnit = sourceUnit
        self.unitStated = unitStated
        self.precision = precision
        self.rows = rows
    }

    /// The row with this key (`"201"`, `"total"`, `"income_total"`).
    public func row(_ key: String) -> StatementRow? { rows.first { $0.key == key } }

    /// The amount of a row and measure, if stated.
    public func amount(row key: String, measure: String) -> Amount? { row(key)?.values[measure]?.amount }
}

/// Identifies the table layout a statement was read with.
public struct TableReference: Codable, Sendable, Hashable {
    public var set: String
    public var table: String
    public var code: String
    public var title: String

    public init(set: String, table: String, code: String, title: String) {
        self.set = set
        self.table = table
        self.code = code
        self.title = title
    }
}

/// One row of a statement: a classification code, or a fixed item of the form.
public struct StatementRow: Codable, Sendable, Hashable {
    /// The row's key: the classification code, or the fixed row's canonical id.
    public var key: String
    /// Classification code (类/款/项 or economic), where the row states one.
    public var code: String?
    /// The label or 科目名称 as printed.
    public var label: String?
    /// 行次 where the form numbers the row.
    public var line: Int?
    /// The cell holding the row's label or code.
    public var cell: String?
    /// The cell holding the 科目名称 of a classification row, where it has its own column.
    public var nameCell: String?
    public var values: [String: StatedValue]

    public init(key: String, code: String? = nil, label: String? = nil, line: Int? = nil, cell: String? = nil,
                values: [String: StatedValue] = [:]) {
        self.key = key
        self.code = code
        self.label = label
        self.line = line
        self.cell = cell
        self.values = values
    }
}

/// One stated value and the cell it came from.
public struct StatedValue: Codable, Sendable, Hashable {
    /// Money in 元 (exact), or a count; `nil` when the cell is "——" (not applicable).
    public var amount: Amount?
    /// True when the value is a count (vehicles, equipment): no unit applies.
    public var isCount: Bool?
    /// True when the form marks the cell "——" (it should hold no amount).
    public var notApplicable: Bool?
    /// The source cell, `Sheet!A1`, the sheet quoted as Excel quotes it in formulas.
    public var cell: String

    public init(amount: Amount?, isCount: Bool? = nil, notApplicable: Bool? = nil, cell: String) {
        self.amount = amount
        self.isCount = isCount
        self.notApplicable = notApplicable
        self.cell = cell
    }
}
