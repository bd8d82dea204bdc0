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

/// Each adjacency slot's weight, laid out beside `graph.neighbors` so an inner loop reads two
/// arrays in step (`padding` zeros after the last slot), and each author's strength, added in slot
/// order as `strengthCentrality` adds it.
/// - Complexity: O(n + m).
func slotWeightsAndStrengths(_ graph: WeightedGraph, padding: Int = 0) -> (slotWeight: [Double], strength: [Double]) {
    var slotWeight = [Double](repeating: 0, count: graph.neighbors.count + padding)
    var strength = [Double](repeating: 0, count: graph.nodeCount)
    for v in 0..<graph.nodeCount {
        var total = 0.0
        for slot in graph.slots(v) {
            let w = graph.weight[Int(graph.edgeIDs[slot])]
            slotWeight[slot] = w
            total += w
        }
        strength[v] = total
    }
    return (slotWeight, strength)
}
