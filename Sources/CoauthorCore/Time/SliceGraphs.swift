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
    /// Authors with fewer papers within a slice are left out of it (`--min-papers`).
    private let minPapers: Int
    /// The focus node and the hops from it a slice keeps (`--focus … --radius`), found in the
    /// slice's own graph.
    private let ego: (focus: Int, radius: Int)?
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
    ///   - minPapers: authors with fewer papers within a slice are left out of it (`--min-papers`).
    ///   - ego: with a focus node of `corpus`, each slice keeps the authors within `radius` hops of
    ///     it in the slice's graph, and is empty when the focus is not in it (`--focus … --radius`).
    ///   So each slice is the graph `--from` its first year `--to` its last would give; the filters
    ///   were counted over all years when `corpus` was made of the filtered network (a user trial
    ///   of session 54: `--min-papers 2` kept authors with two papers in all, one in the slice).
    /// - Complexity: O(Q log Q) for Q co-author pairs over all dated publications.
    public init(corpus: DatedCorpus, weighting: Weighting, level: NetworkLevel = .author, maxAuthors: Int, minWeight: Double? = nil,
                minPapers: Int? = nil, ego: (focus: Int, radius: Int)? = nil) {
        self.level = level
        self.corpus = corpus
        self.weighting = weighting
        self.minWeight = minWeight ?? 0
        self.minPapers = minPapers ?? 1
        self.ego = ego
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
        // With `--min-papers`, each author's papers in the range too, a name listed twice on a paper once.
        var papersInRange = [Int](repeating: 0, count: minPapers > 1 ? corpus.nodeCount : 0)
        for index in corpus.range(from: from, to: to) {
            let members = corpus.nodes[index]
            for (k, v) in members.enumerated() {
                if local[Int(v)] < 0 {
                    local[Int(v)] = 0
                    nodes.append(Int(v))
                }
                if minPapers > 1, !members[..<k].contains(v) { papersInRange[Int(v)] += 1 }
            }
        }
        if minPapers > 1 {
            nodes.removeAll { papersInRange[$0] < minPapers }
            for v in 0..<local.count { local[v] = -1 }
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
            // (Ties of an author `--min-papers` leaves out of the slice are left out with them.)
            guard local[Int(tieSource[tie])] >= 0, local[Int(tieTarget[tie])] >= 0 else { continue }
            s.append(local[Int(tieSource[tie])])
            t.append(local[Int(tieTarget[tie])])
            w.append(weight[slot])
            p.append(papers[slot])
        }
        let graph = WeightedGraph(nodeCount: nodes.count, source: s, target: t, weight: w)
        guard let ego else { return Slice(graph: graph, nodes: nodes, local: local, papers: p, from: from, to: to) }
        // The focus's part of the slice's graph; nothing when the focus is not in the slice.
        var kept = [Bool](repeating: false, count: nodes.count)
        if local[ego.focus] >= 0 {
            for (v, hops) in graph.hopDistances(from: Int(local[ego.focus]), limit: ego.radius).enumerated() where hops >= 0 { kept[v] = true }
        }
        let (part, partNodes, partEdges) = graph.induced(keeping: kept)
        for v in nodes { local[v] = -1 }
        let egoNodes = partNodes.map { nodes[$0] }
        for (i, v) in egoNodes.enumerated() { local[v] = Int32(i) }
        return Slice(graph: part, nodes: egoNodes, local: local, papers: partEdges.map { p[$0] }, from: from, to: to)
    }
}
