extension BIFFRecordType {
    static let sst: UInt16 = 0x00FC
}

extension BIFFWorkbook {
    /// Walks the shared string table (SST and its CONTINUE records) string by string, as FreeXL
    /// will, and refuses a table whose strings do not fit in it: FreeXL 1.0.6 trusts the declared
    /// sizes (characters, rich-text runs, the phonetic block `cbExtRst`) and reads past its buffer
    /// (a SEGV found by the zip fuzz target: one flipped option byte turned on a phonetic block of
    /// 1.7 GB). A string count the table cannot hold (3 bytes at least each) is refused too, before
    /// FreeXL allocates from it. BIFF5 has no SST.
    func checkSharedStringTable() throws(BIFFError) {
        guard version == .biff8 else { return }
        var segments: [Range<Int>] = []
        var cursor = BIFFRecordCursor(bytes)
        while let record = try cursor.next() {
            if record.type == BIFFRecordType.sst {
                segments = [record.body]
            } else if record.type == BIFFRecordType.continueRecord, !segments.isEmpty {
                segments.append(record.body)
            } else if !segments.isEmpty || record.type == BIFFRecordType.eof {
                break
            }
        }
        guard let first = segments.first else { return }
        let damaged = BIFFError("共享字符串表（SST）已损坏：字符串超出表的范围", "the shared string table (SST) is damaged: its strings run past its end")
        guard first.count >= 8 else { throw damaged }
        let unique = Int(bytes.u32(first.lowerBound + 4))
        let total = segments.reduce(0) { $0 + $1.count } - 8
        guard unique <= total / 3 else { throw damaged }

        var segment = 0, at = first.lowerBound + 8
        /// Moves `count` bytes on, across record boundaries.
        func skip(_ count: Int) throws(BIFFError) {
            var left = count
            while left > 0 {
                let available = segments[segment].upperBound - at
                if available >= left { at += left; return }
                left -= available
                segment += 1
                guard segment < segments.count else { throw damaged }
                at = segments[segment].lowerBound
            }
        }
        func read(_ count: Int) throws(BIFFError) -> Int {
            var value = 0
            for k in 0..<count {
                if at == segments[segment].upperBound { try skip(1); at -= 1 } // to the next record's first byte
                guard at < segments[segment].upperBound else { throw damaged }
                value |= Int(bytes[at]) << (8 * k)
                at += 1
            }
            return value
        }
        for _ in 0..<unique {
            let characters = try read(2)
            let options = try read(1)
            let runs = options & 0x08 != 0 ? try read(2) : 0
            let phonetic = options & 0x04 != 0 ? try read(4) : 0
            var wide = options & 0x01 != 0, left = characters
            while left > 0 {
                // Characters that continue in the next record restate their width in one byte there.
                if at == segments[segment].upperBound {
                    segment += 1
                    guard segment < segments.count, !segments[segment].isEmpty else { throw damaged }
                    at = segments[segment].lowerBound
                    wide = bytes[at] & 0x01 != 0
                    at += 1
                }
                let width = wide ? 2 : 1
                let here = min(left, (segments[segment].upperBound - at) / width)
                guard here > 0 else { throw damaged }
                at += here * width
                left -= here
            }
            try skip(runs * 4 + phonetic)
        }
    }
}
