import Foundation

/// Reads Web of Science exports (SPEC §2): the plain-text "field tagged" format and the
/// tab-delimited one. Both carry the same two-letter tags: `AF` full names else `AU`
/// (books: `BF`/`BA`), `C1` affiliations with `[Author; Author]` prefixes, `RI`/`OI`
/// ResearcherID and ORCID lists (`Name/ID; Name/ID`), `UT`, `DI`, `PY`, `TI`, `SO`, `TC`, `PT`, `DT`.
public enum WebOfScienceReader {
    /// The plain-text format: a `FN`/`VR` header, records from `PT` to `ER`, `EF` at the end;
    /// a tag and a blank start each field, continuation lines start with three blanks (each
    /// author, affiliation and reference has a line of its own). Lines end in LF or CRLF.
    ///
    /// A record without `ER` is kept with a warning (the next `PT` or the end closes it); tagged
    /// lines outside a record are an error reported once per run of them.
    /// - Complexity: O(n) in the size of the file.
    public static func readPlainText(bytes: [UInt8], path: String) -> Corpus {
        if let bad = firstInvalidUTF8Offset(bytes) {
            var result = ExportCorpus()
            result.error(LineIndex(bytes: bytes, path: path).location(of: bad), "invalid UTF-8 at byte offset \(bad); export the records again as UTF-8 plain text, or read the file as Latin-1",
                         remedy: .readAsLatin1)
            return result.corpus
        }
        var parser = PlainTextParser(path: path)
        bytes.withUnsafeBufferPointer { _ = LineBlocks.read($0, offset: 0, into: &parser) }
        return parser.finish()
    }

    /// The plain-text format read by its path (plain or gzip-compressed) a block of lines at a
    /// time, so memory holds one block and the records, not the file. The records and messages
    /// are those `readPlainText(bytes:path:)` gives for the same bytes.
    /// - Parameter keepingText: false leaves out titles, journals and DOIs (`TI`, `SO`, `DI`),
    ///   which no output but the report's list of papers reads, and which match a paper across
    ///   files only (`InputReader.read`'s `keepingText`).
    /// - Complexity: O(n) time in the size of the file; memory O(block + records).
    public static func readPlainText(path: String, blockSize: Int = 8 << 20, keepingText: Bool = true) -> Corpus {
        LineBlocks.corpus(path: path, blockSize: blockSize, parser: PlainTextParser(path: path, keepingText: keepingText),
                          remedy: "export the records again as UTF-8 plain text, or read the file as Latin-1")
    }

    /// The plain-text format, line by line: the state between lines is all here, so the lines
    /// may come from one buffer or from many blocks.
    private struct PlainTextParser: LineBlockParser {
        let path: String
        /// Whether titles, journals and DOIs are read (`readPlainText(path:blockSize:keepingText:)`).
        let keepingText: Bool
        /// The tags read (`WebOfScienceReader.readTags(keepingText:)`).
        let readTags: TagTable
        var result = ExportCorpus()
        var fields = TaggedFields()
        var recordLocation: SourceLocation? = nil {
            didSet { inRecord = recordLocation != nil }
        }
        /// Whether a record is open: tested on every line, where testing `recordLocation` would copy
        /// it (and retain and release its path).
        var inRecord = false
        var strayReported = false
        /// Whether an `EF` line came after the last `PT` (exports joined into one file have one
        /// after each part: only the last part's says the file is whole), and whether a `PT` was read.
        var sawEnd = false
        var sawRecord = false
        var skippingField = false
        /// Lines read so far (the number of the last one).
        var linesRead = 0
        /// Whether a byte other than white space and a byte-order mark was seen.
        var sawContent = false
        /// Whether a block with a line feed was read: lines then end at line feeds (a CR before one
        /// is white space at the line's end), not at a lone CR.
        var sawLineFeed = false
        var cache = ExportNameCache()
        /// The caches lent to the parsers of a block's later runs (lanes 1, 2, …).
        var lanes = ExportNameLanes()

        init(path: String, keepingText: Bool = true) {
            self.path = path
            self.keepingText = keepingText
            readTags = WebOfScienceReader.readTags(keepingText: keepingText)
        }

        /// A `PT` line after a line that is `ER` (blank lines between): every record before it
        /// is closed, and the `PT` opens the next without a message.
        static func runStart(in block: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
            var search = from
            while let start = LineBlocks.lineStart(in: block, from: search, prefix: Array("PT ".utf8)) {
                search = start + 1
                // The lines before it, back to the first that is not blank.
                var end = start - 1
                while end > 0 {
                    var lineStart = end
                    while lineStart > 0, block[lineStart - 1] != 0x0A { lineStart -= 1 }
                    var lineEnd = end
                    while lineEnd > lineStart, block[lineEnd - 1] == UInt8(ascii: "\r") || block[lineEnd - 1] == UInt8(ascii: " ") { lineEnd -= 1 }
                    if lineEnd == lineStart {
                        end = lineStart - 1
                        continue
                    }
                    if lineEnd - lineStart == 2, block[lineStart] == UInt8(ascii: "E"), block[lineStart + 1] == UInt8(ascii: "R") { return start }
                    break
                }
            }
            return nil
        }

        // `run` and `append` are shaped like the MEDLINE parser's, deliberately: each conformance
        // makes and joins its own parser type, whose fields differ.
        mutating func run(linesRead: Int, lane: Int) -> PlainTextParser {
            var run = PlainTextParser(path: path, keepingText: keepingText)
            run.linesRead = linesRead
            run.sawContent = true
            run.sawLineFeed = true
            lanes.lend(&run.cache, lane: lane)
            return run
        }

        /// A run ends before a `PT` that follows an `ER`: its records are all closed.
        mutating func endRun() {}

        mutating func append(_ later: inout PlainTextParser, lane: Int) {
            result.append(later.result)
            lanes.takeBack(&later.cache, lane: lane)
            fields = later.fields
            recordLocation = later.recordLocation
            strayReported = later.strayReported
            sawEnd = later.sawRecord ? later.sawEnd : sawEnd || later.sawEnd
            sawRecord = sawRecord || later.sawRecord
            skippingField = later.skippingField
            linesRead = later.linesRead
            sawContent = sawContent || later.sawContent
            sawLineFeed = sawLineFeed || later.sawLineFeed
        }

