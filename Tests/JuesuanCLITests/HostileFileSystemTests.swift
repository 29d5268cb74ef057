import Foundation
import TestSupport
import XCTest

/// Hostile inputs that are not bytes: what the path is (a symbolic-link loop, a link to nothing, a
/// FIFO), a file that changes while `juesuan` reads it, an entity that would fetch over http, and
/// sheets whose claimed or real extent is Excel's whole grid. Exit status 2 (or a correct read)
/// with a message naming the file; never a crash, never a hang (a watchdog, never a timing).
final class HostileFileSystemTests: XCTestCase {
    private func assertRefused(_ result: ProcessResult, naming path: String, _ words: [String],
                               file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertFalse(result.crashed, file: file, line: line)
        XCTAssertEqual(result.status, 2, result.stderr, file: file, line: line)
        XCTAssertTrue(result.stderr.contains(path), "message does not name \(path): \(result.stderr)", file: file, line: line)
        for word in words {
            XCTAssertTrue(result.stderr.contains(word), "message lacks '\(word)': \(result.stderr)", file: file, line: line)
        }
        XCTAssertFalse(result.stderr.contains("找不到文件"), "not a missing file: \(result.stderr)", file: file, line: line)
    }

    func testSymbolicLinkLoopIsNamedAsSuch() throws {
        let dir = try TemporaryDirectory()
        let a = dir.file("a.xlsx").path, b = dir.file("b.xlsx").path
        try FileManager.default.createSymbolicLink(atPath: a, withDestinationPath: b)
        try FileManager.default.createSymbolicLink(atPath: b, withDestinationPath: a)
        for command in [["dump", a], ["inspect", a], ["import", a], ["check", a]] {
            assertRefused(try JuesuanBinary.run(command, timeout: 120), naming: a,
                          ["符号链接循环", "too many levels of symbolic links"])
        }
    }

    func testDanglingLinkAndFIFOAreNamedAndNeverWaitedOn() throws {
        let dir = try TemporaryDirectory()
        let dangling = dir.file("gone.xlsx").path
        try FileManager.default.createSymbolicLink(atPath: dangling, withDestinationPath: dir.file("nothing-here.xlsx").path)
        assertRefused(try JuesuanBinary.run(["dump", dangling], timeout: 120), naming: dangling,
                      ["符号链接", "a symbolic link to a file that does not exist"])

        // Opening a FIFO for reading blocks until a writer comes: the path must be refused unopened.
        let fifo = dir.file("pipe.xlsx").path
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        assertRefused(try JuesuanBinary.run(["dump", fifo], timeout: 120), naming: fifo, ["命名管道", "FIFO"])
    }

    /// `juesuan dump` runs while another thread keeps rewriting the file in place (cut short, then
    /// whole again). Each run either prints exactly the original dump or exits 2 naming the file.
    func testFileRewrittenWhileDumpedReadsOrFailsCleanly() throws {
        let source = Fixtures.url("departments/nanhe-nongye-2024.xlsx")
        let original = try Data(contentsOf: source)
        let expected = try JuesuanBinary.run(["dump", source.path])
        XCTAssertEqual(expected.status, 0, expected.stderr)
        let dir = try TemporaryDirectory()
        let path = dir.file("changing.xlsx")
        try original.write(to: path)

        final class Flag: @unchecked Sendable { let lock = NSLock(); var stop = false
            var isSet: Bool { lock.lock(); defer { lock.unlock() }; return stop } }
        let flag = Flag()
        let writer = Thread {
            var k = 0
            while !flag.isSet {
                guard let handle = try? FileHandle(forWritingTo: path) else { continue }
                let keep = [original.count / 3, original.count / 2, original.count - 100, 0][k % 4]
                try? handle.truncate(atOffset: UInt64(keep))
                usleep(2_000)
                try? handle.seek(toOffset: 0)
                try? handle.write(contentsOf: original)
                try? handle.close()
                usleep(3_000)
                k += 1
            }
        }
        writer.start()
        defer { flag.lock.lock(); flag.stop = true; flag.lock.unlock() }
        var outcomes: [Int32: Int] = [:]
        for _ in 0..<12 {
            let result = try JuesuanBinary.run(["dump", path.path], timeout: 120)
            XCTAssertFalse(result.crashed, result.stderr)
            outcomes[result.status, default: 0] += 1
            switch result.status {
            case 0: XCTAssertEqual(result.stdout, expected.stdout, "a successful read must be the original")
            case 2: XCTAssertTrue(result.stderr.contains(path.path), result.stderr)
            default: XCTFail("status \(result.status): \(result.stderr)")
            }
        }
        XCTAssertEqual(outcomes.values.reduce(0, +), 12)
    }

