@testable import CoauthorCore
import Foundation
import Testing

/// The byte-level OpenAlex reader (`JSONScanner`) against the reader it replaced, kept here as the
/// reference: `JSONSerialization` builds every value and the same field rules pick the record's
/// fields. Both must keep the same records, authors, IDs and affiliations, and reject the same lines.
struct OpenAlexScannerTests {
    private static let samples: [URL] = {
        var files = [Paths.fixtures.appendingPathComponent("openalex/openalex-tricky.jsonl"),
                     Paths.fixtures.appendingPathComponent("exports/openalex-list.json"),
                     Paths.fixtures.appendingPathComponent("exports/openalex-work.jsonl")]
        let shared = ExportDatasets.folder.appendingPathComponent("openalex")
        for name in ["openalex-python-W-api-response.json", "openalex-python-W2741809807.json"] {
            let url = shared.appendingPathComponent(name)
            if FileManager.default.fileExists(atPath: url.path) { files.append(url) }
        }
        return files
    }()

    @Test(arguments: samples)
    func theScannerKeepsWhatJSONSerializationKept(url: URL) throws {
        let bytes = [UInt8](try Data(contentsOf: url))
        let scanned = OpenAlexReader.readJSON(bytes: bytes, path: "x")
        let reference = ReferenceOpenAlex.read(bytes)
        #expect(scanned.records == reference.records)
        #expect(scanned.skipped == reference.skipped)
        #expect(scanned.publications.count == reference.publications.count)
        #expect(scanned.publications.count > 0)
        for (new, old) in zip(scanned.publications, reference.publications) {
            var moved = new
            // Works of a document are located at their `{` now, not where their id first appears.
            moved.location = old.location
            #expect(moved == old, "\(new.key)")
            #expect(new.location.line == old.location.line || url.pathExtension == "json")
        }
        #expect(scanned.diagnostics.filter { $0.severity == .warning }.count == reference.warnings)
    }

    /// Read by path, JSON Lines stream a block of lines at a time; the blocks' edges (here every
    /// few bytes, lines longer than a block) change nothing.
    @Test(arguments: [16, 100, 4096, 8 << 20])
    func readingInBlocksGivesWhatReadingWholeGives(blockSize: Int) throws {
        for url in Self.samples + [Paths.fixtures.appendingPathComponent("gzip/openalex-two-members.jsonl.gz")] {
            let bytes = [UInt8](try Data(contentsOf: url))
            let whole = InputReader.read(bytes: bytes, format: .openalex, path: url.path)
            let streamed = OpenAlexReader.readJSON(path: url.path, blockSize: blockSize)
            #expect(streamed.records == whole.records && streamed.skipped == whole.skipped, "\(url.lastPathComponent)")
            #expect(streamed.publications == whole.publications, "\(url.lastPathComponent)")
            #expect(streamed.diagnostics.map(\.description) == whole.diagnostics.map(\.description), "\(url.lastPathComponent)")
        }
    }

    /// Only JSON Lines stream; a document (even on one line) is read whole.
    @Test(arguments: [
        ("{\"id\":\"W1\"}\n{\"id\":\"W2\"}\n", true), ("\n  {\"a\":[1,{}]} \n\n[]", true), ("{\"id\":\"W1\"}\n", false),
        ("{\"meta\":{},\"results\":[]}", false), ("{\"meta\": {},\n \"results\": []}\n", false), ("[{\"id\":1}]\n[2]\n", false),
    ])
    func onlyJSONLinesStream(text: String, streams: Bool) {
        #expect(Array(text.utf8).withUnsafeBufferPointer { OpenAlexReader.startsJSONLines($0) } == streams)
    }

