import CFreeXL

/// A workbook opened by FreeXL 1.0.6 (Debian's libfreexl): sheet names and cell values
/// (integers, doubles, UTF-8 text from the shared string table or LABEL records in any code page,
/// and date/time text). The handle is closed when the value is released; no C pointer escapes.
///
/// FreeXL reads the whole workbook at `freexl_open` into one dense grid per sheet; the caller
/// bounds those grids (``LegacyWorkbook``) and hands FreeXL only a container it wrote itself.
final class FreeXLDocument {
    /// A cell as FreeXL reports it.
    enum Value: Equatable {
        case null
        case int(Int)
        case double(Double)
        case text(String)
        /// FreeXL's rendering of a date-formatted number (`YYYY-MM-DD`, `YYYY-MM-DD HH:MM:SS`, `HH:MM:SS`).
        case dateTime(String)
    }

    private let handle: UnsafeRawPointer
    let sheetCount: Int
    private var selected: Int?
    private var rows = 0, columns = 0

    /// Opens a file; a FreeXL error code becomes a readable reason.
    init(path: String) throws(BIFFError) {
        var raw: UnsafeRawPointer?
        let status = freexl_open(path, &raw)
        guard status == FREEXL_OK, let raw else {
            if let raw { freexl_close(raw) }
            throw Self.error(status)
        }
        handle = raw
        var info: UInt32 = 0
        sheetCount = freexl_get_info(raw, UInt16(FREEXL_BIFF_SHEET_COUNT), &info) == FREEXL_OK ? Int(info) : 0
    }

    deinit { freexl_close(handle) }

    /// The UTF-8 name of a sheet, by 0-based index.
    func sheetName(_ index: Int) -> String? {
        guard index >= 0, index < sheetCount, index <= Int(UInt16.max) else { return nil }
        var name: UnsafePointer<CChar>?
        guard freexl_get_worksheet_name(handle, UInt16(index), &name) == FREEXL_OK, let name else { return nil }
        return String(cString: name)
    }

    /// Makes a sheet the one `value(row:column:)` reads; returns its grid size.
    @discardableResult
    func select(_ index: Int) throws(BIFFError) -> (rows: Int, columns: Int) {
        guard index >= 0, index < sheetCount, index <= Int(UInt16.max) else {
            throw BIFFError("FreeXL 中没有第 \(index + 1) 个工作表", "FreeXL has no sheet \(index + 1)")
        }
        if selected != index {
            let status = freexl_select_active_worksheet(handle, UInt16(index))
            guard status == FREEXL_OK else { throw Self.error(status) }
            var r: UInt32 = 0, c: UInt16 = 0
            guard freexl_worksheet_dimensions(handle, &r, &c) == FREEXL_OK else {
                throw BIFFError("FreeXL 无法给出工作表大小", "FreeXL cannot give the sheet's size")
            }
            selected = index
            rows = Int(r); columns = Int(c)
        }
        return (rows, columns)
    }

    /// The value of a 0-based cell of the selected sheet (`.null` outside its grid).
    func value(row: Int, column: Int) -> Value {
        guard selected != nil, row >= 0, row < rows, column >= 0, column < columns else { return .null }
        var cell = FreeXL_CellValue()
        guard freexl_get_cell_value(handle, UInt32(row), UInt16(column), &cell) == FREEXL_OK else { return .null }
        switch Int32(cell.type) {
        case FREEXL_CELL_INT: return .int(Int(cell.value.int_value))
        case FREEXL_CELL_DOUBLE: return .double(cell.value.double_value)
        case FREEXL_CELL_TEXT, FREEXL_CELL_SST_TEXT:
            return cell.value.text_value.map { .text(String(cString: $0)) } ?? .null
        case FREEXL_CELL_DATE, FREEXL_CELL_DATETIME, FREEXL_CELL_TIME:
            return cell.value.text_value.map { .dateTime(String(cString: $0)) } ?? .null
        default: return .null
        }
    }

    /// A shared string by index (FreeXL takes a 16-bit index here).
    func sharedString(_ index: Int) -> String? {
        guard index >= 0, index <= Int(UInt16.max) else { return nil }
        var text: UnsafePointer<CChar>?
        guard freexl_get_SST_string(handle, UInt16(index), &text) == FREEXL_OK, let text else { return nil }
        return String(cString: text)
    }

    static func error(_ status: Int32) -> BIFFError {
        let (zh, en): (String, String)
        switch status {
        case FREEXL_FILE_NOT_FOUND: (zh, en) = ("FreeXL 无法打开文件", "FreeXL cannot open the file")
        case FREEXL_INSUFFICIENT_MEMORY: (zh, en) = ("内存不足", "out of memory")
        case FREEXL_INVALID_CFBF_HEADER, FREEXL_CFBF_INVALID_SIGNATURE, FREEXL_CFBF_INVALID_SECTOR_SIZE,
             FREEXL_CFBF_EMPTY_FAT_CHAIN, FREEXL_CFBF_ILLEGAL_FAT_ENTRY, FREEXL_CFBF_READ_ERROR,
             FREEXL_CFBF_SEEK_ERROR, FREEXL_INVALID_MINI_STREAM, FREEXL_CFBF_ILLEGAL_MINI_FAT_ENTRY:
            (zh, en) = ("复合文档结构无效", "invalid compound file structure")
        case FREEXL_BIFF_INVALID_BOF: (zh, en) = ("BIFF 记录顺序无效（BOF）", "invalid BIFF record sequence (BOF)")
        case FREEXL_BIFF_INVALID_SST: (zh, en) = ("共享字符串表无效", "invalid shared string table")
        case FREEXL_BIFF_ILLEGAL_SST_INDEX: (zh, en) = ("单元格引用了不存在的共享字符串", "a cell names a shared string that does not exist")
        case FREEXL_BIFF_WORKBOOK_NOT_FOUND: (zh, en) = ("找不到 Workbook 流", "no Workbook stream")
        case FREEXL_INVALID_CHARACTER: (zh, en) = ("文本含有无法按其编码解码的字符", "text holds characters its encoding cannot decode")
        case FREEXL_UNSUPPORTED_CHARSET: (zh, en) = ("不支持文件的字符编码（代码页）", "the file's code page is not supported")
        case FREEXL_ILLEGAL_CELL_ROW_COL: (zh, en) = ("单元格位置超出工作表范围", "a cell lies outside its sheet")
        case FREEXL_ILLEGAL_RK_VALUE: (zh, en) = ("RK 数值无效", "invalid RK number")
        case FREEXL_CRAFTED_FILE: (zh, en) = ("文件严重损坏（可能是恶意构造的）", "severely damaged file (possibly crafted)")
        default: (zh, en) = ("FreeXL 错误 \(status)", "FreeXL error \(status)")
        }
        return BIFFError(zh, en)
    }
}
