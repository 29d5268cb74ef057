import Foundation

/// A mapping file that cannot be used: names the file, the line and what is wrong.
public struct MappingError: Error, LocalizedError, Equatable, Sendable {
    public var file: String
    public var line: Int?
    public var message: String

    public init(file: String, line: Int?, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var errorDescription: String? {
        let place = line.map { "\(file) 第 \($0) 行 / line \($0)" } ?? file
        return "映射文件无效 / invalid mapping file: \(place): \(message)"
    }
}
