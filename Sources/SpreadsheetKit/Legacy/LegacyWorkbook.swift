import Foundation

/// A legacy Excel 97–2003 workbook (`.xls`, BIFF8; BIFF5 too), read through FreeXL and a small
/// scan of the BIFF records, behind the same rows and cells as an `.xlsx`.
///
/// Who reads what:
/// - **FreeXL** (libfreexl 1.0.6): sheet names, numbers (integers and doubles), text from the
///   shared string table and LABEL records, decoded to UTF-8 whatever the code page (GBK files
///   included).
/// - **The BIFF scan** (this folder): the container (``CompoundFile``), sheet visibility and type
///   (BOUNDSHEET), the number format of each cell (XF → FORMAT) and so which numbers are dates,
///   booleans and error values (BOOLERR, which FreeXL reports as the integers 0/1), the cached
///   results of formulas (FORMULA and STRING, which FreeXL skips), merged ranges (MERGEDCELLS),
///   row heights and hidden rows (ROW), column widths and hidden columns (COLINFO), the date
///   system (DATEMODE), and encryption (FILEPASS).
///
/// Lost: formula text (only cached values), comments, defined names, rich-text runs.
final class LegacyWorkbook: WorkbookBackend {
    let fileName: String
    let sheets: [SheetInfo]
    let dateSystem: DateSystem
    var definedNames: [DefinedName] { [] }

    private let biff: BIFFWorkbook
    private let document: FreeXLDocument

    /// FreeXL refuses a sheet whose grid would pass 256 MiB (16 bytes a cell); say so first.
    static let freeXLSheetLimit: Int64 = 256 << 20
    static let freeXLCellSize: Int64 = 16

    /// Reads the compound file `data`; `maxBytes` bounds the Workbook stream and, together,
    /// the grids FreeXL allocates for all sheets.
    init(data: Data, fileName: String, maxBytes: Int64) throws(WorkbookReadError) {
        self.fileName = fileName
        let cfb: CompoundFile
        do throws(CompoundFileError) { cfb = try CompoundFile(data) } catch {
            throw .corruptCompoundFile(file: fileName, reason: error.reason)
        }
        guard let entry = cfb.rootStream(named: ["Workbook", "Book"]) else {
            throw .notAWorkbook(file: fileName, reason: "OLE2 复合文档，但不含工作簿 / an OLE2 compound file without a workbook")
        }
        guard entry.size <= UInt64(max(0, maxBytes)) else {
            throw .partTooLarge(file: fileName, part: entry.name, limit: maxBytes)
        }
        let stream: [UInt8]
        do throws(CompoundFileError) { stream = try cfb.read(entry) } catch {
            throw .corruptCompoundFile(file: fileName, reason: error.reason)
        }
        let biff: BIFFWorkbook
        do throws(BIFFWorkbook.Failure) { biff = try BIFFWorkbook(stream: stream) } catch {
            switch error {
            case .encrypted: throw .passwordProtected(file: fileName)
            case .corrupt(let reason): throw .legacyWorkbookUnreadable(file: fileName, reason: reason)
            }
        }
        guard biff.sheets.contains(where: { $0.type == 0 }) else { throw .noWorksheets(file: fileName) }

        // The grids FreeXL will allocate, from the cells it will read (never from DIMENSION).
        var extents: [Int: (rows: Int, columns: Int)?] = [:]
        var total: Int64 = 0
        do {
            for sheet in biff.sheets {
                let extent = try biff.freeXLExtent(ofSheetAt: sheet.offset, sheetName: sheet.name)
                extents[sheet.offset] = extent
                guard let extent else { continue }
                let bytes = Int64(extent.rows) * Int64(extent.columns) * Self.freeXLCellSize
                total += bytes
                if bytes > Self.freeXLSheetLimit {
                    throw WorkbookReadError.legacySheetTooLarge(file: fileName, sheet: sheet.name, rows: extent.rows,
                                                                columns: extent.columns, needed: bytes, limit: Self.freeXLSheetLimit)
                }
                if total > maxBytes {
                    throw WorkbookReadError.legacySheetTooLarge(file: fileName, sheet: sheet.name, rows: extent.rows,
                                                                columns: extent.columns, needed: total, limit: maxBytes)
                }
            }
        } catch let error as WorkbookReadError {
            throw error
        } catch {
            throw .legacyWorkbookUnreadable(file: fileName, reason: Self.reason(error))
        }

        // FreeXL reads a clean container that holds only the (normalised) Workbook stream.
        let container: [UInt8]
        do {
            container = CompoundFileWriter.singleStream(named: "Workbook", contents: try biff.freeXLStream(extents: extents))
        } catch {
            throw .legacyWorkbookUnreadable(file: fileName, reason: Self.reason(error))
        }
        let document: FreeXLDocument
        do throws(BIFFError) { document = try Self.openWithFreeXL(container) } catch {
            throw .legacyWorkbookUnreadable(file: fileName, reason: error.reason)
        }
        guard document.sheetCount == biff.sheets.count else {
            throw .legacyWorkbookUnreadable(file: fileName, reason: "FreeXL 读到 \(document.sheetCount) 个工作表，记录中有 \(biff.sheets.count) 个 / FreeXL found \(document.sheetCount) sheets, the records name \(biff.sheets.count)")
        }
        self.biff = biff
        self.document = document
        dateSystem = biff.dateSystem
        sheets = biff.sheets.enumerated().map { index, sheet in
            let kind: SheetKind = sheet.type == 0 ? .worksheet : (sheet.type == 2 ? .chartsheet : .other)
            return SheetInfo(index: index, name: document.sheetName(index) ?? sheet.name, visibility: sheet.visibility,
                             kind: kind, part: "\(entry.name)@\(sheet.offset)")
        }
    }

