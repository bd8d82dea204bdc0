@testable import CoauthorCore
import Testing

/// Sampled estimates stay within their stated bounds of the exact values.
struct ApproximationTests {
    @Test(arguments: ["two_cliques_bridge", "random_weighted", "seed"])
    func betweennessWithinItsBound(name: String) throws {
        let fixture = try GraphFixture(named: name)
        let exact = betweennessCentrality(fixture.graph)
        let (estimate, guarantee) = approximateBetweenness(fixture.graph, epsilon: 0.05, seed: 3)
        #expect(guarantee.samples > 0)
        let worst = zip(exact, estimate).map { abs($0 - $1) }.max() ?? 0
        #expect(worst <= guarantee.epsilon, "\(name): worst error \(worst) above the bound \(guarantee.epsilon)")
        // Same seed, same estimate.
        #expect(approximateBetweenness(fixture.graph, epsilon: 0.05, seed: 3).values == estimate)
    }

    /// A ranking's `harmonic_error` is each author's own bound: n·ε times their strongest tie where
    /// estimated, 0 in a small component measured exactly; one strong tie (40 papers) no longer
    /// sets every author's bound.
    @Test func rankingsGiveEachAuthorTheirOwnHarmonicBound() throws {
        let ring = 1_200
        var edges = (0..<ring).map { ($0, ($0 + 1) % ring, $0 == 0 ? 40.0 : 1.0) }.map { ($0.0 < $0.1 ? $0.0 : $0.1, max($0.0, $0.1), $0.2) }
        edges.append((ring, ring + 1, 2))
        let graph = WeightedGraph(nodeCount: ring + 2, edges: edges)
        let network = CoauthorNetwork.plain(graph)
        let table = MetricTable(network: network, request: MetricRequest([.harmonic], sampling: .init(epsilon: 0.2, seed: 1)))
        let epsilon = try #require(table.approximations.first).epsilon
        try #require(epsilon > 0)
        let bounds = try #require(table.nodeErrorBounds[.harmonic])
        let n = Double(graph.nodeCount)
        #expect(abs(bounds[0] - n * epsilon * 40) < 1e-6 * bounds[0] && abs(bounds[500] - n * epsilon) < 1e-6 * bounds[500])
        #expect(bounds[ring] == 0 && bounds[ring + 1] == 0)
        #expect(table.errorBounds[.harmonic] == bounds.max())
        let ranking = RankingTable.authors(network, metrics: table, by: .harmonic, top: 0)
        let name = try #require(ranking.columns.firstIndex(of: "name")), error = try #require(ranking.columns.firstIndex(of: "harmonic_error"))
        try #require(ranking.rows.count == graph.nodeCount)
        for row in ranking.rows {
            guard case .text(let label) = row[name], let v = network.names.firstIndex(of: label) else {
                Issue.record("no author named in \(row)")
                continue
            }
            #expect(row[error] == .real(bounds[v]), "\(label)")
        }
    }

    /// n·ε·w_max, worked out by hand: 4 authors, the strongest tie 3, ε 0.2 → 2.4; each author's
    /// own bound uses their strongest tie: 2, 2, 3, 3 → 1.6, 1.6, 2.4, 2.4 (an isolated author 0).
    @Test func harmonicBoundIsTheAuthorsTimesEpsilonTimesTheStrongestTie() {
        let graph = WeightedGraph(nodeCount: 4, edges: [(0, 1, 2), (1, 2, 1), (2, 3, 3)])
        #expect(abs(harmonicErrorBound(graph, epsilon: 0.2) - 2.4) < 1e-12)
        let bounds = harmonicErrorBounds(graph, epsilon: 0.2)
        #expect(bounds.count == 4 && zip(bounds, [1.6, 1.6, 2.4, 2.4]).allSatisfy { abs($0 - $1) < 1e-12 }, "\(bounds)")
        let withLoner = harmonicErrorBounds(WeightedGraph(nodeCount: 5, edges: [(1, 2, 2), (2, 3, 1), (3, 4, 3)]), epsilon: 0.2)
        #expect(withLoner == [0, 2, 2, 3, 3].map { 5 * 0.2 * $0 }, "\(withLoner)")
    }

