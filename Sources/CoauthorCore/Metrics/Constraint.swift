/// Burt's constraint: how much an author's ties are concentrated on co-authors
/// who are themselves tied (high = embedded, low = broker between groups).
/// c(v) = Σ_j (p_vj + Σ_q p_vq p_qj)², p_vj = w_vj / strength(v), weights read
/// as **strengths**; NaN for authors without ties. Agrees with
/// `nx.constraint(G, weight="weight")` (R. S. Burt, *Structural Holes*, Harvard
/// University Press, 1992).
///
/// The indirect term of the tie v–j is non-zero only through a q tied to both,
/// so it is a sum over the triangles on v–j: the triangles are listed once each
/// (from the lower-ranked corner, ranks by degree, as `triangleCounts` does), and
/// each adds its share to the six directed ties it contains. Pairs of co-authors
/// that are not tied cost nothing, which a loop over all pairs of an author's
/// co-authors would (hundreds of millions of pairs for one author with tens of
/// thousands of co-authors).
/// - Complexity: O(m·√m) time at worst (the triangle listing), O(n + m) memory.
public func burtConstraint(_ graph: WeightedGraph) -> [Double] {
    let n = graph.nodeCount
    let strength = strengthCentrality(graph)
    let arcs = graph.neighbors.count
    // The share p of each directed tie (arc), by its slot in the adjacency lists.
    var share = [Double](repeating: 0, count: arcs)
    // The slot of each arc's reverse: lists are sorted, so walking the nodes in order meets
    // each node's incoming arcs in the order of its own list.
    var reverse = [Int](repeating: 0, count: arcs)
    var next = Array(graph.offsets.dropLast())
    for v in 0..<n {
        for slot in graph.slots(v) {
            let u = Int(graph.neighbors[slot])
            share[slot] = graph.weight[Int(graph.edgeIDs[slot])] / strength[v]
            reverse[slot] = next[u]
            next[u] += 1
        }
    }
    @inline(__always) func ranksAbove(_ a: Int, _ b: Int) -> Bool {
        let da = graph.degree(a), db = graph.degree(b)
        return da != db ? da > db : a > b
    }
    // Per node, the slots of its ties to higher-ranked co-authors.
    var outOffsets = [Int](repeating: 0, count: n + 1)
    var outSlots: [Int] = []
    outSlots.reserveCapacity(graph.edgeCount)
    for v in 0..<n {
        for slot in graph.slots(v) where ranksAbove(Int(graph.neighbors[slot]), v) { outSlots.append(slot) }
        outOffsets[v + 1] = outSlots.count
    }
    var indirect = [Double](repeating: 0, count: arcs)
    // For the node v being listed from: the slot of v's tie to each higher-ranked co-author.
    var owner = [Int32](repeating: -1, count: n)
    var slotFromV = [Int](repeating: 0, count: n)
    for v in 0..<n {
        for k in outOffsets[v]..<outOffsets[v + 1] {
            let w = Int(graph.neighbors[outSlots[k]])
            owner[w] = Int32(v)
            slotFromV[w] = outSlots[k]
        }
        for k in outOffsets[v]..<outOffsets[v + 1] {
            let vu = outSlots[k]
            let u = Int(graph.neighbors[vu])
            for j in outOffsets[u]..<outOffsets[u + 1] {
                let uw = outSlots[j]
                let w = Int(graph.neighbors[uw])
                guard owner[w] == Int32(v) else { continue }
                // The triangle v, u, w: each directed tie gains the path through the third corner.
                let vw = slotFromV[w]
                let uv = reverse[vu], wu = reverse[uw], wv = reverse[vw]
                indirect[vu] += share[vw] * share[wu]
                indirect[uv] += share[uw] * share[wv]
                indirect[vw] += share[vu] * share[uw]
                indirect[wv] += share[wu] * share[uv]
                indirect[uw] += share[uv] * share[vw]
                indirect[wu] += share[wv] * share[vu]
            }
        }
    }
    return (0..<n).map { v in
        guard graph.degree(v) > 0 else { return .nan }
        var total = 0.0
        for slot in graph.slots(v) {
            let tie = share[slot] + indirect[slot]
            total += tie * tie
        }
        return total
    }
}
