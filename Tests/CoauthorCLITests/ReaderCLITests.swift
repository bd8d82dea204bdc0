import Foundation
import Testing

/// The readers through the built binary: dataset counts, located messages and exit codes.
struct ReaderCLITests {
    static let datasets = EndToEndTests.repository.deletingLastPathComponent().appendingPathComponent("shared/datasets")

    private static func folder(with files: [String: String]) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("coauthor-readers-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, text) in files { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) }
        return folder
    }

    // Skipped where ../shared/datasets is absent (a checkout without the shared data).
    @Test(.enabled(if: FileManager.default.fileExists(atPath: datasets.appendingPathComponent("expected_counts.json").path),
                   "needs ../shared/datasets"))
    func statsJSONCountsEqualTheVerifierOnSigmod() throws {
        let expected = try #require(try JSONSerialization.jsonObject(
            with: Data(contentsOf: Self.datasets.appendingPathComponent("expected_counts.json"))) as? [String: Any])
        let sigmod = try #require(expected["dblp-2016-sigmod"] as? [String: Any])
        let file = Self.datasets.appendingPathComponent("dblp-2016-sigmod/conf-sigmod.bib").path
        let result = try EndToEndTests.run(["stats", file, "--format", "json", "--identity", "exact", "--quiet"],
                                           in: FileManager.default.temporaryDirectory)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let stats = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(stats["records"] as? Int == sigmod["entries"] as? Int)
        #expect(stats["publications"] as? Int == sigmod["with_author"] as? Int)
        #expect(stats["authorships"] as? Int == sigmod["authorships"] as? Int)
        #expect(stats["authors"] as? Int == sigmod["distinct_author_strings"] as? Int)
    }

    @Test func badEntryIsSkippedWithALocatedErrorAndStrictFailsWith65() throws {
        let folder = try Self.folder(with: ["refs.bib": "@article{a, author = {A One and B Two}, year = 2000}\n@article{b, author = {C Three}\n title = {T}}\n"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let lenient = try EndToEndTests.run(["names", "refs.bib"], in: folder)
        #expect(lenient.status == 0)
        #expect(lenient.stderr.contains("refs.bib:3:2: error: expected ',' or '}' after the field 'author' in entry 'b' (a missing comma?); the entry is skipped"))
        #expect(lenient.stderr.contains("read 1 publication from 1 file (1 skipped, 0 without year)"))
        let strict = try EndToEndTests.run(["names", "refs.bib", "--strict"], in: folder)
        #expect(strict.status == 65)
    }

    /// A record read only in part (a Web of Science or MEDLINE file cut inside it, a CSV row
    /// short of fields) is kept with a warning, and `--strict` fails on it (a user trial of
    /// session 60 cut files and `--strict` passed); a row with a field more, realigned, does not.
    @Test func recordsReadOnlyInPartFailStrict() throws {
        let files = ["cut.txt": "FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\nAU Li, X\nTI T\nPY 2020\nER\n\nPT J\nAU Wu, Y\nTI U\n",
                     "cut.nbib": "PMID- 1\nTI  - T\nFAU - Li, Xin\nAU  - Li X\nDP  - 2020\n\nPMID- 2\nTI  - U\nFAU - Wu, Yan",
                     "short.csv": "\"Authors\",\"Title\",\"Year\",\"DOI\"\n\"Li X.\",\"T\",\"2020\",\"10.1/a\"\n\"Wu Y.\",\"U\"\n",
                     "long.csv": "\"Authors\",\"Title\",\"Year\",\"DOI\"\n\"Li X.\",\"T\",\"2020\",\"10.1/a\",\"x\"\n"]
        let folder = try Self.folder(with: files)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (file, fails) in [("cut.txt", true), ("cut.nbib", true), ("short.csv", true), ("long.csv", false)] {
            let format = file.hasSuffix(".csv") ? ["--input-format", "scopus"] : []
            let lenient = try EndToEndTests.run(["stats", file, "--format", "json"] + format, in: folder)
            #expect(lenient.status == 0 && lenient.stderr.contains("warning:"), "\(file): \(lenient.stderr)")
            let strict = try EndToEndTests.run(["stats", file, "--strict"] + format, in: folder)
            #expect(strict.status == (fails ? 65 : 0), "\(file): \(strict.stderr)")
            if fails { #expect(strict.stderr.contains("(or records read only in part) in strict mode"), "\(file): \(strict.stderr)") }
        }
    }

    @Test func emptyFileAndInvalidUTF8Exit65WithTheirPlace() throws {
        let folder = try Self.folder(with: ["empty.bib": ""])
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data([0x40, 0x61, 0xFF, 0x0A]).write(to: folder.appendingPathComponent("bad.bib"))
        let empty = try EndToEndTests.run(["names", "empty.bib"], in: folder)
        #expect(empty.status == 65)
        #expect(empty.stderr.contains("no publications with authors were read"))
        let bad = try EndToEndTests.run(["names", "bad.bib"], in: folder)
        #expect(bad.status == 65)
        #expect(bad.stderr.contains("bad.bib:1:3: error: invalid UTF-8 at byte offset 2"))
    }

    @Test func namesListsMergesAndNearMisses() throws {
        let folder = try Self.folder(with: ["n.bib": """
            @article{a, author = {Raghunandan H. Keshavan and Xin Li}, year = 2010}
            @article{b, author = {R. H. Keshavan and Xiao Li}, year = 2011}
            @article{c, author = {X. Li}, year = 2012}
            """])
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try EndToEndTests.run(["names", "n.bib"], in: folder)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("R. H. Keshavan → Raghunandan H. Keshavan"))
        #expect(result.stdout.contains("X. Li ≠ "))
    }
}
