/// The co-authorship graph of any range of years, built from year-indexed tie
/// contributions instead of from the publications again.
///
/// Every pair of co-authors of a tie-making paper (at most `maxAuthors` authors)
/// is aggregated once into a global tie with a per-year weight and paper count,
/// bucketed by year. The graph of years `[from, to]` then only touches the buckets
/// of those years: O(entries in range) instead of O(P log P) per slice.
public struct SliceGraphs: Sendable {
    /// One slice's graph, its nodes numbered locally.
    public struct Slice: Sendable {
        /// Nodes are the authors with a publication in the range; edges the ties with a joint paper in it.
        public var graph: WeightedGraph
        /// The network node of each local node, ascending.
        public var nodes: [Int]
        /// Local node of each network node, or −1 when it has no publication in the range.
        public var local: [Int32]
        /// Joint papers of each local edge within the range.
        public var papers: [Int]
        /// The range's years, inclusive.
        public var from: Int
        public var to: Int
    }

    private let corpus: DatedCorpus
    private let weighting: Weighting
    private let level: NetworkLevel
    private let minWeight: Double
    /// Endpoints of each global tie (low < high), in ascending (low, high) order.
    private let tieSource: [Int32]
    private let tieTarget: [Int32]
    /// Per year (index year − firstYear): the ties with a joint paper that year, their weight and papers within it.
    private let yearTies: [[(tie: Int32, weight: Double, papers: Int32)]]
    public let firstYear: Int?
    public let lastYear: Int?
    /// Display name per network node.
    public var names: [String] { corpus.names }

    /// Aggregates the tie contributions of `corpus`.
    /// - Parameters:
    ///   - maxAuthors: papers with more authors add no ties (`--max-authors`).
    ///   - minWeight: ties lighter than this within a slice are left out of it (`--min-weight`).
    /// - Complexity: O(Q log Q) for Q co-author pairs over all dated publications.
    public init(corpus: DatedCorpus, weighting: Weighting, level: NetworkLevel = .author, maxAuthors: Int, minWeight: Double? = nil) {
        self.level = level
        self.corpus = corpus
        self.weighting = weighting
        self.minWeight = minWeight ?? 0
        firstYear = corpus.years.first
        lastYear = corpus.years.last
        var pairs: [(key: UInt64, publication: Int32)] = []
        for index in 0..<corpus.count {
            let ids = corpus.nodes[index]
            guard corpus.authorCounts[index] >= 2, corpus.authorCounts[index] <= maxAuthors, ids.count >= 2 else { continue }
            for i in 0..<ids.count {
                for j in (i + 1)..<ids.count where ids[i] != ids[j] {
                    let a = UInt64(min(ids[i], ids[j])), b = UInt64(max(ids[i], ids[j]))
                    pairs.append((a << 32 | b, Int32(index)))
                }
            }
        }
        // Publications are in year order, so within a key the pairs come out by year.
        pairs.sort { $0.key != $1.key ? $0.key < $1.key : $0.publication < $1.publication }
        var source: [Int32] = [], target: [Int32] = []
        let base = corpus.years.first ?? 0
        let years = corpus.years.last.map { $0 - base + 1 } ?? 0
        var buckets = [[(tie: Int32, weight: Double, papers: Int32)]](repeating: [], count: years)
        var start = 0
        while start < pairs.count {
            let key = pairs[start].key
            let tie = Int32(source.count)
            source.append(Int32(key >> 32))
            target.append(Int32(key & 0xFFFF_FFFF))
            var end = start
            while end < pairs.count, pairs[end].key == key {
                let year = corpus.years[Int(pairs[end].publication)]
                var weight = 0.0
                var papers: Int32 = 0
                while end < pairs.count, pairs[end].key == key, corpus.years[Int(pairs[end].publication)] == year {
                    weight += NetworkBuilder.pairShare(members: corpus.memberCounts[Int(pairs[end].publication)],
                                                       level: level, weighting: weighting)
                    papers += 1
                    end += 1
                }
                buckets[year - base].append((tie, weight, papers))
            }
            start = end
        }
        tieSource = source
        tieTarget = target
        yearTies = buckets
    }

    /// The graph of the publications from `from` through `to` (inclusive).
    /// - Complexity: O(P_r + A_r + E_r log E_r + n_r) for the publications, authorships and tie-years in range.
    public func slice(from: Int, to: Int) -> Slice {
        var local = [Int32](repeating: -1, count: corpus.nodeCount)
        var nodes: [Int] = []
        for index in corpus.range(from: from, to: to) {
            for v in corpus.nodes[index] where local[Int(v)] < 0 {
                local[Int(v)] = 0
                nodes.append(Int(v))
            }
        }
        nodes.sort()
        for (i, v) in nodes.enumerated() { local[v] = Int32(i) }

        var weight: [Double] = [], papers: [Int] = []
        // One slot per global tie: an array, not a dictionary, because large slices touch millions of ties.
        var slotOfTie = [Int32](repeating: -1, count: tieSource.count)
        var ties: [Int32] = []
        if let firstYear, let lastYear, max(from, firstYear) <= min(to, lastYear) {
            for year in max(from, firstYear)...min(to, lastYear) {
                for entry in yearTies[year - firstYear] {
                    let slot = Int(slotOfTie[Int(entry.tie)])
                    if slot >= 0 {
                        weight[slot] += entry.weight
                        papers[slot] += Int(entry.papers)
                    } else {
                        slotOfTie[Int(entry.tie)] = Int32(ties.count)
                        ties.append(entry.tie)
                        weight.append(entry.weight)
                        papers.append(Int(entry.papers))
                    }
                }
            }
        }
        // Ties in global order, so the edge numbering does not depend on the years' order of arrival.
        let order = ties.indices.sorted { ties[$0] < ties[$1] }
        var s: [Int32] = [], t: [Int32] = [], w: [Double] = [], p: [Int] = []
        s.reserveCapacity(order.count); t.reserveCapacity(order.count); w.reserveCapacity(order.count)
        for slot in order where weight[slot] >= minWeight {
            let tie = Int(ties[slot])
            s.append(local[Int(tieSource[tie])])
            t.append(local[Int(tieTarget[tie])])
            w.append(weight[slot])
            p.append(papers[slot])
        }
        let graph = WeightedGraph(nodeCount: nodes.count, source: s, target: t, weight: w)
        return Slice(graph: graph, nodes: nodes, local: local, papers: p, from: from, to: to)
    }
}
