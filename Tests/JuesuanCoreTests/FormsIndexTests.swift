import Foundation
import JuesuanCore
import SpreadsheetKit
import TestSupport
import XCTest

/// The indicator tables with weights and scores (部门整体支出绩效评价指标体系, 专项资金预算项目绩效评价指标体系) and
/// the 年度主要任务 of the 部门整体 form: every value of the sample workbooks equals the transcription
/// of the seed (Tests/Fixtures/forms/transcribe_forms.py), the 部门整体 score is rescaled to 100
/// explicitly, import → export → import is stable, the seed's own sums hold (no error) while
/// planted mistakes are found by their rules.
final class FormsIndexTests: XCTestCase {
    static var catalog: MappingCatalog { FormsTests.catalog }

    static func read(_ name: String) throws -> FormsDocument {
        var reader = FormReader(catalog: catalog)
        let document = try reader.readFile(FormsTests.sample(name))
        XCTAssertEqual(reader.issues, [], "\(name): unreadable cells")
        return document
    }

    static func printed(_ name: String) throws -> [[String: Any]] {
        try XCTUnwrap(try FormsTests.transcription(name)["forms"] as? [[String: Any]])
    }

    func norm(_ s: String?) -> String { LabelNormalizer.normalize(s ?? "") }

    /// "20%" → 20, "5" → 5, "" → nil.
    func number(_ printed: String?) -> Amount? {
        guard var text = printed, !text.isEmpty else { return nil }
        if text.hasSuffix("%") { text.removeLast() }
        return Amount(text)
    }

    // MARK: every value equals the transcription

    func testEveryIndexTableReadsAsTheSeedPrintsIt() throws {
        var rowsCompared = 0, valuesCompared = 0
        for (name, style) in [("dachuan-sichuan-department-index", "sichuan-department-index"), ("dachuan-sichuan-fund-index", "sichuan-fund-index")] {
            let expectedForms = try Self.printed(name)
            for variant in ["sheets", "stacked"] {
                let document = try Self.read("\(name)-\(variant).xlsx")
                XCTAssertTrue(document.forms.isEmpty && document.summaries.isEmpty)
                let tables = try XCTUnwrap(document.indexForms)
                XCTAssertEqual(tables.count, expectedForms.count, "\(name)-\(variant): number of tables")
                if variant == "sheets" { XCTAssertEqual(tables.map(\.sheet), (1...tables.count).map { "表\($0)" }, "one per sheet, in order") }
                for (table, expected) in zip(tables, expectedForms) {
                    let what = "\(name)-\(variant) \(table.project)"
                    XCTAssertEqual(table.style, style)
                    XCTAssertEqual(norm(table.title), norm(expected["title"] as? String), what)
                    XCTAssertEqual(table.project, expected["project"] as? String, what)
                    let total = try XCTUnwrap(expected["total"] as? [String: String])
                    XCTAssertEqual(table.total.weight?.value, number(total["weight"]), "\(what) 得分合计 weight")
                    XCTAssertEqual(table.total.score?.value, number(total["score"]), "\(what) 得分合计 score")
                    XCTAssertEqual(norm(table.total.note?.text), norm(total["note"]), "\(what) 得分合计 note")
                    if let scale = expected["scale"] as? [String] {
                        XCTAssertEqual(table.scale?.map(\.value), scale.compactMap { Amount($0) }, "\(what) scale")
                    }
                    let rows = try XCTUnwrap(expected["rows"] as? [[String: Any]])
                    XCTAssertEqual(table.rows.count, rows.count, "\(what): rows")
                    for (row, printed) in zip(table.rows, rows) {
                        let at = "\(what) seed line \(printed["line"] ?? "")"
                        let labels = try XCTUnwrap(printed["labels"] as? [String: String])
                        for (id, text) in labels {
                            XCTAssertEqual(norm(row.labels[id]?.text), norm(text), "\(at) \(id)")
                            valuesCompared += 1
                        }
                        XCTAssertEqual(Set(row.labels.keys).subtracting(labels.keys), [], "\(at): labels the seed does not print")
                        XCTAssertEqual(row.weight?.value, number(printed["weight"] as? String), "\(at) weight")
                        XCTAssertEqual(row.score?.value, number(printed["score"] as? String), "\(at) score")
                        XCTAssertEqual(Set(row.marks.keys), Set(printed["marks"] as? [String] ?? []), "\(at) √ marks")
                        XCTAssertTrue(row.marks.values.allSatisfy { $0.text == "√" }, at)
                        XCTAssertEqual(norm(row.formula?.text), norm(printed["formula"] as? String), "\(at) formula")
                        let levels = (printed["levels"] as? [String: String]) ?? [:]
                        XCTAssertEqual(Dictionary(uniqueKeysWithValues: (row.levels ?? []).map { ($0.factor, norm($0.text)) }),
                                       Dictionary(uniqueKeysWithValues: levels.map { (Amount($0.key)!, norm($0.value)) }), "\(at) levels")
                        if let scored = printed["self_scored"] as? Bool { XCTAssertEqual(row.counted, scored, "\(at) self-scored") }
                        // every value keeps its cell
                        for cell in [row.weight?.cell, row.score?.cell] + row.labels.values.map(\.cell) + row.marks.values.map(\.cell) {
                            if let cell { XCTAssertTrue(cell.hasPrefix(table.sheet + "!") || cell.hasPrefix("'\(table.sheet)'!"), "\(at): \(cell)") }
                        }
                        valuesCompared += 4 + levels.count
                        rowsCompared += 1
                    }
                }
            }
        }
        // 16 rows of the 部门整体 table and 22 + 22 + 22 + 21 + 22 + 21 + 23 of the seven 专项资金 tables, twice
        XCTAssertEqual(rowsCompared, 2 * (16 + 153))
        XCTAssertGreaterThan(valuesCompared, 3000)
    }