        /// Reads the whole lines of `block`, which starts at byte `offset` of the file.
        mutating func read(_ block: UnsafeBufferPointer<UInt8>, offset: Int) {
            let bom = offset == 0 && block.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            if !sawContent {
                sawContent = block[bom...].contains { !isWhitespace($0) && $0 != 0xEF && $0 != 0xBB && $0 != 0xBF }
            }
            var start = bom
            // A file whose lines end in a lone CR (old Mac exports) has no line feed: its lines
            // end at each CR and are numbered so (as editors that read such files show them).
            // Blocks are cut at line feeds, so such a file is one block.
            if !sawLineFeed, block.firstIndex(of: 0x0A) == nil, block.contains(UInt8(ascii: "\r")) {
                while start < block.count {
                    var end = start
                    while end < block.count, block[end] != UInt8(ascii: "\r") { end += 1 }
                    linesRead += 1
                    line(block, start, end, offset: offset, bom: bom)
                    start = end + 1
                }
                return
            }
            sawLineFeed = true
            while start < block.count {
                let end = JSONLines.lineEnd(in: block, from: start)
                linesRead += 1
                line(block, start, end, offset: offset, bom: bom)
                start = end + 1
                // The continuation lines of a field no reader needs (most of a record's bytes: the
                // abstract, the references) and blank lines, which `line` would pass over, are
                // passed by their line feeds alone.
                while skippingField, start < block.count, block[start] == 0x20 || block[start] == 0x09 || block[start] == 0x0A {
                    linesRead += 1
                    start = JSONLines.lineEnd(in: block, from: start) + 1
                }
            }
        }

        mutating func close() {
            guard let location = recordLocation else { return }
            result.add(WebOfScienceReader.record(from: fields, location: location, names: &cache))
            fields.removeAll()
            recordLocation = nil
        }

        /// Reads the line `bytes[lineStart..<end]` (`linesRead` is its number), in a block at
        /// file offset `offset` that starts with a byte-order mark of `bom` bytes.
        private mutating func line(_ bytes: UnsafeBufferPointer<UInt8>, _ lineStart: Int, _ end: Int, offset: Int, bom: Int) {
            var lineEnd = end
            while lineEnd > lineStart, bytes[lineEnd - 1] == UInt8(ascii: "\r") || bytes[lineEnd - 1] == UInt8(ascii: " ") { lineEnd -= 1 }
            guard lineEnd > lineStart else { return }
            // Exports joined into one file (`cat`) put the next one's byte-order mark at the start
            // of its `FN` line: outside a record, it is passed over as the file's first is.
            let joined = !inRecord && ByteOrderMark.length(in: bytes, at: lineStart, end: lineEnd) > 0
            let marked = joined || lineStart == bom && bom > 0
            let lineStart = joined ? lineStart + 3 : lineStart
            guard lineEnd > lineStart else { return }
            // Made only for the lines that need one (a record's first, a message's).
            var location: SourceLocation {
                // The byte-order mark is a character of its line: the tag is in column 2.
                SourceLocation(path: path, line: linesRead, column: marked ? 2 : 1, byteOffset: offset + lineStart)
            }
            let first = bytes[lineStart]
            let isContinuation = first == UInt8(ascii: " ") || first == UInt8(ascii: "\t")
            if isContinuation {
                if inRecord, !fields.isEmpty, !skippingField {
                    let line = UnsafeBufferPointer(rebasing: bytes[lineStart..<lineEnd])
                    // A cited reference among the addresses: the line that opened the references
                    // lost its `CR` tag (metaknowledge's `badFile.isi`), and the references would
                    // be read as seventy institutions of one paper. The rest of the field is passed over.
                    if fields.lastCode == Tag.c1, WebOfScienceReader.looksLikeCitedReference(line) {
                        skippingField = true
                        let text = String(decoding: LaTeX.trimmingBlanks(line), as: UTF8.self)
                        result.warning(location, "this line of 'C1' (addresses) reads as a cited reference ('\(text)'): is the 'CR' tag of this line "
                                       + "or one before it missing? The lines up to the next tag are not read as addresses")
                        return
                    }
                    fields.appendCollapsed(line)
                }
                return
            }
            guard lineEnd - lineStart >= 2, WebOfScienceReader.isTagByte(bytes[lineStart]), WebOfScienceReader.isTagByte(bytes[lineStart + 1]),
                  lineEnd - lineStart == 2 || bytes[lineStart + 2] == UInt8(ascii: " ") else {
                if inRecord, !fields.isEmpty, !skippingField {
                    // An untagged line inside a record: a continuation that lost its indent.
                    fields.appendCollapsed(UnsafeBufferPointer(rebasing: bytes[lineStart..<lineEnd]))
                } else if !strayReported {
                    strayReported = true
                    result.warning(location, "text outside a record (records run from 'PT' to 'ER'); ignored")
                }
                return
            }
            // Most of a record's bytes are fields no reader of co-authorship needs (references,
            // abstracts, keywords): those lines, and their continuations, make no string.
            skippingField = inRecord && !WebOfScienceReader.isReadTag(bytes[lineStart], bytes[lineStart + 1], in: readTags)
            if skippingField { return }
            let code = UInt64(bytes[lineStart]) << 8 | UInt64(bytes[lineStart + 1])
            let value = UnsafeBufferPointer(rebasing: bytes[min(lineStart + 3, lineEnd)..<lineEnd])
            switch code {
            case Tag.pt:
                if let open = recordLocation {
                    result.warning(open, "this record has no 'ER' line; the 'PT' at line \(linesRead) ends it")
                    close()
                }
                recordLocation = location
                fields.addCollapsed(code, value)
                strayReported = false
                sawEnd = false
                sawRecord = true
            case Tag.er:
                if inRecord { close() } else if !strayReported {
                    strayReported = true
                    result.warning(location, "'ER' without a record opened by 'PT'; ignored")
                }
            case Tag.ef:
                if let open = recordLocation {
                    result.warning(open, "the last record has no 'ER' line; 'EF' ends it")
                    close()
                }
                sawEnd = true
            case Tag.fn, Tag.vr:
                if inRecord { fields.addCollapsed(code, value) }
            default:
                if !inRecord {
                    if !strayReported {
                        strayReported = true
                        let tag = String(decoding: UnsafeBufferPointer(rebasing: bytes[lineStart..<(lineStart + 2)]), as: UTF8.self)
                        result.error(location, "'\(tag)' outside a record: records start with 'PT'; the lines up to the next 'PT' are skipped")
                    }
                    return
                }
                fields.addCollapsed(code, value)
            }
        }

