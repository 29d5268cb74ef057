/// One relationship of an OPC part (`_rels/*.rels`).
struct Relationship {
    var id: String
    var type: String
    var target: String
    var isExternal: Bool

    /// The type's last path segment (`officeDocument`, `worksheet`, `sharedStrings`, `styles` …),
    /// which is the same in Transitional and Strict OOXML.
    var kind: Substring { type.split(separator: "/").last ?? "" }
}

/// Reads a `.rels` part and resolves targets against the source part, as OPC prescribes.
final class RelationshipsParser: SAXHandler {
    private(set) var relationships: [Relationship] = []

    func startElement(_ name: XMLName, _ attributes: XMLAttributes) {
        guard name.equals("Relationship") else { return }
        relationships.append(Relationship(
            id: attributes.string("Id") ?? "",
            type: attributes.string("Type") ?? "",
            target: attributes.string("Target") ?? "",
            isExternal: attributes.string("TargetMode") == "External"))
    }
    func endElement(_ name: XMLName) {}
    func characters(_ bytes: UnsafeBufferPointer<UInt8>) {}

    /// The relationships part of `part` (`xl/workbook.xml` → `xl/_rels/workbook.xml.rels`).
    static func relsPart(of part: String) -> String {
        let (folder, file) = split(part)
        return (folder.isEmpty ? "" : folder + "/") + "_rels/" + file + ".rels"
    }

    /// Resolves `target` relative to the folder of `source` (`""` for the package root).
    /// Absolute targets (`/xl/worksheets/sheet1.xml`, written by WPS) start from the root.
    static func resolve(_ target: String, from source: String) -> String {
        var segments: [Substring] = []
        if !target.hasPrefix("/") {
            segments = split(source).folder.split(separator: "/")
        }
        for segment in target.split(separator: "/") {
            switch segment {
            case ".": continue
            case "..": if !segments.isEmpty { segments.removeLast() }
            default: segments.append(segment)
            }
        }
        return segments.joined(separator: "/")
    }

    private static func split(_ part: String) -> (folder: String, file: String) {
        guard let slash = part.lastIndex(of: "/") else { return ("", part) }
        return (String(part[..<slash]), String(part[part.index(after: slash)...]))
    }
}
