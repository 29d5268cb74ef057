import Foundation
import SpreadsheetKit

// libFuzzer target "import": the importer (TableLocator, KeyLines, StatementReader) and the checker
// on arbitrary workbooks. The input is the "parts" format of fuzz/Parts.swift, packed into a stored
// ZIP, so mutations reach the titles, headers, codes and amounts; seeds are the sample workbooks and
// the department fixtures. The mapping catalog is the package's own Mappings/ (read once).
// A WorkbookReadError or ImportError is the expected answer to a bad file; anything else thrown, a
// crash, an ASan report, a leak or a hang is a bug.

private let catalog: MappingCatalog = {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    let folder = ProcessInfo.processInfo.environment["JUESUAN_FUZZ_MAPPINGS"] ?? root.appendingPathComponent("Mappings").path
    do { return try MappingCatalog.load(folders: [folder]) } catch { fatalError("cannot load the mappings in \(folder): \(error)") }
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func importFuzzTarget(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let entries = unpackParts(start, count)
    guard !entries.isEmpty else { return 0 }
    let options = Workbook.Options(maxPartSize: 8 << 20)
    do {
        let book = try Workbook(data: storedZip(entries), name: "fuzz.xlsx", options: options)
        let result = try Importer(catalog: catalog).importWorkbook(book)
        _ = Checker().check(result.report)
    } catch is WorkbookReadError {
    } catch is ImportError {
    } catch {
        fatalError("importer threw something other than WorkbookReadError/ImportError: \(error)")
    }
    return 0
}
