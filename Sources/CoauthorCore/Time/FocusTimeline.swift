/// One year of the focus author's collaboration history (SPEC §6).
public struct FocusYear: Sendable, Equatable {
    public var year: Int
    /// Publications of the focus author that year.
    public var papers: Int
    /// Distinct collaborators with a joint paper that year.
    public var coauthors: Int
    /// Collaborators whose first joint paper with the focus author is that year.
    public var new: Int
    /// `coauthors − new`: collaborators seen in an earlier year too.
    public var returning: Int
    /// Distinct collaborators up to and including that year.
    public var cumulative: Int
    /// Papers with the focus author as the only author.
    public var solo: Int
    /// Mean number of authors per paper of the focus author; nil in a year without papers.
    public var team: Double?

    // Public memberwise initialiser (Swift synthesises an internal one only): shaped like every
    // other value type's, deliberately.
    public init(year: Int, papers: Int, coauthors: Int, new: Int, returning: Int, cumulative: Int, solo: Int, team: Double?) {
        self.year = year
        self.papers = papers
        self.coauthors = coauthors
        self.new = new
        self.returning = returning
        self.cumulative = cumulative
        self.solo = solo
        self.team = team
    }
}

/// The focus author's per-year table of SPEC §6.
public enum FocusTimeline {
    /// The rows from the focus author's first to last publication year, years without a paper included as zero rows.
    ///
    /// Collaborators are the focus author's ties in `network`, so the table agrees with
    /// the graph: `cumulative` in the last year is the focus author's degree (less ties
    /// whose joint papers have no year), and `--max-authors`, `--min-weight`,
    /// `--min-papers` apply. `papers`, `solo` and `team` read every publication of the
    /// focus author within `--from`/`--to`; `team` counts all of a paper's authors.
    /// - Parameters:
    ///   - focus: the focus author's node in `network`.
    ///   - corpus: the dated publications, with authors as nodes of `network`.
    /// - Complexity: O(d·k + p) for d ties of k joint papers each and p publications of the focus author.
    public static func rows(focus: Int, network: CoauthorNetwork, corpus: DatedCorpus) -> [FocusYear] {
        guard let first = network.firstYear[focus], let last = network.lastYear[focus], first <= last else { return [] }
        let count = last - first + 1
        var papers = [Int](repeating: 0, count: count)
        var solo = [Int](repeating: 0, count: count)
        var authorSlots = [Int](repeating: 0, count: count)
        for index in corpus.publications(of: focus) {
            let year = corpus.years[index]
            guard year >= first, year <= last else { continue }
            let size = corpus.teamSizes[index]
            papers[year - first] += 1
            authorSlots[year - first] += size
            // Alone: the only author, or at institution and country level the only unit.
            // (A list that `and others` ends is never alone.)
            if corpus.memberCounts[index] == 1 && corpus.teamSizes[index] == corpus.authorCounts[index] { solo[year - first] += 1 }
        }
        var coauthors = [Int](repeating: 0, count: count)
        var new = [Int](repeating: 0, count: count)
        let graph = network.graph
        for slot in graph.slots(focus) {
            let years = network.edgeYears[Int(graph.edgeIDs[slot])]
            guard let firstJoint = years.first else { continue }
            if (first...last).contains(firstJoint) { new[firstJoint - first] += 1 }
            var previous: Int?
            for year in years where year != previous && (first...last).contains(year) {
                coauthors[year - first] += 1
                previous = year
            }
        }
        var cumulative = 0
        return (0..<count).map { i in
            cumulative += new[i]
            return FocusYear(year: first + i, papers: papers[i], coauthors: coauthors[i], new: new[i],
                             returning: coauthors[i] - new[i], cumulative: cumulative, solo: solo[i],
                             team: papers[i] > 0 ? Double(authorSlots[i]) / Double(papers[i]) : nil)
        }
    }
}
