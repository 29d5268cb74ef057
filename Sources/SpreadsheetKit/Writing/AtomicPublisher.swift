import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Puts a finished file in place in one step, so readers see either the old file or the
/// complete new one, never a half-written one.
enum AtomicPublisher {
    /// A hidden name next to `destination`, so the final rename stays on one file system.
    static func temporaryPath(for destination: URL) -> String {
        let folder = destination.deletingLastPathComponent()
        let random = String(UInt64.random(in: 0...UInt64.max), radix: 36)
        return folder.appendingPathComponent(".\(destination.lastPathComponent).\(getpid()).\(random).partial").path
    }

    static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    /// Flushes `temporary` to disk and moves it to `destination`. Without `replacing`, an existing
    /// destination is never overwritten: `link(2)` fails atomically when the name exists.
    static func publish(_ temporary: String, to destination: String, replacing: Bool,
                        synced: Bool = true) throws(WorkbookWriterError) {
        if synced { try flush(temporary) }
        if replacing {
            guard rename(temporary, destination) == 0 else { throw failure("rename", destination) }
        } else if link(temporary, destination) == 0 {
            unlink(temporary)
        } else {
            let error = errno
            if error == EEXIST { throw WorkbookWriterError.destinationExists(path: destination) }
            // File systems without hard links: check, then rename (a small window remains).
            guard [EPERM, ENOTSUP, EOPNOTSUPP, EMLINK, ENOSYS].contains(error) else {
                throw failure("link", destination, error)
            }
            if exists(destination) { throw WorkbookWriterError.destinationExists(path: destination) }
            guard rename(temporary, destination) == 0 else { throw failure("rename", destination) }
        }
        if synced { flushFolder(of: destination) }
    }

    /// Flushes everything written so far to disk: one `sync(2)` (which on Linux waits until the data is
    /// written) instead of an `fsync` per file, after many files were published with deferred durability.
    /// `path` must still exist, so a folder removed meanwhile is reported rather than passed over.
    static func syncFileSystem(containing path: String) throws(WorkbookWriterError) {
        guard exists(path) else { throw failure("sync", path, ENOENT) }
        sync()
    }

    /// Removes a temporary file; a missing file is fine.
    static func remove(_ path: String) {
        unlink(path)
    }

    private static func flush(_ path: String) throws(WorkbookWriterError) {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw failure("open", path) }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw failure("fsync", path) }
    }

    /// Makes the rename itself durable; best effort.
    private static func flushFolder(of path: String) {
        let folder = (path as NSString).deletingLastPathComponent
        let fd = open(folder.isEmpty ? "." : folder, O_RDONLY)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        close(fd)
    }

    private static func failure(_ operation: String, _ path: String, _ code: Int32 = errno) -> WorkbookWriterError {
        .fileSystem(operation: operation, path: path, message: String(cString: strerror(code)))
    }
}
