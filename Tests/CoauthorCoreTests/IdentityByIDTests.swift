@testable import CoauthorCore
import Foundation
import Testing

/// SPEC §3, IDs first: the same ID is one person whatever the spelling; different IDs of one
/// kind are never merged; an ID-less name joins an identified person only when unambiguous.
struct IdentityByIDTests {
    private let massimo = "0000-0002-8517-9411"
    private let marco = "0000-0001-1111-1011"

    private func paper(_ key: String, _ authors: [(String, AuthorIDs)]) -> Publication {
        var publication = Publication(key: key, type: "article", title: key, venue: "", year: 2020,
                                      authors: authors.map { NameParser.parsePlainName($0.0)! },
                                      location: SourceLocation(path: "t", line: 1, column: 1))
        if authors.contains(where: { !$0.1.isEmpty }) { publication.extras.authorIDs = authors.map(\.1) }
        return publication
    }

    private func person(_ index: AuthorIndex, _ name: String) -> Int? { index.names.firstIndex(of: name) }

    /// `names`' header counts as many name variants as people and merges listed: a spelling that
    /// identity by ID gives its person's name counts (it was left out, so `names` said 220
    /// variants, 220 people beside 4 merges: a user trial of session 51), once where the same
    /// spelling is also written without the ID, and names alike up to the punctuation of
    /// initials are one variant in exact mode too (they were two, with no merge listed).
    @Test(arguments: IdentityMode.allCases)
    func theNameVariantsAreThePeopleAndTheirMerges(mode: IdentityMode) {
        let papers = [paper("p1", [("Massimo Aria", AuthorIDs(orcid: massimo)), ("A.B. Smith", AuthorIDs())]),
                      paper("p2", [("M. Aria", AuthorIDs(orcid: massimo)), ("A. B. Smith", AuthorIDs())]),
                      paper("p3", [("M. Aria", AuthorIDs()), ("Corrado Cuccurullo", AuthorIDs())]),
                      paper("p4", [("Aria, Massimo", AuthorIDs(orcid: massimo)), ("C. Cuccurullo", AuthorIDs())])]
        let index = AuthorResolver.resolve(papers, mode: mode)
        #expect(index.names.count == (mode == .exact ? 5 : 3), "\(index.names)")
        #expect(index.variantCount == index.names.count + index.merges.count, "\(index.variantCount) \(index.names) \(index.merges)")
        #expect(index.merges.filter { $0.reason.contains("ORCID") }.map(\.variant) == ["M. Aria"], "\(index.merges)")
    }

    /// Two different IDs of one kind are never one person (SPEC §3), even where an ID of another
    /// kind joins them (OpenAlex gives one author ID to two people whose ORCIDs differ): they
    /// stay two people, each with its ORCID, and a warning at the second paper says why.
    @Test(arguments: IdentityMode.allCases)
    func anIDSharedByPeopleWhoseORCIDsDifferJoinsNeither(mode: IdentityMode) {
        let (first, second) = ("0000-0001-0000-0041", "0000-0002-0000-0022")
        var papers = [paper("w1", [("Wei Wang", AuthorIDs(orcid: first, openAlex: "A5")), ("Ann Roe", AuthorIDs(openAlex: "A6"))]),
                      paper("w2", [("Wei Wang", AuthorIDs(orcid: second, openAlex: "A5")), ("Bob Poe", AuthorIDs(openAlex: "A7"))]),
                      // A third paper through the OpenAlex ID alone: it could be either, so it is
                      // neither (it joined whichever came first in the files: a user trial of session 51).
                      paper("w3", [("W. Wang", AuthorIDs(openAlex: "A5"))])]
        papers[1].location = SourceLocation(path: "t", line: 9, column: 1)
        let index = AuthorResolver.resolve(papers, mode: mode)
        #expect(index.names.count == 5, "\(index.names)")
        let people = [0, 1, 2].map { Int(index.authorsOfPublication[$0].first!) }
        #expect(Set(people).count == 3)
        #expect(index.ids[people[0]].orcid == first && index.ids[people[1]].orcid == second)
        #expect(index.ids[people[1]].openAlex == "A5", "each keeps the IDs its papers give it")
        #expect(index.ids[people[2]].orcid.isEmpty && index.names[people[2]] == "W. Wang")
        let warning = index.diagnostics.first { $0.message.contains("OpenAlex author ID A5") }
        #expect(warning?.severity == .warning && warning?.location?.line == 9, "\(index.diagnostics)")
        #expect(warning?.message.contains("ORCID differs (\(first), here \(second))") == true, "\(index.diagnostics)")
        #expect(!index.merges.contains { $0.variant == "W. Wang" }, "\(index.merges)")
        // The same in the other order of the first two papers.
        let swapped = AuthorResolver.resolve([papers[1], papers[0], papers[2]], mode: mode)
        #expect(swapped.names.sorted() == index.names.sorted() && !swapped.merges.contains { $0.variant == "W. Wang" })
        #expect(swapped.ids[Int(swapped.authorsOfPublication[2].first!)].orcid.isEmpty)
    }

