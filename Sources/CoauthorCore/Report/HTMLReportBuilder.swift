/// Fills an ``HTMLReportModel`` from the pieces the other outputs are made of:
/// the network, its metrics, the rendered map's layout, the dated corpus, the
/// focus timeline, the corpus summary and the identity decisions.
public enum HTMLReportBuilder {
    /// What the page needs besides the network and its metrics; every part is optional.
    public struct Extras: Sendable {
        /// The dated publications (for the years each author was active); without it, the
        /// years of an author's ties and their first and last year stand in.
        public var corpus: DatedCorpus?
        public var timeline: [FocusYear] = []
        public var timelineChart: String?
        public var statistics: [HTMLReportModel.Statistic] = []
        public var merges: [AuthorIndex.Merge] = []
        public var keptApart: [AuthorIndex.NearMiss] = []
        /// At institution level, the nodes read under more than one spelling, with those spellings.
        public var unitSpellings: [HTMLReportModel.UnitSpellings] = []
        public var downloads: [HTMLReportModel.Download] = []
        public var mapOnly = false
        /// What the nodes are: the page says "co-authors" of an author, "partners" of an institution or country.
        public var level = NetworkLevel.author

        public init(corpus: DatedCorpus? = nil) {
            self.corpus = corpus
        }
    }

    /// The model of the page for `network`.
    ///
    /// Colours and the title are those of ``MapSceneBuilder/scene(for:metrics:style:)`` with
    /// `style`, so the page's map matches `network.svg`; the other colourings (community when
    /// communities were computed, first year, component) are offered beside it.
    /// - Parameters:
    ///   - layout: the rendered map's placements (one per node, nil for authors left out).
    /// - Precondition: `layout` has one entry per node; `metrics` holds `style.sizeBy`.
    /// - Complexity: O(n log n + m + P) for P dated publications.
    public static func model(network: CoauthorNetwork, metrics: MetricTable, style: MapStyle, layout: MapLayout,
                             extras: Extras) -> HTMLReportModel {
        precondition(layout.placements.count == network.nodeCount, "one placement per node")
        let n = network.nodeCount
        let years = activeYears(network, corpus: extras.corpus)
        var variants = [[String]](repeating: [], count: n)
        var nodeOfName: [String: Int] = [:]
        for v in 0..<n where nodeOfName[network.names[v]] == nil { nodeOfName[network.names[v]] = v }
        for merge in extras.merges.sorted(by: { ($0.into, $0.variant) < ($1.into, $1.variant) }) {
            if let v = nodeOfName[merge.into], merge.variant != merge.into, !variants[v].contains(merge.variant) {
                variants[v].append(merge.variant)
            }
        }
        let authors = (0..<n).map { v in
            let place = layout.placements[v]
            var author = HTMLReportModel.Author(name: network.names[v], variants: variants[v], papers: network.papers[v],
                                                years: years[v], x: place?.x, y: place?.y, diameter: place?.diameter)
            // A country is found by its code and its names as `--focus` finds it (a user trial of
            // session 56 typed `DE` and `Deutschland` in vain).
            if extras.level == .country, v < network.ids.count, !network.ids[v].country.isEmpty {
                let code = network.ids[v].country
                author.aliases = ([code] + Countries.otherSpellings(of: code)).filter { $0 != author.name && !author.variants.contains($0) }
            }
            return author
        }
        let tieMetrics = TieMetrics.edges(of: network, referenceYear: network.referenceYear)
        let ties = (0..<network.edgeCount).map { e in
            let tie = tieMetrics[e]
            return HTMLReportModel.Tie(source: Int(network.graph.source[e]), target: Int(network.graph.target[e]),
                                       papers: tie.papers, weight: tie.weight, firstYear: tie.firstYear,
                                       lastYear: tie.lastYear, years: distinct(network.edgeYears[e]), recency: tie.recency)
        }

        var colorings: [HTMLReportModel.Coloring] = []
        var defaultColoring = 0
        var title = "", subtitle = "", drawn = 0
        var choices: [MapColoring] = metrics.community != nil ? [.community, .firstYear, .component] : [.firstYear, .component]
        if !choices.contains(style.coloring) { choices.insert(style.coloring, at: 0) }
        for choice in choices {
            var variant = style
            variant.coloring = choice
            let scene = MapSceneBuilder.scene(for: network, metrics: metrics, style: variant)
            if choice == style.coloring {
                defaultColoring = colorings.count
                title = scene.title
                subtitle = scene.subtitle
                drawn = scene.nodes.count
            }
            colorings.append(coloring(choice, scene: scene, nodeCount: n))
        }
        let partNote = drawn < n
            ? "The map shows the strongest \(drawn) of \(n) \(extras.level.plural) by \(style.sizeBy.rawValue) (--max-nodes \(style.maxNodes)); "
                + "search, the side panel and the tables cover all \(n)."
            : nil

        let columns = metrics.metrics.map { metric in
            // `distinct co-authors`, `through the author`: said of the level's units. Estimates
            // are marked as such (a user trial of session 54 found sampled betweenness ranked on
            // the page as if exact).
            let estimate = !metrics.estimated.contains(metric) ? nil
                : metrics.errorBounds[metric].map { "estimated by sampling: every value within ±\(formatShort($0)) with probability \(formatShort(metrics.errorConfidence))" }
                    ?? "estimated by sampling"
            let isEstimate = metrics.estimated.contains(metric)
            return HTMLReportModel.MetricColumn(key: metric.rawValue, summary: extras.level.describing(metric.summary), isInteger: metric.isInteger,
                                                values: metrics[metric]!.map { $0.isFinite ? $0 : nil }, estimate: estimate,
                                                bound: isEstimate ? metrics.errorBounds[metric] : nil,
                                                bounds: isEstimate ? metrics.nodeErrorBounds[metric] : nil)
        }
        let sampled = metrics.approximations.filter { $0.epsilon > 0 }
        let estimateNote = sampled.isEmpty ? nil
            : "Estimated by sampling, not computed exactly (--exact computes them): " + sampled.map(\.statement).joined(separator: "; ") + "."
        return HTMLReportModel(
            title: title, subtitle: subtitle, partNote: partNote, estimateNote: estimateNote, authors: authors, ties: ties, focus: network.focus,
            sizeMetric: style.sizeBy.rawValue, weightName: network.weighting == .count ? "joint papers" : "fractional weight",
            colorings: colorings, defaultColoring: defaultColoring, metrics: columns, statistics: extras.statistics,
            timeline: extras.timeline, timelineChart: extras.timelineChart,
            merges: extras.merges.sorted { ($0.into, $0.variant) < ($1.into, $1.variant) }
                .map { .init(variant: $0.variant, into: $0.into, reason: $0.reason) },
            keptApart: extras.keptApart.sorted { ($0.variant, $0.reason) < ($1.variant, $1.reason) }
                .map { .init(variant: $0.variant, candidates: $0.candidates, reason: $0.reason) },
            unitSpellings: extras.unitSpellings.sorted { $0.unit < $1.unit },
            downloads: extras.downloads, mapOnly: extras.mapOnly,
            neighbourWords: extras.level == .author ? ["co-author", "co-authors"] : ["partner", "partners"],
            unitWords: [extras.level.unitName, extras.level.plural])
    }

