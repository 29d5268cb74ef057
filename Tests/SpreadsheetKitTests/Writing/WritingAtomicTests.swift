import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
private let RLIMIT_FSIZE_VALUE = __rlimit_resource_t(RLIMIT_FSIZE.rawValue)
#else
import Darwin
private let RLIMIT_FSIZE_VALUE = RLIMIT_FSIZE
#endif
@testable import SpreadsheetKit

/// The destination is only ever replaced by one rename of a complete file; failures leave it
/// untouched and leave no temporary file behind.
final class WritingAtomicTests: XCTestCase {
    typealias S = WriterTestSupport
    typealias E = WorkbookWriterError

    private var folder: URL!
    private var target: URL!
    private let oldContent = Data("old report".utf8)

    override func setUpWithError() throws {
        folder = try S.makeTemporaryDirectory(name)
        target = folder.appendingPathComponent("决算.xlsx")
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    private func fill(_ writer: WorkbookWriter) throws {
        let sheet = try writer.addSheet(named: "S")
        for row in 1...200 {
            try sheet.writeRow([.string("项目\(row)"), .decimal(Decimal(row) / 100)], at: CellReference(row: row, column: 1))
        }
    }

    func testNothingOnDiskUntilCloseThenOnlyTheTarget() throws {
        for mode in [WritingMode.standard, .constantMemory] {
            try? FileManager.default.removeItem(at: target)
            let writer = try WorkbookWriter(destination: target, options: .init(mode: mode))
            try fill(writer)
            XCTAssertEqual(try S.listing(folder), [], "\(mode): nothing before close")
            try writer.close()
            XCTAssertEqual(try S.listing(folder), ["决算.xlsx"], "\(mode): only the target, no temporary file")
            XCTAssertTrue(try S.partNames(target).contains("xl/worksheets/sheet1.xml"))
        }
    }

    func testExistingTargetIsRefusedUpFront() throws {
        try oldContent.write(to: target)
        XCTAssertThrowsWriterError(E.destinationExists(path: target.path), try WorkbookWriter(destination: target))
        XCTAssertEqual(try Data(contentsOf: target), oldContent)
    }

    /// A file that appears between the start and `close()` is not overwritten either.
    func testTargetAppearingMeanwhileIsNotOverwritten() throws {
        let writer = try WorkbookWriter(destination: target)
        try fill(writer)
        try oldContent.write(to: target)
        XCTAssertThrowsWriterError(E.destinationExists(path: target.path), try writer.close())
        XCTAssertEqual(try Data(contentsOf: target), oldContent)
        XCTAssertEqual(try S.listing(folder), ["决算.xlsx"], "temporary file removed")
    }

    func testReplaceExistingReplacesThroughRename() throws {
        try oldContent.write(to: target)
        let before = try FileManager.default.attributesOfItem(atPath: target.path)[.systemFileNumber] as? Int
        let writer = try WorkbookWriter(destination: target, options: .init(replaceExisting: true))
        try fill(writer)
        XCTAssertEqual(try Data(contentsOf: target), oldContent, "untouched until close")
        try writer.close()
        let after = try FileManager.default.attributesOfItem(atPath: target.path)[.systemFileNumber] as? Int
        XCTAssertNotEqual(before, after, "a new file (inode) was renamed into place, not rewritten in place")
        XCTAssertEqual(try S.listing(folder), ["决算.xlsx"])
        XCTAssertTrue(try S.part(target, "xl/worksheets/sheet1.xml").contains("<row r=\"200\""))
    }

    /// libxlsxwriter fails in the middle of `workbook_close` — the disk "fills up" after 4 KB
    /// (`RLIMIT_FSIZE`): the partly written zip is removed and the old target survives.
    func testFailureWhileWritingLeavesTargetAndNoTemporaryFile() throws {
        for mode in [WritingMode.standard, .constantMemory] {
            try oldContent.write(to: target)
            let writer = try WorkbookWriter(destination: target, options: .init(mode: mode, replaceExisting: true))
            try fill(writer)
            XCTAssertThrowsError(try Self.withFileSizeLimit(4_096) { try writer.close() }, "\(mode)") { error in
                guard case E.libxlsxwriter(let function, _, let message) = error else { return XCTFail("\(error)") }
                XCTAssertEqual(function, "workbook_close")
                XCTAssertFalse(message.isEmpty)
            }
            XCTAssertEqual(try Data(contentsOf: target), oldContent, "\(mode)")
            XCTAssertEqual(try S.listing(folder), ["决算.xlsx"], "\(mode)")
            XCTAssertFalse(writer.isOpen)
        }
    }

    /// Runs `body` with files limited to `bytes` (writes beyond fail with EFBIG instead of SIGXFSZ).
    private static func withFileSizeLimit<T>(_ bytes: rlim_t, _ body: () throws -> T) rethrows -> T {
        var saved = rlimit()
        getrlimit(RLIMIT_FSIZE_VALUE, &saved)
        let previousHandler = signal(SIGXFSZ, SIG_IGN)
        var limited = saved
        limited.rlim_cur = bytes
        setrlimit(RLIMIT_FSIZE_VALUE, &limited)
        defer {
            setrlimit(RLIMIT_FSIZE_VALUE, &saved)
            signal(SIGXFSZ, previousHandler)
        }
        return try body()
    }

    /// The rename itself fails (the target is a folder): the temporary file is removed.
    func testFailedRenameRemovesTemporaryFile() throws {
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: false)
        let writer = try WorkbookWriter(destination: target, options: .init(replaceExisting: true))
        try fill(writer)
        XCTAssertThrowsError(try writer.close()) { error in
            guard case E.fileSystem(let operation, let path, _) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(operation, "rename")
            XCTAssertEqual(path, self.target.path)
        }
        XCTAssertEqual(try S.listing(folder), ["决算.xlsx"])
        var isDirectory: ObjCBool = false
        XCTAssertTrue(FileManager.default.fileExists(atPath: target.path, isDirectory: &isDirectory) && isDirectory.boolValue)
    }

