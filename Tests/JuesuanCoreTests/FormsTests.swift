import Foundation
import JuesuanCore
import SpreadsheetKit
import TestSupport
import XCTest

/// 绩效自评表: every form of the sample workbooks reads to the values the seeds print (the
/// transcriptions in Tests/Fixtures/forms), the seeds' own inconsistencies are found, planted errors
/// are found, clean forms give no error, the 汇总表 is rebuilt from its forms.
final class FormsTests: XCTestCase {
    static let mappings = Fixtures.packageRoot.appendingPathComponent("Mappings").path
    static let catalog: MappingCatalog = try! MappingCatalog.load(folders: [mappings])

    static func sample(_ name: String) -> String {
        Fixtures.packageRoot.appendingPathComponent("SampleWorkbooks/forms/\(name)").path
    }

    static func transcription(_ name: String) throws -> [String: Any] {
        let data = try Data(contentsOf: Fixtures.url("forms/\(name).json"))
        return try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    static func read(_ name: String) throws -> FormsDocument {
        var reader = FormReader(catalog: catalog)
        return try reader.readFile(sample(name))
    }

    // MARK: mapping files

    func testTheCatalogLoadsFormStylesBesideTheTableLayouts() throws {
        let catalog = Self.catalog
        XCTAssertEqual(Set(catalog.forms.map(\.style)), ["hebei-project", "hebei-summary", "shanxi-project", "sichuan-department", "sichuan-department-index", "sichuan-fund-index", "sichuan-project"])
        XCTAssertTrue(catalog.sets.contains("gk10-2024"), "table layouts still load")
        XCTAssertFalse(catalog.layouts.contains { $0.set.isEmpty })
        XCTAssertEqual(catalog.form(style: "hebei-project")?.grade(for: 95), "优")
        XCTAssertEqual(catalog.form(style: "hebei-project")?.grade(for: 89.5), "良")
        XCTAssertEqual(catalog.form(style: "hebei-project")?.grade(for: 65), "中")
        XCTAssertEqual(catalog.form(style: "hebei-project")?.grade(for: 0), "差")
    }

    func testAnInvalidFormMappingNamesTheFileAndLine() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("broken.yaml").path
        try """
        format: juesuan-form-mapping/1
        style: test-style
        kind: project
        title: 测试表
        unit: 万元
        indicators:
          anchor: {label: 一级指标}
          columns:
            - {id: level1}
        total: {label: 合计}
        """.write(toFile: path, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try MappingCatalog.load(folders: [dir.url.path])) { error in
            let message = (error as? LocalizedError)?.errorDescription ?? ""
            XCTAssertTrue(message.contains("broken.yaml"), message)
            XCTAssertTrue(message.contains("第 9 行") || message.contains("line 9"), message)
            XCTAssertTrue(message.contains("header"), message)
        }
    }

    // MARK: indicator values

    func testIndicatorValuesAreParsedWhenQuantitative() {
        func check(_ text: String, _ op: String?, _ number: String?, _ unit: String?, line: UInt = #line) {
            let v = IndicatorValue(parsing: text)
            XCTAssertEqual(v.text, text, line: line)
            XCTAssertEqual(v.op, op, "op of \(text)", line: line)
            XCTAssertEqual(v.number?.description, number, "number of \(text)", line: line)
            XCTAssertEqual(v.unit, unit, "unit of \(text)", line: line)
        }
        check("≥90%", "≥", "90", "%")
        check("=1个", "=", "1", "个")
        check("≤25万元", "≤", "25", "万元")
        check("<=5天", "≤", "5", "天")
        check(">=95%", "≥", "95", "%")
        check("＝100%", "=", "100", "%")
        check("＞85%", ">", "85", "%")
        check("≤208955元", "≤", "208955", "元")
        check("=3元/人/年", "=", "3", "元/人/年")
        check("100%", nil, "100", "%")
        check("7", nil, "7", nil)
        check("全年", nil, nil, nil)
        check("达成预期指标", nil, nil, nil)
        check("10-12月", nil, nil, nil)
        check("≥项", "≥", nil, nil)
        let joined = IndicatorValue(op: "＝", value: "29", unit: "元/月/台")
        XCTAssertEqual(joined.text, "＝29元/月/台")
        XCTAssertEqual(joined.op, "=")
        XCTAssertEqual(joined.number, Amount(29))
        XCTAssertEqual(joined.unit, "元/月/台")
        let qualitative = IndicatorValue(op: "定性", value: "优", unit: "")
        XCTAssertEqual(qualitative.op, "定性")
        XCTAssertNil(qualitative.number)
        XCTAssertEqual(IndicatorValue(op: "", value: "", unit: "及时").text, "及时")
    }

