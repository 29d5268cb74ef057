@testable import SpreadsheetKit
import Foundation
import TestSupport
import XCTest

/// A workbook that changes on disk while it is read. The package is opened (central directory,
/// workbook, shared strings and styles read), then the file is truncated, rewritten in place or
/// replaced, and only then are the sheets read: deterministic, no timing involved. Each read must
/// either give exactly the original cells or fail with a `WorkbookReadError` naming the file;
/// never a crash (a mapped file that shrinks would raise SIGBUS), never a hang.
final class ChangingFileTests: XCTestCase {
    private let source = Fixtures.url("workbook/xlsxwriter-values.xlsx")

    private func cells(_ book: Workbook) throws -> [String] {
        var out: [String] = []
        for sheet in book.sheets {
            try book.forEachRow(in: sheet) { row in
                for cell in row.cells { out.append("\(sheet.name)!\(cell.reference.a1)=\(cell.value)") }
            }
        }
        return out
    }

    /// Opens a copy, applies `change` to it, then reads every sheet.
    private func readAfter(_ what: String, _ change: (URL) throws -> Void) throws -> Result<[String], WorkbookReadError> {
        let dir = try TemporaryDirectory()
        let path = dir.file("changing.xlsx")
        try FileManager.default.copyItem(at: source, to: path)
        let book = try Workbook(path: path.path)
        try change(path)
        do { return .success(try cells(book)) } catch let error as WorkbookReadError {
            XCTAssertTrue(error.localizedDescription.contains(path.path), "\(what): \(error.localizedDescription)")
            return .failure(error)
        }
    }

    func testTruncatedWhileReadFailsCleanly() throws {
        let original = try cells(Workbook(path: source.path))
        XCTAssertFalse(original.isEmpty)
        let size = try Data(contentsOf: source).count
        for keep in [0, 30, size / 4, size / 2, size - 30] {
            let result = try readAfter("truncated to \(keep)") { url in
                let handle = try FileHandle(forWritingTo: url)
                try handle.truncate(atOffset: UInt64(keep))
                try handle.close()
            }
            switch result {
            case .success(let read): XCTAssertEqual(read, original, "truncated to \(keep): a read must be the original")
            case .failure(let error):
                guard case .corruptArchive = error else { return XCTFail("truncated to \(keep): \(error)") }
            }
        }
    }

    func testRewrittenInPlaceFailsCleanlyOrReadsTheOriginal() throws {
        let original = try cells(Workbook(path: source.path))
        let other = try Data(contentsOf: Fixtures.url("workbook/openpyxl-values.xlsx"))
        var noise = [UInt8](try Data(contentsOf: source))
        for i in stride(from: 0, to: noise.count, by: 7) { noise[i] ^= 0x5A }
        for (what, bytes) in [("another workbook", other), ("the same bytes scrambled", Data(noise))] {
            let result = try readAfter(what) { url in
                let handle = try FileHandle(forWritingTo: url) // in place: same inode, same descriptor
                try handle.write(contentsOf: bytes)
                try handle.close()
            }
            if case .success(let read) = result { XCTAssertEqual(read, original, "\(what): a read must be the original") }
        }
    }

    /// Replaced by rename (how editors and our own atomic writer save): the open descriptor still
    /// reads the original file.
    func testReplacedByRenameReadsTheOriginal() throws {
        let original = try cells(Workbook(path: source.path))
        let result = try readAfter("replaced") { url in
            let replacement = url.deletingLastPathComponent().appendingPathComponent("new.xlsx")
            try FileManager.default.copyItem(at: Fixtures.url("workbook/openpyxl-values.xlsx"), to: replacement)
            XCTAssertEqual(rename(replacement.path, url.path), 0)
        }
        XCTAssertEqual(try result.get(), original)
    }
}
