/// Writes a network as two CSV tables (SPEC §7), `nodes.csv` and `edges.csv`,
/// in RFC 4180 form: a header row, CRLF line ends, and a field quoted (with
/// inner quotes doubled) when it holds a comma, a quote or a line break.
///
/// `nodes.csv`: `id` (node number), `label` and `name` (the display name, as
/// Gephi's and Cytoscape's table importers expect), then papers, years,
/// every computed metric, community and component. `edges.csv`: `source`,
/// `target` (node numbers), `type` (`undirected`), then weight (a strength),
/// papers, years and distance = 1/weight. A missing year is an empty field;
/// a NaN metric is `NaN`. The same network gives the same bytes.
public struct CSVFormatter: NetworkFormatter {
    // Every format opens alike (settings, provenance, columns): one type per format, deliberately.
    public let settings: ExportSettings

    public init(_ settings: ExportSettings) {
        self.settings = settings
    }

    /// The two tables as UTF-8 bytes.
    /// - Complexity: O(n·k + m) for k metrics.
    public func format(_ network: CoauthorNetwork, metrics: MetricTable) -> (nodes: [UInt8], edges: [UInt8]) {
        let nodeColumns = ExportColumn.nodeColumns(network, metrics: metrics)
        let edgeColumns = ExportColumn.edgeColumns(network)

        var nodes = ExportBuffer(capacity: 256 + network.nodeCount * (40 + 20 * nodeColumns.count))
        nodes.append("id,label,name")
        // Identifier columns (`orcid`, `scopus_id`, …) only when some node has one.
        let idKinds = network.idKinds
        for kind in idKinds {
            nodes.append(UInt8(ascii: ","))
            nodes.append(raw: kind.attribute)
        }
        header(nodeColumns, into: &nodes)
        for v in 0..<network.nodeCount {
            nodes.append(v)
            nodes.append(UInt8(ascii: ","))
            Self.field(network.names[v], into: &nodes)
            nodes.append(UInt8(ascii: ","))
            Self.field(network.names[v], into: &nodes)
            for kind in idKinds {
                nodes.append(UInt8(ascii: ","))
                Self.field(network.ids[v].value(of: kind), into: &nodes)
            }
            row(nodeColumns, at: v, into: &nodes)
        }

        var edges = ExportBuffer(capacity: 256 + network.edgeCount * (30 + 20 * edgeColumns.count))
        edges.append("source,target,type")
        header(edgeColumns, into: &edges)
        let graph = network.graph
        for e in 0..<network.edgeCount {
            edges.append(Int(graph.source[e]))
            edges.append(UInt8(ascii: ","))
            edges.append(Int(graph.target[e]))
            edges.append(",undirected")
            row(edgeColumns, at: e, into: &edges)
        }
        return (nodes.bytes, edges.bytes)
    }

    private func header(_ columns: [ExportColumn], into out: inout ExportBuffer) {
        for column in columns {
            out.append(UInt8(ascii: ","))
            out.append(raw: column.name)
        }
        out.append("\r\n")
    }

    private func row(_ columns: [ExportColumn], at index: Int, into out: inout ExportBuffer) {
        for column in columns {
            out.append(UInt8(ascii: ","))
            if column.has(index) { out.append(column, at: index) }
        }
        out.append("\r\n")
    }

    /// Appends `text` as one RFC 4180 field.
    static func field(_ text: String, into out: inout ExportBuffer) {
        let needsQuotes = text.utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }
        guard needsQuotes else {
            out.append(raw: text)
            return
        }
        out.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\"") { out.append(byte) }
            out.append(byte)
        }
        out.append(UInt8(ascii: "\""))
    }

    public func files(_ network: CoauthorNetwork, metrics: MetricTable) -> [FormattedFile] {
        let tables = format(network, metrics: metrics)
        return [FormattedFile(.inFolder("nodes.csv"), tables.nodes), FormattedFile(.inFolder("edges.csv"), tables.edges)]
    }
}
