/// One attribute of every node, or of every edge, as the exporters write it:
/// the same names, order and types in every format (SPEC §7).
struct ExportColumn {
    enum Values {
        case integers([Int])
        /// Whole numbers that may be missing (years of authors or ties without a dated paper).
        case optionalIntegers([Int?])
        case reals([Double])
    }

    let name: String
    let values: Values

    var isInteger: Bool {
        if case .reals = values { false } else { true }
    }

    /// Node attributes after the name: papers, first and last year, every
    /// computed metric of SPEC §5 in SPEC order, community (when computed) and component.
    /// - Complexity: O(n·k) for k metrics.
    static func nodeColumns(_ network: CoauthorNetwork, metrics: MetricTable) -> [ExportColumn] {
        var columns = [
            ExportColumn(name: "papers", values: .integers(network.papers)),
            ExportColumn(name: "first_year", values: .optionalIntegers(network.firstYear)),
            ExportColumn(name: "last_year", values: .optionalIntegers(network.lastYear)),
        ]
        for metric in metrics.metrics where metric != .papers {
            let values = metrics[metric]!
            // An integer metric may be undefined for a node (`h_index` and `citations` where the
            // source gives no cited-by counts): its cell is left empty, as a missing year's is
            // (converting NaN to an integer stopped the run: a user trial of session 52).
            let integer = values.allSatisfy(\.isFinite) ? ExportColumn.Values.integers(values.map { wholeNumber($0)! })
                : .optionalIntegers(values.map(wholeNumber))
            columns.append(ExportColumn(name: metric.rawValue, values: metric.isInteger ? integer : .reals(values)))
        }
        if let community = metrics.community {
            columns.append(ExportColumn(name: "community", values: .integers(community)))
        }
        columns.append(ExportColumn(name: "component", values: .integers(metrics.component)))
        return columns
    }

    /// Edge attributes: weight (a strength), papers, first and last year, and
    /// the distance 1/weight that path-based metrics use.
    /// - Complexity: O(m).
    static func edgeColumns(_ network: CoauthorNetwork) -> [ExportColumn] {
        [
            ExportColumn(name: "weight", values: .reals(network.graph.weight)),
            ExportColumn(name: "papers", values: .integers(network.edgePapers.map(Int.init))),
            ExportColumn(name: "first_year", values: .optionalIntegers(Array(network.edgeFirstYear))),
            ExportColumn(name: "last_year", values: .optionalIntegers(Array(network.edgeLastYear))),
            ExportColumn(name: "distance", values: .reals(network.graph.weight.map { 1 / $0 })),
        ]
    }

    /// Whether row `index` has a value (years may be missing).
    func has(_ index: Int) -> Bool {
        if case let .optionalIntegers(values) = values { values[index] != nil } else { true }
    }
}

extension ExportBuffer {
    /// Appends the value of `column` at `index`; reals are written as
    /// ``append(_:nan:infinity:negativeInfinity:)`` writes them.
    /// - Precondition: `column.has(index)`.
    mutating func append(_ column: ExportColumn, at index: Int, nan: StaticString = "NaN",
                         infinity: StaticString = "INF", negativeInfinity: StaticString = "-INF") {
        switch column.values {
        case let .integers(values): append(values[index])
        case let .optionalIntegers(values): append(values[index]!)
        case let .reals(values): append(values[index], nan: nan, infinity: infinity, negativeInfinity: negativeInfinity)
        }
    }
}

/// How the network was made, recorded in every format that has room for it.
struct ExportProvenance {
    let weighting: String
    /// The filters in force, or `none`.
    let filters: String
    let maxAuthors: Int
    /// What path-based metrics read as a tie's length.
    let distance = "1/weight"
    /// `coauthor` and its version.
    let tool: String
    /// Modularity of the communities, when they were computed.
    let modularity: Double?
    /// The guarantees of the metrics estimated by sampling, when any were.
    let approximation: String?
    /// The normalisation of the ties the communities were found on (`--normalize`), when not
    /// `none`: a key of its own, as `stats` has (a user trial of session 56 found it only in the
    /// free text of `filters`).
    let normalization: String?

    init(_ network: CoauthorNetwork, metrics: MetricTable, toolVersion: String, maxAuthors: Int) {
        weighting = network.weighting.rawValue
        var filters = network.filterDescription
        // How the communities were found, where it is not the default (Leiden, modularity at
        // resolution 1, raw ties): a user trial of session 52 found `--quality cpm --resolution
        // 0.5` nowhere in the file.
        if metrics.community != nil {
            let options = metrics.communityOptions
            var how: [String] = []
            if options.method != .leiden || options.quality != .modularity || options.resolution != 1 {
                let method = options.method == .leiden ? "Leiden" : "Louvain"
                let quality = options.quality == .modularity ? "modularity" : "CPM"
                how.append("communities by \(method), \(quality) at resolution \(options.resolution)")
            }
            if metrics.communityNormalization != .none {
                how.append("communities on ties normalised by \(metrics.communityNormalization.summary)")
            }
            for words in how { filters = filters.isEmpty ? words : filters + ", " + words }
        }
        self.filters = filters.isEmpty ? "none" : filters
        normalization = metrics.community != nil && metrics.communityNormalization != .none ? metrics.communityNormalization.rawValue : nil
        self.maxAuthors = maxAuthors
        tool = "coauthor \(toolVersion)"
        modularity = metrics.modularity.flatMap { $0.isNaN ? nil : $0 }
        // Only estimates: "betweenness exact (fewer than 3 authors)" is no approximation (a review of session 54).
        let sampled = metrics.approximations.filter { $0.epsilon > 0 }
        approximation = sampled.isEmpty ? nil : sampled.map(\.statement).joined(separator: "; ")
    }

    /// One line for a comment beside the other fields (DOT's, which has `approximation` too).
    var summary: String {
        "co-authorship network by \(tool); weighting: \(weighting) (weight is a strength; distance = \(distance)); "
            + "filters: \(filters); papers with more than \(maxAuthors) authors add no ties"
    }

    /// `summary` and which metrics are estimates, for formats with a single free-text slot (GEXF,
    /// Pajek: a user trial of session 53 found nothing in the file to tell them from exact values).
    var fullSummary: String { summary + (approximation.map { "; \($0)" } ?? "") }
}
