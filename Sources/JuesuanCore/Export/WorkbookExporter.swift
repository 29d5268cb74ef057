import Foundation
import SpreadsheetKit

/// What an export wrote.
public struct ExportSummary: Sendable {
    /// Tables of the set that the report holds data for.
    public var written: [TableReference]
    /// Tables of the set whose data the report lacks: drawn empty, with a note saying so.
    public var withoutData: [TableReference]
    /// Rows with amounts that a table of the set has no row for: reported, not written.
    public var notWritten: [(table: TableReference, row: String, label: String?)] = []
}

/// A plain listing sheet added after the tables (a consolidation's contributions, a diff's changes).
public struct ListingSheet: Sendable {
    public var name: String
    public var title: String
    public var header: [String]
    public var widths: [Double]
    public var rows: [[CellContent]]

    public init(name: String, title: String, header: [String], widths: [Double], rows: [[CellContent]]) {
        self.name = name
        self.title = title
        self.header = header
        self.widths = widths
        self.rows = rows
    }
}

/// Why an export could not start.
public enum ExportError: Error, LocalizedError, Sendable {
    case unknownSet(String, known: [String])

    public var errorDescription: String? {
        switch self {
        case .unknownSet(let set, let known):
            return "未知的模板集“\(set)”（可用：\(known.joined(separator: "、"))）/ unknown template set '\(set)' (known: \(known.joined(separator: ", ")))"
        }
    }
}

/// Regenerates the official workbook of a template set from a report, one sheet per table,
/// formatted as the published forms: driven by the same mapping files the importer reads.
///
/// ```swift
/// let exporter = WorkbookExporter(catalog: catalog)
/// let summary = try exporter.export(report, set: "gk10-2024", to: URL(fileURLWithPath: "out.xlsx"))
/// ```
public struct WorkbookExporter {
    public let catalog: MappingCatalog

    public init(catalog: MappingCatalog) {
        self.catalog = catalog
    }

    @discardableResult
    public func export(_ report: Report, set: String, unit: AmountUnit = .wanYuan, to url: URL,
                       replaceExisting: Bool = false, temporaryDirectory: URL? = nil,
                       durability: WorkbookWriter.Durability = .synced) throws -> ExportSummary {
        try write(report, set: set, unit: unit, to: url, replaceExisting: replaceExisting,
                  temporaryDirectory: temporaryDirectory, review: nil, durability: durability)
    }

    /// Writes the workbook; with `review`, first a 审核结果 sheet listing the findings with links, and
    /// every cell a finding points at highlighted with a comment (批注) giving the finding and its source cell.
    func write(_ report: Report, set: String, unit: AmountUnit, to url: URL, replaceExisting: Bool,
               temporaryDirectory: URL?, review: [Finding]?, reviewTitle: String = "审核结果",
               listings: [ListingSheet] = [], durability: WorkbookWriter.Durability = .synced) throws -> ExportSummary {
        let layouts = catalog.layouts(inSet: set)
        guard !layouts.isEmpty else { throw ExportError.unknownSet(set, known: catalog.sets) }
        var summary = ExportSummary(written: [], withoutData: [])
        var plans: [SheetPlan] = []
        for layout in layouts {
            let statement = report.statements.first { $0.table.set == set && $0.table.table == layout.table }
                ?? report.statements.first { $0.kind == layout.statement }
            let reference = TableReference(set: layout.set, table: layout.table, code: layout.code, title: layout.title)
            if statement == nil { summary.withoutData.append(reference) } else { summary.written.append(reference) }
            let note = "说明：源数据中没有此表的数据，\(Importer.unfilledMarker) / the source holds no data for this table"
            let drawing = TableDrawing(layout: layout, statement: statement, report: report, unit: unit,
                                       missingNote: statement == nil ? note : nil)
            let plan = drawing.plan(sheetName: sheetName(layout))
            summary.notWritten += plan.undrawn.map { (reference, $0.key, $0.label) }
            plans.append(plan)
        }
        let writer = try WorkbookWriter(destination: url, options: WorkbookWriter.Options(replaceExisting: replaceExisting,
                                                                                           temporaryDirectory: temporaryDirectory,
                                                                                           durability: durability))
        writer.properties.title = [report.department, report.fiscalYear.map { "\($0)年度部门决算" }].compactMap { $0 }.joined(separator: " ")
        writer.properties.company = report.department
        writer.properties.comments = "Juesuan \(set)"
        var styles = StyleBook(writer: writer)
        do {
            if let review {
                let annotated = ReviewAnnotations(findings: review, plans: plans)
                try writeFindings(annotated, title: reviewTitle, to: writer, styles: &styles)
                for var plan in plans {
                    annotated.flag(&plan)
                    try write(plan, to: writer, styles: &styles, comments: annotated.comments(for: plan))
                }
            } else {
                for plan in plans { try write(plan, to: writer, styles: &styles, comments: [:]) }
            }
            for listing in listings { try write(listing, to: writer, styles: &styles) }
            try writer.close()
        } catch {
            writer.discard()
            throw error
        }
        return summary
    }

