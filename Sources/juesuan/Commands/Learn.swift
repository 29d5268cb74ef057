import ArgumentParser
import Foundation
import JuesuanCore

/// `juesuan learn TEMPLATE.xlsx -o Mappings/NEWSET/` — draft the mapping files of a new template.
struct Learn: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "由新模板（空白或已填）起草映射文件，并报告与最接近的已知模板集的差异 / Draft mapping files from a new template and report how it differs from the closest known set.",
        discussion: """
        每张表（已知标题，或以“表”结尾且其下有表头的标题）起草一个映射文件：标题、表号、表头信息行、表头树（按合并单元格）、\
        行标识（科目代码/行次）、固定行、表下注释、列宽；规范指标按最接近的已知版式的表头匹配。起草的文件请核对后使用；\
        放在映射路径上（--mappings DIR 或 $JUESUAN_MAPPINGS）即可被所有命令使用。
        One mapping file per table (a known title, or a title ending in 表 with a header below it): title, code, key lines, \
        the header tree from the merged cells, row keys, fixed rows, notes, widths; measures matched by header labels \
        against the closest known layout. Review the drafts; on the mapping path they are used by every command.
        """)

    @Argument(help: "新模板工作簿 / The new template workbook.")
    var templateFile: String

    @Option(name: .shortAndLong, help: ArgumentHelp("写入映射文件的文件夹 / Folder to write the mapping files into.", valueName: "DIR"))
    var output: String

    @Option(help: "新模板集的 id（默认为输出文件夹名）/ Id of the new template set (default: the output folder's name).")
    var set: String?

    @Option(help: "输出格式 / Output format of the report: text or json.")
    var format: OutputFormat = .text

    @Flag(help: "覆盖已存在的映射文件 / Replace existing mapping files.")
    var force = false

    @OptionGroup var mappings: MappingOptions

    func validate() throws {
        let id = set ?? URL(fileURLWithPath: output).standardizedFileURL.lastPathComponent
        guard !id.isEmpty, id != "/", id.range(of: #"^[A-Za-z0-9][A-Za-z0-9._-]*$"#, options: .regularExpression) != nil else {
            throw ValidationError("模板集 id 只能含字母、数字、点、连字符和下划线，请用 --set 指定 / the set id may hold letters, digits, '.', '-' and '_'; give it with --set")
        }
    }

    func run() throws {
        try runReportingFailures {
            let catalog = try mappings.catalog()
            let id = set ?? URL(fileURLWithPath: output).standardizedFileURL.lastPathComponent
            if catalog.sets.contains(id) {
                printError("警告 / warning: 已有模板集“\(id)”，映射路径上后者覆盖前者 / a set '\(id)' already exists; the later folder on the mapping path wins")
            }
            let result = try TemplateLearner(catalog: catalog).learn(workbookAt: templateFile, set: id)
            let written = try result.write(to: output, replaceExisting: force)
            switch format {
            case .text:
                print(result.description, terminator: "")
                print("\n已写入 / written: \(written.count) 个映射文件 / mapping files in \(output)")
            case .json:
                struct Out: Encodable {
                    var set: String
                    var closestSet: String?
                    var files: [String]
                    var differences: [LayoutDifference]
                    var unmatched: [String]
                }
                FileHandle.standardOutput.write(try jsonData(Out(set: result.set, closestSet: result.closestSet, files: written,
                                                                        differences: result.differences, unmatched: result.unmatched)))
            }
        }
    }
}
