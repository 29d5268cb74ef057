import Foundation

extension WorkbookWriter {
    /// How a workbook is written and published.
    ///
    /// ```swift
    /// let options = WorkbookWriter.Options(mode: .constantMemory, replaceExisting: true) // --force
    /// let writer = try WorkbookWriter(destination: url, options: options)
    /// ```
    public struct Options: Hashable, Sendable {
        /// Standard or constant-memory; see ``WritingMode``.
        public var mode: WritingMode
        /// Whether ``WorkbookWriter/close()`` may replace an existing file at the destination.
        /// When `false` (the default), an existing file makes the initialiser throw
        /// ``WorkbookWriterError/destinationExists(path:)``, and a file that appears meanwhile is
        /// never overwritten (publication uses `link(2)`, which refuses an existing name).
        /// Either way the target is only ever replaced by one atomic rename of a complete file.
        public var replaceExisting: Bool
        /// Folder for libxlsxwriter's own scratch files (constant-memory rows, parts being zipped);
        /// `nil` uses the system's temporary folder. The output itself is always assembled next to
        /// the destination.
        public var temporaryDirectory: URL?
        /// Allows ZIP64 extensions, needed for outputs over 4 GB.
        public var useZip64: Bool
        /// When the output reaches the disk; see ``Durability``.
        public var durability: Durability

        /// ```swift
        /// WorkbookWriter.Options()                          // standard, never overwrite
        /// WorkbookWriter.Options(replaceExisting: true)     // overwrite atomically
        /// ```
        public init(mode: WritingMode = .standard, replaceExisting: Bool = false,
                    temporaryDirectory: URL? = nil, useZip64: Bool = false, durability: Durability = .synced) {
            self.mode = mode
            self.replaceExisting = replaceExisting
            self.temporaryDirectory = temporaryDirectory
            self.useZip64 = useZip64
            self.durability = durability
        }
    }

    /// Whether ``WorkbookWriter/close()`` waits for the disk. Either way the output appears in one
    /// atomic rename of a complete file; the difference is only what survives a power cut.
    ///
    /// ```swift
    /// // A batch of 1,000 outputs: publish each at once, then one sync of the file system at the end.
    /// var options = WorkbookWriter.Options(durability: .deferred)
    /// // … write the outputs …
    /// try WorkbookWriter.syncFileSystem(containing: outputFolder)
    /// ```
    public enum Durability: Hashable, Sendable {
        /// `fsync` the file before the rename and its folder after it (the default): when `close()`
        /// returns, the file is on disk.
        case synced
        /// No `fsync` per file; the caller syncs once for many files with
        /// ``WorkbookWriter/syncFileSystem(containing:)`` before it reports them written.
        case deferred
    }
}
