@testable import CoauthorCore
import Foundation
import Testing

/// One paper, counted once across sources (SPEC §2, issue #14 item 4).
struct CrossSourceDedupTests {
    private static let folder = Paths.fixtures.appendingPathComponent("exports")

    @Test func webOfScienceAndOpenAlexCopiesAreOnePaperWithTheUnionOfIDs() throws {
        // Both fixtures hold bibliometrix (DOI in capitals in one, as a URL in the other).
        let corpus = try InputReader.read([Self.folder.appendingPathComponent("wos-quirks.txt").path,
                                           Self.folder.appendingPathComponent("openalex-list.json").path])
        #expect(corpus.publications.count == 4)
        #expect(corpus.duplicates == 1)
        let paper = try #require(corpus.publications.first { $0.extras.ut == "WOS:000414777800034" })
        #expect(paper.extras.openAlex == "W2755950973" && paper.extras.pmid == "123" && paper.extras.citedBy == 1234)
        #expect(paper.authors.map(\.displayName) == ["Massimo Aria", "Corrado Cuccurullo"], "never an author more")
        #expect(paper.authorIDs[0] == AuthorIDs(orcid: "0000-0002-8517-9411", openAlex: "A5069892096", researcherID: "O-7983-2015"))
        #expect(paper.authorIDs[1].openAlex == "A5049136342" && paper.authorIDs[1].orcid == "0000-0002-7401-8575")
        let note = try #require(corpus.diagnostics.first { $0.message.contains("counted once") })
        #expect(note.location?.path.hasSuffix("openalex-list.json") == true)
        #expect(note.message.contains("same DOI 10.1016/j.joi.2017.08.007"))
    }

    @Test func theFullerNameWinsAndAuthorsAlignBySurname() {
        func paper(_ path: String, _ names: [String], pmid: String = "", ids: [AuthorIDs] = []) -> Publication {
            var publication = Publication(key: path, type: "article", title: "Same Title", venue: "", year: 2020,
                                          authors: names.map { ExportValues.name($0)! }, location: SourceLocation(path: path, line: 1, column: 1))
            publication.extras.pmid = pmid
            publication.extras.authorIDs = ids
            return publication
        }
        var first = paper("a", ["Smith J", "Doe A", "Roe R"], pmid: "1")
        let later = paper("b", ["Jane Smith", "Ann Doe"], ids: [AuthorIDs(), AuthorIDs(orcid: "0000-0001-2345-6789")])
        #expect(!Set(PublicationMatch.keys(first)).isDisjoint(with: PublicationMatch.keys(later)))
        PublicationMatch.merge(later, into: &first)
        #expect(first.authors.map(\.displayName) == ["Jane Smith", "Ann Doe", "R Roe"])
        #expect(first.authorIDs.map(\.orcid) == ["", "0000-0001-2345-6789", ""])
        #expect(first.extras.pmid == "1")
    }

    /// A BibTeX list cut short by `and others` takes the further authors of a database's copy
    /// whose first authors are its own, in order, with their IDs; a list not cut short, or one
    /// whose authors are not the other's first ones, takes none.
    @Test func aListCutShortByAndOthersTakesTheFurtherAuthors() throws {
        func paper(_ path: String, _ names: [String], truncated: Bool = false, ids: [AuthorIDs] = []) -> Publication {
            var publication = Publication(key: path, type: "article", title: "Same Title", venue: "", year: 2020,
                                          authors: names.map { ExportValues.name($0)! }, hasTruncatedAuthors: truncated,
                                          location: SourceLocation(path: path, line: 1, column: 1))
            publication.extras.authorIDs = ids
            return publication
        }
        let full = paper("w", ["Li, Xin", "Wang, Yan", "Zhou, Bo"], ids: [AuthorIDs(), AuthorIDs(), AuthorIDs(orcid: "0000-0001-2345-6789")])
        var cut = paper("b", ["Li, Xin", "Wang, Yan"], truncated: true)
        PublicationMatch.merge(full, into: &cut)
        #expect(cut.authors.map(\.displayName) == ["Xin Li", "Yan Wang", "Bo Zhou"] && !cut.hasTruncatedAuthors)
        #expect(cut.authorIDs.map(\.orcid) == ["", "", "0000-0001-2345-6789"])
        var whole = paper("b", ["Li, Xin", "Wang, Yan"])
        PublicationMatch.merge(full, into: &whole)
        #expect(whole.authors.count == 2, "a list not cut short stands")
        var other = paper("b", ["Wang, Yan", "Li, Xin"], truncated: true)
        PublicationMatch.merge(full, into: &other)
        #expect(other.authors.count == 2 && other.hasTruncatedAuthors, "not the other's first authors in order")
    }

