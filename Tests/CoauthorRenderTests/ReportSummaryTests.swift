@testable import CoauthorCore
@testable import CoauthorRender
import Foundation
import Testing

/// The report page's corpus summary says what `stats` says of its numbers.
@Suite struct ReportSummaryTests {
    /// A chain of `count` authors, each paper joining the next two (a largest component of
    /// `count`), as a BibTeX file.
    static func chain(_ count: Int) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("coauthor-chain-\(count)-\(UUID().uuidString).bib")
        let text = (0..<(count - 1)).map { "@article{p\($0), author = {Ann A\($0) and Ann A\($0 + 1)}, title = {T}, year = 2020}\n" }.joined()
        try Data(text.utf8).write(to: url)
        return url
    }

    /// Above `GraphStatistics.exactPathLengthLimit` authors in the largest component the mean
    /// path length is sampled, and the page says so, as `stats` does in its note (a user trial
    /// of session 63 found the page's 5.096 shown as if exact); at or below it, nothing is said.
    @Test func aSampledMeanPathLengthIsMarkedAsAnEstimate() throws {
        for (count, sampled) in [(GraphStatistics.exactPathLengthLimit + 1, true), (50, false)] {
            let url = try Self.chain(count)
            defer { try? FileManager.default.removeItem(at: url) }
            let analysis = try Analysis(AnalysisRequest(inputs: [url.path]))
            try #require(analysis.network.nodeCount == count)
            let rows = analysis.htmlStatistics(seed: 1, metrics: MetricTable(network: analysis.network, request: MetricRequest([.degree])))
            let row = try #require(rows.first { $0.name.hasPrefix("average path length") })
            #expect(row.name == "average path length (largest component, hops)")
            #expect(row.value.contains("(estimated: the mean from \(GraphStatistics.sampledPathLengthSources) authors drawn at random, within about ±0.05 hops") == sampled,
                    "\(count): \(row.value)")
            // The value is the sampled mean on the long chain (an exact mean would be (n + 1) / 3).
            if !sampled { #expect(row.value == RankingTable.fixed(Double(count + 1) / 3, decimals: 3)) }
        }
    }
}
