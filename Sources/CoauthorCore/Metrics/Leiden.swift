import CPrefetch
import Foundation

/// How communities are found (SPEC §5, `community`).
public enum CommunityMethod: String, Sendable, CaseIterable, Hashable {
    /// Traag, Waltman and van Eck (2019): every community connected. The default.
    case leiden
    /// Blondel et al. (2008), modularity at resolution 1 only; may return disconnected communities.
    case louvain
}

/// The function a community method maximises.
public enum CommunityQuality: String, Sendable, CaseIterable, Hashable {
    /// Modularity with resolution γ, as `nx.community.modularity(G, c, weight="weight", resolution=γ)`:
    /// Q = Σ_c [ L_c / m − γ (K_c / 2m)² ], L_c the weight inside c, K_c its total strength,
    /// m the total weight (leidenalg's `RBConfigurationVertexPartition`, normalised by m).
    case modularity
    /// The Constant Potts Model (Traag, Van Dooren and Nesterov 2011):
    /// H = Σ_c [ L_c − γ n_c (n_c − 1) / 2 ], n_c the authors in c (half of leidenalg's `CPMVertexPartition.quality()`,
    /// which doubles the sum on undirected graphs).
    /// γ is a density threshold in units of weight: communities are denser than γ inside and sparser than γ between.
    case cpm
}

/// What to optimise and how: the core call behind `--communities`, `--quality` and `--resolution`.
public struct CommunityOptions: Sendable, Equatable, Hashable {
    public var method: CommunityMethod
    public var quality: CommunityQuality
    /// γ; 1 is the usual modularity. Louvain supports only modularity at γ = 1.
    public var resolution: Double
    /// Leiden iterations at most; nil runs until stable. 2 by default, as leidenalg and igraph: a
    /// `stats` of dblp-2016-topvenues stays within seconds (stability takes some 50 iterations there
    /// for 0.6 % more modularity), and small graphs are usually stable by then.
    public var maxIterations: Int?

    public init(method: CommunityMethod = .leiden, quality: CommunityQuality = .modularity, resolution: Double = 1,
                maxIterations: Int? = 2) {
        self.method = method
        self.quality = quality
        self.resolution = resolution
        self.maxIterations = maxIterations
    }
}

/// Communities of `graph` by the method of `options`, numbered by size (0 = largest).
///
/// - Returns: the community of each node, the quality optimised (`partitionQuality`) and the
///   modularity at resolution 1 (what `stats` reports whatever was optimised).
/// - Precondition: Louvain only with modularity at resolution 1.
/// - Complexity: that of `leidenCommunities` or `louvainCommunities`.
public func detectCommunities(_ graph: WeightedGraph, options: CommunityOptions = CommunityOptions(), seed: UInt64 = 1)
    -> (community: [Int], quality: Double, modularity: Double) {
    switch options.method {
    case .leiden:
        let community = leidenPartition(graph, quality: options.quality, resolution: options.resolution, seed: seed,
                                        maxIterations: options.maxIterations)
        // The quality and the modularity from one pass over the ties.
        let (inside, strength) = communityWeights(graph, community: community)
        let total = graph.weight.reduce(0, +)
        return (community, partitionQuality(inside: inside, strength: strength, community: community, total: total,
                                            quality: options.quality, resolution: options.resolution),
                modularity(inside: inside, strength: strength, total: total))
    case .louvain:
        precondition(options.quality == .modularity && options.resolution == 1, "Louvain optimises modularity at resolution 1 only")
        let (community, q) = louvainCommunities(graph, seed: seed)
        return (community, q, q)
    }
}

/// Communities found by the Leiden algorithm (V. A. Traag, L. Waltman and N. J. van Eck, "From Louvain
/// to Leiden: guaranteeing well-connected communities", Sci. Rep. 9, 5233 (2019),
/// doi:10.1038/s41598-019-41695-z), with weights read as **strengths**.
///
/// Each iteration has three phases, as in the paper and in CWTS's reference implementation:
/// 1. *fast local moving*: nodes are taken from a queue (first in a random order; on a large level,
///    a random order of blocks of consecutive nodes) and moved to the neighbouring community, or an
///    empty one, that raises the quality most; when a node moves, its neighbours outside its new
///    community go back into the queue;
/// 2. *refinement*: inside each community, nodes start alone and a node still alone that is well
///    connected to its community joins a well-connected sub-community that does not lower the
///    quality, chosen at random with probability ∝ exp(Δ / θ), θ = 0.01 × the mean tie weight
///    (leidenalg's 0.01 for count weights, and the same choices whatever the unit of the weights);
/// 3. *aggregation*: one node per refined sub-community, starting from the unrefined partition;
///    the three phases repeat on that graph until every community is a single node.
/// Iterations run until one moves no node, or `maxIterations`. Every community of the result is connected: refined
/// sub-communities are connected by construction (the tests check the partition before it), and a
/// final pass would split any community that is not, which never lowers modularity or CPM.
///
/// - Parameters:
///   - quality: modularity (with resolution γ) or CPM (γ a density).
///   - resolution: γ.
///   - seed: the same graph and seed give the same partition.
///   - maxIterations: stop after this many iterations (leidenalg's and igraph's `n_iterations`, whose
///     default is 2); nil iterates until an iteration moves no node (their −1). The last iterations
///     add little: on dblp-2016-topvenues, 2 iterations reach modularity 0.806, 8 reach 0.811, and the
///     50 or so to stability 0.8114.
/// - Returns: the community of each node (0 = largest) and the quality of the partition
///   (`partitionQuality`: modularity as networkx defines it, or the CPM of Traag et al.).
/// - Complexity: O(m) per phase and level, a few levels per iteration, a few iterations: close to
///   O(m log n) in practice.
public func leidenCommunities(_ graph: WeightedGraph, quality: CommunityQuality = .modularity, resolution: Double = 1,
                              seed: UInt64 = 1, maxIterations: Int? = nil) -> (community: [Int], quality: Double) {
    let community = leidenPartition(graph, quality: quality, resolution: resolution, seed: seed, maxIterations: maxIterations)
    return (community, partitionQuality(graph, community: community, quality: quality, resolution: resolution))
}

