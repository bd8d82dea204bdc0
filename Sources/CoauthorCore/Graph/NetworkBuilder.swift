import CPrefetch

/// Options that shape the network (SPEC §1 shared options, §4).
public struct NetworkOptions: Sendable, Equatable {
    /// What a node is: an author, an institution or a country.
    public var level: NetworkLevel = .author
    public var weighting: Weighting = .count
    /// Inclusive year range; publications without a year are left out when either bound is set.
    public var fromYear: Int?
    public var toYear: Int?
    /// Publications with more authors add no edges (their authors stay nodes).
    public var maxAuthors: Int = 50
    /// Edges with a smaller weight are dropped (after weighting).
    public var minWeight: Double?
    /// Authors with fewer publications are dropped.
    public var minPapers: Int?
    /// The focus author's name; with `radius`, only the ego network is kept.
    public var focus: String?
    public var radius: Int?
    /// Whether each tie keeps the years of its joint papers, and their shares under `fractional`
    /// (`CoauthorNetwork.hasTieYears`). Time lines, tie recency, maps, the report and the
    /// exports read them; the summary of `coauthor stats` reads none. Without them the builder
    /// sums each tie from its pairs alone, and under `count` never looks its papers up (on DBLP,
    /// a cache miss per joint paper, and 4 bytes per joint paper and per tie less).
    public var keepsTieYears = true

    public init() {}

    /// Whether the tie loop reads each joint paper: for its year, or for its number of authors
    /// (its share under `fractional`). Under `count` without years a tie is its number of pairs.
    var tiesReadTheirPapers: Bool { keepsTieYears || weighting != .count }

    /// Whether a publication of year `year` is within `fromYear`…`toYear` (a publication without
    /// a year is not, when either bound is set).
    /// - Complexity: O(1).
    public func includes(year: Int?) -> Bool {
        guard fromYear != nil || toYear != nil else { return true }
        guard let year else { return false }
        return year >= (fromYear ?? .min) && year <= (toYear ?? .max)
    }
}

/// Errors in the request itself (not in the input data).
public enum NetworkError: Error, Sendable, CustomStringConvertible, Equatable {
    case unknownFocus(String, suggestions: [String])
    /// At institution or country level: no unit of that level is named so.
    case unknownFocusUnit(String, level: NetworkLevel, suggestions: [String])
    /// The focus is an author of the corpus whom the filters that leave nodes out (`filters`:
    /// the years, `--min-papers`) leave out of the network.
    case focusLeftOut(String, filters: String)

    public var description: String {
        switch self {
        case let .focusLeftOut(name, filters):
            return "'\(name)' is an author of the corpus but not of the network: the filters (\(filters)) leave them out; widen them or choose another focus"
        case let .unknownFocus(name, suggestions):
            return "no author named '\(name)' in the network; \(Self.hint(suggestions))"
        case let .unknownFocusUnit(name, level, suggestions):
            return "no \(level.unitName) named '\(name)' in the network; \(Self.hint(suggestions))"
        }
    }

    private static func hint(_ suggestions: [String]) -> String {
        suggestions.isEmpty ? "no similar name either" : didYouMean(suggestions)
    }

    /// `did you mean 'A', 'B' or 'C'?` for names a request may have meant (`suggestions`).
    public static func didYouMean(_ names: [String]) -> String {
        let quoted = names.map { "'\($0)'" }
        guard quoted.count > 1 else { return "did you mean \(quoted.first ?? "")?" }
        return "did you mean " + quoted.dropLast().joined(separator: ", ") + " or " + quoted.last! + "?"
    }
}

/// Builds a `CoauthorNetwork` from publications and resolved authors (SPEC §4).
public enum NetworkBuilder {
    /// Builds the network at the level `options` asks for: of `authors`, or of the institutions
    /// or countries of `units`.
    ///
    /// At institution and country level a publication with k distinct units ties each of its
    /// k(k−1)/2 pairs: with weight 1 under `count`, and 1/(k(k−1)/2) under `fractional`, so that
    /// each publication adds 1 in all (SPEC §4; VOSviewer's 1/(k−1) per link, Perianes-Rodriguez
    /// et al. 2016, is what `fractional` means for authors instead).
    /// `--max-authors` still counts the publication's authors.
    /// - Precondition: `units` is given, of the same level, when `options.level` is not `.author`.
    /// - Throws: `NetworkError.unknownFocusUnit` when `options.focus` names no unit.
    public static func build(publications: [Publication], authors: AuthorIndex, units: UnitIndex?,
                             options: NetworkOptions) throws(NetworkError) -> CoauthorNetwork {
        guard options.level != .author else { return try build(publications: publications, authors: authors, options: options) }
        guard let units, units.level == options.level else { preconditionFailure("a unit index of the network's level") }
        var options = options
        if let focus = options.focus {
            guard let label = units.label(matching: focus) else {
                throw .unknownFocusUnit(focus, level: options.level, suggestions: suggestions(for: focus, in: units.names))
            }
            options.focus = label
        }
        return try build(publications: publications, authors: units.memberIndex,
                         teamSizes: authors.authorsOfPublication.map(\.count), options: options)
    }

