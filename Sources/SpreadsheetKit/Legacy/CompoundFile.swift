import Foundation

/// Why a compound file (OLE2 / CFB) cannot be read. `reason` is Chinese first, English after.
struct CompoundFileError: Error, Equatable {
    let reason: String

    init(_ chinese: String, _ english: String) {
        reason = "\(chinese) / \(english)"
    }
}

/// A read-only view of a Compound File Binary (OLE2) container, as [MS-CFB] describes it: the
/// header, the FAT (through the header's and the chained DIFAT entries), the mini FAT and the
/// directory. Every sector number is checked against the file, every chain is walked with a
/// visited set (a cycle is refused, never followed), and a stream that claims more bytes than its
/// chain holds is refused as truncated. Nothing is trusted for allocation beyond the file's size.
///
/// ```swift
/// let cfb = try CompoundFile(bytes)
/// let workbook = try cfb.rootStream(named: ["Workbook", "Book"]).map(cfb.read)
/// ```
struct CompoundFile {
    static let signature: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]
    static let endOfChain: UInt32 = 0xFFFF_FFFE
    static let freeSector: UInt32 = 0xFFFF_FFFF
    static let fatSector: UInt32 = 0xFFFF_FFFD
    static let difatSector: UInt32 = 0xFFFF_FFFC
    static let maxRegularSector: UInt32 = 0xFFFF_FFFA
    static let noStream: UInt32 = 0xFFFF_FFFF

    /// One directory entry (128 bytes in the file).
    struct Entry: Equatable {
        enum Kind: UInt8 { case unused = 0, storage = 1, stream = 2, root = 5 }
        var name: String
        var kind: Kind
        var left: UInt32
        var right: UInt32
        var child: UInt32
        var startSector: UInt32
        var size: UInt64
    }

    let bytes: [UInt8]
    let majorVersion: Int
    let sectorSize: Int
    let miniSectorSize: Int
    let miniStreamCutoff: UInt64
    /// The FAT: the next sector of each sector.
    private let fat: [UInt32]
    private let miniFATStart: UInt32
    let entries: [Entry]

    init(_ data: Data) throws(CompoundFileError) {
        try self.init(bytes: [UInt8](data))
    }

    init(bytes: [UInt8]) throws(CompoundFileError) {
        self.bytes = bytes
        guard bytes.count >= 512 else {
            throw CompoundFileError("文件头不完整（\(bytes.count) 字节，至少应有 512 字节）",
                                    "the header is incomplete (\(bytes.count) bytes, at least 512 expected)")
        }
        guard Array(bytes[0..<8]) == Self.signature else {
            throw CompoundFileError("缺少 OLE2 签名", "no OLE2 signature")
        }
        let major = Int(Self.u16(bytes, 26))
        let sectorShift = Int(Self.u16(bytes, 30))
        let miniShift = Int(Self.u16(bytes, 32))
        guard (major == 3 && sectorShift == 9) || (major == 4 && sectorShift == 12) else {
            throw CompoundFileError("版本 \(major) 与扇区大小 2^\(sectorShift) 不符合规范",
                                    "version \(major) with sector size 2^\(sectorShift) is not valid")
        }
        guard miniShift == 6 else {
            throw CompoundFileError("迷你扇区大小 2^\(miniShift) 无效", "mini sector size 2^\(miniShift) is not valid")
        }
        majorVersion = major
        sectorSize = 1 << sectorShift
        miniSectorSize = 1 << miniShift
        miniStreamCutoff = UInt64(Self.u32(bytes, 56))
        guard bytes.count >= sectorSize else {
            throw CompoundFileError("文件头不完整", "the header is incomplete")
        }
        let fileSectors = max(0, (bytes.count - sectorSize + sectorSize - 1) / sectorSize)

        // FAT sector numbers: 109 in the header, then the DIFAT chain (the last entry of each
        // DIFAT sector names the next one).
        let fatSectorCount = Int(Self.u32(bytes, 44))
        guard fatSectorCount <= fileSectors else {
            throw CompoundFileError("文件头声明 \(fatSectorCount) 个 FAT 扇区，但文件只有 \(fileSectors) 个扇区（文件可能被截断）",
                                    "the header declares \(fatSectorCount) FAT sectors but the file holds \(fileSectors) sectors (truncated?)")
        }
        var fatSectors: [UInt32] = []
        for i in 0..<109 where fatSectors.count < fatSectorCount {
            let s = Self.u32(bytes, 76 + 4 * i)
            if s == Self.freeSector { break }
            fatSectors.append(s)
        }
        var difat = Self.u32(bytes, 68)
        var difatSeen = Set<UInt32>()
        let perSector = sectorSize / 4
        while fatSectors.count < fatSectorCount && difat != Self.endOfChain && difat != Self.freeSector {
            guard difat <= Self.maxRegularSector, (Int(difat) + 2) * sectorSize <= bytes.count else {
                throw CompoundFileError("DIFAT 扇区 \(difat) 超出文件末尾（文件可能被截断）",
                                        "DIFAT sector \(difat) lies beyond the end of the file (truncated?)")
            }
            guard difatSeen.insert(difat).inserted else {
                throw CompoundFileError("DIFAT 链有环", "the DIFAT chain has a cycle")
            }
            let base = (Int(difat) + 1) * sectorSize
            for i in 0..<(perSector - 1) where fatSectors.count < fatSectorCount {
                let s = Self.u32(bytes, base + 4 * i)
                if s == Self.freeSector { continue }
                fatSectors.append(s)
            }
            difat = Self.u32(bytes, base + 4 * (perSector - 1))
        }
        guard !fatSectors.isEmpty else {
            throw CompoundFileError("没有 FAT 扇区", "no FAT sector")
        }
        var fat: [UInt32] = []
        fat.reserveCapacity(fatSectors.count * perSector)
        for s in fatSectors {
            guard s <= Self.maxRegularSector, (Int(s) + 2) * sectorSize <= bytes.count else {
                throw CompoundFileError("FAT 扇区 \(s) 超出文件末尾（文件可能被截断）",
                                        "FAT sector \(s) lies beyond the end of the file (truncated?)")
            }
            let base = (Int(s) + 1) * sectorSize
            for i in 0..<perSector { fat.append(Self.u32(bytes, base + 4 * i)) }
        }
        self.fat = fat

        // Directory.
        let directoryBytes = try Self.chainBytes(start: Self.u32(bytes, 48), length: nil, bytes: bytes, fat: fat,
                                                 sectorSize: sectorSize, what: ("目录", "the directory"))
        var entries: [Entry] = []
        entries.reserveCapacity(directoryBytes.count / 128)
        var offset = 0
        while offset + 128 <= directoryBytes.count {
            entries.append(try Self.entry(directoryBytes, offset, major: major))
            offset += 128
        }
        guard let root = entries.first, root.kind == .root else {
            throw CompoundFileError("目录中没有根条目", "the directory has no root entry")
        }
        self.entries = entries

        // The mini FAT and the mini stream are read only when a small stream is asked for, so
        // that a damaged mini stream does not stop the reading of a large one.
        miniFATStart = Self.u32(bytes, 60)
    }

    // MARK: Streams

    /// The streams directly under the root storage, found through the directory's sibling tree
    /// (a stream inside an embedded storage is not the document's own).
    var rootStreams: [Entry] {
        guard let root = entries.first else { return [] }
        var result: [Entry] = []
        var stack: [UInt32] = [root.child]
        var seen = Set<UInt32>()
        while let id = stack.popLast() {
            guard id != Self.noStream, Int(id) < entries.count, seen.insert(id).inserted else { continue }
            let entry = entries[Int(id)]
            if entry.kind == .stream { result.append(entry) }
            stack.append(entry.left)
            stack.append(entry.right)
        }
        return result
    }

    /// The first root-level stream with one of `names` (compared without regard to case, as
    /// [MS-CFB] compares names), in the order of `names`.
    func rootStream(named names: [String]) -> Entry? {
        let streams = rootStreams
        for name in names {
            if let match = streams.first(where: { $0.name.uppercased() == name.uppercased() }) { return match }
        }
        return nil
    }

    /// The bytes of a stream entry (from the mini stream when it is smaller than the cutoff).
    func read(_ entry: Entry) throws(CompoundFileError) -> [UInt8] {
        if entry.size == 0 { return [] }
        guard entry.size <= UInt64(bytes.count) else {
            throw CompoundFileError("流“\(entry.name)”声明 \(entry.size) 字节，超过文件大小（文件可能被截断）",
                                    "stream '\(entry.name)' claims \(entry.size) bytes, more than the file holds (truncated?)")
        }
        if entry.size < miniStreamCutoff {
            return try miniChainBytes(start: entry.startSector, length: Int(entry.size), name: entry.name)
        }
        return try Self.chainBytes(start: entry.startSector, length: entry.size, bytes: bytes, fat: fat,
                                   sectorSize: sectorSize, what: ("流“\(entry.name)”", "stream '\(entry.name)'"))
    }

    /// Follows a FAT chain and concatenates its sectors; `length` (when known) stops the walk and
    /// must be reached. A sector outside the file or the FAT, a cycle or a special value inside the
    /// chain is refused.
    private static func chainBytes(start: UInt32, length: UInt64?, bytes: [UInt8], fat: [UInt32],
                                   sectorSize: Int, what: (zh: String, en: String)) throws(CompoundFileError) -> [UInt8] {
        var result: [UInt8] = []
        if let length { result.reserveCapacity(Int(min(length, UInt64(bytes.count)))) }
        var sector = start
        var visited = [Bool](repeating: false, count: fat.count)
        while sector != endOfChain {
            if let length, UInt64(result.count) >= length { break }
            guard sector <= maxRegularSector, Int(sector) < fat.count else {
                throw CompoundFileError("\(what.zh)的扇区链指向无效扇区 0x\(String(sector, radix: 16))",
                                        "the sector chain of \(what.en) points at invalid sector 0x\(String(sector, radix: 16))")
            }
            guard !visited[Int(sector)] else {
                throw CompoundFileError("\(what.zh)的扇区链有环", "the sector chain of \(what.en) has a cycle")
            }
            visited[Int(sector)] = true
            let begin = (Int(sector) + 1) * sectorSize
            guard begin < bytes.count else {
                throw CompoundFileError("\(what.zh)的扇区 \(sector) 超出文件末尾（文件可能被截断）",
                                        "sector \(sector) of \(what.en) lies beyond the end of the file (truncated?)")
            }
            var take = min(sectorSize, bytes.count - begin)
            if let length { take = Int(min(UInt64(take), length - UInt64(result.count))) }
            result.append(contentsOf: bytes[begin..<(begin + take)])
            sector = fat[Int(sector)]
        }
        if let length, UInt64(result.count) < length {
            throw CompoundFileError("\(what.zh)不完整（应有 \(length) 字节，只读到 \(result.count) 字节；文件可能被截断）",
                                    "\(what.en) is incomplete (\(length) bytes declared, \(result.count) found; truncated?)")
        }
        return result
    }

    private func miniChainBytes(start: UInt32, length: Int, name: String) throws(CompoundFileError) -> [UInt8] {
        let root = entries[0]
        guard root.size > 0, root.startSector != Self.endOfChain,
              miniFATStart != Self.endOfChain, miniFATStart != Self.freeSector else {
            throw CompoundFileError("流“\(name)”应在迷你流中，但文件没有迷你流", "stream '\(name)' belongs in the mini stream, but the file has none")
        }
        let miniStream = try Self.chainBytes(start: root.startSector, length: root.size, bytes: bytes, fat: fat,
                                             sectorSize: sectorSize, what: ("迷你流", "the mini stream"))
        let rawMiniFAT = try Self.chainBytes(start: miniFATStart, length: nil, bytes: bytes, fat: fat,
                                             sectorSize: sectorSize, what: ("迷你 FAT", "the mini FAT"))
        var miniFAT: [UInt32] = []
        miniFAT.reserveCapacity(rawMiniFAT.count / 4)
        var i = 0
        while i + 4 <= rawMiniFAT.count { miniFAT.append(Self.u32(rawMiniFAT, i)); i += 4 }
        var result: [UInt8] = []
        result.reserveCapacity(length)
        var sector = start
        var visited = [Bool](repeating: false, count: miniFAT.count)
        while result.count < length {
            guard sector != Self.endOfChain, sector <= Self.maxRegularSector, Int(sector) < miniFAT.count else {
                throw CompoundFileError("流“\(name)”的迷你扇区链无效或不完整",
                                        "the mini sector chain of stream '\(name)' is invalid or incomplete")
            }
            guard !visited[Int(sector)] else {
                throw CompoundFileError("流“\(name)”的迷你扇区链有环", "the mini sector chain of stream '\(name)' has a cycle")
            }
            visited[Int(sector)] = true
            let begin = Int(sector) * miniSectorSize
            let take = min(miniSectorSize, length - result.count)
            guard begin + take <= miniStream.count else {
                throw CompoundFileError("流“\(name)”的迷你扇区 \(sector) 超出迷你流", "mini sector \(sector) of stream '\(name)' lies outside the mini stream")
            }
            result.append(contentsOf: miniStream[begin..<(begin + take)])
            sector = miniFAT[Int(sector)]
        }
        return result
    }

    private static func entry(_ bytes: [UInt8], _ offset: Int, major: Int) throws(CompoundFileError) -> Entry {
        let nameLength = Int(u16(bytes, offset + 64))
        let kindByte = bytes[offset + 66]
        let kind = Entry.Kind(rawValue: kindByte) ?? .unused
        var name = ""
        if kind != .unused {
            guard nameLength <= 64, nameLength % 2 == 0 else {
                throw CompoundFileError("目录条目的名称长度 \(nameLength) 无效", "a directory entry has an invalid name length \(nameLength)")
            }
            var units: [UInt16] = []
            for i in stride(from: 0, to: max(0, nameLength - 2), by: 2) { units.append(u16(bytes, offset + i)) }
            name = String(decoding: units, as: UTF16.self)
        }
        var size = UInt64(u32(bytes, offset + 120)) | (UInt64(u32(bytes, offset + 124)) << 32)
        if major == 3 { size &= 0xFFFF_FFFF } // version 3 writers may leave garbage in the high half
        return Entry(name: name, kind: kind, left: u32(bytes, offset + 68), right: u32(bytes, offset + 72),
                     child: u32(bytes, offset + 76), startSector: u32(bytes, offset + 116), size: size)
    }

    // MARK: Little-endian helpers (callers keep offsets in range)

    @inline(__always) static func u16(_ b: [UInt8], _ i: Int) -> UInt16 {
        UInt16(b[i]) | UInt16(b[i + 1]) << 8
    }

    @inline(__always) static func u32(_ b: [UInt8], _ i: Int) -> UInt32 {
        UInt32(b[i]) | UInt32(b[i + 1]) << 8 | UInt32(b[i + 2]) << 16 | UInt32(b[i + 3]) << 24
    }
}
