@testable import CoauthorCore
import Foundation
import Testing

/// Web of Science plain text and MEDLINE read by path stream a block of lines at a time: the
/// records and messages are those of reading the same bytes whole, wherever the blocks end.
struct StreamedReaderTests {
    private static let samples: [URL] = {
        var files = [Paths.fixtures.appendingPathComponent("exports/wos-quirks.txt"),
                     Paths.fixtures.appendingPathComponent("gzip/wos-quirks.txt.gz")]
        let shared = ExportDatasets.folder.appendingPathComponent("wos-plaintext")
        for name in ["bibliometrix-wos_sample.txt", "metaknowledge-TwoPaper.isi", "metaknowledge-badFile.isi", "metaknowledge-savedrecs.txt"] {
            let url = shared.appendingPathComponent(name)
            if FileManager.default.fileExists(atPath: url.path) { files.append(url) }
        }
        return files
    }()

    @Test(arguments: [16, 333, 8 << 20])
    func webOfScienceInBlocksReadsAsWhole(blockSize: Int) throws {
        for url in Self.samples {
            let whole = InputReader.read(bytes: [UInt8](try Data(contentsOf: url)), format: .wos, path: url.path)
            let streamed = WebOfScienceReader.readPlainText(path: url.path, blockSize: blockSize)
            #expect(streamed.records == whole.records && streamed.skipped == whole.skipped, "\(url.lastPathComponent)")
            #expect(streamed.publications == whole.publications, "\(url.lastPathComponent)")
            #expect(streamed.diagnostics.map(\.description) == whole.diagnostics.map(\.description), "\(url.lastPathComponent)")
            #expect(whole.records > 0)
        }
    }

    /// A regular file is mapped and read in blocks as reading it through a buffer does: whole
    /// lines, at their offsets, every byte once, wherever the lines end and however long (a line
    /// longer than a block, a last line without a line feed, an empty file). (The last line
    /// without a line feed may come in a block of its own or not.)
    @Test(arguments: [1, 3, 16, 333])
    func mappedAndBufferedFilesGiveWholeLinesInOrder(blockSize: Int) throws {
        var generator = SplitMix64(seed: 21)
        let longLine = String(repeating: "z", count: 1000)
        let lines = (0..<200).map { k in String(repeating: "a", count: Int(generator.next() % 40)) + "\(k)" }
        for text in [lines.joined(separator: "\n") + "\n", lines.joined(separator: "\n"), "x\n" + longLine + "\ny", longLine, "\n\n", ""] {
            let url = FileManager.default.temporaryDirectory.appendingPathComponent("coauthor-blocks-\(UUID().uuidString).txt")
            try Data(text.utf8).write(to: url)
            defer { try? FileManager.default.removeItem(at: url) }
            func blocks(mapping: Bool) -> [(bytes: [UInt8], offset: Int)] {
                var seen: [(bytes: [UInt8], offset: Int)] = []
                let failure = LineBlocks.read(path: url.path, blockSize: blockSize, mapping: mapping) { block, offset in
                    seen.append((Array(block), offset))
                    return true
                }
                #expect(failure == nil)
                return seen
            }
            for (mapping, seen) in [(true, blocks(mapping: true)), (false, blocks(mapping: false))] {
                #expect(seen.flatMap(\.bytes) == Array(text.utf8), "mapping \(mapping)")
                #expect(seen.map(\.offset) == seen.indices.map { k in seen[..<k].reduce(0) { $0 + $1.bytes.count } }, "mapping \(mapping)")
                #expect(seen.allSatisfy { !$0.bytes.isEmpty }, "mapping \(mapping)")
                // Every block but the last ends with a line feed.
                #expect(seen.dropLast().allSatisfy { $0.bytes.last == 0x0A }, "mapping \(mapping)")
                // Mapped, a block grows past the block size only for a first line that does not
                // fit in it (the buffer, once grown, stays as large).
                let size = max(blockSize, 16)
                #expect(!mapping || seen.allSatisfy { $0.bytes.count <= size || ($0.bytes.firstIndex(of: 0x0A) ?? $0.bytes.count) >= size })
            }
        }
    }

