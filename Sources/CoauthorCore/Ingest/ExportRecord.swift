/// One record of a bibliographic database export on its way to a `Publication`: each format's
/// reader fills it from its own fields, and `ExportCorpus` counts it and keeps it when it names
/// an author (SPEC §2: a publication is a record with at least one author).
struct ExportRecord {
    var key = ""
    var type = "article"
    var title = ""
    var venue = ""
    var year: Int? = nil
    var doi = ""
    var authors: [PersonName] = []
    /// Empty, or one per author.
    var ids: [AuthorIDs] = []
    /// Empty, or one list per author.
    var affiliations: [[Affiliation]] = []
    var extras = PublicationExtras()
    var location: SourceLocation
    /// What the reader found worth a warning at the record's place.
    var warnings: [String] = []
    /// The number of authors the reader expects, room for which each list is made with (a list
    /// grown author by author is allocated and copied again and again).
    private let expectedAuthors: Int

    init(location: SourceLocation, expectedAuthors: Int = 0) {
        self.location = location
        self.expectedAuthors = expectedAuthors
        if expectedAuthors > 0 { authors.reserveCapacity(expectedAuthors) }
    }

    /// Appends one author with its IDs and affiliations, keeping the side lists aligned.
    mutating func addAuthor(_ name: PersonName, ids authorIDs: AuthorIDs = AuthorIDs(), affiliations list: [Affiliation] = []) {
        if !authorIDs.isEmpty || !ids.isEmpty {
            padIDs()
            ids.append(authorIDs)
        }
        if !list.isEmpty || !affiliations.isEmpty {
            padAffiliations()
            affiliations.append(list)
        }
        authors.append(name)
    }

    /// Appends one author without IDs or affiliations: the side lists grow only once they are made.
    mutating func addAuthor(_ name: PersonName) {
        if !ids.isEmpty {
            padIDs()
            ids.append(AuthorIDs())
        }
        if !affiliations.isEmpty {
            padAffiliations()
            affiliations.append([])
        }
        authors.append(name)
    }

    /// Sets the IDs of author `index` (the side list is made when the first ID arrives).
    mutating func setIDs(_ update: (inout AuthorIDs) -> Void, of index: Int) {
        padIDs()
        update(&ids[index])
    }

    /// Sets the IDs of kind `kind` that one list of IDs (`RI`, `OI`) gives, each entry naming its
    /// author as the first author written like it: an author written like no other takes its
    /// entry (its last, where the list names it twice). Authors written alike (two people of one
    /// name on a paper) take the list's entries for that name in the order of the author list
    /// when there are as many entries as such authors, and none otherwise: the list then does not
    /// say which entry is whose (an `OI` list names only the authors with an ORCID).
    /// - Parameter firstAlike: for each author, the first author written alike (itself for most);
    ///   nil when no two authors are written alike (`firstAlike(_:)`).
    mutating func setIDs(_ entries: [(author: Int, value: String)], of kind: AuthorIDs.Kind, firstAlike: [Int]?) {
        guard let firstAlike else {
            for entry in entries { setIDs({ $0.set(entry.value, of: kind) }, of: entry.author) }
            return
        }
        for (entry, owner) in zip(entries, Self.owners(ofEntriesNaming: entries.map(\.author), firstAlike: firstAlike)) {
            if let owner { setIDs({ $0.set(entry.value, of: kind) }, of: owner) }
        }
    }

    /// For each entry of a list that names authors (each as the first author written like it),
    /// the author it belongs to: an author written like no other takes its entries; authors
    /// written alike take the entries of their name one each, in the order of the author list,
    /// where there is one for each, and nil otherwise (the list does not say whose they are).
    /// - Complexity: O(entries + authors).
    static func owners(ofEntriesNaming named: [Int], firstAlike: [Int]) -> [Int?] {
        var members = [[Int]](repeating: [], count: firstAlike.count)
        for author in firstAlike.indices { members[firstAlike[author]].append(author) }
        var entriesOfGroup = [Int](repeating: 0, count: firstAlike.count)
        for author in named { entriesOfGroup[firstAlike[author]] += 1 }
        var taken = [Int](repeating: 0, count: firstAlike.count)
        return named.map { author in
            let group = firstAlike[author]
            guard members[group].count > 1 else { return author }
            guard entriesOfGroup[group] == members[group].count else { return nil }
            defer { taken[group] += 1 }
            return members[group][taken[group]]
        }
    }

    /// For each author of `keys` (their match keys), the first author with the same surname and
    /// given names; nil when each is written like no other (most records).
    /// - Complexity: O(a²) for a authors up to 64, O(a) expected beyond.
    static func firstAlike(_ keys: [ExportValues.MatchKey]) -> [Int]? {
        func same(_ a: Int, _ b: Int) -> Bool { keys[a].last == keys[b].last && keys[a].first == keys[b].first }
        var first = Array(keys.indices)
        var any = false
        if keys.count <= 64 {
            for b in keys.indices {
                for a in 0..<b where same(a, b) {
                    first[b] = a
                    any = true
                    break
                }
            }
        } else {
            var seen: [String: [Int]] = [:]
            for b in keys.indices {
                if let a = seen[keys[b].last, default: []].first(where: { keys[$0].first == keys[b].first }) {
                    first[b] = a
                    any = true
                } else {
                    seen[keys[b].last, default: []].append(b)
                }
            }
        }
        return any ? first : nil
    }

    /// Adds an affiliation to author `index`.
    mutating func addAffiliation(_ affiliation: Affiliation, to index: Int) {
        padAffiliations()
        affiliations[index].append(affiliation)
    }

    /// Adds affiliations to author `index`: a list given to an author without any is kept as it
    /// is, so a reader's list of one address, made once, is shared by every author it names (a
    /// list per author was an allocation per authorship).
    mutating func addAffiliations(_ list: [Affiliation], to index: Int) {
        padAffiliations()
        if affiliations[index].isEmpty {
            affiliations[index] = list
        } else {
            affiliations[index] += list
        }
    }

    /// Adds the affiliations a list names by author (Web of Science `C1` brackets), in order.
    /// Authors written alike (`firstAlike`; the names find the first of them) get the mentions of
    /// their name one each, in order, where there is one for each; otherwise all go to the first
    /// (the paper keeps its institutions, though the list does not say whose they are).
    mutating func addAffiliations(_ mentions: [(author: Int, list: [Affiliation])], firstAlike: [Int]) {
        for (mention, owner) in zip(mentions, Self.owners(ofEntriesNaming: mentions.map(\.author), firstAlike: firstAlike)) {
            addAffiliations(mention.list, to: owner ?? firstAlike[mention.author])
        }
    }

