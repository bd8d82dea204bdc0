@testable import CoauthorCore
import Testing

/// The bound on authors per shortest path that sizes Riondato–Kornaropoulos's sample
/// (`vertexDiameterBound`): never below the true vertex diameter, and not inflated by a few
/// strong ties.
struct VertexDiameterBoundTests {
    /// The true vertex diameter: the most authors on any shortest path (lengths 1/w, ties within
    /// the search kernels' tolerance), by Floyd–Warshall keeping, among shortest paths, the most ties.
    static func vertexDiameter(_ graph: WeightedGraph) -> Int {
        let n = graph.nodeCount
        var distance = [[Double]](repeating: [Double](repeating: .infinity, count: n), count: n)
        var hops = [[Int]](repeating: [Int](repeating: 0, count: n), count: n)
        for v in 0..<n { distance[v][v] = 0 }
        for e in 0..<graph.edgeCount {
            let (a, b, length) = (Int(graph.source[e]), Int(graph.target[e]), 1 / graph.weight[e])
            if length < distance[a][b] {
                (distance[a][b], distance[b][a]) = (length, length)
                (hops[a][b], hops[b][a]) = (1, 1)
            }
        }
        for k in 0..<n {
            for i in 0..<n where distance[i][k] < .infinity {
                for j in 0..<n where distance[k][j] < .infinity && i != j {
                    let through = distance[i][k] + distance[k][j]
                    if through < distance[i][j] - 1e-10 * through {
                        distance[i][j] = through
                        hops[i][j] = hops[i][k] + hops[k][j]
                    } else if through <= distance[i][j] + 1e-10 * through {
                        hops[i][j] = max(hops[i][j], hops[i][k] + hops[k][j])
                    }
                }
            }
        }
        return 1 + hops.joined().max()!
    }

    @Test func theBoundIsNeverBelowTheVertexDiameter() {
        var random = SplitMix64(seed: 3)
        for trial in 0..<40 {
            let n = 10 + Int(random.next() % 50)
            var edges: [(Int, Int, Double)] = []
            // A path through every author (one component), then random ties, some very strong.
            for v in 1..<n { edges.append((v - 1, v, Double(1 + random.next() % 4))) }
            for _ in 0..<Int(random.next() % UInt64(2 * n)) {
                let a = Int(random.next() % UInt64(n)), b = Int(random.next() % UInt64(n))
                guard a + 1 < b else { continue }
                let weight = random.next() % 10 == 0 ? Double(50 + random.next() % 500) : Double(1 + random.next() % 4)
                edges.append((a, b, weight))
            }
            var seen = Set<[Int]>()
            let graph = WeightedGraph(nodeCount: n, edges: edges.filter { seen.insert([$0.0, $0.1]).inserted })
            let exact = Self.vertexDiameter(graph)
            let bound = vertexDiameterBound(graph)
            #expect(bound >= exact, "trial \(trial): bound \(bound) below the vertex diameter \(exact)")
        }
    }

    /// A hub with 3,000 collaborators, one of them tied by 1,000 papers: every shortest path has at
    /// most 3 authors. Dividing twice the eccentricity by the shortest tie (1/1000) bounded it by
    /// the component's size, 3,001, which made the sample about twice as large.
    @Test func oneStrongTieDoesNotInflateTheBound() {
        let leaves = 3000
        let graph = WeightedGraph(nodeCount: leaves + 1, edges: (1...leaves).map { (0, $0, $0 == 1 ? 1000 : 1) })
        #expect(vertexDiameterBound(graph) == 3)
        #expect(Self.vertexDiameter(WeightedGraph(nodeCount: 41, edges: (1...40).map { (0, $0, $0 == 1 ? 1000 : 1) })) == 3)
    }
}
