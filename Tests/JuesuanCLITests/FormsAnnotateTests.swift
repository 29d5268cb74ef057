import Foundation
import TestSupport
import XCTest

/// `check --annotate` on form workbooks (the review workbook, read back with openpyxl), and
/// `--mappings` folders holding form styles only, or nothing.
final class FormsAnnotateTests: XCTestCase {
    let mappings = Fixtures.packageRoot.appendingPathComponent("Mappings").path
    func corpus(_ name: String) -> String { Fixtures.url("forms-departments/\(name)").path }

    /// Reads the review workbook: the 审核结果 rows, and every comment with its sheet, cell and the
    /// value of that cell.
    func review(_ path: String) throws -> [String: Any] {
        let script = """
        import json, sys, openpyxl
        wb = openpyxl.load_workbook(sys.argv[1])
        out = {"sheets": wb.sheetnames, "comments": [], "rows": []}
        for ws in wb.worksheets:
            for row in ws.iter_rows():
                for c in row:
                    if c.comment is not None:
                        fill = c.fill.fgColor.rgb if c.fill is not None and c.fill.fill_type else None
                        out["comments"].append({"sheet": ws.title, "cell": c.coordinate, "text": c.comment.text,
                                                "value": None if c.value is None else str(c.value), "fill": fill})
        ws = wb[wb.sheetnames[0]]
        for row in ws.iter_rows(min_row=3, values_only=True):
            out["rows"].append(["" if v is None else str(v) for v in row])
        print(json.dumps(out, ensure_ascii=False))
        """
        let result = try ProcessRunner.run("/usr/bin/env", ["python3", "-c", script, path])
        XCTAssertEqual(result.status, 0, result.stderr)
        return try XCTUnwrap(JSONSerialization.jsonObject(with: result.stdout) as? [String: Any])
    }

    func comments(_ review: [String: Any]) -> [[String: String]] {
        (review["comments"] as? [[String: Any]] ?? []).map { $0.compactMapValues { $0 as? String } }
    }

    func testAnnotateWritesTheReviewWorkbookOfAFormWorkbook() throws {
        let dir = try TemporaryDirectory()
        let out = dir.file("审核.xlsx").path
        // 结余 3.4 planted on 表1 (I10, where 30 − 27.6 = 2.4), grade 良 on 表2 (M19), 总分 81.5 on 表3 (L19)
        let input = corpus("jincheng-shanxi-project-shifted.xlsx")
        let result = try JuesuanBinary.run(["check", input, "--annotate", out, "--mappings", mappings])
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertFalse(result.stderr.contains("不支持"), result.stderr)
        let book = try review(out)
        XCTAssertEqual((book["sheets"] as? [String])?.first, "审核结果")
        XCTAssertEqual((book["sheets"] as? [String])?.count, 4, "审核结果 and the three forms")
        let notes = comments(book)
        // each planted error's comment sits on the cell drawn from the wrong value, which it holds
        let balance = try XCTUnwrap(notes.first { $0["text"]?.contains("F-BALANCE") == true && $0["text"]?.contains("来源单元格 / source cell：表1!I10") == true },
                                    "\(notes)")
        XCTAssertEqual(balance["value"], "3.4")
        XCTAssertEqual(balance["fill"], "FFFFFF00", "highlighted")
        let grade = try XCTUnwrap(notes.first { $0["text"]?.contains("F-GRADE") == true && $0["text"]?.contains("表2!M19") == true })
        XCTAssertEqual(grade["value"], "良")
        let total = try XCTUnwrap(notes.first { $0["text"]?.contains("F-SCORE-SUM") == true && $0["text"]?.contains("表3!L19") == true })
        XCTAssertEqual(total["value"], "81.5")
        XCTAssertNotEqual(balance["sheet"], total["sheet"], "each form on its own sheet")
        // the 审核结果 sheet lists the three errors, each with a link to its drawn cell
        let rows = try XCTUnwrap(book["rows"] as? [[String]])
        let listed = rows.filter { $0.count > 7 && $0[1] == "错误" }
        XCTAssertEqual(Set(listed.map { $0[2] }), ["F-BALANCE", "F-GRADE", "F-SCORE-SUM"])
        XCTAssertTrue(listed.allSatisfy { $0[7].contains("HYPERLINK") }, "\(listed)")

        // never over an input, never over an existing file without --force
        let again = try JuesuanBinary.run(["check", input, "--annotate", out, "--mappings", mappings])
        XCTAssertEqual(again.status, 2, again.stderr)
        let self_ = try JuesuanBinary.run(["check", input, "--annotate", input, "--force", "--mappings", mappings])
        XCTAssertEqual(self_.status, 2)
        XCTAssertTrue(self_.stderr.contains("拒绝覆盖"), self_.stderr)
    }

    func testAnnotateASummaryAgainstItsForms() throws {
        let dir = try TemporaryDirectory()
        let out = dir.file("review.xlsx").path
        let result = try JuesuanBinary.run(["check", corpus("xianghe-hebei-summary.xlsx"), corpus("xianghe-hebei-project-sheets.xlsx"),
                                            "--annotate", out, "--mappings", mappings])
        XCTAssertEqual(result.status, 1, result.stderr)
        let notes = comments(try review(out))
        // 汇总表 全年执行数 2.8 for 刑满释放人员安置帮教, whose form says 2.4 (汇总表!D8)
        let row = try XCTUnwrap(notes.first { $0["text"]?.contains("S-ROW-FORM") == true && $0["text"]?.contains("汇总表!D8") == true }, "\(notes)")
        XCTAssertEqual(row["value"], "2.8")
        XCTAssertEqual(row["sheet"], "汇总表")
        // Σ 分值 105 on the second form: on its 自评总分 line (表2!A17)
        XCTAssertTrue(notes.contains { $0["text"]?.contains("F-WEIGHT-SUM") == true && $0["text"]?.contains("表2!A17") == true && $0["value"] == "自评总分" })
    }

    func testAFolderOfFormMappingsOnlyIsAccepted() throws {
        let dir = try TemporaryDirectory()
        let forms = dir.file("only-forms")
        try FileManager.default.createDirectory(at: forms, withIntermediateDirectories: true)
        for style in ["sichuan-project", "hebei-project"] {
            try FileManager.default.copyItem(at: Fixtures.packageRoot.appendingPathComponent("Mappings/forms/\(style).yaml"),
                                             to: forms.appendingPathComponent("\(style).yaml"))
        }
        let check = try JuesuanBinary.run(["check", corpus("yibin-sichuan-project-clean.xlsx"), "--format", "json", "--mappings", forms.path])
        XCTAssertEqual(check.status, 0, check.stderr)
        let imported = try JuesuanBinary.run(["import", corpus("xianghe-hebei-project-clean.xlsx"), "--mappings", forms.path])
        XCTAssertEqual(imported.status, 0, imported.stderr)
        XCTAssertTrue(imported.stdoutText.contains("juesuan-forms/1"))

        let empty = dir.file("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        try "not a mapping".write(to: empty.appendingPathComponent("README.txt"), atomically: true, encoding: .utf8)
        let refused = try JuesuanBinary.run(["check", corpus("yibin-sichuan-project-clean.xlsx"), "--mappings", empty.path])
        XCTAssertEqual(refused.status, 2)
        XCTAssertTrue(refused.stderr.contains("映射文件夹 \(empty.path) 中既没有决算表映射文件，也没有绩效自评表映射文件"), refused.stderr)
    }
}
