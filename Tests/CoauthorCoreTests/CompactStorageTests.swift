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
}
