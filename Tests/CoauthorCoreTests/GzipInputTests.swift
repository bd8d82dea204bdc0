@testable import CoauthorCore
import Foundation
import Testing

/// gzip-compressed inputs are read as what they hold (`gzip -n` of the fixtures beside them).
struct GzipInputTests {
    private static let folder = Paths.fixtures.appendingPathComponent("gzip")
    private static let exports = Paths.fixtures.appendingPathComponent("exports")

    private func path(_ name: String) -> String { Self.folder.appendingPathComponent(name).path }

    @Test func aCompressedFileReadsAsItsPlainText() throws {
        let compressed = try InputReader.read([path("wos-quirks.txt.gz")])
        let plain = try InputReader.read([Self.exports.appendingPathComponent("wos-quirks.txt").path])
        #expect(compressed.records == 4 && compressed.skipped == 0)
        var relocated = compressed.publications
        for index in relocated.indices { relocated[index].location.path = plain.publications[index].location.path }
        #expect(relocated == plain.publications)
        #expect(compressed.publications.first?.location.path.hasSuffix("wos-quirks.txt.gz") == true)
    }

    @Test func theFormatIsDetectedFromTheDecompressedContent() {
        #expect(InputFormat.detect(path: path("wos-quirks.txt.gz")) == .wos)
        #expect(InputFormat.detect(path: path("openalex-two-members.jsonl.gz")) == .openalex)
        // An OpenAlex snapshot part's name says nothing; this one holds MEDLINE.
        #expect(InputFormat.detect(path: path("part_000.gz")) == .medline)
    }

    @Test func everyMemberOfAMultiMemberFileIsRead() throws {
        let corpus = try InputReader.read([path("openalex-two-members.jsonl.gz")])
        let first = try InputReader.read([Paths.fixtures.appendingPathComponent("openalex/openalex-tricky.jsonl").path])
        let second = try InputReader.read([Self.exports.appendingPathComponent("openalex-work.jsonl").path])
        #expect(corpus.records == first.records + second.records)
        #expect(corpus.publications.count == first.publications.count + second.publications.count)
        #expect(corpus.skipped == first.skipped + second.skipped)
    }

    @Test func aFileCorruptFromItsStartIsOneErrorNamingIt() throws {
        let corpus = try InputReader.read([path("corrupt.txt.gz")], format: .wos)
        #expect(corpus.skipped == 1 && corpus.publications.isEmpty)
        let error = try #require(corpus.diagnostics.first { $0.severity == .error })
        #expect(error.location?.path == path("corrupt.txt.gz"))
        #expect(error.message.contains("corrupt gzip data"))
    }

