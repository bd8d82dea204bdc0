import Foundation

/// The fields the reader interprets, recognised once while scanning so that
/// interpretation compares small codes instead of strings.
enum BibTeXFieldName: UInt8 {
    case other, author, editor, title, year, date, crossref, journal, booktitle, journaltitle
    case howpublished, publisher, school, institution, doi, authorAnnotation
    /// Web of Science exports: `ORCID-Numbers`, `ResearcherID-Numbers` (`Name/ID` lists), `Unique-ID` (the UT).
    /// Database exports (from here on): Web of Science's `Affiliation` (its `C1` lines, `Names,
    /// address`) and `Times-Cited`; Scopus's `affiliations` (addresses joined by `;`; older
    /// exports `affiliation`) and `note = {Cited by: 52}` (older exports `{cited By 52}`).
    case orcidNumbers, researcherIDNumbers, uniqueID, affiliation, affiliations, timesCited, note

    /// The code of a field name given as lower-case ASCII bytes.
    init(lowercased name: some Collection<UInt8>) {
        switch name.count {
        case 3 where name.elementsEqual("doi".utf8): self = .doi
        case 4 where name.elementsEqual("year".utf8): self = .year
        case 4 where name.elementsEqual("date".utf8): self = .date
        case 4 where name.elementsEqual("note".utf8): self = .note
        case 5 where name.elementsEqual("title".utf8): self = .title
        case 6 where name.elementsEqual("author".utf8): self = .author
        case 6 where name.elementsEqual("editor".utf8): self = .editor
        case 6 where name.elementsEqual("school".utf8): self = .school
        case 7 where name.elementsEqual("journal".utf8): self = .journal
        case 8 where name.elementsEqual("crossref".utf8): self = .crossref
        case 9 where name.elementsEqual("booktitle".utf8): self = .booktitle
        case 9 where name.elementsEqual("publisher".utf8): self = .publisher
        case 9 where name.elementsEqual("author+an".utf8): self = .authorAnnotation
        case 9 where name.elementsEqual("unique-id".utf8): self = .uniqueID
        case 13 where name.elementsEqual("orcid-numbers".utf8): self = .orcidNumbers
        case 20 where name.elementsEqual("researcherid-numbers".utf8): self = .researcherIDNumbers
        case 11 where name.elementsEqual("institution".utf8): self = .institution
        case 11 where name.elementsEqual("affiliation".utf8): self = .affiliation
        case 11 where name.elementsEqual("times-cited".utf8): self = .timesCited
        case 12 where name.elementsEqual("affiliations".utf8): self = .affiliations
        case 12 where name.elementsEqual("journaltitle".utf8): self = .journaltitle
        case 12 where name.elementsEqual("howpublished".utf8): self = .howpublished
        default: self = .other
        }
    }
}

/// A field value: a slice of the file when it was written as one part, or the
/// expansion of macros and `#` concatenations, kept in the parser's `expansions`. Both are
/// ranges, so fields copy without reference counting (entries are interpreted on all cores,
/// and counting references to one shared buffer from several cores is slow).
enum BibTeXValue {
    case slice(Range<Int>)
    case owned(Range<Int>)
}

/// One field of a BibTeX entry, its value already expanded (macros substituted,
/// `#` concatenations joined, the outer delimiters removed, inner braces kept).
///
/// Stored in 24 bytes rather than the 64 its ranges and name hash would take (a DBLP-size file
/// has millions of fields, all alive until the entries are interpreted): the name's length in 16
/// bits, its distance to the value and the value's length in 32; a value read as one part starts
/// at most a delimiter after `offset`, and only that step is kept; the value of several parts
/// starts in the parser's `expansions` below 4 GiB. `fits` checks all of it when a field is
/// made. The name's hash is recomputed from its bytes when asked for (`nameHash(in:)`).
struct BibTeXField {
    var name: BibTeXFieldName
    private var isOwned: Bool
    private var nameLength: UInt16
    /// From the name's start to `offset`.
    private var nameDistance: UInt32
    private var valueLength: UInt32
    /// A slice's start after `offset`, or an owned value's start in `expansions`.
    private var valueStart: UInt32
    /// Where the value starts in the file.
    var offset: Int

    /// Whether a field with this name and value can be stored: a name under 64 KiB, the value
    /// under 4 GiB and where `value` says it starts (a slice a few bytes after `offset`, an
    /// owned value below 4 GiB of expansions).
    static func fits(nameBytes: Range<Int>, value: BibTeXValue, offset: Int) -> Bool {
        guard nameBytes.count <= UInt16.max, offset - nameBytes.lowerBound <= UInt32.max else { return false }
        switch value {
        case .slice(let range): return range.count <= UInt32.max && range.lowerBound >= offset && range.lowerBound - offset <= UInt32.max
        case .owned(let range): return range.upperBound <= UInt32.max
        }
    }

