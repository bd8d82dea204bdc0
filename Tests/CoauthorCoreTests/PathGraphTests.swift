@testable import CoauthorCore
import Testing

/// The search layout (`PathGraph`) gives back every tie's neighbour and length, in both of its
/// packings, and path metrics do not depend on which packing a graph gets.
struct PathGraphTests {
    /// A seeded random graph of `n` authors whose weights take `distinctWeights` values.
    static func randomGraph(n: Int, ties: Int, distinctWeights: Int, seed: UInt64) -> WeightedGraph {
        var random = SplitMix64(seed: seed)
        var seen = Set<Int>()
        var edges: [(Int, Int, Double)] = []
        while edges.count < ties {
            let a = Int(random.next() % UInt64(n)), b = Int(random.next() % UInt64(n))
            guard a != b, seen.insert(min(a, b) * n + max(a, b)).inserted else { continue }
            edges.append((min(a, b), max(a, b), 1 + Double(random.next() % UInt64(distinctWeights)) / 7))
        }
        return WeightedGraph(nodeCount: n, edges: edges)
    }

    /// Reads every slot back through `PathSlots` and checks it against the graph.
    private func expectSlotsMatch(_ graph: WeightedGraph, _ paths: PathGraph) {
        var oldOf = [Int](repeating: -1, count: graph.nodeCount)
        for v in 0..<graph.nodeCount { oldOf[Int(paths.newID[v])] = v }
        #expect(Set(oldOf).count == graph.nodeCount, "the layout's numbering is not a permutation")
        var mismatches = 0
        paths.withSlots { offsets, slots in
            for position in 0..<graph.nodeCount {
                let old = oldOf[position]
                let range = graph.slots(old)
                #expect(offsets[position + 1] - offsets[position] == range.count)
                for (k, slot) in range.enumerated() {
                    let read = slots[offsets[position] + k]
                    let weight = graph.weight[Int(graph.edgeIDs[slot])]
                    if read.target != paths.newID[Int(graph.neighbors[slot])] || read.length != 1 / weight { mismatches += 1 }
                }
            }
        }
        #expect(mismatches == 0)
    }

    @Test func fewDistinctLengthsPackIntoFourBytesAndReadBack() {
        let graph = Self.randomGraph(n: 300, ties: 1200, distinctWeights: 40, seed: 3)
        for paths in [PathGraph(graph), PathGraph(localityOrdered: graph)] {
            #expect(paths.narrow.count == graph.neighbors.count + 1 && paths.wide.count == 1, "expected the 4-byte packing")
            #expect(paths.lengths.count == 40)
            expectSlotsMatch(graph, paths)
        }
    }

    @Test func manyDistinctLengthsPackIntoEightBytesAndReadBack() {
        let graph = Self.randomGraph(n: 300, ties: 1200, distinctWeights: 700, seed: 4)
        for paths in [PathGraph(graph), PathGraph(localityOrdered: graph)] {
            #expect(paths.narrow.isEmpty && paths.wide.count == graph.neighbors.count + 1, "expected the 8-byte packing")
            #expect(paths.lengths.count > 256)
            expectSlotsMatch(graph, paths)
        }
    }

    /// Brandes' searches and accumulation over the two packings of one graph give the same
    /// betweenness bit for bit, from every source.
    @Test func betweennessIsTheSameInEitherPacking() {
        let graph = Self.randomGraph(n: 250, ties: 1000, distinctWeights: 6, seed: 9)
        let narrow = PathGraph(localityOrdered: graph)
        let wide = PathGraph(localityOrdered: graph, allowsNarrow: false)
        #expect(narrow.wide.count == 1 && wide.narrow.isEmpty, "the two layouts do not use the two packings")
        #expect(narrow.newID == wide.newID)
        func betweenness(_ paths: PathGraph) -> [Double] {
            let worker = ShortestPathWorker(nodeCount: graph.nodeCount)
            var values = [Double](repeating: 0, count: graph.nodeCount)
            let ones = [Double](repeating: 1, count: graph.nodeCount)
            paths.withSlots { offsets, slots in
                ones.withUnsafeBufferPointer { ones in
                    values.withUnsafeMutableBufferPointer { values in
                        for s in 0..<graph.nodeCount {
                            worker.run(from: s, offsets: offsets, slots: slots)
                            worker.accumulate(source: s, multiplicity: 1, offsets: offsets, slots: slots,
                                              targetWeight: ones.baseAddress!, into: values.baseAddress!)
                        }
                    }
                }
            }
            return values
        }
        let fromNarrow = betweenness(narrow), fromWide = betweenness(wide)
        #expect(fromNarrow.contains { $0 > 0 }, "no author lies on a shortest path: the graph tests nothing")
        #expect(fromNarrow == fromWide)
        // And the layout's values, mapped back to the authors and normalised by (n − 1)(n − 2), are
        // the library's betweenness (computed block by block, so equal up to rounding).
        let library = betweennessCentrality(graph)
        #expect(library.count == graph.nodeCount)
        let n = Double(graph.nodeCount)
        var largestError = 0.0
        for v in 0..<graph.nodeCount {
            let expected = fromNarrow[Int(narrow.newID[v])] / ((n - 1) * (n - 2))
            largestError = max(largestError, abs(library[v] - expected) / max(1e-12, abs(expected)))
        }
        #expect(largestError < 1e-9)
    }
}
