import ArgumentParser
import Foundation
import JuesuanCore

extension AmountUnit: ExpressibleByArgument {
    public init?(argument: String) { self.init(text: argument) }
}

/// Options shared by `export` and `convert`.
struct OutputOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: ArgumentHelp("输出的工作簿 / Output workbook.", valueName: "FILE"))
    var output: String

    @Option(help: "金额单位 / Amount unit of the output: 元 or 万元 (元→万元 rounds to 2 places, half up).")
    var unit: AmountUnit = .wanYuan

    @Flag(help: "覆盖已存在的输出文件 / Replace an existing output file.")
    var force = false
}

/// Writes a report into a template set's workbook, reporting what it could not fill.
func exportReport(_ report: Report, set: String, options: OutputOptions, catalog: MappingCatalog, inputs: [String]) throws {
    let target = URL(fileURLWithPath: options.output)
    for input in inputs where URL(fileURLWithPath: input).standardizedFileURL.resolvingSymlinksInPath()
        == target.standardizedFileURL.resolvingSymlinksInPath() {
        throw OutputFile.Failure(message: "输出文件与输入文件相同，拒绝覆盖：\(options.output) / refusing to overwrite the input \(options.output)")
    }
    let summary = try WorkbookExporter(catalog: catalog).export(report, set: set, unit: options.unit, to: target,
                                                                replaceExisting: options.force)
    for warning in summary.warnings { printError("警告 / warning: " + warning) }
}

/// `juesuan export report.json --template SET -o out.xlsx`
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "由报告 JSON 生成模板集的正式工作簿 / Write the official workbook of a template set from a report JSON.")

    @Argument(help: "报告 JSON 或绩效自评表 JSON（juesuan import 的输出）/ A report or forms JSON written by juesuan import.")
    var report: String

    @Option(help: "模板集（gk10-2024、sc13-2023）或自评表样式（hebei-project 等）/ Template set, or form style for a forms JSON.")
    var template: String

    @OptionGroup var output: OutputOptions
    @OptionGroup var mappings: MappingOptions

    func run() throws {
        try runReportingFailures {
            let catalog = try mappings.catalog()
            if FormsFile.looksLikeForms(report) {
                // a forms JSON (juesuan-forms/1): --template names a form style
                guard let style = catalog.form(style: template) else {
                    throw OutputFile.Failure(message: "未知的绩效自评表样式“\(template)”，可用：\(catalog.forms.map(\.style).joined(separator: "、")) / unknown form style '\(template)'")
                }
                try OutputFile.refuseInput(output.output, inputs: [report])
                let warnings = try FormWriter(style: style, layout: catalog.formLayout(style: template),
                                              summaryBands: catalog.form(style: "hebei-summary"))
                    .write(try FormsFile.load(report), to: URL(fileURLWithPath: output.output), replaceExisting: output.force)
                for warning in warnings { printError("警告 / warning: " + warning) }
                return
            }
            try exportReport(try ReportFile.load(report), set: template, options: output,
                             catalog: catalog, inputs: [report])
        }
    }
}

/// `juesuan convert IN.xlsx --to SET -o out.xlsx`
struct Convert: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "把任意版式的工作簿（或报告 JSON）转换为某模板集的正式工作簿 / Convert a workbook (or report JSON) into a template set's workbook.",
        discussion: "源数据没有的表输出为空表并加注说明，同时在终端警告；转换从不编造数字。/ Tables the source lacks are written empty with a note and a warning; a conversion never invents numbers.")

    @Argument(help: "输入的工作簿或报告 JSON / Input workbook or report JSON.")
    var input: String

    @Option(help: "目标模板集 / Target template set (gk10-2024, sc13-2023).")
    var to: String

    @Option(help: "表中未印年度时使用的年度 / Fiscal year where the tables print none.")
    var year: Int?

    @OptionGroup var output: OutputOptions
    @OptionGroup var mappings: MappingOptions

    func run() throws {
        var status = ExitStatus.done
        try runReportingFailures {
            let catalog = try mappings.catalog()
            let source = try ReportSource.load(input, catalog: catalog, fiscalYear: year)
            for issue in source.issues { printError(issue.description) }
            try exportReport(source.report, set: to, options: output, catalog: catalog, inputs: [input])
            if source.issues.contains(where: { $0.severity == .error }) { status = ExitStatus.problemsInData }
        }
        if status != ExitStatus.done { throw ExitCode(status) }
    }
}