    /// Builds the network of authors.
    ///
    /// Pairs of co-authors are bucketed by their lower member, sorted and aggregated, so
    /// the result (including floating-point sums of fractional weights) does not
    /// depend on hashing order.
    /// - Precondition: `authors` resolves exactly `publications`; `options.maxAuthors` ≥ 2.
    /// - Throws: `NetworkError.unknownFocus` when `options.focus` names nobody.
    /// - Complexity: O(P log d + n) for P author pairs over all publications and d the most pairs one
    ///   author leads (a counting sort by the lower member, then a sort of each member's pairs).
    public static func build(publications: [Publication], authors: AuthorIndex, options: NetworkOptions) throws(NetworkError) -> CoauthorNetwork {
        try build(publications: publications, authors: authors, teamSizes: nil, options: options)
    }

    /// Fills `pairs` with `partner << 32 | publication` for every pair `forEachPair(run, emit)` emits
    /// as (lower member, partner, publication) for runs `0..<runs`, bucket by bucket (`bucketStart`,
    /// the counts of a counting sort by the lower member), each bucket in the order of the runs
    /// and, within a run, in emission order. `coarse` is `coarseShift`'s buckets, with how many
    /// pairs each run emits for the members of each (`runCounts[run][bucket]`).
    ///
    /// Writing each pair straight to its member's bucket is a random write (and a random cursor
    /// update) per pair across the whole array, which at DBLP scale misses the caches every time.
    /// When the three numbers fit in 64 bits, the pairs go first to one of at most 4,096 coarse
    /// buckets (runs of members, written as that many sequential streams), then each coarse
    /// bucket, a few hundred kilobytes, is spread over its members' buckets in place. There the
    /// runs emit on all cores, each from its own place in every coarse bucket (after the pairs of
    /// the runs before it), and runs of coarse buckets are spread on all cores: the same pairs in
    /// the same places as one run after the other.
    /// - Complexity: O(P) for P pairs; memory O(largest coarse bucket) per core beyond `pairs`.
    private static func fillBuckets(_ pairs: UnsafeMutableBufferPointer<UInt64>, bucketStart: [Int], runs: Int,
                                    coarse: (shift: Int, runCounts: [[Int]])?, authorCount: Int, publicationCount: Int,
                                    _ forEachPair: @Sendable (Int, (Int, UInt64, UInt64) -> Void) -> Void) {
        guard let (shift, runCounts) = coarse else {
            var cursor = bucketStart
            for run in 0..<runs {
                forEachPair(run) { a, b, publication in
                    pairs[cursor[a]] = b << 32 | publication
                    cursor[a] += 1
                }
            }
            return
        }
        precondition(runCounts.count == runs, "the pairs of each run in each coarse bucket")
        let memberBits = coarseBits(authorCount), publicationBits = coarseBits(publicationCount)
        let coarseCount = (authorCount + (1 << shift) - 1) >> shift
        // Each run's first slot in each coarse bucket: after the pairs of the runs before it.
        let cursors = runCursors(runCounts, bucketStart: (0..<coarseCount).map { bucketStart[$0 << shift] })
        let lowMask = (1 << shift) - 1
        // Coarse entries: the member's low bits, the partner, the publication.
        let partnerShift = UInt64(publicationBits), lowShift = UInt64(publicationBits + memberBits)
        let shared = SharedBuffer(pairs)
        _ = parallelRuns(runs) { run in
            var cursor = cursors[run]
            cursor.withUnsafeMutableBufferPointer { cursor in
                forEachPair(run) { a, b, publication in
                    shared.buffer[cursor[a >> shift]] = UInt64(a & lowMask) << lowShift | b << partnerShift | publication
                    cursor[a >> shift] += 1
                }
            }
        }
        let coarseStart = (0...coarseCount).map { bucketStart[min(authorCount, $0 << shift)] }
        let spreads = pairs.count >= parallelSortPairs ? max(1, Parallelism.workers) : 1
        let firstCoarse = balancedRuns(spreads, starts: coarseStart)
        let publicationMask = (UInt64(1) << partnerShift) - 1, partnerMask = (UInt64(1) << UInt64(memberBits)) - 1
        _ = parallelRuns(spreads) { run in
            var scratch: [UInt64] = []
            var fine = [Int](repeating: 0, count: 1 << shift)
            for c in firstCoarse[run]..<firstCoarse[run + 1] {
                let first = c << shift, last = min(authorCount, (c + 1) << shift)
                let region = bucketStart[first]..<bucketStart[last]
                guard !region.isEmpty else { continue }
                scratch.removeAll(keepingCapacity: true)
                scratch.append(contentsOf: shared.buffer[region])
                for a in first..<last { fine[a - first] = bucketStart[a] }
                for entry in scratch {
                    let low = Int(entry >> lowShift)
                    shared.buffer[fine[low]] = (entry >> partnerShift & partnerMask) << 32 | entry & publicationMask
                    fine[low] += 1
                }
            }
        }
    }

