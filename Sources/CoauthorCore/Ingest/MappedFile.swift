import Foundation

/// A regular file mapped into memory whole, read-only, for the readers that stream large files
/// (DBLP XML, OpenAlex JSON Lines, Web of Science plain text, MEDLINE). Its pages are given back
/// as the reader passes them (`release(below:batch:)`), so the resident memory holds about a
/// block of the file, as a buffer would.
///
/// Mapping saves copying every byte through a buffer on one core while the others wait: the
/// readers' runs read the file's pages where the kernel keeps them, and the kernel reads the next
/// block's from the disk while they do (`readAhead(to:)`). A file cut shorter by another
/// program while it is mapped would end the process (as it would `grep` and others that map what
/// they read); only regular files are mapped, and gzip files, pipes and standard input are read
/// through a buffer.
final class MappedFile {
    let bytes: UnsafeBufferPointer<UInt8>
    private let pageSize = max(4096, sysconf(Int32(_SC_PAGESIZE)))
    /// Bytes at the front already given back.
    private var released = 0
    /// Bytes at the front the kernel was asked to read ahead (`readAhead(to:)`).
    private var requested = 0

    /// Maps the first `size` bytes (at least one) of the open regular file `descriptor`; nil when
    /// it cannot be mapped, for the caller to read it through a buffer instead.
    init?(descriptor: Int32, size: Int) {
        // No MADV_SEQUENTIAL: it lets the kernel drop the file's cached pages once read, and the
        // next run (or program) would read them from the disk again.
        guard size > 0, let base = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), base != MAP_FAILED else { return nil }
        bytes = UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt8.self), count: size)
    }

    /// Asks the kernel to start reading from the disk, where they are not in memory, the pages up
    /// to byte `end` not asked for before, while the reader reads the bytes before them: the
    /// readers call it with the end of the block after the one they are about to read. A file
    /// that is not in memory (a download just made, a dump larger than the page cache) was read a
    /// fault at a time, each waiting for the disk with the cores idle: reading a 200 MB OpenAlex
    /// file took 0.40 s, now 0.31 s, a 115 MB DBLP XML file 0.47 s, now 0.39 s (BENCHMARKS.md,
    /// session 45). Pages in memory cost a look-up each.
    func readAhead(to end: Int) {
        let upper = min(end, bytes.count)
        guard upper > requested else { return }
        // From the page holding the first byte not asked for (madvise takes a page's start).
        let lower = requested / pageSize * pageSize
        _ = madvise(UnsafeMutableRawPointer(mutating: bytes.baseAddress! + lower), upper - lower, MADV_WILLNEED)
        requested = upper
    }

    /// Gives back the whole pages before byte `offset`, once they add up to `batch` bytes at least
    /// (the bytes before `offset` must not be read again).
    func release(below offset: Int, batch: Int) {
        let end = min(offset, bytes.count) / pageSize * pageSize
        guard end - released >= batch else { return }
        munmap(UnsafeMutableRawPointer(mutating: bytes.baseAddress! + released), end - released)
        released = end
    }

    deinit {
        if released < bytes.count {
            munmap(UnsafeMutableRawPointer(mutating: bytes.baseAddress! + released), bytes.count - released)
        }
    }
}
