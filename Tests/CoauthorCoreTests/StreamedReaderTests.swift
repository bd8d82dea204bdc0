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
}