    /// - Precondition: `fits(nameBytes:value:offset:)`.
    init(name: BibTeXFieldName, nameBytes: Range<Int>, value: BibTeXValue, offset: Int) {
        precondition(Self.fits(nameBytes: nameBytes, value: value, offset: offset), "a field name of 64 KiB or a field part of 4 GiB or more")
        self.name = name
        self.offset = offset
        nameLength = UInt16(nameBytes.count)
        nameDistance = UInt32(offset - nameBytes.lowerBound)
        isOwned = false
        valueLength = 0
        valueStart = 0
        self.value = value
    }

    /// The name as written (needed for messages about unknown fields).
    var nameBytes: Range<Int> {
        let start = offset - Int(nameDistance)
        return start..<(start + Int(nameLength))
    }

    /// FNV-1a of the lower-cased name, each run of blanks in it hashed as one blank: what the
    /// parser's `readFieldName` computed, to find repeated fields without building strings.
    /// - Complexity: O(length of the name).
    func nameHash(in text: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var afterBlank = false
        for byte in UnsafeBufferPointer(rebasing: text[nameBytes]) {
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") {
                if !afterBlank { hash = (hash ^ UInt64(UInt8(ascii: " "))) &* 0x100_0000_01b3 }
                afterBlank = true
                continue
            }
            afterBlank = false
            hash = (hash ^ UInt64(byte | (byte >= 0x41 && byte <= 0x5A ? 0x20 : 0))) &* 0x100_0000_01b3
        }
        return hash
    }

    var value: BibTeXValue {
        get {
            let start = isOwned ? Int(valueStart) : offset + Int(valueStart)
            let range = start..<(start + Int(valueLength))
            return isOwned ? .owned(range) : .slice(range)
        }
        set {
            switch newValue {
            case .slice(let slice):
                precondition(slice.count <= UInt32.max && slice.lowerBound >= offset && slice.lowerBound - offset <= UInt32.max,
                             "a field value of 4 GiB or more, or one that does not start at its field")
                isOwned = false
                valueStart = UInt32(slice.lowerBound - offset)
                valueLength = UInt32(slice.count)
            case .owned(let owned):
                precondition(owned.upperBound <= UInt32.max, "a field value beyond 4 GiB of expansions")
                isOwned = true
                valueStart = UInt32(owned.lowerBound)
                valueLength = UInt32(owned.count)
            }
        }
    }
}

/// One `@type{key, …}` entry as written, before any interpretation.
struct BibTeXEntry {
    var type: String
    var key: String
    /// Indices into the parser's `fields`.
    var fields: Range<Int>
    var offset: Int
}

/// The syntax layer of the BibTeX reader: a byte-level scanner that turns a
/// buffer into entries, `@string` macros expanded.
///
/// It never recurses on input structure (brace depth is a counter), so hostile
/// nesting cannot overflow the stack. Values are kept as ranges of the buffer
/// where possible, so a large file is not copied field by field. A malformed
/// entry is reported once and skipped: scanning resumes at the next `@` that starts a line.
struct BibTeXParser {
    let bytes: [UInt8]
    private var position = 0
    private var macros: [String: [UInt8]]
    private(set) var entries: [BibTeXEntry] = []
    /// The fields the reader interprets (those with a `BibTeXFieldName` code) of all entries, in
    /// order; each entry owns a contiguous range. Fields without a code (`pages`, `url`, …, a
    /// third of a DBLP file's) are read, checked and not kept: only their repeats matter, which
    /// `otherRepeats` records.
    private(set) var fields: [BibTeXField] = []
    /// For an entry (by index) that repeats fields without a code: where each such name is
    /// first repeated, and the name's hash (one note per name and entry).
    private(set) var otherRepeats: [Int: [(offset: Int, nameHash: UInt64)]] = [:]
    /// The hashes of the uncoded field names of the entry being read (scratch, reused).
    private var entryOtherNames = FieldNameHashes()
    /// The uncoded names the entry being read repeats (scratch, reused).
    private var entryOtherRepeats = FieldNameHashes()
    /// The bytes of values built from macros and `#` concatenations, one after another.
    private(set) var expansions: [UInt8] = []
    /// Lower-cased names of fields without a code, by hash, as written the first time.
    private(set) var fieldNames: [UInt64: String] = [:]
    /// (offset, message) pairs for malformed records; each one is a skipped record.
    private(set) var errors: [(offset: Int, message: String)] = []
    /// (offset, message) pairs for recoverable oddities.
    private(set) var warnings: [(offset: Int, message: String)] = []

