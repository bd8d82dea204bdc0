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
