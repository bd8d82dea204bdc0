@testable import CoauthorCore
import Foundation
import Testing

/// Hand-made exports, one per format and generation, each holding the quirks issue #14 names.
struct ExportReaderTests {
    private static let folder = Paths.fixtures.appendingPathComponent("exports")

    private func read(_ name: String) throws -> Corpus {
        try InputReader.read([Self.folder.appendingPathComponent(name).path])
    }

    private func names(_ publication: Publication) -> [String] { publication.authors.map(\.displayName) }

    @Test(arguments: [
        ("wos-quirks.txt", InputFormat.wos), ("wos-tab.txt", .wosTab), ("scopus-full-names.csv", .scopus),
        ("scopus-ids-only.csv", .scopus), ("pubmed.nbib", .medline), ("openalex-list.json", .openalex),
        ("openalex-work.jsonl", .openalex), ("openalex.csv", .openalexCSV), ("lens.csv", .lens),
        ("dimensions.csv", .dimensions), ("ieee.csv", .ieee), ("crossref-list.json", .crossref),
    ])
    func formatIsDetectedByContent(name: String, format: InputFormat) {
        #expect(InputFormat.detect(path: Self.folder.appendingPathComponent(name).path) == format)
    }

    /// UTF-16 with its byte-order mark (Web of Science's "Tab-delimited (Win, UTF-16)" export) is
    /// read as its UTF-8 is, found by content in a folder too (it was "invalid UTF-8 at byte
    /// offset 0", or of no known type: a user trial of session 53).
    @Test(arguments: ["wos-tab.txt", "wos-quirks.txt", "pubmed.nbib", "scopus-full-names.csv"])
    func utf16IsReadAsItsUTF8(name: String) throws {
        let text = try String(contentsOf: Self.folder.appendingPathComponent(name), encoding: .utf8)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("coauthor-utf16-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let plain = try InputReader.read([Self.folder.appendingPathComponent(name).path])
        for (suffix, encoding) in [("le", String.Encoding.utf16LittleEndian), ("be", .utf16BigEndian)] {
            let mark: [UInt8] = encoding == .utf16LittleEndian ? [0xFF, 0xFE] : [0xFE, 0xFF]
            let file = folder.appendingPathComponent(suffix + "-" + name)
            try Data(mark + Array(try #require(text.data(using: encoding)))).write(to: file)
            for corpus in [try InputReader.read([file.path]), try InputReader.read([folder.path])] {
                #expect(corpus.files == 1 && !plain.publications.isEmpty, "\(name) \(suffix)")
                #expect(corpus.publications.map(\.authors) == plain.publications.map(\.authors), "\(name) \(suffix)")
                #expect(corpus.publications.count == plain.publications.count && corpus.skipped == 0, "\(name) \(suffix): \(corpus.diagnostics)")
            }
            try FileManager.default.removeItem(at: file)
        }
    }

    /// Rows whose fields are not the header's in number get one warning, at the first, which
    /// counts the others (litstudy's Scopus export has 56 such rows of 58).
    @Test func rowsOfAnotherWidthGetOneWarningThatCountsThem() throws {
        let header = "\"Authors\",\"Title\",\"Year\",\"EID\"\n"
        let rows = ["\"Li X.\",\"A\",\"2020\",\"2-s2.0-1\"", "\"Li X.\",\"B\",\"2020\",\"2-s2.0-2\",\"x\"",
                    "\"Li X.\",\"C\",\"2020\",\"2-s2.0-3\",\"x\"", "\"Li X.\",\"D\",\"2020\"", "\"Li X.\",\"E\",\"2020\",\"2-s2.0-5\""]
        let corpus = ScopusCSVReader.read(bytes: Array((header + rows.joined(separator: "\n") + "\n").utf8), path: "s.csv")
        #expect(corpus.publications.count == 5)
        let warnings = corpus.diagnostics.filter { $0.message.contains("fields where the header has") }
        #expect(warnings.count == 1 && warnings.first?.location?.line == 3, "\(warnings)")
        #expect(warnings.first?.message == "this row has 5 fields where the header has 4; it is read as far as its fields go, as are 2 more rows whose fields are not the header's in number")
    }

    @Test func csvWithoutTheScopusColumnsIsNotScopus() {
        let head = Array("\"Authors\",\"Title\",\"Year\"\n\"Smith J.\",\"T\",\"2010\"\n".utf8)
        #expect(InputFormat.detect(head: head, pathExtension: "csv") == nil)
        #expect(InputFormat.detect(head: Array("[{\"id\": \"x\", \"author\": []}]".utf8), pathExtension: "json") == .csl)
        #expect(InputFormat.detect(head: Array("Scopus\nEXPORT DATE: 1\n\n@ARTICLE{a b,\n".utf8), pathExtension: "txt") == .bibtex)
        // A Scopus CSV renamed `.bib` is what it holds (a user trial of session 49: read as
        // BibTeX, it failed at an e-mail address's `@`); a `.bib` without an entry yet is BibTeX.
        let scopus = "\"Authors\",\"Author(s) ID\",\"Title\",\"Year\",\"EID\"\n\"Li X.\",\"1\",\"T, see li@163.com\",\"2020\",\"2-s2.0-1\"\n"
        #expect(InputFormat.detect(head: Array(scopus.utf8), pathExtension: "bib") == .scopus)
        #expect(InputFormat.detect(head: Array("% my bibliography\n".utf8), pathExtension: "bib") == .bibtex)
    }

    /// An author written with initials alone (`Li, J`) whom the `RI` list names in full
    /// (`li, jianan/…`, as ScientoPy's export has it) is `Jianan Li`, whom the name rules no
    /// longer join to another paper's `John Li`; a list name that spells out nothing, or another
    /// person, changes no name.
    @Test func anIDListSpellsOutTheInitialsOfTheAuthorItNames() throws {
        func record(_ ut: Int, _ authors: String, ri: String) -> String {
            "PT J\nAU \(authors)\nTI Paper \(ut)\nPY 2018\nRI \(ri)\nUT WOS:00000000000000\(ut)\nER\n"
        }
        let text = "FN Clarivate Analytics Web of Science\nVR 1.0\n" + record(1, "Li, J\n   Clancy, EA", ri: "li, jianan/HTP-2274-2023")
            + record(2, "Li, John", ri: "Nolan, Robert P/ACT-7585-2022") + record(3, "Huang, X", ri: "Huang, X/D-4715-2014")
            + record(4, "Wu, H", ri: "Wu, Hao Ran/A-1-2000") + "EF\n"
        let corpus = WebOfScienceReader.readPlainText(bytes: Array(text.utf8), path: "w.txt")
        #expect(corpus.publications.map(names) == [["Jianan Li", "EA Clancy"], ["John Li"], ["X Huang"], ["Hao Ran Wu"]])
        #expect(corpus.publications[0].authorIDs.first?.researcherID == "HTP-2274-2023")
        let index = AuthorResolver.resolve(corpus, mode: .conservative)
        #expect(index.names.contains("Jianan Li") && index.names.contains("John Li"), "\(index.names)")
    }

    /// `AF` writes full names without the accents `AU` keeps (`Buyukkidik, Serap` beside
    /// `Büyükkidik, S`, in bibliometrix's sample): the surname is taken from `AU` where it is the
    /// same but for its accents, in both formats; a different surname, or lists of different
    /// lengths, change nothing (a user trial of session 59).
    @Test func accentsOfTheShortNamesAreKeptInTheFullOnes() throws {
        let plain = "FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\nAU Büyükkidik, S\n   Årsand, E\n   Müller, K\n"
            + "AF Buyukkidik, Serap\n   Arsand, Eirik\n   Miller, Karl\nTI T\nPY 2020\nUT WOS:000000000000001\nER\n"
            + "PT J\nAU Díaz-Jiménez, D\nAF Diaz-Jimenez, David\n   Smith, John\nTI U\nPY 2021\nUT WOS:000000000000002\nER\nEF\n"
        let corpus = WebOfScienceReader.readPlainText(bytes: Array(plain.utf8), path: "w.txt")
        #expect(corpus.publications.map(names) == [["Serap Büyükkidik", "Eirik Årsand", "Karl Miller"], ["David Diaz-Jimenez", "John Smith"]])
        let tab = "PT\tAU\tAF\tTI\tPY\tUT\nJ\tMassé, D; Lévi, F\tMasse, Dan; Levi, Francis\tT\t2019\tWOS:000000000000003\n"
        let fromTab = WebOfScienceReader.readTabDelimited(bytes: Array(tab.utf8), path: "w.txt")
        #expect(fromTab.publications.map(names) == [["Dan Massé", "Francis Lévi"]])
    }

    /// Whether an author is written with initials alone, read on the given names' bytes when
    /// they are ASCII, is what splitting them into tokens (`NameKey.givenTokens`) says, for
    /// every seeded random given name of initials, words, separators and letters beyond ASCII.
    @Test func initialsAloneAreJudgedOnBytesAsOnTokens() {
        let pieces = ["J", "J.", "JC", "Anna", "E.A.", "-", ".", " ", "  ", "\t", "É", "É.", "Zoë", "e\u{301}", "王", "\u{A0}", "x", "Li"]
        var random = SplitMix64(seed: 14)
        var (initials, others) = (0, 0)
        for _ in 0..<4000 {
            let given = (0..<Int(random.next() % 5)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
            let tokens = NameKey.givenTokens(given)
            let expected = !tokens.isEmpty && tokens.allSatisfy { $0.count == 1 }
            #expect(WebOfScienceReader.hasInitialsOnly(PersonName(first: given, last: "Li")) == expected, "\(given.debugDescription)")
            if expected { initials += 1 } else { others += 1 }
        }
        // Both answers are exercised, on ASCII and beyond.
        #expect(initials > 500 && others > 500, "\(initials) \(others)")
        #expect(WebOfScienceReader.hasInitialsOnly(PersonName(first: "É. A.", last: "Li")))
        #expect(!WebOfScienceReader.hasInitialsOnly(PersonName(first: "J. Élodie", last: "Li")))
        #expect(!WebOfScienceReader.hasInitialsOnly(PersonName(first: " .-", last: "Li")))
    }

    /// References under `C1` (their `CR` tag lost, as in metaknowledge's `badFile.isi`) are not
    /// read as addresses: a warning names the first such line, and the record keeps its real
    /// addresses (a user trial of session 50 found seventy references ranked as institutions,
    /// and the damaged copy of a paper preferred to the whole one for its "more institutions").
    @Test func citedReferencesUnderC1AreNotReadAsAddresses() throws {
        let text = """
            FN Clarivate Analytics Web of Science
            VR 1.0
            PT J
            AU SKAGERSTAM, BS
            TI A paper
            C1 UNIV TRONDHEIM,INST THEORET PHYS,N-7034 TRONDHEIM,NORWAY.
               LUFTKRIGSSKOLEN,TRONDHEIM MIL 7000,NORWAY.
               Abraham M., 1909, RC CIRC MAT PALERMO, V28, P1
               ALLEN PJ, 1966, AM J PHYS, V34, P1185, DOI 10.1119/1.1972585
            NR 2
            PY 1985
            UT WOS:A1985AAA0000001
            ER
            PT J
            AU Doe, J
            TI Another
            C1 [Doe, J] Univ Oslo, Oslo 1234, Norway.
               Univ Sydney, 2006, Sydney, Australia.
               Univ Bergen, 5020, Bergen, Norway.
            PY 1986
            ER
            EF

            """
        let corpus = WebOfScienceReader.readPlainText(bytes: Array(text.utf8), path: "w.isi")
        #expect(corpus.publications.count == 2)
        guard corpus.publications.count == 2 else { return }
        #expect(corpus.publications[0].extras.addresses.map(\.raw) == ["UNIV TRONDHEIM,INST THEORET PHYS,N-7034 TRONDHEIM,NORWAY.",
                                                                        "LUFTKRIGSSKOLEN,TRONDHEIM MIL 7000,NORWAY."])
        #expect(corpus.diagnostics.map(\.description) == [
            "w.isi:8:1: warning: this line of 'C1' (addresses) reads as a cited reference ('Abraham M., 1909, RC CIRC MAT PALERMO, V28, P1'): "
                + "is the 'CR' tag of this line or one before it missing? The lines up to the next tag are not read as addresses",
        ])
        // An address whose second part is a postcode, even one that could be a year, is an address.
        #expect(corpus.publications[1].extras.addresses.map(\.raw) == ["Univ Sydney, 2006, Sydney, Australia.", "Univ Bergen, 5020, Bergen, Norway."])
    }

