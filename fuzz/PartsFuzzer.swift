import Foundation

// libFuzzer target "parts": structure-aware. The input is a list of package parts,
//     \n@@NAME\nCONTENT\n@@NAME\nCONTENT…
// packed by the harness into a stored ZIP with correct CRCs, so mutations land in the XML (and in
// the part names) instead of being stopped by the container. fuzz/run.sh makes the seeds from the
// fixture workbooks and gives libFuzzer a dictionary of OOXML tokens (fuzz/ooxml.dict).

@_cdecl("LLVMFuzzerTestOneInput")
public func partsFuzzTarget(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: start, count: count))
    let marker: [UInt8] = Array("\n@@".utf8)
    var entries: [(name: String, data: [UInt8])] = []
    var i = 0
    func findMarker(from: Int) -> Int? {
        var k = from
        while k + marker.count <= bytes.count {
            if bytes[k] == marker[0] && bytes[k + 1] == marker[1] && bytes[k + 2] == marker[2] { return k }
            k += 1
        }
        return nil
    }
    guard var m = findMarker(from: 0) else { return 0 }
    while true {
        i = m + marker.count
        guard let newline = bytes[i...].firstIndex(of: 10) else { break }
        let name = String(decoding: bytes[i..<newline], as: UTF8.self)
        let next = findMarker(from: newline + 1)
        let end = next ?? bytes.count
        entries.append((name, Array(bytes[(newline + 1)..<max(newline + 1, end)])))
        guard let n = next, entries.count < 64 else { break }
        m = n
    }
    guard !entries.isEmpty else { return 0 }
    exerciseReader(storedZip(entries))
    return 0
}
