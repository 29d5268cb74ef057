import CLibXML2

/// Receives the events of one XML part. Names are local names (namespace prefixes dropped),
/// so Transitional and Strict OOXML read alike. Everything here is internal: no libxml2
/// pointer leaves the workbook layer.
protocol SAXHandler: AnyObject {
    func startElement(_ name: XMLName, _ attributes: XMLAttributes)
    func endElement(_ name: XMLName)
    func characters(_ bytes: UnsafeBufferPointer<UInt8>)
    /// An error raised inside a callback (which cannot throw through C); parsing stops with it.
    var pendingError: Error? { get }
}

extension SAXHandler {
    var pendingError: Error? { nil }
}

/// A borrowed element or attribute name, valid only during the callback.
struct XMLName {
    let pointer: UnsafePointer<UInt8>

    @inline(__always) func equals(_ literal: StaticString) -> Bool {
        let lit = literal.utf8Start
        var i = 0
        while i < literal.utf8CodeUnitCount {
            if pointer[i] != lit[i] { return false }
            i += 1
        }
        return pointer[i] == 0
    }

    var string: String { String(cString: pointer) }
}

/// Borrowed attributes of one element (libxml2's five-pointer records), valid only during the callback.
struct XMLAttributes {
    let base: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    let count: Int

    /// The raw bytes of the attribute with this local name, if present.
    @inline(__always) func bytes(_ name: StaticString) -> UnsafeBufferPointer<UInt8>? {
        guard let base else { return nil }
        for i in 0..<count {
            let rec = base + i * 5
            guard let local = rec[0] else { continue }
            if XMLName(pointer: local).equals(name), let start = rec[3], let end = rec[4] {
                return UnsafeBufferPointer(start: start, count: end - start)
            }
        }
        return nil
    }

    /// The attribute's value as a `String` (entities such as `&amp;` already decoded by libxml2).
    func string(_ name: StaticString) -> String? {
        bytes(name).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The attribute's value as a non-negative integer.
    @inline(__always) func int(_ name: StaticString) -> Int? {
        bytes(name).flatMap(Self.integer)
    }

    /// Raw attribute bytes as a non-negative integer (`nil` when empty or not all digits); more
    /// digits than an `Int` holds give `Int.max`, never a wrapped (negative) value that would pass
    /// a `< count` bounds check (found by the import fuzz target: `s="99999999999999999999"`).
    @inline(__always) static func integer(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !b.isEmpty else { return nil }
        if b.count > 18 { return integerClamped(b) } // 18 digits always fit in an Int
        var value = 0
        for byte in b {
            guard byte >= 48, byte <= 57 else { return nil }
            value = value &* 10 &+ Int(byte - 48)
        }
        return value
    }

    /// Calls `body` with the first byte and the value of each attribute whose local name is one
    /// letter, in document order: one pass for elements read millions of times (`<c r s t>`).
    @inline(__always) func forEachSingleLetter(_ body: (UInt8, UnsafeBufferPointer<UInt8>) -> Void) {
        guard let base else { return }
        for i in 0..<count {
            let rec = base + i * 5
            guard let local = rec[0], local[0] != 0, local[1] == 0, let start = rec[3], let end = rec[4] else { continue }
            body(local[0], UnsafeBufferPointer(start: start, count: end - start))
        }
    }

    /// The attribute's value as a boolean (`1`/`true`).
    func bool(_ name: StaticString) -> Bool? {
        guard let b = bytes(name) else { return nil }
        return b.count > 0 && (b[0] == UInt8(ascii: "1") || b[0] == UInt8(ascii: "t"))
    }
}

/// Why a part could not be parsed.
enum SAXFailure: Error {
    /// Not well-formed XML: libxml2's message and the line it stopped at.
    case malformed(message: String, line: Int)
    /// The part declares a DTD (entities): never legitimate in OOXML, refused before any expansion.
    case doctypeRefused
}

/// A limit of ``ReadingLimits`` that a part broke while it was parsed (kept apart from ``SAXFailure``,
/// whose cases other code switches over).
struct SAXLimitExceeded: Error {
    /// The element's name; empty when its start tag was refused before libxml2 read it.
    var element: String
    var line: Int
    /// The attributes counted (a lower bound when `element` is empty).
    var count: Int
    var limit: Int
}

/// A libxml2 SAX2 push parser, fed chunk by chunk. It never builds a tree, never loads a
/// DTD, never resolves an entity and never touches the network.
final class SAXParser {
    private let handler: SAXHandler
    private var context: xmlParserCtxtPtr?
    private var failure: SAXFailure?
    /// Element nesting so far. OOXML parts nest a dozen levels at most; a part nested deeper than
    /// ``maxDepth`` is hostile (1,000,000 nested elements) and refused.
    private var depth = 0
    static let maxDepth = ReadingLimits.maxDepth

