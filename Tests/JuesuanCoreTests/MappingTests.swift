import Foundation
import JuesuanCore
import TestSupport
import XCTest

final class MappingTests: XCTestCase {
    func testBundledSetsLoadCompletely() throws {
        let catalog = try MappingCatalog.load(folders: [Fixtures.packageRoot.appendingPathComponent("Mappings").path])
        XCTAssertEqual(catalog.sets, ["gk10-2024", "sc13-2023"])
        XCTAssertEqual(catalog.layouts(inSet: "gk10-2024").map(\.table), (1...10).map { String(format: "%02d", $0) })
        XCTAssertEqual(catalog.layouts(inSet: "sc13-2023").map(\.table), (1...13).map { String(format: "%02d", $0) })
        XCTAssertEqual(catalog.layout(set: "sc13-2023", table: "07")?.isInferred, true)
        let t01 = try XCTUnwrap(catalog.layout(set: "gk10-2024", table: "01"))
        XCTAssertEqual(t01.blocks.map(\.id), ["income", "expenditure"])
        XCTAssertEqual(t01.blocks[1].rows.items.first { $0.line == 35 }?.code, "204")
    }

    /// A new province's variant is a new file: loaded from a temporary folder, found and read with no Swift change.
    func testANewLayoutFromATemporaryFolderImports() throws {
        let dir = try TemporaryDirectory()
        try """
        format: juesuan-mapping/1
        set: test-2025
        table: "A1"
        code: 附表1
        title: 部门支出情况表
        statement: expenditure_by_function
        default_unit: 元
        blocks:
          - id: main
            columns:
              - {header: [科目, 编码], role: code}
              - {header: [科目, 名称], role: name}
              - {header: [支出合计], role: amount, measure: total}
              - {header: [其中, 人员支出], also: [基本支出], role: amount, measure: basic}
            rows:
              key: code
              code_kind: function
              total: {label: 总计, id: total}
        """.write(to: dir.file("a1.yaml"), atomically: true, encoding: .utf8)
        let workbook = dir.file("new-layout.xlsx").path
        let script = """
        import openpyxl, sys
        wb = openpyxl.Workbook(); ws = wb.active; ws.title = "任意名称"
        ws["B2"] = "2025年度部门支出情况表"; ws["B3"] = "编制单位：某县文化和旅游局"; ws["E3"] = "单位：元"
        ws["B4"] = "科目"; ws["D4"] = "支出合计"; ws["E4"] = "其中"
        ws["B5"] = "编码"; ws["C5"] = "名称"; ws["E5"] = "基本\\n支出"
        ws.append([])
        rows = [("总计", None, "1,234,567.89", 1000000), (207, "文化旅游体育与传媒支出", 1234567.89, 1000000), ("2070101", "行政运行", 1234567.89, "1,000,000.00")]
        for i, r in enumerate(rows):
            for j, v in enumerate(r):
                if v is not None: ws.cell(row=6 + i, column=2 + j, value=v)
        wb.save(sys.argv[1])
        """
        let made = try ProcessRunner.run("/usr/bin/env", ["python3", "-c", script, workbook])
        XCTAssertEqual(made.status, 0, made.stderr)

        let catalog = try MappingCatalog.load(folders: [dir.url.path])
        let result = try Importer(catalog: catalog).importWorkbook(at: workbook)
        XCTAssertEqual(result.report.templateSet, "test-2025")
        XCTAssertEqual(result.report.department, "某县文化和旅游局")
        XCTAssertEqual(result.report.fiscalYear, 2025)
        let statement = try XCTUnwrap(result.report.statements.first)
        XCTAssertEqual(statement.sourceUnit, .yuan)
        XCTAssertEqual(statement.amount(row: "total", measure: "total"), Amount("1234567.89"))
        XCTAssertEqual(statement.amount(row: "207", measure: "basic"), Amount("1000000"))
        XCTAssertEqual(statement.amount(row: "2070101", measure: "basic"), Amount("1000000"))
        XCTAssertEqual(statement.row("2070101")?.values["total"]?.cell, "任意名称!D8")
        XCTAssertEqual(result.issues.filter { $0.severity == .error }, [])
    }

