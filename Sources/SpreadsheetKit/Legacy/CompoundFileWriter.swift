/// Writes the smallest valid compound file (version 3, 512-byte sectors) holding one stream
/// under the root: the container that FreeXL is given.
///
/// FreeXL never sees the file the user named. The reader extracts the `Workbook` stream with
/// ``CompoundFile`` (bounds-checked, cycle-safe) and re-wraps it here, so FreeXL's own container
/// code only ever meets a well-formed file: the stream is the 2nd directory entry (FreeXL looks only
/// in the first directory sector), it lives in regular sectors (no mini stream: a shorter stream
/// is padded with zeros to the 4,096-byte cutoff, which BIFF readers take as the end), and its
/// sectors follow each other.
///
/// Layout: FAT sectors, DIFAT sectors (only past 109 FAT sectors, i.e. streams above ~7 MB),
/// one directory sector, then the stream.
enum CompoundFileWriter {
    static func singleStream(named name: String, contents original: [UInt8]) -> [UInt8] {
        let cutoff = 4096
        let contents = original.count >= cutoff ? original : original + [UInt8](repeating: 0, count: cutoff - original.count)
        let sectorSize = 512
        let perSector = sectorSize / 4 // FAT entries per sector
        let streamSectors = max(1, (contents.count + sectorSize - 1) / sectorSize)
        // Solve for the FAT and DIFAT sizes: the FAT must map every sector, itself included.
        var fatCount = 1, difatCount = 0
        while true {
            let total = fatCount + difatCount + 1 + streamSectors
            let neededFAT = (total + perSector - 1) / perSector
            let neededDIFAT = neededFAT > 109 ? (neededFAT - 109 + perSector - 2) / (perSector - 1) : 0
            if neededFAT == fatCount && neededDIFAT == difatCount { break }
            fatCount = max(fatCount, neededFAT)
            difatCount = max(difatCount, neededDIFAT)
        }
        let directorySector = fatCount + difatCount
        let firstStreamSector = directorySector + 1
        let totalSectors = firstStreamSector + streamSectors

        var out = [UInt8](repeating: 0, count: (1 + totalSectors) * sectorSize)
        func put16(_ value: Int, at offset: Int) {
            out[offset] = UInt8(value & 0xFF); out[offset + 1] = UInt8((value >> 8) & 0xFF)
        }
        func put32(_ value: UInt32, at offset: Int) {
            for k in 0..<4 { out[offset + k] = UInt8((value >> (8 * UInt32(k))) & 0xFF) }
        }
        func sectorOffset(_ sector: Int) -> Int { (sector + 1) * sectorSize }

        // Header.
        out.replaceSubrange(0..<8, with: CompoundFile.signature)
        put16(0x003E, at: 24)  // minor version
        put16(0x0003, at: 26)  // major version 3
        put16(0xFFFE, at: 28)  // little-endian
        put16(9, at: 30)       // 512-byte sectors
        put16(6, at: 32)       // 64-byte mini sectors
        put32(UInt32(fatCount), at: 44)
        put32(UInt32(directorySector), at: 48)
        put32(4096, at: 56)    // mini stream cutoff
        put32(CompoundFile.endOfChain, at: 60) // no mini FAT
        put32(0, at: 64)
        put32(difatCount > 0 ? UInt32(fatCount) : CompoundFile.endOfChain, at: 68)
        put32(UInt32(difatCount), at: 72)
        for i in 0..<109 { put32(i < fatCount ? UInt32(i) : CompoundFile.freeSector, at: 76 + 4 * i) }

        // DIFAT sectors: FAT sector numbers 109…, the last entry naming the next DIFAT sector.
        var nextFAT = 109
        for d in 0..<difatCount {
            let base = sectorOffset(fatCount + d)
            for i in 0..<(perSector - 1) {
                put32(nextFAT < fatCount ? UInt32(nextFAT) : CompoundFile.freeSector, at: base + 4 * i)
                nextFAT += 1
            }
            put32(d + 1 < difatCount ? UInt32(fatCount + d + 1) : CompoundFile.endOfChain, at: base + 4 * (perSector - 1))
        }

        // FAT.
        for sector in 0..<(fatCount * perSector) {
            let value: UInt32
            if sector < fatCount { value = CompoundFile.fatSector }
            else if sector < directorySector { value = CompoundFile.difatSector }
            else if sector == directorySector { value = CompoundFile.endOfChain }
            else if sector < totalSectors { value = sector == totalSectors - 1 ? CompoundFile.endOfChain : UInt32(sector + 1) }
            else { value = CompoundFile.freeSector }
            put32(value, at: sectorOffset(sector / perSector) + 4 * (sector % perSector))
        }

        // Directory: the root entry, the stream, two unused entries.
        let dir = sectorOffset(directorySector)
        func entry(_ index: Int, name: String, type: UInt8, child: UInt32, start: UInt32, size: UInt32) {
            let base = dir + 128 * index
            let units = Array(name.utf16.prefix(31))
            for (k, unit) in units.enumerated() { put16(Int(unit), at: base + 2 * k) }
            put16(units.isEmpty ? 0 : 2 * (units.count + 1), at: base + 64)
            out[base + 66] = type
            out[base + 67] = 1 // black
            put32(CompoundFile.noStream, at: base + 68)
            put32(CompoundFile.noStream, at: base + 72)
            put32(child, at: base + 76)
            put32(start, at: base + 116)
            put32(size, at: base + 120)
        }
        entry(0, name: "Root Entry", type: 5, child: 1, start: CompoundFile.endOfChain, size: 0)
        entry(1, name: name, type: 2, child: CompoundFile.noStream, start: UInt32(firstStreamSector), size: UInt32(contents.count))
        entry(2, name: "", type: 0, child: CompoundFile.noStream, start: 0, size: 0)
        entry(3, name: "", type: 0, child: CompoundFile.noStream, start: 0, size: 0)

        let start = sectorOffset(firstStreamSector)
        out.replaceSubrange(start..<(start + contents.count), with: contents)
        return out
    }
}
