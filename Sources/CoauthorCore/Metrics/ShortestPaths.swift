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

/// One adjacency slot as the search kernels read it: the edge's length and the neighbour.
struct PathSlot: Sendable {
    var length: Double
    var target: Int32
}

/// The adjacency slots of a `PathGraph` as the search kernels read them: per slot the
/// neighbour and the index of the edge's length in a table of the distinct lengths, packed
/// in one 32-bit word (neighbour in the low 24 bits, index in the high 8) when the graph has
/// at most 2^24 nodes and 256 distinct lengths, else in one 64-bit word (neighbour in the low half).
///
/// Co-authorship weights take few distinct values (joint-paper counts, or fractions of small
/// team sizes), so the table stays in the nearest caches while the slots, a quarter of the size
/// of a length and a neighbour side by side, are what a search streams through: this shrinks
/// the search working set enough for two searches to share a processor's last-level cache
/// (two MPI ranks or threads). On 2,048 sources of dblp-2016-topvenues, one rank against two:
/// 16-byte slots 31.3 s and 20.4 s; 8-byte 24.0 s and 14.2 s; 4-byte 25.0 s and 13.5 s (with
/// fixed shifts; a variable split of the 32 bits measured 20% slower; BENCHMARKS.md).
struct PathSlots {
    let narrow: UnsafePointer<UInt32>?
    let wide: UnsafePointer<UInt64>
    let lengths: UnsafePointer<Double>

    @inline(__always) subscript(slot: Int) -> PathSlot {
        if let narrow {
            let word = narrow[slot]
            return PathSlot(length: lengths[Int(truncatingIfNeeded: word &>> 24)],
                            target: Int32(truncatingIfNeeded: word & 0xFF_FFFF))
        }
        let word = wide[slot]
        return PathSlot(length: lengths[Int(truncatingIfNeeded: word &>> 32)], target: Int32(truncatingIfNeeded: word))
    }
}

/// The adjacency of a graph laid out for the shortest-path kernels: per slot,
/// the neighbour and the length (distance 1/w) of the edge, packed (see `PathSlots`).
struct PathGraph: Sendable {
    let nodeCount: Int
    let offsets: [Int]
    /// The slots in 32-bit words when neighbour and length index fit, else empty.
    let narrow: [UInt32]
    /// The slots in 64-bit words when they do not fit in 32 bits, else a single sentinel.
    let wide: [UInt64]
    /// The distinct edge lengths, in order of first appearance by edge id.
    let lengths: [Double]
    /// The id of each original node in this layout (identity unless renumbered).
    let newID: [Int32]

    /// The graph as it is numbered.
    init(_ graph: WeightedGraph) {
        self.init(graph, order: nil)
    }

    /// The graph renumbered in breadth-first order from each component's best-connected author,
    /// so that authors close in the network sit close in memory: on large graphs most of a
    /// search's time goes to cache misses, and this ordering roughly halves them.
    /// - Complexity: O(n + m).
    /// - Parameter allowsNarrow: false forces the 8-byte packing (for tests of both).
    init(localityOrdered graph: WeightedGraph, allowsNarrow: Bool = true) {
        self.init(graph, order: breadthFirstOrder(graph), allowsNarrow: allowsNarrow)
    }

    /// - Complexity: O(n + m) expected (a hash of the distinct lengths).
    private init(_ graph: WeightedGraph, order renumbering: (order: [Int32], newID: [Int32])?, allowsNarrow: Bool = true) {
        let n = graph.nodeCount
        let (lengths, lengthIndex) = Self.distinctLengths(graph)
        let newID = renumbering?.newID ?? (0..<n).map { Int32($0) }
        let fitsNarrow = allowsNarrow && Self.slotBytes(nodeCount: n, distinctLengths: lengths.count) == 4
        var offsets = [Int](repeating: 0, count: n + 1)
        // One sentinel slot keeps each buffer non-empty, so its base address always exists.
        var narrow = [UInt32](repeating: 0, count: fitsNarrow ? graph.neighbors.count + 1 : 0)
        var wide = [UInt64](repeating: 0, count: fitsNarrow ? 1 : graph.neighbors.count + 1)
        var k = 0
        for position in 0..<n {
            let old = renumbering.map { Int($0.order[position]) } ?? position
            for slot in graph.slots(old) {
                let target = UInt32(bitPattern: newID[Int(graph.neighbors[slot])])
                let index = lengthIndex[Int(graph.edgeIDs[slot])]
                if fitsNarrow {
                    narrow[k] = index &<< 24 | target
                } else {
                    wide[k] = UInt64(index) &<< 32 | UInt64(target)
                }
                k += 1
            }
            offsets[position + 1] = k
        }
        self.nodeCount = n
        self.offsets = offsets
        self.narrow = narrow
        self.wide = wide
        self.lengths = lengths.isEmpty ? [0] : lengths
        self.newID = newID
    }

