/// One piece of an XML part as the patchers see it: a run of character data, or one markup
/// construct (tag, comment, CDATA section, processing instruction) with its exact bytes.
enum XMLToken {
    case text(UnsafeRawBufferPointer)
    case markup([UInt8])
}

/// Splits XML bytes into text runs and markup constructs, chunk by chunk, without building a
/// tree. Text is handed on as slices of the chunk (never copied); only the markup construct being
/// read is buffered. The bytes of every token are exactly the input's, so a patcher that passes a
/// token on unchanged reproduces the part byte for byte. Well-formedness and DTD refusal are the
/// SAX parser's job, which runs over the same bytes beside it.
struct XMLTokenizer {
    private enum Kind { case undecided, tag, comment, cdata, processingInstruction, declaration }

    private var markup: [UInt8] = []
    private var inMarkup = false
    private var kind = Kind.undecided
    private var quote: UInt8 = 0

    /// Feeds one chunk; `body` receives the tokens completed in it, in order.
    mutating func feed(_ chunk: UnsafeRawBufferPointer, _ body: (XMLToken) throws -> Void) throws {
        guard let base = chunk.baseAddress, chunk.count > 0 else { return }
        let bytes = chunk.bindMemory(to: UInt8.self)
        var textStart = 0
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            if !inMarkup {
                if byte == UInt8(ascii: "<") {
                    if i > textStart { try body(.text(UnsafeRawBufferPointer(start: base + textStart, count: i - textStart))) }
                    inMarkup = true
                    kind = .undecided
                    quote = 0
                    markup.removeAll(keepingCapacity: true)
                    markup.append(byte)
                }
                i += 1
                continue
            }
            markup.append(byte)
            i += 1
            if kind == .undecided { decideKind() }
            if isComplete(lastByte: byte) {
                inMarkup = false
                try body(.markup(markup))
                textStart = i
            }
        }
        if !inMarkup && textStart < bytes.count {
            try body(.text(UnsafeRawBufferPointer(start: base + textStart, count: bytes.count - textStart)))
        }
    }

    /// Whether the input ended inside a markup construct (a truncated part).
    var isInsideMarkup: Bool { inMarkup }

    private mutating func decideKind() {
        guard markup.count >= 2 else { return }
        switch markup[1] {
        case UInt8(ascii: "?"): kind = .processingInstruction
        case UInt8(ascii: "!"):
            let comment: [UInt8] = Array("<!--".utf8), cdata: [UInt8] = Array("<![CDATA[".utf8)
            if markup.count >= 4 && markup.starts(with: comment) { kind = .comment; return }
            if markup.count >= 9 && markup.starts(with: cdata) { kind = .cdata; return }
            // Still a possible prefix of one of them: wait for more bytes.
            if comment.starts(with: markup) || cdata.starts(with: markup) { return }
            kind = .declaration
        default: kind = .tag
        }
    }

    private mutating func isComplete(lastByte byte: UInt8) -> Bool {
        switch kind {
        case .undecided: return false
        case .tag, .declaration:
            if quote != 0 {
                if byte == quote { quote = 0 }
                return false
            }
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") { quote = byte; return false }
            return byte == UInt8(ascii: ">")
        case .comment: return markup.count >= 7 && ends(with: "-->")
        case .cdata: return markup.count >= 12 && ends(with: "]]>")
        case .processingInstruction: return markup.count >= 4 && ends(with: "?>")
        }
    }

    private func ends(with literal: StaticString) -> Bool {
        let n = literal.utf8CodeUnitCount
        guard markup.count >= n else { return false }
        let start = literal.utf8Start
        for k in 0..<n where markup[markup.count - n + k] != start[k] { return false }
        return true
    }
}

/// A start, end or empty-element tag, parsed from its exact bytes; rebuilt byte for byte when
/// unchanged, with attribute values kept as written (entity references and quote style included).
struct XMLTag {
    enum Form { case start, end, empty }
    struct Attribute {
        var name: String
        /// The value exactly as written between the quotes.
        var raw: [UInt8]
        var quote: UInt8

        /// The value as text; the patchers read only plain ASCII values (`r`, `spans`, `ref`).
        var value: String { String(decoding: raw, as: UTF8.self) }
    }

    var form: Form
    /// The name as written (`x:row`).
    var qualifiedName: String
    var attributes: [Attribute]

    /// The name without its namespace prefix (`row`).
    var localName: Substring {
        guard let colon = qualifiedName.lastIndex(of: ":") else { return Substring(qualifiedName) }
        return qualifiedName[qualifiedName.index(after: colon)...]
    }

    /// The namespace prefix with its colon (`x:`), or empty.
    var prefix: String {
        guard let colon = qualifiedName.lastIndex(of: ":") else { return "" }
        return String(qualifiedName[...colon])
    }

