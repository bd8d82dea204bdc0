import Foundation

/// Reads DBLP XML (`dblp.xml` and excerpts of it) into publications (SPEC §2).
///
/// The file is read in blocks of whole records, each split at record boundaries into one run
/// per core (`DBLPRecordRun`, a byte-level reader of DBLP's plain form); whatever a run cannot
/// read, and what lies before the first record and after the last, goes through the tag
/// scanner (`DBLPXMLScanner`), which the runs reproduce exactly. Memory holds one block,
/// whatever the size of the file (the full dump is about 4 GB). Record elements `article`, `inproceedings`, `proceedings`, `book`,
/// `incollection`, `phdthesis`, `mastersthesis` are records; those with an `<author>` are
/// publications. `www` person records are not publications: their names become
/// `PersonRecord`s (identity evidence). Entities of `dblp.dtd` are resolved from an embedded
/// table, never from the network.
public enum DBLPXMLReader {
    /// Bytes read from the file per step.
    public static let defaultChunkSize = 1 << 20
    /// Bytes of whole records handed to the cores at a time: large enough that starting the
    /// runs costs nothing, small enough that memory does not grow with the file. It is 16 times
    /// `Parallelism.minimumRunBytes` (16 MB by default), so that the fuzz target and tests, which
    /// lower that, read small inputs in many blocks.
    static var blockSize: Int { 16 * max(1, Parallelism.minimumRunBytes) }
    /// A block below this size is read on one core: a sixteenth of `Parallelism.minimumRunBytes`
    /// (64 KB by default; a record run costs less to start than a line-based reader's run).
    static var parallelThreshold: Int { max(1, Parallelism.minimumRunBytes / 16) }

    /// Reads the file at `path` block by block: a regular file mapped into memory (`MappedFile`,
    /// each block's pages given back once read), anything else through a buffer; a
    /// gzip-compressed file (`dblp.xml.gz`, as DBLP distributes it) is inflated block by block on
    /// the way, never held whole.
    ///
    /// Each block of whole records is split at record boundaries into one run per core, read by
    /// `DBLPRecordRun`; a run that is not in DBLP's plain form, or follows one that was not,
    /// goes through `DBLPXMLScanner` (fed `chunkSize` bytes at a time), which also reads what
    /// comes before the first record and after the last. Malformed records are skipped and
    /// reported once each, with line and column; a file that cannot be opened becomes one error
    /// diagnostic.
    /// - Parameter keepingText: false leaves out every publication's key, title, venue, DOI and
    ///   author names (`AnalysisRequest.keepsPublicationText`); they are still read and checked,
    ///   so the records, diagnostics and name table are the same.
    /// - Complexity: O(n) time in the size of the file; memory O(block + largest record) besides the result.
    public static func read(path: String, chunkSize: Int = defaultChunkSize, keepingText: Bool = true) -> Corpus {
        read(path: path, chunkSize: chunkSize, keepingText: keepingText, mapping: true, blockSize: blockSize)
    }

