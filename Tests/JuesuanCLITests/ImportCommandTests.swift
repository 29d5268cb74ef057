import Foundation
import TestSupport
import XCTest

/// `templates`, `inspect` and `import`, end to end through the executable.
final class ImportCommandTests: XCTestCase {
    let sample = Fixtures.packageRoot.appendingPathComponent("SampleWorkbooks/zezhou-2024-gk10-stacked.xlsx").path
    let mappings = Fixtures.packageRoot.appendingPathComponent("Mappings").path

    func testTemplatesListsBothSetsFromTheMappingFiles() throws {
        let result = try JuesuanBinary.run(["templates", "--mappings", mappings])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdoutText.contains("gk10-2024（10 张表"), result.stdoutText)
        XCTAssertTrue(result.stdoutText.contains("13  公开 13 表  十三、财政拨款“三公”经费支出决算表"), result.stdoutText)
        let json = try JuesuanBinary.run(["templates", "--format", "json", "--mappings", mappings])
        let root = try JSONSerialization.jsonObject(with: json.stdout) as? [String: Any]
        XCTAssertEqual((root?["sets"] as? [[String: Any]])?.count, 2)
    }

    func testImportWritesTheReportJSON() throws {
        let dir = try TemporaryDirectory()
        let out = dir.file("report.json").path
        let result = try JuesuanBinary.run(["import", sample, "-o", out, "--mappings", mappings])
        XCTAssertEqual(result.status, 0, result.stderr)
        let report = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out))) as? [String: Any])
        XCTAssertEqual(report["schema"] as? String, "juesuan-report/1")
        XCTAssertEqual(report["fiscalYear"] as? Int, 2024)
        let statements = try XCTUnwrap(report["statements"] as? [[String: Any]])
        XCTAssertEqual(statements.count, 10)
        // 01 行次 1, 2429.51 万元, kept as an exact string in 元, with its source cell.
        let summary = try XCTUnwrap(statements.first { ($0["kind"] as? String) == "summary" })
        let row = try XCTUnwrap((summary["rows"] as? [[String: Any]])?.first { ($0["line"] as? Int) == 1 })
        let value = try XCTUnwrap((row["values"] as? [String: Any])?["amount"] as? [String: Any])
        XCTAssertEqual(value["amount"] as? String, "24295100")
        // The stacked sample holds every table on one sheet, 决算报表: the source cell names it.
        XCTAssertTrue((value["cell"] as? String)?.hasPrefix("决算报表!") == true, "\(value)")

        // An existing output is kept unless --force; the input is never overwritten.
        let again = try JuesuanBinary.run(["import", sample, "-o", out, "--mappings", mappings])
        XCTAssertEqual(again.status, 2)
        XCTAssertTrue(again.stderr.contains("--force"), again.stderr)
        XCTAssertEqual(try JuesuanBinary.run(["import", sample, "-o", out, "--force", "--mappings", mappings]).status, 0)
        let copy = dir.file("copy.xlsx").path
        try FileManager.default.copyItem(atPath: sample, toPath: copy)
        let before = try Data(contentsOf: URL(fileURLWithPath: copy))
        let overwrite = try JuesuanBinary.run(["import", copy, "-o", copy, "--force", "--mappings", mappings])
        XCTAssertEqual(overwrite.status, 2)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: copy)), before)
    }

    func testInspectExplainsWhatWasFoundAndWhere() throws {
        let result = try JuesuanBinary.run(["inspect", sample, "--mappings", mappings])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdoutText.contains("模板集 / template set: gk10-2024"), result.stdoutText)
        XCTAssertTrue(result.stdoutText.contains("tables found (10)"), result.stdoutText)
        XCTAssertTrue(result.stdoutText.contains("gk10-2024/06 公开06表 一般公共预算财政拨款基本支出决算明细表"), result.stdoutText)
    }

    func testAWorkbookOfAnUnknownLayoutExitsWith2() throws {
        let other = Fixtures.url("workbook/openpyxl-values.xlsx").path
        for command in ["inspect", "import"] {
            let result = try JuesuanBinary.run([command, other, "--mappings", mappings])
            XCTAssertEqual(result.status, 2, result.stderr)
            XCTAssertTrue(result.stderr.contains("openpyxl-values.xlsx") && result.stderr.contains("no table of a known layout"), result.stderr)
        }
    }

    func testTextWhereAnAmountBelongsIsAnErrorNamingTheCell() throws {
        let file = Fixtures.url("departments/text-in-amount.xlsx").path
        let result = try JuesuanBinary.run(["import", file, "--mappings", mappings])
        XCTAssertEqual(result.status, 1, "done, but the data has a problem: \(result.stderr)")
        XCTAssertTrue(result.stderr.contains("公开03表!E16") && result.stderr.contains("见附表"), result.stderr)
        XCTAssertFalse(result.stdout.isEmpty, "the report is still written")
        let unknown = try JuesuanBinary.run(["import", Fixtures.url("departments/unknown-layout.xlsx").path, "--mappings", mappings])
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(unknown.stderr.contains("unknown-layout.xlsx"), unknown.stderr)
    }

    func testAnInvalidMappingFileIsNamedWithItsLine() throws {
        let dir = try TemporaryDirectory()
        try "format: juesuan-mapping/1\nset: x\ntable: \"01\"\ncode: c\ntitle: t\nstatement: nonsense\nblocks: []\n"
            .write(to: dir.file("broken.yaml"), atomically: true, encoding: .utf8)
        let result = try JuesuanBinary.run(["inspect", sample, "--mappings", dir.url.path])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("broken.yaml 第 6 行") && result.stderr.contains("nonsense"), result.stderr)
    }

    func testMappingsFromTheEnvironment() throws {
        let result = try ProcessRunner.run(JuesuanBinary.path, ["templates"], environment: ["JUESUAN_MAPPINGS": "/nonexistent-a:" + mappings])
        XCTAssertEqual(result.status, 2, "a folder on the path that does not exist is an error")
        XCTAssertTrue(result.stderr.contains("/nonexistent-a"), result.stderr)
        let ok = try ProcessRunner.run(JuesuanBinary.path, ["templates"], environment: ["JUESUAN_MAPPINGS": mappings])
        XCTAssertEqual(ok.status, 0, ok.stderr)
    }
}