        /// Closes the last record and says what the end of the file tells.
        mutating func finish() -> Corpus {
            if let open = recordLocation {
                result.warning(open, "the last record has no 'ER' line; the end of the file ends it (is the file truncated?)", failsStrict: true)
                close()
            } else if !sawEnd, result.corpus.records > 0 {
                result.warning(.file(path), "the file does not end with 'EF'; it may be truncated (every record that is there was read)")
            }
            if result.corpus.records == 0, result.corpus.skipped == 0, sawContent {
                result.error(.file(path), "no Web of Science record (a 'PT' line) found; this is not a Web of Science plain-text export")
            }
            return result.corpus
        }
    }

    /// The tab-delimited format: a header row of tags (`PT AU BA … UT`), one record per row,
    /// `;`-separated lists, a UTF-8 byte-order mark or none.
    /// - Complexity: O(n) in the size of the file.
    public static func readTabDelimited(bytes: [UInt8], path: String) -> Corpus {
        var cache = ExportNameCache()
        var fields = TaggedFields()
        return CSVExport.read(bytes: bytes, path: path, delimiter: UInt8(ascii: "\t"), quoting: false,
                       format: "Web of Science tab-delimited", required: ["PT", "AU"],
                       expected: [("PY|EA|PD", "year"), ("DI", "DOI"), ("UT", "Web of Science UT")]) { header, row, location in
            fields.removeAll()
            for (index, name) in header.names.enumerated() where index < row.count {
                let value = ExportValues.trimmed(row[index])
                guard !value.isEmpty else { continue }
                let code = tagCode(name)
                switch name {
                case "AU", "AF", "BA", "BF", "C1":
                    // Lists of one entry per author or affiliation, `;`-separated outside `[…]`.
                    let entries = splitOutsideBrackets(value)
                    guard let first = entries.first else {
                        fields.add(code, EmptyCollection())
                        continue
                    }
                    fields.add(code, first.utf8)
                    for entry in entries.dropFirst() { fields.append(entry.utf8) }
                default:
                    fields.add(code, value.utf8)
                }
            }
            return record(from: fields, location: location, names: &cache)
        }
    }

    /// The most authors among whom an `RI`/`OI` entry's name is looked for by its bytes (beyond,
    /// the cache finds it: a list of a thousand authors would compare a million times).
    private static let listedNameSearch = 64

