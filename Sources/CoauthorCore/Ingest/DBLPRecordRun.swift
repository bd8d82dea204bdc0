import Foundation

/// A run of whole DBLP records, read in one pass over its bytes: the fast path of
/// `DBLPXMLReader`, which hands each core its own run.
///
/// It reads only the plain form that DBLP writes (record elements between the root's tags,
/// fields with text, entities and inline markup such as `<i>`), jumping from `<` to `<` with
/// `memchr`, decoding entities only where a `&` occurs and interning author names straight from
/// their bytes. Anything else (comments, CDATA, processing instructions, self-closing tags,
/// mismatched or unknown markup, a bad entity, invalid UTF-8, a key read in an earlier run)
/// makes it give up, and `DBLPXMLScanner` reads the same bytes instead, with all its checks and
/// diagnostics: what the fast path produces is exactly what the scanner would for those bytes.
struct DBLPRecordRun: Sendable {
    /// The run's publications, located in the whole file (moved out whole by the scanner).
    var publications = MovablePublications()
    /// Per publication, its authors as lane-encoded name ids (`DBLPNameLanes`).
    var authorIDs: [Int32] = []
    var authorCounts: [Int32] = []
    /// The hashes of the record keys (`DBLPXMLScanner.keyHash`) in the order records bring them,
    /// for duplicate detection across runs.
    var keyHashes: [UInt64] = []
    /// Records that repeated a key read before in the run, and their warnings.
    var duplicates = 0
    /// Records skipped: those whose key another paper (another title) has.
    var skipped = 0
    var diagnostics: [Diagnostic] = []
    var personRecords: [PersonRecord] = []
    /// Record elements seen (`www` excluded).
    var records = 0
    /// Line breaks in the bytes read.
    var newlines = 0
    /// Bytes read: all of them, or those before an end tag between records (the root's).
    var consumed = 0

    /// Moves every location read `lines` lines down (a run read from a line it assumed).
    mutating func shiftLines(by lines: Int) {
        guard lines != 0 else { return }
        publications.shiftLines(by: lines)
        for k in diagnostics.indices { diagnostics[k].location?.line += lines }
        for k in personRecords.indices { personRecords[k].location.line += lines }
    }

    /// The record element names, as the types publications carry.
    private static let elementNames: [String] = ["article", "inproceedings", "proceedings", "book", "incollection",
                                                 "phdthesis", "mastersthesis", "www"]
    private static let wwwKind = 7

    /// Whether `name` is a record element (a publication's or `www`).
    static func isRecordElement(_ name: UnsafeBufferPointer<UInt8>) -> Bool { recordKind(name) != nil }

    /// Which of `elementNames` `name` is.
    static func recordKind(_ name: UnsafeBufferPointer<UInt8>) -> Int? {
        func equals(_ literal: StaticString) -> Bool {
            name.count == literal.utf8CodeUnitCount && memcmp(name.baseAddress!, literal.utf8Start, name.count) == 0
        }
        switch name.count {
        case 3: return equals("www") ? 7 : nil
        case 4: return equals("book") ? 3 : nil
        case 7: return equals("article") ? 0 : nil
        case 9: return equals("phdthesis") ? 5 : nil
        case 11: return equals("proceedings") ? 2 : nil
        case 12: return equals("incollection") ? 4 : nil
        case 13: return equals("inproceedings") ? 1 : equals("mastersthesis") ? 6 : nil
        default: return nil
        }
    }

    private enum Field {
        case author, title, year, journal, booktitle, publisher, school, ee, other
    }

