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

/// A reader of a line-based export that takes its lines a block at a time (MEDLINE, Web of
/// Science plain text): all its state between lines is in the value.
protocol LineBlockParser {
    /// Line feeds read so far: the next line's number is one more.
    var linesRead: Int { get }
    /// Reads a block of whole lines starting at file offset `offset`.
    mutating func read(_ block: UnsafeBufferPointer<UInt8>, offset: Int)
    /// The corpus of everything read.
    mutating func finish() -> Corpus
}

extension LineBlocks {
    /// Feeds `parser` the file at `path` block by block and returns its corpus: the records
    /// `read(bytes:path:)` of the same reader gives, the same messages, without holding the
    /// file. Invalid UTF-8 stops the reading with one error at its line and column, whose
    /// way out is `remedy`; a read that fails part-way keeps the records before it.
    /// - Complexity: O(n) time in the size of the file; memory O(block + records).
    static func corpus<Parser: LineBlockParser>(path: String, blockSize: Int, parser: Parser, remedy: String) -> Corpus {
        var parser = parser
        var invalid: Corpus? = nil
        let failure = read(path: path, blockSize: blockSize) { block, offset in
            if let bad = firstInvalidUTF8Offset(block) {
                var line = parser.linesRead + 1
                var lineStart = 0
                for k in 0..<bad where block[k] == 0x0A {
                    line += 1
                    lineStart = k + 1
                }
                var column = 1
                for k in lineStart..<bad where block[k] & 0xC0 != 0x80 { column += 1 }
                var result = ExportCorpus()
                result.error(SourceLocation(path: path, line: line, column: column, byteOffset: offset + bad),
                             "invalid UTF-8 at byte offset \(offset + bad); \(remedy)")
                invalid = result.corpus
                return false
            }
            parser.read(block, offset: offset)
            return true
        }
        if let invalid { return invalid }
        switch failure {
        case .open(let reason)?:
            return Failure.unopened(path: path, reason: reason)
        case .read(let reason)?:
            var corpus = parser.finish()
            corpus.diagnostics.append(Diagnostic(.error, at: SourceLocation(path: path, line: parser.linesRead + 1, column: 1),
                                                 "cannot read the rest of the file (\(reason)); the records before this line were read"))
            corpus.skipped += 1
            return corpus
        case nil:
            return parser.finish()
        }
    }
}

extension LineBlocks.Failure {
    /// The corpus of a file that could not be opened: one error, the file skipped.
    static func unopened(path: String, reason: String) -> Corpus {
        Corpus(skipped: 1, files: 1, diagnostics: [Diagnostic(.error, at: .file(path), "cannot read the file (\(reason)); skipped")])
    }
}
