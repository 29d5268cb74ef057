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
    /// The package part holding the sheet (e.g. `xl/worksheets/sheet1.xml`).
    public let part: String
}

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
/// The input is recognised by content: a ZIP with `[Content_Types].xml` is read; an encrypted
/// OOXML file and a legacy `.xls` (both OLE2 compound files) are refused with a clear error.
public final class Workbook {
    /// Limits that protect against hostile files.
    public struct Options: Sendable {
        /// The most bytes one package part may inflate to (ZIP bombs are refused past it).
        public var maxPartSize: Int64

        public init(maxPartSize: Int64 = 1 << 30) {
            self.maxPartSize = maxPartSize
        }
    }

    /// The file name used in messages (the path, or the name given for in-memory bytes).
    public let fileName: String
    public var sheets: [SheetInfo] { package.sheets }
    public var dateSystem: DateSystem { package.dateSystem }
    public var definedNames: [DefinedName] { package.definedNames }

    private let package: XLSXPackage

    /// Opens a workbook file.
    public convenience init(path: String, options: Options = Options()) throws {
        guard FileManager.default.fileExists(atPath: path) else { throw WorkbookReadError.fileNotFound(file: path) }
        let handle: FileHandle
        do { handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path)) } catch {
            throw WorkbookReadError.notAWorkbook(file: path, reason: error.localizedDescription)
        }
        let head = (try? handle.read(upToCount: 8)) ?? Data()
        try? handle.close()
        var kind = ContainerKind.sniff(head)
        if kind != .zip && kind != .empty && kind != .unknown {
            // A compound file: look inside for what it holds.
            kind = ContainerKind.sniff((try? Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)) ?? head)
        }
        try Self.refuse(kind, file: path)
        try self.init(zip: ZipArchive(path: path, maxEntrySize: options.maxPartSize))
    }

    /// Opens a workbook held in memory; `name` is used in messages.
    public convenience init(data: Data, name: String = "<memory>", options: Options = Options()) throws {
        try Self.refuse(ContainerKind.sniff(data), file: name)
        try self.init(zip: ZipArchive(data: data, name: name, maxEntrySize: options.maxPartSize))
    }

    private init(zip: ZipArchive) throws {
        fileName = zip.fileName
        package = try XLSXPackage(zip: zip)
    }

    private static func refuse(_ kind: ContainerKind, file: String) throws {
        switch kind {
        case .zip: return
        case .empty: throw WorkbookReadError.emptyFile(file: file)
        case .encryptedOOXML: throw WorkbookReadError.passwordProtected(file: file)
        case .legacyXLS: throw WorkbookReadError.legacyXLSNotSupported(file: file)
        case .otherCompoundFile:
            throw WorkbookReadError.notAWorkbook(file: file, reason: "OLE2 复合文档，但不含工作簿 / an OLE2 compound file without a workbook")
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
        try package.streamRows(of: sheet, body)
    }

    /// The comments (批注) of a sheet, by cell, in file order.
    ///
    /// ```swift
    /// for (cell, comment) in try book.comments(in: sheet) { print(cell, comment.text) }
    /// ```
    public func comments(in sheet: SheetInfo) throws -> [(CellReference, CellComment)] {
        try package.comments(of: sheet)
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
