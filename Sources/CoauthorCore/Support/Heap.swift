import CHeap

/// The process's C heap, where Swift's arrays and strings live.
enum Heap {
    /// Hands the heap's free pages back to the system. Between the phases of an analysis, what a
    /// phase freed (parse buffers, name tables, sorted pair keys) sits below blocks that live on,
    /// or in the arenas of worker threads that are done, and glibc keeps it in the resident set;
    /// the next phase then grows the set instead of reusing it. On a 1M-paper DBLP file this
    /// lowers the peak by about a fifth, for some 70 ms.
    /// - Complexity: O(size of the heap), one pass over its free blocks.
    static func releaseFreePages() {
        _ = coauthor_release_free_heap()
    }
}
