import Foundation

// libFuzzer target "parts": structure-aware. The input is a list of package parts,
//     \n@@NAME\nCONTENT\n@@NAME\nCONTENT…
// packed by the harness into a stored ZIP with correct CRCs (fuzz/Parts.swift), so mutations land
// in the XML (and in the part names) instead of being stopped by the container. fuzz/run.sh makes
// the seeds from the fixture workbooks and gives libFuzzer a dictionary of OOXML tokens (fuzz/ooxml.dict).

@_cdecl("LLVMFuzzerTestOneInput")
public func partsFuzzTarget(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let entries = unpackParts(start, count)
    guard !entries.isEmpty else { return 0 }
    exerciseReader(storedZip(entries))
    return 0
}
