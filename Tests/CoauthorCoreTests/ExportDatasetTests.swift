@testable import CoauthorCore
import Foundation
import Testing

/// Every file of `../shared/datasets/exports/` read through the library with the counts of its
/// `expected_counts.json` (made by the datasets' own `verify/count_exports.py`), 0 records skipped
/// and no error. Skipped where ../shared/datasets is absent.
@Suite(.enabled(if: ExportDatasets.available, "needs ../shared/datasets/exports"))
struct ExportDatasetTests {
    @Test(arguments: ExportDatasets.files)
    func countsEqualTheVerifier(relative: String) throws {
        let name = (relative as NSString).lastPathComponent
        let expected = try ExportDatasets.expected(name)
        let path = Paths.datasets.appendingPathComponent("exports").appendingPathComponent(relative).path
        let corpus = try InputReader.read([path])
        #expect(corpus.records == expected["records"], "records")
        #expect(corpus.publications.count == expected["with_author"], "with_author")
        #expect(corpus.authorships == expected["authorships"], "authorships")
        #expect(corpus.skipped == 0)
        #expect(!corpus.diagnostics.contains { $0.severity == .error }, "\(corpus.diagnostics.filter { $0.severity == .error }.prefix(3))")
        if let orcids = expected["distinct_orcids"] {
            let distinct = Set(corpus.publications.flatMap { $0.authorIDs.map(\.orcid) }.filter { !$0.isEmpty })
            #expect(distinct.count == orcids, "distinct ORCIDs")
        }
        if let ids = expected["distinct_author_ids"] {
            let distinct = Set(corpus.publications.flatMap { $0.authorIDs.map { $0.scopus.isEmpty ? $0.openAlex : $0.scopus } }.filter { !$0.isEmpty })
            #expect(distinct.count == ids, "distinct author IDs")
        }
    }
}

/// What users of the real exports hit, read as they read them.
@Suite(.enabled(if: ExportDatasets.available, "needs ../shared/datasets/exports"))
struct ExportDatasetUseTests {
    private func path(_ relative: String) -> String { ExportDatasets.folder.appendingPathComponent(relative).path }

    /// bibliometrix's Lens and Scopus samples write R's `NA` where a paper has no PMID: read
    /// together, no two of their 16 papers are one (as `NA`, a PMID made five papers one, and
    /// their authors were lost), in either order.
    @Test func aPMIDWrittenNAJoinsNoPapers() throws {
        let files = [path("lens/bibliometrix-lens_sample.csv"), path("scopus-csv/bibliometrix-scopus_sample.csv")]
        for order in [files, files.reversed()] {
            let corpus = try InputReader.read(order)
            #expect(corpus.records == 16 && corpus.publications.count == 16 && corpus.duplicates == 0, "\(order)")
            #expect(!corpus.publications.contains { $0.extras.pmid == "NA" })
            #expect(corpus.publications.count { !$0.extras.pmid.isEmpty } == 8, "the samples' other PMIDs are kept")
        }
    }

    /// Web of Science's `[Anonymous]` signs three unrelated news items of ScientoPy's export: three
    /// authors of one paper each, not one author of three (the counts of the verifier stand).
    @Test func anonymousIsAnAuthorOfItsOwnPaperOnly() throws {
        let corpus = try InputReader.read([path("wos-tab/scientopy-wos_4071.txt")])
        let anonymous = corpus.publications.filter { $0.authors.contains { $0.last == "[Anonymous]" } }
        #expect(anonymous.count == 3)
        #expect(anonymous.allSatisfy { $0.authors.count == 1 && $0.authors[0].homonym == $0.key && $0.key.hasPrefix("WOS:") })
        let index = AuthorResolver.resolve(corpus, mode: .conservative)
        let people = index.names.filter { $0.hasPrefix("[Anonymous]") }
        #expect(people.count == 3 && Set(people).count == 3, "\(people)")
    }

    /// litstudy's Scopus export has 58 rows, 9 of them `[No author name available]`: the summary
    /// line says where they went.
    @Test func theSummarySaysHowManyRecordsNameNoAuthor() throws {
        let corpus = try InputReader.read([path("scopus-csv/litstudy-scopus.csv")])
        let text = try String(contentsOfFile: path("scopus-csv/litstudy-scopus.csv"), encoding: .utf8)
        let unsigned = text.components(separatedBy: "[No author name available]").count - 1
        #expect(unsigned == 9 && corpus.withoutAuthors == unsigned)
        #expect(corpus.summaryLine == "read 49 publications from 1 file (0 skipped, 9 records without authors, 0 without year)")
    }

    /// A file that cannot be read to its end (a gzip file cut short) is one skipped: read beside the
    /// Scopus export, the 9 records without authors are still 9 (the count over the whole corpus
    /// took the skipped file from them: a user trial of session 51).
    @Test func aSkippedFileTakesNothingFromRecordsWithoutAuthors() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("unsigned-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: path("scopus-csv/litstudy-scopus.csv"), toPath: folder.appendingPathComponent("a.csv").path)
        let whole = try Data(contentsOf: Paths.fixtures.appendingPathComponent("exports/pubmed.nbib"))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["gzip", "-c", Paths.fixtures.appendingPathComponent("exports/pubmed.nbib").path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let compressed = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(compressed.count > 40 && !whole.isEmpty)
        try compressed.prefix(compressed.count / 2).write(to: folder.appendingPathComponent("b.nbib.gz"))
        let corpus = try InputReader.read([folder.path])
        #expect(corpus.skipped == 1, "\(corpus.diagnostics)")
        #expect(corpus.withoutAuthors == 9)
        // The cut file's first record, whole before the cut, is read (as the file uncompressed and cut would be).
        #expect(corpus.summaryLine == "read 50 publications from 2 files (1 skipped, 9 records without authors, 0 without year)")
    }

    /// A format named that the file is not: the error says so, without asking for the option used.
    @Test func aFormatNamedThatTheFileIsNotSaysSo() throws {
        let corpus = try InputReader.read([path("wos-tab/scientopy-wos_4071.txt")], format: .scopus)
        let error = try #require(corpus.diagnostics.first { $0.severity == .error })
        #expect(error.message.contains("this is not a Scopus CSV file"), "\(error.message)")
        #expect(!error.message.contains("name the format"))
    }
}

enum ExportDatasets {
    static let folder = Paths.datasets.appendingPathComponent("exports")
    static let available = FileManager.default.fileExists(atPath: folder.appendingPathComponent("expected_counts.json").path)

    /// Every export file, as `subfolder/name`.
    static let files: [String] = {
        let manager = FileManager.default
        guard let folders = try? manager.contentsOfDirectory(atPath: folder.path) else { return [] }
        return folders.sorted().flatMap { sub -> [String] in
            let names = (try? manager.contentsOfDirectory(atPath: folder.appendingPathComponent(sub).path)) ?? []
            return names.sorted().filter { !$0.hasPrefix(".") }.map { "\(sub)/\($0)" }
        }
    }()

    static func expected(_ name: String) throws -> [String: Int] {
        let data = try Data(contentsOf: folder.appendingPathComponent("expected_counts.json"))
        let all = try JSONSerialization.jsonObject(with: data) as? [String: [String: Any]]
        let entry = try #require(all?[name], "no expected counts for \(name)")
        var counts: [String: Int] = [:]
        for (key, value) in entry { if let number = value as? Int { counts[key] = number } }
        return counts
    }
}
