@testable import CoauthorCore
import Testing

/// The CSR rows of a graph: edges in (source, target) order, as the network builder gives them,
/// take a path that neither scatters nor sorts, on all cores on a large graph; it must give the
/// rows the general path gives.
struct WeightedGraphTests {
    /// Edges in (source, target) order, each pair joined with probability `density`.
    static func orderedEdges(nodes n: Int, density: Double, seed: UInt64) -> (source: [Int32], target: [Int32]) {
        var random = SplitMix64(seed: seed)
        var source: [Int32] = [], target: [Int32] = []
        let threshold = UInt64(density * 0x1p53)
        for u in 0..<n {
            for v in (u + 1)..<max(u + 1, n) where random.next() >> 11 < threshold {
                source.append(Int32(u))
                target.append(Int32(v))
            }
        }
        return (source, target)
    }

    /// Whether every row lists its neighbours in increasing order, each with the edge joining them.
    static func rowsAreSortedAndMatchTheEdges(_ graph: WeightedGraph) -> Bool {
        (0..<graph.nodeCount).allSatisfy { v in
            graph.slots(v).allSatisfy { slot in
                let u = Int(graph.neighbors[slot]), e = Int(graph.edgeIDs[slot])
                let joined = (Int(graph.source[e]), Int(graph.target[e])) == (min(u, v), max(u, v))
                return joined && (slot == graph.offsets[v] || graph.neighbors[slot - 1] < graph.neighbors[slot])
            }
        }
    }

    @Test func orderedEdgesGiveTheRowsOfScatteredEdgesOnAnyNumberOfCores() {
        // Above `parallelRowEdges`, so that runs split the nodes; isolated nodes at both ends.
        let (source, target) = Self.orderedEdges(nodes: 2_000, density: 0.56, seed: 7)
        let shifted = (source.map { $0 + 3 }, target.map { $0 + 3 })
        #expect(source.count >= WeightedGraph.parallelRowEdges)
        let general = WeightedGraph.rows(ofSources: shifted.0, targets: shifted.1, nodeCount: 2_006)
        #expect(general.offsets.count == 2_007 && general.neighbors.count == 2 * source.count)
        for workers in [1, 2, 3, 8] {
            let ordered = Parallelism.$workers.withValue(workers) {
                WeightedGraph.rows(ofOrderedSources: shifted.0, targets: shifted.1, nodeCount: 2_006)
            }
            // Booleans first: a failed `#expect` on arrays of millions prints them whole.
            let same = (ordered.offsets == general.offsets, ordered.neighbors == general.neighbors,
                        ordered.edgeIDs == general.edgeIDs)
            #expect(same == (true, true, true), "\(workers) workers")
        }
    }

    @Test func smallGraphsInAnyEdgeOrderHaveSortedRows() {
        var random = SplitMix64(seed: 23)
        for trial in 0..<40 {
            let n = Int(random.next() % 60)
            let (source, target) = Self.orderedEdges(nodes: n, density: Double(random.next() % 100) / 100, seed: UInt64(trial))
            let weight = source.indices.map { Double($0 % 5 + 1) }
            let graph = WeightedGraph(nodeCount: n, source: source, target: target, weight: weight)
            #expect(Self.rowsAreSortedAndMatchTheEdges(graph), "trial \(trial)")
            // The same edges reversed take the general path and give the same neighbours.
            let reversed = WeightedGraph(nodeCount: n, source: source.reversed(), target: target.reversed(), weight: weight.reversed())
            #expect(Self.rowsAreSortedAndMatchTheEdges(reversed), "trial \(trial)")
            #expect(reversed.offsets == graph.offsets && reversed.neighbors == graph.neighbors, "trial \(trial)")
            #expect(reversed.edgeIDs.map { source.count - 1 - Int($0) } == graph.edgeIDs.map { Int($0) }, "trial \(trial)")
        }
    }
}
