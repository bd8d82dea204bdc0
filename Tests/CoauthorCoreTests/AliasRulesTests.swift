@testable import CoauthorCore
import Testing

/// Alias rules and person records in `AuthorResolver` (SPEC §3).
struct AliasRulesTests {
    private func publications(_ names: [[String]]) -> [Publication] {
        names.enumerated().map { index, authors in
            Publication(key: "p\(index)", type: "article", title: "T\(index)", venue: "", year: 2000 + index,
                        authors: authors.map { NameParser.parseName($0)! },
                        location: SourceLocation(path: "t.bib", line: index + 1, column: 1))
        }
    }

    private func name(_ text: String, line: Int) -> AliasRules.Name {
        AliasRules.Name(text, at: SourceLocation(path: "aliases.yaml", line: line, column: 3))
    }

    @Test func forcedMergesApplyInBothModesWithAliasFileAsEvidence() {
        let rules = AliasRules(merges: [.init(canonical: name("Alexandros G. Dimakis", line: 2),
                                              variants: [name("Alex Dimakis", line: 2), name("A.G. Dimakis", line: 2)])])
        let papers = publications([["Alexandros G. Dimakis"], ["Alex Dimakis", "B Two"], ["A. G. Dimakis"], ["Alexandros G. Dimakis"]])
        for mode in IdentityMode.allCases {
            let index = AuthorResolver.resolve(papers, mode: mode, aliases: rules)
            #expect(Set(index.names) == ["Alexandros G. Dimakis", "B Two"])
            #expect(Set(index.merges.map(\.variant)) == ["Alex Dimakis", "A. G. Dimakis"])
            #expect(index.merges.allSatisfy { $0.reason == "alias file" && $0.into == "Alexandros G. Dimakis" })
            #expect(index.diagnostics.isEmpty)
        }
    }

    /// A name the rules kept apart as ambiguous and an alias file then merges is no longer listed
    /// as kept apart from the names it is one person with (a user trial saw `W. Wang → Wei Wang
    /// [alias file]` beside `W. Wang ≠ Wei Wang, Wen Wang`); lines the file leaves alone stay.
    @Test func aNameAnAliasFileMergesIsNotAlsoKeptApart() {
        let papers = publications([["Wei Wang", "John Smith"], ["W. Wang", "Ann Lee"], ["Wen Wang", "J. Smith"], ["J. Lee", "Jo Lee"],
                                   ["J. Lee", "Jan Lee"]])
        let plain = AuthorResolver.resolve(papers, mode: .conservative)
        let lines = plain.nearMisses.map(\.variant)
        #expect(lines.contains("W. Wang") && lines.contains("J. Lee"), "\(plain.nearMisses)")
        for variants in [["W. Wang"], ["W. Wang", "Wen Wang"]] {
            let rules = AliasRules(merges: [.init(canonical: name("Wei Wang", line: 2), variants: variants.map { name($0, line: 2) })])
            let index = AuthorResolver.resolve(papers, mode: .conservative, aliases: rules)
            #expect(index.merges.contains { $0.variant == "W. Wang" && $0.into == "Wei Wang" && $0.reason == "alias file" })
            #expect(!index.nearMisses.contains { $0.variant == "W. Wang" }, "\(index.nearMisses)")
            #expect(index.nearMisses.map(\.variant) == lines.filter { $0 != "W. Wang" })
        }
    }

