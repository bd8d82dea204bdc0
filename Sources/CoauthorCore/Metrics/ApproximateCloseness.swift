import Foundation

/// The bound of `approximateCloseness`'s harmonic estimates: each is n/k times a sum of k
/// sampled values 1/d in [0, w_max] whose mean is within ±ε·w_max of the exact mean over all n
/// authors (Hoeffding, with the union bound over the n authors that k is chosen for), so every
/// harmonic value is within ±n·ε·w_max.
func harmonicErrorBound(_ graph: WeightedGraph, epsilon: Double) -> Double {
    Double(graph.nodeCount) * epsilon * (graph.weight.max() ?? 0)
}

/// Each author's own bound, n·ε·w_max(v) with w_max(v) the author's strongest tie: no distance
/// from v is shorter than 1/w_max(v), so v's sampled values 1/d lie in [0, w_max(v)], and
/// Hoeffding's bound for each author, with the same union bound over the n authors, holds with
/// each author's range. One pair of authors with 1,000 joint papers no longer sets everyone's
/// bound (on a 200,000-paper corpus, ±1.8·10⁷ for values of 6·10⁴: session 58).
/// - Complexity: O(n + m).
func harmonicErrorBounds(_ graph: WeightedGraph, epsilon: Double) -> [Double] {
    let n = graph.nodeCount
    var strongest = [Double](repeating: 0, count: n)
    for e in 0..<graph.edgeCount {
        let (a, b, w) = (Int(graph.source[e]), Int(graph.target[e]), graph.weight[e])
        strongest[a] = max(strongest[a], w)
        strongest[b] = max(strongest[b], w)
    }
    return strongest.map { Double(n) * epsilon * $0 }
}

/// The largest component whose authors `approximateCloseness` measures exactly.
let exactComponentLimit = 1000

/// Closeness and harmonic centrality estimated from shortest-path searches out of
/// k randomly chosen authors (D. Eppstein and J. Wang, "Fast approximation of
/// centrality", J. Graph Algorithms Appl. 8(1), 2004, doi:10.7155/jgaa.00081).
///
/// k = ⌈ln(2n/δ) / (2ε²)⌉ sources. Each author's harmonic value is n times the
/// mean of 1/d over the sampled sources, and its closeness uses the sampled mean
/// distance to the authors it reaches. By Hoeffding's bound, with probability ≥ 1 − δ
/// every harmonic value is within ±n·ε·w_max(v) (w_max(v) the author's strongest tie, the
/// largest possible 1/d from it: `harmonicErrorBounds`), and every mean distance within ±ε·D (D the
/// longest finite distance). Weights are read as **strengths** (distances 1/w).
/// Deterministic for a given `seed`.
///
/// - Complexity: O(k·(m + n log n)).
public func approximateCloseness(_ graph: WeightedGraph, epsilon: Double, delta: Double = 0.1, seed: UInt64 = 1,
                                 progress: ProgressHandler? = nil)
    -> (closeness: [Double], harmonic: [Double], guarantee: Approximation)
{
    let run = approximateClosenessWithBounds(graph, epsilon: epsilon, delta: delta, seed: seed, progress: progress)
    return (run.closeness, run.harmonic, run.guarantee)
}