    /// An external entity and an external DTD that point at http://127.0.0.1:48213/ (the fixtures
    /// made by make_hostile.py): refused, and nothing ever connects to the port.
    func testExternalEntitiesOverHTTPFetchNothing() throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        XCTAssertGreaterThanOrEqual(fd, 0)
        defer { close(fd) }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(48213).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0 else { throw XCTSkip("port 48213 is taken: cannot watch for a fetch") }
        XCTAssertEqual(listen(fd, 8), 0)
        _ = fcntl(fd, F_SETFL, O_NONBLOCK)

        for name in ["external-entity-http.xlsx", "external-dtd-http.xlsx"] {
            let path = Fixtures.url("hostile/\(name)").path
            for command in [["dump", path], ["import", path]] {
                assertRefused(try JuesuanBinary.run(command, timeout: 120), naming: path, ["DTD"])
            }
        }
        let client = accept(fd, nil, nil)
        let code = errno
        if client >= 0 { close(client) }
        XCTAssertLessThan(client, 0, "something connected to the entity's http address")
        XCTAssertTrue(code == EAGAIN || code == EWOULDBLOCK, "accept: errno \(code)")
    }

    /// `<dimension ref="A1:XFD1048576">` and a real cell at XFD1048576, in a small fixture and added
    /// to every sheet of a department's workbook: read with memory that does not follow the claimed
    /// or real extent (17 billion cells), by the streaming tier (dump), the eager tier and the
    /// importer's grid (import, inspect, check). Peak memory comes from /usr/bin/time (GNU time).
    func testSheetsSpanningExcelsWholeGridAreReadInBoundedMemory() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/time") else { throw XCTSkip("no /usr/bin/time") }
        let dir = try TemporaryDirectory()
        let far = dir.file("far.xlsx").path
        let script = """
        import re, sys, zipfile
        zin = zipfile.ZipFile(sys.argv[1])
        with zipfile.ZipFile(sys.argv[2], "w", zipfile.ZIP_DEFLATED) as zout:
            for info in zin.infolist():
                data = zin.read(info.filename)
                if re.fullmatch(r"xl/worksheets/sheet\\d+\\.xml", info.filename):
                    text = re.sub(r"<dimension [^>]*/>", "", data.decode("utf-8"))
                    text = text.replace("<sheetData>", '<dimension ref="A1:XFD1048576"/><sheetData>', 1)
                    text = text.replace("</sheetData>", '<row r="1048576" spans="1:16384"><c r="XFD1048576"><v>7</v></c></row></sheetData>', 1)
                    data = text.encode("utf-8")
                zout.writestr(info, data)
        """
        let made = try ProcessRunner.run("/usr/bin/env", ["python3", "-c", script,
                                                          Fixtures.url("departments/nanhe-nongye-2024.xlsx").path, far])
        XCTAssertEqual(made.status, 0, made.stderr)
        let small = Fixtures.url("hostile/huge-dimension.xlsx").path
        for (command, accepted): ([String], [Int32]) in [(["dump", small], [0]), (["dump", far], [0]), (["import", far], [0, 1]),
                                    (["inspect", far], [0, 1]), (["check", far], [0, 1]), (["import", small], [2])] {
            let result = try ProcessRunner.run("/usr/bin/time", ["-f", "peak-kb=%M", JuesuanBinary.path] + command, timeout: 300)
            XCTAssertFalse(result.crashed, "\(command): \(result.stderr)")
            XCTAssertTrue(accepted.contains(result.status), "\(command): status \(result.status): \(result.stderr)")
            let peak = result.stderr.components(separatedBy: "peak-kb=").last.flatMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
            XCTAssertNotNil(peak, result.stderr)
            XCTAssertLessThan(peak ?? .max, 256 * 1024, "\(command): peak memory \(peak ?? 0) KB")
        }
        let dump = try JuesuanBinary.run(["dump", far])
        XCTAssertTrue(dump.stdoutText.contains("\n1048576\t"), "the far cell is read")
    }
}
