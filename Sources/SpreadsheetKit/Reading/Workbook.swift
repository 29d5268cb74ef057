import Foundation

/// What kind of sheet a workbook entry is.
public enum SheetKind: String, Sendable, Hashable {
    case worksheet, chartsheet, other
}

/// One sheet of a workbook, in workbook order.
public struct SheetInfo: Hashable, Sendable {
    /// 0-based position in the workbook.
    public let index: Int
    public let name: String
    public let visibility: SheetVisibility
    public let kind: SheetKind
    /// The package part holding the sheet (e.g. `xl/worksheets/sheet1.xml`); for a legacy `.xls`,
    /// the BIFF stream and the offset of the sheet's records in it (`Workbook@1234`).
    public let part: String
}

/// The file format a workbook was read from, judged by its content.
public enum WorkbookFormat: String, Sendable, Hashable {
    /// Office Open XML (`.xlsx`, `.xlsm`): a ZIP package.
    case xlsx
    /// Legacy Excel 97–2003 (`.xls`, BIFF8; BIFF5 too): an OLE2 compound file.
    case xls
}

/// What `Workbook` reads through: one implementation per file format. Internal, so that nothing
/// above the workbook layer knows which format it read.
protocol WorkbookBackend: AnyObject {
    var sheets: [SheetInfo] { get }
    var dateSystem: DateSystem { get }
    var definedNames: [DefinedName] { get }
    func streamRows(of sheet: SheetInfo, _ body: @escaping (Row) throws -> Void) throws -> SheetLayout
    func comments(of sheet: SheetInfo) throws -> [(CellReference, CellComment)]
}

extension XLSXPackage: WorkbookBackend {}

/// A spreadsheet opened for reading, with two tiers over one cell enum: stream a sheet row by
/// row with ``forEachRow(in:_:)``, or load it whole with ``worksheet(_:)``.
///
/// ```swift
/// let book = try Workbook(path: "report.xlsx")
/// for sheet in book.sheets {
///     try book.forEachRow(in: sheet) { row in
///         for cell in row.cells { print(cell.reference, cell.value) }
///     }
/// }
/// ```
///
/// The input is recognised by content, whatever its name: a ZIP with `[Content_Types].xml` is
/// read as `.xlsx`; an OLE2 compound file with a `Workbook` (or `Book`) stream is read as a legacy
/// `.xls` through FreeXL (see `Legacy/LegacyWorkbook.swift` for what is read and what is lost);
/// an encrypted file of either kind is refused with a clear error.
public final class Workbook {
    /// Limits that protect against hostile files; the defaults, and what each one guards, are in
    /// ``ReadingLimits`` (Cells/Limits.swift).
    public struct Options: Sendable {
        /// The most bytes one package part may inflate to (ZIP bombs are refused past it). For a
        /// legacy `.xls`: the most bytes of its Workbook stream, and of the cell grids FreeXL
        /// allocates for all its sheets together.
        public var maxPartSize: Int64
        /// The most entries in the ZIP archive.
        public var maxZipEntries: Int
        /// The most attributes (and namespace declarations) on one XML element.
        public var maxAttributesPerElement: Int
        /// The most shared strings, read or declared by `uniqueCount`.
        public var maxSharedStrings: Int
        /// The most bytes of one shared string.
        public var maxStringBytes: Int
        /// The most cells in one sheet (both tiers).
        public var maxCellsPerSheet: Int

        public init(maxPartSize: Int64 = ReadingLimits.maxPartSize,
                    maxZipEntries: Int = ReadingLimits.maxZipEntries,
                    maxAttributesPerElement: Int = ReadingLimits.maxAttributesPerElement,
                    maxSharedStrings: Int = ReadingLimits.maxSharedStrings,
                    maxStringBytes: Int = ReadingLimits.maxStringBytes,
                    maxCellsPerSheet: Int = ReadingLimits.maxCellsPerSheet) {
            self.maxPartSize = maxPartSize
            self.maxZipEntries = maxZipEntries
            self.maxAttributesPerElement = maxAttributesPerElement
            self.maxSharedStrings = maxSharedStrings
            self.maxStringBytes = maxStringBytes
            self.maxCellsPerSheet = maxCellsPerSheet
        }
    }