    @Test func webOfSciencePlainText() throws {
        let raw = try Data(contentsOf: Self.folder.appendingPathComponent("wos-quirks.txt"))
        #expect(raw.starts(with: [0xEF, 0xBB, 0xBF]) && raw.contains(0x0D), "the fixture keeps its BOM and CRLF line ends")
        let corpus = try read("wos-quirks.txt")
        #expect(corpus.records == 4)
        #expect(corpus.skipped == 0)
        #expect(corpus.publications.count == 4)
        let aria = corpus.publications[0]
        #expect(names(aria) == ["Massimo Aria", "Corrado Cuccurullo"])
        #expect(aria.title == "bibliometrix: An R-tool for comprehensive science mapping analysis")
        #expect(aria.year == 2017 && aria.doi == "10.1016/J.JOI.2017.08.007" && aria.venue == "JOURNAL OF INFORMETRICS")
        #expect(aria.extras.ut == "WOS:000414777800034" && aria.extras.citedBy == 1234)
        // The ORCID wrapped across two lines, inside the ID; the name case differs (CUCCURULLO).
        #expect(aria.authorIDs.map(\.orcid) == ["0000-0002-8517-9411", "0000-0002-7401-8575"])
        #expect(aria.authorIDs.map(\.researcherID) == ["O-7983-2015", ""])
        #expect(aria.extras.affiliations.map { $0.map(\.country) } == [["Italy"], ["Italy"]])
        #expect(aria.extras.affiliations[0].first?.institution == "Univ Naples Federico II")
        #expect(aria.location.line == 3)
        // A book names its authors in BA/BF only.
        #expect(names(corpus.publications[1]) == ["John Smith", "Ann Doe"])
        #expect(corpus.publications[1].type == "book")
        // A record without ER is kept, with a warning at its PT line.
        #expect(corpus.publications[2].title == "A Record Without ER")
        #expect(corpus.diagnostics.contains { $0.severity == .warning && $0.location?.line == 33 && $0.message.contains("no 'ER'") },
                "\(corpus.diagnostics)")
        // No PY: the early-access date gives the year.
        #expect(corpus.publications[3].year == 2021)
    }

    @Test func webOfScienceTabDelimited() throws {
        let corpus = try read("wos-tab.txt")
        #expect(corpus.records == 2 && corpus.skipped == 0)
        #expect(names(corpus.publications[0]) == ["Massimo Aria", "Corrado Cuccurullo"])
        #expect(corpus.publications[0].authorIDs.map(\.orcid) == ["0000-0002-8517-9411", ""])
        #expect(corpus.publications[0].extras.affiliations.map(\.count) == [1, 1])
        #expect(names(corpus.publications[1]) == ["John Smith"])
        #expect(corpus.publications[1].title == "A \"Quoted\" Book")
    }

    @Test func scopusWithFullNamesAndIDs() throws {
        let corpus = try read("scopus-full-names.csv")
        #expect(corpus.records == 2)
        #expect(corpus.publications.count == 1, "[No author name available] is no author")
        let paper = corpus.publications[0]
        #expect(names(paper) == ["Massimo Aria", "Corrado Cuccurullo"])
        #expect(paper.authorIDs.map(\.scopus) == ["57192939470", "6507146622"])
        #expect(paper.title == "bibliometrix: An R-tool, \"quoted\"")
        #expect(paper.extras.eid == "2-s2.0-85029231342" && paper.extras.citedBy == 1234 && paper.year == 2017)
        #expect(paper.extras.affiliations.map { $0.map(\.raw) } == [["University of Naples Federico II, Naples, Italy"], ["University of Campania, Capua, Italy"]])
    }

    @Test func scopusWithIDsOnlyAndCommaSeparatedAuthors() throws {
        let corpus = try read("scopus-ids-only.csv")
        #expect(corpus.records == 2 && corpus.publications.count == 1 && corpus.skipped == 0)
        #expect(corpus.diagnostics.isEmpty, "a trailing comma is no reason for a warning: \(corpus.diagnostics)")
        let paper = corpus.publications[0]
        #expect(paper.authors.map(\.last) == ["Phillips", "Braun", "Kalé"])
        #expect(paper.authors.map(\.first) == ["J.C.", "R.", "L."])
        #expect(paper.authorIDs.map(\.scopus) == ["57202138757", "7402220509", "7005862685"])
        #expect(paper.extras.affiliations.map { $0.map(\.raw) } == [["Beckman Institute, Urbana, IL 61801, United States"],
                                                                  ["Beckman Institute, Urbana, United States"], ["Dept of Computer Science, Urbana, United States"]])
        #expect(paper.extras.affiliations.map { $0.map(\.country) } == [["United States"], ["United States"], ["United States"]])
    }

    @Test func scopusWithNamesOnly() throws {
        let corpus = try InputReader.read([Self.folder.appendingPathComponent("scopus-names-only.csv").path], format: .scopus)
        #expect(corpus.publications.first.map { $0.authors.map(\.last) } == ["Smith", "Doe"])
        #expect(corpus.publications.first?.authorIDs.isEmpty == true)
    }

    /// Each CSV fixture saved again with `;` between fields, every field quoted (as Excel saves
    /// CSV where `;` is its list separator): the same records, papers and messages.
    @Test(arguments: [
        ("scopus-full-names.csv", InputFormat.scopus, ["Authors", "Title"]), ("scopus-ids-only.csv", .scopus, ["Authors", "Title"]),
        ("scopus-names-only.csv", .scopus, ["Authors", "Title"]), ("openalex.csv", .openalexCSV, ["id", "authorships.author.display_name"]),
        ("lens.csv", .lens, ["Lens ID", "Author/s"]), ("dimensions.csv", .dimensions, ["Publication ID", "Authors"]),
        ("ieee.csv", .ieee, ["Document Title", "Authors"]),
    ])
    func csvSavedWithSemicolonsReadsAlike(name: String, format: InputFormat, required: [String]) throws {
        let raw = try [UInt8](Data(contentsOf: Self.folder.appendingPathComponent(name)))
        var scanner = CSVScanner(bytes: raw)
        var text = ""
        while let row = scanner.next() {
            text += row.fields.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(separator: ";") + "\r\n"
        }
        #expect(CSVExport.commaOrSemicolon(Array(text.utf8), required: required) == UInt8(ascii: ";"))
        #expect(CSVExport.commaOrSemicolon(raw, required: required) == UInt8(ascii: ","))
        let comma = InputReader.read(bytes: raw, format: format, path: name)
        let semicolon = InputReader.read(bytes: Array(text.utf8), format: format, path: name)
        #expect(!comma.publications.isEmpty)
        #expect(semicolon.records == comma.records && semicolon.skipped == comma.skipped)
        #expect(semicolon.publications.map { "\($0.key)|\(names($0))|\($0.year ?? 0)|\($0.authorIDs)" }
                == comma.publications.map { "\($0.key)|\(names($0))|\($0.year ?? 0)|\($0.authorIDs)" })
        #expect(semicolon.diagnostics.map(\.message) == comma.diagnostics.map(\.message))
        #expect(InputFormat.detect(head: Array(text.utf8), pathExtension: "csv") == (format == .scopus && name == "scopus-names-only.csv" ? nil : format))
    }

    /// A row with a field more than its header (as litstudy's Scopus export has) shifts the
    /// `EID` column onto `Source`: the EID is the row's one field of its shape, and a row with
    /// none has no EID (a `Scopus` EID made every such row one paper). Rows are not read as one
    /// paper by a value that is not an EID.
    @Test func anEIDIsOnlyAValueOfItsShape() throws {
        let text = """
        Authors,Title,Year,Source,EID
        "Smith J.","A",2010,"extra",Scopus,2-s2.0-11
        "Doe A.","B",2011,"extra",Scopus,2-s2.0-12
        "Roe R.","C",2012,"extra",Scopus,
        "Poe E.","D",2013,"extra",Scopus,
        "Moe M.","E",2014,Scopus,2-s2.0-15

        """
        let corpus = ScopusCSVReader.read(bytes: Array(text.utf8), path: "shifted.csv")
        #expect(corpus.publications.map(\.extras.eid) == ["2-s2.0-11", "2-s2.0-12", "", "", "2-s2.0-15"])
        #expect(corpus.publications.map(\.key) == ["2-s2.0-11", "2-s2.0-12", "row at line 4", "row at line 5", "2-s2.0-15"])
        #expect(ScopusCSVReader.isEID("2-s2.0-0024645936") && !ScopusCSVReader.isEID("2-s2.0-") && !ScopusCSVReader.isEID("Scopus"))
    }

    /// A Scopus row with a field more than its header has its `PubMed ID` and `Document Type`
    /// one field on (litstudy's export: the CODEN stood in `PubMed ID`, and the paper's PubMed
    /// copy was a second paper: a user trial of session 57). Rows of the header's width read the
    /// columns as they are.
    @Test func aShiftedScopusRowKeepsItsPMIDAndType() throws {
        let text = """
        Authors,Title,Year,Funding Text 1,CODEN,PubMed ID,Document Type,EID
        "Smith J.","A",2010,"fund","part two",JBIOB,35064163,Review,2-s2.0-11
        "Doe A.","B",2011,"fund","",,35064164,Conference Paper,2-s2.0-12
        "Roe R.","C",2012,"fund",BSYMB,35064165,Article,2-s2.0-13
        "Poe E.","D",2013,"fund","x",BSYMB,,Letter,2-s2.0-14

        """
        let corpus = ScopusCSVReader.read(bytes: Array(text.utf8), path: "shifted.csv")
        #expect(corpus.publications.map(\.extras.pmid) == ["35064163", "35064164", "35064165", ""])
        #expect(corpus.publications.map(\.type) == ["article", "inproceedings", "article", "article"])
    }

    /// A list of author IDs that does not align with the authors is given to no one, with a
    /// warning at the row: by place, OpenAlex's list short of one gave an author the next one's
    /// ID, and Scopus's older export dropped them in silence (a user trial of session 57).
    @Test func misalignedAuthorIDsAreLeftOutWithAWarning() throws {
        let openAlex = OpenAlexReader.readCSV(bytes: Array("""
            "id","display_name","publication_year","authorships.author.display_name","authorships.author.id","authorships.author.orcid"
            "https://openalex.org/W1","A","2021","Ann Lee|Bo Chen|Cy Diaz","https://openalex.org/A1|https://openalex.org/A3","||0000-0002-1825-0097"
            "https://openalex.org/W2","B","2022","Ann Lee|Bo Chen","https://openalex.org/A1|https://openalex.org/A2","|"

            """.utf8), path: "o.csv")
        // (The ORCIDs, one per author, still align.)
        #expect(openAlex.publications.map { $0.authorIDs.map(\.openAlex) } == [["", "", ""], ["A1", "A2"]])
        #expect(openAlex.publications[0].authorIDs.map(\.orcid) == ["", "", "0000-0002-1825-0097"])
        // (And the header's missing `doi` column is said, once.)
        #expect(openAlex.diagnostics.map(\.description) == ["o.csv:1:1: warning: the header names no 'doi' column: every record's DOI is unknown (export the file again with it)",
                                                            "o.csv:2:1: warning: the row lists 2 author IDs for 3 authors; they cannot be matched to the authors and are left out"])
        let scopus = ScopusCSVReader.read(bytes: Array("""
            "Authors","Author(s) ID","Title","Year","DOI","EID"
            "Li X., Wang Y., Chen Z.","11;22;","T","2020","","2-s2.0-1"
            "Li X., Wang Y.","11;22;","U","2021","","2-s2.0-2"

            """.utf8), path: "s.csv")
        #expect(scopus.publications.map { $0.authorIDs.map(\.scopus) } == [[], ["11", "22"]])
        #expect(scopus.diagnostics.map(\.description) == ["s.csv:2:1: warning: the row lists 2 Scopus author IDs for 3 authors; they cannot be matched to the authors and are left out"])
    }

    /// A header that lacks a column the records' values come from says so once, at the header
    /// (a user trial of session 60 removed `Year` and read every paper as yearless, in silence);
    /// one that lacks a column the records need says which, where a header was meant (the trial
    /// was told the file was no Scopus CSV at all).
    @Test func missingColumnsAreNamedAtTheHeader() {
        let noYear = ScopusCSVReader.read(bytes: Array("\"Authors\",\"Title\",\"EID\"\n\"Li X.\",\"T\",\"2-s2.0-1\"\n".utf8), path: "s.csv")
        #expect(noYear.publications.count == 1)
        #expect(noYear.diagnostics.map(\.description) == [
            "s.csv:1:1: warning: the header names no 'Year', 'DOI' column: every record's year, DOI are unknown (export the file again with them)"])
        let noAuthors = ScopusCSVReader.read(bytes: Array("\"Author full names\",\"Title\",\"Year\"\n\"Li, X. (1)\",\"T\",\"2020\"\n".utf8), path: "s.csv")
        #expect(noAuthors.publications.isEmpty && noAuthors.skipped == 1, "the file, as where no header is found")
        #expect(noAuthors.diagnostics.map(\.description) == [
            "s.csv:1:1: error: this header row names no 'Authors' column, which Scopus CSV records need: is this a Scopus CSV file? If it is, export it again with that column (no record is read)"])
        let tab = WebOfScienceReader.readTabDelimited(bytes: Array("PT\tAU\tTI\tDI\tUT\nJ\tLi, X\tT\t\tWOS:1\n".utf8), path: "w.txt")
        #expect(tab.publications.count == 1 && tab.diagnostics.map(\.message) == [
            "the header names no 'PY' or 'EA' or 'PD' column: every record's year is unknown (export the file again with it)"])
        // An early-access date gives the year where `PY` is missing: nothing to say.
        let early = WebOfScienceReader.readTabDelimited(bytes: Array("PT\tAU\tTI\tEA\tDI\tUT\nJ\tLi, X\tT\tNOV 2021\t\tWOS:1\n".utf8), path: "w.txt")
        #expect(early.publications.first?.year == 2021 && early.diagnostics.isEmpty, "\(early.diagnostics)")
    }

    /// A MEDLINE file cut short ends inside a value: a user trial of session 49 cut one inside
    /// `FAU - Reinh`, read without a word (an author `Reinh` ranked). The line without a line
    /// break is named; a whole file (ending in one) gets no such warning, on its bytes or streamed.
    @Test func aMedlineFileCutShortSaysSo() throws {
        let whole = "PMID- 1\nTI  - One.\nDP  - 2020\nFAU - Doe, Jane\nAU  - Doe J\nFAU - Reinhardt, Karl\nAU  - Reinhardt K\n"
        let cut = String(whole.prefix(whole.count - "hardt, Karl\nAU  - Reinhardt K\n".count))
        #expect(cut.hasSuffix("FAU - Rein"))
        let read = MedlineReader.read(bytes: Array(cut.utf8), path: "cut.nbib")
        let warnings = read.diagnostics.filter { $0.message.contains("is the file truncated?") }
        #expect(warnings.map(\.description) == ["cut.nbib:6:1: warning: the file ends inside this line, with no line break after it: its record is read as far as it goes (is the file truncated?)"])
        #expect(read.publications.count == 1)
        #expect(MedlineReader.read(bytes: Array(whole.utf8), path: "whole.nbib").diagnostics.isEmpty)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("coauthor-cut-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("cut.nbib")
        try Data(cut.utf8).write(to: file)
        let streamed = MedlineReader.read(path: file.path, blockSize: 16)
        #expect(streamed.diagnostics.filter { $0.message.contains("is the file truncated?") }.count == 1)
    }

    /// An `AD` line joining two addresses with `; ` (PubMed before 2014) is two affiliations,
    /// each with its country (a user trial of session 49: one institution `USA; University of
    /// Washington`, Premera Blue Cross lost); a semicolon inside parentheses splits nothing.
    @Test func aMedlineAddressLineOfTwoAddressesIsTwoAffiliations() throws {
        let text = "PMID- 1\nTI  - One.\nDP  - 2020\nFAU - Doe, Jane\nAU  - Doe J\n"
            + "AD  - Premera Blue Cross, Bothell, WA, USA; University of Washington, Seattle, WA, USA.\n"
            + "FAU - Roe, Ann\nAU  - Roe A\nAD  - Centre (CIBER; Madrid), Madrid, Spain.\nFAU - Poe, Ed\nAU  - Poe E\n"
            + "AD  - Faculdade de Medicina, Universidade de São Paulo, SP, Brasil.\n\n"
        let paper = try #require(MedlineReader.read(bytes: Array(text.utf8), path: "m.nbib").publications.first)
        #expect(paper.extras.affiliations.map { $0.map(\.raw) } == [["Premera Blue Cross, Bothell, WA, USA", "University of Washington, Seattle, WA, USA."],
                                                                   ["Centre (CIBER; Madrid), Madrid, Spain."],
                                                                   ["Faculdade de Medicina, Universidade de São Paulo, SP, Brasil."]])
        // A semicolon inside one address (no country before it) splits nothing.
        #expect(MedlineReader.addresses(in: "Division of X, Department of Y; and Department of Z, Harvard Medical School, Boston, MA, USA.")
                == ["Division of X, Department of Y; and Department of Z, Harvard Medical School, Boston, MA, USA."])
        let institutions = UnitIndex(publications: [paper], level: .institution)
        #expect(institutions.names.sorted() == ["Centre (CIBER; Madrid)", "Premera Blue Cross", "Universidade de São Paulo", "University of Washington"])
        let countries = UnitIndex(publications: [paper], level: .country)
        #expect(countries.keys.sorted() == ["BR", "ES", "US"])
    }

    @Test func pubMedMedline() throws {
        let corpus = try read("pubmed.nbib")
        #expect(corpus.records == 3 && corpus.publications.count == 2 && corpus.skipped == 0)
        let first = corpus.publications[0]
        #expect(names(first) == ["Jiří Mazurek", "Dominik Strzałka"], "FAU wins over AU; the group author is no person")
        #expect(first.authorIDs.map(\.orcid) == ["", "0000-0002-8887-4321"], "AUID belongs to the author before it")
        #expect(first.extras.affiliations.map(\.count) == [1, 1])
        #expect(first.extras.affiliations[0][0].raw == "Department of Informatics, Silesian University in Opava, Opava, Czech Republic.")
        #expect(first.title == "On the Monte Carlo weights in multiple criteria decision analysis.")
        #expect(first.doi == "10.1371/journal.pone.0268950" && first.year == 2022 && first.extras.pmid == "36206242")
        #expect(first.venue == "PloS one")
        let second = corpus.publications[1]
        #expect(second.authors.map(\.last) == ["Doe", "Roe"])
        #expect(second.authorIDs.map(\.orcid) == ["", "0000-0001-2345-672X"])
        #expect(second.location.line == 20)
    }

    @Test func openAlexListResponse() throws {
        let corpus = try read("openalex-list.json")
        #expect(corpus.records == 2 && corpus.publications.count == 1)
        let paper = corpus.publications[0]
        #expect(names(paper) == ["Massimo Aria", "Corrado Cuccurullo"], "raw_author_name stands in for a null display name")
        #expect(paper.authorIDs.map(\.openAlex) == ["A5069892096", "A5049136342"])
        #expect(paper.authorIDs.map(\.orcid) == ["0000-0002-8517-9411", ""])
        #expect(paper.extras.openAlex == "W2755950973" && paper.extras.pmid == "123" && paper.extras.citedBy == 13235)
        #expect(paper.doi == "10.1016/j.joi.2017.08.007" && paper.venue == "Journal of Informetrics")
        let affiliation = try #require(paper.extras.affiliations.first?.first)
        #expect(affiliation.ror == "05290cv24" && affiliation.country == "IT" && affiliation.institution == "University of Naples Federico II")
        #expect(paper.location.line == 3)
    }

    @Test func openAlexJSONLinesReportsABadLineAndKeepsTheRest() throws {
        let corpus = try read("openalex-work.jsonl")
        #expect(corpus.records == 3)
        #expect(corpus.skipped == 1)
        #expect(corpus.publications.map(\.title) == ["First", "Third"])
        #expect(corpus.publications.map(\.location.line) == [1, 3])
        let error = try #require(corpus.diagnostics.first { $0.severity == .error })
        #expect(error.location?.line == 2)
    }

    @Test func openAlexCSV() throws {
        let corpus = try read("openalex.csv")
        let paper = try #require(corpus.publications.first)
        #expect(names(paper) == ["Massimo Aria", "Corrado Cuccurullo"])
        #expect(paper.authorIDs.map(\.openAlex) == ["A5069892096", "A5049136342"])
        #expect(paper.authorIDs.map(\.orcid) == ["0000-0002-8517-9411", ""])
        #expect(paper.extras.affiliations.map { $0.map(\.country) } == [["IT"], ["IT"]])
    }

    /// Affiliations that do not align with the authors (an author at two institutions gives
    /// the list an entry more) are the paper's (`extras.addresses`), not dropped: a user trial of
    /// session 49 found a six-author IEEE paper with seven affiliations counted as naming none,
    /// and `--level institution` on its year stopping with "no publication names an institution".
    @Test func affiliationsThatDoNotAlignWithTheAuthorsAreThePapers() throws {
        let ieee = IEEECSVReader.read(bytes: Array("""
            "Document Title","Authors","Author Affiliations","Publication Title","Publication Year","DOI"
            "HPC","F. Berberich; J. Liebmann","PRACE aisbl; Jülich Supercomputing Center; CEA, France; another affiliation","J","2019","10.1/x"
            "Two","A. One; B. Two","Univ A; Univ B","J","2020","10.1/y"

            """.utf8), path: "i.csv")
        #expect(ieee.publications.map { $0.extras.addresses.map(\.raw) } == [["PRACE aisbl", "Jülich Supercomputing Center", "CEA, France"], []])
        #expect(ieee.publications.map { $0.extras.affiliations.flatMap { $0 }.map(\.raw) } == [[], ["Univ A", "Univ B"]])
        let openAlex = OpenAlexReader.readCSV(bytes: Array("""
            "id","display_name","publication_year","authorships.author.display_name","authorships.countries","authorships.institutions.display_name"
            "https://openalex.org/W1","A","2021","Ann Guleria|Raj Kaur","IN|IN","Government Medical College|Thapar Institute|Government Medical College|Thapar Institute"

            """.utf8), path: "o.csv")
        let paper = try #require(openAlex.publications.first)
        #expect(paper.extras.addresses.map(\.institution) == ["Government Medical College", "Thapar Institute", "Government Medical College", "Thapar Institute"])
        #expect(paper.extras.affiliations.map { $0.map(\.country) } == [["IN"], ["IN"]], "the countries still align")
        let units = UnitIndex(publications: openAlex.publications, level: .institution)
        #expect(units.names.sorted() == ["Government Medical College", "Thapar Institute"] && units.withoutUnits == 0)
        let dimensions = DimensionsCSVReader.read(bytes: Array("""
            About the data: Exported on Dec 06, 2026.
            "Publication ID","Title","PubYear","Authors","Authors Affiliations"
            "pub.1","T","2020","Smith, John; Doe, Ann","Smith, John (Univ A)"

            """.utf8), path: "d.csv")
        #expect(dimensions.publications.first?.extras.addresses.map(\.raw) == ["Univ A"])
        // Scopus: `Authors with affiliations` of fewer parts than authors; the row's `Affiliations` are the paper's.
        let scopus = ScopusCSVReader.read(bytes: Array("""
            "Authors","Author(s) ID","Title","Year","Affiliations","Authors with affiliations","EID"
            "Li X.; Wang Y.","1; 2","T","2020","Univ A, Beijing, China; Univ B, Delft, Netherlands","Li X., Univ A, Beijing, China","2-s2.0-1"

            """.utf8), path: "s.csv")
        let row = try #require(scopus.publications.first)
        #expect(row.extras.addresses.map(\.raw) == ["Univ A, Beijing, China", "Univ B, Delft, Netherlands"])
        #expect(row.extras.addresses.map(\.country) == ["China", "Netherlands"])
        #expect(row.extras.affiliations.allSatisfy { $0.isEmpty })
    }

    @Test func lensDimensionsIEEEAndCrossref() throws {
        let lens = try read("lens.csv")
        #expect(lens.records == 2 && lens.publications.count == 1)
        #expect(lens.publications[0].authors.map(\.last) == ["Radanliev", "Roure", "Nurse"])
        #expect(lens.publications[0].extras.pmid == "33251087")
        let dimensions = try read("dimensions.csv")
        #expect(dimensions.records == 1 && dimensions.skipped == 0)
        #expect(names(dimensions.publications[0]) == ["John Smith", "Ann Doe"])
        #expect(dimensions.publications[0].authorIDs.map(\.dimensions) == ["ur.011", "ur.022"])
        #expect(dimensions.publications[0].location.line == 3)
        #expect(dimensions.publications[0].extras.affiliations.map { $0.map(\.raw) } == [["University of Oxford", "Alan Turing Institute (London)"], []])
        let ieee = try read("ieee.csv")
        #expect(names(ieee.publications[0]) == ["P. Kogge", "J. Shalf"])
        #expect(ieee.publications[0].extras.affiliations.map { $0.map(\.raw) } == [["University of Notre Dame"], ["Lawrence Berkeley National Laboratory"]])
        let crossref = try read("crossref-list.json")
        #expect(crossref.records == 2 && crossref.publications.count == 1)
        #expect(names(crossref.publications[0]) == ["Heather Piwowar", "Jason Priem"], "an organisation is not a person")
        #expect(crossref.publications[0].authorIDs.map(\.orcid) == ["0000-0003-1613-5981", ""])
        #expect(crossref.publications[0].year == 2018 && crossref.publications[0].extras.citedBy == 962)
        #expect(crossref.publications[0].location.line == 2)
    }

    @Test func aFolderMixingFormatsReadsEachByItsContent() throws {
        let corpus = try InputReader.read([Self.folder.path])
        // Every fixture but the Scopus file without Scopus's own columns, which says too little to be recognised.
        #expect(corpus.files == 12)
        #expect(corpus.records == 4 + 2 + 2 + 2 + 3 + 2 + 3 + 1 + 2 + 1 + 1 + 2)
    }

    @Test func anUnclosedQuoteCostsOneRowAndIsLocated() {
        let text = "\"Authors\",\"Author(s) ID\",\"Title\",\"Year\"\n\"Smith J.\",\"1\",\"Fine\",\"2001\"\n\"Doe A.\",\"2\",\"Unclosed title,2001\n"
        let corpus = ScopusCSVReader.read(bytes: Array(text.utf8), path: "s.csv")
        #expect(corpus.skipped == 1)
        #expect(corpus.publications.map(\.title) == ["Fine"])
        let error = corpus.diagnostics.first { $0.severity == .error }
        #expect(error?.location?.line == 3)
        #expect(error?.location?.column == 14)
    }

    @Test func aTruncatedGzipSnapshotIsOneErrorNamingIt() {
        let gzip: [UInt8] = [0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03]
        #expect(InputFormat.detect(head: gzip, pathExtension: "gz") == .openalex)
        let corpus = InputReader.read(bytes: gzip, format: .openalex, path: "part_000.gz")
        #expect(corpus.skipped == 1)
        #expect(corpus.diagnostics.first?.location?.path == "part_000.gz")
        #expect(corpus.diagnostics.first?.message.contains("truncated") == true)
        // The reader itself, handed compressed bytes directly, says how to read them.
        #expect(OpenAlexReader.readJSON(bytes: gzip, path: "part_000.gz").diagnostics.first?.message.contains("gunzip part_000.gz") == true)
    }

    /// `C1` and `OI` name an author as Web of Science lists them, which may differ from `AF`:
    /// the same folded name, else the only author of that surname and initial, else the only one
    /// whose words hold every word of the listed surname (`Campina Lopez, Alejano` is the author
    /// `Lopez, Alejandro Carlos Campina`), else nobody.
    @Test func listedNamesFindTheirAuthorByNameSurnameOrWords() {
        let text = """
            FN Clarivate Analytics Web of Science
            VR 1.0
            PT J
            AF Lopez, Alejandro Carlos Campina
               Müller, Jörg
               Smith, John
               Smith, Jane
            TI T
            C1 [Campina Lopez, Alejano] Univ Valencia, Valencia, Spain.
               [Muller, J.] ETH Zurich, Zurich, Switzerland.
               [Smith, J.] Nowhere Univ, Nowhere, USA.
            OI Campina Lopez, Alejano/0000-0001-2345-6789; Mueller, Joerg/0000-0002-0000-0081
            PY 2020
            UT WOS:1
            ER
            EF

            """
        let corpus = WebOfScienceReader.readPlainText(bytes: Array(text.utf8), path: "w.txt")
        #expect(corpus.publications.count == 1)
        guard let paper = corpus.publications.first, paper.authors.count == 4 else { return }
        let affiliations = paper.extras.affiliations
        #expect(affiliations.count == 4)
        guard affiliations.count == 4 else { return }
        #expect(affiliations[0].map(\.institution) == ["Univ Valencia"], "by the words of the surname")
        #expect(affiliations[1].map(\.institution) == ["ETH Zurich"], "by surname and initial, folded")
        #expect(affiliations[2].isEmpty && affiliations[3].isEmpty, "two Smiths with the initial J: nobody")
        #expect(paper.authorIDs.first?.orcid == "0000-0001-2345-6789")
        // `Mueller` folds to neither `muller` nor any author's words: the ORCID goes to nobody.
        #expect(paper.authorIDs.count < 2 || paper.authorIDs[1].orcid.isEmpty)
    }

    /// Names the lists of IDs write otherwise than the author list find their author as a last
    /// resort, when one author alone has the first given name among their words and a surname
    /// among them too, or one that begins the other's: Web of Science's own exports write
    /// `Lazaroiu, George Cristian` for `Lazaroiu, Cristian`, `Pelegrini Morita, Plinio` for
    /// `Morita, Plinio P.`, `Vilaça, João` for `Vilac, Joao L.` and `López, Julio Benítez` for
    /// `Benitez, Julio` (a user trial of session 60: their ORCIDs were lost). A name two authors
    /// could be (`Ross`: `Rossi`, `Rossini`), or none, gets nothing; `Ocean, Eric` is `Ocean, Erik`
    /// by the rules before (surname and initial).
    @Test func listedNamesWrittenOtherwiseFindTheirOneAuthor() {
        let text = """
            FN Clarivate Analytics Web of Science
            VR 1.0
            PT J
            AF Lazaroiu, Cristian
               Morita, Plinio P.
               Vilac, Joao L.
               Benitez, Julio
               Rossi, Marco
               Rossini, Marco
               Ocean, Erik
            TI T
            OI Lazaroiu, George Cristian/0000-0001-0000-0041; Pelegrini Morita, Plinio/0000-0001-0000-0092;
               Vilaça, João/0000-0001-0000-0033; López, Julio Benítez/0000-0001-0000-0084;
               Ross, Marco/0000-0001-0000-0025; Sirrs, Nora/0000-0001-0000-0076; Ocean, Eric/0000-0001-0000-0017
            PY 2020
            UT WOS:1
            ER
            EF

            """
        let corpus = WebOfScienceReader.readPlainText(bytes: Array(text.utf8), path: "w.txt")
        guard let paper = corpus.publications.first, paper.authors.count == 7 else {
            Issue.record("\(corpus.diagnostics)")
            return
        }
        let orcids = (0..<7).map { $0 < paper.authorIDs.count ? paper.authorIDs[$0].orcid : "" }
        #expect(orcids == ["0000-0001-0000-0041", "0000-0001-0000-0092", "0000-0001-0000-0033", "0000-0001-0000-0084", "", "", "0000-0001-0000-0017"],
                "\(orcids)")
        // The IDs given to nobody are said, each at its record.
        #expect(corpus.diagnostics.map(\.description) == [
            "w.txt:3:1: warning: the ORCID list (OI) names 'Ross, Marco', whom no one author of this record fits; its ID 0000-0001-0000-0025 is left out",
            "w.txt:3:1: warning: the ORCID list (OI) names 'Sirrs, Nora', whom no one author of this record fits; its ID 0000-0001-0000-0076 is left out",
        ], "\(corpus.diagnostics)")
    }

    /// The readers keep one string per distinct ID of a file, by the bytes it is written with:
    /// the same bytes are an ORCID (normalised) in `OI` and a ResearcherID (as written) in `RI`,
    /// and an `AUID` gives an ORCID only when it says so, whatever the records before it said.
    @Test func idsWrittenAlikeKeepTheirKindFromRecordToRecord() {
        let wos = """
            FN Clarivate Analytics Web of Science
            VR 1.0
            PT J
            AF Aria, Massimo
               Cuccurullo, Corrado
            TI T1
            RI Aria, Massimo/0000000285179411
            OI Aria, Massimo/0000000285179411; Cuccurullo, Corrado/O-7983-2015
            UT WOS:1
            ER

            PT J
            AF Cuccurullo, Corrado
               Aria, Massimo
            TI T2
            RI Cuccurullo, Corrado/0000000285179411; Aria, Massimo/O-7983-2015
            OI Aria, Massimo/0000000285179411
            UT WOS:2
            ER
            EF

            """
        let corpus = WebOfScienceReader.readPlainText(bytes: Array(wos.utf8), path: "w.txt")
        #expect(corpus.publications.map(\.authorIDs.count) == [2, 2])
        guard corpus.publications.count == 2, corpus.publications.allSatisfy({ $0.authorIDs.count == 2 }) else { return }
        let (first, second) = (corpus.publications[0].authorIDs, corpus.publications[1].authorIDs)
        #expect(first.map(\.researcherID) == ["0000000285179411", ""])
        #expect(first.map(\.orcid) == ["0000-0002-8517-9411", ""], "an ORCID list entry that is no ORCID gives none")
        #expect(second.map(\.researcherID) == ["0000000285179411", "O-7983-2015"])
        #expect(second.map(\.orcid) == ["", "0000-0002-8517-9411"])

        let medline = """
            PMID- 1
            TI  - T1
            FAU - Doe, Jane
            AUID- ORCID: 0000000285179411
            FAU - Roe, Richard
            AUID- ISNI: 0000000285179411

            PMID- 2
            TI  - T2
            FAU - Roe, Richard
            AUID- ISNI: 0000000285179411
            FAU - Doe, Jane
            AUID- orcid: 0000000285179411
            FAU - Poe, Edgar
            AUID- ORCID: 0000000285179411

            """
        let pubmed = MedlineReader.read(bytes: Array(medline.utf8), path: "m.nbib")
        #expect(pubmed.publications.map { $0.authorIDs.map(\.orcid) }
                == [["0000-0002-8517-9411", ""], ["", "0000-0002-8517-9411", "0000-0002-8517-9411"]])
    }

    /// `Liu F.`, `Phillips J.C.`, `Mazurek J`: the trailing word is the given name when it is
    /// initials. The ASCII path on bytes must answer as the Unicode one (Character properties).
    @Test func initialsOnBytesAnswerAsOnCharacters() {
        func reference(_ word: Substring) -> Bool {
            guard let first = word.first, first.isUppercase else { return false }
            let letters = word.filter(\.isLetter)
            guard letters.allSatisfy(\.isUppercase) else { return false }
            if word.contains(".") { return word.allSatisfy { $0.isLetter || $0 == "." || $0 == "-" } && letters.count <= 4 }
            return letters.count <= 3 && word.allSatisfy(\.isLetter)
        }
        let words = ["F.", "J.C.", "J", "JC", "ABC", "ABCD", "J.-C.", "X.Y.Z.W", "X.Y.Z.W.V", "jc", "Jc", "J1", "1J", "",
                     "J-C", "J.c.", "-J.", ".J", "A.B.C.D.", "AB.", "J'", "O'B", "JC.", "J_C", "Smith", "Mc"]
        var random = SplitMix64(seed: 7)
        let alphabet = Array("ABJXYZabz.-' 1")
        var generated: [String] = []
        for _ in 0..<2000 {
            let length = Int(random.next() % 7)
            generated.append(String((0..<length).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }))
        }
        #expect(generated.count == 2000)
        for word in words + generated {
            #expect(ExportValues.isInitials(Substring(word)) == reference(Substring(word)), "\(word.debugDescription)")
        }
        #expect(ExportValues.isInitials("J.C.") && !ExportValues.isInitials("Smith"))
    }

    /// An `RI`/`OI` list that names two authors written alike gives each theirs, in the order of
    /// the list of authors, when it has an entry for each (the second entry once replaced the
    /// first's ID, and the second author had none); with fewer entries (an `OI` list names only
    /// the authors with an ORCID) or more, it does not say which is whose, and none is given.
    /// `C1` brackets naming them give them their lines in order too.
    @Test func idListsNamingTwoAuthorsWrittenAlikeGiveEachTheirsOrNone() {
        let text = """
            FN Clarivate Analytics Web of Science
            VR 1.0
            PT J
            AF Wang, Wei
               Zhang, San
               Wang, Wei
            RI Wang, Wei/A-1111-2011; Zhang, San/Z-9999-2019; Wang, Wei/B-2222-2012
            OI Wang, Wei/0000-0001-0000-0041; Zhang, San/0000-0009-0000-0509
            C1 [Wang, Wei] Univ A, Paris, France.
               [Zhang, San; Wang, Wei] Univ B, Rome, Italy.
            UT WOS:1
            ER

            PT J
            AF Wang, Wei
               Wang, Wei
            RI Wang, Wei/A-1111-2011; Wang, Wei/B-2222-2012; Wang, Wei/C-3333-2013
            C1 [Wang, Wei] Univ A, Paris, France.
            UT WOS:2
            ER
            EF

            """
        let corpus = WebOfScienceReader.readPlainText(bytes: Array(text.utf8), path: "w.txt")
        #expect(corpus.publications.count == 2)
        #expect(corpus.publications[0].authorIDs.map(\.researcherID) == ["A-1111-2011", "Z-9999-2019", "B-2222-2012"])
        #expect(corpus.publications[0].authorIDs.map(\.orcid) == ["", "0000-0009-0000-0509", ""])
        #expect(corpus.publications[1].authorIDs.allSatisfy { $0.isEmpty })
        // Address lines likewise, one mention each in order; a single mention for both goes to
        // the first (the paper keeps its institution, though the line does not say whose).
        #expect(corpus.publications.map { $0.extras.affiliations.map { $0.map(\.country) } } == [[["France"], ["Italy"], ["Italy"]], [["France"], []]])
    }

    /// `C1` brackets naming two authors written alike give them the lines in order where there
    /// is one mention for each (`idListsNamingTwoAuthorsWrittenAlikeGiveEachTheirsOrNone` reads
    /// them in a plain-text export); in a tab-delimited export, whose brackets are read as text,
    /// the same.
    @Test func addressLinesOfATabDelimitedExportNamingTwoAuthorsWrittenAlikeGiveEachTheirs() {
        let tab = "PT\tAU\tAF\tC1\tUT\nJ\tWang, W; Zhang, S; Wang, W\tWang, Wei; Zhang, San; Wang, Wei\t[Wang, Wei] Univ A, Paris, France.; "
            + "[Zhang, San;  Wang, Wei] Univ B, Rome, Italy.\tWOS:1\n"
        let corpus = WebOfScienceReader.readTabDelimited(bytes: Array(tab.utf8), path: "w.tsv")
        #expect(corpus.publications.map { $0.extras.affiliations.map { $0.map(\.country) } } == [[["France"], ["Italy"], ["Italy"]]])
    }

    /// A Web of Science file whose lines end in a lone CR (old Mac exports) is read as with line
    /// feeds, its lines numbered by the CRs; once it read no record at all.
    @Test func aWebOfScienceFileWithCROnlyLineEndsIsRead() throws {
        let text = "FN x\nVR 1.0\nPT J\nAF Aria, Massimo\n   Cuccurullo, Corrado\nTI A\n   title\nPY 2017\nUT WOS:1\nER\n\n"
            + "PT J\nAF Doe, Ann\nPY 2018\nUT WOS:2\nEF\n"
        let lf = WebOfScienceReader.readPlainText(bytes: Array(text.utf8), path: "lf.txt")
        let cr = WebOfScienceReader.readPlainText(bytes: Array(text.replacingOccurrences(of: "\n", with: "\r").utf8), path: "cr.txt")
        #expect(lf.publications.count == 2 && cr.publications.count == 2)
        #expect(cr.publications.map(\.authors) == lf.publications.map(\.authors))
        #expect(cr.publications.map(\.title) == ["A title", ""] && cr.publications.map(\.year) == [2017, 2018])
        // The second record has no ER: the warning is at its PT line, line 12 either way.
        #expect(cr.diagnostics.map(\.location?.line) == lf.diagnostics.map(\.location?.line))
        #expect(cr.diagnostics.contains { $0.location?.line == 12 && $0.message.contains("no 'ER'") }, "\(cr.diagnostics)")
        // Read from its path too (one block: it has no line feed to cut at).
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("coauthor-cr-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("cr.txt")
        try Data(text.replacingOccurrences(of: "\n", with: "\r").utf8).write(to: file)
        #expect(try InputReader.read([file.path]).publications.map(\.authors) == lf.publications.map(\.authors))
    }

    /// MEDLINE's investigators (`IR`/`FIR`) and editors (`ED`/`FED`) follow the authors; an
    /// `AUID` or `AD` after one of them is theirs, not the last author's.
    @Test func anInvestigatorsORCIDIsNotTheLastAuthors() {
        let text = """
            PMID- 2
            TI  - Trial with investigators.
            DP  - 2021
            FAU - Doe, Jane
            AU  - Doe J
            FAU - Roe, Richard
            AU  - Roe R
            AUID- ORCID: 0000-0001-4444-4744
            AD  - Univ Y, Oslo, Norway.
            IR  - Green P
            FIR - Green, Paula
            AUID- ORCID: 0000-0003-3333-3373
            AD  - Univ X, Paris, France.
            FED - Poe, Edgar
            ED  - Poe E
            AUID- ORCID: 0000-0002-5555-5535

            """
        let paper = MedlineReader.read(bytes: Array(text.utf8), path: "m.nbib").publications[0]
        #expect(paper.authors.map(\.displayName) == ["Jane Doe", "Richard Roe"])
        #expect(paper.authorIDs.map(\.orcid) == ["", "0000-0001-4444-4744"])
        #expect(paper.extras.affiliations.map { $0.map(\.country) } == [[], ["Norway"]])
    }

    /// An author NLM gave no full name has an `AU` line alone, among authors written as a `FAU`
    /// line and its `AU` short form: every author is kept once, in order, with what follows it.
    @Test func anAuthorWithoutAFullNameAmongOthersIsKept() {
        let text = """
            PMID- 3
            TI  - Mixed author lines.
            DP  - 2001
            FAU - Doe, Jane
            AU  - Doe J
            AU  - Roe R
            AUID- ORCID: 0000-0001-4444-4744
            AD  - Univ Y, Oslo, Norway.
            FAU - Poe, Edgar
            AU  - Poe E
            CN  - The Study Group
            AU  - Moe C

            PMID- 4
            TI  - Short forms only.
            DP  - 1990
            AU  - Doe J
            AU  - Roe R

            """
        let corpus = MedlineReader.read(bytes: Array(text.utf8), path: "m.nbib")
        #expect(corpus.publications.map { $0.authors.map(\.displayName) } == [["Jane Doe", "R Roe", "Edgar Poe", "C Moe"], ["J Doe", "R Roe"]])
        #expect(corpus.publications[0].authorIDs.map(\.orcid) == ["", "0000-0001-4444-4744", "", ""])
        #expect(corpus.publications[0].extras.affiliations.map { $0.map(\.country) } == [[], ["Norway"], [], []])
    }

    /// A generational suffix is the name's `jr` (Web of Science `AF`, Scopus and MEDLINE `FAU`
    /// write it after the given names, MEDLINE `AU` after the initials), never a given name or
    /// the surname; `JR` without a dot is the initials J. R., and two words keep their `II`.
    /// (The `names` fuzz target's findings of session 49 are the last two rows.)
    @Test(arguments: [
        ("Ware, John E., Jr.", "John E.", "Ware", "Jr."),
        ("Ware, John E Jr", "John E", "Ware", "Jr"),
        ("Ware JE Jr", "JE", "Ware", "Jr"),
        ("King ML 3rd", "ML", "King", "3rd"),
        ("King, Martin Luther III", "Martin Luther", "King", "III"),
        ("John Smith Sr.", "John", "Smith", "Sr."),
        ("de Souza, JR", "JR", "Souza", ""),
        ("Souza JR", "JR", "Souza", ""),
        ("Smith, Jr.", "", "", ""),
        ("MacKerell Jr., Alexander D.", "Alexander D.", "MacKerell", "Jr."),
        ("Brooks III, C.L.", "C.L.", "Brooks", "III"),
        ("Brooks III C.L.", "", "", ""),
        // Blanks are any Unicode blanks, as a reader that collapses them first sees them.
        ("Ware, John E., Jr.\u{A0}", "John E.", "Ware", "Jr."),
        ("Ware, John E,\u{A0}Jr", "John E", "Ware", "Jr"),
    ] as [(String, String, String, String)])
    func aGenerationalSuffixIsTheNamesJr(text: String, first: String, last: String, jr: String) throws {
        let name = try #require(ExportValues.name(text))
        #expect(name.jr == jr, "\(text): \(name)")
        if !last.isEmpty { #expect(name.first == first && name.last == last, "\(text): \(name)") }
    }

    /// The same person with a suffix, read from Web of Science and MEDLINE, is one person, and
    /// not the one without it (a father and son): the IDs and `C1` lines naming them with the
    /// suffix are theirs.
    @Test func aNameWithASuffixIsOnePersonAcrossSourcesAndNotTheNameWithout() throws {
        let wos = """
            FN Clarivate Analytics Web of Science
            VR 1.0
            PT J
            AU Ware, JE
               Smith, A
            AF Ware, John E., Jr.
               Smith, Anna
            TI A paper
            C1 [Ware, John E., Jr.] Univ A, Boston, MA USA.
            RI Ware, John E., Jr./A-1234-2020
            PY 2020
            UT WOS:1
            ER

            PT J
            AU Ware, JE
            AF Ware, John E.
            TI Another
            PY 2021
            UT WOS:2
            ER

            EF

            """
        let medline = "PMID- 5\nTI  - Med.\nDP  - 2019\nFAU - Ware, John E Jr\nAU  - Ware JE Jr\nFAU - Roe, Richard\nAU  - Roe R\n\n"
        let first = WebOfScienceReader.readPlainText(bytes: Array(wos.utf8), path: "w.txt")
        #expect(first.publications[0].authorIDs.map(\.researcherID) == ["A-1234-2020", ""])
        #expect(first.publications[0].extras.affiliations[0].map(\.raw) == ["Univ A, Boston, MA USA."])
        var corpus = first
        corpus.publications += MedlineReader.read(bytes: Array(medline.utf8), path: "m.nbib").publications
        let index = AuthorResolver.resolve(corpus.publications, mode: .conservative)
        let junior = try #require(index.names.firstIndex { $0.hasPrefix("John E") && $0.contains(", Jr") }, "\(index.names)")
        #expect(index.authorsOfPublication[0].contains(Int32(junior)) && index.authorsOfPublication[2].contains(Int32(junior)))
        #expect(!index.authorsOfPublication[1].contains(Int32(junior)), "\(index.names)")
    }

    @Test func taggedLinesOutsideARecordAreAnError() {
        let wos = WebOfScienceReader.readPlainText(bytes: Array("FN x\nVR 1.0\nAU Lost, A\nPT J\nAU Kept, B\nER\nEF\n".utf8), path: "w.txt")
        #expect(wos.skipped == 1 && wos.publications.count == 1)
        #expect(wos.diagnostics.first?.location?.line == 3)
        let medline = MedlineReader.read(bytes: Array("AU  - Lost A\n\nPMID- 1\nAU  - Kept B\n".utf8), path: "m.nbib")
        #expect(medline.skipped == 1 && medline.publications.count == 1)
        #expect(medline.diagnostics.first?.location?.line == 1)
        #expect(MedlineReader.read(bytes: Array("hello\n".utf8), path: "x").diagnostics.contains { $0.severity == .error })
    }

    @Test(arguments: ["", "\u{FEFF}", "\"", "\"\"\"", "PT J\n", "PMID-", "{", "[1,2]", "a\tb\n\t\t\t\n", "\r\r\r", "ER\nEF\n"])
    func hostileInputNeverCrashesAndNeverLosesARecordSilently(text: String) {
        let bytes = Array(text.utf8)
        for corpus in [WebOfScienceReader.readPlainText(bytes: bytes, path: "x"), WebOfScienceReader.readTabDelimited(bytes: bytes, path: "x"),
                       ScopusCSVReader.read(bytes: bytes, path: "x"), MedlineReader.read(bytes: bytes, path: "x"),
                       OpenAlexReader.readJSON(bytes: bytes, path: "x"), OpenAlexReader.readCSV(bytes: bytes, path: "x"),
                       LensCSVReader.read(bytes: bytes, path: "x"), DimensionsCSVReader.read(bytes: bytes, path: "x"),
                       IEEECSVReader.read(bytes: bytes, path: "x"), CrossrefReader.read(bytes: bytes, path: "x")] {
            #expect(corpus.publications.count <= corpus.records)
            #expect(corpus.skipped == corpus.diagnostics.filter { $0.severity == .error }.count)
        }
    }

    /// A mistyped ORCID (its check digit, ISO 7064 MOD 11-2, fails) is left out with a warning
    /// that names it, its author and the digit it would need, in every format that gives ORCIDs;
    /// without it the author is one person with the same name's correct ORCID on another paper
    /// (with it, the two ORCIDs split the person in two).
    @Test(arguments: [
        ("wos.txt", "FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\nAU Aria, M\nAF Aria, Massimo\nTI One\nPY 2017\nOI Aria, Massimo/0000-0002-8517-9411\nUT WOS:1\nER\n\n"
            + "PT J\nAU Aria, M\nAF Aria, Massimo\nTI Two\nPY 2018\nOI Aria, Massimo/0000-0002-8517-9412\nUT WOS:2\nER\n\nEF\n"),
        ("wos-tab.txt", "PT\tAU\tAF\tTI\tPY\tOI\tUT\nJ\tAria, M\tAria, Massimo\tOne\t2017\tAria, Massimo/0000-0002-8517-9411\tWOS:1\n"
            + "J\tAria, M\tAria, Massimo\tTwo\t2018\tAria, Massimo/0000-0002-8517-9412\tWOS:2\n"),
        ("pubmed.nbib", "PMID- 1\nTI  - One\nDP  - 2017\nFAU - Aria, Massimo\nAU  - Aria M\nAUID- ORCID: 0000-0002-8517-9411\n\n"
            + "PMID- 2\nTI  - Two\nDP  - 2018\nFAU - Aria, Massimo\nAU  - Aria M\nAUID- ORCID: 0000-0002-8517-9412\n"),
        ("works.jsonl", #"{"id": "https://openalex.org/W1", "title": "One", "publication_year": 2017, "authorships": [{"author": {"display_name": "Massimo Aria", "orcid": "https://orcid.org/0000-0002-8517-9411"}}]}"# + "\n"
            + #"{"id": "https://openalex.org/W2", "title": "Two", "publication_year": 2018, "authorships": [{"author": {"display_name": "Massimo Aria", "orcid": "https://orcid.org/0000-0002-8517-9412"}}]}"# + "\n"),
        ("works.csv", "\"id\",\"display_name\",\"publication_year\",\"authorships.author.display_name\",\"authorships.author.orcid\"\n"
            + "\"https://openalex.org/W1\",\"One\",\"2017\",\"Massimo Aria\",\"https://orcid.org/0000-0002-8517-9411\"\n"
            + "\"https://openalex.org/W2\",\"Two\",\"2018\",\"Massimo Aria\",\"https://orcid.org/0000-0002-8517-9412\"\n"),
        ("crossref.json", #"{"status": "ok", "message-type": "work-list", "message": {"items": ["#
            + #"{"DOI": "10.1/a", "title": ["One"], "issued": {"date-parts": [[2017]]}, "author": [{"given": "Massimo", "family": "Aria", "ORCID": "http://orcid.org/0000-0002-8517-9411"}]},"#
            + "\n" + #"{"DOI": "10.1/b", "title": ["Two"], "issued": {"date-parts": [[2018]]}, "author": [{"given": "Massimo", "family": "Aria", "ORCID": "http://orcid.org/0000-0002-8517-9412"}]}]}}"#),
        ("items.json", #"[{"id": "a", "type": "article-journal", "title": "One", "issued": {"date-parts": [[2017]]}, "author": [{"given": "Massimo", "family": "Aria", "ORCID": "0000-0002-8517-9411"}]},"#
            + "\n" + #"{"id": "b", "type": "article-journal", "title": "Two", "issued": {"date-parts": [[2018]]}, "author": [{"given": "Massimo", "family": "Aria", "ORCID": "0000-0002-8517-9412"}]}]"#),
        ("savedrecs.bib", "@article{ WOS:1,\nauthor = {Aria, Massimo},\ntitle = {One},\nyear = {2017},\nORCID-Numbers = {Aria, Massimo/0000-0002-8517-9411},\nUnique-ID = {WOS:1},\n}\n\n"
            + "@article{ WOS:2,\nauthor = {Aria, Massimo},\ntitle = {Two},\nyear = {2018},\nORCID-Numbers = {Aria, Massimo/0000-0002-8517-9412},\nUnique-ID = {WOS:2},\n}\n"),
    ])
    func aMistypedORCIDIsLeftOutWithAWarning(name: String, text: String) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("coauthor-orcid-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: file)
        let corpus = try InputReader.read([file.path])
        try #require(corpus.publications.count == 2 && corpus.skipped == 0, "\(name): \(corpus.diagnostics)")
        #expect(corpus.publications[0].authorIDs.map(\.orcid) == ["0000-0002-8517-9411"], "\(name)")
        #expect(corpus.publications[1].authorIDs.allSatisfy { $0.orcid.isEmpty }, "\(name): \(corpus.publications[1].authorIDs)")
        let warnings = corpus.diagnostics.filter { $0.message.contains("0000-0002-8517-9412") }
        #expect(warnings.count == 1 && warnings.first?.severity == .warning, "\(name): \(corpus.diagnostics)")
        #expect(warnings.first?.message.contains("fails its check digit (its last character would be 1)") == true, "\(name): \(warnings)")
        #expect(warnings.first?.message.contains("Aria") == true, "\(name): \(warnings)")
        #expect(warnings.first?.location?.line ?? 0 > 1, "\(name): \(warnings)")
        let index = AuthorResolver.resolve(corpus.publications, mode: .conservative)
        #expect(index.names.count == 1, "\(name): one person, \(index.names)")
        #expect(index.ids.first?.orcid == "0000-0002-8517-9411", "\(name)")
    }

    /// A mistyped ORCID in an `OI` list (plain text and BibTeX) still spells out the author the
    /// list names (`Li, J` is `Jianan Li`), as a valid one does: the name is the list's, not the
    /// ID's (a review of session 61 found `J Li`).
    @Test(arguments: ["0000-0002-1825-0097", "0000-0002-1825-0098"])
    func aMistypedORCIDStillSpellsOutItsAuthor(orcid: String) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("coauthor-orcid-name-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let plain = "FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\nAU Li, J\nAF Li, J\nTI One\nPY 2017\nOI Li, Jianan/\(orcid)\nUT WOS:1\nER\n\nEF\n"
        let bib = "@article{ WOS:1,\nauthor = {Li, J},\ntitle = {One},\nyear = {2017},\nORCID-Numbers = {Li, Jianan/\(orcid)},\nUnique-ID = {WOS:1},\n}\n"
        for (file, text) in [("w.txt", plain), ("w.bib", bib)] {
            let path = folder.appendingPathComponent(file)
            try Data(text.utf8).write(to: path)
            let corpus = try InputReader.read([path.path])
            #expect(corpus.publications.first?.authors.map(\.displayName) == ["Jianan Li"], "\(file) \(orcid)")
            #expect(corpus.publications.first?.authorIDs.first?.orcid ?? "" == (orcid.hasSuffix("7") ? orcid : ""), "\(file) \(orcid)")
        }
    }
}