    /// A truncated file's whole lines are read, as the same file uncompressed and cut is, with an
    /// error at the first line not read (a user trial of session 51: the file was dropped whole,
    /// where its uncompressed cut was read up to the cut). `truncated.txt.gz` inflates to 259
    /// bytes, `gunzip` says, ending inside the first record's `SO` line: the record is kept
    /// without it, with the reader's warning that it has no `ER`.
    @Test func aTruncatedFileIsReadUpToTheCut() throws {
        let corpus = try InputReader.read([path("truncated.txt.gz")], format: .wos)
        #expect(corpus.skipped == 1 && corpus.records == 1)
        #expect(corpus.publications.map { $0.authors.map(\.displayName) } == [["Massimo Aria", "Corrado Cuccurullo"]])
        let error = try #require(corpus.diagnostics.first { $0.severity == .error })
        #expect(error.location?.path == path("truncated.txt.gz") && error.location?.line == 10, "\(error)")
        #expect(error.message.contains("truncated") && error.message.contains("the records before this line were read"), "\(error)")
        #expect(corpus.diagnostics.contains { $0.severity == .warning && $0.message.contains("no 'ER' line") })
        // Read whole (a format read from memory: the bytes handed in, as standard input is), the same.
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path("truncated.txt.gz"))))
        let fromMemory = InputReader.read(bytes: bytes, format: .wos, path: "t.gz")
        #expect(fromMemory.publications.map { $0.authors.map(\.displayName) } == [["Massimo Aria", "Corrado Cuccurullo"]])
        #expect(fromMemory.skipped == 1 && fromMemory.diagnostics.contains { $0.severity == .error && $0.location?.line == 10 })
    }

    /// Bytes after a whole compressed stream: everything it holds is read, its last line too
    /// (without a final line feed it was lost: a review of session 52), read whole or streamed.
    @Test func bytesAfterAWholeStreamLeaveItsLastLineRead() throws {
        var bib = ""
        for i in 0..<16 { bib += "@article{k\(i), author={Ann Alpha and Bob Beta}, title={Paper \(i)}, year={2020}}" + (i < 15 ? "\n" : "") }
        let wos = "FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\nAU Alpha, A\n   Beta, B\nUT WOS:1\nER\n\nPT J\nAU Gamma, C\n   Beta, B\nUT WOS:2\nER"
        for (name, text, count) in [("refs.bib", bib, 16), ("savedrecs.txt", wos, 2)] {
            let (plain, compressed) = try GzipDBLPTests.writePair(text, named: name)
            defer { try? FileManager.default.removeItem(atPath: (plain as NSString).deletingLastPathComponent) }
            let bytes = try Data(contentsOf: URL(fileURLWithPath: compressed)) + Data("junk".utf8)
            try bytes.write(to: URL(fileURLWithPath: compressed))
            for junk in ["junk", "\u{1F}junk"] {
                try (bytes.dropLast(4) + Data(junk.utf8)).write(to: URL(fileURLWithPath: compressed))
                let corpus = try InputReader.read([compressed])
                #expect(corpus.publications.count == count && corpus.skipped == 1, "\(name): \(corpus.publications.count) \(corpus.diagnostics)")
                // Its last line read whole: no record is said to be cut by the end.
                #expect(!corpus.diagnostics.contains { $0.message.contains("no 'ER' line") }, "\(name): \(corpus.diagnostics)")
                let error = try #require(corpus.diagnostics.first { $0.severity == .error }, "\(name)")
                #expect(error.message.contains("everything before it was read"), "\(name): \(error)")
                // The same line and words whether the file is streamed by its path or read whole.
                let whole = InputReader.read(bytes: [UInt8](try Data(contentsOf: URL(fileURLWithPath: compressed))),
                                             format: name.hasSuffix(".bib") ? .bibtex : .wos, path: compressed)
                #expect(whole.diagnostics.first { $0.severity == .error }?.description == error.description, "\(name): \(whole.diagnostics)")
            }
        }
        // An OpenAlex list response read by its path (a document, read whole), bytes after its stream.
        let (plain, compressed) = try GzipDBLPTests.writePair(#"{"meta": {}, "results": [{"id": "https://openalex.org/W1", "authorships": [{"author": {"display_name": "Ann Alpha"}}, {"author": {"display_name": "Bob Beta"}}]}]}"#,
                                                              named: "works.json")
        defer { try? FileManager.default.removeItem(atPath: (plain as NSString).deletingLastPathComponent) }
        try (try Data(contentsOf: URL(fileURLWithPath: compressed)) + Data("junk".utf8)).write(to: URL(fileURLWithPath: compressed))
        let works = try InputReader.read([compressed])
        #expect(works.publications.count == 1 && works.skipped == 1, "\(works.diagnostics)")
    }

    /// Each format read whole (BibTeX here) keeps the records of a truncated file's whole lines
    /// too, and says where it stopped; an entry cut by the end is reported as a cut file's is.
    @Test func aTruncatedBibTeXFileKeepsTheEntriesBeforeTheCut() throws {
        var bib = ""
        for i in 0..<400 { bib += "@article{k\(i), author = {Ann Alpha\(i % 7) and Bob Beta}, title = {Paper \(i) on a topic}, year = {\(2000 + i % 20)}}\n" }
        let (plain, compressed) = try GzipDBLPTests.writePair(bib, named: "refs.bib")
        defer { try? FileManager.default.removeItem(atPath: (plain as NSString).deletingLastPathComponent) }
        let whole = try Data(contentsOf: URL(fileURLWithPath: compressed))
        try whole.prefix(whole.count * 2 / 3).write(to: URL(fileURLWithPath: compressed))
        let corpus = try InputReader.read([compressed])
        #expect(corpus.publications.count > 100 && corpus.publications.count < 400, "\(corpus.publications.count)")
        #expect(corpus.publications.map(\.key) == (0..<corpus.publications.count).map { "k\($0)" })
        #expect(corpus.diagnostics.contains { $0.severity == .error && $0.message.contains("truncated") && $0.location?.path == compressed })
    }

    @Test func compressedBytesFromStandardInputAreInflatedToo() throws {
        let bytes = [UInt8](try Data(contentsOf: Self.folder.appendingPathComponent("part_000.gz")))
        let corpus = try InputReader.read(["-"], format: .medline, standardInput: { bytes })
        #expect(corpus.records == 3 && corpus.publications.count == 2)
        // Bytes after the compressed stream: what it holds is read (as `gunzip` writes it), and the rest is an error.
        let garbage = InputReader.read(bytes: bytes + Array("tail".utf8), format: .medline, path: "<stdin>")
        #expect(garbage.publications.count == 2 && garbage.skipped == corpus.skipped + 1)
        #expect(garbage.diagnostics.contains { $0.severity == .error && $0.message.contains("after the end of the compressed stream") })
    }

    @Test func aFolderFindsCompressedInputs() throws {
        let corpus = try InputReader.read([Self.folder.path])
        // corrupt and truncated are reported, the others read.
        #expect(corpus.files == 5)
        #expect(corpus.skipped >= 2)
        #expect(corpus.publications.count > 4)
    }
}