    /// The file name used in messages (the path, or the name given for in-memory bytes).
    public let fileName: String
    /// The format the file was read as (by its content, not its name).
    public let format: WorkbookFormat
    public var sheets: [SheetInfo] { backend.sheets }
    public var dateSystem: DateSystem { backend.dateSystem }
    public var definedNames: [DefinedName] { backend.definedNames }

    private let backend: WorkbookBackend

    /// Opens a workbook file.
    public convenience init(path: String, options: Options = Options()) throws {
        try Self.checkIsRegularFile(path)
        let handle: FileHandle
        do { handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path)) } catch {
            throw WorkbookReadError.notAWorkbook(file: path, reason: error.localizedDescription)
        }
        let head = (try? handle.read(upToCount: 8)) ?? Data()
        try? handle.close()
        var kind = ContainerKind.sniff(head)
        var contents: Data?
        if kind != .zip && kind != .empty && kind != .unknown {
            // A compound file: look inside for what it holds. Read, not mapped: a mapped file that
            // another program truncates while it is read would kill the process (SIGBUS).
            // The whole file is read, so it is held to the part-size limit first (a forged header on a
            // multi-gigabyte file must not be read into memory), and a failing read is said as such.
            var info = stat()
            if stat(path, &info) == 0, Int64(info.st_size) > options.maxPartSize {
                throw WorkbookReadError.partTooLarge(file: path, part: "(OLE2 compound file)", limit: options.maxPartSize)
            }
            do { contents = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
                throw WorkbookReadError.unreadableFile(file: path, reason: "无法读取 / cannot read \(path): \(error.localizedDescription)")
            }
            kind = ContainerKind.sniff(contents ?? head)
        }
        switch kind {
        case .zip:
            let zip = try ZipArchive(path: path, maxEntrySize: options.maxPartSize, maxEntries: options.maxZipEntries)
            try self.init(backend: XLSXPackage(zip: zip, options: options), fileName: path, format: .xlsx)
        case .legacyXLS:
            try self.init(backend: LegacyWorkbook(data: contents ?? head, fileName: path, maxBytes: options.maxPartSize),
                          fileName: path, format: .xls)
        default:
            try Self.refuse(kind, file: path, contents: contents ?? head)
        }
    }

    /// Opens a workbook held in memory; `name` is used in messages.
    public convenience init(data: Data, name: String = "<memory>", options: Options = Options()) throws {
        let kind = ContainerKind.sniff(data)
        switch kind {
        case .zip:
            let zip = try ZipArchive(data: data, name: name, maxEntrySize: options.maxPartSize, maxEntries: options.maxZipEntries)
            try self.init(backend: XLSXPackage(zip: zip, options: options), fileName: name, format: .xlsx)
        case .legacyXLS:
            try self.init(backend: LegacyWorkbook(data: data, fileName: name, maxBytes: options.maxPartSize),
                          fileName: name, format: .xls)
        default:
            try Self.refuse(kind, file: name, contents: data)
        }
    }

    private init(backend: WorkbookBackend, fileName: String, format: WorkbookFormat) {
        self.backend = backend
        self.fileName = fileName
        self.format = format
    }

    /// Refuses, by what it is, a path that is not a regular file, before anything opens it (opening a
    /// FIFO would wait for a writer): missing, a folder, a symbolic-link loop or a link to nothing, a
    /// FIFO, socket or device, or no permission to read.
    static func checkIsRegularFile(_ path: String) throws {
        var info = stat()
        guard stat(path, &info) == 0 else {
            let code = errno
            var linkInfo = stat()
            let isLink = lstat(path, &linkInfo) == 0 && (linkInfo.st_mode & S_IFMT) == S_IFLNK
            switch code {
            case ELOOP:
                throw WorkbookReadError.unreadableFile(file: path, reason: "符号链接循环（符号链接层数过多）/ cannot read \(path): too many levels of symbolic links (a symlink loop)")
            case ENOENT where isLink:
                throw WorkbookReadError.unreadableFile(file: path, reason: "符号链接指向的文件不存在 / cannot read \(path): a symbolic link to a file that does not exist")
            case ENOENT, ENOTDIR:
                throw WorkbookReadError.fileNotFound(file: path)
            default:
                throw WorkbookReadError.unreadableFile(file: path, reason: "无法访问 / cannot read \(path): \(String(cString: strerror(code)))")
            }
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG:
            break
        case S_IFDIR:
            throw WorkbookReadError.notAWorkbook(file: path, reason: "这是文件夹，不是文件 / a folder, not a file")
        case S_IFIFO:
            throw WorkbookReadError.unreadableFile(file: path, reason: "这是命名管道（FIFO），不是普通文件 / cannot read \(path): a named pipe (FIFO), not a regular file")
        default:
            throw WorkbookReadError.unreadableFile(file: path, reason: "这是设备或套接字，不是普通文件 / cannot read \(path): a device or socket, not a regular file")
        }
        guard access(path, R_OK) == 0 else {
            throw WorkbookReadError.unreadableFile(file: path, reason: "没有读取权限 / cannot read \(path): permission denied")
        }
    }

    /// The error for a file that is neither an OOXML package nor a legacy workbook.
    private static func refuse(_ kind: ContainerKind, file: String, contents: Data) throws -> Never {
        switch kind {
        case .zip, .legacyXLS:
            preconditionFailure("readable kinds are opened, not refused")
        case .empty: throw WorkbookReadError.emptyFile(file: file)
        case .encryptedOOXML: throw WorkbookReadError.passwordProtected(file: file)
        case .otherCompoundFile:
            throw WorkbookReadError.notAWorkbook(file: file, reason: "OLE2 复合文档，但不含工作簿 / an OLE2 compound file without a workbook")
        case .corruptCompoundFile:
            do throws(CompoundFileError) { _ = try CompoundFile(contents) } catch {
                throw WorkbookReadError.corruptCompoundFile(file: file, reason: error.reason)
            }
            throw WorkbookReadError.corruptCompoundFile(file: file, reason: "目录无法读取 / unreadable directory")
        case .unknown:
            throw WorkbookReadError.notAWorkbook(file: file, reason: "不是 ZIP 文件 / not a ZIP file")
        }
    }

    /// The sheet with this name (exact match first, then case-insensitive as Excel compares names).
    public func sheet(named name: String) -> SheetInfo? {
        sheets.first { $0.name == name } ?? sheets.first { $0.name.lowercased() == name.lowercased() }
    }

    /// Streams a sheet's rows in file order; returns its layout (merges, columns), known at the end.
    /// Memory stays flat however long the sheet is.
    @discardableResult
    public func forEachRow(in sheet: SheetInfo, _ body: @escaping (Row) throws -> Void) throws -> SheetLayout {
        try backend.streamRows(of: sheet, body)
    }

    /// The raw rows of an xlsx sheet with the decoder of their values (`nil` for other formats): the
    /// dump's way through a sheet without building a ``Cell`` per cell.
    func forEachRawRow(in sheet: SheetInfo, _ body: @escaping (RawRow, CellDecoder) throws -> Void) throws -> SheetLayout? {
        guard let package = backend as? XLSXPackage else { return nil }
        let decoder = package.decoder
        return try package.streamRawRows(of: sheet) { try body($0, decoder) }
    }

    /// The comments (批注) of a sheet, by cell, in file order.
    ///
    /// ```swift
    /// for (cell, comment) in try book.comments(in: sheet) { print(cell, comment.text) }
    /// ```
    public func comments(in sheet: SheetInfo) throws -> [(CellReference, CellComment)] {
        try backend.comments(of: sheet)
    }

    /// Loads a whole sheet: its rows that hold cells, and its layout.
    public func worksheet(_ sheet: SheetInfo) throws -> Worksheet {
        var rows: [Row] = []
        let layout = try forEachRow(in: sheet) { row in
            if !row.cells.isEmpty || row.height != nil || row.isHidden { rows.append(row) }
        }
        return Worksheet(info: sheet, rows: rows, layout: layout)
    }
}
