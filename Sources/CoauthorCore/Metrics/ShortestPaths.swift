import Dispatch
import Foundation

/// Relative tolerance under which two path lengths are taken as equal, as igraph
/// does, so that equal-length paths are not lost to floating-point rounding
/// (1/3 + 1/3 + 1/3 vs 1).
let pathLengthTolerance = 1e-10

/// Whether a path of length `candidate` ties with the shortest known length `distance`
/// (both non-negative). Dijkstra's relaxation and Brandes' accumulation use this same test,
/// so the paths counted in σ are exactly the predecessors found afterwards.
@inline(__always) func ties(_ candidate: Double, _ distance: Double) -> Bool {
    abs(candidate - distance) <= pathLengthTolerance * distance
}

/// The adjacency of a graph laid out for the shortest-path kernels: per slot,
/// the neighbour and the length (distance 1/w) of the edge, so the inner loop
/// reads two parallel arrays and nothing else.
struct PathGraph: Sendable {
    let nodeCount: Int
    let offsets: [Int]
    let targets: [Int32]
    let lengths: [Double]
    /// The id of each original node in this layout (identity unless renumbered).
    let newID: [Int32]

    /// The graph as it is numbered.
    init(_ graph: WeightedGraph) {
        nodeCount = graph.nodeCount
        offsets = graph.offsets
        // One sentinel slot keeps the buffers non-empty, so their base addresses always exist.
        targets = graph.neighbors + [0]
        lengths = graph.edgeIDs.map { 1 / graph.weight[Int($0)] } + [0]
        newID = (0..<graph.nodeCount).map { Int32($0) }
    }

    /// The graph renumbered in breadth-first order from each component's best-connected author,
    /// so that authors close in the network sit close in memory: on large graphs most of a
    /// search's time goes to cache misses, and this ordering roughly halves them.
    /// - Complexity: O(n + m).
    init(localityOrdered graph: WeightedGraph) {
        let n = graph.nodeCount
        var newID = [Int32](repeating: -1, count: n)
        var order: [Int32] = []
        order.reserveCapacity(n)
        let starts = (0..<n).sorted { graph.degree($0) != graph.degree($1) ? graph.degree($0) > graph.degree($1) : $0 < $1 }
        for start in starts where newID[start] < 0 {
            var head = order.count
            newID[start] = Int32(order.count)
            order.append(Int32(start))
            while head < order.count {
                let v = Int(order[head])
                head += 1
                for slot in graph.slots(v) where newID[Int(graph.neighbors[slot])] < 0 {
                    let w = Int(graph.neighbors[slot])
                    newID[w] = Int32(order.count)
                    order.append(Int32(w))
                }
            }
        }
        var offsets = [Int](repeating: 0, count: n + 1)
        var targets = [Int32](repeating: 0, count: graph.neighbors.count + 1)
        var lengths = [Double](repeating: 0, count: graph.neighbors.count + 1)
        for (position, old32) in order.enumerated() {
            let old = Int(old32)
            var k = offsets[position]
            for slot in graph.slots(old) {
                targets[k] = newID[Int(graph.neighbors[slot])]
                lengths[k] = 1 / graph.weight[Int(graph.edgeIDs[slot])]
                k += 1
            }
            offsets[position + 1] = k
        }
        self.nodeCount = n
        self.offsets = offsets
        self.targets = targets
        self.lengths = lengths
        self.newID = newID
    }
}

/// Single-source shortest paths on edge lengths (Dijkstra), keeping what
/// Brandes' accumulation needs: settle order, path counts, distances.
///
/// One instance per worker thread. Its buffers are allocated once and reset
/// only where the previous search touched them, so a run over all sources
/// costs O(n) memory per worker and no allocation per source.
final class ShortestPathWorker {
    let nodeCount: Int
    let distance: UnsafeMutablePointer<Double>
    let sigma: UnsafeMutablePointer<Double>
    let delta: UnsafeMutablePointer<Double>
    let settled: UnsafeMutablePointer<Bool>
    /// Reached nodes in the order they were settled (non-decreasing distance).
    let order: UnsafeMutablePointer<Int32>
    private(set) var reached = 0
    private let touched: UnsafeMutablePointer<Int32>
    private var touchedCount = 0
    private let heapKeys: UnsafeMutablePointer<Double>
    private let heapNodes: UnsafeMutablePointer<Int32>

