import ArgumentParser
import JuesuanCore

/// `--mappings DIR` (repeatable), shared by every command that reads mapping files.
struct MappingOptions: ParsableArguments {
    @Option(name: .customLong("mappings"),
            help: ArgumentHelp("映射文件夹，可重复，后者优先；默认 $JUESUAN_MAPPINGS 或安装的 Mappings / Mapping folder (repeatable, later wins).",
                               valueName: "DIR"))
    var folders: [String] = []

    func catalog() throws -> MappingCatalog {
        let folders = MappingCatalog.searchPath(explicit: self.folders)
        guard !folders.isEmpty else { throw ImportError.noMappings }
        let catalog = try MappingCatalog.load(folders: folders)
        guard !catalog.layouts.isEmpty else { throw ImportError.noMappings }
        return catalog
    }
}
