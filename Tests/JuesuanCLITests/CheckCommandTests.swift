import Foundation
import TestSupport
import XCTest

/// `juesuan check`, end to end: exit statuses, the JSON of conventions §5, the rule list, --annotate.
final class CheckCommandTests: XCTestCase {
    let mappings = Fixtures.packageRoot.appendingPathComponent("Mappings").path
    func sample(_ name: String) -> String { Fixtures.packageRoot.appendingPathComponent("SampleWorkbooks/\(name)").path }

    func testExitStatusAndJSONShape() throws {
        let clean = try JuesuanBinary.run(["check", sample("zezhou-2024-gk10.xlsx"), "--mappings", mappings])
        XCTAssertEqual(clean.status, 0, "only rounding tails: \(clean.stdoutText)")
        XCTAssertTrue(clean.stdoutText.contains("错误 / errors: 0"), clean.stdoutText)

        let bad = try JuesuanBinary.run(["check", sample("dachuan-2023-sc13.xlsx"), "--format", "json", "--mappings", mappings])
        XCTAssertEqual(bad.status, 1)
        let root = try XCTUnwrap(JSONSerialization.jsonObject(with: bad.stdout) as? [String: Any])
        let findings = try XCTUnwrap(root["findings"] as? [[String: Any]])
        let row = try XCTUnwrap(findings.first { ($0["rule"] as? String) == "T02-ROW-SUM" })
        XCTAssertEqual(row["severity"] as? String, "error")
        XCTAssertEqual(row["expected"] as? String, "654.90")
        XCTAssertEqual(row["actual"] as? String, "692.31")
        XCTAssertEqual((row["locations"] as? [String])?.first, "公开02表!C9")
        XCTAssertNotNil(row["message"] as? String)

        let unreadable = try JuesuanBinary.run(["check", Fixtures.url("hostile/truncated.xlsx").path, "--mappings", mappings])
        XCTAssertEqual(unreadable.status, 2)
    }

    func testAReportJSONIsCheckedWithItsSourceCells() throws {
        let dir = try TemporaryDirectory()
        let json = dir.file("r.json").path
        XCTAssertEqual(try JuesuanBinary.run(["import", sample("dachuan-2023-sc13-stacked.xlsx"), "-o", json, "--mappings", mappings]).status, 0)
        let result = try JuesuanBinary.run(["check", json, "--format", "json", "--mappings", mappings])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stdoutText.contains("决算报表!E51"), "locations are the workbook's cells, from the report's provenance")
    }

    func testRuleListAndReviewWorkbook() throws {
        let list = try JuesuanBinary.run(["check", "--list-rules"])
        XCTAssertEqual(list.status, 0)
        for id in ["T01-BALANCE", "T03-ROW-SUM", "X05-06-BASIC", "NA-HOLDS-NUMBER", "CODE-NAME", "XS05-08-CODE"] {
            XCTAssertTrue(list.stdoutText.contains(id), id)
        }
        let dir = try TemporaryDirectory()
        let out = dir.file("审核.xlsx").path
        let result = try JuesuanBinary.run(["check", sample("dachuan-2023-sc13-yuan.xlsx"), "--annotate", out, "--mappings", mappings])
        XCTAssertEqual(result.status, 1)
        let dump = try JuesuanBinary.run(["dump", out, "--sheet", "审核结果"])
        XCTAssertTrue(dump.stdoutText.contains("T02-ROW-SUM") && dump.stdoutText.contains("公开02表!C9"), dump.stdoutText)
    }
}
