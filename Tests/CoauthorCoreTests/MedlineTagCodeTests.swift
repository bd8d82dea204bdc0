@testable import CoauthorCore
import Testing

/// The MEDLINE reader's tag codes are written out as constants; each must be `tagCode` of its tag.
struct MedlineTagCodeTests {
    @Test func everyConstantIsTheCodeOfItsTag() {
        #expect(MedlineReader.Code.all.count == 17)
        for (tag, code) in MedlineReader.Code.all {
            #expect(code == MedlineReader.tagCode(Array(tag.utf8)), "\(tag)")
        }
        #expect(Set(MedlineReader.Code.all.map(\.1)).count == MedlineReader.Code.all.count)
    }

    /// ORCIDs as exports write them: in a URL, with blanks or without hyphens, a final x; and what is none.
    @Test(arguments: [
        ("0000-0002-8517-9411", "0000-0002-8517-9411"), ("https://orcid.org/0000-0002-8517-9411", "0000-0002-8517-9411"),
        ("ORCID: 0000 0001 2345 672x", "0000-0001-2345-672X"), ("000000012345672X", "0000-0001-2345-672X"),
        ("0000-0001-2345", ""), ("12/0000-0001-2345-6789", "0000-0001-2345-6789"), ("", ""), ("x0000-0001-2345-6789", "0000-0001-2345-6789"),
        ("0000-0001-2345-67890", "0000-0001-2345-6789"), ("é0000-0001-2345-6789", "0000-0001-2345-6789"), ("0000-000X-2345-6789", ""),
    ])
    func orcids(text: String, expected: String) {
        #expect(ExportValues.orcid(text) == expected)
    }
}

/// The Web of Science reader's tag codes are written out as constants; each must be `tagCode` of its tag.
struct WebOfScienceTagCodeTests {
    @Test func everyConstantIsTheCodeOfItsTag() {
        let all = WebOfScienceReader.Tag.all
        #expect(all.count == 23)
        for (tag, code) in all { #expect(code == WebOfScienceReader.tagCode(tag), "\(tag)") }
        #expect(Set(all.map(\.1)).count == all.count)
    }
}
