import Foundation

/// The rules of the 绩效自评表 checks, for `check --list-rules`.
public enum FormRules {
    public static let rules: [(id: String, description: String)] = [
        ("F-CELL", "金额、分值、得分单元格中不是数字（文字、无缓存值的公式）/ a money, weight or score cell that is not a number"),
        ("F-EXEC-RATE", "执行率 = 执行数 / 预算数（按表中印出的小数位舍入）/ execution rate = executed / budget"),
        ("F-BALANCE", "资金结(转)余 = 全年预算数 − 全年执行数 / balance = budget − executed"),
        ("F-FUND-SUM", "总额 = 各资金来源之和 / the total row = the sum of the fund rows"),
        ("F-WEIGHT-SUM", "指标分值（权重）之和 + 执行率分值 = 总分值（100）/ Σ weights = the form's total weight"),
        ("F-SCORE-SUM", "各项得分之和 = 总分 / Σ scores = the total score"),
        ("F-SCORE-LIMIT", "得分不超过分值 / a score is not above its weight"),
        ("F-GRADE", "等级与得分区间一致（优 ≥ 90，良 ≥ 80，中 ≥ 60，差 < 60）/ the grade matches the score bands"),
        ("F-SCALE", "分级评分的得分 = 分值 × 所选档次系数（0、0.3、0.6、0.8、1 下印出的档次）/ a graded score is the weight × one of its levels"),
        ("F-UNSCORED", "自评指标未填得分，或不属自评的指标（自评质量、扣分项）填了得分（警告）/ a self-scored row without a score, or a score on a row outside the self-evaluation (warning)"),
        ("F-EXEC-INDICATOR", "“预算执行率”指标的实际完成值 = 预算执行情况中的执行率 / the execution-rate indicator = the money block's rate"),
        ("S-ROW-FORM", "汇总表每行 = 对应自评表（预算数、执行数、得分、等级）/ a summary row equals its form"),
        ("S-ROW-MISSING", "汇总表的项目找不到自评表，或自评表未列入汇总表 / a summary row without a form, or a form missing from the summary"),
        ("S-TOTAL", "汇总表合计 = 各行之和 / the summary total = Σ rows"),
        ("S-GRADE", "汇总表等级与得分区间一致 / a summary grade matches its score"),
    ]
}

/// Checks 绩效自评表 forms and 汇总表 summaries, producing findings in the format of the disclosure
/// checks (conventions §5): cells of the checked workbook, values in the unit the form prints.
///
/// ```swift
/// let findings = FormChecker(catalog: catalog).check(document)
/// let cross = FormChecker(catalog: catalog).check(summary: summaryDocument, against: formsDocument)
/// ```
public struct FormChecker {
    public let styles: [String: FormMapping]

    public init(catalog: MappingCatalog) {
        styles = Dictionary(catalog.forms.map { ($0.style, $0) }, uniquingKeysWith: { $1 })
    }

    public init(styles: [FormMapping]) {
        self.styles = Dictionary(styles.map { ($0.style, $0) }, uniquingKeysWith: { $1 })
    }

    /// Every form and summary of a document on its own; a summary is also checked against the
    /// forms of the same document.
    public func check(_ document: FormsDocument) -> [Finding] {
        var findings: [Finding] = []
        for form in document.forms { findings += check(form) }
        for index in document.indexForms ?? [] { findings += check(index) }
        for summary in document.summaries {
            findings += check(summary)
            if !document.forms.isEmpty { findings += compare(summary, with: document.forms) }
        }
        return findings
    }

    /// The summaries of one document against the forms of others (`check SUMMARY FORMS...`).
    public func check(summary: FormsDocument, against forms: [PerformanceForm]) -> [Finding] {
        var findings: [Finding] = []
        for s in summary.summaries {
            findings += check(s)
            findings += compare(s, with: forms)
        }
        return findings
    }

    // MARK: one form

