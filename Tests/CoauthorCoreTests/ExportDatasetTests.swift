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
