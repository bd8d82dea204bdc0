/// Writes a network and its metrics as GraphML (SPEC §7), readable by networkx
/// (`read_graphml`), igraph (`Graph.Read_GraphML`), Gephi and Cytoscape.
///
/// Every attribute has a `<key>` with `for`, `attr.name` and `attr.type`,
/// declared before the graph. Nodes carry both `label` (Gephi) and `name`
/// (Cytoscape). Output is deterministic: the same network gives the same bytes.
public struct GraphMLFormatter: Sendable {
    /// The version recorded in the file.
    public var toolVersion: String
    /// Maximum authors per paper that still made ties (recorded in the graph data).
    public var maxAuthors: Int

    public init(toolVersion: String, maxAuthors: Int) {
        self.toolVersion = toolVersion
        self.maxAuthors = maxAuthors
    }

    private struct Key {
        let id: String
        let scope: String
        let name: String
        let type: String
    }

    /// The GraphML document.
    /// - Complexity: O(n·k + m) for k metrics.
    public func format(_ network: CoauthorNetwork, metrics: MetricTable) -> String {
        var keys: [Key] = [
            Key(id: "label", scope: "node", name: "label", type: "string"),
            Key(id: "name", scope: "node", name: "name", type: "string"),
            Key(id: "papers", scope: "node", name: "papers", type: "int"),
            Key(id: "first_year", scope: "node", name: "first_year", type: "int"),
            Key(id: "last_year", scope: "node", name: "last_year", type: "int"),
        ]
        let nodeMetrics = metrics.metrics.filter { $0 != .papers }
        for metric in nodeMetrics {
            keys.append(Key(id: metric.rawValue, scope: "node", name: metric.rawValue, type: metric.isInteger ? "int" : "double"))
        }
        if metrics.community != nil { keys.append(Key(id: "community", scope: "node", name: "community", type: "int")) }
        keys.append(Key(id: "component", scope: "node", name: "component", type: "int"))
        keys += [
            Key(id: "e_weight", scope: "edge", name: "weight", type: "double"),
            Key(id: "e_papers", scope: "edge", name: "papers", type: "int"),
            Key(id: "e_first_year", scope: "edge", name: "first_year", type: "int"),
            Key(id: "e_last_year", scope: "edge", name: "last_year", type: "int"),
            Key(id: "e_distance", scope: "edge", name: "distance", type: "double"),
            Key(id: "g_weighting", scope: "graph", name: "weighting", type: "string"),
            Key(id: "g_filters", scope: "graph", name: "filters", type: "string"),
            Key(id: "g_max_authors", scope: "graph", name: "max_authors", type: "int"),
            Key(id: "g_distance", scope: "graph", name: "distance", type: "string"),
            Key(id: "g_tool", scope: "graph", name: "tool", type: "string"),
        ]
        if let q = metrics.modularity, !q.isNaN {
            keys.append(Key(id: "g_modularity", scope: "graph", name: "modularity", type: "double"))
        }

        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
        out += "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n"
        for key in keys {
            out += "  <key id=\"\(key.id)\" for=\"\(key.scope)\" attr.name=\"\(key.name)\" attr.type=\"\(key.type)\"/>\n"
        }
        out += "  <graph id=\"coauthors\" edgedefault=\"undirected\">\n"
        func data(_ key: String, _ value: String, indent: String) {
            out += "\(indent)<data key=\"\(key)\">\(XMLText.escape(value))</data>\n"
        }
        data("g_weighting", network.weighting.rawValue, indent: "    ")
        data("g_filters", network.filterDescription.isEmpty ? "none" : network.filterDescription, indent: "    ")
        data("g_max_authors", String(maxAuthors), indent: "    ")
        data("g_distance", "1/weight", indent: "    ")
        data("g_tool", "coauthor \(toolVersion)", indent: "    ")
        if let q = metrics.modularity, !q.isNaN { data("g_modularity", formatDouble(q), indent: "    ") }

        for v in 0..<network.nodeCount {
            out += "    <node id=\"n\(v)\">\n"
            data("label", network.names[v], indent: "      ")
            data("name", network.names[v], indent: "      ")
            data("papers", String(network.papers[v]), indent: "      ")
            if let y = network.firstYear[v] { data("first_year", String(y), indent: "      ") }
            if let y = network.lastYear[v] { data("last_year", String(y), indent: "      ") }
            for metric in nodeMetrics {
                let value = metrics[metric]![v]
                data(metric.rawValue, metric.isInteger ? String(Int(value)) : formatDouble(value), indent: "      ")
            }
            if let community = metrics.community { data("community", String(community[v]), indent: "      ") }
            data("component", String(metrics.component[v]), indent: "      ")
            out += "    </node>\n"
        }
        let graph = network.graph
        for e in 0..<network.edgeCount {
            out += "    <edge id=\"e\(e)\" source=\"n\(graph.source[e])\" target=\"n\(graph.target[e])\">\n"
            data("e_weight", formatDouble(graph.weight[e]), indent: "      ")
            data("e_papers", String(network.edgePapers[e]), indent: "      ")
            if let y = network.edgeFirstYear[e] { data("e_first_year", String(y), indent: "      ") }
            if let y = network.edgeLastYear[e] { data("e_last_year", String(y), indent: "      ") }
            data("e_distance", formatDouble(1 / graph.weight[e]), indent: "      ")
            out += "    </edge>\n"
        }
        out += "  </graph>\n</graphml>\n"
        return out
    }
}

/// Shortest decimal text that reads back as the same double; `NaN`, `INF`, `-INF` as GraphML readers expect.
func formatDouble(_ value: Double) -> String {
    if value.isNaN { return "NaN" }
    if value.isInfinite { return value > 0 ? "INF" : "-INF" }
    return "\(value)"
}

/// XML text escaping shared by the XML-based formats.
public enum XMLText {
    /// Escapes `& < > " '` and drops characters XML 1.0 forbids (C0 controls other than tab, LF, CR).
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
