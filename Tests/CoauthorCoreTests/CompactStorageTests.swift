@testable import CoauthorCore
import Foundation
import Testing

/// What a publication, a source location and a network keep in fewer bytes (year, author count
/// and truncation in one word; line and column in 32 bits; year ranges read off the year lists)
/// reads back as what was set.
struct CompactStorageTests {
    private let location = CoauthorCore.SourceLocation(path: "t.bib", line: 3, column: 5, byteOffset: 40)

    @Test(arguments: [nil, 0, 1999, 9999, -44, Int(Int32.max), Int(Int32.min) + 1] as [Int?])
    func aPublicationKeepsItsYear(year: Int?) {
        var publication = Publication(key: "k", type: "article", title: "T", venue: "V", year: year,
                                      authors: [PersonName(first: "A", last: "One")], location: location)
        #expect(publication.year == year)
        publication.year = 2001
        #expect(publication.year == 2001)
        publication.year = year
        #expect(publication.year == year)
        #expect(Publication(type: "article", year: year, authorCount: 3, location: location).year == year)
    }

    @Test func truncationAndAuthorCountShareAWordWithoutTouchingEachOther() {
        var publication = Publication(key: "k", type: "article", title: "T", venue: "V", year: nil,
                                      authors: [PersonName(last: "X"), PersonName(last: "Y")],
                                      hasTruncatedAuthors: true, location: location)
        #expect(publication.hasTruncatedAuthors && publication.authorCount == 2 && publication.year == nil)
        publication.authors.append(PersonName(last: "Z"))
        #expect(publication.hasTruncatedAuthors && publication.authorCount == 3)
        publication.hasTruncatedAuthors = false
        #expect(!publication.hasTruncatedAuthors && publication.authorCount == 3)
        publication.authors = []
        publication.hasTruncatedAuthors = true
        #expect(publication.hasTruncatedAuthors && publication.authorCount == 0)
        let withoutText = Publication(type: "article", year: 1990, authorCount: 2_000_000_000, location: location)
        #expect(withoutText.authorCount == 2_000_000_000 && !withoutText.hasTruncatedAuthors && withoutText.year == 1990)
    }

    /// Equal contributors live out of line with the database extras, and neither makes the other
    /// appear: a BibTeX record with `author+an` has no extras.
    @Test func equalContributorsAndExtrasAreKeptApart() {
        let plain = Publication(key: "k", type: "article", title: "T", venue: "V", year: 2020,
                                authors: [PersonName(last: "X"), PersonName(last: "Y")], location: location)
        var marked = Publication(key: "k", type: "article", title: "T", venue: "V", year: 2020,
                                 authors: [PersonName(last: "X"), PersonName(last: "Y")],
                                 equalContributors: [1, 2], location: location)
        #expect(marked.equalContributors == [1, 2] && !marked.hasExtras && marked.extras.isEmpty)
        #expect(marked != plain)
        marked.extras.pmid = "123"
        #expect(marked.hasExtras && marked.extras.pmid == "123" && marked.equalContributors == [1, 2])
        marked.equalContributors = []
        #expect(marked.hasExtras && marked.equalContributors.isEmpty)
        marked.extras = PublicationExtras()
        #expect(!marked.hasExtras)
        // Set and cleared is as never set: equal, and hashed alike.
        #expect(marked == plain && marked.hashValue == plain.hashValue)
    }

    @Test func lineAndColumnReadBackAndStopAtTheirLargestValue() {
        var location = CoauthorCore.SourceLocation(path: "a.xml", line: 4_000_000_000, column: 17, byteOffset: 9_000_000_000)
        #expect((location.line, location.column, location.byteOffset) == (4_000_000_000, 17, 9_000_000_000))
        #expect(location.description == "a.xml:4000000000:17")
        location.column = 5_000_000_000
        #expect(location.column == Int(UInt32.max) && location.line == 4_000_000_000)
        location.line = 12
        #expect(location == CoauthorCore.SourceLocation(path: "a.xml", line: 12, column: Int(UInt32.max), byteOffset: 9_000_000_000))
        #expect(MemoryLayout<CoauthorCore.SourceLocation>.size == 32)
    }

    @Test func yearRangesAreTheEndsOfTheYearLists() {
        let lists = YearLists([[2001, 2003, 2003], [], [1999], [Int(Int32.max) + 1, Int(Int32.max) + 2]])
        #expect(Array(lists.firstYears) == [2001, nil, 1999, Int(Int32.max) + 1])
        #expect(Array(lists.lastYears) == [2003, nil, 1999, Int(Int32.max) + 2])
        #expect(YearLists().firstYears.isEmpty)
    }