    /// Authors who share a surname are aligned by their given names, not by their places: in a
    /// later copy with a consortium more, `Xin Li` is third, not second, and his IDs are his.
    @Test func authorsWhoShareASurnameAlignByTheirGivenNames() {
        func paper(_ path: String, _ names: [String], ids: [AuthorIDs]) -> Publication {
            var publication = Publication(key: path, type: "article", title: "Same Title", venue: "", year: 2020,
                                          authors: names.map { ExportValues.name($0)! }, location: SourceLocation(path: path, line: 1, column: 1))
            publication.extras.authorIDs = ids
            return publication
        }
        let (xin, yan) = ("0000-0002-0000-0002", "0000-0003-0000-0003")
        let wos = paper("wos", ["Chen, Ann", "Li, Xin", "Li, Yan"],
                        ids: [AuthorIDs(), AuthorIDs(researcherID: "A-1111-2011"), AuthorIDs(researcherID: "B-2222-2012")])
        let openAlex = paper("openalex", ["Ann Chen", "XYZ Consortium", "Xin Li", "Yan Li"],
                             ids: [AuthorIDs(), AuthorIDs(), AuthorIDs(orcid: xin), AuthorIDs(orcid: yan)])
        // Either copy first: Xin Li third in one list, second in the other.
        var first = openAlex
        PublicationMatch.merge(wos, into: &first)
        #expect(first.authors.count == 4)
        #expect(first.authorIDs.map(\.orcid) == ["", "", xin, yan])
        #expect(first.authorIDs.map(\.researcherID) == ["", "", "A-1111-2011", "B-2222-2012"])
        first = wos
        PublicationMatch.merge(openAlex, into: &first)
        #expect(first.authors.map(\.displayName) == ["Ann Chen", "Xin Li", "Yan Li"])
        #expect(first.authorIDs.map(\.orcid) == ["", xin, yan])
        #expect(first.authorIDs.map(\.researcherID) == ["", "A-1111-2011", "B-2222-2012"])
        // The same surnames in the same places are not the same people when the given names differ.
        #expect(PublicationMatch.partners([PersonName(first: "Xin", last: "Li"), PersonName(first: "Yan", last: "Li")], [],
                                          [PersonName(first: "Yan", last: "Li"), PersonName(first: "Xin", last: "Li")], []) == [1, 0])
        // Nor are names written alike whose ORCIDs differ; an initial alone aligns after the rest.
        #expect(PublicationMatch.partners([PersonName(first: "Wei", last: "Wang")], [AuthorIDs(orcid: xin)],
                                          [PersonName(first: "Wei", last: "Wang")], [AuthorIDs(orcid: yan)]) == [nil])
        #expect(PublicationMatch.partners([PersonName(first: "Eun-ji", last: "Zhang"), PersonName(first: "X.", last: "Li")], [],
                                          [PersonName(first: "Eunji", last: "Zhang"), PersonName(first: "Xin", last: "Li")], []) == [0, 1])
        #expect(PublicationMatch.partners([PersonName(first: "Xin", last: "Li")], [], [PersonName(first: "Yan", last: "Li")], []) == [nil])
    }

    /// Web of Science gives the DOI, PubMed the PMID, Scopus both: the three copies are one
    /// paper in every order of the files, the Scopus copy's keys joining the other two even when
    /// it comes last (a merged copy's new keys are looked up too).
    @Test func threeCopiesJoinedOnlyThroughTheThirdAreOnePaperInEveryOrder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("coauthor-three-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = [
            ("wos.txt", "FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\nAU Li, X\n   Wang, Y\nAF Li, Xin\n   Wang, Yan\n"
                + "TI A Study of Things\nSO J THINGS\nPY 2020\nDI 10.1000/ABC.1\nUT ISI:000000000000001\nER\n\nEF\n"),
            ("pubmed.nbib", "PMID- 12345\nTI  - A study of things in another year.\nDP  - 2019 Dec 3\nFAU - Li, Xin\nAU  - Li X\n"
                + "FAU - Wang, Yan\nAU  - Wang Y\nSO  - J Things. 2019.\n"),
            ("scopus.csv", "\"Authors\",\"Author full names\",\"Author(s) ID\",\"Title\",\"Year\",\"Source title\",\"Cited by\",\"DOI\",\"PubMed ID\",\"EID\"\n"
                + "\"Li X.; Wang Y.\",\"Li, Xin (111); Wang, Yan (222)\",\"111; 222\",\"A study of things\",\"2020\",\"J Things\",\"3\",\"10.1000/abc.1\",\"12345\",\"2-s2.0-9\"\n"),
        ]
        for (name, text) in files { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) }
        let paths = files.map { folder.appendingPathComponent($0.0).path }
        for order in [[0, 1, 2], [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0]] {
            let corpus = try InputReader.read(order.map { paths[$0] })
            #expect(corpus.records == 3 && corpus.publications.count == 1 && corpus.duplicates == 2, "order \(order): \(corpus.publications.map(\.key))")
            let paper = try #require(corpus.publications.first)
            #expect(paper.doi.lowercased() == "10.1000/abc.1" && paper.extras.pmid == "12345" && paper.extras.eid == "2-s2.0-9",
                    "order \(order)")
            #expect(paper.extras.ut.hasSuffix("000000000000001"), "order \(order)")
            #expect(paper.authors.count == 2, "order \(order): never an author more")
            #expect(corpus.diagnostics.filter { $0.message.contains("counted once") }.count == 2, "order \(order)")
        }
    }

    /// A preprint and its published version share their title, year and first author but have
    /// DOIs of their own: two papers, as within one file, with a warning naming both DOIs. A copy
    /// without a DOI still joins by its title, and a copy merged so gains the DOI that then tells
    /// the third apart.
    @Test func copiesWhoseDOIsDifferAreTwoPapersThoughTheirTitlesMatch() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("coauthor-dois-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        func entry(_ key: String, _ venue: String, doi: String?) -> String {
            "@article{\(key), author={Aria, Massimo and Cuccurullo, Corrado}, title={bibliometrix: An {R}-tool for comprehensive science mapping analysis},"
                + " journal={\(venue)}, year={2017}\(doi.map { ", doi={\($0)}" } ?? "")}\n"
        }
        let files = [("preprint.bib", entry("pre", "bioRxiv", doi: "10.1101/123456")),
                     ("published.bib", entry("pub", "Journal of Informetrics", doi: "https://doi.org/10.1016/J.JOI.2017.08.007")),
                     ("nodoi.bib", entry("bare", "J Informetr", doi: nil))]
        for (name, text) in files { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) }
        func read(_ names: [Int]) throws -> Corpus { try InputReader.read(names.map { folder.appendingPathComponent(files[$0].0).path }) }

        let two = try read([0, 1])
        #expect(two.publications.map(\.key) == ["pre", "pub"] && two.duplicates == 0)
        let warning = try #require(two.diagnostics.first { $0.message.contains("counted as two papers") })
        #expect(warning.location?.path.hasSuffix("published.bib") == true)
        #expect(warning.message.contains("record at \(folder.appendingPathComponent("preprint.bib").path):1:1"), "\(warning.message)")
        #expect(warning.message.contains("another DOI 10.1016/j.joi.2017.08.007 (there DOI 10.1101/123456)"), "\(warning.message)")
        #expect(!two.diagnostics.contains { $0.message.contains("counted once") })

        // Without a DOI, the title makes it one paper with either.
        for (order, doi) in [([0, 2], "10.1101/123456"), ([2, 1], "10.1016/J.JOI.2017.08.007")] {
            let one = try read(order)
            #expect(one.publications.count == 1 && one.duplicates == 1, "order \(order)")
            #expect(ExportValues.doi(one.publications.first?.doi ?? "") == doi, "order \(order)")
        }
        // The copy without a DOI joins the first; the merged record's DOI tells the third apart.
        let three = try read([0, 2, 1])
        #expect(three.publications.map(\.key) == ["pre", "pub"] && three.duplicates == 1)
        #expect(three.diagnostics.filter { $0.message.contains("counted as two papers") }.count == 1)
    }

    /// The first record key of a kind both copies carry with different values, named as notes
    /// name keys; none where the kinds they carry agree or differ in kind only.
    @Test func aConflictIsARecordKeyOfOneKindWithAnotherValue() {
        let title = "t:x|2000|y"
        #expect(PublicationMatch.conflict(["doi:10.1/a", "ut:1", title], ["doi:10.1/b", title]).map { [$0.ours, $0.theirs] }
                == ["DOI 10.1/a", "DOI 10.1/b"])
        #expect(PublicationMatch.conflict(["doi:10.1/a", "ut:1", title], ["doi:10.1/a", "ut:2", title]).map { [$0.ours, $0.theirs] }
                == ["Web of Science UT 1", "Web of Science UT 2"])
        #expect(PublicationMatch.conflict(["pmid:1", "eid:2-s2.0-1", title], ["pmid:1", "openalex:W1", title]) == nil)
        #expect(PublicationMatch.conflict([title], ["t:z|2000|y"]) == nil, "titles are no record keys")
        #expect(PublicationMatch.conflict(["openalex:W1"], ["openalexx:W2"]) == nil, "a kind is the whole text before the colon")
    }

    /// Older Web of Science exports write the UT as `ISI:000…`, newer ones as `WOS:000…`.
    @Test func aUTMatchesWhateverItsDatabasePrefix() {
        func paper(_ ut: String) -> Publication {
            var publication = Publication(key: ut, type: "article", title: "", venue: "", year: 2000, authors: [PersonName(last: "X")],
                                          location: .file(ut))
            publication.extras.ut = ut
            return publication
        }
        let keys = ["WOS:000123", "ISI:000123", "000123", "wos:000123"].map { PublicationMatch.keys(paper($0)) }
        #expect(Set(keys).count == 1 && keys[0] == ["ut:000123"], "\(keys)")
    }

    @Test func doiMatchingIgnoresCaseAndURLPrefix() {
        let a = Publication(key: "a", type: "article", title: "A", venue: "", year: 2000, authors: [PersonName(last: "X")],
                            doi: "https://doi.org/10.1/ABC", location: .file("a"))
        let b = Publication(key: "b", type: "article", title: "B", venue: "", year: 2001, authors: [PersonName(last: "Y")],
                            doi: "10.1/abc", location: .file("b"))
        #expect(PublicationMatch.keys(a).first == PublicationMatch.keys(b).first)
    }
}

