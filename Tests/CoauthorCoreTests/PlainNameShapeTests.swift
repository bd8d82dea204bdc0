@testable import CoauthorCore
import Foundation
import Testing

/// Names of the plain shape are parsed on their bytes (`PlainNameWords`); every name parses to
/// what the general path, through strings, gives it.
struct PlainNameShapeTests {
    /// Words of every kind the two paths judge: capitalised and lower-case (`von`) words,
    /// initials, four-digit homonym numbers, letters beyond ASCII first and inside, apostrophes,
    /// hyphens, punctuation, LaTeX specials, combining marks, Greek and CJK.
    private static let words = [
        "Anna", "Li", "Wei", "O'Brien", "Jean-Pierre", "McDonald", "Smith", "Aria", "Müller", "Fernández",
        "Straße", "van", "der", "de", "la", "von", "di", "d'Alembert", "J.", "J.C.", "JC", "J", "J.-C.", "AB", "ABCD",
        "A.B.C.D.", "0001", "2021", "12345", "2nd", "(ed.)", "Jr.", "III", "x", "-", "Zoë", "ÿ",
    ]
    /// Words the plain shape leaves to the general path.
    private static let oddWords = [
        "Øster", "Łukasz", "Ñúñez", "É.", "Élodie", "ßa", "Anne--Marie", "{Anna}", "\\'e", "$x$", "Jos~Maria",
        "e\u{301}mile", "Καλή", "王", "Ab\u{A0}Cd", "tab\there", "ǅ", "ɐ", "×", "Ørsted", "Å",
    ]

    /// A seeded random name: words joined by blanks, now and then a comma (or two), a doubled
    /// blank, or blanks at the ends.
    private static func name(_ random: inout SplitMix64) -> String {
        var text = ""
        for k in 0..<(1 + Int(random.next() % 5)) {
            if k > 0 {
                switch random.next() % 12 {
                case 0: text += ", "
                case 1: text += ","
                case 2: text += "  "
                default: text += " "
                }
            }
            let pool = random.next() % 8 == 0 ? oddWords : words
            text += pool[Int(random.next() % UInt64(pool.count))]
        }
        switch random.next() % 20 {
        case 0: return " " + text
        case 1: return text + " "
        case 2: return text + ","
        case 3: return ", " + text
        default: return text
        }
    }

    /// A name's parts as bytes (string equality would take `é` and `e` + U+0301 for equal).
    private static func bytes(_ name: PersonName?) -> [[UInt8]]? {
        name.map { name in [name.first, name.von, name.last, name.jr, name.homonym].map { Array($0.utf8) } }
    }

    @Test func namesParseAsThroughStringsWhateverTheirShape() {
        var random = SplitMix64(seed: 40)
        var plain = 0
        let total = 30_000
        for _ in 0..<total {
            let text = Self.name(&random)
            var bytes = text
            if bytes.withUTF8({ PlainNameWords($0) != nil }) { plain += 1 }
            #expect(Self.bytes(NameParser.parsePlainName(text)) == Self.bytes(NameParser.parsePlainNameByCharacters(text)), "\(text.debugDescription)")
            #expect(Self.bytes(ExportValues.name(text)) == Self.bytes(ExportValues.nameByCharacters(text)), "\(text.debugDescription)")
        }
        // Both paths are taken, each on thousands of names.
        #expect(plain > total / 4 && plain < total * 3 / 4, "\(plain) of \(total) names of the plain shape")
    }

    /// The shapes database exports write, each read on the bytes, to the parts they have.
    @Test(arguments: [
        ("Fernández, Qing", "Qing", "", "Fernández", ""),
        ("van der Berg, Jan", "Jan", "van der", "Berg", ""),
        ("Massimo Aria", "Massimo", "", "Aria", ""),
        ("Ludwig van Beethoven", "Ludwig", "van", "Beethoven", ""),
        ("Wang Wei 0001", "Wang", "", "Wei", "0001"),
        ("Phillips J.C.", "J.C.", "", "Phillips", ""),
        ("Mazurek J", "J", "", "Mazurek", ""),
    ])
    func exportShapesAreReadOnTheBytes(text: String, first: String, von: String, last: String, homonym: String) throws {
        var bytes = text
        #expect(bytes.withUTF8 { PlainNameWords($0) != nil })
        let name = try #require(ExportValues.name(text))
        #expect(name.first == first && name.von == von && name.last == last && name.homonym == homonym, "\(name)")
    }
}
