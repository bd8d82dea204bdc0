/// Writes a network as dynamic GEXF 1.3 (SPEC §7) for Gephi, valid against
/// the GEXF 1.3 RELAX NG schema and readable by networkx's `read_gexf`.
///
/// The graph is `mode="dynamic"` with `timeformat="integer"` (years), so
/// Gephi's timeline plays the collaboration history:
/// - each edge has one spell per run of consecutive years with a joint paper,
///   and its weight per year as a dynamic attribute titled `weight` (the
///   title Gephi reserves for a dynamic edge weight); the static `weight`
///   attribute of the edge is the tie's total weight. A year's weight is the
///   sum of what that year's joint papers add (1 each under `count`,
///   1/(n_k − 1) each under `fractional`).
/// - each author has one spell per run of consecutive years with a publication,
///   solo papers included (`ExportSettings.activeYears`; a user trial of session
///   56 found authors gone from Gephi's timeline in the years of their solo
///   papers); without those years, their first and last publication years and
///   every year with a joint paper.
/// - with a ``MapLayout``, every placed author carries `viz:position`,
///   `viz:size` (diameter in points) and `viz:color`, so Gephi opens with the
///   rendered picture.
///
/// `label` is the display name with runs of white space collapsed to one
/// space (the schema types it as a token); the attribute `name` keeps the
/// exact name. The weighting and filters are in `<meta><description>`.
/// Output is deterministic: the same network gives the same bytes.
public struct GEXFFormatter: NetworkFormatter {
    // Every format opens alike (settings, provenance, columns): one type per format, deliberately.
    public let settings: ExportSettings

    public init(_ settings: ExportSettings) {
        self.settings = settings
    }

    /// The GEXF document as UTF-8 bytes.
    /// - Precondition: `layout` and `activeYears`, if given, have one entry per node.
    /// - Complexity: O(n·k + m + Y + P log P) for k metrics, Y years of joint
    ///   papers summed over edges, and P the largest count of joint-paper years
    ///   around one author.
    public func format(_ network: CoauthorNetwork, metrics: MetricTable) -> [UInt8] {
        precondition(settings.activeYears == nil || settings.activeYears!.count == network.nodeCount, "one list of years per node")
        let provenance = settings.provenance(network, metrics: metrics)
        let nodeColumns = ExportColumn.nodeColumns(network, metrics: metrics)
        let edgeColumns = ExportColumn.edgeColumns(network).filter { $0.name != "weight" }
        let totalYears = network.edgeYears.reduce(0) { $0 + $1.count }
        var out = ExportBuffer(capacity: 4096 + network.nodeCount * (400 + 64 * nodeColumns.count)
                               + network.edgeCount * (300 + 64 * edgeColumns.count) + totalYears * 120)

        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        out.append("<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\" version=\"1.3\">\n")
        out.append("  <meta>\n    <creator>")
        out.append(xml: provenance.tool)
        out.append("</creator>\n    <keywords>co-authorship, weighting=")
        out.append(xml: provenance.weighting)
        out.append("</keywords>\n    <description>")
        out.append(xml: provenance.fullSummary)
        if let q = provenance.modularity {
            out.append("; modularity of the communities: ")
            out.append(q)
        }
        out.append("</description>\n  </meta>\n")

        out.append("  <graph mode=\"dynamic\" defaultedgetype=\"undirected\" timeformat=\"integer\"")
        if let first = network.firstYear.lazy.compactMap({ $0 }).min(),
           let last = network.lastYear.lazy.compactMap({ $0 }).max() {
            out.append(" start=\"")
            out.append(first)
            out.append("\" end=\"")
            out.append(last)
            out.append("\"")
        }
        out.append(">\n")

        out.append("    <attributes class=\"node\" mode=\"static\">\n")
        // Short attribute ids (titles carry the names) keep a 645k-tie file small enough to write fast.
        declare("0", title: "name", integer: false, string: true, into: &out)
        for (index, column) in nodeColumns.enumerated() {
            declare(String(index + 1), title: column.name, integer: column.isInteger, into: &out)
        }
        // Identifier attributes only when some node has one, so that BibTeX networks export as before.
        for kind in network.idKinds { declare(kind.attribute, title: kind.attribute, integer: false, string: true, into: &out) }
        out.append("    </attributes>\n    <attributes class=\"edge\" mode=\"static\">\n")
        for (index, column) in edgeColumns.enumerated() {
            declare("e" + String(index), title: column.name, integer: column.isInteger, into: &out)
        }
        out.append("    </attributes>\n    <attributes class=\"edge\" mode=\"dynamic\">\n")
        declare("w", title: "weight", integer: false, into: &out)
        out.append("    </attributes>\n")

        writeNodes(network, columns: nodeColumns, into: &out)
        writeEdges(network, columns: edgeColumns, into: &out)
        out.append("  </graph>\n</gexf>\n")
        return out.bytes
    }

    private func declare(_ id: String, title: String, integer: Bool, string: Bool = false, into out: inout ExportBuffer) {
        out.append("      <attribute id=\"")
        out.append(raw: id)
        out.append("\" title=\"")
        out.append(raw: title)
        out.append("\" type=\"")
        out.append(string ? "string" : integer ? "integer" : "double")
        out.append("\"/>\n")
    }