/// `leidenCommunities`' partition alone.
func leidenPartition(_ graph: WeightedGraph, quality: CommunityQuality, resolution: Double, seed: UInt64, maxIterations: Int?) -> [Int] {
    precondition(maxIterations ?? 1 >= 1, "at least one iteration")
    guard graph.nodeCount > 0 else { return [] }
    let membership = leidenMembership(graph, quality: quality, resolution: resolution, seed: seed, maxIterations: maxIterations)
    // The safety split runs alone at the end of the statistics on a large graph: there the
    // communities are checked on all cores first, and when all are connected (as the refinement
    // makes them) the split would change nothing but the labels' values, which the numbering by
    // size replaces anyway.
    let runs = graph.neighbors.count >= parallelSplitSlots ? Parallelism.workers : 1
    if runs > 1 && everyCommunityConnected(graph, membership, runs: runs) {
        return rankBySize(membership)
    }
    return rankBySize(splitDisconnected(graph, membership))
}

/// Graphs with at least this many tie slots check their communities' connectivity on all cores.
let parallelSplitSlots = 1 << 20

/// Whether every community (labels `0..<n`) is connected, by `runs` runs on threads of their
/// own, each searching the communities whose label leaves its index modulo `runs`: a community
/// is connected when one search from its first node reaches all of it, so a second start in it
/// answers no.
/// - Complexity: O(n + m) work; O(runs · n) reads.
func everyCommunityConnected(_ graph: WeightedGraph, _ community: [Int], runs: Int) -> Bool {
    let n = graph.nodeCount
    precondition(community.count == n && community.allSatisfy { $0 >= 0 && $0 < max(1, n) }, "labels 0..<n, one per node")
    let flags = UnsafeMutableBufferPointer<Bool>.allocate(capacity: 2 * max(1, n))
    defer { flags.deallocate() }
    flags.initialize(repeating: false)
    return community.withUnsafeBufferPointer { community in
        let check = ConnectivityCheck(graph: graph, community: community,
                                      reached: UnsafeMutableBufferPointer(rebasing: flags[0..<max(1, n)]),
                                      started: UnsafeMutableBufferPointer(rebasing: flags[max(1, n)...]))
        return parallelRunsOnThreads(runs) { run in check.connected(run: run, of: runs) }.allSatisfy { $0 }
    }
}

/// What the runs of `everyCommunityConnected` share: each writes the flags of its own communities'
/// nodes and labels only.
private struct ConnectivityCheck: @unchecked Sendable {
    let graph: WeightedGraph
    let community: UnsafeBufferPointer<Int>
    /// Per node, whether a search reached it.
    let reached: UnsafeMutableBufferPointer<Bool>
    /// Per community label, whether a search started in it.
    let started: UnsafeMutableBufferPointer<Bool>

    func connected(run: Int, of runs: Int) -> Bool {
        let n = graph.nodeCount
        let stack = UnsafeMutableBufferPointer<Int32>.allocate(capacity: max(1, n))
        defer { stack.deallocate() }
        return graph.offsets.withUnsafeBufferPointer { offsets in
            graph.neighbors.withUnsafeBufferPointer { neighbors in
                for start in 0..<n where community[start] % runs == run && !reached[start] {
                    let own = community[start]
                    if started[own] { return false }
                    started[own] = true
                    reached[start] = true
                    searchCommunity(from: start, offsets: offsets, neighbors: neighbors, community: community, stack: stack) { u in
                        guard !reached[u] else { return false }
                        reached[u] = true
                        return true
                    }
                }
                return true
            }
        }
    }
}

/// The partition the three phases reach, before the safety split and the numbering by size
/// (tests check that it is connected already). `refinePieces` fixes how many runs of communities
/// each refinement is cut into (tests: the partition is the same whatever it is); nil cuts a
/// large level into one run per core and a small one into one. `queueBlock` fixes how many
/// consecutive nodes the local moving's first queue takes together on every level (tests: single
/// nodes against the default); nil takes `LeidenSearch.queueBlockLength` on a large level and single
/// nodes on a small one.
/// - Complexity: that of `leidenCommunities`.
func leidenMembership(_ graph: WeightedGraph, quality: CommunityQuality, resolution: Double, seed: UInt64,
                      maxIterations: Int?, refinePieces: Int? = nil, queueBlock: Int? = nil) -> [Int] {
    let n = graph.nodeCount
    let level = LeidenLevel(graph: graph, quality: quality)
    let totalWeight = graph.weight.reduce(0, +)
    // The quality is handled as H = Σ_c [ L_c − γ' N_c² / 2 ] with node weights N: strengths and
    // γ' = γ / 2m for modularity (H = m·Q), ones and γ' = γ for CPM (H = CPM − γ n / 2).
    let scaledResolution: Double
    switch quality {
    case .modularity: scaledResolution = totalWeight > 0 ? resolution / (2 * totalWeight) : 0
    case .cpm: scaledResolution = resolution
    }
    var membership = (0..<n).map { Int32($0) }
    if graph.edgeCount > 0 {
        // θ and the tolerance scale with the mean tie weight, so that multiplying every weight by a
        // constant (as normalisations do) changes nothing but the scale of CPM's γ.
        let meanWeight = totalWeight / Double(graph.edgeCount)
        var search = LeidenSearch(nodeCount: n, resolution: scaledResolution, randomness: 0.01 * meanWeight,
                                  tolerance: 1e-13 * meanWeight, seed: seed, refinePieces: refinePieces,
                                  queueBlock: queueBlock)
        var iterations = 0
        while search.iterate(level, &membership) {
            iterations += 1
            if iterations >= maxIterations ?? .max { break }
        }
    }
    return membership.map(Int.init)
}

/// The quality of a partition: modularity with resolution γ (networkx's `modularity`), or CPM
/// Σ_c [ L_c − γ n_c (n_c − 1) / 2 ] (Traag et al. 2011; leidenalg's `CPMVertexPartition.quality()` is twice that). Weights as strengths.
/// - Complexity: O(n + m).
public func partitionQuality(_ graph: WeightedGraph, community: [Int], quality: CommunityQuality = .modularity,
                             resolution: Double = 1) -> Double {
    let (inside, strength) = communityWeights(graph, community: community)
    return partitionQuality(inside: inside, strength: strength, community: community, total: graph.weight.reduce(0, +),
                            quality: quality, resolution: resolution)
}

/// `partitionQuality` from the communities' inner weights and strengths, and the total tie weight.
func partitionQuality(inside: [Double], strength: [Double], community: [Int], total: Double, quality: CommunityQuality,
                      resolution: Double) -> Double {
    let count = inside.count
    switch quality {
    case .modularity:
        guard total > 0 else { return 0 }
        return (0..<count).reduce(0.0) { q, c in
            q + inside[c] / total - resolution * (strength[c] / (2 * total)) * (strength[c] / (2 * total))
        }
    case .cpm:
        var size = [Double](repeating: 0, count: count)
        for c in community { size[c] += 1 }
        return (0..<count).reduce(0.0) { q, c in q + inside[c] - resolution * size[c] * (size[c] - 1) / 2 }
    }
}

