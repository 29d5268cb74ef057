import Foundation

/// The JSON every command prints or writes: pretty, keys sorted (stable diffs), slashes unescaped,
/// a final newline.
func jsonData<T: Encodable>(_ value: T) throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return try encoder.encode(value) + Data("\n".utf8)
}
