/// Rewrites one worksheet part as it streams through: every byte is passed on as it came, except
/// the target cells (their value replaced, their style kept), cells and rows inserted where a
/// target cell is missing (in column order; rows stay sorted), the cached values of formula
/// cells (removed: the values they depend on may have changed), and `<dimension>`/`spans` widened
/// when an inserted cell lies outside them. Only one `<c>` element is held in memory at a time.
final class SheetPatcher {
    private let output: ([UInt8]) throws -> Void
    private var tokenizer = XMLTokenizer()

    /// Targets not yet written, by row, each row's cells sorted by column.
    private var pendingRows: [(row: Int, cells: [(column: Int, edit: CellEdit)])]
    private let bounds: CellRange?

    // Where the stream is.
    private var inSheetData = false
    private var sheetDataSeen = false
    private var namePrefix = ""
    private var lastRow = 0
    private var currentRow: Int?
    private var rowCells: [(column: Int, edit: CellEdit)] = []
    private var rowStyle: String?
    private var lastColumn = 0
    private var columnStyles: [(first: Int, last: Int, style: String)] = []

    // The `<c>` element being held.
    private var cell: HeldCell?

    private(set) var formulaTargetsKept: [CellReference] = []
    private(set) var cachedValuesCleared = 0
    private(set) var insertedCells = 0

    init(edits: [CellReference: CellEdit], output: @escaping ([UInt8]) throws -> Void) {
        self.output = output
        var byRow: [Int: [(column: Int, edit: CellEdit)]] = [:]
        for (ref, edit) in edits { byRow[ref.row, default: []].append((ref.column, edit)) }
        pendingRows = byRow.keys.sorted().map { row in (row, byRow[row]!.sorted { $0.column < $1.column }) }
        if let first = edits.keys.min(by: { $0.row < $1.row || ($0.row == $1.row && $0.column < $1.column) }) {
            let minColumn = edits.keys.map(\.column).min()!, maxColumn = edits.keys.map(\.column).max()!
            let maxRow = edits.keys.map(\.row).max()!
            bounds = CellRange(first: CellReference(row: first.row, column: minColumn),
                               last: CellReference(row: maxRow, column: maxColumn))
        } else {
            bounds = nil
        }
    }

    enum Failure: Error {
        case malformed(String)
    }

    func feed(_ chunk: UnsafeRawBufferPointer) throws {
        try tokenizer.feed(chunk) { token in try self.handle(token) }
    }

    func finish() throws {
        if tokenizer.isInsideMarkup || cell != nil { throw Failure.malformed("the part ends inside an element") }
        if !sheetDataSeen { throw Failure.malformed("no <sheetData> element") }
    }

    // MARK: Tokens

    private func emit(_ bytes: [UInt8]) throws { try output(bytes) }
    private func emit(_ text: String) throws { try output(Array(text.utf8)) }

    private func handle(_ token: XMLToken) throws {
        if cell != nil { try hold(token); return }
        switch token {
        case .text(let bytes):
            try output(Array(bytes))
        case .markup(let bytes):
            guard var tag = XMLTag(bytes) else { try emit(bytes); return }
            switch (tag.localName, tag.form) {
            case ("dimension", _):
                try emit(widenedDimension(tag) ?? bytes)
            case ("col", _):
                if let min = tag.attribute("min").flatMap(Int.init), let max = tag.attribute("max").flatMap(Int.init),
                   let style = tag.attribute("style") {
                    columnStyles.append((min, max, style))
                }
                try emit(bytes)
            case ("sheetData", .start):
                inSheetData = true
                sheetDataSeen = true
                namePrefix = tag.prefix
                try emit(bytes)
            case ("sheetData", .empty):
                sheetDataSeen = true
                namePrefix = tag.prefix
                tag.form = .start
                try emit(tag.bytes)
                try flushRows(before: Int.max)
                try emit("</\(tag.qualifiedName)>")
            case ("sheetData", .end):
                try flushRows(before: Int.max)
                inSheetData = false
                try emit(bytes)
            case ("row", .start) where inSheetData, ("row", .empty) where inSheetData:
                try startRow(tag, original: bytes)
            case ("row", .end) where inSheetData:
                try flushCells(before: Int.max)
                currentRow = nil
                try emit(bytes)
            case ("c", .start) where currentRow != nil, ("c", .empty) where currentRow != nil:
                try startCell(tag, original: bytes)
            default:
                try emit(bytes)
            }
        }
    }