    /// The ID two ORCIDs share is found as such before any join through it, so nothing hangs on
    /// the order of the papers: an authorship with that ID and a Scopus ID of one ORCID's person
    /// is that person in either order, and no warning blames the Scopus ID (a review of session 51
    /// traced the first pass's joins through the shared ID blocking the Scopus ID in one order).
    @Test(arguments: IdentityMode.allCases)
    func anIDSharedByTwoORCIDsIsFoundWhateverTheOrder(mode: IdentityMode) {
        let (o1, o2) = ("0000-0001-0000-0041", "0000-0002-0000-0022")
        let s0 = paper("s0", [("W. Wang", AuthorIDs(scopus: "111", openAlex: "A5"))])
        let s1 = paper("s1", [("Wei Wang", AuthorIDs(orcid: o2, openAlex: "A5"))])
        let s2 = paper("s2", [("Wei Wang", AuthorIDs(orcid: o1, openAlex: "A5"))])
        let s3 = paper("s3", [("Wei Wang", AuthorIDs(orcid: o1, scopus: "111"))])
        for order in [[s0, s1, s2, s3], [s0, s2, s1, s3], [s3, s2, s1, s0]] {
            let index = AuthorResolver.resolve(order, mode: mode)
            let person = { (key: String) in Int(index.authorsOfPublication[order.firstIndex { $0.key == key }!].first!) }
            #expect(index.ids[person("s0")].orcid == o1, "\(order.map(\.key)): \(index.names)")
            #expect(person("s0") == person("s2") && person("s0") == person("s3") && person("s1") != person("s0"))
            #expect(!index.diagnostics.contains { $0.message.contains("Scopus author ID 111") }, "\(index.diagnostics)")
            #expect(index.diagnostics.filter { $0.message.contains("OpenAlex author ID A5") }.count == 1)
        }
    }

    /// An ORCID, which its person keeps, joins authorships whatever their databases' author IDs
    /// say: a person OpenAlex split into two author IDs is one person, with no warning.
    @Test(arguments: IdentityMode.allCases)
    func anORCIDJoinsAPersonADatabaseSplit(mode: IdentityMode) {
        let orcid = "0000-0001-0000-0041"
        let papers = [paper("w1", [("Wei Wang", AuthorIDs(orcid: orcid, openAlex: "A5"))]),
                      paper("w2", [("Wang Wei", AuthorIDs(orcid: orcid, openAlex: "A8"))])]
        let index = AuthorResolver.resolve(papers, mode: mode)
        #expect(index.names.count == 1 && index.ids[0].orcid == orcid && index.ids[0].openAlex == "A5")
        #expect(index.diagnostics.isEmpty, "\(index.diagnostics)")
    }

