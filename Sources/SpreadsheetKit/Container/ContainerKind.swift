import Foundation

/// What a file is, judged by its content, never by its name.
public enum ContainerKind: Equatable, Sendable {
    /// A ZIP archive (an OOXML package when it holds `[Content_Types].xml`).
    case zip
    /// An OLE2 compound file holding an `EncryptedPackage` stream: encrypted OOXML.
    case encryptedOOXML
    /// An OLE2 compound file holding a `Workbook` or `Book` stream: legacy `.xls`.
    case legacyXLS
    /// An OLE2 compound file with neither.
    case otherCompoundFile
    /// Bytes that start like an OLE2 compound file whose structure cannot be read (truncated,
    /// a broken FAT or directory) and that show no sign of what they held.
    case corruptCompoundFile
    case empty
    case unknown

    static let zipSignatures: [[UInt8]] = [[0x50, 0x4B, 0x03, 0x04], [0x50, 0x4B, 0x05, 0x06]]
    static let cfbSignature: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]

    /// Sniffs the container kind of `bytes`.
    ///
    /// ```swift
    /// ContainerKind.sniff(try Data(contentsOf: url)) // .zip
    /// ```
    public static func sniff(_ bytes: Data) -> ContainerKind {
        if bytes.isEmpty { return .empty }
        let head = [UInt8](bytes.prefix(8))
        if zipSignatures.contains(where: { head.starts(with: $0) }) { return .zip }
        guard head == cfbSignature else { return .unknown }
        // The streams under the root storage say what the compound file is.
        if let cfb = try? CompoundFile(bytes) {
            let names = Set(cfb.rootStreams.map { $0.name.uppercased() })
            if names.contains("ENCRYPTEDPACKAGE") { return .encryptedOOXML }
            if names.contains("WORKBOOK") || names.contains("BOOK") { return .legacyXLS }
            return .otherCompoundFile
        }
        // A damaged directory: judge by the UTF-16LE names left in the bytes, so that a truncated
        // .xls is still named as one (and the reader then says what is broken).
        if bytes.containsUTF16LE("EncryptedPackage") { return .encryptedOOXML }
        if bytes.containsUTF16LE("Workbook") || bytes.containsUTF16LE("Book") { return .legacyXLS }
        return .corruptCompoundFile
    }
}

extension Data {
    func containsUTF16LE(_ name: String) -> Bool {
        var pattern: [UInt8] = []
        for unit in name.utf16 { pattern.append(UInt8(unit & 0xFF)); pattern.append(UInt8(unit >> 8)) }
        return self.range(of: Data(pattern)) != nil
    }
}
