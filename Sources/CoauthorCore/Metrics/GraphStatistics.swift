import Foundation

/// Whole-graph summary numbers (SPEC §5, graph level).
public struct GraphStatistics: Sendable, Equatable {
    public var authors: Int
    public var edges: Int
    public var components: Int
    /// Share of authors in the largest connected component (0…1).
    public var largestComponentShare: Double
    public var largestComponentSize: Int
    public var isolated: Int
    public var density: Double
    public var meanDegree: Double
    /// Mean local clustering coefficient (`nx.average_clustering`).
    public var averageClustering: Double
    /// 3 × triangles / connected triples (`nx.transitivity`).
    public var transitivity: Double
    /// Degree assortativity (`nx.degree_assortativity_coefficient`); NaN when undefined.
    public var assortativity: Double
    /// Modularity (resolution 1) of the communities found as `communities` says (Leiden by default).
    public var modularity: Double
    /// Longest shortest path, in hops, within the largest component.
    public var diameter: Int
    /// Mean shortest path length, in hops, within the largest component (`nx.average_shortest_path_length`).
    /// Exact up to `exactPathLengthLimit` authors in that component; above, the mean over
    /// `sampledPathLengthSources` breadth-first searches from randomly chosen authors (an unbiased estimate).
    public var averagePathLength: Double
    /// Breadth-first searches behind `averagePathLength` (equal to the component size when exact).
    public var pathLengthSources: Int

    /// Largest component size for which the mean path length is computed exactly.
    public static let exactPathLengthLimit = 20_000
    /// Sources sampled above that size. Per-source mean distances in co-author networks spread
    /// by about one hop, so the estimate's standard error is about 1/√500 ≈ 0.05 hops.
    public static let sampledPathLengthSources = 500

    /// Computes every statistic. Ignores weights except for modularity (strengths).
    /// - Complexity: O(min(c, 20 000)·m) for c authors in the largest component (breadth-first searches,
    ///   in parallel), plus the diameter's searches (iFUB: few in practice, c at worst).
    public init(graph: WeightedGraph, communitySeed: UInt64 = 1, communities: CommunityOptions = CommunityOptions()) {
        self.init(graph: graph, communitySeed: communitySeed, communities: communities, beside: {})
    }