    /// Parses a markup token that is a tag; `nil` for comments, CDATA, processing instructions.
    init?(_ bytes: [UInt8]) {
        guard bytes.count >= 3, bytes[0] == UInt8(ascii: "<") else { return nil }
        var i = 1
        if bytes[1] == UInt8(ascii: "!") || bytes[1] == UInt8(ascii: "?") { return nil }
        if bytes[1] == UInt8(ascii: "/") { form = .end; i = 2 } else { form = .start }
        var last = bytes.count - 1 // the closing '>'
        if form == .start && last >= 1 && bytes[last - 1] == UInt8(ascii: "/") { form = .empty; last -= 1 }
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
        let nameStart = i
        while i < last && !isSpace(bytes[i]) { i += 1 }
        qualifiedName = String(decoding: bytes[nameStart..<i], as: UTF8.self)
        attributes = []
        while i < last {
            while i < last && isSpace(bytes[i]) { i += 1 }
            guard i < last else { break }
            let nameBegin = i
            while i < last && bytes[i] != UInt8(ascii: "=") && !isSpace(bytes[i]) { i += 1 }
            let name = String(decoding: bytes[nameBegin..<i], as: UTF8.self)
            while i < last && isSpace(bytes[i]) { i += 1 }
            guard i < last, bytes[i] == UInt8(ascii: "=") else { return nil }
            i += 1
            while i < last && isSpace(bytes[i]) { i += 1 }
            guard i < last, bytes[i] == UInt8(ascii: "\"") || bytes[i] == UInt8(ascii: "'") else { return nil }
            let quote = bytes[i]
            i += 1
            let valueStart = i
            while i < last && bytes[i] != quote { i += 1 }
            guard i < last else { return nil }
            attributes.append(Attribute(name: name, raw: Array(bytes[valueStart..<i]), quote: quote))
            i += 1
        }
    }

    init(form: Form, qualifiedName: String, attributes: [Attribute] = []) {
        self.form = form
        self.qualifiedName = qualifiedName
        self.attributes = attributes
    }

    func attribute(_ name: String) -> String? {
        attributes.first { $0.name == name }?.value
    }

    mutating func set(_ name: String, _ value: String) {
        let raw = Array(XMLText.escapeAttribute(value).utf8)
        if let k = attributes.firstIndex(where: { $0.name == name }) {
            attributes[k].raw = raw
            attributes[k].quote = UInt8(ascii: "\"")
        } else {
            attributes.append(Attribute(name: name, raw: raw, quote: UInt8(ascii: "\"")))
        }
    }

    mutating func remove(_ name: String) {
        attributes.removeAll { $0.name == name }
    }

    /// The tag's bytes: `<name a="v">`, `</name>` or `<name a="v"/>`.
    var bytes: [UInt8] {
        var out: [UInt8] = [UInt8(ascii: "<")]
        if form == .end { out.append(UInt8(ascii: "/")) }
        out += Array(qualifiedName.utf8)
        for a in attributes {
            out.append(0x20)
            out += Array(a.name.utf8)
            out.append(UInt8(ascii: "="))
            out.append(a.quote)
            out += a.raw
            out.append(a.quote)
        }
        if form == .empty { out.append(UInt8(ascii: "/")) }
        out.append(UInt8(ascii: ">"))
        return out
    }
}

/// Escaping for text written into XML.
enum XMLText {
    /// Character data: `&`, `<`, `>` escaped; characters XML 1.0 cannot carry written the way
    /// OOXML escapes them (`_x0001_`), and a literal `_xHHHH_` protected likewise.
    static func escapeText(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var scalars = Array(text.unicodeScalars)[...]
        while let s = scalars.first {
            scalars = scalars.dropFirst()
            switch s {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\t", "\n": out.unicodeScalars.append(s)
            case "\r": out += "&#13;"
            case "_":
                // "_x0041_" would be read back as "A": escape the underscore that starts it.
                let next = Array(scalars.prefix(6))
                if next.count == 6, next[0] == "x", next[5] == "_", next[1...4].allSatisfy({ $0.properties.isASCIIHexDigit }) {
                    out += "_x005F_"
                } else {
                    out += "_"
                }
            default:
                if s.value < 0x20 || s.value == 0xFFFE || s.value == 0xFFFF {
                    out += "_x" + String(repeating: "0", count: 4 - String(s.value, radix: 16).count)
                        + String(s.value, radix: 16, uppercase: true) + "_"
                } else {
                    out.unicodeScalars.append(s)
                }
            }
        }
        return out
    }

    /// An attribute value in double quotes.
    static func escapeAttribute(_ text: String) -> String {
        escapeText(text).replacingOccurrences(of: "\"", with: "&quot;")
    }
}
