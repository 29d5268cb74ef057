import Foundation

/// Output files are written whole or not at all: to a temporary file in the target folder, then
/// renamed into place. An existing file is replaced only with `--force`, and never an input.
enum OutputFile {
    struct Failure: Error, LocalizedError {
        var message: String
        var errorDescription: String? { message }
    }

    /// Refuses an output path that is one of the inputs (after `..` and symbolic links), even with
    /// `--force`: for outputs written by other means than ``write(_:to:force:inputs:)``.
    static func refuseInput(_ path: String, inputs: [String]) throws {
        let target = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath()
        for input in inputs where URL(fileURLWithPath: input).standardizedFileURL.resolvingSymlinksInPath() == target {
            throw Failure(message: "输出文件与输入文件相同，拒绝覆盖：\(path) / refusing to overwrite the input \(path)")
        }
    }

    static func write(_ data: Data, to path: String, force: Bool, inputs: [String] = []) throws {
        try refuseInput(path, inputs: inputs)
        let target = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath()
        let fm = FileManager.default
        if fm.fileExists(atPath: target.path) && !force {
            throw Failure(message: "输出文件已存在：\(path)（用 --force 覆盖）/ \(path) exists (use --force to replace it)")
        }
        let folder = target.deletingLastPathComponent()
        guard fm.fileExists(atPath: folder.path) else {
            throw Failure(message: "无法写入 \(path)：文件夹不存在 / cannot write \(path): the folder does not exist")
        }
        let temp = folder.appendingPathComponent(".\(target.lastPathComponent).\(UUID().uuidString).tmp")
        do {
            try data.write(to: temp)
            // rename(2) replaces the target in one step: readers see the old file or the new one.
            guard rename(temp.path, target.path) == 0 else {
                throw Failure(message: String(cString: strerror(errno)))
            }
        } catch {
            try? fm.removeItem(at: temp)
            throw Failure(message: "无法写入 \(path)：\(error.localizedDescription) / cannot write \(path)")
        }
    }
}
