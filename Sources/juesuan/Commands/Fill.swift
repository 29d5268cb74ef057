import ArgumentParser
import Foundation
import JuesuanCore
import SpreadsheetKit

/// `juesuan fill TEMPLATE.xlsx REPORT -o OUT.xlsx` — the bureau's own template, filled, everything else kept.
struct Fill: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "把报告填入单位下发的模板，模板其余内容保持不变 / Fill a bureau's own template with a report, keeping everything else.",
        discussion: """
        模板按映射文件识别（与任何输入相同）；只修改需要填写的单元格的值（保留样式），其余部件逐字节不变，\
        另设置 fullCalcOnLoad 使 Excel 打开时重算公式。模板中没有对应行或单元格的数值会逐项列出，不会插入。
        退出状态：0 全部写入；1 有数值未能写入；2 无法读取或写入。
        The template is recognised through the mapping files like any input; only the values of the target cells change \
        (their styles kept), every other part stays byte for byte, and fullCalcOnLoad makes Excel recalculate on opening. \
        A value the template has no row or cell for is listed, never inserted. Exit status: 0 all written; 1 some values \
        could not be written; 2 unreadable input or unwritable output.
        """)

    @Argument(help: "单位下发的模板工作簿 / The bureau's template workbook.")
    var templateFile: String

    @Argument(help: "报告：报告 JSON 或可导入的工作簿 / The report: a report JSON or any workbook that imports.")
    var report: String

    @Option(name: .shortAndLong, help: ArgumentHelp("输出的工作簿 / Output workbook.", valueName: "FILE"))
    var output: String

    @Option(help: "只按此模板集识别模板 / Recognise the template only as this template set's tables.")
    var template: String?

    @Option(help: "报告中未印年度时使用的年度 / Fiscal year where the report prints none.")
    var year: Int?

    @Option(help: "输出格式 / Output format of the summary: text or json.")
    var format: OutputFormat = .text

    @Flag(help: "覆盖已存在的输出文件 / Replace an existing output file.")
    var force = false

    @OptionGroup var mappings: MappingOptions

    func run() throws {
        var status = ExitStatus.done
        try runReportingFailures {
            try OutputFile.refuseInput(output, inputs: [templateFile, report])
            let catalog = try mappings.catalog()
            let source = try ReportSource.load(report, catalog: catalog, fiscalYear: year)
            for issue in source.issues where issue.severity == .error { printError(issue.description) }
            let result = try TemplateFiller(catalog: catalog, templateSet: template)
                .fill(template: templateFile, report: source.report, to: output, replaceExisting: force)
            for warning in result.warnings { printError("警告 / warning: " + warning) }
            for value in result.unplaced {
                printError((value.reason == .formulaCell ? "提示 / note: " : "未写入 / not written: ") + value.message)
            }
            switch format {
            case .json:
                FileHandle.standardOutput.write(try jsonData(result))
            case .text:
                print(Self.describe(result), terminator: "")
            }
            if result.isIncomplete || source.issues.contains(where: { $0.severity == .error }) { status = ExitStatus.problemsInData }
        }
        if status != ExitStatus.done { throw ExitCode(status) }
    }

    static func describe(_ result: FillResult) -> String {
        var out = "模板 / template: \(result.template)\n输出 / output: \(result.output ?? "")\n"
        for t in result.tables {
            let from = t.filledFrom.map { "\($0.set)/\($0.table)" } ?? "（报告中无此表 / not in the report）"
            out += "  \(t.table.code) \(t.table.title)  工作表 / sheet '\(t.sheet)'，\(t.unit.rawValue)，写入 / cells written: \(t.cells)，数据来自 / from \(from)\n"
        }
        let missing = result.unplaced.filter { $0.reason != .formulaCell }.count
        out += "写入 / written: \(result.written.count) 个单元格 / cells；未写入 / not written: \(missing) 个数值 / values"
        out += "；公式待重算 / formulas to recalculate: \(result.formulasRecalculated)\n"
        return out
    }
}