    func testTheWeightMergedOverSeveralRowsCoversThemAll() throws {
        let table = try XCTUnwrap(try Self.read("dachuan-sichuan-fund-index-sheets.xlsx").indexForms?.first)
        // "20%" over 区域均衡性 / 对象公平性★ / 社会满意度 scoring 7 / 7 / 6: one weight, three scores
        let start = try XCTUnwrap(table.rows.firstIndex { $0.label("level2") == "区域均衡性" })
        XCTAssertEqual(table.rows[start].weight?.value, Amount(20))
        // a number 0.2 formatted 0% in the sheets variant: printed as it shows
        XCTAssertEqual(table.rows[start].weight?.printed, "20%", "a number formatted 0% in the sheets variant")
        XCTAssertNil(table.rows[start + 1].weight)
        XCTAssertNil(table.rows[start + 2].weight)
        XCTAssertEqual(table.rows[start...(start + 2)].compactMap(\.score?.value), [Amount(7), Amount(7), Amount(6)])
        let stacked = try XCTUnwrap(try Self.read("dachuan-sichuan-fund-index-stacked.xlsx").indexForms?.first)
        XCTAssertEqual(stacked.rows[start].weight?.printed, "20%")
        XCTAssertEqual(stacked.rows[start].weight?.value, Amount(20))
    }

    // MARK: the 部门整体 score, rescaled explicitly

