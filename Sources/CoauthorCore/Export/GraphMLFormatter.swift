/// Writes a network and its metrics as GraphML (SPEC §7), readable by networkx
/// (`read_graphml`), igraph (`Graph.Read_GraphML`), Gephi and Cytoscape.
///
/// Every attribute has a `<key>` with `for`, `attr.name` and `attr.type`,
/// declared before the graph. Nodes carry both `label` (Gephi) and `name`
/// (Cytoscape). Output is deterministic: the same network gives the same bytes.
public struct GraphMLFormatter: NetworkFormatter {
    // Every format opens alike (settings, provenance, columns): one type per format, deliberately.
    public let settings: ExportSettings

    public init(_ settings: ExportSettings) {
        self.settings = settings
    }

    /// The GraphML document as text.
    /// - Complexity: O(n·k + m) for k metrics.
    public func format(_ network: CoauthorNetwork, metrics: MetricTable) -> String {
        String(decoding: bytes(network, metrics: metrics), as: UTF8.self)
    }

    /// The GraphML document as UTF-8 bytes.
    /// - Complexity: O(n·k + m) for k metrics.
    public func bytes(_ network: CoauthorNetwork, metrics: MetricTable) -> [UInt8] {
        let provenance = settings.provenance(network, metrics: metrics)
        let nodeColumns = ExportColumn.nodeColumns(network, metrics: metrics)
        let edgeColumns = ExportColumn.edgeColumns(network)
        var out = ExportBuffer(capacity: 1024 + network.nodeCount * (120 + 48 * nodeColumns.count)
                               + network.edgeCount * (80 + 48 * edgeColumns.count))
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        out.append("<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" ")
        out.append("xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n")
        func key(_ id: String, _ scope: StaticString, _ name: String, _ type: StaticString) {
            out.append("  <key id=\"")
            out.append(raw: id)
            out.append("\" for=\"")
            out.append(scope)
            out.append("\" attr.name=\"")
            out.append(raw: name)
            out.append("\" attr.type=\"")
            out.append(type)
            out.append("\"/>\n")
        }
        key("label", "node", "label", "string")
        key("name", "node", "name", "string")
        // Identifier attributes only when some node has one, so that BibTeX networks export as before.
        let idKinds = network.idKinds
        for kind in idKinds { key(kind.attribute, "node", kind.attribute, "string") }
        for column in nodeColumns {
            key(column.name, "node", column.name, column.isInteger ? "int" : "double")
        }
        for column in edgeColumns {
            key("e_" + column.name, "edge", column.name, column.isInteger ? "int" : "double")
        }
        key("g_weighting", "graph", "weighting", "string")
        key("g_filters", "graph", "filters", "string")
        key("g_max_authors", "graph", "max_authors", "int")
        key("g_distance", "graph", "distance", "string")
        key("g_tool", "graph", "tool", "string")
        if provenance.modularity != nil { key("g_modularity", "graph", "modularity", "double") }
        if provenance.approximation != nil { key("g_approximation", "graph", "approximation", "string") }
        if provenance.normalization != nil { key("g_normalization", "graph", "normalization", "string") }

        out.append("  <graph id=\"coauthors\" edgedefault=\"undirected\">\n")
        func open(_ key: StaticString, indent: StaticString) {
            out.append(indent)
            out.append("<data key=\"")
            out.append(key)
            out.append("\">")
        }
        func text(_ key: StaticString, _ value: String) {
            open(key, indent: "    ")
            out.append(xml: value)
            out.append("</data>\n")
        }
        text("g_weighting", provenance.weighting)
        text("g_filters", provenance.filters)
        open("g_max_authors", indent: "    ")
        out.append(provenance.maxAuthors)
        out.append("</data>\n")
        text("g_distance", provenance.distance)
        text("g_tool", provenance.tool)
        if let q = provenance.modularity {
            open("g_modularity", indent: "    ")
            out.append(q)
            out.append("</data>\n")
        }
        if let approximation = provenance.approximation {
            text("g_approximation", approximation)
        }
        if let normalization = provenance.normalization { text("g_normalization", normalization) }

        func data(_ column: ExportColumn, prefix: StaticString, at index: Int) {
            guard column.has(index) else { return }
            out.append("      <data key=\"")
            out.append(prefix)
            out.append(raw: column.name)
            out.append("\">")
            out.append(column, at: index)
            out.append("</data>\n")
        }
        for v in 0..<network.nodeCount {
            out.append("    <node id=\"n")
            out.append(v)
            out.append("\">\n")
            open("label", indent: "      ")
            out.append(xml: network.names[v])
            out.append("</data>\n")
            open("name", indent: "      ")
            out.append(xml: network.names[v])
            out.append("</data>\n")
            for kind in idKinds where !network.ids[v].value(of: kind).isEmpty {
                out.append("      <data key=\"")
                out.append(raw: kind.attribute)
                out.append("\">")
                out.append(xml: network.ids[v].value(of: kind))
                out.append("</data>\n")
            }
            for column in nodeColumns { data(column, prefix: "", at: v) }
            out.append("    </node>\n")
        }
        let graph = network.graph
        for e in 0..<network.edgeCount {
            out.append("    ")
            out.appendEdgeStart(e, of: graph)
            out.append(">\n")
            for column in edgeColumns { data(column, prefix: "e_", at: e) }
            out.append("    </edge>\n")
        }
        out.append("  </graph>\n</graphml>\n")
        return out.bytes
    }

    public func files(_ network: CoauthorNetwork, metrics: MetricTable) -> [FormattedFile] {
        [FormattedFile(.destination, bytes(network, metrics: metrics))]
    }
}

/// XML text escaping shared by the XML-based formats.
public enum XMLText {
    /// Escapes `& < > " '` and a carriage return (as `&#13;`, which parsers
    /// would otherwise read as a line feed), and drops the characters XML 1.0
    /// forbids (C0 controls other than tab, LF and CR; U+FFFE, U+FFFF).
    /// - Complexity: O(length of `text`).
    public static func escape(_ text: String) -> String {
        var out = ExportBuffer(capacity: text.utf8.count)
        out.append(xml: text)
        return String(decoding: out.bytes, as: UTF8.self)
    }
}
