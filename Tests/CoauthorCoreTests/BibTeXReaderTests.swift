@testable import CoauthorCore
import Foundation
import Testing

struct BibTeXReaderTests {
    @Test func readsBothNameOrdersAndLaTeXAccents() throws {
        let corpus = try readBibTeX(#"""
            @article{a, author = {M{\"u}ller, J{\"o}rg and Fran\c{c}ois Vi\`{e}te and \v{S}imon {\O}stergaard
                                  and Ma{\l}gorzata Kowalska and \'{\i}rea Smith and de la Fontaine, Jean and {\AA}sa Ek},
               title = {On {CRISPR} -- things}, journal = {J}, year = 2020}
            """#)
        let names = corpus.publications[0].authors.map(\.displayName)
        #expect(names == ["Jörg Müller", "François Viète", "Šimon Østergaard", "Małgorzata Kowalska", "írea Smith",
                          "Jean de la Fontaine", "Åsa Ek"])
        #expect(corpus.publications[0].authors[5].von == "de la")
        #expect(corpus.publications[0].authors[5].last == "Fontaine")
        #expect(corpus.publications[0].title == "On CRISPR – things")
        #expect(corpus.publications[0].year == 2020)
    }

    /// `\~` in a name is the tilde accent, braced or not; a bare `~` is a tie between words (a user
    /// trial of session 59 got `José Pe na`).
    @Test func aTildeAccentInANameIsNoTie() throws {
        let corpus = try readBibTeX(#"""
            @article{a, author = {Pe\~na, Jos\'e and Nu\~nez, Luis and Mu\~{n}oz, Rosa and {\~N}u{\~n}ez, Ana and Donald~E. Knuth},
               title = {T}, journal = {J}, year = 2020}
            """#)
        let names = corpus.publications[0].authors.map(\.displayName)
        #expect(names == ["José Peña", "Luis Nuñez", "Rosa Muñoz", "Ana Ñuñez", "Donald E. Knuth"])
        #expect(corpus.publications[0].authors[4].first == "Donald E.")
    }

    @Test(arguments: [
        (#"{\"o}"#, "ö"), (#"\"{o}"#, "ö"), (#"\"o"#, "ö"), (#"\'\i"#, "í"), (#"\c{c}"#, "ç"), (#"\v{s}"#, "š"),
        (#"\H{o}"#, "ő"), (#"\k{a}"#, "ą"), (#"\u{g}"#, "ğ"), (#"\={a}"#, "ā"), (#"\.{z}"#, "ż"), (#"\~{n}"#, "ñ"),
        (#"\^{o}"#, "ô"), (#"\`{e}"#, "è"), (#"\ss"#, "ß"), (#"\o"#, "ø"), (#"\O"#, "Ø"), (#"\aa"#, "å"), (#"\AA"#, "Å"),
        (#"\ae"#, "æ"), (#"\AE"#, "Æ"), (#"\oe"#, "œ"), (#"\OE"#, "Œ"), (#"\l"#, "ł"), (#"\L"#, "Ł"), (#"\i"#, "ı"),
        (#"\j"#, "ȷ"), ("a~b", "a b"), ("1--2", "1–2"), ("a---b", "a—b"), (#"A \& B"#, "A & B"), ("$x$", "x"),
        (#"\c c"#, "ç"), (#"\emph{word}"#, "word"), (#"{\'E}cole"#, "École"),
    ])
    func decodesLaTeX(input: String, expected: String) {
        #expect(LaTeX.decode(input) == expected)
    }

    /// A key repeated on a copy of the paper (its title alike up to case and markup) is a
    /// duplicate, the first kept; on another paper it is an error, its entry skipped, so that
    /// `--strict` fails (a user trial of session 50 lost a paper under `--strict` to a warning).
    @Test func aKeyRepeatedOnAnotherPaperIsAnError() throws {
        let corpus = try readBibTeX("""
            @article{a, author = {Alice Smith and Bob Jones}, title = {On {T}rees}, year = 2020}
            @article{a, author = {Alice Smith and Bob Jones}, title = {On trees}, year = 2020}
            @article{a, author = {Carl X and Dan Y}, title = {Other}, year = 2021}
            """)
        #expect(corpus.publications.map(\.title) == ["On Trees"])
        #expect(corpus.records == 3 && corpus.duplicates == 1 && corpus.skipped == 1)
        #expect(corpus.diagnostics.map(\.description) == [
            "test.bib:2:1: warning: duplicate citation key 'a'; the first entry is kept",
            "test.bib:3:1: error: the citation key 'a' is already another paper's; this entry is skipped (give it a key of its own)",
        ])
    }

    /// A year no timeline can place is said where it is written, and one far from any calendar
    /// is read as written with a warning; `n.d.` and `forthcoming` say a paper has no year yet,
    /// and pass without one (a user trial of session 53: `year = {20198}` was only counted).
    @Test func yearsThatCannotBePlacedAreNamed() throws {
        let corpus = try readBibTeX("""
            @article{a, author = {A One and B Two}, title = {T1}, year = {20198}}
            @article{b, author = {A One and C Three}, title = {T2}, year = {n.d.}}
            @article{c, author = {A One and D Four}, title = {T3},
              year = {Forthcoming}}
            @article{d, author = {A One and E Five}, title = {T4}, year = {0019}}
            @article{e, author = {A One and F Six}, title = {T5}, date = {spring}}
            @article{f, author = {A One and G Seven}, title = {T6}, year = {2019a}}
            @article{g, author = {A One and H Eight}, title = {T7}}
            @article{h, author = {A One and I Nine}, title = {T8}, year = {n.d.},
              date = {0019-05-01}}
            @inproceedings{i, author = {A One and J Ten}, title = {T9}, crossref = {vol}}
            @inproceedings{j, author = {A One and K Eleven}, title = {T10}, crossref = {vol}}
            @proceedings{vol, title = {Proceedings}, year = {20o9}}
            """)
        #expect(corpus.publications.map(\.year) == [nil, nil, nil, 19, nil, 2019, nil, 19, nil, nil])
        let placing = "holds no year of four digits; the paper counts in every total but in no year (timelines, --from, --to)"
        #expect(corpus.diagnostics.map(\.description) == [
            "test.bib:1:62: warning: entry 'a': '20198' \(placing)",
            "test.bib:5:63: warning: entry 'd': the year 0019 is outside 1000–2100, likely a typing error; it is read as written, and timelines run from the first year to the last",
            "test.bib:6:62: warning: entry 'e': 'spring' \(placing)",
            "test.bib:10:10: warning: entry 'h': the year 0019 is outside 1000–2100, likely a typing error; it is read as written, and timelines run from the first year to the last",
            "test.bib:13:49: warning: entry 'i': '20o9' \(placing)",
        ])
    }

    /// Text commands for ASCII characters keep them (a user trial of session 50: `\textquotesingle`
    /// was dropped, and `O'Brien` read as `OBrien`).
    @Test func textCommandsForASCIICharactersKeepThem() throws {
        let corpus = try readBibTeX(#"@article{a, author = {O{\textquotesingle}Brien, Sean and Ann Lee}, title = {a\textunderscore b \textless c}, year = 2020}"#)
        #expect(corpus.publications.first?.authors.map(\.displayName) == ["Sean O'Brien", "Ann Lee"])
        // (A control word's blank ends it, as in TeX.)
        #expect(corpus.publications.first?.title == "a_b <c", "\(corpus.publications.first?.title ?? "")")
    }

    /// `and` twice in a row is an empty name between, dropped with a warning, not an author
    /// `and Bob`; a name with more than two commas is read as BibTeX reads it, with a warning
    /// (both from a user trial of session 50, where they passed in silence).
    @Test func doubledAndAndExtraCommasAreWarnedAbout() throws {
        let corpus = try readBibTeX("@article{a, author = {Smith and and Bob Ray and Jones, Bob, Jr, Extra and {A, B}, C}, title = {T}, year = 2020}")
        #expect(corpus.publications.first?.authors.map(\.displayName) == ["Smith", "Bob Ray", "Jr Extra Jones, Bob", "C A, B"])
        let ends = try readBibTeX("@article{b, author = { and Smith, John and Ann Lee and }, title = {T}, year = 2020}")
        #expect(ends.publications.first?.authors.map(\.displayName) == ["John Smith", "Ann Lee"])
        #expect(ends.diagnostics.map(\.message) == [
            "entry 'b': the author list starts with 'and'; the empty name before it is dropped",
            "entry 'b': the author list ends with 'and'; the empty name after it is dropped",
        ])
        // Without a blank outside the `and` (they made the people `and B Two` and `B Two and`: a
        // user trial of session 53).
        for (list, place) in [("and B Two", "starts"), ("B Two and", "ends")] {
            let bare = try readBibTeX("@article{c, author = {\(list)}, title = {T}, year = 2020}")
            #expect(bare.publications.first?.authors.map(\.displayName) == ["B Two"], "\(list)")
            #expect(bare.diagnostics.map(\.message).first?.hasPrefix("entry 'c': the author list \(place) with 'and'") == true, "\(bare.diagnostics)")
        }
        #expect(try readBibTeX("@article{d, author = {Andersen and Anders Andy}, title = {T}, year = 2020}").publications.first?.authors.count == 2)
        // Thousands of empty names: one warning for them, in linear time (each made the field's
        // text again, 22 s for 40,000, with a warning each: a hostile-input trial of session 55).
        let many = try readBibTeX("@article{e, author = {" + String(repeating: " and ", count: 40_000) + "Ann Lee and Bo Chan}, title = {T}, year = 2020}")
        #expect(many.publications.first?.authors.map(\.displayName) == ["Ann Lee", "Bo Chan"])
        #expect(many.diagnostics.map(\.message) == [
            "entry 'e': the author list starts with 'and'; the empty name before it is dropped",
            "entry 'e': 'and' twice in a row 39999 times in the author list; the empty names between are dropped",
        ])
        #expect(corpus.diagnostics.map(\.message) == [
            "entry 'a': 'and' twice in a row in the author list; the empty name between is dropped",
            "entry 'a': the author 'Jones, Bob, Jr, Extra' has more than two commas; read as BibTeX reads 'von Last, Jr, First', as 'Jr Extra Jones, Bob' (brace a comma that belongs to a name: {,})",
        ])
    }

    /// Scopus BibTeX of every generation: `affiliations` or, in older exports, a one-line
    /// `affiliation`, the paper's addresses; `note = {Cited by: 10}` or `{cited By 7}`, read
    /// also without any other database field; a `note` of another kind is no count (a review of
    /// session 50 found the older exports' addresses read as one Web of Science line, a paper in
    /// Poland and Germany counted as Germany's alone).
    @Test func scopusBibTeXOfEveryGenerationGivesAddressesAndCounts() throws {
        let corpus = try readBibTeX("""
            @ARTICLE{old, author={Nowak, A. and Schmidt, B.}, title={Old}, year={2015},
              affiliation={Koszalin University of Technology, Koszalin, Poland; Technische Universit{\\"a}t Berlin, Berlin, Germany},
              note={cited By 7}, source={Scopus}}
            @ARTICLE{new, author={Nowak, A. and Lee, C.}, title={New}, year={2021}, note={Cited by: 10; All Open Access}}
            @inproceedings{other, author={Ann Lee and Bob Ray}, title={Third}, year={2020}, note={Withdrawn.}}
            """)
        #expect(corpus.publications.count == 3)
        guard corpus.publications.count == 3 else { return }
        let old = corpus.publications[0]
        #expect(old.extras.addresses.map(\.raw) == ["Koszalin University of Technology, Koszalin, Poland", "Technische Universität Berlin, Berlin, Germany"])
        #expect(old.extras.addresses.map(\.country) == ["Poland", "Germany"])
        #expect(old.extras.citedBy == 7)
        #expect(corpus.publications[1].extras.citedBy == 10 && corpus.publications[1].extras.addresses.isEmpty)
        #expect(corpus.publications[2].extras.citedBy == nil)
        #expect(BibTeXReader.scopusCitedBy("Cited by:52") == 52 && BibTeXReader.scopusCitedBy("cited By 0") == 0)
        #expect(BibTeXReader.scopusCitedBy("Cited by") == nil && BibTeXReader.scopusCitedBy("Citations: 4") == nil)
    }

    @Test func decodedTextIsNFC() {
        let decoded = LaTeX.decode(#"\"u"#)
        #expect(decoded.unicodeScalars.count == 1)
    }

    @Test func expandsStringsConcatenationQuotesAndMonths() throws {
        let corpus = try readBibTeX(#"""
            @string{conf = "Conference on " # {Things}}
            @STRING(pre = {Proc. })
            @InProceedings(k1,
              AUTHOR = "Ann {van} Berg and Bo Li",
              booktitle = pre # conf,
              title = "A {"}quoted{"} title",
              month = jan,
              year = "1999"
            )
            """#)
        let publication = try #require(corpus.publications.first)
        #expect(publication.type == "inproceedings")
        #expect(publication.venue == "Proc. Conference on Things")
        #expect(publication.year == 1999)
        #expect(publication.title == #"A "quoted" title"#)
        // Braces protect: {van} is not a von particle.
        #expect(publication.authors[0].last == "Berg")
        #expect(publication.authors[0].first == "Ann van")
    }

    /// `et al.` (in any case, with or without dots) ends a RIS list as `others` does: no author
    /// called `et al.` (a user trial of session 59 found one, a hub of the network). BibTeX reads
    /// `others` alone, as BibTeX does: DBLP writes `et al.` as an author (dblp-2016-topvenues has
    /// one), and the datasets' verified counts count it.
    @Test func etAlIsNoAuthor() throws {
        let bib = try readBibTeX("@article{a, author={Smith, John and others}, year=2001}\n@article{b, author={Lee, Ann and et al.}, year=2002}\n")
        #expect(bib.publications.map { $0.authors.map(\.displayName) } == [["John Smith"], ["Ann Lee", "et al."]])
        #expect(bib.publications.map(\.hasTruncatedAuthors) == [true, false])
        let ris = RISReader.read(bytes: Array("TY  - JOUR\nAU  - Smith, John\nAU  - et al.\nPY  - 2001\nER  - \nTY  - JOUR\nAU  - Lee, Ann\nAU  - Others\nPY  - 2002\nER  - \nTY  - JOUR\nAU  - Roe, Rick\nPY  - 2003\nER  - \n".utf8), path: "e.ris")
        #expect(ris.publications.map { $0.authors.map(\.displayName) } == [["John Smith"], ["Ann Lee"], ["Rick Roe"]])
        #expect(ris.publications.map(\.hasTruncatedAuthors) == [true, true, false])
        #expect(["et al", "ET. AL.", "others", "et alii"].allSatisfy(ExportValues.saysMoreAuthors)
                && !["Etal", "Otters", "et alibi", "al et", "e tal"].contains(where: ExportValues.saysMoreAuthors))
    }

    @Test func handlesNameFormsJrAndOthers() throws {
        let corpus = try readBibTeX(#"@misc{k, author = {King, Jr, Martin Luther and von Neumann, John and Wei Wang 0001 and others}, year = {2001}}"#)
        let authors = corpus.publications[0].authors
        #expect(authors.count == 3)
        #expect(authors[0].jr == "Jr" && authors[0].last == "King" && authors[0].first == "Martin Luther")
        #expect(authors[0].displayName == "Martin Luther King, Jr")
        #expect(authors[1].von == "von" && authors[1].last == "Neumann")
        #expect(authors[2].homonym == "0001" && authors[2].last == "Wang" && authors[2].first == "Wei")
        #expect(corpus.publications[0].hasTruncatedAuthors)
    }

    @Test func mergesDuplicateAuthorFieldsAndKeepsFirstOtherField() throws {
        let corpus = try readBibTeX("@article{k, author = {A One}, author = {B Two}, title = {First}, title = {Second}, year = 2000}")
        #expect(corpus.publications[0].authors.map(\.last) == ["One", "Two"])
        #expect(corpus.publications[0].title == "First")
        #expect(corpus.diagnostics.contains { $0.severity == .warning && $0.message.contains("repeats the field 'title'") })
    }

    @Test func inheritsYearFromCrossrefAndSkipsEditorOnlyRecords() throws {
        let corpus = try readBibTeX("""
            @inproceedings{child, author = {A One and B Two}, title = {T}, crossref = {conf}}
            @proceedings{conf, editor = {E Ditor}, title = {Proceedings of Things}, year = {2011}}
            """)
        #expect(corpus.records == 2)
        #expect(corpus.publications.count == 1)
        #expect(corpus.publications[0].year == 2011)
        #expect(corpus.publications[0].venue == "Proceedings of Things")
    }

    @Test func readsBiblatexDateAndEqualContribution() throws {
        let corpus = try readBibTeX("@online{k, author = {A One and B Two}, author+an = {1=equal;2=equal}, date = {2021-05-04}}")
        #expect(corpus.publications[0].year == 2021)
        #expect(corpus.publications[0].equalContributors == [1, 2])
    }

    @Test func keepsFirstOfRepeatedKeysAndCommentsAreIgnored() throws {
        let corpus = try readBibTeX("""
            Free text is a comment. @comment{ignored, author = {X Y}}
            @article{k, author = {A One}, year = 2000}
            @article{k, author = {B Two}, year = 2001}
            @preamble{"\\newcommand{\\x}{y}"}
            """)
        #expect(corpus.publications.map(\.key) == ["k"])
        #expect(corpus.publications[0].authors[0].last == "One")
        #expect(corpus.duplicates == 1)
    }

    @Test func reportsMissingCommaWithLocationAndKeepsTheRest() throws {
        let text = """
            @article{good1, author = {A One}, year = 2000}
            @article{bad, author = {B Two}
               title = {T}, year = 2001}
            @article{good2, author = {C Three}, year = 2002}
            """
        let corpus = try readBibTeX(text, path: "x.bib")
        #expect(corpus.publications.map(\.key) == ["good1", "good2"])
        #expect(corpus.skipped == 1)
        #expect(corpus.records == 3)
        let error = try #require(corpus.diagnostics.first { $0.severity == .error })
        #expect(error.location?.line == 3)
        #expect(error.location?.column == 4)
        #expect(error.description.hasPrefix("x.bib:3:4: error: expected ',' or '}' after the field 'author'"))
    }

    @Test func reportsUnbalancedBracesAtTheOpeningBrace() throws {
        let corpus = try readBibTeX("@article{k, author = {A {One, year = 2000}\n\n@article{ok, author = {B Two}}\n", path: "u.bib")
        #expect(corpus.publications.map(\.key) == ["ok"])
        let error = try #require(corpus.diagnostics.first { $0.severity == .error })
        #expect(error.location?.line == 1)
        #expect(error.message.contains("never closed"))
    }

    @Test func rejectsInvalidUTF8WithByteOffset() {
        var bytes = Array("@article{k, author = {A One}}\n@article{m, author = {M".utf8)
        bytes.append(0xFF)
        bytes += Array("ller}}".utf8)
        #expect {
            _ = try BibTeXReader.read(bytes: bytes, path: "l.bib")
        } throws: { error in
            guard let error = error as? BibTeXReader.ReadError, case .invalidUTF8(let location) = error else { return false }
            return location.byteOffset == 53 && location.line == 2 && location.column == 24
        }
    }

    @Test func survivesDeepNestingAndEmptyInput() throws {
        let deep = "@article{k, author = {A One}, title = {" + String(repeating: "{", count: 200_000)
            + String(repeating: "}", count: 200_000) + "}, year = 2000}"
        let corpus = try readBibTeX(deep)
        #expect(corpus.publications.count == 1)
        #expect(try readBibTeX("").records == 0)
        let unclosed = try readBibTeX("@article{k, title = {" + String(repeating: "{", count: 200_000))
        #expect(unclosed.skipped == 1)
    }

    @Test func undefinedMacroIsAWarning() throws {
        let corpus = try readBibTeX("@article{k, author = {A One}, journal = nosuchmacro, year = 2000}")
        #expect(corpus.publications.count == 1)
        #expect(corpus.diagnostics.contains { $0.severity == .warning && $0.message.contains("undefined macro 'nosuchmacro'") })
    }

    /// A parsed field takes 24 bytes (a DBLP-size file holds millions until its entries are
    /// interpreted), and its name's hash, now recomputed from the bytes, still finds a repeated
    /// field however its name is written (capitals, runs of blanks as Web of Science writes them).
    @Test func fieldsAreSmallAndRepeatsAreFoundFromTheirNames() throws {
        #expect(MemoryLayout<BibTeXField>.stride == 24)
        let corpus = try readBibTeX("""
            @article{k, author = {A One}, Early Access Date = {{NOV 2021}}, early  access   date = {DEC 2021},
              PAGES = {1--2}, pages = {3}, title = {T}, year = 2000}
            """)
        #expect(corpus.publications.count == 1)
        let repeats = corpus.diagnostics.filter { $0.message.contains("repeats the field") }.map(\.message)
        #expect(repeats.count == 2, "\(repeats)")
        #expect(repeats.contains { $0.contains("'early access date'") } && repeats.contains { $0.contains("'pages'") }, "\(repeats)")
    }

    /// Fields the reader does not interpret are not kept by the parser, which notes their repeats
    /// itself: the warnings still come once per field name, in the order the file repeats them,
    /// interleaved with those of interpreted fields, and counted over entries.
    @Test func repeatsOfKeptAndUnkeptFieldsAreReportedInFileOrder() throws {
        let corpus = try readBibTeX("""
            @article{a, author = {A One}, pages = {1}, pages = {2}, title = {T}, title = {U}, url = {x}, pages = {3}, url = {y}}
            @article{b, author = {B Two}, url = {x}, url = {y}, year = 2000, year = 2001}
            """)
        #expect(corpus.publications.count == 2)
        let repeats = corpus.diagnostics.filter { $0.message.contains("repeats the field") }.map(\.message)
        #expect(repeats.count == 4, "\(repeats)")
        guard repeats.count == 4 else { return }
        #expect(repeats[0].hasPrefix("entry 'a' repeats the field 'pages'") && !repeats[0].contains("entries"), "\(repeats[0])")
        #expect(repeats[1].hasPrefix("entry 'a' repeats the field 'title'"), "\(repeats[1])")
        #expect(repeats[2].hasPrefix("entry 'a' repeats the field 'url'") && repeats[2].contains("(2 entries in this file repeat 'url')"), "\(repeats[2])")
        #expect(repeats[3].hasPrefix("entry 'b' repeats the field 'year'"), "\(repeats[3])")
    }

    /// A field name of 64 KiB or more (a missing '=' or comma, say) is a located error that skips
    /// its entry, not a crash; the next entry is read.
    @Test func aFieldNameOf64KiBIsALocatedError() throws {
        let name = String(repeating: "n", count: 70_000)
        let corpus = try readBibTeX("@article{big, author = {A One}, \(name) = {x}}\n@article{next, author = {B Two}, year = 2001}\n")
        #expect(corpus.publications.map(\.key) == ["next"])
        let error = corpus.diagnostics.first { $0.severity == .error }
        #expect(error?.message.contains("64 KiB or longer (70000 bytes)") == true, "\(corpus.diagnostics.map(\.message))")
        #expect(error?.location?.line == 1 && error?.location?.column == 33, "\(String(describing: error?.location))")
    }
}
