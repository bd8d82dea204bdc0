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
    /// - Complexity: O(n + m) plus sorting each adjacency list.
    public init(nodeCount: Int, source: [Int32], target: [Int32], weight: [Double]) {
        precondition(nodeCount >= 0, "a graph has at least no nodes")
        precondition(source.count == target.count && target.count == weight.count, "one source, target and weight per edge")
        var degree = [Int](repeating: 0, count: nodeCount + 1)
        for e in source.indices {
            precondition(source[e] >= 0 && source[e] < target[e] && Int(target[e]) < nodeCount,
                         "edge \(e) (\(source[e]), \(target[e])): endpoints must satisfy 0 ≤ source < target < \(nodeCount)")
            precondition(weight[e] > 0 && weight[e].isFinite, "edge \(e): weight \(weight[e]) is not positive and finite")
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
            // Edges listed in (source, target) order, as the builder makes them, fill every
            // list in order already.
            if zip(neighbors[range], neighbors[range].dropFirst()).allSatisfy({ $0 < $1 }) { continue }
            let sorted = zip(neighbors[range], edgeIDs[range]).sorted { $0.0 < $1.0 }
            precondition(zip(sorted, sorted.dropFirst()).allSatisfy { $0.0 < $1.0 },
                         "node \(v) is joined to one neighbour by two edges")
            for (k, pair) in sorted.enumerated() {
                neighbors[range.lowerBound + k] = pair.0
                edgeIDs[range.lowerBound + k] = pair.1
            }
        }
        self.nodeCount = nodeCount
        self.offsets = offsets
        self.neighbors = neighbors
        self.edgeIDs = edgeIDs
        self.source = source
        self.target = target
        self.weight = weight
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
