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
/// ascending order of the neighbours, as a push loop over the authors adds them), so authors are
/// split into fixed ranges of about equal slot counts that run on all cores. The norm and the
/// change, O(n) against the product's O(m), are summed in one pass in author order: every value
/// is rounded exactly as in the serial loop, whatever the number of threads.
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
    let state = EigenvectorState(nodeCount: n)
    defer { state.deallocate() }
    for v in 0..<n { state.x[v] = 1 / Double(n) }
    var result = [Double](repeating: 0, count: n)
    graph.offsets.withUnsafeBufferPointer { offsets in
        neighbors.withUnsafeBufferPointer { neighbors in
            slotWeight.withUnsafeBufferPointer { weights in
                let arrays = EigenvectorArrays(offsets: offsets.baseAddress!, neighbors: neighbors.baseAddress!, weights: weights.baseAddress!)
                for _ in 0..<maxIterations {
                    if parallel {
                        DispatchQueue.concurrentPerform(iterations: ranges.count) { r in state.multiply(ranges[r], arrays: arrays) }
                    } else {
                        for r in ranges.indices { state.multiply(ranges[r], arrays: arrays) }
                    }
                    if state.normalize(nodeCount: n) < Double(n) * tolerance { break }
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

/// The iterate and the next one. Each range writes only its own nodes of the next one, and the
/// caller reads them after every range has finished, so sharing the buffers across threads is safe.
private final class EigenvectorState: @unchecked Sendable {
    private(set) var x: UnsafeMutablePointer<Double>
    private var next: UnsafeMutablePointer<Double>

    init(nodeCount: Int) {
        x = .allocate(capacity: nodeCount)
        next = .allocate(capacity: nodeCount)
    }

    func deallocate() {
        x.deallocate()
        next.deallocate()
    }

    /// next = (A + I) x on `range`.
    func multiply(_ range: Range<Int>, arrays: EigenvectorArrays) {
        let x = x, next = next
        let offsets = arrays.offsets, neighbors = arrays.neighbors, weights = arrays.weights
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
            v &+= 1
        }
    }

    /// Scales next to unit length, makes it the iterate and returns the L1 change.
    func normalize(nodeCount n: Int) -> Double {
        let x = x, next = next
        var squares = 0.0
        for v in 0..<n { squares += next[v] * next[v] }
        var norm = squares.squareRoot()
        if norm == 0 { norm = 1 }
        var change = 0.0
        for v in 0..<n {
            let value = next[v] / norm
            next[v] = value
            change += abs(value - x[v])
        }
        Swift.swap(&self.x, &self.next)
        return change
    }
}
