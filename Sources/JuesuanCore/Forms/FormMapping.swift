import Foundation
import Yams

/// One 绩效自评表 style described as data (`format: juesuan-form-mapping/1`, Mappings/forms/*.yaml):
/// the anchors the reader looks for (title, labels, header labels, fund rows, the total line) and
/// the style's arithmetic (weights, grade bands). See Mappings/README.md, "Form mapping files".
public struct FormMapping: Codable, Sendable, Equatable {
    public static let format = "juesuan-form-mapping/1"

    /// A label to look for; `match: prefix` also accepts longer texts that start with it
    /// (`预算执行情况` ↔ `预算执行情况（10分）`), `pattern` is a regular expression on the normalized text.
    public struct Label: Codable, Sendable, Equatable {
        public var label: String?
        public var also: [String]?
        public var match: String?
        public var pattern: String?
    }

    /// A labelled value: the value is the cell right of the label (`at: right`, default) or below it.
    public struct Field: Codable, Sendable, Equatable {
        public var id: String
        public var label: String?
        public var also: [String]?
        public var match: String?
        /// `right` (default) or `below`.
        public var at: String?
        /// A text cell that starts with this prefix holds the value after it ("填报人：李红艳").
        public var prefix: String?
    }

    /// A column of the money block or of the indicator grid, found by its header label.
    public struct Column: Codable, Sendable, Equatable {
        /// Money: the measure id (`budget`, `executed`, `rate`, `score` …); indicators: the field.
        public var id: String
        public var header: String
        public var also: [String]?
        public var match: String?
        /// `amount` (money, scaled by the unit), `percent`, `number`, `text`.
        public var kind: String?
        /// Index tables: the header label printed over this one ("评价方式" over 整体评价 | 样本评价).
        public var parent: String?
        /// Index tables: the width of the column (characters) for the writer.
        public var width: Double?
        /// Index tables, the scale: the column id it follows (方法归类).
        public var after: String?
    }

    /// A fund row (资金总额, 财政资金 …).
    public struct FundRowLabel: Codable, Sendable, Equatable {
        public var id: String
        public var labels: [String]?
        public var match: String?
        public var pattern: String?
    }

    public struct Money: Codable, Sendable, Equatable {
        /// The label that opens the block (项目资金预算安排及执行进度 / 预算执行情况).
        public var anchor: Label
        /// How many rows from the anchor hold header labels (default 2).
        public var header_rows: Int?
        /// `first` (default): a header's value column is its first column; `last`: its last (Hebei
        /// prints "预算数 | 17" under a header spanning both).
        public var value_at: String?
        public var columns: [Column]
        public var rows: [FundRowLabel]
        /// The id of an unlabelled row right under the header (部门整体: 资金总额 | 财政拨款 | 其他资金 over one row).
        public var single_row: String?
    }

    public struct Indicators: Codable, Sendable, Equatable {
        /// The header label that opens the grid (一级指标).
        public var anchor: Label
        public var header_rows: Int?
        public var columns: [Column]
    }

    public struct Total: Codable, Sendable, Equatable {
        public var label: String
        public var also: [String]?
        /// Index tables: the column (by id) under which the total row states the full mark
        /// (`weight`: 部门整体 得分合计 90 under 指标分值) and the one where it states the score
        /// (`score`; 专项资金 prints its 得分合计 under 分值权重, so `score_at: weight`).
        public var weight_at: String?
        public var score_at: String?
    }

    /// A row of an indicator table that does not count toward the self-evaluated total (部门整体:
    /// 自评质量 and 扣分项 are scored by the 财政 review, not by the department).
    public struct RowMatch: Codable, Sendable, Equatable {
        /// The column id whose label is matched (`level1`).
        public var column: String
        public var label: String
        public var match: String?
    }

    /// An indicator table with weights and scores (部门整体支出绩效评价指标体系, 专项资金预算项目绩效评价指标体系):
    /// one row per indicator, hierarchy labels merged down, a weight (points or a percentage) that
    /// may cover several rows (merged down: "20%" over three rows), a score per row, texts, √ marks
    /// and a grading scale (0 / 0.3 / 0.6 / 0.8 / 1 under 计算公式).
    public struct IndexTable: Codable, Sendable, Equatable {
        /// The header label that opens the table (指标分值 / 分值权重).
        public var anchor: Label
        /// Rows from the anchor that hold header labels (the scale factors included).
        public var header_rows: Int?
        /// Hierarchy columns, outermost first: a blank cell continues the label above, a new outer
        /// label starts its inner ones afresh.
        public var levels: [String]
        /// Columns by header label; kinds: `text` (default), `number` (points), `percent` ("20%"),
        /// `mark` (√).
        public var columns: [Column]
        /// The grading scale: a header (计算公式) whose columns are headed by factors (0, 0.3 … 1) in
        /// the header rows below it; a row states either one formula across them, or a level per factor.
        public var scale: Column?
    }

