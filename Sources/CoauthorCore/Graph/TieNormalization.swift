/// How tie weights are normalised for maps and communities (SPEC §4, `--normalize`).
///
/// Every measure divides the co-occurrence c_ij (the tie's weight under the chosen weighting) by
/// what the two authors' totals s_i and s_j would lead one to expect, so that prolific authors do
/// not dominate merely by being prolific (N. J. van Eck and L. Waltman, "How to normalize
/// cooccurrence data? An analysis of some well-known similarity measures", JASIST 60(8),
/// 1635–1651, 2009, doi:10.1002/asi.21075).
public enum TieNormalization: String, Sendable, CaseIterable, Hashable {
    /// c_ij unchanged.
    case none
    /// Association strength c_ij / (s_i s_j): proportional to the ratio of observed to expected
    /// co-occurrences; van Eck and Waltman's recommendation and VOSviewer's default.
    case association
    /// VOSviewer's fractionalisation: c_ij · (n / s_i + n / s_j) / 2, n the number of authors
    /// (CWTS networkanalysis `Network.createNormalizedNetworkUsingFractionalization`): the mean of
    /// c_ij / s_i and c_ij / s_j, the shares of each author's total that the tie takes, times n
    /// so that values stay near the raw weights' scale.
    case fractional
    /// Salton's cosine c_ij / √(s_i s_j).
    case cosine
    /// Jaccard index c_ij / (s_i + s_j − c_ij).
    case jaccard
    /// Inclusion index c_ij / min(s_i, s_j).
    case inclusion

    /// Words for titles and export metadata.
    public var summary: String {
        switch self {
        case .none: "no normalisation"
        case .association: "association strength c_ij / (s_i s_j)"
        case .fractional: "fractionalisation c_ij (n / s_i + n / s_j) / 2"
        case .cosine: "Salton's cosine c_ij / sqrt(s_i s_j)"
        case .jaccard: "Jaccard index c_ij / (s_i + s_j - c_ij)"
        case .inclusion: "inclusion index c_ij / min(s_i, s_j)"
        }
    }
}

/// What s_i, an author's total, is in a tie normalisation.
///
/// The decision: **papers** by default. Van Eck and Waltman (2009) define s_i as the number of
/// occurrences of item i — for co-authorship, the author's publications — and only then are the
/// set-theoretic measures what their names say: with count weights, Jaccard is
/// |P_i ∩ P_j| / |P_i ∪ P_j| and inclusion |P_i ∩ P_j| / min(|P_i|, |P_j|), both within [0, 1], and
/// an author's solo papers and papers above `--max-authors` count as occasions that produced no tie.
/// VOSviewer's normaliser instead sets node weights to the total link strength (the paper's
/// "total number of co-occurrences" variant); `strength` gives that, for comparisons with VOSviewer.
public enum TieTotal: String, Sendable, CaseIterable, Hashable {
    /// s_i = publications of author i (within the filters).
    case papers
    /// s_i = Σ_j c_ij, the author's total tie weight.
    case strength
}

/// A copy of `graph` with every weight c_ij replaced by its normalisation, same nodes and edges
/// (same edge ids), so edge attributes stay aligned.
///
/// The result's weights are strengths as before; path metrics keep distance = 1 / weight of it.
/// Association strength follows SPEC §4 literally, c_ij / (s_i s_j); VOSviewer multiplies it by
/// the constant Σ_k s_k, which changes no ranking, no map and no modularity community (only a CPM
/// resolution would have to be scaled by it).
/// - Parameters:
///   - totals: s_i per node (`tieTotals`).
/// - Precondition: s_i > 0 for every author with a tie, and s_i ≥ c_ij (true of papers under
///   either weighting and of strength).
/// - Complexity: O(n + m).
public func normalizedTies(_ graph: WeightedGraph, _ normalization: TieNormalization, totals: [Double]) -> WeightedGraph {
    precondition(totals.count == graph.nodeCount, "one total per node")
    guard normalization != .none else { return graph }
    let n = Double(graph.nodeCount)
    let weight = (0..<graph.edgeCount).map { e -> Double in
        let c = graph.weight[e]
        let si = totals[Int(graph.source[e])], sj = totals[Int(graph.target[e])]
        precondition(si > 0 && sj > 0, "an author with a tie needs a positive total")
        let value: Double
        switch normalization {
        case .none: value = c
        case .association: value = c / (si * sj)
        case .fractional: value = c * (n / si + n / sj) / 2
        case .cosine: value = c / (si * sj).squareRoot()
        case .jaccard: value = c / (si + sj - c)
        case .inclusion: value = c / min(si, sj)
        }
        precondition(value > 0 && value.isFinite, "totals smaller than a tie's weight")
        return value
    }
    return WeightedGraph(nodeCount: graph.nodeCount, source: graph.source, target: graph.target, weight: weight)
}

/// s_i per node of `network`.
/// - Complexity: O(n + m).
public func tieTotals(_ network: CoauthorNetwork, _ total: TieTotal) -> [Double] {
    switch total {
    case .papers: network.papers.map(Double.init)
    case .strength: strengthCentrality(network.graph)
    }
}

extension CoauthorNetwork {
    /// The same network with normalised tie weights (`normalizedTies`); papers, years and the shares
    /// each dated paper adds to a tie are kept in proportion, and the normalisation is added to
    /// `filterDescription` so every output's metadata states it.
    /// - Complexity: O(n + m + Σ joint papers).
    public func normalizingTies(_ normalization: TieNormalization, total: TieTotal = .papers) -> CoauthorNetwork {
        guard normalization != .none else { return self }
        let normalized = normalizedTies(graph, normalization, totals: tieTotals(self, total))
        let words = "ties normalised by \(normalization.summary), s_i = \(total == .papers ? "papers" : "strength")"
        return CoauthorNetwork(
            graph: normalized, names: names, papers: papers, firstYear: firstYear, lastYear: lastYear,
            edgePapers: edgePapers, edgeYears: hasTieYears ? edgeYears : YearLists(),
            edgeYearWeights: !hasTieYears ? PackedLists() : PackedLists((0..<edgeCount).lazy.map { e in
                let scale = normalized.weight[e] / graph.weight[e]
                return yearWeights(ofEdge: e).map { $0 * scale }
            }),
            weighting: weighting, focus: focus,
            filterDescription: [filterDescription, words].filter { !$0.isEmpty }.joined(separator: ", "),
            skippedLargePublications: skippedLargePublications, publicationCount: publicationCount, ids: ids,
            hasTieYears: hasTieYears, referenceYear: referenceYear)
    }
}
