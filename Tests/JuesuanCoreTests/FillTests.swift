import Foundation
import JuesuanCore
@testable import SpreadsheetKit
import TestSupport
import XCTest

/// `fill`: a bureau's template, made by openpyxl, XlsxWriter and LibreOffice (with a logo, a
/// comment, validation, conditional formats, formulas and a defined name), filled with the
/// published sample report. Everything but the patched sheets is byte-identical; openpyxl reads the
/// report's values at their cells, in the template's styles; formulas stay formulas; the code the
/// template does not list is reported with its amounts.
final class FillTests: XCTestCase {
    static var catalog: MappingCatalog { SampleImportTests.catalog }
    static let templates = ["openpyxl-gk10-template.xlsx", "xlsxwriter-gk10-template.xlsx", "libreoffice-gk10-template.xlsx"]

    static let report: Report = try! Importer(catalog: catalog).importWorkbook(
        at: Fixtures.packageRoot.appendingPathComponent("SampleWorkbooks/zezhou-2024-gk10.xlsx").path).report

    struct Comparison: Decodable {
        struct Parts: Decodable {
            var identical: [String]
            var differ: [String]
            var only_template: [String]
            var only_filled: [String]
        }
        struct CellInfo: Decodable {
            var value: String?
            var formula: String?
            var s: String
        }
        var parts: Parts
        var workbook_differs_only_by_full_calc: Bool
        var template: [String: [String: CellInfo]]
        var filled: [String: [String: CellInfo]]
    }

    func compare(_ template: URL, _ filled: URL) throws -> Comparison {
        let script = Fixtures.url("templates/compare_filled.py").path
        let run = try ProcessRunner.run("/usr/bin/env", ["python3", script, template.path, filled.path], timeout: 600)
        XCTAssertEqual(run.status, 0, run.stderr)
        return try JSONDecoder().decode(Comparison.self, from: run.stdout)
    }