    public struct Grade: Codable, Sendable, Equatable {
        public var grade: String
        /// Lowest score of the band (inclusive).
        public var min: Amount
    }

    /// The style's arithmetic.
    public struct Rules: Codable, Sendable, Equatable {
        /// Σ weights the form adds up to when it prints no total weight (100).
        public var total_weight: Amount?
        /// The execution score's weight when it sits in the money block (Shanxi 10, Sichuan 10); 0 or
        /// absent when the execution rate is one of the indicators (Hebei).
        public var execution_weight: Amount?
        /// The money measures that define the execution rate: executed / budget.
        public var rate_numerator: String?
        public var rate_denominator: String?
        /// Fund rows that add up to the total row.
        public var fund_parts: [String]?
        /// Measures checked by the fund sum.
        public var fund_measures: [String]?
        /// Whether 结余 = budget − executed is printed (Shanxi).
        public var balance: Bool?
        /// Within the total row, the measure that adds up `column_parts` (部门整体: 资金总额 = 财政拨款 + 其他资金).
        public var column_total: String?
        public var column_parts: [String]?
        /// Index tables: rows that are not self-scored (their weights are not in the full mark).
        public var unscored: [RowMatch]?
        /// Index tables: hierarchy labels that state their points ("目标管理(25分)") are checked
        /// against their rows' weights and scores.
        public var label_points: Bool?
        /// Index tables: `at_most` (default) — a weight covering several rows bounds their scores;
        /// `equal` — their scores must add up to it.
        public var group_scores: String?
        /// Index tables: the self-evaluated score rescaled to this full mark (部门整体: 81 of 90 → 90 of 100).
        public var rescale_to: Amount?
        /// Decimals the rescaled score is rounded to (half up; default 2).
        public var rescale_places: Int?
    }

    /// The 年度主要任务 list (部门整体: 任务名称 | 主要内容 under the anchor).
    public struct Tasks: Codable, Sendable, Equatable {
        public var anchor: Label
        public var columns: [Column]
    }

    /// The 汇总表 columns (kind: summary).
    public struct SummaryColumns: Codable, Sendable, Equatable {
        public var anchor: Label
        public var columns: [Column]
        public var total: Label
    }

    public var format: String
    /// The style id (`hebei-project`).
    public var style: String
    /// `project` or `summary`.
    public var kind: String
    /// The title as printed (matched as a part of the title cell: a year or a project name around it is allowed).
    public var title: String
    public var also_titles: [String]?
    /// Default unit of the money (`万元`).
    public var unit: String
    public var fields: [Field]?
    public var goals: [Field]?
    public var money: Money?
    public var indicators: Indicators?
    public var total: Total?
    public var texts: [Field]?
    public var rules: Rules?
    public var summary: SummaryColumns?
    /// kind: index — the indicator table.
    public var index: IndexTable?
    /// kind: index — a regular expression whose first group, matched on the title, is the project
    /// ("…绩效评价指标体系（政法队伍教育整顿）").
    public var project_from_title: String?
    /// The 年度主要任务 list (部门整体).
    public var tasks: Tasks?
    /// Grade bands, highest first (conventions §7 when absent).
    public var grades: [Grade]?
    /// Where the layout was inferred rather than seen.
    public var inferred_note: String?

    /// The file it was read from.
    public var source: String?

    /// 财预〔2020〕10号: 优 ≥ 90, 良 ≥ 80, 中 ≥ 60, 差 below.
    public static let defaultGrades: [Grade] = [Grade(grade: "优", min: Amount(90)), Grade(grade: "良", min: Amount(80)),
                                                Grade(grade: "中", min: Amount(60)), Grade(grade: "差", min: Amount(0))]

    public var gradeBands: [Grade] { (grades ?? Self.defaultGrades).sorted { $0.min > $1.min } }

    /// The grade a score earns under this style's bands.
    public func grade(for score: Decimal) -> String? {
        gradeBands.first { score >= $0.min.value }?.grade
    }
}

/// Reads form mapping files, naming the file and line of any mistake.
public enum FormMappingLoader {
    /// Whether a YAML text declares the form mapping format.
    public static func isFormMapping(_ text: String) -> Bool {
        text.range(of: #"(?m)^format:\s*["']?juesuan-form-mapping/1"#, options: .regularExpression) != nil
    }

    public static func load(path: String) throws -> FormMapping {
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw MappingError(file: path, line: nil, message: "无法读取 / cannot read: \(error.localizedDescription)")
        }
        return try load(yaml: text, source: path)
    }

