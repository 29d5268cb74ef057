import CXlsxWriter
import Foundation

/// Everything the workbook writer refuses, and everything libxlsxwriter or the file system
/// reports. Every throwing method of ``WorkbookWriter`` and ``SheetWriter`` throws only this.
///
/// Input is checked *before* anything is handed to libxlsxwriter, so a refused call leaves the
/// workbook exactly as it was: the caller may catch the error and carry on. Cases that concern a
/// limit of Excel say which one. Messages are Chinese first, then English:
///
/// ```swift
/// do {
///     _ = try writer.addSheet(named: "2024年度收入支出决算总表（含上年结转）附表")
/// } catch {
///     print(error.localizedDescription)
///     // 工作表名称超过 31 个字符：2024年度… / sheet name longer than 31 characters: 2024年度…
/// }
/// ```
public enum WorkbookWriterError: Error, Equatable, Sendable {
    // MARK: Sheet names

    /// The sheet name is empty.
    case sheetNameEmpty
    /// The sheet name is longer than Excel's 31 characters (counted in UTF-16 units, as Excel does).
    case sheetNameTooLong(String)
    /// The sheet name contains one of `[ ] : * ? / \`.
    case sheetNameInvalidCharacter(String, Character)
    /// The sheet name starts or ends with an apostrophe, which Excel forbids.
    case sheetNameApostrophe(String)
    /// Another sheet of the workbook already has this name; Excel compares names case-insensitively.
    case duplicateSheetName(String)

    // MARK: Cells and values

    /// A 1-based row outside Excel's 1…1,048,576.
    case rowOutOfRange(Int)
    /// A 1-based column outside Excel's 1…16,384 (A…XFD).
    case columnOutOfRange(Int)
    /// A text longer than Excel's 32,767 characters per cell (UTF-16 units).
    case stringTooLong(length: Int, cell: CellReference?)
    /// A text contains U+0000, which cannot be stored in an XLSX file.
    case containsNulCharacter(context: String)
    /// A `Double` that is NaN, infinite, or beyond Excel's ±9.99999999999999E+307.
    case numberOutOfRange(String, cell: CellReference?)
    /// A `Decimal` with more than Excel's 15 significant digits, or NaN, or outside Excel's
    /// range: Excel would not give it back unchanged.
    case decimalNotRepresentable(Decimal, cell: CellReference?)
    /// An empty formula.
    case formulaEmpty(cell: CellReference)
    /// A formula longer than Excel's 8,192 characters.
    case formulaTooLong(length: Int, cell: CellReference)

    // MARK: Merges

    /// A merge of a single cell; Excel needs at least two cells.
    case singleCellMerge(CellRange)
    /// A merge that overlaps a merge made earlier on the same sheet.
    case overlappingMerge(CellRange, existing: CellRange)

    // MARK: Constant-memory mode

    /// Constant-memory mode writes each row out once it moves past it; this write targets a row
    /// before the current one (`currentRow`), which libxlsxwriter would silently drop.
    case rowAlreadyWritten(row: Int, currentRow: Int)
    /// Constant-memory mode: the merge starts above the current row, so libxlsxwriter 1.1.4 would
    /// lose its text (or fail).
    case mergeStartsOnWrittenRow(CellRange, currentRow: Int)

    // MARK: Layout, formats, print setup

    /// A column width outside Excel's 0…255 characters.
    case columnWidthOutOfRange(Double)
    /// A row height outside Excel's 0…409 points.
    case rowHeightOutOfRange(Double)
    /// A font size outside Excel's 1…409 points.
    case fontSizeOutOfRange(Double)
    /// A font name longer than Excel's 31 characters.
    case fontNameTooLong(String)
    /// A number format code longer than the 127 bytes (UTF-8) that libxlsxwriter 1.1.4 keeps.
    case numberFormatTooLong(String)
    /// An indent level outside Excel's 0…15.
    case indentOutOfRange(Int)
    /// More distinct cell formats than Excel's 64,000.
    case tooManyFormats
    /// A ``FormatHandle`` made by another ``WorkbookWriter``.
    case foreignFormatHandle
    /// A header or footer longer than Excel's 255 characters.
    case headerFooterTooLong(String)
    /// A header or footer with a picture code (`&G`, `&[Picture]`); pictures are not supported.
    case headerFooterPicture(String)
    /// A print scale outside Excel's 10…400 %.
    case printScaleOutOfRange(Int)
    /// A fit-to-pages count outside 0…32,767 (0 means "as many as needed").
    case fitToPagesOutOfRange(Int)
    /// A negative or non-finite page margin (inches).
    case marginOutOfRange(Double)
    /// A paper size code outside 0…255.
    case paperSizeOutOfRange(Int)

    // MARK: Lifecycle, files, the library