    public func check(_ form: PerformanceForm) -> [Finding] {
        let style = styles[form.style]
        let rules = style?.rules
        var findings: [Finding] = []
        let name = "“\(form.project)”"
        let unit = form.unit

        // F-EXEC-RATE
        let numerator = rules?.rate_numerator ?? "executed", denominator = rules?.rate_denominator ?? "budget"
        for fund in form.funds {
            guard let rate = fund.rate, let executed = fund.amounts[numerator], let budget = fund.amounts[denominator] else { continue }
            let places = decimals(rate.printed)
            let expected: Decimal = budget.value.value == 0 ? 0 : executed.value.value / budget.value.value * 100
            let difference = abs(expected - rate.value.value)
            let half = pow10(-places) / 2
            // the amounts themselves are rounded to their printed places: that much more is a tail
            let amountHalf = (pow10(-max(2, decimals(budget.printed), decimals(executed.printed))) / 2) * unit.yuanPerUnit
            let tail: Decimal = budget.value.value == 0 ? 0 : (amountHalf * 2 / abs(budget.value.value)) * 100 * (1 + abs(expected) / 100)
            if difference > half + Decimal(string: "0.0000001")! {
                let isTail = difference <= half + tail
                let percent = rate.printed.contains("%") ? "%" : ""
                findings.append(Finding(rule: "F-EXEC-RATE", severity: isTail ? .warning : .error,
                                        message: "\(name)\(fund.label)：执行率应为执行数 / 预算数\(isTail ? "（金额已舍入，尾数误差）" : "") / \(form.project) \(fund.label): the rate must be executed / budget\(isTail ? " (a rounding tail of the printed amounts)" : "")",
                                        expected: Amount(expected).formatted(places: places) + percent, actual: rate.printed,
                                        locations: [rate.cell, executed.cell, budget.cell], table: form.style,
                                        difference: Amount(expected - rate.value.value).formatted(places: max(places, 2))))
            }
        }

        // F-BALANCE
        if rules?.balance == true {
            for fund in form.funds {
                guard let balance = fund.amounts["balance"], let budget = fund.amounts["budget"], let executed = fund.amounts["executed"] else { continue }
                let expected = budget.value - executed.value
                if let f = compare(rule: "F-BALANCE", expected: expected, actual: balance, addends: 2, unit: unit,
                                   printed: [budget, executed, balance],
                                   message: "\(name)\(fund.label)：结余应为预算数 − 执行数 / balance must be budget − executed",
                                   locations: [balance.cell, budget.cell, executed.cell], table: form.style) {
                    findings.append(f)
                }
            }
        }

        // F-FUND-SUM
        if let parts = rules?.fund_parts, let total = form.fund("total") {
            let partRows = form.funds.filter { parts.contains($0.id) }
            for measure in rules?.fund_measures ?? ["budget", "executed"] {
                guard let stated = total.amounts[measure] else { continue }
                let addends = partRows.compactMap { $0.amounts[measure] }
                guard !addends.isEmpty else { continue }
                let sum = addends.reduce(Amount.zero) { $0 + $1.value }
                if let f = compare(rule: "F-FUND-SUM", expected: sum, actual: stated, addends: addends.count, unit: unit,
                                   printed: addends + [stated],
                                   message: "\(name)：总额应等于各资金来源之和（\(measure)）/ the total must equal the sum of the fund rows (\(measure))",
                                   locations: [stated.cell] + addends.map(\.cell), table: form.style) {
                    findings.append(f)
                }
            }
        }

        // F-FUND-SUM across the columns of one row (部门整体: 资金总额 = 财政拨款 + 其他资金)
        if let totalMeasure = rules?.column_total, let parts = rules?.column_parts {
            for fund in form.funds {
                guard let stated = fund.amounts[totalMeasure] else { continue }
                let addends = parts.compactMap { fund.amounts[$0] }
                guard !addends.isEmpty else { continue }
                if let f = compare(rule: "F-FUND-SUM", expected: addends.reduce(Amount.zero) { $0 + $1.value }, actual: stated,
                                   addends: addends.count, unit: unit, printed: addends + [stated],
                                   message: "\(name)：\(totalMeasure) 应等于 \(parts.joined(separator: " + ")) / \(totalMeasure) must equal the sum of its parts",
                                   locations: [stated.cell] + addends.map(\.cell), table: form.style) {
                    findings.append(f)
                }
            }
        }

        // execution score (in the money block, Shanxi / Sichuan)
        let executionWeightRule = rules?.execution_weight?.value ?? 0
        let executionFund = form.fund("total").flatMap { $0.score != nil || $0.weight != nil ? $0 : nil }
            ?? form.funds.first { $0.score != nil }
        let executionWeight: SourcedNumber? = executionFund?.weight
        let executionScore: SourcedNumber? = executionFund?.score
        let execWeightValue = executionWeight?.value.value ?? executionWeightRule

        // F-WEIGHT-SUM
        let weights = form.indicators.compactMap(\.weight)
        let weightSum = weights.reduce(Decimal(0)) { $0 + $1.value.value } + execWeightValue
        let totalWeight = form.total.weight?.value.value ?? rules?.total_weight?.value ?? 100
        if weightSum != totalWeight && (!weights.isEmpty || form.total.weight != nil || form.total.score != nil) {
            var locations = [form.total.weight?.cell ?? form.total.cell ?? form.cell] + weights.map(\.cell)
            if let executionWeight { locations.append(executionWeight.cell) }
            findings.append(Finding(rule: "F-WEIGHT-SUM", severity: .error,
                                    message: "\(name)：指标分值之和\(execWeightValue > 0 ? "加执行率分值 \(Amount(execWeightValue))" : "")应为 \(Amount(totalWeight)) / Σ weights\(execWeightValue > 0 ? " + the execution weight" : "") must be \(Amount(totalWeight))",
                                    expected: Amount(totalWeight).description, actual: Amount(weightSum).description,
                                    locations: locations, table: form.style,
                                    difference: Amount(weightSum - totalWeight).description))
        }

        // F-SCORE-SUM
        let scores = form.indicators.compactMap(\.score)
        let scoreSum = scores.reduce(Decimal(0)) { $0 + $1.value.value }
        if let total = form.total.score {
            let stated = total.value.value
            var ok: Bool
            var expected: Decimal
            if let executionScore {
                expected = scoreSum + executionScore.value.value
                ok = expected == stated
            } else if execWeightValue > 0 {
                // the execution score is left blank (luzhou): it is only implicit in the total
                let implied = stated - scoreSum
                ok = implied >= 0 && implied <= execWeightValue
                expected = implied < 0 ? scoreSum : scoreSum + execWeightValue
            } else {
                expected = scoreSum
                ok = expected == stated
            }
            if !ok {
                var locations = [total.cell] + scores.map(\.cell)
                if let executionScore { locations.append(executionScore.cell) }
                findings.append(Finding(rule: "F-SCORE-SUM", severity: .error,
                                        message: "\(name)：总分应等于各项得分之和\(executionScore != nil ? "（含执行率得分 \(executionScore!.printed)）" : "") / the total score must equal Σ scores",
                                        expected: Amount(expected).description, actual: total.printed,
                                        locations: locations, table: form.style,
                                        difference: Amount(stated - expected).description))
            }
        }

        // F-SCORE-LIMIT
        for indicator in form.indicators {
            guard let score = indicator.score else { continue }
            if let weight = indicator.weight, score.value > weight.value {
                findings.append(Finding(rule: "F-SCORE-LIMIT", severity: .error,
                                        message: "\(name)“\(indicator.level3)”：得分 \(score.printed) 超过分值 \(weight.printed) / the score is above its weight",
                                        expected: "≤ \(weight.printed)", actual: score.printed, locations: [score.cell, weight.cell],
                                        table: form.style))
            } else if score.value.value < 0 {
                findings.append(Finding(rule: "F-SCORE-LIMIT", severity: .error,
                                        message: "\(name)“\(indicator.level3)”：得分为负 / a negative score",
                                        expected: "≥ 0", actual: score.printed, locations: [score.cell], table: form.style))
            }
        }
        if let executionScore, executionScore.value.value > execWeightValue, execWeightValue > 0 {
            findings.append(Finding(rule: "F-SCORE-LIMIT", severity: .error,
                                    message: "\(name)：预算执行得分 \(executionScore.printed) 超过分值 \(Amount(execWeightValue)) / the execution score is above its weight",
                                    expected: "≤ \(Amount(execWeightValue))", actual: executionScore.printed,
                                    locations: [executionScore.cell] + (executionWeight.map { [$0.cell] } ?? []), table: form.style))
        }
        if let total = form.total.score, total.value.value > totalWeight {
            findings.append(Finding(rule: "F-SCORE-LIMIT", severity: .error,
                                    message: "\(name)：总分 \(total.printed) 超过满分 \(Amount(totalWeight)) / the total is above the full mark",
                                    expected: "≤ \(Amount(totalWeight))", actual: total.printed, locations: [total.cell], table: form.style))
        }

        // F-GRADE
        if let grade = form.total.grade, let score = form.total.score,
           let expected = (style ?? FormMapping.fallback).grade(for: score.value.value), expected != grade.text {
            findings.append(Finding(rule: "F-GRADE", severity: .error,
                                    message: "\(name)：总分 \(score.printed) 对应等级“\(expected)”，表中为“\(grade.text)” / a score of \(score.printed) earns \(expected)",
                                    expected: expected, actual: grade.text, locations: [grade.cell, score.cell], table: form.style))
        }

        // F-EXEC-INDICATOR (the execution rate stated again as an indicator, Hebei)
        if let rate = form.fund("total")?.rate {
            for indicator in form.indicators where LabelNormalizer.normalize(indicator.level2 + indicator.level3).contains("预算执行") {
                guard let actual = indicator.actual, let number = actual.number, actual.unit == "%" else { continue }
                let places = max(decimals(rate.printed), decimals(actual.text))
                if abs(number.value - rate.value.value) > pow10(-places) / 2 {
                    findings.append(Finding(rule: "F-EXEC-INDICATOR", severity: .error,
                                            message: "\(name)：“\(indicator.level3)”实际完成值应等于预算执行进度 / the indicator must equal the execution rate",
                                            expected: rate.printed, actual: actual.text,
                                            locations: [actual.cell ?? indicator.cell, rate.cell], table: form.style))
                }
            }
        }
        return findings
    }