    public static func load(yaml text: String, source: String) throws -> FormMapping {
        let node = try MappingLoader.compose(text, source: source)
        var mapping: FormMapping
        do {
            mapping = try YAMLDecoder().decode(FormMapping.self, from: text)
        } catch let DecodingError.keyNotFound(key, context) {
            let path = context.codingPath
            throw MappingError(file: source, line: line(of: path, in: node),
                               message: "缺少 `\(key.stringValue)`（位于 \(dotted(path))）/ missing `\(key.stringValue)` at \(dotted(path))")
        } catch let DecodingError.typeMismatch(_, context) {
            throw MappingError(file: source, line: line(of: context.codingPath, in: node),
                               message: "`\(dotted(context.codingPath))` 类型不对 / wrong type: \(context.debugDescription)")
        } catch let DecodingError.valueNotFound(_, context) {
            throw MappingError(file: source, line: line(of: context.codingPath, in: node),
                               message: "`\(dotted(context.codingPath))` 缺少值 / no value")
        } catch let DecodingError.dataCorrupted(context) {
            throw MappingError(file: source, line: line(of: context.codingPath, in: node),
                               message: "`\(dotted(context.codingPath))` 无效 / invalid: \(context.debugDescription)")
        } catch {
            throw MappingError(file: source, line: nil, message: "\(error)")
        }
        guard mapping.format == FormMapping.format else {
            throw MappingError(file: source, line: line(of: [], in: node, key: "format"),
                               message: "format 应为 \(FormMapping.format) / format must be \(FormMapping.format)")
        }
        let styles = ["shanxi-project", "sichuan-project", "sichuan-department", "hebei-project", "hebei-summary",
                      "sichuan-department-index", "sichuan-fund-index"]
        guard !mapping.style.isEmpty else {
            throw MappingError(file: source, line: line(of: [], in: node, key: "style"), message: "style 为空 / empty style (\(styles.joined(separator: ", ")) …)")
        }
        guard ["project", "summary", "index"].contains(mapping.kind) else {
            throw MappingError(file: source, line: line(of: [], in: node, key: "kind"), message: "kind 应为 project、summary 或 index / kind must be project, summary or index")
        }
        if mapping.kind == "index" {
            guard let index = mapping.index else {
                throw MappingError(file: source, line: nil, message: "指标体系表需要 index / an index table needs `index`")
            }
            let ids = Set(index.columns.map(\.id))
            for level in index.levels where !ids.contains(level) {
                throw MappingError(file: source, line: line(of: [], in: node, key: "index"),
                                   message: "index.levels 中的“\(level)”不是列 id / levels names no column `\(level)`")
            }
            for column in index.columns where !["text", "number", "percent", "mark"].contains(column.kind ?? "text") {
                throw MappingError(file: source, line: line(of: [], in: node, key: "index"),
                                   message: "列“\(column.id)”的 kind 应为 text、number、percent 或 mark / unknown column kind `\(column.kind ?? "")`")
            }
            if let pattern = mapping.project_from_title, (try? NSRegularExpression(pattern: pattern)) == nil {
                throw MappingError(file: source, line: line(of: [], in: node, key: "project_from_title"), message: "正则表达式无效 / invalid pattern: \(pattern)")
            }
        }
        if mapping.kind == "project" && mapping.indicators == nil {
            throw MappingError(file: source, line: nil, message: "项目表需要 indicators / a project form needs indicators")
        }
        if mapping.kind == "summary" && mapping.summary == nil {
            throw MappingError(file: source, line: nil, message: "汇总表需要 summary / a summary needs `summary`")
        }
        guard AmountUnit(text: mapping.unit) != nil else {
            throw MappingError(file: source, line: line(of: [], in: node, key: "unit"), message: "unit 应为 元 或 万元 / unit must be 元 or 万元")
        }
        for pattern in (mapping.money?.rows ?? []).compactMap(\.pattern) {
            if (try? NSRegularExpression(pattern: pattern)) == nil {
                throw MappingError(file: source, line: nil, message: "正则表达式无效 / invalid pattern: \(pattern)")
            }
        }
        mapping.source = source
        return mapping
    }

    private static func dotted(_ path: [CodingKey]) -> String {
        path.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
    }

    /// The line of the node at a coding path (the deepest one that exists).
    private static func line(of path: [CodingKey], in root: Node, key: String? = nil) -> Int? {
        var node = root
        for component in path + (key.map { [AnyKey($0)] } ?? []) {
            if let index = component.intValue, let seq = node.sequence, index < seq.count {
                node = seq[index]
            } else if let map = node.mapping, let next = map[Node(component.stringValue)] {
                node = next
            } else {
                break
            }
        }
        return node.mark?.line
    }

    private struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ s: String) { stringValue = s }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}
