import Foundation
import XCTest

/// Paths of the package and its committed fixtures.
public enum Fixtures {
    /// The package root (the folder holding Package.swift).
    public static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        fatalError("Package.swift not found above \(#filePath)")
    }()

    /// A file under `Tests/Fixtures/`.
    public static func url(_ relativePath: String) -> URL {
        packageRoot.appendingPathComponent("Tests/Fixtures").appendingPathComponent(relativePath)
    }

    /// Every file with one of `extensions` in a fixture folder, sorted by name.
    public static func files(in folder: String, extensions: Set<String> = ["xlsx", "xlsm"]) -> [URL] {
        let dir = url(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.sorted().map { dir.appendingPathComponent($0) }
            .filter { extensions.contains($0.pathExtension.lowercased()) }
    }
}

/// The result of running a process to completion.
public struct ProcessResult {
    public var status: Int32
    /// True when the process ended by a signal (a crash), not by exiting.
    public var crashed: Bool
    public var stdout: Data
    public var stderr: String
    public var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
}

public enum ProcessRunner {
    /// Runs `executable` with `arguments`; kills it and fails after `timeout` seconds (a watchdog
    /// against hangs, never a timing assertion).
    public static func run(_ executable: String, _ arguments: [String], timeout: TimeInterval = 300,
                           environment: [String: String]? = nil,
                           file: StaticString = #filePath, line: UInt = #line) throws -> ProcessResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let environment {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        // Drain both pipes concurrently so a chatty process never blocks on a full pipe.
        final class Box: @unchecked Sendable { var data = Data() }
        let outBox = Box(), errBox = Box()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async { outBox.data = out.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        group.enter()
        DispatchQueue.global().async { errBox.data = err.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning {
            if Date() > deadline {
                process.terminate()
                XCTFail("watchdog: \(executable) \(arguments) still running after \(Int(timeout)) s", file: file, line: line)
                break
            }
            usleep(20_000)
        }
        process.waitUntilExit()
        group.wait()
        return ProcessResult(status: process.terminationStatus,
                             crashed: process.terminationReason == .uncaughtSignal,
                             stdout: outBox.data, stderr: String(decoding: errBox.data, as: UTF8.self))
    }

    /// Runs a Python script from `Tests/Tools`.
    public static func python(_ script: String, _ arguments: [String], timeout: TimeInterval = 600) throws -> ProcessResult {
        let path = Fixtures.packageRoot.appendingPathComponent("Tests/Tools").appendingPathComponent(script).path
        return try run("/usr/bin/env", ["python3", path] + arguments, timeout: timeout)
    }
}

/// The `juesuan` executable built beside the test bundle.
public enum JuesuanBinary {
    public static var path: String {
        if let override = ProcessInfo.processInfo.environment["JUESUAN_BIN"] { return override }
        let bundle = URL(fileURLWithPath: CommandLine.arguments.first(where: { $0.contains(".xctest") })
                         ?? Bundle.main.bundlePath)
        var dir = bundle.deletingLastPathComponent()
        if dir.lastPathComponent == "Contents" || dir.path.contains(".xctest/") { // macOS bundle layout
            while dir.pathExtension != "xctest" && dir.path != "/" { dir.deleteLastPathComponent() }
            dir.deleteLastPathComponent()
        }
        return dir.appendingPathComponent("juesuan").path
    }

    /// Runs `juesuan` with arguments.
    public static func run(_ arguments: [String], timeout: TimeInterval = 300,
                           file: StaticString = #filePath, line: UInt = #line) throws -> ProcessResult {
        try ProcessRunner.run(path, arguments, timeout: timeout, file: file, line: line)
    }
}

/// A fresh temporary folder, removed when the value is released.
public final class TemporaryDirectory {
    public let url: URL

    public init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("juesuan-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    public func file(_ name: String) -> URL { url.appendingPathComponent(name) }

    deinit { try? FileManager.default.removeItem(at: url) }
}