    /// Reads `bytes`, which start at line `line` (column 1) and byte `offset` of the file at `path`
    /// and must hold whole records only; nil when they are not in the plain form (see above).
    /// - Parameters:
    ///   - latin1: the file declared a single-byte encoding; bytes from 0x80 are Latin-1 characters.
    ///   - keepingText: false leaves out each publication's key, title, venue, DOI and author
    ///     names; their bytes are still read and checked, so the run gives up exactly when it would.
    ///   - names: the lane's name table, extended with the names first seen here.
    /// - Complexity: O(n) in the number of bytes, plus the parsing of each new author spelling.
    static func read(_ bytes: UnsafeBufferPointer<UInt8>, path: String, line: Int, offset: Int, latin1: Bool,
                     keepingText: Bool = true, names: inout DBLPNameLanes.Lane) -> DBLPRecordRun? {
        var reader = Reader(bytes: bytes, path: path, line: line, offset: offset, latin1: latin1, keepingText: keepingText)
        // The lane is read and written from a local of this thread while the run lasts: the
        // lanes lie side by side in one array, and a lane written back through `names` after
        // every name shared a line of the cache with the next core's lane.
        var lane = DBLPNameLanes.Lane(lane: names.lane, laneCount: names.laneCount, expected: 1)
        swap(&lane, &names)
        defer { swap(&lane, &names) }
        return reader.readAll(names: &lane) ? reader.run : nil
    }

    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        let base: UnsafePointer<UInt8>
        let count: Int
        let path: String
        let offset: Int
        let latin1: Bool
        let keepingText: Bool
        var run = DBLPRecordRun()
        /// Line breaks are counted lazily: `line` is the line of `bytes[counted]`.
        var line: Int
        let startLine: Int
        var counted = 0
        var lastNewline = -1
        var text: [UInt8] = []
        /// Sized for a key per 256 bytes (DBLP's records are longer), so that it rarely grows.
        var keyTable: ByteKeyTable
        /// Per key of `keyTable`, the `DBLPXMLScanner.titleHash` of the record that brought it.
        var keyTitles: [UInt64] = []
        /// The record's first title's `DBLPXMLScanner.titleHash`, 0 until one is read.
        var titleHash: UInt64 = 0
        var venueTable = ByteKeyTable(expected: 256)
        var venues: [String] = []
        var ids: [Int32] = []
        var wwwNames: [PersonName] = []
        /// The record's authors, interned when it ends (`internAuthors`): their bytes in the
        /// block, or in `decodedAuthors` when their entities were decoded, and their hashes, whose
        /// table slots were prefetched meanwhile.
        var authorSpans: [(start: Int, length: Int, hash: UInt64, decoded: Bool)] = []
        var decodedAuthors: [UInt8] = []

        init(bytes: UnsafeBufferPointer<UInt8>, path: String, line: Int, offset: Int, latin1: Bool, keepingText: Bool) {
            self.bytes = bytes
            self.keepingText = keepingText
            self.base = bytes.baseAddress ?? UnsafePointer(bitPattern: 1)!
            self.count = bytes.count
            self.path = path
            self.line = line
            self.startLine = line
            self.offset = offset
            self.latin1 = latin1
            keyTable = ByteKeyTable(expected: max(64, bytes.count / 256))
            text.reserveCapacity(256)
            // Room for a record per 256 bytes (DBLP's are longer) and four authors each, so that
            // the run's lists are not copied as they grow.
            let records = max(16, bytes.count / 256)
            run.publications.reserveCapacity(records)
            run.keyHashes.reserveCapacity(records)
            keyTitles.reserveCapacity(records)
            run.authorCounts.reserveCapacity(records)
            run.authorIDs.reserveCapacity(4 * records)
        }

        /// The index of the next `<` from `start`, or `count`.
        @inline(__always) func nextTagStart(_ start: Int) -> Int {
            guard start < count, let found = memchr(base + start, 0x3C, count - start) else { return count }
            return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }

        /// The index just past the `>` closing the tag that starts at `start`, with quoted values
        /// skipped; nil when a `<` comes first or the run ends.
        func tagEnd(_ start: Int) -> Int? {
            var index = start + 1
            var quote: UInt8 = 0
            while index < count {
                let byte = base[index]
                if quote != 0 {
                    if byte == quote { quote = 0 }
                } else if byte == 0x3E {
                    return index + 1
                } else if byte == 0x22 || byte == 0x27 {
                    quote = byte
                } else if byte == 0x3C {
                    return nil
                }
                index += 1
            }
            return nil
        }

        /// The end of the element name that starts at `start` (before white space, `/` or `>`).
        @inline(__always) func nameEnd(_ start: Int, limit: Int) -> Int {
            var index = start
            while index < limit {
                let byte = base[index]
                if isWhitespace(byte) || byte == 0x2F || byte == 0x3E { break }
                index += 1
            }
            return index
        }

        /// Byte comparison in line: names are a few bytes long, shorter than a call to `memcmp` costs.
        @inline(__always) func equal(_ a: Int, _ b: Int, length: Int) -> Bool {
            var k = 0
            while k < length {
                if base[a &+ k] != base[b &+ k] { return false }
                k &+= 1
            }
            return true
        }

        /// Whether the tag at `index` (a `<`) is exactly the end tag `</name>` of the element
        /// whose name is `bytes[name..<name + length]`.
        @inline(__always) func isEndTag(_ index: Int, name: Int, length: Int) -> Bool {
            index + length + 2 < count && base[index + 1] == 0x2F && equal(index + 2, name, length: length)
                && base[index + 2 + length] == 0x3E
        }

