import Foundation

/// A byte buffer flushed to a sink in large blocks: dumps of 200,000-row sheets write
/// megabytes, and one `write` per cell would dominate the time.
public final class OutputBuffer {
    // The sheet parser's raw byte buffer rather than `[UInt8]`: the dump appends a few bytes at a
    // time, millions of times, and an array checks uniqueness and capacity on every append.
    private var buffer: ByteScratch
    private let sink: ([UInt8]) throws -> Void
    private let blockSize: Int

    /// A buffer that hands full blocks to `sink`.
    ///
    /// ```swift
    /// var collected: [UInt8] = []
    /// let out = OutputBuffer { collected += $0 }
    /// ```
    public init(blockSize: Int = 1 << 16, sink: @escaping ([UInt8]) throws -> Void) {
        self.blockSize = blockSize
        self.sink = sink
        buffer = ByteScratch(capacity: blockSize + 1024, limit: .max)
    }

    deinit { buffer.release() }

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
        if text.utf8.withContiguousStorageIfAvailable({ append(bytes: $0) }) != nil { return }
        var text = text
        text.withUTF8 { append(bytes: $0) }
    }

    @inline(__always) public func append(byte: UInt8) { buffer.append(byte: byte) }

    @inline(__always) public func append(bytes chunk: UnsafeBufferPointer<UInt8>) { buffer.append(chunk) }

    /// Appends a non-negative or negative integer in decimal, without building a `String`.
    @inline(__always) public func append(_ number: Int) {
        if number < 0 {
            append(byte: UInt8(ascii: "-"))
            // -Int.min overflows: print its magnitude from the unsigned value.
            appendDigits(UInt(bitPattern: number).magnitudeOfNegative)
            return
        }
        appendDigits(UInt(number))
    }

    @inline(__always) private func appendDigits(_ value: UInt) {
        if value < 10 { append(byte: UInt8(48 + value)); return }
        // At most 20 digits, written right to left into a small buffer on the stack.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var n = value, first = 20
            while n > 0 { first -= 1; digits[first] = UInt8(48 + n % 10); n /= 10 }
            buffer.append(UnsafeBufferPointer(rebasing: digits[first..<20]))
        }
    }

    /// Flushes when a block is full.
    @inline(__always) public func flushIfNeeded() throws {
        if buffer.count >= blockSize { try flush() }
    }

    public func flush() throws {
        guard !buffer.isEmpty else { return }
        let block = Array(buffer.buffer)
        buffer.reset()
        try sink(block)
    }
}

private extension UInt {
    /// The magnitude of a negative `Int` stored in this bit pattern.
    var magnitudeOfNegative: UInt { 0 &- self }
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