    /// The distinct edge lengths (1/weight) in order of first appearance by edge id, and each edge's
    /// index among them.
    /// - Complexity: O(m) expected.
    static func distinctLengths(_ graph: WeightedGraph) -> (lengths: [Double], indexOfEdge: [UInt32]) {
        var lengths: [Double] = []
        var indexOf: [UInt64: UInt32] = [:]
        let indexOfEdge = graph.weight.map { weight -> UInt32 in
            let length = 1 / weight
            if let known = indexOf[length.bitPattern] { return known }
            let index = UInt32(lengths.count)
            indexOf[length.bitPattern] = index
            lengths.append(length)
            return index
        }
        return (lengths, indexOfEdge)
    }

    /// Bytes per slot of the layout of a graph with `nodeCount` nodes and `distinctLengths` distinct
    /// edge lengths: 4 when the neighbour fits in 24 bits and the length index in 8, else 8.
    static func slotBytes(nodeCount: Int, distinctLengths: Int) -> Int {
        nodeCount <= 1 << 24 && distinctLengths <= 1 << 8 ? 4 : 8
    }

    /// Calls `body` with the offsets and the slots as the kernels read them.
    func withSlots<Result>(_ body: (UnsafePointer<Int>, PathSlots) throws -> Result) rethrows -> Result {
        try offsets.withUnsafeBufferPointer { offsets in
            try narrow.withUnsafeBufferPointer { narrow in
                try wide.withUnsafeBufferPointer { wide in
                    try lengths.withUnsafeBufferPointer { lengths in
                        try body(offsets.baseAddress!, PathSlots(narrow: narrow.isEmpty ? nil : narrow.baseAddress,
                                                                 wide: wide.baseAddress!,
                                                                 lengths: lengths.baseAddress!))
                    }
                }
            }
        }
    }
}

/// The nodes in breadth-first order, each component started from its highest-degree
/// node (the lowest id among equals), components by that degree: authors close in the
/// network end up close in the order.
/// - Returns: the order, and each node's position in it.
/// - Complexity: O(n + m).
func breadthFirstOrder(_ graph: WeightedGraph) -> (order: [Int32], newID: [Int32]) {
    let n = graph.nodeCount
    var newID = [Int32](repeating: -1, count: n)
    var order: [Int32] = []
    order.reserveCapacity(n)
    // Starts by descending degree, ascending id among equal degrees (a counting sort).
    var maxDegree = 0
    for v in 0..<n { maxDegree = max(maxDegree, graph.degree(v)) }
    var bucketStart = [Int](repeating: 0, count: maxDegree + 2)
    for v in 0..<n { bucketStart[maxDegree - graph.degree(v) + 1] += 1 }
    for d in 0...maxDegree { bucketStart[d + 1] += bucketStart[d] }
    var starts = [Int32](repeating: 0, count: n)
    for v in 0..<n {
        let bucket = maxDegree - graph.degree(v)
        starts[bucketStart[bucket]] = Int32(v)
        bucketStart[bucket] += 1
    }
    for start32 in starts where newID[Int(start32)] < 0 {
        var head = order.count
        newID[Int(start32)] = Int32(order.count)
        order.append(start32)
        while head < order.count {
            let v = Int(order[head])
            head += 1
            for slot in graph.slots(v) where newID[Int(graph.neighbors[slot])] < 0 {
                newID[Int(graph.neighbors[slot])] = Int32(order.count)
                order.append(graph.neighbors[slot])
            }
        }
    }
    return (order, newID)
}