    /// An ε so small that the sample would hold more pairs than the graph has (or more than an
    /// Int counts: 1e-10 trapped, a hostile-input trial of session 55) gives the exact values, and
    /// says so; closeness's sources likewise.
    @Test func aTinyEpsilonGivesTheExactValues() throws {
        let fixture = try GraphFixture(named: "random_weighted")
        var exact = pathMetrics(fixture.graph, [.betweenness, .closeness, .harmonic])
        rescaleBetweenness(&exact.betweenness, nodeCount: fixture.graph.nodeCount)
        for epsilon in [1e-3, 1e-10, 1e-300] {
            let (betweenness, guarantee) = approximateBetweenness(fixture.graph, epsilon: epsilon, seed: 2)
            #expect(betweenness == exact.betweenness)
            #expect(guarantee.epsilon == 0 && guarantee.statement.hasPrefix("betweenness exact"), "\(guarantee.statement)")
            let (closeness, harmonic, closenessGuarantee) = approximateCloseness(fixture.graph, epsilon: epsilon, seed: 2)
            #expect(closeness == exact.closeness && harmonic == exact.harmonic && closenessGuarantee.epsilon == 0)
        }
        // A bound loose enough for a sample smaller than the pairs is still sampled.
        #expect(approximateBetweenness(fixture.graph, epsilon: 0.3, seed: 2).guarantee.epsilon > 0)
    }

    @Test func starCentreIsFoundExactly() {
        let star = WeightedGraph(nodeCount: 8, edges: (1..<8).map { (0, $0, 1.0) })
        let (estimate, _) = approximateBetweenness(star, epsilon: 0.1, seed: 1)
        #expect(abs(estimate[0] - 1) < 0.1)
        #expect(estimate[1...].allSatisfy { $0 == 0 })
    }

    @Test(arguments: ["random_weighted", "seed"])
    func closenessAndHarmonicWithinTheirBounds(name: String) throws {
        let fixture = try GraphFixture(named: name)
        let exactHarmonic = harmonicCentrality(fixture.graph)
        let (_, harmonic, guarantee, bounds) = approximateClosenessWithBounds(fixture.graph, epsilon: 0.2, seed: 5)
        try #require(harmonic.count == exactHarmonic.count && bounds.count == harmonic.count)
        if guarantee.epsilon > 0 {
            // Each author within their own bound (n·ε times their strongest tie), itself within the largest.
            for v in harmonic.indices {
                #expect(abs(exactHarmonic[v] - harmonic[v]) <= bounds[v], "\(name): author \(v)")
                #expect(bounds[v] <= harmonicErrorBound(fixture.graph, epsilon: guarantee.epsilon) * (1 + 1e-12))
            }
        } else {
            #expect(harmonic == exactHarmonic)
        }
    }

