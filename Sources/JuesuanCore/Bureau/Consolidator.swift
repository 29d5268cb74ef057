import Foundation

/// One department's part in a consolidation.
public struct Contribution: Sendable {
    public var department: String
    public var source: String
    public var report: Report

    public init(department: String, source: String, report: Report) {
        self.department = department
        self.source = source
        self.report = report
    }
}

/// A parent unit and its subordinate units, for eliminating transfers inside a group.
public struct GroupRelation: Sendable, Hashable {
    public var parent: String
    public var units: [String]

    public init(parent: String, units: [String]) {
        self.parent = parent
        self.units = units
    }

    /// Reads a group file: one line per parent, `上级单位: 下属单位1, 下属单位2` (also `→`, `=`, tabs);
    /// blank lines and lines starting with `#` are ignored.
    public static func parse(_ text: String, file: String) throws -> [GroupRelation] {
        var relations: [GroupRelation] = []
        for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let sep = line.firstIndex(where: { ":：→=\t".contains($0) }) else {
                throw ConsolidationError.badGroupFile(file: file, line: n + 1)
            }
            let parent = line[..<sep].trimmingCharacters(in: .whitespaces)
            let units = line[line.index(after: sep)...].split(whereSeparator: { ",，、;；".contains($0) })
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            guard !parent.isEmpty, !units.isEmpty else { throw ConsolidationError.badGroupFile(file: file, line: n + 1) }
            relations.append(GroupRelation(parent: parent, units: units))
        }
        return relations
    }
}

public enum ConsolidationError: Error, LocalizedError, Sendable {
    case badGroupFile(file: String, line: Int)
    case nothingToConsolidate

    public var errorDescription: String? {
        switch self {
        case .badGroupFile(let file, let line):
            return "\(file) 第 \(line) 行格式不对，应为“上级单位: 下属单位1, 下属单位2” / \(file) line \(line): expected 'parent: unit1, unit2'"
        case .nothingToConsolidate:
            return "没有可汇总的报表 / no report could be consolidated"
        }
    }
}

/// Sums departments' reports into the bureau's report, quantity by quantity through the canonical
/// model (so reports of different template sets add up), optionally eliminating transfers inside a group.
///
/// ```swift
/// let result = Consolidator().consolidate(contributions, name: "某县财政局汇总")
/// ```
public struct Consolidator {
    public init() {}

    public struct Result: Sendable {
        public var report: Report
        /// What was eliminated, for the listing sheet and the terminal.
        public var eliminations: [String]
    }

    public func consolidate(_ parts: [Contribution], name: String, set: String?,
                            eliminate relations: [GroupRelation] = []) -> Result {
        var eliminations: [String] = []
        var adjusted = parts.map(\.report)
        for relation in relations {
            guard let p = parts.firstIndex(where: { $0.department == relation.parent }) else {
                eliminations.append("未找到上级单位“\(relation.parent)”，未抵销 / parent '\(relation.parent)' not among the inputs")
                continue
            }
            let units = relation.units.compactMap { u in parts.firstIndex { $0.department == u } }
            for missing in relation.units where !parts.contains(where: { $0.department == missing }) {
                eliminations.append("未找到下属单位“\(missing)” / unit '\(missing)' not among the inputs")
            }
            guard !units.isEmpty else { continue }
            // 上级对附属单位补助支出 ↔ 下属单位 上级补助收入.
            let paid = Eliminator.remove(expenditure: "subsidy_units", from: &adjusted[p])
            var received = Amount.zero
            for u in units { received = received + Eliminator.remove(income: "upper_subsidy", line: "upper_subsidy", from: &adjusted[u]) }
            eliminations.append("抵销 \(relation.parent) 对附属单位补助支出 \(paid.expressed(in: .wanYuan).formatted(places: 2)) 万元，下属单位上级补助收入 \(received.expressed(in: .wanYuan).formatted(places: 2)) 万元 / eliminated subsidies to units")
            // 下属单位 上缴上级支出 ↔ 上级 附属单位上缴收入.
            var remitted = Amount.zero
            for u in units { remitted = remitted + Eliminator.remove(expenditure: "remit_upper", from: &adjusted[u]) }
            let remitIn = Eliminator.remove(income: "affiliate_remit", line: "affiliate_remit", from: &adjusted[p])
            eliminations.append("抵销 下属单位上缴上级支出 \(remitted.expressed(in: .wanYuan).formatted(places: 2)) 万元，\(relation.parent) 附属单位上缴收入 \(remitIn.expressed(in: .wanYuan).formatted(places: 2)) 万元 / eliminated remittances")
            if paid != received || remitted != remitIn {
                eliminations.append("警告：内部往来两边金额不一致，已按各自金额分别抵销 / warning: the two sides of internal transfers differ")
            }
        }
        return Result(report: sum(adjusted, name: name, set: set), eliminations: eliminations)
    }

