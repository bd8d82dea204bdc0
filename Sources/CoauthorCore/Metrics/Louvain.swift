/// Communities found by the Louvain method (V. D. Blondel, J.-L. Guillaume,
/// R. Lambiotte and E. Lefebvre, "Fast unfolding of communities in large
/// networks", J. Stat. Mech. 2008, doi:10.1088/1742-5468/2008/10/P10008), with
/// weights read as **strengths** and resolution 1.
///
/// Nodes are visited in an order shuffled by `seed`, so the result is the same
/// for the same graph and seed. Communities are numbered by size, 0 = largest.
///
/// - Returns: the community of each node and the modularity of the partition.
/// - Complexity: O(m) per sweep; typically a few sweeps per level and O(log n) levels.
public func louvainCommunities(_ graph: WeightedGraph, seed: UInt64 = 1) -> (community: [Int], modularity: Double) {
    let n = graph.nodeCount
    guard n > 0 else { return ([], 0) }
    var level = LouvainLevel(graph: graph)
    var membership = Array(0..<n)
    var generator = SplitMix64(seed: seed)
    while true {
        let (assignment, moved) = level.localMoves(generator: &generator)
        let dense = renumber(assignment)
        for v in 0..<n { membership[v] = dense[membership[v]] }
        if !moved { break }
        level = level.aggregated(by: dense)
    }
    let community = rankBySize(membership)
    return (community, modularity(graph, community: community))
}

/// Newman–Girvan modularity of a partition (resolution 1), weights as strengths.
/// - Complexity: O(n + m).
public func modularity(_ graph: WeightedGraph, community: [Int]) -> Double {
    let total = graph.weight.reduce(0, +)
    guard total > 0 else { return 0 }
    let count = (community.max() ?? -1) + 1
    var inside = [Double](repeating: 0, count: count)
    var degreeSum = [Double](repeating: 0, count: count)
    for e in 0..<graph.edgeCount {
        let a = community[Int(graph.source[e])], b = community[Int(graph.target[e])]
        let w = graph.weight[e]
        if a == b { inside[a] += w }
        degreeSum[a] += w
        degreeSum[b] += w
    }
    var q = 0.0
    for c in 0..<count {
        q += inside[c] / total - (degreeSum[c] / (2 * total)) * (degreeSum[c] / (2 * total))
    }
    return q
}

/// Sebastiano Vigna's SplitMix64: a small, fast, seedable generator for reproducible orders.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// One level of the Louvain hierarchy: a weighted graph that may have self-loops.
private struct LouvainLevel {
    var adjacency: [[(node: Int, weight: Double)]]
    var selfLoop: [Double]
    var strength: [Double]
    var totalWeight: Double  // m: sum of all edge weights, self-loops included once

    init(graph: WeightedGraph) {
        let n = graph.nodeCount
        adjacency = (0..<n).map { v in
            graph.slots(v).map { (Int(graph.neighbors[$0]), graph.weight[Int(graph.edgeIDs[$0])]) }
        }
        selfLoop = [Double](repeating: 0, count: n)
        strength = adjacency.map { $0.reduce(0) { $0 + $1.weight } }
        totalWeight = graph.weight.reduce(0, +)
    }

    init(adjacency: [[(node: Int, weight: Double)]], selfLoop: [Double], totalWeight: Double) {
        self.adjacency = adjacency
        self.selfLoop = selfLoop
        self.totalWeight = totalWeight
        strength = adjacency.indices.map { v in adjacency[v].reduce(2 * selfLoop[v]) { $0 + $1.weight } }
    }

    /// Moves nodes between communities while modularity improves.
    mutating func localMoves(generator: inout SplitMix64) -> (assignment: [Int], moved: Bool) {
        let n = adjacency.count
        var community = Array(0..<n)
        var total = strength
        guard totalWeight > 0 else { return (community, false) }
        let twoM = 2 * totalWeight
        var order = Array(0..<n)
        order.shuffle(using: &generator)
        var linkWeight = [Double](repeating: 0, count: n)
        var touched: [Int] = []
        var movedAny = false
        var improved = true
        var sweeps = 0
        while improved && sweeps < 1000 {
            improved = false
            sweeps += 1
            for v in order {
                let current = community[v]
                touched.removeAll(keepingCapacity: true)
                for (u, w) in adjacency[v] {
                    let c = community[u]
                    if linkWeight[c] == 0 { touched.append(c) }
                    linkWeight[c] += w
                }
                total[current] -= strength[v]
                let kv = strength[v]
                var best = current
                var bestGain = linkWeight[current] - total[current] * kv / twoM
                for c in touched where c != current {
                    let gain = linkWeight[c] - total[c] * kv / twoM
                    if gain > bestGain + 1e-12 || (abs(gain - bestGain) <= 1e-12 && c < best && best != current) {
                        best = c
                        bestGain = gain
                    }
                }
                total[best] += kv
                if best != current {
                    community[v] = best
                    improved = true
                    movedAny = true
                }
                for c in touched { linkWeight[c] = 0 }
                linkWeight[current] = 0
            }
        }
        return (community, movedAny)
    }

    /// The graph of communities: one node per community, internal weight as a self-loop.
    func aggregated(by community: [Int]) -> LouvainLevel {
        let count = (community.max() ?? -1) + 1
        var loops = [Double](repeating: 0, count: count)
        var maps = [[Int: Double]](repeating: [:], count: count)
        for v in adjacency.indices {
            let a = community[v]
            loops[a] += selfLoop[v]
            for (u, w) in adjacency[v] {
                let b = community[u]
                if a == b {
                    if v < u { loops[a] += w }
                } else {
                    maps[a][b, default: 0] += w
                }
            }
        }
        let adjacency = maps.map { $0.sorted { $0.key < $1.key }.map { (node: $0.key, weight: $0.value) } }
        return LouvainLevel(adjacency: adjacency, selfLoop: loops, totalWeight: totalWeight)
    }
}

/// Renumbers labels densely in order of first appearance.
private func renumber(_ labels: [Int]) -> [Int] {
    var map: [Int: Int] = [:]
    return labels.map { label in
        if let id = map[label] { return id }
        let id = map.count
        map[label] = id
        return id
    }
}

/// Renumbers labels by group size (largest first; ties by first appearance).
func rankBySize(_ labels: [Int]) -> [Int] {
    let dense = renumber(labels)
    let count = (dense.max() ?? -1) + 1
    var sizes = [Int](repeating: 0, count: count)
    for label in dense { sizes[label] += 1 }
    let ranked = sizes.indices.sorted { sizes[$0] != sizes[$1] ? sizes[$0] > sizes[$1] : $0 < $1 }
    var rankOf = [Int](repeating: 0, count: count)
    for (rank, id) in ranked.enumerated() { rankOf[id] = rank }
    return dense.map { rankOf[$0] }
}