    /// The bits of a number below `count` (at least 1).
    private static func coarseBits(_ count: Int) -> Int { count <= 1 ? 1 : Int.bitWidth - (count - 1).leadingZeroBitCount }

    /// `fillBuckets`' coarse buckets, 2^shift members each (at most 4,096 buckets), or nil where
    /// pairs go straight to their members' buckets: a small network, or one whose member, partner
    /// and publication do not fit in 64 bits together.
    private static func coarseShift(authorCount: Int, publicationCount: Int) -> Int? {
        let memberBits = coarseBits(authorCount), publicationBits = coarseBits(publicationCount)
        let shift = max(0, memberBits - 12)
        return shift > 0 && shift + memberBits + publicationBits <= 64 ? shift : nil
    }

    /// Networks with at least this many co-author pairs sort their members' pairs on all cores.
    static let parallelSortPairs = 1 << 20
    /// From this many papers, each author's papers and pairs are counted on all cores.
    static let parallelCountPapers = 1 << 12

    /// Sorts the buckets of `members` in place (`bucketStart` as `fillBuckets` takes it), by
    /// partner (the entries' bits `32..<32 + partnerBits`) and, between equal partners, by
    /// publication.
    ///
    /// Small buckets are sorted by insertion, larger ones by a radix sort of the partner alone:
    /// `fillBuckets` leaves each bucket in publication order, which a stable sort by partner
    /// keeps, so both give the order of the whole entries (a bucket's entries are distinct).
    private static func sortBuckets(_ pairs: UnsafeMutableBufferPointer<UInt64>, bucketStart: [Int], members: Range<Int>,
                                    partnerBits: Int) {
        var scratch = UnsafeMutableBufferPointer<UInt64>(start: nil, count: 0)
        defer { scratch.deallocate() }
        for a in members where bucketStart[a + 1] - bucketStart[a] > 1 {
            let bucket = UnsafeMutableBufferPointer(rebasing: pairs[bucketStart[a]..<bucketStart[a + 1]])
            if bucket.count <= 32 {
                for i in 1..<bucket.count {
                    let entry = bucket[i]
                    var j = i
                    while j > 0 && bucket[j - 1] > entry {
                        bucket[j] = bucket[j - 1]
                        j -= 1
                    }
                    bucket[j] = entry
                }
            } else {
                if scratch.count < bucket.count {
                    scratch.deallocate()
                    scratch = .allocate(capacity: max(bucket.count, 2 * scratch.count))
                }
                radixSort(bucket, byBits: 32..<(32 + partnerBits), scratch: scratch)
            }
        }
    }

