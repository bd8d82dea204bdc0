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
/// A pair in two components has no path and credits nobody, without a search. Otherwise
/// the path is drawn by a balanced bidirectional search (`BidirectionalPathSampler`),
/// which settles a small ball around each end instead of everything closer to u than v.
///
/// - Complexity: O(r·(m + n log n)) worst case; in small-world graphs each search settles
///   far fewer than n authors.
public func approximateBetweenness(_ graph: WeightedGraph, epsilon: Double, delta: Double = 0.1, seed: UInt64 = 1,
                                   progress: ProgressHandler? = nil) -> (values: [Double], guarantee: Approximation) {
    let run = approximateBetweennessWithWork(graph, epsilon: epsilon, delta: delta, seed: seed, progress: progress)
    return (run.values, run.guarantee)
}

/// `approximateBetweenness`, also reporting the work done, for the time budget and benchmarks:
/// the pairs that needed a search (both ends in one component), the authors those searches
/// settled and the ties they scanned.
/// - Complexity: that of `approximateBetweenness`.
@_spi(Benchmarks) public func approximateBetweennessWithWork(_ graph: WeightedGraph, epsilon: Double, delta: Double = 0.1, seed: UInt64 = 1,
                                                             progress: ProgressHandler? = nil)
    -> (values: [Double], guarantee: Approximation, searched: Int, settled: Int, scanned: Int) {
    precondition(epsilon > 0 && epsilon < 1 && delta > 0 && delta < 1)
    let n = graph.nodeCount
    guard n > 2 else {
        return ([Double](repeating: 0, count: n), Approximation(epsilon: 0, delta: 0, samples: 0, statement: "betweenness exact (fewer than 3 authors)"), 0, 0, 0)
    }
    let diameter = vertexDiameterBound(graph)
    // In floating point first: a tiny ε asks for more samples than an Int holds (1e-10 trapped:
    // a hostile-input trial of session 55, and 1e-6 ran for minutes on 121 authors). Where the
    // sample would draw more pairs than there are (each pair's search at least as long as 1/n of
    // a search from one author), the exact values, n searches, are given instead: within any ε.
    let wanted = (0.5 / (epsilon * epsilon) * (floor(log2(Double(max(diameter - 2, 1)))) + 1 + log(1 / delta))).rounded(.up)
    guard wanted < Double(n) * Double(n - 1) else {
        var exact = pathMetrics(graph, [.betweenness], progress: progress).betweenness
        rescaleBetweenness(&exact, nodeCount: n)
        return (exact, Approximation(epsilon: 0, delta: 0, samples: n,
                                     statement: "betweenness exact (sampling within ±\(epsilon) would take more searches than the exact computation)"), 0, 0, 0)
    }
    let samples = Int(wanted)
    let paths = PathGraph(localityOrdered: graph)
    let component = connectedComponents(graph)
    var componentInLayout = [Int32](repeating: 0, count: n)
    for v in 0..<n { componentInLayout[Int(paths.newID[v])] = Int32(component[v]) }
    let componentOf = componentInLayout
    let pool = SamplerPool(nodeCount: n)
    let perChunk = 256
    let chunks = (samples + perChunk - 1) / perChunk
    let counter = ProgressCounter(phase: "betweenness (estimated)", total: chunks, handler: progress)
    // Per chunk: pairs searched, authors settled, ties scanned, then the layout id of every author
    // credited; folded into those three totals, then the credits per author in the layout's numbering.
    // (The phase names the blocks' layout, `v2` since they count the ties scanned: a checkpoint
    // folder written before is not read as this layout. It names the sample too: the last chunk's
    // pairs depend on it, and a later bound on the diameter may size it differently.)
    let phase = "betweenness-sampled-v2-e\(epsilon)-d\(delta)-s\(seed)-n\(samples)"
    let totals = distributedBlocks(count: chunks, blockSize: 1, phase: phase,
                                   graph: graph, initial: [Double](repeating: 0, count: n + 3), body: { range in
        let sampler = pool.take()
        defer { pool.give(sampler) }
        let (settledBefore, scannedBefore) = (sampler.settledTotal, sampler.scannedTotal)
        var searched = 0
        var credited: [Int32] = []
        paths.withSlots { offsets, slots in
            for chunk in range {
                // SplitMix64 steps its state by a fixed increment, so seeds that differ by multiples of
                // it give shifted copies of one stream; XOR with an odd multiplier keeps chunks independent.
                var random = SplitMix64(seed: seed ^ (UInt64(chunk + 1) &* 0xD1B5_4A32_D192_ED03))
                let count = min(perChunk, samples - chunk * perChunk)
                for _ in 0..<count {
                    let u = Int(random.next() % UInt64(n))
                    var v = Int(random.next() % UInt64(n - 1))
                    if v >= u { v += 1 }
                    guard componentOf[u] == componentOf[v] else { continue }
                    searched += 1
                    _ = sampler.sample(from: u, to: v, offsets: offsets, slots: slots,
                                       random: &random, inner: &credited)
                }
                counter.advance(by: 1)
            }
        }
        return [Double(searched), Double(sampler.settledTotal - settledBefore), Double(sampler.scannedTotal - scannedBefore)]
            + credited.map { Double($0) }
    }, fold: { total, partial in
        for k in 0..<3 { total[k] += partial[k] }
        for k in 3..<partial.count { total[3 + Int(partial[k])] += 1 }
    })
    let inLayout = Array(totals[3...])
    let searched = Int(totals[0]), settled = Int(totals[1]), scanned = Int(totals[2])
    // Each sample estimates betweenness over n(n−1) ordered pairs; networkx divides by (n−1)(n−2).
    let scale = Double(n) / (Double(n - 2) * Double(samples))
    let values = (0..<n).map { inLayout[Int(paths.newID[$0])] * scale }
    let bound = epsilon * Double(n) / Double(n - 2)
    let statement = "betweenness estimated from \(samples) sampled shortest paths (Riondato–Kornaropoulos): "
        + "every value within ±\(formatShort(bound)) of the exact one with probability ≥ \(formatShort(1 - delta))"
    return (values, Approximation(epsilon: bound, delta: delta, samples: samples, statement: statement), searched, settled, scanned)
}

