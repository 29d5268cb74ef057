import Foundation
import SpreadsheetKit

/// The review workbook a bureau sends back: the checked tables regenerated in the official layout,
/// each cell a finding points at highlighted with a comment (批注) giving the finding and the source
/// cell, and a first sheet 审核结果 listing every finding with links to its cells.
///
/// ```swift
/// let findings = Checker().check(report)
/// try ReviewWorkbook(catalog: catalog).write(report, findings: findings, to: URL(fileURLWithPath: "审核.xlsx"))
/// ```
public struct ReviewWorkbook {
    public let catalog: MappingCatalog
    public init(catalog: MappingCatalog) { self.catalog = catalog }

    /// Writes the review in the report's own template set (the set it was imported as).
    public func write(_ report: Report, findings: [Finding], to url: URL, replaceExisting: Bool = false,
                      unit: AmountUnit? = nil, set: String? = nil, title: String = ReviewAnnotations.sheetName,
                      listings: [ListingSheet] = []) throws {
        let set = set ?? report.templateSet ?? report.statements.first?.table.set ?? catalog.sets.first ?? ""
        let shownUnit = unit ?? report.statements.first?.sourceUnit ?? .wanYuan
        _ = try WorkbookExporter(catalog: catalog).write(report, set: set, unit: shownUnit, to: url,
                                                         replaceExisting: replaceExisting, temporaryDirectory: nil,
                                                         review: findings, reviewTitle: title, listings: listings)
    }
}

/// Findings placed on the regenerated sheets: which drawn cell each source cell became.
public struct ReviewAnnotations {
    public static let sheetName = "审核结果"
    let findings: [Finding]
    /// Source cell → (sheet name, drawn cell).
    let placed: [String: (sheet: String, cell: CellReference)]

    init(findings: [Finding], plans: [SheetPlan]) {
        self.findings = findings.sorted { ($0.severity == .error ? 0 : 1, $0.rule) < ($1.severity == .error ? 0 : 1, $1.rule) }
        var placed: [String: (String, CellReference)] = [:]
        for plan in plans { for (source, cell) in plan.drawnFrom { placed[source] = (plan.name, cell) } }
        self.placed = placed
    }

    /// Findings placed on drawn forms: source cell → (sheet, drawn cell).
    init(findings: [Finding], placed: [String: (sheet: String, cell: CellReference)]) {
        self.findings = findings.sorted { ($0.severity == .error ? 0 : 1, $0.rule) < ($1.severity == .error ? 0 : 1, $1.rule) }
        self.placed = placed
    }

    /// Highlights the drawn cells of a form sheet that findings point at (an error wins over a warning).
    func flag(_ plan: inout FormPlan) {
        for finding in findings {
            for location in finding.locations {
                guard let at = placed[location], at.sheet == plan.name else { continue }
                var entry = plan.cells[at.cell] ?? FormPlan.Entry(content: .blank, kind: .text)
                entry.flag = finding.severity == .error || entry.flag == .error ? .error : .warning
                plan.cells[at.cell] = entry
            }
        }
    }

    /// One comment per flagged cell of a sheet, with every finding that points at it and its source cell.
    func comments(sheet: String) -> [CellReference: String] {
        var result: [CellReference: String] = [:]
        for finding in findings {
            for location in finding.locations {
                guard let at = placed[location], at.sheet == sheet else { continue }
                let level = finding.severity == .error ? "错误" : "警告"
                let text = "[\(level)] \(finding.rule)：\(finding.message)\n应为 / expected \(finding.expected)，实为 / actual \(finding.actual)\n来源单元格 / source cell：\(location)"
                result[at.cell] = result[at.cell].map { $0 + "\n\n" + text } ?? text
            }
        }
        return result
    }

    /// Highlights the drawn cells that findings point at.
    func flag(_ plan: inout SheetPlan) {
        for finding in findings {
            for location in finding.locations {
                guard let at = placed[location], at.sheet == plan.name else { continue }
                var entry = plan.cells[at.cell] ?? SheetPlan.Entry(content: .blank, style: .blankCell)
                entry.style = finding.severity == .error || entry.style == .flagged ? .flagged : .flaggedWarning
                plan.cells[at.cell] = entry
            }
        }
    }

    /// One comment per flagged cell, with every finding that points at it and its source cell.
    func comments(for plan: SheetPlan) -> [CellReference: String] {
        var result: [CellReference: String] = [:]
        for finding in findings {
            for location in finding.locations {
                guard let at = placed[location], at.sheet == plan.name else { continue }
                let level = finding.severity == .error ? "错误" : "警告"
                let text = "[\(level)] \(finding.rule)：\(finding.message)\n来源单元格 / source cell：\(location)"
                result[at.cell] = result[at.cell].map { $0 + "\n\n" + text } ?? text
            }
        }
        return result
    }

