import ArgumentParser
import Dispatch
import Foundation
import JuesuanCore
import SpreadsheetKit

/// `juesuan batch …` — work on many files at once.
struct Batch: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "批量处理 / Work on many files at once.",
        subcommands: [BatchConvert.self])
}

/// `juesuan batch convert PATH... --to SET --out DIR [--jobs N] [--force] [--report batch.json]`
struct BatchConvert: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "批量转换工作簿（文件夹递归）/ Convert many workbooks (folders recursively).",
        discussion: """
        输出在 --out 下镜像输入的目录结构，文件名相同、扩展名为 .xlsx；重名的输出报告为失败，不会覆盖。
        某个文件失败不影响其他文件；最后列出每个文件的结果，任一失败时退出状态为 1。中断（Ctrl-C）不留下半成品。
        Outputs mirror the input tree under --out with the same base names and .xlsx; clashing outputs are reported,
        never overwritten. A failing file does not stop the batch; a summary lists every file; exit status 1 when any failed.
        """)

    @Argument(help: "输入文件或文件夹 / Input files or folders.")
    var paths: [String]

    @Option(help: "目标模板集 / Target template set.")
    var to: String

    @Option(help: ArgumentHelp("输出文件夹 / Output folder.", valueName: "DIR"))
    var out: String

    @Option(help: "并行任务数（默认为 CPU 核数）/ Parallel jobs (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "金额单位 / Amount unit of the outputs: 元 or 万元.")
    var unit: AmountUnit = .wanYuan

    @Option(help: "表中未印年度时使用的年度 / Fiscal year where the tables print none.")
    var year: Int?

    @Option(help: ArgumentHelp("把机器可读的结果写入 JSON 文件 / Write a machine-readable report.", valueName: "FILE"))
    var report: String?

    @Flag(help: "覆盖已存在的输出文件 / Replace existing outputs.")
    var force = false

    @OptionGroup var mappings: MappingOptions

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs 至少为 1 / --jobs must be at least 1") }
    }

    func run() throws {
        var exitStatus = ExitStatus.done
        try runReportingFailures {
            let catalog = try mappings.catalog()
            guard !catalog.layouts(inSet: to).isEmpty else { throw ExportError.unknownSet(to, known: catalog.sets) }
            let outDir = URL(fileURLWithPath: out).standardizedFileURL
            try FileManager.default.createDirectory(at: outDir, withIntermediateDirectories: true)
            let plan = try BatchPlan(paths: paths, outDir: outDir)
            let outcome = BatchRunner(plan: plan, jobs: jobs, force: force) { input, output, temporary in
                let source = try ReportSource.load(input.path, catalog: catalog, fiscalYear: year)
                // Each output is published atomically at once; one sync below makes them all durable
                // (an fsync per file cost more than the conversions on a slow disk).
                let summary = try WorkbookExporter(catalog: catalog).export(
                    source.report, set: to, unit: unit, to: output, replaceExisting: force, temporaryDirectory: temporary,
                    durability: .deferred)
                return source.issues.filter { $0.severity == .error }.map(\.description) + summary.warnings
            }.run()
            if outcome.failed.count < outcome.results.count { try WorkbookWriter.syncFileSystem(containing: outDir) }
            print(outcome.summaryText(), terminator: "")
            if let report {
                try OutputFile.write(try outcome.json(), to: report, force: true, inputs: plan.items.map(\.input.path))
            }
            if !outcome.failed.isEmpty { exitStatus = ExitStatus.problemsInData }
        }
        if exitStatus != ExitStatus.done { throw ExitCode(exitStatus) }
    }
}

/// The files of a batch and where each output goes: the input tree mirrored under the output folder.
struct BatchPlan: Sendable {
    struct Item: Sendable {
        var input: URL
        var output: URL
        /// Why the file cannot be converted before trying (a clash, the output being an input).
        var refusal: String?
    }
    var items: [Item] = []

    static let workbookExtensions: Set<String> = ["xlsx", "xlsm", "xls", "json"]

