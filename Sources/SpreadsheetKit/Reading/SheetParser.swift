import Foundation

/// Streams one worksheet part: collects each row's cells as a ``RawRow`` and hands it on, collecting
/// the layout (merges, columns) as it goes. Holds one row at a time; never the sheet.
final class SheetParser: SAXHandler {
    private let sharedStringCount: Int
    private let fileName: String
    private let sheetName: String
    private let onRow: (RawRow) throws -> Void

    private(set) var layout = SheetLayout()
    private(set) var pendingError: Error?

    // Hostile-input limit (ReadingLimits.maxCellsPerSheet; 16,384 cells per row): set by XLSXPackage.
    var part = ""
    var maxCells = ReadingLimits.maxCellsPerSheet
    private var cellCount = 0

    // Row state.
    private var row = RawRow()
    private var inRow = false
    private var lastRowNumber = 0
    private var lastColumn = 0

    // Cell state.
    private var inCell = false
    private var cellRef = CellReference(row: 0, column: 0)
    private var cellType = CellType.number
    private var cellStyle = 0
    // The cell's value is captured into the row's bytes from `valueStart` while inside <v>/<t>;
    // its formula into `formulaText` while inside <f>.
    private var valueStart = 0
    private var formulaText = ByteScratch()
    private var capturingValue = false
    private var capturingFormula = false
    private var hasValue = false
    private var hasFormula = false
    private var sharedFormulaIndex: Int?
    private var sharedFormulaRange: Bool = false
    private var inInlineString = false
    private var phoneticDepth = 0
    private var sharedFormulas: [Int: (origin: CellReference, text: String)] = [:]

    private enum CellType { case number, sharedString, formulaString, inlineString, boolean, error, isoDate }

    init(sharedStringCount: Int, fileName: String, sheetName: String, onRow: @escaping (RawRow) throws -> Void) {
        self.sharedStringCount = sharedStringCount
        self.fileName = fileName
        self.sheetName = sheetName
        self.onRow = onRow
    }

    deinit {
        row.bytes.release()
        formulaText.release()
    }

    private func fail(_ cell: String, _ reason: String) {
        if pendingError == nil {
            pendingError = WorkbookReadError.invalidCell(file: fileName, sheet: sheetName, cell: cell, reason: reason)
        }
    }

    func startElement(_ name: XMLName, _ attributes: XMLAttributes) {
        guard pendingError == nil else { return }
        switch name.pointer[0] {
        case UInt8(ascii: "c") where name.equals("c"):
            startCell(attributes)
        case UInt8(ascii: "v") where name.equals("v"):
            if inCell { valueStart = row.bytes.count; capturingValue = true; hasValue = true }
        case UInt8(ascii: "f") where name.equals("f"):
            if inCell { startFormula(attributes) }
        case UInt8(ascii: "t") where name.equals("t"):
            if inInlineString && phoneticDepth == 0 { capturingValue = true; hasValue = true }
        case UInt8(ascii: "r") where name.equals("row"):
            startRow(attributes)
        case UInt8(ascii: "r") where name.equals("rPh"):
            phoneticDepth += 1
        case UInt8(ascii: "i") where name.equals("is"):
            if inCell { inInlineString = true; valueStart = row.bytes.count; capturingValue = false }
        case UInt8(ascii: "m") where name.equals("mergeCell"):
            if let ref = attributes.string("ref") {
                guard let range = CellRange(ref) else { return fail(ref, "合并区域无效 / invalid merged range") }
                layout.mergedRanges.append(range)
            }
        case UInt8(ascii: "c") where name.equals("col"):
            if let first = attributes.int("min"), let last = attributes.int("max"), first >= 1, first <= last {
                layout.columns.append(ColumnInfo(first: first, last: min(last, Limits.maxColumns),
                                                 width: attributes.string("width").flatMap(Double.init),
                                                 isHidden: attributes.bool("hidden") ?? false))
            }
        case UInt8(ascii: "s") where name.equals("sheetFormatPr"):
            layout.defaultColumnWidth = attributes.string("defaultColWidth").flatMap(Double.init)
            layout.defaultRowHeight = attributes.string("defaultRowHeight").flatMap(Double.init)
        default:
            break
        }
    }