    /// Gives every author so far an entry in the IDs (an empty one where it had none).
    private mutating func padIDs() {
        if ids.isEmpty { ids.reserveCapacity(max(expectedAuthors, authors.count)) }
        // Without a temporary array: the first ID of a record makes the whole list.
        if ids.count < authors.count { ids.append(contentsOf: repeatElement(AuthorIDs(), count: authors.count - ids.count)) }
    }

    /// Gives every author so far a list of affiliations (an empty one where it had none).
    private mutating func padAffiliations() {
        if affiliations.isEmpty { affiliations.reserveCapacity(max(expectedAuthors, authors.count)) }
        if affiliations.count < authors.count { affiliations.append(contentsOf: repeatElement([], count: authors.count - affiliations.count)) }
    }

    /// The publication, its strings and lists moved out of the record (which is left with empty
    /// ones): a copy would retain each of them, and the record's end release them again.
    mutating func takePublication() -> Publication {
        func take<Value>(_ value: inout Value, leaving empty: Value) -> Value {
            var taken = empty
            swap(&taken, &value)
            return taken
        }
        let authorCount = authors.count
        var publication = Publication(key: take(&key, leaving: ""), type: take(&type, leaving: ""), title: take(&title, leaving: ""),
                                      venue: take(&venue, leaving: ""), year: year, authors: take(&authors, leaving: []),
                                      doi: take(&doi, leaving: ""), location: location)
        var extras = take(&extras, leaving: PublicationExtras())
        // The side lists as they are when they are one per author already (no copy).
        if ids.contains(where: { !$0.isEmpty }) {
            let ids = take(&ids, leaving: [])
            extras.authorIDs = ids.count >= authorCount ? ids : ids + Array(repeating: AuthorIDs(), count: authorCount - ids.count)
        }
        if affiliations.contains(where: { !$0.isEmpty }) {
            let affiliations = take(&affiliations, leaving: [])
            extras.affiliations = affiliations.count >= authorCount
                ? affiliations : affiliations + Array(repeating: [], count: authorCount - affiliations.count)
        }
        publication.extras = extras
        return publication
    }
}

/// Counts export records into a corpus: every record is counted, those with an author are kept.
struct ExportCorpus {
    var corpus: Corpus

    init() {
        corpus = Corpus(files: 1)
    }

    mutating func add(_ record: consuming ExportRecord) {
        corpus.records += 1
        for message in record.warnings { warning(record.location, message) }
        if !record.authors.isEmpty { corpus.publications.append(record.takePublication()) }
    }

    /// Adds what a reader of the lines after these counted (the next run of a block).
    mutating func append(_ later: ExportCorpus) {
        corpus.records += later.corpus.records
        corpus.skipped += later.corpus.skipped
        corpus.publications += later.corpus.publications
        corpus.diagnostics += later.corpus.diagnostics
    }

    mutating func error(_ location: SourceLocation, _ message: String, skipping: Int = 1, remedy: Remedy? = nil) {
        corpus.diagnostics.append(Diagnostic(.error, at: location, message, remedy: remedy))
        corpus.skipped += skipping
    }

    /// - Parameter failsStrict: the record is read only in part (`Diagnostic.failsStrict`).
    mutating func warning(_ location: SourceLocation, _ message: String, failsStrict: Bool = false) {
        var diagnostic = Diagnostic(.warning, at: location, message)
        diagnostic.failsStrict = failsStrict
        corpus.diagnostics.append(diagnostic)
    }
}

/// Identifier and name conventions shared by the export readers.
enum ExportValues {
    /// A PubMed ID: its digits, after an optional `PMID:` (any case); "" for anything else, such
    /// as the `NA` that R writes for a missing value in the samples bibliometrix exports (taken as
    /// an ID, it made every paper without a PMID one paper).
    static func pmid(_ text: some StringProtocol) -> String {
        var value = Substring(trimmed(text))
        if value.utf8.count > 5, value.utf8.prefix(5).elementsEqual("pmid:".utf8, by: { $0 | 0x20 == $1 }) {
            value = Substring(trimmed(value.dropFirst(5)))
        }
        return !value.isEmpty && value.utf8.allSatisfy(isDigit) ? String(value) : ""
    }