    init(paths: [String], outDir: URL) throws {
        let fm = FileManager.default
        var seenOutputs: [String: String] = [:]
        var inputs: [(URL, String)] = [] // file and its path relative to the output folder
        for path in paths {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else {
                items.append(Item(input: URL(fileURLWithPath: path), output: outDir, refusal: "找不到文件 / not found"))
                continue
            }
            let root = URL(fileURLWithPath: path).standardizedFileURL
            if isDirectory.boolValue, root.resolvingSymlinksInPath().path == outDir.standardizedFileURL.resolvingSymlinksInPath().path {
                // Every output would replace its input (and each file would be taken for an output).
                items.append(Item(input: root, output: outDir, refusal: "输出文件夹就是这个输入文件夹，输出会覆盖输入文件 / --out is this input folder: the outputs would overwrite the inputs"))
                continue
            }
            if isDirectory.boolValue {
                let files = (fm.enumerator(atPath: root.path)?.compactMap { $0 as? String } ?? []).sorted()
                for relative in files where Self.workbookExtensions.contains((relative as NSString).pathExtension.lowercased()) {
                    let file = root.appendingPathComponent(relative)
                    // Skip our own outputs when the output folder lies inside an input folder.
                    if file.path.hasPrefix(outDir.path + "/") { continue }
                    if (relative as NSString).lastPathComponent.hasPrefix(".") || (relative as NSString).lastPathComponent.hasPrefix("~$") { continue }
                    inputs.append((file, relative))
                }
            } else {
                inputs.append((root, root.lastPathComponent))
            }
        }
        let inputPaths = Set(inputs.map { $0.0.resolvingSymlinksInPath().path })
        for (input, relative) in inputs {
            let output = outDir.appendingPathComponent((relative as NSString).deletingPathExtension + ".xlsx")
            var refusal: String?
            if inputPaths.contains(output.resolvingSymlinksInPath().path) {
                refusal = "输出会覆盖输入文件 / the output would overwrite an input"
            } else if let other = seenOutputs[output.path] {
                refusal = "输出文件名与 \(other) 冲突 / output name clashes with \(other)"
            }
            seenOutputs[output.path] = seenOutputs[output.path] ?? input.path
            items.append(Item(input: input, output: output, refusal: refusal))
        }
    }
}

/// Runs a batch on a bounded number of threads, with progress on stderr and no partial outputs.
struct BatchRunner: Sendable {
    typealias Job = @Sendable (_ input: URL, _ output: URL, _ temporaryDirectory: URL) throws -> [String]

    struct Result: Encodable, Sendable {
        var input: String
        var output: String?
        var ok: Bool
        var error: String?
        var warnings: [String]
    }

    struct Outcome {
        var results: [Result]
        var failed: [Result] { results.filter { !$0.ok } }

        func summaryText() -> String {
            var text = "\n转换完成 / converted: \(results.count - failed.count)，失败 / failed: \(failed.count)，共 / total: \(results.count)\n"
            for r in results where !r.ok { text += "  失败 / failed: \(r.input): \(r.error ?? "")\n" }
            for r in results where r.ok && !r.warnings.isEmpty { text += "  有警告 / warnings: \(r.input) (\(r.warnings.count))\n" }
            return text
        }

        func json() throws -> Data {
            struct Report: Encodable { var converted: Int; var failed: Int; var files: [Result] }
            return try jsonData(Report(converted: results.count - failed.count, failed: failed.count, files: results))
        }
    }

    let plan: BatchPlan
    let jobs: Int
    let force: Bool
    let job: Job

    /// Results filled in by the worker threads, under a lock.
    private final class Collector: @unchecked Sendable {
        let lock = NSLock()
        var results: [Result?]
        var done = 0
        let progress: Progress
        init(count: Int) {
            results = Array(repeating: nil, count: count)
            progress = Progress(total: count)
        }
        func record(_ result: Result, at index: Int, file: String) {
            lock.lock()
            defer { lock.unlock() }
            results[index] = result
            done += 1
            progress.update(done: done, file: file, ok: result.ok)
        }
    }

