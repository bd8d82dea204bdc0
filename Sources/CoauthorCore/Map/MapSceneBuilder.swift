/// What the fill colour of a node shows (SPEC §8).
public enum MapColoring: String, Sendable, CaseIterable {
    case community
    case firstYear = "first-year"
    case component
    case none
}

/// Visual choices for a map.
public struct MapStyle: Sendable, Equatable {
    /// Node area is proportional to this metric.
    public var sizeBy: Metric = .pagerank
    public var coloring: MapColoring = .community
    /// How many of the most central authors (by `sizeBy`) get a visible label; the focus always does.
    public var labels: Int = 30
    /// Above this many authors, only the strongest part (by `sizeBy`) is drawn.
    public var maxNodes: Int = 2000
    /// Names the corpus in the title (e.g. the input file name).
    public var corpusName: String = ""
    /// What the nodes are, for the title, legend and tooltips.
    public var level: NetworkLevel = .author

    public init() {}
}

/// Makes a `MapScene` from a network and its metrics: sizes, colours, labels,
/// tooltips, legend and title (SPEC §8).
public enum MapSceneBuilder {
    /// Colour-blind-safe categorical palette (Okabe & Ito, 2008), most distinct first.
    static let categorical: [MapScene.Color] = [
        .init(red: 0x00, green: 0x72, blue: 0xB2), .init(red: 0xE6, green: 0x9F, blue: 0x00),
        .init(red: 0x00, green: 0x9E, blue: 0x73), .init(red: 0xCC, green: 0x79, blue: 0xA7),
        .init(red: 0x56, green: 0xB4, blue: 0xE9), .init(red: 0xD5, green: 0x5E, blue: 0x00),
        .init(red: 0xF0, green: 0xE4, blue: 0x42),
    ]
    static let grey = MapScene.Color(red: 0xBB, green: 0xBB, blue: 0xBB)
    /// Sequential palette (viridis, five steps) for years, oldest first.
    static let sequential: [MapScene.Color] = [
        .init(red: 0x44, green: 0x01, blue: 0x54), .init(red: 0x3B, green: 0x52, blue: 0x8B),
        .init(red: 0x21, green: 0x91, blue: 0x8C), .init(red: 0x5E, green: 0xC9, blue: 0x62),
        .init(red: 0xFD, green: 0xE7, blue: 0x25),
    ]

