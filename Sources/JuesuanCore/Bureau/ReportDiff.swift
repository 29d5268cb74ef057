import Foundation

/// One canonical quantity that differs between two versions of a report.
public struct Difference: Codable, Sendable, Hashable {
    /// The statement kind and the table it is published in (`公开03表 支出决算表`).
    public var kind: String
    public var table: String
    /// Row key (code or fixed row id), its label, the measure.
    public var row: String
    public var label: String?
    public var measure: String
    /// In 万元 with 2 decimals (blank = 0 when a quantity appears on one side only); counts as counts.
    public var old: String
    public var new: String
    /// Source cells in each version, where stated.
    public var oldCell: String?
    public var newCell: String?
}

/// Compares two reports quantity by quantity, independent of layout: the same department read from
/// a 元 workbook on shuffled sheets and from a 万元 workbook stacked on one sheet has no differences.
///
/// ```swift
/// let changes = ReportDiff.compare(old: a, new: b)
/// ```
public enum ReportDiff {
    public static func compare(old: Report, new: Report) -> [Difference] {
        var result: [Difference] = []
        var kinds: [String] = []
        for s in old.statements + new.statements where !kinds.contains(s.kind) { kinds.append(s.kind) }
        for kind in kinds {
            let a = old.statements.first { $0.kind == kind }, b = new.statements.first { $0.kind == kind }
            let table = (b ?? a).map { "\($0.table.code) \($0.table.title)" } ?? kind
            var keys: [String] = []
            for row in (a?.rows ?? []) + (b?.rows ?? []) where !keys.contains(row.key) { keys.append(row.key) }
            for key in keys {
                let ra = a?.row(key), rb = b?.row(key)
                var measures: [String] = []
                for m in (ra?.values.keys.sorted() ?? []) + (rb?.values.keys.sorted() ?? []) where !measures.contains(m) { measures.append(m) }
                for measure in measures {
                    let va = ra?.values[measure], vb = rb?.values[measure]
                    let x = va?.amount ?? .zero, y = vb?.amount ?? .zero
                    guard x != y else { continue }
                    let isCount = va?.isCount == true || vb?.isCount == true
                    func shown(_ amount: Amount) -> String {
                        isCount ? amount.description : amount.expressed(in: .wanYuan).formatted(places: 2)
                    }
                    result.append(Difference(kind: kind, table: table, row: key, label: rb?.label ?? ra?.label, measure: measure,
                                             old: shown(x), new: shown(y), oldCell: va?.cell, newCell: vb?.cell))
                }
            }
        }
        return result
    }
}
