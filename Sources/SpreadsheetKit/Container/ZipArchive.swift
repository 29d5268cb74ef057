import CZip
import Foundation

/// A read-only ZIP archive over libzip, opened from a file or from bytes in memory.
/// Entries are streamed in chunks with a hard limit on the inflated size (ZIP bombs); an archive
/// with more than `maxEntries` entries is refused as soon as it is opened (``ReadingLimits``).
///
/// libzip reads the whole central directory when it opens an archive (its memory is proportional
/// to the directory's size on disk: an entry count the directory cannot hold is refused by libzip as
/// inconsistent), so the entry count is checked right after `zip_open`, before any part is read.
/// Nested archives (an entry that is itself a ZIP) are never opened: parts are read as XML only.
final class ZipArchive {
    private let archive: OpaquePointer
    let fileName: String
    /// The most bytes one entry may inflate to.
    let maxEntrySize: Int64
    /// The most attributes on one element of a part parsed through ``parse(_:with:)``.
    var maxAttributesPerElement = ReadingLimits.maxAttributesPerElement

    init(path: String, maxEntrySize: Int64, maxEntries: Int = ReadingLimits.maxZipEntries) throws(WorkbookReadError) {
        var code: Int32 = 0
        guard let za = zip_open(path, ZIP_RDONLY | ZIP_CHECKCONS, &code) else {
            throw Self.openError(code: code, file: path)
        }
        archive = za
        fileName = path
        self.maxEntrySize = maxEntrySize
        try checkEntryCount(maxEntries)
    }

    init(data: Data, name: String, maxEntrySize: Int64, maxEntries: Int = ReadingLimits.maxZipEntries) throws(WorkbookReadError) {
        var error = zip_error_t()
        zip_error_init(&error)
        defer { zip_error_fini(&error) }
        // libzip takes ownership of a malloc'd copy (freep = 1), so `data` need not outlive us.
        let buffer = malloc(max(data.count, 1))!
        data.withUnsafeBytes { raw in if let base = raw.baseAddress { memcpy(buffer, base, raw.count) } }
        guard let source = zip_source_buffer_create(buffer, zip_uint64_t(data.count), 1, &error) else {
            free(buffer)
            throw .corruptArchive(file: name, reason: String(cString: zip_error_strerror(&error)))
        }
        guard let za = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error) else {
            let code = zip_error_code_zip(&error)
            zip_source_free(source)
            throw Self.openError(code: code, file: name)
        }
        archive = za
        fileName = name
        self.maxEntrySize = maxEntrySize
        try checkEntryCount(maxEntries)
    }

    deinit { zip_discard(archive) }

    /// The number of entries in the central directory (`zip_get_num_entries`).
    var entryCount: Int { Int(max(0, zip_get_num_entries(archive, 0))) }

    private func checkEntryCount(_ limit: Int) throws(WorkbookReadError) {
        let count = entryCount
        if count > limit { throw .tooManyZipEntries(file: fileName, count: count, limit: limit) }
    }

    private static func openError(code: Int32, file: String) -> WorkbookReadError {
        var error = zip_error_t()
        zip_error_init_with_code(&error, code)
        defer { zip_error_fini(&error) }
        let reason = String(cString: zip_error_strerror(&error))
        // Only bytes that start like a ZIP get here, so "not a zip" means a cut-off or damaged archive.
        return .corruptArchive(file: file, reason: code == ZIP_ER_NOZIP ? "找不到 ZIP 目录，文件可能被截断 / no central directory, the file may be truncated" : reason)
    }

    /// The archive's entry for an OPC part name (case-insensitive, as OPC part names are).
    func entryIndex(_ part: String) -> Int64? {
        let index = zip_name_locate(archive, part, ZIP_FL_NOCASE)
        return index >= 0 ? index : nil
    }

    func contains(_ part: String) -> Bool { entryIndex(part) != nil }

    /// Streams one entry in chunks to `body`; refuses entries that inflate past ``maxEntrySize``.
    /// Entries from this size on are inflated on a second thread (``OverlappedInflate``).
    static let overlapThreshold: Int64 = 4 << 20

    func stream(_ part: String, chunkSize: Int = 1 << 18,
                _ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        guard let index = entryIndex(part) else { throw WorkbookReadError.missingPart(file: fileName, part: part) }
        var st = zip_stat_t()
        zip_stat_init(&st)
        var declaredSize: Int64?
        if zip_stat_index(archive, zip_uint64_t(index), 0, &st) == 0, st.valid & zip_uint64_t(ZIP_STAT_SIZE) != 0 {
            if st.size > zip_uint64_t(maxEntrySize) {
                throw WorkbookReadError.partTooLarge(file: fileName, part: part, limit: maxEntrySize)
            }
            declaredSize = Int64(st.size)
        }
        guard let file = zip_fopen_index(archive, zip_uint64_t(index), 0) else {
            throw WorkbookReadError.corruptArchive(file: fileName, reason: "\(part): " + String(cString: zip_strerror(archive)))
        }
        defer { zip_fclose(file) }
        var total: Int64 = 0
        // The stored size can lie; the inflated byte count cannot.
        func count(_ n: Int) throws(WorkbookReadError) {
            total += Int64(n)
            if total > maxEntrySize { throw WorkbookReadError.partTooLarge(file: fileName, part: part, limit: maxEntrySize) }
            if let declaredSize, total > declaredSize {
                throw WorkbookReadError.corruptArchive(
                    file: fileName, reason: "\(part) 解压后超过其声明的 \(declaredSize) 字节 / \(part) inflates past its declared \(declaredSize) bytes")
            }
        }
        // A large entry is inflated on a second core while this one parses (a small one is not worth a thread).
        if let declaredSize, declaredSize >= Self.overlapThreshold, ProcessInfo.processInfo.activeProcessorCount > 1 {
            let fileName = self.fileName
            let inflate = OverlappedInflate(file: file, chunkSize: chunkSize, check: count, readError: {
                WorkbookReadError.corruptArchive(file: fileName, reason: "\(part): " + String(cString: zip_file_strerror(file)))
            })
            try inflate.run(body)
            return
        }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let n = zip_fread(file, buffer.baseAddress, zip_uint64_t(chunkSize))
            if n < 0 {
                throw WorkbookReadError.corruptArchive(file: fileName, reason: "\(part): " + String(cString: zip_file_strerror(file)))
            }
            if n == 0 { break }
            try count(Int(n))
            try body(UnsafeRawBufferPointer(start: buffer.baseAddress, count: Int(n)))
        }
    }
}
