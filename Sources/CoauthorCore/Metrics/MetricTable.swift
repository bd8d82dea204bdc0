import Foundation

/// The node metrics of SPEC §5.
public enum Metric: String, Sendable, CaseIterable, Hashable {
    case papers, degree, strength, betweenness, closeness, harmonic, eigenvector, pagerank, clustering, core, constraint
    /// The collaboration indicators of a node's papers (`NodeIndicators`), read from the
    /// publications rather than the graph.
    case collaborationIndex = "collaboration_index"
    case degreeOfCollaboration = "degree_of_collaboration"
    case collaborativeCoefficient = "collaborative_coefficient"
    case modifiedCollaborativeCoefficient = "modified_collaborative_coefficient"
    case internationalShare = "international_share"
    case citations
    case hIndex = "h_index"

    /// The metrics computed on the graph (every one but the indicators).
    public static let graphCases = allCases.filter { !$0.isIndicator }

    /// Whether it is a collaboration indicator, citation count or h-index of the node's papers.
    public var isIndicator: Bool {
        switch self {
        case .collaborationIndex, .degreeOfCollaboration, .collaborativeCoefficient, .modifiedCollaborativeCoefficient,
             .internationalShare, .citations, .hIndex: true
        default: false
        }
    }

    /// Whether the values are whole numbers (for output formatting and GraphML types).
    public var isInteger: Bool {
        switch self {
        case .papers, .degree, .core, .citations, .hIndex: true
        default: false
        }
    }

    /// Whether computing it means a shortest-path search from every author (O(n·m)).
    public var isPathBased: Bool {
        switch self {
        case .betweenness, .closeness, .harmonic: true
        default: false
        }
    }

    /// A short explanation for help text and legends.
    public var summary: String {
        switch self {
        case .papers: "publications"
        case .degree: "distinct co-authors"
        case .strength: "total tie weight"
        case .betweenness: "share of shortest paths through the author"
        // (Distances are 1/weight, so a strong tie is shorter than 1 and closeness can pass 1:
        // a user trial of session 56 expected at most 1.)
        case .closeness: "inverse mean distance, distances 1/weight (Wasserman–Faust; can exceed 1)"
        case .harmonic: "sum of inverse distances"
        case .eigenvector: "principal eigenvector of the weighted adjacency"
        case .pagerank: "PageRank, damping 0.85"
        case .clustering: "local clustering coefficient"
        case .core: "k-core number"
        case .constraint: "Burt's constraint (low = broker)"
        case .collaborationIndex: "mean authors per multi-author paper"
        case .degreeOfCollaboration: "share of multi-author papers"
        case .collaborativeCoefficient: "collaborative coefficient (Ajiferuke et al. 1988)"
        case .modifiedCollaborativeCoefficient: "modified collaborative coefficient (Savanur & Srikanth 2010)"
        case .internationalShare: "share of papers naming two or more countries"
        case .citations: "citations of the papers (cited-by counts)"
        case .hIndex: "h-index of the papers within the corpus"
        }
    }
}

