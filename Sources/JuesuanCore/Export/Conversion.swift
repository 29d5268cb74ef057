import Foundation

/// Reads a report from either a workbook (through the importer) or a report JSON file.
public struct ReportSource {
    public var report: Report
    /// Import issues (empty for a report JSON).
    public var issues: [ImportIssue]

    public static func load(_ path: String, catalog: MappingCatalog, fiscalYear: Int? = nil) throws -> ReportSource {
        if ReportFile.looksLikeJSON(path) {
            var report = try ReportFile.load(path)
            if report.fiscalYear == nil { report.fiscalYear = fiscalYear }
            return ReportSource(report: report, issues: [])
        }
        let result = try Importer(catalog: catalog, fiscalYear: fiscalYear).importWorkbook(at: path)
        return ReportSource(report: result.report, issues: result.issues)
    }
}

extension ExportSummary {
    /// Warnings for the terminal: which tables of the target set the source lacks.
    public var warnings: [String] {
        withoutData.map { "\($0.set)/\($0.table) \($0.code) \($0.title)：源数据中没有此表的数据，已输出空表并加注说明 / the source has no data for this table; written empty with a note" }
            + notWritten.map { "\($0.table.set)/\($0.table.table) \($0.table.code)：本表没有“\($0.row)\($0.label.map { " " + $0 } ?? "")”一行，其数值未写入 / the table has no row for '\($0.row)'; its amounts were not written" }
    }
}
