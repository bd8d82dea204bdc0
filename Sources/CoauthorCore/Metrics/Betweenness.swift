/// Betweenness centrality: the share of shortest paths between other pairs of
/// authors that pass through each author, normalised by (n−1)(n−2).
///
/// Brandes' algorithm on weighted graphs (U. Brandes, "A faster algorithm for
/// betweenness centrality", J. Math. Sociol. 25(2), 2001,
/// doi:10.1080/0022250X.2001.9990249). Edge weights are read as **strengths**
/// and turned into distances 1/w; path lengths within a relative 1e-10 are
/// equal. Agrees with `nx.betweenness_centrality(G, weight="distance", normalized=True)`.
///
/// Sources are split across all cores in fixed chunks; the sum is taken in
/// chunk order, so results do not depend on the number of threads.
///
/// - Complexity: O(n m + n² log n) time, O(n + m) memory per worker.
public func betweennessCentrality(_ graph: WeightedGraph) -> [Double] {
    var result = pathMetrics(graph, .betweenness).betweenness
    rescaleBetweenness(&result, nodeCount: graph.nodeCount)
    return result
}

/// Every ordered pair was counted, so dividing by (n−1)(n−2) gives the normalised
/// undirected value (networkx's `_rescale` with `normalized=True`).
func rescaleBetweenness(_ values: inout [Double], nodeCount n: Int) {
    guard n > 2 else { return }
    let scale = 1 / (Double(n - 1) * Double(n - 2))
    for i in values.indices { values[i] *= scale }
}
