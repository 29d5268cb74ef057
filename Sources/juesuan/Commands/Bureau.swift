import ArgumentParser
import Foundation
import JuesuanCore
import SpreadsheetKit

/// `juesuan consolidate INPUT... -o bureau.xlsx [--template SET]`
struct Consolidate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "汇总多个部门的决算（按科目、资金、经济分类逐项相加）/ Consolidate departments' reports into the bureau's.",
        discussion: """
        输入可以是任意支持版式的工作簿或报告 JSON，不同模板集通过标准模型汇总。无法导入的部门会列出而不是跳过；
        同一部门（名称或代码相同）出现两次时拒绝，除非 --allow-duplicates。--eliminate-internal 配合 --group 文件
        （每行“上级单位: 下属单位1, 下属单位2”）抵销内部往来。输出含各表、“汇总来源”与“审核结果”工作表。
        Inputs: workbooks in any supported layout or report JSON files. A department that fails to import is listed;
        the same department twice is refused unless --allow-duplicates.
        """)

    @Argument(help: "部门工作簿或报告 JSON / Department workbooks or report JSON files.")
    var inputs: [String]

    @Option(name: .shortAndLong, help: ArgumentHelp("汇总工作簿 / The consolidated workbook.", valueName: "FILE"))
    var output: String

    @Option(help: "输出的模板集（默认为输入中最多的）/ Template set of the output (default: the most common among inputs).")
    var template: String?

    @Option(help: "汇总单位名称 / Name of the consolidated unit.")
    var name: String = "汇总"

    @Option(help: ArgumentHelp("另存汇总报告 JSON / Also write the consolidated report JSON.", valueName: "FILE"))
    var report: String?

    @Flag(help: "允许同一部门出现多次 / Allow the same department more than once.")
    var allowDuplicates = false

    @Flag(help: "抵销内部往来（需要 --group）/ Eliminate transfers inside the group (needs --group).")
    var eliminateInternal = false

    @Option(help: ArgumentHelp("上下级关系文件 / Parent–unit relations.", valueName: "FILE"))
    var group: String?

    @Option(help: "表中未印年度时使用的年度 / Fiscal year where the tables print none.")
    var year: Int?

    @Flag(help: "覆盖已存在的输出文件 / Replace existing outputs.")
    var force = false

    @OptionGroup var mappings: MappingOptions

    func validate() throws {
        if eliminateInternal && group == nil {
            throw ValidationError("--eliminate-internal 需要 --group 文件 / --eliminate-internal needs --group FILE")
        }
    }

    func run() throws {
        var status = ExitStatus.done
        try runReportingFailures {
            // Neither output may replace an input (a department, or the group file), even with --force.
            for path in [output] + (report.map { [$0] } ?? []) { try OutputFile.refuseInput(path, inputs: inputs + (group.map { [$0] } ?? [])) }
            let catalog = try mappings.catalog()
            var parts: [Contribution] = []
            var failures: [(String, String)] = []
            var seen: [String: String] = [:]
            for input in inputs {
                do {
                    let source = try ReportSource.load(input, catalog: catalog, fiscalYear: year)
                    let department = source.report.department ?? (input as NSString).lastPathComponent
                    let identity = source.report.departmentCode ?? department
                    if let first = seen[identity], !allowDuplicates {
                        failures.append((input, "与 \(first) 是同一部门（\(department)），已拒绝；如确需重复请用 --allow-duplicates / the same department as \(first)"))
                        continue
                    }
                    seen[identity] = input
                    parts.append(Contribution(department: department, source: input, report: source.report))
                } catch {
                    failures.append((input, (error as? LocalizedError)?.errorDescription ?? "\(error)"))
                }
            }
            guard !parts.isEmpty else { throw ConsolidationError.nothingToConsolidate }
            let relations = try group.map { path -> [GroupRelation] in
                let text: String
                do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
                    throw OutputFile.Failure(message: "无法读取 \(path) / cannot read \(path)")
                }
                return try GroupRelation.parse(text, file: path)
            } ?? []
            let set = template ?? Self.mostCommonSet(parts)
            let consolidator = Consolidator()
            let result = consolidator.consolidate(parts, name: name, set: set, eliminate: eliminateInternal ? relations : [])
            let findings = Checker().check(result.report)
            let listing = Self.contributions(parts, failures: failures, eliminations: result.eliminations)
            try ReviewWorkbook(catalog: catalog).write(result.report, findings: findings, to: URL(fileURLWithPath: output),
                                                       replaceExisting: force, unit: .wanYuan, set: set,
                                                       title: "审核结果", listings: [listing])
            if let report { try OutputFile.write(try ReportFile.encode(result.report), to: report, force: force, inputs: inputs) }
            print("汇总 / consolidated: \(parts.count) 个部门 / departments into \(output)（\(set)）")
            for line in result.eliminations { print("  " + line) }
            for (input, reason) in failures { print("  未汇总 / not consolidated: \(input): \(reason)") }
            let errors = findings.filter { $0.severity == .error }.count
            print("  审核 / checks: 错误 \(errors)，警告 \(findings.count - errors)")
            if !failures.isEmpty { status = ExitStatus.problemsInData }
        }
        if status != ExitStatus.done { throw ExitCode(status) }
    }

    static func mostCommonSet(_ parts: [Contribution]) -> String {
        var counts: [String: Int] = [:]
        for p in parts { counts[p.report.templateSet ?? "gk10-2024", default: 0] += 1 }
        return counts.max { ($0.value, $1.key) < ($1.value, $0.key) }!.key
    }

    /// 汇总来源: each department's status, then every non-zero quantity it contributed.
    static func contributions(_ parts: [Contribution], failures: [(String, String)], eliminations: [String]) -> ListingSheet {
        var rows: [[CellContent]] = []
        for p in parts { rows.append([.string(p.department), .string(p.source), .string("已汇总 / included"), .blank, .blank, .blank, .blank]) }
        for (input, reason) in failures { rows.append([.string("—"), .string(input), .string("未汇总 / not included：\(reason)"), .blank, .blank, .blank, .blank]) }
        for line in eliminations { rows.append([.string("内部往来抵销"), .blank, .string(line), .blank, .blank, .blank, .blank]) }
        for p in parts {
            for s in p.report.statements {
                for row in s.rows {
                    for (measure, value) in row.values.sorted(by: { $0.key < $1.key }) {
                        guard let amount = value.amount, amount != .zero else { continue }
                        let shown = value.isCount == true ? amount : amount.expressed(in: .wanYuan).rounded(2)
                        rows.append([.string(p.department), .string(value.cell), .string("\(s.table.code) \(s.table.title)"),
                                     .string(row.code ?? row.key), .string(row.label ?? ""),
                                     .string(RuleBook.measureNames[measure] ?? measure), .decimal(shown.value)])
                    }
                }
            }
        }
        return ListingSheet(name: "汇总来源", title: "汇总来源：各部门贡献（万元）",
                            header: ["部门", "来源", "表 / 状态", "科目或行", "项目", "栏", "金额"],
                            widths: [30, 30, 40, 12, 30, 18, 14], rows: rows)
    }
}