    /// Whether a line (a continuation of `C1`) has the shape of a cited reference, `Author, Year,
    /// Source, V…, P…` (`Abraham M., 1909, RC CIRC MAT PALERMO, V28, P1`): its second
    /// comma-separated part is a year alone (1600–2099), and a later part is a volume, a page or
    /// a DOI (`, V28`, `, P1`, `, DOI 10.…`). An address's second part is a department, a town or
    /// a postcode (`Univ Sydney, 2006, Sydney, Australia.`), which no volume or page follows.
    static func looksLikeCitedReference(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let comma = line.firstIndex(of: UInt8(ascii: ",")) else { return false }
        var index = comma + 1
        while index < line.count, line[index] == UInt8(ascii: " ") { index += 1 }
        let digits = line[index...].prefix { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
        guard digits.count == 4, let year = Int(String(decoding: digits, as: UTF8.self)), (1600...2099).contains(year) else { return false }
        index += 4
        while index < line.count, line[index] == UInt8(ascii: " ") { index += 1 }
        guard index < line.count, line[index] == UInt8(ascii: ",") else { return false }
        // `, V28`, `, P1`, `, DOI 10.…` after the source.
        for start in (index + 1)..<max(index + 1, line.count - 2) where line[start - 1] == UInt8(ascii: ",") && line[start] == UInt8(ascii: " ") {
            let (a, b) = (line[start + 1], line[start + 2])
            if (a == UInt8(ascii: "V") || a == UInt8(ascii: "P")) && b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") { return true }
            if a == UInt8(ascii: "D"), b == UInt8(ascii: "O"), start + 4 < line.count, line[start + 3] == UInt8(ascii: "I"),
               line[start + 4] == UInt8(ascii: " ") { return true }
        }
        return false
    }

    /// The codes of the tags the readers switch on: `tagCode` of each tag, written out as
    /// constants (computed ones are initialised lazily, a check at every use on every line).
    /// `WebOfScienceTagCodeTests` checks them against `tagCode`.
    enum Tag {
        static let pt: UInt64 = 0x5054, er: UInt64 = 0x4552, ef: UInt64 = 0x4546, fn: UInt64 = 0x464E, vr: UInt64 = 0x5652
        static let af: UInt64 = 0x4146, au: UInt64 = 0x4155, bf: UInt64 = 0x4246, ba: UInt64 = 0x4241
        static let ti: UInt64 = 0x5449, so: UInt64 = 0x534F, py: UInt64 = 0x5059, ea: UInt64 = 0x4541, pd: UInt64 = 0x5044
        static let di: UInt64 = 0x4449, ut: UInt64 = 0x5554, pm: UInt64 = 0x504D, tc: UInt64 = 0x5443, dt: UInt64 = 0x4454
        static let ri: UInt64 = 0x5249, oi: UInt64 = 0x4F49, c1: UInt64 = 0x4331, c3: UInt64 = 0x4333
        /// Every code with its tag.
        static let all: [(String, UInt64)] = [("PT", pt), ("ER", er), ("EF", ef), ("FN", fn), ("VR", vr), ("AF", af), ("AU", au),
                                              ("BF", bf), ("BA", ba), ("TI", ti), ("SO", so), ("PY", py), ("EA", ea), ("PD", pd),
                                              ("DI", di), ("UT", ut), ("PM", pm), ("TC", tc), ("DT", dt), ("RI", ri), ("OI", oi), ("C1", c1),
                                              ("C3", c3)]
    }

    /// Builds the record from its fields, in file order (repeated tags keep the first).
    static func record(from fields: TaggedFields, location: SourceLocation, names cache: inout ExportNameCache) -> ExportRecord {
        fields.bytes.withUnsafeBufferPointer { bytes in
            record(from: fields, bytes: bytes, location: location, names: &cache)
        }
    }

    /// `record(from:location:names:)` with the fields' bytes at hand.
    private static func record(from fields: TaggedFields, bytes: UnsafeBufferPointer<UInt8>, location: SourceLocation,
                               names cache: inout ExportNameCache) -> ExportRecord {
        func value(_ k: Int) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: bytes[fields.range(of: k)]) }
        // A field's values joined by blanks (`body` is not called without the field), and as text
        // with its white space collapsed.
        var joined: [UInt8] = []
        func joinedValues<Result>(_ code: UInt64, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result? {
            guard let field = fields.field(code) else { return nil }
            return fields.withJoinedValues(ofField: field, scratch: &joined, body)
        }
        func text(_ code: UInt64) -> String { joinedValues(code, collapsed) ?? "" }
        /// The first year of a field's values: collapsing their white space would not change a run
        /// of digits, so no string is made.
        func firstYear(_ code: UInt64) -> Int? { joinedValues(code) { BibTeXReader.firstYear($0) } ?? nil }
        /// `TC` as a number: digits alone are read on their bytes, anything else as text.
        func citedBy() -> Int? {
            joinedValues(Tag.tc) { value -> Int? in
                guard (1...18).contains(value.count), value.allSatisfy(isDigit) else { return ExportValues.int(collapsed(value)) }
                return value.reduce(0) { $0 * 10 + Int($1 &- UInt8(ascii: "0")) }
            } ?? nil
        }
        let namesTag = [Tag.af, Tag.au, Tag.bf, Tag.ba].first { fields.values($0)?.contains { !value($0).isEmpty } ?? false }
        let names = namesTag.flatMap { fields.values($0) } ?? 0..<0
        var record = ExportRecord(location: location, expectedAuthors: names.count)
        // Each author's match key comes with the parsed name: the lists below are matched to them.
        var keys: [ExportValues.MatchKey] = []
        keys.reserveCapacity(names.count)
        // Each value's id among the names the cache has read, and its author's index (nil for a
        // value that is no name): an `RI`/`OI` entry's name written with the same bytes is
        // matched through them.
        var listed: [(id: Int, author: Int?)] = []
        listed.reserveCapacity(names.count)
        for k in names {
            let (id, isName) = cache.keyedName(bytes: value(k))
            listed.append((id, isName ? keys.count : nil))
            if isName {
                record.addAuthor(cache.name(ofKeyedName: id))
                keys.append(cache.matchKey(ofKeyedName: id))
            }
        }
        // Web of Science writes the full names of `AF` (`BF`) without the accents that `AU` (`BA`)
        // keeps: `AF Buyukkidik, Serap` beside `AU Büyükkidik, S`. Each author's surname is taken
        // from the short list where it is the same but for its accents (a user trial of session 59
        // found every such name unaccented, where OpenAlex wrote the same person with them).
        if namesTag == Tag.af || namesTag == Tag.bf, let short = fields.values(namesTag == Tag.af ? Tag.au : Tag.ba),
           short.count == names.count {
            for (offset, k) in short.enumerated() {
                guard let author = listed[offset].author else { continue }
                // (Only a surname written in ASCII lost accents; the bytes are looked at first.)
                let written = record.authors[author].last
                let entry = value(k)
                guard entry.contains(where: { $0 >= 0x80 }), !written.utf8.contains(where: { $0 >= 0x80 }) else { continue }
                let surname = ExportValues.trimmed(String(decoding: entry.prefix { $0 != UInt8(ascii: ",") }, as: UTF8.self))
                    .withoutControlCharacters.precomposedStringWithCanonicalMapping
                // (In AF's case: an all-capitals AU beside a mixed-case AF would put capitals in.)
                guard surname != written, surname.unicodeScalars.count >= written.unicodeScalars.count,
                      (surname == surname.uppercased()) == (written == written.uppercased()),
                      NameKey.fold(surname) == NameKey.fold(written) else { continue }
                record.authors[author].last = surname
            }
        }
        /// Where the search of `listedName` starts: after the value the last entry named. The lists
        /// name the authors in their order (skipping some), so most entries are found by their
        /// first comparison (from the first value, three on average on a six-author paper).
        var nextListed = 0
        /// The first value of `names` written with the same bytes as `name`, looked for among a
        /// short list of authors only.
        func listedName(_ name: UnsafeBufferPointer<UInt8>) -> (id: Int, author: Int?)? {
            let count = names.count
            guard count <= Self.listedNameSearch else { return nil }
            var offset = nextListed < count ? nextListed : 0
            for _ in 0..<count {
                let range = fields.range(of: names.lowerBound + offset)
                if range.count == name.count, range.isEmpty || memcmp(bytes.baseAddress! + range.lowerBound, name.baseAddress!, name.count) == 0 {
                    nextListed = offset + 1
                    // Values written with the same bytes have the same id: the first of them.
                    let found = listed[offset]
                    return listed[..<offset].first { $0.id == found.id } ?? found
                }
                offset = offset + 1 == count ? 0 : offset + 1
            }
            return nil
        }
        // For each author, the first with the same folded surname and given names (the one
        // `ExportValues.authorIndex` finds for that name); nil where no two are written alike.
        // The lists of IDs give two authors written alike theirs only by their order (`setIDs`).
        let firstAlike = ExportRecord.firstAlike(keys)
        let matchKeys = ExportValues.MatchKeys(keys, names: record.authors)
        /// The author a name of an `RI`/`OI` entry or a `C1` bracket (its UTF-8 bytes) designates:
        /// `ExportNameCache.authorIndex(ofBytes:in:)`, found through the author list's own value
        /// when the name is written with the same bytes (as these lists write them).
        func authorIndex(ofListed name: UnsafeBufferPointer<UInt8>) -> Int? {
            guard !name.isEmpty, let (id, author) = listedName(name) else { return cache.authorIndex(ofBytes: name, in: matchKeys) }
            let match = cache.plainMatch(ofKeyedName: id)
            if match == .sameKey, let author { return firstAlike?[author] ?? author }
            return cache.authorIndex(of: match, in: matchKeys)
        }
        record.title = text(Tag.ti)
        record.venue = text(Tag.so)
        record.year = firstYear(Tag.py) ?? firstYear(Tag.ea) ?? firstYear(Tag.pd)
        record.doi = ExportValues.doi(text(Tag.di))
        record.extras.ut = text(Tag.ut)
        record.extras.pmid = ExportValues.pmid(text(Tag.pm))
        record.extras.citedBy = citedBy()
        record.key = record.extras.ut.isEmpty ? "record at line \(location.line)" : record.extras.ut
        // `[Anonymous]`, the author Web of Science gives an unsigned item (news, an editorial, a
        // meeting's abstracts), is no one person across papers: each is its own paper's, told
        // apart by the record's key as DBLP tells homonyms apart by a number.
        for author in record.authors.indices where Self.isAnonymous(record.authors[author]) {
            record.authors[author].homonym = record.key
        }
        record.type = type(pt: text(Tag.pt), dt: text(Tag.dt))
        // The record is moved out where it is returned: the local functions below capture it,
        // and returning it as it is copied it (every string and list retained, then released).
        func finished() -> ExportRecord { take(&record, leaving: ExportRecord(location: location)) }
        guard !record.authors.isEmpty else { return finished() }
        var entries: [(author: Int, value: String)] = []
        // The names the lists give authors written with initials alone (`Li, J` listed as
        // `li, jianan/…`): their given names spelled out after the lists (`spellOutInitials`).
        var listedNames: [(author: Int, name: Int)] = []
        for isORCID in [false, true] {
            let code = isORCID ? Tag.oi : Tag.ri
            let kind: AuthorIDs.Kind = isORCID ? .orcid : .researcherID
            entries.removeAll(keepingCapacity: true)
            nextListed = 0
            defer { record.setIDs(entries, of: kind, firstAlike: firstAlike) }
            /// Reads the list `list` (its white space collapsed) on its bytes; false when they
            /// cannot be split as its characters are (`plainIDList`).
            func readPlainList(_ list: UnsafeBufferPointer<UInt8>) -> Bool {
                guard plainIDList(list) else { return false }
                // `name/ID; name/ID` on bytes: the separators are characters of their own, and
                // the joined text's only white space is single blanks.
                Self.forEachEntry(of: list, in: 0..<list.count) { entry in
                    guard let slash = list[entry].lastIndex(of: UInt8(ascii: "/")) else { return }
                    let tail = UnsafeBufferPointer(rebasing: list[(slash + 1)..<entry.upperBound])
                    guard !tail.isEmpty else { return }
                    guard let index = authorIndex(ofListed: UnsafeBufferPointer(rebasing: list[entry.lowerBound..<slash])) else {
                        record.warnings.append(Self.unmatchedEntry(kind, name: String(decoding: UnsafeBufferPointer(rebasing: list[entry.lowerBound..<slash]), as: UTF8.self),
                                                                   id: String(decoding: tail, as: UTF8.self)))
                        return
                    }
                    // One string per distinct ID; an ID wrapped inside has its pieces joined first.
                    func kept(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
                        isORCID ? cache.orcid(bytes: bytes) : cache.researcherID(bytes: bytes)
                    }
                    let id = tail.contains(0x20) ? tail.filter { $0 != 0x20 }.withUnsafeBufferPointer(kept) : kept(tail)
                    if !id.isEmpty {
                        entries.append((index, id))
                    } else {
                        // A mistyped ORCID is left out; the name the list writes still spells out the author's.
                        let name = String(decoding: UnsafeBufferPointer(rebasing: list[entry.lowerBound..<slash]), as: UTF8.self)
                        if let warning = ExportValues.orcidCheckWarning(String(decoding: tail, as: UTF8.self), author: name) { record.warnings.append(warning) }
                    }
                    if Self.hasInitialsOnly(record.authors[index]) {
                        // Parsed once per distinct name, as the author lists' names are.
                        let (name, isName) = cache.keyedName(bytes: UnsafeBufferPointer(rebasing: list[entry.lowerBound..<slash]))
                        if isName { listedNames.append((index, name)) }
                    }
                }
                return true
            }
            // Entries wrap across lines anywhere, even inside an ID: join, then split on `;`.
            joinedValues(code) { raw in
                // Values whose white space is single blanks are joined collapsed: no string made.
                if ByteWord.isSingleSpacedText(raw) {
                    let list = LaTeX.trimmingBlanks(raw)
                    if list.isEmpty || readPlainList(list) { return }
                    readIDs(String(decoding: list, as: UTF8.self), kind: kind, keys: matchKeys, into: &entries, names: &cache,
                            unmatched: &record.warnings)
                    return
                }
                var list = collapsed(raw)
                guard !list.isEmpty, !list.withUTF8(readPlainList) else { return }
                readIDs(list, kind: kind, keys: matchKeys, into: &entries, names: &cache, unmatched: &record.warnings)
            }
        }
        for (author, name) in listedNames { Self.spellOutInitials(of: &record.authors[author], from: cache.name(ofKeyedName: name)) }
        guard let c1 = fields.values(Tag.c1) else { return finished() }
        // Where authors are written alike, the brackets' names are gathered first: they are
        // given to those authors in order (`ExportRecord.addAffiliations(_:firstAlike:)`).
        var mentions: [(author: Int, list: [Affiliation])] = []
        func add(_ list: [Affiliation], to author: Int) {
            if firstAlike == nil { record.addAffiliations(list, to: author) } else { mentions.append((author, list)) }
        }
        // The organisations `C3` names, Web of Science's own names of the addresses' institutions
        // (`University of Trento` for `Univ Trent`), by address or institution where they align.
        let standardNames = joinedValues(Tag.c3) {
            Self.standardNames(ofAddresses: c1.map { Self.addressPart(of: value($0)) }, organisations: String(decoding: $0, as: UTF8.self))
        } ?? nil
        /// `list` with its institution named as `C3` names it, where it does.
        func standardised(_ list: [Affiliation]) -> [Affiliation] {
            guard let standardNames, let first = list.first, let name = standardNames.name(of: first) else { return list }
            var list = list
            list[0].institution = name
            return list
        }
        // Older records give addresses alone: the paper's, whoever's they are.
        var bracketedLines: [Int] = []
        nextListed = 0
        for k in c1 {
            let line = value(k)
            if startsWithBracket(line) {
                bracketedLines.append(k)
                continue
            }
            let paperAddress = standardised([address(String(decoding: line, as: UTF8.self))])[0]
            if !paperAddress.raw.isEmpty { record.extras.addresses.append(paperAddress) }
        }
        /// Reads the line `[names] address` on its bytes: each name is matched as a list of IDs
        /// matches its names, and the address is read once per distinct address (an author's
        /// line recurs with other co-authors, its address with every paper signed there). False
        /// where the brackets and `;` are not characters of their own (`ExportValues.isPlain`),
        /// there is no closing bracket, or the names' white space is not single blanks (as in a
        /// tab-delimited export's): those lines are read as text.
        func readBracketedLine(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
            guard ExportValues.isPlain(line, at: 0), let close = line.firstIndex(of: UInt8(ascii: "]")),
                  ExportValues.isPlain(line, at: close) else { return false }
            guard ByteWord.isSingleSpacedText(UnsafeBufferPointer(rebasing: line[1..<close])) else { return false }
            for index in 1..<close where line[index] == UInt8(ascii: ";") {
                guard ExportValues.isPlain(line, at: index) else { return false }
            }
            let affiliation = standardised(cache.addressList(bytes: UnsafeBufferPointer(rebasing: line[(close + 1)...])) { [address($0)] })
            // `ExportValues.list` of the names.
            Self.forEachEntry(of: line, in: 1..<close) { name in
                if let author = authorIndex(ofListed: UnsafeBufferPointer(rebasing: line[name])) { add(affiliation, to: author) }
            }
            return true
        }
        for k in bracketedLines {
            // `[Aria, Massimo; Cuccurullo, Corrado] Univ Naples Federico II, Naples, Italy.`
            if readBracketedLine(value(k)) { continue }
            // Else as text (a line of this kind is rare: it is read each time it comes).
            guard let (unnamed, names) = bracketed(String(decoding: value(k), as: UTF8.self)) else { continue }
            let affiliation = standardised([unnamed])[0]
            for name in names {
                if let index = cache.authorIndex(of: name, in: matchKeys) { add([affiliation], to: index) }
            }
        }
        if let firstAlike, !mentions.isEmpty { record.addAffiliations(mentions, firstAlike: firstAlike) }
        return finished()
    }