/// Whether every community induces a connected subgraph.
/// - Complexity: O(n + m).
public func communitiesAreConnected(_ graph: WeightedGraph, community: [Int]) -> Bool {
    let pieces = (splitDisconnected(graph, community).max() ?? -1) + 1
    return pieces == Set(community).count
}

/// Labels the connected pieces of every community apart (a piece keeps a fresh label).
/// - Complexity: O(n + m).
func splitDisconnected(_ graph: WeightedGraph, _ community: [Int]) -> [Int] {
    let n = graph.nodeCount
    var label = [Int](repeating: -1, count: n)
    // Raw buffers and a stack of 32-bit nodes: at the end of community detection on a large
    // graph this search runs alone, a random access per tie.
    let stack = UnsafeMutableBufferPointer<Int32>.allocate(capacity: max(1, n))
    defer { stack.deallocate() }
    label.withUnsafeMutableBufferPointer { label in
        graph.offsets.withUnsafeBufferPointer { offsets in
            graph.neighbors.withUnsafeBufferPointer { neighbors in
                community.withUnsafeBufferPointer { community in
                    var next = 0
                    for start in 0..<n where label[start] < 0 {
                        label[start] = next
                        searchCommunity(from: start, offsets: offsets, neighbors: neighbors, community: community, stack: stack) { u in
                            guard label[u] < 0 else { return false }
                            label[u] = next
                            return true
                        }
                        next += 1
                    }
                }
            }
        }
    }
    return label
}

/// Depth-first search from `start` through the ties inside its community: `claim` marks each
/// node of the community met and says whether it was unmarked (and is to be searched from).
@inline(__always)
private func searchCommunity(from start: Int, offsets: UnsafeBufferPointer<Int>, neighbors: UnsafeBufferPointer<Int32>,
                             community: UnsafeBufferPointer<Int>, stack: UnsafeMutableBufferPointer<Int32>,
                             claim: (Int) -> Bool) {
    let own = community[start]
    stack[0] = Int32(start)
    var depth = 1
    while depth > 0 {
        depth -= 1
        let v = Int(stack[depth])
        for slot in offsets[v]..<offsets[v + 1] {
            let u = Int(neighbors[slot])
            if community[u] == own && claim(u) {
                stack[depth] = Int32(u)
                depth += 1
            }
        }
    }
}

/// One level of the Leiden hierarchy: CSR adjacency without self-loops (they never change a move's
/// gain) and a weight per node (strength for modularity, size for CPM).
struct LeidenLevel {
    var offsets: [Int]
    var targets: [Int32]
    var weights: [Double]
    var nodeWeight: [Double]

    var nodeCount: Int { nodeWeight.count }

    /// Calls `body` with the level's arrays as raw buffers (offsets, targets, weights, node weights),
    /// for the phases' hot loops.
    func withBuffers<Result>(_ body: (UnsafeBufferPointer<Int>, UnsafeBufferPointer<Int32>, UnsafeBufferPointer<Double>,
                                      UnsafeBufferPointer<Double>) -> Result) -> Result {
        offsets.withUnsafeBufferPointer { offsets in
            targets.withUnsafeBufferPointer { targets in
                weights.withUnsafeBufferPointer { weights in
                    nodeWeight.withUnsafeBufferPointer { nodeWeight in body(offsets, targets, weights, nodeWeight) }
                }
            }
        }
    }

    init(offsets: [Int], targets: [Int32], weights: [Double], nodeWeight: [Double]) {
        self.offsets = offsets
        self.targets = targets
        self.weights = weights
        self.nodeWeight = nodeWeight
    }

    /// The bottom level: each slot's weight gathered from its edge and, for modularity, each
    /// node's strength summed along its row. On a large graph, runs of consecutive nodes with
    /// about as many slots each do both on their own cores (a node's sum is taken in the same
    /// order whatever the run).
    init(graph: WeightedGraph, quality: CommunityQuality) {
        let n = graph.nodeCount, slots = graph.neighbors.count
        offsets = graph.offsets
        targets = graph.neighbors
        var weights = [Double](repeating: 0, count: slots)
        var nodeWeight = [Double](repeating: quality == .cpm ? 1 : 0, count: n)
        let runs = slots >= Self.parallelAggregationSlots ? max(1, Parallelism.workers) : 1
        let firsts = balancedRuns(runs, starts: graph.offsets)
        weights.withUnsafeMutableBufferPointer { weights in
            nodeWeight.withUnsafeMutableBufferPointer { nodeWeight in
                let sink = BottomSink(weights: weights, nodeWeight: nodeWeight)
                // On threads of their own: community detection runs inside the statistics' parallel parts.
                _ = parallelRunsOnThreads(runs) { run in
                    for v in firsts[run]..<firsts[run + 1] {
                        var total = 0.0
                        for slot in graph.offsets[v]..<graph.offsets[v + 1] {
                            let w = graph.weight[Int(graph.edgeIDs[slot])]
                            sink.weights[slot] = w
                            total += w
                        }
                        if quality == .modularity { sink.nodeWeight[v] = total }
                    }
                }
            }
        }
        self.weights = weights
        self.nodeWeight = nodeWeight
    }

    /// The bottom level's columns, written by runs of disjoint nodes.
    private struct BottomSink: @unchecked Sendable {
        let weights: UnsafeMutableBufferPointer<Double>
        let nodeWeight: UnsafeMutableBufferPointer<Double>
    }

    /// Levels with at least this many tie slots are aggregated on all cores.
    static let parallelAggregationSlots = 1 << 18