    /// `https://doi.org/10.1/X`, `doi:10.1/X`, `10.1/X [doi]` → `10.1/X` (case kept).
    /// Found on the UTF-8 in place: one string is made, the DOI's (every export record has one).
    static func doi(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            var (lower, upper) = trimmedBounds(bytes, lower: 0, upper: bytes.count)
            if let after = endOfASCIICaseInsensitive("doi.org/", in: bytes, lower: lower, upper: upper) { lower = after }
            if upper - lower >= 4, endOfASCIICaseInsensitive("doi:", in: bytes, lower: lower, upper: lower + 4) != nil { lower += 4 }
            if upper - lower >= 5, UnsafeBufferPointer(rebasing: bytes[(upper - 5)..<upper]).elementsEqual("[doi]".utf8) { upper -= 5 }
            (lower, upper) = trimmedBounds(bytes, lower: lower, upper: upper)
            // Every cut is next to an ASCII byte: the bytes between are whole characters.
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[lower..<upper]), as: UTF8.self)
        }
    }

    /// `bytes[lower..<upper]` without what `trimmed` removes: leading blanks, tabs and byte-order
    /// marks, trailing blanks and tabs.
    private static func trimmedBounds(_ bytes: UnsafeBufferPointer<UInt8>, lower: Int, upper: Int) -> (Int, Int) {
        var (start, end) = (lower, upper)
        while start < end {
            if bytes[start] == UInt8(ascii: " ") || bytes[start] == UInt8(ascii: "\t") {
                start += 1
            } else if bytes[start] == 0xEF, end - start >= 3, bytes[start + 1] == 0xBB, bytes[start + 2] == 0xBF {
                start += 3
            } else {
                break
            }
        }
        while end > start, bytes[end - 1] == UInt8(ascii: " ") || bytes[end - 1] == UInt8(ascii: "\t") { end -= 1 }
        return (start, end)
    }

    /// The offset just after the first occurrence of the ASCII `needle` (lower case) in
    /// `bytes[lower..<upper]`, ignoring case.
    static func endOfASCIICaseInsensitive(_ needle: StaticString, in bytes: UnsafeBufferPointer<UInt8>, lower: Int, upper: Int) -> Int? {
        let pattern = UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
        var start = lower
        while start + pattern.count <= upper {
            var matched = true
            for k in 0..<pattern.count where asciiLowercase(bytes[start + k]) != pattern[k] {
                matched = false
                break
            }
            if matched { return start + pattern.count }
            start += 1
        }
        return nil
    }

    @inline(__always) private static func asciiLowercase(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
    }

    /// The ORCID in `text` (`0000-0002-8517-9411`, also inside a URL, or written without
    /// hyphens), or "" where there is none or its last character fails the check
    /// (`orcidFailingItsCheck`: a mistyped ORCID would split its person in two).
    static func orcid(_ text: String) -> String {
        var text = text
        return text.withUTF8 { orcid(bytes: $0) }
    }

    /// `orcid(_:)` of the text whose UTF-8 bytes are `text`.
    static func orcid(bytes text: UnsafeBufferPointer<UInt8>) -> String {
        // The digits in a buffer on the stack, the ID written straight into its string: no array
        // is made (an export has an ORCID on many authorships).
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 16) { digits in
            guard orcidCharacters(of: text, into: digits), digits[15] == orcidCheckCharacter(of: digits) else { return "" }
            return formattedORCID(digits)
        }
    }

    /// The ORCID written in `text` whose last character is not its check character (ISO 7064
    /// MOD 11-2, as ORCID computes it), and the character the check asks for; nil where `text`
    /// has no ORCID's 16 characters or they pass.
    static func orcidFailingItsCheck(_ text: String) -> (written: String, expected: Character)? {
        var text = text
        return text.withUTF8 { text in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 16) { digits in
                guard orcidCharacters(of: text, into: digits) else { return nil }
                let expected = orcidCheckCharacter(of: digits)
                return digits[15] == expected ? nil : (formattedORCID(digits), Character(Unicode.Scalar(expected)))
            }
        }
    }

    /// The warning for an ORCID whose check fails (`orcidFailingItsCheck`) in `text`, the
    /// value given for `author` (nil where the record does not say whose it is); nil where
    /// `text` has no such ORCID.
    static func orcidCheckWarning(_ text: String, author: String?) -> String? {
        guard let (written, expected) = orcidFailingItsCheck(text) else { return nil }
        let whose = author.map { " of '\(trimmed($0))'" } ?? ""
        return "the ORCID \(written)\(whose) fails its check digit (its last character would be \(expected)): "
            + "it is mistyped, and is left out, so that this author is identified by name (correct it in the source to keep the ID)"
    }

    /// `orcid(text)`, and where that is "" for an ORCID whose check fails, the warning
    /// `orcidCheckWarning(text, author:)` gives: the readers that read values one at a time.
    static func checkedORCID(_ text: String, author: String?) -> (orcid: String, warning: String?) {
        let valid = orcid(text)
        return (valid, valid.isEmpty && !text.isEmpty ? orcidCheckWarning(text, author: author) : nil)
    }

    /// The 16 characters of the first ORCID in `text` (digits, the last also `X`, hyphens and
    /// blanks between them passed over) in `digits`; false where there are none.
    private static func orcidCharacters(of text: UnsafeBufferPointer<UInt8>, into digits: UnsafeMutableBufferPointer<UInt8>) -> Bool {
        var count = 0
        // Byte by byte: a non-ASCII character is never a digit, a hyphen or a blank.
        for byte in text {
            if isDigit(byte) || (byte == UInt8(ascii: "X") || byte == UInt8(ascii: "x")) && count == 15 {
                digits[count] = byte == UInt8(ascii: "x") ? UInt8(ascii: "X") : byte
                count += 1
                if count == 16 { break }
            } else if byte == UInt8(ascii: "-") || byte == UInt8(ascii: " ") {
                continue
            } else {
                count = 0
            }
        }
        return count == 16
    }

    /// The check character of an ORCID's first 15 digits (ISO 7064 MOD 11-2): `0`…`9` or `X`.
    static func orcidCheckCharacter(of digits: UnsafeMutableBufferPointer<UInt8>) -> UInt8 {
        var total = 0
        for index in 0..<15 { total = (total + Int(digits[index] &- 0x30)) * 2 }
        let check = (12 - total % 11) % 11
        return check == 10 ? UInt8(ascii: "X") : 0x30 + UInt8(check)
    }

    /// The 16 characters of an ORCID in its four hyphenated groups.
    private static func formattedORCID(_ digits: UnsafeMutableBufferPointer<UInt8>) -> String {
        String(unsafeUninitializedCapacity: 19) { formatted in
            var length = 0
            for index in 0..<16 {
                if index > 0 && index % 4 == 0 {
                    formatted[length] = UInt8(ascii: "-")
                    length += 1
                }
                formatted[length] = digits[index]
                length += 1
            }
            return length
        }
    }

    /// `https://openalex.org/A5069892096` → `A5069892096` (the last path component of a URL).
    static func lastComponent(_ text: String) -> String {
        // On the bytes (`trimmed` and a search of the string's UTF-8 view cost a thousand
        // instructions; OpenAlex gives every work, author and institution as a URL).
        var text = text
        return text.withUTF8 { bytes in
            let (start, end) = trimmedBounds(bytes, lower: 0, upper: bytes.count)
            var from = end
            while from > start, bytes[from - 1] != UInt8(ascii: "/") { from -= 1 }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[from..<end]), as: UTF8.self)
        }
    }

    /// `text` without leading blanks, tabs and byte-order marks and without trailing blanks and
    /// tabs, found on its UTF-8 (all are single code points that no combining mark follows in
    /// these fields).
    static func trimmed(_ text: some StringProtocol) -> String {
        let text = Substring(text)
        let utf8 = text.utf8
        var start = utf8.startIndex
        var end = utf8.endIndex
        while start < end {
            let byte = utf8[start]
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") {
                start = utf8.index(after: start)
            } else if byte == 0xEF, utf8.distance(from: start, to: end) >= 3,
                      utf8[utf8.index(start, offsetBy: 1)] == 0xBB, utf8[utf8.index(start, offsetBy: 2)] == 0xBF {
                start = utf8.index(start, offsetBy: 3)
            } else {
                break
            }
        }
        while end > start {
            let before = utf8.index(before: end)
            let byte = utf8[before]
            guard byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") else { break }
            end = before
        }
        return String(text[start..<end])
    }

    /// `a; b;; c` → [a, b, c]: the non-empty trimmed parts.
    static func list(_ text: String, separator: Character = ";") -> [String] {
        if let byte = separator.asciiValue, let parts = plainParts(text, separator: byte) {
            return parts.map { LaTeX.collapseWhitespace($0) }.filter { !$0.isEmpty }
        }
        return text.split(separator: separator, omittingEmptySubsequences: true).map { LaTeX.collapseWhitespace(String($0)) }.filter { !$0.isEmpty }
    }

    /// `text.split(separator:)` (non-empty parts) found on UTF-8 bytes, or nil when a separator
    /// could belong to a character with its neighbours (`isPlain` says when it cannot).
    /// - Complexity: O(n).
    static func plainParts(_ text: String, separator: UInt8) -> [String]? {
        var text = text
        return text.withUTF8 { bytes -> [String]? in
            var parts: [String] = []
            var start = 0
            for index in 0..<bytes.count where bytes[index] == separator {
                guard isPlain(bytes, at: index) else { return nil }
                if index > start { parts.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)) }
                start = index + 1
            }
            if bytes.count > start { parts.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self)) }
            return parts
        }
    }

    /// Whether the ASCII byte at `index` is a character of its own, so that searching or
    /// splitting by bytes finds what searching by `Character` finds: what follows it is ASCII
    /// (no combining mark joins it), and what precedes it is ASCII or a scalar below U+0600
    /// (Latin, Greek, Cyrillic, Armenian, Hebrew: none is a prepended mark).
    @inline(__always) static func isPlain(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        if index + 1 < bytes.count, bytes[index + 1] >= 0x80 { return false }
        guard index > 0, bytes[index - 1] >= 0x80 else { return true }
        var lead = index - 1
        while lead > 0, bytes[lead] & 0xC0 == 0x80 { lead -= 1 }
        return bytes[lead] >= 0xC2 && bytes[lead] <= 0xD7
    }

    /// Whether every occurrence of the ASCII bytes `separators` in `text` is plain (`isPlain`).
    static func isPlain(_ text: String, separators: [UInt8]) -> Bool {
        // One bit per ASCII byte: a test per byte of the text instead of a search of the list.
        var mask: (low: UInt64, high: UInt64) = (0, 0)
        for byte in separators where byte < 0x80 {
            if byte < 64 { mask.low |= 1 << UInt64(byte) } else { mask.high |= 1 << UInt64(byte - 64) }
        }
        var text = text
        return text.withUTF8 { bytes in
            for index in 0..<bytes.count {
                let byte = bytes[index]
                guard byte < 0x80 else { continue }
                let isSeparator = byte < 64 ? mask.low & (1 << UInt64(byte)) != 0 : mask.high & (1 << UInt64(byte - 64)) != 0
                if isSeparator && !isPlain(bytes, at: index) { return false }
            }
            return true
        }
    }

    static func int(_ text: String) -> Int? { Int(trimmed(text)) }

    /// A name written as a database writes it: `Last, First`, `First Last`, or `Last Initials`
    /// (`Liu F.`, `Phillips J.C.`, `Mazurek J`), where the trailing initials are the given name.
    /// A generational suffix after the name (`Ware, John E., Jr.`, `Ware, John E Jr`, MEDLINE's
    /// `Ware JE Jr`, `King ML 3rd`) is the name's `jr`, not a given name or the surname.
    static func name(_ text: String) -> PersonName? {
        withGenerationalSuffix(text, nameWithoutSuffix)
    }

    /// `parse(text)`, or, where `text` ends in a generational suffix (`generationalSuffix`), the
    /// parse of the rest with the suffix as its `jr`.
    private static func withGenerationalSuffix(_ text: String, _ parse: (String) -> PersonName?) -> PersonName? {
        guard let (rest, suffix) = generationalSuffix(text), var name = parse(rest) else { return parse(text) }
        name.jr = suffix
        return name
    }

    /// A name of a list of IDs or affiliations read as written (`NameParser.parsePlainName`),
    /// its generational suffix taken out as `name(_:)` takes it out of the author's name.

    /// Whether an author list's entry says only that more authors follow (`et al.`, `others`,
    /// `et alii`), case, dots and blanks aside: no author, but a list known to be incomplete (a
    /// user trial of session 59 found `et al.` a hub of the network, from RIS). The RIS reader
    /// leaves such entries out wherever they stand and marks the list incomplete.
    static func saysMoreAuthors(_ text: some StringProtocol) -> Bool { saysMoreAuthors(bytes: text.utf8) }

    /// `saysMoreAuthors` on UTF-8 bytes, without allocating.
    static func saysMoreAuthors(bytes: some Sequence<UInt8>) -> Bool {
        // The letters, lower-cased, packed into a word (at most eight: the longest said is `etalii`).
        // `et al` needs its blank or dot (`Etal` is a surname); `others` is one word.
        var packed: UInt64 = 0
        var count = 0, separated = false
        for byte in bytes {
            if byte == UInt8(ascii: ".") || byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") {
                if count == 2 { separated = true }
                continue
            }
            guard byte < 0x80, count < 8 else { return false }
            packed = packed << 8 | UInt64(byte | 0x20)
            count += 1
        }
        return packed == others || (separated && moreAuthorsWords.contains(packed))
    }

    private static let others: UInt64 = "others".utf8.reduce(UInt64(0)) { $0 << 8 | UInt64($1) }

    private static let moreAuthorsWords: Set<UInt64> = Set(["etal", "etalii", "etalia"].map { word in
        word.utf8.reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
    })


    static func plainName(_ text: String) -> PersonName? {
        withGenerationalSuffix(text, NameParser.parsePlainName)
    }

    /// Whether the last letter of `bytes` (blanks and dots aside) is one a generational suffix
    /// ends in: only then can `generationalSuffix` find one.
    /// White space is any Unicode blank (a no-break space after `Jr.` is one), as the readers that
    /// collapse a line's blanks before the parse (RIS) see it.
    static func mayEndInSuffix(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var end = bytes.count
        while end > 0 {
            let byte = bytes[end - 1]
            if byte < 0x80 {
                guard isWhitespace(byte) || byte == UInt8(ascii: ".") else { return suffixLastLetters.contains(byte) }
                end -= 1
                continue
            }
            // A scalar of more bytes: passed over when it is a blank; any other is no suffix's letter.
            var lead = end - 1
            while lead > 0, bytes[lead] & 0xC0 == 0x80 { lead -= 1 }
            var decoder = UTF8()
            var iterator = UnsafeBufferPointer(rebasing: bytes[lead..<end]).makeIterator()
            guard case .scalarValue(let scalar) = decoder.decode(&iterator), scalar.properties.isWhitespace else { return false }
            end = lead
        }
        return false
    }

    /// The letters the suffixes end in (a final dot aside).
    private static let suffixLastLetters = Set(suffixes.compactMap { $0.utf8.last { $0 != UInt8(ascii: ".") } })

    private static func nameWithoutSuffix(_ text: String) -> PersonName? {
        var bytes = text
        if let plain = bytes.withUTF8({ PlainNameWords($0)?.exportName() }) { return plain }
        return nameByCharactersWithoutSuffix(text)
    }

    /// Whether `word` is one of the generational suffixes read as a name's `jr` (`suffixes`).
    static func isGenerationalSuffix(_ word: String) -> Bool { suffixes.contains(word) }

    /// The suffixes read as a name's `jr`. `JR` and `SR` without a dot are left out: MEDLINE and
    /// Web of Science write the initials J. R. so (`Souza JR`, `de Souza, JR`).
    private static let suffixes: Set<String> = ["Jr", "Jr.", "jr", "jr.", "JR.", "Sr", "Sr.", "sr", "sr.", "SR.",
                                                "II", "III", "IV", "2nd", "3rd", "4th"]

    /// `text` without a generational suffix, and the suffix as written; nil when it has none, or
    /// when too little is left for a name (`Smith II`, two words, keeps its `II`: it may be
    /// initials). The suffix is the last word or comma part (`Ware, John E., Jr.`, `Ware JE Jr`),
    /// or the surname's last word before the comma (Scopus: `MacKerell Jr., A.D.`, `Brooks III, C.L.`).
    /// The text is judged with its blanks collapsed (`LaTeX.collapseWhitespace`), so that a name
    /// has the suffix whether or not its reader collapsed them first (RIS does; `( o8,jr.` written
    /// with a no-break space is `( o8` and `jr.` either way).
    static func generationalSuffix(_ text: String) -> (rest: String, suffix: String)? {
        var bytes = text
        let trimmed = Substring(bytes.withUTF8(hasOnlySingleSpaces) ? text : LaTeX.collapseWhitespace(text))
        // Most names end in a letter no suffix ends in: judged on the last byte.
        if bytes.withUTF8(mayEndInSuffix), let cut = trimmed.lastIndex(where: { $0 == " " || $0 == "," }),
           suffixes.contains(String(trimmed[trimmed.index(after: cut)...])) {
            var rest = trimmed[..<cut]
            while let end = rest.last, end == "," || end.isWhitespace { rest = rest.dropLast() }
            // Enough left for a name: two words (`Ware, John E`, `Ware JE`, `John Ware`); one
            // word is a surname alone.
            guard rest.split(whereSeparator: { $0 == " " || $0 == "," }).count >= 2 else { return nil }
            return (String(rest), String(trimmed[trimmed.index(after: cut)...]))
        }
        guard let comma = trimmed.firstIndex(of: ","), let blank = trimmed[..<comma].lastIndex(of: " ") else { return nil }
        let suffix = trimmed[trimmed.index(after: blank)..<comma]
        guard suffixes.contains(String(suffix)), !trimmed[..<blank].allSatisfy(\.isWhitespace),
              !trimmed[trimmed.index(after: comma)...].allSatisfy(\.isWhitespace) else { return nil }
        return (String(trimmed[..<blank] + trimmed[comma...]), String(suffix))
    }

    /// Whether `bytes` has no blank but single spaces between words (`ByteWord.isSingleSpacedText`)
    /// and none at either end: such text is its own collapsed form.
    private static func hasOnlySingleSpaces(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.first != 0x20 && bytes.last != 0x20 && ByteWord.isSingleSpacedText(bytes)
    }

    /// `name` through strings, whatever the shape of the text (`PlainNameWords` reads the plain
    /// shape on its bytes).
    static func nameByCharacters(_ text: String) -> PersonName? {
        withGenerationalSuffix(text, nameByCharactersWithoutSuffix)
    }

    private static func nameByCharactersWithoutSuffix(_ text: String) -> PersonName? {
        let collapsed = LaTeX.collapseWhitespace(text)
        guard !collapsed.isEmpty else { return nil }
        // Without a comma byte there is no comma, and a comma byte no combining mark can join is
        // one (the byte tests spare Foundation's search, once per distinct name of a file).
        let hasComma = collapsed.utf8.contains(UInt8(ascii: ","))
            && (isPlain(collapsed, separators: [UInt8(ascii: ",")]) || collapsed.contains(","))
        if !hasComma, let space = collapsed.lastIndex(of: " ") {
            let tail = collapsed[collapsed.index(after: space)...]
            if isInitials(tail) {
                return PersonName(first: String(tail), last: String(collapsed[..<space])).precomposed
            }
        }
        return NameParser.parsePlainNameByCharacters(collapsed)
    }

    /// `J.C.`, `F.`, `J.-C.`, `JC`, `J` (capitals only, at most three without dots).
    static func isInitials(_ word: Substring) -> Bool {
        if word.utf8.allSatisfy({ $0 < 0x80 }) {
            var word = word
            return word.withUTF8(isASCIIInitials)
        }
        guard let first = word.first, first.isUppercase else { return false }
        let letters = word.filter(\.isLetter)
        guard letters.allSatisfy(\.isUppercase) else { return false }
        if word.contains(".") { return word.allSatisfy { $0.isLetter || $0 == "." || $0 == "-" } && letters.count <= 4 }
        return letters.count <= 3 && word.allSatisfy(\.isLetter)
    }

    /// `isInitials` of a word of ASCII bytes: the same test without Unicode properties (the
    /// letters are A–Z and a–z; upper case is A–Z).
    static func isASCIIInitials(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        func isUpper(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") }
        func isLetter(_ byte: UInt8) -> Bool { isUpper(byte) || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) }
        guard let first = bytes.first, isUpper(first) else { return false }
        var letters = 0
        for byte in bytes where isLetter(byte) {
            guard isUpper(byte) else { return false }
            letters += 1
        }
        if bytes.contains(UInt8(ascii: ".")) {
            return letters <= 4 && bytes.allSatisfy { isLetter($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-") }
        }
        return letters <= 3 && bytes.allSatisfy(isLetter)
    }

    /// A name folded for matching the names of one record's lists (`C1` prefixes, `RI`/`OI`
    /// entries) to its authors.
    struct MatchKey {
        var last: String
        var first: String
        /// The first character of `first`, made once (a character is found by Unicode's rules).
        var initial: Character?

        init(last: String, first: String) {
            self.last = last
            self.first = first
            initial = first.first
        }
    }

    static func matchKey(_ name: PersonName) -> MatchKey {
        MatchKey(last: NameKey.fold(name.von.isEmpty ? name.last : name.von + " " + name.last), first: NameKey.fold(name.first))
    }

    /// One record's authors' match keys. From `indexedCount` authors on (a physics collaboration
    /// signs with thousands), each surname's authors are found by hashing: a lookup costs
    /// O(authors of that surname), and matching a record's lists O(authors), not O(authors²).
    struct MatchKeys {
        let keys: [MatchKey]
        /// The authors' names, one per key: read for `words(of:)` only.
        private let names: [PersonName]
        private let bySurname: [String: [Int]]?
        static let indexedCount = 32

        /// The keys of the authors `names`, `keys[k]` being `matchKey(names[k])`.
        init(_ keys: [MatchKey], names: [PersonName]) {
            precondition(keys.count == names.count, "one key per name")
            self.keys = keys
            self.names = names
            bySurname = keys.count < Self.indexedCount ? nil : Dictionary(grouping: keys.indices) { keys[$0].last }
        }

        /// Every word of author `index`'s name, folded: asked for only when no author has the
        /// surname (the last resort of `authorIndex`), so it is not made for every name.
        func words(of index: Int) -> Set<String> {
            let name = names[index]
            return Set(Self.foldedWords([name.first, name.von, name.last, name.jr].joined(separator: " ")))
        }

        /// The words of `text` (cut at blanks, hyphens and periods), each folded, none empty.
        static func foldedWords(_ text: String) -> [String] {
            text.split { $0 == " " || $0 == "-" || $0 == "." }.map { NameKey.fold($0) }.filter { !$0.isEmpty }
        }

        /// The folded words of author `index`'s given names, and those of its surname (with its
        /// particles): for `authorIndex`'s last resort only.
        func givenAndSurnameWords(of index: Int) -> (given: [String], surname: Set<String>) {
            let name = names[index]
            return (Self.foldedWords(name.first), Set(Self.foldedWords(name.von + " " + name.last)))
        }

        /// Calls `body` with each author whose folded surname is `last`, in order, until it
        /// returns false; without an array made for them (a record's lists ask for every name).
        func forEach(withSurname last: String, _ body: (Int) -> Bool) {
            if let bySurname {
                for index in bySurname[last] ?? [] where !body(index) { return }
                return
            }
            for index in keys.indices where keys[index].last == last && !body(index) { return }
        }
    }

    /// The index of the author `name` designates among `keys`: the same folded full name, else
    /// the only author with that surname and first initial, else the only author whose words
    /// include every word of that surname (Web of Science lists `Campina López, Alejano` for the
    /// author it prints as `Lopez, Alejandro Carlos Campina`).
    static func authorIndex(of name: String, in keys: MatchKeys) -> Int? {
        guard let parsed = plainName(name) else { return nil }
        return authorIndex(of: parsed, key: matchKey(parsed), in: keys)
    }

    /// `authorIndex(of:in:)` for a name already parsed, with its match key.
    static func authorIndex(of parsed: PersonName, key: MatchKey, in keys: MatchKeys) -> Int? {
        // One pass over the authors with the surname: the first with the same first names, the
        // number with the same initial (and the first of them), and the number in all.
        var exact: Int? = nil
        var compatible = 0, firstCompatible = 0
        var surnameCount = 0, firstWithSurname = 0
        keys.forEach(withSurname: key.last) { index in
            let other = keys.keys[index]
            if other.first == key.first {
                exact = index
                return false
            }
            if surnameCount == 0 { firstWithSurname = index }
            surnameCount += 1
            if other.initial == key.initial {
                if compatible == 0 { firstCompatible = index }
                compatible += 1
            }
            return true
        }
        if let exact { return exact }
        if compatible == 1 { return firstCompatible }
        if surnameCount == 1 && key.initial == nil { return firstWithSurname }
        // (Two authors of the surname and initial are an ambiguity the last resort does not undo.)
        guard surnameCount == 0 else { return compatible == 0 ? lastResort(parsed, key: key, in: keys) : nil }
        let surnameWords = Set((parsed.von + " " + parsed.last).split { $0 == " " || $0 == "-" }.map { NameKey.fold($0) }.filter { !$0.isEmpty })
        guard !surnameWords.isEmpty else { return nil }
        let containing = keys.keys.indices.filter { keys.words(of: $0).isSuperset(of: surnameWords) }
        return containing.count == 1 ? containing[0] : lastResort(parsed, key: key, in: keys)
    }

    /// The most authors a record may have for `lastResort` to look at them all.
    static let lastResortAuthors = 200

    /// The last resort of `authorIndex(of:key:in:)`: the only author whose first given name
    /// (spelled out) is a word of `parsed`, and whose surname's words all are too, or whose
    /// surname begins the other's or is begun by it (four letters at least). Web of Science's
    /// lists of IDs write some names otherwise than the author list: `Lazaroiu, George Cristian`
    /// for `Lazaroiu, Cristian`, `Pelegrini Morita, Plinio` for `Morita, Plinio P.`, `Vilaça, João`
    /// for `Vilac, Joao L.` (a cut surname), `López, Julio Benítez` for `Benitez, Julio`; their
    /// ORCIDs were lost (a user trial of session 60 found 6 of 103 lost in one export).
    /// - Complexity: O(authors), asked only when no other rule finds the author, and only of
    ///   records of at most `lastResortAuthors` authors.
    private static func lastResort(_ parsed: PersonName, key: MatchKey, in keys: MatchKeys) -> Int? {
        // (A collaboration's thousands of authors are not walked once per entry left over.)
        guard keys.keys.count <= lastResortAuthors else { return nil }
        let named = Set(MatchKeys.foldedWords([parsed.first, parsed.von, parsed.last].joined(separator: " ")))
        var found: Int? = nil
        for index in keys.keys.indices {
            let (given, surname) = keys.givenAndSurnameWords(of: index)
            guard let first = given.first(where: { $0.count > 1 }), named.contains(first), !surname.isEmpty else { continue }
            let other = keys.keys[index].last
            let begins = min(other.count, key.last.count) >= 4 && (other.hasPrefix(key.last) || key.last.hasPrefix(other))
            guard begins || surname.isSubset(of: named) else { continue }
            guard found == nil else { return nil }
            found = index
        }
        return found
    }
}

/// Parsed names, match keys and affiliations by the UTF-8 bytes of their text, for one file: the
/// same people sign many records, and parsing a name (Unicode folding, the name rules) costs far
/// more than looking it up. Memory grows with the distinct names of the file, as the output does.
struct ExportNameCache {
    private var names = ByteMemo<PersonName?>()
    /// The names of author lists (`keyedName(bytes:)`) and of the names in lists of IDs and
    /// affiliations (`plainNameID(bytes:)`), by the id of their bytes: whether the bytes are a
    /// name, and beside it the name and its key (a placeholder where they are none), so that a
    /// look-up copies only what its caller keeps.
    private var keyedNames = ByteMemo<Bool>()
    private var keyed: [KeyedName] = []
    private var plainNames = ByteMemo<Bool>()
    private var plain: [KeyedName] = []

    /// A parsed name and its match key.
    private struct KeyedName {
        var name: PersonName
        var key: ExportValues.MatchKey

        /// The entry of bytes that are no name.
        static let none = KeyedName(name: PersonName(first: "", last: ""), key: ExportValues.MatchKey(last: "", first: ""))

        /// The entry of the name `name` (nil: `none`).
        static func of(_ name: PersonName?) -> KeyedName {
            name.map { KeyedName(name: $0, key: ExportValues.matchKey($0)) } ?? none
        }
    }
    /// For each name of `keyedNames`, how the same bytes read as a plain name (`plainNames`)
    /// match authors (`plainMatch(ofKeyedName:)`); unknown until asked for. Kept in a few bytes
    /// a name: a list of IDs asks for its authors' names record after record.
    private var plainMatchOfKeyed: [PlainMatch] = []

    /// How the bytes of a name of `keyedNames`, read as a plain name, match a record's authors.
    enum PlainMatch: Equatable {
        case unknown
        /// As the name itself matches: the first author with its folded surname and given names.
        case sameKey
        /// They are no name: they match no author.
        case noName
        /// Through the plain name of this id in `plainNames` (another reading of the same bytes).
        case plain(Int32)
    }
    private var addresses = ByteMemo<[Affiliation]>()
    /// Author IDs by the bytes they are written with: ResearcherIDs as written, ORCIDs normalised
    /// (`ExportValues.orcid`). An author's ID recurs with each of their papers.
    private var researcherIDs = ByteMemo<String>()
    private var orcids = ByteMemo<String>()
    /// MEDLINE `AUID` values by their bytes: the ORCID they give, or "" for another kind of ID.
    private var authorIdentifiers = ByteMemo<String>()

    /// `ExportValues.name(text)` for the UTF-8 bytes of `text`.
    mutating func name(bytes: UnsafeBufferPointer<UInt8>) -> PersonName? {
        names.value(bytes) { ExportValues.name(String(decoding: bytes, as: UTF8.self)) }
    }

    /// The id of the UTF-8 bytes `text` among the names read so (for `plainMatch(ofKeyedName:)`,
    /// `name(ofKeyedName:)` and `matchKey(ofKeyedName:)`), and whether `ExportValues.name(text)`
    /// finds a name in them.
    mutating func keyedName(bytes: UnsafeBufferPointer<UInt8>) -> (id: Int, isName: Bool) {
        let (id, isNew) = keyedNames.slot(bytes)
        if isNew {
            let name = ExportValues.name(String(decoding: bytes, as: UTF8.self))
            keyedNames.append(name != nil)
            keyed.append(.of(name))
            plainMatchOfKeyed.append(.unknown)
        }
        return (id, keyedNames.withValue(at: id) { $0 })
    }

    /// The name of id `id` of `keyedName(bytes:)`, where it found one.
    func name(ofKeyedName id: Int) -> PersonName { keyed[id].name }

    /// The match key of the name of id `id` of `keyedName(bytes:)`, where it found one.
    func matchKey(ofKeyedName id: Int) -> ExportValues.MatchKey { keyed[id].key }

    /// `[read(address)]` for the UTF-8 bytes of `address`, made once per distinct address (an
    /// author's address recurs with each of their papers), as the list an author with this
    /// address alone has (`ExportRecord.addAffiliations`). A reader gives one `read` for all its
    /// addresses (MEDLINE's `AD`, the part of a Web of Science `C1` line after its bracket).
    mutating func addressList(bytes: UnsafeBufferPointer<UInt8>, _ read: (String) -> [Affiliation]) -> [Affiliation] {
        addresses.value(bytes) { read(String(decoding: bytes, as: UTF8.self)) }
    }

    /// The ResearcherID written as the UTF-8 bytes `id`, one string per distinct ID. Most
    /// (`K-7689-2014`, `MFJ-0972-2025`) fit in a small string, which holds its bytes itself: made
    /// afresh, it costs no allocation and spares the table's lookup (cache misses on an export
    /// of tens of thousands of IDs).
    mutating func researcherID(bytes id: UnsafeBufferPointer<UInt8>) -> String {
        if id.count <= Self.smallStringBytes { return String(decoding: id, as: UTF8.self) }
        return researcherIDs.value(id) { String(decoding: id, as: UTF8.self) }
    }

    /// The most UTF-8 bytes a string holds without storage of its own (on 64-bit platforms).
    static let smallStringBytes = MemoryLayout<String>.size - 1

    /// `ExportValues.orcid` of the UTF-8 bytes `id`, one string per distinct spelling.
    mutating func orcid(bytes id: UnsafeBufferPointer<UInt8>) -> String {
        orcids.value(id) { ExportValues.orcid(String(decoding: id, as: UTF8.self)) }
    }

    /// The ORCID of a MEDLINE `AUID` value (`ORCID: 0000-…`, any case), or "" for another
    /// kind of ID, for its UTF-8 bytes: made once per distinct value.
    mutating func orcid(ofAuthorIdentifier id: UnsafeBufferPointer<UInt8>) -> String {
        authorIdentifiers.value(id) { Self.namesAnORCID(id) ? ExportValues.orcid(bytes: id) : "" }
    }

    /// Whether a MEDLINE `AUID` value is of the ORCID kind: `ORCID` in any case, then a byte that
    /// starts a character of its own; judged on the bytes where they are ASCII (most values are
    /// `ORCID: 0000-…`), without a string made and upper-cased.
    static func namesAnORCID(_ id: UnsafeBufferPointer<UInt8>) -> Bool {
        if id.count >= 5, id.prefix(6).allSatisfy({ $0 < 0x80 }) {
            return ExportValues.endOfASCIICaseInsensitive("orcid", in: id, lower: 0, upper: 5) != nil
        }
        return String(decoding: id, as: UTF8.self).uppercased().hasPrefix("ORCID")
    }

    /// `ExportValues.orcidCheckWarning` of a MEDLINE `AUID` value that `orcid(ofAuthorIdentifier:)`
    /// finds no ORCID in: nil for another kind of ID (the same judgement, `namesAnORCID`).
    static func orcidCheckWarning(ofAuthorIdentifier id: UnsafeBufferPointer<UInt8>, author: String) -> String? {
        guard namesAnORCID(id) else { return nil }
        return ExportValues.orcidCheckWarning(String(decoding: id, as: UTF8.self), author: author)
    }

    /// `ExportValues.authorIndex(of: text, in: authorKeys)` for the UTF-8 bytes of `text`.
    mutating func authorIndex(ofBytes text: UnsafeBufferPointer<UInt8>, in authorKeys: ExportValues.MatchKeys) -> Int? {
        // The id first: a method's receiver is read before its arguments are made.
        let id = plainNameID(bytes: text)
        return authorIndex(ofPlainName: id, in: authorKeys)
    }

    /// How the bytes of the name `id` of `keyedName(bytes:)` match authors when read as a plain
    /// name, as `authorIndex(ofBytes:in:)` reads a name: a list of IDs names the authors as the
    /// list of authors writes them, and the name read there spares the look-up of its bytes.
    mutating func plainMatch(ofKeyedName id: Int) -> PlainMatch {
        let known = plainMatchOfKeyed[id]
        if case .unknown = known { return learnPlainMatch(ofKeyedName: id) }
        return known
    }

    /// `plainMatch(ofKeyedName:)` the first time it is asked for: found and kept.
    private mutating func learnPlainMatch(ofKeyedName id: Int) -> PlainMatch {
        // Bytes of the plain shape with a comma (`Aria, Massimo`, as most exports write authors)
        // are read alike as an author's name and as a plain name: no second parse (unless a
        // generational suffix may end them, which `ExportValues.name` reads first).
        if keyedNames.withKey(at: id, { (PlainNameWords($0)?.hasComma ?? false) && !ExportValues.mayEndInSuffix($0) }) {
            let match: PlainMatch = keyedNames.withValue(at: id, { $0 }) ? .sameKey : .noName
            plainMatchOfKeyed[id] = match
            return match
        }
        // Copied out: `plainNameID` changes the cache the bytes are kept in.
        let bytes = keyedNames.withKey(at: id) { Array($0) }
        let plainID = bytes.withUnsafeBufferPointer { plainNameID(bytes: $0) }
        let match: PlainMatch
        if !plainNames.withValue(at: plainID, { $0 }) {
            match = .noName
        } else if keyedNames.withValue(at: id, { $0 }), keyed[id].key.last == plain[plainID].key.last,
                  keyed[id].key.first == plain[plainID].key.first {
            // `ExportValues.authorIndex` compares surnames and given names only (and the surname's
            // words where no author has the surname, which cannot be when the name is an author).
            match = .sameKey
        } else {
            match = .plain(Int32(plainID))
        }
        plainMatchOfKeyed[id] = match
        return match
    }

    /// `authorIndex(ofBytes:in:)` for the bytes of a name that `plainMatch(ofKeyedName:)` reads
    /// `match` (`.plain`); nil for `.noName`, and for `.sameKey`, whose author the caller finds
    /// among its own (the first with the listed author's surname and given names).
    func authorIndex(of match: PlainMatch, in authorKeys: ExportValues.MatchKeys) -> Int? {
        guard case .plain(let id) = match else { return nil }
        return authorIndex(ofPlainName: Int(id), in: authorKeys)
    }

    /// The id in `plainNames` of the name whose UTF-8 bytes are `text`, parsed the first time.
    private mutating func plainNameID(bytes text: UnsafeBufferPointer<UInt8>) -> Int {
        let (id, isNew) = plainNames.slot(text)
        if isNew {
            let name = ExportValues.plainName(String(decoding: text, as: UTF8.self))
            plainNames.append(name != nil)
            plain.append(.of(name))
        }
        return id
    }

    /// `ExportValues.authorIndex` of the name `id` of `plainNames` in `authorKeys`.
    private func authorIndex(ofPlainName id: Int, in authorKeys: ExportValues.MatchKeys) -> Int? {
        guard plainNames.withValue(at: id, { $0 }) else { return nil }
        return ExportValues.authorIndex(of: plain[id].name, key: plain[id].key, in: authorKeys)
    }

    /// `ExportValues.authorIndex(of: text, in: authorKeys)`.
    mutating func authorIndex(of text: String, in authorKeys: ExportValues.MatchKeys) -> Int? {
        var text = text
        return text.withUTF8 { authorIndex(ofBytes: $0, in: authorKeys) }
    }
}

/// The name caches lent to the parsers of a block's later runs (lanes 1, 2, …), kept from block
/// to block so each core's cache stays warm.
struct ExportNameLanes {
    private var caches: [ExportNameCache] = []

    /// Swaps lane `lane`'s cache into `cache` (a fresh parser's empty one goes to the lane).
    mutating func lend(_ cache: inout ExportNameCache, lane: Int) {
        while caches.count < lane { caches.append(ExportNameCache()) }
        swap(&cache, &caches[lane - 1])
    }

    /// Puts the cache lent to lane `lane` back.
    mutating func takeBack(_ cache: inout ExportNameCache, lane: Int) {
        swap(&cache, &caches[lane - 1])
    }
}