/// Computed node metrics of one network, plus the component of every node.
public struct MetricTable: Sendable {
    public private(set) var values: [Metric: [Double]] = [:]
    /// Connected component per node, 0 = the largest.
    public let component: [Int]
    /// Community per node (0 = largest), when requested, by the method of `communityOptions`.
    public let community: [Int]?
    /// Modularity of `community` (resolution 1, whatever was optimised).
    public let modularity: Double?
    /// The quality `communityOptions` optimised, for `community` (`partitionQuality`).
    public let communityQuality: Double?
    /// How `community` was found.
    public let communityOptions: CommunityOptions
    /// The tie normalisation `community` was found on.
    public let communityNormalization: TieNormalization
    /// The guarantees of the path-based metrics that were estimated rather than computed exactly.
    public private(set) var approximations: [Approximation] = []
    /// For each metric estimated by sampling whose guarantee is a bound in its own units, that
    /// bound, to 6 significant digits: every value within ± it of the exact one with probability
    /// `errorConfidence` (betweenness, and harmonic, the largest of its authors' bounds in
    /// `nodeErrorBounds`). Closeness's guarantee is on mean distances (±ε times the longest distance), which
    /// no bound on the values follows from without the diameter: it is in `estimated` alone.
    public private(set) var errorBounds: [Metric: Double] = [:]
    /// Per node, for metrics whose bound differs from node to node (harmonic: n·ε times the
    /// node's strongest tie, 0 where exact), to 6 significant digits; the same probability.
    public private(set) var nodeErrorBounds: [Metric: [Double]] = [:]
    /// The probability of `errorBounds` (1 − δ).
    public private(set) var errorConfidence = 0.9
    /// The metrics estimated by sampling (not computed exactly).
    public private(set) var estimated: Set<Metric> = []
    /// The time budget's decision on the path-based metrics, when a budget was given.
    public internal(set) var budget: PathMetricBudget?

    /// Computes what `request` asks for on `network`: its metrics, and communities when it
    /// gives a community seed (Leiden, modularity at resolution 1, unless `request.communities`
    /// says otherwise).
    ///
    /// With `request.sampling`, betweenness, closeness and harmonic are estimated by
    /// sampling with the guarantees listed in `approximations` (`approximateBetweenness`,
    /// `approximateCloseness`), seeded by the sampling seed alone.
    /// - Complexity: that of the most expensive metric requested (O(n·m + n² log n) for exact path-based ones).
    public init(network: CoauthorNetwork, request: MetricRequest, progress: ProgressHandler? = nil) {
        let metrics = request.metrics
        let graph = network.graph
        component = connectedComponents(graph)
        communityOptions = request.communities
        communityNormalization = request.normalization
        if let seed = request.communitySeed {
            progress?("communities", ProgressFraction.unknown)
            let tied = request.normalization == .none ? graph
                : normalizedTies(graph, request.normalization, totals: tieTotals(network, .papers))
            let found = detectCommunities(tied, options: request.communities, seed: seed)
            community = found.community
            modularity = found.modularity
            communityQuality = found.quality
        } else {
            community = nil
            modularity = nil
            communityQuality = nil
        }
        // Betweenness, closeness and harmonic share one shortest-path search per source.
        var paths = PathMetricRequest()
        if metrics.contains(.betweenness) { paths.insert(.betweenness) }
        if metrics.contains(.closeness) { paths.insert(.closeness) }
        if metrics.contains(.harmonic) { paths.insert(.harmonic) }
        if let sampling = request.sampling, !paths.isEmpty {
            let epsilon = sampling.epsilon
            if paths.contains(.betweenness) {
                let (estimates, guarantee) = approximateBetweenness(graph, epsilon: epsilon, seed: sampling.seed, progress: progress)
                values[.betweenness] = estimates
                approximations.append(guarantee)
                if guarantee.epsilon > 0 {
                    errorBounds[.betweenness] = significantDigits(guarantee.epsilon)
                    errorConfidence = 1 - guarantee.delta
                    estimated.insert(.betweenness)
                }
            }
            if paths.contains(.closeness) || paths.contains(.harmonic) {
                let (closeness, harmonic, guarantee, harmonicBounds) = approximateClosenessWithBounds(
                    graph, epsilon: sampling.distanceEpsilon ?? epsilon, seed: sampling.seed, progress: progress)
                if paths.contains(.closeness) { values[.closeness] = closeness }
                if paths.contains(.harmonic) { values[.harmonic] = harmonic }
                approximations.append(guarantee)
                if guarantee.epsilon > 0 {
                    if paths.contains(.harmonic) {
                        errorBounds[.harmonic] = significantDigits(harmonicBounds.max() ?? 0)
                        nodeErrorBounds[.harmonic] = harmonicBounds.map(significantDigits)
                    }
                    errorConfidence = 1 - guarantee.delta
                    if paths.contains(.closeness) { estimated.insert(.closeness) }
                    if paths.contains(.harmonic) { estimated.insert(.harmonic) }
                }
            }
        } else if !paths.isEmpty {
            var (betweenness, closeness, harmonic) = pathMetrics(graph, paths, progress: progress)
            if paths.contains(.betweenness) {
                rescaleBetweenness(&betweenness, nodeCount: graph.nodeCount)
                values[.betweenness] = betweenness
            }
            if paths.contains(.closeness) { values[.closeness] = closeness }
            if paths.contains(.harmonic) { values[.harmonic] = harmonic }
        }
        for metric in Metric.allCases where metrics.contains(metric) && !metric.isPathBased {
            if !metric.isIndicator, metric != .papers { progress?(metric.rawValue, ProgressFraction.unknown) }
            switch metric {
            case .papers: values[metric] = network.papers.map(Double.init)
            case .degree: values[metric] = degreeCentrality(graph)
            case .strength: values[metric] = strengthCentrality(graph)
            case .betweenness, .closeness, .harmonic: break
            case .eigenvector: values[metric] = eigenvectorCentrality(graph)
            case .pagerank: values[metric] = pageRank(graph)
            case .clustering: values[metric] = clusteringCoefficient(graph)
            case .core: values[metric] = coreNumbers(graph)
            case .constraint: values[metric] = burtConstraint(graph)
            case .collaborationIndex, .degreeOfCollaboration, .collaborativeCoefficient, .modifiedCollaborativeCoefficient,
                 .internationalShare, .citations, .hIndex: break
            }
        }
        // The last phase ended (its line was shown for the work after it: a review of session 56).
        progress?("", ProgressFraction.unknown)
    }

