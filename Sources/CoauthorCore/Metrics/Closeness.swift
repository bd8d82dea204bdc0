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
    pathMetrics(graph, .closeness).closeness
}
