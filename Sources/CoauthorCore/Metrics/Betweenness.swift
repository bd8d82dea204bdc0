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
    let n = graph.nodeCount
    guard n > 0 else { return [] }
    let lengths = edgeLengths(graph)
    var result = parallelSum(count: n, width: n) { sources, partial in
        var search = ShortestPathSearch(graph: graph, edgeLength: lengths)
        var delta = [Double](repeating: 0, count: n)
        for s in sources {
            search.run(from: s)
            accumulateDependencies(search, source: s, delta: &delta, into: &partial)
        }
    }
    rescaleBetweenness(&result, nodeCount: n)
    return result
}

/// Brandes' back-propagation of pair dependencies over the settle order of one source.
private func accumulateDependencies(_ search: ShortestPathSearch, source: Int, delta: inout [Double], into betweenness: inout [Double]) {
    let graph = search.graph
    for w32 in search.order.reversed() {
        let w = Int(w32)
        let coefficient = (1 + delta[w]) / search.sigma[w]
        for slot in graph.slots(w) {
            let v = Int(graph.neighbors[slot])
            if search.isPredecessor(v, of: w, length: search.edgeLength[Int(graph.edgeIDs[slot])]) {
                delta[v] += search.sigma[v] * coefficient
            }
        }
        if w != source { betweenness[w] += delta[w] }
    }
    for w in search.order { delta[Int(w)] = 0 }
}

/// Every ordered pair was counted, so dividing by (n−1)(n−2) gives the normalised
/// undirected value (networkx's `_rescale` with `normalized=True`).
private func rescaleBetweenness(_ values: inout [Double], nodeCount n: Int) {
    guard n > 2 else { return }
    let scale = 1 / (Double(n - 1) * Double(n - 2))
    for i in values.indices { values[i] *= scale }
}