    @Test(arguments: IdentityMode.allCases)
    func theSameORCIDIsOnePersonWhateverTheSpelling(mode: IdentityMode) throws {
        let papers = [
            paper("a", [("Aria, Massimo", AuthorIDs(orcid: massimo)), ("Cuccurullo, Corrado", AuthorIDs())]),
            paper("b", [("Aria, M.", AuthorIDs(orcid: massimo)), ("Someone, Else", AuthorIDs())]),
            paper("c", [("Massimo ARIA", AuthorIDs(orcid: massimo, scopus: "57192939470"))]),
            paper("d", [("Massimo Aria", AuthorIDs(orcid: massimo))]),
        ]
        let index = AuthorResolver.resolve(papers, mode: mode)
        #expect(index.names.sorted() == ["Corrado Cuccurullo", "Else Someone", "Massimo Aria"])
        let aria = try #require(person(index, "Massimo Aria"))
        #expect(index.ids[aria].orcid == massimo && index.ids[aria].scopus == "57192939470")
        #expect(index.authorsOfPublication.map { $0.contains(Int32(aria)) } == [true, true, true, true])
        #expect(index.merges.contains { $0.variant == "M. Aria" && $0.into == "Massimo Aria" && $0.reason == "same ORCID \(massimo)" },
                "\(index.merges)")
    }

    /// One ORCID on more spellings than a person has (a file that gives it to many names): past
    /// eight spellings a group finds them by hash instead of walking its list, with the same
    /// counts, so the most frequent form still wins and every spelling is one merge.
    @Test func anIDOnManySpellingsCountsEachSpelling() throws {
        var papers: [Publication] = []
        for round in 0..<3 {
            for k in 0..<30 {
                // Spelling 17 is the most frequent: it comes back in every round twice.
                let spelling = "Aria\(k), Massimo"
                papers.append(paper("p\(round)-\(k)", [(spelling, AuthorIDs(orcid: massimo)), ("Doe\(k), Jane", AuthorIDs())]))
                if k == 17 { papers.append(paper("q\(round)", [(spelling, AuthorIDs(orcid: massimo))])) }
            }
        }
        let index = AuthorResolver.resolve(papers, mode: .conservative)
        let aria = try #require(person(index, "Massimo Aria17"), "\(index.names.prefix(5))")
        #expect(index.names.count == 31, "one person with the ORCID and 30 co-authors: \(index.names.count)")
        #expect(index.authorsOfPublication.allSatisfy { $0.contains(Int32(aria)) })
        let merges = index.merges.filter { $0.into == "Massimo Aria17" && $0.reason == "same ORCID \(massimo)" }
        #expect(merges.count == 29, "\(merges.count) merges")
        #expect(Set(merges.map(\.variant)) == Set((0..<30).filter { $0 != 17 }.map { "Massimo Aria\($0)" }))
    }

    /// A person's IDs and merge evidence reach it from its first authorship, which names it directly
    /// unless its paper names a person twice (then the person is found by its name): both ways here.
    @Test(arguments: IdentityMode.allCases)
    func idsReachTheirPersonAlsoFromAPaperThatNamesSomeoneTwice(mode: IdentityMode) throws {
        let wei = "0000-0003-3333-3373"
        let papers = [
            // Massimo twice on his first paper: one person, two authorships.
            paper("a", [("Aria, M.", AuthorIDs(orcid: massimo)), ("Aria, Massimo", AuthorIDs(orcid: massimo))]),
            paper("b", [("Lee, Ann", AuthorIDs(scopus: "111")), ("Smith, John", AuthorIDs())]),
            // John Smith and J. Smith, on one paper, are two people in both modes (names one
            // paper lists are never joined by name rules).
            paper("c", [("Smith, John", AuthorIDs()), ("Smith, J.", AuthorIDs()), ("Wang, Wei", AuthorIDs(orcid: wei))]),
            paper("d", [("Aria, Massimo", AuthorIDs(orcid: massimo, scopus: "57192939470")), ("Lee, A.", AuthorIDs(scopus: "111"))]),
        ]
        let index = AuthorResolver.resolve(papers, mode: mode)
        #expect(index.authorsOfPublication[2].count == 3)
        let aria = try #require(person(index, "Massimo Aria"), "\(index.names)")
        let lee = try #require(person(index, "Ann Lee"), "\(index.names)")
        let wang = try #require(person(index, "Wei Wang"), "\(index.names)")
        #expect(index.ids[aria].orcid == massimo && index.ids[aria].scopus == "57192939470")
        #expect(index.ids[lee].scopus == "111" && index.ids[lee].orcid.isEmpty)
        #expect(index.ids[wang].orcid == wei)
        #expect(index.ids.enumerated().filter { !$0.element.isEmpty }.map(\.offset).sorted() == [aria, lee, wang].sorted())
        #expect(index.merges.contains { $0.variant == "M. Aria" && $0.into == "Massimo Aria" && $0.reason == "same ORCID \(massimo)" }, "\(index.merges)")
        #expect(index.merges.contains { $0.variant == "A. Lee" && $0.into == "Ann Lee" && $0.reason == "same Scopus author ID 111" }, "\(index.merges)")
    }

    @Test func differentORCIDsAreNeverMergedByNames() throws {
        let papers = [
            paper("a", [("Aria, M.", AuthorIDs(orcid: marco)), ("Doe, J.", AuthorIDs())]),
            paper("b", [("Aria, Massimo", AuthorIDs(orcid: massimo))]),
        ]
        let index = AuthorResolver.resolve(papers, mode: .conservative)
        // Without IDs the initials would join the one fuller form; the ORCIDs forbid it.
        #expect(index.names.count == 3, "\(index.names)")
        #expect(Set(index.ids.map(\.orcid)) == [marco, massimo, ""])
        #expect(index.nearMisses.contains { $0.variant == "M. Aria" && $0.reason == "kept apart: their IDs of one kind differ" }, "\(index.nearMisses)")
    }

    @Test func namesWrittenAlikeWithDifferentIDsAreTwoPeopleAndTheIDLessNameStaysApart() {
        let papers = [
            paper("a", [("Wang, Wei", AuthorIDs(orcid: marco))]),
            paper("b", [("Wang, Wei", AuthorIDs(orcid: massimo))]),
            paper("c", [("Wang, Wei", AuthorIDs())]),
        ]
        let index = AuthorResolver.resolve(papers, mode: .conservative)
        #expect(index.names.count == 3, "\(index.names)")
        #expect(index.names.contains("Wei Wang [ORCID \(marco)]"))
        #expect(index.names.contains("Wei Wang"))
        // `coauthor names` lists the two as kept apart (each one's spelling is no merge into its
        // own marked form: a user read `Wei Wang → Wei Wang [ORCID …]` as two people joined).
        #expect(!index.merges.contains { $0.into.hasPrefix("Wei Wang [ORCID") }, "\(index.merges)")
        #expect(index.nearMisses.filter { $0.reason == "written alike by people whose IDs of one kind differ" }.map { [$0.variant] + $0.candidates }
                == [["Wei Wang [ORCID \(massimo)]", "Wei Wang [ORCID \(marco)]"]], "\(index.nearMisses)")
    }

    /// People marked with their IDs (their name written alike) join no fuller form, and are not
    /// listed as kept apart from one: their marks already tell them apart.
    @Test func peopleMarkedWithTheirIDsAreNotListedAgainstAFullerForm() {
        let papers = [
            paper("a", [("Wang, Wei", AuthorIDs(orcid: marco))]),
            paper("b", [("Wang, Wei", AuthorIDs(orcid: massimo))]),
            paper("c", [("Wang, Wei Q.", AuthorIDs())]),
        ]
        let index = AuthorResolver.resolve(papers, mode: .conservative)
        #expect(index.names.count == 3, "\(index.names)")
        #expect(index.names.contains("Wei Q. Wang"))
        #expect(!index.nearMisses.contains { $0.variant.contains("Wei Q. Wang") || $0.candidates.contains("Wei Q. Wang") }, "\(index.nearMisses)")
        // The two marked people are listed against each other, once.
        #expect(index.nearMisses.map { [$0.variant] + $0.candidates } == [["Wei Wang [ORCID \(massimo)]", "Wei Wang [ORCID \(marco)]"]],
                "\(index.nearMisses)")
    }

    @Test func anIDLessNameJoinsTheOnlyCompatibleIdentifiedPerson() throws {
        let papers = [
            paper("a", [("Aria, Massimo", AuthorIDs(orcid: massimo))]),
            paper("b", [("Aria, M.", AuthorIDs()), ("Doe, J.", AuthorIDs())]),
            paper("c", [("Aria, Massimo", AuthorIDs(scopus: "57192939470"))]),
        ]
        let index = AuthorResolver.resolve(papers, mode: .conservative)
        let aria = try #require(person(index, "Massimo Aria"))
        #expect(index.authorsOfPublication.map { $0.contains(Int32(aria)) } == [true, true, true])
        #expect(index.ids[aria] == AuthorIDs(orcid: massimo, scopus: "57192939470"))
        // With a second identified M. Aria, the initials are ambiguous and stay apart.
        let ambiguous = AuthorResolver.resolve(papers + [paper("d", [("Aria, Marco", AuthorIDs(orcid: marco))])], mode: .conservative)
        #expect(ambiguous.names.contains("M. Aria"), "\(ambiguous.names)")
    }

    /// Name rules apply among names without IDs (SPEC §3): a name with a Scopus author ID does
    /// not join its one fuller form when that carries an ORCID and no authorship joins the two (a
    /// user trial of session 49: `J. Qin` of a Zhejiang hospital, Scopus 36677933400, became
    /// `Jiahu Qin` of USTC, ORCID 0000-0001-7580-0836, who took the other man's Scopus ID). Where
    /// the fuller form has no ID, the initials join it, as before; one name written in two cases
    /// with IDs of two kinds is one name (the same name up to case, not a fuller form).
    @Test func namesWithIDsOfOtherKindsAreNotJoinedByNameRules() throws {
        let papers = [
            paper("scopus", [("Qin, J.", AuthorIDs(scopus: "36677933400")), ("Nagasaki, M.", AuthorIDs())]),
            paper("wos", [("Qin, Jiahu", AuthorIDs(orcid: "0000-0001-7580-0836")), ("Ma, Q.", AuthorIDs())]),
        ]
        let index = AuthorResolver.resolve(papers, mode: .conservative)
        let qin = try #require(person(index, "Jiahu Qin"))
        #expect(index.names.contains("J. Qin") && index.ids[qin] == AuthorIDs(orcid: "0000-0001-7580-0836"), "\(index.names)")
        #expect(index.nearMisses.contains { $0.variant == "J. Qin" && $0.candidates == ["Jiahu Qin"] && $0.reason.contains("both carry IDs") },
                "\(index.nearMisses)")
        // The fuller form without an ID: joined (an ID-less name joins the unambiguous identified person).
        let idless = AuthorResolver.resolve([papers[0], paper("other", [("Qin, Jiahu", AuthorIDs()), ("Ma, Q.", AuthorIDs())])], mode: .conservative)
        #expect(!idless.names.contains("J. Qin") && idless.names.contains("Jiahu Qin"), "\(idless.names)")
        // One name, written in two cases, with an ORCID on one paper and a Scopus ID on another: one person.
        let alike = AuthorResolver.resolve([paper("a", [("Qin, Jiahu", AuthorIDs(orcid: "0000-0001-7580-0836"))]),
                                            paper("b", [("QIN, JIAHU", AuthorIDs(scopus: "1"))])], mode: .conservative)
        #expect(alike.names.count == 1 && alike.ids.first == AuthorIDs(orcid: "0000-0001-7580-0836", scopus: "1"), "\(alike.names)")
    }

    /// An ID-less name written as an identified person writes it on another paper is that person,
    /// also where the person's other spelling is another name to the rules (a user trial of
    /// session 49: Scopus's `Peláez, José Ignacio` without an ID stayed apart from the person
    /// whose ORCID the merged copy of a paper gave that spelling, and whose Web of Science
    /// spelling is `Ignacio Pelaez, Jose`).
    @Test(arguments: IdentityMode.allCases)
    func anIDLessNameWrittenAsAnIdentifiedPersonWritesItIsThatPerson(mode: IdentityMode) throws {
        let orcid = "0000-0002-2606-3849"
        let papers = [
            paper("merged", [("Peláez, José Ignacio", AuthorIDs(orcid: orcid)), ("Karanik, Marcelo", AuthorIDs())]),
            paper("wos", [("Ignacio Pelaez, Jose", AuthorIDs(orcid: orcid)), ("Karanik, Marcelo", AuthorIDs())]),
            paper("wos2", [("Ignacio Pelaez, Jose", AuthorIDs(orcid: orcid))]),
            paper("scopus", [("Peláez, José Ignacio", AuthorIDs()), ("Karanik, Marcelo", AuthorIDs())]),
        ]
        let index = AuthorResolver.resolve(papers, mode: mode)
        // The display form is Web of Science's (two papers against one), not a tie.
        #expect(index.names.count == 2 && index.names.contains("Jose Ignacio Pelaez"), "\(index.names)")
        let person = index.authorsOfPublication[0].first
        #expect((1...3).allSatisfy { index.authorsOfPublication[$0].first == person }, "\(index.names)")
        // One line for the spelling, with its ORCID's evidence, though the rule joined its ID-less
        // authorships too (a user trial of session 50 saw it listed twice).
        let lines = index.merges.filter { $0.variant == "José Ignacio Peláez" }
        #expect(lines.count == 1 && lines.first?.into == "Jose Ignacio Pelaez" && lines.first?.reason.contains(orcid) == true, "\(index.merges)")
        #expect(Set(index.merges.map { [$0.variant, $0.into] }).count == index.merges.count, "\(index.merges)")
        // The two forms as frequent (one paper each with the ORCID): the one with its accents is
        // shown, and the ID-less papers that write it are the person's under it (a user trial of
        // session 50: four papers shown as `Jose Ignacio Pelaez`, three of them written `Peláez`).
        let tied = AuthorResolver.resolve([papers[0], papers[1], papers[3], papers[3]], mode: mode)
        #expect(tied.names == ["José Ignacio Peláez", "Marcelo Karanik"], "\(tied.names)")
        // A `distinct` pair of the alias file is never joined, by this rule either.
        let rules = AliasRules(distinct: [.init(.init("José Ignacio Peláez"), .init("Jose Ignacio Pelaez"))])
        let apart = AuthorResolver.resolve(papers, mode: mode, aliases: rules)
        #expect(apart.names.count == 3, "\(apart.names)")
        // A spelling with other words than the display form (`John Smith` beside `John A. Smith`)
        // is left to the rules: an ID-less `John Smith` that `John B. Smith` could be too joins neither.
        let smiths = [
            paper("a", [("Smith, John A.", AuthorIDs(orcid: orcid))]), paper("b", [("Smith, John A.", AuthorIDs(orcid: orcid))]),
            paper("c", [("Smith, John", AuthorIDs(orcid: orcid))]),
            paper("d", [("Smith, John", AuthorIDs())]), paper("e", [("Smith, John B.", AuthorIDs())]),
        ]
        let smith = AuthorResolver.resolve(smiths, mode: mode)
        #expect(smith.names.contains("John Smith") && smith.authorsOfPublication[3].first != smith.authorsOfPublication[0].first, "\(smith.names)")
    }

    @Test func thousandsOfIdentifiedNamesakesStayApartWithoutQuadraticRules() {
        // 3,000 people called Wang with their own ORCIDs, each also written with initials: every
        // spelling joins its own person, none another (rules only between compatible names).
        var papers: [Publication] = []
        for i in 0..<3000 {
            let given = "W\(String(i, radix: 26).map { Character(UnicodeScalar(UInt8(97 + Int(String($0), radix: 26)!))) }.map(String.init).joined())"
            let orcid = AuthorIDs(orcid: String(format: "0000-0001-%04d-%04d", i / 10000, i % 10000))
            papers.append(paper("f\(i)", [("Wang, \(given)", orcid)]))
            papers.append(paper("i\(i)", [("Wang, W.", orcid)]))
        }
        let index = AuthorResolver.resolve(papers, mode: .conservative)
        #expect(index.names.count == 3000)
        #expect(Set(index.ids.map(\.orcid)).count == 3000)
    }

    /// Two people with different ORCIDs whose names one fuller, ID-less form subsumes: either
    /// could be that form's person, so neither joins it (it would carry two ORCIDs), and an
    /// ID-less initial below all three stays apart too.
    @Test func differentIDsNeverMeetInOneFullerForm() throws {
        let papers = [
            paper("a", [("Smith, J. A.", AuthorIDs(orcid: marco)), ("Xu, Xavier", AuthorIDs())]),
            paper("b", [("Smith, John B.", AuthorIDs(orcid: massimo)), ("Yu, Yara", AuthorIDs())]),
            paper("c", [("Smith, John A. B.", AuthorIDs()), ("Zhu, Zoe", AuthorIDs())]),
            paper("d", [("Smith, J.", AuthorIDs())]),
        ]
        let index = AuthorResolver.resolve(papers, mode: .conservative)
        #expect(index.names.count == 7, "\(index.names)")
        #expect(index.merges.isEmpty, "\(index.merges)")
        for variant in ["J. A. Smith", "John B. Smith", "J. Smith"] {
            #expect(index.nearMisses.contains { $0.variant == variant && $0.reason == "ambiguous: people whose IDs of one kind differ are compatible" },
                    "\(variant): \(index.nearMisses)")
        }
        // Without the second ORCID, all three join the fuller form (the rule without IDs).
        var one = papers
        one[1].extras.authorIDs = []
        let joined = AuthorResolver.resolve(one, mode: .conservative)
        let smith = try #require(person(joined, "John A. B. Smith"), "\(joined.names)")
        #expect(joined.names.count == 4, "\(joined.names)")
        #expect(joined.authorsOfPublication.map { $0.contains(Int32(smith)) } == [true, true, true, true])
        #expect(joined.ids[smith].orcid == marco)
    }

    /// A name whose IDs differ from its one fuller form's stays apart, and so does an ID-less
    /// initial below both: it could be either person.
    @Test func aNameBelowOneKeptApartByItsIDStaysApart() throws {
        let papers = [
            paper("a", [("Smith, John Adam", AuthorIDs(orcid: marco))]),
            paper("b", [("Smith, John", AuthorIDs(orcid: massimo))]),
            paper("c", [("Smith, J.", AuthorIDs())]),
        ]
        let index = AuthorResolver.resolve(papers, mode: .conservative)
        #expect(index.names.sorted() == ["J. Smith", "John Adam Smith", "John Smith"])
        #expect(index.nearMisses.contains { $0.variant == "John Smith" && $0.reason == "kept apart: their IDs of one kind differ" }, "\(index.nearMisses)")
        #expect(index.nearMisses.contains { $0.variant == "J. Smith" && $0.reason == "ambiguous: people whose IDs of one kind differ are compatible" },
                "\(index.nearMisses)")
    }

    /// Spellings that fold alike (case, accents, punctuation) but carry different ORCIDs are two
    /// people; an ID-less spelling that folds alike could be either, and joins neither.
    @Test func spellingsThatFoldAlikeWithDifferentIDsStayApart() {
        let papers = [
            paper("a", [("Smith, José", AuthorIDs(orcid: marco))]),
            paper("b", [("Smith, Jose", AuthorIDs(orcid: massimo))]),
            paper("c", [("SMITH, JOSE", AuthorIDs())]),
            paper("d", [("Smith, J.", AuthorIDs())]),
        ]
        let index = AuthorResolver.resolve(papers, mode: .conservative)
        #expect(index.names.count == 4, "\(index.names)")
        // The two are marked with their IDs (their names fold alike); no name joins them, and
        // neither merged a spelling.
        #expect(index.names.filter { $0.hasSuffix("]") }.sorted() == ["Jose Smith [ORCID \(massimo)]", "José Smith [ORCID \(marco)]"], "\(index.names)")
        #expect(index.merges.isEmpty, "\(index.merges)")
        // They are listed against each other; the ID-less spelling is listed too, with its reason.
        #expect(index.nearMisses.contains { $0.variant == "Jose Smith [ORCID \(massimo)]" && $0.candidates == ["José Smith [ORCID \(marco)]"]
                    && $0.reason == "written alike by people whose IDs of one kind differ" }, "\(index.nearMisses)")
        #expect(index.nearMisses.contains { $0.variant == "JOSE SMITH" && $0.reason == "ambiguous: people whose IDs of one kind differ are compatible" },
                "\(index.nearMisses)")
        #expect(index.nearMisses.contains { $0.variant == "J. Smith" && $0.reason == "ambiguous: people whose IDs of one kind differ are compatible" },
                "\(index.nearMisses)")
        // Spellings that fold alike with IDs of different kinds are one person, as without IDs.
        var kinds = papers
        kinds[1].extras.authorIDs = [AuthorIDs(scopus: "57192939470")]
        let joined = AuthorResolver.resolve(kinds, mode: .conservative)
        #expect(joined.names.count == 1, "\(joined.names)")
    }

    /// A name that two people with different ORCIDs both write, one of them among other
    /// spellings, could be either: its ID-less authorships join neither, though it is the other's
    /// display form. The first person's display form, which no one else writes, still takes its
    /// ID-less authorships.
    @Test(arguments: IdentityMode.allCases)
    func aNameTwoIdentifiedPeopleWriteJoinsNeitherThoughItIsOnesDisplayForm(mode: IdentityMode) throws {
        let papers = [
            paper("a", [("Smith, John", AuthorIDs(orcid: marco)), ("Roe, Ann", AuthorIDs())]),
            paper("b", [("Smith, J.", AuthorIDs(orcid: marco)), ("Poe, Bob", AuthorIDs())]),
            paper("c", [("Smith, J.", AuthorIDs(orcid: massimo)), ("Moe, Cy", AuthorIDs())]),
            paper("d", [("Smith, J.", AuthorIDs()), ("Doe, Dee", AuthorIDs())]),
            paper("e", [("Smith, John", AuthorIDs())]),
        ]
        let index = AuthorResolver.resolve(papers, mode: mode)
        #expect(index.names.count == 7, "\(index.names)")
        let first = try #require(person(index, "John Smith"), "\(index.names)")
        let second = try #require(person(index, "J. Smith [ORCID \(massimo)]"), "\(index.names)")
        let idLess = try #require(person(index, "J. Smith"), "\(index.names)")
        #expect(Set([first, second, idLess]).count == 3)
        #expect(index.ids[first].orcid == marco && index.ids[second].orcid == massimo && index.ids[idLess].isEmpty)
        #expect(index.authorsOfPublication[3].contains(Int32(idLess)))
        #expect(index.authorsOfPublication[4].contains(Int32(first)), "the name only the first writes is the first's")
        if mode == .conservative {
            #expect(index.nearMisses.contains { $0.variant == "J. Smith [ORCID \(massimo)]" && $0.reason == "ambiguous: people whose IDs of one kind differ are compatible" },
                    "\(index.nearMisses)")
        }
    }

    /// Two people with different ORCIDs whose names differ in case only: an ID-less name written
    /// as the first writes it could be either, and joins neither.
    @Test(arguments: IdentityMode.allCases)
    func aNameWrittenAsOneOfTwoIdentifiedPeopleWhoseNamesFoldAlikeJoinsNeither(mode: IdentityMode) throws {
        let papers = [
            paper("a", [("Wang, Wei", AuthorIDs(orcid: marco)), ("Roe, Ann", AuthorIDs())]),
            paper("b", [("WANG, WEI", AuthorIDs(orcid: massimo)), ("Poe, Bob", AuthorIDs())]),
            paper("c", [("Wang, Wei", AuthorIDs()), ("Moe, Cy", AuthorIDs())]),
        ]
        let index = AuthorResolver.resolve(papers, mode: mode)
        #expect(index.names.count == 6, "\(index.names)")
        #expect(Set(index.names).isSuperset(of: ["Wei Wang [ORCID \(marco)]", "WEI WANG [ORCID \(massimo)]", "Wei Wang"]), "\(index.names)")
        let idLess = try #require(person(index, "Wei Wang"))
        #expect(index.ids[idLess].isEmpty && index.authorsOfPublication[2].contains(Int32(idLess)))
    }

    /// On a seeded corpus of people from small pools of names, many of them identified (each
    /// authorship with or without its person's ORCID), no resolved person ever holds the
    /// authorships of two ORCIDs, and the name rules still join many ID-less spellings.
    @Test(arguments: [1, 2, 3] as [UInt64])
    func noPersonHoldsTwoORCIDs(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        let givens = ["J.", "J. A.", "J. B.", "John", "John A.", "John B.", "John A. B.", "José", "Jose", "JOSE", "M.", "Marco", "Massimo"]
        let surnames = ["Smith", "Aria", "Wang"]
        // People: a spelling each and, for two in three, an ORCID.
        let people = (0..<60).map { p in
            (name: "\(surnames[p % 3]), \(givens[Int(random.next() % UInt64(givens.count))])",
             orcid: random.next() % 3 == 0 ? "" : String(format: "0000-0001-0000-%04d", p))
        }
        var papers: [Publication] = []
        for k in 0..<400 {
            let a = Int(random.next() % 60), b = Int(random.next() % 60)
            let authors = (a == b ? [a] : [a, b]).map { p in
                (people[p].name, random.next() % 4 == 0 ? AuthorIDs() : AuthorIDs(orcid: people[p].orcid))
            }
            papers.append(paper("p\(k)", authors))
        }
        let index = AuthorResolver.resolve(papers, mode: .conservative)
        var orcids = [Set<String>](repeating: [], count: index.names.count)
        var aligned = 0
        for (k, publication) in papers.enumerated() {
            let listed = Array(index.authorsOfPublication[k])
            guard listed.count == publication.authors.count else { continue }
            aligned += 1
            for (position, ids) in publication.authorIDs.enumerated() where !ids.orcid.isEmpty {
                orcids[Int(listed[position])].insert(ids.orcid)
            }
        }
        #expect(aligned > 300, "\(aligned) papers list their authors one person each")
        let holders = orcids.indices.filter { orcids[$0].count > 1 }
        #expect(holders.isEmpty, "\(holders.map { "\(index.names[$0]): \(orcids[$0].sorted())" })")
        // ID-less authorships that went to a person identified elsewhere: the name rules (and
        // the IDs of a person's spelling) still join them where one person can be meant.
        var joined = 0
        for (k, publication) in papers.enumerated() {
            let listed = Array(index.authorsOfPublication[k])
            guard listed.count == publication.authors.count else { continue }
            for position in listed.indices where (position < publication.authorIDs.count ? publication.authorIDs[position].orcid : "").isEmpty {
                if !orcids[Int(listed[position])].isEmpty { joined += 1 }
            }
        }
        #expect(joined > 100, "\(joined) ID-less authorships joined to an identified person")
    }

    @Test func recordsWithoutIDsResolveAsBefore() {
        let papers = [paper("a", [("Aria, Massimo", AuthorIDs())]), paper("b", [("Aria, M.", AuthorIDs())])]
        let index = AuthorResolver.resolve(papers, mode: .conservative)
        #expect(index.names == ["Massimo Aria"])
        #expect(index.ids.isEmpty && !index.hasIDs)
    }
}