    /// The workbook was already closed (written or failed); nothing more can be added.
    case workbookClosed
    /// The target exists and ``WorkbookWriter/Options/replaceExisting`` is `false`.
    case destinationExists(path: String)
    /// The folder of the target does not exist.
    case destinationDirectoryMissing(path: String)
    /// A file-system operation failed.
    case fileSystem(operation: String, path: String, message: String)
    /// The C library's number formatting uses a decimal comma (`setlocale` was called with such
    /// a locale); libxlsxwriter would write numbers Excel cannot read.
    case numericLocaleNotC(decimalPoint: String)
    /// libxlsxwriter reported an error; `message` is `lxw_strerror`'s text.
    case libxlsxwriter(function: String, code: Int, message: String)
}

extension WorkbookWriterError: LocalizedError {
    /// The message: Chinese, " / ", English.
    public var errorDescription: String? {
        let (zh, en) = messages
        return "\(zh) / \(en)"
    }

    private var messages: (String, String) {
        switch self {
        case .sheetNameEmpty:
            return ("工作表名称为空", "sheet name is empty")
        case .sheetNameTooLong(let name):
            return ("工作表名称超过 \(Limits.maxSheetNameLength) 个字符：\(name)",
                    "sheet name longer than \(Limits.maxSheetNameLength) characters: \(name)")
        case .sheetNameInvalidCharacter(let name, let c):
            return ("工作表名称含有 Excel 不允许的字符 “\(c)”（不允许 []:*?/\\）：\(name)",
                    "sheet name contains '\(c)', which Excel forbids ([]:*?/\\ are not allowed): \(name)")
        case .sheetNameApostrophe(let name):
            return ("工作表名称不能以单引号开头或结尾：\(name)",
                    "sheet name must not start or end with an apostrophe: \(name)")
        case .duplicateSheetName(let name):
            return ("工作表名称重复（Excel 不区分大小写）：\(name)",
                    "duplicate sheet name (Excel ignores case): \(name)")
        case .rowOutOfRange(let row):
            return ("行号 \(row) 超出 Excel 的范围 1–\(Limits.maxRows)",
                    "row \(row) outside Excel's range 1–\(Limits.maxRows)")
        case .columnOutOfRange(let column):
            return ("列号 \(column) 超出 Excel 的范围 1–\(Limits.maxColumns)（A–XFD）",
                    "column \(column) outside Excel's range 1–\(Limits.maxColumns) (A–XFD)")
        case .stringTooLong(let length, let cell):
            return ("\(Self.place(cell))文本有 \(length) 个字符，超过 Excel 单元格上限 \(Limits.maxStringLength)",
                    "\(Self.placeEN(cell))text of \(length) characters exceeds Excel's \(Limits.maxStringLength) per cell")
        case .containsNulCharacter(let context):
            return ("文本含有 NUL 字符（U+0000），XLSX 无法保存：\(context)",
                    "text contains a NUL character (U+0000), which XLSX cannot store: \(context)")
        case .numberOutOfRange(let text, let cell):
            return ("\(Self.place(cell))数值 \(text) 不是 Excel 可保存的有限数（绝对值上限 9.99999999999999E+307）",
                    "\(Self.placeEN(cell))number \(text) is not a finite number Excel can store (magnitude up to 9.99999999999999E+307)")
        case .decimalNotRepresentable(let value, let cell):
            return ("\(Self.place(cell))数值 \(value) 超过 Excel 的 15 位有效数字或超出范围，写入后无法原样读回",
                    "\(Self.placeEN(cell))decimal \(value) has more than Excel's 15 significant digits or is out of range; it would not read back unchanged")
        case .formulaEmpty(let cell):
            return ("\(cell.a1) 的公式为空", "empty formula at \(cell.a1)")
        case .formulaTooLong(let length, let cell):
            return ("\(cell.a1) 的公式有 \(length) 个字符，超过 Excel 上限 \(WritingLimits.maxFormulaLength)",
                    "formula at \(cell.a1) has \(length) characters, over Excel's \(WritingLimits.maxFormulaLength)")
        case .singleCellMerge(let range):
            return ("合并区域只有一个单元格：\(range.a1)", "merge of a single cell: \(range.a1)")
        case .overlappingMerge(let range, let existing):
            return ("合并区域 \(range.a1) 与已有的合并区域 \(existing.a1) 重叠",
                    "merge \(range.a1) overlaps the earlier merge \(existing.a1)")
        case .rowAlreadyWritten(let row, let current):
            return ("常量内存模式按行顺序写出：第 \(row) 行已在当前行 \(current) 之前写出，不能再写",
                    "constant-memory mode writes rows in order: row \(row) is before the current row \(current) and was already written")
        case .mergeStartsOnWrittenRow(let range, let current):
            return ("常量内存模式：合并区域 \(range.a1) 的首行在当前行 \(current) 之前，libxlsxwriter 会丢失其内容",
                    "constant-memory mode: merge \(range.a1) starts above the current row \(current); libxlsxwriter would lose its text")
        case .columnWidthOutOfRange(let width):
            return ("列宽 \(width) 超出 Excel 的范围 0–\(Int(WritingLimits.maxColumnWidth))",
                    "column width \(width) outside Excel's range 0–\(Int(WritingLimits.maxColumnWidth))")
        case .rowHeightOutOfRange(let height):
            return ("行高 \(height) 超出 Excel 的范围 0–\(Int(WritingLimits.maxRowHeight)) 磅",
                    "row height \(height) outside Excel's range 0–\(Int(WritingLimits.maxRowHeight)) points")
        case .fontSizeOutOfRange(let size):
            return ("字号 \(size) 超出 Excel 的范围 1–409 磅", "font size \(size) outside Excel's range 1–409 points")
        case .fontNameTooLong(let name):
            return ("字体名称超过 Excel 的 \(WritingLimits.maxFontNameLength) 个字符：\(name)",
                    "font name longer than Excel's \(WritingLimits.maxFontNameLength) characters: \(name)")
        case .numberFormatTooLong(let code):
            return ("数字格式超过 libxlsxwriter 1.1.4 的 127 字节上限：\(code)",
                    "number format longer than libxlsxwriter 1.1.4's 127 bytes: \(code)")
        case .indentOutOfRange(let level):
            return ("缩进级别 \(level) 超出 Excel 的范围 0–15", "indent level \(level) outside Excel's range 0–15")
        case .tooManyFormats:
            return ("单元格格式超过 Excel 的上限 \(WritingLimits.maxCellFormats) 种",
                    "more distinct cell formats than Excel's \(WritingLimits.maxCellFormats)")
        case .foreignFormatHandle:
            return ("格式句柄属于另一个工作簿", "format handle belongs to another workbook")
        case .headerFooterTooLong(let text):
            return ("页眉或页脚超过 Excel 的 \(WritingLimits.maxHeaderFooterLength) 个字符：\(text)",
                    "header or footer longer than Excel's \(WritingLimits.maxHeaderFooterLength) characters: \(text)")
        case .headerFooterPicture(let text):
            return ("页眉或页脚含有图片代码（&G / &[Picture]），不支持：\(text)",
                    "header or footer contains a picture code (&G / &[Picture]), which is not supported: \(text)")
        case .printScaleOutOfRange(let scale):
            return ("打印缩放 \(scale)% 超出 Excel 的范围 10–400%", "print scale \(scale)% outside Excel's range 10–400%")
        case .fitToPagesOutOfRange(let pages):
            return ("调整为页数 \(pages) 超出范围 0–32767", "fit-to-pages count \(pages) outside 0–32767")
        case .marginOutOfRange(let margin):
            return ("页边距 \(margin) 英寸无效（须为非负有限数）", "page margin \(margin) inches is invalid (must be finite and not negative)")
        case .paperSizeOutOfRange(let code):
            return ("纸张代码 \(code) 超出范围 0–255", "paper size code \(code) outside 0–255")
        case .workbookClosed:
            return ("工作簿已关闭，不能再写入", "the workbook is already closed; nothing more can be written")
        case .destinationExists(let path):
            return ("目标文件已存在（未允许覆盖）：\(path)", "the target file exists and replacing was not allowed: \(path)")
        case .destinationDirectoryMissing(let path):
            return ("目标文件夹不存在：\(path)", "the target folder does not exist: \(path)")
        case .fileSystem(let operation, let path, let message):
            return ("文件操作 \(operation) 失败：\(path)：\(message)", "file operation \(operation) failed: \(path): \(message)")
        case .numericLocaleNotC(let point):
            return ("C 库的数字格式使用小数点“\(point)”而不是“.”，libxlsxwriter 会写出 Excel 无法读取的数值",
                    "the C library formats numbers with the decimal point '\(point)' instead of '.'; libxlsxwriter would write numbers Excel cannot read")
        case .libxlsxwriter(let function, let code, let message):
            return ("libxlsxwriter 在 \(function) 中报错（\(code)）：\(message)",
                    "libxlsxwriter error in \(function) (\(code)): \(message)")
        }
    }

    private static func place(_ cell: CellReference?) -> String { cell.map { "\($0.a1)：" } ?? "" }
    private static func placeEN(_ cell: CellReference?) -> String { cell.map { "\($0.a1): " } ?? "" }
}

extension WorkbookWriterError {
    /// Turns a libxlsxwriter return code into an error carrying `lxw_strerror`'s message.
    static func check(_ code: lxw_error, _ function: String) throws(WorkbookWriterError) {
        guard code != LXW_NO_ERROR else { return }
        throw WorkbookWriterError.libxlsxwriter(function: function, code: Int(code.rawValue), message: libraryMessage(code))
    }

    static func libraryMessage(_ code: lxw_error) -> String {
        guard let text = lxw_strerror(code) else { return "error \(code.rawValue)" }
        return String(cString: text)
    }
}
