/// Strength: the total weight of each author's ties (joint papers under `count`
/// weighting, Newman's collaboration strength under `fractional`). Reads weights
/// as **strengths**. Agrees with `G.degree(v, weight="weight")`.
/// - Complexity: O(n + m).
public func strengthCentrality(_ graph: WeightedGraph) -> [Double] {
    (0..<graph.nodeCount).map { v in
        var total = 0.0
        for slot in graph.slots(v) { total += graph.weight[Int(graph.edgeIDs[slot])] }
        return total
    }
}
