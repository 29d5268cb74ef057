import ArgumentParser
import Foundation
import JuesuanCore

/// `juesuan check FILE|report.json [--format text|json] [--annotate OUT.xlsx]`
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "检查表内、表间勾稽关系，指出有问题的单元格 / Check the official arithmetic, pointing at cells.",
        discussion: """
        尾数误差（单位换算造成的几分钱差异）为警告；超出界限为错误。退出状态：0 无错误，1 有错误，2 无法读取。
        Rounding tails are warnings; larger differences are errors. Exit status: 0 no error, 1 errors found, 2 unreadable input.
        """)

    @Argument(help: "工作簿或报告 JSON / A workbook or a report JSON.")
    var input: String?

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
            return
        }
        var status = ExitStatus.done
        try runReportingFailures {
            let catalog = try mappings.catalog()
            let source = try ReportSource.load(input!, catalog: catalog, fiscalYear: year)
            for issue in source.issues where issue.severity == .error { printError(issue.description) }
            let findings = Checker().check(source.report)
            switch format {
            case .json:
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                struct Out: Encodable { var findings: [Finding] }
                FileHandle.standardOutput.write(try encoder.encode(Out(findings: findings)) + Data("\n".utf8))
            case .text:
                print(Self.describe(findings, file: input!), terminator: "")
            }
            if let annotate {
                try ReviewWorkbook(catalog: catalog).write(source.report, findings: findings,
                                                           to: URL(fileURLWithPath: annotate), replaceExisting: force)
            }
            if findings.contains(where: { $0.severity == .error }) { status = ExitStatus.problemsInData }
        }
        if status != ExitStatus.done { throw ExitCode(status) }
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