    /// Computes every statistic, running `beside` first on the thread that does not detect
    /// communities: community detection is sequential and the longest part on a large graph, so it
    /// starts at once, and what the caller still has to compute (and free) goes beside it. The
    /// communities (and their modularity) are found on `tied`, the same ties normalised
    /// (`normalizedTies`), where given, as the metrics find them.
    /// - Parameter exactPathLengths: the mean path length from every author, whatever the size
    ///   (`stats --exact`).
    init(graph: WeightedGraph, communitySeed: UInt64, communities: CommunityOptions, tied: WeightedGraph? = nil,
         exactPathLengths: Bool = false, beside: @escaping @Sendable () -> Void) {
        precondition(tied.map { $0.edgeCount == graph.edgeCount && $0.nodeCount == graph.nodeCount } ?? true, "the same ties")
        let n = graph.nodeCount
        authors = n
        edges = graph.edgeCount
        density = n > 1 ? 2 * Double(graph.edgeCount) / (Double(n) * Double(n - 1)) : 0
        meanDegree = n > 0 ? 2 * Double(graph.edgeCount) / Double(n) : 0
        // Community detection runs beside the rest. The mean path length's searches, in batches of
        // 64 sources, go to whichever thread is free: the one that found the components when its
        // other numbers are done, the one that detected the communities when they are found, and
        // on more than two cores the others from the start. Each part is deterministic and the
        // batches' sums are added in batch order, so the result does not depend on how they overlap.
        //
        // Community detection is the longest part on a large graph, and the rest is done well before
        // it (on 8M DBLP papers, 11 s of its 20); but its refinement and aggregation run on all cores,
        // where the rest took a core from them. The rest therefore runs on a thread of its own at a
        // lower priority: alone on its core it runs as fast, and beside those phases it yields.
        let searches = DistanceBatches()
        let rest = { @Sendable () -> Part in
            var result = Part()
            beside()
            let component = connectedComponents(graph)
            result.components = (component.max() ?? -1) + 1
            let members = (0..<n).filter { component[$0] == 0 }
            result.largestComponentSize = members.count
            searches.publish(sources: Self.distanceSources(members: members, seed: communitySeed, exact: exactPathLengths), members: members.count)
            result.isolated = (0..<n).filter { graph.degree($0) == 0 }.count
            let triangles = triangleCounts(graph)
            // Each node's clustering coefficient from its triangles, as `clusteringCoefficient` does.
            let clusteringSum = (0..<n).reduce(0.0) { sum, v in
                let k = Double(graph.degree(v))
                return sum + (k < 2 ? 0 : 2 * Double(triangles[v]) / (k * (k - 1)))
            }
            result.averageClustering = n > 0 ? clusteringSum / Double(n) : 0
            let closed = triangles.reduce(0, +)
            let triples = (0..<n).reduce(0) { $0 + graph.degree($1) * (graph.degree($1) - 1) / 2 }
            result.transitivity = triples > 0 ? Double(closed) / Double(triples) : 0
            result.assortativity = Self.degreeAssortativity(graph)
            result.diameter = Self.diameter(graph, members: members)
            searches.help(graph, waiting: false)
            return result
        }
        let ownThread = Parallelism.workers > 1
        let (part, communityModularity) = runBeside({
            // `runBeside` runs this on a thread that ends with it when there are several cores.
            if ownThread { ThreadPriority.lowerForGood(by: Self.restPriorityDrop) }
            return rest()
        }, here: {
            // Cores beyond two search from the start.
            parallelRuns(max(1, Parallelism.workers - 1)) { helper -> Double in
                guard helper == 0 else {
                    searches.help(graph, waiting: true)
                    return 0
                }
                let modularity = detectCommunities(tied ?? graph, options: communities, seed: communitySeed).modularity
                searches.help(graph, waiting: false)
                return modularity
            }[0]
        })
        modularity = communityModularity
        components = part.components
        largestComponentSize = part.largestComponentSize
        largestComponentShare = n > 0 ? Double(largestComponentSize) / Double(n) : 0
        isolated = part.isolated
        averageClustering = part.averageClustering
        transitivity = part.transitivity
        assortativity = part.assortativity
        diameter = part.diameter
        (averagePathLength, pathLengthSources) = searches.mean
    }

    /// Nice levels below the caller's for the statistics computed beside community detection.
    static let restPriorityDrop = 10

    /// What `init` computes beside community detection.
    private struct Part: Sendable {
        var components = 0
        var largestComponentSize = 0
        var isolated = 0
        var averageClustering = 0.0
        var transitivity = 0.0
        var assortativity = 0.0
        var diameter = 0
    }

    /// Pearson correlation of the degrees at either end of each edge, each edge counted both ways.
    private static func degreeAssortativity(_ graph: WeightedGraph) -> Double {
        var sumXY = 0.0, sumX = 0.0, sumX2 = 0.0
        let count = Double(2 * graph.edgeCount)
        guard count > 0 else { return .nan }
        for e in 0..<graph.edgeCount {
            let a = Double(graph.degree(Int(graph.source[e]))), b = Double(graph.degree(Int(graph.target[e])))
            sumXY += 2 * a * b
            sumX += a + b
            sumX2 += a * a + b * b
        }
        let mean = sumX / count
        let variance = sumX2 / count - mean * mean
        guard variance > 1e-15 else { return .nan }
        return (sumXY / count - mean * mean) / variance
    }

    /// The sources of the mean distance in hops between the members of one component: every
    /// member up to `exactPathLengthLimit` members, else that many drawn with `seed`.
    private static func distanceSources(members: [Int], seed: UInt64, exact: Bool) -> [Int] {
        guard members.count > 1 else { return [] }
        var sources = members
        if members.count > exactPathLengthLimit && !exact {
            var random = SplitMix64(seed: seed)
            let k = sampledPathLengthSources
            for i in 0..<k { sources.swapAt(i, i + Int(random.next() % UInt64(members.count - i))) }
            sources = Array(sources.prefix(k))
        }
        return sources
    }

    /// The mean distance's breadth-first searches from `distanceSources`, 64 sources a batch (one
    /// bit-parallel search each), handed to the threads of `init` as each becomes free.
    /// Unchecked: every property is read and written under `condition`.
    private final class DistanceBatches: @unchecked Sendable {
        private let condition = NSCondition()
        private var sources: [Int]?
        private var memberCount = 0
        private var claimed = 0
        /// Each batch's sum of distances, added in batch order at the end.
        private var sums: [Double] = []

