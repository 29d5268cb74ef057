import Foundation
import TestSupport
import XCTest

/// 绩效自评表 end to end: `check` on form workbooks and on a 汇总表 with its forms, `summarize`,
/// `import` of form workbooks, `export --template STYLE`, planted errors in a workbook.
final class FormsCommandTests: XCTestCase {
    let mappings = Fixtures.packageRoot.appendingPathComponent("Mappings").path
    func sample(_ name: String) -> String { Fixtures.packageRoot.appendingPathComponent("SampleWorkbooks/forms/\(name)").path }

    func findings(_ result: ProcessResult) throws -> [[String: Any]] {
        let root = try XCTUnwrap(JSONSerialization.jsonObject(with: result.stdout) as? [String: Any], result.stderr)
        return try XCTUnwrap(root["findings"] as? [[String: Any]])
    }

    func testCheckFindsTheSeedsMistakesInAFormWorkbook() throws {
        let result = try JuesuanBinary.run(["check", sample("dachang-hebei-project-stacked.xlsx"), "--format", "json", "--mappings", mappings])
        XCTAssertEqual(result.status, 1, result.stderr)
        let list = try findings(result)
        let poor = try XCTUnwrap(list.first { ($0["rule"] as? String) == "F-SCORE-SUM" && ($0["message"] as? String)?.contains("特困干警补贴") == true })
        XCTAssertEqual(poor["severity"] as? String, "error")
        XCTAssertEqual(poor["expected"] as? String, "0")
        XCTAssertEqual(poor["actual"] as? String, "70")
        XCTAssertTrue(((poor["locations"] as? [String])?.first ?? "").hasPrefix("自评表!K"))

        let text = try JuesuanBinary.run(["check", sample("zezhou-shanxi-project-sheets.xlsx"), "--mappings", mappings])
        XCTAssertEqual(text.status, 1)
        XCTAssertTrue(text.stdoutText.contains("F-WEIGHT-SUM"), text.stdoutText)

        let rules = try JuesuanBinary.run(["check", "--list-rules", "--mappings", mappings])
        XCTAssertEqual(rules.status, 0)
        for id in ["F-EXEC-RATE", "F-BALANCE", "F-WEIGHT-SUM", "F-SCORE-SUM", "F-SCORE-LIMIT", "F-GRADE", "S-ROW-FORM", "T03-ROW-SUM"] {
            XCTAssertTrue(rules.stdoutText.contains(id), id)
        }
    }

    func testCheckASummaryAgainstItsForms() throws {
        let result = try JuesuanBinary.run(["check", sample("dachang-hebei-summary.xlsx"), sample("dachang-hebei-project-sheets.xlsx"),
                                            "--format", "json", "--mappings", mappings])
        XCTAssertEqual(result.status, 1, result.stderr)
        let rows = try findings(result).filter { ($0["rule"] as? String) == "S-ROW-FORM" }
        XCTAssertEqual(rows.count, 3)
        let brave = try XCTUnwrap(rows.first { ($0["locations"] as? [String])?.first == "汇总表!F6" })
        XCTAssertEqual(brave["expected"] as? String, "70")
        XCTAssertEqual(brave["actual"] as? String, "65")
        XCTAssertEqual((brave["locations"] as? [String])?.last, "表3!K19")
        XCTAssertTrue(rows.contains { ($0["locations"] as? [String])?.first == "汇总表!G8" && ($0["expected"] as? String) == "中" })

        // the summary alone is consistent in itself
        let alone = try JuesuanBinary.run(["check", sample("dachang-hebei-summary.xlsx"), "--mappings", mappings])
        XCTAssertEqual(alone.status, 0, alone.stdoutText + alone.stderr)
    }

