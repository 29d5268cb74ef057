import Foundation

/// A byte buffer flushed to a sink in large blocks: dumps of 200,000-row sheets write
/// megabytes, and one `write` per cell would dominate the time.
public final class OutputBuffer {
    private var bytes: [UInt8] = []
    private let sink: ([UInt8]) throws -> Void
    private let blockSize: Int

    /// A buffer that hands full blocks to `sink`.
    public init(blockSize: Int = 1 << 16, sink: @escaping ([UInt8]) throws -> Void) {
        self.blockSize = blockSize
        self.sink = sink
        bytes.reserveCapacity(blockSize + 1024)
    }

    /// A buffer writing to standard output.
    public static func standardOutput() -> OutputBuffer {
        OutputBuffer { block in
            try block.withUnsafeBufferPointer { p in
                var offset = 0
                while offset < p.count {
                    let n = write(1, p.baseAddress! + offset, p.count - offset)
                    if n < 0 {
                        if errno == EINTR { continue }
                        throw OutputError.cannotWrite(reason: String(cString: strerror(errno)))
                    }
                    offset += n
                }
            }
        }
    }

    @inline(__always) public func append(_ text: String) {
        // Native strings are contiguous UTF-8: copy without making the string mutable.
        if text.utf8.withContiguousStorageIfAvailable({ bytes.append(contentsOf: $0) }) != nil { return }
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    @inline(__always) public func append(byte: UInt8) { bytes.append(byte) }

    @inline(__always) public func append(bytes chunk: UnsafeBufferPointer<UInt8>) { bytes.append(contentsOf: chunk) }

    /// Appends a non-negative or negative integer in decimal, without building a `String`.
    @inline(__always) public func append(_ number: Int) {
        if number < 0 { bytes.append(UInt8(ascii: "-")); append(-number); return }
        if number < 10 { bytes.append(UInt8(48 + number)); return }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var n = number, count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            while n > 0 { buffer[count] = UInt8(48 + n % 10); n /= 10; count += 1 }
            for i in stride(from: count - 1, through: 0, by: -1) { bytes.append(buffer[i]) }
        }
    }

    /// Flushes when a block is full.
    @inline(__always) public func flushIfNeeded() throws {
        if bytes.count >= blockSize { try flush() }
    }

    public func flush() throws {
        guard !bytes.isEmpty else { return }
        try sink(bytes)
        bytes.removeAll(keepingCapacity: true)
    }
}

/// Standard output could not be written (a closed pipe, a full disk).
public enum OutputError: Error, LocalizedError {
    case cannotWrite(reason: String)

    public var errorDescription: String? {
        switch self {
        case .cannotWrite(let reason): return "无法写入输出 / cannot write the output: \(reason)"
        }
    }
}
