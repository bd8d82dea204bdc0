/// The classic collaboration indicators of a set of N papers, paper k having n_k listed authors
/// (f_j = papers with j authors), as bibliometrix reports them for a corpus.
///
/// Papers count whole, whatever their size: `--max-authors` limits which papers make ties, not
/// which papers an author wrote. Authors are the distinct resolved authors listed (a record
/// truncated with "and others" counts its listed authors only).
public struct CollaborationIndicators: Sendable, Equatable {
    /// N.
    public var papers: Int
    /// Papers with at least two authors.
    public var multiAuthorPapers: Int
    /// A: distinct authors of the papers (for one author's papers: the author and every co-author).
    public var authors: Int
    /// Collaboration index: Σ n_k over multi-author papers / their number — the mean team of the
    /// papers written together (bibliometrix's "Collaboration Index", Elango and Rajendran 2012;
    /// Lawani's 1980 index averages over all papers instead). NaN without multi-author papers.
    public var collaborationIndex: Double
    /// Degree of collaboration (Subramanyam 1983): multi-author papers / N. NaN when N = 0.
    public var degreeOfCollaboration: Double
    /// Collaborative coefficient (I. Ajiferuke, Q. Burell and J. Tague, Scientometrics 14, 421–433,
    /// 1988, doi:10.1007/BF02017100): CC = 1 − (1/N) Σ_k 1/n_k = 1 − Σ_j f_j / (j N), one minus the mean
    /// fractional credit of an author; 0 for solo work, approaching 1 for large teams. NaN when N = 0.
    public var collaborativeCoefficient: Double
    /// Modified collaborative coefficient (K. Savanur and R. Srikanth, Scientometrics 84, 365–371,
    /// 2010, doi:10.1007/s11192-009-0100-4): MCC = A / (A − 1) · CC, which reaches 1 when every paper
    /// has all A authors of the set. NaN when A < 2 or N = 0.
    public var modifiedCollaborativeCoefficient: Double

    /// The indicators from the parts they are made of.
    /// - Parameters:
    ///   - multiAuthorAuthorships: Σ n_k over the multi-author papers.
    ///   - inverseTeamSizes: Σ_k 1 / n_k over all papers.
    public init(papers: Int, multiAuthorPapers: Int, multiAuthorAuthorships: Int, inverseTeamSizes: Double, authors: Int) {
        self.papers = papers
        self.multiAuthorPapers = multiAuthorPapers
        self.authors = authors
        collaborationIndex = multiAuthorPapers > 0 ? Double(multiAuthorAuthorships) / Double(multiAuthorPapers) : .nan
        degreeOfCollaboration = papers > 0 ? Double(multiAuthorPapers) / Double(papers) : .nan
        collaborativeCoefficient = papers > 0 ? 1 - inverseTeamSizes / Double(papers) : .nan
        modifiedCollaborativeCoefficient = papers > 0 && authors > 1
            ? Double(authors) / Double(authors - 1) * collaborativeCoefficient : .nan
    }

    /// The indicators of papers with `teamSizes` authors, `authors` distinct authors in all.
    /// - Complexity: O(N).
    public init(teamSizes: some Sequence<Int>, authors: Int) {
        var papers = 0, multi = 0, multiAuthorships = 0
        var inverse = 0.0
        for n in teamSizes {
            precondition(n >= 1, "a paper has at least one author")
            papers += 1
            inverse += 1 / Double(n)
            if n >= 2 {
                multi += 1
                multiAuthorships += n
            }
        }
        self.init(papers: papers, multiAuthorPapers: multi, multiAuthorAuthorships: multiAuthorships,
                  inverseTeamSizes: inverse, authors: authors)
    }
}

/// Collaboration indicators of the corpus, of each year and of each author, over the publications
/// within the year range of `options` (the papers the network of SPEC §4 is built from).
public struct CollaborationReport: Sendable {
    public var corpus: CollaborationIndicators
    /// One row per year with a paper, ascending (papers without a year only count for the corpus).
    public var perYear: [(year: Int, indicators: CollaborationIndicators)]
    /// Per author id of the `AuthorIndex` (an author without papers in range has N = 0).
    public var perAuthor: [CollaborationIndicators]

