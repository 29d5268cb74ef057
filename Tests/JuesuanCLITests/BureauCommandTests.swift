import Foundation
import TestSupport
import XCTest

/// `consolidate` and `diff`, end to end.
final class BureauCommandTests: XCTestCase {
    let mappings = Fixtures.packageRoot.appendingPathComponent("Mappings").path
    func sample(_ name: String) -> String { Fixtures.packageRoot.appendingPathComponent("SampleWorkbooks/\(name)").path }

    func testConsolidateListsFailuresAndRefusesDuplicates() throws {
        let dir = try TemporaryDirectory()
        let out = dir.file("bureau.xlsx").path, json = dir.file("bureau.json").path
        let result = try JuesuanBinary.run(["consolidate", sample("zezhou-2024-gk10.xlsx"),
                                            Fixtures.url("departments/qingxi-jiaoyu-2024.xlsx").path,
                                            sample("zezhou-2024-gk10-yuan.xlsx"), Fixtures.url("hostile/empty.xlsx").path,
                                            "-o", out, "--report", json, "--name", "某县汇总", "--mappings", mappings])
        XCTAssertEqual(result.status, 1, "one input failed, one was a duplicate: \(result.stdoutText) \(result.stderr)")
        XCTAssertTrue(result.stdoutText.contains("2 个部门"), result.stdoutText)
        XCTAssertTrue(result.stdoutText.contains("zezhou-2024-gk10-yuan.xlsx") && result.stdoutText.contains("allow-duplicates"), result.stdoutText)
        XCTAssertTrue(result.stdoutText.contains("empty.xlsx"), result.stdoutText)
        let sheets = try JuesuanBinary.run(["dump", out, "--sheet", "汇总来源"])
        XCTAssertTrue(sheets.stdoutText.contains("青溪县教育局") && sheets.stdoutText.contains("not included"), sheets.stdoutText)
        XCTAssertEqual(try JuesuanBinary.run(["dump", out, "--sheet", "审核结果"]).status, 0)
        XCTAssertTrue(FileManager.default.fileExists(atPath: json))

        let allowed = try JuesuanBinary.run(["consolidate", sample("zezhou-2024-gk10.xlsx"), sample("zezhou-2024-gk10-yuan.xlsx"),
                                             "-o", dir.file("twice.xlsx").path, "--allow-duplicates", "--mappings", mappings])
        XCTAssertEqual(allowed.status, 0, allowed.stdoutText)
        let dump = try JuesuanBinary.run(["dump", dir.file("twice.xlsx").path, "--sheet", "公开01表"])
        XCTAssertTrue(dump.stdoutText.contains("4859.02"), "2 × 2429.51: \(dump.stdoutText)")
    }

    func testDiffExitStatusAndJSON() throws {
        let same = try JuesuanBinary.run(["diff", sample("zezhou-2024-gk10-yuan.xlsx"), sample("zezhou-2024-gk10-stacked.xlsx"), "--mappings", mappings])
        XCTAssertEqual(same.status, 0, same.stdoutText)
        let other = try JuesuanBinary.run(["diff", sample("zezhou-2024-gk10.xlsx"), Fixtures.url("departments/qingxi-jiaoyu-2024.xlsx").path,
                                           "--format", "json", "--mappings", mappings])
        XCTAssertEqual(other.status, 1)
        let root = try JSONSerialization.jsonObject(with: other.stdout) as? [String: Any]
        XCTAssertGreaterThan((root?["differences"] as? [Any])?.count ?? 0, 10)
        let dir = try TemporaryDirectory()
        let annotated = dir.file("diff.xlsx").path
        let withSheet = try JuesuanBinary.run(["diff", sample("zezhou-2024-gk10.xlsx"), Fixtures.url("departments/qingxi-jiaoyu-2024.xlsx").path,
                                               "--annotate", annotated, "--mappings", mappings])
        XCTAssertEqual(withSheet.status, 1)
        let dump = try ProcessRunner.python("openpyxl_dump.py", [annotated])
        let comments = (try JSONSerialization.jsonObject(with: dump.stdout) as? [String: Any])?["comments"] as? [String: [String: String]]
        XCTAssertTrue(comments?["公开01表"]?.values.contains { $0.contains("原值 / old 2429.51") } == true, "\(comments?["公开01表"] ?? [:])")
    }
}
