import CPrefetch
/// A personal name split the way BibTeX splits it: `First von Last, Jr`.
///
/// All parts are already decoded from LaTeX to Unicode (NFC) with whitespace collapsed.
public struct PersonName: Sendable, Hashable {
    public var first: String
    public var last: String
    /// `von`, `jr` and `homonym`, in that order, when any of them is not empty; else no array.
    /// Most names have neither, and a corpus holds a name per authorship (millions at DBLP's
    /// scale): 40 bytes a name instead of 80. Equality and hashing see the same parts as before,
    /// since this is empty exactly when all three are.
    private var rare: [String]

    public var von: String {
        get { rare.isEmpty ? "" : rare[0] }
        set { setRare(0, newValue) }
    }

    public var jr: String {
        get { rare.isEmpty ? "" : rare[1] }
        set { setRare(1, newValue) }
    }

    /// A DBLP homonym number such as `0001` in `Wei Wang 0001`; part of the identity.
    public var homonym: String {
        get { rare.isEmpty ? "" : rare[2] }
        set { setRare(2, newValue) }
    }

    private mutating func setRare(_ part: Int, _ value: String) {
        if rare.isEmpty {
            guard !value.isEmpty else { return }
            rare = ["", "", ""]
        }
        rare[part] = value
        if rare.allSatisfy(\.isEmpty) { rare = [] }
    }

    // Public memberwise initialiser (Swift synthesises an internal one only): shaped like every
    // other value type's, deliberately.
    /// Control characters a broken file left in a part are dropped (`withoutControlCharacters`):
    /// `Ann\u{1}e Lee` is `Anne Lee`, one person under one label in every output.
    public init(first: String = "", von: String = "", last: String, jr: String = "", homonym: String = "") {
        self.first = first.withoutControlCharacters
        self.last = last.withoutControlCharacters
        // Cleaned before the test for emptiness: a `jr` of control characters alone is no part
        // (its empty string kept in `rare` made a name unequal to itself without it).
        let (von, jr, homonym) = (von.withoutControlCharacters, jr.withoutControlCharacters, homonym.withoutControlCharacters)
        rare = von.isEmpty && jr.isEmpty && homonym.isEmpty ? [] : [von, jr, homonym]
    }

    /// FNV-1a over the UTF-8 of every part: a cheap hash for interning tables (`HashIndex`);
    /// names equal under `==` have equal hashes.
    var identityHash: UInt64 {
        var hasher = FNV1a()
        hasher.add(field: first)
        hasher.add(field: von)
        hasher.add(field: last)
        hasher.add(field: jr)
        hasher.add(field: homonym)
        return hasher.value
    }

    /// The name as people write it: `First von Last, Jr` (homonym number appended, as DBLP shows
    /// it), without control characters (`withoutControlCharacters`).
    public var displayName: String { joinedParts.withoutControlCharacters }

    private var joinedParts: String {
        // Most names are a first and a last name: their bytes are written once into a string of
        // the right size (appending grows the string, and may copy it, part by part).
        if rare.isEmpty {
            if first.isEmpty { return last }
            if last.isEmpty { return first }
            var (given, family) = (first, last)
            return given.withUTF8 { given in
                family.withUTF8 { family in
                    String(unsafeUninitializedCapacity: given.count + 1 + family.count) { bytes in
                        _ = bytes.initialize(from: given)
                        bytes[given.count] = 0x20
                        _ = UnsafeMutableBufferPointer(rebasing: bytes[(given.count + 1)...]).initialize(from: family)
                        return given.count + 1 + family.count
                    }
                }
            }
        }
        // The non-empty parts joined by blanks, built in place (this runs once per distinct name).
        var name = first
        if !von.isEmpty {
            if !name.isEmpty { name += " " }
            name += von
        }
        if !last.isEmpty {
            if !name.isEmpty { name += " " }
            name += last
        }
        if !jr.isEmpty { name += ", " + jr }
        if !homonym.isEmpty { name += " " + homonym }
        return name
    }
}