    private static func reason(_ error: Error) -> String {
        (error as? BIFFError)?.reason ?? String(describing: error)
    }

    /// Writes the container to a private temporary file (FreeXL opens paths only), opens it and
    /// removes the file at once: FreeXL has read everything by then.
    private static func openWithFreeXL(_ container: [UInt8]) throws(BIFFError) -> FreeXLDocument {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("juesuan-xls-\(UUID().uuidString).xls")
        guard FileManager.default.createFile(atPath: url.path, contents: Data(container),
                                             attributes: [.posixPermissions: 0o600]) else {
            throw BIFFError("无法写入临时文件 \(url.path)", "cannot write the temporary file \(url.path)")
        }
        defer { try? FileManager.default.removeItem(at: url) }
        return try FreeXLDocument(path: url.path)
    }

    // MARK: WorkbookBackend

    func comments(of sheet: SheetInfo) throws -> [(CellReference, CellComment)] { [] }

    func streamRows(of sheet: SheetInfo, _ body: @escaping (Row) throws -> Void) throws -> SheetLayout {
        guard sheet.kind == .worksheet, sheet.index < biff.sheets.count else { return SheetLayout() }
        let entry = biff.sheets[sheet.index]
        do throws(BIFFError) {
            try document.select(sheet.index)
        } catch {
            throw WorkbookReadError.legacyWorkbookUnreadable(file: fileName, reason: "工作表“\(sheet.name)” / sheet '\(sheet.name)': " + error.reason)
        }
        let reader = LegacySheetReader(biff: biff, document: document, dateSystem: dateSystem, sheetName: sheet.name,
                                       fileName: fileName, onRow: body)
        do {
            try biff.forEachRecord(ofSheetAt: entry.offset) { record in try reader.consume(record) }
            try reader.finish()
        } catch let error as BIFFError {
            throw WorkbookReadError.legacyWorkbookUnreadable(file: fileName, reason: error.reason)
        }
        return reader.layout
    }
}

/// Turns the records of one sheet substream into rows: cells are gathered per row block (the
/// ROW records, then their cells, then DBCELL) and handed on in row and column order, so memory
/// holds one block at a time.
final class LegacySheetReader {
    private let biff: BIFFWorkbook
    private let document: FreeXLDocument
    private let dateSystem: DateSystem
    private let sheetName: String
    private let fileName: String
    private let onRow: (Row) throws -> Void

    private(set) var layout = SheetLayout()
    private var block: [Int: [Cell]] = [:]
    private var rowInfo: [Int: (height: Double?, hidden: Bool)] = [:]
    private var blockHasCells = false
    /// A formula cell whose string result comes in the next STRING (and CONTINUE) records.
    private var pendingString: (row: Int, index: Int)?
    private var stringRemaining = 0
    private var stringText = ""

