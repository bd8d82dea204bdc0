import Foundation

/// An estimate together with the guarantee that comes with it.
public struct Approximation: Sendable, Equatable {
    /// Every estimate is within ±`epsilon` of the exact value…
    public var epsilon: Double
    /// …with probability at least 1 − `delta`.
    public var delta: Double
    /// Shortest-path searches performed.
    public var samples: Int
    /// The guarantee in words, for reports and exported files.
    public var statement: String
}

/// Betweenness estimated by sampling shortest paths (M. Riondato and E. M.
/// Kornaropoulos, "Fast approximation of betweenness centrality through sampling",
/// Data Mining and Knowledge Discovery 30, 2016, doi:10.1007/s10618-015-0423-0).
///
/// Draws r = ⌈(c/ε²)(⌊log₂(VD − 2)⌋ + 1 + ln(1/δ))⌉ ordered pairs (c = 0.5, VD an
/// upper bound on the number of authors on a shortest path), picks one shortest
/// path between each pair uniformly at random and credits its inner authors.
/// With probability ≥ 1 − δ every value is within ±ε of the exact betweenness
/// normalised by n(n−1); the result is rescaled to networkx's (n−1)(n−2)
/// normalisation, so the bound there is ε·n/(n−2). Weights are read as
/// **strengths** (distances 1/w), ties within a relative 1e-10 as in the exact version.
/// Deterministic for a given `seed`, whatever the number of threads.
///
/// - Complexity: O(r·(m + n log n)) worst case; each search stops at its target.
public func approximateBetweenness(_ graph: WeightedGraph, epsilon: Double, delta: Double = 0.1, seed: UInt64 = 1) -> (values: [Double], guarantee: Approximation) {
    precondition(epsilon > 0 && epsilon < 1 && delta > 0 && delta < 1)
    let n = graph.nodeCount
    guard n > 2 else {
        return ([Double](repeating: 0, count: n), Approximation(epsilon: 0, delta: 0, samples: 0, statement: "exact (fewer than 3 authors)"))
    }
    let diameter = vertexDiameterBound(graph)
    let samples = Int((0.5 / (epsilon * epsilon) * (floor(log2(Double(max(diameter - 2, 1)))) + 1 + log(1 / delta))).rounded(.up))
    let paths = PathGraph(graph)
    let perChunk = 256
    let chunks = (samples + perChunk - 1) / perChunk
    let partials = parallelChunks(count: chunks) { range in
        let worker = ShortestPathWorker(nodeCount: n)
        var counts = [Double](repeating: 0, count: n)
        paths.offsets.withUnsafeBufferPointer { offsets in
            paths.slots.withUnsafeBufferPointer { slots in
                for chunk in range {
                    // SplitMix64 steps its state by a fixed increment, so seeds that differ by multiples of
                    // it give shifted copies of one stream; XOR with an odd multiplier keeps chunks independent.
                    var random = SplitMix64(seed: seed ^ (UInt64(chunk + 1) &* 0xD1B5_4A32_D192_ED03))
                    let count = min(perChunk, samples - chunk * perChunk)
                    for _ in 0..<count {
                        let u = Int(random.next() % UInt64(n))
                        var v = Int(random.next() % UInt64(n - 1))
                        if v >= u { v += 1 }
                        worker.run(from: u, offsets: offsets.baseAddress!, slots: slots.baseAddress!, stopAt: v)
                        guard worker.distance[v].isFinite else { continue }
                        // Walk back from v, choosing each predecessor with probability σ_p / σ_w.
                        var w = v
                        while w != u {
                            var pick = Double(random.next() >> 11) / Double(1 << 53) * worker.sigma[w]
                            var chosen = -1
                            for slot in offsets[w]..<offsets[w + 1] {
                                let p = Int(slots[slot].target)
                                let dp = worker.distance[p]
                                if dp < worker.distance[w] && ties(dp + slots[slot].length, worker.distance[w]) {
                                    chosen = p
                                    pick -= worker.sigma[p]
                                    if pick < 0 { break }
                                }
                            }
                            w = chosen
                            if w != u { counts[w] += 1 }
                        }
                    }
                }
            }
        }
        return counts
    }
    var values = [Double](repeating: 0, count: n)
    for partial in partials { for i in 0..<n { values[i] += partial[i] } }
    // Each sample estimates betweenness over n(n−1) ordered pairs; networkx divides by (n−1)(n−2).
    let scale = Double(n) / (Double(n - 2) * Double(samples))
    for i in 0..<n { values[i] *= scale }
    let bound = epsilon * Double(n) / Double(n - 2)
    let statement = "betweenness estimated from \(samples) sampled shortest paths (Riondato–Kornaropoulos): "
        + "every value within ±\(formatShort(bound)) of the exact one with probability ≥ \(formatShort(1 - delta))"
    return (values, Approximation(epsilon: bound, delta: delta, samples: samples, statement: statement))
}

/// An upper bound on the vertex diameter (authors on a longest shortest path):
/// for each component, twice the hop depth of a shortest-path tree from one of its
/// authors, plus one.
/// - Complexity: O((n + m) log n).
func vertexDiameterBound(_ graph: WeightedGraph) -> Int {
    let n = graph.nodeCount
    let component = connectedComponents(graph)
    var seen = Set<Int>()
    let paths = PathGraph(graph)
    let worker = ShortestPathWorker(nodeCount: n)
    var hops = [Int](repeating: 0, count: n)
    var bound = 1
    paths.offsets.withUnsafeBufferPointer { offsets in
        paths.slots.withUnsafeBufferPointer { slots in
            for v in 0..<n where graph.degree(v) > 0 && seen.insert(component[v]).inserted {
                worker.run(from: v, offsets: offsets.baseAddress!, slots: slots.baseAddress!)
                var depth = 0
                hops[v] = 0
                for k in 1..<max(1, worker.reached) {
                    let w = Int(worker.order[k])
                    // Hops along one shortest path: one more than the deepest predecessor.
                    var best = Int.max
                    for slot in offsets[w]..<offsets[w + 1] {
                        let p = Int(slots[slot].target)
                        if worker.distance[p] < worker.distance[w] && ties(worker.distance[p] + slots[slot].length, worker.distance[w]) {
                            best = min(best, hops[p] + 1)
                        }
                    }
                    hops[w] = best == .max ? 1 : best
                    depth = max(depth, hops[w])
                }
                bound = max(bound, 2 * depth + 1)
            }
        }
    }
    return bound
}

/// A short decimal for messages (up to four significant digits).
func formatShort(_ value: Double) -> String {
    String(format: "%.4g", value)
}
