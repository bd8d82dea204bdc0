/// A personal name split the way BibTeX splits it: `First von Last, Jr`.
///
/// All parts are already decoded from LaTeX to Unicode (NFC) with whitespace collapsed.
public struct PersonName: Sendable, Hashable {
    public var first: String
    public var von: String
    public var last: String
    public var jr: String
    /// A DBLP homonym number such as `0001` in `Wei Wang 0001`; part of the identity.
    public var homonym: String

    public init(first: String = "", von: String = "", last: String, jr: String = "", homonym: String = "") {
        self.first = first
        self.von = von
        self.last = last
        self.jr = jr
        self.homonym = homonym
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

    /// The name as people write it: `First von Last, Jr` (homonym number appended, as DBLP shows it).
    public var displayName: String {
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
    /// The publication year, if the record has one.
    public var year: Int?
    /// Authors in printed order.
    public var authors: [PersonName]
    /// `and others` ended the author list: the list is known to be incomplete.
    public var hasTruncatedAuthors: Bool
    /// 1-based positions of authors marked as equal (joint first) contributors.
    public var equalContributors: [Int]
    public var doi: String
    /// Where the record starts in its file.
    public var location: SourceLocation

    public init(key: String, type: String, title: String, venue: String, year: Int?,
                authors: [PersonName], hasTruncatedAuthors: Bool = false,
                equalContributors: [Int] = [], doi: String = "", location: SourceLocation) {
        self.key = key
        self.type = type
        self.title = title
        self.venue = venue
        self.year = year
        self.authors = authors
        self.hasTruncatedAuthors = hasTruncatedAuthors
        self.equalContributors = equalContributors
        self.doi = doi
        self.location = location
    }
}

/// What reading one or more inputs produced.
public struct Corpus: Sendable {
    /// Publications in input order (records without authors are not publications).
    public var publications: [Publication] {
        didSet { internedAuthors = nil }
    }
    /// The publications' authors as a name table, when the reader built one (it is dropped
    /// whenever `publications` changes, so it always describes them).
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
    public var authorships: Int { publications.reduce(0) { $0 + $1.authors.count } }

    /// SPEC §2's closing line: `read 16 publications from 1 file (0 skipped, 0 without year)`.
    public var summaryLine: String {
        let pubs = publications.count == 1 ? "publication" : "publications"
        let fileWord = files == 1 ? "file" : "files"
        return "read \(publications.count) \(pubs) from \(files) \(fileWord) (\(skipped) skipped, \(withoutYear) without year)"
    }
}
