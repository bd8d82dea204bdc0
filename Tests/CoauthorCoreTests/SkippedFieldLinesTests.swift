@testable import CoauthorCore
import Testing

/// The readers of tagged exports pass the continuation lines of fields no output reads
/// (abstracts, references, MeSH terms) by their line breaks alone: the lines after them keep
/// their numbers, columns and offsets, counted here from the text itself.
struct SkippedFieldLinesTests {
    /// Where a message about the line at byte `offset` of `bytes` must point: the line feeds
    /// before it plus one, and the characters since the last line feed plus one.
    private func place(of offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
        let before = bytes[..<offset]
        let lineStart = (before.lastIndex(of: 0x0A) ?? -1) + 1
        return (before.filter { $0 == 0x0A }.count + 1, bytes[lineStart..<offset].filter { $0 & 0xC0 != 0x80 }.count + 1)
    }

    /// A skipped field of 0 to 5 continuation lines, some blank (empty, or blanks alone).
    private func continuation(_ random: inout SplitMix64, indent: String, ending: String) -> String {
        (0..<Int(random.next() % 6)).map { k in
            switch random.next() % 5 {
            case 0: ending
            case 1: indent + ending
            default: "\(indent)word\(k) naïve text\(ending)"
            }
        }.joined()
    }

    /// Records with abstracts and references of many lines, and stray lines after some: an
    /// untagged line right after an abstract (inside its record) and a tagged one after the record.
    @Test(arguments: ["\n", "\r\n"])
    func webOfScienceMessagesAfterSkippedLinesAreWhereTheLinesAre(ending: String) {
        var random = SplitMix64(seed: 31)
        var text = "FN Clarivate Analytics Web of Science\(ending)VR 1.0\(ending)"
        var inside: [Int] = [], outside: [Int] = []
        for k in 0..<300 {
            text += "PT J\(ending)AU Smith, J\(ending)   Jones, K\(ending)AB An abstract\(ending)"
            text += continuation(&random, indent: "   ", ending: ending)
            // A record's first stray line is reported, and no later one before the next `PT`.
            let strayInside = random.next() % 3 == 0
            if strayInside {
                inside.append(text.utf8.count)
                text += "stray text \(k)\(ending)"
            }
            text += "CR Ref A, 1999\(ending)" + continuation(&random, indent: "   ", ending: ending)
            text += "TI Title \(k)\(ending)UT WOS:\(k)\(ending)ER\(ending)" + continuation(&random, indent: "   ", ending: ending)
            if !strayInside, random.next() % 2 == 0 {
                outside.append(text.utf8.count)
                text += "XX stray \(k)\(ending)"
            }
        }
        text += "EF\(ending)"
        let bytes = Array(text.utf8)
        let corpus = WebOfScienceReader.readPlainText(bytes: bytes, path: "w.txt")
        #expect(corpus.records == 300 && corpus.publications.count == 300)
        #expect(inside.count > 50 && outside.count > 50)
        for (offsets, message) in [(inside, "text outside a record"), (outside, "'XX' outside a record")] {
            let found = corpus.diagnostics.filter { $0.message.contains(message) }.compactMap(\.location)
            #expect(found.count == offsets.count, "\(message)")
            guard found.count == offsets.count else { continue }
            for (location, offset) in zip(found, offsets) {
                #expect(location.byteOffset == offset && location.line == place(of: offset, in: bytes).line, "\(message) at \(offset)")
            }
        }
    }

    /// The same for MEDLINE, whose lines may also end with a carriage return alone (then every
    /// line is line 1 by line feeds, and the column counts from the file's start).
    @Test(arguments: ["\n", "\r\n", "\r"])
    func medlineMessagesAfterSkippedLinesAreWhereTheLinesAre(ending: String) {
        var random = SplitMix64(seed: 37)
        var text = ""
        var strays: [Int] = []
        for k in 0..<200 {
            text += "PMID- \(k + 1)\(ending)TI  - A title\(ending)      that wraps\(ending)AB  - An abstract\(ending)"
            text += continuation(&random, indent: "      ", ending: ending)
            if random.next() % 3 == 0 {
                strays.append(text.utf8.count)
                text += "bad line \(k)\(ending)"
            }
            text += "FAU - Smith, John\(ending)AU  - Smith J\(ending)MH  - Humans\(ending)" + continuation(&random, indent: "      ", ending: ending)
            text += "DP  - 2001\(ending)" + (random.next() % 2 == 0 ? ending : "")
        }
        let bytes = Array(text.utf8)
        let corpus = MedlineReader.read(bytes: bytes, path: "m.nbib")
        #expect(corpus.records == 200 && corpus.publications.count == 200)
        #expect(strays.count > 40)
        let found = corpus.diagnostics.filter { $0.message.contains("not a MEDLINE line") }.compactMap(\.location)
        #expect(found.count == strays.count)
        guard found.count == strays.count else { return }
        for (location, offset) in zip(found, strays) {
            let expected = place(of: offset, in: bytes)
            #expect(location.byteOffset == offset && location.line == expected.line && location.column == expected.column, "at \(offset)")
        }
    }
}
