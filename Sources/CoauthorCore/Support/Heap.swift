import CHeap

/// The process's C heap, where Swift's arrays and strings live.
enum Heap {
    /// Hands the heap's free pages back to the system. Between the phases of an analysis, what a
    /// phase freed (parse buffers, name tables, sorted pair keys) sits below blocks that live on,
    /// or in the arenas of worker threads that are done, and glibc keeps it in the resident set;
    /// the next phase then grows the set instead of reusing it. On a 1M-paper DBLP file this
    /// lowers the peak by about a fifth, for some 70 ms.
    /// - Returns: whether any memory went back (never on a C library without `malloc_trim`).
    /// - Complexity: O(size of the heap), one pass over its free blocks.
    @discardableResult
    static func releaseFreePages() -> Bool {
        coauthor_release_free_heap() == 1
    }

    /// Hands the free pages back only when most of the heap is free (more bytes free than in
    /// use). Otherwise the next phase, which grows from what lives on, reuses the free blocks,
    /// and handing their pages back costs a page fault for each again: after reading 1M DBLP
    /// papers (127 MB free, 227 MB in use) the trim made resolving 50 ms slower and lowered the
    /// peak by 5 MB; after reading dblp2016-topvenues.bib (165 MB free, 123 MB in use, most of
    /// it parse buffers) it lowers the peak by 23 MB.
    /// - Returns: whether any memory went back.
    /// - Complexity: one pass over the heap's lists of free blocks, and `releaseFreePages()`'s when it trims.
    @discardableResult
    static func releaseFreePagesIfMostlyFree() -> Bool {
        let (free, used) = usage()
        return free > used && releaseFreePages()
    }

    /// The bytes free in the heap and in use, over all its arenas (0 and 0 without glibc).
    static func usage() -> (free: Int, used: Int) {
        var free = 0, used = 0
        coauthor_heap_usage(&free, &used)
        return (free, used)
    }
}
