#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a BIFF stream cannot be read. `reason` is Chinese first, English after.
struct BIFFError: Error, Equatable {
    let reason: String

    init(_ chinese: String, _ english: String) {
        reason = "\(chinese) / \(english)"
    }
}

/// One record of a BIFF stream: its type, where its 4-byte header starts, and its body.
struct BIFFRecord {
    var type: UInt16
    var start: Int
    var body: Range<Int>
    var length: Int { body.count }
}

/// Record ids this reader uses ([MS-XLS] 2.3).
enum BIFFRecordType {
    static let bof: UInt16 = 0x0809
    static let eof: UInt16 = 0x000A
    static let filePass: UInt16 = 0x002F
    static let codePage: UInt16 = 0x0042
    static let dateMode: UInt16 = 0x0022
    static let format: UInt16 = 0x041E
    static let xf: UInt16 = 0x00E0
    static let boundSheet: UInt16 = 0x0085
    static let continueRecord: UInt16 = 0x003C
    static let dimension: UInt16 = 0x0200
    static let row: UInt16 = 0x0208
    static let colInfo: UInt16 = 0x007D
    static let defColWidth: UInt16 = 0x0055
    static let defaultRowHeight: UInt16 = 0x0225
    static let mergedCells: UInt16 = 0x00E5
    static let dbCell: UInt16 = 0x00D7
    static let number: UInt16 = 0x0203
    static let rk: UInt16 = 0x027E
    static let mulRK: UInt16 = 0x00BD
    static let labelSST: UInt16 = 0x00FD
    static let label: UInt16 = 0x0204
    static let rString: UInt16 = 0x00D6
    static let blank: UInt16 = 0x0201
    static let mulBlank: UInt16 = 0x00BE
    static let boolErr: UInt16 = 0x0205
    static let formula: UInt16 = 0x0006
    static let string: UInt16 = 0x0207
}

/// Walks the records of a BIFF stream from an offset. Every header and body is checked to lie
/// inside the stream; a record longer than BIFF8 allows (8,224 bytes) is refused.
struct BIFFRecordCursor {
    static let maxRecordLength = 8224
    let bytes: [UInt8]
    private(set) var position: Int

    init(_ bytes: [UInt8], at position: Int = 0) {
        self.bytes = bytes
        self.position = position
    }

    /// The next record, or `nil` at the end of the stream (or at the zero padding some writers
    /// leave after the last record).
    mutating func next() throws(BIFFError) -> BIFFRecord? {
        guard position + 4 <= bytes.count else { return nil }
        let type = bytes.u16(position), length = Int(bytes.u16(position + 2))
        if type == 0 && length == 0 { return nil }
        guard length <= Self.maxRecordLength else {
            throw BIFFError("偏移 \(position) 处的记录 0x\(String(type, radix: 16)) 长 \(length) 字节，超过 BIFF 上限",
                            "the record 0x\(String(type, radix: 16)) at offset \(position) is \(length) bytes long, more than BIFF allows")
        }
        guard position + 4 + length <= bytes.count else {
            throw BIFFError("偏移 \(position) 处的记录被截断", "the record at offset \(position) is cut off (truncated stream)")
        }
        let record = BIFFRecord(type: type, start: position, body: (position + 4)..<(position + 4 + length))
        position += 4 + length
        return record
    }
}

extension Array where Element == UInt8 {
    @inline(__always) func u16(_ i: Int) -> UInt16 { UInt16(self[i]) | UInt16(self[i + 1]) << 8 }

    @inline(__always) func u32(_ i: Int) -> UInt32 {
        UInt32(self[i]) | UInt32(self[i + 1]) << 8 | UInt32(self[i + 2]) << 16 | UInt32(self[i + 3]) << 24
    }

    @inline(__always) func f64(_ i: Int) -> Double {
        var bits: UInt64 = 0
        for k in 0..<8 { bits |= UInt64(self[i + k]) << (8 * UInt64(k)) }
        return Double(bitPattern: bits)
    }

    mutating func put16(_ value: Int, at i: Int) {
        self[i] = UInt8(truncatingIfNeeded: value); self[i + 1] = UInt8(truncatingIfNeeded: value >> 8)
    }

    mutating func put32(_ value: Int, at i: Int) {
        for k in 0..<4 { self[i + k] = UInt8(truncatingIfNeeded: value >> (8 * k)) }
    }
}

/// The value of an RK number ([MS-XLS] 2.5.217): a 30-bit integer or the high 30 bits of a
/// double, optionally divided by 100 (as Excel does, in binary floating point).
func decodeRK(_ rk: UInt32) -> Double {
    let divide = rk & 1 != 0
    let value: Double
    if rk & 2 != 0 {
        value = Double(Int32(bitPattern: rk) >> 2)
    } else {
        value = Double(bitPattern: UInt64(rk & 0xFFFF_FFFC) << 32)
    }
    return divide ? value / 100 : value
}

