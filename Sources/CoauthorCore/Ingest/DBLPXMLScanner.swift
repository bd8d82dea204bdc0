import Foundation

/// The streaming tag scanner behind `DBLPXMLReader`: bytes go in chunk by chunk, publications
/// come out as their record elements close.
///
/// It keeps only the unconsumed tail of the input (a tag or entity cut by a chunk boundary),
/// the stack of open element names and the fields of the record being read. No DOM, no
/// recursion: nesting lives in an explicit stack. Line and column are tracked incrementally
/// up to each tag, so every record and every error is located.
struct DBLPXMLScanner {
    private let path: String
    private var buffer: [UInt8] = []
    /// Bytes of `buffer` already consumed.
    private var position = 0
    /// Line and column of `buffer[tracked]`.
    private var line = 1
    private var column = 1
    private var tracked = 0
    private var absoluteBase = 0
    private var latin1 = false
    private var sawRoot = false
    /// Records found where DBLP XML has none (`openElement`): the first is reported at its
    /// place, the number of all of them at the end.
    private var misplacedRecords = 0
    private var stack: [String] = []
    private var record: RecordState? = nil
    private var corpus = Corpus(files: 1)
    /// Record keys the scanner read itself, for duplicates among them.
    private var keys = ByteKeyTable(expected: 1 << 16)
    /// Per key of `keys`, the `titleHash` of the record that brought it.
    private var keyTitles: [UInt64] = []
    /// The hashes of the first occurrences of keys, per reader: the scanner's first, then each
    /// absorbed run's. Keys repeated across readers are found after the fact
    /// (`DBLPXMLReader.keysAreDistinct`); 8 bytes a record where the keys themselves took some 60.
    private(set) var keyUnits: [[UInt64]] = [[]]
    private var errorsOutsideRecords = 0
    /// Name tables: lane 0 serves this scanner, every lane a `DBLPRecordRun` on its own core.
    let lanes: DBLPNameLanes
    /// Per publication, its authors as lane-encoded ids, for `Corpus.internedAuthors`.
    private var authorIDs: [Int32] = []
    private var authorCounts: [Int32] = []
    private var reportedStrayText = false
    private let keepingText: Bool

    /// Plain tags longer than this are treated as broken rather than buffered forever.
    private static let longestTag = 1 << 20
    private static let reportedOutsideLimit = 20

    /// The fields of the record being read.
    private struct RecordState {
        var element: String
        var key: String
        var location: SourceLocation
        var broken = false
        var field: String? = nil
        var fieldLocation: SourceLocation? = nil
        var text: [UInt8] = []
        var authors: [String] = []
        var fields = DBLPFields()
    }

    /// - Parameter keepingText: false leaves out each publication's key, title, venue, DOI and
    ///   author names (`DBLPXMLReader.read(path:chunkSize:keepingText:)`).
    init(path: String, lanes: Int = 1, keepingText: Bool = true) {
        self.path = path
        self.lanes = DBLPNameLanes(count: max(1, lanes))
        self.keepingText = keepingText
    }

    /// Whether the scanner stands between two records at the start of a line with nothing
    /// pending, where a `DBLPRecordRun` may take over.
    var isBetweenRecords: Bool {
        buffer.isEmpty && record == nil && stack.count == 1 && sawRoot && column == 1
    }

    /// Whether bytes from 0x80 are Latin-1 characters (as the XML declaration said).
    var isLatin1: Bool { latin1 }

    /// The line and byte offset of the next byte to be fed.
    var nextLine: Int { line }
    var nextOffset: Int { absoluteBase + buffer.count }

    /// The 64-bit FNV-1a hash of a record key's UTF-8 bytes (the bytes the key tables compare).
    static func keyHash(_ key: String) -> UInt64 {
        key.utf8.withContiguousStorageIfAvailable { FNV1a.hash($0) } ?? Array(key.utf8).withUnsafeBufferPointer { FNV1a.hash($0) }
    }

    /// Adds a record key to a reader's key table, hashing its bytes once for the table and for
    /// `keyUnits`: whether the key is new to the table, and its `keyHash`.
    static func insertKey(_ key: String, into table: inout ByteKeyTable) -> (id: Int, isNew: Bool, hash: UInt64) {
        key.utf8.withContiguousStorageIfAvailable { insertKey(bytes: $0, into: &table) }
            ?? Array(key.utf8).withUnsafeBufferPointer { insertKey(bytes: $0, into: &table) }
    }

