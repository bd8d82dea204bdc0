/// Harmonic centrality: Σ 1/d(v, u) over every other author u reachable from v
/// (unreachable authors add 0).
///
/// Edge weights are read as **strengths**; distances are 1/w. Agrees with
/// `nx.harmonic_centrality(G, distance="distance")` (Y. Rochat, "Closeness
/// centrality extended to unconnected graphs: the harmonic centrality index",
/// ASNA 2009; P. Boldi and S. Vigna, "Axioms for centrality", Internet
/// Mathematics 10, 2014, doi:10.1080/15427951.2013.865686).
///
/// - Complexity: O(n m + n² log n) time; sources run in parallel.
public func harmonicCentrality(_ graph: WeightedGraph) -> [Double] {
    pathMetrics(graph, .harmonic).harmonic
}
