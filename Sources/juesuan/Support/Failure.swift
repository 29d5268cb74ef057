import ArgumentParser
import Foundation
import SpreadsheetKit

/// Exit statuses shared by every command (see docs/conventions in the README).
enum ExitStatus {
    static let done: Int32 = 0
    static let problemsInData: Int32 = 1
    static let unreadableInputOrOutput: Int32 = 2
}

/// Writes a message a person reads to standard error.
func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}

/// Runs a command body; an input or output failure becomes a clear message on stderr and exit status 2.
func runReportingFailures(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let exit as ExitCode {
        throw exit
    } catch let error as LocalizedError {
        printError("错误 / error: " + (error.errorDescription ?? "\(error)"))
        throw ExitCode(ExitStatus.unreadableInputOrOutput)
    } catch {
        printError("错误 / error: \(error)")
        throw ExitCode(ExitStatus.unreadableInputOrOutput)
    }
}
