/// The two dump formats of a workbook (tsv and json), streamed sheet by sheet and row by row.
public enum DumpFormat: String, CaseIterable, Sendable {
    case tsv, json
}

/// Writes a workbook in the dump formats: a plain view of every value, for people and scripts.
///
/// tsv: `# sheet: NAME` (then `# hidden`/`# veryHidden`), one line per row that has a cell —
/// row number, tab, the cells from column A to the last non-empty one — then `# merged: …`.
/// A formula without a cached value is shown as `=FORMULA` in tsv and typed
/// `formula-without-cache` in json; it is never shown as 0.
///
/// ```swift
/// let out = OutputBuffer.standardOutput()
/// try DumpWriter(format: .tsv, output: out).dump(try Workbook(path: "a.xlsx"))
/// try out.flush()
/// ```
public struct DumpWriter {
    public let format: DumpFormat
    public let output: OutputBuffer

    public init(format: DumpFormat, output: OutputBuffer) {
        self.format = format
        self.output = output
    }

    /// Dumps every sheet, or only `sheets` when given.
    public func dump(_ workbook: Workbook, sheets: [SheetInfo]? = nil) throws {
        let selected = sheets ?? workbook.sheets
        if format == .json { output.append("{\"sheets\": [") }
        for (i, sheet) in selected.enumerated() {
            switch format {
            case .tsv: try dumpTSV(workbook, sheet)
            case .json:
                if i > 0 { output.append(",") }
                try dumpJSON(workbook, sheet)
            }
        }
        if format == .json { output.append("]}\n") }
        try output.flush()
    }

    // MARK: tsv

    private func dumpTSV(_ workbook: Workbook, _ sheet: SheetInfo) throws {
        let out = output
        out.append("# sheet: ")
        appendEscaped(sheet.name)
        out.append(byte: 10)
        if sheet.visibility != .visible { out.append("# \(sheet.visibility.rawValue)\n") }
        // xlsx sheets are dumped from the parser's raw rows: no `Cell` (and no `String` per number)
        // for each of the millions of cells of a large sheet. Other formats go through `Row`s.
        let layout = try workbook.forEachRawRow(in: sheet) { row, decoder in try appendTSV(row, decoder) }
            ?? workbook.forEachRow(in: sheet) { row in try appendTSV(row) }
        if !layout.mergedRanges.isEmpty {
            out.append("# merged:")
            for range in layout.mergedRanges { out.append(" " + range.a1) }
            out.append(byte: 10)
        }
    }

    /// One tsv line of a row: row number, then one tab per column up to each shown cell.
    private func appendTSV(_ row: Row) throws {
        // Cells are read in place (no copy of each Cell and its strings).
        row.cells.withUnsafeBufferPointer { cells in
            var lastShown = cells.count - 1
            while lastShown >= 0 && !cells[lastShown].isShownInDump { lastShown -= 1 }
            guard lastShown >= 0 else { return }
            output.append(row.number)
            var column = 0
            for i in 0...lastShown {
                while column < cells[i].reference.column { output.append(byte: 9); column += 1 }
                appendTSV(cells[i])
            }
            output.append(byte: 10)
        }
        try output.flushIfNeeded()
    }

    /// The same line from a raw row: numbers copied as stored and shared strings taken as they
    /// are; every other kind of cell goes through its public ``Cell``, so both ways print alike.
    private func appendTSV(_ row: RawRow, _ decoder: CellDecoder) throws {
        row.cells.withUnsafeBufferPointer { cells in
            var lastShown = cells.count - 1
            while lastShown >= 0 && !row.isShown(cells[lastShown]) { lastShown -= 1 }
            guard lastShown >= 0 else { return }
            output.append(row.number)
            var column = 0
            for i in 0...lastShown {
                let cell = cells[i]
                while column < Int(cell.column) { output.append(byte: 9); column += 1 }
                switch cell.kind {
                case .number where cell.formula < 0 && !decoder.isDate(cell): output.append(bytes: row.value(of: cell))
                case .sharedString where cell.formula < 0: appendEscaped(decoder.sharedStrings[Int(cell.start)])
                default: appendTSV(decoder.cell(cell, in: row))
                }
            }
            output.append(byte: 10)
        }
        try output.flushIfNeeded()
    }