/// One pending search entry: a tentative distance and the node it belongs to.
struct HeapEntry {
    var key: Double
    var node: Int32
}

/// A monotone priority queue for non-negative `Double` keys (a radix heap: R. K. Ahuja,
/// K. Mehlhorn, J. B. Orlin and R. E. Tarjan, "Faster algorithms for the shortest path
/// problem", J. ACM 37(2), 1990, doi:10.1145/77600.77615).
///
/// Dijkstra only ever pushes keys at least as large as the last one popped, and the bit
/// patterns of non-negative doubles sort like their values, so an entry can wait in the
/// bucket of the highest bit where its key differs from the last popped key. A push is an
/// append; a pop takes from bucket 0 (keys equal to the last) or, when that is empty,
/// spreads the lowest non-empty bucket over the buckets below it. Entries move only
/// downwards, at most 64 times, and every step is a sequential scan, where a binary
/// heap's sifts jump around memory and mispredict branches.
/// - Complexity: O(1) push, O(log C) amortized pop for keys spanning C bit patterns.
final class RadixHeap {
    /// Bucket 0 holds keys equal to `last`; bucket b ≥ 1 keys whose highest bit differing from `last` is bit b − 1.
    private let buckets: UnsafeMutablePointer<UnsafeMutablePointer<HeapEntry>>
    private let counts: UnsafeMutablePointer<Int>
    private let capacities: UnsafeMutablePointer<Int>
    /// Bit b − 1 set when bucket b ≥ 1 is non-empty.
    private var occupied: UInt64 = 0
    private var last: UInt64 = 0

    init() {
        buckets = .allocate(capacity: 65)
        counts = .allocate(capacity: 65)
        capacities = .allocate(capacity: 65)
        for b in 0..<65 {
            buckets[b] = .allocate(capacity: 16)
            counts[b] = 0
            capacities[b] = 16
        }
    }

    deinit {
        for b in 0..<65 { buckets[b].deallocate() }
        buckets.deallocate()
        counts.deallocate()
        capacities.deallocate()
    }

    var isEmpty: Bool { counts[0] == 0 && occupied == 0 }

    func reset() {
        for b in 0..<65 { counts[b] = 0 }
        occupied = 0
        last = 0
    }

    @inline(__always) private func bucket(of key: UInt64) -> Int {
        key == last ? 0 : 64 &- (key ^ last).leadingZeroBitCount
    }

    @inline(__always) private func append(_ entry: HeapEntry, to b: Int) {
        let count = counts[b]
        if count == capacities[b] { grow(b) }
        buckets[b][count] = entry
        counts[b] = count &+ 1
        if b > 0 { occupied |= 1 &<< UInt64(b &- 1) }
    }

    private func grow(_ b: Int) {
        let count = counts[b]
        let grown = UnsafeMutablePointer<HeapEntry>.allocate(capacity: 2 * count)
        grown.moveInitialize(from: buckets[b], count: count)
        buckets[b].deallocate()
        buckets[b] = grown
        capacities[b] = 2 * count
    }

    /// Adds an entry; its key must not be below the last popped key.
    /// Adds an entry.
    /// - Precondition: its key is not below the last key popped (the monotone property
    ///   Dijkstra's non-negative distances give).
    @inline(__always) func push(_ entry: HeapEntry) {
        append(entry, to: bucket(of: entry.key.bitPattern))
    }

    /// Removes an entry with the smallest key.
    /// - Precondition: not empty (checked in debug builds: this is the innermost loop of every
    ///   path search, and `RadixHeapTests` pops only what it pushed).
    @inline(__always) func pop() -> HeapEntry {
        assert(!isEmpty, "pop from an empty radix heap")
        if counts[0] == 0 {
            let b = occupied.trailingZeroBitCount &+ 1
            let source = buckets[b]
            let count = counts[b]
            var smallest = source[0].key.bitPattern
            var k = 1
            while k < count {
                smallest = min(smallest, source[k].key.bitPattern)
                k &+= 1
            }
            last = smallest
            counts[b] = 0
            occupied &= ~(1 &<< UInt64(b &- 1))
            // Every entry lands in a lower bucket, never back in b, so `source` stays valid.
            k = 0
            while k < count {
                append(source[k], to: bucket(of: source[k].key.bitPattern))
                k &+= 1
            }
        }
        let count = counts[0] &- 1
        counts[0] = count
        return buckets[0][count]
    }
}