    /// The folder disappears before `close()`: libxlsxwriter cannot create the file.
    func testMissingFolderAtCloseIsALibraryError() throws {
        let sub = folder.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: false)
        let writer = try WorkbookWriter(destination: sub.appendingPathComponent("x.xlsx"))
        try fill(writer)
        try FileManager.default.removeItem(at: sub)
        XCTAssertThrowsError(try writer.close()) { error in
            guard case E.libxlsxwriter(_, let code, let message) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(code, 2) // LXW_ERROR_CREATING_XLSX_FILE
            XCTAssertEqual(message, "Error creating output xlsx file. Usually a permissions error.")
            XCTAssertTrue(error.localizedDescription.hasPrefix("libxlsxwriter 在 workbook_close 中报错（2）"))
        }
    }

    func testMissingDestinationFolderIsRefusedUpFront() {
        let url = folder.appendingPathComponent("missing/x.xlsx")
        XCTAssertThrowsWriterError(E.destinationDirectoryMissing(path: folder.appendingPathComponent("missing").path),
                                   try WorkbookWriter(destination: url))
    }

    /// Discarding, or dropping an unclosed writer, writes nothing — and in constant-memory mode
    /// closes libxlsxwriter's row files (no file descriptor leaks).
    func testDiscardAndDropWriteNothingAndLeakNoFiles() throws {
        let descriptorsBefore = try FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").count
        for round in 0..<20 {
            let writer = try WorkbookWriter(destination: target, options: .init(mode: .constantMemory))
            try fill(writer)
            _ = try writer.addSheet(named: "Second")
            if round % 2 == 0 { writer.discard() } // otherwise dropped at the end of the iteration
        }
        XCTAssertEqual(try S.listing(folder), [])
        let descriptorsAfter = try FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").count
        XCTAssertEqual(descriptorsBefore, descriptorsAfter)
    }
}
