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
    #endif
}
