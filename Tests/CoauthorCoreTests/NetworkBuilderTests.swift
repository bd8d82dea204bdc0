@testable import CoauthorCore
import Testing

/// The builder's ties against a direct count: a dictionary of author pairs filled paper by paper,
/// on seeded random corpora whose author lists are in no particular order.
struct NetworkBuilderTests {
    /// A focus that names no one is answered with the names it most likely meant: those it
    /// abbreviates first (a user trial asked for `H. Wu` and was offered `Chung Wu`, `Dingming Wu`
    /// and `H. Chen`), then the same surname or the words inside a longer name, then near
    /// misspellings, then the same first word; case and accents aside.
    @Test func anUnknownFocusIsOfferedTheNamesItMayMean() {
        let names = ["Chung Wu", "Dingming Wu", "H. Chen", "Haoyu Wu", "Hui Wu", "Huanhuan Wu", "Xin Wu", "Hannah Ng",
                     "Hui-Ling Wú", "Shashank Rajput", "University of Trento", "Trento Hospital", "Zoë Ortiz"]
        #expect(NetworkBuilder.suggestions(for: "H. Wu", in: names) == ["Haoyu Wu", "Huanhuan Wu", "Hui Wu", "Hui-Ling Wú", "Chung Wu"])
        #expect(NetworkBuilder.suggestions(for: "h l wu", in: names, limit: 2) == ["Hui-Ling Wú", "Chung Wu"])
        #expect(NetworkBuilder.suggestions(for: "Shashank Rajpt", in: names) == ["Shashank Rajput"])
        #expect(NetworkBuilder.suggestions(for: "Shashank Rajpout", in: names) == ["Shashank Rajput"])
        #expect(NetworkBuilder.suggestions(for: "trento", in: names) == ["University of Trento", "Trento Hospital"])
        #expect(NetworkBuilder.suggestions(for: "Zoe Ortiz", in: names) == ["Zoë Ortiz"])
        #expect(NetworkBuilder.suggestions(for: "Hannah Smith", in: names) == ["Hannah Ng"])
        #expect(NetworkBuilder.suggestions(for: "Nobody Atall", in: names).isEmpty)
        #expect(NetworkBuilder.suggestions(for: " .", in: names).isEmpty)
        #expect(NetworkError.unknownFocus("H. Wu", suggestions: ["Haoyu Wu", "Hui Wu"]).description
                == "no author named 'H. Wu' in the network; did you mean 'Haoyu Wu' or 'Hui Wu'?")
        #expect(NetworkError.didYouMean(["A", "B", "C"]) == "did you mean 'A', 'B' or 'C'?")
        // The one edit distance of the hints (the commands' and metrics' too): a transposition is one edit.
        #expect(EditDistance.distance(Array("rajput"), Array("rajpuT"), limit: 1) == 1)
        #expect(EditDistance.distance(Array("betweennes"), Array("betweenness"), limit: 2) == 1)
        #expect(EditDistance.distance(Array("ab"), Array("ba"), limit: 1) == 1)
        #expect(EditDistance.distance(Array("kitten"), Array("sitting"), limit: 2) == nil)
        #expect(EditDistance.distance(Array("kitten"), Array("sitting"), limit: 3) == 3)
    }

    /// One tie as the direct count sees it: its papers' shares in publication order and their years.
    struct Tie: Equatable {
        var papers = 0
        var weight = 0.0
        var years: [Int] = []
        var shares: [(year: Int, share: Double)] = []

        static func == (a: Tie, b: Tie) -> Bool {
            a.papers == b.papers && a.weight == b.weight && a.years == b.years
        }
    }

    /// `count` papers of 1 to `maxTeam` authors drawn from `people`, some undated, authors listed
    /// in random order; half the papers also list one of `8 × people` occasional authors, most of
    /// whom have one or two papers.
    static func corpus(seed: UInt64, count: Int, people: Int, maxTeam: Int, occasional: Bool = true) -> [Publication] {
        var random = SplitMix64(seed: seed)
        return (0..<count).map { k in
            let team = 1 + Int(random.next() % UInt64(maxTeam))
            var members: [Int] = []
            while members.count < team {
                let person = Int(random.next() % UInt64(people))
                if !members.contains(person) { members.append(person) }
            }
            if occasional && random.next() % 2 == 0 {
                members.insert(people + Int(random.next() % UInt64(8 * people)), at: Int(random.next() % UInt64(team + 1)))
            }
            let year: Int? = random.next() % 10 == 0 ? nil : 2000 + Int(random.next() % 20)
            return Publication(key: "p\(k)", type: "article", title: "Paper \(k)", venue: "V", year: year,
                               authors: members.map { PersonName(first: "Given\($0)", last: "Family\($0)") },
                               location: SourceLocation(path: "test", line: k + 1, column: 1))
        }
    }

    /// The ties of `publications` by a dictionary keyed by the two names, shares summed in publication order.
    static func directTies(_ publications: [Publication], authors: AuthorIndex,
                           options: NetworkOptions) -> (ties: [String: Tie], skipped: Int) {
        var papers: [Int: Int] = [:]
        for k in publications.indices { for a in authors.authorsOfPublication[k] { papers[Int(a), default: 0] += 1 } }
        var ties: [String: Tie] = [:]
        var skipped = 0
        for k in publications.indices {
            let ids = Array(authors.authorsOfPublication[k])
            guard ids.count >= 2 else { continue }
            if ids.count > options.maxAuthors {
                skipped += 1
                continue
            }
            let kept = ids.filter { papers[Int($0)]! >= (options.minPapers ?? 1) }
            let share = NetworkBuilder.pairShare(members: ids.count, level: .author, weighting: options.weighting)
            for i in kept.indices {
                for j in kept.indices where j > i {
                    let pair = [authors.names[Int(kept[i])], authors.names[Int(kept[j])]].sorted()
                    let key = pair.joined(separator: " & ")
                    ties[key, default: Tie()].papers += 1
                    ties[key, default: Tie()].weight += share
                    if let year = publications[k].year {
                        ties[key, default: Tie()].years.append(year)
                        ties[key, default: Tie()].shares.append((year, share))
                    }
                }
            }
        }
        for key in ties.keys { ties[key]!.years.sort() }
        return (ties, skipped)
    }

    /// The last two corpora have more than 4,096 authors: their pairs go through the coarse
    /// buckets of `fillBuckets` (the first four are filled directly).
    @Test(arguments: [(UInt64(1), Weighting.count, 1, 50, 400), (2, .fractional, 1, 50, 400), (3, .fractional, 3, 6, 400),
                      (4, .count, 2, 4, 400), (5, .fractional, 1, 50, 6_000), (6, .count, 2, 6, 6_000)])
    func tiesMatchADirectCount(seed: UInt64, weighting: Weighting, minPapers: Int, maxAuthors: Int, people: Int) throws {
        let publications = Self.corpus(seed: seed, count: people * 15 / 2, people: people, maxTeam: 8)
        if people > 4_096 { #expect(publications.count >= NetworkBuilder.parallelCountPapers) }
        let authors = AuthorResolver.resolve(publications, mode: .exact)
        #expect(authors.names.count > (people > 4_096 ? 4_096 : 1_500))
        var options = NetworkOptions()
        options.weighting = weighting
        options.minPapers = minPapers
        options.maxAuthors = maxAuthors
        let network = try NetworkBuilder.build(publications: publications, authors: authors, options: options)
        #expect(network.hasTieYears)
        // Built without the ties' years (what `stats` asks for): the same nodes, ends, weights and
        // joint papers, the weights under `count` counted from the pairs alone.
        var yearless = options
        yearless.keepsTieYears = false
        let bare = try NetworkBuilder.build(publications: publications, authors: authors, options: yearless)
        let sameAsWithYears = (bare.graph == network.graph, bare.edgePapers == network.edgePapers,
                               bare.names == network.names && bare.papers == network.papers
                                   && bare.firstYear == network.firstYear && bare.lastYear == network.lastYear)
        #expect(!bare.hasTieYears)
        #expect(sameAsWithYears.0, "ends and weights without the years")
        #expect(sameAsWithYears.1, "joint papers without the years")
        #expect(sameAsWithYears.2, "nodes without the years")
        let (expected, skipped) = Self.directTies(publications, authors: authors, options: options)
        #expect(network.skippedLargePublications == skipped)
        if maxAuthors < 8 { #expect(skipped > 0) }
        // Each node's papers and first and last year, counted directly (the larger corpora are
        // counted in runs of papers, one per core).
        var direct: [String: (papers: Int, first: Int?, last: Int?)] = [:]
        for k in publications.indices {
            for a in authors.authorsOfPublication[k] {
                var entry = direct[authors.names[Int(a)]] ?? (0, nil, nil)
                entry.papers += 1
                if let year = publications[k].year {
                    entry.first = min(entry.first ?? year, year)
                    entry.last = max(entry.last ?? year, year)
                }
                direct[authors.names[Int(a)]] = entry
            }
        }
        let differing = (0..<network.nodeCount).filter { node in
            let entry = direct[network.names[node]]
            return entry?.papers != network.papers[node] || entry?.first != network.firstYear[node] || entry?.last != network.lastYear[node]
        }
        #expect(differing.isEmpty, "\(differing.count) nodes differ, the first \(differing.first.map { network.names[$0] } ?? "")")
        // With a paper threshold some people drop out, and the ids are renumbered.
        if minPapers > 1 { #expect(network.nodeCount < authors.names.count) }
        let graph = network.graph
        #expect(graph.edgeCount == expected.count)
        #expect(graph.edgeCount > 1_000)
        // Edges are listed by their lower end, then by the higher one.
        for e in 1..<graph.edgeCount {
            #expect((graph.source[e - 1], graph.target[e - 1]) < (graph.source[e], graph.target[e]))
        }
        for e in 0..<graph.edgeCount {
            let pair = [network.names[Int(graph.source[e])], network.names[Int(graph.target[e])]].sorted()
            let tie = try #require(expected[pair.joined(separator: " & ")])
            #expect(network.edgePapers[e] == Int32(tie.papers))
            // Exactly: the same shares summed in the same (publication) order.
            #expect(graph.weight[e] == (weighting == .count ? Double(tie.papers) : tie.weight))
            #expect(Array(network.edgeYears[e]) == tie.years)
            #expect(network.edgeFirstYear[e] == tie.years.first)
            #expect(network.edgeLastYear[e] == tie.years.last)
            if weighting == .fractional {
                let shares = tie.shares.sorted { $0.year != $1.year ? $0.year < $1.year : $0.share < $1.share }
                #expect(network.yearWeights(ofEdge: e) == shares.map(\.share))
            }
        }
    }

    /// A corpus of more than `parallelSortPairs` pairs sorts its buckets and collects its ties in
    /// runs, one per thread: the same network on one thread and on several, and its edges in order.
    @Test func bucketsSortedInRunsGiveTheSameNetwork() throws {
        let publications = Self.corpus(seed: 7, count: 5_600, people: 3_000, maxTeam: 40, occasional: false)
        let authors = AuthorResolver.resolve(publications, mode: .exact)
        let pairs = authors.authorsOfPublication.indices.reduce(0) { total, k in
            let m = authors.authorsOfPublication[k].count
            return total + m * (m - 1) / 2
        }
        #expect(pairs >= NetworkBuilder.parallelSortPairs)
        var options = NetworkOptions()
        options.weighting = .fractional
        let one = try Parallelism.$workers.withValue(1) { try NetworkBuilder.build(publications: publications, authors: authors, options: options) }
        #expect(one.graph.edgeCount > 500_000)
        for e in 1..<one.graph.edgeCount {
            guard (one.graph.source[e - 1], one.graph.target[e - 1]) < (one.graph.source[e], one.graph.target[e]) else {
                Issue.record("edges \(e - 1) and \(e) out of order")
                break
            }
        }
        for workers in [2, 5] {
            let many = try Parallelism.$workers.withValue(workers) {
                try NetworkBuilder.build(publications: publications, authors: authors, options: options)
            }
            // Compared first, expected after: a failed expectation would print both networks whole.
            let (sameGraph, samePapers) = (many.graph == one.graph, many.edgePapers == one.edgePapers)
            let sameYears = many.edgeYears == one.edgeYears && many.edgeYearWeights == one.edgeYearWeights
            let sameNodes = many.papers == one.papers && many.firstYear == one.firstYear && many.lastYear == one.lastYear
            #expect(sameNodes, "\(workers) threads: papers and years of the nodes")
            #expect(sameGraph, "\(workers) threads: ends and weights")
            #expect(samePapers, "\(workers) threads: joint papers")
            #expect(sameYears, "\(workers) threads: years and their shares")
        }
    }

    /// A corpus of more than 4,096 authors fills its pairs' coarse buckets in runs of papers, one
    /// per thread, each from its own place in every bucket, and spreads runs of buckets on all
    /// threads: the same network (fractional weights summed in publication order) on one thread
    /// and on several.
    @Test func coarseBucketsFilledInRunsGiveTheSameNetwork() throws {
        let publications = Self.corpus(seed: 13, count: 9_000, people: 6_000, maxTeam: 30, occasional: false)
        let authors = AuthorResolver.resolve(publications, mode: .exact)
        #expect(authors.names.count > 4_096)
        #expect(publications.count >= 2 * NetworkBuilder.parallelCountPapers)
        var options = NetworkOptions()
        options.weighting = .fractional
        let one = try Parallelism.$workers.withValue(1) { try NetworkBuilder.build(publications: publications, authors: authors, options: options) }
        #expect(one.graph.edgeCount > 100_000)
        for workers in [2, 3, 5] {
            let many = try Parallelism.$workers.withValue(workers) {
                try NetworkBuilder.build(publications: publications, authors: authors, options: options)
            }
            let (sameGraph, samePapers) = (many.graph == one.graph, many.edgePapers == one.edgePapers)
            let sameYears = many.edgeYears == one.edgeYears && many.edgeYearWeights == one.edgeYearWeights
            #expect(sameGraph, "\(workers) threads: ends and weights")
            #expect(samePapers, "\(workers) threads: joint papers")
            #expect(sameYears, "\(workers) threads: years and their shares")
        }
    }

    /// Without the ties' years, on one thread and on two, with a minimum weight (which keeps the
    /// tie loop on one run) and an ego network: the same network as with them, less the years.
    @Test(arguments: [Weighting.count, .fractional])
    func tiesWithoutYearsAreTheTiesWithYears(weighting: Weighting) throws {
        let publications = Self.corpus(seed: 11, count: 5_600, people: 3_000, maxTeam: 40, occasional: false)
        let authors = AuthorResolver.resolve(publications, mode: .exact)
        for minWeight in [nil, weighting == .count ? 2 : 0.1] {
            var options = NetworkOptions()
            options.weighting = weighting
            options.minWeight = minWeight
            options.focus = authors.names[Int(authors.authorsOfPublication[0][0])]
            options.radius = 1
            for workers in [1, 2] {
                let (full, bare) = try Parallelism.$workers.withValue(workers) {
                    let full = try NetworkBuilder.build(publications: publications, authors: authors, options: options)
                    var yearless = options
                    yearless.keepsTieYears = false
                    return (full, try NetworkBuilder.build(publications: publications, authors: authors, options: yearless))
                }
                #expect(full.hasTieYears && !bare.hasTieYears)
                #expect(full.graph.edgeCount > 100, "the ego network has ties")
                let same = (bare.graph == full.graph, bare.edgePapers == full.edgePapers,
                            bare.names == full.names && bare.papers == full.papers && bare.focus == full.focus,
                            bare.filterDescription == full.filterDescription)
                #expect(same.0, "\(workers) threads, min weight \(minWeight ?? 0): ends and weights")
                #expect(same.1, "\(workers) threads, min weight \(minWeight ?? 0): joint papers")
                #expect(same.2, "\(workers) threads, min weight \(minWeight ?? 0): nodes and focus")
                #expect(same.3, "\(workers) threads, min weight \(minWeight ?? 0): description")
            }
        }
    }

    @Test func aCorpusWithoutTiesHasNoEdges() throws {
        let publications = Self.corpus(seed: 9, count: 50, people: 30, maxTeam: 1, occasional: false)
        let authors = AuthorResolver.resolve(publications, mode: .exact)
        let network = try NetworkBuilder.build(publications: publications, authors: authors, options: NetworkOptions())
        #expect(network.nodeCount == authors.names.count)
        #expect(network.graph.edgeCount == 0)
    }

    /// The filters are described in the level's units: `rank --level country --min-papers 4`
    /// said "authors with ≥ 4 papers" (a user trial of session 61).
    @Test func theFiltersAreDescribedInTheLevelsUnits() {
        var options = NetworkOptions()
        options.minPapers = 4
        #expect(NetworkBuilder.describe(options) == "authors with ≥ 4 papers")
        options.level = .country
        #expect(NetworkBuilder.describe(options) == "country level, countries with ≥ 4 papers")
        options.level = .institution
        #expect(NetworkBuilder.describe(options) == "institution level, institutions with ≥ 4 papers")
    }
}