    func testFilledTemplatesKeepEverythingElseAndCarryTheReport() throws {
        let dir = try TemporaryDirectory()
        let report = Self.report
        for name in Self.templates {
            let template = Fixtures.url("templates/\(name)")
            let out = dir.file("filled-\(name)")
            let result = try TemplateFiller(catalog: Self.catalog).fill(template: template.path, report: report, to: out.path)
            XCTAssertEqual(result.tables.count, 10, name)
            XCTAssertEqual(result.tablesNotInTemplate, [], name)
            let comparison = try compare(template, out)

            // Only the patched sheets and workbook.xml (fullCalcOnLoad) may differ.
            XCTAssertEqual(comparison.parts.only_template, [], name)
            XCTAssertEqual(comparison.parts.only_filled, [], name)
            let book = try Workbook(path: template.path)
            let patchedSheets = Set(result.written.map(\.sheet))
            let patchedParts = Set(book.sheets.filter { patchedSheets.contains($0.name) }.map(\.part))
            for part in comparison.parts.differ {
                XCTAssertTrue(patchedParts.contains(part) || part == "xl/workbook.xml", "\(name): \(part) changed")
            }
            XCTAssertTrue(comparison.workbook_differs_only_by_full_calc, name)
            for part in ["xl/styles.xml", "xl/media/image1.png", "[Content_Types].xml", "docProps/core.xml"] {
                XCTAssertTrue(comparison.parts.identical.contains(part), "\(name): \(part) not byte-identical")
            }
            XCTAssertTrue(comparison.parts.identical.contains { $0.contains("comment") }, name)
            XCTAssertTrue(comparison.parts.identical.contains { $0.hasPrefix("xl/drawings/") }, name)
            // Text is written inline: the template's shared strings (where it has them) stay as they were.
            XCTAssertFalse(comparison.parts.differ.contains { $0.hasSuffix("sharedStrings.xml") }, name)

            // openpyxl reads each written value at its cell, and the cell keeps the template's style.
            XCTAssertGreaterThan(result.written.count, 150, name)
            for cell in result.written {
                guard let got = comparison.filled[cell.sheet]?[cell.cell] else { XCTFail("\(name) \(cell.sheet)!\(cell.cell) missing"); continue }
                if cell.isText {
                    XCTAssertEqual(got.value, cell.value, "\(name) \(cell.sheet)!\(cell.cell)")
                } else {
                    XCTAssertEqual(got.value.flatMap { Decimal(string: $0) }, Decimal(string: cell.value), "\(name) \(cell.sheet)!\(cell.cell)")
                }
                if let before = comparison.template[cell.sheet]?[cell.cell] {
                    XCTAssertEqual(got.s, before.s, "\(name) \(cell.sheet)!\(cell.cell): style changed")
                }
            }
            // Every amount of the report is at its cell (万元, 2 places) or reported.
            var checked = 0
            for statement in report.statements {
                let layout = Self.catalog.layout(set: statement.table.set, table: statement.table.table)!
                for row in statement.rows {
                    for (measure, value) in row.values {
                        guard let amount = value.amount, amount != .zero else { continue }
                        let shown = value.isCount == true ? amount : amount.expressed(in: .wanYuan).rounded(2)
                        if let cell = result.written.first(where: { $0.table == layout.id && $0.row == row.key && $0.measure == measure }) {
                            let read = comparison.filled[cell.sheet]?[cell.cell]?.value
                            XCTAssertEqual(read.flatMap { Decimal(string: $0) }, shown.value, "\(name) \(layout.id) \(row.key) \(measure)")
                        } else {
                            XCTAssertTrue(result.unplaced.contains { $0.table.table == statement.table.table && $0.row == row.key && $0.measure == measure },
                                          "\(name) \(layout.id) \(row.key) \(measure) neither written nor reported")
                        }
                        checked += 1
                    }
                }
            }
            XCTAssertGreaterThan(checked, 150, name)

            // The code the template does not list is reported with its amounts; not inserted.
            let dropped = result.unplaced.filter { $0.code == "2013602" }
            XCTAssertEqual(Set(dropped.map(\.measure)), ["total", "project"], name)
            XCTAssertTrue(dropped.allSatisfy { $0.reason == .noRow && $0.shown == "40.16" && $0.amount == Amount(401600) }, name)
            XCTAssertTrue(dropped[0].message.contains("2013602") && dropped[0].message.contains("40.16"), dropped[0].message)
            XCTAssertTrue(result.isIncomplete)
            XCTAssertNil(comparison.filled["公开03表"]!.values.first { $0.value == "2013602" }, name)

            // Formulas stay formulas (the 03 合计 and the 01 总计 of the template); their values are not written.
            for (sheet, cells) in comparison.template {
                for (ref, info) in cells where info.formula != nil {
                    XCTAssertEqual(comparison.filled[sheet]?[ref]?.formula, info.formula, "\(name) \(sheet)!\(ref)")
                }
            }
            let formulaTargets = result.unplaced.filter { $0.reason == .formulaCell }
            XCTAssertEqual(Set(formulaTargets.map { "\($0.row)/\($0.measure)" }), ["total/total", "total/basic", "total/project", "income_grand_total/amount"], name)
            // The four formulas above at least have their cached results cleared.
            XCTAssertGreaterThanOrEqual(result.formulasRecalculated, 4, name)

            // The department line carries the report's department; the unit stays the template's.
            XCTAssertEqual(comparison.filled["公开03表"]?["A3"]?.value, "部门名称：中国共产党泽州县委员会政法委员会", name)
            XCTAssertEqual(comparison.filled["公开03表"]?["H3"]?.value, "金额单位：万元", name)

            // The filled workbook imports back to the report's values where no formula stands in between.
            let again = try Importer(catalog: Self.catalog).importWorkbook(at: out.path).report
            for kind in ["general_budget_expenditure", "basic_expenditure_by_economic", "appropriation_summary"] {
                let a = report.statements(ofKind: kind)[0], b = again.statements(ofKind: kind)[0]
                for row in a.rows {
                    for (measure, value) in row.values where value.amount != nil && value.amount != .zero {
                        XCTAssertEqual(b.amount(row: row.key, measure: measure), value.amount, "\(name) \(kind) \(row.key) \(measure)")
                    }
                }
            }
        }
    }

    /// Writing a file never touches the template, an existing output needs `replaceExisting`.
    func testOutputIsAtomicAndNeverTheTemplate() throws {
        let dir = try TemporaryDirectory()
        let template = dir.file("template.xlsx")
        try FileManager.default.copyItem(at: Fixtures.url("templates/openpyxl-gk10-template.xlsx"), to: template)
        let before = try Data(contentsOf: template)
        let filler = TemplateFiller(catalog: Self.catalog)
        XCTAssertThrowsError(try filler.fill(template: template.path, report: Self.report, to: template.path))
        XCTAssertEqual(try Data(contentsOf: template), before)
        let out = dir.file("out.xlsx")
        try filler.fill(template: template.path, report: Self.report, to: out.path)
        XCTAssertThrowsError(try filler.fill(template: template.path, report: Self.report, to: out.path)) { error in
            XCTAssertTrue((error as? LocalizedError)?.errorDescription?.contains("out.xlsx") == true, "\(error)")
        }
        try filler.fill(template: template.path, report: Self.report, to: out.path, replaceExisting: true)
        XCTAssertEqual(try Data(contentsOf: template), before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.url.path).filter { $0.hasPrefix(".") }
        XCTAssertEqual(leftovers, [])
    }