    @Test func invalidUTF8InALaterBlockIsOneErrorForTheFileAsWhenReadWhole() throws {
        let good = Array(#"{"id":"W1","title":"Good","authorships":[{"author":{"display_name":"Ann Smith"}}]}"#.utf8) + [0x0A]
        let bytes = good + good + Array(#"{"id":"W2","title":"Bad "#.utf8) + [0xC3, 0x28] + Array(#""}"#.utf8) + [0x0A] + good
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("coauthor-invalid-\(getpid()).jsonl")
        try Data(bytes).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let streamed = OpenAlexReader.readJSON(path: url.path, blockSize: 64)
        let whole = OpenAlexReader.readJSON(bytes: bytes, path: url.path)
        #expect(streamed.publications.isEmpty && streamed.skipped == 1)
        #expect(streamed.diagnostics.map(\.description) == whole.diagnostics.map(\.description))
        #expect(streamed.diagnostics.first?.location?.line == 3)
    }

    /// A block cut into runs, one per core, is checked run by run as it is read: the invalid
    /// byte of any run (the first, a middle one, the last) is the error the whole file gives, and
    /// a file without one reads as when read whole.
    @Test(arguments: [0, 5, 11])
    func invalidUTF8InAnyRunOfABlockIsTheErrorOfTheWholeFile(badLine: Int) throws {
        let good = Array(#"{"id":"W1","title":"Good","authorships":[{"author":{"display_name":"Ann Smith"}}]}"#.utf8) + [0x0A]
        let bad = Array(#"{"id":"W2","title":"Bad "#.utf8) + [0xC3, 0x28] + Array(#""}"#.utf8) + [0x0A]
        let bytes = (0..<12).flatMap { $0 == badLine ? bad : good }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("coauthor-invalid-runs-\(getpid())-\(badLine).jsonl")
        try Data(bytes).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let whole = OpenAlexReader.readJSON(bytes: bytes, path: url.path)
        for workers in [1, 2, 3] {
            // Runs of 64 bytes at least: the block of 4096 bytes is cut into several.
            let streamed = Parallelism.$workers.withValue(workers) {
                Parallelism.$minimumRunBytes.withValue(64) { OpenAlexReader.readJSON(path: url.path, blockSize: 4096) }
            }
            #expect(streamed.publications.isEmpty && streamed.skipped == 1, "workers \(workers)")
            #expect(streamed.diagnostics.map(\.description) == whole.diagnostics.map(\.description), "workers \(workers)")
            #expect(streamed.diagnostics.first?.location?.line == badLine + 1, "workers \(workers)")
        }
        let clean = (0..<12).flatMap { _ in good }
        try Data(clean).write(to: url)
        let streamed = Parallelism.$workers.withValue(2) {
            Parallelism.$minimumRunBytes.withValue(64) { OpenAlexReader.readJSON(path: url.path, blockSize: 4096) }
        }
        #expect(streamed.publications.count == 12 && streamed.diagnostics.isEmpty)
    }

    @Test func theTrickyFixtureHoldsWhatItShould() throws {
        let url = Paths.fixtures.appendingPathComponent("openalex/openalex-tricky.jsonl")
        let corpus = OpenAlexReader.readJSON(bytes: [UInt8](try Data(contentsOf: url)), path: "t.jsonl")
        let first = try #require(corpus.publications.first { $0.extras.openAlex == "W1" })
        #expect(first.title == "Café \"quoted\" 😀 tab end")
        #expect(first.year == 2017 && first.extras.citedBy == 10 && first.type == "inproceedings" && first.venue == "Old Venue")
        #expect(first.authors.map(\.displayName) == ["José Pérez", "John Smith", "Ann Lee", "Bo Li"])
        #expect(first.authorIDs[0].orcid == "0000-0001-2345-672X")
        #expect(first.extras.affiliations.map { $0.map(\.raw) } == [["Univ A, Madrid"], [], [], ["X", "Y"]])
        let second = try #require(corpus.publications.first { $0.extras.openAlex == "W3" })
        #expect(second.title == "Last wins" && second.type == "book" && second.year == nil && second.extras.citedBy == nil)
        #expect(second.authors.map(\.displayName) == ["Yu Xi"])
    }

    /// Lines `JSONSerialization` rejects are rejected, one error each, at the line.
    @Test(arguments: [
        #"{"a":01}"#, #"{"a":"\x"}"#, #"{"a":"\ud800"}"#, #"{"a":"\udc00"}"#, #"{"a":tru}"#, #"{"a":[,]}"#,
        #"{,}"#, #"{"a" 1}"#, "{'a':1}", "{\"a\":\"tab\there\"}", #"{"a":-}"#, #"{"a":1.}"#, #"{"a":.5}"#,
        #"{"a":1e}"#, #"{"a":NaN}"#, #"[1,2]"#, #"{"a":1}{"b":2}"#, #"{"a":1} x"#, #"{"a":"\u12"}"#, #""text""#, "5",
        #"{"a":[1,2}"#, #"{"a":{"b":1]}"#, #"{"authorships":[{"author":{"display_name":"X"}}]"#, #"{"a":"unclosed}"#,
    ])
    func aBadLineIsRejectedAsJSONSerializationRejectsIt(line: String) {
        let bytes = Array(#"{"id":"W9","title":"Good","authorships":[{"author":{"display_name":"Ann Smith"}}]}"#.utf8) + [0x0A] + Array(line.utf8) + [0x0A]
        let scanned = OpenAlexReader.readJSON(bytes: bytes, path: "x")
        let reference = ReferenceOpenAlex.read(bytes)
        #expect(reference.skipped == 1, "the reference rejects it")
        #expect(scanned.skipped == reference.skipped)
        #expect(scanned.records == reference.records)
        #expect(scanned.publications.map(\.title) == ["Good"])
        #expect(scanned.diagnostics.first { $0.severity == .error }?.location?.line == 2)
        // Read by path (streamed), the same.
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("coauthor-bad-line-\(getpid())-\(abs(line.hashValue)).jsonl")
        try? Data(bytes).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let streamed = OpenAlexReader.readJSON(path: url.path)
        #expect(streamed.skipped == 1 && streamed.publications.map(\.title) == ["Good"])
        #expect(streamed.diagnostics.map(\.description) == scanned.diagnostics.map { $0.description.replacingOccurrences(of: "x:", with: url.path + ":") })
    }

    /// Foundation's parser takes a trailing comma in an object or array; so does the scanner.
    @Test(arguments: [#"{"a":[1,],"authorships":[{"author":{"display_name":"Bo Li",},},],}"#, #"{"a":{"b":[[1,],],},"authorships":[{"author":{"display_name":"Bo Li"}}]}"#])
    func aTrailingCommaIsAcceptedAsJSONSerializationAcceptsIt(line: String) {
        let bytes = Array(line.utf8)
        let scanned = OpenAlexReader.readJSON(bytes: bytes, path: "x")
        let reference = ReferenceOpenAlex.read(bytes)
        #expect(reference.skipped == 0 && reference.publications.count == 1)
        #expect(scanned.skipped == 0 && scanned.publications.map(\.authors) == reference.publications.map(\.authors))
    }

    @Test func aValidDocumentThatIsNoWorkListIsReadAsOneWork() {
        let text = #"{"meta":{"count":1},"results":{"not":"a list"},"id":"https://openalex.org/W5","title":"Envelope","authorships":[{"author":{"display_name":"Ann Smith"}}]}"#
        let corpus = OpenAlexReader.readJSON(bytes: Array(text.utf8), path: "x")
        #expect(corpus.publications.map(\.extras.openAlex) == ["W5"])
    }

    @Test func aBrokenPrettyPrintedDocumentIsOneErrorWhereItBreaks() throws {
        let text = "{\"meta\": {},\n \"results\": [\n  {\"id\": \"W1\", \"title\": \"x\",\n   \"authorships\": [}\n ]}\n"
        let corpus = OpenAlexReader.readJSON(bytes: Array(text.utf8), path: "x")
        #expect(corpus.skipped == 1 && corpus.publications.isEmpty)
        let error = try #require(corpus.diagnostics.first)
        #expect(error.location?.line == 4)
        #expect(error.message.contains("not valid JSON"))
    }

    /// Works whose `author` objects, `institutions` lists and `raw_affiliation_strings` lists
    /// recur: the reader decodes each distinct value once (`OpenAlexWorkReader.Known`), and its
    /// records must be those of decoding each value where it stands.
    private static let recurring: [String] = {
        let author = #"{"id":"https://openalex.org/A1","display_name":"Ann Lee","orcid":"https://orcid.org/0000-0001-2345-6789"}"#
        // The same values with other blanks, which are other bytes.
        let spaced = #"{ "id": "https://openalex.org/A1", "display_name": "Ann Lee", "orcid": "https://orcid.org/0000-0001-2345-6789" }"#
        // No display name: the authorship's own raw name, which differs from work to work, is used.
        let nameless = #"{"id":"https://openalex.org/A2","display_name":null}"#
        let institutions = #"[{"display_name":"Univ A","ror":"https://ror.org/01abc","country_code":"ES"},{"display_name":"Univ B"},7]"#
        return (0..<6).map { k in
            // The same institutions list with one raw string (kept in its affiliations) or two (not).
            let raws = k % 2 == 0 ? #"["Univ A, Madrid"]"# : #"["X","Y"]"#
            let other = k % 3 == 0 ? #"{"not":"a list"}"# : institutions
            return #"{"id":"https://openalex.org/W\#(k)","title":"T\#(k)","authorships":[{"author":\#(author),"institutions":\#(institutions),"raw_affiliation_strings":\#(raws)},"#
                + #"{"author":\#(spaced),"institutions":\#(other),"raw_affiliation_strings":["Solo"]},{"author":\#(nameless),"raw_author_name":"Raw\#(k) Name"},"#
                + #"{"author":"not an object","raw_author_name":"Bo Li"},{"author":\#(author),"author":\#(nameless),"raw_author_name":"Last Wins"},"#
                + #"{"author":\#(author),"raw_affiliation_strings":["Z",1]}]}"#
        }
    }()

    @Test func recurringValuesGiveWhatDecodingEachGives() throws {
        let bytes = Array(Self.recurring.joined(separator: "\n").utf8)
        let scanned = OpenAlexReader.readJSON(bytes: bytes, path: "x")
        let reference = ReferenceOpenAlex.read(bytes)
        #expect(scanned.publications.count == 6 && reference.publications.count == 6)
        for (new, old) in zip(scanned.publications, reference.publications) {
            var moved = new
            moved.location = old.location
            #expect(moved == old, "\(new.key)")
        }
        let second = try #require(scanned.publications.dropFirst().first)
        #expect(second.authors.map(\.displayName) == ["Ann Lee", "Ann Lee", "Raw1 Name", "Bo Li", "Last Wins", "Ann Lee"])
        #expect(second.authorIDs.map(\.openAlex) == ["A1", "A1", "A2", "", "A2", "A1"])
        #expect(second.authorIDs.map(\.orcid) == ["0000-0001-2345-6789", "0000-0001-2345-6789", "", "", "", "0000-0001-2345-6789"])
        #expect(second.extras.affiliations.map { $0.map(\.raw) } == [["", ""], ["Solo", "Solo"], [], [], [], []])
        #expect(second.extras.affiliations[0].map(\.ror) == ["01abc", ""] && second.extras.affiliations[0].map(\.country) == ["ES", ""])
        let fourth = try #require(scanned.publications.dropFirst(3).first)
        #expect(fourth.extras.affiliations.map { $0.map(\.raw) } == [["", ""], ["Solo"], [], [], [], []])
    }

    /// A recurring object or array is found by its opening bytes and one comparison, without a scan
    /// (`Known.opening`): on author objects that all open alike (one list of values for their
    /// prefix, longer than the reader compares), the records are those of decoding each where it
    /// stands; a known value followed by what is no JSON, or cut by the end of its line, is no
    /// value, as without the table.
    @Test func aValueKnownByItsOpeningBytesIsThatValue() throws {
        // Twelve authors whose first 64 bytes are the same; the reader compares at most 8 a prefix.
        let padding = String(repeating: "0", count: 70)
        func author(_ k: Int) -> String {
            #"{"id":"https://openalex.org/A\#(padding)\#(k)","display_name":"Person \#(k) Smith","orcid":null}"#
        }
        #expect(author(1).utf8.prefix(64).elementsEqual(author(11).utf8.prefix(64)))
        let lines = (0..<24).map { w in
            let k = w % 12, other = (w * 7 + 3) % 12
            return #"{"id":"https://openalex.org/W\#(w)","authorships":[{"author":\#(author(k))},{"author":\#(author(other))},{"author":\#(author(k))}]}"#
        }
        let bytes = Array(lines.joined(separator: "\n").utf8)
        let scanned = OpenAlexReader.readJSON(bytes: bytes, path: "x")
        let reference = ReferenceOpenAlex.read(bytes)
        #expect(scanned.skipped == 0 && reference.skipped == 0)
        #expect(scanned.publications.count == 24 && reference.publications.count == 24)
        #expect(scanned.publications.map(\.authors) == reference.publications.map(\.authors))
        #expect(scanned.publications.map { $0.authorIDs.map(\.openAlex) } == reference.publications.map { $0.authorIDs.map(\.openAlex) })
        let last = try #require(scanned.publications.last)
        #expect(last.authors.map(\.displayName) == ["Person 11 Smith", "Person 8 Smith", "Person 11 Smith"])
        // After the twelve works, each author is known: a known object then no JSON, or cut short.
        let known = author(5)
        for bad in [#"{"id":"W90","authorships":[{"author":\#(known)x}]}"#, #"{"id":"W91","authorships":[{"author":\#(known.dropLast())"#,
                    #"{"id":"W92","authorships":[{"author":\#(known)"#] {
            let withBad = Array((lines + [bad, lines[0]]).joined(separator: "\n").utf8)
            let read = OpenAlexReader.readJSON(bytes: withBad, path: "x")
            let expected = ReferenceOpenAlex.read(withBad)
            #expect(expected.skipped == 1, "the reference rejects it")
            #expect(read.skipped == 1 && read.publications.count == 25, "\(bad)")
            #expect(read.diagnostics.first { $0.severity == .error }?.location?.line == 25)
        }
    }

    /// Past its limit the reader empties its tables of values between works; reading with a
    /// limit of a few values gives the records of reading with the default.
    @Test func emptyingTheTablesOfValuesChangesNoRecord() {
        func read(limit: Int) -> Corpus {
            var reader = OpenAlexWorkReader(path: "x", knownLimit: limit)
            var result = ExportCorpus()
            // Twelve distinct authors over the works, so a limit of 2 empties the tables often.
            let lines = Self.recurring + (0..<12).map { k in
                #"{"id":"W\#(100 + k)","authorships":[{"author":{"id":"A\#(k)","display_name":"Person \#(k) Smith"},"institutions":[{"display_name":"U\#(k % 5)"}]},{"author":{"id":"A\#(k + 1)","display_name":"Person \#(k + 1) Smith"}}]}"#
            }
            for (number, line) in lines.enumerated() {
                let bytes = Array(line.utf8)
                bytes.withUnsafeBufferPointer { buffer in
                    if case .success(let fields)? = reader.readLine(buffer, from: 0, to: buffer.count) {
                        reader.add(fields, at: SourceLocation(path: "x", line: number + 1, column: 1), to: &result)
                    }
                }
            }
            return result.corpus
        }
        let few = read(limit: 2)
        let usual = read(limit: 1 << 18)
        #expect(few.publications.count == 18)
        #expect(few.publications == usual.publications)
        #expect(few.publications.last?.authors.map(\.displayName) == ["Person 11 Smith", "Person 12 Smith"])
    }

    /// Skipped values nesting objects and arrays above and below 64 levels (where the skip keeps
    /// the kinds of the open containers past one word) are accepted and rejected as
    /// `JSONSerialization` does: 400 seeded values, a quarter with one bracket closing the wrong
    /// kind of container, or missing, at a random depth, and some with trailing commas.
    @Test func skippedValuesNestingAboveAndBelowAWordAreJudgedAsJSONSerializationJudgesThem() {
        var random = SplitMix64(seed: 64)
        var rejected = 0, deepest = 0
        for round in 0..<400 {
            // The kinds of the containers from the outside in, then the value written inside out.
            let depth = Int.random(in: 1...140, using: &random)
            deepest = max(deepest, depth)
            let objects = (0..<depth).map { _ in Bool.random(using: &random) }
            let broken = round % 4 == 3 ? Int.random(in: 0..<depth, using: &random) : -1
            let trailing = round % 5 == 1
            var value = [#""leaf \u00e9 \"x\"""#, "-12.5e3", "true", "null", "[]", "{}"][Int.random(in: 0..<6, using: &random)]
            for level in (0..<depth).reversed() {
                let sibling = Bool.random(using: &random) ? #","s":[1,"two",false]"# : ""
                let comma = trailing && level % 3 == 0 ? "," : ""
                var close = objects[level] ? "}" : "]"
                if level == broken { close = round % 8 == 3 ? "" : (objects[level] ? "]" : "}") }
                value = objects[level]
                    ? #"{"k\#(level)": \#(value)\#(sibling)\#(comma) \#(close)"#
                    : "[ \(value)\(sibling.isEmpty ? "" : ", 7")\(comma)\(close)"
            }
            let line = #"{"id":"W\#(round)","x":\#(value),"authorships":[{"author":{"display_name":"Ann Lee"},"y":\#(value)}]}"#
            let bytes = Array(line.utf8)
            let scanned = OpenAlexReader.readJSON(bytes: bytes, path: "x")
            let reference = ReferenceOpenAlex.read(bytes)
            #expect(scanned.skipped == reference.skipped, "round \(round), depth \(depth), broken at \(broken)")
            #expect(scanned.publications.map(\.authors) == reference.publications.map(\.authors), "round \(round)")
            rejected += reference.skipped
        }
        // Both branches are taken: values deeper than a word, and lines rejected and accepted.
        #expect(deepest > 100)
        #expect(rejected > 50 && rejected < 200)
    }

    /// `raw_author_name` names the author only where the `author` object gives no display name;
    /// it is read where it stands, after the whole authorship (keys in any order, a key twice,
    /// escapes, a value that is no string), as `JSONSerialization` reads it.
    @Test(arguments: [
        #"{"authorships":[{"raw_author_name":"Lee, Ann","author":{"id":"A1"}}]}"#,
        #"{"authorships":[{"author":{"id":"A1"},"raw_author_name":"Ann \u00d6z"}]}"#,
        #"{"authorships":[{"author":{"id":"A1","display_name":"Bo Li"},"raw_author_name":"Ann Lee"}]}"#,
        #"{"authorships":[{"author":{"id":"A1","display_name":"Bo Li"},"raw_author_name":"Ann Lee","author":"none"}]}"#,
        #"{"authorships":[{"author":{"id":"A1"},"raw_author_name":"Ann Lee","raw_author_name":7}]}"#,
        #"{"authorships":[{"raw_author_name":7,"author":{"id":"A1"},"raw_author_name":"Cy \"Q\" Day"}]}"#,
        #"{"authorships":[{"raw_author_name":"Ann Lee"},{"author":null,"raw_author_name":"Bo Li"}]}"#,
    ])
    func aRawAuthorNameIsReadWhereTheAuthorGivesNoName(line: String) {
        // Twice: the second time, the author objects are known values.
        let bytes = Array((line + "\n" + line).utf8)
        let scanned = OpenAlexReader.readJSON(bytes: bytes, path: "x")
        let reference = ReferenceOpenAlex.read(bytes)
        #expect(scanned.skipped == 0 && reference.skipped == 0)
        #expect(scanned.publications.map(\.authors) == reference.publications.map(\.authors))
        #expect(scanned.publications.map { $0.authorIDs.map(\.openAlex) } == reference.publications.map { $0.authorIDs.map(\.openAlex) })
        #expect(scanned.diagnostics.filter { $0.severity == .warning }.count == reference.warnings)
    }

    /// A value inside an `author` object nested as deep as a skip may go (512) is read as before:
    /// the whole object, one level deeper, does not skip, and is decoded where it stands.
    @Test func anAuthorObjectTooDeepToSkipWholeIsDecodedWhereItStands() {
        let deep = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
        let line = #"{"id":"W1","authorships":[{"author":{"x":\#(deep),"display_name":"Ann Lee","id":"A7"}},{"author":{"x":\#(deep),"display_name":"Ann Lee","id":"A7"}}]}"#
        let corpus = OpenAlexReader.readJSON(bytes: Array(line.utf8), path: "x")
        #expect(corpus.skipped == 0)
        #expect(corpus.publications.first?.authors.map(\.displayName) == ["Ann Lee", "Ann Lee"])
        #expect(corpus.publications.first?.authorIDs.map(\.openAlex) == ["A7", "A7"])
        let deeper = "[" + deep + "]"
        let rejected = OpenAlexReader.readJSON(bytes: Array(#"{"id":"W1","authorships":[{"author":{"x":\#(deeper),"display_name":"Ann Lee"}}]}"#.utf8), path: "x")
        #expect(rejected.skipped == 1 && rejected.publications.isEmpty)
    }
}

/// The JSONSerialization reader that `JSONScanner` replaced (OpenAlexReader before the scanner),
/// reduced to what the comparison needs.
enum ReferenceOpenAlex {
    struct Result {
        var records = 0
        var skipped = 0
        var warnings = 0
        var publications: [Publication] = []
    }

    static func read(_ bytes: [UInt8]) -> Result {
        var result = Result()
        let lines = LineIndex(bytes: bytes, path: "x")
        if let document = try? JSONSerialization.jsonObject(with: Data(bytes), options: []) {
            let works = JSONOutline.works(in: document) { $0["results"] as? [Any] }
            for value in works {
                result.records += 1
                guard let work = value as? [String: Any] else {
                    result.skipped += 1
                    continue
                }
                add(work, at: lines.location(of: 0), to: &result)
            }
            return result
        }
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
            let line = bytes[start..<end]
            let lineStart = start
            start = end + 1
            guard line.contains(where: { !isWhitespace($0) }) else { continue }
            result.records += 1
            if let work = (try? JSONSerialization.jsonObject(with: Data(line), options: [])) as? [String: Any] {
                add(work, at: lines.location(of: lineStart), to: &result)
            } else {
                result.skipped += 1
            }
        }
        return result
    }

    private static func add(_ work: [String: Any], at location: CoauthorCore.SourceLocation, to result: inout Result) {
        var record = ExportRecord(location: location)
        record.extras.openAlex = ExportValues.lastComponent(work["id"] as? String ?? "")
        record.key = record.extras.openAlex.isEmpty ? "work at line \(location.line)" : record.extras.openAlex
        record.title = LaTeX.collapseWhitespace(work["title"] as? String ?? work["display_name"] as? String ?? "")
        record.year = (work["publication_year"] as? Int).flatMap { (0...9999).contains($0) ? $0 : nil }
            ?? BibTeXReader.firstYear(work["publication_date"] as? String ?? "")
        record.doi = ExportValues.doi(work["doi"] as? String ?? "")
        record.extras.citedBy = work["cited_by_count"] as? Int
        if let ids = work["ids"] as? [String: Any], let pmid = ids["pmid"] as? String { record.extras.pmid = ExportValues.lastComponent(pmid) }
        record.type = OpenAlexReader.workType(work["type"] as? String ?? "")
        let source = ((work["primary_location"] as? [String: Any])?["source"] as? [String: Any])?["display_name"] as? String
        record.venue = source ?? ((work["host_venue"] as? [String: Any])?["display_name"] as? String) ?? ""
        for value in (work["authorships"] as? [Any]) ?? [] {
            let authorship = value as? [String: Any] ?? [:]
            let author = authorship["author"] as? [String: Any] ?? [:]
            let display = (author["display_name"] as? String) ?? (authorship["raw_author_name"] as? String) ?? ""
            guard let name = ExportValues.name(display) else {
                result.warnings += 1
                continue
            }
            let ids = AuthorIDs(orcid: ExportValues.orcid(author["orcid"] as? String ?? ""),
                                openAlex: ExportValues.lastComponent(author["id"] as? String ?? ""))
            let raws = (authorship["raw_affiliation_strings"] as? [String]) ?? []
            var affiliations: [Affiliation] = []
            for case let institution as [String: Any] in (authorship["institutions"] as? [Any]) ?? [] {
                // The one raw string, else the one that names the institution (in whole words, folded).
                func words(_ text: String) -> [Substring] {
                    text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).split { !$0.isLetter && !$0.isNumber }
                }
                let name = words(institution["display_name"] as? String ?? "")
                let naming = raws.filter { raw in
                    let all = words(raw)
                    return !name.isEmpty && all.indices.contains { all[$0...].starts(with: name) }
                }
                affiliations.append(Affiliation(raw: raws.count == 1 ? raws[0] : naming.count == 1 ? naming[0] : "",
                                                institution: institution["display_name"] as? String ?? "",
                                                ror: ExportValues.lastComponent(institution["ror"] as? String ?? ""),
                                                country: institution["country_code"] as? String ?? ""))
            }
            if affiliations.isEmpty { affiliations = raws.map { Affiliation(raw: $0) } }
            record.addAuthor(name, ids: ids, affiliations: affiliations)
        }
        if !record.authors.isEmpty { result.publications.append(record.takePublication()) }
    }
}

/// The raw affiliation string an OpenAlex institution takes: the authorship's only one, else the
/// only one that names it in whole words (a review of session 61: `UCL` took `Nuclear Research
/// Centre SCK CEN, Mol, Belgium`, and was placed in Belgium).
struct OpenAlexRawStringTests {
    @Test func anInstitutionTakesTheStringThatNamesItInWholeWords() {
        let raws = ["Nuclear Research Centre SCK CEN, Mol, Belgium", "UCL, Dept Phys, London, England"]
        #expect(OpenAlexWorkReader.rawString(of: "UCL", in: raws) == raws[1])
        #expect(OpenAlexWorkReader.rawString(of: "MIT", in: ["Smith College, Northampton, USA", "MIT, Cambridge, USA"]) == "MIT, Cambridge, USA")
        #expect(OpenAlexWorkReader.rawString(of: "Université de Montréal", in: ["Dept X, Universite de Montreal, Canada", "Other, Canada"])
                == "Dept X, Universite de Montreal, Canada")
        #expect(OpenAlexWorkReader.rawString(of: "Mol", in: raws) == raws[0])
        #expect(OpenAlexWorkReader.rawString(of: "Centre", in: ["Centre A, X", "Centre B, Y"]) == "")
        #expect(OpenAlexWorkReader.rawString(of: "Anything", in: ["The only string"]) == "The only string")
        #expect(OpenAlexWorkReader.rawString(of: "", in: raws) == "")
    }
}