/// Samplers lent to the chunks of one run, so each thread reuses one set of O(n) buffers
/// instead of allocating them per chunk. Samplers keep no state from one pair to the next,
/// so which one a chunk gets does not change its result.
private final class SamplerPool: @unchecked Sendable {
    private let nodeCount: Int
    private var idle: [BidirectionalPathSampler] = []
    private let lock = NSLock()

    init(nodeCount: Int) { self.nodeCount = nodeCount }

    func take() -> BidirectionalPathSampler {
        lock.withLock { idle.popLast() } ?? BidirectionalPathSampler(nodeCount: nodeCount)
    }

    func give(_ sampler: BidirectionalPathSampler) {
        lock.withLock { idle.append(sampler) }
    }
}

/// An upper bound on the vertex diameter (authors on a longest shortest path), valid for
/// weighted graphs: in each component, a shortest path is at most twice as long as the
/// distance from one author v to the farthest (2·ecc(v)), and its k ties are distinct ties of
/// the component, so together at least as long as the component's k shortest ties: k is at
/// most the largest count of shortest ties whose lengths add up to no more than 2·ecc(v), hence
/// one more author; never more than the component's size. (With equal weights this is
/// 2·ecc(v) + 1 in hops, the usual bound of Riondato and Kornaropoulos; counting hops alone is
/// not a bound once weights differ, since a chain of strong ties can be shorter than one weak
/// tie. Dividing 2·ecc(v) by the shortest tie alone, as before session 58, let a few very strong
/// ties, a hub's, make the bound tens of thousands where paths have a dozen ties, and the sample
/// twice as large.)
/// - Complexity: O((n + m) log n): one search per component and its ties' lengths sorted.
func vertexDiameterBound(_ graph: WeightedGraph) -> Int {
    let n = graph.nodeCount
    let component = connectedComponents(graph)
    var seen = Set<Int>()
    let paths = PathGraph(graph)
    let worker = ShortestPathWorker(nodeCount: n)
    var bound = 1
    paths.withSlots { offsets, slots in
        for v in 0..<n where graph.degree(v) > 0 && seen.insert(component[v]).inserted {
            worker.run(from: v, offsets: offsets, slots: slots)
            var eccentricity = 0.0
            // How many ties have each length, counted from both ends (a few distinct lengths
            // where weights count papers: no list of every tie's length, sorted).
            var counts: [Double: Int] = [:]
            for k in 0..<worker.reached {
                let w = Int(worker.order[k])
                eccentricity = max(eccentricity, worker.distance[w])
                for slot in offsets[w]..<offsets[w + 1] { counts[slots[slot].length, default: 0] += 1 }
            }
            // The shortest ties, as many as fit within twice the eccentricity. The relative slack
            // keeps an exact multiple (equal weights) from rounding down.
            let limit = 2 * eccentricity * (1 + 1e-9)
            var sum = 0.0, ties = 0
            for length in counts.keys.sorted() {
                let available = counts[length]! / 2
                // (In floating point first: a tiny length must not overflow the conversion.)
                let fitting = length > 0 ? Int(min(Double(available), max(0, ((limit - sum) / length).rounded(.down)))) : available
                ties += fitting
                sum += Double(fitting) * length
                if fitting < available { break }
            }
            bound = max(bound, min(worker.reached, ties + 1))
        }
    }
    return bound
}

/// A short decimal for messages (up to four significant digits).
func formatShort(_ value: Double) -> String {
    String(format: "%.4g", value)
}
