@testable import CoauthorCore
import Foundation
import Testing

/// An abbreviated name joins its one fuller form (SPEC §3) only when their papers' affiliations
/// have a country in common, or one side names none: `X. Huang` of a paper from Worcester, USA
/// is not `Xiongchuan Huang` of IMEC in the Netherlands (a user trial of session 56).
struct IdentityCountryTests {
    private func paper(_ key: String, _ authors: [(name: String, address: String?, ids: AuthorIDs)]) -> Publication {
        var publication = Publication(key: key, type: "article", title: key, venue: "", year: 2020,
                                      authors: authors.map { NameParser.parsePlainName($0.name)! },
                                      location: SourceLocation(path: "t", line: 1, column: 1))
        var extras = PublicationExtras()
        if authors.contains(where: { !$0.ids.isEmpty }) { extras.authorIDs = authors.map(\.ids) }
        if authors.contains(where: { $0.address != nil }) {
            extras.affiliations = authors.map { $0.address.map { [Affiliation(raw: $0)] } ?? [] }
        }
        publication.extras = extras
        return publication
    }

    private let worcester = "Worcester Polytech Inst, Worcester, MA 01609 USA"
    private let imec = "IMEC Netherlands, Holst Ctr, Eindhoven, Netherlands"
    private let delft = "Delft Univ Technol, Delft, Netherlands"

    /// Disjoint countries keep the names apart, listed with both sides' countries; in both
    /// resolutions (names alone, and people identified by ID among them).
    @Test(arguments: [false, true])
    func anAbbreviatedNameFromOtherCountriesStaysApart(identified: Bool) {
        let papers = [paper("p1", [("Xiongchuan Huang", imec, AuthorIDs()), ("Ann Roe", imec, AuthorIDs())]),
                      paper("p2", [("X. Huang", worcester, identified ? AuthorIDs(scopus: "7005") : AuthorIDs()),
                                   ("Bob Poe", worcester, AuthorIDs())])]
        let index = AuthorResolver.resolve(papers, mode: .conservative)
        #expect(index.names.count == 4, "\(index.names)")
        #expect(!index.merges.contains { $0.variant == "X. Huang" }, "\(index.merges)")
        let miss = index.nearMisses.first { $0.variant == "X. Huang" }
        #expect(miss?.candidates == ["Xiongchuan Huang"], "\(index.nearMisses)")
        #expect(miss?.reason == "kept apart: their affiliations are in different countries (US against NL) and no co-author is in common", "\(index.nearMisses)")
        // The same through a corpus, as the commands resolve it.
        let corpus = Corpus(publications: papers, records: papers.count)
        #expect(AuthorResolver.resolve(corpus, mode: .conservative).names.count == 4)
    }

    /// A country in common, or no affiliation on one side, merges as the rule says.
    @Test(arguments: [0, 1, 2])
    func aCountryInCommonOrNoneKnownMerges(shape: Int) {
        let abbreviated: [(name: String, address: String?, ids: AuthorIDs)] = switch shape {
        case 0: [("X. Huang", delft, AuthorIDs())]
        case 1: [("X. Huang", nil, AuthorIDs())]
        default: [("X. Huang", "Somewhere Lab, Nowhere Town", AuthorIDs())]
        }
        let papers = [paper("p1", [("Xiongchuan Huang", imec, AuthorIDs())]),
                      paper("p2", abbreviated + [("Bob Poe", nil, AuthorIDs())])]
        let index = AuthorResolver.resolve(papers, mode: .conservative)
        #expect(index.names.count == 2, "\(shape): \(index.names)")
        #expect(index.merges.contains { $0.variant == "X. Huang" && $0.reason == AuthorResolver.onlyFullerForm }, "\(index.merges)")
    }

    /// A co-author in common is a person who moved: `R. Keshavan` of Oxford and `Raghunandan
    /// Keshavan` of Stanford, both with Ann Roe, are one (a review of session 57 found them two).
    @Test func aCoauthorInCommonMerges() {
        let oxford = "Univ Oxford, Oxford, England", stanford = "Stanford Univ, Stanford, CA 94305 USA"
        let papers = [paper("p1", [("R. Keshavan", oxford, AuthorIDs()), ("Ann Roe", oxford, AuthorIDs())]),
                      paper("p2", [("Raghunandan Keshavan", stanford, AuthorIDs()), ("Ann Roe", stanford, AuthorIDs())])]
        let index = AuthorResolver.resolve(papers, mode: .conservative)
        #expect(index.names == ["Raghunandan Keshavan", "Ann Roe"])
        #expect(index.merges.map(\.reason) == [AuthorResolver.onlyFullerForm + "; their affiliations are in different countries (GB against US), but Ann Roe wrote with both"],
                "\(index.merges)")
        // A co-author written with initials may be several people, and a paper of more than 50
        // authors ties no one: neither bridges (a second review of session 57).
        var initials = papers
        initials[0] = paper("p1", [("R. Keshavan", oxford, AuthorIDs()), ("A. Roe", oxford, AuthorIDs())])
        initials[1] = paper("p2", [("Raghunandan Keshavan", stanford, AuthorIDs()), ("A. Roe", stanford, AuthorIDs())])
        #expect(AuthorResolver.resolve(initials, mode: .conservative).names.count == 3)
        let crowd = (0..<60).map { ("Person Crowd\($0)", Optional(stanford), AuthorIDs()) }
        var large = papers
        large[0] = paper("p1", [("R. Keshavan", oxford, AuthorIDs())] + crowd.map { ($0.0, Optional(oxford), $0.2) })
        large[1] = paper("p2", [("Raghunandan Keshavan", stanford, AuthorIDs())] + crowd)
        #expect(AuthorResolver.resolve(large, mode: .conservative).names.count == 62)
        var apart = papers
        apart[1] = paper("p2", [("Raghunandan Keshavan", stanford, AuthorIDs()), ("Bob Poe", stanford, AuthorIDs())])
        #expect(AuthorResolver.resolve(apart, mode: .conservative).names.count == 4)
    }

    /// Any of a name's papers in a country of the other's is enough (people move), and an
    /// affiliation given as a country code (OpenAlex) counts as its address would.
    @Test func oneSharedCountryAmongSeveralMerges() {
        var openAlex = paper("p3", [("X. Huang", nil, AuthorIDs())])
        openAlex.extras.affiliations = [[Affiliation(raw: "", institution: "TU Delft", country: "NL")]]
        let papers = [paper("p1", [("Xiongchuan Huang", imec, AuthorIDs())]),
                      paper("p2", [("X. Huang", worcester, AuthorIDs())]),
                      openAlex]
        let index = AuthorResolver.resolve(papers, mode: .conservative)
        #expect(index.names == ["Xiongchuan Huang"], "\(index.names)")
        var lone = papers
        lone.removeLast()
        lone.append(paper("p3", [("X. Huang", "Lab, Tokyo, Japan", AuthorIDs())]))
        #expect(AuthorResolver.resolve(lone, mode: .conservative).names.count == 2)
    }
}