        /// Makes the searches from `sources` (within a component of `members` nodes) available.
        func publish(sources: [Int], members: Int) {
            condition.withLock {
                self.sources = sources
                memberCount = members
                sums = [Double](repeating: 0, count: (sources.count + 63) / 64)
                condition.broadcast()
            }
        }

        /// Searches batches until none is left to claim. Before `publish`, returns at once, or with
        /// `waiting` waits for it (only where the thread that publishes is already running).
        func help(_ graph: WeightedGraph, waiting: Bool) {
            while true {
                let claim: (batch: Int, sources: [Int])? = condition.withLock {
                    while waiting && sources == nil { condition.wait() }
                    guard let sources, claimed < sums.count else { return nil }
                    claimed += 1
                    return (claimed - 1, Array(sources[((claimed - 1) * 64)..<min(sources.count, claimed * 64)]))
                }
                guard let claim else { return }
                let sum = Double(multiSourceDistanceSum(graph, sources: claim.sources))
                condition.withLock { sums[claim.batch] = sum }
            }
        }

        /// The mean distance and the number of sources, once every batch is searched (after the
        /// threads that called `help` returned).
        var mean: (Double, Int) {
            condition.withLock {
                let count = sources?.count ?? 0
                guard memberCount > 1 else { return (0, memberCount) }
                return (sums.reduce(0, +) / (Double(count) * Double(memberCount - 1)), count)
            }
        }
    }

    /// The sum of hop distances from up to 64 sources to every node they reach, by one
    /// bit-parallel breadth-first search (M. Then et al., "The more the merrier: efficient
    /// multi-source graph traversal", PVLDB 8(4), 2014): bit i of a node's mask says
    /// whether source i has reached it.
    /// - Complexity: O(e·(n + m)) for eccentricity e of the sources.
    static func multiSourceDistanceSum(_ graph: WeightedGraph, sources: [Int]) -> Int {
        multiSourceSearch(graph, sources: sources).distanceSum
    }

    /// How `multiSourceSearch` takes each level: by its rule, or (tests) always from the frontier
    /// or always from the nodes still short of sources.
    enum SearchDirection {
        case chosen, topDown, bottomUp
    }

