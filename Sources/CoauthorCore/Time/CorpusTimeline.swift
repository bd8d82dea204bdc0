/// One year of the whole corpus (SPEC §6).
public struct CorpusYear: Sendable, Equatable {
    public var year: Int
    /// Publications that year.
    public var papers: Int
    /// Distinct authors with a publication that year.
    public var activeAuthors: Int
    /// Authors whose first publication is that year.
    public var newAuthors: Int
    /// Ties whose first joint paper is that year.
    public var newTies: Int
    /// Mean number of authors per publication; nil in a year without publications.
    public var team: Double?
    /// Share of publications with two or more authors; nil in a year without publications.
    public var multiAuthorShare: Double?

    // Public memberwise initialiser (Swift synthesises an internal one only): shaped like every
    // other value type's, deliberately.
    public init(year: Int, papers: Int, activeAuthors: Int, newAuthors: Int, newTies: Int, team: Double?, multiAuthorShare: Double?) {
        self.year = year
        self.papers = papers
        self.activeAuthors = activeAuthors
        self.newAuthors = newAuthors
        self.newTies = newTies
        self.team = team
        self.multiAuthorShare = multiAuthorShare
    }
}

/// The whole corpus's per-year table of SPEC §6.
public enum CorpusTimeline {
    /// One row per year from the first to the last dated publication (years without any as zero rows).
    ///
    /// Authors are the network's nodes and ties its edges, so `--min-papers`,
    /// `--max-authors` and `--min-weight` apply as they do to the graph; team sizes
    /// count every author of a paper.
    /// - Complexity: O(A + m + Y) for A authorships, m ties and Y years.
    public static func rows(corpus: DatedCorpus, network: CoauthorNetwork) -> [CorpusYear] {
        guard let first = corpus.years.first, let last = corpus.years.last else { return [] }
        let count = last - first + 1
        var papers = [Int](repeating: 0, count: count)
        var active = [Int](repeating: 0, count: count)
        var newAuthors = [Int](repeating: 0, count: count)
        var slots = [Int](repeating: 0, count: count)
        var multi = [Int](repeating: 0, count: count)
        // Publications come in year order, so one "last year seen" per author finds
        // both the first appearance and the distinct authors of each year.
        var lastSeen = [Int](repeating: Int.min, count: corpus.nodeCount)
        for index in 0..<corpus.count {
            let i = corpus.years[index] - first
            papers[i] += 1
            slots[i] += corpus.teamSizes[index]
            if corpus.teamSizes[index] > 1 { multi[i] += 1 }
            for v in corpus.nodes[index] {
                let v = Int(v)
                if lastSeen[v] == corpus.years[index] { continue }
                if lastSeen[v] == Int.min { newAuthors[i] += 1 }
                lastSeen[v] = corpus.years[index]
                active[i] += 1
            }
        }
        var newTies = [Int](repeating: 0, count: count)
        for year in network.edgeFirstYear {
            if let year, (first...last).contains(year) { newTies[year - first] += 1 }
        }
        return (0..<count).map { i in
            CorpusYear(year: first + i, papers: papers[i], activeAuthors: active[i], newAuthors: newAuthors[i],
                       newTies: newTies[i],
                       team: papers[i] > 0 ? Double(slots[i]) / Double(papers[i]) : nil,
                       multiAuthorShare: papers[i] > 0 ? Double(multi[i]) / Double(papers[i]) : nil)
        }
    }
}