    @Test(arguments: ["FN x\nVR 1.0\nAU Lost, A\nPT J\nAU Kept, B\nER\nEF\n", "\u{FEFF}PT J\r\nAU Doe, J\r\nER\r\n", "PT J\nAU A, B\n", "hello\n", "  \n\n", "ER\nEF\n"])
    func hostileTextInBlocksReadsAsWhole(text: String) throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("coauthor-wos-\(getpid())-\(abs(text.hashValue)).txt")
        try Data(text.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let whole = WebOfScienceReader.readPlainText(bytes: Array(text.utf8), path: url.path)
        let streamed = WebOfScienceReader.readPlainText(path: url.path, blockSize: 16)
        #expect(streamed.records == whole.records && streamed.skipped == whole.skipped)
        #expect(streamed.publications == whole.publications)
        #expect(streamed.diagnostics.map(\.description) == whole.diagnostics.map(\.description))
    }

    @Test(arguments: [16, 333, 8 << 20])
    func medlineInBlocksReadsAsWhole(blockSize: Int) throws {
        var files = [Paths.fixtures.appendingPathComponent("exports/pubmed.nbib"), Paths.fixtures.appendingPathComponent("gzip/part_000.gz")]
        let shared = ExportDatasets.folder.appendingPathComponent("pubmed/pybibx-mcda_pubmed.txt")
        if FileManager.default.fileExists(atPath: shared.path) { files.append(shared) }
        for url in files {
            let whole = InputReader.read(bytes: [UInt8](try Data(contentsOf: url)), format: .medline, path: url.path)
            let streamed = MedlineReader.read(path: url.path, blockSize: blockSize)
            #expect(streamed.records == whole.records && streamed.skipped == whole.skipped, "\(url.lastPathComponent)")
            #expect(streamed.publications == whole.publications, "\(url.lastPathComponent)")
            #expect(streamed.diagnostics.map(\.description) == whole.diagnostics.map(\.description), "\(url.lastPathComponent)")
            #expect(whole.records > 0)
        }
    }

    @Test(arguments: ["AU  - Lost A\n\nPMID- 1\nAU  - Kept B\n", "\u{FEFF}PMID- 1\r\nFAU - Doe, Jo\r\nxx\r\n\r\nPMID- 2\r\nAU  - Roe R\r\n",
                      "PMID- 1\rAU  - Old Mac\rbad line\rPMID- 2\rAU  - Two T\r", "hello\n", "\n\n", "PMID- 1\nTI  - x\n      more\nAU  - A B"])
    func hostileMedlineInBlocksReadsAsWhole(text: String) throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("coauthor-medline-\(getpid())-\(abs(text.hashValue)).nbib")
        try Data(text.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let whole = MedlineReader.read(bytes: Array(text.utf8), path: url.path)
        let streamed = MedlineReader.read(path: url.path, blockSize: 16)
        #expect(streamed.records == whole.records && streamed.skipped == whole.skipped)
        #expect(streamed.publications == whole.publications)
        #expect(streamed.diagnostics.map(\.description) == whole.diagnostics.map(\.description))
    }

