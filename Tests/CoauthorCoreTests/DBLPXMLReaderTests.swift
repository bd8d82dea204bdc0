@testable import CoauthorCore
import Foundation
import Testing

/// The streaming DBLP XML reader: real excerpts against Python's expat (Scripts/dblp_xml_fixtures.py),
/// a generated dump against its generator's own counts, and malformed input.
struct DBLPXMLReaderTests {
    private static let samples = Paths.datasets.appendingPathComponent("dblp-xml-samples")
    private static let generator = Paths.datasets.deletingLastPathComponent().appendingPathComponent("tools/gen_corpus.py")

    private func read(_ text: String, chunkSize: Int? = nil) throws -> Corpus {
        guard let chunkSize else { return DBLPXMLReader.read(bytes: Array(text.utf8), path: "t.xml") }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("coauthor-dblp-\(UUID().uuidString).xml")
        try Data(text.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        return DBLPXMLReader.read(path: url.path, chunkSize: chunkSize)
    }

    // Skipped where ../shared/datasets is absent (a checkout without the shared data).
    @Test(.enabled(if: Datasets.available, "needs ../shared/datasets"),
          arguments: ["dblp-alltags-sample.xml", "dblp-head-2019-incollection.xml", "dblp-mixed-sample.xml"])
    func samplesMatchExpat(file: String) throws {
        let fixture = try #require(try JSONSerialization.jsonObject(
            with: Data(contentsOf: Paths.fixtures.appendingPathComponent("dblp/expected.json"))) as? [String: Any])
        let expected = try #require(fixture[file] as? [String: Any])
        let path = Self.samples.appendingPathComponent(file).path
        // A tiny chunk size puts chunk boundaries inside tags, entities and names; a lowered
        // `minimumRunBytes` reads the samples in blocks of 4 KB of whole records, each cut into
        // three record runs.
        for (chunkSize, minimum) in [(DBLPXMLReader.defaultChunkSize, Parallelism.minimumRunBytes), (7, Parallelism.minimumRunBytes),
                                     (DBLPXMLReader.defaultChunkSize, 256), (7, 256)] {
            let corpus = Parallelism.$workers.withValue(3) {
                Parallelism.$minimumRunBytes.withValue(minimum) { DBLPXMLReader.read(path: path, chunkSize: chunkSize) }
            }
            #expect(corpus.records == expected["records"] as? Int)
            #expect(corpus.publications.count == expected["publications"] as? Int)
            #expect(corpus.authorships == expected["authorships"] as? Int)
            #expect(corpus.duplicates == expected["duplicates"] as? Int)
            #expect(corpus.personRecords.count == expected["person_records"] as? Int)
            // The all-tags sample gives one key to eleven other papers: each is skipped, an error.
            #expect(corpus.skipped == expected["skipped"] as? Int)
            #expect(corpus.diagnostics.filter { $0.severity == .error }.count == corpus.skipped)
            let items = try #require(expected["items"] as? [[String: Any]])
            #expect(corpus.publications.map(\.key) == items.map { $0["key"] as? String ?? "" })
            #expect(corpus.publications.map(\.year) == items.map { $0["year"] as? Int })
            #expect(corpus.publications.map(\.title) == items.map { $0["title"] as? String ?? "" })
            #expect(corpus.publications.map { $0.authors.map(\.displayName) } == items.map { $0["authors"] as? [String] ?? [] })
        }
    }

    // Skipped where ../shared/tools (the corpus generator) is absent.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: generator.path), "needs ../shared/tools/gen_corpus.py"))
    func generatedDumpMatchesTheGeneratorCounts() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("coauthor-gen-\(UUID().uuidString).xml")
        defer { try? FileManager.default.removeItem(at: url) }
        try #require(FileManager.default.createFile(atPath: url.path, contents: nil))
        let output = try FileHandle(forWritingTo: url)
        let errors = Pipe()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Self.generator.path, "--papers", "20000", "--format", "dblp"]
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let summary = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        try output.close()
        #expect(process.terminationStatus == 0)
        var counts: [String: Int] = [:]
        for pair in summary.split(whereSeparator: \.isWhitespace) {
            let parts = pair.split(separator: "=")
            if parts.count == 2, let value = Int(parts[1]) { counts[String(parts[0])] = value }
        }
        let corpus = DBLPXMLReader.read(path: url.path)
        #expect(corpus.publications.count == (try #require(counts["papers"])))
        #expect(corpus.authorships == (try #require(counts["authorships"])))
        #expect(AuthorResolver.resolve(corpus.publications, mode: .exact).names.count == (try #require(counts["authors"])))
        #expect(corpus.diagnostics.isEmpty)
    }

    @Test func entitiesCharacterReferencesAndCDATAAreDecoded() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE dblp SYSTEM "dblp.dtd">
            <dblp>
            <article key="a/1"><author>J&ouml;rg M&uuml;ller</author><author>Fran&#231;ois P&#xE9;rez</author>
            <title>Graphs <i>and</i> <![CDATA[<Trees> & more]]> 5 &times; 5</title><year>2001</year>
            <journal>J. &amp; Co.</journal><ee>https://doi.org/10.1000/xyz</ee></article>
            </dblp>
            """
        for chunkSize in [nil, 3] {
            let corpus = try read(xml, chunkSize: chunkSize)
            let paper = try #require(corpus.publications.first)
            #expect(paper.authors.map(\.displayName) == ["Jörg Müller", "François Pérez"])
            #expect(paper.title == "Graphs and <Trees> & more 5 × 5")
            #expect(paper.venue == "J. & Co.")
            #expect(paper.doi == "10.1000/xyz")
            #expect(paper.year == 2001)
            #expect(paper.location.line == 4 && paper.location.column == 1)
        }
    }

    @Test func latin1DeclarationDecodesRawBytes() {
        var bytes = Array("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><dblp><book key=\"b\"><author>J".utf8)
        bytes.append(0xF6)  // ö in Latin-1
        bytes += Array("rg Smith</author></book></dblp>".utf8)
        let corpus = DBLPXMLReader.read(bytes: bytes, path: "t.xml")
        #expect(corpus.publications.first?.authors.first?.displayName == "Jörg Smith")
    }

    @Test func homonymNumbersAndPersonRecordsAreKept() throws {
        let corpus = try read("""
            <dblp><www key="homepages/1"><author>Wei Wang 0001</author><author>W. Wang 0001</author><title>Home Page</title></www>
            <inproceedings key="c/1"><author>Wei Wang 0001</author><author>Wei Wang 12345</author><year>2010</year></inproceedings></dblp>
            """)
        #expect(corpus.records == 1)
        #expect(corpus.publications.first?.authors.map(\.homonym) == ["0001", "12345"])
        #expect(corpus.personRecords.map { $0.names.map(\.displayName) } == [["Wei Wang 0001", "W. Wang 0001"]])
    }

    @Test func malformedRecordsAreSkippedAndReportedOnceWithTheirPlace() throws {
        let corpus = try read("""
            <dblp>
            <article key="ok/1"><author>A One</author><year>2000</year></article>
            <article key="bad/1"><author>B Two</autor><title>x</titel><year>2001</year></article>
            <article key="bad/2"><author>C &nosuch; Three</author><year>2002</year></article>
            <article key="ok/2"><author>D Four</author><year>2003</year></article>
            <article key="bad/3"><author>E Five</author>
            """)
        #expect(corpus.publications.map(\.key) == ["ok/1", "ok/2"])
        #expect(corpus.records == 5)
        #expect(corpus.skipped == 3)
        let errors = corpus.diagnostics.filter { $0.severity == .error }
        #expect(errors.filter { $0.message.contains("'bad/1'") }.count == 1)
        #expect(errors.contains { $0.location?.line == 3 && $0.location?.column == 35 && $0.message.contains("</autor>") })
        #expect(errors.contains { $0.location?.line == 4 && $0.location?.column == 32 && $0.message.contains("&nosuch;") })
        #expect(errors.contains { $0.location?.line == 6 && $0.message.contains("not closed before the end of the file") })
    }

    /// A record that is not a child of the root is skipped with an error and counted (one after
    /// `</dblp>`, one inside another element, a list without a root were dropped in silence: a
    /// hostile-input trial of session 55), in whatever chunks the file is read.
    @Test(arguments: [nil, 7, 64] as [Int?])
    func recordsOutsideTheRootAreReportedAndSkipped(chunkSize: Int?) throws {
        let record = { (key: String) in "<article key=\"\(key)\"><author>Ann Lee</author><author>Bo Chan</author><title>T</title><year>2020</year></article>\n" }
        let after = try read("<?xml version=\"1.0\"?>\n<dblp>\n" + record("a/1") + "</dblp>\n" + record("a/2"), chunkSize: chunkSize)
        #expect(after.publications.map(\.key) == ["a/1"] && after.records == 2 && after.skipped == 1)
        #expect(after.diagnostics.map(\.message) == ["the record <article> is outside the root element <dblp>, where DBLP XML has none; it is skipped"])
        #expect(after.diagnostics.first?.location?.line == 5 && after.diagnostics.first?.severity == .error)
        let wrapped = try read("<dblp>\n<foo>\n" + record("a/1") + "</foo>\n" + record("a/2") + "</dblp>\n", chunkSize: chunkSize)
        #expect(wrapped.publications.map(\.key) == ["a/2"] && wrapped.records == 2 && wrapped.skipped == 1)
        #expect(wrapped.diagnostics.first?.message == "the record <article> is inside <foo>, not directly in the root element, where DBLP XML has none; it is skipped")
        let list = try read(record("a/1") + record("a/2") + record("a/3"), chunkSize: chunkSize)
        #expect(list.publications.isEmpty && list.records == 3 && list.skipped == 3)
        #expect(list.diagnostics.map(\.message).last == "3 records in all are not children of the root element <dblp> and were skipped; DBLP XML keeps every record directly in <dblp>…</dblp>")
    }

    @Test func garbageIsReportedNotCrashed() {
        var generator = SplitMix64(seed: 135)
        let bytes = (0..<20_000).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let corpus = DBLPXMLReader.read(bytes: bytes, path: "junk.xml")
        #expect(corpus.publications.isEmpty)
        #expect(corpus.diagnostics.contains { $0.severity == .error })
        #expect(corpus.diagnostics.count <= 25)
        #expect(DBLPXMLReader.read(bytes: [], path: "empty.xml").diagnostics.first?.message.contains("no XML element") == true)
    }

    /// The scanner alone, fed everything at once: what the fast path must reproduce exactly.
    private static func scannerAlone(_ bytes: [UInt8], path: String) -> Corpus {
        var scanner = DBLPXMLScanner(path: path)
        scanner.feed(bytes)
        return scanner.finish()
    }

    /// Checks that the runs read `bytes` as the scanner does; returns the share they read.
    @discardableResult
    private static func expectSameReading(_ bytes: [UInt8], runs: Int) -> Double {
        let reference = scannerAlone(bytes, path: "t.xml")
        let (corpus, fastBytes) = DBLPXMLReader.read(bytes: bytes, path: "t.xml", runs: runs)
        #expect(corpus.publications == reference.publications)
        #expect(corpus.diagnostics == reference.diagnostics)
        #expect(corpus.personRecords == reference.personRecords)
        #expect(corpus.records == reference.records)
        #expect(corpus.skipped == reference.skipped)
        #expect(corpus.duplicates == reference.duplicates)
        #expect(corpus.internedAuthors?.matches(corpus.publications) == true)
        if let interned = corpus.internedAuthors {
            let names = corpus.publications.indices.map { p in interned.ids[interned.starts[p]..<interned.starts[p + 1]].map { interned.names[Int($0)] } }
            #expect(names == corpus.publications.map(\.authors))
        }
        return Double(fastBytes) / Double(max(1, bytes.count))
    }

    /// Irregular input cut into runs at every record: duplicate keys across runs, comments and
    /// CDATA between and inside records, entities, inline markup, person records, CRLF lines,
    /// a record cut by a comment, unknown elements, errors.
    /// A record without its end tag is skipped at the next record's start tag, which is read:
    /// the records after it are kept, whole files and small chunks alike (a user trial of session
    /// 50: records a/3 to a/7 vanished inside a/2, and the one message pointed at `</dblp>`).
    @Test(arguments: [nil, 5, 64] as [Int?])
    func aRecordWithoutItsEndTagLosesOnlyItself(chunkSize: Int?) throws {
        var lines = ["<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "<dblp>"]
        for k in 1...7 {
            lines.append("<article key=\"a/\(k)\"><author>Au\(k) One</author><author>Au\(k) Two</author><title>T\(k)</title>"
                         + "<year>200\(k)</year>\(k == 2 ? "" : "</article>")")
        }
        lines.append("</dblp>")
        let corpus = try read(lines.joined(separator: "\n") + "\n", chunkSize: chunkSize)
        #expect(corpus.publications.map(\.key) == ["a/1", "a/3", "a/4", "a/5", "a/6", "a/7"])
        #expect(corpus.records == 7 && corpus.skipped == 1)
        #expect(corpus.diagnostics.map(\.description) == [
            "t.xml:5:1: error: the record 'a/2' (<article> at line 4) has no </article> before this <article>; the record 'a/2' is skipped",
        ].map { chunkSize == nil ? $0 : $0.replacingOccurrences(of: "t.xml", with: corpus.diagnostics.first?.location?.path ?? "") })
    }

    private static let irregular = """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE dblp SYSTEM "dblp.dtd">
        <dblp>
          <article key="a/1" mdate="2020-01-01"><author>J&ouml;rg M&uuml;ller</author><title>On <i>x</i> &amp; y</title><year>1999</year><journal>J</journal></article>
        <www key="homepages/1"><author>Wei Wang 0001</author><author>W. Wang 0001</author><title>Home Page</title></www>
        <article key="a/2"><author>A  One</author><author>Fran&#231;ois P&#xE9;rez</author><ee>https://doi.org/10.1/x</ee><year>x</year><year>2001</year></article>\r
        <article key="a/1"><author>Dup Licate</author><title>on X &amp;  Y.</title></article>
        <!-- a comment between records -->
        <inproceedings key="b/1"><author>B Two</author><!-- inside --><title><![CDATA[T <1>]]></title></inproceedings>
        <proceedings key="p/1"><editor>E Ditor</editor><title>Proc</title></proceedings>
        <inproceedings key="p/1"><author>Again Key</author></inproceedings>
        <book key="c/1"><author>C Three</author><title>T<sub>2</sub>O</title><publisher>P</publisher><school>S</school></book>
        <foo><author>Not A Record</author></foo>
        <phdthesis key="d/1"><author>D Four</author><school>MIT</school><year>2010</year></phdthesis>
        <mastersthesis key="e/1"><author>E &nosuch; Five</author></mastersthesis>
        <incollection key='f/1' other="x"><author>F Six</author><booktitle>B</booktitle></incollection>
        <article key="g/1"><author>G Seven</autor></article>
        <article key="h/1"><author>H Eight 12345</author><author> </author><author>Ada O&apos;Brien</author></article>
        <article key="i/1"><author>Self</author><url/></article>
        <article key="a/2"><author>Late Dup</author></article>
        <article key="j/1"><author>Ja One</author><title>Plain</title></article>
        <article key="j/2"><author>Ja Two</author><title>Plain</title></article>
        </dblp>
        """

    /// Checks that reading `bytes` without the text (`keepingText: false`) gives the full reading
    /// less its keys, titles, venues, DOIs and author names, by the runs and by the scanner alone.
    private static func expectSameReadingWithoutText(_ bytes: [UInt8], runs: Int) {
        let (full, fullFastBytes) = DBLPXMLReader.read(bytes: bytes, path: "t.xml", runs: runs)
        let (lean, leanFastBytes) = DBLPXMLReader.read(bytes: bytes, path: "t.xml", runs: runs, keepingText: false)
        // The runs give up exactly where they did: the text is still read and checked.
        #expect(leanFastBytes == fullFastBytes)
        #expect(lean.diagnostics == full.diagnostics)
        #expect(lean.personRecords == full.personRecords)
        #expect((lean.records, lean.skipped, lean.duplicates) == (full.records, full.skipped, full.duplicates))
        #expect(lean.authorships == full.authorships)
        try? #require(lean.publications.count == full.publications.count)
        for (l, f) in zip(lean.publications, full.publications) {
            #expect(l.authors.isEmpty && l.key.isEmpty && l.title.isEmpty && l.venue.isEmpty && l.doi.isEmpty)
            #expect(l.authorCount == f.authors.count && l.authorCount == f.authorCount)
            #expect(l.year == f.year && l.type == f.type && l.location == f.location)
        }
        // The authors reach the resolution through the name table, which is the same.
        #expect(lean.internedAuthors?.matches(lean.publications) == true)
        #expect(lean.internedAuthors?.names == full.internedAuthors?.names)
        #expect(lean.internedAuthors?.ids == full.internedAuthors?.ids)
        #expect(lean.internedAuthors?.starts == full.internedAuthors?.starts)
        var scanner = DBLPXMLScanner(path: "t.xml", keepingText: false)
        scanner.feed(bytes)
        let alone = scanner.finish()
        #expect(alone.publications == lean.publications)
        #expect(alone.diagnostics == lean.diagnostics)
    }

    /// A `<year>` with no year of four digits (`20O3`) is said at its record, by the scanner and
    /// by the runs alike (it was counted among the papers without a year in silence, where
    /// BibTeX's reader says so: a hostile-input trial of session 57).
    @Test func aYearThatIsNoneIsSaid() throws {
        let records = (0..<400).map { k in
            "<article key=\"gen/\(k)\"><author>Au \(k % 97)</author><author>Bo \(k % 89)</author><year>\(k % 100 == 7 ? "20O3" : "\(1990 + k % 30)")</year></article>"
        }
        let bytes = Array((["<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<dblp>"] + records + ["</dblp>", ""]).joined(separator: "\n").utf8)
        let reference = Self.scannerAlone(bytes, path: "y.xml")
        #expect(reference.diagnostics.map(\.description) == [7, 107, 207, 307].map { k in
            "y.xml:\(k + 3):1: warning: record 'gen/\(k)': <year> '20O3' holds no year of four digits; the paper counts in every total but in no year (timelines, --from, --to)"
        }, "\(reference.diagnostics)")
        #expect(reference.withoutYear == 4)
        let (corpus, _) = DBLPXMLReader.read(bytes: bytes, path: "y.xml", runs: 2, blockSize: 300)
        #expect(corpus.diagnostics == reference.diagnostics)
    }

    /// Blocks whose runs all read to their ends are taken by the scanner while the next block's
    /// runs are read: the same reading as the scanner alone, lines and byte offsets included, in
    /// blocks of a few records and of one; runs read all but the prolog and the root's end tag,
    /// which they would not if a block's runs were placed wrongly after the deferred ones (the
    /// scanner would take the block instead). A malformed record in the middle ends the deferral
    /// for its block and the blocks after it are deferred again.
    @Test(arguments: [2, 3])
    func blocksTakenWhileTheNextIsReadReadAsTheScannerDoes(runs: Int) throws {
        let records = (0..<2000).map { k in
            "<article key=\"gen/\(k)\"><author>Au \(k % 97)</author><author>Bö \(k % 89)</author><title>T \(k)</title><year>\(1990 + k % 30)</year></article>"
        }
        let prolog = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<dblp>"
        for broken in [false, true] {
            var lines = records
            if broken { lines[1000] = "<article key=\"bad/1\"><author>Un Closed</author><title>T</article>" }
            let bytes = Array(([prolog] + lines + ["</dblp>", ""]).joined(separator: "\n").utf8)
            let reference = Self.scannerAlone(bytes, path: "t.xml")
            #expect(reference.publications.count == (broken ? 1999 : 2000))
            for blockSize in [2048, 300] {
                let (corpus, fastBytes) = DBLPXMLReader.read(bytes: bytes, path: "t.xml", runs: runs, blockSize: blockSize)
                #expect(corpus.publications == reference.publications, "block size \(blockSize)")
                #expect(corpus.diagnostics == reference.diagnostics)
                #expect((corpus.records, corpus.skipped, corpus.duplicates) == (reference.records, reference.skipped, reference.duplicates))
                let unread = bytes.count - fastBytes
                #expect(unread <= prolog.utf8.count + 10 + (broken ? 2 * blockSize + 200 : 0), "runs left \(unread) bytes")
            }
        }
    }

    /// A file read mapped into memory and read through a buffer (as gzip files and pipes are) gives
    /// what the scanner alone gives, in blocks of every size: the usual one, a few records, and
    /// less than a record (the window grows; past four blocks the scanner takes it as it comes).
    @Test(arguments: [true, false])
    func filesMappedOrBufferedReadAsTheScannerDoes(mapping: Bool) throws {
        let lines = Self.irregular.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let records = (0..<3000).map { k in
            "<article key=\"gen/\(k)\"><author>Au \(k % 97)</author><author>Bo \(k % 89)</author><title>T \(k)</title><year>\(1990 + k % 30)</year></article>"
        }
        // A record of more than four blocks of the smallest size, on one line.
        let long = "<article key=\"long/1\"><author>Long Title</author><title>\(String(repeating: "word ", count: 400))</title></article>"
        let text = (Array(lines.dropLast()) + records[..<1500] + [long] + records[1500...] + [lines.last!]).joined(separator: "\n")
        let bytes = Array(text.utf8)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("coauthor-dblp-\(UUID().uuidString).xml")
        try Data(bytes).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let reference = Self.scannerAlone(bytes, path: url.path)
        #expect(reference.publications.count > 3000)
        for blockSize in [DBLPXMLReader.blockSize, 4096, 97] {
            let corpus = DBLPXMLReader.read(path: url.path, chunkSize: 1000, mapping: mapping, blockSize: blockSize)
            #expect(corpus.publications == reference.publications, "block size \(blockSize)")
            #expect(corpus.diagnostics == reference.diagnostics, "block size \(blockSize)")
            #expect(corpus.personRecords == reference.personRecords)
            #expect((corpus.records, corpus.skipped, corpus.duplicates) == (reference.records, reference.skipped, reference.duplicates))
        }
    }

    @Test(arguments: [1, 2, 7])
    func leavingTheTextOutChangesNothingElse(runs: Int) throws {
        Self.expectSameReadingWithoutText(Array(Self.irregular.utf8), runs: runs)
        let distinctKeys = Self.irregular.split(separator: "\n").filter { !$0.contains("Dup") && !$0.contains("Again") }
        Self.expectSameReadingWithoutText(Array(distinctKeys.joined(separator: "\n").utf8), runs: runs)
        for file in ["dblp-alltags-sample.xml", "dblp-head-2019-incollection.xml", "dblp-mixed-sample.xml"] where Datasets.available {
            Self.expectSameReadingWithoutText(try [UInt8](Data(contentsOf: Self.samples.appendingPathComponent(file))), runs: runs)
        }
    }

    /// An analysis that lists no papers reads a DBLP file without its text and finds the same
    /// network and statistics; with two files, the text is kept to match papers across them.
    @Test func analysisWithoutTheTextFindsTheSameNetwork() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("coauthor-lean-\(UUID().uuidString).xml")
        try Data(Self.irregular.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        var request = AnalysisRequest(inputs: [url.path])
        let full = try Analysis(request)
        request.keepsPublicationText = false
        let lean = try Analysis(request)
        #expect(full.corpus.publications.contains { !$0.title.isEmpty })
        #expect(lean.corpus.publications.allSatisfy { $0.title.isEmpty && $0.authors.isEmpty })
        // The readers' name table served the resolution and is not kept after it.
        #expect(lean.corpus.internedAuthors == nil && full.corpus.internedAuthors == nil)
        #expect(lean.network.names == full.network.names)
        #expect(lean.network.graph.source == full.network.graph.source && lean.network.graph.target == full.network.graph.target)
        #expect(lean.network.graph.weight == full.network.graph.weight)
        #expect(lean.authors.merges == full.authors.merges)
        #expect(CorpusSummary(lean, communitySeed: 1).json() == CorpusSummary(full, communitySeed: 1).json())

        // The same paper under another key in a second file is found by its title, year and first author.
        let second = FileManager.default.temporaryDirectory.appendingPathComponent("coauthor-lean-\(UUID().uuidString).xml")
        try Data(#"<dblp><article key="other/1"><author>Ja One</author><title>Plain</title></article></dblp>"#.utf8).write(to: second)
        defer { try? FileManager.default.removeItem(at: second) }
        request.inputs = [url.path, second.path]
        let both = try Analysis(request)
        #expect(both.corpus.duplicates == full.corpus.duplicates + 1)
        #expect(both.corpus.publications.count == full.corpus.publications.count)
        #expect(both.corpus.publications.contains { $0.title == "Plain" })
    }

    /// A record key repeated on a copy of the paper (its title alike but for case, spaces and
    /// punctuation) is a duplicate and the first is kept; repeated on another paper (another
    /// title, or a title where the first had none) it is an error and the record is skipped, so
    /// that `--strict` fails: by the scanner and by the runs, with and without the text (a user
    /// trial: ten papers of DBLP's all-tags sample that share one key were lost to warnings).
    @Test(arguments: [nil, 1] as [Int?])
    func aKeyRepeatedOnAnotherPaperIsAnError(runs: Int?) {
        let text = """
            <?xml version="1.0" encoding="UTF-8"?>
            <dblp>
            <article key="k/1"><author>An One</author><title>Meltdown</title><year>2018</year></article>
            <article key="k/1"><author>An One</author><title> MELTDOWN. </title><year>2018</year></article>
            <article key="k/1"><author>Bo Two</author><title>PWI 9</title><year>2018</year></article>
            <article key="k/1"><author>Bo Two</author><year>2018</year></article>
            <article key="k/2"><author>Cy Three</author><year>2019</year></article>
            <article key="k/2"><author>Cy Three</author><year>2019</year></article>
            <article key="k/2"><author>Cy Three</author><title>Late</title><year>2019</year></article>
            </dblp>

            """
        for keepingText in [true, false] {
            let (corpus, fastBytes) = DBLPXMLReader.read(bytes: Array(text.utf8), path: "t.xml", runs: runs, keepingText: keepingText)
            // (With runs, the runs read the records: the path this test is for.)
            if runs != nil { #expect(fastBytes > 0) }
            #expect((corpus.records, corpus.publications.count, corpus.duplicates, corpus.skipped) == (7, 2, 2, 3))
            #expect(corpus.diagnostics.map(\.description) == [
                "t.xml:4:1: warning: duplicate record key 'k/1'; the first record is kept",
                "t.xml:5:1: error: the record key 'k/1' is already another paper's (another title); this record is skipped (give it a key of its own)",
                "t.xml:6:1: error: the record key 'k/1' is already another paper's (another title); this record is skipped (give it a key of its own)",
                "t.xml:8:1: warning: duplicate record key 'k/2'; the first record is kept",
                "t.xml:9:1: error: the record key 'k/2' is already another paper's (another title); this record is skipped (give it a key of its own)",
            ])
        }
    }

    /// Keys are compared across runs by their hashes: a hash seen in two runs is a repeat (a real
    /// one, or a collision that sends the file back to the scanner alone, which compares keys).
    @Test func keysAcrossRunsAreComparedByTheirHashes() {
        let hash = DBLPXMLScanner.keyHash
        #expect(hash("a/1") == hash(String("xa/1".dropFirst())))
        #expect(hash("a/1") != hash("a/2"))
        // A reader's table and its hashes see a key's bytes once.
        var table = ByteKeyTable(expected: 4)
        #expect(DBLPXMLScanner.insertKey("a/1", into: &table) == (0, true, hash("a/1")))
        #expect(DBLPXMLScanner.insertKey("a/2", into: &table) == (1, true, hash("a/2")))
        #expect(DBLPXMLScanner.insertKey("a/1", into: &table) == (0, false, hash("a/1")))
        #expect(DBLPXMLReader.keysAreDistinct([[hash("a/1"), hash("a/2")], [hash("b/1")], []]))
        #expect(!DBLPXMLReader.keysAreDistinct([[hash("a/1"), hash("a/2")], [hash("b/1"), hash("a/2")]]))
        #expect(!DBLPXMLReader.keysAreDistinct([[7, 9], [8], [9]]))
        // One reader alone has no one to repeat.
        #expect(DBLPXMLReader.keysAreDistinct([[hash("a/1")], []]))
        // The irregular input repeats keys across runs: the runs give way to the scanner's reading.
        let bytes = Array(Self.irregular.utf8)
        let (corpus, fastBytes) = DBLPXMLReader.read(bytes: bytes, path: "t.xml", runs: 64)
        #expect(fastBytes == 0)
        #expect(corpus.duplicates == Self.scannerAlone(bytes, path: "t.xml").duplicates)
        // a/1 and a/2 again (a copy's title, and no title twice) are copies; p/1 again, without
        // the first's title, is another paper: skipped, an error.
        #expect(corpus.duplicates == 2)
        #expect(corpus.skipped == Self.scannerAlone(bytes, path: "t.xml").skipped)
        #expect(corpus.diagnostics.contains { $0.severity == .error && $0.message.contains("'p/1' is already another paper's") })
    }

    /// The runs' name tables joined keep each name once: a name several runs saw is found in the
    /// first run's table by its bytes (`ByteKeyTable.find(keyOf:in:)`), not added again.
    @Test(arguments: [2, 3, 7])
    func joinedNameTablesKeepEachNameOnce(runs: Int) {
        let pool = (0..<30).map { "Author \($0) Name" }
        let records = (0..<400).map { k in
            "<article key=\"j/\(k)\"><author>\(pool[k % 30])</author><author>\(pool[(k * 7 + 3) % 30])</author><year>2000</year></article>"
        }
        let bytes = Array(("<dblp>\n" + records.joined(separator: "\n") + "\n</dblp>\n").utf8)
        let (corpus, fastBytes) = DBLPXMLReader.read(bytes: bytes, path: "t.xml", runs: runs)
        #expect(fastBytes > 0)
        #expect(corpus.internedAuthors?.names.count == 30)
        #expect(Set(corpus.internedAuthors?.names.map(\.displayName) ?? []) == Set(pool))
        // The look-up across tables itself: present keys by their id there, absent ones not.
        var mine = ByteKeyTable(expected: 4), theirs = ByteKeyTable(expected: 4)
        for key in ["a", "bb", "ccc"] { _ = Array(key.utf8).withUnsafeBufferPointer { mine.findOrInsert($0) } }
        for key in ["ccc", "dd", "a", ""] { _ = Array(key.utf8).withUnsafeBufferPointer { theirs.findOrInsert($0) } }
        #expect((0..<4).map { mine.find(keyOf: $0, in: theirs) } == [2, nil, 0, nil])
    }

    /// The reader's name table handed over to the resolution (which frees it as it goes) gives
    /// what the table left in the corpus gives, and what the publications' own names give.
    @Test func resolvingWithTheTableHandedOverGivesTheSameIndex() throws {
        let corpus = try read(Self.irregular)
        let kept = try #require(corpus.internedAuthors)
        #expect(kept.ids.count == corpus.authorships)
        let expected = AuthorResolver.resolve(corpus, mode: .conservative)
        var table = corpus.internedAuthors
        let handedOver = AuthorResolver.resolve(corpus, emptying: &table, mode: .conservative, aliases: AliasRules())
        #expect(table == nil)
        // The corpus's own copy is untouched: only the caller's reference was emptied.
        #expect(corpus.internedAuthors?.ids == kept.ids && corpus.internedAuthors?.names == kept.names)
        let fromNames = AuthorResolver.resolve(corpus.publications, mode: .conservative)
        for index in [handedOver, fromNames] {
            #expect(index.names == expected.names)
            #expect(index.authorsOfPublication.map(Array.init) == expected.authorsOfPublication.map(Array.init))
            #expect(index.merges == expected.merges)
        }
        #expect(expected.names.count > 3)
    }

    /// The runs' publications are moved into one array: in order, whole, and the runs left empty
    /// (and usable again).
    @Test func publicationsMovedFromRunsKeepTheirOrderAndValues() {
        func publications(_ range: Range<Int>) -> [Publication] {
            range.map { k in
                Publication(key: "k/\(k)", type: "article", title: "Title number \(k) of a long run", venue: "V",
                            year: 1990 + k % 30, authors: [PersonName(first: "A", last: "Author \(k)")],
                            location: SourceLocation(path: "t.xml", line: k + 1, column: 1))
            }
        }
        func run(_ range: Range<Int>, capacity: Int = 0) -> MovablePublications {
            let run = MovablePublications(capacity: capacity)
            for publication in publications(range) { run.append(publication) }
            return run
        }
        var all: [Publication] = []
        var expected: [Publication] = []
        let reused = MovablePublications()
        for (k, size) in [3, 0, 1, 40, 7, 200].enumerated() {
            // Grown from one slot, or made with room for all.
            let made = run(k * 1000..<(k * 1000 + size), capacity: k % 2 == 0 ? 0 : size)
            #expect(made.count == size)
            expected += publications(k * 1000..<(k * 1000 + size))
            made.move(appendingTo: &all)
            #expect(made.isEmpty)
            #expect(all == expected)
            // A buffer moved out is filled and moved again.
            for publication in publications(k..<(k + 2)) { reused.append(publication) }
            expected += publications(k..<(k + 2))
            reused.move(appendingTo: &all)
            #expect(reused.isEmpty && all == expected)
        }
        // Room made beforehand is used, not grown.
        var reserved: [Publication] = []
        reserved.reserveCapacity(300)
        let capacity = reserved.capacity
        run(0..<250).move(appendingTo: &reserved)
        #expect(reserved.capacity == capacity && reserved.count == 250)
    }

    @Test(arguments: [1, 2, 3, 7])
    func runsReadExactlyWhatTheScannerReads(runs: Int) throws {
        Self.expectSameReading(Array(Self.irregular.utf8), runs: runs)
        // A key read by two runs sends the whole input back to the scanner; without such keys, the
        // plain records between the irregular ones take the fast path.
        let distinctKeys = Self.irregular.split(separator: "\n").filter { !$0.contains("Dup") && !$0.contains("Again") }
        let share = Self.expectSameReading(Array(distinctKeys.joined(separator: "\n").utf8), runs: runs)
        if runs == 7 { #expect(share > 0.1) }
        for file in ["dblp-alltags-sample.xml", "dblp-head-2019-incollection.xml", "dblp-mixed-sample.xml"] where Datasets.available {
            let bytes = try [UInt8](Data(contentsOf: Self.samples.appendingPathComponent(file)))
            // Real records are plain: the runs read nearly all of them (the all-tags sample repeats
            // keys, which more runs are bound to split).
            let share = Self.expectSameReading(bytes, runs: runs)
            if runs <= 2 || file != "dblp-alltags-sample.xml" { #expect(share > 0.9) }
        }
    }
}

/// DBLP's fast name split (`DBLPXMLReader.plainPersonName`) against the general path it stands in
/// for, on every text it accepts.
struct DBLPPlainNameTests {
    /// The general path: what the reader did before the fast split, and does for every other text.
    private func general(_ text: [UInt8]) -> PersonName? {
        text.withUnsafeBufferPointer { DBLPXMLReader.personName(DBLPRecordRun.fieldText($0)) }
    }

    private func plain(_ text: [UInt8]) -> PersonName? {
        text.withUnsafeBufferPointer { DBLPXMLReader.plainPersonName($0) }
    }

    @Test func namedCasesMatchTheGeneralPath() {
        let accepted = ["Wei Wang 0001", "Jane M. O'Neil-Smith", "Ludwig van Beethoven", "Jean de la Fontaine 0002",
                        "Ada", "van Dyke", "A. B. van der Berg", "x 1234", "1234 5678", "Smith 123", "Smith 12345",
                        "Anna 1999 0001", "Anna Lee 1999", "de 1234", "J.-P. Sartre", "a b c", "Mc Donald", "E. 0001",
                        "3rd Name", "O'Brien o'Neil Smith", "Zoë"]
        for text in accepted {
            let bytes = Array(text.utf8)
            let fast = plain(bytes)
            if text == "Zoë" {
                #expect(fast == nil, "non-ASCII text takes the general path")
                continue
            }
            #expect(fast != nil, "\(text) is plain")
            #expect(fast == general(bytes), "\(text)")
        }
        for text in ["", " Ada", "Ada ", "Ada  Lovelace", "Lovelace, Ada", "Ada~Lovelace", "{Ada} Lovelace", "Ada\\'e",
                     "Jean--Paul", "Ada\tLovelace", "Ada $x$"] {
            #expect(plain(Array(text.utf8)) == nil, "\(text) takes the general path")
        }
    }

    /// Seeded random texts over an alphabet that hits every branch: upper- and lower-case words,
    /// digits (homonym numbers of 3, 4 and 5 digits), dots, hyphens, apostrophes, and now and then
    /// a byte that sends the text to the general path.
    @Test(arguments: 0..<4)
    func randomTextsMatchTheGeneralPath(seed: Int) {
        var random = SplitMix64(seed: UInt64(seed) &+ 101)
        let pieces = ["Ada", "van", "der", "de", "la", "M.", "J.-P.", "O'Neil", "o'neil", "Lee", "x", "0001", "1234", "123",
                      "12345", "9999", "Wang", "e", "-", ".", "'", "Mc", "3rd", "a.", "B"]
        let rare = [",", "~", "{", "}", "\\", "$", "--", "  ", "\t", "é"]
        var accepted = 0
        for _ in 0..<5_000 {
            let words = 1 + Int(random.next() % 6)
            var text = (0..<words).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined(separator: " ")
            if random.next() % 8 == 0 {
                let at = text.index(text.startIndex, offsetBy: Int(random.next() % UInt64(text.count + 1)))
                text.insert(contentsOf: rare[Int(random.next() % UInt64(rare.count))], at: at)
            }
            let bytes = Array(text.utf8)
            guard let fast = plain(bytes) else { continue }
            accepted += 1
            #expect(fast == general(bytes), "\(text)")
        }
        #expect(accepted > 3_000, "most random texts are plain")
    }
}
