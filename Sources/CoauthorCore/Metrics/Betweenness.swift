/// Betweenness centrality: the share of shortest paths between other pairs of
/// authors that pass through each author, normalised by (n−1)(n−2).
///
/// Brandes' algorithm on weighted graphs (U. Brandes, "A faster algorithm for
/// betweenness centrality", J. Math. Sociol. 25(2), 2001,
/// doi:10.1080/0022250X.2001.9990249). Edge weights are read as **strengths**
/// and turned into distances 1/w; path lengths within a relative 1e-10 are
/// equal. Agrees with `nx.betweenness_centrality(G, weight="distance", normalized=True)`.
///
/// The searches run block by block of the graph split at its articulation points
/// (see `shatteredBetweenness`). Sources are split across all cores in fixed chunks;
/// the sum is taken in chunk order, so results do not depend on the number of threads.
///
/// - Complexity: O(Σ_B |B|·(m_B + |B| log |B|)) over the blocks B (at worst O(n m + n² log n)),
///   O(n + m) memory per worker.
public func betweennessCentrality(_ graph: WeightedGraph) -> [Double] {
    var result = shatteredBetweenness(graph).values
    rescaleBetweenness(&result, nodeCount: graph.nodeCount)
    return result
}

/// Every ordered pair was counted, so dividing by (n−1)(n−2) gives the normalised
/// undirected value (networkx's `_rescale` with `normalized=True`).
func rescaleBetweenness(_ values: inout [Double], nodeCount n: Int) {
    guard n > 2 else { return }
    let scale = 1 / (Double(n - 1) * Double(n - 2))
    for i in values.indices { values[i] *= scale }
}

