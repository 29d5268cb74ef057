/// What a small scan of the BIFF records knows about a legacy workbook, beside what FreeXL
/// reports: the BIFF version, the code page, the date system, the number format of every cell
/// format (XF), and each sheet's substream offset, type and visibility (BOUNDSHEET).
///
/// The scan also prepares the stream that FreeXL reads (see ``freeXLStream(extents:)``).
struct BIFFWorkbook {
    enum Version: Equatable { case biff5, biff8 }

    /// One BOUNDSHEET record.
    struct SheetEntry: Equatable {
        var offset: Int
        var visibility: SheetVisibility
        /// 0 worksheet (or dialog), 1 macro sheet, 2 chart, 6 VB module.
        var type: UInt8
        /// The name as this scan decodes it (FreeXL's own decoding is used where it has one).
        var name: String
    }

    /// Why the scan stopped.
    enum Failure: Error, Equatable {
        /// A FILEPASS record: the workbook is encrypted (RC4 or XOR obfuscation).
        case encrypted
        case corrupt(String)
    }

    let bytes: [UInt8]
    let version: Version
    let codePage: UInt16?
    let dateSystem: DateSystem
    let sheets: [SheetEntry]
    /// The number format of each XF (cell format) index.
    let styles: [ResolvedStyle]

    init(stream bytes: [UInt8]) throws(Failure) {
        self.bytes = bytes
        var cursor = BIFFRecordCursor(bytes)
        guard let bof = try Self.next(&cursor), bof.type == BIFFRecordType.bof, bof.length >= 4 else {
            if bytes.count >= 2, [0x0009, 0x0209, 0x0409].contains(bytes.u16(0)) {
                throw .corrupt("这是 BIFF2–4（Excel 2.x–4.0）文件，不支持 / a BIFF2–4 (Excel 2.x–4.0) file, which is not supported")
            }
            throw .corrupt("工作簿流不以 BOF 记录开头 / the workbook stream does not start with a BOF record")
        }
        switch bytes.u16(bof.body.lowerBound) {
        case 0x0600: version = .biff8
        case 0x0500: version = .biff5
        case let v:
            throw .corrupt("不支持的 BIFF 版本 0x\(String(v, radix: 16))（只支持 Excel 95–2003 的 BIFF5/BIFF8）/ unsupported BIFF version 0x\(String(v, radix: 16)) (only BIFF5/BIFF8, Excel 95–2003)")
        }
        var codePage: UInt16?
        var dateSystem = DateSystem.from1900
        var formats: [Int: String] = [:]
        var xfFormatIDs: [Int] = []
        var sheets: [SheetEntry] = []
        while let record = try Self.next(&cursor) {
            let body = record.body
            switch record.type {
            case BIFFRecordType.eof:
                break
            case BIFFRecordType.filePass:
                throw .encrypted
            case BIFFRecordType.codePage where body.count >= 2:
                codePage = bytes.u16(body.lowerBound)
            case BIFFRecordType.dateMode where body.count >= 2:
                dateSystem = bytes.u16(body.lowerBound) == 1 ? .from1904 : .from1900
            case BIFFRecordType.format where body.count >= 3:
                let id = Int(bytes.u16(body.lowerBound))
                if version == .biff8, body.count >= 5 {
                    let count = Int(bytes.u16(body.lowerBound + 2))
                    if let (code, _) = BIFFText.unicode(bytes, at: body.lowerBound + 4, count: count, limit: body.upperBound) {
                        formats[id] = code
                    }
                } else if version == .biff5 {
                    let count = Int(bytes[body.lowerBound + 2])
                    let start = body.lowerBound + 3
                    if start + count <= body.upperBound {
                        formats[id] = BIFFText.decode(bytes[start..<(start + count)], codePage: codePage)
                    }
                }
            case BIFFRecordType.xf where body.count >= 4:
                xfFormatIDs.append(Int(bytes.u16(body.lowerBound + 2)))
            case BIFFRecordType.boundSheet:
                sheets.append(try Self.sheetEntry(bytes, body, version: version, codePage: codePage, index: sheets.count))
            default:
                break
            }
            if record.type == BIFFRecordType.eof { break }
        }
        self.codePage = codePage
        self.dateSystem = dateSystem
        styles = xfFormatIDs.map { id in
            let code = formats[id] ?? NumberFormats.builtIn[id] ?? "General"
            let kind = NumberFormats.dateTimeKind(code)
            return ResolvedStyle(numberFormat: code == "General" ? nil : code,
                                 isDate: kind == .date || kind == .timeOfDay, isTimeOfDay: kind == .timeOfDay)
        }
        // Every sheet must point at a BOF record of its own inside the stream.
        var offsets = Set<Int>()
        for (index, sheet) in sheets.enumerated() {
            guard sheet.offset >= 0, sheet.offset + 8 <= bytes.count,
                  bytes.u16(sheet.offset) == BIFFRecordType.bof else {
                throw .corrupt("工作表 \(index + 1)“\(sheet.name)”的位置 \(sheet.offset) 处没有 BOF 记录 / sheet \(index + 1) '\(sheet.name)': no BOF record at its offset \(sheet.offset)")
            }
            guard offsets.insert(sheet.offset).inserted else {
                throw .corrupt("两个工作表指向同一位置 \(sheet.offset) / two sheets point at the same offset \(sheet.offset)")
            }
        }
        self.sheets = sheets
    }