    /// `multiSourceDistanceSum`, the largest eccentricity of the sources (the last level at
    /// which a source reached a node first), and how many levels went bottom-up (tests).
    ///
    /// Each level is taken in one of two directions (S. Beamer, K. Asanović and D. Patterson,
    /// "Direction-optimizing breadth-first search", SC 2012, applied to bit-parallel searches):
    /// top-down, each frontier node adds its sources to its neighbours; or bottom-up, each node
    /// still short of some source gathers its neighbours' frontier sources and stops as soon as
    /// it has all it lacks. The middle levels, where most of the graph is the frontier of some
    /// source, go bottom-up: each node reads its neighbours there instead of every frontier node
    /// writing to all of its own, and most stop early. A level goes bottom-up when the frontier's
    /// ties outnumber those of the nodes some source has not reached: on the 8M-paper synthetic
    /// DBLP graph (4.2M authors) the mean path length's eight batches took 8.5 s top-down only,
    /// 4.3 s by this rule, and 5.2 s going bottom-up from half as many frontier ties. Both
    /// directions find the same distances.
    /// - Complexity: O(e·(n + m)) for eccentricity e of the sources.
    static func multiSourceSearch(_ graph: WeightedGraph, sources: [Int],
                                  direction: SearchDirection = .chosen)
        -> (distanceSum: Int, eccentricity: Int, bottomUpLevels: Int) {
        precondition(sources.count <= 64)
        let n = graph.nodeCount
        let full: UInt64 = sources.count == 64 ? ~0 : (1 << UInt64(sources.count)) - 1
        var seen = [UInt64](repeating: 0, count: n)
        var frontier = [UInt64](repeating: 0, count: n)
        var next = [UInt64](repeating: 0, count: n)
        // The ties of the frontier's nodes, and of the nodes some source has not reached yet (an
        // upper bound: nodes no source reaches are counted too).
        var frontierSlots = 0
        for (bit, s) in sources.enumerated() {
            if frontier[s] == 0 { frontierSlots += graph.degree(s) }
            seen[s] |= 1 << UInt64(bit)
            frontier[s] |= 1 << UInt64(bit)
        }
        var openSlots = graph.neighbors.count
        for s in Set(sources) where seen[s] == full { openSlots -= graph.degree(s) }
        var total = 0
        var level = 0
        var eccentricity = 0
        var bottomUpLevels = 0
        var active = true
        // Whether `next` is all zeros (a top-down level adds into it; a bottom-up one overwrites it).
        var nextIsClear = true
        graph.offsets.withUnsafeBufferPointer { offsets in
            graph.neighbors.withUnsafeBufferPointer { neighbors in
                while active {
                    level += 1
                    active = false
                    let bottomUp: Bool
                    switch direction {
                    case .chosen: bottomUp = frontierSlots > openSlots
                    case .topDown: bottomUp = false
                    case .bottomUp: bottomUp = true
                    }
                    frontierSlots = 0
                    if bottomUp { bottomUpLevels += 1 }
                    seen.withUnsafeMutableBufferPointer { seen in
                        next.withUnsafeMutableBufferPointer { next in
                            frontier.withUnsafeBufferPointer { frontier in
                                /// Node `v`, which had the sources `have`, is reached by `fresh` (not 0) at this level.
                                func reach(_ v: Int, had have: UInt64, fresh: UInt64) {
                                    seen[v] = have | fresh
                                    total += level * fresh.nonzeroBitCount
                                    active = true
                                    let degree = offsets[v + 1] - offsets[v]
                                    frontierSlots += degree
                                    if have | fresh == full { openSlots -= degree }
                                }
                                if bottomUp {
                                    for v in 0..<n {
                                        let have = seen[v]
                                        let want = full & ~have
                                        var fresh: UInt64 = 0
                                        if want != 0 {
                                            for slot in offsets[v]..<offsets[v + 1] {
                                                fresh |= frontier[Int(neighbors[slot])]
                                                if fresh & want == want { break }
                                            }
                                            fresh &= want
                                        }
                                        next[v] = fresh
                                        if fresh != 0 { reach(v, had: have, fresh: fresh) }
                                    }
                                } else {
                                    if !nextIsClear {
                                        for v in 0..<n where next[v] != 0 { next[v] = 0 }
                                    }
                                    for v in 0..<n where frontier[v] != 0 {
                                        let bits = frontier[v]
                                        for slot in offsets[v]..<offsets[v + 1] { next[Int(neighbors[slot])] |= bits }
                                    }
                                    for v in 0..<n where next[v] != 0 {
                                        let fresh = next[v] & ~seen[v]
                                        next[v] = fresh
                                        if fresh != 0 { reach(v, had: seen[v], fresh: fresh) }
                                    }
                                }
                            }
                        }
                    }
                    if active { eccentricity = level }
                    swap(&frontier, &next)
                    nextIsClear = false
                }
            }
        }
        return (total, eccentricity, bottomUpLevels)
    }

    /// Exact diameter (in hops) of one component by iFUB (P. Crescenzi, R. Grossi, M. Habib, L. Lanzi and
    /// A. Marino, "On computing the diameter of real-world undirected graphs", Theor. Comput. Sci. 514, 2013,
    /// doi:10.1016/j.tcs.2012.09.018): from a central start, eccentricities of the farthest levels first,
    /// stopping once the lower bound exceeds twice the next level. Only the largest eccentricity of a
    /// level matters, so its nodes are searched from 64 at a time by one bit-parallel search
    /// (`multiSourceSearch`), the batches spread over the cores: on a synthetic co-author network of
    /// 20,000 authors whose fringe level holds thousands, that is a few dozen passes instead of
    /// thousands of searches.
    /// - Complexity: O(k·m) for k searches (a batch of 64 costing about as much as a few); k is
    ///   small on real networks, c at worst.
    public static func diameter(_ graph: WeightedGraph, members: [Int]) -> Int {
        diameter(graph, members: members, batchedLevelSize: batchedLevelSize)
    }

    /// A level of at least this many nodes is searched 64 nodes at a time.
    static let batchedLevelSize = 16