/// Exports carry the IDs as node attributes (`orcid`, `scopus_id`, `openalex_id`, `researcher_id`).
struct IdentityExportTests {
    private func graphML(_ corpus: Corpus) throws -> String {
        let authors = AuthorResolver.resolve(corpus, mode: .conservative)
        let network = try NetworkBuilder.build(publications: corpus.publications, authors: authors, options: NetworkOptions())
        let metrics = MetricTable(network: network, request: MetricRequest([.degree], communitySeed: 1))
        return GraphMLFormatter(ExportSettings(toolVersion: "test", maxAuthors: 50)).format(network, metrics: metrics)
    }

    @Test func graphMLCarriesTheIDsOfIdentifiedPeopleOnly() throws {
        let corpus = try InputReader.read([Paths.fixtures.appendingPathComponent("exports/wos-quirks.txt").path])
        let text = try graphML(corpus)
        #expect(text.contains("<key id=\"orcid\" for=\"node\" attr.name=\"orcid\" attr.type=\"string\"/>"))
        #expect(text.contains("<key id=\"researcher_id\" for=\"node\" attr.name=\"researcher_id\" attr.type=\"string\"/>"))
        #expect(!text.contains("scopus_id"))
        #expect(text.contains("<data key=\"orcid\">0000-0002-8517-9411</data>"))
        #expect(text.components(separatedBy: "<data key=\"orcid\">").count - 1 == 2)
    }

