import CXlsxWriter
import Foundation

/// Writes one XLSX workbook through libxlsxwriter 1.1.4.
///
/// Nothing touches the destination until ``close()``: libxlsxwriter assembles the file under a
/// temporary name in the destination's folder, and only a complete file is renamed into place
/// (libxlsxwriter 1.1.4 cannot write to memory). When anything fails the temporary file is
/// removed and the destination is left as it was. Dropping a writer without closing it, or
/// calling ``discard()``, writes nothing.
///
/// Every input is checked before it reaches libxlsxwriter, so a call that throws has changed
/// nothing and the writer can still be used.
///
/// Every throwing method throws a ``WorkbookWriterError``. (The methods are declared with plain
/// `throws`: Swift 6.3.1 crashes compiling some callers of typed-throws methods — a
/// `catch let error as …` on a value reached through an implicitly unwrapped optional.)
///
/// The writer is not thread-safe; use it from one task at a time.
///
/// ```swift
/// let writer = try WorkbookWriter(destination: URL(fileURLWithPath: "决算.xlsx"))
/// writer.properties = DocumentProperties(title: "2024 年度决算", author: "财务处")
/// let sheet = try writer.addSheet(named: "收入支出决算总表")
/// let title = try writer.format(CellFormat(fontSize: 16, bold: true, horizontalAlignment: .center))
/// let money = try writer.format(CellFormat(borders: .all(.thin), numberFormat: "#,##0.00"))
/// try sheet.merge(CellRange("A1:D1")!, with: "收入支出决算总表", format: title)
/// try sheet.write(.decimal(Decimal(string: "13759.26")!), at: CellReference("B3")!, format: money)
/// try writer.close()
/// ```
public final class WorkbookWriter {
    /// Where ``close()`` puts the finished file.
    public let destination: URL
    /// Mode and publication options, fixed at creation.
    public let options: Options
    /// Written into the file at ``close()``.
    public var properties: DocumentProperties
    /// The names of the sheets added so far, in order.
    public private(set) var sheetNames: [String] = []

    /// `nil` once closed or discarded.
    private(set) var workbook: UnsafeMutablePointer<lxw_workbook>?
    /// Distinguishes this workbook's ``FormatHandle``s from other workbooks'.
    let id = UInt64.random(in: 1...UInt64.max)
    var formats = FormatTable()
    private var sheetStates: [SheetState] = []
    private var lowercasedSheetNames: Set<String> = []
    private let temporaryPath: String

