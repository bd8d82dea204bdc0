@testable import CoauthorCore
import Foundation
import Testing

/// Exports joined into one file (`cat savedrecs*.txt > all.txt`, as users join the chunks a
/// database exports at a time): the next file's byte-order mark, header and preamble are no
/// records, and a record that both chunks hold is one paper (SPEC §2: within a file, records that
/// repeat a key are one, the first kept).
struct JoinedExportsTests {
    private static let folder = Paths.fixtures.appendingPathComponent("exports")
    private static let mark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// The line- and row-shaped exports (a JSON document joined to another is no JSON).
    static let joinable: [(String, InputFormat)] = [
        ("wos-quirks.txt", .wos), ("wos-tab.txt", .wosTab), ("scopus-full-names.csv", .scopus), ("scopus-ids-only.csv", .scopus),
        ("scopus-names-only.csv", .scopus), ("pubmed.nbib", .medline), ("openalex-work.jsonl", .openalex), ("openalex.csv", .openalexCSV),
        ("lens.csv", .lens), ("dimensions.csv", .dimensions), ("ieee.csv", .ieee),
    ]

    /// `bytes` written to a fresh file named `name` (its extension and content say the format).
    private func file(_ bytes: [UInt8], named name: String) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("coauthor-joined-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    /// `first` and then `second`, each starting with a byte-order mark, as two exported files
    /// joined by `cat` (a line feed added where the first does not end with one).
    private func joined(_ first: [UInt8], _ second: [UInt8]) -> [UInt8] {
        func marked(_ bytes: [UInt8]) -> [UInt8] { bytes.starts(with: Self.mark) ? bytes : Self.mark + bytes }
        var text = marked(first)
        if text.last != 0x0A { text.append(0x0A) }
        return text + marked(second)
    }

    /// A key a reader made of the record's place in its file (none of the database's): it cannot repeat.
    private func isPlaceKey(_ key: String) -> Bool { key.contains(" at line ") }

    /// A publication's key (unless the reader made it of its place), year and authors.
    private func summary(_ publication: Publication) -> String {
        let key = isPlaceKey(publication.key) ? "" : publication.key
        return "\(key)|\(publication.year.map(String.init) ?? "-")|\(publication.authors.map(\.displayName).joined(separator: ";"))"
    }

    @Test(arguments: joinable)
    func anExportJoinedToItselfReadsAsItOnce(name: String, format: InputFormat) throws {
        let raw = try [UInt8](Data(contentsOf: Self.folder.appendingPathComponent(name)))
        let once = try InputReader.read([Self.folder.appendingPathComponent(name).path], format: format)
        let twice = try InputReader.read([try file(joined(raw, raw), named: name)], format: format)
        try #require(!once.publications.isEmpty)
        // Every record is read twice, and none is skipped that was not skipped once.
        #expect(twice.records == 2 * once.records, "\(name): records")
        #expect(twice.skipped == 2 * once.skipped, "\(name): skipped")
        // The papers are those of one copy, in its order; records keyed by their place (no ID)
        // cannot be told apart, and are read again after them.
        let again = once.publications.filter { isPlaceKey($0.key) }
        #expect(twice.publications.count == once.publications.count + again.count, "\(name): publications")
        #expect(twice.publications.prefix(once.publications.count).map(summary) == once.publications.map(summary), "\(name)")
        #expect(twice.duplicates == once.publications.count - again.count, "\(name): one duplicate per keyed paper")
        let repeats = twice.diagnostics.filter { $0.message.contains("repeats the record at line") }
        #expect(repeats.count == twice.duplicates && repeats.allSatisfy { $0.severity == .warning }, "\(name)")
        // No other message than one copy's twice, and the header's repeat in tables.
        let others = twice.diagnostics.filter { !$0.message.contains("repeats the record at line") && !$0.message.contains("the header row again") }
        #expect(others.count == 2 * once.diagnostics.count, "\(name): \(others.map(\.message))")
        let isTable = name.hasSuffix(".csv") || name == "wos-tab.txt"
        #expect(twice.diagnostics.count { $0.message.contains("the header row again") } == (isTable ? 1 : 0), "\(name)")
    }

    /// The MEDLINE record after a joined file's byte-order mark opens a record of its own: read
    /// as no line, its fields went to the record before it (a record without authors took the
    /// next one's authors and kept its own year).
    @Test func aMarkedPMIDLineOpensItsRecord() throws {
        let raw = try [UInt8](Data(contentsOf: Self.folder.appendingPathComponent("pubmed.nbib")))
        let corpus = MedlineReader.read(bytes: joined(raw, raw), path: "joined.nbib")
        let once = MedlineReader.read(bytes: raw, path: "pubmed.nbib")
        #expect(corpus.publications.map(summary) == once.publications.map(summary) + once.publications.map(summary))
        #expect(corpus.diagnostics.count == 2 * once.diagnostics.count)
        let second = try #require(corpus.publications.dropFirst(once.publications.count).first)
        #expect(second.location.column == 2, "the mark is a character of the line")
    }

    /// A RIS file joined to itself: the records after the mark are read (the first of them was
    /// an error, and skipped).
    @Test func risRecordsAfterAMarkAreRead() throws {
        let raw = try [UInt8](Data(contentsOf: Paths.fixtures.appendingPathComponent("formats/papers.ris")))
        let once = RISReader.read(bytes: raw, path: "papers.ris")
        let twice = RISReader.read(bytes: joined(raw, raw), path: "joined.ris")
        #expect(twice.records == 2 * once.records)
        #expect(twice.skipped == 0 && twice.diagnostics.filter { $0.severity == .error }.isEmpty)
        #expect(twice.publications.map(summary) == (once.publications + once.publications).map(summary))
    }

    /// A Web of Science file joined to another: the second's `FN` line, behind its mark, is a header.
    @Test func webOfScienceHeadersAfterAMarkAreHeaders() throws {
        let raw = try [UInt8](Data(contentsOf: Self.folder.appendingPathComponent("wos-quirks.txt")))
        let once = WebOfScienceReader.readPlainText(bytes: raw, path: "wos.txt")
        let twice = WebOfScienceReader.readPlainText(bytes: joined(raw, raw), path: "joined.txt")
        #expect(twice.records == 2 * once.records)
        #expect(!twice.diagnostics.contains { $0.message.contains("outside a record") })
        #expect(twice.publications.map(summary) == (once.publications + once.publications).map(summary))
        // Read by its path a block at a time, the second mark may start a block: the same.
        let path = try file(joined(raw, raw), named: "joined.txt")
        for blockSize in [25, 64, 4096] {
            let streamed = WebOfScienceReader.readPlainText(path: path, blockSize: blockSize)
            #expect(streamed.publications.map(summary) == twice.publications.map(summary), "blocks of \(blockSize)")
            #expect(streamed.diagnostics.map(\.message) == twice.diagnostics.map(\.message), "blocks of \(blockSize)")
        }
    }

    /// Joined Web of Science exports have an `EF` after each part: only the last part's says the
    /// file is whole. A last part cut short is reported as a file cut short is.
    @Test func onlyTheLastPartsEndSaysTheFileIsWhole() throws {
        let raw = try [UInt8](Data(contentsOf: Self.folder.appendingPathComponent("wos-quirks.txt")))
        let text = String(decoding: raw, as: UTF8.self)
        try #require(text.contains("\nEF"))
        let cut = Array(text.replacingOccurrences(of: "\nEF", with: "\n").utf8)
        let truncation = "the file does not end with 'EF'"
        for (bytes, warned) in [(joined(raw, raw), false), (joined(raw, cut), true), (joined(cut, raw), false)] {
            let whole = WebOfScienceReader.readPlainText(bytes: bytes, path: "joined.txt")
            #expect(whole.diagnostics.contains { $0.message.contains(truncation) } == warned)
            let path = try file(bytes, named: "joined.txt")
            for blockSize in [25, 64, 4096] {
                let streamed = Parallelism.$workers.withValue(2) {
                    Parallelism.$minimumRunBytes.withValue(16) { WebOfScienceReader.readPlainText(path: path, blockSize: blockSize) }
                }
                #expect(streamed.diagnostics.map(\.message) == whole.diagnostics.map(\.message), "blocks of \(blockSize)")
            }
        }
    }

    /// MEDLINE read by its path a block at a time, the mark starting a block or not.
    @Test func aMarkedPMIDLineOpensItsRecordInEveryBlock() throws {
        let raw = try [UInt8](Data(contentsOf: Self.folder.appendingPathComponent("pubmed.nbib")))
        let path = try file(joined(raw, raw), named: "joined.nbib")
        let whole = MedlineReader.read(bytes: joined(raw, raw), path: path)
        for blockSize in [25, 64, 4096] {
            let streamed = MedlineReader.read(path: path, blockSize: blockSize)
            #expect(streamed.publications.map(summary) == whole.publications.map(summary), "blocks of \(blockSize)")
            #expect(streamed.diagnostics.map(\.description) == whole.diagnostics.map(\.description), "blocks of \(blockSize)")
        }
    }

    /// The first of two records with one key is kept, whatever the second holds, and the warning
    /// names the first's line.
    @Test func theFirstOfARepeatedKeyIsKept() throws {
        let text = """
        PMID- 1
        DP  - 2001
        FAU - Smith, John
        FAU - Doe, Ann

        PMID- 2
        DP  - 2002
        FAU - Roe, Rick

        PMID- 1
        DP  - 2011
        FAU - Other, Olga

        """
        let corpus = try InputReader.read([try file(Array(text.utf8), named: "repeat.nbib")])
        #expect(corpus.publications.map(summary) == ["PMID:1|2001|John Smith;Ann Doe", "PMID:2|2002|Rick Roe"])
        #expect(corpus.records == 3 && corpus.duplicates == 1)
        let warning = try #require(corpus.diagnostics.first { $0.message.contains("repeats the record") })
        #expect(warning.location?.line == 10 && warning.message.contains("at line 1;"))
    }

    /// A Dimensions export joined to another: its preamble line and header are no records.
    @Test func aDimensionsPreambleBeforeARepeatedHeaderIsNoRecord() throws {
        let raw = try [UInt8](Data(contentsOf: Self.folder.appendingPathComponent("dimensions.csv")))
        let once = DimensionsCSVReader.read(bytes: raw, path: "dimensions.csv")
        let twice = DimensionsCSVReader.read(bytes: joined(raw, raw), path: "joined.csv")
        #expect(twice.records == 2 * once.records)
        let warning = try #require(twice.diagnostics.first { $0.message.contains("the header row again") })
        #expect(warning.message.contains("(and the line before it)"))
        // A row of one field that no header follows is a record as before.
        let lone = Array(String(decoding: raw, as: UTF8.self).utf8) + Array("\"just one field\"\n".utf8)
        #expect(DimensionsCSVReader.read(bytes: lone, path: "lone.csv").records == once.records + 1)
    }
}