    // MARK: summaries

    public func check(_ summary: FormSummary) -> [Finding] {
        var findings: [Finding] = []
        let style = styles[summary.style] ?? FormMapping.fallback
        if let total = summary.total {
            for (measure, label) in [("budget", "全年预算数"), ("executed", "全年执行数")] {
                guard let stated = measure == "budget" ? total.budget : total.executed else { continue }
                let addends = summary.rows.compactMap { measure == "budget" ? $0.budget : $0.executed }
                let sum = addends.reduce(Amount.zero) { $0 + $1.value }
                if let f = compare(rule: "S-TOTAL", expected: sum, actual: stated, addends: addends.count, unit: summary.unit,
                                   printed: addends + [stated],
                                   message: "汇总表合计\(label)应为各行之和 / the total \(label) must be the sum of the rows",
                                   locations: [stated.cell] + addends.map(\.cell), table: summary.style) {
                    findings.append(f)
                }
            }
        }
        for row in summary.rows {
            guard let score = row.score, let grade = row.grade, !grade.text.isEmpty,
                  let expected = style.grade(for: score.value.value), expected != grade.text else { continue }
            findings.append(Finding(rule: "S-GRADE", severity: .error,
                                    message: "汇总表“\(row.project)”：得分 \(score.printed) 对应等级“\(expected)”，表中为“\(grade.text)” / the grade does not match the score",
                                    expected: expected, actual: grade.text, locations: [grade.cell, score.cell], table: summary.style))
        }
        return findings
    }

