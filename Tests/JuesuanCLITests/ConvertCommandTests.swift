import Foundation
import TestSupport
import XCTest

/// `export`, `convert` and `batch convert`, end to end.
final class ConvertCommandTests: XCTestCase {
    let mappings = Fixtures.packageRoot.appendingPathComponent("Mappings").path
    func sample(_ name: String) -> String { Fixtures.packageRoot.appendingPathComponent("SampleWorkbooks/\(name)").path }

    func testImportThenExportAndConvertAcrossSets() throws {
        let dir = try TemporaryDirectory()
        let json = dir.file("r.json").path, out = dir.file("out.xlsx").path
        XCTAssertEqual(try JuesuanBinary.run(["import", sample("zezhou-2024-gk10-shuffled.xlsx"), "-o", json, "--mappings", mappings]).status, 0)
        let export = try JuesuanBinary.run(["export", json, "--template", "gk10-2024", "-o", out, "--mappings", mappings])
        XCTAssertEqual(export.status, 0, export.stderr)
        let dump = try JuesuanBinary.run(["dump", out, "--sheet", "公开05表"])
        XCTAssertTrue(dump.stdoutText.contains("2429.51") && dump.stdoutText.contains("一般公共预算财政拨款支出决算表"), dump.stdoutText)
        // An existing output needs --force; an unknown set is a clear error.
        XCTAssertEqual(try JuesuanBinary.run(["export", json, "--template", "gk10-2024", "-o", out, "--mappings", mappings]).status, 2)
        let unknown = try JuesuanBinary.run(["export", json, "--template", "xx-1999", "-o", dir.file("x.xlsx").path, "--mappings", mappings])
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(unknown.stderr.contains("xx-1999"), unknown.stderr)
        // sc13 → gk10: the table the source lacks is named on the terminal.
        let cross = try JuesuanBinary.run(["convert", sample("dachuan-2023-sc13.xlsx"), "--to", "gk10-2024", "--year", "2023",
                                           "-o", dir.file("cross.xlsx").path, "--mappings", mappings])
        XCTAssertEqual(cross.status, 0, cross.stderr)
        XCTAssertTrue(cross.stderr.contains("gk10-2024/10") && cross.stderr.contains("the source has no data"), cross.stderr)
    }