    /// `read(path:chunkSize:keepingText:)`, with the file read through a buffer when `mapping` is
    /// false (as a gzip file or a pipe is), in blocks of `blockSize` bytes (tests: both paths, and
    /// records longer than a block).
    static func read(path: String, chunkSize: Int = defaultChunkSize, keepingText: Bool = true, mapping: Bool,
                     blockSize: Int) -> Corpus {
        let descriptor = open(path, O_RDONLY)
        var status = stat()
        guard descriptor >= 0, fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) != S_IFDIR else {
            if descriptor >= 0 { close(descriptor) }
            var corpus = Corpus(files: 1, diagnostics: [Diagnostic(.error, at: .file(path), "cannot read the file; check that it exists and is readable")])
            corpus.skipped = 1
            return corpus
        }
        defer { close(descriptor) }
        let step = max(chunkSize, 16)
        var reader = BlockReader(path: path, chunkSize: step, blockSize: blockSize, keepingText: keepingText)
        let source = ByteSource(descriptor: descriptor)
        if mapping, source.inflater == nil, (status.st_mode & S_IFMT) == S_IFREG,
           let file = MappedFile(descriptor: descriptor, size: Int(status.st_size)) {
            reader.readMapped(file)
            return reader.finish(descriptor: descriptor, path: path, chunkSize: step, keepingText: keepingText)
        }
        var pending: [UInt8] = []
        var finished = false
        var reserved = false
        var readAny = false
        while !finished {
            let before = pending.count
            pending.append(contentsOf: repeatElement(0, count: step))
            switch pending.withUnsafeMutableBufferPointer({ source.read(into: UnsafeMutableBufferPointer(rebasing: $0[before...])) }) {
            case .failure(let failure) where !readAny:
                // Nothing of the file read (a gzip file whose header is corrupt): it is not read,
                // as when it is read whole (`LineBlocks.read` says the same of line-based files).
                return LineBlocks.Failure.unopened(path: path, reason: failure.reason)
            case .failure(let failure):
                pending.removeLast(step)
                reader.consume(&pending, final: true)
                reader.scanner.failRead(reason: failure.reason)
                finished = true
            case .success(let got):
                pending.removeLast(step - got)
                readAny = readAny || got > 0
                finished = got == 0
                if finished || pending.count >= reader.blockSize { reader.consume(&pending, final: finished) }
            }
            // In compressed bytes for a gzip file.
            if !reserved, !finished { reserved = reader.reserveAfterFirstPublications(read: lseek(descriptor, 0, SEEK_CUR), of: Int(status.st_size)) }
        }
        return reader.finish(descriptor: descriptor, path: path, chunkSize: step, keepingText: keepingText)
    }

    /// The bytes of an open file from its start, inflated when it is gzip-compressed.
    private struct ByteSource {
        let descriptor: Int32
        let inflater: Gzip.Inflater?

        /// Starts at the beginning of the file (it must be seekable: a regular file).
        init(descriptor: Int32) {
            self.descriptor = descriptor
            var magic: [UInt8] = [0, 0]
            let compressed = pread(descriptor, &magic, 2, 0) == 2 && Gzip.isCompressed(magic)
            lseek(descriptor, 0, SEEK_SET)
            inflater = compressed ? Gzip.Inflater(descriptor: descriptor) : nil
        }

        /// Fills `buffer` as far as one read goes; 0 at the end of the input.
        func read(into buffer: UnsafeMutableBufferPointer<UInt8>) -> Result<Int, Gzip.Failure> {
            if let inflater { return inflater.read(into: buffer) }
            while true {
                let n = Glibc.read(descriptor, buffer.baseAddress, buffer.count)
                if n < 0 && errno == EINTR { continue }
                if n < 0 { return .failure(Gzip.Failure(reason: String(cString: strerror(errno)))) }
                return .success(n)
            }
        }
    }

    /// The file read again from the start by the scanner alone.
    private static func scannerAlone(descriptor: Int32, path: String, chunkSize: Int, keepingText: Bool) -> Corpus {
        var scanner = DBLPXMLScanner(path: path, keepingText: keepingText)
        let source = ByteSource(descriptor: descriptor)
        var chunk = [UInt8](repeating: 0, count: chunkSize)
        while true {
            switch chunk.withUnsafeMutableBufferPointer({ source.read(into: $0) }) {
            case .failure(let failure):
                scanner.failRead(reason: failure.reason)
                return scanner.finish()
            case .success(0):
                return scanner.finish()
            case .success(let got):
                scanner.feed(chunk[..<got])
            }
        }
    }

    /// Whether no key occurs in two of `units` (each already free of repeats), by the keys'
    /// hashes: two equal hashes count as a repeat, so a false answer may be a collision of two
    /// different keys (about one chance in 10^7 for a million keys), after which the caller reads
    /// the file again with the scanner alone, which compares the keys themselves. A true answer is
    /// always right.
    /// - Complexity: O(K) for K keys (a radix sort of the hashes).
    static func keysAreDistinct(_ units: [[UInt64]]) -> Bool {
        KeyHashes(units)?.areDistinct() ?? true
    }

    /// The keys' hashes of `keysAreDistinct`, gathered where the check is set up, to be sorted
    /// and compared on another thread while the reader's last serial step runs. Its buffers are
    /// made with it, so that the sort allocates nothing on that thread.
    /// Unchecked: `areDistinct` is called once.
    final class KeyHashes: @unchecked Sendable {
        private var hashes: [UInt64] = []
        private var scratch: [UInt64]

        /// Nil when no key can repeat (at most one unit has keys).
        init?(_ units: [[UInt64]]) {
            guard units.count(where: { !$0.isEmpty }) > 1 else { return nil }
            hashes.reserveCapacity(units.reduce(0) { $0 + $1.count })
            for unit in units { hashes += unit }
            scratch = [UInt64](repeating: 0, count: hashes.count)
        }

        /// Whether no two hashes are equal (sorts them in place).
        /// - Complexity: O(K) for K keys (a radix sort).
        func areDistinct() -> Bool {
            var hashes = self.hashes, scratch = self.scratch
            self.hashes = []
            self.scratch = []
            return hashes.withUnsafeMutableBufferPointer { hashes in
                scratch.withUnsafeMutableBufferPointer { radixSort(hashes, byBits: 0..<64, scratch: $0) }
                return !(hashes.indices.dropFirst()).contains { hashes[$0] == hashes[$0 - 1] }
            }
        }
    }

    /// Reads XML held in memory (standard input, tests) the same way.
    /// - Complexity: O(n) in the number of bytes.
    public static func read(bytes: [UInt8], path: String) -> Corpus {
        read(bytes: bytes, path: path, runs: nil).corpus
    }

    /// `read(bytes:path:)` with every block split into `runs` runs however small, and how many
    /// bytes the runs read (tests); with `blockSize`, the bytes come in blocks of that size, as
    /// from a file.
    static func read(bytes: [UInt8], path: String, runs: Int?, keepingText: Bool = true,
                     blockSize: Int? = nil) -> (corpus: Corpus, fastBytes: Int) {
        var reader = BlockReader(path: path, chunkSize: defaultChunkSize, blockSize: blockSize ?? DBLPXMLReader.blockSize,
                                 runs: runs, keepingText: keepingText)
        var pending: [UInt8] = []
        var next = 0
        while let blockSize, bytes.count - next > blockSize {
            pending += bytes[next..<(next + blockSize)]
            next += blockSize
            reader.consume(&pending, final: false)
        }
        pending += bytes[next...]
        reader.consume(&pending, final: true)
        let (corpus, distinct) = reader.finishScanner()
        guard distinct else {
            var scanner = DBLPXMLScanner(path: path, keepingText: keepingText)
            scanner.feed(bytes)
            return (scanner.finish(), 0)
        }
        return (corpus, reader.fastBytes)
    }

    /// The scanner, and the runs that take over from it between records.
    private struct BlockReader {
        var scanner: DBLPXMLScanner
        let chunkSize: Int
        /// Bytes of whole records handed to the cores at a time (`DBLPXMLReader.blockSize`).
        let blockSize: Int
        let path: String
        let cores: Int
        let forcedRuns: Int?
        let keepingText: Bool
        /// Bytes read by runs rather than by the scanner.
        var fastBytes = 0
        /// The runs of the last block, each read to its end in the plain form, with the line each
        /// was read from: the scanner takes them while the next block's runs are read (on the
        /// core that finishes its run first), or before anything else reaches it (`flush`).
        private var deferred: [DeferredRun] = []

        /// Reads the whole mapped file a block at a time, giving back each block's pages once read.
        mutating func readMapped(_ file: MappedFile) {
            let bytes = file.bytes
            var start = 0
            var window = blockSize
            var reserved = false
            while start < bytes.count {
                let end = min(bytes.count, start + window)
                file.readAhead(to: end + blockSize)
                let used = consume(UnsafeBufferPointer(rebasing: bytes[start..<end]), final: end == bytes.count)
                // No record starts a line in the window: it grows until the scanner takes it.
                window = used == 0 ? window + blockSize : blockSize
                start += used
                file.release(below: start, batch: blockSize)
                if !reserved { reserved = reserveAfterFirstPublications(read: start, of: bytes.count) }
            }
        }

        /// After the first block with publications, `read` bytes of the file's `size`: makes room for
        /// as many publications as the file holds at that rate, plus 5%, so that they are never
        /// copied. Returns whether it did (or need not: the file is read).
        mutating func reserveAfterFirstPublications(read: Int, of size: Int) -> Bool {
            let publications = scanner.publicationCount + deferred.reduce(0) { $0 + $1.run.publications.count }
            guard publications > 0 else { return false }
            if read > 0, size > read {
                let expected = Double(publications) * Double(size) / Double(read)
                scanner.reservePublications(Int(expected * 1.05) + 1024)
            }
            return true
        }

        /// The corpus read, or when a key of one run repeats in another, the file read again by
        /// the scanner alone (the key's warning belongs where the scanner would give it).
        mutating func finish(descriptor: Int32, path: String, chunkSize: Int, keepingText: Bool) -> Corpus {
            flush()
            let (corpus, distinct) = finishScanner()
            guard distinct else {
                return scannerAlone(descriptor: descriptor, path: path, chunkSize: chunkSize, keepingText: keepingText)
            }
            return corpus
        }

        /// The scanner's corpus, and whether the runs' keys are distinct (`keysAreDistinct`: when
        /// not, the file is read again). The keys' hashes are compared beside the scanner's last
        /// step, its name table: 45 and 50 ms on one core each for a million papers.
        mutating func finishScanner() -> (corpus: Corpus, distinct: Bool) {
            scanner.finishRecords()
            let keys = fastBytes == 0 ? nil : KeyHashes(scanner.keyUnits)
            guard let keys else { return (scanner.finishCorpus(), true) }
            let (distinct, corpus) = runBeside({ keys.areDistinct() }, here: { scanner.finishCorpus() })
            return (corpus, distinct)
        }

        init(path: String, chunkSize: Int, blockSize: Int = DBLPXMLReader.blockSize, runs: Int? = nil, keepingText: Bool) {
            self.path = path
            self.chunkSize = chunkSize
            self.blockSize = blockSize
            forcedRuns = runs
            self.keepingText = keepingText
            cores = runs ?? max(1, Parallelism.workers)
            scanner = DBLPXMLScanner(path: path, lanes: cores, keepingText: keepingText)
        }

        /// Reads the whole records at the front of `pending` (all of it when `final`) and drops them.
        mutating func consume(_ pending: inout [UInt8], final: Bool) {
            let used = pending.withUnsafeBufferPointer { consume($0, final: final) }
            pending.removeFirst(used)
        }

        /// Reads the whole records at the front of `bytes` (all of them when `final`).
        /// - Returns: how many bytes were read; the rest waits for more.
        mutating func consume(_ bytes: UnsafeBufferPointer<UInt8>, final: Bool) -> Int {
            defer { if final { flush() } }
            let end = final ? bytes.count : Self.lastBoundary(in: bytes, before: bytes.count)
            guard end > 0 else {
                // No record starts a line in a whole block: the scanner takes it as it comes.
                guard bytes.count >= 4 * blockSize else { return 0 }
                feed(bytes)
                return bytes.count
            }
            readBlock(UnsafeBufferPointer(rebasing: bytes[..<end]))
            return end
        }

        /// Hands the deferred runs to the scanner.
        mutating func flush() {
            deferred.withUnsafeMutableBufferPointer { Self.absorb($0, into: &scanner) }
            deferred = []
        }

        /// The scanner takes `runs`, in order.
        private static func absorb(_ runs: UnsafeMutableBufferPointer<DeferredRun>, into scanner: inout DBLPXMLScanner) {
            for k in runs.indices {
                scanner.absorb(&runs[k].run, byteCount: runs[k].run.consumed, readFromLine: runs[k].line)
            }
        }

        private mutating func feed(_ bytes: UnsafeBufferPointer<UInt8>) {
            flush()
            var start = 0
            while start < bytes.count {
                let end = min(bytes.count, start + chunkSize)
                scanner.feed(bytes[start..<end])
                start = end
            }
        }

        private mutating func readBlock(_ bytes: UnsafeBufferPointer<UInt8>) {
            var start = 0
            while !scanner.isBetweenRecords && start < bytes.count {
                // The prolog, or the rest of what the scanner was reading: up to the next boundary.
                let next = Self.nextBoundary(in: bytes, from: start + 1)
                feed(UnsafeBufferPointer(rebasing: bytes[start..<next]))
                start = next
            }
            guard start < bytes.count else { return }
            let runCount = forcedRuns ?? (bytes.count - start >= parallelThreshold ? cores : 1)
            var bounds = [start]
            for k in 1..<runCount {
                let target = start + (bytes.count - start) * k / runCount
                bounds.append(max(bounds.last!, Self.nextBoundary(in: bytes, from: target)))
            }
            bounds.append(bytes.count)
            // The first run starts at the scanner's line; the others, whose first lines are not
            // known before the runs before them are read, start at line 1 and are moved to their
            // lines when the scanner takes them (a pass over what they read, not over their bytes).
            // The last block's runs, deferred, count as taken: the scanner is between records
            // then, and they end where this block starts.
            let lines = [scanner.nextLine + deferred.reduce(0) { $0 + $1.run.newlines }] + [Int](repeating: 1, count: runCount - 1)
            let offset = scanner.nextOffset + deferred.reduce(0) { $0 + $1.run.consumed } - start
            let latin1 = scanner.isLatin1, keepingText = self.keepingText
            let path = self.path
            let lanes = scanner.lanes
            let startsBetweenRecords = scanner.isBetweenRecords
            var runs: [DBLPRecordRun?] = []
            let (runBounds, runLines) = (bounds, lines)
            var taking = deferred
            deferred = []
            lanes.lanes.withUnsafeMutableBufferPointer { lanePointers in
                withUnsafeMutablePointer(to: &scanner) { scanner in
                    taking.withUnsafeMutableBufferPointer { taking in
                        let shared = SharedLanes(lanes: lanePointers, bytes: bytes, scanner: scanner, deferred: taking)
                        // One task more than the runs when the scanner has runs to take: the
                        // core whose run ends first takes them, beside the other runs.
                        runs = parallelRuns(runCount + (taking.isEmpty ? 0 : 1)) { k in
                            guard k < runCount else {
                                Self.absorb(shared.deferred, into: &shared.scanner.pointee)
                                return nil
                            }
                            guard startsBetweenRecords, runBounds[k] < runBounds[k + 1] else { return nil }
                            return DBLPRecordRun.read(UnsafeBufferPointer(rebasing: shared.bytes[runBounds[k]..<runBounds[k + 1]]), path: path,
                                                      line: runLines[k], offset: offset + runBounds[k], latin1: latin1,
                                                      keepingText: keepingText, names: &shared.lanes[k])
                        }
                    }
                }
            }
            // The deferred runs, now taken, ended where this block starts.
            assert(scanner.nextOffset == offset + start, "deferred runs taken out of place")
            // Every run read to its end: the scanner takes them during the next block.
            var readToEnd = startsBetweenRecords
            for k in 0..<runCount where bounds[k] < bounds[k + 1] {
                let consumed: Int = runs[k]?.consumed ?? -1
                if consumed != bounds[k + 1] - bounds[k] { readToEnd = false }
            }
            if readToEnd {
                for k in 0..<runCount where bounds[k] < bounds[k + 1] {
                    deferred.append(DeferredRun(run: runs[k].take()!, line: lines[k]))
                    fastBytes += bounds[k + 1] - bounds[k]
                }
                return
            }
            for k in 0..<runCount where bounds[k] < bounds[k + 1] {
                let count = bounds[k + 1] - bounds[k]
                // Taken out of `runs`, not copied: a copy would share the run's publications,
                // which `absorb` then copies once more to move them.
                if scanner.isBetweenRecords, scanner.nextOffset == offset + bounds[k], var run = runs[k].take() {
                    scanner.absorb(&run, byteCount: run.consumed, readFromLine: lines[k])
                    fastBytes += run.consumed
                    // The root's end tag, and what follows it, are the scanner's.
                    if run.consumed < count {
                        feed(UnsafeBufferPointer(rebasing: bytes[(bounds[k] + run.consumed)..<bounds[k + 1]]))
                    }
                    continue
                }
                feed(UnsafeBufferPointer(rebasing: bytes[bounds[k]..<bounds[k + 1]]))
            }
        }

        /// Whether a line starts at `index` that begins, after blanks, with a record's start tag.
        private static func isBoundary(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
            var k = index
            while k < bytes.count && (bytes[k] == 0x20 || bytes[k] == 0x09) { k += 1 }
            guard k < bytes.count, bytes[k] == 0x3C else { return false }
            let nameStart = k + 1
            k = nameStart
            while k < bytes.count && isASCIILetter(bytes[k]) { k += 1 }
            guard k < bytes.count, isWhitespace(bytes[k]) || bytes[k] == 0x3E else { return false }
            return DBLPRecordRun.isRecordElement(UnsafeBufferPointer(rebasing: bytes[nameStart..<k]))
        }

        /// The first boundary at or after `from` (a line start), or the end.
        static func nextBoundary(in bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Int {
            var index = max(from, 1)
            guard let base = bytes.baseAddress else { return bytes.count }
            while index < bytes.count {
                guard let found = memchr(base + index - 1, 0x0A, bytes.count - index + 1) else { return bytes.count }
                let next = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
                if next < bytes.count && isBoundary(bytes, next) { return next }
                index = next + 1
            }
            return bytes.count
        }

        /// The last boundary before `end`, or 0 when there is none.
        static func lastBoundary(in bytes: UnsafeBufferPointer<UInt8>, before end: Int) -> Int {
            var at = end - 1
            while at >= 0 {
                if bytes[at] == 0x0A, at + 1 < end, isBoundary(bytes, at + 1) { return at + 1 }
                at -= 1
            }
            return 0
        }
    }

    /// The lanes' name tables, each written by one run only, and the scanner with the runs it
    /// takes, written by one task only (which no run touches).
    private struct SharedLanes: @unchecked Sendable {
        let lanes: UnsafeMutableBufferPointer<DBLPNameLanes.Lane>
        /// The block, read by all runs, each its own range.
        let bytes: UnsafeBufferPointer<UInt8>
        let scanner: UnsafeMutablePointer<DBLPXMLScanner>
        let deferred: UnsafeMutableBufferPointer<DeferredRun>
    }

    /// A run read to its end whose results the scanner has yet to take, and the line it was read from.
    private struct DeferredRun {
        var run: DBLPRecordRun
        let line: Int
    }

    /// Element names of the records that are publications when they have an author.
    static let recordElements: Set<String> = ["article", "inproceedings", "proceedings", "book", "incollection", "phdthesis", "mastersthesis"]

    /// A DBLP author string as a name: `Wei Wang 0001` keeps its homonym number (DBLP writes
    /// four digits; longer numbers are accepted as well), the rest is split the way BibTeX splits
    /// `First von Last`, so that the same person read from DBLP's BibTeX export is the same name.
    static func personName(_ text: String) -> PersonName? {
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            var text = text
            return text.withUTF8 { personName(ascii: $0) }
        }
        // Split scalar by scalar, like the byte-level paths: a combining mark after a space stays
        // with the word it precedes instead of going with the space.
        var words = text.unicodeScalars.split(whereSeparator: { $0.properties.isWhitespace }).map { String($0) }
        var homonym = ""
        if words.count > 1, let tail = words.last, tail.count >= 4, tail.allSatisfy({ $0.isASCII && $0.isNumber }) {
            homonym = tail
            words.removeLast()
        }
        guard !words.isEmpty else { return nil }
        let plain = words.joined(separator: " ")
        let parsed: PersonName?
        if plain.utf8.allSatisfy({ $0 < 0x80 && $0 != UInt8(ascii: "\\") && $0 != UInt8(ascii: "{") && $0 != UInt8(ascii: "}")
            && $0 != UInt8(ascii: "$") && $0 != UInt8(ascii: "~") }) {
            // Plain ASCII: nothing to decode or normalise; the byte-level BibTeX name parser is exact here.
            parsed = NameParser.parseName(utf8: Array(plain.utf8)[...])
        } else {
            parsed = NameParser.parsePlainName(plain)
        }
        guard var name = parsed else { return nil }
        if !homonym.isEmpty { name.homonym = homonym }
        return name
    }
}