    /// MEDLINE lines end at a line feed, a carriage return or both, found eight bytes at a time:
    /// every ending at every place in a word of eight bytes ends its line there.
    @Test(arguments: ["\n", "\r", "\r\n"])
    func medlineLinesEndWhereverTheirEndFalls(ending: String) {
        var text = ""
        for pad in 0..<17 {
            let title = "Title " + String(repeating: "x", count: pad)
            text += "PMID- \(pad + 1)" + ending + "TI  - " + title + ending + "      " + String(repeating: "y", count: pad) + ending
                + "FAU - Doe\(String(repeating: "e", count: pad)), Jo" + ending + "AU  - Roe R" + ending
        }
        let corpus = MedlineReader.read(bytes: Array(text.utf8), path: "x.nbib")
        #expect(corpus.records == 17 && corpus.skipped == 0)
        #expect(corpus.publications.map(\.title) == (0..<17).map { pad in
            pad == 0 ? "Title" : "Title " + String(repeating: "x", count: pad) + " " + String(repeating: "y", count: pad)
        })
        #expect(corpus.publications.map { $0.authors.map(\.displayName) } == (0..<17).map { pad in
            ["Jo Doe" + String(repeating: "e", count: pad)]
        })
    }

    @Test func invalidUTF8InALaterBlockIsOneErrorForTheFile() throws {
        var bytes = Array("FN x\nVR 1.0\nPT J\nAU Doe, J\nER\nPT J\nAU Bad, ".utf8) + [0xFF] + Array("\nER\nEF\n".utf8)
        bytes.insert(contentsOf: Array(repeating: UInt8(ascii: "\n"), count: 40), at: 12)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("coauthor-wos-invalid-\(getpid()).txt")
        try Data(bytes).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let whole = WebOfScienceReader.readPlainText(bytes: bytes, path: url.path)
        let streamed = WebOfScienceReader.readPlainText(path: url.path, blockSize: 16)
        #expect(streamed.publications.isEmpty && streamed.skipped == 1)
        #expect(streamed.diagnostics.map(\.description) == whole.diagnostics.map(\.description))
    }

    /// Read alone for an output that lists no papers (`keepingText: false`), a Web of Science,
    /// MEDLINE or OpenAlex JSON Lines file leaves out titles, venues and DOIs, and nothing else:
    /// the same records, authors, IDs, affiliations and messages (a malformed title is still an
    /// error). With a second file, they are kept: the same paper is found across files by them.
    @Test func filesReadAloneWithoutTextKeepAllButTitlesVenuesAndDOIs() throws {
        let openAlex = [
            #"{"id": "https://openalex.org/W1", "doi": "https://doi.org/10.1/a", "title": "First", "display_name": "First", "publication_year": 2019, "primary_location": {"source": {"display_name": "J One"}}, "authorships": [{"author": {"id": "https://openalex.org/A1", "display_name": "Ann Smith", "orcid": "https://orcid.org/0000-0002-1825-0097"}, "institutions": [{"display_name": "Univ X", "country_code": "IT"}]}]}"#,
            #"{"id": "https://openalex.org/W2", "title": "Bad \q escape", "publication_year": 2020, "authorships": [{"author": {"display_name": "Bob Jones"}}]}"#,
            #"{"id": "https://openalex.org/W3", "display_name": "Third", "doi": "10.1/c", "host_venue": {"display_name": "J Three"}, "publication_year": 2021, "authorships": [{"author": {"id": "https://openalex.org/A2", "display_name": "Bob Jones"}}, {"author": {"id": "https://openalex.org/A1", "display_name": "A. Smith"}}]}"#,
        ].joined(separator: "\n") + "\n"
        let openAlexURL = FileManager.default.temporaryDirectory.appendingPathComponent("coauthor-notext-\(getpid()).jsonl")
        try Data(openAlex.utf8).write(to: openAlexURL)
        defer { try? FileManager.default.removeItem(at: openAlexURL) }
        let files: [(URL, (String, Bool) -> Corpus)] = [
            (Paths.fixtures.appendingPathComponent("exports/wos-quirks.txt"), { WebOfScienceReader.readPlainText(path: $0, keepingText: $1) }),
            (Paths.fixtures.appendingPathComponent("exports/pubmed.nbib"), { MedlineReader.read(path: $0, keepingText: $1) }),
            (openAlexURL, { OpenAlexReader.readJSON(path: $0, keepingText: $1) }),
        ]
        for (url, read) in files {
            let name = url.lastPathComponent
            let full = read(url.path, true)
            let bare = read(url.path, false)
            // The files have titles, venues and DOIs to leave out.
            #expect(full.publications.contains { !$0.title.isEmpty } && full.publications.contains { !$0.venue.isEmpty }
                    && full.publications.contains { !$0.doi.isEmpty }, "\(name)")
            #expect(bare.publications.allSatisfy { $0.title.isEmpty && $0.venue.isEmpty && $0.doi.isEmpty }, "\(name)")
            #expect(bare.records == full.records && bare.skipped == full.skipped && bare.publications.count == full.publications.count, "\(name)")
            let blanked = full.publications.map { publication in
                var publication = publication
                (publication.title, publication.venue, publication.doi) = ("", "", "")
                return publication
            }
            #expect(bare.publications == blanked, "\(name)")
            #expect(bare.diagnostics.map(\.description) == full.diagnostics.map(\.description), "\(name)")
            if url == openAlexURL { #expect(bare.skipped == 1 && bare.diagnostics.contains { $0.message.contains("is not a JSON escape") }) }
            // Through `InputReader`: alone, the text is left out; beside another file, kept.
            let alone = try InputReader.read([url.path], keepingText: false)
            #expect(alone.publications == bare.publications, "\(name)")
            let pair = try InputReader.read([url.path, Paths.fixtures.appendingPathComponent("exports/lens.csv").path], keepingText: false)
            #expect(Array(pair.publications.prefix(full.publications.count)) == full.publications, "\(name)")
        }
    }
}
