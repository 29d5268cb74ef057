/// Rewrites the workbook part as it streams through, changing one thing: `fullCalcOnLoad="1"` on
/// `<calcPr>` (added to it, or a `<calcPr fullCalcOnLoad="1"/>` inserted where the schema puts it
/// when the part has none). Every other byte is passed on unchanged.
final class CalcPropertiesPatcher {
    private let output: ([UInt8]) throws -> Void
    private var tokenizer = XMLTokenizer()
    private var depth = 0
    private var rootPrefix = ""
    private var done = false

    /// Children of `<workbook>` that come after `<calcPr>` in the schema's sequence.
    private static let after: Set<Substring> = ["oleSize", "customWorkbookViews", "pivotCaches", "smartTagPr", "smartTagTypes",
                                                "webPublishing", "fileRecoveryPr", "webPublishObjects", "extLst"]

    init(output: @escaping ([UInt8]) throws -> Void) {
        self.output = output
    }

    func feed(_ chunk: UnsafeRawBufferPointer) throws {
        try tokenizer.feed(chunk) { token in try self.handle(token) }
    }

    func finish() throws {
        if tokenizer.isInsideMarkup || !done { throw SheetPatcher.Failure.malformed("the workbook part ends early") }
    }

    private func handle(_ token: XMLToken) throws {
        switch token {
        case .text(let bytes):
            try output(Array(bytes))
        case .markup(let bytes):
            guard var tag = XMLTag(bytes) else { try output(bytes); return }
            switch tag.form {
            case .start, .empty:
                if depth == 0 { rootPrefix = tag.prefix }
                if depth == 1 && !done {
                    if tag.localName == "calcPr" {
                        done = true
                        let already = tag.attribute("fullCalcOnLoad").map { $0 == "1" || $0 == "true" } == true
                        tag.set("fullCalcOnLoad", "1")
                        try output(already ? bytes : tag.bytes)
                        if tag.form == .start { depth += 1 }
                        return
                    }
                    if Self.after.contains(tag.localName) { try insert() }
                }
                try output(bytes)
                if tag.form == .start { depth += 1 }
            case .end:
                depth -= 1
                if depth == 0 && !done { try insert() }
                try output(bytes)
            }
        }
    }

    private func insert() throws {
        done = true
        try output(Array("<\(rootPrefix)calcPr fullCalcOnLoad=\"1\"/>".utf8))
    }
}
