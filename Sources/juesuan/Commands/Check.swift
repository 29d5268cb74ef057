import ArgumentParser
import Foundation
import JuesuanCore

/// `juesuan check FILE|report.json [--format text|json] [--annotate OUT.xlsx]`; on 绩效自评表 workbooks
/// (or a forms JSON) the form checks; `juesuan check SUMMARY FORMS...` checks a 汇总表 against its forms.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "检查表内、表间勾稽关系，指出有问题的单元格 / Check the official arithmetic, pointing at cells.",
        discussion: """
        尾数误差（单位换算造成的几分钱差异）为警告；超出界限为错误。退出状态：0 无错误，1 有错误，2 无法读取。
        Rounding tails are warnings; larger differences are errors. Exit status: 0 no error, 1 errors found, 2 unreadable input.
        绩效自评表工作簿（或 forms JSON）检查表内关系；给出多个文件时，第一个为汇总表，其余为其自评表。
        Form workbooks (or forms JSON) get the form checks; with several files the first is a 汇总表, the others its forms.
        """)

    @Argument(help: "工作簿或报告 JSON；汇总表之后可跟自评表 / A workbook or a report JSON; after a 汇总表, its form workbooks.")
    var inputs: [String] = []

    var input: String? { inputs.first }

    @Option(help: "输出格式 / Output format: text or json.")
    var format: OutputFormat = .text

    @Option(help: ArgumentHelp("写出审核工作簿（批注标出问题单元格）/ Write the review workbook with comments.", valueName: "OUT.xlsx"))
    var annotate: String?

    @Flag(help: "列出全部规则 / List every rule.")
    var listRules = false

    @Flag(help: "覆盖已存在的审核工作簿 / Replace an existing review workbook.")
    var force = false

    @Option(help: "表中未印年度时使用的年度 / Fiscal year where the tables print none.")
    var year: Int?

    @OptionGroup var mappings: MappingOptions

    func validate() throws {
        if input == nil && !listRules { throw ValidationError("请给出要检查的文件 / give the file to check") }
    }

    func run() throws {
        if listRules {
            for rule in RuleBook.rules {
                print("\(rule.id)\t\(rule.severity.rawValue)\t\(rule.tables)\t\(rule.description)")
            }
            for rule in FormRules.rules { print("\(rule.id)\terror\t绩效自评表 / forms\t\(rule.description)") }
            return
        }
        var status = ExitStatus.done
        try runReportingFailures {
            let catalog = try mappings.catalog()
            let findings: [Finding]
            var loaded: ReportSource?
            if let formFindings = try checkForms(catalog: catalog, loaded: &loaded) {
                findings = formFindings
            } else {
                let source = try loaded ?? ReportSource.load(input!, catalog: catalog, fiscalYear: year)
                for issue in source.issues where issue.severity == .error { printError(issue.description) }
                findings = Checker().check(source.report)
                if let annotate {
                    try refuseOverwritingAnInput()
                    try ReviewWorkbook(catalog: catalog).write(source.report, findings: findings,
                                                               to: URL(fileURLWithPath: annotate), replaceExisting: force)
                }
            }
            switch format {
            case .json:
                struct Out: Encodable { var findings: [Finding] }
                FileHandle.standardOutput.write(try jsonData(Out(findings: findings)))
            case .text:
                print(Self.describe(findings, file: inputs.joined(separator: " ")), terminator: "")
            }
            if findings.contains(where: { $0.severity == .error }) { status = ExitStatus.problemsInData }
        }
        if status != ExitStatus.done { throw ExitCode(status) }
    }

    /// The form checks when the input is a forms JSON, a workbook holding no disclosure table but
    /// forms, or a 汇总表 followed by its forms; nil when the input is a disclosure workbook or report.
    func checkForms(catalog: MappingCatalog, loaded: inout ReportSource?) throws -> [Finding]? {
        let first = inputs[0]
        let checker = FormChecker(catalog: catalog)
        var documents: [FormsDocument] = []
        var unreadable: [Finding] = []
        func load(_ path: String) throws -> FormsDocument {
            let (document, issues) = try FormsInput.read(path, catalog: catalog)
            // a cell that cannot be read is an error naming the cell, never a silent zero
            unreadable += issues.map { Finding(rule: "F-CELL", severity: .error, message: "无法读取的单元格 / unreadable cell: \($0.message)",
                                              expected: "数字 / a number", actual: $0.message, locations: [$0.cell]) }
            return document
        }
        if inputs.count == 1 {
            if FormsFile.looksLikeForms(first) {
                documents = [try FormsFile.load(first)]
            } else if ReportFile.looksLikeJSON(first) {
                return nil
            } else if catalog.layouts.isEmpty {
                // the mapping folders hold form styles only: the workbook can only be forms
                documents = [try load(first)]
            } else {
                do {
                    loaded = try ReportSource.load(first, catalog: catalog, fiscalYear: year)
                    return nil
                } catch let error as ImportError {
                    guard case .unknownLayout = error, !catalog.forms.isEmpty else { throw error }
                    do { documents = [try load(first)] } catch is FormReadError { throw error }
                }
            }
        } else {
            documents = try inputs.map { try load($0) }
        }
        guard documents.count > 1 else {
            let findings = unreadable + checker.check(documents[0])
            try writeFormReview(documents, findings: findings, catalog: catalog)
            return findings
        }
        // SUMMARY FORMS...: the first file's summaries against every form of the others
        let forms = documents.dropFirst().flatMap(\.forms)
        var findings = documents.dropFirst().flatMap { checker.check($0) }
        findings += documents[0].forms.flatMap { checker.check($0) }
        findings += checker.check(summary: documents[0], against: forms)
        findings = unreadable + findings
        if documents[0].summaries.isEmpty {
            printError("警告 / warning: \(first) 中没有汇总表 / no 汇总表 in \(first)")
        }
        try writeFormReview(documents, findings: findings, catalog: catalog)
        return findings
    }

    /// `--annotate OUT.xlsx` on forms: the forms (and summaries) redrawn in their styles, the cells
    /// findings point at highlighted with a 批注, and the 审核结果 sheet of links. Never over an input.
    func writeFormReview(_ documents: [FormsDocument], findings: [Finding], catalog: MappingCatalog) throws {
        guard let annotate else { return }
        try refuseOverwritingAnInput()
        try FormReviewWorkbook(catalog: catalog).write(documents, findings: findings, to: URL(fileURLWithPath: annotate),
                                                       replaceExisting: force)
    }

    /// The review workbook is never written over a checked file, even with --force.
    func refuseOverwritingAnInput() throws {
        guard let annotate else { return }
        try OutputFile.refuseInput(annotate, inputs: inputs)
    }

    static func describe(_ findings: [Finding], file: String) -> String {
        let errors = findings.filter { $0.severity == .error }.count
        var out = "检查 / checked: \(file)\n错误 / errors: \(errors)，警告 / warnings: \(findings.count - errors)\n"
        for f in findings.sorted(by: { ($0.severity == .error ? 0 : 1, $0.rule) < ($1.severity == .error ? 0 : 1, $1.rule) }) {
            out += "\n[\(f.severity == .error ? "错误 error" : "警告 warning")] \(f.rule)\n  \(f.message)\n"
            out += "  应为 / expected \(f.expected)，实为 / actual \(f.actual)\(f.difference.map { "，相差 / difference \($0)" } ?? "")\n"
            out += "  位置 / cells: \(f.locations.joined(separator: ", "))\n"
        }
        return out
    }
}
