/// Which rows of a statement a quantity reads.
public enum RowSelector: Sendable, Hashable {
    /// One row: a fixed id (`income_total`) or a code (`201`).
    case row(String)
    /// Every classification row whose code has this many digits (the 类 rows: 3).
    case codes(length: Int)
}

/// A quantity of a statement kind: rows and a measure, added with a sign.
public struct Quantity: Sendable, Hashable {
    public var kind: String
    public var rows: RowSelector
    public var measure: String
    public var sign: Int

    public init(_ kind: String, _ rows: RowSelector, _ measure: String, sign: Int = 1) {
        self.kind = kind
        self.rows = rows
        self.measure = measure
        self.sign = sign
    }
}

/// When a rule applies: the tables' definitions hold only under these conditions (conventions §5).
public enum RuleCondition: Sendable, Hashable {
    case always
    /// All income is 一般公共预算财政拨款 (01 lines 2–8 and the non-appropriation balance are zero, and
    /// 04 has no 政府性基金 / 国有资本经营 spending): then 03 equals 05 code by code.
    case generalBudgetOnly
    /// All income is 财政拨款 (01 lines 4–8 and the non-appropriation balance are zero).
    case appropriationsOnly
    /// The 10表 states 机关运行经费 for a 行政单位 or 参公单位 (its row 5 or 6 is not zero).
    case runningCostStated
}

/// What a rule compares.
public enum RuleKind: Sendable, Hashable {
    /// `total` = Σ `parts` (signed), each resolved in the report.
    case sum(total: Quantity, parts: [Quantity])
    /// In every row of a statement: `total` measure = Σ `parts` measures (signed).
    case rowSum(kind: String, total: String, parts: [String], signs: [Int])
    /// 合计 = Σ 类, 类 = Σ 款, 款 = Σ 项 (economic: 类 = Σ 款), for each measure.
    case hierarchy(kind: String)
    /// Code by code (codes of `length` digits, or all): lhs = Σ rhs across statements.
    case perCode(lhs: (kind: String, measure: String), rhs: [(kind: String, measure: String)], length: Int?)
    /// A cell the form marks "——" that holds a number.
    case notApplicableHoldsNumber
    /// One code printed with different names in different places.
    case codeNames

    public static func == (a: RuleKind, b: RuleKind) -> Bool { "\(a)" == "\(b)" }
    public func hash(into hasher: inout Hasher) { hasher.combine("\(self)") }
}

/// One rule of the official arithmetic (勾稽关系).
public struct CheckRule: Sendable, Hashable {
    /// Stable id, e.g. `T03-ROW-SUM`.
    public var id: String
    /// Chinese description, for people.
    public var description: String
    /// Severity beyond the rounding bound (a rounding tail is always a warning).
    public var severity: Finding.Severity
    /// Tables involved, as gk10 / sc13 numbers.
    public var tables: String
    public var kind: RuleKind
    public var condition: RuleCondition
}