/// `approximateCloseness`, also giving each author's harmonic error bound: n·ε·w_max(v) where
/// estimated, 0 where exact (the authors of small components, or all of them).
/// - Complexity: that of `approximateCloseness`.
func approximateClosenessWithBounds(_ graph: WeightedGraph, epsilon: Double, delta: Double = 0.1, seed: UInt64 = 1,
                                    progress: ProgressHandler? = nil)
    -> (closeness: [Double], harmonic: [Double], guarantee: Approximation, harmonicBounds: [Double])
{
    precondition(epsilon > 0 && epsilon < 1 && delta > 0 && delta < 1)
    let n = graph.nodeCount
    // In floating point first: a tiny ε asks for more sources than an Int holds.
    let wanted = (log(2 * Double(max(n, 1)) / delta) / (2 * epsilon * epsilon)).rounded(.up)
    let k = wanted < Double(n) ? Int(wanted) : n
    if k >= n {
        // Sampling every author is the exact computation.
        let exact = pathMetrics(graph, [.closeness, .harmonic], progress: progress)
        return (exact.closeness, exact.harmonic, Approximation(epsilon: 0, delta: 0, samples: n, statement: "closeness and harmonic exact (the sample would cover every author)"),
                [Double](repeating: 0, count: n))
    }
    // Every component small enough to measure exactly: the exact computation (below, the
    // components of at most `exactComponentLimit` authors are so whatever the sample).
    let component = connectedComponents(graph)
    var sizes = [Int](repeating: 0, count: n)
    for c in component { sizes[c] += 1 }
    if (sizes.max() ?? 0) <= exactComponentLimit {
        let exact = pathMetrics(graph, [.closeness, .harmonic], progress: progress)
        return (exact.closeness, exact.harmonic, Approximation(epsilon: 0, delta: 0, samples: n,
                statement: "closeness and harmonic exact (no component has more than \(exactComponentLimit) authors)"),
                [Double](repeating: 0, count: n))
    }
    var random = SplitMix64(seed: seed)
    var pool = Array(0..<n)
    for i in 0..<k { pool.swapAt(i, i + Int(random.next() % UInt64(n - i))) }
    let sources = Array(pool.prefix(k)).sorted()
    let paths = PathGraph(localityOrdered: graph)
    let newID = paths.newID
    let counter = ProgressCounter(phase: "closeness, harmonic (estimated)", total: k, handler: progress)
    // Per node: Σ d over sampled sources reaching it, how many reach it, Σ 1/d.
    let sums = distributedBlocks(count: k, blockSize: chunkSize(for: k), phase: "closeness-sampled-e\(epsilon)-d\(delta)-s\(seed)",
                                 graph: graph, initial: [Double](repeating: 0, count: 3 * n), body: { range in
        var partial = [Double](repeating: 0, count: 3 * n)
        let worker = ShortestPathWorker(nodeCount: n)
        paths.withSlots { offsets, slots in
            for index in range {
                worker.run(from: Int(newID[sources[index]]), offsets: offsets, slots: slots)
                for j in 1..<max(1, worker.reached) {
                    let v = Int(worker.order[j])
                    let d = worker.distance[v]
                    partial[3 * v] += d
                    partial[3 * v + 1] += 1
                    partial[3 * v + 2] += 1 / d
                }
                counter.advance(by: 1)
            }
        }
        return partial
    }, fold: { total, partial in
        for i in 0..<3 * n { total[i] += partial[i] }
    })
    var closeness = [Double](repeating: 0, count: n)
    var harmonic = [Double](repeating: 0, count: n)
    for v in 0..<n {
        // The sums were gathered in the search layout's numbering.
        let slot = 3 * Int(newID[v])
        harmonic[v] = sums[slot + 2] * Double(n) / Double(k)
        let reachedBySample = sums[slot + 1]
        guard reachedBySample > 0 else { continue }
        let meanDistance = sums[slot] / reachedBySample
        let others = Double(sizes[component[v]] - 1)
        closeness[v] = (1 / meanDistance) * (others / Double(n - 1))
    }
    // The components of at most `exactComponentLimit` authors are measured exactly, every
    // author of them a source: few sources fall in a small component, and none in most of them,
    // which left their authors 0 beside isolated ones (a trial of session 57 on DBLP found 19,040
    // of 20,090 such authors at 0). Exact values are within any bound, and they cost at most
    // `exactComponentLimit` searches of a small component per author.
    var small = [Bool](repeating: false, count: n)
    var anySmall = false
    for v in 0..<n where (2...exactComponentLimit).contains(sizes[component[v]]) {
        small[v] = true
        anySmall = true
    }
    var bounds = harmonicErrorBounds(graph, epsilon: epsilon)
    for v in 0..<n where small[v] { bounds[v] = 0 }
    if anySmall {
        let (part, nodes, _) = graph.induced(keeping: small)
        let exact = distanceSums(part, harmonic: true)
        // Closeness scales by the share of the graph reached: the part's n, not the graph's.
        let scale = Double(max(1, part.nodeCount - 1)) / Double(max(1, n - 1))
        for (local, v) in nodes.enumerated() {
            closeness[v] = exact.closeness[local] * scale
            harmonic[v] = exact.harmonic[local]
        }
    }
    let statement = "closeness and harmonic estimated from \(k) sampled sources (Eppstein–Wang): "
        + "with probability ≥ \(formatShort(1 - delta)), mean distances within ±\(formatShort(epsilon))·D (D the longest distance) "
        + "and every harmonic value within ±\(formatShort(Double(n) * epsilon)) times its author's strongest tie "
        + "(at most ±\(formatShort(bounds.max() ?? 0)))"
        + (anySmall ? "; exact in the components of at most \(exactComponentLimit) authors" : "")
    return (closeness, harmonic, Approximation(epsilon: epsilon, delta: delta, samples: k, statement: statement), bounds)
}
