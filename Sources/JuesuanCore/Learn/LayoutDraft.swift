import Foundation
import SpreadsheetKit

/// Drafts one mapping file from an observed table and the closest known layout: the observed
/// title, code, key lines, header paths, 栏次, rows and notes; the statement, measures, row ids and
/// counts of the known layout, matched by header labels, codes, row labels and 行次. Records every
/// difference from the known layout.
struct LayoutDraft {
    let observed: ObservedTable
    let closest: TableLayout
    let grid: SheetGrid
    let set: String
    let table: String

    private(set) var differences: [LayoutDifference] = []
    private(set) var unmappedColumns: [String] = []

    init(observed: ObservedTable, closest: TableLayout, grid: SheetGrid, set: String, table: String) {
        self.observed = observed
        self.closest = closest
        self.grid = grid
        self.set = set
        self.table = table
    }

    private var newID: String { "\(set)/\(table)" }

    private mutating func note(_ kind: LayoutDifference.Kind, _ detail: String, _ zh: String, _ en: String) {
        differences.append(LayoutDifference(kind: kind, table: newID, closest: closest.id, detail: detail,
                                            message: "\(newID)（\(closest.id)）\(zh) / \(en)"))
    }

    // MARK: Scoring

    /// How well the observed header matches a layout: header leaves in common (by normalized label).
    static func score(_ observed: ObservedTable, _ layout: TableLayout) -> Int {
        var wanted: [String: Int] = [:]
        for c in layout.columns { for k in c.leafKeys { wanted[k, default: 0] += 1 } }
        var score = 0
        for c in observed.columns where (wanted[c.leafKey] ?? 0) > 0 {
            wanted[c.leafKey]! -= 1
            score += 2
        }
        return score - abs(observed.columns.count - layout.columns.count)
    }

    // MARK: Columns

    private enum Pair { case match(Int, Int), added(Int), removed(Int) }

    /// Observed columns aligned with the known layout's, in order (an edit-distance alignment:
    /// equal leaves match, a leaf in place of another of the same kind is a renamed column).
    private func align() -> [Pair] {
        let o = observed.columns, l = closest.columns
        func leafMatches(_ i: Int, _ j: Int) -> Bool {
            l[j].leafKeys.contains(o[i].leafKey)
        }
        func substitutable(_ i: Int, _ j: Int) -> Bool {
            let guess = Self.guessRole(o[i].path.last ?? "")
            let known = l[j].role
            switch (guess, known) {
            case (.amount, .amount), (.amount, .count): return true
            default: return guess == known
            }
        }
        let n = o.count, m = l.count
        var cost = Array(repeating: Array(repeating: 0.0, count: m + 1), count: n + 1)
        for i in 0...n { cost[i][0] = Double(i) }
        for j in 0...m { cost[0][j] = Double(j) }
        if n > 0 && m > 0 {
            for i in 1...n {
                for j in 1...m {
                    let pair = leafMatches(i - 1, j - 1) ? 0.0 : (substitutable(i - 1, j - 1) ? 1.0 : 3.0)
                    cost[i][j] = min(cost[i - 1][j - 1] + pair, cost[i - 1][j] + 1, cost[i][j - 1] + 1)
                }
            }
        }
        var pairs: [Pair] = []
        var i = n, j = m
        while i > 0 || j > 0 {
            if i > 0 && j > 0 {
                let pair = leafMatches(i - 1, j - 1) ? 0.0 : (substitutable(i - 1, j - 1) ? 1.0 : 3.0)
                if pair < 3 && cost[i][j] == cost[i - 1][j - 1] + pair { pairs.append(.match(i - 1, j - 1)); i -= 1; j -= 1; continue }
            }
            if i > 0 && cost[i][j] == cost[i - 1][j] + 1 { pairs.append(.added(i - 1)); i -= 1; continue }
            pairs.append(.removed(j - 1)); j -= 1
        }
        return pairs.reversed()
    }

    /// The role a header label suggests, for columns no known layout has.
    static func guessRole(_ label: String) -> Column.Role {
        let k = LabelNormalizer.key(label)
        if k.contains("行次") { return .line }
        if k.contains("代码") || k.contains("编码") { return .code }
        if k.contains("名称") { return .name }
        if k == "项目" { return .label }
        return .amount
    }

    // MARK: Drafting