    func testSummarizeRebuildsThePublishedSummary() throws {
        let dir = try TemporaryDirectory()
        let out = dir.file("summary.xlsx").path
        let result = try JuesuanBinary.run(["summarize", sample("dachang-hebei-project-sheets.xlsx"), "-o", out,
                                            "--fund-type", "县级专项项目", "--mappings", mappings])
        XCTAssertEqual(result.status, 0, result.stderr)
        // read back through the form reader and compare with the published 汇总表, cell by cell
        let rebuilt = try JuesuanBinary.run(["import", out, "--mappings", mappings])
        XCTAssertEqual(rebuilt.status, 0, rebuilt.stderr)
        let published = try JuesuanBinary.run(["import", sample("dachang-hebei-summary.xlsx"), "--mappings", mappings])
        func rows(_ r: ProcessResult) throws -> [[String: Any]] {
            let root = try XCTUnwrap(JSONSerialization.jsonObject(with: r.stdout) as? [String: Any])
            let summaries = try XCTUnwrap(root["summaries"] as? [[String: Any]])
            return try XCTUnwrap(summaries.first?["rows"] as? [[String: Any]])
        }
        func value(_ row: [String: Any], _ key: String) -> String? {
            if let n = row[key] as? [String: Any] { return n["value"] as? String }
            if let t = row[key] as? [String: Any] { return t["text"] as? String }
            return row[key] as? String
        }
        let a = try rows(rebuilt), b = try rows(published)
        XCTAssertEqual(a.count, 11)
        XCTAssertEqual(a.count, b.count)
        for (x, y) in zip(a, b) {
            for key in ["number", "project", "budget", "executed", "fundType"] {
                XCTAssertEqual(value(x, key), value(y, key), "\(key) of \(value(y, "project") ?? "")")
            }
            let number = value(y, "number")
            if number == "3" || number == "5" {
                XCTAssertNotEqual(value(x, "score"), value(y, "score"), "the published row \(number ?? "") disagrees with its form")
            } else {
                XCTAssertEqual(value(x, "score"), value(y, "score"))
                XCTAssertEqual((x["grade"] as? [String: Any])?["text"] as? String, (y["grade"] as? [String: Any])?["text"] as? String)
            }
        }
        // and the rebuilt summary agrees with its forms
        let check = try JuesuanBinary.run(["check", out, sample("dachang-hebei-project-stacked.xlsx"), "--format", "json", "--mappings", mappings])
        XCTAssertFalse(try findings(check).contains { ($0["rule"] as? String)?.hasPrefix("S-") == true }, check.stdoutText)

        // existing output refused without --force; no input: usage error
        let again = try JuesuanBinary.run(["summarize", sample("dachang-hebei-project-sheets.xlsx"), "-o", out, "--mappings", mappings])
        XCTAssertEqual(again.status, 2)
        XCTAssertTrue(again.stderr.contains("--force"), again.stderr)
        XCTAssertEqual(try JuesuanBinary.run(["summarize", "-o", out]).status, 64)
    }

    func testAPlantedErrorInAWorkbookIsFoundAtItsCell() throws {
        let dir = try TemporaryDirectory()
        let planted = dir.file("planted.xlsx").path
        // 社会治安综合治理工作经费 (sheet 表1) is consistent; make its 宣传品合格率 score 12 of 10
        let script = """
        import sys, openpyxl
        wb = openpyxl.load_workbook(sys.argv[1])
        ws = wb["表1"]
        for row in ws.iter_rows():
            for c in row:
                if c.value == "宣传品合格率":
                    ws.cell(row=c.row, column=11).value = 12
        ws2 = wb["表2"]
        for row in ws2.iter_rows():
            for c in row:
                if c.value == "执行数" and c.column == 6:
                    ws2.cell(row=c.row, column=7).value = 300
        ws3 = wb["表3"]
        for row in ws3.iter_rows():
            for c in row:
                if c.value == "到位数":
                    ws3.cell(row=c.row, column=c.column + 1).value = "一万元"
        wb.save(sys.argv[2])
        """
        let made = try ProcessRunner.run("/usr/bin/env", ["python3", "-c", script, sample("dachang-hebei-project-sheets.xlsx"), planted])
        XCTAssertEqual(made.status, 0, made.stderr)
        let result = try JuesuanBinary.run(["check", planted, "--format", "json", "--mappings", mappings])
        XCTAssertEqual(result.status, 1)
        let list = try findings(result)
        XCTAssertTrue(list.contains { ($0["rule"] as? String) == "F-SCORE-LIMIT" && ($0["locations"] as? [String])?.first == "表1!K13" })
        XCTAssertTrue(list.contains { ($0["rule"] as? String) == "F-SCORE-SUM" && ($0["locations"] as? [String])?.first == "表1!K19" })
        let rate = try XCTUnwrap(list.first { ($0["rule"] as? String) == "F-EXEC-RATE" && ($0["locations"] as? [String])?.first == "表2!H5" })
        XCTAssertEqual(rate["expected"] as? String, "87.0%")   // 300 / 344.83
        XCTAssertEqual(rate["severity"] as? String, "error")
        XCTAssertTrue(list.contains { ($0["rule"] as? String) == "F-FUND-SUM" && ($0["locations"] as? [String])?.first == "表2!G5" })
        let text = try XCTUnwrap(list.first { ($0["rule"] as? String) == "F-CELL" }, "text where an amount belongs")
        XCTAssertEqual(text["locations"] as? [String], ["表3!E5"])
        XCTAssertTrue((text["message"] as? String)?.contains("一万元") == true)
    }