    /// The text of a `C1` line after its bracket of names, if any.
    private static func addressPart(of line: UnsafeBufferPointer<UInt8>) -> String {
        let text = String(decoding: line, as: UTF8.self)
        guard text.hasPrefix("["), let close = text.firstIndex(of: "]") else { return text }
        return String(text[text.index(after: close)...])
    }

    /// The institutions of a record's addresses as its `C3` field names them (Web of Science's
    /// "organization-enhanced" names: `University of Naples Federico II` for `Univ Napoli
    /// Federico II`). `C3` lists one name per distinct institution of the addresses, or per
    /// distinct address, in their order, and leaves out those Web of Science does not know, without
    /// saying which: the names are given by place where the count of the distinct institutions
    /// (else of the distinct addresses) is theirs, and none where neither is, or where an address's
    /// institution is by its words another place's name and not its own (the list is then not in
    /// the addresses' order). Read so, `Univ Trent` and `Univ Trento` are one node, `SW Univ
    /// Nationalities` is `Southwest Minzu University` (a user trial of session 61 found three
    /// nodes of two institutions in one export).
    struct StandardNames {
        /// The `C3` name of each institution key (`Institutions.key`) or address.
        var byInstitution: [String: String] = [:]
        var byAddress: [String: String] = [:]

        /// The name of `affiliation`'s institution, where `C3` gives one.
        func name(of affiliation: Affiliation) -> String? {
            byAddress[affiliation.raw] ?? byInstitution[Institutions.key(affiliation.institution)]
        }
    }

