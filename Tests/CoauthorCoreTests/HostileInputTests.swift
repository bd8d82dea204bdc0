@testable import CoauthorCore
import Foundation
import Testing

/// Inputs built to break readers: each must give a located message and never crash or hang.
/// The inputs are generated here, in temporary folders, so the suite stays small and fast.
struct HostileInputTests {
    private static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("coauthor-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func unbalancedBraceIsReportedAtTheBraceAndTheNextEntryIsRead() throws {
        let corpus = try readBibTeX("@article{a, title = {Open {brace, author = {A One}, year = 2000}\n@article{b, author = {B Two}, year = 2001}\n", path: "u.bib")
        #expect(corpus.publications.map(\.key) == ["b"])
        let error = try #require(corpus.diagnostics.first { $0.severity == .error })
        #expect(error.description.hasPrefix("u.bib:1:21: error: unbalanced braces"))
        #expect(corpus.skipped == 1)
    }

    @Test func missingCommaBetweenFieldsIsLocated() throws {
        let corpus = try readBibTeX("@article{a,\n  author = {A One}\n  year = 2000\n}\n", path: "m.bib")
        let error = try #require(corpus.diagnostics.first { $0.severity == .error })
        #expect(error.location?.line == 3 && error.location?.column == 3)
        #expect(error.message.contains("a missing comma?"))
    }

    @Test func undefinedMacroIsAWarningWithItsPlace() throws {
        let corpus = try readBibTeX("@article{a, author = {A One},\n journal = jacm}\n", path: "d.bib")
        let warning = try #require(corpus.diagnostics.first { $0.severity == .warning })
        #expect(warning.description.hasPrefix("d.bib:2:12: warning: undefined macro 'jacm'"))
        #expect(corpus.publications.count == 1)
    }

    /// Binary data is told by its first bytes and read no further: `/dev/zero`, a file of zeros
    /// and a gzip bomb of zeros filled memory without end (a hostile-input trial of session 55).
    /// A stray NUL in a text file, UTF-16 with its mark and gzip data itself are no binary data.
    @Test func binaryDataIsRefusedByItsFirstBytes() throws {
        #expect(InputFormat.binaryReason(head: [UInt8](repeating: 0, count: 4096))?.contains("a NUL byte at offset 0") == true)
        var generator = SplitMix64(seed: 5)
        let noise = (0..<16_384).map { _ in UInt8.random(in: 0...255, using: &generator) }
        #expect(InputFormat.binaryReason(head: noise) != nil)
        var text = Array("@article{a, author = {Ann Lee and Bo Chan}, title = {T}, year = 2020}\n".utf8)
        text[30] = 0
        #expect(InputFormat.binaryReason(head: text) == nil)
        #expect(InputFormat.binaryReason(head: [0xFF, 0xFE] + Array("@article{a,".utf8).flatMap { [$0, 0] }) == nil)
        #expect(InputFormat.binaryReason(head: [0x1F, 0x8B, 8, 0] + [UInt8](repeating: 0, count: 100)) == nil)

        guard case .failure(let device) = InputReader.readFile("/dev/zero") else { Issue.record("/dev/zero was read"); return }
        #expect(device.isBinary && device.reason.contains("binary data"))
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let zeros = folder.appendingPathComponent("zeros.bib")
        try Data(count: 100_000).write(to: zeros)
        let plain = try InputReader.read([zeros.path])
        #expect(plain.publications.isEmpty && plain.skipped == 1)
        #expect(plain.diagnostics.map(\.description) == ["\(zeros.path): error: cannot read the file (it holds binary data (a NUL byte at offset 0; 16384 of its first 16384 bytes are control characters); a UTF-16 file needs its byte-order mark); skipped"])
        // 64 MB of zeros in 64 KB: refused after its first megabyte is inflated.
        let bomb = folder.appendingPathComponent("bomb.bib.gz")
        let gzip = Process()
        gzip.executableURL = URL(fileURLWithPath: "/bin/sh")
        gzip.arguments = ["-c", "head -c 67108864 /dev/zero | gzip -c > \"$0\"", bomb.path]
        try gzip.run()
        gzip.waitUntilExit()
        guard case .failure(let inflated) = InputReader.readFile(bomb.path) else { Issue.record("the bomb was inflated"); return }
        #expect(inflated.isBinary && inflated.reason.hasPrefix("once inflated, it holds binary data"))
        #expect(inflated.inflated.isEmpty)
        // The readers that stream by path (an OpenAlex snapshot part, Web of Science, MEDLINE, DBLP
        // XML) are asked the same before they read (a review of session 55: a `part_000.gz` of
        // zeros, a line without end, filled memory).
        let part = folder.appendingPathComponent("part_000.gz")
        try FileManager.default.copyItem(at: bomb, to: part)
        for (path, format) in [(part.path, nil), (zeros.path, InputFormat.wos), (zeros.path, .medline), (zeros.path, .openalex), (zeros.path, .dblp)] as [(String, InputFormat?)] {
            let streamed = try InputReader.read([path], format: format)
            #expect(streamed.publications.isEmpty && streamed.skipped == 1, "\(format.map(\.rawValue) ?? path)")
            #expect(streamed.diagnostics.first?.message.contains("binary data (a NUL byte at offset 0") == true, "\(streamed.diagnostics)")
        }
    }

