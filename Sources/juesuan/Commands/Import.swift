import ArgumentParser
import Foundation
import JuesuanCore

/// `juesuan import FILE [-o report.json]` — read the official tables into the canonical report JSON.
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "把工作簿中的决算公开表读成标准报告 JSON（juesuan-report/1）/ Read the tables of a workbook into the canonical report JSON.",
        discussion: "金额以元为单位、精确小数（字符串），每个数值都记录来源单元格。没有 -o 时输出到标准输出。/ Amounts are exact decimals in 元 (as strings), each with its source cell. Without -o the JSON goes to stdout.")

    @Argument(help: "工作簿文件 / The workbook.")
    var file: String

    @Option(name: .shortAndLong, help: ArgumentHelp("输出的 JSON 文件 / Output JSON file.", valueName: "FILE"))
    var output: String?

    @Option(help: "表中未印年度时使用的年度 / Fiscal year where the tables print none.")
    var year: Int?

    @Flag(help: "覆盖已存在的输出文件 / Replace an existing output file.")
    var force = false

    @OptionGroup var mappings: MappingOptions

    func run() throws {
        var status = ExitStatus.done
        try runReportingFailures {
            let catalog = try mappings.catalog()
            var importer = Importer(catalog: catalog)
            importer.fiscalYear = year
            let result: ImportResult
            do {
                result = try importer.importWorkbook(at: file)
            } catch let error as ImportError {
                // no disclosure table: a workbook of 绩效自评表 forms gives the forms JSON (juesuan-forms/1)
                // (also when the mapping folders hold form styles only: no table layout to try)
                guard !catalog.forms.isEmpty,
                      let forms = try? FormsInput.load(file, catalog: catalog) else { throw error }
                let data = try FormsFile.encode(forms)
                if let output { try OutputFile.write(data, to: output, force: force, inputs: [file]) } else {
                    FileHandle.standardOutput.write(data)
                }
                return
            }
            let data = try ReportFile.encode(result.report)
            if let output {
                try OutputFile.write(data, to: output, force: force, inputs: [file])
            } else {
                FileHandle.standardOutput.write(data)
            }
            for issue in result.issues { printError(issue.description) }
            if result.hasErrors { status = ExitStatus.problemsInData }
        }
        if status != ExitStatus.done { throw ExitCode(status) }
    }
}
