import Foundation

/// A file read a block of whole lines at a time, inflated on the way when it is gzip-compressed:
/// readers of line-based formats (JSON Lines) keep one block in memory, not the file.
enum LineBlocks {
    static let defaultBlockSize = 8 << 20

    /// How reading went wrong: the file could not be opened, or a later read failed.
    enum Failure: Error {
        case open(String)
        case read(String)
    }

    /// Calls `body` with each block of complete lines (ending just after a line feed, or at the
    /// end of the file) and the file offset of its first byte, in order; `body` returns false to
    /// stop. A line longer than `blockSize` makes the block grow to hold it.
    /// - Returns: nil, or why the file could not be read (after the blocks read before it).
    /// - Complexity: O(n) time; memory O(block size + longest line).
    static func read(path: String, blockSize: Int = defaultBlockSize,
                     _ body: (UnsafeBufferPointer<UInt8>, Int) -> Bool) -> Failure? {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return .open(String(cString: strerror(errno)).lowercased()) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return .open(String(cString: strerror(errno)).lowercased()) }
        guard (status.st_mode & S_IFMT) != S_IFDIR else { return .open("it is a folder") }
        var magic: [UInt8] = [0, 0]
        let compressed = (status.st_mode & S_IFMT) == S_IFREG && pread(descriptor, &magic, 2, 0) == 2 && Gzip.isCompressed(magic)
        let inflater = compressed ? Gzip.Inflater(descriptor: descriptor) : nil
        func fill(_ buffer: UnsafeMutableBufferPointer<UInt8>) -> Result<Int, Failure> {
            if let inflater { return inflater.read(into: buffer).mapError { .read($0.reason) } }
            var total = 0
            while total < buffer.count {
                let n = Glibc.read(descriptor, buffer.baseAddress! + total, buffer.count - total)
                if n < 0 && errno == EINTR { continue }
                if n < 0 { return .failure(.read(String(cString: strerror(errno)).lowercased())) }
                if n == 0 { break }
                total += n
            }
            return .success(total)
        }
        var buffer = [UInt8](repeating: 0, count: max(blockSize, 16))
        // Bytes 0..<used of the buffer hold read data not yet handed out.
        var used = 0
        var offset = 0
        var ended = false
        while !ended {
            if used == buffer.count { buffer.append(contentsOf: repeatElement(0, count: buffer.count)) }
            let result = buffer.withUnsafeMutableBufferPointer { fill(UnsafeMutableBufferPointer(rebasing: $0[used...])) }
            switch result {
            case .failure(let failure): return failure
            case .success(let n):
                used += n
                ended = n == 0
            }
            // The block ends after the last line feed (or at the end of the file).
            let end: Int? = buffer.withUnsafeBufferPointer { all in
                if ended { return used }
                var last = used
                while last > 0 {
                    last -= 1
                    if all[last] == 0x0A { return last + 1 }
                }
                return nil
            }
            guard let end, end > 0 else { continue }
            let keepGoing = buffer.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[..<end]), offset) }
            if !keepGoing { return nil }
            offset += end
            // The unfinished line moves to the front.
            buffer.withUnsafeMutableBufferPointer { all in
                if used > end { memmove(all.baseAddress!, all.baseAddress! + end, used - end) }
            }
            used -= end
        }
        return nil
    }
}