    init(nodeCount: Int, slotCount: Int) {
        self.nodeCount = nodeCount
        distance = .allocate(capacity: max(1, nodeCount))
        distance.initialize(repeating: .infinity, count: nodeCount)
        sigma = .allocate(capacity: max(1, nodeCount))
        sigma.initialize(repeating: 0, count: nodeCount)
        delta = .allocate(capacity: max(1, nodeCount))
        delta.initialize(repeating: 0, count: nodeCount)
        settled = .allocate(capacity: max(1, nodeCount))
        settled.initialize(repeating: false, count: nodeCount)
        order = .allocate(capacity: max(1, nodeCount))
        touched = .allocate(capacity: max(1, nodeCount))
        // Lazy deletion: one push per improvement, at most one per slot plus the source.
        heapKeys = .allocate(capacity: slotCount + 1)
        heapNodes = .allocate(capacity: slotCount + 1)
    }

    deinit {
        distance.deallocate()
        sigma.deallocate()
        delta.deallocate()
        settled.deallocate()
        order.deallocate()
        touched.deallocate()
        heapKeys.deallocate()
        heapNodes.deallocate()
    }

    /// Runs Dijkstra from `source`. Lengths within `pathLengthTolerance` of each
    /// other count as equal, so their shortest-path counts add up.
    /// - Complexity: O((n + m) log n).
    /// With `stopAt`, the search ends once that node is settled: its distance and path count are final then.
    func run(from source: Int, offsets: UnsafePointer<Int>, targets: UnsafePointer<Int32>, lengths: UnsafePointer<Double>, stopAt: Int = -1) {
        // Reset what the previous search touched (after an early stop, more than it settled).
        for k in 0..<touchedCount {
            let v = Int(touched[k])
            distance[v] = .infinity
            sigma[v] = 0
            settled[v] = false
        }
        touched[0] = Int32(truncatingIfNeeded: source)
        touchedCount = 1
        reached = 0
        var heapCount = 0
        distance[source] = 0
        sigma[source] = 1
        heapKeys[0] = 0
        heapNodes[0] = Int32(source)
        heapCount = 1
        while heapCount > 0 {
            let d = heapKeys[0]
            let v = Int(heapNodes[0])
            heapCount &-= 1
            if heapCount > 0 { siftDown(key: heapKeys[heapCount], node: heapNodes[heapCount], count: heapCount) }
            if settled[v] || d > distance[v] { continue }
            settled[v] = true
            order[reached] = Int32(truncatingIfNeeded: v)
            reached &+= 1
            if v == stopAt { break }
            let sigmaV = sigma[v]
            var slot = offsets[v]
            let end = offsets[v &+ 1]
            while slot < end {
                let w = Int(targets[slot])
                let candidate = d + lengths[slot]
                slot &+= 1
                let current = distance[w]
                // Most relaxations find a longer path: one comparison rejects them.
                if candidate > current + pathLengthTolerance * current { continue }
                if settled[w] { continue }
                if current == .infinity {
                    touched[touchedCount] = Int32(truncatingIfNeeded: w)
                    touchedCount &+= 1
                }
                if current == .infinity || candidate < current - pathLengthTolerance * current {
                    distance[w] = candidate
                    sigma[w] = sigmaV
                    siftUp(key: candidate, node: Int32(truncatingIfNeeded: w), at: heapCount)
                    heapCount &+= 1
                } else {
                    sigma[w] += sigmaV
                }
            }
        }
    }

    @inline(__always) private func siftUp(key: Double, node: Int32, at start: Int) {
        var child = start
        while child > 0 {
            let parent = (child &- 1) >> 1
            if heapKeys[parent] <= key { break }
            heapKeys[child] = heapKeys[parent]
            heapNodes[child] = heapNodes[parent]
            child = parent
        }
        heapKeys[child] = key
        heapNodes[child] = node
    }

    @inline(__always) private func siftDown(key: Double, node: Int32, count: Int) {
        var parent = 0
        while true {
            var child = 2 &* parent &+ 1
            if child >= count { break }
            if child &+ 1 < count, heapKeys[child &+ 1] < heapKeys[child] { child &+= 1 }
            if heapKeys[child] >= key { break }
            heapKeys[parent] = heapKeys[child]
            heapNodes[parent] = heapNodes[child]
            parent = child
        }
        heapKeys[parent] = key
        heapNodes[parent] = node
    }

