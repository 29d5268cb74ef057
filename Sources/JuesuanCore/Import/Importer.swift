import Foundation
import SpreadsheetKit

/// Where one table was found, for `inspect`.
public struct FoundTable: Codable, Sendable, Hashable {
    public var set: String
    public var table: String
    public var code: String
    public var title: String
    public var sheet: String
    public var range: String
    public var unit: AmountUnit
    public var unitStated: Bool
    public var rows: Int
}

/// The result of importing one workbook.
public struct ImportResult: Sendable {
    public var report: Report
    public var found: [FoundTable]
    public var issues: [ImportIssue]
    /// Tables of the chosen set that were not found in the workbook.
    public var missingTables: [TableReference]

    public var hasErrors: Bool { issues.contains { $0.severity == .error } }
}

/// Why a workbook could not be imported at all.
public enum ImportError: Error, LocalizedError, Sendable {
    /// No table of any known layout was found.
    case unknownLayout(file: String, looked: [String])
    case noMappings

    public var errorDescription: String? {
        switch self {
        case .unknownLayout(let file, let looked):
            return "在 \(file) 中没有找到任何已知版式的决算表（已按 \(looked.joined(separator: "、")) 的标题和表头查找）/ no table of a known layout found in \(file) (searched for the titles and headers of \(looked.joined(separator: ", ")))"
        case .noMappings:
            return "没有找到映射文件（请用 --mappings 指定文件夹或设置 JUESUAN_MAPPINGS）/ no mapping files found (use --mappings DIR or set JUESUAN_MAPPINGS)"
        }
    }
}

/// Finds the official tables anywhere in a workbook and reads them into the canonical model.
///
/// ```swift
/// let catalog = try MappingCatalog.load(folders: ["Mappings"])
/// let result = try Importer(catalog: catalog).importWorkbook(at: "report.xlsx")
/// result.report.statements.count
/// ```
public struct Importer {
    public let catalog: MappingCatalog
    /// The fiscal year to use where the tables print none (sc13 tables).
    public var fiscalYear: Int?

    public init(catalog: MappingCatalog, fiscalYear: Int? = nil) {
        self.catalog = catalog
        self.fiscalYear = fiscalYear
    }

    public func importWorkbook(at path: String) throws -> ImportResult {
        let workbook = try Workbook(path: path)
        return try importWorkbook(workbook)
    }

    public func importWorkbook(_ workbook: Workbook) throws -> ImportResult {
        guard !catalog.layouts.isEmpty else { throw ImportError.noMappings }
        let locator = TableLocator(layouts: catalog.layouts)
        var grids: [String: SheetGrid] = [:]
        var candidates: [LocatedTable] = []
        for sheet in workbook.sheets where sheet.kind == .worksheet {
            let grid = SheetGrid(try workbook.worksheet(sheet))
            grids[sheet.name] = grid
            candidates += locator.candidates(in: grid)
        }
        guard !candidates.isEmpty else {
            throw ImportError.unknownLayout(file: workbook.fileName, looked: catalog.sets)
        }
        let set = chooseSet(candidates)
        let sheetOrder = Dictionary(uniqueKeysWithValues: workbook.sheets.map { ($0.name, $0.index) })
        let tables = resolve(candidates, preferring: set, grids: grids, sheetOrder: sheetOrder)

        var issues: [ImportIssue] = []
        var statements: [Statement] = []
        var found: [FoundTable] = []
        var departments: [String: Int] = [:], years: [Int: Int] = [:]
        for (index, table) in tables.enumerated() {
            let grid = grids[table.sheet]!
            // A table that Juesuan itself wrote empty because its source lacked it is not a statement.
            if Self.isMarkedUnfilled(table, in: grid) {
                issues.append(ImportIssue(.warning, table: table.layout.id, location: grid.location(table.titleRow, table.titleColumn),
                    "此表注明“\(Self.unfilledMarker)”，按无此表处理 / the table is marked as not filled; treated as absent"))
                continue
            }
            let previousEnd = tables[..<index].last { $0.sheet == table.sheet }?.dataEnd ?? 0
            let lines = KeyLines.read(grid, table: table, from: max(previousEnd + 1, table.titleRow - 4))
            if let d = lines.department { departments[d, default: 0] += 1 }
            if let y = lines.year { years[y, default: 0] += 1 }
            let unit = lines.unit ?? table.layout.defaultUnit
            if lines.unit == nil {
                issues.append(ImportIssue(.warning, table: table.layout.id, location: grid.location(table.titleRow, table.titleColumn),
                    "表中没有金额单位行，按版式默认的\(unit.rawValue)读取 / no unit line; read as \(unit.rawValue), the layout's default"))
            }
            var reader = StatementReader(grid: grid, table: table, unit: unit, unitStated: lines.unit != nil)
            let statement = reader.read()
            issues += reader.issues
            statements.append(statement)
            found.append(FoundTable(set: table.layout.set, table: table.layout.table, code: table.layout.code,
                                    title: table.layout.title, sheet: table.sheet, range: statement.range,
                                    unit: unit, unitStated: lines.unit != nil, rows: statement.rows.count))
        }
        if departments.count > 1 {
            issues.append(ImportIssue(.warning, "各表的部门名称不一致：\(departments.keys.sorted().joined(separator: "、")) / the tables name different departments"))
        }
        if years.count > 1 {
            issues.append(ImportIssue(.warning, "各表的年度不一致：\(years.keys.sorted().map(String.init).joined(separator: "、")) / the tables state different years"))
        }
        let year = fiscalYear ?? years.max { $0.value < $1.value }?.key
        if year == nil {
            issues.append(ImportIssue(.warning, "表中没有年度，请用 --year 指定 / the tables print no year; give it with --year"))
        }
        let foundIDs = Set(statements.filter { $0.table.set == set }.map(\.table.table))
        let missing = catalog.layouts(inSet: set).filter { !foundIDs.contains($0.table) }
            .map { TableReference(set: $0.set, table: $0.table, code: $0.code, title: $0.title) }
        let report = Report(department: departments.max { $0.value < $1.value }?.key, fiscalYear: year,
                            sourceFile: workbook.fileName, templateSet: set, statements: statements)
        return ImportResult(report: report, found: found, issues: issues, missingTables: missing)
    }

