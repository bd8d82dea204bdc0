@testable import CoauthorCore
import Testing

/// `Heap.releaseFreePages` really reaches glibc's `malloc_trim` (a shim that tests the C library
/// before including any header would silently do nothing).
struct HeapTests {
    #if canImport(Glibc)
    @Test func memoryFreedBelowALiveBlockGoesBack() {
        // 64 MB in blocks of 4 KB (under glibc's mmap threshold, so from the heap), then all freed
        // but the last: the pages sit below a live block, where glibc alone never returns them.
        var blocks = (0..<16_384).map { [UInt8](repeating: UInt8(truncatingIfNeeded: $0), count: 4096) }
        let last = blocks.removeLast()
        blocks.removeAll()
        #expect(Heap.releaseFreePages())
        #expect(last.count == 4096)
    }

    /// The usage read from glibc counts a block held (whatever other tests hold beside it), and
    /// the free memory it leaves below a live block once freed.
    @Test func usageCountsBlocksHeldAndFreed() {
        let before = Heap.usage()
        var blocks = (0..<16_384).map { [UInt8](repeating: UInt8(truncatingIfNeeded: $0), count: 4096) }
        let held = Heap.usage()
        #expect(held.used >= 64 << 20, "64 MB held: \(held.used) bytes in use")
        let last = blocks.removeLast()
        blocks.removeAll()
        let freed = Heap.usage()
        #expect(freed.free >= 32 << 20, "64 MB freed below a live block: \(freed.free) bytes free, \(before.free) before")
        #expect(last.count == 4096)
    }
    #endif
}