    /// The graph of the groups of `group` (dense labels `0..<count`): edges inside a group vanish,
    /// edges between two groups are summed.
    ///
    /// On a large level the new nodes' rows are built in `pieces` runs of consecutive groups with
    /// about as many ties each (by default one per core when the level has
    /// `parallelAggregationSlots` slots, else one), each on its own core with its own sums. A row
    /// is the same whichever run builds it (its members, ties and sums are taken in the same
    /// order), so the level does not depend on the number of runs.
    /// - Complexity: O(n + m), plus O(count) per run for its sums.
    func aggregated(by group: [Int32], count: Int, scratch: inout [Double], pieces: Int? = nil) -> LeidenLevel {
        let n = nodeCount
        var memberOffsets = [Int](repeating: 0, count: count + 1)
        for g in group { memberOffsets[Int(g) + 1] += 1 }
        for g in 0..<count { memberOffsets[g + 1] += memberOffsets[g] }
        var members = [Int32](repeating: 0, count: n)
        var cursor = memberOffsets
        var newWeight = [Double](repeating: 0, count: count)
        // The tie slots of the members of the groups before each: what the rows before it cost to build.
        var rowStart = [Int](repeating: 0, count: count + 1)
        for v in 0..<n {
            let g = Int(group[v])
            members[cursor[g]] = Int32(v)
            cursor[g] += 1
            newWeight[g] += nodeWeight[v]
            rowStart[g + 1] += offsets[v + 1] - offsets[v]
        }
        for g in 0..<count { rowStart[g + 1] += rowStart[g] }
        let runs = max(1, min(count, pieces ?? (targets.count >= Self.parallelAggregationSlots ? Parallelism.workers : 1)))
        guard runs > 1 else {
            let rows = self.rows(of: 0..<count, group: group, members: members, memberOffsets: memberOffsets,
                                 reserving: targets.count, sums: &scratch)
            return LeidenLevel(offsets: [0] + rows.ends, targets: rows.targets, weights: rows.weights, nodeWeight: newWeight)
        }
        // Runs of consecutive groups, each with about 1/runs of the slots.
        let bounds = balancedRuns(runs, starts: rowStart)
        // On threads of their own: Leiden runs beside the other statistics, and a nested
        // `parallelRuns` would keep to one core even when the other statistics are done.
        let level = self
        // Each run reserves room for as many ties as its members have, as the single run above
        // does (an upper bound: room never written costs no memory), so that no run's rows are
        // copied as they grow.
        let parts = parallelRunsOnThreads(runs) { [members, memberOffsets, rowStart] run in
            var sums = [Double](repeating: 0, count: count)
            return level.rows(of: bounds[run]..<bounds[run + 1], group: group, members: members, memberOffsets: memberOffsets,
                             reserving: rowStart[bounds[run + 1]] - rowStart[bounds[run]], sums: &sums)
        }
        // The runs' rows joined, each run copying its own into place on its own core (on the
        // bottom level of the 8M-paper graph, 28M ties: 0.65 s on one core, most of it the first
        // touch of the new pages).
        var partStart = [0]
        for part in parts { partStart.append(partStart[partStart.count - 1] + part.targets.count) }
        let total = partStart[runs]
        var newOffsets = [Int](repeating: 0, count: count + 1)
        let (newTargets, newWeights): ([Int32], [Double]) = newOffsets.withUnsafeMutableBufferPointer { offsets in
            makeArrays(count: total) { targets, weights in
                let out = (offsets: SharedBuffer(offsets), targets: SharedBuffer(targets), weights: SharedBuffer(weights))
                _ = parallelRunsOnThreads(runs) { [partStart] run in
                    let part = parts[run], base = partStart[run], firstRow = bounds[run]
                    for (k, end) in part.ends.enumerated() { out.offsets.buffer[firstRow + 1 + k] = base + end }
                    _ = UnsafeMutableBufferPointer(rebasing: out.targets.buffer[base..<(base + part.targets.count)])
                        .initialize(from: part.targets)
                    _ = UnsafeMutableBufferPointer(rebasing: out.weights.buffer[base..<(base + part.weights.count)])
                        .initialize(from: part.weights)
                }
                return total
            }
        }
        return LeidenLevel(offsets: newOffsets, targets: newTargets, weights: newWeights, nodeWeight: newWeight)
    }

    /// The rows of the groups `groups` of the aggregated level: each row's end (counted from the
    /// first row's start), and the rows' targets and summed weights, reserving room for
    /// `reserving` ties. `sums` (one entry per group, all 0) is left as it was found.
    private func rows(of groups: Range<Int>, group: [Int32], members: [Int32], memberOffsets: [Int], reserving: Int,
                      sums scratch: inout [Double]) -> (ends: [Int], targets: [Int32], weights: [Double]) {
        let n = nodeCount
        var ends: [Int] = []
        var newTargets: [Int32] = []
        var newWeights: [Double] = []
        ends.reserveCapacity(groups.count)
        newTargets.reserveCapacity(reserving)
        newWeights.reserveCapacity(reserving)
        // The groups a row's ties reach, at most one entry per group: weights are positive
        // (`WeightedGraph`'s precondition), so a sum is 0 only before the row's first tie to it.
        let seen = UnsafeMutableBufferPointer<Int32>.allocate(capacity: max(1, scratch.count))
        defer { seen.deallocate() }
        // Raw buffers: every tie reads a group and a sum at random, where the arrays' checks cost.
        withBuffers { offsets, targets, weights, _ in
            group.withUnsafeBufferPointer { group in
                members.withUnsafeBufferPointer { members in
                    memberOffsets.withUnsafeBufferPointer { memberOffsets in
                        scratch.withUnsafeMutableBufferPointer { sums in
                            for g in groups {
                                var seenCount = 0
                                for index in memberOffsets[g]..<memberOffsets[g + 1] {
                                    let v = Int(members[index])
                                    // The rows (sixteen members on) and ties (eight on) of the members to come:
                                    // each is a cache miss on a large level.
                                    coauthor_prefetch(offsets.baseAddress! + Int(members[min(index + 16, n - 1)]))
                                    let soon = offsets[Int(members[min(index + 8, n - 1)])]
                                    coauthor_prefetch(targets.baseAddress! + soon)
                                    coauthor_prefetch(weights.baseAddress! + soon)
                                    for slot in offsets[v]..<offsets[v + 1] {
                                        // Without branches on the group reached and its sum (a
                                        // cache miss each), as in `moveNodesFast`: a tie inside the
                                        // group adds nothing, and its sum stays 0 and unseen.
                                        let other = group[Int(targets[slot])]
                                        let outside = Int(other) != g
                                        let sum = sums[Int(other)]
                                        seen[seenCount] = other
                                        seenCount &+= sum == 0 && outside ? 1 : 0
                                        sums[Int(other)] = sum + (outside ? weights[slot] : 0)
                                    }
                                }
                                for k in 0..<seenCount {
                                    let other = Int(seen[k])
                                    newTargets.append(seen[k])
                                    newWeights.append(sums[other])
                                    sums[other] = 0
                                }
                                ends.append(newTargets.count)
                            }
                        }
                    }
                }
            }
        }
        return (ends, newTargets, newWeights)
    }
}

