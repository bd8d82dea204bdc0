/// Closeness centrality with the Wasserman–Faust correction for disconnected
/// graphs: (r−1)/Σd · (r−1)/(n−1), where r counts the authors reachable from v
/// (v included) and Σd is the sum of their distances.
///
/// Edge weights are read as **strengths**; distances are 1/w. Agrees with
/// `nx.closeness_centrality(G, distance="distance", wf_improved=True)`
/// (S. Wasserman and K. Faust, *Social Network Analysis*, Cambridge University
/// Press, 1994, §5.3).
///
/// - Complexity: O(n m + n² log n) time; sources run in parallel.
public func closenessCentrality(_ graph: WeightedGraph) -> [Double] {
    let n = graph.nodeCount
    guard n > 1 else { return [Double](repeating: 0, count: n) }
    let lengths = edgeLengths(graph)
    return parallelSum(count: n, width: n) { sources, partial in
        var search = ShortestPathSearch(graph: graph, edgeLength: lengths)
        for s in sources {
            search.run(from: s)
            var total = 0.0
            for v in search.order { total += search.distance[Int(v)] }
            let reached = Double(search.order.count - 1)
            partial[s] = total > 0 ? (reached / total) * (reached / Double(n - 1)) : 0
        }
    }
}
