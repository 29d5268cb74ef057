import Foundation
import TestSupport
import XCTest

/// Every input the libFuzzer targets (fuzz/run.sh) found crashing or hanging, minimised and kept in
/// Tests/Fixtures/hostile/fuzz-regressions/ (named target-kind-hash): read again through the command
/// that reached the bug. Each must now end cleanly: exit 0, 1 or 2, and on 2 a message naming the file;
/// never a signal, never a hang (watchdog).
final class FuzzRegressionTests: XCTestCase {
    func testEveryFuzzFindingEndsCleanly() throws {
        let files = Fixtures.files(in: "hostile/fuzz-regressions", extensions: ["xlsx", "yaml"])
        // The findings this suite knows of; a new one is added here with its fix.
        let known = ["import-crash-", "zip-crash-", "zip-leak-"]
        for prefix in known {
            XCTAssertTrue(files.contains { $0.lastPathComponent.hasPrefix(prefix) }, "no fixture \(prefix)*")
        }
        let mappings = Fixtures.packageRoot.appendingPathComponent("Mappings").path
        for file in files {
            let commands: [[String]]
            if file.pathExtension == "yaml" {
                let dir = try TemporaryDirectory()
                try FileManager.default.copyItem(at: file, to: dir.file(file.lastPathComponent))
                commands = [["templates", "--mappings", dir.url.path]]
            } else {
                commands = [["dump", file.path], ["import", file.path, "--mappings", mappings],
                            ["check", file.path, "--mappings", mappings]]
            }
            for command in commands {
                let result = try JuesuanBinary.run(command, timeout: 300)
                XCTAssertFalse(result.crashed, "\(command): \(result.stderr)")
                XCTAssertTrue([0, 1, 2].contains(result.status), "\(command): status \(result.status): \(result.stderr)")
                if result.status == 2 {
                    XCTAssertTrue(result.stderr.contains(file.lastPathComponent), "\(command): \(result.stderr)")
                }
            }
        }
    }
}