extension DBLPXMLReader {
    /// `personName` for ASCII text, on its bytes.
    private static func personName(ascii text: UnsafeBufferPointer<UInt8>) -> PersonName? {
        var words: [Range<Int>] = []
        var index = 0
        while index < text.count {
            while index < text.count && isWhitespace(text[index]) { index += 1 }
            let start = index
            while index < text.count && !isWhitespace(text[index]) { index += 1 }
            if index > start { words.append(start..<index) }
        }
        var homonym = ""
        if words.count > 1, let tail = words.last, tail.count >= 4, text[tail].allSatisfy(isDigit) {
            homonym = String(decoding: UnsafeBufferPointer(rebasing: text[tail]), as: UTF8.self)
            words.removeLast()
        }
        guard !words.isEmpty else { return nil }
        var plain: [UInt8] = []
        plain.reserveCapacity(text.count)
        for word in words {
            if !plain.isEmpty { plain.append(0x20) }
            plain.append(contentsOf: UnsafeBufferPointer(rebasing: text[word]))
        }
        let parsed: PersonName?
        if plain.allSatisfy({ $0 != UInt8(ascii: "\\") && $0 != UInt8(ascii: "{") && $0 != UInt8(ascii: "}")
            && $0 != UInt8(ascii: "$") && $0 != UInt8(ascii: "~") }) {
            parsed = NameParser.parseName(utf8: plain[...])
        } else {
            parsed = NameParser.parsePlainName(String(decoding: plain, as: UTF8.self))
        }
        guard var name = parsed else { return nil }
        if !homonym.isEmpty { name.homonym = homonym }
        return name
    }
}