    /// Builds the network whose members (authors, or units) are `authors`; `teamSizes`, when
    /// given, are the authors of each publication that `--max-authors` counts (else its members).
    static func build(publications: [Publication], authors: AuthorIndex, teamSizes: [Int]?,
                      options: NetworkOptions) throws(NetworkError) -> CoauthorNetwork {
        precondition(authors.authorsOfPublication.count == publications.count,
                     "the author index resolves \(authors.authorsOfPublication.count) publications, not these \(publications.count)")
        precondition(options.maxAuthors >= 2, "a paper needs room for two authors to make a tie")
        let authorCount = authors.names.count
        let selected = publications.indices.filter { options.includes(year: publications[$0].year) }

        // Each author's papers and first and last year: runs of papers counted on all cores, each
        // into counters of its own (32 bits each), then joined member by member.
        let authorLists = authors.authorsOfPublication
        let lastAuthorship = authorLists.values.count - 1
        let countRuns = selected.count >= parallelCountPapers ? max(1, Parallelism.workers) : 1
        let counted = parallelRuns(countRuns) { run in
            var counters = AuthorCounters(authorCount: authorCount)
            for index in selected[(selected.count * run / countRuns)..<(selected.count * (run + 1) / countRuns)] {
                let year = publications[index].year.map { Int32($0) }
                for k in authorLists.starts[index]..<authorLists.starts[index + 1] {
                    // The counters of the authorship sixteen on, a cache miss each on a large corpus.
                    counters.prefetch(Int(authorLists.values[min(k + 16, lastAuthorship)]))
                    counters.count(Int(authorLists.values[k]), year: year)
                }
            }
            return counters
        }
        var papers = [Int](repeating: 0, count: authorCount)
        var first = [Int?](repeating: nil, count: authorCount)
        var last = [Int?](repeating: nil, count: authorCount)
        for run in counted {
            for a in 0..<authorCount where run.papers[a] > 0 {
                papers[a] += Int(run.papers[a])
                // A year was counted exactly when `last` moved off `Int32.min` (which no year is).
                if run.last[a] != .min {
                    first[a] = min(first[a] ?? .max, Int(run.first[a]))
                    last[a] = max(last[a] ?? .min, Int(run.last[a]))
                }
            }
        }
        let minPapers = options.minPapers ?? 1
        let kept = papers.map { $0 >= max(1, minPapers) }
        // Without `--min-papers`, every author of a selected paper is kept: the pair loops below
        // then skip the look-up (a cache miss per author on a large corpus).
        let everyoneKept = minPapers <= 1

        // Each pair of co-authors of each paper, bucketed by its lower member (a counting sort):
        // bucket a holds `high << 32 | publication` for its pairs, filled in publication order
        // and then sorted, which orders the buckets' entries by partner and keeps each pair's
        // publications in publication order (what the sums below are taken in). 8 bytes a
        // pair, where sorting 64-bit pair keys carrying their publication took 24 at its peak.
        precondition(publications.count <= Int(UInt32.max), "a publication's index fills the low 32 bits of its pair")
        // The pairs of each lower member: runs of papers counted on all cores, then summed.
        let bucketCounts = parallelRuns(countRuns) { run in
            var counts = [Int32](repeating: 0, count: authorCount + 1)
            var skippedLarge = 0
            for index in selected[(selected.count * run / countRuns)..<(selected.count * (run + 1) / countRuns)] {
                let ids = authorLists[index]
                // A large paper is counted whatever its units: one of a single country added no
                // tie anyway, but the note said one paper with more than N authors where two had
                // more (at `country` level, not at `author`: a user trial of session 57).
                if (teamSizes?[index] ?? ids.count) > options.maxAuthors {
                    skippedLarge += 1
                    continue
                }
                guard ids.count >= 2 else { continue }
                // The counters of the authors sixteen on, a cache miss each on a large corpus.
                for k in authorLists.starts[index]..<authorLists.starts[index + 1] {
                    let ahead = Int(authorLists.values[min(k + 16, lastAuthorship)])
                    counts.withUnsafeBufferPointer { coauthor_prefetch($0.baseAddress! + ahead + 1) }
                }
                // A pair goes to its lower member (the earlier position between equals): each member's
                // count is added once, not once per pair.
                for i in ids.indices where everyoneKept || kept[Int(ids[i])] {
                    var lower: Int32 = 0
                    for j in ids.indices where j != i && (everyoneKept || kept[Int(ids[j])]) && (ids[i] < ids[j] || (ids[i] == ids[j] && i < j)) {
                        lower += 1
                    }
                    if lower > 0 { counts[Int(ids[i]) + 1] += lower }
                }
            }
            return (counts: counts, skippedLarge: skippedLarge)
        }
        var bucketStart = [Int](repeating: 0, count: authorCount + 1)
        var skippedLarge = 0
        for run in bucketCounts {
            skippedLarge += run.skippedLarge
            for a in 0...authorCount { bucketStart[a] += Int(run.counts[a]) }
        }
        for a in 0..<authorCount { bucketStart[a + 1] += bucketStart[a] }
        // Each run's pairs in each coarse bucket, where `fillBuckets` has them.
        let coarse = coarseShift(authorCount: authorCount, publicationCount: publications.count).map { shift in
            (shift: shift, runCounts: bucketCounts.map { run in
                var counts = [Int](repeating: 0, count: (authorCount + (1 << shift) - 1) >> shift)
                for a in 0..<authorCount { counts[a >> shift] += Int(run.counts[a + 1]) }
                return counts
            })
        }
        // Made uninitialised (8 bytes a pair, new pages on a large network): the fill writes every
        // slot, on all cores.
        var pairs = [UInt64](unsafeUninitializedCapacity: bucketStart[authorCount]) { pairs, filled in
            // The pairs of the same runs of papers as counted, each run on a core of its own.
            fillBuckets(pairs, bucketStart: bucketStart, runs: countRuns, coarse: coarse, authorCount: authorCount,
                        publicationCount: publications.count) { run, emit in
                for index in selected[(selected.count * run / countRuns)..<(selected.count * (run + 1) / countRuns)] {
                    let ids = authorLists[index]
                    guard ids.count >= 2, (teamSizes?[index] ?? ids.count) <= options.maxAuthors else { continue }
                    for i in ids.indices where everyoneKept || kept[Int(ids[i])] {
                        for j in (i + 1)..<ids.endIndex where everyoneKept || kept[Int(ids[j])] {
                            emit(Int(min(ids[i], ids[j])), UInt64(max(ids[i], ids[j])), UInt64(index))
                        }
                    }
                }
            }
            filled = pairs.count
        }
        pairs.withUnsafeMutableBufferPointer { pairs in
            // Each bucket sorted on its own: on a large network, runs of consecutive members with
            // about as many pairs each, one per core.
            let runs = pairs.count >= parallelSortPairs ? max(1, Parallelism.workers) : 1
            let shared = SharedBuffer(pairs), starts = bucketStart
            let firsts = balancedRuns(runs, starts: bucketStart)
            _ = parallelRuns(runs) { run in
                sortBuckets(shared.buffer, bucketStart: starts, members: firsts[run]..<firsts[run + 1],
                            partnerBits: Int.bitWidth - authorCount.leadingZeroBitCount)
            }
        }

        // Read per pair in partner order, which jumps across publications: one flat array, not the
        // publications themselves or their author lists (a cache miss each on a DBLP-size corpus).
        // Not made when no tie needs its papers' years or sizes: without years, under `count`.
        var facts = !options.tiesReadTheirPapers ? [] : publications.indices.map { k in
            PairFacts(year: publications[k].year, members: authors.authorsOfPublication[k].count)
        }
        // Runs of consecutive members, one per core on a large network where every distinct pair
        // is a tie (no `minWeight` to drop some): each run's ties then start at a known edge, the
        // distinct pairs of the members before it.
        let runs = (options.minWeight ?? 0) <= 0 && pairs.count >= parallelSortPairs ? max(1, Parallelism.workers) : 1
        let runStart = balancedRuns(runs, starts: bucketStart)
        // Every column sized once, for the distinct pairs (at most that many edges survive
        // `minWeight`): growing by doubling kept two copies alive at the end and left up to half
        // of each column unused.
        var firstEdge = [0]
        for run in 0..<runs {
            var count = firstEdge[run]
            for a in runStart[run]..<runStart[run + 1] {
                for k in bucketStart[a]..<bucketStart[a + 1] where k == bucketStart[a] || pairs[k] >> 32 != pairs[k - 1] >> 32 {
                    count += 1
                }
            }
            firstEdge.append(count)
        }
        let pairCount = firstEdge[runs]
        // Each run writes its ties' ends, weights and papers in place, and its years to lists of
        // its own, added to the first run's (which has room for them all) in run order. The
        // columns are made uninitialised (20 bytes a pair, new pages on a large network): each
        // run writes its own ties' slots, on its own core.
        var parts: [TieYears] = []
        var (source, target, weight, edgePapers) = makeArrays(count: pairCount) {
            (source: UnsafeMutableBufferPointer<Int32>, target: UnsafeMutableBufferPointer<Int32>,
             weight: UnsafeMutableBufferPointer<Double>, papers: UnsafeMutableBufferPointer<Int32>) -> Int in
            pairs.withUnsafeBufferPointer { pairs in
                facts.withUnsafeBufferPointer { facts in
                    let sink = TieSink(pairs: pairs, facts: facts, source: source, target: target, weight: weight, papers: papers)
                    let starts = bucketStart, firsts = runStart, edges = firstEdge
                    parts = parallelRuns(runs) { run in
                        // The first run's lists have room for every run's.
                        let lists = run == 0 ? pairCount : edges[run + 1] - edges[run]
                        let values = run == 0 ? sink.pairs.count : starts[firsts[run + 1]] - starts[firsts[run]]
                        var years = TieYears(lists: lists, values: values, kept: options.keepsTieYears,
                                             recordShares: options.weighting == .fractional)
                        let ties = collectTies(members: firsts[run]..<firsts[run + 1], bucketStart: starts, options: options,
                                               into: sink, at: edges[run], years: &years)
                        years.ties = ties
                        return years
                    }
                }
            }
            // Fewer ties than distinct pairs where `minWeight` dropped some (on one run only).
            let tieCount = parts.reduce(0) { $0 + $1.ties }
            precondition(runs == 1 || tieCount == pairCount, "every distinct pair is a tie when no minimum weight drops any")
            return tieCount
        }
        var edgeYears = YearLists(), edgeYearWeights = PackedLists<Double>()
        swap(&edgeYears, &parts[0].years)
        swap(&edgeYearWeights, &parts[0].weights)
        for part in parts.dropFirst() {
            edgeYears.append(contentsOf: part.years)
            edgeYearWeights.append(contentsOf: part.weights)
        }
        parts = []
        // The pairs are in the columns now: freed before the graph is made.
        pairs = []
        bucketStart = []
        facts = []

        // Renumber: authors with at least one publication within the filters.
        var newID = [Int32](repeating: -1, count: authorCount)
        var nodes: [Int] = []
        for a in 0..<authorCount where kept[a] {
            newID[a] = Int32(nodes.count)
            nodes.append(a)
        }
        if nodes.count < authorCount {
            source = source.map { newID[Int($0)] }
            target = target.map { newID[Int($0)] }
        }
        let graph = WeightedGraph(nodeCount: nodes.count, source: source, target: target, weight: weight)
        source = []
        target = []
        weight = []
        // When every member is a node (no filter dropped any), the columns are the nodes' as they
        // stand: handed over, not copied node by node. On 1M DBLP papers the copies were 29 MB
        // more at the build's peak and a retain for each of 530,603 names.
        let everyMember = nodes.count == authorCount
        func ofNodes<Value>(_ column: inout [Value]) -> [Value] {
            everyMember ? take(&column, leaving: []) : nodes.map { column[$0] }
        }
        var names = authors.names, ids = authors.ids
        var network = CoauthorNetwork(
            graph: graph,
            names: ofNodes(&names),
            papers: ofNodes(&papers),
            firstYear: ofNodes(&first),
            lastYear: ofNodes(&last),
            edgePapers: edgePapers, edgeYears: edgeYears,
            edgeYearWeights: edgeYearWeights,
            weighting: options.weighting,
            focus: nil,
            filterDescription: describe(options),
            skippedLargePublications: skippedLarge,
            publicationCount: selected.count,
            ids: authors.hasIDs ? ofNodes(&ids) : [],
            hasTieYears: options.keepsTieYears,
            referenceYear: selected.lazy.compactMap { publications[$0].year }.max())

        if let focusName = options.focus {
            // The person looked up once (a name not shown as such is looked for in every name).
            let shown = network.node(named: focusName)
            let person = shown == nil ? authors.id(named: focusName) : nil
            guard let focus = shown ?? person.flatMap({ id -> Int? in
                let v = newID[Int(id)]
                return v >= 0 ? Int(v) : nil
            }) else {
                if person != nil {
                    var filters = NetworkOptions()
                    (filters.fromYear, filters.toYear, filters.minPapers) = (options.fromYear, options.toYear, options.minPapers)
                    throw .focusLeftOut(focusName, filters: describe(filters))
                }
                throw .unknownFocus(focusName, suggestions: suggestions(for: focusName, in: network.names))
            }
            network = network.focused(on: focus)
            if let radius = options.radius {
                network = egoNetwork(of: network, radius: radius)
            }
        } else {
            network = network.focused(on: network.mostProlificNode)
        }
        return network
    }

