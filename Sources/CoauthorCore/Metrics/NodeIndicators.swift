/// Collaboration indicators, citations within the corpus and the share of international papers,
/// for the corpus, each year, and each node of a network (an author, institution or country).
///
/// Computed over the publications within the year range of the network: a node's papers are the
/// papers it is on (an author listed, an institution or country among the affiliations); team
/// sizes n_k count authors at every level. A paper is international when its affiliations name at
/// least two countries; the share is over the papers that name at least one (NaN when none does).
/// Citations are the databases' cited-by counts as exported ("within the corpus": summed over the
/// corpus's papers, not deduplicated against anything else); nil when no paper carries one.
public struct NodeIndicators: Sendable {
    /// One year's (or the corpus's) values.
    public struct Totals: Sendable {
        public var collaboration: CollaborationIndicators
        public var citations: Int?
        public var hIndex: Int?
        /// Papers naming at least one country, and those naming two or more.
        public var papersWithCountry: Int
        public var internationalPapers: Int
        public var internationalShare: Double {
            papersWithCountry > 0 ? Double(internationalPapers) / Double(papersWithCountry) : .nan
        }
    }

    /// Cited-by counts summed, at most `Int.max`: a count an export gives as 9223372036854775807
    /// overflowed the sum (a crash: a user trial of session 53).
    static func sum(_ counts: [Int]) -> Int {
        counts.reduce(0) { total, count in
            let (sum, overflow) = total.addingReportingOverflow(count)
            return overflow ? (count < 0 ? Int.min : Int.max) : sum
        }
    }

    /// The h-index of a set of papers from their citation counts (J. E. Hirsch, PNAS 102,
    /// 16569–16572, 2005, doi:10.1073/pnas.0507655102): the largest h such that h papers have at
    /// least h citations each.
    /// - Complexity: O(N log N).
    public static func hIndex(_ citations: some Sequence<Int>) -> Int {
        let sorted = citations.sorted(by: >)
        var h = 0
        while h < sorted.count, sorted[h] >= h + 1 { h += 1 }
        return h
    }

    public var corpus: Totals
    /// Ascending years with a paper (empty when not asked for).
    public var perYear: [(year: Int, totals: Totals)]
    /// Per node, in network order.
    public var perNode: [Totals]

    /// - Parameters:
    ///   - authors: each publication's resolved authors (team sizes).
    ///   - members: each publication's members (the authors again at author level, the units at
    ///     institution and country level).
    ///   - countries: each publication's distinct countries (empty lists where it names none).
    ///   - network: nodes are matched to members by name, in id order (as `DatedCorpus` does).
    ///   - nodes: whether to compute `perNode` (left empty otherwise).
    ///   - years: whether to compute `perYear` (left empty otherwise).
    /// - Complexity: O(Σ_k n_k · u_k + N log N) for n_k authors and u_k members of paper k.
    public init(publications: [Publication], authors: AuthorIndex, members: AuthorIndex, countries: [[Int32]],
                network: CoauthorNetwork, options: NetworkOptions, nodes: Bool = true, years: Bool = true) {
        precondition(authors.authorsOfPublication.count == publications.count && members.authorsOfPublication.count == publications.count
                     && countries.count == publications.count, "one entry per publication")
        let selected = publications.indices.filter { k in !authors.authorsOfPublication[k].isEmpty && options.includes(year: publications[k].year) }
        let cited = selected.contains { publications[$0].extras.citedBy != nil }
        // The corpus's totals on one core, each year's on the other (on DBLP, each a pass over a
        // million papers and their authors, before anything else can start).
        let parts = parallelRuns(years ? 2 : 1) { part -> (corpus: Totals?, perYear: [(year: Int, totals: Totals)]) in
            var stamp = [Int32](repeating: -1, count: authors.names.count)
            guard part == 1 else {
                return (Self.totals(selected, publications: publications, authors: authors, countries: countries,
                                    cited: cited, stamp: &stamp, round: 0), [])
            }
            var byYear: [Int: [Int]] = [:]
            for k in selected {
                if let year = publications[k].year { byYear[year, default: []].append(k) }
            }
            var result: [(year: Int, totals: Totals)] = []
            for (round, year) in byYear.keys.sorted().enumerated() {
                result.append((year, Self.totals(byYear[year]!, publications: publications, authors: authors, countries: countries,
                                                 cited: cited, stamp: &stamp, round: Int32(round))))
            }
            return (nil, result)
        }
        corpus = parts[0].corpus!
        perYear = years ? parts[1].perYear : []

        guard nodes else {
            perNode = []
            return
        }
        let nodeOfMember = network.nodes(of: members).map(Int.init)
        perNode = Self.nodeTotals(selected: selected, publications: publications, authors: authors, members: members,
                                  countries: countries, nodeOfMember: nodeOfMember, nodeCount: network.nodeCount, cited: cited)
    }