    private static func next(_ cursor: inout BIFFRecordCursor) throws(Failure) -> BIFFRecord? {
        do { return try cursor.next() } catch { throw .corrupt(error.reason) }
    }

    private static func sheetEntry(_ bytes: [UInt8], _ body: Range<Int>, version: Version, codePage: UInt16?,
                                   index: Int) throws(Failure) -> SheetEntry {
        guard body.count >= 7 else {
            throw .corrupt("第 \(index + 1) 个 BOUNDSHEET 记录太短 / BOUNDSHEET record \(index + 1) is too short")
        }
        let offset = Int(bytes.u32(body.lowerBound))
        let visibility: SheetVisibility
        switch bytes[body.lowerBound + 4] & 0x03 {
        case 0: visibility = .visible
        case 1: visibility = .hidden
        default: visibility = .veryHidden
        }
        let type = bytes[body.lowerBound + 5]
        let count = Int(bytes[body.lowerBound + 6])
        var name: String?
        if count > 0 {
            if version == .biff8 {
                name = BIFFText.unicode(bytes, at: body.lowerBound + 7, count: count, limit: body.upperBound)?.0
            } else if body.lowerBound + 7 + count <= body.upperBound {
                name = BIFFText.decode(bytes[(body.lowerBound + 7)..<(body.lowerBound + 7 + count)], codePage: codePage)
            }
        }
        guard let name, !name.isEmpty else {
            throw .corrupt("第 \(index + 1) 个工作表的名称为空或不完整 / the name of sheet \(index + 1) is empty or cut off")
        }
        return SheetEntry(offset: offset, visibility: visibility, type: type, name: name)
    }

    // MARK: Sheet substreams

    /// Visits the records of a sheet's substream, from its BOF to its EOF. Records of embedded
    /// substreams (a chart inside a worksheet has its own BOF … EOF) go to `nested`, not `body`.
    /// The end of the stream also ends the substream.
    func forEachRecord(ofSheetAt offset: Int, _ body: (BIFFRecord) throws -> Void,
                       nested: ((BIFFRecord) -> Void)? = nil) throws {
        var cursor = BIFFRecordCursor(bytes, at: offset)
        guard let bof = try cursor.next(), bof.type == BIFFRecordType.bof else {
            throw BIFFError("偏移 \(offset) 处没有 BOF 记录", "no BOF record at offset \(offset)")
        }
        var depth = 0
        while let record = try cursor.next() {
            if record.type == BIFFRecordType.bof {
                depth += 1
                nested?(record)
            } else if record.type == BIFFRecordType.eof {
                if depth == 0 { return }
                depth -= 1
                nested?(record)
            } else if depth > 0 {
                nested?(record)
            } else {
                try body(record)
            }
        }
    }

    /// The rows and columns FreeXL fills for a sheet (the cell records it reads: NUMBER, RK,
    /// MULRK, LABEL, LABELSST, BOOLERR): the largest 0-based row and column, or `nil` when there is
    /// none. Cell records too short for their fields are refused here, before FreeXL sees them.
    func freeXLExtent(ofSheetAt offset: Int, sheetName: String) throws -> (rows: Int, columns: Int)? {
        var maxRow = -1, maxColumn = -1
        try forEachRecord(ofSheetAt: offset) { record in
            guard let span = try BIFFCells.span(of: record, in: bytes, sheet: sheetName) else { return }
            switch record.type {
            case BIFFRecordType.number, BIFFRecordType.rk, BIFFRecordType.mulRK,
                 BIFFRecordType.label, BIFFRecordType.labelSST, BIFFRecordType.boolErr:
                guard span.lastColumn >= span.firstColumn else { return }
                maxRow = max(maxRow, span.row)
                maxColumn = max(maxColumn, span.lastColumn)
            default:
                break
            }
        }
        if version == .biff5 && maxRow >= 0xFFFF {
            throw BIFFError("工作表“\(sheetName)”的行号超出 BIFF5 的范围", "sheet '\(sheetName)': a row number beyond what BIFF5 can state")
        }
        return maxRow < 0 ? nil : (maxRow + 1, maxColumn + 1)
    }

