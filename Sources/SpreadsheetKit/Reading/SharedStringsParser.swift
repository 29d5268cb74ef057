/// Reads the shared-string table. Rich-text runs are flattened; phonetic runs (`rPh`) are skipped.
///
/// Held to ``ReadingLimits``: a `uniqueCount` that claims more than `maxStrings` is refused before
/// anything is reserved (and a smaller claim reserves at most 2²⁰ slots: it is a hint, never trusted);
/// the strings actually read are counted, whatever the attributes say; and no string may grow past
/// `maxBytes`, checked as its text arrives, so a hostile table never holds more than one chunk past it.
final class SharedStringsParser: SAXHandler {
    private(set) var strings: [String] = []
    private(set) var pendingError: Error?
    private let fileName: String
    private let part: String
    private let maxStrings: Int
    private let maxBytes: Int
    private var text = TextCapture()
    private var inItem = false
    private var phoneticDepth = 0

    init(fileName: String, part: String, maxStrings: Int = ReadingLimits.maxSharedStrings,
         maxBytes: Int = ReadingLimits.maxStringBytes) {
        self.fileName = fileName
        self.part = part
        self.maxStrings = maxStrings
        self.maxBytes = maxBytes
    }

    func startElement(_ name: XMLName, _ attributes: XMLAttributes) {
        guard pendingError == nil else { return }
        if name.equals("si") {
            guard strings.count < maxStrings else {
                pendingError = WorkbookReadError.tooManySharedStrings(file: fileName, part: part, count: strings.count + 1, limit: maxStrings)
                return
            }
            inItem = true
            text.begin()
            text.end()
        } else if name.equals("t") {
            if inItem && phoneticDepth == 0 { text.begin(keeping: true) }
        } else if name.equals("rPh") {
            phoneticDepth += 1
        } else if name.equals("sst"), let claimed = attributes.bytes("uniqueCount") {
            // An absurd claim is refused before anything is allocated; any other is a hint only.
            guard let count = XMLAttributes.integerClamped(claimed), count <= maxStrings else {
                pendingError = WorkbookReadError.tooManySharedStrings(
                    file: fileName, part: part, count: XMLAttributes.integerClamped(claimed) ?? Int.max, limit: maxStrings)
                return
            }
            strings.reserveCapacity(min(count, 1 << 20))
        }
    }

    func endElement(_ name: XMLName) {
        guard pendingError == nil else { return }
        if name.equals("t") {
            text.end()
        } else if name.equals("rPh") {
            phoneticDepth -= 1
        } else if name.equals("si") {
            strings.append(text.decoded)
            inItem = false
        }
    }

    func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard pendingError == nil, text.isOn else { return }
        if text.bytes.count + bytes.count > maxBytes {
            pendingError = WorkbookReadError.stringTooLong(file: fileName, part: part, index: strings.count, limit: maxBytes)
            return
        }
        text.append(bytes)
    }
}

extension XMLAttributes {
    /// Raw attribute bytes as a non-negative integer, `Int.max` when the digits overflow it
    /// (`nil` when empty or not all digits): for counts a hostile file may inflate.
    static func integerClamped(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !b.isEmpty else { return nil }
        var value = 0
        for byte in b {
            guard byte >= 48, byte <= 57 else { return nil }
            let (times, o1) = value.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times.addingReportingOverflow(Int(byte - 48))
            if o1 || o2 { value = Int.max } else { value = sum }
        }
        return value
    }
}
