import CPrefetch
import Foundation

/// A file read a block of whole lines at a time, inflated on the way when it is gzip-compressed:
/// readers of line-based formats (JSON Lines) keep one block in memory, not the file.
enum LineBlocks {
    static let defaultBlockSize = 8 << 20

    /// How reading went wrong: the file could not be opened, or a later read failed.
    enum Failure: Error {
        /// Nothing of the file could be read: it could not be opened, or its first read failed
        /// (a gzip file whose header is corrupt), so no block was handed out.
        case open(String)
        /// A read failed after blocks were handed out.
        case read(String)
        /// Bytes after a whole compressed stream: everything it holds was handed out, its last
        /// line too (`gunzip` writes it all, and says the rest is not gzip).
        case afterStream(String)
    }

    /// Calls `body` with each block of complete lines (ending just after a line feed, or at the
    /// end of the file) and the file offset of its first byte, in order; `body` returns false to
    /// stop. A line longer than `blockSize` makes the block grow to hold it. A regular file that
    /// is not gzip-compressed is mapped into memory (`MappedFile`) unless `mapping` is false;
    /// anything else is read through a buffer. Either way the blocks are whole lines in order
    /// (where they are cut may differ: a buffer grown for a long line keeps its size).
    /// - Returns: nil, or why the file could not be read (after the blocks read before it).
    /// - Complexity: O(n) time; memory O(block size + longest line).
    static func read(path: String, blockSize: Int = defaultBlockSize, mapping: Bool = true,
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
        if mapping, !compressed, (status.st_mode & S_IFMT) == S_IFREG,
           let file = MappedFile(descriptor: descriptor, size: Int(status.st_size)) {
            readMapped(file, blockSize: max(blockSize, 16), body)
            return nil
        }
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
            case .failure(let failure) where inflater?.failedAfterCompleteStream == true:
                // Bytes after a whole compressed stream: what it holds is the file's, its last
                // line too (a review of session 52 found it lost), as `gunzip` writes it.
                if used > 0, !buffer.withUnsafeBufferPointer({ body(UnsafeBufferPointer(rebasing: $0[..<used]), offset) }) { return nil }
                if case .read(let reason) = failure { return .afterStream(reason) }
                return failure
            case .failure(.read(let reason)) where offset == 0:
                // Before any block was handed out: nothing of the file is read, as when it is read whole.
                return .open(reason)
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

    /// `read(path:blockSize:mapping:_:)` over a mapped file: the same blocks, each given back once read.
    private static func readMapped(_ file: MappedFile, blockSize: Int, _ body: (UnsafeBufferPointer<UInt8>, Int) -> Bool) {
        let bytes = file.bytes
        var start = 0
        var window = blockSize
        while start < bytes.count {
            let limit = min(bytes.count, start + window)
            // This block's pages and the next's are asked for before any is read.
            file.readAhead(to: limit + blockSize)
            // The block ends after the last line feed (or at the end of the file).
            var end = limit
            if limit < bytes.count {
                end = start
                var last = limit
                while last > start {
                    last -= 1
                    if bytes[last] == 0x0A {
                        end = last + 1
                        break
                    }
                }
            }
            guard end > start else {
                // A line longer than the window: it doubles until it holds it (as the buffer does),
                // so a file of one long line (an API response) is searched O(n), not O(n²).
                window *= 2
                continue
            }
            if !body(UnsafeBufferPointer(rebasing: bytes[start..<end]), start) { return }
            start = end
            window = blockSize
            file.release(below: start, batch: blockSize)
        }
    }
}

/// A reader of a line-based export that takes its lines a block at a time (MEDLINE, Web of
/// Science plain text): all its state between lines is in the value.
///
/// A block is read in runs, one per core, cut where a record starts and every record before it
/// is closed: there a parser in its initial state reads on exactly as the one that read the
/// lines before, so the runs' records and messages, joined in order, are those of one parser.
protocol LineBlockParser: Sendable {
    /// Line feeds read so far: the next line's number is one more.
    var linesRead: Int { get }
    /// Reads a block of whole lines starting at file offset `offset`.
    mutating func read(_ block: UnsafeBufferPointer<UInt8>, offset: Int)
    /// The corpus of everything read.
    mutating func finish() -> Corpus
    /// The first line start at or after `from` in `block` (which starts with a whole line) where
    /// a run may begin, or nil.
    static func runStart(in block: UnsafeBufferPointer<UInt8>, from: Int) -> Int?
    /// A parser in its initial state for a run that starts `linesRead` line feeds into the file,
    /// lent the name cache of lane `lane` (1 or more; lane 0 is this parser's own).
    mutating func run(linesRead: Int, lane: Int) -> Self
    /// Closes what the first line of the next run would close.
    mutating func endRun()
    /// Adds what `later`, the parser of the run after the ones read so far, read, and carries on
    /// in its state; the cache it was lent goes back to lane `lane`.
    mutating func append(_ later: inout Self, lane: Int)
}

extension LineBlocks {
    /// Reads `block` (whole lines at file offset `offset`) into `parser`, in one run per core cut
    /// at `Parser.runStart`: the same records and messages as `parser.read(block, offset:)`.
    /// - Parameter validating: whether the block is checked for invalid UTF-8 first; the offset
    ///   in `block` of its first invalid byte is returned then, and nothing is read.
    /// - Complexity: O(n) time divided over the cores.
    static func read<Parser: LineBlockParser>(_ block: UnsafeBufferPointer<UInt8>, offset: Int, into parser: inout Parser,
                                              validating: Bool = false) -> Int? {
        let cuts = cuts(block, from: 0) { Parser.runStart(in: block, from: $0) }
        let runs = cuts.count - 1
        guard runs > 1 else {
            if validating, let bad = firstInvalidUTF8(block) { return bad }
            parser.read(block, offset: offset)
            return nil
        }
        let shared = SharedBlock(bytes: block)
        let bounds = cuts
        let feeds: [Int]
        switch checkRuns(shared, cuts: bounds, validating: validating) {
        case .invalid(let bad): return bad
        case .lineFeeds(let counted): feeds = counted
        }
        var later: [Parser] = []
        var lines = parser.linesRead
        for k in 1..<runs {
            lines += feeds[k - 1]
            later.append(parser.run(linesRead: lines, lane: k))
        }
        // In place, through pointers: a copy of a parser would copy its caches when it writes.
        withUnsafeMutablePointer(to: &parser) { first in
            later.withUnsafeMutableBufferPointer { rest in
                let runners = SharedParsers(first: first, rest: rest)
                _ = parallelRuns(runs) { k in
                    let run = UnsafeBufferPointer(rebasing: shared.bytes[bounds[k]..<bounds[k + 1]])
                    if k == 0 {
                        runners.first.pointee.read(run, offset: offset)
                        runners.first.pointee.endRun()
                    } else {
                        runners.rest[k - 1].read(run, offset: offset + bounds[k])
                        if k < runs - 1 { runners.rest[k - 1].endRun() }
                    }
                    return true
                }
            }
        }
        for k in 1..<runs { parser.append(&later[k - 1], lane: k) }
        return nil
    }

