import Foundation
import SpreadsheetKit

/// Fills a bureau's own template workbook with a report's values, keeping everything else of the
/// template: the template is recognised like any input (titles and headers, through the mapping
/// files), each value goes into the cell the template already has for it (found by 行次, code,
/// total, single or summary row, and the measure's column), and only those cells' values change —
/// the workbook package is patched, not rewritten (see ``PackagePatcher``).
///
/// Rules (README, "Fill and learn"):
/// - amounts in the template's unit (its unit line, else the layout's default), 万元 rounded to 2
///   places half up; counts as they are;
/// - a zero (or absent) amount leaves a blank cell blank, and writes 0 where the template's cell
///   already holds a number (so no stale figure survives);
/// - cells showing "——" are never written; formulas stay formulas (their cached values are cleared
///   and the workbook recalculates on opening);
/// - a value the template has no row, column or writable cell for is reported, never inserted;
/// - the department line gets the report's department name (as inline text).
///
/// ```swift
/// let filler = TemplateFiller(catalog: catalog)
/// let result = try filler.fill(template: "bureau.xlsx", report: report, to: "filled.xlsx")
/// result.unplaced.map(\.message)
/// ```
public struct TemplateFiller {
    public let catalog: MappingCatalog
    /// Recognise the template only as this set's tables (`--template SET`).
    public var templateSet: String?

    public init(catalog: MappingCatalog, templateSet: String? = nil) {
        self.catalog = catalog
        self.templateSet = templateSet
    }

    /// Works out what to write without writing anything.
    public func plan(template path: String, report: Report) throws -> (FillResult, PackagePatch) {
        try plan(template: Workbook(path: path), report: report)
    }

    /// Fills the template and writes the result to `output` (atomically; an existing file only with `replaceExisting`).
    @discardableResult
    public func fill(template path: String, report: Report, to output: String, replaceExisting: Bool = false) throws -> FillResult {
        var (result, patch) = try plan(template: path, report: report)
        patch.recalculateOnOpen = true
        let outcome = try PackagePatcher.apply(patch, to: path, writingTo: output, replaceExisting: replaceExisting)
        result.output = output
        result.formulasRecalculated = outcome.cachedValuesCleared
        // The patcher never overwrites a formula; the plan already left such cells out.
        for (_, refs) in outcome.formulaCellsKept where !refs.isEmpty {
            result.warnings.append("模板中 \(refs.map(\.a1).joined(separator: "、")) 为公式，已保留 / formulas kept at \(refs.map(\.a1).joined(separator: ", "))")
        }
        return result
    }

    func plan(template workbook: Workbook, report: Report) throws -> (FillResult, PackagePatch) {
        var layouts = catalog.layouts
        if let templateSet {
            layouts = catalog.layouts(inSet: templateSet)
            guard !layouts.isEmpty else { throw ExportError.unknownSet(templateSet, known: catalog.sets) }
        }
        let restricted = MappingCatalog(layouts: layouts, folders: catalog.folders)
        let imported: ImportResult
        do {
            imported = try Importer(catalog: restricted).importWorkbook(workbook)
        } catch ImportError.unknownLayout(_, let looked) {
            throw FillError.noTableInTemplate(file: workbook.fileName, looked: looked)
        }

        var result = FillResult(template: workbook.fileName)
        var patch = PackagePatch()
        var grids: [String: SheetGrid] = [:]
        let locator = TableLocator(layouts: layouts)
        var candidatesBySheet: [String: [LocatedTable]] = [:]
        var usedStatements = Set<Int>()
        var previousEnd: [String: Int] = [:]

        for found in imported.found {
            guard let sheet = workbook.sheet(named: found.sheet), let range = CellRange(found.range) else { continue }
            if grids[found.sheet] == nil {
                let grid = SheetGrid(try workbook.worksheet(sheet))
                grids[found.sheet] = grid
                candidatesBySheet[found.sheet] = locator.candidates(in: grid)
            }
            let grid = grids[found.sheet]!
            guard var table = candidatesBySheet[found.sheet]!.filter({
                $0.layout.set == found.set && $0.layout.table == found.table
                    && $0.titleRow == range.first.row && $0.firstColumn == range.first.column
            }).max(by: { $0.score < $1.score }) else { continue }
            table.dataEnd = range.last.row
            let layout = table.layout
            let reference = TableReference(set: layout.set, table: layout.table, code: layout.code, title: layout.title)

            let lines = KeyLines.read(grid, table: table, from: max((previousEnd[found.sheet] ?? 0) + 1, table.titleRow - 4))
            let keyLinesFrom = max((previousEnd[found.sheet] ?? 0) + 1, table.titleRow - 4)
            previousEnd[found.sheet] = table.dataEnd
            let unit = lines.unit ?? layout.defaultUnit
            if lines.unit == nil {
                result.warnings.append("\(layout.code) \(layout.title)：模板没有金额单位行，按版式默认的\(unit.rawValue)填写 / the template prints no unit; filled in \(unit.rawValue), the layout's default")
            }
            if let year = lines.year, let reportYear = report.fiscalYear, year != reportYear {
                result.warnings.append("\(layout.code) \(layout.title)：模板年度为 \(year)，报告年度为 \(reportYear) / the template is for \(year), the report for \(reportYear)")
            }

            var filler = TableFill(grid: grid, table: table, unit: unit, sheet: sheet)
            if let department = report.department {
                filler.writeDepartment(department, keyLineRows: keyLinesFrom..<table.headerTop)
            }
            let index = report.statements.indices.first { !usedStatements.contains($0) && report.statements[$0].table.set == layout.set && report.statements[$0].table.table == layout.table }
                ?? report.statements.indices.first { !usedStatements.contains($0) && report.statements[$0].kind == layout.statement }
            if let index {
                usedStatements.insert(index)
                filler.fill(report.statements[index], reference: reference)
            } else {
                result.warnings.append("\(layout.code) \(layout.title)：报告中没有此表的数据，模板保持原样 / the report has no data for this table; left as in the template")
            }
            result.tables.append(FillResult.Table(table: reference, sheet: found.sheet, unit: unit,
                                                  filledFrom: index.map { report.statements[$0].table },
                                                  cells: filler.written.filter { !$0.isText }.count))
            result.written += filler.written
            result.unplaced += filler.unplaced
            for (ref, edit) in filler.edits { patch.cells[sheet.part, default: [:]][ref] = edit }
        }
        for (i, statement) in report.statements.enumerated() where !usedStatements.contains(i) {
            let hasAmounts = statement.rows.contains { $0.values.values.contains { ($0.amount ?? .zero) != .zero } }
            if hasAmounts { result.tablesNotInTemplate.append(statement.table) }
        }
        for t in result.tablesNotInTemplate {
            result.warnings.append("\(t.code) \(t.title)：模板中没有此表，其数据未写入 / the template has no such table; its values were not written")
        }
        return (result, patch)
    }
}

