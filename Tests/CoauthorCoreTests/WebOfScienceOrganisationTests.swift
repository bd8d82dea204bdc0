@testable import CoauthorCore
import Foundation
import Testing

/// Web of Science's `C3` (its BibTeX's `Affiliations`): its own names of the addresses'
/// institutions, given by place where they align with the addresses (a user trial of session 61
/// found `Univ Trent` and `Univ Trento`, `SW Univ Nationalities` and `Southwest Univ
/// Nationalities` apart, where `C3` named each pair one organisation).
struct WebOfScienceOrganisationTests {
    private func names(_ addresses: [String], _ organisations: String) -> [String?]? {
        WebOfScienceReader.standardNames(ofAddresses: addresses, organisations: organisations).map { standard in
            addresses.map { standard.name(of: WebOfScienceReader.address($0)) }
        }
    }

    @Test func namesAlignWithTheDistinctInstitutions() {
        let addresses = ["Univ Trent, Dipartimento Informat, Via Inama 5, I-38100 Trento, Italy.", "Univ Trent, Dipartimento Informat, I-38100 Trento, Italy.",
                         "Univ Venice, Dipartimento Matemat Applicata, I-38251 Venice E, Italy."]
        #expect(names(addresses, "University of Trento; Universita Ca Foscari Venezia")
                == ["University of Trento", "University of Trento", "Universita Ca Foscari Venezia"])
    }

    /// One name per distinct address where the institutions are fewer than the names.
    @Test func namesAlignWithTheDistinctAddresses() {
        let addresses = ["Southwest Med Univ, Dept Ophthalmol, Luzhou, Peoples R China.", "Southwest Med Univ, Dept Rheumatol, Luzhou, Peoples R China."]
        #expect(names(addresses, "Southwest Medical University; Southwest Medical\n   University") == ["Southwest Medical University", "Southwest Medical University"])
    }

    /// Counts that match neither, and a list out of the addresses' order, give no names.
    @Test func namesThatDoNotAlignAreNotUsed() {
        let three = ["Programa Posgrad Engn Biomed, Uberlandia, Brazil.", "Otto von Guericke Univ, Magdeburg, Germany.", "Univ Reading, Reading, England."]
        #expect(names(three, "Otto von Guericke University; University of Reading") == nil)
        let two = ["Univ Reading, Reading, England.", "Univ Trento, Trento, Italy."]
        #expect(names(two, "University of Trento; University of Reading") == nil)
        #expect(names(two, "University of Reading; University of Trento") == ["University of Reading", "University of Trento"])
        #expect(names(two, " ; ") == nil)
        // Every address is judged: a parent organisation after its campus named the campus's
        // second address, and a third address took a name of its own (a review of session 61).
        let campus = ["Univ Calif Berkeley, Dept Phys, Berkeley, CA 94720 USA.", "Univ Calif Berkeley, Dept Stat, Berkeley, CA 94720 USA."]
        #expect(names(campus, "University of California Berkeley; University of California System") == nil)
        let trento = ["Univ Trento, Dept Ind Engn, Trento, Italy.", "Zzz Lab, Rome, Italy.", "Univ Trento, Dept Math, Trento, Italy."]
        #expect(names(trento, "University of Trento; Foo Institute; Bar Centre") == nil)
    }

    /// Read from a plain-text record: the institutions are `C3`'s, the addresses and countries `C1`'s.
    @Test func aRecordsAffiliationsTakeTheNames() throws {
        let text = """
            FN Clarivate Analytics Web of Science
            VR 1.0
            PT J
            AU Aria, M
               Cuccurullo, C
            AF Aria, Massimo
               Cuccurullo, Corrado
            TI One
            PY 2017
            C1 [Aria, Massimo] Univ Napoli Federico II, Dept Econ & Stat, I-80126 Naples, Italy.
               [Cuccurullo, Corrado] Univ Campania Luigi Vanvitelli, Dept Econ & Management, Capua, CE, Italy.
            C3 University of Naples Federico II; Universita della Campania
               Vanvitelli
            UT WOS:1
            ER

            EF

            """
        let corpus = WebOfScienceReader.readPlainText(bytes: Array(text.utf8), path: "w.txt")
        let paper = try #require(corpus.publications.first)
        #expect(paper.extras.affiliations.map { $0.map(\.institution) } == [["University of Naples Federico II"], ["Universita della Campania Vanvitelli"]])
        #expect(paper.extras.affiliations.map { $0.map(\.country) } == [["Italy"], ["Italy"]])
        #expect(paper.extras.affiliations[0].first?.raw.hasPrefix("Univ Napoli Federico II, Dept Econ") == true)
    }
}