    func testTheDepartmentScoreIsRescaledFrom90To100() throws {
        let printed = try Self.printed("dachuan-sichuan-department-index")[0]
        let narrative = try XCTUnwrap((printed["narrative"] as? [String: Any])?["score"] as? String)
        for variant in ["sheets", "stacked"] {
            let table = try XCTUnwrap(try Self.read("dachuan-sichuan-department-index-\(variant).xlsx").indexForms?.first)
            let evaluation = table.evaluation
            XCTAssertEqual(evaluation.weightSum, Amount(90), "自评质量 and 扣分项 are not in the full mark")
            XCTAssertEqual(evaluation.fullMark, Amount(90))
            XCTAssertEqual(evaluation.scoreSum, Amount(81))
            XCTAssertEqual(evaluation.scaledTo, Amount(100))
            XCTAssertEqual(evaluation.places, 2)
            XCTAssertEqual(evaluation.scaledScore, Amount(narrative), "81 × 100 / 90 = the score the report's prose states")
            XCTAssertEqual(evaluation.grade, "优")
            XCTAssertEqual(table.rows.filter { !$0.counted }.map { $0.label("level1") }, ["自评质量 (10分)", "扣分项(10分)"])
        }
        // a score that does not divide evenly: 80 × 100 / 90 = 88.888… → 88.89 (half up), grade 良
        var table = try XCTUnwrap(try Self.read("dachuan-sichuan-department-index-sheets.xlsx").indexForms?.first)
        let style = try XCTUnwrap(Self.catalog.form(style: "sichuan-department-index"))
        table.rows[0].score?.value = Amount(3)
        let evaluation = IndexEvaluation(rows: table.rows, total: table.total, style: style)
        XCTAssertEqual(evaluation.scoreSum, Amount(80))
        XCTAssertEqual(evaluation.scaledScore, Amount(Decimal(string: "88.89")!))
        XCTAssertEqual(evaluation.grade, "良")
        // 80.5 × 100 / 90 = 89.4444… → 89.44; 80.6 → 89.5555… → 89.56
        table.rows[0].score?.value = Amount(Decimal(string: "3.5")!)
        XCTAssertEqual(IndexEvaluation(rows: table.rows, total: table.total, style: style).scaledScore, Amount(Decimal(string: "89.44")!))
        table.rows[0].score?.value = Amount(Decimal(string: "3.6")!)
        XCTAssertEqual(IndexEvaluation(rows: table.rows, total: table.total, style: style).scaledScore, Amount(Decimal(string: "89.56")!))
        // the 得分合计 may state the rescaled score: 90 is right, 81 (the unscaled sum) is not
        let checker = FormChecker(catalog: Self.catalog)
        var stated = try XCTUnwrap(try Self.read("dachuan-sichuan-department-index-sheets.xlsx").indexForms?.first)
        stated.total.score = SourcedNumber(value: Amount(90), printed: "90", cell: "表1!E4")
        XCTAssertEqual(checker.check(stated), [])
        stated.total.score = SourcedNumber(value: Amount(81), printed: "81", cell: "表1!E4")
        let findings = checker.check(stated)
        XCTAssertEqual(findings.map(\.rule), ["F-SCORE-SUM"])
        XCTAssertEqual(findings.first?.expected, "90")
        XCTAssertEqual(findings.first?.locations.first, "表1!E4")
    }

    // MARK: 年度主要任务

    func testTheDepartmentFormsTasksAreRead() throws {
        let printed = try XCTUnwrap(try FormsTests.transcription("dachuan-sichuan-department")["forms"] as? [[String: Any]])[0]
        let tasks = try XCTUnwrap(printed["tasks"] as? [[String: String]])
        XCTAssertEqual(tasks.count, 9)
        for variant in ["sheets", "stacked"] {
            let form = try XCTUnwrap(try Self.read("dachuan-sichuan-department-\(variant).xlsx").forms.first)
            let read = try XCTUnwrap(form.tasks)
            XCTAssertEqual(read.map { norm($0.name.text) }, tasks.map { norm($0["name"]) }, variant)
            XCTAssertEqual(read.map { norm($0.content?.text) }, tasks.map { norm($0["content"]) }, variant)
            XCTAssertEqual(form.indicators.count, 36, "the indicators still follow the tasks")
        }
    }

    // MARK: round trip

    /// The document without the cells, sheets and source file (which a new workbook changes).
    func canonical(_ document: FormsDocument) throws -> String {
        func strip(_ value: Any) -> Any {
            if let dict = value as? [String: Any] {
                var out: [String: Any] = [:]
                for (k, v) in dict where !["cell", "sheet", "source"].contains(k) { out[k] = strip(v) }
                return out
            }
            if let list = value as? [Any] { return list.map(strip) }
            return value
        }
        let object = try JSONSerialization.jsonObject(with: try FormsFile.encode(document))
        return String(decoding: try JSONSerialization.data(withJSONObject: strip(object), options: [.sortedKeys]), as: UTF8.self)
    }