/// One publication: a bibliographic record with at least one author.
public struct Publication: Sendable, Hashable {
    /// The citation key (BibTeX) or record key (DBLP).
    public var key: String
    /// The entry type, lower-cased (`inproceedings`, `article`, …).
    public var type: String
    public var title: String
    /// Journal, booktitle, or what stands for them.
    public var venue: String
    /// The publication year, if the record has one. Kept in 32 bits (a DBLP-size corpus has
    /// millions of publications); the readers give years of four digits.
    /// - Precondition: a year within `Int32`, other than `Int32.min`.
    public var year: Int? {
        get { storedYear == Self.noYear ? nil : Int(storedYear) }
        set { storedYear = Self.storedYear(newValue) }
    }
    private var storedYear: Int32
    /// `authorCount` in the low 31 bits, `hasTruncatedAuthors` in the top bit: with `storedYear`,
    /// one 8-byte word.
    private var storedCountAndTruncation: UInt32
    /// Authors in printed order; empty when the reader was asked to leave the text out
    /// (`AnalysisRequest.keepsPublicationText`), and `authorCount` counts them.
    public var authors: [PersonName] {
        didSet { setAuthorCount(authors.count) }
    }
    public var doi: String
    /// Where the record starts in its file.
    public var location: SourceLocation
    /// What few records have (database extras, equal contributors): zero or one element, so a
    /// BibTeX or DBLP record pays one empty array for all of it.
    private var rare: [RareFields] = []

    /// `and others` ended the author list: the list is known to be incomplete.
    public var hasTruncatedAuthors: Bool {
        get { storedCountAndTruncation & Self.truncationBit != 0 }
        set { storedCountAndTruncation = storedCountAndTruncation & ~Self.truncationBit | (newValue ? Self.truncationBit : 0) }
    }

    /// The fewest authors the paper has, given `listed` of them resolved: one more where `and
    /// others` (`et al.`) ended the list. Team sizes, solo papers and multi-author shares read
    /// it, so that `Jane Doe and others` is no solo paper (a user trial of session 60 saw a
    /// lab's collaboration indicators understated so); ties and fractional weights use the
    /// authors listed.
    /// - Complexity: O(1).
    @inline(__always) public func teamSize(listed: Int) -> Int { hasTruncatedAuthors ? listed + 1 : listed }

    /// 1-based positions of authors marked as equal (joint first) contributors.
    public var equalContributors: [Int] {
        get { rare.first?.equalContributors ?? [] }
        set { updateRare { $0.equalContributors = newValue } }
    }

    /// Author IDs, affiliations, database keys and citations, where the source gives them
    /// (an empty value otherwise).
    public var extras: PublicationExtras {
        get { rare.first?.extras ?? PublicationExtras() }
        set {
            // A reader sets them once, on a publication without rare fields: stored as they are
            // (no empty fields made, copied into and tested).
            guard rare.isEmpty else { return updateRare { $0.extras = newValue } }
            if !newValue.isEmpty { rare = [RareFields(extras: newValue)] }
        }
    }

    /// Whether the record carries anything beyond the BibTeX fields (IDs, affiliations, keys).
    public var hasExtras: Bool { rare.first.map { !$0.extras.isEmpty } ?? false }

    /// One `AuthorIDs` per author when the source gave any ID, else empty.
    public var authorIDs: [AuthorIDs] { rare.first?.extras.authorIDs ?? [] }

    /// `body` called with the `authorIDs` of the publication at `publication`, in place: no copy
    /// of the extras, whose every reference `authorIDs` retains and releases (identity by ID reads
    /// the IDs of every authorship), nor of the publication, which a method called on an element
    /// of an array is given.
    static func withAuthorIDs<R>(at publication: UnsafePointer<Publication>, _ body: (UnsafeBufferPointer<AuthorIDs>) -> R) -> R {
        let rare = publication.pointee.rare
        guard !rare.isEmpty else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
        return rare[0].extras.authorIDs.withUnsafeBufferPointer(body)
    }