    init(biff: BIFFWorkbook, document: FreeXLDocument, dateSystem: DateSystem, sheetName: String,
         fileName: String, onRow: @escaping (Row) throws -> Void) {
        self.biff = biff
        self.document = document
        self.dateSystem = dateSystem
        self.sheetName = sheetName
        self.fileName = fileName
        self.onRow = onRow
    }

    func consume(_ record: BIFFRecord) throws {
        let bytes = biff.bytes
        let b = record.body.lowerBound
        if record.type != BIFFRecordType.continueRecord && record.type != BIFFRecordType.string { stringRemaining = 0 }
        switch record.type {
        case BIFFRecordType.row where record.length >= 16:
            if blockHasCells { try flush() }
            let flags = bytes.u16(b + 12)
            let height: Double? = flags & 0x40 != 0 ? Double(bytes.u16(b + 6) & 0x7FFF) / 20 : nil
            rowInfo[Int(bytes.u16(b))] = (height, flags & 0x20 != 0)
        case BIFFRecordType.dbCell:
            try flush()
        case BIFFRecordType.colInfo where record.length >= 10:
            let first = Int(bytes.u16(b)), last = Int(bytes.u16(b + 2))
            if first <= last, first < Limits.maxColumns {
                layout.columns.append(ColumnInfo(first: first + 1, last: min(last + 1, Limits.maxColumns),
                                                 width: Double(bytes.u16(b + 4)) / 256,
                                                 isHidden: bytes.u16(b + 8) & 0x0001 != 0))
            }
        case BIFFRecordType.defColWidth where record.length >= 2:
            layout.defaultColumnWidth = Double(bytes.u16(b))
        case BIFFRecordType.defaultRowHeight where record.length >= 4:
            layout.defaultRowHeight = Double(bytes.u16(b + 2)) / 20
        case BIFFRecordType.mergedCells where record.length >= 2:
            let count = min(Int(bytes.u16(b)), (record.length - 2) / 8)
            for k in 0..<count {
                let at = b + 2 + 8 * k
                let r1 = Int(bytes.u16(at)), r2 = Int(bytes.u16(at + 2))
                let c1 = Int(bytes.u16(at + 4)), c2 = Int(bytes.u16(at + 6))
                guard max(c1, c2) < Limits.maxColumns else { continue }
                layout.mergedRanges.append(CellRange(first: CellReference(row: r1 + 1, column: c1 + 1),
                                                     last: CellReference(row: r2 + 1, column: c2 + 1)))
            }
        case BIFFRecordType.string:
            startString(record)
        case BIFFRecordType.continueRecord:
            continueString(record)
        default:
            guard try BIFFCells.span(of: record, in: bytes, sheet: sheetName) != nil else { return }
            for cell in BIFFCells.cells(of: record, in: bytes, version: biff.version, codePage: biff.codePage) {
                try add(cell)
            }
        }
    }

    func finish() throws {
        try flush()
    }

    // MARK: Cells

    private func add(_ raw: BIFFCell) throws {
        let style = raw.xf < biff.styles.count ? biff.styles[raw.xf] : nil
        var value: CellValue
        switch raw.content {
        case .number(let stored):
            // FreeXL's number where it gives one (it renders date-formatted numbers as text,
            // so the stored double is used for those); the XF's format decides what is a date.
            switch document.value(row: raw.row, column: raw.column) {
            case .int(let n): value = number(String(n), style)
            case .double(let d): value = number(NumberText.decimal(d), style)
            default: value = number(NumberText.decimal(stored), style)
            }
        case .sharedString(let index):
            if case .text(let text) = document.value(row: raw.row, column: raw.column) {
                value = .string(text)
            } else if let text = document.sharedString(index) {
                value = .string(text)
            } else {
                throw WorkbookReadError.invalidCell(file: fileName, sheet: sheetName,
                                                    cell: CellReference(row: raw.row + 1, column: raw.column + 1).a1,
                                                    reason: "共享字符串索引 \(index) 超出范围 / shared string index \(index) out of range")
            }
        case .label(let scanned):
            if case .text(let text) = document.value(row: raw.row, column: raw.column) {
                value = .string(text)
            } else {
                value = .string(scanned ?? "")
            }
        case .blank:
            value = .empty
        case .boolean(let b):
            value = .boolean(b)
        case .error(let code):
            value = .error(BIFFCells.errorText(code))
        case .formula(let result):
            switch result {
            case .number(let d): value = number(NumberText.decimal(d), style)
            case .string: value = .string("")
            case .boolean(let b): value = .boolean(b)
            case .error(let code): value = .error(BIFFCells.errorText(code))
            case .emptyString: value = .string("")
            }
        }
        let cell = Cell(reference: CellReference(row: raw.row + 1, column: raw.column + 1), value: value,
                        styleIndex: raw.xf, numberFormat: style?.numberFormat)
        block[raw.row, default: []].append(cell)
        blockHasCells = true
        if case .formula(.string) = raw.content {
            pendingString = (raw.row, block[raw.row]!.count - 1)
        } else {
            pendingString = nil
        }
    }