extension DBLPXMLReader {
    /// Most of DBLP's author texts: ASCII words between single blanks (`Jane M. O'Neil-Smith 0002`),
    /// with nothing to decode, collapse or normalise. Such a text is split straight from its bytes,
    /// each part one run of them, the way `personName` splits it (the homonym number, then BibTeX's
    /// `First von Last`); nil for any other text (a byte outside printable ASCII, a blank at either
    /// end or beside another, `\`, braces, `$`, `~`, a comma, `--`, more than 64 words), which
    /// takes `personName`'s general path. A new spelling is parsed once per core, so on a
    /// million-paper file this runs for about a million names.
    /// - Complexity: O(n) in the length of the text.
    static func plainPersonName(_ text: UnsafeBufferPointer<UInt8>) -> PersonName? {
        let count = text.count
        guard count > 0, text[0] != 0x20, text[count - 1] != 0x20 else { return nil }
        return withUnsafeTemporaryAllocation(of: Range<Int>.self, capacity: 64) { words -> PersonName? in
            var wordCount = 0
            var start = 0
            var previous: UInt8 = 0
            for index in 0..<count {
                let byte = text[index]
                switch byte {
                case 0x20:
                    guard previous != 0x20, wordCount < 63 else { return nil }
                    words[wordCount] = start..<index
                    wordCount += 1
                    start = index + 1
                case 0x21...0x7E:
                    if byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "{") || byte == UInt8(ascii: "}") || byte == UInt8(ascii: "$")
                        || byte == UInt8(ascii: "~") || byte == UInt8(ascii: ",") || (byte == UInt8(ascii: "-") && previous == byte) {
                        return nil
                    }
                default:
                    return nil
                }
                previous = byte
            }
            words[wordCount] = start..<count
            wordCount += 1
            func isDigits(_ word: Range<Int>) -> Bool { word.allSatisfy { isDigit(text[$0]) } }
            // DBLP's homonym number: a last word of four or more digits.
            var homonym: Range<Int>? = nil
            if wordCount > 1, words[wordCount - 1].count >= 4, isDigits(words[wordCount - 1]) {
                homonym = words[wordCount - 1]
                wordCount -= 1
            }
            // `First von Last`: von runs from the first to the last lower-case word before the last word.
            func isLower(_ word: Range<Int>) -> Bool {
                for k in word where isASCIILetter(text[k]) { return text[k] >= UInt8(ascii: "a") }
                return false
            }
            var vonStart = -1, vonEnd = -1
            for k in 0..<(wordCount - 1) where isLower(words[k]) {
                if vonStart < 0 { vonStart = k }
                vonEnd = k
            }
            // Parts as word ranges [from, to): first, von, last.
            var first = 0..<(vonStart < 0 ? wordCount - 1 : vonStart)
            var von = vonStart < 0 ? first.upperBound..<first.upperBound : vonStart..<(vonEnd + 1)
            var last = von.upperBound..<wordCount
            // BibTeX's own homonym rule (a last word of exactly four digits), for what DBLP's left.
            var parsedHomonym: Range<Int>? = nil
            if let tail = last.last, words[tail].count == 4, isDigits(words[tail]), wordCount > 1 {
                parsedHomonym = words[tail]
                NameParser.dropHomonym(first: &first, von: &von, last: &last)
            }
            func part(_ range: Range<Int>) -> String {
                guard !range.isEmpty else { return "" }
                return String(decoding: UnsafeBufferPointer(rebasing: text[words[range.lowerBound].lowerBound..<words[range.upperBound - 1].upperBound]),
                              as: UTF8.self)
            }
            func word(_ range: Range<Int>?) -> String {
                range.map { String(decoding: UnsafeBufferPointer(rebasing: text[$0]), as: UTF8.self) } ?? ""
            }
            let name = PersonName(first: part(first), von: part(von), last: part(last), jr: "",
                                  homonym: homonym != nil ? word(homonym) : word(parsedHomonym))
            return name.last.isEmpty && name.first.isEmpty ? nil : name
        }
    }
}

