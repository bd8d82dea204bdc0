import Foundation

/// The fields of one OpenAlex work that a record keeps, as the JSON gives them (a value of
/// another type than expected counts as absent, and a repeated key's last value wins, as with
/// `JSONSerialization`).
struct OpenAlexWorkFields {
    struct Institution {
        var displayName: String?
        var ror: String?
        var countryCode: String?
    }

    /// An `author` object as a record takes it: its `display_name` (nil when absent or not a
    /// string), that name parsed, and the IDs its `orcid` and `id` give.
    struct Author {
        /// False for an `author` value that is not an object (then it gives nothing).
        var isObject = true
        var displayName: String?
        var name: PersonName?
        var ids: AuthorIDs
        /// The warning for an `orcid` that fails its check (`ExportValues.orcidCheckWarning`).
        var orcidWarning: String? = nil
    }

    /// The values of an authorship, each an index into its reader's tables of values read
    /// (`OpenAlexWorkReader.Known`), valid until the reader reads its next work; -1 where the
    /// authorship has no such value.
    struct Authorship {
        /// False for an element of `authorships` that is not an object.
        var isObject = true
        /// The `author` value when it is an object.
        var author: Int32 = -1
        /// The `raw_author_name` string, read only where `author` gives no display name.
        var rawAuthorName: String?
        /// The `raw_affiliation_strings` value: nil unless it is an array of strings only.
        var rawAffiliations: Int32 = -1
        /// The `institutions` value: its elements that are objects.
        var institutions: Int32 = -1
    }

    var id: String?
    var title: String?
    var displayName: String?
    var publicationYear: Int?
    var publicationDate: String?
    var doi: String?
    var citedBy: Int?
    var pmid: String?
    var type: String?
    var sourceName: String?
    var hostVenueName: String?
    var authorships: [Authorship] = []
}

/// Reads OpenAlex works with `JSONScanner` and turns them into records.
struct OpenAlexWorkReader {
    let path: String
    /// Where the whole file, read as one JSON document, went wrong (nil when it is one).
    private(set) var documentFailure: JSONScanner.Failure? = nil
    /// Parsed names by their text: the same people sign many works.
    private var names: [String: PersonName?] = [:]

    /// Values already read, by their exact bytes. The same `author` objects, `institutions` lists
    /// and `raw_affiliation_strings` lists recur from work to work: each distinct one is decoded
    /// and normalised once, and a recurring one costs a check (the bytes are still validated), a
    /// hash and a look-up. Emptied between works past `knownLimit` values, so memory stays bounded.
    struct Known<Value: Sendable>: Sendable {
        var table = ByteKeyTable(expected: 1024)
        var values: [Value] = []
        /// The objects and arrays of `prefixLength` bytes or more among the values, by the hash of
        /// their first `prefixLength` bytes: each hash's values as a list (the latest in its slot,
        /// then `nextWithPrefix` of each value), so that a recurring one is found by its opening
        /// bytes and one comparison, without being scanned (`opening`). The slots hold half of the
        /// hash, not the prefix, and where the latest value's bytes are: a look-up touches a slot,
        /// then those bytes, which are compared whole (two prefixes of one half hash only lengthen
        /// a list).
        private var prefixSlots = [PrefixSlot](repeating: PrefixSlot(), count: 2048)
        private var prefixCount = 0
        private var nextWithPrefix: [Int32] = []
        /// Long enough to get past the `id` of an OpenAlex author or institution.
        static var prefixLength: Int { 64 }
        /// The most values with one prefix that `opening` compares (many lists may open with the
        /// same institution): past them a value is scanned.
        static var comparedWithPrefix: Int { 8 }

        /// 16 bytes, as a slot of the whole hash and the value alone would be (padded): the
        /// value's place in the table's arena comes with it, where reading it from the table
        /// was a cache miss more per look-up.
        struct PrefixSlot {
            /// The lower half of the prefix's hash.
            var hash: UInt32 = 0
            /// The latest value listed under `hash`; -1 for an empty slot.
            var latest: Int32 = -1
            /// Where that value's bytes are in the table's arena (`ByteKeyTable.place(of:)`).
            var start: UInt32 = 0
            var length: UInt32 = 0
        }