    @Test func gexfCarriesTheIDsToo() throws {
        let corpus = try InputReader.read([Paths.fixtures.appendingPathComponent("exports/scopus-full-names.csv").path])
        let authors = AuthorResolver.resolve(corpus, mode: .conservative)
        let network = try NetworkBuilder.build(publications: corpus.publications, authors: authors, options: NetworkOptions())
        let text = String(decoding: GEXFFormatter(ExportSettings(toolVersion: "test", maxAuthors: 50)).format(network, metrics: MetricTable(network: network, request: MetricRequest([.degree], communitySeed: 1))), as: UTF8.self)
        #expect(text.contains("<attribute id=\"scopus_id\" title=\"scopus_id\" type=\"string\"/>"))
        #expect(text.contains("<attvalue for=\"scopus_id\" value=\"57192939470\"/>"))
        #expect(!text.contains("orcid"))
    }

    @Test func csvAndJSONCarryTheIDsToo() throws {
        let corpus = try InputReader.read([Paths.fixtures.appendingPathComponent("exports/openalex.csv").path])
        let authors = AuthorResolver.resolve(corpus, mode: .conservative)
        let network = try NetworkBuilder.build(publications: corpus.publications, authors: authors, options: NetworkOptions())
        let metrics = MetricTable(network: network, request: MetricRequest([.degree], communitySeed: 1))
        let nodes = String(decoding: CSVFormatter(ExportSettings()).format(network, metrics: metrics).nodes, as: UTF8.self)
        #expect(nodes.hasPrefix("id,label,name,orcid,openalex_id,"))
        #expect(nodes.contains("0,Massimo Aria,Massimo Aria,0000-0002-8517-9411,A5069892096,"))
        #expect(nodes.contains("1,Corrado Cuccurullo,Corrado Cuccurullo,,A5049136342,"))
        let json = String(decoding: NodeLinkJSONFormatter(ExportSettings(toolVersion: "test", maxAuthors: 50)).format(network, metrics: metrics), as: UTF8.self)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let jsonNodes = try #require(object["nodes"] as? [[String: Any]])
        #expect(jsonNodes.map { $0["orcid"] as? String } == ["0000-0002-8517-9411", nil])
        #expect(jsonNodes.map { $0["openalex_id"] as? String } == ["A5069892096", "A5049136342"])
    }