    /// Asks for the memory `withAuthorIDs(at:)` and the authors' names of the publication at
    /// `publication` will read, in two stages a few publications apart (each publication's lists
    /// are allocations of their own: a cache miss each, in turn, on a pass over the corpus).
    /// Stage 1 asks for the storage of the lists of authors and of rare fields; stage 2, once
    /// that is in the cache, for the IDs the rare fields point to.
    @inline(__always)
    static func prefetchAuthorsAndIDs(at publication: UnsafePointer<Publication>, stage: Int) {
        if stage == 1 {
            coauthor_prefetch(rareStorage(at: publication))
            // (`authors` has an observer, so it has no offset to read it at: read in place, its
            // count is a load nothing waits for.)
            publication.pointee.authors.withUnsafeBufferPointer { authors in
                guard let base = authors.baseAddress else { return }
                for line in 0..<3 { coauthor_prefetch(UnsafeRawPointer(base) + 64 * line) }
            }
        } else if let ids = authorIDsStorage(at: publication) {
            for line in 0..<4 { coauthor_prefetch(ids + 64 * line) }
        }
    }

    /// The storage of the publication's rare fields: an array is one reference to its storage
    /// (that of an empty array is a shared one), whose elements start at `arrayElementsOffset`,
    /// after a header and the count (at `arrayCountOffset`) and capacity.
    @inline(__always)
    private static func rareStorage(at publication: UnsafePointer<Publication>) -> UnsafeRawPointer {
        UnsafeRawPointer(publication).load(fromByteOffset: MemoryLayout<Publication>.offset(of: \.rare)!, as: UnsafeRawPointer.self)
    }

    /// The storage of the publication's list of IDs (as `rareStorage(at:)`), nil when it has no
    /// rare fields; reads the storage of those.
    @inline(__always)
    static func authorIDsStorage(at publication: UnsafePointer<Publication>) -> UnsafeRawPointer? {
        let rare = rareStorage(at: publication)
        guard rare.load(fromByteOffset: arrayCountOffset, as: Int.self) > 0 else { return nil }
        return rare.load(fromByteOffset: arrayElementsOffset + MemoryLayout<RareFields>.offset(of: \.extras.authorIDs)!, as: UnsafeRawPointer.self)
    }

    /// Where an array's storage holds its count and its first element (Swift's native layout on
    /// 64-bit platforms; `CompactStorageTests` checks it).
    static let arrayCountOffset = 16
    static let arrayElementsOffset = 32

    /// The number of authors, also when their names were left out (`AnalysisRequest.keepsPublicationText`).
    public var authorCount: Int { Int(storedCountAndTruncation & ~Self.truncationBit) }

    private static let noYear = Int32.min
    private static let truncationBit: UInt32 = 1 << 31

    private static func storedYear(_ year: Int?) -> Int32 {
        guard let year else { return noYear }
        guard let stored = Int32(exactly: year), stored != noYear else {
            preconditionFailure("year \(year) is beyond the 32 bits a publication keeps it in")
        }
        return stored
    }

    private mutating func setAuthorCount(_ count: Int) {
        precondition(count < Int(Self.truncationBit), "at most 2,147,483,647 authors a publication")
        storedCountAndTruncation = storedCountAndTruncation & Self.truncationBit | UInt32(count)
    }

    private mutating func updateRare(_ change: (inout RareFields) -> Void) {
        var fields = rare.first ?? RareFields()
        change(&fields)
        rare = fields.isEmpty ? [] : [fields]
    }

    /// The fields few records have, out of line.
    private struct RareFields: Sendable, Hashable {
        var extras = PublicationExtras()
        var equalContributors: [Int] = []
        var isEmpty: Bool { extras.isEmpty && equalContributors.isEmpty }
    }

