import Dispatch
import Foundation

/// Relative tolerance under which two path lengths are taken as equal, as igraph
/// does, so that equal-length paths are not lost to floating-point rounding
/// (1/3 + 1/3 + 1/3 vs 1).
let pathLengthTolerance = 1e-10

@inline(__always) func approximatelyEqual(_ a: Double, _ b: Double) -> Bool {
    abs(a - b) <= pathLengthTolerance * max(abs(a), abs(b))
}

/// A binary min-heap of (distance, node) with lazy deletion, reused across sources.
struct DistanceHeap {
    private var keys: [Double] = []
    private var nodes: [Int32] = []

    var isEmpty: Bool { keys.isEmpty }

    mutating func removeAll() {
        keys.removeAll(keepingCapacity: true)
        nodes.removeAll(keepingCapacity: true)
    }

    mutating func push(_ key: Double, _ node: Int32) {
        keys.append(key)
        nodes.append(node)
        var child = keys.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            if keys[parent] <= key { break }
            keys[child] = keys[parent]; nodes[child] = nodes[parent]
            child = parent
        }
        keys[child] = key; nodes[child] = node
    }

    mutating func pop() -> (Double, Int32) {
        let top = (keys[0], nodes[0])
        let lastKey = keys.removeLast(), lastNode = nodes.removeLast()
        if !keys.isEmpty {
            var parent = 0
            let count = keys.count
            while true {
                var child = 2 * parent + 1
                if child >= count { break }
                if child + 1 < count, keys[child + 1] < keys[child] { child += 1 }
                if keys[child] >= lastKey { break }
                keys[parent] = keys[child]; nodes[parent] = nodes[child]
                parent = child
            }
            keys[parent] = lastKey; nodes[parent] = lastNode
        }
        return top
    }
}

/// Single-source shortest paths on edge distances (Dijkstra), keeping what
/// Brandes' accumulation needs: settle order, path counts, distances.
///
/// One instance per worker; buffers are reused across sources, so a run over
/// all sources allocates O(n) once.
struct ShortestPathSearch {
    let graph: WeightedGraph
    let edgeLength: [Double]
    private(set) var distance: [Double]
    private(set) var sigma: [Double]
    /// Reached nodes in the order they were settled (non-decreasing distance).
    private(set) var order: [Int32] = []
    private var settled: [Bool]
    private var heap = DistanceHeap()

    init(graph: WeightedGraph, edgeLength: [Double]) {
        self.graph = graph
        self.edgeLength = edgeLength
        self.distance = [Double](repeating: .infinity, count: graph.nodeCount)
        self.sigma = [Double](repeating: 0, count: graph.nodeCount)
        self.settled = [Bool](repeating: false, count: graph.nodeCount)
    }

    /// Runs Dijkstra from `source`. Lengths within `pathLengthTolerance` of each
    /// other count as equal, so their shortest-path counts add up.
    /// - Complexity: O((n + m) log n).
    mutating func run(from source: Int) {
        for v in order {
            distance[Int(v)] = .infinity
            sigma[Int(v)] = 0
            settled[Int(v)] = false
        }
        order.removeAll(keepingCapacity: true)
        heap.removeAll()
        distance[source] = 0
        sigma[source] = 1
        heap.push(0, Int32(source))
        while !heap.isEmpty {
            let (d, v32) = heap.pop()
            let v = Int(v32)
            if settled[v] || d > distance[v] { continue }
            settled[v] = true
            order.append(v32)
            let sigmaV = sigma[v]
            for slot in graph.slots(v) {
                let w = Int(graph.neighbors[slot])
                if settled[w] { continue }
                let candidate = d + edgeLength[Int(graph.edgeIDs[slot])]
                let current = distance[w]
                if current == .infinity {
                    distance[w] = candidate
                    sigma[w] = sigmaV
                    heap.push(candidate, Int32(w))
                } else if approximatelyEqual(candidate, current) {
                    sigma[w] += sigmaV
                } else if candidate < current {
                    distance[w] = candidate
                    sigma[w] = sigmaV
                    heap.push(candidate, Int32(w))
                }
            }
        }
    }

    /// Whether `v` precedes `w` on a shortest path (both reached, `w` one edge of length `length` further).
    @inline(__always) func isPredecessor(_ v: Int, of w: Int, length: Double) -> Bool {
        let dv = distance[v]
        return dv < distance[w] && approximatelyEqual(dv + length, distance[w])
    }
}

/// Edge lengths for path metrics: the distance 1/w of each tie (a strong tie is a short one).
func edgeLengths(_ graph: WeightedGraph) -> [Double] {
    graph.weight.map { 1 / $0 }
}

/// Runs `body` over `0..<count` in fixed chunks spread over all cores and
/// returns the per-chunk results in chunk order. Chunk boundaries depend only
/// on `count`, never on the number of threads, so combining the results in
/// order gives the same answer on any machine.
func parallelChunks(count: Int, body: @Sendable (Range<Int>) -> [Double]) -> [[Double]] {
    guard count > 0 else { return [] }
    let chunkSize = max(16, count / 64)
    let chunks = (count + chunkSize - 1) / chunkSize
    let partials = PartialResults(count: chunks)
    DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
        let range = (chunk * chunkSize)..<min(count, (chunk + 1) * chunkSize)
        partials.set(chunk, body(range))
    }
    return (0..<chunks).map { partials.get($0) }
}

/// `parallelChunks` whose per-chunk vectors (of length `width`, zeroed) are summed in chunk order.
func parallelSum(count: Int, width: Int, body: @Sendable @escaping (Range<Int>, inout [Double]) -> Void) -> [Double] {
    let partials = parallelChunks(count: count) { range in
        var partial = [Double](repeating: 0, count: width)
        body(range, &partial)
        return partial
    }
    var total = [Double](repeating: 0, count: width)
    for partial in partials {
        for i in 0..<width { total[i] += partial[i] }
    }
    return total
}

/// Slots written by distinct workers (each chunk index exactly once), read after they all finish.
private final class PartialResults: @unchecked Sendable {
    private var storage: [[Double]]
    private let lock = NSLock()

    init(count: Int) { storage = Array(repeating: [], count: count) }

    func set(_ index: Int, _ value: [Double]) {
        lock.withLock { storage[index] = value }
    }

    func get(_ index: Int) -> [Double] { lock.withLock { storage[index] } }
}