    /// `'公开03表'!C12` for a link, and the same without quotes for display.
    func target(_ location: String) -> (link: String, shown: String)? {
        guard let at = placed[location] else { return nil }
        let shown = "\(at.sheet)!\(at.cell.a1)"
        return ("#'\(at.sheet.replacingOccurrences(of: "'", with: "''"))'!\(at.cell.a1)", shown)
    }
}

extension WorkbookExporter {
    /// The 审核结果 sheet: 序号, 级别, 规则, 说明, 应为, 实为, 相差, then one linked cell per column.
    func writeFindings(_ review: ReviewAnnotations, title: String, to writer: WorkbookWriter, styles: inout StyleBook) throws {
        try writeReviewFindings(review, title: title, to: writer, styles: &styles)
    }
}

/// The review workbook of 绩效自评表 forms and 汇总表 summaries: the 审核结果 sheet with links, then
/// every form (and summary) redrawn in its own style, each cell a finding points at highlighted
/// with a comment (批注) giving the finding and its source cell.
///
/// ```swift
/// let findings = FormChecker(catalog: catalog).check(document)
/// try FormReviewWorkbook(catalog: catalog).write([document], findings: findings, to: URL(fileURLWithPath: "审核.xlsx"))
/// ```
public struct FormReviewWorkbook {
    public let catalog: MappingCatalog
    public init(catalog: MappingCatalog) { self.catalog = catalog }

    public func write(_ documents: [FormsDocument], findings: [Finding], to url: URL, replaceExisting: Bool = false,
                      title: String = ReviewAnnotations.sheetName) throws {
        var plans: [FormPlan] = []
        var names = Set<String>()
        func name(_ sheet: String) -> String {
            let base = String(sheet.filter { !Limits.forbiddenSheetNameCharacters.contains($0) }.prefix(24))
            var candidate = base.isEmpty ? "表" : base, n = 2
            while names.contains(candidate) || candidate == title { candidate = "\(base)-\(n)"; n += 1 }
            names.insert(candidate)
            return candidate
        }
        for document in documents {
            for summary in document.summaries {
                plans.append(SummaryWriter().plan(BuiltSummary(summary), name: name(summary.sheet), sources: summary))
            }
            for form in document.forms {
                guard let style = catalog.form(style: form.style) else { continue }
                let writer = FormWriter(style: style, layout: catalog.formLayout(style: form.style))
                plans.append(writer.plan(form, sheetName: name(form.sheet)).0)
            }
            for index in document.indexForms ?? [] {
                guard let style = catalog.form(style: index.style) else { continue }
                plans.append(IndexFormWriter(style: style).plan(index, sheetName: name(index.sheet)).0)
            }
        }
        try FormPlan.write(plans, to: url, replaceExisting: replaceExisting, review: findings, reviewTitle: title)
    }
}

/// The 审核结果 sheet of a review workbook (disclosure tables and forms alike).
func writeReviewFindings(_ review: ReviewAnnotations, title: String, to writer: WorkbookWriter, styles: inout StyleBook) throws {
    let sheet = try writer.addSheet(named: title)
    let headers = ["序号", "级别", "规则", "说明", "应为", "实为", "相差", "单元格（点击跳转）", "原工作簿单元格"]
    let widths: [Double] = [6, 6, 22, 70, 14, 14, 12, 22, 26]
    for (i, w) in widths.enumerated() { try sheet.setColumns((i + 1)...(i + 1), width: w) }
    let errors = review.findings.filter { $0.severity == .error }.count
    try sheet.merge(CellRange(first: CellReference(row: 1, column: 1), last: CellReference(row: 1, column: headers.count)),
                    with: .string("\(title)：错误 \(errors) 项，警告 \(review.findings.count - errors) 项"),
                    format: try styles.handle(.title))
    let header = try styles.handle(.listHeader), cell = try styles.handle(.listCell), link = try styles.handle(.link)
    for (i, h) in headers.enumerated() { try sheet.write(.string(h), at: CellReference(row: 2, column: i + 1), format: header) }
    var row = 3
    for (n, finding) in review.findings.enumerated() {
        let values: [CellContent] = [.number(Double(n + 1)), .string(finding.severity == .error ? "错误" : "警告"),
                                     .string(finding.rule), .string(finding.message), .string(finding.expected),
                                     .string(finding.actual), .string(finding.difference ?? "")]
        for (i, v) in values.enumerated() { try sheet.write(v, at: CellReference(row: row, column: i + 1), format: cell) }
        let first = finding.locations.first
        if let first, let target = review.target(first) {
            let formula = "HYPERLINK(\"\(target.link.replacingOccurrences(of: "\"", with: "\"\""))\",\"\(target.shown)\")"
            try sheet.write(.formula(formula, cachedResult: .string(target.shown)), at: CellReference(row: row, column: 8), format: link)
        } else {
            try sheet.write(.blank, at: CellReference(row: row, column: 8), format: cell)
        }
        try sheet.write(.string(finding.locations.joined(separator: "\n")), at: CellReference(row: row, column: 9), format: cell)
        row += 1
    }
    if review.findings.isEmpty {
        try sheet.write(.string("未发现问题 / no findings"), at: CellReference(row: 3, column: 1), format: cell)
    }
    try sheet.freezePanes(rows: 2)
    try sheet.setPrintSetup(PrintSetup(paper: .a4, orientation: .landscape, fit: .oneWide, repeatedRows: 1...2))
}
