import ArgumentParser
import Foundation
import JuesuanCore

/// Reads forms from a workbook or a forms JSON (`juesuan-forms/1`).
enum FormsInput {
    /// The forms, and the cells that could not be read (text where an amount belongs …).
    static func read(_ path: String, catalog: MappingCatalog) throws -> (document: FormsDocument, issues: [FormIssue]) {
        if FormsFile.looksLikeForms(path) { return (try FormsFile.load(path), []) }
        var reader = FormReader(catalog: catalog)
        let document = try reader.readFile(path)
        return (document, reader.issues)
    }

    /// The forms; unreadable cells are named on stderr.
    static func load(_ path: String, catalog: MappingCatalog) throws -> FormsDocument {
        let (document, issues) = try read(path, catalog: catalog)
        for issue in issues { printError("错误 / error: \(path) \(issue.description)") }
        return document
    }
}

/// `juesuan summarize FORMS... -o summary.xlsx [--fund-type TEXT]`
struct Summarize: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "由任意省份样式的绩效自评表生成县直部门绩效自评情况汇总表 / Build the 汇总表 from self-evaluation forms of any style.",
        discussion: """
        列：序号、项目名称、全年预算数、全年执行数（万元）、资金类型、自评得分、自评等级、自评率，按输入顺序。
        Columns 序号 … 自评率 in input order, amounts in 万元 (conventions §7). 资金类型 comes from the form where it
        says, else from --fund-type.
        """)

    @Argument(help: "绩效自评表工作簿或 forms JSON / Form workbooks or forms JSON files.")
    var forms: [String]

    @Option(name: .shortAndLong, help: ArgumentHelp("输出的汇总表工作簿 / Output workbook.", valueName: "FILE"))
    var output: String

    @Option(help: "表中未注明时的资金类型，如“县级专项项目” / Fund type where the form states none.")
    var fundType: String?

    @Flag(help: "覆盖已存在的输出文件 / Replace an existing output file.")
    var force = false

    @OptionGroup var mappings: MappingOptions

    func validate() throws {
        if forms.isEmpty { throw ValidationError("请给出绩效自评表 / give at least one form workbook") }
    }

    func run() throws {
        try runReportingFailures {
            let catalog = try mappings.catalog()
            var all: [PerformanceForm] = []
            for path in forms {
                let document = try FormsInput.load(path, catalog: catalog)
                if document.forms.isEmpty { printError("警告 / warning: \(path) 中没有项目自评表 / no project form in \(path)") }
                all += document.forms
            }
            try OutputFile.refuseInput(output, inputs: forms)
            if FileManager.default.fileExists(atPath: output) && !force {
                throw OutputFile.Failure(message: "输出文件已存在：\(output)（用 --force 覆盖）/ \(output) exists (use --force to replace it)")
            }
            let summary = SummaryBuilder(catalog: catalog).build(all, fundType: fundType)
            if fundType == nil, summary.rows.contains(where: { $0.fundType.isEmpty }) {
                printError("警告 / warning: 资金类型未注明（可用 --fund-type 指定）/ fund type not stated (use --fund-type)")
            }
            try SummaryWriter().write(summary, to: URL(fileURLWithPath: output), replaceExisting: force)
            print("汇总 / summarized: \(summary.rows.count) 个项目 / forms → \(output)")
        }
    }
}