    /// `diameter(_:members:)` with levels of at least `batchedLevelSize` nodes searched in batches (tests: 0, 1, …).
    static func diameter(_ graph: WeightedGraph, members: [Int], batchedLevelSize: Int) -> Int {
        guard members.count > 1 else { return 0 }
        var search = BreadthFirstSearch(nodeCount: graph.nodeCount)
        // A start near the centre: the middle of a longest path found by a double sweep from the highest degree.
        let hub = members.max { graph.degree($0) != graph.degree($1) ? graph.degree($0) < graph.degree($1) : $0 > $1 }!
        let a = search.run(graph, from: hub).farthest
        let sweep = search.run(graph, from: a)
        var lower = sweep.eccentricity
        let path = search.path(to: sweep.farthest)
        let start = path[path.count / 2]
        let levels = search.run(graph, from: start)
        lower = max(lower, levels.eccentricity)
        var byLevel = [[Int]](repeating: [], count: levels.eccentricity + 1)
        for v in members { byLevel[search.distance(v)].append(v) }
        var level = levels.eccentricity
        while level > 0 && lower <= 2 * (level - 1) {
            let nodes = byLevel[level]
            // A level of a few nodes: one plain search each (a bit-parallel pass sweeps every node at every level).
            let batchSize = nodes.count < batchedLevelSize ? 1 : 64
            let batches = (nodes.count + batchSize - 1) / batchSize
            let eccentricities = parallelChunks(count: batches, chunkSize: 1) { range in
                var worker = BreadthFirstSearch(nodeCount: batchSize == 1 ? graph.nodeCount : 0)
                var best = 0
                for batch in range {
                    if batchSize == 1 {
                        best = max(best, worker.run(graph, from: nodes[batch]).eccentricity)
                    } else {
                        let sources = Array(nodes[(batch * 64)..<min(nodes.count, (batch + 1) * 64)])
                        best = max(best, multiSourceSearch(graph, sources: sources).eccentricity)
                    }
                }
                return [Double(best)]
            }
            lower = max(lower, Int(eccentricities.map { $0[0] }.max() ?? 0))
            level -= 1
        }
        return lower
    }
}

/// Breadth-first search by hops with buffers reused across runs.
struct BreadthFirstSearch {
    private var distances: [Int32]
    private var parents: [Int32]
    private var queue: [Int32]
    private var count = 0

    init(nodeCount: Int) {
        distances = [Int32](repeating: -1, count: nodeCount)
        parents = [Int32](repeating: -1, count: nodeCount)
        queue = [Int32](repeating: 0, count: nodeCount)
    }

    /// Hop distance of `v` from the last search's start (−1 if unreached).
    func distance(_ v: Int) -> Int { Int(distances[v]) }

    /// The nodes from the last search's start to `v`.
    func path(to v: Int) -> [Int] {
        var path = [v]
        var current = v
        while parents[current] >= 0 {
            current = Int(parents[current])
            path.append(current)
        }
        return path.reversed()
    }

    /// Searches from `start`.
    /// - Complexity: O(n + m) for the component.
    mutating func run(_ graph: WeightedGraph, from start: Int) -> (eccentricity: Int, farthest: Int, distanceSum: Int) {
        for k in 0..<count {
            distances[Int(queue[k])] = -1
            parents[Int(queue[k])] = -1
        }
        var tail = 1
        var sum = 0
        graph.offsets.withUnsafeBufferPointer { offsets in
            graph.neighbors.withUnsafeBufferPointer { neighbors in
                distances.withUnsafeMutableBufferPointer { distances in
                    parents.withUnsafeMutableBufferPointer { parents in
                        queue.withUnsafeMutableBufferPointer { queue in
                            queue[0] = Int32(start)
                            distances[start] = 0
                            var head = 0
                            while head < tail {
                                let v = Int(queue[head])
                                head &+= 1
                                let dv = distances[v]
                                sum &+= Int(dv)
                                var slot = offsets[v]
                                let end = offsets[v &+ 1]
                                while slot < end {
                                    let w = Int(neighbors[slot])
                                    if distances[w] < 0 {
                                        distances[w] = dv &+ 1
                                        parents[w] = Int32(truncatingIfNeeded: v)
                                        queue[tail] = Int32(truncatingIfNeeded: w)
                                        tail &+= 1
                                    }
                                    slot &+= 1
                                }
                            }
                        }
                    }
                }
            }
        }
        count = tail
        let last = Int(queue[tail - 1])
        return (Int(distances[last]), last, sum)
    }
}