    /// 50 files, 5 of them broken: each broken one is reported, the rest converted, exit status 1.
    func testBatchOfFiftyWithBrokenFiles() throws {
        let dir = try TemporaryDirectory()
        let input = dir.url.appendingPathComponent("in"), out = dir.url.appendingPathComponent("out")
        let fm = FileManager.default
        try fm.createDirectory(at: input.appendingPathComponent("县直/教育"), withIntermediateDirectories: true)
        let samples = try fm.contentsOfDirectory(atPath: Fixtures.packageRoot.appendingPathComponent("SampleWorkbooks").path)
            .filter { $0.hasSuffix(".xlsx") }.sorted()
        for i in 0..<45 {
            let folder = i % 3 == 0 ? input.appendingPathComponent("县直/教育") : input
            try fm.copyItem(atPath: sample(samples[i % samples.count]), toPath: folder.appendingPathComponent("部门\(i).xlsx").path)
        }
        let broken = ["empty.xlsx", "truncated.xlsx", "encrypted.xls", "encrypted.xlsx", "malformed-sheet.xlsx"]
        for name in broken {
            try fm.copyItem(atPath: Fixtures.url("hostile/\(name)").path, toPath: input.appendingPathComponent("坏-\(name)").path)
        }
        let report = dir.file("batch.json").path
        let result = try JuesuanBinary.run(["batch", "convert", input.path, "--to", "gk10-2024", "--out", out.path,
                                            "--jobs", "2", "--year", "2023", "--report", report, "--mappings", mappings], timeout: 600)
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertTrue(result.stdoutText.contains("converted: 45") && result.stdoutText.contains("failed: 5"), result.stdoutText)
        for name in broken { XCTAssertTrue(result.stdoutText.contains("坏-\(name)"), "\(name) not reported: \(result.stdoutText)") }
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: report))) as! [String: Any]
        XCTAssertEqual(json["converted"] as? Int, 45)
        XCTAssertEqual(json["failed"] as? Int, 5)
        // Outputs mirror the tree, with .xlsx names; no temporary files are left.
        XCTAssertTrue(fm.fileExists(atPath: out.appendingPathComponent("县直/教育/部门0.xlsx").path))
        XCTAssertTrue(fm.fileExists(atPath: out.appendingPathComponent("部门1.xlsx").path))
        let all = fm.enumerator(atPath: out.path)?.compactMap { $0 as? String } ?? []
        XCTAssertEqual(all.filter { $0.hasSuffix(".xlsx") }.count, 45, "\(all)")
        XCTAssertFalse(all.contains { $0.contains(".juesuan-tmp") || $0.hasSuffix(".tmp") || $0.hasSuffix(".partial") }, "\(all)")
        // A second run refuses to overwrite without --force, and the inputs are untouched.
        let again = try JuesuanBinary.run(["batch", "convert", input.path, "--to", "gk10-2024", "--out", out.path,
                                           "--year", "2023", "--mappings", mappings], timeout: 600)
        XCTAssertEqual(again.status, 1)
        XCTAssertTrue(again.stdoutText.contains("failed: 50"), again.stdoutText)
    }

    /// Ctrl-C in the middle of a batch: exit 130, every output left is whole, no `.partial` file and no
    /// scratch folder remain.
    func testAnInterruptedBatchLeavesNoPartialOutput() throws {
        let dir = try TemporaryDirectory()
        let input = dir.url.appendingPathComponent("in"), out = dir.url.appendingPathComponent("out")
        let fm = FileManager.default
        try fm.createDirectory(at: input, withIntermediateDirectories: true)
        for i in 0..<300 {
            try fm.copyItem(atPath: sample("zezhou-2024-gk10.xlsx"), toPath: input.appendingPathComponent("部门\(i).xlsx").path)
        }
        func scratchFolders() throws -> Set<String> {
            Set(try fm.contentsOfDirectory(atPath: fm.temporaryDirectory.path).filter { $0.hasPrefix("juesuan-batch-") })
        }
        let scratchBefore = try scratchFolders()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: JuesuanBinary.path)
        process.arguments = ["batch", "convert", input.path, "--to", "gk10-2024", "--out", out.path, "--jobs", "1", "--mappings", mappings]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Interrupt once a few outputs are in place (a generous watchdog, never a timed assertion).
        let deadline = Date().addingTimeInterval(300)
        while process.isRunning && Date() < deadline {
            if ((try? fm.contentsOfDirectory(atPath: out.path)) ?? []).filter({ $0.hasSuffix(".xlsx") }).count >= 3 { break }
            usleep(20_000)
        }
        guard process.isRunning else { throw XCTSkip("the batch ended before it could be interrupted") }
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 130)
        let left = try fm.contentsOfDirectory(atPath: out.path)
        XCTAssertFalse(left.contains { $0.hasSuffix(".partial") || $0.hasPrefix(".") }, "\(left)")
        XCTAssertGreaterThanOrEqual(left.count, 3)
        XCTAssertLessThan(left.count, 300, "interrupted before the end")
        for name in left.sorted().prefix(3) {
            let dump = try JuesuanBinary.run(["dump", out.appendingPathComponent(name).path])
            XCTAssertEqual(dump.status, 0, "\(name): \(dump.stderr)")
        }
        XCTAssertEqual(try scratchFolders(), scratchBefore, "the scratch folder is removed")
    }

    func testBatchReportsNameClashesInsteadOfOverwriting() throws {
        let dir = try TemporaryDirectory()
        let a = dir.url.appendingPathComponent("a"), b = dir.url.appendingPathComponent("b")
        try FileManager.default.createDirectory(at: a, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: b, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: sample("zezhou-2024-gk10.xlsx"), toPath: a.appendingPathComponent("同名.xlsx").path)
        try FileManager.default.copyItem(atPath: sample("zezhou-2024-gk10-yuan.xlsx"), toPath: b.appendingPathComponent("同名.xlsx").path)
        let out = dir.url.appendingPathComponent("out").path
        let result = try JuesuanBinary.run(["batch", "convert", a.appendingPathComponent("同名.xlsx").path,
                                            b.appendingPathComponent("同名.xlsx").path, "--to", "gk10-2024", "--out", out, "--mappings", mappings])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stdoutText.contains("clashes"), result.stdoutText)
        XCTAssertTrue(result.stdoutText.contains("converted: 1"), result.stdoutText)
    }
}