    // MARK: every form equals its transcription

    func testEverySampleFormReadsAsTheSeedsPrintIt() throws {
        let plan: [(String, String)] = [("dachang-hebei-project", "hebei-project"), ("luzhou-sichuan-project", "sichuan-project"),
                                        ("dachuan-sichuan-project", "sichuan-project"), ("zezhou-shanxi-project", "shanxi-project"),
                                        ("dachuan-sichuan-department", "sichuan-department")]
        var compared = 0
        for (name, style) in plan {
            let printed = try XCTUnwrap(try Self.transcription(name)["forms"] as? [[String: Any]])
            for variant in ["sheets", "stacked"] {
                let document = try Self.read("\(name)-\(variant).xlsx")
                XCTAssertEqual(document.forms.count, printed.count, "\(name)-\(variant): number of forms")
                XCTAssertTrue(document.summaries.isEmpty)
                for (form, expected) in zip(document.forms, printed) {
                    XCTAssertEqual(form.style, style)
                    compare(form, expected, "\(name)-\(variant) \(form.project)")
                    compared += 1
                }
                if variant == "sheets" {
                    XCTAssertEqual(document.forms.map(\.sheet), (1...printed.count).map { "表\($0)" }, "one form per sheet, in order")
                } else {
                    XCTAssertEqual(Set(document.forms.map(\.sheet)), ["自评表"])
                }
            }
        }
        XCTAssertEqual(compared, 2 * (11 + 13 + 8 + 8 + 1))
    }

