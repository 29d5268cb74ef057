import CZip
import Dispatch
import Foundation
import Synchronization

/// Inflates one ZIP entry on a second thread while the caller parses the chunks already inflated:
/// on a large sheet, inflating and checking the CRC is a sixth of a read, and on a machine with two
/// cores it need not wait for the parser. Three chunk buffers go round between the two threads, so
/// memory stays at three chunks whatever the entry's size; the caller sees the chunks in order,
/// then the first error either side met.
///
/// The inflating thread is the only one that touches the entry while it runs, and it has ended
/// before ``run(_:)`` returns, so the entry can be closed at once.
final class OverlappedInflate: @unchecked Sendable {
    private static let slots = 3
    private let file: OpaquePointer
    private let chunkSize: Int
    private let buffers: [UnsafeMutableRawBufferPointer]
    /// Bytes in each slot; 0 marks the end of the entry. Raw memory: each side touches only the slot
    /// the semaphores have handed it.
    private let lengths: UnsafeMutablePointer<Int>
    /// Why inflating stopped early (set before the slot it concerns is handed over).
    private var failure: WorkbookReadError?
    /// Set by the parsing side when it stops early, before it frees a slot; the inflating side reads
    /// it after each wait for a free slot (the semaphore orders the two), and stops.
    private let cancelled = Atomic<Bool>(false)
    // Created at 0 and signalled up: libdispatch refuses to free a semaphore below its initial value.
    private let empty = DispatchSemaphore(value: 0)
    private let full = DispatchSemaphore(value: 0)
    private let finished = DispatchSemaphore(value: 0)
    /// Checks each inflated chunk (total size against the limits); throws to stop.
    private let check: (Int) throws(WorkbookReadError) -> Void
    /// The entry's own error text, for a failed read.
    private let readError: () -> WorkbookReadError

    init(file: OpaquePointer, chunkSize: Int, check: @escaping (Int) throws(WorkbookReadError) -> Void,
         readError: @escaping () -> WorkbookReadError) {
        self.file = file
        self.chunkSize = chunkSize
        self.check = check
        self.readError = readError
        buffers = (0..<Self.slots).map { _ in UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16) }
        lengths = .allocate(capacity: Self.slots)
        lengths.initialize(repeating: 0, count: Self.slots)
        for _ in 0..<Self.slots { empty.signal() }
    }

    deinit {
        buffers.forEach { $0.deallocate() }
        lengths.deallocate()
    }

    /// Hands each inflated chunk to `body`, in order.
    func run(_ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        Thread.detachNewInflater { self.inflate() }
        var slot = 0
        do {
            while true {
                full.wait()
                if lengths[slot] == 0 {
                    if let failure { throw failure }
                    break
                }
                try body(UnsafeRawBufferPointer(start: buffers[slot].baseAddress, count: lengths[slot]))
                empty.signal()
                slot = (slot + 1) % Self.slots
            }
        } catch {
            cancelled.store(true, ordering: .releasing)
            empty.signal() // the inflating side may be waiting for a free slot
            finished.wait()
            throw error
        }
        finished.wait()
    }

    /// The inflating side: fills free slots until the end of the entry, an error or cancellation.
    private func inflate() {
        defer { finished.signal() }
        var slot = 0
        while true {
            empty.wait()
            if cancelled.load(ordering: .acquiring) { return }
            let n = zip_fread(file, buffers[slot].baseAddress, zip_uint64_t(chunkSize))
            var length = Int(max(n, 0))
            if n < 0 {
                failure = readError()
                length = 0
            } else if n > 0 {
                do { try check(length) } catch { failure = error; length = 0 }
            }
            lengths[slot] = length
            full.signal()
            if length == 0 { return }
            slot = (slot + 1) % Self.slots
        }
    }
}

private extension Thread {
    /// A plain thread for the inflating side (a Dispatch worker could be starved by batch jobs that
    /// wait on their own inflaters).
    static func detachNewInflater(_ body: @escaping @Sendable () -> Void) {
        let thread = Thread(block: body)
        thread.stackSize = 1 << 20
        thread.start()
    }
}
