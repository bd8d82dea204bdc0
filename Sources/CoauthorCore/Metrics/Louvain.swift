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
    let (inside, strength) = communityWeights(graph, community: community)
    return modularity(inside: inside, strength: strength, total: total)
}

/// `modularity` from the communities' inner weights and strengths, and the total tie weight.
func modularity(inside: [Double], strength: [Double], total: Double) -> Double {
    guard total > 0 else { return 0 }
    var q = 0.0
    // Summed as `q += a - b`, not as `(q + a) - b` like `partitionQuality`: the last digit of
    // every modularity written so far depends on it.
    for c in inside.indices {
        q += inside[c] / total - (strength[c] / (2 * total)) * (strength[c] / (2 * total))
    }
    return q
}

/// Per community: the weight of the ties inside it and the sum of its members' strengths.
/// - Complexity: O(n + m).
func communityWeights(_ graph: WeightedGraph, community: [Int]) -> (inside: [Double], strength: [Double]) {
    let count = (community.max() ?? -1) + 1
    var inside = [Double](repeating: 0, count: count)
    var strength = [Double](repeating: 0, count: count)
    for e in 0..<graph.edgeCount {
        let a = community[Int(graph.source[e])], b = community[Int(graph.target[e])]
        let w = graph.weight[e]
        if a == b { inside[a] += w }
        strength[a] += w
        strength[b] += w
    }
    return (inside, strength)
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

/// One level of the Louvain hierarchy: a weighted graph in CSR form that may have self-loops.
private struct LouvainLevel {
    var offsets: [Int]
    var targets: [Int32]
    var weights: [Double]
    var selfLoop: [Double]
    var strength: [Double]
    /// m: the sum of all edge weights, self-loops included once.
    var totalWeight: Double

    init(graph: WeightedGraph) {
        offsets = graph.offsets
        targets = graph.neighbors
        weights = graph.edgeIDs.map { graph.weight[Int($0)] }
        selfLoop = [Double](repeating: 0, count: graph.nodeCount)
        totalWeight = graph.weight.reduce(0, +)
        strength = []
        strength = computeStrength()
    }

    init(offsets: [Int], targets: [Int32], weights: [Double], selfLoop: [Double], totalWeight: Double) {
        self.offsets = offsets
        self.targets = targets
        self.weights = weights
        self.selfLoop = selfLoop
        self.totalWeight = totalWeight
        strength = []
        strength = computeStrength()
    }

    private func computeStrength() -> [Double] {
        (0..<selfLoop.count).map { v in
            var total = 2 * selfLoop[v]
            for slot in offsets[v]..<offsets[v + 1] { total += weights[slot] }
            return total
        }
    }

    /// Moves nodes to the neighbouring community with the best modularity gain until no move helps.
    /// Only the neighbours of a node that moved are visited again (the pruning of Ozaki, Tezuka and
    /// Inaba, 2016), which reaches the same kind of local optimum in far fewer visits.
    /// - Complexity: O(m) per pass over the queue.
    func localMoves(generator: inout SplitMix64) -> (assignment: [Int], moved: Bool) {
        let n = selfLoop.count
        var community = Array(0..<n)
        guard totalWeight > 0 else { return (community, false) }
        var total = strength
        let twoM = 2 * totalWeight
        var queue = Array(0..<n)
        queue.shuffle(using: &generator)
        var inQueue = [Bool](repeating: true, count: n)
        var head = 0
        var linkWeight = [Double](repeating: 0, count: n)
        var touched: [Int] = []
        var movedAny = false
        while head < queue.count {
            let v = queue[head]
            head += 1
            if head > n && head * 2 > queue.count {
                queue.removeFirst(head)
                head = 0
            }
            inQueue[v] = false
            let current = community[v]
            touched.removeAll(keepingCapacity: true)
            for slot in offsets[v]..<offsets[v + 1] {
                let c = community[Int(targets[slot])]
                if linkWeight[c] == 0 { touched.append(c) }
                linkWeight[c] += weights[slot]
            }
            let kv = strength[v]
            total[current] -= kv
            var best = current
            var bestGain = linkWeight[current] - total[current] * kv / twoM
            for c in touched where c != current {
                let gain = linkWeight[c] - total[c] * kv / twoM
                if gain > bestGain + 1e-12 {
                    best = c
                    bestGain = gain
                }
            }
            total[best] += kv
            for c in touched { linkWeight[c] = 0 }
            linkWeight[current] = 0
            if best != current {
                community[v] = best
                movedAny = true
                for slot in offsets[v]..<offsets[v + 1] {
                    let u = Int(targets[slot])
                    if !inQueue[u] && community[u] != best {
                        inQueue[u] = true
                        queue.append(u)
                    }
                }
            }
        }
        return (community, movedAny)
    }

    /// The graph of communities: one node per community, internal weight as a self-loop.
    /// - Complexity: O(n + m).
    func aggregated(by community: [Int]) -> LouvainLevel {
        let n = selfLoop.count
        let count = (community.max() ?? -1) + 1
        var memberOffsets = [Int](repeating: 0, count: count + 1)
        for c in community { memberOffsets[c + 1] += 1 }
        for c in 0..<count { memberOffsets[c + 1] += memberOffsets[c] }
        var members = [Int](repeating: 0, count: n)
        var cursor = memberOffsets
        for v in 0..<n {
            members[cursor[community[v]]] = v
            cursor[community[v]] += 1
        }
        var newOffsets = [Int](repeating: 0, count: count + 1)
        var newTargets: [Int32] = []
        var newWeights: [Double] = []
        var loops = [Double](repeating: 0, count: count)
        var scratch = [Double](repeating: 0, count: count)
        var seen: [Int] = []
        for c in 0..<count {
            for index in memberOffsets[c]..<memberOffsets[c + 1] {
                let v = members[index]
                loops[c] += selfLoop[v]
                for slot in offsets[v]..<offsets[v + 1] {
                    let other = community[Int(targets[slot])]
                    let w = weights[slot]
                    if other == c {
                        // Seen from both ends: half each time.
                        loops[c] += w / 2
                    } else {
                        if scratch[other] == 0 { seen.append(other) }
                        scratch[other] += w
                    }
                }
            }
            for other in seen {
                newTargets.append(Int32(other))
                newWeights.append(scratch[other])
                scratch[other] = 0
            }
            seen.removeAll(keepingCapacity: true)
            newOffsets[c + 1] = newTargets.count
        }
        return LouvainLevel(offsets: newOffsets, targets: newTargets, weights: newWeights, selfLoop: loops, totalWeight: totalWeight)
    }
}

/// Renumbers labels densely in order of first appearance.
/// - Complexity: O(n) for n labels; labels outside `0..<n` (never from the community searches,
///   whose labels are node ids or dense) through a dictionary.
private func renumber(_ labels: [Int]) -> [Int] {
    guard labels.allSatisfy({ $0 >= 0 && $0 < labels.count }) else {
        var map: [Int: Int] = [:]
        return labels.map { label in
            if let id = map[label] { return id }
            let id = map.count
            map[label] = id
            return id
        }
    }
    // A flat table: at the end of community detection on a large graph, hashing every node's
    // label took a second on one core.
    var map = [Int](repeating: -1, count: labels.count)
    var next = 0
    return labels.map { label in
        if map[label] < 0 {
            map[label] = next
            next += 1
        }
        return map[label]
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