    func endElement(_ name: XMLName) {
        guard pendingError == nil else { return }
        switch name.pointer[0] {
        case UInt8(ascii: "c") where name.equals("c"):
            endCell()
        case UInt8(ascii: "v") where name.equals("v"):
            capturingValue = false
        case UInt8(ascii: "f") where name.equals("f"):
            capturingFormula = false
        case UInt8(ascii: "t") where name.equals("t"):
            if inInlineString { capturingValue = false }
        case UInt8(ascii: "r") where name.equals("row"):
            endRow()
        case UInt8(ascii: "r") where name.equals("rPh"):
            phoneticDepth -= 1
        case UInt8(ascii: "i") where name.equals("is"):
            inInlineString = false
        case UInt8(ascii: "s") where name.equals("sheetData"):
            if inRow { endRow() }
        default:
            break
        }
    }

    func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
        if capturingValue { row.bytes.append(bytes) }
        if capturingFormula { formulaText.append(bytes) }
    }

    // MARK: Rows

    private func startRow(_ attributes: XMLAttributes) {
        let number = attributes.int("r") ?? (lastRowNumber + 1)
        guard number >= 1, number <= Limits.maxRows else {
            return fail("row \(attributes.string("r") ?? "?")", "行号超出 Excel 上限 / row number outside Excel's limits")
        }
        row.number = number
        row.clear()
        // A row opened inside a cell (hostile) restarts the bytes under it: the cell keeps what follows.
        if inCell { valueStart = 0 }
        row.height = attributes.string("ht").flatMap(Double.init)
        row.isHidden = attributes.bool("hidden") ?? false
        inRow = true
        lastRowNumber = number
        lastColumn = 0
    }

    private func endRow() {
        inRow = false
        do { try onRow(row) } catch { pendingError = error }
    }

    // MARK: Cells

    private func startCell(_ attributes: XMLAttributes) {
        if !inRow { // a cell outside a <row>: tolerate, as Excel does, by opening an implicit row
            guard lastRowNumber < Limits.maxRows else {
                return fail("row \(lastRowNumber + 1)", "行号超出 Excel 上限 / row number outside Excel's limits")
            }
            row.number = lastRowNumber + 1; row.clear()
            row.height = nil; row.isHidden = false; inRow = true; lastRowNumber = row.number; lastColumn = 0
        }
        // One pass over the attributes: r, s and t (the common case of every cell).
        var r: UnsafeBufferPointer<UInt8>?, t: UnsafeBufferPointer<UInt8>?, s: UnsafeBufferPointer<UInt8>?
        attributes.forEachSingleLetter { letter, value in
            switch letter {
            case UInt8(ascii: "r"): if r == nil { r = value }
            case UInt8(ascii: "s"): if s == nil { s = value }
            case UInt8(ascii: "t"): if t == nil { t = value }
            default: break
            }
        }
        if let r {
            guard let ref = parseReference(r) else {
                return fail(String(decoding: r, as: UTF8.self), "单元格引用无效 / invalid cell reference")
            }
            // The row attribute is authoritative for the row; a stray r pointing elsewhere is the file's error.
            cellRef = CellReference(row: row.number, column: ref.column)
        } else {
            cellRef = CellReference(row: row.number, column: lastColumn + 1)
        }
        guard cellRef.column <= Limits.maxColumns else {
            return fail(cellRef.a1, "列号超出 Excel 上限 / column outside Excel's limits")
        }
        cellCount += 1
        if cellCount > maxCells || row.cells.count >= Limits.maxColumns { return failTooManyCells() }
        lastColumn = cellRef.column
        cellStyle = s.flatMap(XMLAttributes.integer) ?? 0
        cellType = .number
        if let t, !t.isEmpty {
            switch (t[0], t.count) {
            case (UInt8(ascii: "s"), 1): cellType = .sharedString
            case (UInt8(ascii: "s"), _): cellType = .formulaString
            case (UInt8(ascii: "i"), _): cellType = .inlineString
            case (UInt8(ascii: "b"), _): cellType = .boolean
            case (UInt8(ascii: "e"), _): cellType = .error
            case (UInt8(ascii: "d"), _): cellType = .isoDate
            default: cellType = .number
            }
        }
        inCell = true
        hasValue = false
        hasFormula = false
        sharedFormulaIndex = nil
        valueStart = row.bytes.count
        capturingValue = false
    }

    private func startFormula(_ attributes: XMLAttributes) {
        hasFormula = true
        formulaText.reset()
        capturingFormula = true
        sharedFormulaIndex = nil
        if attributes.string("t") == "shared" {
            sharedFormulaIndex = attributes.int("si")
            sharedFormulaRange = attributes.bytes("ref") != nil
        }
    }

    private func endCell() {
        inCell = false
        let length = row.bytes.count - valueStart
        if row.bytes.overflowed || formulaText.overflowed || length > ReadingLimits.maxStringBytes { return failTextTooLong() }
        var kind = RawRow.Kind.empty
        var start = valueStart
        if hasValue {
            switch cellType {
            case .number: kind = length > 0 ? .number : .empty
            case .sharedString:
                let text = UnsafeBufferPointer(start: row.bytes.base + valueStart, count: length)
                guard let index = parseIndex(text), index < sharedStringCount else {
                    let shown = String(decoding: text, as: UTF8.self)
                    return fail(cellRef.a1, "共享字符串索引 \(shown) 超出范围 / shared string index \(shown) out of range")
                }
                kind = .sharedString
                start = index
                row.bytes.truncate(to: valueStart) // the index is kept, not its digits
            case .formulaString, .inlineString: kind = .text
            case .boolean: kind = .boolean
            case .error: kind = .error
            case .isoDate: kind = length > 0 ? .isoDate : .empty
            }
        }
        var formulaIndex: Int32 = -1
        if hasFormula {
            var formula = formulaText.string
            if let si = sharedFormulaIndex {
                if sharedFormulaRange, !formula.isEmpty {
                    sharedFormulas[si] = (cellRef, formula)
                } else if let master = sharedFormulas[si] {
                    formula = FormulaTranslator.shift(master.text,
                                                      rows: cellRef.row - master.origin.row,
                                                      columns: cellRef.column - master.origin.column)
                }
            }
            formulaIndex = Int32(row.formulas.count)
            row.formulas.append(formula)
        }
        row.cells.append(RawRow.Cell(column: Int32(cellRef.column), kind: kind, style: Int32(clamping: cellStyle),
                                     start: Int32(truncatingIfNeeded: start), length: Int32(truncatingIfNeeded: kind == .sharedString ? 0 : length),
                                     formula: formulaIndex))
    }

    @inline(__always) private func parseIndex(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !bytes.isEmpty, bytes.count < 12 else { return nil }
        var n = 0
        for b in bytes {
            guard b >= 48, b <= 57 else { return nil }
            n = n * 10 + Int(b - 48)
        }
        return n
    }

    /// Parses `B12` (or `$B$12`) from raw bytes without building a `String`.
    @inline(__always) private func parseReference(_ bytes: UnsafeBufferPointer<UInt8>) -> CellReference? {
        var column = 0, row = 0, i = 0
        while i < bytes.count, case let b = bytes[i], (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || b == 36 {
            if b != 36 { column = column * 26 + Int((b & 0xDF) - 64) }
            i += 1
            if column > Limits.maxColumns { return nil }
        }
        while i < bytes.count, case let b = bytes[i], (b >= 48 && b <= 57) || b == 36 {
            if b != 36 { row = row * 10 + Int(b - 48) }
            i += 1
            if row > Limits.maxRows { return nil }
        }
        guard i == bytes.count, column >= 1 else { return nil }
        return CellReference(row: row, column: column)
    }
}

extension SheetParser {
    /// A cell whose value or formula text is longer than ``ReadingLimits/maxStringBytes``.
    fileprivate func failTextTooLong() {
        fail(cellRef.a1, "文本超过 \(ReadingLimits.maxStringBytes) 字节 / text longer than \(ReadingLimits.maxStringBytes) bytes")
    }

    /// A sheet with more cells than ``maxCells`` (or a row with more than 16,384): refused where it stopped.
    fileprivate func failTooManyCells() {
        if pendingError == nil {
            pendingError = WorkbookReadError.tooManyCells(file: fileName, sheet: sheetName, part: part,
                                                          cell: cellRef.a1, limit: maxCells)
        }
    }
}
