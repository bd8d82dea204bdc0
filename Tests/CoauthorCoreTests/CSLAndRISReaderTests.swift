@testable import CoauthorCore
import Foundation
import Testing

/// CSL-JSON and RIS: the same papers exported three ways give the same network, and bad input
/// is located.
struct CSLAndRISReaderTests {
    private static let formats = Paths.fixtures.appendingPathComponent("formats")

    /// Each edge as "name|name|papers|first|last", names in order: the network without its ids.
    private func edgeSignature(_ corpus: Corpus) throws -> Set<String> {
        let authors = AuthorResolver.resolve(corpus.publications, mode: .conservative)
        let network = try NetworkBuilder.build(publications: corpus.publications, authors: authors, options: NetworkOptions())
        var edges: Set<String> = []
        for u in 0..<network.nodeCount {
            for slot in network.graph.slots(u) {
                let v = Int(network.graph.neighbors[slot])
                guard u < v, let e = network.graph.edge(u, v) else { continue }
                let pair = [network.names[u], network.names[v]].sorted()
                edges.insert("\(pair[0])|\(pair[1])|\(network.edgePapers[e])|\(network.edgeFirstYear[e] ?? 0)|\(network.edgeLastYear[e] ?? 0)")
            }
        }
        return edges
    }

    @Test func bibTeXCSLJSONAndRISExportsOfTheSamePapersGiveTheSameNetwork() throws {
        let bib = try InputReader.read([Self.formats.appendingPathComponent("papers.bib").path])
        let csl = try InputReader.read([Self.formats.appendingPathComponent("papers.json").path])
        let ris = try InputReader.read([Self.formats.appendingPathComponent("papers.ris").path])
        for corpus in [bib, csl, ris] {
            #expect(corpus.diagnostics.isEmpty, "\(corpus.diagnostics)")
            #expect(corpus.publications.count == 4)
        }
        let reference = bib.publications.map { [$0.title, "\($0.year ?? 0)", $0.doi] + $0.authors.map(\.displayName) }
        #expect(csl.publications.map { [$0.title, "\($0.year ?? 0)", $0.doi] + $0.authors.map(\.displayName) } == reference)
        #expect(ris.publications.map { [$0.title, "\($0.year ?? 0)", $0.doi] + $0.authors.map(\.displayName) } == reference)
        #expect(csl.publications.map(\.authors) == bib.publications.map(\.authors))
        #expect(ris.publications.map(\.authors) == bib.publications.map(\.authors))
        let edges = try edgeSignature(bib)
        #expect(edges.count == 17)
        #expect(try edgeSignature(csl) == edges)
        #expect(try edgeSignature(ris) == edges)
    }

    @Test func sameFolderInThreeFormatsCountsEachPaperOnceAndNamesBothPlaces() throws {
        let corpus = try InputReader.read([Self.formats.path])
        #expect(corpus.files == 3)
        #expect(corpus.publications.count == 4)
        #expect(corpus.duplicates == 8)
        let warning = try #require(corpus.diagnostics.first { $0.message.contains("Matrix") || $0.message.contains("KESH2010") })
        #expect(warning.severity == .warning)
        #expect(warning.location?.path.hasSuffix("papers.json") == true)
        #expect(warning.message.contains("papers.bib:2:1"))
    }