    /// A year that no four-digit reading gives (a JSON integer of any size) is no year: the
    /// date stands in, as it does when the year is missing.
    @Test func anOpenAlexOrCrossrefYearBeyondFourDigitsIsNotTaken() {
        let openAlex = """
            {"id": "W1", "publication_year": 123456789012, "publication_date": "2017-05-01", "authorships": [{"author": {"display_name": "Ann Smith"}}]}
            {"id": "W2", "publication_year": -3, "authorships": [{"author": {"display_name": "Bob Jones"}}]}
            {"id": "W3", "publication_year": 2021, "authorships": [{"author": {"display_name": "Cy Young"}}]}
            """
        let works = InputReader.read(bytes: Array(openAlex.utf8), format: .openalex, path: "w.jsonl").publications
        #expect(works.map(\.year) == [2017, nil, 2021])
        let crossref = """
            {"status": "ok", "message-type": "work-list", "message": {"items": [
             {"DOI": "10.1/a", "issued": {"date-parts": [[123456789012]]}, "created": {"date-parts": [[2015, 3]]}, "author": [{"given": "Ann", "family": "Smith"}]},
             {"DOI": "10.1/b", "issued": {"date-parts": [[2019]]}, "author": [{"given": "Bob", "family": "Jones"}]}]}}
            """
        let items = InputReader.read(bytes: Array(crossref.utf8), format: .crossref, path: "c.json")
        #expect(items.publications.map(\.year) == [2015, 2019], "\(items.diagnostics)")
    }

    /// A normalised network keeps its nodes' IDs (exports write them as node attributes).
    @Test(arguments: [TieNormalization.association, .jaccard])
    func normalisingTiesKeepsTheIdentifiers(normalization: TieNormalization) throws {
        let orcid = "0000-0002-8517-9411"
        func paper(_ key: String, _ names: [String], _ ids: [AuthorIDs]) -> Publication {
            var publication = Publication(key: key, type: "article", title: key, venue: "", year: 2020,
                                          authors: names.map { NameParser.parsePlainName($0)! }, location: location)
            publication.extras.authorIDs = ids
            return publication
        }
        let papers = [paper("a", ["Massimo Aria", "Ann Smith"], [AuthorIDs(orcid: orcid), AuthorIDs()]),
                      paper("b", ["M. Aria", "Bob Jones", "Ann Smith"], [AuthorIDs(orcid: orcid), AuthorIDs(), AuthorIDs()])]
        let authors = AuthorResolver.resolve(papers, mode: .conservative)
        let network = try NetworkBuilder.build(publications: papers, authors: authors, options: NetworkOptions())
        let normalized = network.normalizingTies(normalization)
        #expect(normalized.graph.weight != network.graph.weight)
        let aria = try #require(normalized.names.firstIndex(of: "Massimo Aria"))
        #expect(normalized.ids.count == normalized.nodeCount && normalized.ids[aria].orcid == orcid)
        #expect(normalized.ids == network.ids)
    }