    /// What `checkRuns` found: the block's first invalid byte, or each run's line feeds.
    enum RunCheck {
        case invalid(Int)
        case lineFeeds([Int])
    }

    /// Checks each run `block[cuts[k]..<cuts[k + 1]]` for invalid UTF-8 (when `validating`) and
    /// counts its line feeds (the next run's lines are numbered from them), each by the core that
    /// reads it next: one pass of all cores, not a pass of one. No character spans a line feed,
    /// so a run's first invalid byte is the block's (bytes before `cuts[0]`, a byte-order mark,
    /// are not checked).
    static func checkRuns(_ block: SharedBlock, cuts: [Int], validating: Bool) -> RunCheck {
        let runs = cuts.count - 1
        let checked = parallelRuns(runs) { k in
            let run = UnsafeBufferPointer(rebasing: block.bytes[cuts[k]..<cuts[k + 1]])
            return (invalid: validating ? firstInvalidUTF8Offset(run).map { cuts[k] + $0 } : nil,
                    feeds: k < runs - 1 ? newlineCount(run) : 0)
        }
        if let bad = checked.lazy.compactMap(\.invalid).first { return .invalid(bad) }
        return .lineFeeds(checked.map(\.feeds))
    }

    /// Where to cut `block[from...]` into one run per core (none below `Parallelism.minimumRunBytes`): `from`,
    /// the starts `runStart(at)` gives for the first place it may cut at or after `at`, and the
    /// end of the block.
    static func cuts(_ block: UnsafeBufferPointer<UInt8>, from: Int, runStart: (Int) -> Int?) -> [Int] {
        let size = block.count - from
        let wanted = min(max(1, Parallelism.workers), size / max(1, Parallelism.minimumRunBytes))
        var cuts = [from]
        for k in 1..<max(1, wanted) {
            guard let cut = runStart(max(cuts[cuts.count - 1] + 1, from + size * k / wanted)), cut < block.count else { break }
            cuts.append(cut)
        }
        cuts.append(block.count)
        return cuts
    }