        mutating func empty() {
            self = Known()
        }

        /// The slot of `hash`: the one holding it, else the empty one where it would go.
        @inline(__always) private func slot(of hash: UInt32) -> Int {
            let mask = prefixSlots.count - 1
            var slot = homeSlot(of: UInt64(hash), mask: mask)
            while prefixSlots[slot].latest >= 0 && prefixSlots[slot].hash != hash { slot = (slot + 1) & mask }
            return slot
        }

        /// The lower half of the hash of the `prefixLength` bytes at `start`.
        @inline(__always) private static func prefixHash(_ start: UnsafePointer<UInt8>) -> UInt32 {
            UInt32(truncatingIfNeeded: WordHash.hash(UnsafeBufferPointer(start: start, count: prefixLength)))
        }

        /// The known value that opens the `count` bytes at `start`, and its length: an object or
        /// an array whose bytes all are there. A JSON object or array ends at its closing bracket,
        /// so bytes equal to a value's are that value, already checked, whatever follows them.
        func opening(_ start: UnsafePointer<UInt8>, count: Int) -> (id: Int, length: Int)? {
            guard count >= Self.prefixLength else { return nil }
            let listed = prefixSlots[slot(of: Self.prefixHash(start))]
            guard listed.latest >= 0 else { return nil }
            // The latest value, from its slot alone (the one found most of the time).
            let latestLength = Int(listed.length)
            if latestLength <= count, table.withArena({ memcmp($0.baseAddress! + Int(listed.start), start, latestLength) == 0 }) {
                return (Int(listed.latest), latestLength)
            }
            var candidate = Int(nextWithPrefix[Int(listed.latest)])
            for _ in 1..<Self.comparedWithPrefix where candidate >= 0 {
                let length = table.withKey(candidate) { key in
                    key.count <= count && memcmp(key.baseAddress!, start, key.count) == 0 ? key.count : -1
                }
                if length >= 0 { return (candidate, length) }
                candidate = Int(nextWithPrefix[candidate])
            }
            return nil
        }

        /// Lists the new value `id` (its bytes `bytes`) under its prefix, when it is an object or
        /// an array long enough to have one.
        mutating func listByPrefix(_ id: Int, _ bytes: UnsafeBufferPointer<UInt8>) {
            guard bytes.count >= Self.prefixLength, bytes[0] == UInt8(ascii: "{") || bytes[0] == UInt8(ascii: "[") else { return }
            let hash = Self.prefixHash(bytes.baseAddress!)
            while nextWithPrefix.count <= id { nextWithPrefix.append(-1) }
            let home = slot(of: hash)
            // The latest first: a value recurs most in the works near the one it came with.
            nextWithPrefix[id] = prefixSlots[home].latest
            if prefixSlots[home].latest < 0 { prefixCount += 1 }
            let (start, length) = table.place(of: id)
            prefixSlots[home] = PrefixSlot(hash: hash, latest: Int32(id), start: start, length: length)
            if prefixCount * 2 > prefixSlots.count {
                let old = prefixSlots
                prefixSlots = [PrefixSlot](repeating: PrefixSlot(), count: old.count * 2)
                for listed in old where listed.latest >= 0 { prefixSlots[slot(of: listed.hash)] = listed }
            }
        }
    }
    /// The number of values past which the tables are emptied (a parameter for the tests).
    let knownLimit: Int
    private var authors = Known<OpenAlexWorkFields.Author>()
    private var institutionLists = Known<[OpenAlexWorkFields.Institution]>()
    private var rawLists = Known<[String]?>()
    /// The affiliations made from an institutions list and a raw list (their indices); emptied
    /// with the tables.
    private var affiliationLists: [Int64: [Affiliation]] = [:]

    /// Whether the works' titles, sources and DOIs are read (else skipped, their syntax checked).
    let keepingText: Bool

    init(path: String, knownLimit: Int = 1 << 18, keepingText: Bool = true) {
        self.path = path
        self.knownLimit = knownLimit
        self.keepingText = keepingText
    }

