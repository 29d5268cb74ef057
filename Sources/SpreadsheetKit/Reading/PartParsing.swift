extension ZipArchive {
    /// Streams one XML part through a SAX handler, turning parser failures into read errors.
    func parse(_ part: String, with handler: SAXHandler) throws {
        let parser = SAXParser(handler: handler, maxAttributes: maxAttributesPerElement)
        do {
            try stream(part) { chunk in try parser.feed(chunk) }
            try parser.finish()
        } catch let limit as SAXLimitExceeded {
            throw limit.readError(file: fileName, part: part)
        } catch let failure as SAXFailure {
            throw failure.readError(file: fileName, part: part)
        }
    }
}

extension SAXFailure {
    func readError(file: String, part: String) -> WorkbookReadError {
        switch self {
        case .doctypeRefused: return .forbiddenDoctype(file: file, part: part)
        case .malformed(let message, let line): return .malformedXML(file: file, part: part, line: line, reason: message)
        }
    }
}

extension SAXLimitExceeded {
    func readError(file: String, part: String) -> WorkbookReadError {
        .tooManyAttributes(file: file, part: part, element: element, line: line, count: count, limit: limit)
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

/// A growable byte buffer (the sheet parser's cell texts and rows, the dump's output): no copy-on-write checks, no
/// generic `removeAll`, reused for every cell. Owned by one parser, which calls ``release()``.
/// It never grows past its limit (by default ``ReadingLimits/maxStringBytes``): text beyond is dropped and ``overflowed``
/// set (checked only when the buffer grows, so not on the hot path), for the parser to refuse the cell.
struct ByteScratch {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int
    private(set) var overflowed = false
    /// The most it holds; ``ReadingLimits/maxStringBytes`` for one text.
    private let limit: Int

    init(capacity: Int = 64, limit: Int = ReadingLimits.maxStringBytes) {
        base = .allocate(capacity: capacity)
        self.capacity = capacity
        self.limit = limit
    }

    func release() { base.deallocate() }

    @inline(__always) mutating func reset() { count = 0; overflowed = false }

    /// Drops the bytes from `length` on.
    @inline(__always) mutating func truncate(to length: Int) { count = min(count, length) }

    @inline(__always) mutating func append(_ chunk: UnsafeBufferPointer<UInt8>) {
        guard let source = chunk.baseAddress, chunk.count > 0 else { return }
        if count + chunk.count > capacity {
            guard count + chunk.count <= limit else { overflowed = true; return }
            grow(to: count + chunk.count)
        }
        (base + count).update(from: source, count: chunk.count)
        count += chunk.count
    }

    /// Appends one byte (the dump's tabs and newlines).
    @inline(__always) mutating func append(byte: UInt8) {
        if count == capacity {
            guard count < limit else { overflowed = true; return }
            grow(to: count + 1)
        }
        base[count] = byte
        count += 1
    }

    private mutating func grow(to needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        bigger.update(from: base, count: count)
        base.deallocate()
        base = bigger
        capacity = newCapacity
    }

    var isEmpty: Bool { count == 0 }
    var buffer: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }
    var string: String { String(decoding: buffer, as: UTF8.self) }
}