    mutating func draft() -> TableLayout {
        let o = observed.columns, l = closest.columns
        var blockOf: [Int] = [] // for closest.columns
        for (b, block) in closest.blocks.enumerated() { blockOf += Array(repeating: b, count: block.columns.count) }

        // Columns into blocks.
        var blockColumns: [[(Column, Int)]] = Array(repeating: [], count: closest.blocks.count)
        var lastBlock = 0
        var renamedLabels: [(String, String, String?)] = []
        for pair in align() {
            switch pair {
            case .match(let i, let j):
                let known = l[j]
                let column = Column(header: o[i].path, also: known.also, role: known.role, measure: known.measure,
                                    number: o[i].number, width: o[i].width ?? known.width)
                blockColumns[blockOf[j]].append((column, o[i].column))
                lastBlock = blockOf[j]
                // Labels that changed: level by level where the depth is the same, else the whole path.
                let keys = { (path: [String]) in path.map(LabelNormalizer.key) }
                if keys(known.header) != keys(o[i].path) {
                    var changes: [(String, String, String?)] = []
                    if known.header.count == o[i].path.count {
                        for (k, (old, new)) in zip(known.header, o[i].path).enumerated() where LabelNormalizer.key(old) != LabelNormalizer.key(new) {
                            let isLeaf = k == known.header.count - 1
                            if isLeaf && Set(known.also.map(LabelNormalizer.key)).contains(LabelNormalizer.key(new)) { continue }
                            changes.append((old, new, isLeaf ? known.measure : nil))
                        }
                    } else {
                        changes.append((known.header.joined(separator: "/"), o[i].path.joined(separator: "/"), known.measure))
                    }
                    for change in changes where !renamedLabels.contains(where: { $0.0 == change.0 && $0.1 == change.1 }) {
                        renamedLabels.append(change)
                    }
                }
            case .added(let i):
                let role = Self.guessRole(o[i].path.last ?? "")
                let label = o[i].path.joined(separator: "/")
                if role == .amount {
                    unmappedColumns.append(label)
                    note(.columnAdded, label, "新增列“\(label)”：已知版式中没有对应的规范指标，未写入映射（如需导入，请在映射中为其指定 measure）",
                         "added column '\(label)': no canonical measure in the known layout; left out of the mapping (give it a measure to import it)")
                } else {
                    blockColumns[lastBlock].append((Column(header: o[i].path, also: [], role: role, measure: nil, number: o[i].number,
                                                           width: o[i].width), o[i].column))
                    note(.columnAdded, label, "新增列“\(label)”（\(role.rawValue)）", "added column '\(label)' (\(role.rawValue))")
                }
            case .removed(let j):
                let label = l[j].header.joined(separator: "/")
                note(.columnRemoved, label, "模板中没有“\(label)”列\(l[j].measure.map { "（\($0)）" } ?? "")",
                     "column '\(label)'\(l[j].measure.map { " (\($0))" } ?? "") is not in the template")
            }
        }
        for (old, new, measure) in renamedLabels {
            note(.columnRenamed, "\(old) → \(new)", "列名“\(old)”改为“\(new)”\(measure.map { "（\($0)）" } ?? "")",
                 "column label '\(old)' is now '\(new)'\(measure.map { " (\($0))" } ?? "")")
        }

        // Rows, block by block.
        let summaryLabels = Set(closest.summaryRows.map { LabelNormalizer.key($0.label) })
        let bodyRows = observed.dataStart <= observed.dataEnd ? Array(observed.dataStart...observed.dataEnd) : []
        let summaryRowNumbers = Set(bodyRows.filter { r in
            (observed.firstColumn...observed.lastColumn).contains { grid.text(r, $0).map { summaryLabels.contains(LabelNormalizer.key($0)) } ?? false }
        })
        var blocks: [Block] = []
        for (b, known) in closest.blocks.enumerated() where !blockColumns[b].isEmpty {
            let columns = blockColumns[b]
            let rows = rowRule(known, columns, bodyRows: bodyRows.filter { !summaryRowNumbers.contains($0) })
            blocks.append(Block(id: known.id, columns: columns.map(\.0), rows: rows))
        }
        let summaries = closest.summaryRows.filter { s in
            summaryRowNumbers.contains { r in
                (observed.firstColumn...observed.lastColumn).contains { grid.text(r, $0).map(LabelNormalizer.key) == LabelNormalizer.key(s.label) }
            } && [s.labelAt, s.valueAt].allSatisfy { p in
                blocks.contains { $0.id == p.block && $0.columns.contains { (p.role == nil || $0.role == p.role) && (p.measure == nil || $0.measure == p.measure) } }
            }
        }
        for s in closest.summaryRows where !summaries.contains(s) {
            note(.rowRemoved, s.label, "模板中没有“\(s.label)”行", "row '\(s.label)' is not in the template")
        }

        // Title, code, key lines, notes.
        let title = titleAsLearned()
        if LabelNormalizer.key(title) != LabelNormalizer.key(closest.title) && !closest.aliases.contains(where: { LabelNormalizer.key($0) == LabelNormalizer.key(title) }) {
            note(.titleRenamed, "\(closest.title) → \(title)", "表名“\(closest.title)”改为“\(title)”", "title '\(closest.title)' is now '\(title)'")
        }
        let code = observed.code ?? closest.code
        if observed.code != nil && LabelNormalizer.normalize(code) != LabelNormalizer.normalize(closest.code) {
            note(.codeChanged, "\(closest.code) → \(code)", "表号“\(closest.code)”改为“\(code)”", "table code '\(closest.code)' is now '\(code)'")
        }
        let keyLines = observed.keyLines.isEmpty ? closest.keyLines : observed.keyLines
        if Set(keyLines) != Set(closest.keyLines) {
            let was = closest.keyLines.map(\.rawValue).joined(separator: ", "), now = keyLines.map(\.rawValue).joined(separator: ", ")
            note(.keyLinesChanged, "[\(was)] → [\(now)]", "表头信息行由 [\(was)] 变为 [\(now)]", "key lines [\(was)] are now [\(now)]")
        }
        var notes: [String] = []
        var emptyNote = closest.emptyNote
        for text in observed.notes where !text.contains(Importer.unfilledMarker) {
            let key = LabelNormalizer.key(text)
            if key == LabelNormalizer.key(closest.emptyNote ?? "说明：本表无数据") || (key.hasPrefix("说明") && key.contains("本表无数据")) {
                if closest.emptyNote != nil { emptyNote = text }
                continue
            }
            notes.append(text)
        }
        if notes.map(LabelNormalizer.key) != closest.notes.map(LabelNormalizer.key) {
            note(.notesChanged, "\(closest.notes.count) → \(notes.count)", "表下注释不同：\(notes.joined(separator: " "))",
                 "the notes under the table differ")
        }
        if observed.hasColumnNumbers != closest.hasColumnNumbers {
            note(.columnNumbersChanged, "\(closest.hasColumnNumbers) → \(observed.hasColumnNumbers)",
                 observed.hasColumnNumbers ? "模板有栏次行" : "模板没有栏次行",
                 observed.hasColumnNumbers ? "the template prints a 栏次 row" : "the template prints no 栏次 row")
        }
        return TableLayout(set: set, table: table, code: code, title: title, aliases: closest.aliases, statement: closest.statement,
                           defaultUnit: observed.unit ?? closest.defaultUnit, keyLines: keyLines,
                           departmentLabel: observed.departmentLabel ?? closest.departmentLabel,
                           unitLabel: observed.unitLabel ?? closest.unitLabel, hasColumnNumbers: observed.hasColumnNumbers,
                           isInferred: false, inferredNote: nil, notes: notes, emptyNote: emptyNote, blocks: blocks,
                           summaryRows: summaries, source: "")
    }

