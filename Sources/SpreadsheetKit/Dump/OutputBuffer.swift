import Foundation

/// A byte buffer flushed to a sink in large blocks: dumps of 200,000-row sheets write
/// megabytes, and one `write` per cell would dominate the time.
public final class OutputBuffer {
    // A raw buffer rather than `[UInt8]`: the dump appends a few bytes at a time, millions of
    // times, and an array checks uniqueness and capacity on every append.
    private var base: UnsafeMutablePointer<UInt8>
    private var count = 0
    private var capacity: Int
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
        capacity = blockSize + 1024
        base = .allocate(capacity: capacity)
    }

    deinit { base.deallocate() }

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

    /// Makes room for `extra` more bytes (a row longer than a block grows the buffer).
    @inline(__always) private func reserve(_ extra: Int) {
        if count + extra > capacity { grow(to: count + extra) }
    }

    private func grow(to needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        bigger.update(from: base, count: count)
        base.deallocate()
        base = bigger
        capacity = newCapacity
    }

    @inline(__always) public func append(_ text: String) {
        // Native strings are contiguous UTF-8: copy without making the string mutable.
        if text.utf8.withContiguousStorageIfAvailable({ append(bytes: $0) }) != nil { return }
        var text = text
        text.withUTF8 { append(bytes: $0) }
    }

    @inline(__always) public func append(byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    @inline(__always) public func append(bytes chunk: UnsafeBufferPointer<UInt8>) {
        guard let source = chunk.baseAddress, chunk.count > 0 else { return }
        reserve(chunk.count)
        (base + count).update(from: source, count: chunk.count)
        count += chunk.count
    }

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
        var digits = 0, n = value
        while n > 0 { digits += 1; n /= 10 }
        reserve(digits)
        n = value
        for i in stride(from: digits - 1, through: 0, by: -1) {
            base[count + i] = UInt8(48 + n % 10)
            n /= 10
        }
        count += digits
    }

    /// Flushes when a block is full.
    @inline(__always) public func flushIfNeeded() throws {
        if count >= blockSize { try flush() }
    }

    public func flush() throws {
        guard count > 0 else { return }
        let block = Array(UnsafeBufferPointer(start: base, count: count))
        count = 0
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