extension PersonName {
    /// Every part in Unicode NFC.
    var precomposed: PersonName {
        // Text of scalars below U+0300 (ASCII, the Latin letters with their accents, IPA) is its
        // own NFC: each such scalar is a starter that NFC keeps, and none composes with the next
        // (the scalars that compose or reorder all lie at U+0300 or later, whose UTF-8 lead byte
        // is 0xCC or more). Most names need no trip through Foundation.
        func nfc(_ part: String) -> String { part.utf8.allSatisfy { $0 < 0xCC } ? part : part.precomposedStringWithCanonicalMapping }
        return PersonName(first: nfc(first), von: nfc(von), last: nfc(last), jr: nfc(jr), homonym: homonym)
    }
}

/// The fields of one DBLP record besides its authors, as the streaming scanner and the fast
/// record run both collect them: the first occurrence of each wins.
struct DBLPFields {
    var title: String? = nil
    var year: Int? = nil
    /// A `<year>` that holds no year of four digits (`20O3`), said in a warning.
    var unreadableYear: String? = nil
    var journal: String? = nil
    var booktitle: String? = nil
    var publisher: String? = nil
    var school: String? = nil
    var doi: String? = nil

    /// The venue: the journal, else the book title, the publisher, the school.
    var venue: String { journal ?? booktitle ?? publisher ?? school ?? "" }

