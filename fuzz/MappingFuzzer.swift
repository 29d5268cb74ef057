import Foundation

// libFuzzer target "mapping": the input is the text of a mapping file (Mappings/*.yaml, or a form
// style's Mappings/forms/*.yaml), read by both loaders exactly as MappingCatalog reads a folder.
// Compiled into the JuesuanCore module by fuzz/run.sh (with SpreadsheetKit and Yams as modules).
// A MappingError is the expected answer to a bad file; anything else thrown, a crash, an ASan
// report, a leak or a hang is a bug.

@_cdecl("LLVMFuzzerTestOneInput")
public func mappingFuzzTarget(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: start, count: count), as: UTF8.self)
    do {
        if FormMappingLoader.isFormMapping(text) {
            let form = try FormMappingLoader.load(yaml: text, source: "fuzz.yaml")
            _ = form.style
        } else {
            let layout = try MappingLoader.load(yaml: text, source: "fuzz.yaml")
            _ = layout.id
        }
    } catch is MappingError {
    } catch {
        fatalError("mapping loader threw something other than MappingError: \(error)")
    }
    // The other loader on the same text too: each must answer every text with a MappingError or a layout.
    do {
        if FormMappingLoader.isFormMapping(text) { _ = try MappingLoader.load(yaml: text, source: "fuzz.yaml") }
        else { _ = try FormMappingLoader.load(yaml: text, source: "fuzz.yaml") }
    } catch is MappingError {
    } catch {
        fatalError("mapping loader threw something other than MappingError: \(error)")
    }
    return 0
}
