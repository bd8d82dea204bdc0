/// Degree: the number of distinct co-authors of each author. Ignores weights.
/// Agrees with `G.degree(v)`.
/// - Complexity: O(n).
public func degreeCentrality(_ graph: WeightedGraph) -> [Double] {
    (0..<graph.nodeCount).map { Double(graph.degree($0)) }
}
