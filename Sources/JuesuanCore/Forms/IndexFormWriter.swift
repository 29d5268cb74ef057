import Foundation
import SpreadsheetKit

/// Writes indicator tables (`kind: index`) as the published forms, drawn from the style's mapping
/// file: the title, the header (parent labels merged over their columns, leaf labels merged down,
/// the grading scale's factors under 计算公式), the 得分合计 row, then one row per indicator with
/// hierarchy labels merged down over the rows they cover and a weight merged down over its group;
/// borders, fonts, A4 landscape fitted to one page wide with the header rows repeated. One table
/// per sheet. The reader finds them again by the same labels: import → export → import is stable.
///
/// ```swift
/// let warnings = try IndexFormWriter(style: catalog.form(style: "sichuan-fund-index")!).write(document, to: url)
/// ```
public struct IndexFormWriter {
    public let style: FormMapping

    public init(style: FormMapping) { self.style = style }

    /// One column of the drawn table: a mapping column, or one factor column of the scale.
    struct Slot {
        var id: String
        var header: String
        var parent: String?
        var kind: String
        var width: Double
        /// The factor of a scale column.
        var factor: Amount?
    }

    /// The columns left to right, the scale's factor columns after the column it follows.
    func slots(factors: [Amount]) -> [Slot] {
        guard let spec = style.index else { return [] }
        var slots: [Slot] = []
        for column in spec.columns {
            slots.append(Slot(id: column.id, header: column.header, parent: column.parent, kind: column.kind ?? "text",
                              width: column.width ?? 10))
            if let scale = spec.scale, scale.after == column.id {
                for factor in factors {
                    slots.append(Slot(id: scale.id, header: scale.header, parent: scale.parent, kind: "scale",
                                      width: scale.width ?? 7, factor: factor))
                }
            }
        }
        return slots
    }

    /// The scale's factors: the ones the table prints, else the levels' factors, else 0 … 1.
    func factors(of index: IndexForm) -> [Amount] {
        guard style.index?.scale != nil else { return [] }
        if let printed = index.scale, !printed.isEmpty { return printed.map(\.value) }
        let used = Set(index.rows.flatMap { $0.levels ?? [] }.map(\.factor))
        if !used.isEmpty { return used.sorted() }
        return ["0", "0.3", "0.6", "0.8", "1"].compactMap { Amount($0) }
    }

    /// Writes the document's index tables; returns warnings (Chinese / English) about what this
    /// style cannot hold.
    @discardableResult
    public func write(_ document: FormsDocument, to url: URL, replaceExisting: Bool = false) throws -> [String] {
        var warnings: [String] = []
        let tables = document.indexForms ?? []
        if !document.forms.isEmpty {
            warnings.append("\(document.forms.count) 张项目自评表不属 \(style.style) 样式，未写出 / \(document.forms.count) project forms are not written in the \(style.style) style")
        }
        if tables.isEmpty { warnings.append("没有指标体系表可写 / no indicator table to write") }
        var plans: [FormPlan] = []
        for (number, index) in tables.enumerated() {
            let (plan, lost) = self.plan(index, sheetName: "指标体系\(number + 1)")
            plans.append(plan)
            warnings += lost
        }
        if plans.isEmpty { plans.append(FormPlan(name: "指标体系", widths: [], landscape: true)) }
        try FormPlan.write(plans, to: url, replaceExisting: replaceExisting, review: nil)
        return warnings
    }

    /// One table drawn on a sheet (the same plan the other styles draw, so the review workbook
    /// highlights its cells too), and what the style could not carry.
    func plan(_ index: IndexForm, sheetName: String) -> (FormPlan, [String]) {
        let slots = slots(factors: factors(of: index))
        var plan = FormPlan(name: sheetName, widths: slots.map(\.width), landscape: true)
        plan.fontSize = 9
        let warnings = draw(index, slots: slots, into: &plan)
        plan.fitHeights() // long 指标解释 and 计分标准 texts wrap onto several lines
        return (plan, warnings)
    }

