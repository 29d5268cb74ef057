import Foundation
import JuesuanCore
import TestSupport
import XCTest

/// Other departments' forms in every style, made by an independent producer
/// (Tests/Fixtures/forms-departments/make_departments.py, openpyxl and XlsxWriter) in several
/// arrangements, with errors planted of every kind: each is found at its cell with its rule, and
/// nothing else is an error; the consistent workbooks give no error at all.
final class FormsNewUserTests: XCTestCase {
    static let folder = Fixtures.url("forms-departments")
    static let catalog: MappingCatalog = try! MappingCatalog.load(folders: [Fixtures.packageRoot.appendingPathComponent("Mappings").path])

    struct Planted: Decodable { var rule: String; var cell: String; var form: String }
    struct Expectation: Decodable { var style: String; var forms: Int?; var against: String?; var planted: [Planted] }

    static func expected() throws -> [String: Expectation] {
        try JSONDecoder().decode([String: Expectation].self, from: Data(contentsOf: folder.appendingPathComponent("expected.json")))
    }

    func read(_ name: String) throws -> (FormsDocument, [FormIssue]) {
        var reader = FormReader(catalog: Self.catalog)
        let document = try reader.readFile(Self.folder.appendingPathComponent(name).path)
        return (document, reader.issues)
    }

    /// The committed workbooks and expectations are what the generator makes.
    func testTheGeneratorWritesTheCommittedExpectations() throws {
        let dir = try TemporaryDirectory()
        let made = try ProcessRunner.run("/usr/bin/env", ["python3", Self.folder.appendingPathComponent("make_departments.py").path, dir.url.path])
        XCTAssertEqual(made.status, 0, made.stderr)
        let fresh = try Data(contentsOf: dir.url.appendingPathComponent("expected.json"))
        let committed = try Data(contentsOf: Self.folder.appendingPathComponent("expected.json"))
        XCTAssertEqual(String(decoding: fresh, as: UTF8.self), String(decoding: committed, as: UTF8.self))
        for name in try Self.expected().keys {
            XCTAssertTrue(FileManager.default.fileExists(atPath: dir.url.appendingPathComponent(name).path), name)
        }
    }

    func testEveryPlantedErrorIsFoundAtItsCellAndNothingElseIsAnError() throws {
        let checker = FormChecker(catalog: Self.catalog)
        let expected = try Self.expected()
        XCTAssertEqual(Set(expected.values.map(\.style)),
                       ["shanxi-project", "sichuan-project", "sichuan-department", "hebei-project", "hebei-summary"], "every style")
        XCTAssertEqual(Set(expected.values.flatMap { $0.planted.map(\.rule) }),
                       ["F-EXEC-RATE", "F-BALANCE", "F-WEIGHT-SUM", "F-SCORE-SUM", "F-SCORE-LIMIT", "F-GRADE", "S-ROW-FORM", "F-FUND-SUM"],
                       "every kind of error")
        for (name, expectation) in expected.sorted(by: { $0.key < $1.key }) {
            let (document, issues) = try read(name)
            XCTAssertEqual(issues, [], "\(name): every cell reads")
            var findings: [Finding]
            if let against = expectation.against {
                let (forms, _) = try read(against)
                XCTAssertEqual(document.summaries.count, 1, name)
                findings = checker.check(summary: document, against: forms.forms)
            } else {
                XCTAssertEqual(document.forms.count, expectation.forms, "\(name): every form is found (a cover sheet is not a form)")
                XCTAssertTrue(document.forms.allSatisfy { $0.style == expectation.style }, name)
                findings = checker.check(document)
            }
            for plant in expectation.planted {
                XCTAssertTrue(findings.contains { $0.rule == plant.rule && $0.severity == .error && $0.locations.first == plant.cell },
                              "\(name): \(plant.rule) at \(plant.cell) (\(plant.form)) not found in \(findings.map { "\($0.rule) \($0.locations)" })")
            }
            let unexpected = findings.filter { finding in
                finding.severity == .error && !expectation.planted.contains { $0.rule == finding.rule && $0.cell == finding.locations.first }
            }
            XCTAssertEqual(unexpected.map { "\($0.rule) \($0.locations) \($0.message)" }, [], "\(name): no error besides the planted ones")
        }
    }

    /// Rates typed as numbers in a "0.00%" format are compared at the two decimals they show, and
    /// named as they show ("95.00%"), not as the stored fraction.
    func testRatesTypedAsPercentNumbersAreComparedAsTheyShow() throws {
        let (document, _) = try read("yibin-sichuan-project-stacked.xlsx")
        let findings = FormChecker(catalog: Self.catalog).check(document)
        let rate = try XCTUnwrap(findings.first { $0.rule == "F-EXEC-RATE" && $0.severity == .error })
        XCTAssertEqual(rate.actual, "95.00%")
        XCTAssertEqual(rate.expected, "90.00%")
        // 普法宣传阵地维护 9.75 / 9.80 = 99.4898 %, typed as 0.9949 shown "99.49%": within its printed rounding
        XCTAssertFalse(findings.contains { $0.rule == "F-EXEC-RATE" && $0.message.contains("普法宣传阵地维护") }, "\(findings)")
    }
}