    /// Brandes' back-propagation of pair dependencies over the settle order of the last run,
    /// adding each node's dependency, times `multiplicity` (the source's twin-class size), to `betweenness`.
    /// - Complexity: O(n + m).
    func accumulate(source: Int, multiplicity: Double, offsets: UnsafePointer<Int>, targets: UnsafePointer<Int32>, lengths: UnsafePointer<Double>,
                    into betweenness: UnsafeMutablePointer<Double>) {
        var k = reached &- 1
        while k >= 0 {
            let w = Int(order[k])
            let dw = distance[w]
            let coefficient = (1 + delta[w]) / sigma[w]
            // v precedes w when d(v) + length = d(w) within the tolerance, i.e. d(v) < d(w) and
            // d(w) − length lies within d(w)·tolerance of d(v) (the same test `run` applied).
            var slot = offsets[w]
            let end = offsets[w &+ 1]
            while slot < end {
                let v = Int(targets[slot])
                let dv = distance[v]
                if dv < dw && ties(dv + lengths[slot], dw) {
                    delta[v] += sigma[v] * coefficient
                }
                slot &+= 1
            }
            if w != source { betweenness[w] += multiplicity * delta[w] }
            k &-= 1
        }
        for k in 0..<reached { delta[Int(order[k])] = 0 }
    }
}

/// Which path-based metrics one pass over all sources should produce.
struct PathMetricRequest: OptionSet, Sendable {
    let rawValue: Int
    static let betweenness = PathMetricRequest(rawValue: 1)
    static let closeness = PathMetricRequest(rawValue: 2)
    static let harmonic = PathMetricRequest(rawValue: 4)
}

