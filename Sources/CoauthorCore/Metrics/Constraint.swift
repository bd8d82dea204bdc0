/// Burt's constraint: how much an author's ties are concentrated on co-authors
/// who are themselves tied (high = embedded, low = broker between groups).
/// c(v) = Σ_j (p_vj + Σ_q p_vq p_qj)², p_vj = w_vj / strength(v), weights read
/// as **strengths**; NaN for authors without ties. Agrees with
/// `nx.constraint(G, weight="weight")` (R. S. Burt, *Structural Holes*, Harvard
/// University Press, 1992).
/// - Complexity: O(Σ deg(v)² log deg) time.
public func burtConstraint(_ graph: WeightedGraph) -> [Double] {
    let strength = strengthCentrality(graph)
    func share(_ from: Int, _ to: Int) -> Double {
        guard strength[from] > 0, let e = graph.edge(from, to) else { return 0 }
        return graph.weight[e] / strength[from]
    }
    return (0..<graph.nodeCount).map { v in
        guard graph.degree(v) > 0 else { return .nan }
        var total = 0.0
        for slot in graph.slots(v) {
            let j = Int(graph.neighbors[slot])
            var indirect = 0.0
            for qslot in graph.slots(v) {
                let q = Int(graph.neighbors[qslot])
                if q == j { continue }
                indirect += graph.weight[Int(graph.edgeIDs[qslot])] / strength[v] * share(q, j)
            }
            let direct = graph.weight[Int(graph.edgeIDs[slot])] / strength[v]
            total += (direct + indirect) * (direct + indirect)
        }
        return total
    }
}