    /// One cell's tsv text: a formula without a cached value as `=FORMULA`, else the value.
    private func appendTSV(_ cell: Cell) {
        if cell.isFormulaWithoutCachedValue, let formula = cell.formula {
            output.append(byte: UInt8(ascii: "="))
            appendEscaped(formula)
            return
        }
        switch cell.value {
        case .string(let s): appendEscaped(s)
        case .number(let text): output.append(text)
        default: output.append(cell.value.dumpText)
        }
    }

    /// tsv escapes: `\` → `\\`, tab → `\t`, newline → `\n`, CR → `\r`.
    private func appendEscaped(_ text: String) {
        if text.utf8.withContiguousStorageIfAvailable({ appendEscaped(bytes: $0) }) != nil { return }
        var text = text
        text.withUTF8 { appendEscaped(bytes: $0) }
    }

    private func appendEscaped(bytes: UnsafeBufferPointer<UInt8>) {
        // Most labels need no escape: copy them whole.
        if !bytes.contains(where: { $0 == 92 || $0 == 9 || $0 == 10 || $0 == 13 }) {
            output.append(bytes: bytes)
            return
        }
        for b in bytes {
            switch b {
            case 92: output.append(byte: 92); output.append(byte: 92)
            case 9: output.append(byte: 92); output.append(byte: UInt8(ascii: "t"))
            case 10: output.append(byte: 92); output.append(byte: UInt8(ascii: "n"))
            case 13: output.append(byte: 92); output.append(byte: UInt8(ascii: "r"))
            default: output.append(byte: b)
            }
        }
    }

    // MARK: json

    private func dumpJSON(_ workbook: Workbook, _ sheet: SheetInfo) throws {
        let out = output
        out.append("\n{\"name\": ")
        appendJSONString(sheet.name)
        out.append(", \"visible\": \"\(sheet.visibility.rawValue)\", \"rows\": [")
        var firstRow = true
        let layout = try workbook.forEachRow(in: sheet) { row in
            let shown = row.cells.filter { $0.isShownInDump }
            guard !shown.isEmpty else { return }
            out.append(firstRow ? "\n  " : ",\n  ")
            firstRow = false
            out.append("{\"row\": ")
            out.append(row.number)
            out.append(", \"cells\": [")
            for (i, cell) in shown.enumerated() {
                if i > 0 { out.append(", ") }
                out.append("{\"ref\": \"\(cell.reference.a1)\", \"type\": \"")
                out.append(cell.isFormulaWithoutCachedValue ? "formula-without-cache" : cell.value.dumpType)
                out.append("\", \"value\": ")
                appendJSONString(cell.value.dumpText)
                if let format = cell.numberFormat {
                    out.append(", \"format\": ")
                    appendJSONString(format)
                }
                if let formula = cell.formula {
                    out.append(", \"formula\": ")
                    appendJSONString(formula)
                }
                out.append("}")
            }
            out.append("]}")
            try out.flushIfNeeded()
        }
        out.append("], \"merged\": [")
        out.append(layout.mergedRanges.map { "\"\($0.a1)\"" }.joined(separator: ", "))
        out.append("]}")
    }

    private func appendJSONString(_ text: String) {
        output.append(byte: 34)
        var text = text
        text.withUTF8 { bytes in
            for b in bytes {
                switch b {
                case 34: output.append(byte: 92); output.append(byte: 34)
                case 92: output.append(byte: 92); output.append(byte: 92)
                case 10: output.append(byte: 92); output.append(byte: UInt8(ascii: "n"))
                case 13: output.append(byte: 92); output.append(byte: UInt8(ascii: "r"))
                case 9: output.append(byte: 92); output.append(byte: UInt8(ascii: "t"))
                case 0..<32:
                    let hex = Array("0123456789abcdef".utf8)
                    for c in [92, UInt8(ascii: "u"), 48, 48, hex[Int(b >> 4)], hex[Int(b & 15)]] { output.append(byte: c) }
                default: output.append(byte: b)
                }
            }
        }
        output.append(byte: 34)
    }
}
