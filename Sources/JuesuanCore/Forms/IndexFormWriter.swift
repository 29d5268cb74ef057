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

    struct Formats {
        let title, header, text, center, number, percent: FormatHandle
        init(_ writer: WorkbookWriter) throws {
            title = try writer.format(CellFormat(fontName: "宋体", fontSize: 16, bold: true, horizontalAlignment: .center,
                                                 verticalAlignment: .center, wrapText: true))
            header = try writer.format(CellFormat(fontName: "宋体", fontSize: 10, bold: true, horizontalAlignment: .center,
                                                  verticalAlignment: .center, wrapText: true, borders: .all(.thin)))
            text = try writer.format(CellFormat(fontName: "宋体", fontSize: 9, verticalAlignment: .center, wrapText: true,
                                                borders: .all(.thin)))
            center = try writer.format(CellFormat(fontName: "宋体", fontSize: 9, horizontalAlignment: .center,
                                                  verticalAlignment: .center, wrapText: true, borders: .all(.thin)))
            number = try writer.format(CellFormat(fontName: "宋体", fontSize: 9, horizontalAlignment: .center,
                                                  verticalAlignment: .center, borders: .all(.thin)))
            percent = try writer.format(CellFormat(fontName: "宋体", fontSize: 9, horizontalAlignment: .center,
                                                   verticalAlignment: .center, borders: .all(.thin), numberFormat: "0%"))
        }
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
        let writer = try WorkbookWriter(destination: url, options: .init(replaceExisting: replaceExisting))
        do {
            let formats = try Formats(writer)
            if tables.isEmpty {
                warnings.append("没有指标体系表可写 / no indicator table to write")
                _ = try writer.addSheet(named: "指标体系")
            }
            for (number, index) in tables.enumerated() {
                let sheet = try writer.addSheet(named: "指标体系\(number + 1)")
                warnings += try draw(index, on: sheet, formats: formats)
            }
            try writer.close()
        } catch {
            writer.discard()
            throw error
        }
        return warnings
    }

    func draw(_ index: IndexForm, on sheet: SheetWriter, formats f: Formats) throws -> [String] {
        guard let spec = style.index else { return [] }
        var warnings: [String] = []
        let name = index.project.isEmpty ? index.title : index.project
        let factors = factors(of: index)
        let slots = slots(factors: factors)
        let last = slots.count
        func at(_ r: Int, _ c: Int) -> CellReference { CellReference(row: r, column: c) }
        func put(_ content: CellContent, _ r: Int, _ c: Int, toRow: Int? = nil, toColumn: Int? = nil, _ format: FormatHandle) throws {
            let end = at(toRow ?? r, toColumn ?? c)
            if end != at(r, c) {
                try sheet.merge(CellRange(first: at(r, c), last: end), with: content, format: format)
            } else {
                try sheet.write(content, at: at(r, c), format: format)
            }
        }
        for (i, slot) in slots.enumerated() { try sheet.setColumns((i + 1)...(i + 1), width: slot.width) }

        // title
        let title = index.style == style.style ? index.title : (index.project.isEmpty ? style.title : "\(style.title)（\(index.project)）")
        try put(.string(title), 1, 1, toColumn: last, f.title)
        try sheet.setRow(1, height: 36)

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
                try put(.string(parent), top, c, toColumn: end, f.header)
                var k = c
                while k <= end {
                    let leaf = slots[k - 1]
                    if leaf.kind == "scale" {
                        var e = k
                        while e < end, slots[e].kind == "scale" { e += 1 }
                        try put(.string(leaf.header), top + 1, k, toColumn: e, f.header)
                        for s in k...e { try put(.string(slots[s - 1].factor?.description ?? ""), bottom, s, f.header) }
                        k = e + 1
                    } else {
                        try put(.string(leaf.header), top + 1, k, toRow: bottom, f.header)
                        k += 1
                    }
                }
            } else {
                try put(.string(slot.header), top, c, toRow: bottom, f.header)
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
        try put(.string(style.total?.label ?? "得分合计"), row, labelFirst, toColumn: labelLast, f.header)
        for c in 1...last where c < labelFirst || c > labelLast {
            try put(.blank, row, c, f.center)
        }
        if let c = weightColumn, let weight = index.total.weight { try put(.decimal(weight.value.value), row, c, f.number) }
        if let c = scoreColumn, let score = index.total.score { try put(number(score), row, c, f.number) }
        let noteFirst = max(labelLast, weightColumn ?? 0, scoreColumn ?? 0) + 1
        if let note = index.total.note {
            if noteFirst <= last { try put(.string(note.text), row, noteFirst, toColumn: last, f.text) } else { warnings.append("“\(name)”：得分合计的说明无处可写 / no room for the total's note") }
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
                    try put(level.map { .string($0.text) } ?? .blank, r, c, f.center)
                case "number", "percent":
                    if slot.id == "weight" {
                        guard let weight = item.weight else { continue } // under a weight merged down
                        var n = 1
                        while k + n < rows.count, rows[k + n].weight == nil { n += 1 }
                        let percentCell = slot.kind == "percent" && !weight.printed.contains("%")
                        try put(percentCell ? .decimal(weight.value.value / 100) : number(weight), r, c, toRow: r + n - 1,
                                percentCell ? f.percent : f.number)
                    } else if slot.id == "score" {
                        try put(item.score.map(number) ?? .blank, r, c, f.number)
                    }
                case "mark":
                    try put(item.marks[slot.id].map { .string($0.text) } ?? .blank, r, c, f.center)
                default:
                    try put(item.labels[slot.id].map { .string($0.text) } ?? .blank, r, c, f.text)
                }
            }
            if let formula = item.formula, let firstScale = slots.firstIndex(where: { $0.kind == "scale" }) {
                let lastScale = slots.lastIndex { $0.kind == "scale" } ?? firstScale
                try put(.string(formula.text), r, firstScale + 1, toColumn: lastScale + 1, f.text)
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
                    try put(.blank, r, c, f.center)
                    continue
                }
                var toColumn = c
                let innerColumns = innerIDs.compactMap(column)
                if !innerColumns.isEmpty, innerColumns == Array((c + 1)...(c + innerColumns.count)),
                   innerIDs.allSatisfy({ inner in (k..<(k + n)).allSatisfy { rows[$0].labels[inner] == nil } }) {
                    toColumn = c + innerColumns.count
                }
                try put(.string(label.text), r, c, toRow: r + n - 1, toColumn: toColumn, f.center)
                for rr in r..<(r + n) { for cc in c...toColumn { covered.insert(at(rr, cc)) } }
            }
        }
        for id in lost.sorted() {
            warnings.append("“\(name)”：\(style.style) 样式没有“\(id)”栏，未写出 / the \(style.style) style has no column for \(id)")
        }

        // print: A4 landscape, one page wide, the header rows on every page
        var setup = PrintSetup(paper: .a4, orientation: .landscape, fit: .oneWide)
        setup.repeatedRows = top...bottom
        setup.centerHorizontally = true
        setup.margins = PageMargins(left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3)
        try sheet.setPrintSetup(setup)
        try sheet.freezePanes(rows: bottom)
        return warnings
    }

    /// A weight or score as a number, or as its printed text where it prints a percent sign.
    func number(_ n: SourcedNumber) -> CellContent {
        if n.printed.contains("%") { return .string(n.value.description + "%") }
        return .decimal(n.value.value)
    }
}
