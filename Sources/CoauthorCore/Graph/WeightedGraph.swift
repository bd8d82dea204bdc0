/// An undirected, weighted simple graph in compressed sparse row (CSR) form.
///
/// Nodes are `0..<nodeCount`. Each undirected edge `e` has endpoints
/// `source[e] < target[e]` and a positive `weight[e]` (a strength: larger means
/// a stronger tie); path-based metrics use the distance `1 / weight[e]`.
/// The neighbours of `v` are `neighbors[offsets[v]..<offsets[v+1]]`, sorted
/// ascending, with the matching edge ids in `edgeIDs`.
public struct WeightedGraph: Sendable, Equatable {
    public let nodeCount: Int
    public let offsets: [Int]
    public let neighbors: [Int32]
    public let edgeIDs: [Int32]
    public let source: [Int32]
    public let target: [Int32]
    public let weight: [Double]

    public var edgeCount: Int { weight.count }

    /// Builds the CSR structure from an edge list.
    /// - Precondition: no self-loops, no repeated pairs, endpoints in range, weights > 0.
    /// - Complexity: O(n + m).
    public init(nodeCount: Int, edges: [(Int, Int, Double)]) {
        var source = [Int32](); source.reserveCapacity(edges.count)
        var target = [Int32](); target.reserveCapacity(edges.count)
        var weight = [Double](); weight.reserveCapacity(edges.count)
        for (u, v, w) in edges {
            precondition(u != v && u >= 0 && v >= 0 && u < nodeCount && v < nodeCount, "bad edge \(u)-\(v)")
            precondition(w > 0, "edge weights must be positive")
            source.append(Int32(min(u, v)))
            target.append(Int32(max(u, v)))
            weight.append(w)
        }
        self.init(nodeCount: nodeCount, source: source, target: target, weight: weight)
    }

    /// Builds the CSR structure from parallel edge arrays.
    /// - Precondition: one source, target and weight per edge; `0 ≤ source[e] < target[e] < nodeCount`;
    ///   every weight positive and finite; no pair repeated.
    /// - Complexity: O(n + m) where the edges come in (source, target) order, as the network
    ///   builder makes them (on all cores on a large graph); else plus sorting each adjacency list.
    public init(nodeCount: Int, source: [Int32], target: [Int32], weight: [Double]) {
        precondition(nodeCount >= 0, "a graph has at least no nodes")
        precondition(source.count == target.count && target.count == weight.count, "one source, target and weight per edge")
        var ordered = true
        source.withUnsafeBufferPointer { source in
            target.withUnsafeBufferPointer { target in
                weight.withUnsafeBufferPointer { weight in
                    for e in source.indices {
                        precondition(source[e] >= 0 && source[e] < target[e] && Int(target[e]) < nodeCount,
                                     "edge \(e) (\(source[e]), \(target[e])): endpoints must satisfy 0 ≤ source < target < \(nodeCount)")
                        precondition(weight[e] > 0 && weight[e].isFinite, "edge \(e): weight \(weight[e]) is not positive and finite")
                        if e > 0 && (source[e - 1], target[e - 1]) >= (source[e], target[e]) { ordered = false }
                    }
                }
            }
        }
        let rows = ordered ? Self.rows(ofOrderedSources: source, targets: target, nodeCount: nodeCount)
                           : Self.rows(ofSources: source, targets: target, nodeCount: nodeCount)
        self.nodeCount = nodeCount
        self.offsets = rows.offsets
        self.neighbors = rows.neighbors
        self.edgeIDs = rows.edgeIDs
        self.source = source
        self.target = target
        self.weight = weight
    }

    /// Graphs with at least this many edges build their rows on all cores.
    static let parallelRowEdges = 1 << 20