    /// `StandardNames` of the addresses `addresses` (the text of each `C1` line after its
    /// bracket) and the joined `C3` value `organisations`; nil where they do not align.
    static func standardNames(ofAddresses addresses: [String], organisations: String) -> StandardNames? {
        let names = ExportValues.list(LaTeX.collapseWhitespace(organisations))
            .map { ExportValues.trimmed($0) }.filter { !$0.isEmpty }
        guard !names.isEmpty else { return nil }
        // The distinct institutions and addresses in order, each address with its institution.
        var institutions: [String] = [], raws: [(raw: String, key: String, name: String)] = []
        var seenKeys = Set<String>(), seenRaws = Set<String>()
        for text in addresses {
            let affiliation = address(text)
            let key = Institutions.key(affiliation.institution)
            guard !key.isEmpty else { continue }
            if seenKeys.insert(key).inserted { institutions.append(key) }
            if seenRaws.insert(affiliation.raw).inserted { raws.append((affiliation.raw, key, affiliation.institution)) }
        }
        var standard = StandardNames()
        if institutions.count == names.count {
            for (key, name) in zip(institutions, names) { standard.byInstitution[key] = name }
        } else if raws.count == names.count {
            for (address, name) in zip(raws, names) { standard.byAddress[address.raw] = name }
        } else {
            return nil
        }
        // Out of order where an address's institution is by its words some name and not the one
        // its place gives it: every address is judged (a parent organisation, `University of
        // California System`, after a campus gave a second address of the campus its name: a
        // review of session 61). Names that are one name share their abbreviated key, so each
        // address is compared with those of its own key alone.
        var namesOfKey: [String: [Int]] = [:]
        for (index, name) in names.enumerated() { namesOfKey[Institutions.abbreviatedKey(name), default: []].append(index) }
        let words = names.map(Institutions.significantWords)
        for address in raws {
            let own = Institutions.significantWords(address.name)
            let matching = (namesOfKey[Institutions.abbreviatedKey(address.name)] ?? []).filter { Institutions.areOneName(own, words[$0]) }
            let given = standard.byAddress[address.raw] ?? standard.byInstitution[address.key]
            if !matching.isEmpty, !matching.contains(where: { names[$0] == given }) { return nil }
        }
        return standard
    }

    /// Whether `name` has given names and all of them are initials (`Li, J`, `Clancy, E. A.`).
    /// Asked of every entry of the `RI` and `OI` lists: ASCII given names (nearly all) are read
    /// on their bytes, split as `NameKey.givenTokens` splits them, without its list of substrings
    /// (a tenth of the record's time on a generated export whose every author has both lists).
    static func hasInitialsOnly(_ name: PersonName) -> Bool {
        var given = name.first
        let ascii = given.withUTF8 { bytes -> Bool? in
            var (tokens, length) = (0, 0)
            for byte in bytes {
                guard byte < 0x80 else { return nil }
                if isWhitespace(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-") {
                    length = 0
                } else {
                    length += 1
                    if length == 1 { tokens += 1 } else { return false }
                }
            }
            return tokens > 0
        }
        if let ascii { return ascii }
        let tokens = NameKey.givenTokens(given)
        return !tokens.isEmpty && tokens.allSatisfy { $0.count == 1 }
    }