    func testImportExportImportIsStable() throws {
        let dir = try TemporaryDirectory()
        for (name, style) in [("dachuan-sichuan-department-index", "sichuan-department-index"), ("dachuan-sichuan-fund-index", "sichuan-fund-index")] {
            for variant in ["sheets", "stacked"] {
                let document = try Self.read("\(name)-\(variant).xlsx")
                let mapping = try XCTUnwrap(Self.catalog.form(style: style))
                let once = dir.file("\(name)-\(variant)-1.xlsx")
                XCTAssertEqual(try FormWriter(style: mapping).write(document, to: once), [])
                var reader = FormReader(catalog: Self.catalog)
                let again = try reader.readFile(once.path)
                XCTAssertEqual(reader.issues, [])
                XCTAssertEqual(try canonical(again), try canonical(document), "\(name)-\(variant): import → export → import")
                // a second export of the exported tables gives the same workbook cells
                let twice = dir.file("\(name)-\(variant)-2.xlsx")
                try IndexFormWriter(style: mapping).write(again, to: twice)
                var second = try reader.readFile(twice.path)
                second.source = again.source
                XCTAssertEqual(second, again, "\(name)-\(variant): export → import is a fixed point, cells included")
                XCTAssertEqual(FormChecker(catalog: Self.catalog).check(again), [])
            }
        }
    }

    func testTheExportIsFormattedAsThePublishedForm() throws {
        let dir = try TemporaryDirectory()
        let document = try Self.read("dachuan-sichuan-fund-index-stacked.xlsx")
        let url = dir.file("fund.xlsx")
        try IndexFormWriter(style: try XCTUnwrap(Self.catalog.form(style: "sichuan-fund-index"))).write(document, to: url)
        let workbook = try Workbook(path: url.path)
        XCTAssertEqual(workbook.sheets.map(\.name), (1...7).map { "指标体系\($0)" })
        let sheet = try workbook.worksheet(workbook.sheets[0])
        let merges = Set(sheet.layout.mergedRanges.map(\.description))
        // title over the 23 columns; parents over their leaves; 计算公式 over the five factors; leaves merged down
        for range in ["A1:W1", "C2:F2", "H2:M2", "O2:P2", "Q2:R2", "S2:W2", "I3:M3", "A2:A4", "B2:B4", "G2:G4", "N2:N4", "C3:C4", "H3:H4"] {
            XCTAssertTrue(merges.contains(range), "merged \(range): \(merges.sorted())")
        }
        // the 20% weight merged down over its three rows
        let weightRow = try XCTUnwrap((1...60).first { row in
            if case .string(let s)? = sheet[CellReference(row: row, column: 6)]?.value { return s == "区域均衡性" }
            return false
        })
        XCTAssertTrue(merges.contains("A\(weightRow):A\(weightRow + 2)"), merges.sorted().description)
        func part(_ name: String) throws -> String {
            String(decoding: try ProcessRunner.run("/usr/bin/unzip", ["-p", url.path, name]).stdout, as: UTF8.self)
        }
        let xml = try part("xl/worksheets/sheet1.xml")
        XCTAssertTrue(xml.contains("paperSize=\"9\""), "A4")
        XCTAssertTrue(xml.contains("orientation=\"landscape\""))
        XCTAssertTrue(xml.contains("fitToPage=\"1\"") && xml.contains("fitToHeight=\"0\""), "one page wide (fitToWidth 1 is the default)")
        let workbookXML = try part("xl/workbook.xml")
        XCTAssertTrue(workbookXML.contains("_xlnm.Print_Titles") && workbookXML.contains("$2:$4"), "header rows repeated: \(workbookXML)")
    }

    // MARK: the seed's own sums, and planted mistakes

    func testTheSeedsIndexTablesAddUpAndTheirProseDoesNot() throws {
        let checker = FormChecker(catalog: Self.catalog)
        for name in ["dachuan-sichuan-department-index", "dachuan-sichuan-fund-index"] {
            for variant in ["sheets", "stacked"] {
                XCTAssertEqual(checker.check(try Self.read("\(name)-\(variant).xlsx")), [], "\(name)-\(variant): the seed's sums hold")
            }
        }
        // the 专项资金 reports' prose states another score than the sum of their own 附表 1
        // (rule: the report's 专项资金预算项目绩效自评得分 = the 得分合计 of its 指标体系), which the
        // form checks cannot see (the prose is not a form): 政法队伍教育整顿 97 / 100, 春节送温暖 98 / 100,
        // 雪亮工程租赁费 95 / 100
        let tables = try XCTUnwrap(try Self.read("dachuan-sichuan-fund-index-sheets.xlsx").indexForms)
        var differ: [String] = []
        for (table, printed) in zip(tables, try Self.printed("dachuan-sichuan-fund-index")) {
            guard let stated = (printed["narrative"] as? [String: Any])?["score"] as? String else { continue }
            XCTAssertEqual(table.total.score?.value, table.evaluation.scoreSum, "the table itself adds up")
            if Amount(stated) != table.evaluation.scoreSum { differ.append("\(table.project) \(stated)/\(table.evaluation.scoreSum)") }
        }
        XCTAssertEqual(differ, ["政法队伍教育整顿 97/100", "春节送温暖慰问项目 98/100", "雪亮工程租赁费 95/100"])
    }