    // Public memberwise initialiser (Swift synthesises an internal one only): shaped like every
    // other value type's, deliberately.
    public init(key: String, type: String, title: String, venue: String, year: Int?,
                authors: [PersonName], hasTruncatedAuthors: Bool = false,
                equalContributors: [Int] = [], doi: String = "", location: SourceLocation) {
        self.key = key
        self.type = type
        self.title = title
        self.venue = venue
        storedYear = Self.storedYear(year)
        storedCountAndTruncation = 0
        self.authors = authors
        self.doi = doi
        self.location = location
        setAuthorCount(authors.count)
        self.hasTruncatedAuthors = hasTruncatedAuthors
        if !equalContributors.isEmpty { self.equalContributors = equalContributors }
    }

    /// A publication read without its text (`AnalysisRequest.keepsPublicationText` clear): no
    /// key, title, venue, DOI or author names, only the number of authors.
    init(type: String, year: Int?, authorCount: Int, location: SourceLocation) {
        self.init(key: "", type: type, title: "", venue: "", year: year, authors: [], location: location)
        setAuthorCount(authorCount)
    }
}

/// The identifiers a database gives one author of one record; empty strings where it gives none.
/// Values are bare: `0000-0002-8517-9411`, not `https://orcid.org/…`; `A5069892096`, not the URL.
public struct AuthorIDs: Sendable, Hashable {
    // Stored compactly: an authorship carries one or two IDs (an ORCID; an OpenAlex ID and an
    // ORCID; a ResearcherID and an ORCID), and every authorship of a record with an ID has a
    // value. The first two IDs, in the order of `Kind`, are kept in place with their kinds'
    // numbers, any others in `more`: 48 bytes a value, where a string per kind took 112. The
    // form is canonical (kinds in order, no kind twice, no empty value), so the synthesised
    // equality and hash are those of the seven values.
    private var value0 = ""
    private var value1 = ""
    private var more: [Extra] = []
    private var kind0 = AuthorIDs.noKind
    private var kind1 = AuthorIDs.noKind

    /// An ID beyond the first two.
    private struct Extra: Sendable, Hashable {
        var kind: UInt8
        var value: String
    }

    /// The kind number of an empty slot.
    static let noKind: UInt8 = .max

    // One property per kind, each reading and writing its kind's place: the public shape of
    // seven stored strings is kept, deliberately (readers, exports and tests name the kinds).
    public var orcid: String {
        get { value(of: .orcid) }
        set { set(newValue, of: .orcid) }
    }
    /// Scopus Author ID (digits).
    public var scopus: String {
        get { value(of: .scopus) }
        set { set(newValue, of: .scopus) }
    }
    /// OpenAlex author ID (`A…`).
    public var openAlex: String {
        get { value(of: .openAlex) }
        set { set(newValue, of: .openAlex) }
    }
    /// Web of Science ResearcherID (`K-7689-2014`, `MFJ-0972-2025`).
    public var researcherID: String {
        get { value(of: .researcherID) }
        set { set(newValue, of: .researcherID) }
    }
    /// Dimensions researcher ID (`ur.…`).
    public var dimensions: String {
        get { value(of: .dimensions) }
        set { set(newValue, of: .dimensions) }
    }
    /// A node of an institution network: the institution's ROR id (`02feahw73`), where known.
    public var ror: String {
        get { value(of: .ror) }
        set { set(newValue, of: .ror) }
    }
    /// A node of a country network: its ISO 3166-1 alpha-2 code (`IT`).
    public var country: String {
        get { value(of: .country) }
        set { set(newValue, of: .country) }
    }

    // Public memberwise initialiser (Swift synthesises an internal one only): shaped like every
    // other value type's, deliberately.
    public init(orcid: String = "", scopus: String = "", openAlex: String = "", researcherID: String = "", dimensions: String = "",
                ror: String = "", country: String = "") {
        // In the order of `Kind`, each after the last (no list made: readers make a value per authorship).
        if !orcid.isEmpty { set(orcid, of: .orcid) }
        if !scopus.isEmpty { set(scopus, of: .scopus) }
        if !openAlex.isEmpty { set(openAlex, of: .openAlex) }
        if !researcherID.isEmpty { set(researcherID, of: .researcherID) }
        if !dimensions.isEmpty { set(dimensions, of: .dimensions) }
        if !ror.isEmpty { set(ror, of: .ror) }
        if !country.isEmpty { set(country, of: .country) }
    }