    /// The form a summary row stands for: the same project name (or one containing the other).
    public static func match(_ row: FormSummaryRow, in forms: [PerformanceForm]) -> PerformanceForm? {
        let key = projectKey(row.project)
        if let exact = forms.first(where: { projectKey($0.project) == key }) { return exact }
        return forms.first { f in
            let k = projectKey(f.project)
            return !k.isEmpty && !key.isEmpty && (k.contains(key) || key.contains(k))
        }
    }

    /// A project name without its code ("51050021Y000000024280-单项定额基本运转支出" → "单项定额基本运转支出").
    static func projectKey(_ name: String) -> String {
        var k = LabelNormalizer.normalize(name)
        if let dash = k.firstIndex(of: "-"), k[..<dash].allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) {
            k = String(k[k.index(after: dash)...])
        }
        return k
    }

    func compare(_ summary: FormSummary, with forms: [PerformanceForm]) -> [Finding] {
        var findings: [Finding] = []
        let style = styles[summary.style] ?? FormMapping.fallback
        var used: Set<Int> = []
        for row in summary.rows {
            guard let form = FormChecker.match(row, in: forms) else {
                findings.append(Finding(rule: "S-ROW-MISSING", severity: .warning,
                                        message: "汇总表“\(row.project)”找不到对应的自评表 / no form found for this summary row",
                                        expected: row.project, actual: "", locations: [row.cell], table: summary.style))
                continue
            }
            if let index = forms.firstIndex(of: form) { used.insert(index) }
            let figures = SummaryFigures(form, styles: styles)
            let pairs: [(String, SourcedNumber?, SourcedNumber?)] = [("全年预算数", row.budget, figures.budget),
                                                                     ("全年执行数", row.executed, figures.executed)]
            for (label, stated, fromForm) in pairs {
                guard let stated, let fromForm else { continue }
                if let f = compare(rule: "S-ROW-FORM", expected: fromForm.value, actual: stated, addends: 1, unit: summary.unit,
                                   printed: [stated, fromForm],
                                   message: "汇总表“\(row.project)”的\(label)与自评表不一致 / \(label) differs from the form",
                                   locations: [stated.cell, fromForm.cell], table: summary.style) {
                    findings.append(f)
                }
            }
            if let stated = row.score, let fromForm = figures.score, stated.value != fromForm.value {
                findings.append(Finding(rule: "S-ROW-FORM", severity: .error,
                                        message: "汇总表“\(row.project)”的自评得分 \(stated.printed) 与自评表总分 \(fromForm.printed) 不一致 / the score differs from the form's total",
                                        expected: fromForm.printed, actual: stated.printed, locations: [stated.cell, fromForm.cell],
                                        table: summary.style, difference: Amount(stated.value.value - fromForm.value.value).description))
            }
            if let stated = row.grade, !stated.text.isEmpty, let fromForm = figures.grade(style), stated.text != fromForm.text {
                findings.append(Finding(rule: "S-ROW-FORM", severity: .error,
                                        message: "汇总表“\(row.project)”的自评等级“\(stated.text)”与自评表“\(fromForm.text)”不一致 / the grade differs from the form",
                                        expected: fromForm.text, actual: stated.text, locations: [stated.cell, fromForm.cell],
                                        table: summary.style))
            }
        }
        for (index, form) in forms.enumerated() where !used.contains(index) {
            findings.append(Finding(rule: "S-ROW-MISSING", severity: .warning,
                                    message: "自评表“\(form.project)”未列入汇总表 / this form is not in the summary",
                                    expected: form.project, actual: "", locations: [form.cell], table: summary.style))
        }
        return findings
    }

    // MARK: helpers

    /// An amount compared under the rounding-tail rule (conventions §4): the precision is the finest
    /// printed decimals of the cells involved (at least 0.01 of the unit); ½ × precision × (n + 1) is a warning.
    func compare(rule: String, expected: Amount, actual: SourcedNumber, addends: Int, unit: AmountUnit, printed: [SourcedNumber],
                 message: String, locations: [String], table: String) -> Finding? {
        let difference = actual.value.value - expected.value
        guard difference != 0 else { return nil }
        // the rounding every printed amount shares, never coarser than 0.01 of the unit (conventions §4)
        let places = max(2, printed.map { decimals($0.printed) }.max() ?? 2)
        let precision = pow10(-places) * unit.yuanPerUnit
        let bound = precision / 2 * Decimal(addends + 1)
        let shown = places
        return Finding(rule: rule, severity: abs(difference) <= bound ? .warning : .error,
                       message: abs(difference) <= bound ? message + "（尾数误差 / rounding tail）" : message,
                       expected: expected.expressed(in: unit).formatted(places: shown), actual: actual.printed,
                       locations: locations, table: table,
                       difference: Amount(difference).expressed(in: unit).formatted(places: shown))
    }
}