    /// The metrics present, in SPEC order.
    public var metrics: [Metric] { Metric.allCases.filter { values[$0] != nil } }

    /// Sets the values of an indicator, which the graph alone cannot give.
    /// - Precondition: `metric.isIndicator`; one value per node.
    mutating func setIndicator(_ metric: Metric, _ nodeValues: [Double]) {
        precondition(metric.isIndicator && nodeValues.count == component.count, "one value of an indicator per node")
        values[metric] = nodeValues
    }

    public subscript(metric: Metric) -> [Double]? { values[metric] }

    /// Node ids ordered by `metric` (higher first; NaN last; ties by name).
    public func ranking(by metric: Metric, names: [String]) -> [Int] {
        guard let values = values[metric] else { return [] }
        let column = values.map(rankingKey)
        return column.indices.sorted { a, b in
            let x = column[a], y = column[b]
            if x.isNaN != y.isNaN { return y.isNaN }
            if x != y, !x.isNaN { return x > y }
            return names[a] != names[b] ? names[a] < names[b] : a < b
        }
    }
}

/// `value` to 6 significant digits (an error bound, written as people read it: 3739.45, not
/// 3739.4500000000003).
private func significantDigits(_ value: Double) -> Double {
    Double(String(format: "%.6g", value)) ?? value
}

/// `value` rounded to 12 significant digits: what ranks compare, so that values equal but for
/// the rounding of their sums (a fractional strength of 6.000000000000003 and one of
/// 6.000000000000002, two authors of one paper's constraint) are mostly equal, and ordered by
/// name as SPEC §1 orders ties (a user trial of session 54 found them ordered by that noise).
/// It is a rounding, not a tolerance: two values on either side of a rounding boundary stay
/// apart. NaN and infinities are themselves.
func rankingKey(_ value: Double) -> Double {
    guard value.isFinite, value != 0 else { return value }
    let scale = pow(10, 11 - floor(log10(abs(value))))
    // (Beyond what a double holds at that scale, the value is its own key.)
    guard scale.isFinite, (value * scale).isFinite, scale > 0 else { return value }
    return (value * scale).rounded() / scale
}