        func bytesEqual(_ start: Int, _ end: Int, _ literal: StaticString) -> Bool {
            let length = literal.utf8CodeUnitCount
            guard end - start == length else { return false }
            let text = literal.utf8Start
            var k = 0
            while k < length {
                if base[start &+ k] != text[k] { return false }
                k &+= 1
            }
            return true
        }

        /// Which of the record elements `bytes[start..<end]` names.
        func recordKind(_ start: Int, _ end: Int) -> Int? {
            DBLPRecordRun.recordKind(UnsafeBufferPointer(start: base + start, count: end - start))
        }

        func field(_ start: Int, _ end: Int) -> Field {
            switch end - start {
            case 2: return bytesEqual(start, end, "ee") ? .ee : .other
            case 4: return bytesEqual(start, end, "year") ? .year : .other
            case 5: return bytesEqual(start, end, "title") ? .title : .other
            case 6:
                if bytesEqual(start, end, "author") { return .author }
                return bytesEqual(start, end, "school") ? .school : .other
            case 7: return bytesEqual(start, end, "journal") ? .journal : .other
            case 9:
                if bytesEqual(start, end, "booktitle") { return .booktitle }
                return bytesEqual(start, end, "publisher") ? .publisher : .other
            default: return .other
            }
        }

        /// Line and column of `index`, as the scanner counts them (columns in characters).
        mutating func location(of index: Int) -> SourceLocation {
            var k = counted
            while k < index {
                guard let found = memchr(base + k, 0x0A, index - k) else { break }
                let at = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                line += 1
                lastNewline = at
                k = at + 1
            }
            counted = index
            var column = 1
            var c = lastNewline + 1
            if latin1 {
                column += index - c
            } else {
                while c < index {
                    if base[c] & 0xC0 != 0x80 { column += 1 }
                    c += 1
                }
            }
            return SourceLocation(path: path, line: line, column: column, byteOffset: offset + index)
        }

        mutating func readAll(names: inout DBLPNameLanes.Lane) -> Bool {
            var index = 0
            while true {
                while index < count && isWhitespace(base[index]) { index += 1 }
                if index == count { break }
                guard base[index] == 0x3C else { return false }
                if index + 1 < count && base[index + 1] == 0x2F { break }
                guard let next = readRecord(at: index, names: &names) else { return false }
                index = next
            }
            run.consumed = index
            _ = location(of: index)
            run.newlines = line - startLine
            return true
        }