    /// - Complexity: O(Σ_k n_k²) for the distinct co-authors of every author, O(Σ_k n_k) for the rest.
    public init(publications: [Publication], authors index: AuthorIndex, options: NetworkOptions = NetworkOptions()) {
        let selected = publications.indices.filter { k in
            guard options.fromYear != nil || options.toYear != nil else { return true }
            guard let year = publications[k].year else { return false }
            return year >= (options.fromYear ?? .min) && year <= (options.toYear ?? .max)
        }
        let teams = selected.map { index.authorsOfPublication[$0] }.filter { !$0.isEmpty }
        let years = selected.filter { !index.authorsOfPublication[$0].isEmpty }.map { publications[$0].year }
        let authorCount = index.names.count

        var seen = [Bool](repeating: false, count: authorCount)
        var distinct = 0
        for team in teams {
            for a in team where !seen[Int(a)] {
                seen[Int(a)] = true
                distinct += 1
            }
        }
        corpus = CollaborationIndicators(teamSizes: teams.lazy.map(\.count), authors: distinct)

        var byYear: [Int: [Int]] = [:]
        for (k, year) in years.enumerated() {
            if let year { byYear[year, default: []].append(k) }
        }
        perYear = byYear.keys.sorted().map { year in
            let papers = byYear[year]!
            var members = Set<Int32>()
            for k in papers { members.formUnion(teams[k]) }
            return (year, CollaborationIndicators(teamSizes: papers.lazy.map { teams[$0].count }, authors: members.count))
        }

        perAuthor = Self.authorIndicators(teams: teams, authorCount: authorCount)
    }

    /// The indicators of each node of `network`, found by name among the report's authors
    /// (NaN-valued, N = 0, for a name the index does not know).
    /// - Complexity: O(n + number of authors).
    public func perNode(of network: CoauthorNetwork, authors index: AuthorIndex) -> [CollaborationIndicators] {
        let id = Dictionary(index.names.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let none = CollaborationIndicators(teamSizes: [], authors: 0)
        return network.names.map { name in id[name].map { perAuthor[$0] } ?? none }
    }

    /// Per author: papers, multi-author papers and their authorships, Σ 1/n_k, and distinct
    /// co-authors by stamping each author's collaborators once.
    private static func authorIndicators(teams: [[Int32]], authorCount: Int) -> [CollaborationIndicators] {
        var offsets = [Int](repeating: 0, count: authorCount + 1)
        for team in teams {
            for a in team { offsets[Int(a) + 1] += 1 }
        }
        for a in 0..<authorCount { offsets[a + 1] += offsets[a] }
        var papersOf = [Int32](repeating: 0, count: offsets[authorCount])
        var cursor = offsets
        for (k, team) in teams.enumerated() {
            for a in team {
                papersOf[cursor[Int(a)]] = Int32(k)
                cursor[Int(a)] += 1
            }
        }
        var stamp = [Int32](repeating: -1, count: authorCount)
        return (0..<authorCount).map { a in
            var multi = 0, multiAuthorships = 0, distinct = 0
            var inverse = 0.0
            for slot in offsets[a]..<offsets[a + 1] {
                let team = teams[Int(papersOf[slot])]
                inverse += 1 / Double(team.count)
                if team.count >= 2 {
                    multi += 1
                    multiAuthorships += team.count
                }
                for b in team where stamp[Int(b)] != Int32(a) {
                    stamp[Int(b)] = Int32(a)
                    distinct += 1
                }
            }
            return CollaborationIndicators(papers: offsets[a + 1] - offsets[a], multiAuthorPapers: multi,
                                           multiAuthorAuthorships: multiAuthorships, inverseTeamSizes: inverse, authors: distinct)
        }
    }
}
