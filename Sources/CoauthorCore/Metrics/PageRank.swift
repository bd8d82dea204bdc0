/// PageRank on the weighted co-author graph: a random walker follows a tie with
/// probability proportional to its weight (read as a **strength**) and jumps
/// to a uniformly random author with probability 1 − `damping`; authors
/// without ties spread their mass uniformly.
///
/// Power iteration exactly as networkx's `pagerank` (scipy variant): start at
/// 1/n, stop when the L1 change is below n·`tolerance`. Agrees with
/// `nx.pagerank(G, alpha=0.85, weight="weight", tol=1e-12, max_iter=10000)`.
/// (S. Brin and L. Page, "The anatomy of a large-scale hypertextual Web search
/// engine", Computer Networks 30, 1998, doi:10.1016/S0169-7552(98)00110-X.)
///
/// - Complexity: O(m) per iteration, O(n + m) memory.
public func pageRank(_ graph: WeightedGraph, damping: Double = 0.85, tolerance: Double = 1e-12, maxIterations: Int = 10_000) -> [Double] {
    let n = graph.nodeCount
    guard n > 0 else { return [] }
    let strength = strengthCentrality(graph)
    let uniform = 1 / Double(n)
    var x = [Double](repeating: uniform, count: n)
    var next = [Double](repeating: 0, count: n)
    let dangling = (0..<n).filter { strength[$0] == 0 }
    for _ in 0..<maxIterations {
        var danglingMass = 0.0
        for v in dangling { danglingMass += x[v] }
        for v in 0..<n { next[v] = 0 }
        for v in 0..<n where strength[v] > 0 {
            let share = x[v] / strength[v]
            for slot in graph.slots(v) {
                next[Int(graph.neighbors[slot])] += share * graph.weight[Int(graph.edgeIDs[slot])]
            }
        }
        var change = 0.0
        for v in 0..<n {
            let value = damping * (next[v] + danglingMass * uniform) + (1 - damping) * uniform
            change += abs(value - x[v])
            next[v] = value
        }
        swap(&x, &next)
        if change < Double(n) * tolerance { return x }
    }
    return x
}