    private func number(_ text: String?, _ style: ResolvedStyle?) -> CellValue {
        guard let text else { return .error("#NUM!") } // NaN or infinity: not a number Excel can hold
        if let style, style.isDate {
            return .date(ExcelDateTime(serial: text, system: dateSystem, timeOfDay: style.isTimeOfDay))
        }
        return .number(text)
    }

    // MARK: Formula strings (STRING, possibly continued)

    private func startString(_ record: BIFFRecord) {
        guard let target = pendingString, record.length >= 2 else { return }
        let bytes = biff.bytes, b = record.body.lowerBound
        let count = Int(bytes.u16(b))
        if biff.version == .biff5 {
            // The record holds only the text: read all of it, as writers differ on whether the
            // count is of bytes or of (double-byte) characters.
            setString(target, BIFFText.decode(bytes[(b + 2)..<record.body.upperBound], codePage: biff.codePage))
            return
        }
        stringText = ""
        stringRemaining = count
        appendCharacters(from: b + 2, to: record.body.upperBound)
        setString(target, stringText)
    }

    private func continueString(_ record: BIFFRecord) {
        guard let target = pendingString, stringRemaining > 0 else { return }
        appendCharacters(from: record.body.lowerBound, to: record.body.upperBound)
        setString(target, stringText)
    }

    /// Characters after an option byte at `start` (a CONTINUE restates it), up to `end`.
    private func appendCharacters(from start: Int, to end: Int) {
        guard start < end else { return }
        let bytes = biff.bytes
        let wide = bytes[start] & 0x01 != 0
        let available = (end - start - 1) / (wide ? 2 : 1)
        let take = min(available, stringRemaining)
        stringText += BIFFText.decodeCharacters(bytes[(start + 1)..<(start + 1 + take * (wide ? 2 : 1))], wide: wide)
        stringRemaining -= take
    }

    private func setString(_ target: (row: Int, index: Int), _ text: String) {
        guard var cells = block[target.row], target.index < cells.count else { return }
        cells[target.index].value = .string(text)
        block[target.row] = cells
    }

    // MARK: Rows

    private func flush() throws {
        pendingString = nil
        stringRemaining = 0
        guard !block.isEmpty || !rowInfo.isEmpty else { return }
        let numbers = Set(block.keys).union(rowInfo.filter { $0.value.hidden || $0.value.height != nil }.keys).sorted()
        for number in numbers {
            var cells = block[number] ?? []
            if cells.count > 1 {
                // Column order; where a file states a cell twice, the later record wins (as in FreeXL).
                cells = cells.enumerated().sorted { ($0.element.reference.column, $0.offset) < ($1.element.reference.column, $1.offset) }
                    .map(\.element)
                var unique: [Cell] = []
                unique.reserveCapacity(cells.count)
                for cell in cells {
                    if let last = unique.last, last.reference.column == cell.reference.column { unique[unique.count - 1] = cell }
                    else { unique.append(cell) }
                }
                cells = unique
            }
            let info = rowInfo[number]
            try onRow(Row(number: number + 1, cells: cells, height: info?.height, isHidden: info?.hidden ?? false))
        }
        block.removeAll(keepingCapacity: true)
        rowInfo.removeAll(keepingCapacity: true)
        blockHasCells = false
    }
}
