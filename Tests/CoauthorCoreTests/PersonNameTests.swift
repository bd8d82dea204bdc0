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
}
