import Foundation

/// The history of one collaboration: the tie between the focus author and a co-author (SPEC §6).
public struct TieMetrics: Sendable, Equatable {
    /// The co-author's node.
    public var coauthor: Int
    public var papers: Int
    public var weight: Double
    public var firstYear: Int?
    public var lastYear: Int?
    /// last − first + 1.
    public var span: Int?
    /// Distinct years with a joint paper.
    public var activeYears: Int
    /// Decayed strength Σ_k w_k · 2^(−(Y − y_k)/h).
    public var recency: Double

    /// h in years where none is given (SPEC §6).
    public static let defaultHalfLife = 3.0

    /// The tie metrics of every co-author of `focus`.
    ///
    /// `recency` weighs each joint paper by its share of the tie weight (1 under
    /// `count`, 1/(n_k−1) under `fractional`) and halves it every `halfLife` years
    /// before `referenceYear`.
    /// - Parameters:
    ///   - referenceYear: Y, the corpus's last year.
    ///   - halfLife: h in years (default 3).
    /// - Complexity: O(Σ joint papers of the focus author).
    public static func ties(of focus: Int, in network: CoauthorNetwork, referenceYear: Int?, halfLife: Double = defaultHalfLife) -> [TieMetrics] {
        let graph = network.graph
        return graph.slots(focus).map { slot in
            tie(Int(graph.edgeIDs[slot]), coauthor: Int(graph.neighbors[slot]), in: network,
                referenceYear: referenceYear, halfLife: halfLife)
        }
    }

    /// The tie metrics of every edge of `network`, in edge order; `coauthor` is the edge's
    /// `target` (its `source` is `network.graph.source[e]`).
    /// - Complexity: O(Σ joint papers over all edges).
    public static func edges(of network: CoauthorNetwork, referenceYear: Int?, halfLife: Double = defaultHalfLife) -> [TieMetrics] {
        (0..<network.edgeCount).map { e in
            tie(e, coauthor: Int(network.graph.target[e]), in: network, referenceYear: referenceYear, halfLife: halfLife)
        }
    }

    /// The metrics of edge `e`.
    /// - Complexity: O(joint papers of the edge).
    public static func tie(_ e: Int, coauthor: Int, in network: CoauthorNetwork, referenceYear: Int?, halfLife: Double = defaultHalfLife) -> TieMetrics {
        let years = network.edgeYears[e]
        let weights = network.yearWeights(ofEdge: e)
        var recency = 0.0
        if let reference = referenceYear {
            for (year, weight) in zip(years, weights) { recency += weight * pow(2, -Double(reference - year) / halfLife) }
        }
        var distinct = 0
        var previous: Int?
        for year in years where year != previous {
            distinct += 1
            previous = year
        }
        let first = network.edgeFirstYear[e], last = network.edgeLastYear[e]
        return TieMetrics(coauthor: coauthor, papers: Int(network.edgePapers[e]), weight: network.graph.weight[e],
                          firstYear: first, lastYear: last,
                          span: first.flatMap { f in last.map { $0 - f + 1 } },
                          activeYears: distinct, recency: recency)
    }
}
