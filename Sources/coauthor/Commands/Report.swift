import ArgumentParser
import CoauthorCore
import Foundation

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The main job: a map, a GraphML file and collaborator rankings (the default command).",
        discussion: """
            Writes network.svg, network.graphml, network.gexf, nodes.csv, edges.csv, collaborators.md, timeline.csv, timeline.svg and report.html into the output folder and prints \
            the focus author's collaborators ranked by joint papers and the most central authors by PageRank. \
            Nothing is written unless every output could be made.
            """
    )

    @OptionGroup var analysis: AnalysisOptions
    @OptionGroup var map: MapOptions

    @Option(name: [.short, .customLong("output")], help: "The folder the output files go to.")
    var output = "Output"

    @Option(help: "How many collaborators and central authors to print.")
    var top = 15

    func run() throws {
        let loaded = try Pipeline.load(analysis)
        let network = loaded.network
        let metrics = MapMaking.metrics(for: loaded, analysis: analysis, options: map, extra: Set(Metric.allCases))

        // Make every output before writing any, so a failure leaves Output/ as it was.
        let scene = MapMaking.scene(loaded, metrics: metrics, options: map)
        let svg = try MapMaking.render(scene, options: map, format: .svg)
        let graphml = GraphMLFormatter(toolVersion: CoauthorVersion.current, maxAuthors: analysis.maxAuthors)
            .format(network, metrics: metrics)
        let referenceYear = network.lastYear.compactMap { $0 }.max()
        let central = RankingTable.authors(network, metrics: metrics, by: .pagerank, top: top)
            .selecting(["rank", "name", "pagerank", "papers", "degree", "strength", "betweenness", "closeness"])
        var collaborators: RankingTable?
        var heading = ""
        if let focus = network.focus {
            let ties = TieMetrics.ties(of: focus, in: network, referenceYear: referenceYear)
            collaborators = RankingTable.collaborators(of: focus, in: network, metrics: metrics, ties: ties, by: "papers", top: 0)
            let years = yearRange(network.firstYear[focus], network.lastYear[focus])
            heading = "\(network.names[focus]): \(network.papers[focus]) papers, \(network.graph.degree(focus)) co-authors\(years)"
        }
        let markdown = collaboratorsMarkdown(loaded, heading: heading, collaborators: collaborators, central: central)
        let (timelineCSV, timelineSVG) = timeline(loaded)
        let html = try HTMLPage.makeWithLayout(loaded, metrics: metrics, scene: scene, analysis: analysis, map: map,
                                               mapOnly: false, downloads: Self.pageDownloads)
        let gexf = GEXFFormatter(toolVersion: CoauthorVersion.current, maxAuthors: analysis.maxAuthors, layout: html.layout)
            .format(network, metrics: metrics)
        let tables = CSVFormatter().format(network, metrics: metrics)

        let folder = URL(fileURLWithPath: output)
        let files = [
            ("network.svg", svg),
            ("network.graphml", Array(graphml.utf8)),
            ("collaborators.md", Array(markdown.utf8)),
            ("timeline.csv", Array(timelineCSV.utf8)),
            ("timeline.svg", Array(timelineSVG.utf8)),
            ("network.gexf", gexf),
            ("nodes.csv", tables.nodes),
            ("edges.csv", tables.edges),
            ("report.html", html.page),
        ]
        for (name, bytes) in files {
            try Pipeline.emit(bytes, to: folder.appendingPathComponent(name).path)
        }

        var text = ""
        if !heading.isEmpty { text += heading + "\n" }
        text += "network: \(network.nodeCount) authors, \(network.edgeCount) ties, \(network.publicationCount) publications\n\n"
        if let collaborators {
            text += "Closest collaborators of \(network.names[network.focus!]) (by joint papers)\n"
            text += collaborators.selecting(["rank", "name", "papers", "first_year", "last_year"]).prefix(top).plain() + "\n"
        }
        text += "Most central authors (PageRank)\n" + central.plain() + "\n"
        text += "wrote " + files.map { folder.appendingPathComponent($0.0).relativePathForDisplay }.joined(separator: ", ") + "\n"
        Console.out(text)
    }

    /// The files beside report.html that it links to.
    static let pageDownloads: [HTMLReportModel.Download] = [
        .init(label: "network.graphml — GraphML with every metric (Gephi, Cytoscape, networkx, igraph)", href: "network.graphml"),
        .init(label: "network.gexf — GEXF 1.3 with this map's layout and the collaboration years (Gephi)", href: "network.gexf"),
        .init(label: "nodes.csv — every author with every metric", href: "nodes.csv"),
        .init(label: "edges.csv — every co-authorship tie", href: "edges.csv"),
        .init(label: "network.svg — the map as SVG", href: "network.svg"),
        .init(label: "collaborators.md — the focus author's collaborators and the central authors", href: "collaborators.md"),
        .init(label: "timeline.csv — the focus author's collaborations per year", href: "timeline.csv"),
        .init(label: "timeline.svg — the same as a chart", href: "timeline.svg"),
    ]

    /// The focus author's per-year table (SPEC §6) as CSV and as a chart.
    private func timeline(_ loaded: Loaded) -> (csv: String, svg: String) {
        let network = loaded.network
        guard let focus = network.focus else {
            return (TimelineTables.focus([]).csv(), TimelineCharts.focus([], author: "", corpus: loaded.label).svg())
        }
        let dated = DatedCorpus(publications: loaded.corpus.publications, authors: loaded.authors, network: network,
                                options: analysis.networkOptions)
        let rows = FocusTimeline.rows(focus: focus, network: network, corpus: dated)
        return (TimelineTables.focus(rows).csv(),
                TimelineCharts.focus(rows, author: network.names[focus], corpus: loaded.label).svg())
    }

    private func yearRange(_ first: Int?, _ last: Int?) -> String {
        guard let first, let last else { return "" }
        return first == last ? ", \(first)" : ", \(first)–\(last)"
    }

    private func collaboratorsMarkdown(_ loaded: Loaded, heading: String, collaborators: RankingTable?, central: RankingTable) -> String {
        var out = "# Collaborators\n\n"
        if !heading.isEmpty { out += "**\(heading)**\n\n" }
        out += "Network: \(loaded.network.nodeCount) authors, \(loaded.network.edgeCount) ties, "
        out += "\(loaded.network.publicationCount) publications from `\(loaded.label)`; weights: \(loaded.network.weighting.rawValue).\n\n"
        if let collaborators {
            out += "## Every collaborator, by joint papers\n\n"
            out += collaborators.selecting(["rank", "name", "papers", "first_year", "last_year", "span", "active_years", "recency"]).markdown()
            out += "\n"
        }
        out += "## Most central authors (PageRank)\n\n" + central.markdown()
        return out
    }
}

extension RankingTable {
    /// The first `count` rows.
    func prefix(_ count: Int) -> RankingTable {
        var table = self
        table.rows = Array(rows.prefix(count))
        return table
    }
}

extension URL {
    /// The path relative to the working folder when it lies inside it.
    var relativePathForDisplay: String {
        let cwd = FileManager.default.currentDirectoryPath + "/"
        return path.hasPrefix(cwd) ? String(path.dropFirst(cwd.count)) : path
    }
}