    /// The title as printed, without a department or year printed in front of the known title.
    private func titleAsLearned() -> String {
        let key = LabelNormalizer.key(observed.title)
        for known in [closest.title] + closest.aliases {
            let k = LabelNormalizer.key(known)
            if key != k && key.hasSuffix(k) { return known }
        }
        if let range = observed.title.range(of: #"^(19|20)\d{2}年度?"#, options: .regularExpression) {
            return String(observed.title[range.upperBound...]).trimmingCharacters(in: .whitespaces)
        }
        return observed.title
    }

    // MARK: Rows

    private func text(_ row: Int, _ column: Int?) -> String? {
        guard let column, case .string(let s)? = grid.cell(row, column)?.value else { return nil }
        let t = TableObserver.clean(s)
        return t.isEmpty ? nil : t
    }

    private func dashes(_ row: Int, _ columns: [(Column, Int)]) -> Set<String> {
        Set(columns.compactMap { column, c in
            guard let m = column.measure, case .notApplicable = AmountCell.read(grid.cell(row, c)) else { return nil }
            return m
        })
    }

    private mutating func rowRule(_ known: Block, _ columns: [(Column, Int)], bodyRows: [Int]) -> RowRule {
        func column(_ role: Column.Role) -> Int? { columns.first { $0.0.role == role }?.1 }
        let codeColumn = column(.code), nameColumn = column(.name), labelColumn = column(.label), lineColumn = column(.line)
        var rule = RowRule(key: known.rows.key, codeKind: known.rows.codeKind, total: nil, items: [], singleID: known.rows.singleID)
        if rule.key == .line && lineColumn == nil { rule.key = codeColumn != nil ? .code : .single }
        if rule.key == .code && codeColumn == nil { rule.key = lineColumn != nil ? .line : .single }
        let blockColumns = Set(columns.map(\.1))
        let headerLabels = Set(columns.map { LabelNormalizer.key($0.0.header.last!) })

        switch rule.key {
        case .single:
            rule.singleID = known.rows.singleID ?? "data"
            rule.codeKind = nil
        case .code:
            var used = Set<Int>()
            for r in bodyRows {
                if let codeColumn, let code = TemplateRows.code(in: grid.cell(r, codeColumn)) {
                    guard !known.rows.items.isEmpty else { continue } // classification rows come from the data
                    let label = text(r, nameColumn) ?? text(r, labelColumn)
                    let line = TemplateRows.lineNumber(lineColumn.flatMap { grid.cell(r, $0) })
                    var item = RowItem(kind: .data, line: line, label: label, id: nil, code: code,
                                       notApplicable: dashes(r, columns), isCount: false)
                    if let k = known.rows.items.indices.first(where: { !used.contains($0) && known.rows.items[$0].code == code }) {
                        used.insert(k)
                        let match = known.rows.items[k]
                        item.id = match.id
                        item.isCount = match.isCount
                        compare(item, with: match, label: label)
                    } else {
                        note(.rowAdded, code, "新增行：科目 \(code) \(label ?? "")", "added row: code \(code) \(label ?? "")")
                    }
                    rule.items.append(item)
                } else if rule.total == nil {
                    let labels = [codeColumn, nameColumn, labelColumn].compactMap { text(r, $0) }
                    let totalKey = LabelNormalizer.key(known.rows.total?.label ?? "合计")
                    if let label = labels.first(where: { [totalKey, "合计", "总计"].contains(LabelNormalizer.key($0)) }) {
                        let line = TemplateRows.lineNumber(lineColumn.flatMap { grid.cell(r, $0) })
                        rule.total = TotalRow(label: label, id: known.rows.total?.id ?? "total", line: line)
                    }
                }
            }
            for (k, item) in known.rows.items.enumerated() where !used.contains(k) {
                if case .data = item.kind {
                    note(.rowRemoved, item.code ?? item.rowKey ?? "", "模板中没有行：科目 \(item.code ?? "") \(item.label ?? "")",
                         "row not in the template: code \(item.code ?? "") \(item.label ?? "")")
                }
            }
            if known.rows.total != nil && rule.total == nil {
                note(.rowRemoved, known.rows.total!.label, "模板中没有“\(known.rows.total!.label)”行", "row '\(known.rows.total!.label)' is not in the template")
            }
        case .line:
            rule.items = lineItems(known, columns, bodyRows: bodyRows, lineColumn: lineColumn!, labelColumn: labelColumn ?? nameColumn,
                                   blockColumns: blockColumns, headerLabels: headerLabels)
        }
        return rule
    }