    /// The rows of edges in strictly increasing (source, target) order: node v's row is the
    /// sources of the edges that end at v, in edge order, then the targets of the edges that start
    /// there, also in edge order, so every row comes out sorted and nothing is sorted.
    ///
    /// On a large graph, runs of consecutive nodes with about as many slots each fill their rows
    /// on their own cores; each run reads every edge's target and writes only its own nodes' rows,
    /// which splits the scattered writes (a cache miss each on a large graph) between the cores.
    /// The rows are the same whatever the number of runs.
    /// - Complexity: O(n + m) work; O(n + runs · m) reads.
    static func rows(ofOrderedSources source: [Int32], targets target: [Int32], nodeCount n: Int)
        -> (offsets: [Int], neighbors: [Int32], edgeIDs: [Int32]) {
        let m = source.count
        let runs = m >= parallelRowEdges ? max(1, min(Parallelism.workers, n)) : 1
        // The first edge of each source (the edges of a source are consecutive).
        var firstEdge = [Int](repeating: 0, count: n + 1)
        for e in 0..<m { firstEdge[Int(source[e]) + 1] += 1 }
        for v in 0..<n { firstEdge[v + 1] += firstEdge[v] }
        // The edges that end at each node, counted by runs of nodes of about the same size.
        var endCount = [Int](repeating: 0, count: n)
        let even = (0...runs).map { n / runs * $0 + min($0, n % runs) }
        target.withUnsafeBufferPointer { targets in
            endCount.withUnsafeMutableBufferPointer { counts in
                let shared = SharedCounts(targets: targets, counts: counts)
                _ = parallelRuns(runs) { run in shared.count(nodes: even[run]..<even[run + 1]) }
            }
        }
        var offsets = [Int](repeating: 0, count: n + 1)
        for v in 0..<n { offsets[v + 1] = offsets[v] + endCount[v] + firstEdge[v + 1] - firstEdge[v] }
        let firsts = balancedRuns(runs, starts: offsets)
        // The rows are made in place, uninitialised: every slot is written once, by the run that
        // owns it, so the pages of both columns (16 bytes a tie, new to the process on a large
        // graph) are first touched on all cores rather than cleared on one first.
        let (neighbors, edgeIDs) = makeArrays(count: 2 * m) {
            (neighbors: UnsafeMutableBufferPointer<Int32>, edgeIDs: UnsafeMutableBufferPointer<Int32>) -> Int in
            source.withUnsafeBufferPointer { sources in
                target.withUnsafeBufferPointer { targets in
                    offsets.withUnsafeMutableBufferPointer { offsets in
                        firstEdge.withUnsafeMutableBufferPointer { firstEdge in
                            endCount.withUnsafeMutableBufferPointer { cursor in
                                let shared = SharedRows(sources: sources, targets: targets, neighbors: neighbors, edgeIDs: edgeIDs,
                                                        offsets: offsets, firstEdge: firstEdge, cursor: cursor)
                                _ = parallelRuns(runs) { run in shared.fill(nodes: firsts[run]..<firsts[run + 1]) }
                            }
                        }
                    }
                }
            }
            return 2 * m
        }
        return (offsets, neighbors, edgeIDs)
    }

    /// The edges' targets and the counts of the edges that end at each node, shared by runs that
    /// each count the edges of their own nodes.
    private struct SharedCounts: @unchecked Sendable {
        let targets: UnsafeBufferPointer<Int32>
        let counts: UnsafeMutableBufferPointer<Int>

        func count(nodes: Range<Int>) {
            let (low, high) = (Int32(nodes.lowerBound), Int32(nodes.upperBound))
            for e in 0..<targets.count {
                let v = targets[e]
                if v >= low && v < high { counts[Int(v)] += 1 }
            }
        }
    }

    /// The edge columns and rows shared by the runs of `rows(ofOrderedSources:targets:nodeCount:)`,
    /// each of which writes only the entries of its own nodes.
    private struct SharedRows: @unchecked Sendable {
        let sources: UnsafeBufferPointer<Int32>
        let targets: UnsafeBufferPointer<Int32>
        let neighbors: UnsafeMutableBufferPointer<Int32>
        let edgeIDs: UnsafeMutableBufferPointer<Int32>
        let offsets: UnsafeMutableBufferPointer<Int>
        let firstEdge: UnsafeMutableBufferPointer<Int>
        /// Per node, its count of ending edges; then, while filling, where its next one goes.
        let cursor: UnsafeMutableBufferPointer<Int>

        /// Fills the rows of `nodes`: the edges that start at each after the slots of those that end there.
        func fill(nodes: Range<Int>) {
            for v in nodes {
                var slot = offsets[v] + cursor[v]
                for e in firstEdge[v]..<firstEdge[v + 1] {
                    neighbors[slot] = targets[e]
                    edgeIDs[slot] = Int32(e)
                    slot += 1
                }
                cursor[v] = offsets[v]
            }
            guard !nodes.isEmpty else { return }
            let (low, high) = (Int32(nodes.lowerBound), Int32(nodes.upperBound))
            for e in 0..<targets.count {
                let v = targets[e]
                guard v >= low && v < high else { continue }
                neighbors[cursor[Int(v)]] = sources[e]
                edgeIDs[cursor[Int(v)]] = Int32(e)
                cursor[Int(v)] += 1
            }
        }
    }