    /// DOT carries the IDs as the other formats do (it had the label alone: a user trial of
    /// session 63); Graphviz's own parser reads them back (`DOTRoundTripTests.idsSurviveAgread`).
    @Test func dotCarriesTheIDsToo() throws {
        let corpus = try InputReader.read([Paths.fixtures.appendingPathComponent("exports/openalex.csv").path])
        let authors = AuthorResolver.resolve(corpus, mode: .conservative)
        let network = try NetworkBuilder.build(publications: corpus.publications, authors: authors, options: NetworkOptions())
        let metrics = MetricTable(network: network, request: MetricRequest([.degree], communitySeed: 1))
        let text = String(decoding: DOTFormatter(ExportSettings(toolVersion: "test", maxAuthors: 50)).format(network, metrics: metrics), as: UTF8.self)
        #expect(text.contains("n0 [label=\"Massimo Aria\", orcid=\"0000-0002-8517-9411\", openalex_id=\"A5069892096\", "), "\(text)")
        #expect(text.contains("n1 [label=\"Corrado Cuccurullo\", openalex_id=\"A5049136342\", "), "\(text)")
        let plain = try InputReader.read([Paths.fixtures.appendingPathComponent("formats/papers.bib").path])
        let bare = try NetworkBuilder.build(publications: plain.publications, authors: AuthorResolver.resolve(plain, mode: .conservative),
                                            options: NetworkOptions())
        let bareText = String(decoding: DOTFormatter(ExportSettings()).format(bare, metrics: MetricTable(network: bare, request: MetricRequest([.degree], communitySeed: 1))),
                              as: UTF8.self)
        #expect(!bareText.contains("orcid") && !bareText.contains(", name=") && bareText.contains("[label="))
    }

    @Test func graphMLOfARecordSetWithoutIDsHasNoIDKeys() throws {
        let corpus = try InputReader.read([Paths.fixtures.appendingPathComponent("formats/papers.bib").path])
        #expect(!(try graphML(corpus)).contains("orcid"))
    }
}