/// Issue #14's acceptance: the Web of Science and OpenAlex samples of bibliometrix share two DOIs.
@Suite(.enabled(if: ExportDatasets.available, "needs ../shared/datasets/exports"))
struct CrossSourceDatasetTests {
    @Test func bibliometrixWebOfScienceAndOpenAlexSamplesAreFourteenPapersAndAriaIsOnePersonWithHisORCID() throws {
        let corpus = try InputReader.read([ExportDatasets.folder.appendingPathComponent("wos-plaintext/bibliometrix-wos_sample.txt").path,
                                           ExportDatasets.folder.appendingPathComponent("openalex/bibliometrix-openalex_sample.csv").path])
        #expect(corpus.publications.count == 14)
        #expect(corpus.duplicates == 2)
        #expect(corpus.skipped == 0)
        let index = AuthorResolver.resolve(corpus, mode: .conservative)
        let arias = index.names.indices.filter { index.names[$0].contains("Aria") && index.names[$0].contains("Massimo") }
        #expect(arias.count == 1, "\(arias.map { index.names[$0] })")
        let aria = try #require(arias.first)
        #expect(index.ids[aria].orcid == "0000-0002-8517-9411")
        #expect(index.ids[aria].openAlex == "A5069892096")
        // He is on one paper of these samples, the one both hold: counted once, with both sources' IDs.
        #expect(index.authorsOfPublication.filter { $0.contains(Int32(aria)) }.count == 1)
        #expect(index.names.filter { $0.contains("Cuccurullo") }.count == 1)
    }

