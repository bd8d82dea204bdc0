@testable import CoauthorCore
import Foundation
import Testing

/// The BibTeX and RIS that bibliographic databases export, read as bibtexparser and the
/// databases' own importers read them (issue #14): field names and keys with blanks, double
/// braces, CR/CRLF/stray CR line ends and byte-order marks, with nothing lost that BibTeX reads.
struct ExportBibTeXRISTests {
    private func bib(_ text: String) throws -> Corpus {
        try BibTeXReader.read(bytes: Array(text.utf8), path: "t.bib")
    }

    @Test func webOfScienceFieldNamesWithBlanksAreOneField() throws {
        let corpus = try bib("""
            @article{ WOS:000712345600001,
            Author = {Aria, Massimo and Cuccurullo, Corrado},
            Title = {{bibliometrix}: An R-tool},
            Early Access Date = {{NOV 2021}},
            Web-of-Science-Categories  = {Computer Science},
            Year = {{2021}},
            DOI = {10.1016/j.joi.2017.08.007},
            }
            """)
        #expect(corpus.skipped == 0, "\(corpus.diagnostics)")
        #expect(corpus.diagnostics.filter { $0.severity == .error }.isEmpty)
        let paper = try #require(corpus.publications.first)
        #expect(paper.key == "WOS:000712345600001")
        #expect(paper.authors.map(\.displayName) == ["Massimo Aria", "Corrado Cuccurullo"])
        #expect(paper.year == 2021)
        #expect(paper.title == "bibliometrix: An R-tool")
    }

    /// Web of Science's BibTeX escapes a DOI's underscores (`10.1007/978-3-319-59421-7\_28`, as in
    /// `pybibx-wos_m.bib`): the DOI is the one Scopus writes plainly, and braces group nothing in
    /// it. Nothing else in it is decoded (a LaTeX dash, an accent).
    @Test(arguments: [
        ("{10.1007/978-3-319-59421-7\\_28}", "10.1007/978-3-319-59421-7_28"),
        ("{{10.1000/{ABC}\\%20x\\&y\\#z}}", "10.1000/ABC%20x&y#z"),
        ("{10.1000/a--b\\'e}", "10.1000/a--b\\'e"),
        ("{ 10.1000/plain }", "10.1000/plain"),
    ])
    func aBibTeXDOIHasItsEscapesUndone(value: String, doi: String) throws {
        let corpus = try bib("@article{k, author = {Aria, Massimo}, title = {T}, year = {2017}, doi = \(value)}\n")
        let paper = try #require(corpus.publications.first)
        #expect(paper.doi == doi)
    }

    @Test func webOfScienceBibTeXGivesORCIDsResearcherIDsAndTheUT() throws {
        let corpus = try bib("""
            @article{ WOS:000278542800018,
            Author = {Antonio Gomez-Ruiz, Jose and Karanik, Marcelo and Ignacio Pelaez, Jose},
            Year = {2010},
            ResearcherID-Numbers = {Gomez-Ruiz, Jose Antonio/K-7689-2014
               Pelaez, Jose I/O-9450-2016
               },
            ORCID-Numbers = {Gomez-Ruiz, Jose Antonio/0000-0001-7469-8112
               Pelaez, Jose I/0000-0002-2606-3849
               Karanik, Marcelo/0000-0001-8848-3681},
            Unique-ID = {WOS:000278542800018},
            }
            @article{plain, author = {A. B}, year = 2000}
            """)
        let paper = try #require(corpus.publications.first)
        #expect(paper.authorIDs.map(\.orcid) == ["0000-0001-7469-8112", "0000-0001-8848-3681", "0000-0002-2606-3849"])
        #expect(paper.authorIDs.map(\.researcherID) == ["K-7689-2014", "", "O-9450-2016"])
        #expect(paper.extras.ut == "WOS:000278542800018")
        #expect(!corpus.publications[1].hasExtras)
    }