    /// The rules for zero and "——": a blank cell stays blank for a zero, a number in the template
    /// becomes 0, a "——" cell is never written (an amount there is reported).
    func testZeroNotApplicableAndStaleNumbers() throws {
        let dir = try TemporaryDirectory()
        // A "template" that is last year's filled workbook: every cell holds the sample's figures.
        let template = Fixtures.packageRoot.appendingPathComponent("SampleWorkbooks/zezhou-2024-gk10.xlsx")
        var report = Self.report
        let i = report.statements.firstIndex { $0.kind == "expenditure_by_function" }!
        let j = report.statements[i].rows.firstIndex { $0.key == "2013101" }!
        report.statements[i].rows[j].values["total"]?.amount = .zero          // a zero over a number → 0
        report.statements[i].rows[j].values["basic"] = nil                     // absent over a number → 0
        report.statements[i].rows[j].values["business"] = StatedValue(amount: Amount(12345), cell: "x") // over a blank → 1.23
        let k = report.statements.firstIndex { $0.kind == "basic_expenditure_by_economic" }!
        let m = report.statements[k].rows.firstIndex { $0.key == "30901" }!
        report.statements[k].rows[m].values["amount"] = StatedValue(amount: Amount(500), cell: "y")
        let out = dir.file("out.xlsx")
        let result = try TemplateFiller(catalog: Self.catalog).fill(template: template.path, report: report, to: out.path)
        let book = try Workbook(path: out.path)
        let ws = try book.worksheet(book.sheet(named: "公开03表")!)
        XCTAssertEqual(ws[CellReference("C10")!]?.value, .number("0"))
        XCTAssertEqual(ws[CellReference("D10")!]?.value, .number("0"))
        XCTAssertEqual(ws[CellReference("G10")!]?.value, .number("1.23"))
        let original = try Workbook(path: template.path)
        XCTAssertEqual(ws[CellReference("G10")!]?.styleIndex, try original.worksheet(original.sheet(named: "公开03表")!)[CellReference("G10")!]?.styleIndex)
        // 30901 is "——" in 06: reported, the cell keeps its dash.
        let dash = result.unplaced.first { $0.code == "30901" }
        XCTAssertEqual(dash?.reason, .notApplicableCell)
        let ws6 = try book.worksheet(book.sheet(named: "公开06表")!)
        let dashCell = try XCTUnwrap(dash?.cell.flatMap { $0.split(separator: "!").last.flatMap { CellReference(String($0)) } })
        XCTAssertEqual(ws6[dashCell]?.value, .string("——"), "the 30901 cell keeps its dash")
    }

    // MARK: The streaming sheet patcher

    private func patch(_ xml: String, _ edits: [String: CellEdit], chunk: Int) throws -> (String, SheetPatcher) {
        var out: [UInt8] = []
        let patcher = SheetPatcher(edits: Dictionary(uniqueKeysWithValues: edits.map { (CellReference($0.key)!, $0.value) })) { out += $0 }
        let bytes = Array(xml.utf8)
        var i = 0
        while i < bytes.count {
            let n = min(chunk, bytes.count - i)
            try bytes[i..<(i + n)].withUnsafeBytes { try patcher.feed($0) }
            i += n
        }
        try patcher.finish()
        return (String(decoding: out, as: UTF8.self), patcher)
    }