/// A compressed DBLP dump (`dblp.xml.gz`, as DBLP distributes it) is inflated block by block
/// through the streamed reader, and reads exactly as the plain file does.
struct GzipDBLPTests {
    /// About 90 KB of records (enough for the record runs on several cores), with one key repeated
    /// far from its first use so that the runs' keys clash and the scanner reads the file again.
    static func dump(repeatingAKey: Bool) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE dblp SYSTEM \"dblp.dtd\">\n<dblp>\n"
        for i in 0..<700 {
            // The repeat is a copy of paper 5 (its key and title), which the first reading keeps.
            let copy = repeatingAKey && i == 650
            xml += "<inproceedings key=\"conf/x/K\(copy ? 5 : i)\" mdate=\"2020-01-01\"><author>Ann Author\(i % 37)</author>"
                + "<author>Bo B&ouml;rg \(i % 11)</author><title>Paper number \(copy ? 5 : i)</title><year>\(1990 + i % 30)</year>"
                + "<booktitle>X</booktitle></inproceedings>\n"
        }
        return xml + "</dblp>\n"
    }

    /// Writes `text` and its `gzip -n` beside it in a fresh folder; returns both paths.
    static func writePair(_ text: String, named name: String = "dblp.xml") throws -> (plain: String, compressed: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("coauthor-gz-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let plain = folder.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: plain))
        let gzip = Process()
        gzip.executableURL = URL(fileURLWithPath: "/bin/gzip")
        gzip.arguments = ["-k", "-n", plain]
        try gzip.run()
        gzip.waitUntilExit()
        try #require(gzip.terminationStatus == 0, "gzip failed")
        return (plain, plain + ".gz")
    }

    /// Every format reads compressed as it reads plain (the commands' help says so): each format's
    /// fixture and its `gzip -n`, found by content through the front door, give the same format,
    /// records and publications. (Web of Science plain text, OpenAlex JSON Lines and DBLP XML have
    /// the tests above.)
    @Test(arguments: ["formats/papers.bib", "formats/papers.ris", "formats/papers.json", "exports/crossref-list.json",
                      "exports/dimensions.csv", "exports/ieee.csv", "exports/lens.csv", "exports/openalex-list.json",
                      "exports/openalex.csv", "exports/pubmed.nbib", "exports/scopus-full-names.csv", "exports/wos-tab.txt"])
    func everyFormatReadsCompressedAsPlain(fixture: String) throws {
        let source = Paths.fixtures.appendingPathComponent(fixture)
        let text = try String(contentsOf: source, encoding: .utf8)
        let (plain, compressed) = try Self.writePair(text, named: source.lastPathComponent)
        defer { try? FileManager.default.removeItem(atPath: (plain as NSString).deletingLastPathComponent) }
        let format = try #require(InputFormat.detect(path: plain), "\(fixture): no format")
        #expect(InputFormat.detect(path: compressed) == format, "\(fixture)")
        let reference = try InputReader.read([plain])
        let corpus = try InputReader.read([compressed])
        #expect(reference.publications.count > 0, "\(fixture)")
        #expect((corpus.records, corpus.skipped, corpus.duplicates) == (reference.records, reference.skipped, reference.duplicates), "\(fixture)")
        var relocated = corpus.publications
        for index in relocated.indices { relocated[index].location.path = plain }
        #expect(relocated == reference.publications, "\(fixture)")
    }

    @Test(arguments: [false, true])
    func aCompressedDumpReadsAsThePlainOne(repeatingAKey: Bool) throws {
        let (plain, compressed) = try Self.writePair(Self.dump(repeatingAKey: repeatingAKey))
        defer { try? FileManager.default.removeItem(atPath: (plain as NSString).deletingLastPathComponent) }
        #expect(InputFormat.detect(path: compressed) == .dblp)
        let reference = DBLPXMLReader.read(path: plain)
        #expect(reference.publications.count == (repeatingAKey ? 699 : 700))
        #expect(reference.duplicates == (repeatingAKey ? 1 : 0))
        for chunkSize in [4096, DBLPXMLReader.defaultChunkSize] {
            let corpus = DBLPXMLReader.read(path: compressed, chunkSize: chunkSize)
            var relocated = corpus.publications
            for index in relocated.indices { relocated[index].location.path = plain }
            #expect(relocated == reference.publications)
            #expect(corpus.records == reference.records && corpus.skipped == 0 && corpus.duplicates == reference.duplicates)
            #expect(corpus.diagnostics.map(\.message) == reference.diagnostics.map(\.message))
        }
        // And through the front door, by name.
        let viaInputs = try InputReader.read([compressed])
        #expect(viaInputs.publications.count == reference.publications.count)
    }

    @Test func aTruncatedDumpKeepsWhatWasReadAndSaysWhy() throws {
        let (plain, compressed) = try Self.writePair(Self.dump(repeatingAKey: false))
        defer { try? FileManager.default.removeItem(atPath: (plain as NSString).deletingLastPathComponent) }
        let bytes = try Data(contentsOf: URL(fileURLWithPath: compressed))
        try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: compressed))
        let corpus = DBLPXMLReader.read(path: compressed, chunkSize: 4096)
        let error = try #require(corpus.diagnostics.first { $0.severity == .error && $0.message.contains("truncated") })
        #expect(error.location?.path == compressed)
        #expect(corpus.publications.count > 0 && corpus.publications.count < 700)
    }
}