    /// A file compressed otherwise than gzip is said to be so, with the tool that undoes it (an
    /// `.xz` was an unknown file type, and with `--input-format` invalid UTF-8: a user trial of
    /// session 55).
    @Test func otherCompressionsAreNamed() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let xz = folder.appendingPathComponent("refs.bib.xz")
        try Data([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00, 0x00, 0x04, 0xE6, 0xD6, 0xB4, 0x46]).write(to: xz)
        #expect(throws: InputError.binary(xz.path, reason: "it is xz-compressed; coauthor decompresses only gzip (.gz) itself, so decompress it first: xz -d FILE")) {
            try InputReader.read([xz.path])
        }
        let bzip2 = folder.appendingPathComponent("refs.bib")
        try Data(Array("BZh91AY&SY".utf8) + [0x00, 0x01, 0x02]).write(to: bzip2)
        let corpus = try InputReader.read([bzip2.path], format: .bibtex)
        #expect(corpus.publications.isEmpty && corpus.skipped == 1)
        #expect(corpus.diagnostics.first?.message.contains("it is bzip2-compressed; coauthor decompresses only gzip (.gz) itself, so decompress it first: bunzip2 FILE") == true,
                "\(corpus.diagnostics)")
        #expect(InputFormat.otherCompression(head: Array("@article{".utf8)) == nil)
        // A folder of them says so, rather than that it holds no publication file (a hostile-input
        // trial of session 55); beside a file it reads, they are named in its warning.
        let packed = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: packed) }
        try FileManager.default.copyItem(at: xz, to: packed.appendingPathComponent("refs.bib.xz"))
        try Data(Array("BZh91AY&SY".utf8)).write(to: packed.appendingPathComponent("more.bib.bz2"))
        let files: [InputError.CompressedFile] = [.init(name: "more.bib.bz2", compression: "bzip2", tool: "bunzip2"),
                                                  .init(name: "refs.bib.xz", compression: "xz", tool: "xz -d")]
        #expect(throws: InputError.onlyOtherCompressions(packed.path, files)) { try InputReader.read([packed.path]) }
        #expect(InputError.onlyOtherCompressions(packed.path, files).description
                == "the folder holds no publication files coauthor can read, only files compressed otherwise than gzip ('more.bib.bz2: bzip2', "
                + "'refs.bib.xz: xz'); coauthor decompresses only gzip (.gz) itself, so decompress them first: bunzip2 FILE, xz -d FILE")
        try Data("@article{a, author = {Ann Lee}, title = {T}, year = 2020}\n".utf8).write(to: packed.appendingPathComponent("a.bib"))
        let beside = try InputReader.read([packed.path])
        #expect(beside.publications.count == 1)
        #expect(beside.diagnostics.contains { $0.message.contains("'more.bib.bz2' is bzip2-compressed (decompress with bunzip2)")
            && $0.message.contains("'refs.bib.xz' is xz-compressed (decompress with xz -d)") && !$0.message.contains("no supported format") },
                "\(beside.diagnostics.map(\.message))")
    }

    /// A JSON object with none of the fields of a bibliography's records (a table of counts kept
    /// beside exports) is no input of a folder: with the exports in subfolders, the folder read
    /// it alone and ended "no publications with authors were read" (a user trial of session 61).
    @Test func jsonDataBesideExportsIsNoInput() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let counts = Data(#"{"refs.bib": {"records": 1, "format": "bibtex"}, "other.csv": {"records": 2}}"#.utf8)
        try counts.write(to: folder.appendingPathComponent("expected_counts.json"))
        let sub = folder.appendingPathComponent("bibtex")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
        try Data("@article{a, author = {Ann Lee and Bo Ma}, title = {T}, year = 2020}\n".utf8).write(to: sub.appendingPathComponent("refs.bib"))
        #expect(throws: InputError.onlySubfolders(folder.path, ["bibtex"])) { try InputReader.read([folder.path]) }
        try FileManager.default.copyItem(at: sub.appendingPathComponent("refs.bib"), to: folder.appendingPathComponent("refs.bib"))
        let read = try InputReader.read([folder.path])
        #expect(read.publications.count == 1 && read.files == 1, "\(read.diagnostics.map(\.message))")
        #expect(read.diagnostics.contains { $0.message.contains("'expected_counts.json' is JSON with none of the fields of a bibliography's records") },
                "\(read.diagnostics.map(\.message))")
        // A CSL-JSON item, an OpenAlex work and a Crossref message are read.
        for text in [#"{"id": "a", "type": "article", "author": [{"family": "Lee", "given": "Ann"}]}"#, #"{"authorships": []}"#,
                     #"{"status": "ok", "message-type": "work", "message": {}}"#] {
            #expect(!InputFormat.isJSONWithoutRecords(head: Array(text.utf8)), "\(text)")
        }
        #expect(InputFormat.isJSONWithoutRecords(head: Array(counts)))
    }

    /// A network the tool wrote beside its bibliography is no input: it was read as CSL-JSON, a
    /// record without authors (a user trial of session 55).
    @Test func networkFilesAreNoBibliographies() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bib = Data("@article{a, author = {Ann Lee and Bo Ma}, title = {T}, year = 2020}\n".utf8)
        try bib.write(to: folder.appendingPathComponent("refs.bib"))
        let corpus = try InputReader.read([folder.appendingPathComponent("refs.bib").path])
        let analysis = try Analysis(AnalysisRequest(inputs: [folder.appendingPathComponent("refs.bib").path]))
        let nodeLink = analysis.export(.json, metrics: MetricTable(network: analysis.network, request: MetricRequest([])), destination: nil)[0].bytes
        try Data(nodeLink).write(to: folder.appendingPathComponent("network.json"))
        try Data(#"<?xml version="1.0" encoding="UTF-8"?>\#n<gexf xmlns="http://gexf.net/1.3" version="1.3">"#.utf8)
            .write(to: folder.appendingPathComponent("map.xml"))
        try Data(#"{"network": {"items": [], "links": []}}"#.utf8).write(to: folder.appendingPathComponent("vos.json"))
        let read = try InputReader.read([folder.path])
        #expect(read.records == corpus.records && read.publications.count == 1, "\(read.diagnostics.map(\.message))")
        #expect(read.diagnostics.contains { $0.message.hasPrefix("3 files of the folder are not read")
            && $0.message.contains("'map.xml', 'network.json', 'vos.json' are networks (GEXF, VOSviewer JSON, node-link JSON), not a bibliography") },
                "\(read.diagnostics.map(\.message))")
        let named = folder.appendingPathComponent("network.json").path
        #expect(throws: InputError.binary(named, reason: "it is a network in node-link JSON, as `coauthor export` writes it, not a bibliography; "
                                          + "name the publications it was made from (or, if it is a bibliography, its format with --input-format)")) {
            try InputReader.read([named])
        }
        // Named with its format, it is read as asked.
        #expect((try? InputReader.read([named], format: .csl)) != nil)
        // Told by structure: an OpenAlex work whose abstract has these words as keys of its
        // inverted index is a bibliography (a review of session 56 found words enough).
        let work = #"{"id": "https://openalex.org/W1", "abstract_inverted_index": {"directed": [0], "multigraph": [1], "nodes": [2], "network": [3], "items": [4]}, "#
            + #""network": "x", "authorships": []}"#
        #expect(InputFormat.networkFileKind(head: Array(work.utf8)) == nil)
        #expect(InputFormat.networkFileKind(head: Array(#"{"meta": {"directed": true, "nodes": []}}"#.utf8)) == nil)
        #expect(InputFormat.networkFileKind(head: Array(#"{"graph": {}, "directed" : false, "nodes": [{"id": 0, "label": "A "x" {"}], "links""#.utf8))
                == "node-link JSON")
        #expect(InputFormat.networkFileKind(head: Array(#"{"config": {}, "network": {"links": [], "items": [{"id": 1}]}}"#.utf8)) == "VOSviewer JSON")
        #expect(InputFormat.networkFileKind(head: Array(#"[{"directed": true, "nodes": []}]"#.utf8)) == nil)
    }

    @Test func binaryGarbageIsInvalidUTF8WithItsOffset() {
        var generator = SplitMix64(seed: 37)
        var garbage = (0..<65_536).map { _ in UInt8.random(in: 0...255, using: &generator) }
        garbage[100] = 0xFF  // never valid in UTF-8
        #expect {
            _ = try BibTeXReader.read(bytes: garbage, path: "g.bib")
        } throws: { error in
            guard let error = error as? BibTeXReader.ReadError else { return false }
            return error.location.byteOffset <= 100 && error.description.contains("invalid UTF-8 at byte offset")
        }
    }

    @Test func binaryGarbageAsLatin1IsReadWithoutCrashing() throws {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        let garbage = (0..<200_000).map { _ -> UInt8 in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            // Mostly BibTeX punctuation, so the parser goes deep into entries and values.
            let alphabet = Array("@{}(),=#\"% \n\\and ".utf8)
            let pick = Int(state >> 33)
            return pick % 3 == 0 ? UInt8(truncatingIfNeeded: pick >> 7) : alphabet[pick % alphabet.count]
        }
        let corpus = try BibTeXReader.read(bytes: garbage, path: "g.bib", encoding: .latin1)
        #expect(corpus.diagnostics.allSatisfy { $0.location.map { $0.line >= 1 } ?? false })
    }

    @Test func latin1EncodingDecodesEveryByte() throws {
        let bytes: [UInt8] = Array("@article{k, author = {J".utf8) + [0xF6] + Array("rg M".utf8) + [0xFC] + Array("ller}, year = 1999}".utf8)
        let corpus = try BibTeXReader.read(bytes: bytes, path: "l.bib", encoding: .latin1)
        #expect(corpus.publications[0].authors[0].displayName == "Jörg Müller")
    }

    @Test func fiftyMegabyteFieldIsRead() throws {
        var bytes = Array("@article{k, author = {A One}, abstract = {".utf8)
        bytes.reserveCapacity(50_000_100)
        for _ in 0..<10_000_000 { bytes += [0x77, 0x6F, 0x72, 0x64, 0x20] }
        bytes += Array("}, title = {T}, year = 2020}".utf8)
        let corpus = try BibTeXReader.read(bytes: bytes, path: "big.bib")
        #expect(corpus.publications.count == 1)
        #expect(corpus.publications[0].title == "T")
    }

    /// Forty `@string` lines that each double the last (a kilobyte's file asked for 2⁴⁰ bytes and
    /// the run stopped for want of memory: a user trial of session 53): the value that passes a
    /// mebibyte is an error at its line, the macros after it are undefined, and the entry is read.
    @Test func stringMacrosThatDoubleEachOtherStopAtAMebibyte() throws {
        var text = "@string{s0 = \"ab\"}\n"
        for level in 1..<40 { text += "@string{s\(level) = s\(level - 1) # s\(level - 1)}\n" }
        text += "@article{k, author = {A One and B Two}, title = s39, year = 2020}\n"
        let corpus = try BibTeXReader.read(bytes: Array(text.utf8), path: "bomb.bib")
        #expect(corpus.publications.count == 1 && corpus.publications[0].authors.count == 2)
        let error = try #require(corpus.diagnostics.first { $0.message.contains("grows beyond 1048576 bytes") }, "\(corpus.diagnostics.prefix(3))")
        #expect(error.location?.line == 21, "\(String(describing: error.location))")
    }

    @Test func twoHundredThousandNestedBracesInATitleAndInAName() throws {
        let depth = 200_000
        let nested = String(repeating: "{", count: depth) + "x" + String(repeating: "}", count: depth)
        let corpus = try readBibTeX("@article{k, author = {A \(nested) One}, title = {\(nested)}, year = 2000}")
        #expect(corpus.publications.count == 1)
        #expect(corpus.publications[0].title == "x")
    }

    @Test func emptyAndBlankFilesHoldNoRecords() throws {
        for text in ["", "\n\n  \t", "% only a comment\n", "@"] {
            let corpus = try readBibTeX(text)
            #expect(corpus.records == 0 && corpus.publications.isEmpty && corpus.skipped == 0)
        }
    }

    @Test func commentFormsAreSkipped() throws {
        let corpus = try readBibTeX("""
            @comment{@article{hidden, author = {X Y}}}
            @Comment(parenthesised @article{also, author = {Z W}})
            @comment
            @article{seen, author = {A One}, year = 2000}
            """)
        #expect(corpus.publications.map(\.key) == ["seen"])
        #expect(corpus.records == 1)
    }

    @Test func crossrefInheritsBooktitleYearAndIsCaseInsensitiveOnlyAsAFallback() throws {
        let corpus = try readBibTeX("""
            @inproceedings{p, author = {A One}, crossref = {VOL}}
            @inproceedings{q, author = {B Two}, crossref = {missing}}
            @proceedings{vol, title = {Proc. of Things}, year = 2012, editor = {E One and E Two}}
            """)
        #expect(corpus.publications.map(\.year) == [2012, nil])
        #expect(corpus.publications[0].venue == "Proc. of Things")
        #expect(corpus.publications[0].authors.map(\.last) == ["One"])
        #expect(corpus.diagnostics.contains { $0.message.contains("crossref 'missing', which is not in this file") })
    }

    @Test func keysDifferingOnlyInCaseAreTwoRecords() throws {
        let corpus = try readBibTeX("@article{conf/chi/YuN11, author = {A One}}\n@article{conf/chi/Yun11, author = {B Two}}")
        #expect(corpus.publications.count == 2)
        #expect(corpus.duplicates == 0)
    }

    @Test func repeatedNonNameFieldsAreReportedOncePerFieldName() throws {
        let corpus = try readBibTeX("""
            @article{a, author = {A One}, cite = {x}, cite = {y}, cite = {z}}
            @article{b, author = {B Two}, cite = {x}, cite = {y}}
            """)
        let warnings = corpus.diagnostics.filter { $0.message.contains("repeats the field 'cite'") }
        #expect(warnings.count == 1)
        #expect(warnings.first?.message.contains("2 entries in this file repeat 'cite'") == true)
    }

    /// An entry with more fields than real ones have (here 300 names, each twice, and 150
    /// `author` fields) takes the set-based path for repeats: every repeated name is still
    /// reported once, and every `author` field still joins the list, in order.
    @Test func anEntryWithThousandsOfFieldsKeepsEveryRepeatAndAuthor() throws {
        var text = "@article{many, title = {T}, year = {2001}"
        for i in 0..<300 { text += ", f\(i) = {a}" }
        for i in 0..<300 { text += ", f\(i) = {b}" }
        for i in 0..<150 { text += ", author = {Person\(i) Last\(i)}" }
        text += "}\n@article{few, author = {A One}, cite = {x}, cite = {y}}\n"
        let corpus = try readBibTeX(text)
        #expect(corpus.publications.count == 2)
        #expect(corpus.publications.first?.authors.map(\.last) == (0..<150).map { "Last\($0)" })
        let repeats = corpus.diagnostics.filter { $0.message.contains("repeats the field") }
        #expect(repeats.count == 301)
        #expect(repeats.contains { $0.message.contains("entry 'many' repeats the field 'f299'") })
        #expect(repeats.contains { $0.message.contains("entry 'few' repeats the field 'cite'") })
    }

    /// Files that cannot be read even by root (CI runs as root, which reads any file whatever
    /// its mode): a link to nothing and a folder with a bibliography's name.
    @Test func folderOfUnreadableFilesGivesOneErrorPerFile() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("a.bib").path,
                                                   withDestinationPath: folder.appendingPathComponent("gone.bib").path)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("b.bib"), withIntermediateDirectories: false)
        try Data("@article{k, author = {A One and B Two}}".utf8).write(to: folder.appendingPathComponent("c.bib"))
        let corpus = try InputReader.read([folder.path])
        #expect(corpus.files == 3)
        #expect(corpus.publications.count == 1)
        let errors = corpus.diagnostics.filter { $0.severity == .error }
        #expect(errors.compactMap { $0.location.map { URL(fileURLWithPath: $0.path).lastPathComponent } } == ["a.bib", "b.bib"])
        #expect(errors.allSatisfy { $0.message.contains("cannot read the file") })
    }
}