/// The cells of one template table that a statement fills.
struct TableFill {
    let grid: SheetGrid
    let table: LocatedTable
    let unit: AmountUnit
    let sheet: SheetInfo
    private(set) var edits: [CellReference: CellEdit] = [:]
    private(set) var written: [FilledCell] = []
    private(set) var unplaced: [UnplacedValue] = []

    init(grid: SheetGrid, table: LocatedTable, unit: AmountUnit, sheet: SheetInfo) {
        self.grid = grid
        self.table = table
        self.unit = unit
        self.sheet = sheet
    }

    private var layout: TableLayout { table.layout }

    /// Top-left cells of merged ranges, and the cells a merge hides.
    private func isHiddenByMerge(_ ref: CellReference) -> Bool {
        grid.merges.contains { $0.contains(ref) && $0.first != ref }
    }

    mutating func fill(_ statement: Statement, reference: TableReference) {
        let rows = TemplateRows(grid: grid, table: table)
        var placed = Set<String>() // "row\u{1}measure"
        for key in rows.order {
            guard let place = rows.places[key] else { continue }
            let stated = statement.row(key)
            if let b = place.block {
                let block = layout.blocks[b]
                let columns = rows.columns(ofBlock: b)
                let item = block.rows.items.first { $0.rowKey == key } ?? block.rows.items.first { $0.code == key }
                for (k, column) in block.columns.enumerated() where column.role == .amount || column.role == .count {
                    guard let measure = column.measure else { continue }
                    let isCount = column.role == .count || item?.isCount == true || stated?.values[measure]?.isCount == true
                    if put(stated, key: key, measure: measure, at: CellReference(row: place.row, column: columns[k]),
                           isCount: isCount, markedNotApplicable: item?.notApplicable.contains(measure) == true,
                           statement: statement, reference: reference) {
                        placed.insert(key + "\u{1}" + measure)
                    }
                }
            } else if let valueColumn = place.valueColumn {
                if put(stated, key: key, measure: "amount", at: CellReference(row: place.row, column: valueColumn),
                       isCount: false, markedNotApplicable: false, statement: statement, reference: reference) {
                    placed.insert(key + "\u{1}amount")
                }
            }
        }
        // Everything with an amount that found no cell: named, not dropped, not inserted.
        for row in statement.rows {
            for (measure, value) in row.values.sorted(by: { $0.key < $1.key }) {
                guard let amount = value.amount, amount != .zero, !placed.contains(row.key + "\u{1}" + measure) else { continue }
                let reason: UnplacedValue.Reason = rows.places[row.key] == nil ? .noRow : .noColumn
                unplaced.append(UnplacedValue(table: reference, row: row.key, code: row.code, label: row.label, measure: measure,
                                              column: columnLabel(measure), amount: amount, shown: shown(amount, isCount: value.isCount == true),
                                              unit: unit, reason: reason, cell: nil))
            }
        }
    }

    /// The header label of the column stating a measure (`项目支出`; `支出/合计` where the leaf alone is ambiguous).
    private func columnLabel(_ measure: String) -> String? {
        let columns = layout.columns.filter { $0.measure == measure }
        guard let column = columns.first else { return nil }
        let leaf = column.header.last!
        let ambiguous = layout.columns.filter { $0.header.last == leaf }.count > 1
        return ambiguous ? column.header.joined(separator: "/") : leaf
    }