    /// Compares one form with the printed values of its transcription.
    func compare(_ form: PerformanceForm, _ expected: [String: Any], _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        func norm(_ s: String?) -> String { LabelNormalizer.normalize(s ?? "") }
        func number(_ printed: String) -> Decimal? {
            var t = LabelNormalizer.normalize(printed).replacingOccurrences(of: ",", with: "")
            if t.hasSuffix("%") { t.removeLast() }
            return Amount(t)?.value
        }
        XCTAssertEqual(norm(form.project), norm(expected["project"] as? String), "\(what): project", file: file, line: line)
        let fields = expected["fields"] as? [String: String] ?? [:]
        for (label, text) in fields where !label.hasPrefix("填报单位") {
            let found = form.fields.first { norm($0.label) == norm(label) || norm($0.label).hasPrefix(norm(label)) }
            XCTAssertEqual(norm(found?.text), norm(text), "\(what): field \(label)", file: file, line: line)
        }
        let goals = expected["goals"] as? [String: String] ?? [:]
        XCTAssertEqual(norm(form.goalTarget), norm(goals["target"]), "\(what): goal", file: file, line: line)
        XCTAssertEqual(norm(form.goalActual), norm(goals["actual"]), "\(what): result", file: file, line: line)

        // money: amounts in 元 from the printed 万元, rates and scores as printed numbers
        let money = expected["money"] as? [[String: Any]] ?? []
        for row in money {
            let id = row["row"] as! String
            let values = row["values"] as! [String: String]
            guard let fund = form.fund(id) else {
                if values.values.contains(where: { number($0) != nil }) { XCTFail("\(what): fund row \(id) missing", file: file, line: line) }
                continue
            }
            for (measure, printed) in values {
                let exact = number(printed)
                switch measure {
                case "reason":
                    XCTAssertEqual(norm(fund.reason), norm(printed), "\(what): \(id).reason", file: file, line: line)
                case "rate":
                    XCTAssertEqual(fund.rate?.value.value, exact, "\(what): \(id).rate", file: file, line: line)
                case "weight":
                    XCTAssertEqual(fund.weight?.value.value, exact, "\(what): \(id).weight", file: file, line: line)
                case "score":
                    XCTAssertEqual(fund.score?.value.value, exact, "\(what): \(id).score", file: file, line: line)
                default:
                    XCTAssertEqual(fund.amounts[measure]?.value.value, exact.map { $0 * 10_000 }, "\(what): \(id).\(measure) in 元",
                                   file: file, line: line)
                }
            }
        }

        let indicators = expected["indicators"] as? [[String: String]] ?? []
        XCTAssertEqual(form.indicators.count, indicators.count, "\(what): indicators", file: file, line: line)
        for (got, want) in zip(form.indicators, indicators) {
            let w = "\(what) / \(want["level3"] ?? "")"
            XCTAssertEqual(norm(got.level1), norm(want["level1"]), "\(w): 一级", file: file, line: line)
            XCTAssertEqual(norm(got.level2), norm(want["level2"]), "\(w): 二级", file: file, line: line)
            XCTAssertEqual(norm(got.level3), norm(want["level3"]), "\(w): 三级", file: file, line: line)
            XCTAssertEqual(got.weight?.value.value, want["weight"].flatMap(number), "\(w): weight", file: file, line: line)
            XCTAssertEqual(got.score?.value.value, want["score"].flatMap(number), "\(w): score", file: file, line: line)
            XCTAssertEqual(norm(got.actual?.text), norm(want["actual"]), "\(w): actual", file: file, line: line)
            if let op = want["operator"] {
                XCTAssertEqual(norm(got.target?.text), norm(op + (want["value"] ?? "") + (want["unit"] ?? "")), "\(w): target", file: file, line: line)
            } else {
                XCTAssertEqual(norm(got.target?.text), norm(want["target"]), "\(w): target", file: file, line: line)
                XCTAssertEqual(norm(got.initial?.text), norm(want["initial"]), "\(w): initial", file: file, line: line)
                XCTAssertEqual(norm(got.note), norm(want["note"]), "\(w): note", file: file, line: line)
            }
            if let completion = want["completion"] {
                XCTAssertEqual(norm(got.completion?.text), norm(completion), "\(w): completion", file: file, line: line)
            }
        }
        let total = expected["total"] as? [String: String] ?? [:]
        XCTAssertEqual(form.total.score?.value.value, total["score"].flatMap(number), "\(what): total score", file: file, line: line)
        if let weight = total["weight"] {
            XCTAssertEqual(form.total.weight?.value.value, number(weight), "\(what): total weight", file: file, line: line)
        }
        if let grade = total["grade"], !grade.isEmpty {
            XCTAssertEqual(form.total.grade?.text, grade, "\(what): grade", file: file, line: line)
        }
    }

    func testTheSummaryReadsAsPublished() throws {
        let document = try Self.read("dachang-hebei-summary.xlsx")
        XCTAssertTrue(document.forms.isEmpty)
        let summary = try XCTUnwrap(document.summaries.first)
        let printed = try XCTUnwrap(try Self.transcription("dachang-hebei-summary")["summary"] as? [String: Any])
        let rows = try XCTUnwrap(printed["rows"] as? [[String: String]])
        XCTAssertEqual(summary.rows.count, rows.count)
        for (got, want) in zip(summary.rows, rows) {
            XCTAssertEqual(got.number, want["no"])
            XCTAssertEqual(LabelNormalizer.normalize(got.project), LabelNormalizer.normalize(want["project"]!))
            XCTAssertEqual(got.budget?.value, Amount(want["budget"]!).map { Amount($0.value * 10_000) })
            XCTAssertEqual(got.executed?.value, Amount(want["executed"]!).map { Amount($0.value * 10_000) })
            XCTAssertEqual(got.fundType, want["fund_type"])
            XCTAssertEqual(got.score?.value.description, want["score"])
            XCTAssertEqual(got.grade?.text, want["grade"])
        }
        XCTAssertEqual(summary.total?.budget?.value, Amount(4_591_100))
        XCTAssertEqual(summary.total?.executed?.value, Amount(4_536_400))
        XCTAssertEqual(summary.total?.rate, "100%")
        XCTAssertTrue(FormChecker(catalog: Self.catalog).check(document).isEmpty, "the summary is consistent in itself")
    }