    /// The first line start at or after `from` in `block` (just after a line feed) whose line
    /// begins with `prefix`, or nil.
    /// - Complexity: O(n) in the bytes searched.
    static func lineStart(in block: UnsafeBufferPointer<UInt8>, from: Int, prefix: [UInt8]) -> Int? {
        guard let base = block.baseAddress else { return nil }
        var search = max(0, from - 1)
        while search < block.count, let hit = memchr(base + search, 0x0A, block.count - search) {
            let start = base.distance(to: hit.assumingMemoryBound(to: UInt8.self)) + 1
            if block.count - start >= prefix.count, memcmp(base + start, prefix, prefix.count) == 0 { return start }
            search = start
        }
        return nil
    }

    /// The number of line feeds in `bytes` (in vector registers: `coauthor_count_byte`).
    /// - Complexity: O(n).
    static func newlineCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        return coauthor_count_byte(base, bytes.count, 0x0A)
    }

    /// `firstInvalidUTF8Offset(block)`, each core checking a share cut just after a line feed (no
    /// character spans a line feed, so each share's first invalid byte is the whole block's).
    /// - Complexity: O(n) divided over the cores.
    static func firstInvalidUTF8(_ block: UnsafeBufferPointer<UInt8>) -> Int? {
        let shares = min(max(1, Parallelism.workers), block.count / max(1, Parallelism.minimumRunBytes))
        guard shares > 1, let base = block.baseAddress else { return firstInvalidUTF8Offset(block) }
        var cuts = [0]
        for k in 1..<shares {
            let from = max(cuts[cuts.count - 1], block.count * k / shares)
            guard let hit = memchr(base + from, 0x0A, block.count - from) else { break }
            cuts.append(base.distance(to: hit.assumingMemoryBound(to: UInt8.self)) + 1)
        }
        cuts.append(block.count)
        let shared = SharedBlock(bytes: block)
        let bounds = cuts
        return parallelRuns(cuts.count - 1) { k in
            firstInvalidUTF8Offset(UnsafeBufferPointer(rebasing: shared.bytes[bounds[k]..<bounds[k + 1]])).map { bounds[k] + $0 }
        }.lazy.compactMap { $0 }.first
    }

    /// A block read by all cores.
    struct SharedBlock: @unchecked Sendable {
        let bytes: UnsafeBufferPointer<UInt8>
    }

    /// The runs' parsers, each written by the one core that reads its run.
    struct SharedParsers<Parser>: @unchecked Sendable {
        let first: UnsafeMutablePointer<Parser>
        let rest: UnsafeMutableBufferPointer<Parser>
    }
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
            if let bad = read(block, offset: offset, into: &parser, validating: true) {
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
                             "invalid UTF-8 at byte offset \(offset + bad); \(remedy)", remedy: .readAsLatin1)
                invalid = result.corpus
                return false
            }
            return true
        }
        if let invalid { return invalid }
        switch failure {
        case .open(let reason)?:
            return Failure.unopened(path: path, reason: reason)
        case .read(let reason)?, .afterStream(let reason)?:
            var corpus = parser.finish()
            let after: String
            if case .afterStream = failure { after = "everything before it was read" } else { after = "the records before this line were read" }
            corpus.diagnostics.append(Diagnostic(.error, at: SourceLocation(path: path, line: parser.linesRead + 1, column: 1),
                                                 "cannot read the rest of the file (\(reason)); \(after)"))
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

/// The UTF-8 byte-order mark, which a file may start with, and so each of the files joined into
/// one (`cat`), at the start of a line.
enum ByteOrderMark {
    /// 3 where `bytes[start..<end]` starts with the mark, else 0.
    @inline(__always)
    static func length<Bytes: RandomAccessCollection<UInt8>>(in bytes: Bytes, at start: Int, end: Int) -> Int where Bytes.Index == Int {
        end - start >= 3 && bytes[start] == 0xEF && bytes[start + 1] == 0xBB && bytes[start + 2] == 0xBF ? 3 : 0
    }
}