    /// An alias file's name is found up to case and accents where no input writes it as it is
    /// written (a user trial of session 51: `alex dimakis` was "no input record", the rule ignored);
    /// where inputs write it in several cases, every such spelling is the rule's.
    @Test(arguments: IdentityMode.allCases)
    func aliasNamesAreFoundUpToCaseAndAccents(mode: IdentityMode) {
        let papers = publications([["Alex Dimakis", "B Two"], ["ALEX DIMAKIS"], ["Alexandros G. Dimakis"], ["Jörg Müller"], ["Jorg Muller"],
                                   ["Jörg Müller", "Ann Able"]])
        let rules = AliasRules(merges: [.init(canonical: name("alexandros g. dimakis", line: 2), variants: [name("alex dimakis", line: 2)])],
                               distinct: [.init(name("Jorg Muller", line: 3), name("ANN ABLE", line: 3))])
        let index = AuthorResolver.resolve(papers, mode: mode, aliases: rules)
        #expect(index.diagnostics.isEmpty, "\(index.diagnostics)")
        let byPaper = index.authorsOfPublication.map { $0.map { Int($0) } }
        let dimakis = byPaper[2][0]
        #expect(byPaper[0].contains(dimakis) && byPaper[1] == [dimakis], "\(index.names)")
        #expect(index.names[dimakis] == "Alexandros G. Dimakis")
        #expect(Set(index.merges.filter { $0.reason == "alias file" }.map(\.variant)) == ["Alex Dimakis", "ALEX DIMAKIS"],
                "\(index.merges)")
        // The distinct pair's names were found (no warning above): `ANN ABLE` up to case.
    }

    /// A `distinct` pair that the inputs give as one name (alike up to case and accents, or joined
    /// by an ID) cannot be kept apart, and a warning says so (a user trial of session 52: it was
    /// ignored unsaid); a canonical name no input writes, typed in lower case, shows the person
    /// capitalised, as the warning says.
    @Test func aDistinctPairOfOneNameIsWarnedAboutAndALowerCaseCanonicalIsCapitalised() {
        let rules = AliasRules(merges: [.init(canonical: name("satoru miyano", line: 2), variants: [name("M. Satoru", line: 2)])],
                               distinct: [.init(name("A. Gogolinska", line: 3), name("A. Gogolińska", line: 3))])
        let index = AuthorResolver.resolve(publications([["A. Gogolińska", "M. Satoru"], ["A. Gogolińska"]]), mode: .conservative, aliases: rules)
        #expect(index.names.contains("Satoru Miyano"), "\(index.names)")
        #expect(AuthorResolver.capitalisedIfLowerCase("jean-pierre o'neil") == "Jean-Pierre O'Neil")
        #expect(AuthorResolver.capitalisedIfLowerCase("Maria de la Cruz") == "Maria de la Cruz")
        // A canonical name an input writes in lower case is shown so.
        let written = AuthorResolver.resolve(publications([["maria de la cruz", "M. de la Cruz"]]), mode: .exact,
                                             aliases: AliasRules(merges: [.init(canonical: name("maria de la cruz", line: 2), variants: [name("M. de la Cruz", line: 2)])]))
        #expect(written.names == ["maria de la cruz"], "\(written.names)")
        #expect(index.diagnostics.map(\.description) == [
            "aliases.yaml:3:3: warning: the alias file lists 'A. Gogolinska' and 'A. Gogolińska' as distinct, but the inputs give them as one name "
                + "(written alike up to case and accents, or joined by an ID they share); they cannot be kept apart",
            "aliases.yaml:2:3: warning: the alias file names 'satoru miyano', which no input record has as an author; "
                + "'M. Satoru', the one name of its list found, is shown as 'Satoru Miyano'",
        ], "\(index.diagnostics)")
    }

    /// A merge's person is shown by the alias file's canonical name, also where another variant
    /// is more frequent, and where no input writes the canonical name at all (a user trial of
    /// session 50: the variants were merged under `OCD BEAUREGARD` while a warning said the rule
    /// was ignored, and `--focus` on the canonical name found nobody).
    @Test(arguments: IdentityMode.allCases)
    func aMergesPersonIsShownByItsCanonicalName(mode: IdentityMode) {
        let papers = publications([["Alex Dimakis", "B Two"], ["Alex Dimakis"], ["Alexandros G. Dimakis"],
                                   ["COSTADEB.O"], ["BEAUREGA.OC", "B Two"], ["OCD BEAUREGARD"]])
        let rules = AliasRules(merges: [
            .init(canonical: name("Alexandros G. Dimakis", line: 2), variants: [name("Alex Dimakis", line: 2)]),
            .init(canonical: name("Olivier Costa de Beauregard", line: 3),
                  variants: [name("COSTADEB.O", line: 3), name("BEAUREGA.OC", line: 3), name("OCD BEAUREGARD", line: 3)]),
        ])
        let index = AuthorResolver.resolve(papers, mode: mode, aliases: rules)
        #expect(index.names == ["Alexandros G. Dimakis", "B Two", "Olivier Costa de Beauregard"], "\(index.names)")
        #expect(index.authorsOfPublication.map { Array($0) } == [[0, 1], [0], [0], [2], [2, 1], [2]])
        #expect(index.merges.allSatisfy { $0.reason == "alias file" && ["Alexandros G. Dimakis", "Olivier Costa de Beauregard"].contains($0.into) },
                "\(index.merges)")
        #expect(Set(index.merges.map(\.variant)) == ["Alex Dimakis", "COSTADEB.O", "BEAUREGA.OC", "OCD BEAUREGARD"], "\(index.merges)")
        #expect(index.diagnostics.map(\.description) == [
            "aliases.yaml:3:3: warning: the alias file names 'Olivier Costa de Beauregard', which no input record has as an author; "
                + "the 3 names of its list found are one person, shown as 'Olivier Costa de Beauregard'",
        ])
    }

    /// A name listed under two canonical names is merged into the first only, with a warning
    /// at its second listing (a user trial of session 50: `Bob Baker` under both `Ann Able` and
    /// `Cid Cole` made the three one person).
    @Test func aNameListedUnderTwoCanonicalNamesGoesToTheFirst() {
        let rules = AliasRules(merges: [.init(canonical: name("Ann Able", line: 2), variants: [name("Bob Baker", line: 2)]),
                                        .init(canonical: name("Cid Cole", line: 3), variants: [name("Bob Baker", line: 3)])])
        let index = AuthorResolver.resolve(publications([["Ann Able", "Bob Baker"], ["Cid Cole", "Dan Dean"]]), mode: .conservative, aliases: rules)
        #expect(index.names == ["Ann Able", "Cid Cole", "Dan Dean"], "\(index.names)")
        #expect(index.merges.map { "\($0.variant) → \($0.into)" } == ["Bob Baker → Ann Able"])
        #expect(index.diagnostics.map(\.description) == [
            "aliases.yaml:3:3: warning: the alias file lists 'Bob Baker' under 'Ann Able' (line 2) and under 'Cid Cole'; it is merged into 'Ann Able' only",
        ])
    }

    @Test func distinctPairsAreNeverMergedByConservativeRules() {
        let papers = publications([["Raghunandan H. Keshavan"], ["R. H. Keshavan"], ["Jörg Müller"], ["Jorg Muller"]])
        #expect(AuthorResolver.resolve(papers, mode: .conservative).names.count == 2)
        let rules = AliasRules(distinct: [.init(name("Raghunandan H. Keshavan", line: 4), name("R. H. Keshavan", line: 4)),
                                          .init(name("Jörg Müller", line: 5), name("Jorg Muller", line: 5))])
        let index = AuthorResolver.resolve(papers, mode: .conservative, aliases: rules)
        #expect(index.names.count == 4)
        #expect(index.merges.isEmpty)
        #expect(index.nearMisses.filter { $0.reason.contains("alias file") }.count == 2)
    }

    @Test func distinctWinsOverAForcedMergeAndUnknownNamesAreWarnedAtTheirLine() {
        let rules = AliasRules(merges: [.init(canonical: name("Wei Wang", line: 2), variants: [name("Wei Wang 0001", line: 2)]),
                                        .init(canonical: name("Nobody Here", line: 3), variants: [])],
                               distinct: [.init(name("Wei Wang", line: 5), name("Wei Wang 0001", line: 5))])
        let index = AuthorResolver.resolve(publications([["Wei Wang"], ["Wei Wang 0001"]]), mode: .conservative, aliases: rules)
        #expect(index.names.count == 2)
        #expect(index.diagnostics.map(\.description) == [
            "aliases.yaml:2:3: warning: the alias file merges 'Wei Wang 0001' into 'Wei Wang' but also lists them as distinct; they are kept apart",
            "aliases.yaml:3:3: warning: the alias file names 'Nobody Here', which no input record has as an author; check the spelling (the rule is ignored for it)",
        ])
    }

    /// A forced merge of two people whose IDs of one kind differ is refused, in both modes, with
    /// a warning that says why; a forced merge of an identified name and an ID-less one is made.
    @Test(arguments: IdentityMode.allCases)
    func aForcedMergeOfDifferentIDsIsRefusedWithItsReason(mode: IdentityMode) {
        var papers = publications([["Massimo Aria"], ["Marco Aria"], ["M. Aria"]])
        papers[0].extras.authorIDs = [AuthorIDs(orcid: "0000-0002-8517-9411")]
        papers[1].extras.authorIDs = [AuthorIDs(orcid: "0000-0001-1111-1011")]
        let rules = AliasRules(merges: [.init(canonical: name("Massimo Aria", line: 2), variants: [name("Marco Aria", line: 2), name("M. Aria", line: 2)])])
        let index = AuthorResolver.resolve(papers, mode: mode, aliases: rules)
        #expect(index.names.count == 2, "\(index.names)")
        #expect(index.merges.map(\.variant) == ["M. Aria"], "\(index.merges)")
        #expect(index.diagnostics.map(\.description) == [
            "aliases.yaml:2:3: warning: the alias file merges 'Marco Aria' into 'Massimo Aria', but their IDs of one kind differ; they are kept apart",
        ])
    }

    @Test func personRecordsMergeInConservativeModeOnlyAndRespectDistinct() {
        let papers = publications([["Wei Wang 0001"], ["W. Wang 0001", "Xin Li"], ["Wei Wang 0002"]])
        let record = PersonRecord(names: [NameParser.parseName("Wei Wang 0001")!, NameParser.parseName("W. Wang 0001")!],
                                  location: SourceLocation(path: "d.xml", line: 9, column: 1))
        let merged = AuthorResolver.resolve(papers, mode: .conservative, personRecords: [record])
        #expect(merged.names.count == 3)
        #expect(merged.merges.contains { $0.variant == "W. Wang 0001" && $0.reason == "DBLP person record at d.xml:9:1" })
        #expect(AuthorResolver.resolve(papers, mode: .exact, personRecords: [record]).names.count == 4)
        let rules = AliasRules(distinct: [.init(name("Wei Wang 0001", line: 1), name("W. Wang 0001", line: 1))])
        #expect(AuthorResolver.resolve(papers, mode: .conservative, aliases: rules, personRecords: [record]).names.count == 4)
    }
}
