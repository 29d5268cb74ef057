import ArgumentParser
import Foundation
import JuesuanCore

/// `--mappings DIR` (repeatable), shared by every command that reads mapping files.
struct MappingOptions: ParsableArguments {
    @Option(name: .customLong("mappings"),
            help: ArgumentHelp("映射文件夹，可重复，后者优先；默认 $JUESUAN_MAPPINGS 或安装的 Mappings / Mapping folder (repeatable, later wins).",
                               valueName: "DIR"))
    var folders: [String] = []

    /// Mapping folders holding no file of either kind: named, so the user sees which folder is wrong.
    struct NoMappingFiles: Error, LocalizedError {
        var folders: [String]
        var errorDescription: String? {
            let names = folders.joined(separator: "、")
            return "映射文件夹 \(names) 中既没有决算表映射文件，也没有绩效自评表映射文件（*.yaml）/ no table or form mapping file (*.yaml) in \(folders.joined(separator: ", "))"
        }
    }

    /// The catalog of the folders. A folder may hold table layouts, form styles (Mappings/forms) or
    /// both; holding neither is an error naming the folders.
    func catalog() throws -> MappingCatalog {
        let folders = MappingCatalog.searchPath(explicit: self.folders)
        guard !folders.isEmpty else { throw ImportError.noMappings }
        let catalog = try MappingCatalog.load(folders: folders)
        guard !catalog.layouts.isEmpty || !catalog.forms.isEmpty else { throw NoMappingFiles(folders: folders) }
        return catalog
    }
}