    // MARK: The stream FreeXL reads

    /// The stream as FreeXL is given it, rebuilt from this one. FreeXL 1.0.6 allocates each sheet
    /// as a dense grid from its DIMENSION record, fails the whole file on a cell outside that grid,
    /// on a sheet without DIMENSION that is not the last, on an embedded chart substream and on an
    /// empty LABEL or FORMAT record. So the copy holds: the workbook globals (without stray cell
    /// records and empty formats), then each sheet's substream in BOUNDSHEET order, its offset
    /// restated, starting with one DIMENSION that states the true extent of the cells FreeXL reads
    /// (`extents`, by the sheet's offset here), without other DIMENSION records, embedded
    /// substreams or empty LABELs. Nothing else changes: every kept record is copied byte for byte.
    func freeXLStream(extents: [Int: (rows: Int, columns: Int)?]) throws -> [UInt8] {
        try checkSharedStringTable() // FreeXL trusts the SST's sizes (SSTCheck.swift)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        func copy(_ record: BIFFRecord) { out.append(contentsOf: bytes[record.start..<record.body.upperBound]) }
        func isEmptyFormat(_ record: BIFFRecord) -> Bool {
            record.length < 4 || bytes[record.body.lowerBound + 2] == 0
                && (version == .biff5 || bytes[record.body.lowerBound + 3] == 0)
        }
        let dropped: Set<UInt16> = [BIFFRecordType.number, BIFFRecordType.rk, BIFFRecordType.mulRK,
                                    BIFFRecordType.label, BIFFRecordType.labelSST, BIFFRecordType.boolErr,
                                    BIFFRecordType.dimension]
        // Globals, from the BOF to their EOF; where each BOUNDSHEET's offset field lands.
        var boundSheetFields: [Int] = []
        var cursor = BIFFRecordCursor(bytes)
        while let record = try cursor.next() {
            if dropped.contains(record.type) { continue }
            if record.type == BIFFRecordType.format && isEmptyFormat(record) { continue }
            if record.type == BIFFRecordType.boundSheet { boundSheetFields.append(out.count + 4) }
            copy(record)
            if record.type == BIFFRecordType.eof { break }
        }
        guard boundSheetFields.count == sheets.count else {
            throw BIFFError("工作表目录与记录不符", "the sheet directory does not match the records")
        }
        for (index, sheet) in sheets.enumerated() {
            out.put32(out.count, at: boundSheetFields[index])
            var sheetCursor = BIFFRecordCursor(bytes, at: sheet.offset)
            guard let bof = try sheetCursor.next() else { continue }
            copy(bof)
            let extent = extents[sheet.offset] ?? nil
            out.append(contentsOf: dimensionRecord(rows: extent?.rows ?? 0, columns: extent?.columns ?? 0))
            try forEachRecord(ofSheetAt: sheet.offset) { record in
                if record.type == BIFFRecordType.dimension { return }
                if record.type == BIFFRecordType.label && (record.length < 8 || bytes.u16(record.body.lowerBound + 6) == 0) {
                    return // an empty LABEL: FreeXL calls it a crafted file; the scan reads it as ""
                }
                copy(record)
            }
            out.append(contentsOf: [0x0A, 0x00, 0x00, 0x00]) // EOF
        }
        return out
    }

    /// A DIMENSION record for `rows` × `columns` cells from A1 (FreeXL sizes its grid by the
    /// last row and column + 1 it states).
    private func dimensionRecord(rows: Int, columns: Int) -> [UInt8] {
        var record: [UInt8]
        switch version {
        case .biff8:
            record = [0x00, 0x02, 14, 0] + [UInt8](repeating: 0, count: 14)
            record.put32(rows, at: 8); record.put16(columns, at: 14)
        case .biff5:
            record = [0x00, 0x02, 10, 0] + [UInt8](repeating: 0, count: 10)
            record.put16(rows, at: 6); record.put16(columns, at: 10)
        }
        return record
    }
}