    private func shown(_ amount: Amount, isCount: Bool) -> String {
        isCount ? amount.description : amount.expressed(in: unit).formatted(places: 2)
    }

    /// Writes one value into its cell; returns whether the value found its place (written, or
    /// nothing to write). A "——" cell, a formula or a hidden cell is reported instead.
    private mutating func put(_ stated: StatementRow?, key: String, measure: String, at ref: CellReference, isCount: Bool,
                              markedNotApplicable: Bool, statement: Statement, reference: TableReference) -> Bool {
        let value = stated?.values[measure]
        let amount = value?.amount ?? .zero
        let shownAmount = isCount ? amount : amount.expressed(in: unit).rounded(2)
        let cell = grid.cell(ref.row, ref.column)
        let location = grid.location(ref.row, ref.column)
        func refuse(_ reason: UnplacedValue.Reason) -> Bool {
            guard amount != .zero else { return true }
            unplaced.append(UnplacedValue(table: reference, row: key, code: stated?.code, label: stated?.label, measure: measure,
                                          column: columnLabel(measure), amount: amount, shown: shown(amount, isCount: isCount), unit: unit, reason: reason,
                                          cell: location))
            return true
        }
        if cell?.formula != nil { return refuse(.formulaCell) }
        if case .notApplicable = AmountCell.read(cell) { return refuse(.notApplicableCell) }
        if markedNotApplicable && (cell == nil || cell?.value == .empty) && amount == .zero { return true }
        if isHiddenByMerge(ref) { return refuse(.noRow) }
        if shownAmount != .zero {
            record(ref, .number(shownAmount.description), text: shownAmount.description, isText: false, key: key, measure: measure)
        } else if case .number? = cell?.value {
            // A template that prints a number here (0.00, or last year's figure) gets the zero.
            record(ref, .number("0"), text: "0", isText: false, key: key, measure: measure)
        }
        return true
    }

    private mutating func record(_ ref: CellReference, _ edit: CellEdit, text: String, isText: Bool, key: String?, measure: String?) {
        edits[ref] = edit
        written.append(FilledCell(sheet: grid.name, cell: ref.a1, value: text, isText: isText,
                                  table: key == nil ? nil : layout.id, row: key, measure: measure))
    }

    /// The name after a label, cut before a second item on the same line (year, unit).
    static func nameAfterLabel(_ text: String) -> String {
        var value = text
        for stop in [#"\s{2,}"#, #"\s*(金额)?单位[：:]"#, #"\s*(19|20)\d{2}\s*年"#] {
            if let r = value.range(of: stop, options: .regularExpression) { value = String(value[..<r.lowerBound]) }
        }
        return value.trimmingCharacters(in: .whitespaces)
    }

    /// Puts the department's name on the department line: after the label in its own cell, or in
    /// the empty cell right of a label that stands alone.
    mutating func writeDepartment(_ department: String, keyLineRows: Range<Int>) {
        let labels = [LabelNormalizer.normalize(layout.departmentLabel)] + KeyLines.departmentLabels
        for r in keyLineRows {
            for (column, text) in (grid.textRows[r] ?? []).sorted(by: { $0.column < $1.column }) {
                guard labels.contains(where: { text.hasPrefix($0 + ":") }), case .string(let raw)? = grid.cell(r, column)?.value,
                      let colon = raw.firstIndex(where: { $0 == "：" || $0 == ":" }) else { continue }
                let after = raw[raw.index(after: colon)...]
                let stated = after.trimmingCharacters(in: .whitespaces)
                let here = CellReference(row: r, column: column)
                let right = CellReference(row: r, column: column + 1)
                if stated.isEmpty {
                    // The name goes after the label, in the label's cell, as the published forms print it;
                    // where the cell right of the label already holds a name, that name is replaced.
                    if let next = grid.cell(r, column + 1), case .string(let s) = next.value,
                       !s.trimmingCharacters(in: .whitespaces).isEmpty, KeyLines.unit(in: LabelNormalizer.normalize(s)) == nil,
                       KeyLines.year(in: s) == nil {
                        if s.trimmingCharacters(in: .whitespaces) != department {
                            record(right, .text(department), text: department, isText: true, key: nil, measure: nil)
                        }
                    } else {
                        let text = String(raw[...colon]) + department
                        record(here, .text(text), text: text, isText: true, key: nil, measure: nil)
                    }
                } else if !stated.hasPrefix(department) {
                    // Another name after the label (last year's, or a placeholder): replaced, the rest kept.
                    let name = Self.nameAfterLabel(String(after))
                    let rest = name.isEmpty ? "" : String(after.trimmingCharacters(in: .whitespaces).dropFirst(name.count))
                    let text = String(raw[...colon]) + department + rest
                    record(here, .text(text), text: text, isText: true, key: nil, measure: nil)
                }
                return
            }
        }
    }
}