    func rules(_ findings: [Finding], _ severity: Finding.Severity = .error) -> [String] {
        findings.filter { $0.severity == severity }.map(\.rule).sorted()
    }

    func testPlantedMistakesAreFoundByTheirRules() throws {
        let checker = FormChecker(catalog: Self.catalog)
        let fund = try XCTUnwrap(try Self.read("dachuan-sichuan-fund-index-sheets.xlsx").indexForms?[0])
        let department = try XCTUnwrap(try Self.read("dachuan-sichuan-department-index-sheets.xlsx").indexForms?[0])
        func row(_ table: IndexForm, _ level: String, _ label: String) throws -> Int {
            try XCTUnwrap(table.rows.firstIndex { $0.label(level) == label }, label)
        }

        // a score above its own weight (程序严密 2%: 3)
        var t = fund
        var k = try row(t, "level2", "程序严密")
        t.rows[k].score?.value = Amount(3)
        t.total.score?.value = Amount(101)
        var f = checker.check(t)
        XCTAssertEqual(rules(f), ["F-SCALE", "F-SCORE-LIMIT", "F-SCORE-LIMIT"], f.description)
        XCTAssertEqual(f.first { $0.rule == "F-SCORE-LIMIT" }?.locations.first, t.rows[k].score?.cell)

        // a graded score between its levels (程序严密 2%: levels 0 / 0.6 / 1 → 0, 1.2, 2; 1.5 is none of them)
        t = fund
        t.rows[k].score?.value = Amount(Decimal(string: "1.5")!)
        t.total.score?.value = Amount(Decimal(string: "99.5")!)
        f = checker.check(t)
        XCTAssertEqual(rules(f), ["F-SCALE"])
        XCTAssertEqual(f.first?.expected, "0 | 1.2 | 2")
        t.rows[k].score?.value = Amount(Decimal(string: "1.2")!)   // 较完善
        t.total.score?.value = Amount(Decimal(string: "99.2")!)
        XCTAssertEqual(checker.check(t), [])

        // the rows under one weight scoring more than it (20%: 7 + 9 + 6 = 22)
        t = fund
        k = try row(t, "level2", "对象公平性★")
        t.rows[k].score?.value = Amount(9)
        t.total.score?.value = Amount(102)
        f = checker.check(t)
        XCTAssertEqual(rules(f), ["F-SCORE-LIMIT", "F-SCORE-LIMIT"], "the group, and the total above 100")
        let group = try XCTUnwrap(f.first { $0.message.contains("3 行") })
        XCTAssertEqual(group.expected, "≤ 20")
        XCTAssertEqual(group.actual, "22")

        // Σ weights ≠ 100 (程序严密 2% → 3%)
        t = fund
        k = try row(t, "level2", "程序严密")
        t.rows[k].weight?.value = Amount(3)
        f = checker.check(t)
        XCTAssertEqual(rules(f), ["F-SCALE", "F-WEIGHT-SUM"], "and 2 is no level of 3 (0, 1.8, 3)")
        XCTAssertEqual(f.first { $0.rule == "F-WEIGHT-SUM" }?.actual, "101")

        // the 得分合计 not the sum (100 → 98)
        t = fund
        t.total.score?.value = Amount(98)
        t.total.score?.printed = "98"
        f = checker.check(t)
        XCTAssertEqual(rules(f), ["F-SCORE-SUM"])
        XCTAssertEqual(f.first?.expected, "100")

        // a group that must add up to its weight, when the style says so (group_scores: equal)
        var equalStyle = try XCTUnwrap(Self.catalog.form(style: "sichuan-fund-index"))
        equalStyle.rules?.group_scores = "equal"
        let zongzhi = try XCTUnwrap(try Self.read("dachuan-sichuan-fund-index-sheets.xlsx").indexForms?.first { $0.project == "综治中心网络费" })
        XCTAssertEqual(checker.check(zongzhi), [], "25 of 30 is within the weight")
        XCTAssertEqual(rules(FormChecker(styles: [equalStyle]).check(zongzhi)), ["F-SCORE-LIMIT"], "25 ≠ 30")

        // 部门整体: a label's points (目标管理(25分)) no longer the sum of its rows, a score above its weight
        var d = department
        k = try row(d, "level3", "及时处置")
        d.rows[k].weight?.value = Amount(6)   // 动态调整(15分) gets 16, 部门预算项目绩效管理(50分) 51, Σ 91
        f = checker.check(d)
        XCTAssertEqual(rules(f), ["F-WEIGHT-SUM", "F-WEIGHT-SUM", "F-WEIGHT-SUM"], f.description)
        d = department
        d.rows[k].score?.value = Amount(6)
        f = checker.check(d)
        XCTAssertEqual(rules(f), ["F-SCORE-LIMIT"], "the row only: 动态调整(15分) 13 ≤ 15 and Σ 82 → 91.11 ≤ 100 hold")
        // a row outside the self-evaluation carrying a score is a warning; a self-scored row without one too
        d = department
        k = try row(d, "level1", "扣分项(10分)")
        d.rows[k].score = SourcedNumber(value: Amount(2), printed: "2", cell: "表1!E20")
        d.rows[0].score = nil
        f = checker.check(d)
        XCTAssertEqual(rules(f), [])
        XCTAssertEqual(rules(f, .warning), ["F-UNSCORED", "F-UNSCORED"])
        // a printed grade that is not the band of the (rescaled) score
        d = department
        d.total.grade = SourcedText(text: "良", cell: "表1!L4")
        f = checker.check(d)
        XCTAssertEqual(rules(f), ["F-GRADE"])
        XCTAssertEqual(f.first?.expected, "优")
    }