    /// Spells out the initials of `author` with the given names of `listed`, the name an `RI`
    /// or `OI` list gives them (a researcher's own profile: `li, jianan/…` for `Li, J`), where
    /// the surnames fold alike and the listed given names start with those initials. A list
    /// written in lower case is capitalised word by word; the author's surname is kept. So the
    /// person is `Jianan Li`, whom the name rules no longer take for `John Li`.
    static func spellOutInitials(of author: inout PersonName, from listed: PersonName) {
        var scratch: [UInt8] = []
        let (short, full) = (NameKey.foldedGivenTokens(author.first, scratch: &scratch), NameKey.foldedGivenTokens(listed.first, scratch: &scratch))
        guard full.contains(where: { $0.count > 1 }), NameKey.fold(author.von + author.last) == NameKey.fold(listed.von + listed.last),
              AuthorResolver.subsumes(full, short) else { return }
        let lowerCase = !listed.first.contains { $0.isUppercase }
        author.first = lowerCase ? listed.first.split(separator: " ").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ") : listed.first
    }

    /// Whether `name` is Web of Science's `[Anonymous]` (any case).
    static func isAnonymous(_ name: PersonName) -> Bool {
        name.first.isEmpty && name.homonym.isEmpty && name.last.utf8.count == 11 && name.last.lowercased() == "[anonymous]"
    }

    /// `LaTeX.collapseWhitespace` of the UTF-8 `bytes`, without a string made for its input.
    private static func collapsed(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        for byte in bytes where byte == 0xC2 || (byte >= 0xE1 && byte <= 0xE3) {
            return LaTeX.collapseWhitespace(String(decoding: bytes, as: UTF8.self))
        }
        return LaTeX.collapseASCIIWhitespace(bytes)
    }

    /// Whether a `C1` line starts with the character `[` (not with `[` and a combining mark).
    private static func startsWithBracket(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        guard line.first == UInt8(ascii: "[") else { return false }
        if line.count == 1 || line[1] < 0x80 { return true }
        return String(decoding: line, as: UTF8.self).hasPrefix("[")
    }

    /// Calls `body` with each part of `bytes[range]` between `;`, trimmed of blanks, that is not
    /// empty: `ExportValues.list` on bytes whose `;` are characters of their own and whose white
    /// space is single blanks (an `RI`/`OI` list's entries, a `C1` bracket's names).
    private static func forEachEntry(of bytes: UnsafeBufferPointer<UInt8>, in range: Range<Int>, _ body: (Range<Int>) -> Void) {
        var start = range.lowerBound
        for end in range.lowerBound...range.upperBound where end == range.upperBound || bytes[end] == UInt8(ascii: ";") {
            var (from, to) = (start, end)
            start = end + 1
            while from < to, bytes[from] == 0x20 { from += 1 }
            while to > from, bytes[to - 1] == 0x20 { to -= 1 }
            if from < to { body(from..<to) }
        }
    }

    /// Whether the `;` and `/` of an `RI`/`OI` list are characters of their own and each ID
    /// after a `/` is ASCII, so that the list splits on bytes as it does on characters.
    private static func plainIDList(_ list: UnsafeBufferPointer<UInt8>) -> Bool {
        var lastSlash: Int? = nil
        for index in 0...list.count {
            if index == list.count || list[index] == UInt8(ascii: ";") {
                if index < list.count, !ExportValues.isPlain(list, at: index) { return false }
                if let slash = lastSlash, list[(slash + 1)..<index].contains(where: { $0 >= 0x80 }) { return false }
                lastSlash = nil
            } else if list[index] == UInt8(ascii: "/") {
                guard ExportValues.isPlain(list, at: index) else { return false }
                lastSlash = index
            }
        }
        return true
    }

    /// An `RI`/`OI` list whose separators may join neighbouring characters, read by characters.
    private static func readIDs(_ joined: String, kind: AuthorIDs.Kind, keys: ExportValues.MatchKeys,
                                into entries: inout [(author: Int, value: String)], names cache: inout ExportNameCache,
                                unmatched: inout [String]) {
        let plain = ExportValues.isPlain(joined, separators: [UInt8(ascii: "/")])
        for entry in ExportValues.list(joined) {
            let utf8 = entry.utf8
            let slash: String.Index
            if plain {
                guard let found = utf8.lastIndex(of: UInt8(ascii: "/")) else { continue }
                slash = found
            } else {
                guard let found = entry.lastIndex(of: "/") else { continue }
                slash = found
            }
            let name = String(entry[..<slash])
            let tail = entry[entry.index(after: slash)...]
            let id = tail.utf8.allSatisfy({ $0 < 0x80 })
                ? String(decoding: tail.utf8.filter { $0 != UInt8(ascii: " ") }, as: UTF8.self)
                : String(tail).filter { $0 != " " }
            guard !id.isEmpty else { continue }
            guard let index = cache.authorIndex(of: name, in: keys) else {
                unmatched.append(unmatchedEntry(kind, name: name, id: id))
                continue
            }
            guard kind == .orcid else {
                entries.append((index, id))
                continue
            }
            let orcid = ExportValues.orcid(id)
            guard !orcid.isEmpty else {
                if let warning = ExportValues.orcidCheckWarning(id, author: name) { unmatched.append(warning) }
                continue
            }
            entries.append((index, orcid))
        }
    }

    /// The warning for an `RI`/`OI` entry whose name is no author of the record that the rules of
    /// `ExportValues.authorIndex` can find (a name changed, or two authors it could be): its ID is
    /// given to nobody, and said so (a user trial of session 60 found ORCIDs lost in silence).
    static func unmatchedEntry(_ kind: AuthorIDs.Kind, name: String, id: String) -> String {
        "the \(kind == .orcid ? "ORCID" : "ResearcherID") list (\(kind == .orcid ? "OI" : "RI")) names '\(ExportValues.trimmed(name))', "
            + "whom no one author of this record fits; its ID \(ExportValues.trimmed(id)) is left out"
    }

