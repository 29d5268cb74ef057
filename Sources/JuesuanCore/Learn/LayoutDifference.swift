import Foundation

/// One way a learned table differs from the closest known layout.
public struct LayoutDifference: Codable, Sendable, Hashable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case tableAdded = "table_added"
        case tableRemoved = "table_removed"
        case tableMoved = "table_moved"
        case titleRenamed = "title_renamed"
        case codeChanged = "code_changed"
        case columnAdded = "column_added"
        case columnRemoved = "column_removed"
        case columnRenamed = "column_renamed"
        case rowAdded = "row_added"
        case rowRemoved = "row_removed"
        case rowRenamed = "row_renamed"
        case rowRenumbered = "row_renumbered"
        case notApplicableChanged = "not_applicable_changed"
        case keyLinesChanged = "key_lines_changed"
        case notesChanged = "notes_changed"
        case columnNumbersChanged = "column_numbers_changed"
    }
    public var kind: Kind
    /// The learned table (`NEWSET/03`); for a removed table, the known one.
    public var table: String
    /// The closest known table (`gk10-2024/03`).
    public var closest: String?
    /// What changed, in a few words (`经营支出 → 经营性支出`).
    public var detail: String
    /// The message for a person, Chinese first.
    public var message: String
}

/// A learned table: its drafted layout, the mapping file text, and how it differs from the closest known layout.
public struct DraftedTable: Sendable {
    public var layout: TableLayout
    /// The closest known layout it was matched with.
    public var closest: TableLayout
    /// The mapping file's name (`03-支出决算表.yaml`) and text.
    public var fileName: String
    public var yaml: String
    /// Where the table was found (`公开03表`, row of its title).
    public var sheet: String
    public var titleRow: Int
    /// Columns of the template that could not be mapped (an amount column without a canonical measure).
    public var unmappedColumns: [String]
}

/// What `learn` found: the drafted set, and every difference from the closest known set.
public struct LearnResult: Sendable {
    public var set: String
    /// The known set most of the template's tables match.
    public var closestSet: String?
    public var tables: [DraftedTable]
    public var differences: [LayoutDifference]
    /// Title-like cells that no known layout could be matched with (nothing drafted for them).
    public var unmatched: [String]

    /// The report for the terminal.
    public var description: String {
        var out = "模板集 / set: \(set)（最接近的已知模板集 / closest known set: \(closestSet ?? "—")）\n"
        out += "起草的表 / drafted tables (\(tables.count)):\n"
        for t in tables {
            out += "  \(t.fileName)  ← 工作表 / sheet '\(t.sheet)' 第 \(t.titleRow) 行 / row \(t.titleRow)，对照 / matched with \(t.closest.id)\n"
        }
        if !unmatched.isEmpty {
            out += "\n未能起草 / not drafted (no known layout resembles them):\n"
            for u in unmatched { out += "  \(u)\n" }
        }
        out += "\n与 \(closestSet ?? "已知模板集") 的差异 / differences from \(closestSet ?? "the known sets") (\(differences.count)):\n"
        if differences.isEmpty { out += "  （无 / none）\n" }
        for d in differences { out += "  [\(d.kind.rawValue)] \(d.message)\n" }
        return out
    }

    /// Writes the drafted mapping files into `folder` (created if needed), each atomically; an
    /// existing file is replaced only with `replaceExisting`. Returns the paths written.
    @discardableResult
    public func write(to folder: String, replaceExisting: Bool = false) throws -> [String] {
        let fm = FileManager.default
        do { try fm.createDirectory(atPath: folder, withIntermediateDirectories: true) } catch {
            throw LearnError.cannotWrite(path: folder, reason: error.localizedDescription)
        }
        if !replaceExisting {
            for t in tables {
                let path = (folder as NSString).appendingPathComponent(t.fileName)
                if fm.fileExists(atPath: path) { throw LearnError.exists(path: path) }
            }
        }
        var written: [String] = []
        for t in tables {
            let path = (folder as NSString).appendingPathComponent(t.fileName)
            let temp = (folder as NSString).appendingPathComponent(".\(t.fileName).\(UUID().uuidString).tmp")
            do {
                try Data(t.yaml.utf8).write(to: URL(fileURLWithPath: temp))
                guard rename(temp, path) == 0 else { throw LearnError.cannotWrite(path: path, reason: String(cString: strerror(errno))) }
            } catch let error as LearnError {
                try? fm.removeItem(atPath: temp)
                throw error
            } catch {
                try? fm.removeItem(atPath: temp)
                throw LearnError.cannotWrite(path: path, reason: error.localizedDescription)
            }
            written.append(path)
        }
        return written
    }
}

/// Why `learn` could not draft a set.
public enum LearnError: Error, LocalizedError, Sendable {
    case noTable(file: String)
    case invalidDraft(file: String, reason: String)
    case exists(path: String)
    case cannotWrite(path: String, reason: String)

    public var errorDescription: String? {
        switch self {
        case .noTable(let file):
            return "在 \(file) 中没有找到可起草映射的表（标题以“表”结尾、其下有表头，且与某个已知版式相近）/ no table to learn in \(file) (a title ending in 表 with a header below it, resembling a known layout)"
        case .invalidDraft(let file, let reason):
            return "起草的映射文件 \(file) 无法加载（程序错误）：\(reason) / the drafted mapping \(file) does not load (a bug): \(reason)"
        case .exists(let path):
            return "映射文件已存在：\(path)（用 --force 覆盖）/ \(path) exists (use --force to replace it)"
        case .cannotWrite(let path, let reason):
            return "无法写入 \(path)：\(reason) / cannot write \(path): \(reason)"
        }
    }
}