    /// What the tie loop reads (the sorted pairs and the publications' facts) and where it writes
    /// each tie's ends, weight and joint papers (columns sized for every distinct pair), for runs
    /// of members on several cores: each run writes its own range of edges.
    private struct TieSink: @unchecked Sendable {
        let pairs: UnsafeBufferPointer<UInt64>
        let facts: UnsafeBufferPointer<PairFacts>
        let source: UnsafeMutableBufferPointer<Int32>
        let target: UnsafeMutableBufferPointer<Int32>
        let weight: UnsafeMutableBufferPointer<Double>
        let papers: UnsafeMutableBufferPointer<Int32>
    }

    /// The years of one run's ties (and their shares under `fractional`), and how many ties it
    /// wrote; no years at all when they are not `kept` (`NetworkOptions.keepsTieYears`).
    private struct TieYears: Sendable {
        var years = YearLists()
        var weights = PackedLists<Double>()
        var ties = 0
        let kept: Bool
        private let recordShares: Bool

        init(lists: Int, values: Int, kept: Bool, recordShares: Bool) {
            self.kept = kept
            self.recordShares = kept && recordShares
            guard kept else { return }
            years.reserveCapacity(lists: lists, values: values)
            if recordShares { weights.reserveCapacity(lists: lists, values: values) }
        }