    /// The sheet name names the table: its code as printed, without spaces (`公开01表`).
    func sheetName(_ layout: TableLayout) -> String {
        let forbidden = Limits.forbiddenSheetNameCharacters
        let name = String(layout.code.filter { !$0.isWhitespace && !forbidden.contains($0) }.prefix(Limits.maxSheetNameLength))
        return name.isEmpty ? "表\(layout.table)" : name
    }

    private func write(_ plan: SheetPlan, to writer: WorkbookWriter, styles: inout StyleBook,
                       comments: [CellReference: String]) throws {
        let sheet = try writer.addSheet(named: plan.name)
        // Widths that fit the text: the mapping's width, widened for longer labels (CJK counts double).
        var widths = plan.widths
        for (ref, entry) in plan.cells where entry.style == .label {
            if case .string(let text) = entry.content {
                widths[ref.column] = min(44, max(widths[ref.column] ?? 10, displayWidth(text) + 2))
            }
        }
        for (column, width) in widths { try sheet.setColumns(column...column, width: width) }
        try sheet.setRow(1, height: 32)
        for (row, height) in plan.heights.sorted(by: { $0.key < $1.key }) { try sheet.setRow(row, height: height) }
        // Inside the grid every cell gets a border, also the blank ones.
        var cells = plan.cells
        for r in plan.gridRows { for c in 1...plan.columnCount where cells[CellReference(row: r, column: c)] == nil {
            cells[CellReference(row: r, column: c)] = SheetPlan.Entry(content: .blank, style: .blankCell)
        } }
        let covered = Set(plan.merges.flatMap { range, _ in
            (range.first.row...range.last.row).flatMap { r in (range.first.column...range.last.column).map { CellReference(row: r, column: $0) } }
        })
        for (range, entry) in plan.merges {
            try sheet.merge(range, with: entry.content, format: try styles.handle(entry.style))
        }
        for (ref, entry) in cells.sorted(by: { $0.key < $1.key }) where !covered.contains(ref) {
            try sheet.write(entry.content, at: ref, format: try styles.handle(entry.style))
        }
        for (ref, text) in comments.sorted(by: { $0.key < $1.key }) {
            try sheet.addComment(CellComment(text, author: "Juesuan 审核"), at: ref)
        }
        try sheet.freezePanes(rows: plan.repeatedRows.upperBound)
        try sheet.setPrintSetup(PrintSetup(paper: .a4, orientation: .landscape, fit: .oneWide,
                                           repeatedRows: plan.repeatedRows,
                                           margins: PageMargins(left: 0.5, right: 0.5, top: 0.6, bottom: 0.6),
                                           footer: "&C第 &P 页，共 &N 页", centerHorizontally: true))
    }

    private func write(_ listing: ListingSheet, to writer: WorkbookWriter, styles: inout StyleBook) throws {
        let sheet = try writer.addSheet(named: listing.name)
        for (i, w) in listing.widths.enumerated() { try sheet.setColumns((i + 1)...(i + 1), width: w) }
        try sheet.merge(CellRange(first: CellReference(row: 1, column: 1), last: CellReference(row: 1, column: max(1, listing.header.count))),
                        with: .string(listing.title), format: try styles.handle(.title))
        let header = try styles.handle(.listHeader), cell = try styles.handle(.listCell), amount = try styles.handle(.amount)
        for (i, h) in listing.header.enumerated() { try sheet.write(.string(h), at: CellReference(row: 2, column: i + 1), format: header) }
        for (r, row) in listing.rows.enumerated() {
            for (c, value) in row.enumerated() {
                let format: FormatHandle
                switch value { case .decimal, .number: format = amount; default: format = cell }
                try sheet.write(value, at: CellReference(row: r + 3, column: c + 1), format: format)
            }
        }
        try sheet.freezePanes(rows: 2)
        try sheet.setPrintSetup(PrintSetup(paper: .a4, orientation: .landscape, fit: .oneWide, repeatedRows: 1...2))
    }