    func testFormsJSONRoundTrips() throws {
        let document = try Self.read("luzhou-sichuan-project-stacked.xlsx")
        let data = try FormsFile.encode(document)
        XCTAssertTrue(String(decoding: data, as: UTF8.self).contains("\"schema\" : \"juesuan-forms/1\""))
        XCTAssertTrue(String(decoding: data, as: UTF8.self).contains("\"value\" : \"232800\""), "amounts as exact strings in 元")
        let dir = try TemporaryDirectory()
        try data.write(to: dir.file("forms.json"))
        XCTAssertTrue(FormsFile.looksLikeForms(dir.file("forms.json").path))
        XCTAssertEqual(try FormsFile.load(dir.file("forms.json").path), document)
    }

    // MARK: the seeds' inconsistencies

    func findings(_ name: String) throws -> [Finding] {
        FormChecker(catalog: Self.catalog).check(try Self.read(name))
    }

    func testTheSeedsInconsistenciesAreFound() throws {
        // dachang (Hebei)
        let dachang = try findings("dachang-hebei-project-sheets.xlsx").filter { $0.severity == .error }
        let scoreSum = dachang.filter { $0.rule == "F-SCORE-SUM" }
        XCTAssertEqual(Set(scoreSum.map { $0.locations[0] }), ["表5!K19", "表6!K19", "表7!K19", "表8!K19", "表9!K19", "表10!K19", "表11!K19"])
        let poor = try XCTUnwrap(scoreSum.first { $0.locations[0] == "表5!K19" })
        XCTAssertEqual(poor.expected, "0")   // 特困干警补贴: every 自评得分 is 0, 自评总分 70
        XCTAssertEqual(poor.actual, "70")
        XCTAssertEqual(Set(dachang.filter { $0.rule == "F-WEIGHT-SUM" }.map { $0.locations[0] }),
                       ["表6!B19", "表7!B19", "表8!B19", "表9!B19", "表10!B19", "表11!B19"], "产出指标（50） holds 40 points")
        let indicator = dachang.filter { $0.rule == "F-EXEC-INDICATOR" }
        XCTAssertEqual(Set(indicator.map { $0.locations[0] }), ["表4!I18", "表7!I18"])
        XCTAssertEqual(dachang.count, 15, dachang.map { "\($0.rule) \($0.locations[0])" }.joined(separator: "\n"))

        // luzhou: scores above their weights (6 of 5 …) where Σ 得分 is 95 on 90 points
        let luzhou = try findings("luzhou-sichuan-project-sheets.xlsx").filter { $0.severity == .error }
        XCTAssertTrue(luzhou.contains { $0.rule == "F-SCORE-LIMIT" && $0.locations == ["表10!J14", "表10!I14"] })
        XCTAssertEqual(Set(luzhou.filter { $0.rule == "F-SCORE-LIMIT" }.map { $0.locations[0].split(separator: "!")[0] }),
                       ["表10", "表11", "表12", "表13"])
        XCTAssertTrue(luzhou.contains { $0.rule == "F-WEIGHT-SUM" && $0.locations[0].hasPrefix("表3!") }, "a form printed without indicators")

        // dachuan: 20 points on a weight of 10; totals that are not the sum
        let dachuan = try findings("dachuan-sichuan-project-sheets.xlsx").filter { $0.severity == .error }
        XCTAssertTrue(dachuan.contains { $0.rule == "F-SCORE-LIMIT" && $0.locations == ["表4!J17", "表4!I17"] })
        XCTAssertTrue(dachuan.contains { $0.rule == "F-SCORE-SUM" && $0.locations[0] == "表4!J20" && $0.expected == "108" && $0.actual == "98" })

        // zezhou (Shanxi)
        let zezhou = try findings("zezhou-shanxi-project-sheets.xlsx").filter { $0.severity == .error }
        XCTAssertEqual(Set(zezhou.map(\.rule)), ["F-SCORE-SUM", "F-WEIGHT-SUM"])
        XCTAssertFalse(zezhou.contains { $0.locations[0].hasPrefix("表1!") || $0.locations[0].hasPrefix("表2!") }, "综治中心运行费 and 信息化 are consistent")

        // dachuan 部门整体: 36 indicators, Σ 权重 = 90, 资金总额 830.99 = 830.99 + 0.00
        let department = try Self.read("dachuan-sichuan-department-stacked.xlsx")
        XCTAssertEqual(department.forms.count, 1)
        XCTAssertEqual(department.forms[0].indicators.count, 36)
        XCTAssertEqual(department.forms[0].fund("total")?.amounts["budget"]?.value, Amount(8_309_900))
        XCTAssertTrue(FormChecker(catalog: Self.catalog).check(department).isEmpty)
        var planted = department.forms[0]
        planted.funds[0].amounts["other"] = SourcedNumber(value: Amount(100_000), printed: "10.00", cell: "自评表!D5")
        planted.indicators[0].weight = SourcedNumber(value: Amount(3), printed: "3", cell: "自评表!H21")
        XCTAssertEqual(Set(FormChecker(catalog: Self.catalog).check(planted).map(\.rule)), ["F-FUND-SUM", "F-WEIGHT-SUM"])

        // both variants of a workbook give the same findings
        XCTAssertEqual(try findings("dachang-hebei-project-stacked.xlsx").count, try findings("dachang-hebei-project-sheets.xlsx").count)
    }

