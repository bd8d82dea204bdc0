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
        // The higher count of the two copies (Web of Science 1234, OpenAlex 13235), in either order.
        #expect(paper.extras.openAlex == "W2755950973" && paper.extras.pmid == "123" && paper.extras.citedBy == 13235)
        #expect(paper.authors.map(\.displayName) == ["Massimo Aria", "Corrado Cuccurullo"], "never an author more")
        #expect(paper.authorIDs[0] == AuthorIDs(orcid: "0000-0002-8517-9411", openAlex: "A5069892096", researcherID: "O-7983-2015"))
        #expect(paper.authorIDs[1].openAlex == "A5049136342" && paper.authorIDs[1].orcid == "0000-0002-7401-8575")
        let note = try #require(corpus.diagnostics.first { $0.message.contains("counted once") })
        #expect(note.location?.path.hasSuffix("openalex-list.json") == true)
        #expect(note.message.contains("same DOI 10.1016/j.joi.2017.08.007"))
    }

    /// Titles are one key whether `&` or `and` joins their words and whether a Greek letter is
    /// written or spelled out (a user trial of session 60 counted `Science & technology of
    /// β-decay` from Web of Science and `Science and technology of beta-decay.` from PubMed twice).
    @Test func titlesMatchAcrossAmpersandsAndGreekLetters() {
        let key = PublicationMatch.titleKey("Science and technology of beta-decay.")
        for title in ["Science & technology of β-decay", "SCIENCE AND TECHNOLOGY OF Β-DECAY", "Science &technology of ϐ decay"] {
            #expect(PublicationMatch.titleKey(title) == key, "\(title)")
        }
        #expect(PublicationMatch.titleKey("Ω-3 and σ/ς in α") == "omega3andsigmasigmainalpha")
        #expect(PublicationMatch.titleKey("Alpha decay") != PublicationMatch.titleKey("Beta decay"))
        #expect(PublicationMatch.titleKey("Über Café") == "ubercafe")
        #expect(PublicationMatch.titleKey("Pores of 5 \u{B5}m") == PublicationMatch.titleKey("Pores of 5 \u{3BC}m"), "the micro sign is mu")
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
        // Copies whose years differ (online first, then in print) keep the earlier, in either order.
        for (a, b) in [(2019, 2020), (2020, 2019), (2020, nil), (nil, 2020)] as [(Int?, Int?)] {
            var one = paper("a", ["Smith J"], pmid: "7"), two = paper("b", ["Smith J"], pmid: "7")
            (one.year, two.year) = (a, b)
            PublicationMatch.merge(two, into: &one)
            #expect(one.year == [a, b].compactMap { $0 }.min(), "\(a.map(String.init) ?? "nil") then \(b.map(String.init) ?? "nil")")
        }
    }

    /// Two copies merged give the same paper in either order: a generational suffix that a
    /// BibTeX export leaves in the surname (`Carmone Jr., Frank J.`) aligns with the name without
    /// it (`Carmone, FJ`), whose fuller form wins; each author's affiliations and the paper's come
    /// from one copy, chosen alike (ROR ids, then institutions named, then their text) — a user
    /// trial of session 49 found the first copy's kept, so the network hung on the files' order.
    @Test func mergingIsAlikeInEitherOrder() throws {
        func paper(_ path: String, _ names: [PersonName], affiliations: [[Affiliation]], addresses: [Affiliation]) -> Publication {
            var publication = Publication(key: path, type: "article", title: "Same Title", venue: "", year: 1997, authors: names,
                                          location: SourceLocation(path: path, line: 1, column: 1))
            publication.extras.affiliations = affiliations
            publication.extras.addresses = addresses
            return publication
        }
        let scopus = paper("s", [PersonName(first: "Frank J.", last: "Carmone Jr."), PersonName(first: "Stelios H.", last: "Zanakis")],
                           affiliations: [[Affiliation(raw: "Drexel University, Philadelphia, United States")], []],
                           addresses: [Affiliation(raw: "Drexel University, Philadelphia, United States")])
        let wos = paper("w", [PersonName(first: "FJ", last: "Carmone"), PersonName(first: "SH", last: "Zanakis")],
                        affiliations: [[Affiliation(raw: "Drexel Univ, Philadelphia, PA 19104 USA")], [Affiliation(raw: "Florida Int Univ, Miami, FL USA")]],
                        addresses: [Affiliation(raw: "ALLEN PJ, 1966, AM J PHYS, V34")])
        var scopusFirst = scopus, wosFirst = wos
        PublicationMatch.merge(wos, into: &scopusFirst)
        PublicationMatch.merge(scopus, into: &wosFirst)
        #expect(scopusFirst.authors.map(\.displayName) == ["Frank J. Carmone Jr.", "Stelios H. Zanakis"])
        #expect(wosFirst.authors == scopusFirst.authors)
        #expect(wosFirst.extras.affiliations == scopusFirst.extras.affiliations)
        #expect(wosFirst.extras.affiliations[1].map(\.raw) == ["Florida Int Univ, Miami, FL USA"], "an author's list over none")
        // The paper's addresses come with the lists of the copy kept (Web of Science's, which
        // names both authors' affiliations): one copy's forms, never some of each.
        #expect(wosFirst.extras.addresses == scopusFirst.extras.addresses)
        #expect(wosFirst.extras.addresses.map(\.raw) == ["ALLEN PJ, 1966, AM J PHYS, V34"])
        #expect(wosFirst.extras.affiliations[0].map(\.raw) == ["Drexel Univ, Philadelphia, PA 19104 USA"])
    }

    /// The merged paper's affiliations come from one copy for all its authors: two databases
    /// write one institution differently, and authors given one copy's form each (the longer
    /// text, author by author) made the paper link `University of Trento` to `Univ Trento`, a tie
    /// between one institution and itself (a user trial of session 51). In either order.
    @Test func aPapersAffiliationsComeFromOneCopy() throws {
        func paper(_ path: String, _ names: [PersonName], _ affiliations: [String?]) -> Publication {
            var publication = Publication(key: path, type: "article", title: "Consensus In Group Decisions", venue: "", year: 2021,
                                          authors: names, location: SourceLocation(path: path, line: 1, column: 1))
            publication.extras.affiliations = affiliations.map { $0.map { [Affiliation(raw: $0)] } ?? [] }
            return publication
        }
        let names = [PersonName(first: "Getachew", last: "Tekile"), PersonName(first: "Michele", last: "Fedrizzi"),
                     PersonName(first: "Matteo", last: "Brunelli")]
        let scopus = paper("s", names, Array(repeating: "University of Trento, Trento, Italy", count: 3))
        let wos = paper("w", names, ["Univ Trento, Dept Ind Engn, Trento, Italy", "Univ Trento, Trento, Italy", "Univ Trento, Trento, Italy"])
        var scopusFirst = scopus, wosFirst = wos
        PublicationMatch.merge(wos, into: &scopusFirst)
        PublicationMatch.merge(scopus, into: &wosFirst)
        #expect(scopusFirst.extras.affiliations == wosFirst.extras.affiliations)
        let kept = Set(scopusFirst.extras.affiliations.flatMap { $0.map(\.raw) })
        // Both name every author's affiliation and neither has addresses: the fuller text, Scopus's.
        #expect(kept == ["University of Trento, Trento, Italy"], "one copy's forms: \(kept)")
        // A copy that names more of the authors' affiliations is kept; an author it gives none
        // takes the other copy's (the paper keeps every institution either database names).
        let partial = paper("p", names, ["Univ Trento, Trento, Italy", nil, nil])
        let fuller = paper("f", names, [nil, "University of Trento, Trento, Italy", "University of Trento, Trento, Italy"])
        var partialFirst = partial, fullerFirst = fuller
        PublicationMatch.merge(fuller, into: &partialFirst)
        PublicationMatch.merge(partial, into: &fullerFirst)
        #expect(partialFirst.extras.affiliations == fullerFirst.extras.affiliations)
        #expect(partialFirst.extras.affiliations.map { $0.map(\.raw) }
                == [["Univ Trento, Trento, Italy"], ["University of Trento, Trento, Italy"], ["University of Trento, Trento, Italy"]])
        // Scopus's BibTeX gives the paper's address alone, Web of Science's each author's list:
        // the lists' copy is kept, and the address does not come with it.
        var scopusAddress = paper("a", names, [nil, nil, nil])
        scopusAddress.extras.addresses = [Affiliation(raw: "Department of Industrial Engineering, University of Trento, Trento, 38123, Italy")]
        let wosLists = paper("l", names, Array(repeating: "Univ Trento, Dept Ind Engn, Via Sommar 9, I-38123 Trento, Italy", count: 3))
        var addressFirst = scopusAddress, listsFirst = wosLists
        PublicationMatch.merge(wosLists, into: &addressFirst)
        PublicationMatch.merge(scopusAddress, into: &listsFirst)
        for merged in [addressFirst, listsFirst] {
            #expect(merged.extras.addresses.isEmpty)
            #expect(Set(merged.extras.affiliations.flatMap { $0.map(\.raw) }) == ["Univ Trento, Dept Ind Engn, Via Sommar 9, I-38123 Trento, Italy"])
        }
    }

    /// A BibTeX list cut short by `and others` takes the further authors of a database's copy
    /// whose authors are its own, in order, with their IDs; so does a list not cut short (a user
    /// trial of session 60: the author only a second copy listed was lost, and kept with the files
    /// read the other way round); one whose authors are not the other's in order takes none.
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
        #expect(whole.authors.map(\.displayName) == ["Xin Li", "Yan Wang", "Bo Zhou"], "the longer list, as in the other order")
        #expect(whole.authorIDs.map(\.orcid) == ["", "", "0000-0001-2345-6789"])
        // An author between the first copy's, with the first copy's IDs kept at their places,
        // either order giving the same list.
        let wos = paper("w", ["García-López, J. M.", "Schmidt, A.", "Zhang, W."], ids: [AuthorIDs(researcherID: "A-1-2019"), AuthorIDs(), AuthorIDs()])
        let scopus = paper("s", ["García-López, José M.", "Schmidt, Anna", "Müller, Karl", "Zhang, Wei"],
                           ids: [AuthorIDs(scopus: "1"), AuthorIDs(scopus: "2"), AuthorIDs(scopus: "4"), AuthorIDs(scopus: "3")])
        for (a, b) in [(wos, scopus), (scopus, wos)] {
            var merged = a
            PublicationMatch.merge(b, into: &merged)
            #expect(merged.authors.map(\.displayName) == ["José M. García-López", "Anna Schmidt", "Karl Müller", "Wei Zhang"], "\(a.key) first")
            #expect(merged.authorIDs.map(\.scopus) == ["1", "2", "4", "3"] && merged.authorIDs[0].researcherID == "A-1-2019", "\(a.key) first")
        }
        // A complete list of the same length settles a cut one, whichever comes first.
        for (a, b) in [(paper("b", ["Doe, Jane"], truncated: true), paper("w", ["Doe, J"])), (paper("w", ["Doe, J"]), paper("b", ["Doe, Jane"], truncated: true))] {
            var merged = a
            PublicationMatch.merge(b, into: &merged)
            #expect(!merged.hasTruncatedAuthors && merged.authors.count == 1, "\(a.key) first")
        }
        // An author only the longer copy lists keeps that copy's affiliations in either order,
        // though the shorter copy's are the ones kept for the others (more ROR ids).
        func located(_ path: String, _ names: [String], _ places: [Affiliation]) -> Publication {
            var publication = paper(path, names)
            publication.extras.affiliations = places.map { [$0] }
            return publication
        }
        let rors = located("o", ["Xu, Ann", "Yu, Bo"], [Affiliation(raw: "Univ X", institution: "Univ X", ror: "https://ror.org/01"),
                                                        Affiliation(raw: "Univ Y", institution: "Univ Y", ror: "https://ror.org/02")])
        let longer = located("s", ["Xu, Ann", "Zu, Cy", "Yu, Bo"], [Affiliation(raw: "X U", institution: "X U"), Affiliation(raw: "Z U", institution: "Z U"),
                                                                     Affiliation(raw: "Y U", institution: "Y U")])
        var places: [[String]] = []
        for (a, b) in [(rors, longer), (longer, rors)] {
            var merged = a
            PublicationMatch.merge(b, into: &merged)
            #expect(merged.authors.map(\.last) == ["Xu", "Zu", "Yu"], "\(a.key) first")
            places.append(merged.extras.affiliations.map { $0.map(\.institution).joined() })
        }
        #expect(places.count == 2 && places[0] == places[1] && places[0][1] == "Z U", "\(places)")
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
        let (xin, yan) = ("0000-0002-0000-0022", "0000-0003-0000-0003")
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
        // The longer list, which holds the shorter one's authors in order, whichever comes first.
        first = wos
        PublicationMatch.merge(openAlex, into: &first)
        #expect(first.authors.map(\.displayName) == ["Ann Chen", "XYZ Consortium", "Xin Li", "Yan Li"])
        #expect(first.authorIDs.map(\.orcid) == ["", "", xin, yan])
        #expect(first.authorIDs.map(\.researcherID) == ["", "", "A-1111-2011", "B-2222-2012"])
        // Umlauts spelled out are the same name (Web of Science's `Mueller, Juergen`), either order.
        let spelled = [PersonName(first: "Juergen", last: "Mueller"), PersonName(first: "P", last: "Tchebychev")]
        let accented = [PersonName(first: "Jürgen", last: "Müller"), PersonName(first: "Pafnuty", last: "Chebyshev")]
        #expect(PublicationMatch.partners(spelled, [], accented, []) == [0, nil])
        #expect(PublicationMatch.partners(accented, [], spelled, []) == [0, nil])
        #expect(PublicationMatch.partners([PersonName(first: "Jan", last: "Muller")], [], [PersonName(first: "Jan", last: "Moller")], []) == [nil])
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
        let files = [
            ("wos.txt", "FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\nAU Li, X\n   Wang, Y\nAF Li, Xin\n   Wang, Yan\n"
                + "TI A Study of Things\nSO J THINGS\nPY 2020\nDI 10.1000/ABC.1\nUT ISI:000000000000001\nER\n\nEF\n"),
            ("pubmed.nbib", "PMID- 12345\nTI  - A study of things in another year.\nDP  - 2019 Dec 3\nFAU - Li, Xin\nAU  - Li X\n"
                + "FAU - Wang, Yan\nAU  - Wang Y\nSO  - J Things. 2019.\n"),
            ("scopus.csv", "\"Authors\",\"Author full names\",\"Author(s) ID\",\"Title\",\"Year\",\"Source title\",\"Cited by\",\"DOI\",\"PubMed ID\",\"EID\"\n"
                + "\"Li X.; Wang Y.\",\"Li, Xin (111); Wang, Yan (222)\",\"111; 222\",\"A study of things\",\"2020\",\"J Things\",\"3\",\"10.1000/abc.1\",\"12345\",\"2-s2.0-9\"\n"),
        ]
        let scratch = try ScratchFiles(files)
        defer { scratch.remove() }
        try scratch.readInEveryOrder { order, corpus in
            #expect(corpus.records == 3 && corpus.publications.count == 1 && corpus.duplicates == 2, "order \(order): \(corpus.publications.map(\.key))")
            let paper = try #require(corpus.publications.first)
            #expect(paper.doi.lowercased() == "10.1000/abc.1" && paper.extras.pmid == "12345" && paper.extras.eid == "2-s2.0-9",
                    "order \(order)")
            #expect(paper.extras.ut.hasSuffix("000000000000001"), "order \(order)")
            #expect(paper.authors.count == 2, "order \(order): never an author more")
            #expect(corpus.diagnostics.filter { $0.message.contains("counted once") }.count == 2, "order \(order)")
            // A note naming a key its record lacks names the records that share it (a user
            // trial of session 60 read `same PMID` of a Web of Science record that has none).
            for note in corpus.diagnostics where note.message.contains("counted once") {
                let path = note.location?.path ?? ""
                guard let lacked = path.hasSuffix("wos.txt") ? "same PMID" : path.hasSuffix("pubmed.nbib") ? "same DOI" : nil,
                      note.message.contains(lacked) else { continue }
                #expect(note.message.contains("which the records at") && note.message.contains("scopus.csv:2:1"), "order \(order): \(note)")
            }
        }
    }

    /// A file named twice, or named beside its folder, is read once, with a warning (a user trial
    /// of session 52: each record was a copy of itself, and the files were counted twice).
    @Test func aFileNamedTwiceIsReadOnce() throws {
        let scratch = try ScratchFiles([("a.bib", "@article{k1, author={Ann Alpha and Bob Beta}, title={One}, year={2020}}\n"),
                                        ("b.bib", "@article{k2, author={Ann Alpha and Cy Gamma}, title={Two}, year={2021}}\n")])
        defer { scratch.remove() }
        let twice = try InputReader.read([scratch.paths[0], scratch.paths[0]])
        #expect(twice.files == 1 && twice.publications.count == 1 && twice.duplicates == 0)
        #expect(twice.diagnostics.map(\.description) == ["\(scratch.paths[0]): warning: named more than once; it is read once"])
        let other = scratch.folder.path + "/./b.bib"
        let withFolder = try InputReader.read([scratch.folder.path, other])
        #expect(withFolder.files == 2 && withFolder.publications.map(\.key) == ["k1", "k2"] && withFolder.duplicates == 0)
        #expect(withFolder.diagnostics.map(\.description) == ["\(other): warning: the same file as \(scratch.paths[1]), named before (by another path or through its folder); it is read once"])
        // A folder of many files named twice: one line.
        let many = try ScratchFiles((0..<6).map { ("f\($0).bib", "@article{m\($0), author={Ann Alpha and Bob Beta}, title={M\($0)}, year={2020}}\n") })
        defer { many.remove() }
        let folderTwice = try InputReader.read([many.folder.path, many.folder.path])
        #expect(folderTwice.files == 6 && folderTwice.publications.count == 6)
        #expect(folderTwice.diagnostics.map(\.message) == ["this file and 5 more are named more than once (a folder named twice, or files named beside their folder); each is read once"])
    }

    /// `--encoding latin1` reads a database export's bytes as Latin-1 characters, streamed
    /// formats and those read whole alike (a user trial of session 52: it was ignored, and the
    /// export's error said to export it again); read as UTF-8, the error names the option.
    @Test func aLatin1ExportIsReadAsLatin1() throws {
        let wos = "FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\nAU Pel\u{E9}ez, J\nAF Pel\u{E9}ez, Jos\u{E9}\n   Ruiz, Ana\nTI T\nPY 2020\nUT WOS:1\nER\n\nEF\n"
        let scopus = "Authors,Title,Year,Source title,EID\nPel\u{E9}ez J.; Ruiz A.,T,2020,J,2-s2.0-1\n"
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("latin1-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let latin1 = [("savedrecs.txt", wos), ("scopus.csv", scopus)].map { name, text in
            (folder.appendingPathComponent(name).path, text.unicodeScalars.map { UInt8($0.value) })
        }
        for (path, bytes) in latin1 { try Data(bytes).write(to: URL(fileURLWithPath: path)) }
        for (path, _) in latin1 {
            let corpus = try InputReader.read([path], encoding: .latin1)
            #expect(corpus.skipped == 0 && corpus.publications.first?.authors.first?.last == "Peléez", "\(path): \(corpus.diagnostics)")
            let asUTF8 = try InputReader.read([path])
            let error = try #require(asUTF8.diagnostics.first { $0.severity == .error }, "\(path)")
            #expect(error.remedy == .readAsLatin1 && error.message.contains("invalid UTF-8"), "\(error)")
        }
        // A file that starts with UTF-8's byte-order mark is UTF-8 also when Latin-1 is asked for.
        let marked = folder.appendingPathComponent("marked.csv").path
        try Data([0xEF, 0xBB, 0xBF] + Array("Authors,Title,Year,Source title,EID\nPeláez J.; Ruiz A.,T,2020,J,2-s2.0-2\n".utf8)).write(to: URL(fileURLWithPath: marked))
        let utf8 = try InputReader.read([marked], encoding: .latin1)
        #expect(utf8.skipped == 0 && utf8.publications.first?.authors.first?.last == "Peláez", "\(utf8.diagnostics)")
        // A file that is UTF-8 with accents is read as Latin-1 as asked, with a warning (`René`
        // became `RenÃ©` in silence: a hostile-input trial of session 57); one of ASCII alone
        // reads alike either way, without one.
        for (name, text) in [("utf8.bib", "@article{a, author = {René Dupont and Bo Two}, year = 2020}\n"),
                             ("ascii.bib", "@article{a, author = {Rene Dupont and Bo Two}, year = 2020}\n")] {
            let path = folder.appendingPathComponent(name).path
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            let read = try InputReader.read([path], encoding: .latin1)
            let warned = read.diagnostics.contains { $0.severity == .warning && $0.message.hasPrefix("this file is valid UTF-8, and --encoding latin1 reads") }
            #expect(warned == (name == "utf8.bib"), "\(name): \(read.diagnostics)")
            #expect(read.publications.first?.authors.first?.first == (name == "utf8.bib" ? "RenÃ©" : "Rene"))
        }
    }

    /// Copies of papers another file holds are named one by one up to `notedCopies` per pair of
    /// files, then one line per pair says how many more (a user trial of session 51: a line per
    /// paper flooded the terminal on two databases' exports of one field); all are counted.
    @Test func copiesBeyondTheFirstTenOfAPairOfFilesAreOneLine() throws {
        func entries(_ range: Range<Int>) -> String {
            range.map { "@article{k\($0), author={Ann Alpha and Bob Beta}, title={Paper \($0)}, year={2020}, doi={10.1/x\($0)}}\n" }.joined()
        }
        let scratch = try ScratchFiles([("a.bib", entries(0..<30)), ("b.bib", entries(0..<25)), ("c.bib", entries(20..<23))])
        defer { scratch.remove() }
        let corpus = try InputReader.read(scratch.paths)
        #expect(corpus.publications.count == 30 && corpus.duplicates == 28)
        let named = corpus.diagnostics.filter { $0.message.contains("is the same paper as the record at") }
        #expect(named.filter { $0.location?.path == scratch.path("b.bib") }.count == 10)
        #expect(named.filter { $0.location?.path == scratch.path("c.bib") }.count == 3)
        let more = corpus.diagnostics.filter { $0.message.contains("more record") }
        #expect(more.map(\.description) == ["\(scratch.path("b.bib")): warning: 15 more records of this file are papers of \(scratch.path("a.bib")) too "
                                            + "(the first 10 are named above); each is counted once, with the IDs and fuller names of both"], "\(more)")
    }

    /// A preprint and its published version share their title, year and first author but have
    /// DOIs of their own: two papers, as within one file, with a warning naming both DOIs. A copy
    /// without a DOI still joins by its title, and a copy merged so gains the DOI that then tells
    /// the third apart.
    @Test func copiesWhoseDOIsDifferAreTwoPapersThoughTheirTitlesMatch() throws {
        func entry(_ key: String, _ venue: String, doi: String?) -> String {
            "@article{\(key), author={Aria, Massimo and Cuccurullo, Corrado}, title={bibliometrix: An {R}-tool for comprehensive science mapping analysis},"
                + " journal={\(venue)}, year={2017}\(doi.map { ", doi={\($0)}" } ?? "")}\n"
        }
        let files = [("preprint.bib", entry("pre", "bioRxiv", doi: "10.1101/123456")),
                     ("published.bib", entry("pub", "Journal of Informetrics", doi: "https://doi.org/10.1016/J.JOI.2017.08.007")),
                     ("nodoi.bib", entry("bare", "J Informetr", doi: nil))]
        let scratch = try ScratchFiles(files)
        defer { scratch.remove() }
        func read(_ names: [Int]) throws -> Corpus { try InputReader.read(names.map { scratch.paths[$0] }) }

        let two = try read([0, 1])
        #expect(two.publications.map(\.key) == ["pre", "pub"] && two.duplicates == 0)
        let warning = try #require(two.diagnostics.first { $0.message.contains("counted as two papers") })
        #expect(warning.location?.path.hasSuffix("published.bib") == true)
        #expect(warning.message.contains("record at \(scratch.path("preprint.bib")):1:1"), "\(warning.message)")
        #expect(warning.message.contains("but it has DOI 10.1016/j.joi.2017.08.007 and that record has DOI 10.1101/123456"), "\(warning.message)")
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

    /// Two files' records with one title, year and first author but other authors are two papers
    /// (an `Editorial` in two journals was one, its second author gone from every output: a user
    /// trial of session 53), with a warning naming them; authors written otherwise (`Smith, J.`)
    /// or a list one author shorter still make one paper.
    @Test func aTitleMatchWhoseOtherAuthorsDifferIsTwoPapers() throws {
        let scratch = try ScratchFiles([
            ("a.bib", "@article{a, author={John Smith and Alice Brown}, title={Editorial}, journal={J1}, year={2020}}\n"),
            ("b.ris", "TY  - JOUR\nAU  - Smith, John\nAU  - White, Carol\nTI  - Editorial\nJO  - J2\nPY  - 2020\nER  - \n"),
            ("c.ris", "TY  - JOUR\nAU  - Smith, J.\nTI  - Editorial\nJO  - J1\nPY  - 2020\nER  - \n"),
        ])
        defer { scratch.remove() }
        let two = try InputReader.read([scratch.paths[0], scratch.paths[1]])
        #expect(two.publications.count == 2 && two.duplicates == 0, "\(two.publications.map(\.authors))")
        let warning = try #require(two.diagnostics.first { $0.message.contains("counted as two papers") }, "\(two.diagnostics)")
        // (The lists are as long: the first copy's authors are the ones looked for in the other's.)
        #expect(warning.message.contains("has the title, year and first author of the record at \(scratch.paths[0]):1:1, but not its other authors (Alice Brown)"),
                "\(warning.message)")
        let one = try InputReader.read([scratch.paths[0], scratch.paths[2]])
        #expect(one.publications.count == 1 && one.duplicates == 1)
        #expect(one.publications[0].authors.map(\.displayName) == ["John Smith", "Alice Brown"])
    }

    /// A preprint (DOI), its published version in PubMed (PMID) and in Web of Science (the
    /// other DOI and the PMID): the two published copies are one paper, the preprint another, in
    /// every order of the files, with one warning (record keys join copies before titles do).
    @Test func aPreprintStaysApartInEveryOrderThoughATitleLinksItToACopyWithoutADOI() throws {
        let title = "bibliometrix: An R-tool for comprehensive science mapping analysis"
        let files = [
            ("preprint.bib", "@article{pre, author={Aria, Massimo and Cuccurullo, Corrado}, title={\(title)}, journal={bioRxiv}, year={2017}, doi={10.1101/123456}}\n"),
            ("pubmed.nbib", "PMID- 29000001\nTI  - \(title).\nDP  - 2017 Nov\nFAU - Aria, Massimo\nAU  - Aria M\nFAU - Cuccurullo, Corrado\nAU  - Cuccurullo C\n"),
            ("wos.txt", "FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\nAU Aria, M\n   Cuccurullo, C\nAF Aria, Massimo\n   Cuccurullo, Corrado\n"
                + "TI \(title)\nSO J INFORMETR\nPY 2017\nDI 10.1016/j.joi.2017.08.007\nPM 29000001\nUT WOS:000414777800034\nER\n\nEF\n"),
        ]
        let scratch = try ScratchFiles(files)
        defer { scratch.remove() }
        try scratch.readInEveryOrder { order, corpus in
            #expect(corpus.publications.count == 2 && corpus.duplicates == 1, "order \(order): \(corpus.publications.map(\.key))")
            let published = try #require(corpus.publications.first { $0.extras.pmid == "29000001" }, "order \(order)")
            #expect(published.doi.lowercased() == "10.1016/j.joi.2017.08.007", "order \(order): the preprint's DOI is not the published paper's")
            #expect(corpus.publications.contains { $0.key == "pre" && $0.extras.pmid.isEmpty }, "order \(order)")
            let warnings = corpus.diagnostics.filter { $0.message.contains("counted as two papers") }
            #expect(warnings.count == 1, "order \(order): \(warnings.map(\.message))")
        }
    }

    /// A copy with the database ID alone (no DOI) joins neither of two papers whose DOIs differ
    /// and which carry that ID: it would go to whichever came first. The ID joins none of its
    /// copies, in every order, with one warning.
    @Test func aDatabaseIDOnPapersOfTwoDOIsJoinsNone() throws {
        func work(_ doi: String?, title: String, author: String) -> String {
            let doiField = doi.map { #""doi": "https://doi.org/\#($0)", "# } ?? ""
            return #"{"id": "https://openalex.org/W1", \#(doiField)"title": "\#(title)", "publication_year": 2017, "authorships": [{"author": {"display_name": "\#(author)"}}]}"# + "\n"
        }
        let scratch = try ScratchFiles([
            ("a.jsonl", work("10.1/a", title: "Bibliometrix", author: "Massimo Aria")),
            ("b.jsonl", work(nil, title: "Something else", author: "Ann Roe")),
            ("c.jsonl", work("10.1/b", title: "Gravitational waves", author: "Benjamin Abbott")),
        ])
        defer { scratch.remove() }
        try scratch.readInEveryOrder { order, corpus in
            #expect(corpus.publications.count == 3 && corpus.duplicates == 0, "order \(order): \(corpus.publications.map(\.key))")
            #expect(corpus.diagnostics.filter { $0.message.contains("counted as two papers") }.count == 1, "order \(order): \(corpus.diagnostics.map(\.message))")
        }
    }

    /// Copies merged in either order give one paper: a name that two databases cut into surname
    /// and given names differently is one author, whose IDs the merge keeps (a user trial of
    /// session 49: with Scopus's BibTeX first, Web of Science's ORCIDs and ResearcherIDs of
    /// `Antonio Gomez-Ruiz, Jose` and `Ignacio Pelaez, Jose` were lost); the fuller form (accents
    /// kept) and the higher citation count win whichever copy came first.
    @Test func copiesMergeAlikeInEitherOrder() throws {
        let scratch = try ScratchFiles([
            ("wos.bib", """
                @article{ WOS:000281125600002,
                Author = {Antonio Gomez-Ruiz, Jose and Karanik, Marcelo and Ignacio Pelaez, Jose and Kulakowski, Konrad},
                Title = {Estimation of missing judgments in AHP pairwise matrices},
                Journal = {APPLIED MATHEMATICS AND COMPUTATION}, Year = {2010},
                DOI = {10.1016/j.amc.2010.04.009},
                Times-Cited = {40},
                ResearcherID-Numbers = {Gomez-Ruiz, Jose Antonio/K-7689-2014
                   Pelaez, Jose I/O-9450-2016},
                ORCID-Numbers = {Gomez-Ruiz, Jose Antonio/0000-0001-7469-8112
                   Pelaez, Jose I/0000-0002-2606-3849
                   Karanik, Marcelo/0000-0001-8848-3681},
                }

                """),
            ("scopus.bib", """
                @ARTICLE{Gomez-Ruiz20101,
                author = {Gomez-Ruiz, Jose Antonio and Karanik, Marcelo and Peláez, José Ignacio and Kułakowski, Konrad},
                title = {Estimation of missing judgments in AHP pairwise matrices},
                year = {2010}, journal = {Applied Mathematics and Computation},
                doi = {10.1016/j.amc.2010.04.009},
                note = {Cited by: 52}
                }

                """),
        ])
        defer { scratch.remove() }
        var seen: [String] = []
        try scratch.readInEveryOrder { order, corpus in
            let paper = try #require(corpus.publications.first)
            #expect(corpus.publications.count == 1 && paper.authors.count == 4, "order \(order)")
            #expect(paper.authors.map(\.displayName) == ["Jose Antonio Gomez-Ruiz", "Marcelo Karanik", "José Ignacio Peláez", "Konrad Kułakowski"],
                    "order \(order)")
            #expect(paper.authorIDs.map(\.orcid) == ["0000-0001-7469-8112", "0000-0001-8848-3681", "0000-0002-2606-3849", ""], "order \(order)")
            #expect(paper.authorIDs.map(\.researcherID) == ["K-7689-2014", "", "O-9450-2016", ""], "order \(order)")
            seen.append("\(paper.authors) \(paper.authorIDs) \(paper.extras.citedBy.map(String.init) ?? "-")")
        }
        #expect(seen.count == 2 && seen[0] == seen[1], "\(seen)")
    }

    /// A database ID shared by two records whose DOIs differ joins nothing: a user trial of
    /// session 49 found bibliometrix's OpenAlex sample and openalex-python's response giving one
    /// OpenAlex id to two papers (Aria & Cuccurullo 2017, and GW170104), which became one paper,
    /// one side's authors lost, which side hanging on the files' order. The DOIs join first, so a
    /// copy with the DOI and another OpenAlex id (OpenAlex keeps such duplicates) is still one.
    @Test func aDatabaseIDJoinsNoCopiesWhoseDOIsDiffer() throws {
        func work(_ id: String, doi: String, title: String, author: String) -> String {
            #"{"id": "https://openalex.org/\#(id)", "doi": "https://doi.org/\#(doi)", "title": "\#(title)", "publication_year": 2017, "authorships": [{"author": {"display_name": "\#(author)"}}, {"author": {"display_name": "Dana Roe"}}]}"# + "\n"
        }
        let scratch = try ScratchFiles([
            ("a.jsonl", work("W1", doi: "10.1/a", title: "Bibliometrix", author: "Massimo Aria")),
            ("b.jsonl", work("W1", doi: "10.1/b", title: "Gravitational waves", author: "Benjamin Abbott")),
            ("c.jsonl", work("W2", doi: "10.1/a", title: "Bibliometrix", author: "Massimo Aria")),
        ])
        defer { scratch.remove() }
        try scratch.readInEveryOrder { order, corpus in
            #expect(corpus.records == 3 && corpus.publications.count == 2 && corpus.duplicates == 1, "order \(order): \(corpus.publications.map(\.key))")
            let firstAuthors = Set(corpus.publications.compactMap { $0.authors.first?.last })
            #expect(firstAuthors == ["Aria", "Abbott"], "order \(order): every paper's authors kept")
            let warnings = corpus.diagnostics.filter { $0.message.contains("counted as two papers") }
            #expect(warnings.count == 1, "order \(order): \(corpus.diagnostics.map(\.message))")
            // The record is keyed by the ID it shares, so it is not named by it again (a user
            // trial of session 62 read `'W2755950973' has the OpenAlex id W2755950973`).
            #expect(warnings.first?.message.hasPrefix("This record has the OpenAlex id W1 of the record at") == true,
                    "order \(order): \(warnings.first?.message ?? "")")
            #expect(corpus.diagnostics.filter { $0.message.contains("counted once (same DOI 10.1/a") }.count == 1, "order \(order)")
        }
    }

    /// Where the key that tells two papers apart came to one of them with a copy joined to it,
    /// the warning names that copy: the first record has no DOI of its own.
    @Test func theWarningNamesTheCopyThatHoldsTheKey() throws {
        func entry(_ key: String, doi: String?) -> String {
            "@article{\(key), author={Aria, Massimo}, title={A Title}, journal={J}, year={2017}\(doi.map { ", doi={\($0)}" } ?? "")}\n"
        }
        let files = [("bare.bib", entry("bare", doi: nil)), ("pub.bib", entry("pub", doi: "10.1016/x")), ("pre.bib", entry("pre", doi: "10.1101/y"))]
        let scratch = try ScratchFiles(files)
        defer { scratch.remove() }
        let corpus = try InputReader.read(scratch.paths)
        #expect(corpus.publications.map(\.key) == ["bare", "pre"])
        let warning = try #require(corpus.diagnostics.first { $0.message.contains("counted as two papers") })
        let pub = scratch.path("pub.bib")
        #expect(warning.message.contains("but it has DOI 10.1101/y and that record's copy at \(pub):1:1 has DOI 10.1016/x"), "\(warning.message)")
    }

    /// DBLP gives some papers of a proceedings the volume's DOI: a DOI that two records of one
    /// file carry names no one paper. Each copy in the other file joins its own paper by its
    /// title (every copy joined the first paper with that DOI, whose authors stood for all).
    @Test func aDOIThatTwoRecordsOfOneFileCarryJoinsNoCopies() throws {
        func entry(_ key: String, _ title: String, _ author: String) -> String {
            "@inproceedings{\(key), author={\(author)}, title={\(title)}, booktitle={SIGMOD}, year={2000}, doi={10.1145/342009}}\n"
        }
        let files = [("sigmod.bib", entry("a1", "Query Processing", "Ann Smith") + entry("a2", "Index Tuning", "Bob Jones")),
                     ("topvenues.bib", entry("b1", "Query processing.", "Ann Smith") + entry("b2", "Index tuning", "Bob Jones"))]
        let scratch = try ScratchFiles(files)
        defer { scratch.remove() }
        let corpus = try InputReader.read(scratch.paths)
        #expect(corpus.publications.map(\.key) == ["a1", "a2"] && corpus.duplicates == 2)
        #expect(corpus.publications.map { $0.authors.map(\.displayName) } == [["Ann Smith"], ["Bob Jones"]])
        let notes = corpus.diagnostics.filter { $0.message.contains("counted once") }.map(\.message)
        #expect(notes.count == 2 && notes.allSatisfy { $0.contains("same title, year and first author") }, "\(notes)")
        #expect(notes.contains { $0.hasPrefix("'b2'") && $0.contains("sigmod.bib:2:1") }, "\(notes)")
    }

    /// One DOI as sources write it is one key; what is no DOI is none.
    @Test(arguments: [
        "10.1016/J.JOI.2017.08.007", "https://doi.org/10.1016/j.joi.2017.08.007", "http://dx.doi.org/10.1016/j.joi.2017.08.007",
        "doi:10.1016/j.joi.2017.08.007", "DOI 10.1016/j.joi.2017.08.007", "10.1016/j.joi.2017.08.007.", "info:doi/10.1016/j.joi.2017.08.007",
        "urn:doi:10.1016/j.joi.2017.08.007", "https://doi.org/10.1016%2Fj.joi.2017.08.007", "10.1016/j.joi.2017.08.007 [doi]",
        "10.1016/j.joi.2017.08.007\\_", "https://doi.org/doi:10.1016/j.joi.2017.08.007",
    ])
    func oneDOIsSpellingsAreOneKey(spelling: String) {
        let expected = spelling.hasSuffix("\\_") ? "10.1016/j.joi.2017.08.007_" : "10.1016/j.joi.2017.08.007"
        #expect(PublicationMatch.doiKey(spelling) == expected)
    }

    @Test func textThatIsNoDOIIsNoKey() {
        for text in ["NA", "", "10.1016", "10.1016/", "n/a", "https://example.org/x"] { #expect(PublicationMatch.doiKey(text) == nil, "\(text)") }
        #expect(PublicationMatch.kind(of: "openalex:W1") == "openalex" && PublicationMatch.isTitleKey("t:a|1|b") && !PublicationMatch.isTitleKey("ut:1"))
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
        // The first ten named one by one, the other eight in one line.
        let notes = corpus.diagnostics.filter { $0.message.contains("is the same paper as the record at") }
        #expect(corpus.duplicates == shared.count && notes.count == 10)
        #expect(notes.allSatisfy { $0.message.contains("same DOI") }, "\(notes.map(\.message))")
        #expect(corpus.diagnostics.filter { $0.message.contains("more records of this file are papers of") }.map(\.message)
                == ["8 more records of this file are papers of \(paths[0]) too (the first 10 are named above); each is counted once, with the IDs and fuller names of both"])
        #expect(corpus.publications.count { ExportValues.doi($0.doi).lowercased() == "10.1007/978-3-319-59421-7_28" } == 1)
        #expect(!corpus.diagnostics.contains { $0.message.contains("counted as two papers") })
        #expect(corpus.publications.count == corpus.records - shared.count)
    }
}

/// Files written into a folder of their own (named, with their text), until `remove`.
private struct ScratchFiles {
    let folder: URL
    /// Each file's path, in the order given.
    let paths: [String]

    init(_ files: [(name: String, text: String)]) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("coauthor-copies-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, text) in files { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) }
        self.folder = folder
        paths = files.map { folder.appendingPathComponent($0.name).path }
    }

    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    /// Reads the files in every order, giving `body` each order (the files' indices) and its corpus.
    func readInEveryOrder(_ body: ([Int], Corpus) throws -> Void) throws {
        func orders(_ rest: [Int]) -> [[Int]] {
            rest.isEmpty ? [[]] : rest.flatMap { first in orders(rest.filter { $0 != first }).map { [first] + $0 } }
        }
        let every = orders(Array(paths.indices))
        precondition(every.count == (1...max(1, paths.count)).reduce(1, *), "n! orders")
        for order in every { try body(order, try InputReader.read(order.map { paths[$0] })) }
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }
}