    // MARK: Rows

    private func startRow(_ tag: XMLTag, original: [UInt8]) throws {
        var tag = tag
        let number = tag.attribute("r").flatMap(Int.init) ?? (lastRow + 1)
        lastRow = number
        try flushRows(before: number)
        var targets: [(column: Int, edit: CellEdit)] = []
        if let first = pendingRows.first, first.row == number {
            targets = first.cells
            pendingRows.removeFirst()
        }
        rowStyle = tag.attribute("customFormat").map { $0 == "1" || $0 == "true" } == true ? tag.attribute("s") : nil
        lastColumn = 0
        if targets.isEmpty {
            try emit(original)
            if tag.form == .start { currentRow = number; rowCells = [] }
            return
        }
        let widened = widenSpans(&tag, columns: targets.map(\.column))
        if tag.form == .empty {
            // A row with no cells: open it, write the targets, close it.
            tag.form = .start
            try emit(tag.bytes)
            currentRow = number
            rowCells = targets
            try flushCells(before: Int.max)
            try emit("</\(tag.qualifiedName)>")
            currentRow = nil
        } else {
            try emit(widened ? tag.bytes : original)
            currentRow = number
            rowCells = targets
        }
    }

    /// Writes the target rows that come before `row` (rows the sheet does not have).
    private func flushRows(before row: Int) throws {
        while let first = pendingRows.first, first.row < row {
            pendingRows.removeFirst()
            let cols = first.cells.map(\.column)
            try emit("<\(namePrefix)row r=\"\(first.row)\" spans=\"\(cols.min()!):\(cols.max()!)\">")
            rowStyle = nil
            for (column, edit) in first.cells {
                try emitNewCell(CellReference(row: first.row, column: column), edit)
            }
            try emit("</\(namePrefix)row>")
        }
    }

    /// Writes this row's targets left of `column` (cells the row does not have).
    private func flushCells(before column: Int) throws {
        guard let row = currentRow else { return }
        while let first = rowCells.first, first.column < column {
            rowCells.removeFirst()
            try emitNewCell(CellReference(row: row, column: first.column), first.edit)
        }
    }

    private func emitNewCell(_ ref: CellReference, _ edit: CellEdit) throws {
        var tag = XMLTag(form: .start, qualifiedName: namePrefix + "c")
        tag.set("r", ref.a1)
        if let style = rowStyle ?? columnStyles.last(where: { $0.first <= ref.column && ref.column <= $0.last })?.style,
           style != "0" {
            tag.set("s", style)
        }
        insertedCells += 1
        try emit(content(tag, edit, prefix: namePrefix))
    }

    // MARK: Cells

    private struct HeldCell {
        var tag: XMLTag
        /// The start and end tags exactly as written.
        var startBytes: [UInt8]
        var endBytes: [UInt8] = []
        var reference: CellReference
        var edit: CellEdit?
        /// The bytes inside the element.
        var inner: [UInt8] = []
        var depth = 0
        /// Direct children: local name and byte range within `inner`.
        var children: [(name: Substring, range: Range<Int>)] = []
        var childStart = 0
        var childName: Substring = ""
    }

    private func startCell(_ tag: XMLTag, original: [UInt8]) throws {
        let reference = tag.attribute("r").flatMap(CellReference.init) ?? CellReference(row: currentRow!, column: lastColumn + 1)
        lastColumn = reference.column
        try flushCells(before: reference.column)
        var edit: CellEdit?
        if let first = rowCells.first, first.column == reference.column {
            edit = first.edit
            rowCells.removeFirst()
        }
        let held = HeldCell(tag: tag, startBytes: original, reference: reference, edit: edit)
        if tag.form == .empty {
            try finishCell(held)
        } else {
            cell = held
        }
    }