    func testTheSummaryDisagreesWithTwoOfItsForms() throws {
        let summary = try Self.read("dachang-hebei-summary.xlsx")
        let forms = try Self.read("dachang-hebei-project-stacked.xlsx").forms
        let findings = FormChecker(catalog: Self.catalog).check(summary: summary, against: forms)
        let errors = findings.filter { $0.severity == .error }
        XCTAssertEqual(errors.count, 3, errors.map(\.message).joined(separator: "\n"))
        let brave = try XCTUnwrap(errors.first { $0.locations.first == "汇总表!F6" })
        XCTAssertEqual(brave.rule, "S-ROW-FORM")
        XCTAssertEqual(brave.expected, "70")
        XCTAssertEqual(brave.actual, "65")
        XCTAssertTrue(brave.message.contains("见义勇为基金"))
        let poorScore = try XCTUnwrap(errors.first { $0.locations.first == "汇总表!F8" })
        XCTAssertEqual(poorScore.expected, "70")
        XCTAssertEqual(poorScore.actual, "0")
        let poorGrade = try XCTUnwrap(errors.first { $0.locations.first == "汇总表!G8" })
        XCTAssertEqual(poorGrade.expected, "中")
        XCTAssertEqual(poorGrade.actual, "差")
        XCTAssertFalse(findings.contains { $0.rule == "S-ROW-MISSING" })
    }

    // MARK: building the 汇总表

    func testTheSummaryIsRebuiltFromItsForms() throws {
        let forms = try Self.read("dachang-hebei-project-sheets.xlsx").forms
        let built = SummaryBuilder(catalog: Self.catalog).build(forms, fundType: "县级专项项目")
        let published = try XCTUnwrap(try Self.read("dachang-hebei-summary.xlsx").summaries.first)
        XCTAssertEqual(built.rows.count, published.rows.count)
        for (row, pub) in zip(built.rows, published.rows) {
            XCTAssertEqual(row.number, pub.number)
            XCTAssertEqual(LabelNormalizer.normalize(row.project), LabelNormalizer.normalize(pub.project))
            XCTAssertEqual(row.budget, pub.budget?.value, row.project)
            XCTAssertEqual(row.executed, pub.executed?.value, row.project)
            XCTAssertEqual(row.fundType, pub.fundType)
            if ["3", "5"].contains(row.number) {
                XCTAssertNotEqual(row.score, pub.score?.value, "the published summary disagrees with form \(row.number)")
            } else {
                XCTAssertEqual(row.score, pub.score?.value, row.project)
                XCTAssertEqual(row.grade, pub.grade?.text, row.project)
            }
        }
        XCTAssertEqual(built.rows[2].score, Amount(70))
        XCTAssertEqual(built.rows[2].grade, "中")
        XCTAssertEqual(built.rows[4].score, Amount(70))
        XCTAssertEqual(built.rows[4].grade, "中")
        XCTAssertEqual(built.budget, published.total?.budget?.value)
        XCTAssertEqual(built.executed, published.total?.executed?.value)
        XCTAssertEqual(built.rate, "100%")

        // any style: the Sichuan forms take 调整后预算数 / 预算执行数, the Shanxi ones 全年预算数 / 全年执行数 and their grade
        let sichuan = SummaryBuilder(catalog: Self.catalog).build(try Self.read("luzhou-sichuan-project-sheets.xlsx").forms, fundType: nil)
        XCTAssertEqual(sichuan.rows[0].budget, Amount(232_800))
        XCTAssertEqual(sichuan.rows[0].executed, Amount(211_400))
        XCTAssertEqual(sichuan.rows[0].grade, "优")
        let shanxi = SummaryBuilder(catalog: Self.catalog).build(try Self.read("zezhou-shanxi-project-sheets.xlsx").forms, fundType: nil)
        XCTAssertEqual(shanxi.rows[1].budget, Amount(1_312_790))
        XCTAssertEqual(shanxi.rows[2].score, Amount(Decimal(string: "89.3")!))
        XCTAssertEqual(shanxi.rows[2].grade, "良")
    }

