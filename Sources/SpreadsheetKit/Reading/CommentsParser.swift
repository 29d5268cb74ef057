/// Reads a sheet's comments part (批注): each comment's cell, author and flattened text.
final class CommentsParser: SAXHandler {
    private(set) var comments: [(CellReference, CellComment)] = []
    private var authors: [String] = []
    private var text = TextCapture()
    private var inAuthor = false, inComment = false, phoneticDepth = 0
    private var current: (ref: CellReference, author: Int?)?

    func startElement(_ name: XMLName, _ attributes: XMLAttributes) {
        if name.equals("author") {
            inAuthor = true
            text.begin()
        } else if name.equals("comment") {
            current = attributes.string("ref").flatMap(CellReference.init).map { ($0, attributes.int("authorId")) }
            inComment = true
            text.begin()
            text.end()
        } else if name.equals("t"), inComment, phoneticDepth == 0 {
            text.begin(keeping: true)
        } else if name.equals("rPh") {
            phoneticDepth += 1
        }
    }

    func endElement(_ name: XMLName) {
        if name.equals("author") {
            authors.append(text.decoded)
            text.end()
            inAuthor = false
        } else if name.equals("t") {
            if !inAuthor { text.end() }
        } else if name.equals("rPh") {
            phoneticDepth -= 1
        } else if name.equals("comment") {
            if let current {
                let author = current.author.flatMap { $0 < authors.count ? authors[$0] : nil }
                comments.append((current.ref, CellComment(text.decoded, author: author?.isEmpty == true ? nil : author)))
            }
            current = nil
            inComment = false
        }
    }

    func characters(_ bytes: UnsafeBufferPointer<UInt8>) { text.append(bytes) }
}
