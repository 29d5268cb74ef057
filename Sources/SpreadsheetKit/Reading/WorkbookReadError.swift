import Foundation

/// Everything that can stop a workbook from being read. Each case names the file, and the
/// part (the ZIP entry) or sheet and cell where there is one.
///
/// The limits that protect against hostile files are set in one place, ``ReadingLimits``
/// (Cells/Limits.swift), and each has its case here: ``partTooLarge(file:part:limit:)`` (1 GiB per
/// part, never past its declared size), ``tooManyZipEntries(file:count:limit:)`` (10,000 entries),
/// ``malformedXML(file:part:line:reason:)`` for elements nested deeper than 256,
/// ``tooManyAttributes(file:part:element:line:count:limit:)`` (1,000 on one element),
/// ``tooManySharedStrings(file:part:count:limit:)`` (5,000,000, read or declared),
/// ``stringTooLong(file:part:index:limit:)`` (1 MiB in one shared string),
/// ``tooManyCells(file:sheet:part:cell:limit:)`` (10,000,000 per sheet, 16,384 per row),
/// ``invalidCell(file:sheet:cell:reason:)`` for rows and columns past Excel's 1,048,576 × 16,384,
/// and ``forbiddenDoctype(file:part:)`` for any DTD or entity.
///
/// Messages are Chinese first, English after, as users read them:
/// ```swift
/// do { _ = try Workbook(path: "a.xlsx") }
/// catch let error as WorkbookReadError { print(error.localizedDescription) }
/// // 无法读取 a.xlsx：不是 ZIP 文件 / cannot read a.xlsx: not a ZIP file
/// ```
public enum WorkbookReadError: Error, Equatable, Sendable {
    case fileNotFound(file: String)
    /// The path exists but cannot be opened as a file: a symbolic-link loop, a link to nothing, a
    /// FIFO or device, no permission. `reason` says which, Chinese first.
    case unreadableFile(file: String, reason: String)
    case emptyFile(file: String)
    /// Neither an OOXML package nor a compound file: the bytes are not a workbook.
    case notAWorkbook(file: String, reason: String)
    /// A CFB container holding an `EncryptedPackage` stream: a password-protected OOXML file.
    case passwordProtected(file: String)
    /// Bytes that start like an OLE2 compound file (CFB) whose header, FAT, directory or stream
    /// chains are broken or cut off.
    case corruptCompoundFile(file: String, reason: String)
    /// A legacy `.xls` (BIFF) workbook whose records cannot be read (damaged, an unsupported BIFF
    /// version, or refused by FreeXL).
    case legacyWorkbookUnreadable(file: String, reason: String)
    /// A workbook without a single worksheet (only chart sheets, macro sheets, or none at all).
    case noWorksheets(file: String)
    /// A legacy `.xls` sheet whose used range is too large for FreeXL, which holds every sheet
    /// as a dense grid of 16-byte cells: `needed` bytes for the grids up to this sheet, past `limit`.
    case legacySheetTooLarge(file: String, sheet: String, rows: Int, columns: Int, needed: Int64, limit: Int64)
    /// libzip could not open or read the archive (truncated, inconsistent …).
    case corruptArchive(file: String, reason: String)
    /// A part that the relationships name is not in the archive.
    case missingPart(file: String, part: String)
    /// A part is not well-formed XML.
    case malformedXML(file: String, part: String, line: Int, reason: String)
    /// A part declares a DTD or entities (XXE, billion laughs): refused, never expanded.
    case forbiddenDoctype(file: String, part: String)
    /// A part inflates past the limit (a ZIP bomb): refused before memory runs out.
    case partTooLarge(file: String, part: String, limit: Int64)
    /// A cell holds something the format forbids (a shared-string index out of range …).
    case invalidCell(file: String, sheet: String, cell: String, reason: String)
    case sheetNotFound(file: String, sheet: String)
    /// The ZIP archive holds more entries than ``ReadingLimits/maxZipEntries``.
    case tooManyZipEntries(file: String, count: Int, limit: Int)
    /// An element carries more attributes (and namespace declarations) than
    /// ``ReadingLimits/maxAttributesPerElement``; `element` is empty when the start tag was refused
    /// before libxml2 read its name, and `count` is then a lower bound.
    case tooManyAttributes(file: String, part: String, element: String, line: Int, count: Int, limit: Int)
    /// The shared-string table holds (or its `uniqueCount` claims) more than ``ReadingLimits/maxSharedStrings``.
    case tooManySharedStrings(file: String, part: String, count: Int, limit: Int)
    /// Shared string number `index` (0-based, as cells refer to it) is longer than
    /// ``ReadingLimits/maxStringBytes`` bytes.
    case stringTooLong(file: String, part: String, index: Int, limit: Int)
    /// A sheet holds more than `limit` cells (``ReadingLimits/maxCellsPerSheet``), or one row more
    /// than 16,384; `cell` is where reading stopped.
    case tooManyCells(file: String, sheet: String, part: String, cell: String, limit: Int)
}

