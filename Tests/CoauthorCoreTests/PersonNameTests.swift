@testable import CoauthorCore
import Testing

/// `PersonName` keeps `von`, `jr` and `homonym` apart from the common parts; a name is equal to,
/// and hashes like, every other name with the same five parts, however they were set.
struct PersonNameTests {
    @Test func partsSetAndClearedCompareAsNeverSet() {
        let plain = PersonName(first: "Jean", last: "Dupont")
        var edited = plain
        edited.von = "de"
        edited.jr = "Jr."
        edited.homonym = "0001"
        #expect(edited != plain)
        #expect(edited == PersonName(first: "Jean", von: "de", last: "Dupont", jr: "Jr.", homonym: "0001"))
        #expect(edited.displayName == "Jean de Dupont, Jr. 0001")
        edited.von = ""
        edited.jr = ""
        #expect(edited == PersonName(first: "Jean", last: "Dupont", homonym: "0001"))
        edited.homonym = ""
        #expect(edited == plain)
        #expect(edited.hashValue == plain.hashValue)
        #expect(edited.identityHash == plain.identityHash)
        #expect(Set([edited, plain]).count == 1)
    }

    /// A control character a broken file left in a name is dropped where the name is made: the
    /// name is one person with its clean spelling, and its label the same in every output (JSON,
    /// CSV and DOT kept the byte, XML dropped it, and an escape reached the terminal: a user
    /// trial of session 54). Institutions' labels likewise.
    @Test func controlCharactersInNamesAreDropped() throws {
        #expect(PersonName(first: "Ann\u{1}e", last: "Lee\u{1B}").displayName == "Anne Lee")
        #expect(PersonName(first: "Ann\u{9}Marie", last: "Lee", jr: "Jr\u{7F}.") == PersonName(first: "Ann Marie", last: "Lee", jr: "Jr."))
        #expect(PersonName(first: "J\u{85}", last: "Doe").first == "J")
        #expect(PersonName(first: "Ann", last: "Lee", jr: "\u{7F}") == PersonName(first: "Ann", last: "Lee"))
        // Clean text is kept as it is (accents and all).
        #expect("Jos\u{E9} P\u{E9}laez".withoutControlCharacters == "José Péla" + "ez")
        #expect(" a \u{0} \n b ".withoutControlCharacters == "a b")
        let bib = "@article{a, author = {Ann\u{1}e Lee and Bo\u{1B} Chan and Cy Dee}, title = {T}, year = 2020}\n"
            + "@article{b, author = {Anne Lee and Bo Chan}, title = {U}, year = 2021}\n"
        let corpus = InputReader.read(bytes: Array(bib.utf8), format: .bibtex, path: "c.bib")
        #expect(corpus.publications.count == 2)
        let authors = AuthorResolver.resolve(corpus.publications, mode: .conservative)
        #expect(authors.names == ["Anne Lee", "Bo Chan", "Cy Dee"])
        let wos = "FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\nAU Lee, A\u{1}\nAF Lee, Ann\u{7}\nTI T\nPY 2020\nUT WOS:1\nER\n\nEF\n"
        let record = try #require(InputReader.read(bytes: Array(wos.utf8), format: .wos, path: "w.txt").publications.first)
        #expect(record.authors.map(\.displayName) == ["Ann Lee"])
        var paper = Publication(key: "p", type: "article", title: "p", venue: "", year: 2020, authors: [PersonName(first: "A", last: "B")],
                                location: SourceLocation(path: "t", line: 1, column: 1))
        paper.extras.affiliations = [[Affiliation(raw: "Univ\u{1} Trento, Trento, Italy")]]
        #expect(UnitIndex(publications: [paper], level: .institution).names == ["Univ Trento"])
    }

    @Test func eachRarePartIsItsOwn() {
        let von = PersonName(first: "A", von: "x", last: "B")
        let jr = PersonName(first: "A", last: "B", jr: "x")
        let homonym = PersonName(first: "A", last: "B", homonym: "x")
        #expect(Set([von, jr, homonym]).count == 3)
        #expect((von.von, von.jr, von.homonym) == ("x", "", ""))
        #expect((jr.von, jr.jr, jr.homonym) == ("", "x", ""))
        #expect((homonym.von, homonym.jr, homonym.homonym) == ("", "", "x"))
    }
}

/// `Publication.authorCount` counts the authors whatever changed them, and takes no room.
struct PublicationAuthorCountTests {
    @Test func countFollowsEveryChangeOfTheAuthors() {
        let location = SourceLocation.file("t.bib")
        var publication = Publication(key: "k", type: "article", title: "T", venue: "V", year: 2001,
                                      authors: [PersonName(first: "A", last: "One")], location: location)
        #expect(publication.authorCount == 1)
        publication.authors.append(PersonName(first: "B", last: "Two"))
        #expect(publication.authorCount == 2)
        publication.authors[0].first = "Ann"
        #expect(publication.authorCount == 2)
        publication.authors.removeAll()
        #expect(publication.authorCount == 0)
        publication.authors = [PersonName(last: "X"), PersonName(last: "Y"), PersonName(last: "Z")]
        #expect(publication.authorCount == 3)
        let withoutText = Publication(type: "article", year: 2001, authorCount: 4, location: location)
        #expect(withoutText.authors.isEmpty && withoutText.authorCount == 4 && withoutText.key.isEmpty)
        // Year, count and truncation share one word, equal contributors live out of line, and
        // line and column take 4 bytes each: 136 bytes a publication, down from 160.
        #expect(MemoryLayout<Publication>.size == 136)
    }

    /// The display form is the non-empty parts joined by blanks (`, ` before `jr`), whatever the
    /// parts' lengths (small strings, strings on the heap), scripts and combining marks; the
    /// common first-and-last form is written in one go and must give the same string.
    @Test func displayNameJoinsTheNonEmptyParts() {
        let firsts = ["", "J.", "Jean-Pierre", "Zoë", "Cafe\u{301}", "Anna Maria Louisa Theodora", "李"]
        let lasts = ["", "Li", "Dupont", "van der Berg-Øster and a long family name", "Ñúñez"]
        let rares = [("", "", ""), ("de", "", ""), ("", "Jr.", ""), ("", "", "0001"), ("von", "III", "0042")]
        var checked = 0
        for first in firsts {
            for last in lasts {
                for (von, jr, homonym) in rares {
                    let name = PersonName(first: first, von: von, last: last, jr: jr, homonym: homonym)
                    var expected = [first, von, last].filter { !$0.isEmpty }.joined(separator: " ")
                    if !jr.isEmpty { expected += ", " + jr }
                    if !homonym.isEmpty { expected += " " + homonym }
                    #expect(name.displayName == expected, "\(first)|\(von)|\(last)|\(jr)|\(homonym)")
                    #expect(name.displayName.utf8.elementsEqual(expected.utf8))
                    checked += 1
                }
            }
        }
        #expect(checked == 175)
    }
}
