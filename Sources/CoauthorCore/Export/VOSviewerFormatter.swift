/// Writes a network as a VOSviewer map file and network file (SPEC §7), the
/// pair VOSviewer opens with "Create a map based on network data".
///
/// The map file is tab-delimited with a header: `id` (1…n), `label` (the
/// display name), `x` and `y` when a ``MapLayout`` places every author,
/// `cluster` (community + 1, those beyond the 999th together in cluster 1000, as in
/// ``VOSviewerJSONFormatter``) when communities were computed, and the
/// weight attributes VOSviewer sizes items by: `weight<Links>` (distinct
/// co-authors), `weight<Total link strength>` and `weight<Documents>`
/// (papers). The network file has no header: `id1`, `id2` and the link
/// strength (the tie weight), tab-separated. VOSviewer has no escapes, so a
/// tab or line break in a name becomes a space. The same network gives the same bytes.
public struct VOSviewerFormatter: NetworkFormatter {
    // Every format opens alike (settings, provenance, columns): one type per format, deliberately.
    public let settings: ExportSettings

    public init(_ settings: ExportSettings) {
        self.settings = settings
    }

    /// The map file and the network file as UTF-8 bytes.
    /// - Precondition: `layout`, if given, has one entry per node.
    /// - Complexity: O(n + m).
    public func format(_ network: CoauthorNetwork, metrics: MetricTable) -> (map: [UInt8], network: [UInt8]) {
        let layout = settings.layout
        precondition(layout == nil || layout!.placements.count == network.nodeCount, "one placement per node")
        let graph = network.graph
        let placements = layout.flatMap { layout in
            layout.placements.allSatisfy { $0 != nil } ? layout.placements.map { $0! } : nil
        }
        var map = ExportBuffer(capacity: 128 + network.nodeCount * 64)
        map.append("id\tlabel")
        if placements != nil { map.append("\tx\ty") }
        if metrics.community != nil { map.append("\tcluster") }
        map.append("\tweight<Links>\tweight<Total link strength>\tweight<Documents>\n")
        for v in 0..<network.nodeCount {
            map.append(v + 1)
            map.append(UInt8(ascii: "\t"))
            for byte in network.names[v].utf8 {
                map.append(byte == 0x09 || byte == 0x0A || byte == 0x0D ? UInt8(ascii: " ") : byte)
            }
            if let placements {
                map.append(UInt8(ascii: "\t"))
                map.append(placements[v].x)
                map.append(UInt8(ascii: "\t"))
                map.append(placements[v].y)
            }
            if let community = metrics.community {
                map.append(UInt8(ascii: "\t"))
                map.append(VOSviewerJSONFormatter.cluster(ofCommunity: community[v]))
            }
            var strength = 0.0
            for slot in graph.slots(v) { strength += graph.weight[Int(graph.edgeIDs[slot])] }
            map.append(UInt8(ascii: "\t"))
            map.append(graph.degree(v))
            map.append(UInt8(ascii: "\t"))
            map.append(strength)
            map.append(UInt8(ascii: "\t"))
            map.append(network.papers[v])
            map.append(UInt8(ascii: "\n"))
        }

        var links = ExportBuffer(capacity: network.edgeCount * 24)
        for e in 0..<network.edgeCount {
            links.append(Int(graph.source[e]) + 1)
            links.append(UInt8(ascii: "\t"))
            links.append(Int(graph.target[e]) + 1)
            links.append(UInt8(ascii: "\t"))
            links.append(graph.weight[e])
            links.append(UInt8(ascii: "\n"))
        }
        return (map.bytes, links.bytes)
    }

    public func files(_ network: CoauthorNetwork, metrics: MetricTable) -> [FormattedFile] {
        let files = format(network, metrics: metrics)
        return [FormattedFile(.inFolder("map.txt"), files.map), FormattedFile(.inFolder("network.txt"), files.network)]
    }
}