    /// The totals of a set of papers. Distinct authors are counted by stamping each person with
    /// `round`, the number of the set (no hashing: the corpus and every year are counted this way).
    private static func totals(_ papers: [Int], publications: [Publication], authors: AuthorIndex, countries: [[Int32]],
                               cited: Bool, stamp: inout [Int32], round: Int32) -> Totals {
        var people = 0
        for k in papers {
            for person in authors.authorsOfPublication[k] where stamp[Int(person)] != round {
                stamp[Int(person)] = round
                people += 1
            }
        }
        let collaboration = CollaborationIndicators(teamSizes: papers.lazy.map { publications[$0].teamSize(listed: authors.authorsOfPublication[$0].count) },
                                                    authors: people)
        let counts = cited ? papers.map { publications[$0].extras.citedBy ?? 0 } : []
        return Totals(collaboration: collaboration, citations: cited ? Self.sum(counts) : nil,
                      hIndex: cited ? Self.hIndex(counts) : nil,
                      papersWithCountry: papers.count { !countries[$0].isEmpty },
                      internationalPapers: papers.count { countries[$0].count >= 2 })
    }

    /// Each node's totals: its papers as a CSR list, the distinct authors around it by stamping
    /// each person once per node.
    /// - Complexity: O(Σ_k n_k · u_k + N log N) for n_k authors and u_k members of paper k.
    private static func nodeTotals(selected: [Int], publications: [Publication], authors: AuthorIndex, members: AuthorIndex,
                                   countries: [[Int32]], nodeOfMember: [Int], nodeCount: Int, cited: Bool) -> [Totals] {
        var offsets = [Int](repeating: 0, count: nodeCount + 1)
        for k in selected {
            for m in members.authorsOfPublication[k] where nodeOfMember[Int(m)] >= 0 { offsets[nodeOfMember[Int(m)] + 1] += 1 }
        }
        for v in 0..<nodeCount { offsets[v + 1] += offsets[v] }
        var papersOf = [Int](repeating: 0, count: offsets[nodeCount])
        var cursor = offsets
        for k in selected {
            for m in members.authorsOfPublication[k] where nodeOfMember[Int(m)] >= 0 {
                let v = nodeOfMember[Int(m)]
                papersOf[cursor[v]] = k
                cursor[v] += 1
            }
        }
        var stamp = [Int](repeating: -1, count: authors.names.count)
        var counts: [Int] = []
        return (0..<nodeCount).map { v in
            var multi = 0, multiAuthorships = 0, distinct = 0, withCountry = 0, international = 0
            var inverse = 0.0
            counts.removeAll(keepingCapacity: true)
            for slot in offsets[v]..<offsets[v + 1] {
                let k = papersOf[slot]
                let team = authors.authorsOfPublication[k]
                let size = publications[k].teamSize(listed: team.count)
                inverse += 1 / Double(size)
                if size >= 2 {
                    multi += 1
                    multiAuthorships += size
                }
                for person in team where stamp[Int(person)] != v {
                    stamp[Int(person)] = v
                    distinct += 1
                }
                if !countries[k].isEmpty { withCountry += 1 }
                if countries[k].count >= 2 { international += 1 }
                counts.append(publications[k].extras.citedBy ?? 0)
            }
            let collaboration = CollaborationIndicators(papers: offsets[v + 1] - offsets[v], multiAuthorPapers: multi,
                                                        multiAuthorAuthorships: multiAuthorships, inverseTeamSizes: inverse,
                                                        authors: distinct)
            return Totals(collaboration: collaboration, citations: cited ? Self.sum(counts) : nil,
                          hIndex: cited ? hIndex(counts) : nil, papersWithCountry: withCountry, internationalPapers: international)
        }
    }
}
