import Dispatch

/// Eigenvector centrality: the principal eigenvector of the weighted adjacency
/// matrix (weights read as **strengths**), scaled to unit Euclidean length.
///
/// Power iteration on A + I from the uniform vector, as networkx does, stopping
/// when the L1 change is below n·`tolerance`. Agrees with
/// `nx.eigenvector_centrality(G, weight="weight", max_iter=10000, tol=1e-12)`
/// (P. Bonacich, "Power and centrality: a family of measures", American Journal
/// of Sociology 92(5), 1987, doi:10.1086/228631).
///
/// Each step pulls along the adjacency (an author's new value is a sum over its own ties, in
/// ascending order of the neighbours, as networkx's push loop adds them), so authors are split
/// into fixed ranges of about equal slot counts that run on all cores; the sums of squares and
/// of changes are added range by range, in order, so the result does not depend on the number
/// of threads.
///
/// - Complexity: O(n + m) per iteration, O(n + m) memory.
public func eigenvectorCentrality(_ graph: WeightedGraph, tolerance: Double = 1e-12, maxIterations: Int = 10_000) -> [Double] {
    let n = graph.nodeCount
    guard n > 0 else { return [] }
    // Slot weights beside the neighbours, so the inner loop reads two arrays in step.
    var slotWeight = [Double](repeating: 0, count: graph.neighbors.count + 1)
    for slot in graph.neighbors.indices { slotWeight[slot] = graph.weight[Int(graph.edgeIDs[slot])] }
    let neighbors = graph.neighbors + [0]
    let ranges = balancedRanges(offsets: graph.offsets, count: min(n, 16))
    let parallel = graph.neighbors.count >= 200_000
    let state = EigenvectorState(nodeCount: n, ranges: ranges.count)
    defer { state.deallocate() }
    for v in 0..<n { state.x[v] = 1 / Double(n) }
    var result = [Double](repeating: 0, count: n)
    graph.offsets.withUnsafeBufferPointer { offsets in
        neighbors.withUnsafeBufferPointer { neighbors in
            slotWeight.withUnsafeBufferPointer { weights in
                let arrays = EigenvectorArrays(offsets: offsets.baseAddress!, neighbors: neighbors.baseAddress!, weights: weights.baseAddress!)
                func run(_ body: @escaping @Sendable (Int) -> Void) {
                    if parallel {
                        DispatchQueue.concurrentPerform(iterations: ranges.count, execute: body)
                    } else {
                        for r in ranges.indices { body(r) }
                    }
                }
                for _ in 0..<maxIterations {
                    run { r in state.multiply(ranges[r], slot: r, arrays: arrays) }
                    var squares = 0.0
                    for r in ranges.indices { squares += state.partial[r] }
                    let root = squares.squareRoot()
                    let norm = root == 0 ? 1 : root
                    run { r in state.normalize(ranges[r], slot: r, norm: norm) }
                    var change = 0.0
                    for r in ranges.indices { change += state.partial[r] }
                    state.swap()
                    if change < Double(n) * tolerance { break }
                }
            }
        }
    }
    for v in 0..<n { result[v] = state.x[v] }
    return result
}

/// Read-only arrays of one run, as raw pointers the workers share.
private struct EigenvectorArrays: @unchecked Sendable {
    let offsets: UnsafePointer<Int>
    let neighbors: UnsafePointer<Int32>
    let weights: UnsafePointer<Double>
}

/// The iterate, the next one and each range's partial sum. Each range writes only its own
/// nodes and its own partial slot, and the caller reads them after every range has finished,
/// so sharing the buffers across threads is safe.
private final class EigenvectorState: @unchecked Sendable {
    private(set) var x: UnsafeMutablePointer<Double>
    private var next: UnsafeMutablePointer<Double>
    let partial: UnsafeMutablePointer<Double>

    init(nodeCount: Int, ranges: Int) {
        x = .allocate(capacity: nodeCount)
        next = .allocate(capacity: nodeCount)
        partial = .allocate(capacity: ranges)
    }

    func deallocate() {
        x.deallocate()
        next.deallocate()
        partial.deallocate()
    }

    /// next = (A + I) x on `range`; the partial slot gets the range's sum of squares.
    func multiply(_ range: Range<Int>, slot: Int, arrays: EigenvectorArrays) {
        let x = x, next = next
        let offsets = arrays.offsets, neighbors = arrays.neighbors, weights = arrays.weights
        var squares = 0.0
        var v = range.lowerBound
        while v < range.upperBound {
            var value = x[v]
            var k = offsets[v]
            let end = offsets[v &+ 1]
            while k < end {
                value += x[Int(neighbors[k])] * weights[k]
                k &+= 1
            }
            next[v] = value
            squares += value * value
            v &+= 1
        }
        partial[slot] = squares
    }

    /// Divides `range` of next by `norm`; the partial slot gets the range's L1 change.
    func normalize(_ range: Range<Int>, slot: Int, norm: Double) {
        let x = x, next = next
        var change = 0.0
        for v in range {
            let value = next[v] / norm
            next[v] = value
            change += abs(value - x[v])
        }
        partial[slot] = change
    }

    func swap() {
        Swift.swap(&x, &next)
    }
}
