extension ZipArchive {
    /// Streams one XML part through a SAX handler, turning parser failures into read errors.
    func parse(_ part: String, with handler: SAXHandler) throws {
        let parser = SAXParser(handler: handler)
        do {
            try stream(part) { chunk in try parser.feed(chunk) }
            try parser.finish()
        } catch let failure as SAXFailure {
            switch failure {
            case .doctypeRefused:
                throw WorkbookReadError.forbiddenDoctype(file: fileName, part: part)
            case .malformed(let message, let line):
                throw WorkbookReadError.malformedXML(file: fileName, part: part, line: line, reason: message)
            }
        }
    }
}

/// Collects the text inside the elements a handler is interested in.
struct TextCapture {
    private(set) var bytes: [UInt8] = []
    private(set) var isOn = false

    mutating func begin(keeping: Bool = false) {
        if !keeping { bytes.removeAll(keepingCapacity: true) }
        isOn = true
    }
    mutating func end() { isOn = false }
    mutating func append(_ chunk: UnsafeBufferPointer<UInt8>) { if isOn { bytes.append(contentsOf: chunk) } }
    var string: String { String(decoding: bytes, as: UTF8.self) }
    var decoded: String { decodeOOXMLEscapes(bytes) }
}