    /// Builds the scene.
    /// - Precondition: `metrics` contains `style.sizeBy` (and communities when colouring by them).
    /// - Complexity: O(n log n + m).
    public static func scene(for network: CoauthorNetwork, metrics: MetricTable, style: MapStyle) -> MapScene {
        let size = metrics[style.sizeBy] ?? network.papers.map(Double.init)
        let byImportance = metrics.ranking(by: style.sizeBy, names: network.names)

        // Keep the strongest part when the network is too large to draw.
        var keep = [Bool](repeating: true, count: network.nodeCount)
        var truncated = false
        if network.nodeCount > style.maxNodes {
            truncated = true
            keep = [Bool](repeating: false, count: network.nodeCount)
            for v in byImportance.prefix(style.maxNodes) { keep[v] = true }
            if let focus = network.focus { keep[focus] = true }
        }
        let (graph, nodes, edges) = network.graph.induced(keeping: keep)

        let (fills, legend, named) = colors(network: network, metrics: metrics, nodes: nodes, style: style)
        // The authors the legend names its groups after are named on the map too (a user trial of
        // session 57 read "community of Chulhee Yun" beside no such name), unless no name is asked for.
        let labelled = Set(byImportance.filter { keep[$0] }.prefix(style.labels) + (network.focus.map { [$0] } ?? [])
                           + (style.labels > 0 ? named : []))
        let finite = nodes.map { size[$0] }.filter { $0.isFinite }
        let largest = max(finite.max() ?? 1, .leastNonzeroMagnitude)
        let smallest = min(finite.min() ?? 0, largest)
        let count = Double(nodes.count)
        let maxDiameter = count <= 60 ? 0.85 : (count <= 400 ? 0.6 : 0.4)
        let minDiameter = count <= 60 ? 0.18 : (count <= 400 ? 0.1 : 0.05)

        var sceneNodes: [MapScene.Node] = []
        sceneNodes.reserveCapacity(nodes.count)
        // Area proportional to the metric (SPEC §8): the diameter is the largest one times the
        // square root of the value's share of the largest value, down to the smallest disc that
        // stays visible. (It was scaled from the smallest value to the largest, which made a
        // value 4.4 times another's 3.3 times its area: a user trial of session 54.) A metric
        // with negative values has no such share: its values are then placed between the
        // smallest and the largest.
        let proportional = smallest >= 0 && largest > 0
        for (index, v) in nodes.enumerated() {
            let value = size[v].isFinite ? size[v] : smallest
            let share = proportional ? value / largest : (largest > smallest ? (value - smallest) / (largest - smallest) : 1)
            let diameter = proportional ? max(minDiameter, maxDiameter * share.squareRoot())
                : minDiameter + (maxDiameter - minDiameter) * share.squareRoot()
            // Names of the most central authors are up to 60% larger.
            let labelScale = 1 + 0.6 * share.squareRoot()
            sceneNodes.append(MapScene.Node(
                id: "a\(v)",
                label: network.names[v],
                showsLabel: labelled.contains(v),
                tooltip: nodeTooltip(network, v, level: style.level),
                diameter: diameter,
                fill: fills[index],
                isFocus: v == network.focus,
                labelScale: labelScale,
                networkNode: v))
        }

        // The widest line is a tie at least four times the weakest: where every tie is one paper,
        // all were drawn at the widest, as strong ties (a user trial of session 57).
        let weights = edges.map { network.graph.weight[$0] }
        let maxWeight = max(weights.max() ?? 1, 4 * (weights.min() ?? 0), .leastNonzeroMagnitude)
        let maxPen = count <= 60 ? 7.0 : 4.0
        var sceneEdges: [MapScene.Edge] = []
        sceneEdges.reserveCapacity(edges.count)
        for (index, e) in edges.enumerated() {
            let w = network.graph.weight[e]
            let a = Int(graph.source[index]), b = Int(graph.target[index])
            sceneEdges.append(MapScene.Edge(
                source: a, target: b,
                penWidth: max(0.6, maxPen * w / maxWeight),
                tooltip: edgeTooltip(network, e),
                color: edgeColor(fills[a], fills[b], count: nodes.count),
                strength: w))
        }

        // The map is "of" the focus author only when it is that author's circle (every other author
        // a co-author); otherwise the focus is just the outlined node, named in the subtitle.
        let focusIndex = network.focus.flatMap { nodes.firstIndex(of: $0) }
        let focusDegree = focusIndex.map { f in sceneEdges.filter { $0.source == f || $0.target == f }.count } ?? 0
        let isFocusCircle = focusIndex != nil && focusDegree == nodes.count - 1
        let kind = switch style.level {
        case .author: "Co-authorship network"
        case .institution: "Institution collaboration network"
        case .country: "Country collaboration network"
        }
        let who = isFocusCircle ? "\(kind) of \(network.names[network.focus!])" : kind
        let units = style.level.plural
        var title = style.corpusName.isEmpty ? who : "\(who) — \(style.corpusName)"
        if truncated {
            title += " (strongest \(nodes.count) of \(network.nodeCount) \(units) by \(style.sizeBy.rawValue))"
        }
        var subtitle = ["\(nodes.count) \(nodes.count == 1 ? style.level.unitName : units)", edges.count == 1 ? "1 tie" : "\(edges.count) ties",
                        "node area: \(style.sizeBy.rawValue)",
                        "edge width: \(network.weighting == .count ? "joint papers" : "fractional weight")"]
        if let focus = network.focus, focusIndex != nil, !isFocusCircle {
            subtitle.append("outlined: \(network.names[focus].shortened(toWidth: MapScene.longestDrawnName))")
        }
        // The weighting is said once, by the edge width (it repeated as `fractional weights`).
        let filters = network.filterDescription.components(separatedBy: ", ").filter { $0 != "fractional weights" && !$0.isEmpty }
        if !filters.isEmpty { subtitle.append(filters.joined(separator: ", ")) }
        if network.skippedLargePublications > 0 {
            subtitle.append("\(network.skippedLargePublications) papers with too many authors add no ties")
        }
        return MapScene(title: title, subtitle: subtitle.joined(separator: " · "), nodes: sceneNodes, edges: sceneEdges,
                        legend: legend, focus: focusIndex,
                        textScale: textScale(nodeCount: nodes.count))
    }

    /// How much larger than normal the text of a map of `nodeCount` authors
    /// is. The drawing's width grows about with the square root of the node
    /// count, and it is viewed shrunk to the same screen or page, so text
    /// grows likewise from about 800 authors on, up to six times.
    ///
    /// - Complexity: O(1).
    static func textScale(nodeCount: Int) -> Double {
        min(6, max(1, Double(nodeCount).squareRoot() / 28))
    }

    private static func nodeTooltip(_ network: CoauthorNetwork, _ v: Int, level: NetworkLevel) -> String {
        let papers = network.papers[v] == 1 ? "1 paper" : "\(network.papers[v]) papers"
        let degree = network.graph.degree(v)
        let partner = level == .author ? "co-author" : "partner"
        let coauthors = degree == 1 ? "1 \(partner)" : "\(degree) \(partner)s"
        return "\(network.names[v]) — \(papers), \(coauthors)\(yearSpan(network.firstYear[v], network.lastYear[v]))"
    }