    private mutating func compare(_ item: RowItem, with match: RowItem, label: String?) {
        let name = item.code ?? item.line.map { "行次 \($0)" } ?? ""
        if let label, let old = match.label, LabelNormalizer.key(label) != LabelNormalizer.key(old) {
            note(.rowRenamed, "\(old) → \(label)", "\(name) 行名“\(old)”改为“\(label)”", "\(name): row label '\(old)' is now '\(label)'")
        }
        if item.notApplicable != match.notApplicable {
            let was = match.notApplicable.sorted().joined(separator: ","), now = item.notApplicable.sorted().joined(separator: ",")
            note(.notApplicableChanged, "\(name): [\(was)] → [\(now)]", "\(name) 标“——”的列由 [\(was)] 变为 [\(now)]",
                 "\(name): cells marked '——' were [\(was)], are [\(now)]")
        }
    }

    private static func isData(_ item: RowItem) -> Bool {
        if case .data = item.kind { return true }
        return false
    }

    /// Rows keyed by 行次: data rows matched to the known rows by label, then by 行次; section
    /// headings and repeated header rows kept in place.
    private mutating func lineItems(_ known: Block, _ columns: [(Column, Int)], bodyRows: [Int], lineColumn: Int, labelColumn: Int?,
                                    blockColumns: Set<Int>, headerLabels: Set<String>) -> [RowItem] {
        var items: [RowItem] = []
        var used = Set<Int>()
        let knownItems = known.rows.items
        for r in bodyRows {
            if let line = TemplateRows.lineNumber(grid.cell(r, lineColumn)) {
                let item = RowItem(kind: .data, line: line, label: text(r, labelColumn), id: nil, code: nil,
                                   notApplicable: dashes(r, columns), isCount: false)
                items.append(item)
                continue
            }
            let texts = columns.map { text(r, $0.1) ?? "" }
            let nonEmpty = texts.filter { !$0.isEmpty }
            guard !nonEmpty.isEmpty else { continue }
            if nonEmpty.contains(where: { headerLabels.contains(LabelNormalizer.key($0)) }) {
                items.append(RowItem(kind: .literal(texts), notApplicable: [], isCount: false))
            } else if nonEmpty.count == 1 {
                items.append(RowItem(kind: .heading(nonEmpty[0]), notApplicable: [], isCount: false))
            }
        }
        // Match: first by label, then by 行次 (fillers, renamed rows).
        var matchOf: [Int: Int] = [:] // index in items → known index
        for (index, item) in items.enumerated() {
            guard case .data = item.kind, let label = item.label else { continue }
            let key = LabelNormalizer.key(label)
            let candidates = knownItems.indices.filter { k in
                !used.contains(k) && Self.isData(knownItems[k]) && knownItems[k].label.map(LabelNormalizer.key) == key
            }
            if let k = candidates.min(by: { abs((knownItems[$0].line ?? 0) - (item.line ?? 0)) < abs((knownItems[$1].line ?? 0) - (item.line ?? 0)) }) {
                used.insert(k)
                matchOf[index] = k
            }
        }
        for (index, item) in items.enumerated() where matchOf[index] == nil {
            guard case .data = item.kind else { continue }
            if let k = knownItems.indices.first(where: { k in !used.contains(k) && knownItems[k].line == item.line && Self.isData(knownItems[k]) }) {
                // A filler matches a filler; a labelled row in place of another is renamed.
                let knownLabel = knownItems[k].label ?? ""
                if knownLabel.isEmpty == (item.label ?? "").isEmpty || !knownLabel.isEmpty {
                    used.insert(k)
                    matchOf[index] = k
                }
            }
        }
        var lastCount = false
        for index in items.indices {
            switch items[index].kind {
            case .heading, .literal:
                lastCount = false
                continue
            case .data: break
            }
            if let k = matchOf[index] {
                let match = knownItems[k]
                items[index].id = match.id
                items[index].code = match.code
                items[index].isCount = match.isCount
                lastCount = match.isCount
                compare(items[index], with: match, label: items[index].label)
                if let line = items[index].line, let old = match.line, line != old {
                    let name = items[index].label ?? "行次 \(old)"
                    note(.rowRenumbered, "\(old) → \(line)", "“\(name)”的行次由 \(old) 变为 \(line)", "'\(name)': 行次 \(old) is now \(line)")
                }
            } else {
                // A row the known layout lacks: counts follow the rows above it in the same section.
                items[index].isCount = lastCount
                let line = items[index].line.map(String.init) ?? ""
                if let label = items[index].label, !label.isEmpty {
                    note(.rowAdded, "\(line) \(label)", "新增行：行次 \(line) \(label)", "added row: 行次 \(line) \(label)")
                } else {
                    note(.rowAdded, line, "新增空行：行次 \(line)", "added empty row: 行次 \(line)")
                }
            }
        }
        for (k, item) in knownItems.enumerated() where !used.contains(k) {
            switch item.kind {
            case .data:
                let name = [item.line.map { "行次 \($0)" }, item.label].compactMap { $0 }.joined(separator: " ")
                note(.rowRemoved, name, "模板中没有行：\(name)", "row not in the template: \(name)")
            case .heading(let text):
                if !items.contains(where: { if case .heading(let t) = $0.kind { return LabelNormalizer.key(t) == LabelNormalizer.key(text) }; return false }) {
                    note(.rowRemoved, text, "模板中没有标题行“\(text)”", "heading '\(text)' is not in the template")
                }
            case .literal: continue
            }
        }
        for item in items {
            if case .heading(let text) = item.kind,
               !knownItems.contains(where: { if case .heading(let t) = $0.kind { return LabelNormalizer.key(t) == LabelNormalizer.key(text) }; return false }) {
                note(.rowAdded, text, "新增标题行“\(text)”", "added heading '\(text)'")
            }
        }
        return items
    }
}