    /// The words the exporter writes under a table its source had no data for.
    public static let unfilledMarker = "本表未填列"

    static func isMarkedUnfilled(_ table: LocatedTable, in grid: SheetGrid) -> Bool {
        let last = min(grid.rowCount, table.dataEnd + 6)
        guard table.dataEnd + 1 <= last else { return false }
        return (table.dataEnd + 1...last).contains { r in
            (grid.textRows[r] ?? []).contains { $0.text.contains(unfilledMarker) }
        }
    }

    /// The template set most tables were recognised as (ties: the better-scored set).
    private func chooseSet(_ candidates: [LocatedTable]) -> String {
        var tablesPerSet: [String: Set<String>] = [:], scorePerSet: [String: Int] = [:]
        for c in candidates {
            tablesPerSet[c.layout.set, default: []].insert(c.layout.table)
            scorePerSet[c.layout.set, default: 0] += c.score
        }
        return tablesPerSet.keys.max { a, b in
            (tablesPerSet[a]!.count, scorePerSet[a]!, b) < (tablesPerSet[b]!.count, scorePerSet[b]!, a)
        }!
    }

    /// One table per title cell (the chosen set's layout where it matches, else the best score),
    /// in sheet order, each ending where the next begins, at its notes, or at a run of blank rows.
    private func resolve(_ candidates: [LocatedTable], preferring set: String, grids: [String: SheetGrid],
                         sheetOrder: [String: Int]) -> [LocatedTable] {
        var byTitle: [String: LocatedTable] = [:]
        for c in candidates {
            let key = "\(c.sheet)\u{1}\(c.titleRow)\u{1}\(c.titleColumn)"
            if let current = byTitle[key] {
                let better = (c.layout.set == set ? 1 : 0, c.score) > (current.layout.set == set ? 1 : 0, current.score)
                if better { byTitle[key] = c }
            } else {
                byTitle[key] = c
            }
        }
        var tables = byTitle.values.sorted {
            (sheetOrder[$0.sheet] ?? 0, $0.titleRow, $0.titleColumn) < (sheetOrder[$1.sheet] ?? 0, $1.titleRow, $1.titleColumn)
        }
        for i in tables.indices {
            let grid = grids[tables[i].sheet]!
            let next = tables[(i + 1)...].first { $0.sheet == tables[i].sheet && $0.titleRow > tables[i].titleRow }
            let limit = (next?.titleRow ?? (grid.rowCount + 1)) - 1
            tables[i].dataEnd = bodyEnd(tables[i], grid: grid, limit: limit, nextTitle: next)
        }
        return tables
    }

    /// The last row of a table's body.
    private func bodyEnd(_ table: LocatedTable, grid: SheetGrid, limit: Int, nextTitle: LocatedTable?) -> Int {
        var last = table.dataStart - 1
        var blanks = 0
        guard table.dataStart <= limit else { return last }
        for r in table.dataStart...limit {
            if let first = (table.firstColumn...table.lastColumn).lazy.compactMap({ grid.text(r, $0) }).first,
               first.hasPrefix("注:") || first.hasPrefix("注1") || first.hasPrefix("说明:") || first.hasPrefix("备注") || first == "注" {
                break
            }
            if grid.isEmptyRow(r, from: table.firstColumn, to: table.lastColumn) {
                blanks += 1
                if blanks >= 3 { break }
            } else {
                blanks = 0
                last = r
            }
        }
        // A next table's code or key lines sit just above its title: stop before them.
        if let next = nextTitle, last >= next.titleRow - 4 {
            var r = last
            while r > table.dataStart, r >= next.titleRow - 4, KeyLines.isKeyLineRow(grid, r) { r -= 1 }
            last = r
        }
        return last
    }
}
