/// One cell as the BIFF records store it, before FreeXL's value is joined to it.
struct BIFFCell {
    enum Content {
        /// NUMBER, RK or one entry of MULRK: the stored IEEE double.
        case number(Double)
        /// LABELSST: an index into the shared string table (FreeXL decodes the table).
        case sharedString(Int)
        /// LABEL or RSTRING: the text as this scan decodes it (FreeXL's decoding is preferred).
        case label(String?)
        /// BLANK or one entry of MULBLANK: a formatted cell without a value.
        case blank
        case boolean(Bool)
        /// An error code of BOOLERR or of a formula result ([MS-XLS] 2.5.10 BErr).
        case error(UInt8)
        /// A FORMULA record's cached result (FreeXL 1.0.6 reads none).
        case formula(FormulaResult)
    }

    enum FormulaResult {
        case number(Double)
        /// The text is in the STRING record that follows.
        case string
        case boolean(Bool)
        case error(UInt8)
        case emptyString
    }

    var row: Int       // 0-based
    var column: Int    // 0-based
    var xf: Int
    var content: Content
}

/// Decoding of the cell records of a sheet substream ([MS-XLS] 2.4), with every field read only
/// after the record's length has been checked.
enum BIFFCells {
    /// The last column a cell may have (Excel's XFD); BIFF8 itself stops at IV (256 columns).
    static let maxColumn = Limits.maxColumns - 1

    /// The row and the columns a cell record covers, or `nil` for a record that holds no cell.
    /// A cell record too short for its fields, or outside Excel's grid, is refused.
    static func span(of record: BIFFRecord, in bytes: [UInt8], sheet: String) throws -> (row: Int, firstColumn: Int, lastColumn: Int)? {
        let minimum: Int
        switch record.type {
        case BIFFRecordType.number: minimum = 14
        case BIFFRecordType.rk, BIFFRecordType.labelSST: minimum = 10
        case BIFFRecordType.label, BIFFRecordType.rString, BIFFRecordType.boolErr: minimum = 8
        case BIFFRecordType.blank: minimum = 6
        case BIFFRecordType.mulRK, BIFFRecordType.mulBlank: minimum = 6
        case BIFFRecordType.formula: minimum = 20
        default: return nil
        }
        let b = record.body.lowerBound
        guard record.length >= minimum else {
            throw BIFFError("工作表“\(sheet)”偏移 \(record.start) 处的单元格记录 0x\(String(record.type, radix: 16)) 太短（\(record.length) 字节）",
                            "sheet '\(sheet)': the cell record 0x\(String(record.type, radix: 16)) at offset \(record.start) is too short (\(record.length) bytes)")
        }
        let row = Int(bytes.u16(b)), first = Int(bytes.u16(b + 2))
        var last = first
        switch record.type {
        case BIFFRecordType.mulRK: last = first + mulRKCount(record.length) - 1
        case BIFFRecordType.mulBlank: last = first + (record.length - 6) / 2 - 1
        default: break
        }
        guard last <= maxColumn else {
            throw BIFFError("工作表“\(sheet)”第 \(row + 1) 行的单元格超出 Excel 的列数上限",
                            "sheet '\(sheet)': a cell in row \(row + 1) lies beyond Excel's last column")
        }
        return (row, first, last)
    }

    /// The entries of a MULRK record, counted as FreeXL counts them (6 bytes each, after the
    /// 4-byte row/column header, before the 2-byte last column).
    static func mulRKCount(_ length: Int) -> Int {
        length > 10 ? (length - 10 + 5) / 6 : 0
    }

    /// The cells of one record (`span` has validated its length), in column order.
    static func cells(of record: BIFFRecord, in bytes: [UInt8], version: BIFFWorkbook.Version,
                      codePage: UInt16?) -> [BIFFCell] {
        let b = record.body.lowerBound, end = record.body.upperBound
        let row = Int(bytes.u16(b)), column = Int(bytes.u16(b + 2))
        func xf(_ at: Int) -> Int { Int(bytes.u16(at)) }
        switch record.type {
        case BIFFRecordType.number:
            return [BIFFCell(row: row, column: column, xf: xf(b + 4), content: .number(bytes.f64(b + 6)))]
        case BIFFRecordType.rk:
            return [BIFFCell(row: row, column: column, xf: xf(b + 4), content: .number(decodeRK(bytes.u32(b + 6))))]
        case BIFFRecordType.mulRK:
            return (0..<mulRKCount(record.length)).map { k in
                let at = b + 4 + 6 * k
                return BIFFCell(row: row, column: column + k, xf: xf(at), content: .number(decodeRK(bytes.u32(at + 2))))
            }
        case BIFFRecordType.labelSST:
            return [BIFFCell(row: row, column: column, xf: xf(b + 4), content: .sharedString(Int(bytes.u32(b + 6))))]
        case BIFFRecordType.label, BIFFRecordType.rString:
            let count = Int(bytes.u16(b + 6))
            var text: String?
            if version == .biff8 {
                text = BIFFText.unicode(bytes, at: b + 8, count: count, limit: end)?.0
            } else if b + 8 + count <= end {
                text = BIFFText.decode(bytes[(b + 8)..<(b + 8 + count)], codePage: codePage)
            }
            return [BIFFCell(row: row, column: column, xf: xf(b + 4), content: .label(text))]
        case BIFFRecordType.blank:
            return [BIFFCell(row: row, column: column, xf: xf(b + 4), content: .blank)]
        case BIFFRecordType.mulBlank:
            return (0..<((record.length - 6) / 2)).map { k in
                BIFFCell(row: row, column: column + k, xf: xf(b + 4 + 2 * k), content: .blank)
            }
        case BIFFRecordType.boolErr:
            let value = bytes[b + 6], isError = bytes[b + 7] != 0
            return [BIFFCell(row: row, column: column, xf: xf(b + 4),
                             content: isError ? .error(value) : .boolean(value != 0))]
        case BIFFRecordType.formula:
            let result: BIFFCell.FormulaResult
            if bytes[b + 12] == 0xFF && bytes[b + 13] == 0xFF {
                switch bytes[b + 6] {
                case 0: result = .string
                case 1: result = .boolean(bytes[b + 8] != 0)
                case 2: result = .error(bytes[b + 8])
                default: result = .emptyString
                }
            } else {
                result = .number(bytes.f64(b + 6))
            }
            return [BIFFCell(row: row, column: column, xf: xf(b + 4), content: .formula(result))]
        default:
            return []
        }
    }

    /// Excel's text for a BIFF error code; a code Excel never writes reads as `#N/A`.
    static func errorText(_ code: UInt8) -> String {
        switch code {
        case 0x00: return "#NULL!"
        case 0x07: return "#DIV/0!"
        case 0x0F: return "#VALUE!"
        case 0x17: return "#REF!"
        case 0x1D: return "#NAME?"
        case 0x24: return "#NUM!"
        case 0x2A: return "#N/A"
        case 0x2B: return "#GETTING_DATA"
        default: return "#N/A"
        }
    }
}
