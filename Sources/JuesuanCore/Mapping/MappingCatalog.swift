import Foundation

/// Every table layout found on the mapping search path, grouped by template set.
///
/// ```swift
/// let catalog = try MappingCatalog.load(folders: MappingCatalog.searchPath(explicit: []))
/// catalog.sets                      // ["gk10-2024", "sc13-2023"]
/// catalog.layouts(inSet: "gk10-2024").map(\.table)
/// ```
public struct MappingCatalog: Sendable {
    /// Layouts in set order, then table order.
    public private(set) var layouts: [TableLayout]
    /// The folders read, in order.
    public let folders: [String]
    /// 绩效自评表 styles: files whose `format:` is `juesuan-form-mapping/1` (Mappings/forms/), by style id.
    public var forms: [FormMapping] = []

    /// The form style with this id.
    public func form(style: String) -> FormMapping? { forms.first { $0.style == style } }

    /// How form styles are drawn: files whose `format:` is `juesuan-form-layout/1` (Mappings/form-layouts/), by style id.
    public var formLayouts: [FormLayout] = []

    /// The drawing layout of a form style, when one is on the mapping path.
    public func formLayout(style: String) -> FormLayout? { formLayouts.first { $0.style == style } }

    /// The template set ids, sorted.
    public var sets: [String] { Array(Set(layouts.map(\.set))).sorted() }

    public func layouts(inSet set: String) -> [TableLayout] {
        layouts.filter { $0.set == set }
    }

    public func layout(set: String, table: String) -> TableLayout? {
        layouts.first { $0.set == set && $0.table == table }
    }

    public init(layouts: [TableLayout], folders: [String] = []) {
        self.layouts = layouts.sorted { ($0.set, $0.table) < ($1.set, $1.table) }
        self.folders = folders
    }

    /// Reads every `*.yaml` file under the folders (recursively). A later folder's layout replaces
    /// an earlier one with the same set and table. Any invalid file is an error.
    public static func load(folders: [String]) throws -> MappingCatalog {
        var byID: [String: TableLayout] = [:]
        var formsByStyle: [String: FormMapping] = [:]
        var layoutsByStyle: [String: FormLayout] = [:]
        for folder in folders {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw MappingError(file: folder, line: nil, message: "映射文件夹不存在 / mapping folder not found")
            }
            let files = (FileManager.default.enumerator(atPath: folder)?.compactMap { $0 as? String } ?? [])
                .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
            var inThisFolder: [String: String] = [:]
            for file in files {
                let path = (folder as NSString).appendingPathComponent(file)
                if let text = try? String(contentsOfFile: path, encoding: .utf8), FormMappingLoader.isFormMapping(text) {
                    let form = try FormMappingLoader.load(yaml: text, source: path)
                    formsByStyle[form.style] = form // a later folder's style replaces an earlier one
                    continue
                }
                if let text = try? String(contentsOfFile: path, encoding: .utf8), FormLayoutLoader.isFormLayout(text) {
                    let layout = try FormLayoutLoader.load(yaml: text, source: path)
                    layoutsByStyle[layout.style] = layout
                    continue
                }
                let layout = try MappingLoader.load(path: path)
                if let other = inThisFolder[layout.id] {
                    throw MappingError(file: path, line: nil,
                                       message: "与 \(other) 重复定义了 \(layout.id) / defines \(layout.id) again (also in \(other))")
                }
                inThisFolder[layout.id] = path
                byID[layout.id] = layout
            }
        }
        var catalog = MappingCatalog(layouts: Array(byID.values), folders: folders)
        catalog.forms = formsByStyle.values.sorted { $0.style < $1.style }
        catalog.formLayouts = layoutsByStyle.values.sorted { $0.style < $1.style }
        return catalog
    }

    /// The folders to read, by the rules of the README: `--mappings` folders, else
    /// `$JUESUAN_MAPPINGS`, else the installed set beside the binary, else the checkout's `Mappings/`.
    public static func searchPath(explicit: [String], environment: [String: String] = ProcessInfo.processInfo.environment,
                                  executablePath: String = CommandLine.arguments.first ?? "") -> [String] {
        if !explicit.isEmpty { return explicit }
        if let env = environment["JUESUAN_MAPPINGS"], !env.isEmpty {
            return env.split(separator: ":").map(String.init).filter { !$0.isEmpty }
        }
        let fm = FileManager.default
        let executable = URL(fileURLWithPath: executablePath).resolvingSymlinksInPath()
        var candidates: [URL] = []
        let binDir = executable.deletingLastPathComponent()
        candidates.append(binDir.deletingLastPathComponent().appendingPathComponent("share/juesuan/Mappings"))
        candidates.append(binDir.appendingPathComponent("Mappings"))
        // A checkout: walk up from the binary (.build/release/juesuan) to the folder with Package.swift.
        var dir = binDir
        while dir.path != "/" {
            if fm.fileExists(atPath: dir.appendingPathComponent("Package.swift").path) {
                candidates.append(dir.appendingPathComponent("Mappings"))
                break
            }
            dir.deleteLastPathComponent()
        }
        candidates.append(URL(fileURLWithPath: "/usr/local/share/juesuan/Mappings"))
        for candidate in candidates where fm.fileExists(atPath: candidate.path) {
            return [candidate.path]
        }
        return []
    }
}