    func testAPlantedMistakeInAWorkbookIsFoundAtItsCell() throws {
        // the exported workbook, with one score raised: the finding names the workbook's cell
        let dir = try TemporaryDirectory()
        var document = try Self.read("dachuan-sichuan-fund-index-stacked.xlsx")
        let k = try XCTUnwrap(document.indexForms?[3].rows.firstIndex { $0.label("level2") == "资金结余★" })
        document.indexForms?[3].rows[k].score?.value = Amount(12)
        let url = dir.file("planted.xlsx")
        try IndexFormWriter(style: try XCTUnwrap(Self.catalog.form(style: "sichuan-fund-index"))).write(document, to: url)
        var reader = FormReader(catalog: Self.catalog)
        let again = try reader.readFile(url.path)
        let findings = FormChecker(catalog: Self.catalog).check(again).filter { $0.severity == .error }
        let cell = try XCTUnwrap(again.indexForms?[3].rows[k].score?.cell)
        XCTAssertTrue(cell.hasPrefix("指标体系4!B"), cell)
        XCTAssertEqual(Set(findings.map(\.rule)), ["F-SCORE-LIMIT", "F-SCORE-SUM"])
        XCTAssertTrue(findings.allSatisfy { $0.locations.contains(cell) }, findings.description)
    }

    // MARK: mapping files

    func testAnIndexMappingWithoutItsTableNamesTheFile() throws {
        let yaml = """
        format: juesuan-form-mapping/1
        style: my-index
        kind: index
        title: 绩效评价指标体系
        unit: 万元
        """
        XCTAssertThrowsError(try FormMappingLoader.load(yaml: yaml, source: "my-index.yaml")) { error in
            XCTAssertTrue("\(error)".contains("my-index.yaml") && "\(error)".contains("index"), "\(error)")
        }
        let badLevel = yaml + """

        index:
          anchor: {label: 分值}
          levels: [level1, nowhere]
          columns:
            - {id: level1, header: 一级指标}
        """
        XCTAssertThrowsError(try FormMappingLoader.load(yaml: badLevel, source: "my-index.yaml")) { error in
            XCTAssertTrue("\(error)".contains("nowhere"), "\(error)")
            XCTAssertEqual((error as? MappingError)?.line, 7, "the line of `index:`")
        }
    }
}
