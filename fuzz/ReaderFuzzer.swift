import Foundation

// libFuzzer target "zip": the input is the workbook file itself (ZIP bytes), read through
// Workbook(data:) and every reading path (fuzz/FuzzSupport.swift). Compiled into the SpreadsheetKit
// module by fuzz/run.sh (swiftc -sanitize=fuzzer,address), so it drives the package's own code.

@_cdecl("LLVMFuzzerTestOneInput")
public func readerFuzzTarget(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    exerciseReader(Data(bytes: start, count: count))
    return 0
}