    func testANewUsersWorkbookInAnotherLayoutIsReadByItsLabels() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("other.xlsx").path
        let made = try ProcessRunner.run("/usr/bin/env", ["python3", Fixtures.url("forms/make_other_department.py").path, path])
        XCTAssertEqual(made.status, 0, made.stderr)
        let result = try JuesuanBinary.run(["check", path, "--format", "json", "--mappings", mappings])
        XCTAssertEqual(result.status, 1)
        let errors = try findings(result).filter { ($0["severity"] as? String) == "error" }
        XCTAssertEqual(errors.count, 1, "only the planted error: \(errors)")
        XCTAssertEqual(errors.first?["rule"] as? String, "F-SCORE-LIMIT")
        XCTAssertEqual(errors.first?["locations"] as? [String], ["Sheet1!M19", "Sheet1!L19"])
        let imported = try JuesuanBinary.run(["import", path, "--mappings", mappings])
        let root = try XCTUnwrap(JSONSerialization.jsonObject(with: imported.stdout) as? [String: Any])
        let form = try XCTUnwrap((root["forms"] as? [[String: Any]])?.first)
        XCTAssertEqual(form["style"] as? String, "sichuan-project")
        XCTAssertEqual(form["project"] as? String, "普法宣传经费")
        let total = try XCTUnwrap((form["funds"] as? [[String: Any]])?.first)
        XCTAssertEqual(((total["amounts"] as? [String: Any])?["executed"] as? [String: Any])?["value"] as? String, "108000")
        XCTAssertEqual((total["rate"] as? [String: Any])?["value"] as? String, "90")
    }

    func testImportAndExportRoundTripEveryStyle() throws {
        let dir = try TemporaryDirectory()
        for (name, style) in [("dachang-hebei-project-sheets.xlsx", "hebei-project"), ("luzhou-sichuan-project-stacked.xlsx", "sichuan-project"),
                              ("dachuan-sichuan-project-sheets.xlsx", "sichuan-project"), ("zezhou-shanxi-project-stacked.xlsx", "shanxi-project")] {
            let json = dir.file("\(style).json").path
            let first = try JuesuanBinary.run(["import", sample(name), "-o", json, "--force", "--mappings", mappings])
            XCTAssertEqual(first.status, 0, first.stderr)
            let out = dir.file("\(style).xlsx").path
            let export = try JuesuanBinary.run(["export", json, "--template", style, "-o", out, "--force", "--mappings", mappings])
            XCTAssertEqual(export.status, 0, export.stderr)
            let again = try JuesuanBinary.run(["import", out, "--mappings", mappings])
            XCTAssertEqual(again.status, 0, again.stderr)
            let a = try canonical(Data(contentsOf: URL(fileURLWithPath: json))), b = try canonical(again.stdout)
            XCTAssertEqual(a, b, "\(name): import → export → import")
        }
    }

    func testConvertingBetweenStylesNamesWhatCannotBeCarried() throws {
        let dir = try TemporaryDirectory()
        let json = dir.file("luzhou.json").path
        XCTAssertEqual(try JuesuanBinary.run(["import", sample("luzhou-sichuan-project-sheets.xlsx"), "-o", json, "--mappings", mappings]).status, 0)
        let out = dir.file("hebei.xlsx").path
        let export = try JuesuanBinary.run(["export", json, "--template", "hebei-project", "-o", out, "--mappings", mappings])
        XCTAssertEqual(export.status, 0, export.stderr)
        XCTAssertTrue(export.stderr.contains("hebei-project 样式没有“财政专户管理资金”"), export.stderr)
        let again = try JuesuanBinary.run(["import", out, "--mappings", mappings])
        let root = try XCTUnwrap(JSONSerialization.jsonObject(with: again.stdout) as? [String: Any])
        let forms = try XCTUnwrap(root["forms"] as? [[String: Any]])
        XCTAssertEqual(forms.count, 13)
        XCTAssertEqual(forms.first?["style"] as? String, "hebei-project")
        let funds = try XCTUnwrap(forms.first?["funds"] as? [[String: Any]])
        let total = try XCTUnwrap(funds.first { ($0["id"] as? String) == "total" }?["amounts"] as? [String: Any])
        XCTAssertEqual((total["budget"] as? [String: Any])?["value"] as? String, "232800")
        XCTAssertEqual((total["executed"] as? [String: Any])?["value"] as? String, "211400")

        // the execution score (总额 权重 10, 得分 implied) becomes the Hebei 预算执行率 indicator: Σ 分值 = 100 again
        let first = try XCTUnwrap(forms.first?["indicators"] as? [[String: Any]])
        XCTAssertEqual(first.last?["level3"] as? String, "预算执行进度")
        XCTAssertTrue(export.stderr.contains("预算执行率"), export.stderr)
        let check = try JuesuanBinary.run(["check", out, "--format", "json", "--mappings", mappings])
        XCTAssertFalse(try findings(check).contains { ($0["rule"] as? String) == "F-WEIGHT-SUM" && (($0["locations"] as? [String])?.first ?? "").hasPrefix("表1!") },
                       check.stdoutText)

        let unknown = try JuesuanBinary.run(["export", json, "--template", "no-such-style", "-o", dir.file("x.xlsx").path, "--mappings", mappings])
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(unknown.stderr.contains("hebei-project"), unknown.stderr)
    }

    /// The forms JSON without cell addresses, sources and printed label spellings (the exported
    /// layout puts values elsewhere and prints each label as the style's mapping file names it).
    func canonical(_ data: Data) throws -> String {
        func strip(_ value: Any) -> Any {
            if let dict = value as? [String: Any] {
                var out: [String: Any] = [:]
                for (k, v) in dict where !["cell", "sheet", "source", "printed", "title", "label"].contains(k) { out[k] = strip(v) }
                return out
            }
            if let list = value as? [Any] { return list.map(strip) }
            return value
        }
        let object = strip(try JSONSerialization.jsonObject(with: data))
        return String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .prettyPrinted]), as: UTF8.self)
    }
}