/// One cluster as the local moving phase sees it: the weight of the moving node's ties into it and
/// its total weight, the two numbers a tie into it reads, side by side in one line of the cache
/// (one miss per cluster touched, not two).
private struct ClusterSlot {
    var link = 0.0
    var weight = 0.0
}

/// What the runs of one refinement share, as raw buffers (see `moveNodesFast`). Each run writes
/// the words and parts of its own communities' nodes only, and reads the words of other nodes
/// as relaxed atomic loads: another run may be moving them (only their community, which no run
/// changes, is used then). Unchecked: that discipline is what makes it safe to share.
private struct RefineState: @unchecked Sendable {
    let offsets: UnsafeBufferPointer<Int>
    let targets: UnsafeBufferPointer<Int32>
    let weights: UnsafeBufferPointer<Double>
    let nodeWeight: UnsafeBufferPointer<Double>
    let communityWeight: UnsafeBufferPointer<Double>
    /// Per node: its community in the high half, its part (a node id) in the low half.
    let words: UnsafeMutableBufferPointer<UInt64>
    /// Per part label (a node id).
    let parts: UnsafeMutableBufferPointer<RefinePart>
    let resolution: Double
    let tolerance: Double
    let randomness: Double
    /// Mixed with a node's id for its random choice.
    let choiceSeed: UInt64
    let maxDegree: Int

    @inline(__always) static func word(community: Int32, part: Int32) -> UInt64 {
        UInt64(UInt32(bitPattern: community)) << 32 | UInt64(UInt32(bitPattern: part))
    }

    @inline(__always) static func community(_ word: UInt64) -> Int32 { Int32(bitPattern: UInt32(truncatingIfNeeded: word >> 32)) }

    @inline(__always) static func part(_ word: UInt64) -> Int32 { Int32(bitPattern: UInt32(truncatingIfNeeded: word)) }

    @inline(__always) func load(_ v: Int) -> UInt64 { coauthor_load_relaxed(words.baseAddress! + v) }

    /// Each node of `range` alone in its part, with its ties to the rest of its community.
    func startParts(_ range: Range<Int>) {
        for v in range {
            let community = Self.community(words[v])
            // The row of the node eight on, as in `moveNodesFast`.
            let soon = offsets[min(v + 8, offsets.count - 2)]
            coauthor_prefetch(targets.baseAddress! + soon)
            coauthor_prefetch(weights.baseAddress! + soon)
            var external = 0.0
            for slot in offsets[v]..<offsets[v + 1] where Self.community(words[Int(targets[slot])]) == community {
                external += weights[slot]
            }
            parts[v] = RefinePart(weight: nodeWeight[v], external: external)
        }
    }

    /// Visits `nodes` in order (whole communities, each community's nodes in the order of the
    /// shuffle): a node still alone and well connected to its community joins a well-connected
    /// part of it that does not lower the quality, chosen at random with probability ∝ exp(Δ / θ).
    func refine(_ nodes: UnsafeBufferPointer<Int32>) {
        let count = nodes.count
        guard count > 0 else { return }
        // The parts a node's ties touch, and the candidates among them with their gains.
        let scratch = UnsafeMutableBufferPointer<Int32>.allocate(capacity: 2 * max(1, maxDegree))
        let gains = UnsafeMutableBufferPointer<Double>.allocate(capacity: max(1, maxDegree))
        defer {
            scratch.deallocate()
            gains.deallocate()
        }
        let touched = scratch.baseAddress!, candidates = scratch.baseAddress! + max(1, maxDegree)
        for index in 0..<count {
            let v32 = nodes[index]
            let v = Int(v32)
            // Rows and ties of the nodes to come, as in `moveNodesFast`.
            let upcoming = Int(nodes[min(index + 16, count - 1)])
            coauthor_prefetch(offsets.baseAddress! + upcoming)
            coauthor_prefetch(words.baseAddress! + upcoming)
            coauthor_prefetch(parts.baseAddress! + upcoming)
            let soon = offsets[Int(nodes[min(index + 8, count - 1)])]
            coauthor_prefetch(targets.baseAddress! + soon)
            coauthor_prefetch(weights.baseAddress! + soon)
            // Only nodes still alone move, and only when well connected to their community.
            let own = words[v]
            guard Self.part(own) == v32, !parts[v].joined else { continue }
            let weight = nodeWeight[v]
            let community = Self.community(own)
            let total = communityWeight[Int(community)]
            let ownExternal = parts[v].external
            guard ownExternal >= weight * (total - weight) * resolution - tolerance else { continue }
            parts[v].weight = 0
            parts[v].external = 0
            var touchedCount = 0
            let first = offsets[v], last = offsets[v + 1]
            for slot in first..<last {
                let u = load(Int(targets[slot]))
                guard Self.community(u) == community else { continue }
                // Without a branch on the part's link, as in `moveNodesFast`.
                let r = Int(Self.part(u))
                let link = parts[r].link
                touched[touchedCount] = Self.part(u)
                touchedCount &+= link == 0 ? 1 : 0
                parts[r].link = link + weights[slot]
            }
            var candidateCount = 0
            var bestGain = 0.0
            for k in 0..<touchedCount {
                let r = touched[k]
                let part = parts[Int(r)]
                let w = part.weight
                guard part.external >= w * (total - w) * resolution - tolerance else { continue }
                let gain = part.link - weight * w * resolution
                if gain >= 0 {
                    candidates[candidateCount] = r
                    gains[candidateCount] = gain
                    candidateCount += 1
                    bestGain = max(bestGain, gain)
                }
            }
            for k in 0..<touchedCount { parts[Int(touched[k])].link = 0 }
            var chosen = v32
            if candidateCount > 0 {
                // Staying alone (gain 0) is a candidate too; weights shifted by the best gain never overflow.
                var sum = exp(-bestGain / randomness)
                for k in 0..<candidateCount { sum += exp((gains[k] - bestGain) / randomness) }
                var random = SplitMix64(seed: choiceSeed ^ (UInt64(v) &* 0xD6E8_FEB8_6659_FD93))
                var pick = Double(random.next() >> 11) * 0x1p-53 * sum - exp(-bestGain / randomness)
                if pick >= 0 {
                    chosen = candidates[candidateCount - 1]
                    for k in 0..<candidateCount {
                        pick -= exp((gains[k] - bestGain) / randomness)
                        if pick < 0 {
                            chosen = candidates[k]
                            break
                        }
                    }
                }
            }
            if chosen == v32 {
                parts[v].weight = weight
                parts[v].external = ownExternal
                continue
            }
            coauthor_store_relaxed(words.baseAddress! + v, Self.word(community: community, part: chosen))
            let c = Int(chosen)
            parts[c].joined = true
            parts[c].weight += weight
            for slot in first..<last {
                let u = load(Int(targets[slot]))
                guard Self.community(u) == community else { continue }
                parts[c].external += Self.part(u) == chosen ? -weights[slot] : weights[slot]
            }
        }
    }
}