    /// Prepares a workbook for `destination`; nothing is created on disk yet.
    ///
    /// Throws ``WorkbookWriterError/destinationDirectoryMissing(path:)`` when the folder does not
    /// exist, ``WorkbookWriterError/destinationExists(path:)`` when the file exists and
    /// `options.replaceExisting` is `false`, and ``WorkbookWriterError/numericLocaleNotC(decimalPoint:)``
    /// when the process has set a C locale with a decimal comma.
    ///
    /// ```swift
    /// let writer = try WorkbookWriter(destination: url, options: .init(replaceExisting: force))
    /// ```
    public init(destination: URL, options: Options = Options(), properties: DocumentProperties = DocumentProperties()) throws {
        let target = destination.standardizedFileURL
        self.destination = target
        self.options = options
        self.properties = properties
        let folder = target.deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw WorkbookWriterError.destinationDirectoryMissing(path: folder)
        }
        if !options.replaceExisting && AtomicPublisher.exists(target.path) {
            throw WorkbookWriterError.destinationExists(path: target.path)
        }
        try Self.checkNumericLocale()
        temporaryPath = AtomicPublisher.temporaryPath(for: target)
        var lxwOptions = lxw_workbook_options()
        lxwOptions.constant_memory = options.mode == .constantMemory ? 1 : 0
        lxwOptions.use_zip64 = options.useZip64 ? 1 : 0
        let made: UnsafeMutablePointer<lxw_workbook>? = temporaryPath.withCString { path in
            if let tmp = options.temporaryDirectory?.path {
                return tmp.withCString { dir in
                    lxwOptions.tmpdir = UnsafeMutablePointer(mutating: dir) // copied by libxlsxwriter
                    return workbook_new_opt(path, &lxwOptions)
                }
            }
            return workbook_new_opt(path, &lxwOptions)
        }
        guard let made else {
            throw WorkbookWriterError.libxlsxwriter(function: "workbook_new_opt", code: Int(LXW_ERROR_MEMORY_MALLOC_FAILED.rawValue),
                                 message: WorkbookWriterError.libraryMessage(LXW_ERROR_MEMORY_MALLOC_FAILED))
        }
        workbook = made
    }

    deinit {
        if let workbook { release(workbook) }
    }

    /// Whether the writer still accepts content (not yet closed or discarded).
    ///
    /// ```swift
    /// if writer.isOpen { try writer.close() }
    /// ```
    public var isOpen: Bool { workbook != nil }

    /// Adds a sheet at the end.
    ///
    /// Names are checked as Excel does: 1…31 characters, none of `[ ] : * ? / \`, no apostrophe
    /// at either end, unique without regard to case.
    ///
    /// ```swift
    /// let sheet = try writer.addSheet(named: "附表1")
    /// ```
    public func addSheet(named name: String) throws -> SheetWriter {
        guard let workbook else { throw WorkbookWriterError.workbookClosed }
        try SheetNameRules.validate(name, existingLowercased: lowercasedSheetNames)
        guard let worksheet = name.withCString({ workbook_add_worksheet(workbook, $0) }) else {
            throw WorkbookWriterError.libxlsxwriter(function: "workbook_add_worksheet", code: Int(LXW_ERROR_CREATING_TMPFILE.rawValue),
                                 message: "could not create the worksheet (constant-memory mode needs a temporary file)")
        }
        let state = SheetState(worksheet: worksheet, mode: options.mode)
        sheetStates.append(state)
        sheetNames.append(name)
        lowercasedSheetNames.insert(name.lowercased())
        return SheetWriter(name: name, workbook: self, state: state)
    }

    /// The handle for a format, registering it on first use. Equal formats give the same
    /// handle and share one style in the file.
    ///
    /// ```swift
    /// let bold = try writer.format(CellFormat(bold: true))
    /// try sheet.write("合计", at: CellReference("A9")!, format: bold)
    /// ```
    public func format(_ format: CellFormat) throws -> FormatHandle {
        guard let workbook else { throw WorkbookWriterError.workbookClosed }
        return try formats.handle(for: format, workbook: workbook, workbookID: id)
    }

    /// Writes the workbook and moves it atomically to ``destination``.
    ///
    /// The file is assembled under a temporary name in the destination's folder, flushed to
    /// disk, then published with one `rename(2)` (or `link(2)` when replacing is not allowed).
    /// On any failure the temporary file is removed and the destination is untouched. Invalid
    /// ``properties`` or a decimal-comma C locale throw *before* anything is written and leave the
    /// writer open; any later failure closes it.
    ///
    /// ```swift
    /// try writer.close()
    /// ```
    public func close() throws {
        guard let workbook else { throw WorkbookWriterError.workbookClosed }
        // Checks that leave the writer usable.
        for field in properties.textFields.compactMap({ $0 }) where field.utf8.contains(0) {
            throw WorkbookWriterError.containsNulCharacter(context: "document property")
        }
        try Self.checkNumericLocale()

        self.workbook = nil
        do {
            for state in sheetStates {
                if let setup = state.printSetup { try state.apply(setup) }
            }
            try applyProperties(to: workbook)
        } catch {
            release(workbook)
            throw error
        }
        let code = workbook_close(workbook) // frees the workbook whatever happens
        guard code == LXW_NO_ERROR else {
            AtomicPublisher.remove(temporaryPath)
            throw WorkbookWriterError.libxlsxwriter(function: "workbook_close", code: Int(code.rawValue),
                                 message: WorkbookWriterError.libraryMessage(code))
        }
        do {
            try AtomicPublisher.publish(temporaryPath, to: destination.path, replacing: options.replaceExisting,
                                        synced: options.durability == .synced)
        } catch {
            AtomicPublisher.remove(temporaryPath)
            throw error
        }
    }

    /// Flushes to disk every file written on the file system that holds `folder`: the one sync that
    /// follows outputs written with ``Options/durability`` `.deferred`.
    ///
    /// ```swift
    /// try WorkbookWriter.syncFileSystem(containing: URL(fileURLWithPath: "out"))
    /// ```
    public static func syncFileSystem(containing folder: URL) throws(WorkbookWriterError) {
        try AtomicPublisher.syncFileSystem(containing: folder.path)
    }

    /// Abandons the workbook: frees everything and writes nothing. Dropping an unclosed writer
    /// does the same.
    ///
    /// ```swift
    /// defer { if writer.isOpen { writer.discard() } }
    /// ```
    public func discard() {
        guard let workbook else { return }
        self.workbook = nil
        release(workbook)
    }

    /// Frees an unclosed workbook. libxlsxwriter 1.1.4 leaves constant-memory row files open
    /// when freeing without closing, so they are closed first (they are already unlinked).
    private func release(_ workbook: UnsafeMutablePointer<lxw_workbook>) {
        for state in sheetStates {
            if let file = state.worksheet.pointee.optimize_tmpfile {
                fclose(file)
                state.worksheet.pointee.optimize_tmpfile = nil
                state.worksheet.pointee.file = nil
            }
        }
        lxw_workbook_free(workbook)
    }

    private func applyProperties(to workbook: UnsafeMutablePointer<lxw_workbook>) throws(WorkbookWriterError) {
        let duplicates: [UnsafeMutablePointer<CChar>?] = properties.textFields.map { $0.flatMap { strdup($0) } }
        defer { duplicates.forEach { free($0) } }
        var props = lxw_doc_properties()
        props.title = duplicates[0]
        props.subject = duplicates[1]
        props.author = duplicates[2]
        props.manager = duplicates[3]
        props.company = duplicates[4]
        props.category = duplicates[5]
        props.keywords = duplicates[6]
        props.comments = duplicates[7]
        props.status = duplicates[8]
        props.hyperlink_base = duplicates[9]
        if let created = properties.created {
            props.created = time_t(created.timeIntervalSince1970.rounded(.down))
        }
        try WorkbookWriterError.check(workbook_set_properties(workbook, &props), "workbook_set_properties")
    }

    /// libxlsxwriter formats numbers with the C library's `printf`, which follows `LC_NUMERIC`.
    static func checkNumericLocale() throws(WorkbookWriterError) {
        guard let conventions = localeconv(), let point = conventions.pointee.decimal_point else { return }
        try checkDecimalPoint(String(cString: point))
    }

    static func checkDecimalPoint(_ point: String) throws(WorkbookWriterError) {
        if point != "." { throw WorkbookWriterError.numericLocaleNotC(decimalPoint: point) }
    }
}

@available(*, unavailable, message: "WorkbookWriter is used from one task at a time")
extension WorkbookWriter: Sendable {}