    /// `insertKey(_:into:)` for a key's UTF-8 bytes.
    static func insertKey(bytes: UnsafeBufferPointer<UInt8>, into table: inout ByteKeyTable) -> (id: Int, isNew: Bool, hash: UInt64) {
        let hash = FNV1a.hash(bytes)
        let (id, isNew) = table.findOrInsert(bytes, hash: hash)
        return (id, isNew, hash)
    }

    /// Takes over what a `DBLPRecordRun` read from the next `byteCount` bytes, as if they had been
    /// fed, except that its keys are not checked against those read before (see `keyUnits`). The
    /// run read its bytes as starting at line `readFromLine`: its locations move to the lines the
    /// scanner has reached.
    /// - Complexity: O(1) per publication and O(size of the run's other results), no copies.
    mutating func absorb(_ run: inout DBLPRecordRun, byteCount: Int, readFromLine: Int) {
        precondition(isBetweenRecords)
        run.shiftLines(by: line - readFromLine)
        keyUnits.append(run.keyHashes)
        run.keyHashes = []
        corpus.records += run.records
        corpus.duplicates += run.duplicates
        corpus.skipped += run.skipped
        corpus.diagnostics += run.diagnostics
        run.publications.move(appendingTo: &corpus.publications)
        authorIDs += run.authorIDs
        authorCounts += run.authorCounts
        corpus.personRecords += run.personRecords
        line += run.newlines
        absoluteBase += byteCount
    }

    /// The publications read so far.
    var publicationCount: Int { corpus.publications.count }

    /// Makes room for `count` publications in all, so that the runs' publications are moved into
    /// one array that never grows (the reader estimates the count from its first block): growing,
    /// or joining pieces at the end, holds every publication twice for a moment, 1.3 GB on an
    /// 8M-paper file.
    mutating func reservePublications(_ count: Int) {
        corpus.publications.reserveCapacity(count)
    }

    mutating func feed(_ chunk: some Sequence<UInt8>) {
        buffer.append(contentsOf: chunk)
        scan(final: false)
    }

    mutating func failRead(reason: String) {
        corpus.diagnostics.append(Diagnostic(.error, at: location(at: buffer.count), "the file could not be read to the end (\(reason)); what was read before is kept"))
    }

    /// Ends the input: reports what is still open and returns the corpus, with its name table.
    mutating func finish() -> Corpus {
        finishRecords()
        return finishCorpus()
    }

    /// The first half of `finish()`: the input's end is read and every record done (`keyUnits`
    /// are complete).
    mutating func finishRecords() {
        scan(final: true)
        if let open = record {
            report("the record '\(open.key)' (<\(open.element)>) is not closed before the end of the file; the file looks truncated", at: open.location)
            if open.element != "www" {
                corpus.skipped += 1
            }
            record = nil
        } else if !stack.isEmpty {
            corpus.diagnostics.append(Diagnostic(.error, at: location(at: position),
                                                 "the file ends inside <\(stack.last!)>; the file looks truncated (the records read before are kept)"))
        }
        if !sawRoot {
            corpus.diagnostics.append(Diagnostic(.error, at: .file(path), "no XML element found; this is not a DBLP XML file; name its format", remedy: .nameInputFormat))
        }
        if misplacedRecords > 1 {
            corpus.diagnostics.append(Diagnostic(.error, at: .file(path),
                                                 "\(misplacedRecords) records in all are not children of the root element <dblp> and were skipped; "
                                                 + "DBLP XML keeps every record directly in <dblp>…</dblp>"))
        }
    }

    /// The second half of `finish()`: the corpus, with its name table.
    mutating func finishCorpus() -> Corpus {
        corpus.internedAuthors = internedAuthors()
        return corpus
    }

    // MARK: Scanning

