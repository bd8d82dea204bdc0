@testable import CoauthorCore
import Foundation
import Testing

/// The BibTeX parser reads a large file in two halves on two cores; whatever the file holds
/// around the middle, the result must be that of one pass in order.
struct ParallelParseTests {
    /// About 5 MB of entries (enough for the split), with `middle` inserted halfway.
    /// With `repeatEvery`, every such entry repeats its `url` (a field the parser does not keep).
    private static func file(header: String = "", middle: String = "", entryField: String = "journal = {J}", repeatEvery: Int? = nil) -> [UInt8] {
        var text = header
        let count = 18_000
        for index in 0..<count {
            if index == count / 2 { text += middle }
            if let every = repeatEvery, index % every == every - 1 { text += "@misc{rep\(index), url = {a}, author = {R Peat}, url = {b}}\n" }
            text += "@inproceedings{key\(index),\n  author = {Ann Author\(index % 500) and Bob Writer\(index % 300)},\n"
            text += "  title = {A title about {Things} number \(index) with some padding to make it longer and longer},\n"
            text += "  \(entryField),\n  year = {\(1990 + index % 30)},\n  pages = {1--10},\n  url = {https://example.org/\(index)}\n}\n\n"
        }
        return Array(text.utf8)
    }

    private struct Summary: Equatable {
        var entries: [String]
        var values: [String]
        var errors: [String]
        var warnings: [String]
        var otherRepeats: [String]
    }

    private static func summary(_ parser: BibTeXParser) -> Summary {
        Summary(entries: parser.entries.map { "\($0.type) \($0.key) \($0.offset) \($0.fields.count)" },
                values: parser.fields.map { "\($0.name) \($0.offset) " + parser.valueString($0.value) },
                errors: parser.errors.map { "\($0.offset) \($0.message)" },
                warnings: parser.warnings.map { "\($0.offset) \($0.message)" },
                otherRepeats: parser.otherRepeats.sorted { $0.key < $1.key }.map { entry, notes in "\(entry): \(notes.map { "\($0.offset) \($0.nameHash)" })" })
    }

    private static func serial(_ bytes: [UInt8]) -> Summary {
        var parser = BibTeXParser(bytes: bytes)
        parser.parse()
        return summary(parser)
    }

    @Test func plainFileMatchesOnePass() {
        let bytes = Self.file(repeatEvery: 3_000)
        #expect(bytes.count > 4 << 20)
        let parser = BibTeXParser.parse(bytes: bytes)
        #expect(parser.readInTwoHalves)
        let parallel = Self.summary(parser)
        #expect(parallel == Self.serial(bytes))
        #expect(parallel.entries.count == 18_006)
        // Each half's notes of repeated fields it does not keep, under the entry's final index.
        #expect(parallel.otherRepeats.count == 6)
        #expect(parser.otherRepeats.keys.sorted().map { parser.entries[$0].key } == (1...6).map { "rep\($0 * 3_000 - 1)" })
    }

    @Test func macroDefinedBeforeTheMiddleIsUsedAfterIt() {
        let bytes = Self.file(header: "@string{jn = {Journal of Tests}}\n@string{jan = {Janvier}}\n",
                              entryField: "journal = jn # { } # jan")
        let parser = BibTeXParser.parse(bytes: bytes)
        // The second half borrows macros the first defines, so it is read again in order.
        #expect(!parser.readInTwoHalves)
        let parallel = Self.summary(parser)
        #expect(parallel == Self.serial(bytes))
        #expect(parallel.values.contains { $0.hasSuffix("Journal of Tests Janvier") })
        #expect(parallel.warnings.isEmpty)
    }

    @Test func macroRedefinedInTheMiddle() {
        let bytes = Self.file(header: "@string{jn = {Old}}\n", middle: "@string{jn = {New}}\n", entryField: "journal = jn")
        let parallel = Self.summary(BibTeXParser.parse(bytes: bytes))
        #expect(parallel == Self.serial(bytes))
        #expect(parallel.values.contains { $0.hasSuffix(" Old") } && parallel.values.contains { $0.hasSuffix(" New") })
    }

    @Test func commentBlockAcrossTheMiddle() {
        // Entries commented out with @comment{…} are not read, even where the split would fall.
        var middle = "@comment{\n"
        for index in 0..<400 { middle += "@article{hidden\(index), author = {Hidden Person}, title = {T}, year = 2000}\n" }
        middle += "}\n"
        let bytes = Self.file(middle: middle)
        let parser = BibTeXParser.parse(bytes: bytes)
        // The block holds the middle of the file: the first half reads past the split.
        #expect(!parser.readInTwoHalves)
        let parallel = Self.summary(parser)
        #expect(parallel == Self.serial(bytes))
        #expect(!parallel.entries.contains { $0.contains("hidden") })
    }

    @Test func brokenEntryAcrossTheMiddle() {
        let bytes = Self.file(middle: "@article{broken, author = {Unclosed Brace, title = {T}\n\n")
        let parser = BibTeXParser.parse(bytes: bytes)
        #expect(parser.readInTwoHalves)
        let parallel = Self.summary(parser)
        #expect(parallel == Self.serial(bytes))
        #expect(parallel.errors.count == 1)
    }

    /// With `Parallelism.minimumRunBytes` lowered, small files are read in two halves too (what the
    /// fuzz target checks on arbitrary bytes): every BibTeX seed of the fuzz corpus, whatever it
    /// holds around its middle (macros, comments, broken and truncated entries, Latin-1), parses as
    /// one pass does, and most are read in halves.
    @Test func smallFilesInTwoHalvesMatchOnePass() throws {
        let folder = FuzzRegressionTests.corpus.appendingPathComponent("bibtex")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        try #require(names.count >= 5)
        var halved = 0
        for name in names {
            let bytes = try [UInt8](Data(contentsOf: folder.appendingPathComponent(name)))
            let parser = Parallelism.$workers.withValue(2) { Parallelism.$minimumRunBytes.withValue(8) { BibTeXParser.parse(bytes: bytes) } }
            if parser.readInTwoHalves { halved += 1 }
            #expect(Self.summary(parser) == Self.serial(bytes), "\(name)")
        }
        #expect(halved * 2 >= names.count, "\(halved) of \(names.count) read in halves")
    }
}