    private static func edgeTooltip(_ network: CoauthorNetwork, _ e: Int) -> String {
        let a = network.names[Int(network.graph.source[e])], b = network.names[Int(network.graph.target[e])]
        let papers = network.edgePapers[e] == 1 ? "1 joint paper" : "\(network.edgePapers[e]) joint papers"
        return "\(a) — \(b): \(papers)\(yearSpan(network.edgeFirstYear[e], network.edgeLastYear[e]))"
    }

    private static func yearSpan(_ first: Int?, _ last: Int?) -> String {
        guard let first, let last else { return "" }
        return first == last ? ", \(first)" : ", \(first)–\(last)"
    }

    /// Edges take their ends' colour when both share it, grey otherwise; translucent so dense cores stay readable.
    private static func edgeColor(_ a: MapScene.Color, _ b: MapScene.Color, count: Int) -> MapScene.Color {
        let alpha: UInt8 = count <= 60 ? 0x99 : (count <= 400 ? 0x66 : 0x40)
        var base = a == b && a != grey ? a : MapScene.Color(red: 0x70, green: 0x70, blue: 0x70)
        base.alpha = alpha
        return base
    }

    /// Each drawn node's colour, the legend, and the nodes the legend names its groups after.
    private static func colors(network: CoauthorNetwork, metrics: MetricTable, nodes: [Int],
                               style: MapStyle) -> ([MapScene.Color], [MapScene.LegendEntry], named: [Int]) {
        switch style.coloring {
        case .none:
            return (nodes.map { _ in categorical[0] }, [], [])
        case .community, .component:
            let labels = style.coloring == .community ? (metrics.community ?? metrics.component) : metrics.component
            let noun = style.coloring == .community && metrics.community != nil ? "community" : "component"
            var members: [Int: [Int]] = [:]
            for v in nodes { members[labels[v], default: []].append(v) }
            // Colour the groups with the most authors drawn (ties: the lower label), of at least two,
            // the focus author's first; the rest are grey. (A user trial of session 56 found the focus
            // and most of dblp-2016-sigmod's best-known authors grey: the groups were the largest of
            // the whole network, not of the map; and pairs grey beside two coloured groups.)
            let focusGroup = network.focus.flatMap { members[labels[$0]] != nil ? labels[$0] : nil }
            let groups = members.keys.filter { members[$0]!.count >= 2 }.sorted { a, b in
                if (a == focusGroup) != (b == focusGroup) { return a == focusGroup }
                let x = members[a]!.count, y = members[b]!.count
                return x != y ? x > y : a < b
            }.prefix(categorical.count)
            var colorOf: [Int: MapScene.Color] = [:]
            var legend: [MapScene.LegendEntry] = []
            var named: [Int] = []
            let centrality = metrics[style.sizeBy] ?? network.papers.map(Double.init)
            for (index, group) in groups.enumerated() {
                colorOf[group] = categorical[index]
                // The focus names its own group (an ego map's legend called it `community of` the
                // most central other author: a hostile-input trial of session 57).
                let leader = group == focusGroup ? network.focus!
                    : members[group]!.max { centrality[$0] != centrality[$1] ? centrality[$0] < centrality[$1] : network.names[$0] > network.names[$1] }!
                legend.append(.init("\(noun) of \(network.names[leader].shortened(toWidth: MapScene.longestDrawnName))", count: members[group]!.count, unit: style.level.plural, color: categorical[index]))
                named.append(leader)
            }
            // "Other", not "smaller": the focus's group is coloured whatever its size, and the
            // groups are ranked by the authors drawn, not by their size in the network (a user
            // trial of session 63 found groups larger than a coloured one under "smaller").
            let others = nodes.filter { colorOf[labels[$0]] == nil }.count
            if others > 0 { legend.append(.init("other \(noun == "community" ? "communities" : "components")", count: others, unit: style.level.plural, color: grey)) }
            return (nodes.map { colorOf[labels[$0]] ?? grey }, legend, named)
        case .firstYear:
            let years = nodes.compactMap { network.firstYear[$0] }
            guard let low = years.min(), let high = years.max() else { return (nodes.map { _ in grey }, [], []) }
            let steps = sequential.count
            let span = max(1, high - low + 1)
            func bucket(_ year: Int) -> Int { min(steps - 1, (year - low) * steps / span) }
            var legend: [MapScene.LegendEntry] = []
            for step in 0..<steps {
                let from = low + (step * span + steps - 1) / steps
                let to = min(high, low + ((step + 1) * span + steps - 1) / steps - 1)
                if from > to { continue }
                legend.append(.init(label: from == to ? "first paper \(from)" : "first paper \(from)–\(to)", color: sequential[step]))
            }
            if years.count < nodes.count { legend.append(.init(label: "no year", color: grey)) }
            return (nodes.map { network.firstYear[$0].map { sequential[bucket($0)] } ?? grey }, legend, [])
        }
    }
}