/// The runs of communities of a refinement on a large level: the shuffled nodes by community
/// (`nodes`, community `c`'s at `nodeStart[c]..<nodeStart[c + 1]`) and the first community of each run.
private struct RefineRuns: @unchecked Sendable {
    let state: RefineState
    let nodes: UnsafeBufferPointer<Int32>
    let nodeStart: [Int]
    let firstCommunity: [Int]

    func refine(_ run: Int) {
        state.refine(UnsafeBufferPointer(rebasing: nodes[nodeStart[firstCommunity[run]]..<nodeStart[firstCommunity[run + 1]]]))
    }
}

/// One part as the refinement sees it (a part's label is the node it started from): the weight of
/// the moving node's ties into it, its weight, the weight of its ties to the rest of its
/// community, and whether a node joined it; 32 bytes, so that none spans two lines of the cache.
private struct RefinePart {
    var link = 0.0
    var weight: Double
    var external: Double
    var joined = false

    init(weight: Double, external: Double) {
        self.weight = weight
        self.external = external
    }
}

/// The nodes `0..<count` in a random order of blocks of `block` consecutive nodes, each block's nodes
/// in order (the last block may be shorter). Blocks of one node are `shuffle`'s order, the same
/// numbers drawn.
/// - Complexity: O(count).
func shuffledInBlocks(count: Int, block: Int, using generator: inout SplitMix64) -> [Int32] {
    precondition(block >= 1, "a block holds at least one node")
    guard block > 1 else {
        var order = (0..<count).map { Int32($0) }
        order.shuffle(using: &generator)
        return order
    }
    var blocks = (0..<((count + block - 1) / block)).map { Int32($0) }
    blocks.shuffle(using: &generator)
    var order: [Int32] = []
    order.reserveCapacity(count)
    for b in blocks {
        let first = Int(b) * block
        for v in first..<min(count, first + block) { order.append(Int32(v)) }
    }
    return order
}

/// The state of one run: the generator and work arrays sized for the largest level, reused by every level.
private struct LeidenSearch {
    /// γ' of H = Σ_c [ L_c − γ' N_c² / 2 ].
    let resolution: Double
    /// θ of the refinement's random choice.
    let randomness: Double
    /// Gains closer than this count as equal (sums of floating-point weights are not exact).
    let tolerance: Double
    var generator: SplitMix64
    var linkWeight: [Double]
    /// Runs of communities per refinement; nil: by the level's size (see `refine`).
    let refinePieces: Int?
    /// Consecutive nodes taken together in the local moving's first queue; nil: by the level's size
    /// (see `moveNodesFast`).
    let queueBlock: Int?
    /// The smallest level whose first queue takes blocks of `queueBlockLength` nodes: from there on,
    /// the level's arrays no longer fit in a core's cache.
    static let blockedQueueNodes = 1 << 16
    /// Nodes per block of a large level's first queue.
    static let queueBlockLength = 16

    init(nodeCount n: Int, resolution: Double, randomness: Double, tolerance: Double, seed: UInt64, refinePieces: Int?,
         queueBlock: Int?) {
        self.resolution = resolution
        self.randomness = randomness
        self.tolerance = tolerance
        self.refinePieces = refinePieces
        self.queueBlock = queueBlock
        generator = SplitMix64(seed: seed)
        linkWeight = [Double](repeating: 0, count: n)
    }

    /// One iteration of the three phases from `membership` (labels < n) on the bottom level;
    /// leaves the improved partition, with dense labels, in `membership`.
    /// - Returns: whether any node moved at any level.
    mutating func iterate(_ bottom: LeidenLevel, _ membership: inout [Int32]) -> Bool {
        var level = bottom
        var partition = membership
        // For every bottom node, its node on the current level.
        var node = (0..<bottom.nodeCount).map { Int32($0) }
        var moved = false
        while true {
            moved = moveNodesFast(level, &partition) || moved
            let clusters = densify(&partition)
            if clusters == level.nodeCount { break }
            var refined = refine(level, partition, communities: clusters)
            let refinedCount = densify(&refined)
            // Nothing merged: the local optimum of this level is final.
            if refinedCount == level.nodeCount { break }
            var next = [Int32](repeating: 0, count: refinedCount)
            for v in 0..<level.nodeCount { next[Int(refined[v])] = partition[v] }
            level = level.aggregated(by: refined, count: refinedCount, scratch: &linkWeight)
            for v in node.indices { node[v] = refined[Int(node[v])] }
            partition = next
        }
        for v in node.indices { membership[v] = partition[Int(node[v])] }
        return moved
    }