    /// Collects the tokens inside the held `<c>` until its end tag.
    private func hold(_ token: XMLToken) throws {
        switch token {
        case .text(let bytes):
            cell!.inner += Array(bytes)
        case .markup(let bytes):
            let tag = XMLTag(bytes)
            if let tag, tag.form == .end {
                if cell!.depth == 0 {
                    guard tag.localName == "c" else { throw Failure.malformed("</\(tag.qualifiedName)> inside a cell") }
                    var held = cell!
                    held.endBytes = bytes
                    cell = nil
                    try finishCell(held)
                    return
                }
                cell!.inner += bytes
                cell!.depth -= 1
                if cell!.depth == 0 {
                    cell!.children.append((cell!.childName, cell!.childStart..<cell!.inner.count))
                }
                return
            }
            if let tag, cell!.depth == 0 {
                cell!.childStart = cell!.inner.count
                cell!.childName = tag.localName
            }
            cell!.inner += bytes
            if let tag, tag.form == .start {
                cell!.depth += 1
            } else if let tag, tag.form == .empty, cell!.depth == 0 {
                cell!.children.append((tag.localName, cell!.childStart..<cell!.inner.count))
            }
        }
    }

    private func finishCell(_ held: HeldCell) throws {
        let formula = held.children.first { $0.name == "f" }
        var tag = held.tag
        if tag.attribute("r") == nil { tag.set("r", held.reference.a1) }
        if let formula {
            // Formulas stay formulas; the cached result goes, so Excel recalculates it.
            if held.edit != nil { formulaTargetsKept.append(held.reference) }
            let hadCache = held.children.contains { $0.name == "v" || $0.name == "is" }
            if hadCache { cachedValuesCleared += 1 }
            tag.remove("t")
            tag.remove("vm")
            tag.form = .start
            var out = tag.bytes
            out += held.inner[formula.range]
            for child in held.children where child.name != "f" && child.name != "v" && child.name != "is" {
                out += held.inner[child.range]
            }
            out += Array("</\(tag.qualifiedName)>".utf8)
            try emit(out)
            return
        }
        guard let edit = held.edit else {
            // Not a target: exactly as it was.
            try emit(held.startBytes + held.inner + held.endBytes)
            return
        }
        tag.remove("t")
        tag.remove("vm")
        tag.remove("cm")
        try emit(content(tag, edit, prefix: tag.prefix))
    }

    /// A whole `<c>` element holding `edit`, with the start tag's other attributes (style) kept.
    private func content(_ tag: XMLTag, _ edit: CellEdit, prefix: String) -> [UInt8] {
        var tag = tag
        tag.form = .start
        let body: String
        switch edit {
        case .number(let text):
            body = "<\(prefix)v>\(XMLText.escapeText(text))</\(prefix)v>"
        case .text(let text):
            tag.set("t", "inlineStr")
            let preserve = text.first.map(\.isWhitespace) == true || text.last.map(\.isWhitespace) == true
            body = "<\(prefix)is><\(prefix)t\(preserve ? " xml:space=\"preserve\"" : "")>\(XMLText.escapeText(text))</\(prefix)t></\(prefix)is>"
        }
        return tag.bytes + Array(body.utf8) + Array("</\(tag.qualifiedName)>".utf8)
    }

    // MARK: Dimension and spans

    /// The `<dimension>` tag widened to cover the targets, or `nil` when it already does.
    private func widenedDimension(_ tag: XMLTag) -> [UInt8]? {
        guard let bounds, let ref = tag.attribute("ref"), let range = CellRange(ref) else { return nil }
        guard !(range.contains(bounds.first) && range.contains(bounds.last)) else { return nil }
        var tag = tag
        let union = CellRange(first: CellReference(row: min(range.first.row, bounds.first.row), column: min(range.first.column, bounds.first.column)),
                              last: CellReference(row: max(range.last.row, bounds.last.row), column: max(range.last.column, bounds.last.column)))
        tag.set("ref", union.a1)
        return tag.bytes
    }

    /// Widens a row's `spans` hint to cover `columns`; returns whether it changed.
    private func widenSpans(_ tag: inout XMLTag, columns: [Int]) -> Bool {
        guard let spans = tag.attribute("spans") else { return false }
        var low = Int.max, high = 0
        for group in spans.split(separator: " ") {
            let parts = group.split(separator: ":").compactMap { Int($0) }
            guard parts.count == 2 else { return false }
            low = min(low, parts[0]); high = max(high, parts[1])
        }
        let newLow = min(low, columns.min()!), newHigh = max(high, columns.max()!)
        let covered = columns.allSatisfy { c in
            spans.split(separator: " ").contains { g in
                let p = g.split(separator: ":").compactMap { Int($0) }
                return p.count == 2 && p[0] <= c && c <= p[1]
            }
        }
        guard !covered else { return false }
        tag.set("spans", "\(newLow):\(newHigh)")
        return true
    }
}