    // The attribute guard (ReadingLimits.maxAttributesPerElement). libxml2 2.9 reports an element
    // only once its whole start tag is in, after checking its attribute names for duplicates in
    // quadratic time (200,000 attributes: 16 s). So input goes to libxml2 in slices of `sliceSize`;
    // a slice that yields no event at all means one token spans it, and from then on, until the
    // next `<`, each slice's `=` are counted before libxml2 sees it: past the limit, the part is
    // refused. The callback then checks the exact count of every element that gets through.
    static let sliceSize = 1 << 16
    private let maxAttributes: Int
    private var sawEvent = false
    private var stalled = false
    private var equalsInToken = 0
    private var limitExceeded: SAXLimitExceeded?

    /// libxml2 must be initialised once before parsers run on several threads (batch work).
    private static let libraryInitialised: Void = { xmlInitParser() }()

    init(handler: SAXHandler, maxAttributes: Int = ReadingLimits.maxAttributesPerElement) {
        _ = Self.libraryInitialised
        self.handler = handler
        self.maxAttributes = maxAttributes
    }

    deinit {
        if let context { xmlFreeParserCtxt(context) }
    }

    /// Parses one chunk; call ``finish()`` after the last.
    func feed(_ chunk: UnsafeRawBufferPointer) throws {
        var rest = chunk
        if context == nil {
            // libxml2 detects the encoding from the first four bytes; the rest goes in slices.
            let head = UnsafeRawBufferPointer(rebasing: chunk.prefix(4))
            try start(first: head)
            rest = UnsafeRawBufferPointer(rebasing: chunk.dropFirst(head.count))
        }
        while !rest.isEmpty {
            let slice = UnsafeRawBufferPointer(rebasing: rest.prefix(Self.sliceSize))
            rest = UnsafeRawBufferPointer(rebasing: rest.dropFirst(slice.count))
            if stalled { try countAttributes(in: slice) }
            sawEvent = false
            let rc = xmlParseChunk(context, slice.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(slice.count), 0)
            try check(rc)
            if sawEvent { stalled = false; equalsInToken = 0 } else { stalled = true }
        }
    }

    /// Counts the `=` of a token that has spanned a whole slice, up to its first `<` (which cannot
    /// occur inside a start tag, not even in a quoted value); refuses past ``maxAttributes``.
    private func countAttributes(in slice: UnsafeRawBufferPointer) throws {
        for byte in slice {
            if byte == UInt8(ascii: "=") {
                equalsInToken += 1
            } else if byte == UInt8(ascii: "<") {
                stalled = false; equalsInToken = 0
                return
            }
        }
        if equalsInToken > maxAttributes {
            let line = context.map { Int(xmlSAX2GetLineNumber(UnsafeMutableRawPointer($0))) } ?? 0
            throw SAXLimitExceeded(element: "", line: line, count: equalsInToken, limit: maxAttributes)
        }
    }

    func finish() throws {
        if context == nil { try start(first: UnsafeRawBufferPointer(start: nil, count: 0)) }
        let rc = xmlParseChunk(context, nil, 0, 1)
        try check(rc)
    }

