import Foundation
import JuesuanCore
import SpreadsheetKit

// juesuan-bench: in-process timings, for regressions while developing and for bench/compare.sh.
//
//   juesuan-bench read FILE [REPEAT]                    stream every row of every sheet
//   juesuan-bench write OUT.xlsx [standard|constant] [ROWS]
//                                                       the benchmark sheet (ROWS × 10, default 200,000)
//                                                       written with the Swift writer; same data as
//                                                       bench/c/write_floor.c and bench/write_*.py
//   juesuan-bench report FILE [ITERATIONS] [--mappings DIR]
//                                                       import → check → export one workbook to a
//                                                       temporary file, ITERATIONS times (default 200);
//                                                       prints the median per report
//
// Whole-process comparisons with other tools are in bench/compare.sh; results in bench/RESULTS.md.

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func usage() -> Never {
    FileHandle.standardError.write(Data("""
    usage: juesuan-bench read FILE [REPEAT]
           juesuan-bench write OUT.xlsx [standard|constant] [ROWS]
           juesuan-bench report FILE [ITERATIONS] [--mappings DIR]

    """.utf8))
    exit(64)
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}

// MARK: read

func read(_ path: String, repeats: Int) throws {
    var times: [Double] = []
    for _ in 0..<repeats {
        var cells = 0, rows = 0
        let t = try seconds {
            let book = try Workbook(path: path)
            for sheet in book.sheets {
                try book.forEachRow(in: sheet) { row in
                    rows += 1
                    cells += row.cells.count
                }
            }
        }
        times.append(t)
        print("read \(rows) rows, \(cells) cells in \(String(format: "%.3f", t)) s")
    }
    print("median \(String(format: "%.3f", median(times))) s")
}

// MARK: write

/// The benchmark data, identical in every writer of bench/ (C, Python, Swift): a 64-bit LCG
/// (Knuth's MMIX constants), its top 31 bits per draw.
struct BenchData {
    private var state: UInt64 = 20_241_231
    let labels: [String]

    init() {
        let words = Array("一般公共服务支出行政运行机关服务政法委员会事务社会保障就业卫生健康住房公积金培训费差旅费办公费")
        var labels: [String] = []
        labels.reserveCapacity(500)
        for _ in 0..<500 {
            let length = 4 + Int(Self.draw(&state) % 9)
            var label = ""
            for _ in 0..<length { label.append(words[Int(Self.draw(&state) % UInt64(words.count))]) }
            labels.append(label)
        }
        self.labels = labels
    }

    @inline(__always) static func draw(_ state: inout UInt64) -> UInt64 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return state >> 33
    }

    @inline(__always) mutating func next() -> UInt64 { Self.draw(&state) }

    static let header = ["科目代码", "科目名称", "合计", "基本支出", "项目支出", "上缴上级支出", "经营支出",
                         "对附属单位补助支出", "行次", "备注"]
}

func write(_ path: String, mode: WritingMode, rows: Int) throws {
    var data = BenchData()
    let t = try seconds {
        let writer = try WorkbookWriter(destination: URL(fileURLWithPath: path),
                                        options: .init(mode: mode, replaceExisting: true))
        let sheet = try writer.addSheet(named: "数据")
        try sheet.writeRow(BenchData.header.map { .string($0) }, at: CellReference(row: 1, column: 1))
        var amounts = [Decimal](repeating: 0, count: 6)
        for r in 1...rows {
            let row = r + 1
            let code = String(2_010_000 + data.next() % 1_000_000)
            let label = data.labels[Int(data.next() % 500)]
            try sheet.writeRow([.string(code), .string(label)], at: CellReference(row: row, column: 1))
            for i in 0..<6 {
                // Money is never a Double in Juesuan: exact cents, written through writeDecimals.
                amounts[i] = Decimal(sign: .plus, exponent: -2, significand: Decimal(data.next() % 10_000_001))
            }
            try sheet.writeDecimals(amounts, at: CellReference(row: row, column: 3))
            try sheet.writeNumbers([Double(r)], at: CellReference(row: row, column: 9))
            try sheet.write(.string(data.labels[Int(data.next() % 500)]), at: CellReference(row: row, column: 10))
        }
        try writer.close()
    }
    print("wrote \(rows) rows × 10 (\(mode == .constantMemory ? "constant-memory" : "standard")) in \(String(format: "%.3f", t)) s")
}

// MARK: report

func report(_ path: String, iterations: Int, mappings: [String]) throws {
    let catalog = try MappingCatalog.load(folders: mappings)
    let importer = Importer(catalog: catalog)
    let exporter = WorkbookExporter(catalog: catalog)
    let checker = Checker()
    let folder = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("juesuan-bench-\(getpid())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let output = folder.appendingPathComponent("report.xlsx")
    var importTimes: [Double] = [], checkTimes: [Double] = [], exportTimes: [Double] = [], totals: [Double] = []
    var findings = 0, statements = 0, set = ""
    for _ in 0..<iterations {
        var result: ImportResult?
        let ti = try seconds { result = try importer.importWorkbook(at: path) }
        let report = result!.report
        let tc = seconds { findings = checker.check(report).count }
        let te = try seconds {
            try exporter.export(report, set: report.templateSet ?? "gk10-2024", to: output, replaceExisting: true)
        }
        statements = report.statements.count
        set = report.templateSet ?? "?"
        importTimes.append(ti); checkTimes.append(tc); exportTimes.append(te); totals.append(ti + tc + te)
    }
    func ms(_ v: Double) -> String { String(format: "%.2f ms", v * 1000) }
    print("report \(statements) tables (\(set)), \(findings) findings, \(iterations) iterations")
    print("median import \(ms(median(importTimes))), check \(ms(median(checkTimes))), export \(ms(median(exportTimes)))")
    print("median per report \(ms(median(totals)))")
}

// MARK: main

var arguments = Array(CommandLine.arguments.dropFirst())
guard let mode = arguments.first else { usage() }
do {
    switch mode {
    case "read":
        guard arguments.count >= 2 else { usage() }
        try read(arguments[1], repeats: arguments.count > 2 ? Int(arguments[2]) ?? 3 : 3)
    case "write":
        guard arguments.count >= 2 else { usage() }
        let writing: WritingMode
        switch arguments.count > 2 ? arguments[2] : "standard" {
        case "standard": writing = .standard
        case "constant", "constant-memory": writing = .constantMemory
        default: usage()
        }
        try write(arguments[1], mode: writing, rows: arguments.count > 3 ? Int(arguments[3]) ?? 200_000 : 200_000)
    case "report":
        var mappings: [String] = []
        if let i = arguments.firstIndex(of: "--mappings"), i + 1 < arguments.count {
            mappings.append(arguments[i + 1])
            arguments.removeSubrange(i...(i + 1))
        }
        if mappings.isEmpty { mappings = ["Mappings"] }
        guard arguments.count >= 2 else { usage() }
        try report(arguments[1], iterations: arguments.count > 2 ? Int(arguments[2]) ?? 200 : 200, mappings: mappings)
    default:
        usage()
    }
} catch {
    FileHandle.standardError.write(Data("juesuan-bench: \(error.localizedDescription)\n".utf8))
    exit(2)
}