    /// A `C1` line `[names] address`: the affiliation and the names, or nil without a closing bracket.
    private static func bracketed(_ line: String) -> (Affiliation, [String])? {
        guard let close = line.firstIndex(of: "]") else { return nil }
        return (address(String(line[line.index(after: close)...])),
                ExportValues.list(String(line[line.index(after: line.startIndex)..<close])))
    }

    /// The affiliation of a `C1` address (a line without brackets, or what follows the bracket):
    /// the address trimmed, its first comma-separated part as the institution, its last (without
    /// a final period) as the country. Read on its bytes where the commas and periods are
    /// characters of their own (`ExportValues.isPlain`).
    static func address(_ text: String) -> Affiliation {
        var raw = ExportValues.trimmed(text)
        var institution = ""
        var country = ""
        if ExportValues.isPlain(raw, separators: [UInt8(ascii: ","), UInt8(ascii: ".")]) {
            raw.withUTF8 { address in
                // The first and the last non-empty comma-separated parts.
                var parts: [Range<Int>] = []
                var start = 0
                for index in 0...address.count where index == address.count || address[index] == UInt8(ascii: ",") {
                    if index > start {
                        if parts.count == 2 { parts[1] = start..<index } else { parts.append(start..<index) }
                    }
                    start = index + 1
                }
                guard let first = parts.first, let last = parts.last else { return }
                institution = ExportValues.trimmed(String(decoding: UnsafeBufferPointer(rebasing: address[first]), as: UTF8.self))
                let place = address[last.upperBound - 1] == UInt8(ascii: ".") ? last.lowerBound..<(last.upperBound - 1) : last
                country = ExportValues.trimmed(String(decoding: UnsafeBufferPointer(rebasing: address[place]), as: UTF8.self))
            }
        } else {
            let parts = raw.split(separator: ",")
            institution = parts.first.map { ExportValues.trimmed($0) } ?? ""
            country = parts.last.map { ExportValues.trimmed($0.hasSuffix(".") ? $0.dropLast() : $0) } ?? ""
        }
        return Affiliation(raw: raw, institution: institution, country: country)
    }

    /// A tag of one or two ASCII bytes as a number; longer or other tags (which no reader asks
    /// for) all share `UInt64.max`.
    @inline(__always) static func tagCode(_ tag: String) -> UInt64 {
        let utf8 = tag.utf8
        guard utf8.count <= 2, utf8.allSatisfy({ $0 < 0x80 }) else { return .max }
        return utf8.reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
    }

    /// `J` journal, `B` book, `S` series, `P` patent; `DT` says proceedings papers.
    private static func type(pt: String, dt: String) -> String {
        // ASCII text is searched by bytes (no other character lower-cases to these letters).
        if dt.utf8.allSatisfy({ $0 < 0x80 }) && pt.utf8.allSatisfy({ $0 < 0x80 }) {
            if containsASCIIIgnoringCase(dt, "proceedings paper") { return "inproceedings" }
            switch pt.utf8.count == 1 ? pt.utf8.first! & ~0x20 : 0 {
            case UInt8(ascii: "B"): return containsASCIIIgnoringCase(dt, "chapter") ? "incollection" : "book"
            case UInt8(ascii: "P"): return "patent"
            default: return "article"
            }
        }
        if dt.lowercased().contains("proceedings paper") { return "inproceedings" }
        switch pt.uppercased() {
        case "B": return dt.lowercased().contains("chapter") ? "incollection" : "book"
        case "P": return "patent"
        default: return "article"
        }
    }

    /// Whether ASCII `text` contains the lower-case ASCII `needle`, ignoring case.
    private static func containsASCIIIgnoringCase(_ text: String, _ needle: StaticString) -> Bool {
        let pattern = UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
        var text = text
        return text.withUTF8 { bytes in
            guard bytes.count >= pattern.count else { return false }
            for start in 0...(bytes.count - pattern.count) {
                var k = 0
                while k < pattern.count, bytes[start + k] == pattern[k] || (isASCIILetter(pattern[k]) && bytes[start + k] | 0x20 == pattern[k]) { k += 1 }
                if k == pattern.count { return true }
            }
            return false
        }
    }

    /// `a; [b; c] d; e` → [`a`, `[b; c] d`, `e`].
    static func splitOutsideBrackets(_ text: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var depth = 0
        for char in text {
            if char == "[" { depth += 1 } else if char == "]" { depth = max(0, depth - 1) }
            if char == ";" && depth == 0 {
                let part = ExportValues.trimmed(current)
                if !part.isEmpty { parts.append(part) }
                current = ""
            } else {
                current.append(char)
            }
        }
        let part = ExportValues.trimmed(current)
        if !part.isEmpty { parts.append(part) }
        return parts
    }

    /// The tags a reader reads (`readTags(keepingText:)`), as a table for `isReadTag`.
    private typealias TagTable = [UInt64]

    /// The tags the reader reads, and those that structure the file (`PT`, `ER`, `EF`, `FN`,
    /// `VR`); the title, journal and DOI (`TI`, `SO`, `DI`) only when `keepingText`. Made once per
    /// parser (a static table is initialised lazily: a check at every use).
    private static func readTags(keepingText: Bool) -> TagTable {
        keepingText ? zip(usedTags, textTags).map { $0 | $1 } : usedTags
    }

    /// Whether the tag `a b` (two tag bytes: `isTagByte`) is one of `tags`. Asked of every
    /// tagged line: the first byte picks a word of the table, the second a bit of it.
    @inline(__always) private static func isReadTag(_ a: UInt8, _ b: UInt8, in tags: TagTable) -> Bool {
        tags[Int(a)] & UInt64(1) << UInt64(b &- UInt8(ascii: "0")) != 0
    }

    private static let usedTags = tagBits(["PT", "ER", "EF", "FN", "VR", "AU", "AF", "BA", "BF", "PY", "EA", "PD", "UT", "PM",
                                           "TC", "DT", "RI", "OI", "C1", "C3"])
    private static let textTags = tagBits(["TI", "SO", "DI"])

    /// For each ASCII first byte, a word with bit `b - "0"` set for each tag of `tags` whose second byte is `b`.
    private static func tagBits(_ tags: [String]) -> [UInt64] {
        var bits = [UInt64](repeating: 0, count: 128)
        for tag in tags {
            let bytes = Array(tag.utf8)
            bits[Int(bytes[0])] |= 1 << UInt64(bytes[1] - UInt8(ascii: "0"))
        }
        return bits
    }

    @inline(__always) private static func isTagByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }
}