    /// Reads the buffer as one JSON document (a work, an array of works, or a list response
    /// with `results`) when it is one; returns false, having added nothing, when it is not (then
    /// it may be JSON Lines).
    /// - Complexity: O(n).
    mutating func readDocument(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int, lines: LineIndex,
                               into result: inout ExportCorpus) -> Bool {
        var scanner = JSONScanner(buffer, from: start)
        scanner.skipWhitespace()
        let first = scanner.index
        guard scanner.peek == UInt8(ascii: "{") || scanner.peek == UInt8(ascii: "[") else { return false }
        // The elements of `results` (an object) or of the array itself, else the object is a work.
        var elements: [Int]? = nil
        do throws(JSONScanner.Failure) {
            if scanner.peek == UInt8(ascii: "[") {
                elements = try Self.elementStarts(&scanner)
            } else {
                _ = try scanner.object { scanner, key throws(JSONScanner.Failure) in
                    if key == "results" {
                        scanner.skipWhitespace()
                        if scanner.peek == UInt8(ascii: "[") {
                            elements = try Self.elementStarts(&scanner)
                        } else {
                            elements = nil
                            try scanner.skipValue()
                        }
                    } else {
                        try scanner.skipValue()
                    }
                }
            }
            scanner.skipWhitespace()
            guard scanner.atEnd else {
                documentFailure = scanner.fail("more than one JSON value: this is JSON Lines, or a value is followed by text")
                return false
            }
        } catch {
            documentFailure = error
            return false
        }
        var cursor = LineIndex.Cursor(lines)
        for (number, offset) in (elements ?? [first]).enumerated() {
            var scanner = JSONScanner(buffer, from: offset)
            // The document was checked whole: reading one of its values cannot fail.
            guard let fields = try? work(&scanner) else {
                result.error(cursor.location(of: offset), "result \(number) is not a work object; it is skipped")
                result.corpus.records += 1
                continue
            }
            add(fields, at: cursor.location(of: offset), to: &result)
        }
        return true
    }

    /// The offsets of the elements of the array at the scanner.
    private static func elementStarts(_ scanner: inout JSONScanner) throws(JSONScanner.Failure) -> [Int] {
        var starts: [Int] = []
        _ = try scanner.array { scanner, _ throws(JSONScanner.Failure) in
            scanner.skipWhitespace()
            starts.append(scanner.index)
            try scanner.skipValue()
        }
        return starts
    }

