import Foundation
import TestSupport
import XCTest

/// `fill` and `learn`, end to end.
final class FillCommandTests: XCTestCase {
    let mappings = Fixtures.packageRoot.appendingPathComponent("Mappings").path
    func sample(_ name: String) -> String { Fixtures.packageRoot.appendingPathComponent("SampleWorkbooks/\(name)").path }

    func testFillReportsWhatTheTemplateCannotHoldAndProtectsFiles() throws {
        let dir = try TemporaryDirectory()
        let json = dir.file("report.json").path, out = dir.file("filled.xlsx").path
        let template = Fixtures.url("templates/libreoffice-gk10-template.xlsx").path
        XCTAssertEqual(try JuesuanBinary.run(["import", sample("zezhou-2024-gk10.xlsx"), "-o", json, "--mappings", mappings]).status, 0)
        let fill = try JuesuanBinary.run(["fill", template, json, "-o", out, "--mappings", mappings])
        // The code the template does not list: exit 1, named with its amount.
        XCTAssertEqual(fill.status, 1, fill.stderr)
        XCTAssertTrue(fill.stderr.contains("2013602") && fill.stderr.contains("40.16") && fill.stderr.contains("not written"), fill.stderr)
        XCTAssertTrue(fill.stdoutText.contains("公开03表") && fill.stdoutText.contains("写入 / written"), fill.stdoutText)
        let dump = try JuesuanBinary.run(["dump", out, "--sheet", "公开05表"])
        XCTAssertTrue(dump.stdoutText.contains("2429.51"), dump.stdoutText)
        // An existing output needs --force; the template and the report are never overwritten.
        XCTAssertEqual(try JuesuanBinary.run(["fill", template, json, "-o", out, "--mappings", mappings]).status, 2)
        XCTAssertEqual(try JuesuanBinary.run(["fill", template, json, "-o", out, "--force", "--mappings", mappings]).status, 1)
        let before = try Data(contentsOf: URL(fileURLWithPath: template))
        let same = try JuesuanBinary.run(["fill", template, json, "-o", template, "--force", "--mappings", mappings])
        XCTAssertEqual(same.status, 2)
        XCTAssertTrue(same.stderr.contains("refusing"), same.stderr)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: template)), before)
        // JSON summary.
        let asJSON = try JuesuanBinary.run(["fill", template, sample("zezhou-2024-gk10.xlsx"), "-o", dir.file("j.xlsx").path,
                                            "--format", "json", "--mappings", mappings])
        XCTAssertEqual(asJSON.status, 1, asJSON.stderr)
        let object = try JSONSerialization.jsonObject(with: asJSON.stdout) as? [String: Any]
        XCTAssertEqual((object?["unplaced"] as? [[String: Any]])?.filter { $0["code"] as? String == "2013602" }.count, 2)
        // A workbook with no known table cannot be a template.
        let unknown = try JuesuanBinary.run(["fill", Fixtures.url("departments/unknown-layout.xlsx").path, json, "-o", dir.file("u.xlsx").path,
                                             "--mappings", mappings])
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(unknown.stderr.contains("juesuan learn"), unknown.stderr)
    }

    /// A layout variant no mapping describes: learned, then imported and filled without Swift changes.
    func testLearnedVariantImportsAndFills() throws {
        let dir = try TemporaryDirectory()
        // The variant's mapping files (a renamed column in 03), used only to draw its workbook.
        let variantMappings = dir.url.appendingPathComponent("variant-mappings")
        try FileManager.default.createDirectory(at: variantMappings, withIntermediateDirectories: true)
        let known = URL(fileURLWithPath: mappings).appendingPathComponent("gk10-2024")
        for name in try FileManager.default.contentsOfDirectory(atPath: known.path) where name.hasSuffix(".yaml") {
            var text = try String(contentsOf: known.appendingPathComponent(name), encoding: .utf8)
            text = text.replacingOccurrences(of: "set: gk10-2024", with: "set: gk10-variant")
            text = text.replacingOccurrences(of: "{header: [经营支出], role: amount, measure: business", with: "{header: [经营性支出], role: amount, measure: business")
            try text.write(to: variantMappings.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        let variant = dir.file("variant.xlsx").path
        let convert = try JuesuanBinary.run(["convert", sample("zezhou-2024-gk10.xlsx"), "--to", "gk10-variant", "-o", variant,
                                             "--mappings", mappings, "--mappings", variantMappings.path])
        XCTAssertEqual(convert.status, 0, convert.stderr)

        let learned = dir.url.appendingPathComponent("gk10-2025").path
        let learn = try JuesuanBinary.run(["learn", variant, "-o", learned, "--mappings", mappings])
        XCTAssertEqual(learn.status, 0, learn.stderr)
        XCTAssertTrue(learn.stdoutText.contains("经营支出 → 经营性支出") || learn.stdoutText.contains("“经营支出”改为“经营性支出”"), learn.stdoutText)
        XCTAssertTrue(learn.stdoutText.contains("gk10-2024"), learn.stdoutText)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: learned).filter { $0.hasSuffix(".yaml") }.count, 10)
        XCTAssertEqual(try JuesuanBinary.run(["learn", variant, "-o", learned, "--mappings", mappings]).status, 2) // files exist
        let templates = try JuesuanBinary.run(["templates", "--mappings", mappings, "--mappings", learned])
        XCTAssertTrue(templates.stdoutText.contains("gk10-2025"), templates.stdoutText)

        let inspect = try JuesuanBinary.run(["inspect", variant, "--format", "json", "--mappings", mappings, "--mappings", learned])
        XCTAssertEqual(inspect.status, 0, inspect.stderr)
        let found = try JSONSerialization.jsonObject(with: inspect.stdout) as? [String: Any]
        XCTAssertEqual(found?["templateSet"] as? String, "gk10-2025")
        XCTAssertEqual((found?["found"] as? [Any])?.count, 10)

        // Last year's filled variant as this year's template: every value finds its cell. The report
        // differs from the numbers already in the template (1031.66 万元 → 1031.67), so the dump shows
        // what fill wrote, not what the template held.
        let report = dir.file("report.json").path
        XCTAssertEqual(try JuesuanBinary.run(["import", sample("zezhou-2024-gk10.xlsx"), "-o", report, "--mappings", mappings]).status, 0)
        let json = try String(contentsOfFile: report, encoding: .utf8)
        XCTAssertTrue(json.contains("\"10316600\""), "the sample's 1031.66 万元 in 元")
        try json.replacingOccurrences(of: "\"10316600\"", with: "\"10316700\"").write(toFile: report, atomically: true, encoding: .utf8)
        let filled = dir.file("filled.xlsx").path
        let fill = try JuesuanBinary.run(["fill", variant, report, "-o", filled, "--mappings", mappings, "--mappings", learned])
        XCTAssertEqual(fill.status, 0, fill.stderr)
        let dump = try JuesuanBinary.run(["dump", filled, "--sheet", "公开03表"])
        XCTAssertTrue(dump.stdoutText.contains("经营性支出") && dump.stdoutText.contains("1031.67"), dump.stdoutText)
        XCTAssertFalse(dump.stdoutText.contains("1031.66"), dump.stdoutText)
    }
}
