import ArgumentParser
import Foundation
import JuesuanCore

/// `juesuan templates` — the template sets and their tables, read from the mapping files.
struct Templates: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "列出模板集及其各表（读自映射文件）/ List template sets and their tables, from the mapping files.")

    @OptionGroup var mappings: MappingOptions

    @Option(help: "输出格式 / Output format: text or json.")
    var format: OutputFormat = .text

    func run() throws {
        try runReportingFailures {
            let catalog = try mappings.catalog()
            switch format {
            case .text:
                var out = "映射文件夹 / mapping folders: \(catalog.folders.joined(separator: ", "))\n"
                for set in catalog.sets {
                    let layouts = catalog.layouts(inSet: set)
                    out += "\n\(set)（\(layouts.count) 张表 / tables）\n"
                    for l in layouts {
                        out += "  \(l.table)  \(l.code)  \(l.title)  [\(l.statement)]\(l.isInferred ? "  （推断版式 / inferred layout）" : "")\n"
                    }
                }
                print(out, terminator: "")
            case .json:
                let sets = catalog.sets.map { set in
                    ["set": set, "tables": catalog.layouts(inSet: set).map {
                        ["table": $0.table, "code": $0.code, "title": $0.title, "statement": $0.statement,
                         "inferred": $0.isInferred ? "true" : "false", "file": $0.source]
                    }] as [String: Any]
                }
                let data = try JSONSerialization.data(withJSONObject: ["sets": sets], options: [.prettyPrinted, .sortedKeys])
                print(String(decoding: data, as: UTF8.self))
            }
        }
    }
}

/// `--format text|json` for commands whose output people and scripts both read.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