    /// Σ of the reports, statement kind by kind, row by row, measure by measure.
    func sum(_ reports: [Report], name: String, set: String?) -> Report {
        var kinds: [String] = []
        var template: [String: Statement] = [:]
        for report in reports {
            for s in report.statements where template[s.kind] == nil {
                kinds.append(s.kind)
                template[s.kind] = s
            }
        }
        var statements: [Statement] = []
        for kind in kinds {
            let sources = reports.compactMap { r in r.statements.first { $0.kind == kind } }
            var rows: [StatementRow] = []
            var index: [String: Int] = [:]
            for s in sources {
                for row in s.rows {
                    if index[row.key] == nil {
                        index[row.key] = rows.count
                        rows.append(StatementRow(key: row.key, code: row.code, label: row.label, line: row.line, cell: nil, values: [:]))
                    }
                    let i = index[row.key]!
                    for (measure, value) in row.values {
                        // A consolidated value has no single source cell: it is named by its quantity.
                        var current = rows[i].values[measure] ?? StatedValue(amount: nil, isCount: value.isCount,
                                                                               notApplicable: value.notApplicable,
                                                                               cell: "汇总:\(kind):\(row.key):\(measure)")
                        if let amount = value.amount { current.amount = (current.amount ?? .zero) + amount }
                        if value.notApplicable != true { current.notApplicable = current.amount == nil ? nil : current.notApplicable }
                        rows[i].values[measure] = current
                    }
                }
            }
            let t = template[kind]!
            statements.append(Statement(kind: kind, table: t.table, sheet: "", range: "", sourceUnit: t.sourceUnit,
                                        unitStated: true, precision: sources.map(\.precision).max() ?? t.precision, rows: rows))
        }
        let years = Set(reports.compactMap(\.fiscalYear))
        return Report(department: name, fiscalYear: years.count == 1 ? years.first : years.max(),
                      sourceFile: nil, templateSet: set ?? reports.first?.templateSet, statements: statements)
    }
}

/// Removes one internal-transfer column from a report, keeping its totals consistent.
enum Eliminator {
    /// Zeroes an expenditure column of 03 (per code) and takes it out of 03's row totals and of 01's
    /// class lines and totals. Returns the amount removed (the 合计 row's value).
    static func remove(expenditure measure: String, from report: inout Report) -> Amount {
        guard let s = report.statements.firstIndex(where: { $0.kind == "expenditure_by_function" }) else { return .zero }
        var removed = Amount.zero
        var perClass: [String: Amount] = [:]
        for r in report.statements[s].rows.indices {
            let row = report.statements[s].rows[r]
            guard let amount = row.values[measure]?.amount, amount != .zero else { continue }
            report.statements[s].rows[r].values[measure]?.amount = .zero
            if let total = row.values["total"]?.amount { report.statements[s].rows[r].values["total"]?.amount = total - amount }
            if row.key == "total" { removed = amount }
            if let code = row.code, code.count == 3 { perClass[code] = amount }
        }
        adjust(report: &report, kind: "summary") { key in
            if let amount = perClass[key] { return Amount(-amount.value) }
            if ["expenditure_total", "expenditure_grand_total"].contains(key) { return Amount(-removed.value) }
            return nil
        }
        return removed
    }

    /// Zeroes an income column of 02 (per code) and its 01 line, taking them out of the totals.
    static func remove(income measure: String, line: String, from report: inout Report) -> Amount {
        var removed = Amount.zero
        if let s = report.statements.firstIndex(where: { $0.kind == "income_by_function" }) {
            for r in report.statements[s].rows.indices {
                let row = report.statements[s].rows[r]
                guard let amount = row.values[measure]?.amount, amount != .zero else { continue }
                report.statements[s].rows[r].values[measure]?.amount = .zero
                if let total = row.values["total"]?.amount { report.statements[s].rows[r].values["total"]?.amount = total - amount }
            }
        }
        if let s = report.statements.first(where: { $0.kind == "summary" }) { removed = s.amount(row: line, measure: "amount") ?? .zero }
        adjust(report: &report, kind: "summary") { key in
            if key == line { return Amount(-removed.value) }
            if ["income_total", "income_grand_total"].contains(key) { return Amount(-removed.value) }
            return nil
        }
        return removed
    }

    private static func adjust(report: inout Report, kind: String, _ delta: (String) -> Amount?) {
        guard let s = report.statements.firstIndex(where: { $0.kind == kind }) else { return }
        for r in report.statements[s].rows.indices {
            let key = report.statements[s].rows[r].key
            guard let d = delta(key), d != .zero, let amount = report.statements[s].rows[r].values["amount"]?.amount else { continue }
            report.statements[s].rows[r].values["amount"]?.amount = amount + d
        }
    }
}