        /// Reads the record whose start tag is at `start`; returns the index past its end tag.
        mutating func readRecord(at start: Int, names: inout DBLPNameLanes.Lane) -> Int? {
            guard let openEnd = tagEnd(start), base[openEnd - 2] != 0x2F else { return nil }
            let elementEnd = nameEnd(start + 1, limit: openEnd - 1)
            guard let kind = recordKind(start + 1, elementEnd) else { return nil }
            guard let key = recordKey(elementEnd, openEnd - 1) else { return nil }
            // The key's slot in a table of a run's keys (megabytes) is a cache miss: it loads
            // while the record is read, and the key goes in at the end.
            let keyHash = key.isEmpty ? 0 : FNV1a.hash(UnsafeBufferPointer(start: base + key.lowerBound, count: key.count))
            if !key.isEmpty { keyTable.prefetch(hash: keyHash) }
            let location = location(of: start)
            let www = kind == wwwKind
            if !www { run.records += 1 }
            ids.removeAll(keepingCapacity: true)
            titleHash = 0
            wwwNames.removeAll(keepingCapacity: true)
            authorSpans.removeAll(keepingCapacity: true)
            decodedAuthors.removeAll(keepingCapacity: true)
            var fields = DBLPFields()
            var index = openEnd
            while true {
                index = nextTagStart(index)
                guard index + 1 < count else { return nil }
                if base[index + 1] == 0x2F {
                    // The record's end tag, exactly `</name>`.
                    let length = elementEnd - start - 1
                    guard isEndTag(index, name: start + 1, length: length) else { return nil }
                    index += length + 3
                    break
                }
                guard let fieldEnd = tagEnd(index), base[fieldEnd - 2] != 0x2F else { return nil }
                let fieldNameEnd = nameEnd(index + 1, limit: fieldEnd - 1)
                guard fieldNameEnd > index + 1, isASCIILetter(base[index + 1]) else { return nil }
                let kindOfField = field(index + 1, fieldNameEnd)
                let nameLength = fieldNameEnd - index - 1
                // The usual field: text straight up to its own end tag, nothing to decode (no
                // entity, no Latin-1), read where it lies instead of being copied out.
                let close = nextTagStart(fieldEnd)
                if isEndTag(close, name: index + 1, length: nameLength),
                   kindOfField == .other || (!latin1 && memchr(base + fieldEnd, 0x26, close - fieldEnd) == nil) {
                    index = close + nameLength + 3
                    if kindOfField == .other { continue }
                    guard take(kindOfField, UnsafeBufferPointer(start: base + fieldEnd, count: close - fieldEnd), inPlace: true,
                               into: &fields, names: names) else { return nil }
                    continue
                }
                text.removeAll(keepingCapacity: true)
                guard let after = readContent(from: fieldEnd, name: index + 1, nameLength: nameLength,
                                              keep: kindOfField != .other) else { return nil }
                index = after
                if kindOfField == .other { continue }
                // `take` reads the decoded text while it changes the reader: the text is moved out meanwhile.
                var decoded: [UInt8] = []
                swap(&decoded, &text)
                defer { swap(&decoded, &text) }
                guard decoded.withUnsafeBufferPointer({ take(kindOfField, $0, inPlace: false, into: &fields, names: names) }) else { return nil }
            }
            internAuthors(www: www, names: &names)
            if www {
                if wwwNames.count > 1 { run.personRecords.append(PersonRecord(names: wwwNames, location: location)) }
                return index
            }
            var keyText = ""
            if !key.isEmpty {
                let keyBytes = UnsafeBufferPointer(start: base + key.lowerBound, count: key.count)
                if keepingText { keyText = String(decoding: keyBytes, as: UTF8.self) }
                let (id, isNew) = keyTable.findOrInsert(keyBytes, hash: keyHash)
                guard isNew else {
                    let sameTitle = keyTitles[id] == titleHash
                    if sameTitle { run.duplicates += 1 } else { run.skipped += 1 }
                    run.diagnostics.append(DBLPXMLScanner.repeatedKeyDiagnostic(String(decoding: keyBytes, as: UTF8.self),
                                                                                sameTitle: sameTitle, at: location))
                    return index
                }
                keyTitles.append(titleHash)
                run.keyHashes.append(keyHash)
            }
            guard !ids.isEmpty else { return index }
            // (The key's string only for a record warned about: the others make none.)
            if fields.year == nil, fields.unreadableYear != nil,
               let warning = fields.unreadableYearWarning(key: String(decoding: UnsafeBufferPointer(start: base + key.lowerBound, count: key.count), as: UTF8.self),
                                                          at: location) {
                run.diagnostics.append(warning)
            }
            run.authorIDs += ids
            run.authorCounts.append(Int32(ids.count))
            let type = DBLPRecordRun.elementNames[kind]
            run.publications.append(keepingText
                ? fields.publication(key: keyText, type: type, authors: ids.map { names.name($0) }, location: location)
                : fields.publicationWithoutText(type: type, authorCount: ids.count, location: location))
            return index
        }

        /// Takes the text of a field the reader keeps (`content`, entities decoded) into the
        /// record: an author into `authorSpans`, the year, and, when keeping text, the title,
        /// venue and DOI; false when the text is not valid UTF-8.
        /// - Parameter inPlace: `content` lies in the block, where it stays while the record is read.
        mutating func take(_ field: Field, _ content: UnsafeBufferPointer<UInt8>, inPlace: Bool, into fields: inout DBLPFields,
                           names: borrowing DBLPNameLanes.Lane) -> Bool {
            let ascii = Self.isASCII(content)
            if !ascii && !latin1 && firstInvalidUTF8Offset(content) != nil { return false }
            switch field {
            case .author:
                let hash = FNV1a.hash(content)
                names.interner.prefetch(hash: hash)
                if inPlace {
                    authorSpans.append((base.distance(to: content.baseAddress ?? base), content.count, hash, false))
                } else {
                    authorSpans.append((decodedAuthors.count, content.count, hash, true))
                    decodedAuthors.append(contentsOf: content)
                }
            case .year:
                // White space and NFC, which the other fields' text goes through, change no ASCII digit.
                fields.takeYear(content)
            case .title where titleHash == 0:
                // Composed as the scanner composes its text (NFC), so both paths tell a copy alike.
                if ascii || latin1 {
                    titleHash = DBLPXMLScanner.titleHash(content)
                } else {
                    titleHash = DBLPXMLScanner.titleHash(String(decoding: content, as: UTF8.self).precomposedStringWithCanonicalMapping)
                }
                if keepingText { fields.title = Self.fieldText(content, ascii: ascii) }
            case _ where !keepingText:
                break
            case .title:
                break  // a second title: the first is kept
            case .journal: if fields.journal == nil { fields.journal = venueName(content, ascii) }
            case .booktitle: if fields.booktitle == nil { fields.booktitle = venueName(content, ascii) }
            case .publisher: if fields.publisher == nil { fields.publisher = venueName(content, ascii) }
            case .school: if fields.school == nil { fields.school = venueName(content, ascii) }
            case .ee:
                if fields.doi == nil { fields.takeDOI(fromLink: Self.fieldText(content, ascii: ascii)) }
            case .other:
                break
            }
            return true
        }

