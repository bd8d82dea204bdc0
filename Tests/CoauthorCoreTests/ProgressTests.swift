import Foundation
import Testing

@testable import CoauthorCore

/// Long computations say what they do (a field-scale trial of session 55 watched the default
/// report on dblp-2016-topvenues sit silent for a minute while its path metrics were sampled).
struct ProgressTests {
    /// Every call the handler gets, in the order it got them.
    final class Log: @unchecked Sendable {
        private let lock = NSLock()
        private var events: [(phase: String, fraction: Double)] = []

        var handler: ProgressHandler { { [self] phase, fraction in lock.withLock { events.append((phase, fraction)) } } }
        var phases: [String] {
            lock.withLock { events.map(\.phase).reduce(into: [String]()) { if $0.last != $1 { $0.append($1) } } }
        }
        func fractions(_ phase: String) -> [Double] { lock.withLock { events.filter { $0.phase == phase }.map(\.fraction) } }
    }

    @Test func sampledPathMetricsReportTheirShareDone() throws {
        let graph = try GraphFixture(named: "synthetic_3000").graph
        let log = Log()
        let (_, betweenness) = approximateBetweenness(graph, epsilon: 0.1, seed: 4, progress: log.handler)
        let (_, _, closeness) = approximateCloseness(graph, epsilon: 0.2, seed: 4, progress: log.handler)
        // Both were sampled, not computed exactly (which reports under other names).
        #expect(betweenness.epsilon > 0 && closeness.epsilon > 0)
        #expect(log.phases == ["betweenness (estimated)", "closeness, harmonic (estimated)"])
        let chunks = (betweenness.samples + 255) / 256
        let b = log.fractions("betweenness (estimated)"), c = log.fractions("closeness, harmonic (estimated)")
        // One report per chunk of 256 pairs and per source, the last of them all done.
        #expect(b.count == chunks && b.max() == 1 && b.allSatisfy { $0 > 0 && $0 <= 1 })
        #expect(c.count == closeness.samples && c.max() == 1 && c.allSatisfy { $0 > 0 && $0 <= 1 })
    }

    /// Phases whose share cannot be told are announced as they start.
    @Test func theMetricTableAnnouncesEachPhase() throws {
        let network = try twoTrianglesNetwork()
        #expect(network.nodeCount == 5)
        let log = Log()
        var request = MetricRequest([.betweenness, .pagerank, .constraint])
        request.communitySeed = 1
        _ = MetricTable(network: network, request: request, progress: log.handler)
        #expect(log.phases == ["communities", "betweenness", "pagerank", "constraint", ""])
        #expect(log.fractions("communities") == [ProgressFraction.unknown])
        #expect(log.fractions("betweenness").last == 1)
    }
}