/// Single-source shortest paths on edge lengths (Dijkstra), keeping what
/// Brandes' accumulation needs: settle order, path counts, distances.
///
/// One instance per worker thread. Its buffers are allocated once (the queue's
/// buckets grow to their peak and stay) and reset only where the previous search
/// touched them, so a run over all sources costs O(n + m) memory per worker and
/// no allocation per source once warm. Each per-node
/// quantity has its own dense array: most relaxations read only the distance,
/// and with the locality ordering of `PathGraph` a cache line of distances
/// serves several neighbours (one record per node holding every field measured
/// about twice as slow on dblp-2016-topvenues).
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
    /// The pending entries, with lazy deletion (a stale entry is skipped when it comes out).
    private let queue = RadixHeap()

    init(nodeCount: Int) {
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
    }

    deinit {
        distance.deallocate()
        sigma.deallocate()
        delta.deallocate()
        settled.deallocate()
        order.deallocate()
        touched.deallocate()
    }

    /// Runs Dijkstra from `source`. Lengths within `pathLengthTolerance` of each
    /// other count as equal, so their shortest-path counts add up.
    /// - Complexity: O((n + m) log n).
    /// With `stopAt`, the search ends once that node is settled: its distance and path count are final then.
    func run(from source: Int, offsets: UnsafePointer<Int>, slots: PathSlots, stopAt: Int = -1) {
        start(at: source, countingPaths: true)
        while let (d, v) = settleNext() {
            if v == stopAt { break }
            let sigmaV = sigma[v]
            var slot = offsets[v]
            let end = offsets[v &+ 1]
            while slot < end {
                let tie = slots[slot]
                let w = Int(tie.target)
                let candidate = d + tie.length
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
                    queue.push(HeapEntry(key: candidate, node: Int32(truncatingIfNeeded: w)))
                } else {
                    sigma[w] += sigmaV
                }
            }
        }
    }

    /// `run(from:offsets:slots:)` for distances alone (closeness, harmonic): the same settle
    /// order and the same distances, bit for bit (a length replaces a tentative one only when
    /// shorter beyond the tolerance, as in `run`), without counting shortest paths.
    ///
    /// Deliberately a near-copy of `run`'s relaxation loop: this is the innermost loop of every
    /// closeness and harmonic computation, and a shared loop with a path-counting flag in it
    /// measured slower on both.
    /// - Complexity: O((n + m) log n).
    func runDistances(from source: Int, offsets: UnsafePointer<Int>, slots: PathSlots) {
        start(at: source, countingPaths: false)
        while let (d, v) = settleNext() {
            var slot = offsets[v]
            let end = offsets[v &+ 1]
            while slot < end {
                let tie = slots[slot]
                let w = Int(tie.target)
                let candidate = d + tie.length
                slot &+= 1
                let current = distance[w]
                if current == .infinity {
                    touched[touchedCount] = Int32(truncatingIfNeeded: w)
                    touchedCount &+= 1
                } else if candidate >= current - pathLengthTolerance * current || settled[w] {
                    continue
                }
                distance[w] = candidate
                queue.push(HeapEntry(key: candidate, node: Int32(truncatingIfNeeded: w)))
            }
        }
    }

    /// Resets what the previous search touched (after an early stop, more than it settled) and
    /// queues `source`.
    @inline(__always) private func start(at source: Int, countingPaths: Bool) {
        for k in 0..<touchedCount {
            let v = Int(touched[k])
            distance[v] = .infinity
            if countingPaths { sigma[v] = 0 }
            settled[v] = false
        }
        touched[0] = Int32(truncatingIfNeeded: source)
        touchedCount = 1
        reached = 0
        distance[source] = 0
        if countingPaths { sigma[source] = 1 }
        queue.reset()
        queue.push(HeapEntry(key: 0, node: Int32(truncatingIfNeeded: source)))
    }

    /// Settles the next node off the queue (stale entries skipped) and returns it with its distance.
    @inline(__always) private func settleNext() -> (Double, Int)? {
        while !queue.isEmpty {
            let entry = queue.pop()
            let v = Int(entry.node)
            if settled[v] || entry.key > distance[v] { continue }
            settled[v] = true
            order[reached] = Int32(truncatingIfNeeded: v)
            reached &+= 1
            return (entry.key, v)
        }
        return nil
    }

    /// Brandes' back-propagation of pair dependencies over the settle order of the last run,
    /// adding each node's dependency, times `multiplicity` (how many sources this one stands for), to `betweenness`.
    /// Each target w counts `targetWeight[w]` times (the authors it stands for).
    /// - Complexity: O(n + m).
    func accumulate(source: Int, multiplicity: Double, offsets: UnsafePointer<Int>, slots: PathSlots,
                    targetWeight: UnsafePointer<Double>, into betweenness: UnsafeMutablePointer<Double>) {
        var k = reached &- 1
        while k >= 0 {
            let w = Int(order[k])
            let dw = distance[w]
            let deltaW = delta[w]
            let coefficient = (targetWeight[w] + deltaW) / sigma[w]
            // v precedes w when d(v) + length = d(w) within the tolerance, i.e. d(v) < d(w) and
            // d(w) − length lies within d(w)·tolerance of d(v) (the same test `run` applied).
            var slot = offsets[w]
            let end = offsets[w &+ 1]
            while slot < end {
                let tie = slots[slot]
                let v = Int(tie.target)
                let dv = distance[v]
                if dv < dw && ties(dv + tie.length, dw) {
                    delta[v] += sigma[v] * coefficient
                }
                slot &+= 1
            }
            if w != source { betweenness[w] += multiplicity * deltaW }
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

/// Betweenness (raw, both directions), closeness and harmonic: betweenness over the blocks
/// of the graph (`shatteredBetweenness`), closeness and harmonic from one Dijkstra per
/// source over the whole graph (`distanceSums`).
/// - Complexity: see the two passes.
func pathMetrics(_ graph: WeightedGraph, _ request: PathMetricRequest, progress: ProgressHandler? = nil) -> (betweenness: [Double], closeness: [Double], harmonic: [Double]) {
    let betweenness = request.contains(.betweenness) ? shatteredBetweenness(graph, progress: progress).values : []
    guard request.contains(.closeness) || request.contains(.harmonic) else { return (betweenness, [], []) }
    let (closeness, harmonic) = distanceSums(graph, harmonic: request.contains(.harmonic), progress: progress)
    return (betweenness, request.contains(.closeness) ? closeness : [], request.contains(.harmonic) ? harmonic : [])
}

/// The searches `distanceSums` makes: one from each twin class's representative that is not a
/// folded leaf (a leaf whose co-author has others), with the classes, each author's folded
/// leaves and which authors are folded leaves. (`PathMetricBudget` counts them too.)
/// - Complexity: O(n + m).
func distanceSumSources(_ graph: WeightedGraph) -> (twins: TwinClasses, leavesOf: [[Int32]], isFoldedLeaf: [Bool], sources: [Int]) {
    let n = graph.nodeCount
    let twins = TwinClasses(graph)
    var leavesOf = [[Int32]](repeating: [], count: n)
    var isFoldedLeaf = [Bool](repeating: false, count: n)
    for v in 0..<n where graph.degree(v) == 1 {
        let hub = Int(graph.neighbors[graph.offsets[v]])
        if graph.degree(hub) > 1 {
            leavesOf[hub].append(Int32(v))
            isFoldedLeaf[v] = true
        }
    }
    return (twins, leavesOf, isFoldedLeaf, twins.representatives.filter { !isFoldedLeaf[$0] })
}

/// Closeness and harmonic centrality from one Dijkstra per source, sources split over all
/// cores in fixed chunks.
///
/// Two reductions keep the number of searches down without changing any value
/// (Sariyüce et al., SDM 2013): twins (see `TwinClasses`) share their distances,
/// so one search stands for the whole class; and an author with a single co-author u
/// (a leaf, u having others) sees the graph exactly as u does one step further away,
/// so the leaf's distance sums follow from u's distances.
/// Without `harmonic` the harmonic sums are left at 0 (they cost a division per node reached,
/// and a pass over the reached nodes per folded leaf).
/// - Complexity: O(r·(m + n log n)) time for r searched sources; O(n + m) memory per worker plus O(n) per chunk.
func distanceSums(_ graph: WeightedGraph, harmonic wantsHarmonic: Bool = true,
                  progress: ProgressHandler? = nil) -> (closeness: [Double], harmonic: [Double]) {
    let n = graph.nodeCount
    guard n > 0 else { return ([], []) }
    let paths = PathGraph(localityOrdered: graph)
    let newID = paths.newID
    let (twins, leaves, isFoldedLeaf, sources) = distanceSumSources(graph)
    let counter = ProgressCounter(phase: "closeness, harmonic", total: sources.count, handler: progress)
    // Per block: (node, closeness, harmonic) triples; folded into closeness then harmonic per node.
    let sums = distributedBlocks(count: sources.count, blockSize: sourceBlockSize(for: sources.count),
                                 phase: wantsHarmonic ? "closeness-harmonic" : "closeness", graph: graph,
                                 initial: [Double](repeating: 0, count: 2 * n), body: { chunk in
        defer { counter.advance(by: chunk.count) }
        let worker = ShortestPathWorker(nodeCount: n)
        // (node, closeness, harmonic) triples for the sources and their leaves.
        var perNode: [Double] = []
        perNode.reserveCapacity(3 * chunk.count)
        paths.withSlots { offsets, slots in
            for index in chunk {
                let original = sources[index]
                let s = Int(newID[original])
                worker.runDistances(from: s, offsets: offsets, slots: slots)
                let reached = worker.reached
                var total = 0.0, inverse = 0.0
                if wantsHarmonic {
                    for k in 1..<max(1, reached) {
                        let d = worker.distance[Int(worker.order[k])]
                        total += d
                        inverse += 1 / d
                    }
                } else {
                    for k in 1..<max(1, reached) { total += worker.distance[Int(worker.order[k])] }
                }
                let others = Double(reached - 1)
                let scale = others / Double(max(1, n - 1))
                perNode.append(Double(original))
                perNode.append(total > 0 ? others / total * scale : 0)
                perNode.append(inverse)
                for leaf32 in leaves[original] {
                    let leaf = Int(newID[Int(leaf32)])
                    let step = worker.distance[leaf]
                    var leafInverse = 1 / step
                    if wantsHarmonic {
                        for k in 1..<reached {
                            let t = Int(worker.order[k])
                            if t != leaf { leafInverse += 1 / (step + worker.distance[t]) }
                        }
                    }
                    let leafTotal = total + Double(reached - 2) * step
                    perNode.append(Double(leaf32))
                    perNode.append(others / leafTotal * scale)
                    perNode.append(leafInverse)
                }
            }
        }
        return perNode
    }, fold: { total, partial in
        var k = 0
        while k < partial.count {
            let v = Int(partial[k])
            total[v] = partial[k + 1]
            total[n + v] = partial[k + 2]
            k += 3
        }
    })
    var closenessOf = Array(sums[0..<n])
    var harmonicOf = Array(sums[n...])
    // Twins that were not searched take their representative's values.
    for v in 0..<n where !isFoldedLeaf[v] && twins.representativeOf[v] != v {
        closenessOf[v] = closenessOf[twins.representativeOf[v]]
        harmonicOf[v] = harmonicOf[twins.representativeOf[v]]
    }
    return (closenessOf, harmonicOf)
}

/// Runs `body` over `0..<count` in fixed chunks spread over all cores and
/// returns the per-chunk results in chunk order. Chunk boundaries depend only
/// on `count`, never on the number of threads, so combining the results in
/// order gives the same answer on any machine.
func parallelChunks(count: Int, chunkSize fixedSize: Int? = nil, body: @Sendable (Range<Int>) -> [Double]) -> [[Double]] {
    guard count > 0 else { return [] }
    let chunkSize = fixedSize ?? chunkSize(for: count)
    let chunks = (count + chunkSize - 1) / chunkSize
    return parallelRuns(chunks) { chunk in
        body((chunk * chunkSize)..<min(count, (chunk + 1) * chunkSize))
    }
}

/// Items per chunk: enough chunks to balance two or more cores, few enough to keep partial vectors cheap.
func chunkSize(for count: Int) -> Int { max(16, count / 64) }