        /// Interns the record's authors (`authorSpans`), in order, into `ids` (`wwwNames` for a
        /// person record). Done when the record ends rather than author by author, so that the
        /// table slots prefetched by `take` have arrived: a lookup in a table of a million
        /// names is a cache miss, and a record's misses now overlap each other and its parsing.
        mutating func internAuthors(www: Bool, names: inout DBLPNameLanes.Lane) {
            guard !authorSpans.isEmpty else { return }
            let decoded = decodedAuthors
            decoded.withUnsafeBufferPointer { decoded in
                for span in authorSpans {
                    let bytes = span.decoded ? UnsafeBufferPointer(rebasing: decoded[span.start..<(span.start + span.length)])
                        : UnsafeBufferPointer(start: base + span.start, count: span.length)
                    guard let id = names.interner.id(bytes, hash: span.hash, parse: {
                        DBLPXMLReader.plainPersonName($0) ?? DBLPXMLReader.personName(DBLPRecordRun.fieldText($0))
                    })
                    else { continue }
                    if www { wwwNames.append(names.interner.names[Int(id)]) } else { ids.append(names.encode(id)) }
                }
            }
        }

        /// The venue in `content`: papers of one venue share one string, decoded once.
        mutating func venueName(_ content: UnsafeBufferPointer<UInt8>, _ ascii: Bool) -> String {
            let (id, isNew) = venueTable.findOrInsert(content)
            if isNew { venues.append(Self.fieldText(content, ascii: ascii)) }
            return venues[id]
        }

        /// Where the `key` attribute's value lies in the start tag whose attributes are
        /// `bytes[start..<end]`, read as the scanner reads attributes (the last `key` wins; an
        /// empty range without one); nil when a value needs decoding.
        func recordKey(_ start: Int, _ end: Int) -> Range<Int>? {
            var key = start..<start
            var index = start
            while index < end {
                while index < end && isWhitespace(base[index]) { index += 1 }
                let nameStart = index
                while index < end && base[index] != 0x3D && !isWhitespace(base[index]) { index += 1 }
                let nameStop = index
                while index < end && (isWhitespace(base[index]) || base[index] == 0x3D) { index += 1 }
                guard index < end, base[index] == 0x22 || base[index] == 0x27 else { break }
                let quote = base[index]
                index += 1
                let valueStart = index
                while index < end && base[index] != quote { index += 1 }
                if bytesEqual(nameStart, nameStop, "key") {
                    for k in valueStart..<index where base[k] == 0x26 || (latin1 && base[k] >= 0x80) { return nil }
                    key = valueStart..<index
                }
                index += 1
            }
            return key
        }

        /// Reads an element's content from `start` up to and including its end tag, appending its
        /// text (entities decoded, inline markup dropped) to `text` when `keep`; returns the index
        /// past the end tag, or nil when the content is not in the plain form.
        mutating func readContent(from start: Int, name: Int, nameLength: Int, keep: Bool) -> Int? {
            // Open inline elements, as (name start, name length).
            var open: [(Int, Int)] = []
            var index = start
            while true {
                let next = nextTagStart(index)
                guard next + 1 < count else { return nil }
                if keep && next > index { guard appendText(index, next) else { return nil } }
                let second = base[next + 1]
                if second == 0x2F {
                    let (expected, length) = open.last ?? (name, nameLength)
                    guard isEndTag(next, name: expected, length: length) else { return nil }
                    index = next + length + 3
                    if open.isEmpty { return index }
                    open.removeLast()
                    continue
                }
                guard isASCIILetter(second), let end = tagEnd(next), base[end - 2] != 0x2F else { return nil }
                let stop = nameEnd(next + 1, limit: end - 1)
                open.append((next + 1, stop - next - 1))
                index = end
            }
        }