    // MARK: planted errors

    func testPlantedErrorsAreFoundAndCleanFormsGiveNone() throws {
        let checker = FormChecker(catalog: Self.catalog)
        let hebei = try Self.read("dachang-hebei-project-sheets.xlsx").forms[0]
        XCTAssertTrue(checker.check(hebei).isEmpty, "社会治安综合治理工作经费 is consistent")
        let shanxi = try Self.read("zezhou-shanxi-project-sheets.xlsx").forms[3]
        XCTAssertTrue(checker.check(shanxi).isEmpty, "两节方阵巡游活动经费 is consistent")
        let sichuan = try Self.read("luzhou-sichuan-project-sheets.xlsx").forms[8]
        XCTAssertTrue(checker.check(sichuan).isEmpty, "驻村第一书记经费 is consistent: \(checker.check(sichuan))")

        func rules(_ form: PerformanceForm) -> Set<String> { Set(checker.check(form).filter { $0.severity == .error }.map(\.rule)) }

        var rate = hebei   // 16.94 / 17 is 99.6%, not 96.6%
        rate.funds[0].rate = SourcedNumber(value: Amount(Decimal(string: "96.6")!), printed: "96.6%", cell: "表1!H5")
        XCTAssertEqual(rules(rate), ["F-EXEC-RATE", "F-EXEC-INDICATOR"])
        let rateFinding = try XCTUnwrap(checker.check(rate).first { $0.rule == "F-EXEC-RATE" })
        XCTAssertEqual(rateFinding.expected, "99.6%")
        XCTAssertEqual(rateFinding.locations.first, "表1!H5")

        var tail = hebei   // 99.7% where 99.65 rounds either way is only a tail of the 万元 amounts
        tail.funds[0].rate = SourcedNumber(value: Amount(Decimal(string: "99.7")!), printed: "99.7%", cell: "表1!H5")
        XCTAssertEqual(checker.check(tail).first { $0.rule == "F-EXEC-RATE" }?.severity, .warning)

        var over = hebei   // a score above its weight, and the total no longer the sum
        over.indicators[1].score = SourcedNumber(value: Amount(12), printed: "12", cell: "表1!K13")
        XCTAssertEqual(rules(over), ["F-SCORE-LIMIT", "F-SCORE-SUM"])

        var weight = hebei
        weight.indicators[0].weight = SourcedNumber(value: Amount(25), printed: "25", cell: "表1!E12")
        XCTAssertTrue(rules(weight).contains("F-WEIGHT-SUM"))

        var fund = hebei   // 财政资金 no longer adds up to 预算数
        fund.funds[1].amounts["budget"] = SourcedNumber(value: Amount(160_000), printed: "16", cell: "表1!C6")
        XCTAssertEqual(rules(fund), ["F-FUND-SUM"])

        var grade = shanxi // 100 is 优, not 良
        grade.total.grade = SourcedText(text: "良", cell: "表4!K21")
        XCTAssertEqual(rules(grade), ["F-GRADE"])

        var balance = shanxi
        balance.funds[0].amounts["balance"] = SourcedNumber(value: Amount(1000), printed: "0.1", cell: "表4!G7")
        XCTAssertEqual(rules(balance), ["F-BALANCE"])

        var implicit = sichuan  // luzhou leaves the execution score blank: 100 = 90 + 10 is fine, 100 = 80 + 20 is not
        implicit.indicators[0].score = SourcedNumber(value: Amount(5), printed: "5", cell: "表9!J13")
        XCTAssertEqual(rules(implicit), ["F-SCORE-SUM"])
    }
}
