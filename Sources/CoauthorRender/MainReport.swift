import CoauthorCore
import Foundation

/// The main job (`coauthor report`, and `coauthor` with no subcommand): the map, the GraphML
/// and GEXF exports and the CSV tables, the collaborators table, the focus author's timeline and
/// the HTML report that links them, made in memory, plus the short summary printed at the end.
public struct MainReport: Sendable {
    /// The files to write, in this order, inside the output folder.
    public let files: [OutputFile]
    /// The summary for the terminal: the focus author, the network, their closest
    /// collaborators and the most central authors.
    public let summary: String
    /// The metrics the report shows (with the budget's decision and any sampling guarantee).
    public let metrics: MetricTable

    /// Makes every output of the report; nothing is written.
    /// - Parameters:
    ///   - folder: where the files go.
    ///   - top: how many collaborators and central authors the summary lists.
    ///   - request: how to compute the metrics (sampling, time budget, communities); every
    ///     metric is computed, with communities.
    /// - Throws: ``RenderError`` when the map cannot be drawn.
    ///   - exports: whether the GraphML, GEXF and CSV files are made (on a field's network they
    ///     are most of the output: 700 MB of 760 on dblp-2016-topvenues).
    ///   - decided: given the time budget's decision before the metrics are computed
    ///     (`Analysis.metrics(_:progress:decided:)`).
    public init(_ analysis: Analysis, style: MapStyle, options: RenderOptions, folder: String, top: Int,
                request: MetricRequest = MetricRequest([]), exports: Bool = true, progress: ProgressHandler? = nil,
                decided: ((PathMetricBudget) -> Void)? = nil) throws {
        let network = analysis.network
        var request = request
        let mapNeeds = Analysis.metricRequest(for: style, seed: options.seed, extra: Set(Metric.graphCases))
        request.metrics = mapNeeds.metrics
        // Communities whatever the map's colouring: the page can colour by them (it offered only
        // first year and component under `--color-by first-year`: a user trial of session 54).
        request.communitySeed = UInt64(max(0, options.seed))
        let metrics = analysis.metrics(request, progress: progress, decided: decided)
        self.metrics = metrics
        // One layout for the picture, the page and the GEXF beside them.
        progress?("map layout", ProgressFraction.unknown)
        let scene = analysis.mapScene(metrics: metrics, style: style)
        let positions = try MapRenderer.layout(scene, options: options)
        progress?("map drawing", ProgressFraction.unknown)
        let svg = try MapRenderer.render(scene, laidOutAt: positions, options: options)
        let layout = MapLayout(scene: scene, centres: positions.map { ($0.x, $0.y) }, nodeCount: network.nodeCount)
        progress?("report page", ProgressFraction.unknown)
        let html = analysis.htmlPage(scene: scene, positions: positions, metrics: metrics, style: style, seed: options.seed,
                                     mapOnly: false, downloads: Self.pageDownloads(analysis.level, exports: exports))
        let base = URL(fileURLWithPath: folder)
        func file(_ name: String, _ bytes: [UInt8]) -> OutputFile {
            OutputFile(path: base.appendingPathComponent(name).path, bytes: bytes)
        }
        // Each empty without the exports.
        var graphml: [OutputFile] = [], gexf: [OutputFile] = [], tables: [OutputFile] = []
        if exports {
            progress?("exports", ProgressFraction.unknown)
            graphml = [file("network.graphml", analysis.export(.graphml, metrics: metrics, destination: nil)[0].bytes)]
            gexf = [file("network.gexf", analysis.export(.gexf, metrics: metrics, layout: layout, destination: nil)[0].bytes)]
            tables = analysis.export(.csv, metrics: metrics, destination: folder)
        }
        progress?("", ProgressFraction.unknown)
        // Estimates carry their error bound, as `rank`'s do (the printed table looked exact beside
        // a note: a scale trial of session 57).
        // (Closeness's guarantee is on mean distances, in units of D: it has no bound of its own.)
        let bounded = [Metric.betweenness].filter { metrics.errorBounds[$0] != nil }
        let central = analysis.ranking(by: .pagerank, metrics: metrics, top: top)
            .selecting([.rank, .name, .metric(.pagerank), .metric(.papers), .metric(.degree), .metric(.strength),
                        .metric(.betweenness), .metric(.closeness)] + bounded.map { .error($0) })
        var collaborators: RankingTable?
        var heading = ""
        if let focus = network.focus {
            collaborators = analysis.collaborators(of: focus, by: .tie(.papers), metrics: metrics)
            let years = Self.yearRange(network.firstYear[focus], network.lastYear[focus])
            let partners = Self.counted(network.graph.degree(focus), analysis.level == .author ? "co-author" : "partner")
            heading = "\(network.names[focus]): \(Self.counted(network.papers[focus], "paper")), \(partners)\(years)"
        }
        let markdown = Self.markdown(analysis, metrics: metrics, heading: heading, collaborators: collaborators, central: central)
        let timelineCSV = (try? analysis.timelineTable(.focus).csv()) ?? TimelineTables.focus([]).csv()
        let timelineSVG = (try? analysis.timelineChart(.focus))
            ?? TimelineCharts.focus([], author: "", corpus: analysis.label).svg()

        // In the order the files were always written: the map, GraphML, the tables of the focus,
        // GEXF, the CSV tables, the page last.
        files = [file("network.svg", svg)] + graphml + [
            file("collaborators.md", Array(markdown.utf8)),
            file("timeline.csv", Array(timelineCSV.utf8)),
            file("timeline.svg", Array(timelineSVG.utf8)),
        ] + gexf + tables + [
            file("report.html", html),
        ]

        var text = ""
        if !heading.isEmpty { text += heading + "\n" }
        let units = analysis.level.plural
        text += "network: \(Self.counted(network.nodeCount, analysis.level.unitName, plural: units)), "
            + "\(Self.counted(network.edgeCount, "tie")), \(Self.counted(network.publicationCount, "publication"))\n\n"
        if let collaborators, let focus = network.focus {
            text += "Closest collaborators of \(network.names[focus]) (by joint papers)\n"
            // (`--top 0` is every one, as in `rank`: it printed the heading over no rows, a user
            // trial of session 57.)
            let shown = collaborators.selecting([.rank, .name, .tie(.papers), .tie(.firstYear), .tie(.lastYear)])
            text += (top > 0 ? shown.prefix(top) : shown).plain() + "\n"
        }
        text += "Most central \(units) (PageRank)\n" + central.plain() + "\n"
        summary = text
    }