    public var isEmpty: Bool { kind0 == Self.noKind }

    /// Each ID this author has, as (kind, value), in the order of `Kind`.
    public var all: [(kind: Kind, value: String)] {
        var list: [(kind: Kind, value: String)] = []
        forEachID { kind, value in list.append((Kind(number: kind), value)) }
        return list
    }

    /// The first of `all`, without making the list: identity by ID asks it of every person it
    /// marks or merges.
    var firstID: (kind: Kind, value: String)? {
        kind0 == Self.noKind ? nil : (Kind(number: kind0), value0)
    }

    /// The ID of one kind ("" when absent).
    public func value(of kind: Kind) -> String {
        let number = kind.number
        if kind0 == number { return value0 }
        if kind1 == number { return value1 }
        return more.first { $0.kind == number }?.value ?? ""
    }

    /// `body` called with each ID's kind number (its place in `Kind.allCases`) and value, in
    /// the order of `Kind`.
    func forEachID(_ body: (UInt8, String) -> Void) {
        guard kind0 != Self.noKind else { return }
        body(kind0, value0)
        guard kind1 != Self.noKind else { return }
        body(kind1, value1)
        for extra in more { body(extra.kind, extra.value) }
    }

    /// Where the two IDs kept in place and their kind numbers are in a value, for a pass that
    /// reads them without copying the value (`IdentifiedSlots`).
    static let inlineLayout = (value0: MemoryLayout<AuthorIDs>.offset(of: \AuthorIDs.value0)!,
                               value1: MemoryLayout<AuthorIDs>.offset(of: \AuthorIDs.value1)!,
                               kind0: MemoryLayout<AuthorIDs>.offset(of: \AuthorIDs.kind0)!,
                               kind1: MemoryLayout<AuthorIDs>.offset(of: \AuthorIDs.kind1)!)

    /// `body` called with each ID beyond the two kept in place (`inlineLayout`), as `forEachID`.
    func forEachIDBeyondTheFirstTwo(_ body: (UInt8, String) -> Void) {
        for extra in more { body(extra.kind, extra.value) }
    }

    /// Sets the ID of kind `kind` ("" removes it), keeping the form canonical.
    mutating func set(_ value: String, of kind: Kind) {
        let number = kind.number
        // The common cases: a value replaced, or one added after the last in place.
        if !value.isEmpty {
            if kind0 == number { return value0 = value }
            if kind1 == number { return value1 = value }
            if kind0 == Self.noKind {
                (kind0, value0) = (number, value)
                return
            }
            if kind1 == Self.noKind, kind0 < number {
                (kind1, value1) = (number, value)
                return
            }
            // One ID in place and one of an earlier kind added (a Web of Science record lists
            // ResearcherIDs before ORCIDs): the first moves to the second place.
            if kind1 == Self.noKind {
                (kind1, value1) = (kind0, value0)
                (kind0, value0) = (number, value)
                return
            }
        } else if kind0 != number, kind1 != number, !more.contains(where: { $0.kind == number }) {
            return
        }
        // Otherwise every ID is laid out again, in order.
        var list: [Extra] = []
        forEachID { kind, value in if kind != number { list.append(Extra(kind: kind, value: value)) } }
        if !value.isEmpty {
            list.append(Extra(kind: number, value: value))
            list.sort { $0.kind < $1.kind }
        }
        (kind0, value0) = list.count > 0 ? (list[0].kind, list[0].value) : (Self.noKind, "")
        (kind1, value1) = list.count > 1 ? (list[1].kind, list[1].value) : (Self.noKind, "")
        more = list.count > 2 ? Array(list[2...]) : []
    }