    /// The year of a `<year>`'s text, or nil with the text kept in `unreadableYear` (the first).
    /// - Complexity: O(length of `text`).
    mutating func takeYear(_ text: some Collection<UInt8>) {
        guard year == nil else { return }
        year = BibTeXReader.firstYear(text)
        if year == nil, unreadableYear == nil, !text.isEmpty { unreadableYear = String(decoding: Array(text), as: UTF8.self) }
    }

    /// The warning for a record whose `<year>` holds no year (a user trial of session 57 found
    /// `20O3` counted among the papers without a year in silence; BibTeX's reader said so).
    func unreadableYearWarning(key: String, at location: SourceLocation) -> Diagnostic? {
        guard year == nil, let text = unreadableYear else { return nil }
        return Diagnostic(.warning, at: location,
                          "record '\(key)': <year> '\(text)' holds no year of four digits; the paper counts in every total but in no year (timelines, --from, --to)")
    }

    /// Takes the DOI from an `<ee>` link to doi.org, unless one was found already.
    mutating func takeDOI(fromLink link: String) {
        if doi == nil, let range = link.range(of: "doi.org/") { doi = String(link[range.upperBound...]) }
    }

    /// The publication these fields and `authors` make.
    func publication(key: String, type: String, authors: [PersonName], location: SourceLocation) -> Publication {
        Publication(key: key, type: type, title: title ?? "", venue: venue, year: year, authors: authors,
                    doi: doi ?? "", location: location)
    }

    /// The publication without its text (`AnalysisRequest.keepsPublicationText`): its year, type
    /// and number of authors.
    func publicationWithoutText(type: String, authorCount: Int, location: SourceLocation) -> Publication {
        Publication(type: type, year: year, authorCount: authorCount, location: location)
    }
}