        mutating func append(_ dated: [(year: Int, weight: Double)]) {
            if recordShares { weights.append(dated.lazy.map(\.weight)) }
            years.append(dated.lazy.map(\.year))
        }
    }

    /// The ties of `members` (lower members, whose sorted buckets of pairs are in `sink.pairs`),
    /// member by member and partner by partner: each written at the next edge from `first`, its
    /// years appended to `years` when it keeps them. A joint paper's share is summed in
    /// publication order (the buckets' order), and the years are sorted with their shares.
    /// Without years and under `count`, a tie's weight is its number of pairs, and no paper is
    /// looked up.
    /// - Returns: the number of ties written (pairs whose weight reaches `options.minWeight`).
    private static func collectTies(members: Range<Int>, bucketStart: [Int], options: NetworkOptions, into sink: TieSink,
                                    at first: Int, years: inout TieYears) -> Int {
        let pairs = sink.pairs, facts = sink.facts
        var dated: [(year: Int, weight: Double)] = []
        let lastPair = pairs.count - 1
        var edge = first
        /// Writes the tie of `a` and `partner` (`pairs[start..<end]`) at the next edge, with its
        /// years when kept, if its weight reaches the minimum.
        func write(_ a: Int, _ partner: UInt64, weight w: Double, pairs start: Int, _ end: Int) {
            guard w >= (options.minWeight ?? 0) else { return }
            sink.source[edge] = Int32(a)
            sink.target[edge] = Int32(partner)
            sink.weight[edge] = w
            sink.papers[edge] = Int32(end - start)
            if years.kept { years.append(dated) }
            edge += 1
        }
        let readsPapers = options.tiesReadTheirPapers
        for a in members {
            var start = bucketStart[a]
            let bucketEnd = bucketStart[a + 1]
            while start < bucketEnd, !readsPapers {
                var end = start + 1
                let partner = pairs[start] >> 32
                while end < bucketEnd, pairs[end] >> 32 == partner { end += 1 }
                write(a, partner, weight: Double(end - start), pairs: start, end)
                start = end
            }
            while start < bucketEnd {
                var end = start
                let partner = pairs[start] >> 32
                var w = 0.0
                dated.removeAll(keepingCapacity: true)
                while end < bucketEnd, pairs[end] >> 32 == partner {
                    // A pair's publication is anywhere in `facts`: a cache miss each, so the
                    // facts of the pair sixteen on are fetched meanwhile.
                    coauthor_prefetch(facts.baseAddress! + Int(pairs[min(end + 16, lastPair)] & 0xFFFF_FFFF))
                    let fact = facts[Int(pairs[end] & 0xFFFF_FFFF)]
                    let share = pairShare(members: Int(fact.members), level: options.level, weighting: options.weighting)
                    w += share
                    if years.kept, let year = fact.year { dated.append((year, share)) }
                    end += 1
                }
                if dated.count > 1 {
                    dated.sort { $0.year != $1.year ? $0.year < $1.year : $0.weight < $1.weight }
                }
                write(a, partner, weight: w, pairs: start, end)
                start = end
            }
        }
        return edge - first
    }