    /// Whether `other` has a person ID (ORCID, Scopus, OpenAlex, ResearcherID, Dimensions) of a
    /// kind this value has too, with another value (compared as identity by ID compares them: in
    /// upper case), so that the two cannot be one person.
    public func conflicts(with other: AuthorIDs) -> Bool {
        var differs = false
        other.forEachID { number, value in
            let kind = Kind(number: number)
            guard kind.isPerson else { return }
            let mine = self.value(of: kind)
            if !mine.isEmpty, mine.uppercased() != value.uppercased() { differs = true }
        }
        return differs
    }

    /// Fills the IDs this value lacks from `other` (a merge of two records of one author).
    public mutating func fill(from other: AuthorIDs) {
        if isEmpty { return self = other }
        other.forEachID { number, value in
            let kind = Kind(number: number)
            if self.value(of: kind).isEmpty { set(value, of: kind) }
        }
    }

    /// The kinds of person identifier, with the names exports and messages use.
    public enum Kind: String, Sendable, CaseIterable {
        case orcid = "ORCID"
        case scopus = "Scopus author ID"
        case openAlex = "OpenAlex author ID"
        case researcherID = "ResearcherID"
        case dimensions = "Dimensions researcher ID"
        /// Institution and country networks: the unit's own code.
        case ror = "ROR id"
        case country = "ISO 3166-1 alpha-2 code"

        /// The person kinds (ORCID, Scopus, OpenAlex, ResearcherID, Dimensions) are the first
        /// `personCount` of `allCases`; the others name institutions and countries.
        static let personCount = 5
        var isPerson: Bool { number < Self.personCount }

        /// The kind's place in `allCases` (without making that array, anew at each use).
        var number: UInt8 {
            switch self {
            case .orcid: 0
            case .scopus: 1
            case .openAlex: 2
            case .researcherID: 3
            case .dimensions: 4
            case .ror: 5
            case .country: 6
            }
        }

        /// The kind at place `number` of `allCases`.
        init(number: UInt8) {
            switch number {
            case 0: self = .orcid
            case 1: self = .scopus
            case 2: self = .openAlex
            case 3: self = .researcherID
            case 4: self = .dimensions
            case 5: self = .ror
            default:
                precondition(number == 6, "no kind of ID has number \(number)")
                self = .country
            }
        }

        /// The node attribute exports write (`orcid`, `scopus_id`, …).
        public var attribute: String {
            switch self {
            case .orcid: "orcid"
            case .scopus: "scopus_id"
            case .openAlex: "openalex_id"
            case .researcherID: "researcher_id"
            case .dimensions: "dimensions_id"
            case .ror: "ror"
            case .country: "country_code"
            }
        }
    }
}

/// One affiliation of one author as the source gives it: the raw string, and where given the
/// institution's name, its ROR id and its country (ISO code or name, as written).
public struct Affiliation: Sendable, Hashable {
    public var raw: String
    public var institution: String
    public var ror: String
    public var country: String

    // Public memberwise initialiser (Swift synthesises an internal one only): shaped like every
    // other value type's, deliberately.
    public init(raw: String = "", institution: String = "", ror: String = "", country: String = "") {
        self.raw = raw
        self.institution = institution
        self.ror = ror
        self.country = country
    }
}

/// What bibliographic database exports give beyond a BibTeX record.
public struct PublicationExtras: Sendable, Hashable {
    /// Empty, or one entry per author (in the order of `Publication.authors`).
    public var authorIDs: [AuthorIDs]
    /// Empty, or one list per author (in the order of `Publication.authors`).
    public var affiliations: [[Affiliation]]
    /// Affiliations the record names without saying whose (older Web of Science `C1` addresses
    /// without an `[Author; …]` prefix): the paper's, not any one author's.
    public var addresses: [Affiliation] = []
    /// PubMed ID.
    public var pmid: String
    /// Web of Science accession number (`WOS:000870236000001`).
    public var ut: String
    /// Scopus EID (`2-s2.0-85030721984`).
    public var eid: String
    /// OpenAlex work ID (`W2755950973`).
    public var openAlex: String
    /// Times cited, as the source counted it when the file was exported.
    public var citedBy: Int?