    /// The authors of components of at most `exactComponentLimit` authors get their exact
    /// closeness and harmonic, also where no sampled source falls in their component (they were
    /// 0, as isolated authors are: a trial of session 57 on DBLP); the large component is still
    /// sampled.
    @Test func smallComponentsAreMeasuredExactly() throws {
        let ring = 1200
        var edges: [(Int, Int, Double)] = []
        for v in 0..<ring {
            let weight: Double = 1 + Double(v % 3)
            edges.append((v, (v + 1) % ring, weight))
            edges.append((v, (v + 2) % ring, 1))
        }
        // Components of 2, 3 and 5 authors, and one isolated author.
        let small: [(Int, Int, Double)] = [(0, 1, 2), (2, 3, 1), (3, 4, 3), (5, 6, 1), (6, 7, 1), (7, 8, 2), (8, 9, 1), (5, 9, 1)]
        for (a, b, weight) in small { edges.append((ring + a, ring + b, weight)) }
        let graph = WeightedGraph(nodeCount: ring + 11, edges: edges)
        let exact = pathMetrics(graph, [.closeness, .harmonic])
        let (closeness, harmonic, guarantee) = approximateCloseness(graph, epsilon: 0.2, seed: 3)
        #expect(guarantee.samples < graph.nodeCount && guarantee.epsilon == 0.2)
        #expect(guarantee.statement.hasSuffix("; exact in the components of at most \(exactComponentLimit) authors"), "\(guarantee.statement)")
        for v in ring..<(ring + 11) {
            #expect(abs(closeness[v] - exact.closeness[v]) <= 1e-12 && abs(harmonic[v] - exact.harmonic[v]) <= 1e-12,
                    "\(v): \(closeness[v]) \(harmonic[v]) against \(exact.closeness[v]) \(exact.harmonic[v])")
        }
        #expect(harmonic[ring] > 0 && harmonic[ring + 10] == 0)
        #expect((0..<ring).contains { abs(harmonic[$0] - exact.harmonic[$0]) > 1e-9 }, "the large component was not sampled")
    }

    /// A graph large enough that the sample is smaller than the graph, so the estimates come
    /// from the sampling branch; every estimate is checked against the exact value with the
    /// bound the guarantee states.
    @Test func sampledEstimatesOnALargeGraphStayWithinTheirBounds() throws {
        let fixture = try GraphFixture(named: "synthetic_3000")
        let graph = fixture.graph
        let n = graph.nodeCount
        let exact = pathMetrics(graph, [.betweenness, .closeness, .harmonic])
        var exactBetweenness = exact.betweenness
        rescaleBetweenness(&exactBetweenness, nodeCount: n)

        let (betweenness, betweennessGuarantee) = approximateBetweenness(graph, epsilon: 0.02, seed: 9)
        #expect(betweennessGuarantee.samples > 0 && betweennessGuarantee.epsilon > 0)
        try #require(betweenness.count == n)
        let worstBetweenness = zip(exactBetweenness, betweenness).map { abs($0 - $1) }.max() ?? 0
        #expect(worstBetweenness <= betweennessGuarantee.epsilon)
        #expect(worstBetweenness > 0, "sampled values equal to the exact ones everywhere: the sampling branch did not run")

        let epsilon = 0.15
        let (closeness, harmonic, guarantee) = approximateCloseness(graph, epsilon: epsilon, seed: 4)
        #expect(guarantee.samples < n && guarantee.epsilon == epsilon, "the sample covers the whole graph: no sampling")
        try #require(closeness.count == n && harmonic.count == n)
        let maxWeight = graph.weight.max() ?? 1
        let longest = longestFiniteDistance(graph)
        let components = connectedComponents(graph)
        var sizes = [Int](repeating: 0, count: n)
        for c in components { sizes[c] += 1 }
        var harmonicErrors = 0, closenessErrors = 0, compared = 0
        for v in 0..<n {
            if abs(exact.harmonic[v] - harmonic[v]) / Double(n - 1) > epsilon * maxWeight { harmonicErrors += 1 }
            // Both closeness values are (reach share) / (mean distance): compare the mean distances.
            let share = Double(sizes[components[v]] - 1) / Double(n - 1)
            guard share > 0, closeness[v] > 0 else { continue }
            compared += 1
            if abs(share / exact.closeness[v] - share / closeness[v]) > epsilon * longest { closenessErrors += 1 }
        }
        #expect(compared > n / 2)
        #expect(harmonicErrors == 0 && closenessErrors == 0)
        #expect(harmonic != exact.harmonic, "estimates equal to the exact values: the sampling branch did not run")
    }

    /// The longest finite shortest-path distance (1/weight per tie), from every source.
    private func longestFiniteDistance(_ graph: WeightedGraph) -> Double {
        let paths = PathGraph(localityOrdered: graph)
        let worker = ShortestPathWorker(nodeCount: graph.nodeCount)
        var longest = 0.0
        paths.withSlots { offsets, slots in
            for source in 0..<graph.nodeCount {
                worker.run(from: source, offsets: offsets, slots: slots)
                for j in 0..<worker.reached { longest = max(longest, worker.distance[Int(worker.order[j])]) }
            }
        }
        return longest
    }
}