    private func writeNodes(_ network: CoauthorNetwork, columns: [ExportColumn], into out: inout ExportBuffer) {
        let graph = network.graph
        let idKinds = network.idKinds
        var years: [Int] = []
        out.append("    <nodes count=\"")
        out.append(network.nodeCount)
        out.append("\">\n")
        for v in 0..<network.nodeCount {
            out.append("      <node id=\"n")
            out.append(v)
            out.append("\" label=\"")
            out.append(xml: Self.token(network.names[v]), attribute: true)
            // One line per node: indentation inside would be a fifth of the file.
            out.append("\"><attvalues><attvalue for=\"0\" value=\"")
            out.append(xml: network.names[v], attribute: true)
            out.append("\"/>")
            for (index, column) in columns.enumerated() where column.has(v) {
                out.append("<attvalue for=\"")
                out.append(index + 1)
                out.append("\" value=\"")
                out.append(column, at: v)
                out.append("\"/>")
            }
            for kind in idKinds where !network.ids[v].value(of: kind).isEmpty {
                out.append("<attvalue for=\"")
                out.append(raw: kind.attribute)
                out.append("\" value=\"")
                out.append(xml: network.ids[v].value(of: kind), attribute: true)
                out.append("\"/>")
            }
            out.append("</attvalues>")

            if let active = settings.activeYears {
                writeSpells(active[v], into: &out)
            } else {
                years.removeAll(keepingCapacity: true)
                if let first = network.firstYear[v] { years.append(first) }
                if let last = network.lastYear[v] { years.append(last) }
                for slot in graph.slots(v) {
                    years.append(contentsOf: network.edgeYears[Int(graph.edgeIDs[slot])])
                }
                years.sort()
                writeSpells(years, into: &out)
            }

            if let placement = settings.layout?.placements[v] {
                let color = placement.color
                out.append("<viz:color r=\"")
                out.append(Int(color.red))
                out.append("\" g=\"")
                out.append(Int(color.green))
                out.append("\" b=\"")
                out.append(Int(color.blue))
                out.append("\" a=\"")
                out.append(Double(color.alpha) / 255)
                out.append("\"/><viz:position x=\"")
                out.append(placement.x)
                out.append("\" y=\"")
                out.append(placement.y)
                out.append("\" z=\"0.0\"/><viz:size value=\"")
                out.append(placement.diameter)
                out.append("\"/>")
            }
            out.append("</node>\n")
        }
        out.append("    </nodes>\n")
    }

    private func writeEdges(_ network: CoauthorNetwork, columns: [ExportColumn], into out: inout ExportBuffer) {
        let graph = network.graph
        out.append("    <edges count=\"")
        out.append(network.edgeCount)
        out.append("\">\n")
        for e in 0..<network.edgeCount {
            out.append("      ")
            out.appendEdgeStart(e, of: graph)
            out.append(" weight=\"")
            out.append(graph.weight[e])
            out.append("\"><attvalues>")
            for (index, column) in columns.enumerated() where column.has(e) {
                out.append("<attvalue for=\"e")
                out.append(index)
                out.append("\" value=\"")
                out.append(column, at: e)
                out.append("\"/>")
            }
            let years = network.edgeYears[e]
            let weights = network.yearWeights(ofEdge: e)
            var start = years.startIndex
            while start < years.endIndex {
                var end = start
                var yearWeight = 0.0
                while end < years.endIndex, years[end] == years[start] {
                    yearWeight += weights[end - years.startIndex]
                    end += 1
                }
                out.append("<attvalue for=\"w\" value=\"")
                out.append(yearWeight)
                out.append("\" start=\"")
                out.append(years[start])
                out.append("\" end=\"")
                out.append(years[start])
                out.append("\"/>")
                start = end
            }
            out.append("</attvalues>")
            writeSpells(years, into: &out)
            out.append("</edge>\n")
        }
        out.append("    </edges>\n")
    }

    /// One closed spell per run of consecutive years in `years` (sorted, repeats allowed).
    private func writeSpells(_ years: some Collection<Int>, into out: inout ExportBuffer) {
        guard let first = years.first else { return }
        out.append("<spells>")
        var start = first, previous = first
        for year in years.dropFirst() where year != previous {
            if year != previous + 1 {
                spell(start, previous, into: &out)
                start = year
            }
            previous = year
        }
        spell(start, previous, into: &out)
        out.append("</spells>")
    }

    private func spell(_ start: Int, _ end: Int, into out: inout ExportBuffer) {
        out.append("<spell start=\"")
        out.append(start)
        out.append("\" end=\"")
        out.append(end)
        out.append("\"/>")
    }

    /// `text` with leading and trailing white space removed and inner runs
    /// collapsed to one space: the lexical form of an XML Schema token.
    static func token(_ text: String) -> String {
        let isSpace: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        let utf8 = text.utf8
        var previousSpace = true
        var clean = true
        for byte in utf8 {
            let space = isSpace(byte)
            if space && (previousSpace || byte != 0x20) { clean = false; break }
            previousSpace = space
        }
        if clean && !previousSpace || utf8.isEmpty { return text }
        return text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" })
            .joined(separator: " ")
    }

    public func files(_ network: CoauthorNetwork, metrics: MetricTable) -> [FormattedFile] {
        [FormattedFile(.destination, format(network, metrics: metrics))]
    }
}
