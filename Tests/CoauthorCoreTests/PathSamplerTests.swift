@testable import CoauthorCore
import Testing

/// The bidirectional sampler draws every shortest path between two authors equally often,
/// on graphs built to have many paths of equal length.
struct PathSamplerTests {
    /// A 4×4 grid with unit weights: C(a + b, a) shortest paths between corners.
    static let grid: WeightedGraph = {
        let (rows, columns) = (4, 4)
        var edges: [(Int, Int, Double)] = []
        for r in 0..<rows {
            for c in 0..<columns {
                if c + 1 < columns { edges.append((r * columns + c, r * columns + c + 1, 1)) }
                if r + 1 < rows { edges.append((r * columns + c, (r + 1) * columns + c, 1)) }
            }
        }
        return WeightedGraph(nodeCount: rows * columns, edges: edges)
    }()

    /// A clique of six whose ties have weight 1 or 2 (lengths 1 and 1/2): a direct tie of
    /// length 1 competes with every two-step path over two strong ties.
    static let mixedClique: WeightedGraph = {
        var edges: [(Int, Int, Double)] = []
        for a in 0..<6 {
            for b in (a + 1)..<6 { edges.append((a, b, (a + b) % 3 == 0 ? 1 : 2)) }
        }
        return WeightedGraph(nodeCount: 6, edges: edges)
    }()

    /// A random graph of 14 authors with weights 1, 2 and 3, so that 1/2 + 1/2 = 1 and
    /// 1/3 + 1/3 + 1/3 = 1 (equal only within the rounding tolerance) create ties.
    static let randomTies: WeightedGraph = {
        var random = SplitMix64(seed: 42)
        var edges: [(Int, Int, Double)] = []
        for a in 0..<14 {
            for b in (a + 1)..<14 where random.next() % 100 < 35 {
                edges.append((a, b, Double(1 + random.next() % 3)))
            }
        }
        return WeightedGraph(nodeCount: 14, edges: edges)
    }()

    /// Two rings of eight and six authors with unit weights, joined by a path through one author.
    static let rings: WeightedGraph = {
        var edges: [(Int, Int, Double)] = []
        for k in 0..<8 { edges.append((k, (k + 1) % 8, 1)) }
        for k in 0..<6 { edges.append((8 + k, 8 + (k + 1) % 6, 1)) }
        edges += [(0, 14, 1), (14, 8, 1)]
        return WeightedGraph(nodeCount: 15, edges: edges)
    }()

    static let graphs: [(String, WeightedGraph)] = [
        ("grid", grid), ("mixed clique", mixedClique), ("random ties", randomTies), ("rings", rings),
    ]

