import Dispatch

/// PageRank on the weighted co-author graph: a random walker follows a tie with
/// probability proportional to its weight (read as a **strength**) and jumps
/// to a uniformly random author with probability 1 − `damping`; authors
/// without ties spread their mass uniformly.
///
/// Power iteration exactly as networkx's `pagerank` (scipy variant): start at
/// 1/n, stop when the L1 change is below n·`tolerance`. Agrees with
/// `nx.pagerank(G, alpha=0.85, weight="weight", tol=1e-12, max_iter=10000)`.
/// (S. Brin and L. Page, "The anatomy of a large-scale hypertextual Web search
/// engine", Computer Networks 30, 1998, doi:10.1016/S0169-7552(98)00110-X.)
///
/// Each iteration pulls along the adjacency (every author's new value is a sum over
/// its own ties, so no two threads write the same place) with the senders' x/strength
/// precomputed; authors are split into fixed ranges of roughly equal slot counts. Each
/// value is rounded exactly as in the serial push loop; only the L1 change (which
/// decides when to stop) is added range by range, in order, so the result does not
/// depend on the number of threads.
///
/// - Complexity: O(m) per iteration, O(n + m) memory.
public func pageRank(_ graph: WeightedGraph, damping: Double = 0.85, tolerance: Double = 1e-12, maxIterations: Int = 10_000) -> [Double] {
    let n = graph.nodeCount
    guard n > 0 else { return [] }
    // Slot weights beside the neighbours: the inner loop reads two arrays in step.
    // (Renumbering the nodes for locality was tried: the builder's numbering, by first
    // appearance in the input, is local enough that the gain did not pay for the setup.)
    let (slotWeight, strength) = slotWeightsAndStrengths(graph, padding: 1)
    let dangling = (0..<n).filter { strength[$0] == 0 }
    let neighbors = graph.neighbors + [0]
    let offsets = graph.offsets
    let uniform = 1 / Double(n)
    let ranges = balancedRanges(offsets: offsets, count: min(n, 16))
    let state = PageRankState(nodeCount: n, ranges: ranges.count)
    defer { state.deallocate() }
    var danglingMass = 0.0
    for v in 0..<n {
        state.x[v] = uniform
        state.scaled[v] = strength[v] > 0 ? uniform / strength[v] : 0
    }
    for _ in dangling { danglingMass += uniform }
    let parallel = graph.neighbors.count >= 200_000
    var result = [Double](repeating: 0, count: n)
    offsets.withUnsafeBufferPointer { offsetBuffer in
        neighbors.withUnsafeBufferPointer { neighborBuffer in
            slotWeight.withUnsafeBufferPointer { weightBuffer in
                strength.withUnsafeBufferPointer { strengthBuffer in
                    let arrays = PageRankArrays(offsets: offsetBuffer.baseAddress!, neighbors: neighborBuffer,
                                                weights: weightBuffer.baseAddress!, strength: strengthBuffer.baseAddress!)
                    for _ in 0..<maxIterations {
                        let danglingShare = danglingMass * uniform
                        let step: @Sendable (Int) -> Void = { r in
                            state.iterate(ranges[r], slot: r, arrays: arrays, damping: damping, danglingShare: danglingShare, uniform: uniform)
                        }
                        if parallel {
                            DispatchQueue.concurrentPerform(iterations: ranges.count, execute: step)
                        } else {
                            for r in 0..<ranges.count { step(r) }
                        }
                        var change = 0.0
                        for r in 0..<ranges.count { change += state.change[r] }
                        state.swap()
                        // In ascending order, as the serial power iteration adds it.
                        danglingMass = 0
                        for v in dangling { danglingMass += state.x[v] }
                        if change < Double(n) * tolerance { break }
                    }
                }
            }
        }
    }
    for v in 0..<n { result[v] = state.x[v] }
    return result
}

/// `count` consecutive node ranges covering `0..<n` with about equal numbers of adjacency slots.
/// - Complexity: O(n).
func balancedRanges(offsets: [Int], count: Int) -> [Range<Int>] {
    let n = offsets.count - 1
    guard n > 0, count > 1 else { return [0..<max(0, n)] }
    // Each node also costs a fixed amount besides its slots.
    let total = offsets[n] + n
    var ranges: [Range<Int>] = []
    var start = 0
    for k in 1...count {
        let goal = total * k / count
        var end = start
        while end < n && offsets[end] + end < goal { end += 1 }
        if k == count { end = n }
        if end > start {
            ranges.append(start..<end)
            start = end
        }
    }
    return ranges
}

/// Read-only arrays of one PageRank run, as raw pointers the workers share.
private struct PageRankArrays: @unchecked Sendable {
    let offsets: UnsafePointer<Int>
    let neighbors: UnsafeBufferPointer<Int32>
    let weights: UnsafePointer<Double>
    let strength: UnsafePointer<Double>
}

/// The iterate, its x/strength, the next ones and each range's partial sums. Each range
/// writes only its own nodes and its own partial slots, and the caller reads them after
/// every range has finished, so sharing the buffers across threads is safe.
private final class PageRankState: @unchecked Sendable {
    private(set) var x: UnsafeMutablePointer<Double>
    private(set) var scaled: UnsafeMutablePointer<Double>
    private var nextX: UnsafeMutablePointer<Double>
    private var nextScaled: UnsafeMutablePointer<Double>
    let change: UnsafeMutablePointer<Double>

    init(nodeCount: Int, ranges: Int) {
        x = .allocate(capacity: nodeCount)
        scaled = .allocate(capacity: nodeCount)
        nextX = .allocate(capacity: nodeCount)
        nextScaled = .allocate(capacity: nodeCount)
        change = .allocate(capacity: ranges)
    }

    func deallocate() {
        x.deallocate()
        scaled.deallocate()
        nextX.deallocate()
        nextScaled.deallocate()
        change.deallocate()
    }

    /// One power-iteration step for the nodes of `range`. Every value is computed with the same
    /// operations in the same order as networkx's (and a serial push-style loop's), the sum over
    /// neighbours in ascending order, so the result does not depend on the ranges.
    func iterate(_ range: Range<Int>, slot: Int, arrays: PageRankArrays, damping: Double, danglingShare: Double, uniform: Double) {
        // Locals, so the loop reads no class property (each would be an access check and a reload).
        let x = x, scaled = scaled, nextX = nextX, nextScaled = nextScaled
        let offsets = arrays.offsets, neighbors = arrays.neighbors, weights = arrays.weights, strength = arrays.strength
        let teleport = (1 - damping) * uniform
        var rangeChange = 0.0
        var v = range.lowerBound
        while v < range.upperBound {
            var incoming = 0.0
            var k = offsets[v]
            let end = offsets[v &+ 1]
            while k < end {
                prefetchGathered(scaled, by: neighbors, from: k)
                incoming += scaled[Int(neighbors[k])] * weights[k]
                k &+= 1
            }
            let value = damping * (incoming + danglingShare) + teleport
            rangeChange += abs(value - x[v])
            nextX[v] = value
            let s = strength[v]
            nextScaled[v] = s > 0 ? value / s : 0
            v &+= 1
        }
        change[slot] = rangeChange
    }

    func swap() {
        Swift.swap(&x, &nextX)
        Swift.swap(&scaled, &nextScaled)
    }
}