    // Public memberwise initialiser (Swift synthesises an internal one only): shaped like every
    // other value type's, deliberately.
    public init(authorIDs: [AuthorIDs] = [], affiliations: [[Affiliation]] = [], pmid: String = "", ut: String = "",
                eid: String = "", openAlex: String = "", citedBy: Int? = nil) {
        self.authorIDs = authorIDs
        self.affiliations = affiliations
        self.pmid = pmid
        self.ut = ut
        self.eid = eid
        self.openAlex = openAlex
        self.citedBy = citedBy
    }

    public var isEmpty: Bool {
        authorIDs.isEmpty && affiliations.isEmpty && addresses.isEmpty && pmid.isEmpty && ut.isEmpty && eid.isEmpty && openAlex.isEmpty && citedBy == nil
    }
}

/// What reading one or more inputs produced.
public struct Corpus: Sendable {
    /// Publications in input order (records without authors are not publications).
    public var publications: [Publication] {
        didSet { internedAuthors = nil }
    }
    /// The publications' authors as a name table, when the reader built one (it is dropped
    /// whenever `publications` changes, so it always describes them, and once `ResolvedCorpus`
    /// resolved the authors, which it served).
    public internal(set) var internedAuthors: InternedAuthors? = nil
    /// Bibliographic records seen (entries other than `@string`, `@preamble`, `@comment`).
    public var records: Int
    /// Records that could not be used (syntax errors and the like); each has an error diagnostic.
    public var skipped: Int
    /// Records that repeated a citation key or a paper already read.
    public var duplicates: Int
    /// Number of input files read.
    public var files: Int
    public var diagnostics: [Diagnostic]
    /// Identity evidence: groups of names that one person record (a DBLP `www` entry) gives as one person.
    public var personRecords: [PersonRecord] = []
    /// Author names the readers dropped, each with a warning saying so (an empty name, a name
    /// with nothing left once decoded).
    public var droppedNames = 0

    // Public memberwise initialiser (Swift synthesises an internal one only): shaped like every
    // other value type's, deliberately.
    public init(publications: [Publication] = [], records: Int = 0, skipped: Int = 0,
                duplicates: Int = 0, files: Int = 0, diagnostics: [Diagnostic] = []) {
        self.publications = publications
        self.records = records
        self.skipped = skipped
        self.duplicates = duplicates
        self.files = files
        self.diagnostics = diagnostics
    }

    /// Publications without a year (kept, counted, left out of time metrics only).
    public var withoutYear: Int { publications.reduce(0) { $0 + ($1.year == nil ? 1 : 0) } }

    /// Total author slots over all publications.
    public var authorships: Int { publications.reduce(0) { $0 + $1.authorCount } }

    /// Records read that name no author (a proceedings volume with editors only, a Scopus row
    /// with `[No author name available]`): records, not publications (SPEC §2).
    public var withoutAuthors: Int { recordsWithoutAuthors ?? max(0, records - skipped - duplicates - publications.count) }
    /// `withoutAuthors` counted file by file where files were read together (`InputReader.read`):
    /// a file that could not be read at all is one skipped and no record, which the difference
    /// over the whole corpus took from the other files' records without authors.
    var recordsWithoutAuthors: Int? = nil

    /// SPEC §2's closing line: `read 16 publications from 1 file (0 skipped, 0 without year)`,
    /// with the records without authors where there are any (`…, 9 records without authors, …`):
    /// else a user who counts an export's rows finds some missing and no word on where they went.
    public var summaryLine: String {
        let pubs = publications.count == 1 ? "publication" : "publications"
        let fileWord = files == 1 ? "file" : "files"
        let unsigned = withoutAuthors == 0 ? "" : ", \(withoutAuthors) \(withoutAuthors == 1 ? "record" : "records") without authors"
        return "read \(publications.count) \(pubs) from \(files) \(fileWord) (\(skipped) skipped\(unsigned), \(withoutYear) without year)"
    }
}