    @Test(arguments: 0..<graphs.count)
    func everyShortestPathIsEquallyLikely(index: Int) throws {
        let (name, graph) = Self.graphs[index]
        let n = graph.nodeCount
        let oracle = PathOracle(graph)
        let paths = PathGraph(graph)
        let sampler = BidirectionalPathSampler(nodeCount: n)
        var random = SplitMix64(seed: 7)
        var pairsWithChoice = 0
        // Pearson's χ² against the uniform distribution, per pair with k paths (k − 1 degrees of
        // freedom: mean k − 1, standard deviation √(2(k − 1))) and summed over all pairs. Favouring
        // one of two paths by 3 to 2 already gives χ² = 16 at 200 draws a path.
        var totalChiSquare = 0.0, totalFreedom = 0.0
        let drawsPerPath = 200
        try paths.withSlots { offsets, slots in
            for u in 0..<n {
                for v in 0..<n where v != u && oracle.distance[u][v].isFinite {
                    let all = oracle.shortestPaths(from: u, to: v)
                    let draws = all.count == 1 ? 5 : drawsPerPath * all.count
                    var seen: [[Int]: Int] = [:]
                    for _ in 0..<draws {
                        var inner: [Int32] = []
                        let found = sampler.sample(from: u, to: v, offsets: offsets, slots: slots,
                                                   random: &random, inner: &inner)
                        try #require(found, "\(name): no path drawn from \(u) to \(v)")
                        let path = [u] + inner.map { Int($0) } + [v]
                        try #require(all.contains(path), "\(name): \(path) is not a shortest path")
                        seen[path, default: 0] += 1
                    }
                    guard all.count > 1 else { continue }
                    pairsWithChoice += 1
                    let expected = Double(drawsPerPath)
                    let chiSquare = all.reduce(0.0) { sum, path in
                        let observed = Double(seen[path] ?? 0)
                        return sum + (observed - expected) * (observed - expected) / expected
                    }
                    let freedom = Double(all.count - 1)
                    // Loose per pair (hundreds of pairs are tested), tight for the sum below.
                    #expect(chiSquare <= freedom + 12 * (2 * freedom).squareRoot() + 10,
                            "\(name): paths from \(u) to \(v) drawn unevenly (χ² = \(chiSquare), \(all.count) paths)")
                    totalChiSquare += chiSquare
                    totalFreedom += freedom
                }
            }
        }
        #expect(pairsWithChoice > 0, "\(name) has no pair with a choice of paths")
        #expect(totalChiSquare <= totalFreedom + 5 * (2 * totalFreedom).squareRoot(),
                "\(name): χ² summed over \(pairsWithChoice) pairs is \(totalChiSquare) for \(totalFreedom) degrees of freedom")
    }

    @Test func unreachablePairsDrawNothing() {
        let graph = WeightedGraph(nodeCount: 4, edges: [(0, 1, 1), (2, 3, 1)])
        let paths = PathGraph(graph)
        let sampler = BidirectionalPathSampler(nodeCount: 4)
        var random = SplitMix64(seed: 1)
        var inner: [Int32] = []
        let found = paths.withSlots { offsets, slots in
            sampler.sample(from: 0, to: 3, offsets: offsets, slots: slots, random: &random, inner: &inner)
        }
        #expect(!found)
        #expect(inner.isEmpty)
    }

    /// Sampled credits converge to exact betweenness where paths tie everywhere.
    @Test(arguments: 0..<graphs.count)
    func creditsMatchExactBetweenness(index: Int) {
        let (name, graph) = Self.graphs[index]
        let exact = betweennessCentrality(graph)
        let (estimate, guarantee) = approximateBetweenness(graph, epsilon: 0.02, seed: 11)
        #expect(estimate.count == exact.count && exact.count == graph.nodeCount)
        let worst = zip(exact, estimate).map { abs($0 - $1) }.max() ?? 0
        #expect(worst <= guarantee.epsilon, "\(name): worst error \(worst) above the bound \(guarantee.epsilon)")
    }

    /// The real co-authorship graph: every estimate within the stated ε of networkx's exact value.
    @Test func dblpSigmodWithinTheStatedBound() throws {
        let fixture = try GraphFixture(named: "dblp_sigmod")
        let exact = try #require(fixture.expected["betweenness"])
        let (estimate, guarantee) = approximateBetweenness(fixture.graph, epsilon: 0.01, seed: 2)
        #expect(guarantee.samples > 0)
        var worst = 0.0
        for (reference, value) in zip(exact, estimate) {
            worst = max(worst, abs((reference ?? 0) - value))
        }
        #expect(worst <= guarantee.epsilon, "worst error \(worst) above the bound \(guarantee.epsilon)")
    }
}

/// All shortest paths of a small graph, found by brute force (Floyd–Warshall, then every
/// walk along ties that stay tight), independently of the searches under test.
private struct PathOracle {
    let graph: WeightedGraph
    let distance: [[Double]]

    init(_ graph: WeightedGraph) {
        self.graph = graph
        let n = graph.nodeCount
        var distance = [[Double]](repeating: [Double](repeating: .infinity, count: n), count: n)
        for v in 0..<n { distance[v][v] = 0 }
        for e in 0..<graph.edgeCount {
            let (a, b) = (Int(graph.source[e]), Int(graph.target[e]))
            distance[a][b] = min(distance[a][b], 1 / graph.weight[e])
            distance[b][a] = distance[a][b]
        }
        for k in 0..<n {
            for i in 0..<n {
                for j in 0..<n where distance[i][k] + distance[k][j] < distance[i][j] {
                    distance[i][j] = distance[i][k] + distance[k][j]
                }
            }
        }
        self.distance = distance
    }

    private func same(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-9 * max(1, b) }

    func shortestPaths(from u: Int, to v: Int) -> [[Int]] {
        var found: [[Int]] = []
        var path = [u]
        func extend(_ c: Int) {
            if c == v {
                found.append(path)
                return
            }
            for slot in graph.slots(c) {
                let w = Int(graph.neighbors[slot])
                let length = 1 / graph.weight[Int(graph.edgeIDs[slot])]
                guard same(distance[u][c] + length, distance[u][w]), same(distance[u][w] + distance[w][v], distance[u][v]) else { continue }
                path.append(w)
                extend(w)
                path.removeLast()
            }
        }
        extend(u)
        return found
    }
}