    /// One run's count of each author's papers, and first and last year (`Int32.max` and
    /// `Int32.min` before any year; a publication's year is never `Int32.min`), in 32 bits each.
    private struct AuthorCounters: Sendable {
        var papers: [Int32]
        var first: [Int32]
        var last: [Int32]

        init(authorCount: Int) {
            papers = [Int32](repeating: 0, count: authorCount)
            first = [Int32](repeating: .max, count: authorCount)
            last = [Int32](repeating: .min, count: authorCount)
        }

        func prefetch(_ author: Int) {
            papers.withUnsafeBufferPointer { coauthor_prefetch($0.baseAddress! + author) }
            first.withUnsafeBufferPointer { coauthor_prefetch($0.baseAddress! + author) }
            last.withUnsafeBufferPointer { coauthor_prefetch($0.baseAddress! + author) }
        }

        mutating func count(_ author: Int, year: Int32?) {
            papers[author] += 1
            if let year {
                first[author] = min(first[author], year)
                last[author] = max(last[author], year)
            }
        }
    }

    /// What the tie loop reads of a publication, side by side, in 8 bytes (publications keep
    /// their years in 32 bits).
    private struct PairFacts {
        private var storedYear: Int32
        var members: Int32

        init(year: Int?, members: Int) {
            storedYear = year.map { Int32($0) } ?? .min
            self.members = Int32(members)
        }

        var year: Int? { storedYear == .min ? nil : Int(storedYear) }
    }

    /// What one publication with `members` distinct authors (or units) adds to each of its ties:
    /// 1 under `count`; under `fractional`, 1/(n − 1) for authors (Newman 2001) and
    /// 1/(k(k−1)/2) for institutions and countries (each publication shares 1 among its pairs).
    /// - Precondition: `members` ≥ 2.
    public static func pairShare(members: Int, level: NetworkLevel, weighting: Weighting) -> Double {
        precondition(members >= 2, "a tie needs two members")
        switch (weighting, level) {
        case (.count, _): return 1
        case (.fractional, .author): return 1 / Double(members - 1)
        case (.fractional, _): return 2 / Double(members * (members - 1))
        }
    }

