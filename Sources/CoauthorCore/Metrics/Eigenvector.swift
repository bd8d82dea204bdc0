/// Eigenvector centrality: the principal eigenvector of the weighted adjacency
/// matrix (weights read as **strengths**), scaled to unit Euclidean length.
///
/// Power iteration on A + I from the uniform vector, as networkx does, stopping
/// when the L1 change is below n·`tolerance`. Agrees with
/// `nx.eigenvector_centrality(G, weight="weight", max_iter=10000, tol=1e-12)`
/// (P. Bonacich, "Power and centrality: a family of measures", American Journal
/// of Sociology 92(5), 1987, doi:10.1086/228631).
///
/// - Complexity: O(n + m) per iteration.
public func eigenvectorCentrality(_ graph: WeightedGraph, tolerance: Double = 1e-12, maxIterations: Int = 10_000) -> [Double] {
    let n = graph.nodeCount
    guard n > 0 else { return [] }
    var x = [Double](repeating: 1 / Double(n), count: n)
    var next = x
    for _ in 0..<maxIterations {
        for v in 0..<n { next[v] = x[v] }
        for v in 0..<n {
            let xv = x[v]
            for slot in graph.slots(v) {
                next[Int(graph.neighbors[slot])] += xv * graph.weight[Int(graph.edgeIDs[slot])]
            }
        }
        var squares = 0.0
        for v in 0..<n { squares += next[v] * next[v] }
        var norm = squares.squareRoot()
        if norm == 0 { norm = 1 }
        var change = 0.0
        for v in 0..<n {
            next[v] /= norm
            change += abs(next[v] - x[v])
        }
        swap(&x, &next)
        if change < Double(n) * tolerance { return x }
    }
    return x
}