/// What the 汇总表 takes from one form (conventions §7).
public struct SummaryFigures {
    public var budget: SourcedNumber?
    public var executed: SourcedNumber?
    public var score: SourcedNumber?
    public var printedGrade: SourcedText?

    public init(_ form: PerformanceForm, styles: [String: FormMapping] = [:]) {
        let total = form.fund("total") ?? form.funds.first
        // Sichuan: 调整后预算数 (年初预算 where none); Shanxi: 全年预算数; Hebei: 预算数
        budget = total?.amounts["budget"] ?? total?.amounts["initial"]
        executed = total?.amounts["executed"]
        score = form.total.score
        printedGrade = form.total.grade
    }

    /// The form's grade, or the one its score earns where it prints none.
    public func grade(_ style: FormMapping) -> SourcedText? {
        if let printedGrade { return printedGrade }
        guard let score, let grade = style.grade(for: score.value.value) else { return nil }
        return SourcedText(text: grade, cell: score.cell)
    }
}

extension FormMapping {
    /// Conventions §7 bands, for documents whose style has no mapping file at hand.
    static let fallback = FormMapping(format: FormMapping.format, style: "", kind: "project", title: "", also_titles: nil,
                                      unit: "万元", fields: nil, goals: nil, money: nil, indicators: nil, total: nil,
                                      texts: nil, rules: nil, summary: nil, grades: nil, inferred_note: nil, source: nil)
}

/// The number of decimals a printed number shows ("99.6%" → 1, "17" → 0, "1,224.97" → 2).
func decimals(_ printed: String) -> Int {
    let text = LabelNormalizer.normalize(printed).filter { $0.isNumber || $0 == "." }
    guard let dot = text.firstIndex(of: ".") else { return 0 }
    return text.distance(from: dot, to: text.endIndex) - 1
}

func pow10(_ exponent: Int) -> Decimal {
    var result = Decimal(1)
    if exponent >= 0 { for _ in 0..<exponent { result *= 10 } } else { for _ in 0..<(-exponent) { result /= 10 } }
    return result
}