    /// pybibx's Web of Science and Scopus BibTeX exports of one search: every paper both hold is
    /// counted once, by its DOI, the one Web of Science writes with `\_` among them. The shared
    /// DOIs are counted here from the files' `DOI = {…}` lines (lower case, `\_` as `_`).
    @Test func pybibxWebOfScienceAndScopusBibTeXShareTheirDOIsEvenEscaped() throws {
        let paths = ["pybibx-wos_m.bib", "pybibx-scopus_m.bib"].map { ExportDatasets.folder.appendingPathComponent("bibtex-exports/\($0)").path }
        func dois(_ path: String) throws -> Set<String> {
            let lines = try String(contentsOfFile: path, encoding: .utf8).split(whereSeparator: \.isNewline)
            return Set(lines.compactMap { line -> String? in
                let trimmed = line.drop { $0 == " " || $0 == "\t" }
                guard trimmed.lowercased().hasPrefix("doi = {") else { return nil }
                return trimmed.dropFirst("doi = {".count).prefix { $0 != "}" }.replacingOccurrences(of: "\\_", with: "_").lowercased()
            })
        }
        let (wos, scopus) = (try dois(paths[0]), try dois(paths[1]))
        let shared = wos.intersection(scopus)
        #expect(shared.count == 18 && shared.contains("10.1007/978-3-319-59421-7_28"), "\(shared.count)")
        let corpus = try InputReader.read(paths)
        let notes = corpus.diagnostics.filter { $0.message.contains("counted once") }
        #expect(corpus.duplicates == shared.count && notes.count == shared.count)
        #expect(notes.allSatisfy { $0.message.contains("same DOI") }, "\(notes.map(\.message))")
        #expect(notes.contains { $0.message.contains("same DOI 10.1007/978-3-319-59421-7_28") })
        #expect(!corpus.diagnostics.contains { $0.message.contains("counted as two papers") })
        #expect(corpus.publications.count == corpus.records - shared.count)
    }
}