    private func displayWidth(_ text: String) -> Double {
        Double(text.unicodeScalars.reduce(0) { $0 + ($1.value > 0x2E80 ? 2 : 1) })
    }
}

/// The formats of the official forms: 宋体 body, bold 黑体 title, thin borders, `#,##0.00` amounts.
struct StyleBook {
    let writer: WorkbookWriter
    private var handles: [SheetPlan.Style: FormatHandle] = [:]

    init(writer: WorkbookWriter) { self.writer = writer }

    mutating func handle(_ style: SheetPlan.Style) throws -> FormatHandle {
        if let h = handles[style] { return h }
        let h = try writer.format(Self.format(style))
        handles[style] = h
        return h
    }

    static func format(_ style: SheetPlan.Style) -> CellFormat {
        let body = "宋体", grid = Borders.all(.thin)
        switch style {
        case .title:
            return CellFormat(fontName: "黑体", fontSize: 18, bold: true, horizontalAlignment: .center, verticalAlignment: .center)
        case .code:
            return CellFormat(fontName: body, fontSize: 10, horizontalAlignment: .right, verticalAlignment: .center)
        case .keyLineLeft:
            return CellFormat(fontName: body, fontSize: 10, horizontalAlignment: .left, verticalAlignment: .center)
        case .keyLineCenter:
            return CellFormat(fontName: body, fontSize: 10, horizontalAlignment: .center, verticalAlignment: .center)
        case .keyLineRight:
            return CellFormat(fontName: body, fontSize: 10, horizontalAlignment: .right, verticalAlignment: .center)
        case .header:
            return CellFormat(fontName: body, fontSize: 10, bold: true, horizontalAlignment: .center,
                              verticalAlignment: .center, wrapText: true, borders: grid)
        case .columnNumber, .centered, .notApplicable:
            return CellFormat(fontName: body, fontSize: 10, horizontalAlignment: .center, verticalAlignment: .center, borders: grid)
        case .label:
            return CellFormat(fontName: body, fontSize: 10, horizontalAlignment: .left, verticalAlignment: .center, borders: grid)
        case .amount:
            return CellFormat(fontName: body, fontSize: 10, horizontalAlignment: .right, verticalAlignment: .center,
                              borders: grid, numberFormat: "#,##0.00")
        case .count:
            return CellFormat(fontName: body, fontSize: 10, horizontalAlignment: .right, verticalAlignment: .center,
                              borders: grid, numberFormat: "#,##0")
        case .blankCell:
            return CellFormat(fontName: body, fontSize: 10, verticalAlignment: .center, borders: grid, numberFormat: "#,##0.00")
        case .note:
            return CellFormat(fontName: body, fontSize: 9, horizontalAlignment: .left, verticalAlignment: .top, wrapText: true)
        case .flagged:
            return CellFormat(fontName: body, fontSize: 10, bold: true, fontColor: .red, horizontalAlignment: .right,
                              verticalAlignment: .center, borders: grid, fillColor: .yellow, numberFormat: "#,##0.00")
        case .flaggedWarning:
            return CellFormat(fontName: body, fontSize: 10, horizontalAlignment: .right, verticalAlignment: .center,
                              borders: grid, fillColor: CellColor(rgb: 0xFFF2CC), numberFormat: "#,##0.00")
        case .listHeader:
            return CellFormat(fontName: body, fontSize: 10, bold: true, horizontalAlignment: .center, verticalAlignment: .center,
                              wrapText: true, borders: grid, fillColor: .lightGray)
        case .listCell:
            return CellFormat(fontName: body, fontSize: 10, horizontalAlignment: .left, verticalAlignment: .top, wrapText: true, borders: grid)
        case .link:
            return CellFormat(fontName: body, fontSize: 10, underline: .single, fontColor: .blue, verticalAlignment: .top, borders: grid)
        }
    }
}
