/// Decodes OOXML's `_xHHHH_` escapes (ST_Xstring), used for control characters such as `_x000D_`.
/// `_x005F_` escapes a literal underscore.
func decodeOOXMLEscapes(_ bytes: [UInt8]) -> String {
    guard bytes.contains(UInt8(ascii: "_")) else { return String(decoding: bytes, as: UTF8.self) }
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    var i = 0
    while i < bytes.count {
        if bytes[i] == UInt8(ascii: "_"), i + 6 < bytes.count, bytes[i + 1] == UInt8(ascii: "x"),
           bytes[i + 6] == UInt8(ascii: "_"), let scalar = hexScalar(bytes[(i + 2)..<(i + 6)]) {
            out.append(contentsOf: Array(String(Character(scalar)).utf8))
            i += 7
        } else {
            out.append(bytes[i])
            i += 1
        }
    }
    return String(decoding: out, as: UTF8.self)
}

private func hexScalar(_ digits: ArraySlice<UInt8>) -> Unicode.Scalar? {
    var value: UInt32 = 0
    for d in digits {
        switch d {
        case 48...57: value = value * 16 + UInt32(d - 48)
        case 65...70: value = value * 16 + UInt32(d - 55)
        case 97...102: value = value * 16 + UInt32(d - 87)
        default: return nil
        }
    }
    return Unicode.Scalar(value)
}
