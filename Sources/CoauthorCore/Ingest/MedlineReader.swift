import CPrefetch
/// Reads PubMed's MEDLINE format (`.nbib`, `.txt`; SPEC §2): records start at `PMID-` and are
/// separated by blank lines; tags are up to four characters padded to four, then `- `;
/// continuation lines start with six blanks. Authors in order, each a `FAU` full name (with its
/// `AU` short form after it) or an `AU` line alone; `AUID- ORCID:`
/// and `AD` belong to the author before them; `DP` the date, `TI` the title, `JT`/`TA` the
/// journal, `LID`/`AID … [doi]` the DOI.
// Shaped like WebOfScienceReader (bytes or a streamed path into one line parser), deliberately:
// the line rules differ, the driver (`LineBlocks.corpus`) is shared.
public enum MedlineReader {
    /// - Complexity: O(n) in the size of the file.
    public static func read(bytes: [UInt8], path: String) -> Corpus {
        if let bad = firstInvalidUTF8Offset(bytes) {
            var result = ExportCorpus()
            result.error(LineIndex(bytes: bytes, path: path).location(of: bad), "invalid UTF-8 at byte offset \(bad); save the PubMed export as UTF-8, or read the file as Latin-1",
                         remedy: .readAsLatin1)
            return result.corpus
        }
        var parser = Parser(path: path)
        bytes.withUnsafeBufferPointer { _ = LineBlocks.read($0, offset: 0, into: &parser) }
        return parser.finish()
    }

    /// A MEDLINE file read by its path (plain or gzip-compressed) a block of lines at a time, so
    /// memory holds one block and the records, not the file. The records and messages are those
    /// `read(bytes:path:)` gives for the same bytes.
    /// - Parameter keepingText: false leaves out titles, journals and DOIs (`TI`, `JT`, `TA`,
    ///   `LID`, `AID`), which no output but the report's list of papers reads, and which match a
    ///   paper across files only (`InputReader.read`'s `keepingText`).
    /// - Complexity: O(n) time in the size of the file; memory O(block + records).
    public static func read(path: String, blockSize: Int = 8 << 20, keepingText: Bool = true) -> Corpus {
        LineBlocks.corpus(path: path, blockSize: blockSize, parser: Parser(path: path, keepingText: keepingText),
                          remedy: "save the PubMed export as UTF-8, or read the file as Latin-1")
    }

    /// The MEDLINE lines of one buffer or of many blocks in turn (a block ends after a line feed).
    private struct Parser: LineBlockParser {
        let path: String
        /// Whether titles, journals and DOIs are read (`read(path:blockSize:keepingText:)`).
        let keepingText: Bool
        var result = ExportCorpus()
        // Each field's lines (the first, then its continuations), joined when the record closes:
        // appending to a growing string would be quadratic in the lines of a long field.
        var fields = TaggedFields()
        var recordLocation: SourceLocation? = nil {
            didSet { inRecord = recordLocation != nil }
        }
        /// Whether a record is open: tested on every line, where testing `recordLocation` would copy
        /// it (and retain and release its path).
        var inRecord = false
        var strayReported = false
        var skippingField = false
        /// Whether the last author line of the open record was a `FAU` line: the `AU` line after
        /// it is the same author again (its short form), and is not kept. An `AU` line without
        /// one (records before 2002, authors given no full name) is an author of its own.
        var fullNameAwaitsShortForm = false
        var cache = ExportNameCache()
        /// Line feeds read so far: locations count lines by them (a lone CR ends a MEDLINE line, not a line of the file).
        var linesRead = 0
        var sawContent = false
        /// The caches lent to the parsers of a block's later runs (lanes 1, 2, …).
        var lanes = ExportNameLanes()

        init(path: String, keepingText: Bool = true) {
            self.path = path
            self.keepingText = keepingText
        }

        /// A `PMID-` line: it closes the record before it and opens the next.
        static func runStart(in block: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
            LineBlocks.lineStart(in: block, from: from, prefix: Array("PMID-".utf8))
        }

        // `run` and `append` are shaped like the Web of Science parser's, deliberately: each
        // conformance makes and joins its own parser type, whose fields differ.
        mutating func run(linesRead: Int, lane: Int) -> Parser {
            var run = Parser(path: path, keepingText: keepingText)
            run.linesRead = linesRead
            run.sawContent = true
            lanes.lend(&run.cache, lane: lane)
            return run
        }

