import Foundation

/// Runs the rule book over a report: every rule whose tables and conditions are present, with
/// the rounding bound of conventions §4 (a tail within ½ × precision × (n + 1) is a warning).
///
/// ```swift
/// let findings = Checker().check(report)
/// findings.filter { $0.severity == .error }
/// ```
public struct Checker {
    public var rules: [CheckRule]

    public init(rules: [CheckRule] = RuleBook.rules) {
        self.rules = rules
    }

    public func check(_ report: Report) -> [Finding] {
        var findings: [Finding] = []
        for rule in rules where holds(rule.condition, in: report) {
            findings += apply(rule, to: report)
        }
        return findings
    }

    // MARK: Values

    /// One resolved value: amount (0 when blank), its cell, and the precision of the statement it
    /// came from (not the statement itself: copying one per value showed in profiles).
    struct Term {
        var amount: Amount
        var cell: String?
        var precision: Amount
        var isCount: Bool
    }

    private func statement(_ kind: String, in report: Report) -> Statement? {
        report.statements.first { $0.kind == kind }
    }

    private func terms(_ q: Quantity, in report: Report) -> [Term]? {
        guard let statement = statement(q.kind, in: report) else { return nil }
        let rows: [StatementRow]
        switch q.rows {
        case .row(let key): rows = statement.row(key).map { [$0] } ?? []
        case .codes(let length): rows = statement.rows.filter { $0.code?.count == length }
        }
        return rows.map { row in
            let value = row.values[q.measure]
            let amount = value?.amount ?? .zero
            return Term(amount: q.sign < 0 ? Amount(-amount.value) : amount, cell: value?.cell,
                        precision: statement.precision, isCount: value?.isCount == true)
        }
    }

    // MARK: Rules

    private func apply(_ rule: CheckRule, to report: Report) -> [Finding] {
        switch rule.kind {
        case .sum(let total, let parts):
            guard let totalTerms = terms(total, in: report) else { return [] }
            let partTerms = parts.compactMap { terms($0, in: report) }
            guard !partTerms.isEmpty else { return [] }
            let addends = partTerms.flatMap { $0 }
            // A total row the table does not print at all, with nothing to add up, says nothing.
            if totalTerms.isEmpty && addends.allSatisfy({ $0.amount == .zero }) { return [] }
            let home = statement(total.kind, in: report)! // where totalTerms came from
            return compare(rule, total: totalTerms, parts: addends, home: home, context: nil).map { [$0] } ?? []

        case .rowSum(let kind, let total, let parts, let signs):
            guard let statement = statement(kind, in: report) else { return [] }
            return statement.rows.compactMap { row in
                guard row.values[total] != nil || parts.contains(where: { row.values[$0] != nil }) else { return nil }
                let t = term(row, total, statement)
                let p = parts.enumerated().map { i, m -> Term in
                    var term = term(row, m, statement)
                    if i < signs.count, signs[i] < 0 { term.amount = Amount(-term.amount.value) }
                    return term
                }
                return compare(rule, total: [t], parts: p, home: statement, context: row)
            }

        case .hierarchy(let kind):
            guard let statement = statement(kind, in: report) else { return [] }
            return hierarchy(rule, statement)

        case .perCode(let lhs, let rhs, let length):
            guard let left = statement(lhs.kind, in: report) else { return [] }
            let rights = rhs.compactMap { r in statement(r.kind, in: report).map { ($0, r.measure) } }
            guard rights.count == rhs.count else { return [] }
            var codes: [String] = left.rows.compactMap(\.code)
            for (s, _) in rights { codes += s.rows.compactMap(\.code) }
            var seen = Set<String>()
            // Rows by code, the first of each (a search in printed order would find the same).
            func byCode(_ s: Statement) -> [String: StatementRow] {
                Dictionary(s.rows.compactMap { row in row.code.map { ($0, row) } }, uniquingKeysWith: { first, _ in first })
            }
            let leftRows = byCode(left)
            let rightRows = rights.map { byCode($0.0) }
            return codes.filter { (length == nil || $0.count == length) && seen.insert($0).inserted }.sorted().compactMap { code in
                let leftRow = leftRows[code]
                let t = leftRow.map { term($0, lhs.measure, left) } ?? Term(amount: .zero, cell: nil, precision: left.precision, isCount: false)
                let p = rights.enumerated().map { i, right in
                    let (s, m) = right
                    return rightRows[i][code].map { term($0, m, s) } ?? Term(amount: .zero, cell: nil, precision: s.precision, isCount: false)
                }
                return compare(rule, total: [t], parts: p, home: left, context: leftRow, code: code)
            }

        case .notApplicableHoldsNumber:
            return report.statements.flatMap { s in
                s.rows.flatMap { row in
                    row.values.sorted { $0.key < $1.key }.compactMap { measure, value -> Finding? in
                        guard value.notApplicable == true, let amount = value.amount else { return nil }
                        let shown = format(amount, s)
                        return Finding(rule: rule.id, severity: .error,
                                       message: "\(rule.description)：\(s.table.code) \(rowName(row)) 应为“——”，实为 \(shown) / a cell marked not applicable holds \(shown)",
                                       expected: "——", actual: shown, locations: [value.cell], table: s.table.code, code: row.code)
                    }
                }
            }

        case .codeNames:
            return codeNames(rule, report)
        }
    }

    private func term(_ row: StatementRow, _ measure: String, _ statement: Statement) -> Term {
        let value = row.values[measure]
        return Term(amount: value?.amount ?? .zero, cell: value?.cell, precision: statement.precision, isCount: value?.isCount == true)
    }

