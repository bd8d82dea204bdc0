/// Writes a network as JSON in networkx's node-link form (SPEC §7):
/// `nx.node_link_graph(json.load(f))` rebuilds it with networkx 3.6's
/// defaults, and D3 reads the same `nodes` array (its force layouts take
/// links from `edges`).
///
/// The top-level keys are `directed` (false), `multigraph` (false), `graph`
/// (weighting, filters, max_authors, distance, tool, modularity), `nodes`
/// (`id` = node number, `label` and `name` = display name, then every node
/// attribute) and `edges` (`source`, `target`, then weight, papers, years,
/// distance). A missing year and a NaN or infinite metric (JSON has neither) are `null`.
/// One node or edge per line; the same network gives the same bytes.
public struct NodeLinkJSONFormatter: NetworkFormatter {
    // Every format opens alike (settings, provenance, columns): one type per format, deliberately.
    public let settings: ExportSettings

    public init(_ settings: ExportSettings) {
        self.settings = settings
    }

    /// The JSON document as UTF-8 bytes.
    /// - Complexity: O(n·k + m) for k metrics.
    public func format(_ network: CoauthorNetwork, metrics: MetricTable) -> [UInt8] {
        let provenance = settings.provenance(network, metrics: metrics)
        let nodeColumns = ExportColumn.nodeColumns(network, metrics: metrics)
        let edgeColumns = ExportColumn.edgeColumns(network)
        var out = ExportBuffer(capacity: 1024 + network.nodeCount * (60 + 32 * nodeColumns.count)
                               + network.edgeCount * (40 + 32 * edgeColumns.count))

        out.append("{\n  \"directed\": false,\n  \"multigraph\": false,\n  \"graph\": {\"name\": \"coauthors\", \"weighting\": ")
        out.append(json: provenance.weighting)
        out.append(", \"filters\": ")
        out.append(json: provenance.filters)
        out.append(", \"max_authors\": ")
        out.append(provenance.maxAuthors)
        out.append(", \"distance\": ")
        out.append(json: provenance.distance)
        out.append(", \"tool\": ")
        out.append(json: provenance.tool)
        if let q = provenance.modularity {
            out.append(", \"modularity\": ")
            out.append(q)
        }
        if let approximation = provenance.approximation {
            out.append(", \"approximation\": ")
            out.append(json: approximation)
        }
        if let normalization = provenance.normalization {
            out.append(", \"normalization\": ")
            out.append(json: normalization)
        }
        out.append("},\n  \"nodes\": [")
        let idKinds = network.idKinds
        for v in 0..<network.nodeCount {
            out.append(v == 0 ? "\n    {\"id\": " : ",\n    {\"id\": ")
            out.append(v)
            out.append(", \"label\": ")
            out.append(json: network.names[v])
            out.append(", \"name\": ")
            out.append(json: network.names[v])
            // Identifiers (`orcid`, `scopus_id`, …) where the node has them.
            for kind in idKinds where !network.ids[v].value(of: kind).isEmpty {
                out.append(", \"")
                out.append(raw: kind.attribute)
                out.append("\": ")
                out.append(json: network.ids[v].value(of: kind))
            }
            for column in nodeColumns { member(column, at: v, into: &out) }
            out.append("}")
        }
        out.append(network.nodeCount == 0 ? "],\n  \"edges\": [" : "\n  ],\n  \"edges\": [")
        let graph = network.graph
        for e in 0..<network.edgeCount {
            out.append(e == 0 ? "\n    {\"source\": " : ",\n    {\"source\": ")
            out.append(Int(graph.source[e]))
            out.append(", \"target\": ")
            out.append(Int(graph.target[e]))
            for column in edgeColumns { member(column, at: e, into: &out) }
            out.append("}")
        }
        out.append(network.edgeCount == 0 ? "]\n}\n" : "\n  ]\n}\n")
        return out.bytes
    }

    private func member(_ column: ExportColumn, at index: Int, into out: inout ExportBuffer) {
        out.append(", \"")
        out.append(raw: column.name)
        out.append("\": ")
        if column.has(index) {
            out.append(column, at: index, nan: "null", infinity: "null", negativeInfinity: "null")
        } else {
            out.append("null")
        }
    }

    public func files(_ network: CoauthorNetwork, metrics: MetricTable) -> [FormattedFile] {
        [FormattedFile(.destination, format(network, metrics: metrics))]
    }
}
