@testable import CoauthorCore
import Foundation
import Testing

/// What the fuzz targets found (`Scripts/fuzz.sh`), pinned: every seed of `Fuzz/corpus/<format>/`,
/// the crashing inputs among them (`crash-*`), read as the fuzz target reads them, and each fix on
/// its smallest input.
@Suite struct FuzzRegressionTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fuzz/corpus")

    static var seeds: [(format: InputFormat, file: URL)] {
        InputFormat.allCases.flatMap { format in
            let folder = corpus.appendingPathComponent(format.rawValue)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            return names.sorted().map { (format, folder.appendingPathComponent($0)) }
        }
    }

    @Test func everyReaderHasSeedsAndCrashInputsAreAmongThem() {
        for format in InputFormat.allCases {
            #expect(Self.seeds.contains { $0.format == format }, "no seeds in Fuzz/corpus/\(format.rawValue)/")
        }
        #expect(Self.seeds.contains { $0.file.lastPathComponent.hasPrefix("crash-") })
    }

    @Test func everySeedIsReadInBothEncodingsWithoutATrap() throws {
        for (format, file) in Self.seeds {
            let bytes = try [UInt8](Data(contentsOf: file))
            for encoding in [BibTeXReader.TextEncoding.utf8, .latin1] {
                let corpus = InputReader.read(bytes: bytes, format: format, path: file.lastPathComponent, encoding: encoding)
                #expect(corpus.publications.count <= corpus.records, "\(file.lastPathComponent)")
                if !corpus.publications.isEmpty {
                    _ = AuthorResolver.resolve(corpus.publications, mode: .conservative)
                }
            }
        }
    }

    /// Found by FuzzReaders/bibtex: `year = {2007777…}` (a run of 99 digits) overflowed the year
    /// scanner that every reader shares.
    @Test func aRunOfManyDigitsIsNoYearAndNoOverflow() throws {
        #expect(BibTeXReader.firstYear(String(repeating: "7", count: 99)) == nil)
        #expect(BibTeXReader.firstYear("2007777777777777777777777 and 1999") == 1999)
        let corpus = try BibTeXReader.read(bytes: Array("@article{k, author = {A One and B Two}, year = {\(String(repeating: "9", count: 40))}}\n".utf8), path: "y.bib")
        #expect(corpus.publications.count == 1)
        #expect(corpus.publications.first?.year == nil)
    }

    /// A CSL-JSON year may be any JSON number; only four-digit years are years, as elsewhere.
    @Test func aCSLYearOutOfRangeIsNoYear() {
        let json = #"""
        [{"id": "a", "author": [{"family": "One", "given": "A"}], "issued": {"date-parts": [[1e300]]}},
         {"id": "b", "author": [{"family": "Two", "given": "B"}], "issued": {"date-parts": [[-5000000000000000000]]}},
         {"id": "c", "author": [{"family": "Three", "given": "C"}], "issued": {"date-parts": [["99999999999999999999"]]}},
         {"id": "d", "author": [{"family": "Four", "given": "D"}], "issued": {"date-parts": [[2019.0]]}}]
        """#
        let corpus = CSLJSONReader.read(bytes: Array(json.utf8), path: "y.json")
        #expect(corpus.publications.map(\.year) == [nil, nil, nil, 2019])
    }

    /// The names target's findings of session 6 (`L* *  and ́?* r. `): "and" between blanks
    /// separates two names in BibTeX even when a combining mark follows the blank, as BibTeX reads
    /// bytes; the fuzz target now skips such input as it skips every "and" (RIS and DBLP do not split).
    @Test func andBeforeACombiningMarkStillSeparatesTwoNames() throws {
        let corpus = try BibTeXReader.read(bytes: Array("@misc{k, author = {L* *  and \u{301}?* r. and Other Person}}\n".utf8), path: "n.bib")
        #expect(corpus.publications.first?.authors.count == 3)
    }

    /// The differential target (`COAUTHOR_FUZZ_READER=names`) on its seeds: a plainly written name
    /// is the same person read as BibTeX, RIS or DBLP XML (RIS reading a generational suffix as
    /// the exports do: the seeds `suffix-*` are the target's findings of session 48).
    @Test func aPlainNameIsTheSamePersonInEveryFormat() throws {
        let folder = Self.corpus.appendingPathComponent("names")
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            func first(_ corpus: Corpus) -> PersonName? {
                guard let publication = corpus.publications.first, publication.authors.count == 2 else { return nil }
                return publication.authors[0]
            }
            let plain = NameParser.parsePlainName(text)
            let bibtex = try first(BibTeXReader.read(bytes: Array("@misc{k, author = {\(text) and Other Person}}\n".utf8), path: "n.bib"))
            let ris = first(RISReader.read(bytes: Array("TY  - JOUR\nAU  - \(text)\nAU  - Other Person\nER  - \n".utf8), path: "n.ris"))
            let dblp = first(DBLPXMLReader.read(bytes: Array("<dblp><article key=\"k\"><author>\(text)</author><author>Other Person</author></article></dblp>".utf8), path: "n.xml"))
            #expect(plain != nil, "\(file)")
            #expect(bibtex == plain, "\(file): BibTeX")
            // RIS reads a generational suffix as the name's `jr` (`NameParser.parseExportedName`);
            // without one, it reads the plain parse.
            let exported = NameParser.parseExportedName(text)
            #expect(ris == exported, "\(file): RIS")
            #expect(exported == plain || !(exported?.jr.isEmpty ?? true), "\(file): a suffix read")
            // DBLP alone reads a last word of four or more digits, after any Unicode blank, as a
            // homonym number (the fuzz target skips such names for the same reason).
            let words = text.unicodeScalars.split(whereSeparator: { $0.properties.isWhitespace })
            if words.count > 1, let last = words.last, last.count >= 4, last.allSatisfy({ $0.value >= 0x30 && $0.value <= 0x39 }) {
                #expect(dblp?.homonym == String(String.UnicodeScalarView(last)), "\(file): DBLP homonym")
            } else {
                #expect(dblp == plain, "\(file): DBLP")
            }
        }
    }

    /// The names target's findings of session 7 (`e<U+00A0>8888…`): DBLP splits a name at every
    /// Unicode blank, so a no-break space before the digits makes them a homonym number, as a space does.
    @Test func dblpReadsAHomonymNumberAfterANoBreakSpace() {
        for separator in [" ", "\u{A0}"] {
            let xml = "<dblp><article key=\"k\"><author>Wei\(separator)Wang\(separator)0001</author></article></dblp>"
            let name = DBLPXMLReader.read(bytes: Array(xml.utf8), path: "n.xml").publications.first?.authors.first
            #expect(name?.last == "Wang" && name?.first == "Wei" && name?.homonym == "0001", "separator \(separator.debugDescription): \(String(describing: name))")
        }
    }

    /// The streamed readers (Web of Science, MEDLINE, OpenAlex JSON Lines, DBLP XML) read every seed
    /// by its path as they read its bytes whole, as the fuzz target checks: in blocks (DBLP XML:
    /// chunks) of a few sizes, on two threads, each block cut into runs even where the seed is
    /// small (`Parallelism.minimumRunBytes` 32 and 128; DBLP XML then reads blocks of 512 bytes and
    /// 2 KB of whole records, each cut into two record runs); DBLP XML also without its text, to the
    /// same people paper by paper.
    @Test func streamedReadersReadEverySeedAsWhole() throws {
        for (format, file) in Self.seeds where [.wos, .medline, .openalex, .dblp].contains(format) {
            let bytes = try [UInt8](Data(contentsOf: file))
            let url = FileManager.default.temporaryDirectory.appendingPathComponent("coauthor-seed-\(UUID().uuidString)")
            try Data(bytes).write(to: url)
            defer { try? FileManager.default.removeItem(at: url) }
            let whole = Parallelism.$workers.withValue(1) { InputReader.read(bytes: bytes, format: format, path: url.path) }
            for blockSize in [16, 57, 331, 1 << 20] {
                for minimum in [32, 128] {
                    let label = "\(file.lastPathComponent), blocks of \(blockSize), runs from \(minimum) bytes"
                    let streamed = Parallelism.$workers.withValue(2) {
                        Parallelism.$minimumRunBytes.withValue(minimum) { StreamedReading.read(format, path: url.path, blockSize: blockSize) }
                    }
                    #expect((streamed.records, streamed.skipped, streamed.duplicates) == (whole.records, whole.skipped, whole.duplicates), "\(label)")
                    #expect(streamed.publications == whole.publications, "\(label)")
                    #expect(streamed.diagnostics.map(\.description) == whole.diagnostics.map(\.description), "\(label)")
                    guard format == .dblp else { continue }
                    let lean = Parallelism.$workers.withValue(2) {
                        Parallelism.$minimumRunBytes.withValue(minimum) { DBLPXMLReader.read(path: url.path, chunkSize: blockSize, keepingText: false) }
                    }
                    #expect((lean.records, lean.skipped, lean.duplicates) == (whole.records, whole.skipped, whole.duplicates), "\(label), without the text")
                    #expect(lean.diagnostics.map(\.description) == whole.diagnostics.map(\.description), "\(label), without the text")
                    #expect(lean.publications.map(\.year) == whole.publications.map(\.year), "\(label), without the text")
                    #expect(lean.publications.map(\.authorCount) == whole.publications.map(\.authorCount), "\(label), without the text")
                    guard !whole.publications.isEmpty else { continue }
                    func people(_ corpus: Corpus) -> [[String]] {
                        let index = AuthorResolver.resolve(corpus, mode: .conservative)
                        return (0..<corpus.publications.count).map { paper in index.authorsOfPublication[paper].map { index.names[Int($0)] } }
                    }
                    #expect(people(lean) == people(whole), "\(label), without the text")
                }
            }
        }
    }

    /// Found by the streamed DBLP XML target (session 30): a file read in chunks hands the scanner
    /// its text a piece at a time, and two messages depended on where the pieces ended. Text outside
    /// any record was reported where the piece began (now: at the text's first byte that is not
    /// white space); `&Eacut&ccedil;` was an unknown entity `Eacut&ccedil` read whole but a `&`
    /// starting no entity when a chunk ended after `&Eacut` (now the latter either way: a name
    /// holds no `&`). Every chunk size gives the message of the file read whole.
    @Test(arguments: [
        ("<dblp>\n<article key=\"k\"><author>Ann Bo</author><year>2000</year></article>\n      stray words\n</dblp>\n",
         "4:7: error: text outside any record (is this XML?)"),
        ("<dblp>\n<article key=\"k\"><author>Fran&ccedil;ois &Eacut&ccedil;ois</author><year>2000</year></article>\n</dblp>\n",
         "3:42: error: a '&' that does not start an entity (write &amp; for a literal '&'); the record 'k' is skipped"),
    ])
    func malformedTextIsReportedAlikeWhateverTheChunks(body: String, message: String) throws {
        let xml = "<?xml version=\"1.0\"?>\n" + body
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("coauthor-pieces-\(UUID().uuidString).xml")
        try Data(xml.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let whole = DBLPXMLReader.read(bytes: Array(xml.utf8), path: url.path)
        #expect(whole.diagnostics.map(\.description) == ["\(url.path):\(message)"])
        for chunk in 16...110 {
            for workers in [1, 2] {
                let streamed = Parallelism.$workers.withValue(workers) { DBLPXMLReader.read(path: url.path, chunkSize: chunk) }
                #expect(streamed.diagnostics.map(\.description) == whole.diagnostics.map(\.description), "chunks of \(chunk), \(workers) workers")
                #expect(streamed.publications == whole.publications, "chunks of \(chunk), \(workers) workers")
            }
        }
    }
}
