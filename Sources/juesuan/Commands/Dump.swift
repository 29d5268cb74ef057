import ArgumentParser
import SpreadsheetKit

extension DumpFormat: ExpressibleByArgument {}

/// `juesuan dump FILE` — every value of a workbook as text.
struct Dump: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "逐格输出工作簿内容 / Print every cell of a workbook.",
        discussion: """
        tsv：每个工作表以“# sheet: 名称”开头（隐藏表另起一行“# hidden”），每行：行号、制表符、从 A 列到最后一个非空单元格的值；
        最后一行“# merged: A1:C1 …”列出合并区域。数字按文件存储的原文输出，日期为 ISO 8601，文本中的 \\、制表符、换行转义为 \\\\ \\t \\n \\r。
        没有缓存值的公式显示为 =公式。
        json：{"sheets": [{"name", "visible", "merged", "rows": [{"row", "cells": [{"ref", "type", "value", "format", "formula"}]}]}]}，
        value 总是字符串。

        tsv: '# sheet: NAME' per sheet ('# hidden' when hidden), one line per row: row number, tab, the cells from
        column A to the last non-empty one; then '# merged: …'. Numbers exactly as stored, dates ISO 8601,
        strings with \\ tab newline CR escaped. A formula without a cached value shows as =FORMULA.
        json: values are always strings; type is number|string|boolean|error|date|formula-without-cache.
        """)

    @Argument(help: "工作簿文件（.xlsx/.xlsm）/ The workbook file.")
    var file: String

    @Option(help: "只输出这个工作表 / Dump only the sheet with this name.")
    var sheet: String?

    @Option(help: "输出格式 / Output format: tsv or json.")
    var format: DumpFormat = .tsv

    func run() throws {
        try runReportingFailures {
            let workbook = try Workbook(path: file)
            var sheets: [SheetInfo]? = nil
            if let name = sheet {
                guard let found = workbook.sheet(named: name) else {
                    throw WorkbookReadError.sheetNotFound(file: file, sheet: name)
                }
                sheets = [found]
            }
            try DumpWriter(format: format, output: .standardOutput()).dump(workbook, sheets: sheets)
        }
    }
}