    @Test func bibAndRISOfOnePaperWithoutDOIMergeByTitleYearAndAuthors() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("coauthor-dup-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("@article{k, author = {M{\\\"u}ller, J. and Smith, Ann}, title = {On {G}raphs}, year = 2001}\n".utf8)
            .write(to: folder.appendingPathComponent("a.bib"))
        try Data("TY  - JOUR\nAU  - Müller, J.\nAU  - Smith, Ann\nTI  - On graphs.\nPY  - 2001\nER  - \n".utf8)
            .write(to: folder.appendingPathComponent("b.ris"))
        let corpus = try InputReader.read([folder.path])
        #expect(corpus.publications.count == 1)
        #expect(corpus.duplicates == 1)
        let warning = try #require(corpus.diagnostics.first)
        #expect(warning.severity == .warning)
        #expect(warning.description.contains("b.ris:1:1: warning:"))
        #expect(warning.message.contains("a.bib:1:1"))
    }

    @Test func cslJSONErrorsNameTheItemAndItsLine() {
        let text = """
            [
              {"id": "a", "author": [{"family": "One", "given": "Ann"}], "issued": {"date-parts": [[2001]]}},
              "not an item",
              {"id": "c", "author": [{"given": ""}]},
              {"id": "d", "title": "Editors only", "editor": [{"family": "Ed"}]}
            ]
            """
        let corpus = CSLJSONReader.read(bytes: Array(text.utf8), path: "x.json")
        #expect(corpus.publications.map(\.key) == ["a"])
        #expect(corpus.records == 4)
        #expect(corpus.skipped == 2)
        #expect(corpus.diagnostics.map(\.description) == [
            "x.json:3:3: error: item 1 is not an object; the item is skipped",
            "x.json:4:3: error: item 2 ('c'): author 1 has neither 'family'/'given' nor 'literal'; the item is skipped",
        ])
        let broken = CSLJSONReader.read(bytes: Array("[\n {\"id\": \"a\",\n \"title\": \"x\"\n".utf8), path: "y.json")
        #expect(broken.diagnostics.first?.severity == .error)
        #expect(broken.diagnostics.first?.location?.line == 2)
        #expect(broken.diagnostics.first?.message.contains("(the file ends before this value is closed)") == true, "\(broken.diagnostics)")
        #expect(CSLJSONReader.read(bytes: [0x5B, 0xFF, 0x5D], path: "z.json").diagnostics.first?.message.contains("byte offset 1") == true)
        // A comma missing between two fields is named where the next one starts (it was said at
        // 1:1: a hostile-input trial of session 57).
        let comma = CSLJSONReader.read(bytes: Array("[\n {\"id\": \"a\"},\n {\"id\": \"b\" \"title\": \"x\"}\n]\n".utf8), path: "c.json")
        #expect(comma.diagnostics.map(\.description)
                == ["c.json:3:13: error: not valid JSON here (expected ',' or '}' in an object); the file is not read (a CSL-JSON export is an array of items)"],
                "\(comma.diagnostics)")
        let crossref = CrossrefReader.read(bytes: Array("{\"message\": {\"DOI\": \"10.1/x\"\n \"title\": [\"T\"]}}".utf8), path: "w.json")
        #expect(crossref.diagnostics.first?.location?.line == 2 && crossref.diagnostics.first?.message.contains("(expected ',' or '}' in an object)") == true,
                "\(crossref.diagnostics)")
    }

    /// DOI content negotiation gives CSL-JSON whose authors carry an `ORCID`: it is their ID, so
    /// two people written alike with different ORCIDs stay two, and one ORCID joins its spellings.
    @Test func cslJSONAuthorsORCIDsAreTheirIDs() throws {
        let text = """
            [
              {"id": "a", "issued": {"date-parts": [[2020]]}, "author": [
                {"given": "John", "family": "Smith", "ORCID": "http://orcid.org/0000-0002-1825-0097", "authenticated-orcid": false},
                {"given": "Ann", "family": "Lee"}]},
              {"id": "b", "issued": {"date-parts": [[2021]]}, "author": [
                {"given": "John", "family": "Smith", "ORCID": "https://orcid.org/0000-0001-5109-3700"},
                {"given": "Ann", "family": "Lee"}]},
              {"id": "c", "issued": {"date-parts": [[2022]]}, "author": [
                {"given": "J.", "family": "Smith", "ORCID": "0000-0001-5109-3700"}, {"given": "Bo", "family": "Chan"}]}
            ]
            """
        let corpus = CSLJSONReader.read(bytes: Array(text.utf8), path: "x.json")
        #expect(corpus.diagnostics.isEmpty, "\(corpus.diagnostics)")
        #expect(corpus.publications.map { $0.authorIDs.map(\.orcid) } == [
            ["0000-0002-1825-0097", ""], ["0000-0001-5109-3700", ""], ["0000-0001-5109-3700", ""]])
        let authors = AuthorResolver.resolve(corpus.publications, mode: .conservative)
        let network = try NetworkBuilder.build(publications: corpus.publications, authors: authors, options: NetworkOptions())
        #expect(network.nodeCount == 4)
        let smiths = network.names.indices.filter { network.names[$0].contains("Smith") }
        #expect(smiths.map { network.papers[$0] }.sorted() == [1, 2])
        #expect(Set(smiths.map { network.ids[$0].orcid }) == ["0000-0002-1825-0097", "0000-0001-5109-3700"])
        // Without any ORCID the item has no IDs at all (no empty list kept per paper).
        let plain = CSLJSONReader.read(bytes: Array(#"[{"id": "p", "author": [{"family": "One", "given": "Ann"}]}]"#.utf8), path: "p.json")
        #expect(plain.publications.first?.authorIDs.isEmpty == true)
    }

    /// A file cut inside its last record's line (no `ER  -`, no line break at its end) skips that
    /// record with an error: its last value is a part of one (`Keshavan, Ra`: a hostile-input
    /// trial of session 55). Without `ER  -` but ending a line, the record is kept with a warning.
    @Test func aRISFileCutInsideALineSkipsItsLastRecord() {
        let whole = "TY  - JOUR\nAU  - Lee, Ann\nTI  - One\nER  - \nTY  - JOUR\nAU  - Lee, Ann\nAU  - Keshavan, Ra"
        let cut = RISReader.read(bytes: Array(whole.utf8), path: "c.ris")
        #expect(cut.publications.map(\.title) == ["One"])
        #expect(cut.records == 2 && cut.skipped == 1)
        #expect(cut.diagnostics.map(\.description) == [
            "c.ris:5:1: error: the file ends inside this record, in the middle of a line and without 'ER  -': it looks cut off, and the record is skipped; export it again"])
        let unclosed = RISReader.read(bytes: Array((whole + "ghu\n").utf8), path: "c.ris")
        #expect(unclosed.publications.count == 2 && unclosed.skipped == 0)
        #expect(unclosed.diagnostics.map(\.severity) == [.warning])
        #expect(RISReader.read(bytes: Array((whole + "ghu\nER  -").utf8), path: "c.ris").diagnostics.isEmpty)
    }

    /// RIS writes a name `Last, First, Suffix`: the suffix is the name's `jr`, not its given name.
    @Test func aRISNamesSuffixIsItsJr() throws {
        let text = "TY  - JOUR\nAU  - Ware, John E., Jr.\nAU  - King, Martin L., III\nAU  - Doe, Jane\nTI  - T\nPY  - 2020\nER  - \n"
        let paper = try #require(RISReader.read(bytes: Array(text.utf8), path: "s.ris").publications.first)
        #expect(paper.authors.map(\.first) == ["John E.", "Martin L.", "Jane"])
        #expect(paper.authors.map(\.jr) == ["Jr.", "III", ""])
        #expect(paper.authors.map(\.last) == ["Ware", "King", "Doe"])
    }

    /// A date without a year is named (the record's line), `in press` passes, a year far from any
    /// calendar is read as written with a warning.
    @Test func risYearsThatCannotBePlacedAreNamed() {
        let text = "TY  - JOUR\nID  - a\nAU  - One, Ann\nPY  - 20o3\nER  - \nTY  - JOUR\nID  - b\nAU  - Two, Bob\nPY  - In press\nER  - \n"
            + "TY  - JOUR\nID  - c\nAU  - Three, Cy\nPY  - 2109///\nER  - \n" + "TY  - JOUR\nAU  - Four, Di\nPY  - 0019\nER  - \n"
        let corpus = RISReader.read(bytes: Array(text.utf8), path: "y.ris")
        #expect(corpus.publications.map(\.year) == [nil, nil, 2109, 19])
        #expect(corpus.diagnostics.map(\.description) == [
            "y.ris:1:1: warning: record 'a': '20o3' holds no year of four digits; the paper counts in every total but in no year (timelines, --from, --to)",
            "y.ris:11:1: warning: record 'c': the year 2109 is outside 1000–2100, likely a typing error; it is read as written, and timelines run from the first year to the last",
            "y.ris:16:1: warning: this record: the year 0019 is outside 1000–2100, likely a typing error; it is read as written, and timelines run from the first year to the last",
        ])
    }

    @Test func risProblemsAreLocated() {
        let text = "AU  - Stray, Line\nTY  - JOUR\nAU  - One, Ann\nPY  - 2003\nTY  - JOUR\nAU  - Two, Bob\nER  - \n"
        let corpus = RISReader.read(bytes: Array(text.utf8), path: "r.ris")
        #expect(corpus.publications.map { $0.authors[0].last } == ["One", "Two"])
        #expect(corpus.publications.map(\.year) == [2003, nil])
        #expect(corpus.skipped == 1)
        #expect(corpus.diagnostics.map(\.description) == [
            "r.ris:1:1: error: 'AU' outside a record: records start with 'TY  - TYPE'; these lines are skipped",
            "r.ris:2:1: warning: this record has no 'ER  -' line; the 'TY' at line 5 ends it",
        ])
        #expect(RISReader.read(bytes: Array("hello\nworld\n".utf8), path: "n.ris").diagnostics.first?.message.contains("not a RIS file") == true)
        var latin1 = Array("TY  - JOUR\nAU  - M".utf8)
        latin1.append(0xFC)
        latin1 += Array("ller, J.\nER  - \n".utf8)
        #expect(RISReader.read(bytes: latin1, path: "l.ris").diagnostics.first?.description == "l.ris:2:8: error: invalid UTF-8 at byte offset 18; convert the file to UTF-8 or read it as Latin-1")
        #expect(RISReader.read(bytes: latin1, path: "l.ris").diagnostics.first?.remedy == .readAsLatin1)
        #expect(RISReader.read(bytes: latin1, path: "l.ris", encoding: .latin1).publications.first?.authors.first?.last == "Müller")
    }
}
