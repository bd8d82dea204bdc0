/// Local clustering coefficient (unweighted): the share of pairs of an
/// author's co-authors who are co-authors themselves; 0 below degree 2.
/// Agrees with `nx.clustering(G)` (D. J. Watts and S. H. Strogatz, "Collective
/// dynamics of 'small-world' networks", Nature 393, 1998, doi:10.1038/30918).
/// - Complexity: O(Σ deg(v)²) time, O(n) extra memory.
public func clusteringCoefficient(_ graph: WeightedGraph) -> [Double] {
    let triangles = triangleCounts(graph)
    return (0..<graph.nodeCount).map { v in
        let k = Double(graph.degree(v))
        return k < 2 ? 0 : 2 * Double(triangles[v]) / (k * (k - 1))
    }
}

/// Number of triangles through each node.
/// - Complexity: O(Σ deg(v)²).
func triangleCounts(_ graph: WeightedGraph) -> [Int] {
    let n = graph.nodeCount
    var mark = [Int32](repeating: -1, count: n)
    var counts = [Int](repeating: 0, count: n)
    for v in 0..<n {
        for slot in graph.slots(v) { mark[Int(graph.neighbors[slot])] = Int32(v) }
        var links = 0
        for slot in graph.slots(v) {
            let u = Int(graph.neighbors[slot])
            for other in graph.slots(u) where mark[Int(graph.neighbors[other])] == Int32(v) { links += 1 }
        }
        counts[v] = links / 2
    }
    return counts
}
