import ArgumentParser
import Foundation
import JuesuanCore

/// `juesuan inspect FILE` — which tables were found where, and what was not, and why.
struct Inspect: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "说明在工作簿中找到了哪些表、在哪里、按什么版式和单位读取，以及未找到什么 / Show which tables were found where, and what was not.")

    @Argument(help: "工作簿文件 / The workbook.")
    var file: String

    @OptionGroup var mappings: MappingOptions

    @Option(help: "输出格式 / Output format: text or json.")
    var format: OutputFormat = .text

    func run() throws {
        var status = ExitStatus.done
        try runReportingFailures {
            let result = try Importer(catalog: try mappings.catalog()).importWorkbook(at: file)
            switch format {
            case .text: print(Self.describe(result, file: file), terminator: "")
            case .json:
                struct Out: Encodable { var templateSet: String?; var found: [FoundTable]; var missing: [TableReference]; var issues: [ImportIssue] }
                FileHandle.standardOutput.write(try jsonData(Out(templateSet: result.report.templateSet, found: result.found,
                                                                 missing: result.missingTables, issues: result.issues)))
            }
            if result.hasErrors { status = ExitStatus.problemsInData }
        }
        if status != ExitStatus.done { throw ExitCode(status) }
    }

    static func describe(_ result: ImportResult, file: String) -> String {
        var out = "文件 / file: \(file)\n"
        out += "模板集 / template set: \(result.report.templateSet ?? "?")\n"
        out += "部门 / department: \(result.report.department ?? "（未注明 / not stated）")\n"
        out += "年度 / year: \(result.report.fiscalYear.map(String.init) ?? "（未注明 / not stated）")\n\n"
        out += "找到的表 / tables found (\(result.found.count)):\n"
        for t in result.found {
            out += "  \(t.set)/\(t.table) \(t.code) \(t.title)\n      工作表 / sheet '\(t.sheet)' \(t.range)，单位 / unit \(t.unit.rawValue)\(t.unitStated ? "" : "（默认 / assumed）")，\(t.rows) 行 / rows\n"
        }
        if !result.missingTables.isEmpty {
            out += "\n未找到的表 / tables not found (\(result.missingTables.count)):\n"
            for t in result.missingTables {
                out += "  \(t.set)/\(t.table) \(t.code) \(t.title)：工作簿中没有与此标题和表头相符的区域 / no title and header matching it\n"
            }
        }
        if !result.issues.isEmpty {
            out += "\n问题 / issues (\(result.issues.count)):\n"
            for issue in result.issues { out += "  \(issue)\n" }
        }
        return out
    }
}
