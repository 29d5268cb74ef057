import Foundation
import XCTest
@testable import SpreadsheetKit

/// Helpers for the writer tests: temporary folders, reading parts of a written XLSX with
/// `/usr/bin/unzip -p`, and reading it back with Python's openpyxl.
enum WriterTestSupport {
    /// A fresh folder under the system's temporary folder.
    static func makeTemporaryDirectory(_ label: String = #function) throws -> URL {
        let name = "juesuan-writer-\(label.filter { $0.isLetter || $0.isNumber })-\(UUID().uuidString.prefix(8))"
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(name, isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Names of the files in `folder`, hidden ones included, sorted.
    static func listing(_ folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }

    /// Runs a program and returns its standard output; fails the test on a non-zero exit.
    static func run(_ executable: String, _ arguments: [String], file: StaticString = #filePath,
                    line: UInt = #line) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        if process.terminationStatus != 0 {
            XCTFail("\(executable) failed (\(process.terminationStatus)): \(String(decoding: errorData, as: UTF8.self))",
                    file: file, line: line)
        }
        return data
    }

    /// One part of the package, such as `xl/worksheets/sheet1.xml`, as text.
    static func part(_ file: URL, _ name: String, file source: StaticString = #filePath, line: UInt = #line) throws -> String {
        String(decoding: try run("/usr/bin/unzip", ["-p", file.path, name], file: source, line: line), as: UTF8.self)
    }

    /// The names of all parts in the package.
    static func partNames(_ file: URL) throws -> [String] {
        let text = String(decoding: try run("/usr/bin/unzip", ["-Z1", file.path]), as: UTF8.self)
        return text.split(separator: "\n").map(String.init)
    }

    /// Runs a Python script (with `sys.argv[1]` = the workbook path) that prints one JSON value.
    static func python(_ script: String, _ file: URL, _ extra: [String] = [],
                       sourceFile: StaticString = #filePath, line: UInt = #line) throws -> Any {
        let data = try run("/usr/bin/env", ["python3", "-c", script, file.path] + extra, file: sourceFile, line: line)
        return try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
    }

    /// All `<v>` texts of a sheet's XML, in document order.
    static func cachedValues(_ xml: String) -> [String] {
        var values: [String] = []
        var rest = xml[...]
        while let open = rest.range(of: "<v>") {
            rest = rest[open.upperBound...]
            guard let close = rest.range(of: "</v>") else { break }
            values.append(String(rest[..<close.lowerBound]))
            rest = rest[close.upperBound...]
        }
        return values
    }

    /// How the project reads a stored number: the decimal of its text, rounded to 15 significant digits.
    static func roundedTo15(_ text: String) -> Decimal? {
        guard var value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) else { return nil }
        if value.isZero { return value }
        let digits = value.significand.description.count
        let magnitude = value.exponent + digits - 1
        var result = Decimal()
        NSDecimalRound(&result, &value, 14 - magnitude, .plain)
        return result
    }

    /// `printf("%.16G")`, exactly as libxlsxwriter 1.1.4 formats numbers.
    static func printf16G(_ value: Double) -> String {
        var buffer = [CChar](repeating: 0, count: 64)
        _ = withVaList([value]) { vsnprintf(&buffer, 64, "%.16G", $0) }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    static func decimal(_ text: String) -> Decimal {
        Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))!
    }

    static func cell(_ a1: String) -> CellReference { CellReference(a1)! }
    static func range(_ a1: String) -> CellRange { CellRange(a1)! }
}

/// Asserts that `body` throws exactly `expected`.
func XCTAssertThrowsWriterError<T>(_ expected: WorkbookWriterError, _ body: @autoclosure () throws -> T,
                                   file: StaticString = #filePath, line: UInt = #line) {
    do {
        _ = try body()
        XCTFail("expected \(expected), nothing was thrown", file: file, line: line)
    } catch let error as WorkbookWriterError {
        XCTAssertEqual(error, expected, file: file, line: line)
    } catch {
        XCTFail("expected \(expected), got \(error)", file: file, line: line)
    }
}
