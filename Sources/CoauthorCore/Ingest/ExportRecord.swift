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

    init(location: SourceLocation) {
        self.location = location
    }

    /// Appends one author with its IDs and affiliations, keeping the side lists aligned.
    mutating func addAuthor(_ name: PersonName, ids authorIDs: AuthorIDs = AuthorIDs(), affiliations list: [Affiliation] = []) {
        if !authorIDs.isEmpty || !ids.isEmpty {
            if ids.count < authors.count { ids += Array(repeating: AuthorIDs(), count: authors.count - ids.count) }
            ids.append(authorIDs)
        }
        if !list.isEmpty || !affiliations.isEmpty {
            if affiliations.count < authors.count { affiliations += Array(repeating: [], count: authors.count - affiliations.count) }
            affiliations.append(list)
        }
        authors.append(name)
    }

    /// Sets the IDs of author `index` (the side list is made when the first ID arrives).
    mutating func setIDs(_ update: (inout AuthorIDs) -> Void, of index: Int) {
        if ids.count < authors.count { ids += Array(repeating: AuthorIDs(), count: authors.count - ids.count) }
        update(&ids[index])
    }

    /// Adds an affiliation to author `index`.
    mutating func addAffiliation(_ affiliation: Affiliation, to index: Int) {
        if affiliations.count < authors.count { affiliations += Array(repeating: [], count: authors.count - affiliations.count) }
        affiliations[index].append(affiliation)
    }

    var publication: Publication {
        var publication = Publication(key: key, type: type, title: title, venue: venue, year: year, authors: authors,
                                      doi: doi, location: location)
        var extras = extras
        if ids.contains(where: { !$0.isEmpty }) {
            extras.authorIDs = ids + Array(repeating: AuthorIDs(), count: max(0, authors.count - ids.count))
        }
        if affiliations.contains(where: { !$0.isEmpty }) {
            extras.affiliations = affiliations + Array(repeating: [], count: max(0, authors.count - affiliations.count))
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

    mutating func add(_ record: ExportRecord) {
        corpus.records += 1
        if !record.authors.isEmpty { corpus.publications.append(record.publication) }
    }

    mutating func error(_ location: SourceLocation, _ message: String, skipping: Int = 1) {
        corpus.diagnostics.append(Diagnostic(.error, at: location, message))
        corpus.skipped += skipping
    }

    mutating func warning(_ location: SourceLocation, _ message: String) {
        corpus.diagnostics.append(Diagnostic(.warning, at: location, message))
    }
}

/// Identifier and name conventions shared by the export readers.
enum ExportValues {
    /// `https://doi.org/10.1/X`, `doi:10.1/X`, `10.1/X [doi]` → `10.1/X` (case kept).
    static func doi(_ text: String) -> String {
        var value = trimmed(text)
        if let range = value.range(of: "doi.org/", options: .caseInsensitive) { value = String(value[range.upperBound...]) }
        if value.lowercased().hasPrefix("doi:") { value = String(value.dropFirst(4)) }
        if value.hasSuffix("[doi]") { value = String(value.dropLast(5)) }
        return trimmed(value)
    }

    /// The ORCID in `text` (`0000-0002-8517-9411`, also inside a URL, or written without hyphens), or "".
    static func orcid(_ text: String) -> String {
        var digits: [Character] = []
        for char in text {
            if char.isASCII && (char.isNumber || (char == "X" || char == "x") && digits.count == 15) {
                digits.append(char == "x" ? "X" : char)
                if digits.count == 16 { break }
            } else if char == "-" || char == " " {
                continue
            } else if !digits.isEmpty {
                digits.removeAll()
            }
        }
        guard digits.count == 16 else { return "" }
        return String(digits[0..<4]) + "-" + String(digits[4..<8]) + "-" + String(digits[8..<12]) + "-" + String(digits[12..<16])
    }

    /// `https://openalex.org/A5069892096` → `A5069892096` (the last path component of a URL).
    static func lastComponent(_ text: String) -> String {
        let value = trimmed(text)
        guard let slash = value.lastIndex(of: "/") else { return value }
        return String(value[value.index(after: slash)...])
    }

    static func trimmed(_ text: some StringProtocol) -> String {
        String(text.drop(while: { $0 == " " || $0 == "\t" || $0 == "\u{FEFF}" }).reversed().drop(while: { $0 == " " || $0 == "\t" }).reversed())
    }

    /// `a; b;; c` → [a, b, c]: the non-empty trimmed parts.
    static func list(_ text: String, separator: Character = ";") -> [String] {
        text.split(separator: separator, omittingEmptySubsequences: true).map { LaTeX.collapseWhitespace(String($0)) }.filter { !$0.isEmpty }
    }

    static func int(_ text: String) -> Int? { Int(trimmed(text)) }

    /// A name written as a database writes it: `Last, First`, `First Last`, or `Last Initials`
    /// (`Liu F.`, `Phillips J.C.`, `Mazurek J`), where the trailing initials are the given name.
    static func name(_ text: String) -> PersonName? {
        let collapsed = LaTeX.collapseWhitespace(text)
        guard !collapsed.isEmpty else { return nil }
        if !collapsed.contains(","), let space = collapsed.lastIndex(of: " ") {
            let tail = collapsed[collapsed.index(after: space)...]
            if isInitials(tail) {
                return PersonName(first: String(tail), last: String(collapsed[..<space])).precomposed
            }
        }
        return NameParser.parsePlainName(collapsed)
    }

    /// `J.C.`, `F.`, `J.-C.`, `JC`, `J` (capitals only, at most three without dots).
    private static func isInitials(_ word: Substring) -> Bool {
        guard let first = word.first, first.isUppercase else { return false }
        let letters = word.filter(\.isLetter)
        guard letters.allSatisfy(\.isUppercase) else { return false }
        if word.contains(".") { return word.allSatisfy { $0.isLetter || $0 == "." || $0 == "-" } && letters.count <= 4 }
        return letters.count <= 3 && word.allSatisfy(\.isLetter)
    }

    /// A name folded for matching the names of one record's lists (`C1` prefixes, `RI`/`OI`
    /// entries) to its authors.
    struct MatchKey {
        var last: String
        var first: String
        /// Every word of the name, folded.
        var words: Set<String>
    }

    static func matchKey(_ name: PersonName) -> MatchKey {
        let whole = [name.first, name.von, name.last, name.jr].joined(separator: " ")
        let words = Set(whole.split { $0 == " " || $0 == "-" || $0 == "." }.map { NameKey.fold($0) }.filter { !$0.isEmpty })
        return MatchKey(last: NameKey.fold(name.von.isEmpty ? name.last : name.von + " " + name.last), first: NameKey.fold(name.first), words: words)
    }

    /// The index of the author `name` designates among `keys`: the same folded full name, else
    /// the only author with that surname and first initial, else the only author whose words
    /// include every word of that surname (Web of Science lists `Campina López, Alejano` for the
    /// author it prints as `Lopez, Alejandro Carlos Campina`).
    static func authorIndex(of name: String, in keys: [MatchKey]) -> Int? {
        guard let parsed = NameParser.parsePlainName(name) else { return nil }
        let key = matchKey(parsed)
        if let exact = keys.firstIndex(where: { $0.last == key.last && $0.first == key.first }) { return exact }
        let surname = keys.indices.filter { keys[$0].last == key.last }
        let initial = key.first.first
        let compatible = surname.filter { keys[$0].first.first == initial }
        if compatible.count == 1 { return compatible[0] }
        if surname.count == 1 && initial == nil { return surname[0] }
        guard surname.isEmpty else { return nil }
        let surnameWords = Set((parsed.von + " " + parsed.last).split { $0 == " " || $0 == "-" }.map { NameKey.fold($0) }.filter { !$0.isEmpty })
        guard !surnameWords.isEmpty else { return nil }
        let containing = keys.indices.filter { surnameWords.isSubset(of: keys[$0].words) }
        return containing.count == 1 ? containing[0] : nil
    }
}