    /// An author written with initials alone that the ID lists name in full is spelled out, as
    /// Web of Science's plain text is (`A Kara` stood beside `Ali Kara` of the list: a user trial
    /// of session 57), and resolution, which reads the reader's name table, names them so too.
    @Test func webOfScienceBibTeXSpellsOutInitialsTheListsGiveInFull() throws {
        let corpus = try bib("""
            @article{ WOS:1,
            Author = {Kara, A. and Smith, J and Bozoki, S},
            Year = {2010},
            ResearcherID-Numbers = {Kara, Ali/AHB-9353-2022},
            ORCID-Numbers = {Kara, Ali/0000-0003-4050-4222
               Bozoki, Sandor/0000-0003-4170-4613
               Smith, Paul/0000-0001-0000-0041},
            Unique-ID = {WOS:1},
            }
            @article{ WOS:2, Author = {Kara, A.}, Year = {2011}, Unique-ID = {WOS:2}}
            """)
        let paper = try #require(corpus.publications.first)
        #expect(paper.authors.map(\.displayName) == ["Ali Kara", "J Smith", "Sandor Bozoki"], "\(paper.authors)")
        #expect(paper.authorIDs.map(\.orcid) == ["0000-0003-4050-4222", "", "0000-0003-4170-4613"])
        #expect(corpus.publications[1].authors.map(\.displayName) == ["A. Kara"])
        let table = try #require(corpus.internedAuthors)
        #expect(table.ids[0..<3].map { table.names[Int($0)].displayName } == ["Ali Kara", "J Smith", "Sandor Bozoki"])
        let index = AuthorResolver.resolve(corpus, mode: .conservative)
        #expect(index.names.contains("Ali Kara") && index.names.contains("Sandor Bozoki") && !index.names.contains("S. Bozoki"), "\(index.names)")
    }

    @Test func aRepeatedFieldNameWithBlanksIsStillOneNameForTheWarning() throws {
        let corpus = try bib("@article{k, author = {A. Smith}, Early  Access Date = {x}, early access date = {y}, year = 2020}")
        #expect(corpus.publications.count == 1)
        #expect(corpus.diagnostics.contains { $0.message.contains("early access date") }, "\(corpus.diagnostics)")
    }

    @Test func scopusCitationKeysWithBlanksKeepTheEntry() throws {
        let corpus = try bib("""
            Scopus
            EXPORT DATE: 08 July 2023

            @ARTICLE{Carmone Jr.1997538,
            \tauthor = {Carmone Jr., Frank J. and Kara, Ali},
            \tyear = {1997}
            }
            @ARTICLE{Plain1998,
            \tauthor = {Other, Ann},
            \tyear = {1998}
            }
            """)
        #expect(corpus.skipped == 0, "\(corpus.diagnostics)")
        #expect(corpus.publications.map(\.key) == ["Carmone Jr.1997538", "Plain1998"])
        // BibTeX's own rule for `Carmone Jr., Frank J.` (two parts: von Last, First).
        #expect(corpus.publications[0].authors.first?.last == "Carmone Jr.")
    }

    @Test func aKeyFollowedByAFieldOnTheSameLineIsStillAMissingComma() throws {
        // `@article{key title = …`: the blank does not swallow the field (there is an '=').
        let corpus = try bib("@article{key title = {T}, author = {A. B}}\n@article{ok, author = {C. D}, year = 2000}\n")
        #expect(corpus.skipped == 1)
        #expect(corpus.publications.map(\.key) == ["ok"])
        #expect(corpus.diagnostics.contains { $0.severity == .error && $0.message.contains("expected ','") })
    }

    @Test func risLinesWrappedWithoutATagContinueTheValue() {
        let text = "TY  - JOUR\r\nAU  - Kogge, P.\r\nTI  - A title that\r\n   wraps   over\r\nthree lines\r\nER  - \r\n"
        let corpus = RISReader.read(bytes: Array(text.utf8), path: "w.ris")
        #expect(corpus.publications.map(\.title) == ["A title that wraps over three lines"])
    }

    @Test func ieeeRISWithCRLFAndAStrayCRReadsEveryRecord() {
        let text = "\u{FEFF}TY  - JOUR\r\nAU  - Kogge, P.\r\nAU  - Shalf, J.\r\nTI  - Exascale\r\nPY  - 2013\r\nER  - \r\r\n"
            + "TY  - CONF\r\nAU  - Doe, J.\r\nTI  - Second\r\nPY  - 2014\r\nER  - \r\r\n"
            + "TY  - JOUR\rAU  - Roe, R.\rTI  - Third (old Mac line ends)\rPY  - 2015\rER  - \r"
        let corpus = RISReader.read(bytes: Array(text.utf8), path: "ieee.ris")
        #expect(corpus.diagnostics.isEmpty, "\(corpus.diagnostics)")
        #expect(corpus.records == 3)
        #expect(corpus.publications.map(\.title) == ["Exascale", "Second", "Third (old Mac line ends)"])
        #expect(corpus.publications.map { $0.authors.count } == [2, 1, 1])
        #expect(corpus.publications.map(\.year) == [2013, 2014, 2015])
        // Line numbers count a CRLF as one break and a lone CR as one.
        #expect(corpus.publications.map(\.location.line) == [1, 8, 14])
    }
}
