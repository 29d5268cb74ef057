import Foundation

/// An indicator table with weights and scores — 部门整体支出绩效评价指标体系 (附表 1-1) and the
/// 专项资金预算项目绩效评价指标体系 (附表 1), one general shape described by the style's mapping file
/// (`kind: index`): hierarchy labels, a weight per row or one weight merged over several rows, a
/// score per row, texts, √ marks and a grading scale. Weights and scores are exact decimals; every
/// value keeps the cell it was read from.
///
/// ```swift
/// let index = document.indexForms?.first
/// index?.evaluation.scoreSum          // 81 (Σ 评价得分 of the self-scored rows)
/// index?.evaluation.scaledScore       // 90.00 (81 × 100 / 90, half up to 2 places)
/// index?.evaluation.grade             // "优"
/// ```
public struct IndexForm: Codable, Sendable, Equatable {
    /// The style id (`sichuan-department-index`, `sichuan-fund-index`).
    public var style: String
    public var title: String
    public var sheet: String
    /// The title cell.
    public var cell: String
    /// The project the title names (专项资金: "…（政法队伍教育整顿）"), else "".
    public var project: String
    /// The grading scale's factors as the header prints them (0, 0.3, 0.6, 0.8, 1), with their cells.
    public var scale: [SourcedNumber]?
    public var rows: [IndexRow]
    public var total: IndexTotal
    /// What the rows add up to under the style's rules (derived when read, never printed).
    public var evaluation: IndexEvaluation
}

/// One indicator of an index table.
public struct IndexRow: Codable, Sendable, Equatable {
    /// Texts by column id (`level1`, `explanation`, `method` …). Hierarchy labels are the ones in
    /// force for this row (a label merged down over several rows is given to each, with its own cell).
    public var labels: [String: SourcedText]
    /// √ marks by column id (`whole`, `sample`, `qualitative`, `quantitative` …).
    public var marks: [String: SourcedText]
    /// The grading formula when the row prints one across the scale ("发现一处扣 0.5 分，直至扣完").
    public var formula: SourcedText?
    /// The grading levels when the row prints one per factor ("不完善" at 0, "较完善" at 0.6, "完善" at 1).
    public var levels: [IndexLevel]?
    /// The row's own weight as printed: points (5) or a percentage (20 for "20%"); nil when the row
    /// lies under a weight merged down from a row above (its group's weight).
    public var weight: SourcedNumber?
    public var score: SourcedNumber?
    /// Whether the row counts toward the self-evaluated total (false: 自评质量, 扣分项).
    public var counted: Bool
    /// The first cell of the row.
    public var cell: String

    public func label(_ id: String) -> String { labels[id]?.text ?? "" }
}

/// A grading level: its factor and the text printed under it.
public struct IndexLevel: Codable, Sendable, Equatable {
    public var factor: Amount
    public var text: String
    public var cell: String
}

/// The 得分合计 row.
public struct IndexTotal: Codable, Sendable, Equatable {
    /// The full mark it states (部门整体 90).
    public var weight: SourcedNumber?
    /// The score it states (专项资金 100, 95, 92; 部门整体: the rescaled score, left blank in dachuan).
    public var score: SourcedNumber?
    /// A note printed in the row ("说明：自评时满分为 90 分，此处实际得分应为换算后满分 100 分的得分。").
    public var note: SourcedText?
    public var grade: SourcedText?
    public var cell: String?
}

/// The arithmetic of an index table under its style's rules.
public struct IndexEvaluation: Codable, Sendable, Equatable {
    /// Σ weights of the self-scored rows, in points (a percentage × the full mark / 100).
    public var weightSum: Amount
    /// Σ scores of the self-scored rows.
    public var scoreSum: Amount
    /// The full mark of the self-evaluation: the total row's, else the style's `total_weight`.
    public var fullMark: Amount
    /// The full mark the score is rescaled to (部门整体 100), when the style rescales.
    public var scaledTo: Amount?
    /// scoreSum × scaledTo / fullMark, rounded half up to `places` decimals.
    public var scaledScore: Amount?
    public var places: Int?
    /// The grade of the final score (the rescaled one where there is one) under the style's bands.
    public var grade: String?

    /// The score the grade is taken from.
    public var finalScore: Amount { scaledScore ?? scoreSum }

    /// Computes the evaluation of rows under a style's rules.
    ///
    /// ```swift
    /// IndexEvaluation(rows: rows, total: total, style: mapping)   // 81 of 90 → 90.00 → 优
    /// ```
    public init(rows: [IndexRow], total: IndexTotal, style: FormMapping) {
        let full = total.weight?.value.value ?? style.rules?.total_weight?.value ?? 100
        let percent = style.index?.columns.first { $0.id == "weight" }?.kind == "percent"
        let counted = rows.filter(\.counted)
        let weights = counted.compactMap(\.weight).reduce(Decimal(0)) { $0 + $1.value.value }
        weightSum = Amount(percent ? weights * full / 100 : weights)
        scoreSum = Amount(counted.compactMap(\.score).reduce(Decimal(0)) { $0 + $1.value.value })
        fullMark = Amount(full)
        if let to = style.rules?.rescale_to, full != 0 {
            let places = style.rules?.rescale_places ?? 2
            scaledTo = to
            self.places = places
            scaledScore = Amount(scoreSum.value * to.value / full).rounded(places)
        }
        grade = style.grade(for: (scaledScore ?? scoreSum).value)
    }
}
