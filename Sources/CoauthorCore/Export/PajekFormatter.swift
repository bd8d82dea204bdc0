/// Writes a network in Pajek's `.net` form with tie weights, plus a `.clu`
/// partition of the communities (SPEC §7), readable by Pajek, igraph
/// (`Graph.Read_Pajek`) and networkx (`read_pajek`).
///
/// The `*Network` line records the tool, weighting and filters; `*Vertices`
/// lists the authors 1…n with their display names in double quotes (and,
/// with a ``MapLayout``, their positions scaled into Pajek's unit square,
/// y growing downwards); `*Edges` lists `u v weight`, the weight being a
/// strength. The `.clu` file holds one community number (Louvain community
/// + 1, so the largest is 1) per author, in the same order.
///
/// Pajek's labels have no escapes, and igraph reads them the same way, so a
/// `"` in a name becomes `'`, and a line break becomes a space; everything
/// else, including non-Latin text, is written as UTF-8. (networkx reads
/// vertex lines with `shlex`, which would also swallow a backslash standing
/// before another backslash or at the end of a name.) The same network gives
/// the same bytes.
public struct PajekFormatter: NetworkFormatter {
    // Every format opens alike (settings, provenance, columns): one type per format, deliberately.
    public let settings: ExportSettings

    public init(_ settings: ExportSettings) {
        self.settings = settings
    }

    /// The `.net` file and, when communities were computed, the `.clu` file, as UTF-8 bytes.
    /// - Precondition: `layout`, if given, has one entry per node.
    /// - Complexity: O(n + m).
    public func format(_ network: CoauthorNetwork, metrics: MetricTable) -> (network: [UInt8], partition: [UInt8]?) {
        let layout = settings.layout
        let provenance = settings.provenance(network, metrics: metrics)
        var out = ExportBuffer(capacity: 256 + network.nodeCount * 40 + network.edgeCount * 24)
        out.append("*Network coauthors (")
        Self.appendLabel(provenance.fullSummary, into: &out)
        out.append(")\n*Vertices ")
        out.append(network.nodeCount)
        out.append("\n")
        let frame = layout.map(Self.unitSquare)
        for v in 0..<network.nodeCount {
            out.append(v + 1)
            out.append(" \"")
            Self.appendLabel(network.names[v], into: &out)
            out.append("\"")
            if let frame, let placement = layout?.placements[v] {
                out.append(" ")
                out.append((placement.x - frame.minX) / frame.span)
                out.append(" ")
                out.append((frame.maxY - placement.y) / frame.span)
            }
            out.append("\n")
        }
        out.append("*Edges\n")
        let graph = network.graph
        for e in 0..<network.edgeCount {
            out.append(Int(graph.source[e]) + 1)
            out.append(" ")
            out.append(Int(graph.target[e]) + 1)
            out.append(" ")
            out.append(graph.weight[e])
            out.append("\n")
        }

        guard let community = metrics.community else { return (out.bytes, nil) }
        var partition = ExportBuffer(capacity: 32 + network.nodeCount * 4)
        partition.append("*Vertices ")
        partition.append(network.nodeCount)
        partition.append("\n")
        for label in community {
            partition.append(label + 1)
            partition.append("\n")
        }
        return (out.bytes, partition.bytes)
    }

    /// The square (in points) that scales the placed nodes into [0, 1]²,
    /// one scale for both axes so the picture keeps its proportions.
    private static func unitSquare(_ layout: MapLayout) -> (minX: Double, maxY: Double, span: Double) {
        let placed = layout.placements.compactMap { $0 }
        guard let first = placed.first else { return (0, 0, 1) }
        var minX = first.x, maxX = first.x, minY = first.y, maxY = first.y
        for p in placed {
            minX = min(minX, p.x); maxX = max(maxX, p.x)
            minY = min(minY, p.y); maxY = max(maxY, p.y)
        }
        let span = max(maxX - minX, maxY - minY)
        return (minX, maxY, span > 0 ? span : 1)
    }

    /// Appends `text` with `"` turned into `'` and line breaks into spaces.
    static func appendLabel(_ text: String, into out: inout ExportBuffer) {
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(UInt8(ascii: "'"))
            case 0x0A, 0x0D: out.append(UInt8(ascii: " "))
            default: out.append(byte)
            }
        }
    }

    /// The `.net` file, and the `.clu` of communities beside it when they were computed.
    public func files(_ network: CoauthorNetwork, metrics: MetricTable) -> [FormattedFile] {
        let files = format(network, metrics: metrics)
        return [FormattedFile(.destination, files.network)] + (files.partition.map { [FormattedFile(.besideNet(extension: "clu"), $0)] } ?? [])
    }
}
