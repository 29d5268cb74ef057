/// Reads the shared-string table. Rich-text runs are flattened; phonetic runs (`rPh`) are skipped.
final class SharedStringsParser: SAXHandler {
    private(set) var strings: [String] = []
    private var text = TextCapture()
    private var inItem = false
    private var phoneticDepth = 0

    func startElement(_ name: XMLName, _ attributes: XMLAttributes) {
        if name.equals("si") {
            inItem = true
            text.begin()
            text.end()
        } else if name.equals("t") {
            if inItem && phoneticDepth == 0 { text.begin(keeping: true) }
        } else if name.equals("rPh") {
            phoneticDepth += 1
        } else if name.equals("sst"), let count = attributes.int("uniqueCount") {
            // A hint only: never trust it for more than a modest reservation.
            strings.reserveCapacity(min(count, 1 << 20))
        }
    }

    func endElement(_ name: XMLName) {
        if name.equals("t") {
            text.end()
        } else if name.equals("rPh") {
            phoneticDepth -= 1
        } else if name.equals("si") {
            strings.append(text.decoded)
            inItem = false
        }
    }

    func characters(_ bytes: UnsafeBufferPointer<UInt8>) { text.append(bytes) }
}