    func run() -> Outcome {
        let fm = FileManager.default
        let items = plan.items
        let collector = Collector(count: items.count)
        let outputFolders = Set(items.filter { $0.refusal == nil }.map { $0.output.deletingLastPathComponent() })
        for folder in outputFolders { try? fm.createDirectory(at: folder, withIntermediateDirectories: true) }
        // The writer's scratch files (some twenty per workbook, made and removed by libxlsxwriter) go to one
        // private folder in the system's temporary folder, not among the outputs, where making and removing
        // them was slow on watched and network folders; Ctrl-C removes it. Each output itself is still
        // assembled next to its destination and appears in one rename.
        let scratch = fm.temporaryDirectory.appendingPathComponent("juesuan-batch-\(UUID().uuidString)")
        try? fm.createDirectory(at: scratch, withIntermediateDirectories: true)
        let interrupt = InterruptCleanup(folders: [scratch], partialsIn: Array(outputFolders))

        let queue = OperationQueue()
        queue.maxConcurrentOperationCount = jobs
        let job = self.job, force = self.force
        for (index, item) in items.enumerated() {
            queue.addOperation {
                var result = Result(input: item.input.path, output: item.output.path, ok: false, error: nil, warnings: [])
                if let refusal = item.refusal {
                    result.error = refusal
                } else if FileManager.default.fileExists(atPath: item.output.path) && !force {
                    result.error = "输出文件已存在（用 --force 覆盖）/ the output exists (use --force)"
                } else {
                    do {
                        result.warnings = try job(item.input, item.output, scratch)
                        result.ok = true
                    } catch {
                        result.error = (error as? LocalizedError)?.errorDescription ?? "\(error)"
                    }
                }
                collector.record(result, at: index, file: item.input.lastPathComponent)
            }
        }
        queue.waitUntilAllOperationsAreFinished()
        collector.progress.finish()
        interrupt.cancel()
        try? fm.removeItem(at: scratch)
        return Outcome(results: collector.results.compactMap { $0 })
    }
}

/// Progress on stderr: a bar on a terminal, plain lines otherwise.
final class Progress {
    let total: Int
    let isTerminal = isatty(2) == 1

    init(total: Int) { self.total = total }

    func update(done: Int, file: String, ok: Bool) {
        if isTerminal {
            let width = 30, filled = total == 0 ? width : width * done / total
            printErrorRaw("\r[\(String(repeating: "#", count: filled))\(String(repeating: " ", count: width - filled))] \(done)/\(total)")
        } else {
            printError("[\(done)/\(total)] \(ok ? "完成 / ok" : "失败 / failed"): \(file)")
        }
    }

    func finish() { if isTerminal { printErrorRaw("\n") } }
}

func printErrorRaw(_ text: String) { FileHandle.standardError.write(Data(text.utf8)) }

/// On Ctrl-C (SIGINT) or SIGTERM, removes the batch's scratch folder and this process's outputs still
/// being assembled (`.NAME.PID.*.partial` next to their destinations), so that no partial output
/// remains (finished outputs were renamed into place whole), and exits with 130.
final class InterruptCleanup {
    private var sources: [DispatchSourceSignal] = []

    init(folders: [URL], partialsIn outputFolders: [URL] = []) {
        let mine = ".\(getpid())."
        for sig in [SIGINT, SIGTERM] {
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler {
                for folder in folders { try? FileManager.default.removeItem(at: folder) }
                for folder in outputFolders {
                    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
                    for name in names where name.hasPrefix(".") && name.hasSuffix(".partial") && name.contains(mine) {
                        try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
                    }
                }
                printError("\n已中断，未留下不完整的输出 / interrupted; no partial output left")
                exit(130)
            }
            source.resume()
            sources.append(source)
        }
    }

    func cancel() {
        for source in sources { source.cancel() }
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }
}
