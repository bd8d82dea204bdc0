@testable import CoauthorCore
import Foundation
import Testing

/// Every real bibliography of `../shared/datasets` read through the library: the counts must equal
/// those of the datasets' own verifier (`verify/bibstats.py` → `expected_counts.json`).
///
/// The ACL file keeps a real quirk: `chen-etal-1991-archtran` lists `Su, and Keh-Yih`, where the
/// Anthology's XML has one author with the given name "and Keh-Yih". BibTeX splits the list on
/// ` and `, so it reads two names, `Su` (a surname with an empty given name) and `Keh-Yih`, and so
/// do we: the verifier's 219,788 authorships (one more than the XML's 219,787) include both. The
/// reader warns at that field that a name ends in a comma right before `and`.
// Skipped where ../shared/datasets is absent (a checkout without the shared data).
@Suite(.enabled(if: Datasets.available, "needs ../shared/datasets"))
struct DatasetCountTests {
    @Test(arguments: Datasets.bibliographies.map(\.name))
    func countsEqualTheVerifier(name: String) throws {
        let file = try #require(Datasets.bibliographies.first { $0.name == name }).file
        let expected = try Datasets.expected(name)
        let corpus = try InputReader.read([try Datasets.path(of: file)], format: .bibtex)
        #expect(corpus.records == expected.entries)
        #expect(corpus.publications.count == expected.withAuthor)
        #expect(corpus.authorships == expected.authorships)
        #expect(corpus.skipped == 0)
        #expect(!corpus.diagnostics.contains { $0.severity == .error })
        if name == "acl-anthology-2021" { try checkANDQuirk(corpus) }
        // The verifier's per-year counts cover every record; ours cover publications (records
        // with an author), so they agree exactly where every record has an author.
        if expected.entries == expected.withAuthor {
            var perYear: [Int: Int] = [:]
            for publication in corpus.publications { if let year = publication.year { perYear[year, default: 0] += 1 } }
            #expect(perYear == expected.perYear)
        } else {
            var perYear: [Int: Int] = [:]
            for publication in corpus.publications { if let year = publication.year { perYear[year, default: 0] += 1 } }
            for (year, count) in perYear { #expect(count <= expected.perYear[year] ?? 0, "year \(year)") }
        }
    }

    /// The ACL author whose given name starts with "and" is read as BibTeX reads it: two names.
    private func checkANDQuirk(_ corpus: Corpus) throws {
        let paper = try #require(corpus.publications.first { $0.key == "chen-etal-1991-archtran" })
        #expect(paper.authors.map(\.displayName) == ["Shu-Chuan Chen", "Jing-Shin Chang", "Jong-Nae Wang", "Su", "Keh-Yih"])
        #expect(corpus.diagnostics.contains {
            $0.severity == .warning && $0.message.contains("chen-etal-1991-archtran") && $0.message.contains("right before 'and'")
        })
    }
}
