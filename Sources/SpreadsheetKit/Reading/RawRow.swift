/// One row as the sheet parser holds it before any `String` or ``Cell`` is made: plain values
/// pointing into the row's byte buffer. The public tiers (``Workbook/forEachRow(in:_:)``,
/// ``Workbook/worksheet(_:)``) build ``Row``s from it with ``RawRow/row(into:)``; the dump reads it
/// directly, so a 2,000,000-cell sheet is dumped without 2,000,000 `Cell` values. Valid only
/// during the callback that receives it.
struct RawRow {
    /// How a raw cell's value is stored.
    enum Kind: UInt8 {
        /// No value (no `<v>`, or an empty one).
        case empty
        /// A number as stored (`bytes`); a date when its style's number format is one.
        case number
        /// An index into the shared strings (`index`).
        case sharedString
        /// Inline or formula-result text (`bytes`, OOXML `_xHHHH_` escapes not yet decoded).
        case text
        case boolean
        case error
        /// An ISO 8601 date cell (`t="d"`).
        case isoDate
    }

    /// One cell: trivial, so arrays of them cost no reference counting.
    struct Cell {
        var column: Int32
        var kind: Kind
        var style: Int32
        /// Start and length in the row's bytes; for ``Kind/sharedString`` `start` is the index.
        var start: Int32
        var length: Int32
        /// Index into ``RawRow/formulas``, or -1.
        var formula: Int32
    }

    var number = 0
    var height: Double?
    var isHidden = false
    var cells: [Cell] = []
    /// The stored values of the row's cells, one after another. Each is limited to
    /// ``ReadingLimits/maxStringBytes`` (checked per cell by the parser), the row to ``maxBytes``.
    var bytes = ByteScratch(capacity: 1024, limit: RawRow.maxBytes)
    /// The most a row's values may take together (64 MiB): 16,384 cells of 4 KiB each.
    static let maxBytes = 64 << 20
    /// The row's formulas (shared formulas already translated), by ``Cell/formula``.
    var formulas: [String] = []

    /// The value bytes of a cell (not for shared strings).
    @inline(__always) func value(of cell: Cell) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: bytes.base + Int(cell.start), count: Int(cell.length))
    }

    /// Whether the dump shows the cell: it has a value or a formula (``SpreadsheetKit/Cell/isShownInDump``).
    @inline(__always) func isShown(_ cell: Cell) -> Bool { cell.kind != .empty || cell.formula >= 0 }

    mutating func clear() {
        cells.removeAll(keepingCapacity: true)
        bytes.reset()
        if !formulas.isEmpty { formulas.removeAll(keepingCapacity: true) }
    }
}

/// What turns raw cells into public values: the workbook's shared strings, styles and date system.
struct CellDecoder {
    let sharedStrings: [String]
    let styles: [ResolvedStyle]
    let dateSystem: DateSystem

    /// Whether the cell's style formats its number as a date or time.
    @inline(__always) func isDate(_ cell: RawRow.Cell) -> Bool {
        cell.style >= 0 && Int(cell.style) < styles.count && styles[Int(cell.style)].isDate
    }

    /// The public value of a raw cell. The parser has checked shared-string indexes already.
    func value(of cell: RawRow.Cell, in row: RawRow) -> CellValue {
        switch cell.kind {
        case .empty:
            return .empty
        case .number:
            let text = String(decoding: row.value(of: cell), as: UTF8.self)
            if isDate(cell) {
                return .date(ExcelDateTime(serial: text, system: dateSystem, timeOfDay: styles[Int(cell.style)].isTimeOfDay))
            }
            return .number(text)
        case .sharedString:
            return .string(sharedStrings[Int(cell.start)])
        case .text:
            let bytes = row.value(of: cell)
            return .string(bytes.contains(UInt8(ascii: "_")) ? decodeOOXMLEscapes(Array(bytes)) : String(decoding: bytes, as: UTF8.self))
        case .boolean:
            let bytes = row.value(of: cell)
            return .boolean(bytes.first == UInt8(ascii: "1") || String(decoding: bytes, as: UTF8.self) == "true")
        case .error:
            return .error(String(decoding: row.value(of: cell), as: UTF8.self))
        case .isoDate:
            return .date(ExcelDateTime(isoText: String(decoding: row.value(of: cell), as: UTF8.self)))
        }
    }

    /// The public cell of a raw cell.
    func cell(_ cell: RawRow.Cell, in row: RawRow) -> Cell {
        let style = Int(cell.style)
        return Cell(reference: CellReference(row: row.number, column: Int(cell.column)),
                    value: value(of: cell, in: row),
                    formula: cell.formula >= 0 ? row.formulas[Int(cell.formula)] : nil,
                    styleIndex: style, numberFormat: style >= 0 && style < styles.count ? styles[style].numberFormat : nil)
    }

    /// Fills `target` (its cell capacity kept) with the public row of `raw`.
    func row(_ raw: RawRow, into target: inout Row) {
        target.number = raw.number
        target.height = raw.height
        target.isHidden = raw.isHidden
        // `removeLast` is specialised for `Cell`, where `removeAll(keepingCapacity:)` destroys the
        // cells through the runtime's generic value witnesses.
        while !target.cells.isEmpty { target.cells.removeLast() }
        for cell in raw.cells { target.cells.append(self.cell(cell, in: raw)) }
    }
}