/// Text in BIFF records: BIFF8's Unicode strings (compressed Latin-1 or UTF-16LE, with optional
/// rich-text and phonetic blocks) and BIFF5's byte strings in the workbook's code page.
enum BIFFText {
    /// A BIFF8 string whose character count is `count` and whose option byte is at `offset`,
    /// all inside `limit`; returns the text and the offset after it (rich-text runs and phonetic
    /// data included), or `nil` when it does not fit.
    static func unicode(_ bytes: [UInt8], at offset: Int, count: Int, limit: Int) -> (String, Int)? {
        guard offset < limit else { return count == 0 ? ("", offset) : nil }
        let flags = bytes[offset]
        var p = offset + 1
        var runs = 0, extLength = 0
        if flags & 0x08 != 0 {
            guard p + 2 <= limit else { return nil }
            runs = Int(bytes.u16(p)); p += 2
        }
        if flags & 0x04 != 0 {
            guard p + 4 <= limit else { return nil }
            extLength = Int(bytes.u32(p)); p += 4
        }
        let wide = flags & 0x01 != 0
        let byteCount = wide ? 2 * count : count
        guard p + byteCount <= limit else { return nil }
        let text = decodeCharacters(bytes[p..<(p + byteCount)], wide: wide)
        return (text, p + byteCount + 4 * runs + extLength)
    }

    /// Characters of a BIFF8 string body: 1 byte each (the high byte is 0) or UTF-16LE.
    static func decodeCharacters(_ slice: ArraySlice<UInt8>, wide: Bool) -> String {
        if wide {
            var units: [UInt16] = []
            units.reserveCapacity(slice.count / 2)
            var i = slice.startIndex
            while i + 1 < slice.endIndex {
                units.append(UInt16(slice[i]) | UInt16(slice[i + 1]) << 8)
                i += 2
            }
            return String(decoding: units, as: UTF16.self)
        }
        return String(decoding: slice.map { UInt16($0) }, as: UTF16.self)
    }

    /// A byte string in a Windows code page (BIFF5), through iconv; bytes iconv cannot convert
    /// become U+FFFD, never an error.
    static func decode(_ slice: ArraySlice<UInt8>, codePage: UInt16?) -> String {
        if slice.isEmpty { return "" }
        if slice.allSatisfy({ $0 < 0x80 }) { return String(decoding: slice, as: UTF8.self) }
        let name = iconvName(codePage)
        guard let cd = Optional(iconv_open("UTF-8", name)), cd != iconv_t(bitPattern: -1) else {
            return decodeCharacters(slice, wide: false) // Latin-1 as a last resort
        }
        defer { iconv_close(cd) }
        var input = Array(slice)
        var output = [UInt8](repeating: 0, count: input.count * 4 + 16)
        var result: [UInt8] = []
        var inOffset = 0
        while inOffset < input.count {
            var consumed = 0, produced = 0, failed = false
            input.withUnsafeMutableBufferPointer { inBuf in
                output.withUnsafeMutableBufferPointer { outBuf in
                    let inBase = UnsafeMutableRawPointer(inBuf.baseAddress!).assumingMemoryBound(to: CChar.self)
                    let outBase = UnsafeMutableRawPointer(outBuf.baseAddress!).assumingMemoryBound(to: CChar.self)
                    var inPtr: UnsafeMutablePointer<CChar>? = inBase + inOffset
                    var inLeft = inBuf.count - inOffset
                    var outPtr: UnsafeMutablePointer<CChar>? = outBase
                    var outLeft = outBuf.count
                    failed = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft) == -1
                    consumed = (inBuf.count - inOffset) - inLeft
                    produced = outBuf.count - outLeft
                }
            }
            result.append(contentsOf: output[0..<produced])
            inOffset += consumed
            if failed && inOffset < input.count {
                result.append(contentsOf: [0xEF, 0xBF, 0xBD]) // U+FFFD for a byte iconv cannot convert
                inOffset += 1
            } else if consumed == 0 {
                break
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// iconv's name for a Windows code page id (the CODEPAGE record).
    static func iconvName(_ codePage: UInt16?) -> String {
        switch codePage {
        case nil, 0x04E4?, 0x8001?: return "CP1252"
        case 0x016F?: return "ASCII"
        case 0x03A8?: return "GB18030" // 936, GBK: GB18030 decodes every GBK byte sequence alike
        case 0x03B6?: return "BIG5"
        case 0x04B0?: return "UTF-16LE"
        case 0x2710?, 0x8000?: return "MACINTOSH"
        case let cp?: return "CP\(cp)"
        }
    }
}