    struct SyntaxError: Error {
        var offset: Int
        var message: String
    }

    static let monthMacros: [String: [UInt8]] = [
        "jan": "January", "feb": "February", "mar": "March", "apr": "April",
        "may": "May", "jun": "June", "jul": "July", "aug": "August",
        "sep": "September", "oct": "October", "nov": "November", "dec": "December",
    ].mapValues { Array($0.utf8) }

    /// Items are read while they start before `limit` (the whole buffer by default).
    private var limit: Int
    /// Whether `parse(bytes:)` kept the second half read on the other core (for tests).
    private(set) var readInTwoHalves = false
    /// Whether some entry has a field of a database's export (`ORCID-Numbers`, `ResearcherID-Numbers`,
    /// `Unique-ID`, `Affiliation`, `affiliations`, `Times-Cited`, `note`): only then does the reader
    /// look for them, so other files pay nothing.
    private(set) var hasDatabaseFields = false
    /// Macro names this parser defined with `@string`.
    private var definedMacros: Set<String> = []
    /// Macro names this parser used without having defined them (month names, or macros a
    /// part of the file before its start may have defined).
    private var borrowedMacros: Set<String> = []

    init(bytes: [UInt8]) {
        self.init(bytes: bytes, from: 0, to: bytes.count, macros: Self.monthMacros)
    }

    /// A parser for the items of `bytes` that start in `start..<limit`, with `macros` defined,
    /// its arrays sized for `reserving` bytes of entries (by default, those it reads).
    private init(bytes: [UInt8], from start: Int, to limit: Int, macros: [String: [UInt8]], reserving: Int? = nil) {
        self.bytes = bytes
        self.macros = macros
        self.position = start
        self.limit = limit
        entries.reserveCapacity((reserving ?? limit - start) / 400)
        fields.reserveCapacity((reserving ?? limit - start) / 40)
    }

    /// Parses `bytes` on two cores when the file is large (four times `Parallelism.minimumRunBytes`,
    /// 4 MB unless a test lowers it): the second half starts at an entry
    /// that begins a line, and is kept only if reading the first half ends before it and
    /// defines no macro the second half uses; otherwise the second half is read again in
    /// order. Either way the result is exactly that of one pass.
    /// - Complexity: O(n) in the number of bytes.
    static func parse(bytes: [UInt8]) -> BibTeXParser {
        let cores = Parallelism.workers
        guard cores > 1, bytes.count >= 4 * max(1, Parallelism.minimumRunBytes), let split = entryStart(in: bytes, after: bytes.count / 2) else {
            var parser = BibTeXParser(bytes: bytes)
            parser.parse()
            return parser
        }
        let halves = parallelRuns(2) { half in
            // The first half has room for the second's entries and fields, which it absorbs
            // (pages are only touched when written, so the room costs no memory until then).
            var parser = half == 0 ? BibTeXParser(bytes: bytes, from: 0, to: split, macros: monthMacros, reserving: bytes.count)
                : BibTeXParser(bytes: bytes, from: split, to: bytes.count, macros: monthMacros)
            parser.parse()
            return parser
        }
        var first = halves[0]
        // (Absorbing moves the second half's expansions after the first's: they must stay below 4 GiB.)
        if first.position <= split && first.definedMacros.isDisjoint(with: halves[1].borrowedMacros)
            && first.expansions.count + halves[1].expansions.count <= UInt32.max {
            first.absorb(halves[1])
            first.readInTwoHalves = true
        } else {
            first.limit = bytes.count
            first.parse()
        }
        return first
    }

