import Foundation

/// What exact betweenness of a graph costs when its source blocks are spread over the ranks and
/// threads of a cluster: the cost of one source measured here on one thread, the memory each
/// rank needs, and the data each rank sends, for `--dry-run`.
///
/// The per-source cost is measured by running the exact computation with a few of its searches
/// (evenly spread over its sources, one thread), the setup (blocks, twins, layout) timed apart.
/// A cluster core is rarely slower than this machine's, so the projections are upper bounds for
/// equal hardware; they assume the blocks cost alike (they are evenly spread samples of sources).
public struct SourceParallelPlan: Sendable, Equatable {
    public var authors: Int
    public var ties: Int
    /// Searches a full run makes (one per source left after twins and leaves are folded).
    public var sources: Int
    /// Sources per block and the number of blocks (fixed by `sources` alone).
    public var blockSize: Int
    public var blocks: Int
    /// Measured wall time of one search with its accumulation, on one thread.
    public var secondsPerSource: Double
    /// Measured setup (blocks of the graph, twins, layout) that every rank repeats.
    public var setupSeconds: Double
    /// Bytes every rank holds whatever its share: the graph, its split at articulation points and
    /// the search layout.
    public var graphBytes: Int
    /// Bytes of one thread's search buffers.
    public var threadBytes: Int
    /// Bytes of one block's partial sums (one double per author copy), held until rank 0 takes it.
    public var blockBytes: Int

    /// Measures `graph`.
    /// - Parameter probe: the searches timed.
    /// - Complexity: the setup of exact betweenness plus `probe` searches, on one thread.
    public init(_ graph: WeightedGraph, probe: Int = 32) {
        authors = graph.nodeCount
        ties = graph.edgeCount
        let cost = Parallelism.$workers.withValue(1) { measuredSearchCost(graph, probe: probe) }
        sources = cost.sources
        setupSeconds = cost.setup
        secondsPerSource = cost.perSearch
        blockSize = sourceBlockSize(for: max(1, sources))
        blocks = (sources + blockSize - 1) / blockSize
        let n = graph.nodeCount, m = graph.edgeCount
        // Author copies: one per author and block of the graph split at its articulation points.
        let copies = ShatteredGraph(graph).graph.nodeCount
        // CSR (offsets, neighbours, edge ids, ends, weights), its split copy, the search layout
        // (offset, a 4- or 8-byte slot per direction), twins and the per-author arrays of the setup.
        let slotBytes = PathGraph.slotBytes(nodeCount: copies, distinctLengths: PathGraph.distinctLengths(graph).lengths.count)
        graphBytes = (8 * (n + 1) + 2 * 4 * 2 * m + 2 * 4 * m + 8 * m) * 2 + 8 * (copies + 1) + slotBytes * (2 * m + 1) + 64 * copies
        // Distance, σ, δ (doubles), settled flag, settle order and touched list (Int32), and the radix heap.
        threadBytes = copies * (8 * 3 + 1 + 4 * 2) + 16 * 2 * m / 4
        blockBytes = 8 * copies
    }

    /// Blocks a rank computes when `ranks` share them (the first ranks take one more).
    public func blocksPerRank(ranks: Int) -> Int { (blocks + max(1, ranks) - 1) / max(1, ranks) }

    /// Expected wall time of the metric with `ranks` processes of `threads` threads each: the setup,
    /// then the blocks dealt out in turn, a rank's threads taking its blocks as they free up.
    public func seconds(ranks: Int, threads: Int) -> Double {
        let rounds = (blocksPerRank(ranks: ranks) + max(1, threads) - 1) / max(1, threads)
        return setupSeconds + Double(rounds * blockSize) * secondsPerSource
    }

    /// Peak bytes of one rank: the graph, each thread's buffers, and the blocks it holds (about one
    /// per thread, and the running sum on rank 0).
    public func bytesPerRank(ranks: Int, threads: Int) -> Int {
        graphBytes + max(1, threads) * threadBytes + (max(1, threads) + 1) * blockBytes
    }

    /// Bytes a rank other than 0 sends (its blocks' partial sums); rank 0 receives those of all
    /// the others, and every rank then receives the result (`blockBytes`).
    public func bytesSentPerRank(ranks: Int) -> Int { ranks > 1 ? blocksPerRank(ranks: ranks) * blockBytes : 0 }
}

extension SourceParallelPlan {
    /// Times exact betweenness restricted to `sources` of its searches (evenly spread over all
    /// of them), run as a real job: blocks spread over the ranks of `SourceDistribution.current`
    /// and the threads of each, folded on rank 0. Every rank must call it.
    /// - Returns: the wall time and this process's CPU time of the searches alone (the setup,
    ///   which every rank repeats, is timed apart and left out), and the number of searches made.
    ///   On a machine shared with other work the wall time depends on the cores left; the CPU
    ///   time of the busiest rank does not, and is the wall time on free cores.
    /// - Complexity: the setup twice plus `sources` searches shared by the job.
    public static func timeSearches(_ graph: WeightedGraph, sources: Int) -> (seconds: Double, cpuSeconds: Double, searched: Int) {
        let clock = ContinuousClock()
        let start = clock.now, cpuStart = processCPUSeconds()
        _ = shatteredBetweenness(graph, sampledSources: 0)
        let setup = (clock.now - start).seconds, cpuSetup = processCPUSeconds() - cpuStart
        let probeStart = clock.now, cpuProbeStart = processCPUSeconds()
        let run = shatteredBetweenness(graph, sampledSources: sources, distributesSampledSources: true)
        return (max(0, (clock.now - probeStart).seconds - setup), max(0, processCPUSeconds() - cpuProbeStart - cpuSetup), run.searched)
    }
}

/// CPU time used so far by every thread of this process, in seconds.
private func processCPUSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}