    func draw(_ index: IndexForm, slots: [Slot], into plan: inout FormPlan) -> [String] {
        guard let spec = style.index else { return [] }
        var warnings: [String] = []
        let name = index.project.isEmpty ? index.title : index.project
        let last = slots.count
        func at(_ r: Int, _ c: Int) -> CellReference { CellReference(row: r, column: c) }
        func put(_ content: CellContent, _ r: Int, _ c: Int, toRow: Int? = nil, toColumn: Int? = nil, _ kind: FormPlan.Kind,
                 format: String? = nil, from source: String? = nil) {
            let end = at(toRow ?? r, toColumn ?? c)
            plan.cells[at(r, c)] = FormPlan.Entry(content: content, kind: kind, numberFormat: format)
            if end != at(r, c) { plan.merges.append(CellRange(first: at(r, c), last: end)) }
            if let source, plan.drawnFrom[source] == nil { plan.drawnFrom[source] = at(r, c) }
        }

        // title
        let title = index.style == style.style ? index.title : (index.project.isEmpty ? style.title : "\(style.title)（\(index.project)）")
        put(.string(title), 1, 1, toColumn: last, .title, from: index.cell)
        plan.heights[1] = 36

        // header: parents over their columns, leaves merged down; the scale header over its factors
        let hasParents = slots.contains { $0.parent != nil }
        let hasScale = slots.contains { $0.kind == "scale" }
        let top = 2
        let bottom = top + (hasParents ? 1 : 0) + (hasScale ? 1 : 0)
        var c = 1
        while c <= last {
            let slot = slots[c - 1]
            var end = c
            if let parent = slot.parent {
                while end < last, slots[end].parent == parent { end += 1 }
                put(.string(parent), top, c, toColumn: end, .header)
                var k = c
                while k <= end {
                    let leaf = slots[k - 1]
                    if leaf.kind == "scale" {
                        var e = k
                        while e < end, slots[e].kind == "scale" { e += 1 }
                        put(.string(leaf.header), top + 1, k, toColumn: e, .header)
                        for s in k...e { put(.string(slots[s - 1].factor?.description ?? ""), bottom, s, .header) }
                        k = e + 1
                    } else {
                        put(.string(leaf.header), top + 1, k, toRow: bottom, .header)
                        k += 1
                    }
                }
            } else {
                put(.string(slot.header), top, c, toRow: bottom, .header)
            }
            c = end + 1
        }
        var row = bottom + 1
        func column(_ id: String) -> Int? { slots.firstIndex { $0.id == id && $0.kind != "scale" }.map { $0 + 1 } }

        // 得分合计: the label over the hierarchy columns, the full mark and the score where the style puts them, the note after
        let levelColumns = spec.levels.compactMap(column)
        let labelFirst = levelColumns.min() ?? 1, labelLast = levelColumns.max() ?? 1
        let weightColumn = style.total?.weight_at.flatMap(column)
        let scoreColumn = style.total?.score_at.flatMap(column)
        put(.string(style.total?.label ?? "得分合计"), row, labelFirst, toColumn: labelLast, .header, from: index.total.cell)
        for c in 1...last where c < labelFirst || c > labelLast {
            put(.blank, row, c, .center)
        }
        if let c = weightColumn, let weight = index.total.weight { put(.decimal(weight.value.value), row, c, .center, from: weight.cell) }
        if let c = scoreColumn, let score = index.total.score { put(number(score), row, c, .center, from: score.cell) }
        let noteFirst = max(labelLast, weightColumn ?? 0, scoreColumn ?? 0) + 1
        if let note = index.total.note {
            if noteFirst <= last { put(.string(note.text), row, noteFirst, toColumn: last, .text, from: note.cell) } else { warnings.append("“\(name)”：得分合计的说明无处可写 / no room for the total's note") }
        }
        if let grade = index.total.grade { warnings.append("“\(name)”：\(style.style) 样式没有等级栏，等级“\(grade.text)”未写出 / no place for the grade") }
        row += 1

        // the indicator rows
        let first = row
        let rows = index.rows
        let known = Set(slots.map(\.id))
        var lost: Set<String> = []
        for (k, item) in rows.enumerated() {
            let r = first + k
            for (i, slot) in slots.enumerated() where !spec.levels.contains(slot.id) {
                let c = i + 1
                switch slot.kind {
                case "scale":
                    if item.formula != nil { continue }
                    let level = item.levels?.first { $0.factor == slot.factor }
                    put(level.map { .string($0.text) } ?? .blank, r, c, .center)
                case "number", "percent":
                    if slot.id == "weight" {
                        guard let weight = item.weight else { continue } // under a weight merged down
                        var n = 1
                        while k + n < rows.count, rows[k + n].weight == nil { n += 1 }
                        let percentCell = slot.kind == "percent" && !weight.printed.contains("%")
                        put(percentCell ? .decimal(weight.value.value / 100) : number(weight), r, c, toRow: r + n - 1,
                            .center, format: percentCell ? "0%" : nil, from: weight.cell)
                    } else if slot.id == "score" {
                        put(item.score.map(number) ?? .blank, r, c, .center, from: item.score?.cell)
                    }
                case "mark":
                    put(item.marks[slot.id].map { .string($0.text) } ?? .blank, r, c, .center, from: item.marks[slot.id]?.cell)
                default:
                    put(item.labels[slot.id].map { .string($0.text) } ?? .blank, r, c, .text, from: item.labels[slot.id]?.cell)
                }
            }
            if let formula = item.formula, let firstScale = slots.firstIndex(where: { $0.kind == "scale" }) {
                let lastScale = slots.lastIndex { $0.kind == "scale" } ?? firstScale
                put(.string(formula.text), r, firstScale + 1, toColumn: lastScale + 1, .text, from: formula.cell)
            } else if item.formula != nil || (item.levels != nil && !hasScale) {
                lost.insert("计算公式/评分档次")
            }
            for id in item.labels.keys.sorted() where !known.contains(id) { lost.insert(id) }
            for id in item.marks.keys.sorted() where !known.contains(id) { lost.insert(id) }
        }
        // hierarchy labels: merged down over the rows they cover; a label whose inner levels are empty
        // on all its rows spans their columns too (违规记录, 专项资金预算项目绩效管理 (30分))
        var covered: Set<CellReference> = []
        for (depth, id) in spec.levels.enumerated() {
            guard let c = column(id) else { continue }
            let innerIDs = Array(spec.levels[(depth + 1)...])
            var k = 0
            while k < rows.count {
                let label = rows[k].labels[id]
                let outer = spec.levels[..<depth].map { rows[k].labels[$0] }
                var n = 1
                while label != nil, k + n < rows.count, rows[k + n].labels[id] == label,
                      spec.levels[..<depth].map({ rows[k + n].labels[$0] }) == outer { n += 1 }
                let r = first + k
                defer { k += n }
                if covered.contains(at(r, c)) { continue }
                guard let label else {
                    put(.blank, r, c, .center)
                    continue
                }
                var toColumn = c
                let innerColumns = innerIDs.compactMap(column)
                if !innerColumns.isEmpty, innerColumns == Array((c + 1)...(c + innerColumns.count)),
                   innerIDs.allSatisfy({ inner in (k..<(k + n)).allSatisfy { rows[$0].labels[inner] == nil } }) {
                    toColumn = c + innerColumns.count
                }
                put(.string(label.text), r, c, toRow: r + n - 1, toColumn: toColumn, .center, from: label.cell)
                for rr in r..<(r + n) { for cc in c...toColumn { covered.insert(at(rr, cc)) } }
            }
        }
        for id in lost.sorted() {
            warnings.append("“\(name)”：\(style.style) 样式没有“\(id)”栏，未写出 / the \(style.style) style has no column for \(id)")
        }

        // print: A4 landscape, one page wide, the header rows on every page and in view
        plan.repeatedRows = top...bottom
        plan.frozenRows = bottom
        return warnings
    }

    /// A weight or score as a number, or as its printed text where it prints a percent sign.
    func number(_ n: SourcedNumber) -> CellContent {
        if n.printed.contains("%") { return .string(n.value.description + "%") }
        return .decimal(n.value.value)
    }
}