        /// Appends the text `bytes[start..<end]` to `text`, decoding entities and Latin-1; false
        /// on an entity the scanner would reject.
        mutating func appendText(_ start: Int, _ end: Int) -> Bool {
            var index = start
            while index < end {
                let amp = memchr(base + index, 0x26, end - index).map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) } ?? end
                if latin1 {
                    for k in index..<amp {
                        let byte = base[k]
                        if byte >= 0x80 {
                            text.append(0xC0 | byte >> 6)
                            text.append(0x80 | byte & 0x3F)
                        } else {
                            text.append(byte)
                        }
                    }
                } else if amp > index {
                    text.append(contentsOf: UnsafeBufferPointer(start: base + index, count: amp - index))
                }
                if amp == end { return true }
                guard let semicolon = DBLPXMLScanner.entityEnd(in: UnsafeBufferPointer(start: base, count: end), at: amp, before: end),
                      let scalar = DBLPXMLScanner.entity(Array(UnsafeBufferPointer(start: base + amp + 1, count: semicolon - amp - 1))[...])
                else { return false }
                text.append(contentsOf: String(Character(scalar)).utf8)
                index = semicolon + 1
            }
            return true
        }

        static func isASCII(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
            var k = 0
            let n = buffer.count
            guard let start = buffer.baseAddress else { return true }
            let raw = UnsafeRawPointer(start)
            while k + 8 <= n {
                if raw.loadUnaligned(fromByteOffset: k, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
                k += 8
            }
            while k < n {
                if buffer[k] >= 0x80 { return false }
                k += 1
            }
            return true
        }

        static func fieldText(_ bytes: UnsafeBufferPointer<UInt8>, ascii: Bool) -> String {
            ascii ? LaTeX.collapseASCIIWhitespace(bytes)
                : LaTeX.collapseWhitespace(String(decoding: bytes, as: UTF8.self)).precomposedStringWithCanonicalMapping
        }
    }

    /// A field's text as the scanner keeps it: white space collapsed, non-ASCII text in NFC.
    static func fieldText(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        Reader.fieldText(bytes, ascii: Reader.isASCII(bytes))
    }
}

/// One name table per core ("lane"), so that runs read in parallel intern without sharing; a
/// name id is encoded as `id * laneCount + lane` until the tables are joined.
final class DBLPNameLanes: @unchecked Sendable {
    struct Lane {
        var interner: NameInterner
        let lane: Int32
        let laneCount: Int32

        init(lane: Int32, laneCount: Int32, expected: Int = 1 << 14) {
            interner = NameInterner(expected: expected)
            self.lane = lane
            self.laneCount = laneCount
        }

        @inline(__always) func encode(_ id: Int32) -> Int32 { id * laneCount + lane }

        /// The name behind an id this lane encoded.
        @inline(__always) func name(_ encoded: Int32) -> PersonName { interner.names[Int(encoded / laneCount)] }
    }

    var lanes: [Lane]

    init(count: Int) {
        lanes = (0..<count).map { Lane(lane: Int32($0), laneCount: Int32(count)) }
    }

    /// The lanes' tables joined into one, each spelling that several lanes saw kept once (the
    /// first lane's table, then the names only later lanes saw), and per lane, where its names went.
    /// - Complexity: O(total length of the spellings), on all cores.
    func joined() -> (names: [PersonName], places: [[Int32]]) {
        // Taken out of the first lane, not shared with it: growing a shared array below copied
        // each of its names (and counted up each name's strings), half a second at 8M papers.
        // Matching the other lanes' spellings reads the first lane's table, not its names.
        var names = lanes[0].interner.takeNames()
        var places = [Array(0..<Int32(names.count))]
        for k in lanes.indices.dropFirst() {
            var place = lanes[0].interner.indices(of: lanes[k].interner)
            // The lane's names read from a local (not through the lanes, a class's property, per
            // name), and room made for the new ones at once.
            let laneNames = lanes[k].interner.names
            names.reserveCapacity(names.count + place.count(where: { $0 < 0 }))
            for local in place.indices where place[local] < 0 {
                place[local] = Int32(names.count)
                names.append(laneNames[local])
            }
            places.append(place)
        }
        for k in lanes.indices { lanes[k].interner = NameInterner(expected: 1) }
        return (names, places)
    }
}