    /// 合计 = Σ top-level codes; each code = Σ its children (the longest other code that prefixes it is its parent).
    private func hierarchy(_ rule: CheckRule, _ statement: Statement) -> [Finding] {
        let coded = statement.rows.filter { $0.code != nil }
        let codes = Set(coded.compactMap(\.code))
        func parent(_ code: String) -> String? {
            (1..<code.count).reversed().lazy.map { String(code.prefix($0)) }.first { codes.contains($0) }
        }
        var children: [String: [StatementRow]] = [:]
        var topLevel: [StatementRow] = []
        for row in coded {
            if let p = parent(row.code!) { children[p, default: []].append(row) } else { topLevel.append(row) }
        }
        let measures = Set(statement.rows.flatMap(\.values.keys)).sorted()
        var findings: [Finding] = []
        for measure in measures {
            for row in coded {
                guard let kids = children[row.code!], !kids.isEmpty else { continue }
                if let f = compare(rule, total: [term(row, measure, statement)], parts: kids.map { term($0, measure, statement) },
                                   home: statement, context: row, code: row.code, measure: measure) { findings.append(f) }
            }
            if let total = statement.row("total"), !topLevel.isEmpty,
               let f = compare(rule, total: [term(total, measure, statement)], parts: topLevel.map { term($0, measure, statement) },
                               home: statement, context: total, measure: measure) { findings.append(f) }
        }
        return findings
    }

    private func codeNames(_ rule: CheckRule, _ report: Report) -> [Finding] {
        var byCode: [String: [(label: String, cell: String?, table: String)]] = [:]
        for s in report.statements {
            for row in s.rows { if let code = row.code, let label = row.label, !label.isEmpty {
                byCode[code, default: []].append((label, row.nameCell ?? row.cell, s.table.code))
            } }
        }
        return byCode.keys.sorted().compactMap { code in
            let entries = byCode[code]!
            guard let first = entries.first else { return nil }
            let firstKey = LabelNormalizer.key(first.label)
            guard let other = entries.dropFirst().first(where: { $0.label != first.label && LabelNormalizer.key($0.label) != firstKey })
            else { return nil }
            return Finding(rule: rule.id, severity: rule.severity,
                           message: "科目 \(code) 在\(first.table)名为“\(first.label)”，在\(other.table)名为“\(other.label)” / code \(code) is named differently",
                           expected: first.label, actual: other.label, locations: [first.cell, other.cell].compactMap { $0 }, code: code)
        }
    }

    // MARK: Comparison with the rounding bound

    private func compare(_ rule: CheckRule, total: [Term], parts: [Term], home: Statement, context: StatementRow?,
                         code: String? = nil, measure: String? = nil) -> Finding? {
        let stated = total.reduce(Amount.zero) { $0 + $1.amount }
        let computed = parts.reduce(Amount.zero) { $0 + $1.amount }
        let difference = stated - computed
        if difference == .zero { return nil }
        let counts = (total + parts).allSatisfy { $0.isCount || $0.amount == .zero } && (total + parts).contains { $0.isCount }
        let precision = counts ? Amount.zero : (total + parts).map(\.precision).max() ?? home.precision
        let bound = Amount(precision.value / 2 * Decimal(parts.count + 1))
        let tail = abs(difference.value) <= bound.value
        let severity: Finding.Severity = tail ? .warning : rule.severity
        let where_ = [home.table.code, context.map(rowName), measure.map { RuleBook.measureNames[$0] ?? $0 }]
            .compactMap { $0 }.joined(separator: " ")
        let expected = format(computed, home), actual = format(stated, home), diff = format(difference, home)
        let message = tail
            ? "尾数误差：\(rule.description)（\(where_)）应为 \(expected)，实为 \(actual)，相差 \(diff) / rounding tail"
            : "\(rule.description)（\(where_)）：应为 \(expected)，实为 \(actual)，相差 \(diff) / expected \(expected), found \(actual), difference \(diff)"
        let locations = (total + parts).compactMap(\.cell)
        return Finding(rule: rule.id, severity: severity, message: message, expected: expected, actual: actual,
                       locations: uniqued(locations), table: home.table.code, code: code ?? context?.code, difference: diff)
    }

    private func rowName(_ row: StatementRow) -> String {
        [row.code, row.label ?? (row.line.map { "行次 \($0)" })].compactMap { $0 }.joined(separator: " ")
    }

    /// In the unit the statement is published in, with its published decimals.
    private func format(_ amount: Amount, _ statement: Statement) -> String {
        amount.expressed(in: statement.sourceUnit).formatted(places: 2)
    }

    private func uniqued(_ cells: [String]) -> [String] {
        var seen = Set<String>()
        return cells.filter { seen.insert($0).inserted }
    }

    // MARK: Conditions

    private func holds(_ condition: RuleCondition, in report: Report) -> Bool {
        func zero(_ kind: String, _ rows: [String], _ measure: String) -> Bool? {
            guard let s = statement(kind, in: report) else { return nil }
            return rows.allSatisfy { (s.amount(row: $0, measure: measure) ?? .zero) == .zero }
        }
        switch condition {
        case .always:
            return true
        case .generalBudgetOnly:
            guard zero(RuleBook.summary, Array(RuleBook.incomeLines.dropFirst()) + ["non_appropriation_surplus_used"], "amount") == true
            else { return false }
            return (zero(RuleBook.appropriation, ["expenditure_total"], "fund") ?? true)
                && (zero(RuleBook.appropriation, ["expenditure_total"], "state_capital") ?? true)
        case .appropriationsOnly:
            return zero(RuleBook.summary, Array(RuleBook.incomeLines.dropFirst(3)) + ["non_appropriation_surplus_used"], "amount") == true
        case .runningCostStated:
            return zero(RuleBook.other, ["running_cost_admin", "running_cost_civil_service_like"], "amount") == false
        }
    }
}
