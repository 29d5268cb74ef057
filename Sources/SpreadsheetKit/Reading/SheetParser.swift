import Foundation

/// Streams one worksheet part: builds each row's cells and hands the row on, collecting the
/// layout (merges, columns) as it goes. Holds one row at a time; never the sheet.
final class SheetParser: SAXHandler {
    private let sharedStrings: [String]
    private let styles: [ResolvedStyle]
    private let dateSystem: DateSystem
    private let fileName: String
    private let sheetName: String
    private let onRow: (Row) throws -> Void

    private(set) var layout = SheetLayout()
    private(set) var pendingError: Error?

    // Hostile-input limit (ReadingLimits.maxCellsPerSheet; 16,384 cells per row): set by XLSXPackage.
    var part = ""
    var maxCells = ReadingLimits.maxCellsPerSheet
    private var cellCount = 0

    // Row state.
    private var row = Row(number: 0, cells: [])
    private var inRow = false
    private var lastRowNumber = 0
    private var lastColumn = 0

    // Cell state.
    private var inCell = false
    private var cellRef = CellReference(row: 0, column: 0)
    private var cellType = CellType.number
    private var cellStyle = 0
    // The text of the cell's value and formula, captured only while inside <v>/<t> and <f>.
    private var valueText = ByteScratch()
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

    init(sharedStrings: [String], styles: [ResolvedStyle], dateSystem: DateSystem,
         fileName: String, sheetName: String, onRow: @escaping (Row) throws -> Void) {
        self.sharedStrings = sharedStrings
        self.styles = styles
        self.dateSystem = dateSystem
        self.fileName = fileName
        self.sheetName = sheetName
        self.onRow = onRow
    }

    deinit {
        valueText.release()
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
            if inCell { valueText.reset(); capturingValue = true; hasValue = true }
        case UInt8(ascii: "f") where name.equals("f"):
            if inCell { startFormula(attributes) }
        case UInt8(ascii: "t") where name.equals("t"):
            if inInlineString && phoneticDepth == 0 { capturingValue = true; hasValue = true }
        case UInt8(ascii: "r") where name.equals("row"):
            startRow(attributes)
        case UInt8(ascii: "r") where name.equals("rPh"):
            phoneticDepth += 1
        case UInt8(ascii: "i") where name.equals("is"):
            if inCell { inInlineString = true; valueText.reset(); capturingValue = false }
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
        if capturingValue { valueText.append(bytes) }
        if capturingFormula { formulaText.append(bytes) }
    }

    // MARK: Rows

    private func startRow(_ attributes: XMLAttributes) {
        let number = attributes.int("r") ?? (lastRowNumber + 1)
        guard number >= 1, number <= Limits.maxRows else {
            return fail("row \(attributes.string("r") ?? "?")", "行号超出 Excel 上限 / row number outside Excel's limits")
        }
        row.number = number
        clearCells()
        row.height = attributes.string("ht").flatMap(Double.init)
        row.isHidden = attributes.bool("hidden") ?? false
        inRow = true
        lastRowNumber = number
        lastColumn = 0
    }

    /// Empties the row's cells, keeping the capacity. `removeLast` is specialised for `Cell`, where
    /// `removeAll(keepingCapacity:)` destroys the cells through the runtime's generic value witnesses.
    @inline(__always) private func clearCells() {
        while !row.cells.isEmpty { row.cells.removeLast() }
    }

    private func endRow() {
        inRow = false
        do { try onRow(row) } catch { pendingError = error }
    }

    // MARK: Cells

    private func startCell(_ attributes: XMLAttributes) {
        if !inRow { // a cell outside a <row>: tolerate, as Excel does, by opening an implicit row
            row.number = lastRowNumber + 1; clearCells()
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
        valueText.reset()
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
        if valueText.overflowed || formulaText.overflowed { return failTextTooLong() }
        let hasStyle = cellStyle < styles.count
        var value = CellValue.empty
        if hasValue {
            switch cellType {
            case .number:
                if !valueText.isEmpty {
                    let text = valueText.string
                    if hasStyle, styles[cellStyle].isDate {
                        value = .date(ExcelDateTime(serial: text, system: dateSystem, timeOfDay: styles[cellStyle].isTimeOfDay))
                    } else {
                        value = .number(text)
                    }
                }
            case .sharedString:
                guard let index = parseIndex(valueText.buffer), index < sharedStrings.count else {
                    return fail(cellRef.a1, "共享字符串索引 \(valueText.string) 超出范围 / shared string index \(valueText.string) out of range")
                }
                value = .string(sharedStrings[index])
            case .formulaString, .inlineString:
                value = .string(valueText.decoded)
            case .boolean:
                value = .boolean(valueText.first == UInt8(ascii: "1") || valueText.string == "true")
            case .error:
                value = .error(valueText.string)
            case .isoDate:
                value = valueText.isEmpty ? .empty : .date(ExcelDateTime(isoText: valueText.string))
            }
        }
        var formula: String?
        if hasFormula {
            formula = formulaText.string
            if let si = sharedFormulaIndex {
                if sharedFormulaRange, let text = formula, !text.isEmpty {
                    sharedFormulas[si] = (cellRef, text)
                } else if let master = sharedFormulas[si] {
                    formula = FormulaTranslator.shift(master.text,
                                                      rows: cellRef.row - master.origin.row,
                                                      columns: cellRef.column - master.origin.column)
                }
            }
        }
        row.cells.append(Cell(reference: cellRef, value: value, formula: formula,
                              styleIndex: cellStyle, numberFormat: hasStyle ? styles[cellStyle].numberFormat : nil))
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
