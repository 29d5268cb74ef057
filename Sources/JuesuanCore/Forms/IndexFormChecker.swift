import Foundation

/// The checks of the indicator tables with weights and scores (`kind: index`), in the finding
/// format of the other form checks: Σ weights = the full mark, a weight (or a weight covering
/// several rows, or a label that states its points) bounds its scores, Σ scores = the 得分合计
/// (rescaled where the style rescales), the score of a graded row is one of its levels, the grade.
extension FormChecker {
    public func check(_ index: IndexForm) -> [Finding] {
        guard let style = styles[index.style] else { return [] }
        let rules = style.rules
        let name = "“\(index.project.isEmpty ? index.title : index.project)”"
        let evaluation = IndexEvaluation(rows: index.rows, total: index.total, style: style)
        let full = evaluation.fullMark.value
        let percent = style.index?.columns.first { $0.id == "weight" }?.kind == "percent"
        func points(_ weight: SourcedNumber) -> Decimal { percent ? weight.value.value * full / 100 : weight.value.value }
        func show(_ d: Decimal) -> String { Amount(d).description }
        var findings: [Finding] = []

        // F-WEIGHT-SUM: the self-scored weights add up to the full mark
        let weighted = index.rows.filter { $0.counted && $0.weight != nil }
        if !weighted.isEmpty && evaluation.weightSum.value != full {
            findings.append(Finding(rule: "F-WEIGHT-SUM", severity: .error,
                                    message: "\(name)：自评指标的分值（权重）之和应为 \(show(full)) / Σ weights of the self-scored rows must be \(show(full))",
                                    expected: show(full), actual: evaluation.weightSum.description,
                                    locations: [index.total.weight?.cell ?? index.total.cell ?? index.cell] + weighted.compactMap(\.weight?.cell),
                                    table: index.style, difference: show(evaluation.weightSum.value - full)))
        }

        // groups: a weight covers its row and the rows under it that print none (a weight merged down)
        var groups: [(weight: SourcedNumber, rows: [IndexRow])] = []
        for row in index.rows {
            if let weight = row.weight { groups.append((weight, [row])) } else if !groups.isEmpty { groups[groups.count - 1].rows.append(row) }
        }
        let equal = rules?.group_scores == "equal"
        for group in groups {
            let scores = group.rows.compactMap(\.score)
            let limit = points(group.weight)
            let sum = scores.reduce(Decimal(0)) { $0 + $1.value.value }
            let label = group.rows[0].label(style.index?.levels.last ?? "level3")
            if let negative = scores.first(where: { $0.value.value < 0 }) {
                findings.append(Finding(rule: "F-SCORE-LIMIT", severity: .error, message: "\(name)“\(label)”：得分为负 / a negative score",
                                        expected: "≥ 0", actual: negative.printed, locations: [negative.cell], table: index.style))
            }
            guard !scores.isEmpty else {
                if group.rows[0].counted {
                    findings.append(Finding(rule: "F-UNSCORED", severity: .warning,
                                            message: "\(name)“\(label)”：自评指标未填得分 / a self-scored indicator without a score",
                                            expected: "≤ \(group.weight.printed)", actual: "", locations: [group.weight.cell], table: index.style))
                }
                continue
            }
            if sum > limit || (equal && group.rows.count > 1 && sum != limit) {
                let many = group.rows.count > 1
                findings.append(Finding(rule: "F-SCORE-LIMIT", severity: .error,
                                        message: many
                                            ? "\(name)：分值权重 \(group.weight.printed) 所覆盖 \(group.rows.count) 行的得分之和 \(show(sum)) \(equal ? "应等于" : "超过")该权重 / the scores of the \(group.rows.count) rows under one weight \(equal ? "must add up to" : "exceed") it"
                                            : "\(name)“\(label)”：得分 \(scores[0].printed) 超过分值 \(group.weight.printed) / the score is above its weight",
                                        expected: "\(equal && many ? "=" : "≤") \(show(limit))", actual: show(sum),
                                        locations: scores.map(\.cell) + [group.weight.cell], table: index.style,
                                        difference: show(sum - limit)))
            }
            // F-SCALE: a graded row (a level under each factor) scores its weight × one of its factors
            if group.rows.count == 1, let levels = group.rows[0].levels, !levels.isEmpty, let score = scores.first {
                let allowed = levels.map { limit * $0.factor.value }
                if !allowed.contains(score.value.value) {
                    findings.append(Finding(rule: "F-SCALE", severity: .error,
                                            message: "\(name)“\(label)”：分级评分的得分应为分值 × 所选档次系数（\(levels.map { "\($0.text) \($0.factor)" }.joined(separator: "、"))）/ a graded score must be the weight × one of its levels",
                                            expected: allowed.map(show).joined(separator: " | "), actual: score.printed,
                                            locations: [score.cell, group.weight.cell] + levels.map(\.cell), table: index.style))
                }
            }
        }

        // a row that is not self-scored carries no score
        for row in index.rows where !row.counted {
            if let score = row.score {
                findings.append(Finding(rule: "F-UNSCORED", severity: .warning,
                                        message: "\(name)“\(row.label(style.index?.levels.first ?? "level1"))”不属自评范围，却填有得分 / a row outside the self-evaluation carries a score",
                                        expected: "", actual: score.printed, locations: [score.cell], table: index.style))
            }
        }

        // labels that state their points ("目标管理(25分)"): Σ weights = the points, Σ scores ≤ the points
        if rules?.label_points == true {
            for level in style.index?.levels ?? [] {
                var k = 0
                while k < index.rows.count {
                    guard let label = index.rows[k].labels[level] else { k += 1; continue }
                    var n = 1
                    while k + n < index.rows.count, index.rows[k + n].labels[level] == label { n += 1 }
                    defer { k += n }
                    guard let stated = Self.statedPoints(label.text) else { continue }
                    let run = Array(index.rows[k..<(k + n)])
                    let weights = run.compactMap(\.weight)
                    let weightSum = weights.reduce(Decimal(0)) { $0 + points($1) }
                    if !weights.isEmpty && weightSum != stated {
                        findings.append(Finding(rule: "F-WEIGHT-SUM", severity: .error,
                                                message: "\(name)“\(label.text)”下各行分值之和应为 \(show(stated)) / the weights under this label must add up to its points",
                                                expected: show(stated), actual: show(weightSum), locations: [label.cell] + weights.map(\.cell),
                                                table: index.style, difference: show(weightSum - stated)))
                    }
                    let scores = run.compactMap(\.score)
                    let scoreSum = scores.reduce(Decimal(0)) { $0 + $1.value.value }
                    if scoreSum > stated {
                        findings.append(Finding(rule: "F-SCORE-LIMIT", severity: .error,
                                                message: "\(name)“\(label.text)”下各行得分之和超过 \(show(stated)) 分 / the scores under this label exceed its points",
                                                expected: "≤ \(show(stated))", actual: show(scoreSum), locations: [label.cell] + scores.map(\.cell),
                                                table: index.style, difference: show(scoreSum - stated)))
                    }
                }
            }
        }

        // F-SCORE-SUM: the 得分合计 (rescaled where the style rescales)
        if let stated = index.total.score {
            let places = decimals(stated.printed)
            let expected: Decimal
            let rescaled = evaluation.scaledTo != nil && full != 0
            if let to = evaluation.scaledTo, full != 0 {
                expected = Amount(evaluation.scoreSum.value * to.value / full).rounded(places).value
            } else {
                expected = evaluation.scoreSum.value
            }
            if stated.value.value != expected {
                let scored = index.rows.filter(\.counted).compactMap(\.score)
                findings.append(Finding(rule: "F-SCORE-SUM", severity: .error,
                                        message: rescaled
                                            ? "\(name)：得分合计应为各项得分之和 \(evaluation.scoreSum) 换算为满分 \(evaluation.scaledTo!) 分：\(evaluation.scoreSum) × \(evaluation.scaledTo!) / \(show(full)) / the total must be Σ scores rescaled to \(evaluation.scaledTo!)"
                                            : "\(name)：得分合计应等于各项得分之和 / the total must equal Σ scores",
                                        expected: Amount(expected).formatted(places: places), actual: stated.printed,
                                        locations: [stated.cell] + scored.map(\.cell), table: index.style,
                                        difference: show(stated.value.value - expected)))
            }
        }
        let ceiling = evaluation.scaledTo?.value ?? full
        if evaluation.finalScore.value > ceiling {
            findings.append(Finding(rule: "F-SCORE-LIMIT", severity: .error,
                                    message: "\(name)：总得分 \(evaluation.finalScore) 超过满分 \(show(ceiling)) / the total is above the full mark",
                                    expected: "≤ \(show(ceiling))", actual: evaluation.finalScore.description,
                                    locations: [index.total.score?.cell ?? index.total.cell ?? index.cell], table: index.style))
        }
        // F-GRADE
        if let grade = index.total.grade, let expected = evaluation.grade, grade.text != expected {
            findings.append(Finding(rule: "F-GRADE", severity: .error,
                                    message: "\(name)：得分 \(evaluation.finalScore) 对应等级“\(expected)”，表中为“\(grade.text)” / the grade does not match the score",
                                    expected: expected, actual: grade.text,
                                    locations: [grade.cell] + (index.total.score.map { [$0.cell] } ?? []), table: index.style))
        }
        return findings
    }

    /// The points a label states: "目标管理(25分)" → 25, "自评质量 （10分）" → 10.
    static func statedPoints(_ label: String) -> Decimal? {
        let text = LabelNormalizer.normalize(label)
        guard let range = text.range(of: #"[(（]\s*[0-9]+(\.[0-9]+)?\s*分\s*[)）]$"#, options: .regularExpression) else { return nil }
        let digits = text[range].filter { $0.isASCII && ($0.isNumber || $0 == ".") }
        return Decimal(string: String(digits))
    }
}