    func testInvalidMappingFilesNameTheFileAndTheLine() throws {
        func error(_ yaml: String) -> MappingError? {
            do { _ = try MappingLoader.load(yaml: yaml, source: "bad.yaml"); return nil } catch { return error as? MappingError }
        }
        let valid = """
        format: juesuan-mapping/1
        set: s
        table: "01"
        code: c
        title: t
        statement: expenditure_by_function
        blocks:
          - id: main
            columns:
              - {header: [科目代码], role: code}
              - {header: [合计], role: amount, measure: total}
            rows: {key: code}
        """
        XCTAssertNil(error(valid))
        let badRole = try XCTUnwrap(error(valid.replacingOccurrences(of: "role: code}", with: "role: kode}")))
        XCTAssertEqual(badRole.file, "bad.yaml")
        XCTAssertEqual(badRole.line, 10)
        XCTAssertTrue(badRole.message.contains("kode"))
        let badMeasure = try XCTUnwrap(error(valid.replacingOccurrences(of: "measure: total", with: "measure: totl")))
        XCTAssertEqual(badMeasure.line, 11)
        XCTAssertTrue(badMeasure.message.contains("totl"))
        let unknownKey = try XCTUnwrap(error(valid + "\ncolour: red\n"))
        XCTAssertTrue(unknownKey.message.contains("colour"))
        let syntax = try XCTUnwrap(error("format: juesuan-mapping/1\nset: [unclosed\n"))
        XCTAssertNotNil(syntax.line)
        let noCodeColumn = try XCTUnwrap(error(valid.replacingOccurrences(of: "role: code}", with: "role: name}")))
        XCTAssertTrue(noCodeColumn.message.contains("code"), noCodeColumn.message)
        XCTAssertTrue(badRole.localizedDescription.contains("bad.yaml 第 10 行"))
    }
}

final class AmountTextTests: XCTestCase {
    func testAmountsAsFinanceStaffTypeThem() {
        XCTAssertEqual(AmountCell.parse("13,759.26"), .amount(Amount("13759.26")!))
        XCTAssertEqual(AmountCell.parse(" 0.00 "), .amount(Amount("0")!))
        XCTAssertEqual(AmountCell.parse("１２３．４５"), .amount(Amount("123.45")!))
        XCTAssertEqual(AmountCell.parse("(1,000.50)"), .amount(Amount("-1000.50")!))
        XCTAssertEqual(AmountCell.parse("−5"), .amount(Amount("-5")!))
        XCTAssertEqual(AmountCell.parse("-"), .blank)
        XCTAssertEqual(AmountCell.parse(""), .blank)
        XCTAssertEqual(AmountCell.parse("——"), .notApplicable)
        XCTAssertEqual(AmountCell.parse("—"), .notApplicable)
        XCTAssertEqual(AmountCell.parse("见附表"), .invalid("见附表"))
        XCTAssertEqual(AmountCell.parse("12.3.4"), .invalid("12.3.4"))
    }

    func testCellNumbersRoundToExcelPrecision() {
        XCTAssertEqual(Amount.fromCellNumber("2429.5100000000002"), Amount("2429.51"))
        XCTAssertEqual(Amount.fromCellNumber("0.30000000000000004"), Amount("0.3"))
        XCTAssertEqual(Amount.fromCellNumber("123456789012.34"), Amount("123456789012.34"))
        XCTAssertEqual(Amount("2429.505")!.rounded(2), Amount("2429.51"))
        XCTAssertEqual(Amount("-2429.505")!.rounded(2), Amount("-2429.51"))
        XCTAssertEqual(Amount("0.3")!.formatted(places: 2), "0.30")
    }

    func testLabelsCompareAcrossTypingStyles() {
        XCTAssertEqual(LabelNormalizer.normalize("对附属单\n位补助\n支出"), "对附属单位补助支出")
        XCTAssertEqual(LabelNormalizer.key("（一）行政单位"), LabelNormalizer.key("(一) 行政单位"))
        XCTAssertEqual(LabelNormalizer.key("一、一般公共服务支出"), "一般公共服务支出")
        XCTAssertEqual(LabelNormalizer.key("1.副部(省)级及以上领导用车"), "副部(省)级及以上领导用车")
        XCTAssertEqual(LabelNormalizer.normalize("财政拨款“三公”经费"), "财政拨款\"三公\"经费")
        XCTAssertEqual(LabelNormalizer.key("十二、国有资本经营预算财政拨款支出决算表"), "国有资本经营预算财政拨款支出决算表")
    }
}
