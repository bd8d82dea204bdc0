/// Writes a network in VOSviewer's JSON format, the file VOSviewer Online opens
/// (app.vosviewer.com, "JSON file type"; SPEC §9).
///
/// - `network.items`: `id` (node id + 1), `label` (display name), `x` and `y` (our
///   map's layout in points, y growing upwards as in Graphviz, and as VOSviewer Online
///   draws it: its y scale maps the largest y to the top) when a ``MapLayout``
///   places every author, `cluster` (community + 1; VOSviewer allows 1…1000, so the
///   communities from the thousandth on share cluster 1000), `weights` {`Links`
///   (distinct co-authors), `Total link strength`, `Documents` (papers)} and `scores`
///   {`Avg. pub. year`} when the dated corpus was given.
/// - `network.links`: `source_id`, `target_id`, `strength` (the tie weight).
/// - `network.clusters`: `cluster` and `label` ("community of" its author with the most papers).
/// - `config.terminology`: authors and co-authorship links.
///
/// The same network gives the same bytes.
public struct VOSviewerJSONFormatter: NetworkFormatter {
    // Every format opens alike (settings, provenance, columns): one type per format, deliberately.
    public let settings: ExportSettings

    public init(_ settings: ExportSettings) {
        self.settings = settings
    }

    /// VOSviewer's highest cluster number.
    public static let maxCluster = 1000

    /// The VOSviewer cluster of a community (numbered by size, 0 = largest): its number + 1, the
    /// communities beyond the 999th together in the last cluster, as a map's smaller communities
    /// share its grey. Both VOSviewer formats number them so (the map file went past 1000 where
    /// the JSON left those authors without a cluster: a user trial of session 54).
    static func cluster(ofCommunity community: Int) -> Int { min(community + 1, maxCluster) }

    /// The mean year of each node's dated publications.
    /// - Complexity: O(A) for A dated authorships.
    public static func averageYears(_ corpus: DatedCorpus) -> [Double?] {
        var sum = [Double](repeating: 0, count: corpus.nodeCount), count = [Int](repeating: 0, count: corpus.nodeCount)
        for index in 0..<corpus.count {
            for node in corpus.nodes[index] {
                sum[Int(node)] += Double(corpus.years[index])
                count[Int(node)] += 1
            }
        }
        return (0..<corpus.nodeCount).map { count[$0] > 0 ? sum[$0] / Double(count[$0]) : nil }
    }

    /// The JSON document as UTF-8 bytes.
    /// - Precondition: `layout` and `averageYears`, if given, have one entry per node.
    /// - Complexity: O(n + m).
    public func format(_ network: CoauthorNetwork, metrics: MetricTable) -> [UInt8] {
        let layout = settings.layout, averageYears = settings.averageYears
        precondition(layout == nil || layout!.placements.count == network.nodeCount, "one placement per node")
        precondition(averageYears == nil || averageYears!.count == network.nodeCount, "one average year per node")
        let graph = network.graph
        let placements = layout.flatMap { layout in
            layout.placements.allSatisfy { $0 != nil } ? layout.placements.map { $0! } : nil
        }
        var items: [JSONValue] = []
        items.reserveCapacity(network.nodeCount)
        for v in 0..<network.nodeCount {
            var item: [(String, JSONValue)] = [("id", .integer(v + 1)), ("label", .string(network.names[v]))]
            if let placements {
                item.append(("x", .number(placements[v].x)))
                item.append(("y", .number(placements[v].y)))
            }
            if let community = metrics.community {
                item.append(("cluster", .integer(Self.cluster(ofCommunity: community[v]))))
            }
            var strength = 0.0
            for slot in graph.slots(v) { strength += graph.weight[Int(graph.edgeIDs[slot])] }
            item.append(("weights", .object([
                ("Links", .integer(graph.degree(v))),
                ("Total link strength", .number(strength)),
                ("Documents", .integer(network.papers[v])),
            ])))
            if let averageYears {
                item.append(("scores", .object(averageYears[v].map { [("Avg. pub. year", .number($0))] } ?? [])))
            }
            items.append(.object(item))
        }
        var links: [JSONValue] = []
        links.reserveCapacity(network.edgeCount)
        for e in 0..<network.edgeCount {
            links.append(.object([("source_id", .integer(Int(graph.source[e]) + 1)),
                                  ("target_id", .integer(Int(graph.target[e]) + 1)),
                                  ("strength", .number(graph.weight[e]))]))
        }
        var networkMembers: [(String, JSONValue)] = [("items", .array(items)), ("links", .array(links))]
        if let community = metrics.community {
            // Each cluster is named after its author with the most papers (ties: alphabetical); the
            // last, when it holds the smaller communities, says so.
            var leader: [Int: Int] = [:]
            var smaller = Set<Int>()
            for v in 0..<network.nodeCount {
                let cluster = Self.cluster(ofCommunity: community[v])
                if cluster == Self.maxCluster { smaller.insert(community[v]) }
                if let u = leader[cluster],
                   network.papers[u] > network.papers[v] || network.papers[u] == network.papers[v] && network.names[u] <= network.names[v] {
                    continue
                }
                leader[cluster] = v
            }
            networkMembers.append(("clusters", .array(leader.keys.sorted().map { cluster in
                let label = smaller.count > 1 && cluster == Self.maxCluster
                    ? "smaller communities (\(smaller.count), from the \(Self.maxCluster)th on)" : "community of \(network.names[leader[cluster]!])"
                return .object([("cluster", .integer(cluster)), ("label", .string(label))])
            })))
        }
        let strengthName = network.weighting == .count ? "Joint papers" : "Fractional co-authorship strength"
        let linkName = settings.level == .author ? "Co-authorship link" : "Collaboration link"
        let document = JSONValue.object([
            ("config", .object([
                // The level's own words: VOSviewer shows them (countries were called `Authors`).
                ("terminology", .object([
                    ("item", .string(capitalisingFirst(settings.level.unitName))), ("items", .string(capitalisingFirst(settings.level.plural))),
                    ("link", .string(linkName)), ("links", .string(linkName + "s")),
                    ("link_strength", .string(strengthName)),
                    ("total_link_strength", .string("Total link strength")),
                ])),
            ])),
            ("network", .object(networkMembers)),
        ])
        return Array((document.text() + "\n").utf8)
    }

    public func files(_ network: CoauthorNetwork, metrics: MetricTable) -> [FormattedFile] {
        [FormattedFile(.destination, format(network, metrics: metrics))]
    }
}