    /// The list of IDs identity by ID asks for ahead (`Publication.prefetchAuthorsAndIDs`) is
    /// where the publication keeps it: found through the rare fields' storage, its elements
    /// start `arrayElementsOffset` into its own, whose count is at `arrayCountOffset`; and there
    /// is none without rare fields.
    @Test func theListsAskedForAheadAreWhereThePublicationKeepsThem() throws {
        var publication = Publication(key: "k", type: "article", title: "T", venue: "V", year: 2000,
                                      authors: [PersonName(first: "A", last: "One"), PersonName(first: "B", last: "Two")], location: location)
        withUnsafePointer(to: publication) { #expect(Publication.authorIDsStorage(at: $0) == nil) }
        publication.extras.authorIDs = [AuthorIDs(orcid: "0000-0002-1825-0097"), AuthorIDs()]
        try withUnsafePointer(to: publication) { pointer in
            let ids = try #require(Publication.authorIDsStorage(at: pointer))
            #expect(ids.load(fromByteOffset: Publication.arrayCountOffset, as: Int.self) == 2)
            Publication.withAuthorIDs(at: pointer) {
                #expect(UnsafeRawPointer($0.baseAddress!) == ids + Publication.arrayElementsOffset)
                #expect($0[0].orcid == "0000-0002-1825-0097")
            }
        }
    }

    /// The seven kinds of ID, read and written as the properties of a value.
    private static var kindPaths: [(AuthorIDs.Kind, WritableKeyPath<AuthorIDs, String>)] {
        [(.orcid, \.orcid), (.scopus, \.scopus), (.openAlex, \.openAlex), (.researcherID, \.researcherID),
         (.dimensions, \.dimensions), (.ror, \.ror), (.country, \.country)]
    }

    /// `AuthorIDs` keeps its first two IDs in place and the others in a list: whatever the order
    /// the IDs are set, replaced and removed in, a value reads as the seven strings set, lists
    /// them in the order of the kinds, and equals (and hashes as) the value made with them at once.
    @Test func authorIDsReadAsTheSevenValuesWhateverTheOrderTheyWereSetIn() {
        var random = SplitMix64(seed: 14)
        for round in 0..<2000 {
            var ids = AuthorIDs()
            var expected = [String](repeating: "", count: 7)
            for _ in 0..<Int(random.next() % 12) {
                let kind = Int(random.next() % 7)
                // One write in four removes the kind's ID.
                let value = random.next() % 4 == 0 ? "" : "v\(random.next() % 3)"
                ids[keyPath: Self.kindPaths[kind].1] = value
                expected[kind] = value
            }
            for (kind, (named, path)) in Self.kindPaths.enumerated() {
                #expect(ids[keyPath: path] == expected[kind], "round \(round): \(named)")
                #expect(ids.value(of: named) == expected[kind], "round \(round): \(named)")
            }
            let made = AuthorIDs(orcid: expected[0], scopus: expected[1], openAlex: expected[2], researcherID: expected[3],
                                 dimensions: expected[4], ror: expected[5], country: expected[6])
            #expect(ids == made && ids.hashValue == made.hashValue, "round \(round)")
            #expect(ids.isEmpty == expected.allSatisfy(\.isEmpty), "round \(round)")
            let listed = Self.kindPaths.indices.filter { !expected[$0].isEmpty }.map { "\(Self.kindPaths[$0].0) \(expected[$0])" }
            #expect(ids.all.map { "\($0.kind) \($0.value)" } == listed, "round \(round)")
            #expect(ids.firstID.map { "\($0.kind) \($0.value)" } == listed.first, "round \(round)")
            // Filling from another value takes its IDs only where this one has none.
            var other = AuthorIDs()
            var filled = expected
            for kind in 0..<7 where random.next() % 2 == 0 {
                other[keyPath: Self.kindPaths[kind].1] = "w\(kind)"
                if filled[kind].isEmpty { filled[kind] = "w\(kind)" }
            }
            ids.fill(from: other)
            #expect(Self.kindPaths.indices.map { ids[keyPath: Self.kindPaths[$0].1] } == filled, "round \(round)")
        }
        // Two values with the same IDs set in opposite orders are equal.
        var forward = AuthorIDs(), backward = AuthorIDs()
        for (_, path) in Self.kindPaths { forward[keyPath: path] = "x" }
        for (_, path) in Self.kindPaths.reversed() { backward[keyPath: path] = "x" }
        #expect(forward == backward && forward.hashValue == backward.hashValue)
    }

    /// Identity by ID reads the two IDs kept in place through `AuthorIDs.inlineLayout`, without
    /// copying the value: the kinds' numbers (their places in `Kind.allCases`) and the strings
    /// are where it says, and a value is smaller than seven strings.
    @Test func theIDsKeptInPlaceAreWhereTheLayoutSays() {
        #expect(MemoryLayout<AuthorIDs>.size < 7 * MemoryLayout<String>.size)
        #expect(AuthorIDs.Kind.allCases.enumerated().allSatisfy { Int($0.element.number) == $0.offset && AuthorIDs.Kind(number: UInt8($0.offset)) == $0.element })
        let layout = AuthorIDs.inlineLayout
        let cases: [(AuthorIDs, [(UInt8, String)])] = [
            (AuthorIDs(), []),
            (AuthorIDs(researcherID: "K-1-2014"), [(3, "K-1-2014")]),
            (AuthorIDs(orcid: "0000-0002-8517-9411", openAlex: "A5069892096"), [(0, "0000-0002-8517-9411"), (2, "A5069892096")]),
            (AuthorIDs(scopus: "7", openAlex: "A1", ror: "02feahw73"), [(1, "7"), (2, "A1")]),
        ]
        for (ids, inPlace) in cases {
            withUnsafeBytes(of: ids) { raw in
                let kinds = [raw.load(fromByteOffset: layout.kind0, as: UInt8.self), raw.load(fromByteOffset: layout.kind1, as: UInt8.self)]
                let strings = [layout.value0, layout.value1].map { raw.baseAddress!.advanced(by: $0).assumingMemoryBound(to: String.self).pointee }
                for slot in 0..<2 {
                    if slot < inPlace.count {
                        #expect(kinds[slot] == inPlace[slot].0 && strings[slot] == inPlace[slot].1, "\(ids.all)")
                    } else {
                        #expect(kinds[slot] == AuthorIDs.noKind, "\(ids.all)")
                    }
                }
            }
            var beyond: [String] = []
            ids.forEachIDBeyondTheFirstTwo { _, value in beyond.append(value) }
            #expect(beyond == ids.all.dropFirst(2).map(\.value))
        }
    }
}