    func testSheetPatcherRewritesOnlyTheTargetCells() throws {
        let head = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
            + #"<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:dimension ref="A1:C3"/>"#
            + #"<x:cols><x:col min="4" max="4" width="12" style="7"/></x:cols><x:sheetData>"#
        let body = #"<x:row r="1" spans="1:3"><x:c r="A1" s="2" t="s"><x:v>0</x:v></x:c><x:c r="B1" s="3"/><x:c r="C1" s="4" t="str"><x:f>A1&amp;"&gt;"</x:f><x:v>x</x:v></x:c></x:row>"#
            + #"<!-- a comment with <c r="B1"> inside --><x:row r="3"><x:c s="5"><x:v>1</x:v></x:c><x:c s="6" t="inlineStr"><x:is><x:t><![CDATA[a<b]]></x:t></x:is></x:c></x:row>"#
            + #"<x:row r="5" s="9" customFormat="1"/>"#
        let tail = #"</x:sheetData><x:mergeCells count="1"><x:mergeCell ref="A3:B3"/></x:mergeCells></x:worksheet>"#
        let xml = head + body + tail
        let edits: [String: CellEdit] = ["B1": .number("2429.51"), "C1": .number("9"), "D1": .number("1.5"),
                                         "B3": .text(" 部门 & <名称> "), "A2": .number("-3"), "D5": .number("7"), "A8": .text("_x0041_")]
        for chunk in [1, 2, 7, 64, 1 << 16] {
            let (out, patcher) = try patch(xml, edits, chunk: chunk)
            XCTAssertTrue(out.hasPrefix(head.replacingOccurrences(of: #"ref="A1:C3""#, with: #"ref="A1:D8""#)), out)
            // B1 keeps its style; C1 keeps its formula, without the cached value; D1 is inserted after it with the column's style.
            XCTAssertTrue(out.contains(#"<x:row r="1" spans="1:4"><x:c r="A1" s="2" t="s"><x:v>0</x:v></x:c><x:c r="B1" s="3"><x:v>2429.51</x:v></x:c><x:c r="C1" s="4"><x:f>A1&amp;"&gt;"</x:f></x:c><x:c r="D1" s="7"><x:v>1.5</x:v></x:c></x:row>"#), out)
            // Row 2 did not exist: inserted between 1 and 3.
            XCTAssertTrue(out.contains(#"inside --><x:row r="2" spans="1:1"><x:c r="A2"><x:v>-3</x:v></x:c></x:row><x:row r="3">"#), out)
            // Cells without r: the second is B3, replaced by an inline string (escaped, spaces kept).
            XCTAssertTrue(out.contains(#"<x:c s="5"><x:v>1</x:v></x:c><x:c s="6" r="B3" t="inlineStr"><x:is><x:t xml:space="preserve"> 部门 &amp; &lt;名称&gt; </x:t></x:is></x:c>"#), out)
            // An empty row opened for its target, with the row's style; a row at the end.
            XCTAssertTrue(out.contains(#"<x:row r="5" s="9" customFormat="1"><x:c r="D5" s="9"><x:v>7</x:v></x:c></x:row><x:row r="8" spans="1:1"><x:c r="A8" t="inlineStr"><x:is><x:t>_x005F_x0041_</x:t></x:is></x:c></x:row></x:sheetData>"#), out)
            XCTAssertTrue(out.hasSuffix(tail), out)
            XCTAssertEqual(patcher.formulaTargetsKept, [CellReference("C1")!])
            XCTAssertEqual(patcher.cachedValuesCleared, 1)
            XCTAssertEqual(patcher.insertedCells, 4)
        }
        // A sheet with no rows at all.
        let (empty, _) = try patch(#"<worksheet><sheetData/></worksheet>"#, ["B2": .number("1")], chunk: 3)
        XCTAssertEqual(empty, #"<worksheet><sheetData><row r="2" spans="2:2"><c r="B2"><v>1</v></c></row></sheetData></worksheet>"#)
        // Untouched input comes back byte for byte.
        let (same, _) = try patch(xml, [:], chunk: 5)
        XCTAssertEqual(same, xml.replacingOccurrences(of: "<x:v>x</x:v>", with: "").replacingOccurrences(of: #"<x:c r="C1" s="4" t="str">"#, with: #"<x:c r="C1" s="4">"#))
    }

    func testCalcPropertiesAreSetOrAdded() throws {
        func run(_ xml: String) throws -> String {
            var out: [UInt8] = []
            let patcher = CalcPropertiesPatcher { out += $0 }
            try Array(xml.utf8).withUnsafeBytes { try patcher.feed($0) }
            try patcher.finish()
            return String(decoding: out, as: UTF8.self)
        }
        XCTAssertEqual(try run(#"<workbook><sheets/><calcPr calcId="1"/></workbook>"#), #"<workbook><sheets/><calcPr calcId="1" fullCalcOnLoad="1"/></workbook>"#)
        XCTAssertEqual(try run(#"<workbook><sheets/><calcPr calcId="1" fullCalcOnLoad="1" /></workbook>"#), #"<workbook><sheets/><calcPr calcId="1" fullCalcOnLoad="1" /></workbook>"#)
        XCTAssertEqual(try run(#"<w:workbook><w:sheets/><w:extLst/></w:workbook>"#), #"<w:workbook><w:sheets/><w:calcPr fullCalcOnLoad="1"/><w:extLst/></w:workbook>"#)
        XCTAssertEqual(try run(#"<workbook><sheets/></workbook>"#), #"<workbook><sheets/><calcPr fullCalcOnLoad="1"/></workbook>"#)
    }
}
