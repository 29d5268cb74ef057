import Foundation

/// Reading and writing report JSON files (schema `juesuan-report/1`).
public enum ReportFile {
    public struct Failure: Error, LocalizedError, Sendable {
        public var file: String
        public var reason: String
        public var errorDescription: String? { "无法读取报告 \(file)：\(reason) / cannot read the report \(file): \(reason)" }
    }

    /// Whether a file looks like a report JSON rather than a workbook.
    public static func looksLikeJSON(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 64)) ?? Data()
        return head.first(where: { !$0.isASCIIWhitespace }) == UInt8(ascii: "{")
    }

    public static func load(_ path: String) throws -> Report {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw Failure(file: path, reason: error.localizedDescription)
        }
        let report: Report
        do { report = try JSONDecoder().decode(Report.self, from: data) } catch let DecodingError.dataCorrupted(context) {
            throw Failure(file: path, reason: "JSON 无效 / invalid JSON: \(context.debugDescription) at \(context.codingPath.map(\.stringValue).joined(separator: "."))")
        } catch let DecodingError.keyNotFound(key, context) {
            throw Failure(file: path, reason: "缺少字段 / missing field '\(key.stringValue)' at \(context.codingPath.map(\.stringValue).joined(separator: "."))")
        } catch {
            throw Failure(file: path, reason: "\(error)")
        }
        guard report.schema == Report.schemaID else {
            throw Failure(file: path, reason: "不支持的 schema“\(report.schema)”，应为 \(Report.schemaID) / unsupported schema '\(report.schema)'")
        }
        return report
    }

    public static func encode(_ report: Report) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(report) + Data("\n".utf8)
    }
}

extension UInt8 {
    var isASCIIWhitespace: Bool { self == 32 || self == 9 || self == 10 || self == 13 }
}
