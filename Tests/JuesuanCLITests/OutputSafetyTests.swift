import Foundation
import TestSupport
import XCTest

/// Every command that writes a file: the output is never one of its inputs (a test passes the input,
/// or a symbolic link to it, as the output path, with --force, and sees it refused, the input byte
/// for byte as it was), and a write that fails leaves no partial or temporary file behind.
/// `dump`, `inspect`, `templates` write only to stdout.
final class OutputSafetyTests: XCTestCase {
    /// Copies of the inputs in a fresh folder: a 10-table workbook (A) and another department (B),
    /// a report JSON (R), a bureau template (T), a forms workbook (F) and a forms JSON (FJ).
    private struct Workspace {
        let dir: TemporaryDirectory
        var paths: [String: String] = [:]
        func path(_ key: String) -> String { paths[key] ?? key }
    }

    private func workspace() throws -> Workspace {
        let dir = try TemporaryDirectory()
        var ws = Workspace(dir: dir)
        let root = Fixtures.packageRoot
        let copies: [(String, URL)] = [
            ("A", root.appendingPathComponent("SampleWorkbooks/zezhou-2024-gk10.xlsx")),
            ("B", Fixtures.url("departments/nanhe-nongye-2024.xlsx")),
            ("T", Fixtures.url("templates/openpyxl-gk10-template.xlsx")),
            ("F", root.appendingPathComponent("SampleWorkbooks/forms/dachang-hebei-project-sheets.xlsx")),
        ]
        for (key, source) in copies {
            let target = dir.file(key.lowercased() + "." + source.pathExtension)
            try FileManager.default.copyItem(at: source, to: target)
            ws.paths[key] = target.path
        }
        let report = dir.file("r.json").path
        let made = try JuesuanBinary.run(["import", ws.path("A"), "-o", report, "--mappings", mappings])
        XCTAssertEqual(made.status, 0, made.stderr)
        ws.paths["R"] = report
        let forms = dir.file("fj.json").path
        let formsMade = try JuesuanBinary.run(["import", ws.path("F"), "-o", forms, "--mappings", mappings])
        XCTAssertEqual(formsMade.status, 0, formsMade.stderr)
        ws.paths["FJ"] = forms
        let link = dir.file("link-to-a.xlsx").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: ws.path("A"))
        ws.paths["LINK"] = link
        ws.paths["OUT"] = dir.file("out").path
        try FileManager.default.createDirectory(atPath: ws.path("OUT"), withIntermediateDirectories: false)
        ws.paths["C"] = dir.file("c.xlsx").path
        return ws
    }

    private let mappings = Fixtures.packageRoot.appendingPathComponent("Mappings").path

    /// Command (with the workspace keys A, B, R, T, F, FJ, LINK, OUT, C), the input that is named as
    /// the output, and the status expected (batch reports a refused file as a failed one: 1).
    private let overwrites: [(args: [String], input: String, status: Int32)] = [
        (["convert", "A", "--to", "gk10-2024", "-o", "A", "--force"], "A", 2),
        (["convert", "A", "--to", "gk10-2024", "-o", "LINK", "--force"], "A", 2),
        (["export", "R", "--template", "gk10-2024", "-o", "R", "--force"], "R", 2),
        (["export", "FJ", "--template", "hebei-project", "-o", "FJ", "--force"], "FJ", 2),
        (["import", "A", "-o", "A", "--force"], "A", 2),
        (["import", "F", "-o", "F", "--force"], "F", 2),
        (["batch", "convert", "A", "--to", "gk10-2024", "--out", "DIR", "--force"], "A", 1),
        (["batch", "convert", "DIR", "--to", "gk10-2024", "--out", "DIR", "--force"], "A", 1),
        (["batch", "convert", "A", "--to", "gk10-2024", "--out", "OUT", "--report", "A", "--force"], "A", 2),
        (["fill", "T", "R", "-o", "T", "--force"], "T", 2),
        (["fill", "T", "R", "-o", "R", "--force"], "R", 2),
        (["consolidate", "A", "B", "-o", "B", "--force"], "B", 2),
        (["consolidate", "A", "B", "-o", "C", "--report", "A", "--force"], "A", 2),
        (["summarize", "F", "-o", "F", "--force"], "F", 2),
        (["check", "A", "--annotate", "A", "--force"], "A", 2),
        (["check", "A", "--annotate", "LINK", "--force"], "A", 2),
        (["check", "F", "--annotate", "F", "--force"], "F", 2),
        (["diff", "A", "B", "--annotate", "B", "--force"], "B", 2),
        (["learn", "T", "-o", "T", "--force"], "T", 2),
    ]

    func testNoCommandWritesOverAnInput() throws {
        let ws = try workspace()
        for (args, input, expected) in overwrites {
            let path = ws.path(input)
            let before = try Data(contentsOf: URL(fileURLWithPath: path))
            let argv = args.map { $0 == "DIR" ? (path as NSString).deletingLastPathComponent : ws.path($0) } + ["--mappings", mappings]
            let result = try JuesuanBinary.run(argv, timeout: 300)
            XCTAssertFalse(result.crashed, "\(args)")
            XCTAssertEqual(result.status, expected, "\(args): \(result.stderr)")
            let message = result.stderr + result.stdoutText
            XCTAssertTrue(["拒绝覆盖", "输出会覆盖输入文件", "无法写入"].contains { message.contains($0) },
                          "\(args): the refusal is not explained: \(message)")
            XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), before, "\(args): the input \(input) was changed")
            XCTAssertEqual(try leftovers(in: ws), [], "\(args): files left behind")
        }
    }

    /// The output path is an existing folder (holding one file), given with --force: the write fails
    /// at the last step (the rename over a folder), exit status 2, and nothing is left: no partial
    /// workbook, no temporary file, the folder as it was.
    private let failingWrites: [[String]] = [
        ["convert", "A", "--to", "gk10-2024", "-o", "OUT", "--force"],
        ["export", "R", "--template", "gk10-2024", "-o", "OUT", "--force"],
        ["export", "FJ", "--template", "hebei-project", "-o", "OUT", "--force"],
        ["import", "A", "-o", "OUT", "--force"],
        ["batch", "convert", "A", "--to", "gk10-2024", "--out", "BATCH", "--report", "OUT", "--force"],
        ["fill", "T", "R", "-o", "OUT", "--force"],
        ["consolidate", "A", "B", "-o", "OUT", "--force"],
        ["summarize", "F", "-o", "OUT", "--force"],
        ["check", "A", "--annotate", "OUT", "--force"],
        ["diff", "A", "B", "--annotate", "OUT", "--force"],
        ["learn", "T", "-o", "R", "--force"],
    ]

    func testAFailingWriteLeavesNoPartialFile() throws {
        let ws = try workspace()
        let marker = ws.path("OUT") + "/keep.txt"
        try Data("keep".utf8).write(to: URL(fileURLWithPath: marker))
        let report = try Data(contentsOf: URL(fileURLWithPath: ws.path("R")))
        for args in failingWrites {
            let batch = ws.dir.file("batch-out").path
            let argv = args.map { $0 == "BATCH" ? batch : ws.path($0) } + ["--mappings", mappings]
            let result = try JuesuanBinary.run(argv, timeout: 300)
            XCTAssertFalse(result.crashed, "\(args)")
            XCTAssertEqual(result.status, 2, "\(args): \(result.stderr)")
            XCTAssertFalse(result.stderr.isEmpty, "\(args): no message")
            XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: ws.path("OUT")), ["keep.txt"], "\(args)")
            XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: ws.path("R"))), report, "\(args)")
            try? FileManager.default.removeItem(atPath: batch) // the batch's own outputs are not at issue here
            XCTAssertEqual(try leftovers(in: ws), [], "\(args): files left behind")
        }
    }

    /// Anything in the workspace that is neither an input nor an expected output: temporary and
    /// partial files (hidden, `.tmp`, `.partial`) or a half-written workbook.
    private func leftovers(in ws: Workspace) throws -> [String] {
        let expected: Set<String> = ["a.xlsx", "b.xlsx", "t.xlsx", "f.xlsx", "fj.json", "r.json", "link-to-a.xlsx", "out", "c.xlsx"]
        var found: [String] = []
        let root = ws.dir.url.path
        for name in try FileManager.default.contentsOfDirectory(atPath: root) where !expected.contains(name) { found.append(name) }
        for name in try FileManager.default.contentsOfDirectory(atPath: ws.path("OUT"))
        where name.hasPrefix(".") || name.hasSuffix(".tmp") || name.hasSuffix(".partial") { found.append("out/" + name) }
        return found.sorted()
    }
}