    /// Phase 1: queue-based local moving (Traag et al.'s "fast local move").
    ///
    /// The queue starts with every node in a random order. On a large level (`blockedQueueNodes`) that
    /// order is one of blocks of `queueBlockLength` consecutive nodes, each block's nodes in order
    /// (`shuffledInBlocks`). Consecutive ids are authors first met together, and on higher levels
    /// communities of neighbouring nodes, so a block's rows lie side by side and many of their ties
    /// lead to the same clusters: one miss serves several nodes. That made the first pass over the
    /// 8M-paper graph's bottom level 5.5-6.3 s -> 4.6-4.9 s, with a best modularity over ten seeds
    /// within the seeds' spread, and above leidenalg's (BENCHMARKS.md, session 36).
    /// - Complexity: O(m) per pass over the queue.
    private mutating func moveNodesFast(_ level: LeidenLevel, _ partition: inout [Int32]) -> Bool {
        let n = level.nodeCount
        // What a tie reads of the cluster it leads to, in one line of the cache, aligned to it.
        let clusterBytes = UnsafeMutableRawPointer.allocate(byteCount: max(1, n) * MemoryLayout<ClusterSlot>.stride, alignment: 64)
        defer { clusterBytes.deallocate() }
        let clusters = clusterBytes.bindMemory(to: ClusterSlot.self, capacity: max(1, n))
        clusters.initialize(repeating: ClusterSlot(), count: n)
        // Sizes apart: only the clusters a node leaves and joins read them.
        let sizes = UnsafeMutableBufferPointer<Int32>.allocate(capacity: n)
        defer { sizes.deallocate() }
        sizes.initialize(repeating: 0)
        for v in 0..<n {
            clusters[Int(partition[v])].weight += level.nodeWeight[v]
            sizes[Int(partition[v])] += 1
        }
        var queue = shuffledInBlocks(count: n, block: queueBlock ?? (n >= Self.blockedQueueNodes ? Self.queueBlockLength : 1),
                                     using: &generator)
        // The queue (a ring of n), its membership flags, the stack of empty clusters and the clusters
        // a node's ties touch, as raw buffers too: arrays captured by the loop's closure were re-checked
        // for uniqueness at every write.
        let scratch = UnsafeMutableBufferPointer<Int32>.allocate(capacity: 2 * n)
        let inQueue = UnsafeMutableBufferPointer<Bool>.allocate(capacity: n)
        defer {
            scratch.deallocate()
            inQueue.deallocate()
        }
        inQueue.initialize(repeating: true)
        let empty = UnsafeMutableBufferPointer(rebasing: scratch[0..<n])
        let touched = UnsafeMutableBufferPointer(rebasing: scratch[n..<(2 * n)])
        var emptyCount = 0
        for c in (0..<n).reversed() where sizes[c] == 0 {
            empty[emptyCount] = Int32(c)
            emptyCount += 1
        }
        var moved = false
        let resolution = resolution, tolerance = tolerance
        // Raw buffers for what the loop reads per tie (every access a random one into an array of
        // n or 2m): the arrays' bounds and uniqueness checks there measured a third of its time.
        level.withBuffers { offsets, targets, weights, nodeWeight in
            partition.withUnsafeMutableBufferPointer { partition in
                queue.withUnsafeMutableBufferPointer { queue in
                    var head = 0, pending = n
                    let farStep = min(24, n - 1), nearStep = min(12, n - 1)
                    while pending > 0 {
                        let v = Int(queue[head])
                        // The queue says which nodes come next, each a cache miss on a large level:
                        // their rows are prefetched 24 nodes ahead and their ties 12 ahead. Entries
                        // past the queue's tail are stale node ids, harmless to prefetch. (Prefetching
                        // the labels and clusters of their neighbours too, a loop over the ties of two
                        // more nodes per node, measured slower: 1M papers 0.53-0.58 -> 0.47-0.52 s
                        // without it, 8M 9.3 -> 9.0 s, the first two passes of the bottom level.)
                        var far = head + farStep, near = head + nearStep
                        if far >= n { far -= n }
                        if near >= n { near -= n }
                        let upcoming = Int(queue[far])
                        coauthor_prefetch(offsets.baseAddress! + upcoming)
                        coauthor_prefetch(partition.baseAddress! + upcoming)
                        coauthor_prefetch(nodeWeight.baseAddress! + upcoming)
                        let soon = offsets[Int(queue[near])]
                        coauthor_prefetch(targets.baseAddress! + soon)
                        coauthor_prefetch(weights.baseAddress! + soon)
                        head = head + 1 == n ? 0 : head + 1
                        pending -= 1
                        inQueue[v] = false
                        let current = partition[v]
                        let weight = nodeWeight[v]
                        clusters[Int(current)].weight -= weight
                        sizes[Int(current)] -= 1
                        if sizes[Int(current)] == 0 {
                            empty[emptyCount] = current
                            emptyCount += 1
                        }
                        var touchedCount = 0
                        let first = offsets[v], last = offsets[v + 1]
                        for slot in first..<last {
                            // Without a branch on the cluster's link, a cache miss on a large level:
                            // a mispredicted branch waiting for it would hold back the next ties' loads.
                            // Weights are positive, so a link is 0 only before its first tie: each
                            // cluster is counted once, at most a node's degree (< n) in all.
                            let c = partition[Int(targets[slot])]
                            let link = clusters[Int(c)].link
                            touched[touchedCount] = c
                            touchedCount &+= link == 0 ? 1 : 0
                            clusters[Int(c)].link = link + weights[slot]
                        }
                        var best = current
                        var bestGain = clusters[Int(current)].link - weight * clusters[Int(current)].weight * resolution
                        for k in 0..<touchedCount {
                            let c = touched[k]
                            guard c != current else { continue }
                            let gain = clusters[Int(c)].link - weight * clusters[Int(c)].weight * resolution
                            if gain > bestGain + tolerance {
                                best = c
                                bestGain = gain
                            }
                        }
                        if bestGain < -tolerance, emptyCount > 0 {
                            best = empty[emptyCount - 1]
                        }
                        for k in 0..<touchedCount { clusters[Int(touched[k])].link = 0 }
                        clusters[Int(best)].weight += weight
                        sizes[Int(best)] += 1
                        if sizes[Int(best)] == 1 { emptyCount -= 1 }
                        if best != current {
                            partition[v] = best
                            moved = true
                            for slot in first..<last {
                                let u = Int(targets[slot])
                                if !inQueue[u] && partition[u] != best {
                                    inQueue[u] = true
                                    var tail = head + pending
                                    if tail >= n { tail -= n }
                                    queue[tail] = Int32(u)
                                    pending += 1
                                }
                            }
                        }
                    }
                }
            }
        }
        return moved
    }

