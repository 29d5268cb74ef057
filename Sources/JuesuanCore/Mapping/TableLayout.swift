/// One official table layout, as a mapping file describes it: how to recognise the table, its
/// header as column paths, how rows are keyed, fixed rows, "——" cells, notes, and what the writer
/// needs. The same value serves reading and writing.
public struct TableLayout: Sendable, Hashable {
    /// Template set id (`gk10-2024`).
    public var set: String
    /// Table id within the set (`"03"`).
    public var table: String
    /// Table code as printed (`公开03表`).
    public var code: String
    /// Title as printed (`支出决算表`, `三、支出决算表`).
    public var title: String
    public var aliases: [String]
    /// Canonical statement kind (`expenditure_by_function`).
    public var statement: String
    public var defaultUnit: AmountUnit
    public var keyLines: [KeyLine]
    public var departmentLabel: String
    public var unitLabel: String
    public var hasColumnNumbers: Bool
    public var isInferred: Bool
    public var inferredNote: String?
    public var notes: [String]
    public var emptyNote: String?
    public var blocks: [Block]
    public var summaryRows: [SummaryRow]
    /// Where the layout was read from (file path), for messages.
    public var source: String

    /// All columns left to right across blocks.
    public var columns: [Column] { blocks.flatMap(\.columns) }

    /// The depth of the header (the longest column path).
    public var headerDepth: Int { columns.map(\.header.count).max() ?? 1 }

    /// `set/table`, e.g. `gk10-2024/03`.
    public var id: String { "\(set)/\(table)" }
}

/// The lines printed above a table's grid.
public enum KeyLine: String, Sendable, Hashable, CaseIterable {
    case department, year, unit, code
}

/// A group of columns with its own row key (01's income and expenditure halves; 06's triplets).
public struct Block: Sendable, Hashable {
    public var id: String
    public var columns: [Column]
    public var rows: RowRule
}

public struct Column: Sendable, Hashable {
    public enum Role: String, Sendable, Hashable, CaseIterable {
        case code, name, label, line, amount, count
    }
    /// Header labels from the top header row down to this column's own label.
    public var header: [String]
    /// Other labels that may stand in place of the last one.
    public var also: [String]
    public var role: Role
    /// Canonical measure id of an amount or count column.
    public var measure: String?
    /// 栏次 number printed for the column, if any.
    public var number: String?
    public var width: Double?

    /// The keys (``LabelNormalizer/key(_:)``) this column's own header label may be printed as: its
    /// last header label and its `also` alternatives. What the locator and the learner search for.
    var leafKeys: Set<String> { Set(([header.last!] + also).map(LabelNormalizer.key)) }
}

public struct RowRule: Sendable, Hashable {
    public enum Key: String, Sendable, Hashable {
        case code, line, single
    }
    public enum CodeKind: String, Sendable, Hashable {
        case function, economic
    }
    public var key: Key
    public var codeKind: CodeKind?
    /// The total row of a code-keyed block (its label sits in the code or name column).
    public var total: TotalRow?
    /// Fixed rows, in printed order.
    public var items: [RowItem]
    /// Id of the single data row (`key: single`).
    public var singleID: String?
}

public struct TotalRow: Sendable, Hashable {
    public var label: String
    public var id: String
    public var line: Int?
}

/// One fixed row of a form.
public struct RowItem: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// A data row (with a 行次, a code, or both).
        case data
        /// A section heading spanning the table (10表).
        case heading(String)
        /// A literal row of texts (a repeated sub-header).
        case literal([String])
    }
    public var kind: Kind
    public var line: Int?
    public var label: String?
    /// Canonical row id; for classification rows the code itself.
    public var id: String?
    public var code: String?
    /// Measures the form marks "——" for this row.
    public var notApplicable: Set<String>
    /// Whether the row holds counts rather than money.
    public var isCount: Bool

    /// The key facts of this row are stored under: the id, else the code, else the line.
    public var rowKey: String? { id ?? code ?? line.map { "line:\($0)" } }
}

/// A row below the blocks whose label and value sit in named columns (06's 人员经费合计).
public struct SummaryRow: Sendable, Hashable {
    public struct Position: Sendable, Hashable {
        public var block: String
        public var role: Column.Role?
        public var measure: String?
    }
    public var label: String
    public var id: String
    public var labelAt: Position
    public var valueAt: Position
}