/// `juesuan diff OLD NEW [--format text|json] [--annotate OUT.xlsx]`
struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "比较一份报表的两个版本（按标准数量，不受版式影响）/ What changed between two versions of a report.",
        discussion: "有差异时退出状态为 1。/ Exit status 1 when there are differences.")

    @Argument(help: "旧版本（工作簿或报告 JSON）/ Old version.")
    var old: String

    @Argument(help: "新版本（工作簿或报告 JSON）/ New version.")
    var new: String

    @Option(help: "输出格式 / Output format: text or json.")
    var format: OutputFormat = .text

    @Option(help: ArgumentHelp("标出变动单元格的工作簿（批注中为旧值）/ Workbook highlighting changed cells, old values in comments.", valueName: "OUT.xlsx"))
    var annotate: String?

    @Option(help: "表中未印年度时使用的年度 / Fiscal year where the tables print none.")
    var year: Int?

    @Flag(help: "覆盖已存在的输出文件 / Replace an existing output.")
    var force = false

    @OptionGroup var mappings: MappingOptions

    func run() throws {
        var status = ExitStatus.done
        try runReportingFailures {
            if let annotate { try OutputFile.refuseInput(annotate, inputs: [old, new]) }
            let catalog = try mappings.catalog()
            let a = try ReportSource.load(old, catalog: catalog, fiscalYear: year).report
            let b = try ReportSource.load(new, catalog: catalog, fiscalYear: year).report
            let changes = ReportDiff.compare(old: a, new: b)
            switch format {
            case .json:
                struct Out: Encodable { var differences: [Difference] }
                FileHandle.standardOutput.write(try jsonData(Out(differences: changes)))
            case .text:
                var out = "比较 / comparing: \(old) → \(new)\n差异 / differences: \(changes.count)\n"
                for c in changes {
                    let measure = RuleBook.measureNames[c.measure] ?? c.measure
                    out += "  \(c.table) | \(c.row)\(c.label.map { " " + $0 } ?? "") | \(measure): \(c.old) → \(c.new)"
                    out += "  (\(c.oldCell ?? "—") → \(c.newCell ?? "—"))\n"
                }
                print(out, terminator: "")
            }
            if let annotate {
                // Each changed cell of the new version, highlighted, its comment giving the old value.
                let notes = changes.map { c in
                    Finding(rule: "CHANGED", severity: .warning,
                            message: "\(c.table) \(c.row)\(c.label.map { " " + $0 } ?? "") \(RuleBook.measureNames[c.measure] ?? c.measure)：原值 / old \(c.old)，新值 / new \(c.new)",
                            expected: c.old, actual: c.new, locations: [c.newCell, c.oldCell].compactMap { $0 })
                }
                try ReviewWorkbook(catalog: catalog).write(b, findings: notes, to: URL(fileURLWithPath: annotate),
                                                           replaceExisting: force, title: "变动")
            }
            if !changes.isEmpty { status = ExitStatus.problemsInData }
        }
        if status != ExitStatus.done { throw ExitCode(status) }
    }
}