/// Betweenness (raw, both directions), closeness and harmonic from one Dijkstra per source,
/// sources split over all cores in fixed chunks.
///
/// Two reductions keep the number of searches down without changing any value
/// (Sariyüce et al., SDM 2013): twins (see `TwinClasses`) share their distances and
/// dependencies, so one search stands for the whole class; and an author with a
/// single co-author u (a leaf, u having others) sees the graph exactly as u does one
/// step further away, so u's search serves the leaf: its dependencies count once
/// more, u gains the leaf's r − 2 paths to everyone else, and the leaf's distance
/// sums follow from u's distances.
/// - Complexity: O(r·m + r·n log n) time for r searched sources; O(n + m) memory per worker plus O(n) per chunk.
func pathMetrics(_ graph: WeightedGraph, _ request: PathMetricRequest, progress: ProgressHandler? = nil) -> (betweenness: [Double], closeness: [Double], harmonic: [Double]) {
    let n = graph.nodeCount
    guard n > 0 else { return ([], [], []) }
    let paths = PathGraph(localityOrdered: graph)
    let newID = paths.newID
    let twins = TwinClasses(graph)
    // Leaves whose co-author has other co-authors, grouped by that co-author.
    var leavesOf = [[Int32]](repeating: [], count: n)
    var isFoldedLeaf = [Bool](repeating: false, count: n)
    for v in 0..<n where graph.degree(v) == 1 {
        let hub = Int(graph.neighbors[graph.offsets[v]])
        if graph.degree(hub) > 1 {
            leavesOf[hub].append(Int32(v))
            isFoldedLeaf[v] = true
        }
    }
    let leaves = leavesOf
    var classSize = [Int](repeating: 1, count: n)
    for (representative, size) in zip(twins.representatives, twins.sizes) { classSize[representative] = size }
    let sources = twins.representatives.filter { !isFoldedLeaf[$0] }
    let multiplicity = sources.map { Double(classSize[$0]) }
    let wantsBetweenness = request.contains(.betweenness)
    let phase = [request.contains(.betweenness) ? "betweenness" : nil, request.contains(.closeness) ? "closeness" : nil,
                 request.contains(.harmonic) ? "harmonic" : nil].compactMap { $0 }.joined(separator: ", ")
    let counter = ProgressCounter(phase: phase, total: sources.count, handler: progress)
    let partials = parallelChunks(count: sources.count) { chunk in
        defer { counter.advance(by: chunk.count) }
        let worker = ShortestPathWorker(nodeCount: n, slotCount: paths.targets.count)
        // One spare slot keeps the base address non-nil when betweenness is not wanted.
        var betweenness = [Double](repeating: 0, count: wantsBetweenness ? n : 1)
        // (node, closeness, harmonic) triples for the sources and their leaves.
        var perNode: [Double] = []
        perNode.reserveCapacity(3 * chunk.count)
        paths.offsets.withUnsafeBufferPointer { offsets in
            paths.targets.withUnsafeBufferPointer { targets in
                paths.lengths.withUnsafeBufferPointer { lengths in
                    betweenness.withUnsafeMutableBufferPointer { bc in
                        for index in chunk {
                            let original = sources[index]
                            let s = Int(newID[original])
                            worker.run(from: s, offsets: offsets.baseAddress!, targets: targets.baseAddress!, lengths: lengths.baseAddress!)
                            let reached = worker.reached
                            let hangers = leaves[original]
                            if wantsBetweenness {
                                worker.accumulate(source: s, multiplicity: multiplicity[index] + Double(hangers.count),
                                                  offsets: offsets.baseAddress!, targets: targets.baseAddress!,
                                                  lengths: lengths.baseAddress!, into: bc.baseAddress!)
                                bc[s] += Double(hangers.count) * Double(reached - 2)
                            }
                            var total = 0.0, inverse = 0.0
                            for k in 1..<max(1, reached) {
                                let d = worker.distance[Int(worker.order[k])]
                                total += d
                                inverse += 1 / d
                            }
                            let others = Double(reached - 1)
                            let scale = others / Double(max(1, n - 1))
                            perNode += [Double(original), total > 0 ? others / total * scale : 0, inverse]
                            for leaf32 in hangers {
                                let leaf = Int(newID[Int(leaf32)])
                                let step = worker.distance[leaf]
                                var leafInverse = 1 / step
                                for k in 1..<reached {
                                    let t = Int(worker.order[k])
                                    if t != leaf { leafInverse += 1 / (step + worker.distance[t]) }
                                }
                                let leafTotal = total + Double(reached - 2) * step
                                perNode += [Double(leaf32), others / leafTotal * scale, leafInverse]
                            }
                        }
                    }
                }
            }
        }
        return (wantsBetweenness ? betweenness : []) + perNode
    }
    var betweenness = [Double](repeating: 0, count: wantsBetweenness ? n : 0)
    var closenessOf = [Double](repeating: 0, count: n)
    var harmonicOf = [Double](repeating: 0, count: n)
    let base = wantsBetweenness ? n : 0
    for partial in partials {
        if wantsBetweenness { for i in 0..<n { betweenness[i] += partial[i] } }
        var k = base
        while k < partial.count {
            let v = Int(partial[k])
            closenessOf[v] = partial[k + 1]
            harmonicOf[v] = partial[k + 2]
            k += 3
        }
    }
    // Betweenness was gathered in the search layout's numbering.
    if wantsBetweenness { betweenness = (0..<n).map { betweenness[Int(newID[$0])] } }
    // Twins that were not searched take their representative's values.
    for v in 0..<n where !isFoldedLeaf[v] && twins.representativeOf[v] != v {
        closenessOf[v] = closenessOf[twins.representativeOf[v]]
        harmonicOf[v] = harmonicOf[twins.representativeOf[v]]
    }
    return (betweenness, request.contains(.closeness) ? closenessOf : [], request.contains(.harmonic) ? harmonicOf : [])
}

/// Runs `body` over `0..<count` in fixed chunks spread over all cores and
/// returns the per-chunk results in chunk order. Chunk boundaries depend only
/// on `count`, never on the number of threads, so combining the results in
/// order gives the same answer on any machine.
func parallelChunks(count: Int, chunkSize fixedSize: Int? = nil, body: @Sendable (Range<Int>) -> [Double]) -> [[Double]] {
    guard count > 0 else { return [] }
    let chunkSize = fixedSize ?? chunkSize(for: count)
    let chunks = (count + chunkSize - 1) / chunkSize
    let partials = PartialResults(count: chunks)
    DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
        let range = (chunk * chunkSize)..<min(count, (chunk + 1) * chunkSize)
        partials.set(chunk, body(range))
    }
    return (0..<chunks).map { partials.get($0) }
}

/// Sources per chunk: enough chunks to balance two or more cores, few enough to keep partial vectors cheap.
func chunkSize(for count: Int) -> Int { max(16, count / 64) }

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
