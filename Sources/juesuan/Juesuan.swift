import ArgumentParser

/// `juesuan` — 决算表格工具包 / toolkit for the spreadsheets of Chinese public-sector final accounts.
@main
struct Juesuan: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "juesuan",
        abstract: "决算表格工具包：读取、检查、转换部门决算公开表 / Toolkit for 部门决算 workbooks.",
        discussion: """
        退出状态 / exit status: 0 完成且无问题 / done; 1 完成但数据有问题 / done, problems in the data;
        2 输入无法读取或输出无法写入 / an input cannot be read or an output cannot be written; 64 用法错误 / usage error.
        """,
        version: "0.1.0",
        subcommands: [Dump.self, Templates.self, Inspect.self, Import.self, Export.self, Convert.self, Batch.self, Check.self, Consolidate.self, Diff.self, Summarize.self, Fill.self, Learn.self]
    )
}