    private func start(first chunk: UnsafeRawBufferPointer) throws {
        var sax = xmlSAXHandler()
        sax.initialized = UInt32(XML_SAX2_MAGIC)
        // The three callbacks below run for every element and text run of a sheet (millions per
        // 200,000-row sheet): the parser is borrowed without retain/release (it outlives parsing).
        sax.startElementNs = { ctx, localname, _, _, nbNamespaces, _, nbAttributes, _, attributes in
            guard let ctx, let localname else { return }
            Unmanaged<SAXParser>.fromOpaque(ctx)._withUnsafeGuaranteedRef {
                $0.depth += 1
                $0.sawEvent = true
                if Int(nbAttributes) + Int(nbNamespaces) > $0.maxAttributes {
                    $0.refuseAttributes(element: XMLName(pointer: localname).string, count: Int(nbAttributes) + Int(nbNamespaces))
                    return
                }
                if $0.depth > SAXParser.maxDepth {
                    $0.refuse(.malformed(message: "元素嵌套超过 \(SAXParser.maxDepth) 层 / elements nested deeper than \(SAXParser.maxDepth)",
                                         line: $0.context.map { Int(xmlSAX2GetLineNumber(UnsafeMutableRawPointer($0))) } ?? 0))
                    return
                }
                $0.handler.startElement(XMLName(pointer: localname), XMLAttributes(base: attributes, count: Int(nbAttributes)))
            }
        }
        sax.endElementNs = { ctx, localname, _, _ in
            guard let ctx, let localname else { return }
            Unmanaged<SAXParser>.fromOpaque(ctx)._withUnsafeGuaranteedRef {
                $0.depth -= 1
                $0.sawEvent = true
                $0.handler.endElement(XMLName(pointer: localname))
            }
        }
        let characters: charactersSAXFunc = { ctx, ch, len in
            guard let ctx, let ch, len > 0 else { return }
            Unmanaged<SAXParser>.fromOpaque(ctx)._withUnsafeGuaranteedRef {
                $0.sawEvent = true
                $0.handler.characters(UnsafeBufferPointer(start: ch, count: Int(len)))
            }
        }
        sax.characters = characters
        sax.cdataBlock = characters
        // A DOCTYPE means entities: external ones (XXE) or a billion-laughs chain. Stop at once.
        sax.internalSubset = { ctx, _, _, _ in
            guard let ctx else { return }
            Unmanaged<SAXParser>.fromOpaque(ctx).takeUnretainedValue().refuse(.doctypeRefused)
        }
        sax.entityDecl = { ctx, _, _, _, _, _ in
            guard let ctx else { return }
            Unmanaged<SAXParser>.fromOpaque(ctx).takeUnretainedValue().refuse(.doctypeRefused)
        }
        sax.serror = { ctx, error in
            guard let ctx, let error, error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
            let me = Unmanaged<SAXParser>.fromOpaque(ctx).takeUnretainedValue()
            if me.failure == nil {
                let message = error.pointee.message.map { String(cString: $0) } ?? "XML error"
                me.failure = .malformed(message: message.trimmingTrailingNewlines(), line: Int(error.pointee.line))
            }
        }
        let userData = Unmanaged.passUnretained(self).toOpaque()
        let ctxt = xmlCreatePushParserCtxt(&sax, userData, chunk.baseAddress?.assumingMemoryBound(to: CChar.self),
                                           Int32(chunk.count), nil)
        guard let ctxt else { throw SAXFailure.malformed(message: "cannot create XML parser", line: 0) }
        context = ctxt
        // No network, no entity substitution, no DTD loading; keep libxml2's default size limits.
        _ = xmlCtxtUseOptions(ctxt, Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOWARNING.rawValue))
        ctxt.pointee.replaceEntities = 0
        ctxt.pointee.loadsubset = 0
        try check(0)
    }

    private func refuse(_ reason: SAXFailure) {
        if failure == nil { failure = reason }
        if let context { xmlStopParser(context) }
    }

    private func refuseAttributes(element: String, count: Int) {
        if limitExceeded == nil {
            let line = context.map { Int(xmlSAX2GetLineNumber(UnsafeMutableRawPointer($0))) } ?? 0
            limitExceeded = SAXLimitExceeded(element: element, line: line, count: count, limit: maxAttributes)
        }
        if let context { xmlStopParser(context) }
    }

    private func check(_ rc: Int32) throws {
        if let limitExceeded { throw limitExceeded }
        if let error = handler.pendingError { throw error }
        if let failure { throw failure }
        if rc != 0 {
            let line = context.map { Int(xmlSAX2GetLineNumber(UnsafeMutableRawPointer($0))) } ?? 0
            throw SAXFailure.malformed(message: "XML error \(rc)", line: line)
        }
    }
}

extension String {
    func trimmingTrailingNewlines() -> String {
        var s = self
        while s.last == "\n" || s.last == "\r" { s.removeLast() }
        return s
    }
}
