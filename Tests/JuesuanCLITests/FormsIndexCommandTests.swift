import Foundation
import TestSupport
import XCTest

/// The indicator tables with weights and scores end to end: `import` gives them in the forms JSON,
/// `check` passes the seed's (exit 0) and finds a planted mistake at its cell (exit 1), `export
/// --template sichuan-fund-index` writes them again, `check --annotate` flags the drawn cell.
final class FormsIndexCommandTests: XCTestCase {
    let mappings = Fixtures.packageRoot.appendingPathComponent("Mappings").path
    func sample(_ name: String) -> String { Fixtures.packageRoot.appendingPathComponent("SampleWorkbooks/forms/\(name)").path }

    func testImportCheckAndExportIndexTables() throws {
        let dir = try TemporaryDirectory()
        for name in ["dachuan-sichuan-department-index-stacked.xlsx", "dachuan-sichuan-fund-index-sheets.xlsx"] {
            let check = try JuesuanBinary.run(["check", sample(name), "--format", "json", "--mappings", mappings])
            XCTAssertEqual(check.status, 0, check.stdoutText + check.stderr)
        }
        let json = dir.file("fund.json").path
        XCTAssertEqual(try JuesuanBinary.run(["import", sample("dachuan-sichuan-fund-index-stacked.xlsx"), "-o", json, "--mappings", mappings]).status, 0)
        // plant a score above its 10% weight (资金结余★ of the first table) in the JSON, export, check
        var root = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json))) as? [String: Any])
        var tables = try XCTUnwrap(root["indexForms"] as? [[String: Any]])
        XCTAssertEqual(tables.count, 7)
        var rows = try XCTUnwrap(tables[0]["rows"] as? [[String: Any]])
        let k = try XCTUnwrap(rows.firstIndex { (($0["labels"] as? [String: Any])?["level2"] as? [String: Any])?["text"] as? String == "资金结余★" })
        var score = try XCTUnwrap(rows[k]["score"] as? [String: Any])
        score["value"] = "11"
        rows[k]["score"] = score
        tables[0]["rows"] = rows
        root["indexForms"] = tables
        try JSONSerialization.data(withJSONObject: root).write(to: URL(fileURLWithPath: json))
        let out = dir.file("fund.xlsx").path
        let export = try JuesuanBinary.run(["export", json, "--template", "sichuan-fund-index", "-o", out, "--mappings", mappings])
        XCTAssertEqual(export.status, 0, export.stderr)
        let check = try JuesuanBinary.run(["check", out, "--format", "json", "--mappings", mappings])
        XCTAssertEqual(check.status, 1, check.stdoutText)
        let findings = try XCTUnwrap((try JSONSerialization.jsonObject(with: check.stdout) as? [String: Any])?["findings"] as? [[String: Any]])
        let errors = findings.filter { ($0["severity"] as? String) == "error" }
        XCTAssertEqual(Set(errors.compactMap { $0["rule"] as? String }), ["F-SCORE-LIMIT", "F-SCORE-SUM"], check.stdoutText)
        let limit = try XCTUnwrap(errors.first { ($0["rule"] as? String) == "F-SCORE-LIMIT" })
        XCTAssertEqual(limit["actual"] as? String, "11")
        XCTAssertEqual((limit["locations"] as? [String])?.first?.hasPrefix("指标体系1!B"), true, "\(limit)")
        // the review workbook: the comment naming F-SCORE-LIMIT sits, highlighted, on the drawn score 11
        let review = dir.file("审核.xlsx").path
        let annotated = try JuesuanBinary.run(["check", out, "--annotate", review, "--mappings", mappings])
        XCTAssertEqual(annotated.status, 1, annotated.stderr)
        let script = """
        import json, sys, openpyxl
        wb = openpyxl.load_workbook(sys.argv[1])
        notes = [{"sheet": ws.title, "cell": c.coordinate, "value": str(c.value), "text": c.comment.text,
                  "fill": c.fill.fgColor.rgb if c.fill.fill_type else None}
                 for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.comment is not None]
        print(json.dumps({"sheets": wb.sheetnames, "notes": notes}, ensure_ascii=False))
        """
        let read = try ProcessRunner.run("/usr/bin/env", ["python3", "-c", script, review])
        XCTAssertEqual(read.status, 0, read.stderr)
        let book = try XCTUnwrap(JSONSerialization.jsonObject(with: read.stdout) as? [String: Any])
        XCTAssertEqual((book["sheets"] as? [String])?.count, 8, "审核结果 and the seven tables")
        let notes = try XCTUnwrap(book["notes"] as? [[String: Any]])
        let flagged = try XCTUnwrap(notes.first { ($0["value"] as? String) == "11" }, "\(notes)")
        XCTAssertTrue((flagged["text"] as? String)?.contains("F-SCORE-LIMIT") == true, "\(flagged)")
        XCTAssertEqual(flagged["fill"] as? String, "FFFFFF00")
        XCTAssertTrue((flagged["text"] as? String)?.contains("来源单元格 / source cell：指标体系1!") == true, "\(flagged)")

        // the same JSON checked directly names the cells it was read from
        let direct = try JuesuanBinary.run(["check", json, "--format", "json", "--mappings", mappings])
        XCTAssertEqual(direct.status, 1, direct.stdoutText)
        XCTAssertTrue(direct.stdoutText.contains("自评表!B"), direct.stdoutText)
    }
}