    /// The first offset at or after `start` where a line begins with an entry (`@type{` or `@type(`).
    private static func entryStart(in bytes: [UInt8], after start: Int) -> Int? {
        let probe = BibTeXParser(bytes: bytes, from: 0, to: 0, macros: [:])
        var index = start
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "@"), index > 0, bytes[index - 1] == UInt8(ascii: "\n"), probe.startsEntry(at: index) {
                return index
            }
            index += 1
        }
        return nil
    }

    /// Appends the items of `later`, read from where this parser stopped.
    private mutating func absorb(_ later: consuming BibTeXParser) {
        let shift = fields.count
        let entryShift = entries.count
        for (entry, notes) in later.otherRepeats { otherRepeats[entry + entryShift] = notes }
        let expansionShift = expansions.count
        expansions += later.expansions
        fields += later.fields.lazy.map { field in
            guard case .owned(let range) = field.value else { return field }
            var moved = field
            moved.value = .owned((range.lowerBound + expansionShift)..<(range.upperBound + expansionShift))
            return moved
        }
        entries += later.entries.lazy.map { entry in
            var moved = entry
            moved.fields = (entry.fields.lowerBound + shift)..<(entry.fields.upperBound + shift)
            return moved
        }
        fieldNames.merge(later.fieldNames) { mine, _ in mine }
        lowercasedNames.merge(later.lowercasedNames) { mine, _ in mine }
        errors += later.errors
        warnings += later.warnings
        hasDatabaseFields = hasDatabaseFields || later.hasDatabaseFields
        for (name, value) in later.macros where later.definedMacros.contains(name) { macros[name] = value }
        definedMacros.formUnion(later.definedMacros)
        position = later.position
        limit = later.limit
    }

    /// The bytes of a field's value.
    func valueBytes(_ value: BibTeXValue) -> ArraySlice<UInt8> {
        switch value {
        case .slice(let range): bytes[range]
        case .owned(let range): expansions[range]
        }
    }

    /// The bytes in `range` as a string, without making an array slice (whose reference to the
    /// shared buffer would be counted up and down on every call, from both cores).
    @inline(__always) func string(_ range: Range<Int>) -> String {
        bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self) }
    }

    /// The code of the lower-case field name in `range`.
    @inline(__always) private func fieldCode(_ range: Range<Int>) -> BibTeXFieldName {
        bytes.withUnsafeBufferPointer { BibTeXFieldName(lowercased: UnsafeBufferPointer(rebasing: $0[range])) }
    }

    /// The value as a string (no LaTeX decoding).
    func valueString(_ value: BibTeXValue) -> String {
        makeString(valueBytes(value))
    }

    /// Scans the whole buffer.
    /// - Complexity: O(n) in the number of bytes (plus the size of macro expansions).
    mutating func parse() {
        while let at = nextAt(from: position), at < limit {
            position = at + 1
            let start = at
            let fieldCount = fields.count
            do {
                try parseItem(start: start)
            } catch let error as SyntaxError {
                errors.append((error.offset, error.message))
                fields.removeSubrange(fieldCount...)
                position = resynchronize(after: start)
            } catch {
                preconditionFailure("unexpected error \(error)")
            }
        }
    }

    // MARK: - Items

    private mutating func parseItem(start: Int) throws {
        skipWhitespace()
        let typeStart = position
        let type = readIdentifier().lowercased()
        if type.isEmpty {
            // A lone `@` in free text is a comment, as in BibTeX.
            position = typeStart
            return
        }
        skipWhitespace()
        if type == "comment" {
            // `@comment{…}` and `@comment(…)` skip a balanced group; after a bare `@comment`
            // scanning goes on at the next `@`, as in BibTeX.
            if position < bytes.count, bytes[position] == UInt8(ascii: "{") || bytes[position] == UInt8(ascii: "(") {
                _ = try readDelimited(openedAt: position, stopAtEntries: false)
            }
            return
        }
        guard position < bytes.count, bytes[position] == UInt8(ascii: "{") || bytes[position] == UInt8(ascii: "(") else {
            throw SyntaxError(offset: position, message: "expected '{' or '(' after '@\(type)'; write entries as @\(type){key, field = {value}}")
        }
        let closing: UInt8 = bytes[position] == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: ")")
        let openOffset = position
        position += 1
        switch type {
        case "preamble":
            skipWhitespace()
            _ = try readValue()
            skipWhitespace()
            try expect(closing, openedAt: openOffset, what: "to close @preamble")
        case "string":
            skipWhitespace()
            let nameOffset = position
            let name = readIdentifier().lowercased()
            if name.isEmpty {
                throw SyntaxError(offset: nameOffset, message: "expected a macro name in @string")
            }
            skipWhitespace()
            try expect(UInt8(ascii: "="), openedAt: nil, what: "after the @string name '\(name)'")
            skipWhitespace()
            // Read first: the value may be built at the end of `expansions`.
            let value = try readValue()
            macros[name] = Array(valueBytes(value))
            definedMacros.insert(name)
            skipWhitespace()
            try expect(closing, openedAt: openOffset, what: "to close @string")
        default:
            try parseEntry(type: type, start: start, closing: closing, openOffset: openOffset)
        }
    }

    private mutating func parseEntry(type: String, start: Int, closing: UInt8, openOffset: Int) throws {
        skipWhitespace()
        let keyStart = position
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: ",") || byte == closing || isWhitespace(byte) { break }
            if byte == UInt8(ascii: "=") || byte == UInt8(ascii: "@") || byte == UInt8(ascii: "{") || byte == UInt8(ascii: "}") {
                throw SyntaxError(offset: keyStart, message: "entry has no citation key; write @\(type){key, …}")
            }
            position += 1
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: " ") || bytes[position] == UInt8(ascii: "\t") {
            // Database exports write keys with blanks (`@ARTICLE{Carmone Jr.1997538,`): when the
            // rest of the line up to a comma holds no '=', the blanks are part of the key.
            position = keyEnd(from: position, closing: closing) ?? position
        }
        let key = string(keyStart..<position)
        skipWhitespace()
        let firstField = fields.count
        // Built only when needed: most entries are closed.
        func unclosed() -> SyntaxError {
            SyntaxError(offset: openOffset, message: "entry '\(key)' is not closed: add '\(Character(UnicodeScalar(closing)))'")
        }
        guard position < bytes.count else { throw unclosed() }
        if bytes[position] == closing {
            position += 1
            entries.append(BibTeXEntry(type: type, key: key, fields: firstField..<firstField, offset: start))
            return
        }
        guard bytes[position] == UInt8(ascii: ",") else {
            throw SyntaxError(offset: position, message: "expected ',' after the citation key '\(key)'")
        }
        position += 1
        entryOtherNames.removeAll()
        entryOtherRepeats.removeAll()
        var repeatsOfEntry: [(offset: Int, nameHash: UInt64)] = []
        while true {
            skipWhitespace()
            guard position < bytes.count else { throw unclosed() }
            if bytes[position] == closing {
                position += 1
                break
            }
            let (nameRange, hash, capitals) = try readFieldName(entryKey: key)
            let name = capitals ? code(of: nameRange, hash: hash) : fieldCode(nameRange)
            if name == .other { noteFieldName(hash: hash, range: nameRange) }
            skipWhitespace()
            if position >= bytes.count || bytes[position] != UInt8(ascii: "=") {
                try expect(UInt8(ascii: "="), openedAt: nil, what: "after the field name '\(fieldName(hash: hash, range: nameRange))' in entry '\(key)'")
            }
            position += 1
            skipWhitespace()
            let valueOffset = position
            let value = try readValue()
            guard BibTeXField.fits(nameBytes: nameRange, value: value, offset: valueOffset) else {
                if nameRange.count > UInt16.max {
                    throw SyntaxError(offset: nameRange.lowerBound, message: "a field name in entry '\(key)' is 64 KiB or longer (\(nameRange.count) bytes); is a '=' or a comma missing before it?")
                }
                throw SyntaxError(offset: valueOffset, message: "the field '\(fieldName(hash: hash, range: nameRange))' in entry '\(key)' is 4 GiB or longer, or its macros expand to more than 4 GiB")
            }
            if name == .other {
                // Not kept: a value built from parts gives its bytes back, and only a repeat is noted.
                if case .owned(let built) = value, built.upperBound == expansions.count { expansions.removeLast(built.count) }
                if !entryOtherNames.insert(hash), entryOtherRepeats.insert(hash) { repeatsOfEntry.append((valueOffset, hash)) }
            } else {
                fields.append(BibTeXField(name: name, nameBytes: nameRange, value: value, offset: valueOffset))
                if name.rawValue >= BibTeXFieldName.orcidNumbers.rawValue { hasDatabaseFields = true }
            }
            skipWhitespace()
            guard position < bytes.count else { throw unclosed() }
            if bytes[position] == UInt8(ascii: ",") {
                position += 1
            } else if bytes[position] != closing {
                throw SyntaxError(offset: position, message: "expected ',' or '\(Character(UnicodeScalar(closing)))' after the field '\(fieldName(hash: hash, range: nameRange))' in entry '\(key)' (a missing comma?)")
            }
        }
        if !repeatsOfEntry.isEmpty { otherRepeats[entries.count] = repeatsOfEntry }
        entries.append(BibTeXEntry(type: type, key: key, fields: firstField..<fields.count, offset: start))
    }

    /// Where a citation key with blanks in it ends: the last non-blank byte before the comma that
    /// ends the line's key, if the line goes on to such a comma with no '=', brace or entry end first.
    private func keyEnd(from start: Int, closing: UInt8) -> Int? {
        var index = start
        var lastSolid = start
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: ","):
                return lastSolid
            case UInt8(ascii: "="), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "@"), UInt8(ascii: "\n"), UInt8(ascii: "\r"), closing:
                return nil
            case UInt8(ascii: " "), UInt8(ascii: "\t"):
                break
            default:
                lastSolid = index + 1
            }
            index += 1
        }
        return nil
    }

    /// Reads a field name and returns its range and the hash of its lower-cased bytes.
    /// The name is lower-cased in place of a copy: field names are ASCII in practice, and a
    /// non-ASCII byte simply hashes as written.
    private mutating func readFieldName(entryKey: String) throws -> (Range<Int>, UInt64, capitals: Bool) {
        let start = position
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var lowerASCII = true
        let count = bytes.count
        // A local index in the loop: the stored position is written once, at the end.
        var index = position
        while true {
            while index < count {
                let byte = bytes[index]
                if isWhitespace(byte) || isDelimiter(byte) || byte < 0x20 { break }
                if byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") { lowerASCII = false }
                hash = (hash ^ UInt64(byte | (byte >= 0x41 && byte <= 0x5A ? 0x20 : 0))) &* 0x100_0000_01b3
                index += 1
            }
            // Web of Science writes field names with blanks (`Early Access Date = {…}`), which
            // bibtexparser reads as one name: blanks followed, on the same line, by more name
            // before the '=' belong to the name (hashed as one blank, however many there are).
            // The usual `name = ` ends at its first blank's '=' test.
            guard index > start, index + 1 < count, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t"),
                  bytes[index + 1] != UInt8(ascii: "=") else { break }
            var next = index
            while next < count, bytes[next] == UInt8(ascii: " ") || bytes[next] == UInt8(ascii: "\t") { next += 1 }
            guard next < count, !isWhitespace(bytes[next]), !isDelimiter(bytes[next]), bytes[next] >= 0x20 else { break }
            hash = (hash ^ UInt64(UInt8(ascii: " "))) &* 0x100_0000_01b3
            lowerASCII = false
            index = next
        }
        position = index
        if position == start {
            throw SyntaxError(offset: start, message: "expected a field name in entry '\(entryKey)', found \(describeByte(at: start))")
        }
        if !lowerASCII {
            // Remember the lower-cased spelling once, for the rare upper-case field name.
            let lowered = String(decoding: bytes[start..<position], as: UTF8.self).lowercased()
            lowercasedNames[hash] = Array(lowered.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ").utf8)
        }
        return (start..<position, hash, !lowerASCII)
    }

    /// Lower-cased spellings of field names written with capitals, by hash.
    private var lowercasedNames: [UInt64: [UInt8]] = [:]

    /// The lower-cased field name for messages.
    private func fieldName(hash: UInt64, range: Range<Int>) -> String {
        fieldNames[hash] ?? String(decoding: lowercasedNames[hash] ?? Array(bytes[range]), as: UTF8.self)
    }

    /// Remembers the spelling of a field name the reader has no code for (it may need it in a
    /// warning about a repeated field). Consecutive entries mostly repeat the same few names,
    /// so the last hash seen short-cuts the dictionary.
    private mutating func noteFieldName(hash: UInt64, range: Range<Int>) {
        if recentNames.contains(hash) { return }
        recentNames[Int(hash & 7)] = hash
        if fieldNames[hash] == nil { fieldNames[hash] = fieldName(hash: hash, range: range) }
    }

    private var recentNames: [UInt64] = Array(repeating: 0, count: 8)

    /// The code of a field name range as written (any case).
    private func code(of range: Range<Int>, hash: UInt64) -> BibTeXFieldName {
        if let lowered = lowercasedNames[hash] { return BibTeXFieldName(lowercased: lowered[...]) }
        return fieldCode(range)
    }

    // MARK: - Values

    /// Reads `part # part # …` where a part is `{…}`, `"…"`, a number or a macro name.
    private mutating func readValue() throws -> BibTeXValue {
        // A value of several parts is built at the end of `expansions`, from `built` on.
        var built: Int? = nil
        var single: Range<Int>? = nil
        var parts = 0
        while true {
            guard position < bytes.count else {
                throw SyntaxError(offset: position, message: "unexpected end of file: expected a value")
            }
            let byte = bytes[position]
            var part: Range<Int>? = nil
            var expansion: [UInt8]? = nil
            if byte == UInt8(ascii: "{") {
                part = try readDelimited(openedAt: position)
            } else if byte == UInt8(ascii: "\"") {
                part = try readQuoted()
            } else if isDigit(byte) {
                let start = position
                while position < bytes.count, isDigit(bytes[position]) { position += 1 }
                part = start..<position
            } else {
                let start = position
                let name = readIdentifier()
                if name.isEmpty {
                    throw SyntaxError(offset: start, message: "expected a value ({…}, \"…\", a number or a macro), found \(describeByte(at: start))")
                }
                let key = name.lowercased()
                if !definedMacros.contains(key) { borrowedMacros.insert(key) }
                if let value = macros[key] {
                    expansion = value
                } else {
                    warnings.append((start, "undefined macro '\(name)' (define it with @string{\(name) = {…}}); its value is taken as empty"))
                    expansion = []
                }
            }
            parts += 1
            if parts == 1, let part {
                single = part
            } else {
                if built == nil {
                    built = expansions.count
                    if let single { expansions.append(contentsOf: bytes[single]) }
                    single = nil
                }
                if let part { expansions.append(contentsOf: bytes[part]) }
                if let expansion { expansions.append(contentsOf: expansion) }
                // `@string{s1 = s0 # s0}`, `@string{s2 = s1 # s1}`, …: a few lines that double a
                // value each took all memory (a user trial of session 53). No value is longer
                // than the file, or a mebibyte.
                let limit = max(1 << 20, bytes.count)
                // …nor all of them together longer than sixteen files or 64 MiB (one mebibyte
                // macro named by entry after entry: a review of session 53).
                let total = max(64 << 20, 16 * bytes.count)
                if expansions.count > total {
                    expansions.removeSubrange(built!...)
                    throw SyntaxError(offset: position, message: "the values that @string macros expand to pass \(total) bytes in all; "
                                      + "define the long macros with their text")
                }
                if expansions.count - built! > limit {
                    expansions.removeSubrange(built!...)
                    throw SyntaxError(offset: position, message: "this value grows beyond \(limit) bytes through @string macros joined with '#'; "
                                      + "a macro that doubles another is doubled again here: define it with its text")
                }
            }
            skipWhitespace()
            if position < bytes.count, bytes[position] == UInt8(ascii: "#") {
                position += 1
                skipWhitespace()
                continue
            }
            if let single { return .slice(single) }
            let start = built ?? expansions.count
            return .owned(start..<expansions.count)
        }
    }

    /// Reads a `{…}` or `(…)` group starting at `position`, returning the range inside.
    /// Brace depth is a counter, so any nesting depth is fine.
    /// With `stopAtEntries`, a line that starts an entry ends the search for the closing brace.
    private mutating func readDelimited(openedAt open: Int, stopAtEntries: Bool = true) throws -> Range<Int> {
        let opener = bytes[position]
        let closer: UInt8 = opener == UInt8(ascii: "(") ? UInt8(ascii: ")") : UInt8(ascii: "}")
        position += 1
        let start = position
        var depth = 0
        let count = bytes.count
        while position < count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "{") {
                depth += 1
            } else if byte == UInt8(ascii: "}") {
                if depth == 0 {
                    if closer == byte {
                        position += 1
                        return start..<(position - 1)
                    }
                    throw SyntaxError(offset: position, message: "unbalanced '}'")
                }
                depth -= 1
            } else if byte == closer, depth == 0 {
                position += 1
                return start..<(position - 1)
            } else if byte == UInt8(ascii: "\\"), position + 1 < count,
                      bytes[position + 1] == UInt8(ascii: "{") || bytes[position + 1] == UInt8(ascii: "}") {
                // `\{` and `\}` are literal braces in LaTeX; BibTeX still counts them, but
                // skipping the escape keeps `\}` from closing a group the author meant to keep open.
                position += 1
            } else if byte == UInt8(ascii: "@"), stopAtEntries, opener == UInt8(ascii: "{"), startsEntry(at: position) {
                // An entry starting a line inside a value almost always means a brace was never
                // closed; stopping here keeps the damage to one entry.
                break
            }
            position += 1
        }
        throw SyntaxError(offset: open, message: "unbalanced braces: the '\(Character(UnicodeScalar(opener)))' opened here is never closed")
    }

    /// Whether `index` (an `@`) starts a line and is followed by an entry type and `{` or `(`.
    fileprivate func startsEntry(at index: Int) -> Bool {
        var back = index - 1
        while back >= 0, bytes[back] == UInt8(ascii: " ") || bytes[back] == UInt8(ascii: "\t") { back -= 1 }
        guard back < 0 || bytes[back] == UInt8(ascii: "\n") else { return false }
        var k = index + 1
        let start = k
        while k < bytes.count, isASCIILetter(bytes[k]) { k += 1 }
        guard k > start else { return false }
        while k < bytes.count, isWhitespace(bytes[k]) { k += 1 }
        return k < bytes.count && (bytes[k] == UInt8(ascii: "{") || bytes[k] == UInt8(ascii: "("))
    }

    /// Reads a `"…"` value; quotes inside braces do not end it.
    private mutating func readQuoted() throws -> Range<Int> {
        let open = position
        position += 1
        let start = position
        var depth = 0
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "{") {
                depth += 1
            } else if byte == UInt8(ascii: "}") {
                if depth == 0 { throw SyntaxError(offset: position, message: "unbalanced '}' inside a quoted value") }
                depth -= 1
            } else if byte == UInt8(ascii: "\""), depth == 0 {
                position += 1
                return start..<(position - 1)
            }
            position += 1
        }
        throw SyntaxError(offset: open, message: "unterminated quoted value: the '\"' opened here is never closed")
    }

    // MARK: - Scanning helpers

    private mutating func expect(_ byte: UInt8, openedAt open: Int?, what: String) throws {
        guard position < bytes.count else {
            throw SyntaxError(offset: open ?? position, message: "unexpected end of file: expected '\(Character(UnicodeScalar(byte)))' \(what)")
        }
        guard bytes[position] == byte else {
            throw SyntaxError(offset: position, message: "expected '\(Character(UnicodeScalar(byte)))' \(what), found \(describeByte(at: position))")
        }
        position += 1
    }

    private func describeByte(at offset: Int) -> String {
        guard offset < bytes.count else { return "the end of the file" }
        let byte = bytes[offset]
        if byte >= 0x21, byte < 0x7F { return "'\(Character(UnicodeScalar(byte)))'" }
        if byte == UInt8(ascii: "\n") { return "a line break" }
        let digits = Array("0123456789ABCDEF")
        return "byte 0x" + String([digits[Int(byte >> 4)], digits[Int(byte & 15)]])
    }

    @inline(__always) private func isDelimiter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "("), UInt8(ascii: ")"),
             UInt8(ascii: ","), UInt8(ascii: "="), UInt8(ascii: "#"), UInt8(ascii: "\""),
             UInt8(ascii: "%"), UInt8(ascii: "'"), UInt8(ascii: "@"):
            true
        default:
            false
        }
    }

    private mutating func readIdentifier() -> String {
        let start = position
        while position < bytes.count {
            let byte = bytes[position]
            if isWhitespace(byte) || isDelimiter(byte) || byte < 0x20 { break }
            position += 1
        }
        return string(start..<position)
    }

    private mutating func skipWhitespace() {
        while position < bytes.count {
            let byte = bytes[position]
            if isWhitespace(byte) {
                position += 1
            } else if byte == UInt8(ascii: "%") {
                // biblatex and most tools accept line comments between fields.
                while position < bytes.count, bytes[position] != UInt8(ascii: "\n") { position += 1 }
            } else {
                return
            }
        }
    }

    private func nextAt(from start: Int) -> Int? {
        var index = start
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "@") { return index }
            index += 1
        }
        return nil
    }

    /// After a malformed entry, the next `@` that starts a line (after blanks),
    /// so that one missing brace does not swallow the entries after it.
    private func resynchronize(after start: Int) -> Int {
        var index = start + 1
        var atLineStart = false
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") {
                atLineStart = true
            } else if byte == UInt8(ascii: "@"), atLineStart {
                return index
            } else if !(byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")) {
                atLineStart = false
            }
            index += 1
        }
        return bytes.count
    }
}

@inline(__always) func isWhitespace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C || byte == 0x0B
}

@inline(__always) func isDigit(_ byte: UInt8) -> Bool {
    byte >= 0x30 && byte <= 0x39
}

@inline(__always) func isASCIILetter(_ byte: UInt8) -> Bool {
    (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
}

/// A set of field-name hashes for one entry: a list while short (an entry has a dozen fields),
/// a set past 64 (a hostile entry with thousands), so that finding repeats stays linear.
struct FieldNameHashes {
    private var list: [UInt64] = []
    private var many: Set<UInt64>? = nil

    /// Adds `hash`; false when it was there already.
    mutating func insert(_ hash: UInt64) -> Bool {
        if many != nil { return many!.insert(hash).inserted }
        if list.contains(hash) { return false }
        list.append(hash)
        if list.count > 64 {
            many = Set(list)
            list.removeAll(keepingCapacity: true)
        }
        return true
    }

    mutating func removeAll() {
        list.removeAll(keepingCapacity: true)
        many = nil
    }
}