    /// The legend of `scene` as a colouring: each drawn author's legend row is the row of its fill.
    private static func coloring(_ choice: MapColoring, scene: MapScene, nodeCount: Int) -> HTMLReportModel.Coloring {
        var legend = scene.legend.map { stripCount($0.label) }
        var colors = scene.legend.map { $0.color.hex }
        var rowOfColor: [MapScene.Color: Int] = [:]
        for (row, entry) in scene.legend.enumerated() where rowOfColor[entry.color] == nil { rowOfColor[entry.color] = row }
        var group = [Int](repeating: -1, count: nodeCount)
        for node in scene.nodes {
            guard let v = node.networkNode else { continue }
            if let row = rowOfColor[node.fill] {
                group[v] = row
            } else {
                // A fill without a legend row (colouring `none`): one row for all.
                rowOfColor[node.fill] = legend.count
                group[v] = legend.count
                legend.append("author")
                colors.append(node.fill.hex)
            }
        }
        let title: String
        switch choice {
        case .community: title = "Colour: community"
        case .firstYear: title = "Colour: year of the first paper"
        case .component: title = "Colour: connected component"
        case .none: title = "Colour: none"
        }
        return .init(key: choice.rawValue, title: title, legend: legend, colors: colors, group: group)
    }

    /// "community of X (12 authors)" (or institutions, countries) → "community of X": the page counts what it shows.
    private static func stripCount(_ label: String) -> String {
        let counted = NetworkLevel.allCases.flatMap { [" \($0.plural))", " \($0.unitName))"] }
        guard counted.contains(where: label.hasSuffix),
              let open = label.range(of: " (", options: .backwards) else { return label }
        return String(label[..<open.lowerBound])
    }

    /// Distinct years with a publication per author.
    private static func activeYears(_ network: CoauthorNetwork, corpus: DatedCorpus?) -> [[Int]] {
        if let corpus, corpus.nodeCount == network.nodeCount { return corpus.activeYears }
        // Without the corpus, the years the ties and the first and last years show.
        var sets = [Set<Int>](repeating: [], count: network.nodeCount)
        for e in 0..<network.edgeCount {
            for year in network.edgeYears[e] {
                sets[Int(network.graph.source[e])].insert(year)
                sets[Int(network.graph.target[e])].insert(year)
            }
        }
        return (0..<network.nodeCount).map { v in
            if let first = network.firstYear[v] { sets[v].insert(first) }
            if let last = network.lastYear[v] { sets[v].insert(last) }
            return sets[v].sorted()
        }
    }

    private static func distinct<C: Collection>(_ sorted: C) -> [Int] where C.Element == Int {
        var out: [Int] = []
        for year in sorted where out.last != year { out.append(year) }
        return out
    }
}