    /// Phase 2: the refined partition, each part a connected subset of one community of `partition`
    /// (dense labels). Labels of the result are node ids (not dense).
    ///
    /// Communities are refined independently of each other: a node joins parts of its own
    /// community only, and reads of other communities only that they are other. Each community's
    /// nodes are visited in the order of one shuffle of all nodes, and each node's random choice
    /// comes from a number of its own (its id mixed with one draw per refinement), so the parts do
    /// not depend on the order in which communities are taken. On a large level (`refinePieces`,
    /// by default one run per core from `LeidenLevel.parallelAggregationSlots` slots) runs of
    /// communities with about as many ties each are refined on all cores, with the same result.
    /// - Complexity: O(m).
    private mutating func refine(_ level: LeidenLevel, _ partition: [Int32], communities: Int) -> [Int32] {
        let n = level.nodeCount
        // What a tie reads of the node it leads to, its community and its part, in one word (one
        // miss per tie, not two); and of that part (the moving node's ties into it, its weight, its
        // ties to the rest of its community) in one line of the cache, aligned to it.
        let words = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: max(1, n))
        let partBytes = UnsafeMutableRawPointer.allocate(byteCount: max(1, n) * MemoryLayout<RefinePart>.stride, alignment: 64)
        let communityWeight = UnsafeMutableBufferPointer<Double>.allocate(capacity: max(1, n))
        defer {
            words.deallocate()
            partBytes.deallocate()
            communityWeight.deallocate()
        }
        let parts = UnsafeMutableBufferPointer(start: partBytes.bindMemory(to: RefinePart.self, capacity: max(1, n)), count: n)
        communityWeight.initialize(repeating: 0)
        var order = (0..<n).map { Int32($0) }
        order.shuffle(using: &generator)
        let choiceSeed = generator.next()
        let pieces = refinePieces ?? (level.targets.count >= LeidenLevel.parallelAggregationSlots ? max(1, Parallelism.workers) : 1)
        level.withBuffers { offsets, targets, weights, nodeWeight in
            partition.withUnsafeBufferPointer { partition in
                var maxDegree = 0
                for v in 0..<n {
                    words[v] = RefineState.word(community: partition[v], part: Int32(v))
                    communityWeight[Int(partition[v])] += nodeWeight[v]
                    maxDegree = max(maxDegree, offsets[v + 1] - offsets[v])
                }
                let state = RefineState(offsets: offsets, targets: targets, weights: weights, nodeWeight: nodeWeight,
                                        communityWeight: UnsafeBufferPointer(communityWeight), words: words, parts: parts,
                                        resolution: resolution, tolerance: tolerance, randomness: randomness,
                                        choiceSeed: choiceSeed, maxDegree: maxDegree)
                // Each node's ties to the rest of its community, by runs of nodes (a node's sum is
                // taken in slot order whatever the run).
                let firsts = balancedRuns(pieces, starts: level.offsets)
                _ = parallelRunsOnThreads(pieces) { run in state.startParts(firsts[run]..<firsts[run + 1]) }
                order.withUnsafeBufferPointer { order in
                    guard pieces > 1 else {
                        state.refine(order)
                        return
                    }
                    // The shuffled nodes by community, each community's in shuffled order, and runs
                    // of communities with about as many ties (and nodes) each.
                    // (Community labels are dense, below `communities`.)
                    let byCommunity = UnsafeMutableBufferPointer<Int32>.allocate(capacity: max(1, n))
                    defer { byCommunity.deallocate() }
                    let (nodeStart, workStart) = sortByCommunity(order, partition: partition, communities: communities,
                                                                 offsets: offsets, runs: pieces, into: byCommunity)
                    let runs = RefineRuns(state: state, nodes: UnsafeBufferPointer(byCommunity), nodeStart: nodeStart,
                                          firstCommunity: balancedRuns(pieces, starts: workStart))
                    _ = parallelRunsOnThreads(pieces) { run in runs.refine(run) }
                }
            }
        }
        return (0..<n).map { RefineState.part(words[$0]) }
    }

    /// Renumbers labels (each < count) densely in order of first appearance.
    /// - Returns: the number of labels.
    private func densify(_ labels: inout [Int32]) -> Int {
        var map = [Int32](repeating: -1, count: labels.count)
        var next: Int32 = 0
        for i in labels.indices {
            let l = Int(labels[i])
            if map[l] < 0 {
                map[l] = next
                next += 1
            }
            labels[i] = map[l]
        }
        return Int(next)
    }
}

/// The nodes of `order` by community, each community's in the order of `order` (a stable
/// counting sort), written to `sorted`; with, per community label (and up to n, past the
/// last label), where its nodes start and the nodes and ties of the communities before it.
///
/// In `runs` runs of the order, on cores of their own: each run counts its nodes by
/// community, then places them after those of the runs before it, so the result is that of
/// one pass whatever the number of runs (on the bottom level of the 8M-paper graph, one pass
/// took 0.44 s, most of it reading the community of each node at random).
/// - Complexity: O(n + runs · communities).
func sortByCommunity(_ order: UnsafeBufferPointer<Int32>, partition: UnsafeBufferPointer<Int32>, communities: Int,
                     offsets: UnsafeBufferPointer<Int>, runs: Int,
                     into sorted: UnsafeMutableBufferPointer<Int32>) -> (nodeStart: [Int], workStart: [Int]) {
    let n = order.count
    let runs = max(1, min(runs, n))
    let community = UnsafeMutableBufferPointer<Int32>.allocate(capacity: max(1, n))
    defer { community.deallocate() }
    // What the runs read, and what each writes its own part of.
    let input = (order: SharedBuffer(reading: order), partition: SharedBuffer(reading: partition),
                 offsets: SharedBuffer(reading: offsets))
    let output = (community: SharedBuffer(community), sorted: SharedBuffer(sorted))
    // Each run's nodes and ties by community, and each node's community kept for the placing.
    let counts = parallelRunsOnThreads(runs) { run in
        var nodes = [Int](repeating: 0, count: communities)
        var work = [Int](repeating: 0, count: communities)
        for k in (n * run / runs)..<(n * (run + 1) / runs) {
            let v = Int(input.order.buffer[k])
            let c = input.partition.buffer[v]
            output.community.buffer[k] = c
            nodes[Int(c)] += 1
            work[Int(c)] += 1 + input.offsets.buffer[v + 1] - input.offsets.buffer[v]
        }
        return (nodes: nodes, work: work)
    }
    // The starts of the communities (past the last label, n nodes and all the work).
    var nodeStart = [Int](repeating: 0, count: n + 1)
    var workStart = [Int](repeating: 0, count: n + 1)
    for c in 0..<communities {
        nodeStart[c + 1] = nodeStart[c]
        workStart[c + 1] = workStart[c]
        for run in counts {
            nodeStart[c + 1] += run.nodes[c]
            workStart[c + 1] += run.work[c]
        }
    }
    for c in (communities + 1)..<(n + 1) {
        nodeStart[c] = nodeStart[communities]
        workStart[c] = workStart[communities]
    }
    // Where each run's nodes of each community go: after the community's nodes of the runs before.
    let cursors = runCursors(counts.map(\.nodes), bucketStart: Array(nodeStart[0..<communities]))
    _ = parallelRunsOnThreads(runs) { run in
        var cursor = cursors[run]
        for k in (n * run / runs)..<(n * (run + 1) / runs) {
            let c = Int(output.community.buffer[k])
            output.sorted.buffer[cursor[c]] = input.order.buffer[k]
            cursor[c] += 1
        }
    }
    return (nodeStart, workStart)
}