    /// The rows of edges in any order: scattered, then each row sorted where it is not already.
    /// - Complexity: O(n + m) plus sorting the rows out of order.
    static func rows(ofSources source: [Int32], targets target: [Int32], nodeCount: Int)
        -> (offsets: [Int], neighbors: [Int32], edgeIDs: [Int32]) {
        var degree = [Int](repeating: 0, count: nodeCount + 1)
        for e in source.indices {
            degree[Int(source[e])] += 1
            degree[Int(target[e])] += 1
        }
        var offsets = [Int](repeating: 0, count: nodeCount + 1)
        for v in 0..<nodeCount { offsets[v + 1] = offsets[v] + degree[v] }
        var cursor = offsets
        var neighbors = [Int32](repeating: 0, count: 2 * source.count)
        var edgeIDs = [Int32](repeating: 0, count: 2 * source.count)
        for e in source.indices {
            let u = Int(source[e]), v = Int(target[e])
            neighbors[cursor[u]] = Int32(v); edgeIDs[cursor[u]] = Int32(e); cursor[u] += 1
            neighbors[cursor[v]] = Int32(u); edgeIDs[cursor[v]] = Int32(e); cursor[v] += 1
        }
        for v in 0..<nodeCount where offsets[v + 1] - offsets[v] > 1 {
            let range = offsets[v]..<offsets[v + 1]
            if zip(neighbors[range], neighbors[range].dropFirst()).allSatisfy({ $0 < $1 }) { continue }
            let sorted = zip(neighbors[range], edgeIDs[range]).sorted { $0.0 < $1.0 }
            precondition(zip(sorted, sorted.dropFirst()).allSatisfy { $0.0 < $1.0 },
                         "node \(v) is joined to one neighbour by two edges")
            for (k, pair) in sorted.enumerated() {
                neighbors[range.lowerBound + k] = pair.0
                edgeIDs[range.lowerBound + k] = pair.1
            }
        }
        return (offsets, neighbors, edgeIDs)
    }

    /// Number of neighbours of `v`.
    @inline(__always) public func degree(_ v: Int) -> Int { offsets[v + 1] - offsets[v] }

    /// The adjacency slots of `v` (indices into `neighbors` and `edgeIDs`).
    @inline(__always) public func slots(_ v: Int) -> Range<Int> { offsets[v]..<offsets[v + 1] }

    /// The edge joining `u` and `v`, if any.
    /// - Complexity: O(log degree(u)).
    public func edge(_ u: Int, _ v: Int) -> Int? {
        var low = offsets[u], high = offsets[u + 1]
        let key = Int32(v)
        while low < high {
            let mid = (low + high) / 2
            if neighbors[mid] < key { low = mid + 1 } else { high = mid }
        }
        return low < offsets[u + 1] && neighbors[low] == key ? Int(edgeIDs[low]) : nil
    }

    /// The subgraph induced by the nodes where `keep` is true, with nodes renumbered in order.
    /// - Returns: the subgraph, the old id of each new node, and the old id of each new edge.
    /// - Complexity: O(n + m).
    public func induced(keeping keep: [Bool]) -> (graph: WeightedGraph, nodes: [Int], edges: [Int]) {
        var newID = [Int32](repeating: -1, count: nodeCount)
        var nodes: [Int] = []
        for v in 0..<nodeCount where keep[v] {
            newID[v] = Int32(nodes.count)
            nodes.append(v)
        }
        var s: [Int32] = [], t: [Int32] = [], w: [Double] = [], edges: [Int] = []
        for e in 0..<edgeCount {
            let a = newID[Int(source[e])], b = newID[Int(target[e])]
            if a >= 0, b >= 0 {
                s.append(min(a, b)); t.append(max(a, b)); w.append(weight[e]); edges.append(e)
            }
        }
        return (WeightedGraph(nodeCount: nodes.count, source: s, target: t, weight: w), nodes, edges)
    }

    /// Hop distances from `start` (−1 where unreachable), by breadth-first search.
    /// - Complexity: O(n + m).
    public func hopDistances(from start: Int, limit: Int = .max) -> [Int] {
        var distance = [Int](repeating: -1, count: nodeCount)
        var queue = [start]
        distance[start] = 0
        var head = 0
        while head < queue.count {
            let v = queue[head]; head += 1
            if distance[v] >= limit { continue }
            for slot in slots(v) {
                let w = Int(neighbors[slot])
                if distance[w] < 0 {
                    distance[w] = distance[v] + 1
                    queue.append(w)
                }
            }
        }
        return distance
    }
}