/// Raw betweenness (ordered pairs, both directions) by Brandes' algorithm run inside each
/// block of the graph split at its articulation points (Sariyüce, Saule, Kaya and
/// Çatalyürek, SDM 2013, doi:10.1137/1.9781611972832.76).
///
/// A pair of authors whose shortest paths cross a block enters it at one copy s and
/// leaves it at another copy t, and inside the block those paths are exactly the
/// block's s–t shortest paths. So a search from every copy s, whose dependencies count
/// each target t `reach(t)` times and which itself counts `reach(s)` times, credits every
/// author inside the block with the pairs that cross it; the pairs that an articulation
/// point separates (all their paths run through it) are added on top. Blocks of two authors
/// (a single tie) have nothing inside and are never searched, which also covers degree-1
/// authors; twins inside one block share one search (see `TwinClasses`).
///
/// - Parameter sampledSources: for timing only: search just this many sources, evenly spread.
/// - Returns: the values (by original author), the number of searches a full run makes,
///   and the number made.
/// - Complexity: O(Σ_B |B|·(m_B + |B| log |B|)) over the blocks B; O(n + m) memory per worker plus O(n) per chunk.
func shatteredBetweenness(_ graph: WeightedGraph, progress: ProgressHandler? = nil, sampledSources: Int? = nil,
                          distributesSampledSources: Bool = false)
    -> (values: [Double], sources: Int, searched: Int) {
    let n = graph.nodeCount
    guard n > 0 else { return ([], 0, 0) }
    let shattered = ShatteredGraph(graph)
    let copies = shattered.graph.nodeCount
    let paths = PathGraph(localityOrdered: shattered.graph)
    let newID = paths.newID
    let twins = TwinClasses(graph)
    var copyCount = [Int32](repeating: 0, count: n)
    var soleCopy = [Int32](repeating: -1, count: n)
    for c in 0..<copies {
        let v = Int(shattered.origin[c])
        copyCount[v] += 1
        soleCopy[v] = Int32(c)
    }
    var multiplicity = shattered.reach
    var searched = (0..<copies).map { shattered.blockSize[$0] >= 3 }
    // A twin is folded into its representative only when both are plain members of one block
    // (one copy each, reach 1): then their distances inside the block are the same.
    for v in 0..<n where twins.representativeOf[v] != v {
        let representative = twins.representativeOf[v]
        guard copyCount[v] == 1, copyCount[representative] == 1 else { continue }
        let cv = Int(soleCopy[v]), cr = Int(soleCopy[representative])
        guard shattered.block[cv] == shattered.block[cr], shattered.reach[cv] == 1, shattered.reach[cr] == 1 else { continue }
        searched[cv] = false
        multiplicity[cr] += 1
    }
    let allSources = (0..<copies).filter { searched[$0] }
    let sources: [Int]
    if let sampledSources, sampledSources < allSources.count {
        sources = (0..<sampledSources).map { allSources[$0 * allSources.count / sampledSources] }
    } else {
        sources = allSources
    }
    // Target weights in the search layout's numbering.
    var reachInLayout = [Double](repeating: 0, count: copies + 1)
    for c in 0..<copies { reachInLayout[Int(newID[c])] = shattered.reach[c] }
    let targetWeight = reachInLayout
    let weights = multiplicity
    let counter = ProgressCounter(phase: "betweenness", total: sources.count, handler: progress)
    let blockSize = sourceBlockSize(for: sources.count)
    let body = { @Sendable (chunk: Range<Int>) -> [Double] in
        defer { counter.advance(by: chunk.count) }
        let worker = ShortestPathWorker(nodeCount: copies)
        var betweenness = [Double](repeating: 0, count: copies)
        paths.withSlots { offsets, slots in
            targetWeight.withUnsafeBufferPointer { targetWeight in
                betweenness.withUnsafeMutableBufferPointer { bc in
                    for index in chunk {
                        let copy = sources[index]
                        let s = Int(newID[copy])
                        worker.run(from: s, offsets: offsets, slots: slots)
                        worker.accumulate(source: s, multiplicity: weights[copy], offsets: offsets,
                                          slots: slots, targetWeight: targetWeight.baseAddress!, into: bc.baseAddress!)
                    }
                }
            }
        }
        return betweenness
    }
    let inLayout: [Double]
    let zero = [Double](repeating: 0, count: copies)
    if sampledSources == nil || distributesSampledSources {
        let phase = sampledSources == nil ? "betweenness" : "betweenness-sampled\(sources.count)"
        inLayout = distributedBlocks(count: sources.count, blockSize: blockSize, phase: phase, graph: graph,
                                     initial: zero, body: body) { total, partial in
            for i in 0..<copies { total[i] += partial[i] }
        }
    } else {
        var total = zero
        for partial in parallelChunks(count: sources.count, chunkSize: blockSize, body: body) {
            for i in 0..<copies { total[i] += partial[i] }
        }
        inLayout = total
    }
    var values = shattered.separatedPairs
    for c in 0..<copies { values[Int(shattered.origin[c])] += inLayout[Int(newID[c])] }
    return (values, allSources.count, sources.count)
}

/// For benchmarks that extrapolate exact betweenness on graphs too large to finish:
/// runs the exact computation with only `sampledSources` of its searches (evenly spread
/// over the sources) and reports how many searches a full run makes.
/// - Complexity: that of the setup plus `sampledSources` searches.
@_spi(Benchmarks) public func sampledBetweennessSearches(_ graph: WeightedGraph, sampledSources: Int) -> (sources: Int, searched: Int) {
    let run = shatteredBetweenness(graph, sampledSources: sampledSources)
    return (run.sources, run.searched)
}

/// What one exact betweenness search costs on `graph`, measured: the setup alone, then the setup
/// with `probe` searches spread over the sources (the cost model of the time budget and of the
/// MPI dry run).
/// - Returns: the setup's seconds, the seconds per search, and the searches a full run makes.
/// - Complexity: the setup twice plus `probe` searches.
func measuredSearchCost(_ graph: WeightedGraph, probe: Int) -> (setup: Double, perSearch: Double, sources: Int) {
    var counts = (sources: 0, searched: 0)
    let setup = measuredSeconds { counts = sampledBetweennessSearches(graph, sampledSources: 0) }
    let sampled = measuredSeconds { counts = sampledBetweennessSearches(graph, sampledSources: min(probe, counts.sources)) }
    return (setup, counts.searched > 0 ? max(0, sampled - setup) / Double(counts.searched) : 0, counts.sources)
}

/// The wall-clock seconds `body` takes.
func measuredSeconds(_ body: () -> Void) -> Double {
    let clock = ContinuousClock()
    let start = clock.now
    body()
    return (clock.now - start).seconds
}