        /// The next run's `PMID-` line would close the open record.
        mutating func endRun() { close() }

        mutating func append(_ later: inout Parser, lane: Int) {
            result.append(later.result)
            lanes.takeBack(&later.cache, lane: lane)
            fields = later.fields
            recordLocation = later.recordLocation
            strayReported = later.strayReported
            skippingField = later.skippingField
            fullNameAwaitsShortForm = later.fullNameAwaitsShortForm
            linesRead = later.linesRead
            sawContent = sawContent || later.sawContent
        }

        mutating func close() {
            guard let location = recordLocation else { return }
            result.add(MedlineReader.record(from: fields, location: location, names: &cache))
            fields.removeAll()
            recordLocation = nil
        }

        /// Reads the lines of `bytes`, which starts at byte `offset` of the file.
        mutating func read(_ bytes: UnsafeBufferPointer<UInt8>, offset: Int) {
            if !sawContent { sawContent = bytes.contains { !isWhitespace($0) } }
            var start = offset == 0 && bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            // Where the current line of the file (by line feeds) starts in `bytes`.
            var fileLineStart = 0
            func location(_ lineStart: Int) -> SourceLocation {
                var column = 1
                for k in fileLineStart..<lineStart where bytes[k] & 0xC0 != 0x80 { column += 1 }
                return SourceLocation(path: path, line: linesRead + 1, column: column, byteOffset: offset + lineStart)
            }
            func text(_ from: Int, _ to: Int) -> String { String(decoding: UnsafeBufferPointer(rebasing: bytes[from..<to]), as: UTF8.self) }
            func value(_ from: Int, _ to: Int) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: bytes[min(from, to)..<to]) }
            while start < bytes.count {
                let end = MedlineReader.lineBreak(in: bytes, from: start)
                var lineStart = start
                start = end + 1
                if end < bytes.count, bytes[end] == UInt8(ascii: "\r"), start < bytes.count, bytes[start] == UInt8(ascii: "\n") { start += 1 }
                defer {
                    if start - 1 < bytes.count, start > lineStart, bytes[start - 1] == UInt8(ascii: "\n") {
                        linesRead += 1
                        fileLineStart = start
                    }
                }
                var lineEnd = end
                while lineEnd > lineStart, bytes[lineEnd - 1] == UInt8(ascii: " ") { lineEnd -= 1 }
                guard lineEnd > lineStart else { continue }
                // Exports joined into one file (`cat`) put the next one's byte-order mark before
                // its first `PMID-`: passed over as the file's first is (a character of the line,
                // in its columns).
                lineStart += ByteOrderMark.length(in: bytes, at: lineStart, end: lineEnd)
                guard lineEnd > lineStart else { continue }
                // A line without a line break is the file's last (blocks and runs end after one):
                // an export ends in one, so a file cut short ends inside a value (`FAU - Reinh`),
                // which would be read as written with nothing to say so.
                if end == bytes.count {
                    result.warning(location(lineStart), "the file ends inside this line, with no line break after it: its record is read as far as it goes (is the file truncated?)", failsStrict: true)
                }
                if bytes[lineStart] == UInt8(ascii: " ") {
                    // A continuation line (six blanks): part of the previous field's value.
                    if inRecord, !fields.isEmpty, !skippingField {
                        fields.appendCollapsed(value(lineStart, lineEnd))
                    }
                    continue
                }
                // `TAG - value`, the tag padded to four characters: the dash is at column 5.
                guard lineEnd - lineStart >= 5, bytes[lineStart + 4] == UInt8(ascii: "-") else {
                    if !strayReported {
                        strayReported = true
                        result.warning(location(lineStart), "not a MEDLINE line ('TAG - value'); ignored")
                    }
                    continue
                }
                // Abstracts, MeSH terms and the like: no value string for them or their continuations
                // (and, for tags of ASCII bytes, no string for the tag).
                var known = MedlineReader.asciiTag(bytes, lineStart)
                if !keepingText, let code = known, MedlineReader.isTextTag(code) { known = 0 }
                if inRecord, known == 0 {
                    skippingField = true
                    continue
                }
                // A tag with a byte beyond ASCII is none the reader uses (nor is an unused one).
                let code = known ?? .max
                skippingField = known == nil && inRecord
                if skippingField { continue }
                if code == Code.pmid {
                    close()
                    recordLocation = location(lineStart)
                    strayReported = false
                    fullNameAwaitsShortForm = false
                } else if !inRecord {
                    if !strayReported {
                        strayReported = true
                        let tag = ExportValues.trimmed(text(lineStart, lineStart + 4))
                        result.error(location(lineStart), "'\(tag)' before any 'PMID-' line: MEDLINE records start with 'PMID- '; these lines are skipped")
                    }
                    continue
                } else if code == Code.au, fullNameAwaitsShortForm {
                    fullNameAwaitsShortForm = false
                    skippingField = true
                    continue
                }
                switch code {
                case Code.fau: fullNameAwaitsShortForm = true
                case Code.au, Code.cn, Code.ir, Code.fir, Code.ed, Code.fed: fullNameAwaitsShortForm = false
                default: break
                }
                fields.addCollapsed(code, value(lineStart + 6, lineEnd))
            }
        }

        mutating func finish() -> Corpus {
            close()
            if result.corpus.records == 0, result.corpus.skipped == 0, sawContent {
                result.error(.file(path), "no MEDLINE record (a 'PMID- ' line) found; this is not a PubMed MEDLINE export")
            }
            return result.corpus
        }
    }

    /// The offset of the first line feed or carriage return in `bytes[start...]`, else
    /// `bytes.count` (sixteen bytes a step: `coauthor_line_break`).
    @inline(__always) fileprivate static func lineBreak(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard let base = bytes.baseAddress, start < bytes.count else { return bytes.count }
        return start + coauthor_line_break(base + start, bytes.count - start)
    }

    /// The four tag bytes at `start`, when all are ASCII, trimmed as `ExportValues.trimmed`
    /// trims: the tag's code when the reader uses it, 0 when not; nil for other bytes.
    /// The caller has checked that the line has five bytes or more.
    fileprivate static func asciiTag(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int) -> UInt64? {
        // The four bytes as one big-endian number: a tag starts the line and is padded with blanks,
        // so its code is that number without the blanks at its end, and their count.
        let word = UInt32(bigEndian: UnsafeRawPointer(bytes.baseAddress! + start).loadUnaligned(as: UInt32.self))
        guard word & 0x8080_8080 == 0 else { return nil }
        func isBlank(_ byte: UInt32) -> Bool { byte == 0x20 || byte == 0x09 }
        let code: UInt64
        if isBlank(word >> 24) {
            // Blanks before the tag (no export writes them): trimmed at both ends.
            var from = start
            var to = start + 4
            while from < to, bytes[from] == UInt8(ascii: " ") || bytes[from] == UInt8(ascii: "\t") { from += 1 }
            while to > from, bytes[to - 1] == UInt8(ascii: " ") || bytes[to - 1] == UInt8(ascii: "\t") { to -= 1 }
            code = tagCode(UnsafeBufferPointer(rebasing: bytes[from..<to]))
        } else {
            var tag = word
            var length: UInt64 = 4
            while isBlank(tag & 0xFF) {
                tag >>= 8
                length -= 1
            }
            code = UInt64(tag) << 3 | length
        }
        switch code {
        // The tags `record(from:location:names:)` reads.
        case Code.pmid, Code.ti, Code.jt, Code.ta, Code.dp, Code.lid, Code.aid, Code.pt, Code.fau, Code.au, Code.cn, Code.auid, Code.ad,
             Code.ir, Code.fir, Code.ed, Code.fed:
            return code
        default:
            return 0
        }
    }

    /// Whether the tag of code `code` gives the title, the journal or the DOI.
    fileprivate static func isTextTag(_ code: UInt64) -> Bool {
        code == Code.ti || code == Code.jt || code == Code.ta || code == Code.lid || code == Code.aid
    }

    /// Builds the record from its fields, in file order.
    static func record(from fields: TaggedFields, location: SourceLocation, names cache: inout ExportNameCache) -> ExportRecord {
        var record = ExportRecord(location: location, expectedAuthors: (0..<fields.count).reduce(0) {
            $0 + (fields.code(ofField: $1) == Code.fau || fields.code(ofField: $1) == Code.au ? 1 : 0)
        })
        var current: Int? = nil
        // A field's lines joined by blanks, white space collapsed (each line's is already).
        var joined: [UInt8] = []
        func withValue<Result>(_ field: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
            fields.withJoinedValues(ofField: field, scratch: &joined, body)
        }
        func text(_ field: Int) -> String { withValue(field) { String(decoding: $0, as: UTF8.self) } }
        for field in 0..<fields.count {
            // Tags compared as numbers: a chain of string comparisons per field otherwise.
            let code = fields.code(ofField: field)
            switch code {
            case Code.pmid: record.extras.pmid = text(field)
            case Code.ti: if record.title.isEmpty { record.title = text(field) }
            case Code.jt: record.venue = text(field)
            case Code.ta: if record.venue.isEmpty { record.venue = text(field) }
            case Code.dp: if record.year == nil { record.year = withValue(field) { BibTeXReader.firstYear($0) } }
            case Code.lid, Code.aid:
                if record.doi.isEmpty, withValue(field, endsWithDOIMark) { record.doi = ExportValues.doi(text(field)) }
            case Code.pt:
                if withValue(field, isBookPart) { record.type = "incollection" }
            case Code.fau, Code.au:
                // Each author: a `FAU` line (the `AU` short form after it was not kept), or an
                // `AU` line alone.
                if let name = withValue(field, { cache.name(bytes: $0) }) {
                    record.addAuthor(name)
                    current = record.authors.count - 1
                } else {
                    current = nil
                }
            case Code.cn, Code.ir, Code.fir, Code.ed, Code.fed:
                // A collective (group) author is not a person, and investigators and editors are
                // not authors: each ends the previous author's block (an `AUID` or `AD` after it
                // is its own).
                current = nil
            case Code.auid:
                guard let current else { break }
                let orcid = withValue(field) { cache.orcid(ofAuthorIdentifier: $0) }
                if !orcid.isEmpty {
                    record.setIDs({ $0.orcid = orcid }, of: current)
                } else if let warning = withValue(field, { ExportNameCache.orcidCheckWarning(ofAuthorIdentifier: $0, author: record.authors[current].displayName) }) {
                    record.warnings.append(warning)
                }
            case Code.ad:
                if let current {
                    let affiliations = withValue(field) { address in
                        cache.addressList(bytes: address) { MedlineReader.addresses(in: $0).map { Affiliation(raw: $0, country: country($0)) } }
                    }
                    record.addAffiliations(affiliations, to: current)
                }
            default:
                break
            }
        }
        record.key = record.extras.pmid.isEmpty ? "record at line \(location.line)" : "PMID:" + record.extras.pmid
        // Moved out: the closures above capture it, and returning it as it is copied it.
        return take(&record, leaving: ExportRecord(location: location))
    }

    /// Whether a value ends with the characters `[doi]` (found on bytes unless a byte beyond
    /// ASCII precedes the bracket, which could make one character with it).
    private static func endsWithDOIMark(_ value: UnsafeBufferPointer<UInt8>) -> Bool {
        guard value.count >= 5, value[(value.count - 5)...].elementsEqual("[doi]".utf8) else { return false }
        guard value.count > 5, value[value.count - 6] >= 0x80 else { return true }
        return String(decoding: value, as: UTF8.self).hasSuffix("[doi]")
    }

    /// A tag's bytes and length packed into a number (tags longer than four bytes, which the
    /// reader never uses, all share `UInt64.max`).
    static func tagCode(_ tag: some Collection<UInt8>) -> UInt64 {
        guard tag.count <= 4 else { return .max }
        return tag.reduce(UInt64(0)) { $0 << 8 | UInt64($1) } << 3 | UInt64(tag.count)
    }

    /// The codes of the tags `record(from:location:names:)` reads: `tagCode` of each tag, written
    /// out as constants (computed ones would be initialised lazily, a check at every use on every
    /// line). `MedlineTagCodeTests` checks them against `tagCode`.
    enum Code {
        static let pmid: UInt64 = 0x504D_4944 << 3 | 4, ti: UInt64 = 0x5449 << 3 | 2, jt: UInt64 = 0x4A54 << 3 | 2
        static let ta: UInt64 = 0x5441 << 3 | 2, dp: UInt64 = 0x4450 << 3 | 2, lid: UInt64 = 0x4C_4944 << 3 | 3
        static let aid: UInt64 = 0x41_4944 << 3 | 3, pt: UInt64 = 0x5054 << 3 | 2, fau: UInt64 = 0x46_4155 << 3 | 3
        static let au: UInt64 = 0x4155 << 3 | 2, cn: UInt64 = 0x434E << 3 | 2, auid: UInt64 = 0x4155_4944 << 3 | 4
        static let ad: UInt64 = 0x4144 << 3 | 2
        /// Investigators and editors: names whose `AUID` and `AD` are theirs, not an author's.
        static let ir: UInt64 = 0x4952 << 3 | 2, fir: UInt64 = 0x46_4952 << 3 | 3, ed: UInt64 = 0x4544 << 3 | 2, fed: UInt64 = 0x46_4544 << 3 | 3
        /// Every code with its tag.
        static let all: [(String, UInt64)] = [("PMID", pmid), ("TI", ti), ("JT", jt), ("TA", ta), ("DP", dp), ("LID", lid), ("AID", aid),
                                              ("PT", pt), ("FAU", fau), ("AU", au), ("CN", cn), ("AUID", auid), ("AD", ad),
                                              ("IR", ir), ("FIR", fir), ("ED", ed), ("FED", fed)]
    }

    /// Whether a publication type (its UTF-8 bytes) names a book or a chapter: ASCII text is
    /// searched by bytes, where no other character lower-cases to these letters (every record
    /// has a type, most of them `Journal Article`).
    private static func isBookPart(_ type: UnsafeBufferPointer<UInt8>) -> Bool {
        guard type.allSatisfy({ $0 < 0x80 }) else {
            let text = String(decoding: type, as: UTF8.self).lowercased()
            return text.contains("book") || text.contains("chapter")
        }
        func contains(_ needle: StaticString) -> Bool {
            ExportValues.endOfASCIICaseInsensitive(needle, in: type, lower: 0, upper: type.count) != nil
        }
        return contains("book") || contains("chapter")
    }

    /// The addresses of one `AD` value: records before 2014 join an author's affiliations with
    /// `; ` in one line (`Premera Blue Cross, Bothell, WA, USA; University of Washington, Seattle,
    /// WA, USA.`), which read as one address named the second's country and, at institution
    /// level, `USA; University of Washington`. Split at semicolons outside parentheses where the
    /// part before ends in a country: a semicolon inside one address (`Division of X, Department
    /// of Y; and Department of Z, Harvard Medical School, …`) splits nothing.
    /// - Complexity: O(n) in the length of the value.
    static func addresses(in value: String) -> [String] {
        guard value.utf8.contains(UInt8(ascii: ";")) else { return [value] }
        var pieces: [Substring] = []
        var depth = 0
        var start = value.startIndex
        for index in value.indices {
            switch value[index] {
            case "(", "[": depth += 1
            case ")", "]": depth = max(0, depth - 1)
            case ";" where depth == 0:
                pieces.append(value[start..<index])
                start = value.index(after: index)
            default: break
            }
        }
        pieces.append(value[start...])
        // Each piece joins the next unless it ends in a country.
        var addresses: [String] = []
        var pending: Substring? = nil
        for piece in pieces {
            let joined = pending.map { value[$0.startIndex..<piece.endIndex] } ?? piece
            if Countries.code(forName: country(String(joined))) != nil || piece.endIndex == value.endIndex {
                let address = ExportValues.trimmed(joined)
                if !address.isEmpty { addresses.append(address) }
                pending = nil
            } else {
                pending = joined
            }
        }
        return addresses.isEmpty ? [value] : addresses
    }

    /// The last comma-separated part of an address, without its final period and e-mail.
    private static func country(_ address: String) -> String {
        let utf8 = address.utf8
        guard !utf8.isEmpty else { return "" }
        let start = utf8.lastIndex(of: UInt8(ascii: ",")).map { utf8.index(after: $0) } ?? utf8.startIndex
        var last = Substring(address)[start...]
        // An address ending in a comma has an empty last part; `split` would take the one before.
        if last.utf8.allSatisfy({ $0 == UInt8(ascii: ",") }) || last.isEmpty {
            guard let previous = address.split(separator: ",").last else { return "" }
            last = previous
        }
        let value = ExportValues.trimmed(last)
        let head = value.utf8.firstIndex(of: UInt8(ascii: ".")).map { String(value[..<$0]) } ?? value
        // Byte-wise: `@` and ASCII digits; other number characters are rare enough to ask Unicode.
        if head.utf8.contains(UInt8(ascii: "@")) || head.utf8.contains(where: isDigit) { return "" }
        if head.utf8.allSatisfy({ $0 < 0x80 }) { return head }
        return head.contains(where: \.isNumber) ? "" : head
    }
}