extension WorkbookReadError: LocalizedError {
    public var errorDescription: String? {
        switch self {
        case .fileNotFound(let f):
            return "找不到文件 \(f) / file not found: \(f)"
        case .emptyFile(let f):
            return "无法读取 \(f)：文件为空 / cannot read \(f): the file is empty"
        case .notAWorkbook(let f, let reason):
            return "无法读取 \(f)：不是 Excel 工作簿（\(reason)）/ cannot read \(f): not an Excel workbook (\(reason))"
        case .passwordProtected(let f):
            return "无法读取 \(f)：文件设有密码保护（已加密），请先在 Excel 中取消密码 / cannot read \(f): the workbook is password-protected (encrypted)"
        case .corruptCompoundFile(let f, let reason):
            return "无法读取 \(f)：OLE2 复合文档已损坏或不完整（\(reason)）/ cannot read \(f): corrupt or truncated OLE2 compound file (\(reason))"
        case .legacyWorkbookUnreadable(let f, let reason):
            return "无法读取 \(f)：旧版 .xls（Excel 97–2003）工作簿已损坏或无法解析（\(reason)）/ cannot read \(f): the legacy .xls (Excel 97–2003) workbook is damaged or cannot be parsed (\(reason))"
        case .noWorksheets(let f):
            return "无法读取 \(f)：工作簿中没有工作表 / cannot read \(f): the workbook has no worksheets"
        case .legacySheetTooLarge(let f, let sheet, let rows, let columns, let needed, let limit):
            return "拒绝读取 \(f)：工作表“\(sheet)”的已用区域有 \(rows) 行 × \(columns) 列；FreeXL 按整张网格读取，到此表为止需要 \(needed) 字节内存，超过上限 \(limit) 字节 / refused \(f): sheet '\(sheet)' spans \(rows) rows × \(columns) columns; FreeXL reads whole grids and would need \(needed) bytes up to this sheet, more than the limit of \(limit) bytes"
        case .corruptArchive(let f, let reason):
            return "无法读取 \(f)：ZIP 压缩包已损坏或不完整（\(reason)）/ cannot read \(f): corrupt or truncated ZIP archive (\(reason))"
        case .missingPart(let f, let part):
            return "无法读取 \(f)：缺少部件 \(part) / cannot read \(f): part \(part) is missing"
        case .malformedXML(let f, let part, let line, let reason):
            return "无法读取 \(f)：部件 \(part) 第 \(line) 行 XML 格式错误（\(reason)）/ cannot read \(f): malformed XML in \(part), line \(line) (\(reason))"
        case .forbiddenDoctype(let f, let part):
            return "拒绝读取 \(f)：部件 \(part) 声明了 DTD/实体（可能是恶意文件）/ refused \(f): part \(part) declares a DTD or entities (possibly hostile)"
        case .partTooLarge(let f, let part, let limit):
            return "拒绝读取 \(f)：部件 \(part) 解压后超过 \(limit) 字节（疑似 ZIP 炸弹）/ refused \(f): part \(part) inflates past \(limit) bytes (possible ZIP bomb)"
        case .invalidCell(let f, let sheet, let cell, let reason):
            return "无法读取 \(f)：工作表“\(sheet)”单元格 \(cell)：\(reason) / cannot read \(f): sheet '\(sheet)' cell \(cell): \(reason)"
        case .sheetNotFound(let f, let sheet):
            return "\(f) 中没有名为“\(sheet)”的工作表 / \(f) has no sheet named '\(sheet)'"
        case .unreadableFile(let f, let reason):
            return "无法读取 \(f)：\(reason)"
        case .tooManyZipEntries(let f, let count, let limit):
            return "拒绝读取 \(f)：ZIP 压缩包有 \(count) 个条目，超过上限 \(limit) / refused \(f): the ZIP archive holds \(count) entries, more than the limit of \(limit)"
        case .tooManyAttributes(let f, let part, let element, let line, let count, let limit):
            let name = element.isEmpty ? "一个元素有至少" : "元素 <\(element)> 有"
            let english = element.isEmpty ? "an element" : "element <\(element)>"
            let moreEnglish = element.isEmpty ? "at least \(count)" : "\(count)"
            return "拒绝读取 \(f)：部件 \(part) 第 \(line) 行\(name) \(count) 个属性，超过上限 \(limit) / refused \(f): \(english) in \(part), line \(line), has \(moreEnglish) attributes, more than the limit of \(limit)"
        case .tooManySharedStrings(let f, let part, let count, let limit):
            return "拒绝读取 \(f)：部件 \(part) 有（或声明有）\(count) 个共享字符串，超过上限 \(limit) / refused \(f): \(part) holds (or declares) \(count) shared strings, more than the limit of \(limit)"
        case .stringTooLong(let f, let part, let index, let limit):
            return "拒绝读取 \(f)：部件 \(part) 第 \(index) 号共享字符串超过 \(limit) 字节 / refused \(f): shared string \(index) in \(part) is longer than \(limit) bytes"
        case .tooManyCells(let f, let sheet, let part, let cell, let limit):
            return "拒绝读取 \(f)：工作表“\(sheet)”（部件 \(part)）的单元格超过上限（每表 \(limit) 个、每行 \(Limits.maxColumns) 个），在 \(cell) 处停止 / refused \(f): sheet '\(sheet)' (\(part)) holds more cells than the limit (\(limit) per sheet, \(Limits.maxColumns) per row); stopped at \(cell)"
        }
    }
}