    /// The part of `network` within `radius` hops of its focus.
    /// - Complexity: O(n + m).
    public static func egoNetwork(of network: CoauthorNetwork, radius: Int) -> CoauthorNetwork {
        guard let focus = network.focus else { return network }
        let hops = network.graph.hopDistances(from: focus, limit: radius)
        let (graph, nodes, edges) = network.graph.induced(keeping: hops.map { $0 >= 0 })
        return CoauthorNetwork(
            graph: graph,
            names: nodes.map { network.names[$0] },
            papers: nodes.map { network.papers[$0] },
            firstYear: nodes.map { network.firstYear[$0] },
            lastYear: nodes.map { network.lastYear[$0] },
            edgePapers: edges.map { network.edgePapers[$0] },
            edgeYears: network.hasTieYears ? YearLists(edges.lazy.map { network.edgeYears[$0] }) : YearLists(),
            edgeYearWeights: network.hasTieYears ? PackedLists(edges.lazy.map { network.yearWeights(ofEdge: $0) }) : PackedLists(),
            weighting: network.weighting,
            focus: nodes.firstIndex(of: focus),
            filterDescription: [network.filterDescription, "ego network of \(network.names[focus]), radius \(radius)"]
                .filter { !$0.isEmpty }.joined(separator: ", "),
            skippedLargePublications: network.skippedLargePublications,
            publicationCount: network.publicationCount,
            ids: network.ids.isEmpty ? [] : nodes.map { network.ids[$0] },
            hasTieYears: network.hasTieYears, referenceYear: network.referenceYear)
    }

    static func describe(_ options: NetworkOptions) -> String {
        var parts: [String] = options.level == .author ? [] : ["\(options.level.rawValue) level"]
        if let year = options.fromYear, options.toYear == year {
            // (Not `years 2021–2021`: a user trial of session 57.)
            parts.append("year \(year)")
        } else if options.fromYear != nil || options.toYear != nil {
            parts.append("years \(options.fromYear.map(String.init) ?? "…")–\(options.toYear.map(String.init) ?? "…")")
        }
        if options.weighting == .fractional { parts.append("fractional weights") }
        if let w = options.minWeight { parts.append("min weight \(w)") }
        if let p = options.minPapers, p > 1 { parts.append("\(options.level.plural) with ≥ \(p) papers") }
        return parts.joined(separator: ", ")
    }

    /// The names `name` most likely meant, at most `limit`, best first: those it abbreviates
    /// (`H. Wu` → `Haoyu Wu`, `Hui Wu`: the same last word, each given name an initial or a start
    /// of the other's, in order), then those of the same last word or containing its words
    /// (`Trento` → `University of Trento`), then near misspellings (two edits, or one in a short
    /// name), then those of the same first word; case and accents aside, names in order within
    /// each kind. (A user trial asked for `H. Wu` and was offered `Chung Wu`, `Dingming Wu` and
    /// `H. Chen` while `Haoyu Wu` was in the network.)
    /// - Complexity: O(n·L²) for n names of length at most L (the misspelling check); asked only
    ///   when a focus names no one.
    static func suggestions(for name: String, in names: [String], limit: Int = 5) -> [String] {
        func words(_ text: String) -> [Substring] {
            text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
                .split { !($0.isLetter || $0.isNumber) }
        }
        let typed = words(name)
        guard let last = typed.last else { return [] }
        let given = typed.dropLast()
        let joined = Array(typed.joined(separator: " "))
        // Each typed given name starts one of the candidate's given names, in order.
        func abbreviates(_ candidate: ArraySlice<Substring>) -> Bool {
            var rest = candidate[...]
            for word in given {
                guard let match = rest.firstIndex(where: { $0.hasPrefix(word) }) else { return false }
                rest = rest[(match + 1)...]
            }
            return true
        }
        func contains(_ candidate: [Substring]) -> Bool {
            candidate.count > typed.count && candidate.indices.dropLast(typed.count - 1).contains { start in
                candidate[start..<(start + typed.count)].elementsEqual(typed)
            }
        }
        func nearlySpelled(_ candidate: [Substring]) -> Bool {
            EditDistance.distance(joined, Array(candidate.joined(separator: " ")), limit: joined.count > 5 ? 2 : 1) != nil
        }
        var ranked: [(kind: Int, name: String)] = []
        for candidate in names {
            let folded = words(candidate)
            guard let candidateLast = folded.last else { continue }
            let kind: Int
            if candidateLast == last && folded.count >= typed.count && abbreviates(folded.dropLast()) {
                kind = 0
            } else if candidateLast == last || contains(folded) {
                kind = 1
            } else if nearlySpelled(folded) {
                kind = 2
            } else if folded.first == typed.first && typed.count > 1 {
                kind = 3
            } else {
                continue
            }
            ranked.append((kind, candidate))
        }
        ranked.sort { ($0.kind, $0.name) < ($1.kind, $1.name) }
        return ranked.prefix(limit).map(\.name)
    }
}