    private mutating func scan(final: Bool) {
        let count = buffer.count
        while position < count {
            if buffer[position] == UInt8(ascii: "<") {
                guard let end = markupEnd(from: position, final: final) else {
                    if final {
                        report("a '<' that never closes with '>'", at: location(at: position))
                        position = count
                    }
                    break
                }
                handleMarkup(position, end)
                position = end
            } else {
                var stop = position
                while stop < count && buffer[stop] != UInt8(ascii: "<") { stop += 1 }
                if stop == count && !final {
                    // An entity cut by the chunk boundary waits for the next chunk.
                    var amp = stop - 1
                    while amp >= position && buffer[amp] != UInt8(ascii: "&") && buffer[amp] != UInt8(ascii: ";") && stop - amp < 40 { amp -= 1 }
                    if amp >= position && buffer[amp] == UInt8(ascii: "&") { stop = amp }
                    if stop == position { break }
                }
                handleText(position, stop)
                position = stop
            }
        }
        compact()
    }

    /// Drops consumed bytes so the buffer holds only the unfinished tail.
    private mutating func compact() {
        guard position > 0 else { return }
        advance(to: position)
        absoluteBase += position
        buffer.removeFirst(position)
        tracked -= position
        position = 0
    }

    /// The index just past the markup that starts at `start`, or nil when it is not complete yet.
    private func markupEnd(from start: Int, final: Bool) -> Int? {
        let count = buffer.count
        if count - start < 9 && !final && !buffer[start..<count].contains(UInt8(ascii: ">")) { return nil }
        if hasPrefix("<!--", at: start) { return find("-->", from: start + 4) }
        if hasPrefix("<![CDATA[", at: start) { return find("]]>", from: start + 9) }
        if hasPrefix("<?", at: start) { return find("?>", from: start + 2) }
        if hasPrefix("<!", at: start) {
            // <!DOCTYPE …> may hold an internal subset in brackets, with quoted strings, so its end
            // is found by a loop alike in shape to the plain tag's below, deliberately (that one is
            // on every tag's path and has no brackets to count).
            var depth = 0
            var quote: UInt8 = 0
            var index = start + 2
            while index < count {
                let byte = buffer[index]
                if quote != 0 {
                    if byte == quote { quote = 0 }
                } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                    quote = byte
                } else if byte == UInt8(ascii: "[") {
                    depth += 1
                } else if byte == UInt8(ascii: "]") {
                    depth -= 1
                } else if byte == UInt8(ascii: ">") && depth <= 0 {
                    return index + 1
                }
                index += 1
            }
            return nil
        }
        var quote: UInt8 = 0
        var index = start + 1
        let limit = min(count, start + Self.longestTag)
        while index < limit {
            let byte = buffer[index]
            if quote != 0 {
                if byte == quote { quote = 0 }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: ">") {
                return index + 1
            } else if byte == UInt8(ascii: "<") {
                // A '<' inside a tag: the tag is broken; end it here so scanning resynchronises.
                return index
            }
            index += 1
        }
        return limit < count ? limit : nil
    }

    private func hasPrefix(_ prefix: StaticString, at start: Int) -> Bool {
        let length = prefix.utf8CodeUnitCount
        guard start + length <= buffer.count else { return false }
        return prefix.withUTF8Buffer { text in
            for k in 0..<length where buffer[start + k] != text[k] { return false }
            return true
        }
    }

    private func find(_ needle: StaticString, from start: Int) -> Int? {
        let length = needle.utf8CodeUnitCount
        return needle.withUTF8Buffer { text -> Int? in
            var index = start
            while index + length <= buffer.count {
                if buffer[index] == text[0] {
                    var k = 1
                    while k < length && buffer[index + k] == text[k] { k += 1 }
                    if k == length { return index + length }
                }
                index += 1
            }
            return nil
        }
    }

    // MARK: Locations

    /// Moves the line and column counters forward to `offset` (never backwards).
    private mutating func advance(to offset: Int) {
        guard offset > tracked else { return }
        for index in tracked..<offset {
            let byte = buffer[index]
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if latin1 || byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        tracked = offset
    }

    private mutating func location(at offset: Int) -> SourceLocation {
        advance(to: offset)
        return SourceLocation(path: path, line: line, column: column, byteOffset: absoluteBase + offset)
    }

    /// Reports an error; inside a record only the first one (the record is then unusable).
    private mutating func report(_ message: String, at location: SourceLocation) {
        if record != nil {
            guard !record!.broken else { return }
            record!.broken = true
            corpus.diagnostics.append(Diagnostic(.error, at: location, message + "; the record '\(record!.key)' is skipped"))
            return
        }
        errorsOutsideRecords += 1
        if errorsOutsideRecords <= Self.reportedOutsideLimit {
            corpus.diagnostics.append(Diagnostic(.error, at: location, message))
        } else if errorsOutsideRecords == Self.reportedOutsideLimit + 1 {
            corpus.diagnostics.append(Diagnostic(.error, at: location, "more malformed markup outside records follows; only the first \(Self.reportedOutsideLimit) problems are listed"))
        }
    }

    // MARK: Markup and text

    private mutating func handleMarkup(_ start: Int, _ end: Int) {
        if hasPrefix("<!--", at: start) { return }
        if hasPrefix("<![CDATA[", at: start) {
            if record?.field != nil { appendRaw(start + 9, end - 3) }
            return
        }
        if hasPrefix("<?", at: start) {
            if !sawRoot && hasPrefix("<?xml", at: start) { readDeclaration(start, end) }
            return
        }
        if hasPrefix("<!", at: start) { return }
        guard buffer[end - 1] == UInt8(ascii: ">") else {
            report("a tag that does not end with '>'", at: location(at: start))
            return
        }
        if buffer[start + 1] == UInt8(ascii: "/") {
            let name = elementName(from: start + 2, to: end - 1)
            closeElement(name, at: start)
            return
        }
        let selfClosing = buffer[end - 2] == UInt8(ascii: "/")
        let nameEnd = nameEndIndex(from: start + 1, to: end - 1)
        let name = makeString(buffer[(start + 1)..<nameEnd])
        guard !name.isEmpty else {
            report("a '<' that does not start a tag (write &lt; for a literal '<')", at: location(at: start))
            return
        }
        openElement(name, attributesFrom: nameEnd, to: selfClosing ? end - 2 : end - 1, at: start)
        if selfClosing { closeElement(name, at: start) }
    }

    private func nameEndIndex(from start: Int, to end: Int) -> Int {
        var index = start
        while index < end, !isWhitespace(buffer[index]), buffer[index] != UInt8(ascii: "/") { index += 1 }
        return index
    }

    private func elementName(from start: Int, to end: Int) -> String {
        var s = start
        var e = end
        while s < e && isWhitespace(buffer[s]) { s += 1 }
        while e > s && isWhitespace(buffer[e - 1]) { e -= 1 }
        return makeString(buffer[s..<e])
    }

    /// `<?xml version="1.0" encoding="ISO-8859-1"?>`: DBLP's dumps declare Latin-1.
    private mutating func readDeclaration(_ start: Int, _ end: Int) {
        let text = makeString(buffer[start..<end]).lowercased()
        guard let range = text.range(of: "encoding") else { return }
        let rest = text[range.upperBound...].drop { $0 == " " || $0 == "=" || $0 == "\"" || $0 == "'" }
        let name = rest.prefix { $0 != "\"" && $0 != "'" }
        latin1 = ["iso-8859-1", "latin1", "latin-1", "iso8859-1", "iso_8859-1", "us-ascii", "windows-1252", "cp1252"].contains(String(name))
    }

    /// Whether `name` may be a record's element, by its first letter and length (`article`,
    /// `inproceedings`, `www`, …): the fields every record opens (`author`, `title`, `year`,
    /// `ee`, `pages`, `url`) are passed over without a look-up in a set.
    @inline(__always) private static func mayNameARecord(_ name: String) -> Bool {
        switch name.utf8.count {
        case 3, 4, 7, 9, 11, 12, 13: break
        default: return false
        }
        guard let first = name.utf8.first else { return false }
        return first == UInt8(ascii: "a") || first == UInt8(ascii: "i") || first == UInt8(ascii: "p") || first == UInt8(ascii: "b")
            || first == UInt8(ascii: "m") || first == UInt8(ascii: "w")
    }

    private mutating func openElement(_ name: String, attributesFrom start: Int, to end: Int, at tagStart: Int) {
        sawRoot = true
        // A record inside a record: the open one lost its end tag. It is skipped, with a message
        // at this tag, and this record read as the next (a user trial of session 50: every record
        // after an unclosed one vanished inside it, and only `</dblp>` said anything).
        if stack.count >= 2, record != nil, Self.mayNameARecord(name), DBLPXMLReader.recordElements.contains(name) || name == "www" {
            let (key, element, line) = (record!.key, record!.element, record!.location.line)
            report("the record '\(key)' (<\(element)> at line \(line)) has no </\(element)> before this <\(name)>", at: location(at: tagStart))
            while stack.count > 1 { popElement() }
        }
        stack.append(name)
        // A record that is not a child of the root (a list of records without `<dblp>`, one
        // after `</dblp>`, one inside an element of another kind) is in no place DBLP puts
        // records: skipped with an error, where it was dropped in silence (a hostile-input trial
        // of session 55).
        if stack.count != 2, record == nil, name != "www", Self.mayNameARecord(name), DBLPXMLReader.recordElements.contains(name) {
            misplacedRecords += 1
            corpus.records += 1
            corpus.skipped += 1
            if misplacedRecords == 1 {
                let place = stack.count == 1 ? "outside the root element <dblp>" : "inside <\(stack[stack.count - 2])>, not directly in the root element"
                report("the record <\(name)> is \(place), where DBLP XML has none; it is skipped", at: location(at: tagStart))
            }
            return
        }
        switch stack.count {
        case 2:
            guard DBLPXMLReader.recordElements.contains(name) || name == "www" else { return }
            let attributes = parseAttributes(start, end)
            record = RecordState(element: name, key: attributes["key"] ?? "", location: location(at: tagStart))
            if name != "www" { corpus.records += 1 }
        case 3:
            guard record != nil else { return }
            switch name {
            case "author", "title", "year", "journal", "booktitle", "publisher", "school", "ee":
                record!.field = name
                record!.fieldLocation = location(at: tagStart)
                record!.text.removeAll(keepingCapacity: true)
            default:
                record!.field = nil
            }
        default:
            break
        }
    }

    private mutating func closeElement(_ name: String, at tagStart: Int) {
        guard let open = stack.last else {
            report("the end tag </\(name)> has no matching start tag", at: location(at: tagStart))
            return
        }
        if open != name {
            guard let match = stack.lastIndex(of: name) else {
                report("the end tag </\(name)> does not match the open element <\(open)>", at: location(at: tagStart))
                return
            }
            report("the element <\(open)> is closed by </\(name)>", at: location(at: tagStart))
            while stack.count > match + 1 { popElement() }
        }
        popElement()
    }

    private mutating func popElement() {
        let depth = stack.count
        stack.removeLast()
        if depth == 3, record?.field != nil { finishField() }
        if depth == 2, record != nil { finishRecord() }
    }

    private mutating func handleText(_ start: Int, _ end: Int) {
        guard record?.field != nil else {
            // At the text's first byte that is not white space: the same place however the text
            // was cut into pieces (a file read in chunks hands it over a piece at a time).
            if record == nil && stack.count < 2 && !reportedStrayText,
               let first = buffer[start..<end].firstIndex(where: { !isWhitespace($0) }) {
                reportedStrayText = true
                report("text outside any record (is this XML?)", at: location(at: first))
            }
            return
        }
        var index = start
        while index < end {
            let byte = buffer[index]
            if byte != UInt8(ascii: "&") {
                appendByte(byte)
                index += 1
                continue
            }
            guard let semicolon = buffer.withUnsafeBufferPointer({ Self.entityEnd(in: $0, at: index, before: end) }) else {
                report("a '&' that does not start an entity (write &amp; for a literal '&')", at: location(at: index))
                return
            }
            guard let scalar = Self.entity(buffer[(index + 1)..<semicolon]) else {
                report("unknown entity '\(makeString(buffer[index...semicolon]))' (not in XML or dblp.dtd)", at: location(at: index))
                return
            }
            record!.text.append(contentsOf: Array(String(Character(scalar)).utf8))
            index = semicolon + 1
        }
    }

    private mutating func appendByte(_ byte: UInt8) {
        if latin1 && byte >= 0x80 {
            record!.text.append(0xC0 | byte >> 6)
            record!.text.append(0x80 | byte & 0x3F)
        } else {
            record!.text.append(byte)
        }
    }

    private mutating func appendRaw(_ start: Int, _ end: Int) {
        guard start < end else { return }
        for index in start..<end { appendByte(buffer[index]) }
    }

    /// The `;` that closes the entity whose `&` is at `amp` in `bytes[..<end]`, or nil: it comes
    /// within 32 bytes, and no `&` comes before it (a name holds none). Stopping at a `&` as at the
    /// end is what makes a file read in chunks give the message it gives read whole: `scan` hands
    /// over the text before an unfinished entity. The scanner and the record runs both search so.
    static func entityEnd(in bytes: UnsafeBufferPointer<UInt8>, at amp: Int, before end: Int) -> Int? {
        var semicolon = amp + 1
        while semicolon < end && semicolon - amp <= 32 && bytes[semicolon] != UInt8(ascii: ";") && bytes[semicolon] != UInt8(ascii: "&") { semicolon += 1 }
        return semicolon < end && bytes[semicolon] == UInt8(ascii: ";") ? semicolon : nil
    }

    /// The character an entity name (`amp`, `#233`, `#xE9`) stands for, if XML or `dblp.dtd` defines it.
    static func entity(_ name: ArraySlice<UInt8>) -> Unicode.Scalar? {
        guard let first = name.first else { return nil }
        if first == UInt8(ascii: "#") {
            let digits = name.dropFirst()
            let hex = digits.first == UInt8(ascii: "x") || digits.first == UInt8(ascii: "X")
            guard let value = UInt32(makeString(hex ? digits.dropFirst() : digits), radix: hex ? 16 : 10),
                  value != 0 else { return nil }
            return Unicode.Scalar(value)
        }
        return XMLEntities.table[makeString(name)].flatMap(Unicode.Scalar.init)
    }

    private func parseAttributes(_ start: Int, _ end: Int) -> [String: String] {
        var attributes: [String: String] = [:]
        var index = start
        while index < end {
            while index < end && isWhitespace(buffer[index]) { index += 1 }
            let nameStart = index
            while index < end && buffer[index] != UInt8(ascii: "=") && !isWhitespace(buffer[index]) { index += 1 }
            let name = makeString(buffer[nameStart..<index])
            while index < end && (isWhitespace(buffer[index]) || buffer[index] == UInt8(ascii: "=")) { index += 1 }
            guard index < end, buffer[index] == UInt8(ascii: "\"") || buffer[index] == UInt8(ascii: "'") else { break }
            let quote = buffer[index]
            index += 1
            let valueStart = index
            while index < end && buffer[index] != quote { index += 1 }
            attributes[name] = decodeAttribute(buffer[valueStart..<index])
            index += 1
        }
        return attributes
    }

    private func decodeAttribute(_ bytes: ArraySlice<UInt8>) -> String {
        guard bytes.contains(UInt8(ascii: "&")) || (latin1 && bytes.contains { $0 >= 0x80 }) else { return makeString(bytes) }
        var out = ""
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "&"), let semicolon = bytes[index...].firstIndex(of: UInt8(ascii: ";")),
               let scalar = Self.entity(bytes[(index + 1)..<semicolon]) {
                out.unicodeScalars.append(scalar)
                index = semicolon + 1
                continue
            }
            if latin1 || byte < 0x80 {
                out.unicodeScalars.append(Unicode.Scalar(byte))
                index += 1
            } else {
                var end = index + 1
                while end < bytes.endIndex && bytes[end] & 0xC0 == 0x80 { end += 1 }
                out += makeString(bytes[index..<end])
                index = end
            }
        }
        return out
    }

    // MARK: Records

    private mutating func finishField() {
        guard let field = record!.field else { return }
        record!.field = nil
        guard !record!.broken else { return }
        if !latin1, firstInvalidUTF8Offset(record!.text) != nil {
            report("invalid UTF-8 in <\(field)>; convert the file to UTF-8 or declare its encoding in <?xml … encoding=\"…\"?>",
                   at: record!.fieldLocation ?? record!.location)
            return
        }
        let text = record!.text.allSatisfy({ $0 < 0x80 })
            ? LaTeX.collapseASCIIWhitespace(record!.text[...])
            : LaTeX.collapseWhitespace(String(decoding: record!.text, as: UTF8.self)).precomposedStringWithCanonicalMapping
        switch field {
        case "author": record!.authors.append(text)
        case "title": if record!.fields.title == nil { record!.fields.title = text }
        case "year": record!.fields.takeYear(text.utf8)
        case "journal": if record!.fields.journal == nil { record!.fields.journal = text }
        case "booktitle": if record!.fields.booktitle == nil { record!.fields.booktitle = text }
        case "publisher": if record!.fields.publisher == nil { record!.fields.publisher = text }
        case "school": if record!.fields.school == nil { record!.fields.school = text }
        case "ee": record!.fields.takeDOI(fromLink: text)
        default: break
        }
    }

    /// The message for a record whose key an earlier record has: a warning when the two have one
    /// title (a copy of the paper, and the first is kept), else an error, the record skipped, as
    /// for a repeated citation key in BibTeX (a user trial found ten papers of one file that
    /// shared a key dropped under a warning, and `--strict` passing).
    static func repeatedKeyDiagnostic(_ key: String, sameTitle: Bool, at location: SourceLocation) -> Diagnostic {
        sameTitle
            ? Diagnostic(.warning, at: location, "duplicate record key '\(key)'; the first record is kept")
            : Diagnostic(.error, at: location, "the record key '\(key)' is already another paper's (another title); this record is skipped (give it a key of its own)")
    }

    /// A title's hash for telling a copy of a record from another paper under its key: ASCII
    /// letters case-folded, ASCII digits, and every byte above ASCII, in order; spaces and ASCII
    /// punctuation left out (`Meltdown` and `Meltdown.` are one title). No title hashes to 0.
    static func titleHash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for var byte in bytes {
            if byte >= 0x41 && byte <= 0x5A { byte |= 0x20 }
            guard byte >= 0x80 || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) else { continue }
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        return hash | 1
    }

    /// `titleHash(_:)` of a title string (0 for none).
    static func titleHash(_ title: String?) -> UInt64 {
        guard var title else { return 0 }
        return title.withUTF8 { titleHash($0) }
    }

    /// `DBLPXMLReader.personName`, parsed once per spelling, with its lane-encoded id.
    private mutating func personName(_ text: String) -> (name: PersonName, id: Int32)? {
        var text = text
        let found = text.withUTF8 { bytes in
            lanes.lanes[0].interner.name(bytes) {
                DBLPXMLReader.plainPersonName($0) ?? DBLPXMLReader.personName(String(decoding: $0, as: UTF8.self))
            }
        }
        return found.map { ($0.name, lanes.lanes[0].encode($0.id)) }
    }

    /// The publications' authors as one name table (the lanes' tables one after another).
    private func internedAuthors() -> InternedAuthors {
        let (names, places) = lanes.joined()
        let laneCount = Int32(places.count)
        var starts: [Int] = [0]
        starts.reserveCapacity(authorCounts.count + 1)
        var total = 0
        for count in authorCounts {
            total += Int(count)
            starts.append(total)
        }
        let ids = authorIDs.map { places[Int($0 % laneCount)][Int($0 / laneCount)] }
        return InternedAuthors(names: names, ids: ids, starts: starts)
    }

    private mutating func finishRecord() {
        let done = record!
        record = nil
        if done.element == "www" {
            let names = done.authors.compactMap { personName($0)?.name }
            if !done.broken && names.count > 1 { corpus.personRecords.append(PersonRecord(names: names, location: done.location)) }
            return
        }
        if done.broken {
            corpus.skipped += 1
            return
        }
        if !done.key.isEmpty {
            let title = Self.titleHash(done.fields.title)
            let (id, isNew, hash) = Self.insertKey(done.key, into: &keys)
            guard isNew else {
                let sameTitle = keyTitles[id] == title
                if sameTitle { corpus.duplicates += 1 } else { corpus.skipped += 1 }
                corpus.diagnostics.append(Self.repeatedKeyDiagnostic(done.key, sameTitle: sameTitle, at: done.location))
                return
            }
            keyTitles.append(title)
            keyUnits[0].append(hash)
        }
        let found = done.authors.compactMap { personName($0) }
        guard !found.isEmpty else { return }
        if let warning = done.fields.unreadableYearWarning(key: done.key, at: done.location) { corpus.diagnostics.append(warning) }
        authorIDs += found.map(\.id)
        authorCounts.append(Int32(found.count))
        corpus.publications.append(keepingText
            ? done.fields.publication(key: done.key, type: done.element, authors: found.map(\.name), location: done.location)
            : done.fields.publicationWithoutText(type: done.element, authorCount: found.count, location: done.location))
    }
}
