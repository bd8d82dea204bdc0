/// Writes a network as a Graphviz DOT graph (SPEC §7), readable by Graphviz's
/// own parser (`agread`) and the tools built on it.
///
/// Nodes are `n0`, `n1`, … with the display name as `label` (no `name`, which pydot, and so
/// networkx's `read_dot`, takes for the node's id, and Graphviz's JSON writes beside it), their
/// identifiers (`orcid`, `scopus_id`, …, `ror`, `country_code`: those the node has) and every node
/// attribute of the other formats; edges carry weight (a strength), papers,
/// years and distance = 1/weight. The weighting and filters are graph
/// attributes. With a ``MapLayout``, placed nodes get `pos="x,y!"` in points
/// (pinned, so `neato -n` redraws the same picture), their diameter as
/// `width`/`height` in inches (`fixedsize=shape`: the name may pass the disc) and their colour
/// as `fillcolor`.
///
/// Strings are double-quoted with `"` and `\` escaped by a backslash:
/// Graphviz reads `\"` as a quote and shows `\\` in a label as one
/// backslash; line breaks stay literal, which labels show as line breaks.
/// Reals are quoted too, since DOT's numerals have no exponent. Output is
/// deterministic: the same network gives the same bytes.
public struct DOTFormatter: NetworkFormatter {
    // Every format opens alike (settings, provenance, columns): one type per format, deliberately.
    public let settings: ExportSettings

    public init(_ settings: ExportSettings) {
        self.settings = settings
    }

    /// The DOT text as UTF-8 bytes.
    /// - Precondition: `layout`, if given, has one entry per node.
    /// - Complexity: O(n·k + m) for k metrics.
    public func format(_ network: CoauthorNetwork, metrics: MetricTable) -> [UInt8] {
        let layout = settings.layout
        let provenance = settings.provenance(network, metrics: metrics)
        let nodeColumns = ExportColumn.nodeColumns(network, metrics: metrics)
        let edgeColumns = ExportColumn.edgeColumns(network)
        var out = ExportBuffer(capacity: 1024 + network.nodeCount * (60 + 32 * nodeColumns.count)
                               + network.edgeCount * (40 + 32 * edgeColumns.count))

        out.append("graph coauthors {\n  graph [comment=")
        Self.quote(provenance.summary, into: &out)
        out.append(", tool=")
        Self.quote(provenance.tool, into: &out)
        out.append(", weighting=")
        Self.quote(provenance.weighting, into: &out)
        out.append(", filters=")
        Self.quote(provenance.filters, into: &out)
        out.append(", max_authors=")
        out.append(provenance.maxAuthors)
        out.append(", distance=")
        Self.quote(provenance.distance, into: &out)
        if let q = provenance.modularity {
            out.append(", modularity=\"")
            out.append(q)
            out.append("\"")
        }
        if let approximation = provenance.approximation {
            out.append(", approximation=")
            Self.quote(approximation, into: &out)
        }
        if let normalization = provenance.normalization {
            out.append(", normalization=")
            Self.quote(normalization, into: &out)
        }
        out.append("];\n")
        if layout != nil {
            // The disc keeps its size and the name its own (`fixedsize=true` made Graphviz warn
            // "size too small for label" for every node: a user trial of session 56).
            out.append("  node [shape=circle, style=filled, fixedsize=shape];\n")
        }

        // Identifiers as in the other formats (DOT had none: a user trial of session 63).
        let idKinds = network.idKinds
        for v in 0..<network.nodeCount {
            out.append("  n")
            out.append(v)
            out.append(" [label=")
            Self.quote(network.names[v], into: &out)
            for kind in idKinds where !network.ids[v].value(of: kind).isEmpty {
                out.append(", ")
                out.append(raw: kind.attribute)
                out.append("=")
                Self.quote(network.ids[v].value(of: kind), into: &out)
            }
            for column in nodeColumns where column.has(v) {
                attribute(column, at: v, into: &out)
            }
            if let placement = layout?.placements[v] {
                out.append(", pos=\"")
                out.append(placement.x)
                out.append(",")
                out.append(placement.y)
                out.append("!\", width=\"")
                out.append(placement.diameter / 72)
                out.append("\", height=\"")
                out.append(placement.diameter / 72)
                out.append("\", fillcolor=\"")
                out.append(raw: placement.color.hex)
                out.append("\"")
            }
            out.append("];\n")
        }
        let graph = network.graph
        for e in 0..<network.edgeCount {
            out.append("  n")
            out.append(Int(graph.source[e]))
            out.append(" -- n")
            out.append(Int(graph.target[e]))
            out.append(" [")
            var first = true
            for column in edgeColumns where column.has(e) {
                attribute(column, at: e, separator: !first, into: &out)
                first = false
            }
            out.append("];\n")
        }
        out.append("}\n")
        return out.bytes
    }

    private func attribute(_ column: ExportColumn, at index: Int, separator: Bool = true, into out: inout ExportBuffer) {
        if separator { out.append(", ") }
        out.append(raw: column.name)
        if column.isInteger {
            out.append("=")
            out.append(column, at: index)
        } else {
            out.append("=\"")
            out.append(column, at: index)
            out.append("\"")
        }
    }

    /// Appends `text` as a DOT double-quoted string.
    static func quote(_ text: String, into out: inout ExportBuffer) {
        out.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                out.append(UInt8(ascii: "\\"))
            }
            out.append(byte)
        }
        out.append(UInt8(ascii: "\""))
    }

    public func files(_ network: CoauthorNetwork, metrics: MetricTable) -> [FormattedFile] {
        [FormattedFile(.destination, format(network, metrics: metrics))]
    }
}
