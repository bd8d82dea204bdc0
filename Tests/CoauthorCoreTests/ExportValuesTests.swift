@testable import CoauthorCore
import Foundation
import Testing

/// Values the export readers read on bytes give what the string forms of the same rules give.
struct ExportValuesTests {
    /// A PMID is digits; R's `NA` and other placeholders are none (`PublicationMatch.keys` makes
    /// no key of them, nor of a DOI that does not start with `10.`).
    @Test(arguments: [
        ("12345", "12345"), (" 12345\t", "12345"), ("PMID: 12345", "12345"), ("pmid:12345", "12345"), ("NA", ""), ("n/a", ""),
        ("", ""), ("PMID:", ""), ("12 345", ""), ("١٢٣", ""),
    ])
    func aPMIDIsItsDigits(text: String, expected: String) {
        #expect(ExportValues.pmid(text) == expected)
    }

    @Test func placeholdersMakeNoMatchKey() {
        var publication = Publication(key: "k", type: "article", title: "", venue: "", year: 2000, authors: [PersonName(last: "X")],
                                      doi: "NA", location: .file("k"))
        publication.extras.pmid = "NA"
        #expect(PublicationMatch.keys(publication).isEmpty)
        publication.doi = "https://doi.org/10.1/X"
        publication.extras.pmid = "7"
        #expect(PublicationMatch.keys(publication) == ["doi:10.1/x", "pmid:7"])
    }

    @Test(arguments: [
        ("https://openalex.org/W3000000001", "W3000000001"), ("  A5069892096\t", "A5069892096"),
        ("\u{FEFF}https://ror.org/02feahw73 ", "02feahw73"), ("no-slash", "no-slash"), ("a/", ""), ("/", ""), ("", ""),
        ("https://x.org/é/ü", "ü"), ("/b", "b"), ("\t \t", ""),
    ])
    func theLastComponentIsAfterTheLastSlashOfTheTrimmedText(text: String, expected: String) {
        #expect(ExportValues.lastComponent(text) == expected)
    }

    /// A MEDLINE `AUID` value gives its ORCID when it starts with `ORCID` in any case, as the
    /// upper-cased string would say: judged on the bytes when they start with ASCII, through the
    /// string otherwise (a dotless ı upper-cases to I; a combining mark after the D makes it
    /// another character).
    @Test(arguments: [
        "ORCID: 0000-0002-8517-9411", "orcid: 0000-0002-8517-942x", "Orcid:0000000285179411", "ORCID", "ORCI", "ORCID: 1234",
        "ORCIDé 0000-0002-8517-9411", "ORCID\u{301}: 0000-0002-8517-9411", "ORCıD: 0000-0002-8517-9411", "ISNI: 0000 0001 2103 2683",
        "", "ORCID: https://orcid.org/0000-0002-8517-9411", " ORCID: 0000-0002-8517-9411",
        "ORCID: 0000-0002-8517-942X", "oRcId: 0000-0002-8517-9411", "ORCID: 0000-0002-8517-94X1", "ORCID; 0000-0002-8517-9411",
    ])
    func anAuthorIdentifierGivesItsORCIDAsTheStringRuleSays(value: String) {
        var cache = ExportNameCache()
        var bytes = value
        let expected = value.uppercased().hasPrefix("ORCID") ? ExportValues.orcid(value) : ""
        // Twice: made, then found.
        for _ in 0..<2 {
            let read = bytes.withUTF8 { cache.orcid(ofAuthorIdentifier: $0) }
            #expect(read == expected, "\(value.debugDescription)")
        }
    }

    /// An ORCID's last character is its check (ISO 7064 MOD 11-2, as ORCID computes it): one that
    /// fails is no ORCID, and `orcidFailingItsCheck` names the character it would need.
    @Test(arguments: [
        ("0000-0002-1825-0097", "0000-0002-1825-0097", nil), ("0000-0002-1825-0098", "", "7"),
        ("https://orcid.org/0000-0002-9079-593X", "0000-0002-9079-593X", nil), ("0000-0002-9079-5930", "", "X"),
        ("0000000218250097", "0000-0002-1825-0097", nil), ("0000-0001-5109-3700", "0000-0001-5109-3700", nil),
        ("0000-0001-5109-3701", "", "0"), ("0000-0000-0000-0000", "", "1"), ("1234", "", nil),
    ] as [(String, String, String?)])
    func anORCIDMustPassItsCheck(text: String, orcid: String, expected: String?) {
        #expect(ExportValues.orcid(text) == orcid)
        #expect(ExportValues.orcidFailingItsCheck(text).map { String($0.expected) } == expected)
        if expected != nil {
            #expect(ExportValues.orcidFailingItsCheck(text)?.written == String(text.suffix(19)))
        }
    }
}