    /// The files beside report.html that it links to, in the level's words (a user trial of
    /// session 52 read "every author" of a network of countries).
    static func pageDownloads(_ level: NetworkLevel, exports: Bool = true) -> [HTMLReportModel.Download] {
        let (unit, units) = (level.unitName, level.plural)
        let (ties, partners) = level == .author ? ("co-authorship tie", "collaborators") : ("collaboration tie between \(units)", "partners")
        let exported: [HTMLReportModel.Download] = exports ? [
            .init(label: "network.graphml — GraphML with every metric (Gephi, Cytoscape, networkx, igraph)", href: "network.graphml"),
            .init(label: "network.gexf — GEXF 1.3 with this map's layout and the collaboration years (Gephi)", href: "network.gexf"),
            .init(label: "nodes.csv — every \(unit) with every metric", href: "nodes.csv"),
            .init(label: "edges.csv — every \(ties)", href: "edges.csv"),
        ] : []
        return exported + [
            .init(label: "network.svg — the map as SVG", href: "network.svg"),
            .init(label: "collaborators.md — the focus \(unit)'s \(partners) and the central \(units)", href: "collaborators.md"),
            .init(label: "timeline.csv — the focus \(unit)'s collaborations per year", href: "timeline.csv"),
            .init(label: "timeline.svg — the same as a chart", href: "timeline.svg"),
        ]
    }

    /// "1 paper", "2 papers": a count and its noun, plural (`plural`, else with an s) unless the count is one.
    static func counted(_ count: Int, _ noun: String, plural: String? = nil) -> String {
        count == 1 ? "1 \(noun)" : "\(count) \(plural ?? noun + "s")"
    }

    private static func yearRange(_ first: Int?, _ last: Int?) -> String {
        guard let first, let last else { return "" }
        return first == last ? ", \(first)" : ", \(first)–\(last)"
    }

    private static func markdown(_ analysis: Analysis, metrics: MetricTable, heading: String, collaborators: RankingTable?,
                                 central: RankingTable) -> String {
        let network = analysis.network
        // Collaborators between authors, partners between institutions or countries.
        let (title, each) = analysis.level == .author ? ("Collaborators", "collaborator") : ("Partners", "partner")
        var out = "# \(title)\n\n"
        if !heading.isEmpty { out += "**\(heading)**\n\n" }
        out += "Network: \(counted(network.nodeCount, analysis.level.unitName, plural: analysis.level.plural)), \(counted(network.edgeCount, "tie")), "
        out += "\(counted(network.publicationCount, "publication")) from `\(analysis.label)`; weights: \(network.weighting.rawValue)"
        if metrics.community != nil && metrics.communityNormalization != .none {
            out += "; communities on ties normalised by \(metrics.communityNormalization.summary)"
        }
        out += ".\n\n"
        if let collaborators {
            out += "## Every \(each), by joint papers\n\n"
            out += collaborators.selecting([.rank, .name] + TieMetric.allCases.filter { $0 != .weight }.map { .tie($0) }).markdown()
            out += "\n"
        }
        out += "## Most central \(analysis.level.plural) (PageRank)\n\n" + central.markdown()
        for approximation in metrics.approximations { out += "\n_Estimated: \(approximation.statement)._\n" }
        return out
    }
}