    /// One line of JSON Lines: a work, a failure, or nil for a blank line.
    mutating func readLine(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Result<OpenAlexWorkFields, JSONScanner.Failure>? {
        // Files joined into one (`cat`) put the next one's byte-order mark before its first line.
        let start = start + ByteOrderMark.length(in: buffer, at: start, end: end)
        var blank = true
        for offset in start..<end where !isWhitespace(buffer[offset]) {
            blank = false
            break
        }
        guard !blank else { return nil }
        var scanner = JSONScanner(buffer, from: start, to: end)
        do throws(JSONScanner.Failure) {
            scanner.skipWhitespace()
            let open = scanner.index
            guard let fields = try work(&scanner) else { throw JSONScanner.Failure(offset: open, message: "the line holds a JSON value that is not an object") }
            scanner.skipWhitespace()
            guard scanner.atEnd else { throw scanner.fail("text after the work object") }
            return .success(fields)
        } catch {
            return .failure(error)
        }
    }

    /// The work object at the scanner, or nil (the value skipped) when it is not an object.
    private mutating func work(_ scanner: inout JSONScanner) throws(JSONScanner.Failure) -> OpenAlexWorkFields? {
        if max(authors.values.count, institutionLists.values.count, rawLists.values.count, affiliationLists.count) > knownLimit {
            authors.empty()
            institutionLists.empty()
            rawLists.empty()
            affiliationLists = [:]
        }
        var fields = OpenAlexWorkFields()
        let keepingText = self.keepingText
        let isObject = try scanner.object { scanner, key throws(JSONScanner.Failure) in
            // One branch per field the reader keeps, alike in shape, deliberately: the keys are compared
            // as bytes in the order OpenAlex writes them.
            if key == "id" {
                fields.id = try scanner.stringValue()
            } else if !keepingText && (key == "title" || key == "display_name" || key == "doi" || key == "primary_location" || key == "host_venue") {
                try scanner.skipValue()
            } else if key == "title" {
                fields.title = try scanner.stringValue()
            } else if key == "display_name" {
                fields.displayName = try scanner.stringValue()
            } else if key == "publication_year" {
                fields.publicationYear = try scanner.intValue()
            } else if key == "publication_date" {
                fields.publicationDate = try scanner.stringValue()
            } else if key == "doi" {
                fields.doi = try scanner.stringValue()
            } else if key == "cited_by_count" {
                fields.citedBy = try scanner.intValue()
            } else if key == "type" {
                fields.type = try scanner.stringValue()
            } else if key == "ids" {
                fields.pmid = nil
                _ = try scanner.object { scanner, key throws(JSONScanner.Failure) in
                    if key == "pmid" { fields.pmid = try scanner.stringValue() } else { try scanner.skipValue() }
                }
            } else if key == "primary_location" {
                fields.sourceName = try Self.nestedName(&scanner, "source")
            } else if key == "host_venue" {
                fields.hostVenueName = try Self.displayName(&scanner)
            } else if key == "authorships" {
                fields.authorships = []
                _ = try scanner.array { scanner, _ throws(JSONScanner.Failure) in
                    fields.authorships.append(try authorship(&scanner))
                }
            } else {
                try scanner.skipValue()
            }
        }
        // Moved out: the closure above captures it, and returning it as it is copied it.
        return isObject ? take(&fields, leaving: OpenAlexWorkFields()) : nil
    }

    /// `display_name` of the object at the scanner, if it is an object with a string there.
    private static func displayName(_ scanner: inout JSONScanner) throws(JSONScanner.Failure) -> String? {
        var name: String? = nil
        _ = try scanner.object { scanner, key throws(JSONScanner.Failure) in
            if key == "display_name" { name = try scanner.stringValue() } else { try scanner.skipValue() }
        }
        return name
    }

    /// `display_name` of the object under `key` of the object at the scanner.
    private static func nestedName(_ scanner: inout JSONScanner, _ inner: StaticString) throws(JSONScanner.Failure) -> String? {
        var name: String? = nil
        _ = try scanner.object { scanner, key throws(JSONScanner.Failure) in
            if key == inner {
                name = nil
                name = try displayName(&scanner)
            } else {
                try scanner.skipValue()
            }
        }
        return name
    }

    private mutating func authorship(_ scanner: inout JSONScanner) throws(JSONScanner.Failure) -> OpenAlexWorkFields.Authorship {
        var authorship = OpenAlexWorkFields.Authorship()
        // Where the `raw_author_name` string is: it is decoded only for an authorship whose author
        // gives no display name, once the whole object is read (a key may come twice).
        var rawName: Range<Int>? = nil
        authorship.isObject = try scanner.object { scanner, key throws(JSONScanner.Failure) in
            if key == "author" {
                authorship.author = try Self.known(&scanner, in: &authors) { scanner throws(JSONScanner.Failure) in
                    var displayName: String? = nil
                    var orcid: String? = nil
                    var id: String? = nil
                    let isObject = try scanner.object { scanner, key throws(JSONScanner.Failure) in
                        if key == "display_name" {
                            displayName = try scanner.stringValue()
                        } else if key == "orcid" {
                            orcid = try scanner.stringValue()
                        } else if key == "id" {
                            id = try scanner.stringValue()
                        } else {
                            try scanner.skipValue()
                        }
                    }
                    guard isObject else { return OpenAlexWorkFields.Author(isObject: false, ids: AuthorIDs()) }
                    let (valid, warning) = ExportValues.checkedORCID(orcid ?? "", author: displayName)
                    return OpenAlexWorkFields.Author(displayName: displayName, name: displayName.flatMap { ExportValues.name($0) },
                                                     ids: AuthorIDs(orcid: valid, openAlex: ExportValues.lastComponent(id ?? "")),
                                                     orcidWarning: warning)
                }
                if !authors.values[Int(authorship.author)].isObject { authorship.author = -1 }
            } else if key == "raw_author_name" {
                scanner.skipWhitespace()
                let start = scanner.index
                if scanner.peek == UInt8(ascii: "\"") {
                    try scanner.skipString()
                    rawName = start..<scanner.index
                } else {
                    try scanner.skipValue()
                    rawName = nil
                }
            } else if key == "raw_affiliation_strings" {
                authorship.rawAffiliations = try Self.known(&scanner, in: &rawLists) { scanner throws(JSONScanner.Failure) in
                    var strings: [String]? = []
                    let isArray = try scanner.array { scanner, _ throws(JSONScanner.Failure) in
                        if let text = try scanner.stringValue() { strings?.append(text) } else { strings = nil }
                    }
                    return isArray ? strings : nil
                }
            } else if key == "institutions" {
                authorship.institutions = try Self.known(&scanner, in: &institutionLists) { scanner throws(JSONScanner.Failure) in
                    var institutions: [OpenAlexWorkFields.Institution] = []
                    _ = try scanner.array { scanner, _ throws(JSONScanner.Failure) in
                        var institution = OpenAlexWorkFields.Institution()
                        let isObject = try scanner.object { scanner, key throws(JSONScanner.Failure) in
                            if key == "display_name" {
                                institution.displayName = try scanner.stringValue()
                            } else if key == "ror" {
                                institution.ror = try scanner.stringValue()
                            } else if key == "country_code" {
                                institution.countryCode = try scanner.stringValue()
                            } else {
                                try scanner.skipValue()
                            }
                        }
                        if isObject { institutions.append(institution) }
                    }
                    return institutions
                }
            } else {
                try scanner.skipValue()
            }
        }
        if let rawName, authorship.author < 0 || authors.values[Int(authorship.author)].displayName == nil {
            var string = JSONScanner(UnsafeBufferPointer(start: scanner.base, count: rawName.upperBound), from: rawName.lowerBound)
            authorship.rawAuthorName = try string.string()
        }
        return authorship
    }

    /// The value at the scanner as an index into `known`, read by `decode` (from its first byte)
    /// the first time its bytes are seen. A value that does not scan (an error, or nesting deeper
    /// than a skip may) is read by `decode` where it stands, which throws what reading it would.
    private static func known<Value>(_ scanner: inout JSONScanner, in known: inout Known<Value>,
                                     _ decode: (inout JSONScanner) throws(JSONScanner.Failure) -> Value) throws(JSONScanner.Failure) -> Int32 {
        scanner.skipWhitespace()
        let start = scanner.index
        if let (id, length) = known.opening(scanner.base + start, count: scanner.end - start) {
            scanner.index = start + length
            return Int32(id)
        }
        do {
            try scanner.skipValue()
        } catch {
            scanner.index = start
            known.values.append(try decode(&scanner))
            return Int32(known.values.count - 1)
        }
        let bytes = UnsafeBufferPointer(start: scanner.base + start, count: scanner.index - start)
        let (id, isNew) = known.table.findOrInsert(bytes, hash: WordHash.hash(bytes))
        if isNew {
            var value = JSONScanner(UnsafeBufferPointer(start: scanner.base, count: scanner.index), from: start)
            known.values.append(try decode(&value))
            known.listByPrefix(id, bytes)
        }
        return Int32(id)
    }

    /// The record of one work, added to `result`.
    mutating func add(_ work: OpenAlexWorkFields, at location: SourceLocation, to result: inout ExportCorpus) {
        var record = ExportRecord(location: location, expectedAuthors: work.authorships.count)
        record.extras.openAlex = ExportValues.lastComponent(work.id ?? "")
        record.key = record.extras.openAlex.isEmpty ? "work at line \(location.line)" : record.extras.openAlex
        record.title = LaTeX.collapseWhitespace(work.title ?? work.displayName ?? "")
        // A year as the other readers take it (four digits at most): any JSON integer may stand here.
        record.year = work.publicationYear.flatMap { (0...9999).contains($0) ? $0 : nil }
            ?? BibTeXReader.firstYear(work.publicationDate ?? "")
        record.doi = ExportValues.doi(work.doi ?? "")
        record.extras.citedBy = work.citedBy
        if let pmid = work.pmid { record.extras.pmid = ExportValues.pmid(ExportValues.lastComponent(pmid)) }
        record.type = OpenAlexReader.workType(work.type ?? "")
        record.venue = work.sourceName ?? work.hostVenueName ?? ""
        for (index, authorship) in work.authorships.enumerated() {
            // The author's fields are read in place (a copy of the whole author would retain each of its strings).
            let author = Int(authorship.author)
            let parsed = author >= 0 && authors.values[author].displayName != nil
                ? authors.values[author].name : name(authorship.rawAuthorName ?? "")
            guard let parsed else {
                result.warning(location, "authorship \(index) of \(record.key) has no author name; it is left out")
                continue
            }
            if author >= 0, let warning = authors.values[author].orcidWarning { record.warnings.append(warning) }
            record.addAuthor(parsed, ids: author >= 0 ? authors.values[author].ids : AuthorIDs(), affiliations: affiliations(authorship))
        }
        result.add(take(&record, leaving: ExportRecord(location: location)))
    }

    /// An authorship's affiliations: one per institution (with the raw string when there is one
    /// only), else one per raw string; made once per pair of lists.
    private mutating func affiliations(_ authorship: OpenAlexWorkFields.Authorship) -> [Affiliation] {
        let pair = Int64(authorship.institutions) << 32 | Int64(UInt32(bitPattern: authorship.rawAffiliations))
        if let known = affiliationLists[pair] { return known }
        let raws = authorship.rawAffiliations < 0 ? [] : rawLists.values[Int(authorship.rawAffiliations)] ?? []
        let institutions = authorship.institutions < 0 ? [] : institutionLists.values[Int(authorship.institutions)]
        var affiliations = institutions.map { institution in
            Affiliation(raw: Self.rawString(of: institution.displayName ?? "", in: raws), institution: institution.displayName ?? "",
                        ror: ExportValues.lastComponent(institution.ror ?? ""), country: institution.countryCode ?? "")
        }
        if affiliations.isEmpty { affiliations = raws.map { Affiliation(raw: $0) } }
        affiliationLists[pair] = affiliations
        return affiliations
    }

    /// The raw affiliation string of an institution named `name` among an authorship's `raws`:
    /// the only one, or the only one that names it (case and accents aside). An institution
    /// without a country code is then placed by its string (`Public Knowledge Project, Canada`
    /// was in no country: a user trial of session 61).
    static func rawString(of name: String, in raws: [String]) -> String {
        if raws.count == 1 { return raws[0] }
        // Whole words (`Institutions.key`): `UCL` is not in `Nuclear` (a review of session 61).
        let key = Institutions.key(name)
        guard !key.isEmpty else { return "" }
        let naming = raws.filter { (" " + Institutions.key($0) + " ").contains(" " + key + " ") }
        return naming.count == 1 ? naming[0] : ""
    }

    private mutating func name(_ text: String) -> PersonName? {
        if let known = names[text] { return known }
        let parsed = ExportValues.name(text)
        names[text] = parsed
        return parsed
    }
}

/// The lines of a buffer, found with `memchr`.
enum JSONLines {
    /// Calls `body` with each line's start and end offsets (the end excludes the line feed).
    static func forEach(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int, _ body: (Int, Int) -> Void) {
        var offset = start
        while offset < buffer.count {
            let end = lineEnd(in: buffer, from: offset)
            body(offset, end)
            offset = end + 1
        }
    }

    /// The end of the line that starts at `start` (before `buffer.count`): the offset of its
    /// line feed, or `buffer.count`.
    @inline(__always) static func lineEnd(in buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard let base = buffer.baseAddress, let hit = memchr(base + start, 0x0A, buffer.count - start) else { return buffer.count }
        return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
    }
}
